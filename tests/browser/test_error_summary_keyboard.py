"""With the keyboard alone, each error-summary link of a group of radios or checkboxes lands
on the group's first option (as in the GOV.UK design system), and the page title says that
something went wrong. The sign-up steps "soort", "werk" and "planning" each have one."""
import pytest

STEPS = {
    "organisatie": {"#enterprise_number": "0403.520.196", "#name": "Bakkerij Peeters",
                    "#website": "www.bakkerijpeeters.be",
                    "#description": "Kleine bakkerij met winkel."},
    "contact": {"#contact_name": "An Peeters", "#contact_email": "an@bakkerijpeeters.be",
                "#contact_phone": "053 12 34 56"},
    "adres": {"#street": "Kerkstraat 1", "#postcode": "9300"},
}


def _next(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Volgende").click()


def _follow_by_keyboard(page, first_id: str, kind: str):
    assert page.title().startswith("Fout: "), page.title()
    # The summary has the focus after a failed submit; Tab walks its links.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == f"#{first_id}":
            break
    else:
        raise AssertionError(f"no summary link to #{first_id}")
    page.keyboard.press("Enter")
    focused = page.evaluate("({id: document.activeElement.id, type: document.activeElement.type,"
                            " invalid: document.activeElement.getAttribute('aria-invalid')})")
    assert focused == {"id": first_id, "type": kind, "invalid": "true"}
    # The question of the group is on screen, not only the input.
    legend = page.locator(f"#{first_id}").locator("xpath=ancestor::fieldset[1]/legend")
    assert legend.is_visible() and legend.bounding_box()["y"] >= 0


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}])
def test_each_group_error_link_lands_on_the_first_option(live_server, chromium, viewport):
    server = live_server()
    context = chromium.new_context(locale="nl-BE", viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(server.url + "/aanbieden/start")
        _next(page)  # "soort" without a choice
        _follow_by_keyboard(page, "legal_form-0", "radio")
        page.check("input[name=legal_form][value=sole_trader]")
        _next(page)
        for fields in STEPS.values():
            for selector, value in fields.items():
                page.fill(selector, value)
            if page.locator("#org_type").count():
                page.select_option("#org_type", "craft_business")
            _next(page)
            assert page.locator(".error-summary").count() == 0, page.url
        page.fill("#tasks", "Broodjes beleggen")
        _next(page)  # "werk" without an activity
        _follow_by_keyboard(page, "activities-0", "checkbox")
        page.check("input[name=activities][value=kitchen]")
        _next(page)
        _next(page)  # "steun": nothing is required
        page.fill("#hours_per_week", "8")
        _next(page)  # "planning" without a half day
        _follow_by_keyboard(page, "schedule-mon_am", "checkbox")
    finally:
        context.close()
