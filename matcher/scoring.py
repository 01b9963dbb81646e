"""The score: terms a coordinator would recognise, weighted in one place.

Each term is a number in [-1, 1] per candidate (0 = neutral, e.g. the participant gave no
wishes). With weights w >= 0 the score is

    score = 0.5 + 0.5 * sum(w_i * t_i) / sum(w_i)        always in [0, 1]

so a positive term raises the score by exactly 0.5 * w_i * t_i / sum(w) and a negative one
lowers it: reasons and concerns are read straight off the terms (matcher.explain).

The terms:
- interest       cosine between the participant's interest codes and the workpost's
                 activity codes (shared / sqrt(|interests| * |activities|)), in [0, 1]
- interest_words the same for the activity codes read from the participant's own words
                 (matcher.words), each counted by its strength relative to the strongest
                 (in (0, 1]), over sqrt(|activities| * (|soft| + |interests|)): a soft
                 interest never counts as much as a code a supervisor chose (its weight is
                 below half of interest's, so moving a code from chosen to merely written
                 always lowers the score)
- interest_text  cosine of stemmed words and character n-grams between the participant's
                 own words (what they do not want left out) and the workpost's name,
                 description, tasks and activity labels, rescaled so that chance overlap
                 (< TEXT_FLOOR) counts nothing and TEXT_FULL or more counts fully
- wish_met       share of the participant's wishes the workpost offers, in [0, 1]
- wish_missed    minus the share of wishes it does not offer, in [-1, 0]
- wish_words     share of the wishes read from the participant's words ("geen drukte":
                 a calm environment) that the workpost offers, in [0, 1]
- need_met       1 when the participant has needs (a suitable workpost meets them all)
- closeness      1 - 1.5 * (travel / own limit): at home +1, two thirds of the limit 0,
                 at the limit -0.5 (minutes against max_minutes, km against max_km, the
                 tighter of the two); when only the workpost's own transport reaches them,
                 0 within the person's own limits and the same negative value beyond them
- schedule       enough shared half-days for the hours wanted (+1) down to far too few
                 (-1): 2 * min(1, shared * HOURS_PER_HALF_DAY / hours) - 1
- avoid          minus the share of the workpost's activities the participant avoids
- avoid_words    the same for activities their words say they would rather not do (soft:
                 it lowers the score, it never leaves a workpost out)
- congestion     already shortlisted by more people than it has open places:
                 -(shortlisted - open) / shortlisted

The default weights are a coordinator's judgement (interests first, then closeness and
wishes); `matcher.fitting.WeightFitter` learns new ones from recorded outcomes, and any
`Weights` can be passed to the index without changing callers.
"""
from dataclasses import asdict, dataclass, fields

import numpy as np

TEXT_FLOOR, TEXT_FULL = 0.06, 0.30
HOURS_PER_HALF_DAY = 3.5


@dataclass(frozen=True)
class Weights:
    interest: float = 0.30
    interest_words: float = 0.14
    interest_text: float = 0.12
    wish_met: float = 0.12
    wish_missed: float = 0.05
    wish_words: float = 0.05
    need_met: float = 0.05
    closeness: float = 0.15
    schedule: float = 0.10
    avoid: float = 0.03
    avoid_words: float = 0.04
    congestion: float = 0.05

    def __post_init__(self):
        from matcher.errors import MatcherError

        for name, value in asdict(self).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise MatcherError(f"weights.{name}", f"must be >= 0, not {value!r}")
        if self.total() <= 0:
            raise MatcherError("weights", "at least one weight must be positive")

    def total(self) -> float:
        return float(sum(getattr(self, name) for name in TERMS))

    def vector(self) -> np.ndarray:
        """The weights in TERMS order, summing to 1 (read on every ranking: cached)."""
        cached = self.__dict__.get("_vector")
        if cached is None:
            cached = np.array([getattr(self, name) for name in TERMS]) / self.total()
            cached.setflags(write=False)
            self.__dict__["_vector"] = cached
        return cached

    @classmethod
    def from_vector(cls, values) -> "Weights":
        return cls(**{name: float(v) for name, v in zip(TERMS, values)})

    def without(self, term: str) -> "Weights":
        """The same weights with one term switched off (ablation)."""
        return type(self)(**{**asdict(self), term: 0.0})


