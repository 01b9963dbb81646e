"""The access decorators and the harness's login helper agree on what a staff session is."""
import pytest
from harness import log_in
from flask import Blueprint

from web.access import org_admin, supervisor
from web.extensions import db
from web.models import Organisation, User


@pytest.fixture()
def probe_app(fresh_app):
    app = fresh_app()
    probe = Blueprint("probe", __name__)
    probe.add_url_rule("/probe/supervisor", "s", supervisor(lambda: "ok"))
    probe.add_url_rule("/probe/admin", "a", org_admin(lambda: "ok"))
    app.register_blueprint(probe)
    return app


def _supervisor(app) -> User:
    with app.app_context():
        org = Organisation(name="OCMW Gent", slug="ocmw-gent", org_type="ocmw",
                           postcode="9000", municipality="Gent", province="oost_vlaanderen",
                           lat=51.05, lon=3.72)
        user = User(email="b@example.be", role="supervisor", organisation=org)
        db.session.add(user)
        db.session.commit()
        user.get_id()
        db.session.expunge(user)
        return user


def test_staff_pages_send_anonymous_visitors_away(probe_app):
    response = probe_app.test_client().get("/probe/supervisor")
    assert response.status_code == 302


def test_a_logged_in_supervisor_passes_and_an_admin_page_answers_403(probe_app):
    client = probe_app.test_client()
    log_in(client, _supervisor(probe_app))
    assert client.get("/probe/supervisor").get_data(as_text=True) == "ok"
    assert client.get("/probe/admin").status_code == 403


def test_a_session_without_the_second_factor_is_sent_to_it(probe_app):
    client = probe_app.test_client()
    log_in(client, _supervisor(probe_app))
    with client.session_transaction() as session:
        session["mfa"] = False
    response = client.get("/probe/supervisor")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/")
