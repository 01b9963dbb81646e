"""Issue 14, item 1: a change to an approved offer waits for a platform admin as a pending
version. Supervisors, their search and the workpost page keep the published text until the
admin approves; a rejection keeps it and tells the business why. Pause and open places
apply at once. All through the HTTP client."""
import copy
import re

import pytest
from harness import log_in
from sqlalchemy import select
from signup_support import BAKERY, link, sign_up
from factories import make_org, make_participant, make_user

from web.models import AuditEvent, User, Workpost, WorkpostRevision

HOSTILE = ('Bakkerij <b>Vet</b> <a href="https://evil.example">klik</a> '
           '<meta http-equiv="refresh" content="0;url=https://evil.example"> '
           '<img src=x onerror=alert(1)>')


def _edit_data(**changes):
    data = {}
    for slug in ("soort", "organisatie", "contact", "adres", "werk", "steun", "planning"):
        data.update(copy.deepcopy(BAKERY[slug]))
    data.update(changes)
    return data


@pytest.fixture()
def world(app, client, db_session, clock, outbox):
    """An offer approved by an admin through the queue, a supervisor who can find it, and a
    separate client for each of admin, supervisor and business."""
    admin = User(email="admin@werkpostwijzer.be", name="Admin", role="platform_admin")
    db_session.add(admin)
    org = make_org(db_session)
    supervisor = make_user(db_session, org)
    person = make_participant(db_session, org, postcode="9300", municipality="Aalst",
                              lat=50.937, lon=4.04, interests=["kitchen"])
    db_session.commit()
    sign_up(client, clock)
    client.post(link(outbox()[0], "bevestig"))
    workpost = db_session.scalars(select(Workpost).where(Workpost.name == "Bakkerij Peeters")
                                  ).one()
    admin_client, coach = app.test_client(), app.test_client()
    log_in(admin_client, admin)
    log_in(coach, supervisor)
    assert admin_client.post(f"/beheer/aanmeldingen/{workpost.id}/goedkeuren").status_code == 302
    manage = link(outbox()[-1], "mijn-aanbod")
    return {"id": workpost.id, "manage": manage, "admin": admin_client, "coach": coach,
            "person": person.id, "business": client}


def _state(db_session, workpost_id):
    db_session.expire_all()
    return db_session.get(Workpost, workpost_id)


def _supervisor_sees(world) -> str:
    coach = world["coach"]
    found = coach.get(f"/werkruimte/deelnemers/{world['person']}/zoeken").get_data(as_text=True)
    page = coach.get(f"/werkruimte/werkposten/{world['id']}").get_data(as_text=True)
    return found + page


def _edit(world, **changes):
    return world["business"].post(world["manage"] + "/wijzigen", data=_edit_data(**changes))


def test_an_edit_after_approval_waits_and_the_published_text_stays(world, db_session):
    assert "Bakkerij Peeters" in _supervisor_sees(world)
    response = _edit(world, name="Bakkerij Peeters & Zonen", postcode="9000",
                     tasks="Taart versieren")
    assert response.status_code == 302
    manage = world["business"].get(world["manage"]).get_data(as_text=True)
    assert "<strong>Je wijziging wacht op een controle.</strong>" in manage
    workpost = _state(db_session, world["id"])
    assert workpost.name == "Bakkerij Peeters" and workpost.municipality == "Aalst"
    assert workpost.tasks == "Broodjes beleggen" and workpost.status == "published"
    seen = _supervisor_sees(world)
    assert "Bakkerij Peeters" in seen and "Zonen" not in seen and "Taart versieren" not in seen
    # The edit form shows what waits, so a second edit builds on it.
    form = world["business"].get(world["manage"] + "/wijzigen").get_data(as_text=True)
    assert 'value="Bakkerij Peeters &amp; Zonen"' in form
    assert db_session.scalars(select(AuditEvent.action).where(
        AuditEvent.target_id == world["id"], AuditEvent.action == "workpost.edit")).all() == []


