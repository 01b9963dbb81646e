"""Rules every workpost lives by, whoever edits it (the sign-up wizard, the manage link, an
organisation's own internal workpost form). Each rule is here once; forms and services ask.
"""

TRANSPORT = "transport_provided"
RADIUS_RANGE_KM = (1, 100)


def needs_transport_radius(offers, radius_km) -> bool:
    """A workpost that brings people states how far it goes (the matcher treats one without
    a radius as reachable only within the person's own limits)."""
    return TRANSPORT in (offers or ()) and radius_km is None


def transport_radius(offers, radius_km) -> float | None:
    """The radius to store: only where the workpost offers transport."""
    return radius_km if TRANSPORT in (offers or ()) else None
