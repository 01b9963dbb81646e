"""Platform administration: the moderation queue of offers from businesses, and the
applications of supervisor organisations that ask to join."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from web.admin import applications, revisions, routes  # noqa: E402,F401  (registers views)
