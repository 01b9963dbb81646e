"""Where a workpost's street address appears: one rule for every page, export and API.

What the sign-up wizard promises: a business that does not tick "show my street" is seen by
supervisors with its postcode and municipality only, until their organisation has made
contact (a placement of theirs has reached "contacted" or a later step; then they need the
address to go there). The public directory shows a street only where it was made public.
An organisation always sees the street of its own internal workposts.
"""
from sqlalchemy import select

from web.extensions import db
from web.models import Placement, Workpost

# Steps at which the supervisor's organisation is in touch with the workpost.
CONTACT_STEPS = ("contacted", "meeting", "trial", "agreement", "active", "paused")


def public_street(workpost: Workpost) -> str | None:
    return workpost.street if workpost.address_public and workpost.street else None


def in_contact(workpost_id: int, organisation_id: int) -> bool:
    return db.session.scalar(select(Placement.id).where(
        Placement.workpost_id == workpost_id, Placement.organisation_id == organisation_id,
        Placement.status.in_(CONTACT_STEPS)).limit(1)) is not None


def street_for(workpost: Workpost, organisation_id: int | None) -> str | None:
    """The street a supervisor of this organisation may see, or None (municipality only)."""
    if not workpost.street:
        return None
    if workpost.address_public:
        return workpost.street
    if organisation_id is not None and workpost.organisation_id == organisation_id:
        return workpost.street
    if organisation_id is not None and in_contact(workpost.id, organisation_id):
        return workpost.street
    return None


def address_line(workpost: Workpost, organisation_id: int | None) -> str:
    """'Kerkstraat 3, 9300 Aalst' or '9300 Aalst'."""
    street = street_for(workpost, organisation_id)
    place = f"{workpost.postcode} {workpost.municipality}"
    return f"{street}, {place}" if street else place
