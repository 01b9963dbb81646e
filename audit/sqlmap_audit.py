"""sqlmap against every public GET parameter and public form of a local, seeded server.

    .venv/bin/python audit/sqlmap_audit.py [--database sqlite|postgresql] [--quick]

Targets are found from the app itself: every public route of its URL map (path arguments
marked with sqlmap's `*`), the fields of every GET and POST form on the public pages and
the query parameters of their links, and the public GET operations of /api/v1/openapi.json
when it exists. Forms are sent with a fresh CSRF token each time (--csrf-token/--csrf-url).
Only ever aimed at 127.0.0.1. Prints "0 injectable" or the list; exits 1 when anything is.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import REPO, seeded_server  # noqa: E402

INJECTABLE = "identified the following injection point"
# Values for path arguments that no sitemap page shows (the others come from the sitemap, so
# that sqlmap starts from a real page rather than a 404).
SAMPLE = {"code": "nl", "postcode": "9300", "slug": "soort", "token": "abc", "stand": "aan"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.links, self.current, self.select = [], set(), None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"method": (attrs.get("method") or "get").lower(),
                            "action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self.current)
        elif tag == "select" and self.current and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select and attrs.get("value"):
            # A select's first real choice: a value the page accepts, as a person would pick.
            self.current["fields"].setdefault(self.select, attrs["value"])
        elif tag in ("input", "textarea") and self.current and attrs.get("name"):
            if attrs.get("type") not in ("submit", "button"):
                self.current["fields"].setdefault(attrs["name"], attrs.get("value") or "1")
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            self.current["fields"].setdefault(self.select, "1")
            self.select = None
        elif tag == "form":
            self.current = None


def ensure_sqlmap() -> str:
    if not shutil.which("sqlmap"):
        print("installing Debian's sqlmap ...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "sqlmap"], check=True,
                       stdout=subprocess.DEVNULL)
    return shutil.which("sqlmap")


def public_rules(env: dict, pages: list[str]) -> list:
    """(rule text, methods, arguments, example) of every public route, read from the app's
    URL map; example holds the arguments of the first of pages (paths) that the rule serves."""
    code = ("import json, sys\nfrom wsgi import app\nout=[]\n"
            "urls = app.url_map.bind('localhost')\n"
            "examples = {}\n"
            "for page in json.loads(sys.stdin.read()):\n"
            "    try:\n"
            "        rule, args = urls.match(page, method='GET', return_rule=True)\n"
            "    except Exception:\n"
            "        continue\n"
            "    examples.setdefault(rule.rule, {k: str(v) for k, v in args.items()})\n"
            "for r in app.url_map.iter_rules():\n"
            "    a = getattr(app.view_functions[r.endpoint], 'audience', None)\n"
            "    if a in ('public', 'manage_link'):\n"
            "        out.append([r.rule, sorted(r.methods), sorted(r.arguments),\n"
            "                    examples.get(r.rule, {})])\n"
            "print(json.dumps(out))")
    result = subprocess.run([str(REPO / ".venv/bin/python"), "-c", code], cwd=REPO, env=env,
                            input=json.dumps(pages), capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def sitemap_paths(base: str) -> list[str]:
    status, _type, text, _final = _fetch(base + "/sitemap.xml")
    if status != 200:
        return []
    return [urlsplit(loc.text).path for loc in ElementTree.fromstring(text).iter(SITEMAP + "loc")]


def _fetch(url: str) -> tuple[int, str, str, str]:
    """Status, content type, text and the final URL (after redirects)."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), \
                response.read().decode("utf-8", "replace"), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, "", "", url


