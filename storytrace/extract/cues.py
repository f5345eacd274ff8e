"""Speech cues of one document: the verbs, source phrases and claim nouns that report speech
("said", "pointed out", "according to", "as indicated by", "the allegation that"), each with where
its speaker phrase and its content lie (a clause; for blame and figures an object and its phrase:
"blamed the update for the outage", "puts the toll at 14"), and the quotes each cue takes.

The small parser errs on long news sentences, so clause extents, subjects and antecedents are
checked against the surface text ("that" clauses run to the end of the sentence unless the cue's
own coordination or a trailing attribution cuts them short).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

import numpy as np

from storytrace import gazetteer, names
from storytrace.extract import lexicon as lx
from storytrace.extract.datelines import dateline_spans, past_dateline
from storytrace.extract.quotes import Quote, is_full_quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


TEMPORAL_NOUNS = frozenset("week weeks day days month months year years time night morning evening "
                           "afternoon today yesterday weekend".split())
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
HYPOTHETICAL_AUX = frozenset("would could might may should must can".split())
DEALING_CUES = frozenset("agree accept".split())  # with an object a deal, not words: 'agreed terms', 'accepted the offer'
NOBODY = frozenset("nobody none nothing one".split())  # 'no one' is parsed with 'one' as its subject
PERFORMED_WITH_CAN = frozenset("confirm reveal report disclose announce tell state say".split())
CHARACTERISING_VERBS = frozenset("call describe dub label term brand".split())
REFUSING_VERBS = frozenset("decline refuse".split())  # the speaker's own act after what they said
ASKING_OF_SOMEONE = frozenset({"call on", "appeal to", "urge", "ask", "implore", "beg", "plead"})  # so are these
SPEECH_CONTAINERS = frozenset("quote quotes statement statements remarks comments interview letter post "
                              "tweet message article report".split())
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
    unnamed: bool = False  # passed on with no one named as saying it: 'is said to', 'it is alleged that'
    rejects_claim: bool = False  # its content is the claim it rejects or confirms, named by a noun: 'denied the report'

    @property
    def position(self) -> int:
        return self.text_start


Kept = TypeVar("Kept")


def _once_per_doc(doc: "Doc", key: str, make: "Callable[[Doc], Kept]") -> Kept:
    """A value worked out from the Doc once and kept with it, in its user_data."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make(doc)
    return value


def doc_text(doc: "Doc") -> str:
    """The Doc's text, joined once: spaCy joins every token again each time `Doc.text` is read."""
    return _once_per_doc(doc, "storytrace_text", lambda d: d.text)


def subtree_span(token: "Token") -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    while right.is_space and right.i > left.i:
        right = right.nbor(-1)
    return left.idx, right.idx + len(right.text)


def last_mark_end(sentence: "Span") -> int:
    """Where the sentence's last word or mark ends: the blank run after it may stand for a label
    blanked out for parsing ('A:', '10:04'), which is no part of the sentence."""
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return last.idx + len(last.text) if last is not None else sentence.end_char


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without surrounding blanks, commas, dashes, a leading 'that' or a sentence's
    opening 'But' (one that opens a quotation is the speaker's own word and stays)."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in ",;:–—-" or
                               _unclosed_bracket(text, start, end)):
            start += 1
        start = past_dateline(text, start, end)  # 'LANFORD – A private college consultant paid ...'
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
            end -= 1
        match = re.match(rf"(?:{lx.LEADING_THAT}|whether)\s+", text[start:end], flags=re.IGNORECASE)
        opens_quote = start > 0 and text[start - 1] in "\"“„«‘"  # '"That figure is accurate," he said'
        if match and end - start > match.end() + 3 and not _called_so(text[start + match.end():end]) and not opens_quote:
            start += match.end()
        joined = SENTENCE_CONJUNCTION.match(text, start, end)
        if joined and not opens_quote and end - start > joined.end() - start + 3:
            start = joined.end()  # 'But the study was observational ..., the authors acknowledged': not said
        if (start, end) == before:
            return start, end


# A sentence's opening conjunction, which ties it to the sentence before and is no part of what was said.
SENTENCE_CONJUNCTION = re.compile(r"(?:But|And|Yet|However|Still)\b,?\s+")
CLOSING_BRACKETS = {"(": ")", "[": "]"}


def _unclosed_bracket(text: str, start: int, end: int) -> bool:
    """'("We have not signed," she said.)': the span opens with a bracket it does not close."""
    closing = CLOSING_BRACKETS.get(text[start])
    return closing is not None and closing not in text[start:end]


def _called_so(rest: str) -> bool:
    """'false', 'utterly baseless': all that follows a 'that' which is itself what is called so ('called that false')."""
    return re.fullmatch(rf"(?:\w+\s+)?(?:{FALSITY})", rest.strip(), flags=re.IGNORECASE) is not None


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
PHONED = frozenset("police 911 999 112 ambulance ambulances paramedics cops coastguard firefighters helpline hotline".split())
# Verbs that say what something is as ('described the plan as "comprehensive"', 'slammed the report as
# "inaccurate"'): a denial when that is false.
DESCRIBING_CUES = frozenset({"describe", "characterize", "characterise", "portray", "slam", "blast", "denounce",
                             "decry", "condemn", "criticise", "criticize"})
# Verbs that report only with an object and its phrase: 'puts the death toll at 14', 'attributed the cuts to ...';
# those that put a figure somewhere need a number in the phrase.
PHRASE_ONLY_CUES = frozenset({"put", "place", "peg", "give", "attribute", "revise"}) | DESCRIBING_CUES - {"describe"}
FIGURE_CUES = frozenset({"put", "place", "peg", "give", "revise"})
# What one gives when giving a figure: 'gave a higher toll of 52', 'gave the number as 40'.
GIVEN_FIGURES = frozenset("toll figure number estimate tally count total".split())
# Cues that with a to-infinitive tell of doing, not saying: 'will continue to steer the company', 'agreed to
# sell the club' ('he continued, "..."' and 'agreed that ...' report).
TOLD_PARTICIPLES = frozenset({"brief", "inform", "notify"})  # 'officials informed of the decision'
NEWSROOM_CUES = frozenset({"understand", "learn"})  # cues only for an outlet: see _outlet_reports
# Cues only with a clause they report ('analysts forecast that ...', 'the judge ruled that ...'), not
# 'temperatures forecast to stay high', 'signal CV41', 'hinted at the story', 'ruled on the appeal'.
CLAUSE_ONLY_CUES = frozenset({"forecast", "signal", "hint", "rule", "determine", "reckon"})
DOING_WITH_INFINITIVE = frozenset({"continue", "go on", "agree"})


def cue_lemma(token: "Token") -> str | None:
    """The cue a token stands for ('point out' for pointed ... out), or None."""
    if token.pos_ not in ("VERB", "AUX") and not _reads_out(token) and not _verb_taken_for_a_noun(token) or \
            token.dep_ == "pobj" or \
            token.dep_ in ("dobj", "nsubj") and token.tag_ in ("VBZ", "NNS") and token.head.pos_ == "VERB":
        return None  # 'dismissed as speculation reports that', 'notes reports that': a noun
    if any(c.dep_ == "nsubj" and c.tag_ == "VBZ" and c.lemma_.lower() in lx.REPORTING_CUES for c in token.children):
        return None  # 'Brightcoat notes | reports that ...' parsed with the verb 'notes' as the subject of 'reports'
    lemma = token.lemma_.lower()
    if any(c.dep_ == "dobj" and c.lower_ == "anonymity" for c in token.children):
        return None  # 'who requested anonymity to discuss private conversations': the sourcing formula
    if _participle_before_its_nouns_verb(token):
        return None  # 'the concentration found was 0.5 nanograms', 'what he said was true': said of a thing
    if token.dep_ == "acl" and lemma in TOLD_PARTICIPLES and token.tag_ != "VBG":
        return None  # 'people briefed on the plans said': the ones told, whatever tag the participle got
    if lemma in CALLING_CUES:  # 'calls that account false': a denial; 'called the mayor a friend' is none
        if lemma == "call" and _requested_thing(doc_text(token.doc), token) is not None:
            return "call for"
        if lemma == "call" and _asked_of_someone(token, ("on", "upon")) is not None:
            return "call on"  # 'called on Congress to investigate the sell-offs'
        called = _called_false(doc_text(token.doc), token) or _called_in_quotes(doc_text(token.doc), token)
        return lemma if called is not None else None
    if lemma == "plead" and any(c.lower_ == "guilty" for c in token.children):
        guilty = next(c for c in token.children if c.lower_ == "guilty")
        return "plead not guilty" if any(c.dep_ == "neg" for c in [*guilty.children, *token.children]) else "plead guilty"
    if lemma == "appeal" and _asked_of_someone(token, ("to",)) is not None:
        return "appeal to"  # 'appealed to residents to stay indoors'
    if lemma in TALKING_CUES and _talked_about(doc_text(token.doc), token) is not None:
        return f"{lemma} about"
    if lemma in WANTING_CUES:
        return lemma if _wanted_of_someone(token) is not None else None
    if lemma == "put" and _as_put_it(token):
        return "put it"
    if lemma == "read" and token.i + 1 < len(token.doc) and token.nbor(1).text == ":":
        return lemma  # 'the email, which reads: ...': what follows is the text
    if lemma == "read" and any(c.dep_ == "nsubj" and c.i > token.i and c.lemma_.lower() in lx.DOCUMENT_HEADS
                               for c in token.children):
        return lemma  # '"The depot will close in June," reads the letter
    if _claims_innocence(token):
        return "deny"  # 'Doyle has maintained his innocence': a denial of what he is accused of
    if lemma in DOUBTING_VERBS and any(c.dep_ == "ccomp" and _opens_with_question_word(c) for c in token.children):
        return None  # 'questioned how the contest was scored': a question raised, no claim doubted
    if lemma in ENDORSING_VERBS:  # 'backed the mayor's account': a confirmation; 'backed the plan' is none
        return "confirm" if _endorsed_claim(token) is not None else None
    if lemma in NEWSROOM_CUES:
        return lemma if _outlet_reports(token) else None
    if lemma in CLAUSE_ONLY_CUES and (not any(c.dep_ == "ccomp" and not _asks_whether(c) for c in token.children)
                                      or _noun_after_that(token)):
        return None  # 'temperatures forecast to stay above 100 degrees': the forecast thing, not a forecaster
    if lemma in PHRASE_ONLY_CUES:
        found = _object_and_phrase(token)
        if found is None or found[1] is None:
            return None
        if lemma in FIGURE_CUES and not any(t.like_num for t in found[1].subtree):
            return None  # 'placed him at the scene': a place, not a figure
        if lemma in ("give", "revise") and found[0].lemma_.lower() not in GIVEN_FIGURES:
            return None  # 'gave a speech at 10 Downing Street
        return lemma
    idiom = doubting_idiom(token)
    if idiom is not None:
        return lx.DOUBTING_IDIOMS[(lemma, idiom.lemma_.lower())]
    if lemma == "downplay":
        return lemma
    if lemma == "hear":  # 'The jury heard that ...', 'the inquest heard the pilot had flown for 14 hours'
        return lemma if _hearing_told(token) else None
    if lemma not in lx.REPORTING_CUES and lemma not in _PHRASAL_HEADS:
        return None
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "back"
                     or _particle_read_as_preposition(token, c)), None)
    if particle and (lemma, particle) in lx.PHRASAL_CUES:
        return f"{lemma} {particle}"
    if lemma not in lx.REPORTING_CUES or (particle and lemma in ("call", "show", "point", "add", "rule")) or \
            (lemma == "write" and particle in ("up", "off", "down")):  # 'inspectors wrote up the stall': cited it
        return None
    return lemma


DOUBTING_VERBS = frozenset("question challenge contest doubt".split())


def _participle_before_its_nouns_verb(token: "Token") -> bool:
    """A past form between a noun phrase and a finite 'be' ('the amount detected | was tiny'): it
    describes that noun, whose verb 'be' is. Not when the noun phrase is the speaker in a relative
    clause that left out its subject ('which the agency stressed was not a finding', 'a form it said
    was signed', 'what he said was a report')."""
    doc = token.doc
    if token.tag_ not in ("VBD", "VBN") or token.i + 1 >= len(doc) or token.i == 0:
        return False
    following, noun = doc[token.i + 1], doc[token.i - 1]
    if following.lemma_ != "be" or following.tag_ not in ("VBD", "VBZ", "VBP") or noun.pos_ != "NOUN":
        return False
    start = noun.i
    while start > 0 and doc[start - 1].dep_ in ("det", "amod", "compound", "nummod", "poss", "case"):
        start -= 1
    before = doc[start - 1] if start > 0 else None
    return before is None or before.lower_ not in lx.RELATIVE_PRONOUNS | {"what"} and \
        before.pos_ not in ("NOUN", "PROPN", "PRON")


def _claims_innocence(token: "Token") -> bool:
    """'maintained his innocence', 'protested her innocence'."""
    return token.lemma_.lower() in ("maintain", "protest", "proclaim", "assert", "insist") and \
        any(c.dep_ == "dobj" and c.lower_ == "innocence" for c in token.children)


def _opens_with_question_word(clause: "Token") -> bool:
    """'how the contest was scored', 'why the alarm failed': a clause that asks."""
    first = clause.left_edge
    return first.lower_ in ("how", "why", "what", "when", "where", "who", "which", "whom")


# Verbs that side with a claim only when a claim is their object: 'backed the mayor's account', 'echoed the
# union's claim that ...', 'supported the finding'.
ENDORSING_VERBS = frozenset("back echo endorse support uphold".split())
ENDORSED_THINGS = lx.CLAIMED_THINGS - {"idea", "notion", "suggestion", "speculation", "rumour", "rumor"}


def _endorsed_claim(token: "Token") -> "Token | None":
    """The claim an endorsing verb takes as its object, if someone does endorse it: not in 'no evidence to
    support its allegations' (what is missing) nor 'No one backed the mayor's account'."""
    if _infinitive_of_a_noun(token) or any(c.dep_ in ("nsubj", "nsubjpass") and _names_nobody(c) for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i and c.lemma_.lower() in ENDORSED_THINGS),
                None)


