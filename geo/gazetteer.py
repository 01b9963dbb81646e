"""Every Belgian postcode and its places, municipality, province and region.

Read once from geo/data/gazetteer.csv, which ships inside the package (built by geo.build).
"""
import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from geo.distance import haversine_km
from geo.errors import UnknownPostcode

DATA = Path(__file__).parent / "data" / "gazetteer.csv"


@dataclass(frozen=True, slots=True)
class Place:
    postcode: str
    name: str
    name_nl: str
    municipality: str
    municipality_nis: str
    province: str
    region: str
    lat: float
    lon: float


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
SERVICE_PROVINCES = FLEMISH_PROVINCES + ("brussels",)
_PROVINCE_BY_CODE = {p.code: p for p in PROVINCES}


def fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces: 'Liège' and 'LIEGE' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace("-", " ").replace("'", " ").split())


@cache
def _places() -> tuple[Place, ...]:
    with DATA.open(newline="", encoding="utf-8") as f:
        return tuple(
            Place(r["postcode"], r["place"], r["place_nl"], r["municipality"],
                  r["municipality_nis"], r["province"], r["region"], float(r["lat"]),
                  float(r["lon"]))
            for r in csv.DictReader(f)
        )


@cache
def _by_postcode() -> dict[str, tuple[Place, ...]]:
    grouped: dict[str, list[Place]] = {}
    for place in _places():
        grouped.setdefault(place.postcode, []).append(place)
    # The main place first: the one that carries the municipality's name.
    return {
        code: tuple(sorted(places, key=lambda p: fold(p.name_nl) != fold(p.municipality)))
        for code, places in grouped.items()
    }


@cache
def _coordinates() -> tuple[np.ndarray, np.ndarray]:
    places = _places()
    return (np.array([p.lat for p in places]), np.array([p.lon for p in places]))


def _clean(postcode) -> str:
    text = str(postcode).strip()
    if not (len(text) == 4 and text.isdigit()):
        raise UnknownPostcode(f"postcode: {postcode!r} is not a Belgian postcode (4 digits)")
    return text


def lookup_postcode(postcode) -> list[Place]:
    """All places of a postcode, main place first; [] for a well-formed unknown code."""
    return list(_by_postcode().get(_clean(postcode), ()))


@cache
def postcode_centre(postcode) -> Place:
    """One Place for the postcode: the mean of its places, named after the municipality."""
    places = lookup_postcode(postcode)
    if not places:
        raise UnknownPostcode(f"postcode: {postcode} does not exist in Belgium")
    main = places[0]
    return Place(
        main.postcode, main.name, main.name_nl, main.municipality, main.municipality_nis,
        main.province, main.region,
        round(sum(p.lat for p in places) / len(places), 6),
        round(sum(p.lon for p in places) / len(places), 6),
    )


@cache
def _folded_names() -> tuple[frozenset[str], ...]:
    return tuple(frozenset({fold(p.name), fold(p.name_nl), fold(p.municipality)})
                 for p in _places())


def search_places(text: str, limit: int = 10) -> list[Place]:
    """Places whose Dutch, French or municipality name matches; exact matches first."""
    wanted = fold(text)
    if not wanted:
        return []
    if wanted.isdigit():
        return lookup_postcode(wanted)[:limit] if len(wanted) == 4 else []
    exact, prefix = [], []
    for place, names in zip(_places(), _folded_names()):
        if wanted in names:
            exact.append(place)
        elif any(name.startswith(wanted) for name in names):
            prefix.append(place)
    return (exact + prefix)[:limit]


def nearest_place(lat: float, lon: float) -> Place:
    lats, lons = _coordinates()
    return _places()[int(np.argmin(haversine_km(lat, lon, lats, lons)))]


def provinces() -> list[Province]:
    return list(PROVINCES)


def province(code: str) -> Province:
    try:
        return _PROVINCE_BY_CODE[code]
    except KeyError:
        raise ValueError(f"province: unknown province code {code!r}") from None


def province_of(postcode) -> str:
    return postcode_centre(postcode).province


@cache
def _municipalities() -> tuple[tuple[str, str, str], ...]:
    seen = {}
    for place in _places():
        if place.municipality_nis:
            seen.setdefault(place.municipality_nis, (place.municipality_nis, place.municipality,
                                                     place.province))
    return tuple(sorted(seen.values(), key=lambda m: fold(m[1])))


def municipalities(province: str | None = None) -> list[tuple[str, str, str]]:
    """(NIS code, Dutch name, province code), sorted by name."""
    return [m for m in _municipalities() if province is None or m[2] == province]


def postcodes(province: str | None = None) -> list[str]:
    return sorted(code for code, places in _by_postcode().items()
                  if province is None or places[0].province == province)
