"""Forms for the placement pipeline, changes, the evaluation cadence and the agreement."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, FloatField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from web.models.choices import PLACEMENT_STATUSES, STOP_REASONS
from web.services.evaluations import CADENCES
from web.labels import label


class MoveForm(FlaskForm):
    status = SelectField(_l("Nieuwe stap"))
    on_date = DateField(_l("Datum"), validators=[DataRequired(_l("Vul een geldige datum in."))])
    # Checked by the service (it is only needed when ending), so no choice validation here.
    stop_reason = SelectField(_l("Reden van stoppen (alleen bij beëindigen)"),
                              validate_choice=False)
    note = TextAreaField(_l("Notitie (niet verplicht)"), validators=[Optional(), Length(max=2000)])

    def __init__(self, current: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [(code, label(PLACEMENT_STATUSES, code))
                               for code in PLACEMENT_STATUSES if code != current]
        self.stop_reason.choices = [("", _l("Kies een reden"))] + [
            (code, label(STOP_REASONS, code)) for code in STOP_REASONS]


class ChangeForm(FlaskForm):
    hours_per_week = FloatField(_l("Uren per week"), validators=[
        Optional(), NumberRange(1, 38, _l("Kies tussen 1 en 38 uur."))])
    tasks = TextAreaField(_l("Taken"), validators=[Optional(), Length(max=2000)])
    workpost_id = SelectField(_l("Werkpost"), coerce=int)
    on_date = DateField(_l("Vanaf"), validators=[DataRequired(_l("Vul een geldige datum in."))])
    note = TextAreaField(_l("Notitie (niet verplicht)"), validators=[Optional(), Length(max=2000)])


class CadenceForm(FlaskForm):
    months = SelectField(_l("Daarna evalueren om de"), coerce=int,
                         choices=[SelectChoice(m, _l("%(n)s maanden", n=m)) for m in CADENCES])
    next_due = DateField(_l("Datum van de volgende evaluatie"), validators=[Optional()])
