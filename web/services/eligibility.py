"""May this participant be matched? The consent rule, on its own so that both the
participants and the placements services can ask it without importing each other."""
from web.models import Participant


def may_match(participant: Participant) -> bool:
    return matching_refusal(participant) is None


def matching_refusal(participant: Participant) -> str | None:
    """The refusal code (see web/refusals.py), or None when matching is allowed."""
    if participant.status == "frozen":
        return "frozen"
    if participant.current_consent is None:
        return "no_consent"
    return None
