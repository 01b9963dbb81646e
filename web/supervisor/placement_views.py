"""Placements: the organisation's list and CSV, one placement's pipeline, changes, cadence."""
import io
from types import SimpleNamespace

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from web.infra import csvfile
from web.access import supervisor
from web import clock
from web.models.choices import PLACEMENT_STATUSES, STOP_REASONS
from web import matching
from web.labels import label
from web.services import contact_requests, evaluations, pipeline, placements
from web.services.evaluations import EvaluationError
from web.services.placements import PlacementError
from web.refusals import on_form
from web.supervisor import bp
from web.supervisor.contact_forms import contact_form
from web.supervisor.placement_forms import CadenceForm, ChangeForm, MoveForm
from web.supervisor.scope import me, organisation_id, placement_or_404, read_people
from web.infra.transaction import retry_on_lock
from web.services import audit


@bp.get("/plaatsingen")
@supervisor
def placements_list():
    status = request.args.get("stap", "")
    status = status if status in PLACEMENT_STATUSES else ""
    rows = placements.listing(organisation_id(), status or None)
    read_people([p.participant_id for p in rows])
    return render_template("supervisor/placements.html", rows=rows, status=status)


@bp.get("/plaatsingen.csv")
@supervisor
def placements_csv():
    out = io.StringIO()
    writer = csvfile.writer(out, delimiter=";")
    # Codes for spreadsheets and other tools, each with its label beside it for people.
    writer.writerow(["plaatsing", "deelnemer", "werkpost", "gemeente", "stap", "stap_label",
                     "uren_per_week", "start", "einde", "reden_stop", "reden_stop_label",
                     "werd_plaatsing"])
    rows = placements.listing(organisation_id())
    read_people([p.participant_id for p in rows])
    for p in rows:
        writer.writerow([p.id, p.participant.reference, p.workpost.name, p.workpost.municipality,
                         p.status, label(PLACEMENT_STATUSES, p.status), p.hours_per_week or "",
                         p.start_date or "", p.end_date or "", p.stop_reason or "",
                         label(STOP_REASONS, p.stop_reason) if p.stop_reason else "",
                         "" if p.became_placement is None
                         else ("ja" if p.became_placement else "nee")])
    audit.record("placements.exported", "organisation", organisation_id(), actor=me())
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="plaatsingen.csv"'})


MAX_FOUND = 10  # search results offered at once; a narrower search finds the rest


def _search_text() -> str:
    return request.args.get("werkpost", "").strip()[:60]


def _workpost_choices(placement, query: str = "", chosen: int | None = None):
    """The few workposts offered in the change form, instead of every visible one: the
    current one, then the participant's shortlist, then what was searched for (and, after a
    refused save, the one that was chosen)."""
    organisation = me().organisation
    current = placement.workpost
    listed = [p.workpost for p in placements.for_participant(placement.participant)
              if p.id != placement.id and p.status == "shortlisted"
              and matching.visible_workpost(organisation, p.workpost_id) is not None]
    found = matching.search_visible(organisation, query, MAX_FOUND) if query else []
    extra = [] if chosen in (None, current.id) else \
        [w for w in [matching.visible_workpost(organisation, chosen)] if w is not None]
    choices, seen = [(current.id, _("%(name)s (%(place)s), nu", name=current.name,
                                    place=current.municipality))], {current.id}
    for post, note in [*((w, _("op de shortlist")) for w in listed),
                       *((w, "") for w in [*found, *extra])]:
        if post.id not in seen:
            seen.add(post.id)
            choices.append((post.id, f"{post.name} ({post.municipality})"
                            + (f", {note}" if note else "")))
    return choices, found


def _change_form(placement, submitted: bool):
    # The note starts empty: the shortlist's note is the placement's, not this change's.
    start = SimpleNamespace(hours_per_week=placement.hours_per_week, tasks=placement.tasks,
                            workpost_id=placement.workpost_id)
    return ChangeForm(prefix="change", obj=start) if not submitted else \
        ChangeForm(prefix="change")


