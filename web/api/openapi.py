"""The public API's part of the OpenAPI document; the contract tests validate every answer
against it, so it must say exactly what web/api/shapes.py builds."""
import geo
from matcher.codes import ACTIVITIES
from web.api import params
from web.services import directory

TEXT = {"type": "string"}
TEXT_OR_NULL = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict) -> dict:
    return {"type": "object", "required": sorted(properties), "properties": properties,
            "additionalProperties": False}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}


PROVINCE = _query("province", {"type": "string", "maxLength": 40,
                               "examples": [p.code for p in geo.provinces()][:2]
                               + ["oost-vlaanderen"]},
                  "Province: its code as in /api/v1/regions (oost_vlaanderen) or the site's "
                  "slug (oost-vlaanderen), in any case")
MUNICIPALITY = _query("municipality", {"type": "string", "maxLength": 60,
                                       "examples": ["71072", "Herzele"]},
                      "Municipality: its NIS code as in /api/v1/regions, or its name; a name "
                      "shared by several municipalities answers 400 listing them")
LANG = _query("lang", {"type": "string", "enum": ["nl", "en"]},
              "Language of the error messages; without it, Accept-Language decides "
              "(Dutch by default)")
PAGE = _query("page", {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE,
                       "default": 1}, "Page number, from 1")
PER_PAGE = _query("per_page", {"type": "integer", "minimum": 1,
                               "maximum": directory.MAX_PER_PAGE,
                               "default": directory.DEFAULT_PER_PAGE}, "Items per page")
BAD = _json(_ref("ErrorMessage"), "A parameter is unknown or malformed; the message says "
            "which, in the request's language")
NOT_FOUND = _json(_ref("ErrorMessage"), "Not found")

LABELLED = _object({"code": TEXT, "nl": TEXT, "en": TEXT})
CONTACT = _object({"name": TEXT_OR_NULL, "email": TEXT_OR_NULL, "phone": TEXT_OR_NULL,
                   "website": TEXT_OR_NULL})

SCHEMAS = {
    "ErrorMessage": _object({"error": TEXT, "status": INTEGER}),
    "ApiIndex": _object({
        "name": TEXT, "version": TEXT, "openapi": TEXT,
        "endpoints": {"type": "array", "items": _object({
            "path": TEXT, "method": TEXT, "summary": TEXT, "url": TEXT_OR_NULL})}}),
    "Labelled": LABELLED,
    "Contact": CONTACT,
    "PublicWorkpost": _object({
        "id": INTEGER, "name": TEXT, "url": TEXT, "description": TEXT, "tasks": TEXT,
        "activities": {"type": "array", "items": _ref("Labelled")},
        "offers": {"type": "array", "items": _ref("Labelled")},
        "schedule": {"type": "array", "items": _ref("Labelled")},
        "hours_per_week": {"type": ["number", "null"]},
        "open_places": INTEGER,
        "location": _object({
            "street": TEXT_OR_NULL, "postcode": TEXT, "municipality": TEXT,
            "municipality_nis": TEXT_OR_NULL, "province": TEXT, "lat": NUMBER, "lon": NUMBER,
            "precision": {"type": "string", "enum": ["address", "postcode"],
                          "description": "postcode: the point is the postcode's centre, "
                                         "because the address is not public"}}),
        "distance_km": {"type": ["number", "null"],
                        "description": "Straight-line distance from the postcode searched"},
        "organisation": _object({"id": INTEGER, "name": TEXT, "slug": TEXT, "url": TEXT}),
        "contact": _ref("Contact"),
    }),
    "PublicOrganisation": _object({
        "id": INTEGER, "slug": TEXT, "name": TEXT, "type": TEXT, "description": TEXT,
        "url": TEXT,
        "address": _object({"street": TEXT_OR_NULL, "postcode": TEXT, "municipality": TEXT,
                            "province": TEXT}),
        "contact": _ref("Contact"),
        "regions": {"type": "array", "items": _object({
            "kind": {"type": "string", "enum": ["province", "municipality"]}, "code": TEXT,
            "name_nl": TEXT, "name_en": TEXT, "province": TEXT})},
        "workposts": {"type": "array", "items": _object({
            "id": INTEGER, "name": TEXT, "url": TEXT, "municipality": TEXT,
            "activities": {"type": "array", "items": TEXT}})},
    }),
    "Regions": _object({"provinces": {"type": "array", "items": _object({
        "code": TEXT, "slug": TEXT, "name_nl": TEXT, "name_en": TEXT, "region": TEXT,
        "workposts": INTEGER, "url": TEXT,
        "municipalities": {"type": "array", "items": _object({
            "nis": TEXT, "name": TEXT, "slug": TEXT, "workposts": INTEGER, "url": TEXT})},
    })}}),
}


