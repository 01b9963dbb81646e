"""Helpers the audit tests share (no tests here): a valid offer, walking the sign-up wizard,
counting the rows of every table."""
import copy

from sqlalchemy import func, select

BAKERY = {
    "soort": {"legal_form": "sole_trader"},
    "organisatie": {"enterprise_number": "0403.520.196", "name": "Bakkerij Peeters",
                    "org_type": "craft_business", "website": "www.bakkerijpeeters.be",
                    "description": "Kleine bakkerij met winkel. We bakken brood en taart."},
    "contact": {"contact_name": "An Peeters", "contact_email": "an@bakkerijpeeters.be",
                "contact_phone": "053 12 34 56"},
    "adres": {"street": "Kerkstraat 1", "postcode": "9300"},
    "werk": {"activities": ["kitchen", "retail"], "tasks": "Broodjes beleggen"},
    "steun": {"offers": ["calm_environment", "buddy"]},
    "planning": {"schedule": ["mon_am", "tue_am"], "hours_per_week": "8", "capacity": "2",
                 "available_from": ""},
}
STEPS = list(BAKERY)


def kbo(first_eight: str) -> str:
    """A valid enterprise number from its first eight digits (mod 97 check)."""
    return first_eight + f"{97 - int(first_eight) % 97:02d}"


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
