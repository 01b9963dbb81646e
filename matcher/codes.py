"""The matching contract's vocabulary: stable codes with Dutch and English labels.

Codes may be added, never renamed or dropped (shared/MATCHING_CONTRACT.md). The interface
shows the labels; data, the API and the matcher speak the codes.
"""
from geo.travel import MODES
from matcher.errors import MatcherError

ACTIVITY_LABELS = {
    "kitchen": ("Keuken", "Kitchen"),
    "household": ("Huishoudelijk werk", "Household tasks"),
    "green": ("Groen en tuin", "Gardening and green spaces"),
    "semi_industrial": ("Verpakken en monteren", "Packing and assembly"),
    "administration": ("Administratie", "Administration"),
    "agriculture": ("Land- en tuinbouw", "Agriculture and horticulture"),
    "childcare": ("Kinderopvang", "Childcare"),
    "animal_care": ("Dierenverzorging", "Animal care"),
    "retail": ("Winkel", "Shop work"),
    "hospitality": ("Horeca", "Hospitality"),
    "logistics": ("Magazijn en logistiek", "Warehouse and logistics"),
    "creative": ("Creatief werk", "Creative work"),
    "textile": ("Naaien en textiel", "Sewing and textiles"),
    "woodwork": ("Houtbewerking", "Woodwork"),
    "technical": ("Technisch werk en herstellingen", "Technical work and repairs"),
    "care_support": ("Gezelschap en hulp in de zorg", "Company and help in care"),
    "transport": ("Vervoer", "Transport"),
    "maintenance": ("Onderhoud en klusjes", "Maintenance and odd jobs"),
    "sorting_reuse": ("Sorteren en hergebruik", "Sorting and reuse"),
    "education_support": ("Hulp op school", "Help at school"),
    "digital": ("Digitaal werk", "Digital work"),
    "reception": ("Onthaal", "Reception"),
    "other": ("Ander werk", "Other work"),
}

ACTIVITY_EXAMPLES = {
    "kitchen": ("afwassen, groenten snijden, tafels dekken", "washing up, cutting vegetables, laying tables"),
    "household": ("poetsen, strijken, was opplooien", "cleaning, ironing, folding laundry"),
    "green": ("gras maaien, onkruid wieden, bladeren ruimen", "mowing, weeding, raking leaves"),
    "semi_industrial": ("inpakken, etiketten kleven, onderdelen monteren", "packing, labelling, assembling parts"),
    "administration": ("klasseren, kopiëren, post rondbrengen", "filing, copying, delivering post"),
    "agriculture": ("zaaien, oogsten, in de serre werken", "sowing, harvesting, greenhouse work"),
    "childcare": ("spelen met kinderen, helpen bij het eten", "playing with children, helping at mealtimes"),
    "animal_care": ("dieren voederen, stallen uitmesten", "feeding animals, mucking out stables"),
    "retail": ("rekken aanvullen, klanten helpen", "stocking shelves, helping customers"),
    "hospitality": ("koffie schenken, afruimen in een café", "serving coffee, clearing tables in a café"),
    "logistics": ("dozen stapelen, bestellingen klaarzetten", "stacking boxes, preparing orders"),
    "creative": ("wenskaarten maken, schilderen, knutselen", "making greeting cards, painting, crafts"),
    "textile": ("naaien, herstellen, kleren upcyclen", "sewing, mending, upcycling clothes"),
    "woodwork": ("schuren, zagen, meubels opknappen", "sanding, sawing, restoring furniture"),
    "technical": ("fietsen herstellen, kleine herstellingen", "repairing bikes, small repairs"),
    "care_support": ("wandelen met bewoners, koffieronde", "walking with residents, coffee rounds"),
    "transport": ("mensen of goederen mee begeleiden of rijden", "accompanying or driving people or goods"),
    "maintenance": ("verven, kleine klusjes, zwerfvuil rapen", "painting, odd jobs, picking up litter"),
    "sorting_reuse": ("spullen sorteren in de kringwinkel, voedselpakketten", "sorting goods in a second-hand shop, food parcels"),
    "education_support": ("voorlezen, toezicht op de speelplaats", "reading help, playground supervision"),
    "digital": ("documenten scannen, eenvoudig computerwerk", "scanning documents, simple computer work"),
    "reception": ("mensen ontvangen, telefoon opnemen", "welcoming people, answering the phone"),
    "other": ("iets anders, in je eigen woorden", "something else, in your own words"),
}

SUPPORT_LABELS = {
    "calm_environment": ("Rustige plek", "Calm place"),
    "predictable_tasks": ("Voorspelbare taken", "Predictable tasks"),
    "light_physical": ("Licht lichamelijk werk", "Light physical work"),
    "constant_supervision": ("Altijd iemand in de buurt", "Someone always nearby"),
    "buddy": ("Vaste aanspreekpersoon", "A regular buddy"),
    "wheelchair_access": ("Toegankelijk met rolstoel", "Wheelchair accessible"),
    "visual_impairment_ok": ("Geschikt bij slecht zien", "Suitable for poor sight"),
    "dutch_practice": ("Nederlands oefenen", "Practise Dutch"),
    "limited_dutch_ok": ("Weinig Nederlands nodig", "Little Dutch needed"),
    "social_contact": ("Contact met mensen", "Contact with people"),
    "variety": ("Afwisseling", "Variety"),
    "routine": ("Vaste routine", "Fixed routine"),
    "no_customer_contact": ("Geen contact met klanten", "No customer contact"),
    "outdoor": ("Buiten werken", "Working outdoors"),
    "indoor": ("Binnen werken", "Working indoors"),
    "mental_health_open": ("Open voor psychische kwetsbaarheid", "Open to psychological vulnerability"),
    "trial_days": ("Proefdagen mogelijk", "Trial days possible"),
    "transport_provided": ("Vervoer geregeld", "Transport provided"),
    "flexible_hours": ("Soepele uren", "Flexible hours"),
}

