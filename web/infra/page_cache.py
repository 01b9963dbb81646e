"""Rendered public directory pages, kept for PAGE_CACHE_SECONDS and shared by every worker.

The directory is read far more often than it changes, and every visitor without a session
of their own sees the same page for the same address, language and reading mode.

Pages live in the cache store: Redis when REDIS_URL is set (every worker of every host shares
them), otherwise this process's memory (the embedded default, one worker). Each page's key
holds a generation number kept in the same store; a committed change to a workpost or an
organisation bumps it, so every worker that shares the store stops serving the older pages at
once, and nobody ever deletes keys one by one. A change made outside the app (raw SQL) is seen
after PAGE_CACHE_SECONDS at most (300 by default; 0 switches caching off), the freshness the
public API promises with its Cache-Control header (max-age=300).

Never cached: staff (a logged-in session), a page with a message to show, and anything
that is not a full 200 page.
"""
import logging

from flask import Flask, current_app, has_app_context, request, session
from flask_babel import get_locale
from flask_caching import Cache
from sqlalchemy import event
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)
cache = Cache()
# Changes to these tables change what the directory shows.
DIRECTORY_TABLES = {"workposts", "organisations", "organisation_regions"}
GENERATION_KEY = "page:generation"


def store_config(app: Flask) -> dict:
    """Flask-Caching settings: Redis when REDIS_URL is set, this process's memory otherwise."""
    seconds = int(app.config.get("PAGE_CACHE_SECONDS", 300))
    common = {"CACHE_DEFAULT_TIMEOUT": seconds, "CACHE_NO_NULL_WARNING": True}
    if seconds <= 0:
        return {**common, "CACHE_TYPE": "NullCache"}
    if app.config.get("REDIS_URL"):
        return {**common, "CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": app.config["REDIS_URL"],
                "CACHE_KEY_PREFIX": app.config.get("CACHE_KEY_PREFIX", "wpw:")}
    return {**common, "CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000}


def init_app(app: Flask) -> None:
    cache.init_app(app, config=store_config(app))


def is_shared(app: Flask) -> bool:
    """True when every worker sees the same pages (or none are kept)."""
    return store_config(app)["CACHE_TYPE"] in {"RedisCache", "NullCache"}


def _personal() -> bool:
    return "_user_id" in session or "_flashes" in session


def _generation() -> int:
    return int(cache.get(GENERATION_KEY) or 0)


def _key(*_view_args, **_view_kwargs) -> str:
    return (f"page:{_generation()}:{get_locale()}:{int(bool(session.get('easy_read')))}:"
            f"{request.full_path}")


def cached_page(view):
    """Cache a public GET view's rendered page (views return the HTML text)."""
    return cache.cached(make_cache_key=_key, unless=_personal,
                        response_filter=lambda value: isinstance(value, str))(view)


def bump_generation() -> None:
    """Retire every kept page, in every worker that shares the store."""
    try:
        value = cache.cache.inc(GENERATION_KEY)
        if value is not None and store_config(current_app)["CACHE_TYPE"] != "RedisCache":
            # In memory inc() gives the number the pages' lifetime; it must outlive them.
            cache.set(GENERATION_KEY, value, timeout=0)
    except Exception:  # the change is committed; a cache outage must not turn it into an error
        logger.exception("could not retire the kept directory pages")


def _touches_directory(session_: Session) -> bool:
    return any(getattr(obj, "__tablename__", None) in DIRECTORY_TABLES
               for obj in (*session_.new, *session_.dirty, *session_.deleted))


@event.listens_for(Session, "after_flush")
def _note_change(session_: Session, _context) -> None:
    if _touches_directory(session_):
        session_.info["directory_changed"] = True


@event.listens_for(Session, "after_commit")
def _forget_pages(session_: Session) -> None:
    if session_.info.pop("directory_changed", False) and has_app_context() \
            and current_app.extensions.get("cache"):
        bump_generation()


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_change(state) -> None:
    # UPDATE ... statements (say, taking the last open place) bypass the flush.
    if (state.is_update or state.is_delete) and state.bind_mapper is not None \
            and state.bind_mapper.local_table.name in DIRECTORY_TABLES:
        state.session.info["directory_changed"] = True
