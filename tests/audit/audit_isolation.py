"""Machinery for the isolation audit (test_audit_isolation.py); no tests here.

- build_world(app): three supervising organisations (A Gent, B Hasselt, C Brugge), each with
  staff, API tokens, participants with and without consent (one frozen, one placed, one
  ended), placements in several statuses (also at another organisation's internal
  workpost), evaluations done and open, an agreement, internal workposts (published and
  paused); businesses with manage links; a platform admin. Participant A/P2 is the canary.
- make_identities(app, world): who knocks: staff of each organisation, the platform admin, a
  demoted admin, expired, rotated, deactivated, half-logged-in and stolen sessions, nobody,
  and every kind of API token.
- the probe generators (one per group), the oracle that judges each answer, snapshots of
  every row by owner (compared per group for the organisations that are not the actor's),
  the audit trail added per group, and the canary scans (log, mail, database).

Every private string of the world carries TAG, so a page that shows one is easy to spot;
the canary CANARY is organisation A's and is also in A's list of private strings.
"""
from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import product
from urllib.parse import urlencode, urlsplit

from argon2 import PasswordHasher
from harness import log_in
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import func, select

CANARY = "KANARIE-7f3a"
TAG = "PRIV9q"
ORG_KEYS = ("A", "B", "C")
# Each organisation's "next" one: its P6 works at the next one's internal workpost, and the
# canary is also shortlisted there, so the host organisation is probed as well.
NEXT = {"A": "B", "B": "C", "C": "A"}
ORG_SPECS = {
    "A": dict(name="OCMW Gent", province="oost_vlaanderen", postcode="9000", municipality="Gent",
              nis="44021", lat=51.0397, lon=3.7142, org_type="ocmw"),
    "B": dict(name="CAW Limburg", province="limburg", postcode="3500", municipality="Hasselt",
              nis="71072", lat=50.9170, lon=5.3244, org_type="caw"),
    "C": dict(name="CGG Brugge", province="west_vlaanderen", postcode="8000",
              municipality="Brugge", nis="31005", lat=51.2284, lon=3.2274, org_type="cgg"),
}
LOGIN_PATH = "/account/inloggen"
SECOND_FACTOR_PATH = "/account/tweede-stap"
REDIRECTS = (301, 302, 303, 307, 308)
STATE_CHANGING_ACTION = "deactivate"
# The id kinds of URL arguments; an id argument that is not here fails the audit loudly, so
# that a new route is never probed with a made-up value (or skipped).
ID_KINDS = {"participant_id": "participant", "placement_id": "placement",
            "evaluation_id": "evaluation", "user_id": "user", "workpost_id": "workpost",
            "organisation_id": "organisation"}
# Which table an audit event's target_type points at.
AUDIT_TARGETS = {"participant": "participants", "placement": "placements",
                 "evaluation": "evaluations", "user": "users", "workpost": "workposts",
                 "organisation": "organisations"}


def private(org: str, what: str) -> str:
    return f"{org}{TAG}-{what}"


# --- the world -------------------------------------------------------------------------------

@dataclass
class StaffRef:
    """Enough of a user for harness.log_in (get_id) and for the probes."""

    id: int
    session_token: str
    role: str
    email: str
    org: str | None

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"


@dataclass
class Business:
    key: str
    id: int
    status: str
    contact_email: str
    contact_phone: str
    nonce: str

    @property
    def markers(self) -> set[str]:
        return {self.contact_email, self.contact_phone}


@dataclass
class OrgWorld:
    key: str
    id: int
    slug: str
    staff: dict[str, StaffRef] = field(default_factory=dict)
    participants: dict[str, int] = field(default_factory=dict)
    placements: dict[str, int] = field(default_factory=dict)
    evaluations: list[int] = field(default_factory=list)
    internal: dict[str, int] = field(default_factory=dict)  # "published" / "paused"
    business: str = ""                                      # key of the business in its region
    api_tokens: dict[str, str] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)           # private strings about people
    personal: set[str] = field(default_factory=set)         # of those: the participants' own
    hidden: set[str] = field(default_factory=set)           # workposts others may not see


@dataclass
class World:
    orgs: dict[str, OrgWorld]
    platform: StaffRef
    businesses: dict[str, Business]
    reference: dict[int, str]                 # participant id -> reference
    ids: dict[str, list[tuple[int, str]]]     # id kind -> [(id, owner)]
    visible: dict[str, set[int]]              # org key -> workposts it may see (at setup)
    placement_posts: dict[str, set[tuple[int, int]]]  # org -> {(placement, workpost)}
    org_key: dict[int, str]                   # organisation id -> key
    tokens: dict[str, str]                    # special API tokens (revoked, replaced, ...)
    link_tokens: dict[str, str] = field(default_factory=dict)  # signed links, by name
    canary_id: int = 0


def _org(session, key: str):
    from web.models import Organisation, OrganisationRegion

    spec = ORG_SPECS[key]
    org = Organisation(name=f"{spec['name']} ({key})", slug=f"audit-{key.lower()}",
                       org_type=spec["org_type"], postcode=spec["postcode"],
                       municipality=spec["municipality"], province=spec["province"],
                       lat=spec["lat"], lon=spec["lon"], description="Publiek profiel.")
    org.regions = [OrganisationRegion(kind="province", code=spec["province"])]
    session.add(org)
    session.flush()
    return org


# Real argon2 hashes (each user's differs, as the password-link fingerprints need) at a cost
# that keeps the world quick to build; nobody logs in with them.
_CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _user(session, org, key: str, name: str, role: str, with_password: bool = True):
    from web.models import User

    user = User(email=f"{key.lower()}{TAG.lower()}-{name}@example.be".replace("_", "-"),
                name=private(key, f"naam-{name}"), role=role, organisation=org,
                password_hash=_CHEAP_HASHER.hash(f"wachtwoord {key} {name} lang genoeg")
                if with_password else None)
    session.add(user)
    session.flush()
    return user


def _workpost(session, key: str, name: str, *, organisation=None, status="published",
              legal_form="non_profit", capacity=3, contact_email=None, contact_phone=None):
    from web.models import Workpost

    spec = ORG_SPECS[key]
    now = datetime.now(UTC)
    post = Workpost(
        legal_form="internal" if organisation is not None else legal_form,
        organisation=organisation, name=name,
        sector="non_profit", org_type="second_hand_shop" if organisation is None
        else "care_provider", description="Sorteren en prijzen van tweedehands spullen.",
        postcode=spec["postcode"], municipality=spec["municipality"],
        municipality_nis=spec["nis"], province=spec["province"], lat=spec["lat"] + 0.002,
        lon=spec["lon"] + 0.002, activities=["sorting_reuse", "green"],
        offers=["calm_environment"], schedule=["mon_am", "tue_am", "wed_am"], hours_per_week=8,
        capacity=capacity, open_places=capacity, status=status,
        contact_name="Contact " + name, contact_email=contact_email or "info@example.be",
        contact_phone=contact_phone, tasks="Kleding sorteren",
        confirmed_at=now if status not in ("unconfirmed",) else None,
        published_at=now if status == "published" else None,
        terms_accepted_at=now)
    session.add(post)
    session.flush()
    return post


