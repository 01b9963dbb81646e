"""The isolation audit's oracle: what each answer may be and how an answer is judged, snapshots
of every row by owner (compared per group for the organisations that are not the actor's), the
audit trail added per group, and records that point across organisations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import func, select

if TYPE_CHECKING:  # the probes import the oracle
    from isolation_prober import Probe
from isolation_world import (
    AUDIT_TARGETS,
    LOGIN_PATH,
    REDIRECTS,
    SECOND_FACTOR_PATH,
    World,
)


@dataclass(frozen=True)
class Expect:
    """statuses: the answers that count as a refusal; redirect: a redirect to this path;
    anything: any answer below 500 (the body is still checked)."""

    statuses: frozenset = frozenset()
    redirect: str | None = None
    anything: bool = False


REFUSED_404 = Expect(frozenset({404}))
REFUSED_403 = Expect(frozenset({403}))
REFUSED_401 = Expect(frozenset({401}))
TO_LOGIN = Expect(redirect=LOGIN_PATH)
TO_SECOND_FACTOR = Expect(redirect=SECOND_FACTOR_PATH)
ANY = Expect(anything=True)


def visible_text(response) -> str:
    body = response.get_data()
    text = body.decode("utf-8", "replace")
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    return headers + "\n" + text


def judge(probe: Probe, response) -> list[str]:
    code = response.status_code
    problems = []
    if code >= 500:
        return [f"server error {code}"]
    expect = probe.expect
    if expect.anything:
        return problems
    if expect.redirect is not None:
        location = response.headers.get("Location", "")
        if code not in REDIRECTS or urlsplit(location).path != expect.redirect:
            problems.append(f"answered {code} {location!r}, expected a redirect to "
                            f"{expect.redirect}")
    elif code not in expect.statuses:
        problems.append(f"answered {code}, expected {sorted(expect.statuses)}")
    return problems


# --- snapshots of the database, by owner -------------------------------------------------------

@dataclass
class Snapshot:
    rows: dict[tuple, tuple]   # (table, primary key) -> (owner, values)
    audit_max: int


def _owner_of_org(world: World, org_id) -> str:
    if org_id is None:
        return "platform"
    return world.org_key.get(org_id, f"org:{org_id}")


def snapshot(app, world: World) -> Snapshot:
    from web.extensions import db

    rows: dict[tuple, tuple] = {}
    owners: dict[tuple, str] = {}
    audit_max = 0
    with app.app_context(), db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            # The change feed's rows are notices that a workpost or one of its placements
            # changed: ids and counters, no data. Whoever moves a placement at another
            # organisation's atelier rightly bumps that atelier's notice; the change itself is
            # judged on the workposts and placements tables.
            if table.name == "workpost_changes":
                continue
            if table.name == "audit_events":
                audit_max = conn.scalar(select(func.max(table.c.id))) or 0
                continue
            pk_columns = list(table.primary_key.columns)
            for row in conn.execute(select(table)):
                values = row._mapping
                pk = tuple(values[c.name] for c in pk_columns)
                owner = _row_owner(world, table.name, values, owners)
                owners[(table.name, pk)] = owner
                rows[(table.name, pk)] = (owner, tuple(sorted(
                    (k, repr(v)) for k, v in values.items())))
    return Snapshot(rows, audit_max)


def _row_owner(world: World, table: str, values, owners) -> str:
    if table == "organisations":
        return _owner_of_org(world, values["id"])
    if table == "workposts":
        if values["organisation_id"] is not None:
            return _owner_of_org(world, values["organisation_id"])
        return "business:" + next((b.key for b in world.businesses.values()
                                   if b.id == values["id"]), str(values["id"]))
    if table == "consents":
        return owners.get(("participants", (values["participant_id"],)), "?")
    if table == "organisation_applications":
        return "platform"  # asks to join; only the platform admin decides
    if table == "placement_events":
        return owners.get(("placements", (values["placement_id"],)), "?")
    if "organisation_id" in values.keys():
        return _owner_of_org(world, values["organisation_id"])
    return f"table:{table}"  # a table this audit does not know yet: nobody may change it


def compare(before: Snapshot, after: Snapshot, allowed_owners) -> list[str]:
    changes = []
    for key in sorted(before.rows.keys() | after.rows.keys(), key=repr):
        old, new = before.rows.get(key), after.rows.get(key)
        if old == new:
            continue
        owner = (old or new)[0]
        if owner in allowed_owners and (new is None or new[0] in allowed_owners):
            continue
        if old is None:
            what = "row added"
        elif new is None:
            what = "row deleted"
        else:
            diff = [k for (k, v), (_, w) in zip(old[1], new[1]) if v != w]
            what = f"changed {diff}"
        changes.append(f"{owner}'s {key[0]} {key[1]}: {what}")
    return changes


def new_audit_events(app, world: World, before: Snapshot, after: Snapshot,
                     allowed_owners) -> list[str]:
    from web.extensions import db
    from web.models import AuditEvent

    problems = []
    with app.app_context(), db.engine.connect() as conn:
        events = conn.execute(select(AuditEvent.__table__).where(
            AuditEvent.id > before.audit_max)).all()
    for event in events:
        e = event._mapping
        org_owner = _owner_of_org(world, e["organisation_id"]) \
            if e["organisation_id"] is not None else None
        table = AUDIT_TARGETS.get(e["target_type"])
        key = (table, (e["target_id"],))
        target = (before.rows.get(key) or after.rows.get(key) or (None,))[0]
        for owner in (org_owner, target):
            if owner is not None and owner not in allowed_owners and owner != "platform":
                problems.append(f"audit event {e['action']} on {e['target_type']} "
                                f"{e['target_id']} concerns {owner}")
                break
    return problems


# --- records that point across organisations ---------------------------------------------------

def cross_organisation_references(app, world: World) -> list[str]:
    """Rows of one organisation that point at another's (after all the probes): a
    participant's supervisor, a placement's participant, an evaluation's placement, who
    recorded a consent or a step, a placement at a workpost its organisation may not see,
    and audit events filed under one organisation for an actor of another."""
    from web.extensions import db
    from web.models import (
        AuditEvent,
        Consent,
        Evaluation,
        Participant,
        Placement,
        PlacementEvent,
        User,
    )

    problems = []
    with app.app_context():
        s = db.session
        org_of_user = dict(s.execute(select(User.id, User.organisation_id)).all())
        people = {p.id: p for p in s.scalars(select(Participant))}
        for person in people.values():
            if person.supervisor_id and org_of_user.get(person.supervisor_id) != \
                    person.organisation_id:
                problems.append(f"participant {person.id}: supervisor of another organisation")
        for consent in s.scalars(select(Consent)):
            org = people[consent.participant_id].organisation_id
            for user in (consent.recorded_by_id, consent.withdrawn_by_id):
                if user and org_of_user.get(user) != org:
                    problems.append(f"consent {consent.id}: recorded by another organisation")
        placements = {p.id: p for p in s.scalars(select(Placement))}
        for placement in placements.values():
            org = placement.organisation_id
            key = world.org_key.get(org)
            if people[placement.participant_id].organisation_id != org:
                problems.append(f"placement {placement.id}: participant of another organisation")
            if placement.created_by_id and org_of_user.get(placement.created_by_id) != org:
                problems.append(f"placement {placement.id}: made by another organisation")
            pair = (placement.id, placement.workpost_id)
            if key and pair not in world.placement_posts[key] \
                    and placement.workpost_id not in world.visible[key]:
                problems.append(f"placement {placement.id}: at workpost "
                                f"{placement.workpost_id}, which {key} may not see")
        for event in s.scalars(select(PlacementEvent)):
            org = placements[event.placement_id].organisation_id
            if event.user_id and org_of_user.get(event.user_id) != org:
                problems.append(f"placement event {event.id}: by another organisation")
        for evaluation in s.scalars(select(Evaluation)):
            placement = placements[evaluation.placement_id]
            if evaluation.organisation_id != placement.organisation_id:
                problems.append(f"evaluation {evaluation.id}: of another organisation")
            if evaluation.done_by_id and \
                    org_of_user.get(evaluation.done_by_id) != evaluation.organisation_id:
                problems.append(f"evaluation {evaluation.id}: done by another organisation")
        for event in s.scalars(select(AuditEvent).where(
                AuditEvent.organisation_id.is_not(None),
                AuditEvent.actor_user_id.is_not(None))):
            actor_org = org_of_user.get(event.actor_user_id)
            if actor_org is not None and actor_org != event.organisation_id:
                problems.append(f"audit event {event.id} ({event.action}) of organisation "
                                f"{event.organisation_id} by a user of {actor_org}")
        s.remove()
    return problems
