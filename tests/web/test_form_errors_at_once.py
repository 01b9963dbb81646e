"""Issue 15 item 9: every form shows every error at once, each next to its field, with what
was typed kept; and every limit a field lives by is in its hint."""
import html
import re
from datetime import UTC, date, datetime

import pytest
from signup_support import BAKERY, fill_steps
from factories import (make_org, make_participant, make_user, make_workpost,
                                      walk_to_active)
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, NumberRange

from web.models import Evaluation
from web.services.placements import shortlist
from web.signup import forms as signup_forms
from web.supervisor import organisation_forms, participant_forms, placement_forms
from web.supervisor.evaluation_views import EvaluationForm


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    admin = make_user(db_session, org, role="org_admin")
    person = make_participant(db_session, org, reference="FOUT-1")
    placement = shortlist(person, make_workpost(db_session), admin, "", date(2026, 1, 1))
    walk_to_active(db_session, placement, admin, date(2026, 1, 5))
    fresh = shortlist(make_participant(db_session, org, reference="FOUT-2"),
                      make_workpost(db_session, name="Moestuin De Pluk"), admin, "",
                      date(2026, 1, 1))
    db_session.commit()
    return admin, person, placement, fresh


@pytest.fixture()
def on_feb_10(app, client, monkeypatch):
    moment = datetime(2026, 2, 10, 10, tzinfo=UTC).timestamp()
    monkeypatch.setitem(app.config, "CLOCK", lambda: moment)

    def fix_session():
        with client.session_transaction() as session:
            session["login_at"] = session["seen_at"] = int(moment)
    return fix_session


def _errors(text: str, *ids: str) -> list[str]:
    """The ids (of fields) that have no error message next to them."""
    return [i for i in ids if f'id="{i}-error"' not in text]


def test_the_participant_form_shows_every_error_at_once(client, login, world):
    admin, *_ = world
    login(admin)
    answer = client.post("/werkruimte/deelnemers/nieuw", data={
        "reference": "GENT-099", "postcode": "Nergensdorp", "max_minutes": "999",
        "max_km": "0", "hours_per_week": "99", "goal": "meaningful_activity",
        "interests_text": "houdt van koken", "supervisor_id": "0"})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert _errors(text, "postcode", "travel_modes", "max_minutes", "max_km",
                   "hours_per_week") == []
    assert 'value="GENT-099"' in text and 'value="999"' in text
    assert "houdt van koken</textarea>" in text


def test_the_internal_workpost_form_shows_every_error_at_once(client, login, world):
    admin, *_ = world
    login(admin)
    answer = client.post("/werkruimte/organisatie/werkposten/nieuw", data={
        "name": "", "postcode": "0000", "capacity": "0", "offers": ["transport_provided"],
        "hours_per_week": "60", "tasks": "Soep maken"})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert _errors(text, "name", "postcode", "capacity", "hours_per_week", "activities",
                   "transport_radius_km") == []
    assert "Soep maken</textarea>" in text and 'value="0000"' in text


def test_the_placement_step_form_shows_every_error_at_once(client, login, world):
    admin, person, placement, fresh = world
    login(admin)
    answer = client.post(f"/werkruimte/plaatsingen/{fresh.id}/stap", data={
        "move-status": "active", "move-on_date": "", "move-note": "eerst bellen"})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert _errors(text, "move-on_date", "move-skip_reason") == []
    assert "eerst bellen</textarea>" in text


def test_the_agreement_shows_every_error_at_once_and_the_signed_date_beside_its_field(
        client, login, world):
    admin, person, placement, fresh = world
    login(admin)
    url = f"/werkruimte/plaatsingen/{fresh.id}/overeenkomst"
    answer = client.post(url, data={"start_date": "31/02", "schedule": "x" * 5000,
                                    "tasks": "Sorteren"})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert _errors(text, "start_date", "clause-schedule") == []
    assert 'value="31/02"' in text and "Sorteren</textarea>" in text
    signed = client.post(url + "/ondertekend", data={"signed_on": "2999-01-01"})
    text = signed.get_data(as_text=True)
    assert signed.status_code == 422  # no redirect with a message somewhere else
    assert _errors(text, "signed_on") == []
    assert 'value="2999-01-01"' in text and 'aria-invalid="true"' in text


def test_the_evaluation_form_shows_every_error_at_once(client, login, world, on_feb_10,
                                                       db_session):
    admin, person, placement, fresh = world
    login(admin)
    on_feb_10()
    pending = db_session.query(Evaluation).filter_by(placement_id=placement.id).first()
    answer = client.post(f"/werkruimte/evaluaties/{pending.id}", data={
        "done_on": "2026-03-01", "satisfaction_hours": "3", "agreements": "x" * 4001})
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert _errors(text, "done_on", "satisfaction_workpost", "satisfaction_guidance",
                   "notes", "agreements") == []
    assert 'value="2026-03-01"' in text


