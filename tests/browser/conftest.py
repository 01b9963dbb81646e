"""Headless Chromium (Debian's package) driven by Playwright, plus two accessibility engines
(axe-core and HTML_CodeSniffer, both run by the `axe` fixture in the same page visit).

Where Chromium is missing the browser tests are skipped on a developer's machine and fail
under CI, so that CI never passes without them.
"""
import json
import os
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
REPO = Path(__file__).resolve().parents[2]
AXE = Path(os.environ.get("AXE_JS", REPO / ".cache/npm/node_modules/axe-core/axe.min.js"))
HTMLCS = Path(os.environ.get(
    "HTMLCS_JS", REPO / ".cache/npm/node_modules/html_codesniffer/build/HTMLCS.js"))
# Page states each engine checked in this run, what they found, and the time they took.
ENGINES: Counter = Counter()
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _missing(what: str):
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; CI must run the browser tests")
    pytest.skip(f"{what} is missing")


LOCAL_HOSTS = ("127.0.0.1", "localhost")


def is_local(url: str) -> bool:
    return urlsplit(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:"))


def only_local(route):
    """Refuse every request that would leave this machine (map tiles, fonts, anything), so
    that no test reaches the internet and every page renders the same every time."""
    if is_local(route.request.url):
        route.fallback()
    else:
        route.abort("blockedbyclient")


class LocalOnlyBrowser:
    """The browser as the tests get it: every context it makes, and every page made without
    a context of its own, refuses requests that are not to this machine."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.route("**/*", only_local)
        return context

    def new_page(self, **options):
        context = self.new_context(**options)
        tab = context.new_page()
        tab.on("close", lambda _page: context.close())
        return tab

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        _missing(str(CHROMIUM))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield LocalOnlyBrowser(browser)
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


@pytest.fixture(scope="session")
def htmlcs_source():
    if not HTMLCS.exists():
        _missing(f"HTML_CodeSniffer ({HTMLCS})")
    return HTMLCS.read_text()


@pytest.fixture()
def axe(axe_source, htmlcs_source):
    """Run both engines on the page as it is now, in one visit: axe-core (WCAG 2.1 A and AA
    rules) and HTML_CodeSniffer (WCAG2AA errors, its false positives left out as listed in
    htmlcs.py). Returns the problems of both, axe's first; [] when both find nothing."""
    import htmlcs

    def run(page) -> list[dict]:
        started = time.perf_counter()
        # Through DevTools evaluation: the site's CSP rightly forbids an injected inline script.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate("source => { (0, eval)(source); }", axe_source)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        found = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        middle = time.perf_counter()
        sniffed = htmlcs.run(page, htmlcs_source)
        if "crash" in sniffed:
            found.append({"id": "htmlcs:crash", "impact": "error", "help": sniffed["crash"],
                          "nodes": []})
        for error in sniffed.get("errors", []):
            found.append({"id": "htmlcs:" + error["code"], "impact": "error",
                          "help": error["msg"], "nodes": [error["node"]]})
        ENGINES.update({"page states": 1, "axe violations": len(result["violations"]),
                        "htmlcs errors": len(sniffed.get("errors", [])),
                        "htmlcs crashes": int("crash" in sniffed),
                        "htmlcs false positives left out": sniffed.get("forgiven", 0),
                        "axe ms": round((middle - started) * 1000),
                        "htmlcs ms": round((time.perf_counter() - middle) * 1000)})
        return found

    def describe(violations) -> str:
        return json.dumps(violations, indent=1)

    run.describe = describe
    return run


def pytest_terminal_summary(terminalreporter):
    if ENGINES["page states"]:
        terminalreporter.write_line(
            "accessibility engines: " + ", ".join(f"{k} {v}" for k, v in ENGINES.items()))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture()
def offline_page(page):
    """Kept for the tests that ask for it by name: every page is offline now (see chromium)."""
    return page
