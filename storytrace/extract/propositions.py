"""Claim candidates of one document: the clauses its sources and its reporter assert or deny.

Each statement's content is cut into clauses (sentences, then coordinated clauses that each have
their own verb), so one quote that denies three things yields three propositions. The rest of the
body, outside statements and their attribution, gives the reporter's own assertions. Questions,
attribution shells ("Netanyahu shared the details.") and fragments are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from storytrace.extract import lexicon as lx
from storytrace.extract.cues import (CLAUSE_ONLY_CUES, DOING_WITH_INFINITIVE, FALSITY, RELATIVE_TAGS, SUBJECT_DEPS, doc_text,
                                     last_mark_end, said_of_antecedent)
from storytrace.extract.datelines import past_dateline
from storytrace.extract.factcheck import verdict_propositions
from storytrace.extract.quotes import DOUBLE_MARKS
from storytrace.extract.speakers import WHY_UNNAMED
from storytrace.extract.statements import (APPENDED_NOUNS, NOBODY_DID_THAT, OTHERWISE_WRONG, POINTED_CLAIM,
                                          POINTING_FALSITY, POINTING_REJECTION, SAYS_OTHERWISE, WHAT_WAS_SAID,
                                          answer_polarity, denies_in_content, elliptic_polarity)
from storytrace.extract.transcripts import turn_matches
from storytrace.ingest.boilerplate import is_editorial_note
from storytrace.schema import Document, Mention, Proposition, Statement, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())
HEDGES = re.compile(r"\b(?:might|may|could|reportedly|allegedly|apparently|possibly|perhaps|rumou?red|unconfirmed)\b",
                    re.IGNORECASE)
# 'in order not to scare donors' negates the purpose, not the clause's claim; 'no fewer than 12',
# 'no later than July 11' and 'not only' bound or stress an amount, and 'not due until September',
# 'did not reopen until March' put the event later: they negate nothing
_NOT_UNTIL = r"(?!\s+(?:[\w-]+\s+){0,3}until\b)"
# 'We have no doubt about where it came from', 'I do not doubt that', 'there is no question that': certainty
_NOT_DOUBTED = r"(?!\s+(?:doubts?|doubted|wonder)\b)(?!\s+question\s+(?:that|about)\b)"
NEGATION = re.compile(rf"(?<!in order )(?<!so as )\b(?:(?:not|no)(?!\s+(?:fewer|less|more|later|earlier|sooner|longer|"
                      rf"greater|smaller|older|younger)\s+than\b)(?!\s+(?:only|just|merely|simply|solely)\b){_NOT_UNTIL}{_NOT_DOUBTED}|"
                      rf"n't{_NOT_UNTIL}{_NOT_DOUBTED}|n’t{_NOT_UNTIL}{_NOT_DOUBTED}|"
                      rf"never|neither|nor|without)\b", re.IGNORECASE)
# A negation that concedes a part or marvels (lexicon's CONCESSIVE_WORDS, WHOLE_WORDS), as the stance module reads it
NEGATION_EXCUSED = re.compile(rf"\b(?:(?:{'|'.join(sorted(lx.CONCESSIVE_WORDS))}),?\s+not,?\s+"
                              rf"(?:{'|'.join(sorted(lx.WHOLE_WORDS))})|(?:can|could)(?:\s*not|n['’]t)\s+believe)\b",
                              re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|while|whereas)\s+|;\s+|\s+[–—-]\s+|:\s+)")
MIN_WORDS = 4


def _tokens_in(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


# What a speech act is about when it is only a speech act ('Shapiro denied the story')
STORY_NOUNS = lx.SAID_NOUNS | frozenset("it this that them these those what everything anything something nothing all".split())


def acts_rather_than_speaks(token: "Token") -> bool:
    """A cue verb that reports an act, not speech: it takes a thing as its object and no clause
    ('denied the request', 'confirmed seven cases', 'has not responded to the second request'), or it is passive
    ('were charged with fraud'). 'denied the story' stays a speech act."""
    children = list(token.children)
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return False
    if token.lemma_.lower() in CLAUSE_ONLY_CUES:
        return True  # 'hinted at the story', 'ruled on the appeal': no clause, no speech act
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return True
    objects = [c for c in children if c.dep_ == "dobj"]
    objects += [o for c in children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.lemma_.lower() not in STORY_NOUNS and o.pos_ in ("NOUN", "PROPN", "NUM")
                                 for o in objects)


# 'The company that operates the pipeline|, Gulfline Energy, says ...': a description with its relative clause,
# then the name it describes set off by commas
DESCRIBED = re.compile(r"\W*(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:that|which|who)\s", re.IGNORECASE)
NAME_SET_OFF = re.compile(r",\s+(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*,")


def _described_before_a_name(text: str, start: int, end: int) -> bool:
    """A description the name after it stands for: it names someone, it states nothing."""
    return bool(DESCRIBED.match(text, start, end)) and bool(NAME_SET_OFF.match(text, end))


def _has_own_verb(doc: "Doc", start: int, end: int, skip_cues: bool) -> bool:
    """A clause with a finite verb of its own (not only a speech cue, unless the cue reports an act)."""
    for token in _tokens_in(doc, start, end):
        if token.dep_ in ("aux", "auxpass") and not start <= token.head.idx < end:
            continue  # an auxiliary whose verb is in another piece ('The Agency has been | informed by ...')
        if token.tag_ in FINITE_TAGS or (token.tag_ in ("VBN", "VBG") and token.dep_ in ("ROOT", "ccomp", "conj", "relcl")):
            if (skip_cues and token.lemma_.lower() in lx.REPORTING_CUES and token.tag_ != "MD"
                    and not acts_rather_than_speaks(token) and not _goes_on_doing(token)):
                continue
            return True
    return False


def _goes_on_doing(token: "Token") -> bool:
    """'The markets continued to remain closed', 'Services will continue from October 28', 'agreed to
    sell the club': a verb that can introduce speech ('he continued, "..."', 'agreed that ...') used
    for going on or doing, with no clause or quotation of its own."""
    return token.lemma_.lower() in DOING_WITH_INFINITIVE and \
        not any(c.dep_ in ("ccomp", "parataxis") for c in token.children) and \
        not any(t.text in DOUBLE_MARKS for t in token.sent)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences inside [start, end): stops followed by a space and a capital or a quote mark."""
    spans, cursor = [], start
    for match in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z“\"‘'])", text[start:end]):
        stop = start + match.end()
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return [s for s in spans if text[s[0]:s[1]].strip()]


