"""WorkpostIndex: changes visible at once, merges, filters, exclusions, estimator style."""
import pytest
from sklearn.exceptions import NotFittedError

from matcher import MatcherError, WorkpostIndex, rank
from matcher.text import TextFeatures
from matcher_factories import person, post


def ids(matches):
    return [m.workpost_id for m in matches]


def many(n=30):
    return [post(f"W-{i}", km=0.2 + i * 0.15, activities=["administration", "green"][i % 2:])
            for i in range(n)]


def test_fit_returns_self_and_sets_trailing_underscore_attributes():
    index = WorkpostIndex()
    assert index.fit(many()) is index
    assert hasattr(index, "main_") and hasattr(index, "text_features_") and len(index) == 30
    with pytest.raises(NotFittedError):
        WorkpostIndex().rank(person())


def test_add_update_remove_are_visible_in_the_next_ranking():
    index = WorkpostIndex.build(many())
    index.add(post("NEW", km=0.01, offers=["buddy"]))
    assert ids(index.rank(person(), top=1)) == ["NEW"]
    index.update(post("NEW", km=0.01, open_places=0))
    assert "NEW" not in ids(index.rank(person(), top=50))
    index.update(post("W-3", km=0.01))
    assert ids(index.rank(person(), top=1)) == ["W-3"]
    assert index.remove("W-3") and not index.remove("W-3")
    assert "W-3" not in ids(index.rank(person(), top=50)) and len(index) == 30


def test_adding_an_existing_id_is_an_error():
    index = WorkpostIndex.build(many(3))
    with pytest.raises(MatcherError, match="already in the index"):
        index.add(post("W-1"))


def test_delta_and_merge_give_the_same_ranking_as_a_fresh_build():
    posts = many(40)
    fresh = WorkpostIndex.build(posts).rank(person(), top=40)
    grown = WorkpostIndex(merge_every=7).fit(posts[:5])
    grown.text_features_ = WorkpostIndex.build(posts).text_features_  # same idf as fresh
    for workpost in posts[5:]:
        grown.add(workpost)
    assert len(grown.delta_) < 7 and len(grown) == 40
    assert [(m.workpost_id, round(m.score, 9)) for m in grown.rank(person(), top=40)] == \
        [(m.workpost_id, round(m.score, 9)) for m in fresh]


def test_compact_keeps_results():
    index = WorkpostIndex.build(many())
    index.add(post("NEW", km=0.01))
    index.remove("W-2")
    before = ids(index.rank(person(), top=50))
    index.compact()
    assert len(index.delta_) == 0 and ids(index.rank(person(), top=50)) == before


def test_exclude_ids_and_top():
    index = WorkpostIndex.build(many())
    first = ids(index.rank(person(), top=3))
    assert len(first) == 3
    assert first[0] not in ids(index.rank(person(), top=3, exclude_ids={first[0]}))
    with pytest.raises(MatcherError, match="top"):
        index.rank(person(), top=0)


def test_a_resolved_exclusion_ranks_as_the_plain_ids_and_survives_changes():
    index = WorkpostIndex.build(many())
    left_out = ["W-0", "W-1", "W-4", "missing"]
    exclusion = index.exclusion(left_out)
    assert ids(index.rank(person(), top=50, exclude_ids=exclusion)) == \
        ids(index.rank(person(), top=50, exclude_ids=left_out))
    # After a change moves W-4 into the delta, the stale exclusion is resolved again.
    index.update(post("W-4", km=0.01))
    index.add(post("NEW", km=0.02))
    assert "W-4" not in ids(index.rank(person(), top=50, exclude_ids=exclusion))
    combined = index.exclusion(["NEW"], base=exclusion)
    ranked = ids(index.rank(person(), top=50, exclude_ids=combined))
    assert not {"W-0", "W-1", "W-4", "NEW"} & set(ranked) and len(ranked) == 27


def test_filters_activity_internal_and_radius():
    posts = [post("in", km=1, internal=True), post("out", km=2),
             post("green", km=3, activities=["green"])]
    index = WorkpostIndex.build(posts)
    assert set(ids(index.rank(person(), filters={"internal": True}))) == {"in"}
    assert set(ids(index.rank(person(), filters={"internal": False}))) == {"out", "green"}
    assert ids(index.rank(person(), filters={"activities": ["green"]})) == ["green"]
    assert set(ids(index.rank(person(), filters={"max_km": 2.5}))) == {"in", "out"}
    with pytest.raises(MatcherError, match="filters.activities"):
        index.rank(person(), filters={"activities": ["gardening"]})


def test_integer_ids_are_kept_as_given():
    matches = rank(person(), [post(12, km=1), post(7, km=2)])
    assert ids(matches) == [12, 7] and isinstance(matches[0].to_json()["workpost_id"], int)


def test_transport_provided_reaches_beyond_the_persons_own_reach():
    posts = many(5) + [post("VAN", km=25, offers=["transport_provided"], service_radius_km=30)]
    found = {m.workpost_id: m for m in WorkpostIndex.build(posts).rank(person(), top=10)}
    assert found["VAN"].travel_mode == "driven"


def test_empty_index_ranks_nothing():
    assert WorkpostIndex.build([]).rank(person()) == []


def test_text_features_follow_sklearn_conventions():
    features = TextFeatures(top_k=8)
    assert features.fit(["kringwinkel sorteren", "fietsatelier"]) is features
    columns, weights = features.transform(["kringwinkel"])
    assert columns.shape == weights.shape == (1, 8) and features.get_params()["top_k"] == 8
    assert abs(float((weights.astype(float) ** 2).sum()) - 1) < 1e-2
    with pytest.raises(NotFittedError):
        TextFeatures().transform(["x"])


def test_memory_estimate_is_positive():
    assert WorkpostIndex.build(many()).nbytes() > 0
