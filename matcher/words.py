"""People's own words to the contract's codes: soft interests, things to avoid, soft wishes.

"wil iets met hout maken" -> woodwork; "was vroeger boekhouder" -> administration;
"geen drukte" -> the wish for a calm environment; "liever niet in de keuken" -> kitchen to
avoid. The words per code live in matcher/vocabulary.toml (people from the field extend it);
this module only reads them:

- every word is normalised (lower case, no accents) and stemmed with Snowball's Dutch
  stemmer, so "katten" finds "kat" and "boekhouding" finds "boekhoud";
- a word the vocabulary does not know is split into known parts (kattenhokken = katten +
  hokken, dierenasiel = dieren + asiel, with the linking s/e/en of Dutch compounds);
- a word still unknown is matched with one typing slip (insertion, deletion, swap or
  substitution: "boekhouer", "timmerne");
- a phrase in the vocabulary ("hout maken") counts when all its words occur in one clause;
- a clause with a negation or an aversion ("geen", "liever niet", "schrikt af") turns its
  activity words into things to avoid and its unwanted things into wishes.

The result says which of the person's words led to each code, so that a reason can quote
them. Everything is cached per text: a participant's words are read once per process.
"""
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from matcher import codes

VOCABULARY = Path(__file__).with_name("vocabulary.toml")
# How much each kind of evidence counts (a whole phrase says more than one of its words).
PHRASE, WORD, PART, SLIP, PARTIAL = 1.5, 1.0, 0.8, 0.7, 0.4
# A job someone had says more than a place word ("poetsvrouw in een school": cleaning).
FIELD = {"occupations": 1.3, "tasks": 1.15, "words": 1.0, "unwanted": 1.0}
HEAD, MODIFIER = 0.8, 0.6  # a compound is mostly its last part: a kleuterjuf is a juf
MIN_WEIGHT = 0.6          # a code needs at least this much evidence to count
RELATIVE = 0.8            # ... and at least 80 % of the best code's
MAX_SOFT = 3              # at most this many soft interests from one text
_LINKS = ("en", "s", "e", "")  # linking sounds between the parts of a compound
_CLAUSE = re.compile(r"[,.;:!?\n()]+|\b(?:maar|want|omdat|behalve|but|because|except)\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Aversions that follow what they are about ("drukte schrikt hem af", "koken is niets voor
# haar"): they turn the whole clause, not only the words after them.
_AFTER = {"schrikt", "afschrikken", "niets", "moeilijk", "bang", "lukt", "hates", "dislikes"}


def normalise(text: str) -> str:
    """Lower case without accents: "Koffiebranderij, café" -> "koffiebranderij, cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return [t.replace("'", "") for t in _TOKEN.findall(normalise(text).replace("-", " "))]


_stemmer = snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


@dataclass(frozen=True)
class Cue:
    """One code the text points to: how strongly, and which of the person's words said it."""
    code: str
    weight: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    interests: tuple[Cue, ...] = ()   # activity codes, strongest first
    avoid: tuple[Cue, ...] = ()       # activity codes the person would rather not do
    wishes: tuple[Cue, ...] = ()      # support codes asked for, or answering an aversion
    candidates: tuple[Cue, ...] = field(default=(), compare=False)  # every activity seen

    def codes(self, kind: str) -> tuple[str, ...]:
        return tuple(c.code for c in getattr(self, kind))

    def words_for(self, kind: str, code: str) -> tuple[str, ...]:
        return next((c.words for c in getattr(self, kind) if c.code == code), ())


class Lexicon:
    """The vocabulary file, stemmed: single words and phrases to (universe, code, field)."""

    def __init__(self, data: dict):
        self.stopwords = set(tokens(" ".join(data["stopwords"].values())))
        self.negations = [tuple(tokens(n)) for lang in data["negation"].values() for n in lang]
        self.negations_by_first: dict[str, list[tuple]] = {}
        for cue in self.negations:
            self.negations_by_first.setdefault(cue[0], []).append(cue)
        self.single: dict[str, dict[tuple, float]] = {}
        self.forms: dict[str, str] = {}  # a word as written, or its stem -> its lexicon key
        self.phrases: list[tuple[frozenset, tuple, float, bool]] = []
        for universe, section in (("activity", "activities"), ("support", "supports")):
            allowed = codes.ACTIVITIES if universe == "activity" else codes.SUPPORTS
            for code, lists in data[section].items():
                if code not in allowed:
                    raise ValueError(f"vocabulary: unknown {universe} code {code!r}")
                for name, entries in lists.items():
                    kind = "unwanted" if name.startswith("unwanted") else "wanted"
                    for entry in entries:
                        self._add(entry, (universe, code, kind), FIELD[name.split("_")[0]])
        self.forms.update({key: key for key in self.single})
        self._slips = _deletions_index(self.forms)

    def _add(self, entry: str, target: tuple, strength: float) -> None:
        words = tokens(entry)
        negated = any(_contains(words, n) for n in self.negations)
        kept = [w for w in words if w not in self.stopwords] or words
        content = [stem(w) for w in kept]
        self.forms.update(zip(kept, content))
        if len(content) == 1 and not negated:
            if words[0] in self.stopwords:
                return  # "van" (a small truck) is "of" in Dutch: never a cue
            self._put(content[0], target, WORD * strength)
            return
        self.phrases.append((frozenset(content), target, PHRASE * strength, negated))
        for part in content:  # each word of a phrase hints at its code, weakly
            self._put(part, target, PARTIAL)

    def _put(self, key: str, target: tuple, weight: float) -> None:
        entry = self.single.setdefault(key, {})
        entry[target] = max(entry.get(target, 0.0), weight)

    # -- one word ---------------------------------------------------------------------------

    @lru_cache(maxsize=65536)
    def word(self, token: str) -> tuple[tuple[str, float], ...]:
        """The lexicon keys a token stands for, with how sure we are: itself, its parts, or
        the known word it is one typing slip away from."""
        key = stem(token)
        if key in self.single:
            return ((key, 1.0),)
        parts = self.split(token)
        if parts:
            return tuple((p, HEAD if i == len(parts) - 1 else MODIFIER)
                         for i, p in enumerate(parts))
        if len(token) >= 5:
            near = self._near(key) or self._near(token)
            if near:
                return ((near, SLIP),)
        return ()

    @lru_cache(maxsize=65536)
    def split(self, token: str, depth: int = 0) -> tuple[str, ...]:
        """Known parts of a compound, longest head first: 'kattenhokken' -> (kat, hok)."""
        if depth > 2 or len(token) < 6:
            return ()
        for cut in range(len(token) - 3, 2, -1):
            head = self._known(token[cut:])
            if head is None:
                continue
            left = token[:cut]
            for link in _LINKS:
                if link and not left.endswith(link):
                    continue
                base = left[: len(left) - len(link)] if link else left
                if len(base) < 3:
                    continue
                known = self._known(base)
                if known is not None:
                    return (known, head)
                deeper = self.split(base, depth + 1)
                if deeper:
                    return (*deeper, head)
        return ()

    def _known(self, part: str) -> str | None:
        if len(part) < 3:
            return None
        for candidate in (stem(part), part):
            if candidate in self.single:
                return candidate
        return None

    def _near(self, word: str) -> str | None:
        """A lexicon key at most one typing slip away (a symmetric-deletion lookup)."""
        found = set()
        for variant in {word, *_deletions(word)}:
            found.update(self._slips.get(variant, ()))
        found = sorted(f for f in found if abs(len(f) - len(word)) <= 1 and f[:1] == word[:1])
        best = min(found, key=lambda f: (abs(len(f) - len(word)), f)) if found else None
        return None if best is None else self.forms[best]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _deletions_index(keys) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key in keys:
        if len(key) < 4:
            continue
        for variant in {key, *_deletions(key)}:
            index.setdefault(variant, []).append(key)
    return index


def _contains(words, phrase) -> bool:
    n = len(phrase)
    return n > 0 and any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with VOCABULARY.open("rb") as handle:
        return Lexicon(tomllib.load(handle))


# -- a whole text ---------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def read(text: str) -> Reading:
    """What a participant's own words say, as codes with the words that said them."""
    lex = lexicon()
    scores: dict[tuple, float] = {}
    said: dict[tuple, list[str]] = {}

    def count(target, weight, negated, words):
        universe, code, kind = target
        if universe == "activity":
            if kind != "wanted" or (negated and weight <= PARTIAL):
                return
            what = ("avoid" if negated else "interest", code)
        else:
            if (kind == "unwanted") != negated:
                return  # "drukte" alone, or "geen rust": no wish follows
            what = ("wish", code)
        scores[what] = scores.get(what, 0.0) + weight
        said.setdefault(what, [])
        for w in words:
            if w not in said[what]:
                said[what].append(w)

    for clause in _CLAUSE.split(normalise(text or "")):
        if not clause or not clause.strip():
            continue
        words = tokens(clause)
        negated_from = _negation_start(words, lex)
        keys: list[tuple[str, float, str, bool]] = []
        for i, token in enumerate(words):
            if token in lex.stopwords:
                continue
            negated = negated_from is not None and i >= negated_from
            for key, sure in lex.word(token):
                keys.append((key, sure, token, negated))
        present = {k for k, _, _, _ in keys}
        used_in_phrase = set()
        for content, target, weight, phrase_negated in lex.phrases:
            if content <= present:
                found = [t for k, _, t, _ in keys if k in content]
                negated = not phrase_negated and any(n for k, _, _, n in keys if k in content)
                count(target, weight, negated, [" ".join(dict.fromkeys(found))])
                used_in_phrase |= content
        for key, sure, token, negated in keys:
            targets = lex.single.get(key, {})
            spread = max(1.0, len([t for t, w in targets.items() if w > PARTIAL])) ** 0.5
            for target, weight in targets.items():
                if key in used_in_phrase and weight <= PARTIAL:
                    continue  # the phrase already counted this word
                count(target, weight * sure / spread, negated, [token])
    return _reading(scores, said)


def _negation_start(words: list[str], lex: Lexicon) -> int | None:
    """Where a negation starts in a clause (None: not negated); an aversion that follows its
    object negates the whole clause."""
    for i, word in enumerate(words):
        for cue in lex.negations_by_first.get(word, ()):
            if tuple(words[i:i + len(cue)]) == cue:
                return 0 if cue[0] in _AFTER else i
    return None


def _shortest(found: list[str]) -> tuple[str, ...]:
    """The words to quote: a phrase once, not again word by word."""
    return tuple(w for w in found
                 if not any(w != other and set(w.split()) <= set(other.split())
                            for other in found))


def _reading(scores: dict, said: dict) -> Reading:
    said = {key: _shortest(found) for key, found in said.items()}
    def cues(kind, limit=None, relative=True):
        found = sorted(((w, code) for (k, code), w in scores.items() if k == kind),
                       key=lambda p: (-p[0], p[1]))
        best = found[0][0] if found else 0.0
        kept = [Cue(code, round(w, 3), tuple(said[(kind, code)])) for w, code in found
                if w >= MIN_WEIGHT and (not relative or w >= RELATIVE * best)]
        return tuple(kept[:limit] if limit else kept)

    ranked = sorted(((w, code) for (k, code), w in scores.items() if k == "interest"),
                    key=lambda p: (-p[0], p[1]))
    everything = tuple(Cue(code, round(w, 3), tuple(said[("interest", code)]))
                       for w, code in ranked)
    return Reading(interests=cues("interest", MAX_SOFT), avoid=cues("avoid", relative=False),
                   wishes=cues("wish", relative=False), candidates=everything)


@lru_cache(maxsize=4096)
def without_negations(text: str) -> str:
    """The text without what the person does not want ("liever niet in de keuken, wel in
    de tuin" -> "wel in de tuin"), for text similarity: a negated word is no interest."""
    lex = lexicon()
    kept = []
    for clause in _CLAUSE.split(normalise(text or "")):
        if not clause or not clause.strip():
            continue
        words = tokens(clause)
        start = _negation_start(words, lex)
        kept.extend(words if start is None else words[:start])
    return " ".join(kept)


def suggest(text: str, known=()) -> tuple[Cue, ...]:
    """Activity codes to propose to the person typing, strongest first, leaving out the ones
    already chosen. Wider than the soft interests used in ranking (every code with enough
    evidence, not only those near the strongest): a person confirms each one."""
    known = set(known)
    return tuple(c for c in read(text or "").candidates
                 if c.weight >= MIN_WEIGHT and c.code not in known)[:MAX_SOFT]
