"""Rules every workpost lives by, whoever edits it (the sign-up wizard, the manage link, an
organisation's own internal workpost form). Each rule is here once; forms and services ask.
"""
from sqlalchemy import func, select

from web.extensions import db
from web.models import Placement

TRANSPORT = "transport_provided"
RADIUS_RANGE_KM = (1, 100)


def needs_transport_radius(offers, radius_km) -> bool:
    """A workpost that brings people states how far it goes (the matcher treats one without
    a radius as reachable only within the person's own limits)."""
    return TRANSPORT in (offers or ()) and radius_km is None


def transport_radius(offers, radius_km) -> float | None:
    """The radius to store: only where the workpost offers transport."""
    return radius_km if TRANSPORT in (offers or ()) else None


# --- open places ---------------------------------------------------------------------------
# Open places follow from the capacity minus the places held by placements (agreement,
# active, paused). The business may lower them (a place kept free for now), never raise them
# above that; a workpost that is not published shows no open place (Workpost.open_now).

def places_taken(workpost_id: int) -> int:
    with db.session.no_autoflush:  # asked mid-edit, before the new numbers are consistent
        return db.session.scalar(select(func.count(Placement.id)).where(
            Placement.workpost_id == workpost_id, Placement.holds_place.is_(True))) or 0


def most_open_places(workpost) -> int:
    """The most open places the workpost can have now."""
    taken = places_taken(workpost.id) if workpost.id is not None else 0
    return max(0, (workpost.capacity or 0) - taken)
