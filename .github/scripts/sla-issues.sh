#!/usr/bin/env bash
# Open or update one issue per owner listing their overdue and at-risk clocks; close the issue
# when the owner has none left. Uses only the GitHub CLI with the workflow's token.
# Issues are found by their title "SLA: open clocks for <owner>" and the label "sla".
set -euo pipefail

gh label create sla --description "Overdue and at-risk SLA clocks" --color B60205 2>/dev/null || true

owners_with_clocks=$(hirebook sla --format json --fail-on never \
  | python -c 'import json,sys; print("\n".join(sorted({f["owner"] for f in json.load(sys.stdin)["findings"] if f["owner"]})))')

for owner in $owners_with_clocks; do
  title="SLA: open clocks for ${owner}"
  body=$(hirebook sla --owner "$owner" --format markdown --fail-on never)
  number=$(gh issue list --label sla --state open --search "in:title \"${title}\"" --json number,title \
    --jq ".[] | select(.title == \"${title}\") | .number" | head -n 1)
  if [ -n "$number" ]; then
    gh issue edit "$number" --body "$body"
  else
    gh issue create --title "$title" --label sla --body "$body"
  fi
done

# Close the issues of owners who have no open clock left.
gh issue list --label sla --state open --json number,title --jq '.[] | "\(.number)\t\(.title)"' \
  | while IFS=$'\t' read -r number title; do
      owner=${title#"SLA: open clocks for "}
      if ! grep -qx -- "$owner" <<<"$owners_with_clocks"; then
        gh issue close "$number" --comment "All clocks of ${owner} are clear."
      fi
    done
