"""Issue 15, item 3: one rule decides where a workpost's street appears. A sole trader who
did not make the street public is seen with the municipality only, on every page that shows
the workpost, until the supervisor's organisation has made contact."""
import re
from urllib.parse import urljoin, urlsplit

import pytest
from factories import make_listed_org, make_listed_post
from factories import make_org, make_participant, make_user, make_workpost

from web.models import Placement

STREET = "Geheimstraat 12"
PRIVATE_INTERNAL = "Achterstraat 99"
SKIP = ("/account/uitloggen", "/uitloggen", "/static/", "/taal/", "/export", "/wissen")


def crawl(client, starts, limit=400):
    """Every page reachable by GET links from the starts, within the site: {url: html}."""
    seen, queue, pages = set(), list(starts), {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        if url in seen or any(part in url for part in SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        html = response.get_data(as_text=True)
        pages[url] = html
        for link in re.findall(r'href="([^"#]+)"', html):
            link = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(link)
            if parts.netloc not in ("", "localhost"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith(("/werkruimte", "/werkposten", "/api/v1", "/begeleiders")):
                queue.append(path)
    return pages


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    post = make_workpost(db_session, name="Bakkerij Peeters", legal_form="sole_trader",
                         postcode="9300", municipality="Aalst", nis="41002", lat=50.94,
                         lon=4.04, activities=("kitchen",), schedule=("mon_am", "tue_am"))
    post.street, post.address_public = STREET, False
    person = make_participant(db_session, org, reference="AALST-7", postcode="9300",
                              municipality="Aalst", lat=50.94, lon=4.04, travel_modes=["car"],
                              max_minutes=None, interests=["kitchen"], needs=[])
    public_org = make_listed_org(db_session, "Dagcentrum De Brug", "9300",
                                 [("province", "oost_vlaanderen")])
    make_listed_post(db_session, "Atelier De Brug", "9300", public_org, address_public=False,
              street=PRIVATE_INTERNAL)
    db_session.commit()
    return user, post, person


def _shortlist(client, person, post):
    response = client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                           data={"workpost_id": post.id, "note": ""})
    assert response.status_code == 302


def test_no_page_shows_the_street_before_contact(client, login, world, db_session):
    user, post, person = world
    login(user)
    _shortlist(client, person, post)
    placement = db_session.query(Placement).filter_by(participant_id=person.id).one()
    starts = ["/werkruimte", f"/werkruimte/deelnemers/{person.id}",
              f"/werkruimte/deelnemers/{person.id}/zoeken", f"/werkruimte/werkposten/{post.id}",
              f"/werkruimte/plaatsingen/{placement.id}",
              f"/werkruimte/plaatsingen/{placement.id}/overeenkomst",
              f"/werkruimte/plaatsingen/{placement.id}/overeenkomst/afdrukken",
              "/werkruimte/plaatsingen", "/werkposten/oost-vlaanderen/aalst",
              "/werkposten/in-de-buurt?postcode=9300&km=10", "/api/v1/directory?postcode=9300"]
    pages = crawl(client, starts)
    shows_post = [url for url, html in pages.items() if "Bakkerij Peeters" in html]
    assert len(shows_post) >= 6, shows_post
    assert [url for url, html in pages.items() if STREET in html] == []
    assert [url for url, html in pages.items() if PRIVATE_INTERNAL in html] == []
    assert any("Atelier De Brug" in html for html in pages.values())


def test_the_street_appears_once_the_organisation_made_contact(client, login, world,
                                                               db_session):
    user, post, person = world
    login(user)
    _shortlist(client, person, post)
    placement = db_session.query(Placement).filter_by(participant_id=person.id).one()
    response = client.post(f"/werkruimte/plaatsingen/{placement.id}/stap",
                           data={"move-status": "contacted", "move-on_date": "2026-03-02",
                                 "move-note": ""})
    assert response.status_code == 302
    page = client.get(f"/werkruimte/werkposten/{post.id}").get_data(as_text=True)
    assert STREET in page
    agreement = client.get(f"/werkruimte/plaatsingen/{placement.id}/overeenkomst")
    assert STREET in agreement.get_data(as_text=True)
    # another organisation, not in contact, still sees the municipality only
    other_org = make_org(db_session, name="CAW Aalst")
    other = make_user(db_session, other_org)
    db_session.commit()
    login(other)
    page = client.get(f"/werkruimte/werkposten/{post.id}").get_data(as_text=True)
    assert "Bakkerij Peeters" in page and STREET not in page and "9300 Aalst" in page
