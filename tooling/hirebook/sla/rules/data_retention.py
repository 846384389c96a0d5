"""data-retention — candidate data is deleted (or consent renewed) by `retain_until`.

Each candidate file is due at the end of its `retain_until` day. The clock stops when the file is
gone or `retain_until` moves (consent renewed), so a candidate on record always has one open
clock. Nobody in particular owns it: anyone handling personal data acts. Only the candidate's id
is ever shown.
"""

from hirebook.sla.context import SlaContext

RULE = "data-retention"
TITLE = "Candidate data retention"
STARTS = "candidate `retain_until`"
STOPS = "the candidate file is gone or `retain_until` moves"
OWNER = "any (privacy)"
DEFAULT_GOALS = {"all": "0"}


def clocks(ctx: SlaContext):
    for candidate in ctx.repo.candidates.values():
        if candidate.retain_until is None:
            continue
        yield ctx.due_date_clock(
            RULE,
            candidate,
            None,
            candidate.id,
            f"Retention of candidate {candidate.id}",
            candidate.retain_until,
            None,
            ("retain_until",),
        )
