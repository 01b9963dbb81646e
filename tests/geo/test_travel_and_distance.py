import numpy as np
import pytest
from geopy.distance import great_circle

import geo


def test_vectorised_haversine_agrees_with_geopy():
    lats = np.array([51.05, 50.85, 51.22, 50.93])
    lons = np.array([3.72, 4.35, 4.40, 5.34])
    fast = geo.haversine_km(51.0, 3.9, lats, lons)
    for i, (lat, lon) in enumerate(zip(lats, lons)):
        exact = great_circle((51.0, 3.9), (lat, lon)).km
        assert fast[i] == pytest.approx(exact, rel=0.005)


def test_distance_between_gent_and_brussels_is_about_50_km():
    gent, brussel = geo.postcode_centre("9000"), geo.postcode_centre("1000")
    assert 45 < geo.distance_km((gent.lat, gent.lon), (brussel.lat, brussel.lon)) < 55


@pytest.mark.parametrize("mode", geo.MODES)
def test_travel_time_grows_with_distance(mode):
    minutes = [geo.travel_minutes(km, mode) for km in (0, 1, 5, 20)]
    assert minutes == sorted(minutes) and minutes[0] < minutes[-1]


@pytest.mark.parametrize("mode", geo.MODES)
def test_vectorised_travel_time_equals_the_scalar_one(mode):
    kms = np.array([0.5, 3.0, 12.0])
    assert np.allclose(geo.travel_minutes(kms, mode), [geo.travel_minutes(k, mode) for k in kms])


def test_bike_beats_walking_beyond_a_few_hundred_metres():
    assert geo.fastest(3.0, ["walk", "bike"])[1] == "bike"


def test_unknown_mode_is_named_in_the_error():
    with pytest.raises(ValueError, match="boat"):
        geo.travel_minutes(1.0, "boat")


def test_swapped_coordinates_are_recognised():
    with pytest.raises(geo.OutsideBelgium, match="location.*swapped"):
        geo.require_belgium(3.72, 51.05)
    with pytest.raises(geo.OutsideBelgium, match="workpost: .*outside Belgium"):
        geo.require_belgium(48.85, 2.35, field="workpost")
    assert geo.require_belgium(51.05, 3.72).in_belgium()


def test_impossible_coordinates_are_refused():
    with pytest.raises(geo.InvalidCoordinates):
        geo.Point(91, 3)
    with pytest.raises(geo.InvalidCoordinates):
        geo.Point(51, 181)
