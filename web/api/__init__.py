"""The public JSON API (/api/v1): directory, regions, organisations and the OpenAPI document
of the whole API. Public reads are GET only, so CSRF never applies here; token-authenticated
areas (the supervisors' API) exempt their own blueprints."""
from flask import Blueprint, Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from web.api import openapi, routes, spec  # noqa: E402,F401  (routes registers the views)


def init_app(app: Flask) -> None:
    spec.add_paths(openapi.PATHS, components=openapi.COMPONENTS)
