"""The moderation queue: confirmed offers wait here until a platform admin decides; mail
that could not leave yet is listed under it."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from web import clock
from web.infra import mail
from web.access import platform_admin
from web.admin import bp
from web.admin.forms import DecisionForm, RejectForm
from web.extensions import db
from web.models import Workpost
from web.refusals import flash_refusal
from web.services import workpost_review, workpost_revision
from web.signup import mails
from web.signup.view_helpers import vocabulary


@bp.get("/")
@platform_admin
def index():
    return redirect(url_for("admin.queue"))


@bp.get("/aanmeldingen")
@platform_admin
def queue():
    return render_template("admin/queue.html", waiting=workpost_review.queue(),
                           changes=workpost_revision.queue(),
                           decided=workpost_review.recently_decided(),
                           undelivered=mail.undelivered(), **vocabulary())


def _workpost(workpost_id: int) -> Workpost:
    return db.session.get(Workpost, workpost_id) or abort(404)


def _detail(workpost, reject_form=None, status=200):
    return render_template("admin/workpost.html", workpost=workpost,
                           decision_form=DecisionForm(), reject_form=reject_form or RejectForm(),
                           is_spam=workpost_review.is_spam(workpost), **vocabulary()), status


@bp.get("/aanmeldingen/<int:workpost_id>")
@platform_admin
def workpost(workpost_id: int):
    return _detail(_workpost(workpost_id))


def _decide(workpost, action, message):
    try:
        action()
    except workpost_review.AlreadyDecided as error:
        flash_refusal(error)
        return redirect(url_for("admin.workpost", workpost_id=workpost.id))
    mails.review_outcome(workpost)
    flash(message, "success")
    return redirect(url_for("admin.queue"))


@bp.post("/aanmeldingen/<int:workpost_id>/goedkeuren")
@platform_admin
def approve(workpost_id: int):
    workpost = _workpost(workpost_id)
    if not DecisionForm().validate_on_submit():
        abort(400)
    return _decide(workpost, lambda: workpost_review.approve(workpost, current_user,
                                                             clock.now()),
                   _("Goedgekeurd: %(name)s staat online.", name=workpost.name))


@bp.post("/aanmeldingen/<int:workpost_id>/weigeren")
@platform_admin
def reject(workpost_id: int):
    workpost = _workpost(workpost_id)
    form = RejectForm()
    if not form.validate_on_submit():
        return _detail(workpost, reject_form=form, status=400)
    return _decide(workpost, lambda: workpost_review.reject(workpost, current_user,
                                                            clock.now(), form.reason.data),
                   _("Geweigerd: %(name)s kreeg een mail met de reden.", name=workpost.name))


@bp.post("/aanmeldingen/<int:workpost_id>/spam")
@platform_admin
def spam(workpost_id: int):
    workpost = _workpost(workpost_id)
    if not DecisionForm().validate_on_submit():
        abort(400)
    return _decide(workpost, lambda: workpost_review.mark_spam(workpost, current_user,
                                                               clock.now()),
                   _("Als spam gemarkeerd: %(name)s. Er ging geen mail weg.", name=workpost.name))