def _clause_spans(doc: "Doc", text: str, start: int, end: int, skip_cues: bool) -> list[tuple[int, int]]:
    """Coordinated clauses of a sentence, each with its own verb; a verbless piece joins its neighbour."""
    breaks = [m.span() for m in CLAUSE_BREAK.finditer(text, start, end)] + _second_that_clauses(doc, text, start, end)
    cuts = [start]
    for break_start, break_end in sorted(breaks):
        if _inside_brackets(text, start, break_start) or break_start < cuts[-1]:
            continue
        cuts.append(break_start)
        cuts.append(break_end)
    cuts.append(end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and (not _has_own_verb(doc, *piece, skip_cues=skip_cues) or _continues_clause(doc, piece)
                       or not _has_own_verb(doc, *merged[-1], skip_cues=skip_cues)):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


SECOND_THAT = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?(that)\s+", re.IGNORECASE)


def _second_that_clauses(doc: "Doc", text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a second 'that' clause joins the first ('said it never received a warning and that the
    collapse was caused by a seismic event'): two propositions. Not 'and that was the end', where
    'that' is a pronoun."""
    found = []
    if text.find(" that ", start, end) < 0:  # a quick check first: most clauses have no 'that'
        return found
    for match in SECOND_THAT.finditer(text, start, end):
        that = doc.char_span(*match.span(1), alignment_mode="expand")
        if that is not None and len(that) == 1 and that[0].dep_ == "mark":
            found.append(match.span())
    return found


def _continues_clause(doc: "Doc", piece: tuple[int, int]) -> bool:
    """A piece that only goes on with the previous clause: a relative clause ('– who was ... –') or a
    predicate without its own subject ('... – spoke to Obama', 'and aiming to ...')."""
    tokens = [t for t in _tokens_in(doc, *piece) if not (t.is_punct or t.is_space)]
    if not tokens:
        return True
    first = tokens[0]
    return first.lower_ in lx.RELATIVE_PRONOUNS | {"where", "when"} or first.pos_ in ("VERB", "AUX") or first.tag_ == "VBG"


def _inside_brackets(text: str, start: int, position: int) -> bool:
    segment = text[start:position]
    return segment.count("(") > segment.count(")") or segment.count("[") > segment.count("]")


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding blanks, punctuation, quotation marks, a paragraph's dateline or a leading 'that'."""
    opened = start
    while start < end and (text[start].isspace() or text[start] in ",;:–—-\"“”‘'("):
        start += 1
    start = past_dateline(text, start, end)  # 'HALBROOK — Corvane Air grounded 212 flights'
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-\"“”’'.)"):
        end -= 1
    match = re.match(rf"(?:{lx.LEADING_THAT}|and|but|while|whereas)\s+", text[start:end], flags=re.IGNORECASE)
    quoted_that = match is not None and match.group().lower().startswith("that") and \
        (any(c in "\"“‘" for c in text[opened:start]) or (start > 0 and text[start - 1] in "\"“‘"))
    if match and not quoted_that:  # '"That figure is accurate," he said': the quote's own first word
        start += match.end()
    match = re.search(r"[\s,]+(?:and|but|or)$", text[start:end], flags=re.IGNORECASE)
    if match:
        end = start + match.start()  # '... confirmed seven cases and | said'
    match = TIME_LAG.match(text, start, end)
    lag = LAG_WORD.match(text, match.end(), end) if match else None
    if lag and "," not in text[match.end():end]:
        start = lag.end()  # 'a day after | he was indicted'; not 'Days after the flood, the council ...'
    tail = max(start, end - TAIL_REACH)
    match = TRAILING_LAG.search(text[tail:end])
    if match and (match.group("lag") or LAG_WORD.match(text, end, end + 8)):
        end = tail + match.start()  # 'recalled 40,000 heaters on Monday, two weeks | after regulators found ...'
    return start, end


# How long before or after something: 'a day (after)', 'two weeks (before)', 'just hours (after)'.
TIME_LAG = re.compile(r"(?:(?:just|only|barely|some|about|nearly|almost)\s+)?(?:a|an|one|two|three|four|five|six|"
                      r"seven|eight|nine|ten|several|a\s+few|a\s+couple\s+of|\d+)\s+(?:minutes?|hours?|days?|weeks?|"
                      r"months?|years?)", re.IGNORECASE)
LAG_WORD = re.compile(r"\s+(?:after|before|since)\s+", re.IGNORECASE)
TRAILING_LAG = re.compile(rf"[\s,]+{TIME_LAG.pattern}(?P<lag>\s+(?:after|before|since))?$", re.IGNORECASE)
TAIL_REACH = 60  # characters at a clause's end that may hold a lag cut off from what it dates


FUNCTION_POS = frozenset("ADP SCONJ PART DET CCONJ".split())
DANGLING_DEPS = frozenset("aux mark det cc case".split())  # a word that only leads into what follows it


def _without_dangling_words(doc: "Doc", text: str, start: int, end: int) -> int:
    """The clause's end without closing words that lead into text cut away after it ('An Obama aide
    later contacted Jablinowitz to | tell him', 'received a complaint from | ...', 'order a fresh
    election if | ...', 'disagreements over labour cuts, which | the Republicans insisted ...'): a
    preposition whose object, or a 'to', 'if', article or relative pronoun whose verb or noun, lies
    beyond the end. A stranded preposition stays ('what the panels were made of')."""
    while end > start:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 2:
            return end
        last = span[-1]
        relative = last.tag_ in RELATIVE_TAGS  # '..., which | the Republicans insisted ...'
        if last.idx + len(last) != end or not (last.pos_ in FUNCTION_POS or relative):
            return end
        leads_on = relative or any(c.idx >= end for c in last.children) or \
            (last.dep_ in DANGLING_DEPS and last.head.idx >= end)
        if not leads_on:
            return end
        end = last.idx
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
            end -= 1
    return end


# How a source came to speak unnamed ('They spoke on condition of anonymity because ...', 'asking not to
# be identified because the talks are private'): a note on the sourcing, no claim.
# 'It is not clear whether the plant will close', 'It remains unknown how the fire started': what is not known,
# no claim either way
OPEN_QUESTION = re.compile(r"\W*it\s+(?:is|was|remains|remained|is\s+still|was\s+still|has\s+not\s+been|had\s+not\s+been)\s+"
                           r"(?:not\s+(?:yet\s+)?(?:clear|known|certain|confirmed|established)|unclear|unknown|uncertain)\s+"
                           r"(?:whether|if|when|how|why|what|who|where|which)\b", re.IGNORECASE)
# 'I read that he has agreed a five-year contract', 'We have heard reports that the plant will close':
# what the speaker read or heard from others, passed on (often to knock it down), not said by them
HEARSAY = re.compile(r"\W*(?:i|we)\s+(?:have\s+|had\s+|['’]ve\s+|['’]d\s+|also\s+|even\s+)?(?:read|heard|seen)\s+"
                     r"(?:(?:the\s+|some\s+|all\s+the\s+)?(?:reports?|claims?|rumou?rs?|stories|suggestions?|speculation)\s+)?"
                     r"that\b", re.IGNORECASE)
SOURCING_NOTE = re.compile(r"\b(?:spoke|speaking|spoken|talked|talking)\s+on\s+(?:the\s+)?condition\s+of\s+anonymity\b|"
                           r"\b(?:asked|asking|requested|requesting)\s+(?:not\s+to\s+be|that\s+(?:he|she|they|"
                           r"(?:his|her|their)\s+names?)\s+not\s+be)\s+(?:named|identified|quoted)\b|"
                           r"\bdeclined\s+to\s+be\s+(?:named|identified)\b", re.IGNORECASE)


# A document's note about itself: 'Excerpt prepared by the Clerk of the Board', 'This excerpt reproduces
# sections 2 through 6', 'Procedural exchanges have been omitted where marked', 'The Spectator will
# continue to follow this story', 'This article was originally published by The Conversation'. 'Key
# findings were omitted from the report' is a claim.
EDITORIAL_NOTE = re.compile(
    r"^\W*(?:(?:this|the)\s+)?(?:excerpt|extract)\b|^\W*transcript\s+(?:prepared|issued|excerpt|of|from)\b|^\W*(?:end|start)\s+of\s+(?:the\s+)?(?:excerpt|transcript)\b|"
    r"\b(?:in|from|of)\s+this\s+(?:excerpt|extract|transcript)\b|\bomitted(?:\s+where\s+marked)?\W*$|"
    r"\bwill\s+continue\s+to\s+(?:follow|update)\s+this\s+(?:story|article)\b|"
    # an explainer's signpost: 'Here is what we know', "Here's what you need to know about the recall"
    r"^\W*(?:here\s+is|here\s+are|here['’]s|this\s+is|that\s+is)\s+(?:what|all)\s+(?:we|you)\s+(?:know|"
    r"need\s+to\s+know|can\s+say|have\s+learned|do\s+not\s+know|don['’]t\s+know|do\s+not\s+yet\s+know|"
    r"still\s+do\s+not\s+know)\b|"
    r"^\W*(?:this|the)\s+(?:article|story|piece|post|column|essay)\s+(?:was\s+|is\s+)?(?:first\s+|originally\s+)?"
    r"(?:published|appeared|ran|republished)\b", re.IGNORECASE)
# Refusing ('declined to', 'would not'), and an auxiliary negated ('did not', 'hasn't'): the two ways a
# speech act is not done, in NO_COMMENT below.
_REFUSED = (r"(?:declined|declines|decline|refused|refuses|would\s+not|wouldn['’]t|will\s+not|won['’]t|"
            r"(?:(?:am|is|are|was|were)\s+|['’](?:m|re|s)\s+)not\s+(?:going|prepared|willing))")
_NOT_DONE = (r"(?:(?:did|does|do|has|have|had|would|could|will)\s+not|"
             r"(?:didn|doesn|don|hasn|haven|hadn|wouldn|couldn|won)['’]t)")
# Saying nothing: 'declined to comment', 'did not respond to requests for comment', 'could not be reached'.
NO_COMMENT = re.compile(
    rf"\b(?:{_REFUSED}\s+to\s+"
    r"(?:comment|say|elaborate|discuss|speculate|confirm\s+or\s+deny|be\s+interviewed|give\s+details)|"
    # "It's too early to say", 'it is too soon to speculate': nothing said yet
    r"\btoo\s+(?:early|soon)\s+to\s+(?:say|tell|comment|speculate|know|judge)\b|"
    # 'does not comment on speculation', "we don't comment on rumours": a policy of saying nothing
    r"(?:does|do|did|will|would)\s*(?:not|n['’]t)\s+comment\s+on\s+(?:market\s+|media\s+)?(?:speculation|rumou?rs|"
    r"reports|leaks|individual\s+cases)|"
    # 'Putin does not discuss the content of his conversations with foreign leaders'
    r"(?:does|do|did|will|would)\s*(?:not|n['’]t)\s+(?:discuss|disclose|reveal|comment\s+on)\s+(?:the\s+)?"
    r"(?:content|contents|details|substance)\s+of\b|"
    # 'We will not be commenting further', 'is not commenting on the reports'
    r"(?:will|would|is|are|am|was|were|['’](?:ll|s|re|m))\s+not\s+(?:be\s+)?(?:commenting|speculating)|"
    # a release's opening note on what is being said ('Brightcoat notes speculation in the media regarding ...')
    r"(?:notes|noted|is\s+aware\s+of)\s+(?:the\s+)?(?:recent\s+)?(?:media\s+)?"
    r"(?:speculation|reports|press\s+reports|media\s+reports|comment|commentary|rumou?rs)\b(?!\s+that\b)|"
    # 'neither confirmed nor denied', 'did not deny': a side not taken ('did not dispute that' concedes)
    r"neither\s+(?:confirm(?:s|ed)?|den(?:y|ies|ied))\s+nor\s+(?:confirm(?:s|ed)?|den(?:y|ies|ied))|"
    # 'has yet to confirm the toll', 'stopped short of confirming that ...': not (yet) said
    r"(?:has|have|had|is|are|was|were)\s+yet\s+to\s+(?:publicly\s+)?(?:confirm|deny|say|comment|explain|disclose|reveal)|"
    r"(?:stop|stops|stopped|stopping|fell|falls|fall)\s+short\s+of\s+(?:confirming|denying|saying|accusing|blaming|calling)|"
    rf"(?:{_REFUSED}\s+to|{_NOT_DONE}|"
    r"never)\s+(?:deny|denied|confirm|confirmed)\b|"
    r"(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|had\s+not)\s+(?:immediately\s+)?(?:respond|reply)(?:ed)?"
    r"\s+to\s+(?:\w+\s+){0,3}?(?:requests?\s+for\s+comment|messages?|calls?|e-?mails?|inquiries|queries|questions?)|"
    r"(?:could\s+not|couldn['’]t)\s+(?:immediately\s+)?be\s+reached|"
    # 'did not say whether the hospital would face sanctions', 'would not say how many': nothing said
    rf"{_NOT_DONE}"
    r"\s+(?:(?:yet|immediately|publicly)\s+)?(?:say|said|explain|specify|specified|disclose|reveal|clarify|clarified|"
    r"tell|told|indicate|confirm)(?:ed|d)?"
    r"\s+(?:\w+\s+){0,3}?(?:whether|if|how|why|when|what|who|which|where)\b|"
    r"(?:neither|none|nobody|no\s+one)\b[^.;]{0,80}?\b(?:responded|replied)\s+to\s+(?:\w+\s+){0,3}?"
    r"(?:requests?\s+for\s+comment|messages?|calls?|e-?mails?|inquiries|queries|questions?)|"
    r"(?:neither|none|nobody|no\s+one)\b[^.;]{0,80}?\b(?:would|could|did|will|was\s+willing\s+to)\s+"
    r"(?:say|comment|disclose|reveal|confirm|discuss)|"
    r"(?:was|were|is|are)\s+not\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment|"
    # a briefing's opening: 'Just one item at the top, and then I'll take your questions'
    r"\b(?:I|we)(?:\s+will|['’]ll|\s+am\s+happy\s+to|\s+can)\s+(?:then\s+)?(?:take|answer)\s+(?:a\s+few\s+|some\s+|"
    r"your\s+)?questions\b|(?:one|two|three|a\s+couple\s+of|a\s+few)\s+(?:items?|things?)\s+at\s+the\s+top\b|"
    # a briefing's holding lines: "I'm not going to get ahead of our assessment", "We'll have more on that tomorrow"
    r"(?:not|n['’]t)\s+(?:going\s+to\s+|want\s+to\s+|able\s+to\s+)?(?:get\s+ahead\s+of|prejudge|preview)\b|"
    r"(?:will|['’]ll|may|might|hope\s+to)\s+have\s+more\s+(?:details\s+|information\s+|to\s+say\s+)?(?:on|about|"
    r"for\s+you|later|soon|tomorrow)\b|"
    # 'He did not elaborate', 'gave no further details about the suspect': nothing more said
    rf"{_NOT_DONE}\s+(?:immediately\s+|further\s+)?elaborate\b|"
    # 'it would not comment further while the case was ongoing', 'cannot comment on an ongoing case'
    rf"(?:{_NOT_DONE}|cannot|can\s+not|can['’]t)\s+(?:immediately\s+|publicly\s+|further\s+)?comment\b|"
    rf"(?:{_NOT_DONE}\s+(?:give|offer|provide|disclose|release|share)|(?:gave|gives|give|offered|offers|provided|provides)"
    r"\s+no)\s+(?:any\s+)?(?:further\s+|more\s+|other\s+|additional\s+)?(?:details?|explanation|information|specifics)"
    r"(?=\s*(?:[.;,]|$|\s(?:about|on|of|as\s+to|regarding)\b))|"
    # 'He offered no evidence for the claim', 'did not provide any evidence': a note on a claim, no claim
    r"(?:offered|provided|gave|presented|produced|published|released|showed|shown|shared)\s+no\s+evidence|"
    r"(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not|hadn['’]t)\s+(?:yet\s+)?"
    r"(?:provid|offer|giv|present|produc|publish|releas|show|shar|disclos)\w*\s+(?:any\s+|the\s+|its\s+|his\s+|her\s+|"
    r"their\s+)?(?:supporting\s+)?evidence|"
    # 'The Gazette could not independently confirm the figure', 'which could not be verified': no side taken
    r"(?:could\s+not|couldn['’]t|cannot|can\s+not|can['’]t|was\s+unable\s+to|were\s+unable\s+to|"
    r"(?:has|have|had)\s+not\s+been\s+able\s+to|(?:hasn|haven|hadn)['’]t\s+been\s+able\s+to)\s*"
    r"(?:be\s+)?(?:independently\s+|immediately\s+|yet\s+|separately\s+)?(?:be\s+)?"
    r"(?:verify|verified|confirm|confirmed|corroborate|corroborated|authenticate|authenticated))\b", re.IGNORECASE)
SUBORDINATE_BEFORE = re.compile(r"\b(?:after|when|because|before|while|since|until|if|as)\b", re.IGNORECASE)
JOINED_BEFORE = re.compile(r",?\s+(?:and|but)\s+(?:then\s+|also\s+)?$|"
                           r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:claim|figure|account|number|report|assertion|"
                           r"estimate|allegation|toll)\s+)?(?:that|which)\s+$")  # '..., a claim that could not be verified'


# '..., without elaborating', '..., without giving details of the suspects': what the speaker did not add.
WITHOUT_ELABORATING = re.compile(
    r",?\s*\bwithout\s+(?:elaborating|explaining|(?:giving|offering|providing|citing|presenting|producing|releasing)"
    r"\s+(?:any\s+)?(?:further\s+|more\s+|additional\s+)?(?:details?|evidence|explanation|reasons?|proof|specifics|"
    r"a\s+reason))(?:\s+(?:about|on|of|for|to\s+support)\s+[^,.;:]*)?\W*$", re.IGNORECASE)


def _without_refusal_to_comment(text: str, start: int, end: int) -> int:
    """The clause's end without a refusal to comment joined to it ('it would defend the proceedings
    vigorously | and declined to comment further'); the clause's start when the clause is only such a
    refusal ('A spokesman declined to comment', 'Thornby declined to say how long the inquiry would
    last', 'Halvorsen did not respond to a request for comment'), which tells nothing of the story.
    A refusal inside a clause of time or reason stays ('... after the union refused to discuss pay')."""
    trailing = WITHOUT_ELABORATING.search(text, start, end)
    if trailing is not None and _words(text[start:trailing.start()]) >= MIN_WORDS:
        end = trailing.start()
    match = NO_COMMENT.search(text, start, end)
    if match is None:
        return end
    before = text[start:match.start()]
    joined = JOINED_BEFORE.search(before)
    if joined and _words(before[:joined.start()]) >= MIN_WORDS:
        return start + joined.start()
    return end if SUBORDINATE_BEFORE.search(before) else start


INTERROGATIVES = frozenset("why whether how what where when if".split())
ASKED_WHETHER = re.compile(r"\bwhether\s+$", re.IGNORECASE)  # a statement's content opened by 'whether'
# A statement whose content is what was called or asked for ('called for a re-run of the bidding') or
# wanted of someone ('want Bush to reserve ...'), a demand, or what was talked about ('spoke of a new
# era'), a topic: neither true nor false, so no claim.
ASKED_FOR = re.compile(r"\b(?:(?:call|ask|press|push|appeal|plead)(?:s|ed|ing)?\b[^.;:\n]{0,80}\bfor|"
                       r"(?:talk(?:s|ed|ing)?|speak(?:s|ing)?|spoken?|spoke)\b[^.;:\n]{0,80}\b(?:about|of)|"
                       r"(?:want|wish)(?:s|es|ed|ing)?)\s+$",
                       re.IGNORECASE)


PLEA = re.compile(r"\W*(?:not\s+)?guilty\b", re.IGNORECASE)


def _asked_for(text: str, statement: Statement) -> bool:
    """Whether the statement's content is what its speaker called or asked for, wanted of someone, or
    talked about."""
    return bool(ASKED_FOR.search(text[max(0, statement.start - 100):statement.start]))


MANDATIVE_CUES = lx.DIRECTIVE_CUES | frozenset("insist require order command stipulate".split())
SINGULAR_SUBJECT_TAGS = frozenset("NN NNP".split())
SINGULAR_PRONOUNS = frozenset("he she it this that".split())


def _mandative(doc: "Doc", statement: Statement) -> bool:
    """Whether the statement asks for something to be done in a bare-verb 'that' clause (the
    mandative subjunctive: 'requesting that Putin announce ...', 'suggested that he tell the staff
    ...', 'demanded that the company reinstate them', 'insisted that the meeting be postponed').
    'Analysts suggested that the company was overvalued' states something."""
    cue = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    if cue is None or not any(t.lemma_.lower() in MANDATIVE_CUES for t in cue):
        return False
    content = doc.char_span(statement.start, statement.end, alignment_mode="expand")
    if content is None:
        return False
    verb = next((t for t in content if t.dep_ == "ccomp" and not content.start <= t.head.i < content.end), None)
    if verb is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb)
    if finite.tag_ == "VB":
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return finite.tag_ == "VBP" and subject is not None and (
        subject.tag_ in SINGULAR_SUBJECT_TAGS or subject.lower_ in SINGULAR_PRONOUNS)


def _described_noun(doc: "Doc", statement: Statement) -> "Token | None":
    """The noun a relative clause holding the cue describes, when what was said is said of it
    ('[Arvanitis's complaint], which the ethics office said it logged on Sept. 9'); else None."""
    cue = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    return next((n for n in map(said_of_antecedent, cue) if n is not None), None) if cue is not None else None


def _relative_antecedent(doc: "Doc", statement: Statement) -> int | None:
    """Where the noun phrase starts that a relative clause holding the cue describes: what was said is
    said of that thing, so the claim is the phrase with its clause. None when there is no such noun."""
    noun = _described_noun(doc, statement)
    return noun.left_edge.idx if noun is not None else None


def _described_subject(doc: "Doc", statement: Statement) -> int | None:
    """Where the subject starts when a relative clause holding the cue describes the subject of a
    clause that goes on after it ('[Arthur Penhale], who relatives said had been left alone, died in
    the fire'): the reporter's clause is the subject with its predicate, the relative clause between."""
    noun = _described_noun(doc, statement)
    if noun is None:
        return None
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.idx >= statement.end:
        return noun.left_edge.idx
    if noun.dep_ == "ROOT" and _predicate_hung_on_cue(doc, noun, statement):
        return noun.left_edge.idx  # the parser took the subject's own verb for the cue's ('closed' of 'said')
    return None


def _speaking_subject(doc: "Doc", statement: Statement) -> int | None:
    """Where the subject starts when the speaker is that subject, named by the relative pronoun of a
    clause between it and its verb ('[Doyle], who denies murder, | is due to give evidence next week')."""
    cue = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    verb = cue[0] if cue is not None else None
    if verb is None or verb.dep_ != "relcl" or verb.head.i >= verb.i or \
            not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in RELATIVE_TAGS for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.idx >= statement.end:
        return noun.left_edge.idx
    return None


def _predicate_hung_on_cue(doc: "Doc", noun: "Token", statement: Statement) -> bool:
    """Whether a verb right after what was said, past a comma, belongs to the noun the relative
    clause describes although the parser hung it on the cue: the sentence has no other main verb
    ('The plant, which inspectors said was unsafe, closed in May')."""
    return any(t.idx >= statement.end and t.tag_ in FINITE_TAGS and t.dep_ in ("conj", "ccomp")
               and re.fullmatch(r"\s*,\s*", doc_text(doc)[statement.end:t.idx])
               for t in noun.subtree)


def _indirect_question(doc: "Doc", start: int, end: int) -> bool:
    """A clause that asks rather than states ('asked why her son's record listed an adult product',
    'did not say where the certificate was', 'to find what happened'): it opens with a question word
    that belongs to the clause's own main verb. A clause that only opens with such a word states
    something ('what she saw does not match the police account', 'if it paid for consultants,
    people will feel robbed')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first = next((t for t in span if not (t.is_space or t.is_punct)), None) if span is not None else None
    if first is None or first.lower_ not in INTERROGATIVES:
        return False
    current = first
    for _ in range(len(span)):
        head = current.head
        if head.i == current.i or not span.start <= head.i < span.end:
            return current.i != first.i or current.pos_ in ("VERB", "AUX")
        if head.pos_ in ("VERB", "AUX"):
            return head.head.i == head.i or not span.start <= head.head.i < span.end
        current = head
    return False


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _entities_in(mentions: Iterable[Mention], start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple((m.start, m.end) for m in mentions if start <= m.start and m.end <= end)


def _frame_words(doc: "Doc", start: int, end: int) -> tuple[str, str, bool]:
    """Lemmas of the clause's verbs (with 'not'), and of its nouns and names, leaving out speech cues
    and dates: the predicate and argument halves a claim can be matched on separately; and whether the
    clause is whole (`_whole_clause`), read in the same pass over its tokens."""
    predicates, arguments = [], []
    tokens = _tokens_in(doc, start, end)
    whole = _whole_clause(tokens, start, end)
    for token in tokens:
        if token.ent_type_ in ("DATE", "TIME") or token.is_stop and token.dep_ != "neg":
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma not in lx.REPORTING_CUES or token.dep_ == "neg":
            predicates.append(lemma)
        elif token.pos_ in ("NOUN", "PROPN", "NUM") or token.pos_ == "ADJ" and token.dep_ == "amod":
            arguments.append(lemma)
    return " ".join(predicates), " ".join(arguments), whole


CLAUSE_SUBJECTS = frozenset(SUBJECT_DEPS) | {"expl"}  # 'there was no resolution' has its subject too


def _whole_clause(tokens: list["Token"], start: int, end: int) -> bool:
    """Whether the span holds a finite verb with its subject ('the bridge was closed', 'Putin stopped
    the resolution'), not only a phrase ('Major flaws in the procurement process', 'An America that
    still makes things') or a predicate cut from its subject ('Described a New GM ...')."""
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("relcl", "acl", "advcl") and start <= token.head.idx < end:
            continue  # a clause inside a phrase of the span ('An America that still makes things')
        subject = active = auxiliary = finite_auxiliary = False
        for child in token.children:
            dep = child.dep_
            if dep in CLAUSE_SUBJECTS and start <= child.idx < end:
                subject, active = True, active or dep == "nsubj"
            elif dep in ("aux", "auxpass"):
                auxiliary, finite_auxiliary = True, finite_auxiliary or child.tag_ in FINITE_TAGS
        if subject and (token.tag_ in FINITE_TAGS or finite_auxiliary or
                        token.tag_ == "VBN" and not auxiliary and active):  # 'Harwick received'
            return True
    return False


def negates(text: str) -> bool:
    """A negation the clause's claim turns on, not one that concedes a part or marvels (NEGATION_EXCUSED)."""
    excused = [m.span() for m in NEGATION_EXCUSED.finditer(text)]
    return any(not any(start <= m.start() < end for start, end in excused) for m in NEGATION.finditer(text))


def _negations_describe_a_noun(doc: "Doc", start: int, text: str) -> bool:
    """Whether every negation of a clause sits in a relative clause describing one of its nouns ('the
    Americans had presented a draft that did not require Israel to commit ...'): the clause itself asserts."""
    found = False
    for match in NEGATION.finditer(text):
        token = doc.char_span(start + match.start(), start + match.end(), alignment_mode="expand")
        if token is None:
            return False
        head = token[0]
        while head.dep_ not in ("relcl", "acl") and head.head.i != head.i and start <= head.head.idx < start + len(text):
            head = head.head
        if head.dep_ not in ("relcl", "acl") or not start <= head.head.idx < start + len(text):
            return False
        found = True
    return found


def _proposition(doc: "Doc", document: Document, start: int, end: int, mentions: list[Mention],
                 statement: Statement | None, polarity: str) -> Proposition:
    text = document.text[start:end]
    predicates, arguments, whole = _frame_words(doc, start, end)
    return Proposition(
        id=content_id("prop", document.id, start, end), doc=document.id, start=start, end=end,
        text=" ".join(text.split()), statement=statement.id if statement else None,
        speaker=statement.speaker.name if statement else None,
        speaker_kind=statement.speaker.kind if statement else None, polarity=polarity,
        negated=negates(text) and not _negations_describe_a_noun(doc, start, text), hedged=bool(HEDGES.search(text)),
        whole=whole,
        entities=_entities_in(mentions, start, end), predicates=predicates, arguments=arguments)


def statement_propositions(doc: "Doc", document: Document, statement: Statement,
                           mentions: list[Mention]) -> list[Proposition]:
    """The clauses of one statement's content, each carrying the statement's polarity."""
    text = document.text
    found = []
    if ASKED_WHETHER.search(text[max(0, statement.start - 12):statement.start]) and statement.polarity != "deny":
        return found  # 'asked whether the dam had been inspected' states nothing; 'questioned whether ...' doubts it
    if _asked_for(text, statement) or PLEA.match(text, statement.start, statement.end):
        return found  # 'pleaded not guilty to fraud charges' states no claim of its own; it answers the charge
    antecedent = _relative_antecedent(doc, statement)
    if antecedent is not None:  # 'Arvanitis's complaint, which the ethics office said it logged on Sept. 9'
        start, end = _clean(text, antecedent, statement.end)
        if _words(text[start:end]) >= MIN_WORDS:
            found.append(_proposition(doc, document, start, end, mentions, statement, statement.polarity))
        return found
    for sentence in _sentence_spans(text, statement.start, statement.end):
        for piece in _clause_spans(doc, text, *sentence, skip_cues=False):
            if _indirect_question(doc, *piece):
                continue
            start, end = _clean(text, *piece)
            end = _without_refusal_to_comment(text, start, _without_dangling_words(doc, text, start, end))
            if _words(text[start:end]) < MIN_WORDS or text[start:end].rstrip().endswith("?") or \
                    _only_points_at_a_claim(text[start:end], statement.polarity == "deny",
                                            statement.polarity == "confirm") or \
                    SOURCING_NOTE.search(text[start:end]) or OPEN_QUESTION.match(text, start, end) or \
                    HEARSAY.match(text, start, end):
                continue
            polarity = statement.polarity
            if polarity == "assert" and denies_in_content(text[start:end]):
                polarity = "deny"
            found.append(_proposition(doc, document, start, end, mentions, statement, polarity))
    if found and _mandative(doc, statement):
        found = [replace(p, requested=True) for p in found]
    return found


def _only_points_at_a_claim(clause: str, denied: bool, confirmed: bool = False) -> bool:
    """'it "rejects these allegations entirely"', 'it stood by its count', and what a denial says of 'any
    such assurance': a denial or an affirmation naming only what it answers (found by
    `rebuttal_propositions`), no claim of its own."""
    if denied and SUCH_A_THING.match(clause):
        return True
    pointed = POINTED_AT.match(clause.lstrip()) if denied or confirmed else None
    if pointed and names_only_the_claim(clause.lstrip()[pointed.end():]):
        return True  # '(dismissed) the councillor's figures as "political theatre"'
    pointing = POINTING_REJECTION.match(clause) or POINTING_FALSITY.match(clause) or STANDS_BY.match(clause) or \
        (OTHERWISE_WRONG.match(clause) if denied else None)
    return pointing is not None and _words(clause[pointing.end():]) <= 2


FINITE_AFTER = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|did|does|do)\b", re.IGNORECASE)
# What may follow a claim named by a noun in a content that only names it: nothing, what it is dismissed
# as, whose or where it is ('the figures | as political theatre', 'the figures | in the audit').
NAMING_REST = re.compile(r"\s*(?:$|[,.;:!\"“”]|(?:as|in|of|by|from|on|at|about|over|for)\b)", re.IGNORECASE)


def names_only_the_claim(rest: str) -> bool:
    """Whether what follows a claim named by a noun adds no clause of its own ('the company's figures |
    showed a loss' does)."""
    return bool(NAMING_REST.match(rest)) and not FINITE_AFTER.search(rest)


# 'denied that any such assurance was given', 'denied that such a promise had been made': the thing denied
# is one named before
SUCH_A_THING = re.compile(r"\W*(?:any\s+|no\s+)?such\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:was|were|had|has|have|is|"
                          r"are|ever|did|would|could|existed|exists)\b", re.IGNORECASE)


# 'said it stood by its count', 'said the university stands by its account': holding to one's own claim
STANDS_BY = re.compile(r"\W*(?P<subject>(?:[\w'’-]+\s+){0,3}?)(?:still\s+)?(?:stood|stands|stand|standing)\s+by\s+"
                       r"(?:its|their|his|her|our|my|the|that|this|every\s+word\s+of\s+(?:its|their|the|that))\s+"
                       r"(?:[\w-]+\s+)?(?:account|claim|count|figures?|estimate|reporting|report|story|statement|"
                       r"findings?|position|version|numbers?)\b", re.IGNORECASE)


class _Taken:
    """Spans sorted once, so that the ones meeting a sentence are found by bisection (a long document
    has thousands of statements)."""

    LONG = 2000

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.short = sorted(span for span in spans if span[1] - span[0] <= self.LONG)
        self.starts = [s for s, _ in self.short]
        self.long = sorted(span for span in spans if span[1] - span[0] > self.LONG)

    def meeting(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may overlap [start, end), sorted."""
        low = bisect.bisect_left(self.starts, start - self.LONG)
        high = bisect.bisect_left(self.starts, end)
        return sorted(self.short[low:high] + [span for span in self.long if span[0] < end and span[1] > start])


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Parts of [start, end) not covered by any of spans."""
    parts, cursor = [], start
    for s, e in sorted(spans):
        if e <= cursor or s >= end:
            continue
        if s > cursor:
            parts.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        parts.append((cursor, end))
    return parts


def assertion_propositions(doc: "Doc", document: Document, statements: list[Statement],
                           mentions: list[Mention]) -> list[Proposition]:
    """The reporter's own assertions: body sentences, outside statements and their attribution. What
    someone called or asked for stays in the reporter's clause that tells of the act ('The GAO called
    for a re-run of the bidding')."""
    text = document.text
    statements = [s for s in statements if not _asked_for(text, s)]
    taken = [(s.start, s.end) for s in statements]
    subject_before: dict[int, int] = {}  # where a speaker's own clause resumes -> where the speaker starts
    short_predicates: set[int] = set()  # of those, where a predicate of few words makes a clause with its subject
    for statement in statements:
        speaker = statement.speaker
        subject = _described_subject(doc, statement) or _speaking_subject(doc, statement)
        if subject is not None:  # 'The union, which officials said had 300 members, | walked out'
            subject_before[statement.end] = subject
            short_predicates.add(statement.end)
        if _speaker_acts_first(doc, statement):
            taken += [(speaker.start, speaker.end), (statement.cue_start, statement.cue_end)]
            subject_before[speaker.end] = speaker.start
            if re.search(r"(?:,|\band)\s*$", text[speaker.end:statement.cue_start]):  # 'disputed its share, saying'
                short_predicates.add(speaker.end)
        else:
            taken.append((min(speaker.start, statement.cue_start, _intermediary_start(text, statement)),
                          max(speaker.end, _cue_adjunct_end(text, statement),
                              _speaker_relative_clause_end(doc, statement))))
        if statement.cue_end < statement.start and WHAT_WAS_SAID.search(text, statement.cue_end, statement.start):
            taken.append((statement.cue_end, statement.start))  # 'repeated to the Ledger what she had told reporters: |
    found = []
    stage_notes = _stage_notes(text)
    spans = _Taken(taken)
    for sent in doc.sents:
        start, end = sent.start_char, last_mark_end(sent)
        if document.in_boilerplate(start, end) or document.in_headline(start, end) or text[start:end].rstrip().endswith("?"):
            continue
        if any(s <= start and end <= e for s, e in stage_notes):
            continue
        if _is_attribution_shell(sent):
            continue
        for part in _covered(spans.meeting(start, end), start, end):
            if _words(text[part[0]:part[1]]) < MIN_WORDS and not (part[0] in short_predicates and _predicate(doc, *part)):
                continue  # a short predicate still makes a clause with its subject ('| closed in May')
            for number, piece in enumerate(_clause_spans(doc, text, *part, skip_cues=True)):
                s, e = _clean(text, *piece)
                e = _without_refusal_to_comment(text, s, _without_dangling_words(doc, text, s, e))
                if number == 0 and part[0] in subject_before:
                    s = subject_before[part[0]]  # 'The city | turned down the request on August 27 |, saying'
                if _words(text[s:e]) >= MIN_WORDS and _has_own_verb(doc, s, e, skip_cues=True) and \
                        not _asks_only(doc, text, s, e) and not EDITORIAL_NOTE.search(text[s:e]) and \
                        not OPEN_QUESTION.match(text, s, e) and not HEARSAY.match(text, s, e) and \
                        not _described_before_a_name(text, s, e) and \
                        not RAISING_FRAME.search(text[s:e]) and not _claim_note(text, s, e) and \
                        not SOURCING_NOTE.search(text[s:e]) and \
                        not is_editorial_note(text[s:e]):
                    polarity = "deny" if denies_in_content(text[s:e]) else "assert"  # 'Any claim that ... is incorrect'
                    found.append(_proposition(doc, document, s, e, mentions, None, polarity))
    return found


# What is left of a sentence when the speech act it frames is a statement: 'The minister is understood to have |
# told aides that ...', 'The chief appears to have | told officers ...'.
RAISING_FRAME = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:understood|believed|thought|said|reported|expected|known|"
                           r"alleged|rumou?red|likely|unlikely|due)|appears?|appeared|seems?|seemed)\s+to(?:\s+have)?\s*$",
                           re.IGNORECASE)


# The reporter's note on the clause before it, as a noun: '(..., ) a figure that was later confirmed'.
CLAIM_NOTE = re.compile(rf"(?:a|an)\s+(?:{APPENDED_NOUNS})\s+(?:that|which)\b", re.IGNORECASE)


def _claim_note(text: str, start: int, end: int) -> bool:
    """Whether the words are such a note, set off by a comma after the clause it is about."""
    return bool(CLAIM_NOTE.match(text, start, end)) and text[max(0, start - 3):start].rstrip().endswith(",")


QUESTION_MARKS = re.compile(r"\b(?:whether|if)\b", re.IGNORECASE)


def _asks_only(doc: "Doc", text: str, start: int, end: int) -> bool:
    """Whether every finite verb of the words sits in a clause opened by 'whether' or 'if': a phrase
    around a question ('In response to questions of whether the New GM would import cars', 'Asked
    whether the minister would resign') asserts nothing, while 'The question of whether the dam was
    inspected remains open' does."""
    if not QUESTION_MARKS.search(text, text.rfind("\n", 0, start) + 1, end):
        return False  # no 'whether' or 'if' in the paragraph so far: the clause it opens may begin before start
    finite = [t for t in _tokens_in(doc, start, end) if t.tag_ in FINITE_TAGS and not _asked_of_the_speaker(t)]
    return bool(finite) and all(_opened_by_whether(t, start, end) for t in finite)


def _asked_of_the_speaker(token: "Token") -> bool:
    """'Asked whether the minister would resign, | the spokesman said': a participle the parser may take
    for a finite verb, with no subject of its own."""
    return token.lemma_.lower() in ("ask", "press", "question", "quiz") and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _opened_by_whether(token: "Token", start: int, end: int) -> bool:
    for node in (token, *token.ancestors):
        if not start <= node.idx < end:
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True
    return False


def _predicate(doc: "Doc", start: int, end: int) -> bool:
    """Whether the words hold a main verb of their own, not only an auxiliary ('have' of 'have told')
    or a participle describing a noun ('parents interviewed to date')."""
    return any(t.pos_ == "VERB" and (t.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in t.children))
               for t in _tokens_in(doc, start, end))


