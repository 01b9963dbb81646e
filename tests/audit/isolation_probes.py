"""The isolation audit's probe groups: every staff route and API call for each identity, the
signed links, the platform admin's pages, and the controls (the owner's own requests succeed)."""
from __future__ import annotations

import time
from itertools import product
from urllib.parse import urlencode

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from isolation_identities import UA, Identities, Identity, flip, forbidden_for
from isolation_oracle import (
    ANY,
    REFUSED_401,
    REFUSED_403,
    REFUSED_404,
    TO_LOGIN,
    TO_SECOND_FACTOR,
    Expect,
)
from isolation_prober import (
    STAFF_AUDIENCES,
    Probe,
    api_body,
    build_url,
    form_body,
    id_kinds,
    is_api,
    route_table,
)
from isolation_world import (
    NEXT,
    ORG_KEYS,
    World,
)

# --- the probe groups --------------------------------------------------------------------------

def _candidates(world: World, kind: str, keep) -> list[int]:
    return [i for i, owner in world.ids[kind] if keep(i, owner)]


def _id_product(world: World, rule, keep) -> list[dict]:
    kinds = id_kinds(rule)
    lists = [[(name, i) for i in _candidates(world, kind, keep(kind))]
             for name, kind in kinds.items()]
    return [dict(combo) for combo in product(*lists)]


def staff_route_probes(app, world: World, who: Identity, group: str, audiences, expect_for,
                       keep, include_api: bool = False) -> list[Probe]:
    """Every route of these audiences x every id `keep` picks (per kind) x method. The token
    API shares the audience "supervisor" but ignores sessions; it has its own probes."""
    probes = []
    for rule, method, audience in route_table(app, audiences):
        if is_api(rule) and not include_api:
            continue
        for values in _id_product(world, rule, keep):
            expect = expect_for(rule, audience, values)
            if expect is None:
                continue
            form = form_body(world, values, who.org) if method == "POST" else None
            probes.append(Probe(group, who, method, build_url(rule, values), expect, form))
    return probes


def member_probes(app, world: World, who: Identity, role: str) -> list[Probe]:
    """A member of organisation X in the supervisors' area: every route with every id of the other
    organisations (and of the businesses X may not see), its own lists, and foreign ids in
    query strings and form bodies."""
    org = who.org
    visible = world.visible[org]

    def keep(kind):
        def pick(ident, owner):
            if owner == org:
                return False
            if kind == "workpost" and owner.startswith("business:") and ident in visible:
                return False  # a business in X's own region is X's to see: not foreign
            return True
        return pick

    def expect_for(rule, audience, values):
        if audience == "org_admin" and role != "admin":
            return None  # the roles group probes these
        if not values:
            return ANY
        if audience == "supervisor" and values.get("workpost_id") in visible:
            return ANY   # another organisation's published atelier: visible by design
        return REFUSED_404

    probes = staff_route_probes(app, world, who, "members", ("supervisor", "org_admin"),
                                expect_for, keep)
    probes += _foreign_ids_elsewhere(app, world, who, org)
    return probes


