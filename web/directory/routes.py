"""Browse the public directory: province -> municipality -> workpost, or near a postcode;
supervisor organisations; the easy-read switch."""
from flask import abort, redirect, render_template, request, session, url_for

from web.access import public
from web.directory import bp, urls, mapdata
from web.directory.forms import ActivityFilterForm, NearForm
from web.infra.page_cache import cached_page
from web.access.safe_redirect import safe_next
from web.services import directory

MAX_PAGE = 10_000


def page_number() -> int:
    raw = request.args.get("pagina", "1")
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        abort(404)
    return int(raw)


def _province_or_404(slug: str):
    return directory.province_by_slug(slug) or abort(404)


@bp.get("/werkposten")
@public
@cached_page
def index():
    counts = directory.counts_by_province()
    provinces = [(p, counts.get(p.code, 0)) for p in directory.listed_provinces()]
    return render_template("directory/index.html", form=NearForm(formdata=None),
                           provinces=provinces)


@bp.get("/werkposten/in-de-buurt")
@public
@cached_page
def near():
    form = NearForm()
    result = None
    if "postcode" in request.args and form.validate():
        result = directory.search_workposts(directory.Search(
            near=form.place, radius_km=form.radius, activity=form.activity,
            page=page_number()))
    return render_template("directory/near.html", form=form, result=result,
                           map_data=mapdata.for_listings(result.items, form.place, form.radius)
                           if result else None)


@bp.get("/werkposten/<provincie>")
@public
@cached_page
def province(provincie: str):
    place = _province_or_404(provincie)
    form = ActivityFilterForm()
    valid = form.validate()
    result = directory.search_workposts(directory.Search(
        province=place.code, activity=form.activity if valid else None, page=page_number()))
    counts = directory.counts_by_municipality(place.code)
    municipalities = [(m, counts[m.nis]) for m in directory.municipalities_of(place.code)
                      if counts.get(m.nis)]
    return render_template("directory/province.html", province=place, form=form,
                           result=result, municipalities=municipalities,
                           map_data=mapdata.for_listings(result.items))


@bp.get("/werkposten/<provincie>/<gemeente>")
@public
@cached_page
def municipality(provincie: str, gemeente: str):
    province = _province_or_404(provincie)
    place = directory.municipality_by_slug(province.code, gemeente) or abort(404)
    form = ActivityFilterForm()
    valid = form.validate()
    result = directory.search_workposts(directory.Search(
        municipality=place.nis, activity=form.activity if valid else None,
        page=page_number()))
    organisations = directory.search_organisations(nis=place.nis, per_page=50)
    postcodes = directory.postcodes_of(place.nis)
    return render_template("directory/municipality.html", province=province,
                           municipality=place, form=form, result=result,
                           organisations=organisations.items,
                           near_postcode=postcodes[0] if postcodes else None,
                           map_data=mapdata.for_listings(result.items))


@bp.get("/werkposten/<int:workpost_id>")
@public
def workpost_short(workpost_id: int):
    post = directory.get_workpost(workpost_id) or abort(404)
    return redirect(urls.workpost_url(post), 301)


@bp.get("/werkposten/<int:workpost_id>-<slug>")
@public
@cached_page
def workpost(workpost_id: int, slug: str):
    post = directory.get_workpost(workpost_id) or abort(404)
    if slug != post.slug:
        return redirect(urls.workpost_url(post), 301)
    organisation = directory.get_organisation(post.organisation.slug)
    others = [p for p in organisation.workposts if p.id != post.id] if organisation else []
    place = directory.municipality(post.municipality_nis)
    return render_template("directory/workpost.html", post=post, organisation=organisation,
                           others=others, place=place,
                           province=directory.province_by_code(post.province),
                           map_data=mapdata.for_listings([post]))


@bp.get("/begeleiders")
@public
@cached_page
def organisations():
    chosen = request.args.get("provincie", "")
    province = directory.province_by_slug(chosen) if chosen else None
    if chosen and province is None:
        abort(404)
    result = directory.search_organisations(province.code if province else None,
                                            page=page_number())
    return render_template("directory/organisations.html", result=result, province=province,
                           provinces=directory.listed_provinces())


@bp.get("/begeleiders/<slug>")
@public
@cached_page
def organisation(slug: str):
    org = directory.get_organisation(slug) or abort(404)
    return render_template("directory/organisation.html", organisation=org,
                           map_data=mapdata.for_listings(org.workposts))


@bp.get("/makkelijk-lezen/<stand>")
@public
def toggle_easy_read(stand: str):
    # A link like the language switch: a reading preference, nothing else changes.
    if stand not in ("aan", "uit"):
        abort(404)
    session["easy_read"] = stand == "aan"
    return redirect(safe_next(request.args.get("next"), url_for("directory.index")))
