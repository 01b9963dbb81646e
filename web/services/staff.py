"""Staff accounts: password and second-factor checks with throttling, invitations, password
changes, deactivation and API tokens. Flushes only; the route commits."""
from datetime import datetime, timedelta
import hashlib
import secrets

import pyotp
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from web import clock
from web.access.auth import hash_password, verify_password
from web.extensions import db
from web.models import User
from web.models.user import new_session_token
from web.services import audit, throttle
from web.services.errors import ServiceError

MIN_PASSWORD_LENGTH = 12
TOTP_ISSUER = "Werkpostwijzer"
# A dummy hash, so that an unknown address costs as much time as a wrong password.
_DUMMY_HASH = hash_password("not-a-real-password-" + secrets.token_hex(8))


class StaffError(ServiceError):
    """A refusal the interface explains; `code` picks the message, `field` where it shows."""


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def check_password(email: str, password: str, now: datetime, address: str | None = None) -> User:
    """The user whose password this is, or StaffError("bad_login").

    Unknown address, wrong password and a throttled guess (web.services.throttle) get the
    same answer after the same work: one password hash check and one counted row."""
    user = find_by_email(email)
    row = throttle.key("password", email, address)
    heard = throttle.hear(row, now.timestamp())
    known = user is not None and user.active and bool(user.password_hash)
    right = verify_password(user.password_hash if known else _DUMMY_HASH, password)
    if not (heard and known and right):
        if heard and known:
            audit.record("account.login_failed", "user", user.id,
                         organisation_id=user.organisation_id)
        raise StaffError("bad_login")
    throttle.succeeded(row, now.timestamp())
    return user


# --- second factor -------------------------------------------------------------------------

def needs_enrolment(user: User) -> bool:
    return user.totp_enrolled_at is None or not user.totp_secret


def pending_secret(user: User) -> str:
    """The secret being enrolled; made once, so a reload shows the same QR code."""
    if user.totp_enrolled_at is None and not user.totp_secret:
        user.totp_secret = pyotp.random_base32()
    return user.totp_secret


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def _matching_step(secret: str, code: str, now_seconds: float) -> int | None:
    totp = pyotp.TOTP(secret)
    code = "".join(code.split())
    if not code.isdigit() or len(code) != 6:
        return None
    # One step either side absorbs small clock differences between phone and server.
    for offset in (0, -1, 1):
        moment = now_seconds + offset * totp.interval
        if secrets.compare_digest(totp.at(int(moment)), code):
            return int(moment) // totp.interval
    return None


def check_code(user: User, code: str, now: datetime, address: str | None = None) -> None:
    """Accept a TOTP code once; refuse a wrong code, a throttled guess and a reused code.

    "Once" holds under parallel requests: the step is taken with a conditional UPDATE, so of
    several requests with the same code exactly one changes the row."""
    row = throttle.key("code", str(user.id), address)
    if not throttle.hear(row, now.timestamp()):
        raise StaffError("bad_code", "code")
    step = _matching_step(user.totp_secret or "", code, now.timestamp())
    if step is None:
        audit.record("account.code_failed", "user", user.id,
                     organisation_id=user.organisation_id)
        raise StaffError("bad_code", "code")
    taken = db.session.execute(
        update(User).where(User.id == user.id,
                           or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step).execution_options(synchronize_session=False))
    if taken.rowcount != 1:
        raise StaffError("code_used", "code")
    set_committed_value(user, "totp_last_step", step)  # what the row now holds
    throttle.succeeded(row, now.timestamp())
    if user.totp_enrolled_at is None:
        user.totp_enrolled_at = now
        audit.record("account.totp_enrolled", "user", user.id, actor=user)
    user.last_login_at = now
    audit.record("account.logged_in", "user", user.id, actor=user)


# --- passwords, invitations, sessions --------------------------------------------------------

