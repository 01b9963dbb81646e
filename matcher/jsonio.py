"""The contract's JSON in and out: requests, caseloads, ranked matches.

Every error names the field in the document (`participant.travel.modes[1]`,
`workposts[3].location.lat`), so the command line can print one line a person can act on.
"""
import json

from matcher.errors import MatcherError
from matcher.model import Filters, Participant, Workpost

_PARTICIPANT_KEYS = set(Participant.__dataclass_fields__)
_WORKPOST_KEYS = set(Workpost.__dataclass_fields__)


def _build(kind, data, path: str, keys: set):
    if not isinstance(data, dict):
        raise MatcherError(path, f"must be an object, not {type(data).__name__}")
    unknown = sorted(set(data) - keys)
    if unknown:
        raise MatcherError(f"{path}.{unknown[0]}", "unknown field")
    missing = [k for k in ("id", "location") if k not in data]
    if missing:
        raise MatcherError(f"{path}.{missing[0]}", "is required")
    try:
        return kind(**data)
    except MatcherError as error:
        raise error.within(path) from None


def participant_from_json(data, path: str = "participant") -> Participant:
    return _build(Participant, data, path, _PARTICIPANT_KEYS)


def workpost_from_json(data, path: str = "workpost") -> Workpost:
    return _build(Workpost, data, path, _WORKPOST_KEYS)


def workposts_from_json(data, path: str = "workposts") -> list[Workpost]:
    if not isinstance(data, list):
        raise MatcherError(path, "must be a list of workposts")
    return [workpost_from_json(item, f"{path}[{i}]") for i, item in enumerate(data)]


def _object(document, expected: tuple[str, ...]) -> dict:
    if not isinstance(document, dict):
        raise MatcherError("", "the request must be a JSON object")
    for key in expected:
        if key not in document:
            raise MatcherError(key, "is required")
    return document


def request_from_json(document) -> tuple[Participant, list[Workpost], dict]:
    """A rank request -> (participant, workposts, options: filters, shortlist_counts)."""
    document = _object(document, ("participant", "workposts"))
    options = {"filters": Filters.of(document.get("filters")),
               "shortlist_counts": _counts(document.get("shortlist_counts"))}
    return (participant_from_json(document["participant"]),
            workposts_from_json(document["workposts"]), options)


def caseload_from_json(document) -> tuple[list[Participant], list[Workpost], dict]:
    document = _object(document, ("participants", "workposts"))
    people = document["participants"]
    if not isinstance(people, list):
        raise MatcherError("participants", "must be a list of participants")
    return ([participant_from_json(p, f"participants[{i}]") for i, p in enumerate(people)],
            workposts_from_json(document["workposts"]),
            {"shortlist_counts": _counts(document.get("shortlist_counts"))})


def _counts(value) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MatcherError("shortlist_counts", "must be an object of workpost id -> count")
    for key, count in value.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise MatcherError(f"shortlist_counts.{key}", f"must be a count, not {count!r}")
    return value


def from_json(text: str):
    """Parse a contract request from text: (participant, workposts, options)."""
    return request_from_json(json.loads(text))


def to_json(matches, indent: int | None = 2) -> str:
    """Matches (or assignments) as the contract's JSON text."""
    return json.dumps([m.to_json() for m in matches], indent=indent, ensure_ascii=False)
