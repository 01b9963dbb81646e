"""Helpers the sign-up tests share: a sole trader in Aalst walking the wizard, a clock the
tests move by hand, and reading links out of the outbox. Its fixtures (clock, outbox) are in
tests/web/conftest.py."""
import re
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path


from harness import BAKERY, kbo  # noqa: E402  (a valid offer shared with the audits)

STEP_ORDER = list(BAKERY)


class FakeClock:
    """Starts at the real time (staff sessions made by the login fixture carry real time
    stamps) and only moves when a test moves it."""

    def __init__(self):
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def read_outbox(path: Path) -> list:
    """The mails in an outbox folder, oldest first."""
    parser = BytesParser(policy=policy.default)
    files = sorted(path.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [parser.parsebytes(p.read_bytes()) for p in files]


def fill_steps(client, data=None, until=None):
    """Post every data step; returns the last response."""
    data = data or BAKERY
    response = None
    for slug in STEP_ORDER:
        if slug == until:
            break
        response = client.post(f"/aanbieden/stap/{slug}", data=data[slug])
        assert response.status_code == 302, (slug, response.get_data(as_text=True)[:3000])
    return response


def submit(client, clock=None, **extra):
    if clock is not None:
        clock.advance(120)
    return client.post("/aanbieden/versturen", data={"terms": "y", "fax": "", **extra})


def sign_up(client, clock, data=None):
    client.get("/aanbieden/start")
    fill_steps(client, data)
    return submit(client, clock)


def body(message) -> str:
    return message.get_body(("plain",)).get_content()


def link(message, kind: str) -> str:
    """The path of the confirm ("bevestig") or manage ("mijn-aanbod") link in a mail."""
    found = re.search(rf"http://localhost(/aanbieden/{kind}/[^\s]+)", body(message))
    assert found, body(message)
    return found.group(1)


def errors_of(html: str) -> list[str]:
    return re.findall(r'class="error-message" id="([^"]+)-error"', html)
