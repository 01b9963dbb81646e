"""Configuration from the environment; every setting has a safe development default."""
import os
import secrets
from pathlib import Path


def _instance_path() -> Path:
    return Path(os.environ.get("WPW_INSTANCE", Path.cwd() / "instance"))


def _database_url(instance: Path) -> str:
    url = os.environ.get("DATABASE_URL", f"sqlite:///{instance / 'werkpostwijzer.db'}")
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants an explicit driver.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _secret_key(instance: Path) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    # Development: keep one random key per instance so that sessions and links survive restarts.
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def _pool_size(url: str) -> dict:
    """Connections per worker. PostgreSQL allows 100 by default: 2 hosts x 4 workers x
    (5 + 5 overflow) = 80 leaves room for migrations, cron and psql."""
    if not url.startswith("postgresql"):
        return {}
    return {"pool_size": int(os.environ.get("DB_POOL_SIZE", "5")),
            "max_overflow": int(os.environ.get("DB_MAX_OVERFLOW", "5"))}


def from_environment() -> dict:
    instance = _instance_path()
    url = _database_url(instance)
    return {
        "INSTANCE_DIR": str(instance),
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY_FROM_ENVIRONMENT": bool(os.environ.get("SECRET_KEY")),
        # hide_parameters: a database error names the statement, never the values, so the
        # error log (app.logger.exception) gets no participant's reference or notes.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True,
                                      **_pool_size(url)},
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "LANGUAGES": ("nl", "en"),
        "WTF_CSRF_TIME_LIMIT": None,
        # "production" (set by gunicorn.conf.py) refuses to start without what several hosts
        # must share; see web/topology.py.
        "ENVIRONMENT": os.environ.get("WPW_ENV", "development"),
        # Worker processes serving this app on this host (gunicorn.conf.py sets it).
        "WORKERS": int(os.environ.get("WPW_WORKERS", "1")),
        # Redis shared by every worker and host: rate limits and kept directory pages.
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI")
        or os.environ.get("REDIS_URL") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        # Public directory pages are kept this long per worker process (0: not at all).
        "PAGE_CACHE_SECONDS": int(os.environ.get("PAGE_CACHE_SECONDS", "300")),
        # An unfinished sign-up is kept this long after its last step.
        "SIGNUP_DRAFT_HOURS": int(os.environ.get("SIGNUP_DRAFT_HOURS", "24")),
        # A personal API token works this many days; then its owner makes a new one.
        "API_TOKEN_DAYS": int(os.environ.get("API_TOKEN_DAYS", "90")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "25")),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": os.environ.get("MAIL_USE_TLS", "0") == "1",
        "MAIL_SENDER": os.environ.get("MAIL_SENDER", "Werkpostwijzer <noreply@werkpostwijzer.be>"),
        "MAIL_OUTBOX": os.environ.get("MAIL_OUTBOX", str(instance / "outbox")),
        # Deliver a request's mail before its response rather than after (the tests).
        "MAIL_DELIVER_INLINE": False,
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000"),
        # How many reverse proxies stand in front; rate limits need the real client address.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        "GEOCODER": os.environ.get("GEOCODER", "postcode"),
        "GEOCODER_USER_AGENT": os.environ.get("GEOCODER_USER_AGENT", "werkpostwijzer"),
        "MAP_TILE_URL": os.environ.get(
            "MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        ),
        "MAP_TILE_ATTRIBUTION": os.environ.get(
            "MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors"
        ),
    }
