"""What every template may use: the language, labels of codes, menus, the language switch."""
from datetime import datetime

from flask import (Flask, before_render_template, current_app, get_flashed_messages,
                   has_request_context, request, session, url_for)
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.widgets import CheckboxInput, RadioInput

from matcher import codes
from web.forms import with_limits
from web.models import choices
from web.i18n import LANGUAGES
from web.i18n import gettext as _
from web.i18n import lazy_gettext as _l
from web.labels import joined, label, pick, place_label
from web.glossary import link_terms

# The order is the order people need them.
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


# The tile server's attribution as configured by default; shown in the page's language.
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"


def map_attribution() -> str:
    configured = current_app.config.get("MAP_TILE_ATTRIBUTION", "")
    return _("&copy; OpenStreetMap-bijdragers") if configured == OSM_ATTRIBUTION else configured


def is_group(field) -> bool:
    """A set of radios or checkboxes, shown as a fieldset with one input per option."""
    return isinstance(getattr(field, "option_widget", None), (CheckboxInput, RadioInput))


def control_id(field) -> str:
    """Where the error summary sends people: the field itself, or a group's first option (as
    the GOV.UK design system does), since a fieldset cannot take the focus."""
    if not is_group(field) or not field.choices:
        return field.id
    option_id = getattr(field, "option_id", None)  # a group drawn as a grid names its own boxes
    if option_id:
        return option_id(field.choices[0][0])
    return next(iter(field)).id


def described_by(field, hint=None) -> dict:
    """aria-describedby (the field's hint and error) and aria-invalid for an input, so that
    each input of a group carries what its fieldset says."""
    ids = [field.id + "-hint"] if hint else []
    if field.errors:
        ids.append(field.id + "-error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return attrs


def _failed(context: dict) -> bool:
    """The page answers a submit that failed: a form with errors, or an error message."""
    forms = (v for v in context.values() if isinstance(v, FlaskForm))
    if any(form.errors for form in forms):
        return True
    return has_request_context() and any(
        category == "error" for category, _ in get_flashed_messages(with_categories=True))


def local_time(value: str | None):
    """A stored "2026-12-10T10:00" (a proposed meeting time) as a datetime, or None."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def init_app(app: Flask) -> None:
    app.jinja_env.globals["label"] = label
    app.jinja_env.globals["pick"] = pick
    app.jinja_env.globals["place_label"] = place_label
    app.jinja_env.globals["nav_links"] = lambda: NAV
    app.jinja_env.globals["footer_links"] = lambda: FOOTER
    app.jinja_env.globals["control_id"] = control_id
    app.jinja_env.globals["is_group"] = is_group
    app.jinja_env.globals["described_by"] = described_by
    app.jinja_env.globals["with_limits"] = with_limits
    app.jinja_env.globals["map_attribution"] = map_attribution
    app.jinja_env.filters["glossary"] = link_terms
    # The workpost as a partner: contact requests and concerns (pages and mails).
    app.jinja_env.globals.update(
        joined=joined, when=local_time, SLOT_LABELS=codes.SLOT_LABELS,
        SUPPORT_LABELS=codes.SUPPORT_LABELS, NOT_NOW_REASONS=choices.NOT_NOW_REASONS,
        CONCERN_CATEGORIES=choices.CONCERN_CATEGORIES, CONTACT_ANSWERS=choices.CONTACT_ANSWERS,
        WORKPOST_SHARE=choices.WORKPOST_SHARE)

    def mark_failed(sender, template, context, **extra):
        # The title starts with "Fout:" so that the problem is the first thing heard.
        context.setdefault("failed", _failed(context))

    before_render_template.connect(mark_failed, app, weak=False)

    @app.context_processor
    def language():
        current = str(get_locale())
        other = "en" if current == "nl" else "nl"
        return {
            "lang": current,
            # Easy-read (short sentences, pictograms) where a page has an easy version.
            "easy_read": bool(session.get("easy_read")),
            "other_lang": other,
            "languages": LANGUAGES,
            "url_endpoints": current_app.view_functions,
            "switch_url": url_for("public.set_language", code=other,
                                  next=request.full_path.rstrip("?")),
        }
