"""The run: documents in, one Dossier out. Per-document work is pure and parallel; linking is per story.

`analyze_document` is the per-document step (spaCy Doc + Document -> plain records). It runs
in-process, in a process pool (`workers`), or inside Ray `map_batches`; spaCy Docs never leave the
worker that made them. `build_dossier` is the cross-document step.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from storytrace import gazetteer, names
from storytrace.extract.entities import extract_mentions
from storytrace.extract.events import extract_events
from storytrace.extract.propositions import extract_propositions
from storytrace.extract.statements import extract_statements
from storytrace.extract.transcripts import label_mentions, with_turn_brackets
from storytrace.ingest import IngestOptions, IngestResult, read_sources
from storytrace.link.claims import build_claims
from storytrace.link.entities import EntityLookup, build_entities
from storytrace.link.events import link_events
from storytrace.link.origins import (PERSONS_OFFICE, SPEAKING_FOR, caption_party, contributor_provenance, credit_provenance,
                                     record_owner, reporting_provenance, wire_provenance)
from storytrace.link.provenance import provenance_from_statements
from storytrace.schema import Document, DocumentAnalysis, Dossier, Entity, Provenance, Skipped, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storytrace.embed import StaticEmbedder
    from storytrace.link.claims import LinkModel
    from storytrace.stance import StanceClassifier


def analyze_document(doc: "Doc", document: Document) -> DocumentAnalysis:
    """Everything one document yields by itself: mentions, statements, time expressions, events."""
    mentions = extract_mentions(doc, document)
    mentions = with_turn_brackets(document, mentions)
    mentions = sorted((*mentions, *label_mentions(document, mentions)), key=lambda m: m.start)
    statements = extract_statements(doc, document, mentions)
    timexes, events = extract_events(doc, document, mentions)
    propositions = extract_propositions(doc, document, statements, mentions)
    return DocumentAnalysis(document=document, mentions=tuple(mentions), statements=tuple(statements),
                            timexes=tuple(timexes), events=tuple(events), propositions=tuple(propositions))


def analyze_batch(documents: Sequence[Document], model: str | None = None) -> list[DocumentAnalysis]:
    """Parse and extract a batch of documents in this process (the unit a worker runs)."""
    from storytrace.nlp import load_nlp, parse

    nlp = load_nlp(model)
    return [analyze_document(doc, document) for doc, document in zip(parse([d.text for d in documents], nlp), documents)]


def _chunks(items: Sequence[Document], size: int) -> list[Sequence[Document]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def analyze_documents(documents: Sequence[Document], workers: int = 1, model: str | None = None,
                      batch_size: int = 8) -> list[DocumentAnalysis]:
    """Per-document analysis of every document, in input order, in-process or across `workers` processes."""
    if workers <= 1 or len(documents) <= batch_size:
        return analyze_batch(documents, model)
    chunks = _chunks(documents, batch_size)
    results: list[DocumentAnalysis] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in pool.map(analyze_batch, chunks, [model] * len(chunks)):
            results.extend(batch)
    return results


def _link_speaker(statement: Statement, index: dict[tuple[str, int, int], str],
                  surnames: dict[str, str] | None = None, lookup: EntityLookup | None = None,
                  documents: Mapping[str, Document] | None = None) -> Statement:
    """The statement with its speaker's entity: the one named at the speaker's words (or at the
    mention they refer back to); for a speaker known by one word only (a transcript's 'BRANDT:'),
    the story's one person of that surname; for unnamed officials or a spokesman of a named body
    ('USAF officials', 'a spokesman for the ministry'), that body; for an unnamed holder of a role
    ('the mayor of Eastfield') or their spokesperson, the story's one person in that role; for a
    record of someone named ('a statement on Apple's website', "Olander's report"), its owner; for a court
    paper's 'Defendant' or 'Plaintiffs', the party of its caption (`documents`: the story's, by id)."""
    documents = documents or {}
    speaker = statement.speaker
    if names.visible(speaker.name) != speaker.name:  # 'Maria\xa0Zakharova' is shown 'Maria Zakharova'
        speaker = replace(speaker, name=names.visible(speaker.name))
        statement = replace(statement, speaker=speaker)
    entity = None
    if speaker.ref_start is not None and speaker.ref_end is not None:
        entity = index.get((statement.doc, speaker.ref_start, speaker.ref_end))
    if entity is None:
        entity = index.get((statement.doc, speaker.start, speaker.end))
    if entity is None and surnames and speaker.kind in ("person", "unknown") and len(speaker.name.split()) == 1:
        entity = surnames.get(speaker.name.lower())  # 'Haldane said', the model having tagged only 'Mira Haldane'
    if entity is None and lookup is not None:
        entity = _entity_spoken_for(statement, lookup) or _caption_party(statement, documents.get(statement.doc), lookup) \
            or lookup.police_force(speaker.name)
    named = lookup.named(speaker.name) if lookup is not None else None
    if entity is None and named is not None and (speaker.kind == "unknown" and lookup.type_of[named] in KIND_OF_TYPE or
                                                 speaker.kind == "organization" and lookup.type_of[named] == "ORG" and
                                                 names.is_proper_name(speaker.name)):
        entity = named  # 'Harlow Water told Newswire': the body another report names; 'The Prime Minister's Office'
        # for the story's 'PMO'
    if entity is None:
        return statement
    kind = speaker.kind
    if (named == entity or kind == "unknown") and kind in ("unknown", "person", "organization") and lookup is not None:
        kind = KIND_OF_TYPE.get(lookup.type_of[entity], kind)  # 'Greyfen told ...' tagged a person here, a body in the story
    return replace(statement, speaker=replace(speaker, entity=entity, kind=kind))


KIND_OF_TYPE = {"ORG": "organization", "PERSON": "person"}  # a speaker's kind for an entity the model tagged so


def _entity_spoken_for(statement: Statement, lookup: EntityLookup) -> str | None:
    """The body unnamed officials or a spokesman speak for, or the owner of a record that speaks."""
    speaker = statement.speaker
    if speaker.kind == "anonymous":
        spoken_for = SPEAKING_FOR.match(speaker.name.strip())
        if spoken_for:
            whose = spoken_for.group("after") or spoken_for.group("before") or ""
            named_at = lookup.last_body_within(statement.doc, speaker.start, speaker.end)
            if named_at is None and speaker.ref_start is not None and speaker.ref_end is not None:
                named_at = lookup.last_body_within(statement.doc, speaker.ref_start, speaker.ref_end)  # 'The officials'
            return named_at or lookup.named(whose) or lookup.role_holder(whose)  # 'a spokeswoman for the mayor
        return lookup.role_holder(speaker.name)  # 'the mayor of Eastfield', named in another report
    if speaker.kind == "document":  # 'a readout of the call released by the senator's office': the senator's
        owner = record_owner(speaker.name.strip())
        return (lookup.named(owner) or _office_holder(owner, lookup)) if owner else None
    return _office_holder(speaker.name, lookup) if speaker.kind == "organization" else None


def _caption_party(statement: Statement, document: Document | None, lookup: EntityLookup) -> str | None:
    """'Defendant contends ...' in 'Oregon Voter Access Project v. Harlan County: Opinion and Order':
    the story's entity of that caption party."""
    party = caption_party(document, statement.speaker.name) if document is not None else None
    return lookup.named(party) if party else None


def _office_holder(name: str, lookup: EntityLookup) -> str | None:
    """The person whose office speaks: "the mayor's office", "Netanyahu's office"."""
    office = PERSONS_OFFICE.match(name.strip())
    if office is None:
        return None
    owner = office.group("owner")
    return lookup.role_holder(f"the {owner}") if owner.islower() else lookup.named(owner)



def _as_story_outlet(statement: Statement, outlets: set[str]) -> Statement:
    """A speaker of unknown kind named like the outlet of one of the story's reports is that outlet
    ('Newswire reported on Monday ...', Newswire being in no list of outlets)."""
    speaker = statement.speaker
    if speaker.kind != "unknown" or names.org_key(speaker.name) not in outlets:
        return statement
    return replace(statement, speaker=replace(speaker, kind="outlet"))


# 'Harlow Water told Newswire ...', '"...," Lopez told the Harlow Gazette', 'in an interview with Newswire'
TOLD_BEFORE_OUTLET = r"\b(?:told|tells|telling|said\s+to|spoke\s+to|speaking\s+to|in\s+an\s+interview\s+with|" \
                     r"in\s+a\s+statement\s+to)\s+(?:the\s+)?"


def _told_story_outlet(statement: Statement, document: Document, outlet_names: Sequence[str]) -> Statement:
    """A statement made to one of the story's outlets, whose name no list of outlets knows, was carried by
    that outlet: 'Harlow Water told Newswire there was no risk' in another paper draws on Newswire."""
    text = document.text
    window = text[statement.cue_start:statement.start] if statement.start > statement.cue_start else \
        text[statement.cue_start:statement.cue_end + 80]
    own = names.org_key(document.outlet or "")
    told = [name for name in outlet_names if names.org_key(name) != own and name not in statement.via and
            re.match(rf"{TOLD_BEFORE_OUTLET}{re.escape(name)}\b", window)]
    return replace(statement, via=statement.via + tuple(told[:1])) if told else statement


def _new_edges(known: Sequence[Provenance], edges: Iterable[Provenance]) -> list[Provenance]:
    """The edges to an outlet that no known edge of the same report already cites, one per outlet."""
    def key_of(edge: Provenance) -> tuple[str, str]:
        return edge.doc, names.org_key(gazetteer.outlet_name(edge.cites) or edge.cites)  # 'Bloomberg News' = 'Bloomberg'
    seen = {key_of(e) for e in known}
    out = []
    for edge in edges:
        key = key_of(edge)
        if key not in seen:
            seen.add(key)
            out.append(edge)
    return out


def unique_surnames(entities: Iterable[Entity]) -> dict[str, str]:
    """Lower-cased last name -> entity id, for the surnames only one person of the story bears."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type == "PERSON" and len(entity.name.split()) > 1:
            owners.setdefault(entity.name.split()[-1].lower(), set()).add(entity.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


@lru_cache(maxsize=1)
def story_models() -> tuple["StaticEmbedder", "StanceClassifier"]:
    """The claim step's models, loaded once per process: the static word vectors distilled from
    MiniLM, for grouping, and the stance classifier variant trained on those same vectors."""
    from storytrace.embed import StaticEmbedder
    from storytrace.stance import StanceClassifier

    static = StaticEmbedder()
    return static, StanceClassifier(embedder=static, variant="fast")


def build_dossier(analyses: Iterable[DocumentAnalysis], skipped: Iterable[Skipped] = (),
                  embed: "Callable[[Sequence[str]], object] | None" = None, stance: "object | None" = None,
                  link_model: "LinkModel | None" = None) -> Dossier:
    """Link per-document results into the story's dossier: entities merged, speakers linked, events
    on one timeline, claims grouped with stances and origins, provenance edges.

    `embed`, `stance` and `link_model` default to the shipped sentence vectors, stance classifier and
    claim link model."""
    analyses = list(analyses)
    documents = tuple(a.document for a in analyses)
    mentions = [m for a in analyses for m in a.mentions]
    entities, index = build_entities(mentions, documents)
    surnames = unique_surnames(entities)
    lookup = EntityLookup(index, entities)
    outlet_names = [d.outlet for d in documents if d.outlet]
    outlets = {names.org_key(name) for name in outlet_names}
    distinct_outlets = list(dict.fromkeys(outlet_names))
    by_id = {d.id: d for d in documents}
    statements = tuple(_told_story_outlet(_as_story_outlet(_link_speaker(s, index, surnames, lookup, by_id), outlets),
                                          a.document, distinct_outlets)
                       for a in analyses for s in a.statements)
    events = tuple(link_events([e for a in analyses for e in a.events], entities))
    propositions = [p for a in analyses for p in a.propositions]
    if embed is None or stance is None:
        static, classifier = story_models()
        embed, stance = embed or static, stance or classifier
    claims = tuple(build_claims(propositions, statements, documents, entities, embed, stance, link_model, events))
    provenance = tuple(provenance_from_statements(documents, statements, distinct_outlets)) + \
        tuple(edge for d in documents for edge in (*credit_provenance(d, outlet_names), *wire_provenance(d, outlet_names),
                                                   *contributor_provenance(d)))
    provenance += tuple(_new_edges(provenance, (e for d in documents for e in reporting_provenance(d, outlet_names))))
    return Dossier(documents=documents, entities=tuple(entities), statements=statements, events=events,
                   claims=claims, provenance=provenance, skipped=tuple(skipped))


def analyze_paths(paths: Iterable[str | os.PathLike[str]], options: IngestOptions | None = None,
                  workers: int = 1, model: str | None = None) -> tuple[Dossier, IngestResult]:
    """Read sources, analyse every readable document and link them into one dossier."""
    ingested = read_sources(paths, options)
    analyses = analyze_documents(ingested.documents, workers=workers, model=model)
    return build_dossier(analyses, ingested.skipped), ingested
