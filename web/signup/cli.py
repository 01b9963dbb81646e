"""`flask signup purge-unconfirmed`: run daily from cron or a timer."""
from datetime import timedelta

import click

from web import clock
from web.services import signup as signup_service
from web.signup import bp, drafts


@bp.cli.command("purge-unconfirmed")
@click.option("--days", default=30, show_default=True,
              help="Forget sign-ups left unconfirmed for this many days.")
def purge_unconfirmed(days: int) -> None:
    """Forget sign-ups never confirmed, and wizard drafts that expired."""
    removed = signup_service.purge_unconfirmed(clock.now() - timedelta(days=days))
    # Here rather than in a command of their own, so that the daily run that already
    # exists also clears the contact details of wizards people left halfway.
    expired = drafts.purge_expired()
    click.echo(f"{removed} unconfirmed sign-up(s) removed")
    click.echo(f"{expired} expired sign-up draft(s) removed")
