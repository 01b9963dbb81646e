"""Throttling holds under parallel requests (run on both databases; the point is PostgreSQL,
where the counters used to be read, changed in Python and written back without a lock):
20 wrong passwords at the same moment get exactly the free guesses checked, and 10 sessions
sending the same valid second-factor code at once log in exactly once."""
import threading
import time
from datetime import UTC, datetime

import pyotp
from factories import PASSWORD, make_org, make_user

from web.extensions import db
from web.models import AuditEvent
from web.services.throttle import FREE_GUESSES

PARALLEL = 20
# SQLite has one writer at a time and a login holds the write lock through the password hash
# (as it did before throttling); 20 at once on a loaded 2-core machine can outwait its
# busy_timeout. Its single writer makes the race impossible there anyway.
SQLITE_PARALLEL = 6


def _run_together(count, work):
    barrier = threading.Barrier(count)
    results: dict[int, object] = {}

    def run(n):
        try:
            prepared = work.prepare(n)
            barrier.wait(timeout=60)
            results[n] = work.go(n, prepared)
        except Exception as error:  # reported below, not lost in the thread
            results[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return [results[n] for n in range(count)]


def _world(app, start):
    app.config["CLOCK"] = lambda: start
    with app.app_context():
        org = make_org(db.session)
        user = make_user(db.session, org, email="els@ocmw.example")
        user.totp_secret = pyotp.random_base32()
        user.totp_enrolled_at = datetime.now(UTC)
        db.session.commit()
        return user.id, user.email, user.totp_secret


class WrongPasswords:
    def __init__(self, app, email):
        self.app, self.email = app, email

    def prepare(self, n):
        return self.app.test_client()

    def go(self, n, client):
        return client.post("/account/inloggen", data={"email": self.email,
                                                      "password": f"wrong password {n}"},
                           environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code


class SameCode:
    def __init__(self, app, email, code):
        self.app, self.email, self.code = app, email, code

    def prepare(self, n):
        client = self.app.test_client()
        address = {"REMOTE_ADDR": f"198.51.100.{n + 1}"}
        step = client.post("/account/inloggen", data={"email": self.email,
                                                      "password": PASSWORD},
                           environ_base=address)
        assert step.status_code == 302, step.status_code
        return client, address

    def go(self, n, prepared):
        client, address = prepared
        return client.post("/account/tweede-stap", data={"code": self.code},
                           environ_base=address).status_code


def test_parallel_guesses_get_no_more_than_the_free_ones_and_a_code_is_used_once(fresh_app):
    app = fresh_app()
    start = time.time()
    user_id, email, secret = _world(app, start)
    parallel = PARALLEL if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgres") \
        else SQLITE_PARALLEL

    answers = _run_together(parallel, WrongPasswords(app, email))
    assert answers == [422] * parallel, answers
    with app.app_context():
        checked = db.session.query(AuditEvent).filter_by(action="account.login_failed",
                                                         target_id=user_id).count()
    assert checked == FREE_GUESSES

    answers = _run_together(parallel, SameCode(app, email, pyotp.TOTP(secret).at(int(start))))
    assert sorted(answers) == [302] + [422] * (parallel - 1), answers
    with app.app_context():
        logins = db.session.query(AuditEvent).filter_by(action="account.logged_in",
                                                        target_id=user_id).count()
    assert logins == 1
    print(f"{parallel} parallel wrong passwords: {checked} checked; "
          f"{parallel} parallel uses of one code: {logins} accepted")
