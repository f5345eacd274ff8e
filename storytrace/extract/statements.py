"""Statements of one document: who said what, with which cue, directly or not, asserting or denying.

Two passes. The cue pass finds speech verbs and source markers ("said", "pointed out",
"according to", "as indicated by") with their speaker and content: a clause, or for blame and
figures an object and its phrase ("blamed the update for the outage", "puts the toll at 14"). The quote pass gives
every quotation to the cue beside it ("...," he said, "..."; X added: "..."), or to the previous
speaker when a quote continues without a cue. Speakers are then resolved in text order, so "he"
and "the ambassador" find the right earlier person.

The small parser errs on long news sentences, so clause extents, subjects and antecedents are
checked against the surface text ("that" clauses run to the end of the sentence unless the cue's
own coordination or a trailing attribution cuts them short).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import numpy as np

from storytrace import gazetteer, names
from storytrace.extract import lexicon as lx
from storytrace.extract.datelines import dateline_spans
from storytrace.extract.quotes import Quote, find_quotes, is_full_quote
from storytrace.extract.referents import Referent, Referents, build_referents
from storytrace.extract.transcripts import transcript_statements, within_turns
from storytrace.schema import Document, Mention, Speaker, Statement, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TEMPORAL_NOUNS = frozenset("week weeks day days month months year years time night morning evening "
                           "afternoon today yesterday weekend".split())
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
HYPOTHETICAL_AUX = frozenset("would could might may should must can".split())
CHARACTERISING_VERBS = frozenset("call describe dub label term brand".split())
SPEECH_CONTAINERS = frozenset("quote quotes statement statements remarks comments interview letter post "
                              "tweet message article report".split())
# Heads that name a business, which a public body never is ('the company', not the Federal Reserve).
BUSINESS_HEADS = frozenset("company firm carrier maker manufacturer airline insurer retailer lender startup "
                           "conglomerate".split())
PUBLIC_BODY_WORDS = frozenset("""ministry department agency commission council authority government court police bureau
administration senate parliament congress reserve directorate regulator inspectorate committee""".split())
GENERIC_ORGANIZATION_HEADS = frozenset("company firm group carrier maker manufacturer airline bank insurer "
                                       "retailer lender operator startup giant conglomerate".split())
ANONYMITY_REQUEST = re.compile(r"(?:(?:not\s+to\s+be|that\s+(?:he|she|they)\s+not\s+be)\s+(?:named|identified|quoted)"
                               r"|to\s+(?:remain|stay|be\s+kept)\s+(?:anonymous|unnamed|unidentified))\b", re.IGNORECASE)
CORPORATE_SUFFIX = re.compile(r"\b(?:Corp|Corporation|Inc|Ltd|Co|LLC|plc|PLC|Group|Holdings|AG|SA|NV|GmbH)\b\.?")
ABBREVIATIONS = frozenset("mr mrs ms dr st pres gen sen rep gov lt col sgt prof jan feb mar apr jun jul aug "
                          "sep sept oct nov dec inc corp ltd co no vs u.s u.k u.n".split())


@dataclass
class Cue:
    """A speech act found in the parse, before its speaker is resolved."""

    token: "Token"
    text_start: int
    text_end: int
    lemma: str
    speaker_head: "Token | None" = None
    speaker_span: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    quotes: list[Quote] = field(default_factory=list)
    reference_only: bool = False
    negated: bool = False

    @property
    def position(self) -> int:
        return self.text_start


PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
UNNAMED_PEOPLE = frozenset("someone somebody anyone anybody some many several others most few".split())
# Occasions a date tells apart, like records: 'the 2022 inspection', 'a follow-up inspection in March 2024'.
DATED_OCCASIONS = frozenset("inspection inspections visit visits meeting meetings session sessions hearing".split())
BARE_PARTITIVES = frozenset("several some many most others few both".split())
PARTITIVE_HEADS = frozenset("one two three some several many most all both each either neither".split())
# 'I, Dana Whitcombe, being duly sworn, declare': who the first person of a sworn document is.
SIGNATORY = re.compile(r"(?:^|\n)\s*I,\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),")


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


def subtree_span(token: "Token") -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without surrounding blanks, commas, dashes or a leading 'that'."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
            end -= 1
        match = re.match(rf"(?:{lx.LEADING_THAT}|whether)\s+", text[start:end], flags=re.IGNORECASE)
        if match and end - start > match.end() + 3:
            start += match.end()
        if (start, end) == before:
            return start, end


def content_words(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\w+", text[start:end]))


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= position < quote.end:
            return quote
    return None


def sentence_end(text: str, position: int, quotes: list[Quote]) -> int:
    """Where the sentence holding position ends: its final stop, or the paragraph end.

    Stops inside quotations do not end the sentence the quotation sits in."""
    i = position
    length = len(text)
    while i < length:
        char = text[i]
        if char in "\n;":
            return i
        quote = quote_at(quotes, i)
        if quote is not None and quote.start < i:
            if text[quote.inner_end - 1:quote.inner_end] in (".", "!", "?") and \
                    re.match(r"\s+[A-Z“\"‘]", text[quote.end:quote.end + 3]):
                return quote.end
            i = quote.end
            continue
        if char in ".!?" and (i + 1 >= length or text[i + 1] in " \n\t\"”’'"):
            word = re.search(r"([\w.]+)$", text[max(0, i - 12):i])
            if not (word and (word.group(1).casefold() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1)))):
                return i
        i += 1
    return length


# ----------------------------------------------------------------------------------------------
# the cue pass


_PHRASAL_HEADS = frozenset(verb for verb, _ in lx.PHRASAL_CUES)
# Verbs that deny when what they call something is false: 'calls that account false', 'branded the story a lie'.
CALLING_CUES = frozenset({"call", "brand", "label", "deem"})
# Verbs that report only with an object and its phrase: 'puts the death toll at 14', 'attributed the cuts to ...';
# those that put a figure somewhere need a number in the phrase.
PHRASE_ONLY_CUES = frozenset({"put", "place", "peg", "attribute"})
FIGURE_CUES = frozenset({"put", "place", "peg"})
# Cues that with a to-infinitive tell of doing, not saying: 'will continue to steer the company', 'agreed to
# sell the club' ('he continued, "..."' and 'agreed that ...' report).
DOING_WITH_INFINITIVE = frozenset({"continue", "go on", "agree"})


def cue_lemma(token: "Token") -> str | None:
    """The cue a token stands for ('point out' for pointed ... out), or None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    lemma = token.lemma_.lower()
    if lemma in CALLING_CUES:  # 'calls that account false': a denial; 'called the mayor a friend' is none
        return lemma if _called_false(token.doc.text, token) is not None else None
    if lemma in PHRASE_ONLY_CUES:
        found = _object_and_phrase(token)
        if found is None or found[1] is None:
            return None
        if lemma in FIGURE_CUES and not any(t.like_num for t in found[1].subtree):
            return None  # 'placed him at the scene': a place, not a figure
        return lemma
    if lemma not in lx.REPORTING_CUES and lemma not in _PHRASAL_HEADS:
        return None
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle and (lemma, particle) in lx.PHRASAL_CUES:
        return f"{lemma} {particle}"
    if lemma not in lx.REPORTING_CUES or (particle and lemma in ("call", "show", "point", "add")):
        return None
    return lemma


def is_hypothetical(token: "Token") -> bool:
    """A cue in a wished-for, intended or conditional clause: 'requesting that Putin announce'."""
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in token.children):
        return True
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return is_hypothetical(token.head.head)  # 'would you start by telling us ...?'
    head = token.head
    head_lemma = head.lemma_.lower()
    if token.dep_ == "ccomp" and token.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in token.children):
        return head_lemma in lx.DIRECTIVE_CUES or head_lemma in ("want", "hope", "wish", "expect", "insist")
    if token.dep_ in ("xcomp", "ccomp") and head_lemma in ("want", "plan", "intend", "refuse", "decline", "hope",
                                                          "try", "ask", "urge", "request", "go"):
        return not _goes_on(head)  # 'is going to say' is yet to come; 'went on to say' is said
    return False


def _goes_on(token: "Token") -> bool:
    return token.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)


def is_writers_aside(token: "Token") -> bool:
    """'it is interesting to note that ...', 'it is fair to say ...', 'it is worth noting ...',
    'needless to say': the writer's own remark in the words of speech, with no one speaking."""
    if token.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False
    head = token.head
    if head.pos_ == "ADJ" and head.dep_ == "advcl":
        return True
    frame = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    if frame.lemma_.lower() != "be":
        return False
    subjects = [c for c in frame.children if c.dep_ in SUBJECT_DEPS]
    return not subjects or all(c.lower_ == "it" for c in subjects)


