"""Material's nav rendered once per set of links gives the same site as rendering it per page."""

from hirebook.handbook import nav_cache

from .handbook_site import PROJECT, build_site
from .test_page_sharing import assert_same_site

NO_CACHE = "import hirebook.handbook.nav_cache as n\nn.install = lambda *args: False"


def test_the_demo_site_is_the_same_without_the_cache(tmp_path):
    builds = []
    for prelude in (None, NO_CACHE):
        folder = tmp_path / ("plain" if prelude else "cached")
        folder.mkdir()
        builds.append(build_site(folder, PROJECT / "records", "zh-Hant", prelude=prelude))
        assert builds[-1].ok, builds[-1].log
    assert_same_site(*builds)


def test_only_materials_own_nav_is_cached(tmp_path):
    from jinja2 import DictLoader, Environment

    env = Environment(loader=DictLoader({nav_cache.NAV_TEMPLATE: "{{ page.title }}"}))
    nav = type("Nav", (), {"pages": [], "items": [], "homepage": None})()
    config = type("Config", (), {"extra": {}})()
    assert nav_cache.install(env, nav, config) is False
    assert nav_cache.install(env, None, config) is False
