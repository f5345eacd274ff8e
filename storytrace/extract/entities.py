"""Named mentions of one document: spaCy's entities, cleaned, relabelled, with roles and gender.

Cleaning fixes what the small model gets wrong in news text: titles tagged as organisations
("Russian Pres"), people tagged as organisations ("Samantha Power"), possessives inside the span,
and outlets tagged as people (the EntityRuler catches the listed ones).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

import numpy as np

from storytrace import gazetteer
from storytrace.extract.datelines import dateline_spans
from storytrace.extract.lexicon import (FEMALE_ROLE_NOUNS, MALE_ROLE_NOUNS, NEWSPAPER_ENDINGS, PLATFORMS, ROLE_ABBREVIATIONS,
                                       ROLE_NOUNS, TITLE_MODIFIERS, TRADE_HEADS)
from storytrace.names import HONORIFICS, LEGAL_SUFFIXES
from storytrace.schema import Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_LABELS = frozenset("PERSON ORG GPE NORP LOC FAC LAW WORK_OF_ART EVENT PRODUCT".split())
ORG_WORDS = frozenset("""
council ministry department agency office committee commission party bank group company corp corporation
inc ltd llc university college school court army force forces police embassy administration government
institute foundation association union league federation organization organisation authority board
service post times news radio tv television network press magazine journal herald tribune daily
airlines airways motors systems technologies fund trust club society church house senate congress
parliament assembly cabinet semiconductor semiconductors technologies technology pharmaceuticals pharma energy
capital partners holdings industries systems networks labs laboratories media entertainment studios foods
solutions software electronics telecom communications insurance securities research consulting international
global ventures resources mining minerals metals materials petroleum chemicals steel logistics shipping motors motor automotive airways airlines
store stores shop shops computer computers corps
water waterworks power electric electricity gas oil coal rail railway railways air aviation health healthcare
hospital hospitals clinic lines freight ferries transit construction builders properties utilities
terminals terminal maritime stevedoring marine engineering therapeutics biotech pharmaceutical dynamics aerospace
exchange markets brands retail farms dairies mills works plastics paints coatings management investments advisors advisers
united rovers wanderers athletic albion hotspur fc afc
""".split()) | NEWSPAPER_ENDINGS
# Last words of organisations' names that also end titles of works ('Evening News', 'Late Show Radio')
WORK_TITLE_ENDINGS = NEWSPAPER_ENDINGS | frozenset("""news times post press magazine journal herald tribune daily radio tv
television network media entertainment studios house""".split())
STREET_WORDS = frozenset("""lane street st road rd avenue ave drive close way crescent terrace boulevard gardens mews
row grove""".split())
# A letter's salutation, which the model may tag as a person ('Dear Sir or Madam')
SALUTATIONS = frozenset("Sir Madam Sirs Dear".split())
# A parliament's way of calling a member ('the right hon. Lady', 'my hon. Friend'), which names no one
MEMBER_ADDRESSES = frozenset("Lady Gentleman Friend Member Ladies Gentlemen Friends Members".split())
# Units and currencies the model tags as names ('64 GB', 'USD').
UNIT_NAMES = frozenset("GB MB KB TB GHz MHz USD EUR GBP JPY CNY CHF AUD CAD km kg mph kph".split())
TIME_ZONES = frozenset("GMT UTC BST CET CEST EET EEST MSK IST JST KST AEST AEDT ET EST EDT CST CDT MST MDT PT PST "
                       "PDT AKST HST".split())  # '18:40 GMT': a clock's zone, no body
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
DANGLING_WORDS = re.compile(r"\s+(?:of|for|and|&)(?:\s+the)?$")


def _listed_with_article(surface: str) -> bool:
    folded = surface.casefold()
    return any(v.casefold() == folded for e in gazetteer.outlets() for v in e.variants if v.startswith("The "))


def _strip_the(ent: "Span", text: str, start: int, end: int) -> int:
    """Drop a leading article unless it belongs to the name ("The Jerusalem Post", mid-sentence "The
    Hague"); a lower-case "a" never does ('a United Auto Workers official')."""
    match = re.match(r"(?:the|The|THE|an?)\s+", text[start:end])
    if not match:
        return start
    if _listed_with_article(text[start:end]) or (text[start] == "T" and not ent[0].is_sent_start):
        return start
    return start + match.end()


def _clean_span(doc: "Doc", document: Document, ent: "Span") -> tuple[int, int]:
    """The entity's span without a leading article, quotation marks, a possessive, trailing
    punctuation, a verb the model swallowed ('Bianchi told a press conference') or a question's
    opening modal ('Will Harwick invest further?')."""
    text = document.text
    start, end = ent.start_char, ent.end_char
    verb = next((t for t in ent if t.tag_ in ("VBD", "VBZ", "VBP") and t.i > ent.start), None)
    if verb is not None:
        end = doc[verb.i - 1].idx + len(doc[verb.i - 1].text)
    start = _strip_the(ent, text, start, end)
    credit = re.search(r"\s*/\s*(?:The\s+)?[A-Z]", text[start:end]) if ent.label_ == "PERSON" else None
    if credit and credit.start() > 0:
        end = start + credit.start()  # 'Lena Fischer/The Ledger': a photographer and the paper of a credit
    trade = re.match(r"([A-Za-z]+)\s+(?=[A-Z])", text[start:end])
    if trade and trade.group(1).casefold() in TRADE_HEADS:
        start += trade.end()  # 'Drugmaker Veltrix', 'Carmaker Ford': the trade is no part of the name
    if len(ent) > 1 and ent[0].tag_ == "MD" and ent.sent.text.rstrip().endswith("?"):  # 'Will Harwick invest further?'
        start = ent[1].idx
    possessive = POSSESSIVE.search(text[start:end])
    if possessive and end - start - len(possessive.group()) >= 2:
        end -= len(possessive.group())
    while end > start and (text[end - 1] in ".,;:-–—\"“”" or text[end - 1].isspace()) and \
            not re.search(r"\b(?:[A-Z]|Jr|Sr)\.$", text[start:end]):
        end -= 1  # not the full stop of an initial or of "Jr."; a line break the model ran into the name
    dangling = DANGLING_WORDS.search(text[start:end])  # 'The Commission of the' cut before 'European Union'
    if dangling and dangling.start() > 0:
        end = start + dangling.start()
    if text[start:start + 1] == "(" and ")" not in text[start:end]:
        start += 1  # '(World Wire) —' after a dateline: the bracket is no part of the name
    quoted = re.match(r"(?:an?\s+)?[\"“”'‘]+", text[start:end])  # 'a "New GM"': neither is part of the name
    if quoted and quoted.end() < end - start:
        start += quoted.end()
    return start, _without_kind_word(text, start, end)


def _without_kind_word(text: str, start: int, end: int) -> int:
    """The end of a name of two or more capitalised words without the lower-case word after it that
    says what kind of body it is ('United Auto Workers union'; 'Obama administration' keeps it)."""
    words = text[start:end].split()
    if len(words) >= 3 and words[-1] in ORG_WORDS and all(w[:1].isupper() for w in words[:-1]):
        return start + len(text[start:end].rstrip()[: -len(words[-1])].rstrip())
    return end


# Words that title a person, written out or abbreviated ('superintendent', 'supt').
TITLE_WORDS = frozenset(ROLE_NOUNS) | frozenset(ROLE_ABBREVIATIONS)
NAME_PREFIXES = TITLE_WORDS | HONORIFICS  # words before a name that are not part of it


def _leading_titles(surface: str) -> tuple[int, list[str]]:
    """How many characters of titles open a person's name the model tagged with them ('Clerk Robert
    Haines' in 'County Clerk Robert Haines'), and those titles as roles; a name is left."""
    cut, titles, modifiers = 0, [], []
    for match in re.finditer(r"([A-Z][a-z]+|[A-Z]+)\s+(?=[A-Z])", surface):  # 'CHAIR KAMINSKI' in a transcript too
        word = match.group(1).lower()
        if match.start() != (modifiers[-1][1] if modifiers else cut):
            break
        if word in TITLE_MODIFIERS:  # 'Crown Prince Mohammed bin Salman': only with its role noun
            modifiers.append((word, match.end()))
            continue
        if word in ROLE_ABBREVIATIONS and match.group(1).isupper() and len(word) >= 2:
            word = ROLE_ABBREVIATIONS[word]  # 'MK Simcha Rothman', 'PM Keir Starmer': the title written short
        elif word not in ROLE_NOUNS:
            break
        cut, titles = match.end(), titles + [" ".join([m for m, _ in modifiers] + [word])]
        modifiers = []
    return cut, titles


def _is_title_only(text: str) -> bool:
    """'Russian Pres', 'Israeli PM': a nationality and a title, not a name."""
    words = text.replace(".", " ").split()
    return bool(words) and words[-1].lower() in TITLE_WORDS and \
        all(w[0].isupper() or w.lower() in ROLE_ABBREVIATIONS for w in words)


def _looks_like_person(text: str) -> bool:
    """Two or three capitalised words starting with a known given name, and no organisation word."""
    words = text.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".,") in ORG_WORDS for w in words):
        return False
    return words[0] in gazetteer.given_names() and all(w[:1].isupper() for w in words)


