"""Format-neutral helpers for the reports: source sentences, ordering, grouping and labels.

Both renderers build on these so that the Markdown and HTML reports always agree on what is
shown and in which order; only escaping and layout differ between them.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping
from urllib.parse import urlsplit

from storytrace.schema import STANCES, Claim, ClaimMention, Document, Dossier, Entity, Event, Statement

SENTENCE_CAP = 400
ELLIPSIS = "…"

# Abbreviations whose full stop does not end a sentence ("Pres. Vladimir Putin", "U.S. officials").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof pres gen col lt sgt capt adm gov sen rep st jr sr no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)
_CLOSERS = "\"'”’)]»"
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]»]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

ANCHOR_LABELS = {
    "absolute": "date stated in the text",
    "document": "relative to the publication date",
    "event": "relative to another event",
}

ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place (country/city)",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
    "EVENT": "event",
    "WORK_OF_ART": "work",
    "LAW": "law / document",
    "PRODUCT": "product",
}


@dataclass(frozen=True)
class Excerpt:
    """A sentence cut into the text before the highlighted span, the span, and the text after."""

    before: str
    marked: str
    after: str
    start: int
    end: int
    clipped_start: bool = False
    clipped_end: bool = False

    @property
    def plain(self) -> str:
        """The excerpt as one string, with ellipses where it was cut."""
        return (ELLIPSIS if self.clipped_start else "") + self.before + self.marked + self.after + (
            ELLIPSIS if self.clipped_end else ""
        )


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and match.group(1).isupper())


def _boundaries(text: str, lo: int, hi: int) -> Iterable[tuple[int, int]]:
    """(first char of the boundary, first char after it) for each sentence boundary in text[lo:hi]."""
    for match in _BOUNDARY.finditer(text, lo, hi):
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        yield match.start(), match.end()


@lru_cache(maxsize=1024)
def _boundary_ends(text: str) -> list[int]:
    """Where each sentence of text begins after a boundary, in order: found once per document, so a
    report quoting thousands of sentences of a long document does not scan it from the top each time."""
    return [after for _, after in _boundaries(text, 0, len(text))]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) containing text[start:end], without surrounding space.

    A sentence ends at `.`, `!` or `?` (plus closing quotes) followed by whitespace, or at a line
    break; a span that crosses sentences gets all of them."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    ends = _boundary_ends(text)
    before = bisect_right(ends, start)
    sent_start = ends[before - 1] if before else 0
    # A boundary that starts inside the span's last character still closes this sentence.
    sent_end = len(text)
    for first, after in _boundaries(text, max(start, end - 1), len(text)):
        if text[first] == "\n" and first < end:
            continue  # a line break inside a multi-line span does not end it
        sent_end = first if text[first] == "\n" else after
        break
    while sent_start < start and text[sent_start].isspace():
        sent_start += 1
    while sent_end > end and text[sent_end - 1].isspace():
        sent_end -= 1
    return sent_start, sent_end


def _squash(text: str) -> str:
    """Runs of whitespace (line breaks included) as one space, for display on one line."""
    return re.sub(r"\s+", " ", text)


def excerpt(text: str, start: int, end: int, cap: int = SENTENCE_CAP) -> Excerpt:
    """The source sentence around a span, split for highlighting and cut to about `cap` chars."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = sentence_bounds(text, start, end)
    clipped_start = clipped_end = False
    if end - start >= cap:
        clipped_start, clipped_end = start > s, e > start + cap
        s, e = start, start + cap
        end = e
    elif e - s > cap:
        room = cap - (end - start)
        left = min(start - s, room // 2)
        right = min(e - end, room - left)
        left = min(start - s, room - right)
        clipped_start, clipped_end = start - left > s, end + right < e
        s, e = start - left, end + right
    return Excerpt(
        before=_squash(text[s:start]),
        marked=_squash(text[start:end]),
        after=_squash(text[end:e]),
        start=s,
        end=e,
        clipped_start=clipped_start,
        clipped_end=clipped_end,
    )


def source_sentence(text: str, start: int, end: int, cap: int = SENTENCE_CAP) -> str:
    """The sentence of `text` containing [start, end), on one line, at most about `cap` chars."""
    return excerpt(text, start, end, cap).plain


def doc_excerpt(documents: Mapping[str, Document], doc: str, start: int, end: int) -> Excerpt | None:
    """The excerpt for a span of a document in the dossier, or None when the document is absent."""
    document = documents.get(doc)
    if document is None:
        return None
    return excerpt(document.text, start, end)


# --- labels ---------------------------------------------------------------------------------


def doc_label(document: Document | None, fallback: str = "") -> str:
    """A short human name for a document: outlet, else title, else its source path."""
    if document is None:
        return fallback or "(document not in dossier)"
    return document.outlet or document.title or document.source or document.id


def doc_long_label(document: Document | None, fallback: str = "") -> str:
    """Outlet and published date, e.g. "The Jerusalem Post, 2020-06-18"."""
    if document is None:
        return doc_label(None, fallback)
    date = published_label(document)
    return f"{doc_label(document)}, {date}" if document.published else doc_label(document)


def own_voice(document: Document | None) -> str:
    """Who speaks in a side no one is quoted for: the reporter of a news report; a primary document
    speaks for itself: one from an institution ('State Department of Transportation', 'U.S. District
    Court') or titled as a record ('Indictment: ...', 'Statement from ...'), with no byline."""
    from storytrace.extract import lexicon as lx
    from storytrace.gazetteer import is_news_outlet

    if document is None or not document.outlet or document.author or is_news_outlet(document.outlet):
        return "the reporter"
    outlet_words = set(re.findall(r"[a-z]+", document.outlet.lower()))
    title_words = re.findall(r"[a-z]+", (document.title or "").lower())[:2]
    institution = bool(outlet_words & (lx.ORGANIZATION_HEADS | INSTITUTION_WORDS))
    return "the document itself" if institution or set(title_words) & lx.DOCUMENT_HEADS else "the reporter"


# Words of an institution's name that ORGANIZATION_HEADS leaves out.
INSTITUTION_WORDS = frozenset("ministry department court agency commission police senate parliament congress "
                              "tribunal inspectorate regulator".split())


def published_label(document: Document) -> str:
    """The published date, marked when it was estimated rather than read from the source."""
    if not document.published:
        return "date unknown"
    return f"≈{document.published} (estimated)" if document.published_estimated else document.published


def time_label(event: Event) -> str:
    """The event's date, visibly marked when estimated."""
    value = event.time.value or "undated"
    return f"≈{value} (estimated)" if event.time.estimated else value


def anchor_label(anchor: str) -> str:
    """How a date was anchored, in words."""
    return ANCHOR_LABELS.get(anchor, anchor or "unknown anchor")


def entity_kind(entity: Entity) -> str:
    """The entity's type in words (spaCy labels are opaque to readers)."""
    return ENTITY_KINDS.get(entity.type, entity.type.lower() if entity.type else "unknown")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link that may become a hyperlink, else None."""
    if not url or any(ord(ch) < 0x21 or ch in "<>\"'`\\" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


# --- the header -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryFacts:
    """The numbers a reader sees first: how many documents and outlets, over which dates."""

    documents: int
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    estimated: bool


def story_facts(dossier: Dossier) -> StoryFacts:
    """Count documents and outlets and find the published date range."""
    outlets = tuple(sorted({d.outlet for d in dossier.documents if d.outlet}))
    dated = sorted((d.published, d.published_estimated) for d in dossier.documents if d.published)
    return StoryFacts(
        documents=len(dossier.documents),
        outlets=outlets,
        first=dated[0][0] if dated else None,
        last=dated[-1][0] if dated else None,
        estimated=any(est for _, est in dated),
    )


def date_range_label(facts: StoryFacts) -> str:
    """"2020-06-15 to 2020-06-18", one date, or "no dates"; marked when any date was estimated."""
    if not facts.first:
        return "no published dates"
    text = facts.first if facts.first == facts.last else f"{facts.first} to {facts.last}"
    return text + (" (some dates estimated)" if facts.estimated else "")


# --- claims ---------------------------------------------------------------------------------


def stance_origins(claim: Claim, stance: str) -> tuple[str, ...]:
    """The independent origins on one side: the claim's own count, else the counted mentions' distinct
    origins."""
    origins = (claim.origins or {}).get(stance)
    if origins:
        return tuple(dict.fromkeys(origins))
    return tuple(dict.fromkeys(m.origin for m in claim.mentions if m.stance == stance and m.origin and m.counted))


def claim_stances(claim: Claim) -> tuple[str, ...]:
    """The stances the claim has a counted side for, in schema order (supports, denies, then others):
    a side only related to the claim does not make it contested."""
    found = {m.stance for m in claim.mentions if m.counted} | {s for s, o in (claim.origins or {}).items() if o}
    return tuple(s for s in STANCES if s in found) + tuple(sorted(found - set(STANCES)))


def is_contested(claim: Claim) -> bool:
    """A claim is contested when it has both a supporting and a denying side, from different sources:
    one source alone on both sides contests nothing (as the claim step's 'contested' flag says)."""
    stances = claim_stances(claim)
    return "supports" in stances and "denies" in stances and \
        set(stance_origins(claim, "supports")) != set(stance_origins(claim, "denies"))


def is_single_origin(claim: Claim) -> bool:
    """True when every report of the claim goes back to one origin (or the linker flagged it so)."""
    if any("single" in flag for flag in claim.flags):
        return True
    origins = {o for s in claim_stances(claim) for o in stance_origins(claim, s)}
    return len(origins) <= 1


def claim_group(claim: Claim) -> str:
    """Which part of the claims board a claim belongs to: contested, single-origin, other, or made
    once (one mention: nothing to cross-check yet)."""
    if len(claim.mentions) == 1 or "single-mention" in claim.flags:
        return "made-once"
    if is_contested(claim):
        return "contested"
    if is_single_origin(claim):
        return "single-origin"
    return "other"


def extra_flags(claim: Claim, group: str) -> list[str]:
    """The claim's flags its board group does not already say ('contested' under contested, a
    'single-…' flag under single-origin or made once)."""
    return [f for f in claim.flags if f != group and not (group in ("single-origin", "made-once") and "single" in f)]


VARIANT_LABELS = {"numbers": "numbers differ", "dates": "dates differ", "quote wording": "quote worded differently",
                  "quote speaker": "one quote, different speakers"}
VARIANT_CAP = 120


@dataclass(frozen=True)
class VariantLine:
    """One variant of a claim for a reader: what differs and each document's words for it."""

    label: str
    values: tuple[tuple[str, str], ...]  # (the words, the document that uses them)


def variant_lines(claim: Claim, documents: Mapping[str, Document]) -> list[VariantLine]:
    """The claim's variants, each document's wording once (long quotes shortened)."""
    lines = []
    for variant in claim.variants:
        seen: dict[tuple[str, str], tuple[str, str]] = {}
        for value in variant.values:
            words = _squash(value.text)
            words = words if len(words) <= VARIANT_CAP else words[:VARIANT_CAP].rsplit(" ", 1)[0] + ELLIPSIS
            seen.setdefault((value.doc, words.casefold()), (words, doc_label(documents.get(value.doc), value.doc)))
        lines.append(VariantLine(VARIANT_LABELS.get(variant.kind, variant.kind), tuple(seen.values())))
    return lines


_GROUP_ORDER = {"contested": 0, "single-origin": 1, "other": 2, "made-once": 3}


def ordered_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Contested claims first, then single-origin ones, then the rest, then claims made once; most
    origins first within each."""

    def key(claim: Claim) -> tuple[int, int, str]:
        total = len({o for s in claim_stances(claim) for o in stance_origins(claim, s)})
        return (_GROUP_ORDER[claim_group(claim)], -total, claim.text.lower())

    return sorted(claims, key=key)


def ordered_mentions(claim: Claim, doc_order: Mapping[str, int]) -> list[ClaimMention]:
    """A claim's counted mentions, then those only related to it; each part by stance (supports
    first), then document order, then position."""
    stance_rank = {s: i for i, s in enumerate(STANCES)}
    return sorted(claim.mentions, key=lambda m: (not m.counted, stance_rank.get(m.stance, 99),
                                                 doc_order.get(m.doc, 1 << 30), m.start))


# --- timeline -------------------------------------------------------------------------------


def _date_key(value: str) -> tuple[int, str]:
    """A sortable ordinal for ISO values at any granularity (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www)."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return _dt.date(int(value), 1, 1).toordinal(), value
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return _dt.date(int(value[:4]), int(value[5:7]), 1).toordinal(), value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return _dt.date.fromisoformat(value).toordinal(), value
        week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if week:
            return _dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).toordinal(), value
    except ValueError:
        pass
    return 1 << 30, value  # unreadable values go last, in string order


