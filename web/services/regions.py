"""Provinces and municipalities as the public directory names them in its URLs: readable
slugs, and the postcodes of each municipality (from the gazetteer in geo/)."""
import re
from dataclasses import dataclass
from functools import cache

import geo


def slugify(text: str) -> str:
    """A readable URL part from a Dutch name: 'Sint-Truiden' -> 'sint-truiden'."""
    return re.sub(r"[^a-z0-9]+", "-", geo.fold(text)).strip("-")


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str
    slug: str
    province: str


@cache
def _municipalities() -> dict[str, Municipality]:
    return {nis: Municipality(nis, name, slugify(name), province)
            for nis, name, province in geo.municipalities()}


@cache
def _province_slugs() -> dict[str, geo.Province]:
    return {slugify(p.name_nl): p for p in geo.provinces()}


def province_slug(code: str) -> str:
    return slugify(geo.province(code).name_nl)


def province_by_slug(slug: str) -> geo.Province | None:
    return _province_slugs().get(slug)


def province_by_code(code: str) -> geo.Province | None:
    try:
        return geo.province(code)
    except ValueError:
        return None


def municipality(nis: str | None) -> Municipality | None:
    return _municipalities().get(nis or "")


def municipality_by_slug(province: str, slug: str) -> Municipality | None:
    return next((m for m in _municipalities().values()
                 if m.province == province and m.slug == slug), None)


def municipalities_of(province: str) -> list[Municipality]:
    return [m for m in _municipalities().values() if m.province == province]


@cache
def postcodes_of(nis: str) -> tuple[str, ...]:
    owner = municipality(nis)
    if owner is None:
        return ()
    return tuple(pc for pc in geo.postcodes(owner.province)
                 if geo.postcode_centre(pc).municipality_nis == nis)


def nis_of(workpost_nis: str | None, postcode: str) -> str | None:
    if workpost_nis:
        return workpost_nis
    try:
        return geo.postcode_centre(postcode).municipality_nis
    except geo.UnknownPostcode:
        return None
