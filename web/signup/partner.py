"""The workpost as a partner, behind its signed links: answer a contact request, see who works
there (only this workpost's people, only what was shared), and signal a concern at once."""
from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from web import clock
from web.access import manage_link
from web.extensions import db, limiter
from web.models import Placement
from web.models.choices import PLACEMENT_STATUSES
from web.refusals import on_form
from web.services import contact_requests
from web.services.contact_requests import ContactError
from web.services.placements import PlacementError
from web.signup import bp, links, mails
from web.signup.partner_forms import AnswerForm, ConcernForm
from web.signup.view_helpers import link_problem


def _answer_form(ask, submitted: bool) -> AnswerForm:
    form = AnswerForm() if submitted else AnswerForm(formdata=None)
    form.chosen.choices = [(value, contact_requests.when(value).strftime("%d/%m/%Y %H:%M"))
                           for value in ask.proposed_times] + \
        [("", _("Een ander moment"))]
    return form


@bp.route("/aanvraag/<token>", methods=["GET", "POST"])
@limiter.limit("60 per hour", methods=["POST"])
@manage_link
def contact_request(token: str):
    g.private_page = True  # what the participant agreed to share: never cached
    try:
        workpost, ask = links.load_request(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    form = _answer_form(ask, submitted=True)
    status = 200
    if ask.answer is None and form.validate_on_submit():
        try:
            done = contact_requests.answer(
                ask, form.answer.data, chosen=form.chosen.data or "",
                other_time=form.other_time.data or "", reason=form.reason.data or "",
                note=form.note.data or "", now=clock.now())
        except (ContactError, PlacementError) as error:
            on_form(form, error)
            status = 422
        else:
            if done:
                mails.contact_answered(ask)
            flash(_("Bedankt! De begeleider krijgt je antwoord meteen."), "success")
            return redirect(url_for("signup.contact_request", token=token))
    elif form.errors:
        status = 422
    return render_template("signup/contact_request.html", workpost=workpost, ask=ask,
                           form=form, token=token,
                           manage_url=url_for("signup.people", token=links.token(
                               links.MANAGE, workpost))), status


@bp.get("/mijn-aanbod/<token>/mensen")
@manage_link
def people(token: str):
    g.private_page = True
    try:
        workpost = links.load(links.MANAGE, token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    return _people_page(workpost, token, ConcernForm(formdata=None))


def _people_page(workpost, token: str, form: ConcernForm, status: int = 200):
    rows = contact_requests.people_at(workpost.id)
    form.placement.choices = [(p.id, p.participant.reference) for p in rows]
    waiting = contact_requests.open_for_workpost(workpost.id)
    supervisors, slots = {}, {}
    for p in rows:
        user = mails.supervisor_of(p)
        supervisors[p.id] = user.name if user is not None else ""
        # Half-days: what the supervisor asked in the request (shared with this workpost).
        asked = contact_requests.for_placement(p)
        slots[p.id] = asked[0].slots if asked else []
    return render_template("signup/people.html", workpost=workpost, token=token, rows=rows,
                           supervisors=supervisors, slots=slots,
                           placement_steps=PLACEMENT_STATUSES,
                           waiting=[(r, links.contact_url(r)) for r in waiting],
                           form=form), status


@bp.post("/mijn-aanbod/<token>/signaal")
@limiter.limit("30 per hour")
@manage_link
def concern(token: str):
    g.private_page = True
    try:
        workpost = links.load(links.MANAGE, token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    form = ConcernForm()
    if not form.validate_on_submit():
        return _people_page(workpost, token, form, 422)
    placement = db.session.get(Placement, form.placement.data)
    if placement is None or placement.workpost_id != workpost.id:
        # Another workpost's placement (or none) looks exactly like one that does not exist.
        on_form(form, ContactError("not_here", "category"))
        return _people_page(workpost, token, form, 422)
    try:
        row = contact_requests.concern(placement, workpost.id, form.category.data,
                                       form.note.data or "", clock.now())
    except ContactError as error:
        on_form(form, error)
        return _people_page(workpost, token, form, 422)
    mails.concern_raised(row)
    flash(_("Je signaal is verstuurd. De begeleider neemt snel contact met je op."), "success")
    return redirect(url_for("signup.people", token=token))
