"""Statements of one document: who said what, with which cue, directly or not, asserting or denying.

Two passes. The cue pass (`extract/cues.py`) finds speech verbs and source markers with their
speaker phrase and content; the quote pass gives every quotation to the cue beside it ("...," he
said, "..."; X added: "..."), or to the previous speaker when a quote continues without a cue.
Speakers are then resolved in text order (`extract/speakers.py`), so "he" and "the ambassador" find
the right earlier person. This module decides each statement's mode, polarity and intermediary and
assembles the records.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable

from storytrace import gazetteer, names
from storytrace.extract import lexicon as lx
from storytrace.extract.cues import (CALLING_CUES, DESCRIBING_CUES, FALSITY, Cue, attach_quotes, content_words, doc_text, find_cues,
                                     is_citing, names_a_source, opens_source_aside, subtree_span, trim_span)
from storytrace.extract.datelines import dateline_spans
from storytrace.extract.factcheck import correction_statements, factcheck_statements
from storytrace.extract.quotes import Quote, block_quotes, find_quotes, is_full_quote
from storytrace.extract.referents import Referents, build_referents
from storytrace.extract.speakers import ResolvedSpeaker, SpeakerResolver, register_documents
from storytrace.extract.transcripts import (embedded_posts, interview_statements, labelled_quotes, transcript_statements,
                                           within_turns)
from storytrace.ingest.boilerplate import is_editorial_note
from storytrace.schema import Document, Mention, Speaker, Statement, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Who passes on what 'is said' or 'is alleged' with no one named.
UNNAMED_SOURCES = "unnamed sources"

ANONYMITY_REQUEST = re.compile(r"(?:(?:not\s+to\s+be|that\s+(?:he|she|they)\s+not\s+be)\s+(?:named|identified|quoted)"
                               r"|to\s+(?:remain|stay|be\s+kept)\s+(?:anonymous|unnamed|unidentified))\b", re.IGNORECASE)
# 'I, Dana Whitcombe, being duly sworn, declare': who the first person of a sworn document is.
SIGNATORY = re.compile(r"(?:^|\n)\s*I,\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),")
_CLAIM_NOUNS = (r"allegations?|claims?|reports?|idea|story|stories|accusations?|suggestions?|notion|charges?|"
                r"rumou?rs?|assertions?|figures?|numbers?|estimates?|accounts?|versions?|"
                r"stud(?:y|ies)|findings?|memos?|data|statistics|surveys?|polls?|analysis|"
                r"this|that|it|these|those")
_TITLE_STOP = r"(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\."  # the full stop of 'Ms. Voss' ends no sentence
_SENTENCE_BREAK = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<=[.!?])\s+")
# The nouns a pointing denial names a claim by ('these allegations', 'the gap allegation', 'that account')
# Records shown as evidence, which a denial may call fake ('the video was fake', 'the documents are forged').
EVIDENCE_NOUNS = (r"videos?|footage|photos?|photographs?|pictures?|images?|recordings?|audio|tapes?|documents?|"
                  r"e-?mails?|letters?|screenshots?|messages?")
POINTED_CLAIM = rf"(?:allegations?|claims?|reports?|accusations?|suggestions?|stor(?:y|ies)|accounts?|charges?|{EVIDENCE_NOUNS})"
# '(said) it "rejects these allegations entirely"', 'we deny those claims': a denial that only points at a claim
POINTING_REJECTION = re.compile(
    r"^\W*(?:it|we|they|he|she|i)\s+[\"“‘']?(?:\w+\s+)?[\"“‘']?(?:rejects?|rejected|denies|deny|denied|disputes?|disputed|"
    r"refutes?|refuted|dismiss(?:es)?|dismissed)[\"”’']?\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the|these|those|this|that|such)\s+"
    rf"(?:\w+\s+)?{POINTED_CLAIM}\b", re.IGNORECASE)
# 'and that the allegation was false', 'That account is untrue': a clause calling a claim false that
# says nothing else, so it denies the claim it answers
POINTING_FALSITY = re.compile(
    rf"\b(?:the|that|this|these|those|such|any)\s+(?:(?!the\b)\w+\s+)?{POINTED_CLAIM}\s+(?:is|are|was|were|(?:has|have|had)\s+been)\s+"
    rf"[\"“‘']?(?:\w+\s+){{0,2}}[\"“‘']?(?:{FALSITY})(?:\s+news)?\b[\"”’']?(?=\s*(?:[.;,!\"”’']|$)|\s+(?:and|but)\b)",
    re.IGNORECASE)
# '"Anyone who says otherwise is wrong"', 'those who claim otherwise are lying': denies what was said against it
OTHERWISE_WRONG = re.compile(
    r"^\W*(?:anyone|anybody|those|people|whoever)\s+(?:who\s+)?(?:says?|claims?|suggests?|thinks?|believes?)\s+"
    rf"otherwise\s+(?:is|are)\s+(?:\w+\s+)?(?:{FALSITY}|lying|misinformed)\b", re.IGNORECASE)
# 'Union officials say otherwise', 'documents obtained by the Guardian suggest otherwise': a denial of what was just said
SAYS_OTHERWISE = re.compile(r"^\W*otherwise\W*$", re.IGNORECASE)
# 'nobody on my team would do that', 'no one here did any such thing': the act pointed at never done
NOBODY_DID_THAT = re.compile(
    r"\b(?:nobody|no\s+one|none\s+of\s+(?:us|them))\b[^.;:!?]{0,40}?\b(?:(?:would|could|will|has|had|ever)\s+"
    r"(?:ever\s+)?(?:have\s+)?)?(?:do|done|did)\s+(?:that|this|such\s+a\s+thing|any\s+such\s+thing|anything\s+like\s+"
    r"(?:that|this))(?=\s*(?:[.,;:!?\"”’]|$|\s+(?:again|ever)\b))", re.IGNORECASE)
_DENIAL_PATTERNS = (
    # 'The allegations are false', "the Courier's figure was wrong", 'reports that 200 homes flooded were exaggerated',
    # 'Any suggestion that she was dismissed for raising concerns is rejected'
    re.compile(rf"^(?:[\"“‘']\s*)?(?:(?:the|these|those|this|that|such|all|any|his|her|their|its|our|your)\s+)?(?:[\w-]+['’]s\s+)?"
               rf"(?:{_CLAIM_NOUNS}|{EVIDENCE_NOUNS})\b(?:[^.;:!?]|{_TITLE_STOP}){{0,120}}?"
               rf"(?:\b(?:is|are|was|were|(?:has|have|had)\s+been)|['’]s)\s+[\"“‘']?(?:\w+\s+){{0,2}}[\"“‘']?"
               rf"(?:{FALSITY}|rejected|denied|disputed|refuted)\b",
               re.IGNORECASE),
    # 'There was no second resolution planned'; not 'There is no doubt / ambiguity about that', which insists
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)there\s+(?:was|were|is|are|has been|have been)\s+no\b"
               r"(?!\s+(?:doubt|question|ambiguity|dispute|mistake|secret|denying|hiding|arguing)\b)", re.IGNORECASE),
    NOBODY_DID_THAT,
    re.compile(r"\b(?:never happened|did not happen|didn't happen|didn’t happen|not what happened|"
               # 'That is not what the study shows'
               r"not\s+what\s+(?:the|this|that|these|its|their|our)\s+(?:[\w-]+\s+)?(?:study|studies|report|data|"
               r"evidence|figures|research|paper|records?|documents?|footage|video|results|findings|numbers)\s+"
               r"(?:show|shows|showed|say|says|said|found|finds|suggests?|suggested)|"
               r"(?:nothing\s+could|could(?:\s+not|n['’]t))\s+be\s+further\s+from\s+the\s+truth)\b", re.IGNORECASE),
    POINTING_REJECTION,
    OTHERWISE_WRONG,
    re.compile(rf"^(?:[\"“‘']\s*)?(?:{FALSITY}|fake news|lies)[\s.,!\"”’']*$", re.IGNORECASE),
    # 'it would be absurd for Russia to oppose ...', 'it is ridiculous to suggest ...': calling it absurd denies it
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)it\s+would\s+(?:\w+\s+)?be\s+(?:\w+\s+)?[\"“‘']?(?:absurd|ridiculous|"
               r"unthinkable|inconceivable|preposterous|laughable|nonsensical|illogical)[\"”’']?"
               r"\s+(?:for\s+[^,;]{1,40}?\s+)?to\s+\w+", re.IGNORECASE),
    # 'it would be "incredible" for Russia to oppose ...': these words deny only with a doer ('for X to'),
    # since 'it would be incredible to see them win' hopes rather than doubts
    re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*)it\s+would\s+(?:\w+\s+)?be\s+(?:\w+\s+)?[\"“‘']?(?:incredible|"
               r"unbelievable|implausible|strange|odd|bizarre)[\"”’']?\s+for\s+[^,;]{1,40}?\s+to\s+\w+", re.IGNORECASE),
)
# 'it is ridiculous to suggest ...', 'So it is simply wrong to say I failed to declare it': its own 'say'
# is part of the denial, so only a reporting verb before it makes it a report of someone else's
FALSE_TO_SAY = re.compile(r"(?:^|[.;:!?]\s+|[\"“‘]\s*|\bso\s+)it\s+(?:is|was|'s|’s|would\s+be)\s+(?:\w+\s+)?"
                          r"(?:absurd|ridiculous|preposterous|laughable|nonsense|nonsensical|false|untrue|wrong|"
                          r"incorrect|inaccurate|misleading|not\s+true|not\s+accurate|not\s+correct)\s+to\s+"
                          r"(?:suggest|say|claim|think|believe|imply|argue|pretend|state|report)\b", re.IGNORECASE)


# 'there was no truth to claims that ...', 'not a shred of truth in the report': the claims named are denied
NO_TRUTH = re.compile(r"\bno\s+truth(?:\s+(?:whatsoever|at\s+all))?[\"”’']?\s+(?:to|in)\b|"
                      r"\bnot\s+(?:a\s+)?(?:shred|grain|word|ounce)\s+of\s+truth\b", re.IGNORECASE)


# 'they say it is false', 'he claims the story is untrue' report a denial rather than make it; 'the
# claim that I approved it is false' makes one
_REPORTS_SPEECH = re.compile(r"\b(?:say|says|said|claimed)\b|(?<!the )(?<!this )(?<!that )(?<!these )(?<!those )"
                             r"(?<!any )(?<!such )(?<!their )(?<!his )(?<!her )(?<!its )(?<!'s )(?<!’s )\bclaims?\b",
                             re.IGNORECASE)  # "the senator's claim" is a noun


# every denial pattern needs one of these words: a text without them is passed over at once
_DENIAL_WORDS = re.compile(rf"\b(?:{FALSITY}|otherwise|rejects?|rejected|denies|deny|denied|disputes?|disputed|refutes?|refuted|"
                           r"dismiss(?:es)?|dismissed|no|nobody|none|truth|happen|happened|fake|unthinkable|"
                           r"inconceivable|preposterous|laughable|nonsensical|illogical|incredible|unbelievable|"
                           r"implausible|strange|odd|bizarre|what)\b", re.IGNORECASE)


def denies_in_content(content: str) -> bool:
    """The content itself calls something false ('The idea ... is false', 'There was no second
    resolution', 'disinformation'), other than inside a further report ('they always say it is false')."""
    if not _DENIAL_WORDS.search(content):
        return False
    for sentence in _SENTENCE_BREAK.split(content.strip()):
        if OTHERWISE_WRONG.match(sentence):
            return True  # its own 'says' is part of the denial
        called_false = FALSE_TO_SAY.search(sentence) or NO_TRUTH.search(sentence)
        if called_false and not _REPORTS_SPEECH.search(sentence[:called_false.start()]):
            return True
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


ASKED_WHETHER = re.compile(r"^[\s,]*(?:(?!to\b)[\w'’-]+\s+){0,4}?(?:whether|if)\b", re.IGNORECASE)  # not 'to consider whether'


def says_nothing(cue: Cue, text: str, content: tuple[int, int]) -> bool:
    """A negated speech verb with a question for content reports nothing said: 'did not say whether
    he was forced out', 'has not mentioned what prompted it', 'did not tell the council how long';
    nor is a question put to the speaker by someone unnamed ('"No," Smith said when asked if the
    depot would close') the speaker's."""
    asked = cue.lemma == "ask" and cue.token.tag_ in ("VBN", "VBD") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cue.token.children) and \
        bool(ASKED_WHETHER.match(text[cue.text_end:content[1]]))  # 'when asked if ...': by someone unnamed
    conceded = cue.negated and cue.rejects_claim and cue.lemma in lx.DENIAL_CUES and \
        text[content[0]:content[1]].lower() in ("that", "this", "it")  # 'his lawyers have never contested that'
    return asked or conceded or _commits_to_nothing(cue) or \
        (cue.negated and cue.content is not None and bool(INDIRECT_QUESTION.match(text[cue.text_end:content[1]])))


