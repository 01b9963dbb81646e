"""The app shell: home page for three audiences, languages, errors, health, headers."""
import re


def test_home_page_speaks_dutch_by_default_to_three_audiences(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<html lang="nl">' in html
    for heading in ("Voor bedrijven en organisaties", "Voor erkende begeleiders",
                    "Voor deelnemers en families"):
        assert heading in html


def test_language_switch_turns_the_site_english_and_back(client):
    switched = client.get("/taal/en?next=/")
    assert switched.status_code == 302 and switched.headers["Location"] == "/"
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "For businesses and organisations" in html
    client.get("/taal/nl")
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


def test_language_switch_never_redirects_to_another_site(client):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.get("/taal/en", query_string={"next": target})
        assert response.headers["Location"] == "/"


def test_unknown_page_gives_a_friendly_404_in_both_languages(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)." in response.get_data(as_text=True)
    client.get("/taal/en")
    english = client.get("/bestaat-niet").get_data(as_text=True)
    assert "This page does not exist (any more)." in english


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_every_page_carries_security_headers(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_layout_has_a_skip_link_and_a_labelled_menu(client):
    html = client.get("/").get_data(as_text=True)
    assert 'class="skip-link" href="#main"' in html
    assert re.search(r'<nav aria-label="[^"]+"', html)
    assert '<main id="main"' in html


def test_assets_are_served_from_our_own_site(client):
    html = client.get("/").get_data(as_text=True)
    for url in re.findall(r'(?:src|href)="([^"]+\.(?:css|js|svg|png))"', html):
        assert url.startswith("/static/"), url
