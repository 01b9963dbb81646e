"""Limits per address, and mail through a real SMTP server."""

from signup_support import BAKERY, FakeClock, fill_steps, kbo

from web.extensions import db
from web.models import Workpost


def _walk(client, clock, number):
    data = {**BAKERY, "organisatie": {**BAKERY["organisatie"], "enterprise_number": number}}
    client.get("/aanbieden/start")
    fill_steps(client, data)
    clock.advance(120)
    return client.post("/aanbieden/versturen", data={"terms": "y"})


def test_one_address_can_send_at_most_five_offers_an_hour(fresh_app):
    clock = FakeClock()
    app = fresh_app(RATELIMIT_ENABLED=True, CLOCK=clock)
    client = app.test_client()
    answers = [_walk(client, clock, kbo(f"04035{i:03d}")).status_code for i in range(6)]
    assert answers == [302] * 5 + [429]
    assert "te vaak geprobeerd" in _walk(client, clock, kbo("04036000")).get_data(as_text=True)
    with app.app_context():
        assert db.session.query(Workpost).count() == 5


def test_refused_tries_do_not_use_up_the_five_offers_an_hour(fresh_app):
    """Issue 15 item 9: a missing tick or a too fast click is refused, and not counted."""
    clock = FakeClock()
    app = fresh_app(RATELIMIT_ENABLED=True, CLOCK=clock)
    client = app.test_client()
    data = {**BAKERY, "organisatie": {**BAKERY["organisatie"], "enterprise_number": kbo("04037000")}}
    client.get("/aanbieden/start")
    fill_steps(client, data)
    too_fast = [client.post("/aanbieden/versturen", data={"terms": "y"}).status_code
                for _ in range(3)]
    clock.advance(120)
    no_tick = [client.post("/aanbieden/versturen", data={}).status_code for _ in range(3)]
    assert too_fast == [400] * 3 and no_tick == [400] * 3
    assert client.post("/aanbieden/versturen", data={"terms": "y"}).status_code == 302
    answers = [_walk(client, clock, kbo(f"04038{i:03d}")).status_code for i in range(5)]
    assert answers == [302] * 4 + [429]
    with app.app_context():
        assert db.session.query(Workpost).count() == 5


def test_asking_for_lost_links_is_limited_too(fresh_app):
    app = fresh_app(RATELIMIT_ENABLED=True)
    client = app.test_client()
    codes = [client.post("/aanbieden/link-kwijt", data={"email": f"x{i}@example.be"}).status_code
             for i in range(6)]
    assert codes == [302] * 5 + [429]


def test_the_confirmation_mail_goes_through_a_real_smtp_server(fresh_app, smtp):
    port, inbox, _, _ = smtp
    clock = FakeClock()
    app = fresh_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, CLOCK=clock)
    assert _walk(app.test_client(), clock, "0403.520.196").status_code == 302
    [message] = inbox.messages
    assert message["To"] == "an@bakkerijpeeters.be"
    assert "Bevestig je aanbod" in message["Subject"]
    text = "".join(part.get_payload(decode=True).decode() for part in message.walk()
                   if part.get_content_type() == "text/plain")
    assert "/aanbieden/bevestig/" in text