def _infinitive_of_a_noun(token: "Token") -> bool:
    """'evidence to support its allegations': the verb only says what the noun would be for."""
    return token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _names_nobody(subject: "Token") -> bool:
    """'No one', 'nobody', 'no official', 'none of the experts': a subject that denies anyone did it."""
    return subject.lower_ in ("nobody", "none", "noone") or \
        any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


# Proceedings that hear evidence: what they heard was said there ('The inquest heard that ...').
HEARING_BODIES = frozenset("""jury jurors court inquest tribunal hearing inquiry trial magistrates coroner panel
committee""".split())


def _hearing_told(token: "Token") -> bool:
    """'The jury heard that Mr Doyle had sent 40 messages': a court, inquest or inquiry that heard a
    clause: evidence given there."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in HEARING_BODIES and \
        any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)


_IDIOM_VERBS = frozenset(verb for verb, _ in lx.DOUBTING_IDIOMS)


def doubting_idiom(token: "Token") -> "Token | None":
    """The object noun of an idiom of doubt the verb opens ('cast | doubt on reports that ...',
    'poured cold | water on claims that ...'), when something follows on or upon it."""
    lemma = token.lemma_.lower()
    if lemma not in _IDIOM_VERBS:
        return None
    noun = next((c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "advmod", "npadvmod")  # 'scorn' as an adverb
                 and (lemma, c.lemma_.lower()) in lx.DOUBTING_IDIOMS), None)
    if noun is None or _doubted(token, noun) is None:
        return None
    return noun


def _doubted(token: "Token", noun: "Token") -> "Token | None":
    """What an idiom of doubt is cast on: the object of 'on' or 'upon', hung on the verb or its noun."""
    prepositions = [c for c in (*token.children, *noun.children) if c.dep_ == "prep" and c.lower_ in ("on", "upon")]
    return next((o for p in prepositions for o in p.children if o.dep_ == "pobj"), None)


def _outlet_reports(token: "Token") -> bool:
    """'The BBC understands that ...', 'CNN has learned that ...': a news outlet telling what its
    unnamed sources told it; with anyone else as the subject these verbs report no speech."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.dep_ == "ccomp" for c in token.children) and _names_an_outlet(subject)


def _names_an_outlet(subject: "Token") -> bool:
    """Whether the subject phrase, articles aside, is a news outlet's name ('The BBC', 'Sky Sports News')."""
    words = [t for t in subject.subtree if t.dep_ != "det"]
    return bool(words) and gazetteer.outlet_name(" ".join(t.text for t in words)) is not None


def _asked_of_someone(token: "Token", prepositions: tuple[str, ...]) -> "Token | None":
    """The infinitive clause a cue asks for after naming whom it asks ('called on Congress [to
    investigate]', 'appealed to residents [to stay indoors]', 'pleaded with Congress [to give them
    more money]'), or None."""
    asked_of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > token.i), None)
    if asked_of is None:
        return None
    return next((c for c in token.children if c.dep_ in ("xcomp", "advcl") and c.i > asked_of.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 and not any(a.dep_ in SUBJECT_DEPS for a in c.children)), None)


def is_hypothetical(token: "Token") -> bool:
    """A cue in a wished-for, intended or conditional clause: 'requesting that Putin announce'."""
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in token.children) and not _can_confirm(token):
        return True
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return is_hypothetical(token.head.head)  # 'would you start by telling us ...?'
    head = token.head
    head_lemma = head.lemma_.lower()
    if _not_yet_done(token):
        return True
    if token.dep_ == "conj" and _asked_for_act(token.head):
        return True  # 'asked that you inspect the dam and | tell us what you find'
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("unless", "if", "until") for c in token.children):
        return True  # 'Unless the mayor says otherwise, ...', 'if anyone claims that ...': a condition, nothing said
    if token.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
        return True  # 'declined to say whether it had asked for a delay': a question, nothing said
    if _asked_for_act(token):
        return True
    if token.dep_ == "ccomp" and token.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in token.children):
        return head_lemma in ("want", "hope", "wish", "expect", "insist")
    if token.dep_ in ("xcomp", "ccomp") and head_lemma in ("want", "plan", "intend", "refuse", "decline", "hope",
                                                          "try", "ask", "urge", "request", "go"):
        return not _goes_on(head)  # 'is going to say' is yet to come; 'went on to say' is said
    return False


def _can_confirm(token: "Token") -> bool:
    """'Harwell United can confirm that ...', 'The Courier can reveal that ...', 'I can tell you that ...':
    a statement's way of saying it now, not a maybe ('could confirm', 'cannot confirm', 'Can you
    confirm ...?' stay unsaid)."""
    auxiliaries = [c for c in token.children if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX]
    return token.lemma_.lower() in PERFORMED_WITH_CAN and [a.lower_ for a in auxiliaries] == ["can"] \
        and auxiliaries[0].i < token.i and not any(c.dep_ == "neg" for c in token.children) \
        and not any(c.dep_ in SUBJECT_DEPS and (c.i > auxiliaries[0].i or c.lower_ in NOBODY) for c in token.children) \
        and not any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for c in token.children for m in c.children) \
        and not token.sent.text.rstrip().endswith("?")


def _asked_for_act(token: "Token") -> bool:
    """'requesting that Putin announce ...', 'We ask that you inspect the dam': a bare verb in what a
    request asks for."""
    return token.dep_ == "ccomp" and token.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in token.children) \
        and token.head.lemma_.lower() in lx.DIRECTIVE_CUES


def _not_yet_done(token: "Token") -> bool:
    """'has yet to confirm that ...', 'is yet to say', 'stopped short of confirming that ...', 'neither
    confirmed nor denied that ...': a speech act not (yet) made."""
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be"):
        return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
    if _neither_nor(token):
        return True
    return token.dep_ == "pcomp" and head.lower_ == "of" and head.head.lower_ == "short"


def _neither_nor(token: "Token") -> bool:
    """'neither confirmed nor denied that ...': both verbs of the pair."""
    first = token.head if token.dep_ == "conj" else token
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children) and \
        any(c.dep_ == "cc" and c.lower_ == "nor" for c in first.children)


def is_yes_no_question(token: "Token") -> bool:
    """A cue in a question asking whether something was said ('Did you inform the Authority that you
    were going to switch off withdrawals?', 'Did the minister say that the plant would close?'): it
    reports nothing said; so is one whose auxiliary comes before its subject after a transcript's label
    ('Mr Tobias Grint (Northfield) (Lab): Does my right hon. Friend agree that ...?')."""
    opening = next((c for c in token.children if c.dep_ == "aux" and c.i < token.i and
                    (c.is_sent_start or c.i > 0 and c.nbor(-1).is_sent_start and c.nbor(-1).is_punct)), None)
    if opening is None:
        auxiliary = next((c for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i), None)
        subject = max((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i), key=lambda c: c.i,
                       default=None)
        if auxiliary is None or subject is None or auxiliary.i > subject.left_edge.i:
            return False  # most cues: no auxiliary before their subject, and the sentence is never built
    return doc_text(token.doc)[:last_mark_end(token.sent)].rstrip().rstrip('"”’\'').endswith("?")


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
        if _outlet_was_told(token):
            return False  # 'Sky Sports News has been told the deal could be completed': the outlet reports it
        told_by = token.lemma_.lower() in TELLING_CUES  # 'was rejected by ClearPath' is no speech
        return not (told_by and any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in token.children))
    sentence_initial = token.i == token.sent.start or all(t.is_punct or t.is_space for t in token.doc[token.sent.start:token.i])
    return sentence_initial and not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _outlet_was_told(token: "Token") -> bool:
    """'Sky Sports News has been told that ...': a news outlet passing on what unnamed sources told it."""
    if token.lemma_.lower() not in ("tell", "inform", "brief") or any(c.dep_ == "agent" for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and any(c.dep_ == "ccomp" for c in token.children) and _names_an_outlet(subject)


def _ancestor_cue(token: "Token") -> "Token | None":
    """For a participle ('..., insisting that'): the speech act it continues, else the sentence's main verb."""
    current = token.head  # spaCy makes a new Token object on each access: compare positions, not objects
    for _ in range(10):
        if cue_lemma(current) and current.i != token.i:
            return _reporting_cue_of(current)
        if current.i == current.head.i:
            return current if current.i != token.i else None
        current = current.head
    return None


def _reporting_cue_of(cue: "Token") -> "Token":
    """The speech act whose content a deal's verb sits in ('denied that his client has agreed terms,
    insisting ...': the one insisting denied, the client agreed a deal, not words); a speech act
    inside another's content keeps its participle ('said a driver had warned ..., reporting that')."""
    while cue.lemma_.lower() in DEALING_CUES and any(c.dep_ == "dobj" for c in cue.children) and \
            cue.dep_ == "ccomp" and cue.head.i != cue.i and cue_lemma(cue.head):
        cue = cue.head
    return cue


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
    return _once_per_doc(doc, "storytrace_noun_chunks",
                         lambda d: [(chunk.start, chunk.end, chunk.root) for chunk in d.noun_chunks])


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
    """True when the words before a comma are an opening adverbial ('In October,', 'Later,', 'Last
    week,', 'Speaking to reporters,'), not the subject itself ('A statement on Apple's website, the
    homepage of which ..., states')."""
    if comma - start > 8 or any(t.pos_ in ("VERB",) and t.tag_ not in ("VBG", "VBN") for t in doc[start:comma]):
        return False
    first = doc[start]
    return first.pos_ in ("ADP", "ADV", "SCONJ", "CCONJ", "PART", "VERB", "AUX", "INTJ") or \
        first.ent_type_ in ("DATE", "TIME") or any(t.lower_ in TEMPORAL_NOUNS for t in doc[start:comma])


def _subject_taken_for_object(token: "Token") -> "Token | None":
    """'resigned two days after an audit found that ...': a clause of time whose subject the parser
    hung on 'after' as its object, leaving the cue no subject (the main clause's would speak)."""
    if token.dep_ != "advcl" or token.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return None
    last = token.doc[token.i - 1]
    noun = next((t for t in (last, *last.ancestors) if t.dep_ == "pobj" and t.right_edge.i == last.i), None)
    if noun is not None and noun.head.lower_ in TIME_OPENERS and noun.head.i < token.i and \
            noun.ent_type_ not in ("DATE", "TIME"):  # 'shared ... since Sunday claims that': a day says nothing
        return noun
    return None


TIME_OPENERS = frozenset("after before until till since once when as".split())


def subject_of(doc: "Doc", token: "Token", quoted: "Callable[[int], bool]" = lambda _: False) -> "Token | None":
    """Who performs the cue: its own subject, or one inherited through coordination or a participle; never
    the bracketed party after a name ('MK Simcha Rothman (Religious Zionism) said')."""
    found = _subject_of(doc, token, quoted)
    return _name_before_brackets(found) if found is not None else None


def _name_before_brackets(subject: "Token") -> "Token":
    """The name a bracketed affiliation follows, when the parser took what is in the brackets for the subject."""
    doc = subject.doc
    words = [t for t in subject.subtree if not t.is_punct] or [subject]
    opening, closing = words[0].i - 1, words[-1].i + 1
    if opening >= 1 and doc[opening].text == "(" and doc[opening - 1].pos_ == "PROPN" and \
            closing < len(doc) and doc[closing].text == ")":
        return doc[opening - 1]
    return subject


def _subject_of(doc: "Doc", token: "Token", quoted: "Callable[[int], bool]" = lambda _: False) -> "Token | None":
    """See `subject_of`. Subjects inside quotations are the parser's mistakes ('"The enemy attacked ...," the
    air force said')."""
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
    if token.dep_ == "conj" and token.head.dep_ == "ccomp" and _the_speakers_next_act(token, token.head.head) and \
            not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return subject_of(doc, token.head.head, quoted)  # 'The union said the plant was unsafe and urged ...'
    stranded = _subject_taken_for_object(token)
    if stranded is not None and not quoted(stranded.idx):
        return stranded
    current = token
    for _ in range(6):
        if current.i != token.i and quoted(current.idx) and not quoted(token.idx) and current.head.i != current.i:
            current = current.head  # 'said the review "has no power to make anyone tell" and called on ...'
            continue
        if current.i != token.i and token.dep_ == "conj" and _comparison_clause(current):
            outer = _ancestor_cue(current)  # 'said the vote was held as the rules require and accused the board'
            if outer is not None and outer.i != token.i:
                return subject_of(doc, outer, quoted)
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj") and not quoted(c.idx)
                    and not _how_often(c)]
        if subjects:  # two subjects are a parse error; the clause's real subject comes first
            left = [c for c in subjects if c.i < current.i]
            nearest = max(left, key=lambda c: c.i, default=None)
            named = [c for c in left if c.lower_ not in lx.RELATIVE_PRONOUNS]
            if named and len(named) < len(left):  # 'cuts, which the Republicans insisted reach parity': 'which' is said
                return named[-1]
            if len(left) > 1 and nearest.right_edge.i + 1 == current.i and doc[nearest.left_edge.i - 1].text == ",":
                return nearest  # '<clause>, the agency said': the attribution after the comma
            if len(left) == 2 and nearest.pos_ == "PROPN" and nearest.left_edge.i == min(c.i for c in left) + 1:
                return nearest  # 'American automobile manufacturer | General Motors announced': the name
            first = min(left, key=lambda c: c.i) if left else min(subjects, key=lambda c: c.i)
            return _noun_before_participle(first) or _past_a_vocative(first) or first
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
    inverted = _inverted_participle(token)
    if inverted is not None and not quoted(inverted[1].idx):
        return inverted[1]
    named = _name_taken_for_an_adverb(token)
    if named is not None and not quoted(named.idx):
        return named
    noun = _subject_taken_for_a_compound(token)
    if noun is not None and not quoted(noun.idx):
        return noun
    subject = _textual_subject(doc, token)
    return subject if subject is not None and not quoted(subject.idx) else None


ADDRESS_WORDS = lx.ROLE_NOUNS | frozenset("sir madam madame ma'am".split())


