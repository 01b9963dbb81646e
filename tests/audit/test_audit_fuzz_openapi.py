"""Schemathesis: requests generated from the app's OpenAPI document (valid and invalid
ones), sent to the WSGI app in-process. No server errors, and a refused request writes
nothing but the access-log row of a participant it read (rows counted before and after).

The document is /api/v1/openapi.json when the public API serves it; until then it is
assembled from the supervisor API's own part (web/supervisor/openapi.py).
"""
import sys
from urllib.parse import urlencode
from pathlib import Path

import pytest
from audit_fuzz import KNOWN_BUGS, Counter, fuzz, known_bug
from audit_support import counts_beside_reads
from hypothesis import given

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402

# The supervisors' area's record factories (tests have no packages, so the folder goes on the path).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import (make_org, make_participant, make_user,  # noqa: E402
                                      make_workpost)

OPENAPI = "/api/v1/openapi.json"
PER_OPERATION = 120


def _schema(app):
    if any(rule.rule == OPENAPI for rule in app.url_map.iter_rules()):
        return schemathesis.openapi.from_wsgi(OPENAPI, app)
    from web.supervisor.openapi import COMPONENTS, PATHS

    schema = schemathesis.openapi.from_dict({
        "openapi": "3.1.0", "info": {"title": "Werkpostwijzer", "version": "1"},
        "paths": PATHS, "components": COMPONENTS})
    schema.app = app
    return schema


def _world(app) -> str:
    """An organisation with a supervisor (holding an API token), participants and workposts
    to find, so that generated ids sometimes hit real records."""
    from web.extensions import db
    from web.services import staff

    with app.app_context():
        org = make_org(db.session)
        other = make_org(db.session, name="OCMW Aalst")
        user = make_user(db.session, org)
        for _ in range(3):
            make_participant(db.session, org, supervisor=user)
            make_participant(db.session, other)
            make_workpost(db.session)
        token = staff.new_api_token(user)
        db.session.commit()
    return token


def _has_inputs(operation) -> bool:
    return bool(list(operation.iter_parameters())) or bool(operation.body)


def test_generated_api_requests_never_get_a_server_error(fresh_app):
    app = fresh_app()
    token = _world(app)
    schema = _schema(app)
    start = Counter.total
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the OpenAPI document describes no operations"
    for operation in operations:
        for mode in GenerationMode:
            @fuzz(PER_OPERATION)
            @given(case=operation.as_strategy(generation_mode=mode))
            def call(case):
                before = counts_beside_reads(app)
                Counter.add()
                response = case.call(headers={"Authorization": f"Bearer {token}"})
                path = case.formatted_path + "?" + urlencode(case.query or {}, doseq=True)
                body = case.body if isinstance(case.body, dict) else {}
                if response.status_code >= 500 and known_bug(case.method, path, body):
                    return
                assert response.status_code < 500, (case.method, path, response.status_code)
                if response.status_code >= 400:
                    assert counts_beside_reads(app) == before, (case.method, case.formatted_path)

            call()
    print(f"schemathesis ({len(operations)} operations): {Counter.total - start} inputs")


def test_an_id_beyond_the_integer_range_is_simply_not_found(fresh_app):
    app = fresh_app()
    token = _world(app)
    response = app.test_client().get("/api/v1/supervisor/participants/99999999999999999999",
                                     headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404


def test_a_nul_character_in_a_filter_is_refused_politely(fresh_app):
    app = fresh_app()
    token = _world(app)
    response = app.test_client().get("/api/v1/supervisor/placements?status=%00",
                                     headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert response.get_json()["status"] == 400
