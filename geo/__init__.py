"""Belgian geography for Werkpostwijzer: postcodes, places, distances, travel times.

Never imports flask or the web app; the matcher, the seed data and the web app all use it.
"""
from geo.distance import distance_km, haversine_km
from geo.errors import GeoError, InvalidCoordinates, OutsideBelgium, UnknownPostcode
from geo.gazetteer import (
    FLEMISH_PROVINCES, PROVINCES, SERVICE_PROVINCES, Place, Province, fold, lookup_postcode,
    municipalities, nearest_place, postcode_centre, postcodes, province, province_of,
    provinces, search_places,
)
from geo.geocoder import Geocoder, NominatimGeocoder, PostcodeGeocoder, make_geocoder
from geo.point import Point, require_belgium
from geo.resolve import Resolution, choice_label, resolve_place
from geo.travel import ASSUMPTIONS, CAVEAT, MODES, fastest, travel_minutes

__all__ = [
    "ASSUMPTIONS", "CAVEAT", "FLEMISH_PROVINCES", "GeoError", "Geocoder", "InvalidCoordinates",
    "MODES", "NominatimGeocoder", "OutsideBelgium", "PROVINCES", "Place", "Point",
    "PostcodeGeocoder", "Province", "Resolution", "choice_label", "resolve_place", "SERVICE_PROVINCES", "UnknownPostcode", "distance_km",
    "fastest", "fold", "haversine_km", "lookup_postcode", "make_geocoder", "municipalities",
    "nearest_place", "postcode_centre", "postcodes", "province", "province_of", "provinces",
    "require_belgium", "search_places", "travel_minutes",
]
