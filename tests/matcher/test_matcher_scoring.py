"""Each score term on its own: it moves the score the right way and is explained as the
matching reason (raised the score) or concern (lowered it)."""
import pytest

from matcher import TERMS, MatcherError, Weights, WorkpostIndex
from matcher_factories import person, post


def only(participant, workpost, **options):
    [match] = WorkpostIndex.build([workpost]).rank(participant, **options)
    return match


def codes_of(match):
    return {r.code for r in match.reasons}, {c.code for c in match.concerns}


def test_interest_codes_raise_the_score():
    liked, other = only(person(), post()), only(person(), post(activities=["green"]))
    assert liked.score > other.score
    reason = next(r for r in liked.reasons if r.code == "interest")
    assert reason.detail == "administration" and liked.terms["interest"] == 1.0
    assert "interest" not in codes_of(other)[0]


def test_interest_text_matches_dutch_compounds():
    text = person(interests_text="werkte vroeger in een fietsenwinkel, herstelt graag fietsen")
    bikes = post(name="Fietsatelier", description="fietsherstelling en onderhoud van fietsen")
    paper = post(name="Drukkerij", description="folders plooien en enveloppen vullen")
    matched = only(text, bikes)
    assert matched.score > only(text, paper).score
    reason = next(r for r in matched.reasons if r.code == "interest_text")
    # The engine quotes the person's words; the sentence is the web app's (tests/web).
    assert "fietsen" in reason.words and reason.to_json()["words"] == list(reason.words)


def test_wishes_met_and_missed():
    wishful = person(wishes=["buddy", "outdoor"])
    match = only(wishful, post(offers=["buddy"]))
    assert ("wish_met", "buddy") in {(r.code, r.detail) for r in match.reasons}
    assert ("wish_missed", "outdoor") in {(c.code, c.detail) for c in match.concerns}
    assert match.terms["wish_met"] == 0.5 and match.terms["wish_missed"] == -0.5
    assert only(wishful, post(offers=["buddy", "outdoor"])).score > match.score


def test_needs_met_is_a_reason():
    match = only(person(needs=["calm_environment"]), post(offers=["calm_environment"]))
    assert ("need_met", "calm_environment") in {(r.code, r.detail) for r in match.reasons}


def test_closeness_relative_to_own_limit():
    near, far = only(person(), post(km=0.5)), only(person(), post(km=4.6))
    assert near.score > far.score
    assert "close" in codes_of(near)[0] and "far" in codes_of(far)[1]
    close = next(r for r in near.reasons if r.code == "close")
    assert close.detail == "bike" and close.minutes == 5 and close.km == 0.5
    # the same 4.6 km is close for someone who would travel an hour
    relaxed = only(person(travel={"modes": ["bike"], "max_minutes": 90}), post(km=4.6))
    assert relaxed.score > far.score and "close" in codes_of(relaxed)[0]


def test_schedule_fit_against_hours_wanted():
    enough = only(person(hours_per_week=6), post())
    short = only(person(hours_per_week=20), post())
    assert enough.score > short.score
    assert ("schedule", "mon_am, tue_am") in {(r.code, r.detail) for r in enough.reasons}
    assert "schedule_short" in codes_of(short)[1]


def test_partly_avoided_activities_lower_the_score():
    picky = person(avoid=["kitchen"], interests=[])
    mixed = only(picky, post(activities=["kitchen", "green"]))
    clean = only(picky, post(activities=["green"]))
    assert clean.score > mixed.score
    assert ("avoid_partly", "kitchen") in {(c.code, c.detail) for c in mixed.concerns}


def test_congestion_from_shortlist_counts():
    calm = only(person(), post())
    crowded = only(person(), post(), shortlist_counts={"W-1": 4})
    assert crowded.score < calm.score
    assert crowded.terms["congestion"] == pytest.approx(-0.75)
    assert "congestion" in codes_of(crowded)[1]
    # shortlisted as often as there are places: no penalty
    assert only(person(), post(), shortlist_counts={"W-1": 1}).score == calm.score


def test_reasons_raise_and_concerns_lower():
    match = only(person(wishes=["buddy"], hours_per_week=30), post(km=4.5))
    assert match.reasons and match.concerns
    assert all(r.contribution > 0 for r in match.reasons)
    assert all(c.contribution < 0 for c in match.concerns)


def test_score_is_the_documented_sum():
    match = only(person(wishes=["buddy"]), post(offers=["buddy"]))
    w = Weights().vector()
    expected = 0.5 + 0.5 * sum(w[i] * match.terms[t] for i, t in enumerate(TERMS))
    assert match.score == pytest.approx(expected)


def test_weights_validate_and_switch_off():
    with pytest.raises(MatcherError, match="weights.interest"):
        Weights(interest=-1)
    with pytest.raises(MatcherError):
        Weights(**{t: 0 for t in TERMS})
    assert Weights().without("interest").interest == 0
    assert Weights().vector().sum() == pytest.approx(1)


def test_custom_weights_reach_the_ranking_without_changing_callers():
    # Both share the interest (the tier rule puts sharing ones first whatever the weights):
    # "liked" shares it wholly, "near" shares it with another activity.
    posts = [post("near", km=0.3, activities=["administration", "green", "kitchen", "retail"]),
             post("liked", km=4.0)]
    people = person(travel={"modes": ["bike"], "max_minutes": 30})
    by_interest = WorkpostIndex.build(posts).rank(people)
    by_distance = WorkpostIndex.build(posts, weights=Weights(
        interest=0.01, closeness=1.0)).rank(people)
    assert by_interest[0].workpost_id == "liked" and by_distance[0].workpost_id == "near"


def test_codes_and_numbers_only_and_json_shape():
    # Sentences are written by the web app (tests/web/test_match_sentences.py); the engine
    # gives codes, numbers and the person's words.
    match = only(person(), post())
    assert set(match.to_json()) == {"workpost_id", "score", "distance_km", "travel_minutes",
                                    "travel_mode", "reasons", "concerns"}
    reasons = {r.code: r for r in match.reasons}
    assert reasons["interest"].codes() == ("administration",)
    assert reasons["schedule"].codes() == ("mon_am", "tue_am")
    assert not any(hasattr(r, "text_nl") or hasattr(r, "text_en") for r in match.reasons)
