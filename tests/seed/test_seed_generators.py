"""Demo data follows the real field's figures (shared/DOMAIN.md §4) and is deterministic."""
import statistics
from collections import Counter
from datetime import date

import pytest

import geo
from matcher.codes import ACTIVITIES, MODES, SLOTS, SUPPORTS
from seed import DemoPlan
from web.kbo import is_valid

TODAY = date(2026, 11, 1)


def _plan(seed=7, orgs=132, workposts=3000, participants=1500):
    return DemoPlan(seed, orgs, workposts, participants, TODAY)


@pytest.fixture(scope="module")
def data():
    plan = _plan()
    orgs = plan.organisations()
    ids = list(range(1, len(orgs) + 1))
    internal = plan.internal_workposts(orgs, ids)
    external = plan.external_workposts(3000, 0)
    people = plan.participants(orgs, ids)
    return {"orgs": orgs, "internal": internal, "external": external, "people": people}


def test_the_same_seed_gives_the_same_data():
    first, second = _plan(seed=3), _plan(seed=3)
    assert first.organisations() == second.organisations()
    assert first.external_workposts(200, 0) == second.external_workposts(200, 0)


def test_another_seed_gives_other_data():
    assert _plan(seed=3).organisations() != _plan(seed=4).organisations()


def test_supervisors_sit_in_the_provinces_as_the_real_132_do(data):
    seats = Counter(o["province"] for o in data["orgs"])
    assert seats == {"oost_vlaanderen": 34, "west_vlaanderen": 29, "vlaams_brabant": 27,
                     "antwerpen": 24, "limburg": 17, "brussels": 1}


def test_internal_and_external_mix_follows_the_study(data):
    uses = Counter(o["uses"] for o in data["orgs"])
    total = sum(uses.values())
    assert abs(uses["both"] / total - 0.536) < 0.12
    assert abs(uses["internal"] / total - 0.377) < 0.12
    assert abs(uses["external"] / total - 0.087) < 0.07
    owners = {w["organisation_id"] for w in data["internal"]}
    external_only = {i + 1 for i, o in enumerate(data["orgs"]) if o["uses"] == "external"}
    assert not owners & external_only


def test_external_workposts_include_sole_traders_and_every_sector(data):
    forms = Counter(w["legal_form"] for w in data["external"])
    share = {k: v / len(data["external"]) for k, v in forms.items()}
    assert share["sole_trader"] > 0.08
    assert {"company", "non_profit", "public_body", "de_facto_association"} <= set(forms)
    sectors = Counter(w["sector"] for w in data["external"])
    assert {"profit", "non_profit", "public", "social_economy"} <= set(sectors)


def test_tasks_follow_the_organisation_type(data):
    farms = [w for w in data["external"] if w["org_type"] == "care_farm"]
    assert farms and all(set(w["activities"]) & {"animal_care", "agriculture", "green"}
                         for w in farms)
    childcare = [w for w in data["external"] if w["org_type"] == "childcare"]
    assert all("childcare" in w["activities"] for w in childcare)


def test_enterprise_numbers_are_valid_and_absent_where_the_law_says(data):
    for w in data["external"] + data["internal"]:
        if w["legal_form"] in ("de_facto_association", "internal"):
            assert w["enterprise_number"] is None
        else:
            assert is_valid(w["enterprise_number"]), w["enterprise_number"]


def test_every_place_is_a_real_postcode_in_its_own_province(data):
    for row in data["orgs"] + data["internal"] + data["external"] + data["people"]:
        assert geo.postcode_centre(row["postcode"]).province == row["province"]
        assert row["province"] in geo.SERVICE_PROVINCES


def test_every_code_is_a_contract_code(data):
    for w in data["internal"] + data["external"]:
        assert set(w["activities"]) <= set(ACTIVITIES)
        assert set(w["offers"]) <= set(SUPPORTS)
        assert set(w["schedule"]) <= set(SLOTS)
        assert 0 <= w["open_places"] <= w["capacity"]
    for p in data["people"]:
        assert set(p["travel_modes"]) <= set(MODES) and p["travel_modes"]
        assert set(p["interests"]) | set(p["avoid"]) <= set(ACTIVITIES)
        assert set(p["needs"]) | set(p["wishes"]) <= set(SUPPORTS)


def test_hours_per_week_look_like_the_study(data):
    hours = [p["hours_per_week"] for p in data["people"]]
    assert 10.5 < statistics.mean(hours) < 14.5
    assert 0.79 < sum(h <= 19 for h in hours) / len(hours) < 0.89
    assert min(hours) >= 1 and max(hours) <= 38


def test_participants_are_pseudonymous(data):
    for p in data["people"]:
        assert p["reference"].startswith("DN-")
        assert "name" not in p
