"""Businesses offer a workpost without an account: information page, sign-up wizard,
confirmation by e-mail and a signed link to manage the offer later."""
from flask import Blueprint

bp = Blueprint("signup", __name__, url_prefix="/aanbieden")

from web.signup import cli, manage, partner, routes  # noqa: E402,F401  (registers views, command)
