"""`flask seed demo` and `flask seed logins`: a thin wrapper that inserts seed/'s data.

Everything is inserted in one transaction: a crash or Ctrl+C midway leaves nothing behind.
"""
import random
import sys
import time

import click
from sqlalchemy import delete, func, insert, select

from seed import DemoPlan
from seed.demo import RECENT_OFFERS
from web import clock
from web.access.auth import hash_password
from web.cli.seed_pipeline import walk_all
from web.infra import transaction
from web.extensions import db
from web.models import (AuditEvent, Consent, Evaluation, Organisation, OrganisationApplication,
                        OrganisationRegion, Participant, Placement, PlacementEvent, User,
                        Workpost)

DEMO_PASSWORD = "werkpostwijzer-demo"
BATCH = 2000
# Children before parents, so that foreign keys never block a reset.
RESET_ORDER = (AuditEvent, OrganisationApplication, Evaluation, PlacementEvent, Placement,
               Consent, Participant, User, Workpost, OrganisationRegion, Organisation)


@click.group("seed", help="Demogegevens aanmaken.")
def group():
    pass


def _insert(model, rows: list[dict]) -> list[int]:
    ids = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        result = db.session.execute(
            insert(model).returning(model.id, sort_by_parameter_order=True), chunk)
        ids.extend(result.scalars())
    return ids


def _columns(model, row: dict) -> dict:
    names = model.__table__.columns.keys()
    return {key: value for key, value in row.items() if key in names}


def _reset() -> None:
    for model in RESET_ORDER:
        db.session.execute(delete(model))


def _seed(plan: DemoPlan, bar) -> dict:
    organisations = plan.organisations()
    org_ids = _insert(Organisation, [_columns(Organisation, o) for o in organisations])
    regions = [{"organisation_id": oid, "kind": kind, "code": code}
               for o, oid in zip(organisations, org_ids) for kind, code in o["regions"]]
    _insert(OrganisationRegion, regions)
    internal = plan.internal_workposts(organisations, org_ids)
    _insert(Workpost, [_columns(Workpost, w) for w in internal])
    bar.update(len(internal))
    remaining = max(0, plan.workpost_count - len(internal))
    recent = min(RECENT_OFFERS, remaining)
    for start in range(0, remaining - recent, BATCH):
        rows = plan.external_workposts(min(BATCH, remaining - recent - start), start)
        _insert(Workpost, [_columns(Workpost, w) for w in rows])
        bar.update(len(rows))
    _insert(Workpost, [_columns(Workpost, w)
                       for w in plan.recent_offers(recent, remaining - recent)])
    bar.update(recent)
    password = hash_password(DEMO_PASSWORD)  # argon2 is slow on purpose: hash once
    staff = plan.staff(organisations, org_ids)
    staff_ids = _insert(User, [dict(u, password_hash=password) for u in staff])
    people = _followed(plan.participants(organisations, org_ids), staff, staff_ids)
    person_ids = _insert(Participant, people)
    _insert(Consent, plan.consents(person_ids))
    walked = walk_all(random.Random(plan.seed), plan.today, person_ids,
                      plan.placements(len(person_ids)))
    return {"organisations": len(org_ids), "workposts": len(internal) + remaining,
            "participants": len(person_ids), **walked}


def _followed(people: list[dict], staff: list[dict], staff_ids: list[int]) -> list[dict]:
    """Each participant is followed by one of the organisation's staff, supervisors first
    (turn by turn), so that every demo login has people of its own on the dashboard."""
    by_org: dict[int, list[int]] = {}
    for user, user_id in sorted(zip(staff, staff_ids), key=lambda s: s[0]["role"] != "supervisor"):
        if user["organisation_id"] is not None:
            by_org.setdefault(user["organisation_id"], []).append(user_id)
    turn: dict[int, int] = {}
    for person in people:
        team = by_org.get(person["organisation_id"])
        if team:
            n = turn.get(person["organisation_id"], 0)
            person["supervisor_id"] = team[n % len(team)]
            turn[person["organisation_id"]] = n + 1
    return people


@group.command("demo", help="Vul de databank met demogegevens (deterministisch per --seed).")
@click.option("--orgs", default=132, show_default=True, help="Aantal begeleidende organisaties.")
@click.option("--workposts", default=2000, show_default=True, help="Aantal werkposten.")
@click.option("--participants", default=300, show_default=True, help="Aantal deelnemers.")
@click.option("--seed", "seed_value", default=2026, show_default=True, help="Startwaarde.")
@click.option("--reset", is_flag=True, help="Wis eerst alle gegevens.")
@click.option("--if-empty", is_flag=True, help="Niets doen als er al gegevens zijn.")
def demo(orgs, workposts, participants, seed_value, reset, if_empty):
    if if_empty and db.session.scalar(select(func.count()).select_from(Organisation)):
        click.echo("De databank heeft al gegevens; er is niets toegevoegd.")
        _print_logins()
        return
    try:
        plan = DemoPlan(seed_value, orgs, workposts, participants, clock.today())
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    if reset:
        _reset()
    started = time.perf_counter()
    with click.progressbar(length=max(workposts, 1), label="Werkposten",
                           file=sys.stderr) as bar:
        counts = _seed(plan, bar)
    transaction.commit_early("VACUUM ANALYZE runs on a connection of its own: it must see the rows")
    _refresh_statistics()
    click.echo(f"Aangemaakt: {counts['organisations']} organisaties, {counts['workposts']} "
               f"werkposten, {counts['participants']} deelnemers, {counts['placements']} "
               f"plaatsingen ({counts['waiting']} op een wachtlijst, {counts['refused']} door een "
               f"regel geweigerd), in "
               f"{time.perf_counter() - started:.1f} s.")
    _print_logins()


def _refresh_statistics() -> None:
    """After a bulk load PostgreSQL's planner knows nothing of the new rows, and its
    index-only scans (the matcher's freshness check) need the visibility map that VACUUM
    sets. Autovacuum gets there in a while; a new demo should be fast at once."""
    bind = db.session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # Outside any transaction: VACUUM cannot run inside one.
    with bind.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


@group.command("logins", help="Toon de demo-aanmeldingen.")
def logins():
    _print_logins()


def _print_logins(limit: int = 4) -> None:
    admin = db.session.scalar(select(User).where(User.role == "platform_admin").order_by(User.id))
    staff = db.session.scalars(
        select(User).join(Organisation).where(User.email.like("%.demo.werkpostwijzer.be"))
        .order_by(Organisation.org_type != "ocmw", Organisation.province != "oost_vlaanderen",
                  User.id).limit(limit * 2)).all()
    shown = ([admin] if admin else []) + staff
    if not shown:
        return
    click.echo("\nDemo-aanmeldingen (wachtwoord voor allemaal: %s):" % DEMO_PASSWORD)
    for user in shown:
        organisation = user.organisation.name if user.organisation else "platform"
        click.echo(f"  {user.role:<15} {user.email:<60} {organisation}")
    click.echo("  Bij de eerste aanmelding stel je de tweede stap (app met code) in.")
