"""Outgoing mail through a database outbox: queued in the transaction, sent after the commit.

The API, for every area:

    from web.infra import mail
    mail.queue(mail.render(to, subject, "template_name", **context))

- `render(to, subject, template, **context)` builds the message from
  templates/mail/<template>.txt (and .html when it exists), in the current locale
  (wrap it in flask_babel.force_locale for someone else's language).
- `queue(message)` writes it to the outbox table (web.models.OutboxMail) in the current
  transaction: if the request or command rolls back, the mail never existed. It returns the
  row. Never send mail any other way.
- After the commit, at the end of the request, the mail queued by it is delivered: after the
  response has been sent (production) or before it (MAIL_DELIVER_INLINE, set by the tests).
  Delivery never raises: a failure is logged, kept on the row with a later next attempt
  (back-off: 1, 2, 4 ... minutes, at most 6 hours) and shown to the platform admin.
- `after_response(job)` runs `job` (which queues mail) only once the response has gone, in a
  copy of the request's context with a transaction of its own, and then delivers what it
  queued. For work whose duration must not show in the answer: whether an address asked
  for a password reset has an account. With MAIL_DELIVER_INLINE it runs right after the
  request's commit, before the response.
- `deliver_due()` sends every row whose next attempt has come; `flask mail deliver` runs
  it from cron or a timer (every few minutes).
- The transport: SMTP when MAIL_SERVER is set, otherwise .eml files in MAIL_OUTBOX.
"""
import logging
import smtplib
import uuid
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import (Flask, copy_current_request_context, current_app, g, has_app_context,
                   render_template)
from jinja2 import TemplateNotFound
from sqlalchemy import delete, or_, select, update

from web import clock
from web.extensions import db
from web.models import OutboxMail

log = logging.getLogger(__name__)

# How long a worker may take to send one claimed row before another may try it.
CLAIM = timedelta(minutes=5)
MAX_BACK_OFF = timedelta(hours=6)
# Rows sent after a request's own mail went out well: retries need no cron to move.
BACKLOG_PER_REQUEST = 20

from web.text import one_line


def header(value: str) -> str:
    """A header value on one line: text from people (a workpost name in a subject) may hold
    a line break, which the email package refuses and which would otherwise inject headers."""
    return one_line(value)


def build(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = header(to)
    message["Subject"] = header(subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="werkpostwijzer.be")
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def render(to: str, subject: str, template: str, **context) -> EmailMessage:
    """templates/mail/<template>.txt (and .html when it exists)."""
    text = render_template(f"mail/{template}.txt", **context)
    try:
        html = render_template(f"mail/{template}.html", **context)
    except TemplateNotFound:  # a text-only mail is fine
        html = None
    return build(to, subject, text, html)


def queue(message: EmailMessage) -> OutboxMail:
    """Put the message in the outbox, in the current transaction (see the module text)."""
    row = OutboxMail(recipient=str(message["To"])[:320], subject=str(message["Subject"])[:300],
                     message=bytes(message), attempts=0, next_attempt_at=clock.now())
    db.session.add(row)
    db.session.flush()
    if has_app_context():  # a request or a command: deliver this row after its commit
        g.setdefault("queued_mail", []).append(row.id)
    return row


def back_off(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACK_OFF)


def deliver(ids: list[int] | None = None, limit: int = 100) -> tuple[int, int]:
    """Send the given rows (or those due), each in transactions of its own; returns
    (delivered, failed). Never raises for a failing transport."""
    now = clock.now()
    free = or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now)
    query = select(OutboxMail.id).where(free)
    if ids is None:
        query = query.where(OutboxMail.next_attempt_at <= now)
    else:
        query = query.where(OutboxMail.id.in_(ids))
    found = list(db.session.scalars(query.order_by(OutboxMail.next_attempt_at,
                                                   OutboxMail.id).limit(limit)))
    db.session.commit()  # the look-up's read transaction; each row is claimed on its own
    delivered = failed = 0
    for row_id in found:
        outcome = _deliver_one(row_id, now, free)
        delivered += outcome is True
        failed += outcome is False
    return delivered, failed


def deliver_due(limit: int = 100) -> tuple[int, int]:
    return deliver(None, limit)


