"""Closed lists the models use, as stable codes with Dutch and English labels.

The matcher's vocabulary (activities, support, travel modes, slots) lives in matcher.codes;
these are the codes of the platform's own records.
"""

ORGANISATION_TYPES = {
    "caw": ("CAW (Centrum Algemeen Welzijnswerk)", "CAW (general welfare centre)"),
    "cgg": ("CGG (Centrum Geestelijke Gezondheidszorg)", "CGG (mental health centre)"),
    "ocmw": ("OCMW / sociaal huis", "OCMW (public social welfare centre)"),
    "psychiatric_hospital": ("Psychiatrisch ziekenhuis", "Psychiatric hospital"),
    "psychiatric_ward": ("PAAZ (psychiatrische afdeling van een algemeen ziekenhuis)",
                         "Psychiatric ward of a general hospital"),
    "sheltered_living": ("Beschut wonen", "Sheltered living"),
    "vaph_provider": ("Zorgaanbieder VAPH", "VAPH care provider"),
    "custom_work_company": ("Maatwerkbedrijf", "Custom-work company"),
    "addiction_care": ("Verslavingszorg", "Addiction care"),
    "rehabilitation_centre": ("Revalidatiecentrum", "Rehabilitation centre"),
    "school": ("School", "School"),
    "other": ("Andere", "Other"),
}

ROLES = {
    "supervisor": ("Begeleider", "Supervisor"),
    "org_admin": ("Beheerder van de organisatie", "Organisation admin"),
    "platform_admin": ("Beheerder van het platform", "Platform admin"),
}

LEGAL_FORMS = {
    "company": ("Bedrijf (vennootschap)", "Company"),
    "non_profit": ("Vzw of stichting", "Non-profit"),
    "public_body": ("Openbare dienst", "Public body"),
    "sole_trader": ("Zelfstandige / eenmanszaak", "Sole trader"),
    "de_facto_association": ("Feitelijke vereniging", "De-facto association"),
    "internal": ("Eigen werkpost van een begeleidende organisatie", "Supervisor's own workpost"),
}
# A de-facto association has no enterprise number; an internal workpost uses its organisation's.
LEGAL_FORMS_WITHOUT_KBO = ("de_facto_association", "internal")

SECTORS = {
    "profit": ("Profit", "Profit"),
    "non_profit": ("Social profit", "Non-profit"),
    "public": ("Openbare sector", "Public sector"),
    "social_economy": ("Sociale economie", "Social economy"),
}

# Workpost organisation types from the evaluation study (DOMAIN.md §4).
WORKPOST_ORG_TYPES = {
    "custom_work_company": ("Maatwerkbedrijf", "Custom-work company"),
    "care_provider": ("Zorg- of welzijnsvoorziening", "Care or welfare provider"),
    "school": ("School", "School"),
    "care_farm": ("(Zorg)boerderij", "(Care) farm"),
    "childcare": ("Kinderopvang", "Childcare"),
    "sheltered_living": ("Beschut wonen", "Sheltered living"),
    "ocmw": ("OCMW", "OCMW"),
    "psychiatric_hospital": ("Psychiatrisch ziekenhuis", "Psychiatric hospital"),
    "hospitality": ("Horeca", "Hospitality"),
    "caw": ("CAW", "CAW"),
    "cgg": ("CGG", "CGG"),
    "shop": ("Winkel of supermarkt", "Shop or supermarket"),
    "second_hand_shop": ("Kringwinkel", "Second-hand shop"),
    "craft_business": ("Ambacht of kleine zaak", "Craft or small business"),
    "municipal_service": ("Gemeentelijke dienst", "Municipal service"),
    "culture_sport": ("Cultuur, bibliotheek of sportclub", "Culture, library or sports club"),
    "other": ("Andere", "Other"),
}

WORKPOST_STATUSES = {
    "unconfirmed": ("Nog niet bevestigd", "Not yet confirmed"),
    "pending_review": ("Wacht op nazicht", "Waiting for review"),
    "published": ("Gepubliceerd", "Published"),
    "paused": ("Gepauzeerd", "Paused"),
    "withdrawn": ("Ingetrokken", "Withdrawn"),
    "rejected": ("Geweigerd", "Rejected"),
}

GOALS = {
    "meaningful_activity": ("Zinvolle dagbesteding", "Meaningful activity"),
    "towards_paid_work": ("Op weg naar betaald werk", "Towards paid work"),
}

PARTICIPANT_STATUSES = {
    "intake": ("Intake", "Intake"),
    "searching": ("Zoekt een werkpost", "Looking for a workpost"),
    "placed": ("Aan de slag", "Placed"),
    "paused": ("Gepauzeerd", "Paused"),
    "frozen": ("Bevroren (geen toestemming)", "Frozen (no consent)"),
    "ended": ("Afgesloten", "Ended"),
}

PLACEMENT_STATUSES = {
    "shortlisted": ("Op de shortlist", "Shortlisted"),
    "contacted": ("Gecontacteerd", "Contacted"),
    "meeting": ("Kennismaking", "Introductory meeting"),
    "trial": ("Proefdagen", "Trial days"),
    "agreement": ("Overeenkomst", "Agreement"),
    "active": ("Actief", "Active"),
    "paused": ("Gepauzeerd", "Paused"),
    "ended": ("Beëindigd", "Ended"),
}
# Statuses that hold one of the workpost's open places.
PLACE_HOLDING_STATUSES = ("agreement", "active", "paused")

# Stop reasons from the study of ended agreements (DOMAIN.md §3).
STOP_REASONS = {
    "unknown": ("Onbekend", "Unknown"),
    "relapse": ("Herval", "Relapse"),
    "paid_work": ("Doorstroom naar betaald werk of activering", "Moved on to paid work or activation"),
    "motivation": ("Motivatie", "Motivation"),
    "not_feasible": ("Niet haalbaar", "Not feasible"),
    "mobility": ("Mobiliteit", "Mobility"),
    "retirement": ("Pensioenleeftijd", "Retirement age"),
    "moved_house": ("Verhuis", "Moved house"),
    "pregnancy": ("Zwangerschap", "Pregnancy"),
    "personal_budget": ("Persoonsvolgend budget", "Personal budget"),
    "workpost_withdrew": ("Werkpost stopte", "Workpost withdrew"),
    "other": ("Andere", "Other"),
}

REGION_KINDS = ("province", "municipality")

# What a participant may agree to share with a workpost the supervisor contacts (issue 16).
WORKPOST_SHARE = {
    "needs": ("Wat de deelnemer nodig heeft (steun)", "What the participant needs (support)"),
    "first_name": ("Voornaam", "First name"),
    "phone": ("Telefoonnummer", "Phone number"),
}

# The business's answer to a contact request, and why "not now".
CONTACT_ANSWERS = {
    "meet": ("Laten we kennismaken", "Let's meet"),
    "not_now": ("Nu niet", "Not now"),
}
NOT_NOW_REASONS = {
    "no_place": ("Er is nu geen plaats", "There is no place now"),
    "tasks_dont_fit": ("De taken passen niet", "The tasks don't fit"),
    "other": ("Een andere reden", "Another reason"),
}

# A concern a workpost signals about someone working there.
CONCERN_CATEGORIES = {
    "absence": ("Afwezig", "Absence"),
    "conflict": ("Conflict", "Conflict"),
    "health": ("Gezondheid", "Health"),
    "safety": ("Veiligheid", "Safety"),
    "other": ("Iets anders", "Something else"),
}