TERMS = tuple(f.name for f in fields(Weights))


def popcount(values) -> np.ndarray:
    return np.bitwise_count(values).astype(np.float64)


def _share(numerator, denominator) -> np.ndarray:
    return np.divide(numerator, denominator, out=np.zeros_like(numerator),
                     where=denominator > 0)


def base_terms(q, c, km, minutes, by_self, counts) -> dict[str, np.ndarray]:
    """Every term except interest_text, for candidates c (columns already gathered)."""
    n_acts = popcount(c.activities)
    n_wishes = float(bin(q.wishes).count("1"))
    n_interests, n_soft = bin(q.interests).count("1"), bin(q.soft_interests).count("1")
    n_soft_wishes = float(bin(q.soft_wishes).count("1"))
    zeros = np.zeros(len(km))
    return {
        "interest": _share(popcount(c.activities & q.interests),
                           np.sqrt(n_acts * n_interests)),
        "interest_words": _share(soft_shared(q, c.activities),
                                 np.sqrt(n_acts * (n_soft + n_interests))),
        "wish_met": popcount(c.offers & q.wishes) / n_wishes if n_wishes else zeros,
        "wish_missed": -popcount(~c.offers & q.wishes) / n_wishes if n_wishes else zeros,
        "wish_words": popcount(c.offers & q.soft_wishes) / n_soft_wishes if n_soft_wishes
        else zeros,
        "need_met": zeros + (1.0 if q.needs else 0.0),
        "closeness": np.where(by_self | ~within_person_limits(q, km, minutes),
                              closeness(q, km, minutes), 0.0),
        "schedule": schedule(q, c.schedule),
        "avoid": -_share(popcount(c.activities & q.avoid), n_acts),
        "avoid_words": -_share(popcount(c.activities & q.soft_avoid), n_acts),
        "congestion": congestion(counts, c.open),
    }


def within_person_limits(q, km, minutes) -> np.ndarray:
    from matcher.rules import within_person_limits as within

    return within(q, km, minutes)


def soft_shared(q, activities) -> np.ndarray:
    """The soft interests a workpost shares, each counted by how strongly the words said it."""
    shared = np.zeros(len(activities))
    for bit, strength in q.soft_strength:
        shared += ((activities & bit) != 0) * strength
    return shared


def shares_interest(q, activities) -> np.ndarray:
    """The workpost does one of the things the person likes, chosen as a code or read from
    their words: the person's wishes first (shared/DOMAIN.md §3)."""
    return (activities & (q.interests | q.soft_interests)) != 0


def closeness(q, km, minutes) -> np.ndarray:
    ratio = minutes / q.limit_minutes
    if q.max_km is not None:
        ratio = np.maximum(ratio, km / max(q.max_km, 1e-9))
    return np.clip(1.0 - 1.5 * ratio, -1.0, 1.0)


def schedule(q, slots) -> np.ndarray:
    if q.availability == 0:
        return np.zeros(len(slots))
    shared = popcount(slots & q.availability)
    wanted_half_days = (q.hours or 0) / HOURS_PER_HALF_DAY or 1.0
    fit = 2.0 * np.minimum(1.0, shared / max(wanted_half_days, 1e-9)) - 1.0
    return np.where(slots == 0, 0.0, fit)


def congestion(counts, open_places) -> np.ndarray:
    over = np.maximum(counts - open_places, 0).astype(np.float64)
    return -_share(over, counts.astype(np.float64))


def text_term(cosine) -> np.ndarray:
    return np.clip((cosine - TEXT_FLOOR) / (TEXT_FULL - TEXT_FLOOR), 0.0, 1.0)


def text_cosine(q, c) -> np.ndarray:
    if q.text is None:
        return np.zeros(len(c.text_cols))
    return (c.text_w.astype(np.float32) * q.text[c.text_cols]).sum(axis=1, dtype=np.float64)


def combine(terms: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    w = weights.vector()
    total = sum(w[i] * terms[name] for i, name in enumerate(TERMS) if name in terms)
    return 0.5 + 0.5 * total


def text_headroom(weights: Weights) -> float:
    """The most interest_text can add to a score: used to skip text for hopeless rows."""
    return 0.5 * weights.vector()[TERMS.index("interest_text")]