def _foreign_ids_elsewhere(app, world: World, who: Identity, org: str) -> list[Probe]:
    """Foreign ids where the URL has none: query strings and form fields."""
    w = world.orgs[org]
    own_person = w.participants["P1"]
    own_placement = w.placements["P1-own"]
    own_business = world.businesses[w.business].id
    foreign_people = [i for i, o in world.ids["participant"] if o != org]
    foreign_staff = [i for i, o in world.ids["user"] if o != org]
    hidden_posts = [i for i, o in world.ids["workpost"] if i not in world.visible[org]]
    probes = []
    for pid in foreign_people:
        probes.append(Probe("members", who, "GET", f"/werkruimte/verdeling?deelnemer={pid}",
                            Expect(redirect="/werkruimte/deelnemers")))
        probes.append(Probe("members", who, "GET",
                            f"/werkruimte/verdeling?deelnemer={own_person}&deelnemer={pid}",
                            ANY))
        probes.append(Probe("members", who, "GET",
                            f"/werkruimte/werkposten/{own_business}?deelnemer={pid}", ANY))
        # The caseload's accept action: a foreign participant is never put on a shortlist.
        probes.append(Probe("members", who, "POST", "/werkruimte/verdeling",
                            Expect(redirect="/werkruimte/deelnemers"),
                            {"voorstel": f"{pid}:{own_business}"}))
        # A search for most of the reference: the page repeats the search term, so the term
        # is never a whole private string; a result row would show the whole reference.
        probes.append(Probe("members", who, "GET", "/werkruimte/deelnemers?" + urlencode(
            {"zoek": world.reference[pid][:-3]}), ANY))
    for post in hidden_posts:
        probes.append(Probe("members", who, "POST",
                            f"/werkruimte/deelnemers/{own_person}/shortlist",
                            REFUSED_404, {"workpost_id": str(post), "note": "probe"}))
        probes.append(Probe("members", who, "POST", "/werkruimte/verdeling",
                            Expect(redirect="/werkruimte/deelnemers"),
                            {"voorstel": f"{own_person}:{post}"}))
        body = form_body(world, {}, org)
        body.update({"change-workpost_id": str(post)})
        probes.append(Probe("members", who, "POST",
                            f"/werkruimte/plaatsingen/{own_placement}/wijziging",
                            Expect(frozenset({404, 422})), body))
    for user_id in foreign_staff:
        body = form_body(world, {}, org)
        body.update({"supervisor_id": str(user_id), "reference": world.reference[own_person]})
        probes.append(Probe("members", who, "POST",
                            f"/werkruimte/deelnemers/{own_person}/bewerken",
                            Expect(frozenset({422})), body))
        body = dict(body, reference=f"PROBE-{user_id}")
        probes.append(Probe("members", who, "POST", "/werkruimte/deelnemers/nieuw",
                            Expect(frozenset({422})), body))
    return probes


def role_probes(app, world: World, ids: Identities) -> list[Probe]:
    """Roles that may not use a route: a supervisor on the organisation admin's pages (own
    and foreign ids), staff on the platform admin's pages, the platform admin and a demoted
    admin in the supervisors' area."""
    everyone = lambda kind: lambda ident, owner: True  # noqa: E731
    probes = []
    for who in ids.members.values():
        if who.name.startswith("sup-"):
            probes += staff_route_probes(app, world, who, "roles", ("org_admin",),
                                         lambda *_: REFUSED_403, everyone)
        probes += staff_route_probes(app, world, who, "roles", ("platform_admin",),
                                     lambda *_: REFUSED_403, everyone)
    probes += staff_route_probes(app, world, ids.platform, "roles", ("supervisor", "org_admin"),
                                 lambda *_: REFUSED_403, everyone)
    probes += staff_route_probes(app, world, ids.demoted, "roles", ("org_admin",),
                                 lambda *_: REFUSED_403, everyone)
    return probes


def nobody_probes(app, world: World, ids: Identities) -> list[Probe]:
    """No session, or one that must count for nothing, on every staff route with every id;
    and the token API with session cookies instead of a token."""
    everyone = lambda kind: lambda ident, owner: True  # noqa: E731
    probes = []
    staff_audiences = ("supervisor", "org_admin", "platform_admin")
    for who in ids.nobody.values():
        target = TO_SECOND_FACTOR if who.name.startswith("no-second-factor") else TO_LOGIN

        def expect_for(rule, audience, values, target=target):
            return REFUSED_401 if is_api(rule) else target

        probes += staff_route_probes(app, world, who, "nobody", staff_audiences, expect_for,
                                     everyone, include_api=True)
    for who in ids.cookies_on_api.values():
        probes += api_probes(app, world, who, "nobody", lambda *_: REFUSED_401, everyone)
    return probes