def _titled_name(text: str) -> bool:
    """A title and then two or three capitalised words with no organisation word ('Superintendent
    Marian Hale', 'Commissioner Lorraine Macready'): a person, whatever the given name."""
    return _name_after(text, TITLE_WORDS, fewest=2)


def _name_after(text: str, prefixes: "frozenset[str]", fewest: int) -> bool:
    """A word of `prefixes` and then `fewest` to three capitalised words with no organisation word."""
    words = text.split()
    if not words or words[0].lower().strip(".") not in prefixes:
        return False
    name = words[1:]
    return fewest <= len(name) <= 3 and all(w[:1].isupper() and w.lower().strip(".,") not in ORG_WORDS for w in name)


def _honoured_name(text: str) -> bool:
    """'Ms Hart', 'Mr. Lee Hsien Loong', 'Dr Amara Osei': an honorific and one to three capitalised
    words with no organisation word are a person's name, whatever the model tagged it."""
    return _name_after(text, HONORIFICS, fewest=1)


def _holder_named_last(doc: "Doc", ent: "Span") -> "Token | None":
    """'Assistant Secretary of | the Air Force for Acquisition Marvin Sambur |': an organisation span
    after a title and 'of' that runs on into the holder's name (a known given name and one or two
    capitalised words): where the person's name starts, else None."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or ent.start < 2 or len(ent) < 3:
        return None
    before, title = doc[ent.start - 1], doc[ent.start - 2]
    if before.lower_ != "of" or title.lower_.strip(".") not in TITLE_WORDS:
        return None
    for size in (2, 3):
        first = ent.end - size
        name = ent[first - ent.start:]
        if first > ent.start and name[0].text in gazetteer.given_names() and \
                all(t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in name):
            return name[0]
    return None


def _after_honorific(doc: "Doc", ent: "Span") -> bool:
    """'Mr MacFarlane said': a name after Mr, Ms, Dr ... is a person's, whatever the model tagged it; so is
    a name of two or three words, none an organisation's, right after a role ('Commission spokesperson
    Anna-Kaisa Itkonen')."""
    if ent.start == 0 or not ent[0].text[:1].isupper():
        return False
    before = doc[ent.start - 1].lower_
    return before in HONORIFICS or before in ROLE_NOUNS and ent.label_ == "ORG" and 2 <= len(ent.text.split()) <= 3 and \
        all(w[:1].isupper() and w.lower() not in ORG_WORDS for w in ent.text.split()) and not gazetteer.outlet_name(ent.text)