def _participant(session, org, key: str, label: str, *, reference: str, status: str,
                 supervisor, consent: str | None, interests_text: str):
    from web.models import Consent, Participant

    spec = ORG_SPECS[key]
    person = Participant(
        organisation=org, reference=reference, postcode=spec["postcode"],
        municipality=spec["municipality"], province=spec["province"], lat=spec["lat"],
        lon=spec["lon"], travel_modes=["bike", "public_transport"], max_minutes=60,
        interests=["sorting_reuse"], interests_text=interests_text, needs=["calm_environment"],
        availability=["mon_am", "tue_am", "wed_am"], hours_per_week=8.0, status=status,
        supervisor_id=supervisor.id)
    if consent is not None:
        person.consents.append(Consent(processed="profiel", shared_with="werkposten",
                                       purpose=consent, given_on=date.today() - timedelta(400),
                                       recorded_by_id=supervisor.id))
    session.add(person)
    session.flush()
    return person


def _sign(placement) -> None:
    """A complete agreement marked signed: what "active" needs."""
    from web.services.agreements import CLAUSE_KEYS

    placement.agreement = {"clauses": {key: f"Afspraak {key}." for key in CLAUSE_KEYS},
                           "saved_at": "2026-01-01T09:00:00+00:00", "signed_on": "2026-01-01"}


def _walk(placement, steps, by, start: date, notes: str) -> None:
    from web.services import placements

    for n, status in enumerate(steps):
        if status == "active" and placement.status != "paused":
            _sign(placement)
        placements.move(placement, status, by, start + timedelta(days=7 * (n + 1)),
                        f"{notes} {status}", "other" if status == "ended" else None,
                        skip_reason=f"{notes} sneller", confirm_early=True)


def _people_of(session, org, key: str, w: "OrgWorld", users: dict, posts: dict,
               reference: dict, today: date) -> None:
    """Six participants of one organisation and their placements, made by the services.

    P1 searching (shortlisted at the own atelier and at the next organisation's, in a
    meeting at the business), P2 placed (agreement, a change, an evaluation done and one
    open; in A it is the canary), P3 frozen in trial, P4 intake without consent, P5 ended,
    P6 active at the next organisation's atelier."""
    from web.services import agreements, evaluations, participants, placements

    sup, admin = users["sup"], users["admin"]
    own, host, business = posts["own"], posts["host"], posts["business"]
    start = today - timedelta(days=300)
    people = {}

    def text(what: str, label: str) -> str:
        value = private(key, what)
        w.people.add(value)
        w.personal.add(value)
        # Everything about the canary carries the canary marker as well.
        return value + (f" {CANARY}" if key == "A" and label == "P2" else "")

    for label in ("P1", "P2", "P3", "P4", "P5", "P6"):
        ref = CANARY if key == "A" and label == "P2" else private(key, f"ref-{label}")
        person = _participant(session, org, key, label, reference=ref,
                              status="intake" if label == "P4" else "searching",
                              supervisor=sup,
                              consent=None if label == "P4" else text(f"doel-{label}", label),
                              interests_text="houdt van " + text(f"interesse-{label}", label))
        w.participants[label] = person.id
        w.people.add(ref)
        w.personal.add(ref)
        reference[person.id] = ref
        people[label] = person

    p1, p2, p3, p5, p6 = (people[n] for n in ("P1", "P2", "P3", "P5", "P6"))
    w.placements["P1-own"] = placements.shortlist(p1, own, sup, text("noot-P1-own", "P1"),
                                                  start).id
    w.placements["P1-host"] = placements.shortlist(p1, host, sup, text("noot-P1-host", "P1"),
                                                   start).id
    placement = placements.shortlist(p1, business, sup, text("noot-P1-biz", "P1"), start)
    _walk(placement, ("contacted", "meeting"), sup, start, text("stap-P1", "P1"))
    w.placements["P1-biz"] = placement.id

    placement = placements.shortlist(p2, business, sup, text("noot-P2", "P2"), start)
    _walk(placement, ("contacted", "meeting", "trial", "agreement", "active"), sup, start,
          text("stap-P2", "P2"))
    placements.change(placement, sup, start + timedelta(days=60), text("wijziging-P2", "P2"),
                      tasks=text("taken-P2", "P2"))
    clauses = agreements.clauses(placement, sup.name)
    clauses["tasks"] = text("overeenkomst-P2", "P2")
    assert agreements.save(placement, clauses, sup, datetime.now(UTC)) == {}  # no problems
    first = evaluations.open_evaluation(placement)
    evaluations.complete(first, sup, done_on=first.due_on, today=today,
                         scores={"satisfaction_workpost": 4, "satisfaction_guidance": 4},
                         notes=text("evaluatie-P2", "P2"),
                         agreements=text("afspraak-P2", "P2"))
    w.placements["P2-biz"] = placement.id
    w.placements["P2-host"] = placements.shortlist(p2, host, sup, text("noot-P2-host", "P2"),
                                                   start).id

    placement = placements.shortlist(p3, business, sup, text("noot-P3", "P3"), start)
    _walk(placement, ("contacted", "trial"), sup, start, text("stap-P3", "P3"))
    participants.withdraw_consent(p3, sup, datetime.now(UTC))
    w.placements["P3-biz"] = placement.id

    placement = placements.shortlist(p5, business, admin, text("noot-P5", "P5"), start)
    _walk(placement, ("agreement", "active"), admin, start, text("stap-P5", "P5"))
    first = evaluations.open_evaluation(placement)
    evaluations.complete(first, admin, done_on=first.due_on, today=today,
                         scores={"satisfaction_workpost": 3, "satisfaction_guidance": 4},
                         notes=text("evaluatie-P5", "P5"), agreements="")
    placements.move(placement, "ended", admin, today - timedelta(days=10),
                    text("einde-P5", "P5"), "paid_work")
    w.placements["P5-biz"] = placement.id

    placement = placements.shortlist(p6, host, sup, text("noot-P6", "P6"), start)
    _walk(placement, ("agreement", "active"), sup, start, text("stap-P6", "P6"))
    w.placements["P6-host"] = placement.id


