"""Helpers the tests share (fixtures are in conftest.py)."""


def log_in(client, user):
    """Put a fully logged-in staff session (password and second factor done) in the client."""
    import time

    from flask_login.utils import _create_identifier

    from web.models.ended_session import new_session_id

    app = client.application
    user_id = user.get_id()
    with app.test_request_context(environ_base={"HTTP_USER_AGENT": "Werkzeug/test",
                                                "REMOTE_ADDR": "127.0.0.1"}):
        identifier = _create_identifier()
    client.environ_base["HTTP_USER_AGENT"] = "Werkzeug/test"
    now = int(time.time())
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
        session["_id"] = identifier
        session["sid"] = new_session_id()
        session["mfa"] = True
        session["login_at"] = now
        session["seen_at"] = now


def kbo(first_eight: str) -> str:
    """A valid enterprise number from its first eight digits."""
    return first_eight + f"{97 - int(first_eight) % 97:02d}"


BAKERY = {
    "soort": {"legal_form": "sole_trader"},
    "organisatie": {"enterprise_number": "0403.520.196", "name": "Bakkerij Peeters",
                    "org_type": "craft_business", "website": "www.bakkerijpeeters.be",
                    "description": "Kleine bakkerij met winkel. We bakken brood en taart."},
    "contact": {"contact_name": "An Peeters", "contact_email": "an@bakkerijpeeters.be",
                "contact_phone": "053 12 34 56"},
    "adres": {"street": "Kerkstraat 1", "postcode": "9300"},
    "werk": {"activities": ["kitchen", "retail"], "tasks": "Broodjes beleggen"},
    "steun": {"offers": ["calm_environment", "buddy"]},
    "planning": {"schedule": ["mon_am", "tue_am"], "hours_per_week": "8", "capacity": "2",
                 "available_from": ""},
}
