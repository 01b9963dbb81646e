"""Plain-language texts for the refusals of web.services.staff."""
from flask_babel import gettext as _



def staff_error(code: str) -> str:
    texts = {
        # One answer for an unknown address, a wrong password and a guess made too soon.
        "bad_login": lambda: _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Na een paar "
                               "foute pogingen moet je telkens wat langer wachten."),
        "bad_code": lambda: _("Deze code klopt niet. Kijk of de tijd op je telefoon juist staat. "
                              "Na een paar foute pogingen moet je telkens wat langer wachten."),
        "code_used": lambda: _("Deze code is al gebruikt. Wacht op de volgende code in je app."),
        "too_short": lambda: _("Kies een wachtwoord van minstens 12 tekens."),
        "no_match": lambda: _("De twee wachtwoorden zijn niet gelijk."),
        "email_taken": lambda: _("Er bestaat al een account met dit e-mailadres."),
        "bad_role": lambda: _("Kies een rol uit de lijst."),
        "not_yourself": lambda: _("Dit kan je niet voor je eigen account doen."),
    }
    return texts.get(code, lambda: _("Dit lukte niet."))()
