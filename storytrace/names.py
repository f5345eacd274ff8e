"""Name normalisation and comparison shared by per-document and cross-document merging."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from storytrace.extract.lexicon import ROLE_ABBREVIATIONS, ROLE_NOUNS, TITLE_MODIFIERS

SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. mx mx. miss dr dr. sir dame lord lady cllr cllr. rabbi sheikh prof prof.".split())

# Spelling variants of given names that refer to the same person across outlets.
GIVEN_NAME_VARIANTS = (
    {"benjamin", "binyamin", "binyamin", "bibi", "benny"},
    {"sergey", "sergei", "sergiy"},
    {"dmitry", "dmitri", "dmitriy"},
    {"alexei", "alexey", "aleksei", "aleksey"},
    {"alexander", "aleksandr", "alexandr"},
    {"mohammed", "muhammad", "mohamed", "mohammad", "muhammed"},
    {"yusuf", "youssef", "yousef", "joseph", "yosef"},
    {"yevgeny", "evgeny", "yevgeniy"},
    {"yuri", "yury", "yuriy"},
    {"nikolai", "nikolay"},
    {"andrei", "andrey"},
    {"tatiana", "tatyana"},
    {"natalia", "natalya"},
    {"yelena", "elena"},
    {"ekaterina", "yekaterina"},
    {"maxim", "maksim"},
    {"yaakov", "yaacov", "jacob", "yacov"},
    {"yitzhak", "itzhak", "yitzchak", "isaac"},
    {"avraham", "abraham"},
    {"moshe", "moses"},
    {"zeev", "ze'ev"},
    {"daniel", "dan", "danny"},
    {"william", "bill", "billy"},
    {"robert", "bob", "rob", "bobby"},
    {"michael", "mike"},
    {"james", "jim", "jimmy"},
    {"joseph", "joe"},
    {"thomas", "tom"},
    {"richard", "rick", "dick"},
    {"edward", "ed", "ted"},
    {"anthony", "tony"},
    {"steven", "stephen", "steve"},
    {"christopher", "chris"},
    {"nicholas", "nick"},
    {"andrew", "andy"},
    {"elizabeth", "liz", "beth"},
    {"katherine", "catherine", "kate", "kathy"},
    {"hillary", "hilary"},
    {"timothy", "tim"},
    {"david", "dave"},
    {"peter", "pete"},
    {"matthew", "matt"},
    {"samuel", "sam"},
    {"charles", "charlie", "chuck"},
    {"gregory", "greg"},
    {"kenneth", "ken"},
    {"ronald", "ron"},
    {"donald", "don"},
    {"lawrence", "larry"},
    {"douglas", "doug"},
    {"jeffrey", "jeff"},
    {"raymond", "ray"},
    {"philip", "phillip", "phil"},
    {"frederick", "fred"},
    {"patrick", "pat"},
    {"susan", "sue"},
    {"jennifer", "jen", "jenny"},
    {"rebecca", "becky"},
    {"deborah", "debbie", "debra"},
)


@lru_cache(maxsize=1)
def _variant_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for number, group in enumerate(GIVEN_NAME_VARIANTS):
        for name in group:
            index.setdefault(name, number)
    return index


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and quote-insensitive form of a name, invisible marks dropped (remembered:
    linking asks often)."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", text).strip().casefold()


def visible(name: str) -> str:
    """A name as shown: invisible marks ('Netan\\xadyahu', a zero-width space) dropped and any run of
    spaces, no-break ones included, written as one space."""
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())


def strip_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def strip_possessive(name: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", name.strip())


def person_tokens(name: str) -> list[str]:
    """A person's name as folded tokens without honorifics, titles or suffixes."""
    tokens = [t.strip(".,") for t in fold(strip_possessive(name)).split()]
    while tokens and (tokens[0] in HONORIFICS or tokens[0] in ROLE_ABBREVIATIONS or tokens[0] in ROLE_NOUNS or
                      tokens[0] in TITLE_MODIFIERS and len(tokens) > 1 and tokens[1] in ROLE_NOUNS | TITLE_MODIFIERS):
        tokens = tokens[1:]  # 'Crown Prince Mohammed bin Salman'
    while tokens and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    return [t for t in tokens if t]


# Words that join a surname rather than name a person ('van der Berg', 'de la Cruz', 'al-Masri' written 'al Masri')
SURNAME_PARTICLES = frozenset("van von der den de la le du da di del della al el bin ben ibn ter ten dos das".split())


def surname_only(tokens: list[str]) -> bool:
    """'Van der Berg', 'De la Cruz': a surname with its particles, no given name, however many words."""
    return len(tokens) >= 2 and all(t in SURNAME_PARTICLES for t in tokens[:-1])


def surname(name: str) -> str:
    tokens = person_tokens(name)
    return tokens[-1] if tokens else ""


