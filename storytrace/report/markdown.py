"""The dossier as a Markdown report: header, claims board, timeline, actors, statements, provenance.

Article text is untrusted: every piece of it goes through `md_text` (or `md_cell` in tables) so
that a stray `#`, `|`, backtick or `<` in an article cannot break the report's layout or smuggle
raw HTML into a renderer.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from storytrace.report import common as c
from storytrace.schema import Claim, Document, Dossier, Entity, Event, Statement

_ACTIVE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY_REF = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:[#+-](?=\s|$)|[>=]|\d+(?=[.)](?:\s|$)))")


def _escape(text: str) -> str:
    """Backslash-escape the characters that start Markdown markup or raw HTML inside a line."""
    line = re.sub(r"\s+", " ", text)
    line = _ACTIVE.sub(r"\\\1", line)
    return _ENTITY_REF.sub(r"\\&", line)


def md_text(text: object) -> str:
    """Untrusted text as inline Markdown: one line, active characters escaped, no block start."""
    line = _escape(str(text)).strip()
    return _BLOCK_START.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), line)


def md_cell(text: object) -> str:
    """Untrusted text for a table cell (pipes are already escaped by md_text; empty cells get a dash)."""
    return md_text(text) or "–"


def md_url(url: str | None) -> str:
    """An http(s) URL as an autolink; anything else as inert escaped text."""
    if not url:
        return "–"
    safe = c.safe_url(url)
    return f"<{safe}>" if safe else md_text(url)


def md_excerpt(excerpt: c.Excerpt | None) -> str:
    """A source sentence in quotes with the span in bold, ellipses where it was cut."""
    if excerpt is None:
        return "_(source document not in dossier)_"
    marked = excerpt.marked
    core = marked.strip()
    lead = " " if marked[:1].isspace() else ""
    trail = " " if marked[-1:].isspace() else ""
    body = _escape(excerpt.before) + lead + (f"**{_escape(core)}**" if core else "") + trail + _escape(excerpt.after)
    prefix = c.ELLIPSIS if excerpt.clipped_start else ""
    suffix = c.ELLIPSIS if excerpt.clipped_end else ""
    return f"“{prefix}{re.sub(' +', ' ', body).strip()}{suffix}”"


def _none(what: str) -> list[str]:
    """The one-line note for an empty section."""
    return [f"_No {what} found._", ""]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table from already-escaped cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def section_header(dossier: Dossier) -> list[str]:
    """Title, the story in numbers, the documents read and the inputs skipped."""
    facts = c.story_facts(dossier)
    outlets = ", ".join(md_text(o) for o in facts.outlets) or "none named"
    lines = [
        "# storytrace report",
        "",
        f"**{facts.documents}** document{'s' if facts.documents != 1 else ''} · "
        f"**{len(facts.outlets)}** outlet{'s' if len(facts.outlets) != 1 else ''} ({outlets}) · "
        f"published {md_text(c.date_range_label(facts))}",
        "",
        "## Documents",
        "",
    ]
    if dossier.documents:
        rows = [
            [md_cell(d.title or "(untitled)"), md_cell(d.outlet or "–"), md_cell(c.published_label(d)),
             md_cell(d.source), md_url(d.url)]
            for d in dossier.documents
        ]
        lines += _table(["Title", "Outlet", "Published", "Source", "URL"], rows)
    else:
        lines += _none("documents")
    if dossier.skipped:
        lines += ["**Skipped inputs**", ""]
        lines += [f"- {md_text(s.source)}: {md_text(s.reason)}" for s in dossier.skipped] + [""]
    return lines


def _claim_side(mention, statements: Mapping[str, Statement], documents: Mapping[str, Document]) -> list[str]:
    """One side of a claim: stance, speaker, where it was reported, its origin and its sentence."""
    statement = statements.get(mention.statement) if mention.statement else None
    speaker = f"{statement.speaker.name} ({statement.speaker.kind})" if statement else \
        c.own_voice(documents.get(mention.doc))
    where = c.doc_long_label(documents.get(mention.doc), mention.doc)
    excerpt = c.doc_excerpt(documents, mention.doc, mention.start, mention.end)
    related = "" if mention.counted else " (related, not counted)"
    return [
        f"- **{md_text(mention.stance)}**{related} — {md_text(speaker)}, in {md_text(where)}; "
        f"origin: {md_text(mention.origin or 'unknown')}",
        f"  > {md_excerpt(excerpt)}",
    ]


def _claim(claim: Claim, statements, documents, doc_order) -> list[str]:
    """One claim: its text, labels, independent origin counts per stance and every side."""
    group = c.claim_group(claim)
    labels = {"contested": "CONTESTED", "single-origin": "SINGLE ORIGIN", "other": "", "made-once": "MADE ONCE"}[group]
    flags = c.extra_flags(claim, group)
    tag = " · ".join([labels] * bool(labels) + [md_text(f) for f in flags])
    lines = [f"### {md_text(claim.text) or '(claim without text)'}", ""]
    if tag:
        lines += [f"**{tag}**", ""]
    counts = []
    for stance in c.claim_stances(claim):
        origins = c.stance_origins(claim, stance)
        names = ", ".join(md_text(o) for o in origins)
        counts.append(f"{md_text(stance)}: {len(origins)} independent origin{'s' if len(origins) != 1 else ''}"
                      + (f" ({names})" if names else ""))
    lines += [("Origins — " + "; ".join(counts)) if counts else "Origins — none recorded", ""]
    for variant in c.variant_lines(claim, documents):
        values = " · ".join(f"“{md_text(words)}” ({md_text(where)})" for words, where in variant.values)
        lines += [f"Variants, not denials — {md_text(variant.label)}: {values}", ""]
    for mention in c.ordered_mentions(claim, doc_order):
        lines += _claim_side(mention, statements, documents)
    return lines + [""]


def section_claims(dossier: Dossier) -> list[str]:
    """Contested claims first, then single-origin ones, then the rest."""
    lines = ["## Claims board", ""]
    if not dossier.claims:
        return lines + _none("claims")
    documents, doc_order = c.doc_index(dossier)
    statements = c.statement_index(dossier)
    for claim in c.ordered_claims(dossier.claims):
        lines += _claim(claim, statements, documents, doc_order)
    return lines


def _event(members: Sequence[Event], documents: Mapping[str, Document], entities: Mapping[str, Entity]) -> list[str]:
    """One timeline entry (a happening, told by one or more documents): date and how it was
    anchored, what happened, who, which sources, each source's sentence and any differing date."""
    event = members[0]
    date = f"**{md_text(c.time_label(event))}**"
    anchor = c.anchor_label(event.time.anchor)
    said = f"“{md_text(event.time.text)}”, " if event.time.text else ""
    what = md_text(event.text or event.predicate) or "(no text)"
    conflict = " ⚠ **conflicting dates in the sources**" if event.conflict else ""
    lines = [f"- {date} ({said}{md_text(anchor)}) — {what}{conflict}"]
    if event.predicate and event.text:
        lines.append(f"  - predicate: {md_text(event.predicate)}")
    if event.participants:
        lines.append("  - participants: " + ", ".join(md_text(n) for n in c.names_for(event.participants, entities)))
    sources = c.source_labels(event.sources or (event.doc,), documents)
    lines.append("  - sources: " + ", ".join(md_text(s) for s in sources))
    for member in members:
        label = c.source_labels((member.doc,), documents)[0]
        differs = f" (dated {md_text(c.time_label(member))} here)" if member.time.value != event.time.value else ""
        lines.append(f"  - {md_text(label)}{differs}: {md_excerpt(c.doc_excerpt(documents, member.doc, member.start, member.end))}")
    return lines


