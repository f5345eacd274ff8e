"""The story's timeline: per-document events get their participants, and one happening told by
several documents becomes one timeline entry (`group`) listing every source.

Two events are the same happening when they share the predicate (or a synonym) and a participant,
or when their clauses share most content words. Their dates agree when one value is a prefix of
the other ("2016-12" and "2016-12-23"); a group whose day-level dates disagree is flagged
`conflict`, so the timeline shows both dates.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from storytrace.schema import Entity, Event, content_id

SYNONYM_GROUPS = (
    {"call", "phone", "ring", "speak", "talk"},
    {"pass", "adopt", "approve"},
    {"deny", "reject", "dismiss", "refute"},
    {"say", "tell", "state", "claim"},
    {"meet", "visit"},
    {"sign", "conclude"},
    {"kill", "die"},
    {"resign", "quit", "step"},
    {"declassify", "release", "publish"},
    {"announce", "unveil", "reveal"},
)
STOPWORDS = frozenset(
    "a an the of to in on at for by with from and or but that this these those it its is was were be been "
    "has have had he she they his her their him them who which as after before about just days weeks".split()
)
SAME_CLAUSE_OVERLAP = 0.5


def _predicate_class(lemma: str) -> str:
    for group in SYNONYM_GROUPS:
        if lemma in group:
            return min(group)
    return lemma


@lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 2)


def participants_of(event: Event, mention_index: dict[str, list[tuple[int, int, str]]]) -> tuple[str, ...]:
    """Entity ids with a mention inside the event's clause, in text order, each once."""
    found = [entity for start, end, entity in mention_index.get(event.doc, ()) if event.start <= start and end <= event.end]
    return tuple(dict.fromkeys(found))


def dates_agree(first: str, second: str) -> bool:
    """'2016-12' and '2016-12-23' agree, and so do a week and a day in it ('2024-W26', '2024-06-27');
    '2016-12-23' and '2016-12-29' do not."""
    shorter, longer = sorted((first, second), key=len)
    week = ISO_WEEK.fullmatch(shorter)
    if week is not None and ISO_DAY.fullmatch(longer):
        year, number, _ = datetime.date.fromisoformat(longer).isocalendar()
        return (year, number) == (int(week["year"]), int(week["week"]))
    return longer.startswith(shorter)


ISO_WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# Happenings a story has one of, named by a noun: two reports' landslide is the one landslide.
ONE_OFF_HAPPENINGS = frozenset("""landslide mudslide avalanche earthquake quake flood fire blaze wildfire explosion blast
crash collision derailment shooting bombing eruption collapse tornado hurricane typhoon cyclone sinking""".split())


# Verbs that tell a happening took place ('The landslide struck at 4 a.m.'), not what it did later.
OCCURRING_VERBS = frozenset("strike hit happen occur start begin erupt ignite break explode".split())
NAMED_BY_DATE = re.compile(r"['’]s\s+(?:[\w-]+\s+)??(?P<noun>[a-z]+)\b")  # "Friday night's landslide"
OPENING_SUBJECT = re.compile(r"^(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[a-z]+)\b")


def _happening(event: Event) -> str | None:
    """The one-off happening an event is the occurrence of: a happening a possessive date dates ("Friday
    night's landslide"), or one its clause opens with as the subject of a verb of occurring ("The
    landslide struck at around 4 a.m."); not what it did later ("The fire had blackened 7,000 acres")."""
    text = event.text.lower()
    if event.predicate in ONE_OFF_HAPPENINGS and any(m["noun"] == event.predicate for m in NAMED_BY_DATE.finditer(text)):
        return event.predicate
    opening = OPENING_SUBJECT.match(text)
    nouns = [w for w in re.findall(r"[a-z]+", opening.group().lower())] if opening is not None else []
    noun = next((w for w in nouns[1:] if w in ONE_OFF_HAPPENINGS), None)
    return noun if noun is not None and event.predicate in OCCURRING_VERBS else None


def same_happening(first: Event, second: Event) -> bool:
    """Same predicate class with a shared participant, one named one-off happening ('the landslide'), or
    clauses that share most content words."""
    if first.doc == second.doc:
        return False
    happening = _happening(first)
    if happening is not None and happening == _happening(second):
        return True
    shared = set(first.participants) & set(second.participants)
    if shared and _predicate_class(first.predicate) == _predicate_class(second.predicate):
        return True
    words_a, words_b = _content_words(first.text), _content_words(second.text)
    if not words_a or not words_b:
        return False
    overlap = len(words_a & words_b) / min(len(words_a), len(words_b))
    return overlap >= SAME_CLAUSE_OVERLAP and bool(shared or dates_agree(first.time.value, second.time.value))


def _mention_index(entities: Iterable[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    index: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            index.setdefault(mention.doc, []).append((mention.start, mention.end, entity.id))
    for spans in index.values():
        spans.sort()
    return index


def _groups(events: Sequence[Event]) -> list[list[int]]:
    """Connected groups of same-happening events; compared only within a predicate class or a year
    bucket so the work stays near-linear in the number of events."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        buckets.setdefault("p:" + _predicate_class(event.predicate), []).append(i)
        buckets.setdefault("y:" + event.time.value[:4], []).append(i)
    for members in buckets.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if find(a) != find(b) and same_happening(events[a], events[b]):
                    parent[find(a)] = find(b)
    grouped: dict[int, list[int]] = {}
    for i in range(len(events)):
        grouped.setdefault(find(i), []).append(i)
    return list(grouped.values())


def link_events(events: Sequence[Event], entities: Sequence[Entity]) -> list[Event]:
    """Events with participants, a timeline group id, every reporting document and a date-conflict flag."""
    index = _mention_index(entities)
    with_people = [replace(e, participants=participants_of(e, index)) for e in events]
    linked: list[Event | None] = [None] * len(with_people)
    for members in _groups(with_people):
        group_events = [with_people[i] for i in members]
        sources = tuple(dict.fromkeys(e.doc for e in group_events))
        values = [e.time.value for e in group_events]
        conflict = any(not dates_agree(a, b) for a in values for b in values)
        group = content_id("tl", *sorted(e.id for e in group_events))
        for i in members:
            linked[i] = replace(with_people[i], sources=sources, conflict=conflict, group=group)
    return [e for e in linked if e is not None]
