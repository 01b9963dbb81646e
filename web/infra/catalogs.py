"""Compile the message catalogs (.po -> .mo). No Flask here: the package build itself runs
this (hatch_build.py loads this file by its path), so that `pip install .` ships an English
site, and so do `make install` and the test harness."""
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).parent.parent / "translations"


def compile_catalogs(root: Path = TRANSLATIONS, force: bool = False) -> int:
    """Compile every .po whose .mo is missing or older (every one with force); returns how
    many were written."""
    written = 0
    for po_path in sorted(root.glob("*/*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as f:
            catalog = read_po(f)
        with mo_path.open("wb") as f:
            write_mo(f, catalog)
        written += 1
    return written


if __name__ == "__main__":
    print(f"compiled {compile_catalogs()} catalog(s)")
