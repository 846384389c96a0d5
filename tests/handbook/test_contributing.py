"""The team's guide, "Working with the records", renders as written in every language
(issue 20, item 6): its YAML example is a code block, not a line of inline code, and each set
of numbered steps is one list, not several lists each starting at 1.

Python-Markdown (what MkDocs runs) reads a fenced block only outside lists and needs four spaces
to continue a list item, so the page is built by MkDocs itself and its HTML read here.
"""

from __future__ import annotations

import html
import re
import shlex

import click
import pytest
from click.testing import CliRunner

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
    built_html = built.text(paths.CONTRIBUTING.removesuffix(".md") + "/index.html")
    article = re.search(r"<article.*?</article>", built_html, re.S).group(0)
    markdown = guide(language)
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


# --- the day's events, both ways (issue 22, item 5) ----------------------------------------------

COMMAND = re.compile(r"`(hirebook (?:new|log) [^`]*)`")


def guide(language: str) -> str:
    source = PROJECT / "site" / paths.hand_written(language, paths.CONTRIBUTING)
    return source.read_text(encoding="utf-8")


def table_rows(markdown: str) -> list[str]:
    return [
        line for line in markdown.splitlines() if line.startswith("| ") and "`hirebook " in line
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_is_shown_with_its_command_and_its_form(language):
    """A row per event: every form (by the name GitHub shows) beside the command it runs, and
    every `hirebook log` event with its command, whether or not it has a form."""
    from hirebook.cli.log import log_group
    from hirebook.forms import catalogue

    rows = table_rows(guide(language))
    for template in catalogue.load(PROJECT / ".github" / "ISSUE_TEMPLATE"):
        command = "`hirebook " + " ".join(template.form.command) + " "
        matching = [row for row in rows if f"**{template.name}**" in row]
        assert len(matching) == 1 and command in matching[0], (language, template.name)
    events = log_group.list_commands(click.Context(log_group))
    for event in events:
        assert [row for row in rows if f"`hirebook log {event} " in row], (language, event)
    assert len(rows) == len(events) + 3  # and the three forms that start a record


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_the_guide_shows_runs_as_written(language):
    """Each `hirebook new …` and `hirebook log …` of the guide is parsed by the command itself:
    its subcommand, options and choices exist, and nothing required is missing."""
    from hirebook.cli.main import cli

    shown = [line for line in COMMAND.findall(guide(language)) if len(line.split()) > 3]
    assert len(shown) >= 18
    for line in shown:
        words = shlex.split(line)[1:]
        context = click.Context(cli, info_name="hirebook")
        group = cli.get_command(context, words[0])
        command = group.get_command(click.Context(group, parent=context), words[1])
        assert command is not None, line
        # An option left out would be asked for: with nothing to read, that is an Abort.
        with CliRunner().isolation(input=""):
            try:
                command.make_context(words[1], words[2:], parent=context)
            except (click.ClickException, click.Abort) as err:
                pytest.fail(f"{language}: {line}: {err!r}")


def test_the_events_are_one_table_on_the_page(page):
    """The Markdown table renders as a table (not as lines of pipes), a row per event."""
    markdown, article = page
    tables = re.findall(r"<table>.*?</table>", article, re.S)
    events = [t for t in tables if "hirebook log feedback" in t]
    assert len(events) == 1, "the events' table did not render as one table"
    rows = re.findall(r"<tr>", events[0])
    assert len(rows) == len(table_rows(markdown)) + 1  # and the heading
    assert "| `hirebook" not in article
