"""Demo staff accounts: an admin and one or two supervisors per organisation, and one
platform admin. The password is hashed by the caller (the web layer owns hashing)."""
import random

from seed.names import person

DOMAIN = "demo.werkpostwijzer.be"


def generate(rng: random.Random, organisations: list[dict], organisation_ids: list[int]) -> list[dict]:
    users = [{"email": f"beheer@{DOMAIN}", "name": "Platformbeheer", "role": "platform_admin",
              "organisation_id": None}]
    for org, org_id in zip(organisations, organisation_ids):
        slug = org["slug"]
        users.append({"email": f"beheerder@{slug}.{DOMAIN}", "name": person(rng),
                      "role": "org_admin", "organisation_id": org_id})
        for n in range(rng.choice([1, 2])):
            users.append({"email": f"begeleider{'' if n == 0 else n + 1}@{slug}.{DOMAIN}",
                          "name": person(rng), "role": "supervisor", "organisation_id": org_id})
    return users