def _paged(item: str, extra: dict | None = None) -> dict:
    properties = {"items": {"type": "array", "items": _ref(item)}, "page": INTEGER,
                  "per_page": INTEGER, "total": INTEGER, "pages": INTEGER,
                  "next": TEXT_OR_NULL, "prev": TEXT_OR_NULL, **(extra or {})}
    schema = _object(properties)
    schema["required"] = sorted(set(properties) - set(extra or {}))
    return schema


SCHEMAS["WorkpostPage"] = _paged("PublicWorkpost", {"centre": _object({
    "postcode": TEXT, "name": TEXT, "lat": NUMBER, "lon": NUMBER, "radius_km": NUMBER})})
SCHEMAS["OrganisationPage"] = _paged("PublicOrganisation")


def _get(summary: str, ok: dict, parameters=(), missing: bool = False) -> dict:
    responses = {"200": ok, "400": BAD}
    if missing:
        responses["404"] = NOT_FOUND
    return {"get": {"summary": summary, "tags": ["public"],
                    "parameters": [*parameters, LANG], "responses": responses}}


PATHS = {
    "/api/v1/": _get(
        "The endpoints of this API, with a link to this document",
        _json(_ref("ApiIndex"), "Every endpoint, with its method and summary")),
    "/api/v1/directory": _get(
        "Internal workposts of recognised supervisors, by region or near a postcode",
        _json(_ref("WorkpostPage"), "A page of workposts; with postcode, nearest first"),
        [PROVINCE, MUNICIPALITY,
         _query("postcode", {"type": "string", "maxLength": 60},
                "Belgian postcode, or a place name, to search around; a name that is also "
                "a municipality means that municipality, a name shared by several places "
                "answers 400 listing them"),
         _query("radius_km", {"type": "number", "minimum": params.RADIUS_RANGE[0],
                              "maximum": params.RADIUS_RANGE[1],
                              "default": params.DEFAULT_RADIUS_KM},
                "Straight-line radius around the postcode (only with postcode)"),
         _query("activity", {"type": "string", "enum": list(ACTIVITIES)}, "Activity code"),
         PAGE, PER_PAGE]),
    "/api/v1/directory/{workpost_id}": _get(
        "One internal workpost", _json(_ref("PublicWorkpost"), "The workpost"),
        [{"name": "workpost_id", "in": "path", "required": True,
          "schema": {"type": "integer", "minimum": 1}}], missing=True),
    "/api/v1/regions": _get(
        "Provinces and municipalities, with how many workposts each has",
        _json(_ref("Regions"), "Regions"), [PROVINCE]),
    "/api/v1/organisations": _get(
        "Recognised supervisor organisations, with the regions they serve",
        _json(_ref("OrganisationPage"), "A page of organisations"),
        [PROVINCE, MUNICIPALITY, PAGE, PER_PAGE]),
    "/api/v1/organisations/{slug}": _get(
        "One supervisor organisation", _json(_ref("PublicOrganisation"), "The organisation"),
        [{"name": "slug", "in": "path", "required": True,
          "schema": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 120}}],
        missing=True),
    "/api/v1/openapi.json": _get(
        "This document", {"description": "OpenAPI 3.1 document",
                          "content": {"application/json": {"schema": {"type": "object"}}}}),
}
COMPONENTS = {"schemas": SCHEMAS}
