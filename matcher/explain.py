"""Reasons and concerns: the terms that raised or lowered one workpost's score.

A term appears when it moved the score by at least MIN_SHOWN (half a percentage point), so
a reason shown always raised the score and a concern always lowered it. Reasons carry codes,
numbers and the participant's own words; the web app turns them into sentences.
"""
import numpy as np

from matcher import codes
from matcher.columns import unmask
from matcher.match import Match, Reason
from matcher.scoring import TERMS
from matcher.words import tokens

MIN_SHOWN = 0.005


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
                 terms={t: float(row["terms"][t]) for t in TERMS},
                 shares_interest=bool(row.get("tier", False)))


def _said(q, kind: str, found: tuple[str, ...]) -> tuple[str, ...]:
    """The person's words behind the soft codes found, in the order they wrote them."""
    out = []
    for code in found:
        for word in q.reading.words_for(kind, code):
            if word not in out:
                out.append(word)
    return tuple(out)


def _describe(term, change, q, row, words) -> Reason:
    acts, offers, slots = int(row["activities"]), int(row["offers"]), int(row["schedule"])
    travel = dict(minutes=int(round(row["minutes"])), km=round(float(row["km"]), 1))
    join = ", ".join
    if term == "interest":
        return Reason("interest", join(unmask(acts & q.interests, codes.ACTIVITIES)), change)
    if term == "interest_words":
        found = unmask(acts & q.soft_interests, codes.ACTIVITIES)
        return Reason("interest_words", join(found), change,
                      words=_said(q, "interests", found))
    if term == "interest_text":
        return Reason("interest_text", "", change,
                      words=tuple(matched_words(words or [], row["text_cols"])))
    if term == "wish_met":
        return Reason("wish_met", join(unmask(offers & q.wishes, codes.SUPPORTS)), change)
    if term == "wish_missed":
        return Reason("wish_missed", join(unmask(~offers & q.wishes, codes.SUPPORTS)), change)
    if term == "wish_words":
        found = unmask(offers & q.soft_wishes, codes.SUPPORTS)
        return Reason("wish_words", join(found), change, words=_said(q, "wishes", found))
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
    if term == "avoid_words":
        found = unmask(acts & q.soft_avoid, codes.ACTIVITIES)
        return Reason("avoid_words", join(found), change, words=_said(q, "avoid", found))
    count = int(row["count"])
    return Reason("congestion", "", change, count=count)


def word_grams(q, text_features) -> list[tuple[str, set, set]]:
    """The participant's own words with their word and n-gram columns, once per ranking
    (stop words and what they do not want left out, as in the text term)."""
    from matcher.words import lexicon, without_negations

    stop = lexicon().stopwords
    found = [t for t in dict.fromkeys(tokens(without_negations(q.interests_text)))
             if t not in stop and len(t) > 2]
    if not found:
        return []
    return [(w, stems, grams) for w, (stems, grams) in zip(found, text_features.columns_of(found))]


def matched_words(words, text_cols, min_share: float = 0.3) -> list[str]:
    """The participant's words found in the workpost's kept features: the same stem, or
    enough shared n-grams; at least the best one, since the text term raised the score."""
    kept = set(np.asarray(text_cols).tolist())
    found = [w for w, stems, grams in words
             if stems & kept or (len(grams & kept) >= 2 and len(grams & kept) >= min_share * len(grams))]
    if not found and words:
        best = max(words, key=lambda x: (len(x[2] & kept) / max(len(x[2]), 1), len(x[2] & kept)))
        found = [best[0]] if best[2] & kept else []
    return found
