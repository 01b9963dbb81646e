"""The gazetteer: postcodes to places, municipalities and provinces, and the shipped data."""
import csv
import statistics

import pytest

import geo
from geo.build import province_from_range
from geo.gazetteer import DATA


@pytest.mark.parametrize("postcode, municipality, province", [
    ("9000", "Gent", "oost_vlaanderen"),
    ("3500", "Hasselt", "limburg"),
    ("1000", "Brussel", "brussels"),
    ("2000", "Antwerpen", "antwerpen"),
    ("8000", "Brugge", "west_vlaanderen"),
    ("3000", "Leuven", "vlaams_brabant"),
    ("1300", "Waver", "waals_brabant"),
    ("4000", "Luik", "luik"),
])
def test_postcode_centre_gives_municipality_and_province(postcode, municipality, province):
    centre = geo.postcode_centre(postcode)
    assert (centre.municipality, centre.province) == (municipality, province)
    assert geo.province_of(postcode) == province


def test_brussels_centre_keeps_dutch_and_french_names():
    centre = geo.postcode_centre("1000")
    assert (centre.name, centre.name_nl) == ("Bruxelles", "Brussel")
    assert (centre.municipality, centre.municipality_fr) == ("Brussel", "Bruxelles")
    assert centre.region == "brussels"


def test_shared_brussels_postcodes_belong_to_the_commune_they_are_named_after():
    # Statbel lists 1040 and 1050 under two municipalities each (part of the City of Brussels).
    assert geo.postcode_centre("1040").municipality == "Etterbeek"
    assert geo.postcode_centre("1050").municipality == "Elsene"


def test_all_nineteen_brussels_communes_have_dutch_names():
    communes = geo.municipalities("brussels")
    assert len(communes) == 19
    dutch = {name for _, name, _ in communes}
    assert {"Elsene", "Schaarbeek", "Sint-Jans-Molenbeek", "Ukkel", "Vorst",
            "Sint-Joost-ten-Node", "Oudergem", "Watermaal-Bosvoorde"} <= dutch
    assert geo.lookup_postcode("1210")[0].name_nl == "Sint-Joost-ten-Node"
    assert geo.lookup_postcode("1020")[0].name_nl == "Laken"


def test_french_names_in_flemish_facility_municipalities_get_dutch_ones():
    assert {p.name_nl for p in geo.lookup_postcode("3790")} == {
        "Voeren", "Sint-Martens-Voeren", "Moelingen"}
    assert geo.lookup_postcode("1640")[0].name_nl == "Sint-Genesius-Rode"


def test_walloon_forest_is_not_translated_as_the_brussels_vorst():
    assert {p.name_nl for p in geo.lookup_postcode("7910")} >= {"Forest"}


def test_main_place_comes_first():
    assert geo.lookup_postcode("9000")[0].name == "Gent"
    # merged municipality: the place that names part of it
    assert geo.lookup_postcode("3700")[0].name_nl == "Tongeren"


def test_postcode_centre_is_the_mean_of_its_places():
    places = geo.lookup_postcode("3700")
    centre = geo.postcode_centre("3700")
    assert centre.lat == pytest.approx(statistics.mean(p.lat for p in places), abs=1e-6)
    assert centre.lon == pytest.approx(statistics.mean(p.lon for p in places), abs=1e-6)


@pytest.mark.parametrize("bad", ["90a0", "900", "90000", "", None, "９０００"])
def test_malformed_postcodes_raise_unknown_postcode_naming_the_field(bad):
    with pytest.raises(geo.UnknownPostcode, match="^postcode: .*4 digits"):
        geo.postcode_centre(bad)


def test_unknown_postcode_is_a_geo_error_and_a_value_error():
    with pytest.raises(geo.UnknownPostcode, match="does not exist") as caught:
        geo.postcode_centre("9999")
    assert isinstance(caught.value, geo.GeoError) and isinstance(caught.value, ValueError)
    assert geo.lookup_postcode("9999") == []


def test_postcodes_accept_ints_and_surrounding_spaces():
    assert geo.postcode_centre(9000) == geo.postcode_centre(" 9000 ")


