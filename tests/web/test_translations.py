from web.translate import missing_translations


def test_every_interface_string_has_an_english_translation():
    assert missing_translations() == {}
