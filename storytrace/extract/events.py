"""Dated events of one document: each date expression anchored to the clause it dates.

A time expression dates the predicate that governs it in the parse ("Zakharova denied on
Wednesday night that ..." dates "denied"). Dates in boilerplate, the headline or a dateline line,
dates that only modify a noun ("the November 2016 election"), durations, sets and vague references
(PAST_REF) date nothing. One predicate gets one date: an absolute date beats one resolved against
the publication date, which beats one resolved against another event; a month the text only gives
as "In October" takes its year from an event-anchored expression of the same clause ("about two
months before Resolution 2334 passed") when their months agree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from storytrace.extract.datelines import past_dateline
from storytrace.extract.timex import tag_timexes
from storytrace.schema import Document, Event, Mention, TimeValue, Timex, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DATED_TYPES = ("DATE", "TIME")
ANCHOR_RANK = {"absolute": 0, "document": 1, "event": 2}
CLAUSE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp", "xcomp", "prt", "dative", "agent", "neg",
               "aux", "auxpass", "expl")
NOUN_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
MAX_EVENT_CHARS = 240
_VALUE_DATE = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|SP|SU|FA|WI|Q\d|H\d))?(?:-\d{2})?")


def extract_events(doc: "Doc", document: Document, mentions: Sequence[Mention] = ()) -> tuple[list[Timex], list[Event]]:
    """Every time expression of document, and one dated event per predicate a date anchors."""
    dct = (document.published or "")[:10] or None
    timexes = tag_timexes(document.text, dct, document.published_estimated or dct is None)
    by_predicate: dict[int, list[tuple[Timex, "Token"]]] = {}
    for timex in timexes:
        if not _can_date_an_event(document, timex, doc):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        predicate = _entry_predicate(doc, document.text, timex) or governing_predicate(span) or \
            _dated_happening(span)  # a label first: a live blog's '10:45 —' is blanked for the parser
        if predicate is not None:
            by_predicate.setdefault(predicate.i, []).append((timex, predicate))
    events = [_event(document, doc, pairs) for _, pairs in sorted(by_predicate.items())]
    return timexes, events


UPDATE_WORD = re.compile(r"(?:update[ds]?|breaking|latest)(?:\s+at)?", re.IGNORECASE)
DATE_LABEL_END = re.compile(r"[ \t]*[:–—-][ \t]*(?=\S)")


def _entry_predicate(doc: "Doc", text: str, timex: Timex) -> "Token | None":
    """For a timeline's entry ('March 2025: The council first proposes closing the library.'), which
    the parser makes a fragment of its own, the main verb of what the line says after the date."""
    line_start = text.rfind("\n", 0, timex.start) + 1
    label_end = DATE_LABEL_END.match(text, timex.end)
    before = text[line_start:timex.start].strip(" \t-*•")
    if (before and not UPDATE_WORD.fullmatch(before)) or label_end is None:
        return None  # 'UPDATE 5:40 p.m.: The replacement sailing has been cancelled' is a label too
    line_end = text.find("\n", timex.end)
    rest = doc.char_span(label_end.end(), line_end if line_end >= 0 else len(text), alignment_mode="contract")
    if rest is None:
        return None
    roots = [t for t in rest if t.pos_ in ("VERB", "AUX") and
             (t.dep_ == "ROOT" or t.head.i not in range(rest.start, rest.end))]
    return roots[0] if roots else None


# Nouns for a happening, which a possessive date dates: "Friday night's landslide", "Sunday's election".
HAPPENING_NOUNS = frozenset("""landslide earthquake quake flood floods fire blaze explosion blast crash collision
derailment shooting attack attacks bombing strike raid storm hurricane typhoon cyclone tornado eruption collapse
election vote referendum poll meeting summit talks debate hearing match game final race protest protests march rally
riot riots outage leak spill accident incident killing killings murder arrest arrests raid resignation""".split())


def _dated_happening(span: "Span") -> "Token | None":
    """The noun a possessive date dates when it names a happening ("Friday night's landslide in
    Karsi"): the event is the happening itself; 'Sunday's edition' dates none."""
    root = span.root
    if root.dep_ != "poss" or root.head.pos_ != "NOUN" or root.head.lemma_.lower() not in HAPPENING_NOUNS:
        return None
    return root.head


def _can_date_an_event(document: Document, timex: Timex, doc: "Doc | None" = None) -> bool:
    """A calendar date or time in running text (not boilerplate, headline or a bare dateline)."""
    if timex.type not in DATED_TYPES or not _VALUE_DATE.match(timex.value):
        return False
    if document.in_boilerplate(timex.start, timex.end) or document.in_headline(timex.start, timex.end):
        return False
    return not _is_dateline(document.text, timex, doc)


FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())
STAMP_VERBS = frozenset("update publish post modify edit file amend correct".split())  # 'Last updated on 3 March 2026.'


