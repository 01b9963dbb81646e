"""Search forms of the directory. They are GET forms (a search changes nothing), so they
carry no CSRF token and what was typed stays in the address bar and in the field."""
from flask import request
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError

import geo
from matcher.codes import ACTIVITIES, ACTIVITY_LABELS
from web.forms import BaseForm
from web.place_input import validate_place
from web.labels import choices, place_name
from web.services import directory

RADIUS_CHOICES = (5, 10, 15, 25, 50)
DEFAULT_RADIUS = 15


def activity_choices() -> list[SelectChoice]:
    pairs = sorted(choices(ACTIVITY_LABELS, ACTIVITIES), key=lambda p: (p[0] == "other", p[1]))
    return [SelectChoice("", _l("Alle soorten werk"))] + [SelectChoice(c, t) for c, t in pairs]


class KnownChoice(SelectField):
    """A select that refuses an unknown value with a plain message (only a changed URL
    can send one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, validate_choice=False, **kwargs)

    def pre_validate(self, form):
        if self.data not in {str(choice.value) for choice in self.choices}:
            raise ValidationError(_l("Kies een waarde uit de lijst."))


_READ_ARGS = object()


class GetForm(BaseForm):
    class Meta:
        csrf = False

    def __init__(self, formdata=_READ_ARGS, **kwargs):
        super().__init__(request.args if formdata is _READ_ARGS else formdata, **kwargs)


class ActivityFilterForm(GetForm):
    activiteit = KnownChoice(_l("Soort werk"), default="")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.activiteit.choices = activity_choices()

    @property
    def activity(self) -> str | None:
        return self.activiteit.data or None


class NearForm(ActivityFilterForm):
    postcode = StringField(_l("Postcode of gemeente"), validators=[Length(max=60)])
    km = KnownChoice(_l("Hoe ver mag het zijn?"), default=str(DEFAULT_RADIUS),
                     choices=[SelectChoice(str(km), _l("tot %(km)s km", km=km))
                              for km in RADIUS_CHOICES])

    place: geo.Place | None = None

    def validate_postcode(self, field):
        text = (field.data or "").strip()
        if not text:
            raise ValidationError(_l("Vul een postcode of een gemeente in, bijvoorbeeld 3500 "
                                     "of Hasselt."))
        self.place = validate_place(field)

    @property
    def radius(self) -> float:
        return float(self.km.data if str(self.km.data).isdigit() else DEFAULT_RADIUS)


def find_place(text: str) -> geo.Place | None:
    """A postcode (4 digits) or a place or municipality name; None when unknown or still
    ambiguous (see geo.resolve_place)."""
    return geo.resolve_place(text).place


class WidgetForm(GetForm):
    provincie = KnownChoice(_l("Provincie"), default="")
    gemeente = StringField(_l("Gemeente (niet verplicht)"), validators=[Length(max=60)])

    municipality: directory.Municipality | None = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.provincie.choices = [SelectChoice("", _l("Kies een provincie"))] + [
            SelectChoice(directory.province_slug(p.code), place_name(p))
            for p in directory.listed_provinces()]

    def validate_provincie(self, field):
        if not field.data:
            raise ValidationError(_l("Kies een provincie."))

    def validate_gemeente(self, field):
        text = (field.data or "").strip()
        province = directory.province_by_slug(self.provincie.data or "")
        if not text or province is None:
            return
        wanted = directory.slugify(text)
        self.municipality = next((m for m in directory.municipalities_of(province.code)
                                  if m.slug == wanted), None)
        if self.municipality is None:
            place = find_place(text)
            if place is not None and place.province == province.code:
                self.municipality = directory.municipality(place.municipality_nis)
        if self.municipality is None:
            raise ValidationError(_l("Deze gemeente ligt niet in de gekozen provincie, of we "
                                     "kennen ze niet."))
