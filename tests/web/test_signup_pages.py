"""The page for businesses: plain answers to what a baker or a garage owner wants to know."""
import pytest


@pytest.mark.parametrize("lang, texts", [
    ("nl", ["Wat is AMA?", "Wat vragen we van jou?", "Wat regelt de begeleider?",
            "verzekert de deelnemer", "ook op weg", "DIMONA", "Kies daarbij voor onbetaald werk",
            "uitkering kwijtraken", "onkostenvergoeding", "AMA vervangt nooit betaald werk",
            "Vaak gestelde vragen", 'href="/aanbieden/start"']),
    ("en", ["What is AMA?", "What do we ask of you?", "What does the supervisor arrange?",
            "insures the participant", "on the way", "DIMONA", "Choose unpaid work",
            "lose their benefit", "expense allowance", "AMA never replaces paid work",
            "Frequently asked questions", 'href="/aanbieden/start"']),
])
def test_the_page_for_businesses_explains_ama_in_both_languages(client, lang, texts):
    client.get(f"/taal/{lang}")
    html = client.get("/aanbieden/").get_data(as_text=True)
    for text in texts:
        assert text in html, text


def test_menu_and_home_page_lead_businesses_to_the_sign_up(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/aanbieden/"' in html and 'href="/aanbieden/start"' in html
    assert 'href="/aanbieden/link-kwijt"' in html


def test_start_opens_the_first_step_with_a_progress_indicator(client):
    response = client.get("/aanbieden/start")
    assert response.headers["Location"] == "/aanbieden/stap/soort"
    html = client.get("/aanbieden/stap/soort").get_data(as_text=True)
    assert "Stap 1 van 8" in html and 'aria-current="step"' in html