def build_world(app) -> World:
    """Make the world through the services (as the routes would) and commit it."""
    from web import tokens
    from web.extensions import db
    from web.models import Evaluation, Organisation, Placement, Workpost
    from web import matching
    from web.services import staff
    from web.signup import links

    today = date.today()
    with app.app_context():
        s = db.session
        orgs, rows = {}, {}
        for key in ORG_KEYS:
            org = _org(s, key)
            w = OrgWorld(key, org.id, org.slug)
            users = {"admin": _user(s, org, key, "admin", "org_admin"),
                     "sup": _user(s, org, key, "sup", "supervisor"),
                     "sup2": _user(s, org, key, "sup2", "supervisor")}
            if key == "A":  # users whose sessions end in other ways, and an open invitation
                users.update(rot=_user(s, org, key, "rot", "supervisor"),
                             off=_user(s, org, key, "off", "supervisor"),
                             admin2=_user(s, org, key, "admin2", "org_admin"),
                             invited=_user(s, org, key, "invited", "supervisor", False))
            w.internal["published"] = _workpost(
                s, key, f"Atelier {key}", organisation=org,
                contact_email=f"atelier-{key.lower()}@example.be").id
            w.internal["paused"] = _workpost(s, key, private(key, "verborgen-atelier"),
                                             organisation=org, status="paused").id
            w.hidden.add(private(key, "verborgen-atelier"))
            w.business = "W" + key
            orgs[key], rows[key] = w, (org, users)
        platform = _user(s, None, "P", "root", "platform_admin")

        businesses = {}
        for key, status, region in (("WA", "published", "A"), ("WB", "published", "B"),
                                    ("WC", "published", "C"), ("WPEND", "pending_review", "A"),
                                    ("WUNCONF", "unconfirmed", "B"),
                                    ("WOTHER", "published", "C")):
            email = f"{key.lower()}{TAG.lower()}@bedrijf.example"
            phone = f"{TAG}-{key}-tel"
            post = _workpost(s, region, f"Bedrijf {key}", status=status, capacity=4,
                             legal_form="company", contact_email=email, contact_phone=phone)
            businesses[key] = Business(key, post.id, status, email, phone, post.manage_nonce)

        reference = {}
        for key in ORG_KEYS:
            org, users = rows[key]
            posts = {"own": s.get(Workpost, orgs[key].internal["published"]),
                     "host": s.get(Workpost, orgs[NEXT[key]].internal["published"]),
                     "business": s.get(Workpost, businesses["W" + key].id)}
            _people_of(s, org, key, orgs[key], users, posts, reference, today)
            s.flush()
            orgs[key].evaluations = list(s.scalars(select(Evaluation.id).where(
                Evaluation.organisation_id == org.id).order_by(Evaluation.id)))
            orgs[key].api_tokens = {"sup": staff.new_api_token(users["sup"]),
                                    "admin": staff.new_api_token(users["admin"])}
            for user in users.values():
                orgs[key].people.update({user.email, user.name})

        # Special API tokens of A: replaced by a newer one, revoked, of a deactivated user;
        # and the platform admin's.
        a_users = rows["A"][1]
        special = {"replaced": staff.new_api_token(a_users["sup2"])}
        staff.new_api_token(a_users["sup2"])
        special["revoked"] = staff.new_api_token(a_users["rot"])
        staff.revoke_api_token(a_users["rot"])
        special["deactivated"] = staff.new_api_token(a_users["off"])
        special["platform"] = staff.new_api_token(platform)
        b_admin = rows["B"][1]["admin"]
        link_tokens = {
            "invite-A": tokens.make("invitation", {
                "u": a_users["invited"].id, "f": staff.link_fingerprint(a_users["invited"])}),
            "reset-A": tokens.make("password-reset", {
                "u": a_users["sup"].id, "f": staff.link_fingerprint(a_users["sup"])}),
            "reset-B": tokens.make("password-reset", {
                "u": b_admin.id, "f": staff.link_fingerprint(b_admin)}),
        }
        for b in businesses.values():
            post = s.get(Workpost, b.id)
            link_tokens[f"manage-{b.key}"] = links.token(links.MANAGE, post)
            link_tokens[f"confirm-{b.key}"] = links.token(links.CONFIRM, post)
        s.commit()

        ids: dict[str, list[tuple[int, str]]] = {k: [] for k in set(ID_KINDS.values())}
        key_of = {w.id: k for k, w in orgs.items()}
        for key, w in orgs.items():
            users = rows[key][1]
            w.staff = {name: StaffRef(u.id, u.session_token, u.role, u.email, key)
                       for name, u in users.items()}
            ids["participant"] += [(i, key) for i in w.participants.values()]
            ids["placement"] += [(i, key) for i in w.placements.values()]
            ids["evaluation"] += [(i, key) for i in w.evaluations]
            ids["user"] += [(u.id, key) for u in users.values()]
            ids["workpost"] += [(i, key) for i in w.internal.values()]
            ids["organisation"].append((w.id, key))
        ids["user"].append((platform.id, "platform"))
        ids["workpost"] += [(b.id, "business:" + b.key) for b in businesses.values()]
        visible = {key: {p.id for p in matching.visible_workposts(s.get(Organisation, w.id))}
                   for key, w in orgs.items()}
        placement_posts = {key: set() for key in ORG_KEYS}
        for placement in s.scalars(select(Placement)):
            placement_posts[key_of[placement.organisation_id]].add(
                (placement.id, placement.workpost_id))
        world = World(orgs=orgs, platform=StaffRef(platform.id, platform.session_token,
                                                   platform.role, platform.email, None),
                      businesses=businesses, reference=reference, ids=ids, visible=visible,
                      placement_posts=placement_posts, org_key=key_of, tokens=special,
                      link_tokens=link_tokens)
        world.canary_id = orgs["A"].participants["P2"]
        s.remove()
    return world


# --- identities --------------------------------------------------------------------------------

UA = "Werkzeug/test"


@dataclass
class Identity:
    name: str
    org: str | None            # the organisation whose data it may see (None: none)
    headers: dict
    forbidden: "Forbidden | None"
    blind: bool                # must never see the canary (anyone but organisation A)


def _pattern(strings, *, case_sensitive: bool = False) -> re.Pattern | None:
    strings = sorted({s for s in strings if s}, key=len, reverse=True)
    if not strings:
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile("|".join(re.escape(s) for s in strings), flags)


def _anchor(string: str, prefixes=()) -> str:
    """A short piece every answer that shows `string` must contain (a cheap pre-check)."""
    if TAG.lower() in string.lower():
        return TAG.lower()
    return next((p for p in prefixes if string.startswith(p)), string)


