"""The isolation audit's canary scans: the log, the mail, the database text and its files, the
public pages, and a database that fails once."""
from __future__ import annotations

import logging
from itertools import product

from sqlalchemy import select

from isolation_identities import Identity, pattern_of
from isolation_oracle import ANY
from isolation_prober import Probe, build_url, route_table
from isolation_world import World

# --- canary scans ------------------------------------------------------------------------------

class LogCapture(logging.Handler):
    """Every record of the whole run, formatted with its traceback (once, even when it
    reaches the handler through both the app's logger and the root logger)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[str] = []
        self._seen: set[int] = set()
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record):
        if id(record) in self._seen:
            return
        self._seen.add(id(record))
        try:
            self.records.append(self.format(record))
        except Exception:  # noqa: BLE001  (a broken record must not hide the others)
            self.records.append(f"{record.name} unformattable {record.msg!r} {record.args!r}")


def attach_log_capture(app) -> tuple[LogCapture, callable]:
    capture = LogCapture()
    loggers = [logging.getLogger(), app.logger]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(capture)
        lg.setLevel(logging.DEBUG)

    def detach():
        for lg, level in zip(loggers, levels):
            lg.removeHandler(capture)
            lg.setLevel(level)

    return capture, detach


def mails_with(outbox_dir, needles) -> tuple[int, list[str]]:
    """How many mails the outbox holds, and which of them show one of the needles
    (raw bytes and every decoded part)."""
    from pathlib import Path

    from web.infra.mail import outbox_messages

    outbox_dir = Path(outbox_dir)
    if not outbox_dir.exists():
        return 0, []
    pattern = pattern_of(needles)
    hits = []
    messages = outbox_messages(outbox_dir)
    raw = sorted(outbox_dir.glob("*.eml"))
    for path in raw:
        if pattern.search(path.read_bytes().decode("utf-8", "replace")):
            hits.append(f"{path.name} (raw)")
    for message in messages:
        parts = [str(message["Subject"]), str(message["To"])]
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
        found = pattern.search("\n".join(parts))
        if found:
            hits.append(f"{message['Subject']} to {message['To']}: {found.group(0)!r}")
    return len(messages), hits


def database_text(app) -> list[tuple[str, str, object, str]]:
    """(table, column, primary key, text) for every non-empty column of every table, as the
    database hands it back (text, JSON and everything else turned into text)."""
    from web.extensions import db

    found = []
    with app.app_context(), db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            for row in conn.execute(select(table)):
                values = row._mapping
                key = tuple(values[c.name] for c in pk)
                for column in table.columns:
                    value = values[column.name]
                    if value is not None:
                        found.append((table.name, column.name, key, _as_text(value)))
    return found


def _as_text(value) -> str:
    import json

    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def text_columns() -> list[str]:
    """table.column of every text and JSON column (what the erasure must have emptied)."""
    from sqlalchemy import JSON, String, Text
    from web.extensions import db

    names = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            kind = column.type
            impl = getattr(kind, "impl", kind)
            if isinstance(kind, (String, Text, JSON)) or isinstance(impl, (String, Text, JSON)):
                names.append(f"{table.name}.{column.name}")
    return names


def raw_storage_hits(app, needle: str) -> list[str]:
    """SQLite only: files of the database (main, WAL, journal) that still hold the bytes."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if not url.drivername.startswith("sqlite") or not url.database:
        return []
    hits = []
    for suffix in ("", "-wal", "-journal"):
        path = Path(url.database + suffix)
        if path.exists() and needle.encode() in path.read_bytes():
            hits.append(path.name)
    return hits


# --- public pages, for the canary --------------------------------------------------------------

PUBLIC_SAMPLES = {"code": ["nl", "en"], "postcode": ["9000", "3500"],
                  "provincie": ["oost-vlaanderen", "limburg", "west-vlaanderen"],
                  "gemeente": ["gent", "hasselt"], "doelgroep": ["bedrijven", "begeleiders"]}


def public_sweep(app, world: World, who: Identity) -> tuple[list[Probe], list[str]]:
    """GET every public page this audit can fill the arguments of (workposts, organisations,
    sample codes); returns the probes and the routes it could not fill."""
    probes, skipped = [], []
    for rule, method, _audience in route_table(app, ("public",)):
        if method != "GET":
            continue
        options = {}
        for name in sorted(rule.arguments):
            if name == "workpost_id":
                options[name] = [i for i, _o in world.ids["workpost"]]
            elif name == "slug" and "workpost_id" in rule.arguments:
                options[name] = ["x"]
            elif name == "slug":
                options[name] = [w.slug for w in world.orgs.values()]
            elif name in PUBLIC_SAMPLES:
                options[name] = PUBLIC_SAMPLES[name]
            else:
                skipped.append(rule.rule)
                break
        else:
            names = sorted(options)
            for combo in product(*(options[n] for n in names)):
                probes.append(Probe("public", who, "GET",
                                    build_url(rule, dict(zip(names, combo))), ANY))
    return probes, sorted(set(skipped))


# --- a database that fails once --------------------------------------------------------------

class database_fails_once:  # noqa: N801  (used as a context manager)
    """The next statement starting with `prefix` goes to a table that does not exist, so the
    database itself refuses it (with the values bound), as a lock time-out or a broken
    connection would; the app's error handler then logs what it logs."""

    def __init__(self, app, prefix: str):
        from web.extensions import db

        with app.app_context():
            self.engine = db.engine
        self.prefix = prefix
        self.fired = False

    def _rewrite(self, conn, cursor, statement, parameters, context, executemany):
        if not self.fired and statement.startswith(self.prefix):
            self.fired = True
            table = self.prefix.split()[1]
            statement = statement.replace(f" {table} ", f" {table}_weg ", 1)
        return statement, parameters

    def __enter__(self):
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._rewrite, retval=True)
        return self

    def __exit__(self, *exc):
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._rewrite)
        return False