def is_passive(token: "Token") -> bool:
    """'was told', 'Asked whether ..., Whitfield declined': the subject is the one spoken to. With its
    speaker named ('has been informed by the health board that ...') the cue speaks like an active one."""
    if token.tag_ != "VBN":
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        told_by = token.lemma_.lower() in TELLING_CUES  # 'was rejected by ClearPath' is no speech
        return not (told_by and any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in token.children))
    sentence_initial = token.i == token.sent.start or all(t.is_punct or t.is_space for t in token.doc[token.sent.start:token.i])
    return sentence_initial and not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _ancestor_cue(token: "Token") -> "Token | None":
    """For a participle ('..., insisting that'): the speech act it continues, else the sentence's main verb."""
    current = token.head  # spaCy makes a new Token object on each access: compare positions, not objects
    for _ in range(10):
        if cue_lemma(current) and current.i != token.i:
            return current
        if current.i == current.head.i:
            return current if current.i != token.i else None
        current = current.head
    return None


def _adjacent_noun_phrase(doc: "Doc", token: "Token") -> "Token | None":
    """'a quote from an anonymous member of the White House saying ...': the noun right before the cue."""
    i = token.i - 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[i]
    while head.dep_ in ("compound",) and head.head.i > head.i:
        head = head.head
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head = head.head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "for") and \
            head.head.head.lower_ in SPEECH_CONTAINERS | lx.DOCUMENT_HEADS:
        return head.head.head  # 'a letter to Apple's board stating ...': the letter states, not its addressee
    return head


def noun_chunk_roots(doc: "Doc") -> list[tuple[int, int, "Token"]]:
    """(start, end, root) of every noun chunk, computed once per Doc (Span.noun_chunks rescans the Doc)."""
    cached = doc.user_data.get("storytrace_noun_chunks")
    if cached is None:
        cached = [(chunk.start, chunk.end, chunk.root) for chunk in doc.noun_chunks]
        doc.user_data["storytrace_noun_chunks"] = cached
    return cached


def _textual_subject(doc: "Doc", token: "Token") -> "Token | None":
    """The head of the noun phrase that opens the clause before a cue, when the parse found none."""
    sent = token.sent
    start = sent.start
    for i in range(token.i - 1, sent.start - 1, -1):
        if doc[i].text in (";",) or (doc[i].text == "," and i < token.i - 1 and _intro_phrase(doc, sent.start, i)):
            start = i + 1
            break
    chunk_heads = [root for c_start, c_end, root in noun_chunk_roots(doc) if start <= c_start and c_end <= token.i]
    for root in chunk_heads:
        if root.dep_ not in ("pobj",) and root.lower_ not in TEMPORAL_NOUNS:
            return root
    return chunk_heads[0] if chunk_heads else None


def _intro_phrase(doc: "Doc", start: int, comma: int) -> bool:
    """True when the words before a comma are an opening adverbial ('In October,', 'Later,')."""
    return comma - start <= 8 and not any(t.pos_ in ("VERB",) and t.tag_ not in ("VBG", "VBN") for t in doc[start:comma])


def subject_of(doc: "Doc", token: "Token", quoted: "Callable[[int], bool]" = lambda _: False) -> "Token | None":
    """Who performs the cue: its own subject, or one inherited through coordination or a participle.

    Subjects inside quotations are the parser's mistakes ('"The enemy attacked ...," the air force said')."""
    quoted_one = _quoted_as_saying(token)
    if quoted_one is not None and not quoted(quoted_one.idx):
        return quoted_one
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ in SAYING_WHILE_DOING and \
            token.head.head.pos_ in ("VERB", "AUX"):  # 'promoted the iPhone by saying ...': who promoted
        return subject_of(doc, token.head.head, quoted)
    if token.tag_ == "VBG" and token.dep_ in ("acl", "advcl", "xcomp", "conj", "dep"):
        before = doc[token.i - 1] if token.i else None
        if before is not None and before.text != ",":
            adjacent = _adjacent_noun_phrase(doc, token)
            if adjacent is not None and adjacent.lower_ not in SPEECH_CONTAINERS and not quoted(adjacent.idx):
                return adjacent
        outer = _ancestor_cue(token)
        if outer is not None and outer.i != token.i:
            return subject_of(doc, outer, quoted)
    current = token
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj") and not quoted(c.idx)]
        if subjects:  # two subjects are a parse error; the clause's real subject comes first
            left = [c for c in subjects if c.i < current.i]
            nearest = max(left, key=lambda c: c.i, default=None)
            named = [c for c in left if c.lower_ not in lx.RELATIVE_PRONOUNS]
            if named and len(named) < len(left):  # 'cuts, which the Republicans insisted reach parity': 'which' is said
                return named[-1]
            if len(left) > 1 and nearest.right_edge.i + 1 == current.i and doc[nearest.left_edge.i - 1].text == ",":
                return nearest  # '<clause>, the agency said': the attribution after the comma
            return min(left, key=lambda c: c.i) if left else min(subjects, key=lambda c: c.i)
        for child in current.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN") and current.head.lower_ not in TEMPORAL_NOUNS:
            return current.head
        if current.dep_ in ("conj", "advcl", "xcomp", "dep") and current.head.i != current.i:
            current = current.head
            continue
        break
    for child in token.children:  # inverted attribution: "said Flynn"
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.i > token.i and child.pos_ in ("PROPN", "NOUN") \
                and token.lemma_ == "say" and not quoted(child.idx):
            return child
    named = _name_taken_for_an_adverb(token)
    if named is not None and not quoted(named.idx):
        return named
    subject = _textual_subject(doc, token)
    return subject if subject is not None and not quoted(subject.idx) else None


def _name_taken_for_an_adverb(token: "Token") -> "Token | None":
    """'Swiftly, which says 12,000 people drive for it, argues that ...': a name the parser read as an
    adverb, set off by a relative clause, is the subject the verb otherwise lacks."""
    for child in token.lefts:
        if child.dep_ == "advmod" and child.i == child.sent.start and child.text[:1].isupper() and \
                any(c.dep_ == "relcl" for c in child.children):
            return child
    return None


def _quoted_as_saying(token: "Token") -> "Token | None":
    """'quoted Councilmember Dalia Arvanitis as saying that ...', 'cited officials as saying ...': the
    one quoted speaks, not the outlet that quotes them."""
    if token.tag_ != "VBG" or token.head.lower_ != "as" or token.head.dep_ != "prep":
        return None
    holder = token.head.head
    if holder.pos_ in ("PROPN", "NOUN"):  # the parser may hang 'as' on the name itself
        return holder
    quoted = [c for c in holder.children if c.dep_ == "dobj" and c.i < token.i]  # 'quoted Arvanitis as saying'
    quoted += [c for c in holder.children if c.dep_ == "nsubjpass"]  # 'he was quoted by the Herald as saying'
    return quoted[0] if quoted else None


def _clause_children(token: "Token") -> list["Token"]:
    clauses = []
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "parataxis" and child.i < token.i):
            clauses.append(child)
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in child.children):
            clauses.append(child)
    return [c for c in clauses if c.pos_ in ("VERB", "AUX") or any(g.dep_ in SUBJECT_DEPS for g in c.children)]


def _that_after(doc: "Doc", token: "Token") -> "Token | None":
    """'confirmed on Thursday that ...', 'told Jablinowitz that ...': the 'that' opening the content."""
    sent_end = token.sent.end
    for i in range(token.i + 1, min(token.i + 8, sent_end)):
        word = doc[i]
        if word.lower_ == "that" and word.dep_ in ("mark", "dobj", "nsubj", "det") and i + 1 < len(doc):
            following = doc[i + 1]
            if word.dep_ == "det" and following.pos_ == "NOUN" and (i + 2 >= len(doc) or doc[i + 2].pos_ not in ("VERB", "AUX")):
                return None  # 'confirmed that part of the story': a reference, not a clause
            return word
        if word.pos_ in ("VERB", "AUX") or word.text in (".", ";", "\"", "“", "”", ":"):
            return None
    return None


TELLING_CUES = frozenset("tell inform assure warn remind notify advise".split())
# Prepositions that make a participle the act of the clause's own subject ('promoted it by saying', 'left after
# adding'); 'with X saying' has a subject of its own, and 'without saying' says nothing.
SAYING_WHILE_DOING = frozenset("by after before while since upon when".split())
SAYING_CUES = frozenset("say claim state write insist argue contend maintain report".split())


def _object_clause(token: "Token") -> "Token | None":
    """'denied reports that he pushed ...': the that-clause hanging off the cue's object; after a
    verb of telling, also a clause with a subject of its own that the parser took for a relative
    clause of the hearer ('told the panel she had left the room')."""
    telling = token.lemma_.lower() in TELLING_CUES
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        for grandchild in child.children:
            if grandchild.dep_ in ("acl", "relcl", "ccomp", "appos") and grandchild.pos_ in ("VERB", "AUX"):
                marks = [m for m in grandchild.children if m.dep_ == "mark" and m.lower_ == "that"]
                own_subject = [s for s in grandchild.children
                               if s.dep_ in SUBJECT_DEPS and s.lower_ not in lx.RELATIVE_PRONOUNS]
                if marks or (own_subject and grandchild.left_edge.lower_ == "that"):
                    return grandchild
                if telling and grandchild.dep_ == "relcl" and own_subject and own_subject[0].i == child.i + 1:
                    return grandchild
    return None


