"""Helpers the audit tests share (no tests here): a valid offer, walking the sign-up wizard,
counting the rows of every table."""
import copy

from sqlalchemy import func, select

from harness import BAKERY  # noqa: E402  (the same valid offer as the sign-up tests)

STEPS = list(BAKERY)


from harness import kbo  # noqa: E402,F401



def walk_wizard(client, data=None, until=None) -> None:
    """Start the wizard and pass every data step (up to `until`) with valid input."""
    data = copy.deepcopy(data or BAKERY)
    client.get("/aanbieden/start")
    for slug in STEPS:
        if slug == until:
            return
        response = client.post(f"/aanbieden/stap/{slug}", data=data[slug])
        assert response.status_code == 302, (slug, response.status_code)


def table_counts(app) -> dict[str, int]:
    """Rows per table of the app's database (its own connection: sees committed rows only)."""
    from web.extensions import db

    with app.app_context():
        with db.engine.connect() as conn:
            return {table.name: conn.scalar(select(func.count()).select_from(table))
                    for table in db.metadata.sorted_tables}


def counts_beside_reads(app) -> dict[str, int]:
    """table_counts, with the access log's read rows (participants.READ_ACTIONS) left out:
    a refused request that looked a participant up must still leave that trace (issue 14,
    item 3), and must write nothing else, not even another kind of audit row."""
    from web.extensions import db
    from web.models import AuditEvent
    from web.services.participants import READ_ACTIONS

    counts = table_counts(app)
    with app.app_context():
        with db.engine.connect() as conn:
            counts["audit_events"] = conn.scalar(
                select(func.count()).select_from(AuditEvent.__table__)
                .where(AuditEvent.action.not_in(READ_ACTIONS)))
    return counts
