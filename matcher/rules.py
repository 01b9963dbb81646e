"""The contract's five suitability rules, vectorised over candidate workposts.

One implementation serves both the index (arrays of thousands) and `failed_rules` (one
workpost, for tests and for telling a coordinator why a workpost is missing).

1. an open place; 2. reachable by one of the participant's modes within max_minutes and
max_km (each only where given), or the workpost offers transport within its own radius
(a workpost that states no radius brings people only within their own limits);
3. every need offered; 4. a shared half-day where both give slots; 5. not every activity
avoided (a workpost without activities has nothing to avoid).
"""
from types import SimpleNamespace

import numpy as np

import geo
from matcher.columns import TRANSPORT_BIT, mask
from matcher import codes

PICKUP = -1  # mode index meaning "the workpost's own transport brings them"


def open_place(c) -> np.ndarray:
    return c.open > 0


def reachable(q, km: np.ndarray, c):
    """(ok, minutes, mode index into q.modes or PICKUP) for each candidate."""
    minutes = np.full(len(km), np.inf)
    mode = np.full(len(km), PICKUP, dtype=np.int8)
    within_km = km <= q.max_km if q.max_km is not None else np.ones(len(km), dtype=bool)
    for i, name in enumerate(q.modes):
        own = geo.travel_minutes(km, name)
        ok = within_km & (own <= q.max_minutes if q.max_minutes is not None else True)
        better = ok & (own < minutes)
        minutes = np.where(better, own, minutes)
        mode[better] = i
    by_self = mode != PICKUP
    driven = geo.travel_minutes(km, "driven")
    # radius NaN: the workpost did not say how far it drives, so only within the person's limits
    within_own = within_person_limits(q, km, driven)
    in_radius = np.where(np.isnan(c.radius), within_own, km <= np.nan_to_num(c.radius))
    pickup = ((c.offers & TRANSPORT_BIT) != 0) & in_radius
    minutes = np.where(by_self, minutes, driven)
    return by_self | pickup, minutes, mode


def within_person_limits(q, km, minutes) -> np.ndarray:
    """The trip stays within the person's own max_km and max_minutes (each where given)."""
    ok = km <= q.max_km if q.max_km is not None else np.ones(len(km), dtype=bool)
    if q.max_minutes is not None:
        ok = ok & (minutes <= q.max_minutes)
    return ok


def needs_met(q, c) -> np.ndarray:
    return (c.offers & q.needs) == q.needs


def shared_slot(q, c) -> np.ndarray:
    if q.availability == 0:
        return np.ones(len(c.schedule), dtype=bool)
    return (c.schedule == 0) | ((c.schedule & q.availability) != 0)


def not_all_avoided(q, c) -> np.ndarray:
    return (c.activities == 0) | ((c.activities & ~np.uint32(q.avoid)) != 0)


def cheap_rules(q, c) -> np.ndarray:
    """Rules 1, 3, 4, 5: bit tests only, applied before any distance is computed."""
    return open_place(c) & needs_met(q, c) & shared_slot(q, c) & not_all_avoided(q, c)


def _one(workpost) -> SimpleNamespace:
    arr = lambda v, dtype: np.array([v], dtype=dtype)  # noqa: E731
    radius = np.nan if workpost.service_radius_km is None else workpost.service_radius_km
    return SimpleNamespace(
        open=arr(workpost.open_places, np.int32),
        activities=arr(mask(workpost.activities, codes.ACTIVITIES), np.uint32),
        offers=arr(mask(workpost.offers, codes.SUPPORTS), np.uint32),
        schedule=arr(mask(workpost.schedule, codes.SLOTS), np.uint32),
        radius=arr(radius, np.float32))


def distance_km(q, lats, lons) -> np.ndarray:
    return geo.haversine_km(q.lat, q.lon, lats, lons)


def failed_rules(participant, workpost) -> list[int]:
    """The numbers (1-5) of the contract's rules this pair breaks; [] means suitable."""
    from matcher.query import compile_query

    q, c = compile_query(participant), _one(workpost)
    km = distance_km(q, np.array([workpost.location.lat]), np.array([workpost.location.lon]))
    checks = (open_place(c), reachable(q, km, c)[0], needs_met(q, c), shared_slot(q, c),
              not_all_avoided(q, c))
    return [number for number, ok in enumerate(checks, start=1) if not bool(ok[0])]


def is_suitable(participant, workpost) -> bool:
    return not failed_rules(participant, workpost)
