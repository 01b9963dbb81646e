"""A seeded Werkpostwijzer behind gunicorn on 127.0.0.1, for the long audits (sqlmap, load).

    with seeded_server(database="sqlite", workposts=10_000, workers=2) as server:
        server.url, server.database_url

The database is new for each run: a SQLite file in a temporary folder, or a new database on
the PostgreSQL server at $AUDIT_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/
postgres), dropped afterwards. Only ever listens on 127.0.0.1.
"""
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
REDIS = "redis://127.0.0.1:6379/0"
POSTGRES = os.environ.get("AUDIT_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class Server:
    url: str
    database_url: str
    env: dict


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _psql_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def _database(kind: str, folder: Path):
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'audit.db'}"
        return
    name = f"wpw_audit_{uuid.uuid4().hex[:10]}"
    _psql_admin(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        _psql_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def flask(env: dict, *args: str, quiet: bool = True) -> str:
    result = subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=REPO, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"flask {' '.join(args)} failed")
    return result.stdout


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # a script, not a test: waiting for a server to listen
    raise SystemExit("gunicorn did not answer /healthz in time")


@contextlib.contextmanager
def seeded_server(database: str = "sqlite", workposts: int = 2000, workers: int = 2,
                  app_config: dict | None = None):
    """app_config goes to create_app() (gunicorn calls the factory with literal arguments):
    the audits switch the rate limits off, which would otherwise answer most of them 429."""
    with tempfile.TemporaryDirectory(prefix="wpw-audit-") as tmp, \
            _database(database, Path(tmp)) as url:
        env = {**os.environ, "DATABASE_URL": url, "WPW_INSTANCE": tmp,
               "SECRET_KEY": "audit-" + uuid.uuid4().hex, "MAIL_OUTBOX": f"{tmp}/outbox",
               "PUBLIC_URL": "http://127.0.0.1",
               # As production runs: pages and limits shared by the workers through Redis
               # (gunicorn.conf.py checks it); no mail server, so not "production" itself.
               "WPW_ENV": "audit", "REDIS_URL": os.environ.get("AUDIT_REDIS_URL", REDIS),
               "CACHE_KEY_PREFIX": f"wpw-audit-{uuid.uuid4().hex[:8]}:"}
        flask(env, "db", "upgrade", "heads")
        print(f"seeding {workposts} workposts on {database} ...", flush=True)
        flask(env, "seed", "demo", "--workposts", str(workposts))
        port = _free_port()
        log = open(Path(tmp) / "gunicorn.log", "w")
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", str(REPO / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
             "--log-level", "warning", "--access-logfile", "/dev/null", f"web:create_app({app_config or {}!r})"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            server = Server(f"http://127.0.0.1:{port}", url, env)
            _wait_until_up(server.url, process)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()
            _summarise_errors(Path(tmp) / "gunicorn.log")


def _summarise_errors(log: Path) -> None:
    """The kinds of server errors the run caused (the log goes with the temporary folder)."""
    kinds: dict[str, int] = {}
    for line in log.read_text(errors="replace").splitlines():
        if "Error:" in line and not line.startswith(" "):
            kinds[line.strip()[:200]] = kinds.get(line.strip()[:200], 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1])[:5]:
        print(f"   server log: {count} x {kind}")
