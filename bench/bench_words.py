"""How well the matcher understands people's own Dutch words: prints figures, never asserts.

    python bench/bench_words.py

On the evaluation set of tests/matcher/dutch_phrasings.py (everyday phrasings, each with the
activity a coordinator expects) and its workposts near Gent (one per activity, spread 1 to
5.5 km from the person, who cycles up to 40 minutes):
- words to codes: is the expected activity the first (top-1) or among the first three
  (top-3) codes read from the words (matcher.words)?
- ranking with text only: a person described only by the phrase (no codes); is the first
  workpost (top-1), or one of the first three, of the expected activity?
- code-only baseline: the same person with the expected activity as their only interest
  code and no text: what a supervisor who picked the right code gets.
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "matcher"))

from dutch_phrasings import PHRASES, WORKPOSTS  # noqa: E402
from matcher import Participant, Workpost, WorkpostIndex  # noqa: E402

GENT = (51.0543, 3.7174)


def workposts() -> list[Workpost]:
    """One per activity, at 1 to 5.5 km east of the person (a fixed, mixed order)."""
    return [Workpost(id=f"G-{i}", name=name, description=text, activities=[activity],
                     location={"lat": GENT[0], "lon": GENT[1] + (1.0 + (i * 7 % 10) * 0.5) / 69.95})
            for i, (activity, name, text) in enumerate(WORKPOSTS)]


def person(text: str = "", interests=()) -> Participant:
    return Participant(id="P", location={"lat": GENT[0], "lon": GENT[1]},
                       travel={"modes": ["bike"], "max_minutes": 40},
                       interests=list(interests), interests_text=text)


def accuracy(found: list[list[str]]) -> tuple[float, float]:
    top1 = sum(got[:1] == [want] for got, (_, want) in zip(found, PHRASES))
    top3 = sum(want in got[:3] for got, (_, want) in zip(found, PHRASES))
    return 100 * top1 / len(PHRASES), 100 * top3 / len(PHRASES)


def words_to_codes() -> list[list[str]] | None:
    try:
        from matcher import words
    except ImportError:  # an engine from before the vocabulary
        return None
    return [[c.code for c in words.read(text).candidates] for text, _ in PHRASES]


def ranking(index, activity_of, make) -> list[list[str]]:
    return [[activity_of[m.workpost_id] for m in index.rank(make(text, want), top=3)]
            for text, want in PHRASES]


def main() -> None:
    posts = workposts()
    index = WorkpostIndex.build(posts)
    activity_of = {p.id: p.activities[0] for p in posts}
    print(f"Dutch evaluation set: {len(PHRASES)} phrasings, {len(posts)} workposts near Gent")
    start = time.perf_counter()
    codes = words_to_codes()
    if codes is None:
        print("words to codes        (no vocabulary in this engine)")
    else:
        print("words to codes        top-1 {:5.1f} %   top-3 {:5.1f} %".format(*accuracy(codes)))
    text_only = ranking(index, activity_of, lambda text, want: person(text))
    print("ranking, text only    top-1 {:5.1f} %   top-3 {:5.1f} %".format(*accuracy(text_only)))
    code_only = ranking(index, activity_of, lambda text, want: person(interests=[want]))
    print("ranking, code only    top-1 {:5.1f} %   top-3 {:5.1f} %   (baseline: the right code "
          "chosen)".format(*accuracy(code_only)))
    misses = [(text, want, got[:3]) for (text, want), got in zip(PHRASES, text_only)
              if got[:1] != [want]]
    for text, want, got in misses:
        print(f"  text-only miss: {text!r}: expected {want}, got {', '.join(got)}")
    print(f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