def _past_a_vocative(subject: "Token") -> "Token | None":
    """The subject after a form of address the parser took for it ('Minister, | the nurses' union says
    ...', 'Mr President, | your own advisers say ...'): the apposition that runs into the verb without
    a closing comma ('Smith, the company's chief executive, said' is Smith)."""
    doc = subject.doc
    if subject.i + 1 >= len(doc) or doc[subject.i + 1].text != "," or not _form_of_address(subject) or \
            subject.left_edge.i != _sentence_opening(subject.sent).i:
        return None
    apposition = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    if apposition is None:  # 'Ms Voss, | the Tidewater Times has reported': read as a second subject
        apposition = next((c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass") and
                           subject.i + 1 < c.left_edge.i and c.i < subject.head.i), None)
    if apposition is None or not _runs_into(apposition, subject.head):
        return None
    return apposition


def _runs_into(noun: "Token", verb: "Token") -> bool:
    """Whether nothing but auxiliaries stand between a noun phrase and its verb (no closing comma)."""
    between = noun.doc[noun.right_edge.i + 1:verb.i]
    return all(t.dep_ in ("aux", "auxpass", "neg") for t in between)


def _sentence_opening(sentence: "Span") -> "Token":
    """The sentence's first word, past a speaker's label that opens a transcript's turn ('MS HALL: | Ms Voss, ...')."""
    words = [t for t in sentence[:8] if not t.is_space]
    label_end = next((i for i, t in enumerate(words[:6]) if t.text == ":"), None)
    if label_end is not None and label_end + 1 < len(words) and all(t.pos_ == "PROPN" for t in words[:label_end]):
        return words[label_end + 1]
    return words[0] if words else sentence[0]


def _form_of_address(subject: "Token") -> bool:
    """A role ('Minister', 'Mr President') or a name with its title ('Ms Whitcombe'): how one addresses someone."""
    titled = subject.pos_ == "PROPN" and subject.left_edge.lower_.rstrip(".") in names.HONORIFICS
    return subject.lower_ in ADDRESS_WORDS or titled


def _noun_before_participle(subject: "Token") -> "Token | None":
    """The noun a participle describes where the parser read the two as a clause ('Results | received on
    2 May show that ...': the results show it, not 'received on 2 May'); else None."""
    if subject.dep_ != "csubj" or subject.tag_ not in ("VBD", "VBN"):
        return None
    noun = next((c for c in subject.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < subject.i), None)
    return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i + 1 == subject.i else None


QUANTIFIERS = frozenset("several many few some each every numerous countless multiple".split())


def _how_often(subject: "Token") -> bool:
    """'and several times described what he expected': a span of time or count of occasions the
    parser took for the subject, not someone who speaks."""
    return subject.lemma_.lower() in TEMPORAL_NOUNS and any(
        c.dep_ in ("amod", "det", "nummod") and (c.lower_ in QUANTIFIERS or c.like_num) for c in subject.children)


def _comparison_clause(verb: "Token") -> bool:
    """'as the rules require', 'as the law allows': a clause of comparison; a verb the parser
    coordinated with its verb ('... as state law requires and accused Rourke') continues the
    sentence around it, not the comparison, whose subject (a law, the rules) speaks for no one."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _inverted_participle(token: "Token") -> "tuple[Token, Token] | None":
    """'"...," said analyst Chris Weafer commenting on the decision': the parser made the name after
    'said' the subject of the participle after it. (participle, name): the one who said is that name,
    and the participle's clause is no content of the saying."""
    if token.lemma_ != "say" or any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return None
    for clause in token.rights:
        if clause.tag_ == "VBG" and clause.dep_ in ("ccomp", "xcomp", "advcl") and \
                not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            name = next((c for c in clause.lefts
                         if c.dep_ == "nsubj" and c.i > token.i and c.pos_ in ("PROPN", "NOUN")), None)
            return (clause, name) if name is not None else None
    return None


def _name_taken_for_an_adverb(token: "Token") -> "Token | None":
    """'Swiftly, which says 12,000 people drive for it, argues that ...': a name the parser read as an
    adverb, set off by a relative clause, is the subject the verb otherwise lacks."""
    for child in token.lefts:
        if child.dep_ == "advmod" and child.i == child.sent.start and child.text[:1].isupper() and \
                any(c.dep_ == "relcl" for c in child.children):
            return child
    return None


def _subject_taken_for_a_compound(token: "Token") -> "Token | None":
    """'The vote was 7-2, | council minutes show': the noun right before a trailing cue, which the parser
    hung on the cue as part of a name; 'The harbour office disputes that.': the noun phrase before a
    verb taken for a plural noun."""
    doc = token.doc
    noun = doc[token.i - 1] if token.i else None
    if noun is None or noun.head.i != token.i or noun.dep_ != "compound" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if _verb_taken_for_a_noun(token):
        return noun
    return noun if noun.left_edge.i > 0 and doc[noun.left_edge.i - 1].text == "," else None


POINTED_CUE = re.compile(r"\b([a-z]+s)\s+(?:that|this|it)\s*[.;!?]")  # where _verb_taken_for_a_noun may hold


def _verb_taken_for_a_noun(token: "Token") -> bool:
    """'The harbour office disputes that.': a sentence's head the parser tagged a plural noun, made of a
    noun phrase and a cue's -s form with a pointer after it, is the cue."""
    doc = token.doc
    return token.tag_ == "NNS" and token.dep_ == "ROOT" and token.lemma_.lower() in lx.REPORTING_CUES and \
        token.i > 0 and doc[token.i - 1].dep_ in ("compound", "nsubj") and doc[token.i - 1].head.i == token.i and \
        doc[token.i - 1].pos_ in ("NOUN", "PROPN") and \
        token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("that", "this", "it") and doc[token.i + 2].is_punct


QUOTING_VERBS = frozenset({"quote", "cite"})


def _quoted_as_saying(token: "Token") -> "Token | None":
    """'quoted Councilmember Dalia Arvanitis as saying that ...', 'cited officials as saying ...': the
    one quoted speaks, not the outlet that quotes them."""
    if token.tag_ != "VBG" or token.head.lower_ != "as" or token.head.dep_ != "prep":
        return None
    holder = token.head.head
    if holder.pos_ in ("PROPN", "NOUN"):  # the parser may hang 'as' on the name itself
        quoting = next((t for t in token.doc[holder.i + 1:token.head.i] if t.pos_ == "VERB" and
                        t.lemma_.lower() in QUOTING_VERBS and any(c.dep_ == "dobj" for c in t.children)), None)
        if quoting is None:
            return holder
        holder = quoting  # 'TASS quoted Lavrov as saying', 'as' hung on the agency the clause describes
    quoted = [c for c in holder.children if c.dep_ == "dobj" and c.i < token.i]  # 'quoted Arvanitis as saying'
    quoted += [c for c in holder.children if c.dep_ == "nsubjpass"]  # 'he was quoted by the Herald as saying'
    return quoted[0] if quoted else None


def _noun_after_that(token: "Token") -> bool:
    """'reported that signal CV41 had changed': a noun the tagger made a verb, right after 'that' and
    with no subject of its own."""
    return token.i > 0 and token.nbor(-1).lower_ == "that" and \
        (token.tag_ in ("VB", "VBP") or not any(c.dep_ in SUBJECT_DEPS for c in token.children))


def _particle_read_as_preposition(verb: "Token", word: "Token") -> bool:
    """'laughed off | the suggestion', 'waved away the report': a phrasal cue's particle the parser made
    a preposition."""
    return word.dep_ == "prep" and word.i == verb.i + 1 and word.lower_ in ("off", "away", "down") and \
        (verb.lemma_.lower(), word.lower_) in lx.PHRASAL_CUES


def _asks_whether(clause: "Token") -> bool:
    """'to determine whether the move should be approved': a question, not what was found."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


SAID_OR_CLAIMED = lx.SAID_NOUNS | lx.CLAIMED_THINGS


def _said_noun_misread(clause: "Token") -> bool:
    """'repeated that account to lawmakers': a noun for something said that the tagger made a verb
    with 'that' for its subject; a reference to what was said, not a clause."""
    return clause.lemma_.lower() in SAID_OR_CLAIMED and clause.i > 0 and \
        clause.nbor(-1).lower_ in ("that", "this", "his", "her", "its", "their") and clause.nbor(-1).dep_ in SUBJECT_DEPS


def _only_that(that: "Token") -> bool:
    """', only that the two are associated': the clause before the source goes on, shortened; not the
    source's own clause."""
    return that.lower_ == "that" and that.i >= 2 and that.doc[that.i - 1].lower_ in ("only", "merely", "just", "simply") \
        and that.doc[that.i - 2].text == ","


def _clause_children(token: "Token") -> list["Token"]:
    clauses = []
    inverted = _inverted_participle(token)
    opener = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in ("that", "whether")), None)
    for child in token.children:
        if inverted is not None and child.i == inverted[0].i:
            continue
        if opener is not None and child.i < opener.i:
            # 'The Times reported, citing two officials, that engineers had warned ...': a verb that
            # opens with 'that' is itself reported; the parser hung the report on it backwards
            continue
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "parataxis" and child.i < token.i):
            if child.dep_ == "ccomp" and child.i > token.i and (_opened_as_a_time(child) or _said_noun_misread(child)):
                continue  # '..., fishermen said, a day after the owner said ...': when, not what
            clauses.append(child)
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") and not _only_that(m)
                                           for m in child.children):
            clauses.append(child)
    return [c for c in clauses if c.pos_ in ("VERB", "AUX") or any(g.dep_ in SUBJECT_DEPS for g in c.children)]


TIME_MARKS = frozenset("after before since until while when once because as".split())
OTHER_SPEAKERS_TIME_MARKS = TIME_MARKS - {"as", "because"}  # '..., after a union said ...': not 'as engineers had predicted'