def _commits_to_nothing(cue: Cue) -> bool:
    """'did not deny that the city overspent', 'has not confirmed that the talks failed': a denial or
    confirmation not made takes neither side ('I do not dispute that ...' concedes); and 'did not say
    that the plant would close', 'never said it', 'have not told representatives that the site will
    close': what was not said is no one's word (the sentence stays its writer's)."""
    lemma = cue.lemma.split()[0]
    if lemma in UNSAID_CUES:
        return _not_said(cue)
    return cue.negated and (lemma == "deny" or lemma in lx.CONFIRMATION_CUES)


def _not_said(cue: Cue) -> bool:
    """'did not say', 'never said', 'have not told': a negation just before the verb itself."""
    return cue.negated and any(c.dep_ == "neg" and 0 < cue.token.i - c.i <= 3 for c in cue.token.children)


# Speech verbs whose negation says that something was not said ('did not say that ...').
UNSAID_CUES = frozenset("say tell state claim announce suggest write report promise predict assert mention".split())


def polarity(cue: Cue, content_text: str) -> str:
    """deny or confirm from the cue ('denied', 'confirmed', 'found no evidence that'), else deny when
    the content calls something false."""
    if cue.lemma in ("plead guilty", "plead not guilty"):  # the 'not' stands on 'guilty', not on the verb
        return "confirm" if cue.lemma == "plead guilty" else "deny"
    lemma = cue.lemma.split()[0]
    called_false = cue.lemma in CALLING_CUES | DESCRIBING_CUES and re.search(rf"\b(?:{FALSITY})\b", content_text, re.IGNORECASE)
    if lemma in lx.DENIAL_CUES or cue.lemma in lx.DENIAL_PHRASES or called_false:
        return "assert" if cue.negated else "deny"
    if lemma in lx.CONFIRMATION_CUES:
        return "assert" if cue.negated else "confirm"
    if finds_nothing(cue) or SAYS_OTHERWISE.match(content_text):
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


