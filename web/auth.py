"""Who is logged in: Flask-Login wiring and password hashing (argon2)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from flask import Flask, session

from web.extensions import db, login_manager

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def load_user(user_id: str):
    from web.account.sessions import is_ended
    from web.models import User

    ident, _, token = user_id.partition(":")
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


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.session_protection = "strong"
    login_manager.login_view = "account.login"
