"""Building the handbook in tests: a strict ``mkdocs build`` of the project's own ``mkdocs.yml``,
pointed at a test agency, and a local HTTP server for the browser tests.

The configuration is the project's file with only the paths and the plugin options replaced, so
a test build exercises exactly the search, theme and extension settings that CI publishes.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.labels import LANGUAGES
from hirebook.handbook.languages import Site

PROJECT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-20T17:00:00+08:00"
CHROMIUM = "/usr/bin/chromium"
# The browser tests wait for the state they need, never for a fixed time; this is only the
# limit after which a wait counts as hung. Generous, because on a loaded 2-core machine every
# step goes through four processes (pytest, Playwright's driver, Chromium, its renderer).
BROWSER_TIMEOUT_MS = 60_000
ARTIFACTS = PROJECT / "test-artifacts"
# Quiet, reproducible builds: no banners, no environment leaking into the configuration.
BUILD_ENV = {
    key: value for key, value in os.environ.items() if not key.startswith(("HIREBOOK_", "MKDOCS_"))
} | {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Build:
    result: subprocess.CompletedProcess
    site: Path

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    @property
    def log(self) -> str:
        return self.result.stdout + self.result.stderr

    def files(self) -> Iterator[Path]:
        return (path for path in sorted(self.site.rglob("*")) if path.is_file())

    def text(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


def project_config() -> dict:
    with open(PROJECT / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml_load(handle)


def build_site(
    folder: Path,
    records: Path,
    language: str = "en",
    as_of: str | None = AS_OF,
    plugin_options: dict | None = None,
    prelude: str | None = None,
    **overrides: object,
) -> Build:
    """Run ``mkdocs build --strict`` with the project's configuration on ``records``;
    ``prelude`` is Python run before MkDocs starts (to turn a piece of the plugin off)."""
    config = project_config()
    config["docs_dir"] = str(PROJECT / "site")
    config["theme"]["custom_dir"] = str(PROJECT / config["theme"]["custom_dir"])
    config["site_dir"] = str(folder / "public")
    plugins = []
    for entry in config["plugins"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "hirebook":
            options = {"records": str(records), "language": language, "as_of": as_of}
            entry = {"hirebook": options | (plugin_options or {})}
        plugins.append(entry)
    config["plugins"] = plugins
    config.update(overrides)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [*_mkdocs(prelude), "build", "--strict", "-f", str(config_file)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=folder,
        check=False,
        timeout=600,
    )
    # The language's part of the one site: the first language at the root, the others in a
    # folder of their name (hirebook.handbook.languages).
    languages = (plugin_options or {}).get("languages", LANGUAGES)
    part = Site(tuple(languages), language).folder(language)
    return Build(result, folder / "public" / part)


def with_and_without(
    tmp_path: Path, prelude: str, language: str = "zh-Hant", plugin_options: dict | None = None
) -> tuple[Build, Build]:
    """The demo built as it is, then with ``prelude`` turning a piece of the plugin off; both
    builds must succeed (for tests that the piece changes nothing in the site)."""
    builds = []
    for name, code in (("as-is", None), ("without", prelude)):
        folder = tmp_path / name
        folder.mkdir()
        built = build_site(
            folder, DEMO_RECORDS, language, plugin_options=plugin_options, prelude=code
        )
        assert built.ok, built.log
        builds.append(built)
    return builds[0], builds[1]


def _mkdocs(prelude: str | None) -> list[str]:
    if prelude is None:
        return [sys.executable, "-m", "mkdocs"]
    return [sys.executable, "-c", f"{prelude}\nfrom mkdocs.__main__ import cli\ncli()"]


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on localhost (port 0: any free port); yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        # The socket listens from the constructor on, so the server is ready before the URL is
        # yielded. The default backlog (5) is shorter than the connections a page opens at once;
        # when a loaded machine accepts them late, the kernel drops the rest and the browser
        # retries a second later.
        request_queue_size = 64

    handler = functools.partial(Quiet, directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