STAGE_NOTE = re.compile(r"(?m)^[ \t]*[(\[][^()\[\]\n]{1,200}[)\]][ \t]*$")


# When and how a trailing attribution was made, up to its comma: '..., the people said | on Tuesday |, a deal that ...'
CUE_ADJUNCT = re.compile(r"\s+(?:on|late|early|earlier|later|last|this|in|at|during|yesterday|today|overnight)\b"
                         r"[^,.;:!?\n\"“”]{0,40}?(?=\s*,)", re.IGNORECASE)


def _cue_adjunct_end(text: str, statement: Statement) -> int:
    """The end of a trailing attribution's cue with its time or manner phrase, when a comma follows that."""
    if statement.end > statement.cue_start:
        return statement.cue_end  # the content follows the cue: nothing of the cue's trails it
    adjunct = CUE_ADJUNCT.match(text, statement.cue_end) or ELLIPTIC_ONLY_THAT.match(text, statement.cue_end)
    return adjunct.end() if adjunct else statement.cue_end


# '..., the authors cautioned, only that the two are associated': the source's clause goes on, shortened
ELLIPTIC_ONLY_THAT = re.compile(r",\s*(?:only|merely|just|simply)\s+that\b[^.;!?\n]*", re.IGNORECASE)


def _intermediary_start(text: str, statement: Statement) -> int:
    """Where the outlet that passed the statement on is named right before its cue ('after Bloomberg
    reported ..., citing people familiar with the matter': Bloomberg is the cue's subject, the people
    its speaker), else the cue's start."""
    before = text[max(0, statement.cue_start - 80):statement.cue_start]
    for outlet in statement.via:
        named = re.search(rf"(?:\bthe\s+)?\b{re.escape(outlet)}\s*$", before, re.IGNORECASE)
        if named:
            return statement.cue_start - len(before) + named.start()
    return statement.cue_start


