"""Minimisation by design: what may be written about a participant.

Participants' data is health-related and pseudonymous. Two rules live here, in one place:
- a participant's code must look like a code (letters, digits, dashes), not like a name or a
  birth year, so that nobody can tell who the person is from it;
- free text about a participant (interests, notes) must not name a diagnosis or a medicine;
  the platform stores the support a person needs, never why. The word lists below, Dutch and
  English, catch the common words; they are a safety net, not a classifier.
"""
import re
import unicodedata

CODE = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
# Two capitalised words in a row, as a first and last name are written (Jan-Peeters,
# JanPeeters); codes are usually capitals and digits (GENT-017), which this never matches.
NAME_LIKE = re.compile(r"[A-Z][a-zà-ÿ]{1,}(?:-|)[A-Z][a-zà-ÿ]{1,}")
# A birth year of someone of working age or older: 1900-2012.
BIRTH_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|200[0-9]|201[0-2])(?![0-9])")


def code_problem(reference: str) -> str | None:
    """None for a good code, else why not: code_characters, code_name or code_birth_year."""
    if not CODE.match(reference or ""):
        return "code_characters"
    if NAME_LIKE.search(reference):
        return "code_name"
    if BIRTH_YEAR.search(reference):
        return "code_birth_year"
    return None


# Diagnoses, conditions and medicines (generic and common brand names), Dutch and English.
# Lower case, without accents; a word matches at the start of a word, so "depressie" also
# finds "depressief" and "depression".
HEALTH_WORDS = (
    # diagnoses and conditions (nl)
    "schizofren", "psychose", "psychotisch", "depressie", "depressief", "bipolair", "manisch",
    "autisme", "autist", "asperger", "adhd", "borderline", "persoonlijkheidsstoornis",
    "angststoornis", "paniekstoornis", "ptss", "trauma", "ocd", "dwangstoornis", "eetstoornis",
    "anorexia", "boulimie", "verslaving", "verslaafd", "alcoholisme", "dementie", "alzheimer",
    "epilepsie", "diabetes", "suikerziekte", "kanker", "hiv", "hepatitis", "multiple sclerose", "parkinson", "hersenletsel",
    "verstandelijke beperking",
    "mentale beperking", "zelfmoord", "suicid", "zelfbeschadiging", "burn-out", "burnout",
    "psychiatrisch", "psychiatrie", "ziekenhuis", "kliniek",
    "diagnose", "stoornis", "syndroom",
    # diagnoses and conditions (en)
    "schizophren", "psychosis", "psychotic", "depression", "depressed", "bipolar", "autism",
    "autistic", "personality disorder", "anxiety disorder", "panic disorder", "ptsd",
    "eating disorder", "bulimia", "addiction", "addicted", "alcoholism", "dementia",
    "epilepsy", "cancer", "brain injury", "intellectual disability", "suicide", "self-harm",
    "psychiatric", "hospital", "clinic", "diagnosis", "diagnosed", "disorder", "syndrome",
    # medicines
    "medicatie", "medicijn", "medication", "medicine", "antidepressiv", "antipsychoti",
    "clozapine", "clozapin", "leponex", "olanzapine", "zyprexa", "risperidon", "risperdal",
    "quetiapine", "seroquel", "aripiprazol", "abilify", "haloperidol", "haldol", "lithium",
    "valproa", "depakine", "lamotrigin", "carbamazepin", "tegretol", "sertraline", "zoloft",
    "fluoxetine", "prozac", "paroxetine", "seroxat", "citalopram", "escitalopram", "lexapro",
    "venlafaxine", "efexor", "mirtazapine", "remergon", "diazepam", "valium", "lorazepam",
    "temesta", "alprazolam", "xanax", "oxazepam", "seresta", "methylfenidaat",
    "methylphenidate", "rilatine", "ritalin", "concerta", "methadon", "buprenorfine", "insuline",
    "insulin", "morfine", "morphine", "tramadol", "oxycodon",
)
_WORDS = re.compile(r"(?<![a-z0-9])(" + "|".join(map(re.escape, HEALTH_WORDS)) + ")")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def health_words(text: str | None) -> list[str]:
    """The diagnosis or medication words found in `text`, as the text writes them."""
    if not text:
        return []
    plain = _plain(text)
    found = []
    for match in _WORDS.finditer(plain):
        end = match.end()
        while end < len(plain) and plain[end].isalnum():
            end += 1
        word = plain[match.start():end]
        if word not in found:
            found.append(word)
    return found
