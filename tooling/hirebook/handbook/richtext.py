"""Long record text that may use Markdown (notes, backgrounds, comments, case write-ups).

Such text is rendered here, at generation time, with a Markdown parser that has no raw HTML:
the HTML block and inline-HTML parsers are removed, so ``<script>`` is just text, and a tree
pass turns every link and image into plain text (``label (address)``), so ``javascript:``
links cannot exist and no image can load from another host. Headings are moved below the
page's own levels. The result is a self-contained HTML fragment that the page embeds as one
block; MkDocs passes it through untouched.

Python-Markdown looks for the end of every link and code span from where it starts, to the
end of the text if there is none: a text of many unclosed links (``[a](`` again and again) or
of code-span openings of every length took hours to render, and the handbook with it. A text
with more than :data:`MOST_LINKS` links, or :data:`MOST_CODE_RUNS` runs of backticks, shows
them as written instead, so that no text takes more than a few times as long to render as
plain text of its length.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from hirebook.handbook.escape import clean
from hirebook.records import fences

_HEADING_SHIFT = 3


class _Inert(Treeprocessor):
    """Links and images become text; headings sink below the page's h2/h3."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in parent:
                if child.tag == "a":
                    _unlink(child)
                elif child.tag == "img":
                    _unimage(child)
                elif child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    level = min(6, int(child.tag[1]) + _HEADING_SHIFT)
                    child.tag = f"h{level}"
                for name in list(child.attrib):
                    if name not in ("class", "align", "start", "title"):
                        del child.attrib[name]


def _unlink(element: etree.Element) -> None:
    """``<a href=u>label</a>`` → ``<span>label (u)</span>`` (just the label if they agree)."""
    target = (element.get("href") or "").strip()
    label = "".join(element.itertext()).strip()
    element.tag = "span"
    element.attrib.clear()
    if target and target != label and not target.startswith("mailto:"):
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + f" ({target})"
        else:
            element.text = (element.text or "") + f" ({target})"


def _unimage(element: etree.Element) -> None:
    alt = element.get("alt") or ""
    element.tag = "span"
    element.attrib.clear()
    element.text = f"[{alt}]" if alt else ""


class _NoHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Inert(md), "hirebook-inert", 0)


class _FencedCode(Preprocessor):
    """Fenced code blocks as ``<pre><code>``, found by :mod:`hirebook.records.fences`: the
    rule the conflict checks pass over them by (a case shows the merge conflict its team met
    between ``` lines), in one pass where ``fenced_code``'s pattern took hours on a hostile
    case. It runs after Markdown's whitespace normalisation, on the lines
    :func:`hirebook.records.document.as_shown` reads."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)  # one search in C: most texts hold no fence at all
        if "```" not in text and "~~~" not in text:
            return lines
        shown: list[str] = []
        done = 0
        for block in fences.blocks(lines):
            code = "".join(map(_code_line, lines[block.opening + 1 : block.closing]))
            language = f' class="language-{block.language}"' if block.language else ""
            stored = f"<pre><code{language}>{code}</code></pre>"
            shown += [*lines[done : block.opening], "", self.md.htmlStash.store(stored), ""]
            done = block.closing + 1
        return shown + lines[done:] if done else lines


def _code_line(line: str) -> str:
    """A line of code, escaped, and its line break: for a blank line a character reference,
    which the page shows as the same line break, as :func:`render` drops blank lines."""
    return html.escape(line, quote=False) + ("\n" if line.strip() else "&#10;")


class _Fences(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.register(_FencedCode(md), "hirebook-fenced-code", 25)


MOST_LINKS = 64
"""The most links (``](``) a text's links are rendered in; beyond, they are shown as written."""
MOST_CODE_RUNS = 128
"""The most runs of backticks a text's code spans are rendered in (two a code span)."""
_LINK_PATTERNS = ("link", "image_link")
_CODE_PATTERNS = ("backtick",)
_CODE_RUN = re.compile(r"`+")


@functools.cache
def _parser(links: bool = True, code: bool = True) -> markdown.Markdown:
    """The parser; without ``links`` or ``code``, such text stays as written."""
    parser = markdown.Markdown(
        extensions=[_NoHtml(), _Fences(), "sane_lists", "tables"], output_format="html"
    )
    for name in (() if links else _LINK_PATTERNS) + (() if code else _CODE_PATTERNS):
        parser.inlinePatterns.deregister(name)
    return parser


def render(value: object) -> str:
    """Record Markdown as an inert HTML fragment wrapped in ``<div class="hb-text">``."""
    source = clean(value).strip()
    if not source:
        return ""
    parser = _parser(
        links=source.count("](") <= MOST_LINKS,
        code=source.count("`") <= MOST_CODE_RUNS
        or len(_CODE_RUN.findall(source)) <= MOST_CODE_RUNS,
    )
    parser.reset()
    body = parser.convert(source)
    # One HTML block for the page's Markdown: no blank line may end it early.
    body = "\n".join(line for line in body.splitlines() if line.strip())
    return f'<div class="hb-text">\n{body}\n</div>'
