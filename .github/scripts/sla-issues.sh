#!/usr/bin/env bash
# Open or update one issue per owner listing their overdue and at-risk clocks; close the issue
# when the owner has none left. Uses only the GitHub CLI with the workflow's token.
# Issues are found by their title "SLA: open clocks for <owner>" and the label "sla".
#
# - Every open issue with the label is read (`gh api --paginate`, not the first page only).
# - A failed `gh` call does not stop the run: the other owners are still served, and every
#   failure is listed at the end, which then exits 1. Only when the open issues cannot be listed
#   does the script stop at once — creating issues blind would open duplicates.
# - An issue body longer than GitHub takes (65,536 characters; counted here in UTF-8 bytes, the
#   strictest reading) is cut at a line boundary, with a note linking to the run's job summary,
#   which holds the full digest.
# - Record text (owners, digests) is never interpreted by the shell: bodies go through files
#   (--body-file), owners through NUL-separated lists, and every expansion is quoted.
#
# Environment: GH_TOKEN and GH_REPO for gh; GITHUB_SERVER_URL, GITHUB_REPOSITORY and
# GITHUB_RUN_ID (set by GitHub Actions) for the link to the full digest; SLA_ISSUE_BODY_LIMIT
# to change the body limit (for tests).
set -uo pipefail

readonly prefix="SLA: open clocks for "
readonly limit="${SLA_ISSUE_BODY_LIMIT:-65536}"
if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_RUN_ID:-}" ]; then
  digest_url="${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}"
else
  digest_url=""
fi
readonly digest_url

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

failures=()

# One line naming a failed command, every word shell-quoted (record text cannot start a line).
describe() {
  local word line=""
  for word in "$@"; do
    line+=" $(printf '%q' "$word")"
  done
  printf '%s' "${line# }"
}

# Run a command; on failure remember it and return 1 (the caller goes on).
attempt() {
  if "$@"; then
    return 0
  fi
  failures+=("$(describe "$@")")
  echo "Failed: $(describe "$@")" >&2
  return 1
}

report_and_exit() {
  if [ "${#failures[@]}" -eq 0 ]; then
    echo "All SLA issues are up to date."
    exit 0
  fi
  echo "::error title=SLA issues::${#failures[@]} call(s) failed; the others were made. See the list below."
  local failure
  for failure in "${failures[@]}"; do
    echo "  failed: ${failure}"
  done
  exit 1
}

# The board, once: whose clocks are open. Without it nothing can be decided (and closing every
# issue because the board is empty would be wrong), so this stops the run.
if ! hirebook sla --format json --fail-on never >"$work/board.json"; then
  echo "::error title=SLA issues::hirebook sla failed; no issue was changed."
  exit 1
fi

# Every open issue with the label, all pages. Without them an owner's issue cannot be found,
# and creating it again would open a duplicate, so this stops the run too.
attempt gh label create sla --description "Overdue and at-risk SLA clocks" --color B60205 --force
if ! attempt gh api --paginate "repos/{owner}/{repo}/issues?state=open&labels=sla&per_page=100" \
  >"$work/issues.json"; then
  echo "::error title=SLA issues::the open issues could not be listed; no issue was changed."
  report_and_exit
fi

# The plan: NUL-separated triples of action, issue number and owner —
#   update N owner | create - owner | close N owner (no clock left) | duplicate N owner.
if ! python - "$work/board.json" "$work/issues.json" "$prefix" >"$work/plan" <<'PY'; then
import json
import sys

board_path, issues_path, prefix = sys.argv[1:4]
with open(board_path, encoding="utf-8") as board:
    owners = sorted({f["owner"] for f in json.load(board)["findings"] if f["owner"]})
# `gh api --paginate` prints one JSON array per page, one after the other.
with open(issues_path, encoding="utf-8") as listing:
    text = listing.read()
issues, at, decoder = [], 0, json.JSONDecoder()
while True:
    while at < len(text) and text[at].isspace():
        at += 1
    if at == len(text):
        break
    page, at = decoder.raw_decode(text, at)
    issues += [issue for issue in page if "pull_request" not in issue]  # PRs are issues too
numbers = {}
for issue in sorted(issues, key=lambda issue: issue["number"]):
    if issue["title"].startswith(prefix):
        numbers.setdefault(issue["title"][len(prefix) :], []).append(issue["number"])
plan = []
for owner in owners:
    found = numbers.get(owner, [])
    plan.append(("update", str(found[0]), owner) if found else ("create", "-", owner))
    plan += [("duplicate", str(number), owner) for number in found[1:]]
for owner, found in sorted(numbers.items()):
    if owner not in owners:
        plan += [("close", str(number), owner) for number in found]
sys.stdout.write("".join(f"{action}\0{number}\0{owner}\0" for action, number, owner in plan))
PY
  echo "::error title=SLA issues::the board or the list of issues could not be read; no issue was changed."
  exit 1
fi

# Cut a body file to the limit at a line boundary, with a note where the full digest is.
cut_body() {
  python - "$1" "$limit" "$digest_url" "$2" <<'PY'
import sys

path, limit, url, owner = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(path, encoding="utf-8", newline="") as file:
    text = file.read()
if len(text.encode()) <= limit:
    sys.exit(0)
where = (
    f"the job summary of [this run]({url})"
    if url
    else f"the output of `hirebook sla --owner {owner}`"
)
note = (
    "\n\n---\n\n**This list is cut short**: it is longer than an issue can hold. "
    f"The full digest is in {where}.\n"
)
budget = limit - len(note.encode())
kept, size = [], 0
for line in text.split("\n"):
    size += len(line.encode()) + 1
    if size > budget:
        break
    kept.append(line)
with open(path, "w", encoding="utf-8", newline="") as file:
    file.write("\n".join(kept).rstrip("\n") + note)
PY
}

body="$work/body.md"
# The plan is read on descriptor 3, so that nothing run in the loop can read it from stdin.
while IFS= read -r -d '' -u 3 action && IFS= read -r -d '' -u 3 number \
  && IFS= read -r -d '' -u 3 owner; do
  title="${prefix}${owner}"
  case "$action" in
    update | create)
      if ! attempt hirebook sla --owner="$owner" --format markdown --fail-on never >"$body"; then
        continue
      fi
      if ! cut_body "$body" "$owner"; then
        failures+=("cutting the digest of $(describe "$owner") to ${limit} bytes")
        continue
      fi
      if [ "$action" = update ]; then
        attempt gh issue edit "$number" --body-file "$body"
      else
        attempt gh issue create --title "$title" --label sla --body-file "$body"
      fi
      ;;
    close)
      attempt gh issue close "$number" --comment "All clocks of ${owner} are clear."
      ;;
    duplicate)
      attempt gh issue close "$number" --comment "A duplicate: the clocks of ${owner} are listed in an older issue with the same title."
      ;;
  esac
done 3<"$work/plan"

report_and_exit
