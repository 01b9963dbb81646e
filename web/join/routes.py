"""/aansluiten: the public application of a recognised supervisor organisation. Throttled as
the offer of a business is (five an hour per address); only a stored application counts, so a
form sent back with errors does not use up a try."""
from flask import redirect, render_template, url_for

from web import clock
from web.infra import mail
from web.access import public
from web.extensions import limiter
from web.join import bp
from web.join.forms import ApplicationForm
from web.labels import language
from web.refusals import form_status, on_form, text
from web.services import organisation_applications as applications
from web.services.errors import ServiceError


def _stored(response) -> bool:
    return response.status_code == 302


@bp.route("/aansluiten", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"], deduct_when=_stored)
@public
def apply():
    form = ApplicationForm()
    valid = form.validate_on_submit()
    number = form.recognition_number
    if form.is_submitted() and number.data and not number.errors \
            and applications.number_taken(number.data):
        # Said together with the form's other errors, not only once they are fixed.
        number.errors = [*number.errors, text("recognition_taken")]
        valid = False
    if valid:
        if form.fax.data:
            return redirect(url_for("join.sent"))  # a bot: act as if it worked, store nothing
        values = {name: getattr(form, name).data for name in (
            "name", "recognition_number", "org_type", "contact_name", "contact_email")}
        values["postcode"] = form.place.postcode
        try:
            application = applications.apply(values, form.provinces.data or [],
                                              form.municipalities.data or [], language(),
                                              clock.now())
        except ServiceError as error:
            on_form(form, error)
        else:
            mail.queue(mail.render(application.contact_email,
                                   "Je aanvraag bij Werkpostwijzer" if language() == "nl"
                                   else "Your application to Werkpostwijzer",
                                   "join_received", application=application, lang=language()))
            return redirect(url_for("join.sent"))
    return render_template("join/apply.html", form=form), form_status(form)


@bp.get("/aansluiten/verstuurd")
@public
def sent():
    return render_template("join/sent.html")
