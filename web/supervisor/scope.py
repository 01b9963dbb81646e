"""Loaders that keep every workspace page inside the user's own organisation.

A record of another organisation answers 404, exactly like a record that does not exist,
so that guessing ids reveals nothing.
"""
from flask import abort
from flask_login import current_user

from web.services import evaluations, participants, placements


def me():
    return current_user._get_current_object()


def organisation_id() -> int:
    return current_user.organisation_id


def participant_or_404(participant_id: int):
    return participants.get(organisation_id(), participant_id) or abort(404)


def placement_or_404(placement_id: int):
    return placements.get(organisation_id(), placement_id) or abort(404)


def evaluation_or_404(evaluation_id: int):
    return evaluations.get(organisation_id(), evaluation_id) or abort(404)

