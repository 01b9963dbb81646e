"""Recognised supervisor organisations, spread over the provinces as the real 132 are."""
import random

import geo

from seed.distributions import ORG_PROVINCES, ORG_TYPES, WORKPOST_MIX, apportion, weighted
from seed.names import ORG_NAME, fill, person, phone, slugify
from seed.places import located, postcode_in

NEIGHBOURS = {
    "oost_vlaanderen": ["west_vlaanderen", "antwerpen", "vlaams_brabant"],
    "west_vlaanderen": ["oost_vlaanderen"],
    "vlaams_brabant": ["brussels", "antwerpen", "limburg", "oost_vlaanderen"],
    "antwerpen": ["vlaams_brabant", "limburg", "oost_vlaanderen"],
    "limburg": ["antwerpen", "vlaams_brabant"],
    "brussels": ["vlaams_brabant"],
}
DESCRIPTIONS = [
    "Wij begeleiden mensen die (nog) niet betaald kunnen werken naar een zinvolle plek.",
    "We zoeken samen met elke deelnemer werk dat past, dichtbij huis en in een rustig tempo.",
    "In onze ateliers en bij bedrijven in de buurt kan je aan de slag met begeleiding op maat.",
]


def generate(rng: random.Random, count: int) -> list[dict]:
    """Organisations with their regions (key "regions": list of (kind, code))."""
    organisations, slugs, names = [], set(), set()
    for province, n in sorted(apportion(count, ORG_PROVINCES).items()):
        for _ in range(n):
            organisations.append(_organisation(rng, province, slugs, names))
    return organisations


def _unique_name(name: str, municipality: str, names: set) -> str:
    """Real organisations have one name each: a second "Beschut Wonen Kompas" is named after
    its municipality, a third gets a number (a directory page listed the same name four times)."""
    if name in names:
        name = name if municipality in name else f"{name} {municipality}"
        base, number = name, 2
        while name in names:
            name, number = f"{base} {number}", number + 1
    names.add(name)
    return name


def _organisation(rng: random.Random, province: str, slugs: set, names: set) -> dict:
    org_type = weighted(rng, ORG_TYPES)
    address = located(rng, postcode_in(rng, province), jitter_km=0.5)
    name = _unique_name(fill(rng.choice(ORG_NAME[org_type]), rng, address["municipality"],
                             geo.province(province).name_nl), address["municipality"], names)
    slug = slugify(name)
    while slug in slugs:
        slug = f"{slugify(name)}-{len(slugs)}"
    slugs.add(slug)
    address.pop("municipality_nis")
    return {
        "name": name, "slug": slug, "org_type": org_type,
        "recognition_number": f"AMA-{rng.randint(1000, 9999)}",
        "street": f"{rng.choice(['Kerkstraat', 'Stationsstraat', 'Molenstraat', 'Nieuwstraat', 'Schoolstraat'])} {rng.randint(1, 120)}",
        **address,
        "contact_name": person(rng), "contact_email": f"info@{slug}.demo.werkpostwijzer.be",
        "contact_phone": phone(rng), "website": f"https://{slug}.example.be",
        "description": rng.choice(DESCRIPTIONS), "active": True,
        "uses": weighted(rng, WORKPOST_MIX),
        "regions": _regions(rng, province, address),
    }


def _regions(rng: random.Random, province: str, address: dict) -> list[tuple[str, str]]:
    roll = rng.random()
    if roll < 0.2:  # a local organisation: its own municipality and a few around it
        nearby = [nis for nis, _, prov in geo.municipalities(province) if prov == province]
        chosen = {geo.postcode_centre(address["postcode"]).municipality_nis}
        chosen.update(rng.sample(nearby, k=min(3, len(nearby))))
        return [("municipality", nis) for nis in sorted(chosen)]
    regions = [("province", province)]
    if roll > 0.75:
        regions.append(("province", rng.choice(NEIGHBOURS[province])))
    return regions
