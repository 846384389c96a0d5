"""The one place where lint rules are registered: every code, in order.

Adding a rule means adding its module under ``hirebook/lint/rules/`` and its name here (and a
test); nothing else, unless it opens a new group of codes (``HB7xx``), whose heading on the
lint-codes page is ``lint.group.hb7`` in the handbook's three catalogues.
"""

from __future__ import annotations

import importlib

from hirebook.lint.rule import Rule

RULE_MODULES = (
    # HB1xx — YAML and encoding (reported while files are read)
    "hb100_unreadable_file",
    "hb101_file_too_large",
    "hb102_binary_file",
    "hb103_invalid_utf8",
    "hb104_empty_file",
    "hb105_yaml_syntax",
    "hb106_duplicate_key",
    "hb107_anchor_alias_tag",
    "hb108_not_a_mapping",
    "hb109_case_front_matter",
    "hb110_misplaced_file",
    "hb111_not_a_regular_file",
    "hb112_unusual_line_break",
    # HB2xx — schema
    "hb201_unknown_field",
    "hb202_missing_field",
    "hb203_wrong_type",
    "hb204_not_allowed_value",
    "hb205_bad_format",
    "hb206_out_of_range",
    "hb207_schema_rule",
    "hb208_impossible_date",
    "hb209_datetime_without_offset",
    # HB3xx — ids and references
    "hb301_id_matches_file_name",
    "hb302_duplicate_id",
    "hb303_unknown_person",
    "hb304_inactive_person",
    "hb305_unknown_requirement",
    "hb306_unknown_candidate",
    "hb307_unknown_plan",
    "hb308_unknown_contact",
    "hb309_unknown_client",
    "hb310_missing_policy",
    "hb311_windows_reserved_name",
    # HB4xx — process and chronology
    "hb401_application_timeline",
    "hb402_offer_timeline",
    "hb403_placement_timeline",
    "hb404_active_plan_unsigned",
    "hb405_submission_before_confirmation",
    "hb406_confirmed_unsigned",
    "hb407_filled_without_hire",
    "hb408_requirement_timeline",
    "hb409_plan_timeline",
    "hb410_events_after_withdrawal",
    # HB5xx — personal data
    "hb501_email_in_text",
    "hb502_phone_in_text",
    "hb503_candidate_name_in_text",
    "hb504_retention_expired",
    "hb505_candidate_data_in_contact",
    # HB6xx — calendar
    "hb601_no_holidays_this_year",
    "hb602_no_holidays_next_year",
)

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(importlib.import_module(f"hirebook.lint.rules.{name}"))
    for name in RULE_MODULES
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
