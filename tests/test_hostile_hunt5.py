"""The hostile-input hunt, round five: the newest code (trust).

Rounds one to four (``test_hostile_hunt.py``, ``test_hostile_writers.py``, the fuzz and
``test_trust_leftovers*.py``) hunted the readers, the writers and the outputs. This round
hunted what changed last: the Chinese name spellings of the personal-data rules, the branch
``init`` writes into the workflows, and two leftovers of round four (UTF-16 with an emoji
early, a conflict quoted in a case's fenced code). Each case here failed before its change;
expected values are worked out by hand from the small agency of ``conftest.py``.
"""

from __future__ import annotations

import itertools
import os
import subprocess

import pytest
import yaml

from chinese_spellings import MOST_SPELLINGS, spellings
from hirebook.chinese_script import other_forms
from hirebook.cli.main import cli
from hirebook.handbook.richtext import render
from hirebook.privacy import Candidates, Redactor, normalise

CANDIDATE = "candidates/cand-0002.yaml"


# --- 1. UTF-16 without a byte-order mark, an emoji or a Chinese character first -----------------
# Without a mark, UTF-16 was known by the NULs beside every ASCII letter in its first bytes.
# An emoji (a surrogate pair, 3D D8 00 DE in little-endian) or a Chinese character (名 is
# 0D 54) among them broke the pattern, and the file was called binary (HB102, "was a
# spreadsheet or image saved with a .yaml name?") where it is text in the wrong encoding.


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "😀 id: cand-0002\n",  # the emoji first: no NUL in the first two bytes
        "id: 😀\n",  # four letters before it: too few for the pattern
        "name: 😀😀😀 劉洋\nid: cand-0002\n",
        "名字: 劉洋\nid: cand-0002\n",  # Chinese first, no emoji at all
        "# 候選人\r\nid: cand-0002\r\n",  # a comment first, Windows line breaks
    ],
)
def test_utf16_with_an_emoji_or_chinese_first_is_named_utf16(agency, codec, text):
    (problem,) = agency.check(CANDIDATE, text.encode(codec), expect=[(1, 1, "HB103")])
    assert problem.message.startswith("the file is UTF-16 text, not UTF-8; save it as UTF-8")


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        # a PNG's signature and the start of its header: as UTF-16, 00 00 is U+0000
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", (3, 1)),
        # a ZIP (an .xlsx): PK 03 04, version 14 00, flags 00 00 — U+0000 again
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00id: x\n", (1, 6)),
        # text with a NUL: `: ` but U+0000 in either byte order
        (b"id: cand-0002\x00\x00\n", (1, 14)),
        # an odd number of bytes is no UTF-16
        ("id: 😀\n".encode("utf-16-le") + b"\x00", (1, 2)),
        # decodes as UTF-16 (no surrogate, no control character) but holds no `key:`
        ("😀 no key here\n".encode("utf-16-le"), (1, 3)),
    ],
)
def test_binary_is_still_binary(agency, raw, where):
    (problem,) = agency.check(CANDIDATE, raw, expect=[(*where, "HB102")])
    assert "UTF-16" not in problem.message


# --- 2. a merge conflict quoted in a case's fenced code -----------------------------------------
# A case may show the conflict its team ran into between ``` lines. The whole file was searched
# for conflicts, and every marker line of the body refused, so such a case could not be written
# at all; and the handbook's Markdown had no fenced code, so it would have published the lines
# as text (`>>>>>>>` a quote seven deep). Now the handbook shows fenced code as code, and the
# checks pass over what it shows as code: by its rule (Python-Markdown's fenced_code), a fence
# at the start of a line closed by the same fence. The front matter still refuses conflicts,
# and so does the body outside a closed fence.

CASE = "cases/2026-acme-kick-off.md"
CASE_FRONT = (
    "---\ntitle: A case\nclient: acme\nauthor: wang-li\non: 2026-11-01\ntags: [kick-off]\n"
    "outcome: success\n---\n"
)  # eight lines: the body starts on line 9
CONFLICT = "<<<<<<< HEAD\ntitle: 開局\n=======\ntitle: Kick-off\n>>>>>>> feature/titles\n"


