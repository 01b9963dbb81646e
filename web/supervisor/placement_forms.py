"""Forms for the placement pipeline, changes, the evaluation cadence and the agreement."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, FloatField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from web.forms import BaseForm
from web.models.choices import PLACEMENT_STATUSES, STOP_REASONS
from web.services.evaluations import CADENCES
from web.labels import label
from web.supervisor.participant_forms import no_health_words
from web.services.pipeline import natural_next


class MoveForm(BaseForm):
    # No step is preselected: the supervisor chooses one (issue 15).
    status = SelectField(_l("Nieuwe stap"), validators=[DataRequired(_l("Kies een stap."))])
    on_date = DateField(_l("Datum"), validators=[DataRequired(_l("Vul een geldige datum in."))])
    # Checked by the service (it is only needed when ending), so no choice validation here.
    stop_reason = SelectField(_l("Reden van stoppen (alleen bij beëindigen)"),
                              validate_choice=False)
    skip_reason = TextAreaField(
        _l("Waarom sla je een stap over of ga je terug? (alleen dan nodig)"),
        validators=[Optional(), Length(max=500, message=_l("Maximaal 500 tekens.")),
                    no_health_words])
    confirm_early = BooleanField(_l("Ja, de deelnemer start vroeger dan de werkpost "
                                    "beschikbaar is"))
    note = TextAreaField(_l("Notitie (niet verplicht)"), validators=[
        Optional(), Length(max=2000), no_health_words])

    def __init__(self, current: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        following = natural_next(current)
        # The usual next steps first, then the others (which need a reason).
        ordered = [c for c in PLACEMENT_STATUSES if c in following] + \
            [c for c in PLACEMENT_STATUSES if c not in following and c != current]
        self.status.choices = [("", _l("Kies een stap"))] + [
            (code, label(PLACEMENT_STATUSES, code)) for code in ordered]
        self.stop_reason.choices = [("", _l("Kies een reden"))] + [
            (code, label(STOP_REASONS, code)) for code in STOP_REASONS]


class WorkpostChoice(RadioField):
    """A workpost id from the few offered (the current one, the shortlist, what was searched).
    The view checks that the organisation may see the one chosen, so no choice check here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, coerce=int, validate_choice=False, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Kies een werkpost uit de lijst.")) from error


class ChangeForm(BaseForm):
    hours_per_week = FloatField(_l("Uren per week"), validators=[
        Optional(), NumberRange(1, 38, _l("Kies tussen 1 en 38 uur."))])
    tasks = TextAreaField(_l("Taken"), validators=[Optional(), Length(max=2000), no_health_words])
    workpost_id = WorkpostChoice(_l("Werkpost"))
    on_date = DateField(_l("Vanaf"), validators=[DataRequired(_l("Vul een geldige datum in."))])
    note = TextAreaField(_l("Notitie (niet verplicht)"), validators=[
        Optional(), Length(max=2000), no_health_words])


class CadenceForm(BaseForm):
    months = SelectField(_l("Daarna evalueren om de"), coerce=int,
                         choices=[SelectChoice(m, _l("%(n)s maanden", n=m)) for m in CADENCES])
    next_due = DateField(_l("Datum van de volgende evaluatie"), validators=[Optional()])
