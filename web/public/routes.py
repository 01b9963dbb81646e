"""Home page, language switch and health check."""
from flask import current_app, jsonify, redirect, render_template, request, session, url_for
from sqlalchemy import text

from web import readiness
from web.access import public
from web.extensions import db
from web.i18n import LANGUAGES
from web.public import bp
from web.access.safe_redirect import safe_next
from web.services import directory


@bp.get("/")
@public
def home():
    # Count only what the visitor can open: the public directory (businesses' offers are
    # seen by supervisors only, so they are not in this number).
    return render_template("public/home.html", stats=directory.public_counts())


@bp.get("/taal/<code>")
@public
def set_language(code: str):
    if code in LANGUAGES:
        session["lang"] = code
    return redirect(safe_next(request.args.get("next"), url_for("public.home")))


@bp.get("/healthz")
@public
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # the check exists to report exactly this, not to crash
        return jsonify({"status": "error", "database": "unreachable"}), 503
    return jsonify({"status": "ok", "database": "ok"})


@bp.get("/readyz")
@public
def readyz():
    """200 once this worker can serve every page at full speed: database up, index warm.
    A balancer sends traffic only then; /healthz says whether the process is alive."""
    try:
        db.session.execute(text("SELECT 1"))
        if not readiness.is_warm():
            readiness.warm_in_request()
    except Exception:  # the check exists to report exactly this, not to crash
        current_app.logger.exception("not ready")
        return jsonify({"status": "error", "index": "cold"}), 503
    return jsonify({"status": "ok", "database": "ok", "index": "warm",
                    "index_seconds": readiness.build_seconds()})
