"""The public directory (/werkposten, /begeleiders): internal workposts of recognised
supervisor organisations by region, the supervisors themselves, the easy-read switch, the
embeddable widget, and sitemap.xml / robots.txt."""
from flask import Blueprint, request, session, url_for

from matcher.codes import (ACTIVITIES, ACTIVITY_EXAMPLES, ACTIVITY_LABELS, DAY_LABELS, DAYS,
                           PART_LABELS, SUPPORT_EXPLAIN, SUPPORT_LABELS)
from web.labels import pick
from web.models.choices import ORGANISATION_TYPES
from web.services.directory import province_slug

bp = Blueprint("directory", __name__)


def activity_icon(code: str) -> str:
    return url_for("static", filename=f"img/icons/{code if code in ACTIVITIES else 'other'}.svg")


def ui_icon(name: str) -> str:
    return url_for("static", filename=f"img/icons/ui-{name}.svg")


def schedule_days(slots) -> list[tuple[tuple[str, str], list[tuple[str, str]]]]:
    """Half-day codes grouped per day, in week order: [(day labels, [part labels])]."""
    days = []
    for day in DAYS:
        parts = [PART_LABELS[part] for part in ("am", "pm") if f"{day}_{part}" in slots]
        if parts:
            days.append((DAY_LABELS[day], parts))
    return days


def page_url(number: int) -> str:
    """This page with the same filters, on another page of results."""
    args = {**request.args.to_dict(), "pagina": number}
    if number == 1:
        args.pop("pagina")
    return url_for(request.endpoint, **(request.view_args or {}), **args)


@bp.context_processor
def directory_helpers():
    return {**urls.HELPERS, "activity_icon": activity_icon, "ui_icon": ui_icon,
            "schedule_days": schedule_days, "page_url": page_url, "pick": pick,
            "province_slug": province_slug,
            "ACTIVITY_LABELS": ACTIVITY_LABELS, "ACTIVITY_EXAMPLES": ACTIVITY_EXAMPLES,
            "SUPPORT_LABELS": SUPPORT_LABELS, "SUPPORT_EXPLAIN": SUPPORT_EXPLAIN,
            "ORGANISATION_TYPES": ORGANISATION_TYPES,
            "easy_read": bool(session.get("easy_read"))}


from web.directory import urls, routes, sitemap, widget  # noqa: E402,F401  (registers the views)
