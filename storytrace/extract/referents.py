"""Who is who inside one document: people and organisations clustered, with roles, gender and recency.

Speaker resolution reads this to turn "he", "the ambassador" or "the source" into the right
earlier mention. Cross-document merging happens later, in `storytrace.link.entities`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from storytrace import names
from storytrace.schema import Mention


@dataclass
class Referent:
    """One person, organisation, document or unnamed source of a document, and where it is mentioned."""

    key: int
    name: str
    kind: str
    label: str = ""
    roles: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    gender: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def last_before(self, position: int) -> int:
        """Start of the last mention before position, or -1."""
        starts = [s for s, _ in self.spans]
        index = bisect.bisect_left(starts, position)
        return starts[index - 1] if index else -1

    def first_span(self) -> tuple[int, int]:
        return self.spans[0]


@dataclass
class Referents:
    """The referents of one document and an index from mention spans to them."""

    items: list[Referent] = field(default_factory=list)
    by_span: dict[tuple[int, int], Referent] = field(default_factory=dict)

    def add(self, name: str, kind: str, span: tuple[int, int], label: str = "", heads: set[str] | None = None) -> Referent:
        referent = Referent(key=len(self.items), name=name, kind=kind, label=label, heads=set(heads or ()))
        referent.spans.append(span)
        self.items.append(referent)
        self.by_span[span] = referent
        return referent

    def attach(self, referent: Referent, span: tuple[int, int]) -> None:
        referent.spans.append(span)
        referent.spans.sort()
        self.by_span[span] = referent

    def covering(self, start: int, end: int) -> Referent | None:
        """The referent of a mention that overlaps [start, end)."""
        for (s, e), referent in self.by_span.items():
            if s < end and start < e:
                return referent
        return None

    def most_recent(self, position: int, accept) -> Referent | None:
        """The referent accepted by `accept` whose last mention before position is latest."""
        best, best_at = None, -1
        for referent in self.items:
            at = referent.last_before(position)
            if at > best_at and accept(referent):
                best, best_at = referent, at
        return best


def _merge_person(referents: Referents, mention: Mention, people: list[Referent]) -> None:
    tokens = names.person_tokens(mention.text)
    if not tokens:
        return
    span = (mention.start, mention.end)
    if len(tokens) >= 2:
        for person in people:
            if len(names.person_tokens(person.name)) >= 2 and names.same_person(person.name, mention.text):
                _absorb(referents, person, mention, span)
                return
        same_surname = [p for p in people if names.person_tokens(p.name)[-1:] == tokens[-1:]
                        and len(names.person_tokens(p.name)) == 1]
        if same_surname:
            person = same_surname[-1]
            person.name = mention.text
            _absorb(referents, person, mention, span)
            return
    else:
        candidates = [p for p in people if names.surname(p.name) == tokens[-1]]
        if candidates:
            person = max(candidates, key=lambda p: p.last_before(mention.start))
            _absorb(referents, person, mention, span)
            return
    person = referents.add(mention.text, "person", span, label="PERSON")
    person.roles.update(mention.roles)
    person.gender = mention.gender
    people.append(person)


def _absorb(referents: Referents, person: Referent, mention: Mention, span: tuple[int, int]) -> None:
    referents.attach(person, span)
    person.roles.update(mention.roles)
    person.gender = person.gender or mention.gender


def _full_name_of(mention: Mention, others: dict[str, Referent]) -> Referent | None:
    """The organisation named in full earlier whose name a one-word mention opens."""
    if " " in mention.text.strip() or mention.label != "ORG":
        return None
    word = mention.text.strip().casefold()
    matches = [r for r in others.values() if r.kind == "organization" and len(r.name.split()) > 1
               and r.name.split()[0].casefold() == word]
    return matches[0] if len(matches) == 1 else None


def build_referents(mentions: list[Mention], outlet_names: set[str]) -> Referents:
    """Cluster a document's mentions: people by name and surname, everything else by its folded name."""
    referents = Referents()
    people: list[Referent] = []
    others: dict[str, Referent] = {}
    surnames = {names.surname(m.text) for m in mentions if m.label == "PERSON" and len(names.person_tokens(m.text)) >= 2}
    for mention in sorted(mentions, key=lambda m: m.start):
        outlet = names.org_key(mention.text) in outlet_names  # 'the Kellow Gazette', whatever the model tagged it
        if not outlet and (mention.label == "PERSON" or (len(mention.text.split()) == 1 and names.fold(mention.text) in surnames)):
            _merge_person(referents, mention, people)
            continue
        key = names.org_key(mention.text)
        span = (mention.start, mention.end)
        if key in others:
            referents.attach(others[key], span)
            continue
        full = _full_name_of(mention, others)
        if full is not None:  # 'Tillman' after 'Tillman Food Services'
            referents.attach(full, span)
            others[key] = full
            continue
        kind = "outlet" if key in outlet_names else "organization"
        others[key] = referents.add(mention.text, kind, span, label=mention.label)
    return referents
