"""The maps in a real browser: labels in the page's language, markers out of the tab order
(the list beside the map is the accessible view), Escape closes a popup, reduced motion
switches the animations off, no region inside a region; and no browser test ever reaches
the internet: every page of every context refuses requests not to this machine."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import make_directory_world  # noqa: E402

from web.extensions import db  # noqa: E402

MAP_PAGE = "/werkposten/limburg/hasselt"
NEAR_PAGE = "/werkposten/in-de-buurt?postcode=3500&km=15"

NESTED_REGIONS = """() => {
  const regions = [...document.querySelectorAll(
    'section[aria-label], section[aria-labelledby], [role=region]')]
    .filter(e => !e.getAttribute('role') || e.getAttribute('role') === 'region');
  return regions.filter(e => e.parentElement.closest(
    'section[aria-label], section[aria-labelledby], [role=region]'))
    .map(e => e.outerHTML.slice(0, 80));
}"""


@pytest.fixture()
def server(live_server):
    # The default tile server (OpenStreetMap): its requests must be refused by the browser.
    started = live_server(PUBLIC_URL="http://localhost")
    with started.app.app_context():
        make_directory_world(db.session)
        db.session.commit()
    return started


def _map(page, url):
    page.goto(url)
    page.locator(".leaflet-marker-icon").first.wait_for()


@pytest.mark.parametrize("lang, zoom_in, zoom_out, contributors", [
    ("nl", "Inzoomen", "Uitzoomen", "OpenStreetMap-bijdragers"),
    ("en", "Zoom in", "Zoom out", "OpenStreetMap contributors"),
])
def test_the_map_speaks_the_page_language(server, page, lang, zoom_in, zoom_out,
                                          contributors):
    _map(page, f"{server.url}{MAP_PAGE}?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.get_by_role("button", name=zoom_in).count() == 1
    assert page.get_by_role("button", name=zoom_out).count() == 1
    attribution = page.locator(".leaflet-control-attribution")
    assert contributors in attribution.inner_text() and "Leaflet" in attribution.inner_text()
    assert "JavaScript library" not in attribution.inner_html()
    page.locator(".leaflet-marker-icon").first.click()
    close = page.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") != "Close popup" or lang == "en"
    assert page.evaluate(NESTED_REGIONS) == []


def test_markers_are_not_tab_stops_and_escape_closes_a_popup(server, page):
    _map(page, f"{server.url}{NEAR_PAGE}")
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() >= 1
    assert page.evaluate("[...document.querySelectorAll('.leaflet-marker-icon')]"
                         ".every(m => m.tabIndex < 0)")
    # Tab through the whole page: the focus never lands on a marker.
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className || ''"))
    assert not any("leaflet-marker" in (c if isinstance(c, str) else "") for c in stops)
    # A popup opened with the mouse closes with Escape, also while the focus is inside it.
    markers.first.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    markers.first.click()
    popup.wait_for()
    page.locator(".leaflet-popup-content a").first.focus()
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('leaflet-container')")
    assert page.evaluate(NESTED_REGIONS) == []


def test_reduced_motion_switches_the_map_animations_off(server, chromium):
    for motion, animated in (("reduce", 0), ("no-preference", 1)):
        context = chromium.new_context(reduced_motion=motion)
        try:
            tab = context.new_page()
            _map(tab, f"{server.url}{MAP_PAGE}")
            # Leaflet marks a map that fades its tiles and popups in.
            assert tab.locator(".leaflet-fade-anim").count() == animated, motion
            # Zooming jumps instead of gliding: a zoom-in is done at once.
            tab.get_by_role("button", name="Inzoomen").click()
            if motion == "reduce":
                assert tab.locator(".leaflet-zoom-anim").count() == 0
            # The site's own transitions stop too.
            duration = tab.evaluate(
                "getComputedStyle(document.querySelector('.skip-link')).transitionDuration")
            assert (duration in ("1e-05s", "0.00001s")) == (motion == "reduce"), duration
        finally:
            context.close()


# --- offline -----------------------------------------------------------------------------

OUTSIDE = ["https://example.com/", "https://tile.openstreetmap.org/0/0/0.png",
           "http://10.1.2.3/x.js"]


def _prove_offline(tab, base):
    """Open a map page (its tiles are on the internet) and try to fetch from outside: every
    outside request fails in the browser, every request to this machine gets through."""
    failed, finished = [], []
    tab.on("requestfailed", lambda r: failed.append(r.url))
    tab.on("requestfinished", lambda r: finished.append(r.url))
    with tab.expect_event("requestfailed",
                          predicate=lambda r: "tile.openstreetmap.org" in r.url):
        tab.goto(base + MAP_PAGE)
    answers = tab.evaluate("""async urls => Promise.all(urls.map(u =>
        fetch(u, {mode: 'no-cors'}).then(() => 'reached', () => 'refused')))""", OUTSIDE)
    assert answers == ["refused"] * len(OUTSIDE)
    assert tab.evaluate("fetch('/healthz').then(r => r.status)") == 200
    assert all(url.startswith(base) for url in finished), finished
    assert any("tile.openstreetmap.org" in url for url in failed)


def test_no_browser_test_reaches_the_internet(server, page, chromium):
    # The shared page fixture, a context a test makes itself, and a page made without one.
    _prove_offline(page, server.url)
    context = chromium.new_context(locale="en-GB")
    try:
        _prove_offline(context.new_page(), server.url)
    finally:
        context.close()
    lone = chromium.new_page()
    try:
        _prove_offline(lone, server.url)
    finally:
        lone.close()
