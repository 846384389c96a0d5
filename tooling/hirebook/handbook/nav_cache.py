"""Material's primary nav, rendered once for every page that links to the nav the same way.

Material writes the whole primary nav into every page (``partials/nav.html``): at 1,000 clients,
a quarter of the theme's time per page. The handbook's nav holds the sections, never a record
(:func:`hirebook.handbook.plugin.default_nav`), so a record page is not in it, and then nothing in
the nav is active or expanded and no table of contents goes into it: what the template writes
depends on the page only through the relative URLs of the nav's links. :func:`install` keeps the
nav's HTML by those URLs and renders the template again only for URLs it has not seen: a few
dozen times at 1,000 clients, instead of 2,000.

Pages in the nav (the home page, the sections, the policy) render it as always. Only Material's
own ``nav.html`` is cached: a ``custom_dir`` override of it might show the page's title.
The site is byte for byte the same (``tests/handbook/test_nav_cache.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment, TemplateNotFound
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.utils import normalize_url

NAV_TEMPLATE = "partials/nav.html"

try:
    import material

    MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
except ImportError:  # another theme: nothing to cache
    MATERIAL_TEMPLATES = None


def install(env: Environment, nav: Navigation | None, config) -> bool:
    """Cache ``env``'s nav template for pages outside ``nav``; False where it is not Material's."""
    template = materials_template(env, NAV_TEMPLATE)
    if nav is None or template is None:
        return False
    in_nav = {id(page) for page in nav.pages}
    targets = [*_link_targets(nav.items), nav.homepage.url if nav.homepage else ""]
    homepage = (config.extra or {}).get("homepage")
    if homepage:
        targets.append(str(homepage))
    render = template.root_render_func
    rendered: dict[tuple[str, ...], str] = {}

    def cached(context) -> Iterator[str]:
        page = context.get("page")
        if page is None or id(page) in in_nav:
            yield from render(context)
            return
        key = tuple(normalize_url(target, page, context.get("base_url", "")) for target in targets)
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(render(context))
        yield html

    template.root_render_func = cached
    return True


def materials_template(env: Environment, name: str):
    """``env``'s template ``name`` if it is Material's own (not an override), else None."""
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        return None
    if template.filename is None or not materials(template.filename):
        return None
    return template


def materials(filename: str) -> bool:
    """Whether the template file ``filename`` is one of Material's own (not an override)."""
    return MATERIAL_TEMPLATES is not None and Path(filename).resolve().is_relative_to(
        MATERIAL_TEMPLATES
    )


def _link_targets(items) -> Iterator[str]:
    """The URL of every page and link in the nav, sections opened."""
    for item in items:
        if isinstance(item, Section):
            yield from _link_targets(item.children)
        elif isinstance(item, Link) or getattr(item, "url", None) is not None:
            yield item.url
