"""Signed links for a workpost: confirm the sign-up, and manage the offer.

Every token carries the workpost's manage_nonce: rotating the nonce voids all earlier links.
"""
from flask import current_app, url_for

from web.infra import signed_links
from web.extensions import db
from web.models import Workpost
from web.services import contact_requests

CONFIRM = "workpost-confirm"
MANAGE = "workpost-manage"
# A contact request's answer page: the workpost's nonce plus the request ("r").
CONTACT = "contact-request"
DAY = 24 * 3600


class LinkProblem(Exception):
    """kind: "expired", "invalid" (tampered or voided), "gone" (offer no longer exists) or
    "request_gone" (the contact request no longer exists)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def _max_age(purpose: str) -> int:
    days = {CONFIRM: current_app.config.get("SIGNUP_CONFIRM_DAYS", 7),
            CONTACT: current_app.config.get("CONTACT_REQUEST_DAYS", 60)}.get(
        purpose, current_app.config.get("SIGNUP_MANAGE_DAYS", 365))
    return int(days * DAY)


def token(purpose: str, workpost: Workpost) -> str:
    return signed_links.make(purpose, {"id": workpost.id, "n": workpost.manage_nonce})


def _absolute(endpoint: str, **values) -> str:
    return current_app.config["PUBLIC_URL"].rstrip("/") + url_for(endpoint, **values)


def confirm_url(workpost: Workpost) -> str:
    return _absolute("signup.confirm", token=token(CONFIRM, workpost))


def manage_url(workpost: Workpost) -> str:
    return _absolute("signup.manage", token=token(MANAGE, workpost))


def contact_url(request) -> str:
    workpost = request.placement.workpost
    token = signed_links.make(CONTACT, {"id": workpost.id, "n": workpost.manage_nonce,
                                        "r": request.id})
    return _absolute("signup.contact_request", token=token)


def load_request(raw: str):
    """(workpost, contact request) of an answer link, or LinkProblem."""
    workpost, payload = _load(CONTACT, raw)
    if not isinstance(payload.get("r"), int):
        raise LinkProblem("invalid")
    from_request = contact_requests.of_workpost(workpost.id, payload["r"])
    if from_request is None:  # the participant's data was erased since
        raise LinkProblem("request_gone")
    return workpost, from_request


def load(purpose: str, raw: str) -> Workpost:
    """The workpost a link is for, or LinkProblem."""
    return _load(purpose, raw)[0]


def _load(purpose: str, raw: str):
    try:
        payload = signed_links.read(purpose, raw, _max_age(purpose))
    except signed_links.LinkExpired as error:
        raise LinkProblem("expired") from error
    except signed_links.LinkInvalid as error:
        raise LinkProblem("invalid") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), int):
        raise LinkProblem("invalid")
    workpost = db.session.get(Workpost, payload["id"])
    if workpost is None:
        raise LinkProblem("gone")
    if workpost.manage_nonce != payload.get("n"):
        raise LinkProblem("invalid")
    return workpost, payload
