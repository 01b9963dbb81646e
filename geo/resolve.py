"""What a typed postcode or place name means: one place, or a choice, never a silent guess.

Belgium has 43 names shared by places in different municipalities ("Aalst" is the city 9300
and a village in Sint-Truiden, 3800). The rule everywhere a place name is accepted:
1. four digits are a postcode;
2. a name that is also a municipality's name (Dutch or French) means that municipality
   (its main place: the one named after it);
3. otherwise a place name found in one municipality means that place; found in several, the
   caller offers the choice;
4. otherwise names that start with the text, the same way.
"""
from dataclasses import dataclass

from geo.errors import UnknownPostcode
from geo.gazetteer import (
    Place, _main_rank, _places, _search_index, fold, postcode_centre, province,
)

MAX_CHOICES = 8


@dataclass(frozen=True, slots=True)
class Resolution:
    place: Place | None = None        # the one place meant, at its postcode's centre
    choices: tuple[Place, ...] = ()   # several places could be meant: ask which one

    @property
    def ambiguous(self) -> bool:
        return self.place is None and len(self.choices) > 1

    @property
    def unknown(self) -> bool:
        return self.place is None and not self.choices


def resolve_place(text: str) -> Resolution:
    wanted = fold(text or "")
    if not wanted:
        return Resolution()
    if wanted.isdigit():
        try:
            return Resolution(place=postcode_centre(wanted))
        except UnknownPostcode:
            return Resolution()
    municipality = _municipality_named(wanted)
    if municipality is not None:
        return Resolution(place=municipality)
    exact, starting = [], []
    for place, (own, municipality_names) in zip(_places(), _search_index()):
        if wanted in own:
            exact.append(place)
        elif any(name.startswith(wanted) for name in own | municipality_names):
            starting.append(place)
    for found in (exact, starting):
        if found:
            return _one_or_choice(found)
    return Resolution()


def _one_or_choice(found: list[Place]) -> Resolution:
    by_municipality: dict[str, Place] = {}
    for place in sorted(found, key=lambda p: (_main_rank(p), p.postcode)):
        by_municipality.setdefault(place.municipality_nis, place)
    if len(by_municipality) == 1:
        return Resolution(place=_at_centre(next(iter(by_municipality.values()))))
    places = sorted(by_municipality.values(), key=lambda p: (_main_rank(p), fold(p.name_nl),
                                                             p.postcode))
    return Resolution(choices=tuple(places[:MAX_CHOICES]))


def _at_centre(place: Place) -> Place:
    """The postcode's centre, named after the place that was asked for."""
    centre = postcode_centre(place.postcode)
    return Place(place.postcode, place.name, place.name_nl, centre.municipality,
                 centre.municipality_nis, centre.province, centre.region, centre.lat,
                 centre.lon, centre.municipality_fr)


def _municipality_named(wanted: str) -> Place | None:
    candidates = [p for p in _places()
                  if wanted in {fold(p.municipality), fold(p.municipality_fr)} - {""}]
    if not candidates:
        return None
    main = min(candidates, key=lambda p: (_main_rank(p), p.postcode))
    return _at_centre(main)


def choice_label(place: Place, language: str = "nl") -> str:
    """'Aalst (9300, Oost-Vlaanderen)' or 'Aalst (3800, Sint-Truiden, Limburg)'."""
    name = place.name_nl if language == "nl" else place.name_nl or place.name
    prov = province(place.province)
    parts = [place.postcode]
    if fold(place.municipality) != fold(name):
        parts.append(place.municipality)
    parts.append(prov.name_en if language == "en" else prov.name_nl)
    return f"{name} ({', '.join(parts)})"
