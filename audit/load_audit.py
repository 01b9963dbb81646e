"""Load audit: locust, headless, against a local gunicorn (4 workers) with 10^4 seeded
workposts, on SQLite and PostgreSQL.

    .venv/bin/python audit/load_audit.py [--database sqlite postgresql] [--seconds 60]

Per database, five runs of 20 concurrent users for --seconds each, each after a warm-up of
the same scenario (--warmup seconds, not reported). The pages: the directory pages a visitor
opens (every directory page in the sitemap, and searches near postcodes), the supervisor
match page (20 seeded supervisors, logged in with password and TOTP before the run), and the
bare /healthz page as a ceiling.

- At full speed (users do not wait between requests) for all three: what the server can do
  at most. Gives the throughput, and the directory's share of the bare page's.
- As people use it (each user reads a page for 1 to 3 seconds, --think, before the next
  click) for the directory and the match page: the latency 20 people see.

Targets: p95 <= 150 ms for the people's runs; directory >= 40 % and the match page >= 30 % of
the bare page's throughput at full speed. The full-speed latencies are printed too. Exits 1 when a target is
missed or requests failed.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

import pyotp
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import BIN, REPO, seeded_server  # noqa: E402

DEMO_PASSWORD = "werkpostwijzer-demo"  # web/cli/seed.py gives every demo account this one
USERS = 20
P95_TARGET_MS = 150
RATIO_TARGET = 0.40
MATCH_RATIO_TARGET = 0.30  # issue 17 item 5: the match page at >= 30 % of the bare page
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
USER_AGENT = "werkpostwijzer-load-audit"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
NEAR_POSTCODES = ("3500", "9000", "2000", "8000", "1000")


def directory_paths(server) -> list[str]:
    """What visitors of the directory open: every directory page the sitemap lists (provinces,
    municipalities, internal workposts, supervisor organisations) and searches near a few
    postcodes, with and without an activity."""
    with urllib.request.urlopen(server.url + "/sitemap.xml", timeout=60) as response:
        root = ElementTree.fromstring(response.read())
    paths = [urlsplit(loc.text).path for loc in root.iter(SITEMAP + "loc")]
    paths = [p for p in dict.fromkeys(paths) if p.startswith(("/werkposten", "/begeleiders"))]
    for postcode in NEAR_POSTCODES:
        paths.append("/werkposten/in-de-buurt?" + urlencode({"postcode": postcode}))
        paths.append("/werkposten/in-de-buurt?" + urlencode({"postcode": postcode,
                                                             "activiteit": "green"}))
    return paths


def supervisors(engine) -> list[dict]:
    """20 seeded supervisors, each with a TOTP secret set directly in the database (as if
    enrolled) and a participant of their organisation who consented to matching."""
    chosen = []
    with engine.begin() as conn:
        rows = conn.execute(text(
            "SELECT u.id, u.email, min(p.id) FROM users u JOIN participants p "
            "ON p.organisation_id = u.organisation_id JOIN consents c ON c.participant_id = p.id "
            "WHERE u.role = 'supervisor' AND u.active AND p.status = 'searching' "
            "GROUP BY u.id, u.email ORDER BY u.id LIMIT :n"), {"n": USERS}).all()
        for user_id, email, participant_id in rows:
            secret = pyotp.random_base32()
            conn.execute(text("UPDATE users SET totp_secret = :s, totp_enrolled_at = :t, "
                              "totp_last_step = NULL WHERE id = :id"),
                         {"s": secret, "t": datetime.now(UTC).replace(tzinfo=None), "id": user_id})
            chosen.append({"email": email, "password": DEMO_PASSWORD, "secret": secret,
                           "participant_id": participant_id})
    return chosen


def log_in(server, account: dict) -> str:
    """Password and TOTP code, as a person would, before the measured run: the run measures
    the match page, not twenty simultaneous password hashes. Returns the session cookie."""
    import requests

    with requests.Session() as browser:
        browser.headers["User-Agent"] = USER_AGENT
        for path, fields in (("/account/inloggen", {"email": account["email"],
                                                    "password": account["password"]}),
                             ("/account/tweede-stap", {"code": None})):
            page = browser.get(server.url + path, timeout=60)
            token = CSRF.search(page.text).group(1)
            if "code" in fields:
                fields = {"code": pyotp.TOTP(account["secret"]).now()}
            browser.post(server.url + path, data={"csrf_token": token, **fields}, timeout=60)
        match = f"{server.url}/werkruimte/deelnemers/{account['participant_id']}/zoeken"
        if browser.get(match, allow_redirects=False, timeout=60).status_code != 200:
            raise SystemExit(f"could not log in {account['email']}")
        return browser.cookies["session"]


def run_locust(server, plan_file: str, user_class: str, seconds: int, out: Path,
               wait: str = "0", users: int = USERS) -> dict:
    """user_class: one locust user class, or several separated by spaces."""
    out.mkdir(parents=True, exist_ok=True)
    prefix = out / f"{user_class.replace(' ', '+')}-{wait.replace(':', '-')}"
    env = {**os.environ, "AUDIT_PLAN": plan_file, "AUDIT_WAIT": wait}
    subprocess.run([str(BIN / "locust"), "-f", str(REPO / "audit/locustfile.py"), "--headless",
                    "--only-summary", "-u", str(users), "-r", str(users), "-t", f"{seconds}s",
                    "--host", server.url, "--csv", str(prefix), "--loglevel", "ERROR",
                    *user_class.split()], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(f"{prefix}_failures.csv") as handle:
        for row in csv.DictReader(handle):
            print(f"   failures: {row['Occurrences']} x {row['Method']} {row['Name']}: "
                  f"{row['Error'][:160]}")
    with open(f"{prefix}_stats.csv") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


FULL_SPEED = "0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgresql"],
                        choices=("sqlite", "postgresql"))
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workposts", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=15, help="seconds before each run")
    parser.add_argument("--workers", type=int, default=4,
                        help="gunicorn workers (4, as in the README's production command)")
    parser.add_argument("--think", default="1:3",
                        help="seconds a person reads a page, as min:max (people's runs)")
    args = parser.parse_args()
    ok = True
    for database in args.database:
        with seeded_server(database, args.workposts, workers=args.workers,
                           app_config={"RATELIMIT_ENABLED": False}) as server, \
                tempfile.TemporaryDirectory(prefix="wpw-load-") as out:
            engine = create_engine(server.database_url.replace("postgresql://",
                                                               "postgresql+psycopg://"))
            plan = {"directory": directory_paths(server), "user_agent": USER_AGENT,
                    "supervisors": [{"session": log_in(server, account),
                                     "participant_id": account["participant_id"]}
                                    for account in supervisors(engine)]}
            engine.dispose()
            plan_file = Path(out) / "plan.json"
            plan_file.write_text(json.dumps(plan))
            pages = ["DirectoryVisitor"] if plan["directory"] else []
            pages += ["Supervisor"] if plan["supervisors"] else []
            runs = [("BarePage", FULL_SPEED)] + [(page, FULL_SPEED) for page in pages] \
                + [(page, args.think) for page in pages]
            print(f"\n== {database}: {args.workposts} workposts, gunicorn {args.workers} workers, "
                  f"{USERS} users, {args.seconds} s per run after {args.warmup} s warm-up ==")
            stats = {}
            for user_class, wait in runs:
                # A server that has been up a while: pages kept, the matcher's index built in
                # every worker. The warm-up's figures are not reported.
                run_locust(server, str(plan_file), user_class, args.warmup, Path(out) / "warm",
                           wait)
                stats[user_class, wait] = run_locust(server, str(plan_file), user_class,
                                                     args.seconds, Path(out), wait)
            ok &= report(stats, args.think)
    return 0 if ok else 1


def report(stats: dict, think: str) -> bool:
    ok = True
    print(f"   {'page':<44} {'users wait':>10} {'requests':>9} {'failed':>7} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'req/s':>8}")
    throughput = {}
    for (user_class, wait), rows in stats.items():
        total = rows.get("Aggregated")
        for name, row in rows.items():
            if name == "Aggregated" or name.startswith("login"):
                continue
            p95 = float(row["95%"])
            # The latency target is for people's pace; full speed shows the server's limit.
            judged = wait != FULL_SPEED
            pace = "no" if wait == FULL_SPEED else f"{wait.replace(':', '-')} s"
            print(f"   {name:<44} {pace:>10} {row['Request Count']:>9} "
                  f"{row['Failure Count']:>7} {row['50%']:>7} {row['95%']:>7} "
                  f"{float(row['Requests/s']):>8.1f}"
                  + ("   p95 over target" if judged and p95 > P95_TARGET_MS else ""))
            ok &= int(row["Failure Count"]) == 0 and (not judged or p95 <= P95_TARGET_MS)
        if total and wait == FULL_SPEED:
            throughput[user_class] = float(total["Requests/s"])
    if "DirectoryVisitor" in throughput and throughput.get("BarePage"):
        ratio = throughput["DirectoryVisitor"] / throughput["BarePage"]
        print(f"   directory throughput at full speed = {ratio:.0%} of the bare page "
              f"({throughput['DirectoryVisitor']:.1f} / {throughput['BarePage']:.1f} req/s; "
              f"target >= {RATIO_TARGET:.0%})")
        ok &= ratio >= RATIO_TARGET
    if "Supervisor" in throughput and throughput.get("BarePage"):
        ratio = throughput["Supervisor"] / throughput["BarePage"]
        print(f"   match page throughput at full speed = {ratio:.0%} of the bare page "
              f"({throughput['Supervisor']:.1f} / {throughput['BarePage']:.1f} req/s; "
              f"target >= {MATCH_RATIO_TARGET:.0%})")
        ok &= ratio >= MATCH_RATIO_TARGET
    print(f"   load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
    print(f"   targets: p95 <= {P95_TARGET_MS} ms when users read each page "
          f"{think.replace(':', '-')} s; at full speed the p95 is the queue of 20 users")
    return ok


if __name__ == "__main__":
    sys.exit(main())