# What a firm is called by its trade right before its name ('paint maker Brightcoat', 'retailer Tesco').
TRADE_WORDS = TRADE_HEADS | frozenset("""maker makers manufacturer retailer airline insurer lender firm company
supermarket broadcaster publisher conglomerate startup carrier operator developer builder regulator watchdog
charity""".split())


def _after_trade_word(doc: "Doc", ent: "Span") -> bool:
    """A one-word name right after a word for a firm's trade or a body's kind, which no title is ('paint maker
    Brightcoat', 'the regulator Ofwat')."""
    return len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ in TRADE_WORDS


PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})


def _placed_in(doc: "Doc", ent: "Span") -> bool:
    """A single unknown name right after 'in', 'near' or 'outside' ('in Dunmore'), not a possessor
    ('in Smith's view') nor a known given name: a place, whatever the model's label (the caller
    leaves the surname of a person the document names alone: 'no confidence in Marlowe')."""
    if len(ent) != 1 or ent.start == 0 or ent.text in gazetteer.given_names():
        return False
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS and after not in ("'s", "’s", "'", "’")


def _relabel(label: str, surface: str) -> str:
    """Fix the small model's usual confusions between people, organisations and outlets."""
    if gazetteer.outlet_name(surface, allow_ambiguous=False) or surface.casefold() in PLATFORMS:
        return "ORG"  # an outlet; a social platform ('follow her on Twitter', 'Share on Facebook')
    words = surface.split()
    if label == "PERSON" and len(words) >= 2 and words[-1].lower().strip(".,") in ORG_WORDS \
            and words[0] not in gazetteer.given_names():
        return "ORG"
    if label in ("ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT") and \
            (_looks_like_person(surface) or _titled_name(surface) or _honoured_name(surface)):
        return "PERSON"
    if label == "PERSON" and len(words) >= 2 and words[0] in ("St", "St.", "Saint") and words[1][:1].isupper():
        return "FAC"  # "St Ninian's", "St. Brendan's Hospital": a hospital, church or school named for a saint
    if label == "PERSON" and len(words) >= 2 and words[-1].lower().strip(".,") in STREET_WORDS and \
            words[0] not in gazetteer.given_names():
        return "FAC"  # 'residents of Mill Lane': a street
    if label == "WORK_OF_ART" and len(words) >= 2 and all(w[:1].isupper() for w in words) and \
            words[-1].lower() in ORG_WORDS - WORK_TITLE_ENDINGS:
        return "ORG"  # 'Harlow Water', 'Brightwater Offshore Limited': a body, not a title
    return label