def _opened_as_a_time(clause: "Token") -> bool:
    """A clause the parser hung on a cue as what was said that opens with a word of time or cause
    ('a day after the owner said ...', 'because the pumps failed'): an adverbial clause. Not one whose
    subject comes before that word ('said the atmosphere in the weeks before the launch had been tense')."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in TIME_MARKS and c.i < clause.i), None)
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return mark is not None and mark.i - clause.left_edge.i <= 3 and all(s.i > mark.i for s in subjects)


def _that_after(doc: "Doc", token: "Token") -> "Token | None":
    """'confirmed on Thursday that ...', 'told Jablinowitz that ...': the 'that' opening the content;
    an aside naming the source is passed over ('reported, citing sources familiar with the matter, that')."""
    sent_end = token.sent.end
    i, last = token.i + 1, token.i + 8
    while i < min(last, sent_end):
        word = doc[i]
        aside_end = _source_aside_end(doc, i)
        if aside_end is not None:
            last += aside_end - i + 1
            i = aside_end + 1
            continue
        if _only_that(word):
            return None  # '..., the authors cautioned, only that the two are associated': the clause before goes on
        if word.lower_ == "that" and word.dep_ in ("dobj", "nsubj") and word.head.dep_ == "relcl" and \
                word.head.head.i > token.i and any(t.text == "," for t in doc[token.i + 1:word.head.head.i]):
            return None  # '..., three people said, a deal that would create ...': a relative pronoun of the noun after
        taken = next((c for c in token.children if c.dep_ == "dobj" and token.i < c.i < word.i), None) \
            if word.lower_ == "that" and word.dep_ in ("dobj", "nsubj") and word.head.dep_ == "relcl" else None
        if taken is not None:
            # a relative pronoun of the cue's object: after 'said' the object is the content's subject the parser
            # misread ('said the circuit that crosses ... was inspected'), what evidence shows is its object ('found
            # severe corrosion in the bearings that carried its span'), and other cues report no clause
            return taken.left_edge if token.lemma_.lower() in SAYING_CUES | lx.EVIDENCE_CUES else None
        if word.lower_ == "that" and word.dep_ in ("mark", "dobj", "nsubj", "det") and i + 1 < len(doc):
            following = doc[i + 1]
            if word.dep_ == "dobj" and not list(word.children) and following.is_punct and following.text != ":":
                return None  # 'Campaigners dispute that.': a pronoun for what was just said, no clause
            if word.dep_ == "det" and following.pos_ == "NOUN" and not _opens_clause(doc, word, sent_end) or \
                    word.dep_ == "nsubj" and _said_noun_misread(word.head):
                return None  # 'confirmed that part of the story', 'repeated that account': a reference, not a clause
            return word
        if word.pos_ in ("VERB", "AUX") and word.dep_ == "acl" and word.tag_ in ("VBN", "VBG") and word.head.i > token.i:
            last += 4  # 'said in a statement posted on its website that ...': a participle describing a noun
        elif word.pos_ in ("VERB", "AUX") or word.text in (".", ";", "\"", "“", "”", ":"):
            return None
        i += 1
    return None


def _opens_clause(doc: "Doc", that: "Token", end: int) -> bool:
    """Whether a 'that' the parser took for a determiner opens a clause: its noun is no object and a
    finite verb follows before the next stop, comma or 'and' ('told the Ledger that liver test results
    for the drug were removed'; not 'confirmed that part of the story', 'wrote that rule into ...')."""
    if that.head.dep_ in ("dobj", "pobj", "attr", "appos", "conj"):
        return False
    for token in doc[that.i + 1:end]:
        if token.text in (".", ",", ";", ":", "\"", "“", "”") or token.pos_ == "CCONJ":
            return False
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def is_citing(token: "Token") -> bool:
    """'citing', 'quoting': the participle that names where a report comes from."""
    return token.tag_ == "VBG" and token.lemma_.lower() in ("cite", "quote")


def opens_source_aside(doc: "Doc", i: int) -> bool:
    """Whether token `i` is the comma opening an aside that names a source (', citing two officials')."""
    return doc[i].text == "," and i + 1 < len(doc) and is_citing(doc[i + 1])


def _source_aside_end(doc: "Doc", i: int) -> int | None:
    """The closing comma of an aside naming a source that opens at token `i` (', citing two officials,'
    ', quoting a company document,'), or None."""
    if not opens_source_aside(doc, i):
        return None
    return next((j for j in range(i + 2, min(i + 16, doc[i].sent.end)) if doc[j].text == ","), None)


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
        if token.lemma_.lower() in NOTING_CUES and child.lemma_.lower() in lx.SAID_NOUNS:
            return None  # 'notes reports that the site will close': what others say, not the company's word
        for grandchild in child.children:
            if grandchild.dep_ in ("acl", "relcl", "ccomp", "appos") and grandchild.pos_ in ("VERB", "AUX"):
                marks = [m for m in grandchild.children if m.dep_ == "mark" and m.lower_ == "that"]
                own_subject = [s for s in grandchild.children
                               if s.dep_ in SUBJECT_DEPS and s.lower_ not in lx.RELATIVE_PRONOUNS]
                if marks or (own_subject and grandchild.left_edge.lower_ == "that"):
                    return grandchild
                if telling and grandchild.dep_ == "relcl" and own_subject and own_subject[0].i == child.i + 1:
                    return grandchild
        if child.lemma_.lower() in lx.SAID_NOUNS:
            found = _clause_past_an_aside(token, child)
            if found is not None:
                return found
    return _told_past_a_place(token) if telling else None


def _told_past_a_place(token: "Token") -> "Token | None":
    """After a verb of telling, a clause with a subject of its own opened by 'that', which the parser took
    for a relative clause of the noun in a phrase between ('told MPs on the environment committee that
    spills had fallen'); None when 'that' is the clause's subject ('... the committee that oversees ...')."""
    hearers = [c for c in token.children if c.dep_ == "dobj"]
    phrases = [p for holder in (token, *hearers) for p in holder.children if p.dep_ == "prep" and p.i > token.i]
    for noun in (o for p in phrases for o in p.children if o.dep_ == "pobj"):
        for clause in noun.children:
            if clause.dep_ == "relcl" and clause.pos_ in ("VERB", "AUX") and clause.left_edge.lower_ == "that" and \
                    any(s.dep_ in SUBJECT_DEPS and s.lower_ not in lx.RELATIVE_PRONOUNS for s in clause.children):
                return clause
    return None


def _clause_past_an_aside(token: "Token", claim: "Token") -> "Token | None":
    """'rejected claims, first reported by the Sentinel, that a farmer had warned ...': the claim's
    that-clause, which the parser hung on the participle set off between them."""
    for aside in [*claim.children, *token.children]:
        if aside.dep_ not in ("acl", "advcl") or aside.tag_ != "VBN" or aside.i <= claim.i:
            continue
        for inner in aside.children:
            if inner.dep_ == "ccomp" and inner.i > aside.i and \
                    any(m.dep_ == "mark" and m.lower_ == "that" for m in inner.children):
                return inner
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


NOTING_CUES = frozenset({"note", "mention"})  # cues that only take note of what others say ('notes reports that ...')


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
        if any(_finite_verb_taken_for_a_participle(child, verb) for verb in verbs):
            return child
    return None


def _finite_verb_taken_for_a_participle(noun: "Token", verb: "Token") -> bool:
    """'said the trust expected to recruit enough consultants': a past verb right after the object that
    goes on to its own complement, with no agent, is the clause's verb, not a participle of the noun."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.i == noun.i + 1 and \
        any(c.dep_ == "det" for c in noun.children) and \
        any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


# Verbs whose object and the phrase after it state a claim without a clause: who is to blame and
# for what ('blamed a software update for the outage'), a cause ('attributed the cuts to ...'), where
# a figure stands ('put the death toll at 14'), what something is as ('described the plan as a
# giveaway', 'cited its success as a source of pride'). One blamed is a claim already ('officials
# blamed a software update'); one accused is not.
OBJECT_PHRASE_CUES = {"blame": ("for", "on"), "accuse": ("of",), "attribute": ("to",), "estimate": ("at",),
                      "put": ("at",), "place": ("at",), "peg": ("at",), "give": ("of", "as", "at"), "cite": ("as",),
                      "revise": ("to",),
                      **{lemma: ("as",) for lemma in DESCRIBING_CUES}}
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
    if phrase is None and lemma in FIGURE_CUES:  # 'put the figure closer to 60', 'put the toll above 100'
        phrase = next((c for c in token.children if c.i > target.i and c.lower_ in FIGURE_BOUNDS), None)
    return target, phrase


# What puts a figure near a number, when no 'at' does ('put the figure | closer to 60').
FIGURE_BOUNDS = frozenset("closer nearer near higher lower above below over under around about".split())


def _what_is_called(token: "Token") -> tuple[int, int] | None:
    """The span after a calling verb from its object to what it is called ('that account false'),
    or None when the verb has no object ('called for an inquiry into false claims')."""
    rights = [c for c in token.rights if c.dep_ not in ("punct", "cc", "conj")]
    if not rights or rights[0].dep_ not in ("dobj", "ccomp", "oprd", "xcomp") or \
            (rights[0].dep_ == "xcomp" and any(c.dep_ == "aux" for c in rights[0].children)):
        return None  # 'called podcasting "..."' (a gerund read as a clause) is called so; 'called to say' is no calling
    if rights[0].lower_ in PHONED:
        return None  # 'had called police "within a minute"': a telephone call
    return rights[0].left_edge.idx, max(subtree_span(c)[1] for c in rights)


def _called_false(text: str, token: "Token") -> tuple[int, int] | None:
    """'calls that account false', 'called the claims baseless', 'branded the story a lie': what is
    called false and the word that calls it so, or None when nothing after the verb is called false."""
    span = _what_is_called(token)
    if span is None:
        return None
    start, end = span
    called = re.match(rf"\S.{{0,80}}?\s+[\"“‘']?(?:\w+\s+)?(?:{FALSITY})\b", text[start:end], re.IGNORECASE)  # '"fiction"'
    return (start, start + called.end()) if called else None


def _called_in_quotes(text: str, token: "Token") -> tuple[int, int] | None:
    """'has called it "a textbook case of favoritism to a single defense contractor"': what is called
    so, in the speaker's quoted words (a word of one's own, 'called the mayor a friend', is no
    statement)."""
    span = _what_is_called(token)
    if span is None:
        return None
    start, end = span
    quoted = re.search(r"[\"“][^\"“”]{12,}[\"”]", text[start:min(len(text), end + 2)])
    return (start, start + quoted.end()) if quoted else None


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


def _denied_thing(text: str, token: "Token") -> tuple[int, int] | None:
    """'denied any wrongdoing', 'denied responsibility for the attack', 'pleaded not guilty to fraud
    charges', 'denied the breach': a denial of what one is accused of or of a happening, named by a
    noun; not 'denied the permit' (refused it) nor 'denied the story' (a reference to what was said)."""
    if token.lemma_.lower() == "plead":
        guilty = next((c for c in token.children if c.lower_ == "guilty"), None)
        if guilty is None:
            return None
        charge = next((c for c in guilty.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        start = min([guilty.idx] + [c.idx for c in guilty.children if c.dep_ == "neg"])
        return trim_span(text, start, subtree_span(charge)[1] if charge is not None else guilty.idx + len(guilty.text))
    if token.lemma_.lower() != "deny" and not _claims_innocence(token):
        return None
    target = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if target is None or target.lemma_.lower() not in lx.DENIED_BY_NAME:
        return None
    return trim_span(text, *subtree_span(target))


ANNOUNCING_CUES = frozenset("announce unveil promise pledge forecast predict".split())
ANNOUNCED_MIN_WORDS = 5
CITED_MIN_WORDS = 3


def _announced_thing(text: str, token: "Token") -> tuple[int, int] | None:
    """'announced the injection of 44 billion dollars into the economy', 'promised 44,000 new jobs at
    300 suppliers', 'citing a shortage of pilots': an announcement or a reason given whose object
    tells something, not one that only names a thing ('unveiled the iPhone'), refers to what was
    said ('announced the decision') or names who said it ('citing officials')."""
    lemma = token.lemma_.lower()
    if lemma not in ANNOUNCING_CUES | {"cite"} or any(c.dep_ == "neg" for c in token.children):
        return None
    target = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if target is None or target.pos_ != "NOUN" or {target.lemma_.lower(), target.lower_} & (lx.SAID_NOUNS | lx.DOCUMENT_HEADS):
        return None  # 'data' is lemmatised 'datum'
    if lemma == "cite" and names_a_source(target):
        return None  # 'citing two sources familiar with the matter': who told, not what
    start, end = subtree_span(target)
    least = CITED_MIN_WORDS if lemma == "cite" else ANNOUNCED_MIN_WORDS
    return trim_span(text, start, end) if len(text[start:end].split()) >= least else None


REQUESTING_CUES = frozenset("call ask press push appeal plead".split())
REQUESTED_MIN_WORDS = 3


def _requested_thing(text: str, token: "Token") -> tuple[int, int] | None:
    """'called for a re-run of the bidding', 'asked the US government for an additional US$5 billion
    in aid': what was demanded or asked for, when it is a thing of some words ('called for calm'
    and 'asked for him' say too little)."""
    if token.lemma_.lower() not in REQUESTING_CUES or any(c.dep_ == "neg" for c in token.children):
        return None
    phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i), None)
    if phrase is not None and token.lemma_.lower() == "call" and \
            any(c.dep_ == "dobj" and c.i < phrase.i for c in token.children):
        return None  # 'called a news conference for 10:00': what was called, not a demand
    wanted = [c for c in phrase.children if c.dep_ == "pobj"] if phrase is not None else []
    if not wanted or wanted[-1].pos_ not in ("NOUN", "NUM"):  # 'a re-run' may come in three pieces; '$5 billion'
        return None
    start, end = wanted[0].left_edge.idx, max(subtree_span(w)[1] for w in wanted)
    return trim_span(text, start, end) if len(text[start:end].split()) >= REQUESTED_MIN_WORDS else None


# Verbs that say something only with what they are about: 'talked about the easiness for developers to
# port their apps', 'spoke of a new era for the company'.
TALKING_CUES = {"talk": ("about",), "speak": ("about", "of")}
TALKED_ABOUT_MIN_WORDS = 5


def _talked_about(text: str, token: "Token") -> tuple[int, int] | None:
    """What someone talked or spoke about, when it is a thing of some words ('spoke about the weather'
    and 'talked about it' say too little)."""
    if any(c.dep_ == "neg" for c in token.children):
        return None
    prepositions = TALKING_CUES.get(token.lemma_.lower(), ())
    phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > token.i), None)
    about = next((c for c in phrase.children if c.dep_ == "pobj"), None) if phrase is not None else None
    if about is None or about.pos_ != "NOUN":
        return None
    start, end = subtree_span(about)
    aside = next((t for t in about.subtree if t.i > about.i and t.text in ("–", "—", "(", ";")), None)
    if aside is not None:  # 'a very anticipated announcement – Podcasting': the words set off name it, no more
        end = aside.idx
    return trim_span(text, start, end) if len(text[start:end].split()) >= TALKED_ABOUT_MIN_WORDS else None


# Verbs that state a position when they want something of someone ('want Bush to reserve ...').
WANTING_CUES = frozenset({"want", "wish"})


def _wanted_of_someone(token: "Token") -> "Token | None":
    """The clause a speaker wants someone else to carry out ('want U.S. President Bush to reserve a
    portion of the bailout', 'wants the company to reopen the plant'), or None ('wants to win': a
    wish of one's own; 'does not want ...')."""
    if any(c.dep_ == "neg" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i
                 and any(g.dep_ == "nsubj" for g in c.children)
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _as_put_it(token: "Token") -> bool:
    """'As one analyst put it, the market has lost its nerve': 'put it' in a clause opened by 'as' and
    set before the clause it puts."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children) and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and \
        token.dep_ == "advcl" and token.i < token.head.i


def names_a_source(noun: "Token") -> bool:
    """A cited noun that is someone or something that tells ('sources', 'officials', 'engineers who
    said ...', 'a company document', a name), not a reason."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "PROPN" or lemma in lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS | lx.ROLE_NOUNS | lx.ORGANIZATION_HEADS | lx.DOCUMENT_HEADS \
        or noun.lower_ in lx.ANONYMOUS_HEADS | lx.PERSON_GROUP_HEADS \
        or any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.lefts) for c in noun.children)


def _subject_led_verb_before(head: "Token") -> "Token | None":
    """A word with a subject of its own that the parser hung in front of a noun as a modifier ('its
    offer undercut | Brennock's', tagged a verb or an adjective): the sign of a clause read as a noun
    phrase, since no modifier of a noun takes a subject."""
    return next((c for c in head.lefts if any(g.dep_ in SUBJECT_DEPS for g in c.lefts)), None)


def _beyond_semicolon(doc: "Doc", token: "Token", clause: "Token") -> bool:
    """A clause after the cue that a semicolon parts from it ('..., the county said; none has
    died'): another sentence in all but the full stop."""
    return clause.i > token.i and any(doc[i].text == ";" for i in range(token.i + 1, clause.left_edge.i))


# A phrase that names a source, never what a cue after it says ('According to Netanyahu, Putin agreed ...').
SOURCE_OPENING = re.compile(r"(?:according\s+to|citing|quoting|per)\b", re.IGNORECASE)


def _run_on_trailing_source(doc: "Doc", text: str, token: "Token") -> tuple["Token", tuple[int, int]] | None:
    """'Kellow council will close three libraries, the council's finance chief, Amir Shah, said on Monday':
    a trailing source the parser made the object of the clause before, its 'said' a verb joined to that
    clause with no subject. The speaker is the phrase between the commas (with its appositions), what
    was said the clause before it."""
    if token.dep_ != "conj" or token.i < 3 or doc[token.i - 1].text != "," or \
            any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.children) or \
            any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in doc[token.i + 1:token.sent.end] if t.dep_ != "pobj"
                and t.head.i != token.i and t.head.dep_ != "prep"):
        return None
    sentence_start = token.sent.start
    end = token.i - 1  # the comma before the cue
    start = end
    while True:
        comma = next((k for k in range(start - 1, max(sentence_start, start - 12) - 1, -1) if doc[k].text == ","), None)
        if comma is None:
            return None
        chunk = doc[comma + 1:start]
        roots = [t for t in chunk if not comma < t.head.i < start]
        if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
            return None
        start = comma
        if roots[0].dep_ != "appos" or not comma > sentence_start:
            break
    head = roots[0]
    if head.dep_ not in ("dobj", "conj", "npadvmod", "appos") or not (head.lemma_.lower() in lx.ROLE_NOUNS or
                                                                      head.pos_ == "PROPN" or
                                                                      any(t.lemma_.lower() in lx.ROLE_NOUNS for t in chunk)):
        return None
    span = trim_span(text, doc[sentence_start].idx, doc[start].idx)
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sentence_start:start]) or content_words(text, *span) < 3:
        return None
    return head, span


