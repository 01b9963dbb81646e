"""Point and require_belgium: impossible, foreign and swapped coordinates."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo


@pytest.mark.parametrize("lat, lon", [(91, 3), (-90.5, 3), (51, 181), (51, -180.1),
                                      (math.nan, 3), (51, math.inf)])
def test_impossible_coordinates_are_refused(lat, lon):
    with pytest.raises(geo.InvalidCoordinates):
        geo.Point(lat, lon)


def test_non_numbers_are_refused():
    with pytest.raises(geo.InvalidCoordinates, match="lat"):
        geo.Point("51", 3.7)
    with pytest.raises(geo.InvalidCoordinates, match="lon"):
        geo.Point(51.0, True)


@given(st.floats(-90, 90), st.floats(-180, 180))
def test_every_possible_coordinate_makes_a_point(lat, lon):
    assert geo.Point(lat, lon).lat == lat


def test_swapped_coordinates_are_named_in_the_message():
    with pytest.raises(geo.OutsideBelgium, match="^location: .*look swapped"):
        geo.require_belgium(3.72, 51.05)


def test_foreign_coordinates_name_the_field():
    with pytest.raises(geo.OutsideBelgium, match="^workpost: .*outside Belgium"):
        geo.require_belgium(48.85, 2.35, field="workpost")  # Paris


def test_impossible_coordinates_in_require_belgium_name_the_field():
    with pytest.raises(geo.OutsideBelgium, match="^home: lat: 100"):
        geo.require_belgium(100, 4, field="home")
    with pytest.raises(geo.OutsideBelgium, match="^home:"):
        geo.require_belgium("north", 4, field="home")


def test_belgian_coordinates_pass_and_strings_are_read_as_numbers():
    assert geo.require_belgium(51.05, 3.72) == geo.Point(51.05, 3.72)
    assert geo.require_belgium("50.85", "4.35").in_belgium()
