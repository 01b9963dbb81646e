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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import REPO, seeded_server  # noqa: E402

INJECTABLE = "identified the following injection point"
SAMPLE = {"code": "nl", "postcode": "9300", "slug": "soort", "token": "abc"}


class Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.links, self.current = [], set(), None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"method": (attrs.get("method") or "get").lower(),
                            "action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self.current)
        elif tag in ("input", "select", "textarea") and self.current and attrs.get("name"):
            if attrs.get("type") not in ("submit", "button"):
                self.current["fields"].setdefault(attrs["name"], attrs.get("value") or "1")
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def ensure_sqlmap() -> str:
    if not shutil.which("sqlmap"):
        print("installing Debian's sqlmap ...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "sqlmap"], check=True,
                       stdout=subprocess.DEVNULL)
    return shutil.which("sqlmap")


def public_rules(env: dict) -> list:
    """(rule text, methods, arguments) of every public route, read from the app's URL map."""
    code = ("import json\nfrom wsgi import app\nout=[]\n"
            "for r in app.url_map.iter_rules():\n"
            "    a = getattr(app.view_functions[r.endpoint], 'audience', None)\n"
            "    if a in ('public', 'manage_link'):\n"
            "        out.append([r.rule, sorted(r.methods), sorted(r.arguments)])\n"
            "print(json.dumps(out))")
    result = subprocess.run([str(REPO / ".venv/bin/python"), "-c", code], cwd=REPO, env=env,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


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

    for rule, methods, arguments in rules:
        path = rule
        for name in arguments:
            for pattern in (f"<{name}>", f"<int:{name}>", f"<string:{name}>"):
                path = path.replace(pattern, SAMPLE.get(name, "1") + "*")
        if arguments and "GET" in methods:
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
                    url = base + api_path.replace("{" + p["name"] + "}", "1*")
            add("api", url + ("?" + urlencode(params) if params else ""))
    return found


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
    parser.add_argument("--quick", action="store_true",
                        help="boolean, error and union techniques only (no time-based)")
    args = parser.parse_args()
    sqlmap = ensure_sqlmap()
    with seeded_server(args.database, args.workposts, workers=2,
                       app_config={"RATELIMIT_ENABLED": False}) as server, \
            tempfile.TemporaryDirectory(prefix="wpw-sqlmap-") as out:
        found = targets(server.url, public_rules(server.env))
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
