"""Door-to-door travel time per mode, estimated from the straight-line distance.

A straight line is a rough proxy: roads and rails wind, buses wait. Each mode turns the
straight-line kilometres into road kilometres with a detour factor, divides by a typical
door-to-door speed, and adds a fixed overhead (walking to the stop and waiting, parking).
The figures are assumptions, shown to users as such:

- walk: 4.5 km/h, detour 1.3, no overhead
- bike: 14 km/h, detour 1.25, 2 min to take and park the bike
- public_transport: 20 km/h average including changes, detour 1.4, 12 min to walk to the
  stop and wait
- car: 35 km/h average in Flemish traffic, detour 1.3, 5 min to park
- driven (someone brings the person): like the car, 5 min to be dropped off
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


def _model(mode: str) -> dict:
    try:
        return ASSUMPTIONS[mode]
    except KeyError:
        raise ValueError(f"unknown travel mode {mode!r}; known: {', '.join(MODES)}") from None


def travel_minutes(km, mode: str):
    """Minutes for a straight-line distance; km may be a float or a numpy array."""
    model = _model(mode)
    minutes = np.asarray(km, dtype=float) * model["detour"] / model["speed_kmh"] * 60.0
    minutes = minutes + model["overhead_min"]
    return float(minutes) if np.ndim(minutes) == 0 else minutes


def fastest(km: float, modes) -> tuple[float, str]:
    """The quickest of the given modes for this distance: (minutes, mode)."""
    options = [(travel_minutes(km, mode), mode) for mode in modes]
    if not options:
        raise ValueError("no travel modes given")
    return min(options)
