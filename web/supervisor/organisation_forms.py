"""Forms of the organisation admin: profile and regions, staff, internal workposts."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, EmailField, FloatField, IntegerField, SelectField,
                     SelectMultipleField, StringField, TextAreaField, URLField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional, Regexp

from web.forms import BaseForm, MultiCheckboxField
import geo
from web.labels import place_name
from web.supervisor import vocab


class ProfileForm(BaseForm):
    description = TextAreaField(_l("Wie zijn jullie en wat bieden jullie aan?"), validators=[
        Optional(), Length(max=3000)])
    contact_name = StringField(_l("Contactpersoon"), validators=[Optional(), Length(max=200)])
    contact_email = EmailField(_l("E-mailadres voor contact"), validators=[
        Optional(), Email(_l("Dit is geen geldig e-mailadres."))])
    contact_phone = StringField(_l("Telefoon"), validators=[Optional(), Length(max=40)])
    website = URLField(_l("Website"), validators=[
        Optional(),
        URL(message=_l("Typ een volledig adres, bijvoorbeeld https://www.voorbeeld.be."))])
    provinces = MultiCheckboxField(_l("Provincies waar jullie werken"))
    municipalities = SelectMultipleField(_l("Of alleen deze gemeenten"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.provinces.choices = [SelectChoice(p.code, place_name(p))
                                  for p in geo.provinces() if p.code in geo.SERVICE_PROVINCES]
        self.municipalities.choices = [SelectChoice(nis, name) for nis, name, province
                                       in geo.municipalities()
                                       if province in geo.SERVICE_PROVINCES]


class InviteForm(BaseForm):
    email = EmailField(_l("E-mailadres"), validators=[
        DataRequired(_l("Vul een e-mailadres in.")), Email(_l("Dit is geen geldig e-mailadres."))])
    name = StringField(_l("Naam"), validators=[DataRequired(_l("Vul een naam in.")),
                                                Length(max=200)])
    role = SelectField(_l("Rol"), choices=[
        SelectChoice("supervisor", _l("Begeleider")),
        SelectChoice("org_admin", _l("Beheerder van de organisatie"))])


class InternalWorkpostForm(BaseForm):
    name = StringField(_l("Naam van de werkpost"), validators=[
        DataRequired(_l("Vul een naam in.")), Length(max=200)])
    description = TextAreaField(_l("Beschrijving"), validators=[Optional(), Length(max=3000)])
    tasks = TextAreaField(_l("Taken"), validators=[Optional(), Length(max=2000)])
    street = StringField(_l("Straat en nummer"), validators=[Optional(), Length(max=200)])
    address_public = BooleanField(_l("Het adres mag publiek getoond worden"))
    postcode = StringField(_l("Postcode"), validators=[
        DataRequired(_l("Vul de postcode in.")),
        Regexp(r"^\d{4}$", message=_l("Een postcode heeft 4 cijfers."))])
    activities = MultiCheckboxField(_l("Activiteiten"))
    offers = MultiCheckboxField(_l("Welke steun bieden jullie hier?"))
    transport_radius_km = FloatField(
        _l("Tot hoe ver halen jullie iemand op? (in kilometer)"),
        validators=[Optional(), NumberRange(1, 100, _l("Kies een afstand tussen 1 en 100 km."))])
    schedule = MultiCheckboxField(_l("Wanneer kan men er werken?"))
    hours_per_week = FloatField(_l("Uren per week (ongeveer)"), validators=[
        Optional(), NumberRange(1, 40, _l("Kies tussen 1 en 40 uur."))])
    capacity = IntegerField(_l("Aantal plaatsen"), validators=[
        DataRequired(_l("Vul het aantal plaatsen in.")),
        NumberRange(1, 100, _l("Kies tussen 1 en 100."))])
    contact_name = StringField(_l("Contactpersoon"), validators=[Optional(), Length(max=200)])
    contact_email = EmailField(_l("E-mailadres"), validators=[
        Optional(), Email(_l("Dit is geen geldig e-mailadres."))])
    contact_phone = StringField(_l("Telefoon"), validators=[Optional(), Length(max=40)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.activities.choices = vocab.activities()
        self.offers.choices = vocab.supports()
        self.schedule.choices = vocab.slots()

    def values(self) -> dict:
        data = {name: getattr(self, name).data for name in (
            "name", "description", "tasks", "street", "address_public", "postcode", "activities",
            "offers", "transport_radius_km", "schedule", "hours_per_week", "capacity",
            "contact_name", "contact_email", "contact_phone")}
        for name in ("description", "tasks", "contact_name", "contact_email"):
            data[name] = (data[name] or "").strip()
        data["street"] = (data["street"] or "").strip() or None
        data["contact_phone"] = (data["contact_phone"] or "").strip() or None
        return data