def _role_words(tokens: list["Token"]) -> list[str]:
    roles = []
    for i, token in enumerate(tokens):
        word = token.text.lower().strip("-")
        word = re.sub(r"^(?:then|former|ex|outgoing|incoming|acting|interim|deputy)-", "", word)
        if word in ROLE_ABBREVIATIONS:
            roles.append(ROLE_ABBREVIATIONS[word])
        elif word in ROLE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            previous = tokens[i - 1].text.lower() if i else ""
            roles.append(f"{previous} {word}" if previous in ("prime", "foreign", "defense", "defence",
                                                              "finance", "vice") else word)
    return roles


def _phrase_before(doc: "Doc", end: int, sentence_start: int, stops: "Callable[[Token], bool]") -> list["Token"]:
    """Up to ten tokens ending just before `end`, back to the sentence start or a token that stops it."""
    tokens = []
    i = end - 1
    while i >= sentence_start and len(tokens) < 10 and not stops(doc[i]):
        tokens.append(doc[i])
        i -= 1
    return list(reversed(tokens))


def _roles_before(doc: "Doc", ent: "Span", person_starts: set[int]) -> list[str]:
    """Titles in front of a name: 'Russia's ambassador to the US at the time Sergey Kislyak'."""
    def stops(token: "Token") -> bool:
        return token.i in person_starts or token.pos_ in ("VERB", "AUX") or \
            token.text in (",", ";", ":", "(", "\"", "“", "”") or token.lower_ in ("for", "with", "by", "from", "and")
    tokens = _phrase_before(doc, ent.start, ent.sent.start, stops)
    if tokens and tokens[-1].lower_ in ("of", "at", "to", "in"):
        return []  # 'the chief executive of Brightmart': the role is held at the name, not by it
    return _role_words(tokens)


def _roles_set_off_before(doc: "Doc", ent: "Span") -> list[str]:
    """A role set off by a comma in front of a name: 'the fund's executive director, Paul Brennecke,
    said', 'said the association's chief executive, Phillip Agyeman', 'the Prime Minister of
    Singapore, Mr. Lee Hsien Loong'. The role noun must stand right before the comma or before an
    'of' and the name of what it heads, and the phrase stops at a verb or a preposition other than
    'of'."""
    start = ent.start - 1 if ent.start and doc[ent.start - 1].lower_ in HONORIFICS else ent.start
    if start < 2 or doc[start - 1].text != ",":
        return []

    def stops(token: "Token") -> bool:
        return token.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON") or (token.pos_ == "ADP" and token.lower_ != "of")
    tokens = _phrase_before(doc, start - 1, ent.sent.start, stops)
    roles = _role_words(tokens)
    if not roles:
        return []
    last = max(i for i, t in enumerate(tokens) if _role_words([t]))
    after = tokens[last + 1:]
    heads_a_name = bool(after) and after[0].lower_ == "of" and all(t.pos_ in ("PROPN", "DET") for t in after[1:])
    return roles if not after or heads_a_name else []


def _roles_after(doc: "Doc", ent: "Span") -> list[str]:
    """An apposition after a name: ', who was US ambassador to Israel,' or ', the journalist,'."""
    i = ent.end
    if i >= len(doc) or doc[i].text not in (",", "–", "—", "-", "("):
        return []
    tokens = []
    j = i + 1
    while j < len(doc) and len(tokens) < 14 and doc[j].text not in (",", "–", "—", ")", ";", "."):
        tokens.append(doc[j])
        j += 1
    if tokens and tokens[0].lower_ in ("who", "whom"):
        verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
        if not verbs or verbs[0].lemma_ not in ("be", "serve", "become", "work"):
            return []
    elif tokens and tokens[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "ADV"):
        return []
    return _role_words(tokens)


def _gender(surface: str, roles: list[str]) -> str | None:
    if any(r in FEMALE_ROLE_NOUNS for r in roles):
        return "f"
    if any(r in MALE_ROLE_NOUNS for r in roles):
        return "m"
    return gazetteer.gender_of_name(surface)


def _given_name_before(doc: "Doc", ent: "Span") -> "Token | None":
    """A given name the model left outside a short name span ('Ana' before 'Reyes' tagged ORG)."""
    if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or len(ent) > 2 or ent.start == 0:
        return None
    before = doc[ent.start - 1]
    if before.text in gazetteer.given_names() and before.ent_type_ == "" and ent.text[:1].isupper() \
            and not gazetteer.outlet_name(ent.text, allow_ambiguous=False):
        return before
    return None


def _firm_name_before_legal_form(doc: "Doc", ent: "Span", named: set[int], start: int) -> int:
    """Where a firm's name starts when the model tagged only its legal form ('Norcastle Coatings |
    LLC'): the run of capitalised proper nouns right before it that no other name holds."""
    if ent.text.casefold().rstrip(".") not in LEGAL_SUFFIXES:
        return start
    first = ent.start
    while first > ent.sent.start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper() \
            and first - 1 not in named:
        first -= 1
    return doc[first].idx if first < ent.start else start


