"""Issue 15, item 5: the home page counts what the visitor can see, and says what it counts."""
import re

import pytest
from factories import make_directory_world


@pytest.fixture()
def world(db_session):
    w = make_directory_world(db_session)
    db_session.commit()
    return w


def test_the_home_page_counts_the_public_directory_not_every_offer(client, world):
    html = client.get("/").get_data(as_text=True)
    # Public: the garden, the wood atelier, Lommel, the Ghent kitchen. Not the sole trader's
    # offer, the paused atelier or the inactive organisation's garden (all "published").
    match = re.search(r"<strong>(\d+)</strong>\s*<a href=\"/werkposten\">([^<]+)</a>", html)
    assert match and match.group(1) == "4"
    assert "die je hier kan bekijken" in match.group(2)
    assert "alleen erkende begeleiders zien ze" in html
    listed = client.get("/api/v1/directory?per_page=100").get_json()
    assert listed["total"] == 4
    organisations = re.search(r"<strong>(\d+)</strong>\s*<a href=\"/begeleiders\">", html)
    assert organisations and organisations.group(1) == "3"  # the inactive one not counted
