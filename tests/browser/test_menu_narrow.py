"""Issue 15, item 14: on a 320 x 640 screen the header and the two menus took 460 pixels.
They fold behind one menu button: a real <button> with aria-expanded and aria-controls, that
works by keyboard (Enter, Space, Escape closes and gives the focus back); without JavaScript
the menus simply stay open. axe finds nothing, folded or open."""
import sys
from pathlib import Path

import pyotp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from factories import PASSWORD, make_org, make_user  # noqa: E402

from web.extensions import db  # noqa: E402

NARROW = {"width": 320, "height": 640}
HEIGHT = """() => {
  const bottom = s => { const e = document.querySelector(s);
                        return e ? e.getBoundingClientRect().bottom : 0; };
  return Math.max(bottom('.site-header'), bottom('.ws-nav'));
}"""
VISIBLE = "s => { const e = document.querySelector(s); return !!e && e.offsetParent !== null; }"
FOCUSED = "() => document.activeElement.className || document.activeElement.tagName"


def _tab_to(page, selector: str, limit: int = 10) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _context(chromium, **options):
    context = chromium.new_context(locale="nl-BE", viewport=NARROW, **options)
    context.set_default_timeout(10_000)
    return context


def test_the_public_header_folds_behind_a_menu_button(live_server, chromium, axe):
    server = live_server(MAP_TILE_URL="")
    context = _context(chromium)
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        button = page.locator(".menu-toggle")
        assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == "site-menu"
        assert not page.evaluate(VISIBLE, ".main-nav")
        assert page.evaluate(HEIGHT) < 120
        assert axe(page) == []

        # By keyboard: Tab to the button, Enter opens, Tab goes into the menu.
        _tab_to(page, ".menu-toggle")
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(VISIBLE, ".main-nav") and page.evaluate(VISIBLE, ".lang-switch")
        assert axe(page) == []
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('#site-menu')")
        # Escape closes it and brings the focus back to the button.
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert not page.evaluate(VISIBLE, ".main-nav")
        assert page.evaluate(FOCUSED) == "menu-toggle"
        # Space toggles as well, as on any button.
        page.keyboard.press("Space")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Space")
        assert button.get_attribute("aria-expanded") == "false"

        # On a wide screen there is no button and the menu is simply there.
        page.set_viewport_size({"width": 1024, "height": 768})
        button.wait_for(state="hidden")  # the media query's change event comes a moment later
        assert not button.is_visible() and page.evaluate(VISIBLE, ".main-nav")
    finally:
        context.close()


def test_without_javascript_the_menu_stays_open(live_server, chromium):
    server = live_server(MAP_TILE_URL="")
    context = _context(chromium, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        assert not page.locator(".menu-toggle").is_visible()
        assert page.locator(".main-nav").is_visible()
        assert page.locator(".lang-switch").is_visible()
    finally:
        context.close()


def test_the_supervisor_menu_folds_with_the_site_menu(live_server, chromium, axe):
    server = live_server(MAP_TILE_URL="")
    with server.app.app_context():
        user = make_user(db.session, make_org(db.session), email="smal@example.be")
        db.session.commit()
        email = user.email
    context = _context(chromium)
    page = context.new_page()
    try:
        page.goto(server.url + "/account/inloggen")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.locator("main form").first.locator("button[type=submit]").click()
        secret = page.locator("#totp-secret").inner_text().strip()
        page.fill("#code", pyotp.TOTP(secret).now())
        with page.expect_navigation():
            page.locator("main form").first.locator("button[type=submit]").click()
        page.goto(server.url + "/werkruimte/")
        button = page.locator(".menu-toggle")
        assert button.get_attribute("aria-controls") == "site-menu supervisor-menu"
        assert not page.evaluate(VISIBLE, ".ws-nav") and not page.evaluate(VISIBLE, ".main-nav")
        assert page.evaluate(HEIGHT) < 120
        assert page.locator("main h1").is_visible()
        assert axe(page) == []
        button.click()
        assert page.evaluate(VISIBLE, ".ws-nav") and page.evaluate(VISIBLE, ".main-nav")
        assert axe(page) == []
        # Escape from a link inside the supervisor menu: closed, focus on the button.
        page.locator(".ws-nav a").first.focus()
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(FOCUSED) == "menu-toggle"
    finally:
        context.close()
