"""The matcher's plain dataclasses, validated on construction.

Every error is a MatcherError whose field is the path inside the object (`location.lat`,
`travel.modes[1]`); the JSON reader prefixes `participant.` or `workposts[3].`.
"""
import math
from dataclasses import dataclass, field

import geo
from matcher import codes
from matcher.errors import MatcherError

Id = str | int


def _number(value, name: str, *, allow_none: bool = True, upper: float | None = None):
    """A finite, non-negative number (bools are not numbers here), or None where allowed."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise MatcherError(name, f"must be a number, not {value!r}")
    if value < 0:
        raise MatcherError(name, f"must not be negative ({value})")
    if upper is not None and value > upper:
        raise MatcherError(name, f"must be at most {upper} ({value})")
    return value


def _count(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise MatcherError(name, f"must be a whole number, not {value!r}")
    return int(_number(value, name, allow_none=False))


def _text(value, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MatcherError(name, f"must be text, not {value!r}")
    return value


def _id(value, name: str = "id") -> Id:
    # The web app uses integer ids, the contract strings like "W-204"; both are kept as given.
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise MatcherError(name, f"must be a non-empty string or an integer, not {value!r}")
    return value


def _nested(value, kind, name: str):
    """Accept the dataclass itself or its dict form, so callers may pass parsed JSON."""
    if isinstance(value, kind):
        return value
    if isinstance(value, dict):
        try:
            return kind(**value)
        except MatcherError as error:
            raise error.within(name) from None
        except TypeError as error:
            raise MatcherError(name, str(error).split(".", 1)[-1].strip()) from None
    raise MatcherError(name, f"must be an object, not {value!r}")


@dataclass(frozen=True, slots=True)
class Location:
    """A point in Belgium: lat/lon, a postcode, or both (coordinates win)."""
    lat: float | None = None
    lon: float | None = None
    postcode: str | None = None

    def __post_init__(self):
        if self.lat is None and self.lon is None:
            self._from_postcode()
            return
        for name in ("lat", "lon"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                raise MatcherError(name, f"must be a number, not {value!r}")
        if not -90 <= self.lat <= 90:
            raise MatcherError("lat", f"{self.lat} is not a latitude (-90 to 90)")
        try:
            geo.require_belgium(self.lat, self.lon, field="")
        except geo.OutsideBelgium as error:
            raise MatcherError("lat", str(error).lstrip(": ")) from None

    def _from_postcode(self):
        if self.postcode is None:
            raise MatcherError("", "needs lat and lon, or a postcode")
        try:
            place = geo.postcode_centre(str(self.postcode))
        except geo.UnknownPostcode as error:
            raise MatcherError("postcode", str(error).split(": ", 1)[-1]) from None
        object.__setattr__(self, "lat", place.lat)
        object.__setattr__(self, "lon", place.lon)


@dataclass(frozen=True, slots=True)
class Travel:
    """How a participant can travel and how far they want to (each limit only where given)."""
    modes: tuple[str, ...] = ()
    max_minutes: float | None = None
    max_km: float | None = None

    def __post_init__(self):
        object.__setattr__(self, "modes",
                           codes.check_codes(self.modes, codes.MODES, "modes", "travel mode"))
        _number(self.max_minutes, "max_minutes")
        _number(self.max_km, "max_km")


@dataclass(frozen=True, slots=True)
class Participant:
    id: Id
    location: Location
    travel: Travel = field(default_factory=Travel)
    interests: tuple[str, ...] = ()
    interests_text: str = ""
    avoid: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    wishes: tuple[str, ...] = ()
    availability: tuple[str, ...] = ()
    hours_per_week: float | None = None

    def __post_init__(self):
        _id(self.id)
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        set_("location", _nested(self.location, Location, "location"))
        set_("travel", _nested(self.travel or {}, Travel, "travel"))
        for name, allowed, kind in (("interests", codes.ACTIVITIES, "activity"),
                                    ("avoid", codes.ACTIVITIES, "activity"),
                                    ("needs", codes.SUPPORTS, "support code"),
                                    ("wishes", codes.SUPPORTS, "support code"),
                                    ("availability", codes.SLOTS, "half-day slot")):
            set_(name, codes.check_codes(getattr(self, name), allowed, name, kind))
        set_("interests_text", _text(self.interests_text, "interests_text"))
        _number(self.hours_per_week, "hours_per_week", upper=168)


@dataclass(frozen=True, slots=True)
class Workpost:
    id: Id
    location: Location
    name: str = ""
    activities: tuple[str, ...] = ()
    description: str = ""
    tasks: str = ""
    offers: tuple[str, ...] = ()
    schedule: tuple[str, ...] = ()
    capacity: int = 1
    open_places: int | None = None
    internal: bool = False
    service_radius_km: float | None = None  # how far its own transport goes, if it offers it

    def __post_init__(self):
        _id(self.id)
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        set_("location", _nested(self.location, Location, "location"))
        for name, allowed, kind in (("activities", codes.ACTIVITIES, "activity"),
                                    ("offers", codes.SUPPORTS, "support code"),
                                    ("schedule", codes.SLOTS, "half-day slot")):
            set_(name, codes.check_codes(getattr(self, name), allowed, name, kind))
        for name in ("name", "description", "tasks"):
            set_(name, _text(getattr(self, name), name))
        _count(self.capacity, "capacity")
        if self.open_places is None:
            set_("open_places", self.capacity)
        _count(self.open_places, "open_places")
        if not isinstance(self.internal, bool):
            raise MatcherError("internal", f"must be true or false, not {self.internal!r}")
        _number(self.service_radius_km, "service_radius_km")

    @property
    def text(self) -> str:
        """What the text features read: name, description and tasks."""
        return " ".join(part for part in (self.name, self.description, self.tasks) if part)


@dataclass(frozen=True, slots=True)
class Filters:
    """The supervisor's narrowing of a search: any of these activities, internal or external
    workposts only, a straight-line radius. None / empty means no filter."""
    activities: tuple[str, ...] = ()
    internal: bool | None = None
    max_km: float | None = None

    def __post_init__(self):
        object.__setattr__(self, "activities", codes.check_codes(
            self.activities, codes.ACTIVITIES, "filters.activities", "activity"))
        if self.internal is not None and not isinstance(self.internal, bool):
            raise MatcherError("filters.internal", f"must be true, false or null, not {self.internal!r}")
        _number(self.max_km, "filters.max_km")

    @classmethod
    def of(cls, value) -> "Filters":
        if value is None or isinstance(value, cls):
            return value or cls()
        if isinstance(value, dict):
            unknown = set(value) - {"activities", "internal", "max_km"}
            if unknown:
                raise MatcherError("filters", f"unknown filter {sorted(unknown)[0]!r}")
            return cls(**value)
        raise MatcherError("filters", f"must be an object, not {value!r}")
