"""Material's header and config script, rendered once for every page that links to them alike.

Besides the nav (:mod:`.nav_cache`), two parts of Material's page frame are the same on many
pages: the header (``partials/header.html``: logo, title, palette, search box, repository
link), a quarter of the theme's time per page at 1,000 clients, and the ``__config`` script of
``base.html`` (its block ``config``: translations and the search worker's URL as JSON), a
tenth. What they write depends on the page only through

- the relative URLs of their links, which depend on the page's URL: the cache is keyed by
  them, worked out for the page as the ``url`` filter works them out;
- the header's page title, which is rendered into a copy of the page's header as a
  placeholder: the header is rendered once per set of URLs and kind of title (the page's
  ``meta.title`` or its ``title``), and each page gets it with its own title put in.

Only Material's own templates are cached. The header's partials must be Material's own too, or
(like the handbook's ``source.html``) read nothing of the page or the nav and write no URL;
with ``navigation.tabs.sticky`` the header holds the tabs, which mark the current page, and is
not cached. The site is byte for byte the same (``tests/handbook/test_frame_cache.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import SimpleNamespace

from jinja2 import Environment, TemplateNotFound, nodes
from jinja2.meta import find_undeclared_variables
from mkdocs.utils import normalize_url

from hirebook.handbook.nav_cache import materials, materials_template

HEADER = "partials/header.html"
BASE = "base.html"
HEADER_PARTIALS = (
    "partials/logo.html",
    "partials/palette.html",
    "partials/javascripts/palette.html",
    "partials/alternate.html",
    "partials/search.html",
    "partials/source.html",
)
"""What Material's header includes (its icons are plain SVG)."""

SEARCH_WORKER = "assets/javascripts/workers/"
"""Where the config script's one URL points (the search worker's script)."""

PLACEHOLDER = "hirebook-page-title-b81c4f"
"""Put where the header writes the page title: letters, digits and dashes, which no filter
changes."""

# The header's own test for which title it shows, and the title it writes.
_TITLE = "{% if page.meta and page.meta.title %}1{{ page.meta.title }}{% else %}0{{ page.title }}{% endif %}"  # noqa: E501
_UNSEEN = object()
_INDEPENDENT = {"config", "lang", "features"}
"""What a partial may read and still be the same on every page."""


def install(env: Environment, nav, config) -> bool:
    """Cache ``env``'s header and config script; False for the parts that are not
    Material's own (those render as always)."""
    header = _install_header(env, nav, config)
    script = _install_config_script(env)
    return header and script


def _install_header(env: Environment, nav, config) -> bool:
    template = materials_template(env, HEADER)
    features = config.theme.get("features") or []
    if template is None or "navigation.tabs.sticky" in features:
        return False
    if not all(_page_independent(env, name) for name in HEADER_PARTIALS):
        return False
    targets = _header_targets(nav, config)
    title = env.from_string(_TITLE)
    render = template.root_render_func
    rendered: dict[tuple, str] = {}

    def cached(context) -> Iterator[str]:
        page = context.get("page")
        if page is None:
            yield from render(context)
            return
        shown = title.render(page=page)
        kind, text = shown[:1], shown[1:]
        key = (kind, context.get("base_url"), *_urls(targets, page, context))
        html = rendered.get(key, _UNSEEN)
        if html is _UNSEEN:
            html = _with_placeholder(template, render, context, page, kind)
            # A header that writes the title other than once is not one this cache knows.
            rendered[key] = html = html if html.count(PLACEHOLDER) == 1 else None
        if html is None:
            yield from render(context)
        else:
            yield html.replace(PLACEHOLDER, text)

    template.root_render_func = cached
    return True


def _install_config_script(env: Environment) -> bool:
    template = materials_template(env, BASE)
    block = template.blocks.get("config") if template is not None else None
    if block is None:
        return False
    rendered: dict[tuple, str] = {}

    def cached(context) -> Iterator[str]:
        page = context.get("page")
        key = (context.get("base_url"), *_urls([SEARCH_WORKER], page, context))
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(block(context))
        yield html

    template.blocks["config"] = cached
    return True


def _page_independent(env: Environment, name: str) -> bool:
    """Whether the partial ``name`` writes the same on every page: Material's own (whose
    URLs are the header's targets), absent, or reading nothing of the page and writing no
    URL."""
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        return True
    if template.filename is None:
        return False
    if materials(template.filename):
        return True
    source, _, _ = env.loader.get_source(env, name)
    tree = env.parse(source)
    if any(f.name == "url" for f in tree.find_all(nodes.Filter)):
        return False
    return find_undeclared_variables(tree) <= _INDEPENDENT


def _header_targets(nav, config) -> list[str]:
    """What Material's header passes through the ``url`` filter: the home page, the logo and
    the links to other languages, as it writes them (``str`` of the value)."""
    extra = config.extra or {}
    homepage = extra.get("homepage") or (nav.homepage.url if nav and nav.homepage else None)
    targets = [str(homepage)]
    if config.theme.get("logo"):
        targets.append(str(config.theme["logo"]))
    for alternate in extra.get("alternate") or []:
        targets.append(str(alternate.get("link")))
    return targets


def _urls(targets: list[str], page, context) -> Iterator[str]:
    base = context.get("base_url", "")
    return (normalize_url(target, page=page, base=base) for target in targets)


def _with_placeholder(template, render: Callable, context, page, kind: str) -> str:
    """The header as ``page`` gets it, with the placeholder for the title."""
    meta = {"title": PLACEHOLDER} if kind == "1" else {}
    stand_in = SimpleNamespace(url=page.url, meta=meta, title=PLACEHOLDER)
    return "".join(render(template.new_context({**context.get_all(), "page": stand_in}, True)))
