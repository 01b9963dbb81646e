"""Erasure means erasure: after a participant is erased, none of their text is left in the
database, and on SQLite none in the files either (the database, its write-ahead log and its
shared memory), since deleted rows are overwritten (secure_delete) and the log is folded in
and emptied after the erasure's commit."""
from pathlib import Path

from harness import log_in
from sqlalchemy import inspect, text
from factories import make_org, make_participant, make_user, make_workpost

from web.extensions import db
from web.models import Participant, User

MARKS = (b"Q7X9ZK", b"zq81tuin", b"zq81notitie", b"zq81kanarie")


def _world(app):
    with app.app_context():
        org = make_org(db.session)
        user = make_user(db.session, org)
        person = make_participant(db.session, org, reference="CANARY-Q7X9ZK", supervisor=user,
                                  interests_text="werkt graag in de zq81tuin")
        workpost = make_workpost(db.session)
        db.session.commit()
        return user.id, person.id, workpost.id


def _rows_as_text(app) -> str:
    with app.app_context():
        tables = inspect(db.engine).get_table_names()
        with db.engine.connect() as connection:
            if db.engine.dialect.name == "postgresql":
                parts = [str(r[0]) for t in tables for r in connection.execute(
                    text(f'SELECT t::text FROM "{t}" t'))]
            else:
                parts = [repr(tuple(r)) for t in tables for r in connection.execute(
                    text(f'SELECT * FROM "{t}"'))]
    return "\n".join(parts)


def test_an_erased_participant_leaves_no_text_in_the_database_or_its_files(fresh_app):
    app = fresh_app()
    user_id, person_id, workpost_id = _world(app)
    client = app.test_client()
    with app.app_context():
        log_in(client, db.session.get(User, user_id))
    shortlisted = client.post(f"/werkruimte/deelnemers/{person_id}/shortlist",
                              data={"workpost_id": workpost_id, "note": "zq81notitie start"})
    assert shortlisted.status_code == 302
    client.post(f"/werkruimte/deelnemers/{person_id}/toestemming", data={
        "processed": "postcode", "shared_with": "werkpost zq81kanarie", "purpose": "",
        "given_on": "2026-01-05"})
    assert "CANARY-Q7X9ZK" in client.get(f"/werkruimte/deelnemers/{person_id}").get_data(
        as_text=True)
    assert "zq81" in _rows_as_text(app)  # the marks were written

    erased = client.post(f"/werkruimte/deelnemers/{person_id}/wissen",
                         data={"confirm": "CANARY-Q7X9ZK"})
    assert erased.status_code == 302
    with app.app_context():
        assert db.session.get(Participant, person_id) is None
    rows = _rows_as_text(app)
    assert [m for m in MARKS if m.decode() in rows] == []

    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        database = Path(url.removeprefix("sqlite:///"))
        files = [p for p in (database, Path(f"{database}-wal"), Path(f"{database}-shm"))
                 if p.exists()]
        assert database in files
        found = {p.name: [m for m in MARKS if m in p.read_bytes()] for p in files}
        assert all(marks == [] for marks in found.values()), found
