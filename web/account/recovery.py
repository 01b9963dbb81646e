"""Set a password through a signed link: a password reset, or accepting an invitation."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from web.infra import mail, signed_links
from web.access import manage_link, public
from web.account import bp, sessions
from web.account.forms import ForgotForm, NewPasswordForm
from web.extensions import db, limiter
from web.models import User
from web.refusals import text
from web.services import staff

RESET_SECONDS = 60 * 60
INVITATION_SECONDS = 7 * 24 * 60 * 60


def link_for(purpose: str, user: User) -> str:
    token = signed_links.make(purpose, {"u": user.id, "f": staff.link_fingerprint(user)})
    endpoint = "account.reset_password" if purpose == "password-reset" else "account.accept"
    return current_app.config["PUBLIC_URL"].rstrip("/") + url_for(endpoint, token=token)


def send_invitation(user: User, organisation_name: str) -> None:
    """Queued with the account: it leaves once the account is committed."""
    mail.queue(mail.render(user.email, "Uitnodiging voor Werkpostwijzer", "account_invitation",
                          user=user, organisation_name=organisation_name,
                          link=link_for("invitation", user), days=7))


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@public
@limiter.limit("10 per 10 minutes", methods=["POST"])
def forgot_password():
    form = ForgotForm()
    if form.validate_on_submit():
        # The same answer, after the same work, whether or not the address has an account:
        # the look-up and the mail come after the response has gone.
        email = form.email.data
        mail.after_response(lambda: _send_reset(email))
        flash(_("Als dit adres een account heeft, krijg je binnen enkele minuten een e-mail "
                "met een link. De link werkt één uur."), "success")
        return redirect(url_for("account.login"))
    return render_template("account/forgot.html", form=form), 422 if form.errors else 200


def _send_reset(email: str) -> None:
    user = staff.find_by_email(email)
    if user is not None and user.active and user.password_hash:
        mail.queue(mail.render(user.email, "Nieuw wachtwoord voor Werkpostwijzer",
                               "account_reset", user=user,
                               link=link_for("password-reset", user), minutes=60))


def _user_from_link(purpose: str, token: str, max_age: int) -> tuple[User | None, str | None]:
    try:
        payload = signed_links.read(purpose, token, max_age)
    except signed_links.LinkExpired:
        return None, "expired"
    except signed_links.LinkInvalid:
        return None, "invalid"
    user = db.session.get(User, payload.get("u")) if isinstance(payload.get("u"), int) else None
    if user is None or not user.active or payload.get("f") != staff.link_fingerprint(user):
        return None, "used"
    return user, None


def _link_problem(problem: str):
    texts = {
        "expired": _("Deze link is verlopen. Vraag een nieuwe aan."),
        "invalid": _("Deze link is niet geldig. Kopieer de volledige link uit de e-mail."),
        "used": _("Deze link is al gebruikt of niet meer geldig."),
    }
    return render_template("account/link_problem.html", message=texts[problem]), 410


def _password_page(purpose: str, token: str, max_age: int, action: str, template: str):
    user, problem = _user_from_link(purpose, token, max_age)
    if problem:
        return _link_problem(problem)
    if purpose == "invitation" and user.password_hash:
        return _link_problem("used")
    form = NewPasswordForm()
    if form.validate_on_submit():
        issue = staff.password_problem(form.password.data, form.repeat.data)
        if issue:
            field = form.repeat if issue == "no_match" else form.password
            field.errors.append(text(issue))
        else:
            staff.set_password(user, form.password.data, action=action)
            sessions.end()
            flash(_("Je wachtwoord is opgeslagen. Meld je nu aan."), "success")
            return redirect(url_for("account.login"))
    return render_template(template, form=form, user=user), 422 if form.errors else 200


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
@manage_link
@limiter.limit("10 per 10 minutes", methods=["POST"])
def reset_password(token: str):
    return _password_page("password-reset", token, RESET_SECONDS, "account.password_reset",
                          "account/reset.html")


@bp.route("/uitnodiging/<token>", methods=["GET", "POST"])
@manage_link
@limiter.limit("10 per 10 minutes", methods=["POST"])
def accept(token: str):
    return _password_page("invitation", token, INVITATION_SECONDS,
                          "account.invitation_accepted", "account/accept.html")
