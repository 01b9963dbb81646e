"""Query parameters of the public API, checked strictly: anything unknown or malformed is a
400 with a message, in the request's language, that says what was wrong and what is allowed.

Regions are given as the site writes them or as the API's codes: a province as its code
(`oost_vlaanderen`) or the site's slug (`oost-vlaanderen`), in any case; a municipality as
its NIS code or its name, read the way every place name is read (web/place_input.py)."""
import re

from flask_babel import gettext as _

import geo
from matcher.codes import ACTIVITIES
from web.labels import language
from web.services import directory

MAX_PAGE = 100_000
RADIUS_RANGE = (1.0, 100.0)
DEFAULT_RADIUS_KM = 15.0
# Every endpoint takes ?lang=nl|en: the language of its error messages.
ALWAYS_ALLOWED = ("lang",)


class BadParameter(ValueError):
    """The message is meant for the developer calling the API."""


def check_known(args, allowed: tuple[str, ...]) -> None:
    allowed = (*allowed, *ALWAYS_ALLOWED)
    for name in args:
        if name not in allowed:
            raise BadParameter(_("onbekende parameter %(name)r; toegelaten: %(allowed)s",
                                 name=name, allowed=", ".join(allowed)))
    for name in allowed:
        if len(args.getlist(name)) > 1:
            raise BadParameter(_("%(name)s: geef deze parameter één keer", name=name))
    if args.get("lang") not in (None, "nl", "en"):
        raise BadParameter(_("lang: gebruik nl of en"))


def _integer(args, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]{1,7}", raw.strip()):
        raise BadParameter(_("%(name)s: een geheel getal van %(low)s tot %(high)s is nodig",
                             name=name, low=low, high=high))
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(_("%(name)s: moet van %(low)s tot %(high)s zijn, niet %(value)s",
                             name=name, low=low, high=high, value=value))
    return value


def paging(args) -> tuple[int, int]:
    return (_integer(args, "page", 1, 1, MAX_PAGE),
            _integer(args, "per_page", directory.DEFAULT_PER_PAGE, 1, directory.MAX_PER_PAGE))


def province_code(text: str) -> str | None:
    """The province code for a code or a site slug, in any case; None if unknown."""
    wanted = text.strip().lower()
    found = directory.province_by_code(wanted) or directory.province_by_slug(wanted)
    return found.code if found else None


def province(args) -> str | None:
    raw = args.get("province")
    if raw is None:
        return None
    code = province_code(raw)
    if code is None:
        known = ", ".join(p.code for p in geo.provinces())
        raise BadParameter(_("province: onbekende provincie %(code)r; gebruik een van "
                             "%(known)s (of de naam zoals in de adressen van de site, "
                             "bijvoorbeeld oost-vlaanderen)", code=raw, known=known))
    return code


def municipality(args) -> str | None:
    raw = args.get("municipality")
    if raw is None:
        return None
    text = raw.strip()
    if re.fullmatch(r"[0-9]{5}", text) and directory.municipality(text) is not None:
        return text
    if text and not any(c.isdigit() for c in text) and len(text) <= 60:
        found = geo.resolve_place(text)
        if found.ambiguous:
            raise BadParameter(_("municipality: %(name)r kan meerdere gemeenten zijn: "
                                 "%(choices)s; geef de NIS-code (zie /api/v1/regions)",
                                 name=raw, choices=_choices(found.choices)))
        if found.place is not None and found.place.municipality_nis:
            return found.place.municipality_nis
    raise BadParameter(_("municipality: %(name)r is geen NIS-code (5 cijfers) of naam van een "
                         "Belgische gemeente (zie /api/v1/regions)", name=raw))


def activity(args) -> str | None:
    code = args.get("activity")
    if code is None:
        return None
    if code not in ACTIVITIES:
        raise BadParameter(_("activity: onbekende activiteit %(code)r; gebruik een van "
                             "%(known)s", code=code, known=", ".join(ACTIVITIES)))
    return code


def _choices(places) -> str:
    return "; ".join(geo.choice_label(place, language()) for place in places)


def near(args) -> tuple[geo.Place | None, float | None]:
    postcode, radius = args.get("postcode"), args.get("radius_km")
    if postcode is None:
        if radius is not None:
            raise BadParameter(_("radius_km: alleen samen met postcode"))
        return None, None
    if any(c.isdigit() for c in postcode):
        if not re.fullmatch(r"[0-9]{4}", postcode.strip()):
            raise BadParameter(_("postcode: %(code)r is geen Belgische postcode (4 cijfers)",
                                 code=postcode))
        try:
            return geo.postcode_centre(postcode.strip()), _radius(radius)
        except geo.UnknownPostcode:
            raise BadParameter(_("postcode: %(code)s bestaat niet in België",
                                 code=postcode.strip())) from None
    if len(postcode) > 60:
        raise BadParameter(_("postcode: hoogstens 60 tekens"))
    found = geo.resolve_place(postcode)
    if found.ambiguous:
        raise BadParameter(_("postcode: %(name)r is de naam van meerdere plaatsen "
                             "(%(choices)s); geef de postcode",
                             name=postcode, choices=_choices(found.choices)))
    if found.place is None:
        raise BadParameter(_("postcode: %(name)r is geen Belgische postcode of plaatsnaam",
                             name=postcode))
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
        raise BadParameter(_("radius_km: een aantal kilometer van %(low)s tot %(high)s is "
                             "nodig", low="%g" % low, high="%g" % high))
    return value