def _content_subject_after(token: "Token") -> "Token | None":
    """'the director, Dwayne Pettit, said one of the three ... apparently failed to sound': the parser
    gave the cue a second subject after it, the reported clause's own, and hung that clause's verb
    on the cue. With the speaker before the cue, a subject after it opens what was said."""
    before = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i]
    after = [c for c in token.children if c.dep_ == "nsubj" and c.i > token.i]
    verbs = [c for c in token.children if c.dep_ in ("advcl", "conj", "dep") and c.pos_ in ("VERB", "AUX")
             and after and c.i > after[0].i]
    return after[0] if before and after and verbs else None


def _misparsed_object_clause(token: "Token") -> "Token | None":
    """A clause after 'says' that the parser made the object of 'says'. Either its subject, set off by
    an appositive, became the object and its verb a participle of it ('says Halvorsen Real Asset
    Advisors, the fund's consultant, advised against the purchase'), or its object became the object
    of 'says' and its verb, subject and all, a modifier in front of it ('says its offer undercut
    Brennock's by $2 million'). Returns the object of 'says'."""
    if token.lemma_.lower() not in SAYING_CUES:
        return None
    for child in token.children:
        if child.dep_ != "dobj" or child.i < token.i:
            continue
        if _subject_led_verb_before(child) is not None:
            return child
        appositives = [c for c in child.children if c.dep_ == "appos"]
        verbs = [c for c in child.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if appositives and verbs and verbs[0].i > appositives[0].right_edge.i and \
                token.doc[verbs[0].i - 1].text == "," and not any(t.lower_ in lx.RELATIVE_PRONOUNS for t in verbs[0].lefts):
            return child
    return None


# Verbs whose object and the phrase after it state a claim without a clause: who is to blame and
# for what ('blamed a software update for the outage'), a cause ('attributed the cuts to ...'), where
# a figure stands ('put the death toll at 14'). One blamed is a claim already ('officials blamed a
# software update'); one accused is not.
OBJECT_PHRASE_CUES = {"blame": ("for", "on"), "accuse": ("of",), "attribute": ("to",), "estimate": ("at",),
                      "put": ("at",), "place": ("at",), "peg": ("at",)}
PHRASE_MAY_BE_IMPLIED = frozenset({"blame"})


def _object_and_phrase(token: "Token") -> "tuple[Token, Token | None] | None":
    """The cue's object and the phrase that completes it ('for the outage', 'at 14'), or None."""
    lemma = token.lemma_.lower()
    prepositions = OBJECT_PHRASE_CUES.get(lemma, ())
    target = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if target is None or not prepositions or (lemma == "attribute" and target.lemma_.lower() in lx.SAID_NOUNS):
        return None  # 'attributed the remark to an aide' tells who spoke, not a cause
    phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > token.i), None)
    if phrase is None:  # the parser may hang it inside the object ('an update installed over the break for ...')
        phrase = next((c for c in target.subtree if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return target, phrase


def _called_false(text: str, token: "Token") -> tuple[int, int] | None:
    """'calls that account false', 'called the claims baseless', 'branded the story a lie': what is
    called false and the word that calls it so, or None when nothing after the verb is called false."""
    rights = [c for c in token.rights if c.dep_ not in ("punct", "cc", "conj")]
    if not rights or rights[0].dep_ not in ("dobj", "ccomp", "oprd"):
        return None  # not 'called for an inquiry into false claims'
    start, end = rights[0].left_edge.idx, max(subtree_span(c)[1] for c in rights)
    called = re.match(rf"\S.{{0,80}}?\s+(?:\w+\s+)?(?:{_FALSITY})\b", text[start:end], re.IGNORECASE)
    return (start, start + called.end()) if called else None


def _object_phrase_content(text: str, token: "Token") -> tuple[int, int] | None:
    """'blamed a software update for the outage', 'accused the company of hiding the losses', 'puts
    the death toll at 14': from the object to the end of the phrase that completes it."""
    found = _object_and_phrase(token)
    if found is None or any(c.dep_ == "neg" for c in token.children):
        return None  # 'does not attribute blame to anyone' states nothing
    target, phrase = found
    if phrase is None:
        return trim_span(text, *subtree_span(target)) if token.lemma_.lower() in PHRASE_MAY_BE_IMPLIED else None
    return trim_span(text, target.left_edge.idx, max(subtree_span(target)[1], subtree_span(phrase)[1]))


def _subject_led_verb_before(head: "Token") -> "Token | None":
    """A word with a subject of its own that the parser hung in front of a noun as a modifier ('its
    offer undercut | Brennock's', tagged a verb or an adjective): the sign of a clause read as a noun
    phrase, since no modifier of a noun takes a subject."""
    return next((c for c in head.lefts if any(g.dep_ in SUBJECT_DEPS for g in c.lefts)), None)


def _beyond_semicolon(doc: "Doc", token: "Token", clause: "Token") -> bool:
    """A clause after the cue that a semicolon parts from it ('..., the county said; none has
    died'): another sentence in all but the full stop."""
    return clause.i > token.i and any(doc[i].text == ";" for i in range(token.i + 1, clause.left_edge.i))


def _trailing_attribution(doc: "Doc", text: str, token: "Token") -> tuple[int, int] | None:
    """'The samples tested above the limit, the agency said, though ...': the part of the sentence
    before a comma that the speaker and cue follow, when the parser tied neither to the cue."""
    subject = max((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i), key=lambda c: c.i, default=None)
    if subject is None or subject.left_edge.i < 1 or doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(c.dep_ == "dobj" for c in token.children):
        return None
    sentence = token.sent
    before = doc[sentence.start:subject.left_edge.i - 1]
    if not any(t.pos_ in ("VERB", "AUX") for t in before):
        return None  # 'In Berlin, the minister said': an opening phrase, not a reported clause
    span = trim_span(text, sentence.start_char, doc[subject.left_edge.i - 1].idx)
    return span if content_words(text, *span) >= 3 else None


def _trailing_cuts(doc: "Doc", token: "Token", start: int, end: int) -> list[int]:
    """Offsets where a forward content stops before the sentence does.

    The cue's own later conjuncts and adverbial clauses; a later participle cue ('..., suggesting
    that'); a predicate coordinated after a comma with no subject of its own ('..., and reaffirmed');
    and a trailing attribution ('..., the journalist recounted.')."""
    cuts = []
    for child in token.children:
        if child.idx <= start:
            continue
        if child.dep_ in ("conj", "parataxis") or (child.dep_ == "advcl" and child.lemma_.lower() not in CHARACTERISING_VERBS):
            left = child.left_edge
            cc = doc[left.i - 1] if left.i > 0 and doc[left.i - 1].dep_ == "cc" else None
            cuts.append((cc or left).idx)
    for later in doc[token.i + 1:]:
        if later.idx >= end:
            break
        if later.idx <= start:
            continue
        before = doc[later.i - 1]
        after_comma = before.text == "," or (before.lower_ in ("and", "but") and later.i >= 2 and doc[later.i - 2].text == ",")
        if later.tag_ == "VBG" and cue_lemma(later) and after_comma and later.lemma_.lower() not in CHARACTERISING_VERBS:
            cuts.append((doc[later.i - 2] if before.lower_ in ("and", "but") else before).idx)
        elif later.tag_ in ("VBD", "VBZ") and before.lower_ in ("and", "but") and after_comma and \
                not any(c.dep_ in SUBJECT_DEPS for c in later.children):
            cuts.append(doc[later.i - 2].idx)
        elif cue_lemma(later) and later.idx > start:
            subject = next((c for c in later.children if c.dep_ in SUBJECT_DEPS and c.i < later.i), None)
            joint = _contrast_joint(doc, start, later)
            if joint is not None:  # '..., while House Speaker Tom Emmer argued ...': another speaker's turn
                cuts.append(joint)
                continue
            tail = doc[later.i + 1:]
            rest = [t for t in tail if t.idx < end and not t.is_punct]
            if subject is not None and len(rest) <= 3 and subject.left_edge.idx > start and \
                    subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text in (",", "”", "\""):
                cuts.append(subject.left_edge.idx)
    return cuts


def _contrast_joint(doc: "Doc", start: int, cue: "Token") -> int | None:
    """Offset of ', while' / ', whereas' / ', but' / ';' opening the clause of a later cue, if any."""
    for i in range(cue.i - 1, 0, -1):
        token = doc[i]
        if token.idx <= start or token.text in (".", "!", "?"):
            return None
        if token.text == ";":
            return token.idx
        if token.lower_ in ("while", "whereas", "but") and cue.i - i <= 8:
            j = i - 1
            while j > 0 and doc[j].text in ("\"", "”", "’", "'"):
                j -= 1
            if doc[j].text == ",":
                return doc[j].idx
        if token.pos_ in ("VERB", "AUX") and token.i != cue.i and token.dep_ not in ("amod", "compound"):
            return None
    return None


def forward_content(doc: "Doc", text: str, token: "Token", start: int, quotes: list[Quote]) -> tuple[int, int]:
    """Content that follows its cue: from its start to the end of the sentence, less what
    `_trailing_cuts` finds belongs to the cue's own clause."""
    end = sentence_end(text, start, quotes)
    for cut in _trailing_cuts(doc, token, start, end):
        if start < cut < end:
            end = cut
    return start, end


_SOURCE_PREPOSITION_WORDS = re.compile(r"\b(according)\s+to\b|\bas\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?",
                                       re.IGNORECASE)


def _source_preposition_candidates(doc: "Doc", text: str) -> list["Token"]:
    """Tokens that may open a source preposition ('according', and the three words after each 'as',
    where the participle of 'as (first) reported by' stands), found in the text rather than by
    walking every token of the Doc; in text order, each once."""
    found: dict[int, "Token"] = {}
    for match in _SOURCE_PREPOSITION_WORDS.finditer(text):
        for group in range(1, 5):
            if match.group(group) is None:
                continue
            span = doc.char_span(match.start(group), match.end(group))
            if span is not None and len(span) == 1:
                found[span[0].i] = span[0]
    return [found[i] for i in sorted(found)]


def _source_prepositions(doc: "Doc", text: str, quotes: list[Quote]) -> list[Cue]:
    """'according to X, ...' and 'as indicated/reported/shown by X': a source without a speech verb."""
    cues = []
    for token in _source_preposition_candidates(doc, text):
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
            if source is None:
                continue
            speaker = _speaker_inside_clause(source) or source
            cut = (token.idx, source.right_edge.idx + len(source.right_edge.text))
            content = _sentence_minus(doc, text, token, cut, quotes)
            if content:
                cues.append(Cue(token=token, text_start=token.idx, text_end=to.idx + len(to.text),
                                lemma="according to", speaker_head=speaker, content=content))
        elif token.tag_ == "VBN" and token.lemma_.lower() in lx.REPORTING_CUES and \
                any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if source is None:
                continue
            mark = next(c for c in token.children if c.dep_ == "mark" and c.lower_ == "as")
            cut = (mark.idx, max(token.right_edge.idx + len(token.right_edge.text), source.right_edge.idx + 1))
            content = _sentence_minus(doc, text, token, cut, quotes)
            if content:
                phrase_end = content[0] if content[0] > source.idx else sentence_end(text, source.idx, quotes)
                cues.append(Cue(token=token, text_start=mark.idx, text_end=agent.idx + len(agent.text),
                                lemma=token.lemma_.lower(), speaker_head=source, content=content,
                                speaker_span=trim_span(text, source.left_edge.idx, phrase_end)))
    return cues


# Nouns that carry a claim in a that-clause ('allegations by Dr. Salt that ...', 'Salt's allegation is
# that ...', 'a spokesman's statement that ...'), with the verb each stands for ('denial': deny).
CLAIM_NOUN_CUES = {"allegation": "allege", "claim": "claim", "assertion": "assert", "accusation": "accuse",
                   "contention": "contend", "warning": "warn", "statement": "state", "denial": "deny",
                   "admission": "admit", "insistence": "insist"}


def _claim_noun_cues(doc: "Doc", text: str) -> list[Cue]:
    """A claim stated as a noun with its author and its that-clause: 'allegations by Dr. Miriam Salt,
    a former statistician, that ...', 'Salt's most serious allegation is that ...', 'rejected the
    union's claim that ...'. A claim with no author named ('reports that ...') is no statement."""
    from spacy.symbols import NOUN, POS

    cues = []
    nouns = doc.to_array([POS]) == NOUN
    for token in (doc[int(i)] for i in np.flatnonzero(nouns)):
        if token.lemma_.lower() not in CLAIM_NOUN_CUES:
            continue
        author = _claim_author(token)
        clause = _claim_clause(token)
        if author is None or clause is None:
            continue
        start = next((t.idx for t in clause.lefts if t.dep_ == "mark" and t.lower_ == "that"), clause.left_edge.idx)
        content = trim_span(text, start, subtree_span(clause)[1])
        if content_words(text, *content) >= 3:
            cues.append(Cue(token=token, text_start=token.idx, text_end=token.idx + len(token.text),
                            lemma=CLAIM_NOUN_CUES[token.lemma_.lower()], speaker_head=author, content=content))
    return cues


def _claim_author(noun: "Token") -> "Token | None":
    """Whose claim a claim noun is: its possessor ('Salt's allegation'), or the one it is by or from."""
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    return possessor or _named_in_phrase(noun, ("by", "from"))


def _named_in_phrase(head: "Token", prepositions: tuple[str, ...]) -> "Token | None":
    """The noun or name that one of the head's prepositional phrases governs ('allegations by | Dr.
    Salt', 'the executive director of | the fund')."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
            if named is not None and named.pos_ in ("PROPN", "NOUN"):
                return named
    return None


def _claim_clause(noun: "Token") -> "Token | None":
    """The that-clause a claim noun carries: hung on the noun, or after 'is' ('the allegation is that ...')."""
    holders = [noun] + ([noun.head] if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" else [])
    for holder in holders:
        for child in holder.children:
            if child.i > noun.i and child.dep_ in ("acl", "ccomp", "relcl", "appos") and child.pos_ in ("VERB", "AUX") \
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                return child
    return _that_clause_after_phrases(noun)


def _that_clause_after_phrases(noun: "Token") -> "Token | None":
    """A that-clause the parser hung elsewhere, when only phrases without a verb stand between it and
    the noun ('a spokesman's statement to the Herald on Monday that ...')."""
    for token in noun.doc[noun.i + 1:noun.sent.end]:
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            return token.head
    return None


def _speaker_inside_clause(source: "Token") -> "Token | None":
    """'according to what Netanyahu said': the speaker is the subject inside the clause."""
    for token in source.subtree:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in lx.REPORTING_CUES:
            return token
    return None


# What opens the rest of a sentence after a source phrase when the source belongs to the clause before
# it: 'He spent three days in hospital, according to his family, and was charged with ...'.
_CONTINUATION = re.compile(r"^[\s,]*(?:and|but|or|after|before|because|when|while|since|although|though)\b", re.IGNORECASE)


def _sentence_minus(doc: "Doc", text: str, token: "Token", cut: tuple[int, int], quotes: list[Quote]) -> tuple[int, int] | None:
    """The part of the sentence the source phrase vouches for once it is cut out: the clause before
    it when the rest only continues that clause, else the larger part."""
    sent = token.sent
    start = sent.start_char
    end = sentence_end(text, max(cut[1], start), quotes)
    left, right = trim_span(text, start, cut[0]), trim_span(text, cut[1], end)
    if content_words(text, *left) >= 3 and _CONTINUATION.match(text[cut[1]:end]):
        return left
    best = right if right[1] - right[0] >= left[1] - left[0] else left
    return best if content_words(text, *best) >= 3 else None


def _verbs(doc: "Doc") -> Iterator["Token"]:
    """The doc's verbs and auxiliaries, read off the POS array so other tokens are never built."""
    from spacy.symbols import AUX, POS, VERB

    tags = doc.to_array([POS])
    for i in np.flatnonzero((tags == VERB) | (tags == AUX)):
        yield doc[int(i)]


def find_cues(doc: "Doc", text: str, quotes: list[Quote]) -> list[Cue]:
    """Speech verbs with their subject and content, in text order."""
    cues: list[Cue] = []
    datelines = dateline_spans(text)
    source_cues = _source_prepositions(doc, text, quotes)
    skip = {c.token.i for c in source_cues}
    for cue in source_cues:  # 'according to what Netanyahu said': the inner verb is part of the source
        if cue.lemma == "according to" and cue.speaker_head is not None:
            skip.update(t.i for t in cue.speaker_head.head.subtree)
    for token in _verbs(doc):
        if token.i in skip:
            continue
        lemma = cue_lemma(token)
        if lemma is None or is_hypothetical(token) or is_passive(token) or is_writers_aside(token) or \
                (token.dep_ == "pcomp" and token.head.lower_ == "without"):  # 'approved slips without verifying that ...'
            continue
        cue_end = token.idx + len(token.text)
        particle = next((c for c in token.children if c.dep_ == "prt"), None)
        if " " in lemma and particle is not None:
            cue_end = particle.idx + len(particle.text)
        cue = Cue(token=token, text_start=token.idx, text_end=cue_end, lemma=lemma,
                  negated=any(c.dep_ == "neg" for c in token.children))
        cue.content = _content_of(doc, text, token, lemma, quotes)
        if cue.content is None:
            cue.reference_only = any(c.dep_ == "dobj" for c in token.children)
        cue.speaker_head = subject_of(doc, token, lambda position: quote_at(quotes, position) is not None
                                      or any(s <= position < e for s, e in datelines))
        cues.append(cue)
    cues.extend(source_cues)
    cues.extend(_claim_noun_cues(doc, text))
    return sorted(cues, key=lambda c: c.text_start)


def _content_of(doc: "Doc", text: str, token: "Token", lemma: str, quotes: list[Quote]) -> tuple[int, int] | None:
    """The span a cue reports, or None when it governs no clause ('denied the story')."""
    if lemma in CALLING_CUES:
        return _called_false(text, token)
    if lemma in DOING_WITH_INFINITIVE and any(c.dep_ == "xcomp" for c in token.children):
        return None  # in 'went on to say that ...' the inner verb reports
    clauses = [c for c in _clause_children(token) if not _beyond_semicolon(doc, token, c)]
    if lemma in lx.DIRECTIVE_CUES and not clauses:
        clauses = [c for c in token.children if c.dep_ == "xcomp"]
    that = _that_after(doc, token)
    if that is not None:
        return trim_span(text, *forward_content(doc, text, token, that.idx, quotes))
    if not clauses:
        late = _content_subject_after(token)
        if late is not None:
            return trim_span(text, *forward_content(doc, text, token, late.left_edge.idx, quotes))
        subject = _misparsed_object_clause(token)
        if subject is not None:
            return trim_span(text, *forward_content(doc, text, token, subject.left_edge.idx, quotes))
        clause = _object_clause(token)
        clauses = [clause] if clause is not None else []
    if not clauses and token.dep_ == "parataxis":
        return _sentence_minus(doc, text, token, subtree_span(token), quotes)
    if not clauses:
        return _object_phrase_content(text, token) or _trailing_attribution(doc, text, token)
    before = [c for c in clauses if c.i < token.i]
    if before and not [c for c in clauses if c.i > token.i]:
        clause = before[-1]  # the clause next to the attribution, not a sentence the parser ran into it
        start = clause.left_edge.idx
        end = min(subtree_span(clause)[1], _speaker_start(doc, token))
        sent_start = token.sent.start_char
        if clause.dep_ == "ccomp" and start > sent_start and not text[sent_start:start].strip(" ,\"“”'"):
            start = sent_start
        return trim_span(text, start, end)
    clause = next(c for c in clauses if c.i > token.i)
    start = clause.left_edge.idx
    if lemma in ("ask",) or clause.dep_ == "xcomp" or token.dep_ == "relcl":
        # a relative clause's content ends with it: 'Swiftly, which says 12,000 people drive for it, argues ...'
        return trim_span(text, start, subtree_span(clause)[1])
    return trim_span(text, *forward_content(doc, text, token, start, quotes))


def _speaker_start(doc: "Doc", token: "Token") -> int:
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i), None)
    return subject.left_edge.idx if subject is not None else token.idx


# ----------------------------------------------------------------------------------------------
# the quote pass


_AFTER_GAP = re.compile(r"^[\s,—–-]*$")
_BEFORE_GAP = re.compile(r"^\s*(?:[,:]|,?\s*that)?\s*$", re.IGNORECASE)


def _cue_clause_start(cue: Cue) -> int:
    head = cue.speaker_head
    if head is not None and head.i < cue.token.i:
        return min(head.left_edge.idx, cue.text_start)
    return cue.text_start


def _cue_clause_end(cue: Cue) -> int:
    end = cue.text_end
    token = cue.token
    for child in token.children:
        if child.i > token.i and child.dep_ in ("nsubj", "dobj", "dative", "prep", "advmod", "npadvmod", "prt", "attr"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return end


def attach_quotes(text: str, cues: list[Cue], quotes: list[Quote]) -> list[Quote]:
    """Give each quote to the cue right after or before it; return the quotes no cue takes."""
    unattached = []
    for quote in quotes:
        owner = next((c for c in cues if c.content and c.content[0] < quote.inner_end and quote.inner_start < c.content[1]), None)
        if owner is not None:
            owner.quotes.append(quote)
            continue
        if not is_full_quote(text, quote):
            continue  # a scare-quoted word counts only inside a statement's content
        cue = _cue_after(text, quote, cues) or _cue_before(text, quote, cues)
        if cue is None:
            unattached.append(quote)
        else:
            cue.quotes.append(quote)
    return unattached


def _cue_after(text: str, quote: Quote, cues: list[Cue]) -> Cue | None:
    """The attribution right after a quote ('," the ambassador said'); a participle there
    ('," adding that') opens new content instead."""
    for cue in cues:
        if cue.token.tag_ == "VBG":
            continue
        start = _cue_clause_start(cue)
        if start < quote.end or start - quote.end > 80:
            continue
        if _AFTER_GAP.match(text[quote.end:start]) and "\n" not in text[quote.end:start]:
            return cue
    return None


def _cue_before(text: str, quote: Quote, cues: list[Cue]) -> Cue | None:
    best = None
    for cue in cues:
        if cue.text_start >= quote.start or "\n" in text[cue.text_start:quote.start]:
            continue
        end = _cue_clause_end(cue)
        gap = text[end:quote.start] if end <= quote.start else ""
        colon = text[:quote.start].rstrip().endswith(":") and \
            not re.search(r"[.!?][\"”’]?\s", text[cue.text_start:quote.start])
        if (quote.start - end <= 60 and _BEFORE_GAP.match(gap)) or colon:
            best = cue
    return best


# ----------------------------------------------------------------------------------------------
# speakers


def _noun_phrase_span(head: "Token", with_of: bool, limit: int | None = None) -> tuple[int, int]:
    """Left modifiers + head, plus an 'of'/'between' phrase for descriptions ('member of ...'),
    never reaching `limit` (the cue)."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "case"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = head
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "between", "from", "with", "in", "at", "for"):
                right = max(right, child.right_edge, key=lambda t: t.i)
    while left.i < head.i and (left.is_punct or left.is_space):
        left = left.nbor()
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
    return possessor or _named_in_phrase(head, ("of",))


def _public_body(name: str) -> bool:
    return bool({w.casefold() for w in re.findall(r"[\w’']+", name)} & PUBLIC_BODY_WORDS)


def _group_just_named(partitive: "Token") -> "Token | None":
    """The people a bare 'Several' or 'Some' is part of: the plural subject of the sentence before."""
    sentence = partitive.sent
    if sentence.start == 0:
        return None
    previous = partitive.doc[sentence.start - 1].sent
    return next((t for t in previous if t.dep_ == "nsubj" and t.tag_ == "NNS" and _names_people({t.lower_, t.lemma_.lower()})),
                None)


def _is_role(token: "Token") -> bool:
    return token.lower_ in lx.ROLE_NOUNS or token.lemma_.lower() in lx.ROLE_NOUNS


def _head_word(token: "Token") -> str:
    return re.sub(r"^(?:then|former|ex|outgoing|incoming|acting)-", "", token.lower_)


def _definite(token: "Token") -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _relative_antecedent(doc: "Doc", pronoun: "Token") -> "Token | None":
    """', which said ...': the noun right before the relative pronoun, past a time phrase ('this week')."""
    i = pronoun.i - 1
    while i >= 0 and doc[i].text in (",", "–", "—"):
        i -= 1
    while i >= 0:
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in TEMPORAL_NOUNS:
            return token
        if token.text[:1].isupper() and (token.i == pronoun.head.head.i or token.is_sent_start):
            return token  # 'Swiftly, which says ...': a name the parser read as another part of speech
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";"):
            return None
        i -= 1
    return None


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
        if head.pos_ == "PRON" and word == "it" and head.dep_ == "nsubj":
            return self._neuter_pronoun(span, position)
        if head.pos_ == "PRON" and word in ("i", "we") and not self.in_quote(head.idx):
            return self._first_person(word, span)
        if word in PARTITIVE_HEADS and any(c.lower_ == "of" and any(g.lower_ in ("them", "those") for g in c.children)
                                           for c in head.children):
            group = self._plural_pronoun(span)
            if group.kind == "anonymous":
                return group  # 'Two engineers told the Courier ... One of them said': the same source
        if word in BARE_PARTITIVES and not list(head.children):
            group_head = _group_just_named(head)
            if group_head is not None:  # 'Workers leaving the plant described confusion. Several said ...'
                group = self._description(group_head, group_head.idx)
                return ResolvedSpeaker(group.name, group.kind, span[0], span[1], group.referent)
        conjoined = self._conjoined(head, position)
        if conjoined is not None:
            return conjoined
        named_apposition = self._apposition(head, position)
        if named_apposition is not None:
            return named_apposition
        referent = self._named(head)
        if referent is not None:
            ref_span = next(((s, e) for s, e in referent.spans if s <= head.idx < e), span)
            return ResolvedSpeaker(referent.name, referent.kind, ref_span[0], ref_span[1], referent)
        return self._description(head, position)

    def _apposition(self, head: "Token", position: int) -> ResolvedSpeaker | None:
        """'Acme's chief executive, John Whitfield, told ...', 'The company that built the dam,
        Costruzioni Alpine, said ...': the name set off by commas before the cue speaks."""
        if self.referents.covering(head.idx, head.idx + len(head.text)) is not None:
            return None
        if head.idx < position and (head.pos_ != "PROPN" or _is_role(head)):  # a name is not renamed by another after it
            for ref in self.referents.items:
                if ref.kind not in ("person", "organization", "outlet"):
                    continue
                for s, e in ref.spans:
                    if head.idx < s and e < position and self.text[max(0, s - 2):s] == ", " and \
                            self.text[e:e + 1] == "," and not re.search(r"[.;!?]", self.text[head.idx:s]):
                        return ResolvedSpeaker(ref.name, ref.kind, s, e, ref)
        doc = head.doc
        named = ("person", "organization", "outlet")
        candidates = [(c, named) for c in head.children if c.dep_ == "appos"]
        if head.i + 2 < len(doc) and doc[head.i + 1].text == ",":
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

    def _named_organization(self, heads: set[str], position: int) -> Referent | None:
        """'the ministry' -> the last 'Foreign Ministry'; 'the company' -> the last company named."""
        by_word = self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and
            bool(heads & {w.casefold() for w in r.name.split()}))
        if by_word is not None:
            return by_word
        if not heads & GENERIC_ORGANIZATION_HEADS:
            return None
        business = bool(heads & BUSINESS_HEADS)  # 'the company' is no central bank or ministry

        def could_be(ref: Referent) -> bool:
            return not self._news_outlet(ref) and not (business and _public_body(ref.name))
        named_since = self._organization_subject_since(position)
        if named_since is not None and could_be(named_since):
            return named_since
        for speaker in reversed(self.history[-6:]):
            if speaker.kind == "organization" and speaker.referent is not None and speaker.referent.label == "ORG" \
                    and could_be(speaker.referent):
                return speaker.referent
        corporate = self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and bool(CORPORATE_SUFFIX.search(r.name)))
        return corporate or self.referents.most_recent(
            position, lambda r: r.label == "ORG" and r.kind == "organization" and could_be(r))

    def _organization_subject_since(self, position: int) -> Referent | None:
        """A company that became the subject of a sentence after the last organisation spoke ('Orrin
        Labs did not respond on Monday. The company says on its website ...'): 'the company' is it."""
        after = max((s.start for s in self.history if s.kind == "organization"), default=-1)
        best, best_at = None, after
        for ref in self.referents.items:
            if ref.label != "ORG" or ref.kind != "organization" or self._news_outlet(ref):
                continue
            for start, end in ref.spans:
                if best_at < start < position and not self.in_quote(start) and self._is_subject(start, end, main=True):
                    best, best_at = ref, start
        return best

    def _news_outlet(self, referent: Referent) -> bool:
        """A newspaper or broadcaster (the story's own outlet among them) is never 'the company' a
        story calls by that word ('The Courier-Post could not confirm ... The company said')."""
        words = {w.casefold() for w in re.findall(r"[\w’']+", referent.name)}
        own = {w.casefold() for w in re.findall(r"[\w’']+", self.publisher or "")}
        return gazetteer.is_news_outlet(referent.name) or bool(own and words and words <= own)

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

        ref = self.referents.most_recent(position, accept)
        if ref is not None:
            return ResolvedSpeaker(ref.name, "person", span[0], span[1], ref)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

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
        false," she told the Herald'): 'she' is Whitcombe, not the critics."""
        best, best_at = None, after
        for ref in self.referents.items:
            if ref.kind != "person" or ref.gender not in (gender, None):
                continue
            for start, end in ref.spans:
                if best_at < start < position and not self.in_quote(start) and self._is_subject(start, end):
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
            if speaker.kind in ("organization", "document", "outlet"):
                return ResolvedSpeaker(speaker.name, speaker.kind, span[0], span[1], speaker.referent)
            if speaker.kind == "person":
                break
        ref = self.referents.most_recent(
            position, lambda r: r.kind in ("organization", "outlet") and not self.in_quote(r.last_before(position)))
        if ref is not None:
            return ResolvedSpeaker(ref.name, ref.kind, span[0], span[1], ref)
        return ResolvedSpeaker(self.text[span[0]:span[1]], "unknown", span[0], span[1], None)

    def _holder_run_on(self, head: "Token") -> ResolvedSpeaker | None:
        """'Chief investment officer at Fort Pitt Capital Group Charlie Smith said': a title whose
        'at' phrase runs on from the workplace's name into a person's, written without commas, is
        that person's ('a spokesman for Mayor Helen Draper' is not Draper)."""
        if not _is_role(head):
            return None
        for preposition in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "at"):
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
        long_span = _noun_phrase_span(head, with_of=True, limit=position if position > head.idx else None)
        phrase = self.text[long_span[0]:long_span[1]]
        heads = {lemma, word}
        if heads & lx.DOCUMENT_HEADS:
            ref = self.referents.covering(*long_span)
            if ref is not None and ref.kind == "document":
                return ResolvedSpeaker(ref.name, "document", long_span[0], long_span[1], ref)
        for kind, vocabulary in (("organization", lx.ORGANIZATION_HEADS),
                                 ("anonymous", lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS | lx.ROLE_NOUNS)):
            if not heads & vocabulary:
                continue
            if definite:
                previous = self.referents.most_recent(position, lambda r: r.kind == kind and bool(heads & r.heads))
                if previous is None and kind == "organization":
                    previous = self._named_organization(heads, position)
                if previous is not None:
                    return ResolvedSpeaker(previous.name, previous.kind, np_span[0], np_span[1], previous)
            ref = self.referents.add(phrase, kind, long_span, heads=heads)
            return ResolvedSpeaker(phrase, kind, long_span[0], long_span[1], ref)
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        inner = self.referents.covering(owner.idx, owner.idx + len(owner.text)) if owner is not None else None
        if inner is not None and inner.kind in ("organization", "outlet") and \
                not (head.pos_ == "NOUN" and (inner.label in PLACE_LABELS or _names_people(heads))):
            # 'Apple's response to the issue' is Apple's word; 'Macintosh support sites' are not Macintosh
            return ResolvedSpeaker(inner.name, inner.kind, long_span[0], long_span[1], inner)
        acronym = head.pos_ == "PROPN" and head.text.isalpha() and head.text.isupper() and 2 <= len(head.text) <= 6
        if (head.text[:1].isupper() and _which_clause(head)) or acronym:
            # 'Corvane, which operates 140 pharmacies, said'; 'USAF denied ...'
            ref = self.referents.add(phrase, "organization", long_span, label="ORG", heads=heads)
            return ResolvedSpeaker(phrase, "organization", long_span[0], long_span[1], ref)
        if head.pos_ == "NOUN" or head.lower_ in UNNAMED_PEOPLE:  # 'one electrician said': an unnamed person
            ref = self.referents.add(phrase, "anonymous", long_span, heads=heads)
            return ResolvedSpeaker(phrase, "anonymous", long_span[0], long_span[1], ref)
        return ResolvedSpeaker(phrase, "unknown", long_span[0], long_span[1], None)


