"""Who knocks in the isolation audit: staff of each organisation, the platform admin, a demoted
admin, expired, rotated, deactivated, half-logged-in and stolen sessions, nobody, and every
kind of API token."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass

from harness import log_in

from isolation_world import TAG, StaffRef, World

# --- identities --------------------------------------------------------------------------------

UA = "Werkzeug/test"


@dataclass
class Identity:
    name: str
    org: str | None            # the organisation whose data it may see (None: none)
    headers: dict
    forbidden: "Forbidden | None"
    blind: bool                # must never see the canary (anyone but organisation A)


def pattern_of(strings, *, case_sensitive: bool = False) -> re.Pattern | None:
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
        self.words = pattern_of(words)
        self.tokens = pattern_of(tokens, case_sensitive=True)
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
                  allow_business: str | None = None, hidden: bool = True,
                  allow_words=()) -> Forbidden:
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
    # allow_words: what this identity may see of others, e.g. the codes of the people at a
    # business, on that business's own page.
    return Forbidden(words - tokens - set(allow_words), tokens)


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


def flip(token: str, position: int = -6) -> str:
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
        "tampered": bearer(flip(good_a)),
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