class Forbidden:
    """Strings an identity must not be shown: words (any case) and tokens (exact). Every
    private word of the world carries TAG, so most answers are cleared by one `in`."""

    TOKEN_PREFIXES = ("wpw_", "eyJ")

    def __init__(self, words, tokens=()):
        self.words = _pattern(words)
        self.tokens = _pattern(tokens, case_sensitive=True)
        self.word_anchors = {_anchor(w).lower() for w in words}
        self.token_anchors = {_anchor(t, self.TOKEN_PREFIXES) for t in tokens}

    def search(self, text: str):
        lowered = text.lower()
        if self.words is not None and any(a in lowered for a in self.word_anchors):
            found = self.words.search(text)
            if found:
                return found
        if self.tokens is not None and any(a in text for a in self.token_anchors):
            return self.tokens.search(text)
        return None


def forbidden_for(world: World, org: str | None, *, businesses: bool = False,
                  allow_business: str | None = None, hidden: bool = True) -> Forbidden:
    """What an identity of `org` must not be shown: every other organisation's people and
    hidden (paused) ateliers; for strangers also the businesses' contact details and links.
    The platform admin may see every workpost (hidden=False) but no people."""
    words, tokens = set(), set()
    for key, w in world.orgs.items():
        if key != org:
            words |= w.people | (w.hidden if hidden else set())
            tokens |= set(w.api_tokens.values())
    if businesses:
        for b in world.businesses.values():
            if b.key != allow_business:
                words |= b.markers
        tokens |= {t for n, t in world.link_tokens.items()
                   if allow_business is None or not n.endswith("-" + allow_business)}
    return Forbidden(words - tokens, tokens)


def session_cookie(app, user: StaffRef, tweak=None) -> str:
    """The signed session cookie of a logged-in staff member (harness.log_in), optionally
    changed afterwards (timestamps, second factor)."""
    client = app.test_client()
    log_in(client, user)
    if tweak is not None:
        with client.session_transaction() as session:
            tweak(session)
    return client.get_cookie("session").value


def cookie_headers(cookie: str | None, ua: str = UA) -> dict:
    headers = {"User-Agent": ua}
    if cookie:
        headers["Cookie"] = f"session={cookie}"
    return headers


def bearer(token: str) -> dict:
    return {"User-Agent": UA, "Authorization": f"Bearer {token}"}


def _flip(token: str, position: int = -6) -> str:
    """One character of the signature changed (to another letter, not just another case)."""
    chars = list(token)
    chars[position] = "Q" if chars[position].lower() != "q" else "Z"
    return "".join(chars)


@dataclass
class Identities:
    members: dict[str, Identity]      # "sup-A", "admin-B", ...
    platform: Identity
    demoted: Identity
    nobody: dict[str, Identity]       # anonymous and every session that must count for nothing
    api_bad: dict[str, Identity]      # API tokens that must answer 401
    api_tokens: dict[str, Identity]   # valid API tokens, "token-sup-A", ...
    cookies_on_api: dict[str, Identity]  # valid staff sessions knocking on the API


def make_identities(app, world: World) -> Identities:
    from web.account.sessions import ABSOLUTE_SECONDS, IDLE_SECONDS

    idle = app.config.get("SESSION_IDLE_SECONDS", IDLE_SECONDS)
    absolute = app.config.get("SESSION_ABSOLUTE_SECONDS", ABSOLUTE_SECONDS)
    everything = forbidden_for(world, None, businesses=True)
    members = {}
    for key, w in world.orgs.items():
        for role in ("sup", "admin"):
            members[f"{role}-{key}"] = Identity(
                f"{role}-{key}", key, cookie_headers(session_cookie(app, w.staff[role])),
                forbidden_for(world, key), blind=key != "A")
    a = world.orgs["A"].staff
    platform = Identity("platform-admin", None,
                        cookie_headers(session_cookie(app, world.platform)),
                        forbidden_for(world, None, hidden=False), True)

    # Sessions that ended through the real routes: "log out everywhere", a plain logout,
    # deactivation by an admin, and a demotion from org admin to supervisor.
    rotated = session_cookie(app, a["rot"])
    off = session_cookie(app, a["off"])
    before_demotion = session_cookie(app, a["admin2"])
    client = app.test_client()
    client.set_cookie("session", rotated)
    client.environ_base["HTTP_USER_AGENT"] = UA
    assert client.post("/account/overal-uitloggen").status_code == 302
    # A copy of a cookie taken before a plain logout; the same person's other sessions live on.
    copied = session_cookie(app, world.orgs["C"].staff["sup"])
    client = app.test_client()
    client.set_cookie("session", copied)
    client.environ_base["HTTP_USER_AGENT"] = UA
    assert client.post("/account/uitloggen").status_code == 302
    admin = app.test_client(use_cookies=False)
    admin_headers = members["admin-A"].headers
    for user, action in ((a["off"], "deactivate"), (a["admin2"], "supervisor")):
        response = admin.post(f"/werkruimte/organisatie/medewerkers/{user.id}",
                              data={"action": action}, headers=admin_headers)
        assert response.status_code == 302, response.status_code
    # A demotion ends the sessions the person had; a new one has the new role only.
    from web.extensions import db
    from web.models import User

    with app.app_context():
        fresh = db.session.get(User, a["admin2"].id)
        relogged = StaffRef(fresh.id, fresh.session_token, fresh.role, fresh.email, "A")
        db.session.remove()
    demoted = session_cookie(app, relogged)

    def tweak(**values):
        def change(session):
            now = int(time.time())
            for name, value in values.items():
                session[name] = value(now) if callable(value) else value
        return change

    nobody_cookies = {
        "anonymous": (None, UA),
        "idle-expired-admin-A": (session_cookie(app, a["admin"], tweak(
            login_at=lambda now: now - idle - 300, seen_at=lambda now: now - idle - 120)), UA),
        "absolute-expired-sup-B": (session_cookie(app, world.orgs["B"].staff["sup"], tweak(
            login_at=lambda now: now - absolute - 120, seen_at=lambda now: now)), UA),
        "idle-expired-platform": (session_cookie(app, world.platform, tweak(
            seen_at=lambda now: now - idle - 120)), UA),
        "broken-timestamps-admin-C": (session_cookie(app, world.orgs["C"].staff["admin"], tweak(
            login_at="gisteren")), UA),
        "after-logout-everywhere-A": (rotated, UA),
        "copied-before-logout-sup-C": (copied, UA),
        "deactivated-A": (off, UA),
        "demoted-session-from-before-A": (before_demotion, UA),
        "stolen-cookie-admin-A": (session_cookie(app, a["admin"]), "Mozilla/5.0 (elders)"),
        "no-second-factor-admin-A": (session_cookie(app, a["admin"], tweak(mfa=False)), UA),
    }
    nobody = {name: Identity(name, None, cookie_headers(cookie, ua), everything, True)
              for name, (cookie, ua) in nobody_cookies.items()}

    good_a = world.orgs["A"].api_tokens["admin"]
    api_bad = {
        "no-token": {"User-Agent": UA},
        "empty-bearer": {"User-Agent": UA, "Authorization": "Bearer "},
        "garbage": bearer("wpw_" + "x" * 43),
        "not-a-bearer": {"User-Agent": UA, "Authorization": f"Basic {good_a}"},
        "no-scheme": {"User-Agent": UA, "Authorization": good_a},
        "tampered": bearer(_flip(good_a)),
        "truncated": bearer(good_a[:-3]),
        "with-suffix": bearer(good_a + "x"),
        "stored-hash": bearer(_token_hash(good_a)),
        "replaced": bearer(world.tokens["replaced"]),
        "revoked": bearer(world.tokens["revoked"]),
        "deactivated-user": bearer(world.tokens["deactivated"]),
        "platform-admin": bearer(world.tokens["platform"]),
    }
    api_bad = {n: Identity(f"api:{n}", None, h, everything, True) for n, h in api_bad.items()}
    api_tokens = {}
    for key, w in world.orgs.items():
        for role, token in w.api_tokens.items():
            api_tokens[f"token-{role}-{key}"] = Identity(
                f"token-{role}-{key}", key, bearer(token), forbidden_for(world, key),
                blind=key != "A")
    # Valid staff sessions on the token API: a cookie must never stand in for a token.
    cookies_on_api = {f"cookie-{name}": Identity(f"cookie-{name}", None, m.headers,
                                                 everything, True)
                      for name, m in members.items()}
    cookies_on_api["cookie-platform"] = Identity("cookie-platform", None, platform.headers,
                                                 everything, True)
    return Identities(members, platform,
                      Identity("demoted-admin-A", "A", cookie_headers(demoted),
                               forbidden_for(world, "A"), False),
                      nobody, api_bad, api_tokens, cookies_on_api)