def _which_clause(head: "Token") -> bool:
    """Whether a 'which' relative clause describes the noun: a thing or a body, not a person."""
    return any(c.dep_ == "relcl" and any(t.lower_ == "which" and t.i < c.i for t in c.subtree) for c in head.children)


# ----------------------------------------------------------------------------------------------
# documents as speakers: "the transcripts", "the Flynn-Kislyak transcripts", "phone conversations
# between Flynn and Kislyak" are one record


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


AUTHORING_VERBS = frozenset("publish release compile issue prepare produce write file submit commission".split())


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
        if head is None or (head.lemma_.lower() not in lx.DOCUMENT_HEADS and _head_word(head) not in lx.DOCUMENT_HEADS):
            continue
        if referents.covering(head.idx, head.idx + len(head.text)) is not None:
            continue
        span = cue.speaker_span or _noun_phrase_span(head, with_of=True, limit=cue.text_start if cue.text_start > head.idx else None)
        after = [cue.text_start] + ([cue.content[0]] if cue.content else [])
        span = (span[0], max(span[1], _author_phrase_end(head, min([p for p in after if p > head.idx] or [len(text)]))))
        found.append((span, head.lemma_.lower(), _participants(text, span, referents)))
    clusters: list[tuple[Referent, frozenset[str]]] = []
    for span, lemma, people in sorted(found, key=lambda item: (not item[2], item[0])):
        phrase = text[span[0]:span[1]]
        match = None
        for ref, ref_people in clusters:
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


