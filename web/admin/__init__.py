"""Platform administration: the moderation queue of offers from businesses."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from web.admin import revisions, routes  # noqa: E402,F401  (registers the views on bp)
