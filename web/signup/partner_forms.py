"""The business's forms as a partner: its answer to a contact request, and a concern."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from web.forms import BaseForm
from web.labels import choices
from web.models.choices import CONCERN_CATEGORIES, CONTACT_ANSWERS, NOT_NOW_REASONS


class AnswerForm(BaseForm):
    answer = RadioField(_l("Je antwoord"), choices=lambda: choices(CONTACT_ANSWERS),
                        validators=[DataRequired(_l("Kies een antwoord."))])
    # The proposed times are set per request; "" is "none of these, another moment".
    chosen = RadioField(_l("Welk moment past?"), validate_choice=False, validators=[Optional()])
    other_time = StringField(_l("Past geen enkel moment? Schrijf wanneer het wel kan"),
                             validators=[Optional(), Length(max=200)])
    reason = RadioField(_l("Waarom nu niet?"), choices=lambda: choices(NOT_NOW_REASONS),
                        validate_choice=False, validators=[Optional()])
    note = TextAreaField(_l("Wil je nog iets zeggen? (niet verplicht)"),
                         validators=[Optional(), Length(max=2000)])


class ConcernForm(BaseForm):
    # The people at this workpost; the view checks the one chosen is really here.
    placement = RadioField(_l("Over wie gaat het?"), coerce=int, validate_choice=False,
                           validators=[DataRequired(_l("Kies over wie het gaat."))])
    category = RadioField(_l("Wat is er aan de hand?"), choices=lambda: choices(CONCERN_CATEGORIES),
                          validators=[DataRequired(_l("Kies wat er aan de hand is."))])
    note = TextAreaField(_l("Vertel kort wat er gebeurde (niet verplicht)"),
                         validators=[Optional(), Length(max=2000)])
