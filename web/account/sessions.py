"""Staff session life: started after the password, completed by the second factor, ended by
an idle or absolute time-out, by logging out, or by "log out everywhere"."""
from datetime import timedelta

from flask import current_app, flash, session
from flask_babel import gettext as _
from flask_login import login_user, logout_user
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from web import clock
from web.extensions import db
from web.models import User
from web.models.ended_session import EndedSession, new_session_id

IDLE_SECONDS = 30 * 60
ABSOLUTE_SECONDS = 10 * 60 * 60


def start(user) -> None:
    """The password was right: a session that still lacks the second factor."""
    _fresh_session()
    login_user(user)
    now = int(clock.seconds())
    session["sid"] = new_session_id()
    session["mfa"] = False
    session["login_at"] = now
    session["seen_at"] = now


def complete() -> None:
    session["mfa"] = True
    session["seen_at"] = int(clock.seconds())


def end(*, revoke: bool = True) -> None:
    """Log out. With revoke, copies of this session's cookie are refused from now on (the
    caller commits); a timed-out session needs no record, its own timestamps refuse it."""
    sid = session.get("sid")
    if revoke and "_user_id" in session and isinstance(sid, str):
        _record_ended(sid)
    logout_user()
    _fresh_session()


def _record_ended(sid: str) -> None:
    now = clock.now()
    _, absolute = _limits()
    # No cookie older than the absolute time-out passes any more: its record can go.
    db.session.execute(delete(EndedSession).where(
        EndedSession.ended_at < now - timedelta(seconds=absolute)))
    try:
        # A copy of the cookie logging out too (or at the same time) finds the record there.
        with db.session.begin_nested():
            db.session.add(EndedSession(sid=sid, ended_at=now))
    except IntegrityError:
        pass


def load_user(user_id: str):
    """Flask-Login's user loader: who is logged in, if anyone."""
    ident, _sep, token = user_id.partition(":")
    if not ident.isdigit():
        return None
    user = db.session.get(User, int(ident))
    # A rotated session token ("log out everywhere") voids every older session.
    if user is None or not user.active or user.session_token != token:
        return None
    # A copy of a cookie whose session was logged out.
    if is_ended(session.get("sid")):
        return None
    return user


def is_ended(sid) -> bool:
    """True for a session that was logged out, and for one without an id (every session
    gets one at login, so a cookie without it was not made here)."""
    return not isinstance(sid, str) or db.session.get(EndedSession, sid) is not None


def _fresh_session() -> None:
    """Forget everything of the previous session but the chosen language."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def _limits() -> tuple[int, int]:
    config = current_app.config
    return (config.get("SESSION_IDLE_SECONDS", IDLE_SECONDS),
            config.get("SESSION_ABSOLUTE_SECONDS", ABSOLUTE_SECONDS))


def enforce_time_outs() -> None:
    """before_request: end a staff session that was idle too long or lasted too long."""
    if "_user_id" not in session:
        return
    now = int(clock.seconds())
    idle, absolute = _limits()
    login_at = session.get("login_at")
    seen_at = session.get("seen_at")
    if not isinstance(login_at, int) or not isinstance(seen_at, int):
        end(revoke=False)
        return
    if now - login_at > absolute or now - seen_at > idle:
        end(revoke=False)
        flash(_("Je was te lang niet actief of te lang aangemeld. Meld je opnieuw aan."),
              "error")
        return
    # Rewrite the cookie at most once a minute, so parallel requests do not fight over it.
    if now - seen_at >= 60:
        session["seen_at"] = now
