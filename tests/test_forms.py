"""Issue forms that become pull requests (issue 22, item 4).

Two halves. ``hirebook.forms`` reads a submitted form (the issue body GitHub writes) and runs the
matching ``hirebook new`` / ``hirebook log`` command: tested here on hand-written bodies,
hostile ones among them. ``.github/scripts/form-pr.sh`` (the forms workflow's step) commits
what the command wrote, pushes a branch and opens the pull request: tested by running the
workflow's own step (:mod:`workflow_runner`: GitHub's shell and variables, a fake ``gh`` on
``PATH`` that records its calls) in a clone of a local bare repository, which stands for
GitHub's copy. The demo agency is the records; its policy dates it (``demo_as_of``
2026-11-20 17:00 +08:00), so "now" is that instant in every command.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import workflow_runner as runner
from hirebook.demo import DEMO_RECORDS
from hirebook.forms import body, catalogue, issue, replies, values
from test_workflows import ROOT
from workflow_runner import GITHUB, StepRun, git

STEP = ("forms.yml", "record", "Run the form's command and open the pull request")
TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
APP = "records/clients/jadepay/applications/app-2026-0074.yaml"
APP_BEFORE = """\
# As of 2026-11-20: JadePay's contract gives them 2 business days (client.yaml `sla:`), \
so feedback is due 2026-11-23 09:30.
id: app-2026-0074
requirement: req-2026-011
candidate: cand-0057
channel: talent_pool
submitted_at: 2026-11-19T09:30:00+08:00
"""

FEEDBACK = """\
### Application the client answered on

APP

### The client's decision

DECISION

### What the client said (optional)

NOTE

### When the client answered (optional)

AT
"""
INTERVIEW = "interview — the client wants to interview the candidate"


def feedback(
    note: str = "Strong React, check leadership",
    app: str = "app-2026-0074",
    decision: str = INTERVIEW,
    at: str = "2026-11-20 11:00",
) -> str:
    """The body GitHub writes for the client-feedback form with these values."""
    fields = {"APP": app, "DECISION": decision, "NOTE": note, "AT": at}
    return "\n".join(fields.get(line, line) for line in FEEDBACK.split("\n"))


def opened(text: str, association: str = "MEMBER", number: int = 42) -> dict:
    """The payload of an ``issues: opened`` event, as GitHub sends it (the fields read)."""
    return {
        "action": "opened",
        "issue": {
            "number": number,
            "title": "Client feedback: app-2026-0074",
            "body": text,
            "state": "open",
            "author_association": association,
            "user": {"login": "wangli"},
        },
        "repository": {"full_name": GITHUB["repository"], "default_branch": "main"},
    }


# --- the templates ------------------------------------------------------------------------------


def test_every_form_has_its_template_and_they_are_told_apart():
    templates = catalogue.load(TEMPLATES)
    assert [t.form.template for t in templates] == [
        "client-feedback",
        "interview-result",
        "candidate-notified",
        "new-requirement",
        "new-client",
        "touchpoint",
    ]
    firsts = [t.labels[0] for t in templates]
    assert len(set(firsts)) == len(firsts)
    # No other template (the SLA exception) starts like one of ours.
    ours = {t.form.template for t in templates} | {"config"}
    others = [path for path in TEMPLATES.glob("*.yml") if path.stem not in ours]
    assert [path.name for path in others] == ["sla-exception.yml"]
    for path in others:
        elements = yaml.safe_load(path.read_text(encoding="utf-8"))["body"]
        labels = [e["attributes"]["label"] for e in elements if e["type"] != "markdown"]
        assert labels[0] not in firsts, path.name


@pytest.mark.parametrize("form", catalogue.FORMS, ids=lambda f: f.template)
def test_a_template_asks_for_what_the_command_needs(form):
    data = yaml.safe_load((TEMPLATES / f"{form.template}.yml").read_text(encoding="utf-8"))
    fields = {e["id"]: e for e in data["body"] if e["type"] != "markdown"}
    for spec in form.fields:
        required = fields[spec.element].get("validations", {}).get("required", False)
        assert required == spec.required, (form.template, spec.element)
        if spec.value == catalogue.CHOICE:
            assert fields[spec.element]["type"] == "dropdown"


def test_a_form_whose_template_is_removed_is_no_longer_offered(tmp_path):
    folder = tmp_path / "ISSUE_TEMPLATE"
    shutil.copytree(TEMPLATES, folder)
    (folder / "touchpoint.yml").unlink()
    offered = [template.form.template for template in catalogue.load(folder)]
    assert "touchpoint" not in offered and len(offered) == len(catalogue.FORMS) - 1


def test_a_template_that_lost_a_field_is_the_agencys_problem(tmp_path):
    folder = tmp_path / "ISSUE_TEMPLATE"
    shutil.copytree(TEMPLATES, folder)
    text = (folder / "client-feedback.yml").read_text(encoding="utf-8")
    (folder / "client-feedback.yml").write_text(text.replace("id: note", "id: remark"))
    with pytest.raises(catalogue.TemplateError, match="hirebook reads"):
        catalogue.load(folder)


def test_a_template_with_two_fields_alike_is_the_agencys_problem(tmp_path):
    """Two fields with one label could never be told apart in a submitted form: every
    submission would be refused as the person's mistake."""
    folder = tmp_path / "ISSUE_TEMPLATE"
    shutil.copytree(TEMPLATES, folder)
    text = (folder / "client-feedback.yml").read_text(encoding="utf-8")
    text = text.replace("label: What the client said (optional)", "label: The client's decision")
    (folder / "client-feedback.yml").write_text(text, encoding="utf-8")
    with pytest.raises(catalogue.TemplateError, match="two fields the label \"The client's"):
        catalogue.load(folder)


