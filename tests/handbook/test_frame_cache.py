"""Material's header and config script rendered once per set of links give the site that
rendering them on every page gives; anything but Material's own is rendered as always."""

from pathlib import Path
from types import SimpleNamespace

import material
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from mkdocs.utils import templates

from hirebook.handbook import frame_cache

from .handbook_site import PROJECT, with_and_without
from .test_page_sharing import assert_same_site

NO_CACHE = "import hirebook.handbook.frame_cache as f\nf.install = lambda *args: False"
MATERIAL = Path(material.__file__).resolve().parent / "templates"


def test_the_demo_site_is_the_same_without_the_cache(tmp_path):
    cached, plain = with_and_without(tmp_path, NO_CACHE)
    assert_same_site(cached, plain)
    # Pages at three depths and with titles of their own: the same header, links and title
    # put right for each.
    home = cached.text("index.html")
    client = next(cached.site.glob("clients/*/index.html")).read_text(encoding="utf-8")
    assert 'href="." title=' in home
    assert 'href="../.." title=' in client
    assert client.count(frame_cache.PLACEHOLDER) == home.count(frame_cache.PLACEHOLDER) == 0


def environment(overrides: dict[str, str]) -> Environment:
    """Material's templates, some of them overridden (as a ``custom_dir`` does), with MkDocs'
    filters."""
    env = Environment(loader=ChoiceLoader([DictLoader(overrides), FileSystemLoader(MATERIAL)]))
    env.filters["url"] = templates.url_filter
    env.filters["script_tag"] = templates.script_tag_filter
    return env


def config(features=()):
    return SimpleNamespace(theme={"features": list(features)}, extra={})


NAV = SimpleNamespace(homepage=SimpleNamespace(url=""), pages=[], items=[])


def test_materials_own_header_and_config_script_are_cached():
    env = environment({})
    assert frame_cache.install(env, NAV, config()) is True


def test_an_overridden_header_or_base_is_rendered_as_always():
    env = environment({frame_cache.HEADER: "<header>{{ page.title }}</header>"})
    assert frame_cache._install_header(env, NAV, config()) is False
    env = environment({frame_cache.BASE: "{% block config %}{{ page.url }}{% endblock %}"})
    assert frame_cache._install_config_script(env) is False


def test_a_partial_that_reads_the_page_or_writes_a_url_keeps_the_header_uncached():
    for source in ("{{ page.title }}", "{{ nav.homepage.url }}", "{{ config.repo_url | url }}"):
        env = environment({"partials/source.html": source})
        assert frame_cache._install_header(env, NAV, config()) is False, source
    # The handbook's own source.html: a plain link to the repository.
    handbook = (PROJECT / "site/overrides/partials/source.html").read_text(encoding="utf-8")
    env = environment({"partials/source.html": handbook})
    assert frame_cache._install_header(env, NAV, config()) is True


def test_a_header_with_sticky_tabs_is_not_cached():
    env = environment({})
    assert frame_cache._install_header(env, NAV, config(["navigation.tabs.sticky"])) is False
