"""Staff accounts: log in with a password and a second factor (TOTP), time-outs, log out
(everywhere), password reset by signed link, and accepting an invitation."""
from flask import Blueprint, Flask
from flask_babel import lazy_gettext as _l

from web.extensions import login_manager

bp = Blueprint("account", __name__, url_prefix="/account")

from web.account import recovery, routes  # noqa: E402,F401  (registers the views on bp)
from web.account.sessions import enforce_time_outs, load_user  # noqa: E402


def init_app(app: Flask) -> None:
    # Flask-Login's own message is English; the login page belongs to this area.
    login_manager.login_message = _l("Meld je aan om deze pagina te zien.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    # App-wide: a staff session expires everywhere, not only on account pages.
    app.before_request(enforce_time_outs)
