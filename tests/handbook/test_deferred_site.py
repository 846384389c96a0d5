"""The demo handbook built with tables kept out of Markdown reads exactly as one built without.

Every page's article is compared, markup and text, after whitespace between tags is squeezed:
links must resolve to the same URLs, cells must hold the same markup.
"""

import re

from .handbook_site import PROJECT, build_site

ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)


def article(html: str) -> str:
    found = ARTICLE.search(html)
    assert found, "no article in the page"
    return re.sub(r">\s+<", "><", found.group(1)).strip()


def test_deferred_pages_equal_markdown_pages(tmp_path):
    (tmp_path / "deferred").mkdir()
    (tmp_path / "markdown").mkdir()
    fast = build_site(tmp_path / "deferred", PROJECT / "records")
    slow = build_site(tmp_path / "markdown", PROJECT / "records", plugin_options={"defer": False})
    assert fast.ok, fast.log
    assert slow.ok, slow.log
    pages = sorted(p.relative_to(fast.site) for p in fast.site.rglob("index.html"))
    assert len(pages) > 60
    tables = 0
    for page in pages:
        ours, theirs = (article((b.site / page).read_text(encoding="utf-8")) for b in (fast, slow))
        assert ours == theirs, page
        tables += ours.count("<table")
    assert tables > 200  # the comparison covered the tables
