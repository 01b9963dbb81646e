"""Outgoing mail: through SMTP when MAIL_SERVER is set, otherwise as .eml files in the outbox.

Send only after the database commit that the mail reports on, so that nobody is told about
something that was rolled back.
"""
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from jinja2 import TemplateNotFound

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


def send(message: EmailMessage) -> None:
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
    """Read the outbox (for tests and for the development mail viewer)."""
    from email import policy
    from email.parser import BytesParser

    parser = BytesParser(policy=policy.default)
    files = sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [parser.parsebytes(p.read_bytes()) for p in files]
