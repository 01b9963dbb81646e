"""The steps of the sign-up wizard and the state it keeps between them.

The state is the raw text of each step, exactly as typed, so that going back, or coming
back later, shows everything again, even what was not valid yet. It lives in a draft on the
server (drafts.py); only POSTs change it.
"""
import copy
from dataclasses import dataclass

from flask import g
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import SelectMultipleField
from wtforms.validators import Length

from web import clock
from web.signup import drafts, forms


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
    """The wizard's state: the visitor's draft, or else an empty one, started now (the start
    time is for the minimum fill time), that is stored only once a step is posted."""
    draft = drafts.current()
    if draft is not None:
        return draft.data
    if "signup_fresh" not in g:
        g.signup_fresh = {"started": clock.seconds(), "steps": {}, "done": []}
    return g.signup_fresh


def has_state() -> bool:
    return drafts.current() is not None


def lost() -> bool:
    return drafts.lost()


def forget() -> None:
    drafts.forget()


def clear() -> None:
    drafts.discard()


def claim():
    """The draft for the final submit, locked until the commit (see drafts.current)."""
    return drafts.current(lock=True)


def raw(slug: str) -> MultiDict | None:
    stored = state()["steps"].get(slug)
    if stored is None:
        return None
    return MultiDict([(name, value) for name, values in stored.items() for value in values])


# A field without a length limit of its own (numbers, dates, codes, the enterprise number)
# keeps this many characters: far more than anyone types there.
SHORT_MAX_CHARS = 100


def _limits(slug: str) -> dict[str, tuple[int, int]]:
    """What each field of a step may keep: (values, characters per value). Text keeps one
    character more than its field accepts, so that text too long stays too long (and is
    shown as such) instead of being cut, unseen, into something that passes."""
    form = make_form(step(slug), MultiDict(), csrf=False)
    limits = {}
    for name, field in form._fields.items():
        if name in ("csrf_token", "action"):
            continue
        longest = [v.max for v in field.validators if isinstance(v, Length) and v.max >= 0]
        chars = max(longest) + 1 if longest else SHORT_MAX_CHARS
        values = len(field.choices) if isinstance(field, SelectMultipleField) else 1
        limits[name] = (values, chars)
    return limits


def _own_fields(slug: str, formdata: MultiDict) -> dict:
    # Unknown fields are left out and known ones cut at what the form allows: whatever is
    # posted, a draft stays as small as a real sign-up.
    kept = {}
    for name, (values, chars) in _limits(slug).items():
        if name in formdata:
            kept[name] = [value[:chars] for value in formdata.getlist(name)[:values]]
    return kept


def keep(slug: str, formdata: MultiDict, valid: bool) -> None:
    """Remember what was typed on a step (valid or not) and whether it passed. Flushes the
    draft; the caller commits."""
    current = copy.deepcopy(state())
    current["steps"][slug] = _own_fields(slug, formdata)
    done = [s for s in current["done"] if s != slug]
    if valid:
        done.append(slug)
    current["done"] = done
    drafts.save(current)


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
