"""Fixtures of the handbook tests: strict builds, the demo site, and the browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hirebook.demo import DEMO_RECORDS

from .handbook_site import BROWSER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, Build, build_site


@pytest.fixture
def build(tmp_path):
    """``build(records, language=…, **config)``: a strict build into a fresh folder."""
    counter = iter(range(100))

    def run(records: Path, language: str = "en", **overrides: object) -> Build:
        folder = tmp_path / f"build-{next(counter)}"
        folder.mkdir()
        return build_site(folder, records, language, **overrides)

    return run


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Build:
    """The demo agency (as the package ships it) built once, as of the fixed instant."""
    built = build_site(tmp_path_factory.mktemp("demo"), DEMO_RECORDS)
    assert built.ok, built.log
    return built


@pytest.fixture(scope="session")
def demo_in(tmp_path_factory, demo_site):
    """``demo_in(language)``: the demo's part of the site in ``language``, built once."""
    built = {"en": demo_site}

    def part(language: str) -> Build:
        if language not in built:
            folder = tmp_path_factory.mktemp(f"demo-{language}")
            built[language] = build_site(folder, DEMO_RECORDS, language)
            assert built[language].ok, built[language].log
        return built[language]

    return part


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; skipped with the reason when it is missing."""
    if not Path(CHROMIUM).is_file():
        reason = (
            f"browser tests need Chromium at {CHROMIUM}: run .ci/install-browser "
            "(apt-get install -y chromium fonts-noto-cjk)"
        )
        if os.environ.get("HIREBOOK_REQUIRE_BROWSER"):  # set by .ci/run: CI must run them
            pytest.fail(reason)
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=BROWSER_TIMEOUT_MS
        )
        yield browser
        browser.close()
