"""Real Flemish and Brussels postcodes to put demo records at."""
import random
from functools import cache

import geo

from seed.distributions import POPULATION, weighted


@cache
def _postcodes(province: str) -> tuple[str, ...]:
    return tuple(geo.postcodes(province))


def postcode_in(rng: random.Random, province: str) -> str:
    return rng.choice(_postcodes(province))


def populated_postcode(rng: random.Random) -> str:
    return postcode_in(rng, weighted(rng, POPULATION))


def located(rng: random.Random, postcode: str, jitter_km: float = 1.0) -> dict:
    """Address fields of a postcode, with a small jitter so markers do not stack."""
    place = geo.postcode_centre(postcode)
    dlat = rng.uniform(-jitter_km, jitter_km) / 111.0
    dlon = rng.uniform(-jitter_km, jitter_km) / 70.0
    return {"postcode": postcode, "municipality": place.municipality,
            "municipality_nis": place.municipality_nis, "province": place.province,
            "lat": round(place.lat + dlat, 6), "lon": round(place.lon + dlon, 6)}


def nearby_postcode(rng: random.Random, province: str, lat: float, lon: float,
                    within_km: float = 15.0) -> str:
    candidates = [pc for pc in _postcodes(province)
                  if geo.distance_km((lat, lon), _centre(pc)) <= within_km]
    return rng.choice(candidates or list(_postcodes(province)))


@cache
def _centre(postcode: str) -> tuple[float, float]:
    place = geo.postcode_centre(postcode)
    return (place.lat, place.lon)