def _told_us(cue: Cue) -> bool:
    """'told us', 'said to us', 'confirmed to us': the report's own outlet was told."""
    for child in cue.token.children:
        if child.dep_ in ("dative", "dobj") and child.lower_ == "us":
            return True
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and any(g.lower_ == "us" for g in child.children):
            return True
    return False


def _via(cue: Cue, referents: Referents, content: tuple[int, int], speaker: ResolvedSpeaker,
         datelines: list[tuple[int, int]], own_outlet: str | None = None) -> list[str]:
    """Outlets in the cue's sentence, outside the content and the dateline: the outlet told, the article
    quoted; the report's own outlet when the speaker 'told us'."""
    sent = cue.token.sent
    found = [own_outlet] if own_outlet and _told_us(cue) else []
    publisher = own_outlet.casefold() if own_outlet and not gazetteer.is_news_outlet(own_outlet) else None
    for ref in referents.items:
        if ref.kind != "outlet" or ref is speaker.referent or ref.name.casefold() == publisher:
            continue  # a release's own company, named in its officer's title, carried nothing
        if any(sent.start_char <= s < sent.end_char and not (content[0] <= s < content[1])
               and not any(ds <= s < de for ds, de in datelines) and not _set_against(cue, content, s)
               for s, e in ref.spans) and ref.name not in found:
            found.append(ref.name)
    medium = _quoting_medium(cue, referents)
    if medium is not None and medium not in found and medium != speaker.name:
        found.append(medium)
    return found


def _quoting_medium(cue: Cue, referents: Referents) -> str | None:
    """Who quoted the speaker in '... Detik.com quoted Djamal as saying': the quoting verb's subject,
    an outlet whether or not the story knows it as one."""
    token = cue.token
    if token.tag_ != "VBG" or token.head.lower_ != "as":
        return None
    quoting = next((t for t in (token.head.head, token.head.head.head) if t.lemma_.lower() in ("quote", "cite")), None)
    subject = next((c for c in quoting.children if c.dep_ == "nsubj"), None) if quoting is not None else None
    if subject is None:
        return None
    ref = referents.covering(subject.idx, subject.idx + len(subject.text))
    return ref.name if ref is not None and ref.kind in ("outlet", "organization") else None


# 'says it was not involved, | but documents obtained by the Guardian suggest otherwise': another clause,
# set against the statement
SET_AGAINST = re.compile(r"(?:,|;|\s[–—-])\s*(?:but|though|although|while|whereas|yet|however)\b", re.IGNORECASE)


