"""Strict MkDocs builds: each language, the privacy and offline guarantees, and refusals."""

import gzip
import json
import re
from urllib.parse import urlsplit

import pytest

from hirebook.handbook.labels import LANGUAGES, THEME_LANGUAGE

from .handbook_html import Elements
from .handbook_records import HOSTILE, PRIVATE, SECRETS
from .test_pages import EXTRA

NAV_TITLES = {"en": "SLA board", "zh-Hant": "服務時限看板", "zh-Hans": "服务时限看板"}


def with_everything(agency):
    for rel, text in {**EXTRA, **HOSTILE, **PRIVATE}.items():
        agency.write(rel, text)
    return agency


@pytest.mark.parametrize("language", LANGUAGES)
def test_strict_build_in_each_language(agency, build, language):
    built = build(with_everything(agency).records, language)
    assert built.ok, built.log
    assert "WARNING" not in built.log
    home = built.text("index.html")
    assert f'<html lang="{THEME_LANGUAGE[language]}"' in home
    assert NAV_TITLES[language] in home
    policy = built.text("policy/index.html")  # site/<language>/policy.md, at the root
    assert "<!-- hirebook:" not in policy  # the placeholders were filled
    # A rule's id may wrap after its hyphens (<wbr>, hirebook.handbook.blocks.code).
    assert "client-feedback" in policy.replace("<wbr>", "") and "strategic" in policy
    other = [lang for lang in LANGUAGES if lang != language]
    assert not any((built.site / lang).exists() for lang in other)
    # The nav lists section pages only, never one entry per record.
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', home, re.S).group(0)
    assert "clients/acme/" not in nav and "requirements/" not in nav
    assert (built.site / "clients/acme/requirements/req-2026-001/index.html").is_file()
    # Whatever the language: private, offline, inert, and Chinese words segmented for search.
    assert_no_candidate_data(built)
    assert_offline(built)
    assert_inert(built)
    assert_chinese_search(built)


def all_text(built) -> dict[str, str]:
    """Every file of the built site as text (gzip files decompressed, binaries as latin-1)."""
    texts = {}
    for path in built.files():
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        # As a reader sees it: an id's break opportunities must not hide a secret from the scan.
        texts[path.relative_to(built.site).as_posix()] = text.replace("<wbr>", "")
    return texts


def assert_no_candidate_data(built) -> None:
    """Nothing from records/candidates/ but the id, in any file of the site or the build log."""
    texts = all_text(built)
    assert "search/search_index.json" in texts and "sitemap.xml" in texts
    for rel, text in texts.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} published in {rel}"
    assert "cand-9999" in texts["clients/evil/index.html"]  # the id is shown
    for secret in SECRETS:
        assert secret not in built.log


def external_urls(html: str) -> list[str]:
    found = []
    for tag, attrs in Elements(html).tags:
        for name in ("src", "href", "srcset", "data", "action", "poster"):
            value = (attrs.get(name) or "").strip()
            if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                found.append(f"<{tag} {name}={value}>")
    return found


def assert_offline(built) -> None:
    """No src/href (or CSS url) in the whole tree points to another host."""
    for rel, text in all_text(built).items():
        if rel.endswith(".html"):
            assert external_urls(text) == [], rel
        if rel.endswith(".css"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), rel
            assert "@import" not in text or "//" not in text, rel
    home = built.text("index.html")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert "unpkg" not in home and "jsdelivr" not in home


def assert_inert(built) -> None:
    """No event-handler attribute, javascript: URL or script from record text in any page."""
    for rel, text in all_text(built).items():
        if not rel.endswith(".html"):
            continue
        for tag, attrs in Elements(text).tags:
            assert not [name for name in attrs if name.startswith("on")], (rel, tag, attrs)
            for name in ("href", "src"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), rel
            if tag == "script":
                src = attrs.get("src") or ""
                assert src == "" or "assets/javascripts/" in src, (rel, src)
        # Inline scripts are Material's own three, never record text.
        inline = re.findall(r"<script(?![^>]*src)[^>]*>(.*?)</script>", text, re.S)
        assert all("__hb_pwned" not in body and "alert(" not in body for body in inline), rel
    client = built.text("clients/evil/index.html")
    assert "&lt;script&gt;window.__hb_pwned" in client or "&#60;script&#62;" in client
    title = re.search(r"<title>(.*?)</title>", client, re.S).group(1)
    assert "<script" not in title and "&lt;script&gt;" in title


def assert_chinese_search(built) -> None:
    index = json.loads(built.text("search/search_index.json"))
    assert index["config"]["pipeline"] == ["stopWordFilter"]
    assert "\\u200b" in index["config"]["separator"] or "\u200b" in index["config"]["separator"]
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    # jieba segmented the Chinese words at build time: two-character words between \u200b.
    assert re.search("\u200b[\u4e00-\u9fff]{2}\u200b", texts)


