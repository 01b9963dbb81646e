"""Properties that must hold for any input (hypothesis), and the ablation test."""
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from matcher import Participant, Workpost, WorkpostIndex, codes, failed_rules
from matcher.scoring import TERMS, Weights, combine

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
PHRASES = ["houdt van koken en afwassen", "werkte in een kringwinkel", "fietsen herstellen",
           "dieren verzorgen op de boerderij", "administratie en klasseren", "", "tuinieren",
           "graag buiten in het groen", "documenten scannen op de computer"]
TERM_OF = {"interest": "interest", "interest_text": "interest_text", "wish_met": "wish_met",
           "need_met": "need_met", "close": "closeness", "schedule": "schedule",
           "wish_missed": "wish_missed", "far": "closeness", "driven_far": "closeness",
           "schedule_short": "schedule",
           "avoid_partly": "avoid", "congestion": "congestion",
           "interest_words": "interest_words", "wish_words": "wish_words",
           "avoid_words": "avoid_words"}


def subset(universe, max_size):
    return st.lists(st.sampled_from(universe), max_size=max_size, unique=True)


near_gent = st.fixed_dictionaries({"lat": st.floats(50.95, 51.15), "lon": st.floats(3.55, 3.9)})

workposts = st.lists(st.builds(
    dict, location=near_gent, activities=subset(codes.ACTIVITIES[:8], 3),
    offers=subset(codes.SUPPORTS[:6] + ("transport_provided",), 4),
    schedule=subset(codes.SLOTS[:6], 4), capacity=st.integers(1, 3),
    open_places=st.integers(0, 3), description=st.sampled_from(PHRASES),
    service_radius_km=st.one_of(st.none(), st.floats(1, 30)),
), min_size=1, max_size=12).map(
    lambda items: [Workpost(id=f"W-{i}", **item) for i, item in enumerate(items)])

participants = st.builds(
    lambda **kw: Participant(id="P", **kw), location=near_gent,
    travel=st.fixed_dictionaries({
        "modes": subset(codes.MODES, 3),
        "max_minutes": st.one_of(st.none(), st.floats(5, 60)),
        "max_km": st.one_of(st.none(), st.floats(1, 20))}),
    interests=subset(codes.ACTIVITIES[:8], 3), avoid=subset(codes.ACTIVITIES[:8], 2),
    needs=subset(codes.SUPPORTS[:6], 1), wishes=subset(codes.SUPPORTS[:6], 2),
    availability=subset(codes.SLOTS[:6], 4), interests_text=st.sampled_from(PHRASES),
    hours_per_week=st.one_of(st.none(), st.floats(1, 30)))

counts = st.dictionaries(st.sampled_from([f"W-{i}" for i in range(12)]), st.integers(0, 5))


def signature(matches):
    return [(m.workpost_id, m.score, m.travel_mode, m.reasons, m.concerns) for m in matches]


@SETTINGS
@given(participants, workposts)
def test_returns_exactly_the_suitable_workposts(person, posts):
    found = WorkpostIndex.build(posts).rank(person, top=len(posts))
    assert all(failed_rules(person, posts[int(m.workpost_id[2:])]) == [] for m in found)
    assert {m.workpost_id for m in found} == {w.id for w in posts if not failed_rules(person, w)}


@SETTINGS
@given(participants, workposts, counts)
def test_scores_are_within_0_and_1_and_sorted(person, posts, shortlisted):
    # Sorted by score within each tier: workposts sharing one of the person's interests
    # (codes, or codes read from their words) come before those sharing none.
    found = WorkpostIndex.build(posts).rank(person, top=len(posts), shortlist_counts=shortlisted)
    assert all(0.0 <= m.score <= 1.0 for m in found)
    order = [(m.shares_interest, m.score) for m in found]
    assert order == sorted(order, reverse=True)
    for m in found:
        if set(person.interests) & set(posts[int(m.workpost_id[2:])].activities):
            assert m.shares_interest


@SETTINGS
@given(participants, workposts, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(person, posts, rnd: random.Random):
    shuffled = list(posts)
    rnd.shuffle(shuffled)
    first = WorkpostIndex.build(posts).rank(person, top=5)
    assert signature(WorkpostIndex.build(shuffled).rank(person, top=5)) == signature(first)


@SETTINGS
@given(participants, workposts)
def test_deterministic(person, posts):
    index = WorkpostIndex.build(posts)
    assert signature(index.rank(person)) == signature(index.rank(person))
    assert signature(WorkpostIndex.build(posts).rank(person)) == signature(index.rank(person))


@SETTINGS
@given(participants, workposts, counts)
def test_ablation_each_reason_raised_and_each_concern_lowered(person, posts, shortlisted):
    weights = Weights()
    for match in WorkpostIndex.build(posts).rank(person, shortlist_counts=shortlisted):
        terms = {t: match.terms[t] for t in TERMS}
        for reason in match.reasons:
            assert combine({**terms, TERM_OF[reason.code]: 0.0}, weights) < match.score
        for concern in match.concerns:
            assert combine({**terms, TERM_OF[concern.code]: 0.0}, weights) > match.score


def _without(person, **changes):
    values = {f: getattr(person, f) for f in Participant.__dataclass_fields__}
    return Participant(**{**values, **changes})


@SETTINGS
@given(participants, workposts)
def test_ablation_removing_the_criterion_from_the_input_lowers_the_score(person, posts):
    index = WorkpostIndex.build(posts)
    for match in index.rank(person, top=3):
        for reason in match.reasons:
            shared = set(reason.detail.split(", "))
            changed = {"interest": {"interests": [i for i in person.interests
                                                  if i not in shared]},
                       "interest_text": {"interests_text": ""},
                       "interest_words": {"interests_text": ""},
                       "wish_met": {"wishes": [w for w in person.wishes if w not in shared]},
                       "need_met": {"needs": []}}.get(reason.code)
            if changed is None:
                continue
            again = {m.workpost_id: m.score
                     for m in index.rank(_without(person, **changed), top=len(posts))}
            assert again[match.workpost_id] < match.score
