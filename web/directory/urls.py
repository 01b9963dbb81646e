"""Readable Dutch URLs of the directory, in one place for pages, API, widget and sitemap.
(URL builders; the signed links in e-mails are web/signup/links.py and web/infra/signed_links.py.)"""
from flask import url_for

from web.services import directory
from web.infra.urls import absolute


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
