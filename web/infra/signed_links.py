"""Signed, expiring links (confirm an offer, manage an offer, invitations, password reset).

Each purpose has its own salt, so a token made for one purpose never works for another.
"""
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from flask import current_app


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"wpw-{purpose}")


def make(purpose: str, payload: dict) -> str:
    return _serializer(purpose).dumps(payload)


def read(purpose: str, token: str, max_age_seconds: int) -> dict:
    try:
        return _serializer(purpose).loads(token, max_age=max_age_seconds)
    except SignatureExpired as error:
        raise LinkExpired() from error
    except BadSignature as error:
        raise LinkInvalid() from error
