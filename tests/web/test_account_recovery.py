"""A forgotten password is reset through a signed link that works once."""
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from factories import make_org, make_user

from web.models import AuditEvent


def outbox_messages(outbox: Path):
    # web.infra.mail.outbox_messages leaves its files open (a ResourceWarning); read them closed.
    parser = BytesParser(policy=policy.default)
    messages = []
    for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns):
        with path.open("rb") as f:
            messages.append(parser.parse(f))
    return messages


def _link_to(app, address: str) -> str:
    messages = [m for m in outbox_messages(Path(app.config["MAIL_OUTBOX"])) if m["To"] == address]
    body = messages[-1].get_body(("plain",)).get_content()
    return re.search(r"http://localhost(/account/\S+)", body).group(1)


@pytest.fixture()
def staff(db_session):
    user = make_user(db_session, make_org(db_session), email="reset-me@example.be")
    db_session.commit()
    return user


def test_a_reset_link_sets_a_new_password_once(app, client, staff, db_session):
    response = client.post("/account/wachtwoord-vergeten", data={"email": staff.email})
    assert response.status_code == 302
    link = _link_to(app, staff.email)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": "a brand new passphrase",
                                       "repeat": "a brand new passphrase"})
    assert response.status_code == 302
    login = client.post("/account/inloggen", data={"email": staff.email,
                                                   "password": "a brand new passphrase"})
    assert login.status_code == 302, login.get_data(as_text=True)[-3000:]
    assert "/account/tweede-stap" in login.headers["Location"]
    assert client.get(link).status_code == 410
    assert db_session.query(AuditEvent).filter_by(action="account.password_reset").count() == 1


def test_an_unknown_address_gets_the_same_answer_and_no_mail(app, client, db_session):
    before = len(outbox_messages(Path(app.config["MAIL_OUTBOX"])))
    response = client.post("/account/wachtwoord-vergeten", data={"email": "nobody@example.be"},
                           follow_redirects=True)
    assert "Als dit adres een account heeft" in response.get_data(as_text=True)
    assert len(outbox_messages(Path(app.config["MAIL_OUTBOX"]))) == before


def test_a_short_or_mismatched_password_is_refused_next_to_the_field(app, client, staff):
    client.post("/account/wachtwoord-vergeten", data={"email": staff.email})
    link = _link_to(app, staff.email)
    short = client.post(link, data={"password": "short", "repeat": "short"})
    assert short.status_code == 422
    assert "minstens 12 tekens" in short.get_data(as_text=True)
    mismatch = client.post(link, data={"password": "long enough password",
                                       "repeat": "another long password"})
    assert "niet gelijk" in mismatch.get_data(as_text=True)


def test_a_tampered_or_expired_link_is_refused(app, client, staff, monkeypatch):
    import time

    client.post("/account/wachtwoord-vergeten", data={"email": staff.email})
    link = _link_to(app, staff.email)
    assert client.get(link + "x").status_code == 410
    later = time.time() + 2 * 60 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert "verlopen" in client.get(link).get_data(as_text=True)


def test_a_new_password_ends_every_open_session(app, client, staff, login):
    login(staff)
    assert client.get("/werkruimte/").status_code == 200
    other = app.test_client()
    other.post("/account/wachtwoord-vergeten", data={"email": staff.email})
    link = _link_to(app, staff.email)
    other.post(link, data={"password": "a brand new passphrase",
                           "repeat": "a brand new passphrase"})
    assert client.get("/werkruimte/").status_code == 302
