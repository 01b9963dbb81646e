"""The embeddable widget (explanation page with copy-and-paste code, framed list, script),
sitemap.xml and robots.txt."""
import re
from xml.etree import ElementTree

import pytest
from factories import DIRECTORY_HIDDEN, make_directory_world

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture()
def world(db_session):
    w = make_directory_world(db_session)
    db_session.commit()
    return w


def test_widget_page_makes_embed_code_for_a_municipality(client, world):
    html = client.get("/widget?provincie=limburg&gemeente=Hasselt").get_data(as_text=True)
    code = re.search(r'<pre class="embed-code" id="iframe-code"[^>]*>(.*?)</pre>', html).group(1)
    assert code.startswith("&lt;iframe src=&#34;http://localhost/widget/werkposten?provincie="
                           "limburg&amp;amp;gemeente=hasselt&#34;")  # shown as text, not run
    script = re.search(r'<pre class="embed-code" id="script-code"[^>]*>(.*?)</pre>', html).group(1)
    assert script.startswith("&lt;script src=&#34;http://localhost/widget.js&#34; "
                             "data-provincie=&#34;limburg&#34; data-gemeente=&#34;hasselt&#34;")
    assert "<script src=\"http://localhost/widget.js" not in html
    assert '<iframe class="widget-preview" src="/widget/werkposten?provincie=limburg&amp;'\
           'gemeente=hasselt"' in html


def test_widget_page_explains_a_wrong_municipality_next_to_the_field(client, world):
    html = client.get("/widget?provincie=limburg&gemeente=Gent").get_data(as_text=True)
    assert "Deze gemeente ligt niet in de gekozen provincie" in html
    assert 'value="Gent"' in html and "&lt;iframe" not in html
    html = client.get("/widget?provincie=").get_data(as_text=True)
    assert "Kies een provincie." in html


def test_the_framed_list_may_be_embedded_by_other_sites(client, world):
    response = client.get("/widget/werkposten?provincie=limburg&gemeente=hasselt")
    assert response.status_code == 200
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    html = response.get_data(as_text=True)
    assert "Moestuin De Kruidenhof" in html and 'target="_blank"' in html
    # Every link that opens a new window says so, also to a screen reader.
    assert html.count('target="_blank"') == html.count("(opent in een nieuw venster)")
    assert [name for name in DIRECTORY_HIDDEN if name in html] == []
    # Ordinary pages still refuse to be framed.
    page = client.get("/werkposten/limburg")
    assert page.headers["X-Frame-Options"] == "DENY"


def test_the_framed_list_filters_by_activity_and_speaks_english(client, world):
    html = client.get("/widget/werkposten?provincie=limburg&activiteit=woodwork&lang=en")\
        .get_data(as_text=True)
    assert "Houtatelier Genk" in html and "Moestuin" not in html
    assert "Workposts in Limburg" in html and 'lang="en"' in html


def test_the_framed_list_of_an_unknown_place_is_not_found_but_still_frameable(client, world):
    response = client.get("/widget/werkposten?provincie=limburg&gemeente=atlantis")
    assert response.status_code == 404
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]


def test_the_widget_script_frames_the_list_from_its_own_origin(client, world):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    script = response.get_data(as_text=True)
    assert '"/widget/werkposten"' in script and "werkpostwijzer-height" in script
    assert "event.origin !== origin" in script


def test_sitemap_lists_every_public_page_in_both_languages(client, world):
    response = client.get("/sitemap.xml")
    assert response.headers["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.data)
    locations = [url.find(f"{SITEMAP}loc").text for url in root]
    paths = {loc.replace("http://localhost", "") for loc in locations}
    for path in ("/", "/werkposten", "/werkposten/limburg", "/werkposten/limburg/hasselt",
                 "/werkposten/oost-vlaanderen/gent", "/werkposten/brussel", "/begeleiders",
                 f"/begeleiders/{world['ocmw'].slug}", "/widget", "/info", "/info/bedrijven",
                 "/info/bedrijven/folder", "/privacy", "/toegankelijkheid", "/aanbieden/",
                 f"/werkposten/{world['garden'].id}-moestuin-de-kruidenhof",
                 f"/werkposten/{world['wood'].id}-houtatelier-genk"):
        assert path in paths, path
    text = response.get_data(as_text=True)
    assert [name for name in ("bakkerij", "serre", "gesloten") if name in text.lower()] == []
    assert "/werkposten/limburg/tongeren" not in paths  # no workposts there
    assert 'hreflang="en" href="http://localhost/werkposten/limburg?lang=en"' in text


def test_robots_txt_points_to_the_sitemap_and_keeps_staff_areas_out(client, world):
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    for path in ("/werkruimte", "/beheer", "/account", "/api/v1/supervisor"):
        assert f"Disallow: {path}" in text
    assert not re.search(r"Disallow: /werkposten", text)
