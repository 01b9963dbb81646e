"""The public directory: browse by province and municipality, search near a postcode, read a
workpost and its contact, list supervisors; never an external workpost or a private address."""
import re

import pytest
from factories import DIRECTORY_HIDDEN, make_directory_world


@pytest.fixture()
def world(db_session):
    w = make_directory_world(db_session)
    db_session.commit()
    return w


def _page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def _assert_nothing_hidden(html):
    assert [name for name in DIRECTORY_HIDDEN if name in html] == []


def test_start_page_lists_the_flemish_provinces_and_brussels_with_counts(client, world):
    html = _page(client, "/werkposten")
    for name in ("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen",
                 "Brussel"):
        assert name in html
    assert 'href="/werkposten/limburg"' in html
    assert re.search(r"Limburg</span>\s*<span class=\"region-count\">3 werkposten", html)
    assert "Henegouwen" not in html  # Wallonia only appears once it has a public workpost


def test_province_page_lists_municipalities_with_workposts_and_all_its_posts(client, world):
    html = _page(client, "/werkposten/limburg")
    assert 'href="/werkposten/limburg/hasselt"' in html
    assert 'href="/werkposten/limburg/genk"' in html
    assert "Moestuin De Kruidenhof" in html and "Tuinploeg Lommel" in html
    assert "Keuken De Pot" not in html
    _assert_nothing_hidden(html)


def test_municipality_page_shows_its_workposts_and_the_supervisors_working_there(client, world):
    html = _page(client, "/werkposten/limburg/hasselt")
    assert "Moestuin De Kruidenhof" in html
    assert "Houtatelier Genk" not in html
    assert "OCMW Hasselt" in html  # serves all of Limburg
    assert "Beschut Wonen Kempen" not in html  # serves Lommel only
    _assert_nothing_hidden(html)


def test_activity_filter_narrows_the_province_list(client, world):
    html = _page(client, "/werkposten/limburg?activiteit=woodwork")
    assert "Houtatelier Genk" in html and "Moestuin De Kruidenhof" not in html


def test_an_unknown_activity_is_refused_next_to_the_field_and_the_list_stays(client, world):
    html = _page(client, "/werkposten/limburg?activiteit=zwemmen")
    assert "Kies een waarde uit de lijst." in html
    assert 'aria-invalid="true"' in html
    assert "Moestuin De Kruidenhof" in html


def test_someone_in_hasselt_finds_gardening_nearby_with_whom_to_contact(client, world):
    html = _page(client, "/werkposten/in-de-buurt?postcode=3500&km=15&activiteit=green")
    assert "Moestuin De Kruidenhof" in html
    assert "Tuinploeg Lommel" not in html  # about 35 km away
    assert "Houtatelier Genk" not in html  # no gardening
    _assert_nothing_hidden(html)
    post = re.search(r'href="(/werkposten/\d+-moestuin-de-kruidenhof)"', html).group(1)
    detail = _page(client, post)
    assert "Hoe vraag je een plaats?" in detail
    assert "OCMW Hasselt" in detail and 'href="tel:011223344"' in detail
    assert "mailto:info" in detail
    assert "Groen en tuin" in detail and "gras maaien" in detail
    assert "maandag" in detail and "voormiddag en namiddag" in detail


def test_a_wider_radius_and_a_place_name_work_too(client, world):
    html = _page(client, "/werkposten/in-de-buurt?postcode=Hasselt&km=50&activiteit=green")
    assert "Moestuin De Kruidenhof" in html and "Tuinploeg Lommel" in html
    assert html.index("Moestuin De Kruidenhof") < html.index("Tuinploeg Lommel")  # nearest first


def test_an_unknown_postcode_gets_a_message_next_to_the_field_and_keeps_the_input(client, world):
    html = _page(client, "/werkposten/in-de-buurt?postcode=9999&km=15")
    assert "We kennen deze postcode of gemeente niet." in html
    assert 'value="9999"' in html
    assert 'aria-describedby="postcode-hint postcode-error"' in html


def test_an_empty_search_asks_for_a_postcode(client, world):
    html = _page(client, "/werkposten/in-de-buurt?postcode=&km=15")
    assert "Vul een postcode of een gemeente in" in html


def test_the_address_is_shown_only_when_the_organisation_made_it_public(client, world):
    public = _page(client, f"/werkposten/{world['garden'].id}-moestuin-de-kruidenhof")
    assert "Tuinstraat 7" in public
    private = _page(client, f"/werkposten/{world['wood'].id}-houtatelier-genk")
    assert "Geheimstraat" not in private and "Het precieze adres is niet openbaar" in private
    # The map point is the postcode centre, not the real spot.
    assert f"{world['wood'].lat}" not in private


