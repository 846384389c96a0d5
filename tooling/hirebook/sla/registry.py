"""The one place where SLA rules are registered, in the order every output and the
handbook's ``reference/sla-rules.md`` show them.

Adding a rule takes more than its module and its name here: its goals in the ``sla`` of both
``policy.schema.json`` and ``client.schema.json``, in this order, and its words in the Chinese
catalogues (tests fail until they are there); every step is in ARCHITECTURE.md, "How to add".
"""

from __future__ import annotations

import importlib

from hirebook.sla.rule import SlaRule

RULE_MODULES = (
    "requirement_confirmation",
    "plan_proposal",
    "first_submission",
    "client_feedback",
    "interview_result",
    "candidate_notice",
    "progress_report",
    "client_commitment",
    "milestone",
    "onboarding_check_in",
    "client_revisit",
    "regular_meeting",
    "feedback_survey",
    "improvement_action",
    "tier_review",
    "data_retention",
)

SLA_RULES: tuple[SlaRule, ...] = tuple(
    SlaRule.from_module(importlib.import_module(f"hirebook.sla.rules.{name}"))
    for name in RULE_MODULES
)
SLA_RULES_BY_ID: dict[str, SlaRule] = {rule.id: rule for rule in SLA_RULES}
