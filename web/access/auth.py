"""Flask-Login wiring and password hashing (argon2)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from flask import Flask

from web.extensions import login_manager

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


def init_app(app: Flask) -> None:
    # The user loader belongs to the account area (web.account.sessions.load_user).
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "account.login"
