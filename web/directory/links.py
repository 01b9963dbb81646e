"""Readable Dutch URLs of the directory, in one place for pages, API, widget and sitemap."""
from flask import current_app, url_for

from web.services import directory


def absolute(path: str) -> str:
    """The canonical address on the public site (PUBLIC_URL), for the sitemap, the API, the
    embed code and printed leaflets."""
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def workpost_url(post, **query) -> str:
    return url_for("directory.workpost", workpost_id=post.id, slug=post.slug, **query)


def organisation_url(org, **query) -> str:
    return url_for("directory.organisation", slug=org.slug, **query)


def province_url(code: str, **query) -> str:
    return url_for("directory.province", provincie=directory.province_slug(code), **query)


def municipality_url(nis: str, **query) -> str | None:
    place = directory.municipality(nis)
    if place is None:
        return None
    return url_for("directory.municipality", provincie=directory.province_slug(place.province),
                   gemeente=place.slug, **query)


def region_url(region) -> str | None:
    if region.kind == "province":
        return province_url(region.code)
    return municipality_url(region.code)


HELPERS = {"workpost_url": workpost_url, "organisation_url": organisation_url,
           "province_url": province_url, "municipality_url": municipality_url,
           "region_url": region_url, "absolute_url": absolute}
