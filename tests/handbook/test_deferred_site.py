"""The demo handbook built with generated pages kept out of Markdown reads exactly as one built
through Markdown (plugin option ``defer: false``).

For every page: the article (markup and text, whitespace between tags squeezed: links must
resolve to the same URLs, cells hold the same markup), the ``<title>``, the table of contents in
the sidebar, and the sections the search index holds (their locations and titles; the text of
deferred tables is indexed once per word, so the texts differ by design).
"""

import json
import re
from collections import Counter

import pytest

from hirebook.demo import DEMO_RECORDS

from .handbook_site import build_site

ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
TOC = re.compile(
    r'<nav class="md-nav md-nav--secondary"[^>]*>(.*?)</nav>\s*</div>\s*</div>\s*</div>', re.S
)


def squeezed(fragment: str) -> str:
    # Markdown cannot label a table's cell with its column (data-label, for narrow screens).
    fragment = re.sub(r' data-label="[^"]*"', "", fragment)
    return re.sub(r">\s+<", "><", fragment).strip()


def part(pattern: re.Pattern, html: str) -> str:
    found = pattern.search(html)
    return squeezed(found.group(1)) if found else ""


def search_sections(build) -> list[tuple[str, str]]:
    index = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted((doc["location"], doc["title"]) for doc in index["docs"])


@pytest.fixture(scope="module", params=["en", "zh-Hant"])
def builds(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"deferred-{request.param}")
    (folder / "fast").mkdir()
    (folder / "slow").mkdir()
    fast = build_site(folder / "fast", DEMO_RECORDS, language=request.param)
    slow = build_site(
        folder / "slow",
        DEMO_RECORDS,
        language=request.param,
        plugin_options={"defer": False},
    )
    assert fast.ok, fast.log
    assert slow.ok, slow.log
    return fast, slow


def test_every_page_reads_the_same(builds):
    fast, slow = builds
    pages = sorted(p.relative_to(fast.site) for p in fast.site.rglob("index.html"))
    assert len(pages) > 60
    seen = Counter()
    for page in pages:
        ours, theirs = ((b.site / page).read_text(encoding="utf-8") for b in (fast, slow))
        if 'http-equiv="refresh"' in ours:  # an old address sending on (handbook/moved.py)
            assert ours == theirs, page
            continue
        assert part(ARTICLE, ours), page
        assert part(ARTICLE, ours) == part(ARTICLE, theirs), page
        assert part(TITLE, ours) == part(TITLE, theirs), page
        assert part(TOC, ours) == part(TOC, theirs), page
        seen["tables"] += part(ARTICLE, ours).count("<table")
        seen["toc entries"] += part(TOC, ours).count("md-nav__link")
        seen["permalinks"] += ours.count('class="headerlink"')
    # The comparison covered what the fast path writes itself.
    assert seen["tables"] > 200
    assert seen["toc entries"] > 500
    assert seen["permalinks"] > 500


def test_search_sections_are_the_same(builds):
    fast, slow = builds
    ours, theirs = search_sections(fast), search_sections(slow)
    assert len(ours) > 300
    assert ours == theirs
