"""Fixtures of the web tests: a clock the tests move by hand, the mail outbox, a real SMTP
server, and a supervisor with an organisation."""
import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from factories import make_org, make_user
from signup_support import FakeClock, read_outbox


@pytest.fixture()
def clock(app):
    fake = FakeClock()
    app.config["CLOCK"] = fake
    yield fake
    app.config.pop("CLOCK", None)


@pytest.fixture()
def outbox(app):
    path = Path(app.config["MAIL_OUTBOX"])
    for old in path.glob("*.eml"):
        old.unlink()
    return lambda: read_outbox(path)


@pytest.fixture()
def staff(db_session):
    """A supervisor and their organisation, committed: (organisation, user)."""
    org = make_org(db_session)
    user = make_user(db_session, org)
    db_session.commit()
    return org, user


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def smtp():
    """A real SMTP server on a fixed port that the test can stop and start again."""
    port, inbox, running = free_port(), Inbox(), []

    def start():
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        running.append(controller)

    def stop():
        running.pop().stop()

    start()
    yield port, inbox, start, stop
    while running:
        stop()
