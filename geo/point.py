"""A point on the map that refuses impossible and swapped coordinates."""
from dataclasses import dataclass

from geo.errors import InvalidCoordinates, OutsideBelgium

# Belgium's bounding box with a small margin.
LAT_RANGE = (49.4, 51.6)
LON_RANGE = (2.5, 6.5)


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float

    def __post_init__(self):
        if not -90 <= self.lat <= 90:
            raise InvalidCoordinates(f"lat: {self.lat} is not a latitude (-90 to 90)")
        if not -180 <= self.lon <= 180:
            raise InvalidCoordinates(f"lon: {self.lon} is not a longitude (-180 to 180)")

    def in_belgium(self) -> bool:
        return _inside(self.lat, self.lon)


def _inside(lat: float, lon: float) -> bool:
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def require_belgium(lat: float, lon: float, field: str = "location") -> Point:
    """A Point in Belgium, or an error that names the field and spots swapped lat/lon."""
    try:
        point = Point(float(lat), float(lon))
    except InvalidCoordinates as error:
        raise OutsideBelgium(f"{field}: {error}") from error
    if point.in_belgium():
        return point
    if _inside(lon, lat):
        raise OutsideBelgium(
            f"{field}: lat {lat} and lon {lon} look swapped (Belgium is at lat 49.4-51.6, "
            "lon 2.5-6.5)"
        )
    raise OutsideBelgium(f"{field}: ({lat}, {lon}) lies outside Belgium")
