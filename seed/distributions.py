"""The real field's figures (DOMAIN.md §4), as weights the generators draw from."""
import random

# Seats of the 132 recognised supervisors.
ORG_PROVINCES = {"oost_vlaanderen": 34, "west_vlaanderen": 29, "vlaams_brabant": 27,
                 "antwerpen": 24, "limburg": 17, "brussels": 1}
# Where people and businesses are: roughly by population (millions, 2024).
POPULATION = {"antwerpen": 1.92, "oost_vlaanderen": 1.56, "west_vlaanderen": 1.22,
              "vlaams_brabant": 1.19, "limburg": 0.89, "brussels": 1.25}
# Supervisor types: an estimate of the mix among the 132 (the study lists the kinds).
ORG_TYPES = {"caw": 10, "cgg": 12, "ocmw": 22, "psychiatric_hospital": 14,
             "psychiatric_ward": 6, "sheltered_living": 16, "vaph_provider": 24,
             "custom_work_company": 14, "addiction_care": 5, "rehabilitation_centre": 4,
             "other": 5}
# Which workposts an organisation uses: internal and external 53.6%, only internal 37.7%,
# only external 8.7%.
WORKPOST_MIX = {"both": 53.6, "internal": 37.7, "external": 8.7}
# Workpost organisation types: share of supervisors using them (several allowed), used as
# relative weights for external workposts.
WORKPOST_ORG_TYPES = {"custom_work_company": 33.3, "care_provider": 29.0, "school": 27.5,
                      "care_farm": 26.1, "childcare": 23.2, "sheltered_living": 21.7,
                      "ocmw": 17.4, "psychiatric_hospital": 17.4, "hospitality": 17.4,
                      "caw": 5.8, "cgg": 2.9, "shop": 14.0, "second_hand_shop": 10.0,
                      "craft_business": 12.0, "municipal_service": 6.0, "culture_sport": 4.4}
# Typical tasks per workpost organisation type (activity codes, most typical first).
TASKS_BY_ORG_TYPE = {
    "care_farm": ["animal_care", "agriculture", "green"],
    "childcare": ["childcare", "household", "kitchen"],
    "school": ["household", "kitchen", "education_support", "administration"],
    "custom_work_company": ["semi_industrial", "green", "kitchen", "logistics"],
    "hospitality": ["hospitality", "kitchen"],
    "care_provider": ["care_support", "kitchen", "household", "green"],
    "sheltered_living": ["household", "kitchen", "green"],
    "ocmw": ["administration", "household", "sorting_reuse", "kitchen"],
    "psychiatric_hospital": ["kitchen", "green", "creative", "household"],
    "caw": ["sorting_reuse", "kitchen", "administration"],
    "cgg": ["administration", "creative"],
    "shop": ["retail", "logistics", "reception"],
    "second_hand_shop": ["sorting_reuse", "retail", "technical", "textile"],
    "craft_business": ["woodwork", "technical", "kitchen", "textile", "maintenance"],
    "municipal_service": ["green", "maintenance", "administration", "digital"],
    "culture_sport": ["reception", "maintenance", "digital", "administration"],
}
# Sector of the organisation type (for external workposts).
SECTOR_BY_ORG_TYPE = {
    "care_farm": "profit", "hospitality": "profit", "shop": "profit",
    "craft_business": "profit", "custom_work_company": "social_economy",
    "second_hand_shop": "social_economy", "school": "public", "ocmw": "public",
    "municipal_service": "public", "culture_sport": "public",
}
# Legal forms per sector; sole traders and small companies carry the profit sector.
LEGAL_FORMS = {
    "profit": {"sole_trader": 55, "company": 45},
    "non_profit": {"non_profit": 85, "de_facto_association": 15},
    "public": {"public_body": 100},
    "social_economy": {"non_profit": 70, "company": 30},
}
# Offers waiting for review are made apart (seed/workposts.py recent_offers): a handful, recent.
STATUS_WEIGHTS = {"published": 90, "paused": 5, "withdrawn": 5}
# Why placements ended: 446 agreements ended in six months (DOMAIN.md §3), in per cent; the
# smaller reasons the study names without a figure share the rest.
STOP_REASONS = {"unknown": 22.9, "relapse": 19.3, "paid_work": 18.4, "other": 12.1,
                "motivation": 11.7, "not_feasible": 8.3, "mobility": 2.0, "retirement": 1.5,
                "moved_house": 1.5, "personal_budget": 1.3, "pregnancy": 1.0}


def weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def apportion(total: int, weights: dict) -> dict:
    """Split a whole number over keys in proportion to weights (largest remainders)."""
    whole = sum(weights.values())
    exact = {k: total * w / whole for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    rest = sorted(exact, key=lambda k: (counts[k] - exact[k], k))
    for key in rest[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def hours_per_week(rng: random.Random) -> float:
    """Study: 83.9% work at most 19 h (mean 10.1), the rest 20 h or more (mean 25.3)."""
    if rng.random() < 0.839:
        return float(min(19, max(1, round(rng.gammavariate(4.0, 10.1 / 4.0)))))
    return float(min(38, max(20, round(20 + rng.expovariate(1 / 5.3)))))
