"""The supervisors' area (/werkruimte): participants, matching, shortlists, placements,
agreements, evaluations, our organisation; plus the token-authenticated JSON API."""
from flask import Blueprint, Flask

from web.extensions import csrf
from web.models.choices import GOALS, PARTICIPANT_STATUSES, PLACEMENT_STATUSES, STOP_REASONS

bp = Blueprint("supervisor", __name__, url_prefix="/werkruimte")


@bp.context_processor
def code_lists():
    return {"participant_statuses": PARTICIPANT_STATUSES, "placement_statuses": PLACEMENT_STATUSES,
            "stop_reasons": STOP_REASONS, "goals": GOALS}


from web.supervisor import (  # noqa: E402,F401  (registers the views on bp)
    agreement_views, contact_views, evaluation_views, find_views, organisation, participant_views,
    placement_views, routes)
from web.supervisor.api import api_bp  # noqa: E402
from web.supervisor.openapi import register_paths  # noqa: E402


def init_app(app: Flask) -> None:
    # Token-authenticated: no cookie session, so no CSRF token either.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
    register_paths()
