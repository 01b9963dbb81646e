"""The OpenAPI 3.1 document of the whole API, assembled from the parts each area gives.

Any module may contribute paths (and component schemas) with `add_paths(paths,
components=...)`, typically from its blueprint's init_app; /api/v1/openapi.json serves
`document()`. Giving the same definition twice is harmless (every app built in one process
registers again); giving a different definition for a path or schema that is already taken
is a programming error and raises ValueError, so that two areas cannot silently overwrite
each other's contract.
"""
import copy

TITLE = "Werkpostwijzer API"
VERSION = "1.0.0"

_paths: dict[str, dict] = {}
_components: dict[str, dict[str, dict]] = {}


def _merge(target: dict, key: str, value: dict, what: str) -> None:
    if key in target and target[key] != value:
        raise ValueError(f"OpenAPI {what} {key!r} is already defined differently")
    target[key] = copy.deepcopy(value)


def add_paths(paths: dict, components: dict | None = None) -> None:
    """Add path items ({"/api/v1/x": {"get": {...}}}) and components
    ({"schemas": {...}, "securitySchemes": {...}, ...})."""
    for section, entries in (components or {}).items():
        for name, value in entries.items():
            _merge(_components.setdefault(section, {}), name, value, f"{section}")
    for path, item in paths.items():
        if not path.startswith("/api/"):
            raise ValueError(f"OpenAPI path {path!r} must start with /api/")
        _merge(_paths, path, item, "path")


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": TITLE, "version": VERSION,
            "description": (
                "Public, read-only data of the Werkpostwijzer directory (internal workposts of "
                "recognised AMA supervisor organisations in Flanders and Brussels), and the "
                "token-authenticated API of the supervisors' area. Public GET endpoints "
                "allow cross-origin reads (Access-Control-Allow-Origin: *). Bad parameters "
                "answer 400 with a JSON message."),
        },
        "servers": [{"url": "/"}],
        "paths": {path: copy.deepcopy(_paths[path]) for path in sorted(_paths)},
        "components": copy.deepcopy(_components),
    }
