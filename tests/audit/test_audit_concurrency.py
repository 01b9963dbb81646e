"""Concurrency and crashes: 20 sign-ups at once lose nothing, and a process killed with
SIGKILL in the middle of seeding or of a sign-up leaves no partial record.

Runs on SQLite, and on PostgreSQL with `-m db` and TEST_DATABASE_URL. (The race of 50
attempts on one open place is in tests/web/test_supervisor_race.py.)
"""
import copy
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from audit_support import BAKERY, kbo, table_counts, walk_wizard
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[2]
SIGNUPS = 20


def _offer(number: int) -> dict:
    data = copy.deepcopy(BAKERY)
    data["organisatie"]["enterprise_number"] = kbo(f"04{number:06d}")
    data["organisatie"]["name"] = f"Bakkerij nummer {number}"
    data["contact"]["contact_email"] = f"zaak{number}@example.org"
    return data


def test_twenty_concurrent_sign_ups_are_all_stored(fresh_app):
    app = fresh_app(SIGNUP_MIN_SECONDS=0)
    barrier = threading.Barrier(SIGNUPS)
    outcomes: dict[int, object] = {}

    def sign_up(number: int) -> None:
        try:
            client = app.test_client()
            walk_wizard(client, _offer(number))
            barrier.wait(timeout=60)  # every submit starts at the same moment
            response = client.post("/aanbieden/versturen", data={"terms": "y", "fax": ""})
            outcomes[number] = (response.status_code, response.headers.get("Location"))
        except Exception as error:  # reported below, not lost in the thread
            outcomes[number] = error

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(SIGNUPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    # On SQLite this holds because writing requests take the write lock up front
    # (web/infra/database.py); with a deferred BEGIN several of them failed with "database is locked".
    assert outcomes == {n: (302, "/aanbieden/verstuurd") for n in range(SIGNUPS)}
    counts = table_counts(app)
    assert counts["workposts"] == SIGNUPS
    assert counts["audit_events"] == SIGNUPS  # one "workpost.signup" event each, none half


# -- SIGKILL in the middle of seeding ------------------------------------------------------

def _child_env(app) -> dict:
    env = dict(os.environ)
    env.update({"DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
                "WPW_INSTANCE": app.config["INSTANCE_DIR"],
                "SECRET_KEY": "audit-crash-test", "PYTHONUNBUFFERED": "1",
                "COLUMNS": "100"})
    return env


def test_a_seed_killed_while_it_runs_leaves_no_partial_record(fresh_app):
    app = fresh_app()
    before = table_counts(app)
    assert sum(before.values()) == 0
    process = subprocess.Popen(
        [str(REPO / ".venv/bin/flask"), "--app", "wsgi", "seed", "demo", "--workposts",
         "20000"], cwd=REPO, env=_child_env(app), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT)
    try:
        # The first bytes on the output are the progress bar's label: seeding has started.
        first = process.stdout.read(1)
        assert first, "the seed ended without printing anything"
        assert process.poll() is None, "the seed finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert table_counts(app) == before


# -- SIGKILL of a server in the middle of a sign-up submit ---------------------------------

SERVER = """
import sys
from werkzeug.serving import make_server
from web import create_app
app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "INSTANCE_DIR": sys.argv[2],
                  "MAIL_OUTBOX": sys.argv[2] + "/outbox", "SECRET_KEY": "audit-crash",
                  "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                  "SIGNUP_MIN_SECONDS": 0})
server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""


def _waiting_on_lock(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO audit_events%'")))
    finally:
        engine.dispose()


def test_a_server_killed_in_the_middle_of_a_sign_up_leaves_no_partial_record(fresh_app):
    """The server has written the workpost row and waits to write its audit event (the test
    holds a lock on that table); it is killed right there, and nothing of it remains."""
    import http.cookiejar
    import urllib.request

    app = fresh_app()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL, whose lock waits can be seen from outside")
    server = subprocess.Popen([sys.executable, "-c", SERVER, url, app.config["INSTANCE_DIR"]],
                              cwd=REPO, stdout=subprocess.PIPE, text=True)
    holder = create_engine(url)
    try:
        base = f"http://127.0.0.1:{int(server.stdout.readline())}"
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        walk_wizard(_UrllibClient(opener, base), _offer(1))
        with holder.connect() as conn:
            conn.execute(text("LOCK TABLE audit_events IN EXCLUSIVE MODE"))
            submit = threading.Thread(target=_post_quietly, args=(
                opener, base + "/aanbieden/versturen", {"terms": "y", "fax": ""}), daemon=True)
            submit.start()
            deadline = time.monotonic() + 30
            while not _waiting_on_lock(url):  # polls the database; no sleeping
                assert time.monotonic() < deadline, "the sign-up never reached its audit write"
            server.send_signal(signal.SIGKILL)
            server.wait(timeout=30)
            conn.rollback()
        submit.join(timeout=30)
    finally:
        server.kill()
        server.wait(timeout=30)
        server.stdout.close()
        holder.dispose()
    counts = table_counts(app)
    assert counts["workposts"] == 0 and counts["audit_events"] == 0, counts


class _UrllibClient:
    """Just enough of the test client's interface for walk_wizard, over real HTTP."""

    def __init__(self, opener, base):
        self.opener, self.base = opener, base

    def get(self, path):
        return _Response(self.opener.open(self.base + path))

    def post(self, path, data):
        return _post(self.opener, self.base + path, data)


class _Response:
    def __init__(self, raw, status=None):
        with raw:
            raw.read()
        self.status_code = status or raw.status


def _post(opener, url, data):
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode(data, doseq=True).encode()
    raw = opener.open(urllib.request.Request(url, data=body, method="POST"))
    # urllib follows redirects; a step that passed is one that moved on to another page.
    return _Response(raw, 302 if raw.geturl() != url else None)


def _post_quietly(opener, url, data):
    try:
        _post(opener, url, data)
    except OSError:
        pass  # the server was killed while answering: expected
