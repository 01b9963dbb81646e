import csv
import io

from web.models import Workpost

HEADER = ("id,name,legal_form,sector,org_type,internal,status,postcode,municipality,province,"
          "lat,lon,activities,offers,schedule,capacity,open_places")


def _workpost(**extra):
    values = dict(legal_form="sole_trader", enterprise_number="0403520196",
                  name="Bakkerij Van Damme", sector="profit", org_type="craft_business",
                  postcode="9300", municipality="Aalst", province="oost_vlaanderen",
                  lat=50.94, lon=4.04, activities=["kitchen", "retail"],
                  offers=["calm_environment", "buddy"], schedule=["mon_am", "tue_am"],
                  capacity=2, open_places=1, status="published")
    values.update(extra)
    return Workpost(**values)


def test_export_writes_the_contract_columns_with_lists_joined_by_semicolons(runner, db_session):
    db_session.add(_workpost())
    db_session.commit()
    result = runner.invoke(args=["export", "workposts", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == HEADER
    row = next(csv.DictReader(io.StringIO(result.output)))
    assert row["name"] == "Bakkerij Van Damme"
    assert row["activities"] == "kitchen;retail"
    assert row["offers"] == "calm_environment;buddy"
    assert row["internal"] == "false"
    assert row["open_places"] == "1"


def test_export_can_limit_to_a_status(runner, db_session):
    db_session.add_all([_workpost(), _workpost(name="Garage Peeters", status="withdrawn")])
    db_session.commit()
    result = runner.invoke(args=["export", "workposts", "--status", "withdrawn"])
    names = [row["name"] for row in csv.DictReader(io.StringIO(result.output))]
    assert names == ["Garage Peeters"]


def test_export_turns_business_text_that_looks_like_a_formula_into_text(runner, db_session):
    hostile = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)",
               "\t=1"]
    db_session.add_all([_workpost(name=name) for name in hostile])
    db_session.commit()
    result = runner.invoke(args=["export", "workposts"])
    names = [row["name"] for row in csv.DictReader(io.StringIO(result.output, newline=""))]
    assert names == ["'" + name for name in hostile]
    assert all(row["lat"] == "50.94" for row in csv.DictReader(io.StringIO(result.output)))


def test_every_formula_start_is_neutralised_and_numbers_stay_numbers():
    from web.infra.csvfile import safe_cell

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(start + "1") == "'" + start + "1"
    assert safe_cell("Bakkerij = goed") == "Bakkerij = goed"
    assert safe_cell(-3) == -3 and safe_cell(50.94) == 50.94
