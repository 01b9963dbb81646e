"""The one place that picks Dutch or English: labels of the matcher's codes, province and
region names, any (nl, en) pair, in the visitor's language.

Codes and their labels are data (matcher.codes, geo); sentences are gettext messages in
the per-area catalogs. Everything that shows a code's label goes through `label`.
"""
import geo
from web.i18n import locale_code


def english() -> bool:
    return locale_code() == "en"


def language() -> str:
    """"nl" or "en": the visitor's language as a code."""
    return "en" if english() else "nl"


def pick(pair) -> str:
    """The Dutch or English half of a (nl, en) pair."""
    return pair[1] if english() else pair[0]


def label(table: dict, code: str) -> str:
    """The label of a code in the current language; the code itself if unknown."""
    pair = table.get(code)
    return code if pair is None else pick(pair)


def choices(table: dict, codes=None) -> list[tuple[str, str]]:
    """(code, label) pairs for a form's choices, in the order given (default: the table's)."""
    return [(code, label(table, code)) for code in (codes or table)]


def joined(table: dict, codes, lower: bool = True) -> str:
    """Labels of several codes as one phrase: "keuken, onthaal" (lower case inside a
    sentence, except where the label is a name, such as a day)."""
    text = [label(table, code) for code in codes]
    return ", ".join(t[:1].lower() + t[1:] if lower else t for t in text)


def place_name(place) -> str:
    """A province's or region's name (objects with name_nl and name_en)."""
    return pick((place.name_nl, place.name_en))


def place_label(place) -> str:
    """'Aalst (3800, Sint-Truiden, Limburg)': a place as offered in a choice."""
    return geo.choice_label(place, language())
