"""The hand-written pages say the same things in every language: each English page of
``site/en/`` has its 繁體 and 简体 translation, with the same sections at the same levels, so
that a section added to the English page fails here until it is translated; the sections keep
the anchors the English page's have, so a link into a page (``running.md#clocks``, from the
README) works in every language; and "Running hirebook", the operators' guide, shows every
command, option, file name, code example and link exactly as the English page does.

Read from the Markdown sources, without a build (``test_one_site.py`` builds the site and
checks the tables and the language selector)."""

from __future__ import annotations

import re

import pytest
from markdown.extensions.toc import slugify

from hirebook.handbook import paths

from .handbook_site import PROJECT

ENGLISH = "en"
CHINESE = ("zh-Hant", "zh-Hans")
PAGES = sorted(page.name for page in (PROJECT / "site" / ENGLISH).glob("*.md"))

FENCED = re.compile(r"^```.*?^```", re.M | re.S)
HEADING = re.compile(r"^(#{1,6}) +(.*?)(?: +\{:? *#([\w-]+) *\})? *$", re.M)
CODE_SPAN = re.compile(r"`([^`]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")

def source(language: str, page: str) -> str:
    return (PROJECT / "site" / paths.hand_written(language, page)).read_text(encoding="utf-8")


def prose(text: str) -> str:
    """The page without its fenced code blocks (a ``#`` comment in one is no heading)."""
    return FENCED.sub("", text)


def headings(text: str) -> list[tuple[int, str]]:
    """Each heading's level and anchor: its own ``{#id}``, else the id Python-Markdown's
    ``toc`` gives it (which is empty for a heading in Chinese)."""
    return [
        (len(hashes), anchor or slugify(title, "-"))
        for hashes, title, anchor in HEADING.findall(prose(text))
    ]


def code_spans(text: str) -> set[str]:
    """The page's inline code, a span broken over two lines read with one space."""
    return {" ".join(span.split()) for span in CODE_SPAN.findall(prose(text))}


def code_blocks(text: str) -> list[str]:
    """The fenced blocks without their ``#`` comments, which a translation translates."""
    blocks = []
    for block in FENCED.findall(text):
        lines = (re.sub(r"(^|\s+)# .*$", "", line).rstrip() for line in block.splitlines())
        blocks.append("\n".join(line for line in lines if line))
    return blocks


@pytest.mark.parametrize("language", CHINESE)
def test_every_english_page_has_its_translation(language):
    assert PAGES == ["contributing.md", "policy.md", "process.md", "running.md"]
    written = sorted(page.name for page in (PROJECT / "site" / language).glob("*.md"))
    assert written == PAGES


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("page", PAGES)
def test_a_translation_has_the_english_sections(page, language):
    english = [level for level, _ in headings(source(ENGLISH, page))]
    assert english.count(1) == 1 and len(english) > 1, page  # a title, and sections
    assert [level for level, _ in headings(source(language, page))] == english


@pytest.mark.parametrize("language", CHINESE)
@pytest.mark.parametrize("page", PAGES)
def test_a_translations_sections_keep_the_english_anchors(page, language):
    """Below the title: the page's title is its address, not an anchor anyone links."""
    english = [anchor for level, anchor in headings(source(ENGLISH, page)) if level > 1]
    assert all(english), page
    assert [a for level, a in headings(source(language, page)) if level > 1] == english


def test_the_anchors_are_read_as_mkdocs_writes_them():
    """The anchors of "Running hirebook", worked out by hand from its headings (the README
    links three of them), and those of a heading with its own id."""
    assert headings(source(ENGLISH, paths.RUNNING)) == [
        (1, "running-hirebook"),
        (2, "clocks"),
        (2, "what-the-commands-print"),
        (2, "the-export"),
        (2, "the-handbook"),
        (2, "ci"),
        (2, "personal-data"),
    ]
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"site/en/running\.md#([\w-]+)", readme))
    assert linked == {"clocks", "the-handbook", "personal-data"}
    assert headings("## 時限 {#clocks}\n## 一分鐘了解要點\n## CI {: #ci }\n") == [
        (2, "clocks"),
        (2, ""),
        (2, "ci"),
    ]


@pytest.mark.parametrize("language", CHINESE)
def test_running_hirebook_keeps_every_command_code_and_link(language):
    english, translated = source(ENGLISH, paths.RUNNING), source(language, paths.RUNNING)
    spans = code_spans(english)
    assert {"make zensical", "hirebook lint --changed-since origin/main", "--fail-on"} <= spans
    assert code_spans(translated) == spans
    assert LINK.findall(translated) == LINK.findall(english)
    assert len(code_blocks(english)) == 4  # three queries and the plugin's configuration
    assert code_blocks(translated) == code_blocks(english)


def test_a_code_block_compared_without_its_comments():
    """What :func:`code_blocks` keeps: the code, and a ``#`` inside it that is no comment."""
    block = "```yaml\nrecords: records   # 預設\n                   # （續）\nsep: '[#/]+'\n```\n"
    assert code_blocks(block) == ["```yaml\nrecords: records\nsep: '[#/]+'\n```"]
