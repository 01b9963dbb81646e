"""`flask signup purge-unconfirmed`: run daily from cron or a timer."""
from datetime import timedelta

import click

from web.extensions import db
from web.services import signup as signup_service
from web.signup import bp, clock


@bp.cli.command("purge-unconfirmed")
@click.option("--days", default=30, show_default=True,
              help="Forget sign-ups left unconfirmed for this many days.")
def purge_unconfirmed(days: int) -> None:
    removed = signup_service.purge_unconfirmed(clock.now() - timedelta(days=days))
    db.session.commit()
    click.echo(f"{removed} unconfirmed sign-up(s) removed")