def targets(base: str, rules: list) -> list[dict]:
    found, seen = [], set()

    def add(kind, url, data=None, csrf_url=None):
        key = (kind, url, data)
        if key not in seen:
            seen.add(key)
            found.append({"kind": kind, "url": url, "data": data, "csrf_url": csrf_url})

    # An id seen in one route's sitemap page serves the routes that show no page of their own.
    seen_values = {name: value for *_rest, example in rules for name, value in example.items()
                   if name.endswith("_id")}
    for rule, methods, arguments, example in rules:
        path = rule
        for name in arguments:
            value = example.get(name) or seen_values.get(name) or SAMPLE.get(name, "1")
            for pattern in (f"<{name}>", f"<int:{name}>", f"<string:{name}>"):
                path = path.replace(pattern, value + "*")
        if arguments and "GET" in methods and not rule.startswith("/api/"):
            # API paths come from the OpenAPI document below, with values from the API itself.
            add("path", base + path)
        if arguments or "GET" not in methods:
            continue
        status, content_type, html, final = _fetch(base + path)
        if status != 200 or "html" not in content_type:
            continue
        path = urlsplit(final).path  # a page that redirects: its forms live at the target
        page = Forms()
        page.feed(html)
        for form in page.forms:
            fields = {k: v for k, v in form["fields"].items() if k != "csrf_token"}
            if not fields:
                continue
            action = urlsplit(form["action"]).path or path
            if form["method"] == "get":
                add("get", base + action + "?" + urlencode(fields))
            else:
                add("post", base + action, urlencode(fields), csrf_url=base + path)
        for href in page.links:
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/"):
                continue
            params = dict(parse_qsl(parts.query))
            if params:
                add("get", base + parts.path + "?" + urlencode(params))
    status, _type, text, _final = _fetch(base + "/api/v1/openapi.json")
    if status == 200:
        for api_path, operations in json.loads(text).get("paths", {}).items():
            get = operations.get("get")
            if not get or get.get("security"):
                continue  # token-protected operations are not public
            params = {p["name"]: SAMPLE.get(p["name"], "1") for p in get.get("parameters", [])
                      if p.get("in") == "query"}
            url = base + api_path.replace("{", "").replace("}", "")
            for p in get.get("parameters", []):
                if p.get("in") == "path":
                    value = api_example(base, api_path, p["name"])
                    url = base + api_path.replace("{" + p["name"] + "}", value + "*")
            add("api", url + ("?" + urlencode(params) if params else ""))
    return found


def api_example(base: str, api_path: str, name: str) -> str:
    """A real value for a path parameter of the API ("/organisations/{slug}"): the first item
    of its collection ("/organisations") that has the field, else a sample."""
    status, _type, text, _final = _fetch(base + api_path.rsplit("/", 1)[0])
    if status == 200:
        for item in json.loads(text).get("items", []):
            if isinstance(item, dict) and item.get(name) is not None:
                return str(item[name])
    return SAMPLE.get(name, "1")


def run_sqlmap(sqlmap: str, target: dict, out: Path, quick: bool) -> tuple[bool, str]:
    assert urlsplit(target["url"]).hostname == "127.0.0.1", target["url"]
    command = [sqlmap, "--batch", "-u", target["url"], "--output-dir", str(out),
               "--flush-session", "--timeout", "10", "--retries", "1",
               "--disable-coloring", "--smart" if quick else "--level=2"]
    if quick:
        command += ["--technique", "BEU"]
    if not target["csrf_url"]:
        command += ["--threads", "2"]  # sqlmap refuses threads together with --csrf-url
    if target["data"]:
        command += ["--data", target["data"]]
        if target["csrf_url"]:
            command += ["--csrf-token", "csrf_token", "--csrf-url", target["csrf_url"],
                        "--csrf-method", "GET"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    return INJECTABLE in output, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workposts", type=int, default=500)
    parser.add_argument("--only", default="",
                        help="only the targets whose URL contains this text")
    parser.add_argument("--quick", action="store_true",
                        help="boolean, error and union techniques only (no time-based)")
    args = parser.parse_args()
    sqlmap = ensure_sqlmap()
    with seeded_server(args.database, args.workposts, workers=2,
                       app_config={"RATELIMIT_ENABLED": False}) as server, \
            tempfile.TemporaryDirectory(prefix="wpw-sqlmap-") as out:
        found = [t for t in targets(server.url, public_rules(server.env,
                                                          sitemap_paths(server.url)))
                 if args.only in t["url"]]
        version = subprocess.run([sqlmap, "--version"], capture_output=True,
                                 text=True).stdout.split()[0]
        print(f"sqlmap {version}: {len(found)} targets on {server.url} ({args.database})",
              flush=True)
        injectable, undecided = [], []
        for target in found:
            hit, output = run_sqlmap(sqlmap, target, Path(out), args.quick)
            label = f"{'POST' if target['data'] else 'GET'} {target['url']}" + (
                f" [{target['data']}]" if target["data"] else "")
            verdict = "INJECTABLE" if hit else "not injectable"
            if "all tested parameters do not appear to be injectable" not in output and not hit:
                verdict = "NO VERDICT"
                problems = [line for line in output.splitlines()
                            if "[CRITICAL]" in line or "[ERROR]" in line]
                label += "\n      " + "\n      ".join(problems[-2:])
                undecided.append(label)
            print(f"  {verdict:<16} {label}", flush=True)
            if hit:
                injectable.append(label)
    if injectable:
        print(f"{len(injectable)} injectable:\n  " + "\n  ".join(injectable))
        return 1
    if undecided:
        print(f"0 injectable, but {len(undecided)} target(s) without a verdict")
        return 2
    print("0 injectable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
