"""Caseload assignment and learning weights from outcomes."""
import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from matcher import TERMS, WeightFitter, Weights, WorkpostIndex, assign, term_matrix
from matcher_factories import person, post


def test_assign_respects_open_places_and_maximises_total_fit():
    # Both like administration; one office place, a little closer than the garden. Ann on
    # her own would take the office, but she also likes green and Bob does not: the total
    # is best when Ann takes the garden and Bob the office (a greedy pass would not see it).
    index = WorkpostIndex.build([post("OFFICE", km=0.8),
                                 post("GARDEN", km=1, activities=["green"])])
    ann = person(id="ann", interests=["administration", "green"])
    bob = person(id="bob", interests=["administration"])
    proposals = {a.participant_id: a for a in assign([ann, bob], index)}
    assert proposals["bob"].workpost_id == "OFFICE"
    assert proposals["ann"].workpost_id == "GARDEN"
    assert [m.workpost_id for m in proposals["ann"].alternatives][:1] == ["OFFICE"]


def test_assign_leaves_people_without_a_place_with_their_rank_list():
    index = WorkpostIndex.build([post("ONLY", km=1)])
    proposals = assign([person(id="a"), person(id="b")], index)
    assert sorted(str(a.workpost_id) for a in proposals) == ["None", "ONLY"]
    empty = next(a for a in proposals if a.match is None)
    assert [m.workpost_id for m in empty.alternatives] == ["ONLY"]
    assert empty.to_json()["workpost_id"] is None


def test_assign_uses_every_open_place():
    index = WorkpostIndex.build([post("BIG", km=1, capacity=3, open_places=3)])
    proposals = assign([person(id=i) for i in range(4)], index)
    assert sum(a.workpost_id == "BIG" for a in proposals) == 3


def test_weight_fitter_learns_from_outcomes():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(400, len(TERMS)))
    # people in this made-up record only start where it is close
    y = (X[:, TERMS.index("closeness")] + rng.normal(0, 0.3, 400) > 0).astype(int)
    fitter = WeightFitter(shrinkage=0.01)
    assert fitter.fit(X, y) is fitter
    learned = fitter.weights_
    assert isinstance(learned, Weights) and all(c >= 0 for c in fitter.coef_)
    assert learned.closeness == max(getattr(learned, t) for t in TERMS)
    assert fitter.predict_proba(X).shape == (400, 2)
    with pytest.raises(NotFittedError):
        WeightFitter().predict_proba(X)


def test_term_matrix_from_matches_feeds_the_fitter():
    index = WorkpostIndex.build([post("A", km=1), post("B", km=3, activities=["green"])])
    matches = index.rank(person())
    X = term_matrix(matches)
    assert X.shape == (2, len(TERMS))
    fitted = WeightFitter().fit(np.vstack([X, X]), [1, 0, 1, 0])
    assert WorkpostIndex.build([post("A")], weights=fitted.weights_).rank(person())