def test_nearest_place_of_a_point_in_gent_is_gent():
    place = geo.nearest_place(51.054, 3.722)
    assert (place.postcode, place.municipality) == ("9000", "Gent")


def test_nearest_place_of_a_place_is_itself_or_a_namesake_spot():
    for postcode in ("3500", "8400", "2300"):
        centre = geo.lookup_postcode(postcode)[0]
        assert geo.nearest_place(centre.lat, centre.lon).postcode == postcode


def test_nearest_place_refuses_impossible_coordinates():
    with pytest.raises(geo.InvalidCoordinates):
        geo.nearest_place(95, 3)


def test_municipalities_of_a_province_are_sorted_by_name():
    names = [name for _, name, _ in geo.municipalities("limburg")]
    assert "Hasselt" in names and names == sorted(names, key=geo.fold)
    assert len(geo.municipalities()) == len({nis for nis, _, _ in geo.municipalities()})


def test_provinces_have_dutch_and_english_labels():
    labels = {p.code: (p.name_nl, p.name_en) for p in geo.provinces()}
    assert labels["oost_vlaanderen"] == ("Oost-Vlaanderen", "East Flanders")
    assert labels["vlaams_brabant"] == ("Vlaams-Brabant", "Flemish Brabant")
    assert labels["brussels"] == ("Brussel", "Brussels")
    assert len(labels) == 11
    assert geo.FLEMISH_PROVINCES == ("antwerpen", "limburg", "oost_vlaanderen",
                                     "vlaams_brabant", "west_vlaanderen")
    assert geo.SERVICE_PROVINCES == geo.FLEMISH_PROVINCES + ("brussels",)


# The shipped data file ------------------------------------------------------------------

def _rows():
    with DATA.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_data_file_holds_every_row_of_the_source_with_all_columns():
    rows = _rows()
    assert len(rows) == 2757
    assert all(all(row[c] for c in ("postcode", "place", "place_nl", "municipality_nis",
                                    "municipality", "municipality_fr", "province", "region"))
               for row in rows)
    codes = {p.code: p.region for p in geo.provinces()}
    assert all(codes[row["province"]] == row["region"] for row in rows)


def test_statbel_provinces_agree_with_domain_postcode_ranges_except_zwijndrecht():
    # Zwijndrecht (2070) joined Beveren-Kruibeke-Zwijndrecht in Oost-Vlaanderen in 2025;
    # its postcode still lies in the Antwerpen range.
    differing = {row["postcode"] for row in _rows()
                 if row["province"] != province_from_range(int(row["postcode"]))}
    assert differing == {"2070"}


# Provinces that reach further from their median point: Liège has the East Cantons, Hainaut
# the Comines-Warneton exclave west of Flanders.
REACH_KM = {"luik": 70, "henegouwen": 80}


def test_every_place_lies_in_belgium_and_near_its_province():
    by_province = {}
    for place in (p for pc in geo.postcodes() for p in geo.lookup_postcode(pc)):
        by_province.setdefault(place.province, []).append(place)
    for province, places in by_province.items():
        median = (statistics.median(p.lat for p in places),
                  statistics.median(p.lon for p in places))
        for place in places:
            assert geo.Point(place.lat, place.lon).in_belgium(), place
            assert geo.distance_km(median, place) < REACH_KM.get(province, 60), place


def test_every_place_lies_within_20_km_of_its_municipality():
    # Catches OpenStreetMap points at a namesake elsewhere (3700 Haren is not Brussels' Haren).
    by_municipality = {}
    for row in _rows():
        by_municipality.setdefault(row["municipality_nis"], []).append(
            (float(row["lat"]), float(row["lon"])))
    for nis, points in by_municipality.items():
        median = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
        assert all(geo.distance_km(median, p) <= 20 for p in points), nis


def test_data_file_lives_inside_the_package_so_the_wheel_ships_it():
    import pathlib

    assert DATA.is_file() and DATA.parent.parent == pathlib.Path(geo.__file__).parent
    ignored = (pathlib.Path(geo.__file__).parent.parent / ".gitignore")
    if ignored.exists():  # hatchling leaves out what git ignores
        assert not any(line.strip() in ("*.csv", "data/", "geo/data/")
                       for line in ignored.read_text().splitlines())
