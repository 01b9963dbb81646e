"""Query parameters of the public API, checked strictly: anything unknown or malformed is a
400 with a message that says what was wrong and what is allowed."""
import re

import geo
from matcher.codes import ACTIVITIES
from web.services import directory

MAX_PAGE = 100_000
RADIUS_RANGE = (1.0, 100.0)
DEFAULT_RADIUS_KM = 15.0


class BadParameter(ValueError):
    """The message is meant for the developer calling the API."""


def check_known(args, allowed: tuple[str, ...]) -> None:
    for name in args:
        if name not in allowed:
            raise BadParameter(f"unknown parameter {name!r}; allowed: {', '.join(allowed)}")
    for name in allowed:
        if len(args.getlist(name)) > 1:
            raise BadParameter(f"{name}: give this parameter once")


def _integer(args, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,7}", raw.strip()):
        raise BadParameter(f"{name}: a whole number from {low} to {high} is required")
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(f"{name}: must be from {low} to {high}, got {value}")
    return value


def paging(args) -> tuple[int, int]:
    return (_integer(args, "page", 1, 1, MAX_PAGE),
            _integer(args, "per_page", directory.DEFAULT_PER_PAGE, 1, directory.MAX_PER_PAGE))


def province(args) -> str | None:
    code = args.get("province")
    if code is None:
        return None
    if directory.province_by_code(code) is None:
        known = ", ".join(p.code for p in geo.provinces())
        raise BadParameter(f"province: unknown province {code!r}; use one of {known}")
    return code


def municipality(args) -> str | None:
    nis = args.get("municipality")
    if nis is None:
        return None
    if not re.fullmatch(r"[0-9]{5}", nis) or directory.municipality(nis) is None:
        raise BadParameter(f"municipality: {nis!r} is not a Belgian municipality's NIS code "
                           "(5 digits, see /api/v1/regions)")
    return nis


def activity(args) -> str | None:
    code = args.get("activity")
    if code is None:
        return None
    if code not in ACTIVITIES:
        raise BadParameter(f"activity: unknown activity {code!r}; use one of "
                           f"{', '.join(ACTIVITIES)}")
    return code


def near(args) -> tuple[geo.Place | None, float | None]:
    postcode, radius = args.get("postcode"), args.get("radius_km")
    if postcode is None:
        if radius is not None:
            raise BadParameter("radius_km: only together with postcode")
        return None, None
    if any(c.isdigit() for c in postcode):
        try:
            return geo.postcode_centre(postcode), _radius(radius)
        except geo.UnknownPostcode as error:
            raise BadParameter(str(error)) from None
    if len(postcode) > 60:
        raise BadParameter("postcode: at most 60 characters")
    found = geo.resolve_place(postcode)
    if found.ambiguous:
        choices = "; ".join(geo.choice_label(place, "en") for place in found.choices)
        raise BadParameter(f"postcode: {postcode!r} names several places ({choices}); "
                           "give the postcode")
    if found.place is None:
        raise BadParameter(f"postcode: {postcode!r} is not a Belgian postcode or place name")

    return found.place, _radius(radius)


def _radius(raw: str | None) -> float:
    if raw is None:
        return DEFAULT_RADIUS_KM
    low, high = RADIUS_RANGE
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")  # refused by the range check below, with the same message
    if not low <= value <= high:
        raise BadParameter(f"radius_km: a number of kilometres from {low:g} to {high:g} is "
                           "required")
    return value
