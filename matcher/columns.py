"""Workposts as columns of numpy arrays: what ranking reads, without Python objects.

Code lists become bitmasks (23 activities, 19 support codes, 14 half-days each fit in 32
bits), so "every need met" is `(offers & needs) == needs` over all candidates at once.
"""
from dataclasses import dataclass, fields

import numpy as np

from matcher import codes

_BIT = {universe: {code: 1 << i for i, code in enumerate(universe)}
        for universe in (codes.ACTIVITIES, codes.SUPPORTS, codes.SLOTS)}
TRANSPORT_BIT = _BIT[codes.SUPPORTS]["transport_provided"]


def mask(values, universe) -> int:
    bits = _BIT[universe]
    return sum(bits[v] for v in set(values))


def unmask(value: int, universe) -> tuple[str, ...]:
    """The codes of a bitmask, in the contract's order."""
    return tuple(code for i, code in enumerate(universe) if int(value) >> i & 1)


@dataclass
class Columns:
    ids: np.ndarray          # object: the ids as given (str or int)
    lat: np.ndarray          # float64 degrees
    lon: np.ndarray
    open: np.ndarray         # int32 open places
    activities: np.ndarray   # uint32 bitmasks
    offers: np.ndarray
    schedule: np.ndarray
    radius: np.ndarray       # float32 km of the workpost's own transport; NaN = not stated
    internal: np.ndarray     # bool
    text_cols: np.ndarray    # int32 (n, top_k) hashed n-gram columns
    text_w: np.ndarray       # float16 (n, top_k) unit-length weights
    alive: np.ndarray        # bool: False once removed or replaced by a newer version

    def __len__(self) -> int:
        return len(self.lat)

    @classmethod
    def from_workposts(cls, workposts, text_features, texts=None) -> "Columns":
        workposts = list(workposts)
        cols, weights = texts if texts is not None else \
            text_features.transform([w.text for w in workposts])
        act, sup, slot = _BIT[codes.ACTIVITIES], _BIT[codes.SUPPORTS], _BIT[codes.SLOTS]
        rows = [(w.location.lat, w.location.lon, w.open_places,
                 sum(act[a] for a in w.activities), sum(sup[o] for o in w.offers),
                 sum(slot[t] for t in w.schedule),
                 np.nan if w.service_radius_km is None else w.service_radius_km, w.internal)
                for w in workposts]  # codes are de-duplicated by the model: sums are ORs
        column = lambda i, dtype: np.fromiter((r[i] for r in rows), dtype, len(rows))  # noqa: E731
        return cls(
            ids=_object_array([w.id for w in workposts]),
            lat=column(0, np.float64), lon=column(1, np.float64), open=column(2, np.int32),
            activities=column(3, np.uint32), offers=column(4, np.uint32),
            schedule=column(5, np.uint32), radius=column(6, np.float32),
            internal=column(7, np.bool_), text_cols=cols, text_w=weights,
            alive=np.ones(len(workposts), dtype=bool))

    @classmethod
    def empty(cls, top_k: int) -> "Columns":
        return cls.from_arrays({f.name: np.zeros((0, top_k) if f.name.startswith("text")
                                                 else 0, dtype=_DTYPES[f.name])
                                for f in fields(cls)})

    @classmethod
    def from_arrays(cls, arrays: dict) -> "Columns":
        return cls(**arrays)

    def arrays(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def concat(self, other: "Columns") -> "Columns":
        return Columns.from_arrays({name: np.concatenate([value, getattr(other, name)])
                                    for name, value in self.arrays().items()})

    def take(self, rows) -> "Columns":
        return Columns.from_arrays({name: value[rows] for name, value in self.arrays().items()})

    def nbytes(self) -> int:
        """Bytes held, counting the id objects themselves (a str id is a Python object)."""
        import sys
        ids = sum(sys.getsizeof(i) for i in self.ids[: min(len(self.ids), 1000)])
        per_id = ids / max(1, min(len(self.ids), 1000))
        return sum(v.nbytes for v in self.arrays().values()) + int(per_id * len(self.ids))


_DTYPES = {"ids": object, "lat": np.float64, "lon": np.float64, "open": np.int32,
           "activities": np.uint32, "offers": np.uint32, "schedule": np.uint32,
           "radius": np.float32, "internal": np.bool_, "text_cols": np.int32,
           "text_w": np.float16, "alive": np.bool_}


def _object_array(values: list) -> np.ndarray:
    # np.array(list_of_str) would make a fixed-width unicode array and mix ints into strings.
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out