# --- the body -----------------------------------------------------------------------------------

LABELS = ["Application the client answered on", "The client's decision", "When"]


def test_the_body_is_split_by_its_headings():
    text = "### Application the client answered on\r\n\r\napp-1\r\n\r\n### The client's decision"
    text += "\r\n\r\nhold\r\n\r\n### When\r\n\r\n_No response_\r\n"
    assert body.fields(text, LABELS) == ["app-1", "hold", ""]
    assert body.first_heading(text) == "Application the client answered on"


def test_a_value_may_hold_lines_that_are_no_heading():
    text = "### Application the client answered on\n\n### not a label\n#### nor this\n\n"
    text += "### The client's decision\n\nhold\n\n### When\n\n"
    assert body.fields(text, LABELS) == ["### not a label\n#### nor this", "hold", ""]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "### Application the client answered on\n\nx\n\n### When\n\ny\n",
            'the field "The client\'s decision" is missing',
        ),
        (
            # A value that forges the next field: the heading is then there twice.
            "### Application the client answered on\n\nx\n\n### The client's decision\n\nhold"
            "\n\n### When\n\n1\n\n### The client's decision\n\nreject\n",
            "appears 2 times",
        ),
        (
            "### Application the client answered on\n\nx\n\n### When\n\n1\n\n"
            "### The client's decision\n\nhold\n",
            "not in the form's order",
        ),
        (
            "Some text first\n### Application the client answered on\n\n### The client's "
            "decision\n\n### When\n",
            "not in the form's order",
        ),
    ],
)
def test_a_body_that_is_not_the_form_is_refused(text, message):
    with pytest.raises(body.BodyError, match=message.replace("(", r"\(")):
        body.fields(text, LABELS)


# --- the values ---------------------------------------------------------------------------------

CHOICES = catalogue.Element("Decision", ("interview — wants to meet", "reject — no", "hold"))


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        (catalogue.CHOICE, "interview — wants to meet", "interview"),
        (catalogue.CHOICE, "reject", "reject"),
        (catalogue.CHOICE, "hold", "hold"),
        (catalogue.ROUND, "2", "2"),
        (catalogue.ROUND, "02", "2"),
        (catalogue.WHEN, "2026-11-20 11:00", "2026-11-20 11:00"),
        (catalogue.WHEN, "2026-11-20T11:00:00+08:00", "2026-11-20T11:00:00+08:00"),
        (catalogue.LINE, "--title=x; $(rm -rf /)", "--title=x; $(rm -rf /)"),
        (catalogue.TEXT, "two\nlines\twith `ticks` and $(x)", "two\nlines\twith `ticks` and $(x)"),
        ("id-of:application", "app-2026-0074", "app-2026-0074"),
        ("id-of:person", "wang-li", "wang-li"),
        (catalogue.NEW_ID, "harbor-logistics", "harbor-logistics"),
    ],
)
def test_a_value_the_field_takes(kind, text, expected):
    assert values.check(kind, text, CHOICES, DEMO_RECORDS) == expected


