"""Flask commands; each group lives in its own module and is a thin wrapper over services.
Each command runs in one transaction (web.infra.transaction.wrap_commands)."""
from flask import Flask

from web.cli import export, mail, seed, users

GROUPS = (seed, export, users, mail)


def register(app: Flask) -> None:
    for module in GROUPS:
        app.cli.add_command(module.group)
