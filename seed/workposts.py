"""Workposts: the supervisors' own ateliers, and external companies, non-profits, public
bodies and sole traders, with the study's mix of organisation types and tasks."""
import random
from datetime import date, datetime, timedelta, timezone

from matcher.codes import ACTIVITIES, SLOTS, SUPPORTS

from seed.distributions import (LEGAL_FORMS, SECTOR_BY_ORG_TYPE, STATUS_WEIGHTS,
                                TASKS_BY_ORG_TYPE, WORKPOST_ORG_TYPES, weighted)
from seed.kbo import enterprise_number
from seed.names import BUSINESS_NAMES, INTERNAL_NAMES, fill, person, phone, slugify
from seed.places import located, populated_postcode

TASK_TEXT = {
    "kitchen": "groenten schoonmaken, afwassen, tafels dekken",
    "household": "poetsen, strijken, was opplooien", "green": "maaien, wieden, snoeien",
    "semi_industrial": "inpakken, etiketteren, eenvoudige montage",
    "administration": "klasseren, scannen, post sorteren",
    "agriculture": "zaaien, oogsten, werken in de serre",
    "childcare": "spelen met de kinderen, helpen bij het eten",
    "animal_care": "dieren voederen, stallen uitmesten",
    "retail": "rekken aanvullen, klanten helpen", "hospitality": "koffie schenken, afruimen",
    "logistics": "dozen stapelen, bestellingen klaarzetten",
    "creative": "wenskaarten maken, schilderen", "textile": "naaien en herstellen",
    "woodwork": "schuren en zagen, meubels opknappen", "technical": "fietsen herstellen",
    "care_support": "wandelen met bewoners, koffieronde",
    "transport": "mee rijden met leveringen", "maintenance": "verven, kleine klusjes",
    "sorting_reuse": "spullen sorteren, voedselpakketten maken",
    "education_support": "voorlezen, toezicht op de speelplaats",
    "digital": "documenten scannen, eenvoudig computerwerk",
    "reception": "bezoekers ontvangen, telefoon opnemen", "other": "allerlei taken",
}
CALM_TYPES = {"craft_business", "care_farm", "culture_sport", "second_hand_shop"}
# Places in an organisation's own atelier (DOMAIN.md §4: most participants work in one; a
# kitchen or bakery hosts 4 to 15 people). An external workpost mostly takes one or two.
ATELIER_CAPACITY = {"kitchen": (6, 15), "semi_industrial": (6, 15), "green": (4, 12),
                    "sorting_reuse": (4, 10), "creative": (4, 10), "woodwork": (4, 10),
                    "hospitality": (4, 10), "technical": (4, 8), "textile": (4, 8),
                    "household": (3, 8), "agriculture": (3, 8), "animal_care": (3, 6),
                    "retail": (2, 5), "administration": (2, 4)}
# Bakery, bike workshop, herb garden: the ones with a waiting list in the study.
POPULAR_ATELIERS = ("kitchen", "technical", "agriculture")


def _moment(today: date, days_ago: int, minutes: int) -> datetime:
    return datetime(today.year, today.month, today.day, 9, tzinfo=timezone.utc) \
        - timedelta(days=days_ago) + timedelta(minutes=minutes % 600)


def _activities(rng: random.Random, org_type: str) -> list[str]:
    typical = TASKS_BY_ORG_TYPE[org_type]
    chosen = typical[: rng.randint(1, min(3, len(typical)))]
    if rng.random() < 0.15:
        chosen = chosen + [rng.choice(ACTIVITIES[:-1])]
    return list(dict.fromkeys(chosen))


def _offers(rng: random.Random, org_type: str, activities: list[str]) -> list[str]:
    offers = {"buddy"} if rng.random() < 0.8 else set()
    if org_type in CALM_TYPES or rng.random() < 0.35:
        offers.add("calm_environment")
    offers.update(rng.sample(SUPPORTS, k=rng.randint(1, 4)))
    if "green" in activities or "agriculture" in activities:
        offers.add("outdoor")
    offers.discard("transport_provided")
    if org_type in ("custom_work_company", "care_farm") and rng.random() < 0.3:
        offers.add("transport_provided")  # a van to garden sites or the farm
    return sorted(offers, key=SUPPORTS.index)


def _schedule(rng: random.Random) -> list[str]:
    weekdays = [s for s in SLOTS if not s.startswith(("sat", "sun"))]
    chosen = set(rng.sample(weekdays, k=rng.randint(3, 10)))
    if rng.random() < 0.1:
        chosen.add(rng.choice(["sat_am", "sat_pm"]))
    return sorted(chosen, key=SLOTS.index)


