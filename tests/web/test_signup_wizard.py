"""The sign-up wizard over HTTP: the happy path, going back, and every bad input."""
import copy
import re

import pytest
from sqlalchemy import select
from signup_support import BAKERY, body, errors_of, fill_steps, kbo, link, sign_up, submit

from web.models import Workpost


def _workposts(db_session, name="Bakkerij Peeters"):
    return list(db_session.scalars(select(Workpost).where(Workpost.name == name)))


def test_a_sole_trader_in_aalst_signs_up_and_gets_a_confirmation_mail(client, db_session,
                                                                        clock, outbox):
    response = sign_up(client, clock)
    assert response.status_code == 302 and response.headers["Location"] == "/aanbieden/verstuurd"
    assert "kijk in je mailbox" in client.get("/aanbieden/verstuurd").get_data(as_text=True)
    [workpost] = _workposts(db_session)
    assert workpost.status == "unconfirmed"
    assert workpost.legal_form == "sole_trader" and workpost.sector == "profit"
    assert workpost.enterprise_number == "0403520196"
    assert workpost.website == "https://www.bakkerijpeeters.be"
    assert (workpost.postcode, workpost.municipality, workpost.province) == (
        "9300", "Aalst", "oost_vlaanderen")
    assert round(workpost.lat, 1) == 50.9 and round(workpost.lon, 1) == 4.0
    assert workpost.address_public is False  # a sole trader's street stays hidden by default
    assert workpost.activities == ["kitchen", "retail"] and workpost.offers == [
        "calm_environment", "buddy"]
    assert workpost.schedule == ["mon_am", "tue_am"]
    assert (workpost.hours_per_week, workpost.capacity, workpost.open_places) == (8, 2, 2)
    assert workpost.terms_accepted_at is not None and workpost.language == "nl"
    [message] = outbox()
    assert message["To"] == "an@bakkerijpeeters.be"
    assert link(message, "bevestig") and link(message, "mijn-aanbod")
    html = message.get_body(("html",)).get_content()
    assert link(message, "bevestig") in html and "Bevestig mijn aanbod" in html


def test_the_wizard_speaks_english_and_the_mail_follows(client, db_session, clock, outbox):
    client.get("/taal/en")
    page = client.get("/aanbieden/stap/soort").get_data(as_text=True)
    assert "Step 1 of 8" in page and "Sole trader" in page
    sign_up(client, clock)
    [workpost] = _workposts(db_session)
    assert workpost.language == "en"
    [message] = outbox()
    assert "Please confirm your offer" in body(message)


def test_going_back_keeps_everything_typed_even_on_the_current_step(client, db_session, clock):
    client.get("/aanbieden/start")
    fill_steps(client, until="contact")
    typed = {"contact_name": "An", "contact_email": "not-an-address", "action": "back"}
    response = client.post("/aanbieden/stap/contact", data=typed)
    assert response.headers["Location"] == "/aanbieden/stap/organisatie"
    page = client.get("/aanbieden/stap/organisatie").get_data(as_text=True)
    assert 'value="Bakkerij Peeters"' in page and "We bakken brood" in page
    page = client.get("/aanbieden/stap/contact").get_data(as_text=True)
    assert 'value="not-an-address"' in page and 'value="An"' in page


def test_the_wizard_never_skips_ahead_of_the_first_open_step(client, db_session):
    client.get("/aanbieden/start")
    response = client.get("/aanbieden/stap/planning")
    assert response.headers["Location"] == "/aanbieden/stap/soort"
    assert client.get("/aanbieden/stap/bestaat-niet").status_code == 404