# ----------------------------------------------------------------------------------------------
# polarity, mode, via


_FALSITY = (r"false|untrue|not true|baseless|groundless|unfounded|absurd|nonsense|fake|fabricated|a lie|lies|"
            r"disinformation|misinformation|ridiculous|fantasy|fiction|a hoax|incorrect|inaccurate|wrong|misleading|"
            r"exaggerated|overstated|overblown|mistaken|distorted|never true|not accurate|not correct")
_CLAIM_NOUNS = (r"allegations?|claims?|reports?|idea|story|stories|accusations?|suggestions?|notion|charges?|"
                r"rumou?rs?|assertions?|figures?|numbers?|estimates?|accounts?|versions?|"
                r"this|that|it|these|those")
_DENIAL_PATTERNS = (
    # 'The allegations are false', "the Courier's figure was wrong", 'reports that 200 homes flooded were exaggerated'
    re.compile(rf"^(?:[\"“‘']\s*)?(?:(?:the|these|those|this|that|such|all|any|his|her|their|its|our|your)\s+)?(?:[\w-]+['’]s\s+)?"
               rf"(?:{_CLAIM_NOUNS})\b[^.;:!?]{{0,120}}?"
               rf"\b(?:is|are|was|were)\s+(?:\w+\s+){{0,2}}(?:{_FALSITY})\b", re.IGNORECASE),
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)there\s+(?:was|were|is|are|has been|have been)\s+no\b", re.IGNORECASE),
    re.compile(r"\b(?:never happened|did not happen|didn't happen|didn’t happen)\b", re.IGNORECASE),
    re.compile(rf"^(?:[\"“‘']\s*)?(?:{_FALSITY}|fake news|lies)[\s.,!\"”’']*$", re.IGNORECASE),
    # 'it would be absurd for Russia to oppose ...', 'it is ridiculous to suggest ...': calling it absurd denies it
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)it\s+would\s+(?:\w+\s+)?be\s+(?:\w+\s+)?[\"“‘']?(?:absurd|ridiculous|"
               r"unthinkable|inconceivable|preposterous|laughable|nonsensical|illogical)[\"”’']?"
               r"\s+(?:for\s+[^,;]{1,40}?\s+)?to\s+\w+", re.IGNORECASE),
    # 'it would be "incredible" for Russia to oppose ...': these words deny only with a doer ('for X to'),
    # since 'it would be incredible to see them win' hopes rather than doubts
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)it\s+would\s+(?:\w+\s+)?be\s+(?:\w+\s+)?[\"“‘']?(?:incredible|"
               r"unbelievable|implausible|strange|odd|bizarre)[\"”’']?\s+for\s+[^,;]{1,40}?\s+to\s+\w+", re.IGNORECASE),
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)it\s+(?:is|was|'s|’s)\s+(?:\w+\s+)?(?:absurd|ridiculous|preposterous|"
               r"laughable|nonsense|nonsensical)\s+to\s+(?:suggest|say|claim|think|believe|imply|argue|pretend)\b",
               re.IGNORECASE),
)


