"""The domain model, one module per aggregate. Importing this registers every table."""
from web.models.audit import AuditEvent
from web.models.base import Base
from web.models.contact_request import ContactRequest, WorkpostConcern
from web.models.ended_session import EndedSession
from web.models.login_throttle import LoginThrottle
from web.models.outbox import OutboxMail
from web.models.organisation import Organisation, OrganisationRegion
from web.models.organisation_application import OrganisationApplication
from web.models.participant import Consent, Participant
from web.models.placement import Evaluation, Placement, PlacementEvent
from web.models.signup_draft import SignupDraft
from web.models.user import User
from web.models.workpost import Workpost, has_code
from web.models.workpost_change import WorkpostChange
from web.models.workpost_revision import WorkpostRevision

__all__ = [
    "AuditEvent", "Base", "Consent", "ContactRequest", "EndedSession", "Evaluation", "LoginThrottle", "Organisation",
    "OrganisationApplication", "OrganisationRegion",
    "Participant", "Placement", "PlacementEvent", "SignupDraft", "User", "Workpost",
    "WorkpostChange", "WorkpostConcern", "WorkpostRevision", "has_code",
]
