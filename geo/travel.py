"""Door-to-door travel time per mode, estimated from the straight-line distance.

A straight line is a rough proxy: roads and rails wind, buses run on timetables, a canal
may have one bridge. Each mode turns the straight-line kilometres into travelled kilometres
with a detour factor, divides by a typical door-to-door speed, and adds a fixed overhead:

    minutes = km * detour / speed_kmh * 60 + overhead_min

The figures are assumptions, to be shown to users as estimates:

- walk: 4.5 km/h, detour 1.3, no overhead
- bike: 14 km/h, detour 1.25, 2 min to take and park the bike
- public_transport: 20 km/h effective, including changes; detour 1.4; 12 min to walk to
  the stop and wait
- car: 35 km/h average in Flemish traffic, detour 1.3, 5 min to park
- driven (someone else drives the person): like the car, but instead of parking 5 min to be
  picked up and dropped off
"""
import numpy as np

MODES = ("walk", "bike", "public_transport", "car", "driven")

ASSUMPTIONS = {
    "walk": {"speed_kmh": 4.5, "detour": 1.3, "overhead_min": 0.0},
    "bike": {"speed_kmh": 14.0, "detour": 1.25, "overhead_min": 2.0},
    "public_transport": {"speed_kmh": 20.0, "detour": 1.4, "overhead_min": 12.0},
    "car": {"speed_kmh": 35.0, "detour": 1.3, "overhead_min": 5.0},
    "driven": {"speed_kmh": 35.0, "detour": 1.3, "overhead_min": 5.0},
}

CAVEAT = ("Estimated from the straight-line distance with a detour factor per mode; "
          "real journeys can take longer.")


def _model(mode: str) -> dict:
    try:
        return ASSUMPTIONS[mode]
    except (KeyError, TypeError):
        raise ValueError(f"unknown travel mode {mode!r}; known: {', '.join(MODES)}") from None


def travel_minutes(km, mode: str):
    """Estimated minutes for a straight-line distance in km: a float for a number, an
    array for an array (vectorised for the matcher)."""
    model = _model(mode)
    km = np.asarray(km, dtype=float)
    if not np.all(km >= 0):  # also catches NaN
        raise ValueError("km: distances must be numbers of at least 0")
    minutes = km * (model["detour"] / model["speed_kmh"] * 60.0) + model["overhead_min"]
    return float(minutes) if minutes.ndim == 0 else minutes


def fastest(km: float, modes) -> tuple[float, str]:
    """The quickest of the given modes for this distance: (minutes, mode); ties go to the
    mode that comes first in MODES, so the answer never depends on the order asked."""
    options = [(travel_minutes(km, mode), MODES.index(mode), mode) for mode in modes]
    if not options:
        raise ValueError("modes: no travel modes given")
    minutes, _, mode = min(options)
    return minutes, mode