def _extends_name_before(text: str, mentions: list[Mention], start: int, surface: str) -> bool:
    """A legal form the model tagged on its own right after a firm's name: 'Chrysler' + 'LLC'."""
    if not mentions or mentions[-1].label != "ORG" or surface.casefold().rstrip(".") not in LEGAL_SUFFIXES:
        return False
    return text[mentions[-1].end:start] in (" ", ", ")


# Roles a company holds as often as a person ('Ridge Capital, owner of the club').
SHARED_ROLES = frozenset("owner investor founder co-founder operator".split())


def _name_before(doc: "Doc", head: "Token", covered: set[int]) -> tuple[int, int]:
    """The token range of the run of proper nouns that ends at head ('Elif' 'Sandoval'), one space
    apart, up to a title or another name ('Calloway Police Chief Dolores Vantreese')."""
    start = head.i
    while start > 0 and head.i - start < 2:
        before = doc[start - 1]
        if before.pos_ != "PROPN" or before.whitespace_ != " " or before.i in covered or \
                before.lower_.rstrip(".") in NAME_PREFIXES:
            break
        start -= 1
    return start, head.i + 1


def _ends_a_name(doc: "Doc", token: "Token") -> bool:
    return token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "PROPN"


def _plain_name(tokens: "Span", covered: set[int]) -> bool:
    return 1 <= len(tokens) <= 3 and all(t.text[:1].isupper() and t.text[1:2].islower() and t.lower_ not in ORG_WORDS
                                         and t.i not in covered for t in tokens)


def _missed_names(doc: "Doc") -> list["Span"]:
    """People the model did not tag: a name a role set off after it shows to be a person ('Elif
    Sandoval, president of the Northmere Student Association, said'), a name opening with a known
    given name ('Celia Fonseca, who lives ...'), and then such a person's surname alone ('Fonseca said')."""
    from spacy.symbols import NOUN, POS, PROPN
    from spacy.tokens import Span

    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    tags = doc.to_array([POS])
    found: dict[int, Span] = {}
    for i in np.flatnonzero(tags == PROPN).tolist():  # only proper nouns are read, not every token
        token = doc[i]
        if i in covered or not _ends_a_name(doc, token):
            continue
        start, end = _name_before(doc, token, covered)
        words = doc[start:end]
        if not _plain_name(words, covered):
            continue
        role_after = any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS and c.lower_ not in SHARED_ROLES
                         for c in token.children) and end < len(doc) and doc[end].text == ","
        if role_after or (len(words) > 1 and words[0].text in gazetteer.given_names()):
            found[start] = Span(doc, start, end, label="PERSON")
    people = {ent[-1].text for ent in (*doc.ents, *found.values()) if ent.label_ == "PERSON" and len(ent) > 1
              and (ent[0].text in gazetteer.given_names() or ent[0].text.rstrip(".").lower() in NAME_PREFIXES)}
    taken = {i for span in found.values() for i in range(span.start, span.end)}
    for i in np.flatnonzero((tags == PROPN) | (tags == NOUN)).tolist():
        token = doc[i]
        if token.text not in people or i in covered or i in taken:
            continue
        # the model reads a surname as a plural noun: '"...," Fonseca said', 'Jobs attributed the increase to ...'
        proper = token.pos_ == "PROPN" or not token.is_sent_start or token.dep_ == "nsubj"
        if proper and _ends_a_name(doc, token) and _plain_name(doc[i:i + 1], covered):
            found[i] = Span(doc, i, i + 1, label="PERSON")
    return sorted(found.values(), key=lambda span: span.start)


