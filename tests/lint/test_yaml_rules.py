"""HB1xx: files that cannot be read as records. Each test writes one broken file."""

import tracemalloc

import pytest

from hirebook.records import yamlread

PERSON = "team/chen-jie.yaml"


def test_baseline_agency_is_clean(agency):
    assert agency.problems() == []


def test_hb101_file_too_large(agency):
    big = "id: chen-jie\nname: x\n" + "# padding\n" * 120_000
    agency.check(PERSON, big, expect=[(1, 1, "HB101")])


def test_hb102_binary_file(agency):
    agency.check(PERSON, b"id: chen-jie\nname: \x00\x01\x02", expect=[(2, 7, "HB102")])


def test_hb103_invalid_utf8_names_line_and_column(agency):
    # "名" is fine; \xb0\xac is GBK for a character, invalid as UTF-8 on line 2, column 7.
    agency.check(PERSON, "id: chen-jie\nname: \xb0\xac".encode("latin-1"), expect=[(2, 7, "HB103")])


def test_hb104_empty_file(agency):
    agency.check(PERSON, "", expect=[(1, 1, "HB104")])


def test_hb104_comments_only(agency):
    agency.check(PERSON, "# nothing yet\n", expect=[(1, 1, "HB104")])


def test_hb105_tab_indentation(agency):
    """libyaml words this one "found character that cannot start any token": the tab is
    named from the character at its mark."""
    found = agency.check(PERSON, "id: 陈杰\nroles:\n\t- recruiter\n", expect=[(3, 1, "HB105")])
    assert found[0].message == (
        "YAML syntax error: a tab character where YAML expects indentation or a value; "
        "indent with spaces, never tabs"
    )


def test_hb105_bad_indentation(agency):
    text = "id: chen-jie\nname: Chen\n  roles: [recruiter]\n"
    found = agency.check(PERSON, text, expect=[(3, 8, "HB105")])
    assert "YAML syntax error" in found[0].message


def test_hb105_two_documents(agency):
    found = agency.check(PERSON, "id: chen-jie\n---\nid: other\n", expect=[(2, 1, "HB105")])
    assert "one record per file" in found[0].message


def test_hb105_merge_conflict_markers_at_the_first_marker(agency):
    """YAML itself fails a line after the marker ("could not find expected ':'"), naming no
    conflict."""
    text = (
        "id: chen-jie\n<<<<<<< HEAD\nname: Chen Jie\n=======\nname: 陈杰\n"
        ">>>>>>> feature/names\nroles: [recruiter]\n"
    )
    found = agency.check(PERSON, text, expect=[(2, 1, "HB105")])
    assert "an unresolved merge conflict (lines 2 to 6)" in found[0].message


def test_hb105_merge_conflict_inside_a_block_of_text(agency):
    """Inside `notes: |` the markers are valid YAML: the record linted clean with them."""
    text = (
        "id: chen-jie\nname: Chen Jie\nroles: [recruiter]\nnotes: |\n<<<<<<< HEAD\n"
        "  Prefers mornings.\n=======\n  Prefers afternoons.\n>>>>>>> main\n"
    )
    found = agency.check(PERSON, text, expect=[(5, 1, "HB105")])
    assert "(lines 5 to 9)" in found[0].message


def test_hb105_merge_conflict_in_a_cases_front_matter(agency):
    text = "---\ntitle: A lesson\n<<<<<<< HEAD\nauthor: wang-li\n=======\n>>>>>>> b\n---\n"
    agency.check("cases/lesson.md", text, expect=[(3, 1, "HB105")])


def test_hb105_merge_conflict_in_a_cases_body(agency):
    """The body is Markdown, which the handbook publishes as written."""
    text = (
        "---\ntitle: A lesson\nauthor: wang-li\non: 2026-03-05\n---\n# A lesson\n\r\n"
        "<<<<<<< HEAD\r\nWe asked twice.\r\n=======\r\nWe asked once.\r\n>>>>>>> other\r\n"
    )
    agency.check("cases/lesson.md", text, expect=[(8, 1, "HB105")])


