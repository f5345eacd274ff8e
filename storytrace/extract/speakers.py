"""Who speaks: each cue's speaker phrase resolved, in text order, to a person, organisation,
outlet, document or unnamed source, so "he", "the ambassador" and "the company" find the right
earlier referent, and a source known only by its role ("a senior Knesset party staffer") stays one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from storytrace import gazetteer, names
from storytrace.extract import lexicon as lx
from storytrace.extract.cues import TEMPORAL_NOUNS, Cue, doc_text, named_in_phrase, subtree_span
from storytrace.extract.entities import ORG_WORDS
from storytrace.extract.quotes import Quote
from storytrace.extract.referents import Referent, Referents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Heads that name a business, which a public body never is ('the company', not the Federal Reserve).
# Words for a company by its trade ('the airframer', 'the automaker'): 'the airframer said' is the company last named.
BUSINESS_HEADS = frozenset("company firm carrier maker manufacturer airline insurer retailer lender startup "
                           "conglomerate".split()) | lx.TRADE_HEADS
PUBLIC_BODY_WORDS = frozenset("""ministry department agency commission council authority government court police bureau
administration senate parliament congress reserve directorate regulator inspectorate committee coastguard army navy
embassy unit investigation inquiry tribunal watchdog board kremlin pentagon presidency cabinet legislature
assembly secretariat military nato fbi cia nhs""".split())
# Public bodies named as a house ('the White House', 'the House of Commons'); Random House is a business
PUBLIC_HOUSES = re.compile(r"\b(?:white\s+house|house\s+of\s+(?:commons|lords|representatives|delegates))\b", re.IGNORECASE)
# ... and as an office ('the Federal Office for Information Security', 'the Home Office'); a box office is none
PUBLIC_OFFICES = re.compile(r"(?i:\b(?:federal|home|foreign|cabinet|national|state)\s+office\b)|\bOffice\s+(?:of|for)\s+"
                            r"(?:the\s+)?[A-Z]")
# A public service by what it serves ('the Food Safety and Inspection Service', 'the National Health Service')
PUBLIC_SERVICES = re.compile(r"\b(?:national|federal|state|civil|public|postal|secret|forest|parks?|fire|ambulance|"
                             r"prison|probation|health|revenue|inspection|weather|marshals?|intelligence|security|"
                             r"diplomatic|border|immigration|coast|meteorological|geological)\s+(?:[\w&]+\s+)?service\b",
                             re.IGNORECASE)
# Roles whose holder has an office that speaks for them ('Her office said', of the mayor).
OFFICE_ROLES = frozenset("""president premier chancellor minister mayor governor senator congressman congresswoman
representative secretary commissioner""".split()) | {"prime minister", "foreign minister", "defence minister",
                                                       "defense minister", "finance minister", "vice president"}
# Words for a public body by its kind, which a story uses for the body it names by a name without them.
PUBLIC_KIND_HEADS = frozenset({"agency", "regulator", "watchdog"})
GENERIC_ORGANIZATION_HEADS = frozenset("company firm group carrier maker manufacturer airline bank insurer club "
                                       "retailer lender operator startup giant conglomerate".split()) | lx.TRADE_HEADS
CORPORATE_SUFFIX = re.compile(r"\b(?:Corp|Corporation|Inc|Ltd|Co|LLC|plc|PLC|Group|Holdings|AG|SA|NV|GmbH)\b\.?")


PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
PLACES_AND_BUILDINGS = PLACE_LABELS | {"FAC"}  # never what an 'it' that speaks stands for
UNTAGGED_BODY = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){1,6}")  # a name of capitalised words, untagged
# What a story calls a news outlet it has just named ('the newspaper reported'), and how far back (characters).
# ('the paper', 'the network', 'the station' are too often something else: a study, a grid, a police station).
OUTLET_NOUNS = frozenset("newspaper daily tabloid broadsheet broadcaster magazine journal outlet weekly network channel "
                         "station".split())
OUTLET_REACH = 400
RECORD_RELEASES = frozenset("published publishes released releases issued issues".split())  # a record since
# Sentences back to look for the subject a pronoun continues ('Marcus Ivey was pulled over ... by two
# officers, Kyle Brandt and Jenna Ruiz. He spent three days in hospital ... He has pleaded not guilty').
SUBJECT_REACH = 2
POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
UNNAMED_PEOPLE = frozenset("someone somebody anyone anybody some many several others most few".split())
# Occasions a date tells apart, like records: 'the 2022 inspection', 'a follow-up inspection in March 2024'.
DATED_OCCASIONS = frozenset("inspection inspections visit visits meeting meetings session sessions hearing".split())
BARE_PARTITIVES = frozenset("several some many most others few both".split())
# A single unnamed source named again by what they are: 'the source', 'the insider' is the one last described
# as one of these or as 'someone'.
UNNAMED_ONE_HEADS = frozenset("source insider person individual".split())
UNNAMED_ONE_DESCRIBED = UNNAMED_ONE_HEADS | {"someone"}
ANOTHER_REACH = 400  # characters back to the unnamed speaker a bare 'Another said' is a second one of
PARTITIVE_HEADS = frozenset("one two three some several many most all both each either neither".split())


@dataclass
class ResolvedSpeaker:
    name: str
    kind: str
    start: int
    end: int
    referent: Referent | None = None


# ----------------------------------------------------------------------------------------------
# text helpers


def token_span(token: "Token") -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


# ----------------------------------------------------------------------------------------------
# speakers


# Adjectives after an unnamed source that say how it knows: 'people familiar with the matter', 'a person close
# to the talks', 'officials knowledgeable about the plans'.
POSTNOMINAL_SOURCE_WORDS = frozenset("familiar close knowledgeable privy".split())
# ... and participles that do the same: 'people briefed on the talks', 'officials involved in the negotiations'.
POSTNOMINAL_SOURCE_PARTICIPLES = frozenset("briefed involved informed acquainted".split())


def _before_comma(token: "Token") -> "Token":
    """The last word of the token's phrase before a comma ends it ('familiar with the programme, one of
    whom said ...' ends at 'programme')."""
    last = token
    for word in token.doc[token.i:token.right_edge.i + 1]:
        if word.text in (",", ";", "(", "—", "–"):
            break
        last = word
    return last


def _before_set_off_relative(head: "Token", right: "Token") -> "Token":
    """The phrase's end before a relative clause set off by a comma inside it ('Survivors of the fire at
    the factory | , which killed 12 people'): a remark on a noun, no part of the speaker's name."""
    doc = head.doc
    for token in doc[head.i + 1:right.i]:
        if token.text == "," and token.i + 1 <= right.i and doc[token.i + 1].lower_ in ("which", "who", "whom", "whose"):
            return doc[token.i - 1]
    return right


