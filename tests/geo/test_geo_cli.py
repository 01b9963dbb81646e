"""python -m geo, run as a user would, and geo's independence from the web app."""
import json
import subprocess
import sys


def _run(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True,
                          text=True, timeout=60)


def test_lookup_prints_postcode_places_municipality_province_and_coordinates():
    result = _run("lookup", "9000")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["postcode"] == "9000" and data["places"][0] == "Gent"
    assert (data["municipality"], data["province"], data["province_name"], data["region"]) == (
        "Gent", "oost_vlaanderen", "Oost-Vlaanderen", "flanders")
    assert 51.0 < data["lat"] < 51.1 and 3.6 < data["lon"] < 3.8


def test_search_prints_matching_places():
    result = _run("search", "gent")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["postcode"] == "9000"


def test_nearest_prints_the_closest_place():
    result = _run("nearest", "51.05", "3.72")
    assert result.returncode == 0
    assert json.loads(result.stdout)["municipality"] == "Gent"


def test_unknown_postcode_exits_2_with_one_line_on_stderr():
    for postcode in ("0000", "12345"):
        result = _run("lookup", postcode)
        assert result.returncode == 2 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and "postcode" in result.stderr


def test_bad_arguments_exit_2():
    assert _run().returncode == 2
    assert _run("nearest", "north", "east").returncode == 2


def test_geo_imports_neither_flask_nor_the_web_app():
    code = ("import sys, geo, geo.build, geo.__main__; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'web')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
