"""The contract's five suitability rules, one at a time (failed_rules names the rule)."""
import geo
from matcher import WorkpostIndex, failed_rules, is_suitable
from matcher_factories import person, post


def test_a_good_pair_is_suitable():
    assert failed_rules(person(), post()) == []


def test_rule1_needs_an_open_place():
    assert failed_rules(person(), post(open_places=0, capacity=2)) == [1]


def test_rule2_time_limit_per_mode():
    # bike: 1.25 detour at 14 km/h + 2 min: 6 km -> 34 min, over a 30-minute limit
    assert failed_rules(person(), post(km=6)) == [2]
    assert failed_rules(person(travel={"modes": ["bike"], "max_minutes": 35}), post(km=6)) == []


def test_rule2_distance_limit():
    traveller = person(travel={"modes": ["car"], "max_km": 5})
    assert failed_rules(traveller, post(km=4.9)) == []
    assert failed_rules(traveller, post(km=5.2)) == [2]


def test_rule2_any_one_mode_suffices():
    both = person(travel={"modes": ["walk", "public_transport"], "max_minutes": 30})
    # 4 km on foot is 69 min; by bus 4*1.4/20*60 + 12 = 28.8 min
    assert geo.travel_minutes(4, "walk") > 30 >= geo.travel_minutes(4, "public_transport")
    assert failed_rules(both, post(km=4)) == []


def test_rule2_no_modes_means_only_workposts_that_bring_you():
    stuck = person(travel={"modes": []})
    assert failed_rules(stuck, post(km=1)) == [2]
    assert failed_rules(stuck, post(km=1, offers=["transport_provided"])) == []


def test_rule2_transport_provided_within_its_own_radius():
    far = dict(km=40, offers=["transport_provided"])
    # Issue 15: a workpost that states no radius no longer reaches anyone at any distance.
    assert failed_rules(person(), post(**far)) == [2]
    assert failed_rules(person(), post(service_radius_km=50, **far)) == []
    assert failed_rules(person(), post(service_radius_km=30, **far)) == [2]


def test_rule2_transport_without_a_stated_radius_only_within_the_persons_own_limits():
    # bike or bus, at most 45 minutes and 20 km: the Eeklo case from issue 15
    traveller = person(travel={"modes": ["bike", "public_transport"], "max_minutes": 45,
                               "max_km": 20})
    van = dict(offers=["transport_provided"])
    assert failed_rules(traveller, post(km=42.8, **van)) == [2]
    assert failed_rules(traveller, post(km=15, **van)) == []  # driven: within 20 km, 45 min
    assert failed_rules(traveller, post(km=25, **van)) == [2]  # past 20 km
    assert failed_rules(traveller, post(km=42.8, service_radius_km=50, **van)) == []
    free = person(travel={"modes": ["bike"]})  # no limits given: any distance
    assert failed_rules(free, post(km=60, **van)) == []


def test_a_driven_trip_beyond_the_persons_limit_is_a_concern_with_distance_and_time():
    traveller = person(travel={"modes": ["bike", "public_transport"], "max_minutes": 45,
                               "max_km": 20})
    far = post("FAR", km=42.8, offers=["transport_provided"], service_radius_km=50)
    near = post("NEAR", km=12, offers=["transport_provided"], service_radius_km=50)
    matches = {m.workpost_id: m for m in
               WorkpostIndex.build([far, near]).rank(traveller, top=5)}
    [concern] = [c for c in matches["FAR"].concerns if c.code == "driven_far"]
    assert concern.km == 42.8 and concern.minutes == round(matches["FAR"].travel_minutes)
    assert concern.contribution < 0
    # The engine gives the code and the figures; tests/web/test_match_sentences.py checks
    # the sentence ("42.8 km ... verder dan de eigen grens").
    assert concern.detail == "driven"
    assert matches["FAR"].travel_mode == "driven" and matches["FAR"].distance_km > 42
    assert matches["NEAR"].travel_mode == "driven"  # too far by bike or bus, not by van
    assert not [c for c in matches["NEAR"].concerns if c.code == "driven_far"]
    assert matches["FAR"].score < matches["NEAR"].score


def test_rule2_no_limit_means_any_distance_by_own_mode():
    assert failed_rules(person(travel={"modes": ["walk"]}), post(km=60)) == []


def test_rule3_every_need_must_be_offered():
    needy = person(needs=["calm_environment", "buddy"])
    assert failed_rules(needy, post(offers=["calm_environment"])) == [3]
    assert failed_rules(needy, post(offers=["calm_environment", "buddy", "indoor"])) == []


def test_rule4_a_shared_half_day_where_both_give_slots():
    assert failed_rules(person(availability=["fri_pm"]), post()) == [4]
    assert failed_rules(person(availability=[]), post()) == []
    assert failed_rules(person(availability=["fri_pm"]), post(schedule=[])) == []


def test_rule5_not_every_activity_avoided():
    picky = person(avoid=["kitchen", "household"])
    assert failed_rules(picky, post(activities=["kitchen", "household"])) == [5]
    assert failed_rules(picky, post(activities=["kitchen", "green"])) == []
    assert failed_rules(picky, post(activities=[])) == []


def test_several_rules_are_all_reported():
    assert failed_rules(person(needs=["buddy"]), post(open_places=0, km=50)) == [1, 2, 3]


def test_index_leaves_unsuitable_workposts_out():
    posts = [post("ok"), post("full", open_places=0), post("far", km=50),
             post("loud", activities=["kitchen"]), post("friday", schedule=["fri_pm"])]
    who = person(avoid=["kitchen"])
    assert [m.workpost_id for m in WorkpostIndex.build(posts).rank(who)] == ["ok"]
    assert is_suitable(who, posts[0]) and not is_suitable(who, posts[3])
