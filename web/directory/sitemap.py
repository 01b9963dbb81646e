"""sitemap.xml with every public page (Dutch address, English alternate) and robots.txt.

External workposts never appear: the workposts come from the directory service, which
only knows the public internal ones.
"""
from urllib.parse import urlencode

from flask import make_response, render_template, url_for

from web import info
from web.access import public
from web.directory import bp, urls
from web.services import directory

# Pages of other areas that belong in the sitemap.
OTHER_PAGES = ("public.home", "signup.for_business")
OWN_PAGES = ("directory.index", "directory.organisations", "directory.widget_info")
# Staff areas and the framed widget (a copy of the directory pages) are not for search engines.
DISALLOW = ("/werkruimte", "/beheer", "/account", "/api/v1/supervisor", "/widget/")


def sitemap_paths() -> list[str]:
    """Every public page's path, in Dutch; the English version adds ?lang=en."""
    paths = [url_for(e) for e in OTHER_PAGES]
    paths += [url_for(e) for e in OWN_PAGES]
    paths += info.sitemap_paths()
    counts = directory.counts_by_municipality()
    for province in directory.listed_provinces():
        paths.append(urls.province_url(province.code))
        paths += [urls.municipality_url(m.nis) for m in directory.municipalities_of(province.code)
                  if counts.get(m.nis)]
    paths += [urls.workpost_url(post) for post in directory.public_workpost_index()]
    paths += [url_for("directory.organisation", slug=slug)
              for slug in directory.active_organisation_slugs()]
    return list(dict.fromkeys(paths))


def english(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{urlencode({'lang': 'en'})}"


@bp.get("/sitemap.xml")
@public
def sitemap_xml():
    entries = [(urls.absolute(p), urls.absolute(english(p))) for p in sitemap_paths()]
    response = make_response(render_template("directory/sitemap.xml", entries=entries))
    response.headers["Content-Type"] = "application/xml; charset=utf-8"
    return response


@bp.get("/robots.txt")
@public
def robots_txt():
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOW), "",
             f"Sitemap: {urls.absolute(url_for('directory.sitemap_xml'))}", ""]
    response = make_response("\n".join(lines))
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    return response
