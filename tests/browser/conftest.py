"""Headless Chromium (Debian's package) driven by Playwright, plus axe-core for accessibility.

Where Chromium is missing the browser tests are skipped on a developer's machine and fail
under CI, so that CI never passes without them.
"""
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
REPO = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("AXE_JS", REPO / ".cache/npm/node_modules/axe-core/axe.min.js"))
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _missing(what: str):
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; CI must run the browser tests")
    pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        _missing(str(CHROMIUM))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(chromium):
    context = chromium.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        _missing(f"axe-core ({AXE})")
    return AXE.read_text()


@pytest.fixture()
def axe(axe_source):
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations."""

    def run(page) -> list[dict]:
        # Through DevTools evaluation: the site's CSP rightly forbids an injected inline script.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate("source => { (0, eval)(source); }", axe_source)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    def describe(violations) -> str:
        return json.dumps(violations, indent=1)

    run.describe = describe
    return run


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture()
def offline_page(chromium):
    """Like `page`, but every request that leaves this machine (map tiles, fonts) is refused,
    so that a page is judged as the site serves it and no test waits on the internet."""
    context = chromium.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)

    def only_local(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    yield tab
    context.close()
