"""One site in three languages, without building it: where each part lives, the links of the
language selector as MkDocs' ``url`` filter writes them, the plugin's configuration, and a
clock's message in each language."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config
from mkdocs.utils import normalize_url

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.labels import labels_for
from hirebook.handbook.languages import Site, filter_link, published_path
from hirebook.handbook.messages import clock_message
from hirebook.handbook.moved import redirect_page
from hirebook.sla.clock import Clock, Finding, State, words
from hirebook.sla.duration import Duration

from .handbook_site import PROJECT, build_site

ALL = ("en", "zh-Hant", "zh-Hans")


def written(link: str, page_url: str) -> str:
    """What Material writes into the page: the link through MkDocs' own ``url`` filter."""
    return normalize_url(link, page=SimpleNamespace(url=page_url))


def opened(built: str, page_url: str, href: str) -> str:
    """The path below the site's root that ``href`` opens from a page of ``built``'s part
    (English at the root)."""
    folder = "" if built == "en" else f"{built}/"
    return urljoin(f"http://site/{folder}{page_url}", href).removeprefix("http://site/")


# Hand-worked: (language built, page URL in its part, target language, target URL in that
# part) → the href from the page. English is at the site's root, the others one folder down.
HREFS = [
    ("zh-Hant", "clients/acme/", "en", "clients/acme/", "../../../clients/acme/"),
    ("zh-Hant", "clients/acme/", "zh-Hans", "clients/acme/", "../../../zh-Hans/clients/acme/"),
    ("zh-Hant", "clients/acme/", "zh-Hant", "clients/acme/", "./"),
    ("en", "clients/acme/", "zh-Hant", "clients/acme/", "../../zh-Hant/clients/acme/"),
    ("en", "", "zh-Hans", "", "zh-Hans/"),
    ("zh-Hans", "", "en", "", "../"),
    ("zh-Hans", "sla/", "en", "", "../../"),
    ("zh-Hant", "policy/", "en", "policy/", "../../policy/"),
    ("en", "policy/", "zh-Hans", "policy/", "../zh-Hans/policy/"),
    ("en", "policy.html", "zh-Hant", "policy.html", "zh-Hant/policy.html"),
    # use_directory_urls: false
    (
        "zh-Hant",
        "clients/acme/index.html",
        "en",
        "clients/acme/index.html",
        "../../../clients/acme/index.html",
    ),  # fmt: skip
    ("zh-Hant", "sla.html", "en", "sla.html", "../sla.html"),
]


@pytest.mark.parametrize(("built", "page", "language", "target", "href"), HREFS)
def test_hrefs_between_the_parts(built, page, language, target, href):
    site = Site(ALL, built)
    assert site.href(page, language, target) == href
    # Material puts the link through the url filter, which must give it back (".././" for
    # "../" is the same place).
    through = written(filter_link(href, page), page)
    assert opened(built, page, through) == opened(built, page, href)
    assert opened(built, page, href) == ("" if language == "en" else f"{language}/") + target


def test_a_plain_link_out_of_a_part_is_what_the_filter_gets_wrong():
    """Why filter_link exists: the filter drops what the page and the target share."""
    assert written("../clients/acme/", "clients/beta/") == "../../acme/"
    assert written(filter_link("../../../clients/acme/", "clients/beta/"), "clients/beta/") == (
        "../../../clients/acme/"
    )


def test_selector_of_a_generated_page_links_the_same_page_in_every_language():
    site = Site(ALL, "zh-Hant")
    entries = site.alternates("clients/acme/index.md", "clients/acme/", True, lambda *_: True)
    assert [e["name"] for e in entries] == ["English", "繁體中文", "简体中文"]
    assert [e["lang"] for e in entries] == ["en", "zh-Hant", "zh-Hans"]
    assert [written(e["link"], "clients/acme/") for e in entries] == [
        "../../../clients/acme/",
        "./",
        "../../../zh-Hans/clients/acme/",
    ]
    assert [opened("zh-Hant", "clients/acme/", written(e["link"], "clients/acme/"))
            for e in entries] == ["clients/acme/", "zh-Hant/clients/acme/",
                                  "zh-Hans/clients/acme/"]  # fmt: skip


