"""One request, one transaction (after indico's RH.process).

Every view and every CLI command runs inside one database transaction, ended here and
nowhere else:
- it returns normally (any response: pages, redirects, 4xx pages with form errors): commit;
- it raises (abort(404) included): roll back; the error page or message follows;
- a service refused and the edge showed the refusal (`web.refusals`): that rolled the
  refused work back at once; whatever the view writes after it is committed at the end.

Services flush and never commit. A view that must commit part-way calls
`commit_early(reason)` with the reason in one line, so `grep -rn commit_early web` lists
every exception. Mail queued in the transaction (`web.infra.mail.queue`) leaves only after the
commit (see web/infra/mail.py).
"""
import functools
import time

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy.exc import OperationalError

from web.infra import mail
from web.extensions import db

# Flask's own command groups: they do not use the session.
FOREIGN_COMMANDS = ("db", "run", "shell", "routes")


class App(Flask):
    """Flask with the transaction boundary around every view."""

    def dispatch_request(self):
        try:
            result = super().dispatch_request()
        except BaseException:
            db.session.rollback()
            raise
        commit()
        return result


def commit() -> None:
    """The boundary's commit; a failing commit raises, and the error page rolls back."""
    if db.session.registry.has():
        db.session.commit()


def commit_early(reason: str, *, keep_loaded: bool = False) -> None:
    """Commit part-way through a view or command. `reason` says why, for the reader.

    keep_loaded: do not expire what the session loaded (the user and the participant a
    view just read stay as they are instead of being fetched again, row by row)."""
    del reason  # documentation at the call site
    session = db.session()
    expire = session.expire_on_commit
    session.expire_on_commit = not keep_loaded and expire
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def retry_on_lock(action, attempts: int = 5):
    """Run `action()` and commit it on its own (a listed part-way commit): on SQLite a
    writer that lost the race for the lock gets "database is locked" at once (its snapshot
    is stale), so the whole action runs again on fresh data. PostgreSQL waits for the lock
    instead and never retries."""
    for attempt in range(attempts):
        try:
            result = action()
            commit_early("the retry needs to know this attempt was stored")
            return result
        except OperationalError as error:
            db.session.rollback()
            if "locked" not in str(error.orig).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return None


def _command(callback):
    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            result = callback(*args, **kwargs)
        except BaseException:
            db.session.rollback()
            raise
        commit()
        mail.deliver_queued()
        return result

    return run


def wrap_commands(group: click.Group, *, top: bool = True) -> None:
    """The same boundary around every command of the app's own groups."""
    for name, command in group.commands.items():
        if top and name in FOREIGN_COMMANDS:
            continue
        if isinstance(command, click.Group):
            wrap_commands(command, top=False)
        elif command.callback is not None and not getattr(command, "_transactional", False):
            # The app context first, so that it outlives the commit after the command.
            command.callback = with_appcontext(_command(command.callback))
            command._transactional = True
