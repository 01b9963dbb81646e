"""Our organisation (organisation admins): public profile and regions, internal workposts,
staff accounts, and the organisation's audit log."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from web import clock
from web.access import org_admin
from web.account.recovery import send_invitation
from web.extensions import db
from web.models import AuditEvent, User
from web.refusals import flash_refusal, form_status, on_form
from web.services import organisation_profile as profile
from web.services import staff
from web.services.organisation_profile import ProfileError
from web.supervisor import bp, vocab
from web.supervisor.organisation_forms import InternalWorkpostForm, InviteForm, ProfileForm
from web.supervisor.scope import me, organisation_id

AUDIT_PAGE = 50


@bp.route("/organisatie", methods=["GET", "POST"])
@org_admin
def organisation():
    org = me().organisation
    form = ProfileForm(obj=org)
    if not form.is_submitted():
        form.provinces.data = [r.code for r in org.regions if r.kind == "province"]
        form.municipalities.data = [r.code for r in org.regions if r.kind == "municipality"]
    if form.validate_on_submit():
        values = {f: (getattr(form, f).data or "").strip() or None for f in profile.PROFILE_FIELDS}
        values["description"] = values["description"] or ""
        try:
            profile.update_profile(org, values, form.provinces.data or [],
                                   form.municipalities.data or [], me())
        except ProfileError as error:
            on_form(form, error)
        else:
            flash(_("Het profiel van je organisatie is bewaard."), "success")
            return redirect(url_for("supervisor.organisation"))
    return render_template("supervisor/organisation.html", form=form, org=org), form_status(form)


@bp.get("/organisatie/werkposten")
@org_admin
def internal_workposts():
    return render_template("supervisor/internal_workposts.html",
                           posts=profile.internal_workposts(organisation_id()))


@bp.route("/organisatie/werkposten/nieuw", methods=["GET", "POST"])
@org_admin
def internal_workpost_new():
    return _internal_workpost_form(None)


@bp.route("/organisatie/werkposten/<int:workpost_id>", methods=["GET", "POST"])
@org_admin
def internal_workpost_edit(workpost_id: int):
    post = profile.internal_workpost(organisation_id(), workpost_id) or abort(404)
    return _internal_workpost_form(post)


def _internal_workpost_form(post):
    form = InternalWorkpostForm(obj=post)
    if form.validate_on_submit():
        try:
            profile.save_internal_workpost(me().organisation, post, form.values(), me(),
                                           clock.now())
        except ProfileError as error:
            on_form(form, error)
        else:
            flash(_("De werkpost is bewaard."), "success")
            return redirect(url_for("supervisor.internal_workposts"))
    elif form.is_submitted():
        # every error at once: the service's own rules beside the form's
        for problem in profile.internal_problems(form.values(), post):
            field = getattr(form, problem.field, None)
            if field is not None and not field.errors:
                on_form(form, problem, roll_back=False)
    return render_template("supervisor/internal_workpost_form.html", form=form, post=post,
                           explain=vocab.support_explanations()), form_status(form)


@bp.post("/organisatie/werkposten/<int:workpost_id>/zichtbaar")
@org_admin
def internal_workpost_status(workpost_id: int):
    post = profile.internal_workpost(organisation_id(), workpost_id) or abort(404)
    profile.set_internal_status(post, request.form.get("published") == "1", me(), clock.now())
    flash(_("De werkpost is bewaard."), "success")
    return redirect(url_for("supervisor.internal_workposts"))


def _colleagues():
    return list(db.session.scalars(select(User).where(
        User.organisation_id == organisation_id()).order_by(User.name)))


@bp.route("/organisatie/medewerkers", methods=["GET", "POST"])
@org_admin
def staff_list():
    form = InviteForm()
    if form.validate_on_submit():
        try:
            user = staff.invite(organisation_id(), form.email.data, form.name.data,
                                form.role.data, me())
        except staff.StaffError as error:
            on_form(form, error)
        else:
            send_invitation(user, me().organisation.name)
            flash(_("%(email)s kreeg een uitnodiging per e-mail.", email=user.email), "success")
            return redirect(url_for("supervisor.staff_list"))
    return render_template("supervisor/staff.html", form=form, people=_colleagues()), \
        form_status(form)


def _colleague_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != organisation_id():
        abort(404)
    return user


@bp.post("/organisatie/medewerkers/<int:user_id>")
@org_admin
def staff_change(user_id: int):
    colleague = _colleague_or_404(user_id)
    action = request.form.get("action", "")
    try:
        if action in ("deactivate", "activate"):
            staff.set_active(colleague, action == "activate", me())
        elif action in ("supervisor", "org_admin"):
            staff.set_role(colleague, action, me())
        elif action == "reset_totp":
            staff.reset_second_factor(colleague, me())
        elif action == "reinvite" and not colleague.password_hash:
            send_invitation(colleague, me().organisation.name)
        else:
            abort(400)
    except staff.StaffError as error:
        flash_refusal(error)
        return redirect(url_for("supervisor.staff_list"))
    flash(_("De wijziging is bewaard."), "success")
    return redirect(url_for("supervisor.staff_list"))


@bp.get("/organisatie/logboek")
@org_admin
def audit_log():
    page = max(request.args.get("pagina", 1, type=int) or 1, 1)
    events = list(db.session.scalars(
        select(AuditEvent).where(AuditEvent.organisation_id == organisation_id())
        .order_by(AuditEvent.id.desc()).offset((page - 1) * AUDIT_PAGE).limit(AUDIT_PAGE + 1)))
    return render_template("supervisor/audit_log.html", events=events[:AUDIT_PAGE], page=page,
                           more=len(events) > AUDIT_PAGE)
