"""The few words on the site that cannot be avoided, explained once in plain words, and
linked where they appear (the `glossary` filter links the first time each word appears on a
page to its explanation on /info/woordenlijst).

Each entry: the anchor, the words that count as the term (Dutch and English), the term as
shown, the explanation and the pictogram beside it."""
import re

from flask import g, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

TERMS = {
    "werkpost": (("werkpost", "werkposten", "workpost", "workposts"), _l("werkpost"),
                 _l("Een werkpost is een plek waar je werkt zonder loon. Bijvoorbeeld een "
                    "tuin, een keuken of een winkel."), "ui-work"),
    "begeleider": (("begeleider", "begeleiders", "supervisor", "supervisors"), _l("begeleider"),
                   _l("Een begeleider helpt je een werkpost te vinden. Hij of zij komt ook "
                      "vragen hoe het gaat. Je kan altijd bij je begeleider terecht."),
                   "ui-contact"),
    "ama": (("AMA",), _l("AMA"),
            _l("AMA is kort voor arbeidsmatige activiteiten. Dat is werk zonder loon, met "
               "hulp van een begeleider. Je doet het een paar uur per week."), "ui-easy"),
    "ocmw": (("OCMW", "PCSW"), _l("OCMW"),
             _l("OCMW is kort voor Openbaar Centrum voor Maatschappelijk Welzijn. Elke "
                "gemeente heeft er een. Het helpt je met geld, een huis of werk."), "ui-place"),
    "caw": (("CAW",), _l("CAW"),
            _l("CAW is kort voor Centrum Algemeen Welzijnswerk. Je kan er gratis terecht met "
               "vragen en zorgen. Ze luisteren en helpen je verder."), "ui-contact"),
    "dimona": (("DIMONA",), _l("DIMONA"),
               _l("DIMONA is een korte melding aan de overheid: wie werkt waar. Voor AMA "
                  "meldt de zaak de deelnemer als onbetaald. Zo blijft de uitkering."),
               "ui-time"),
}
_PATTERN = re.compile(
    r"\b(" + "|".join(sorted({re.escape(w) for words, *_ in TERMS.values() for w in words},
                             key=len, reverse=True)) + r")\b", re.I)
_ANCHOR = {w.lower(): anchor for anchor, (words, *_) in TERMS.items() for w in words}


def entries() -> list[tuple[str, str, str, str]]:
    """(anchor, term, explanation, pictogram) in the glossary's order."""
    return [(anchor, str(term), str(text), icon) for anchor, (_w, term, text, icon)
            in TERMS.items()]


def link_terms(text) -> Markup:
    """The text, escaped, with the first use of each glossary word on this page linked to its
    explanation. Case matters for the abbreviations (AMA, not 'ama' inside a word)."""
    linked = g.setdefault("glossary_linked", set()) if has_request_context() else set()

    def link(match):
        word = match.group(1)
        anchor = _ANCHOR.get(word.lower())
        abbreviation = anchor in ("ama", "ocmw", "caw", "dimona")
        if anchor is None or anchor in linked or (abbreviation and not word.isupper()):
            return str(escape(word))
        linked.add(anchor)
        href = url_for("info.glossary", _anchor=anchor)
        return f'<a class="term" href="{href}">{escape(word)}</a>'

    source = str(escape(text))
    return Markup(_PATTERN.sub(link, source))
