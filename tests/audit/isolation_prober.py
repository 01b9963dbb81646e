"""The isolation audit's probe and prober: the route table, the URL and bodies for a route, and
the prober that sends each probe and snapshots the organisations around it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode, urlsplit

from isolation_identities import Identity
from isolation_oracle import (
    Expect,
    compare,
    judge,
    new_audit_events,
    snapshot,
    visible_text,
)
from isolation_world import (
    CANARY,
    ID_KINDS,
    ORG_SPECS,
    STATE_CHANGING_ACTION,
    World,
)


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
                                 f"isolation_world.ID_KINDS about it")
        kinds[name] = ID_KINDS[name]
    return kinds


def build_url(rule, values: dict, query: dict | None = None) -> str:
    url = rule.build(values, append_unknown=False)[1]
    return url + ("?" + urlencode(query, doseq=True) if query else "")


def form_body(world: World, values: dict, org: str | None = None) -> dict:
    """A plausible form for any supervisor POST, written so that the action would succeed if
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
        text = visible_text(response)
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
