"""A point on the map that refuses impossible coordinates, and a check for Belgian ones
that spots the commonest mistake: latitude and longitude swapped."""
from dataclasses import dataclass
from numbers import Real

from geo.errors import InvalidCoordinates, OutsideBelgium

# Belgium's bounding box with a small margin (it spans lat 49.50-51.51, lon 2.54-6.41).
LAT_RANGE = (49.4, 51.6)
LON_RANGE = (2.5, 6.5)


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float

    def __post_init__(self):
        for name, value, limit in (("lat", self.lat, 90), ("lon", self.lon, 180)):
            if isinstance(value, bool) or not isinstance(value, Real):
                raise InvalidCoordinates(f"{name}: {value!r} is not a number")
            if not -limit <= value <= limit:  # also false for NaN
                kind = "latitude" if name == "lat" else "longitude"
                raise InvalidCoordinates(f"{name}: {value} is not a {kind} (-{limit} to {limit})")

    def in_belgium(self) -> bool:
        return _inside(self.lat, self.lon)


def _inside(lat: float, lon: float) -> bool:
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def require_belgium(lat, lon, field: str = "location") -> Point:
    """A Point in Belgium, or OutsideBelgium with a message that starts with the field's name
    and says so when lat and lon look swapped."""
    try:
        point = Point(float(lat), float(lon))
    except (TypeError, ValueError) as error:  # InvalidCoordinates is a ValueError too
        raise OutsideBelgium(f"{field}: {error}") from error
    if point.in_belgium():
        return point
    if _inside(point.lon, point.lat):
        raise OutsideBelgium(
            f"{field}: lat {lat} and lon {lon} look swapped (Belgium is at lat 49.4-51.6, "
            "lon 2.5-6.5)"
        )
    raise OutsideBelgium(f"{field}: ({lat}, {lon}) lies outside Belgium "
                         "(lat 49.4-51.6, lon 2.5-6.5)")