def api_probes(app, world: World, who: Identity, group: str, expect_for, keep) -> list[Probe]:
    probes = []
    for rule, method, _audience in route_table(app, STAFF_AUDIENCES):
        if not is_api(rule):
            continue
        for values in _id_product(world, rule, keep):
            body = api_body(world, who.org) if method == "POST" else None
            probes.append(Probe(group, who, method, build_url(rule, values),
                                expect_for(rule, values), json=body))
            if rule.endpoint.endswith("participant_matches"):
                probes.append(Probe(group, who, method, build_url(rule, values, {"top": 50}),
                                    expect_for(rule, values)))
            if rule.endpoint.endswith("list_placements"):
                for status in ("active", "shortlisted", "ended"):
                    probes.append(Probe(group, who, method,
                                        build_url(rule, values, {"status": status}),
                                        expect_for(rule, values)))
    return probes


def api_group(app, world: World, ids: Identities) -> list[tuple]:
    """Bad tokens on everything (nothing may change); each organisation's tokens with the
    other organisations' ids (only its own rows may change), and with its own participant
    but a workpost it may not see."""
    everyone = lambda kind: lambda ident, owner: True  # noqa: E731
    batches = []
    bad = []
    for who in ids.api_bad.values():
        bad += api_probes(app, world, who, "api", lambda *_: REFUSED_401, everyone)
    batches.append((bad, frozenset(), []))
    for key in ORG_KEYS:
        probes = []
        for role in ("sup", "admin"):
            who = ids.api_tokens[f"token-{role}-{key}"]
            foreign = lambda kind, key=key: lambda ident, owner: owner != key  # noqa: E731

            def expect_for(rule, values):
                return REFUSED_404 if values else ANY

            probes += api_probes(app, world, who, "api", expect_for, foreign)
            own = world.orgs[key].participants["P1"]
            for post, _owner in world.ids["workpost"]:
                if post in world.visible[key]:
                    continue
                probes.append(Probe("api", who, "POST",
                                    f"/api/v1/supervisor/participants/{own}/shortlist",
                                    REFUSED_404, json={"workpost_id": post, "note": "probe"}))
        controls = [c for role in ("sup", "admin")
                    for c in api_controls(app, world, ids.api_tokens[f"token-{role}-{key}"])]
        batches.append((probes, frozenset({key}), controls))
    return batches


def link_variants(app, world: World, purpose: str, target: str) -> dict[str, str]:
    """Bad tokens for one target (a business key, or an account-link name)."""
    from web.infra import signed_links

    with app.app_context():
        if purpose in WORKPOST_LINKS:
            b = world.businesses[target]
            other = world.businesses["WOTHER"]
            kind = WORKPOST_LINKS[purpose]
            valid = world.link_tokens[f"{kind}-{target}"]
            wrong_purpose = world.link_tokens[
                f"{'confirm' if kind == 'manage' else 'manage'}-{target}"]
            max_days = {"manage": 365, "confirm": 7, "contact": 60}[kind]
            payload = {"id": b.id, "n": b.nonce}
            if kind == "contact":  # the request of the token, as the link carries it
                payload["r"] = URLSafeTimedSerializer(
                    app.config["SECRET_KEY"], salt=f"wpw-{purpose}").loads(valid)["r"]
            return {
                "tampered": flip(valid), "truncated": valid[:-4],
                "expired": _token_days_ago(app, purpose, payload, max_days + 2),
                "wrong-purpose": wrong_purpose,
                "invitation-salt": signed_links.make("invitation", payload),
                "stale-nonce": signed_links.make(purpose, {"id": b.id, "n": "oud-" + b.nonce}),
                "spliced": signed_links.make(purpose, {"id": b.id, "n": other.nonce}),
                "string-id": signed_links.make(purpose, {"id": str(b.id), "n": b.nonce}),
                "garbage": "eyJpZCI6MX0.x.y",
            }
        valid = world.link_tokens[target]
        payload = URLSafeTimedSerializer(app.config["SECRET_KEY"],
                                         salt=f"wpw-{purpose}").loads(valid)
        other_user = world.orgs["B"].staff["sup"]
        other_purpose = "invitation" if purpose == "password-reset" else "password-reset"
        seconds = 7 * 86400 if purpose == "invitation" else 3600
        return {
            "tampered": flip(valid), "truncated": valid[:-4],
            "expired": _token_days_ago(app, purpose, payload, seconds / 86400 + 1),
            "wrong-purpose": signed_links.make(other_purpose, payload),
            "used": signed_links.make(purpose, {"u": payload["u"], "f": "0" * 16}),
            "spliced": signed_links.make(purpose, {"u": other_user.id, "f": payload["f"]}),
            "string-id": signed_links.make(purpose, {"u": str(payload["u"]), "f": payload["f"]}),
            "garbage": "eyJ1IjoxfQ.x.y",
        }