def test_a_hand_written_page_another_language_lacks_links_its_home():
    """An agency's own page, written in English and 繁體 only (the project's pages are written
    in all three languages)."""
    site = Site(ALL, "en")
    asked = []

    def exists(language: str, src_uri: str) -> bool:
        asked.append((language, src_uri))
        return (language, src_uri) == ("zh-Hant", "onboarding.md")

    entries = site.alternates("onboarding.md", "onboarding/", True, exists)
    assert [written(e["link"], "onboarding/") for e in entries] == [
        "./",
        "../zh-Hant/onboarding/",
        "../zh-Hans/",  # no site/zh-Hans/onboarding.md: 简体's home page
    ]
    assert asked == [("zh-Hant", "onboarding.md"), ("zh-Hans", "onboarding.md")]


def written_in(language: str, src_uri: str) -> bool:
    """Whether the project's docs folder has ``language``'s hand-written ``src_uri``, as the
    plugin asks (site/<language>/<page>)."""
    return (PROJECT / "site" / language / src_uri).is_file()


@pytest.mark.parametrize(
    ("built", "links"),
    [
        ("en", ["./", "../zh-Hant/running/", "../zh-Hans/running/"]),
        ("zh-Hant", ["../../running/", "./", "../../zh-Hans/running/"]),
        ("zh-Hans", ["../../running/", "../../zh-Hant/running/", "./"]),
    ],
)
def test_running_hirebook_links_its_translations(built, links):
    """The operators' guide, "Running hirebook", is written in every language
    (site/<language>/running.md): each part's selector opens the page itself in the other
    two, not their home pages."""
    entries = Site(ALL, built).alternates("running.md", "running/", True, written_in)
    assert [written(e["link"], "running/") for e in entries] == links
    assert [opened(built, "running/", link) for link in links] == [
        "running/",
        "zh-Hant/running/",
        "zh-Hans/running/",
    ]


def test_hand_written_files_are_published_at_their_languages_root():
    assert published_path("zh-Hant/policy.md", "zh-Hant") == "policy.md"
    assert published_path("zh-Hant/img/chart.png", "zh-Hant") == "img/chart.png"
    assert published_path("en/policy.md", "zh-Hant") is None  # English's, not 繁體's
    assert published_path("assets/hirebook.css", "zh-Hant") == "assets/hirebook.css"
    assert published_path("en", "en") == "en"  # a file named as a language, no folder


@pytest.mark.parametrize(
    ("old", "new", "href"),
    [
        ("en/policy/", "policy/", "../../policy/"),  # English, at the site's root
        ("zh-Hant/policy/", "policy/", "../../policy/"),  # in 繁體's part: zh-Hant/zh-Hant/…
        ("en/policy.html", "policy.html", "../policy.html"),  # use_directory_urls: false
        ("en/", "", "../"),  # a hand-written home would clash, but its address is right
    ],
)
def test_an_old_address_sends_the_reader_to_the_new(old, new, href):
    page = redirect_page(old, new, "zh")
    assert f'<meta http-equiv="refresh" content="0; url={href}">' in page
    assert f'<a href="{href}">{href}</a>' in page
    assert '<html lang="zh">' in page
    assert urljoin(f"http://site/{old}", href) == f"http://site/{new}"


def test_pages_without_a_page_link_the_homes():
    assert [e["link"] for e in Site(ALL, "en").roots()] == ["./", "zh-Hant/", "zh-Hans/"]
    assert [e["link"] for e in Site(ALL, "zh-Hans").roots()] == ["../", "../zh-Hant/", "./"]


def test_parts_of_the_site():
    site = Site(("zh-Hans", "en"), "en")
    assert site.multilingual
    assert (site.folder("zh-Hans"), site.folder("en")) == ("", "en/")
    assert not Site(("zh-Hant",), "zh-Hant").multilingual