def section_timeline(dossier: Dossier) -> list[str]:
    """Events in date order, estimated dates marked."""
    lines = ["## Timeline", ""]
    if not dossier.events:
        return lines + _none("dated events")
    documents, doc_order = c.doc_index(dossier)
    entities = {e.id: e for e in dossier.entities}
    for members in c.timeline_entries(dossier.events, doc_order):
        lines += _event(members, documents, entities)
    return lines + [""]


def section_actors(dossier: Dossier) -> list[str]:
    """Entities, most mentioned first, with aliases and mentions per document."""
    lines = ["## Actors", ""]
    if not dossier.entities:
        return lines + _none("actors")
    documents, _ = c.doc_index(dossier)
    rows = []
    for entity in c.ordered_entities(dossier.entities):
        per_doc = "; ".join(f"{md_text(c.doc_label(documents.get(d), d))}: {n}" for d, n in c.mention_counts(entity).items())
        rows.append([md_cell(entity.name), md_cell(c.entity_kind(entity)), md_cell(", ".join(c.other_aliases(entity))),
                     str(len(entity.mentions)), per_doc or "–"])
    return lines + _table(["Name", "Kind", "Aliases", "Mentions", "Per document"], rows)


def _statement(st: Statement, documents: Mapping[str, Document]) -> list[str]:
    """One statement: how it was reported, where, and its sentence with the content in bold."""
    where = c.doc_long_label(documents.get(st.doc), st.doc)
    via = f"; via {', '.join(md_text(v) for v in st.via)}" if st.via else ""
    named = c.speaker_words(st, documents.get(st.doc))
    alias = f" (named here as “{md_text(named)}”)" if named else ""
    return [
        f"- _{md_text(st.cue) or '(no cue)'}_ — {md_text(st.mode)}, {md_text(st.polarity)}{via} — {md_text(where)}{alias}",
        f"  > {md_excerpt(c.doc_excerpt(documents, st.doc, st.start, st.end))}",
    ]


def section_statements(dossier: Dossier) -> list[str]:
    """Who said what, grouped by speaker."""
    lines = ["## Statements", ""]
    groups = c.speaker_groups(dossier)
    if not groups:
        return lines + _none("statements")
    documents, _ = c.doc_index(dossier)
    for group in groups:
        lines += [f"### {md_text(group.name)} ({md_text(group.kind)}) — {len(group.statements)}", ""]
        for st in group.statements:
            lines += _statement(st, documents)
        lines.append("")
    return lines


def section_provenance(dossier: Dossier) -> list[str]:
    """Which document cites which source, and how."""
    lines = ["## Provenance", ""]
    if not dossier.provenance:
        return lines + _none("provenance links")
    documents, doc_order = c.doc_index(dossier)
    for edge in sorted(dossier.provenance, key=lambda p: (doc_order.get(p.doc, 1 << 30), p.start)):
        label = c.doc_label(documents.get(edge.doc), edge.doc)
        lines.append(f"- {md_text(label)} → **{md_text(edge.cites)}** ({md_text(edge.relation)})")
        lines.append(f"  > {md_excerpt(c.doc_excerpt(documents, edge.doc, edge.start, edge.end))}")
    return lines + [""]


def render_markdown(dossier: Dossier) -> str:
    """The whole report as Markdown text, sections always present in a fixed order."""
    lines: list[str] = []
    for section in (section_header, section_claims, section_timeline, section_actors, section_statements,
                    section_provenance):
        lines += section(dossier)
    return "\n".join(lines).rstrip() + "\n"
