"""Forms of the account pages."""
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, Length

from web.forms import BaseForm


class LoginForm(BaseForm):
    email = EmailField(_l("E-mailadres"), validators=[
        DataRequired(_l("Vul je e-mailadres in.")), Email(_l("Dit is geen geldig e-mailadres."))])
    password = PasswordField(_l("Wachtwoord"), validators=[
        DataRequired(_l("Vul je wachtwoord in."))])


class CodeForm(BaseForm):
    code = StringField(_l("Code uit je app (6 cijfers)"), validators=[
        DataRequired(_l("Vul de code uit je app in.")), Length(max=12)])


class ForgotForm(BaseForm):
    email = EmailField(_l("E-mailadres"), validators=[
        DataRequired(_l("Vul je e-mailadres in.")), Email(_l("Dit is geen geldig e-mailadres."))])


class NewPasswordForm(BaseForm):
    password = PasswordField(_l("Nieuw wachtwoord"), validators=[
        DataRequired(_l("Kies een wachtwoord."))])
    repeat = PasswordField(_l("Herhaal het wachtwoord"), validators=[
        DataRequired(_l("Typ het wachtwoord nog een keer."))])