def _opens_next_clause(token: "Token", head: "Token") -> bool:
    """Whether the word after a source's comma is the subject of the clause the source introduces."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head != head and token not in list(head.subtree)


def _whose_owner_named(head: "Token", phrase: str) -> str:
    """'Halden, whose chief executive said ...': the chief executive is "Halden's chief executive"."""
    if not phrase.lower().startswith("whose "):
        return phrase
    whose = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    clause = head.head if head.head.dep_ == "relcl" else None
    if whose is None or clause is None:
        return phrase
    owner = clause.head
    if owner.pos_ not in ("PROPN", "NOUN"):
        return phrase
    named = next((e for e in owner.sent.ents if e.start <= owner.i < e.end), None)
    name = named.text if named is not None else owner.doc[owner.left_edge.i:owner.i + 1].text
    apostrophe = "'" if name.endswith("s") else "'s"
    return f"{name}{apostrophe} {phrase[len('whose '):]}"


def _bare_noun(head: "Token") -> bool:
    """'the report' with nothing to say which one: no modifier, owner or of-phrase."""
    return all(c.dep_ in ("det", "punct", "relcl", "appos") for c in head.children)


def _former_staff(head: "Token") -> bool:
    """'two former control-room operators': people who once did the work, not firms that do it."""
    return head.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in ("former", "retired", "ex") for c in head.children)


def _named_subject_of_sentence(pronoun: "Token") -> "Token | None":
    """The named subject of the sentence an embedded 'it' sits in, before it: that is what the 'it' stands
    for ('Orvenia has released a photograph of a rifle it says was found beside the body')."""
    root = pronoun.sent.root
    if pronoun.head == root:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    return subject if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "GPE") else None


def _noun_phrase_span(head: "Token", with_of: bool, limit: int | None = None) -> tuple[int, int]:
    """Left modifiers + head, plus an 'of'/'between' phrase for descriptions ('member of ...'),
    never reaching `limit` (the cue)."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "case"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    if head.dep_ == "dobj" and head.head.tag_ == "VBG" and head.head.i == head.i - 1 and left.i == head.i:
        left = head.head  # 'hiring data', which the parser read as a verb and its object
    right = head
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "between", "from", "with", "in", "at", "for"):
                right = max(right, child.right_edge, key=lambda t: t.i)
            elif (child.dep_ == "amod" and child.lower_ in POSTNOMINAL_SOURCE_WORDS) or \
                    (child.dep_ == "acl" and child.lower_ in POSTNOMINAL_SOURCE_PARTICIPLES):  # 'people familiar with'
                right = max(right, _before_comma(child), key=lambda t: t.i)
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.nbor()
    right = _before_set_off_relative(head, right)
    if with_of and limit is not None and right.idx + len(right.text) < limit:
        right = _extend_description(head.doc, right, limit)
    if limit is not None and right.idx + len(right.text) > limit > head.idx:
        doc = head.doc
        right = head
        for token in doc[head.i + 1:]:
            if token.idx + len(token.text) > limit or token.pos_ in ("VERB", "AUX"):
                break
            right = token
        while right.i > head.i and (right.is_punct or right.dep_ in ("advmod", "cc")):
            right = right.nbor(-1)
    right = _before_a_time(head, right)
    return left.idx, right.idx + len(right.text)


def _before_a_time(head: "Token", right: "Token") -> "Token":
    """The phrase's last token before a time that closes it ('the owner of a barbecue business on
    Wednesday' is 'the owner of a barbecue business'); a record keeps its date ('a follow-up
    inspection in March 2024' is not the 2022 one)."""
    dated = lx.DOCUMENT_HEADS | DATED_OCCASIONS
    if head.lemma_.lower() in dated or _head_word(head) in dated:
        return right
    end = right
    while end.i > head.i and end.ent_type_ in ("DATE", "TIME"):
        end = end.nbor(-1)
    if end.i < right.i and end.i > head.i and end.pos_ == "ADP":
        return end.nbor(-1)
    return right


def _extend_description(doc: "Doc", right: "Token", limit: int) -> "Token":
    """Carry a description on to the cue over nouns the parser cut off ('a spokeswoman for [Mayor Kim] said')."""
    last = right
    for token in doc[right.i + 1:]:
        if token.idx >= limit or token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "ADP", "NUM", "PART", "CCONJ") \
                or token.text in (",", ";"):
            break
        last = token
    while last.i > right.i and last.pos_ in ("DET", "ADP", "CCONJ", "PART"):
        last = last.nbor(-1)
    return last


def _role_owner(head: "Token") -> "Token | None":
    """Whose role a role noun names: 'Brightmart' in "Brightmart's chief executive", 'city' in "the
    city's integrity commissioner", 'fund' in 'the executive director of Carrow Point's municipal
    pension fund'; None for a bare 'the health secretary'."""
    possessor = next((t for t in head.subtree if t.i < head.i and t.dep_ == "poss" and t.pos_ in ("PROPN", "NOUN")), None)
    return possessor or named_in_phrase(head, ("of",))


def _untagged_firm(text: str, name: str) -> bool:
    """A one-word name the model tagged nowhere that spoke, is no given name and recurs in the report
    ('Westwave said in a statement ... the company said'): a business, since a person is named in full."""
    return bool(re.fullmatch(r"[A-Z][a-z]+[A-Za-z]*", name)) and name not in gazetteer.given_names() and \
        len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2


def _firm_taken_for_person(referent: Referent) -> bool:
    """A lone word the model called a person, with no given name, role or gender anywhere in the report
    ('Brightmart will eliminate 1,800 positions, the company confirmed'): when no organisation is named
    in the sentence, the company meant."""
    return referent.kind == "person" and " " not in referent.name and not referent.roles and referent.gender is None \
        and referent.name not in gazetteer.given_names()


def _public_body(name: str) -> bool:
    """A ministry, council, court ... or, by the last word of its name, a union, party, charity or school:
    no business ('the company' is not the Amalgamated Workers Union; Union Pacific may be)."""
    words = [w.casefold() for w in re.findall(r"[\w’']+", name)]
    return bool(set(words) & PUBLIC_BODY_WORDS) or bool(words) and words[-1] in NON_BUSINESS_HEADS or \
        bool(PUBLIC_HOUSES.search(name)) or bool(PUBLIC_OFFICES.search(name)) or bool(PUBLIC_SERVICES.search(name))



# The last word of names of bodies that are no business.
NON_BUSINESS_HEADS = frozenset("""union unions association federation confederation party charity foundation institute
university college school church league society campaign coalition alliance movement guild""".split())


HONORIFICS = frozenset("mr ms mrs dr".split())
COUNTED = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|many|a\s+few)\b", re.IGNORECASE)


def _counted_group(name: str) -> bool:
    """A group introduced by its number ('two people familiar with the investigation', 'several
    officials'), which 'one of the people' is part of."""
    return bool(COUNTED.match(name))


def _members_named(partitive: "Token") -> str | None:
    """For 'one of the people' / 'two of the engineers': the plural noun ('people'), else None."""
    if partitive.lower_ not in PARTITIVE_HEADS:
        return None
    of = next((c for c in partitive.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj" and c.tag_ == "NNS"), None) if of is not None else None
    if noun is None or not any(c.lower_ == "the" for c in noun.children):
        return None
    return noun.lower_


def _group_just_named(partitive: "Token") -> "Token | None":
    """The people a bare 'Several' or 'Some' (or 'one of them') is part of: the plural subject of the
    sentence before."""
    sentence = partitive.sent
    if sentence.start == 0:
        return None
    previous = partitive.doc[sentence.start - 1].sent
    return next((t for t in previous if t.dep_ == "nsubj" and t.tag_ == "NNS" and _names_people({t.lower_, t.lemma_.lower()})),
                None)


def _bare_one(head: "Token") -> bool:
    """'"Nobody warned us," said one, who asked not to be named': 'one' with nothing saying one of what."""
    return all(c.dep_ in ("punct", "relcl", "acl") for c in head.children)


def _is_role(token: "Token") -> bool:
    return token.lower_ in lx.ROLE_NOUNS or token.lemma_.lower() in lx.ROLE_NOUNS


def _head_word(token: "Token") -> str:
    return re.sub(r"^(?:then|former|ex|outgoing|incoming|acting)-", "", token.lower_)


def _definite(token: "Token") -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _group_of_whom(head: "Token") -> "Token | None":
    """For 'one of whom' / 'two of which': the plural noun before it that names the group ('two people
    familiar with the programme, one of whom said'), or None."""
    if head.lower_ not in PARTITIVE_HEADS or not any(
            c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children) for c in head.children):
        return None
    for token in reversed(head.doc[head.sent.start:head.i]):
        if token.tag_ in ("NNS", "NNPS"):
            return token
    return None


def _described_by_phrase(noun: "Token") -> "Token | None":
    """For the last noun of a phrase describing a person ('a person familiar with [the terms]'), the
    person: 'who' after it goes with them. None when the noun is no object inside such a phrase."""
    current = noun
    while current.dep_ == "pobj" and current.head.dep_ == "prep":
        above = current.head.head
        while above.dep_ in ("amod", "acl") and above.head.i < above.i:
            above = above.head  # '[person] familiar with' / '[officials] involved in'
        if above.pos_ in ("NOUN", "PROPN") and above.i < noun.i:
            if _names_people({above.lower_, above.lemma_.lower()}) or _is_role(above):
                return above
            current = above
            continue
        return None
    return None


def _relative_antecedent(doc: "Doc", pronoun: "Token") -> "Token | None":
    """', which said ...': the noun right before the relative pronoun, past a time phrase ('this week');
    for 'who', past a place or organisation its person is 'at' or 'of'."""
    i = pronoun.i - 1
    while i >= 0 and doc[i].text in (",", "–", "—"):
        i -= 1
    personal = pronoun.lower_ in ("who", "whom")
    while i >= 0:
        token = doc[i]
        if personal and token.ent_type_ in ("ORG", "GPE", "LOC", "FAC") and token.dep_ in ("pobj", "compound"):
            i -= 1  # 'Charles O'Reilly, a management expert at Stanford University, who stated': not the university
            continue
        if not personal and (token.ent_type_ in ("DATE", "TIME") or token.like_num):
            i -= 1  # 'an internal memo, dated March 2, which says': not the date
            continue
        if not personal and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head  # ... but the memo the participle describes
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in TEMPORAL_NOUNS:
            token = (_described_by_phrase(token) if personal else None) or token  # 'a person familiar with the terms, who'
            if personal and token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.head.i < token.i:
                return token.head  # '..., a management expert ..., who': the one the apposition describes
            return token
        if token.text[:1].isupper() and (token.i == pronoun.head.head.i or token.is_sent_start):
            return token  # 'Swiftly, which says ...': a name the parser read as another part of speech
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";"):
            return None
        i -= 1
    return None