def _step_errors(client, slug, values, until=None):
    client.get("/aanbieden/start")
    fill_steps(client, until=until or slug)
    data = {**BAKERY[slug], **values}
    response = client.post(f"/aanbieden/stap/{slug}", data=data)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("number, message", [
    ("0403.520.197", "controlecijfers"),
    ("12345", "10 cijfers"),
    ("2403520196", "begint met 0 of 1"),
    ("04O3.520.196", "enkel uit cijfers"),
    ("", "Vul je ondernemingsnummer in"),
])
def test_a_wrong_enterprise_number_is_explained_next_to_it_and_the_rest_is_kept(
        client, db_session, number, message):
    html = _step_errors(client, "organisatie", {"enterprise_number": number})
    assert errors_of(html) == ["enterprise_number"]
    assert message in html
    assert 'value="Bakkerij Peeters"' in html and "We bakken brood" in html


def test_a_de_facto_association_is_not_asked_an_enterprise_number(client, db_session, clock):
    data = copy.deepcopy(BAKERY)
    data["soort"] = {"legal_form": "de_facto_association"}
    data["organisatie"].pop("enterprise_number")
    data["organisatie"]["name"] = "Buurtwerking De Linde"
    client.get("/aanbieden/start")
    client.post("/aanbieden/stap/soort", data=data["soort"])
    page = client.get("/aanbieden/stap/organisatie").get_data(as_text=True)
    assert 'name="enterprise_number"' not in page
    fill_steps(client, data)
    submit(client, clock)
    [workpost] = _workposts(db_session, "Buurtwerking De Linde")
    assert workpost.enterprise_number is None and workpost.sector == "non_profit"


@pytest.mark.parametrize("slug, values, field, message", [
    ("soort", {"legal_form": ""}, "legal_form", "Kies wat voor organisatie"),
    ("soort", {"legal_form": "internal"}, "legal_form", "Kies een van de mogelijkheden"),
    ("organisatie", {"name": "  "}, "name", "Vul de naam in"),
    ("organisatie", {"org_type": ""}, "org_type", "Kies wat voor plek"),
    ("organisatie", {"website": "bakkerij peeters"}, "website", "geen geldig webadres"),
    ("organisatie", {"description": "Brood"}, "description", "tussen 20 en 1200"),
    ("organisatie", {"description": "x" * 1201}, "description", "tussen 20 en 1200"),
    ("contact", {"contact_name": ""}, "contact_name", "naam van de contactpersoon"),
    ("contact", {"contact_email": "an@"}, "contact_email", "geen geldig e-mailadres"),
    ("contact", {"contact_email": ""}, "contact_email", "Vul je e-mailadres in"),
    ("contact", {"contact_phone": "bel me"}, "contact_phone", "geen geldig telefoonnummer"),
    ("contact", {"contact_phone": "123"}, "contact_phone", "geen geldig telefoonnummer"),
    ("adres", {"street": ""}, "street", "straat en het huisnummer"),
    ("adres", {"postcode": "93"}, "postcode", "4 cijfers"),
    ("adres", {"postcode": "0999"}, "postcode", "kennen we niet"),
    ("adres", {"postcode": "5000"}, "postcode", "Vlaanderen en Brussel"),
    ("werk", {"activities": []}, "activities", "minstens één soort werk"),
    ("werk", {"activities": ["juggling"]}, "activities", "enkel uit de mogelijkheden"),
    ("werk", {"activities": ["other"], "tasks": ""}, "tasks", "ander werk"),
    ("werk", {"tasks": "x" * 601}, "tasks", "600"),
    ("steun", {"offers": ["transport_provided"]}, "transport_radius_km", "tot hoe ver"),
    ("steun", {"offers": ["transport_provided"], "transport_radius_km": "500"},
     "transport_radius_km", "tussen 1 en 100"),
    ("planning", {"schedule": []}, "schedule", "minstens één halve dag"),
    ("planning", {"hours_per_week": "veel"}, "hours_per_week", "een getal"),
    ("planning", {"hours_per_week": "60"}, "hours_per_week", "tussen 1 en 38"),
    ("planning", {"capacity": "0"}, "capacity", "tussen 1 en 20"),
    ("planning", {"available_from": "2020-01-01"}, "available_from", "in het verleden"),
    ("planning", {"available_from": "2099-01-01"}, "available_from", "binnen de twee jaar"),
    ("planning", {"available_from": "morgen"}, "available_from", "geen geldige datum"),
])
def test_every_wrong_input_shows_a_message_next_to_its_field(client, db_session, clock, slug,
                                                              values, field, message):
    html = _step_errors(client, slug, values)
    assert field in errors_of(html), html[:3000]
    assert message.lower() in html.lower()
    assert 'class="error-summary"' in html


