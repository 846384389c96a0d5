"""Each SLA rule's default goals, written again outside its module, say the same as its module.

A rule's ``DEFAULT_GOALS`` (``hirebook/sla/rules/<rule>.py``) is what an agency gets for a
rule or a tier its policy leaves out. Two other places state it and must agree with it:

- ``starter/policy.yaml``, what ``hirebook init`` writes: a new agency starts with the
  defaults, written out so that it sees them and can change them;
- the ``sla`` descriptions of ``policy.schema.json`` and ``client.schema.json`` (what an editor
  shows on hover, and the handbook's records reference), each in one fixed form that is read
  here: ``Default: 2bd / 3bd / 5bd (strategic / key / ordinary).`` or ``Default: 24h (all
  tiers).``

Not compared, on purpose: the demo's ``demo/records/policy.yaml`` (and the project's
``records/policy.yaml``, written from it by ``hirebook demo --out .``). The demo is an agency
like any other, whose policy names its own goals; its story — which clocks are overdue or at
risk on its day, counted by the demo's tests — is told with them, so a changed default must not
move it. What is meant there is only that it names a goal for every rule, so that no default
reaches it (tested below). The project's ``records/`` is an agency's own and no test reads it
(``tests/test_records_independence.py``).

Goals are compared per tier: ``{all: 24h}`` and ``{strategic: 24h, key: 24h, ordinary: 24h}``
give every client the same goal.
"""

from __future__ import annotations

import json
import re

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.records.schemas import schema_dir
from hirebook.records.yamlread import parse
from hirebook.sla.registry import SLA_RULES
from hirebook.sla.rule import SlaRule
from hirebook.starter import STARTER

TIERS = ("strategic", "key", "ordinary")

# The one form a schema description states a rule's default in.
DEFAULT = re.compile(
    r"Default: (?:(?P<all>\S+) \(all tiers\)"
    r"|(?P<strategic>\S+) / (?P<key>\S+) / (?P<ordinary>\S+) \(strategic / key / ordinary\))"
)


def per_tier(goals: dict) -> dict[str, str]:
    """``{all: X}`` or one goal per tier → one goal per tier, as text (``0`` → ``"0"``)."""
    if "all" in goals:
        return {tier: str(goals["all"]) for tier in TIERS}
    return {tier: str(goals[tier]) for tier in TIERS if tier in goals}


def stated_default(description: str) -> dict[str, str] | None:
    """The per-tier default a description states in the fixed form, or ``None`` when it states
    none, states two, or states one in other words."""
    if description.count("Default") != 1:
        return None
    match = DEFAULT.search(description)
    if match is None:
        return None
    if match["all"] is not None:
        return per_tier({"all": match["all"]})
    return {tier: match[tier] for tier in TIERS}


def policy_goals(path) -> dict:
    """The ``sla:`` of a policy file, read as hirebook reads records."""
    return parse(path.read_text(encoding="utf-8")).data["sla"]


def sla_descriptions(kind: str) -> dict[str, str]:
    schema = json.loads((schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return {
        rule: prop.get("description", "")
        for rule, prop in schema["properties"]["sla"]["properties"].items()
    }


def rule_id(rule: SlaRule) -> str:
    return rule.id


# --------------------------------------------------------------------------- the starter


def test_the_starter_names_every_rule_and_no_other():
    assert list(policy_goals(STARTER / "policy.yaml")) == [rule.id for rule in SLA_RULES]


@pytest.mark.parametrize("rule", SLA_RULES, ids=rule_id)
def test_the_starters_goals_are_the_rules_defaults(rule):
    written = policy_goals(STARTER / "policy.yaml").get(rule.id, {})
    assert per_tier(written) == per_tier(rule.default_goals), (
        f"starter/policy.yaml's {rule.id} differs from DEFAULT_GOALS in its module: "
        "change both, or neither"
    )


# --------------------------------------------------------------------------- the schemas


@pytest.mark.parametrize("kind", ["policy", "client"])
@pytest.mark.parametrize("rule", SLA_RULES, ids=rule_id)
def test_each_schema_description_states_the_rules_default(kind, rule):
    description = sla_descriptions(kind)[rule.id]
    stated = stated_default(description)
    assert stated is not None, (
        f"{kind}.schema.json, sla.{rule.id}: state the default goal once, as "
        "'Default: 2bd / 3bd / 5bd (strategic / key / ordinary).' or 'Default: 24h (all tiers).'"
    )
    assert stated == per_tier(rule.default_goals), (
        f"{kind}.schema.json, sla.{rule.id}: the description says {stated}, the module "
        f"{rule.default_goals}"
    )


@pytest.mark.parametrize(
    ("description", "stated"),
    [
        (
            "Starts at X. Default: 2bd / 3bd / 5bd (strategic / key / ordinary). A duration.",
            {"strategic": "2bd", "key": "3bd", "ordinary": "5bd"},
        ),
        ("Recurring. Default: 7d (all tiers).", {"strategic": "7d", "key": "7d", "ordinary": "7d"}),
        ("Default: 0 (all tiers): the due date.", {"strategic": "0", "key": "0", "ordinary": "0"}),
        # The free text the descriptions used to state it in, which no test could read.
        ("Default goal (strategic / key / ordinary): 2bd / 3bd / 5bd.", None),
        ("Tier default (strategic / key / ordinary): 24h for every tier.", None),
        ("Default: the client's `meetings.every`, else 30d / 90d / 180d.", None),
        ("Default: 1bd (all tiers). Default: 2bd (all tiers).", None),
        ("Starts at X; stops at Y.", None),
    ],
)
def test_the_fixed_form_is_read_and_anything_else_refused(description, stated):
    assert stated_default(description) == stated


# --------------------------------------------------------------------------- the demo


def test_the_demo_names_a_goal_for_every_rule_and_tier():
    goals = policy_goals(DEMO_RECORDS / "policy.yaml")
    unnamed = [
        f"{rule.id}.{tier}"
        for rule in SLA_RULES
        for tier in TIERS
        if tier not in per_tier(goals.get(rule.id, {}))
    ]
    assert unnamed == [], "the demo's story would move with these rules' defaults"
