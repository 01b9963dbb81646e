"""Two app hosts behind a load balancer, one PostgreSQL, one Redis: one truth for all.

    .venv/bin/python audit/hosts_audit.py [--workposts 10000] [--seconds 30]

Needs root (network namespaces) and Debian's haproxy. The harness makes two network
namespaces, `wpw-a` and `wpw-b` (veth pairs 10.77.1.0/24 and 10.77.2.0/24, the only addresses
it creates or uses), and runs gunicorn with 4 workers in each, as the README's production
section does (gunicorn.conf.py). HAProxy in the root namespace balances 127.0.0.1:<port>
over both hosts (round robin, health check on /readyz, X-Forwarded-For) and carries the
hosts' connections to PostgreSQL and Redis on 127.0.0.1. Everything is removed afterwards.

It shows, with figures:
1. a change made through host A is on host B's match page within 1 s; a change in raw SQL
   is on both hosts' match pages within 1 s (the database's change feed);
2. the directory page on host B is never stale after a change through host A;
3. the login rate limit holds in total across both hosts (Redis), not per worker;
4. locust at 20 and 100 users (directory and match page) through the balancer;
5. SIGKILL of host A's gunicorn while users sign offers up through the balancer: every
   acknowledged sign-up is in the database, host B carries on, and the error rate during
   the fail-over is reported.
Exits 1 when a target is missed.
"""
import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_audit import USER_AGENT, directory_paths, log_in, run_locust, supervisors  # noqa: E402
from server import (BIN, REDIS, REPO, Server, _database, _free_port,  # noqa: E402
                    _summarise_errors, flask)

HOSTS = {"a": "10.77.1", "b": "10.77.2"}
APP_PORT = 8000
VISIBLE_TARGET_S = 1.0
MATCH_LINK = re.compile(r"/werkruimte/werkposten/(\d+)\?deelnemer=")
LOGIN_LIMIT = 30
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
LOGIN_USERS = 0  # web/account/routes.py ADDRESS_LIMIT: 30 per 10 minutes per address


def sh(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


@contextlib.contextmanager
def namespaces():
    made = []
    try:
        for name, net in HOSTS.items():
            ns, outer, inner = f"wpw-{name}", f"wpw-{name}0", f"wpw-{name}1"
            sh("ip", "netns", "add", ns)
            made.append(ns)
            sh("ip", "link", "add", outer, "type", "veth", "peer", "name", inner)
            sh("ip", "link", "set", inner, "netns", ns)
            sh("ip", "addr", "add", f"{net}.1/24", "dev", outer)
            sh("ip", "link", "set", outer, "up")
            for command in (("ip", "addr", "add", f"{net}.2/24", "dev", inner),
                            ("ip", "link", "set", inner, "up"), ("ip", "link", "set", "lo", "up")):
                sh("ip", "netns", "exec", ns, *command)
        yield
    finally:
        for ns in made:
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)
        for name in HOSTS:
            subprocess.run(["ip", "link", "del", f"wpw-{name}0"], capture_output=True)


HAPROXY = """
global
    maxconn 4000
defaults
    timeout connect 2s
    timeout client 5m
    timeout server 5m
    retries 2
    option redispatch
frontend web
    mode http
    option forwardfor
    bind 127.0.0.1:{port}
    default_backend hosts
backend hosts
    mode http
    balance roundrobin
    option httpchk GET /readyz
    timeout check 5s
    default-server inter 1s fall 3 rise 2
    server a {a}.2:{app} check
    server b {b}.2:{app} check
listen postgresql
    mode tcp
    bind {a}.1:5432
    bind {b}.1:5432
    server db 127.0.0.1:5432
listen redis
    mode tcp
    bind {a}.1:6379
    bind {b}.1:6379
    server cache 127.0.0.1:6379
"""


