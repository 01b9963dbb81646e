"""The embeddable widget for municipality and OCMW websites: an explanation page with
copy-and-paste code, the framed list itself, and a small script that frames it."""
from flask import abort, g, make_response, render_template, request, url_for

from web.access import public
from web.directory import bp, urls
from web.directory.forms import ActivityFilterForm, WidgetForm
from web.directory.routes import page_number
from web.services import directory

WIDGET_PER_PAGE = 10


@bp.get("/widget")
@public
def widget_info():
    form = WidgetForm()
    embed = None
    if "provincie" in request.args and form.validate():
        query = {"provincie": form.provincie.data}
        if form.municipality is not None:
            query["gemeente"] = form.municipality.slug
        embed = {"frame": url_for("directory.widget", **query),
                 "frame_absolute": urls.absolute(url_for("directory.widget", **query)),
                 "script": urls.absolute(url_for("directory.widget_script")),
                 "query": query}
    return render_template("directory/widget_info.html", form=form, embed=embed)


@bp.get("/widget/werkposten")
@public
def widget():
    # Other sites may frame this page (web/infra/security.py reads the flag), error pages too.
    g.embeddable = True
    province = directory.province_by_slug(request.args.get("provincie", "")) or abort(404)
    place = None
    if request.args.get("gemeente"):
        place = directory.municipality_by_slug(province.code, request.args["gemeente"])
        if place is None:
            abort(404)
    form = ActivityFilterForm()
    valid = form.validate()
    result = directory.search_workposts(directory.Search(
        province=None if place else province.code, municipality=place.nis if place else None,
        activity=form.activity if valid else None, page=page_number(),
        per_page=WIDGET_PER_PAGE))
    more = (urls.municipality_url(place.nis) if place else urls.province_url(province.code))
    return render_template("directory/widget_frame.html", province=province, place=place,
                           form=form, result=result, more=more)


@bp.get("/widget.js")
@public
def widget_script():
    response = make_response(render_template("directory/widget.js"))
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
