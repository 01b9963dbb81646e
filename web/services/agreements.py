"""The AMA agreement between participant, supervisor and workpost: a draft from the placement
with every clause of the model, which the supervisor edits before printing.

The agreement is a Dutch document for three parties; its clauses are written here in plain
Dutch (B1) and stored on the placement as {"clauses": {key: text}, "saved_at": ...}.
"""
import re
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


BLANK = "………"  # a fact still unknown: the agreement is not complete while one is left
HOURS_PER_HALF_DAY = 4  # the most hours a half-day holds, as the agreement counts them


def _cadence(months: int) -> str:
    if months >= 12:
        return "minstens één keer per jaar"
    return f"minstens elke {months} maanden"


def shared_slots(placement) -> list[str]:
    workpost, participant = placement.workpost, placement.participant
    return [s for s in participant.availability if s in workpost.schedule] \
        or list(workpost.schedule) or list(participant.availability)


def hours_fit(placement) -> bool:
    """The hours a week fit in the half-days the agreement names."""
    hours = placement.hours_per_week or placement.workpost.hours_per_week
    slots = shared_slots(placement)
    return hours is None or not slots or hours <= len(slots) * HOURS_PER_HALF_DAY


def _hours(value) -> str:
    if value is None:
        return "af te spreken"
    return f"{value:g} uur per week"


def draft(placement: Placement, supervisor_name: str) -> dict[str, str]:
    workpost, participant = placement.workpost, placement.participant
    organisation = placement.participant.organisation
    where = address_line(workpost, placement.organisation_id)
    slots = shared_slots(placement)
    start = placement.start_date.strftime("%d/%m/%Y") if placement.start_date else BLANK
    interval = placement.evaluation_interval_months
    hours = placement.hours_per_week or workpost.hours_per_week
    return {
        "parties": (
            f"De deelnemer (dossier {participant.reference}), de begeleider "
            f"{organisation.name} (begeleider: {supervisor_name}) en de werkpost "
            f"{workpost.name} maken samen deze afspraken over arbeidsmatige activiteiten. "
            "Het werk is onbetaald. Je blijft je uitkering of inkomen houden."),
        "tasks": (
            f"Je taken: {placement.tasks or workpost.tasks or 'af te spreken'}.\n"
            f"Je werkt bij {workpost.name}, {where}. "
            f"Op de werkpost helpt {workpost.contact_name or BLANK} je elke dag."),
        "schedule": (
            f"Je werkt {_hours(hours)}, op {_slots(slots)}. "
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
            f"daarna {_cadence(interval)}."),
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
    texts = {}
    for key in CLAUSE_KEYS:
        text = saved.get(key) or generated[key]
        # A blank saved before the fact was known (the start date, a contact) is filled in.
        if BLANK in text and BLANK not in generated[key] and key in saved \
                and _same_but_blanks(text, generated[key]):
            text = generated[key]
        texts[key] = text
    return texts


def _same_but_blanks(saved: str, generated: str) -> bool:
    pattern = ".+?".join(re.escape(part) for part in saved.split(BLANK))
    return re.fullmatch(pattern, generated, flags=re.S) is not None


def problems(placement: Placement, texts: dict[str, str]) -> dict[str, str]:
    """{clause key: problem code} for every clause at once: empty, too long, or (schedule)
    hours that do not fit in the half-days."""
    found = {}
    for key in CLAUSE_KEYS:
        text = (texts.get(key) or "").strip()
        if not text:
            found[key] = "empty"
        elif len(text) > MAX_CLAUSE_LENGTH:
            found[key] = "too_long"
    if "schedule" not in found and not hours_fit(placement):
        found["schedule"] = "hours_do_not_fit"
    return found


def save(placement: Placement, texts: dict[str, str], by: User, now: datetime,
         start_date=None) -> dict[str, str]:
    """Store the edited clauses; returns {key: problem} (nothing stored when there is one).
    A start date given with them becomes the placement's and fills the start clause's blank.
    Saving again clears an earlier signature: the signed text is the one that counts."""
    if placement.participant.status == "frozen":
        return {"frozen": "frozen"}
    texts = dict(texts)
    if start_date is not None:
        placement.start_date = start_date
        texts["start"] = (texts.get("start") or "").replace(
            BLANK, start_date.strftime("%d/%m/%Y"), 1)
    found = problems(placement, texts)
    if found:
        return found
    placement.agreement = {"clauses": {key: texts[key].strip() for key in CLAUSE_KEYS},
                           "saved_at": now.isoformat(), "saved_by": by.id}
    audit.record("agreement.saved", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id)
    return {}


def missing(placement: Placement) -> list[str]:
    """Why the agreement is not complete yet: 'not_saved', or the clauses with a blank."""
    saved = (placement.agreement or {}).get("clauses")
    if not saved:
        return ["not_saved"]
    return [key for key in CLAUSE_KEYS if not saved.get(key) or BLANK in saved[key]]


def mark_signed(placement: Placement, signed_on, by: User) -> list[str]:
    """Record that the three parties signed the saved text; refuses an incomplete one."""
    gaps = missing(placement)
    if gaps:
        return gaps
    placement.agreement = {**placement.agreement, "signed_on": signed_on.isoformat(),
                           "signed_recorded_by": by.id}
    audit.record("agreement.signed", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id)
    return []


def is_signed(placement: Placement) -> bool:
    return bool((placement.agreement or {}).get("signed_on")) and not missing(placement)