@pytest.mark.parametrize(
    "body",
    [
        f"\nGit stopped us:\n\n```\n{CONFLICT}```\n\nWe kept both.\n",
        f"\n~~~~ yaml\n{CONFLICT}~~~~\n",  # tildes, a language
        f"\n```text\n{CONFLICT}```   \n",  # blanks after the closing fence
        "\n```\n>>>>>>> main\n```\n",  # one marker alone, quoted
        f"\r\n```\r\n{CONFLICT.replace(chr(10), chr(13) + chr(10))}```\r\n",  # CRLF
    ],
)
def test_a_conflict_in_a_cases_fenced_code_is_kept(agency, body):
    agency.check(CASE, CASE_FRONT + body, expect=[])


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # the fence is never closed: what follows it is not quoted
        (f"\n```\n{CONFLICT}", 11),
        # closed by a shorter or a longer fence, or one of the other character: still open
        (f"\n````\n{CONFLICT}```\n`````\n~~~~\n", 11),
        # indented: Python-Markdown's fences start at the start of a line
        (f"\n   ```\n{CONFLICT}```\n", 11),
        # a backtick in the words after the fence: no fence
        (f"\n``` a`b\n{CONFLICT}```\n", 11),
        # a conflict after a closed block
        (f"\n```\ncode\n```\n{CONFLICT}", 13),
    ],
)
def test_a_conflict_outside_a_closed_fence_is_refused(agency, body, line):
    (problem,) = agency.check(CASE, CASE_FRONT + body, expect=[(line, 1, "HB105")])
    assert problem.message.startswith("an unresolved merge conflict (lines ")


def test_a_conflict_in_the_front_matter_is_refused_whatever_the_body_fences(agency):
    conflict = "<<<<<<< HEAD\nauthor: wang-li\n=======\nauthor: chen-jie\n>>>>>>> main\n"
    front = CASE_FRONT.replace("author: wang-li\n", conflict)  # lines 4 to 8
    (problem,) = agency.check(CASE, front + f"\n```\n{CONFLICT}```\n", expect=[(4, 1, "HB105")])
    assert problem.message.startswith("an unresolved merge conflict (lines 4 to 8)")


def test_the_handbook_shows_a_fenced_conflict_as_code():
    html = render(f"Git stopped us:\n\n```\n{CONFLICT}```\n")
    assert "<pre><code>&lt;&lt;&lt;&lt;&lt;&lt;&lt; HEAD\n" in html
    assert "&gt;&gt;&gt;&gt;&gt;&gt;&gt; feature/titles\n</code></pre>" in html
    assert "<blockquote>" not in html


# --- 3. a marker line behind a character the handbook removes ----------------------------------
# The handbook removes control and bidirectional characters from record text before rendering
# it. `\x01>>>>>>> main` was no marker to the check, and the page showed `main` in a quote
# seven deep; `\u200e<<<<<<< HEAD` showed the marker. Both are refused at their line.


@pytest.mark.parametrize(
    ("body", "line", "sign"),
    [
        ("\nWe asked twice.\n\x01>>>>>>> main\n", 11, ">"),
        ("\nWe asked twice.\n\n\u200e<<<<<<< HEAD\n", 12, "<"),
        ("\n<<<\u202e<<<< HEAD\n", 10, "<"),  # an override inside the marker
        ("\r\nWe asked twice.\r\n\x7f>>>>>>> main\r\n", 11, ">"),
    ],
)
def test_a_marker_behind_a_removed_character_is_refused(agency, body, line, sign):
    (problem,) = agency.check(CASE, CASE_FRONT + body, expect=[(line, 1, "HB105")])
    assert problem.message.startswith(f"a line left from a merge conflict: `{sign * 7}`")


