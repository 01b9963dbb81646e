"""Public directory pages are kept per process (PAGE_CACHE_SECONDS), but a change shows at
once, each language and reading mode has its own copy, and staff or a page with a message
never get a kept page."""
import pytest
from harness import log_in
from sqlalchemy import update
from factories import make_directory_world
from factories import make_user

from web.extensions import db
from web.models import Workpost


@pytest.fixture()
def cached(fresh_app):
    app = fresh_app(PAGE_CACHE_SECONDS=300)
    with app.app_context():
        world = make_directory_world(db.session)
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


REDIS_URL = "redis://127.0.0.1:6379/0"


def _second_worker(first, **extra):
    """A second app on the same database and Redis, as a second gunicorn worker would be."""
    from web import create_app

    keys = ("TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "INSTANCE_DIR", "MAIL_OUTBOX",
            "MAIL_SERVER", "WTF_CSRF_ENABLED", "RATELIMIT_ENABLED", "PUBLIC_URL",
            "PAGE_CACHE_SECONDS", "REDIS_URL", "CACHE_KEY_PREFIX")
    return create_app({**{key: first.config[key] for key in keys}, **extra})


@pytest.fixture()
def shared(fresh_app):
    import uuid

    pytest.importorskip("redis").Redis.from_url(REDIS_URL).ping()
    app = fresh_app(PAGE_CACHE_SECONDS=300, REDIS_URL=REDIS_URL,
                    CACHE_KEY_PREFIX=f"wpw-test-{uuid.uuid4().hex[:8]}:")
    with app.app_context():
        world = make_directory_world(db.session)
        db.session.commit()
        ids = {"garden": world["garden"].id}
    second = _second_worker(app)
    yield app, second, ids
    with second.app_context():
        db.engine.dispose()


def test_workers_share_kept_pages_through_redis(shared):
    first, second, ids = shared
    url = "/werkposten/limburg/hasselt"
    assert "Moestuin De Kruidenhof" in _html(first.test_client(), url)
    _rename_behind_the_apps_back(first, ids["garden"], "Stadstuin Nieuw")
    # The second worker serves the page the first one made: it never asked the database.
    assert "Moestuin De Kruidenhof" in _html(second.test_client(), url)


def test_a_change_in_one_worker_retires_every_workers_pages(shared):
    first, second, ids = shared
    url = "/werkposten/limburg/hasselt"
    for worker in (first, second):
        assert "Moestuin De Kruidenhof" in _html(worker.test_client(), url)
    with first.app_context():
        db.session.get(Workpost, ids["garden"]).name = "Kruidentuin Hasselt"
        db.session.commit()
    for worker in (second, first):
        assert "Kruidentuin Hasselt" in _html(worker.test_client(), url)
