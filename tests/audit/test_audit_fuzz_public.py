"""Fuzzing every public page, form and API endpoint, found from the app's own URL map, so
that pages added later (directory, info, public API) are fuzzed without editing this file.

GET: hostile path arguments, plus query parameters named after the fields of the page's
GET forms and its links (the directory search, language and easy-read toggles) and random
ones. POST: the fields of the page's POST forms, hostile. No server errors; no rows written.
"""
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from audit_fuzz import TEXT, Counter, answered, discover, fields_with, fuzz, send
from audit_support import table_counts
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.routing.converters import NumberConverter

PER_GET_ROUTE = 150
PER_POST_ROUTE = 120
# Fuzzed elsewhere with a walked wizard (test_audit_fuzz_signup.py).
ELSEWHERE = {"/aanbieden/stap/<slug>", "/aanbieden/versturen", "/aanbieden/link-kwijt"}
SAMPLE_ARGS = {"code": ["nl", "en"], "postcode": ["9300", "1000", "8000"]}


def _public_rules(app):
    for rule in app.url_map.iter_rules():
        view = app.view_functions.get(rule.endpoint)
        audience = getattr(view, "audience", None)
        if audience in ("public", "manage_link") and rule.rule not in ELSEWHERE:
            yield rule


def _path(rule, args: dict) -> str:
    values = {}
    for name in rule.arguments:
        numeric = isinstance(rule._converters[name], NumberConverter)
        value = args.get(name, "1")
        values[name] = abs(hash(value)) % 10**6 if numeric else value
    return rule.build(values, append_unknown=False)[1]


def _known_fields(client, rule):
    """The field names of the page's forms and of its links' query strings."""
    fields = {"get": {}, "post": {}}
    if rule.arguments or "GET" not in rule.methods:
        return fields
    response = client.get(rule.rule)
    if response.status_code != 200 or "html" not in response.content_type:
        return fields
    found = discover(response.get_data(as_text=True))
    fields.update(found.fields)
    for href in found.links:
        fields["get"].update(parse_qsl(urlsplit(href).query))
    return fields


def _arguments(rule):
    return st.fixed_dictionaries({name: st.one_of(st.sampled_from(SAMPLE_ARGS.get(name, ["x"])),
                                                  TEXT.filter(bool))
                                  for name in rule.arguments})


@pytest.mark.filterwarnings("ignore:The 'session' cookie is too large:UserWarning")
def test_every_public_route_survives_hostile_input(fresh_app):
    app = fresh_app()
    before = table_counts(app)
    start = Counter.total
    rules = list(_public_rules(app))
    assert rules, "no public routes found"
    for rule in rules:
        client = app.test_client()
        fields = _known_fields(client, rule)
        methods = sorted(rule.methods & {"GET", "POST"})

        @fuzz(PER_GET_ROUTE if methods == ["GET"] else PER_POST_ROUTE)
        @given(args=_arguments(rule), query=fields_with(fields["get"]),
               body=fields_with(fields["post"]), method=st.sampled_from(methods))
        def probe(args, query, body, method):
            url = _path(rule, args)
            if method == "GET":
                flat = [(k, v) for k, vs in query.items()
                        for v in (vs if isinstance(vs, list) else [vs])]
                send(client, "GET", url + "?" + urlencode(flat))
            else:
                send(client, "POST", url, data=body)

        probe()
    assert table_counts(app) == before  # no public input may write on an empty site
    print(f"public routes ({len(rules)}): {Counter.total - start} inputs")


def test_the_language_switch_only_ever_redirects_within_the_site(fresh_app):
    client = fresh_app().test_client()
    start = Counter.total

    @fuzz(600)
    @given(code=st.one_of(st.sampled_from(["nl", "en"]), TEXT.filter(bool)),
           target=st.one_of(TEXT, st.sampled_from(["//evil.example", "https://evil.example",
                                                   "/\\evil.example", "\\\\evil.example",
                                                   "/%2F%2Fevil.example", "javascript:x"])))
    def switch(code, target):
        response = send(client, "GET", f"/taal/{quote(code, safe='')}?next={quote(target)}")
        if response.status_code != 302:
            assert response.status_code in (308, 404) or response.known_bug
            return
        location = response.headers["Location"]
        parts = urlsplit(location)
        assert parts.netloc in ("", "localhost"), location
        assert not location.startswith(("//", "/\\", "\\")), location

    switch()
    print(f"language switch: {Counter.total - start} inputs")
