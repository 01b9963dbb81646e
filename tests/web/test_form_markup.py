"""Form markup that assistive technology relies on, checked over HTTP on real pages: the error
summary links to something that takes the focus (a group's first option, as in the GOV.UK
design system), every input of a failing group is aria-invalid and described by the group's
hint and error, the page title says there is an error, and the street field autocompletes
as one address line."""
import re
from html.parser import HTMLParser

import pytest
from signup_support import BAKERY, fill_steps


class Inputs(HTMLParser):
    """Every element with an id, by id, with its attributes; the error summary's links."""

    def __init__(self, html: str):
        super().__init__()
        self.by_id: dict[str, tuple[str, dict]] = {}
        self.summary_links: list[str] = []
        self._in_summary = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if "id" in attrs:
            self.by_id[attrs["id"]] = (tag, attrs)
        if "error-summary" in attrs.get("class", "").split():
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        if self._in_summary and tag == "a" and attrs.get("href", "").startswith("#"):
            self.summary_links.append(attrs["href"][1:])

    def handle_endtag(self, tag):
        if self._in_summary and tag == "div":
            self._in_summary -= 1


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _check_summary(html: str) -> list[str]:
    """Every summary link names an input, select or textarea (a control that can take the
    focus); a group's inputs carry aria-invalid and the group's error."""
    page = Inputs(html)
    assert page.summary_links, "no error summary"
    for target in page.summary_links:
        tag, attrs = page.by_id.get(target, (None, {}))
        assert tag in ("input", "select", "textarea"), f"#{target} is {tag}"
        assert attrs.get("aria-invalid") == "true", target
        described = attrs.get("aria-describedby", "").split()
        assert any(d.endswith("-error") and d in page.by_id for d in described), target
    return page.summary_links


# The steps whose errors are about a group of radios or checkboxes, and what they link to.
GROUP_STEPS = {
    "soort": ({}, "legal_form-0"),
    "werk": ({"tasks": "broodjes"}, "activities-0"),
    "planning": ({"hours_per_week": "8", "capacity": "1"}, "schedule-mon_am"),
}


@pytest.mark.parametrize("slug", GROUP_STEPS)
def test_a_group_error_links_to_its_first_option_and_marks_every_option(client, slug):
    client.get("/aanbieden/start")
    fill_steps(client, until=slug)
    data, first = GROUP_STEPS[slug]
    html = client.post(f"/aanbieden/stap/{slug}", data=data).get_data(as_text=True)
    assert first in _check_summary(html)
    page = Inputs(html)
    group = slug_field = first.rsplit("-", 1)[0]
    options = [(tag, a) for i, (tag, a) in page.by_id.items()
               if tag == "input" and a.get("name") == slug_field]
    assert len(options) >= 2
    for _tag, attrs in options:
        described = attrs["aria-describedby"].split()
        assert f"{group}-error" in described and attrs["aria-invalid"] == "true"
        # Its hint too, where the group has one.
        if f"{group}-hint" in page.by_id:
            assert f"{group}-hint" in described
    assert _title(html).startswith("Fout: ")


def test_a_page_without_errors_has_a_plain_title_and_no_invalid_inputs(client):
    client.get("/aanbieden/start")
    html = client.get("/aanbieden/stap/soort").get_data(as_text=True)
    assert not _title(html).startswith("Fout")
    assert "aria-invalid" not in html
    client.get("/taal/en")
    html = client.post("/aanbieden/stap/soort", data={}).get_data(as_text=True)
    assert _title(html).startswith("Error: ")


def test_every_step_with_errors_links_each_problem_to_a_control(client):
    """All eight steps, posted empty: the summary never points at a fieldset or nothing."""
    client.get("/aanbieden/start")
    checked = 0
    for slug in BAKERY:
        html = client.post(f"/aanbieden/stap/{slug}", data={}).get_data(as_text=True)
        if "error-summary" in html:
            _check_summary(html)
            assert _title(html).startswith("Fout: ")
            checked += 1
        client.post(f"/aanbieden/stap/{slug}", data=BAKERY[slug])
    assert checked >= 5


def test_the_street_is_one_address_line(client):
    client.get("/aanbieden/start")
    fill_steps(client, until="adres")
    html = client.get("/aanbieden/stap/adres").get_data(as_text=True)
    tag, attrs = Inputs(html).by_id["street"]
    assert tag == "input" and attrs["autocomplete"] == "address-line1"
