"""The AMA agreement between participant, supervisor and workpost: a draft from the placement
with every clause of the model, which the supervisor edits before printing.

The agreement is a Dutch document for three parties; its clauses are written here in plain
Dutch (B1) and stored on the placement as {"clauses": {key: text}, "saved_at": ...}.
"""
from datetime import datetime

from web.models import Placement, User
from web.services import audit
from web.services.workpost_address import address_line

# (key, title) in the order of the model agreement.
CLAUSES = (
    ("parties", "Wie sluit deze overeenkomst?"),
    ("tasks", "Wat doe je en waar?"),
    ("schedule", "Wanneer werk je en wanneer pauzeer je?"),
    ("start", "Start en duur"),
    ("trial", "Proefperiode"),
    ("meetings", "Wanneer praten we samen?"),
    ("absence", "Als je niet kan komen"),
    ("transport", "Hoe geraak je er?"),
    ("insurance", "Verzekering"),
    ("clothing", "Werkkledij"),
    ("safety", "Veiligheid"),
    ("hygiene", "Hygiëne"),
    ("change_end", "Iets veranderen of stoppen"),
    ("complaints", "Klachten"),
    ("consent", "Toestemming om gegevens te delen"),
)
CLAUSE_KEYS = tuple(key for key, _ in CLAUSES)
MAX_CLAUSE_LENGTH = 4000

DAYS = {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag",
        "fri": "vrijdag", "sat": "zaterdag", "sun": "zondag"}
PARTS = {"am": "voormiddag", "pm": "namiddag"}


def _slots(codes) -> str:
    names = [f"{DAYS[c[:3]]} {PARTS[c[4:]]}" for c in codes if c[:3] in DAYS and c[4:] in PARTS]
    return ", ".join(names) if names else "af te spreken"


def _hours(value) -> str:
    if value is None:
        return "af te spreken"
    return f"{value:g} uur per week"


def draft(placement: Placement, supervisor_name: str) -> dict[str, str]:
    workpost, participant = placement.workpost, placement.participant
    organisation = placement.participant.organisation
    where = address_line(workpost, placement.organisation_id)
    shared_slots = [s for s in participant.availability if s in workpost.schedule] \
        or workpost.schedule or participant.availability
    start = placement.start_date.strftime("%d/%m/%Y") if placement.start_date else "………"
    interval = placement.evaluation_interval_months
    return {
        "parties": (
            f"De deelnemer (dossier {participant.reference}), de begeleider "
            f"{organisation.name} (begeleider: {supervisor_name}) en de werkpost "
            f"{workpost.name} maken samen deze afspraken over arbeidsmatige activiteiten. "
            "Het werk is onbetaald. Je blijft je uitkering of inkomen houden."),
        "tasks": (
            f"Je taken: {placement.tasks or workpost.tasks or 'af te spreken'}.\n"
            f"Je werkt bij {workpost.name}, {where}. "
            f"Op de werkpost helpt {workpost.contact_name or '………'} je elke dag."),
        "schedule": (
            f"Je werkt {_hours(placement.hours_per_week)}, op {_slots(shared_slots)}. "
            "Je neemt een pauze van 15 minuten per halve dag, en een middagpauze als je een "
            "hele dag werkt. Je mag altijd zeggen als je even rust nodig hebt."),
        "start": (
            f"Je start op {start}. De overeenkomst loopt voor onbepaalde tijd, tot een van "
            "de drie partijen ze stopt."),
        "trial": (
            "De eerste maand is een proefperiode. In die maand mag iedereen zonder reden "
            "stoppen. Na de proefperiode praten we samen of het goed gaat."),
        "meetings": (
            "In de eerste weken komt de begeleider vaker langs of belt hij of zij op. "
            "Daarna minder. We evalueren samen na één maand, na drie en zes maanden, en "
            f"daarna minstens elke {interval} maanden (en minstens één keer per jaar)."),
        "absence": (
            f"Ben je ziek of kan je niet komen? Verwittig zo snel mogelijk "
            f"{workpost.contact_name or 'de werkpost'}"
            f"{' (' + workpost.contact_phone + ')' if workpost.contact_phone else ''} "
            f"en je begeleider bij {organisation.name}. Verlof spreek je op voorhand af."),
        "transport": (
            "Je komt naar de werkpost op de manier die we samen afspreken (te voet, met de "
            "fiets, met het openbaar vervoer of met de auto). Kosten voor de verplaatsing: "
            "af te spreken."),
        "insurance": (
            f"{organisation.name} verzekert je voor burgerlijke aansprakelijkheid en voor "
            "ongevallen, ook op weg van en naar de werkpost. Heb je een ongeval? Meld het "
            "dezelfde dag aan je begeleider."),
        "clothing": (
            "De werkpost zegt welke kledij of schoenen nodig zijn en zorgt voor "
            "beschermkledij als dat nodig is."),
        "safety": (
            "Op de eerste dag legt de werkpost uit hoe je veilig werkt: machines, "
            "producten, nooduitgangen en wie je moet verwittigen bij een probleem."),
        "hygiene": (
            "Je volgt de regels voor hygiëne van de werkpost, bijvoorbeeld handen wassen en "
            "haar samenbinden in de keuken."),
        "change_end": (
            "Wil iemand iets veranderen (uren, taken, plaats)? Dan praten we daar eerst "
            "samen over en schrijven we het op. Iedereen mag de overeenkomst stoppen. Zeg "
            "het dan op tijd aan de anderen, liefst twee weken op voorhand."),
        "complaints": (
            f"Heb je een klacht? Praat erover met je begeleider bij {organisation.name}. "
            "Lukt dat niet, dan kan je terecht bij de klachtendienst van "
            f"{organisation.name}."),
        "consent": (
            "Je geeft toestemming dat de begeleider en de werkpost gegevens uitwisselen die "
            "nodig zijn voor je werk: je uren, je taken en waar je extra hulp bij nodig hebt. "
            "Je beslist zelf wat de werkpost weet over je gezondheid of problemen. Je mag "
            "deze toestemming altijd intrekken."),
    }


def clauses(placement: Placement, supervisor_name: str) -> dict[str, str]:
    """The saved text of every clause, or the draft where nothing was saved yet."""
    saved = (placement.agreement or {}).get("clauses", {})
    generated = draft(placement, supervisor_name)
    return {key: saved.get(key) or generated[key] for key in CLAUSE_KEYS}


def save(placement: Placement, texts: dict[str, str], by: User, now: datetime) -> list[str]:
    """Store the edited clauses; returns the keys of empty or too long clauses."""
    if placement.participant.status == "frozen":
        return ["frozen"]
    problems = [key for key in CLAUSE_KEYS
                if not (texts.get(key) or "").strip() or len(texts[key]) > MAX_CLAUSE_LENGTH]
    if problems:
        return problems
    placement.agreement = {"clauses": {key: texts[key].strip() for key in CLAUSE_KEYS},
                           "saved_at": now.isoformat(), "saved_by": by.id}
    audit.record("agreement.saved", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id)
    return []