def _deliver_one(row_id: int, now, free) -> bool | None:
    # Every transaction here starts with its write, so that SQLite takes the lock at once.
    claimed = db.session.execute(update(OutboxMail).where(OutboxMail.id == row_id, free)
                                 .values(claimed_until=now + CLAIM)).rowcount == 1
    found = db.session.execute(select(OutboxMail.message, OutboxMail.attempts)
                               .where(OutboxMail.id == row_id)).first() if claimed else None
    db.session.commit()  # the claim: no other worker sends this row meanwhile
    if found is None:
        return None
    body, attempts = found
    this_row = OutboxMail.id == row_id
    try:
        _transport(message_from_bytes(body, policy=policy.default))
    except Exception as error:  # noqa: BLE001 - any transport failure is retried later
        reason = f"{type(error).__name__}: {error}"[:500]
        db.session.execute(update(OutboxMail).where(this_row).values(
            attempts=attempts + 1, last_error=reason, claimed_until=None,
            next_attempt_at=clock.now() + back_off(attempts + 1)))
        db.session.commit()
        log.warning("mail %s stays in the outbox after attempt %s: %s", row_id,
                    attempts + 1, reason)
        return False
    # Sent: the row goes (its body may hold a signed link that should not linger).
    db.session.execute(delete(OutboxMail).where(this_row))
    db.session.commit()
    return True


def undelivered() -> list[OutboxMail]:
    """Mail that failed at least once and still waits, oldest first (for the admin)."""
    return list(db.session.scalars(select(OutboxMail).where(OutboxMail.attempts > 0)
                                   .order_by(OutboxMail.created_at, OutboxMail.id)))


def _transport(message: EmailMessage) -> None:
    config = current_app.config
    if config.get("MAIL_SERVER"):
        _send_smtp(message, config)
    else:
        _write_outbox(message, Path(config["MAIL_OUTBOX"]))


def _send_smtp(message: EmailMessage, config) -> None:
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def _write_outbox(message: EmailMessage, outbox: Path) -> None:
    outbox.mkdir(parents=True, exist_ok=True)
    name = f"{formatdate(usegmt=True).replace(' ', '_').replace(':', '')}-{uuid.uuid4().hex[:8]}.eml"
    (outbox / name).write_bytes(bytes(message))


def outbox_messages(outbox: Path) -> list[EmailMessage]:
    """Read the development outbox folder (for tests and for the development mail viewer)."""
    parser = BytesParser(policy=policy.default)
    files = sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [parser.parsebytes(p.read_bytes()) for p in files]


def deliver_queued() -> None:
    """Deliver what this request or command queued; call only after its commit. Never
    raises: whatever goes wrong, the committed work stands and the outbox keeps the mail."""
    ids = g.pop("queued_mail", None)
    if ids:
        _deliver_quietly(ids)


def _deliver_quietly(ids: list[int]) -> None:
    try:
        delivered, failed = deliver(ids)
        if delivered and not failed:
            deliver_due(BACKLOG_PER_REQUEST)
    except Exception:  # noqa: BLE001 - the rows stay in the outbox for the next attempt
        db.session.rollback()
        log.exception("mail delivery after the commit failed; the outbox keeps the mail")


def after_response(job) -> None:
    """Run job() after the response (see the module text); call from a view."""
    def run():
        try:
            job()
            db.session.commit()  # the job's own transaction: the request's is over
        except Exception:  # noqa: BLE001 - the answer has gone; nobody else can be told
            db.session.rollback()
            log.exception("work after the response failed")
            return
        deliver_queued()

    if current_app.config.get("MAIL_DELIVER_INLINE"):
        g.setdefault("after_response", []).append(run)
    else:  # the request's context is gone by then: run in a copy (url_for, config, locale)
        g.setdefault("after_response", []).append(copy_current_request_context(run))


def init_app(app: Flask) -> None:
    @app.after_request
    def deliver_after_commit(response):
        # after_request runs after the view's commit (web.infra.transaction); rows of a request
        # that rolled back are simply not there.
        jobs = g.pop("after_response", [])
        if app.config.get("MAIL_DELIVER_INLINE"):
            deliver_queued()
            for job in jobs:
                job()
            return response
        if g.get("queued_mail"):
            ids = g.pop("queued_mail")
            response.call_on_close(lambda: _deliver_later(app, ids))
        for job in jobs:
            response.call_on_close(job)
        return response


def _deliver_later(app: Flask, ids: list[int]) -> None:
    with app.app_context():
        _deliver_quietly(ids)
