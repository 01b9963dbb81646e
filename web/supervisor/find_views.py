"""Find workposts for a participant: ranked list with reasons, map, details, shortlist."""
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from web import clock, matching
from web.infra import transaction
from web.access import supervisor
from web.i18n import gettext as _
from web.refusals import flash_refusal, text
from web.services import participants, placements, workpost_address
from web.services.placements import PlacementError
from web.supervisor import bp, vocab
from web.supervisor.scope import me, participant_or_404, purpose

MAX_NOTE = 2000
# Ten at a time: the best ideas fit on a screen and on the map; more are a click away.
PAGE_SIZE = 10
MAX_PAGE = 10


def _filters() -> dict:
    args = request.args
    activity = args.get("activiteit", "")
    activity = activity if activity in dict(vocab.activities()) else ""
    kind = args.get("soort", "")
    try:
        max_km = float(args.get("km", "") or 0) or None
    except ValueError:
        max_km = None
    if max_km is not None and not 0 < max_km <= 200:
        max_km = None
    kind = kind if kind in ("internal", "external") else None
    return {"activity": activity or None, "kind": kind,
            "max_km": max_km}


def _page() -> int:
    value = request.args.get("pagina", "")
    return min(int(value), MAX_PAGE) if value.isdigit() and int(value) >= 1 else 1


@bp.get("/deelnemers/<int:participant_id>/zoeken")
@supervisor
def find(participant_id: int):
    person = participant_or_404(participant_id)
    refusal = participants.matching_refusal(person)
    if refusal:
        flash(text(refusal), "error")
        return redirect(url_for("supervisor.participant", participant_id=person.id))
    transaction.commit_early("the SQLite write lock is held only for the access log, not "
                             "during the search", keep_loaded=True)
    filters, page = _filters(), _page()
    skip = (page - 1) * PAGE_SIZE
    # One more than the page shows tells whether there is a next page.
    results = matching.find_matches(person, me().organisation, top=skip + PAGE_SIZE + 1,
                                    skip=skip, **filters)
    more = len(results) > PAGE_SIZE and page < MAX_PAGE
    results = results[:PAGE_SIZE]
    return render_template("supervisor/find.html", person=person, results=results,
                           page=page, first=skip + 1, more=more, page_args=_page_args(),
                           filters=filters, activities=vocab.activities(),
                           labels=vocab.labels(), leaflet=_leaflet_installed(),
                           map_data=_map_data(person, results, skip + 1))


def _page_args() -> dict:
    """The filters as they were asked, for the links to the previous and next page."""
    return {key: request.args[key] for key in ("activiteit", "soort", "km")
            if request.args.get(key)}


def _leaflet_installed() -> bool:
    # Leaflet is self-hosted under static/vendor; without it the list works on its own.
    return (Path(current_app.static_folder) / "vendor" / "leaflet" / "leaflet.js").exists()


def _map_data(person, results, first: int) -> dict:
    """static/js/map.js's data: each marker opens a popup linking to its place in the list."""
    return {"home": {"lat": person.lat, "lon": person.lon,
                     "label": _("Woonplaats van %(ref)s", ref=person.reference)},
            "markers": [{"title": f"{n}. {r.workpost.name}", "url": f"#match-{r.workpost.id}",
                         "lat": r.workpost.lat, "lon": r.workpost.lon}
                        for n, r in enumerate(results, start=first)]}


@bp.get("/werkposten/<int:workpost_id>")
@supervisor
def workpost(workpost_id: int):
    post = matching.visible_workpost(me().organisation, workpost_id) or abort(404)
    person = None
    if request.args.get("deelnemer", "").isdigit():
        person = participants.read(int(request.args["deelnemer"]), by=me(), purpose=purpose())
    counts = placements.workpost_counts([post.id])[post.id]
    return render_template("supervisor/workpost.html", post=post, person=person, counts=counts,
                           labels=vocab.labels(),
                           address=workpost_address.address_line(post, me().organisation_id),
                           street_shown=workpost_address.street_for(post, me().organisation_id)
                           is not None)


@bp.post("/deelnemers/<int:participant_id>/shortlist")
@supervisor
def shortlist_add(participant_id: int):
    person = participant_or_404(participant_id)
    workpost_id = request.form.get("workpost_id", "")
    post = matching.visible_workpost(me().organisation, int(workpost_id)) \
        if workpost_id.isdigit() else None
    if post is None:
        abort(404)
    note = request.form.get("note", "")[:MAX_NOTE]
    try:
        placement = placements.shortlist(person, post, me(), note, clock.today())
    except PlacementError as error:
        flash_refusal(error)
        return redirect(url_for("supervisor.workpost", workpost_id=post.id, deelnemer=person.id))
    flash(_("%(name)s staat op de shortlist.", name=post.name), "success")
    return redirect(url_for("supervisor.placement", placement_id=placement.id))


MAX_CASELOAD = 50


@bp.get("/verdeling")
@supervisor
def caseload():
    """Advisory caseload assignment for the participants ticked on the list."""
    ids = [int(v) for v in request.args.getlist("deelnemer") if v.isdigit()][:MAX_CASELOAD]
    people = [p for p in participants.read_list(by=me(), purpose=purpose(), ids=ids)
              if participants.may_match(p)]
    if not people:
        flash(_("Kies eerst deelnemers met toestemming in de lijst."), "error")
        return redirect(url_for("supervisor.participants_list"))
    proposals = matching.propose_caseload(people, me().organisation)
    return render_template("supervisor/caseload.html", proposals=proposals,
                           listed=_listed_pairs(people))


def _listed_pairs(people) -> set[tuple[int, int]]:
    """(participant, workpost) pairs already on a shortlist: shown as such, not offered."""
    return {(p.participant_id, p.workpost_id) for person in people
            for p in placements.for_participant(person) if p.status != "ended"}


@bp.post("/verdeling")
@supervisor
def caseload_accept():
    """The ticked proposals on their participants' shortlists, all in this one request."""
    wanted = []
    for value in request.form.getlist("voorstel")[:MAX_CASELOAD]:
        person_id, _sep, workpost_id = value.partition(":")
        if person_id.isdigit() and workpost_id.isdigit():
            wanted.append((int(person_id), int(workpost_id)))
    people = {p.id: p for p in participants.read_list(by=me(), purpose=purpose(),
                                                      ids=[i for i, _w in wanted])}
    pairs = {}
    for person_id, workpost_id in wanted:
        person = people.get(person_id)
        post = matching.visible_workpost(me().organisation, workpost_id)
        if person is not None and post is not None:
            pairs[person.id] = (person, post)  # one proposal per participant
    ids = [int(v) for v in request.form.getlist("deelnemer") if v.isdigit()][:MAX_CASELOAD]
    if not pairs:
        flash(_("Vink eerst minstens één voorstel aan."), "error")
        return redirect(url_for("supervisor.caseload", deelnemer=ids)
                        if ids else url_for("supervisor.participants_list"))
    added, skipped = placements.shortlist_proposals(pairs.values(), me(), clock.today())
    if added:
        flash(_("%(n)s voorstel(len) op de shortlist gezet.", n=len(added)), "success")
    if skipped:
        flash(_("%(n)s voorstel(len) stonden er al of kunnen niet meer: die zijn overgeslagen.",
                n=len(skipped)), "error" if not added else "success")
    return redirect(url_for("supervisor.placements_list", stap="shortlisted"))
