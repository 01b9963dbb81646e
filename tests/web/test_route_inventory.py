"""Every route of the app declares who may use it (web/access.py)."""
from web.access import AUDIENCES

# Framework routes that serve files and carry no data of ours.
FRAMEWORK = {"static"}


def _audiences(app):
    found = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint in FRAMEWORK:
            continue
        view = app.view_functions[rule.endpoint]
        found[rule.rule] = getattr(view, "audience", None)
    return found


def test_every_route_declares_its_audience(app):
    undeclared = sorted(rule for rule, audience in _audiences(app).items() if audience is None)
    assert undeclared == []


def test_declared_audiences_are_known_ones(app):
    unknown = {rule: a for rule, a in _audiences(app).items() if a and a not in AUDIENCES}
    assert unknown == {}


def test_staff_routes_live_under_staff_prefixes(app):
    # A staff page under a public prefix would be cached and indexed like a public one.
    staff = {rule for rule, a in _audiences(app).items()
             if a in ("supervisor", "org_admin", "platform_admin")}
    prefixes = ("/werkruimte", "/beheer", "/api/v1/supervisor", "/account")
    assert sorted(rule for rule in staff if not rule.startswith(prefixes)) == []
