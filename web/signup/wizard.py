"""The steps of the sign-up wizard and the state it keeps between them.

State lives in the (signed) session cookie as the raw text of each step, exactly as typed,
so that going back, or coming back later, shows everything again, even what was not valid
yet. Text fields are capped by the forms, which keeps the cookie small.
"""
from dataclasses import dataclass

from flask import session
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from web.signup import clock, forms

KEY = "signup"


@dataclass(frozen=True)
class Step:
    slug: str
    title: object
    form: type


STEPS = (
    Step("soort", _l("Soort organisatie"), forms.LegalFormForm),
    Step("organisatie", _l("Je zaak"), forms.OrganisationForm),
    Step("contact", _l("Contactpersoon"), forms.ContactForm),
    Step("adres", _l("Adres"), forms.AddressForm),
    Step("werk", _l("Soort werk"), forms.ActivitiesForm),
    Step("steun", _l("Wat je biedt"), forms.SupportForm),
    Step("planning", _l("Wanneer"), forms.ScheduleForm),
    Step("nakijken", _l("Nakijken en versturen"), forms.ReviewForm),
)
SLUGS = [step.slug for step in STEPS]
FINAL = STEPS[-1]


def step(slug: str) -> Step | None:
    return next((s for s in STEPS if s.slug == slug), None)


def number(s: Step) -> int:
    return SLUGS.index(s.slug) + 1


def previous(s: Step) -> Step | None:
    index = SLUGS.index(s.slug)
    return STEPS[index - 1] if index else None


def following(s: Step) -> Step | None:
    index = SLUGS.index(s.slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def state() -> dict:
    """The wizard's state, started now if there is none (the start time is for the
    minimum fill time)."""
    current = session.get(KEY)
    if not isinstance(current, dict) or "steps" not in current:
        current = {"started": clock.seconds(), "steps": {}, "done": []}
        session[KEY] = current
    return current


def has_state() -> bool:
    return isinstance(session.get(KEY), dict)


def clear() -> None:
    session.pop(KEY, None)


def raw(slug: str) -> MultiDict | None:
    stored = state()["steps"].get(slug)
    if stored is None:
        return None
    return MultiDict([(name, value) for name, values in stored.items() for value in values])


# What a step may keep in the session cookie: browsers drop cookies over 4 KB, so unknown
# fields are left out and every value is cut at what its field accepts.
KEEP_MAX_CHARS = 1200


def _own_fields(slug: str, formdata: MultiDict) -> dict:
    allowed = {name for name in make_form(step(slug), MultiDict(), csrf=False)._fields
               if name not in ("csrf_token", "action")}
    return {name: [value[:KEEP_MAX_CHARS] for value in formdata.getlist(name)][:40]
            for name in formdata if name in allowed}


def keep(slug: str, formdata: MultiDict, valid: bool) -> None:
    """Remember what was typed on a step (valid or not) and whether it passed."""
    current = state()
    current["steps"][slug] = _own_fields(slug, formdata)
    done = [s for s in current["done"] if s != slug]
    if valid:
        done.append(slug)
    current["done"] = done
    session.modified = True


def legal_form() -> str | None:
    stored = state()["steps"].get("soort", {})
    values = stored.get("legal_form") or [None]
    return values[0]


def make_form(s: Step, formdata=None, csrf: bool = True):
    """The form of a step, filled with formdata or else with what was kept for it. Forms
    rebuilt from the kept state carry no CSRF token of their own (csrf=False)."""
    if formdata is None:
        formdata = raw(s.slug)
    kwargs = {} if csrf else {"meta": {"csrf": False}}
    if s.form is forms.OrganisationForm:
        kwargs["legal_form"] = legal_form()
    if s.form is forms.ScheduleForm:
        kwargs["today"] = clock.today()
    form = s.form(formdata=formdata, **kwargs)
    if s.form is forms.AddressForm and formdata is None:
        # A sole trader's street is often their home: hidden unless they choose otherwise.
        form.address_public.data = legal_form() != "sole_trader"
    return form


def first_open_step() -> Step:
    """The first step not yet passed; the wizard never skips ahead of it."""
    done = set(state()["done"])
    for s in STEPS[:-1]:
        if s.slug not in done:
            return s
    return FINAL


def reachable(s: Step) -> bool:
    return SLUGS.index(s.slug) <= SLUGS.index(first_open_step().slug)


def validated_forms() -> tuple[dict, Step | None]:
    """Every data step checked again from what was kept: (forms by slug, first failing)."""
    checked = {}
    for s in STEPS[:-1]:
        form = make_form(s, csrf=False)
        if raw(s.slug) is None or not form.validate():
            return checked, s
        checked[s.slug] = form
    return checked, None