def extract_mentions(doc: "Doc", document: Document) -> list[Mention]:
    """Cleaned named mentions of document, in text order, with roles and gender for people."""
    mentions: list[Mention] = []
    missed = _missed_names(doc)
    datelines = dateline_spans(document.text)
    person_starts = {ent.start for ent in (*doc.ents, *missed) if ent.label_ == "PERSON"}
    named = {i for ent in (*doc.ents, *missed) for i in range(ent.start, ent.end)}
    surnames = {ent[-1].text for ent in (*doc.ents, *missed) if ent.label_ == "PERSON" and len(ent) > 1}
    body_end = 0
    for ent in sorted((*doc.ents, *missed), key=lambda e: e.start):
        if ent.label_ not in ACTOR_LABELS or ent.start_char < body_end:
            continue
        start, end = _clean_span(doc, document, ent)
        if ent.label_ == "ORG":
            end = body_end = _body_name_end(doc, ent, end, named)
            start = _firm_name_before_legal_form(doc, ent, named, start)
        given = _given_name_before(doc, ent)
        if given is not None:
            start = given.idx
        holder = _holder_named_last(doc, ent)
        if holder is not None:
            start, given = holder.idx, holder
        surface = document.text[start:end]
        if len(surface.strip()) < 2 or not any(c.isalpha() for c in surface) or surface.startswith("@"):
            continue  # a social-media handle ('@moiradunn') names an account, its holder is named beside it
        if _extends_name_before(document.text, mentions, start, surface):
            mentions[-1] = replace(mentions[-1], end=end, text=document.text[mentions[-1].start:end])
            continue
        if (ent.label_ in ("ORG", "PERSON", "NORP") and _is_title_only(surface)) or surface.strip() in UNIT_NAMES | TIME_ZONES or \
                surface.strip() in SALUTATIONS or surface.strip() in MEMBER_ADDRESSES:
            continue
        label = "PERSON" if given is not None or _after_honorific(doc, ent) else _relabel(ent.label_, surface)
        if any(s <= start < e for s, e in datelines) and surface.isupper():
            label = "GPE"  # 'SILL CREEK — The owner of ...': a dateline names a place
        if label == "PERSON" and given is None and ent.text not in surnames and _placed_in(doc, ent):
            label = "GPE"  # 'a news conference in Dunmore': the model's person is a town
        if label in ("PERSON", "GPE", "LOC", "NORP") and given is None and _after_trade_word(doc, ent):
            label = "ORG"  # 'Paint maker Brightcoat', 'drugmaker Orrin', 'the regulator Ofwat': a body by its trade
        roles: list[str] = []
        gender = None
        if label == "PERSON":
            cut, titles = _leading_titles(surface)
            start, surface = start + cut, surface[cut:]
            roles = titles + _roles_before(doc, ent, person_starts) + _roles_set_off_before(doc, ent) + _roles_after(doc, ent)
            gender = _gender(surface, roles)
        mentions.append(Mention(doc=document.id, start=start, end=end, text=surface, label=label,
                                roles=tuple(dict.fromkeys(roles)), gender=gender))
    kept = _joined_body_names(doc, document.text, [m for m in mentions if not _common_word_at_start(document.text, m)])
    kept = _repeated_names(document.text, kept)
    return _defined_short_forms(document.text, _short_firm_names(_owned_bodies(document.text, _governments(document.text, kept))))


REPEATED_LABELS = frozenset({"ORG", "PERSON"})
CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-Z][A-Za-z'’&.-]*")
REPEAT_STOPS = re.compile(r"[\w-]| [A-Z]")  # a longer word or a longer name goes on after the repeat
NAME_WORD = re.compile(r"[A-Z][A-Za-z'’&.-]*|of|and|the|de|van|von|du|la|le|al|bin")  # no 'Stall 14', 'Recommendation 4.3(b'
NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]* $")  # 'North | Harlow Water': part of a longer name


