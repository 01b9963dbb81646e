"""Werkpostwijzer's matching engine: suitable workposts for a participant, ranked, with
the reasons and concerns behind each score. Framework-free (numpy, scikit-learn, scipy,
geo); speaks the vocabulary and JSON of shared/MATCHING_CONTRACT.md.

    index = WorkpostIndex.build(workposts)
    matches = index.rank(participant, top=10)
    proposals = assign(participants, index)
"""
from matcher.assign import Assignment, assign
from matcher.errors import MatcherError
from matcher.fitting import WeightFitter, term_matrix
from matcher.index import WorkpostIndex
from matcher.jsonio import (
    caseload_from_json, from_json, participant_from_json, request_from_json, to_json,
    workpost_from_json, workposts_from_json,
)
from matcher.match import Match, Reason
from matcher.model import Filters, Location, Participant, Travel, Workpost
from matcher.rules import failed_rules, is_suitable
from matcher.scoring import TERMS, Weights

__all__ = [
    "Assignment", "Filters", "Location", "Match", "MatcherError", "Participant", "Reason",
    "TERMS", "Travel", "WeightFitter", "Weights", "Workpost", "WorkpostIndex", "assign",
    "caseload_from_json", "failed_rules", "from_json", "is_suitable", "participant_from_json",
    "rank", "request_from_json", "term_matrix", "to_json", "workpost_from_json",
    "workposts_from_json",
]


def rank(participant, workposts, top: int = 10, **options) -> list[Match]:
    """One-off ranking over a list of workposts (builds a throwaway index)."""
    return WorkpostIndex.build(workposts).rank(participant, top=top, **options)
