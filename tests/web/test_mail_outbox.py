"""Mail leaves through the outbox: a failing SMTP server never costs a saved change or a
message, and the mail goes out once the server is back."""

from harness import log_in
from sqlalchemy import func, select
from signup_support import BAKERY, FakeClock, fill_steps

from web.infra import mail
from web.extensions import db
from web.models import OutboxMail, User, Workpost


def _sign_up(client, clock):
    client.get("/aanbieden/start")
    fill_steps(client, BAKERY)
    clock.advance(120)
    return client.post("/aanbieden/versturen", data={"terms": "y"}, follow_redirects=True)


def test_a_stopped_smtp_server_costs_neither_the_change_nor_the_mail(fresh_app, smtp):
    port, inbox, start, stop = smtp
    clock = FakeClock()
    app = fresh_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, CLOCK=clock)
    stop()

    page = _sign_up(app.test_client(), clock)

    # The page answers normally and the offer is saved ...
    assert page.status_code == 200
    assert "Bevestig" in page.get_data(as_text=True) or "mailbox" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Workpost)) == 1
        [waiting] = mail.undelivered()
        assert waiting.recipient == "an@bakkerijpeeters.be" and waiting.attempts == 1
        assert waiting.last_error
        admin = User(email="beheer@example.be", name="Beheer", role="platform_admin")
        db.session.add(admin)
        db.session.commit()
        admin_client = app.test_client()
        log_in(admin_client, admin)
    assert inbox.messages == []

    # ... the platform admin sees the mail that waits ...
    queue = admin_client.get("/beheer/aanmeldingen").get_data(as_text=True)
    assert "Mail die nog niet vertrok" in queue and "an@bakkerijpeeters.be" in queue

    # ... nothing is retried before its back-off, and once the server is back it leaves once.
    start()
    runner = app.test_cli_runner()
    clock.advance(30)
    assert "0 mail(s) delivered" in runner.invoke(args=["mail", "deliver"]).output
    clock.advance(60)
    assert "1 mail(s) delivered" in runner.invoke(args=["mail", "deliver"]).output
    assert "0 mail(s) delivered" in runner.invoke(args=["mail", "deliver"]).output
    [message] = inbox.messages
    assert message["To"] == "an@bakkerijpeeters.be"
    assert "Bevestig je aanbod" in message["Subject"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 0
    assert "Mail die nog niet vertrok" not in \
        admin_client.get("/beheer/aanmeldingen").get_data(as_text=True)


def test_mail_leaves_with_the_request_when_the_server_is_up(fresh_app, smtp):
    port, inbox, _start, _stop = smtp
    clock = FakeClock()
    app = fresh_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, CLOCK=clock)
    assert _sign_up(app.test_client(), clock).status_code == 200
    assert len(inbox.messages) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 0


def test_mail_of_a_rolled_back_transaction_never_leaves(fresh_app, smtp):
    port, inbox, _start, _stop = smtp
    app = fresh_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    with app.test_request_context():
        mail.queue(mail.build("iemand@example.be", "Onderwerp", "Tekst"))
        db.session.rollback()
        mail.deliver_queued()
        assert mail.deliver_due() == (0, 0)
    assert inbox.messages == []


def test_the_back_off_doubles_and_stops_growing_at_six_hours():
    minutes = [mail.back_off(n).total_seconds() / 60 for n in (1, 2, 3, 4, 20)]
    assert minutes == [1, 2, 4, 8, 360]
