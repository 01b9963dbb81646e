"""A typed postcode or place name, for every form and API parameter that accepts one.

The rule itself (a municipality's name means that municipality; a name still shared by
several places is a choice, never a guess) is geo.resolve_place; this module only words the
outcome in the visitor's language.
"""
from flask_babel import gettext as _
from wtforms.validators import ValidationError

import geo
from web.labels import language


class PlaceNotFound(ValueError):
    """Unknown or ambiguous; the message says which, and lists the choices if any."""

    def __init__(self, message: str, choices: tuple = ()):
        super().__init__(message)
        self.choices = choices


def resolve(text: str) -> geo.Place:
    """The one place meant by a postcode or name; PlaceNotFound otherwise."""
    found = geo.resolve_place(text or "")
    if found.place is not None:
        return found.place
    if found.ambiguous:
        labels = [geo.choice_label(place, language()) for place in found.choices]
        listed = _("%(first)s of %(last)s", first=", ".join(labels[:-1]), last=labels[-1])
        raise PlaceNotFound(_("Welke plaats bedoel je: %(choices)s? Vul de postcode in.",
                              choices=listed), found.choices)
    if (text or "").strip().isdigit() and len((text or "").strip()) != 4:
        raise PlaceNotFound(_("Een postcode heeft 4 cijfers, bijvoorbeeld 3500."))
    raise PlaceNotFound(_("We kennen deze postcode of gemeente niet. Probeer een postcode "
                          "met 4 cijfers, bijvoorbeeld 3500."))


def validate_place(field) -> geo.Place:
    """For a WTForms validator: the place, or a ValidationError next to the field (the
    choices are kept on the field so a page may offer them as links)."""
    try:
        return resolve(field.data)
    except PlaceNotFound as error:
        field.place_choices = error.choices
        raise ValidationError(str(error)) from None
