"""Participants of one organisation: pseudonymous profiles, consent, export and erasure.

Every function takes the organisation's id or an already scoped participant, so that no
query can reach another organisation's people. Every view and change is audited with ids
and field names only.
"""
from datetime import date

from sqlalchemy import func, select

from web import minimisation
from web.infra.database import forget_on_disk
import geo
from matcher import codes
from web.extensions import db
from web.models import Consent, Participant, Placement, User
from web.labels import label
from web.models.choices import GOALS, PLACEMENT_STATUSES, STOP_REASONS, WORKPOST_SHARE
from web.services import audit, placements
from web.services.eligibility import matching_refusal, may_match  # noqa: F401  (re-exported)
from web.services.errors import ServiceError

PROFILE_FIELDS = ("reference", "postcode", "travel_modes", "max_minutes", "max_km",
                  "interests", "interests_text", "avoid", "needs", "wishes", "availability",
                  "hours_per_week", "goal", "supervisor_id")
CODE_LISTS = {"travel_modes": "MODES", "interests": "ACTIVITIES", "avoid": "ACTIVITIES",
              "needs": "SUPPORTS", "wishes": "SUPPORTS", "availability": "SLOTS"}


class ParticipantError(ServiceError):
    """A refusal the interface explains next to `field`; `code` picks the message."""


# --- reading: the one audited way staff read a participant ---------------------------------
#
# Participant data is health-related: every read by staff leaves a row in the access log.
# `read` (one person) and `read_list` (a list) are the only ways the views, exports and the
# token API get participants; both keep to the reader's own organisation (a person of
# another organisation is None, exactly like one that does not exist) and both write the
# row in the request's transaction. A list read writes ONE row naming the ids it returns,
# not one per person: a list of 300 is one write, and "who saw this person" is still
# answered from the ids. Pages that show people through their placements or evaluations
# read those people with `read_list(ids=...)`.

READ_ACTIONS = ("participant.viewed", "participants.listed")


def _scoped(organisation_id: int | None):
    return select(Participant).where(Participant.organisation_id == organisation_id)


def read(participant_id: int, *, by: User, purpose: str) -> Participant | None:
    """One participant of `by`'s organisation, its read written to the access log."""
    person = db.session.scalar(_scoped(by.organisation_id).where(
        Participant.id == participant_id))
    if person is not None:
        audit.record("participant.viewed", "participant", person.id, actor=by,
                     organisation_id=person.organisation_id, detail={"page": purpose})
    return person


def read_list(*, by: User, purpose: str, ids=None, supervisor_id: int | None = None,
              status=None, search: str = "") -> list[Participant]:
    """Participants of `by`'s organisation (only `ids` when given, in their order), the read
    written as one access-log row naming the ids returned; no row when nobody is shown."""
    query = _scoped(by.organisation_id)
    if ids is not None:
        wanted = list(dict.fromkeys(ids))
        query = query.where(Participant.id.in_(wanted))
    if supervisor_id is not None:
        query = query.where(Participant.supervisor_id == supervisor_id)
    if isinstance(status, (tuple, list, set, frozenset)):
        query = query.where(Participant.status.in_(status))
    elif status:
        query = query.where(Participant.status == status)
    if search:
        query = query.where(func.lower(Participant.reference).contains(search.lower()))
    people = list(db.session.scalars(query.order_by(Participant.reference)))
    if ids is not None:
        order = {pid: n for n, pid in enumerate(wanted)}
        people.sort(key=lambda p: order[p.id])
    if people:
        audit.record("participants.listed", "organisation", by.organisation_id, actor=by,
                     organisation_id=by.organisation_id,
                     detail={"page": purpose, "ids": [p.id for p in people]})
    return people


def staff_of(organisation_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.organisation_id == organisation_id, User.active.is_(True)).order_by(User.name)))


# --- changes ----------------------------------------------------------------------------------

def _known_codes(name: str) -> set[str]:
    return set(getattr(codes, name))


