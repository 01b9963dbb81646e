"""A recognised supervisor organisation asks to join the platform (public form); a platform
admin decides in web/admin/applications.py."""
from flask import Blueprint

bp = Blueprint("join", __name__)

from web.join import routes  # noqa: E402,F401  (registers the views on bp)