# What sets off a name after its description: a comma, and a title the name was not tagged with ('His co-author, Dr. |Lena Ortiz|,')
SET_OFF_NAME = re.compile(r",\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rep|Sen|Gov|Sir|Dame|Lord|Lady|Justice|Judge|Gen|Col|Capt|"
                          r"Maj|Lt|Rev|Cllr|Councillor|Det|Insp|Supt|Sgt)\.?\s+)?$")
SET_OFF_REACH = 14  # characters before a name that may hold its comma and title
# A paragraph that opens by naming someone with their age: 'Siobhan O'Connell, 52, denies ...'
AGE_INTRODUCTION = re.compile(r"\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+\d{1,3},")


@dataclass
class SpeakerResolver:
    """Resolves speaker phrases to referents, remembering who spoke last for 'he said'."""

    doc: "Doc"
    text: str
    referents: Referents
    quotes: list[Quote]
    history: list[ResolvedSpeaker] = field(default_factory=list)
    author: str | None = None  # who signs the document, else its author (metadata), for an unquoted "I"
    publisher: str | None = None  # the document's outlet or issuer (metadata), for an unquoted "we"

    def in_quote(self, position: int) -> bool:
        return any(q.inner_start <= position < q.inner_end for q in self.quotes)

    def remember(self, speaker: ResolvedSpeaker) -> None:
        self.history.append(speaker)

    def resolve(self, head: "Token", position: int) -> ResolvedSpeaker:
        word = head.lower_
        span = token_span(head)
        if word in lx.RELATIVE_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            antecedent = _relative_antecedent(self.doc, head)
            if antecedent is not None:
                resolved = self.resolve(antecedent, position)
                return ResolvedSpeaker(resolved.name, resolved.kind, span[0], span[1], resolved.referent)
        if head.pos_ == "PRON" and word in lx.PERSON_PRONOUNS:
            return self._pronoun(lx.PERSON_PRONOUNS[word], span, position)
        if head.pos_ == "PRON" and word in lx.PLURAL_PRONOUNS:
            return self._plural_pronoun(span)
        office = self._persons_office(head, position)
        if office is not None:
            return office
        if head.pos_ == "PRON" and word == "it" and head.dep_ == "nsubj":
            subject = _named_subject_of_sentence(head)
            if subject is not None:  # 'Orvenia has released a photograph of a rifle it says was found ...'
                resolved = self.resolve(subject, position)
                if resolved.kind in ("organization", "outlet", "document"):
                    return ResolvedSpeaker(resolved.name, resolved.kind, span[0], span[1], resolved.referent)
            return self._neuter_pronoun(span, position)
        if head.pos_ == "PRON" and word == "you":
            addressed = self._addressed(head)
            if addressed is not None:  # 'Mr. Delacroix, you've asked to address the board'
                start, end = next(((s, e) for s, e in addressed.spans if s < head.idx), span)
                return ResolvedSpeaker(addressed.name, addressed.kind, start, end, addressed)
        if head.pos_ == "PRON" and word in ("i", "we") and not self.in_quote(head.idx):
            return self._first_person(word, span)
        if word in PARTITIVE_HEADS and any(c.lower_ == "of" and any(g.lower_ in ("them", "those") for g in c.children)
                                           for c in head.children):
            group = self._plural_pronoun(span)
            if group.kind == "anonymous":
                return group  # 'Two engineers told the Courier ... One of them said': the same source
            group_head = _group_just_named(head)
            if group_head is not None:  # 'off-duty miners arrived to volunteer. "...," said one of them'
                group = self._description(group_head, group_head.idx)
                return ResolvedSpeaker(group.name, group.kind, span[0], span[1], group.referent)
        members_of = _members_named(head)
        if members_of is not None:  # 'two people familiar with the investigation ... one of the people said'
            group_ref = self.referents.most_recent(position, lambda r: r.kind == "anonymous" and members_of in r.heads
                                                   and _counted_group(r.name))
            if group_ref is not None:
                return ResolvedSpeaker(group_ref.name, group_ref.kind, span[0], span[1], group_ref)
        group_head = _group_of_whom(head)
        if group_head is not None:  # 'two people familiar with the programme, one of whom said': that group
            group = self.resolve(group_head, group_head.idx)
            return ResolvedSpeaker(group.name, group.kind, span[0], span[1], group.referent)
        if word == "another" and not list(head.children):
            other = self._another_of_the_last(span, position)
            if other is not None:  # '"Nobody told us," said one resident. Another said ...': another resident
                return other
        if word in BARE_PARTITIVES and not list(head.children) or word == "one" and _bare_one(head):
            group_head = _group_just_named(head)
            if group_head is not None:  # 'Workers leaving the plant described confusion. Several said ...'
                group = self._description(group_head, group_head.idx)
                return ResolvedSpeaker(group.name, group.kind, span[0], span[1], group.referent)
        run_on = self._holder_run_on(head)
        if run_on is not None:
            return run_on
        conjoined = self._conjoined(head, position)
        if conjoined is not None:
            return conjoined
        named_apposition = self._apposition(head, position)
        if named_apposition is not None:
            return named_apposition
        members = self._some_members(head)
        if members is not None:
            return members
        outlet = self._outlets_report(head, position)
        if outlet is not None:
            return ResolvedSpeaker(outlet.name, "outlet", span[0], span[1], outlet.referent)
        referent = self._named(head)
        if referent is not None:
            ref_span = next(((s, e) for s, e in referent.spans if s <= head.idx < e), span)
            return ResolvedSpeaker(referent.name, referent.kind, ref_span[0], ref_span[1], referent)
        return self._description(head, position)

    def _outlets_report(self, head: "Token", position: int) -> ResolvedSpeaker | None:
        """'Channel 12 reported Thursday ... The report, which cited two officials, said': a bare 'the report'
        just after an outlet spoke is that outlet's."""
        if head.lemma_.lower() != "report" or not _definite(head) or not _bare_noun(head):
            return None
        outlet = next((s for s in reversed(self.history[-3:]) if s.kind == "outlet"), None)
        if outlet is None or not 0 <= position - outlet.end <= OUTLET_REACH:
            return None
        between = re.findall(r"[a-z]+", self.text[outlet.end:head.idx].lower())
        if set(between) & (lx.DOCUMENT_HEADS | RECORD_RELEASES):
            return None  # 'The inspectors published their findings. The report said'
        earlier = self.referents.most_recent(min(outlet.start, head.left_edge.idx),
                                             lambda r: r.kind == "document" and "report" in r.name.lower())
        return outlet if earlier is None else None  # 'according to a preliminary report ... the report said'

    def _some_members(self, head: "Token") -> ResolvedSpeaker | None:
        """'Some Democrats', 'many Republicans', 'two Ukrainians': unnamed members of a party or people,
        not the party or the country itself."""
        quantifier = next((c for c in head.lefts if c.dep_ in ("det", "amod", "nummod") and
                           (c.lower_ in MEMBER_QUANTIFIERS or c.like_num)), None)
        if quantifier is None or head.tag_ not in ("NNPS", "NNP") or not head.text.endswith("s"):
            return None
        start, end = quantifier.idx, head.idx + len(head.text)
        phrase = self.text[start:end]
        ref = self.referents.add(phrase, "anonymous", (start, end), heads={head.lower_})
        return ResolvedSpeaker(phrase, "anonymous", start, end, ref)

    def _apposition(self, head: "Token", position: int) -> ResolvedSpeaker | None:
        """'Acme's chief executive, John Whitfield, told ...', 'The company that built the dam,
        Costruzioni Alpine, said ...', 'A senior Republican on the committee, Rep. Dana Whitfield, said':
        the name set off by commas before the cue speaks."""
        described = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)  # 'A senior Republican'
        if self.referents.covering(head.idx, head.idx + len(head.text)) is not None and not described:
            return None
        if head.idx < position and (head.pos_ != "PROPN" or _is_role(head)):  # a name is not renamed by another after it
            for ref in self.referents.items:
                if ref.kind not in ("person", "organization", "outlet"):
                    continue
                for s, e in ref.spans:
                    if not (head.idx < s and e < position and self.text[e:e + 1] == ","):
                        continue
                    set_off = SET_OFF_NAME.search(self.text, max(head.idx, s - SET_OFF_REACH), s)
                    if set_off is not None and not re.search(r"[;!?]|\.(?!$)", self.text[head.idx:set_off.start()]):
                        return ResolvedSpeaker(ref.name, ref.kind, s, e, ref)
        doc = head.doc
        named = ("person", "organization", "outlet")
        candidates = [(c, named) for c in head.children if c.dep_ == "appos"]
        if head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].dep_ != "prep" and \
                doc[head.i + 2].pos_ not in ("VERB", "AUX") and not _opens_next_clause(doc[head.i + 2], head):
            # not 'Smith, speaking on the BBC, said', 'Kaufman, along with Senator Mark Warner, said', nor 'According
            # to the network, Netanyahu made the request'
            candidates.append((doc[head.i + 2], named))
        if _is_role(head):  # 'the general secretary of the British union Unite, Tony Woodley': the parser hangs the
            # name on the last noun of the title; only a person can hold the title
            candidates += [(t, ("person",)) for t in head.subtree if t.dep_ == "appos" and t.head.i != head.i
                           and t.pos_ == "PROPN" and t.right_edge.i == head.right_edge.i]
        for candidate, accepted in candidates:
            for token in (candidate, *candidate.subtree):
                ref = self.referents.covering(token.idx, token.idx + len(token.text))
                if ref is not None and ref.kind in accepted:
                    span = next(((s, e) for s, e in ref.spans if s <= token.idx < e), token_span(token))
                    return ResolvedSpeaker(ref.name, ref.kind, span[0], span[1], ref)
        return None

    def _conjoined(self, head: "Token", position: int) -> ResolvedSpeaker | None:
        """'The US and Russia': one speaker phrase naming several actors (the first stands for all).
        Titles joined before a name are one person's: 'The company president and CEO Louis Gallois',
        'Airbus President and Chief Executive Officer, Tom Enders'."""
        conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if not conjuncts:
            return None
        if _is_role(head):
            holder = self._named(conjuncts[-1])
            if holder is not None and holder.kind == "person":
                start, end = next(((s, e) for s, e in holder.spans if s <= conjuncts[-1].idx < e), token_span(conjuncts[-1]))
                return ResolvedSpeaker(holder.name, "person", start, end, holder)
            titled = self._apposition(head, position)
            if titled is not None and titled.kind == "person":
                return titled
        start, end = _noun_phrase_span(head, with_of=False)
        end = max(end, conjuncts[-1].idx + len(conjuncts[-1].text))
        first = self._named(head)
        kind = first.kind if first is not None else "organization"
        if first is not None and first.kind == "person":
            kind = "person"
        return ResolvedSpeaker(self.text[start:end], kind, start, end, first)

    def _addressed(self, you: "Token") -> Referent | None:
        """The person a sentence (or a transcript turn) opens by addressing ('Ms. Coyle, you have asked
        ...', 'PRESIDENT PIKE: Mr. Delacroix, you've asked ...'), or None."""
        tokens = list(you.sent)
        comma = next((t for t in tokens if t.text == ","), None)
        if comma is None or comma.i >= you.i or you.i - comma.i > 2:
            return None
        label = max((t.i for t in tokens if t.text == ":" and t.i < comma.i), default=tokens[0].i - 1)
        names = [t for t in tokens if label < t.i < comma.i]
        if not names or not all(t.pos_ == "PROPN" or t.text == "." or t.lower_.rstrip(".") in HONORIFICS for t in names):
            return None
        referent = self.referents.covering(names[-1].idx, names[-1].idx + len(names[-1].text))
        return referent if referent is not None and referent.kind == "person" else None

    def _named(self, head: "Token") -> Referent | None:
        """The referent whose mention covers the head, or the outlet behind 'the Israel Hayom article'."""
        referent = self.referents.covering(head.idx, head.idx + len(head.text))
        if referent is not None:
            return referent
        if _head_word(head) in lx.PUBLICATION_HEADS:
            for child in head.lefts:
                found = self.referents.covering(child.idx, child.idx + len(child.text))
                if found is not None and found.kind in ("outlet", "organization"):
                    found.kind = "outlet"
                    return found
        return None

    def _named_organization(self, heads: set[str], position: int, marks: frozenset[str] = frozenset(),
                            trade: frozenset[str] = frozenset(), at: int | None = None) -> Referent | None:
        """'the ministry' -> the last 'Foreign Ministry'; 'the company' -> the last company named;
        'the federal government' is not the last 'German government' (`marks`: the description's
        country or level of government, which the name must bear). `trade`: the nouns that tell the
        description's business ('the water company'); an organisation merely named last, neither a
        subject since nor a speaker, is it only if its name bears them (not the town 'Ashby' the
        model took for an organisation). `at`: where the description stands, when not at `position`: a
        company named after it in its sentence is no antecedent ('The company that runs the Tannery Creek
        Dam pushed back')."""
        position = position if at is None else at
        by_word = self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and
            bool(heads & {w.casefold() for w in r.name.split()}) and _bears_modifiers(r, marks))
        if by_word is not None:
            return by_word
        if marks:
            return None
        if heads & PUBLIC_KIND_HEADS and self.text[position:position + 1].islower():  # not 'The ... Safety Agency'
            return self._public_body_last_heard(position)  # 'the agency' for the Food Safety and Inspection Service
        if not heads & GENERIC_ORGANIZATION_HEADS:
            return None
        business = bool(heads & BUSINESS_HEADS)  # 'the company' is no central bank or ministry

        def could_be(ref: Referent) -> bool:
            return not self._news_outlet(ref) and not self._venue_only(ref) and not (business and _public_body(ref.name))
        if business:  # 'In a statement on the Airbus website, the company said', 'with the airframer promising'
            sentence_start = max(self.text.rfind(mark, 0, position) for mark in (". ", "; ", "\n")) + 1
            subject = self._firm_as_subject_in_sentence(sentence_start, position)
            if subject is not None:
                return subject  # 'Brightmart will eliminate 1,800 positions at its Dunmore headquarters, the company said'
            in_sentence = [r for r in self.referents.items if r.label == "ORG" and r.kind == "organization"
                           and r.last_before(position) >= sentence_start]
            if len(in_sentence) == 1 and could_be(in_sentence[0]) and not self._only_spoken_of(in_sentence[0], sentence_start):
                return in_sentence[0]  # the one company named before it in its sentence
        named_since = self._organization_subject_since(position)
        if named_since is not None and could_be(named_since):
            return named_since
        for speaker in reversed(self.history[-6:]):
            if speaker.kind == "organization" and speaker.referent is not None and speaker.referent.label == "ORG" \
                    and could_be(speaker.referent):
                return speaker.referent
        for speaker in reversed(self.history[-6:]) if business else ():
            if speaker.kind == "unknown" and speaker.referent is None and _untagged_firm(self.text, speaker.name):
                return self.referents.add(speaker.name, "organization", (speaker.start, speaker.end), label="ORG")
        corporate = self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and bool(CORPORATE_SUFFIX.search(r.name)))
        return corporate or self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and could_be(r) and _bears_modifiers(r, trade)) \
            or (self._firm_taken_for_place() if business else None)

    def _only_spoken_of(self, ref: Referent, sentence_start: int) -> bool:
        """Whether a company is named in the sentence only inside a quotation and not as a clause's
        subject there ('"Brightleaf is not in discussions with Halvorsen," the company said': the
        company speaking is not the one it talks about)."""
        spans = [(start, end) for start, end in ref.spans if start >= sentence_start]
        return bool(spans) and all(self.in_quote(start) and not self._is_subject(start, end) for start, end in spans)

    def _public_body_last_heard(self, position: int) -> Referent | None:
        """The public body that spoke last, else the one named last before position."""
        for speaker in reversed(self.history[-6:]):
            ref = speaker.referent
            if speaker.kind == "organization" and ref is not None and ref.label == "ORG" and _public_body(ref.name):
                return ref
        return self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and _public_body(r.name))

    def _firm_as_subject_in_sentence(self, sentence_start: int, position: int) -> Referent | None:
        """The one business, or lone word the model took for a person (`_firm_taken_for_person`), that
        is a clause's subject between sentence_start and position."""
        found = {r.key: r for r in self.referents.items
                 if (r.label == "ORG" and r.kind == "organization" and not self._news_outlet(r) and not _public_body(r.name)
                     or _firm_taken_for_person(r))
                 for start, end in r.spans if sentence_start <= start < position and self._is_subject(start, end)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _firm_taken_for_place(self) -> Referent | None:
        """The last speaker the model labelled a place that no country word names ('Veltrix on Tuesday
        denied ...', Veltrix tagged GPE): 'the company' when no organisation is named at all."""
        for speaker in reversed(self.history[-6:]):
            ref = speaker.referent
            if speaker.kind == "organization" and ref is not None and ref.label == "GPE" and \
                    not {w.casefold() for w in ref.name.split()} & _COUNTRY_WORD_SET:
                return ref
        return None

    def _organization_subject_since(self, position: int) -> Referent | None:
        """A company that became the subject of a sentence after the last organisation spoke ('Orrin
        Labs did not respond on Monday. The company says on its website ...'): 'the company' is it."""
        after = max((s.start for s in self.history if s.kind == "organization"), default=-1)
        for subject_of in (self._is_main_subject, self._is_time_clause_subject):
            best, best_at = None, after  # a main clause's subject first; else that of a clause of time or cause
            for ref in self.referents.items:
                if ref.label != "ORG" or ref.kind != "organization" or self._news_outlet(ref):
                    continue
                for start, end in ref.spans:
                    if best_at < start < position and not self.in_quote(start) and subject_of(start, end):
                        best, best_at = ref, start
            if best is not None:
                return best
        return None

    def _is_main_subject(self, start: int, end: int) -> bool:
        return self._is_subject(start, end, main=True)

    def _is_time_clause_subject(self, start: int, end: int) -> bool:
        """The subject of a clause of time or cause ('just days after Consumer Reports declined to ...'),
        not of a reported clause ('said that ClearPath supports ...') or an infinitive."""
        piece = self.doc.char_span(start, end, alignment_mode="expand")
        return piece is not None and piece.root.dep_ == "nsubj" and piece.root.head.dep_ == "advcl" and \
            any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_MARKS for c in piece.root.head.children)

    def _venue_only(self, referent: Referent) -> bool:
        """A social platform named only as where something was posted ('in a post on Telegram')."""
        return referent.name.casefold() in lx.PLATFORMS and all(
            VENUE_BEFORE.search(self.text, max(0, start - 12), start) for start, _ in referent.spans)

    def _news_outlet(self, referent: Referent) -> bool:
        """A newspaper or broadcaster (the story's own outlet among them) is never 'the company' a
        story calls by that word ('The Courier-Post could not confirm ... The company said')."""
        words = {w.casefold() for w in re.findall(r"[\w’']+", referent.name)}
        own = {w.casefold() for w in re.findall(r"[\w’']+", self.publisher or "")}
        return gazetteer.is_news_outlet(referent.name) or bool(own and words and words <= own)

    def _another_of_the_last(self, span: tuple[int, int], position: int) -> ResolvedSpeaker | None:
        """'one resident ... Another said': a second unnamed source of the kind the last speaker was, when
        that speaker was one unnamed person ('one resident', 'a nurse', 'one of the engineers') in the
        last few sentences."""
        if not self.history or position - self.history[-1].end > ANOTHER_REACH:
            return None
        last = self.history[-1]
        opening = self.text[last.start:last.start + 30]
        if re.match(r"one\s+of\s+(?:them|those|these|whom)\b", opening, re.IGNORECASE) or \
                last.kind == "anonymous" and re.match(r"one\s+of\s+the\s+[a-z]+\b", opening, re.IGNORECASE):
            # 'One of the people said ... Another said': the same group
            return ResolvedSpeaker(last.name, last.kind, span[0], span[1], last.referent)  # the group, as 'one of them' was
        one = re.match(r"(?:one|a|an)\s+([a-z][\w '’-]*)$", last.name, re.IGNORECASE)
        if last.kind not in ("anonymous", "unknown") or one is None:
            return None
        return ResolvedSpeaker(f"another {one.group(1)}", "anonymous", span[0], span[1])

    def _pronoun(self, gender: str, span: tuple[int, int], position: int) -> ResolvedSpeaker:
        for speaker in reversed(self.history[-6:]):
            ref = speaker.referent
            if ref is None or speaker.kind not in ("person", "anonymous"):
                continue
            fits = _one_person(ref) if speaker.kind == "anonymous" else ref.gender in (gender, None)
            if fits:
                subject = self._subject_since(gender, speaker.start, position)
                if subject is not None:
                    return ResolvedSpeaker(subject.name, "person", span[0], span[1], subject)
                return ResolvedSpeaker(ref.name, speaker.kind, span[0], span[1], ref)

        def accept(ref: Referent) -> bool:
            return ref.kind == "person" and ref.gender in (gender, None) and not self.in_quote(ref.last_before(position))

        ref = self._subject_since(gender, self._sentences_back(position, SUBJECT_REACH), position) or \
            self.referents.most_recent(position, accept)
        if ref is not None:
            return ResolvedSpeaker(ref.name, "person", span[0], span[1], ref)
        holder = self._role_subject_before(gender, span[0])
        if holder is not None:  # 'The chief executive of the service received a bonus ... after he told councillors'
            described = self._description(holder, holder.idx)
            return ResolvedSpeaker(described.name, described.kind, span[0], span[1], described.referent)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

    def _persons_office(self, head: "Token", position: int) -> ResolvedSpeaker | None:
        """'Her office said': the office of the person the pronoun stands for ('Ana Ortiz's office'),
        which speaks for that person."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if head.lemma_.lower() != "office" or owner is None:
            return None
        gender = lx.PERSON_PRONOUNS[owner.lower_]
        holder = self.referents.most_recent(position, lambda r: r.kind == "person" and r.gender in (gender, None)
                                            and bool(r.roles & OFFICE_ROLES))  # the mayor, not the councillor quoted last
        name = holder.name if holder is not None else None
        if name is None:
            person = self._pronoun(gender, token_span(owner), position)
            name = person.name if person.kind == "person" else None
        if name is None:
            return None
        return ResolvedSpeaker(f"{name}'s office", "organization", owner.idx, head.idx + len(head.text), None)

    def _sentences_back(self, position: int, count: int) -> int:
        """Where the sentence `count` sentences before the one at `position` starts."""
        token = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if token is None:
            return position
        sentence = token[0].sent
        for _ in range(count):
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return sentence.start_char - 1

    def _role_subject_before(self, gender: str, position: int) -> "Token | None":
        """The last subject before a pronoun, in its sentence or the one before, that names a person
        by a role ('The chief executive of the Wendmoor Ambulance Service'), when no one named fits."""
        pronoun = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if pronoun is None:
            return None
        sentence = pronoun[0].sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        for token in reversed(self.doc[start:pronoun[0].i]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in lx.ROLE_NOUNS \
                    and _definite(token) and not self.in_quote(token.idx) and _role_fits(token.lower_, gender):
                return token
        return None

    def _plural_pronoun(self, span: tuple[int, int]) -> ResolvedSpeaker:
        for speaker in reversed(self.history[-4:]):
            if speaker.kind in ("organization", "anonymous", "document", "outlet"):
                return ResolvedSpeaker(speaker.name, speaker.kind, span[0], span[1], speaker.referent)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

    def _first_person(self, word: str, span: tuple[int, int]) -> ResolvedSpeaker:
        """An unquoted 'I' or 'we' is the document speaking in its own voice: 'I' is whoever signs
        it ('I, Dana Whitcombe, declare'), else its author; 'we' (and an 'I' of no known author)
        is the body that issued it (a company's statement, a commissioner's report, a letter)."""
        if word == "i" and self.author:
            return ResolvedSpeaker(self.author, "person", span[0], span[1], None)
        if self.publisher:
            return ResolvedSpeaker(self.publisher, "outlet", span[0], span[1], None)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

    def _subject_since(self, gender: str, after: int, position: int) -> Referent | None:
        """A person who became the subject of a sentence after the last speaker was named and before
        the pronoun ('Critics say it was hacked. Spokeswoman Dana Whitcombe was blunt. "That is
        false," she told the Herald'): 'she' is Whitcombe, not the critics. A subject inside a clause
        (what the speaker said: 'rejected claims that a neighboring farmer had warned ...') is not."""
        best, best_at = None, after
        for ref in self.referents.items:
            if ref.kind != "person" or ref.gender not in (gender, None):
                continue
            for start, end in ref.spans:
                if best_at < start < position and not self.in_quote(start) and self._is_subject(start, end, main=True):
                    best, best_at = ref, start
        return best

    def _is_subject(self, start: int, end: int, main: bool = False) -> bool:
        """Whether the mention is a clause's subject (`main`: its sentence's own, not a clause's within)."""
        piece = self.doc.char_span(start, end, alignment_mode="expand")
        return piece is not None and piece.root.dep_ in ("nsubj", "nsubjpass") and \
            (not main or piece.root.head.dep_ == "ROOT")

    def _neuter_pronoun(self, span: tuple[int, int], position: int) -> ResolvedSpeaker:
        """'It said': the last organisation, outlet or document that spoke, else the last one named
        ('It was reported' is passive and never reaches here)."""
        for speaker in reversed(self.history[-4:]):
            if speaker.kind in ("organization", "document", "outlet") or speaker.kind == "unknown" and \
                    (UNTAGGED_BODY.fullmatch(speaker.name) or self._untagged_name_in_sentence(speaker, span)):
                return ResolvedSpeaker(speaker.name, speaker.kind, span[0], span[1], speaker.referent)
                # 'Bellhaven Water Watch ... says ..., and it has accused'; 'Nasdaq says ...; it noted that ...'
            if speaker.kind == "person":
                break
        ref = self._organization_subject_since(position) or self.referents.most_recent(
            position, lambda r: r.kind in ("organization", "outlet") and r.label not in PLACES_AND_BUILDINGS and
            not self.in_quote(r.last_before(position)))
        if ref is not None:  # the company a sentence is about, not a place named in its apposition
            return ResolvedSpeaker(ref.name, ref.kind, span[0], span[1], ref)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

    def _untagged_name_in_sentence(self, speaker: ResolvedSpeaker, span: tuple[int, int]) -> bool:
        """A capitalised name the model tagged nothing, no given name, that spoke earlier in the pronoun's own
        sentence ('Nasdaq, meanwhile, says that ...; it noted that ...')."""
        pronoun = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        words = speaker.name.split()
        return pronoun is not None and speaker.start >= pronoun.sent.start_char and bool(words) and \
            all(w[:1].isupper() for w in words) and words[0] not in gazetteer.given_names()

    def _holder_run_on(self, head: "Token") -> ResolvedSpeaker | None:
        """'Chief investment officer at Fort Pitt Capital Group Charlie Smith said', 'said the vice
        president and chairman of Chrysler LLC Jim Press': a title whose 'at' or 'of' phrase runs on
        from the workplace's name into a person's, written without commas, is that person's ('a
        spokesman for Mayor Helen Draper' is not Draper, nor 'the lawyer of John Smith' Smith)."""
        if not _is_role(head):
            return None
        titles = [head] + [c for c in head.children if c.dep_ == "conj" and _is_role(c)]
        for preposition in (c for t in titles for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "of")):
            for pobj in (c for c in preposition.children if c.dep_ == "pobj"):
                ref = self.referents.covering(pobj.idx, pobj.idx + len(pobj.text))
                if ref is None or ref.kind != "person":
                    continue
                start, end = next(((s, e) for s, e in ref.spans if s <= pobj.idx < e), token_span(pobj))
                if pobj.left_edge.idx < start and self.referents.covering(pobj.left_edge.idx, start) is not None:
                    return ResolvedSpeaker(ref.name, "person", start, end, ref)
        return None

    def _holds_it_for_another(self, holder: Referent, role: str, owner: str) -> bool:
        """Whether the holder was named as someone else's holder of the role: 'his lawyer' is not the
        one introduced as 'Its lawyer, Helena Prendergast' (the agency's)."""
        for start, _ in holder.spans:
            named = re.search(rf"\b(\w+)\s+(?:[\w-]+\s+)?{re.escape(role)}\s*,?\s*$", self.text[max(0, start - 60):start],
                              re.IGNORECASE)
            if named and named.group(1).lower() in POSSESSIVE_PRONOUNS and named.group(1).lower() != owner:
                return True
        return False

    def _only_holder(self, head: "Token", role: str, holds_role: "Callable[[Referent], bool]") -> Referent | None:
        """The document's one person holding a role, named later than the role is first used (a lede's
        'the fund's executive director has rejected ...' before 'the fund's executive director, Paul
        Brennecke, said'). Only a role with its owner ('Brightmart's', 'of the fund') names someone this
        way, and the words before the holder's name must give the owner ('Brightmart chief executive
        Alastair Penrose') or, for an owner described ('the utility's'), some owner of that role
        ("Southmere's chief executive, Alan Kettlewell"): 'The health secretary' is not the shadow
        health secretary named later."""
        owner = _role_owner(head)
        holders = [r for r in self.referents.items if holds_role(r)]
        if owner is None or len(holders) != 1:
            return None
        named_with_owner = re.compile(rf"\b{re.escape(owner.text)}\b", re.IGNORECASE)
        if owner.pos_ == "NOUN":
            named_with_owner = re.compile(rf"\b{re.escape(owner.text)}\b|['’]s\s+(?:\w+\s+)?{re.escape(role)}\b",
                                          re.IGNORECASE)
        for start, _ in holders[0].spans:
            if named_with_owner.search(self.text, max(0, self.text.rfind("\n", 0, start) + 1, start - 80), start):
                return holders[0]
        return None

    def _named_later(self, head: "Token", role: str) -> Referent | None:
        """The one person the document names later by the role a lede gives without a name ('A state
        mine inspector warned the operator ..., the inspector told AP' before 'said inspector Dale
        Hutchins'); 'the inspector' after it is the same one. Not a role that stands for unnamed
        sources ('a senior official'), nor a description that says why it is unnamed, nor a role two
        people hold."""
        if role not in lx.ROLE_NOUNS or role in lx.ANONYMOUS_HEADS or head.tag_ != "NN":
            return None
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        introduced = re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,3}}{re.escape(role)}\b", re.IGNORECASE)
        if not indefinite and not (_definite(head) and introduced.search(self.text, 0, head.idx)):
            return None
        holders = [r for r in self.referents.items if r.kind == "person" and role in r.roles]
        if len(holders) != 1 or holders[0].spans[0][0] <= head.idx:
            return None
        sentence_end = head.sent.end_char
        if WHY_UNNAMED.search(self.text[head.idx:sentence_end]) or \
                any(t.lower_ in POSTNOMINAL_SOURCE_WORDS for t in head.rights):
            return None
        return holders[0]

    def _introduced_next(self, head: "Token") -> Referent | None:
        """The person the next paragraph introduces with an age, no one else named before them ('A care
        home manager accused of neglect told a jury ...' then 'Siobhan O'Connell, 52, denies ...'): who
        the lead described."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children) or head.tag_ != "NN" or \
                WHY_UNNAMED.search(self.text[head.idx:head.sent.end_char]):
            return None
        paragraph_end = self.text.find("\n\n", head.idx)
        if paragraph_end < 0:
            return None
        introduced = AGE_INTRODUCTION.match(self.text, paragraph_end)
        if introduced is None:
            return None
        person = self.referents.covering(*introduced.span("name"))
        if person is None or person.kind != "person":
            return None
        named_between = any(r.kind == "person" and any(head.idx < start < introduced.start("name") for start, _ in r.spans)
                            for r in self.referents.items)
        return None if named_between else person

    def _description(self, head: "Token", position: int) -> ResolvedSpeaker:
        named = self._holder_run_on(head)
        if named is not None:
            return named
        word = _head_word(head)
        lemma = head.lemma_.lower()
        definite = _definite(head)
        np_span = _noun_phrase_span(head, with_of=False)
        owned = definite or any(c.dep_ == "poss" for c in head.children)  # 'Brightmart's chief executive'
        if owned and (word in lx.ROLE_NOUNS or lemma in lx.ROLE_NOUNS):
            role = word if word in lx.ROLE_NOUNS else lemma
            before = head.nbor(-1).lower_ if head.i > 0 else ""
            full_role = f"{before} {role}" if before in ("prime", "foreign", "vice") else role

            owner = next((c.lower_ for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)

            def holds_role(r: Referent) -> bool:
                return r.kind == "person" and (full_role in r.roles or role in r.roles) and \
                    not (owner and self._holds_it_for_another(r, role, owner))
            ref = self.referents.most_recent(position, holds_role) or self._only_holder(head, role, holds_role)
            if ref is not None:
                return ResolvedSpeaker(ref.name, "person", np_span[0], np_span[1], ref)
        named_later = self._named_later(head, word if word in lx.ROLE_NOUNS else lemma) or self._introduced_next(head)
        if named_later is not None:
            return ResolvedSpeaker(named_later.name, "person", np_span[0], np_span[1], named_later)
        long_span = _noun_phrase_span(head, with_of=True, limit=position if position > head.idx else None)
        phrase = _whose_owner_named(head, _phrase_name(self.text[long_span[0]:long_span[1]]))
        heads = {lemma, word}
        if heads & lx.SOURCE_DOCUMENT_HEADS:
            ref = self.referents.covering(*long_span)
            if ref is not None and ref.kind == "document":
                return ResolvedSpeaker(ref.name, "document", long_span[0], long_span[1], ref)
        if definite and heads & OUTLET_NOUNS:  # 'Weiss told the Northern Times, the newspaper reported'
            outlet = self.referents.most_recent(position, lambda r: r.kind == "outlet")
            if outlet is not None and position - outlet.last_before(position) <= OUTLET_REACH:
                return ResolvedSpeaker(outlet.name, "outlet", np_span[0], np_span[1], outlet)
            titled = self.referents.most_recent(  # 'the journal' for the Journal of Cognitive Research, which is no news outlet
                position, lambda r: r.kind == "organization" and bool(heads & {w.casefold() for w in r.name.split()}))
            if titled is not None:
                return ResolvedSpeaker(titled.name, "organization", np_span[0], np_span[1], titled)
        for kind, vocabulary in (("organization", lx.ORGANIZATION_HEADS),
                                 ("anonymous", lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS | lx.ROLE_NOUNS)):
            if not heads & vocabulary or kind == "organization" and _former_staff(head):
                continue
            if definite and not (kind == "organization" and _specified_by_name(head)):
                marks = _distinguishing_modifiers(head)
                previous = self.referents.most_recent(position, lambda r: r.kind == kind and bool(heads & r.heads)
                                                      and _bears_modifiers(r, marks))
                if previous is None and kind == "organization":
                    previous = self._named_organization(heads, position, marks, _trade_words(head), head.idx)
                if previous is None and kind == "anonymous" and heads & UNNAMED_ONE_HEADS:
                    previous = self.referents.most_recent(  # 'someone familiar with the situation ... The insider'
                        position, lambda r: r.kind == "anonymous" and bool(r.heads & UNNAMED_ONE_DESCRIBED))
                if previous is not None:
                    return ResolvedSpeaker(previous.name, previous.kind, np_span[0], np_span[1], previous)
            if kind == "anonymous":
                long_span = (long_span[0], _who_clause_end(head, long_span[1], position))
                phrase = _whose_owner_named(head, _phrase_name(self.text[long_span[0]:long_span[1]]))
            ref = self.referents.add(phrase, kind, long_span, heads=heads)
            return ResolvedSpeaker(phrase, kind, long_span[0], long_span[1], ref)
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        inner = self.referents.covering(owner.idx, owner.idx + len(owner.text)) if owner is not None else None
        if inner is not None and inner.kind in ("organization", "outlet") and \
                not (head.pos_ == "NOUN" and (inner.label in PLACE_LABELS or _names_people(heads))):
            # 'Apple's response to the issue' is Apple's word; 'Macintosh support sites' are not Macintosh
            return ResolvedSpeaker(inner.name, inner.kind, long_span[0], long_span[1], inner)
        acronym = head.pos_ == "PROPN" and head.text.isalpha() and head.text.isupper() and 2 <= len(head.text) <= 6
        if (head.text[:1].isupper() and _which_clause(head)) or acronym or _named_like_a_body(phrase, head):
            # 'Corvane, which operates 140 pharmacies, said'; 'USAF denied ...'; 'Harlow Water told ...'
            ref = self.referents.add(phrase, "organization", long_span, label="ORG", heads=heads)
            return ResolvedSpeaker(phrase, "organization", long_span[0], long_span[1], ref)
        if head.pos_ == "NOUN" or head.lower_ in UNNAMED_PEOPLE:  # 'one electrician said': an unnamed person
            long_span = (long_span[0], _who_clause_end(head, long_span[1], position))
            phrase = _whose_owner_named(head, _phrase_name(self.text[long_span[0]:long_span[1]]))
            ref = self.referents.add(phrase, "anonymous", long_span, heads=heads)
            return ResolvedSpeaker(phrase, "anonymous", long_span[0], long_span[1], ref)
        return ResolvedSpeaker(phrase, "unknown", long_span[0], long_span[1], None)


def _role_fits(role: str, gender: str) -> bool:
    """Whether a role noun can stand for a person of the pronoun's gender ('spokeswoman' is no 'he')."""
    return not (gender == "m" and role in lx.FEMALE_ROLE_NOUNS or gender == "f" and role in lx.MALE_ROLE_NOUNS)


