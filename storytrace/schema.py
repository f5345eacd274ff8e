"""The records that cross every stage boundary, and the dossier JSON contract (version 1).

Every stage imports these frozen dataclasses and nothing else crosses a process, Ray or
database boundary. Offsets are Python ``str`` indices into ``Document.text``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any, Iterable, Mapping

FORMAT = "storytrace-dossier"
VERSION = 1

SPEAKER_KINDS = ("person", "organization", "outlet", "document", "anonymous", "unknown")
MODES = ("direct", "indirect", "mixed")
POLARITIES = ("assert", "deny", "confirm")
STANCES = ("supports", "denies")
TIME_ANCHORS = ("absolute", "document", "event")


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id made from the content that defines a record."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One report or primary document, its text exactly as read."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_estimated: bool = False
    language: str | None = None
    author: str | None = None
    boilerplate: tuple[Span, ...] = ()
    headline: Span | None = None

    @staticmethod
    def make_id(text: str, outlet: str | None = None) -> str:
        """Documents are identified by their text and outlet: the same article twice is one document,
        while one wire story run by two outlets is two reports (two outlets, one origin)."""
        words = " ".join(text.split())
        return content_id("doc", words, outlet) if outlet else content_id("doc", words)

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) touches a boilerplate span."""
        return any(start < b_end and b_start < end for b_start, b_end in self.boilerplate)

    def in_headline(self, start: int, end: int) -> bool:
        return self.headline is not None and start < self.headline[1] and self.headline[0] < end


@dataclass(frozen=True)
class Skipped:
    """A source that could not be analysed, with the one-line reason a user reads."""

    source: str
    reason: str

    def line(self) -> str:
        return f"skipped {self.source}: {self.reason}"


@dataclass(frozen=True)
class Mention:
    """A named mention found in one document, before entities are merged across documents."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    roles: tuple[str, ...] = ()
    gender: str | None = None
    short_for: str | None = None  # the name this one is defined as short for: 'SIA' in 'Singapore Airlines (SIA)'


@dataclass(frozen=True)
class MentionRef:
    doc: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[MentionRef, ...]
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to; start/end cover the words naming them here ("he")."""

    name: str
    kind: str
    start: int
    end: int
    entity: str | None = None
    ref_start: int | None = None
    ref_end: int | None = None


@dataclass(frozen=True)
class Statement:
    """One speech act: its reported content, the speaker, the cue and how it is reported."""

    id: str
    doc: str
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int
    cue_end: int
    mode: str
    polarity: str = "assert"
    via: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class TimeValue:
    value: str
    text: str
    start: int
    end: int
    anchor: str = "absolute"
    estimated: bool = False


@dataclass(frozen=True)
class Timex:
    """A time expression as `storytrace timex` prints it (TIMEX3 type and value)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str = "absolute"
    estimated: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    doc: str
    start: int
    end: int
    text: str
    time: TimeValue
    predicate: str = ""
    participants: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    conflict: bool = False
    group: str = ""


@dataclass(frozen=True)
class Proposition:
    """A claim candidate: one clause asserted (or denied) in a document, by a speaker or the reporter.

    `statement` is the id of the statement it comes from (None for the reporter's own assertion);
    `polarity` is the statement's, read clause by clause; `source` names who asserts it here."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    statement: str | None = None
    speaker: str | None = None
    speaker_kind: str | None = None
    polarity: str = "assert"
    negated: bool = False
    hedged: bool = False
    requested: bool = False  # asked for in a bare-verb 'that' clause ('requested that Putin announce ...')
    verdict: bool = False  # a fact-check's rating of the claim it reviews ('Rating: False'), its text that claim
    whole: bool = True  # a subject and its finite verb, not a phrase or a predicate cut from its subject
    entities: tuple[tuple[int, int], ...] = ()
    predicates: str = ""  # lemmas of the clause's verbs ('not' kept): what it says happened
    arguments: str = ""  # lemmas of its nouns and names: what it is about


@dataclass(frozen=True)
class ClaimMention:
    """One side of a claim. `counted`: the side states the claim (its link to the claim's main
    statement is at least even odds) and its origin counts in `Claim.origins`; a side that is only
    related to the claim is shown but not counted."""

    doc: str
    start: int
    end: int
    stance: str
    origin: str
    statement: str | None = None
    text: str = ""
    counted: bool = True


@dataclass(frozen=True)
class VariantValue:
    """The words one side uses for an item that another side words differently ('1948', '$40m')."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Variant:
    """Same-side wording that differs between documents without contradicting: `kind` is 'numbers',
    'dates', 'quote wording' or 'quote speaker' (one quote, two speakers named); `values` point at each
    side's words (for 'quote speaker', at each report's speaker)."""

    kind: str
    values: tuple[VariantValue, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    mentions: tuple[ClaimMention, ...]
    origins: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Provenance:
    doc: str
    cites: str
    relation: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentAnalysis:
    """Everything extracted from one document: the plain records a worker sends back."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    propositions: tuple[Proposition, ...] = ()


