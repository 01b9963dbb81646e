"""From an address to a point: the postcode's centre by default, Nominatim when switched on.

Nominatim (OpenStreetMap) allows at most one request a second and asks for an identifying
user agent; it is off unless configured (GEOCODER=nominatim), and every failure falls back to
the postcode's centre, so an address never goes without a location because a remote service
is down. The centre is close enough for travel estimates from a straight-line distance.
"""
import logging

from geo.errors import GeoError
from geo.gazetteer import postcode_centre
from geo.point import Point

log = logging.getLogger(__name__)


class Geocoder:
    """The interface: geocode(street, postcode) -> Point, or None when nothing is known."""

    def geocode(self, street: str | None, postcode: str) -> Point | None:
        raise NotImplementedError


class PostcodeGeocoder(Geocoder):
    """The postcode's centre; raises UnknownPostcode for a postcode that does not exist."""

    def geocode(self, street: str | None, postcode: str) -> Point | None:
        place = postcode_centre(postcode)
        return Point(place.lat, place.lon)


class NominatimGeocoder(Geocoder):
    """Street addresses through geopy's Nominatim, at most one request a second.
    `geolocator` lets tests pass a fake so they never touch the network."""

    def __init__(self, user_agent: str, geolocator=None, min_delay_seconds: float = 1.0):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        if geolocator is None:
            if not user_agent:
                raise ValueError("GEOCODER_USER_AGENT: Nominatim needs a user agent")
            geolocator = Nominatim(user_agent=user_agent, timeout=5)
        self.geolocator = geolocator
        # No retries: a person is waiting, and the postcode centre is a fine answer meanwhile.
        self._geocode = RateLimiter(geolocator.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self.fallback = PostcodeGeocoder()

    def geocode(self, street: str | None, postcode: str) -> Point | None:
        fallback = self.fallback.geocode(street, postcode)  # also checks the postcode
        if not street:
            return fallback
        from geopy.exc import GeopyError

        query = {"street": street, "postalcode": str(postcode), "country": "Belgium"}
        try:
            found = self._geocode(query)
            point = None if found is None else Point(found.latitude, found.longitude)
        except (GeopyError, GeoError) as error:
            log.warning("geocoding failed for postcode %s, using its centre: %s", postcode, error)
            return fallback
        if point is None:
            return fallback
        if not point.in_belgium():
            log.warning("geocoder placed an address of %s outside Belgium; using its centre",
                        postcode)
            return fallback
        return point


def make_geocoder(kind: str | None = None, user_agent: str = "werkpostwijzer") -> Geocoder:
    """'postcode' (the default) or 'nominatim'."""
    if kind in (None, "", "postcode"):
        return PostcodeGeocoder()
    if kind == "nominatim":
        return NominatimGeocoder(user_agent)
    raise ValueError(f"GEOCODER: unknown geocoder {kind!r} (postcode or nominatim)")
