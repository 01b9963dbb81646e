"""Forms of the moderation queue."""
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from web.forms import BaseForm


class DecisionForm(BaseForm):
    """Approve and mark as spam: a button and the CSRF token."""


class RejectForm(BaseForm):
    reason = TextAreaField(
        _l("Waarom weiger je dit aanbod? (de zaak krijgt deze uitleg per mail)"),
        validators=[DataRequired(_l("Schrijf kort waarom je weigert.")),
                    Length(min=5, max=1000, message=_l("Schrijf tussen 5 en 1000 tekens."))])


class RevisionRejectForm(BaseForm):
    reason = TextAreaField(
        _l("Waarom weiger je deze wijziging? (de zaak krijgt deze uitleg per mail)"),
        validators=[DataRequired(_l("Schrijf kort waarom je weigert.")),
                    Length(min=5, max=1000, message=_l("Schrijf tussen 5 en 1000 tekens."))])


class RefuseApplicationForm(BaseForm):
    reason = TextAreaField(
        _l("Waarom weiger je deze aanvraag? (de contactpersoon krijgt deze uitleg per mail)"),
        validators=[DataRequired(_l("Schrijf kort waarom je weigert.")),
                    Length(min=5, max=1000, message=_l("Schrijf tussen 5 en 1000 tekens."))])
