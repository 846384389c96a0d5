"""The handbook built by Zensical: ``hirebook handbook --zensical`` then ``zensical build``.

Zensical runs no MkDocs plugin, so the demo is written as a Zensical project (pages, the
hand-written pages with their placeholders filled, the project's theme settings and the MkDocs
site's nav) and built strictly into a temporary folder, once for the module.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import paths, zensical
from hirebook.handbook.plugin import default_nav
from hirebook.handbook.zensical import Project

from .handbook_site import AS_OF, BUILD_ENV, PROJECT
from .test_build import external_urls

pytest.importorskip("zensical", reason="pip install -e '.[test]' installs Zensical")

RECORDS = DEMO_RECORDS


@dataclass
class ZensicalBuild:
    folder: Path
    log: str

    @property
    def site(self) -> Path:
        return self.folder / zensical.SITE

    def text(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


def write_and_build(folder: Path, *options: str) -> ZensicalBuild:
    """The demo written as a Zensical project into ``folder`` (``options``: more of
    ``hirebook handbook``'s) and built by Zensical."""
    from click.testing import CliRunner

    args = ["handbook", "--records", str(RECORDS), "--out", str(folder), "--zensical"]
    args += ["--config", str(PROJECT / "mkdocs.yml"), *options]
    written = CliRunner().invoke(cli, [*args, "--as-of", AS_OF])
    assert written.exit_code == 0, written.output
    built = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(folder / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=folder,
        check=False,
        timeout=600,
    )
    log = written.output + built.stdout + built.stderr
    assert built.returncode == 0, log
    return ZensicalBuild(folder, log)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> ZensicalBuild:
    return write_and_build(tmp_path_factory.mktemp("zensical") / "handbook")


def page_html(source: str) -> str:
    """Where a page's source path lands with directory URLs, as on the MkDocs site."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def test_every_client_requirement_and_team_page_exists(demo):
    clients = sorted(p.name for p in (RECORDS / "clients").iterdir() if p.is_dir())
    requirements = sorted(
        (p.parent.parent.name, p.stem) for p in (RECORDS / "clients").glob("*/requirements/*.yaml")
    )
    team = sorted(p.stem for p in (RECORDS / "team").glob("*.yaml"))
    assert clients and requirements and team
    expected = [
        *(paths.client(c) for c in clients),
        *(paths.requirement(c, r) for c, r in requirements),
        *(paths.person(p) for p in team),
    ]
    for source in expected:
        built = demo.site / page_html(source)
        assert built.is_file(), f"{source}: no {built.relative_to(demo.site)}"
        assert "<h1" in built.read_text(encoding="utf-8"), source
    # Every page `hirebook handbook` generated is built, and nothing else but the hand-written
    # pages of the handbook's language.
    docs = demo.folder / zensical.DOCS
    sources = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert set(expected) <= sources
    pages = {p.relative_to(demo.site).as_posix() for p in demo.site.rglob("index.html")}
    assert pages == {page_html(source) for source in sources}
    for hand_written in ("policy.md", "process.md", "contributing.md"):  # from site/en/
        assert page_html(hand_written) in pages


def test_nav_shows_the_sections_of_the_mkdocs_site(demo):
    home = demo.text("index.html")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    links = [
        (href, re.sub(r"\s+", " ", title).strip())
        for href, title in re.findall(
            r'<a href="([^"#]*)" class="md-nav__link[^"]*">\s*(?:<span[^>]*>\s*)+([^<]+)<', nav
        )
    ]
    expected = [
        ("" if path == paths.HOME else "./" + page_html(path).removesuffix("index.html"), title)
        for entry in default_nav("en")
        for title, path in entry.items()
    ]
    assert links == expected
    # Fragments are included in the pages that name them, never pages of their own; other
    # languages' pages and the theme overrides are not published.
    for folder in ("fragments", "zh-Hant", "zh-Hans", "overrides"):
        assert not (demo.site / folder).exists(), folder
        assert not (demo.folder / zensical.DOCS / folder).exists(), folder
    policy = demo.text("policy/index.html")
    assert "<!-- hirebook:" not in policy
    # An id may wrap after its hyphens (<wbr>, hirebook.handbook.blocks.code).
    assert "client-feedback" in policy.replace("<wbr>", "") and "strategic" in policy.lower()


def candidate_data() -> set[str]:
    """Every candidate's name, e-mail and phone in the demo (the phone also as digits only)."""
    secrets = set()
    for file in (RECORDS / "candidates").glob("*.yaml"):
        record = yaml.safe_load(file.read_text(encoding="utf-8"))
        for key in ("name", "email", "phone"):
            value = str(record.get(key) or "").strip()
            if value:
                secrets.add(value)
        digits = re.sub(r"\D", "", str(record.get("phone") or ""))
        if digits:
            secrets.update({digits, digits[-11:]})
    return secrets


def test_no_candidate_data_in_any_output_file(demo):
    secrets = candidate_data()
    assert len(secrets) > 100
    files = [p for p in demo.folder.rglob("*") if p.is_file()]
    assert demo.site / "search.json" in files
    shown_ids = False
    for file in files:
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        found = sorted(secret for secret in secrets if secret in text)
        assert not found, f"{file.relative_to(demo.folder)} publishes {found}"
        shown_ids = shown_ids or "cand-0" in text
    assert shown_ids  # candidates are there, by id only
    assert not [secret for secret in secrets if secret in demo.log]


def test_nothing_is_loaded_from_other_hosts(demo):
    config = yaml.safe_load((demo.folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False  # Zensical's default fonts come from Google
    for file in demo.site.rglob("*"):
        rel = file.relative_to(demo.site).as_posix()
        if file.suffix == ".html":
            text = file.read_text(encoding="utf-8")
            assert external_urls(text) == [], rel
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, rel
        elif file.suffix == ".css":
            text = file.read_text(encoding="utf-8")
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), rel
            assert not re.search(r"@import[^;]*//", text), rel


def test_the_config_is_the_projects_without_the_plugin(demo):
    config = yaml.safe_load((demo.folder / "mkdocs.yml").read_text(encoding="utf-8"))
    project = zensical.read_config(PROJECT / "mkdocs.yml")
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == ["search"]
    assert config["markdown_extensions"] == project["markdown_extensions"]
    assert config["theme"]["palette"] == project["theme"]["palette"]
    assert config["theme"]["custom_dir"] == zensical.OVERRIDES
    # No edit button: a generated page has no file in the repository to edit.
    assert config["edit_uri"] is None
    assert not {"content.action.edit", "content.action.view"} & set(config["theme"]["features"])
    overrides = PROJECT / project["theme"]["custom_dir"]
    for file in overrides.rglob("*.html"):
        copy = demo.folder / zensical.OVERRIDES / file.relative_to(overrides)
        assert copy.read_bytes() == file.read_bytes()


def test_a_later_run_deletes_what_it_no_longer_writes(tmp_path):
    config = zensical.MARK + "\nsite_name: x\n"
    first = Project(files={"mkdocs.yml": config, "docs/a.md": "A", "docs/gone/b.md": "B"})
    zensical.write(first, tmp_path)
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "kept.html").write_text("built by Zensical")
    zensical.write(Project(files={"mkdocs.yml": config, "docs/a.md": "A2"}), tmp_path)
    assert (tmp_path / "docs" / "a.md").read_text() == "A2"
    assert not (tmp_path / "docs" / "gone").exists()
    assert (tmp_path / "public" / "kept.html").exists()  # only docs/ and overrides/ are ours


def test_a_folder_hirebook_did_not_write_is_left_alone(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mine.md").write_text("someone's page")
    zensical.write(Project(files={"mkdocs.yml": zensical.MARK, "docs/a.md": "A"}), tmp_path)
    assert (tmp_path / "docs" / "mine.md").exists()  # no earlier run of ours: nothing deleted
    (tmp_path / "mkdocs.yml").write_text("site_name: someone else's site\n")
    with pytest.raises(zensical.HandbookError, match="choose another --out"):
        zensical.write(Project(files={"mkdocs.yml": zensical.MARK}), tmp_path)
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: someone else's site\n"


def test_without_a_mkdocs_yml_the_command_says_why(runner, agency, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["handbook", "--records", str(agency.records), "--out", str(out), "--zensical"]
    )
    assert result.exit_code == 2, result.output
    assert "mkdocs.yml" in result.output
    assert not out.exists()


def test_sections_too_long_for_zensicals_search_index_are_left_out_of_it():
    table = "| Client |\n| --- |\n" + "".join(f"| client {n} |\n" for n in range(200))
    markdown = (
        "---\ntitle: T\n---\n\n# T\n\nshort\n\n## Key {#tier-key}\n\n" + table
        + "\n## Clients {: .hb-no-print }\n\n" + table
        + "\n## Plain\n\n" + table
        + "\n## Short\n\nshort\n\n```yaml\n# not a heading\n" + "x: 1\n" * 300 + "```\n"
    )  # fmt: skip
    excluded, count = zensical.exclude_long_sections(markdown, limit=len(table))
    assert count == 3
    headings = [line for line in excluded.splitlines() if line.startswith("#")]
    assert headings == [
        "# T",
        "## Key {#tier-key data-search-exclude}",
        "## Clients {: .hb-no-print data-search-exclude}",
        "## Plain { data-search-exclude }",
        "## Short",  # its code block is long, but a fenced "# not a heading" starts nothing
        "# not a heading",
    ]

    def body(text):
        return [line for line in text.splitlines() if not line.startswith("#")]

    assert body(excluded) == body(markdown)
    assert zensical.exclude_long_sections(markdown, limit=10**6) == (markdown, 0)
    # 2**30 bytes over the sections, doubled and rounded up to a power of two (Zensical 0.0.73:
    # 32,768 bytes for 19,639 sections).
    assert zensical.search_limit(["# A\n\n## B\n"] * 10) == 2**30 // 64


def test_a_chinese_part_of_the_one_site_names_itself_and_links_each_language(tmp_path):
    """繁體, built as `make zensical` builds it: the part in zh-Hant/ of the one site, its name
    translated, and a selector whose entries open each language's home page there."""
    built = write_and_build(tmp_path / "zh-Hant", "--language", "zh-Hant")
    page = "clients/northwind-cloud/index.html"
    text = built.text(page)
    assert "<title>Northwind" in text and "- 客戶手冊</title>" in text
    links = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"', text)
    assert [lang for _, lang in links] == ["en", "zh-Hant", "zh-Hans"]
    # Opened from zh-Hant/clients/northwind-cloud/ of the one site: the three home pages.
    opened = [urljoin(f"http://site/zh-Hant/{page}", href) for href, _ in links]
    assert [url.rstrip("/") for url in opened] == [
        "http://site",
        "http://site/zh-Hant",
        "http://site/zh-Hans",
    ]


def test_the_404_page_says_it_in_the_parts_language(tmp_path):
    """Zensical gives a template only the theme settings it knows: with the word in
    ``theme.not_found`` every part's 404 page said "404 - Not found" in English."""
    built = write_and_build(tmp_path / "zh-Hans", "--language", "zh-Hans")
    assert "<h1>404 - 找不到此页面</h1>" in built.text("404.html")