@pytest.mark.parametrize("key", ["bakery", "paused", "gone"])
def test_hidden_workposts_have_no_public_page(client, world, key):
    _page(client, f"/werkposten/{world[key].id}-x", status=404)


def test_short_and_outdated_workpost_urls_redirect_to_the_readable_one(client, world):
    post = world["garden"]
    for url in (f"/werkposten/{post.id}", f"/werkposten/{post.id}-oude-naam"):
        response = client.get(url)
        assert response.status_code == 301
        assert response.headers["Location"].endswith(f"/werkposten/{post.id}-moestuin-de-kruidenhof")


@pytest.mark.parametrize("url", ["/werkposten/atlantis", "/werkposten/limburg/gent",
                                 "/werkposten/limburg?pagina=0", "/begeleiders/bestaat-niet",
                                 "/begeleiders?provincie=atlantis", "/werkposten/99999-x"])
def test_unknown_places_and_pages_are_not_found(client, world, url):
    _page(client, url, status=404)


def test_supervisor_list_shows_regions_served_and_internal_workposts(client, world):
    html = _page(client, "/begeleiders?provincie=limburg")
    assert "OCMW Hasselt" in html and "Beschut Wonen Kempen" in html
    assert "CAW Gent" not in html
    assert "Gesloten Vzw" not in html
    assert 'href="/werkposten/limburg"' in html  # the region OCMW Hasselt serves
    assert 'href="/werkposten/limburg/lommel"' in html
    _assert_nothing_hidden(html)


def test_organisation_page_has_contact_and_its_public_workposts_only(client, world):
    html = _page(client, f"/begeleiders/{world['ocmw'].slug}")
    assert "Moestuin De Kruidenhof" in html and "Houtatelier Genk" in html
    assert "Gepauzeerde Serre" not in html
    assert "info" in html and "011 22 33 44" in html


def test_the_list_comes_with_a_map_of_the_same_workposts(client, world):
    html = _page(client, "/werkposten/limburg/hasselt")
    data = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html).group(1)
    assert "Moestuin De Kruidenhof" in data and "Bakkerij" not in data
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html and "/static/js/map.js" in html


def test_easy_read_is_remembered_and_shows_short_sentences(client, world):
    url = f"/werkposten/{world['garden'].id}-moestuin-de-kruidenhof"
    response = client.get("/makkelijk-lezen/aan", query_string={"next": url})
    assert response.status_code == 302 and response.headers["Location"] == url
    html = _page(client, url)
    assert 'class=" easy-read"' in html or "easy-read" in re.search(r"<body[^>]*>", html).group(0)
    assert "Wil je hier werken?" in html and "Gewone tekst" in html
    assert "/static/img/icons/green.svg" in html
    client.get("/makkelijk-lezen/uit", query_string={"next": url})
    assert "easy-read" not in re.search(r"<body[^>]*>", _page(client, url)).group(0)


def test_easy_read_switch_never_redirects_to_another_site(client, world):
    response = client.get("/makkelijk-lezen/aan", query_string={"next": "https://evil.example"})
    assert response.headers["Location"] == "/werkposten"


def test_pages_speak_english_after_the_language_switch(client, world):
    client.get("/taal/en")
    html = _page(client, "/werkposten/in-de-buurt?postcode=3500&km=15&activiteit=green")
    assert "Workposts up to 15 km from Hasselt" in html
    assert "Gardening and green spaces" in html
    detail = _page(client, f"/werkposten/{world['garden'].id}-moestuin-de-kruidenhof")
    assert "How do you ask for a place?" in detail and "Monday" in detail


def test_paging_keeps_the_filters(client, db_session):
    from factories import make_listed_org, make_listed_post

    org = make_listed_org(db_session, "OCMW Genk", "3600", [("province", "limburg")])
    for n in range(23):
        make_listed_post(db_session, f"Atelier {n:02d}", "3600", org, activities=("creative",))
    db_session.commit()
    first = _page(client, "/werkposten/limburg/genk?activiteit=creative")
    assert "Pagina 1 van 2" in first
    assert 'href="/werkposten/limburg/genk?activiteit=creative&amp;pagina=2"' in first
    second = _page(client, "/werkposten/limburg/genk?activiteit=creative&pagina=2")
    assert second.count('class="wp-card"') == 3
