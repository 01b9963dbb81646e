"""The matcher's reasons and concerns as plain sentences, in the visitor's language.

The matcher returns codes and numbers (matcher.match.Reason); the sentences are gettext
messages (Dutch ids, English in the catalog), and the codes' labels come from web.labels.

Two voices, one table each, sharing every sentence that does not address anyone:
- STAFF speaks about the participant ("de deelnemer"): every staff page and the API;
- PERSON speaks to the participant ("je"): only what is printed and given to the person.
"""
from flask_babel import force_locale

from matcher import codes
from web.i18n import gettext
from web.labels import joined, label

ALL_LABELS = {**codes.ACTIVITY_LABELS, **codes.SUPPORT_LABELS}
VOICES = ("staff", "person")

# code -> the sentence, from the reason's values (_values below); gettext fills them in.
_SHARED = {
    "interest": lambda v: gettext("Past bij interesse: %(labels)s", **v),
    "interest_words": lambda v: gettext("Sluit aan bij %(words)s (eigen woorden): %(labels)s",
                                        **v),
    "wish_met": lambda v: gettext("Wens vervuld: %(labels)s", **v),
    "close": lambda v: gettext("Op %(minutes)s minuten %(mode)s", **v),
    "schedule": lambda v: gettext("Samen mogelijk op: %(slots)s", **v),
    "wish_missed": lambda v: gettext("Wens niet vervuld: %(labels)s", **v),
    "driven_far": lambda v: gettext("Gebracht door de werkpost: %(km)s km, ongeveer "
                                    "%(minutes)s minuten, verder dan de eigen grens", **v),
    "schedule_short": lambda v: gettext("Te weinig gedeelde halve dagen voor %(count)s uur "
                                        "per week: %(slots)s", **v),
    "congestion": lambda v: gettext("Al door %(count)s mensen gekozen voor weinig open "
                                    "plaatsen", **v),
}

STAFF = {
    **_SHARED,
    "interest_text": lambda v: gettext("Sluit aan bij wat de deelnemer vertelde: %(told)s",
                                       **v),
    "wish_words": lambda v: gettext("Past bij wat de deelnemer schreef (%(words)s): "
                                    "%(labels)s", **v),
    "need_met": lambda v: gettext("Wat de deelnemer nodig heeft is er: %(labels)s", **v),
    "far": lambda v: gettext("Op %(minutes)s minuten %(mode)s, dicht bij de grens van de "
                             "deelnemer", **v),
    "avoid_partly": lambda v: gettext("Ook taken die de deelnemer liever niet doet: "
                                      "%(labels)s", **v),
    "avoid_words": lambda v: gettext("De deelnemer schreef %(words)s, en hier is ook: "
                                     "%(labels)s", **v),
}

PERSON = {
    **_SHARED,
    "interest_text": lambda v: gettext("Sluit aan bij wat je vertelde: %(told)s", **v),
    "wish_words": lambda v: gettext("Past bij wat je schreef (%(words)s): %(labels)s", **v),
    "need_met": lambda v: gettext("Wat je nodig hebt is er: %(labels)s", **v),
    "far": lambda v: gettext("Op %(minutes)s minuten %(mode)s, dicht bij je grens", **v),
    "avoid_partly": lambda v: gettext("Ook taken die je liever niet doet: %(labels)s", **v),
    "avoid_words": lambda v: gettext("Je schreef %(words)s, en hier is ook: %(labels)s", **v),
}

TABLES = {"staff": STAFF, "person": PERSON}


def _values(reason) -> dict:
    parts = reason.codes()
    return {"labels": joined(ALL_LABELS, parts),
            "slots": joined(codes.SLOT_LABELS, parts, lower=False),
            "mode": label(codes.MODE_LABELS, reason.detail).lower(),
            "words": ", ".join(f"‘{w}’" for w in reason.words),
            "told": ", ".join(reason.words),
            "minutes": reason.minutes, "km": reason.km, "count": reason.count}


def sentence(reason, voice: str = "staff") -> str:
    """One reason or concern as a sentence: about the participant (staff) or to them."""
    write = TABLES[voice].get(reason.code)
    return write(_values(reason)) if write else reason.code


def sentences(reasons, voice: str = "staff") -> list[str]:
    return [sentence(r, voice) for r in reasons]


def in_both(reason, voice: str = "staff") -> dict:
    """The sentence in Dutch and in English (the token API gives both)."""
    out = {}
    for lang in ("nl", "en"):
        with force_locale(lang):
            out[f"text_{lang}"] = sentence(reason, voice)
    return out
