"""The supervisors' JSON API (/api/v1/supervisor): participants, matches, shortlist and
placements of the token holder's own organisation.

Authentication is a personal API token (Authorization: Bearer ...), made on the user's
account page; there is no cookie session, so CSRF does not apply. Records of another
organisation answer 404, as on the supervisors' pages.
"""
from functools import wraps

from flask import Blueprint, abort, g, jsonify, request

from web import clock, matching, minimisation
from web.refusals import api_response, text
from web.infra.requests import MAX_ID
from web.services import participants, placements, staff
from web.services.placements import PlacementError
from web.text import multiline

api_bp = Blueprint("supervisor_api", __name__, url_prefix="/api/v1/supervisor")
MAX_TOP = 50
READS = ("GET", "HEAD", "OPTIONS")


def token_required(view):
    """Audience "supervisor", proven by a token instead of a session with a second factor."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        user = staff.user_for_token(token.strip(), clock.now()) \
            if scheme.lower() == "bearer" else None
        if user is None or user.role not in ("supervisor", "org_admin"):
            response = jsonify({"error": "missing or invalid API token", "status": 401})
            response.status_code = 401
            response.headers["WWW-Authenticate"] = 'Bearer realm="werkpostwijzer"'
            return response
        if user.api_token_read_only and request.method not in READS:
            return jsonify({"error": "read_only_token", "message": text("read_only_token"),
                            "status": 403}), 403
        g.api_user = user
        g.private_page = True
        return view(*args, **kwargs)

    wrapper.audience = "supervisor"
    return wrapper


def _user():
    return g.api_user


def _participant_or_404(participant_id: int, purpose: str):
    """Through the audited loader, like every page: the read is in the access log."""
    return participants.read(participant_id, by=_user(), purpose=purpose) or abort(404)


def _participant_json(person, full: bool = False) -> dict:
    data = {"id": person.id, "reference": person.reference, "status": person.status,
            "municipality": person.municipality, "supervisor_id": person.supervisor_id,
            "may_match": participants.may_match(person)}
    if full:
        data.update({field: getattr(person, field) for field in participants.PROFILE_FIELDS})
    return data


def _placement_json(placement) -> dict:
    return {"id": placement.id, "participant_id": placement.participant_id,
            "workpost_id": placement.workpost_id, "workpost_name": placement.workpost.name,
            "status": placement.status, "hours_per_week": placement.hours_per_week,
            "start_date": placement.start_date.isoformat() if placement.start_date else None,
            "end_date": placement.end_date.isoformat() if placement.end_date else None,
            "stop_reason": placement.stop_reason, "became_placement": placement.became_placement,
            "history": [{"status": e.status, "kind": e.kind, "on_date": e.on_date.isoformat()}
                        for e in placement.events]}


@api_bp.get("/participants")
@token_required
def list_participants():
    people = participants.read_list(by=_user(), purpose="api-list")
    return jsonify({"participants": [_participant_json(p) for p in people]})


@api_bp.get("/participants/<int:participant_id>")
@token_required
def get_participant(participant_id: int):
    person = _participant_or_404(participant_id, "api")
    return jsonify(_participant_json(person, full=True))


@api_bp.get("/participants/<int:participant_id>/matches")
@token_required
def participant_matches(participant_id: int):
    person = _participant_or_404(participant_id, "api-matches")
    refusal = participants.matching_refusal(person)
    if refusal:
        return jsonify({"error": refusal, "message": text(refusal), "status": 409}), 409
    top = min(max(request.args.get("top", 10, type=int) or 10, 1), MAX_TOP)
    results = matching.find_matches(person, _user().organisation, top=top)
    return jsonify({"participant_id": person.id,
                    "matches": [matching.result_json(r) for r in results]})


@api_bp.get("/participants/<int:participant_id>/shortlist")
@token_required
def participant_shortlist(participant_id: int):
    person = _participant_or_404(participant_id, "api-shortlist")
    rows = [p for p in placements.for_participant(person) if p.status != "ended"]
    return jsonify({"participant_id": person.id, "shortlist": [_placement_json(p) for p in rows]})


@api_bp.post("/participants/<int:participant_id>/shortlist")
@token_required
def add_to_shortlist(participant_id: int):
    person = _participant_or_404(participant_id, "api-shortlist-add")
    body = request.get_json(silent=True)
    workpost_id = body.get("workpost_id") if isinstance(body, dict) else None
    if not isinstance(workpost_id, int) or isinstance(workpost_id, bool) \
            or not 1 <= workpost_id <= MAX_ID:
        return jsonify({"error": "workpost_id: a positive integer id is required",
                        "status": 400}), 400
    note = body.get("note", "")
    if not isinstance(note, str) or len(note) > 2000:
        return jsonify({"error": "note: text of at most 2000 characters", "status": 400}), 400
    note = multiline(note)  # the same cleaning as a multi-line form field
    if minimisation.health_words(note):
        return jsonify({"error": "note: write the support needed, never a diagnosis or "
                                 "medication", "status": 400}), 400
    post = matching.visible_workpost(_user().organisation, body["workpost_id"]) or abort(404)
    try:
        placement = placements.shortlist(person, post, _user(), note, clock.today())
    except PlacementError as error:
        return api_response(error)
    return jsonify(_placement_json(placement)), 201


@api_bp.get("/placements")
@token_required
def list_placements():
    status = request.args.get("status") or None
    rows = placements.listing(_user().organisation_id, status)
    participants.read_list(by=_user(), purpose="api-placements",
                           ids=[p.participant_id for p in rows])
    return jsonify({"placements": [_placement_json(p) for p in rows]})


@api_bp.get("/placements/<int:placement_id>")
@token_required
def get_placement(placement_id: int):
    placement = placements.get(_user().organisation_id, placement_id) or abort(404)
    _participant_or_404(placement.participant_id, "api-placement")
    return jsonify(_placement_json(placement))
