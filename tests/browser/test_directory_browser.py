"""The public directory in a real browser: browse province -> municipality -> workpost,
search near Hasselt, switch to easy-read and to English; the widget embedded on another
site; axe-core on every page of the sitemap in both languages; every page at 320 px."""
import re
import struct
import sys
from pathlib import Path
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import make_directory_world  # noqa: E402

from web.extensions import db  # noqa: E402

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture()
def server(live_server):
    # No map tiles from the internet in tests; the markers still show on a blank map.
    started = live_server(MAP_TILE_URL="", PUBLIC_URL="http://localhost")
    with started.app.app_context():
        make_directory_world(db.session)
        db.session.commit()
    return started


def _sitemap_paths(server) -> list[str]:
    with urlopen(f"{server.url}/sitemap.xml") as response:
        root = ElementTree.fromstring(response.read())
    return [url.find(f"{SITEMAP}loc").text.replace("http://localhost", "") for url in root]


def _check(axe, page, seen):
    violations = axe(page)
    seen.append(page.url)
    assert violations == [], f"{page.url}\n{axe.describe(violations)}"


def test_browse_to_a_garden_in_hasselt_then_easy_read_and_english(server, page, axe):
    seen = []
    page.goto(f"{server.url}/werkposten")
    page.get_by_role("link", name=re.compile(r"^Limburg")).click()
    page.wait_for_url(re.compile(r".*/werkposten/limburg$"))
    _check(axe, page, seen)
    page.get_by_role("link", name=re.compile(r"^Hasselt")).click()
    page.wait_for_url(re.compile(r".*/werkposten/limburg/hasselt$"))
    assert page.locator(".leaflet-container").count() == 1
    assert page.locator(".leaflet-marker-icon").count() == 1  # the list's one workpost
    page.get_by_role("link", name="Moestuin De Kruidenhof").first.click()
    page.wait_for_url(re.compile(r".*/werkposten/\d+-moestuin-de-kruidenhof$"))
    contact = page.get_by_role("region", name="Hoe vraag je een plaats?")
    assert "011 22 33 44" in contact.inner_text() and "OCMW Hasselt" in contact.inner_text()
    _check(axe, page, seen)

    page.get_by_role("link", name="Makkelijk lezen").click()
    page.wait_for_load_state()
    assert "easy-read" in page.locator("body").get_attribute("class")
    assert page.get_by_text("Wil je hier werken?").is_visible()
    assert page.get_by_role("link", name="Gewone tekst").is_visible()
    _check(axe, page, seen)

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_text("Do you want to work here?").is_visible()
    assert "easy-read" in page.locator("body").get_attribute("class")  # remembered
    _check(axe, page, seen)
    page.get_by_role("link", name="Standard text").click()
    page.wait_for_load_state()
    assert "easy-read" not in (page.locator("body").get_attribute("class") or "")


def test_search_near_3500_for_gardening_by_keyboard(server, page, axe):
    page.goto(f"{server.url}/werkposten")
    page.get_by_label("Soort werk").select_option("green")
    page.get_by_label("Postcode of gemeente").fill("3500")
    page.get_by_label("Postcode of gemeente").press("Enter")
    page.wait_for_url(re.compile(r".*/werkposten/in-de-buurt\?.*"))
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Werkposten tot 15 km van Hasselt"
    titles = page.locator(".wp-title").all_inner_texts()
    assert titles == ["Moestuin De Kruidenhof"]
    assert axe(page) == []
    page.get_by_text("Zoek opnieuw").click()  # the form folds away above the results
    page.get_by_label("Postcode of gemeente").fill("xyz")
    page.get_by_role("button", name="Zoek").click()
    page.wait_for_load_state()
    field = page.get_by_label("Postcode of gemeente")
    assert field.input_value() == "xyz" and field.get_attribute("aria-invalid") == "true"
    assert axe(page) == []


@pytest.fixture()
def foreign_page(chromium):
    # Chromium asks before a page may reach a loopback address; a real site is public.
    context = chromium.new_context(permissions=["local-network-access"])
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_widget_script_embeds_the_list_on_another_site(server, foreign_page):
    page = foreign_page
    # A municipality's own site on another origin ("localhost" is not "127.0.0.1"), answered
    # by the browser itself.
    host = ('<!doctype html><html lang="nl"><title>Gemeente</title><h1>Gemeente Hasselt</h1>'
            f'<script src="{server.url}/widget.js" data-provincie="limburg" '
            'data-gemeente="hasselt"></script></html>')
    site = server.url.replace("127.0.0.1", "localhost") + "/gemeente-site"
    page.route(site, lambda route: route.fulfill(body=host, content_type="text/html"))
    page.goto(site)
    frame_element = page.locator("iframe")
    frame_element.wait_for()
    assert frame_element.get_attribute("title") == "Werkposten van Werkpostwijzer"
    frame = page.frame_locator("iframe")
    frame.get_by_role("link", name="Moestuin De Kruidenhof").wait_for()
    # The frame reports its height, so that it needs no scroll bar of its own.
    page.wait_for_function("document.querySelector('iframe').style.height !== '600px'")
    height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    inner = frame.locator("html").evaluate("e => e.getBoundingClientRect().height")
    assert abs(height - inner) <= 1


def test_every_sitemap_page_passes_axe_in_dutch_and_english(server, page, axe):
    paths = _sitemap_paths(server)
    assert len(paths) > 25
    for path in paths:
        for suffix in ("", "&lang=en" if "?" in path else "?lang=en"):
            response = page.goto(f"{server.url}{path}{suffix}")
            assert response.status == 200, path
            violations = axe(page)
            assert violations == [], f"{path}{suffix}\n{axe.describe(violations)}"


def test_every_sitemap_page_fits_a_320_pixel_screen(server, chromium, tmp_path):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        paths = _sitemap_paths(server)
        for n, path in enumerate(paths):
            page.goto(f"{server.url}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} is {width} px wide"
            shot = page.screenshot(path=str(tmp_path / f"{n:03d}.png"), full_page=True)
            png_width = struct.unpack(">I", shot[16:20])[0]
            assert png_width == 320, path
        # Easy-read (larger text, bigger pictograms) must fit too.
        page.goto(f"{server.url}/werkposten")
        page.get_by_role("link", name="Makkelijk lezen").click()
        page.wait_for_load_state()
        for path in [p for p in paths if p.startswith(("/werkposten", "/begeleiders", "/info"))]:
            page.goto(f"{server.url}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"easy-read {path} is {width} px wide"
    finally:
        context.close()


def test_each_leaflet_prints_on_one_a4_page(server, page):
    leaflets = [p for p in _sitemap_paths(server) if p.endswith("/folder")]
    assert len(leaflets) == 5
    for path in leaflets:
        for suffix in ("", "?lang=en"):
            page.goto(f"{server.url}{path}{suffix}")
            pdf = page.pdf(format="A4", print_background=True)
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert pages == 1, f"{path}{suffix} prints on {pages} pages"
