"""The forms of the sign-up wizard and of the manage page.

Each wizard step is one small form; the edit form on the manage page is all of them at once.
Code lists (activities, support, half days) come from matcher.codes, so the choices are set
when a form is made, in the visitor's language.
"""
import re
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField,
                     StringField, TextAreaField)
from wtforms.validators import (DataRequired, Email, InputRequired, Length, NumberRange, Optional,
                                ValidationError)

from matcher.codes import ACTIVITY_LABELS, SLOTS, SUPPORT_LABELS
from web import kbo
from web.forms import BaseForm, MultiCheckboxField
from web.labels import choices
from web.models.choices import LEGAL_FORMS, WORKPOST_ORG_TYPES
from web.place_input import validate_place
from web.services.workpost_location import OutsideServiceArea, locate
from web.services.workpost_rules import needs_transport_radius

SIGNUP_LEGAL_FORMS = ("company", "non_profit", "public_body", "sole_trader",
                      "de_facto_association")
DESCRIPTION_MAX = 1200
TASKS_MAX = 600


def _pairs(labels: dict, codes=None) -> list[tuple[str, str]]:
    return choices(labels, codes)


class Number(IntegerField):
    """A whole number, with a plain message when something else was typed."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Vul een getal in, bijvoorbeeld 8.")) from error


class Day(DateField):
    """A date as a date picker sends it (2026-09-01) or as people type it (01/09/2026)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, format=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"], **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Dit is geen geldige datum. Bijvoorbeeld: 01/09/2026")) from error


class Choice(RadioField):
    def pre_validate(self, form):
        if self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Kies een van de mogelijkheden."))


class Choices(MultiCheckboxField):
    def pre_validate(self, form):
        allowed = {value for value, _label in self.choices}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError(_l("Kies enkel uit de mogelijkheden in de lijst."))


class HalfDays(Choices):
    """The half-day grid (signup/_grid.html) names each box after its slot: schedule-mon_am."""

    def option_id(self, value: str) -> str:
        return f"{self.id}-{value}"


def _strip(value):
    return value.strip() if isinstance(value, str) else value


# -- step 1: what kind of organisation ---------------------------------------------------

