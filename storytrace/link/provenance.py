"""Which outlets and documents each report draws on, read off its attributed statements."""

from __future__ import annotations

from typing import Iterable, Iterator

from storytrace import gazetteer, names
from storytrace.schema import Document, Provenance, Statement

RELATION_BY_KIND = {"outlet": "reported by", "document": "document"}


def provenance_from_statements(documents: Iterable[Document], statements: Iterable[Statement],
                               story_outlets: Iterable[str] = ()) -> Iterator[Provenance]:
    """One edge per (document, cited source): outlets and documents that speak in it, and outlets that
    carried a quote ('told the Post', 'a New York Times Magazine article'; a known outlet, or one whose
    report is in the story), other than its own outlet."""
    own = {d.id: names.org_key(d.outlet) for d in documents if d.outlet}
    in_story = {names.org_key(name) for name in story_outlets}
    seen: set[tuple[str, str]] = set()
    for statement in sorted(statements, key=lambda s: (s.doc, s.start)):
        cited: list[tuple[str, str, int, int]] = []
        speaker = statement.speaker
        if speaker.kind in RELATION_BY_KIND:
            cited.append((speaker.name, RELATION_BY_KIND[speaker.kind], speaker.start, speaker.end))
        for outlet in statement.via:
            if gazetteer.outlet_name(outlet) or names.org_key(outlet) in in_story:
                cited.append((outlet, "quoted in", statement.cue_start, statement.cue_end))
        for name, relation, start, end in cited:
            key = names.org_key(name)
            if not key or key == own.get(statement.doc) or (statement.doc, key) in seen:
                continue
            seen.add((statement.doc, key))
            yield Provenance(doc=statement.doc, cites=name, relation=relation, start=start, end=end)
