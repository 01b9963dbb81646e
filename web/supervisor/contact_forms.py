"""The contact request a supervisor sends a workpost from a shortlist entry."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, FloatField, StringField, TextAreaField, TimeField
from wtforms.validators import Length, NumberRange, Optional

from matcher import codes
from web.forms import BaseForm, MultiCheckboxField
from web.labels import label
from web.supervisor.participant_forms import no_health_words


class ContactForm(BaseForm):
    tasks = TextAreaField(_l("Welke taken vraag je?"), validators=[
        Optional(), Length(max=2000), no_health_words])
    hours_per_week = FloatField(_l("Uren per week"), validators=[
        Optional(), NumberRange(1, 38, _l("Kies tussen 1 en 38 uur."))])
    slots = MultiCheckboxField(_l("Welke halve dagen?"), choices=lambda: [
        (code, label(codes.SLOT_LABELS, code)) for code in codes.SLOT_LABELS])
    start_on = DateField(_l("Mogelijke startdatum (niet verplicht)"), validators=[Optional()])
    date_1 = DateField(_l("Moment 1: datum"), validators=[Optional()])
    time_1 = TimeField(_l("Moment 1: uur"), validators=[Optional()])
    date_2 = DateField(_l("Moment 2: datum (niet verplicht)"), validators=[Optional()])
    time_2 = TimeField(_l("Moment 2: uur"), validators=[Optional()])
    date_3 = DateField(_l("Moment 3: datum (niet verplicht)"), validators=[Optional()])
    time_3 = TimeField(_l("Moment 3: uur"), validators=[Optional()])
    first_name = StringField(_l("Voornaam (alleen met toestemming)"), validators=[
        Optional(), Length(max=60)])
    phone = StringField(_l("Telefoonnummer (alleen met toestemming)"), validators=[
        Optional(), Length(max=40)])

    def times(self) -> list:
        """The proposed (date, time) pairs; a date without an hour (or the other way round)
        is an error next to the half that is missing."""
        found = []
        for n in (1, 2, 3):
            day, at = self[f"date_{n}"], self[f"time_{n}"]
            if day.data and at.data:
                found.append((day.data, at.data))
            elif day.data and not at.errors:
                at.errors = [*at.errors, _l("Vul ook het uur in.")]
            elif at.data and not day.errors:
                day.errors = [*day.errors, _l("Vul ook de datum in.")]
        return found


def contact_form(placement, submitted: bool = False) -> ContactForm:
    """Filled in from the placement: its tasks and hours, the half-days both sides share."""
    if submitted:
        return ContactForm(prefix="contact")
    shared = [s for s in placement.participant.availability or []
              if s in (placement.workpost.schedule or [])]
    return ContactForm(prefix="contact", data={
        "tasks": placement.tasks, "hours_per_week": placement.hours_per_week,
        "slots": shared or list(placement.participant.availability or [])})