def _set_against(cue: Cue, content: tuple[int, int], position: int) -> bool:
    """Whether an outlet named after both the cue and the content stands in a clause set against them."""
    after = max(content[1], cue.text_end)
    return position >= after and SET_AGAINST.search(doc_text(cue.token.doc), after, position) is not None


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


# A bare answer to a question: '"Absolutely not."', '"No," she said', '"Yes, it did."'.
NO_ANSWER = re.compile(r"^\W*(?:no|absolutely\s+not|certainly\s+not|of\s+course\s+not|definitely\s+not|not\s+at\s+all|"
                       r"never|no\s+way|nope|not\s+a\s+chance|no\s+chance|not\s+on\s+my\s+watch|far\s+from\s+it|"
                       r"not\s+in\s+the\s+slightest|by\s+no\s+means)\W*$", re.IGNORECASE)
YES_ANSWER = re.compile(r"^\W*(?:yes|absolutely|certainly|of\s+course|definitely|yes,?\s+(?:it|they|we|he|she)\s+"
                        r"(?:did|was|were|is|are|has|have))\W*$", re.IGNORECASE)
# An answer that repeats only the question's subject and auxiliary: '(a spokesman said) it had not', 'she would'.
_ELLIPTIC_SUBJECT = r"(?:it|they|he|she|we|i|there|that)"
_ELLIPTIC_AUXILIARY = r"(?:had|has|have|did|does|do|was|were|is|are|would|will|could|can|should)"
ELLIPTIC_NO = re.compile(rf"^\W*(?:no,?\s+)?{_ELLIPTIC_SUBJECT}\s+(?:{_ELLIPTIC_AUXILIARY}(?:\s+not|n['’]t)|won['’]t|"
                         r"can(?:not|['’]t)|never\s+(?:did|had|was|were|has|have))(?:\s+(?:been|done\s+so|have))?\W*$",
                         re.IGNORECASE)
ELLIPTIC_YES = re.compile(rf"^\W*(?:yes,?\s+)?{_ELLIPTIC_SUBJECT}\s+{_ELLIPTIC_AUXILIARY}(?:\s+(?:been|done\s+so|have))?\W*$",
                          re.IGNORECASE)


# 'Officials said at least 40 people were killed, | though local media put the toll at more than 60': the
# reporter sets another source against the first; what follows is no longer the first one's.
CONTRAST_BEFORE = re.compile(r",?\s+(?:even\s+though|though|although|while|whereas|but)\s+$", re.IGNORECASE)


# The reporter's note after what was said that nothing backed it: '..., offering no evidence', '..., without
# providing evidence'.
EVIDENCE_NOTE = re.compile(r",\s+(?:(?:while|but)\s+)?(?:(?:offering|providing|citing|giving|presenting|producing)\s+no\s+"
                           r"evidence|without\s+(?:(?:providing|offering|citing|presenting|giving|producing)\s+)?"
                           r"(?:any\s+)?evidence)\b[^.;:!?\"“”]*$", re.IGNORECASE)


def answer_polarity(answer: str) -> str | None:
    """deny for a bare no ('No', 'it had not'), assert for a bare yes ('Yes', 'she would'), None for any
    other answer."""
    bare = "deny" if NO_ANSWER.match(answer) else "assert" if YES_ANSWER.match(answer) else None
    return bare or elliptic_polarity(answer)


def elliptic_polarity(answer: str) -> str | None:
    """deny or assert for an answer that is only a subject and an auxiliary ('it will not', 'they were'),
    None otherwise: such an answer leans on the clause just before it."""
    return "deny" if ELLIPTIC_NO.match(answer) else "assert" if ELLIPTIC_YES.match(answer) else None


def _denies_an_accusation(cue: Cue, content: str) -> bool:
    """'Brown denied wrongdoing', 'The bank denied responsibility': a one-word denial of what its speaker
    is accused of is a statement (it answers the accusation), not too short to be one."""
    words = content.strip(" .,").lower().split()
    return cue.lemma.split()[0] in lx.DENIAL_CUES and 0 < len(words) <= 3 and words[-1] in lx.DENIED_BY_NAME


def _bare_answer(content: str) -> bool:
    """'No', 'Yes': a one-word answer is a statement (of the question it answers), not too short to be one."""
    return answer_polarity(content) is not None