def _phrase_name(phrase: str) -> str:
    """A description as a name, without the quotation marks a writer put round it ('a "Senate aide"'),
    a relative pronoun left at its end ('a current member of the rowing team, who') or why it is not
    named ('a person familiar with the findings, who spoke on condition of anonymity because ...')."""
    phrase = DANGLING_RELATIVE.sub("", WHY_UNNAMED.sub("", phrase))
    return re.sub(r"\s+", " ", re.sub(r"[\"“”]", "", phrase)).strip() if re.search(r"[\"“”]", phrase) else phrase


DANGLING_RELATIVE = re.compile(r",?\s+(?:who|whom|which|that)\s*$", re.IGNORECASE)
WHY_UNNAMED = re.compile(r",?\s+who\s+(?:spoke|was|were|is|are|asked|requested|declined|did|do|does)\b[^.;]*?"
                         r"(?:anonymity|authori[sz]ed|be\s+(?:named|identified|quoted)|publicly)\b.*$", re.IGNORECASE | re.DOTALL)


TIME_CLAUSE_MARKS = frozenset("after before when while since because as once until".split())
MEMBER_QUANTIFIERS = frozenset("some many several few most other numerous".split())
SPEAKING_OF_ONESELF = frozenset("speak talk decline refuse".split())
# Heads that say nothing of who speaks until a 'who' clause does ('two people who were in the room').
BARE_PEOPLE = frozenset("person people man men woman women individual individuals someone somebody one".split())


