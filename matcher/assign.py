"""Caseload assignment: one proposed workpost per participant, respecting open places.

Advisory only: people decide. Each participant's rank list is kept as the fallback (and as
the alternatives to discuss). The proposal maximises the total score over everyone with
scipy's linear_sum_assignment on a participants x place-slots matrix: a workpost with three
open places is three columns. One extra "no proposal" column per participant, at cost 0,
keeps the problem feasible when places run out; any real match beats it (scores are > 0).
"""
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

_FORBIDDEN = 1e6  # a pair that is not on the participant's list


@dataclass(frozen=True)
class Assignment:
    participant_id: str | int
    match: object | None          # the proposed Match, or None when no place is left
    alternatives: tuple = ()      # the participant's own rank list, best first

    @property
    def workpost_id(self):
        return None if self.match is None else self.match.workpost_id

    def to_json(self, alternatives: int = 3) -> dict:
        return {"participant_id": self.participant_id, "workpost_id": self.workpost_id,
                "score": None if self.match is None else round(self.match.score, 3),
                "match": None if self.match is None else self.match.to_json(),
                "alternatives": [m.to_json() for m in self.alternatives[:alternatives]]}


def assign(participants, index, top: int = 10, shortlist_counts=None,
           exclude_ids=None) -> list[Assignment]:
    """Propose a workpost per participant (in the order given); see the module docstring."""
    participants = list(participants)
    lists = [index.rank(p, top=top, shortlist_counts=shortlist_counts, exclude_ids=exclude_ids)
             for p in participants]
    slots = _slots(lists, index)
    if not slots:
        return [Assignment(p.id, None, tuple(m)) for p, m in zip(participants, lists)]
    cost = _cost_matrix(lists, slots)
    rows, cols = linear_sum_assignment(cost)
    chosen = {r: c for r, c in zip(rows, cols) if c < len(slots) and cost[r, c] < 0}
    return [Assignment(p.id, _pick(lists[i], slots[chosen[i]]) if i in chosen else None,
                       tuple(lists[i])) for i, p in enumerate(participants)]


def _slots(lists, index) -> list:
    """One column per open place of every workpost on somebody's list, but never more
    columns for a workpost than the people who listed it (extra ones cannot be used)."""
    wanted: dict = {}
    for matches in lists:
        for m in matches:
            wanted[m.workpost_id] = wanted.get(m.workpost_id, 0) + 1
    places = index.open_places(list(wanted))
    slots = []
    for wid in sorted(wanted, key=str):
        slots.extend([wid] * min(wanted[wid], places.get(wid, 0)))
    return slots


def _cost_matrix(lists, slots) -> np.ndarray:
    columns: dict = {}
    for j, wid in enumerate(slots):
        columns.setdefault(wid, []).append(j)
    n = len(lists)
    cost = np.full((n, len(slots) + n), _FORBIDDEN)
    cost[np.arange(n), len(slots) + np.arange(n)] = 0.0  # "no proposal"
    for i, matches in enumerate(lists):
        for m in matches:
            # The person's wishes first here too: a workpost sharing an interest is worth more
            # to them than any score difference with one that shares none.
            cost[i, columns.get(m.workpost_id, [])] = -(m.score + (1.0 if m.shares_interest
                                                                   else 0.0))
    return cost


def _pick(matches, workpost_id):
    return next(m for m in matches if m.workpost_id == workpost_id)
