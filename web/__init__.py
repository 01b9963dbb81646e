"""Werkpostwijzer web application: create_app() reads top to bottom."""
from pathlib import Path

from flask import Flask

from web import config as config_module
from web import errors, i18n, page_cache, requests, security, topology
from web.extensions import babel, csrf, db, limiter, login_manager, migrate
from web.matching import MatchingIndex

MIGRATIONS = str(Path(__file__).parent / "migrations")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(config_module.from_environment())
    app.config.update(config or {})
    Path(app.config["INSTANCE_DIR"]).mkdir(parents=True, exist_ok=True)
    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    register_extensions(app)
    requests.init_app(app)
    register_blueprints(app)
    register_commands(app)
    errors.init_app(app)
    security.init_app(app)
    register_template_helpers(app)
    topology.check(app)
    return app


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    from web import database

    database.tune_engine(app)
    migrate.init_app(app, db, directory=MIGRATIONS)
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=";".join(i18n.catalog_dirs()),
    )
    limiter.init_app(app)
    page_cache.init_app(app)
    MatchingIndex(app)  # the matcher's index, one per app (web/matching/index_cache.py)
    from web import auth

    auth.init_app(app)


def register_blueprints(app: Flask) -> None:
    from web.public import bp as public_bp

    app.register_blueprint(public_bp)
    for area in ("account", "signup", "directory", "info", "supervisor", "admin", "api"):
        _register_optional(app, area)


def _register_optional(app: Flask, area: str) -> None:
    # Areas are added one by one; each module exposes `bp` once it exists.
    import importlib

    try:
        module = importlib.import_module(f"web.{area}")
    except ModuleNotFoundError as error:
        if error.name != f"web.{area}":
            raise
        return
    app.register_blueprint(module.bp)
    if hasattr(module, "init_app"):
        module.init_app(app)


def register_commands(app: Flask) -> None:
    from web.cli import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from web import templating

    templating.init_app(app)