def _repeated_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name of two or more words tagged once is that name wherever else the document writes it and
    the model tagged nothing ('Harlow Water said ...' tagged, 'Harlow Water told Newswire ...' not):
    one name, one sense, in one document. Not where it is part of a longer name ('Harlow Water Board')."""
    labels: dict[str, set[str]] = {}
    for mention in mentions:
        labels.setdefault(mention.text, set()).add(mention.label)
    surfaces = {surface: label for surface, (label, *others) in labels.items()
                if not others and label in REPEATED_LABELS and " " in surface.strip() and
                all(NAME_WORD.fullmatch(word) for word in surface.split()) and
                (label == "ORG" or surface.split()[0] in gazetteer.given_names())}
    if not surfaces:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    by_first_word: dict[str, list[str]] = {}
    for surface in sorted(surfaces, key=len, reverse=True):
        by_first_word.setdefault(surface.split()[0], []).append(surface)
    added = []
    for word in CAPITALISED_WORD.finditer(text):  # one pass over the text, whatever the number of names
        start = word.start()
        surface = next((s for s in by_first_word.get(word.group(), ()) if text.startswith(s, start) and
                        not REPEAT_STOPS.match(text, start + len(s))), None)
        if surface is None:
            continue
        end = start + len(surface)
        at = bisect.bisect_right(taken, (start, float("inf")))
        if at and taken[at - 1][1] > start or at < len(taken) and taken[at][0] < end or \
                NAME_WORD_BEFORE.search(text, max(0, start - 40), start):
            continue
        added.append(Mention(doc=mentions[0].doc, start=start, end=end, text=surface, label=surfaces[surface]))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _joined_body_names(doc: "Doc", text: str, mentions: list[Mention]) -> list[Mention]:
    """A body whose name joins two parts with 'and' ('the Maritime and Coastguard Agency', 'the Marrowick
    Dock and Harbour Workers Union'), where the model tagged only the part after it (or the parts apart):
    one mention over the whole name, when the parse makes the part before 'and' a modifier of the name's
    head and that part names nothing else in the document ('Apple and Apple Corps', 'City of Halvergate
    and Halvergate Police Department' are two)."""
    out: list[Mention] = []
    for mention in mentions:
        first = _joined_first_word(doc, mention) if mention.label == "ORG" and \
            AND_BEFORE.search(text, max(0, mention.start - 6), mention.start) else None
        if first is None:
            out.append(mention)
            continue
        before = out[-1] if out and out[-1].start <= first.idx < out[-1].end else None
        start = before.start if before is not None else first.idx
        if len(re.findall(rf"\b{re.escape(text[start:first.idx + len(first.text)])}\b", text, re.IGNORECASE)) != 1:
            out.append(mention)
            continue
        if before is not None:
            out.pop()
        out.append(replace(mention, start=start, text=text[start:mention.end]))
    return out


AND_BEFORE = re.compile(r"\band\s+$")
# Head words of bodies whose names may join two parts with 'and'.
JOINED_NAME_HEADS = frozenset("union administration coalition alliance foundation trust society".split())


def _joined_first_word(doc: "Doc", mention: Mention) -> "Token | None":
    """The capitalised word before 'and' that opens the name of a body ('Maritime and | Coastguard Agency'),
    or None."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < 2 or span[-1].lower_ not in BODY_HEADS | JOINED_NAME_HEADS or \
            doc[span.start - 1].lower_ != "and" or doc[span.start - 1].dep_ != "cc":
        return None
    word = doc[span.start - 2]
    if not word.text[:1].isupper() or word.dep_ not in ("nmod", "compound", "amod") or \
            not span.start <= word.head.i < span.end:
        return None
    return word


# Public bodies whose names go on with what they are for or of ('Federal Service for the Financial Markets').
BODY_HEADS = frozenset("""service ministry department agency commission office bureau committee council institute
authority board federation association directorate secretariat""".split())
# Bodies whose name goes on with the place they are of, which names no owner ('Citrus Growers Association of
# Valencia', 'University of Lund').
PLACE_NAMED_HEADS = frozenset("""association university institute academy society college federation foundation
confederation chamber league""".split())


def _body_name_end(doc: "Doc", ent: "Span", end: int, named: set[int]) -> int:
    """Where a public body's name ends when the model stopped at its head word: it goes on over 'for'
    or 'of', 'the' and capitalised words ('the Federal Service for the Financial Markets'); over
    another name only after 'for', what the body is for ('of the European Union' names its owner), or
    after the 'of' of a body named after its place (PLACE_NAMED_HEADS)."""
    head = doc[ent.end - 1]
    i = ent.end
    if head.lower_ not in BODY_HEADS | PLACE_NAMED_HEADS or head.idx + len(head.text) != end or i >= len(doc) or \
            doc[i].lower_ not in ("for", "of"):
        return end
    purpose = doc[i].lower_ == "for" or head.lower_ in PLACE_NAMED_HEADS
    i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    j = i
    while j < len(doc) and (purpose or j not in named) and doc[j].is_alpha and (
            doc[j].text[:1].isupper() or (doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())):
        j += 1
    while j > i and doc[j - 1].lower_ == "and":
        j -= 1
    return doc[j - 1].idx + len(doc[j - 1].text) if j > i else end


GOVERNMENT_AFTER = re.compile(r"\s+(?:[Ff]ederal\s+)?(?:government|Government|administration)\b")
GOVERNMENT_BEFORE = re.compile(r"\b(?:[Gg]overnment) of (?:the )?$")


ADMINISTRATION_AFTER = re.compile(r"(?:'s|’s)?\s+[Aa]dministration\b")


def _governments(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country or its people's name with 'government' after it, or 'government of' before it, is
    that country's government, an organisation ('the U.S. government', 'the government of Canada');
    a person's name with 'administration' after it is that leader's administration ('the Obama
    administration', 'Barack Obama's administration')."""
    found = []
    for mention in mentions:
        led = ADMINISTRATION_AFTER.match(text, mention.end) if mention.label == "PERSON" else None
        if led:
            mention = replace(mention, end=led.end(), text=text[mention.start:led.end()], label="ORG", roles=(), gender=None)
        elif mention.label in ("GPE", "NORP"):
            after = GOVERNMENT_AFTER.match(text, mention.end)
            before = GOVERNMENT_BEFORE.search(text, max(0, mention.start - 20), mention.start)
            if after or before:
                start = before.start() if before else mention.start
                end = after.end() if after else mention.end
                mention = replace(mention, start=start, end=end, text=text[start:end], label="ORG")
        found.append(mention)
    return found


# A country's ministry or embassy named by its possessive: "Israel's Defence Ministry", "Iran's defence ministry".
OWNED_BODY = re.compile(r"['’]s\s+(?:(?!(?:to|the|of|a|an|and|in|at|for|on|with|said|says)\b)[A-Za-z-]+\s+){0,3}?"
                        r"(?:[Mm]inistry|[Dd]epartment|[Ee]mbassy|[Cc]onsulate)\b")


def _owned_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A country named with a possessive before its ministry, department or embassy names that body, one
    mention with the owner ("Israel's Defence Ministry"), so two countries' defence ministries stay two."""
    found: list[Mention] = []
    covered_until = -1
    for number, mention in enumerate(mentions):
        if mention.start < covered_until:
            continue  # the model's 'Defence Ministry', now part of the owned body's name
        body = OWNED_BODY.match(text, mention.end) if mention.label in ("GPE", "NORP") else None
        if body is not None:
            end = body.end()
            named = mentions[number + 1] if number + 1 < len(mentions) else None
            if named is not None and named.label == "ORG" and named.start < end:
                end = max(end, named.end)  # "Ardesia's Ministry of Culture and Heritage": the whole name
            mention = replace(mention, end=end, text=text[mention.start:end], label="ORG")
            covered_until = end
        found.append(mention)
    return found


SHORT_FORM = re.compile(r"[A-Z][A-Za-z&.]{1,7}")
SHORT_FORM_LABELS = frozenset("ORG NORP FAC LAW EVENT PRODUCT WORK_OF_ART".split())


def _common_word_at_start(text: str, mention: Mention) -> bool:
    """One capitalised word where any word is capitalised, at a line's or a sentence's start, that the
    document also writes in lower case ('Hospital group admits ...' beside 'the hospital group';
    'Council leader Ruth Ames' beside 'the council'): a common noun the model took for a name."""
    word = mention.text
    if mention.label == "PERSON" or " " in word or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return False
    before = text[max(0, mention.start - 3):mention.start]
    at_start = mention.start == 0 or before.endswith("\n") or re.search(r"[.!?][\"”’']?\s+$", before) is not None
    return at_start and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def _defined_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """A short name in brackets right after a name ('Singapore Airlines (SIA)', 'the Federal Reserve
    (Fed)'), or in capitals after 'known as' ('Mohammed bin Salman, known as MBS'), is defined as short
    for it, wherever the story uses it; a bracketed outlet after a place is a dateline's credit
    ('WASHINGTON (AP)'), not a short form."""
    defined = list(mentions)
    for i in range(1, len(mentions)):
        name, short = mentions[i - 1], mentions[i]
        if KNOWN_AS.fullmatch(text[name.end:short.start]) and SHORT_FORM.fullmatch(short.text) and short.text.isupper():
            defined[i] = replace(short, short_for=name.text, label=name.label)  # 'Mohammed bin Salman, known as MBS'
            continue
        if text[name.end:short.start] not in (" (", "(") or text[short.end:short.end + 1] != ")":
            continue
        if name.label not in SHORT_FORM_LABELS or short.label == "PERSON" or not SHORT_FORM.fullmatch(short.text):
            continue
        if gazetteer.outlet_name(short.text, allow_ambiguous=False):
            continue
        if short.text[0].upper() != re.sub(r"^(?:[Tt]he\s+)", "", name.text)[:1].upper() and not _foreign_acronym(name, short):
            continue  # 'Airbus (EADS)': its parent
        defined[i] = replace(short, short_for=name.text)
    return defined


KNOWN_AS = re.compile(r",?\s+(?:(?:also|better|widely|commonly)\s+)?known\s+as\s+(?:the\s+)?")


def _foreign_acronym(name: Mention, short: Mention) -> bool:
    """'the Federal Office for Information Security (BSI)': the acronym of a long formal name in its own
    language, in capitals, not made of the name's own initials (those of a part of it name that part); a
    one- or two-word name in brackets after another is its parent ('Airbus (EADS)')."""
    initials = iter(w[0] for w in name.text.split() if w[0].isupper())
    within = all(letter in initials for letter in short.text)  # 'Board of the Northfold Broadcasting Service (NBS)'
    return name.label == "ORG" and len(name.text.split()) >= 3 and short.text.isupper() and len(short.text) >= 2 and not within


def _short_firm_names(mentions: list[Mention]) -> list[Mention]:
    """A lone word the model took for a person or a building that opens an organisation's name in the
    same document is that organisation called short ('Allerton' for 'Allerton Mutual Insurance',
    'Norvale shares' for Norvale Telecom's), unless it is the surname of a person named in full there."""
    firms = {m.text.split()[0] for m in mentions if m.label == "ORG" and len(m.text.split()) > 1}
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
    return [replace(m, label="ORG", roles=(), gender=None)
            if m.label in ("PERSON", "FAC") and " " not in m.text and m.text in firms - surnames else m for m in mentions]
