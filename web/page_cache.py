"""Rendered public directory pages, kept per process for PAGE_CACHE_SECONDS.

The directory is read far more often than it changes, and every visitor without a session
of their own sees the same page for the same address, language and reading mode. A change
to a workpost or an organisation clears this process's pages at once; other worker processes
pick it up within PAGE_CACHE_SECONDS (300 by default; 0 switches caching off), the same
freshness the public API promises with its Cache-Control header (max-age=300).

Never cached: staff (a logged-in session), a page with a message to show, and anything
that is not a full 200 page.
"""
from flask import Flask, has_app_context, request, session
from flask_babel import get_locale
from flask_caching import Cache
from sqlalchemy import event
from sqlalchemy.orm import Session

cache = Cache()
# Changes to these tables change what the directory shows.
DIRECTORY_TABLES = {"workposts", "organisations", "organisation_regions"}


def init_app(app: Flask) -> None:
    seconds = int(app.config.get("PAGE_CACHE_SECONDS", 300))
    cache.init_app(app, config={
        "CACHE_TYPE": "SimpleCache" if seconds > 0 else "NullCache",
        "CACHE_DEFAULT_TIMEOUT": seconds, "CACHE_THRESHOLD": 2000, "CACHE_NO_NULL_WARNING": True})


def _personal() -> bool:
    return "_user_id" in session or "_flashes" in session


def _key(*_view_args, **_view_kwargs) -> str:
    return f"page:{get_locale()}:{int(bool(session.get('easy_read')))}:{request.full_path}"


def cached_page(view):
    """Cache a public GET view's rendered page (views return the HTML text)."""
    return cache.cached(make_cache_key=_key, unless=_personal,
                        response_filter=lambda value: isinstance(value, str))(view)


def _touches_directory(session_: Session) -> bool:
    return any(getattr(obj, "__tablename__", None) in DIRECTORY_TABLES
               for obj in (*session_.new, *session_.dirty, *session_.deleted))


@event.listens_for(Session, "after_flush")
def _note_change(session_: Session, _context) -> None:
    if _touches_directory(session_):
        session_.info["directory_changed"] = True


@event.listens_for(Session, "after_commit")
def _forget_pages(session_: Session) -> None:
    if session_.info.pop("directory_changed", False) and has_app_context():
        cache.clear()


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_change(state) -> None:
    # UPDATE ... statements (say, taking the last open place) bypass the flush.
    if (state.is_update or state.is_delete) and state.bind_mapper is not None \
            and state.bind_mapper.local_table.name in DIRECTORY_TABLES:
        state.session.info["directory_changed"] = True
