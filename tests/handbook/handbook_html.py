"""Reading generated pages as a browser would: Markdown rendered with the project's extensions,
and HTML parsed into elements and attributes."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

# What MkDocs does with a generated page, minus the theme: Python-Markdown with the extensions
# of mkdocs.yml (generated text must stay inert under all of them).
EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def render_page(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


class Elements(HTMLParser):
    """Every element and attribute of an HTML document or fragment."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag
