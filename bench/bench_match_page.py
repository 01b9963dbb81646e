"""How close is the supervisor's match page to the bare /healthz page? Prints figures and the
ratio, never asserts timings.

    python bench/bench_match_page.py                          # 10^4 workposts, SQLite, temp dir
    python bench/bench_match_page.py --requests 500 --workposts 20000
    python bench/bench_match_page.py --database-url postgresql://postgres@127.0.0.1/wpw_bench
    python bench/bench_match_page.py --database-url sqlite:////tmp/db.sqlite   # seeded already

In-process through Flask's test client (no network, one worker): per request the median and
p95 of the match page (/werkruimte/deelnemers/<id>/zoeken, a logged-in supervisor) and of
/healthz, and their ratio: what share of /healthz's request rate the match page reaches.

Two ways of serving the page, interleaved in rounds so that a busy machine hits both alike:
  before   as the page was served before the speed-up: Flask-Babel's own gettext in the
           templates, the reasons' sentences and the labels (about seven context look-ups per
           call), the shortlist counts from a grouped count over every open placement per
           request, and the page's workposts loaded as ORM objects
  after    as it is served now: translations kept per request and locale (web/i18n.py),
           counts kept with the matcher's index and read again through the change feed
The template's own simplifications (per-result work done once) and the menus' lazy labels
are in both.
A database without workposts is seeded first (`flask seed demo --workposts N`).
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_babel  # noqa: E402
from flask_babel import get_translations  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import select, text  # noqa: E402
from sqlalchemy.orm import joinedload  # noqa: E402

from matcher import codes  # noqa: E402
from tests.harness import log_in  # noqa: E402
from web import create_app, i18n, labels  # noqa: E402
from web.extensions import db  # noqa: E402
from web.infra.catalogs import compile_catalogs  # noqa: E402
from web.matching import find, sentences  # noqa: E402
from web.matching.index_cache import matching_index  # noqa: E402
from web.models import Organisation, User, Workpost  # noqa: E402
from web.services.placements import open_counts  # noqa: E402

FAST_CONTEXT, FAST_RESULTS = find._context, find._results


def _results_before(matches, counts):
    """find._results as it was: the page's workposts as ORM objects with their organisation."""
    posts = {p.id: p for p in db.session.scalars(
        select(Workpost).where(Workpost.id.in_([m.workpost_id for m in matches]))
        .options(joinedload(Workpost.organisation).lazyload(Organisation.regions)))}
    counted = {"listed": 0, "placed": 0}
    return [find.Result(workpost=posts[m.workpost_id], score=m.score,
                        distance_km=m.distance_km, travel_minutes=find._minutes(m.travel_minutes),
                        travel_mode=m.travel_mode if m.travel_mode in codes.MODES else None,
                        reasons=list(m.reasons), concerns=list(m.concerns),
                        listed=counts.get(m.workpost_id, counted)["listed"],
                        placed=counts.get(m.workpost_id, counted)["placed"],
                        shares_interest=m.shares_interest)
            for m in matches if m.workpost_id in posts]


def _context_before(organisation):
    """find._context as it was: the counts from a grouped count on every search."""
    cache = matching_index()
    entry = cache.current()
    counts = open_counts()
    listed = {wid: c["listed"] for wid, c in counts.items() if c["listed"]}
    return entry.index, cache.hidden(entry, organisation), counts, listed


def serve(app, mode: str) -> None:
    if mode == "before":
        app.jinja_env.install_gettext_callables(
            gettext=lambda s: get_translations().ugettext(s),
            ngettext=lambda s, p, n: get_translations().ungettext(s, p, n),
            pgettext=lambda c, s: get_translations().upgettext(c, s),
            npgettext=lambda c, s, p, n: get_translations().unpgettext(c, s, p, n),
            newstyle=True)
        sentences.gettext = flask_babel.gettext
        labels.locale_code = lambda: str(flask_babel.get_locale())
        find._context, find._results = _context_before, _results_before
    else:
        i18n.install(app)
        sentences.gettext = i18n.gettext
        labels.locale_code = i18n.locale_code
        find._context, find._results = FAST_CONTEXT, FAST_RESULTS


def make_app(tmp: Path, url: str | None, workposts: int):
    compile_catalogs()
    app = create_app({
        "SECRET_KEY": "bench-secret-key", "SQLALCHEMY_DATABASE_URI": url or
        f"sqlite:///{tmp / 'bench.db'}", "INSTANCE_DIR": str(tmp),
        "MAIL_OUTBOX": str(tmp / "outbox"), "MAIL_SERVER": "", "RATELIMIT_ENABLED": False,
        "PUBLIC_URL": "http://localhost"})
    with app.app_context():
        upgrade(revision="heads")
        empty = not db.session.execute(text("SELECT count(*) FROM workposts")).scalar_one()
    if empty:
        print(f"seeding {workposts} workposts ...", flush=True)
        result = app.test_cli_runner().invoke(args=["seed", "demo", "--workposts",
                                                     str(workposts)])
        if result.exit_code:
            raise SystemExit(result.output)
    return app


def logged_in_client(app):
    """A supervisor with a participant who consented to matching, as the load audit picks."""
    with app.app_context():
        user_id, participant_id = db.session.execute(text(
            "SELECT u.id, min(p.id) FROM users u JOIN participants p "
            "ON p.organisation_id = u.organisation_id JOIN consents c "
            "ON c.participant_id = p.id WHERE u.role = 'supervisor' AND u.active "
            "AND p.status = 'searching' GROUP BY u.id ORDER BY u.id LIMIT 1")).one()
        client = app.test_client()
        log_in(client, db.session.get(User, user_id))
    return client, f"/werkruimte/deelnemers/{participant_id}/zoeken"


def timed_get(client, path: str) -> tuple[float, float]:
    """(wall-clock, this process's CPU) seconds until the body is in hand."""
    start, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    response.get_data()
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def summary(times: list[float]) -> tuple[float, float]:
    """Median and p95 in ms."""
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="per page and way")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--workposts", type=int, default=10_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wpw-bench-") as tmp:
        app = make_app(Path(tmp), args.database_url, args.workposts)
        client, match = logged_in_client(app)
        modes = ("before", "after")
        for mode in modes:  # warm: index built, templates compiled
            serve(app, mode)
            for _ in range(20):
                timed_get(client, match), timed_get(client, "/healthz")
        times = {(mode, page): [] for mode in modes for page in ("match", "healthz")}
        per_round = max(1, args.requests // args.rounds)
        for _ in range(args.rounds):
            for mode in modes:
                serve(app, mode)
                for _ in range(per_round):
                    times[mode, "match"].append(timed_get(client, match))
                    times[mode, "healthz"].append(timed_get(client, "/healthz"))
        with app.app_context():
            engine = db.engine.dialect.name
            posts = db.session.execute(text("SELECT count(*) FROM workposts")).scalar_one()
        print(f"\n{engine}, {posts} workposts, {per_round * args.rounds} requests per page "
              f"and way, in-process (one worker); load average "
              f"{' '.join(open('/proc/loadavg').read().split()[:3])}")
        print("wall: time until the body is in hand; CPU: this process's CPU time for it "
              "(steadier on a busy machine; PostgreSQL's own time is not in it)")
        print(f"{'way':<8} {'page':<12} {'wall median':>12} {'wall p95':>9} {'CPU median':>11} "
              f"{'CPU p95':>8} {'rate vs /healthz (wall, CPU)':>29}")
        medians = {}
        for mode in modes:
            for page in ("match", "healthz"):
                wall = summary([w for w, _c in times[mode, page]])
                cpu = summary([c for _w, c in times[mode, page]])
                medians[mode, page] = wall[0], cpu[0]
                ratio = ""
                if page == "healthz":
                    ratio = (f"{wall[0] / medians[mode, 'match'][0]:.1%}, "
                             f"{cpu[0] / medians[mode, 'match'][1]:.1%}")
                name = "match page" if page == "match" else "/healthz"
                print(f"{mode:<8} {name:<12} {wall[0]:>12.2f} {wall[1]:>9.2f} {cpu[0]:>11.2f} "
                      f"{cpu[1]:>8.2f} {ratio:>29}")
        print(f"match page median, after / before: wall "
              f"{medians['after', 'match'][0] / medians['before', 'match'][0]:.2f}, CPU "
              f"{medians['after', 'match'][1] / medians['before', 'match'][1]:.2f}")


if __name__ == "__main__":
    main()
