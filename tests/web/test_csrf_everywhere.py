"""Every state-changing route refuses a request without a valid CSRF token."""
import pytest
from werkzeug.routing import Rule
from werkzeug.routing.converters import NumberConverter

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# Token-authenticated JSON endpoints carry no cookie session, so CSRF does not apply; they
# must refuse a request without a valid token instead.
TOKEN_PREFIX = "/api/v1/supervisor"


def _sample_url(rule: Rule) -> str:
    values = {}
    for name in rule.arguments:
        numeric = isinstance(rule._converters[name], NumberConverter)
        values[name] = 1 if numeric else "x"
    return rule.build(values, append_unknown=False)[1]


@pytest.fixture()
def csrf_app(fresh_app):
    return fresh_app(WTF_CSRF_ENABLED=True)


def _state_changing_rules(app):
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & STATE_CHANGING):
            yield rule, method


def test_the_app_has_state_changing_routes(csrf_app):
    # Guards the test below against passing on an app that has no forms at all.
    assert list(_state_changing_rules(csrf_app)) or "signup" not in csrf_app.blueprints


def test_no_state_changing_route_accepts_a_request_without_csrf_token(csrf_app):
    client = csrf_app.test_client()
    accepted = []
    for rule, method in _state_changing_rules(csrf_app):
        url = _sample_url(rule)
        response = client.open(url, method=method, data={"x": "1"})
        refused = 401 if rule.rule.startswith(TOKEN_PREFIX) else 400
        if response.status_code not in (refused, 403, 404, 429):
            accepted.append((method, url, response.status_code))
    assert accepted == []


def test_a_forged_csrf_token_is_refused_too(csrf_app):
    client = csrf_app.test_client()
    for rule, method in _state_changing_rules(csrf_app):
        if rule.rule.startswith(TOKEN_PREFIX):
            continue
        response = client.open(_sample_url(rule), method=method,
                               data={"csrf_token": "forged.token.value"})
        assert response.status_code in (400, 404), (method, rule.rule, response.status_code)