def _stage_notes(text: str) -> list[tuple[int, int]]:
    """A transcript's lines in brackets ('(The briefing was concluded at 1:42 p.m.)', '[inaudible]'):
    notes on the proceedings, not what anyone asserts."""
    return [m.span() for m in STAGE_NOTE.finditer(text)] if turn_matches(text) else []


SPEAKING_VERBS = frozenset("speak talk write address".split())


def _speaker_relative_clause_end(doc: "Doc", statement: Statement) -> int:
    """Where a relative clause describing a speaker named after the cue ends ('..., said Priya Raman, who
    chairs the patients' association', '..., said Priya Raman, a lawyer who represents several families',
    '..., said Tomas Ekwueme, the branch secretary, speaking outside the gate'):
    it tells who speaks, as it does before the cue ('Ben Holloway, who first spotted the files, said'), and
    is no claim of the story; 0 when there is none."""
    speaker = statement.speaker
    if speaker.start < statement.cue_end:
        return 0
    tokens = _tokens_in(doc, speaker.start, speaker.end)
    head = next((t for t in tokens if t.head.i == t.i or not speaker.start <= t.head.idx < speaker.end), None)
    if head is None:
        return 0
    clauses = [c for c in head.children if c.dep_ in ("relcl", "appos") and c.idx >= speaker.end]
    clauses += [c for c in (*head.children, *head.head.children) if c.dep_ in ("acl", "advcl", "xcomp") and
                c.idx >= speaker.end and c.tag_ == "VBG" and c.lemma_.lower() in SPEAKING_VERBS]  # ', speaking outside
    end = max((c.right_edge.idx + len(c.right_edge.text) for c in clauses), default=0)
    sentence_end = head.sent.end_char
    if end and WHY_UNNAMED.search(doc_text(doc)[speaker.end:sentence_end]):
        return sentence_end  # '... who asked not to be named because he fears losing work': all of it
    return end