def test_the_admin_sees_the_difference_and_approval_publishes_it(world, db_session, outbox):
    _edit(world, name="Bakkerij Peeters & Zonen", postcode="9000", activities=["kitchen"])
    queue = world["admin"].get("/beheer/aanmeldingen").get_data(as_text=True)
    assert f"/beheer/wijzigingen/{world['id']}" in queue
    diff = world["admin"].get(f"/beheer/wijzigingen/{world['id']}").get_data(as_text=True)
    rows = {m[0]: m[1:] for m in re.findall(
        r'<th scope="row">([^<]*)</th><td class="prewrap"><del>([^<]*)</del></td>'
        r'<td class="prewrap"><ins>([^<]*)</ins></td>', diff)}
    assert rows["Naam"] == ("Bakkerij Peeters", "Bakkerij Peeters &amp; Zonen")
    assert rows["Postcode"] == ("9300", "9000") and rows["Gemeente"] == ("Aalst", "Gent")
    assert rows["Activiteiten"][1] == "Keuken"
    assert "Website" not in rows and "Taken" not in rows  # unchanged fields are not listed
    sent = len(outbox())
    response = world["admin"].post(f"/beheer/wijzigingen/{world['id']}/goedkeuren")
    assert response.status_code == 302 and response.headers["Location"] == "/beheer/aanmeldingen"
    workpost = _state(db_session, world["id"])
    assert workpost.name == "Bakkerij Peeters & Zonen" and workpost.municipality == "Gent"
    assert workpost.lat == pytest.approx(51.05, abs=0.1) and workpost.status == "published"
    assert db_session.scalars(select(WorkpostRevision)).all() == []
    page = world["coach"].get(f"/werkruimte/werkposten/{world['id']}").get_data(as_text=True)
    assert "Bakkerij Peeters &amp; Zonen" in page
    [told] = outbox()[sent:]
    assert told["Subject"] == "Je wijziging staat online" and told["To"] == "an@bakkerijpeeters.be"
    again = world["admin"].post(f"/beheer/wijzigingen/{world['id']}/goedkeuren",
                                follow_redirects=True)
    assert "Over deze wijziging is al beslist." in again.get_data(as_text=True)
    assert len(outbox()) == sent + 1


def test_the_matcher_finds_the_new_text_after_approval_only(world, db_session):
    _edit(world, name="Bakkerij Peeters & Zonen")
    assert "Zonen" not in _supervisor_sees(world)
    world["admin"].post(f"/beheer/wijzigingen/{world['id']}/goedkeuren")
    found = world["coach"].get(f"/werkruimte/deelnemers/{world['person']}/zoeken")
    assert "Bakkerij Peeters &amp; Zonen" in found.get_data(as_text=True)


def test_rejection_keeps_the_published_text_and_mails_the_reason(world, db_session, outbox):
    _edit(world, name="Goedkope Uitzendkrachten BV")
    refused = world["admin"].post(f"/beheer/wijzigingen/{world['id']}/weigeren",
                                  data={"reason": ""})
    assert refused.status_code == 400
    assert "Schrijf kort waarom je weigert." in refused.get_data(as_text=True)
    sent = len(outbox())
    reason = "Dit is geen AMA-plek maar een uitzendkantoor."
    response = world["admin"].post(f"/beheer/wijzigingen/{world['id']}/weigeren",
                                   data={"reason": reason})
    assert response.status_code == 302
    assert _state(db_session, world["id"]).name == "Bakkerij Peeters"
    assert "Uitzendkrachten" not in _supervisor_sees(world)
    [told] = outbox()[sent:]
    assert told["Subject"] == "We kunnen je wijziging niet publiceren"
    assert reason in told.get_body(("plain",)).get_content()
    manage = world["business"].get(world["manage"]).get_data(as_text=True)
    assert "<strong>Je wijziging wacht op een controle.</strong>" not in manage
    assert db_session.scalars(select(AuditEvent.action).where(
        AuditEvent.action == "workpost.edit_reject")).one()