def _who_clause_end(head: "Token", end: int, cue: int) -> int:
    """The end of an unnamed speaker's description with the 'who' clause that says which one, when the
    head says nothing of it ('two people who were in the room', 'a man who saw the crash'; 'a former
    engineer' says enough); a clause set off by a comma, holding the cue or telling of speech is no
    part of it."""
    if head.lower_ not in BARE_PEOPLE and head.lemma_.lower() not in BARE_PEOPLE:
        return end
    clause = next((c for c in head.rights if c.dep_ == "relcl" and c.left_edge.lower_ == "who"), None)
    if clause is None or clause.left_edge.idx < end or doc_text(head.doc)[end:clause.left_edge.idx].strip():
        return end
    if clause.lemma_.lower() in lx.REPORTING_CUES | SPEAKING_OF_ONESELF:
        return end  # 'an official who spoke on condition of anonymity', 'who asked not to be named'
    clause_end = subtree_span(clause)[1]
    comma = doc_text(head.doc).find(",", clause.left_edge.idx, clause_end)
    clause_end = comma if comma != -1 else clause_end  # '... who works at the creamery, who asked not to be named'
    return end if clause.left_edge.idx < cue < clause_end else clause_end


JURISDICTION_WORDS = frozenset("federal state provincial local municipal city county national regional".split())
_COUNTRY_WORD_SET = frozenset(word for words in lx.COUNTRY_WORDS.values() for word in words.split())


