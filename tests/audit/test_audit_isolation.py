"""Isolation audit: supervisors never see (or change) another organisation's people.

Three organisations with full data (isolation_world.build_world) are probed on every
non-public route of the app (the url_map, by each view's declared audience) and every
endpoint of the token API, by every identity that should be refused there: staff of the
other organisations with their ids (also in query strings and form fields), the wrong role,
the platform admin, expired / rotated / deactivated / stolen / half-logged-in sessions,
nobody, and every kind of bad API token; manage-link routes with tampered, expired,
wrong-purpose, voided and spliced tokens and another business's link. Methods GET and POST
as each route declares them, with form bodies that would succeed if access were not
checked; owner controls (the same requests with the organisation's own ids) must succeed.

A leak is an answer other than the expected refusal (or, where an answer is allowed, one that
shows a private string of someone else), any 5xx, any changed row or new audit event about
an organisation other than the actor's (snapshots per group), or a record that ends up
pointing into another organisation.

The canary: participant P2 of organisation A is called KANARIE-7f3a, and the marker is in
its interests, consent, placement notes and tasks, agreement and evaluation. It may never be
shown to anyone but A, never be logged (not even when the database fails while saving it),
never be mailed, never be in the audit trail, and after A erases the participant through the
real route it is in no column of any table.
"""
import time

from isolation_identities import Identity, forbidden_for, make_identities
from isolation_oracle import ANY, REFUSED_404, cross_organisation_references
from isolation_prober import Probe, Prober
from isolation_probes import (api_group, api_probes, link_probes, member_controls,
                              member_probes, nobody_probes, platform_probes, role_probes)
from isolation_scans import (attach_log_capture, database_fails_once, database_text,
                             mails_with, public_sweep, raw_storage_hits, text_columns)
from isolation_world import CANARY, ORG_KEYS, TAG, build_world, private

MIN_PROBES = 5000
UA = {"User-Agent": "Werkzeug/test"}


def _show(items, limit=25, width=400) -> str:
    lines = [(" | ".join(str(x) for x in item) if isinstance(item, tuple) else str(item))
             [-width:] for item in items[:limit]]
    more = f"\n... and {len(items) - limit} more" if len(items) > limit else ""
    return "\n".join(lines) + more


