"""Pages that moved: at a page's old address, a small page that sends the reader to the new one.

A language's hand-written pages were published below a folder of the language's name inside
its part of the site (``en/policy/``, ``zh-Hant/zh-Hant/policy/``) before they moved to the
part's root (:func:`hirebook.handbook.languages.published_path`). Bookmarks, links in e-mails
and issues still name the old addresses: the plugin puts this page at each of them.

The page links with a relative address, as the site does (it works wherever the site is
published, and offline), refreshes to it at once, and asks search engines not to index it.
"""

from __future__ import annotations

import html

from hirebook.handbook.languages import relative_link


def redirect_page(old_url: str, new_url: str, lang: str) -> str:
    """The page published at ``old_url`` that sends its reader to ``new_url`` (both URLs below
    the root of one language's part; ``lang`` the page's language as HTML names it)."""
    href = html.escape(relative_link(old_url, new_url), quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n'
        f"<title>{href}</title>\n"
        "</head>\n"
        f'<body><p><a href="{href}">{href}</a></p></body>\n'
        "</html>\n"
    )
