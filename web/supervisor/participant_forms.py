"""Forms for a participant's profile, consent and erasure."""
from flask_babel import lazy_gettext as _l
from wtforms import (DateField, FloatField, IntegerField, RadioField, SelectField,
                     StringField, TextAreaField)
from wtforms.validators import (DataRequired, Length, NumberRange, Optional,
                                ValidationError)

from web import minimisation
from web.forms import BaseForm, MultiCheckboxField
from web.models.choices import GOALS, WORKPOST_SHARE
from web.place_input import validate_place
from web.supervisor import vocab
from web.labels import label
from web.refusals import text as error_text


def participant_code(form, field):
    """A code that names nobody (web/minimisation.py says why)."""
    problem = minimisation.code_problem((field.data or "").strip())
    if problem:
        raise ValidationError(error_text(problem))


def no_health_words(form, field):
    """Free text about a participant: the support needed, never a diagnosis or medication."""
    words = minimisation.health_words(field.data)
    if words:
        raise ValidationError(_l(
            "Schrijf geen diagnose of medicatie (we vonden: %(words)s). Schrijf liever welke "
            "steun de deelnemer nodig heeft, bijvoorbeeld: een rustige plek, korte opdrachten.",
            words=", ".join(words)))


class ParticipantForm(BaseForm):
    reference = StringField(_l("Code van de deelnemer"), validators=[
        DataRequired(_l("Vul een code in.")), Length(max=40, message=_l("Maximaal 40 tekens.")),
        participant_code])
    postcode = StringField(_l("Postcode of gemeente van de woonplaats"), validators=[
        DataRequired(_l("Vul de postcode of de gemeente in.")), Length(max=60)])
    travel_modes = MultiCheckboxField(_l("Hoe kan de deelnemer reizen?"))
    max_minutes = IntegerField(_l("Hoe lang mag de reis maximaal duren? (minuten)"), validators=[
        Optional(), NumberRange(5, 180, _l("Kies tussen 5 en 180 minuten."))])
    max_km = FloatField(_l("Hoe ver mag de werkpost maximaal liggen? (km in vogelvlucht)"),
                        validators=[Optional(),
                                    NumberRange(0.5, 100, _l("Kies tussen 0,5 en 100 km."))])
    interests = MultiCheckboxField(_l("Wat doet de deelnemer graag?"))
    interests_text = TextAreaField(_l("Interesses in eigen woorden"), validators=[
        Optional(), Length(max=1000, message=_l("Maximaal 1000 tekens.")), no_health_words])
    avoid = MultiCheckboxField(_l("Wat wil de deelnemer liever niet doen?"))
    needs = MultiCheckboxField(_l("Wat heeft de deelnemer zeker nodig?"))
    wishes = MultiCheckboxField(_l("Wat zou mooi meegenomen zijn?"))
    availability = MultiCheckboxField(_l("Wanneer kan de deelnemer werken?"))
    hours_per_week = FloatField(_l("Hoeveel uur per week?"), validators=[
        Optional(), NumberRange(1, 38, _l("Kies tussen 1 en 38 uur."))])
    goal = RadioField(_l("Doel"), validators=[DataRequired(_l("Kies een doel."))],
                      default="meaningful_activity")
    supervisor_id = SelectField(_l("Begeleider"), coerce=int)

    def __init__(self, staff, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.travel_modes.choices = vocab.modes()
        self.interests.choices = self.avoid.choices = vocab.activities()
        self.needs.choices = self.wishes.choices = vocab.supports()
        self.availability.choices = vocab.slots()
        self.goal.choices = [(code, label(GOALS, code)) for code in GOALS]
        self.supervisor_id.choices = [(0, _l("Nog niemand"))] + [
            (user.id, user.name or user.email) for user in staff]

    place = None

    def validate_postcode(self, field):
        self.place = validate_place(field)

    def values(self) -> dict:
        data = {name: getattr(self, name).data for name in (
            "reference", "postcode", "travel_modes", "max_minutes", "max_km", "interests",
            "interests_text", "avoid", "needs", "wishes", "availability", "hours_per_week",
            "goal")}
        data["interests_text"] = (data["interests_text"] or "").strip()
        if self.place is not None:  # a place name becomes its postcode
            data["postcode"] = self.place.postcode
        data["supervisor_id"] = self.supervisor_id.data or None
        return data


class ConsentForm(BaseForm):
    processed = TextAreaField(_l("Welke gegevens mogen we bijhouden?"), validators=[
        DataRequired(_l("Schrijf op welke gegevens.")), Length(max=2000)],
        default="Postcode, hoe de deelnemer reist, interesses, wat de deelnemer nodig heeft, "
                "beschikbaarheid en de plaatsingen.")
    shared_with = TextAreaField(_l("Met wie mogen we ze delen?"), validators=[
        DataRequired(_l("Schrijf met wie.")), Length(max=2000)],
        default="De werkposten waar we kennismaken of starten, alleen wat nodig is voor het werk.")
    purpose = TextAreaField(_l("Waarom?"), validators=[Optional(), Length(max=2000)],
                            default="Om een passende werkpost te zoeken en de deelnemer "
                                    "daar te begeleiden.")
    given_on = DateField(_l("Datum van de toestemming"), validators=[
        DataRequired(_l("Vul een geldige datum in."))])
    workpost_share = MultiCheckboxField(
        _l("Wat mag een werkpost weten als je contact opneemt?"),
        choices=lambda: [(code, label(WORKPOST_SHARE, code)) for code in WORKPOST_SHARE])


class EraseForm(BaseForm):
    confirm = StringField(_l("Typ de code van de deelnemer om te bevestigen"), validators=[
        DataRequired(_l("Typ de code van de deelnemer."))])