def _trailing_source_read_as_modifier(doc: "Doc", text: str, token: "Token") -> tuple["Token", tuple[int, int]] | None:
    """'... was "closer than ever", Channel 12 News reported on Saturday night': a trailing source the parser
    made a noun of the clause before, its cue a participle describing that noun. The speaker is the name
    after the comma, what was said the clause before it."""
    head = token.head
    first = next((t for t in head.subtree if not t.is_punct), head)  # the parser may hang a closing quote on it
    if token.dep_ != "acl" or token.tag_ not in ("VBD", "VBN") or head.i >= token.i or head.pos_ != "PROPN" or \
            first.i < 2 or doc[first.i - 1].text != "," or \
            any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj", "nsubjpass") for c in token.children) or \
            any(t.dep_ not in ("prep", "pobj", "npadvmod", "compound", "det", "amod", "nummod", "punct")
                for t in doc[token.i + 1:token.sent.end] if not t.is_space):
        return None
    comma = doc[first.i - 1]
    span = trim_span(text, token.sent.start_char, comma.idx)
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[token.sent.start:comma.i]) or content_words(text, *span) < 3:
        return None
    return head, span


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
    if any(t.head.i == token.i and t.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
           for t in before):
        return None  # 'To help complement the video section, Apple and ABC have agreed ...': the act's purpose
    span = trim_span(text, sentence.start_char, doc[subject.left_edge.i - 1].idx)
    if SOURCE_OPENING.match(text, span[0]):
        return None  # 'According to Netanyahu, | Putin agreed to the request': who tells it, not what was said
    return span if content_words(text, *span) >= 3 else None


TAKING_SIDES = lx.DENIAL_CUES | lx.CONFIRMATION_CUES
RECORD_CUES = TAKING_SIDES | {"cite"}  # cues whose object may be a record of what someone said or found
NEXT_ACT_HEADS = lx.REPORTING_CUES | {"call", "appeal"}  # the verbs of ASKING_OF_SOMEONE and TAKING_SIDES cues


# What a source does to its own words afterwards ('said 12 people had died but later revised the toll to 15').
REVISING_VERBS = frozenset("revise correct amend update change raise lower reverse retract withdraw".split())
AFTERWARDS = frozenset("later then subsequently since afterwards".split())


def _the_speakers_next_act(later: "Token", cue: "Token") -> bool:
    """A cue coordinated inside what another cue reports that is the same speaker's next act: an appeal
    ('said the plant was unsafe and urged the state to close it'), a side taken after a side taken
    ('acknowledged that some records were incomplete but denied that any data had been falsified'), or
    what is said after a side taken ('acknowledged mistakes had been made but said ...')."""
    if later.lemma_.lower() in REVISING_VERBS:
        return cue_lemma(later) is not None  # 'said 12 people had died but later revised the toll to 15'
    if later.lemma_.lower() not in NEXT_ACT_HEADS:
        return False  # the cheap test first: most coordinated verbs are no cue
    lemma, outer = cue_lemma(later), cue_lemma(cue)
    if outer is None or lemma is None:
        return False
    return lemma in ASKING_OF_SOMEONE or (lemma.split()[0] in TAKING_SIDES and outer.split()[0] in TAKING_SIDES) or \
        (lemma in SAYING_CUES and outer.split()[0] in TAKING_SIDES and _but_before(later)) or \
        (lemma.split()[0] in TAKING_SIDES and outer in SAYING_CUES and _but_before(later) and _answers_a_claim(later))


def _answers_a_claim(verb: "Token") -> bool:
    """'said hackers had accessed a database, | but disputed a researcher's estimate that ...': a side
    taken, after a comma, on someone's claim, which the reported clause's own subject is not answering."""
    return verb.i >= 2 and verb.doc[verb.i - 2].text == "," and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lx.CLAIMED_THINGS and
        any(g.dep_ in ("poss", "acl", "relcl") or g.lower_ == "that" for g in c.subtree if g.i != c.i)
        for c in verb.children)


def _but_before(verb: "Token") -> bool:
    """'acknowledged mistakes had been made | but said the project would go ahead': a 'but' joins it."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "but" and verb.doc[verb.i - 1].dep_ == "cc"


# ', a day after ...', ', hours before ...': when a report's source spoke, set after what it said
TIME_OF_SAYING = re.compile(r",\s+(?:(?:a|one|two|three|four|five|several|just|only|barely|some)\s+)?(?:day|days|hours?|"
                            r"weeks?|months?|minutes?)\s+(?:after|before)\s|,\s+(?:shortly|soon|just|moments)\s+"
                            r"(?:after|before)\s|,\s+the\s+day\s+(?:after|before)\s", re.IGNORECASE)


def _told_in_the_present(cue: "Token") -> bool:
    """Whether what the cue reports is told in the present or future ('denied that it plans ...'), so a
    later past event timed against it ('..., a day after the FT reported') dates the saying, not it;
    'said the man died, two days after he was shot' times what was said."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    return clause is not None and (clause.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("MD", "VBZ", "VBP") for c in clause.children))


def _trailing_cuts(doc: "Doc", token: "Token", start: int, end: int) -> list[int]:
    """Offsets where a forward content stops before the sentence does.

    The main clause of a sentence the cue sits in a phrase of ('In response to critics saying that
    ..., Jobs said ...'); the cue's own later conjuncts and adverbial clauses; a later participle cue ('..., suggesting
    that'); a predicate coordinated after a comma with no subject of its own ('..., and reaffirmed'),
    or with a clause of comparison ('... as state law requires and accused Rourke'); the speaker's own
    refusal or appeal ('... vigorously and declined to comment further', '... and called on the minister
    to ...'); and a trailing attribution ('..., the journalist recounted.')."""
    cuts = []
    timed = TIME_OF_SAYING.search(doc_text(doc), start, end)
    if timed is not None and _told_in_the_present(token):
        cuts.append(timed.start())  # 'denied that it plans to ..., a day after the FT reported': when it denied
    main = _verb_above_phrase(token) or _main_after_subordinate(token)  # 'In response to critics saying that ...,
    # Jobs said', 'Although Gallois said he hoped ..., the unions were displeased': the sentence's own clause
    subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.idx > start), None) if main else None
    if subject is not None:
        cuts.append(subject.left_edge.idx)
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
        elif later.dep_ == "acl" and cue_lemma(later) and \
                (trailing := _trailing_source_read_as_modifier(doc, doc_text(doc), later)) is not None:
            cuts.append(trailing[1][1])  # '... "closer than ever", Channel 12 News reported on Saturday night'
        elif later.tag_ == "VBG" and cue_lemma(later) and (comma := _absolute_speaker_comma(later)) is not None and \
                comma.idx > start:  # '..., Boeing saying that ...': another clause's speaker
            cuts.append(comma.idx)
        elif later.tag_ == "VBG" and cue_lemma(later) and before.lower_ in SAYING_WHILE_DOING and later.i >= 2 and \
                doc[later.i - 2].text == ",":  # '..., before adding that ...': the speaker's next statement
            cuts.append(doc[later.i - 2].idx)
        elif later.tag_ in ("VBD", "VBZ") and before.lower_ in ("and", "but") and after_comma and \
                not any(c.dep_ in SUBJECT_DEPS for c in later.children):
            cuts.append(doc[later.i - 2].idx)
        elif later.dep_ == "conj" and before.dep_ == "cc" and \
                (later.lemma_.lower() in REFUSING_VERBS or _the_speakers_next_act(later, token)) and \
                not any(c.dep_ in SUBJECT_DEPS for c in later.children):
            # '... vigorously and declined to comment', '"... the truth" and called on the minister to ...'
            cuts.append((doc[later.i - 2] if later.i >= 2 and doc[later.i - 2].text == "," else before).idx)
        elif later.dep_ == "conj" and later.lemma_.lower() in REVISING_VERBS and \
                not any(c.dep_ in SUBJECT_DEPS for c in later.children) and later.left_edge.i > 0 and \
                later.left_edge.lower_ in AFTERWARDS and \
                doc[later.left_edge.i - 1].dep_ == "cc":  # 'said 12 people had died but later revised the toll'
            cuts.append(doc[later.left_edge.i - 1].idx)
        elif later.dep_ == "conj" and cue_lemma(later) and _comparison_clause(later.head) and \
                not any(c.dep_ in SUBJECT_DEPS for c in later.children):  # '... as the law requires and accused'
            cuts.append((before if before.dep_ == "cc" else later).idx)
        elif cue_lemma(later) and later.idx > start:
            subject = next((c for c in later.children if c.dep_ in SUBJECT_DEPS and c.i < later.i), None)
            joint = _contrast_joint(doc, start, later)
            if joint is not None:  # '..., while House Speaker Tom Emmer argued ...': another speaker's turn
                cuts.append(joint)
                continue
            mark = next((c for c in later.children if c.dep_ == "mark" and c.lower_ in OTHER_SPEAKERS_TIME_MARKS), None)
            if later.dep_ == "advcl" and subject is not None and mark is not None and mark.idx > start and \
                    doc[mark.i - 1].text == "," and later.lemma_.lower() in SAYING_CUES | TELLING_CUES and \
                    not is_passive(later):  # 'denied that it would close the plant, after a union said ...'
                cuts.append(doc[mark.i - 1].idx)
                continue
            rest = [t for t in takewhile(lambda t: t.idx < end, doc[later.i + 1:]) if not t.is_punct]
            if subject is not None and len(rest) <= 3 and subject.left_edge.idx > start and \
                    subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text in (",", "”", "\""):
                cuts.append(subject.left_edge.idx)
    return cuts


def _main_after_subordinate(token: "Token") -> "Token | None":
    """The main verb after the subordinate clause a cue heads ('Although Gallois said ..., | the unions
    were displeased'), or None."""
    if token.dep_ != "advcl" or token.head.i <= token.i or \
            not any(c.dep_ == "mark" and c.i < token.i for c in token.children):
        return None
    return token.head


def _absolute_speaker_comma(participle: "Token") -> "Token | None":
    """The comma before a participle cue's own subject set off after a clause ('has been pushed back,
    Boeing saying that ...'), or None."""
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS and c.i < participle.i), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    comma = participle.doc[subject.left_edge.i - 1]
    return comma if comma.text == "," else None


def _verb_above_phrase(token: "Token") -> "Token | None":
    """The verb whose prepositional phrase holds the cue ('[In response to critics saying ...], Jobs
    said'), or None when the cue is no part of such a phrase."""
    through_phrase = False
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor if through_phrase else None
        through_phrase = through_phrase or ancestor.dep_ == "prep"
    return None


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


def _end_without_punctuation(token: "Token") -> int:
    """Where the token's subtree ends, a comma or stop the parser hung on it left out."""
    last = token.right_edge
    while last.i > token.i and last.is_punct:
        last = last.doc[last.i - 1]
    return last.idx + len(last.text)


def forward_content(doc: "Doc", text: str, token: "Token", start: int, quotes: list[Quote]) -> tuple[int, int]:
    """Content that follows its cue: from its start to the end of the sentence, less what
    `_trailing_cuts` finds belongs to the cue's own clause."""
    end = sentence_end(text, start, quotes)
    for cut in _trailing_cuts(doc, token, start, end):
        if start < cut < end:
            end = cut
    source = SOURCE_TAIL.search(text, start, end)
    if source is not None and not _quoted_at(quotes, source.start()):
        end = source.start()  # '..., according to two people who attended the session': whose account it is
    return start, end


SOURCE_TAIL = re.compile(r",\s+according\s+to\b", re.IGNORECASE)


def _quoted_at(quotes: list[Quote], position: int) -> bool:
    return any(q.start <= position < q.end for q in quotes)


_SOURCE_PREPOSITION_WORDS = re.compile(r"\b(according)\s+to\b|\bas\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?|"
                                       r"(?:^|(?<=[.!?]\s)|(?<=\n))(Per)\s", re.IGNORECASE | re.MULTILINE)


def _source_preposition_candidates(doc: "Doc", text: str) -> list["Token"]:
    """Tokens that may open a source preposition ('according', and the three words after each 'as',
    where the participle of 'as (first) reported by' stands), found in the text rather than by
    walking every token of the Doc; in text order, each once."""
    found: dict[int, "Token"] = {}
    for match in _SOURCE_PREPOSITION_WORDS.finditer(text):
        for group in range(1, 6):
            if match.group(group) is None:
                continue
            span = doc.char_span(match.start(group), match.end(group))
            if span is not None and len(span) == 1:
                found[span[0].i] = span[0]
    return [found[i] for i in sorted(found)]


def _source_prepositions(doc: "Doc", text: str, quotes: list[Quote]) -> list[Cue]:
    """'according to X, ...', 'as indicated/reported/shown by X' and 'as stated on X' (a page, a
    paper): a source without a speech verb."""
    cues = []
    for token in _source_preposition_candidates(doc, text):
        opening_per = token.lower_ == "per" and token.is_sent_start  # 'Per sources close to the player, ...'
        if opening_per or token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = token if opening_per else doc[token.i + 1]
            source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
            if source is None or opening_per and not _set_off_by_comma(source):
                continue
            speaker = _speaker_inside_clause(source) or _noun_read_as_gerund(source) or source
            subject = _subject_taken_for_apposition(token, source)
            cut = (token.idx, subject.idx - 1 if subject is not None else source.right_edge.idx + len(source.right_edge.text))
            content = _relative_clause_minus(text, token, cut) or _sentence_minus(doc, text, token, cut, quotes)
            if content:
                cues.append(Cue(token=token, text_start=token.idx, text_end=to.idx + len(to.text),
                                lemma="according to", speaker_head=speaker, content=content,
                                speaker_span=trim_span(text, source.left_edge.idx, cut[1]) if subject is not None else None))
        elif token.tag_ == "VBN" and token.lemma_.lower() in lx.REPORTING_CUES and \
                any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            agent = next((c for c in token.children if c.dep_ == "agent"), None) or \
                next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "in")), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if source is None or (agent.dep_ == "prep" and not _names_a_record(source)):
                continue  # 'as reported in March': a time, not where
            mark = next(c for c in token.children if c.dep_ == "mark" and c.lower_ == "as")
            comma = next((t for t in doc[source.i:source.right_edge.i + 1] if t.text == ","), None)
            # 'As first reported by the Kellow Gazette, the dam's operator had cut ...': the parser may run the
            # source on into the clause (as an apposition); the source ends at its comma
            cut = (mark.idx, comma.idx + 1 if comma is not None else
                   max(token.right_edge.idx + len(token.right_edge.text), source.right_edge.idx + 1))
            content = _sentence_minus(doc, text, token, cut, quotes)
            if content:
                phrase_end = content[0] if content[0] > source.idx else sentence_end(text, source.idx, quotes)
                cues.append(Cue(token=token, text_start=mark.idx, text_end=agent.idx + len(agent.text),
                                lemma=token.lemma_.lower(), speaker_head=source, content=content,
                                speaker_span=trim_span(text, source.left_edge.idx, phrase_end)))
    return cues


