"""Fifty supervisors moving a placement to "agreement" at the same moment: exactly
one of them gets the last open place; the others get a clear refusal, never a second place."""
import threading

from harness import log_in
from factories import make_org, make_participant, make_user, make_workpost

from web.extensions import db
from web.models import Placement, Workpost
from web.services import placements

CONTENDERS = 50


def _setup(app):
    with app.app_context():
        org = make_org(db.session)
        workpost = make_workpost(db.session, capacity=3, open_places=1)
        users, placement_ids = [], []
        for n in range(CONTENDERS):
            user = make_user(db.session, org)
            person = make_participant(db.session, org, reference=f"RACE-{n}")
            placement = placements.shortlist(person, workpost, user, "", person.created_at.date())
            users.append(user)
            placement_ids.append(placement)
        db.session.commit()
        for user in users:
            user.get_id()
            db.session.expunge(user)
        return users, [p.id for p in placement_ids], workpost.id


def test_exactly_one_of_several_parallel_requests_gets_the_last_place(fresh_app):
    app = fresh_app()
    users, placement_ids, workpost_id = _setup(app)
    clients = []
    for user in users:
        client = app.test_client()
        log_in(client, user)
        clients.append(client)
    barrier = threading.Barrier(CONTENDERS)
    codes = [None] * CONTENDERS

    def contend(index):
        barrier.wait()
        response = clients[index].post(
            f"/werkruimte/plaatsingen/{placement_ids[index]}/stap",
            data={"move-status": "agreement", "move-on_date": "2026-03-02",
                  "move-skip_reason": "alles in één gesprek geregeld"})
        codes[index] = response.status_code

    threads = [threading.Thread(target=contend, args=(i,)) for i in range(CONTENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(codes) == [302] + [409] * (CONTENDERS - 1)
    with app.app_context():
        holders = db.session.query(Placement).filter_by(holds_place=True).count()
        assert holders == 1
        assert db.session.get(Workpost, workpost_id).open_places == 0
