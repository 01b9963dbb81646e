"""Languages: Dutch first, English second; one message catalog per area of the app.

Each area keeps its own catalog under web/translations/<area>/ so that the areas can be
translated independently; Flask-Babel merges them. Message ids are the Dutch text.
"""

from flask import Flask, g, request, session
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString

from web.infra.catalogs import TRANSLATIONS, compile_catalogs  # noqa: F401  (python -m web.i18n)

LANGUAGES = ("nl", "en")


def catalog_dirs() -> list[str]:
    return sorted(str(p) for p in TRANSLATIONS.iterdir() if p.is_dir())


def translations():
    """The current locale's translations, looked up once per locale and request.

    Flask-Babel's get_translations() makes about seven context look-ups per call, and a
    page calls gettext dozens of times. The answer is kept beside Flask-Babel's own state
    (g._flask_babel) with the locale it was made for: force_locale() and refresh() set or
    drop that locale, so a changed locale is looked up again."""
    return _kept("wpw_translations", get_translations)


def locale_code() -> str:
    """str(flask_babel.get_locale()), kept the same way ("None" outside a request)."""
    return _kept("wpw_locale_code", lambda: str(get_locale()))


def _kept(key: str, make):
    if not g:
        return make()
    state = g.get("_flask_babel")
    kept = getattr(state, key, None)
    if kept is not None and kept[0] is getattr(state, "babel_locale", None):
        return kept[1]
    value = make()  # get_locale() made Flask-Babel's state and its locale
    state = g._flask_babel
    setattr(state, key, (state.babel_locale, value))
    return value


def gettext(string: str, **variables) -> str:
    """flask_babel.gettext through the kept translations (for code called per result)."""
    text = translations().ugettext(string)
    return text % variables if variables else text


def lazy_gettext(string: str, **variables) -> LazyString:
    """flask_babel.lazy_gettext through the kept translations (menus, labels)."""
    return LazyString(gettext, string, **variables)


def install(app: Flask) -> None:
    """Jinja's _() and friends through the kept translations (Flask-Babel installs its own
    in init_app; this replaces them, so call it after)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True)


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
