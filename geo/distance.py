"""Distances in kilometres: geopy for single pairs, numpy haversine for many at once."""
import numpy as np
from geopy.distance import great_circle

EARTH_RADIUS_KM = 6371.009  # the mean radius geopy's great_circle uses


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) pairs."""
    return great_circle(a, b).km


def haversine_km(lat: float, lon: float, lats, lons) -> np.ndarray:
    """Distances from one point to many; agrees with geopy's great_circle (same formula and
    radius) to well within 0.5%."""
    lat1, lon1 = np.radians(lat), np.radians(lon)
    lat2, lon2 = np.radians(np.asarray(lats, dtype=float)), np.radians(np.asarray(lons, dtype=float))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
