"""Where an assertion ultimately comes from, so that repeats of one source count once.

- A statement's origin is its speaker, except inside a scope: after "Netanyahu shared the details"
  the account that follows (including what Putin is said to have said in it) is Netanyahu's; after
  "THE TRANSCRIPTS show that ... Kislyak called Flynn", what Kislyak and Flynn say is the
  transcripts'. A narrative scope runs to the end of the document or to a statement by someone the
  account never mentioned; a document scope ends at a statement by anyone outside the document.
- An outlet speaking for someone is that someone: when a report says the outlet got the story from
  a person ("In a closed meeting with Israel Hayom, Netanyahu shared the details"), what that outlet
  reported is that person's, in every document of the story.
- A reporter's own assertion belongs to the document's outlet, unless the document credits another
  outlet with the story ("first reported in Israel Hayom") and the claim's other sides reach back to
  that outlet or its source: then it is a repeat of that source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from storytrace import gazetteer, names
from storytrace.schema import Document, Entity, Proposition, Provenance, Statement

NARRATION = re.compile(
    r"\b(?:shared|gave|described|recounted|revealed|related|laid out|told)\s+(?:(?:the|his|her|their|an?|full|own|inside)\s+)*"
    r"(?:details|story|account|version|narrative|events)\b", re.IGNORECASE)
OUTLET_CONTACT = re.compile(r"\b(?:with|to|told|interview with|meeting with|briefing)\b", re.IGNORECASE)
CREDIT = re.compile(
    r"\b(?:first|originally|initially|exclusively)\s+(?:reported|revealed|published|disclosed)\s+(?:in|by)\s+", re.IGNORECASE)
SOURCE_KINDS = ("person", "organization", "anonymous", "document")


@dataclass(frozen=True)
class Origin:
    """A source an assertion comes from: a comparison key and a display name."""

    key: str
    name: str
    kind: str


@dataclass(frozen=True)
class Scope:
    """Text [start, end) of one document told on someone's authority."""

    doc: str
    start: int
    end: int
    origin: Origin
    participants: frozenset[str]
    kind: str  # "narrative" | "document"


def origin_of_speaker(statement: Statement) -> Origin:
    """The statement's speaker as an origin, keyed by entity when linked."""
    speaker = statement.speaker
    key = speaker.entity or f"{speaker.kind}:{names.org_key(speaker.name)}"
    return Origin(key=key, name=speaker.name, kind=speaker.kind)


def outlet_origin(name: str) -> Origin:
    canonical = gazetteer.outlet_name(name) or name
    return Origin(key=f"outlet:{names.org_key(canonical)}", name=canonical, kind="outlet")


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1, 0)
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return start, (min(stops) + 1 if stops else len(text))


