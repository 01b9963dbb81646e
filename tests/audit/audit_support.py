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
