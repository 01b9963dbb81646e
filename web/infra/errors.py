"""Error pages in the visitor's language; JSON for the API."""
from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from web.extensions import db

MESSAGES = {
    400: lambda: _("Er klopt iets niet aan deze vraag."),
    403: lambda: _("Je hebt geen toegang tot deze pagina."),
    404: lambda: _("Deze pagina bestaat niet (meer)."),
    405: lambda: _("Dit kan op deze manier niet."),
    429: lambda: _("Je hebt dit te vaak geprobeerd. Wacht even en probeer opnieuw."),
    500: lambda: _("Er ging bij ons iets mis. Probeer het later opnieuw."),
}


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _render(code: int, description: str | None = None):
    message = MESSAGES.get(code, MESSAGES[500])()
    if _wants_json():
        return jsonify({"error": description or message, "status": code}), code
    return render_template("errors/error.html", code=code, message=message), code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        detail = error.description if _wants_json() and error.code in (400, 422) else None
        return _render(error.code or 500, detail)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        # Leave no half-written record behind; the traceback goes to the log.
        db.session.rollback()
        app.logger.exception("unhandled error on %s", request.path)
        return _render(500)
