"""Geocoders. No test touches the network: Nominatim's geolocator is a fake."""
import logging

import pytest
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable

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


def _centre_point(postcode):
    centre = geo.postcode_centre(postcode)
    return geo.Point(centre.lat, centre.lon)


def _nominatim(locator):
    return geo.NominatimGeocoder("werkpostwijzer-test", geolocator=locator, min_delay_seconds=0)


def test_default_geocoder_gives_the_postcode_centre():
    assert geo.make_geocoder().geocode("Kouter 1", "9000") == _centre_point("9000")
    assert isinstance(geo.make_geocoder("postcode"), geo.PostcodeGeocoder)


def test_nominatim_answer_in_belgium_is_used():
    locator = FakeGeolocator(FakeLocation(51.0501, 3.7262))
    assert _nominatim(locator).geocode("Kouter 1", "9000") == geo.Point(51.0501, 3.7262)
    assert locator.queries == [{"street": "Kouter 1", "postalcode": "9000", "country": "Belgium"}]


@pytest.mark.parametrize("error", [GeocoderUnavailable("down"), GeocoderTimedOut("slow")])
def test_nominatim_error_falls_back_to_the_postcode_centre_with_a_warning(error, caplog):
    with caplog.at_level(logging.WARNING, logger="geo.geocoder"):
        point = _nominatim(FakeGeolocator(error=error)).geocode("Grote Markt 1", "3500")
    assert point == _centre_point("3500")
    assert any("3500" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("answer", [None, FakeLocation(48.85, 2.35), FakeLocation(200, 3)])
def test_nominatim_without_a_belgian_answer_falls_back(answer):
    assert _nominatim(FakeGeolocator(answer)).geocode("Nergensstraat 1", "3500") == \
        _centre_point("3500")


def test_nominatim_is_not_asked_without_a_street():
    locator = FakeGeolocator(FakeLocation(51.0501, 3.7262))
    assert _nominatim(locator).geocode(None, "9000") == _centre_point("9000")
    assert locator.queries == []


def test_unknown_postcode_is_an_error_for_every_geocoder():
    with pytest.raises(geo.UnknownPostcode):
        geo.make_geocoder().geocode("Kouter 1", "0000")
    with pytest.raises(geo.UnknownPostcode):
        _nominatim(FakeGeolocator()).geocode("Kouter 1", "0000")


def test_factory_builds_nominatim_without_contacting_it_and_refuses_unknown_kinds():
    coder = geo.make_geocoder("nominatim", "werkpostwijzer-test")
    assert isinstance(coder, geo.NominatimGeocoder)
    assert coder.geolocator.headers["User-Agent"] == "werkpostwijzer-test"
    with pytest.raises(ValueError, match="GEOCODER"):
        geo.make_geocoder("google")
