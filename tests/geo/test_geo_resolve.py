"""Place names: a municipality's name means that municipality; a name still shared by places
in several municipalities is a choice, never a silent guess."""
import geo


def test_a_name_that_is_also_a_municipality_means_that_municipality():
    found = geo.resolve_place("Aalst")
    assert found.place.postcode == "9300" and found.place.municipality == "Aalst"
    assert geo.resolve_place("aalst").place.postcode == "9300"
    assert geo.resolve_place("Alost").place.postcode == "9300"  # French name of the city


def test_a_name_shared_by_places_in_several_municipalities_offers_the_choice():
    found = geo.resolve_place("Hofstade")
    assert found.place is None and found.ambiguous
    assert {p.postcode for p in found.choices} == {"1981", "9308"}
    assert [geo.choice_label(p) for p in found.choices] == [
        "Hofstade (1981, Zemst, Vlaams-Brabant)", "Hofstade (9308, Aalst, Oost-Vlaanderen)"]


def test_the_village_aalst_is_labelled_with_its_municipality():
    village = geo.lookup_postcode("3800")
    aalst = next(p for p in village if p.name_nl == "Aalst")
    assert geo.choice_label(aalst) == "Aalst (3800, Sint-Truiden, Limburg)"
    assert geo.choice_label(geo.postcode_centre("9300")) == "Aalst (9300, Oost-Vlaanderen)"


def test_a_place_in_one_municipality_and_a_postcode_resolve_to_one_place():
    assert geo.resolve_place("Erembodegem").place.postcode == "9320"
    assert geo.resolve_place("3800").place.municipality == "Sint-Truiden"


def test_unknown_and_empty_text_resolve_to_nothing():
    for text in ("", "   ", "Zzzyxx", "9999"):
        found = geo.resolve_place(text)
        assert found.unknown and not found.ambiguous


def test_a_beginning_shared_by_several_municipalities_is_a_choice():
    found = geo.resolve_place("Aal")
    assert found.ambiguous
    assert {"9300", "9880"} <= {p.postcode for p in found.choices}


def test_every_shared_name_is_either_a_municipality_or_a_choice():
    shared = {}
    for code in geo.postcodes():
        for place in geo.lookup_postcode(code):
            shared.setdefault(geo.fold(place.name_nl), set()).add(place.municipality_nis)
    names = [name for name, municipalities in shared.items() if len(municipalities) > 1]
    assert len(names) >= 40
    for name in names:
        found = geo.resolve_place(name)
        assert (found.place is not None and geo.fold(found.place.municipality) == name) \
            or found.ambiguous, name
