"""The supervisor home: my participants, evaluations due, new workposts, withdrawn workposts."""
from datetime import UTC, date, datetime, timedelta

from factories import (make_org, make_participant, make_user, make_workpost,
                                      walk_to_active)

from web.services.placements import move, shortlist


def test_the_dashboard_shows_what_needs_attention(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org, name="Els")
    colleague = make_user(db_session, org)
    make_participant(db_session, org, reference="MIJN-1", supervisor=user)
    make_participant(db_session, org, reference="COLLEGA-1", supervisor=colleague)
    fresh = make_workpost(db_session, name="Nieuwe Bakkerij")
    old = make_workpost(db_session, name="Oude Drukkerij")
    old.published_at = datetime.now(UTC) - timedelta(days=30)
    far = make_workpost(db_session, name="Verre Boerderij", province="limburg", nis="71022",
                        postcode="3500", municipality="Hasselt", lat=50.93, lon=5.34)
    person = make_participant(db_session, org, reference="LOOPT-1", supervisor=user)
    gone = make_workpost(db_session, name="Stoppende Winkel")
    placement = shortlist(person, gone, user, "", date(2026, 1, 1))
    walk_to_active(db_session, placement, user, date.today() - timedelta(days=40))
    gone.status = "withdrawn"
    db_session.commit()
    login(user)
    page = client.get("/werkruimte/").get_data(as_text=True)
    assert "MIJN-1" in page and "LOOPT-1" in page and "COLLEGA-1" not in page
    assert "Nieuwe Bakkerij" in page and "Oude Drukkerij" not in page
    assert far.name not in page
    assert "Stoppende Winkel" in page and "niet meer beschikbaar" in page
    assert "te laat" in page


def test_the_supervisor_area_speaks_english_too(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org, name="Sam")
    person = make_participant(db_session, org, reference="EN-1", supervisor=user)
    db_session.commit()
    login(user)
    client.get("/taal/en")
    page = client.get("/werkruimte/").get_data(as_text=True)
    assert "Hello Sam" in page and "My participants" in page
    profile = client.get(f"/werkruimte/deelnemers/{person.id}").get_data(as_text=True)
    assert "Find workposts" in profile and "Calm place" in profile