def _subject_taken_for_apposition(opening: "Token", source: "Token") -> "Token | None":
    """'According to a report in Ars Technica, | an internal memo at Apple showed ...': the main verb's
    subject, which the parser hung on the source as an apposition; its first word, or None."""
    verb = opening.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < source.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for token in source.subtree:
        if token.dep_ == "appos" and token.right_edge.i + 1 == verb.i and token.left_edge.i > 0 and \
                token.doc[token.left_edge.i - 1].text == ",":
            return token.left_edge
    return None


def _set_off_by_comma(phrase: "Token") -> bool:
    """Whether a comma follows the phrase: 'Per the agreement, ...' opens a sentence, 'per cent' does not."""
    after = phrase.right_edge.i + 1
    return after < len(phrase.doc) and phrase.doc[after].text == ","


RECORD_PLACES = frozenset("website site page blog feed account channel".split())


def _names_a_record(noun: "Token") -> bool:
    """A page, paper or outlet something is stated on or in ('the Apple website', 'the Daily Courier'),
    not a time ('in March')."""
    if noun.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or noun.lower_ in TEMPORAL_NOUNS:
        return False
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in lx.DOCUMENT_HEADS | lx.PUBLICATION_HEADS | RECORD_PLACES


# Nouns that carry a claim in a that-clause ('allegations by Dr. Salt that ...', 'Salt's allegation is
# that ...', 'a spokesman's statement that ...'), with the verb each stands for ('denial': deny).
CLAIM_NOUN_CUES = {"allegation": "allege", "claim": "claim", "assertion": "assert", "accusation": "accuse",
                   "contention": "contend", "warning": "warn", "statement": "state", "denial": "deny",
                   "admission": "admit", "insistence": "insist", "announcement": "announce",
                   "recommendation": "recommend"}
ISSUING_VERBS = frozenset("issue make release publish give deliver".split())  # 'issued a statement that ...'


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


def _retraction_cues(doc: "Doc", text: str) -> list[Cue]:
    """Taking back what one said: 'Ortiz walked back her claim that the inspection was skipped',
    'backtracked on his statement that ...', 'retracted its claim that ...'. The subject denies the
    that-clause (its own earlier word); 'refused to retract' takes nothing back."""
    cues: list[Cue] = []
    if not RETRACTED_THAT.search(text):
        return cues
    said = [c for verb in _verbs(doc) if verb.lemma_.lower() in lx.RETRACTING_VERBS
            for c in (*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children))]
    for noun in said:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lx.RETRACTED_NOUNS:
            continue
        verb = _retracting_verb(noun)
        clause = _claim_clause(noun) if verb is not None else None
        if clause is None:
            continue
        start = next((t.idx for t in clause.lefts if t.dep_ == "mark" and t.lower_ == "that"), clause.left_edge.idx)
        content = trim_span(text, start, subtree_span(clause)[1])
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or subject_of(doc, verb)
        if subject is None or content_words(text, *content) < 3:
            continue
        refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline")
        cues.append(Cue(token=verb, text_start=verb.idx, text_end=noun.idx + len(noun.text), lemma="retract",
                        speaker_head=subject, content=content, negated=refused or any(c.dep_ == "neg" for c in verb.children)))
    return cues


# A retracted noun with a that-clause soon after it: the cheap test before the parse is walked.
RETRACTED_THAT = re.compile(r"\b(?:" + "|".join(sorted(lx.RETRACTED_NOUNS)) + r")s?\b[^.;]{0,80}?\bthat\b", re.IGNORECASE)


def _retracting_verb(noun: "Token") -> "Token | None":
    """The verb that takes the noun back ('walked back | her claim', 'backtracked on | his claim'), or None."""
    if noun.dep_ == "dobj":
        verb, through = noun.head, None
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb, through = noun.head.head, noun.head.lower_
    else:
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in lx.RETRACTING_VERBS:
        return None
    needed = lx.RETRACTING_VERBS[lemma]
    if needed == "back":
        return verb if any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children) else None
    return verb if needed == through else None


# What someone gives, issues or leaves that is their words: 'issued a statement: "..."', 'left this
# farewell, "..."', 'had a warning for the company: "..."'.
SPEECH_OBJECT_NOUNS = frozenset("""statement farewell message warning note reply response remark comment apology
plea appeal promise pledge tribute explanation answer rebuttal greeting verdict""".split())
_OPENS_A_QUOTE = re.compile(r"\s*[:,]\s*[\"“]")


def _speech_object_cues(doc: "Doc", text: str) -> list[Cue]:
    """Words given as a thing and set out in quotation marks right after it: 'The mayor issued a
    statement: "We will rebuild the bridge."' The quote is the subject's; the noun alone, with no
    quote after it ('issued a statement on Monday'), says nothing."""
    from spacy.symbols import NOUN, POS

    cues = []
    nouns = doc.to_array([POS]) == NOUN
    for noun in (doc[int(i)] for i in np.flatnonzero(nouns)):
        if noun.lemma_.lower() not in SPEECH_OBJECT_NOUNS:
            continue
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
        if not (noun.dep_ == "dobj" or verb is not noun.head) or verb.pos_ not in ("VERB", "AUX") or \
                cue_lemma(verb) is not None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or not _OPENS_A_QUOTE.match(text, _phrase_end_before_punctuation(noun)):
            continue
        cues.append(Cue(token=noun, text_start=verb.idx, text_end=noun.idx + len(noun.text),
                        lemma=CLAIM_NOUN_CUES.get(noun.lemma_.lower(), "say"), speaker_head=subject))
    return cues


def _phrase_end_before_punctuation(noun: "Token") -> int:
    """Where a noun's phrase ends at the first comma or colon after it ('a warning for the company:'),
    whatever the parser hung on it beyond ('a statement: "We will ..."' read as its clause)."""
    last = noun
    for token in noun.doc[noun.i + 1:noun.sent.end]:
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            break
        last = token
    return last.idx + len(last.text)


def _claim_author(noun: "Token") -> "Token | None":
    """Whose claim a claim noun is: its possessor ('Salt's allegation'), the one it is by or from, or
    the one who issued or made it ('The GAO issued a recommendation that ...')."""
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    return possessor or named_in_phrase(noun, ("by", "from")) or _issuer(noun)


def _issuer(noun: "Token") -> "Token | None":
    """The subject of the verb that issued or made the claim noun, its object."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def named_in_phrase(head: "Token", prepositions: tuple[str, ...]) -> "Token | None":
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
                    and (any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
                         or _that_clause_read_as_relative(child)):
                return child
    return _that_clause_after_phrases(noun)


def _that_clause_read_as_relative(clause: "Token") -> bool:
    """'the announcement by GM that it had filed for bankruptcy': a that-clause the parser read as a
    relative clause ('that' its object); it has a subject of its own, which a relative clause on the
    noun would not need."""
    return clause.left_edge.lower_ == "that" and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ not in lx.RELATIVE_PRONOUNS for c in clause.children)


def _that_clause_after_phrases(noun: "Token") -> "Token | None":
    """A that-clause the parser hung elsewhere, when only phrases without a verb stand between it and
    the noun ('a spokesman's statement to the Herald on Monday that ...')."""
    for token in noun.doc[noun.i + 1:noun.sent.end]:
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            return token.head
    return None


def _noun_read_as_gerund(source: "Token") -> "Token | None":
    """'according to hiring data obtained by the Gazette': the parser reads 'hiring' as a verb with
    'data' for object; the source is the data. None unless the noun follows the -ing word at once."""
    if source.tag_ != "VBG" or source.i + 1 >= len(source.doc):
        return None
    noun = source.doc[source.i + 1]
    return noun if noun.head.i == source.i and noun.dep_ == "dobj" and noun.pos_ == "NOUN" else None


def _speaker_inside_clause(source: "Token") -> "Token | None":
    """'according to what Netanyahu said': the speaker is the subject inside the clause."""
    described = {t.i for clause in source.subtree if clause.dep_ == "relcl" for t in clause.subtree}
    for token in source.subtree:  # not in 'according to the company, which said ...': that clause is its own statement
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in lx.REPORTING_CUES and token.i not in described:
            return token
    return None


# What opens the rest of a sentence after a source phrase when the source belongs to the clause before
# it: 'He spent three days in hospital, according to his family, and was charged with ...'.
# What may follow a source phrase and leave the clause before it as what the source vouches for: the
# clause going on ('..., according to police, and was charged with ...'), or a relative clause about the
# source itself ('..., according to two people at the authority, who said ...').
_CONTINUATION = re.compile(r"^[\s,]*(?:(?:a|an|one|two|three|four|five|six|several|some|just|only)\s+(?:\w+\s+)?"
                           r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?=after|before|since))?"
                           r"(?:and|but|or|after|before|because|when|while|since|although|though|who|whom|"
                           r"whose|which|in\s+what)\b", re.IGNORECASE)  # ', a day after ...', ', in what would be ...' too


# ', a move first reported by the Financial Times', ', a claim the company denies': a note on the clause before
_NOTE_ON_CLAUSE = re.compile(r"^\s*,\s*(?:a|an)\s+(?:[\w-]+\s+)?(?:move|step|decision|development|plan|claim|figure|"
                             r"number|account|allegation|report|charge|estimate|assertion|version|detail|change)\b",
                             re.IGNORECASE)


def _relative_clause_minus(text: str, token: "Token", cut: tuple[int, int]) -> tuple[int, int] | None:
    """The relative clause a source phrase stands in, with the noun it describes and without the phrase
    ('Tallis, who won 41.8 percent according to the official count, told supporters ...': the count vouches
    for 'Tallis, who won 41.8 percent', not for what she told them), or the clause another cue reports
    ('report that the number of jobs rose according to research by ...'); None when the phrase stands in
    neither."""
    clause = token.head
    end = clause.right_edge.idx + len(clause.right_edge.text)
    if clause.dep_ == "ccomp" and cue_lemma(clause.head) and clause.head.i < clause.i and \
            not text[:token.idx].rstrip().endswith(","):  # set off by a comma, it vouches for the whole sentence
        # 'both report that the number of jobs rose in August according to research by ...': the reported clause
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.i == clause.left_edge.i), None)
        return _longer_side(text, (mark.nbor(1) if mark is not None else clause.left_edge).idx, end, cut)
    if clause.dep_ != "relcl":
        return None  # the phrase hangs on no relative clause's own verb
    return _longer_side(text, clause.head.left_edge.idx, end, cut)  # with the noun it describes: 'Maren Tallis ...,
    # who won 41.8 percent'


def _longer_side(text: str, start: int, end: int, cut: tuple[int, int]) -> tuple[int, int] | None:
    """The longer of the two parts of [start, end) around a cut, or None when nothing is left."""
    left, right = trim_span(text, start, cut[0]), trim_span(text, cut[1], end)
    kept = left if left[1] - left[0] >= right[1] - right[0] else right
    return kept if kept[1] > kept[0] else None


def _sentence_minus(doc: "Doc", text: str, token: "Token", cut: tuple[int, int], quotes: list[Quote]) -> tuple[int, int] | None:
    """The part of the sentence the source phrase vouches for once it is cut out: the clause before
    it when the rest only continues that clause, else the larger part."""
    sent = token.sent
    start = sent.start_char
    end = sentence_end(text, max(cut[1], start), quotes)
    left, right = trim_span(text, start, cut[0]), trim_span(text, cut[1], end)
    if content_words(text, *left) >= 3 and (_CONTINUATION.match(text[cut[1]:end]) or _NOTE_ON_CLAUSE.match(text[cut[1]:end])):
        return left
    best = right if right[1] - right[0] >= left[1] - left[0] else left
    return best if content_words(text, *best) >= 3 else None


def _verbs(doc: "Doc") -> Iterator["Token"]:
    """The doc's verbs and auxiliaries, read off the POS array so other tokens are never built, and a
    'read' before a colon that the tagger took for a noun."""
    from spacy.symbols import AUX, POS, VERB

    tags = doc.to_array([POS])
    verbs = set(np.flatnonzero((tags == VERB) | (tags == AUX)).tolist())
    if READ_OUT.search(doc_text(doc)):
        verbs |= {t.i for t in doc if t.lower_ in ("read", "reads") and _reads_out(t)}
    for pointer in POINTED_CUE.finditer(doc_text(doc)):  # 'The harbour office disputes that.'
        span = doc.char_span(pointer.start(1), pointer.end(1))
        if span is not None and len(span) == 1 and _verb_taken_for_a_noun(span[0]):
            verbs.add(span[0].i)
    for i in sorted(verbs):
        yield doc[int(i)]


READ_OUT = re.compile(r"\breads?\s*:", re.IGNORECASE)  # where a 'read' before a colon may stand


def _reads_out(token: "Token") -> bool:
    """'A statement from the family read: "..."': 'read' with a subject and a colon after it, whatever
    its tag."""
    return token.lower_ in ("read", "reads") and token.i + 1 < len(token.doc) and token.nbor(1).text == ":" and \
        any(c.dep_ == "nsubj" for c in token.children)


def verb_negated(token: "Token") -> bool:
    """A negation on the verb itself ('did not say', 'has never confirmed'), not a quote's 'not' the
    parser hung on the verb after it ('"Absolutely not," Smith said')."""
    text = doc_text(token.doc)
    return any(c.dep_ == "neg" and not any(m in text[min(c.idx, token.idx):max(c.idx, token.idx)] for m in "\"“”,")
               for c in token.children)


