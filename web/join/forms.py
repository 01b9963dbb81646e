"""The application form of a recognised supervisor organisation."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, EmailField, SelectField, SelectMultipleField, StringField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Regexp

import geo
from web.forms import BaseForm, MultiCheckboxField
from web.labels import choices, place_name
from web.models.choices import ORGANISATION_TYPES
from web.place_input import validate_place

NUMBER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 ./-]{2,39}$"


def _place(form, field):
    form.place = validate_place(field)


class ApplicationForm(BaseForm):
    name = StringField(_l("Naam van de organisatie"), validators=[
        DataRequired(_l("Vul de naam van de organisatie in.")),
        Length(max=200, message=_l("Schrijf hoogstens 200 tekens."))])
    recognition_number = StringField(_l("Erkenningsnummer als begeleider AMA"), validators=[
        DataRequired(_l("Vul het erkenningsnummer in.")),
        Regexp(NUMBER_PATTERN, message=_l("Een erkenningsnummer heeft 3 tot 40 letters, "
                                          "cijfers of streepjes, bijvoorbeeld AMA-1234."))])
    org_type = SelectField(_l("Soort organisatie"), validators=[
        DataRequired(_l("Kies de soort organisatie."))])
    postcode = StringField(_l("Postcode of gemeente van de hoofdzetel"), validators=[
        DataRequired(_l("Vul de postcode of gemeente in.")), Length(max=60), _place])
    provinces = MultiCheckboxField(_l("Provincies waar jullie werken"))
    municipalities = SelectMultipleField(_l("Of alleen deze gemeenten"))
    contact_name = StringField(_l("Naam van de contactpersoon"), validators=[
        DataRequired(_l("Vul de naam van de contactpersoon in.")),
        Length(max=200, message=_l("Schrijf hoogstens 200 tekens."))])
    contact_email = EmailField(_l("E-mailadres van de contactpersoon"), validators=[
        DataRequired(_l("Vul een e-mailadres in.")),
        Email(_l("Dit is geen geldig e-mailadres.")), Length(max=254)])
    consent = BooleanField(_l("Ik mag deze organisatie vertegenwoordigen, en Werkpostwijzer "
                              "mag deze gegevens bewaren om de aanvraag na te kijken"),
                           validators=[DataRequired(_l("Vink dit aan om de aanvraag te "
                                                       "versturen."))])
    # Honeypot: hidden from people by CSS, bots fill it in.
    fax = StringField(_l("Laat dit veld leeg"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.place = None
        self.org_type.choices = [SelectChoice("", _l("Kies ..."))] + [
            SelectChoice(code, text) for code, text in choices(ORGANISATION_TYPES)]
        self.provinces.choices = [SelectChoice(p.code, place_name(p))
                                  for p in geo.provinces() if p.code in geo.SERVICE_PROVINCES]
        self.municipalities.choices = [SelectChoice(nis, name) for nis, name, province
                                       in geo.municipalities()
                                       if province in geo.SERVICE_PROVINCES]

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not (self.provinces.data or self.municipalities.data):
            self.provinces.errors = [*self.provinces.errors,
                                     _l("Kies minstens één provincie of gemeente.")]
            ok = False
        return ok
