"""The base of every form: clean text in one place, not per field.

- A single-line field (StringField and its kinds) with a control character (a line break, a
  tab, a bell, an escape ...) or an invisible direction mark is refused, with a message next to
  the field. Such characters never belong in a name, a code or an address, and they break
  mail headers, CSV files and what a reader sees.
- A multi-line field (TextAreaField) keeps its line breaks (as \\n) and tabs; every other
  control character and direction mark is dropped.

Every form in web/ derives from BaseForm; a test fails when one does not.
"""
import re

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import Length, NumberRange, StopValidation

from web.text import has_control, multiline

CONTROL_MESSAGE = _l("Gebruik hier geen regeleinden, tabs of onzichtbare tekens.")


def single_line(form, field):
    if isinstance(field.data, str) and has_control(field.data):
        field.errors[:] = []
        raise StopValidation(CONTROL_MESSAGE)


class BaseForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            field = unbound_field.bind(form=form, **options)
            if isinstance(field, TextAreaField):
                field.filters = (multiline, *field.filters)
            elif isinstance(field, StringField) and not isinstance(field, PasswordField) \
                    and field.short_name != "csrf_token":
                field.validators = [single_line, *field.validators]
            return field


def _number(value) -> str:
    """A limit as people write it: 40, 0,5 (Dutch) or 0.5 (English)."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if str(get_locale()) == "nl" else text


def limit_text(field) -> str:
    """The field's own limits (Length, NumberRange) in words, for its hint."""
    parts = []
    for check in field.validators:
        if isinstance(check, Length):
            low, high = (check.min if check.min > 0 else None), \
                (check.max if check.max > -1 else None)
            unit = _("tekens")
        elif isinstance(check, NumberRange):
            low, high, unit = check.min, check.max, ""
        else:
            continue
        low = None if low is None else _number(low)
        high = None if high is None else _number(high)
        if low is not None and high is not None:
            parts.append(_("Van %(low)s tot %(high)s %(unit)s.", low=low, high=high, unit=unit))
        elif high is not None:
            parts.append(_("Hoogstens %(high)s %(unit)s.", high=high, unit=unit))
        elif low is not None:
            parts.append(_("Minstens %(low)s %(unit)s.", low=low, unit=unit))
    return " ".join(p.replace(" .", ".") for p in parts)


def limit_numbers(field) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)?", limit_text(field))


def with_limits(field, hint=None):
    """The hint a field shows: the template's own words, and the limits unless the words
    already give every number of them (issue 15: no hidden minimum)."""
    limits = limit_text(field)
    if not limits:
        return hint
    shown = str(hint or "")
    if hint and all(number in shown for number in limit_numbers(field)):
        return hint
    return f"{shown} {limits}".strip()


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes: one field, several codes (activities, support, half-days)."""
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