def test_no_organisation_sees_another_ones_people_and_the_canary_stays_home(fresh_app):
    started, cpu_started = time.monotonic(), time.process_time()
    app = fresh_app()
    log, detach = attach_log_capture(app)
    try:
        world = build_world(app)
        ids = make_identities(app, world)
        prober = Prober(app, world)

        # Tokens first (the members' own pages later make new ones).
        for probes, allowed, controls in api_group(app, world, ids):
            prober.run("api", probes, allowed, controls)
        prober.run("roles", role_probes(app, world, ids))
        prober.run("nobody", nobody_probes(app, world, ids))
        for probes, allowed in link_probes(app, world, ids):
            prober.run("links", probes, allowed)
        prober.run("platform", platform_probes(app, world, ids))
        for key in ORG_KEYS:
            probes, controls = [], []
            for role in ("sup", "admin"):
                who = ids.members[f"{role}-{key}"]
                probes += member_probes(app, world, who, role)
                controls += member_controls(app, world, who, role)
            prober.run("members", probes, frozenset({key}), controls)
        crossed = cross_organisation_references(app, world)

        # Public pages never show anyone's people either. Staff first: a page cached for a
        # staff member must not reach anonymous visitors afterwards.
        sweep = Prober(app, world)
        skipped = []
        for name, org in (("sup-B-public", "B"), ("admin-C-public", "C"),
                          ("anonymous-public", None)):
            headers = ids.members[f"{name.split('-')[0]}-{org}"].headers if org else UA
            who = Identity(name, org, headers, forbidden_for(world, org), org != "A")
            probes, skipped = public_sweep(app, world, who)
            sweep.run("public", probes)

        # The canary is real: A sees it (so the probes above would have seen it too).
        client = app.test_client(use_cookies=False)
        sup_a = ids.members["sup-A"].headers
        canary_url = f"/werkruimte/deelnemers/{world.canary_id}"
        page = client.get(canary_url, headers=sup_a)
        assert page.status_code == 200 and CANARY in page.get_data(as_text=True)
        export = client.get(canary_url + "/gegevens.json", headers=sup_a)
        assert export.status_code == 200 and CANARY in export.get_data(as_text=True)

        # Businesses see their own offer through their link, never the people placed there.
        business = Prober(app, world)
        for key in ("WA", "WB", "WC", "WPEND", "WUNCONF"):
            holder = Identity(f"business-{key}", None, UA, forbidden_for(world, None), True)
            token = world.link_tokens[f"manage-{key}"]
            business.run("business", [
                Probe("business", holder, "GET", f"/aanbieden/mijn-aanbod/{token}", ANY),
                Probe("business", holder, "GET", f"/aanbieden/mijn-aanbod/{token}/wijzigen",
                      ANY)])
        # A business's own page shows the codes of its own people (in a step there, consent
        # not withdrawn) and its open request, nothing else of them and nobody else's.
        for org in ORG_KEYS:
            key, w = "W" + org, world.orgs[org]
            codes = {world.reference[w.participants[label]] for label in ("P1", "P2")}
            # The canary (A's P2) works at WA: WA's own page rightly shows its code, and the
            # name of the supervisor to call; no other staff member of the organisation.
            holder = Identity(f"business-{key}-own-page", None, UA, forbidden_for(
                world, None, allow_words=codes | {f"{org}{TAG}-vraag-taken",
                                                  private(org, "naam-sup")}), org != "A")
            business.run("business", [
                Probe("business", holder, "GET",
                      f"/aanbieden/mijn-aanbod/{world.link_tokens['manage-' + key]}/mensen", ANY),
                Probe("business", holder, "GET",
                      f"/aanbieden/aanvraag/{world.link_tokens['contact-' + key]}", ANY)])
        own_page = client.get(f"/aanbieden/mijn-aanbod/{world.link_tokens['manage-WA']}/mensen")
        assert own_page.status_code == 200 and CANARY in own_page.get_data(as_text=True)
        # WA, where the canary works, withdraws: A's staff get a mail about the workpost.
        withdrawn = client.post(f"/aanbieden/mijn-aanbod/{world.link_tokens['manage-WA']}"
                                "/intrekken", data={"confirm": "y", "reason": "We stoppen."})
        assert withdrawn.status_code == 302

        # Even when the database fails while A saves the canary's profile, the error log
        # names the statement, not the values (and the log check is not vacuous).
        with database_fails_once(app, "UPDATE participants SET") as failure:
            failed = client.post(canary_url + "/bewerken", headers=sup_a, data={
                "reference": CANARY, "postcode": "9000", "travel_modes": ["bike"],
                "interests": ["green"], "interests_text": f"nu ook koken {CANARY}",
                "goal": "meaningful_activity", "hours_per_week": "8",
                "supervisor_id": str(world.orgs["A"].staff["sup"].id)})
        assert failure.fired and failed.status_code == 500
        assert any("unhandled error on " + canary_url in r for r in log.records)

        # A erases the canary through the real route.
        erased = client.post(canary_url + "/wissen", data={"confirm": CANARY}, headers=sup_a)
        assert erased.status_code == 302, erased.status_code
        assert client.get(canary_url, headers=sup_a).status_code == 404
    finally:
        detach()

    rows = database_text(app)
    in_database = sorted({(t, c) for t, c, _k, v in rows if CANARY.lower() in v.lower()})
    personal = {p.lower() for w in world.orgs.values() for p in w.personal}
    in_audit = [(k, c, v) for t, c, k, v in rows if t == "audit_events"
                and any(p in v.lower() for p in personal)]
    in_log = [r for r in log.records if CANARY.lower() in r.lower()]
    people_in_log = [r for r in log.records if any(p in r.lower() for p in personal)]
    mail_count, mail_hits = mails_with(app.config["MAIL_OUTBOX"], [CANARY])
    leftovers = raw_storage_hits(app, CANARY)
    answers = prober.bodies_seen + sweep.bodies_seen + business.bodies_seen
    groups = ", ".join(f"{g} {n}" for g, n in prober.per_group.items())
    print(f"\nisolation probes: {prober.count}, leaks: {len(prober.leaks)}  ({groups}; "
          f"{len(prober.per_identity)} identities; {prober.controls} owner controls "
          f"alongside)")
    print(f"canary {CANARY}: looked for in {answers} answers ({sweep.count} public pages, "
          f"{business.count} business pages), {len(log.records)} log records, {mail_count} "
          f"mails, the audit trail and {len(rows)} database values (every column of every "
          f"table, the {len(text_columns())} text/JSON ones among them) after the erasure; found "
          f"in {len(prober.canary_hits) + len(sweep.canary_hits) + len(business.canary_hits)}"
          f" answers, {len(in_log)} log records, {len(mail_hits)} mails, "
          f"{len(in_audit)} audit rows, {len(in_database)} columns")
    if skipped:
        print(f"public pages not swept (arguments unknown to the audit): {skipped}")
    if leftovers:
        print(f"note: the erased bytes are still in the SQLite files {leftovers} "
              "(free pages / WAL; no column holds them)")
    print(f"run time: {time.monotonic() - started:.1f} s "
          f"(this process's CPU: {time.process_time() - cpu_started:.1f} s)")

    assert prober.count >= MIN_PROBES
    assert prober.leaks == [], _show(prober.leaks)
    assert prober.controls > 0 and prober.broken_controls == [], _show(prober.broken_controls)
    assert crossed == [], _show(crossed)
    assert prober.canary_hits == [] and sweep.canary_hits == [] and business.canary_hits == []
    assert sweep.leaks == [], _show(sweep.leaks)
    assert business.leaks == [], _show(business.leaks)
    assert in_log == [] and people_in_log == [], _show(people_in_log)
    assert in_audit == [], _show(in_audit)
    assert mail_count > 0 and mail_hits == [], _show(mail_hits)
    assert in_database == [], _show(in_database)


