"""Public read-only endpoints. Every answer comes from web.services.directory, as the pages
and the widget do, so the three always show the same workposts."""
from flask import abort, jsonify, request, url_for

from web.access import public
from web.api import bp, params, shapes, spec
from web.directory import urls
from web.services import directory

# Only these public reads may be fetched from other sites' scripts.
CORS_ENDPOINTS = {"api.index", "api.list_directory", "api.get_workpost", "api.list_regions",
                  "api.list_organisations", "api.get_organisation", "api.openapi"}


@bp.errorhandler(params.BadParameter)
def bad_parameter(error: params.BadParameter):
    return jsonify({"error": str(error), "status": 400}), 400


@bp.after_request
def public_read_headers(response):
    if request.endpoint in CORS_ENDPOINTS and request.method in ("GET", "HEAD", "OPTIONS"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        if response.status_code == 200:
            response.headers.setdefault("Cache-Control", "public, max-age=300")
    # Messages follow Accept-Language: a shared cache must keep the languages apart.
    response.vary.add("Accept-Language")
    return response


def _page_link(endpoint: str, args: dict):
    def link(number: int) -> str:
        return urls.absolute(url_for(endpoint, **{**args, "page": number}))
    return link


@bp.get("/")
@public
def index():
    """Where to start: every endpoint with what it gives, and the full OpenAPI document."""
    params.check_known(request.args, ())
    document = spec.document()
    endpoints = [{"path": path, "method": method.upper(), "summary": operation["summary"],
                  "url": urls.absolute(path) if "{" not in path else None}
                 for path, item in document["paths"].items()
                 for method, operation in item.items()]
    return jsonify({"name": document["info"]["title"], "version": document["info"]["version"],
                    "openapi": urls.absolute(url_for("api.openapi")),
                    "endpoints": endpoints})


@bp.get("/directory")
@public
def list_directory():
    params.check_known(request.args, ("province", "municipality", "postcode", "radius_km",
                                      "activity", "page", "per_page"))
    centre, radius = params.near(request.args)
    page, per_page = params.paging(request.args)
    search = directory.Search(province=params.province(request.args),
                              municipality=params.municipality(request.args), near=centre,
                              radius_km=radius, activity=params.activity(request.args),
                              page=page, per_page=per_page)
    result = directory.search_workposts(search)
    body = shapes.page(result, [shapes.workpost(p) for p in result.items],
                       _page_link("api.list_directory", request.args.to_dict()))
    if centre is not None:
        body["centre"] = shapes.centre(centre, radius)
    return jsonify(body)


@bp.get("/directory/<int:workpost_id>")
@public
def get_workpost(workpost_id: int):
    params.check_known(request.args, ())
    post = directory.get_workpost(workpost_id) or abort(404)
    return jsonify(shapes.workpost(post))


@bp.get("/regions")
@public
def list_regions():
    params.check_known(request.args, ("province",))
    return jsonify(shapes.regions(params.province(request.args)))


@bp.get("/organisations")
@public
def list_organisations():
    params.check_known(request.args, ("province", "municipality", "page", "per_page"))
    page, per_page = params.paging(request.args)
    result = directory.search_organisations(params.province(request.args),
                                            params.municipality(request.args), page, per_page)
    return jsonify(shapes.page(result, [shapes.organisation(o) for o in result.items],
                               _page_link("api.list_organisations", request.args.to_dict())))


@bp.get("/organisations/<slug>")
@public
def get_organisation(slug: str):
    params.check_known(request.args, ())
    org = directory.get_organisation(slug) or abort(404)
    return jsonify(shapes.organisation(org))


@bp.get("/openapi.json")
@public
def openapi():
    params.check_known(request.args, ())
    return jsonify(spec.document())
