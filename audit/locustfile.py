"""Locust users for the load audit (run by audit/load_audit.py, which prepares the plan).

AUDIT_PLAN names a JSON file: {"directory": [paths], "supervisors": [{"email", "password",
"secret", "participant_id"}]}. Users never wait between requests (AUDIT_WAIT seconds if
set), so each run measures what the server can do: its throughput and its latencies.
"""
import itertools
import json
import os
import random
import re
import threading

import pyotp
from locust import HttpUser, constant, task

PLAN = json.loads(open(os.environ["AUDIT_PLAN"]).read()) if os.environ.get("AUDIT_PLAN") else {}
WAIT = float(os.environ.get("AUDIT_WAIT", "0"))
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
_accounts = itertools.count()
_lock = threading.Lock()


class BarePage(HttpUser):
    """The same server's cheapest page: the ceiling the others are compared with."""
    wait_time = constant(WAIT)

    @task
    def healthz(self):
        self.client.get("/healthz", name="bare /healthz")


class DirectoryVisitor(HttpUser):
    wait_time = constant(WAIT)

    @task
    def browse(self):
        path = random.choice(PLAN["directory"])
        self.client.get(path, name="directory " + path.split("?")[0].rstrip("0123456789"))


class Supervisor(HttpUser):
    """Logs in with password and TOTP code once, then opens the match page of one of the
    organisation's participants again and again."""
    wait_time = constant(WAIT)

    def on_start(self):
        with _lock:
            account = PLAN["supervisors"][next(_accounts) % len(PLAN["supervisors"])]
        self.match_path = f"/werkruimte/deelnemers/{account['participant_id']}/zoeken"
        page = self.client.get("/account/inloggen", name="login (setup)")
        token = CSRF.search(page.text).group(1)
        self.client.post("/account/inloggen", name="login (setup)", data={
            "csrf_token": token, "email": account["email"], "password": account["password"]})
        page = self.client.get("/account/tweede-stap", name="login (setup)")
        token = CSRF.search(page.text).group(1)
        self.client.post("/account/tweede-stap", name="login (setup)", data={
            "csrf_token": token, "code": pyotp.TOTP(account["secret"]).now()})

    @task
    def match_page(self):
        with self.client.get(self.match_path, name="match /werkruimte/deelnemers/<id>/zoeken",
                             allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
