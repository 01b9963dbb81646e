"""Public directory pages are kept per process (PAGE_CACHE_SECONDS), but a change shows at
once, each language and reading mode has its own copy, and staff or a page with a message
never get a kept page."""
import pytest
from harness import log_in
from sqlalchemy import update
from test_directory_factories import make_world
from test_workspace_factories import make_user

from web.extensions import db
from web.models import Workpost


@pytest.fixture()
def cached(fresh_app):
    app = fresh_app(PAGE_CACHE_SECONDS=300)
    with app.app_context():
        world = make_world(db.session)
        db.session.commit()
        ids = {"garden": world["garden"].id}
    return app, ids


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _rename_behind_the_apps_back(app, workpost_id, name):
    """A change made by another process: this process's pages do not hear of it."""
    with app.app_context(), db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE workposts SET name = ? WHERE id = ?"
                                   if connection.dialect.name == "sqlite" else
                                   "UPDATE workposts SET name = %s WHERE id = %s",
                                   (name, workpost_id))


def test_a_page_is_served_again_from_memory(cached):
    app, ids = cached
    client = app.test_client()
    detail = f"/werkposten/{ids['garden']}-moestuin-de-kruidenhof"
    for url in ("/werkposten/limburg/hasselt", detail):
        assert "Moestuin De Kruidenhof" in _html(client, url)
    _rename_behind_the_apps_back(app, ids["garden"], "Stadstuin Nieuw")
    for url in ("/werkposten/limburg/hasselt", detail):
        assert "Moestuin De Kruidenhof" in _html(client, url)
    # A page never shown before is made from the database.
    assert "Stadstuin Nieuw" in _html(client, "/werkposten/limburg")


def test_a_change_through_the_app_shows_at_once(cached):
    app, ids = cached
    client = app.test_client()
    assert "Moestuin De Kruidenhof" in _html(client, "/werkposten/limburg/hasselt")
    with app.app_context():
        db.session.get(Workpost, ids["garden"]).name = "Kruidentuin Hasselt"
        db.session.commit()
    assert "Kruidentuin Hasselt" in _html(client, "/werkposten/limburg/hasselt")


def test_a_bulk_update_of_open_places_shows_at_once(cached):
    app, ids = cached
    client = app.test_client()
    url = "/werkposten/limburg/hasselt"
    _html(client, url)
    with app.app_context():
        db.session.execute(update(Workpost).where(Workpost.id == ids["garden"])
                           .values(status="paused"))
        db.session.commit()
    assert "Moestuin De Kruidenhof" not in _html(client, url)


def test_each_language_and_reading_mode_has_its_own_copy(cached):
    app, _ids = cached
    client = app.test_client()
    dutch = _html(client, "/werkposten")
    client.get("/makkelijk-lezen/aan?next=/werkposten")
    easy = _html(client, "/werkposten")
    client.get("/taal/en?next=/werkposten")
    english_easy = _html(client, "/werkposten")
    assert 'lang="nl"' in dutch and "easy-read" not in dutch.split("<body", 1)[1][:80]
    assert "easy-read" in easy.split("<body", 1)[1][:80]
    assert 'lang="en"' in english_easy and "easy-read" in english_easy.split("<body", 1)[1][:80]
    other = app.test_client()
    assert _html(other, "/werkposten") == dutch  # a new visitor gets the plain Dutch copy


def test_staff_never_get_a_kept_page(cached):
    app, ids = cached
    visitor, staff = app.test_client(), app.test_client()
    _html(visitor, "/werkposten/limburg/hasselt")
    with app.app_context():
        user = make_user(db.session, None, role="platform_admin", email="root@example.be")
        db.session.commit()
        log_in(staff, user)
    _rename_behind_the_apps_back(app, ids["garden"], "Stadstuin Nieuw")
    assert "Stadstuin Nieuw" in _html(staff, "/werkposten/limburg/hasselt")
    assert "Moestuin De Kruidenhof" in _html(visitor, "/werkposten/limburg/hasselt")


def test_a_wrong_search_is_answered_but_not_a_not_found_page(cached):
    app, _ids = cached
    client = app.test_client()
    html = _html(client, "/werkposten/in-de-buurt?postcode=0000")
    assert "postcode" in html.lower()
    assert client.get("/werkposten/nergens").status_code == 404
    assert client.get("/werkposten/nergens").status_code == 404
