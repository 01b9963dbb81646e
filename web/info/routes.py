"""Information pages. The text lives in the templates; each audience has a short version
(templates/info/leaflets/<audience>.html) that is both the "in short" box of its page and
its printable one-page leaflet, so that the two never drift apart."""
from flask import abort, render_template, url_for
from flask_babel import lazy_gettext as _l
import segno

from web.access import public
from web.info import bp
from web.infra.urls import absolute
from web.glossary import entries

# URL part -> (endpoint name, title). The order is the order of the overview page.
AUDIENCES = {
    "deelnemers-en-familie": ("participants", _l("Voor deelnemers en familie")),
    "bedrijven": ("businesses", _l("Voor bedrijven en organisaties")),
    "verwijzers": ("referrers", _l("Voor verwijzers")),
    "begeleiders": ("supervisors", _l("Voor erkende begeleiders")),
    "betalende-instanties": ("paying_bodies", _l("Voor uitkeringsinstanties")),
}
PAGES = ("info.index", *(f"info.{name}" for name, _ in AUDIENCES.values()), "info.glossary",
         "info.privacy", "info.accessibility")


def _audience_page(slug: str):
    name, title = AUDIENCES[slug]
    return render_template(f"info/{name}.html", slug=slug, name=name, title=title,
                           audiences=AUDIENCES)


@bp.get("/info")
@public
def index():
    return render_template("info/index.html", audiences=AUDIENCES)


@bp.get("/info/deelnemers-en-familie")
@public
def participants():
    return _audience_page("deelnemers-en-familie")


@bp.get("/info/bedrijven")
@public
def businesses():
    return _audience_page("bedrijven")


@bp.get("/info/verwijzers")
@public
def referrers():
    return _audience_page("verwijzers")


@bp.get("/info/begeleiders")
@public
def supervisors():
    return _audience_page("begeleiders")


@bp.get("/info/betalende-instanties")
@public
def paying_bodies():
    return _audience_page("betalende-instanties")


@bp.get("/info/woordenlijst")
@public
def glossary():
    return render_template("info/glossary.html", entries=entries())


@bp.get("/info/<doelgroep>/folder")
@public
def leaflet(doelgroep: str):
    if doelgroep not in AUDIENCES:
        abort(404)
    name, title = AUDIENCES[doelgroep]

    address = absolute(url_for(f"info.{name}"))
    qr = segno.make(address, error="m").svg_data_uri(scale=3, border=2)
    return render_template("info/leaflet.html", slug=doelgroep, name=name, title=title,
                           address=address, qr=qr)


@bp.get("/privacy")
@public
def privacy():
    return render_template("info/privacy.html")


@bp.get("/toegankelijkheid")
@public
def accessibility():
    return render_template("info/accessibility.html")