@lru_cache(maxsize=65536)
def surname_key(token: str) -> str:
    """A folded surname as compared across reports: transliterations that differ by a doubled letter,
    an opening 'q' for 'g', a 'dh' for 'd' or an Arabic article are one ('Zelensky' / 'Zelenskyy',
    'Qaddafi' / 'Gadhafi', 'al-Assad' / 'Assad')."""
    token = re.sub(r"^(?:al|el|ad|as|ash|at|az|ar|an)[-‐‑](?=\w)", "", token)  # 'al-Assad' = 'Assad'
    return re.sub(r"(.)\1+", r"\1", re.sub(r"^q(?=[aeiou])", "g", token).replace("dh", "d"))


def given_names_compatible(a: str, b: str) -> bool:
    """Binyamin/Benjamin, Sergey/Sergei, Dan/Daniel: the same given name in other spellings."""
    if a == b:
        return True
    index = _variant_index()
    if a in index and index.get(b) == index[a]:
        return True
    if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    return len(a) >= 5 and len(b) >= 5 and similarity(a, b) >= 0.8


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] from the edit distance between two short strings."""
    if a == b:
        return 1.0
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same surname and compatible given names (or one is surname-only)."""
    ta, tb = person_tokens(a), person_tokens(b)
    if not ta or not tb or surname_key(ta[-1]) != surname_key(tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return given_names_compatible(ta[0], tb[0])


@lru_cache(maxsize=65536)
def acronym(name: str, small_words: bool = False) -> str:
    """'UN Security Council' -> 'UNSC', 'United Nations' -> 'UN' (capitalised words only);
    `small_words` keeps the initials of the others too, in lower case ('Bank of America' -> 'BoA')."""
    letters = []
    for word in re.split(r"[\s-]+", strip_article(name)):
        word = word.strip("\"“”‘’'(")
        if not word:
            continue
        if word.isupper() and len(word) <= 4:
            letters.append(word.replace(".", ""))
        elif word[0].isupper():
            letters.append(word[0])
        elif small_words and word[0].isalpha():
            letters.append(word[0])
    return "".join(letters)


# Legal forms that end a company's name and do not tell two companies apart ("Acme Corp." = "Acme").
LEGAL_SUFFIXES = ("corp", "corporation", "company", "inc", "incorporated", "ltd", "limited", "co", "llc", "plc", "ag",
                  "sa", "nv", "gmbh", "spa", "se", "bv", "oyj", "asa", "kgaa", "pty")
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:" + "|".join(r"\.?".join(suffix) for suffix in LEGAL_SUFFIXES) + r")\.?)+$",
                           re.IGNORECASE)  # dotted forms too: 'N.V.', 'S.A.'


# A football club's form, which names in full what reports shorten: 'FC Porto' = 'Porto', 'Harwell
# United Football Club' = 'Harwell United'.
_CLUB_FORM = re.compile(r"^(?:a?fc|cf)\s+(?=\S)|(?:,?\s+(?:a\.?)?f\.?c\.?|\s+football\s+club)$", re.IGNORECASE)


def strip_legal_suffix(name: str) -> str:
    """The name without the legal forms that end it ("Norcastle Coatings, LLC" -> "Norcastle Coatings")
    or a club's form ("FC Porto" -> "Porto")."""
    return _LEGAL_SUFFIX.sub("", _CLUB_FORM.sub("", name))


# British and American spellings of words in organisations' names ('Defence' / 'Defense').
SPELLING_VARIANTS = {"defence": "defense", "organisation": "organization", "centre": "center", "programme": "program",
                     "labour": "labor", "&": "and"}


def is_proper_name(name: str) -> bool:
    """Every word of a name but its small ones capitalised ('The Prime Minister's Office', 'Corvane'), not
    a description ('the board', 'four current and former NBS journalists')."""
    words = strip_article(name.strip()).split()
    return bool(words) and all(w[:1].isupper() or w in ("of", "and", "for", "the", "&") for w in words)


@lru_cache(maxsize=65536)
def firm_key(name: str) -> str:
    """The comparison key of an organisation's name without the legal form that ends it ("Acme
    Corp.'s" and "Acme" are one key), one spelling of words spelt two ways, '&' as 'and'."""
    words = org_key(strip_legal_suffix(strip_possessive(name.strip()))).split()
    return university_order(" ".join(SPELLING_VARIANTS.get(w, w) for w in words))


UNIVERSITY_OF = re.compile(r"university of (?P<place>(?!the\b)[a-z][\w.'’-]*(?: [a-z][\w.'’-]*)?)")


def university_order(key: str) -> str:
    """'university of lund' as 'lund university': a university is named both ways after its town."""
    match = UNIVERSITY_OF.fullmatch(key)
    return f"{match['place']} university" if match else key


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """The comparison key of an organisation or thing: folded, no article, no possessive, no dots or
    double quotation marks ('a "New GM"'); remembered, as linking asks it for the same names often."""
    return re.sub(r"\s*-\s*", "-", re.sub(r"[.\"“”]", "", fold(strip_possessive(strip_article(name))))).strip()
