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
START = datetime(2025, 1, 1, tzinfo=timezone.utc)


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


def _common(rng: random.Random, org_type: str, postcode: str, index: int) -> dict:
    activities = _activities(rng, org_type)
    capacity = rng.choices([1, 2, 3, 4, 6], weights=[45, 30, 14, 7, 4])[0]
    created = START + timedelta(days=rng.randint(0, 600), minutes=index)
    status = weighted(rng, STATUS_WEIGHTS)
    return {
        **located(rng, postcode), "org_type": org_type, "activities": activities,
        "tasks": "; ".join(TASK_TEXT[a] for a in activities),
        "offers": _offers(rng, org_type, activities), "schedule": _schedule(rng),
        "hours_per_week": float(rng.choice([4, 6, 8, 10, 12, 16, 20, 24])),
        "capacity": capacity, "open_places": rng.randint(0, capacity) if rng.random() < 0.3 else capacity,
        "available_from": date(2025, 1, 1) + timedelta(days=rng.randint(0, 500)),
        "transport_radius_km": None, "language": "nl", "status": status,
        "created_at": created, "updated_at": created,
        "terms_accepted_at": created, "confirmed_at": created if status != "unconfirmed" else None,
        "published_at": created if status in ("published", "paused", "withdrawn") else None,
        "withdrawn_at": created + timedelta(days=30) if status == "withdrawn" else None,
    }


def external(rng: random.Random, count: int, offset: int = 0) -> list[dict]:
    rows = []
    for i in range(count):
        org_type = weighted(rng, WORKPOST_ORG_TYPES)
        sector = SECTOR_BY_ORG_TYPE.get(org_type, "non_profit")
        legal_form = weighted(rng, LEGAL_FORMS[sector])
        row = _common(rng, org_type, populated_postcode(rng), offset + i)
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


def internal(rng: random.Random, organisation: dict, organisation_id: int, index: int) -> list[dict]:
    """One to three ateliers, gardens or kitchens of a supervisor organisation."""
    rows = []
    own_types = {"custom_work_company": "custom_work_company", "psychiatric_hospital": "psychiatric_hospital",
                 "sheltered_living": "sheltered_living", "ocmw": "ocmw", "caw": "caw", "cgg": "cgg"}
    org_type = own_types.get(organisation["org_type"], "care_provider")
    for n in range(rng.choices([1, 2, 3], weights=[50, 35, 15])[0]):
        row = _common(rng, org_type, organisation["postcode"], index * 10 + n)
        main = rng.choice([a for a in INTERNAL_NAMES if a in ACTIVITIES])
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
