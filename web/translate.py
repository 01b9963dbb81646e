"""Keep the English catalogs in step with the Dutch source text.

    python -m web.translate update [AREA ...]   extract strings into each area's catalog
    python -m web.translate missing             list Dutch strings without English
    python -m web.translate fill AREA FILE.json  set English texts from {"Dutch": "English"}

An area is a blueprint package (web/<area>/ with web/templates/<area>/); "shell" is the
rest: the layout, error pages, models, forms and helpers shared by every area.
"""
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

WEB = Path(__file__).parent
CATALOGS = WEB / "translations"
METHODS = {".py": "python", ".html": "jinja2.ext:babel_extract"}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None,
            "pgettext": ((1, "c"), 2)}


def areas() -> list[str]:
    found = {p.parent.name for p in CATALOGS.glob("*/en")}
    found.update(p.name for p in WEB.iterdir() if (p / "__init__.py").exists()
                 and (p / "routes.py").exists())
    found.add("shell")
    return sorted(found)


def area_files(area: str) -> list[Path]:
    if area != "shell":
        return sorted([*(WEB / area).rglob("*.py"), *(WEB / "templates" / area).rglob("*.html")])
    owned = set(areas()) - {"shell"}
    files = [p for p in WEB.rglob("*.py") if p.relative_to(WEB).parts[0] not in owned
             and "migrations" not in p.parts]
    templates = [p for p in (WEB / "templates").rglob("*.html")
                 if p.relative_to(WEB / "templates").parts[0] not in owned]
    return sorted(files + templates)


def extract(area: str) -> Catalog:
    catalog = Catalog(locale="en", project="Werkpostwijzer", fuzzy=False)
    for path in area_files(area):
        method = METHODS.get(path.suffix)
        for lineno, message, comments, context in extract_from_file(
            method, str(path), keywords=KEYWORDS, options={"trimmed": "true"}
        ):
            catalog.add(message, locations=[(str(path.relative_to(WEB)), lineno)],
                        auto_comments=comments, context=context)
    return catalog


def po_path(area: str) -> Path:
    return CATALOGS / area / "en" / "LC_MESSAGES" / "messages.po"


def update(area: str) -> tuple[int, int]:
    template = extract(area)
    path = po_path(area)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale="en")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = template
    with path.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, sort_output=False)
    missing = sum(1 for m in catalog if m.id and not m.string)
    return len([m for m in catalog if m.id]), missing


def missing_translations() -> dict[str, list[str]]:
    result = {}
    for area in areas():
        template = extract(area)
        path = po_path(area)
        known = {}
        if path.exists():
            with path.open("rb") as f:
                known = {m.id: m.string for m in read_po(f, locale="en") if m.id}
        gaps = [m.id if isinstance(m.id, str) else m.id[0]
                for m in template if m.id and not known.get(m.id)]
        if gaps:
            result[area] = gaps
    return result


def fill(area: str, translations: dict[str, str]) -> int:
    update(area)
    path = po_path(area)
    with path.open("rb") as f:
        catalog = read_po(f, locale="en")
    filled = 0
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
            filled += 1
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False)
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill"] and len(argv) == 3:
        print(f"{fill(argv[1], json.loads(Path(argv[2]).read_text()))} strings filled")
        return 0
    if not argv or argv[0] not in ("update", "missing"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        for area in argv[1:] or areas():
            total, missing = update(area)
            print(f"{area}: {total} strings, {missing} without English")
        return 0
    gaps = missing_translations()
    for area, ids in gaps.items():
        for msgid in ids:
            print(f"{area}: {msgid}")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
