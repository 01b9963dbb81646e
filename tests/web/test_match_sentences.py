"""The matcher gives codes, numbers and the person's own words; the web app writes the
sentences, in Dutch and English, through the catalogs (web/matching/sentences.py)."""
from flask_babel import force_locale

from matcher import WorkpostIndex
from matcher.match import CONCERN_CODES, REASON_CODES, Reason
from web.matching.sentences import VOICES, in_both, sentence

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "matcher"))
from matcher_factories import person, post  # noqa: E402


def only(participant, workpost, **options):
    [match] = WorkpostIndex.build([workpost]).rank(participant, **options)
    return match


def in_lang(app, lang, reason, voice="staff"):
    with app.test_request_context("/"), force_locale(lang):
        return sentence(reason, voice)


def test_interest_and_schedule_in_both_languages(app):
    match = only(person(), post())
    reasons = {r.code: r for r in match.reasons}
    assert in_lang(app, "nl", reasons["interest"]) == "Past bij interesse: administratie"
    assert in_lang(app, "en", reasons["interest"]) == "Matches interests: administration"
    assert in_lang(app, "en", reasons["schedule"]) == \
        "Possible together on: Monday morning, Tuesday morning"
    assert in_lang(app, "nl", reasons["schedule"]) == \
        "Samen mogelijk op: maandag voormiddag, dinsdag voormiddag"


def test_closeness_with_the_mode_in_words(app):
    close = next(r for r in only(person(), post(km=0.5)).reasons if r.code == "close")
    assert in_lang(app, "nl", close) == f"Op {close.minutes} minuten met de fiets"
    assert in_lang(app, "en", close) == f"{close.minutes} minutes by bike"


def test_the_persons_words_are_quoted(app):
    text = person(interests_text="werkte vroeger in een fietsenwinkel, herstelt graag fietsen")
    matched = only(text, post(name="Fietsatelier", activities=["technical"],
                              description="fietsherstelling en onderhoud van fietsen"))
    said = next(r for r in matched.reasons if r.code == "interest_text")
    assert in_lang(app, "nl", said).startswith("Sluit aan bij wat de deelnemer vertelde: ")
    assert in_lang(app, "nl", said, "person").startswith("Sluit aan bij wat je vertelde: ")
    assert "fietsen" in in_lang(app, "nl", said)
    soft = next(r for r in matched.reasons if r.code == "interest_words")
    assert in_lang(app, "nl", soft) == \
        "Sluit aan bij ‘fietsenwinkel’, ‘herstelt fietsen’ (eigen woorden): technisch werk en herstellingen"
    assert in_lang(app, "en", soft).startswith("Matches ‘fietsenwinkel’, ‘herstelt fietsen’ (their")


def test_soft_wishes_and_avoidances_from_words_say_so(app):
    calm = person(interests=[], interests_text="geen drukte, liever niet in de keuken")
    match = only(calm, post(activities=["kitchen", "green"], offers=["calm_environment"]))
    wish = next(r for r in match.reasons if r.code == "wish_words")
    avoid = next(c for c in match.concerns if c.code == "avoid_words")
    assert in_lang(app, "nl", wish) == \
        "Past bij wat de deelnemer schreef (‘drukte’): rustige plek"
    assert in_lang(app, "nl", avoid) == "De deelnemer schreef ‘keuken’, en hier is ook: keuken"
    assert in_lang(app, "en", wish) == "Fits what the participant wrote (‘drukte’): calm place"
    # the printout for the person keeps speaking to them
    assert in_lang(app, "nl", wish, "person") == "Past bij wat je schreef (‘drukte’): rustige plek"
    assert in_lang(app, "en", avoid, "person").startswith("You wrote ‘keuken’")


def test_a_driven_trip_beyond_the_limit(app):
    reason = Reason("driven_far", "driven", -0.02, minutes=51, km=42.8)
    assert in_lang(app, "nl", reason) == ("Gebracht door de werkpost: 42.8 km, ongeveer 51 "
                                          "minuten, verder dan de eigen grens")
    with app.test_request_context("/"):
        both = in_both(reason)
    assert both["text_en"].startswith("Driven there by the workpost: 42.8 km")


def test_every_code_has_a_sentence_in_both_languages_and_voices(app):
    for code in REASON_CODES + CONCERN_CODES:
        reason = Reason(code, "kitchen", 0.01, minutes=10, km=2.0, count=3, words=("koken",))
        for voice in VOICES:
            nl, en = in_lang(app, "nl", reason, voice), in_lang(app, "en", reason, voice)
            assert nl != code and en != code and nl != en, (code, voice)


def test_staff_sentences_speak_about_the_participant(app):
    """Issue 15 item 12: inside the supervisor's tool nothing says "je" or "you"."""
    for code in REASON_CODES + CONCERN_CODES:
        reason = Reason(code, "kitchen", 0.01, minutes=10, km=2.0, count=3, words=("koken",))
        nl = in_lang(app, "nl", reason).lower().split()
        en = in_lang(app, "en", reason).lower().replace(",", " ").split()
        assert not {"je", "jij", "jouw"} & set(nl), (code, nl)
        assert not {"you", "your"} & set(en), (code, en)


def test_the_match_page_speaks_about_the_participant(client, login, db_session):
    from factories import make_org, make_participant, make_user, make_workpost

    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, travel_modes=["car"], max_minutes=None,
                              needs=["calm_environment"])
    make_workpost(db_session, name="Kringwinkel Gent", offers=["calm_environment"])
    db_session.commit()
    login(user)
    page = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken").get_data(as_text=True)
    assert "Kringwinkel Gent" in page
    assert "Wat de deelnemer nodig heeft is er" in page
    assert "Wat je nodig hebt" not in page
