import statistics

import pytest

import geo
from geo.build import province_from_range


@pytest.mark.parametrize("postcode, municipality, province", [
    ("9000", "Gent", "oost_vlaanderen"),
    ("3500", "Hasselt", "limburg"),
    ("1000", "Brussel", "brussels"),
    ("9300", "Aalst", "oost_vlaanderen"),
    ("2000", "Antwerpen", "antwerpen"),
    ("8000", "Brugge", "west_vlaanderen"),
    ("3000", "Leuven", "vlaams_brabant"),
])
def test_postcode_gives_municipality_and_province(postcode, municipality, province):
    centre = geo.postcode_centre(postcode)
    assert centre.municipality == municipality
    assert centre.province == province


def test_brussels_has_dutch_and_french_names():
    centre = geo.postcode_centre("1000")
    assert centre.region == "brussels"
    assert {p.postcode for p in geo.search_places("Elsene")} == {"1050"}
    assert {p.postcode for p in geo.search_places("ixelles")} == {"1050"}


@pytest.mark.parametrize("text", ["sint-niklaas", "SINT NIKLAAS", "Sint Niklaas"])
def test_search_ignores_case_hyphens_and_spaces(text):
    assert geo.search_places(text)[0].postcode == "9100"


def test_search_ignores_accents():
    assert geo.search_places("liege")[0].name == geo.search_places("Liège")[0].name


def test_exact_names_come_before_prefix_matches():
    assert geo.search_places("Gent")[0].name == "Gent"


def test_every_row_has_a_known_province_and_region():
    codes = {p.code for p in geo.provinces()}
    for postcode in geo.postcodes():
        for place in geo.lookup_postcode(postcode):
            assert place.province in codes
            assert place.region in ("flanders", "brussels", "wallonia")


def test_statbel_provinces_agree_with_postcode_ranges_except_the_2025_mergers():
    # Zwijndrecht (2070) joined Beveren-Kruibeke-Zwijndrecht in Oost-Vlaanderen in 2025;
    # the old postcode range still says Antwerpen.
    differing = {pc for pc in geo.postcodes()
                 if geo.postcode_centre(pc).province != province_from_range(int(pc))}
    assert differing == {"2070"}


def test_every_place_lies_within_its_own_province():
    by_province = {}
    for postcode in geo.postcodes():
        for place in geo.lookup_postcode(postcode):
            by_province.setdefault(place.province, []).append(place)
    for province, places in by_province.items():
        lat = statistics.median(p.lat for p in places)
        lon = statistics.median(p.lon for p in places)
        for place in places:
            assert place.in_belgium() if hasattr(place, "in_belgium") else True
            assert geo.Point(place.lat, place.lon).in_belgium(), place
            assert geo.distance_km((lat, lon), (place.lat, place.lon)) < 80, (province, place)


def test_nearest_place_of_a_point_in_gent_is_in_gent():
    assert geo.nearest_place(51.054, 3.722).municipality == "Gent"


def test_unknown_and_malformed_postcodes_raise_clear_errors():
    with pytest.raises(geo.UnknownPostcode, match="does not exist"):
        geo.postcode_centre("9999")
    with pytest.raises(geo.UnknownPostcode, match="4 digits"):
        geo.postcode_centre("90a0")
    assert geo.lookup_postcode("9999") == []


def test_municipalities_of_a_province_are_sorted_by_name():
    names = [name for _, name, _ in geo.municipalities("limburg")]
    assert "Hasselt" in names and names == sorted(names, key=geo.fold)