def _published_without_maker(token: "Token") -> bool:
    """A participle that tells how a record was made public, with no one named as making it ('a statement
    posted on its website', 'remarks released on Friday'): no speech act of its own."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children) and \
        token.head.lemma_.lower() in lx.DOCUMENT_HEADS | lx.SAID_NOUNS  # not 'the staffer at the time | confirmed


def find_cues(doc: "Doc", text: str, quotes: list[Quote]) -> list[Cue]:
    """Speech verbs with their subject and content, in text order."""
    cues: list[Cue] = []
    datelines = dateline_spans(text)
    source_cues = _source_prepositions(doc, text, quotes)
    skip = {c.token.i for c in source_cues}
    for cue in source_cues:  # 'according to what Netanyahu said': the inner verb is part of the source
        if cue.lemma == "according to" and cue.speaker_head is not None and cue.speaker_head.dep_ in SUBJECT_DEPS:
            skip.update(t.i for t in cue.speaker_head.head.subtree)  # not '..., according to the company, which said
    for token in _verbs(doc):
        if token.i in skip:
            continue
        disputed = passive_side_cue(text, token)
        if disputed is not None:
            cues.append(disputed)
            continue
        lemma = cue_lemma(token) or (token.lemma_.lower() if token.lemma_.lower() in UNDERSTOOD_CUES else None)
        if lemma is None or is_hypothetical(token) or is_writers_aside(token) or is_yes_no_question(token) or \
                (token.dep_ == "pcomp" and token.head.lower_ == "without") or _published_without_maker(token):
            continue  # 'approved slips without verifying that ...'; 'a statement posted on its website that ...'
        run_on = _run_on_trailing_source(doc, text, token) or _trailing_source_read_as_modifier(doc, text, token)
        if run_on is not None:  # '..., the council's finance chief, Amir Shah, said on Monday.' read as an object
            cues.append(Cue(token=token, text_start=token.idx, text_end=token.idx + len(token.text), lemma=lemma,
                            speaker_head=run_on[0], content=run_on[1]))
            continue
        if is_passive(token):
            hearsay = hearsay_cue(doc, text, token, lemma, quotes)
            if hearsay is not None and not _source_named_in_sentence(text, token, source_cues):
                cues.append(hearsay)
            continue
        if lemma in UNDERSTOOD_CUES and not _outlet_reports(token):
            continue
        cue_end = token.idx + len(token.text)
        particle = next((c for c in token.children if c.dep_ == "prt" or _particle_read_as_preposition(token, c)), None)
        if " " in lemma and particle is not None:
            cue_end = particle.idx + len(particle.text)
        idiom = doubting_idiom(token)
        if idiom is not None:
            cue_end = idiom.idx + len(idiom.text)
        cue = Cue(token=token, text_start=token.idx, text_end=cue_end, lemma=lemma,
                  negated=verb_negated(token))
        cue.content = _content_of(doc, text, token, lemma, quotes)
        if cue.content is None and (lemma.split()[0] in lx.DENIAL_CUES | lx.CONFIRMATION_CUES or lemma in lx.DENIAL_PHRASES):
            cue.content = rejected_claim(text, token)
            cue.rejects_claim = cue.content is not None
        if cue.content is None:
            # 'advised the trust on fundraising' is consulting work, not a reference to what was said
            cue.reference_only = lemma not in ("advise", "plead") and any(c.dep_ == "dobj" for c in token.children)
        cue.speaker_head = subject_of(doc, token, lambda position: _in_utterance(text, quotes, position)
                                      or any(s <= position < e for s, e in datelines))
        cues.append(cue)
        for clause in _further_that_clauses(token, cue.content):
            cues.append(Cue(token=token, text_start=cue.text_start, text_end=cue.text_end, lemma=lemma,
                            speaker_head=cue.speaker_head, negated=cue.negated,
                            content=trim_span(text, *forward_content(doc, text, token, clause.idx, quotes))))
    cues = _quoted_as_saying_takes_the_quote(cues)
    cues.extend(source_cues)
    cues.extend(_claim_noun_cues(doc, text))
    cues.extend(_retraction_cues(doc, text))
    cues.extend(_speech_object_cues(doc, text))
    cues.extend(_message_cues(doc, text))
    return sorted(cues, key=lambda c: c.text_start)


def _quoted_as_saying_takes_the_quote(cues: list[Cue]) -> list[Cue]:
    """'"We will appeal," the Herald quoted Smith as saying': the quotation is what the one quoted said (the
    'as saying' cue), which the quoting verb had taken as its own."""
    taken: set[int] = set()
    for quoting in cues:
        if quoting.lemma not in QUOTING_VERBS or quoting.content is None:
            continue
        saying = _as_saying_of(quoting, cues)
        if saying is not None:
            saying.content = quoting.content
            taken.add(id(quoting))
    return [c for c in cues if id(c) not in taken]


# Nouns that name what someone said, in 'That was the message from the union'
MESSAGE_NOUNS = frozenset("""message warning verdict view assessment conclusion position argument line account
prediction promise pledge claim""".split())
MESSAGE_FROM = re.compile(rf"(?:that|this)\s+(?:was|is)\s+the\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(MESSAGE_NOUNS))})\s+"
                          r"(?:from|of)\b", re.IGNORECASE)


def _message_cues(doc: "Doc", text: str) -> list[Cue]:
    """'The plant will close and 600 jobs will go. That was the message from the union on Tuesday.': the
    sentence before, in the same paragraph, is what the one named after 'from' said."""
    if not MESSAGE_FROM.search(text):
        return []
    cues = []
    previous = None
    for sent in doc.sents:
        match = MESSAGE_FROM.match(text, sent.start_char)
        if match and previous is not None and "\n" not in text[last_mark_end(previous):sent.start_char] and \
                not any(mark in previous.text for mark in "\"“”"):
            noun = next((t for t in sent if t.idx >= match.start() and t.lemma_.lower() in MESSAGE_NOUNS), None)
            source = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                           for g in c.children if g.dep_ == "pobj"), None) if noun is not None else None
            if source is not None:
                start, end = trim_span(text, previous.start_char, last_mark_end(previous))
                end -= text[start:end].endswith((".", "!"))
                cues.append(Cue(token=noun, text_start=noun.idx, text_end=noun.idx + len(noun.text), lemma="say",
                                speaker_head=source, content=(start, end)))
        previous = sent
    return cues


# An act not done: 'was unable to confirm', 'declined to confirm', 'could not independently verify', 'have not been able to'.
NOT_DONE_BEFORE = re.compile(r"\b(?:unable|failed|fails|fail|declined|declines|refused|refuses|not\s+(?:been\s+)?able|n['’]t\s+been\s+able|"
                             r"(?:could|can|would|did|does|will)\s*(?:not|n['’]t)|cannot)\s+(?:to\s+)?(?:\w+\s+)?$",
                             re.IGNORECASE)


# Verbs whose bare 'it' is what was just said ('The company denied it'); 'rejected it' may be a bid
POINTED_BY_IT = frozenset({"deny", "dispute", "refute", "confirm", "contest"})


def _points_back(claim: "Token", cue: "Token") -> bool:
    """'dispute that', 'confirmed this', 'denied it': a bare pronoun for what was just said."""
    if list(claim.children):
        return False
    return claim.lower_ in ("that", "this") or claim.lower_ == "it" and cue.lemma_.lower() in POINTED_BY_IT


def _pointer_taken_for_a_mark(token: "Token") -> "Token | None":
    """'disputed that, saying ...': a 'that' or 'this' right after the cue and before a comma or stop
    points back, whatever the parser made of it."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in ("that", "this") or not doc[token.i + 2].is_punct \
            or doc[token.i + 2].is_quote and doc[token.i + 2].whitespace_ == "":
        return None  # 'acknowledged that "a very small percentage of users" were ...': a quotation opens the clause
    return doc[token.i + 1]


def rejected_claim(text: str, token: "Token") -> tuple[int, int] | None:
    """What a denial or confirmation with a claim for its object rejects or confirms, with what it
    dismisses it as: 'denied | the report', 'dismissed | the councillor's figures as "political theatre"',
    'rejected | the claims as baseless', 'confirmed | the report'. Another object is an act, not a claim
    ('denied the permit')."""
    idiom = doubting_idiom(token)
    claim = _doubted(token, idiom) if idiom is not None else \
        next((c for c in token.children if c.i > token.i and (c.dep_ == "dobj" or c.dep_ == "ccomp" and _said_noun_misread(c))),
             None) or next((g for c in token.children if _particle_read_as_preposition(token, c)
                            for g in c.children if g.dep_ == "pobj"), None)
    claim = claim or _pointer_taken_for_a_mark(token)
    if claim is not None and _points_back(claim, token) and \
            not NOT_DONE_BEFORE.search(text, max(0, token.idx - 40), token.idx):
        return claim.idx, claim.idx + len(claim.text)  # 'Campaigners dispute that': what was just said
    if claim is None or claim.lemma_.lower() not in lx.CLAIMED_THINGS or \
            NOT_DONE_BEFORE.search(text, max(0, token.idx - 40), token.idx):
        return None  # 'The Meridian was unable to confirm her figure': no confirmation
    end = subtree_span(claim)[1]
    for child in token.children:
        if child.i > claim.i and (child.dep_ in ("oprd", "acomp") or child.dep_ == "prep" and child.lower_ == "as"):
            end = max(end, subtree_span(child)[1])
    quoted = re.findall(r"[\"“]([^\"“”]*)(?:[\"”]|$)", text[claim.idx:end])
    if any(mark in text[claim.idx:end] for mark in "\"“”") and not (quoted and all(len(q.split()) <= 3 for q in quoted)):
        return None  # '... as "a politically motivated attack on our staff"': the quote is what it said
    return trim_span(text, claim.left_edge.idx, end)


# Passive speech verbs that pass on what unnamed others say: 'is said to', 'it is alleged that'; and
# 'it is understood that', what a reporter was told without saying by whom (only with 'it').
HEARSAY_CUES = frozenset("say report rumour rumor allege claim".split())
UNDERSTOOD_CUES = frozenset({"understand"})
AS_STATED_BY = re.compile(r"\bas\s+(?:stated|reported|said|claimed|announced|noted|written|published)\s+(?:on|by|in)\b",
                          re.IGNORECASE)


def _source_named_in_sentence(text: str, token: "Token", source_cues: list[Cue]) -> bool:
    """Whether the sentence names where what 'is said' comes from ('according to Apple', 'as stated on
    the Apple website'): then no unnamed source passes it on."""
    sentence = token.sent
    return any(sentence.start_char <= c.text_start < sentence.end_char for c in source_cues) or \
        bool(AS_STATED_BY.search(text, sentence.start_char, sentence.end_char))


# Verbs that, passive with an agent and a claim for subject, take a side on it: 'the union's claim that ...
# has been disputed by the company'. 'challenged', 'contested', 'questioned' only so.
PASSIVE_SIDES = {**{lemma: lemma for lemma in lx.DENIAL_CUES | lx.CONFIRMATION_CUES},
                 "challenge": "dispute", "contest": "dispute", "question": "dispute",
                 **{lemma: "confirm" for lemma in ENDORSING_VERBS | {"repeat"}}}


def passive_side_cue(text: str, token: "Token") -> Cue | None:
    """'The union's claim that 3,000 jobs are at risk has been challenged by the company': the agent denies
    (or confirms) what the claim says, or the claim itself when it says nothing ('the figures were
    disputed by the union'). A passive with anything but a claim for subject is an act ('the bid was
    rejected by the board')."""
    lemma = PASSIVE_SIDES.get(token.lemma_.lower())
    if lemma is None or token.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in token.children):
        return None
    claim = next((c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i), None)
    agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if claim is None or agent is None or claim.lemma_.lower() not in lx.CLAIMED_THINGS:
        return None
    said = next((c for c in claim.children if c.dep_ == "acl" and c.i > claim.i and
                 any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if said is not None:
        start = next(m for m in said.children if m.dep_ == "mark").idx + len("that")
        content = trim_span(text, start, subtree_span(said)[1])
    else:
        content = trim_span(text, claim.left_edge.idx, claim.idx + len(claim.text))
    return Cue(token=token, text_start=token.idx, text_end=token.idx + len(token.text), lemma=lemma,
               speaker_head=agent, content=content, rejects_claim=said is None,
               negated=verb_negated(token))


def hearsay_cue(doc: "Doc", text: str, token: "Token", lemma: str, quotes: list[Quote]) -> Cue | None:
    """'The deal is said to be worth $3 billion', 'it was reported that the talks failed': a passive
    speech verb naming no one who says it, with what it passes on (with its subject, so the content
    says what is said of whom); None for any other passive ('was told that', 'was reported by Reuters')."""
    if lemma not in HEARSAY_CUES | UNDERSTOOD_CUES | {"accuse"} or token.tag_ != "VBN" or \
            any(c.dep_ in ("agent", "neg") for c in token.children):
        return None
    auxiliaries = [c for c in token.children if c.dep_ == "auxpass"]
    subject = next((c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i), None)
    if not auxiliaries or subject is None:
        return None
    if lemma in UNDERSTOOD_CUES and subject.lower_ != "it":
        return None  # 'the plan is understood to be ...' is what the writer gathers, not what was said
    if lemma == "accuse":
        charge = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > token.i), None)
        if charge is None or subject.lower_ == "it":
            return None
        content = trim_span(text, subject.left_edge.idx, subtree_span(charge)[1])
        return Cue(token=token, text_start=auxiliaries[0].idx, text_end=token.idx + len(token.text), lemma=lemma,
                   speaker_span=(auxiliaries[0].idx, token.idx + len(token.text)), content=content, unnamed=True)
    if subject.lower_ == "it":
        that = _that_after(doc, token)
        if that is None:
            return None
        content = trim_span(text, *forward_content(doc, text, token, that.idx, quotes))
    else:
        clause = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i
                       and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)
        if clause is None:
            return None
        content = trim_span(text, subject.left_edge.idx, subtree_span(clause)[1])
    start = auxiliaries[0].idx
    return Cue(token=token, text_start=start, text_end=token.idx + len(token.text), lemma=lemma,
               speaker_span=(start, token.idx + len(token.text)), content=content, unnamed=True)