@contextlib.contextmanager
def balancer(folder: Path):
    port = _free_port()
    config = folder / "haproxy.cfg"
    config.write_text(HAPROXY.format(port=port, a=HOSTS["a"], b=HOSTS["b"], app=APP_PORT))
    process = subprocess.Popen(["haproxy", "-f", str(config)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def host_env(env: dict, name: str) -> dict:
    """What host `name` sees: PostgreSQL and Redis through its own veth address."""
    net = HOSTS[name]
    database = env["DATABASE_URL"].replace("127.0.0.1", f"{net}.1")
    return {**env, "DATABASE_URL": database, "REDIS_URL": REDIS.replace("127.0.0.1", f"{net}.1"),
            "BIND": f"{net}.2:{APP_PORT}", "TRUSTED_PROXIES": "1", "WEB_CONCURRENCY": "4",
            "ACCESS_LOG": "/dev/null"}


def start_host(env: dict, name: str, folder: Path) -> subprocess.Popen:
    log = open(folder / f"gunicorn-{name}.log", "w")
    return subprocess.Popen(["ip", "netns", "exec", f"wpw-{name}", str(BIN / "gunicorn"),
                             "--config", str(REPO / "gunicorn.conf.py"), "wsgi:app"],
                            cwd=REPO, env=host_env(env, name), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_ready(url: str, seconds: float = 180) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        with contextlib.suppress(requests.RequestException):
            if requests.get(url + "/readyz", timeout=5).status_code == 200:
                return time.monotonic() - started
        time.sleep(0.2)  # a script waiting for a server, not a test
    raise SystemExit(f"{url} not ready after {seconds} s")


def direct(name: str) -> str:
    return f"http://{HOSTS[name]}.2:{APP_PORT}"


def listed(session: requests.Session, base: str, path: str) -> set[int]:
    page = session.get(base + path, timeout=30, allow_redirects=False)
    return {int(i) for i in MATCH_LINK.findall(page.text)}


def time_until(check, limit: float = 10.0) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if check():
            return time.monotonic() - started
        time.sleep(0.02)
    return None


def browser_for(cookie: str | None = None) -> requests.Session:
    """A browser at 127.0.0.1: asking a host directly, it says so as the balancer would
    (sessions are bound to the client's address)."""
    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "X-Forwarded-For": "127.0.0.1"})
    if cookie is None:
        return session
    session.cookies.set("session", cookie)
    return session


def org_admin_of(engine, workpost_id: int) -> dict:
    import pyotp

    with engine.begin() as conn:
        email = conn.execute(text(
            "SELECT u.email FROM users u JOIN workposts w ON w.organisation_id = u.organisation_id "
            "WHERE w.id = :id AND u.role = 'org_admin' AND u.active LIMIT 1"),
            {"id": workpost_id}).scalar_one()
        secret = pyotp.random_base32()
        conn.execute(text("UPDATE users SET totp_secret = :s, totp_enrolled_at = now(), "
                          "totp_last_step = NULL WHERE email = :e"), {"s": secret, "e": email})
    return {"email": email, "password": "werkpostwijzer-demo", "secret": secret,
            "participant_id": None}


def manage_path(env: dict, workpost_id: int) -> str:
    """The business's own signed link, as its mails carry it (made by the app itself)."""
    code = ("from wsgi import app\nfrom web.extensions import db\nfrom web.models import Workpost\n"
            "from web.signup.links import manage_url\n"
            f"with app.test_request_context():\n    print(manage_url(db.session.get(Workpost, {workpost_id})))")
    out = subprocess.run([str(BIN / "python"), "-c", code], cwd=REPO, capture_output=True,
                         text=True, env={**env, "WPW_ENV": "audit"}, check=True).stdout
    return "/" + out.strip().split("/", 3)[3]


def logged_in_admin(engine, workpost_id: int) -> requests.Session:
    import pyotp

    admin = org_admin_of(engine, workpost_id)
    browser = browser_for()
    for path, fields in (("/account/inloggen", {"email": admin["email"],
                                                "password": admin["password"]}),
                         ("/account/tweede-stap", {"code": pyotp.TOTP(admin["secret"]).now()})):
        page = browser.get(direct("a") + path, timeout=30)
        browser.post(direct("a") + path, timeout=30,
                     data={"csrf_token": CSRF.search(page.text).group(1), **fields})
    return browser


def check_changes(lb: str, env: dict, engine, account: dict, cookie: str) -> bool:
    """A business pauses its offer through host A: time until it leaves host B's match page.
    It is published again in raw SQL: time until it is back on both hosts' match pages.
    An organisation hides its internal workpost through host A: host B's directory page for
    it must not show it right after."""
    match = f"/werkruimte/deelnemers/{account['participant_id']}/zoeken"
    supervisor = browser_for(cookie)
    shown = listed(supervisor, direct("b"), match)
    if not shown:
        print("   the participant's match page lists no workpost: check not possible")
        return False
    target = min(shown)
    manage = manage_path(env, target)
    business = browser_for()
    page = business.get(direct("a") + manage, timeout=30)
    answer = business.post(direct("a") + manage + "/pauzeren", timeout=30, allow_redirects=False,
                           data={"csrf_token": CSRF.search(page.text).group(1)})
    gone = time_until(lambda: target not in listed(supervisor, direct("b"), match))
    ok = answer.status_code in (302, 303) and gone is not None and gone <= VISIBLE_TARGET_S
    print(f"   paused through host A (answer {answer.status_code}): gone from host B's match "
          f"page after {_seconds(gone)} (target <= {VISIBLE_TARGET_S} s)")
    with engine.begin() as conn:
        conn.execute(text("UPDATE workposts SET status = 'published' WHERE id = :id"),
                     {"id": target})
    for name in ("a", "b"):
        back = time_until(lambda: target in listed(supervisor, direct(name), match))
        print(f"   published again in raw SQL: back on host {name.upper()}'s match page after "
              f"{_seconds(back)}")
        ok &= back is not None and back <= VISIBLE_TARGET_S
    public = next(path for path in directory_paths(Server(lb, "", {}))
                  if re.match(r"^/werkposten/\d+-", path))
    internal = int(public.split("/")[2].split("-")[0])
    with engine.begin() as conn:
        name = conn.execute(text("SELECT name FROM workposts WHERE id = :id"),
                            {"id": internal}).scalar_one()
    before = requests.get(direct("b") + public, timeout=30)
    admin = logged_in_admin(engine, internal)
    page = admin.get(direct("a") + "/werkruimte/organisatie/werkposten", timeout=30)
    hidden = admin.post(direct("a") + f"/werkruimte/organisatie/werkposten/{internal}/zichtbaar",
                        data={"csrf_token": CSRF.search(page.text).group(1), "published": "0"},
                        timeout=30, allow_redirects=False)
    after = requests.get(direct("b") + public, timeout=30)
    stale = after.status_code == 200 and name in after.text
    print(f"   internal workpost hidden through host A (answer {hidden.status_code}): its "
          f"directory page on host B answered {before.status_code} before, {after.status_code} "
          f"right after: {'STALE' if stale else 'current'}")
    return ok and before.status_code == 200 and hidden.status_code in (302, 303) and not stale


def _seconds(value: float | None) -> str:
    return "never (10 s)" if value is None else f"{value * 1000:.0f} ms"


def check_login_limit(lb: str) -> bool:
    """Wrong passwords from one address through the balancer, spread over 8 workers on
    two hosts: the limit must hold in total."""
    csrf = CSRF
    browser = requests.Session()
    browser.headers["User-Agent"] = USER_AGENT
    allowed = refused = 0
    for _ in range(LOGIN_LIMIT * 2):
        page = browser.get(lb + "/account/inloggen", timeout=30)
        match = csrf.search(page.text)
        answer = browser.post(lb + "/account/inloggen", timeout=30, data={
            "csrf_token": match.group(1) if match else "", "email": "nobody@example.be",
            "password": "wrong"})
        if answer.status_code == 429:
            refused += 1
        else:
            allowed += 1
    # The supervisors' logins before this check came from the same address and count too.
    earlier = LOGIN_USERS
    ok = allowed + earlier <= LOGIN_LIMIT and refused > 0
    print(f"   login tries from one address through the balancer: {earlier} logins before, then "
          f"{allowed} answered and {refused} refused with 429 (limit {LOGIN_LIMIT} per 10 "
          f"minutes in total; counted per worker it would be {LOGIN_LIMIT * 8})")
    return ok


ORG_TYPE = re.compile(r'<option value="([a-z_]+)"')


def write_draft(lb: str, name: str) -> bool:
    """The first two sign-up steps, as a business fills them in: each step's answer is a
    committed row (the wizard's server-side draft). True once the app acknowledged it."""
    browser = requests.Session()
    browser.headers["User-Agent"] = USER_AGENT
    browser.get(lb + "/aanbieden/start", timeout=10)
    page = browser.get(lb + "/aanbieden/stap/soort", timeout=10)
    browser.post(lb + "/aanbieden/stap/soort", timeout=10, allow_redirects=False, data={
        "csrf_token": CSRF.search(page.text).group(1), "legal_form": "de_facto_association"})
    page = browser.get(lb + "/aanbieden/stap/organisatie", timeout=10)
    answer = browser.post(lb + "/aanbieden/stap/organisatie", timeout=10, allow_redirects=False,
                          data={"csrf_token": CSRF.search(page.text).group(1), "name": name,
                                "org_type": ORG_TYPE.search(page.text).group(1),
                                "description": "Een buurtwerking met een moestuin en een atelier."})
    return answer.status_code in (302, 303)


def failover_run(lb: str, plan_file: Path, hosts: dict, engine, out: Path, seconds: int) -> bool:
    """Locust at 20 users (directory and match page) and 4 writers filling in sign-ups;
    host A's gunicorn gets SIGKILL a third of the way in. Every acknowledged write must be in
    the database; host B must carry on; the error rates are reported."""
    acknowledged, failed, stop = [], [], threading.Event()

    def writer(number: int) -> None:
        while not stop.is_set():
            name = f"Failover {number} {uuid.uuid4().hex[:10]}"
            try:
                (acknowledged if write_draft(lb, name) else failed).append(name)
            except (requests.RequestException, AttributeError):
                failed.append(name)

    writers = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(4)]
    for thread in writers:
        thread.start()
    killer = threading.Timer(seconds / 3, lambda: os.killpg(hosts["a"].pid, signal.SIGKILL))
    killer.start()
    stats = run_locust(Server(lb, "", {}), str(plan_file), "DirectoryVisitor Supervisor",
                       seconds, out / "failover", "1:3")
    killer.join()
    stop.set()
    for thread in writers:
        thread.join(timeout=30)
    with engine.begin() as conn:
        stored = set(conn.execute(text(
            "SELECT data::text FROM signup_drafts WHERE data::text LIKE '%Failover %'")).scalars())
    stored = " ".join(stored)
    lost = [name for name in acknowledged if name not in stored]
    total = stats.get("Aggregated", {})
    reads, read_failures = int(total.get("Request Count", 0)), int(total.get("Failure Count", 0))
    writes = len(acknowledged) + len(failed)
    print(f"   host A killed (SIGKILL) after {seconds // 3} s of {seconds} s")
    print(f"   reads: {reads} requests, {read_failures} failed "
          f"({read_failures / max(reads, 1):.2%})")
    print(f"   writes: {writes} sign-up steps, {len(acknowledged)} acknowledged, {len(failed)} "
          f"failed ({len(failed) / max(writes, 1):.2%}), acknowledged but lost: {len(lost)}")
    return reads > 0 and not lost and len(acknowledged) > 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workposts", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("needs root for network namespaces")
    ok = True
    with tempfile.TemporaryDirectory(prefix="wpw-hosts-") as tmp, \
            _database("postgresql", Path(tmp)) as url:
        folder = Path(tmp)
        env = {**os.environ, "DATABASE_URL": url, "WPW_INSTANCE": tmp,
               "SECRET_KEY": "hosts-" + uuid.uuid4().hex, "MAIL_SERVER": "127.0.0.1",
               "MAIL_PORT": "1", "PUBLIC_URL": "http://127.0.0.1", "WPW_ENV": "production",
               "REDIS_URL": REDIS, "CACHE_KEY_PREFIX": f"wpw-hosts-{uuid.uuid4().hex[:8]}:",
               "RATELIMIT_KEY_PREFIX": f"wpw-hosts-{uuid.uuid4().hex[:8]}"}
        flask(env, "db", "upgrade", "heads")
        print(f"seeding {args.workposts} workposts on PostgreSQL ...", flush=True)
        flask(env, "seed", "demo", "--workposts", str(args.workposts))
        with namespaces(), balancer(folder) as lb:
            hosts = {name: start_host(env, name, folder) for name in HOSTS}
            try:
                for name in HOSTS:
                    print(f"   host {name.upper()} ready after {wait_ready(direct(name)):.1f} s "
                          "(index built in gunicorn's master before the workers fork)")
                wait_ready(lb)
                engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
                accounts = supervisors(engine)
                server = Server(lb, url, env)
                cookies = [log_in(server, account) for account in accounts]
                global LOGIN_USERS
                LOGIN_USERS = len(cookies) + 1  # and the org admin's, below
                print("== 1-2. changes through host A and in raw SQL, seen on host B ==")
                ok &= check_changes(lb, env, engine, accounts[0], cookies[0])
                print("== 3. the login limit across both hosts ==")
                ok &= check_login_limit(lb)
                plan = {"directory": directory_paths(server), "user_agent": USER_AGENT,
                        "supervisors": [{"session": cookie, "participant_id": a["participant_id"]}
                                        for cookie, a in zip(cookies, accounts)]}
                plan_file = folder / "plan.json"
                plan_file.write_text(json.dumps(plan))
                print("== 4. locust through the balancer ==")
                for users in (20, 100):
                    stats = run_locust(server, str(plan_file), "DirectoryVisitor Supervisor",
                                       args.seconds, folder / f"load-{users}", "1:3",
                                       users=users)
                    report_load(stats, users)
                print("== 5. host A killed mid-run ==")
                ok &= failover_run(lb, plan_file, hosts, engine, folder, args.seconds)
                engine.dispose()
            finally:
                for process in hosts.values():
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGTERM)
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        process.wait(timeout=30)
                for name in HOSTS:
                    print(f"   host {name.upper()}'s log:")
                    _summarise_errors(folder / f"gunicorn-{name}.log")
    print("hosts audit:", "all targets met" if ok else "a target was missed")
    return 0 if ok else 1


def report_load(stats: dict, users: int) -> None:
    for name, row in stats.items():
        print(f"   {users:>3} users  {name:<44} {row['Request Count']:>7} requests "
              f"{row['Failure Count']:>4} failed  p50 {row['50%']:>5} ms  p95 {row['95%']:>5} ms "
              f"{float(row['Requests/s']):>7.1f} req/s")


if __name__ == "__main__":
    sys.exit(main())