# 'they say it is false', 'he claims the story is untrue' report a denial rather than make it; 'the
# claim that I approved it is false' makes one
_REPORTS_SPEECH = re.compile(r"\b(?:say|says|said|claimed)\b|(?<!the )(?<!this )(?<!that )(?<!these )(?<!those )"
                             r"(?<!any )(?<!such )(?<!their )(?<!his )(?<!her )(?<!its )\bclaims?\b", re.IGNORECASE)


def denies_in_content(content: str) -> bool:
    """The content itself calls something false ('The idea ... is false', 'There was no second
    resolution', 'disinformation'), other than inside a further report ('they always say it is false')."""
    for sentence in re.split(r"(?<=[.!?])\s+", content.strip()):
        if _REPORTS_SPEECH.search(sentence):
            continue
        if any(p.search(sentence) for p in _DENIAL_PATTERNS):
            return True
    return False


EVIDENCE_NOUNS = frozenset("evidence proof sign signs indication indications record trace suggestion".split())


def finds_nothing(cue: Cue) -> bool:
    """An evidence cue that found nothing for its content: 'investigators found no evidence that ...',
    'the audit did not find any sign that ...', 'our data do not show that ...'."""
    if cue.lemma.split()[0] not in lx.EVIDENCE_CUES:
        return False
    if cue.negated:
        return True
    evidence = [c for c in cue.token.children if c.dep_ == "dobj" and c.lemma_.lower() in EVIDENCE_NOUNS]
    return any(any(d.dep_ == "det" and d.lower_ == "no" for d in e.children) for e in evidence)


