"""`flask export workposts --format csv`: the workposts as CSV on standard output."""
import sys

import click
from sqlalchemy import select

from web.infra import csvfile
from web.extensions import db
from web.models import Workpost

COLUMNS = (
    "id", "name", "legal_form", "sector", "org_type", "internal", "status", "postcode",
    "municipality", "province", "lat", "lon", "activities", "offers", "schedule", "capacity",
    "open_places",
)


def _row(workpost: Workpost) -> list:
    values = []
    for column in COLUMNS:
        value = getattr(workpost, column)
        if isinstance(value, list):
            value = ";".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        values.append(value)
    return values


@click.group("export", help="Gegevens exporteren.")
def group():
    pass


@group.command("workposts", help="Alle werkposten als CSV naar standaarduitvoer.")
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True)
@click.option("--status", multiple=True, help="Alleen werkposten met deze status.")
def workposts(fmt: str, status: tuple[str, ...]):
    query = select(Workpost).order_by(Workpost.id).execution_options(yield_per=2000)
    if status:
        query = query.where(Workpost.status.in_(status))
    writer = csvfile.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    for workpost in db.session.scalars(query):
        writer.writerow(_row(workpost))
