"""Helpers the tests share (fixtures are in conftest.py)."""


def log_in(client, user):
    """Put a fully logged-in staff session (password and second factor done) in the client."""
    import time

    from flask_login.utils import _create_identifier

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
        session["mfa"] = True
        session["login_at"] = now
        session["seen_at"] = now
