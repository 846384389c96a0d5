"""Material's nav rendered once per set of links gives the same site as rendering it per page."""

from hirebook.handbook import nav_cache

from .handbook_site import with_and_without
from .test_page_sharing import assert_same_site

NO_CACHE = "import hirebook.handbook.nav_cache as n\nn.install = lambda *args: False"


def test_the_demo_site_is_the_same_without_the_cache(tmp_path):
    assert_same_site(*with_and_without(tmp_path, NO_CACHE))


def test_only_materials_own_nav_is_cached(tmp_path):
    from jinja2 import DictLoader, Environment

    env = Environment(loader=DictLoader({nav_cache.NAV_TEMPLATE: "{{ page.title }}"}))
    nav = type("Nav", (), {"pages": [], "items": [], "homepage": None})()
    config = type("Config", (), {"extra": {}})()
    assert nav_cache.install(env, nav, config) is False
    assert nav_cache.install(env, None, config) is False