def _page(placement, move=None, change=None, cadence=None, status=200, contact=None):
    move = move or MoveForm(placement.status, prefix="move")
    change = change or _change_form(placement, submitted=False)
    query = _search_text()
    change.workpost_id.choices, found = _workpost_choices(placement, query,
                                                          change.workpost_id.data)
    if change.workpost_id.data is None:
        change.workpost_id.data = placement.workpost_id
    cadence = cadence or CadenceForm(prefix="cadence")
    pending = evaluations.open_evaluation(placement)
    if not cadence.is_submitted():
        cadence.months.data = placement.evaluation_interval_months
        cadence.next_due.data = pending.due_on if pending else None
    if not move.is_submitted():
        move.on_date.data = clock.today()
        move.status.data = ""  # no step preselected: the supervisor chooses (issue 15)
        change.on_date.data = clock.today()
    if contact is None and placement.status in contact_requests.SENDABLE:
        contact = contact_form(placement)
    return render_template("supervisor/placement.html", placement=placement, move=move,
                           contact=contact, requests=contact_requests.for_placement(placement),
                           concerns=contact_requests.concerns_of(placement),
                           change=change, cadence=cadence, pending=pending,
                           pipeline=placements.PIPELINE, query=query, found=found,
                           max_found=MAX_FOUND,
                           counts=placements.workpost_counts([placement.workpost_id])), status


@bp.get("/plaatsingen/<int:placement_id>")
@supervisor
def placement(placement_id: int):
    return _page(placement_or_404(placement_id))


@bp.post("/plaatsingen/<int:placement_id>/stap")
@supervisor
def placement_move(placement_id: int):
    placement = placement_or_404(placement_id)
    form = MoveForm(placement.status, prefix="move")
    if not form.validate_on_submit():
        # every error at once: the pipeline's own refusals beside the form's
        if form.status.data and not form.status.errors:
            for code, field in pipeline.problems(
                    placement, form.status.data, form.on_date.data,
                    skip_reason=form.skip_reason.data or "",
                    confirm_early=bool(form.confirm_early.data),
                    stop_reason=form.stop_reason.data or None,
                    known_stop_reasons=STOP_REASONS):
                on_form(form, PlacementError(code, field), roll_back=False)
        return _page(placement, move=form, status=422)

    def act():
        fresh = placement_or_404(placement_id)
        placements.move(fresh, form.status.data, me(), form.on_date.data, form.note.data or "",
                        form.stop_reason.data or None, skip_reason=form.skip_reason.data or "",
                        confirm_early=bool(form.confirm_early.data))

    try:
        retry_on_lock(act)
    except PlacementError as error:
        on_form(form, error)
        placement = placement_or_404(placement_id)
        return _page(placement, move=form, status=409 if error.code == "no_place" else 422)
    flash(_("De stap is bewaard."), "success")
    return redirect(url_for("supervisor.placement", placement_id=placement_id))


@bp.post("/plaatsingen/<int:placement_id>/wijziging")
@supervisor
def placement_change(placement_id: int):
    placement = placement_or_404(placement_id)
    form = _change_form(placement, submitted=True)
    valid = form.validate_on_submit()
    workpost = None
    chosen = form.workpost_id.data
    if chosen is not None and chosen != placement.workpost_id and not form.workpost_id.errors:
        workpost = matching.visible_workpost(me().organisation, chosen)
        if workpost is None:  # every error at once: this one beside the form's own
            on_form(form, PlacementError("not_visible", "workpost_id"), roll_back=False)
            form.workpost_id.data = None
    if not valid or form.workpost_id.errors:
        return _page(placement, change=form, status=422)

    def act():
        fresh = placement_or_404(placement_id)
        return placements.change(fresh, me(), form.on_date.data, form.note.data or "",
                                 hours_per_week=form.hours_per_week.data,
                                 tasks=form.tasks.data, workpost=workpost)

    try:
        retry_on_lock(act)
    except PlacementError as error:
        on_form(form, error)
        return _page(placement_or_404(placement_id), change=form, status=422)
    flash(_("De wijziging is bewaard."), "success")
    return redirect(url_for("supervisor.placement", placement_id=placement_id))


@bp.post("/plaatsingen/<int:placement_id>/ritme")
@supervisor
def placement_cadence(placement_id: int):
    placement = placement_or_404(placement_id)
    form = CadenceForm(prefix="cadence")
    if form.validate_on_submit():
        try:
            evaluations.set_cadence(placement, form.months.data, me(), form.next_due.data,
                                    clock.today())
        except EvaluationError as error:
            on_form(form, error)
        else:
            flash(_("Het ritme van de evaluaties is bewaard."), "success")
            return redirect(url_for("supervisor.placement", placement_id=placement_id))
    return _page(placement_or_404(placement_id), cadence=form, status=422)


