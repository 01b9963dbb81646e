import json
import subprocess
import sys

from geopy.exc import GeocoderUnavailable

import geo


class FakeLocation:
    def __init__(self, lat, lon):
        self.latitude, self.longitude = lat, lon


class FakeGeolocator:
    def __init__(self, answer=None, error=None):
        self.answer, self.error, self.queries = answer, error, []

    def geocode(self, query):
        self.queries.append(query)
        if self.error:
            raise self.error
        return self.answer


def test_default_geocoder_uses_the_postcode_centre():
    point = geo.make_geocoder().geocode("Kouter 1", "9000")
    centre = geo.postcode_centre("9000")
    assert (point.lat, point.lon) == (centre.lat, centre.lon)


def test_nominatim_answer_is_used_when_it_lies_in_belgium():
    locator = FakeGeolocator(FakeLocation(51.0501, 3.7262))
    coder = geo.NominatimGeocoder("test", geolocator=locator, min_delay_seconds=0)
    assert coder.geocode("Kouter 1", "9000") == geo.Point(51.0501, 3.7262)
    assert locator.queries[0]["postalcode"] == "9000"


def test_nominatim_failure_falls_back_to_the_postcode_centre():
    locator = FakeGeolocator(error=GeocoderUnavailable("down"))
    coder = geo.NominatimGeocoder("test", geolocator=locator, min_delay_seconds=0)
    centre = geo.postcode_centre("3500")
    assert coder.geocode("Grote Markt 1", "3500") == geo.Point(centre.lat, centre.lon)


def _run(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True)


def test_cli_lookup_prints_json():
    result = _run("lookup", "3500")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["municipality"] == "Hasselt" and data["province"] == "limburg"


def test_cli_unknown_postcode_exits_2_with_one_line():
    result = _run("lookup", "0000")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
