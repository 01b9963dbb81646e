"""What every template may use: the language, labels of codes, menus, the language switch."""
from flask import Flask, current_app, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from web.i18n import LANGUAGES

# Menu entries appear once their area exists; the order is the order people need them.
NAV = [
    ("signup.for_business", _l("Voor bedrijven")),
    ("directory.index", _l("Zoek in je buurt")),
    ("info.index", _l("Informatie")),
    ("supervisor.dashboard", _l("Voor begeleiders")),
]
FOOTER = [
    ("info.privacy", _l("Privacy")),
    ("info.accessibility", _l("Toegankelijkheid")),
    ("signup.lost_link", _l("Beheerlink kwijt?")),
]


def label(labels: dict, code: str) -> str:
    """The label of a code in the current language; the code itself if unknown."""
    pair = labels.get(code)
    if pair is None:
        return code
    return pair[1] if str(get_locale()) == "en" else pair[0]


def place_label(place) -> str:
    """'Aalst (3800, Sint-Truiden, Limburg)': a place as offered in a choice."""
    import geo

    return geo.choice_label(place, "en" if str(get_locale()) == "en" else "nl")


def _existing(entries):
    endpoints = current_app.view_functions
    return [(endpoint, text) for endpoint, text in entries if endpoint in endpoints]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["label"] = label
    app.jinja_env.globals["place_label"] = place_label
    app.jinja_env.globals["nav_links"] = lambda: _existing(NAV)
    app.jinja_env.globals["footer_links"] = lambda: _existing(FOOTER)

    @app.context_processor
    def language():
        current = str(get_locale())
        other = "en" if current == "nl" else "nl"
        return {
            "lang": current,
            "other_lang": other,
            "languages": LANGUAGES,
            "url_endpoints": current_app.view_functions,
            "switch_url": url_for("public.set_language", code=other,
                                  next=request.full_path.rstrip("?")),
        }
