"""Issue 15, item 15: the API can be found from /api/v1/, takes regions the way the site
writes them, and answers in the request's language, its 404 and 405 included."""
import pytest
from factories import make_directory_world as make_world

import geo


@pytest.fixture()
def world(db_session):
    w = make_world(db_session)
    db_session.commit()
    return w


def _names(response):
    assert response.status_code == 200, response.get_json()
    return sorted(item["name"] for item in response.get_json()["items"])


def test_the_root_lists_every_endpoint_and_links_the_document(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.get_json()
    assert body["openapi"] == "http://localhost/api/v1/openapi.json"
    document = client.get("/api/v1/openapi.json").get_json()
    listed = {(e["path"], e["method"]) for e in body["endpoints"]}
    documented = {(path, method.upper()) for path, item in document["paths"].items()
                  for method in item}
    assert listed == documented
    assert ("/api/v1/directory", "GET") in listed
    regions = next(e for e in body["endpoints"] if e["path"] == "/api/v1/regions")
    assert regions["url"] == "http://localhost/api/v1/regions" and regions["summary"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("written", ["oost_vlaanderen", "oost-vlaanderen", "Oost-Vlaanderen",
                                     "OOST_VLAANDEREN", " oost-vlaanderen "])
def test_a_province_is_a_code_or_the_sites_slug_in_any_case(client, world, written):
    assert _names(client.get(f"/api/v1/directory?province={written}")) == ["Keuken De Pot"]
    organisations = client.get(f"/api/v1/organisations?province={written}").get_json()
    assert [o["name"] for o in organisations["items"]] == ["CAW Gent"]
    regions = client.get(f"/api/v1/regions?province={written}").get_json()
    assert [p["code"] for p in regions["provinces"]] == ["oost_vlaanderen"]


def test_a_municipality_is_a_nis_code_or_a_name(client, world):
    nis = geo.postcode_centre("3500").municipality_nis
    by_code = _names(client.get(f"/api/v1/directory?municipality={nis}"))
    assert by_code == ["Moestuin De Kruidenhof"]
    for name in ("Hasselt", "hasselt", "HASSELT"):
        assert _names(client.get(f"/api/v1/directory?municipality={name}")) == by_code
    lommel = client.get("/api/v1/organisations?municipality=Lommel").get_json()
    assert "Beschut Wonen Kempen" in [o["name"] for o in lommel["items"]]


def test_a_name_shared_by_several_municipalities_lists_the_choices(client, world):
    response = client.get("/api/v1/directory?municipality=Hofstade&lang=en")
    assert response.status_code == 400
    message = response.get_json()["error"]
    assert "Hofstade (1981, Zemst, Flemish Brabant)" in message and "9308" in message
    unknown = client.get("/api/v1/directory?municipality=Atlantis&lang=en").get_json()
    assert unknown["error"].startswith("municipality: 'Atlantis' is not a Belgian")


@pytest.mark.parametrize("headers, query, english", [
    ({}, "", False),
    ({"Accept-Language": "en-GB,en;q=0.9"}, "", True),
    ({"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"}, "", False),
    ({"Accept-Language": "fr-BE,fr;q=0.9"}, "", False),
    ({}, "lang=en", True),
    ({"Accept-Language": "en"}, "lang=nl", False),
])
def test_errors_follow_the_requests_language(client, world, headers, query, english):
    join = "&" if query else ""
    bad = client.get(f"/api/v1/directory?province=atlantis{join}{query}", headers=headers)
    assert bad.status_code == 400
    assert bad.get_json()["error"].startswith(
        "province: unknown province" if english else "province: onbekende provincie")
    assert "Accept-Language" in bad.headers["Vary"]

    missing = client.get(f"/api/v1/nothing-here?{query}", headers=headers)
    assert missing.status_code == 404 and missing.is_json
    assert missing.get_json() == {"status": 404, "error": "This page does not exist (any more)."
                                  if english else "Deze pagina bestaat niet (meer)."}
    gone = client.get(f"/api/v1/directory/999999?{query}", headers=headers)
    assert gone.status_code == 404 and gone.get_json() == missing.get_json()

    wrong_method = client.post(f"/api/v1/directory?{query}", headers=headers)
    assert wrong_method.status_code == 405 and wrong_method.is_json
    assert wrong_method.get_json()["error"] == ("This cannot be done this way."
                                                if english else "Dit kan op deze manier niet.")


def test_lang_is_taken_by_every_endpoint_and_checked(client, world):
    for path in ("/api/v1/", "/api/v1/regions", "/api/v1/organisations", "/api/v1/directory",
                 "/api/v1/openapi.json"):
        assert client.get(f"{path}?lang=en").status_code == 200, path
    response = client.get("/api/v1/regions?lang=fr")
    assert response.status_code == 400 and response.get_json()["error"] == (
        "lang: gebruik nl of en")
