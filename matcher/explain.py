"""Reasons and concerns: the terms that raised or lowered one workpost's score.

A term appears when it moved the score by at least MIN_SHOWN (half a percentage point), so
a reason shown always raised the score and a concern always lowered it.
"""
import re

import numpy as np

from matcher import codes
from matcher.columns import unmask
from matcher.match import Match, Reason
from matcher.scoring import TERMS

MIN_SHOWN = 0.005
_WORD = re.compile(r"[^\W\d_]{4,}")


def build_match(q, row: dict, weights, text_features, words=None) -> Match:
    """row: one candidate's values (id, columns, km, minutes, mode, terms, score)."""
    w = weights.vector()
    reasons, concerns = [], []
    for i, term in enumerate(TERMS):
        change = 0.5 * w[i] * row["terms"][term]
        if abs(change) < MIN_SHOWN:
            continue
        reason = _describe(term, change, q, row, words)
        (reasons if change > 0 else concerns).append(reason)
    by_size = lambda r: -abs(r.contribution)  # noqa: E731
    return Match(workpost_id=row["id"], score=float(row["score"]), distance_km=float(row["km"]),
                 travel_minutes=float(row["minutes"]), travel_mode=row["mode"],
                 reasons=tuple(sorted(reasons, key=by_size)),
                 concerns=tuple(sorted(concerns, key=by_size)),
                 terms={t: float(row["terms"][t]) for t in TERMS})


def _describe(term, change, q, row, words) -> Reason:
    acts, offers, slots = int(row["activities"]), int(row["offers"]), int(row["schedule"])
    travel = dict(minutes=int(round(row["minutes"])), km=round(float(row["km"]), 1))
    join = ", ".join
    if term == "interest":
        return Reason("interest", join(unmask(acts & q.interests, codes.ACTIVITIES)), change)
    if term == "interest_text":
        return Reason("interest_text", join(matched_words(words or [], row["text_cols"])),
                      change)
    if term == "wish_met":
        return Reason("wish_met", join(unmask(offers & q.wishes, codes.SUPPORTS)), change)
    if term == "wish_missed":
        return Reason("wish_missed", join(unmask(~offers & q.wishes, codes.SUPPORTS)), change)
    if term == "need_met":
        return Reason("need_met", join(unmask(q.needs, codes.SUPPORTS)), change)
    if term == "closeness":
        if row["mode"] == "driven" and change < 0:  # brought by the workpost, past the limit
            return Reason("driven_far", row["mode"], change, **travel)
        return Reason("close" if change > 0 else "far", row["mode"], change, **travel)
    if term == "schedule":
        code = "schedule" if change > 0 else "schedule_short"
        hours = None if q.hours is None else int(round(q.hours))
        return Reason(code, join(unmask(slots & q.availability, codes.SLOTS)), change,
                      count=hours)
    if term == "avoid":
        return Reason("avoid_partly", join(unmask(acts & q.avoid, codes.ACTIVITIES)), change)
    count = int(row["count"])
    return Reason("congestion", f"{count} shortlisted, {int(row['open'])} open", change,
                  count=count)


def word_grams(q, text_features) -> list[tuple[str, set]]:
    """The participant's own words (4+ letters) with their hashed n-grams, once per ranking."""
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(q.interests_text)))
    if not words:
        return []
    matrix = text_features._hasher().transform(words).tocsr()
    return [(w, set(matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]].tolist()))
            for i, w in enumerate(words)]


def matched_words(words, text_cols, min_share: float = 0.3) -> list[str]:
    """The participant's words that share n-grams with the workpost's strongest ones; at
    least the best one, since the text term raised the score."""
    kept = set(np.asarray(text_cols).tolist())
    shares = [(len(grams & kept), word, len(grams)) for word, grams in words]
    found = [w for shared, w, n in shares if shared >= 2 and shared >= min_share * n]
    if not found and shares:
        best = max(shares, key=lambda s: (s[0] / max(s[2], 1), s[0]))
        found = [best[1]] if best[0] else []
    return found
