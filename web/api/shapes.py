"""JSON shapes of the public API, built from the directory service's public listings only;
web/api/openapi.py describes exactly these shapes."""
import geo
from matcher.codes import ACTIVITY_LABELS, SLOT_LABELS, SUPPORT_LABELS
from web.directory import urls
from web.services import directory


def _labelled(codes, labels: dict) -> list[dict]:
    return [{"code": c, "nl": labels.get(c, (c, c))[0], "en": labels.get(c, (c, c))[1]}
            for c in codes]


def contact(value: directory.Contact) -> dict:
    return {"name": value.name, "email": value.email, "phone": value.phone,
            "website": value.website}


def workpost(post: directory.Listing) -> dict:
    return {
        "id": post.id,
        "name": post.name,
        "url": urls.absolute(urls.workpost_url(post)),
        "description": post.description,
        "tasks": post.tasks,
        "activities": _labelled(post.activities, ACTIVITY_LABELS),
        "offers": _labelled(post.offers, SUPPORT_LABELS),
        "schedule": _labelled(post.schedule, SLOT_LABELS),
        "hours_per_week": post.hours_per_week,
        "open_places": post.open_places,
        "location": {
            "street": post.street, "postcode": post.postcode,
            "municipality": post.municipality, "municipality_nis": post.municipality_nis,
            "province": post.province, "lat": post.lat, "lon": post.lon,
            "precision": "address" if post.precise else "postcode",
        },
        "distance_km": post.distance_km,
        "organisation": {"id": post.organisation.id, "name": post.organisation.name,
                         "slug": post.organisation.slug,
                         "url": urls.absolute(urls.organisation_url(post.organisation))},
        "contact": contact(post.contact),
    }


def organisation(org: directory.OrganisationListing) -> dict:
    return {
        "id": org.id, "slug": org.slug, "name": org.name, "type": org.org_type,
        "description": org.description,
        "url": urls.absolute(urls.organisation_url(org)),
        "address": {"street": org.street, "postcode": org.postcode,
                    "municipality": org.municipality, "province": org.province},
        "contact": contact(org.contact),
        "regions": [{"kind": r.kind, "code": r.code, "name_nl": r.name_nl, "name_en": r.name_en,
                     "province": r.province} for r in org.regions],
        "workposts": [{"id": p.id, "name": p.name, "url": urls.absolute(urls.workpost_url(p)),
                       "municipality": p.municipality,
                       "activities": list(p.activities)} for p in org.workposts],
    }


def page(result: directory.Page, items: list[dict], link) -> dict:
    """The envelope of a paged list; `link(page_number)` makes the URL of another page."""
    return {
        "items": items, "page": result.page, "per_page": result.per_page,
        "total": result.total, "pages": result.pages,
        "next": link(result.page + 1) if result.has_next else None,
        "prev": link(min(result.page - 1, result.pages)) if result.has_prev else None,
    }


def centre(place: geo.Place, radius_km: float) -> dict:
    return {"postcode": place.postcode, "name": place.name_nl, "lat": place.lat,
            "lon": place.lon, "radius_km": radius_km}


def regions(province_filter: str | None = None) -> dict:
    by_province = directory.counts_by_province()
    by_municipality = directory.counts_by_municipality()
    provinces = [p for p in directory.listed_provinces()
                 if province_filter is None or p.code == province_filter]
    if province_filter and not provinces:
        provinces = [geo.province(province_filter)]
    return {"provinces": [{
        "code": p.code, "slug": directory.province_slug(p.code), "name_nl": p.name_nl,
        "name_en": p.name_en, "region": p.region, "workposts": by_province.get(p.code, 0),
        "url": urls.absolute(urls.province_url(p.code)),
        "municipalities": [{
            "nis": m.nis, "name": m.name, "slug": m.slug,
            "workposts": by_municipality.get(m.nis, 0),
            "url": urls.absolute(urls.municipality_url(m.nis)),
        } for m in directory.municipalities_of(p.code)],
    } for p in provinces]}
