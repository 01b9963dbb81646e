"""A found workpost as JSON for the supervisors' token API (web/supervisor/openapi.py
describes this shape): codes, figures and sentences in both languages."""
from web.matching.find import Result
from web.matching.sentences import in_both


def reason_json(reason) -> dict:
    out = {"code": reason.code, "detail": reason.detail}
    if reason.words:
        out["words"] = list(reason.words)
    return {**out, **in_both(reason)}


def result_json(result: Result) -> dict:
    post = result.workpost
    return {"workpost_id": post.id, "name": post.name, "municipality": post.municipality,
            "internal": post.internal, "score": round(result.score, 3),
            "distance_km": None if result.distance_km is None else round(result.distance_km, 1),
            "travel_minutes": result.travel_minutes, "travel_mode": result.travel_mode,
            "open_places": post.open_now, "capacity": post.capacity,
            "shortlisted": result.listed, "placed": result.placed,
            "reasons": [reason_json(r) for r in result.reasons],
            "concerns": [reason_json(r) for r in result.concerns]}
