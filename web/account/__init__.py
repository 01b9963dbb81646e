"""Staff accounts: log in with a password and a second factor (TOTP), time-outs, log out
(everywhere), password reset by signed link, and accepting an invitation."""
from flask import Blueprint, Flask

bp = Blueprint("account", __name__, url_prefix="/account")

from web.account import routes, recovery  # noqa: E402,F401  (registers the views on bp)
from web.account.sessions import enforce_time_outs  # noqa: E402


def init_app(app: Flask) -> None:
    # App-wide: a staff session expires everywhere, not only on account pages.
    app.before_request(enforce_time_outs)
