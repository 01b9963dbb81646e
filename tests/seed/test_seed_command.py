"""`flask seed demo` against the real database."""
from sqlalchemy import func, select

from web.models import Organisation, User, Workpost


def _count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def test_seed_demo_fills_the_database_and_prints_the_logins(runner, db_session):
    result = runner.invoke(args=["seed", "demo", "--orgs", "6", "--workposts", "60",
                                 "--participants", "20", "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert _count(db_session, Organisation) == 6
    assert _count(db_session, Workpost) == 60
    assert "werkpostwijzer-demo" in result.output
    assert "beheer@demo.werkpostwijzer.be" in result.output
    assert _count(db_session, User) > 6


def test_if_empty_leaves_an_existing_database_alone(runner, db_session):
    runner.invoke(args=["seed", "demo", "--orgs", "3", "--workposts", "10",
                        "--participants", "5"])
    again = runner.invoke(args=["seed", "demo", "--orgs", "3", "--workposts", "10",
                                "--participants", "5", "--if-empty"])
    assert again.exit_code == 0
    assert _count(db_session, Organisation) == 3
    assert "Demo-aanmeldingen" in again.output


def test_reset_replaces_the_data(runner, db_session):
    runner.invoke(args=["seed", "demo", "--orgs", "3", "--workposts", "10", "--participants", "5"])
    result = runner.invoke(args=["seed", "demo", "--orgs", "4", "--workposts", "12",
                                 "--participants", "5", "--reset"])
    assert result.exit_code == 0, result.output
    assert _count(db_session, Organisation) == 4


def test_a_negative_size_is_refused_and_writes_nothing(runner, db_session):
    result = runner.invoke(args=["seed", "demo", "--workposts", "-5"])
    assert result.exit_code == 2
    assert "--workposts" in result.output
    assert _count(db_session, Organisation) == 0