def test_the_last_step_refuses_without_agreement_to_the_terms(client, db_session, clock,
                                                              outbox):
    client.get("/aanbieden/start")
    fill_steps(client)
    clock.advance(120)
    response = client.post("/aanbieden/versturen", data={"fax": ""})
    assert response.status_code == 400
    assert "Je moet akkoord gaan" in response.get_data(as_text=True)
    assert _workposts(db_session) == [] and outbox() == []


def test_the_review_step_shows_everything_with_links_to_change_it(client, db_session, clock):
    client.get("/aanbieden/start")
    fill_steps(client)
    html = client.get("/aanbieden/stap/nakijken").get_data(as_text=True)
    for text in ("Bakkerij Peeters", "0403.520.196", "9300 Aalst",
                 "niet zichtbaar, enkel de gemeente", "Keuken", 'href="/aanbieden/stap/adres"'):
        assert text in html


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, db_session, clock,
                                                                 outbox):
    client.get("/aanbieden/start")
    fill_steps(client)
    response = submit(client, clock, fax="+32 53 00 00 00")
    assert response.headers["Location"] == "/aanbieden/verstuurd"
    assert _workposts(db_session) == [] and outbox() == []


def test_a_form_filled_faster_than_a_person_can_is_held_back(client, db_session, clock, outbox):
    client.get("/aanbieden/start")
    fill_steps(client)
    clock.advance(5)
    response = client.post("/aanbieden/versturen", data={"terms": "y"})
    assert response.status_code == 400
    assert "Dat ging wel heel snel" in response.get_data(as_text=True)
    assert _workposts(db_session) == []
    clock.advance(30)
    assert client.post("/aanbieden/versturen", data={"terms": "y"}).status_code == 302
    assert len(_workposts(db_session)) == 1 and len(outbox()) == 1


def test_a_double_submit_makes_one_offer_and_one_mail(client, db_session, clock, outbox):
    sign_up(client, clock)
    again = submit(client, clock)
    assert again.headers["Location"] == "/aanbieden/verstuurd"
    assert len(_workposts(db_session)) == 1 and len(outbox()) == 1


def test_a_second_sign_up_of_the_same_business_sends_the_link_to_the_known_address(
        app, client, db_session, clock, outbox):
    sign_up(client, clock)
    other = app.test_client()
    data = copy.deepcopy(BAKERY)
    data["contact"]["contact_email"] = "someone.else@example.be"
    data["organisatie"]["enterprise_number"] = "BE 0403 520 196"
    response = sign_up(other, clock, data)
    assert response.status_code == 200
    assert "al aangemeld" in response.get_data(as_text=True)
    assert len(_workposts(db_session)) == 1
    first, second = outbox()
    assert second["To"] == "an@bakkerijpeeters.be"
    assert link(second, "mijn-aanbod") and link(second, "bevestig")  # not confirmed yet


def test_the_same_number_at_another_postcode_is_another_workpost(client, db_session, clock):
    sign_up(client, clock)
    data = copy.deepcopy(BAKERY)
    data["adres"]["postcode"] = "9000"
    sign_up(client, clock, data)
    assert len(_workposts(db_session)) == 2