def test_the_sign_up_steps_show_every_error_at_once(client):
    client.get("/aanbieden/start")
    fill_steps(client, BAKERY, until="organisatie")
    answer = client.post("/aanbieden/stap/organisatie", data={
        "enterprise_number": "123", "name": "", "org_type": "", "website": "niet juist",
        "description": "Te kort."})
    text = answer.get_data(as_text=True)
    assert answer.status_code in (200, 400, 422)
    assert _errors(text, "enterprise_number", "name", "org_type", "website",
                   "description") == []
    assert 'value="niet juist"' in text and "Te kort.</textarea>" in text
    fill_steps(client, BAKERY, until="planning")
    answer = client.post("/aanbieden/stap/planning", data={
        "hours_per_week": "99", "capacity": "0", "available_from": "gisteren"})
    text = answer.get_data(as_text=True)
    assert _errors(text, "schedule", "hours_per_week", "capacity", "available_from") == []
    assert 'value="99"' in text and 'value="gisteren"' in text


# -- every limit in the hint ---------------------------------------------------------------

def _limits(form_class) -> dict[str, list[str]]:
    """field name -> the numbers of its Length and NumberRange validators."""
    found = {}
    for name in dir(form_class):
        unbound = getattr(form_class, name, None)
        if not isinstance(unbound, UnboundField):
            continue
        validators = unbound.kwargs.get("validators") or \
            (unbound.args[1] if len(unbound.args) > 1 else [])
        numbers = []
        for check in validators:
            if isinstance(check, Length):
                numbers += [n for n in (check.min, check.max) if n is not None and n > 0]
            elif isinstance(check, NumberRange):
                numbers += [n for n in (check.min, check.max) if n is not None]
        if numbers:
            found[name] = [f"{n:g}" if isinstance(n, float) else str(n) for n in numbers]
    return found


def _hint(text: str, field_id: str) -> str | None:
    match = re.search(rf'<span class="hint" id="{re.escape(field_id)}-hint">(.*?)</span>', text,
                      re.S)
    return html.unescape(match.group(1)) if match else None


def _check(text: str, form_class, prefix: str = "") -> list:
    """Fields of form_class shown on the page whose hint misses a number of their limits."""
    missing, checked = [], 0
    for name, numbers in _limits(form_class).items():
        field_id = prefix + name
        if f'id="{field_id}"' not in text:
            continue  # not on this page (a field shown only in some cases)
        checked += 1
        hint = (_hint(text, field_id) or "").replace(",", ".")
        gaps = [n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", hint)]
        if gaps:
            missing.append((form_class.__name__, field_id, gaps, hint))
    return missing, checked


def test_every_length_and_range_is_in_the_fields_hint(client, login, world, db_session):
    admin, person, placement, fresh = world
    login(admin)
    pages = [
        ("/werkruimte/deelnemers/nieuw", [(participant_forms.ParticipantForm, "")]),
        (f"/werkruimte/deelnemers/{person.id}/toestemming", [(participant_forms.ConsentForm, "")]),
        (f"/werkruimte/plaatsingen/{placement.id}", [(placement_forms.MoveForm, "move-"),
                                                     (placement_forms.ChangeForm, "change-")]),
        ("/werkruimte/organisatie/werkposten/nieuw",
         [(organisation_forms.InternalWorkpostForm, "")]),
        ("/werkruimte/organisatie", [(organisation_forms.ProfileForm, "")]),
        ("/werkruimte/organisatie/medewerkers", [(organisation_forms.InviteForm, "")]),
    ]
    evaluation = db_session.query(Evaluation).filter_by(placement_id=placement.id).first()
    pages.append((f"/werkruimte/evaluaties/{evaluation.id}", [(EvaluationForm, "")]))
    missing, checked = [], 0
    for url, forms in pages:
        text = client.get(url).get_data(as_text=True)
        for form_class, prefix in forms:
            gaps, count = _check(text, form_class, prefix)
            missing += gaps
            checked += count
    client.get("/aanbieden/start")
    steps = {"organisatie": signup_forms.OrganisationForm, "contact": signup_forms.ContactForm,
             "adres": signup_forms.AddressForm, "werk": signup_forms.ActivitiesForm,
             "steun": signup_forms.SupportForm, "planning": signup_forms.ScheduleForm}
    fill_steps(client, BAKERY, until="organisatie")
    for slug, form_class in steps.items():
        text = client.get(f"/aanbieden/stap/{slug}").get_data(as_text=True)
        gaps, count = _check(text, form_class)
        missing += gaps
        checked += count
        client.post(f"/aanbieden/stap/{slug}", data=BAKERY[slug])
    text = client.get("/aanbieden/link-kwijt").get_data(as_text=True)
    gaps, count = _check(text, signup_forms.LostLinkForm)
    missing += gaps
    checked += count
    assert missing == []
    assert checked >= 30  # the walk really reached the forms
