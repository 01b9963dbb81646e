"""python -m geo lookup 9000 | search gent | nearest 51.05 3.72   (prints JSON)

Exit status 2 and one line on stderr for an unknown postcode or bad arguments.
"""
import json
import sys
from dataclasses import asdict

from geo.errors import GeoError
from geo.gazetteer import lookup_postcode, nearest_place, postcode_centre, province, search_places

USAGE = "usage: python -m geo lookup POSTCODE | search TEXT | nearest LAT LON"


def _lookup(postcode: str) -> dict:
    centre = postcode_centre(postcode)
    where = province(centre.province)
    return {
        "postcode": centre.postcode,
        "places": [p.name_nl for p in lookup_postcode(postcode)],
        "municipality": centre.municipality,
        "municipality_fr": centre.municipality_fr,
        "municipality_nis": centre.municipality_nis,
        "province": centre.province,
        "province_name": where.name_nl,
        "province_name_en": where.name_en,
        "region": centre.region,
        "lat": centre.lat,
        "lon": centre.lon,
    }


def main(argv: list[str]) -> int:
    try:
        if len(argv) == 2 and argv[0] == "lookup":
            result = _lookup(argv[1])
        elif len(argv) >= 2 and argv[0] == "search":
            result = [asdict(p) for p in search_places(" ".join(argv[1:]))]
        elif len(argv) == 3 and argv[0] == "nearest":
            result = asdict(nearest_place(float(argv[1]), float(argv[2])))
        else:
            print(USAGE, file=sys.stderr)
            return 2
    except (GeoError, ValueError) as error:
        print(str(error).splitlines()[0], file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
