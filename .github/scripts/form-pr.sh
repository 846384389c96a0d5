#!/usr/bin/env bash
# Turn an issue opened with one of the forms of .github/ISSUE_TEMPLATE into a pull request:
# `python -m hirebook.forms` reads the form from the event and runs its `hirebook new` or
# `hirebook log` command in this checkout; this script commits what the command wrote under
# records/ on a branch of its own, pushes it, opens a pull request that closes the issue and
# comments its link on the issue. A refused form gets the refusal as a comment (the issue stays
# open) and exit status 1; so does any step here that fails, naming the step.
#
# - The issue's text never reaches this shell: hirebook.forms reads the event file and runs the
#   command with an argument vector; what comes back is files (titles, bodies, comments), given
#   to git and gh as files or as quoted single words.
# - Only records/ is committed, on the branch hirebook-form/issue-N (N: the issue's number, an
#   integer hirebook.forms checked), from the branch checked out (the default branch).
# - A re-run of the job (or anything that runs it again for the same issue) does nothing when
#   the issue's pull request exists (open, merged or closed), and is refused with a comment
#   when its branch exists without one; it never pushes over a branch.
#
# Environment: GITHUB_EVENT_PATH (the event), GH_TOKEN and GH_REPO for gh (git pushes with gh
# as its credential helper); GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID for the
# link to the run.
set -euo pipefail

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
run_url="${GITHUB_SERVER_URL:-}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
readonly work run_url

status=0
python -m hirebook.forms --event "${GITHUB_EVENT_PATH:?the event file is not set}" --out "$work" \
  || status=$?
outcome=$(cat -- "$work/outcome" 2>/dev/null) || outcome=error
number=$(cat -- "$work/number" 2>/dev/null) || number=""
branch=$(cat -- "$work/branch" 2>/dev/null) || branch=""
readonly outcome number branch

# Comment a file on the issue; says so when it cannot.
comment() {
  if [ -z "$number" ] || ! gh issue comment "$number" --body-file "$1"; then
    echo "::error title=Forms::the comment could not be made on the issue (see above)"
    return 1
  fi
}

# A step after the command failed: say which on the issue, and stop with exit status 1.
fail() {
  echo "::error title=Forms::$1 failed"
  {
    printf 'The form was read and its command ran, but the pull request could not be opened: '
    printf '%s failed. Nothing was merged and this issue stays open; the log of the workflow ' "$1"
    printf 'run says why: %s\n' "$run_url"
    if [ -n "${2:-}" ]; then
      printf '\n%s\n' "$2"
    fi
  } >"$work/failure.md"
  comment "$work/failure.md"
  exit 1
}

case "$outcome" in
  ignored)
    exit 0
    ;;
  pull-request)
    ;;
  refused | error)
    if [ -f "$work/comment.md" ]; then
      comment "$work/comment.md"
    fi
    echo "::error title=Forms::the form was not recorded (${outcome}); the issue says why"
    exit 1
    ;;
  *)
    echo "::error title=Forms::hirebook.forms stopped (exit status ${status}) without an outcome"
    exit 1
    ;;
esac

if [ -z "$branch" ]; then  # an empty --head would list every pull request
  fail "reading the branch name"
fi
# A re-run of the job checks out the same commit and gets the same outcome: did a run before
# this one open the issue's pull request (open, merged or closed)? Then there is nothing to do.
# Only this repository's branch counts: anyone may open a pull request from a fork's branch
# of the same name.
earlier=$(gh pr list --head="$branch" --state=all --json=url,isCrossRepository \
  --jq='[.[] | select(.isCrossRepository | not)][0].url // ""') \
  || fail "looking for an earlier pull request of this issue"
if [ -n "$earlier" ]; then
  echo "::notice title=Forms::#${number} is recorded already in ${earlier}: nothing to do"
  exit 0
fi
title=$(cat -- "$work/title") || fail "reading the title"
base=$(git symbolic-ref --quiet --short HEAD) || fail "finding the branch checked out"
changes=$(git status --porcelain -- records) || fail "finding the change"
if [ -z "$changes" ]; then
  fail "finding the change" "The command changed no file under records/."
fi
gh auth setup-git || fail "letting git push with the workflow's token"
# --exit-code: 0 the branch exists, 2 it does not, anything else the remote could not be read.
remote=0
git ls-remote --quiet --exit-code --heads origin "refs/heads/${branch}" >/dev/null || remote=$?
case "$remote" in
  0)
    fail "creating the branch ${branch}" "The branch ${branch} exists already, without a pull \
request: a run before this one pushed it and could not open the pull request. Open the pull \
request from that branch on GitHub, or delete the branch and re-run this workflow's job."
    ;;
  2) ;;
  *) fail "looking for the branch ${branch} on GitHub" ;;
esac
git switch --quiet --create "$branch" || fail "creating the branch ${branch}"
git add -- records || fail "adding the change"
git -c user.name="github-actions[bot]" \
  -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet --file "$work/commit-message" || fail "committing the change"
git push --quiet origin "HEAD:refs/heads/${branch}" || fail "pushing the branch ${branch}"
url=$(gh pr create --base="$base" --head="$branch" --title="$title" \
  --body-file="$work/pull-request.md") \
  || fail "opening the pull request" "The branch ${branch} is pushed: open the pull request \
from it on GitHub. If the log says that GitHub Actions is not permitted to create pull \
requests, allow it in the repository's settings (Actions → General → Workflow permissions → \
Allow GitHub Actions to create and approve pull requests) for the next forms."
printf 'The pull request that records this form: %s\n\nIt closes this issue when it is merged.\n' \
  "$url" >"$work/done.md"
comment "$work/done.md" || exit 1
echo "Opened ${url}"
