"""Every route of the app declares who may use it (web/access/__init__.py), and every staff route
that shows a participant leaves a row in the access log."""
import re
from datetime import UTC, date, datetime

import pytest
from factories import make_org, make_participant, make_user, make_workpost, walk_to_active
from harness import log_in
from sqlalchemy import select

from web.access import AUDIENCES
from web.models import AuditEvent
from web.services import participants, placements, staff

# Framework routes that serve files and carry no data of ours.
FRAMEWORK = {"static"}


def _audiences(app):
    found = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint in FRAMEWORK:
            continue
        view = app.view_functions[rule.endpoint]
        found[rule.rule] = getattr(view, "audience", None)
    return found


def test_every_route_declares_its_audience(app):
    undeclared = sorted(rule for rule, audience in _audiences(app).items() if audience is None)
    assert undeclared == []


def test_declared_audiences_are_known_ones(app):
    unknown = {rule: a for rule, a in _audiences(app).items() if a and a not in AUDIENCES}
    assert unknown == {}


def test_staff_routes_live_under_staff_prefixes(app):
    # A staff page under a public prefix would be cached and indexed like a public one.
    staff = {rule for rule, a in _audiences(app).items()
             if a in ("supervisor", "org_admin", "platform_admin")}
    prefixes = ("/werkruimte", "/beheer", "/api/v1/supervisor", "/account")
    assert sorted(rule for rule in staff if not rule.startswith(prefixes)) == []


# --- every read of a participant leaves an access-log row ---------------------------------------
#
# A canary participant with a distinctive code and free text; every staff GET route (pages,
# CSV, the token API) is opened with the canary's ids. A route whose answer shows the
# canary's code, its words or (in JSON) its id must have added an access-log row naming the
# canary: `participant.viewed` on it, or `participants.listed` with its id.

CANARY = "KANARIE-R7Q"
CANARY_WORDS = "zingt-graag-r7q"
STAFF = ("supervisor", "org_admin", "platform_admin")
API_PREFIX = "/api/v1/supervisor"
# Kinds of record that never hold a participant's data: opened with an id that does not
# exist (the 404 is expected). Any other new kind of id fails the walk until it is decided.
NO_PARTICIPANT_DATA = {"application_id"}


@pytest.fixture()
def canary_world(db_session):
    org = make_org(db_session)
    admin = make_user(db_session, org, role="org_admin", email="baas-r7q@example.be")
    colleague = make_user(db_session, org, email="collega-r7q@example.be")
    platform = make_user(db_session, None, role="platform_admin", email="root-r7q@example.be")
    external = make_workpost(db_session, name="Kringwinkel Kanarie")
    internal = make_workpost(db_session, name="Atelier Kanarie", organisation=org)
    person = make_participant(db_session, org, reference=CANARY, supervisor=admin,
                              interests_text=f"Ik {CANARY_WORDS} buiten.")
    placement = placements.shortlist(person, external, admin, "", date.today())
    walk_to_active(db_session, placement, admin, date.today())
    evaluation = placement.evaluations[0]
    evaluation.due_on = date.today()  # on the dashboard and the list of what is due
    token = staff.new_api_token(admin, now=datetime.now(UTC))
    db_session.commit()
    ids = {"participant_id": person.id, "placement_id": placement.id,
           "evaluation_id": evaluation.id, "user_id": colleague.id,
           "workpost_id": internal.id, "external": external.id}
    return ids, {"org_admin": admin, "platform_admin": platform}, token


def _canary_url(rule, ids) -> str:
    values = {}
    for name in rule.arguments:
        if name == "workpost_id" and rule.endpoint == "supervisor.workpost":
            values[name] = ids["external"]
        elif name in NO_PARTICIPANT_DATA:
            values[name] = 0
        else:
            values[name] = ids[name]  # a new kind of id fails here, loudly
    # A workpost opened for a participant, and the caseload, name the person in the query.
    return rule.build(values, append_unknown=False)[1] + f"?deelnemer={ids['participant_id']}"


def _access_rows(db_session, person_id: int) -> int:
    rows = db_session.scalars(select(AuditEvent).where(
        AuditEvent.action.in_(participants.READ_ACTIONS))).all()
    return sum(1 for e in rows if (e.action == "participant.viewed" and e.target_id == person_id)
               or person_id in (e.detail or {}).get("ids", ()))


def _shows_canary(body: str, person_id: int) -> bool:
    return (CANARY in body or CANARY_WORDS in body
            or re.search(rf'"participant_id":\s*{person_id}\b', body) is not None)


def _staff_get_rules(app):
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if "GET" in (rule.methods or ()) and getattr(view, "audience", None) in STAFF:
            yield rule, view.audience


def test_every_staff_route_that_shows_a_participant_writes_an_access_log_row(
        app, canary_world, db_session):
    ids, users, token = canary_world
    clients = {}
    for role, user in users.items():
        clients[role] = app.test_client()
        log_in(clients[role], user)
    api_headers = {"Authorization": f"Bearer {token}"}
    walked, showing, silent, broken = [], [], [], []
    for rule, audience in sorted(_staff_get_rules(app), key=lambda r: r[0].rule):
        url = _canary_url(rule, ids)
        client = clients["platform_admin" if audience == "platform_admin" else "org_admin"]
        before = _access_rows(db_session, ids["participant_id"])
        headers = api_headers if rule.rule.startswith(API_PREFIX) else {}
        response = client.get(url, headers=headers)
        walked.append(rule.endpoint)
        if response.status_code >= 400:
            if not (response.status_code == 404 and NO_PARTICIPANT_DATA & set(rule.arguments)):
                broken.append((url, response.status_code))
            continue
        if _shows_canary(response.get_data(as_text=True), ids["participant_id"]):
            showing.append(rule.endpoint)
            if _access_rows(db_session, ids["participant_id"]) <= before:
                silent.append(url)
    print(f"\nstaff GET routes walked: {len(walked)}, showing the canary: {len(showing)}, "
          f"without an access-log row: {len(silent)}")
    assert broken == []
    assert silent == []
    # The walk reached the pages, exports and API answers that show a participant.
    assert {"supervisor.participant", "supervisor.participant_edit", "supervisor.consent",
            "supervisor.participant_erase", "supervisor.participant_export",
            "supervisor.participants_list", "supervisor.placements_list",
            "supervisor.placements_csv", "supervisor.workpost", "supervisor.dashboard",
            "supervisor.evaluations_due", "supervisor.agreement", "supervisor.caseload",
            "supervisor_api.list_participants", "supervisor_api.get_placement",
            "supervisor_api.list_placements"} <= set(showing)
