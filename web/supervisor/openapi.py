"""The supervisor API's part of the OpenAPI document.

Handed to the public API's spec registry (web.api.spec.add_paths) when the app starts.
"""
from web.api import spec

BEARER = [{"supervisorToken": []}]
ID = {"type": "integer"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "401": _json(_ref("Error"), "Missing or invalid API token"),
    "404": _json(_ref("Error"), "Not found, or of another organisation"),
}


def _participant_param() -> dict:
    return {"name": "participant_id", "in": "path", "required": True, "schema": ID}


def _op(summary: str, ok: dict, params=(), body=None, extra=None) -> dict:
    operation = {"summary": summary, "tags": ["supervisor"], "security": BEARER,
                 "parameters": list(params), "responses": {**ok, **ERRORS, **(extra or {})}}
    if body:
        operation["requestBody"] = {"required": True,
                                    "content": {"application/json": {"schema": body}}}
    return operation


PATHS = {
    "/api/v1/supervisor/participants": {"get": _op(
        "Participants of my organisation",
        {"200": _json({"type": "object", "properties": {
            "participants": {"type": "array", "items": _ref("ParticipantSummary")}}}, "OK")})},
    "/api/v1/supervisor/participants/{participant_id}": {"get": _op(
        "One participant's profile (audited)", {"200": _json(_ref("Participant"), "OK")},
        [_participant_param()])},
    "/api/v1/supervisor/participants/{participant_id}/matches": {"get": _op(
        "Ranked workposts for a participant, with reasons and concerns",
        {"200": _json({"type": "object", "properties": {
            "participant_id": ID, "matches": {"type": "array", "items": _ref("Match")}}}, "OK")},
        [_participant_param(), {"name": "top", "in": "query",
                                "schema": {"type": "integer", "minimum": 1, "maximum": 50}}],
        extra={"409": _json(_ref("Error"), "No consent, or the profile is frozen")})},
    "/api/v1/supervisor/participants/{participant_id}/shortlist": {
        "get": _op("A participant's open shortlist and placements",
                   {"200": _json({"type": "object", "properties": {
                       "participant_id": ID,
                       "shortlist": {"type": "array", "items": _ref("Placement")}}}, "OK")},
                   [_participant_param()]),
        "post": _op("Put a workpost on the shortlist",
                    {"201": _json(_ref("Placement"), "Created")}, [_participant_param()],
                    body={"type": "object", "required": ["workpost_id"], "properties": {
                        "workpost_id": ID, "note": {"type": "string", "maxLength": 2000}}},
                    extra={"400": _json(_ref("Error"), "Bad request body"),
                           "403": _json(_ref("Error"), "The token may only read"),
                           "409": _json(_ref("Error"), "Refused (no consent, already listed)")}),
    },
    "/api/v1/supervisor/placements": {"get": _op(
        "Placements of my organisation",
        {"200": _json({"type": "object", "properties": {
            "placements": {"type": "array", "items": _ref("Placement")}}}, "OK")},
        [{"name": "status", "in": "query", "schema": {"type": "string"}}])},
    "/api/v1/supervisor/placements/{placement_id}": {"get": _op(
        "One placement with its history", {"200": _json(_ref("Placement"), "OK")},
        [{"name": "placement_id", "in": "path", "required": True, "schema": ID}])},
}

CODES = {"type": "array", "items": {"type": "string"}}
COMPONENTS = {
    "securitySchemes": {"supervisorToken": {"type": "http", "scheme": "bearer",
                                            "description": "Personal token from 'Mijn account'"}},
    "schemas": {
        "Error": {"type": "object", "properties": {"error": {"type": "string"},
                                                   "status": {"type": "integer"}}},
        "ParticipantSummary": {"type": "object", "properties": {
            "id": ID, "reference": {"type": "string"}, "status": {"type": "string"},
            "municipality": {"type": "string"}, "supervisor_id": {"type": ["integer", "null"]},
            "may_match": {"type": "boolean"}}},
        "Participant": {"allOf": [_ref("ParticipantSummary"), {"type": "object", "properties": {
            "postcode": {"type": "string"}, "travel_modes": CODES,
            "max_minutes": {"type": ["integer", "null"]}, "max_km": {"type": ["number", "null"]},
            "interests": CODES, "interests_text": {"type": "string"}, "avoid": CODES,
            "needs": CODES, "wishes": CODES, "availability": CODES,
            "hours_per_week": {"type": ["number", "null"]}, "goal": {"type": "string"}}}]},
        "Match": {"type": "object", "properties": {
            "workpost_id": ID, "name": {"type": "string"}, "municipality": {"type": "string"},
            "internal": {"type": "boolean"}, "score": {"type": "number"},
            "distance_km": {"type": ["number", "null"]},
            "travel_minutes": {"type": ["integer", "null"]},
            "travel_mode": {"type": ["string", "null"]},
            "open_places": {"type": "integer"}, "capacity": {"type": "integer"},
            "shortlisted": {"type": "integer"}, "placed": {"type": "integer"},
            "reasons": {"type": "array", "items": _ref("Reason")},
            "concerns": {"type": "array", "items": _ref("Reason")}}},
        "Reason": {"type": "object", "properties": {
            "code": {"type": "string"}, "detail": {"type": "string"},
            "words": {"type": "array", "items": {"type": "string"}},
            "text_nl": {"type": "string"}, "text_en": {"type": "string"}}},
        "Placement": {"type": "object", "properties": {
            "id": ID, "participant_id": ID, "workpost_id": ID,
            "workpost_name": {"type": "string"}, "status": {"type": "string"},
            "hours_per_week": {"type": ["number", "null"]},
            "start_date": {"type": ["string", "null"], "format": "date"},
            "end_date": {"type": ["string", "null"], "format": "date"},
            "stop_reason": {"type": ["string", "null"]},
            "became_placement": {"type": ["boolean", "null"]},
            "history": {"type": "array", "items": {"type": "object"}}}},
    },
}


def register_paths() -> None:
    """Give our paths to the public API's spec registry."""
    spec.add_paths(PATHS, components=COMPONENTS)