def _token_hash(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()


# --- probes and the oracle ----------------------------------------------------------------------

@dataclass(frozen=True)
class Expect:
    """statuses: the answers that count as a refusal; redirect: a redirect to this path;
    anything: any answer below 500 (the body is still checked)."""

    statuses: frozenset = frozenset()
    redirect: str | None = None
    anything: bool = False


REFUSED_404 = Expect(frozenset({404}))
REFUSED_403 = Expect(frozenset({403}))
REFUSED_401 = Expect(frozenset({401}))
TO_LOGIN = Expect(redirect=LOGIN_PATH)
TO_SECOND_FACTOR = Expect(redirect=SECOND_FACTOR_PATH)
ANY = Expect(anything=True)


@dataclass
class Probe:
    group: str
    who: Identity
    method: str
    url: str
    expect: Expect
    form: dict | None = None
    json: dict | None = None


API_PREFIX = "/api/v1/supervisor/"
STAFF_AUDIENCES = ("supervisor", "org_admin", "platform_admin")


def is_api(rule) -> bool:
    """The token API: everything under /api/v1/supervisor (Bearer tokens, no sessions)."""
    return rule.rule.startswith(API_PREFIX)


def route_table(app, audiences) -> list[tuple]:
    """(rule, method, audience) for every route of these audiences, GET and POST as declared."""
    table = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        view = app.view_functions[rule.endpoint]
        audience = getattr(view, "audience", None)
        if audience in audiences:
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                table.append((rule, method, audience))
    return table


def id_kinds(rule) -> dict[str, str]:
    """URL argument -> id kind; anything else that is not a link token fails loudly."""
    kinds = {}
    for name in sorted(rule.arguments):
        if name == "token":
            continue
        if name not in ID_KINDS:
            raise AssertionError(f"{rule.rule}: no id source for argument {name!r}; teach "
                                 f"audit_isolation.ID_KINDS about it")
        kinds[name] = ID_KINDS[name]
    return kinds


def build_url(rule, values: dict, query: dict | None = None) -> str:
    url = rule.build(values, append_unknown=False)[1]
    return url + ("?" + urlencode(query, doseq=True) if query else "")


def form_body(world: World, values: dict, org: str | None = None) -> dict:
    """A plausible form for any workspace POST, written so that the action would succeed if
    the access check were missing (erase confirms with the target's own reference, the
    move is a valid one, the internal workpost form is complete, ...)."""
    from web.services.agreements import CLAUSE_KEYS

    today = date.today().isoformat()
    body = {
        "workpost_id": str(world.orgs["A"].internal["published"]), "note": "probe",
        "move-status": "ended", "move-on_date": today, "move-stop_reason": "other",
        "move-note": "probe", "change-hours_per_week": "3", "change-on_date": today,
        "change-tasks": "probe", "change-note": "probe", "cadence-months": "3",
        "processed": "probe", "shared_with": "probe", "purpose": "probe", "given_on": today,
        "done_on": today, "satisfaction_workpost": "3", "notes": "probe",
        "agreements": "probe", "action": STATE_CHANGING_ACTION, "reference": "PROBE-REF",
        "postcode": "9000", "travel_modes": ["bike"], "interests": ["green"], "goal":
        "meaningful_activity", "supervisor_id": "0", "name": "probe", "capacity": "1",
        "activities": ["green"], "offers": ["calm_environment"], "schedule": ["mon_am"],
        "email": "probe@example.be", "role": "supervisor", "published": "0",
        "reason": "probe", "description": "probe",
        # An admin's own profile keeps its region (the visibility the oracle expects).
        "provinces": [ORG_SPECS[org or "A"]["province"]],
        "contact_email": "probe@example.be",
    }
    body.update({key: "probe" for key in CLAUSE_KEYS})
    if "participant_id" in values:
        body["confirm"] = world.reference.get(values["participant_id"], "probe")
    if "placement_id" in values:
        # Another workpost to move the placement to (the change form's choice).
        body["change-workpost_id"] = str(world.businesses["WA"].id)
    return body


def api_body(world: World, org: str | None) -> dict:
    # A workpost the token's organisation may see, so only the participant decides.
    key = org or "A"
    return {"workpost_id": world.orgs[key].internal["published"], "note": "probe"}


class Prober:
    """Sends probes with a cookie-less client (every identity carries its own headers), judges
    each answer, and compares snapshots of the database per group."""

    def __init__(self, app, world: World):
        self.app = app
        self.world = world
        self.client = app.test_client(use_cookies=False)
        self.count = 0
        self.per_group = Counter()
        self.per_identity = Counter()
        self.leaks: list[tuple] = []
        self.canary_hits: list[tuple] = []
        self.bodies_seen = 0
        self.controls = 0
        self.broken_controls: list[tuple] = []

    def send(self, probe: Probe) -> list[str]:
        """Send one request; what is wrong with its answer (status, body, canary)."""
        kwargs = {"method": probe.method, "headers": probe.who.headers}
        if probe.form is not None:
            kwargs["data"] = probe.form
        if probe.json is not None:
            kwargs["json"] = probe.json
        response = self.client.open(probe.url, **kwargs)
        return judge(probe, response) + self.check_body(probe.who, probe.url, response)

    def check_body(self, who: Identity, where: str, response) -> list[str]:
        # A page may repeat what the request itself carried (a link token in the path, in
        # a language switch or a form action): that is the requester's own input.
        text = _visible_text(response)
        for part in urlsplit(where).path.split("/"):
            if len(part) >= 16:
                text = text.replace(part, "")
        self.bodies_seen += 1
        problems = []
        if who.blind and CANARY.lower() in text.lower():
            self.canary_hits.append((who.name, where))
            problems.append("shows the canary")
        if who.forbidden is not None:
            found = who.forbidden.search(text)
            if found:
                problems.append(f"shows foreign data {found.group(0)!r}")
        return problems

    def run(self, group: str, probes, allowed_owners=frozenset(), controls=()) -> None:
        """Send every probe of a group; afterwards no row of an owner outside
        allowed_owners may have changed, and no audit event may concern one. Controls (the
        same requests by the owner, or with the owner's ids) must succeed: they show that a
        refusal came from the access check, not from a wrong id or an invalid form."""
        before = snapshot(self.app, self.world)
        for probe in probes:
            self.count += 1
            self.per_group[group] += 1
            self.per_identity[probe.who.name] += 1
            for problem in self.send(probe):
                self.leaks.append((group, probe.who.name, probe.method, probe.url, problem))
        for control in controls:
            self.controls += 1
            for problem in self.send(control):
                # The owner's own page showing someone else's data is a leak all the same.
                found = self.leaks if problem.startswith("shows") else self.broken_controls
                found.append((group, control.who.name, control.method, control.url, problem))
        after = snapshot(self.app, self.world)
        for change in compare(before, after, allowed_owners):
            self.leaks.append((group, "-", "-", "-", change))
        for event in new_audit_events(self.app, self.world, before, after, allowed_owners):
            self.leaks.append((group, "-", "-", "-", event))


def _visible_text(response) -> str:
    body = response.get_data()
    text = body.decode("utf-8", "replace")
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    return headers + "\n" + text


def judge(probe: Probe, response) -> list[str]:
    code = response.status_code
    problems = []
    if code >= 500:
        return [f"server error {code}"]
    expect = probe.expect
    if expect.anything:
        return problems
    if expect.redirect is not None:
        location = response.headers.get("Location", "")
        if code not in REDIRECTS or urlsplit(location).path != expect.redirect:
            problems.append(f"answered {code} {location!r}, expected a redirect to "
                            f"{expect.redirect}")
    elif code not in expect.statuses:
        problems.append(f"answered {code}, expected {sorted(expect.statuses)}")
    return problems


# --- snapshots of the database, by owner -------------------------------------------------------

@dataclass
class Snapshot:
    rows: dict[tuple, tuple]   # (table, primary key) -> (owner, values)
    audit_max: int


def _owner_of_org(world: World, org_id) -> str:
    if org_id is None:
        return "platform"
    return world.org_key.get(org_id, f"org:{org_id}")


def snapshot(app, world: World) -> Snapshot:
    from web.extensions import db

    rows: dict[tuple, tuple] = {}
    owners: dict[tuple, str] = {}
    audit_max = 0
    with app.app_context(), db.engine.connect() as conn:
        # The change feed's rows belong to their workpost's owner: read workposts first.
        for table in sorted(db.metadata.sorted_tables, key=lambda t: t.name == "workpost_changes"):
            if table.name == "audit_events":
                audit_max = conn.scalar(select(func.max(table.c.id))) or 0
                continue
            pk_columns = list(table.primary_key.columns)
            for row in conn.execute(select(table)):
                values = row._mapping
                pk = tuple(values[c.name] for c in pk_columns)
                owner = _row_owner(world, table.name, values, owners)
                owners[(table.name, pk)] = owner
                rows[(table.name, pk)] = (owner, tuple(sorted(
                    (k, repr(v)) for k, v in values.items())))
    return Snapshot(rows, audit_max)


def _row_owner(world: World, table: str, values, owners) -> str:
    if table == "organisations":
        return _owner_of_org(world, values["id"])
    if table == "workposts":
        if values["organisation_id"] is not None:
            return _owner_of_org(world, values["organisation_id"])
        return "business:" + next((b.key for b in world.businesses.values()
                                   if b.id == values["id"]), str(values["id"]))
    if table == "consents":
        return owners.get(("participants", (values["participant_id"],)), "?")
    if table == "workpost_changes":
        return owners.get(("workposts", (values["workpost_id"],)), "?")
    if table == "placement_events":
        return owners.get(("placements", (values["placement_id"],)), "?")
    if "organisation_id" in values.keys():
        return _owner_of_org(world, values["organisation_id"])
    return f"table:{table}"  # a table this audit does not know yet: nobody may change it


def compare(before: Snapshot, after: Snapshot, allowed_owners) -> list[str]:
    changes = []
    for key in sorted(before.rows.keys() | after.rows.keys(), key=repr):
        old, new = before.rows.get(key), after.rows.get(key)
        if old == new:
            continue
        owner = (old or new)[0]
        if owner in allowed_owners and (new is None or new[0] in allowed_owners):
            continue
        if old is None:
            what = "row added"
        elif new is None:
            what = "row deleted"
        else:
            diff = [k for (k, v), (_, w) in zip(old[1], new[1]) if v != w]
            what = f"changed {diff}"
        changes.append(f"{owner}'s {key[0]} {key[1]}: {what}")
    return changes


def new_audit_events(app, world: World, before: Snapshot, after: Snapshot,
                     allowed_owners) -> list[str]:
    from web.extensions import db
    from web.models import AuditEvent

    problems = []
    with app.app_context(), db.engine.connect() as conn:
        events = conn.execute(select(AuditEvent.__table__).where(
            AuditEvent.id > before.audit_max)).all()
    for event in events:
        e = event._mapping
        org_owner = _owner_of_org(world, e["organisation_id"]) \
            if e["organisation_id"] is not None else None
        table = AUDIT_TARGETS.get(e["target_type"])
        key = (table, (e["target_id"],))
        target = (before.rows.get(key) or after.rows.get(key) or (None,))[0]
        for owner in (org_owner, target):
            if owner is not None and owner not in allowed_owners and owner != "platform":
                problems.append(f"audit event {e['action']} on {e['target_type']} "
                                f"{e['target_id']} concerns {owner}")
                break
    return problems


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
    """A member of organisation X on the workspace: every route with every id of the other
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
        # A search for most of the reference: the page repeats the search term, so the term
        # is never a whole private string; a result row would show the whole reference.
        probes.append(Probe("members", who, "GET", "/werkruimte/deelnemers?" + urlencode(
            {"zoek": world.reference[pid][:-3]}), ANY))
    for post in hidden_posts:
        probes.append(Probe("members", who, "POST",
                            f"/werkruimte/deelnemers/{own_person}/shortlist",
                            REFUSED_404, {"workpost_id": str(post), "note": "probe"}))
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
    admin on the workspace."""
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
    from web import tokens

    with app.app_context():
        if purpose in ("workpost-manage", "workpost-confirm"):
            b = world.businesses[target]
            other = world.businesses["WOTHER"]
            kind = "manage" if purpose == "workpost-manage" else "confirm"
            valid = world.link_tokens[f"{kind}-{target}"]
            wrong_purpose = world.link_tokens[
                f"{'confirm' if kind == 'manage' else 'manage'}-{target}"]
            max_days = 365 if kind == "manage" else 7
            payload = {"id": b.id, "n": b.nonce}
            return {
                "tampered": _flip(valid), "truncated": valid[:-4],
                "expired": _token_days_ago(app, purpose, payload, max_days + 2),
                "wrong-purpose": wrong_purpose,
                "invitation-salt": tokens.make("invitation", payload),
                "stale-nonce": tokens.make(purpose, {"id": b.id, "n": "oud-" + b.nonce}),
                "spliced": tokens.make(purpose, {"id": b.id, "n": other.nonce}),
                "string-id": tokens.make(purpose, {"id": str(b.id), "n": b.nonce}),
                "garbage": "eyJpZCI6MX0.x.y",
            }
        valid = world.link_tokens[target]
        from itsdangerous import URLSafeTimedSerializer as S

        payload = S(app.config["SECRET_KEY"], salt=f"wpw-{purpose}").loads(valid)
        other_user = world.orgs["B"].staff["sup"]
        other_purpose = "invitation" if purpose == "password-reset" else "password-reset"
        seconds = 7 * 86400 if purpose == "invitation" else 3600
        return {
            "tampered": _flip(valid), "truncated": valid[:-4],
            "expired": _token_days_ago(app, purpose, payload, seconds / 86400 + 1),
            "wrong-purpose": tokens.make(other_purpose, payload),
            "used": tokens.make(purpose, {"u": payload["u"], "f": "0" * 16}),
            "spliced": tokens.make(purpose, {"u": other_user.id, "f": payload["f"]}),
            "string-id": tokens.make(purpose, {"u": str(payload["u"]), "f": payload["f"]}),
            "garbage": "eyJ1IjoxfQ.x.y",
        }


def _token_days_ago(app, purpose: str, payload, days: float) -> str:
    class Earlier(TimestampSigner):
        def get_timestamp(self):
            return int(time.time() - days * 86400)

    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=f"wpw-{purpose}",
                                  signer=Earlier).dumps(payload)


