"""Generated pages built by two processes give the site one process builds, byte for byte; every
page is built exactly once; the helper's warnings and failures reach the build."""

import gzip
import logging
import multiprocessing
import time
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hirebook import parallel
from hirebook.handbook import page_sharing
from hirebook.handbook.page_sharing import PageSharing

from .handbook_site import PROJECT, build_site

SHARED_LOG = "pages built in a second process"

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="pages are shared only where workers fork",
)


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    """Fork here even if an earlier test left a thread behind (the builds run in their own
    process, where MkDocs' loop is the only thread)."""
    if "fork" in multiprocessing.get_all_start_methods():
        monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))


@needs_fork
def test_the_demo_site_is_the_same_built_by_two_processes(tmp_path):
    builds = {}
    for jobs in (1, 2):  # two processes read the records: the pages are shared too
        folder = tmp_path / f"jobs-{jobs}"
        folder.mkdir()
        builds[jobs] = build_site(
            folder, PROJECT / "records", "zh-Hans", plugin_options={"jobs": jobs}
        )
        assert builds[jobs].ok, builds[jobs].log
    assert SHARED_LOG in builds[2].log
    assert SHARED_LOG not in builds[1].log
    assert "Page skipped" not in builds[2].log  # the pages the helper built are not news
    assert_same_site(builds[1], builds[2])


def assert_same_site(first, second) -> None:
    """The two builds wrote the same files, byte for byte."""
    one, two = ({p.relative_to(b.site): p for p in b.files()} for b in (first, second))
    assert sorted(two) == sorted(one)
    assert len([path for path in one if path.name == "index.html"]) > 60
    for rel, path in one.items():
        if rel.suffix == ".gz":  # the sitemap's gzip header holds the time it was written
            assert gzip.decompress(two[rel].read_bytes()) == gzip.decompress(path.read_bytes())
        else:
            assert two[rel].read_bytes() == path.read_bytes(), rel


# --- the protocol, with stand-ins for MkDocs' objects ---------------------------------------


def stand_ins(count: int, other_plugin: bool = False):
    pages = [
        SimpleNamespace(file=SimpleNamespace(src_uri=f"p{n}.md", generated_by="hirebook"))
        for n in range(count)
    ]
    for page in pages:
        page.file.page = page
    hand_written = SimpleNamespace(file=SimpleNamespace(src_uri="index.md", generated_by=None))
    hand_written.file.page = hand_written
    files = SimpleNamespace(
        documentation_pages=lambda inclusion: [hand_written.file, *(p.file for p in pages)]
    )
    plugins = {"material/search": object(), "hirebook": object()}
    if other_plugin:
        plugins["minify"] = object()
    config = SimpleNamespace(plugins=plugins)
    env = SimpleNamespace(get_template=lambda name, parent=None, globals=None: Template(name))
    return pages, hand_written, files, config, env


class Template:
    def __init__(self, name: str) -> None:
        self.name = name

    def render(self, context) -> str:
        page = context.get("page")
        return f"{self.name}:{page.file.src_uri if page else '-'}"


def built_in_helper(tmp_path, fail_on: str | None = None, warn_on: str | None = None):
    """A helper's page build that leaves a file per page in ``tmp_path``."""

    def build(page, config, documentation, nav, env) -> None:
        if page.file.src_uri == warn_on:
            logging.getLogger("mkdocs.plugins.hirebook").warning("odd link on %s", warn_on)
        if page.file.src_uri == fail_on:
            raise PluginError("the template broke")
        (tmp_path / page.file.src_uri).write_text(env.get_template("main.html").render({}))

    return build


def helper_took_one(sharing: PageSharing) -> None:
    """Wait until the helper has taken its first page (the last one), so that the loop here
    cannot take every page before the helper starts."""
    deadline = time.monotonic() + 30
    while sharing.ends.taken_by_back == 0:
        assert time.monotonic() < deadline, "the helper took no page"
        time.sleep(0.001)


def mkdocs_loop(env, pages, hand_written) -> dict[str, str]:
    """What MkDocs' page loop writes in the build process, by page."""
    written = {}
    for page in [hand_written, *pages]:
        output = env.get_template("main.html").render({"page": page})
        if output.strip():
            written[page.file.src_uri] = output
    return written


