"""Cross-organisation and cross-role probes over every supervisor route and API endpoint.

Organisation A (Gent) owns a participant, a placement, an evaluation, an internal workpost
and staff; organisation B (Limburg) and a platform admin try every route with A's ids, a
supervisor tries every admin route, and nobody-logged-in tries everything. A leak is any
answer other than a refusal, or a page that shows A's private records.
"""
from datetime import date

import pytest
from harness import log_in
from factories import (make_org, make_participant, make_user, make_workpost,
                                      walk_to_active)

from web.extensions import db
from web.models import Evaluation, Participant, Placement, User
from web.services import placements, staff

SECRET = "SECRET-A-REF"
PROBE_DATA = {"workpost_id": "1", "note": "x", "move-status": "ended",
              "move-on_date": "2026-01-01", "move-stop_reason": "other", "confirm": SECRET,
              "processed": "x", "shared_with": "x", "given_on": "2026-01-01",
              "action": "deactivate",
              "done_on": "2026-01-01", "reference": "X", "postcode": "9000", "name": "x",
              "capacity": "1", "activities": ["green"], "email": "probe@example.be",
              "role": "supervisor", "cadence-months": "3", "change-hours_per_week": "3",
              "change-on_date": "2026-01-01", "change-workpost_id": "1"}


def _build(app):
    with app.app_context():
        org_a = make_org(db.session, name="OCMW Gent A")
        org_b = make_org(db.session, name="CAW Limburg B", province="limburg", postcode="3500",
                         municipality="Hasselt", lat=50.93, lon=5.34,
                         regions=(("province", "limburg"),))
        admin_a = make_user(db.session, org_a, role="org_admin", email="admin-a@example.be")
        sup_a = make_user(db.session, org_a, email="sup-a@example.be")
        colleague_a = make_user(db.session, org_a, email="colleague-a@example.be")
        sup_b = make_user(db.session, org_b, email="sup-b@example.be")
        admin_b = make_user(db.session, org_b, role="org_admin", email="admin-b@example.be")
        platform = make_user(db.session, None, role="platform_admin", email="root@example.be")
        external_a = make_workpost(db.session, name="Alleen in Oost-Vlaanderen")
        internal_a = make_workpost(db.session, name="Atelier van A", organisation=org_a)
        person_a = make_participant(db.session, org_a, reference=SECRET, supervisor=sup_a)
        placement_a = placements.shortlist(person_a, external_a, sup_a, "", date(2026, 1, 2))
        walk_to_active(db.session, placement_a, sup_a, date(2026, 1, 5))
        db.session.flush()
        token_a = staff.new_api_token(sup_a)
        token_b = staff.new_api_token(sup_b)
        token_root = staff.new_api_token(platform)
        db.session.commit()
        ids = {"participant_id": person_a.id, "placement_id": placement_a.id,
               "evaluation_id": placement_a.evaluations[0].id, "user_id": colleague_a.id,
               "internal": internal_a.id, "external": external_a.id}
        users = {}
        for key, user in {"admin_a": admin_a, "sup_a": sup_a, "sup_b": sup_b,
                          "admin_b": admin_b, "platform": platform}.items():
            user.get_id()
            db.session.expunge(user)
            users[key] = user
        return ids, users, {"a": token_a, "b": token_b, "root": token_root}


def _url(rule, ids) -> str:
    values = {}
    for name in rule.arguments:
        if name == "workpost_id":
            values[name] = ids["external"] if rule.endpoint == "supervisor.workpost" \
                else ids["internal"]
        elif name == "token":
            values[name] = "x"
        else:
            values[name] = ids[name]
    return rule.build(values, append_unknown=False)[1]


def _routes(app, prefix):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(prefix):
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                yield rule, method


def _client(app, user):
    client = app.test_client()
    if user is not None:
        log_in(client, user)
    return client


@pytest.fixture()
def probe_app(fresh_app):
    app = fresh_app()
    return app, *_build(app)


PER_OBJECT = {"participant_id", "placement_id", "evaluation_id", "user_id", "workpost_id"}


def test_another_organisation_sees_nothing_of_ours(probe_app):
    app, ids, users, _tokens = probe_app
    leaks, probes = [], 0
    for who in ("sup_b", "admin_b"):
        client = _client(app, users[who])
        for rule, method in _routes(app, "supervisor."):
            url = _url(rule, ids)
            response = client.open(url, method=method, data=PROBE_DATA)
            probes += 1
            body = response.get_data(as_text=True)
            if response.status_code >= 500:
                leaks.append((who, method, url, response.status_code))
            if PER_OBJECT & set(rule.arguments):
                if response.status_code not in (403, 404):
                    leaks.append((who, method, url, response.status_code))
            elif SECRET in body or "sup-a@example.be" in body:
                leaks.append((who, method, url, "shows A's data"))
    print(f"\ncross-organisation probes: {probes}, leaks: {len(leaks)}")
    assert probes > 80
    assert leaks == []
    with app.app_context():
        # The refused changes left A's records as they were.
        assert db.session.get(User, ids["user_id"]).active is True
        assert db.session.get(Participant, ids["participant_id"]).reference == SECRET
        placement = db.session.get(Placement, ids["placement_id"])
        assert placement.status == "active" and placement.events[-1].status == "active"
        assert db.session.get(Evaluation, ids["evaluation_id"]).done_on is None


def test_roles_and_anonymous_visitors_are_refused(probe_app):
    app, ids, users, _tokens = probe_app
    leaks, probes = [], 0
    admin_only = {e for e, f in app.view_functions.items()
                  if e.startswith("supervisor.") and getattr(f, "audience", "") == "org_admin"}
    supervisor = _client(app, users["sup_a"])
    platform = _client(app, users["platform"])
    anonymous = _client(app, None)
    for rule, method in _routes(app, "supervisor."):
        url = _url(rule, ids)
        if rule.endpoint in admin_only:
            probes += 1
            code = supervisor.open(url, method=method, data=PROBE_DATA).status_code
            if code != 403:
                leaks.append(("supervisor", method, url, code))
        probes += 2
        code = platform.open(url, method=method, data=PROBE_DATA).status_code
        if code != 403:
            leaks.append(("platform_admin", method, url, code))
        response = anonymous.open(url, method=method, data=PROBE_DATA)
        if response.status_code != 302 or "/account/" not in response.headers["Location"]:
            leaks.append(("anonymous", method, url, response.status_code))
    print(f"\ncross-role and anonymous probes: {probes}, leaks: {len(leaks)}")
    assert probes > 80
    assert leaks == []


def test_the_api_answers_only_its_own_organisation(probe_app):
    app, ids, users, tokens = probe_app
    leaks, probes = [], 0
    client = app.test_client()
    for rule, method in _routes(app, "supervisor_api."):
        url = _url(rule, ids)
        kwargs = {"json": {"workpost_id": ids["external"]}} if method == "POST" else {}
        for token, expected in ((None, {401}), ("wpw_not-a-token", {401}),
                                (tokens["root"], {401})):
            probes += 1
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            code = client.open(url, method=method, headers=headers, **kwargs).status_code
            if code not in expected:
                leaks.append((token, method, url, code))
        probes += 1
        response = client.open(url, method=method,
                               headers={"Authorization": f"Bearer {tokens['b']}"}, **kwargs)
        body = response.get_data(as_text=True)
        if rule.arguments and response.status_code != 404:
            leaks.append(("org B", method, url, response.status_code))
        if SECRET in body:
            leaks.append(("org B", method, url, "shows A's data"))
    print(f"\nAPI probes: {probes}, leaks: {len(leaks)}")
    assert probes >= 28
    assert leaks == []
