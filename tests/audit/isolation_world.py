"""The isolation audit's world: three supervising organisations (A Gent, B Hasselt, C Brugge),
each with staff, API tokens, participants with and without consent (one frozen, one placed, one
ended), placements in several statuses (also at another organisation's internal workpost),
evaluations done and open, an agreement, internal workposts (published and paused); businesses
with manage links; a platform admin. Participant A/P2 is the canary.

Every private string of the world carries TAG, so a page that shows one is easy to spot; the
canary CANARY is organisation A's and is also in A's list of private strings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import select

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
            "organisation_id": "organisation", "application_id": "application"}
# Which table an audit event's target_type points at.
AUDIT_TARGETS = {"participant": "participants", "placement": "placements",
                 "evaluation": "evaluations", "user": "users", "workpost": "workposts",
                 "organisation": "organisations", "application": "organisation_applications"}


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
    from web import matching
    from web.infra import signed_links
    from web.extensions import db
    from web.models import (ContactRequest, Evaluation, Organisation, OrganisationApplication,
                            Placement, Workpost)
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
            "invite-A": signed_links.make("invitation", {
                "u": a_users["invited"].id, "f": staff.link_fingerprint(a_users["invited"])}),
            "reset-A": signed_links.make("password-reset", {
                "u": a_users["sup"].id, "f": staff.link_fingerprint(a_users["sup"])}),
            "reset-B": signed_links.make("password-reset", {
                "u": b_admin.id, "f": staff.link_fingerprint(b_admin)}),
        }
        for b in businesses.values():
            post = s.get(Workpost, b.id)
            link_tokens[f"manage-{b.key}"] = links.token(links.MANAGE, post)
            link_tokens[f"confirm-{b.key}"] = links.token(links.CONFIRM, post)
            # A contact request waiting for the business's answer (P1's, in each
            # organisation's business); the other businesses' answer links name no request.
            request_id = 0
            if b.key[1:] in orgs:
                request = ContactRequest(
                    placement_id=orgs[b.key[1:]].placements["P1-biz"],
                    organisation_id=orgs[b.key[1:]].id, workpost_id=b.id,
                    sent_at=datetime.now(UTC), tasks=private(b.key[1:], "vraag-taken"),
                    proposed_times=["2030-01-08T10:00"], shared={"needs": []})
                orgs[b.key[1:]].people.add(private(b.key[1:], "vraag-taken"))
                s.add(request)
                s.flush()
                request_id = request.id
            link_tokens[f"contact-{b.key}"] = signed_links.make(
                links.CONTACT, {"id": b.id, "n": post.manage_nonce, "r": request_id})
        # An organisation that asks to join: only the platform admin may open or decide it.
        application = OrganisationApplication(
            name="Zorgnetwerk Aanvraag", recognition_number=f"AMA-{TAG}-1", org_type="caw",
            postcode="9000", regions=[["province", "oost_vlaanderen"]],
            contact_name=f"Aanvrager {TAG}", contact_email="aanvraag@example.be",
            created_at=datetime.now(UTC))
        s.add(application)
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
        ids["application"].append((application.id, "platform"))
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