class LegalFormForm(BaseForm):
    legal_form = Choice(_l("Wat voor organisatie ben je?"),
                            validators=[InputRequired(_l("Kies wat voor organisatie je bent."))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.legal_form.choices = _pairs(LEGAL_FORMS, SIGNUP_LEGAL_FORMS)


# -- step 2: the organisation ------------------------------------------------------------

def _website(form, field):
    if not field.data:
        return
    text = field.data
    if not re.match(r"^https?://", text, re.I):
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced "[" that urlsplit reads as an IPv6 address
        parts = None
    if parts is None or " " in text or "." not in parts.netloc or parts.netloc.startswith("."):
        raise ValidationError(_l("Dit is geen geldig webadres. Bijvoorbeeld: www.bakkerijpeeters.be"))
    field.data = text


class OrganisationForm(BaseForm):
    enterprise_number = StringField(_l("Ondernemingsnummer"), filters=[_strip])
    name = StringField(_l("Naam van je zaak of organisatie"), filters=[_strip], validators=[
        DataRequired(_l("Vul de naam in.")), Length(max=200)])
    org_type = SelectField(_l("Wat voor plek is het?"),
                           validators=[InputRequired(_l("Kies wat voor plek het is."))])
    website = StringField(_l("Website (als je er een hebt)"), filters=[_strip],
                          validators=[Optional(), Length(max=300), _website])
    description = TextAreaField(_l("Vertel kort wat jullie doen"), filters=[_strip], validators=[
        DataRequired(_l("Vertel in een paar zinnen wat jullie doen.")),
        Length(min=20, max=DESCRIPTION_MAX,
               message=_l("Schrijf tussen 20 en %(max)d tekens.", max=DESCRIPTION_MAX))])

    def __init__(self, *args, legal_form: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.org_type.choices = [("", _l("Kies een soort"))] + _pairs(WORKPOST_ORG_TYPES)
        if legal_form == "de_facto_association":
            del self.enterprise_number

    def validate_enterprise_number(self, field):
        if not field.data:
            raise ValidationError(_l("Vul je ondernemingsnummer in. Je vindt het op je facturen."))
        try:
            field.data = kbo.normalise(field.data)
        except kbo.InvalidEnterpriseNumber as error:
            raise ValidationError(str(error)) from error


# -- step 3: contact person --------------------------------------------------------------

def _phone(form, field):
    digits = re.sub(r"\D", "", field.data or "")
    if re.search(r"[^\d\s+()./-]", field.data or "") or not 8 <= len(digits) <= 15:
        raise ValidationError(_l("Dit is geen geldig telefoonnummer. Bijvoorbeeld: 053 12 34 56"))


class ContactForm(BaseForm):
    contact_name = StringField(_l("Naam van de contactpersoon"), filters=[_strip], validators=[
        DataRequired(_l("Vul de naam van de contactpersoon in.")), Length(max=200)])
    contact_email = StringField(_l("E-mailadres"), filters=[_strip], validators=[
        DataRequired(_l("Vul je e-mailadres in.")), Length(max=254),
        Email(_l("Dit is geen geldig e-mailadres. Bijvoorbeeld: naam@voorbeeld.be"))])
    contact_phone = StringField(_l("Telefoonnummer"), filters=[_strip], validators=[
        DataRequired(_l("Vul je telefoonnummer in.")), Length(max=40), _phone])


# -- step 4: address ---------------------------------------------------------------------

class AddressForm(BaseForm):
    street = StringField(_l("Straat en huisnummer"), filters=[_strip], validators=[
        DataRequired(_l("Vul de straat en het huisnummer in.")), Length(max=200)])
    postcode = StringField(_l("Postcode"), filters=[_strip], validators=[
        DataRequired(_l("Vul de postcode in.")), Length(max=60)])
    address_public = BooleanField(_l("Toon mijn straat en huisnummer op het platform"))

    def validate_postcode(self, field):
        text = field.data or ""
        if any(c.isdigit() for c in text) and not re.fullmatch(r"\d{4}", text):
            raise ValidationError(_l("Een postcode heeft 4 cijfers, bijvoorbeeld 9300."))
        # A place name is accepted too, by the same rule as everywhere (web.place_input).
        postcode = text if text.isdigit() else validate_place(field).postcode
        try:
            self.place = locate(postcode)
        except OutsideServiceArea as error:
            raise ValidationError(_l("Werkpostwijzer werkt in Vlaanderen en Brussel. "
                                     "Deze postcode ligt daarbuiten.")) from error
        except LookupError as error:
            raise ValidationError(_l("Deze postcode kennen we niet. Kijk hem even na.")) from error


# -- step 5: activities ------------------------------------------------------------------

class ActivitiesForm(BaseForm):
    activities = Choices(_l("Welk soort werk kan iemand bij jou doen?"))
    tasks = TextAreaField(_l("Beschrijf de taken in je eigen woorden"), filters=[_strip],
                          validators=[Length(max=TASKS_MAX)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.activities.choices = _pairs(ACTIVITY_LABELS)

    def validate_activities(self, field):
        if not field.data:
            raise ValidationError(_l("Kies minstens één soort werk."))

    def validate_tasks(self, field):
        if "other" in (self.activities.data or []) and not field.data:
            raise ValidationError(_l("Je koos 'ander werk': beschrijf kort welk werk."))


# -- step 6: support ---------------------------------------------------------------------

class SupportForm(BaseForm):
    offers = Choices(_l("Wat kan je bieden?"))
    transport_radius_km = Number(
        _l("Tot hoe ver haal je iemand op? (in kilometer)"),
        validators=[Optional(), NumberRange(1, 100, _l("Kies een afstand tussen 1 en 100 km."))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers.choices = _pairs(SUPPORT_LABELS)

    def validate(self, extra_validators=None):
        # Optional() ends the field's own checks when it is empty, so this rule that ties two
        # fields together runs here.

        valid = super().validate(extra_validators)
        field = self.transport_radius_km
        if needs_transport_radius(self.offers.data, field.data) and not field.errors:
            field.errors = [*field.errors, _l("Je haalt mensen op: zeg tot hoe ver.")]
            return False
        return valid


# -- step 7: when and how many -----------------------------------------------------------

class ScheduleForm(BaseForm):
    schedule = HalfDays(_l("Op welke halve dagen kan iemand komen?"))
    hours_per_week = Number(_l("Hoeveel uur per week, ongeveer?"), validators=[
        InputRequired(_l("Vul een aantal uren in (een getal).")),
        NumberRange(1, 38, _l("Kies tussen 1 en 38 uur per week."))])
    capacity = Number(_l("Hoeveel mensen kunnen tegelijk bij jou terecht?"), default=1,
                            validators=[InputRequired(_l("Vul een aantal in (een getal).")),
                                        NumberRange(1, 20, _l("Kies tussen 1 en 20 plaatsen."))])
    available_from = Day(_l("Vanaf wanneer? (leeg laten = meteen)"),
                               validators=[Optional()])

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.schedule.choices = [(slot, slot) for slot in SLOTS]

    def validate_schedule(self, field):
        if not field.data:
            raise ValidationError(_l("Kies minstens één halve dag."))

    def validate_available_from(self, field):
        if field.data and self.today and field.data < self.today:
            raise ValidationError(_l("Deze datum ligt in het verleden. Laat leeg als het meteen kan."))
        if field.data and self.today and (field.data - self.today).days > 730:
            raise ValidationError(_l("Kies een datum binnen de twee jaar."))


# -- step 8: check and send --------------------------------------------------------------

class ReviewForm(BaseForm):
    terms = BooleanField(_l("Ik ga akkoord met de gebruiksvoorwaarden en de privacyverklaring"),
                         validators=[DataRequired(_l("Je moet akkoord gaan om je aanbod te versturen."))])
    # Honeypot: hidden from people by CSS, bots fill it in.
    fax = StringField(_l("Laat dit veld leeg"))


# -- manage page -------------------------------------------------------------------------

class PlacesForm(BaseForm):
    open_places = Number(_l("Aantal vrije plaatsen"), validators=[
        InputRequired(_l("Vul een aantal in (een getal)."))])

    def __init__(self, *args, capacity: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.capacity = capacity  # the most open places now: capacity minus places taken

    def validate_open_places(self, field):
        if field.data is not None and not 0 <= field.data <= self.capacity:
            raise ValidationError(_l("Kies tussen 0 en %(max)d.", max=self.capacity))


class WithdrawForm(BaseForm):
    reason = TextAreaField(_l("Waarom stop je? (mag je leeg laten)"), filters=[_strip],
                           validators=[Length(max=1000)])
    confirm = BooleanField(_l("Ja, ik trek mijn aanbod in"),
                           validators=[DataRequired(_l("Vink aan dat je je aanbod wil intrekken."))])


class ActionForm(BaseForm):
    """Pause and resume: a button and the CSRF token, nothing else."""


class LostLinkForm(BaseForm):
    email = StringField(_l("E-mailadres waarmee je je aanmeldde"), filters=[_strip], validators=[
        DataRequired(_l("Vul je e-mailadres in.")), Length(max=254),
        Email(_l("Dit is geen geldig e-mailadres. Bijvoorbeeld: naam@voorbeeld.be"))])


class EditForm(LegalFormForm, OrganisationForm, ContactForm, AddressForm, ActivitiesForm,
               SupportForm, ScheduleForm):
    """Everything of the wizard on one page, for the manage link."""


def edit_data(workpost) -> dict:
    """The edit form's starting values (whole numbers where the form asks for them)."""
    def whole(value):
        return None if value is None else int(round(value))

    return {
        "legal_form": workpost.legal_form, "enterprise_number": workpost.enterprise_number,
        "name": workpost.name, "org_type": workpost.org_type, "website": workpost.website,
        "description": workpost.description, "contact_name": workpost.contact_name,
        "contact_email": workpost.contact_email, "contact_phone": workpost.contact_phone,
        "street": workpost.street, "postcode": workpost.postcode,
        "address_public": workpost.address_public, "activities": workpost.activities,
        "tasks": workpost.tasks, "offers": workpost.offers,
        "transport_radius_km": whole(workpost.transport_radius_km),
        "schedule": workpost.schedule, "hours_per_week": whole(workpost.hours_per_week),
        "capacity": workpost.capacity, "available_from": workpost.available_from,
    }
