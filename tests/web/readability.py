"""Flesch-Douma, the Dutch adaptation of Flesch reading ease (Douma, 1960):

    206.835 - 0.93 * (words per sentence) - 77 * (syllables per word)

100 is very easy, 60-70 plain, below 50 hard. Syllables come from the Dutch hyphenation
patterns of pyphen (nl_NL), which leave out a syllable at a word's edge ("i-dee"), so a
word counts at least as many syllables as it has vowel groups. (No tests in this file.)

`main_text(html)` is what a visitor reads on the page: the paragraphs, list items and
definitions inside <main>, without the navigation, forms, the list of results or contact
lines, and with each list item or paragraph ending a sentence.
"""
import re
from html.parser import HTMLParser

import pyphen

_DICT = pyphen.Pyphen(lang="nl_NL")
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
BLOCKS = {"p", "li", "dd", "dt", "h1", "h2", "h3", "td", "th", "figcaption"}
SKIP_TAGS = {"nav", "form", "script", "style", "button", "select", "noscript", "header",
             "footer", "svg", "h1", "h2", "h3", "h4"}  # headings are not sentences
SKIP_CLASSES = {"wp-list", "org-cards", "contact-lines", "easy-toggle", "dir-toolbar",
                "visually-hidden", "pagination", "dir-map", "leaflet-tools", "no-print",
                "fact-list", "muni-list", "breadcrumbs", "region-list", "link-list",
                "schedule", "address"}  # lists of data and links, not sentences


def syllables(word: str) -> int:
    hyphenated = len(_DICT.positions(word.lower())) + 1
    return max(hyphenated, len(_VOWELS.findall(word)), 1)


def flesch_douma(text: str) -> dict:
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n+", text) if _WORD.search(s)]
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        return {"score": 0.0, "words": 0, "sentences": 0, "syllables": 0}
    count = sum(syllables(w) for w in words)
    score = 206.835 - 0.93 * len(words) / len(sentences) - 77 * count / len(words)
    return {"score": round(score, 1), "words": len(words), "sentences": len(sentences),
            "syllables": count}


class _Main(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_main = 0
        self.skipping: list[str] = []  # open tags being skipped
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            if tag == "br":
                self.parts.append(" ")
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or "hidden" in attrs
        self.stack.append((tag, skip))
        if tag == "main":
            self.depth_main += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _skip = self.stack.pop()
            if open_tag == "main":
                self.depth_main -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth_main and not any(skip for _tag, skip in self.stack):
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = _Main()
    parser.feed(html)
    text = "".join(parser.parts)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
