"""Every Belgian postcode and its places, municipality, province and region.

Read once, lazily, from geo/data/gazetteer.csv, which ships inside the package (built by
`python -m geo.build`); the indexes below are built on first use and kept, because the
matcher and the seed data ask for postcode centres thousands of times.
"""
import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from geo.distance import haversine_km
from geo.errors import UnknownPostcode
from geo.point import Point

DATA = Path(__file__).parent / "data" / "gazetteer.csv"


@dataclass(frozen=True, slots=True)
class Place:
    postcode: str
    name: str              # as bpost writes it: French in Brussels and Wallonia
    name_nl: str           # Dutch where one is known, else the same as name
    municipality: str      # Dutch name (Statbel)
    municipality_nis: str  # Statbel NIS code, stable across spellings
    province: str          # stable code, see PROVINCES
    region: str            # flanders, brussels or wallonia
    lat: float
    lon: float
    municipality_fr: str = ""  # French name: Brussels is bilingual


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name_nl: str
    name_en: str
    region: str


PROVINCES = (
    Province("antwerpen", "Antwerpen", "Antwerp", "flanders"),
    Province("limburg", "Limburg", "Limburg", "flanders"),
    Province("oost_vlaanderen", "Oost-Vlaanderen", "East Flanders", "flanders"),
    Province("vlaams_brabant", "Vlaams-Brabant", "Flemish Brabant", "flanders"),
    Province("west_vlaanderen", "West-Vlaanderen", "West Flanders", "flanders"),
    Province("brussels", "Brussel", "Brussels", "brussels"),
    Province("waals_brabant", "Waals-Brabant", "Walloon Brabant", "wallonia"),
    Province("henegouwen", "Henegouwen", "Hainaut", "wallonia"),
    Province("luik", "Luik", "Liège", "wallonia"),
    Province("luxemburg", "Luxemburg", "Luxembourg", "wallonia"),
    Province("namen", "Namen", "Namur", "wallonia"),
)
FLEMISH_PROVINCES = tuple(p.code for p in PROVINCES if p.region == "flanders")
# Where Werkpostwijzer works: Flanders and Brussels.
SERVICE_PROVINCES = FLEMISH_PROVINCES + ("brussels",)
_PROVINCE_BY_CODE = {p.code: p for p in PROVINCES}


def fold(text: str) -> str:
    """Lower case without accents, hyphens and apostrophes as spaces: 'Liège' and 'LIEGE',
    'Sint-Niklaas' and 'sint niklaas' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    for mark in "-'’":
        plain = plain.replace(mark, " ")
    return " ".join(plain.split())


@cache
def _places() -> tuple[Place, ...]:
    with DATA.open(newline="", encoding="utf-8") as f:
        return tuple(
            Place(r["postcode"], r["place"], r["place_nl"], r["municipality"],
                  r["municipality_nis"], r["province"], r["region"], float(r["lat"]),
                  float(r["lon"]), r["municipality_fr"])
            for r in csv.DictReader(f)
        )


def _main_rank(place: Place) -> int:
    """0 for the place named after the municipality, 1 for one that names part of a merged
    municipality (Tongeren in Tongeren-Borgloon), 2 for the rest."""
    name, municipality = fold(place.name_nl), fold(place.municipality)
    if name == municipality:
        return 0
    if municipality.startswith(name + " ") or municipality.endswith(" " + name):
        return 1
    return 2


@cache
def _by_postcode() -> dict[str, tuple[Place, ...]]:
    grouped: dict[str, list[Place]] = {}
    for place in _places():
        grouped.setdefault(place.postcode, []).append(place)
    return {code: tuple(sorted(places, key=_main_rank)) for code, places in grouped.items()}


@cache
def _centres() -> dict[str, Place]:
    """One Place per postcode: the main place's names at the mean of all its places."""
    centres = {}
    for code, places in _by_postcode().items():
        main = places[0]
        centres[code] = Place(
            code, main.name, main.name_nl, main.municipality, main.municipality_nis,
            main.province, main.region,
            round(sum(p.lat for p in places) / len(places), 6),
            round(sum(p.lon for p in places) / len(places), 6),
            main.municipality_fr,
        )
    return centres