def ordered_events(events: Iterable[Event], doc_order: Mapping[str, int]) -> list[Event]:
    """Events by date (coarse dates before the days inside them), then document and position."""
    return sorted(events, key=lambda e: (_date_key(e.time.value or ""), doc_order.get(e.doc, 1 << 30), e.start))


def names_for(ids: Iterable[str], entities: Mapping[str, Entity]) -> list[str]:
    """Entity ids as canonical names; values that are not ids are shown as they are."""
    return [entities[i].name if i in entities else i for i in ids]


def source_labels(sources: Iterable[str], documents: Mapping[str, Document]) -> list[str]:
    """Event sources as document labels when they are document ids, else as given."""
    return list(dict.fromkeys(doc_label(documents[s]) if s in documents else s for s in sources))


# --- actors ---------------------------------------------------------------------------------


def mention_counts(entity: Entity) -> Counter[str]:
    """Mentions of an entity per document id."""
    return Counter(m.doc for m in entity.mentions)


def ordered_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Most mentioned first, ties by name."""
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name.lower(), e.id))


def other_aliases(entity: Entity) -> list[str]:
    """Aliases other than the canonical name, deduplicated."""
    return [a for a in dict.fromkeys(entity.aliases) if a != entity.name]


# --- statements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerGroup:
    """All statements attributed to one speaker (one entity, or one name and kind when unlinked)."""

    name: str
    kind: str
    entity: Entity | None
    statements: tuple[Statement, ...]


def speaker_groups(dossier: Dossier) -> list[SpeakerGroup]:
    """Statements grouped by speaker; most statements first, each group in document order."""
    entities = {e.id: e for e in dossier.entities}
    doc_order = {d.id: i for i, d in enumerate(dossier.documents)}
    groups: dict[tuple[str, str], list[Statement]] = {}
    for st in dossier.statements:
        sp = st.speaker
        key = ("entity", sp.entity) if sp.entity in entities else ("name", f"{sp.name.lower()}\x1f{sp.kind}")
        groups.setdefault(key, []).append(st)
    result = []
    for key, items in groups.items():
        items.sort(key=lambda s: (doc_order.get(s.doc, 1 << 30), s.start))
        entity = entities.get(key[1]) if key[0] == "entity" else None
        kinds = Counter(s.speaker.kind for s in items)
        name = entity.name if entity else items[0].speaker.name
        result.append(SpeakerGroup(name=name or "(unnamed)", kind=kinds.most_common(1)[0][0], entity=entity,
                                   statements=tuple(items)))
    result.sort(key=lambda g: (-len(g.statements), g.name.lower()))
    return result


def speaker_words(statement: Statement, document: Document | None) -> str | None:
    """The words naming the speaker at this statement ("the ambassador"), when they differ from the name;
    none for a speaker no words name (unnamed sources behind 'is said to')."""
    if document is None or not 0 <= statement.speaker.start < statement.speaker.end <= len(document.text):
        return None
    if (statement.speaker.start, statement.speaker.end) == (statement.cue_start, statement.cue_end):
        return None
    words = " ".join(document.text[statement.speaker.start:statement.speaker.end].split())
    return words if words and words.lower() != statement.speaker.name.lower() else None


def statement_index(dossier: Dossier) -> dict[str, Statement]:
    """Statements by id, for claim sides that point at one."""
    return {s.id: s for s in dossier.statements}


def doc_index(dossier: Dossier) -> tuple[dict[str, Document], dict[str, int]]:
    """Documents by id, and each document's position in the dossier."""
    return {d.id: d for d in dossier.documents}, {d.id: i for i, d in enumerate(dossier.documents)}


def timeline_entries(events: Iterable[Event], doc_order: Mapping[str, int]) -> list[list[Event]]:
    """One entry per happening: events sharing a timeline group together (the first in date order
    leads), entries ordered by their lead's date."""
    entries: dict[str, list[Event]] = {}
    for event in ordered_events(events, doc_order):
        entries.setdefault(event.group or event.id, []).append(event)
    return list(entries.values())
