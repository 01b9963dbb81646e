"""Flask commands; each group lives in its own module and is a thin wrapper over services."""
import importlib

from flask import Flask

GROUPS = ("seed", "export", "users")


def register(app: Flask) -> None:
    for name in GROUPS:
        try:
            module = importlib.import_module(f"web.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"web.cli.{name}":
                raise
            continue
        app.cli.add_command(module.group)
