"""Loaders that keep every page of the supervisors' area inside the user's own organisation.

A record of another organisation answers 404, exactly like a record that does not exist,
so that guessing ids reveals nothing. A participant, and the participant of a placement or
an evaluation, is read through `participants.read`, which writes the access-log row; the
page's name (the endpoint) is the row's purpose.
"""
from flask import abort, request
from flask_login import current_user

from web.services import evaluations, participants, placements


def me():
    return current_user._get_current_object()


def organisation_id() -> int:
    return current_user.organisation_id


def purpose() -> str:
    """The page asking, e.g. "participant_edit" or "placements_csv"."""
    return (request.endpoint or "").rpartition(".")[2]


def participant_or_404(participant_id: int):
    return participants.read(participant_id, by=me(), purpose=purpose()) or abort(404)


def read_people(ids) -> list:
    """The people a list page shows through their placements or evaluations (one row)."""
    return participants.read_list(by=me(), purpose=purpose(), ids=ids)


def placement_or_404(placement_id: int):
    placement = placements.get(organisation_id(), placement_id) or abort(404)
    participant_or_404(placement.participant_id)
    return placement


def evaluation_or_404(evaluation_id: int):
    item = evaluations.get(organisation_id(), evaluation_id) or abort(404)
    participant_or_404(item.placement.participant_id)
    return item