LINK_PURPOSES = {"signup.confirm": "workpost-confirm", "account.accept": "invitation",
                 "account.reset_password": "password-reset"}
MANAGE_BODY = {"reason": "probe", "confirm": "y", "open_places": "0", "name": "probe",
               "password": "een heel lang nieuw wachtwoord", "repeat":
               "een heel lang nieuw wachtwoord", "contact_email": "probe@example.be"}


def link_purpose(endpoint: str) -> str:
    if endpoint in LINK_PURPOSES:
        return LINK_PURPOSES[endpoint]
    if endpoint.startswith("signup."):
        return "workpost-manage"
    raise AssertionError(f"{endpoint}: a manage-link route this audit does not know; add its "
                         f"purpose to audit_isolation.LINK_PURPOSES")


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
        if purpose.startswith("workpost-"):
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
        if purpose.startswith("workpost-"):
            kind = "manage" if purpose == "workpost-manage" else "confirm"
            token = world.link_tokens[f"{kind}-WOTHER"]
            other.append(Probe("links", other_who, method, build_url(rule, {"token": token}),
                               ANY, MANAGE_BODY if method == "POST" else None))
    # Withdrawing last: the other probes see the business while it is still there.
    other.sort(key=lambda p: "intrekken" in p.url and p.method == "POST")
    return [(bad, frozenset()), (other, frozenset({"business:WOTHER"}))]


