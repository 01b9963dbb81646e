"""The matcher's reasons and concerns as plain sentences, in the visitor's language.

The matcher returns codes and numbers (matcher.match.Reason); the sentences are gettext
messages (Dutch ids, English in the catalog), and the codes' labels come from web.labels.
"""
from flask_babel import force_locale, gettext

from matcher import codes
from web.labels import joined, label

ALL_LABELS = {**codes.ACTIVITY_LABELS, **codes.SUPPORT_LABELS}


def _quoted(words) -> str:
    return ", ".join(f"‘{w}’" for w in words)


def sentence(reason) -> str:
    """One reason or concern as a sentence for the match page."""
    code, parts = reason.code, reason.codes()
    labels = joined(ALL_LABELS, parts)
    slots = joined(codes.SLOT_LABELS, parts, lower=False)
    mode = label(codes.MODE_LABELS, reason.detail).lower()
    said = _quoted(reason.words)
    minutes, km, count = reason.minutes, reason.km, reason.count
    if code == "interest":
        return gettext("Past bij interesse: %(labels)s", labels=labels)
    if code == "interest_words":
        return gettext("Sluit aan bij %(words)s (eigen woorden): %(labels)s",
                       words=said, labels=labels)
    if code == "interest_text":
        return gettext("Sluit aan bij wat je vertelde: %(words)s", words=", ".join(reason.words))
    if code == "wish_met":
        return gettext("Wens vervuld: %(labels)s", labels=labels)
    if code == "wish_words":
        return gettext("Past bij wat je schreef (%(words)s): %(labels)s", words=said,
                       labels=labels)
    if code == "need_met":
        return gettext("Wat je nodig hebt is er: %(labels)s", labels=labels)
    if code == "close":
        return gettext("Op %(minutes)s minuten %(mode)s", minutes=minutes, mode=mode)
    if code == "schedule":
        return gettext("Samen mogelijk op: %(slots)s", slots=slots)
    if code == "wish_missed":
        return gettext("Wens niet vervuld: %(labels)s", labels=labels)
    if code == "far":
        return gettext("Op %(minutes)s minuten %(mode)s, dicht bij je grens", minutes=minutes,
                       mode=mode)
    if code == "driven_far":
        return gettext("Gebracht door de werkpost: %(km)s km, ongeveer %(minutes)s minuten, "
                       "verder dan de eigen grens", km=km, minutes=minutes)
    if code == "schedule_short":
        return gettext("Te weinig gedeelde halve dagen voor %(count)s uur per week: %(slots)s",
                       count=count, slots=slots)
    if code == "avoid_partly":
        return gettext("Ook taken die je liever niet doet: %(labels)s", labels=labels)
    if code == "avoid_words":
        return gettext("Je schreef %(words)s, en hier is ook: %(labels)s", words=said,
                       labels=labels)
    if code == "congestion":
        return gettext("Al door %(count)s mensen gekozen voor weinig open plaatsen",
                       count=count)
    return code


def sentences(reasons) -> list[str]:
    return [sentence(r) for r in reasons]


def in_both(reason) -> dict:
    """The sentence in Dutch and in English (the token API gives both)."""
    out = {}
    for lang in ("nl", "en"):
        with force_locale(lang):
            out[f"text_{lang}"] = sentence(reason)
    return out
