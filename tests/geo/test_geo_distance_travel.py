"""distance_km, haversine_km and the travel-time model."""
import numpy as np
import pytest
from geopy.distance import great_circle
from hypothesis import given
from hypothesis import strategies as st

import geo

belgian_lat = st.floats(49.5, 51.5)
belgian_lon = st.floats(2.5, 6.4)


@given(belgian_lat, belgian_lon, st.lists(st.tuples(belgian_lat, belgian_lon), min_size=1,
                                          max_size=20))
def test_vectorised_haversine_agrees_with_geopy_within_half_a_percent(lat, lon, others):
    lats, lons = np.array(others).T
    fast = geo.haversine_km(lat, lon, lats, lons)
    for km, other in zip(fast, others):
        assert km == pytest.approx(great_circle((lat, lon), other).km, rel=0.005, abs=1e-6)


def test_distance_between_gent_and_brussels_is_about_50_km():
    assert 45 < geo.distance_km(geo.postcode_centre("9000"), geo.postcode_centre("1000")) < 55


def test_distance_takes_tuples_and_points_alike():
    assert geo.distance_km((51.0, 3.7), (50.9, 4.4)) == geo.distance_km(
        geo.Point(51.0, 3.7), geo.Point(50.9, 4.4))


@pytest.mark.parametrize("mode", geo.MODES)
@given(a=st.floats(0, 300), b=st.floats(0, 300))
def test_travel_time_never_falls_as_distance_grows(mode, a, b):
    low, high = sorted((a, b))
    assert geo.travel_minutes(low, mode) <= geo.travel_minutes(high, mode)


@pytest.mark.parametrize("mode", geo.MODES)
def test_vectorised_travel_time_equals_the_scalar_one(mode):
    kms = np.array([0.0, 0.5, 3.0, 12.0, 80.0])
    vector = geo.travel_minutes(kms, mode)
    assert isinstance(vector, np.ndarray) and vector.shape == kms.shape
    assert np.allclose(vector, [geo.travel_minutes(float(k), mode) for k in kms])
    assert isinstance(geo.travel_minutes(3.0, mode), float)


def test_travel_time_follows_the_stated_assumptions():
    for mode, a in geo.ASSUMPTIONS.items():
        expected = 10 * a["detour"] / a["speed_kmh"] * 60 + a["overhead_min"]
        assert geo.travel_minutes(10, mode) == pytest.approx(expected)
    assert set(geo.ASSUMPTIONS) == set(geo.MODES)


def test_a_short_trip_is_quicker_by_bike_and_a_long_one_by_car():
    assert geo.fastest(3.0, ["walk", "bike", "public_transport"])[1] == "bike"
    assert geo.fastest(30.0, ["bike", "car"])[1] == "car"
    assert geo.fastest(0.1, ["bike", "walk"])[1] == "walk"  # 2 min to fetch the bike


def test_fastest_breaks_ties_in_modes_order_whatever_order_is_asked():
    assert geo.fastest(10.0, ["driven", "car"]) == geo.fastest(10.0, ["car", "driven"])
    assert geo.fastest(10.0, ["driven", "car"])[1] == "car"


def test_unknown_mode_is_named_in_the_error():
    with pytest.raises(ValueError, match="'boat'"):
        geo.travel_minutes(1.0, "boat")
    with pytest.raises(ValueError, match="'boat'"):
        geo.fastest(1.0, ["bike", "boat"])
    with pytest.raises(ValueError, match="no travel modes"):
        geo.fastest(1.0, [])


def test_negative_or_missing_distances_are_refused():
    with pytest.raises(ValueError, match="km"):
        geo.travel_minutes(-1.0, "bike")
    with pytest.raises(ValueError, match="km"):
        geo.travel_minutes(np.array([1.0, np.nan]), "bike")