QUOTING_VERBS = frozenset("quote cite report".split())


def _speaker_acts_first(doc: "Doc", statement: Statement) -> bool:
    """Between the speaker and a later cue stands a clause of the speaker's own ('The city turned
    down that request on August 27, saying ...'): a verb other than the cue whose subject is the speaker."""
    speaker = statement.speaker
    if not speaker.end <= statement.cue_start:
        return False
    for token in _tokens_in(doc, speaker.end, statement.cue_start):
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "relcl", "csubj") or token.idx >= statement.cue_start:
            continue
        if token.lemma_.lower() in QUOTING_VERBS and token.tag_ == "VBN":
            continue  # 'was quoted by the Times as saying': the attribution, not an act of the speaker's
        if any(c.dep_ in ("nsubj", "nsubjpass") and speaker.start <= c.idx < speaker.end for c in token.children):
            return True
    return False


def _is_attribution_shell(sent) -> bool:
    """'Netanyahu shared the details.', 'Shapiro denied the story, as well.': a speech act about a
    story (not 'Respondents denied the request', an act)."""
    root = sent.root
    clauses = any(c.dep_ in ("ccomp", "xcomp") or c.dep_ in ("advcl", "conj") and c.pos_ in ("VERB", "AUX")
                  for c in root.children) or \
        any(g.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
            for c in root.children if c.dep_ == "dobj" for g in c.children)  # 'notes reports that ...' says what
    # ('Photographs shared in a group appear to show ...': a parse, no shell)
    return root.lemma_.lower() in lx.REPORTING_CUES | {"share", "detail", "recount", "discuss"} and \
        not clauses and not acts_rather_than_speaks(root) and not _goes_on_doing(root)


# A denial that only points back at what it denies: "That is false", "That never happened", "calls that
# account false", or a cue whose object is the story ("dismissed that account as simply untrue",
# "rejected the claims", "called the claims baseless").
POINTING_DENIAL = re.compile(r"^\W*(?:that|this|it)\b(?!\s+(?:the|a|an)\b)", re.IGNORECASE)
POINTED_AT = re.compile(r"\b(?:(?:that|this|those|these|the|such|his|her|their|its)\s+(?:[\w-]+(?:['’]s?)?\s+)?|"
                        r"[\w-]+['’]s?\s+)(?:account|accounts|claim|claims|report|reports|allegation|allegations|"
                        r"suggestion|suggestions|story|stories|version|accusation|accusations|figures?|numbers?|"
                        r"findings?|descriptions?|assertions?|estimates?|characteri[sz]ations?|rumou?rs?|speculation)\b",
                        re.IGNORECASE)