def test_the_postcode_look_up_answers_municipality_and_province(client, db_session):
    answer = client.get("/aanbieden/postcode/9300").get_json()
    assert answer["municipality"] == "Aalst" and answer["province"] == "oost_vlaanderen"
    assert answer["province_name"] == "Oost-Vlaanderen"
    unknown = client.get("/aanbieden/postcode/0999")
    assert unknown.status_code == 404 and unknown.get_json()["error"] == "unknown"
    assert client.get("/aanbieden/postcode/5000").get_json()["error"] == "outside"


def test_the_address_step_shows_where_the_postcode_lies_without_a_script(client, db_session):
    client.get("/aanbieden/start")
    fill_steps(client, until="werk")
    html = client.get("/aanbieden/stap/adres").get_data(as_text=True)
    assert "<strong>Aalst</strong>" in html and "openstreetmap.org/?mlat=" in html


def test_a_long_description_still_fits_in_the_session_cookie(client, db_session, clock):
    import random

    words = ("brood", "taart", "oven", "klant", "winkel", "deeg", "koffie", "één", "rustig",
             "samen", "’s morgens", "bakken", "opruimen", "kassa", "levering", "pistolets")
    rng = random.Random(4)

    def text(limit):
        out = ""
        while True:
            word = rng.choice(words) + rng.choice(("", " ", ", ", ". "))
            if len(out) + len(word) > limit:
                return out.strip()
            out += word

    data = copy.deepcopy(BAKERY)
    data["organisatie"]["description"] = text(1200)
    data["werk"]["tasks"] = text(600)
    client.get("/aanbieden/start")
    fill_steps(client, data)
    cookie = client.get_cookie("session")
    assert len(cookie.value) < 1024  # only the key of the draft on the server
    assert submit(client, clock).headers["Location"] == "/aanbieden/verstuurd"
    [workpost] = _workposts(db_session)
    assert workpost.description == data["organisatie"]["description"]


def test_changing_the_legal_form_later_sends_you_back_to_what_is_now_missing(
        client, db_session, clock):
    data = copy.deepcopy(BAKERY)
    data["soort"] = {"legal_form": "de_facto_association"}
    data["organisatie"].pop("enterprise_number")
    client.get("/aanbieden/start")
    fill_steps(client, data)
    client.post("/aanbieden/stap/soort", data={"legal_form": "company"})
    response = client.get("/aanbieden/stap/nakijken")
    assert response.headers["Location"] == "/aanbieden/stap/organisatie?check=1"
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert errors_of(html) == ["enterprise_number"]


def test_starting_again_forgets_what_was_typed(client, db_session):
    client.get("/aanbieden/start")
    fill_steps(client, until="contact")
    assert client.get("/aanbieden/opnieuw").headers["Location"] == "/aanbieden/start"
    assert client.get("/aanbieden/start").headers["Location"] == "/aanbieden/stap/soort"
    assert "Bakkerij Peeters" not in client.get("/aanbieden/stap/soort").get_data(as_text=True)


def test_a_small_map_shows_where_the_postcode_lies(client, db_session):
    response = client.get("/aanbieden/kaart/9300.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.get_data(as_text=True)
    assert "<title>Aalst op de kaart van Vlaanderen en Brussel</title>" in svg
    assert svg.count("<circle") > 500
    assert client.get("/aanbieden/kaart/5000.svg").status_code == 404
    client.get("/aanbieden/start")
    fill_steps(client, until="werk")
    html = client.get("/aanbieden/stap/adres").get_data(as_text=True)
    assert 'src="/aanbieden/kaart/9300.svg"' in html and 'alt="Kaart: waar Aalst ligt' in html


def test_back_on_the_first_step_stays_there(client, db_session):
    client.get("/aanbieden/start")
    response = client.post("/aanbieden/stap/soort", data={"legal_form": "company",
                                                          "action": "back"})
    assert response.headers["Location"] == "/aanbieden/stap/soort"
    html = client.get("/aanbieden/stap/soort").get_data(as_text=True)
    assert re.search(r'checked[^>]*value="company"|value="company"[^>]*checked', html)
