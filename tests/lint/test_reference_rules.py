"""HB3xx: ids and references."""

APP = "clients/acme/applications/app-2026-0001.yaml"

APPLICATION = """\
id: app-2026-0001
requirement: req-2026-001
candidate: cand-0001
channel: referral
submitted_at: 2026-03-12T15:00:00+08:00
"""

OTHER_CLIENT = """\
id: globex
name: Globex
tier: ordinary
status: active
since: 2025-01-01
account_manager: wang-li
contacts: [{name: Hank Scorpio}]
"""


def test_hb301_id_differs_from_file_name(agency):
    agency.check(
        APP, APPLICATION.replace("id: app-2026-0001", "id: app-2026-0002"), expect=[(1, 5, "HB301")]
    )


def test_hb302_duplicate_id_across_clients(agency):
    agency.write("clients/globex/client.yaml", OTHER_CLIENT)
    requirement = (agency.records / "clients/acme/requirements/req-2026-001.yaml").read_text()
    requirement = requirement.replace("Li Na", "Hank Scorpio").replace("Zhang Wei", "Hank Scorpio")
    agency.check(
        "clients/globex/requirements/req-2026-001.yaml", requirement, expect=[(1, 1, "HB302")]
    )


def test_hb303_unknown_person(agency):
    text = (agency.records / "clients/acme/client.yaml").read_text()
    found = agency.check(
        "clients/acme/client.yaml",
        text.replace("account_manager: wang-li", "account_manager: wangli"),
        expect=[(9, 18, "HB303")],
    )
    assert "records/team/wangli.yaml" in found[0].message


def test_hb304_inactive_account_manager_is_a_warning(agency):
    text = (agency.records / "clients/acme/client.yaml").read_text()
    found = agency.check(
        "clients/acme/client.yaml",
        text.replace("account_manager: wang-li", "account_manager: zhou-min"),
        expect=[(9, 18, "HB304")],
    )
    assert str(found[0].severity) == "warning"


def test_hb304_not_for_a_former_client(agency):
    text = (agency.records / "clients/acme/client.yaml").read_text()
    text = text.replace("account_manager: wang-li", "account_manager: zhou-min")
    agency.check(
        "clients/acme/client.yaml", text.replace("status: active", "status: former"), expect=[]
    )


def test_hb305_requirement_of_another_client(agency):
    agency.write("clients/globex/client.yaml", OTHER_CLIENT)
    found = agency.check(
        "clients/globex/applications/app-2026-0002.yaml",
        APPLICATION.replace("app-2026-0001", "app-2026-0002"),
        expect=[(2, 14, "HB305")],
    )
    assert "belongs to another client" in found[0].message


def test_hb305_unknown_requirement_in_plan(agency):
    text = (agency.records / "clients/acme/plans/plan-2026-001.yaml").read_text()
    agency.check(
        "clients/acme/plans/plan-2026-001.yaml",
        text.replace("[req-2026-001]", "[req-2026-001, req-2026-404]"),
        expect=[(2, 30, "HB305")],
    )


def test_hb306_unknown_candidate(agency):
    agency.check(APP, APPLICATION.replace("cand-0001", "cand-0404"), expect=[(3, 12, "HB306")])


def test_hb307_plan_of_another_client(agency):
    text = """\
        id: tp-2026-0001
        type: progress_report
        at: 2026-03-11T10:00:00+08:00
        by: wang-li
        plan: plan-2026-404
        summary: Weekly report.
        """
    agency.check("clients/acme/touchpoints/tp-2026-0001.yaml", text, expect=[(5, 7, "HB307")])


def test_hb308_hiring_manager_not_a_contact(agency):
    rel = "clients/acme/requirements/req-2026-001.yaml"
    text = (
        (agency.records / rel)
        .read_text()
        .replace("hiring_manager: Li Na", "hiring_manager: Li Nah")
    )
    found = agency.check(rel, text, expect=[(6, 17, "HB308")])
    assert "did you mean `Li Na`?" in found[0].message


def test_hb309_case_names_unknown_client(agency):
    text = (
        "---\ntitle: A lesson\nclient: acme-tech\nauthor: wang-li\non: 2026-05-01\n"
        "tags: [lessons]\noutcome: mixed\n---\n\nBody.\n"
    )
    agency.check("cases/a-lesson.md", text, expect=[(3, 9, "HB309")])


def test_hb310_missing_policy(agency):
    agency.remove("policy.yaml")
    agency.check("policy.yaml", None, expect=[(1, 1, "HB310")])


def test_broken_referenced_record_does_not_cascade(agency):
    # The requirement is unreadable; the application that names it gets no second error.
    agency.write("clients/acme/requirements/req-2026-001.yaml", "id: [\n")
    problems = agency.problems()
    assert [p.code for p in problems] == ["HB105"]


PERSON = """\
id: {id}
name: Aux Li
roles: [recruiter]
active: true
"""


def test_hb311_a_team_file_windows_cannot_create(agency):
    found = agency.check("team/aux.yaml", PERSON.format(id="aux"), expect=[(1, 5, "HB311")])
    assert "`aux` is a name Windows keeps for a device" in found[0].message
    assert "rename the file" in found[0].message


def test_hb311_a_client_folder_and_an_upper_case_name(agency):
    # An upper-case id is the schema's to refuse (HB205): one problem, not two.
    agency.check("team/LPT1.yaml", PERSON.format(id="LPT1"), expect=[(1, 5, "HB205")])
    client = OTHER_CLIENT.replace("id: globex", "id: nul")
    found = agency.check("clients/nul/client.yaml", client, expect=[(1, 5, "HB311")])
    assert "check out this folder" in found[0].message


def test_hb311_not_for_names_that_only_start_like_one(agency):
    for name in ("aux-li", "con1", "com0", "lpt10", "nul-2", "prn-team"):
        agency.check(f"team/{name}.yaml", PERSON.format(id=name), expect=[])