def _further_that_clauses(token: "Token", content: tuple[int, int] | None) -> list["Token"]:
    """The 'that' of each further clause a cue reports after its first content ('announced a seamless
    integration of podcasting with iTunes, and, to the amazement of many, that future Macs will
    feature Intel processors'), when the parser made the clause the cue's conjunct; none for a cue inside
    another's clause ('said that it had asked both sides for access and that ...': the 'and that' is
    what was said)."""
    if content is None or token.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl"):
        return []
    found = []
    for child in token.children:
        mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if child.dep_ == "conj" and mark is not None and mark.idx >= content[1] and \
                any(c.dep_ in SUBJECT_DEPS for c in child.children):
            found.append(mark)
    return found


def _in_utterance(text: str, quotes: list[Quote], position: int) -> bool:
    """Whether a position lies in quoted speech, not in a scare-quoted word ('quotes a "Senate aide"')."""
    quote = quote_at(quotes, position)
    return quote is not None and is_full_quote(text, quote)


# What a denial calls a claim before naming it: 'dismissed | as "nonsense" claims that', 'rejected | as speculation
# reports that'.
DISMISSED_AS = re.compile(r"\s+as\s+(?:[\"“][^\"“”]{1,40}[\"”]|[\w-]+(?:\s+[\w-]+)?)\s+(?:the\s+)?(?:claims?|reports?|"
                          r"suggestions?|allegations?|accusations?|rumou?rs?|assertions?)\s+that\s+", re.IGNORECASE)


# Cues that deny what was said with 'otherwise' alone ('Union officials say otherwise', 'Inspectors found
# otherwise'); not 'until the Service agrees otherwise', 'difficult to explain otherwise'.
SAYING_OTHERWISE = frozenset("""say tell suggest show find claim argue insist indicate contend maintain state testify
report conclude""".split())


BARE_ANSWER_CUES = frozenset({"say", "reply", "answer", "respond"})


def _content_of(doc: "Doc", text: str, token: "Token", lemma: str, quotes: list[Quote]) -> tuple[int, int] | None:
    """The span a cue reports, or None when it governs no clause ('denied the story')."""
    if lemma.split()[0] in TAKING_SIDES and _pointer_taken_for_a_mark(token) is not None:
        return None  # 'disputed that, saying ...': what was just said (`rejected_claim`)
    if lemma == "call for":
        return _requested_thing(text, token)
    if lemma in ("call on", "appeal to"):
        return trim_span(text, *subtree_span(_asked_of_someone(token, ("on", "upon", "to"))))
    if lemma in ("talk about", "speak about"):
        return _talked_about(text, token)
    if lemma in WANTING_CUES:
        wanted = _wanted_of_someone(token)
        return trim_span(text, *subtree_span(wanted)) if wanted is not None else None
    if lemma == "put it":
        return _sentence_minus(doc, text, token, subtree_span(token), quotes)
    if lemma in CALLING_CUES:
        return _called_false(text, token) or _called_in_quotes(text, token)
    if lemma in DESCRIBING_CUES and any(c.dep_ == "dobj" for c in token.children):
        return _object_phrase_content(text, token)  # 'described a "New GM" that he expected': no 'as', nothing said
    if lemma in DOING_WITH_INFINITIVE and any(c.dep_ == "xcomp" for c in token.children):
        return None  # in 'went on to say that ...' the inner verb reports
    clauses = [c for c in _clause_children(token) if not _beyond_semicolon(doc, token, c)]
    bare = next((c for c in token.children if c.i == token.i + 1 and c.lower_ in ("no", "yes") and
                 c.dep_ in ("intj", "dobj", "advmod", "npadvmod")), None) if lemma in BARE_ANSWER_CUES else None
    if bare is not None and not clauses:  # 'Asked whether ..., Hale said no': the answer
        return bare.idx, bare.idx + len(bare.text)
    otherwise = next((c for c in token.children if c.lower_ == "otherwise" and c.i > token.i), None) \
        if lemma in SAYING_OTHERWISE else None
    if otherwise is not None and not clauses:  # 'Union officials say otherwise': a denial of what was just said
        return otherwise.idx, otherwise.idx + len(otherwise.text)
    if lemma in lx.DIRECTIVE_CUES and not clauses:
        asked = _asked_of_someone(token, ("with", "to", "of"))  # 'pleaded with Congress to give them ...'
        clauses = [c for c in token.children if c.dep_ == "xcomp"] or ([asked] if asked is not None else [])
    around = _clause_around(token) if token.dep_ == "parataxis" and not clauses else None
    if around is not None:  # 'His plan, he stated, was for the government to ...': the whole clause it interrupts
        return trim_span(text, around.left_edge.idx, sentence_end(text, around.left_edge.idx, quotes))
    dismissed_as = DISMISSED_AS.match(text, token.idx + len(token.text)) if lemma in lx.DENIAL_CUES else None
    if dismissed_as is not None:  # 'dismissed as "nonsense" claims that ...': what the claims say
        return trim_span(text, *forward_content(doc, text, token, dismissed_as.end(), quotes))
    if lemma.split()[0] in RECORD_CUES or lemma in lx.DENIAL_PHRASES:
        reported = _reported_in_object(token)
        if reported is not None:  # 'rejected a report which said | the plant would close'; 'contradicting |
            return trim_span(text, *forward_content(doc, text, token, reported, quotes))  # a report that found cracks'
    that = _that_after(doc, token)
    if that is not None and (that.dep_ == "mark" or lemma not in lx.DENIAL_PHRASES):  # not 'pushing back against
        start, end = forward_content(doc, text, token, that.idx, quotes)  # a report that has rattled'
        clause_end = _end_without_punctuation(token)
        if token.dep_ == "relcl" and text[clause_end:clause_end + 1] == ",":
            end = min(end, clause_end)  # 'The ministry, which has denied that any civilians were harmed, | said ...'
        return trim_span(text, start, end)
    if not clauses and token.dep_ == "parataxis" and _CONTINUATION.match(text, subtree_span(token)[1]):
        return _sentence_minus(doc, text, token, subtree_span(token), quotes)  # 'X, fishermen said, a day after ...'
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
        return _object_phrase_content(text, token) or _denied_thing(text, token) or _announced_thing(text, token) or \
            _requested_thing(text, token) or _trailing_attribution(doc, text, token)
    before = [c for c in clauses if c.i < token.i and not _leads_in(text, c, _speaker_start(doc, token))]
    clauses = [c for c in clauses if c.i > token.i] + before
    if not clauses:
        return None
    if before and not [c for c in clauses if c.i > token.i]:
        clause = before[-1]  # the clause next to the attribution, not a sentence the parser ran into it
        start = clause.left_edge.idx
        end = min(subtree_span(clause)[1], _speaker_start(doc, token))
        sent_start = token.sent.start_char
        if clause.dep_ == "ccomp" and start > sent_start and not text[sent_start:start].strip(" ,\"“”'"):
            start = sent_start
        return trim_span(text, start, end)
    clause = next(c for c in clauses if c.i > token.i)
    start = _past_time_of_saying(clause, token)
    if lemma in ("ask",) or clause.dep_ == "xcomp" or token.dep_ == "relcl":
        # a relative clause's content ends with it: 'Swiftly, which says 12,000 people drive for it, argues ...'
        if token.dep_ == "relcl" and start < token.idx:  # 'a report that officials said was flawed': what was
            start = token.idx + len(token.text)  # said comes after the speaker and the cue
        return trim_span(text, start, subtree_span(clause)[1])
    return trim_span(text, *forward_content(doc, text, token, start, quotes))


def _reported_in_object(token: "Token") -> int | None:
    """Where the content of a cue whose object is a record described by what it says or found starts:
    past the record's own verb when that verb has a clause ('rejected a report by the audit office which
    said | the plant would close'), else at the record ('contradicting | an engineer's report that found
    cracks in the spillway')."""
    idiom = doubting_idiom(token)
    record = _doubted(token, idiom) if idiom is not None else \
        next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if record is None:
        return None
    for verb in record.children:
        if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children):
            continue
        if verb.lemma_.lower() not in lx.REPORTING_CUES | lx.EVIDENCE_CUES:
            return None if idiom is not None or token.lemma_.lower() not in TAKING_SIDES else record.left_edge.idx
        doc = token.doc
        after = verb.i + 1
        while after < verb.sent.end and (doc[after].dep_ == "prt" or doc[after].lower_ == "that" and doc[after].dep_ == "mark"):
            after += 1
        if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or after >= verb.sent.end:
            return record.left_edge.idx
        return doc[after].idx
    return None


def _past_time_of_saying(clause: "Token", cue: "Token") -> int:
    """Where the reported clause starts, past a phrase of time right after the cue that the parser hung
    on the clause ('said on Tuesday it would shut the plant': when it was said, not when it shuts)."""
    first = clause.left_edge
    if first.i != cue.i + 1 or first.dep_ != "prep" or first.head.i != clause.i:
        return first.idx
    objects = [c for c in first.children if c.dep_ == "pobj"]
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if not objects or subject is None or first.right_edge.i >= subject.left_edge.i or \
            not all(o.ent_type_ in ("DATE", "TIME") or o.lower_ in TEMPORAL_NOUNS for o in objects):
        return first.idx
    return first.doc[first.right_edge.i + 1].idx


RELATIVE_TAGS = frozenset("WDT WP WP$".split())


def said_of_antecedent(cue: "Token") -> "Token | None":
    """For a cue in a relative clause whose pronoun belongs to what was said ('a report [that]
    officials said was flawed', 'Arvanitis's complaint, [which] the ethics office said it logged on
    Sept. 9'), the noun the clause describes: what was said is said of it. None otherwise, as when the
    pronoun is the speaker ('Swiftly, which says ...') or goes with the cue ('a memo in which the
    security chief wrote that ...')."""
    if cue.dep_ != "relcl" or cue.head.i >= cue.i:
        return None
    speaker = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or speaker.tag_ in RELATIVE_TAGS or speaker.left_edge.i == 0:
        return None
    pronoun = cue.doc[speaker.left_edge.i - 1]
    if pronoun.tag_ not in RELATIVE_TAGS:
        return None
    if pronoun.lower_ == "that" and pronoun.dep_ == "dobj" and \
            any(c.dep_ == "dobj" and c.i != pronoun.i for c in pronoun.head.children):
        return None  # 'told supporters in the capital that her tally showed she had won a majority': a 'that'
        # the parser gave a verb that has its object already opens what was told, it stands for no noun
    below_cue = next((t for t in [pronoun, *pronoun.ancestors] if t.head.i == cue.i), None)
    return cue.head if below_cue is not None and below_cue.dep_ in ("ccomp", "xcomp") else None


def _clause_around(cue: "Token") -> "Token | None":
    """The clause a parenthetical attribution interrupts, set off by commas between its subject and
    its verb ('The plan, the minister said, was sound'), or None."""
    head = cue.head
    if head.i <= cue.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    doc = cue.doc
    left = cue.left_edge
    if subject is None or subject.i >= cue.i or not (left.text == "," or left.i > 0 and doc[left.i - 1].text == ","):
        return None
    return head


def _leads_in(text: str, clause: "Token", speaker_start: int) -> bool:
    """A clause before the speaker that the writer ends with a colon, leading in to what follows ('Other
    manufacturers also saw their sales slip: Chrysler and Toyota both reported a 39% loss')."""
    start, end = subtree_span(clause)
    return text[start:max(end, speaker_start)].rstrip().endswith(":") if speaker_start > start else False


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
            return _as_saying_of(cue, cues) or cue
    return None


def _as_saying_of(quoting: Cue, cues: list[Cue]) -> Cue | None:
    """For '," the Post quoted Djamal as saying': the 'as saying' cue, whose speaker is the one quoted."""
    if quoting.lemma not in QUOTING_VERBS:
        return None
    return next((c for c in cues if c.content is None and c.token.tag_ == "VBG" and c.token.head.lower_ == "as"
                 and quoting.token.i in (c.token.head.head.i, c.token.head.head.head.i)), None)


def _cue_before(text: str, quote: Quote, cues: list[Cue]) -> Cue | None:
    """The attribution before a quote in its paragraph, or, for text set out after a colon that ends
    the cue's paragraph ('said in a statement:' and the statement below), on the line before."""
    best = None
    colon_end = len(text[:quote.start].rstrip())
    set_out = quote.start == quote.inner_start and text[:colon_end].endswith(":")
    for cue in cues:
        if cue.text_start >= quote.start:
            continue
        if "\n" in text[cue.text_start:quote.start] and not (set_out and "\n" not in text[cue.text_start:colon_end]):
            continue
        end = _cue_clause_end(cue)
        gap = text[end:quote.start] if end <= quote.start else ""
        colon = text[:quote.start].rstrip().endswith(":") and \
            not re.search(r"[.!?][\"”’]?\s", text[cue.text_start:quote.start])
        if (quote.start - end <= 60 and _BEFORE_GAP.match(gap)) or colon:
            best = cue
    return best


# ----------------------------------------------------------------------------------------------
# polarity, mode, via


FALSITY = (r"false|untrue|not true|not the case|never the case|baseless|groundless|unfounded|absurd|nonsense|fake|fabricated|a lie|lies|"
            r"disinformation|misinformation|ridiculous|fantasy|fiction|a hoax|incorrect|inaccurate|wrong|misleading|"
            r"exaggerated|overstated|overblown|mistaken|distorted|never true|not accurate|not correct|"
            r"doctored|manipulated|forged|forgeries|a forgery|staged|photoshopped|wide of the mark|off the mark|"
            r"(?:taken\s+)?out of context|flawed|erroneous|bogus|misrepresented|mischaracteri[sz]ed|a distortion|"
            r"a fabrication|a smear|scaremongering|fearmongering|alarmist|hysteria|hysterical|propaganda|slanderous|"
            r"defamatory|rubbish|garbage|preposterous|laughable|outlandish|a conspiracy theory|conspiracy theories|"
            r"a myth|unsubstantiated|without foundation|without basis|a witch[- ]hunt|politically motivated|"
            r"a politically motivated attack|a sham|trumped[- ]up|a hatchet job|character assassination")
