"""Issue 14, item 10: a password-reset request answers alike whether the address has an
account; the look-up and the mail come after the response has gone, through the outbox.
(No timings here: bench/bench_auth_timing.py prints those.)"""
from pathlib import Path

from web.access.auth import hash_password
from web.extensions import db
from web.models import OutboxMail, User


def _mails(app) -> list[Path]:
    return sorted(Path(app.config["MAIL_OUTBOX"]).glob("*.eml"))


def _waiting(app) -> int:
    with app.app_context():
        return db.session.query(OutboxMail).count()


def test_the_reset_mail_is_looked_up_and_sent_after_the_response(fresh_app):
    app = fresh_app(MAIL_DELIVER_INLINE=False)
    with app.app_context():
        db.session.add(User(email="an@ocmw.example", name="An", role="supervisor",
                            password_hash=hash_password("een-lang-genoeg-wachtwoord")))
        db.session.commit()
    client = app.test_client()
    answers = []
    # (address, mails before the answer is closed, mails after)
    for email, before, after in (("AN@ocmw.example", 0, 1), ("niemand@ocmw.example", 1, 1)):
        response = client.post("/account/wachtwoord-vergeten", data={"email": email},
                               buffered=False)
        answers.append((response.status_code, response.headers["Location"],
                        response.get_data()))
        # The answer is out; nothing was looked up or queued for it yet.
        assert _waiting(app) == 0 and len(_mails(app)) == before
        response.close()  # as a server does once the answer is sent
        assert _waiting(app) == 0 and len(_mails(app)) == after
    assert answers[0] == answers[1]
    [sent] = _mails(app)
    text = sent.read_text()
    assert "To: an@ocmw.example" in text and "/account/wachtwoord-herstellen/" in text


def test_a_failing_look_up_after_the_response_leaves_the_answer_alone(fresh_app, monkeypatch):
    app = fresh_app(MAIL_DELIVER_INLINE=False)
    from web.services import staff

    def broken(email):
        raise RuntimeError("database gone")

    monkeypatch.setattr(staff, "find_by_email", broken)
    response = app.test_client().post("/account/wachtwoord-vergeten",
                                      data={"email": "an@ocmw.example"}, buffered=False)
    assert response.status_code == 302
    response.close()  # logged, not raised
    assert _waiting(app) == 0 and _mails(app) == []