def test_a_lone_carriage_return_joins_the_lines_as_the_handbook_does(agency):
    """The handbook removes a lone CR: `ok\\r>>>>>>> main` is one line of text, no quote."""
    body = "\nok\r>>>>>>> main\n"
    agency.check(CASE, CASE_FRONT + body, expect=[])
    assert "<blockquote>" not in render(body)


# --- 4. branch names Git refuses, or would take for another branch -----------------------------
# `init --branch` wrote them into the workflows: `HEAD` (Git: "'HEAD' is not a valid branch
# name"), a part over 250 bytes (Git keeps a branch in a file of its name plus `.lock`, and a
# file name has 255 bytes at most: "cannot lock ref … File name too long"), and `refs/heads/x`,
# which Git takes as the branch refs/heads/refs/heads/x — the push trigger never fired for x.


def init(runner, target, *options):
    return runner.invoke(cli, ["init", str(target), "--country", "CN", *options], input="")


@pytest.fixture
def own_git_config(tmp_path, monkeypatch):
    """Git reading no configuration of this machine."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("HEAD", "Git refuses `HEAD` as a branch name: it names the current commit"),
        (
            "refs/heads/trunk",
            "this is a full reference name, which Git would take as a branch named "
            "refs/heads/refs/heads/trunk; pass the branch's own name, e.g. --branch trunk",
        ),
        (
            "a" * 251,
            "Git cannot create a branch whose part between slashes is over 250 bytes in UTF-8 "
            "(it keeps the branch in a file of that name and .lock, and file systems take 255 "
            "bytes); this part is 251",
        ),
        (
            "功能/" + "招" * 84,  # 84 characters of three bytes each
            "Git cannot create a branch whose part between slashes is over 250 bytes in UTF-8 "
            "(it keeps the branch in a file of that name and .lock, and file systems take 255 "
            "bytes); this part is 252",
        ),
    ],
)
def test_init_refuses_a_branch_git_refuses_saying_why(runner, tmp_path, own_git_config, name, why):
    target = tmp_path / "agency"
    result = init(runner, target, "--branch", name)
    assert result.exit_code == 2, result.output
    assert f"Error: Invalid value for --branch: `{name}`: {why}" in " ".join(result.output.split())
    assert not target.exists()  # refused before anything is written


@pytest.mark.parametrize("name", ["a" * 250, "功能/" + "招" * 83, "a/HEAD", "refs", "heads/x"])
def test_a_branch_git_creates_is_written_into_the_workflows(runner, tmp_path, own_git_config, name):
    target = tmp_path / "agency"
    result = init(runner, target, "--branch", name)
    assert result.exit_code == 0, result.output
    checks = yaml.safe_load((target / ".github/workflows/checks.yml").read_text("utf-8"))
    assert checks[True]["push"]["branches"] == [name]  # PyYAML reads `on` as true
    git = subprocess.run(
        ["git", "-C", str(tmp_path), "init", "-q", "-b", name, "repo"], capture_output=True
    )
    assert git.returncode == 0, git.stderr
    made = subprocess.run(
        ["git", "-C", str(tmp_path / "repo"), "-c", "user.name=a", "-c", "user.email=a@b.c"]
        + ["commit", "-q", "--allow-empty", "-m", "first"],
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr  # Git can make the branch, too


def test_init_in_a_repository_on_head_refuses_it(runner, tmp_path, own_git_config):
    """`git init -b HEAD` makes a repository whose first commit fails; init said it would
    check and publish the branch HEAD."""
    target = tmp_path / "agency"
    subprocess.run(["git", "init", "-q", "-b", "HEAD", str(target)], check=True)
    result = init(runner, target)
    assert result.exit_code == 2, result.output
    assert "`HEAD` (the branch Git names for this folder): Git refuses `HEAD`" in " ".join(
        result.output.split()
    )
    assert not (target / "records").exists()


# --- 5. a Chinese name of many spellings -------------------------------------------------------
# The personal-data rules looked for a name's spellings one by one, at most 256 of them
# (chinese_script.MOST_SPELLINGS); beyond, as written and in Simplified only. 钟历台发系 has
# 4 × 4 × 4 × 3 × 3 = 576 (钟 is 鈡 鍾 鐘; 历 is 厤 曆 歷; 台 is 檯 臺 颱; 发 is 發 髮; 系 is
# 係 繫): written 鐘曆臺發係 in a note — the name in Traditional — it was not found, and the
# handbook published it. Now the name and the text are compared in one spelling.

MANY = "钟历台发系"
MANY_CHOICES = ["钟鈡鍾鐘", "历厤曆歷", "台檯臺颱", "发發髮", "系係繫"]


def test_every_spelling_of_a_name_beyond_the_cap_is_found():
    found = Candidates({"cand-0009": {"name": MANY}})
    forms = ["".join(letters) for letters in itertools.product(*MANY_CHOICES)]
    assert len(forms) == 576 > MOST_SPELLINGS
    missed = [form for form in forms if found.name_in(f"联系人：{form}。") != "cand-0009"]
    assert missed == []
    assert found.name_in("钟历台发") is None  # four of its five characters are no name


@pytest.mark.parametrize("name", ["龚丽", "劉洋", "李发", "王麗", "陳曉明", "欧阳明", "钟历台发"])
def test_every_spelling_listed_of_a_name_within_the_cap_is_found(name):
    found = Candidates({"cand-0009": {"name": name}})
    assert [f for f in spellings(name) if found.name_in(f"见{f}了") != "cand-0009"] == []


def test_a_note_naming_the_candidate_in_traditional_is_found_and_withheld(agency, runner):
    agency.write(
        "candidates/cand-0002.yaml",
        f"id: cand-0002\nname: {MANY}\n"
        "consent: {given_on: 2026-03-10, purpose: Recruitment for client roles}\n"
        "retain_until: 2028-03-10\n",
    )
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + "notes: 鐘曆臺發係 called back.\n")
    (problem,) = [p for p in agency.problems() if p.code == "HB503"]
    assert (problem.file, problem.line) == (
        "records/clients/acme/client.yaml",
        13,
    )  # after its 12 lines
    assert "`cand-0002`" in problem.message
    assert Redactor.of(agency.load()).text("鐘曆臺發係 called back.") == "cand-0002 called back."


def test_a_name_of_ten_thousand_characters_is_found_in_either_script():
    name = "钟历台发系" * 2000
    found = Candidates({"cand-0009": {"name": name}})
    assert found.name_in("鐘曆臺發係" * 2000) == "cand-0009"
    assert found.name_in("鐘曆臺發係" * 1999) is None


# --- 6. `hirebook new` through a folder that is a link (cli/new.py: another helper's) -----------
# records/clients/acme/requirements linked to an empty folder outside the repository: lint
# refuses the link (HB111), but `new requirement` wrote req-2026-001.yaml through it, outside
# the repository, and said it wrote records/clients/acme/requirements/req-2026-001.yaml (exit 0).


def test_new_never_writes_through_a_linked_folder(agency, runner, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (agency.records / "clients/acme/requirements").rename(tmp_path / "kept")
    (agency.records / "clients/acme/requirements").symlink_to(outside)
    result = runner.invoke(
        cli,
        ["new", "requirement", "--records", str(agency.records), "--client", "acme"]
        + ["--title", "Data Engineer", "--as-of", "2026-11-20T10:00:00+08:00"],
        input="",
    )
    assert list(outside.iterdir()) == []
    assert result.exit_code == 1, result.output
    assert "records/clients/acme/requirements" in result.output


# --- 7. a policy.yaml that is a FIFO or a dangling link (records/repository.py: the lead's) -----
# lint names it (HB111 at records/policy.yaml:1:1), but sla, report, export and calendar refuse
# with "records/policy.yaml is missing or invalid; run `hirebook lint`", naming no place and no
# reason: load_policy reads the policy only where Path.is_file() (which follows links and is
# false for a FIFO), so no problem of it is found. A link to a regular file is named (HB111).


@pytest.mark.parametrize("kind", ["fifo", "dangling link"])
def test_the_refusal_of_a_policy_that_is_no_file_names_its_place(agency, runner, tmp_path, kind):
    policy = agency.records / "policy.yaml"
    policy.unlink()
    if kind == "fifo":
        os.mkfifo(policy)
    else:
        policy.symlink_to(tmp_path / "nothing")
    result = runner.invoke(cli, ["sla", "--all", "--records", str(agency.records), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert "records/policy.yaml:1:1: HB111 this is a " in result.output


# --- 8. a name disguised by combining marks ----------------------------------------------------
# Invisible characters, spaces and dots between a Chinese name's characters were removed before
# searching, combining marks were not: 劉́洋 (an acute accent on 劉) or 劉⃝洋 (a circle round it)
# reads as 劉洋 and was not found; nor was K̶e̶n̶j̶i̶ Watanabe (a line through each letter). What
# NFKC leaves of the marks of no one script is removed now; an accent NFKC makes one letter
# with (`é`) stays: José is not Jose.


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("劉\u0301洋", "劉洋"),  # combining acute accent
        ("劉\u20dd洋", "劉洋"),  # combining enclosing circle
        ("劉\u302a\u302b洋", "劉洋"),  # ideographic tone marks
        ("劉\u3099洋", "劉洋"),  # a kana voicing mark on no kana
        ("K\u0336e\u0336n\u0336j\u0336i\u0336 Watanabe", "Kenji Watanabe"),  # struck through
        ("Jose\u0301 Li", "Jos\u00e9 Li"),  # composed by NFKC: kept as one letter
    ],
)
def test_combining_marks_are_removed_after_nfkc(written, plain):
    assert normalise(written) == plain


def test_a_name_disguised_by_combining_marks_is_found_and_withheld(agency):
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + "notes: 劉\u0301洋 called back.\n")
    (problem,) = [p for p in agency.problems() if p.code == "HB503"]
    assert (problem.file, problem.line) == ("records/clients/acme/client.yaml", 13)
    assert "`cand-0001`" in problem.message
    assert Redactor.of(agency.load()).text("劉\u0301洋 called back.") == "cand-0001 called back."


# --- 9. OpenCC given a lone surrogate -----------------------------------------------------------
# Python reads a file name's bytes that are not UTF-8 as lone surrogates; OpenCC takes UTF-8, and
# other_forms raised UnicodeEncodeError on a word holding one. No record's text can hold one
# today (the YAML reader refuses "\ud800"), so this is the function's own guarantee: the word
# is left out, the others converted.


def test_other_forms_leaves_out_a_word_with_a_lone_surrogate():
    assert other_forms("\ud800醫療 醫療 中文\udfff") == "医疗"


# --- 10. a name with a control character escaped into it ---------------------------------------
# YAML writes any control character in a double-quoted text ("劉\0洋", "Ken\x00ji"). The rules
# searched the text as it was, and the name was not found; the handbook removes control
# characters from a page, and showed 劉洋. They are removed before searching now, as the
# handbook removes them (the line feed stays: it separates the texts a rule searches at once).


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("劉\x00洋", "劉洋"),
        ("Ken\x00ji Watanabe", "Kenji Watanabe"),  # ASCII, which was passed through as it was
        ("劉\x1b洋\x7f", "劉洋"),
        ("劉\x9f洋", "劉洋"),  # a C1 control
        ("a\tb\nc", "a\tb\nc"),  # ASCII with a tab and a line feed: as it was
    ],
)
def test_control_characters_are_removed_before_searching(written, plain):
    assert normalise(written) == plain


@pytest.mark.parametrize("note", ['"劉\\0洋 called back."', '"劉\\e洋 called back."'])
def test_a_name_with_an_escaped_control_character_is_found(agency, note):
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + f"notes: {note}\n")
    (problem,) = [p for p in agency.problems() if p.code == "HB503"]
    assert (problem.file, problem.line) == ("records/clients/acme/client.yaml", 13)
    assert render(agency.load().documents[problem.file].data["notes"]).count("劉洋") == 1


def test_a_candidates_name_with_a_control_character_is_still_her_name(agency):
    agency.write(
        "candidates/cand-0001.yaml",
        'id: cand-0001\nname: "劉\\0洋"\n'
        "consent: {given_on: 2026-03-10, purpose: Recruitment for client roles}\n"
        "retain_until: 2028-03-10\n",
    )
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + "notes: 劉洋 called back.\n")
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]


# --- 11. a name with a Han character beyond the basic plane -------------------------------------
# Rare characters of names are in the extensions beyond the basic plane (𡒊 U+2148A, 𠮷 U+20BB7).
# A name's Chinese was looked for in runs of basic-plane Han characters: 王𡒊 had no run of two
# and was not looked for at all; 𠮷田健 was looked for as 田健, so the redactor wrote
# "𠮷cand-0002" (its first character published) and any 田健 was taken for her.


def _named(agency, name: str) -> None:
    agency.write(
        "candidates/cand-0001.yaml",
        f"id: cand-0001\nname: {name}\n"
        "consent: {given_on: 2026-03-10, purpose: Recruitment for client roles}\n"
        "retain_until: 2028-03-10\n",
    )
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + f"notes: {name} called back.\n")


@pytest.mark.parametrize("name", ["王\U0002148a", "\U00020bb7田健"])
def test_a_name_with_a_character_beyond_the_basic_plane_is_found_and_withheld(agency, name):
    _named(agency, name)
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]
    redactor = Redactor.of(agency.load())
    assert redactor.text(f"{name} called back.") == "cand-0001 called back."


def test_part_of_such_a_name_is_no_name():
    found = Candidates({"cand-0002": {"name": "\U00020bb7田健"}})
    assert found.name_in("田健 called back.") is None
    assert found.name_in("\U00020bb7田健 called back.") == "cand-0002"


# --- 12. a name in accented Latin letters, Greek or Cyrillic -----------------------------------
# A name's words were ASCII letters: Zoë Müller was looked for as the words `Zo` and `ller` (any
# `Zo` taken for her), and the redactor wrote "cand-0001ë Mücand-0001 called back." — half her
# name published; Иван Петров was not looked for at all.


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Zoë Müller", "ZOË MÜLLER"),
        ("Łukasz Kowalski", "Łukasz Kowalski"),
        ("Nguyễn Văn An", "nguyễn văn an"),
        ("Иван Петров", "Иван Петров"),
    ],
)
def test_a_name_in_accented_latin_greek_or_cyrillic_is_found_whole(agency, name, written):
    _named(agency, name)
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]
    redactor = Redactor.of(agency.load())
    assert redactor.text(f"{written} called back.") == "cand-0001 called back."


def test_a_piece_of_an_accented_name_is_no_name():
    found = Candidates({"cand-1": {"name": "Zoë Müller"}, "cand-2": {"name": "Nguyễn Văn An"}})
    for text in ("Zo is a prefix.", "Keller", "ller", "An offer was made.", "Zoe Mueller"):
        assert found.name_in(text) is None, text


# --- 13. a client folder renamed hidden (records/repository.py: the lead's) -------------------
# `git mv clients/acme clients/.acme` in a pull request: lint says "no problems (4 files
# checked)" and exits 0, while the client, its requirement, plan and application are read by
# nothing — sla --all drops from 8 clocks to 1. Hidden names are passed over (the temporary
# files of atomic writes, editors' swap files), a hidden folder of records too, without a word.


@pytest.mark.parametrize("hidden", [".acme", "..acme"])
def test_a_hidden_client_folder_is_a_problem(agency, runner, hidden):
    (agency.records / "clients/acme").rename(agency.records / "clients" / hidden)
    result = runner.invoke(cli, ["lint", "--records", str(agency.records)])
    assert result.exit_code == 1, result.output
    assert f"records/clients/{hidden}" in result.output


# --- 14. a name in Hangul or katakana -------------------------------------------------------
# Names were looked for in Han characters and ASCII words only: 김민수 and ジョン・スミス were
# never looked for, and every output published them. They are words now: a Korean name where a
# space or punctuation ends it (김민수가, with a particle, is another word), a katakana one up to
# the hiragana after it, its words parted by a space or a middle dot.


@pytest.mark.parametrize(
    ("name", "written", "redacted"),
    [
        ("김민수", "김민수 called back.", "cand-0001 called back."),
        ("ジョン・スミス", "ジョン・スミスさんから電話。", "cand-0001さんから電話。"),
    ],
)
def test_a_name_in_hangul_or_katakana_is_found_and_withheld(agency, name, written, redacted):
    _named(agency, name)
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]
    assert Redactor.of(agency.load()).text(written) == redacted


def test_one_word_of_a_katakana_name_is_no_name():
    found = Candidates({"cand-0001": {"name": "ジョン・スミス"}})
    assert found.name_in("スミスさん") is None  # Smith alone is anyone


# --- 15. a Chinese name broken over two lines ---------------------------------------------------
# `notes: |` keeps its line breaks: "Called 劉\n洋 back." was no name to the rules (a line feed
# parts the texts a rule searches at once), and the handbook's paragraph joins the lines (劉 洋).
# A line break between two Chinese characters is dropped as a joiner is; a blank line between
# them (two paragraphs) is kept.


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Called 劉\n洋 back.", "Called 劉洋 back."),
        ("劉 \t\n  洋", "劉洋"),  # blanks beside the break
        ("劉\n洋\n明", "劉洋明"),
        ("劉\n\n洋", "劉\n\n洋"),  # two paragraphs
        ("劉\n \n洋", "劉\n \n洋"),
        ("Liu\nYang", "Liu\nYang"),  # ASCII: as it was
    ],
)
def test_a_line_break_between_chinese_characters_is_dropped(written, plain):
    assert normalise(written) == plain


def test_a_name_over_two_lines_of_a_block_text_is_found(agency):
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client + "notes: |\n  Called 劉\n  洋 back.\n")
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]


# --- 16. a name written with its accents, or without them -------------------------------------
# A name's words were compared letter for letter: 劉洋 (Liu Yang) written Liú Yáng — pinyin with
# its tones — was no name, nor Zoë Müller written Zoe Muller. Words are compared without their
# accents now (NFD's letter without its marks; ø, ł, ß are letters of their own), and case
# folded (ΣΟΦΟΣ is σοφός: a final sigma; ß is ss).


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("劉洋 (Liu Yang)", "Liú Yáng"),
        ("劉洋 (Liu Yang)", "LǏU YǍNG"),
        ("Zoë Müller", "Zoe Muller"),
        ("Nguyễn Văn An", "Nguyen Van An"),
        ("Οδυσσέας Ελύτης", "ΟΔΥΣΣΕΑΣ ΕΛΥΤΗΣ"),  # and in capitals: its last sigma ς is Σ
        ("Hans Weiß", "hans weiss"),  # ß is ss case folded
    ],
)
def test_a_name_is_found_with_its_accents_or_without(agency, name, written):
    _named(agency, name)
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write("clients/acme/client.yaml", client.replace(name, written))
    assert [(p.line, p.code) for p in agency.problems() if p.code == "HB503"] == [(13, "HB503")]
    assert Redactor.of(agency.load()).text(f"见 {written} 了") == "见 cand-0001 了"


def test_letters_of_their_own_are_not_accents():
    found = Candidates({"cand-0001": {"name": "Łukasz Søren Weiß"}})
    assert found.name_in("Lukasz Soren Weiss") is None
    assert found.name_in("ŁUKASZ SØREN WEIß") == "cand-0001"