# Words of a pointed-at claim that say nothing of whose it is ('the claims', 'such allegations').
POINTER_WORDS = frozenset("that this those these the such his her their its any all of".split()) | lx.CLAIMED_THINGS
ANSWER_REACH = 600  # characters back to look for the clause a pointing denial answers
# A clause that only calls what it answers false, however many words it takes: 'That is simply not the case'.
CALLED_FALSE_ONLY = re.compile(rf"^\W*(?:that|this|it)(?:\s+(?:is|was|has\s+been|would\s+be)|['’]s)\s+(?:\w+\s+){{0,2}}?"
                               rf"(?:{FALSITY}|not\s+what\s+happened)\W*$|"
                               # 'there was "no truth whatsoever" in the report': of a claim named only by a noun
                               rf"^\W*there\s+(?:is|was|has\s+been)\s+[\"“‘']?no\s+truth(?:\s+(?:whatsoever|at\s+all))?"
                               rf"[\"”’']?\s+(?:to|in)\s+(?:the|that|this|these|those|such|his|her|their|its)\s+"
                               rf"(?:[\w-]+\s+)?{POINTED_CLAIM}\W*$", re.IGNORECASE)
REBUTTAL_MIN_WORDS = 5  # a denial with a clause this long states what it denies itself


def rebuttal_propositions(document: Document, statements: list[Statement],
                          found: list[Proposition]) -> list[Proposition]:
    """A denial that only points back ('That is false', 'dismissed that account as simply untrue')
    denies the clause it answers: a question just before it in the same quote ('Lobbying members in
    secret? That never happened'), else the nearest earlier clause of someone else. The side keeps
    the denial's own place in the text (from its speaker when the sentence opens with them)."""
    text = document.text
    out = []
    for statement in statements:
        out += _standing_by(document, statement, found)
        out += _disputing_then_saying(document, statement, found)
        out += _answer_to_a_question(document, statement) or _elliptic_reply(document, statement, found)
        out += _confirming_a_claim(document, statement, found)
        out += _nobody_did_that(document, statement, found)
        if statement.polarity != "deny" or not _is_plea(statement) and any(
                p.statement == statement.id and _words(p.text) >= REBUTTAL_MIN_WORDS and not CALLED_FALSE_ONLY.match(p.text)
                for p in found):
            out += _pointing_clauses(document, statement, found) + _opening_denial(document, statement, found)
            continue
        content = text[statement.start:statement.end]
        asked = re.match(r"\W*([^?.!]{12,}?)\?\s+(.*)$", content, flags=re.DOTALL)
        denial = asked.group(2) if asked else content
        pointed = _pointed_claim(text, statement)
        pointing = POINTING_DENIAL.match(denial) or POINTING_REJECTION.match(denial) or SUCH_A_THING.match(denial) or \
            POINTING_FALSITY.match(denial) or OTHERWISE_WRONG.match(denial) or SAYS_OTHERWISE.match(denial) or \
            CALLED_FALSE_ONLY.match(denial) or pointed
        hint = _accused_words(content)
        # 'denied accepting bribes' answers the clause with its words; 'denied any wrongdoing' and 'pleaded not
        # guilty' the one before that names the accused
        plea = _is_plea(statement)
        accused = not pointing and not asked and (plea or _words(content) < REBUTTAL_MIN_WORDS and
                                                  bool(hint or lx.ACCUSED_THINGS & set(re.findall(r"[a-z]+", content.lower()))))
        if not (pointing or accused):
            continue
        if pointing is pointed and pointed and _joins_a_denial(text, statement):
            answered = _denied_before(statement, found, statements)  # 'Shapiro denied the story, as well'
        elif asked:
            answered = asked.group(1).strip()
        elif pointing is pointed and pointed:
            answered = _pointed_clause(text, statement, found, pointed)
        elif plea:  # 'Reyes pleaded not guilty': the charge, made before, that names him
            answered = _charge_before(statement, found, _accused_party(statement), text)
        elif accused and not hint:  # 'Bayline Marine has denied any wrongdoing': a clause that names the accused
            party = _accused_party(statement)
            answered = _answered_text(statement, found, party, hint_needed=True, text=text) if party else None
        else:  # 'Anyone who says otherwise is wrong' answers someone who said so, not the reporter's account
            answered = _answered_text(statement, found, hint, hint_needed=accused,
                                      said_only=bool(OTHERWISE_WRONG.match(denial)))
            if not answered and accused and len(hint) >= 2 and DENIED_DOING.match(content):
                # 'denies receiving complaints' / 'residents complained for months'
                answered = _answered_text(statement, found, _object_word(content), hint_needed=True, said_only=True)
        if not answered:
            continue
        out.append(_side_of(document, statement, *_side_span(text, statement), answered, "deny", "rebuts"))
    return _without_overlapping_twins(out)


CHARGE_WORDS = re.compile(r"\b(?:charged|charges?|accused|accus(?:es|ing)|indicted|indictment|alleg\w*|prosecutors?|"
                          r"faces?\s+(?:a\s+)?(?:counts?|charges?|trial))\b", re.IGNORECASE)


def _charge_before(statement: Statement, found: list[Proposition], party: set[str], text: str) -> str | None:
    """The nearest earlier clause of someone else that charges the speaker with something: it, or its sentence
    before it, says 'charged', 'accused', 'alleges' or 'prosecutors', and names the speaker."""
    if not party:
        return None
    def charges_the_speaker(p: Proposition) -> bool:
        words = f"{text[sentence_start(text, p.start):p.start]} {p.text}"
        return bool(CHARGE_WORDS.search(words)) and bool(party & {_word_key(w) for w in re.findall(r"[a-z]+", words.lower())})
    charges = [p for p in found if statement.start - ANSWER_REACH <= p.end <= statement.start and p.polarity != "deny"
               and p.speaker != statement.speaker.name and charges_the_speaker(p)]
    return max(charges, key=lambda p: p.end).text if charges else None


def _is_plea(statement: Statement) -> bool:
    """'pleaded not guilty (to the charges)': a denial of the charge made before, which it does not restate."""
    return statement.cue.lower().startswith("plead") and statement.polarity == "deny"


# Words of a short denial that say only that it answers an accusation ('denied any wrongdoing', 'pleaded not
# guilty to the charges'), not which one.
ACCUSATION_WORDS = lx.ACCUSED_THINGS | frozenset("""any all not guilty charge charges count counts allegation
allegations accusation accusations claim claims the a an of to in for with his her their its innocence""".split())


def _accused_party(statement: Statement) -> set[str]:
    """The word stem that names who denies being accused, the last word of their name ('Bayline Marine' ->
    marin, 'Anne Price' -> price): a denial of 'any wrongdoing' answers only a clause that names them."""
    words = re.findall(r"[a-z]+", statement.speaker.name.lower())
    return {_word_key(words[-1])} if words else set()


DENIED_DOING = re.compile(r"\s*(?:ever\s+|having\s+)?[a-z]+ing\b")  # 'receiving complaints', 'ever taking money'


def _object_word(denial: str) -> set[str]:
    """The stem of a short denial's last word, what the act it denies was done to ('receiving complaints' ->
    compl), by which a clause telling that act in other words is found."""
    words = [w for w in re.findall(r"[a-z]+", denial.lower()) if w not in ACCUSATION_WORDS and len(w) > 2]
    return {_word_key(words[-1])} if words else set()


def _accused_words(denial: str) -> set[str]:
    """The word stems by which a short denial names what it denies ('accepting bribes' -> accep, bribe;
    'responsibility for the attack' -> attac); none for 'any wrongdoing'."""
    words = re.findall(r"[a-z]+", denial.lower())
    return {_word_key(w) for w in words if w not in ACCUSATION_WORDS and len(w) > 2}


def _pointed_claim(text: str, statement: Statement) -> "re.Match[str] | None":
    """The claim a statement's cue takes for its object ('denied | the report', 'confirmed | that account',
    'dismissed | the councillor's figures as "political theatre"'), if it names one."""
    object_start = statement.cue_end + len(text[statement.cue_end:statement.end]) - \
        len(text[statement.cue_end:statement.end].lstrip())
    return POINTED_AT.match(text, object_start, statement.end) or \
        (statement.cue_end <= statement.start and POINTED_AT.search(text, statement.cue_end, statement.start) or None) or \
        (_passive_cue(text, statement) and _pointed_before_cue(text, statement) or None)


# What stands between a claim and a passive cue that takes a side on it ('The figures | were later | disputed')
PASSIVE_GAP = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:been|was|were|is|are)\s+(?:\w+ly\s+|later\s+|since\s+|also\s+)?$",
                         re.IGNORECASE)


def _passive_cue(text: str, statement: Statement) -> bool:
    """'That account | was challenged | by Naomi Feld': the claim stands before a passive cue."""
    return statement.end <= statement.cue_start and PASSIVE_GAP.fullmatch(text, statement.end, statement.cue_start) is not None


def _pointed_before_cue(text: str, statement: Statement) -> "re.Match[str] | None":
    """'That account | was challenged by Naomi Feld': a passive cue's claim, its pointing word (which the
    content leaves out) included."""
    word_before = re.search(r"\b\w+\s+$", text[max(0, statement.start - 8):statement.start])
    start = statement.start - len(word_before.group()) if word_before else statement.start
    return POINTED_AT.match(text, start, statement.end)


def _pointed_clause(text: str, statement: Statement, found: list[Proposition], pointed: "re.Match[str]") -> str | None:
    """The clause a claim named by a noun stands for: of its owner only where one is named ('the
    councillor's account', 'the figures in the audit'), one with an amount for 'the figures'."""
    owner = _owner_words(pointed)
    return _answered_text(statement, found, owner, hint_needed=bool(owner),
                          amount_wanted=bool(FIGURE_NOUNS.search(pointed.group())), text=text if owner else "")