def problems(values: dict, organisation_id: int,
             participant_id: int | None = None) -> list[ParticipantError]:
    """Every refusal of a profile at once (the form shows them all next to their fields)."""
    found = []
    problem = minimisation.code_problem((values.get("reference") or "").strip())
    if problem:
        found.append(ParticipantError(problem, "reference"))
    if minimisation.health_words(values.get("interests_text")):
        found.append(ParticipantError("health_words", "interests_text"))
    for field, list_name in CODE_LISTS.items():
        unknown = set(values.get(field) or ()) - _known_codes(list_name)
        if unknown:
            found.append(ParticipantError("unknown_code", field))
    if values.get("goal") not in GOALS:
        found.append(ParticipantError("unknown_code", "goal"))
    if not values.get("travel_modes"):
        found.append(ParticipantError("no_mode", "travel_modes"))
    clash = select(Participant.id).where(
        Participant.organisation_id == organisation_id,
        Participant.reference == (values.get("reference") or ""),
        Participant.id != (participant_id or 0))
    if db.session.scalar(clash) is not None:
        found.append(ParticipantError("reference_taken", "reference"))
    supervisor_id = values.get("supervisor_id")
    if supervisor_id is not None:
        colleague = db.session.get(User, supervisor_id)
        if colleague is None or colleague.organisation_id != organisation_id:
            found.append(ParticipantError("unknown_supervisor", "supervisor_id"))
    return found


def _check(values: dict, organisation_id: int, participant_id: int | None) -> None:
    found = problems(values, organisation_id, participant_id)
    if found:
        raise ParticipantError(found[0].code, found[0].field, found[1:])


def _locate(participant: Participant, postcode: str) -> None:
    try:
        place = geo.postcode_centre(postcode)
    except ValueError as error:  # geo.UnknownPostcode is a ValueError
        raise ParticipantError("unknown_postcode", "postcode") from error
    participant.postcode = place.postcode
    participant.municipality = place.municipality
    participant.province = place.province or ""
    participant.lat, participant.lon = place.lat, place.lon


def create(organisation_id: int, values: dict, by: User) -> Participant:
    values = {k: values.get(k) for k in PROFILE_FIELDS}
    values["reference"] = (values["reference"] or "").strip()
    _check(values, organisation_id, None)
    participant = Participant(organisation_id=organisation_id, status="intake")
    _locate(participant, values["postcode"])
    for field in PROFILE_FIELDS:
        if field != "postcode":
            setattr(participant, field, values[field])
    db.session.add(participant)
    db.session.flush()
    audit.record("participant.created", "participant", participant.id, actor=by,
                 organisation_id=organisation_id)
    return participant


def update(participant: Participant, values: dict, by: User) -> list[str]:
    """Change the profile; returns the names of the changed fields."""
    if participant.status == "frozen":
        raise ParticipantError("frozen")
    values = {k: values.get(k) for k in PROFILE_FIELDS}
    values["reference"] = (values["reference"] or "").strip()
    _check(values, participant.organisation_id, participant.id)
    changed = [f for f in PROFILE_FIELDS if getattr(participant, f) != values[f]]
    if "postcode" in changed:
        _locate(participant, values["postcode"])
    for field in changed:
        if field != "postcode":
            setattr(participant, field, values[field])
    if changed:
        audit.record("participant.updated", "participant", participant.id, actor=by,
                     organisation_id=participant.organisation_id, detail={"fields": changed})
    return changed


def add_interest(participant: Participant, code: str, by: User) -> None:
    """Add one activity the person confirmed (a suggestion read from their own words)."""
    if participant.status == "frozen":
        raise ParticipantError("frozen")
    if code not in _known_codes("ACTIVITIES"):
        raise ParticipantError("unknown_code", "interests")
    if code in (participant.interests or []):
        return
    participant.interests = [*(participant.interests or []), code]
    db.session.flush()
    audit.record("participant.updated", "participant", participant.id, actor=by,
                 organisation_id=participant.organisation_id,
                 detail={"fields": ["interests"], "confirmed_suggestion": code})


def record_consent(participant: Participant, by: User, *, processed: str, shared_with: str,
                   purpose: str, given_on: date, today: date,
                   workpost_share=()) -> Consent:
    if given_on > today:
        raise ParticipantError("future_date", "given_on")
    share = [code for code in WORKPOST_SHARE if code in set(workpost_share or ())]
    if len(share) != len(set(workpost_share or ())):
        raise ParticipantError("unknown_code", "workpost_share")
    consent = Consent(processed=processed.strip(), shared_with=shared_with.strip(),
                      purpose=purpose.strip(), given_on=given_on, recorded_by_id=by.id,
                      workpost_share=share)
    participant.consents.append(consent)
    # New consent lifts a freeze: the person agreed again.
    if participant.status in ("frozen", "intake"):
        participant.status = "searching"
    db.session.flush()
    audit.record("consent.recorded", "participant", participant.id, actor=by,
                 organisation_id=participant.organisation_id,
                 detail={"consent_id": consent.id, "workpost_share": share})
    return consent


