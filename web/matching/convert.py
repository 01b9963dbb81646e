"""ORM rows to the matcher's dataclasses (the matcher knows no database)."""
import logging

from matcher import MatcherError
from matcher.model import Location, Participant as MatchParticipant, Travel
from matcher.model import Workpost as MatchWorkpost
from web.models import Participant, Workpost

logger = logging.getLogger(__name__)


def to_matcher_participant(person: Participant) -> MatchParticipant:
    return MatchParticipant(
        id=person.id, location=Location(lat=person.lat, lon=person.lon, postcode=person.postcode),
        travel=Travel(modes=tuple(person.travel_modes or ()), max_minutes=person.max_minutes,
                      max_km=person.max_km),
        interests=tuple(person.interests or ()), interests_text=person.interests_text or "",
        avoid=tuple(person.avoid or ()), needs=tuple(person.needs or ()),
        wishes=tuple(person.wishes or ()), availability=tuple(person.availability or ()),
        hours_per_week=person.hours_per_week)


def to_matcher_workpost(post: Workpost) -> MatchWorkpost:
    return MatchWorkpost(
        id=post.id, location=Location(lat=post.lat, lon=post.lon, postcode=post.postcode),
        name=post.name, activities=tuple(post.activities or ()), description=post.description or "",
        tasks=post.tasks or "", offers=tuple(post.offers or ()),
        schedule=tuple(post.schedule or ()),
        capacity=max(post.capacity, post.open_places), open_places=post.open_places,
        internal=post.internal, service_radius_km=post.transport_radius_km)


def convertible(posts):
    """(row, matcher workpost) for the rows the matcher accepts; a row it refuses (say,
    coordinates outside Belgium) is logged and left out, so one bad record cannot stop
    every search."""
    for post in posts:
        try:
            yield post, to_matcher_workpost(post)
        except MatcherError as error:
            logger.error("workpost %s left out of matching: %s", post.id, error)
