"""Languages: Dutch first, English second; one message catalog per area of the app.

Each area keeps its own catalog under web/translations/<area>/ so that the areas can be
translated independently; Flask-Babel merges them. Message ids are the Dutch text.
"""
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import request, session

LANGUAGES = ("nl", "en")
TRANSLATIONS = Path(__file__).parent / "translations"


def catalog_dirs() -> list[str]:
    return sorted(str(p) for p in TRANSLATIONS.iterdir() if p.is_dir())


def compile_catalogs(root: Path = TRANSLATIONS) -> int:
    """Compile every .po whose .mo is missing or older; returns how many were written."""
    written = 0
    for po_path in root.glob("*/*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as f:
            catalog = read_po(f)
        with mo_path.open("wb") as f:
            write_mo(f, catalog)
        written += 1
    return written


def select_locale() -> str:
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    asked = request.args.get("lang")
    return asked if asked in LANGUAGES else "nl"


if __name__ == "__main__":
    print(f"compiled {compile_catalogs()} catalog(s)")