@dataclass(frozen=True)
class Dossier:
    """The one result of a run, serialised as the JSON contract."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    skipped: tuple[Skipped, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return dossier_to_json(self)


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and mappings as JSON-ready plain values."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _document_json(doc: Document) -> dict[str, Any]:
    data = _plain(doc)
    data["boilerplate"] = [list(span) for span in doc.boilerplate]
    data["headline"] = list(doc.headline) if doc.headline else None
    return data


def _statement_json(st: Statement) -> dict[str, Any]:
    data = _plain(st)
    data["via"] = list(st.via)
    return data


def dossier_to_json(dossier: Dossier) -> dict[str, Any]:
    """The dossier as the version-1 JSON object (required fields plus documented extras)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "documents": [_document_json(d) for d in dossier.documents],
        "entities": [_plain(e) for e in dossier.entities],
        "statements": [_statement_json(s) for s in dossier.statements],
        "events": [_plain(e) for e in dossier.events],
        "claims": [_plain(c) for c in dossier.claims],
        "provenance": [_plain(p) for p in dossier.provenance],
        "skipped": [_plain(s) for s in dossier.skipped],
    }


def _build(cls: type, data: Mapping[str, Any]) -> Any:
    """Build a dataclass from its JSON object, ignoring extra keys."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def _spans(value: Iterable[Iterable[int]] | None) -> tuple[Span, ...]:
    return tuple((int(a), int(b)) for a, b in (value or ()))


def document_from_json(data: Mapping[str, Any]) -> Document:
    doc = _build(Document, data)
    headline = data.get("headline")
    return Document(**{**asdict(doc), "boilerplate": _spans(data.get("boilerplate")),
                       "headline": (int(headline[0]), int(headline[1])) if headline else None})


def dossier_from_json(data: Mapping[str, Any]) -> Dossier:
    """Read a version-1 dossier back into records (extra fields are dropped)."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} version {VERSION} file")
    entities = tuple(
        Entity(id=e["id"], name=e["name"], type=e["type"], aliases=tuple(e.get("aliases", ())),
               mentions=tuple(_build(MentionRef, m) for m in e.get("mentions", ())),
               roles=tuple(e.get("roles", ())))
        for e in data.get("entities", ())
    )
    statements = tuple(
        Statement(**{**{k: v for k, v in s.items() if k in {f.name for f in fields(Statement)}},
                     "speaker": _build(Speaker, s["speaker"]), "via": tuple(s.get("via", ()))})
        for s in data.get("statements", ())
    )
    events = tuple(
        Event(**{**{k: v for k, v in e.items() if k in {f.name for f in fields(Event)}},
                 "time": _build(TimeValue, e["time"]),
                 "participants": tuple(e.get("participants", ())),
                 "sources": tuple(e.get("sources", ()))})
        for e in data.get("events", ())
    )
    claims = tuple(
        Claim(id=c["id"], text=c["text"],
              mentions=tuple(_build(ClaimMention, m) for m in c.get("mentions", ())),
              origins={k: tuple(v) for k, v in (c.get("origins") or {}).items()},
              flags=tuple(c.get("flags", ())),
              variants=tuple(Variant(v["kind"], tuple(_build(VariantValue, x) for x in v.get("values", ())))
                             for v in c.get("variants", ())))
        for c in data.get("claims", ())
    )
    return Dossier(
        documents=tuple(document_from_json(d) for d in data.get("documents", ())),
        entities=entities,
        statements=statements,
        events=events,
        claims=claims,
        provenance=tuple(_build(Provenance, p) for p in data.get("provenance", ())),
        skipped=tuple(_build(Skipped, s) for s in data.get("skipped", ())),
    )


def dumps(dossier: Dossier) -> str:
    """The dossier as compact JSON, one line: json's C encoder only runs without indentation, and a
    large story's dossier is megabytes (pretty-print it with `python -m json.tool` when reading)."""
    return json.dumps(dossier_to_json(dossier), ensure_ascii=False, separators=(",", ":"))
