"""The caseload proposal (issue 15 item 11): up to three alternatives per participant, and
one action that puts the accepted proposals on the shortlists."""
import pytest
from sqlalchemy import select
from factories import make_org, make_participant, make_user, make_workpost

from web.extensions import db
from web.models import Placement

NAMES = ("Kringwinkel Gent", "Kringwinkel Zuid", "Kringwinkel Noord", "Kringwinkel Oost",
         "Kringwinkel West")


@pytest.fixture()
def caseload(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    people = [make_participant(db_session, org, reference=f"VERD-{n}", travel_modes=["car"],
                               max_minutes=None, interests=["sorting_reuse"]) for n in (1, 2)]
    posts = [make_workpost(db_session, name=name, lat=51.05 + i / 200, lon=3.72)
             for i, name in enumerate(NAMES)]
    db_session.commit()
    return user, people, posts


def _page(client, people):
    query = "&".join(f"deelnemer={p.id}" for p in people)
    return client.get(f"/werkruimte/verdeling?{query}")


def test_each_participant_gets_up_to_three_alternatives(client, login, caseload):
    user, people, _ = caseload
    login(user)
    page = _page(client, people)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    rows = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]
    assert len(rows) == 2
    for row in rows:
        alternatives = row.split('class="alternatives"', 1)[1].split("</td>", 1)[0]
        assert alternatives.count("Kringwinkel") == 3


def _listed(people):
    return sorted(db.session.execute(select(Placement.participant_id, Placement.workpost_id)
                                     .where(Placement.participant_id.in_([p.id for p in people]),
                                            Placement.status == "shortlisted")).all())


def test_accepted_proposals_go_on_the_shortlists_in_one_action(client, login, caseload):
    from web.models import AuditEvent

    user, people, posts = caseload
    login(user)
    text = _page(client, people).get_data(as_text=True)
    ticked = [v for v in (part.split('"', 1)[0] for part in
                          text.split('name="voorstel" value="')[1:])]
    assert len(ticked) == 2
    answer = client.post("/werkruimte/verdeling", data={"voorstel": ticked})
    assert answer.status_code == 302
    listed = _listed(people)
    assert sorted(f"{p}:{w}" for p, w in listed) == sorted(ticked)  # as text, as ticked
    shortlisted = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "placement.shortlisted")).all()
    assert len(shortlisted) == 2
    assert db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "caseload.accepted")).one()
    # The same proposals again add nothing, and the page says they are listed already.
    again = client.post("/werkruimte/verdeling", data={"voorstel": ticked},
                        follow_redirects=True)
    assert again.status_code == 200 and "stonden er al" in again.get_data(as_text=True)
    assert _listed(people) == listed
    assert "Staat al op de shortlist" in _page(client, people).get_data(as_text=True)


def test_only_ticked_proposals_of_own_participants_and_visible_workposts(client, login,
                                                                         caseload, db_session):
    user, people, posts = caseload
    stranger_org = make_org(db_session, name="Andere Dienst")
    stranger = make_participant(db_session, stranger_org, reference="VREEMD-1")
    db_session.commit()
    login(user)
    answer = client.post("/werkruimte/verdeling", data={
        "voorstel": [f"{people[0].id}:{posts[1].id}", f"{stranger.id}:{posts[0].id}",
                     f"{people[1].id}:999999", "x:y"]})
    assert answer.status_code == 302
    assert _listed([*people, stranger]) == [(people[0].id, posts[1].id)]
    nothing = client.post("/werkruimte/verdeling", data={"deelnemer": [people[0].id]},
                          follow_redirects=True)
    assert "Vink eerst minstens één voorstel aan" in nothing.get_data(as_text=True)