@needs_fork
@pytest.mark.parametrize("count", [2, 3, 40, 401])
def test_every_page_is_built_once_by_one_of_the_two(count, tmp_path, monkeypatch):
    monkeypatch.setattr(page_sharing, "_build_page", built_in_helper(tmp_path))
    pages, hand_written, files, config, env = stand_ins(count)
    sharing = PageSharing.start(env, config, files, nav=None)
    assert sharing is not None
    here = mkdocs_loop(env, pages, hand_written)
    sharing.finish()
    there = {path.name for path in tmp_path.iterdir()}
    assert "index.md" in here  # hand-written pages stay in the build process
    assert "index.md" not in there
    assert not there & set(here)
    assert there | set(here) == {"index.md", *(p.file.src_uri for p in pages)}
    assert set(here) - {"index.md"} == {f"p{n}.md" for n in range(len(here) - 1)}  # the front
    # The helper renders with the template MkDocs would use, not the routed one.
    assert all((tmp_path / name).read_text() == "main.html:-" for name in there)
    # Here, pages render as always (the helper may have taken them all, on a busy machine).
    assert all(output == f"main.html:{name}" for name, output in here.items())


@needs_fork
def test_a_template_that_is_not_a_page_is_rendered_here(tmp_path, monkeypatch):
    monkeypatch.setattr(page_sharing, "_build_page", built_in_helper(tmp_path))
    pages, hand_written, files, config, env = stand_ins(3)
    sharing = PageSharing.start(env, config, files, nav=None)
    assert env.get_template("404.html").render({"page": None}) == "404.html:-"
    assert env.get_template("partials/nav.html", "main.html").name == "partials/nav.html"
    mkdocs_loop(env, pages, hand_written)
    sharing.finish()


@needs_fork
def test_the_helpers_warnings_are_logged_by_the_build(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(page_sharing, "_build_page", built_in_helper(tmp_path, warn_on="p39.md"))
    pages, hand_written, files, config, env = stand_ins(40)
    sharing = PageSharing.start(env, config, files, nav=None)
    helper_took_one(sharing)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        mkdocs_loop(env, pages, hand_written)
        sharing.finish()
    assert (tmp_path / "p39.md").exists()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [(r.name, r.getMessage()) for r in warnings] == [
        ("mkdocs.plugins.hirebook", "odd link on p39.md")
    ]
    assert any(SHARED_LOG in r.getMessage() for r in caplog.records)


@needs_fork
def test_a_page_the_helper_cannot_build_fails_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(page_sharing, "_build_page", built_in_helper(tmp_path, fail_on="p39.md"))
    pages, hand_written, files, config, env = stand_ins(40)
    sharing = PageSharing.start(env, config, files, nav=None)
    helper_took_one(sharing)
    mkdocs_loop(env, pages, hand_written)
    with pytest.raises(PluginError, match=r"^Error building page 'p39\.md': the template broke$"):
        sharing.finish()


@needs_fork
def test_a_bug_in_the_helper_is_reported_with_its_traceback(tmp_path, monkeypatch):
    def broken(page, *args) -> None:
        raise KeyError("nav")

    monkeypatch.setattr(page_sharing, "_build_page", broken)
    pages, hand_written, files, config, env = stand_ins(5)
    sharing = PageSharing.start(env, config, files, nav=None)
    helper_took_one(sharing)
    mkdocs_loop(env, pages, hand_written)
    with pytest.raises(PluginError) as raised:
        sharing.finish()
    assert "KeyError: 'nav'" in str(raised.value)
    assert "Traceback" in str(raised.value)


@needs_fork
def test_a_helper_that_dies_fails_the_build(tmp_path, monkeypatch):
    def die(page, *args) -> None:
        import os

        os._exit(3)

    monkeypatch.setattr(page_sharing, "_build_page", die)
    pages, hand_written, files, config, env = stand_ins(5)
    sharing = PageSharing.start(env, config, files, nav=None)
    helper_took_one(sharing)
    mkdocs_loop(env, pages, hand_written)
    with pytest.raises(PluginError, match="exit code 3"):
        sharing.finish()


def test_pages_stay_in_one_process_with_another_plugin_or_too_few_pages():
    pages, _, files, config, env = stand_ins(40, other_plugin=True)
    assert PageSharing.start(env, config, files, nav=None) is None
    pages, _, files, config, env = stand_ins(1)
    assert PageSharing.start(env, config, files, nav=None) is None
