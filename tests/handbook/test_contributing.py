"""The team's guide, "Working with the records", renders as written in every language
(issue 20, item 6): its YAML example is a code block, not a line of inline code, and each set
of numbered steps is one list, not several lists each starting at 1.

Python-Markdown (what MkDocs runs) reads a fenced block only outside lists and needs four spaces
to continue a list item, so the page is built by MkDocs itself and its HTML read here.
"""

from __future__ import annotations

import html
import re

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import paths
from hirebook.handbook.labels import LANGUAGES

from .handbook_site import PROJECT, build_site

# The application example of "Record a submitted resume": the same lines in every language.
EXAMPLE = (
    "id: app-2026-0188",
    "requirement: req-2026-015",
    "candidate: cand-0042",
    "channel: referral",
    "submitted_at: 2026-03-12T15:00:00+08:00",
)


@pytest.fixture(scope="module", params=LANGUAGES)
def page(request, tmp_path_factory) -> tuple[str, str]:
    """(the page's Markdown source, its article as built by MkDocs) in one language."""
    language = request.param
    built = build_site(tmp_path_factory.mktemp(f"contributing-{language}"), DEMO_RECORDS, language)
    assert built.ok, built.log
    source = paths.contributing(language)
    built_html = built.text(source.removesuffix(".md") + "/index.html")
    article = re.search(r"<article.*?</article>", built_html, re.S).group(0)
    markdown = (PROJECT / "site" / source).read_text(encoding="utf-8")
    return markdown, article


def sections(text: str, heading: str) -> list[str]:
    """The text of each section under a heading of this level (``## `` or ``<h2``)."""
    return re.split(heading, text)[1:]


def test_the_yaml_example_is_a_code_block(page):
    _, article = page
    blocks = [html.unescape(b) for b in re.findall(r"<pre[^>]*>(.*?)</pre>", article, re.S)]
    example = [b for b in blocks if "app-2026-0188" in b]
    assert len(example) == 1, "the application example is one <pre> block"
    for line in EXAMPLE:
        assert line in example[0], line
    # Never inline code: the example's lines stay inside the block.
    outside = re.sub(r"<pre[^>]*>.*?</pre>", "", article, flags=re.S)
    assert "submitted_at: 2026" not in outside
    assert "```" not in outside


def test_each_set_of_steps_is_one_list(page):
    markdown, article = page
    steps = [
        len(re.findall(r"^\d+\.\s", section, re.M)) for section in sections(markdown, r"\n## ")
    ]
    built = [
        [len(re.findall(r"<li[ >]", ol)) for ol in re.findall(r"<ol>.*?</ol>", section, re.S)]
        for section in sections(article, r"<h2[ >]")
    ]
    assert len(built) == len(steps)
    # A section with N numbered steps has one <ol> of N items; a section without has none.
    assert built == [[n] if n else [] for n in steps]
    assert sum(steps) >= 7  # "Add a client" (4) and "Record a submitted resume" (3) at least