def _distinguishing_modifiers(head: "Token") -> frozenset[str]:
    """The words before a description's head that tell one body of its kind from another: a country
    ('the Russian government') or a level of government ('the federal government')."""
    return frozenset(child.lower_ for child in head.lefts if child.dep_ in ("amod", "compound", "nmod")
                     and (child.lower_ in JURISDICTION_WORDS or child.lower_ in _COUNTRY_WORD_SET))


VENUE_BEFORE = re.compile(r"\b(?:on|via|to|across|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _trade_words(head: "Token") -> frozenset[str]:
    """The nouns before a description's head that tell its trade: 'water' in 'the water company'."""
    return frozenset(child.lower_ for child in head.lefts if child.dep_ == "compound" and child.pos_ == "NOUN")


def _bears_modifiers(referent: "Referent", marks: frozenset[str]) -> bool:
    """Whether the referent's name has each of the description's distinguishing words."""
    if not marks:
        return True
    words = {w.casefold().strip(".,'’") for w in referent.name.replace("-", " ").split()}
    return marks <= words


def _which_clause(head: "Token") -> bool:
    """Whether a 'which' relative clause describes the noun: a thing or a body, not a person."""
    return any(c.dep_ == "relcl" and any(t.lower_ == "which" and t.i < c.i for t in c.subtree) for c in head.children)


# ----------------------------------------------------------------------------------------------
# documents as speakers: "the transcripts", "the Flynn-Kislyak transcripts", "phone conversations
# between Flynn and Kislyak" are one record


# A document named as one more of its kind is not the one named before ('An additional email by Roche').
ANOTHER_DOCUMENT = re.compile(r"(?:another|an?\s+(?:additional|second|third|further|separate|new|different|later))\b",
                              re.IGNORECASE)
DOCUMENT_AUTHOR = re.compile(r"\b(?:by|from)\s+((?:[A-Z][\w.&'’-]*\s*)+)")


def _authors_differ(phrase: str, other: str) -> bool:
    """Two document phrases that name different authors ('an email from Burkhardt & Associates to
    James Roche', 'an email by Roche')."""
    first, second = DOCUMENT_AUTHOR.search(phrase), DOCUMENT_AUTHOR.search(other)
    return bool(first and second) and names.fold(first.group(1)) != names.fold(second.group(1))


def _participants(text: str, span: tuple[int, int], referents: Referents) -> frozenset[str]:
    people = set()
    for ref in referents.items:
        if ref.kind != "person":
            continue
        for s, e in ref.spans:
            if span[0] <= s and e <= span[1] and text[e:e + 2] not in ("'s", "’s"):
                people.add(names.surname(ref.name))
    for match in re.finditer(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b", text[span[0]:span[1]]):
        people.update(m.casefold() for m in match.groups())
    return frozenset(people) if len(people) >= 2 else frozenset()


AUTHORING_VERBS = frozenset("publish release compile issue prepare produce write file submit commission post upload share "
                            "film record tweet".split())


def _author_phrase_end(head: "Token", limit: int) -> int:
    """Where 'published by NHS England' ends after a document's name ('figures published by NHS
    England on Thursday show ...'): who made the document belongs to its name; who obtained or saw
    it ('seen by the Post') does not. 0 when there is no such phrase before `limit`."""
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in AUTHORING_VERBS:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None and agent.right_edge.idx < limit:
                return agent.right_edge.idx + len(agent.right_edge.text)
    return 0


def _document_name(phrase: str) -> str:
    phrase = re.sub(r"^(?:the|a|an|these|those|this)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    if phrase.isupper():
        phrase = phrase.lower()
    return phrase[:1].upper() + phrase[1:]


def register_documents(doc: "Doc", text: str, cues: list[Cue], referents: Referents) -> None:
    """Cluster document speakers of the cues into referents before speakers are resolved."""
    found = []
    for cue in cues:
        head = cue.speaker_head
        antecedent = _relative_antecedent(doc, head) if head is not None and head.lower_ in ("which", "that") else None
        head = antecedent or head  # 'Jobs's email, which reads: ...'
        if head is None or (head.lemma_.lower() not in lx.SOURCE_DOCUMENT_HEADS and
                            _head_word(head) not in lx.SOURCE_DOCUMENT_HEADS):
            continue
        if referents.covering(head.idx, head.idx + len(head.text)) is not None:
            continue
        span = (None if antecedent else cue.speaker_span) or \
            _noun_phrase_span(head, with_of=True, limit=cue.text_start if cue.text_start > head.idx else None)
        after = [cue.text_start] + ([cue.content[0]] if cue.content else [])
        span = (span[0], max(span[1], _author_phrase_end(head, min([p for p in after if p > head.idx] or [len(text)]))))
        found.append((span, head.lemma_.lower(), _participants(text, span, referents)))
    clusters: list[tuple[Referent, frozenset[str]]] = []
    for span, lemma, people in sorted(found, key=lambda item: (not item[2], item[0])):
        phrase = text[span[0]:span[1]]
        match = None
        for ref, ref_people in clusters:
            if ANOTHER_DOCUMENT.match(phrase) or _authors_differ(phrase, ref.name):
                continue
            if (people and people == ref_people) or (not people and lemma in ref.heads) or \
                    (people and not ref_people and lemma in ref.heads):
                match = ref
                break
        if match is None and not people:
            with_people = [ref for ref, ref_people in clusters if ref_people]
            match = with_people[0] if len(with_people) == 1 and lemma in with_people[0].heads else None
        if match is None:
            ref = referents.add(_document_name(phrase), "document", span, heads={lemma})
            clusters.append((ref, people))
            continue
        referents.attach(match, span)
        match.heads.add(lemma)
        if re.search(r"[A-Z][a-z]+-[A-Z][a-z]+", phrase) and len(phrase) < 60:
            match.name = _document_name(re.sub(r"\s+(?:declassified|released|published|obtained)\b.*$", "", phrase))


AGENT_ENDINGS = ("er", "or", "ist", "ian", "eer", "ant", "ent", "man", "woman", "person", "ee")
THING_HEADS = lx.DOCUMENT_HEADS | lx.PUBLICATION_HEADS | lx.ORGANIZATION_HEADS


def _one_person(referent: Referent) -> bool:
    """Whether an unnamed source can be the 'he' or 'she' of a later sentence: one person ('a
    spokeswoman', 'a former Halvard engineer'), not a group ('colleagues', 'families') or a thing
    that was cited ('an estimate', 'the case')."""
    heads = referent.heads
    if any(h.endswith("s") and (h[:-1] in heads or h[:-2] in heads or h[:-3] + "y" in heads) for h in heads):
        return False
    return _names_people(heads)


def _named_like_a_body(phrase: str, head: "Token") -> bool:
    """'Harlow Water', 'Kell Ferries' untagged: capitalised words ending in a word bodies' names end in."""
    words = phrase.split()
    return head.pos_ == "PROPN" and 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and \
        words[-1].lower() in ORG_WORDS and words[0] not in gazetteer.given_names()


def _specified_by_name(head: "Token") -> bool:
    """'The operator of Stall 9', 'the owner of the Harlow dam': a description that says by a name or
    number which one it is, not 'the company' pointing back to one named before."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and
               any(t.pos_ in ("PROPN", "NUM") for t in child.subtree) for child in head.children)


def _names_people(heads: set[str]) -> bool:
    """Whether a noun names people ('spokeswoman', 'engineer', 'residents'), not things or bodies."""
    people = lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS | lx.ROLE_NOUNS
    return bool(heads & people) or any(h.endswith(AGENT_ENDINGS) and h not in THING_HEADS for h in heads)
