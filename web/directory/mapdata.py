"""The data block that static/js/map.js turns into a map beside a list of workposts."""
from flask_babel import gettext as _

from web.directory import urls


def for_listings(items, centre=None, radius_km=None) -> dict | None:
    """Markers for the workposts on the page (public points only), and the searched place."""
    if not items and centre is None:
        return None
    markers = [{
        "lat": post.lat, "lon": post.lon, "title": post.name, "url": urls.workpost_url(post),
        "text": f"{post.municipality} · {post.organisation.name}",
        "precise": post.precise,
    } for post in items]
    data = {"markers": markers,
            "approximate": _("Ongeveer hier: het adres is niet openbaar")}
    if centre is not None:
        data["home"] = {"lat": centre.lat, "lon": centre.lon,
                        "label": _("Je zocht: %(place)s", place=centre.name_nl),
                        "radius_km": radius_km}
    return data