@cache
def _coordinates() -> tuple[np.ndarray, np.ndarray]:
    places = _places()
    return np.array([p.lat for p in places]), np.array([p.lon for p in places])


def _clean(postcode) -> str:
    text = str(postcode).strip()
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise UnknownPostcode(f"postcode: {postcode!r} is not a Belgian postcode (4 digits)")
    return text


def lookup_postcode(postcode) -> list[Place]:
    """All places of a postcode, main place first; [] for a well-formed unknown code.
    Raises UnknownPostcode for a malformed one."""
    return list(_by_postcode().get(_clean(postcode), ()))


def postcode_centre(postcode) -> Place:
    """One Place for the postcode, at the mean of its places and named after its main place
    (the municipality's namesake where there is one). Raises UnknownPostcode."""
    code = _clean(postcode)
    try:
        return _centres()[code]
    except KeyError:
        raise UnknownPostcode(f"postcode: {code} does not exist in Belgium") from None


def province_of(postcode) -> str:
    """The province code of a postcode (Brussels counts as one). Raises UnknownPostcode."""
    return postcode_centre(postcode).province


@cache
def _search_index() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Per place: its own folded names, and its municipality's (Dutch and French)."""
    return tuple(
        (frozenset({fold(p.name), fold(p.name_nl)}),
         frozenset({fold(p.municipality), fold(p.municipality_fr)}) - {""})
        for p in _places()
    )


def search_places(text: str, limit: int = 10) -> list[Place]:
    """Places matching a name, ignoring case, accents and hyphens, in Dutch or French:
    exact place names first, then exact municipality names, then names starting with the
    text. Four digits search a postcode."""
    wanted = fold(text)
    if not wanted or limit <= 0:
        return []
    if wanted.isdigit():
        return lookup_postcode(wanted)[:limit] if len(wanted) == 4 else []
    tiers: tuple[list[Place], ...] = ([], [], [], [])
    for place, (own, municipality) in zip(_places(), _search_index()):
        if wanted in own:
            tiers[0].append(place)
        elif wanted in municipality:
            tiers[1].append(place)
        elif any(name.startswith(wanted) for name in own):
            tiers[2].append(place)
        elif any(name.startswith(wanted) for name in municipality):
            tiers[3].append(place)
    return [place for tier in tiers for place in tier][:limit]


def nearest_place(lat: float, lon: float) -> Place:
    """The place closest to a point (haversine over all ~2,757 places at once)."""
    point = Point(float(lat), float(lon))  # refuses impossible coordinates
    lats, lons = _coordinates()
    return _places()[int(np.argmin(haversine_km(point.lat, point.lon, lats, lons)))]


def provinces() -> list[Province]:
    """The ten provinces and Brussels, Flemish ones first."""
    return list(PROVINCES)


def province(code: str) -> Province:
    try:
        return _PROVINCE_BY_CODE[code]
    except KeyError:
        raise ValueError(f"province: unknown province code {code!r}") from None


@cache
def _municipalities() -> tuple[tuple[str, str, str], ...]:
    seen = {}
    for place in _places():
        seen.setdefault(place.municipality_nis,
                        (place.municipality_nis, place.municipality, place.province))
    return tuple(sorted(seen.values(), key=lambda m: (fold(m[1]), m[0])))


def municipalities(province: str | None = None) -> list[tuple[str, str, str]]:
    """(NIS code, Dutch name, province code), sorted by name; all, or one province's."""
    return [m for m in _municipalities() if province is None or m[2] == province]


def postcodes(province: str | None = None) -> list[str]:
    """Every postcode, or one province's, in order."""
    return sorted(code for code, centre in _centres().items()
                  if province is None or centre.province == province)
