"""A participant compiled once into what vectorised ranking needs: bitmasks, limits, reach."""
import math
from dataclasses import dataclass

import numpy as np

import geo
from matcher import codes
from matcher.columns import mask

# Where a participant gives no time limit, closeness is judged against this many minutes
# (a typical AMA commute; people rarely travel longer for a few half-days a week).
DEFAULT_LIMIT_MINUTES = 45.0


@dataclass(frozen=True)
class Query:
    lat: float
    lon: float
    modes: tuple[str, ...]       # in geo.MODES order, so ties pick the same mode every time
    max_minutes: float | None
    max_km: float | None
    reach_km: float              # the farthest straight line any mode allows (inf: no limit)
    limit_minutes: float         # the yardstick for closeness
    interests: int
    avoid: int
    needs: int
    wishes: int
    availability: int
    hours: float | None
    text: np.ndarray | None      # dense unit vector over hashed n-grams; None without text
    interests_text: str = ""


def _affine(mode: str) -> tuple[float, float]:
    """travel_minutes is affine in km for every mode: minutes = slope * km + overhead."""
    overhead = float(geo.travel_minutes(0.0, mode))
    return float(geo.travel_minutes(1.0, mode)) - overhead, overhead


def reach_km(modes, max_minutes, max_km) -> float:
    """The longest straight line the participant may travel by any of their modes."""
    best = 0.0
    for mode in modes:
        km = math.inf if max_minutes is None else \
            max(0.0, (max_minutes - _affine(mode)[1]) / _affine(mode)[0])
        best = max(best, km if max_km is None else min(km, max_km))
    return best


def _limit_minutes(modes, max_minutes, max_km) -> float:
    if max_minutes is not None:
        return max(float(max_minutes), 1.0)
    if max_km is not None and modes:
        return max(1.0, min(float(geo.travel_minutes(max_km, m)) for m in modes))
    return DEFAULT_LIMIT_MINUTES


def compile_query(participant, text_features=None) -> Query:
    travel = participant.travel
    modes = tuple(m for m in codes.MODES if m in travel.modes)
    text = participant.interests_text.strip()
    vector = text_features.query(text) if text and text_features is not None else None
    return Query(
        lat=participant.location.lat, lon=participant.location.lon, modes=modes,
        max_minutes=travel.max_minutes, max_km=travel.max_km,
        reach_km=reach_km(modes, travel.max_minutes, travel.max_km),
        limit_minutes=_limit_minutes(modes, travel.max_minutes, travel.max_km),
        interests=mask(participant.interests, codes.ACTIVITIES),
        avoid=mask(participant.avoid, codes.ACTIVITIES),
        needs=mask(participant.needs, codes.SUPPORTS),
        wishes=mask(participant.wishes, codes.SUPPORTS),
        availability=mask(participant.availability, codes.SLOTS),
        hours=participant.hours_per_week,
        text=vector if vector is not None and vector.any() else None,
        interests_text=text,
    )