INDIRECT_QUESTION = re.compile(r"^[\s,]*(?:[\w'’-]+\s+){0,4}?(?:whether|if|who|whom|whose|what|when|where|why|how|which)\b",
                               re.IGNORECASE)


def says_nothing(cue: Cue, text: str, content: tuple[int, int]) -> bool:
    """A negated speech verb with a question for content reports nothing said: 'did not say whether
    he was forced out', 'has not mentioned what prompted it', 'did not tell the council how long'."""
    return cue.negated and cue.content is not None and bool(INDIRECT_QUESTION.match(text[cue.text_end:content[1]]))


def polarity(cue: Cue, content_text: str) -> str:
    """deny or confirm from the cue ('denied', 'confirmed', 'found no evidence that'), else deny when
    the content calls something false."""
    lemma = cue.lemma.split()[0]
    if lemma in lx.DENIAL_CUES or lemma in CALLING_CUES:
        return "assert" if cue.negated else "deny"
    if lemma in lx.CONFIRMATION_CUES:
        return "assert" if cue.negated else "confirm"
    if finds_nothing(cue):
        return "deny"
    return "deny" if denies_in_content(content_text) else "assert"


def mode_of(text: str, start: int, end: int, quotes: Iterable[Quote]) -> str:
    """direct when the content is a quotation, mixed when it quotes part, indirect otherwise."""
    inside = [q for q in quotes if q.inner_start < end and start < q.inner_end]
    if not inside:
        return "indirect"
    quoted_words = sum(content_words(text, max(start, q.inner_start), min(end, q.inner_end)) for q in inside)
    outside = content_words(text, start, end) - quoted_words
    return "direct" if outside <= 1 else "mixed"


def _via(cue: Cue, referents: Referents, content: tuple[int, int], speaker: ResolvedSpeaker,
         datelines: list[tuple[int, int]]) -> list[str]:
    """Outlets in the cue's sentence, outside the content and the dateline: the outlet told, the article quoted."""
    sent = cue.token.sent
    found = []
    for ref in referents.items:
        if ref.kind != "outlet" or ref is speaker.referent:
            continue
        if any(sent.start_char <= s < sent.end_char and not (content[0] <= s < content[1])
               and not any(ds <= s < de for ds, de in datelines) for s, e in ref.spans):
            found.append(ref.name)
    return found


# ----------------------------------------------------------------------------------------------
# assembly


@dataclass
class _Draft:
    cue: Cue
    start: int
    end: int
    speaker: ResolvedSpeaker
    mode: str
    via: list[str]
    called_false: bool = False  # 'said reports that <content> were exaggerated'


_CLAIM_NOUN_THAT = re.compile(rf"\b(?:{_CLAIM_NOUNS})\s+that\s*$", re.IGNORECASE)
_FALSITY_TAIL = re.compile(rf",?\s+(?:is|are|was|were)\s+(?:\w+\s+){{0,2}}(?:{_FALSITY})[\s.,\"”’']*$", re.IGNORECASE)


def _claim_called_false(text: str, start: int, end: int) -> int | None:
    """Where the claim ends in 'said reports that more than 200 homes had flooded were exaggerated':
    the parser reads the clause of 'reports that' as the content, and the falsity words after it
    deny it. None when the content is not such a clause."""
    if not _CLAIM_NOUN_THAT.search(text[max(0, start - 40):start]):
        return None
    tail = _FALSITY_TAIL.search(text, start, end)
    return tail.start() if tail and content_words(text, start, tail.start()) >= 2 else None


def _excluded(document: Document, start: int, end: int) -> bool:
    return document.in_boilerplate(start, end) or document.in_headline(start, end)


def _contents(text: str, cue: Cue) -> list[tuple[int, int]]:
    """The spans a cue reports: its clause widened over the quotes it overlaps, and its other quotes."""
    spans: list[tuple[int, int]] = []
    if cue.content:
        start, end = cue.content
        for quote in cue.quotes:
            if quote.inner_start < end and start < quote.inner_end:
                start, end = min(start, quote.inner_start), max(end, quote.inner_end)
        spans.append(_balance_marks(text, start, end))
    for quote in cue.quotes:
        if any(s < quote.inner_end and quote.inner_start < e for s, e in spans):
            continue
        spans.append(trim_span(text, quote.inner_start, quote.inner_end))
    return spans


_OPEN_MARKS = "\"“„«"
_CLOSE_MARKS = "\"”»"