def password_problem(password: str, repeat: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too_short"
    if password != repeat:
        return "no_match"
    return None


def _end_access(user: User) -> None:
    """Every session and the API token end: after a new password, a new second factor, log
    out everywhere, a new role or deactivation, nothing made before may still get in (a
    token skips the second factor, so it must never outlive it)."""
    user.session_token = new_session_token()
    if user.api_token_hash is not None:
        _forget_token(user)
        audit.record("account.api_token_revoked", "user", user.id,
                     organisation_id=user.organisation_id)


def set_password(user: User, password: str, *, action: str) -> None:
    user.password_hash = hash_password(password)
    # Every older session ends: whoever knew the old password is logged out.
    _end_access(user)
    audit.record(action, "user", user.id, actor=user)


def link_fingerprint(user: User) -> str:
    """Changes when the password changes, so a reset or invitation link works only once."""
    return hashlib.sha256((user.password_hash or "none").encode()).hexdigest()[:16]


def invite(organisation_id: int, email: str, name: str, role: str, by: User) -> User:
    email = email.strip().lower()
    if find_by_email(email) is not None:
        raise StaffError("email_taken", "email")
    if role not in ("supervisor", "org_admin"):
        raise StaffError("bad_role", "role")
    user = User(email=email, name=name.strip(), role=role, organisation_id=organisation_id,
                password_hash=None)
    db.session.add(user)
    db.session.flush()
    audit.record("staff.invited", "user", user.id, actor=by, detail={"role": role})
    return user


def set_active(user: User, active: bool, by: User) -> None:
    if user.id == by.id:
        raise StaffError("not_yourself")
    user.active = active
    _end_access(user)
    audit.record("staff.activated" if active else "staff.deactivated", "user", user.id, actor=by)


def set_role(user: User, role: str, by: User) -> None:
    if user.id == by.id:
        raise StaffError("not_yourself")
    if role not in ("supervisor", "org_admin"):
        raise StaffError("bad_role", "role")
    user.role = role
    _end_access(user)
    audit.record("staff.role_changed", "user", user.id, actor=by, detail={"role": role})


def log_out_everywhere(user: User) -> None:
    _end_access(user)
    audit.record("account.logged_out_everywhere", "user", user.id, actor=user)


def reset_second_factor(user: User, by: User) -> None:
    """An admin lets a colleague who lost their phone enrol again at the next login."""
    user.totp_secret = None
    user.totp_enrolled_at = None
    user.totp_last_step = None
    _end_access(user)
    audit.record("staff.totp_reset", "user", user.id, actor=by)


# --- API tokens ------------------------------------------------------------------------------

TOKEN_DAYS = 90  # the default of the API_TOKEN_DAYS setting
# Last use is written at most once a minute per token: a program polling the API must not
# turn every read into a write on the users row.
USE_RESOLUTION = timedelta(minutes=1)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _forget_token(user: User) -> None:
    user.api_token_hash = None
    user.api_token_created_at = user.api_token_expires_at = user.api_token_used_at = None
    user.api_token_read_only = False


def new_api_token(user: User, *, now: datetime | None = None, days: int = TOKEN_DAYS,
                  read_only: bool = False) -> str:
    """A new token (shown once); only its hash is kept, and the previous one stops working.
    It works `days` days; a read-only token may only read."""
    now = now or clock.now()
    token = "wpw_" + secrets.token_urlsafe(32)
    _forget_token(user)
    user.api_token_hash = _token_hash(token)
    user.api_token_created_at = now
    user.api_token_expires_at = now + timedelta(days=days)
    user.api_token_read_only = read_only
    audit.record("account.api_token_created", "user", user.id, actor=user,
                 detail={"days": days, "read_only": read_only})
    return token


def revoke_api_token(user: User) -> None:
    _forget_token(user)
    audit.record("account.api_token_revoked", "user", user.id, actor=user)


def user_for_token(token: str, now: datetime | None = None) -> User | None:
    """The active staff member whose unexpired token this is; notes its use."""
    if not token:
        return None
    now = now or clock.now()
    user = db.session.scalar(select(User).where(User.api_token_hash == _token_hash(token)))
    if user is None or not user.active or user.organisation_id is None:
        return None
    if user.api_token_expires_at is None or user.api_token_expires_at <= now:
        return None
    last = user.api_token_used_at
    if last is None or now - last >= USE_RESOLUTION:
        # Conditional, so that parallel requests of the same minute write it once.
        db.session.execute(
            update(User).where(User.id == user.id,
                               or_(User.api_token_used_at.is_(None),
                                   User.api_token_used_at <= now - USE_RESOLUTION))
            .values(api_token_used_at=now).execution_options(synchronize_session=False))
        set_committed_value(user, "api_token_used_at", now)
    return user
