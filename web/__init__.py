"""Werkpostwijzer web application: create_app() reads top to bottom."""
from pathlib import Path

from werkzeug.middleware.proxy_fix import ProxyFix

from web import account, admin, api, directory, i18n, info, join, public, refusals, signup, supervisor, templating, topology
from web.access import auth
from web.infra import database, errors, mail, page_cache, requests, security, transaction
from web.infra import config as config_module
from web.cli import register as register_commands
from web.extensions import babel, csrf, db, limiter, migrate
from web.matching import MatchingIndex

MIGRATIONS = str(Path(__file__).parent / "migrations")
# One blueprint per area, in the order their routes are matched.
AREAS = (public, account, signup, directory, info, join, supervisor, admin, api)


def create_app(config: dict | None = None) -> transaction.App:
    app = transaction.App(__name__)
    app.config.update(config_module.from_environment())
    app.config.update(config or {})
    Path(app.config["INSTANCE_DIR"]).mkdir(parents=True, exist_ok=True)
    if app.config.get("TRUSTED_PROXIES"):
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    register_extensions(app)
    requests.init_app(app)
    register_blueprints(app)
    register_commands(app)
    transaction.wrap_commands(app.cli)
    errors.init_app(app)
    refusals.init_app(app)
    mail.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    topology.check(app)
    return app


def register_extensions(app) -> None:
    db.init_app(app)
    database.tune_engine(app)
    migrate.init_app(app, db, directory=MIGRATIONS)
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=";".join(i18n.catalog_dirs()),
    )
    i18n.install(app)  # per-request kept translations for the templates' gettext
    limiter.init_app(app)
    page_cache.init_app(app)
    MatchingIndex(app)  # the matcher's index, one per app (web/matching/index_cache.py)
    auth.init_app(app)


def register_blueprints(app) -> None:
    for area in AREAS:
        app.register_blueprint(area.bp)
        if hasattr(area, "init_app"):
            area.init_app(app)