@pytest.mark.parametrize(
    "text",
    [
        # signs within a line are text
        "id: chen-jie\nname: Chen <<<<<<< >>>>>>> Jie\nroles: [recruiter]\nactive: true\n",
        # a line of seven = in a quoted text, with no <<<<<<< line before it
        'id: chen-jie\nname: "Chen\n=======\n>>>>>>> Jie"\nroles: [recruiter]\nactive: true\n',
        # eight signs are no marker
        'id: chen-jie\nname: "Chen\n<<<<<<<< x\n=======\n>>>>>>> Jie"\nroles: [recruiter]\n'
        "active: true\n",
    ],
)
def test_signs_that_are_no_merge_conflict(agency, text):
    agency.check(PERSON, text, expect=[])


def test_hb106_every_duplicate_key_is_reported(agency):
    text = "id: chen-jie\nname: A\nroles: [lead]\nname: B\nactive: true\nactive: false\n"
    found = agency.check(PERSON, text, expect=[(4, 1, "HB106"), (6, 1, "HB106")])
    assert "first at line 2" in found[0].message


def test_hb107_anchor_and_alias(agency):
    agency.check(PERSON, "id: &x chen-jie\nname: *x\n", expect=[(1, 5, "HB107")])


def test_hb107_tag(agency):
    agency.check(PERSON, "id: chen-jie\nname: !!str Chen\n", expect=[(2, 7, "HB107")])


def test_hb107_billion_laughs_is_refused_fast_and_small():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines)
    tracemalloc.start()
    try:
        yamlread.parse(text)
    except yamlread.LoadProblem as problem:
        assert problem.code == "HB107"
    else:  # pragma: no cover - the test fails here
        raise AssertionError("billion laughs was accepted")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # A generous bound that still fails by orders of magnitude if the aliases were expanded
    # (a billion strings); no time is asserted, which a busy machine would make flaky.
    assert peak < 5_000_000


def test_hb108_top_level_list(agency):
    agency.check(PERSON, "- id: chen-jie\n  name: Chen\n", expect=[(1, 1, "HB108")])


def test_hb108_top_level_scalar(agency):
    agency.check(PERSON, "just a sentence\n", expect=[(1, 1, "HB108")])


def test_hb109_case_without_front_matter(agency):
    agency.check("cases/lesson.md", "# A lesson\n\nText.\n", expect=[(1, 1, "HB109")])


def test_hb109_case_front_matter_not_closed(agency):
    agency.check("cases/lesson.md", "---\ntitle: A\n", expect=[(2, 1, "HB109")])


def test_hb110_misplaced_yaml_file(agency):
    agency.check(
        "clients/acme/requirement/req-2026-009.yaml", "id: req-2026-009\n", expect=[(1, 1, "HB110")]
    )


def test_hb110_yml_extension(agency):
    found = agency.check("team/chen-jie.yml", "id: chen-jie\n", expect=[(1, 1, "HB110")])
    assert "rename it to .yaml" in found[0].message


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        ("clients/acme/touchpoints/tp-2026-0310-acme-call.YAML", "rename it to .yaml"),
        ("team/chen-jie.Yml", "rename it to .yaml"),
        ("cases/lesson.MD", "rename it to .md"),
        # the folder is wrong too: renaming alone would not make it a record
        ("clients/acme/touchpoint/tp-2026-0310-acme-call.yml", "records live at policy.yaml"),
    ],
)
def test_hb110_an_extension_in_other_letters_is_a_misnamed_record(agency, path, hint):
    """`.YAML` was passed over in silence: a touchpoint saved so never stopped its clock."""
    found = agency.check(path, "id: x\n", expect=[(1, 1, "HB110")])
    assert hint in found[0].message


def test_yaml_12_core_schema_keeps_on_yes_no_as_text():
    data = yamlread.parse("on: yes\nNO: off\nt: 09:00\nd: 2026-03-05\nn: 012\nb: True\n").data
    assert data == {"on": "yes", "NO": "off", "t": "09:00", "d": "2026-03-05", "n": 12, "b": True}


def test_positions_are_one_based_and_point_at_values():
    parsed = yamlread.positions("id: x\nlist:\n  - a: 1\n    b: two\n")
    assert parsed.positions[("id",)] == (1, 5)
    assert parsed.positions[("list", 0, "b")] == (4, 8)
    assert parsed.key_positions[("list", 0, "b")] == (4, 5)
