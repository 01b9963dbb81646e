"""Issue 15, item 13: a recognised supervisor organisation asks to join; a platform admin
accepts (the organisation and its first admin's invitation follow) or refuses with a reason."""
import re

import pytest
from sqlalchemy import select
from signup_support import body, errors_of

from web.models import Organisation, OrganisationApplication, User

GOOD = {"name": "Vzw De Brug", "recognition_number": "AMA-7788", "org_type": "caw",
        "postcode": "Herzele", "provinces": ["oost_vlaanderen"],
        "municipalities": ["41027"], "contact_name": "Els Peeters",
        "contact_email": "Els@debrug.be", "consent": "y", "fax": ""}


@pytest.fixture()
def admin(db_session):
    user = User(email="admin@werkpostwijzer.be", name="Admin", role="platform_admin")
    db_session.add(user)
    db_session.commit()
    return user


def _apply(client, **changes):
    return client.post("/aansluiten", data={**GOOD, **changes})


def _pending(db_session):
    db_session.expire_all()
    return db_session.scalars(select(OrganisationApplication)).all()


def test_the_home_page_and_the_login_say_how_to_join(client):
    for page in ("/", "/account/inloggen", "/info/begeleiders"):
        html = client.get(page).get_data(as_text=True)
        assert 'href="/aansluiten"' in html, page
    form = client.get("/aansluiten")
    assert form.status_code == 200
    html = form.get_data(as_text=True)
    for field in ("name", "recognition_number", "org_type", "postcode", "provinces",
                  "municipalities", "contact_name", "contact_email", "consent"):
        assert f'name="{field}"' in html, field
    english = client.get("/aansluiten?lang=en").get_data(as_text=True)
    assert "Join as a recognised supervisor" in english


def test_every_error_shows_at_once_and_nothing_is_stored(client, db_session, outbox):
    response = client.post("/aansluiten", data={"recognition_number": "x",
                                                "postcode": "Atlantis",
                                                "contact_email": "not-an-address"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert set(errors_of(html)) == {"name", "recognition_number", "org_type", "postcode",
                                    "provinces", "contact_name", "contact_email", "consent"}
    assert "bijvoorbeeld AMA-1234" in html and "Vink dit aan" in html
    assert _pending(db_session) == [] and outbox() == []


def test_an_application_reaches_the_admin_queue(client, db_session, outbox, admin, login):
    response = _apply(client)
    assert response.status_code == 302 and response.headers["Location"] == "/aansluiten/verstuurd"
    (stored,) = _pending(db_session)
    assert (stored.status, stored.recognition_number, stored.postcode) == \
        ("pending", "AMA-7788", "9550")
    assert stored.regions == [["province", "oost_vlaanderen"], ["municipality", "41027"]]
    assert stored.contact_email == "els@debrug.be"
    (received,) = outbox()
    assert received["To"] == "els@debrug.be" and "AMA-7788" in body(received)
    assert client.get("/beheer/organisaties").status_code == 302  # not for the public
    login(admin)
    queue = client.get("/beheer/organisaties").get_data(as_text=True)
    assert "Vzw De Brug" in queue and "AMA-7788" in queue
    detail = client.get(f"/beheer/organisaties/{stored.id}").get_data(as_text=True)
    assert "Oost-Vlaanderen" in detail and "Herzele" in detail and "Els Peeters" in detail


def test_accepting_makes_the_organisation_and_invites_its_first_admin(
        app, client, db_session, outbox, admin, login):
    _apply(client)
    (stored,) = _pending(db_session)
    login(admin)
    response = client.post(f"/beheer/organisaties/{stored.id}/aanvaarden")
    assert response.status_code == 302
    db_session.expire_all()
    org = db_session.scalars(select(Organisation).where(Organisation.name == "Vzw De Brug")).one()
    assert (org.slug, org.recognition_number, org.municipality, org.province) == \
        ("vzw-de-brug", "AMA-7788", "Herzele", "oost_vlaanderen")
    assert {(r.kind, r.code) for r in org.regions} == {("province", "oost_vlaanderen"),
                                                       ("municipality", "41027")}
    first = db_session.scalars(select(User).where(User.email == "els@debrug.be")).one()
    assert (first.role, first.organisation_id, first.password_hash) == ("org_admin", org.id, None)
    receipt, invitation = outbox()
    assert "AMA-7788" in body(receipt)
    assert invitation["To"] == "els@debrug.be"
    link = re.search(r"http://localhost(/\S+)", body(invitation)).group(1)
    assert client.get(link).status_code == 200
    assert _pending(db_session)[0].status == "accepted"
    # Deciding twice is refused, in words.
    again = client.post(f"/beheer/organisaties/{stored.id}/aanvaarden", follow_redirects=True)
    assert "Over deze aanvraag is al beslist." in again.get_data(as_text=True)
    assert len(db_session.scalars(select(Organisation).where(
        Organisation.name == "Vzw De Brug")).all()) == 1
    public = app.test_client().get("/api/v1/organisations/vzw-de-brug")
    assert public.status_code == 200


def test_refusing_mails_the_reason(client, db_session, outbox, admin, login):
    _apply(client, contact_email="els@debrug.be")
    (stored,) = _pending(db_session)
    login(admin)
    empty = client.post(f"/beheer/organisaties/{stored.id}/weigeren", data={"reason": ""})
    assert empty.status_code == 422 and "Schrijf kort waarom je weigert." in empty.get_data(
        as_text=True)
    response = client.post(f"/beheer/organisaties/{stored.id}/weigeren",
                           data={"reason": "We vinden deze erkenning niet terug."})
    assert response.status_code == 302
    receipt, refusal = outbox()
    assert refusal["To"] == "els@debrug.be"
    assert "We vinden deze erkenning niet terug." in body(refusal)
    assert _pending(db_session)[0].status == "refused"
    assert db_session.scalars(select(Organisation).where(
        Organisation.name == "Vzw De Brug")).all() == []


def test_a_known_recognition_number_is_refused_clearly(client, db_session, outbox):
    db_session.add(Organisation(name="CAW Oost", slug="caw-oost", org_type="caw",
                                recognition_number="AMA-1111", postcode="9000",
                                municipality="Gent", province="oost_vlaanderen", lat=51.05,
                                lon=3.72))
    db_session.commit()
    message = "Dit erkenningsnummer is al bekend bij ons"
    taken = _apply(client, recognition_number="ama-1111 ", name="")
    html = taken.get_data(as_text=True)
    assert taken.status_code == 422 and message in html
    assert set(errors_of(html)) == {"recognition_number", "name"}  # together, not one by one
    assert _apply(client).status_code == 302
    twice = _apply(client, recognition_number="AMA-7788", name="Vzw De Brug bis")
    assert twice.status_code == 422 and message in twice.get_data(as_text=True)
    assert len(_pending(db_session)) == 1


def test_a_refused_try_does_not_use_up_the_hourly_limit(fresh_app):
    app = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    client = app.test_client()
    for _ in range(6):
        assert client.post("/aansluiten", data={**GOOD, "consent": ""}).status_code == 422
    for number in range(5):
        accepted = client.post("/aansluiten", data={**GOOD, "recognition_number":
                                                    f"AMA-{number}00"})
        assert accepted.status_code == 302, number
    assert client.post("/aansluiten", data={**GOOD, "recognition_number": "AMA-900"}
                       ).status_code == 429
