"""Flanders-like synthetic workposts and participants for the matcher benchmark.

Places are the real postcodes and sub-municipalities of the five Flemish provinces and
Brussels (geo's gazetteer), each workpost a few hundred metres to a few km from its place.
The activity mix follows the AMA study's task counts (kitchen 74, household 68, green 61,
semi-industrial 54, administration 47, ... 'other' 180 spread over the rarer codes).
Pure functions of a numpy Generator: the same seed gives the same data.
"""
from itertools import compress

import numpy as np

import geo
from matcher import Location, Participant, Workpost, codes

_COMMON = {"kitchen": 74, "household": 68, "green": 61, "semi_industrial": 54,
           "administration": 47, "agriculture": 29, "childcare": 27, "animal_care": 26}
_RARE = [a for a in codes.ACTIVITIES if a not in _COMMON]
ACTIVITY_P = np.array([_COMMON.get(a, 180 / len(_RARE)) for a in codes.ACTIVITIES], float)
ACTIVITY_P /= ACTIVITY_P.sum()

KINDS = ("Kringwinkel", "Zorgboerderij", "Sociaal restaurant", "Maatwerkbedrijf", "Basisschool",
         "Kinderdagverblijf", "Woonzorgcentrum", "Fietsatelier", "Stadsdienst", "Bakkerij",
         "Dierenasiel", "Bibliotheek", "Buurthuis", "Houtatelier", "Boekhoudkantoor",
         "Koffiebranderij", "Tuinploeg", "Naaiatelier", "Voedselbank", "Drukkerij")
_WORDS = {a: codes.ACTIVITY_EXAMPLES[a][0].split(", ") for a in codes.ACTIVITIES}
_EXTRA = ("in een klein team", "met een vaste begeleider", "in een rustig atelier",
          "samen met vrijwilligers", "in de voormiddag", "op eigen tempo", "met koffiepauze",
          "in een open en warme sfeer", "naast een ervaren collega", "in een grote loods")
SUPPORT_P = {s: 0.3 for s in codes.SUPPORTS} | {"transport_provided": 0.05, "buddy": 0.5,
                                                 "wheelchair_access": 0.2}
WEEKDAY_SLOTS = codes.SLOTS[:10]


def flemish_places() -> list:
    wanted = set(geo.SERVICE_PROVINCES)
    return [p for code in geo.postcodes() for p in geo.lookup_postcode(code)
            if p.province in wanted]


def _jitter(rng, lat, lon, km):
    return (lat + rng.normal(0, km / 111.0),
            lon + rng.normal(0, km / (111.0 * np.cos(np.radians(lat)))))


def workposts(rng, n: int, places=None) -> list[Workpost]:
    """n workposts; the random draws are made for all at once (fast enough for 10^6)."""
    places = places or flemish_places()
    at = rng.integers(len(places), size=n)
    lat0 = np.array([places[i].lat for i in at])
    lon0 = np.array([places[i].lon for i in at])
    lat, lon = _jitter(rng, lat0, lon0, 1.5)
    lat, lon = np.clip(lat, 49.6, 51.5), np.clip(lon, 2.6, 6.3)
    acts = rng.choice(len(codes.ACTIVITIES), size=(n, 3), p=ACTIVITY_P)
    n_acts = rng.integers(1, 4, size=n)
    offers = rng.random((n, len(codes.SUPPORTS))) < np.array([SUPPORT_P[s] for s in codes.SUPPORTS])
    slots = rng.random((n, len(WEEKDAY_SLOTS))) < rng.uniform(0.3, 1.0, size=(n, 1))
    slots[np.arange(n), rng.integers(len(WEEKDAY_SLOTS), size=n)] = True
    word = rng.integers(0, 1_000_000, size=(n, 3))
    kind, extra = rng.integers(len(KINDS), size=n), rng.integers(len(_EXTRA), size=n)
    capacity = rng.integers(1, 5, size=n)
    open_ = (rng.random(n) * (capacity + 1)).astype(int)
    internal, radius = rng.random(n) < 0.4, rng.uniform(10, 30, size=n)
    transport = codes.SUPPORTS.index("transport_provided")
    out = []
    for i in range(n):
        a = [codes.ACTIVITIES[j] for j in dict.fromkeys(acts[i, :n_acts[i]].tolist())]
        tasks = ", ".join(_WORDS[x][word[i, k] % len(_WORDS[x])] for k, x in enumerate(a))
        out.append(Workpost(
            id=f"W-{i}", name=f"{KINDS[kind[i]]} {places[at[i]].name_nl}",
            location=Location(float(lat[i]), float(lon[i])), activities=a,
            description=f"{tasks.capitalize()} {_EXTRA[extra[i]]}.",
            offers=list(compress(codes.SUPPORTS, offers[i].tolist())),
            schedule=list(compress(WEEKDAY_SLOTS, slots[i].tolist())),
            capacity=int(capacity[i]), open_places=int(open_[i]), internal=bool(internal[i]),
            service_radius_km=float(radius[i]) if offers[i, transport] else None))
    return out


_MODE_SETS = (["bike"], ["bike", "public_transport"], ["public_transport"], ["walk"],
              ["walk", "public_transport"], ["car"], ["driven"], ["bike", "car"])


def participant(rng, i: int, places) -> Participant:
    place = places[rng.integers(len(places))]
    lat, lon = _jitter(rng, place.lat, place.lon, 1.0)
    interests = list(dict.fromkeys(rng.choice(codes.ACTIVITIES, size=rng.integers(1, 4),
                                              p=ACTIVITY_P)))
    words = [str(rng.choice(_WORDS[a])) for a in interests]
    return Participant(
        id=f"P-{i}", location={"lat": float(np.clip(lat, 49.6, 51.5)),
                               "lon": float(np.clip(lon, 2.6, 6.3))},
        travel={"modes": list(_MODE_SETS[rng.integers(len(_MODE_SETS))]),
                "max_minutes": float(rng.choice([20, 30, 35, 45])),
                "max_km": float(rng.choice([10, 15, 25])) if rng.random() < 0.5 else None},
        interests=interests, interests_text=f"ik hou van {' en '.join(words)}",
        avoid=[str(rng.choice(codes.ACTIVITIES))] if rng.random() < 0.3 else [],
        needs=list(rng.choice(["calm_environment", "buddy", "light_physical",
                               "predictable_tasks"], size=rng.integers(0, 2), replace=False)),
        wishes=list(rng.choice(["social_contact", "variety", "outdoor", "routine"],
                               size=rng.integers(0, 3), replace=False)),
        availability=list(rng.choice(WEEKDAY_SLOTS, size=rng.integers(3, 9), replace=False)),
        hours_per_week=float(rng.integers(4, 21)))


def participants(rng, n: int, places=None) -> list[Participant]:
    places = places or flemish_places()
    return [participant(rng, i, places) for i in range(n)]