def platform_probes(app, world: World, ids: Identities) -> list[Probe]:
    """The platform admin's own pages, on workposts that are not waiting for review
    (internal ateliers of the organisations, published offers): nothing may change."""
    def keep(kind):
        return lambda ident, owner: owner != "business:WPEND"

    return staff_route_probes(app, world, ids.platform, "platform", ("platform_admin",),
                              lambda *_: ANY, keep)


# --- canary scans ------------------------------------------------------------------------------

class LogCapture(logging.Handler):
    """Every record of the whole run, formatted with its traceback (once, even when it
    reaches the handler through both the app's logger and the root logger)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[str] = []
        self._seen: set[int] = set()
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record):
        if id(record) in self._seen:
            return
        self._seen.add(id(record))
        try:
            self.records.append(self.format(record))
        except Exception:  # noqa: BLE001  (a broken record must not hide the others)
            self.records.append(f"{record.name} unformattable {record.msg!r} {record.args!r}")


def attach_log_capture(app) -> tuple[LogCapture, callable]:
    capture = LogCapture()
    loggers = [logging.getLogger(), app.logger]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(capture)
        lg.setLevel(logging.DEBUG)

    def detach():
        for lg, level in zip(loggers, levels):
            lg.removeHandler(capture)
            lg.setLevel(level)

    return capture, detach


def mails_with(outbox_dir, needles) -> tuple[int, list[str]]:
    """How many mails the outbox holds, and which of them show one of the needles
    (raw bytes and every decoded part)."""
    from pathlib import Path

    from web.mail import outbox_messages

    outbox_dir = Path(outbox_dir)
    if not outbox_dir.exists():
        return 0, []
    pattern = _pattern(needles)
    hits = []
    messages = outbox_messages(outbox_dir)
    raw = sorted(outbox_dir.glob("*.eml"))
    for path in raw:
        if pattern.search(path.read_bytes().decode("utf-8", "replace")):
            hits.append(f"{path.name} (raw)")
    for message in messages:
        parts = [str(message["Subject"]), str(message["To"])]
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
        found = pattern.search("\n".join(parts))
        if found:
            hits.append(f"{message['Subject']} to {message['To']}: {found.group(0)!r}")
    return len(messages), hits


def database_text(app) -> list[tuple[str, str, object, str]]:
    """(table, column, primary key, text) for every non-empty column of every table, as the
    database hands it back (text, JSON and everything else turned into text)."""
    from web.extensions import db

    found = []
    with app.app_context(), db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            for row in conn.execute(select(table)):
                values = row._mapping
                key = tuple(values[c.name] for c in pk)
                for column in table.columns:
                    value = values[column.name]
                    if value is not None:
                        found.append((table.name, column.name, key, _as_text(value)))
    return found


def _as_text(value) -> str:
    import json

    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def text_columns() -> list[str]:
    """table.column of every text and JSON column (what the erasure must have emptied)."""
    from sqlalchemy import JSON, String, Text

    from web.extensions import db

    names = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            kind = column.type
            impl = getattr(kind, "impl", kind)
            if isinstance(kind, (String, Text, JSON)) or isinstance(impl, (String, Text, JSON)):
                names.append(f"{table.name}.{column.name}")
    return names


def raw_storage_hits(app, needle: str) -> list[str]:
    """SQLite only: files of the database (main, WAL, journal) that still hold the bytes."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if not url.drivername.startswith("sqlite") or not url.database:
        return []
    hits = []
    for suffix in ("", "-wal", "-journal"):
        path = Path(url.database + suffix)
        if path.exists() and needle.encode() in path.read_bytes():
            hits.append(path.name)
    return hits


