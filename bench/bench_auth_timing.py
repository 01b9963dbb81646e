"""Do login and password reset answer in about the same time whether the address exists?
Prints figures and ratios, never asserts timings.

    python bench/bench_auth_timing.py                     # 50 tries each, SQLite in a temp dir
    python bench/bench_auth_timing.py --tries 200
    python bench/bench_auth_timing.py --database-url postgresql://postgres@127.0.0.1/wpw_bench

The app runs in-process through Flask's test client, configured as in production where it
matters here: mail is queued in the outbox and delivered after the response has gone
(MAIL_DELIVER_INLINE off; the test client closes the response after the clock stops, as a
server does after sending it), CSRF and the rate limits are off so that every try reaches
the view. Kinds of try, interleaved round-robin so that drift hits them alike:

  login known, wrong password   each from a new client address (never throttled)
  login unknown address         each from a new client address
  login throttled               a known account from an address that made 13 wrong guesses
  reset known address           queues the reset mail
  reset unknown address         queues nothing

The figure is the time until the response body is in hand: what an attacker can measure.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from web import create_app  # noqa: E402
from web.access.auth import hash_password  # noqa: E402
from web.infra.catalogs import compile_catalogs  # noqa: E402
from web.extensions import db  # noqa: E402
from web.models import OutboxMail, User  # noqa: E402

PASSWORD = "een-lang-genoeg-wachtwoord"
KNOWN = "gekend@werkpostwijzer.example"
THROTTLED = "geremd@werkpostwijzer.example"


class Clock:
    """The app's clock: real time, moved ahead while the throttle is being filled."""

    def __init__(self):
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def make_app(tmp: Path, url: str | None, clock: Clock):
    compile_catalogs()
    app = create_app({
        "SECRET_KEY": "bench-secret-key", "SQLALCHEMY_DATABASE_URI": url or
        f"sqlite:///{tmp / 'bench.db'}", "INSTANCE_DIR": str(tmp),
        "MAIL_OUTBOX": str(tmp / "outbox"), "MAIL_SERVER": "", "MAIL_DELIVER_INLINE": False,
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "PAGE_CACHE_SECONDS": 0,
        "PUBLIC_URL": "http://localhost", "CLOCK": clock})
    with app.app_context():
        upgrade(revision="heads")
        for email in (KNOWN, THROTTLED):
            if db.session.query(User).filter_by(email=email).first() is None:
                db.session.add(User(email=email, name="Bench", role="platform_admin",
                                    password_hash=hash_password(PASSWORD)))
        db.session.commit()
    return app


def timed_post(client, path: str, data: dict, address: str) -> float:
    start = time.perf_counter()
    response = client.post(path, data=data, environ_overrides={"REMOTE_ADDR": address})
    response.get_data()
    elapsed = time.perf_counter() - start
    response.close()  # the server closes after sending: the outbox delivery runs now
    return elapsed


def fill_throttle(client, clock: Clock, address: str) -> None:
    """13 wrong guesses from one address, moving the clock past each delay: the next guess
    waits 15 minutes, longer than the benchmark runs."""
    for _ in range(13):
        client.post("/account/inloggen", data={"email": THROTTLED, "password": "fout"},
                    environ_overrides={"REMOTE_ADDR": address})
        clock.offset += 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tries", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    clock = Clock()
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(Path(tmp), args.database_url, clock)
        client = app.test_client()
        fill_throttle(client, clock, "10.9.9.9")
        serial = iter(range(1, 10**6))

        def fresh() -> str:
            n = next(serial)
            return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"

        kinds = {
            "login known, wrong password": lambda: timed_post(
                client, "/account/inloggen", {"email": KNOWN, "password": "fout"}, fresh()),
            "login unknown address": lambda: timed_post(
                client, "/account/inloggen",
                {"email": f"niemand{next(serial)}@werkpostwijzer.example", "password": "fout"},
                fresh()),
            "login throttled": lambda: timed_post(
                client, "/account/inloggen", {"email": THROTTLED, "password": "fout"},
                "10.9.9.9"),
            "reset known address": lambda: timed_post(
                client, "/account/wachtwoord-vergeten", {"email": KNOWN}, fresh()),
            "reset unknown address": lambda: timed_post(
                client, "/account/wachtwoord-vergeten",
                {"email": f"niemand{next(serial)}@werkpostwijzer.example"}, fresh()),
        }
        for _ in range(args.warmup):
            for run in kinds.values():
                run()
        times = {name: [] for name in kinds}
        for _ in range(args.tries):
            for name, run in kinds.items():
                times[name].append(run())
        with app.app_context():
            waiting = db.session.query(OutboxMail).count()
        mails = len(list((Path(tmp) / "outbox").glob("*.eml")))
        dialect = (args.database_url or "sqlite").split(":")[0]
    print(f"auth timing, {args.tries} tries per kind, {dialect}, in-process test client")
    median = {}
    for name, values in times.items():
        ms = [v * 1e3 for v in values]
        median[name] = statistics.median(ms)
        print(f"  {name:30s} median {median[name]:7.2f} ms   p95 {percentile(ms, 0.95):7.2f} ms")
    base = median["login known, wrong password"]
    print("ratios of medians:")
    print(f"  login unknown / known wrong    {median['login unknown address'] / base:5.2f}")
    print(f"  login throttled / known wrong  {median['login throttled'] / base:5.2f}")
    print(f"  reset known / unknown          "
          f"{median['reset known address'] / median['reset unknown address']:5.2f}")
    print(f"reset mails delivered after the responses: {mails}; still in the outbox: {waiting}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
