"""Locust users for the load audit (run by audit/load_audit.py, which prepares the plan).

AUDIT_PLAN names a JSON file: {"directory": [paths], "user_agent": ..., "supervisors":
[{"session", "participant_id"}]}. AUDIT_WAIT is how long a user waits between two pages:
unset or 0, never (the run measures what the server can do at most: its throughput); "1:3",
a random time between 1 and 3 seconds, as a person who reads the page before the next click.
"""
import itertools
import json
import os
import random
import re
import threading

from locust import HttpUser, between, constant, task

PLAN = json.loads(open(os.environ["AUDIT_PLAN"]).read()) if os.environ.get("AUDIT_PLAN") else {}


def _wait_time():
    low, _, high = os.environ.get("AUDIT_WAIT", "0").partition(":")
    return between(float(low), float(high)) if high else constant(float(low or 0))


WAIT = _wait_time()
_accounts = itertools.count()
_lock = threading.Lock()


class BarePage(HttpUser):
    """The same server's cheapest page: the ceiling the others are compared with."""
    wait_time = WAIT

    @task
    def healthz(self):
        self.client.get("/healthz", name="bare /healthz")


DIRECTORY_PAGES = ((re.compile(r"^/werkposten$"), "/werkposten"),
                   (re.compile(r"^/werkposten/in-de-buurt$"), "/werkposten/in-de-buurt?postcode"),
                   (re.compile(r"^/werkposten/\d+-[^/]+$"), "/werkposten/<id>-<naam>"),
                   (re.compile(r"^/werkposten/[^/]+$"), "/werkposten/<provincie>"),
                   (re.compile(r"^/werkposten/[^/]+/[^/]+$"), "/werkposten/<provincie>/<gemeente>"),
                   (re.compile(r"^/begeleiders$"), "/begeleiders"),
                   (re.compile(r"^/begeleiders/[^/]+$"), "/begeleiders/<naam>"))


def page_kind(path: str) -> str:
    """Statistics per kind of page, not per address."""
    bare = path.split("?")[0]
    return next((name for pattern, name in DIRECTORY_PAGES if pattern.match(bare)), bare)


class DirectoryVisitor(HttpUser):
    wait_time = WAIT

    @task
    def browse(self):
        path = random.choice(PLAN["directory"])
        self.client.get(path, name="directory " + page_kind(path))


class Supervisor(HttpUser):
    """A supervisor logged in before the run (audit/load_audit.py) opens the match page of
    one of the organisation's participants again and again."""
    wait_time = WAIT

    def on_start(self):
        with _lock:
            account = PLAN["supervisors"][next(_accounts) % len(PLAN["supervisors"])]
        # The session is bound to the browser it was made in (Flask-Login's strong protection).
        self.client.headers["User-Agent"] = PLAN["user_agent"]
        self.client.cookies.set("session", account["session"])
        self.match_path = f"/werkruimte/deelnemers/{account['participant_id']}/zoeken"

    @task
    def match_page(self):
        with self.client.get(self.match_path, name="match /werkruimte/deelnemers/<id>/zoeken",
                             allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
