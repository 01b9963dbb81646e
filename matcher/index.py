"""WorkpostIndex: built once, ranks a participant's suitable workposts in milliseconds.

Layout: the bulk of the workposts sit in `main_` (numpy columns, a BallTree over their
coordinates with the haversine metric, a second small tree over those that offer
transport). Changes go to `delta_`, a small set of columns scanned in full on every query;
a removed or replaced workpost is only flagged dead. When the delta grows past
`merge_every` rows it is merged into main and the trees are rebuilt. So a change is visible
to the very next ranking, and the cost of a change is one text vectorisation, not a rebuild.
"""
import math
import threading
from types import SimpleNamespace

import numpy as np
from sklearn.base import clone
from sklearn.neighbors import BallTree
from sklearn.exceptions import NotFittedError

from geo.distance import EARTH_RADIUS_KM
from matcher import scoring
from matcher.columns import TRANSPORT_BIT, Columns, mask
from matcher import codes
from matcher.errors import MatcherError
from matcher.explain import build_match, word_grams
from matcher.model import Filters, Workpost
from matcher.query import compile_query, reach_km
from matcher.rules import PICKUP, cheap_rules, distance_km, reachable
from matcher.text import TextFeatures

MAIN, DELTA = 0, 1
TIER = 2.0
_MARGIN_KM = 1e-3  # the tree only proposes; the exact rules decide, so err on the wide side
_CHEAP = ("open", "activities", "offers", "schedule", "radius", "internal")


class Exclusion:
    """Workposts to leave out, resolved to rows once (index.exclusion(ids)) and reusable for
    every ranking until the index changes; a caller that leaves out thousands of workposts
    for every search (an organisation's regions) then pays the lookup once."""

    def __init__(self, ids, version: int, rows: list):
        self.ids, self.version, self.rows = ids, version, rows