def _common(rng: random.Random, org_type: str, postcode: str, index: int, today: date) -> dict:
    activities = _activities(rng, org_type)
    capacity = rng.choices([1, 2, 3, 4, 6], weights=[60, 25, 10, 4, 1])[0]
    created = _moment(today, rng.randint(45, 700), index)
    status = weighted(rng, STATUS_WEIGHTS)
    # Mostly free from the day it was made; a few only from a date still to come.
    available = created.date() + timedelta(days=rng.randint(0, 30)) if rng.random() < 0.95 \
        else today + timedelta(days=rng.randint(14, 120))
    return {
        **located(rng, postcode), "org_type": org_type, "activities": activities,
        "tasks": "; ".join(TASK_TEXT[a] for a in activities),
        "offers": _offers(rng, org_type, activities), "schedule": _schedule(rng),
        "hours_per_week": float(rng.choice([4, 6, 8, 10, 12, 16, 20, 24])),
        "capacity": capacity, "open_places": rng.randint(0, capacity) if rng.random() < 0.3 else capacity,
        "available_from": available,
        "transport_radius_km": None, "language": "nl", "status": status,
        "created_at": created, "updated_at": created,
        "terms_accepted_at": created, "confirmed_at": created if status != "unconfirmed" else None,
        "published_at": created if status in ("published", "paused", "withdrawn") else None,
        "withdrawn_at": created + timedelta(days=30) if status == "withdrawn" else None,
    }


def external(rng: random.Random, count: int, offset: int, today: date) -> list[dict]:
    rows = []
    for i in range(count):
        org_type = weighted(rng, WORKPOST_ORG_TYPES)
        sector = SECTOR_BY_ORG_TYPE.get(org_type, "non_profit")
        legal_form = weighted(rng, LEGAL_FORMS[sector])
        row = _common(rng, org_type, populated_postcode(rng), offset + i, today)
        name = fill(rng.choice(BUSINESS_NAMES[org_type]), rng, row["municipality"])
        row.update({
            "legal_form": legal_form, "sector": sector, "name": name, "organisation_id": None,
            "enterprise_number": None if legal_form == "de_facto_association" else enterprise_number(rng),
            "description": f"{name} in {row['municipality']}: {row['tasks']}.",
            "website": f"https://www.{slugify(name)}.example.be" if rng.random() < 0.7 else None,
            "street": f"{rng.choice(['Markt', 'Dorpsstraat', 'Kapelstraat', 'Industrieweg'])} {rng.randint(1, 200)}",
            "address_public": legal_form != "sole_trader" or rng.random() < 0.3,
            "contact_name": person(rng), "contact_email": f"contact{offset + i}@{slugify(name)}.example.be",
            "contact_phone": phone(rng),
        })
        if "transport_provided" in row["offers"]:
            row["transport_radius_km"] = float(rng.choice([10, 15, 20]))
        rows.append(row)
    return rows


def recent_offers(rng: random.Random, count: int, offset: int, today: date) -> list[dict]:
    """Offers confirmed in the last three weeks that wait for the platform admin's review."""
    rows = external(rng, count, offset, today)
    for row in rows:
        confirmed = _moment(today, rng.randint(1, 21), rng.randint(0, 500))
        row.update({"status": "pending_review", "created_at": confirmed,
                    "updated_at": confirmed, "terms_accepted_at": confirmed,
                    "confirmed_at": confirmed, "published_at": None, "withdrawn_at": None,
                    "available_from": confirmed.date() + timedelta(days=rng.randint(7, 30))})
    return rows


def internal(rng: random.Random, organisation: dict, organisation_id: int, index: int,
             today: date, showcase: bool = False) -> list[dict]:
    """One to four ateliers, gardens or kitchens of a supervisor organisation, each doing
    something else (one organisation had two identical "Fietsatelier" workposts).
    A showcase organisation (a full caseload) has a small popular atelier, which fills up."""
    rows = []
    own_types = {"custom_work_company": "custom_work_company", "psychiatric_hospital": "psychiatric_hospital",
                 "sheltered_living": "sheltered_living", "ocmw": "ocmw", "caw": "caw", "cgg": "cgg"}
    org_type = own_types.get(organisation["org_type"], "care_provider")
    kinds = [a for a in INTERNAL_NAMES if a in ACTIVITIES]
    count = rng.choices([1, 2, 3, 4], weights=[25, 40, 25, 10])[0]
    chosen = rng.sample(kinds, k=count)
    if showcase:
        popular = rng.choice(POPULAR_ATELIERS)
        chosen = [popular] + [k for k in chosen if k != popular][:count]
    for n, main in enumerate(chosen):
        row = _common(rng, org_type, organisation["postcode"], index * 10 + n, today)
        low, high = (4, 6) if showcase and n == 0 else ATELIER_CAPACITY[main]
        row["capacity"] = row["open_places"] = rng.randint(low, high)
        # An organisation's atelier has been there for years.
        opened = _moment(today, rng.randint(760, 2000), index)
        row.update({"created_at": opened, "updated_at": opened, "terms_accepted_at": opened,
                    "confirmed_at": opened, "available_from": opened.date()})
        row["activities"] = list(dict.fromkeys([main] + row["activities"][:1]))
        row["tasks"] = "; ".join(TASK_TEXT[a] for a in row["activities"])
        row.update({
            "legal_form": "internal", "sector": "non_profit", "organisation_id": organisation_id,
            "enterprise_number": None, "name": f"{INTERNAL_NAMES[main]} {organisation['name']}",
            "description": f"{INTERNAL_NAMES[main]} van {organisation['name']}: {row['tasks']}.",
            "website": organisation["website"], "street": organisation["street"],
            "address_public": rng.random() < 0.6, "contact_name": organisation["contact_name"],
            "contact_email": organisation["contact_email"], "contact_phone": organisation["contact_phone"],
            "status": "published" if rng.random() < 0.93 else "paused",
        })
        row["published_at"] = row["created_at"]
        row["withdrawn_at"] = None
        rows.append(row)
    return rows