def _token_days_ago(app, purpose: str, payload, days: float) -> str:
    class Earlier(TimestampSigner):
        def get_timestamp(self):
            return int(time.time() - days * 86400)

    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=f"wpw-{purpose}",
                                  signer=Earlier).dumps(payload)


LINK_PURPOSES = {"signup.confirm": "workpost-confirm", "account.accept": "invitation",
                 "account.reset_password": "password-reset",
                 "signup.contact_request": "contact-request"}
# The links a business holds, by purpose: the name of its token in world.link_tokens.
WORKPOST_LINKS = {"workpost-manage": "manage", "workpost-confirm": "confirm",
                  "contact-request": "contact"}
MANAGE_BODY = {"reason": "probe", "confirm": "y", "open_places": "0", "name": "probe",
               "password": "een heel lang nieuw wachtwoord", "repeat":
               "een heel lang nieuw wachtwoord", "contact_email": "probe@example.be"}


def link_purpose(endpoint: str) -> str:
    if endpoint in LINK_PURPOSES:
        return LINK_PURPOSES[endpoint]
    if endpoint.startswith("signup."):
        return "workpost-manage"
    raise AssertionError(f"{endpoint}: a manage-link route this audit does not know; add its "
                         f"purpose to isolation_probes.LINK_PURPOSES")


def link_probes(app, world: World, ids: Identities) -> list[tuple[list[Probe], frozenset]]:
    """Manage-link routes with tampered, expired, wrong-purpose, voided and spliced tokens of
    every business and account link (nothing may change), and with another business's
    valid link (only that business may change, and its pages show nobody else)."""
    anonymous = ids.nobody["anonymous"]
    staff = ids.members["admin-B"]
    # A staff member of B following a bad link: may see B's own header, nothing else.
    staff_as_stranger = Identity("admin-B-with-a-link", "B", staff.headers,
                                 forbidden_for(world, "B", businesses=True), True)
    variants = {}
    bad, other = [], []
    other_who = Identity("holder-of-WOTHER-link", None, {"User-Agent": UA},
                         forbidden_for(world, None, businesses=True, allow_business="WOTHER"),
                         True)
    for rule, method, _audience in route_table(app, ("manage_link",)):
        purpose = link_purpose(rule.endpoint)
        if purpose in WORKPOST_LINKS:
            targets = [k for k in world.businesses if k != "WOTHER"]
            refused = Expect(frozenset({400, 410}))
        else:
            prefix = "invite-" if purpose == "invitation" else "reset-"
            targets = [n for n in world.link_tokens if n.startswith(prefix)]
            refused = Expect(frozenset({410}))
        for target in targets:
            if (purpose, target) not in variants:
                variants[purpose, target] = link_variants(app, world, purpose, target)
            for _variant, token in variants[purpose, target].items():
                for who in (anonymous, staff_as_stranger):
                    bad.append(Probe("links", who, method, build_url(rule, {"token": token}),
                                     refused, MANAGE_BODY if method == "POST" else None))
        if purpose in WORKPOST_LINKS:
            token = world.link_tokens[f"{WORKPOST_LINKS[purpose]}-WOTHER"]
            other.append(Probe("links", other_who, method, build_url(rule, {"token": token}),
                               ANY, MANAGE_BODY if method == "POST" else None))
    # Withdrawing last: the other probes see the business while it is still there.
    other.sort(key=lambda p: "intrekken" in p.url and p.method == "POST")
    return [(bad, frozenset()), (other, frozenset({"business:WOTHER"}))]


