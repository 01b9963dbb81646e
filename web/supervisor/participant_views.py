"""Participants: list, intake, profile, consent, export, erasure."""
import json

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from matcher import codes
from web.access import supervisor
from web import clock
from web.labels import label
from web.services import evaluations, participants, placements
from web.services.participants import ParticipantError
from web.matching.suggest import suggestions
from web.supervisor import bp, vocab
from web.refusals import flash_refusal, form_status, on_form
from web.refusals import text as error_text
from web.supervisor.participant_forms import ConsentForm, EraseForm, ParticipantForm
from web.supervisor.scope import me, organisation_id, participant_or_404, purpose


def add_service_problems(form, person=None) -> None:
    """After a refused form, the service's own refusals too, so every error shows at once
    (fields that already have a message keep only theirs)."""
    if request.method != "POST":
        return
    for problem in participants.problems(form.values(), organisation_id(),
                                         person.id if person else None):
        field = getattr(form, problem.field, None)
        if field is not None and not field.errors:
            on_form(form, problem, roll_back=False)  # nothing was written to undo


@bp.get("/deelnemers")
@supervisor
def participants_list():
    mine = request.args.get("van") == "mij"
    search = request.args.get("zoek", "").strip()[:40]
    people = participants.read_list(by=me(), purpose=purpose(),
                                    supervisor_id=me().id if mine else None, search=search)
    return render_template("supervisor/participants.html", people=people, mine=mine,
                           search=search)


@bp.route("/deelnemers/nieuw", methods=["GET", "POST"])
@supervisor
def participant_new():
    form = ParticipantForm(participants.staff_of(organisation_id()))
    if request.method == "GET":
        form.supervisor_id.data = me().id
    if form.validate_on_submit():
        try:
            person = participants.create(organisation_id(), form.values(), me())
        except ParticipantError as error:
            on_form(form, error)
        else:
            flash(_("De deelnemer is bewaard. Leg nu de toestemming vast."), "success")
            return redirect(url_for("supervisor.consent", participant_id=person.id))
    else:
        add_service_problems(form)
    return render_template("supervisor/participant_form.html", form=form, person=None,
                           explain=vocab.support_explanations()), form_status(form)


@bp.get("/deelnemers/<int:participant_id>")
@supervisor
def participant(participant_id: int):
    person = participant_or_404(participant_id)
    refusal = participants.matching_refusal(person)
    offered = [] if person.status == "frozen" else suggestions(
        person.interests_text, [*(person.interests or []), *(person.avoid or [])])
    return render_template("supervisor/participant.html", person=person, suggestions=offered,
                           placements=placements.for_participant(person), refusal=refusal,
                           refusal_text=error_text(refusal) if refusal else "",
                           open_evaluation=evaluations.open_evaluation,
                           labels=vocab.labels())


@bp.post("/deelnemers/<int:participant_id>/interesse")
@supervisor
def add_interest(participant_id: int):
    """A suggestion from the person's own words, confirmed with its button."""
    person = participant_or_404(participant_id)
    code = request.form.get("code", "")
    try:
        participants.add_interest(person, code, me())
    except ParticipantError as error:
        flash_refusal(error)
    else:
        flash(_("Toegevoegd aan de interesses: %(label)s.",
                label=label(codes.ACTIVITY_LABELS, code)), "success")
    return redirect(url_for("supervisor.participant", participant_id=person.id))


@bp.route("/deelnemers/<int:participant_id>/bewerken", methods=["GET", "POST"])
@supervisor
def participant_edit(participant_id: int):
    person = participant_or_404(participant_id)
    if person.status == "frozen":
        flash(error_text("frozen"), "error")
        return redirect(url_for("supervisor.participant", participant_id=person.id))
    form = ParticipantForm(participants.staff_of(organisation_id()), obj=person)
    if request.method == "GET":
        form.supervisor_id.data = person.supervisor_id or 0
    if form.validate_on_submit():
        try:
            changed = participants.update(person, form.values(), me())
        except ParticipantError as error:
            on_form(form, error)
        else:
            if "postcode" in changed:
                # A move can make a workpost hard to reach: offer a new search.
                flash(_("De deelnemer verhuisde. Zoek opnieuw naar werkposten in de buurt."),
                      "success")
                return redirect(url_for("supervisor.find", participant_id=person.id))
            flash(_("De wijzigingen zijn bewaard."), "success")
            return redirect(url_for("supervisor.participant", participant_id=person.id))
    else:
        add_service_problems(form, person)
    return render_template("supervisor/participant_form.html", form=form, person=person,
                           explain=vocab.support_explanations()), form_status(form)


@bp.route("/deelnemers/<int:participant_id>/toestemming", methods=["GET", "POST"])
@supervisor
def consent(participant_id: int):
    person = participant_or_404(participant_id)
    form = ConsentForm()
    if request.method == "GET":
        form.given_on.data = clock.today()
    if form.validate_on_submit():
        try:
            participants.record_consent(
                person, me(), processed=form.processed.data, shared_with=form.shared_with.data,
                purpose=form.purpose.data or "", given_on=form.given_on.data,
                today=clock.today(), workpost_share=form.workpost_share.data or [])
        except ParticipantError as error:
            on_form(form, error)
        else:
            flash(_("De toestemming is vastgelegd. Je kan nu werkposten zoeken."), "success")
            return redirect(url_for("supervisor.participant", participant_id=person.id))
    return render_template("supervisor/consent.html", form=form, person=person), form_status(form)


@bp.post("/deelnemers/<int:participant_id>/toestemming/intrekken")
@supervisor
def consent_withdraw(participant_id: int):
    person = participant_or_404(participant_id)
    try:
        participants.withdraw_consent(person, me(), clock.now())
    except ParticipantError as error:
        flash_refusal(error)
    else:
        flash(_("De toestemming is ingetrokken. Het profiel is nu bevroren."), "success")
    return redirect(url_for("supervisor.participant", participant_id=person.id))


@bp.get("/deelnemers/<int:participant_id>/gegevens.json")
@supervisor
def participant_export(participant_id: int):
    person = participant_or_404(participant_id)
    data = participants.export(person, me())
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="deelnemer-{person.id}.json"'})


@bp.get("/deelnemers/<int:participant_id>/afdrukken")
@supervisor
def participant_print(participant_id: int):
    person = participant_or_404(participant_id)
    data = participants.export(person, me())
    return render_template("supervisor/participant_print.html", person=person, data=data,
                           labels=vocab.labels())


@bp.route("/deelnemers/<int:participant_id>/wissen", methods=["GET", "POST"])
@supervisor
def participant_erase(participant_id: int):
    person = participant_or_404(participant_id)
    form = EraseForm()
    if form.validate_on_submit():
        if form.confirm.data.strip() != person.reference:
            form.confirm.errors.append(_("Dit is niet de code van deze deelnemer."))
        else:
            participants.erase(person, me())
            flash(_("Alle gegevens van de deelnemer zijn gewist."), "success")
            return redirect(url_for("supervisor.participants_list"))
    return render_template("supervisor/erase.html", form=form, person=person), form_status(form)
