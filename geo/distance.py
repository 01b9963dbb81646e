"""Distances in kilometres: geopy for single pairs, numpy haversine for many at once.

Both are great-circle distances on a sphere of geopy's mean Earth radius, so haversine_km
agrees with geopy's great_circle to far better than 0.5% (the test checks 0.5%); against the
ellipsoidal geodesic the sphere is off by at most about 0.5% anyway, which is nothing next
to the detour factors in geo.travel.
"""
import numpy as np
from geopy.distance import EARTH_RADIUS, great_circle

EARTH_RADIUS_KM = EARTH_RADIUS  # 6371.009 km, the radius great_circle uses


def _pair(location) -> tuple[float, float]:
    """(lat, lon) from a tuple or from anything with .lat and .lon (Point, Place)."""
    if hasattr(location, "lat"):
        return (location.lat, location.lon)
    lat, lon = location
    return (lat, lon)


def distance_km(a, b) -> float:
    """Great-circle distance between two (lat, lon) pairs, Points or Places."""
    return great_circle(_pair(a), _pair(b)).km


def haversine_km(lat: float, lon: float, lats, lons) -> np.ndarray:
    """Distances from one point to many (arrays of lats and lons), vectorised for the
    matcher's hot path."""
    lat1, lon1 = np.radians(lat), np.radians(lon)
    lat2 = np.radians(np.asarray(lats, dtype=float))
    lon2 = np.radians(np.asarray(lons, dtype=float))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
