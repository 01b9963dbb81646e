"""Clean input, in one place: control characters are refused in every single-line field with
a message next to it; multi-line fields keep only line breaks and tabs."""
import importlib
import pkgutil

import pytest
from flask_wtf import FlaskForm
from test_signup_manage import _edit_data, _reload, _signed_up
from signup_support import errors_of
from factories import make_org, make_user
from test_supervisor_participants import PROFILE

import web
from web.forms import BaseForm
from web.text import multiline
from web.models import Participant


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def test_every_form_of_the_platform_derives_from_the_base_form():
    for module in pkgutil.walk_packages(web.__path__, "web."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    forms = [f for f in _all_subclasses(FlaskForm) if f.__module__.startswith("web.")]
    assert len(forms) > 20
    assert [f"{f.__module__}.{f.__name__}" for f in forms
            if not issubclass(f, BaseForm)] == []


@pytest.mark.parametrize("bad", ["Bakkerij\nPeeters", "Bakkerij\tPeeters", "Bakkerij\x07",
                                 "Bakkerij\x1b[31m", "Bakkerij\u202eeeteeP", "Bak\x85kerij"])
def test_a_line_break_or_control_character_in_a_name_is_refused_next_to_the_field(
        client, db_session, clock, outbox, bad):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    response = client.post(manage + "/wijzigen", data=_edit_data(name=bad))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert errors_of(html) == ["name"]
    assert "Gebruik hier geen regeleinden, tabs of onzichtbare tekens." in html
    assert _reload(db_session, workpost).name == "Bakkerij Peeters"


def test_the_message_speaks_english_too(client, db_session, clock, outbox):
    _workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    client.get("/taal/en")
    html = client.post(manage + "/wijzigen", data=_edit_data(contact_name="An\nBcc: x@y.z")
                       ).get_data(as_text=True)
    assert "Do not use line breaks, tabs or invisible characters here." in html


def test_multi_line_text_keeps_line_breaks_and_tabs_only(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    db_session.commit()
    login(user)
    response = client.post("/werkruimte/deelnemers/nieuw", data={
        **PROFILE, "interests_text": "tuin\r\nen\tdieren\x07\x1b\u202e bakken"})
    assert response.status_code == 302
    person = db_session.query(Participant).filter_by(reference="GENT-017").one()
    assert person.interests_text == "tuin\nen\tdieren bakken"


def test_a_participant_code_with_a_tab_is_refused(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    db_session.commit()
    login(user)
    response = client.post("/werkruimte/deelnemers/nieuw",
                           data={**PROFILE, "reference": "GENT\t017"})
    assert response.status_code == 422
    assert "onzichtbare tekens" in response.get_data(as_text=True)
    assert db_session.query(Participant).count() == 0


def test_the_multi_line_cleaner():
    assert multiline("a\r\nb\rc\x0bd\x7f\x9f\u2066e\tf") == "a\nb\ncde\tf"
    assert multiline(None) is None
