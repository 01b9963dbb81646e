"""The page for businesses, the sign-up wizard, confirmation, postcode look-up, lost link."""
from flask import (abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from matcher import codes
from web import clock
from web.access import manage_link, public
from web.extensions import db, limiter
from web.labels import label, language
from web.matching.suggest import suggestions
from web.services import signup as signup_service
from web.services import workpost_manage
from web.services.workpost_location import (OutsideServiceArea, PostcodeUnknown, locate,
                                            province_name)
from web.signup import bp, links, mails, minimap, wizard
from web.signup.forms import ActionForm, LostLinkForm
from web.signup.view_helpers import link_problem, preview, signup_from_forms, step_context
from web.infra.urls import absolute

DONE_KEY = "signup_done"


def review_url(workpost) -> str:
    return absolute(url_for("admin.workpost", workpost_id=workpost.id))


@bp.get("/")
@public
def for_business():
    return render_template("signup/for_business.html")


def _restart():
    """The session names a draft that is gone: start afresh and say why, rather than fail."""
    wizard.forget()
    flash(_("Je aanmelding was verlopen: we bewaren wat je invult tot een dag na je laatste "
            "wijziging. Begin hier gerust opnieuw."), "error")
    return redirect(url_for("signup.step", slug=wizard.STEPS[0].slug))


@bp.get("/start")
@public
def start():
    if wizard.lost():
        return _restart()
    return redirect(url_for("signup.step", slug=wizard.first_open_step().slug))


@bp.route("/stap/<slug>", methods=["GET", "POST"])
@limiter.limit("200 per hour", methods=["POST"])
@public
def step(slug: str):
    current = wizard.step(slug)
    if current is None:
        abort(404)
    if wizard.lost():
        return _restart()
    if request.method == "POST" and request.form.get("action") == "back":
        # Going back keeps what was typed on this step, valid or not.
        form = wizard.make_form(current, request.form)
        wizard.keep(slug, request.form, valid=form.validate())
        target = wizard.previous(current) or current
        return redirect(url_for("signup.step", slug=target.slug))
    if not wizard.reachable(current):
        return redirect(url_for("signup.step", slug=wizard.first_open_step().slug))
    if current is wizard.FINAL:
        return _review_page(wizard.make_form(current, formdata=None))
    if request.method == "POST":
        form = wizard.make_form(current, request.form)
        valid = form.validate()
        wizard.keep(slug, request.form, valid)
        if valid:
            return redirect(url_for("signup.step", slug=wizard.following(current).slug))
        return render_template("signup/step.html", form=form, **step_context(current, form))
    form = wizard.make_form(current)
    if request.args.get("check"):
        form.validate()  # sent back from the last step: show what is not right yet
    return render_template("signup/step.html", form=form, **step_context(current, form))


def _review_page(form, status: int = 200):
    checked, failing = wizard.validated_forms()
    if failing is not None:
        return redirect(url_for("signup.step", slug=failing.slug, check=1))
    data = signup_from_forms(checked, language())
    # Kinds of work the description points to and that are not ticked: offered, never added.
    offered = suggestions(f"{data.tasks}. {data.description}", data.activities)
    return render_template("signup/review.html", form=form, preview=preview(data),
                           suggestions=offered, **step_context(wizard.FINAL, form)), status


@bp.post("/voorstel")
@limiter.limit("200 per hour", methods=["POST"])
@public
def add_activity():
    """A suggestion on the last step, confirmed with its button: one kind of work added."""
    if wizard.lost():
        return _restart()
    code = request.form.get("code", "")
    werk = wizard.step("werk")
    if code in codes.ACTIVITIES:
        data = MultiDict(wizard.state()["steps"].get("werk", {}))
        if code not in data.getlist("activities"):
            data.add("activities", code)
        form = wizard.make_form(werk, data, csrf=False)
        wizard.keep("werk", data, form.validate())
        flash(_("Toegevoegd: %(label)s.", label=label(codes.ACTIVITY_LABELS, code)), "success")
    return redirect(url_for("signup.step", slug=wizard.FINAL.slug))


def _counted(_response) -> bool:
    """Only an offer that was really sent uses up one of the five an hour: a refused try (no
    tick, too fast, a step not right yet, a lost draft) does not."""
    return bool(g.get("signup_counted"))


@bp.post("/versturen")
@limiter.limit("5 per hour", methods=["POST"], deduct_when=_counted)
@public
def submit():
    draft = wizard.claim()
    if draft is None or not draft.data["steps"]:
        if wizard.lost():
            # Expired, or sent by a click that came just before this one (a double click
            # sends the old cookie twice): both are possible, so say both.
            wizard.forget()
            flash(_("We vinden je aanmelding niet meer: ofwel verstuurde je ze net (kijk dan "
                    "in je mailbox), ofwel was ze verlopen. Begin dan hier opnieuw."), "error")
            return redirect(url_for("signup.start"))
        # A second click after success, or no wizard at all: nothing to send twice.
        if session.get(DONE_KEY):
            return redirect(url_for("signup.sent"))
        return redirect(url_for("signup.start"))
    form = wizard.make_form(wizard.FINAL, request.form)
    if not form.validate():
        return _review_page(form, 400)
    if form.fax.data:
        # A bot filled the hidden field: act as if it worked (and count it), store nothing.
        g.signup_counted = True
        wizard.clear()
        session[DONE_KEY] = True
        return redirect(url_for("signup.sent"))
    minimum = current_app.config.get("SIGNUP_MIN_SECONDS", 20)
    if clock.seconds() - wizard.state()["started"] < minimum:
        form.form_errors.append(_("Dat ging wel heel snel. Kijk alles nog even na en klik "
                                  "dan opnieuw op Versturen."))
        return _review_page(form, 400)
    checked, failing = wizard.validated_forms()
    if failing is not None:
        return redirect(url_for("signup.step", slug=failing.slug, check=1))
    data = signup_from_forms(checked, language(), geocode=True)
    g.signup_counted = True
    try:
        workpost = signup_service.register(data, clock.now())
    except signup_service.AlreadyRegistered as duplicate:
        db.session.rollback()  # nothing of the refused offer; the draft goes all the same
        wizard.clear()
        mails.already_registered(duplicate.existing)
        return render_template("signup/duplicate.html")
    # The offer and the deletion of its draft are one commit, so that nothing half-written
    # remains: not an offer whose draft could be sent again, nor a draft lost without it.
    wizard.clear()
    session[DONE_KEY] = True
    mails.confirmation(workpost)
    return redirect(url_for("signup.sent"))


@bp.get("/verstuurd")
@public
def sent():
    return render_template("signup/sent.html")


@bp.get("/opnieuw")
@public
def restart():
    # A GET: the key is forgotten now, the draft itself goes with the next purge.
    wizard.forget()
    return redirect(url_for("signup.start"))


@bp.route("/bevestig/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
@manage_link
def confirm(token: str):
    # A GET only shows a button: mail scanners open links, people click buttons.
    g.private_page = True
    try:
        workpost = links.load(links.CONFIRM, token)
    except links.LinkProblem as problem:
        return link_problem(problem.kind)
    form = ActionForm()
    if request.method == "GET" or not form.validate():
        return render_template("signup/confirm.html", workpost=workpost, form=form,
                               token=token)
    try:
        newly = signup_service.confirm(workpost, clock.now())
    except signup_service.NotConfirmable:
        return link_problem("gone")
    if newly:
        mails.received(workpost)
        mails.review_waiting(workpost, review_url(workpost))
    return render_template("signup/confirmed.html", workpost=workpost,
                           manage_url=url_for("signup.manage",
                                              token=links.token(links.MANAGE, workpost)))


@bp.get("/postcode/<postcode>")
@limiter.limit("120 per minute")
@public
def postcode(postcode: str):
    """Municipality and province of a postcode, for the address step's script."""
    try:
        place = locate(postcode)
    except OutsideServiceArea:
        return jsonify({"error": "outside",
                        "message": _("Deze postcode ligt buiten Vlaanderen en Brussel.")}), 404
    except PostcodeUnknown:
        return jsonify({"error": "unknown",
                        "message": _("Deze postcode kennen we niet.")}), 404
    return jsonify({"postcode": place.postcode, "municipality": place.municipality,
                    "province": place.province,
                    "province_name": province_name(place.province),
                    "lat": place.lat, "lon": place.lon})


@bp.get("/kaart/<postcode>.svg")
@limiter.limit("120 per minute")
@public
def map_image(postcode: str):
    """Where the postcode lies, as a small SVG map (see minimap.py)."""
    try:
        place = locate(postcode)
    except LookupError:
        abort(404)
    title = _("%(municipality)s op de kaart van Vlaanderen en Brussel",
              municipality=place.municipality)
    response = current_app.response_class(minimap.svg(place.lat, place.lon, title),
                                          mimetype="image/svg+xml")
    response.cache_control.max_age = 86400
    response.cache_control.public = True
    return response


@bp.route("/link-kwijt", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
@public
def lost_link():
    form = LostLinkForm()
    if not form.validate_on_submit():
        return render_template("signup/lost_link.html", form=form), \
            400 if form.errors else 200
    workposts = workpost_manage.offers_for_email(form.email.data)
    for workpost in workposts:
        workpost_manage.rotate_link(workpost, clock.now())
    if workposts:
        mails.manage_links(form.email.data, workposts)
    # The same answer whether or not the address is known.
    flash(_("Als dit adres bij ons bekend is, krijg je binnen enkele minuten een mail met "
            "een nieuwe link."), "success")
    return redirect(url_for("signup.lost_link"))
