import pytest

from web.kbo import InvalidEnterpriseNumber, display, is_valid, normalise


@pytest.mark.parametrize("raw", ["0123456749", "0403.520.196", "BE0403520196",
                                 "BE 0403.520.196", "be0403 520 196", "403.520.196"])
def test_valid_enterprise_numbers_are_accepted_in_every_usual_form(raw):
    assert is_valid(raw)
    assert len(normalise(raw)) == 10


def test_dotted_and_prefixed_forms_normalise_to_the_same_digits():
    assert normalise("BE 0403.520.196") == normalise("0403520196") == "0403520196"
    assert display("0403520196") == "0403.520.196"


@pytest.mark.parametrize("raw, reason", [
    ("0403.520.197", "controlecijfers"),
    ("0123456748", "controlecijfers"),
    ("12345", "10 cijfers"),
    ("04035201961", "10 cijfers"),
    ("2403520196", "begint met 0 of 1"),
    ("04O3.520.196", "enkel uit cijfers"),
    ("", "10 cijfers"),
])
def test_wrong_enterprise_numbers_are_refused_with_a_plain_reason(raw, reason):
    with pytest.raises(InvalidEnterpriseNumber) as caught:
        normalise(raw)
    assert reason in str(caught.value)