def _confirming_a_claim(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'The city's spokeswoman later confirmed the report', 'Police confirmed that account': a
    confirmation of a claim named by a noun supports the clause that claim stands for; 'The mayor
    confirmed this', the clause someone else said just before."""
    text = document.text
    if statement.polarity != "confirm":
        return []
    if text[statement.start:statement.end].lower() in ("this", "that", "it"):
        answered = _answered_text(statement, found)
        return [_side_of(document, statement, *_side_span(text, statement), answered, "assert", "confirms")] \
            if answered else []
    pointed = _pointed_claim(text, statement)
    if pointed is None or not names_only_the_claim(text[pointed.end():statement.end]):
        return []
    answered = _pointed_clause(text, statement, found, pointed)
    if not answered:
        return []
    return [_side_of(document, statement, *_side_span(text, statement), answered, "assert", "confirms")]


def _without_overlapping_twins(sides: list[Proposition]) -> list[Proposition]:
    """One side per denial: of two that overlap with one speaker and polarity ('Grady disputed the
    governor's account' and 'disputed the governor's account, saying ...'), the longer."""
    def twin(a: Proposition, b: Proposition) -> bool:
        return a is not b and (a.speaker, a.polarity) == (b.speaker, b.polarity) and a.start < b.end and b.start < a.end
    return [a for a in sides if not any(twin(a, b) and (b.end - b.start, -b.start) > (a.end - a.start, -a.start)
                                        for b in sides)]


JOINING = re.compile(r"\b(?:also|likewise|similarly|as\s+well|too)\b", re.IGNORECASE)


def _joins_a_denial(text: str, statement: Statement) -> bool:
    """'Shapiro denied the story, as well', 'The office also rejected the report': a denial that
    joins one made before it."""
    between = text[statement.speaker.end:statement.cue_start] if statement.speaker.end <= statement.cue_start else ""
    after = text[statement.end:statement.end + 12]
    return bool(JOINING.search(between) and len(between) <= 40 or re.match(r"\W*(?:as\s+well|too)\b", after))


def _denied_before(statement: Statement, found: list[Proposition], statements: list[Statement]) -> str | None:
    """What the nearest earlier denial of someone else denies: one made with a verb of denial if any
    ('Zakharova denied that ...', not her 'it would be "incredible" for Russia to oppose ...')."""
    before = [p for p in found if statement.start - ANSWER_REACH <= p.end <= statement.start
              and p.speaker != statement.speaker.name and p.polarity == "deny"]
    cues = {s.id: s.cue for s in statements}
    denying = [p for p in before if DENYING_VERB.match(cues.get(p.statement or "", ""))]
    chosen = denying or before
    return max(chosen, key=lambda p: p.end).text if chosen else None


DENYING_VERB = re.compile(r"(?:deni|deny|reject|dismiss|disput|refut|rebut|contradict)", re.IGNORECASE)


def _owner_words(pointed: "re.Match[str]") -> set[str]:
    """The word stems that say whose claim a pointing denial rejects ('the councillor's figures as
    "political theatre"' -> counc; 'the figures in the audit' -> audit; 'the claims' -> none)."""
    after = OWNER_AFTER.match(pointed.string, pointed.end())
    words = re.findall(r"[a-z]+", (pointed.group() + (after.group(1) if after else "")).lower())
    return {_word_key(w) for w in words
            if w not in POINTER_WORDS and w.removesuffix("s") not in POINTER_WORDS and w not in ACCUSATION_WORDS and len(w) > 2}


OWNER_AFTER = re.compile(r"\s+(?:in|from|of|by)\s+((?:the\s+|a\s+|an\s+)?[\w'’-]+)")


def _side_of(document: Document, statement: Statement, start: int, end: int, text: str, polarity: str,
             tag: str) -> Proposition:
    """A statement's side on a claim named elsewhere (`text`, the claim's words), standing at [start, end)
    of its document; `tag` keeps its id apart from a clause of the same span."""
    return Proposition(
        id=content_id("prop", document.id, start, end, tag), doc=document.id, start=start, end=end, text=text,
        statement=statement.id, speaker=statement.speaker.name, speaker_kind=statement.speaker.kind,
        polarity=polarity)


def _standing_by(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'The association said it stood by its count': a side for the speaker's own earlier claim (by a
    speaker whose name shares a word with this one or with the clause's subject: 'The association' put
    the number at 1,200), from the clause's place. None when no earlier claim is the speaker's."""
    text = document.text
    out = []
    for start in _clause_starts(text, statement):
        match = STANDS_BY.match(text, start, statement.end)
        if match is None:
            continue
        who = _name_words(statement.speaker.name) | _name_words(match["subject"])
        own = [p for p in found if statement.start - ANSWER_REACH <= p.end <= start and p.statement is not None
               and p.polarity != "deny" and p.statement != statement.id and who & _name_words(p.speaker or "")]
        if own:
            claim = max(own, key=lambda p: p.end)
            begin = start + len(match.group()) - len(match.group().lstrip())
            out.append(_side_of(document, statement, begin, match.end(), claim.text, "assert", "stands by"))
    return out


# 'disputed the governor's account, | saying ...', 'rejected the claim, | arguing ...': the speaker's own act
# before a participle cue answers a claim, and what follows is why it is wrong.
DISPUTING_THEN = re.compile(
    r"\b(?:disputed|disputes|rejected|rejects|denied|denies|dismissed|dismisses|refuted|refutes|rebutted|contested|"
    r"challenged|contradicted|pushed\s+back\s+(?:on|against)|hit\s+back\s+at|took\s+issue\s+with)\s+"
    r"(?:the|that|this|these|those|such|his|her|its|their|[\w.'’-]+['’]s?)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"{POINTED_CLAIM}\b[^.;!?\"“”]{{0,40}}?,\s*$", re.IGNORECASE)


def _disputing_then_saying(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'State Senator Paul Grady disputed the governor's account, saying the inspection took place':
    besides what the participle says, the speaker denies the claim the dispute names (the clause it
    answers), from the dispute to the end of what is said."""
    text = document.text
    if statement.polarity != "assert" or not statement.speaker.end <= statement.cue_start or \
            statement.cue_start - statement.speaker.end > 160:
        return []
    match = DISPUTING_THEN.search(text, statement.speaker.end, statement.cue_start)
    if match is None or re.search(r"[.!?]\s", text[statement.speaker.end:match.start()]):
        return []
    answered = _answered_text(statement, found, _named_claim_words(match.group()), until=match.start())
    if not answered:
        return []
    return [_side_of(document, statement, match.start(), statement.end, answered, "deny", "rebuts")]


# The question a bare answer (NO_ANSWER, YES_ANSWER) answers in its sentence ('Asked whether the ministry had
# covered up the death toll, ...', '... when asked if the depot would close').
ASKED_CLAUSE = re.compile(r"\b(?:asked|questioned|pressed|quizzed|challenged)\s+(?:\w+\s+){0,4}?(?:whether|if)\s+([^,?;:\"“”]{12,}?)\s*"
                          r"(?:[,?;:]|\.?\s*$|\.\s)", re.IGNORECASE)


def _answer_to_a_question(document: Document, statement: Statement) -> list[Proposition]:
    """'Asked whether the ministry had covered up the death toll, Deputy Minister Olga Petrenko said:
    "Absolutely not."': a bare no denies the clause asked about, a bare yes affirms it; the side runs
    from the question to the answer."""
    text = document.text
    answer = text[statement.start:statement.end]
    polarity = answer_polarity(answer)
    if polarity is None:
        return _answer_to_the_turn_before(document, statement)
    first = min(statement.speaker.start, statement.cue_start, statement.start)
    begin = sentence_start(text, first)
    stop = text.find("\n", statement.end)
    stop = len(text) if stop < 0 else stop
    asked = ASKED_CLAUSE.search(text, begin, first) or ASKED_CLAUSE.search(text, statement.end, stop)
    if asked is None:
        return []
    start, end = min(asked.start(), statement.start), max(asked.end(1), statement.end)
    return [_side_of(document, statement, start, end, " ".join(asked.group(1).split()), polarity, "answers")]


ELLIPSIS_REACH = 250  # characters back to the clause an elliptic reply ('Supporters say it will not') leans on


def _elliptic_reply(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'Critics say the plan will raise rents. Supporters say it will not.': a reply that is only a subject
    and an auxiliary denies (or, without 'not', affirms) the clause another source said just before it
    in the same paragraph; the side keeps the reply's own place."""
    text = document.text
    polarity = elliptic_polarity(text[statement.start:statement.end])
    if polarity is None:
        return []
    first = min(statement.speaker.start, statement.cue_start, statement.start)
    before = [p for p in found if p.statement is not None and p.statement != statement.id and p.end <= first and
              first - p.end <= ELLIPSIS_REACH and "\n" not in text[p.end:first] and p.polarity != "deny" and
              _name_words(p.speaker or "") != _name_words(statement.speaker.name)]
    if not before:
        return []
    answered = max(before, key=lambda p: p.end)
    return [_side_of(document, statement, first, statement.end, answered.text, polarity, "replies")]


FIRST_SENTENCE = re.compile(r"\W*[^.!?]*[.!?]?")
QUESTION_REACH = 600  # characters back to the question a turn answers
QUESTION_LABEL = re.compile(r"^[A-Z][\w .'’-]{0,40}(?:\([^()\n]{1,60}\))?\s*:\s*")  # 'Q:', 'REPORTER (Daily Courier):'
YES_NO_QUESTION = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z][\w.'’-]*\s*){0,3},\s+(?=[a-z])|^", re.UNICODE)
ASKING_AUXILIARY = re.compile(r"(?P<aux>did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\s+(?P<rest>.+?)\?$",
                              re.IGNORECASE | re.DOTALL)
POINTING_QUESTION = re.compile(r"(?:that|this|it)(?:\s+(?P<noun>report|claim|account|story|figure|statement|allegation))?"
                               r"(?:\s+(?:still\s+)?(?:true|right|correct|so|accurate|the\s+case|your\s+position))?",
                               re.IGNORECASE)


def _answer_to_the_turn_before(document: Document, statement: Statement) -> list[Proposition]:
    """'Q: Did the port know about the leaking tank before the spill? / A: No. Our inspectors ...': a
    turn that opens with a bare no or yes answers the yes-or-no question on the line before it, from
    the answer's first sentence."""
    text = document.text
    opening = FIRST_SENTENCE.match(text, statement.start, statement.end)
    said = text[opening.start():opening.end()] if opening else ""
    polarity = answer_polarity(said)
    asked = _question_before(text, statement.start) if polarity else None
    if not asked:
        return []
    return [_side_of(document, statement, statement.start, opening.end(), asked, polarity, "answers")]


def _question_before(text: str, position: int) -> str | None:
    """What the yes-or-no question on the last line before `position` asks ('Did the port know about
    the tank?' -> 'the port know about the tank'; 'The union says wards are closing. Is that true?' ->
    'The union says wards are closing'), or None."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[max(0, line_start - QUESTION_REACH):line_start].rstrip()
    last = before[before.rfind("\n") + 1:].strip()
    if not last.endswith("?"):
        return None
    sentences = QUESTION_SENTENCE_BREAK.split(QUESTION_LABEL.sub("", last, count=1))
    question = sentences[-1][YES_NO_QUESTION.match(sentences[-1]).end():]
    match = ASKING_AUXILIARY.match(question)
    if match is None:
        return None
    rest = " ".join(match.group("rest").split())
    pronoun = re.match(r"(?:we|you|they|he|she|i)\b", rest, re.IGNORECASE)
    if pronoun and match.group("aux").lower() not in ("did", "does", "do"):  # 'Are we taking a motion?' -> 'we are taking'
        rest = f"{pronoun.group()} {match.group('aux').lower()}{rest[pronoun.end():]}"
    pointing = POINTING_QUESTION.fullmatch(rest)
    if pointing:  # 'Is that true?': the sentence before it, less whom it addresses
        return _pointed_sentence(sentences[:-1], pointing.group("noun"))
    return rest if len(rest.split()) >= 3 else None


REPORTED_THAT = re.compile(r"^.*?\b(?:reported|said|says|claimed|claims|alleged|stated|wrote|told\s+[^,.]{1,60}?)\s+that\s+",
                           re.IGNORECASE)


def _pointed_sentence(sentences: list[str], noun: str | None) -> str | None:
    """The clause a pointing question asks about: the sentence before it ('... wards are closing. Is that
    true?'), or, for 'Is that report accurate?', the last one that tells of a report, as what was
    reported ('the Tidewater Times has reported that Coinvale moved ...' -> 'Coinvale moved ...')."""
    if not sentences:
        return None
    chosen = sentences[-1]
    if noun:
        stem = noun.lower()[:5]
        chosen = next((s for s in reversed(sentences) if stem in s.lower()), chosen)
    chosen = chosen[YES_NO_QUESTION.match(chosen).end():]
    return REPORTED_THAT.sub("", chosen).rstrip(".") if noun else chosen.rstrip(".")


QUESTION_SENTENCE_BREAK = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<=[.!?])\s+")


def _reason_of_a_rebuttal(proposition: Proposition, rebuttals: list[Proposition]) -> Proposition:
    """A clause inside a rebuttal's side, after the words that call the claim false, says what it says
    ('the report was "FAKE NEWS" and that | the agency "did its job"'): it asserts, unless it denies in its
    own words; the denial is the rebuttal's, whose side runs over it."""
    if proposition.polarity != "deny" or denies_in_content(proposition.text) or not any(
            r.statement == proposition.statement and r.polarity == "deny" and r.start < proposition.start
            and proposition.end <= r.end for r in rebuttals):
        return proposition
    return replace(proposition, polarity="assert")


def _clause_starts(text: str, statement: Statement) -> list[int]:
    """Where the statement's content and each further 'that' clause of it begin."""
    return [statement.start] + [m.end() for m in SECOND_THAT.finditer(text, statement.start, statement.end)]


NOT_NAME_WORDS = frozenset("the a an it its he she they we i this that his her their our company".split())


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.lower()) if w not in NOT_NAME_WORDS and len(w) > 2}


def _pointing_clauses(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """A clause of a longer statement that only calls a claim false ('said the company "submitted
    every study" and that the allegation was false') denies the clause it answers, from its own place."""
    text = document.text
    out = []
    if not CLAIM_WORDS.search(text, statement.start, statement.end):
        return out
    for match in POINTING_FALSITY.finditer(text, statement.start, statement.end):
        opener = text[max(statement.start, match.start() - 10):match.start()]
        if match.start() != statement.start and not CLAUSE_OPENER.search(opener):
            continue
        answered = _answered_text(statement, found, _named_claim_words(match.group()))
        # '... that number was wrong | and that harm had been confirmed in 14 cases': the reason given goes with it
        end = statement.end if SECOND_THAT.match(text, match.end(), statement.end) else match.end()
        if answered:
            out.append(_side_of(document, statement, match.start(), end, answered, "deny", "rebuts"))
    return out


def _nobody_did_that(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'nobody on my team would do that': a clause that says the act just put to the speaker was never done
    denies the clause someone else said just before, from its own place."""
    out: list[Proposition] = []
    if statement.polarity != "deny" or not NOBODY_DID_THAT.search(document.text, statement.start, statement.end):
        return out
    for own in (p for p in found if p.statement == statement.id and NOBODY_DID_THAT.search(p.text)):
        answered = _answered_text(statement, found)
        if answered:
            out.append(_side_of(document, statement, own.start, own.end, answered, "deny", "rebuts"))
    return out


def _opening_denial(document: Document, statement: Statement, found: list[Proposition]) -> list[Proposition]:
    """'MR. NAKAMURA: That is not what happened. Every campaign had observers present.': a turn or quote
    that opens by calling what it answers false denies the clause someone else said just before (not
    one that itself points back: 'That's something we raised in January'), from its first sentence."""
    text = document.text
    opening = FIRST_SENTENCE.match(text, statement.start, statement.end)
    if opening is None or opening.end() >= statement.end - 1 or \
            not CALLED_FALSE_ONLY.match(text[opening.start():opening.end()]):
        return []
    answered = _answered_text(statement, [p for p in found if not POINTING_DENIAL.match(p.text)])
    if not answered:
        return []
    return [_side_of(document, statement, statement.start, opening.end(), answered, "deny", "rebuts")]


CLAUSE_OPENER = re.compile(r"(?:\bthat|\bbut|\band|\bso|[.;,:\"“‘])\s*$", re.IGNORECASE)
CLAIM_WORDS = re.compile(POINTED_CLAIM, re.IGNORECASE)


def _named_claim_words(pointing: str) -> set[str]:
    """The words that say which claim a pointing denial means ('the gap allegation' -> gap)."""
    noun = CLAIM_WORDS.search(pointing)
    words = re.findall(r"[a-z]+", pointing[:noun.start()].lower()) if noun else []
    return {_word_key(w) for w in words if w not in ("the", "that", "this", "these", "those", "such", "any") and len(w) > 2}


def _word_key(word: str) -> str:
    """A crude stem for matching a pointing denial's words in the clause it answers ('gap' = 'gaps')."""
    return word.rstrip("s")[:5]


FIGURE_NOUNS = re.compile(r"\b(?:figures?|numbers?|estimates?)\s*$", re.IGNORECASE)
AMOUNT = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|"
                    r"billions?)\b", re.IGNORECASE)


def _answered_text(statement: Statement, found: list[Proposition], hint: set[str] | None = None,
                   until: int | None = None, hint_needed: bool = False, amount_wanted: bool = False,
                   text: str = "", said_only: bool = False) -> str | None:
    """The nearest earlier clause someone else said (an attributed clause before the reporter's own,
    which is more often the setting of the denial: 'Whitcombe was blunt'), ending by `until` (default:
    where the statement's content starts); with `hint` (word stems naming the claim: 'the gap
    allegation'), the nearest that has them, if any does (only such a one with `hint_needed`); with
    `amount_wanted` ('disputed the figures'), the nearest that states an amount, if any does. With the
    document's `text`, the hint may stand anywhere in the clause's sentence before it ('Councillor Jane
    Ott said ...' for 'the councillor's figures'). With `said_only`, only an attributed clause."""
    until = statement.start if until is None else until
    before = [p for p in found if statement.start - ANSWER_REACH <= p.end <= until
              and p.speaker != statement.speaker.name and p.polarity != "deny"]
    if hint:
        named = [p for p in before if hint <= {_word_key(w) for w in re.findall(
            r"[a-z]+", f"{p.text} {p.speaker or ''} {text[sentence_start(text, p.start):p.start]}".lower())}]
        before = named if named or hint_needed else before
    if amount_wanted:
        before = [p for p in before if AMOUNT.search(p.text)] or before
    said = [p for p in before if p.statement is not None]
    chosen = said if said or said_only else before
    return max(chosen, key=lambda p: p.end).text if chosen else None


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` begins (a full stop or line break before it; crude)."""
    return max(text.rfind("\n", 0, position), text.rfind(". ", 0, position)) + 1 if text else position


def _side_span(text: str, statement: Statement) -> tuple[int, int]:
    """Where a statement's side on a claim named elsewhere lies: from its speaker when the sentence
    opens with them, else from what was said; for a passive cue ('That account | was challenged by Naomi
    Feld'), from the claim's pointing word to its speaker."""
    if _passive_cue(text, statement):
        pointed = _pointed_before_cue(text, statement)
        return pointed.start() if pointed else statement.start, max(statement.end, statement.speaker.end)
    return statement.speaker.start if _speaker_leads(text, statement) else statement.start, statement.end


def _speaker_leads(text: str, statement: Statement) -> bool:
    """'Janet Ferreira dismissed that account ...': the speaker opens the sentence of the denial."""
    return (statement.speaker.end <= statement.cue_start <= statement.cue_end <= statement.start
            and statement.cue_start - statement.speaker.end <= 40
            and not re.search(r"[.!?][\"”’']*\s", text[statement.cue_end:statement.start])
            and "\n" not in text[statement.speaker.start:statement.end])


def extract_propositions(doc: "Doc", document: Document, statements: list[Statement],
                         mentions: list[Mention]) -> list[Proposition]:
    """Every claim candidate of the document, in text order."""
    found = [p for s in statements for p in statement_propositions(doc, document, s, mentions)]
    found += assertion_propositions(doc, document, statements, mentions)
    rebuttals = rebuttal_propositions(document, statements, found)
    answering = {p.statement for p in rebuttals if p.polarity == "deny"}
    # 'denied responsibility for the attack': what it answers is the claim, not the fragment it names
    found = [p for p in found if p.statement not in answering or p.polarity != "deny" or _words(p.text) >= REBUTTAL_MIN_WORDS]
    standing_in = {(p.statement, p.start, p.end) for p in rebuttals if p.polarity == "deny"}
    # 'nobody on my team would do that': the denial's clause stands for what it answers, not for itself
    found = [p for p in found if p.polarity != "deny" or (p.statement, p.start, p.end) not in standing_in]
    found = [_reason_of_a_rebuttal(p, rebuttals) for p in found]
    found += rebuttals
    found += verdict_propositions(document, statements)
    unique: dict[str, Proposition] = {}
    for proposition in found:
        same_span = unique.get(proposition.id)
        if same_span is not None and (same_span.speaker, same_span.polarity) != (proposition.speaker, proposition.polarity):
            # 'rejected claims, first reported by the Sentinel, that ...': two sources, two sides
            proposition = replace(proposition, id=content_id("prop", document.id, proposition.start, proposition.end,
                                                               proposition.statement or ""))
        unique[proposition.id] = proposition
    return sorted(unique.values(), key=lambda p: (p.start, p.end))
