"""Checks on every request before any view runs."""
from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

# Ids are 32-bit on PostgreSQL; a larger number in a URL can only be a "not found".
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def _has_nul() -> bool:
    # PostgreSQL refuses NUL characters in text; no person types one, so refuse it early.
    values = [*request.args.values(), *request.args.keys()]
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        values += [*request.form.values(), *request.form.keys()]
    return any("\x00" in value for value in values) or "\x00" in request.path


def init_app(app: Flask) -> None:
    """Must run before the blueprints register, so that their <int:...> rules use it."""
    app.url_map.converters["int"] = IdConverter

    @app.before_request
    def refuse_nul_characters():
        if _has_nul():
            abort(400)
