"""Evaluations: what is due and overdue, and a light form to record one."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from web import clock
from web.access import supervisor
from web.forms import BaseForm
from web.services import evaluations
from web.services.evaluations import EvaluationError
from web.supervisor import bp
from web.refusals import form_status, on_form
from web.supervisor.participant_forms import no_health_words
from web.supervisor.scope import evaluation_or_404, me, organisation_id, read_people

SCORE_FIELDS = ("satisfaction_workpost", "satisfaction_guidance", "satisfaction_hours",
                "satisfaction_tasks")


def _scale():
    return [SelectChoice("1", _l("1 · niet tevreden")), SelectChoice("2"),
            SelectChoice("3", _l("3 · gaat wel")), SelectChoice("4"),
            SelectChoice("5", _l("5 · heel tevreden"))]


def _score(text: str):
    return RadioField(text, choices=_scale(), validators=[Optional()])


class EvaluationForm(BaseForm):
    done_on = DateField(_l("Datum van het gesprek"), validators=[
        DataRequired(_l("Vul een geldige datum in."))])
    satisfaction_workpost = _score(_l("Hoe tevreden is de deelnemer over de werkpost?"))
    satisfaction_guidance = _score(_l("Over de begeleiding?"))
    # hours and tasks are asked too, but only the two above are required (CORE_SCORES)
    satisfaction_hours = _score(_l("Over de uren?"))
    satisfaction_tasks = _score(_l("Over de taken?"))
    notes = TextAreaField(_l("Wat zegt de deelnemer zelf? En de werkpost?"), validators=[
        Optional(), Length(max=4000, message=_l("Maximaal 4000 tekens.")), no_health_words])
    agreements = TextAreaField(_l("Nieuwe afspraken"), validators=[
        Optional(), Length(max=4000), no_health_words])


@bp.get("/evaluaties")
@supervisor
def evaluations_due():
    today = clock.today()
    rows = evaluations.due(organisation_id(), today)
    read_people([row.placement.participant_id for row in rows])
    return render_template("supervisor/evaluations.html", rows=rows, today=today)


@bp.route("/evaluaties/<int:evaluation_id>", methods=["GET", "POST"])
@supervisor
def evaluation(evaluation_id: int):
    item = evaluation_or_404(evaluation_id)
    form = EvaluationForm(obj=item)
    if not form.is_submitted():
        form.done_on.data = item.done_on or clock.today()
        for name in SCORE_FIELDS:
            value = getattr(item, name)
            getattr(form, name).data = str(value) if value else None
    if form.validate_on_submit() and item.done_on is None:
        scores = {name: int(getattr(form, name).data) if getattr(form, name).data else None
                  for name in SCORE_FIELDS}
        try:
            following = evaluations.complete(
                item, me(), done_on=form.done_on.data, today=clock.today(), scores=scores,
                notes=form.notes.data or "", agreements=form.agreements.data or "")
        except EvaluationError as error:
            on_form(form, error)
        else:
            if following is not None:
                flash(_("De evaluatie is bewaard. De volgende is gepland op %(day)s.",
                        day=following.due_on.strftime("%d/%m/%Y")), "success")
            else:
                flash(_("De evaluatie is bewaard."), "success")
            return redirect(url_for("supervisor.placement", placement_id=item.placement_id))
    elif form.is_submitted() and item.done_on is None and form.done_on.data is not None:
        # every error at once: the service's rules beside the form's own
        scores = {name: int(getattr(form, name).data)
                  if (getattr(form, name).data or "").isdigit() else None
                  for name in SCORE_FIELDS}
        for problem in evaluations.problems(item, done_on=form.done_on.data,
                                            today=clock.today(), scores=scores,
                                            notes=form.notes.data or ""):
            field = getattr(form, problem.field, None)
            if field is not None and not field.errors:
                on_form(form, problem, roll_back=False)  # nothing was written to undo
    status = form_status(form)
    return render_template("supervisor/evaluation.html", item=item, form=form,
                           today=clock.today()), status
