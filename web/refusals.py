"""The edge for service refusals: one place turns a ServiceError into words.

A service raises `web.services.errors.ServiceError` (code, field, message). Views hand it to
`on_form` (a form error next to its field), `flash_refusal` (a message on the next page) or
`api_response` (a JSON 4xx); an error nobody caught reaches the handler in `init_app`. Each
rolls the refused work back first (the boundary in web/infra/transaction.py then commits only what
the view does after). The sentences are here, in the request's language.
"""
from flask import Flask, flash, jsonify, render_template, request
from flask_babel import gettext as _

from web.extensions import db
from web.services.errors import ServiceError

TEXTS = {
    # participants, placements, evaluations, organisation profile
    "unknown_code": lambda: _("Kies uit de lijst."),
    "no_mode": lambda: _("Kies minstens één manier om te reizen."),
    "reference_taken": lambda: _("Deze code gebruik je al voor een andere deelnemer."),
    "unknown_supervisor": lambda: _("Kies een begeleider van je eigen organisatie."),
    "unknown_postcode": lambda: _("Deze postcode kennen we niet. Kijk of je 4 cijfers typte."),
    "frozen": lambda: _("De deelnemer trok de toestemming in. Het profiel is bevroren: "
                        "je kan het alleen nog exporteren of wissen."),
    "no_consent": lambda: _("Leg eerst de toestemming van de deelnemer vast."),
    "future_date": lambda: _("Deze datum ligt in de toekomst."),
    "workpost_unavailable": lambda: _("Deze werkpost is niet meer beschikbaar."),
    "already_listed": lambda: _("Deze werkpost staat al op de shortlist van deze deelnemer."),
    "no_place": lambda: _("Er is geen open plaats meer bij deze werkpost. "
                          "Iemand anders nam de laatste plaats."),
    "ended": lambda: _("Deze plaatsing is beëindigd en kan niet meer veranderen."),
    "bad_status": lambda: _("Kies een andere stap dan de huidige."),
    "stop_reason_needed": lambda: _("Kies waarom de plaatsing stopt."),
    "no_change": lambda: _("Je veranderde niets."),
    "already_done": lambda: _("Deze evaluatie is al ingevuld."),
    "bad_score": lambda: _("Kies een score van 1 tot 5."),
    "bad_cadence": lambda: _("Kies om de hoeveel maanden."),
    "too_late": lambda: _("Evalueer minstens één keer per jaar: kies een vroegere datum."),
    "not_visible": lambda: _("Deze werkpost ligt niet in jullie regio."),
    "choose_step": lambda: _("Kies een stap."),
    "skip_reason_needed": lambda: _("Je slaat een stap over of gaat terug: schrijf waarom."),
    "agreement_not_signed": lambda: _("Actief kan pas met een volledige overeenkomst die "
                                      "als ondertekend is gemarkeerd."),
    "start_before_available": lambda: _("De werkpost is pas later beschikbaar. Vink aan "
                                        "dat jullie toch vroeger starten."),
    "code_characters": lambda: _("Een code heeft alleen letters, cijfers en streepjes, "
                                 "zonder spaties. Bijvoorbeeld: GENT-017."),
    "code_name": lambda: _("Dit lijkt op een naam. Gebruik een code waaraan niemand de "
                           "deelnemer herkent, bijvoorbeeld GENT-017."),
    "code_birth_year": lambda: _("Dit lijkt op een geboortejaar. Laat het weg: aan een code "
                                 "mag niemand de deelnemer herkennen."),
    "health_words": lambda: _("Schrijf geen diagnose of medicatie. Schrijf liever welke "
                              "steun de deelnemer nodig heeft, bijvoorbeeld: een rustige "
                              "plek, korte opdrachten."),
    "before_start": lambda: _("Deze datum ligt voor de start van de plaatsing."),
    "core_item_needed": lambda: _("Kies een score van 1 tot 5: deze vraag is verplicht."),
    "participant_view_needed": lambda: _("Schrijf op wat de deelnemer zelf zegt."),
    "transport_radius_needed": lambda: _("Jullie halen mensen op: zeg tot hoe ver."),
    "no_activity": lambda: _("Kies minstens één activiteit."),
    "no_region": lambda: _("Kies minstens één provincie of gemeente."),
    "capacity_below_taken": lambda: _("Er zijn meer mensen actief dan dit aantal plaatsen."),
    # staff accounts
    "bad_login": lambda: _("Dit e-mailadres en wachtwoord horen niet bij elkaar."),
    "locked": lambda: _("Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw."),
    "bad_code": lambda: _("Deze code klopt niet. Kijk of de tijd op je telefoon juist staat."),
    "code_used": lambda: _("Deze code is al gebruikt. Wacht op de volgende code in je app."),
    "too_short": lambda: _("Kies een wachtwoord van minstens 12 tekens."),
    "no_match": lambda: _("De twee wachtwoorden zijn niet gelijk."),
    "email_taken": lambda: _("Er bestaat al een account met dit e-mailadres."),
    "bad_role": lambda: _("Kies een rol uit de lijst."),
    "not_yourself": lambda: _("Dit kan je niet voor je eigen account doen."),
    "read_only_token": lambda: _("Deze API-sleutel mag alleen lezen. Maak op je "
                                 "accountpagina een sleutel die ook mag wijzigen."),
    # offers
    "not_allowed_now": lambda: _("Dat kan nu niet met je aanbod."),
    "already_decided": lambda: _("Over dit aanbod is al beslist."),
    "nothing_pending": lambda: _("Over deze wijziging is al beslist."),
    # contact requests and concerns (the workpost as a partner)
    "request_step": lambda: _("Een contactaanvraag kan alleen vanaf de shortlist of de stap "
                              "\"gecontacteerd\"."),
    "workpost_paused": lambda: _("Deze werkpost staat op pauze. Je kan nu geen aanvraag "
                                 "sturen. Probeer later opnieuw of kies een andere werkpost."),
    "workpost_gone": lambda: _("Deze werkpost is ingetrokken of niet meer online. Je kan "
                               "geen aanvraag sturen. Kies een andere werkpost."),
    "request_open": lambda: _("Er loopt al een aanvraag bij deze werkpost. Wacht op het "
                              "antwoord."),
    "time_needed": lambda: _("Stel minstens één moment voor: een datum en een uur."),
    "time_past": lambda: _("Dit moment ligt in het verleden."),
    "not_consented": lambda: _("De deelnemer gaf geen toestemming om dit met een werkpost "
                               "te delen. Laat het leeg of leg eerst de toestemming vast."),
    "request_closed": lambda: _("Deze aanvraag is afgesloten. Je hoeft niets meer te doen."),
    "choose_time": lambda: _("Kies een moment, of schrijf een ander moment."),
    "choose_reason": lambda: _("Kies een reden."),
    "choose_answer": lambda: _("Kies een antwoord."),
    "choose_category": lambda: _("Kies wat er aan de hand is."),
    "not_here": lambda: _("Deze persoon werkt niet (meer) bij jullie."),
    # applications of supervisor organisations
    "recognition_taken": lambda: _("Dit erkenningsnummer is al bekend bij ons: er is al een "
                                   "organisatie of een aanvraag met dit nummer. Mail ons als "
                                   "dat niet klopt."),
    "application_decided": lambda: _("Over deze aanvraag is al beslist."),
}


