"""Where a workpost lies: municipality, province and coordinates from its postcode (and, when
a street geocoder is configured, from its street address). Wraps the gazetteer in geo/."""
from dataclasses import dataclass

import geo
from web.labels import place_name


class PostcodeUnknown(LookupError):
    pass


class OutsideServiceArea(LookupError):
    """AMA is Flemish policy: workposts lie in Flanders or Brussels."""


@dataclass(frozen=True)
class Location:
    postcode: str
    municipality: str
    municipality_nis: str | None
    province: str
    lat: float
    lon: float


def locate(postcode: str) -> Location:
    try:
        place = geo.postcode_centre(postcode)
    except geo.GeoError as error:  # unknown or malformed postcode
        raise PostcodeUnknown(postcode) from error
    if place.province not in geo.SERVICE_PROVINCES:
        raise OutsideServiceArea(postcode)
    return Location(postcode=place.postcode, municipality=place.municipality,
                    municipality_nis=place.municipality_nis, province=place.province,
                    lat=place.lat, lon=place.lon)


def province_name(code: str) -> str:
    """The province's name in the visitor's language (the code itself if unknown)."""
    for province in geo.provinces():
        if province.code == code:
            return place_name(province)
    return code


def refine_with_street(location: Location, street: str | None, geocoder) -> Location:
    """Coordinates of the street address when the configured geocoder finds them (geo falls
    back to the postcode centre by itself, which is close enough for travel estimates)."""
    if geocoder is None or not street:
        return location
    point = geocoder.geocode(street, location.postcode)
    return Location(location.postcode, location.municipality, location.municipality_nis,
                    location.province, point.lat, point.lon)