def platform_probes(app, world: World, ids: Identities) -> list[Probe]:
    """The platform admin's own pages, on workposts that are not waiting for review
    (internal ateliers of the organisations, published offers): nothing may change."""
    # An application to join is the platform admin's own to decide: accepting it rightly
    # makes an organisation, so it is probed by everyone else, not here.
    def keep(kind):
        return lambda ident, owner: owner != "business:WPEND" and kind != "application"

    return staff_route_probes(app, world, ids.platform, "platform", ("platform_admin",),
                              lambda *_: ANY, keep)


# --- controls: the owner's own requests succeed ------------------------------------------------

OWNER_OK = Expect(frozenset({200, 302}))


def member_controls(app, world: World, who: Identity, role: str) -> list[Probe]:
    """The organisation's own staff on every GET route with its own ids (answers 200 or a
    redirect), and the form-field probes with an own id instead of the foreign one (the
    change goes through), so that the members' refusals are the access check's doing."""
    org = who.org
    w = world.orgs[org]

    controls = []
    for rule, method, audience in route_table(app, ("supervisor", "org_admin")):
        if method != "GET" or is_api(rule) or not \
                rule.arguments or (audience == "org_admin" and role != "admin"):
            continue

        def own(kind, audience=audience):
            # A supervisor's workpost page shows published workposts only (also our own).
            return lambda ident, owner: owner == org and (
                kind != "workpost" or audience != "supervisor" or ident in world.visible[org])

        for values in _id_product(world, rule, own):
            controls.append(Probe("control", who, "GET", build_url(rule, values), OWNER_OK))
    own_person, own_placement = w.participants["P1"], w.placements["P1-own"]
    body = form_body(world, {}, org)
    body.update({"supervisor_id": str(w.staff["sup"].id), "reference": world.reference[own_person]})
    controls.append(Probe("control", who, "POST", f"/werkruimte/deelnemers/{own_person}/bewerken",
                          Expect(frozenset({302})), body))
    controls.append(Probe("control", who, "POST", "/werkruimte/deelnemers/nieuw",
                          Expect(frozenset({302})), dict(body, reference=f"CTRL-{who.name}")))
    body = form_body(world, {}, org)
    body.update({"change-workpost_id": str(w.internal["published"]),
                 "change-hours_per_week": "4" if role == "sup" else "5"})
    controls.append(Probe("control", who, "POST",
                          f"/werkruimte/plaatsingen/{own_placement}/wijziging",
                          Expect(frozenset({302})), body))
    previous = next(k for k, n in NEXT.items() if n == org)
    controls.append(Probe("control", who, "POST",
                          f"/werkruimte/deelnemers/{own_person}/shortlist",
                          Expect(frozenset({302})),
                          {"workpost_id": str(world.orgs[previous].internal["published"])}))
    return controls


def api_controls(app, world: World, who: Identity) -> list[Probe]:
    """A token on its own organisation's records answers 200."""
    own = lambda kind: lambda ident, owner: owner == who.org  # noqa: E731
    controls = []
    for rule, method, _audience in route_table(app, ("supervisor",)):
        if is_api(rule) and method == "GET":
            for values in _id_product(world, rule, own):
                expect = Expect(frozenset({200, 409}) if "matches" in rule.endpoint
                                else frozenset({200}))
                controls.append(Probe("control", who, "GET", build_url(rule, values), expect))
    return controls
