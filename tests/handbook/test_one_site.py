"""The demo built as ``make build`` builds it: English at the root of one site, 繁體 in
``zh-Hant/`` and 简体 in ``zh-Hans/``. Every page's language selector links pages that exist,
the same page where the other language has it; and every table of every page has in Chinese
the columns it has in English, in the same order, with the same rows."""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.labels import LANGUAGES, labels_for

from .handbook_site import PROJECT, build_site

CHINESE = ("zh-Hant", "zh-Hans")
HAND_WRITTEN = {
    language: sorted(
        f"{page.stem}/index.html" for page in (PROJECT / "site" / language).glob("*.md")
    )
    for language in LANGUAGES
}
"""Each language's hand-written pages (site/<language>/*.md), as built at its part's root."""
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One folder, three builds in the order of the Makefile (the root's build cleans the
    site folder, so it runs first)."""
    folder = tmp_path_factory.mktemp("one-site")
    for language in LANGUAGES:
        built = build_site(folder, DEMO_RECORDS, language)
        assert built.ok, built.log
        assert "WARNING" not in built.log, built.log
    return folder / "public"


def pages(site: Path) -> list[str]:
    """Every HTML page of the site, as its path below the root (``zh-Hant/sla/index.html``),
    but the pages at old addresses that send the reader on (:func:`moved`)."""
    return sorted(set(every_page(site)) - set(moved(site)))


def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def moved(site: Path) -> dict[str, str]:
    """The pages at an old address → the page each sends its reader to."""
    found = {}
    for page in every_page(site):
        refresh = REFRESH.search((site / page).read_text(encoding="utf-8"))
        if refresh:
            found[page] = opened(site, page, html.unescape(refresh.group(1)))
    return found


def part_of(page: str) -> str:
    top = page.split("/", 1)[0]
    return top if top in CHINESE else "en"


def opened(site: Path, page: str, href: str) -> str | None:
    """The page file that ``href`` opens from ``page`` (None: nothing there)."""
    target = urljoin(f"http://site/{page}", href).removeprefix("http://site/")
    target = target.split("#", 1)[0]
    if target == "" or target.endswith("/"):
        target += "index.html"
    return target if (site / target).is_file() else None


class Selector(HTMLParser):
    """The language selector's links and the head's ``<link rel="alternate" hreflang>``."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.entries: list[tuple[str, str]] = []
        self.head: list[tuple[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "md-select__link" in (attrs.get("class") or "").split():
            self.entries.append((attrs.get("hreflang") or "", attrs.get("href") or ""))
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.head.append((attrs["hreflang"], attrs.get("href") or ""))


def test_every_page_has_the_selector_and_its_links_open_pages(site):
    checked = 0
    for page in pages(site):
        selector = Selector((site / page).read_text(encoding="utf-8"))
        assert [lang for lang, _ in selector.entries] == list(LANGUAGES), page
        targets = [opened(site, page, href) for _, href in selector.entries]
        assert None not in targets, (page, selector.entries)
        if page.endswith("404.html"):
            assert selector.head == selector.entries  # the homes: a sitemap.xml beside each
            continue  # links from wherever it is shown: absolute, checked below
        # No head copies: the theme's script would fetch a missing sitemap.xml beside each
        # (site/overrides/main.html).
        assert selector.head == [], page
        own = LANGUAGES.index(part_of(page))
        assert targets[own] == page, (page, selector.entries)
        checked += 1
    assert checked > 300  # the demo's pages, three times


def test_the_selector_links_the_same_page_in_the_other_languages(site):
    sla = Selector((site / "zh-Hant/sla/index.html").read_text(encoding="utf-8"))
    assert [opened(site, "zh-Hant/sla/index.html", href) for _, href in sla.entries] == [
        "sla/index.html",
        "zh-Hant/sla/index.html",
        "zh-Hans/sla/index.html",
    ]
    for page in pages(site):
        if part_of(page) != "en" or page in HAND_WRITTEN["en"] or page == "404.html":
            continue
        # A generated page: every language has it under the same path.
        selector = Selector((site / page).read_text(encoding="utf-8"))
        targets = [opened(site, page, href) for _, href in selector.entries]
        assert targets == [page, f"zh-Hant/{page}", f"zh-Hans/{page}"], page
    # Hand-written pages, at the root of each part: the same page where the language has one,
    # else its home page.
    policy = Selector((site / "policy/index.html").read_text(encoding="utf-8"))
    assert [opened(site, "policy/index.html", href) for _, href in policy.entries] == [
        "policy/index.html",
        "zh-Hant/policy/index.html",
        "zh-Hans/policy/index.html",
    ]
    running = Selector((site / "running/index.html").read_text(encoding="utf-8"))
    assert [opened(site, "running/index.html", href) for _, href in running.entries] == [
        "running/index.html",
        "zh-Hant/running/index.html",  # site/zh-Hant/running.md, not 繁體's home page
        "zh-Hans/running/index.html",
    ]
    running = Selector((site / "zh-Hant/running/index.html").read_text(encoding="utf-8"))
    assert [opened(site, "zh-Hant/running/index.html", href) for _, href in running.entries] == [
        "running/index.html",
        "zh-Hant/running/index.html",
        "zh-Hans/running/index.html",
    ]
    process = Selector((site / "zh-Hans/process/index.html").read_text(encoding="utf-8"))
    assert [opened(site, "zh-Hans/process/index.html", href) for _, href in process.entries] == [
        "process/index.html",
        "zh-Hant/process/index.html",
        "zh-Hans/process/index.html",
    ]


def test_the_hand_written_pages_old_addresses_send_readers_on(site):
    """Until the hand-written pages moved to the root of their part, they were published in a
    folder of their language's name inside it: each old address sends the reader on."""
    assert HAND_WRITTEN["en"] == [
        "contributing/index.html",
        "policy/index.html",
        "process/index.html",
        "running/index.html",
    ]
    assert HAND_WRITTEN["zh-Hant"] == HAND_WRITTEN["zh-Hans"] == HAND_WRITTEN["en"]
    expected = {f"en/{page}": page for page in HAND_WRITTEN["en"]}
    for language in CHINESE:
        expected |= {
            f"{language}/{language}/{page}": f"{language}/{page}" for page in HAND_WRITTEN[language]
        }
    assert moved(site) == expected
    old = (site / "zh-Hant/zh-Hant/policy/index.html").read_text(encoding="utf-8")
    assert '<a href="../../policy/">../../policy/</a>' in old
    assert '<html lang="zh-Hant">' in old and '<meta name="robots" content="noindex">' in old


def test_the_root_404_page_links_each_language_home(site):
    selector = Selector((site / "404.html").read_text(encoding="utf-8"))
    assert selector.entries == [("en", "/./"), ("zh-Hant", "/zh-Hant/"), ("zh-Hans", "/zh-Hans/")]


def test_each_languages_404_page_says_it_in_its_language(site):
    """Material's own 404 template says "404 - Not found" in English on every part."""
    for page, heading in (
        ("404.html", "404 - Not found"),
        ("zh-Hant/404.html", "404 - 找不到此頁面"),
        ("zh-Hans/404.html", "404 - 找不到此页面"),
    ):
        assert f"<h1>{heading}</h1>" in (site / page).read_text(encoding="utf-8"), page


def test_the_site_name_is_translated(site):
    def title(page: str) -> str:
        return re.search(r"<title>(.*?)</title>", (site / page).read_text(encoding="utf-8")).group(
            1
        )

    assert title("sla/index.html") == "SLA board - Client handbook"
    assert title("zh-Hant/sla/index.html") == "服務時限看板 - 客戶手冊"
    assert title("zh-Hans/sla/index.html") == "服务时限看板 - 客户手册"


# --- the same columns in every language ------------------------------------------------------


class Tables(HTMLParser):
    """Each table of a page's article: its header cells' text and its number of body rows."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], int]] = []
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(([], 0))
        elif tag == "th" and self.tables:
            self._cell = []
        elif tag == "tr" and self.tables and self._in_body:
            headers, rows = self.tables[-1]
            self.tables[-1] = (headers, rows + 1)

    def handle_endtag(self, tag):
        if tag == "th" and self._cell is not None:
            self.tables[-1][0].append(html.unescape("".join(self._cell)).strip())
            self._cell = None
        if tag == "thead":
            self._in_body = True
        if tag == "table":
            self._in_body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    _in_body = False


@functools.cache
def keys_of(language: str) -> dict[str, frozenset[str]]:
    """The catalogue's words, and the policy's tier labels, → the keys that have them (to match
    a header across languages)."""
    found: dict[str, set[str]] = {}
    for key, words in labels_for(language).words.items():
        found.setdefault(words, set()).add(key)
    policy = yaml.safe_load((DEMO_RECORDS / "policy.yaml").read_text(encoding="utf-8"))
    for tier, declared in policy["tiers"].items():
        found.setdefault(declared["label"][language], set()).add(f"tier:{tier}")
    return {words: frozenset(keys) for words, keys in found.items()}


@functools.cache
def keys_in(header: str, language: str) -> frozenset[str]:
    """The keys of a header: its words' keys, else the keys of the words it is made of
    (``Median (days)``: ``reports.median`` and a unit)."""
    whole = keys_of(language).get(header)
    if whole:
        return whole
    return frozenset(
        key
        for words, keys in keys_of(language).items()
        if len(words) > 1 and "{" not in words and words in header
        for key in keys
    )


def template(words: str) -> re.Pattern:
    """A catalogue template (``{count} clients``) as a pattern of the text it makes."""
    parts = re.split(r"\{[a-z_]*\}", words)
    return re.compile(".+?".join(re.escape(part) for part in parts) + r"\Z", re.S)


def same_column(english: str, chinese: str, language: str) -> bool:
    """One header in both languages: the same words (an id), a catalogue key (or a tier of
    policy.yaml) that both are or are made of, or texts one catalogue template makes."""
    if english == chinese or keys_in(english, "en") & keys_in(chinese, language):
        return True
    en, zh = labels_for("en").words, labels_for(language).words
    return any(
        "{" in en[key] and template(en[key]).match(english) and template(zh[key]).match(chinese)
        for key in en
    )


@pytest.mark.parametrize("language", CHINESE)
def test_every_table_has_the_english_columns_and_rows(site, language):
    compared = 0
    for page in pages(site):
        if part_of(page) != "en" or page == "404.html":
            continue
        # A hand-written page's own tables are in its translator's words: their columns are
        # counted (the policy's generated tables too), the generated pages' also matched.
        hand_written = page in HAND_WRITTEN["en"]
        counterpart = f"{language}/{page}"
        if hand_written and page not in HAND_WRITTEN[language]:
            continue
        english = Tables((site / page).read_text(encoding="utf-8")).tables
        chinese = Tables((site / counterpart).read_text(encoding="utf-8")).tables
        assert len(chinese) == len(english), (counterpart, len(chinese), len(english))
        for (en_headers, en_rows), (zh_headers, zh_rows) in zip(english, chinese, strict=True):
            assert len(zh_headers) == len(en_headers), (counterpart, en_headers, zh_headers)
            assert zh_rows == en_rows, (counterpart, en_headers)
            for en_header, zh_header in zip(en_headers, zh_headers, strict=True):
                assert hand_written or same_column(en_header, zh_header, language), (
                    counterpart,
                    en_header,
                    zh_header,
                )
            compared += 1
    assert compared > 200


def test_the_chinese_board_says_how_late_each_overdue_clock_is(site):
    """The demo as designed has 13 overdue clocks; each row's message says so in words."""
    parts = {"en": "", "zh-Hant": "zh-Hant/", "zh-Hans": "zh-Hans/"}
    board = {
        lang: (site / f"{part}sla/index.html").read_text("utf-8") for lang, part in parts.items()
    }
    assert len(re.findall(r"<td[^>]*>[^<]* is [^<]+ overdue</td>", board["en"])) == 13
    assert len(re.findall(r"<td[^>]*>[^<]*已逾期 [^<]+</td>", board["zh-Hant"])) == 13
    assert len(re.findall(r"<td[^>]*>[^<]*已逾期 [^<]+</td>", board["zh-Hans"])) == 13
    assert "<th>說明</th>" in board["zh-Hant"] and "<th>说明</th>" in board["zh-Hans"]
    policy = (site / "zh-Hant/policy/index.html").read_text(encoding="utf-8")
    assert "<th>開始</th>" in policy and "<th>結束</th>" in policy and "<th>負責人</th>" in policy
    assert "客戶經理（催促客戶）" in policy


@pytest.mark.browser
def test_choosing_a_language_in_the_browser_opens_the_same_page(chromium, site):
    """In Chromium, as a reader does: the selector on 繁體's client page opens the English
    client page, whose selector opens 简体's, each straight where the link says (no request
    that fails, no redirect)."""
    from .test_browser import browse

    with browse(chromium, site) as (page, base, foreign, _):
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 300 else None)
        page.goto(base + "zh-Hant/clients/northwind-cloud/", wait_until="load")
        for language, lang in (("en", "en"), ("zh-Hans", "zh")):
            page.locator(".md-header__option .md-select").hover()
            with page.expect_navigation(wait_until="load"):
                page.locator(f'a.md-select__link[hreflang="{language}"]').click()
            part = "" if language == "en" else f"{language}/"
            assert page.url == f"{base}{part}clients/northwind-cloud/"
            assert page.locator("html").get_attribute("lang") == lang
            assert "Northwind" in page.locator("article h1").inner_text()
    assert foreign == []
    assert failed == []


@pytest.mark.browser
def test_an_old_address_opens_the_page_where_it_is_now(chromium, site):
    """A bookmark of 繁體's policy from before it moved to the root of its part."""
    from .test_browser import browse

    with browse(chromium, site) as (page, base, foreign, _):
        page.goto(base + "zh-Hant/zh-Hant/policy/", wait_until="load")
        page.wait_for_url(base + "zh-Hant/policy/")
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == "zh-Hant"
        assert page.locator('a.md-select__link[hreflang="en"]').count() == 1
    assert foreign == []
