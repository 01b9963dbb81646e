"""Write an audit event. Details hold ids and field names, never the personal data itself."""
from web.extensions import db
from web.models import AuditEvent


def record(action: str, target_type: str, target_id: int | None, *, actor=None,
           actor_label: str = "", organisation_id: int | None = None,
           detail: dict | None = None) -> AuditEvent:
    event = AuditEvent(
        action=action,
        target_type=target_type,
        target_id=target_id,
        actor_user_id=getattr(actor, "id", None),
        # An e-mail address may be longer than the column (254 against 80): PostgreSQL
        # refuses what SQLite would keep, so cut it here; the user id says who it was.
        actor_label=(actor_label or (getattr(actor, "email", "") if actor else ""))[
            :AuditEvent.actor_label.property.columns[0].type.length],
        organisation_id=organisation_id if organisation_id is not None
        else getattr(actor, "organisation_id", None),
        detail=detail or {},
    )
    db.session.add(event)
    return event
