"""The model refuses bad input with an error that names the field."""
import pytest

from matcher import Location, MatcherError, Participant, Travel, Workpost, codes
from matcher_factories import GENT, person, post


@pytest.mark.parametrize("overrides, field", [
    ({"interests": ["cooking"]}, "interests[0]"),
    ({"needs": ["calm_environment", "quiet"]}, "needs[1]"),
    ({"availability": ["mon"]}, "availability[0]"),
    ({"travel": {"modes": ["bike", "boat"]}}, "travel.modes[1]"),
    ({"travel": {"modes": ["bike"], "max_minutes": -5}}, "travel.max_minutes"),
    ({"hours_per_week": -1}, "hours_per_week"),
    ({"hours_per_week": 200}, "hours_per_week"),
    ({"location": {"lat": 91, "lon": 3.7}}, "location.lat"),
    ({"location": {"lat": 3.7174, "lon": 51.0543}}, "location.lat"),
    ({"location": {"lat": 48.85, "lon": 2.35}}, "location.lat"),
    ({"location": {"postcode": "0000"}}, "location.postcode"),
    ({"location": {}}, "location"),
    ({"id": None}, "id"),
])
def test_participant_errors_name_the_field(overrides, field):
    with pytest.raises(MatcherError) as caught:
        person(**overrides)
    assert caught.value.field == field
    assert str(caught.value).startswith(field + ":")


def test_unknown_mode_message_is_plain():
    with pytest.raises(MatcherError, match=r"travel.modes\[1\]: unknown travel mode 'boat'"):
        person(travel={"modes": ["bike", "boat"]})


def test_swapped_coordinates_are_spotted():
    with pytest.raises(MatcherError, match="swapped"):
        Location(lat=GENT[1], lon=GENT[0])


@pytest.mark.parametrize("overrides, field", [
    ({"capacity": -1}, "capacity"), ({"open_places": -2}, "open_places"),
    ({"capacity": 1.5}, "capacity"), ({"activities": ["kitchen", "x"]}, "activities[1]"),
    ({"offers": "buddy"}, "offers"), ({"internal": "yes"}, "internal"),
    ({"service_radius_km": -3}, "service_radius_km"), ({"description": 5}, "description"),
])
def test_workpost_errors_name_the_field(overrides, field):
    with pytest.raises(MatcherError) as caught:
        post(**overrides)
    assert caught.value.field == field


def test_postcode_becomes_coordinates_and_coordinates_win():
    assert Location(postcode="9000").lat == pytest.approx(51.05, abs=0.05)
    both = Location(lat=51.2, lon=4.4, postcode="9000")
    assert (both.lat, both.lon) == (51.2, 4.4)


def test_defaults_follow_the_contract():
    workpost = Workpost(id=7, location={"postcode": "2000"}, capacity=3)
    assert workpost.open_places == 3 and workpost.id == 7 and workpost.internal is False
    assert Travel().modes == () and Travel().max_minutes is None
    assert person(needs=None).needs == ()


def test_codes_are_deduplicated_in_order():
    assert person(interests=["digital", "administration", "digital"]).interests == (
        "digital", "administration")


def test_every_code_has_labels_and_explanations():
    for table, universe in ((codes.ACTIVITY_LABELS, codes.ACTIVITIES),
                            (codes.ACTIVITY_EXAMPLES, codes.ACTIVITIES),
                            (codes.SUPPORT_LABELS, codes.SUPPORTS),
                            (codes.SUPPORT_EXPLAIN, codes.SUPPORTS),
                            (codes.MODE_LABELS, codes.MODES), (codes.SLOT_LABELS, codes.SLOTS)):
        assert set(table) == set(universe)
        assert all(len(pair) == 2 and all(pair) for pair in table.values())


def test_code_lists_keep_the_contract_order():
    assert codes.ACTIVITIES[:3] == ("kitchen", "household", "green")
    assert codes.ACTIVITIES[-1] == "other" and len(codes.ACTIVITIES) == 23
    assert codes.SUPPORTS[0] == "calm_environment" and len(codes.SUPPORTS) == 19
    assert codes.MODES == ("walk", "bike", "public_transport", "car", "driven")
    assert codes.SLOTS[0] == "mon_am" and codes.SLOTS[-1] == "sun_pm"


def test_check_codes_is_a_value_error_with_a_field():
    with pytest.raises(ValueError) as caught:
        codes.check_codes(["green", 3], codes.ACTIVITIES, "activities")
    assert caught.value.field == "activities[1]"
    assert codes.check_codes(None, codes.ACTIVITIES, "x") == ()


def test_participant_accepts_nested_dataclasses():
    p = Participant(id="P", location=Location(postcode="9000"), travel=Travel(("walk",), 20))
    assert p.travel.max_minutes == 20
