"""<html lang> tells screen readers which voice to use, so it must be the language the page's
text is in: on every page of the sitemap and on the supervisors' area pages, in Dutch
and in English. The page's words are counted against short lists of common words that only
one of the two languages uses; the language of <html lang> must clearly win."""
import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from factories import make_directory_world
from factories import make_org, make_participant, make_user, make_workpost

DUTCH = set("de het een je jouw niet met voor ook naar bij zijn wat hoe wie waar wanneer "
            "werkposten werkpost begeleider begeleiders deelnemer deelnemers zoek gemeente "
            "uur week plaats plaatsen geen nog kies dag maandag dinsdag woensdag".split())
ENGLISH = set("the a and you your not with for also to at are what how who where when "
              "workposts workpost supervisor supervisors participant participants search "
              "municipality hours week place places no yet choose day monday tuesday".split())
_WORDS = re.compile(r"[^\W\d_]+")


def _words(html: str) -> list[str]:
    body = html.split("<body", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    return [w.lower() for w in _WORDS.findall(text)]


def _check(html: str, lang: str, where: str, problems: dict) -> None:
    declared = re.search(r'<html lang="([a-z]+)"', html)
    if not declared or declared.group(1) != lang:
        problems[where] = f"<html lang> is {declared and declared.group(1)}"
        return
    words = _words(html)
    dutch = sum(w in DUTCH for w in words)
    english = sum(w in ENGLISH for w in words)
    own, other = (dutch, english) if lang == "nl" else (english, dutch)
    # Names of places and organisations stay Dutch in English pages; the rest may not.
    if own < 5 or other * 2 > own:
        problems[where] = f"{lang}: {dutch} Dutch and {english} English words"


@pytest.fixture()
def world(db_session):
    make_directory_world(db_session)
    db_session.commit()


def test_every_sitemap_page_speaks_its_declared_language(client, world):
    root = ElementTree.fromstring(client.get("/sitemap.xml").data)
    paths = [e.text.replace("http://localhost", "") for e in root.iter()
             if e.tag.endswith("loc")]
    assert len(paths) > 25
    problems: dict = {}
    for lang in ("nl", "en"):
        client.get(f"/taal/{lang}")
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            _check(response.get_data(as_text=True), lang, f"[{lang}] {path}", problems)
    assert problems == {}


def test_every_supervisor_page_speaks_its_declared_language(client, login, db_session):
    from web.services import placements

    org = make_org(db_session)
    user = make_user(db_session, org, role="org_admin")
    post = make_workpost(db_session, name="Kringwinkel Gent", activities=("kitchen",))
    own = make_workpost(db_session, name="Eigen atelier", organisation=org)
    person = make_participant(db_session, org, reference="TAAL-1", supervisor=user)
    placement = placements.shortlist(person, post, user, "", date.today() - timedelta(days=9))
    db_session.commit()
    login(user)
    base = "/werkruimte"
    paths = [f"{base}/", f"{base}/deelnemers", f"{base}/deelnemers/nieuw",
             f"{base}/deelnemers/{person.id}", f"{base}/deelnemers/{person.id}/bewerken",
             f"{base}/deelnemers/{person.id}/zoeken",
             f"{base}/werkposten/{post.id}?deelnemer={person.id}", f"{base}/plaatsingen",
             f"{base}/plaatsingen/{placement.id}", f"{base}/evaluaties",
             f"{base}/verdeling?deelnemer={person.id}",
             f"{base}/mijn-account", f"{base}/organisatie", f"{base}/organisatie/medewerkers",
             f"{base}/organisatie/werkposten", f"{base}/organisatie/werkposten/{own.id}"]
    problems: dict = {}
    for lang in ("nl", "en"):
        client.get(f"/taal/{lang}")
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            _check(response.get_data(as_text=True), lang, f"[{lang}] {path}", problems)
    assert problems == {}


def test_the_dutch_match_page_filter_names_activities_in_dutch(client, login, db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="TAAL-2", supervisor=user)
    make_workpost(db_session)
    db_session.commit()
    login(user)
    for lang, kitchen, garden in (("nl", "Keuken", "Groen en tuin"),
                                  ("en", "Kitchen", "Gardening and green spaces")):
        client.get(f"/taal/{lang}")
        html = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken").get_data(as_text=True)
        select = html[html.index('id="activiteit"'):html.index("</select>", html.index(
            'id="activiteit"'))]
        assert f'value="kitchen">{kitchen}<' in select and f">{garden}<" in select, lang
