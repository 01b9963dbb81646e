"""A participant compiled once into what vectorised ranking needs: bitmasks, limits, reach."""
import math
from dataclasses import dataclass

import numpy as np

import geo
from matcher import codes, words
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
    # Read from the person's own words (matcher.words), weaker than codes a supervisor chose
    # and never a code already given: soft interests, things to avoid, soft wishes.
    soft_interests: int = 0
    soft_strength: tuple = ()    # (bit, strength in (0, 1]) per soft interest: the best is 1
    soft_avoid: int = 0
    soft_wishes: int = 0
    reading: words.Reading = words.Reading()


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


def _strengths(reading, soft: int) -> tuple:
    """How strongly the words point to each soft interest, relative to the strongest one:
    "poetsvrouw in een school" is mostly cleaning, a little school."""
    cues = [c for c in reading.interests if soft & mask([c.code], codes.ACTIVITIES)]
    best = max((c.weight for c in cues), default=1.0)
    return tuple((mask([c.code], codes.ACTIVITIES), c.weight / best) for c in cues)


def compile_query(participant, text_features=None) -> Query:
    travel = participant.travel
    modes = tuple(m for m in codes.MODES if m in travel.modes)
    text = participant.interests_text.strip()
    reading = words.read(text) if text else words.Reading()
    # What the person does not want is no interest: only the other clauses are compared.
    wanted = words.without_negations(text) if text else ""
    vector = text_features.query(wanted) if wanted and text_features is not None else None
    interests = mask(participant.interests, codes.ACTIVITIES)
    avoid = mask(participant.avoid, codes.ACTIVITIES)
    wishes = mask(participant.wishes, codes.SUPPORTS) | mask(participant.needs, codes.SUPPORTS)
    soft_interests = mask(reading.codes("interests"), codes.ACTIVITIES) & ~interests & ~avoid
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
        soft_interests=soft_interests,
        soft_strength=_strengths(reading, soft_interests),
        soft_avoid=mask(reading.codes("avoid"), codes.ACTIVITIES) & ~avoid & ~interests
        & ~soft_interests,
        soft_wishes=mask(reading.codes("wishes"), codes.SUPPORTS) & ~wishes,
        reading=reading,
    )
