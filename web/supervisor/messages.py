"""Plain-language texts for the refusals of the workspace services."""
from flask_babel import gettext as _


def error_text(code: str) -> str:
    texts = {
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
        "before_start": lambda: _("Deze datum ligt voor de start van de plaatsing."),
        "core_item_needed": lambda: _("Kies een score van 1 tot 5: deze vraag is verplicht."),
        "participant_view_needed": lambda: _("Schrijf op wat de deelnemer zelf zegt."),
        "skip_reason_needed": lambda: _("Je slaat een stap over of gaat terug: schrijf waarom."),
        "agreement_not_signed": lambda: _("Actief kan pas met een volledige overeenkomst die "
                                          "als ondertekend is gemarkeerd."),
        "start_before_available": lambda: _("De werkpost is pas later beschikbaar. Vink aan "
                                            "dat jullie toch vroeger starten."),
        "transport_radius_needed": lambda: _("Jullie halen mensen op: zeg tot hoe ver."),
        "no_activity": lambda: _("Kies minstens één activiteit."),
        "no_region": lambda: _("Kies minstens één provincie of gemeente."),
        "capacity_below_taken": lambda: _("Er zijn meer mensen actief dan dit aantal plaatsen."),
        "code_characters": lambda: _("Een code heeft alleen letters, cijfers en streepjes, "
                                     "zonder spaties. Bijvoorbeeld: GENT-017."),
        "code_name": lambda: _("Dit lijkt op een naam. Gebruik een code waaraan niemand de "
                               "deelnemer herkent, bijvoorbeeld GENT-017."),
        "code_birth_year": lambda: _("Dit lijkt op een geboortejaar. Laat het weg: aan een code "
                                     "mag niemand de deelnemer herkennen."),
        "health_words": lambda: _("Schrijf geen diagnose of medicatie. Schrijf liever welke "
                                  "steun de deelnemer nodig heeft, bijvoorbeeld: een rustige "
                                  "plek, korte opdrachten."),
    }
    return texts.get(code, lambda: _("Dit lukte niet."))()
