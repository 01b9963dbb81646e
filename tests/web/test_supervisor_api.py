"""The supervisors' JSON API: token auth, own organisation only, shortlist through JSON."""
import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.models import AuditEvent, Placement


@pytest.fixture()
def api(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="API-1", supervisor=user)
    workpost = make_workpost(db_session)
    db_session.commit()
    login(user)
    page = client.post("/werkruimte/mijn-account/api-sleutel").get_data(as_text=True)
    token = page.split('id="api-token">', 1)[1].split("<", 1)[0].strip()
    client.post("/account/uitloggen")
    return {"Authorization": f"Bearer {token}"}, person, workpost, user


def test_a_token_lists_the_organisations_participants(client, api):
    headers, person, _, _ = api
    response = client.get("/api/v1/supervisor/participants", headers=headers)
    assert response.status_code == 200
    assert [p["reference"] for p in response.get_json()["participants"]] == ["API-1"]
    assert response.headers["Cache-Control"] == "no-store"


def test_no_token_or_a_wrong_one_gets_401(client, api):
    assert client.get("/api/v1/supervisor/participants").status_code == 401
    wrong = client.get("/api/v1/supervisor/participants",
                       headers={"Authorization": "Bearer wpw_nope"})
    assert wrong.status_code == 401 and "WWW-Authenticate" in wrong.headers


def test_a_profile_read_through_the_api_is_audited(client, api, db_session):
    headers, person, _, _ = api
    data = client.get(f"/api/v1/supervisor/participants/{person.id}", headers=headers).get_json()
    assert data["needs"] == ["calm_environment"] and data["may_match"] is True
    event = db_session.query(AuditEvent).filter_by(action="participant.viewed",
                                                   target_id=person.id).one()
    assert event.detail == {"page": "api"}


def test_shortlisting_through_the_api(client, api, db_session):
    headers, person, workpost, _ = api
    url = f"/api/v1/supervisor/participants/{person.id}/shortlist"
    response = client.post(url, json={"workpost_id": workpost.id, "note": "via API"},
                           headers=headers)
    assert response.status_code == 201
    assert response.get_json()["status"] == "shortlisted"
    again = client.post(url, json={"workpost_id": workpost.id}, headers=headers)
    assert again.status_code == 409 and again.get_json()["error"] == "already_listed"
    bad = client.post(url, json={"workpost_id": "one"}, headers=headers)
    assert bad.status_code == 400 and "workpost_id" in bad.get_json()["error"]
    listed = client.get(url, headers=headers).get_json()["shortlist"]
    assert [p["workpost_id"] for p in listed] == [workpost.id]
    placements = client.get("/api/v1/supervisor/placements", headers=headers).get_json()
    placement_id = placements["placements"][0]["id"]
    one = client.get(f"/api/v1/supervisor/placements/{placement_id}", headers=headers)
    assert one.get_json()["history"][0]["status"] == "shortlisted"
    assert db_session.query(Placement).count() == 1


def test_a_new_token_replaces_the_old_one_and_revoking_ends_it(client, login, api):
    headers, _, _, user = api
    login(user)
    client.post("/werkruimte/mijn-account/api-sleutel")
    assert client.get("/api/v1/supervisor/participants", headers=headers).status_code == 401
    client.post("/werkruimte/mijn-account/api-sleutel/intrekken")


def test_every_api_route_is_described_in_the_openapi_paths(app):
    import re

    from web.supervisor.openapi import PATHS

    described = {(path, method) for path, ops in PATHS.items() for method in ops}
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("supervisor_api."):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            served |= {(path, m.lower()) for m in rule.methods & {"GET", "POST"}}
    assert served == described


def test_a_frozen_profile_is_neither_matched_nor_shortlisted(client, api, db_session):
    headers, person, workpost, user = api
    from datetime import UTC, datetime

    from web.services.participants import withdraw_consent

    withdraw_consent(db_session.merge(person), user, datetime.now(UTC))
    db_session.commit()
    matches = client.get(f"/api/v1/supervisor/participants/{person.id}/matches",
                         headers=headers)
    assert matches.status_code == 409 and matches.get_json()["error"] == "frozen"
    listed = client.post(f"/api/v1/supervisor/participants/{person.id}/shortlist",
                         json={"workpost_id": workpost.id}, headers=headers)
    assert listed.status_code == 409
