"""Languages: Dutch first, English second; one message catalog per area of the app.

Each area keeps its own catalog under web/translations/<area>/ so that the areas can be
translated independently; Flask-Babel merges them. Message ids are the Dutch text.
"""

from flask import request, session

from web.infra.catalogs import TRANSLATIONS, compile_catalogs  # noqa: F401  (python -m web.i18n)

LANGUAGES = ("nl", "en")


def catalog_dirs() -> list[str]:
    return sorted(str(p) for p in TRANSLATIONS.iterdir() if p.is_dir())


def select_locale() -> str:
    if request.path.startswith("/api/"):
        return _api_locale()
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    asked = request.args.get("lang")
    return asked if asked in LANGUAGES else "nl"


def _api_locale() -> str:
    """A program has no language menu: ?lang first, then its Accept-Language header, then the
    site's choice (a browser that picked a language), then Dutch."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    header = request.accept_languages.best_match(LANGUAGES)
    if header:
        return header
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else "nl"


if __name__ == "__main__":
    print(f"compiled {compile_catalogs()} catalog(s)")
