"""People's own Dutch words (issue 21): vocabulary, stems, compounds, negations, the
evaluation set's accuracy floors, and the person's wishes first.

The evaluation set and its arguments are in dutch_phrasings.py; bench/bench_words.py prints
the same figures with the code-only baseline."""
from dutch_phrasings import PHRASES, WORKPOSTS

from matcher import Participant, Workpost, WorkpostIndex, words
from matcher_factories import GENT, km_east, person, post


def gent(text="", interests=(), **extra) -> Participant:
    return Participant(id="P", location={"lat": GENT[0], "lon": GENT[1]},
                       travel={"modes": ["bike"], "max_minutes": 40},
                       interests=list(interests), interests_text=text, **extra)


def evaluation_posts() -> list[Workpost]:
    return [Workpost(id=f"G-{i}", name=name, description=text, activities=[activity],
                     location=km_east(1.0 + (i * 7 % 10) * 0.5))
            for i, (activity, name, text) in enumerate(WORKPOSTS)]


def test_the_evaluation_set_is_large_and_covers_every_activity_but_other():
    assert len(PHRASES) >= 60
    assert {want for _, want in PHRASES} == {a for a, _, _ in WORKPOSTS}


def test_words_to_codes_top1_at_least_90_percent():
    hits = sum([c.code for c in words.read(text).candidates][:1] == [want]
               for text, want in PHRASES)
    assert hits / len(PHRASES) >= 0.9


def test_ranking_with_text_only_top1_at_least_90_percent():
    posts = evaluation_posts()
    index = WorkpostIndex.build(posts)
    activity = {p.id: p.activities[0] for p in posts}
    hits = sum([activity[m.workpost_id] for m in index.rank(gent(text), top=1)] == [want]
               for text, want in PHRASES)
    assert hits / len(PHRASES) >= 0.9


def test_the_issues_three_examples_come_first_and_say_why():
    posts = evaluation_posts()
    index = WorkpostIndex.build(posts)
    by_id = {p.id: p for p in posts}
    for text, name, quoted in (("wil iets met hout maken", "Werkplaats De Krul", "hout"),
                               ("houdt van koken", "Sociaal restaurant De Smaak", "koken"),
                               ("was vroeger boekhouder", "Boekhoudkantoor De Smet",
                                "boekhouder")):
        [best] = index.rank(gent(text), top=1)
        assert by_id[best.workpost_id].name == name, text
        reason = next(r for r in best.reasons if r.code == "interest_words")
        assert quoted in reason.words  # "Sluit aan bij ‘hout’ (eigen woorden): houtbewerking"


def test_stems_compounds_and_one_typing_slip():
    assert words.read("kattenhokken kuisen").codes("interests")[0] == "animal_care"
    assert words.read("werkte in een dierenasiel").codes("interests") == ("animal_care",)
    assert words.read("zoekt een houtatelier").codes("interests") == ("woodwork",)
    assert words.read("was vroeger boekhouer").codes("interests") == ("administration",)
    assert words.read("wil timmerne").codes("interests") == ("woodwork",)


def test_negative_cues_become_soft_wishes_and_things_to_avoid():
    assert words.read("geen drukte").codes("wishes") == ("calm_environment",)
    assert words.read("een hoog tempo schrikt hem af").codes("wishes") == ("calm_environment",)
    assert words.read("liever niet met klanten").codes("wishes") == ("no_customer_contact",)
    liked = words.read("liever niet in de keuken, wel graag in de tuin")
    assert liked.codes("interests") == ("green",) and liked.codes("avoid") == ("kitchen",)


def test_a_negated_word_is_no_interest_in_the_text_either():
    text = "liever niet in de keuken, wel graag in de tuin"
    kitchen = post("K", activities=["kitchen"], description="afwassen in de keuken")
    garden = post("T", km=3.0, activities=["green"], description="gras maaien in de tuin")
    ranked = WorkpostIndex.build([kitchen, garden]).rank(person(interests=[],
                                                                interests_text=text))
    assert [m.workpost_id for m in ranked] == ["T", "K"]
    assert "interest_text" not in {r.code for r in ranked[1].reasons}
    assert "avoid_words" in {c.code for c in ranked[1].concerns}  # soft: lowered, not left out


def test_soft_interests_weigh_less_than_chosen_codes():
    written = WorkpostIndex.build([post()]).rank(
        person(interests=[], interests_text="boekhouding en klasseren"))[0]
    chosen = WorkpostIndex.build([post()]).rank(person(interests=["administration"]))[0]
    assert chosen.score > written.score > 0.5


def test_the_persons_wishes_first_unless_nothing_within_reach_shares_one():
    # A kitchen next door shares nothing with "werkt graag met hout"; the wood workshop
    # 5 km away does: it comes first, although the kitchen is closer.
    kitchen = post("KEUKEN", km=0.3, activities=["kitchen"], description="afwassen")
    wood = post("HOUT", km=5.0, activities=["woodwork"], description="schuren en zagen")
    who = person(interests=[], interests_text="werkt graag met hout")
    ranked = WorkpostIndex.build([kitchen, wood]).rank(who)
    assert [m.workpost_id for m in ranked] == ["HOUT", "KEUKEN"]
    assert ranked[0].shares_interest and not ranked[1].shares_interest
    assert ranked[1].score > ranked[0].score  # the score alone would have said otherwise
    # With nothing that shares an interest within reach, the others still come up.
    [only] = WorkpostIndex.build([kitchen]).rank(who)
    assert only.workpost_id == "KEUKEN"


def test_suggestions_leave_out_what_is_chosen():
    found = words.suggest("houdt van dieren, was vroeger boekhouder", known=["animal_care"])
    assert [c.code for c in found] == ["administration"]
    assert found[0].words == ("boekhouder",)
