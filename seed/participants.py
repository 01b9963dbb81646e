"""Pseudonymous participants of the supervisor organisations: codes, never diagnoses."""
import random
from datetime import date, timedelta

from matcher.codes import ACTIVITIES, SLOTS, SUPPORTS

from seed.distributions import hours_per_week
from seed.places import located, nearby_postcode

INTEREST_TEXT = [
    "werkte vroeger in een bakkerij, houdt van vroeg beginnen",
    "houdt van dieren en buiten zijn", "wil graag Nederlands oefenen",
    "was magazijnier, werkt graag met de handen", "tekent en knutselt graag",
    "werkte op een boekhoudkantoor, houdt van ordenen", "kookt graag voor anderen",
    "sleutelt graag aan fietsen", "wil iets doen met kinderen", "zit liefst in een rustige hoek",
]
NEEDS = {"calm_environment": 30, "predictable_tasks": 25, "light_physical": 15, "buddy": 20,
         "constant_supervision": 8, "limited_dutch_ok": 8, "no_customer_contact": 10,
         "mental_health_open": 18, "wheelchair_access": 3}
MODES = {"walk": 25, "bike": 45, "public_transport": 45, "car": 10, "driven": 12}


def _pick(rng: random.Random, weights: dict, chance: float) -> list[str]:
    return [code for code in weights if rng.random() < chance * weights[code] / 30]


def generate(rng: random.Random, count: int, organisations: list[dict],
             organisation_ids: list[int], today: date, weights=None) -> list[dict]:
    """weights: how many participants each organisation gets, relatively (default equal)."""
    rows = []
    indexes = range(len(organisations))
    for i in range(count):
        k = rng.choices(indexes, weights=weights)[0] if weights else rng.randrange(len(organisations))
        org = organisations[k]
        postcode = nearby_postcode(rng, org["province"], org["lat"], org["lon"])
        modes = sorted({m for m in MODES if rng.random() < MODES[m] / 100} or {"public_transport"},
                       key=list(MODES).index)
        interests = rng.sample(ACTIVITIES[:-1], k=rng.randint(1, 3))
        avoid = [a for a in rng.sample(ACTIVITIES[:-1], k=2) if a not in interests][:1]
        needs = _pick(rng, NEEDS, 0.5)[:3]
        wishes = [s for s in rng.sample(SUPPORTS, k=2) if s not in needs]
        weekdays = [s for s in SLOTS if not s.startswith(("sat", "sun"))]
        location = located(rng, postcode, jitter_km=1.5)
        location.pop("municipality_nis")
        rows.append({
            "organisation_id": organisation_ids[k],
            "reference": f"DN-{today.year}-{i + 1:04d}",
            **location,
            "travel_modes": modes, "max_minutes": rng.choice([20, 30, 30, 45, 60]),
            "max_km": rng.choice([None, None, 10.0, 15.0, 25.0]),
            "interests": interests, "interests_text": rng.choice(INTEREST_TEXT),
            "avoid": avoid, "needs": needs, "wishes": wishes,
            "availability": sorted(rng.sample(weekdays, k=rng.randint(2, 8)), key=SLOTS.index),
            "hours_per_week": hours_per_week(rng),
            "goal": "towards_paid_work" if rng.random() < 0.15 else "meaningful_activity",
            "status": "searching",
        })
    return rows


def consent(rng: random.Random, participant_id: int, today: date) -> dict:
    return {
        "participant_id": participant_id,
        "processed": "Postcode, vervoer, interesses, ondersteuningsnoden en beschikbaarheid",
        "shared_with": "De begeleidende organisatie en, na akkoord, de gekozen werkpost",
        "purpose": "Een passende werkpost zoeken en de AMA opvolgen",
        # Before the first step of any placement (those go back two years at most).
        "given_on": today - timedelta(days=rng.randint(760, 900)),
    }
