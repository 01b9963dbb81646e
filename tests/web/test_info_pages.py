"""Information pages for the five audiences, their printable leaflets, privacy and the
accessibility statement."""
import pytest

AUDIENCES = {
    "/info/deelnemers-en-familie": "Voor deelnemers en familie",
    "/info/bedrijven": "Voor bedrijven en organisaties",
    "/info/verwijzers": "Voor verwijzers",
    "/info/begeleiders": "Voor erkende begeleiders",
    "/info/betalende-instanties": "Voor uitkeringsinstanties",
}


def test_overview_links_every_audience_privacy_and_accessibility(client):
    html = client.get("/info").get_data(as_text=True)
    for path in [*AUDIENCES, "/privacy", "/toegankelijkheid"]:
        assert f'href="{path}"' in html, path


@pytest.mark.parametrize("path, title", AUDIENCES.items())
def test_each_audience_page_has_its_short_version_and_a_leaflet(client, path, title):
    html = client.get(path).get_data(as_text=True)
    assert f"<h1>{title}</h1>" in html and "In het kort" in html
    assert f'href="{path}/folder"' in html
    leaflet = client.get(f"{path}/folder").get_data(as_text=True)
    assert title in leaflet
    assert f"http://localhost{path}" in leaflet  # the link to the site, printed
    assert 'src="data:image/svg+xml' in leaflet and "QR-code naar" in leaflet
    assert "css/info.css" in leaflet


def test_the_business_page_links_to_the_signup_page(client):
    html = client.get("/info/bedrijven").get_data(as_text=True)
    assert 'href="/aanbieden/"' in html and "DIMONA" in html


def test_the_participant_page_tells_how_to_start_and_links_the_directory(client):
    html = client.get("/info/deelnemers-en-familie").get_data(as_text=True)
    assert 'href="/werkposten"' in html and 'href="/begeleiders"' in html
    assert "Je houdt je uitkering" in html


def test_leaflets_print_on_one_a4_page(app):
    from pathlib import Path

    css = (Path(app.root_path) / "static/css/info.css").read_text()
    assert "@page { size: A4" in css


def test_an_unknown_leaflet_is_not_found(client):
    assert client.get("/info/astronauten/folder").status_code == 404


def test_privacy_and_accessibility_pages_in_the_footer_and_in_english(client):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/privacy"' in home and 'href="/toegankelijkheid"' in home
    client.get("/taal/en")
    assert "Accessibility statement" in client.get("/toegankelijkheid").get_data(as_text=True)
    assert "When you visit this website" in client.get("/privacy").get_data(as_text=True)
    assert "400%" in client.get("/toegankelijkheid").get_data(as_text=True)
