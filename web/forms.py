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

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import StopValidation

# C0 and C1 control characters and DEL, plus the bidirectional overrides and isolates that
# make text read differently from what is stored.
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same without tab (\x09) and line feed (\x0a).
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CONTROL_MESSAGE = _l("Gebruik hier geen regeleinden, tabs of onzichtbare tekens.")


def has_control(text: str) -> bool:
    return bool(_ANY_CONTROL.search(text))


def multiline(text):
    """Multi-line text with only line breaks (\\n) and tabs left as control characters."""
    if not isinstance(text, str):
        return text
    return _CONTROL_BUT_LINES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


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
