"""From an address to a point: the postcode's centre by default, Nominatim when switched on.

Nominatim (OpenStreetMap) allows at most one request a second and needs a user agent; it is
off unless GEOCODER=nominatim, and every failure falls back to the postcode's centre, so an
address never fails to get a location because a remote service is down.
"""
import logging

from geo.gazetteer import postcode_centre
from geo.point import Point

log = logging.getLogger(__name__)


class Geocoder:
    def geocode(self, street: str | None, postcode: str) -> Point:
        raise NotImplementedError  # an interface: subclasses say how


class PostcodeGeocoder(Geocoder):
    def geocode(self, street: str | None, postcode: str) -> Point:
        place = postcode_centre(postcode)
        return Point(place.lat, place.lon)


class NominatimGeocoder(Geocoder):
    def __init__(self, user_agent: str, geolocator=None, min_delay_seconds: float = 1.0):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        self.geolocator = geolocator or Nominatim(user_agent=user_agent, timeout=5)
        # No retries: a person is waiting; the postcode centre is a fine answer meanwhile.
        self._geocode = RateLimiter(self.geolocator.geocode,
                                    min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)
        self.fallback = PostcodeGeocoder()

    def geocode(self, street: str | None, postcode: str) -> Point:
        fallback = self.fallback.geocode(street, postcode)
        if not street:
            return fallback
        from geopy.exc import GeopyError

        query = {"street": street, "postalcode": postcode, "country": "Belgium"}
        try:
            found = self._geocode(query)
        except GeopyError as error:
            log.warning("geocoder failed for postcode %s: %s", postcode, error)
            return fallback
        if found is None:
            return fallback
        point = Point(found.latitude, found.longitude)
        return point if point.in_belgium() else fallback


def make_geocoder(kind: str | None = None, user_agent: str = "werkpostwijzer") -> Geocoder:
    if kind in (None, "", "postcode"):
        return PostcodeGeocoder()
    if kind == "nominatim":
        return NominatimGeocoder(user_agent)
    raise ValueError(f"GEOCODER: unknown geocoder {kind!r} (postcode or nominatim)")