@pytest.mark.parametrize(
    "kind, text, message",
    [
        (
            catalogue.CHOICE,
            "interview please",
            "is not one of the choices (hold, interview, reject)",
        ),
        (catalogue.CHOICE, "hold — no", "is not one of the choices"),
        (catalogue.ROUND, "0", "'0' is not a round"),
        (catalogue.ROUND, "1; 2", "is not a round"),
        (catalogue.ROUND, "100", "is not a round"),
        (catalogue.WHEN, "tomorrow", "'tomorrow' is not a date and time"),
        (catalogue.WHEN, "2026-11-20 11:00 $(id)", "is not a date and time"),
        (catalogue.LINE, "Data\nEngineer", "it must be one line"),
        (catalogue.LINE, "x" * 201, "201 characters long; at most 200"),
        (catalogue.TEXT, "x" * 2001, "2001 characters long; at most 2000"),
        (catalogue.TEXT, "a\x1b[31m red", "the control or invisible character U+001B: retype"),
        (catalogue.LINE, "evil\u202ename", "character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        (catalogue.TEXT, "split\rline", "character U+000D: retype it"),
        (catalogue.TEXT, "nul\x00", "character U+0000: retype it"),
        (catalogue.TEXT, "zero\u200bwidth", "character U+200B (ZERO WIDTH SPACE)"),
        (catalogue.TEXT, "\ufeffBOM", "character U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        (catalogue.LINE, "soft\u00adhyphen", "character U+00AD (SOFT HYPHEN)"),
        # Tag characters: invisible ASCII look-alikes that carry hidden text.
        (catalogue.TEXT, "ok\U000e0069\U000e0067", "character U+E0069 (TAG LATIN SMALL LETTER I)"),
        (catalogue.TEXT, "para\u2029graph", "character U+2029 (PARAGRAPH SEPARATOR)"),
        # A lone surrogate (JSON's "\ud800"): no UTF-8 file or command line can hold it.
        (catalogue.TEXT, "half\ud800", "character U+D800: retype it"),
        ("id-of:application", "app-2026-0074\u200b", "character U+200B (ZERO WIDTH SPACE)"),
        (catalogue.TEXT, "x" * 1_000_000, "1000000 characters long; at most 2000"),
        ("id-of:application", "a" * 1_000_000, "1000000 characters long; at most 200"),
        (
            "id-of:application",
            "req-2026-011",
            "`req-2026-011` is a requirement, not an application",
        ),
        ("id-of:application", "wang-li", "`wang-li` is a team member, not an application"),
        ("id-of:client", "app-2026-0074", "`app-2026-0074` is an application, not a client"),
        ("id-of:application", "app-2026-9999", "there is no application `app-2026-9999`"),
        (
            "id-of:application",
            "App-2026-0074",
            "'App-2026-0074' is not an id: lower-case letters, digits and dashes (-), as in the "
            "record's file name; U+0041 (LATIN CAPITAL LETTER A) is not one of them",
        ),
        # Look-alikes of the dash and digits, pasted from a document.
        ("id-of:application", "app\u20102026\u20100074", "U+2010 (HYPHEN) is not one of them"),
        ("id-of:application", "app-2026-\uff10074", "U+FF10 (FULLWIDTH DIGIT ZERO) is not one"),
        ("id-of:application", "../../etc/passwd", "U+002E (FULL STOP) is not one of them"),
        ("id-of:client", "acme/../../x", "U+002F (SOLIDUS) is not one of them"),
        (
            "id-of:application",
            "--help",
            "'--help' is not an id: lower-case letters, digits and "
            "dashes (-), as in the record's file name; it may not start with a dash",
        ),
        ("id-of:client", "--records=/etc", "U+003D (EQUALS SIGN) is not one of them"),
        ("id-of:client", "a" * 65, "it is 65 characters long; at most 64"),
        (catalogue.WHEN, "２０２６-11-20 11:00", "is not a date and time"),
        (catalogue.WHEN, "٢٠٢٦-١١-٢٠", "is not a date and time"),
        (catalogue.WHEN, "-2026-11-20", "'-2026-11-20' is not a date and time"),
        (catalogue.NEW_ID, "jadepay", "the client `jadepay` exists already"),
    ],
)
def test_a_value_the_field_does_not_take(kind, text, message):
    with pytest.raises(values.ValueProblem) as caught:
        values.check(kind, text, CHOICES, DEMO_RECORDS)
    assert message in str(caught.value)


# --- the outcome (no git) ---------------------------------------------------------------------


@pytest.fixture
def agency(tmp_path) -> Path:
    """The demo agency and the forms, in a project folder of their own."""
    root = tmp_path / "agency"
    shutil.copytree(DEMO_RECORDS, root / "records")
    shutil.copytree(TEMPLATES, root / ".github" / "ISSUE_TEMPLATE")
    (root / "mkdocs.yml").write_text("site_name: Test\n")
    return root


def handle(agency: Path, payload: dict) -> issue.Outcome:
    templates = agency / ".github" / "ISSUE_TEMPLATE"
    return issue.handle(payload, agency, agency / "records", templates)


@pytest.mark.parametrize("association", ["NONE", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", None])
def test_an_issue_by_anyone_else_is_never_read(agency, association):
    outcome = handle(agency, opened(feedback(), association=association))
    assert (outcome.kind, outcome.files) == (issue.IGNORED, {})
    assert (agency / APP).read_text(encoding="utf-8") == APP_BEFORE


@pytest.mark.parametrize(
    "text",
    ["", "A blank issue about something else", "### Which clock\n\nclient-feedback on x\n"],
)
def test_an_issue_that_is_none_of_the_forms_is_left_alone(agency, text):
    assert handle(agency, opened(text)).kind == issue.IGNORED


def test_the_form_becomes_the_command_with_one_argument_per_value(agency):
    note = 'Said: "ok" --decision=reject $(touch pwned) `id`\n::error::forged'
    outcome = handle(agency, opened(feedback(note)))
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    argv = ["log", "feedback", "app-2026-0074", "--decision=interview", f"--note={note}"]
    argv.append("--at=2026-11-20 11:00")
    assert outcome.log[0] == f"#42: {replies.command_line(argv)}"
    after = (agency / APP).read_text(encoding="utf-8")
    assert after.startswith(APP_BEFORE + "client_feedback:\n  at: 2026-11-20T11:00:00+08:00\n")
    recorded = yaml.safe_load(after)["client_feedback"]
    assert (recorded["decision"], recorded["note"]) == ("interview", note)
    assert not list(agency.rglob("pwned"))
    assert outcome.files["title"] == "Client feedback: app-2026-0074 (#42)"
    assert outcome.files["pull-request.md"].startswith("Closes #42\n")


def test_every_problem_of_a_form_is_named_at_once(agency):
    text = feedback("fine", app="req-2026-011", decision="maybe", at="soon")
    outcome = handle(agency, opened(text))
    assert outcome.kind == issue.REFUSED
    comment = outcome.files["comment.md"]
    assert (
        "Application the client answered on: `req-2026-011` is a requirement, not an "
        "application: give the application's id\n"
        "The client's decision: 'maybe' is not one of the choices (hold, interview, reject)\n"
        "When the client answered (optional): 'soon' is not a date and time: write it as "
        "2026-03-13 11:00\n"
    ) in comment
    assert "this issue stays open" in comment
    assert (agency / APP).read_text(encoding="utf-8") == APP_BEFORE


def test_a_required_field_left_empty_is_named(agency):
    outcome = handle(agency, opened(feedback("_No response_", decision="_No response_")))
    assert outcome.kind == issue.REFUSED
    assert (
        "The client's decision: it is empty, and the form needs it" in outcome.files["comment.md"]
    )


def test_what_hirebook_refuses_is_commented_exactly(agency):
    assert handle(agency, opened(feedback())).kind == issue.PULL_REQUEST
    after = (agency / APP).read_bytes()
    reject = feedback(decision="reject — the client declines the candidate")
    second = handle(agency, opened(reject, number=43))
    assert second.kind == issue.REFUSED
    comment = second.files["comment.md"]
    assert "hirebook refused the command (exit status 1)" in comment
    assert (
        "records/clients/jadepay/applications/app-2026-0074.yaml:8:3: app-2026-0074 already has "
        "the client's verdict: `interview` at 2026-11-20T11:00:00+08:00"
    ) in comment
    assert "hirebook log feedback app-2026-0074 --decision=reject" in comment
    assert (agency / APP).read_bytes() == after


REQUIREMENT = (
    "### Client who raised the requirement (folder name)\n\nCLIENT\n\n"
    "### Position\n\nTITLE\n\n"
    "### Hiring manager at the client (optional)\n\n_No response_\n\n"
    "### When the client raised it (optional)\n\n_No response_\n"
)


def test_a_requirement_raised_earlier_is_received_then(agency):
    text = REQUIREMENT.replace("CLIENT", "northwind-cloud").replace("TITLE", "Data Engineer")
    text = text.replace(
        "raised it (optional)\n\n_No response_", "raised it (optional)\n\n2026-11-19 16:30"
    )
    outcome = handle(agency, opened(text))
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    argv = ["new", "requirement", "--client=northwind-cloud", "--title=Data Engineer"]
    argv.append("--received-at=2026-11-19 16:30")
    assert outcome.log[0] == f"#42: {replies.command_line(argv)}"
    [written] = (agency / "records").glob("clients/northwind-cloud/requirements/req-2026-020.yaml")
    assert "\nreceived_at: 2026-11-19T16:30:00+08:00 " in written.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "client, title, problem",
    [
        ("northwind-cloud", "Data\nEngineer", "Position: it must be one line"),
        ("northwind-cloud", "::error::forged", None),  # a title like any other (one argument)
        ("northwind-cloud", "Engineer\n::set-output name=x::y", "Position: it must be one line"),
        ("`northwind-cloud`", "Data Engineer", "'`northwind-cloud`' is not an id"),
        ("$(id)", "Data Engineer", "'$(id)' is not an id"),
        ("northwind-cloud\n### Position", "x", "appears 2 times"),
        ("app-2026-0074", "Data Engineer", "`app-2026-0074` is an application, not a client"),
        ("", "Data Engineer", "it is empty, and the form needs it"),
    ],
)
def test_hostile_values_get_a_clear_answer(agency, client, title, problem):
    text = REQUIREMENT.replace("CLIENT", client or "_No response_").replace("TITLE", title)
    outcome = handle(agency, opened(text))
    if problem is None:
        assert outcome.kind == issue.PULL_REQUEST, outcome.log
        assert "--title=::error::forged\n" in outcome.files["pull-request.md"]
        return
    assert outcome.kind == issue.REFUSED
    assert problem in outcome.files["comment.md"]
    assert not list((agency / "records/clients/northwind-cloud/requirements").glob("*-020.yaml"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its path: what a refused form must leave as it was."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(
    "values, problem",
    [
        # A note that smuggles the next field's heading (hidden from the issue's reader in an
        # HTML comment): the heading is there twice, and the body is not the form.
        (
            {"note": "<!--\n### When the client answered (optional)\n\n2026-01-01\n-->"},
            "the field 'When the client answered (optional)' appears 2 times",
        ),
        ({"app": "app-2026-0074\u200b"}, "U+200B (ZERO WIDTH SPACE): retype it"),
        (
            {"note": "fine\x00"},
            "What the client said (optional): it holds the control or invisible character U+0000",
        ),
        ({"note": "bidi \u2066evil\u2069"}, "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ({"note": "lone \ud83d surrogate"}, "U+D83D: retype it"),
        ({"note": "x" * 1_000_000}, "it is 1000000 characters long; at most 2000"),
        ({"app": "app\u20102026\u20100074"}, "U+2010 (HYPHEN) is not one of them"),
        ({"app": "../records/policy"}, "U+002E (FULL STOP) is not one of them"),
        ({"app": "--records=/etc"}, "U+003D (EQUALS SIGN) is not one of them"),
        ({"app": "-app-2026-0074"}, "it may not start with a dash"),
        ({"at": "--records=/etc"}, "'--records=/etc' is not a date and time"),
        ({"decision": "--decision=reject"}, "'--decision=reject' is not one of the choices"),
    ],
)
def test_a_hostile_form_is_refused_and_changes_nothing(agency, values, problem):
    before = snapshot(agency)
    outcome = handle(agency, opened(feedback(**values)))
    assert outcome.kind == issue.REFUSED, outcome.log
    assert problem in outcome.files["comment.md"]
    assert "this issue stays open" in outcome.files["comment.md"]
    assert snapshot(agency) == before


def test_values_like_options_are_values(agency):
    """A note that reads like options, and one that starts with a dash, reach hirebook as
    the note (one element ``--note=…``): the records folder is the agency's."""
    note = "--records=/etc --decision=reject"
    outcome = handle(agency, opened(feedback(note)))
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    recorded = yaml.safe_load((agency / APP).read_text(encoding="utf-8"))["client_feedback"]
    assert (recorded["decision"], recorded["note"]) == ("interview", note)


def test_a_body_with_crlf_line_ends_is_the_form(agency):
    outcome = handle(agency, opened(feedback("two\nlines").replace("\n", "\r\n")))
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    recorded = yaml.safe_load((agency / APP).read_text(encoding="utf-8"))["client_feedback"]
    assert recorded["note"] == "two\nlines"


@pytest.mark.parametrize("labels", [[], [{"name": "new-client"}]])
def test_labels_are_not_read(agency, labels):
    """The issue's author may remove or change its labels: the body says which form it is."""
    payload = opened(feedback())
    payload["issue"]["labels"] = labels
    outcome = handle(agency, payload)
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    assert outcome.files["title"] == "Client feedback: app-2026-0074 (#42)"


@pytest.mark.parametrize("action", ["edited", "reopened", "created", "labeled", None])
def test_an_issue_is_read_only_when_it_is_opened(agency, action):
    """An edit does not record the form again, nor a reopening, nor a comment (whose event
    carries the issue too): the form was read when the issue was opened."""
    payload = opened(feedback())
    payload["action"] = action
    outcome = handle(agency, payload)
    assert (outcome.kind, outcome.files) == (issue.IGNORED, {})
    said = f"'{action}'" if action else "no action"
    assert outcome.log == [f"#42: {said}, not 'opened': a form is read once"]
    assert (agency / APP).read_text(encoding="utf-8") == APP_BEFORE


@pytest.mark.parametrize(
    "payload",
    [
        {"action": "opened"},  # no issue
        {"action": "opened", "pull_request": {"number": 7, "body": "### x"}},  # another event
        {"action": "opened", "issue": {"number": True}},
        {"action": "opened", "issue": {"number": 0}},
        {"action": "opened", "issue": {"number": "42"}},
        {"action": "opened", "issue": None},
        [],
    ],
)
def test_an_event_that_is_no_issue_is_the_workflows_error(agency, payload):
    with pytest.raises(issue.EventError, match="no issue number in it"):
        handle(agency, payload)


@pytest.mark.parametrize("body_value", [None, 7, ["### x"]])
def test_an_issue_without_a_text_body_is_none_of_the_forms(agency, body_value):
    payload = opened("")
    payload["issue"]["body"] = body_value  # GitHub sends null for an empty body
    assert handle(agency, payload).kind == issue.IGNORED


def test_a_broken_template_is_commented_as_the_agencys_to_fix(agency):
    form = agency / ".github" / "ISSUE_TEMPLATE" / "client-feedback.yml"
    form.write_text("name: Client feedback\nbody: [unclosed\n", encoding="utf-8")
    outcome = handle(agency, opened(feedback()))
    assert outcome.kind == issue.ERROR
    comment = outcome.files["comment.md"]
    assert "the workflow could not run it" in comment and "client-feedback.yml" in comment
    assert (agency / APP).read_text(encoding="utf-8") == APP_BEFORE


def test_records_in_another_folder_are_the_ones_written(agency, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (agency / "records").rename(elsewhere)
    templates = agency / ".github" / "ISSUE_TEMPLATE"
    outcome = issue.handle(opened(feedback()), agency, elsewhere, templates)
    assert outcome.kind == issue.PULL_REQUEST, outcome.log
    assert "--records" not in outcome.files["pull-request.md"]
    written = (elsewhere / APP.removeprefix("records/")).read_text(encoding="utf-8")
    assert written.startswith(APP_BEFORE + "client_feedback:\n")


def test_a_fence_no_value_can_close():
    block = replies.fenced("a\n````\n# heading\n")
    assert block.startswith("`````text\n") and block.endswith("\n`````")


def test_the_entry_writes_the_outcome_and_never_a_traceback(agency, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    event = tmp_path / "event.json"

    def entry() -> subprocess.CompletedProcess:
        return subprocess.run(
            [runner.VENV_BIN / "python", "-m", "hirebook.forms", "--event", event, "--out", out],
            cwd=agency,
            capture_output=True,
            text=True,
        )

    event.write_text(json.dumps(opened(feedback("x\n::error::forged"))))
    done = entry()
    assert done.returncode == 0, done.stderr
    assert (out / "outcome").read_text() == "pull-request"
    assert (out / "number").read_text() == "42"
    assert (out / "branch").read_text() == "hirebook-form/issue-42"  # the script's to check
    assert not [line for line in done.stdout.splitlines() if line.startswith("::")]

    event.write_text("{not json")
    done = entry()
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert (out / "outcome").read_text() == "error"
    event.write_text(json.dumps({"issue": {"number": "42; rm"}}))
    done = entry()
    assert done.returncode == 2 and "no issue number" in done.stdout
    event.unlink()
    done = entry()
    assert done.returncode == 2 and "Traceback" not in done.stderr


# --- the workflow's step: git and gh ------------------------------------------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The project's .github and mkdocs.yml and the demo's records, committed on main."""
    folder = tmp_path_factory.mktemp("forms") / "base"
    shutil.copytree(
        ROOT / ".github", folder / ".github", ignore=shutil.ignore_patterns("CODEOWNERS")
    )
    shutil.copy2(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(DEMO_RECORDS, folder / "records")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "base")
    return folder


@pytest.fixture
def pushed(base, tmp_path) -> tuple[Path, Path]:
    """``(origin, checkout)``: a bare repository standing for GitHub's copy, fresh for each
    test, and the workflow's checkout of it."""
    return runner.pushed_copy(base, tmp_path)


def run_form(work: Path, tmp_path: Path, payload: dict, fail=()) -> StepRun:
    """The workflow's step for ``payload``, with issue #42 (and #43) open on the fake GitHub."""
    state = tmp_path / "scratch" / "gh-state"
    state.mkdir(parents=True, exist_ok=True)
    issues = [{"number": n, "title": "form", "state": "open", "labels": []} for n in (42, 43)]
    (state / "issues.json").write_text(json.dumps(issues))
    (state / "fail.json").write_text(json.dumps(list(fail)))
    return runner.run_step(STEP, work, tmp_path / "scratch", event="issues", payload=payload)


def remote_branches(origin: Path) -> list[str]:
    return git(origin, "for-each-ref", "--format=%(refname:short)", "refs/heads").split()


def calls(run: StepRun, *command: str) -> list[dict]:
    return [call for call in run.calls() if call["argv"][: len(command)] == list(command)]


def test_a_form_becomes_a_pull_request_that_closes_the_issue(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, opened(feedback()))
    assert run.returncode == 0, run.log

    branch = "hirebook-form/issue-42"
    assert branch in remote_branches(origin)
    changed = git(origin, "diff", "--name-only", "main", branch).split()
    assert changed == [APP]
    assert git(origin, "show", f"{branch}:{APP}") == APP_BEFORE + (
        "client_feedback:\n"
        "  at: 2026-11-20T11:00:00+08:00\n"
        "  decision: interview\n"
        "  note: Strong React, check leadership\n"
    )
    message = git(origin, "log", "-1", "--format=%an <%ae>%n%B", branch)
    assert message.startswith(
        "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n"
        "Client feedback: app-2026-0074 (#42)\n"
    )

    assert [call["argv"][:2] for call in run.calls()] == [
        ["pr", "list"],  # no pull request of an earlier run
        ["auth", "setup-git"],
        ["pr", "create"],
        ["issue", "comment"],
    ]
    [create] = calls(run, "pr", "create")
    argv = create["argv"]
    # Each option joined to its value: a title starting with "-" stays the title.
    assert "--base=main" in argv and f"--head={branch}" in argv
    assert "--title=Client feedback: app-2026-0074 (#42)" in argv
    body_text = create["body"]
    assert body_text.startswith("Closes #42\n")
    assert (
        "```sh\nhirebook log feedback app-2026-0074 --decision=interview "
        "'--note=Strong React, check leadership' '--at=2026-11-20 11:00'\n```"
    ) in body_text
    assert APP in body_text  # hirebook's answer names the file it changed
    [pull] = run.pulls()
    [comment] = calls(run, "issue", "comment")
    assert comment["argv"][2] == "42"
    assert f"https://github.com/{GITHUB['repository']}/pull/{pull['number']}" in comment["comment"]
    assert [issue["state"] for issue in run.issues()] == ["open", "open"]  # the merge closes it


def test_a_new_requirement_from_the_form(pushed, tmp_path):
    origin, work = pushed
    text = (
        "### Client who raised the requirement (folder name)\n\nnorthwind-cloud\n\n"
        "### Position\n\nData Engineer\n\n"
        "### Hiring manager at the client (optional)\n\n_No response_\n\n"
        "### When the client raised it (optional)\n\n_No response_\n"
    )
    run = run_form(work, tmp_path, opened(text))
    assert run.returncode == 0, run.log
    new = "records/clients/northwind-cloud/requirements/req-2026-020.yaml"
    assert git(origin, "diff", "--name-only", "main", "hirebook-form/issue-42").split() == [new]
    assert git(origin, "show", f"hirebook-form/issue-42:{new}") == (
        "id: req-2026-020\n"
        "title: Data Engineer\n"
        "status: draft                  # draft | confirmed (both signed) | on_hold | filled | "
        "cancelled\n"
        "received_at: 2026-11-20T17:00:00+08:00   # when the client raised the need\n"
        "openings: 1\n"
        "background: Why the position exists.      # 職位背景\n"
        "responsibilities: []                      # 崗位職責\n"
        "requirements: {must: [], nice: []}        # 人才要求\n"
        "# hiring_manager: Name                # a name from the client's contacts\n"
        "# target_fill_by: 2026-11-20             # 招聘週期\n"
        "# budget: {amount: 100000, currency: CNY}  # 預算\n"
        "# confirmation:                           # both signatures make the requirement "
        "confirmed\n"
        "#   client_signed_by: Name\n"
        "#   client_signed_on: 2026-11-20\n"
        "#   agency_signed_by: your-team-id\n"
        "#   agency_signed_on: 2026-11-20\n"
    )
    [create] = calls(run, "pr", "create")
    assert "--title=New requirement: northwind-cloud (#42)" in create["argv"]
    assert create["body"].startswith("Closes #42\n")


HOSTILE_NOTE = (
    "$(touch pwned-subst) `touch pwned-tick` ${HOME} '\"; touch pwned-semi\n"
    "::error title=forged::forged\n##[error]forged\n::stop-commands::x"
)


def test_hostile_text_is_recorded_as_typed_and_runs_nowhere(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, opened(feedback(HOSTILE_NOTE)))
    assert run.returncode == 0, run.log
    for folder in (work, tmp_path, tmp_path / "scratch", tmp_path / "scratch" / "runner-temp"):
        assert not list(folder.glob("pwned*")), run.log
    recorded = yaml.safe_load(git(origin, "show", f"hirebook-form/issue-42:{APP}"))
    assert recorded["client_feedback"]["note"] == HOSTILE_NOTE
    forged = [line for line in (run.stdout + run.stderr).splitlines() if "forged" in line]
    assert forged, run.log
    assert not [line for line in forged if line.lstrip().startswith("::") or "##[" in line]
    [create] = calls(run, "pr", "create")
    assert "pwned-subst" in create["body"]  # shown in a code block, as typed


def test_a_refused_form_is_commented_and_the_issue_stays_open(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, opened(feedback(app="req-2026-011")))
    assert run.returncode == 1, run.log
    assert remote_branches(origin) == ["main"]
    assert [call["argv"][:3] for call in run.calls()] == [["issue", "comment", "42"]]
    [comment] = [call["comment"] for call in calls(run, "issue", "comment")]
    assert "This form was not recorded" in comment
    assert "`req-2026-011` is a requirement, not an application" in comment
    assert [issue["state"] for issue in run.issues()] == ["open", "open"]
    assert git(work, "status", "--porcelain") == ""


def test_a_contradicting_event_gets_hirebooks_exact_error(pushed, tmp_path):
    """app-2026-0062 has the client's verdict already: a second is refused, and the comment
    holds hirebook's own words."""
    origin, work = pushed
    app = "records/clients/northwind-cloud/applications/app-2026-0062.yaml"
    before = (work / app).read_bytes()
    text = feedback(app="app-2026-0062")
    run = run_form(work, tmp_path, opened(text))
    assert run.returncode == 1, run.log
    [comment] = [call["comment"] for call in calls(run, "issue", "comment")]
    assert "hirebook refused the command (exit status 1)" in comment
    assert f"{app}:" in comment and "already has the client's verdict" in comment
    assert (work / app).read_bytes() == before
    assert remote_branches(origin) == ["main"]


def test_an_issue_by_a_non_member_is_left_alone(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, opened(feedback(), association="CONTRIBUTOR"))
    assert run.returncode == 0, run.log
    assert run.calls() == []
    assert remote_branches(origin) == ["main"]


def test_a_failed_push_is_commented_with_the_step(pushed, tmp_path):
    origin, work = pushed
    hook = origin / "hooks" / "pre-receive"  # GitHub refusing the push (a branch rule, say)
    hook.write_text("#!/bin/sh\necho 'refused by a rule' >&2\nexit 1\n")
    hook.chmod(0o755)
    run = run_form(work, tmp_path, opened(feedback()))
    assert run.returncode == 1, run.log
    assert not calls(run, "pr", "create")
    [comment] = calls(run, "issue", "comment")
    assert "pushing the branch hirebook-form/issue-42 failed" in comment["comment"]
    assert f"actions/runs/{GITHUB['run_id']}" in comment["comment"]


def test_a_refused_pull_request_is_commented_with_the_setting_to_change(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, opened(feedback()), fail=[["pr", "create"]])
    assert run.returncode == 1, run.log
    [comment] = calls(run, "issue", "comment")
    assert "opening the pull request failed" in comment["comment"]
    assert "Allow GitHub Actions to create and approve pull requests" in comment["comment"]


def test_an_unreachable_github_is_commented_with_the_step(pushed, tmp_path):
    origin, work = pushed
    git(work, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    run = run_form(work, tmp_path, opened(feedback()))
    assert run.returncode == 1, run.log
    [comment] = calls(run, "issue", "comment")
    assert "looking for the branch hirebook-form/issue-42 on GitHub failed" in comment["comment"]
    assert not calls(run, "pr", "create")


def fresh_checkout(origin: Path, tmp_path: Path) -> Path:
    """The checkout of a re-run of the job: ``origin``'s default branch, cloned anew."""
    checkout = tmp_path / "rerun"
    git(tmp_path, "clone", "-q", str(origin), str(checkout))
    return checkout


@pytest.mark.parametrize("state", ["open", "merged", "closed"])
def test_a_rerun_after_the_pull_request_does_nothing(pushed, tmp_path, state):
    """Re-running the job (its checkout is the commit the issue was opened on, where the form
    is not recorded yet) finds the issue's pull request, in whatever state, and stops: no
    second branch, pull request or comment."""
    origin, work = pushed
    first = run_form(work, tmp_path, opened(feedback()))
    assert first.returncode == 0, first.log
    pulls = tmp_path / "scratch" / "gh-state" / "pulls.json"
    [pull] = json.loads(pulls.read_text())
    pulls.write_text(json.dumps([{**pull, "state": state}]))
    tip = git(origin, "rev-parse", "hirebook-form/issue-42")
    done = len(first.calls())

    rerun = run_form(fresh_checkout(origin, tmp_path), tmp_path, opened(feedback()))
    assert rerun.returncode == 0, rerun.log
    assert [call["argv"][:2] for call in rerun.calls()[done:]] == [["pr", "list"]]
    url = f"https://github.com/{GITHUB['repository']}/pull/{pull['number']}"
    assert f"#42 is recorded already in {url}: nothing to do" in rerun.log
    assert git(origin, "rev-parse", "hirebook-form/issue-42") == tip
    assert remote_branches(origin) == ["hirebook-form/issue-42", "main"]


def test_a_forks_pull_request_of_the_same_branch_name_is_not_ours(pushed, tmp_path):
    """Anyone may open a pull request from a branch of their fork named
    hirebook-form/issue-42 (the next issue's number is easy to guess): it does not count as
    the issue's pull request, and the form is recorded."""
    origin, work = pushed
    state = tmp_path / "scratch" / "gh-state"
    state.mkdir(parents=True)
    fork = {"number": 41, "base": "main", "head": "hirebook-form/issue-42", "title": "x"}
    (state / "pulls.json").write_text(json.dumps([{**fork, "isCrossRepository": True}]))
    run = run_form(work, tmp_path, opened(feedback()))
    assert run.returncode == 0, run.log
    # Ours is the next number after issues #42 and #43 of the fake GitHub.
    assert [pull["number"] for pull in run.pulls()] == [41, 44]
    assert "hirebook-form/issue-42" in remote_branches(origin)


def test_a_branch_left_without_a_pull_request_is_never_pushed_over(pushed, tmp_path):
    """The first run pushed its branch but could not open the pull request (the setting was
    off); a re-run says what to do with the branch and leaves it as it is."""
    origin, work = pushed
    first = run_form(work, tmp_path, opened(feedback()), fail=[["pr", "create"]])
    assert first.returncode == 1, first.log
    [comment] = calls(first, "issue", "comment")
    assert (
        "The branch hirebook-form/issue-42 is pushed: open the pull request from it"
        in (comment["comment"])
    )
    tip = git(origin, "rev-parse", "hirebook-form/issue-42")
    done = len(first.calls())

    rerun = run_form(fresh_checkout(origin, tmp_path), tmp_path, opened(feedback()))
    assert rerun.returncode == 1, rerun.log
    assert [call["argv"][:2] for call in rerun.calls()[done:]] == [
        ["pr", "list"],
        ["auth", "setup-git"],
        ["issue", "comment"],
    ]
    said = rerun.calls()[-1]["comment"]
    assert "creating the branch hirebook-form/issue-42 failed" in said
    assert (
        "The branch hirebook-form/issue-42 exists already, without a pull request: a run before "
        "this one pushed it and could not open the pull request. Open the pull request from "
        "that branch on GitHub, or delete the branch and re-run this workflow's job."
    ) in said
    assert git(origin, "rev-parse", "hirebook-form/issue-42") == tip


def test_an_edited_issue_runs_nothing(pushed, tmp_path):
    origin, work = pushed
    payload = opened(feedback())
    payload["action"] = "edited"
    run = run_form(work, tmp_path, payload)
    assert run.returncode == 0, run.log
    assert run.calls() == []
    assert remote_branches(origin) == ["main"]


def test_an_event_that_is_no_issue_fails_without_a_comment(pushed, tmp_path):
    origin, work = pushed
    run = run_form(work, tmp_path, {"action": "opened", "pull_request": {"number": 7}})
    assert run.returncode == 1, run.log
    assert "the event is not an issue's: no issue number in it" in run.log
    assert run.calls() == []  # no issue to comment on
    assert "Traceback" not in run.log
    assert remote_branches(origin) == ["main"]


def test_the_script_is_shellcheck_clean():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    result = subprocess.run(
        [shellcheck, ROOT / ".github/scripts/form-pr.sh"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
