"""Long record text that may use Markdown (notes, backgrounds, comments, case write-ups).

Such text is rendered here, at generation time, with a Markdown parser that has no raw HTML:
the HTML block and inline-HTML parsers are removed, so ``<script>`` is just text, and a tree
pass turns every link and image into plain text (``label (address)``), so ``javascript:``
links cannot exist and no image can load from another host. Headings are moved below the
page's own levels. The result is a self-contained HTML fragment that the page embeds as one
block; MkDocs passes it through untouched.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from hirebook.handbook.escape import clean

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


def _parser() -> markdown.Markdown:
    # fenced_code: a case shows code (a merge conflict its team met) between ``` lines, which
    # the conflict checks pass over (hirebook.records.document.as_shown).
    return markdown.Markdown(
        extensions=[_NoHtml(), "fenced_code", "sane_lists", "tables"], output_format="html"
    )


_PARSER = _parser()


def render(value: object) -> str:
    """Record Markdown as an inert HTML fragment wrapped in ``<div class="hb-text">``."""
    source = clean(value).strip()
    if not source:
        return ""
    _PARSER.reset()
    body = _PARSER.convert(source)
    # One HTML block for the page's Markdown: no blank line may end it early.
    body = "\n".join(line for line in body.splitlines() if line.strip())
    return f'<div class="hb-text">\n{body}\n</div>'
