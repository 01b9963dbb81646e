"""Applications of supervisor organisations that ask to join: the platform admin accepts
(the organisation is made and its contact person invited as first admin) or refuses with a
reason that the contact person gets by mail."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

import geo
from web import clock
from web.infra import mail
from web.access import platform_admin
from web.account.recovery import send_invitation
from web.admin import bp
from web.admin.forms import DecisionForm, RefuseApplicationForm
from web.extensions import db
from web.labels import place_name
from web.models import OrganisationApplication
from web.models.choices import ORGANISATION_TYPES
from web.refusals import flash_refusal
from web.services import organisation_applications as applications
from web.services.errors import ServiceError


@bp.get("/organisaties")
@platform_admin
def applications_queue():
    return render_template("admin/applications.html", waiting=applications.pending(),
                           decided=applications.recently_decided(),
                           ORGANISATION_TYPES=ORGANISATION_TYPES)


def _application(application_id: int) -> OrganisationApplication:
    return db.session.get(OrganisationApplication, application_id) or abort(404)


def _region_names(regions) -> list[str]:
    municipalities = {nis: name for nis, name, _province in geo.municipalities()}
    return [place_name(geo.province(code)) if kind == "province"
            else municipalities.get(code, code) for kind, code in regions]


def _detail(application, refuse_form=None, status=200):
    return render_template("admin/application.html", application=application,
                           regions=_region_names(application.regions),
                           decision_form=DecisionForm(),
                           refuse_form=refuse_form or RefuseApplicationForm(),
                           ORGANISATION_TYPES=ORGANISATION_TYPES), status


@bp.get("/organisaties/<int:application_id>")
@platform_admin
def application(application_id: int):
    return _detail(_application(application_id))


@bp.post("/organisaties/<int:application_id>/aanvaarden")
@platform_admin
def accept_application(application_id: int):
    application = _application(application_id)
    if not DecisionForm().validate_on_submit():
        abort(400)
    try:
        organisation, admin = applications.accept(application, current_user, clock.now())
    except ServiceError as error:
        flash_refusal(error)
        return redirect(url_for("admin.application", application_id=application_id))
    send_invitation(admin, organisation.name)
    flash(_("Aanvaard: %(name)s staat op het platform. %(email)s kreeg een uitnodiging.",
            name=organisation.name, email=admin.email), "success")
    return redirect(url_for("admin.applications_queue"))


@bp.post("/organisaties/<int:application_id>/weigeren")
@platform_admin
def refuse_application(application_id: int):
    application = _application(application_id)
    form = RefuseApplicationForm()
    if not form.validate_on_submit():
        return _detail(application, refuse_form=form, status=422)
    try:
        applications.refuse(application, current_user, clock.now(), form.reason.data)
    except ServiceError as error:
        flash_refusal(error)
        return redirect(url_for("admin.application", application_id=application_id))
    english = application.language == "en"
    mail.queue(mail.render(application.contact_email,
                           "Your application to Werkpostwijzer" if english
                           else "Je aanvraag bij Werkpostwijzer",
                           "join_refused", application=application, lang=application.language))
    flash(_("Geweigerd: %(name)s kreeg een mail met de reden.", name=application.name),
          "success")
    return redirect(url_for("admin.applications_queue"))
