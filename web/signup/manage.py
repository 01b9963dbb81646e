"""Manage an offer through the signed link in every mail: see it, change everything, pause
and resume, set the open places, withdraw."""
from dataclasses import replace

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from web import clock
from web.access import manage_link
from web.extensions import limiter
from web.refusals import flash_refusal
from web.services import workpost_manage, workpost_withdraw
from web.services.workpost_rules import most_open_places, places_taken
from web.signup import bp, links, mails
from web.signup.forms import ActionForm, EditForm, PlacesForm, WithdrawForm, edit_data
from web.signup.view_helpers import geocoded, link_problem, place_context, vocabulary


def _load(token: str):
    g.private_page = True  # contact details: never cached
    return links.load(links.MANAGE, token)


def _back(token: str):
    return redirect(url_for("signup.manage", token=token))


@bp.get("/mijn-aanbod/<token>")
@manage_link
def manage(token: str):
    try:
        workpost = _load(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    return render_template("signup/manage.html", workpost=workpost, token=token,
                           action_form=ActionForm(),
                           places_form=PlacesForm(capacity=most_open_places(workpost),
                                                  data={"open_places": workpost.open_places}),
                           taken=places_taken(workpost.id),
                           pending=workpost_manage.pending(workpost),
                           **vocabulary())


@bp.route("/mijn-aanbod/<token>/wijzigen", methods=["GET", "POST"])
@limiter.limit("60 per hour", methods=["POST"])
@manage_link
def edit(token: str):
    try:
        workpost = _load(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    if not workpost_manage.can_edit(workpost):
        return _back(token)
    legal_form = request.form.get("legal_form") or workpost.legal_form
    if request.method == "POST":
        form = EditForm(legal_form=legal_form, today=clock.today())
    else:  # a change that waits for review is what the business sees and edits further
        data = edit_data(workpost)
        proposed = workpost_manage.pending_values(workpost_manage.pending(workpost))
        data.update({name: value for name, value in proposed.items() if name in data})
        form = EditForm(legal_form=legal_form, today=clock.today(), data=data)
    if not form.validate_on_submit():
        status = 400 if form.errors else 200
        return render_template("signup/edit.html", form=form, workpost=workpost, token=token,
                               legal_form=legal_form, **place_context(form.postcode.data),
                               **vocabulary()), status
    old_email = workpost.contact_email
    values = {name: form[name].data for name in workpost_manage.EDITABLE if name in form}
    if "transport_provided" not in (values.get("offers") or []):
        values["transport_radius_km"] = None
    values["website"] = values.get("website") or None
    location = form.place
    if (values.get("street"), location.postcode) != (workpost.street, workpost.postcode):
        location = geocoded(location, values.get("street"))
    else:  # same address: keep the coordinates found before
        location = replace(location, lat=workpost.lat, lon=workpost.lon)
    edit = workpost_manage.update(workpost, values, location, clock.now())
    if edit.pending and edit.fields:
        flash(_("Je wijziging wacht op een controle. Tot dan blijft je aanbod online zoals "
                "het was."), "success")
        return _back(token)
    changed = edit.fields
    if "contact_email" in changed:
        mails.email_changed(workpost, old_email)
        mails.received_new_link(workpost)
        return render_template("signup/email_changed.html", workpost=workpost)
    flash(_("Je wijzigingen zijn bewaard.") if changed else _("Er was niets gewijzigd."),
          "success")
    return _back(token)


def _status_action(token: str, action, done_message):
    try:
        workpost = _load(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    if not ActionForm().validate_on_submit():
        return _back(token)
    try:
        action(workpost)
    except workpost_manage.NotAllowedNow as error:
        flash_refusal(error)
        return _back(token)
    flash(done_message(), "success")
    return _back(token)


@bp.post("/mijn-aanbod/<token>/pauzeren")
@manage_link
def pause(token: str):
    return _status_action(token, workpost_manage.pause,
                          lambda: _("Je aanbod staat op pauze. Begeleiders zien het nu niet."))


@bp.post("/mijn-aanbod/<token>/hervatten")
@manage_link
def resume(token: str):
    return _status_action(token, workpost_manage.resume,
                          lambda: _("Je aanbod staat weer online."))


@bp.post("/mijn-aanbod/<token>/plaatsen")
@manage_link
def places(token: str):
    try:
        workpost = _load(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    form = PlacesForm(capacity=most_open_places(workpost))
    if not form.validate_on_submit() or not workpost_manage.can_edit(workpost):
        return render_template("signup/manage.html", workpost=workpost, token=token,
                               action_form=ActionForm(), places_form=form,
                               taken=places_taken(workpost.id),
                               pending=workpost_manage.pending(workpost),
                               **vocabulary()), 400
    workpost_manage.set_open_places(workpost, form.open_places.data)
    flash(_("Het aantal vrije plaatsen is bewaard."), "success")
    return _back(token)


@bp.route("/mijn-aanbod/<token>/intrekken", methods=["GET", "POST"])
@manage_link
def withdraw(token: str):
    try:
        workpost = _load(token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    if workpost.status not in workpost_withdraw.WITHDRAWABLE:
        return _back(token)
    form = WithdrawForm()
    if not form.validate_on_submit():
        return render_template("signup/withdraw.html", form=form, workpost=workpost,
                               token=token), 400 if form.errors else 200
    notices = workpost_withdraw.withdraw(workpost, form.reason.data, clock.now())
    mails.withdrawn(workpost)
    mails.supervisors_told(workpost, notices)
    flash(_("Je aanbod is ingetrokken. Bedankt dat je wilde meedoen."), "success")
    return _back(token)
