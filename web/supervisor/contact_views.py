"""A contact request from a shortlist entry: the supervisor asks the workpost to meet."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _

from web import clock
from web.access import supervisor
from web.refusals import on_form
from web.services import contact_requests
from web.services.contact_requests import ContactError
from web.services.placements import PlacementError
from web.signup import mails
from web.supervisor import bp
from web.supervisor.contact_forms import contact_form
from web.supervisor.placement_views import _page
from web.supervisor.scope import me, placement_or_404


@bp.post("/plaatsingen/<int:placement_id>/contactaanvraag")
@supervisor
def contact_send(placement_id: int):
    placement = placement_or_404(placement_id)
    form = contact_form(placement, submitted=True)
    valid = form.validate_on_submit()
    times = form.times()
    if not valid or form.errors:
        return _page(placement, contact=form, status=422)
    try:
        request = contact_requests.send(
            placement, me(), tasks=form.tasks.data or "", hours_per_week=form.hours_per_week.data,
            slots=form.slots.data or [], start_on=form.start_on.data, times=times,
            first_name=form.first_name.data or "", phone=form.phone.data or "",
            now=clock.now())
    except (ContactError, PlacementError) as error:
        on_form(form, error)
        return _page(placement_or_404(placement_id), contact=form, status=422)
    mails.contact_request(request, me())
    flash(_("Je aanvraag is verstuurd naar %(name)s. De stap is nu \"gecontacteerd\". Je "
            "krijgt een mail zodra de werkpost antwoordt.", name=placement.workpost.name),
          "success")
    return redirect(url_for("supervisor.placement", placement_id=placement_id))