def _is_dateline(text: str, timex: Timex, doc: "Doc | None" = None) -> bool:
    """The expression is (nearly) all of its line: a publication or update stamp, not an event (a
    short sentence with a finite verb is one: 'The plant closed late last month.')."""
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    line_end = line_end if line_end >= 0 else len(text)
    line = text[line_start:line_end]
    rest = (line[:timex.start - line_start] + line[timex.end - line_start:]).strip(" \t,.|-–—:")
    if len(rest.split()) > 3 or re.search(r"\b(?:said|says|will|was|were|is|are|has|had)\b", rest):
        return False
    words = doc.char_span(line_start, line_end, alignment_mode="expand") if doc is not None else None
    return not (words is not None and line.rstrip().endswith(".") and
                any(t.tag_ in FINITE_TAGS and t.lemma_.lower() not in STAMP_VERBS and not timex.start <= t.idx < timex.end
                    for t in words))


def governing_predicate(span: "Span") -> "Token | None":
    """The verb the expression modifies, walking up from its head; None when a noun owns it first."""
    token = span.root
    steps = 0
    while steps < 12:
        head = token.head
        if token.dep_ in NOUN_MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i not in range(span.start, span.end):
            return None
        if head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else _sentence_verb(token)
        if head.pos_ in ("VERB", "AUX") and head.i not in range(span.start, span.end):
            return head
        token = head
        steps += 1
    return None


def _sentence_verb(token: "Token") -> "Token | None":
    """A verbless root (a fragment): the first verb of the sentence, if any."""
    return next((t for t in token.sent if t.pos_ == "VERB"), None)


def clause_bounds(predicate: "Token", exclude: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """Character span of the predicate with its subject, objects and particles (not whole sub-clauses)."""
    tokens = [predicate]
    for child in predicate.children:
        if child.dep_ in CLAUSE_DEPS:
            tokens.extend(child.subtree if child.dep_ not in ("xcomp",) else [child])
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    sentence = predicate.sent
    start, end = max(start, sentence.start_char), min(end, sentence.end_char)
    if end - start > MAX_EVENT_CHARS:
        start = max(start, predicate.idx - MAX_EVENT_CHARS // 2)
        end = min(end, predicate.idx + MAX_EVENT_CHARS // 2)
    return start, end


def choose_time(timexes: Sequence[Timex]) -> Timex:
    """The date that fixes the event best: absolute first, then finer values, then the earlier mention."""
    return min(timexes, key=lambda t: (ANCHOR_RANK.get(t.anchor, 3), -len(t.value), t.start))


def reconcile_year(chosen: Timex, others: Sequence[Timex]) -> Timex:
    """'In October' resolved against the publication date takes the year of an event-anchored
    expression of the same clause that lands in the same month."""
    if chosen.anchor != "document" or not re.fullmatch(r"\d{4}-\d{2}", chosen.value):
        return chosen
    for other in others:
        if other is chosen or other.anchor != "event" or not re.match(r"\d{4}-\d{2}", other.value):
            continue
        if other.value[5:7] == chosen.value[5:7] and other.value[:4] != chosen.value[:4]:
            return Timex(chosen.start, chosen.end, chosen.text, chosen.type, other.value[:4] + chosen.value[4:],
                         anchor="event", estimated=other.estimated)
    return chosen


CONTRACT_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{4}-\d{2}|\d{4})")


def contract_value(value: str) -> str:
    """The timeline value the dossier contract allows (day, ISO week, month or year): a time of day
    is dropped ("2020-06-17TNI" -> "2020-06-17") and a season or quarter widens to its year."""
    match = CONTRACT_VALUE.match(value)
    return match.group(1) if match else value[:4]


def _event(document: Document, doc: "Doc", pairs: list[tuple[Timex, "Token"]]) -> Event:
    """One event record for a predicate and the expressions that date it."""
    timexes = [t for t, _ in pairs]
    predicate = pairs[0][1]
    chosen = reconcile_year(choose_time(timexes), timexes)
    start, end = clause_bounds(predicate) if predicate.pos_ != "NOUN" else \
        (predicate.left_edge.idx, predicate.right_edge.idx + len(predicate.right_edge.text))  # "Friday's landslide in Karsi"
    start, end = min(start, chosen.start), max(end, chosen.end)
    if end - start > MAX_EVENT_CHARS * 2:
        start, end = clause_bounds(predicate)
    start = past_dateline(document.text, start, end)  # 'LONDON (Reuters) -' is no part of what happened
    text = document.text[start:end]
    time = TimeValue(value=contract_value(chosen.value), text=chosen.text, start=chosen.start, end=chosen.end,
                     anchor=chosen.anchor, estimated=chosen.estimated)
    return Event(id=content_id("evt", document.id, start, end, chosen.value), doc=document.id, start=start,
                 end=end, text=" ".join(text.split()), time=time, predicate=predicate.lemma_.lower(),
                 sources=(document.id,))