def text(refusal: ServiceError | str) -> str:
    """The sentence for a refusal (or its code) in the request's language."""
    code = refusal.code if isinstance(refusal, ServiceError) else refusal
    return TEXTS.get(code, lambda: _("Dit lukte niet."))()


def on_form(form, error: ServiceError, *, roll_back: bool = True) -> None:
    """Show the refusal next to its field (or above the form) and undo the refused work.
    roll_back=False only where the refusal itself must be stored (a failed login counts)."""
    if roll_back:
        db.session.rollback()
    for one in error.all:
        field = getattr(form, one.field, None) if one.field else None
        if field is not None:
            field.errors = [*field.errors, text(one)]
        else:
            form.form_errors.append(text(one))


def flash_refusal(error: ServiceError) -> None:
    """Undo the refused work and say why on the page the view redirects to."""
    db.session.rollback()
    flash(text(error), "error")


def api_response(error: ServiceError, status: int = 409):
    """Undo the refused work; a JSON 4xx with the code and the sentence."""
    db.session.rollback()
    return jsonify({"error": error.code, "message": text(error), "status": status}), status


def form_status(form) -> int:
    """422 when the page shows errors, else 200."""
    return 422 if form.errors or form.form_errors else 200


def init_app(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def uncaught_refusal(error: ServiceError):
        # The boundary rolled back already; a refusal is the visitor's 409, never a 500.
        if request.path.startswith("/api/"):
            return api_response(error)
        return render_template("errors/error.html", code=409, message=text(error)), 409
