"""Dutch names for demo organisations and businesses (invented, common Flemish surnames)."""
import random
import re
import unicodedata

SURNAMES = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
            "Wouters", "De Smet", "Dubois", "Hermans", "Aerts", "Pauwels", "Vermeulen",
            "Van Damme", "De Vos", "Desmet", "Verstraete", "Stevens", "Van den Broeck",
            "Michiels", "De Clercq", "Lambrechts", "Cools", "Verhoeven", "Smets", "Martens",
            "Van Dyck", "De Backer", "Segers", "Leysen", "Vandenberghe", "Coppens", "Bogaert"]
FIRST_NAMES = ["An", "Bart", "Els", "Tom", "Sofie", "Pieter", "Lien", "Koen", "Inge", "Wim",
               "Sarah", "Jan", "Nele", "Dirk", "Katrien", "Stijn", "Marleen", "Joris", "Ellen",
               "Geert", "Hanne", "Luc", "Eva", "Bram", "Ann", "Kris", "Fatima", "Youssef"]
ORG_NAME = {
    "caw": ["CAW {region}"], "cgg": ["CGG {place}", "CGG De Pont", "CGG Eclips"],
    "ocmw": ["OCMW {place}", "Sociaal Huis {place}"],
    "psychiatric_hospital": ["PZ Sint-Camillus {place}", "Psychiatrisch Centrum {place}",
                             "PZ Onzelievevrouw {place}"],
    "psychiatric_ward": ["PAAZ AZ {place}"],
    "sheltered_living": ["Beschut Wonen De Linde", "Beschut Wonen {place}", "Beschut Wonen Kompas"],
    "vaph_provider": ["Dienstencentrum De Ark", "Zorgvoorziening Ter Heide", "De Kade {place}",
                      "Dagcentrum Den Achtkanter", "Vzw Het Anker {place}"],
    "custom_work_company": ["Maatwerkbedrijf Ateljee", "Maatwerkbedrijf {place}",
                            "Maatwerkbedrijf Mivas", "Den Azalee {place}"],
    "addiction_care": ["Verslavingszorg De Sleutel {place}", "Kompas {place}"],
    "rehabilitation_centre": ["Revalidatiecentrum {place}"],
    "other": ["Buurtwerk {place}", "Vzw Ons Huis {place}"],
}
INTERNAL_NAMES = {
    "kitchen": "Keukenatelier", "green": "Moestuin en groenploeg", "creative": "Creatief atelier",
    "woodwork": "Houtatelier", "technical": "Fietsatelier", "sorting_reuse": "Kringwinkelhoek",
    "semi_industrial": "Inpakatelier", "textile": "Naaiatelier", "household": "Poets- en strijkploeg",
    "hospitality": "Ontmoetingscafé", "agriculture": "Kruidentuin", "administration": "Onthaal en kopieerdienst",
    "animal_care": "Dierenweide", "retail": "Winkeltje",
}
BUSINESS_NAMES = {
    "care_farm": ["Zorgboerderij De Hoeve", "Zorgboerderij {surname}", "Hoeve Ter {place}"],
    "childcare": ["Kinderdagverblijf De Speelvogel", "Kinderopvang Hummeltjes {place}"],
    "school": ["Basisschool De Regenboog {place}", "Sint-Jozefsschool {place}", "GO! Basisschool {place}"],
    "custom_work_company": ["Maatwerkbedrijf {place}", "Sociale werkplaats {place}"],
    "care_provider": ["Woonzorgcentrum Ter Linde {place}", "Dagcentrum {place}"],
    "sheltered_living": ["Woonproject De Boog {place}"],
    "ocmw": ["OCMW {place}"], "psychiatric_hospital": ["PZ {place}"],
    "hospitality": ["Brasserie {surname}", "Koffiebar De Kaai {place}", "Eetcafé 't Hoekje"],
    "caw": ["Inloopcentrum {place}"], "cgg": ["CGG {place}"],
    "shop": ["Supermarkt {surname}", "Buurtwinkel {surname}", "Bloemen {surname}"],
    "second_hand_shop": ["Kringwinkel {place}", "De Kringwinkel Hageland"],
    "craft_business": ["Bakkerij {surname}", "Garage {surname}", "Schrijnwerkerij {surname}",
                       "Fietsen {surname}", "Koffiebranderij {surname}", "Drukkerij {surname}"],
    "municipal_service": ["Groendienst {place}", "Gemeentelijke werkplaats {place}"],
    "culture_sport": ["Bibliotheek {place}", "Sportclub {place}", "Museum {place}"],
}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def fill(template: str, rng: random.Random, place: str, region: str = "") -> str:
    return template.format(place=place, surname=rng.choice(SURNAMES), region=region or place)


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def phone(rng: random.Random) -> str:
    return f"0{rng.randint(9, 9)}{rng.randint(1, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
