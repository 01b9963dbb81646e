"""Changes to approved offers: the admin sees the published and the proposed text side by
side, field by field, and approves or rejects. Every value is shown as text (Jinja escapes
it): a business's name is never markup here."""
from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from matcher import codes
from web.access import platform_admin
from web.admin import bp
from web.admin.forms import DecisionForm, RevisionRejectForm
from web.extensions import db
from web.labels import joined, label
from web.models import Workpost
from web.models.choices import LEGAL_FORMS, WORKPOST_ORG_TYPES
from web.refusals import flash_refusal
from web.services import workpost_manage, workpost_revision
from web.services.workpost_location import province_name
from web.signup import mails

FIELD_LABELS = {
    "legal_form": _l("Soort organisatie"), "enterprise_number": _l("Ondernemingsnummer"),
    "name": _l("Naam"), "org_type": _l("Wat voor plek is het?"), "website": _l("Website"),
    "description": _l("Vertel kort wat jullie doen"),
    "contact_name": _l("Naam van de contactpersoon"), "contact_email": _l("E-mailadres"),
    "contact_phone": _l("Telefoonnummer"), "street": _l("Straat en huisnummer"),
    "address_public": _l("Toon mijn straat en huisnummer op het platform"),
    "activities": _l("Activiteiten"), "tasks": _l("Taken"), "offers": _l("Steun"),
    "transport_radius_km": _l("Vervoer tot (km)"), "schedule": _l("Halve dagen"),
    "hours_per_week": _l("Uren per week"), "capacity": _l("Plaatsen"),
    "available_from": _l("Beschikbaar vanaf"), "postcode": _l("Postcode"),
    "municipality": _l("Gemeente"), "province": _l("Provincie"),
}
CODE_TABLES = {"legal_form": LEGAL_FORMS, "org_type": WORKPOST_ORG_TYPES,
               "activities": codes.ACTIVITY_LABELS, "offers": codes.SUPPORT_LABELS,
               "schedule": codes.SLOT_LABELS}


def shown(field: str, value) -> str:
    """One value as plain text for the comparison."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if field == "province":
        return province_name(value)
    if field in CODE_TABLES:
        table = CODE_TABLES[field]
        return joined(table, value, lower=False) if isinstance(value, list) else label(table, value)
    return str(value)


def _workpost(workpost_id: int) -> Workpost:
    return db.session.get(Workpost, workpost_id) or abort(404)


def _page(workpost, reject_form=None, status=200):
    revision = workpost_manage.pending(workpost)
    rows = []
    if revision is not None and workpost_manage.needs_review(workpost):
        rows = [(FIELD_LABELS.get(d.field, d.field), shown(d.field, d.old), shown(d.field, d.new))
                for d in workpost_revision.differences(workpost, revision)]
    return render_template("admin/revision.html", workpost=workpost, revision=revision,
                           rows=rows, decision_form=DecisionForm(),
                           reject_form=reject_form or RevisionRejectForm()), status


@bp.get("/wijzigingen/<int:workpost_id>")
@platform_admin
def revision(workpost_id: int):
    return _page(_workpost(workpost_id))


@bp.post("/wijzigingen/<int:workpost_id>/goedkeuren")
@platform_admin
def approve_revision(workpost_id: int):
    workpost = _workpost(workpost_id)
    if not DecisionForm().validate_on_submit():
        abort(400)
    old_email = workpost.contact_email
    try:
        changed = workpost_revision.approve(workpost, current_user)
    except workpost_revision.NothingPending as error:
        flash_refusal(error)
        return redirect(url_for("admin.revision", workpost_id=workpost.id))
    if "contact_email" in changed:
        mails.email_changed(workpost, old_email)
    mails.edit_approved(workpost)
    flash(_("Goedgekeurd: de wijziging van %(name)s staat online.", name=workpost.name),
          "success")
    return redirect(url_for("admin.queue"))


@bp.post("/wijzigingen/<int:workpost_id>/weigeren")
@platform_admin
def reject_revision(workpost_id: int):
    workpost = _workpost(workpost_id)
    form = RevisionRejectForm()
    if not form.validate_on_submit():
        return _page(workpost, reject_form=form, status=400)
    reason = form.reason.data.strip()
    try:
        workpost_revision.reject(workpost, current_user, reason)
    except workpost_revision.NothingPending as error:
        flash_refusal(error)
        return redirect(url_for("admin.revision", workpost_id=workpost.id))
    mails.edit_rejected(workpost, reason)
    flash(_("Geweigerd: %(name)s kreeg een mail met de reden. Het aanbod blijft zoals het was.",
            name=workpost.name), "success")
    return redirect(url_for("admin.queue"))
