"""`flask users create`: make a staff account from the command line (e.g. the first admin)."""
import click
from sqlalchemy import select

from web.access.auth import hash_password
from web.extensions import db
from web.models import Organisation, User
from web.models.choices import ROLES


@click.group("users", help="Gebruikers beheren.")
def group():
    pass


@group.command("create", help="Maak een personeelsaccount aan.")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice(sorted(ROLES)), required=True)
@click.option("--organisation", "organisation_slug", help="Slug van de organisatie.")
@click.option("--name", default="")
@click.password_option()
def create(email: str, role: str, organisation_slug: str | None, name: str, password: str):
    email = email.strip().lower()
    if db.session.scalar(select(User).where(User.email == email)):
        raise click.UsageError(f"--email: er bestaat al een account voor {email}")
    organisation = None
    if role != "platform_admin":
        if not organisation_slug:
            raise click.UsageError("--organisation: verplicht voor begeleiders en beheerders")
        organisation = db.session.scalar(
            select(Organisation).where(Organisation.slug == organisation_slug)
        )
        if organisation is None:
            raise click.UsageError(f"--organisation: onbekende organisatie {organisation_slug}")
    if len(password) < 12:
        raise click.UsageError("--password: minstens 12 tekens")
    db.session.add(User(email=email, name=name, role=role, organisation=organisation,
                        password_hash=hash_password(password)))
    click.echo(f"account aangemaakt: {email} ({role})")
