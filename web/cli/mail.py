"""`flask mail deliver`: send the outbox's due mail (run it every few minutes from cron)."""
import click

from web.infra import mail


@click.group("mail", help="De uitgaande mail.")
def group():
    pass


@group.command("deliver", help="Verstuur de mail in de outbox waarvan de tijd gekomen is.")
@click.option("--limit", default=500, show_default=True, help="Hoeveel mails hoogstens.")
def deliver(limit: int) -> None:
    delivered, failed = mail.deliver_due(limit)
    click.echo(f"{delivered} mail(s) delivered, {failed} failed (kept for a later attempt)")
    waiting = len(mail.undelivered())
    if waiting:
        click.echo(f"{waiting} mail(s) wait after a failed attempt")
