"""What the fuzz tests share (no tests here): hostile input strategies, the settings that
keep the fast suite fast and repeatable, a counter of inputs sent, and discovery of the
fields of a page's forms."""
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# Input that has broken web apps before: SQL and template injection, markup, control and
# NUL characters (PostgreSQL refuses NUL in text), odd Unicode, numbers at the edges.
NASTY = [
    "' OR '1'='1", "1; DROP TABLE workposts; --", "\" OR \"\"=\"", "%", "_", "\\", "\\'",
    "{{7*7}}", "{% raw %}", "${7*7}", "<script>alert(1)</script>", "<img src=x onerror=1>",
    "\x00", "a\x00b", "\r\n", "\u202e", "\ufeff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ß", "İ", "0", "-1",
    "99999999999999999999", "1e309", "NaN", "inf", "0x10", " ", "null", "None", "[]", "{}",
    "../../etc/passwd", "//evil.example", "https://evil.example", "javascript:alert(1)",
    "31/02/2026", "2026-13-01", "0000-00-00", "9300", "1000", "0403.520.196", "a@b",
]

TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(NASTY),
    st.text(st.characters(codec="utf-8"), min_size=200, max_size=1500),
    st.integers().map(str),
)

# No shrinking: a failing input is reported as found, which keeps CI time bounded.
FAST = settings(deadline=None, derandomize=True, database=None, print_blob=False,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate])


def fuzz(examples: int):
    return settings(FAST, max_examples=examples)


class Counter:
    """Counts every request the fuzz tests send; the total is printed at the end."""
    total = 0

    @classmethod
    def add(cls, n: int = 1) -> None:
        cls.total += n


def fields_with(known: dict) -> st.SearchStrategy:
    """A form body: each known field valid, hostile, repeated or absent; plus junk fields."""
    def one(valid):
        return st.one_of(st.just(valid), TEXT, st.lists(TEXT, max_size=3))

    known_part = st.fixed_dictionaries({}, optional={name: one(valid)
                                                     for name, valid in known.items()})
    junk = st.dictionaries(st.text(min_size=1, max_size=12), TEXT, max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known_part, junk)


class FormFields(HTMLParser):
    """Names (and first offered values) of the inputs of a page's forms, by method."""

    def __init__(self):
        super().__init__()
        self.fields = {"get": {}, "post": {}}
        self.method = None
        self.links = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.method = (attrs.get("method") or "get").lower()
        elif tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            bucket = self.fields.get(self.method or "get")
            if bucket is not None and attrs["name"] != "csrf_token":
                bucket.setdefault(attrs["name"], attrs.get("value") or "")
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.method = None


def discover(html: str) -> FormFields:
    parser = FormFields()
    parser.feed(html)
    return parser


def answered(response, *codes) -> bool:
    """The status is one of codes, or a known, listed bug answered."""
    return response.known_bug or response.status_code in codes


# Server errors the fuzzing found that are not fixed yet: name -> (predicate on the request,
# where). Each has a strict xfail test of its own that turns red once it is fixed, so that
# its entry here is removed; any other server error fails the fuzz test at once.
KNOWN_BUGS: dict = {}
KNOWN_SEEN: dict[str, int] = {}


def _has_nul(url: str, data) -> bool:
    texts = [url]
    for key, value in (data.items() if isinstance(data, dict) else [("", data or "")]):
        texts.append(str(key))
        texts.extend(str(v) for v in (value if isinstance(value, (list, tuple)) else [value]))
    return "%00" in url.lower() or any("\x00" in text for text in texts)


def known_bug(method: str, url: str, data=None) -> bool:
    for name, (matches, _where) in KNOWN_BUGS.items():
        if matches(method, url, data or {}):
            KNOWN_SEEN[name] = KNOWN_SEEN.get(name, 0) + 1
            return True
    return False


def send(client, method: str, url: str, **kwargs):
    """One fuzz input: counted, and never answered with a server error (but for the known,
    listed ones, which are counted)."""
    Counter.add()
    response = client.open(url, method=method, **kwargs)
    # A NUL character is refused for every request with 400 (web/infra/requests.py): a clear
    # answer to input no person types, and one the fuzz tests accept wherever it appears.
    response.known_bug = response.status_code == 400 and _has_nul(url, kwargs.get("data"))
    if response.status_code >= 500:
        if known_bug(method, url, kwargs.get("data")):
            response.known_bug = True
            return response
    assert response.status_code < 500, (method, url, kwargs, response.status_code)
    return response