def _person_mentions(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    found: dict[str, list[tuple[int, int, Entity]]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            found.setdefault(mention.doc, []).append((mention.start, mention.end, entity))
    for spans in found.values():
        spans.sort(key=lambda item: item[0])
    return found


def _surnames(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Z][A-Za-z'’-]+", text)}


def narrative_scopes(document: Document, statements: Sequence[Statement], entities: Sequence[Entity]) -> list[Scope]:
    """Accounts a named person gives ("X shared the details") and documents speaking ("the transcripts show")."""
    people = _person_mentions(entities).get(document.id, [])
    scopes: list[Scope] = []
    for match in NARRATION.finditer(document.text):
        if document.in_boilerplate(match.start(), match.end()):
            continue
        sentence_start, sentence_end = _sentence_bounds(document.text, match.start())
        before = [p for p in people if sentence_start <= p[0] < match.start()]
        if not before:
            continue
        narrator = before[-1][2]
        origin = Origin(key=narrator.id, name=narrator.name, kind="person")
        scopes.append(Scope(document.id, sentence_end, len(document.text), origin, frozenset(), "narrative"))
    for statement in statements:
        if statement.doc != document.id or statement.speaker.kind != "document":
            continue
        low = min(statement.start, statement.speaker.start)
        high = max(statement.end, statement.speaker.end)
        participants = frozenset(w for start, end, person in people if low <= start < high
                                 for w in _surnames(person.name))
        scopes.append(Scope(document.id, statement.start, len(document.text), origin_of_speaker(statement),
                            participants, "document"))
    return _closed_scopes(sorted(scopes, key=lambda s: s.start), statements, document)


def _speaker_words(statement: Statement) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z'’-]+", statement.speaker.name)}


def _closed_scopes(scopes: list[Scope], statements: Sequence[Statement], document: Document) -> list[Scope]:
    """Each scope ends at the next scope of the document or at the first statement it cannot hold."""
    closed: list[Scope] = []
    own = sorted((s for s in statements if s.doc == document.id), key=lambda s: s.start)
    for number, scope in enumerate(scopes):
        end = scopes[number + 1].start if number + 1 < len(scopes) else scope.end
        for statement in own:
            if statement.start < scope.start or statement.start >= end:
                continue
            if not _scope_holds(scope, statement, document):
                end = statement.speaker.start if statement.speaker.start > scope.start else statement.start
                break
        closed.append(Scope(scope.doc, scope.start, max(scope.start, end), scope.origin, scope.participants, scope.kind))
    return closed


def _scope_holds(scope: Scope, statement: Statement, document: Document) -> bool:
    """Whether a statement inside a scope is still told on the scope's authority."""
    if origin_of_speaker(statement).key == scope.origin.key:
        return True
    speaker = _speaker_words(statement)
    if statement.speaker.kind in ("anonymous", "outlet") or not speaker:
        return False
    if scope.kind == "document":
        return bool(speaker & scope.participants)
    earlier = _surnames(document.text[scope.start:statement.start])
    return bool(speaker & earlier)


def outlet_sources(documents: Sequence[Document], scopes: Iterable[Scope]) -> dict[str, Origin]:
    """Outlet key -> the person an outlet got its story from, read off "with/told OUTLET, X shared ..."."""
    found: dict[str, Origin] = {}
    by_id = {d.id: d for d in documents}
    for scope in scopes:
        if scope.kind != "narrative":
            continue
        document = by_id[scope.doc]
        sentence_start, _ = _sentence_bounds(document.text, max(scope.start - 2, 0))
        sentence = document.text[sentence_start:scope.start]
        for outlet in _outlets_in(sentence):
            if OUTLET_CONTACT.search(sentence):
                found.setdefault(outlet_origin(outlet).key, scope.origin)
    return found


def _outlets_in(text: str) -> list[str]:
    """Outlet names from the gazetteer that occur in text."""
    found = []
    for candidate in re.findall(r"(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}", text):
        words = candidate.split()
        for size in range(len(words), 0, -1):
            for first in range(0, len(words) - size + 1):
                name = " ".join(words[first:first + size])
                if gazetteer.outlet_name(name, allow_ambiguous=False):
                    found.append(name)
                    break
            else:
                continue
            break
    return found


def credited_outlets(document: Document) -> list[str]:
    """Outlets the document credits with the story: 'first reported in Israel Hayom'."""
    return [edge.cites for edge in credit_provenance(document)]


def credit_provenance(document: Document) -> list[Provenance]:
    """'first reported by' edges for the outlets a document credits with the story."""
    edges = []
    for match in CREDIT.finditer(document.text):
        outlets = _outlets_in(document.text[match.end():match.end() + 60])
        if outlets:
            start = document.text.find(outlets[0], match.end())
            edges.append(Provenance(doc=document.id, cites=outlets[0], relation="first reported by",
                                    start=start, end=start + len(outlets[0])))
    return edges


class OriginResolver:
    """Origins of propositions across the story, from scopes, outlet sources and credits."""

    def __init__(self, documents: Sequence[Document], statements: Sequence[Statement], entities: Sequence[Entity]):
        self.documents = {d.id: d for d in documents}
        self.statements = {s.id: s for s in statements}
        self.modes = {s.id: s.mode for s in statements}
        self.entity_by_id = {e.id: e for e in entities}
        self.known: dict[str, Origin] = {}
        self.person_by_name = {names.fold(alias): e for e in entities if e.type == "PERSON" for alias in (e.name, *e.aliases)}
        self.scopes: dict[str, list[Scope]] = {}
        for document in documents:
            self.scopes[document.id] = narrative_scopes(document, statements, entities)
        self.sources = outlet_sources(documents, (s for group in self.scopes.values() for s in group))
        self.credits = {d.id: [outlet_origin(o) for o in credited_outlets(d)] for d in documents}

    def scope_at(self, doc: str, position: int) -> Scope | None:
        inside = [s for s in self.scopes.get(doc, ()) if s.start <= position < s.end]
        return inside[-1] if inside else None

    def resolve_outlet(self, origin: Origin) -> Origin:
        """An outlet speaking for someone is that someone; anything else is itself."""
        if origin.kind != "outlet":
            return origin
        return self.sources.get(outlet_origin(origin.name).key, origin)

    def speaker_origin(self, statement: Statement) -> Origin:
        """The speaker as an origin, keyed by the story entity its name belongs to when the
        statement itself was not linked ('Binyamin Netanyahu' and 'Netanyahu' are one origin)."""
        origin = origin_of_speaker(statement)
        linked = self.entity_by_id.get(statement.speaker.entity or "")
        if linked is not None and statement.speaker.kind == "person":
            return Origin(key=linked.id, name=linked.name, kind="person")
        if statement.speaker.entity is None and statement.speaker.kind == "person":
            entity = self.person_by_name.get(names.fold(statement.speaker.name))
            if entity is not None:
                return Origin(key=entity.id, name=entity.name, kind="person")
        return origin

    def own_outlet(self, doc: str) -> Origin:
        document = self.documents[doc]
        return outlet_origin(document.outlet) if document.outlet else Origin(f"doc:{doc}", document.title or document.source, "outlet")

    def origin(self, proposition: Proposition) -> Origin:
        """Origin of one proposition before claim context (reporter's own -> the document's outlet)."""
        known = self.known.get(proposition.id)
        if known is None:
            known = self.known[proposition.id] = self._origin(proposition)
        return known

    def _origin(self, proposition: Proposition) -> Origin:
        statement = self.statements.get(proposition.statement or "")
        scope = self.scope_at(proposition.doc, proposition.start)
        if statement is not None:
            speaker = self.speaker_origin(statement)
            if scope is not None and statement.start >= scope.start:
                return scope.origin
            return self.resolve_outlet(speaker)
        if scope is not None and scope.kind == "narrative":
            return scope.origin
        return self.own_outlet(proposition.doc)

    def in_claim(self, proposition: Proposition, others: Iterable[Origin]) -> Origin:
        """A reporter's own assertion repeats a credited outlet's source when the claim reaches it
        (`others`: the claim's sides' origins; its own may be among them)."""
        base = self.origin(proposition)
        if proposition.statement is not None or base != self.own_outlet(proposition.doc):
            return base
        other_keys = {o.key for o in others}
        for credited in self.credits.get(proposition.doc, ()):
            source = self.resolve_outlet(credited)
            if source.key in other_keys or credited.key in other_keys:
                return source
        return base


def origins_by_stance(origins: Mapping[str, Iterable[Origin]]) -> dict[str, tuple[str, ...]]:
    """Distinct origin names per stance, in first-seen order."""
    out: dict[str, tuple[str, ...]] = {}
    for stance, items in origins.items():
        seen: dict[str, str] = {}
        for origin in items:
            seen.setdefault(origin.key, origin.name)
        out[stance] = tuple(seen.values())
    return out
