"""Applications of recognised supervisor organisations: store one, list them for the platform
admin, accept (the organisation is made and its contact person is invited as its first admin,
through the staff invitation of web/services/staff.py) or refuse with a reason.
Flushes only; the route commits, and sends the mail through the outbox."""
from datetime import datetime
import re

from sqlalchemy import func, select

import geo
from web.extensions import db
from web.models import Organisation, OrganisationApplication, OrganisationRegion, User
from web.models.choices import ORGANISATION_TYPES
from web.services import audit, staff
from web.services.errors import ServiceError
from web.services.regions import slugify

RECENT = 20


class ApplicationError(ServiceError):
    pass


def normalised_number(text: str) -> str:
    """'ama 1234' and 'AMA-1234' are different numbers, but 'AMA-1234 ' is 'ama-1234'."""
    return re.sub(r"\s+", "", text or "").upper()


def number_taken(number: str) -> bool:
    """In use by an organisation, or asked for by an application not refused."""
    wanted = normalised_number(number)
    in_use = select(Organisation.id).where(
        func.upper(func.replace(Organisation.recognition_number, " ", "")) == wanted)
    asked = select(OrganisationApplication.id).where(
        OrganisationApplication.recognition_number == wanted,
        OrganisationApplication.status != "refused")
    return db.session.scalar(in_use.limit(1)) is not None or \
        db.session.scalar(asked.limit(1)) is not None


def check_regions(provinces: list[str], municipalities: list[str]) -> list[list[str]]:
    if set(provinces) - {p.code for p in geo.provinces()} or \
            set(municipalities) - {m[0] for m in geo.municipalities()}:
        raise ApplicationError("unknown_code", "provinces")
    if not provinces and not municipalities:
        raise ApplicationError("no_region", "provinces")
    return [["province", c] for c in sorted(set(provinces))] + \
        [["municipality", c] for c in sorted(set(municipalities))]


def apply(values: dict, provinces: list[str], municipalities: list[str], language: str,
          now: datetime) -> OrganisationApplication:
    """values: name, recognition_number, org_type, postcode, contact_name, contact_email."""
    problems = []
    if number_taken(values["recognition_number"]):
        problems.append(ApplicationError("recognition_taken", "recognition_number"))
    if values["org_type"] not in ORGANISATION_TYPES:
        problems.append(ApplicationError("unknown_code", "org_type"))
    try:
        regions = check_regions(provinces, municipalities)
    except ApplicationError as error:
        problems.append(error)
    if problems:
        # Every refusal at once, next to its own field.
        raise ApplicationError(problems[0].code, problems[0].field, problems[1:])
    application = OrganisationApplication(
        name=values["name"].strip(), recognition_number=normalised_number(
            values["recognition_number"]), org_type=values["org_type"],
        postcode=values["postcode"], regions=regions, contact_name=values["contact_name"].strip(),
        contact_email=values["contact_email"].strip().lower(), language=language,
        status="pending", created_at=now)
    db.session.add(application)
    db.session.flush()
    audit.record("organisation_application.received", "organisation_application",
                 application.id)
    return application


def pending() -> list[OrganisationApplication]:
    return list(db.session.scalars(select(OrganisationApplication)
                                   .where(OrganisationApplication.status == "pending")
                                   .order_by(OrganisationApplication.created_at)))


def recently_decided() -> list[OrganisationApplication]:
    return list(db.session.scalars(select(OrganisationApplication)
                                   .where(OrganisationApplication.status != "pending")
                                   .order_by(OrganisationApplication.decided_at.desc())
                                   .limit(RECENT)))


def _undecided(application: OrganisationApplication) -> None:
    if application.status != "pending":
        raise ApplicationError("application_decided")


def _free_slug(name: str) -> str:
    base = slugify(name)[:110] or "organisatie"
    taken = set(db.session.scalars(select(Organisation.slug)
                                   .where(Organisation.slug.like(f"{base}%"))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def accept(application: OrganisationApplication, by: User,
           now: datetime) -> tuple[Organisation, User]:
    """The organisation, and its first admin (invited; the caller mails the invitation)."""
    _undecided(application)
    if _number_taken_by_organisation(application.recognition_number):
        raise ApplicationError("recognition_taken")
    place = geo.postcode_centre(application.postcode)
    organisation = Organisation(
        name=application.name, slug=_free_slug(application.name),
        org_type=application.org_type, recognition_number=application.recognition_number,
        postcode=application.postcode, municipality=place.municipality,
        province=place.province, lat=place.lat, lon=place.lon,
        contact_name=application.contact_name, contact_email=application.contact_email,
        regions=[OrganisationRegion(kind=kind, code=code) for kind, code in application.regions])
    db.session.add(organisation)
    db.session.flush()
    admin = staff.invite(organisation.id, application.contact_email, application.contact_name,
                         "org_admin", by)
    application.status, application.decided_at, application.decided_by_id = \
        "accepted", now, by.id
    application.organisation_id = organisation.id
    audit.record("organisation_application.accepted", "organisation_application",
                 application.id, actor=by, organisation_id=organisation.id)
    return organisation, admin


def _number_taken_by_organisation(number: str) -> bool:
    return db.session.scalar(select(Organisation.id).where(
        func.upper(func.replace(Organisation.recognition_number, " ", "")) == number)
        .limit(1)) is not None


def refuse(application: OrganisationApplication, by: User, now: datetime, reason: str) -> None:
    _undecided(application)
    application.status, application.decided_at, application.decided_by_id = \
        "refused", now, by.id
    application.reason = reason.strip()
    audit.record("organisation_application.refused", "organisation_application",
                 application.id, actor=by)
