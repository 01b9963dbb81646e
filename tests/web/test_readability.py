"""Readability measured: Flesch-Douma (tests/web/readability.py) on the main text of the pages
participants, families and businesses read, in Dutch. The easy-read version of a page scores
80 or more, the normal version written for the public 65 or more. `-s` prints the figures
(they are in the README)."""
import pytest
from readability import flesch_douma, main_text
from factories import make_directory_world

EASY, NORMAL = 80, 65


@pytest.fixture()
def world(db_session):
    w = make_directory_world(db_session)
    db_session.commit()
    return w


TOGGLE, ALWAYS_EASY, PLAIN = "easy-read version", "easy-read only", "normal only"


def _pages(world) -> dict[str, tuple[str, str]]:
    """name -> (path, kind): a normal and an easy-read version, written easy-read only (the
    leaflet, the glossary), or a normal version only (the pages for businesses)."""
    garden = world["garden"]
    return {
        "home": ("/", TOGGLE),
        "directory": ("/werkposten", TOGGLE),
        "province": ("/werkposten/limburg", TOGGLE),
        "municipality": ("/werkposten/limburg/hasselt", TOGGLE),
        "near a postcode": ("/werkposten/in-de-buurt?postcode=3500&km=15", TOGGLE),
        "supervisors": ("/begeleiders", TOGGLE),
        "workpost": (f"/werkposten/{garden.id}", TOGGLE),
        "participants (info)": ("/info/deelnemers-en-familie", TOGGLE),
        "participants' leaflet": ("/info/deelnemers-en-familie/folder", ALWAYS_EASY),
        "glossary": ("/info/woordenlijst", ALWAYS_EASY),
        "businesses (offer a place)": ("/aanbieden/", PLAIN),
        "businesses (info)": ("/info/bedrijven", PLAIN),
    }


def _measure(client, path: str, easy: bool) -> dict:
    client.get(f"/makkelijk-lezen/{'aan' if easy else 'uit'}?next=/")
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    return {**flesch_douma(main_text(html)), "text": main_text(html)}


def test_every_page_for_the_public_is_easy_enough_to_read(client, world, capsys):
    figures, too_hard = [], {}
    for name, (path, kind) in _pages(world).items():
        normal = _measure(client, path, easy=False)
        easy = _measure(client, path, easy=True) if kind == TOGGLE else None
        figures.append((name, normal, easy))
        if normal["words"] < 20:
            too_hard[name + " (too short to measure)"] = normal["text"]
        if normal["score"] < (EASY if kind == ALWAYS_EASY else NORMAL):
            too_hard[name] = (normal["score"], normal["text"])
        if easy is not None:
            if easy["text"] == normal["text"]:
                too_hard[name + " (easy-read)"] = "the easy version is the same text"
            elif easy["score"] < EASY:
                too_hard[name + " (easy-read)"] = (easy["score"], easy["text"])
    with capsys.disabled():
        print("\nFlesch-Douma   page | normal (words) | easy-read (words)")
        for name, normal, easy in figures:
            kind = _pages(world)[name][1]
            first = f"{normal['score']} ({normal['words']})"
            second = f"{easy['score']} ({easy['words']})" if easy else "-"
            if kind == ALWAYS_EASY:
                first, second = "-", first
            print(f"  {name} | {first} | {second}")
    assert too_hard == {}, "\n\n".join(f"{name}: {why}" for name, why in too_hard.items())


def test_the_measure_follows_the_published_formula():
    # One sentence of 4 words and 6 syllables: 206.835 - 0.93 * 4 - 77 * 6 / 4.
    assert flesch_douma("Ik werk in de tuin.")["syllables"] == 5
    assert flesch_douma("Wij bakken lekker brood.") == {
        "score": round(206.835 - 0.93 * 4 - 77 * 6 / 4, 1), "words": 4, "sentences": 1,
        "syllables": 6}
    hard = flesch_douma("Arbeidsmatige activiteiten zijn onbetaalde activiteiten met "
                        "begeleiding, voor mensen die (nog) niet betaald kunnen werken.")
    easy = flesch_douma("Je werkt zonder loon. Iemand helpt je.")
    assert hard["score"] < 50 < 90 < easy["score"]