class WorkpostIndex:
    def __init__(self, weights: scoring.Weights | None = None, text_features=None,
                 merge_every: int | None = None, leaf_size: int = 40):
        self.weights = weights
        self.text_features = text_features
        self.merge_every = merge_every
        self.leaf_size = leaf_size
        self._lock = threading.Lock()
        self._version = 0  # bumped by every change that can move or drop a row

    def _check_fitted(self) -> None:
        if not hasattr(self, "main_"):
            raise NotFittedError("WorkpostIndex is not built yet: call fit(workposts) first")

    @classmethod
    def build(cls, workposts, **params) -> "WorkpostIndex":
        return cls(**params).fit(workposts)

    def fit(self, workposts, y=None):
        workposts = [w if isinstance(w, Workpost) else Workpost(**w) for w in workposts]
        _check_unique(workposts)
        features = clone(self.text_features) if self.text_features is not None else TextFeatures()
        texts = [w.text for w in workposts]
        self.text_features_ = features
        vectors = features.fit_transform(texts)
        self.weights_ = self.weights or scoring.Weights()
        self._install(Columns.from_workposts(workposts, features, texts=vectors))
        return self

    def _install(self, main: Columns) -> None:
        self._version += 1
        self.main_ = main
        self.delta_ = Columns.empty(self.text_features_.top_k)
        self._where = {wid: (MAIN, row) for row, wid in enumerate(main.ids.tolist())}
        points = np.radians(np.column_stack([main.lat, main.lon])) if len(main) else \
            np.zeros((0, 2))
        self.tree_ = BallTree(points, leaf_size=self.leaf_size, metric="haversine") \
            if len(main) else None
        self.pickup_rows_ = np.flatnonzero((main.offers & TRANSPORT_BIT) != 0)
        self.pickup_tree_ = BallTree(points[self.pickup_rows_], metric="haversine") \
            if len(self.pickup_rows_) else None
        stated = main.radius[self.pickup_rows_]
        stated = stated[~np.isnan(stated)]
        self.pickup_reach_km_ = float(stated.max()) if len(stated) else 0.0
        # Workposts that state no radius drive only within the person's own limits.
        self.pickup_unstated_ = bool(len(stated) < len(self.pickup_rows_))

    # -- changes -------------------------------------------------------------------------

    def __len__(self) -> int:
        self._check_fitted()
        return len(self._where)

    def __contains__(self, workpost_id) -> bool:
        return workpost_id in self._where

    def add(self, workpost: Workpost) -> None:
        if workpost.id in self._where:
            raise MatcherError("id", f"{workpost.id!r} is already in the index; use update()")
        self._append(workpost)

    def update(self, workpost: Workpost) -> None:
        """Replace the workpost with the same id (or add it if it is new)."""
        with self._lock:
            self._kill(workpost.id)
        self._append(workpost)

    def remove(self, workpost_id) -> bool:
        """Drop a workpost; False if it was not in the index."""
        with self._lock:
            return self._kill(workpost_id)

    def _kill(self, workpost_id) -> bool:
        where = self._where.pop(workpost_id, None)
        if where is not None:
            self._version += 1
            store = self.main_ if where[0] == MAIN else self.delta_
            store.alive[where[1]] = False
        return where is not None

    def _append(self, workpost: Workpost) -> None:
        self._check_fitted()
        new = Columns.from_workposts([workpost], self.text_features_)  # outside the lock
        with self._lock:
            self.delta_ = self.delta_.concat(new)
            self._version += 1
            self._where[workpost.id] = (DELTA, len(self.delta_) - 1)
            limit = self.merge_every or max(1000, len(self.main_) // 100)
            if len(self.delta_) >= limit:
                self._merge()

    def compact(self) -> None:
        """Merge the delta into the main columns now (otherwise done when it grows)."""
        with self._lock:
            self._merge()

    def _merge(self) -> None:
        main, delta = self.main_, self.delta_
        self._install(main.take(main.alive).concat(delta.take(delta.alive)))

    def open_places(self, workpost_ids) -> dict:
        """{id: open places} for the ids that are in the index."""
        out = {}
        for wid in workpost_ids:
            if wid in self._where:
                store, row = self._where[wid]
                out[wid] = int((self.main_, self.delta_)[store].open[row])
        return out

    def nbytes(self) -> int:
        """Memory held by the index: columns, trees, id map (an estimate for the dict)."""
        tree_bytes = sum(a.nbytes for t in (self.tree_, self.pickup_tree_) if t is not None
                         for a in t.get_arrays() if hasattr(a, "nbytes"))
        return self.main_.nbytes() + self.delta_.nbytes() + tree_bytes + 104 * len(self._where)

    # -- ranking -------------------------------------------------------------------------

    def rank(self, participant, top: int = 10, shortlist_counts=None, exclude_ids=None,
             filters=None) -> list:
        self._check_fitted()
        if not isinstance(top, int) or isinstance(top, bool) or top < 1:
            raise MatcherError("top", f"must be a whole number >= 1, not {top!r}")
        q = compile_query(participant, self.text_features_)
        filters = Filters.of(filters)
        stores = (self.main_, self.delta_)  # one snapshot: a concurrent merge swaps both
        ctx = self._context(stores, shortlist_counts, exclude_ids)
        parts = [self._evaluate(q, s, stores[s], rows, ctx, filters)
                 for s, rows in ((MAIN, self._main_candidates(q, filters, stores[MAIN])),
                                 (DELTA, np.arange(len(stores[DELTA]))))]
        found = {k: np.concatenate([p[k] for p in parts]) for k in parts[0] if k != "terms"}
        found["terms"] = {t: np.concatenate([p["terms"][t] for p in parts])
                          for t in parts[0]["terms"]}
        # The person's wishes first: what shares an interest ranks above what shares none,
        # whatever the other terms say (TIER exceeds any score difference).
        found["key"] = found["score"] + TIER * found["tier"]
        self._add_text(q, found, stores, top)
        words = word_grams(q, self.text_features_) if q.text is not None else []
        return [self._match(q, found, i, stores, words) for i in _best(found, top, stores)]

    def exclusion(self, workpost_ids, base: Exclusion | None = None) -> Exclusion:
        """Resolve ids to leave out of rankings; pass the result as rank(exclude_ids=...).
        With `base`, the result leaves out its workposts too (resolved again if stale)."""
        if base is not None and base.version != self._version:
            base = self.exclusion(base.ids)
        ids = tuple(workpost_ids or ())
        with self._lock:
            version = self._version
            excluded = [[], []]
            for wid in ids:
                if wid in self._where:
                    excluded[self._where[wid][0]].append(self._where[wid][1])
        rows = [np.array(e, dtype=np.int64) for e in excluded]
        if base is None:
            return Exclusion(ids, version, rows)
        return Exclusion(base.ids + ids, version,
                         [np.union1d(b, r) for b, r in zip(base.rows, rows)])

    def _context(self, stores, shortlist_counts, exclude_ids) -> dict:
        """Per store: rows to exclude, and rows with shortlist counts (sorted for lookup)."""
        exclusion = exclude_ids if isinstance(exclude_ids, Exclusion) else None
        if exclusion is None or exclusion.version != self._version:
            exclusion = self.exclusion(exclusion.ids if exclusion else exclude_ids)
        counted = [{}, {}]
        for wid, count in (shortlist_counts or {}).items():
            if wid in self._where:
                store, row = self._where[wid]
                counted[store][row] = count
        return {"excluded": exclusion.rows,
                "counted": [(np.array(sorted(c), dtype=np.int64),
                             np.array([c[r] for r in sorted(c)], dtype=np.int64))
                            for c in counted]}

    def _main_candidates(self, q, filters, main) -> np.ndarray:
        if self.tree_ is None:
            return np.zeros(0, dtype=np.int64)
        radius = min(q.reach_km, filters.max_km if filters.max_km is not None else math.inf)
        if math.isinf(radius):
            return np.arange(len(main))
        point = np.radians([[q.lat, q.lon]])
        rows = self.tree_.query_radius(point, (radius + _MARGIN_KM) / EARTH_RADIUS_KM)[0]
        if self.pickup_tree_ is None:
            return rows
        # Workposts that bring people themselves may lie beyond the participant's reach.
        reach = self.pickup_reach_km_
        if self.pickup_unstated_:
            reach = max(reach, reach_km(("driven",), q.max_minutes, q.max_km))
        pickup_radius = min(reach, filters.max_km or math.inf)
        if math.isinf(pickup_radius):
            far = self.pickup_rows_
        else:
            far = self.pickup_rows_[self.pickup_tree_.query_radius(
                point, (pickup_radius + _MARGIN_KM) / EARTH_RADIUS_KM)[0]]
        far_km = distance_km(q, main.lat[far], main.lon[far])
        return np.concatenate([rows, far[far_km > radius + _MARGIN_KM]])

    def _evaluate(self, q, s: int, store: Columns, rows, ctx, filters) -> dict:
        rows = rows[store.alive[rows]]
        if len(ctx["excluded"][s]):
            rows = rows[~np.isin(rows, ctx["excluded"][s])]
        c = SimpleNamespace(**{k: getattr(store, k)[rows] for k in _CHEAP})
        keep = cheap_rules(q, c) & _filter_mask(filters, c)
        rows, c = rows[keep], SimpleNamespace(**{k: v[keep] for k, v in vars(c).items()})
        km = distance_km(q, store.lat[rows], store.lon[rows])
        ok, minutes, mode = reachable(q, km, c)
        if filters.max_km is not None:
            ok &= km <= filters.max_km
        rows, km, minutes, mode = rows[ok], km[ok], minutes[ok], mode[ok]
        c = SimpleNamespace(**{k: v[ok] for k, v in vars(c).items()})
        counts = _lookup(rows, *ctx["counted"][s])
        terms = scoring.base_terms(q, c, km, minutes, mode != PICKUP, counts)
        terms["interest_text"] = np.zeros(len(rows))
        return {"src": np.full(len(rows), s, dtype=np.int8), "rows": rows, "km": km,
                "minutes": minutes, "mode": mode, "count": counts, "terms": terms,
                "tier": scoring.shares_interest(q, c.activities),
                "score": scoring.combine(terms, self.weights_)}

    def _add_text(self, q, found, stores, top) -> None:
        """Text similarity only for rows that could still reach the top."""
        key = found["key"]
        if q.text is None or len(key) == 0:
            return
        threshold = -np.partition(-key, min(top, len(key)) - 1)[min(top, len(key)) - 1]
        hopeful = np.flatnonzero(key + scoring.text_headroom(self.weights_) >= threshold)
        cosine = np.zeros(len(hopeful))
        for s, store in enumerate(stores):
            mine = found["src"][hopeful] == s
            rows = found["rows"][hopeful[mine]]
            view = SimpleNamespace(text_cols=store.text_cols[rows], text_w=store.text_w[rows])
            cosine[mine] = scoring.text_cosine(q, view)
        term = scoring.text_term(cosine)
        found["terms"]["interest_text"][hopeful] = term
        weight = self.weights_.vector()[scoring.TERMS.index("interest_text")]
        found["score"][hopeful] += 0.5 * weight * term
        found["key"][hopeful] += 0.5 * weight * term

    def _match(self, q, found, i: int, stores, words):
        store, row = stores[found["src"][i]], found["rows"][i]
        mode = found["mode"][i]
        values = {"id": store.ids[row], "km": found["km"][i], "minutes": found["minutes"][i],
                  "mode": q.modes[mode] if mode != PICKUP else "driven",
                  "score": min(1.0, max(0.0, found["score"][i])), "count": found["count"][i],
                  "terms": {t: v[i] for t, v in found["terms"].items()},
                  "activities": store.activities[row], "offers": store.offers[row],
                  "schedule": store.schedule[row], "open": store.open[row],
                  "text_cols": store.text_cols[row], "tier": bool(found["tier"][i])}
        return build_match(q, values, self.weights_, self.text_features_, words)


def _best(found, top: int, stores) -> list[int]:
    """Positions of the top results, best first (those sharing an interest before the
    rest); equal scores in id order (input order never matters)."""
    score = found["key"]
    if len(score) == 0:
        return []
    k = min(top, len(score))
    kth = -np.partition(-score, k - 1)[k - 1]
    tied = np.flatnonzero(score >= kth)
    ids = [stores[found["src"][i]].ids[found["rows"][i]] for i in tied]
    order = sorted(range(len(tied)), key=lambda j: (-score[tied[j]], str(ids[j])))
    return [int(tied[j]) for j in order[:k]]


def _lookup(rows, keys, values) -> np.ndarray:
    if len(keys) == 0:
        return np.zeros(len(rows), dtype=np.int64)
    at = np.clip(np.searchsorted(keys, rows), 0, len(keys) - 1)
    return np.where(keys[at] == rows, values[at], 0)


def _filter_mask(filters: Filters, c) -> np.ndarray:
    keep = np.ones(len(c.open), dtype=bool)
    if filters.activities:
        keep &= (c.activities & mask(filters.activities, codes.ACTIVITIES)) != 0
    if filters.internal is not None:
        keep &= c.internal == filters.internal
    return keep


def _check_unique(workposts) -> None:
    seen = set()
    for i, workpost in enumerate(workposts):
        if workpost.id in seen:
            raise MatcherError(f"workposts[{i}].id", f"duplicate id {workpost.id!r}")
        seen.add(workpost.id)
