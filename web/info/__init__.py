"""Information pages in our own words for the five audiences, a printable one-page leaflet
for each, the privacy notice and the accessibility statement."""
from flask import Blueprint, url_for

bp = Blueprint("info", __name__)

from web.info import routes  # noqa: E402  (registers the views on bp)


def sitemap_paths() -> list[str]:
    """The info pages for sitemap.xml (web/directory/sitemap.py)."""
    pages = [url_for(endpoint) for endpoint in routes.PAGES]
    pages += [url_for("info.leaflet", doelgroep=slug) for slug in routes.AUDIENCES]
    return pages