def _without_evidence_notes(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Each draft's content without a closing note of the reporter's that no evidence was given."""
    out = []
    for draft in drafts:
        note = EVIDENCE_NOTE.search(text, draft.start, draft.end)
        out.append(replace(draft, end=note.start()) if note and content_words(text, draft.start, note.start()) >= 3
                   else draft)
    return out


class _Spans:
    """The drafts whose content holds a position, found by bisection rather than a scan of every draft
    (a long document holds thousands), in the drafts' own order."""

    LONG = 2000  # characters: contents longer than this are checked one by one

    def __init__(self, drafts: list[_Draft]) -> None:
        self.drafts = drafts
        short = sorted((d.start, i) for i, d in enumerate(drafts) if d.end - d.start <= self.LONG)
        self.starts = [start for start, _ in short]
        self.order = [i for _, i in short]
        self.long = [i for i, d in enumerate(drafts) if d.end - d.start > self.LONG]

    def holding(self, position: int, current: "list[_Draft | None] | None" = None) -> list[int]:
        """Indices of the drafts with start <= position < end; with `current`, of the drafts now in those
        slots (a slot emptied, or a content cut short, since the index was made)."""
        drafts = self.drafts if current is None else current
        low = bisect.bisect_left(self.starts, position - self.LONG)
        high = bisect.bisect_right(self.starts, position)
        found = [i for i in (*self.order[low:high], *self.long)
                 if (d := drafts[i]) is not None and d.start <= position < d.end]
        return sorted(found)


def _without_contrasted_sources(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Each draft's content without a contrasting clause of another source, or of the same source's
    other act ('acknowledged that 300 files had been lost, | though it maintained that none held
    personal data'), that the parser left in it."""
    out = []
    openings = sorted((min(d.speaker.start, d.cue.text_start), i) for i, d in enumerate(drafts))
    positions = [at for at, _ in openings]
    for draft in drafts:
        end = draft.end
        inside = sorted(i for _, i in openings[bisect.bisect_right(positions, draft.start):
                                              bisect.bisect_left(positions, draft.end)])
        for other in (drafts[i] for i in inside):
            at = min(other.speaker.start, other.cue.text_start)
            if other is draft or not draft.start < at < end:
                continue
            contrast = CONTRAST_BEFORE.search(text, draft.start, at)
            if contrast is not None and content_words(text, draft.start, contrast.start()) >= 3:
                end = contrast.start()
        out.append(draft if end == draft.end else replace(draft, end=end))
    return out


_CLAIM_NOUN_THAT = re.compile(rf"\b(?:{_CLAIM_NOUNS})\s+that\s*$", re.IGNORECASE)
# '... were exaggerated', or 'dismissed reports that ... as fake news' (the parser hangs the 'as' on the clause)
_FALSITY_TAIL = re.compile(rf",?\s+(?:(?:is|are|was|were)\s+[\"“‘']?(?:\w+\s+){{0,2}}[\"“‘']?(?:{FALSITY})|"
                           rf"as\s+[\"“‘']?(?:(?:a|an|pure|simply|just|complete|utter)\s+)?(?:{FALSITY})(?:\s+news)?)[\s.,\"”’']*$",
                           re.IGNORECASE)


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


# 'what she had told reporters earlier in the week: that ...': a reference to what was said, spelled out after the colon
WHAT_WAS_SAID = re.compile(r"what\s+(?:[\w'’-]+\s+){0,3}?(?:(?:had|has|have)\s+)?(?:told|said|written|wrote|testified|"
                           r"stated|claimed|alleged|reported|argued|insisted)\b[^:;.\"“”]{0,80}?:\s+(?:that\s+)?(?=\w)",
                           re.IGNORECASE)


def _contents(text: str, cue: Cue) -> list[tuple[int, int]]:
    """The spans a cue reports: its clause widened over the quotes it overlaps, and its other quotes."""
    spans: list[tuple[int, int]] = []
    if cue.content:
        start, end = cue.content
        spelled_out = WHAT_WAS_SAID.match(text, start, end)
        if spelled_out is not None:  # 'repeated what she had told reporters: | that she raised the alarm ...'
            start = spelled_out.end()
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
        elif inner[0] == "‘" or (inner[0] == "'" and len(inner) > 1 and inner[1].isalpha() and
                                 (start == 0 or not text[start - 1].isalnum())):  # "'We are not going ...,' said"
            start = trim_span(text, start + 1, end)[0]
        elif inner[-1] in "’'" and len(inner) > 1 and inner[-2] in ".,!?":
            end = trim_span(text, start, end - 1)[1]
        else:
            break
    return start, end


def extract_statements(doc: "Doc", document: Document, mentions: list[Mention]) -> list[Statement]:
    """Every attributed speech act of the document's body, in text order."""
    text = document.text
    referents = build_referents(mentions, _outlet_keys(mentions, document))
    quotes = [q for q in find_quotes(text) if not _excluded(document, q.start, q.end)]
    quotes = sorted(quotes + [q for q in block_quotes(text, quotes) if not _excluded(document, q.start, q.end)],
                    key=lambda q: q.start)
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
        if _source_aside(cue) or is_editorial_note(text[cue.token.sent.start_char:cue.token.sent.end_char]):
            continue  # 'An earlier version of this article said ...'
        speaker = ResolvedSpeaker(UNNAMED_SOURCES, "anonymous", *cue.speaker_span) if cue.unnamed \
            else _continuing_speaker(text, cue, drafts, quotes)
        if speaker is None:
            if cue.speaker_head is None or (resolver.in_quote(cue.speaker_head.idx) and cue.speaker_head.pos_ == "PRON"):
                continue
            speaker = resolver.resolve(cue.speaker_head, cue.position)
        spans = [s for s in _contents(text, cue)
                 if s[1] > s[0] and (content_words(text, *s) >= 2 or _bare_answer(text[s[0]:s[1]]) or cue.rejects_claim
                                     or SAYS_OTHERWISE.match(text[s[0]:s[1]])
                                     or _denies_an_accusation(cue, text[s[0]:s[1]]))
                 and not _excluded(document, *s)
                 and not ANONYMITY_REQUEST.match(text[s[0]:s[1]]) and not says_nothing(cue, text, s)]
        cited = _cited_by_outlet(cue, speaker, spans)
        citing = speaker if cited is not None and speaker.kind != "outlet" else None  # 'Local media, citing police'
        if cited is not None:  # 'Reuters, citing a company document, said ...': the document, through Reuters
            speaker = _cited_speaker(resolver, cited, cue.position)
        for start, end in spans:
            claim_end = _claim_called_false(text, start, end)
            end = claim_end or end
            via = _via(cue, referents, (start, end), speaker, datelines, document.outlet)
            drafts.append(_Draft(cue, start, end, speaker, mode_of(text, start, end, quotes),
                                 via + [citing.name] if citing is not None and citing.name not in via else via,
                                 claim_end is not None))
        if (spans or cue.reference_only) and not _evidence_of_something(cue, speaker) and \
                not (not spans and _within_content(cue, drafts)):
            resolver.remember(speaker)
    drafts = _with_appended_reactions(doc, text, cues, quotes, resolver, drafts)
    drafts = _drop_nested_same_speaker(_without_contrasted_sources(text, _without_evidence_notes(text, drafts)))
    drafts.extend(_continuations(text, unattached, drafts, document))
    _add_nested_via(drafts)
    found = [_statement(document, d, text) for d in drafts]
    turns = transcript_statements(document, mentions) + interview_statements(document, mentions) + \
        embedded_posts(document, mentions)
    found = within_turns(found, turns, text) + turns
    found += labelled_quotes(document, mentions, quotes, found)
    found += factcheck_statements(document, mentions, found) + correction_statements(document)
    return sorted(found, key=lambda s: (s.start, s.cue_start))


def _cited_speaker(resolver: SpeakerResolver, cited: "Token", position: int) -> ResolvedSpeaker:
    """The source an outlet cites as a speaker: a name as the story knows it, a description as
    written ('two officials', 'sources familiar with the matter', 'a company document')."""
    if cited.pos_ == "PROPN":
        return resolver.resolve(cited, position)
    start, end = subtree_span(cited)
    name = resolver.text[start:end].strip(" ,")
    lemma = cited.lemma_.lower()
    kind = "document" if lemma in lx.SOURCE_DOCUMENT_HEADS else "organization" if lemma in lx.ORGANIZATION_HEADS else "anonymous"
    return ResolvedSpeaker(name, kind, start, start + len(name), resolver.referents.add(name, kind, (start, start + len(name)),
                                                                                      heads={lemma, cited.lower_}))


def _source_aside(cue: Cue) -> bool:
    """', citing two officials,' / ', quoting people familiar with the talks,': who told the cue next to
    it, no speech act of its own."""
    token = cue.token
    return token.i > 0 and opens_source_aside(token.doc, token.i - 1) and \
        any(c.dep_ == "dobj" and names_a_source(c) for c in token.children)


# Unnamed news media as a speaker: 'Local media, citing police, said', 'state television, citing ...'.
MEDIA_WORDS = re.compile(r"\b(?:media|press|newspapers?|television|tv|broadcasters?|radio|news\s+agenc(?:y|ies)|"
                         r"outlets?)\b", re.IGNORECASE)


def _cited_by_outlet(cue: Cue, speaker: ResolvedSpeaker, spans: list[tuple[int, int]]) -> "Token | None":
    """Who a news outlet (or anything but a person that reports) cites for what it reports ('The Times
    reported, citing two officials, that ...', 'Reuters, citing a company document, said ...'): the
    source, whose word it passes on. The citing phrase is outside the content, after the speaker."""
    if not spans or not (speaker.kind == "outlet" or speaker.kind != "person" and
                         (cue.lemma == "report" or MEDIA_WORDS.search(speaker.name))):
        return None  # a person citing evidence still says it ('The minister, citing a police report, said')
    opening = min(speaker.start, cue.text_start)
    for token in cue.token.sent:
        if not is_citing(token) or token.idx < opening or \
                any(s <= token.idx < e for s, e in spans):
            continue
        cited = next((c for c in token.children if c.dep_ == "dobj"), None)
        if cited is not None and names_a_source(cited):
            return cited
    return None


def _within_content(cue: Cue, drafts: list["_Draft"]) -> bool:
    """A speech act with no content of its own told inside what someone else said ('rejected claims
    that a neighboring farmer had warned a technician'): no one's turn, so no later 'she' means its
    speaker."""
    return any(d.start <= cue.text_start < d.end for d in drafts)


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
    """The keys of the names that are news outlets: the document's own, the outlet list's (one that is
    also a common word only after 'the': 'the Guardian'), and names of two or more words ending in a
    newspaper's word ('the Marlow Falls Sentinel'; not 'Post Office')."""
    keys = {names.org_key(document.outlet)} if document.outlet else set()
    for mention in mentions:
        words = names.strip_article(mention.text).split()
        with_article = mention.label == "ORG" and \
            document.text[max(0, mention.start - 4):mention.start].lower() == "the "  # 'seen by the Guardian'
        if gazetteer.outlet_name(mention.text, allow_ambiguous=False) or \
                with_article and gazetteer.outlet_name(mention.text) or \
                len(words) >= 2 and words[-1].casefold().strip(".,'’") in lx.NEWSPAPER_ENDINGS and words[0][:1].isupper():
            keys.add(names.org_key(mention.text))
    return keys


def _inside_quote(cue: Cue, quotes: list[Quote]) -> bool:
    return any(q.inner_start <= cue.text_start < q.inner_end for q in quotes)


def _same_speaker(a: ResolvedSpeaker, b: ResolvedSpeaker) -> bool:
    if a.referent is not None and a.referent is b.referent:
        return True
    return a.name == b.name


# The nouns by which a writer appends a note on the clause before: '..., an accusation his lawyer rejected'.
APPENDED_NOUNS = (r"claim|allegation|accusation|charge|assertion|account|figure|number|estimate|version|"
                  r"characteri[sz]ation|suggestion|position|explanation")
# '..., an accusation his lawyer rejected', '..., a claim environmental groups dispute', '..., a figure aid
# agencies say is far too low': another source's denial or confirmation of the clause before, appended to
# it as a noun with a clause of its own.
APPENDED_REACTION = re.compile(
    rf",\s+(?:a|an)\s+(?:{APPENDED_NOUNS})\s+(?:that\s+|which\s+)?"
    r"(?P<speaker>(?!(?:later|since|also|widely|firmly|strongly|flatly|subsequently)\s)(?:[\w.'’-]+\s+){1,5}?)"
    r"(?:(?:has|have|had|strongly|flatly|vehemently|firmly|also|later)\s+){0,2}"
    r"(?P<cue>(?:den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:e|es|ed)|refut(?:e|es|ed)|dismiss(?:es|ed)?|rebut(?:s|ted)?|"
    r"contradict(?:s|ed)?|confirm(?:s|ed)?|acknowledg(?:e|es|ed)|corroborat(?:e|es|ed))\b(?!\s+by\b)|"
    r"(?P<saying>says?|said)\b(?=\s+(?:is|was|are|were)\s+"
    rf"(?:\w+\s+){{0,2}}?(?:{FALSITY}|too\s+(?:low|high|small|large)|inflated|understated|an?\s+(?:under|over)estimate)\b)|"
    # '..., a claim the opposition has described as "fantasy"'
    r"(?P<calling>(?:describ(?:e|es|ed)|call(?:s|ed)?|brand(?:s|ed)?|label(?:s|led|ed)?)(?:\s+as)?)"
    rf"(?=\s+[\"“‘']?(?:\w+\s+){{0,2}}?(?:{FALSITY})\b))"
    r"(?=[^.;!?]*(?:$|[.;!?]))", re.IGNORECASE)
# The same in the passive, with or without who reacted: '..., a figure that was later confirmed', '..., a
# number that was denied by the union'.
APPENDED_PASSIVE = re.compile(
    rf",\s+(?:a|an)\s+(?:{APPENDED_NOUNS})\s+(?:(?:that|which)\s+(?:(?:has|have|had)\s+)?(?:been|was|were|is|are)\s+)?"
    r"(?:(?:later|since|also|strongly|flatly|widely|firmly)\s+)?(?P<cue>denied|rejected|disputed|refuted|dismissed|"
    r"rebutted|contradicted|confirmed|corroborated|acknowledged)\b"
    r"(?:\s+by\s+(?P<speaker>[^,.;:!?\"“”]+?))?(?=\s*(?:$|[.;,!?]))", re.IGNORECASE)
APPENDED_NOTE_START = re.compile(rf",\s+(?:a|an)\s+(?:{APPENDED_NOUNS})\s", re.IGNORECASE)
AUXILIARY_WORDS = frozenset("was were is are be been being has have had not can could will would shall should may might "
                            "must".split())  # never part of a reacting source's name ('a claim that could not be confirmed')


def _with_appended_reactions(doc: "Doc", text: str, cues: list[Cue], quotes: list[Quote], resolver: SpeakerResolver,
                             drafts: list[_Draft]) -> list[_Draft]:
    """'The prosecutor alleged that Reyes had taken bribes, an accusation his lawyer rejected': the clause
    before the comma is the prosecutor's, and the lawyer denies that same clause (the parser makes the
    lawyer's clause part of the first or reads 'a claim ... groups' as one speaker). In the passive
    ('..., a number that was denied by the union') the reaction is a statement only when it says whose
    it is; either way the first source's words end at the comma."""
    if not APPENDED_NOTE_START.search(text):
        return drafts  # most documents: no note of this kind at all
    cue_at = {c.text_start: c for c in cues}
    found = _Reactions(drafts)
    for sentence in doc.sents:
        found.next_sentence()
        for match in APPENDED_PASSIVE.finditer(text, sentence.start_char, sentence.end_char):
            _appended_reaction(doc, text, sentence, match, _passive_cue(doc, match), quotes, resolver, found)
        for match in APPENDED_REACTION.finditer(text, sentence.start_char, sentence.end_char):
            cue = cue_at.get(match.start("cue")) or _reaction_cue(doc, match)
            if cue is not None and (match.group("saying") or match.group("calling")):  # 'say is far too low': what
                # they call it is part of the act
                called = re.match(r"[^.;!?]*", text[match.end("cue"):sentence.end_char]).group().rstrip(" ,\"”")
                if sum(called.count(mark) for mark in "\"“”") % 2:  # 'described as "fantasy"': its closing mark too
                    called += text[match.end("cue") + len(called):match.end("cue") + len(called) + 1]
                found.drop_cue(cue)
                cue = replace(cue, text_end=match.end("cue") + len(called))
            if cue is not None:
                _appended_reaction(doc, text, sentence, match, cue, quotes, resolver, found)
    return found.result()


class _Reactions:
    """The drafts while appended reactions cut and add to them: the first ones in their slots (indexed
    by where they stand), the reactions added after them."""

    def __init__(self, drafts: list[_Draft]) -> None:
        self.slots: list[_Draft | None] = list(drafts)
        self.spans = _Spans(drafts)
        self.by_cue: dict[int, list[int]] = {}
        for i, draft in enumerate(drafts):
            self.by_cue.setdefault(id(draft.cue), []).append(i)
        self.added: list[_Draft | None] = []
        self.sentence_added: list[int] = []  # indices into `added` of this sentence's reactions

    def holding(self, position: int) -> list[tuple[list["_Draft | None"], int]]:
        """(list, index) of every live draft with start <= position < end, first ones before added ones."""
        out: list[tuple[list[_Draft | None], int]] = []
        for i in self.spans.holding(position, self.slots):
            out.append((self.slots, i))
        for i in self.sentence_added:
            draft = self.added[i]
            if draft is not None and draft.start <= position < draft.end:
                out.append((self.added, i))
        return out

    def next_sentence(self) -> None:
        """Reactions added so far cannot hold a later sentence's comma: they end at their own."""
        self.sentence_added = []

    def drop_cue(self, cue: Cue) -> None:
        for i in self.by_cue.get(id(cue), []):
            self.slots[i] = None
        self.added = [d if d is None or d.cue is not cue else None for d in self.added]

    def add(self, draft: _Draft) -> None:
        self.sentence_added.append(len(self.added))
        self.added.append(draft)

    def result(self) -> list[_Draft]:
        return [d for d in self.slots + self.added if d is not None]


REACTION_LEMMAS = {"den": "deny", "reject": "reject", "disput": "dispute", "refut": "refute", "dismiss": "dismiss",
                   "rebut": "rebut", "contradict": "contradict", "confirm": "confirm", "acknowledg": "acknowledge",
                   "corroborat": "corroborate", "describ": "describe", "call": "call", "brand": "brand", "label": "label"}


def _reaction_cue(doc: "Doc", match: "re.Match[str]") -> Cue | None:
    """The cue of an appended reaction whose verb the tagger read as a noun ('a claim the seafarers' union
    disputes')."""
    word = match.group("cue").lower()
    lemma = next((lemma for stem, lemma in REACTION_LEMMAS.items() if word.startswith(stem)), None)
    return _matched_cue(doc, match, lambda verb: lemma) if lemma is not None else None


def _passive_cue(doc: "Doc", match: "re.Match[str]") -> Cue | None:
    """The cue of a reaction in the passive, when it names who reacted ('denied | by the union')."""
    return _matched_cue(doc, match, lambda verb: verb.lemma_.lower()) if match.group("speaker") else None


def _matched_cue(doc: "Doc", match: "re.Match[str]", lemma_of: "Callable[[Token], str]") -> Cue | None:
    """A cue over the words a reaction pattern matched as its verb, with the lemma `lemma_of` gives the verb."""
    verb = doc.char_span(match.start("cue"), match.end("cue"))
    if verb is None:
        return None
    return Cue(token=verb[0], text_start=match.start("cue"), text_end=match.end("cue"), lemma=lemma_of(verb[0]))


def _appended_reaction(doc: "Doc", text: str, sentence: "Span", match: "re.Match[str]", cue: Cue | None,
                       quotes: list[Quote], resolver: SpeakerResolver, found: _Reactions) -> None:
    """The clause before the reaction's comma ended there, and the reaction (when `cue` is given and
    names a source) a statement of that clause."""
    comma = match.start()
    owner = next((where[i] for where, i in found.holding(comma - 1) if where[i].cue is not cue), None)
    start = owner.start if owner is not None else sentence.start_char
    words = doc.char_span(match.start("speaker"), match.end("speaker"), alignment_mode="expand") \
        if match.group("speaker") else None
    if content_words(text, start, comma) < 3 or (cue is not None and (
            words is None or any(w.lower_ in AUXILIARY_WORDS for w in words))):
        return
    if cue is not None:
        found.drop_cue(cue)
    for where, i in found.holding(comma):
        if where[i].start < comma:
            where[i] = replace(where[i], end=comma)
    if cue is None:
        return
    speaker = resolver.resolve(words.root, cue.position)
    if not words.start_char <= speaker.start < words.end_char:  # a mention run over the noun: 'a claim environmental groups'
        speaker = ResolvedSpeaker(words.text.strip(), speaker.kind, words.start_char, words.end_char)
    found.add(_Draft(cue, start, comma, speaker, mode_of(text, start, comma, quotes), [],
                     match.groupdict().get("saying") is not None or match.groupdict().get("calling") is not None))


def _drop_nested_same_speaker(drafts: list[_Draft]) -> list[_Draft]:
    """'Netanyahu said that he asked ...': the inner act is part of the outer statement. An inner
    denial or confirmation stays a statement of its own ('said it was cooperating with the police and
    denied that any of its employees had helped'): the outer one only asserts."""
    kept = []
    spans = _Spans(drafts)
    for draft in drafts:
        nested = any(other is not draft and other.start <= draft.cue.text_start < other.end and
                     other.cue is not draft.cue and _same_speaker(other.speaker, draft.speaker) and
                     not _takes_a_side(draft.cue, other.cue)
                     for other in (drafts[i] for i in spans.holding(draft.cue.text_start)))
        if not nested:
            kept.append(draft)
    return kept


def _takes_a_side(inner: Cue, outer: Cue) -> bool:
    """Whether the inner cue denies or confirms where the outer one only reports ('said it denies
    those claims' is one denial: the outer one's)."""
    sides = lx.DENIAL_CUES | lx.CONFIRMATION_CUES
    return inner.lemma.split()[0] in sides and outer.lemma.split()[0] not in sides and not inner.rejects_claim


def _continuations(text: str, quotes: list[Quote], drafts: list[_Draft], document: Document) -> list[_Draft]:
    """Quotes with no cue that continue the previous speaker: in the same paragraph, or a paragraph
    that opens with a quote right after one that ended with that speaker's quote."""
    extra: list[_Draft] = []
    for quote in quotes:
        if not is_full_quote(text, quote) or _excluded(document, quote.start, quote.end):
            continue
        going_on = _quote_going_on(text, quote, drafts)
        if going_on is not None:  # '"The pipes were replaced ... ¶ "If there were a problem," said Dan Reed.'
            extra.append(_Draft(going_on.cue, quote.inner_start, quote.inner_end, going_on.speaker, "direct",
                                list(going_on.via)))
            continue
        previous = [d for d in drafts + extra if d.end <= quote.start]
        if not previous:
            continue
        last = max(previous, key=lambda d: d.end)
        lines_between = text[last.end:quote.start].split("\n")
        same_paragraph = len(lines_between) == 1
        next_paragraph = not same_paragraph and not "".join(lines_between[1:]).strip() and last.mode == "direct"
        if same_paragraph or next_paragraph:
            extra.append(_Draft(last.cue, quote.inner_start, quote.inner_end, last.speaker, "direct", list(last.via)))
    return extra


def _quote_going_on(text: str, quote: Quote, drafts: list[_Draft]) -> _Draft | None:
    """A quote its paragraph leaves open goes on in the next paragraph, which reopens it: when that
    paragraph's quote has its speaker, the open one is theirs too."""
    if quote.closed:
        return None
    following = re.match(r"[^\S\n]*\n\s*[\"“]", text[quote.end:])
    if following is None:
        return None
    opens = quote.end + following.end() - 1
    paragraph_end = text.find("\n", opens)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    return next((d for d in drafts if d.mode == "direct" and opens <= d.start <= opens + 2
                 and d.cue.text_start < paragraph_end), None)


def _add_nested_via(drafts: list[_Draft]) -> None:
    """A statement reported inside another speaker's statement reaches us through that speaker."""
    spans = _Spans(drafts)
    for inner in drafts:
        for outer in (drafts[i] for i in spans.holding(inner.cue.text_start)):
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
