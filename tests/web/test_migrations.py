"""The schema comes from the migrations, on SQLite and PostgreSQL alike."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from web.extensions import db
from web.models import Base


def test_migrations_build_every_table_of_the_model_from_empty(fresh_app):
    app = fresh_app()
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_migrations_go_down_to_empty_and_up_again(fresh_app):
    app = fresh_app()
    with app.app_context():
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert "workposts" in inspect(db.engine).get_table_names()


def test_the_model_and_the_migrations_agree(fresh_app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    app = fresh_app()
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
