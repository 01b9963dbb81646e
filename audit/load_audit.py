"""Load audit: locust, headless, against a local gunicorn (2 workers) with 10^4 seeded
workposts, on SQLite and PostgreSQL.

    .venv/bin/python audit/load_audit.py [--database sqlite postgresql] [--seconds 60]

Per database, three runs of 20 concurrent users for --seconds each: the directory pages,
the supervisor match page (20 seeded supervisors, each logged in with password and TOTP),
and the bare /healthz page as a ceiling. Prints p50/p95 per page and throughput, and the
directory's throughput as a share of the bare page's. Targets: p95 <= 150 ms, directory
>= 40 % of the bare page. Exits 1 when a target is missed or requests failed.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pyotp
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import BIN, REPO, seeded_server  # noqa: E402

DEMO_PASSWORD = "werkpostwijzer-demo"  # web/cli/seed.py gives every demo account this one
USERS = 20
P95_TARGET_MS = 150
RATIO_TARGET = 0.40


class _GetForm(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.inside = {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("method") or "get").lower() == "get"
        elif self.inside and tag in ("input", "select") and attrs.get("name"):
            if attrs.get("type") not in ("submit", "button", "hidden"):
                self.fields.setdefault(attrs["name"], attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def directory_paths(server, engine) -> list[str]:
    """The directory's own pages, found from the app's URL map: its index, a search from its
    GET form and detail pages of published workposts."""
    code = ("from wsgi import app\n"
            "for r in app.url_map.iter_rules():\n"
            "    if r.endpoint.startswith('directory.') and 'GET' in r.methods:\n"
            "        print(r.rule)")
    rules = subprocess.run([str(BIN / "python"), "-c", code], cwd=REPO, env=server.env,
                           capture_output=True, text=True, check=True).stdout.split()
    paths = [r for r in rules if "<" not in r]
    if not paths:
        return []
    with urllib.request.urlopen(server.url + paths[0], timeout=30) as response:
        form = _GetForm()
        form.feed(response.read().decode())
    if form.fields:
        query = {name: value for name, value in form.fields.items() if value}
        query.setdefault(next(iter(form.fields)), "9000" if "postcode" in form.fields else "")
        paths.append(paths[0] + "?" + urlencode(query))
    detail = next((r for r in rules if r.count("<") == 1 and "int:" in r), None)
    if detail:
        with engine.connect() as conn:
            ids = conn.scalars(text("SELECT id FROM workposts WHERE status = 'published' "
                                    "ORDER BY id LIMIT 20")).all()
        paths += [detail.split("<")[0] + str(i) + detail.split(">")[1] for i in ids]
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


def run_locust(server, plan_file: str, user_class: str, seconds: int, out: Path) -> dict:
    prefix = out / user_class
    env = {**os.environ, "AUDIT_PLAN": plan_file}
    subprocess.run([str(BIN / "locust"), "-f", str(REPO / "audit/locustfile.py"), "--headless",
                    "--only-summary", "-u", str(USERS), "-r", str(USERS), "-t", f"{seconds}s",
                    "--host", server.url, "--csv", str(prefix), "--loglevel", "ERROR",
                    user_class], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(f"{prefix}_failures.csv") as handle:
        for row in csv.DictReader(handle):
            print(f"   failures: {row['Occurrences']} x {row['Method']} {row['Name']}: "
                  f"{row['Error'][:160]}")
    with open(f"{prefix}_stats.csv") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgresql"],
                        choices=("sqlite", "postgresql"))
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workposts", type=int, default=10_000)
    args = parser.parse_args()
    ok = True
    for database in args.database:
        with seeded_server(database, args.workposts, workers=2,
                           app_config={"RATELIMIT_ENABLED": False}) as server, \
                tempfile.TemporaryDirectory(prefix="wpw-load-") as out:
            engine = create_engine(server.database_url.replace("postgresql://",
                                                               "postgresql+psycopg://"))
            plan = {"directory": directory_paths(server, engine),
                    "supervisors": supervisors(engine)}
            engine.dispose()
            plan_file = Path(out) / "plan.json"
            plan_file.write_text(json.dumps(plan))
            classes = ["BarePage"]
            classes += ["DirectoryVisitor"] if plan["directory"] else []
            classes += ["Supervisor"] if plan["supervisors"] else []
            print(f"\n== {database}: {args.workposts} workposts, gunicorn 2 workers, "
                  f"{USERS} users, {args.seconds} s per run ==")
            if not plan["directory"]:
                print("   (no directory pages in this app yet: directory run skipped)")
            stats = {c: run_locust(server, str(plan_file), c, args.seconds, Path(out))
                     for c in classes}
            ok &= report(stats)
    return 0 if ok else 1


def report(stats: dict) -> bool:
    ok = True
    print(f"   {'page':<48} {'requests':>9} {'failed':>7} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>8}")
    throughput = {}
    for user_class, rows in stats.items():
        total = rows.get("Aggregated")
        for name, row in rows.items():
            if name == "Aggregated" or name.startswith("login"):
                continue
            p95 = float(row["95%"])
            print(f"   {name:<48} {row['Request Count']:>9} {row['Failure Count']:>7} "
                  f"{row['50%']:>7} {row['95%']:>7} {float(row['Requests/s']):>8.1f}"
                  + ("   p95 over target" if p95 > P95_TARGET_MS else ""))
            ok &= p95 <= P95_TARGET_MS and int(row["Failure Count"]) == 0
        if total:
            throughput[user_class] = float(total["Requests/s"])
    if "DirectoryVisitor" in throughput and throughput.get("BarePage"):
        ratio = throughput["DirectoryVisitor"] / throughput["BarePage"]
        print(f"   directory throughput = {ratio:.0%} of the bare page "
              f"({throughput['DirectoryVisitor']:.1f} / {throughput['BarePage']:.1f} req/s; "
              f"target >= {RATIO_TARGET:.0%})")
        ok &= ratio >= RATIO_TARGET
    return ok


if __name__ == "__main__":
    sys.exit(main())