@pytest.mark.parametrize(
    ("languages", "language", "says"),
    [
        (("en", "zh-Hant"), "zh-Hans", "not one of the site's languages"),
        ((), "en", "must be some of"),
        (("en", "en"), "en", "each once"),
        (("en", "fr"), "en", "must be some of"),
    ],
)
def test_impossible_sites_are_refused(languages, language, says):
    with pytest.raises(ValueError, match=says):
        Site(languages, language)


# --- the plugin's configuration --------------------------------------------------------------


def configured(monkeypatch, language: str, command: str, **env: str):
    """The project's mkdocs.yml as MkDocs loads it, after the plugins' startup and config."""
    monkeypatch.setenv("HIREBOOK_LANGUAGE", language)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = load_config(str(PROJECT / "mkdocs.yml"))
    config.plugins.on_startup(command=command, dirty=False)
    return config.plugins.on_config(config)


def test_a_language_other_than_the_first_is_built_into_its_folder(monkeypatch):
    url = "https://example.github.io/handbook/"
    config = configured(monkeypatch, "zh-Hant", "build", HIREBOOK_SITE_URL=url)
    assert config.site_dir == str(PROJECT / "public" / "zh-Hant")
    assert config.site_url == url + "zh-Hant/"
    assert config.site_name == "客戶手冊"
    assert config.theme["language"] == "zh-Hant"
    assert [e["link"] for e in config.extra["alternate"]] == ["../", "./", "../zh-Hans/"]


def test_the_first_language_is_built_at_the_root(monkeypatch):
    config = configured(monkeypatch, "en", "build")
    assert config.site_dir == str(PROJECT / "public")
    assert config.site_name == "Client handbook"
    assert len(config.extra["alternate"]) == 3


def test_serve_previews_one_language_where_it_is(monkeypatch):
    config = configured(monkeypatch, "zh-Hans", "serve")
    assert config.site_dir == str(PROJECT / "public")
    assert "alternate" not in config.extra
    assert config.site_name == "客户手册"


def docs_with(folder, files: dict[str, str]) -> str:
    docs = folder / "docs"
    for rel, text in files.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    return str(docs)


@pytest.mark.parametrize(
    ("files", "says"),
    [
        (
            {"zh-Hant/problems.md": "# 我們的\n", "en/problems.md": "# Ours\n"},
            "{docs}/zh-Hant/problems.md is hand-written but the handbook generates the page "
            "problems.md; rename or remove the file",
        ),
        (
            {"notes.md": "# Shared\n", "zh-Hant/notes.md": "# 筆記\n"},
            "{docs}/zh-Hant/notes.md and {docs}/notes.md would both be published as notes.md; "
            "rename or remove one of them",
        ),
    ],
)
def test_a_hand_written_page_in_the_place_of_another_is_refused(tmp_path, files, says):
    docs = docs_with(tmp_path, files)  # outside the records' project: named in full
    built = build_site(tmp_path, DEMO_RECORDS, "zh-Hant", docs_dir=docs)
    assert not built.ok
    assert says.format(docs=docs) in built.log
    assert "Traceback" not in built.log


# --- the order of the languages, asked for by make build and the Pages workflow -------------


def test_the_site_languages_are_those_of_mkdocs_yml(runner, monkeypatch):
    monkeypatch.chdir(PROJECT)
    result = runner.invoke(cli, ["handbook", "--languages"])
    assert (result.exit_code, result.output) == (0, "en\nzh-Hant\nzh-Hans\n")


