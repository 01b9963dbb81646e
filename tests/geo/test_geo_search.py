"""search_places: case, accents, hyphens, Dutch and French names."""
import pytest

import geo


@pytest.mark.parametrize("text", ["sint-niklaas", "SINT NIKLAAS", "Sint Niklaas", "sint-NIKLAAS"])
def test_search_ignores_case_hyphens_and_spaces(text):
    assert geo.search_places(text)[0].postcode == "9100"


@pytest.mark.parametrize("text", ["Liège", "liege", "LIEGE", "Luik"])
def test_search_ignores_accents_and_knows_the_dutch_name(text):
    assert geo.search_places(text)[0].municipality == "Luik"


@pytest.mark.parametrize("text", ["Elsene", "Ixelles", "ixelles"])
def test_brussels_communes_are_found_by_dutch_and_french_name(text):
    assert {p.postcode for p in geo.search_places(text)} == {"1050"}


def test_french_municipality_names_find_flemish_cities():
    assert geo.search_places("Anvers")[0].municipality == "Antwerpen"
    assert geo.search_places("Gand")[0].postcode == "9000"


def test_exact_names_come_before_prefix_matches():
    results = geo.search_places("Gent")
    assert results[0].name == "Gent"
    assert all(p.municipality == "Gent" for p in results)  # Gentbrugge is in Gent too


def test_prefix_matches_are_found():
    names = {p.name for p in geo.search_places("meer", limit=50)}
    assert {"Meerhout", "Meerbeek"} <= names


def test_limit_and_empty_text():
    assert len(geo.search_places("sint", limit=3)) == 3
    assert geo.search_places("   ") == []
    assert geo.search_places("zzzzq") == []


def test_four_digits_search_a_postcode():
    assert {p.postcode for p in geo.search_places("3500")} == {"3500"}
