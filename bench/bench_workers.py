"""Memory and first-request time of 4 gunicorn workers on PostgreSQL, with the matcher's
index built once in the master before forking (gunicorn.conf.py) against each worker
building its own (WPW_PRELOAD=0, as before), and against 4 bare workers that never built one.

    .venv/bin/python bench/bench_workers.py [--workposts 100000]

Memory is PSS (proportional set size, /proc/<pid>/smaps_rollup): pages shared by several
processes count once in the sum, so "4 workers together" is the sum of their PSS.
"""
import argparse
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "audit"))
from load_audit import CSRF, supervisors  # noqa: E402
from server import BIN, REDIS, REPO, _database, _free_port, flask  # noqa: E402

MIB = 1024 * 1024


def pss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def logged_in(base: str, account: dict) -> requests.Session:
    """Password and TOTP code, as audit/load_audit.py does, without opening a match page."""
    import pyotp

    browser = requests.Session()
    browser.headers["User-Agent"] = "werkpostwijzer-load-audit"
    for path, fields in (("/account/inloggen", {"email": account["email"],
                                                "password": account["password"]}),
                         ("/account/tweede-stap", {"code": None})):
        page = browser.get(base + path, timeout=300)
        if "code" in fields:
            fields = {"code": pyotp.TOTP(account["secret"]).now()}
        browser.post(base + path, timeout=300, allow_redirects=False,
                     data={"csrf_token": CSRF.search(page.text).group(1), **fields})
    return browser


def run(env: dict, preload: bool, match: bool, accounts: list, url: str) -> dict:
    port = _free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", str(REPO / "gunicorn.conf.py"), "wsgi:app"],
        cwd=REPO, env={**env, "WPW_PRELOAD": "1" if preload else "0",
                       "BIND": f"127.0.0.1:{port}", "ACCESS_LOG": "/dev/null",
                       # A worker building its own index must not be killed mid-build.
                       "GUNICORN_TIMEOUT": "900"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            try:
                if requests.get(base + "/healthz", timeout=300).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)  # waiting for the server to listen
        up = time.monotonic() - started
        firsts = []
        if match:
            browser = logged_in(base, accounts[0])
            path = f"/werkruimte/deelnemers/{accounts[0]['participant_id']}/zoeken"
            # Enough requests that every worker has served a match page at least once.
            for _ in range(24):
                t = time.perf_counter()
                browser.get(base + path, timeout=300, headers={"Connection": "close"})
                firsts.append(time.perf_counter() - t)
        workers = children(process.pid)
        return {"up": up, "master": pss(process.pid), "workers": [pss(p) for p in workers],
                "slowest": max(firsts) if firsts else None,
                "median": sorted(firsts)[len(firsts) // 2] if firsts else None}
    finally:
        process.terminate()
        process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workposts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wpw-workers-") as tmp, \
            _database("postgresql", Path(tmp)) as url:
        env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "WPW_INSTANCE": tmp,
               "SECRET_KEY": "bench-" + uuid.uuid4().hex, "MAIL_SERVER": "127.0.0.1",
               "REDIS_URL": REDIS, "CACHE_KEY_PREFIX": f"wpw-bench-{uuid.uuid4().hex[:8]}:",
               "WEB_CONCURRENCY": "4"}
        flask(env, "db", "upgrade", "heads")
        print(f"seeding {args.workposts} workposts on PostgreSQL ...", flush=True)
        flask(env, "seed", "demo", "--workposts", str(args.workposts))
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        accounts = supervisors(engine)
        engine.dispose()
        rows = [("4 bare workers (no match page)", run(env, False, False, accounts, url)),
                ("each worker builds its own index", run(env, False, True, accounts, url)),
                ("index built in the master, shared", run(env, True, True, accounts, url))]
    bare = sum(rows[0][1]["workers"]) + rows[0][1]["master"]
    print(f"\n{args.workposts} workposts, gunicorn 4 workers, PostgreSQL; PSS in MiB")
    print(f"{'':<36} {'ready s':>8} {'master':>7} {'per worker':>16} {'all':>7} "
          f"{'over bare':>9} {'slowest match':>13} {'median':>7}")
    for name, row in rows:
        total = sum(row["workers"]) + row["master"]
        per = "-".join(f"{w / MIB:.0f}" for w in (min(row["workers"]), max(row["workers"])))
        slowest = "" if row["slowest"] is None else f"{row['slowest'] * 1000:.0f} ms"
        median = "" if row["median"] is None else f"{row['median'] * 1000:.0f} ms"
        print(f"{name:<36} {row['up']:>8.1f} {row['master'] / MIB:>7.0f} {per:>16} "
              f"{total / MIB:>7.0f} {(total - bare) / MIB:>9.0f} {slowest:>13} {median:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