def withdraw_consent(participant: Participant, by: User, now) -> None:
    consent = participant.current_consent
    if consent is None:
        raise ParticipantError("no_consent")
    consent.withdrawn_at = now
    consent.withdrawn_by_id = by.id
    participant.status = "frozen"
    audit.record("consent.withdrawn", "participant", participant.id, actor=by,
                 organisation_id=participant.organisation_id, detail={"consent_id": consent.id})


# --- export and erasure -----------------------------------------------------------------------

def _iso(value):
    return value.isoformat() if value is not None else None


def export(participant: Participant, by: User) -> dict:
    """Everything the platform keeps about this person (a subject access request)."""
    placements = db.session.scalars(select(Placement).where(
        Placement.participant_id == participant.id,
        Placement.organisation_id == participant.organisation_id)).all()
    audit.record("participant.exported", "participant", participant.id, actor=by,
                 organisation_id=participant.organisation_id)
    profile = {field: getattr(participant, field) for field in PROFILE_FIELDS}
    profile.update(_labels_of(participant))
    profile.update(municipality=participant.municipality, province=participant.province,
                   status=participant.status, created_at=_iso(participant.created_at),
                   updated_at=_iso(participant.updated_at))
    return {
        "participant": profile,
        "consents": [{"processed": c.processed, "shared_with": c.shared_with,
                      "purpose": c.purpose, "given_on": _iso(c.given_on),
                      "recorded_at": _iso(c.recorded_at), "withdrawn_at": _iso(c.withdrawn_at)}
                     for c in participant.consents],
        "placements": [_placement_export(p) for p in placements],
    }


def _labels_of(participant: Participant) -> dict:
    """Beside every list of codes, its labels in the language of the request (issue 15: a
    person reading their own export should not need to know `bike` or `kitchen`)."""
    tables = {"MODES": codes.MODE_LABELS, "ACTIVITIES": codes.ACTIVITY_LABELS,
              "SUPPORTS": codes.SUPPORT_LABELS, "SLOTS": codes.SLOT_LABELS}
    found = {f"{field}_labels": [label(tables[table], code)
                                 for code in (getattr(participant, field) or ())]
             for field, table in CODE_LISTS.items()}
    found["goal_label"] = label(GOALS, participant.goal) if participant.goal else None
    return found


def _placement_export(placement: Placement) -> dict:
    return {
        "workpost": placement.workpost.name, "status": placement.status,
        "status_label": label(PLACEMENT_STATUSES, placement.status),
        "stop_reason_label": label(STOP_REASONS, placement.stop_reason)
        if placement.stop_reason else None,
        "hours_per_week": placement.hours_per_week, "tasks": placement.tasks,
        "start_date": _iso(placement.start_date), "end_date": _iso(placement.end_date),
        "stop_reason": placement.stop_reason, "note": placement.note,
        "agreement": placement.agreement,
        "history": [{"status": e.status, "on_date": _iso(e.on_date), "note": e.note,
                     "changes": e.changes} for e in placement.events],
        "evaluations": [{"due_on": _iso(e.due_on), "done_on": _iso(e.done_on),
                         "notes": e.notes, "agreements": e.agreements,
                         "satisfaction": [e.satisfaction_workpost, e.satisfaction_guidance,
                                          e.satisfaction_hours, e.satisfaction_tasks]}
                        for e in placement.evaluations],
    }


def erase(participant: Participant, by: User) -> None:
    """Delete the person and their placements; the trail keeps the id only."""
    participant_id, organisation_id = participant.id, participant.organisation_id
    for placement in db.session.scalars(select(Placement).where(
            Placement.participant_id == participant_id,
            Placement.organisation_id == organisation_id)):
        placements.release_place(placement)
        db.session.delete(placement)
    db.session.delete(participant)
    db.session.flush()
    forget_on_disk()
    audit.record("participant.erased", "participant", participant_id, actor=by,
                 organisation_id=organisation_id)
