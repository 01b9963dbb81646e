"""The public API's filters, paging, error messages and cross-origin headers; and that it
serves the same workposts as the pages and the widget."""
import re

import pytest
from factories import make_directory_world, make_listed_org, make_listed_post


@pytest.fixture()
def world(db_session):
    w = make_directory_world(db_session)
    db_session.commit()
    return w


def _names(body):
    return [item["name"] for item in body["items"]]


def test_hasselt_gardening_near_3500(client, world):
    body = client.get("/api/v1/directory?postcode=3500&radius_km=15&activity=green").get_json()
    assert _names(body) == ["Moestuin De Kruidenhof"]
    item = body["items"][0]
    assert item["organisation"]["name"] == "OCMW Hasselt"
    assert item["contact"]["phone"] == "011 22 33 44" and item["contact"]["email"]
    assert {"code": "green", "nl": "Groen en tuin", "en": "Gardening and green spaces"} \
        in item["activities"]
    assert item["distance_km"] < 2
    assert body["centre"]["name"] == "Hasselt" and body["centre"]["radius_km"] == 15


def test_results_near_a_postcode_come_nearest_first(client, world):
    body = client.get("/api/v1/directory?postcode=3500&radius_km=60").get_json()
    distances = [item["distance_km"] for item in body["items"]]
    assert distances == sorted(distances)
    assert _names(body) == ["Moestuin De Kruidenhof", "Houtatelier Genk", "Tuinploeg Lommel"]


@pytest.mark.parametrize("query, expected", [
    ("province=limburg", {"Moestuin De Kruidenhof", "Houtatelier Genk", "Tuinploeg Lommel"}),
    ("province=oost_vlaanderen", {"Keuken De Pot"}),
    ("province=limburg&activity=woodwork", {"Houtatelier Genk"}),
    ("municipality=71072", {"Moestuin De Kruidenhof"}),
    ("activity=kitchen", {"Keuken De Pot"}),
    ("province=namen", set()),
])
def test_filters(client, world, query, expected):
    assert set(_names(client.get(f"/api/v1/directory?{query}").get_json())) == expected


def test_paging_walks_every_item_once(client, world):
    seen, url = [], "/api/v1/directory?per_page=2"
    while url:
        body = client.get(url.replace("http://localhost", "")).get_json()
        assert body["total"] == 4 and body["pages"] == 2 and len(body["items"]) <= 2
        seen += _names(body)
        url = body["next"]
    assert len(seen) == len(set(seen)) == 4
    last = client.get("/api/v1/directory?per_page=2&page=2").get_json()
    assert last["prev"] == "http://localhost/api/v1/directory?per_page=2&page=1"
    beyond = client.get("/api/v1/directory?per_page=2&page=9").get_json()
    assert beyond["items"] == [] and beyond["next"] is None


@pytest.mark.parametrize("query, message", [
    ("province=atlantis", "province: unknown province 'atlantis'"),
    ("municipality=abc", "municipality: 'abc' is not a Belgian municipality's NIS code"),
    ("postcode=12", "postcode: '12' is not a Belgian postcode"),
    ("postcode=9999", "postcode: 9999 does not exist in Belgium"),
    ("radius_km=5", "radius_km: only together with postcode"),
    ("postcode=3500&radius_km=500", "radius_km: a number of kilometres from 1 to 100"),
    ("postcode=3500&radius_km=inf", "radius_km: a number of kilometres from 1 to 100"),
    ("activity=swimming", "activity: unknown activity 'swimming'"),
    ("page=0", "page: must be from 1 to 100000, got 0"),
    ("page=-1", "page: a whole number from 1 to 100000 is required"),
    ("per_page=1000", "per_page: must be from 1 to 100, got 1000"),
    ("page=99999999999999999999", "page: a whole number"),
    ("sort=name", "unknown parameter 'sort'"),
    ("activity=green&activity=kitchen", "activity: give this parameter once"),
])
def test_bad_parameters_answer_400_with_a_message(client, world, query, message):
    response = client.get(f"/api/v1/directory?{query}", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    body = response.get_json()
    assert body["status"] == 400 and body["error"].startswith(message), body["error"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"  # so a browser can read it


def test_organisations_by_region_with_their_workposts(client, world):
    body = client.get("/api/v1/organisations?province=limburg").get_json()
    assert [o["name"] for o in body["items"]] == ["Beschut Wonen Kempen", "OCMW Hasselt"]
    ocmw = body["items"][1]
    assert {r["code"] for r in ocmw["regions"]} == {"limburg"}
    assert {p["name"] for p in ocmw["workposts"]} == {"Moestuin De Kruidenhof",
                                                      "Houtatelier Genk"}
    lommel = client.get("/api/v1/organisations?municipality=72020").get_json()
    assert [o["name"] for o in lommel["items"]] == ["Beschut Wonen Kempen", "OCMW Hasselt"]


def test_regions_count_public_workposts_only(client, world):
    body = client.get("/api/v1/regions?province=limburg").get_json()
    (limburg,) = body["provinces"]
    assert limburg["workposts"] == 3 and limburg["url"] == "http://localhost/werkposten/limburg"
    hasselt = next(m for m in limburg["municipalities"] if m["name"] == "Hasselt")
    assert hasselt["workposts"] == 1 and hasselt["slug"] == "hasselt"
    everything = client.get("/api/v1/regions").get_json()
    assert {p["code"] for p in everything["provinces"]} == {
        "antwerpen", "limburg", "oost_vlaanderen", "vlaams_brabant", "west_vlaanderen",
        "brussels"}


def test_public_reads_allow_any_origin_and_supervisor_endpoints_do_not(client, world):
    for url in ("/api/v1/directory", "/api/v1/regions", "/api/v1/organisations",
                "/api/v1/openapi.json"):
        response = client.get(url, headers={"Origin": "https://gemeente.example"})
        assert response.headers["Access-Control-Allow-Origin"] == "*", url
    private = client.get("/api/v1/supervisor/participants",
                         headers={"Origin": "https://gemeente.example"})
    assert private.status_code == 401
    assert "Access-Control-Allow-Origin" not in private.headers
    preflight = client.options("/api/v1/directory", headers={
        "Origin": "https://gemeente.example", "Access-Control-Request-Method": "GET"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_writing_is_not_allowed(client, world):
    response = client.post("/api/v1/directory", json={})
    assert response.status_code == 405 and response.get_json()["status"] == 405


def test_api_pages_and_widget_show_the_same_workposts(client, db_session):
    org = make_listed_org(db_session, "OCMW Genk", "3600", [("province", "limburg")])
    for n in range(12):
        make_listed_post(db_session, f"Atelier {n:02d}", "3600", org, activities=("creative",))
    make_listed_post(db_session, "Garage Janssens", "3600", None, activities=("creative",))
    db_session.commit()
    api = set(_names(client.get("/api/v1/directory?municipality=71016&per_page=100").get_json()))
    page_names, widget_names = set(), set()
    for page in (1, 2):
        html = client.get(f"/werkposten/limburg/genk?pagina={page}").get_data(as_text=True)
        page_names |= set(re.findall(r'class="wp-title"><a href="[^"]+">([^<]+)</a>', html))
        frame = client.get(f"/widget/werkposten?provincie=limburg&gemeente=genk&pagina={page}")
        widget_names |= set(re.findall(r'class="wp-title"><a href="[^"]+" target="_blank"'
                                       r' rel="noopener">([^<]+)<span',
                                       frame.get_data(as_text=True)))
    assert api == page_names == widget_names
    assert len(api) == 12 and "Garage Janssens" not in api