def test_a_second_edit_replaces_the_pending_one(world, db_session):
    _edit(world, name="Eerste voorstel")
    _edit(world, name="Bakkerij Peeters", tasks="Tweede voorstel")
    [revision] = db_session.scalars(select(WorkpostRevision)).all()
    assert revision.proposed == {"tasks": "Tweede voorstel"}
    diff = world["admin"].get(f"/beheer/wijzigingen/{world['id']}").get_data(as_text=True)
    assert "Tweede voorstel" in diff and "Eerste voorstel" not in diff
    _edit(world)  # back to the published text: nothing waits any more
    db_session.expire_all()
    assert db_session.scalars(select(WorkpostRevision)).all() == []


def test_pause_resume_and_open_places_apply_at_once_while_a_change_waits(world, db_session):
    _edit(world, name="Bakkerij Peeters & Zonen")
    business = world["business"]
    business.post(world["manage"] + "/pauzeren")
    assert _state(db_session, world["id"]).status == "paused"
    assert "Bakkerij Peeters" not in world["coach"].get(
        f"/werkruimte/deelnemers/{world['person']}/zoeken").get_data(as_text=True)
    business.post(world["manage"] + "/hervatten")
    business.post(world["manage"] + "/plaatsen", data={"open_places": "1"})
    workpost = _state(db_session, world["id"])
    assert workpost.status == "published" and workpost.open_places == 1
    assert workpost.name == "Bakkerij Peeters"
    assert db_session.scalars(select(WorkpostRevision)).one()


def test_a_hostile_name_waits_and_shows_as_text_in_the_admin_diff(world, db_session):
    assert _edit(world, name=HOSTILE[:200]).status_code == 302
    diff = world["admin"].get(f"/beheer/wijzigingen/{world['id']}").get_data(as_text=True)
    assert "&lt;meta http-equiv=&#34;refresh&#34;" in diff or "&lt;meta http-equiv=" in diff
    assert "<meta http-equiv" not in diff and "<b>Vet</b>" not in diff
    assert 'href="https://evil.example"' not in diff
    assert "<img src=x" not in diff and "&lt;img src=x onerror=alert(1)&gt;" in diff
    assert "Vet" not in _supervisor_sees(world)


def test_a_new_contact_address_waits_too_and_moves_the_link_on_approval(world, db_session,
                                                                         outbox):
    _edit(world, contact_email="winkel@bakkerijpeeters.be")
    assert world["business"].get(world["manage"]).status_code == 200  # link still works
    assert _state(db_session, world["id"]).contact_email == "an@bakkerijpeeters.be"
    sent = len(outbox())
    world["admin"].post(f"/beheer/wijzigingen/{world['id']}/goedkeuren")
    to_old, to_new = outbox()[sent:]
    assert to_old["To"] == "an@bakkerijpeeters.be" and "veranderd" in to_old["Subject"]
    assert to_new["To"] == "winkel@bakkerijpeeters.be"
    assert world["business"].get(world["manage"]).status_code == 400
    assert world["business"].get(link(to_new, "mijn-aanbod")).status_code == 200


def test_a_withdrawn_offer_leaves_no_change_waiting(world, db_session):
    _edit(world, name="Bakkerij Peeters & Zonen")
    world["business"].post(world["manage"] + "/intrekken", data={"confirm": "y"})
    assert db_session.scalars(select(WorkpostRevision)).all() == []
    assert f"/beheer/wijzigingen/{world['id']}" not in world["admin"].get(
        "/beheer/aanmeldingen").get_data(as_text=True)


def test_only_platform_admins_see_or_decide_a_change(world, app, db_session):
    _edit(world, name="Bakkerij Peeters & Zonen")
    for client in (app.test_client(), world["coach"]):
        assert client.get(f"/beheer/wijzigingen/{world['id']}").status_code in (302, 403)
        assert client.post(f"/beheer/wijzigingen/{world['id']}/goedkeuren").status_code in (
            302, 400, 403)
    assert _state(db_session, world["id"]).name == "Bakkerij Peeters"
    assert world["admin"].get("/beheer/wijzigingen/999999").status_code == 404