def test_edit_links_open_the_record_file(agency, build):
    built = build(
        with_everything(agency).records,
        repo_url="https://github.com/example/hirebook",
        edit_uri="edit/main/site/",
    )
    assert built.ok, built.log
    client = built.text("clients/acme/index.html")
    assert (
        'href="https://github.com/example/hirebook/edit/main/records/clients/acme/client.yaml"'
        in client
    )
    assert "blob/main/records/clients/acme/client.yaml" in client
    requirement = built.text("clients/acme/requirements/req-2026-001/index.html")
    assert "edit/main/records/clients/acme/requirements/req-2026-001.yaml" in requirement
    policy = built.text("policy/index.html")
    assert "edit/main/site/en/policy.md" in policy


def test_lint_errors_fail_the_build_with_the_report(agency, build, tmp_path):
    agency.write("clients/acme/client.yaml", "id: acme\nname: ACME\ntier: platinum\n")
    built = build(agency.records)
    assert not built.ok
    assert "records/clients/acme/client.yaml" in built.log and "HB20" in built.log
    assert "not built" in built.log
    assert not (built.site / "index.html").exists()  # no half-built site


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.org/hand book/", "holds white space"),
        ("ftp://example.org/handbook/", "is not an http or https address"),
    ],
)
def test_a_site_url_no_feed_link_can_start_with_stops_the_build(agency, build, url, problem):
    built = build(agency.records, site_url=url)
    assert not built.ok
    assert "hirebook: site_url" in built.log and problem in built.log
    assert "Traceback" not in built.log


def test_demo_builds_strict(demo_site):
    assert "WARNING" not in demo_site.log
    assert (demo_site.site / "sla/index.html").is_file()


def test_only_a_placeholder_on_a_line_of_its_own_is_filled():
    """A page that documents the placeholders (`<!-- hirebook:tiers -->` in a sentence or in
    code) keeps them as written; the same words alone on a line are filled."""
    from hirebook.handbook.plugin import PLACEHOLDER

    markdown = "Intro\n\n<!-- hirebook:tiers -->\n\nThe tables (`<!-- hirebook:sla-goals -->`).\n"
    assert [m.group(1) for m in PLACEHOLDER.finditer(markdown)] == ["tiers"]


def test_hirebook_as_of_is_read_by_the_build_as_the_commands_read_it(agency, build, runner):
    # YAML 1.1 (through `!ENV` in mkdocs.yml) takes `+08` as an offset; the commands do not.
    loose = "2026-11-20T17:00:00+08"
    from hirebook.cli.main import cli

    refused = runner.invoke(cli, ["lint", "--records", str(agency.records), "--as-of", loose])
    assert refused.exit_code == 2
    prelude = f"import os; os.environ['HIREBOOK_AS_OF'] = {loose!r}"
    built = build(agency.records, as_of=None, prelude=prelude)
    assert not built.ok
    assert f"hirebook: HIREBOOK_AS_OF: {loose!r} is not a date or datetime" in built.log
    assert "Traceback" not in built.log


def test_the_as_of_option_wins_over_hirebook_as_of_and_is_read_the_same(monkeypatch):
    from datetime import date, datetime, timedelta, timezone

    from mkdocs.exceptions import PluginError

    from hirebook.handbook.plugin import build_as_of

    monkeypatch.delenv("HIREBOOK_AS_OF", raising=False)
    assert build_as_of(None) is None  # the build time (or a demo's demo_as_of)
    monkeypatch.setenv("HIREBOOK_AS_OF", "")
    assert build_as_of(None) is None  # empty counts as unset, as Click has it
    monkeypatch.setenv("HIREBOOK_AS_OF", "2026-11-20T17:00:00+08:00")
    eight = timezone(timedelta(hours=8))
    assert build_as_of(None) == datetime(2026, 11, 20, 17, tzinfo=eight)
    assert build_as_of("2026-11-19") == date(2026, 11, 19)  # the option wins
    typed = datetime(2026, 11, 18, 9, tzinfo=eight)  # YAML made it a datetime already
    assert build_as_of(typed) == typed
    # ... and is held to the commands' rules: an unquoted `as_of: 0001-01-01` built a handbook
    with pytest.raises(PluginError, match=r"as_of in mkdocs.yml: .*outside the years 1900"):
        build_as_of(date(1, 1, 1))
    with pytest.raises(PluginError, match=r"as_of in mkdocs.yml: '20261120' is not a date"):
        build_as_of("20261120")
    monkeypatch.setenv("HIREBOOK_AS_OF", "2026-11-20T17:00+8")
    with pytest.raises(PluginError, match=r"^hirebook: HIREBOOK_AS_OF: '2026-11-20T17:00\+8'"):
        build_as_of(None)
