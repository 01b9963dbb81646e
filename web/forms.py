"""The base of every form: clean text in one place, not per field.

- A single-line field (StringField and its kinds) with a control character (a line break, a
  tab, a bell, an escape ...) or an invisible direction mark is refused, with a message next to
  the field. Such characters never belong in a name, a code or an address, and they break
  mail headers, CSV files and what a reader sees.
- A multi-line field (TextAreaField) keeps its line breaks (as \\n) and tabs; every other
  control character and direction mark is dropped.

Every form in web/ derives from BaseForm; a test fails when one does not.
"""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import StopValidation

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