def _plant_leaks(app) -> None:
    """Four routes that forget the organisation: the audit must catch every one of them."""
    from flask import Blueprint, abort, jsonify, redirect

    from web.access import supervisor
    from web.extensions import db
    from web.models import Participant
    from web.supervisor.api import token_required

    planted = Blueprint("planted", __name__)

    @planted.get("/werkruimte/lek/<int:participant_id>")
    @supervisor
    def show(participant_id):
        person = db.session.get(Participant, participant_id) or abort(404)
        return f"<p>{person.reference}: {person.interests_text}</p>"

    @planted.post("/werkruimte/lek/<int:participant_id>/wis")
    @supervisor
    def wipe(participant_id):
        person = db.session.get(Participant, participant_id) or abort(404)
        person.interests_text = ""
        db.session.commit()
        return redirect("/werkruimte/")

    @planted.get("/werkruimte/lek/plaatsing/<int:placement_id>")
    @supervisor
    def broken(placement_id):
        raise RuntimeError("forgot to scope the placement")

    @planted.get("/api/v1/supervisor/lek")
    @token_required
    def everyone():
        return jsonify([p.reference for p in db.session.query(Participant)])

    app.register_blueprint(planted)


def test_the_audit_catches_planted_leaks(fresh_app):
    """The oracle is not vacuous: routes that forget the organisation are found by the same
    enumeration and generators, as wrong answers, foreign data, the canary, changed rows of
    other organisations and a server error."""
    app = fresh_app()
    _plant_leaks(app)
    world = build_world(app)
    ids = make_identities(app, world)
    prober = Prober(app, world)

    def planted(probes):
        return [p for p in probes if "/lek" in p.url]

    prober.run("members", planted(member_probes(app, world, ids.members["sup-B"], "sup")),
               frozenset({"B"}))
    prober.run("api", planted(api_probes(app, world, ids.api_tokens["token-sup-B"], "api",
                                         lambda *_: REFUSED_404,
                                         lambda kind: lambda i, owner: owner != "B")),
               frozenset({"B"}))

    def caught(url, problem):
        return any(u == url and p.startswith(problem) for _g, _w, _m, u, p in prober.leaks)

    canary = f"/werkruimte/lek/{world.canary_id}"
    placement = world.orgs["A"].placements["P2-biz"]
    assert caught(canary, "answered 200, expected [404]")
    assert caught(canary, "shows the canary")
    assert caught(canary + "/wis", "answered 302")
    assert caught(f"/werkruimte/lek/plaatsing/{placement}", "server error 500")
    assert caught("/api/v1/supervisor/lek", "shows the canary")
    changed = [p for _g, _w, _m, u, p in prober.leaks if u == "-"]
    assert any(c.startswith("A's participants") and "interests_text" in c for c in changed)
    assert any(c.startswith("C's participants") for c in changed)
