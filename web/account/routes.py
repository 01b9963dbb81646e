"""Log in (password, then the second factor), log out, log out everywhere."""
from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
import segno

from web import clock
from web.access import public
from web.account import bp, sessions
from web.account.forms import CodeForm, LoginForm
from web.extensions import limiter
from web.refusals import on_form
from web.access.safe_redirect import safe_next
from web.services import staff

# Per client address, over all accounts; growing delays per account and address live in
# web.services.throttle (no lockout).
ADDRESS_LIMIT = "30 per 10 minutes"


def home_for(user) -> str:
    if user.is_platform_admin:
        return url_for("admin.index")
    if user.organisation_id is not None:
        return url_for("supervisor.dashboard")
    return url_for("public.home")


def _next_target() -> str | None:
    return request.args.get("next")


@bp.route("/inloggen", methods=["GET", "POST"])
@public
@limiter.limit(ADDRESS_LIMIT, methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = staff.check_password(form.email.data, form.password.data, clock.now(),
                                        request.remote_addr)
        except staff.StaffError as error:
            on_form(form, error, roll_back=False)  # the counted guess is stored
        else:
            sessions.start(user)
            return redirect(url_for("account.second_factor", next=_next_target()))
    return render_template("account/login.html", form=form), 200 if not form.errors else 422


def _qr_data_uri(uri: str) -> str:
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


@bp.route("/tweede-stap", methods=["GET", "POST"])
@public
@limiter.limit(ADDRESS_LIMIT, methods=["POST"])
def second_factor():
    # Reached only after the password: a half-finished session (mfa False) is required.
    if not current_user.is_authenticated:
        return redirect(url_for("account.login", next=_next_target()))
    user = current_user._get_current_object()
    if session.get("mfa") is True:
        return redirect(safe_next(_next_target(), home_for(user)))
    enrolling = staff.needs_enrolment(user)
    secret = staff.pending_secret(user) if enrolling else None
    form = CodeForm()
    if form.validate_on_submit():
        try:
            staff.check_code(user, form.code.data, clock.now(), request.remote_addr)
        except staff.StaffError as error:
            on_form(form, error, roll_back=False)  # the failure count is stored
        else:
            sessions.complete()
            if enrolling:
                flash(_("Je app is gekoppeld. Vanaf nu vraagt de site telkens een code."),
                      "success")
            return redirect(safe_next(_next_target(), home_for(user)))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        uri = staff.provisioning_uri(user, secret)
        context.update(secret=secret, qr=_qr_data_uri(uri))
    status = 422 if form.errors else 200
    return render_template("account/second_factor.html", **context), status


@bp.post("/uitloggen")
@public
def logout():
    sessions.end()
    flash(_("Je bent afgemeld."), "success")
    return redirect(url_for("account.login"))


@bp.route("/overal-uitloggen", methods=["GET", "POST"])
@public
def logout_everywhere():
    # Public audience because a half-logged-in person may also end their sessions;
    # the view itself requires a session with the second factor.
    if not current_user.is_authenticated or session.get("mfa") is not True:
        return redirect(url_for("account.login"))
    if request.method == "POST":
        staff.log_out_everywhere(current_user._get_current_object())
        sessions.end()
        flash(_("Je bent op alle toestellen afgemeld."), "success")
        return redirect(url_for("account.login"))
    return render_template("account/logout_everywhere.html")