@pytest.mark.parametrize(
    ("plugin", "code", "output"),
    [
        ("  - hirebook:\n      languages: [zh-Hans, en]\n", 0, "zh-Hans\nen\n"),
        ("  - hirebook:\n      records: records\n", 0, "en\nzh-Hant\nzh-Hans\n"),  # default
        ("  - hirebook:\n      languages: [en, fr]\n", 2, "must be some of en, zh-Hant"),
        ("  - hirebook:\n      languages: [en, en]\n", 2, "each once"),
        ("  - hirebook:\n      languages: en\n", 2, "must be a list of language codes"),
    ],
)
def test_the_languages_query_reads_the_plugins_option(runner, tmp_path, plugin, code, output):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Ours\nplugins:\n  - search\n" + plugin, encoding="utf-8")
    result = runner.invoke(cli, ["handbook", "--languages", "--config", str(config)])
    assert result.exit_code == code
    if code == 0:
        assert result.output == output
    else:
        assert output in result.output and str(config) in result.output
        assert "Traceback" not in result.output


def test_the_languages_query_without_a_configuration_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["handbook", "--languages", "--config", str(tmp_path / "no.yml")])
    assert result.exit_code == 2
    assert f"no no.yml at {tmp_path / 'no.yml'}" in result.output
    result = runner.invoke(cli, ["handbook"])  # neither --out nor --languages
    assert result.exit_code == 2 and "Missing option '--out'" in result.output


# --- a clock's message -----------------------------------------------------------------------

SHANGHAI = timezone(timedelta(hours=8))
DUE = datetime(2026, 11, 20, 18, 0, tzinfo=SHANGHAI)
WORKING_DAY = timedelta(hours=9)


def finding(state: State, remaining: timedelta, business: bool = False) -> Finding:
    clock = Clock(
        rule="client-feedback",
        client="acme",
        tier="key",
        record="records/clients/acme/applications/app-2026-0001.yaml",
        line_number=3,
        subject="app-2026-0001",
        owner="li",
        describe="Client feedback on app-2026-0001 (req-2026-001)",
        goal=Duration(2, "bd"),
        started=DUE - timedelta(days=3),
        due=DUE,
        business=business,
    )
    return Finding(clock, state, "", remaining)


MESSAGES = [
    (
        finding(State.OVERDUE, -timedelta(days=111, hours=5)),
        "Client feedback on a resume (app-2026-0001) is 111 days overdue",
        "客戶反饋履歷（app-2026-0001）已逾期 111 天",
        "客户反馈简历（app-2026-0001）已逾期 111 天",
    ),
    (
        finding(State.AT_RISK, timedelta(hours=1, minutes=20), business=True),
        "Client feedback on a resume (app-2026-0001) is due in 1 working hour",
        "客戶反饋履歷（app-2026-0001）將於 1 個工作小時後到期",
        "客户反馈简历（app-2026-0001）将于 1 个工作小时后到期",
    ),
    (
        finding(State.BREACHED, timedelta(hours=9 + 3), business=True),  # 1 working day 3 h
        "Client feedback on a resume (app-2026-0001) was 1 business day 3 hours late",
        "客戶反饋履歷（app-2026-0001）超時 1 個工作日 3 小時",
        "客户反馈简历（app-2026-0001）超时 1 个工作日 3 小时",
    ),
    (
        finding(State.ON_TRACK, timedelta(minutes=45)),
        "Client feedback on a resume (app-2026-0001) is due in 45 minutes",
        "客戶反饋履歷（app-2026-0001）將於 45 分鐘後到期",
        "客户反馈简历（app-2026-0001）将于 45 分钟后到期",
    ),
    (
        finding(State.MET, timedelta(0)),
        "Client feedback on a resume (app-2026-0001) was on time",
        "客戶反饋履歷（app-2026-0001）準時完成",
        "客户反馈简历（app-2026-0001）按时完成",
    ),
]


@pytest.mark.parametrize(("found", "en", "hant", "hans"), MESSAGES)
def test_a_clock_message_in_each_language(found, en, hant, hans):
    said = [clock_message(labels_for(lang), found, WORKING_DAY) for lang in ALL]
    assert said == [en, hant, hans]


def test_the_amount_is_counted_as_the_command_line_counts_it():
    late = finding(State.BREACHED, timedelta(hours=12), business=True)
    english = words(abs(late.remaining), True, WORKING_DAY)
    assert english == "1 business day 3 hours"
    assert english in clock_message(labels_for("en"), late, WORKING_DAY)