def _balance_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a quotation mark left dangling at either end of a span (the other one fell outside)."""
    start, end = trim_span(text, start, end)
    while end > start:
        inner = text[start:end]
        marks = sum(1 for c in inner if c in _OPEN_MARKS + _CLOSE_MARKS)
        if inner[0] in _OPEN_MARKS and inner[-1] in _CLOSE_MARKS and marks == 2:
            start, end = trim_span(text, start + 1, end - 1)
        elif marks % 2 and inner[-1] in _CLOSE_MARKS:
            end = trim_span(text, start, end - 1)[1]
        elif marks % 2 and inner[0] in _OPEN_MARKS:
            start = trim_span(text, start + 1, end)[0]
        elif marks % 2 and re.match(r"[,.!?]?[\"”»]", text[end:end + 2]):
            end = text.index(next(c for c in text[end:end + 2] if c in _CLOSE_MARKS), end) + 1
        elif inner[0] == "‘":
            start = trim_span(text, start + 1, end)[0]
        elif inner[-1] == "’" and len(inner) > 1 and inner[-2] in ".,!?":
            end = trim_span(text, start, end - 1)[1]
        else:
            break
    return start, end


def extract_statements(doc: "Doc", document: Document, mentions: list[Mention]) -> list[Statement]:
    """Every attributed speech act of the document's body, in text order."""
    text = document.text
    referents = build_referents(mentions, _outlet_keys(mentions, document))
    quotes = [q for q in find_quotes(text) if not _excluded(document, q.start, q.end)]
    cues = [c for c in find_cues(doc, text, quotes)
            if not _excluded(document, c.text_start, c.text_end) and not _inside_quote(c, quotes)]
    unattached = attach_quotes(text, cues, quotes)
    register_documents(doc, text, cues, referents)
    signed = SIGNATORY.search(text)
    first_person = signed.group(1) if signed else document.author
    resolver = SpeakerResolver(doc, text, referents, quotes, author=first_person or None,
                               publisher=document.outlet or None)
    datelines = dateline_spans(text)
    drafts: list[_Draft] = []
    for cue in cues:
        speaker = _continuing_speaker(text, cue, drafts, quotes)
        if speaker is None:
            if cue.speaker_head is None or (resolver.in_quote(cue.speaker_head.idx) and cue.speaker_head.pos_ == "PRON"):
                continue
            speaker = resolver.resolve(cue.speaker_head, cue.position)
        spans = [s for s in _contents(text, cue)
                 if s[1] > s[0] and content_words(text, *s) >= 2 and not _excluded(document, *s)
                 and not ANONYMITY_REQUEST.match(text[s[0]:s[1]]) and not says_nothing(cue, text, s)]
        for start, end in spans:
            claim_end = _claim_called_false(text, start, end)
            end = claim_end or end
            drafts.append(_Draft(cue, start, end, speaker, mode_of(text, start, end, quotes),
                                 _via(cue, referents, (start, end), speaker, datelines), claim_end is not None))
        if (spans or cue.reference_only) and not _evidence_of_something(cue, speaker):
            resolver.remember(speaker)
    drafts = _drop_nested_same_speaker(drafts)
    drafts.extend(_continuations(text, unattached, drafts, document))
    _add_nested_via(drafts)
    found = [_statement(document, d, text) for d in drafts]
    turns = transcript_statements(document, mentions)
    found = within_turns(found, turns) + turns
    return sorted(found, key=lambda s: (s.start, s.cue_start))


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


def _names_people(heads: set[str]) -> bool:
    """Whether a noun names people ('spokeswoman', 'engineer', 'residents'), not things or bodies."""
    people = lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS | lx.ROLE_NOUNS
    return bool(heads & people) or any(h.endswith(AGENT_ENDINGS) and h not in THING_HEADS for h in heads)


def _evidence_of_something(cue: Cue, speaker: ResolvedSpeaker) -> bool:
    """'the case showed why ...', 'applicants whose resumes showed a break': a thing that shows or
    indicates, whom a later 'she said' never means."""
    return cue.lemma in lx.EVIDENCE_CUES and speaker.kind == "anonymous"


def _continuing_speaker(text: str, cue: Cue, drafts: list[_Draft], quotes: list[Quote]) -> ResolvedSpeaker | None:
    """'...,” adding that “...”': a participle straight after a quote goes on with that quote's speaker."""
    if cue.token.tag_ != "VBG" or cue.lemma == "according to":
        return None
    quote = next((q for q in quotes if q.end <= cue.text_start and not re.search(r"[\w\n]", text[q.end:cue.text_start])
                  and cue.text_start - q.end <= 4), None)
    if quote is None:
        return None
    owners = [d for d in drafts if d.start <= quote.inner_start < d.end + 2 or d.end <= quote.start]
    if not owners:
        return None
    last = max(owners, key=lambda d: d.end)
    return last.speaker if "\n" not in text[last.end:quote.start] else None


def _outlet_keys(mentions: list[Mention], document: Document) -> set[str]:
    keys = {names.org_key(document.outlet)} if document.outlet else set()
    for mention in mentions:
        if gazetteer.outlet_name(mention.text, allow_ambiguous=False):
            keys.add(names.org_key(mention.text))
    return keys


def _inside_quote(cue: Cue, quotes: list[Quote]) -> bool:
    return any(q.inner_start <= cue.text_start < q.inner_end for q in quotes)


def _same_speaker(a: ResolvedSpeaker, b: ResolvedSpeaker) -> bool:
    if a.referent is not None and a.referent is b.referent:
        return True
    return a.name == b.name


def _drop_nested_same_speaker(drafts: list[_Draft]) -> list[_Draft]:
    """'Netanyahu said that he asked ...': the inner act is part of the outer statement. An inner
    denial or confirmation stays a statement of its own ('said it was cooperating with the police and
    denied that any of its employees had helped'): the outer one only asserts."""
    kept = []
    for draft in drafts:
        nested = any(other is not draft and other.start <= draft.cue.text_start < other.end and
                     other.cue is not draft.cue and _same_speaker(other.speaker, draft.speaker) and
                     not _takes_a_side(draft.cue, other.cue) for other in drafts)
        if not nested:
            kept.append(draft)
    return kept


def _takes_a_side(inner: Cue, outer: Cue) -> bool:
    """Whether the inner cue denies or confirms where the outer one only reports."""
    sides = lx.DENIAL_CUES | lx.CONFIRMATION_CUES
    return inner.lemma.split()[0] in sides and outer.lemma.split()[0] not in sides


def _continuations(text: str, quotes: list[Quote], drafts: list[_Draft], document: Document) -> list[_Draft]:
    """Quotes with no cue that continue the previous speaker: in the same paragraph, or a paragraph
    that opens with a quote right after one that ended with that speaker's quote."""
    extra: list[_Draft] = []
    for quote in quotes:
        if not is_full_quote(text, quote) or _excluded(document, quote.start, quote.end):
            continue
        previous = [d for d in drafts + extra if d.end <= quote.start]
        if not previous:
            continue
        last = max(previous, key=lambda d: d.end)
        between = text[last.end:quote.start]
        breaks = between.count("\n")
        same_paragraph = breaks == 0
        next_paragraph = breaks == 1 and last.mode == "direct" and not text[text.rfind("\n", 0, quote.start) + 1:quote.start].strip()
        if same_paragraph or next_paragraph:
            extra.append(_Draft(last.cue, quote.inner_start, quote.inner_end, last.speaker, "direct", list(last.via)))
    return extra


def _add_nested_via(drafts: list[_Draft]) -> None:
    """A statement reported inside another speaker's statement reaches us through that speaker."""
    for inner in drafts:
        for outer in drafts:
            if outer is inner or outer.cue is inner.cue or outer.cue.lemma in lx.DIRECTIVE_CUES:
                continue
            if outer.start <= inner.cue.text_start < outer.end and not _same_speaker(outer.speaker, inner.speaker) \
                    and outer.speaker.name not in inner.via:
                inner.via.append(outer.speaker.name)


def _statement(document: Document, draft: _Draft, text: str) -> Statement:
    speaker = draft.speaker
    ref = speaker.referent
    ref_span = None
    if ref is not None and ref.spans:
        before = [span for span in ref.spans if span[0] <= speaker.start]
        ref_span = before[-1] if before else ref.spans[0]
    content_text = text[draft.start:draft.end]
    return Statement(
        id=content_id("st", document.id, draft.start, draft.end, draft.cue.text_start),
        doc=document.id, start=draft.start, end=draft.end,
        speaker=Speaker(name=speaker.name, kind=speaker.kind, start=speaker.start, end=speaker.end,
                        ref_start=ref_span[0] if ref_span else None, ref_end=ref_span[1] if ref_span else None),
        cue=text[draft.cue.text_start:draft.cue.text_end], cue_start=draft.cue.text_start, cue_end=draft.cue.text_end,
        mode=draft.mode, polarity="deny" if draft.called_false else polarity(draft.cue, content_text),
        via=tuple(dict.fromkeys(draft.via)),
        text=content_text,
    )