# --- public pages, for the canary --------------------------------------------------------------

PUBLIC_SAMPLES = {"code": ["nl", "en"], "postcode": ["9000", "3500"],
                  "provincie": ["oost-vlaanderen", "limburg", "west-vlaanderen"],
                  "gemeente": ["gent", "hasselt"], "doelgroep": ["bedrijven", "begeleiders"]}


def public_sweep(app, world: World, who: Identity) -> tuple[list[Probe], list[str]]:
    """GET every public page this audit can fill the arguments of (workposts, organisations,
    sample codes); returns the probes and the routes it could not fill."""
    probes, skipped = [], []
    for rule, method, _audience in route_table(app, ("public",)):
        if method != "GET":
            continue
        options = {}
        for name in sorted(rule.arguments):
            if name == "workpost_id":
                options[name] = [i for i, _o in world.ids["workpost"]]
            elif name == "slug" and "workpost_id" in rule.arguments:
                options[name] = ["x"]
            elif name == "slug":
                options[name] = [w.slug for w in world.orgs.values()]
            elif name in PUBLIC_SAMPLES:
                options[name] = PUBLIC_SAMPLES[name]
            else:
                skipped.append(rule.rule)
                break
        else:
            names = sorted(options)
            for combo in product(*(options[n] for n in names)):
                probes.append(Probe("public", who, "GET",
                                    build_url(rule, dict(zip(names, combo))), ANY))
    return probes, sorted(set(skipped))


# --- records that point across organisations ---------------------------------------------------

def cross_organisation_references(app, world: World) -> list[str]:
    """Rows of one organisation that point at another's (after all the probes): a
    participant's supervisor, a placement's participant, an evaluation's placement, who
    recorded a consent or a step, a placement at a workpost its organisation may not see,
    and audit events filed under one organisation for an actor of another."""
    from web.extensions import db
    from web.models import (AuditEvent, Consent, Evaluation, Participant, Placement,
                            PlacementEvent, User)

    problems = []
    with app.app_context():
        s = db.session
        org_of_user = dict(s.execute(select(User.id, User.organisation_id)).all())
        people = {p.id: p for p in s.scalars(select(Participant))}
        for person in people.values():
            if person.supervisor_id and org_of_user.get(person.supervisor_id) != \
                    person.organisation_id:
                problems.append(f"participant {person.id}: supervisor of another organisation")
        for consent in s.scalars(select(Consent)):
            org = people[consent.participant_id].organisation_id
            for user in (consent.recorded_by_id, consent.withdrawn_by_id):
                if user and org_of_user.get(user) != org:
                    problems.append(f"consent {consent.id}: recorded by another organisation")
        placements = {p.id: p for p in s.scalars(select(Placement))}
        for placement in placements.values():
            org = placement.organisation_id
            key = world.org_key.get(org)
            if people[placement.participant_id].organisation_id != org:
                problems.append(f"placement {placement.id}: participant of another organisation")
            if placement.created_by_id and org_of_user.get(placement.created_by_id) != org:
                problems.append(f"placement {placement.id}: made by another organisation")
            pair = (placement.id, placement.workpost_id)
            if key and pair not in world.placement_posts[key] \
                    and placement.workpost_id not in world.visible[key]:
                problems.append(f"placement {placement.id}: at workpost "
                                f"{placement.workpost_id}, which {key} may not see")
        for event in s.scalars(select(PlacementEvent)):
            org = placements[event.placement_id].organisation_id
            if event.user_id and org_of_user.get(event.user_id) != org:
                problems.append(f"placement event {event.id}: by another organisation")
        for evaluation in s.scalars(select(Evaluation)):
            placement = placements[evaluation.placement_id]
            if evaluation.organisation_id != placement.organisation_id:
                problems.append(f"evaluation {evaluation.id}: of another organisation")
            if evaluation.done_by_id and \
                    org_of_user.get(evaluation.done_by_id) != evaluation.organisation_id:
                problems.append(f"evaluation {evaluation.id}: done by another organisation")
        for event in s.scalars(select(AuditEvent).where(
                AuditEvent.organisation_id.is_not(None),
                AuditEvent.actor_user_id.is_not(None))):
            actor_org = org_of_user.get(event.actor_user_id)
            if actor_org is not None and actor_org != event.organisation_id:
                problems.append(f"audit event {event.id} ({event.action}) of organisation "
                                f"{event.organisation_id} by a user of {actor_org}")
        s.remove()
    return problems


# --- a database that fails once --------------------------------------------------------------

class database_fails_once:  # noqa: N801  (used as a context manager)
    """The next statement starting with `prefix` goes to a table that does not exist, so the
    database itself refuses it (with the values bound), as a lock time-out or a broken
    connection would; the app's error handler then logs what it logs."""

    def __init__(self, app, prefix: str):
        from web.extensions import db

        with app.app_context():
            self.engine = db.engine
        self.prefix = prefix
        self.fired = False

    def _rewrite(self, conn, cursor, statement, parameters, context, executemany):
        if not self.fired and statement.startswith(self.prefix):
            self.fired = True
            table = self.prefix.split()[1]
            statement = statement.replace(f" {table} ", f" {table}_weg ", 1)
        return statement, parameters

    def __enter__(self):
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._rewrite, retval=True)
        return self

    def __exit__(self, *exc):
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._rewrite)
        return False


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