SUPPORT_EXPLAIN = {
    "calm_environment": ("Een rustige plek zonder veel lawaai of drukte.", "A quiet place without much noise or bustle."),
    "predictable_tasks": ("Elke dag ongeveer hetzelfde werk, zodat je weet wat er komt.", "Much the same work every day, so you know what comes."),
    "light_physical": ("Geen zware dingen tillen, niet lang rechtstaan.", "No heavy lifting, no standing for long."),
    "constant_supervision": ("Er is altijd iemand in de buurt om te helpen.", "There is always someone nearby to help."),
    "buddy": ("Eén vaste persoon die je opvangt en uitleg geeft.", "One regular person who welcomes you and explains things."),
    "wheelchair_access": ("Je kan er binnen en rondrijden met een rolstoel.", "You can get in and around in a wheelchair."),
    "visual_impairment_ok": ("Het werk lukt ook als je slecht ziet.", "The work can be done with poor sight."),
    "dutch_practice": ("Je kan er Nederlands oefenen met collega's.", "You can practise Dutch with colleagues."),
    "limited_dutch_ok": ("Je hebt maar weinig Nederlands nodig.", "You need only a little Dutch."),
    "social_contact": ("Je werkt samen met anderen en praat met mensen.", "You work with others and talk to people."),
    "variety": ("Je doet verschillende taken.", "You do different tasks."),
    "routine": ("Elke keer dezelfde taken op dezelfde manier.", "The same tasks the same way each time."),
    "no_customer_contact": ("Je hoeft niet met klanten te praten.", "You do not have to talk to customers."),
    "outdoor": ("Je werkt vooral buiten.", "You work mostly outdoors."),
    "indoor": ("Je werkt vooral binnen.", "You work mostly indoors."),
    "mental_health_open": ("Men staat open voor mensen met psychische kwetsbaarheid.", "They are open to people with psychological vulnerability."),
    "trial_days": ("Je kan eerst een paar dagen komen proberen.", "You can first come and try for a few days."),
    "transport_provided": ("De werkpost haalt je op of brengt je naar de werkplek.", "The workpost picks you up or drives you to the work site."),
    "flexible_hours": ("Je uren kunnen wat schuiven als het nodig is.", "Your hours can shift a little when needed."),
}

MODE_LABELS = {
    "walk": ("Te voet", "On foot"),
    "bike": ("Met de fiets", "By bike"),
    "public_transport": ("Met bus, tram of trein", "By bus, tram or train"),
    "car": ("Met de auto", "By car"),
    "driven": ("Iemand brengt me", "Someone drives me"),
}

_DAYS = (("mon", "maandag", "Monday"), ("tue", "dinsdag", "Tuesday"),
         ("wed", "woensdag", "Wednesday"), ("thu", "donderdag", "Thursday"),
         ("fri", "vrijdag", "Friday"), ("sat", "zaterdag", "Saturday"),
         ("sun", "zondag", "Sunday"))
_PARTS = (("am", "voormiddag", "morning"), ("pm", "namiddag", "afternoon"))
SLOT_LABELS = {
    f"{day}_{part}": (f"{nl_day} {nl_part}", f"{en_day} {en_part}")
    for day, nl_day, en_day in _DAYS for part, nl_part, en_part in _PARTS
}
DAY_LABELS = {day: (nl, en) for day, nl, en in _DAYS}
PART_LABELS = {part: (nl, en) for part, nl, en in _PARTS}

ACTIVITIES = tuple(ACTIVITY_LABELS)
SUPPORTS = tuple(SUPPORT_LABELS)
SLOTS = tuple(SLOT_LABELS)
DAYS = tuple(DAY_LABELS)
__all__ = [
    "ACTIVITIES", "ACTIVITY_EXAMPLES", "ACTIVITY_LABELS", "DAYS", "DAY_LABELS", "MODES",
    "MODE_LABELS", "PART_LABELS", "SLOTS", "SLOT_LABELS", "SUPPORTS", "SUPPORT_EXPLAIN",
    "SUPPORT_LABELS", "UnknownCode", "check_codes",
]


class UnknownCode(MatcherError):
    """An input code that is not in the contract; `field` names where it was found."""


def check_codes(values, allowed, field: str, kind: str = "code") -> tuple[str, ...]:
    """The values as a tuple without duplicates, or UnknownCode naming the first bad one.

    `kind` words the message for people: check_codes(["boat"], MODES, "travel.modes",
    "travel mode") says `travel.modes[0]: unknown travel mode 'boat'`."""
    if values is None:
        return ()
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        raise UnknownCode(field, f"must be a list of {kind}s")
    allowed_set = set(allowed)
    seen = []
    for index, value in enumerate(values):
        if not isinstance(value, str) or value not in allowed_set:
            raise UnknownCode(f"{field}[{index}]", f"unknown {kind} {value!r}")
        if value not in seen:
            seen.append(value)
    return tuple(seen)
