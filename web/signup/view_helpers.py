"""Small helpers the sign-up and manage views share: page context, form data -> Signup, and
the kind page for a link that does not work (any more)."""
from types import SimpleNamespace

from flask import current_app, render_template

import geo
from matcher import codes
from web.kbo import display
from web.labels import label
from web.models.choices import LEGAL_FORMS, WORKPOST_ORG_TYPES, WORKPOST_STATUSES
from web.services.signup import Signup
from web.services.workpost_location import locate, province_name, refine_with_street
from web.signup import wizard


def vocabulary() -> dict:
    return {"LEGAL_FORMS": LEGAL_FORMS, "WORKPOST_ORG_TYPES": WORKPOST_ORG_TYPES,
            "WORKPOST_STATUSES": WORKPOST_STATUSES,
            "kbo_display": display,"ACTIVITY_LABELS": codes.ACTIVITY_LABELS,
            "activity_examples": explanations(codes.ACTIVITY_EXAMPLES),
            "SUPPORT_LABELS": codes.SUPPORT_LABELS,
            "support_explain": explanations(codes.SUPPORT_EXPLAIN),
            "SLOTS": codes.SLOTS, "SLOT_LABELS": codes.SLOT_LABELS,
            "DAY_LABELS": codes.DAY_LABELS, "PART_LABELS": codes.PART_LABELS}


def explanations(mapping: dict) -> dict:
    """matcher.codes explanations as text in the visitor's language: they may be (nl, en)
    pairs, plain strings, or lists of examples."""
    result = {}
    for code, text in mapping.items():
        if isinstance(text, tuple) and len(text) == 2:
            text = label(mapping, code)
        if isinstance(text, (list, tuple)):
            text = ", ".join(str(t) for t in text)
        result[code] = str(text)
    return result


def place_context(postcode: str | None) -> dict:
    """Where a (valid) postcode lies, for "shows where it lies" without a script."""
    try:
        place = locate(postcode or "")
    except LookupError:
        return {"place": None}
    return {"place": place, "place_province": province_name(place.province)}


def step_context(step, form) -> dict:
    extra = place_context(form.postcode.data) if "postcode" in form else {}
    return {"step": step, "steps": wizard.STEPS, "number": wizard.number(step),
            "total": len(wizard.STEPS), "previous": wizard.previous(step),
            "legal_form": wizard.legal_form(), **extra, **vocabulary()}


def geocoded(location, street: str | None):
    """The street address's coordinates with the configured geocoder (GEOCODER: postcode by
    default, which keeps the postcode centre)."""
    kind = current_app.config.get("GEOCODER") or "postcode"
    if kind == "postcode":
        return location
    geocoder = geo.make_geocoder(kind, current_app.config.get("GEOCODER_USER_AGENT",
                                                              "werkpostwijzer"))
    return refine_with_street(location, street, geocoder)


def signup_from_forms(checked: dict, language: str, geocode: bool = False) -> Signup:
    org, contact, address = checked["organisatie"], checked["contact"], checked["adres"]
    work, support, plan = checked["werk"], checked["steun"], checked["planning"]
    legal_form = checked["soort"].legal_form.data
    offers = list(support.offers.data or [])
    return Signup(
        legal_form=legal_form,
        enterprise_number=org.enterprise_number.data if "enterprise_number" in org else None,
        name=org.name.data, org_type=org.org_type.data, website=org.website.data or None,
        description=org.description.data, contact_name=contact.contact_name.data,
        contact_email=contact.contact_email.data, contact_phone=contact.contact_phone.data,
        street=address.street.data, address_public=bool(address.address_public.data),
        location=geocoded(address.place, address.street.data) if geocode else address.place,
        activities=list(work.activities.data),
        tasks=work.tasks.data or "", offers=offers,
        transport_radius_km=(support.transport_radius_km.data
                             if "transport_provided" in offers else None),
        schedule=list(plan.schedule.data), hours_per_week=plan.hours_per_week.data,
        capacity=plan.capacity.data, available_from=plan.available_from.data,
        language=language if language in ("nl", "en") else "nl",
    )


def preview(data: Signup) -> SimpleNamespace:
    """A Signup shaped like a Workpost, for the summary on the last step."""
    values = {name: getattr(data, name) for name in data.__dataclass_fields__}
    place = values.pop("location")
    return SimpleNamespace(**values, postcode=place.postcode, municipality=place.municipality)


def link_problem(kind: str):
    """Expired, tampered or voided links, and offers that are gone, explained kindly."""
    status = 410 if kind in ("gone", "request_gone") else 400
    return render_template("signup/link_problem.html", kind=kind), status
