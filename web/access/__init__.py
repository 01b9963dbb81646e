"""Every route declares its audience; the decorators below also enforce it.

Staff sessions: Flask-Login's user id plus session["mfa"] = True once the second factor (TOTP)
has been checked, and session["login_at"] / session["seen_at"] (epoch seconds) for the absolute
and idle time-outs that the account area enforces.

audiences: public, manage_link (a signed link in an e-mail), supervisor (any staff member of
an organisation), org_admin, platform_admin. A test lists every route and fails when one has
no declared audience.
"""
from functools import wraps

from flask import abort, g, redirect, request, session, url_for
from flask_login import current_user, login_required

AUDIENCES = ("public", "manage_link", "supervisor", "org_admin", "platform_admin")


def _declare(view, audience: str):
    view.audience = audience
    return view


def public(view):
    return _declare(view, "public")


def manage_link(view):
    """The view itself checks the signed token it is given."""
    return _declare(view, "manage_link")


def _role_required(view, allowed: tuple[str, ...], audience: str):
    @wraps(view)
    def wrapper(*args, **kwargs):
        # Staff pages need the second factor too; the login flow sets session["mfa"].
        if session.get("mfa") is not True:
            return redirect(url_for("account.second_factor", next=request.full_path))
        if current_user.role not in allowed:
            abort(403)
        if audience != "platform_admin" and current_user.organisation_id is None:
            abort(403)
        g.private_page = True
        return view(*args, **kwargs)

    return _declare(login_required(wrapper), audience)


def supervisor(view):
    return _role_required(view, ("supervisor", "org_admin"), "supervisor")


def org_admin(view):
    return _role_required(view, ("org_admin",), "org_admin")


def platform_admin(view):
    return _role_required(view, ("platform_admin",), "platform_admin")
