"""The story's claims: propositions from every document grouped when they say the same thing,
each side's stance, and the independent origins behind each stance.

Candidate pairs come from an inverted index of rare content words, entities, predicate concepts
('~block' for veto, stop, torpedo) and countries, so the work grows with the number of propositions
times a bounded posting length, not with its square. Each candidate pair gets a link probability
from a small logistic model (`LinkModel`, trained by training/train_linker.py on self-authored
stories) over sentence, predicate and argument similarity, word overlap (concepts and countries
included), soft word-vector overlap, shared entities and agreeing item marks ('a second' / 'another
resolution'). Clauses giving different amounts in reports a month apart are never linked: two
occasions, not one claim.
A clause and its answer from another source in the same paragraph (one denies or is negated, the
other not) are a candidate pair too, however few words they share, and the answer is a link feature.
Claims are the groups average linkage makes over those links: a chain of look-alikes does not pull
unrelated claims together; a member left with a mean link to the rest below the merge threshold
then stands alone; a clause tied to another claim at least as closely as to its own counts there
too. A side points at its clause, and at its speaker and cue too when they lead straight into it.

A side's stance: a denial ("denied that", "is false", "there was no") denies the claim; refusing
approval agrees with blocking; otherwise the stance rules and classifier compare the side's words
with the claim's and a contradiction denies. Same-side sides that differ in amounts, dates or quote
wording across documents are flagged as variants.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

import numpy as np

from storytrace import gazetteer
from storytrace.extract.factcheck import CORRECTED
from storytrace.extract.lexicon import COUNTRY_WORDS
from storytrace.extract.propositions import sentence_start
from storytrace.extract.timex import MONTHS
from storytrace.link.origins import Origin, OriginResolver, origins_by_stance
from storytrace.schema import (Claim, ClaimMention, Document, Entity, Event, Proposition, Statement, Variant, VariantValue,
                               content_id)

if TYPE_CHECKING:
    from storytrace.embed import StaticEmbedder
    from storytrace.stance import StanceClassifier

MIN_WORDS = 5
MAX_POSTING = 60
MAX_PARTNERS = 50
# A claim is restated a few times in one report; a group gathering more of one document's clauses
# than this is a topic ('the resolution'), not a claim (chosen on the training stories' grouping F1).
MAX_CLAUSES_PER_DOCUMENT = 10
# A side states its claim, and its origin counts, when its link to the claim's center is even odds.
COUNTED_LINK = 0.5
LEXICAL_FLOOR = 0.02
STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but that this these those it its is was were be been being
    has have had he she they his her their him them who which as after before about would could should will
    can may might not no than then there here also very more most such into over under just only said says say
    told tell what when where while because said also other another some any all every each one them our we you
    your i me my us are am did does do going""".split())
# Ordinal words by the item they pick out: 'another' and 'next' name a later item like 'second'.
ORDINAL_MARKS = {"first": "#1", "original": "#1", "previous": "#1", "earlier": "#1", "second": "#2", "third": "#3",
                 "fourth": "#4", "fifth": "#5", "another": "#later", "next": "#later", "further": "#later"}
YEARS = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DIGIT = re.compile(r"\d")
IDENTIFIER = re.compile(r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday|On|In|At|By|About|Some|Nearly|Over|Under)\b)"
                        r"[A-Z][A-Za-z]+\.? (\d[\d-]*)\b(?![.,]\d| ?%| percent| per cent)")


QUOTE_MARKS = re.compile(r"[\"“”]|[‘’](?!(?<=\w[‘’])\w)|\[|\]")  # an apostrophe inside a word stays: wouldn’t, Clinton’s


# An attribution set inside what it attributes: 'This switch, he said, would happen next year'.
INNER_ATTRIBUTION = re.compile(r",\s+(?:[\w’'.-]+\s+){1,4}?(?:said|says|added|adds|noted|argued|insisted|"
                               r"told\s+(?:the\s+)?\w+)\s*,\s+")


def proposition_text(proposition: Proposition) -> str:
    """The proposition's words without quote marks, brackets, an attribution set inside them ('This
    switch, he said, would happen') and a leading 'that' (a leading 'if' opens a condition: 'if the
    resolution was brought for a vote, Russia would block it')."""
    text = INNER_ATTRIBUTION.sub(" ", QUOTE_MARKS.sub("", proposition.text))
    text = re.sub(r"^that\s+", "", text.strip())  # a sentence's own 'That figure ...' stays
    return " ".join(text.split())


LEADING_FRAME = re.compile(r"^(?:(?:[A-Z][\w’'-]*|[a-z]+)(?:\s+[\w’'-]+){0,5}),\s+(?=[A-Za-z])")
FRAME_OPENERS = frozenset("""in on at during after before since as by however meanwhile still yet then so but and
    also later earlier previously today yesterday now according""".split())


# A date that its year splits ('On December 29, 2016, '), and how long before or after something
# ('just days after Resolution 2334 was passed, '): frames the short form of a claim leaves out.
DATED_FRAME = re.compile(rf"^(?:on|in|by|since|until)\s+(?:{'|'.join(MONTHS)})\s+\d{{1,2}},\s*\d{{4}},\s+(?=[A-Za-z])|"
                         r"^(?:(?:just|only|shortly|about|nearly|almost|some)\s+)?(?:(?:a|an|one|two|three|four|five|six|"
                         r"several|few|\d+)\s+)?(?:minutes|hours|days|weeks|months|years)\s+(?:after|before|later|earlier)\b"
                         r"[^,;:]{0,80},\s+(?=[A-Za-z])", re.IGNORECASE)


def claim_text(proposition_words: str) -> str:
    """A short statement of the claim: the clause without its opening frames ('In 2016, ', 'At that
    point, ', 'However, ', 'On December 29, 2016, just days after Resolution 2334 was passed, ') and
    with its first letter capitalised."""
    text = proposition_words
    for _ in range(3):
        match = LEADING_FRAME.match(text)
        if match and match.group().split()[0].strip(",").lower() in FRAME_OPENERS and len(text) - match.end() > 20:
            text = text[match.end():]
            continue
        dated = DATED_FRAME.match(text)
        if dated and len(text) - dated.end() > 20:
            text = text[dated.end():]
            continue
        break
    return text[:1].upper() + text[1:]


def is_candidate(proposition: Proposition) -> bool:
    """Long enough to state something, and not a question. Denials, negations and figures are terse
    ("There was no siren", Brennock denied that "the tender was rigged", "30 people were arrested"),
    so they need a word less."""
    text = proposition_text(proposition)
    words = len(text.split())
    terse = proposition.polarity == "deny" or proposition.negated or any(c.isdigit() for c in text)
    shortest = MIN_WORDS - 1 if terse else MIN_WORDS
    return words >= shortest and not proposition.text.rstrip().endswith("?")


# News predicates that say the same thing in other words; a shared concept ties two propositions
# the way a shared word does ("Russia would block it" / "threaten a veto" / "stopped the resolution").
PREDICATE_CONCEPTS = {
    "block": "block veto stop thwart torpedo halt prevent bury kill scuttle sink derail oppose obstruct",
    "approve": "approve pass adopt endorse back support ratify authorise authorize",
    "deny": "deny reject dismiss refute rebut disput contest",
    "resign": "resign quit step leave depart",
    "attack": "attack strike bomb shell raid hit target",
    "kill": "kill die dead death slain fatal",
    "arrest": "arrest detain charg indict custody",
    "agree": "agree accept acced consent promis pledg commit",
    "warn": "warn alert alarm caution",
    "plan": "plan prepar draft work",
    "meet": "meet talk call phon speak discuss",
    "buy": "buy acquir purchas takeover",
    "cut": "cut reduc slash lower",
    "rise": "rise rose increas grow climb jump surg soar",
    "fall": "fall fell declin drop plung slump shrink",
}
_CONCEPT_OF = {stem: concept for concept, stems in PREDICATE_CONCEPTS.items() for stem in stems.split()}


_COUNTRY_OF = {word: "@" + country for country, words in COUNTRY_WORDS.items() for word in words.split()}
US_ABBREVIATION = re.compile(r"\bU\.?S\.?A?\b|\bUnited States\b")
NEGATORS = frozenset("not never no cannot refused neither nor".split())


def _negator(word: str) -> bool:
    return word in NEGATORS or word.endswith(("n't", "n’t"))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem that meets across inflections: stopped/stop, planned/plan, vetoes/veto."""
    stem = re.sub(r"(?:'s|’s|ing|ed|es|s)$", "", word)
    if len(stem) > 3 and stem != word and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        stem = stem[:-1]
    return stem


def content_keys(text: str) -> set[str]:
    """Lower-cased content words (crudely stemmed) that can tie two propositions together, the
    predicate concept a word belongs to ('~block' for veto, stop, torpedo ...; 'not support' too)
    and the country a name or adjective stands for ('@russia' for Russia, Russian, the Kremlin)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+|\d+", text.lower())
    keys: set[str] = set()
    for position, word in enumerate(words):
        if word in _COUNTRY_OF:
            keys.add(_COUNTRY_OF[word])
        if word in STOPWORDS or len(word) <= 2:
            continue
        stem = _stem(word)
        keys.add(stem)
        concept = _CONCEPT_OF.get(stem)
        if concept == "approve" and any(_negator(w) for w in words[max(0, position - 8):position]):
            concept = "block"
            keys.add("~not-approve")
        if concept:
            keys.add("~" + concept)
    if US_ABBREVIATION.search(text):
        keys.add("@us")
    return keys


DATE_YEAR = re.compile(r"(?:\b(?:in|on|since|by|until|till|from|of|through|during|before|after|early|late|mid|"
                       r"January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"|\d,?)\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
ORDINAL = re.compile(r"\b(?:(?:the|a|an|its|his|her|their|our|this|that)\s+|['’]s\s+)(\w+)\b|\b(another|next)\b",
                     re.IGNORECASE)


def number_marks(text: str) -> set[str]:
    """Names by number, years and ordinals that pick out one item among several ('Resolution 2334',
    'the 2023 budget', 'a second inquiry'); amounts ('12 people') and dates ('in July 2023') are
    not marks: outlets differ on amounts for one item, and a date says when, not which."""
    marks: set[str] = set()
    if DIGIT.search(text):
        marks = {m.group(1) for m in IDENTIFIER.finditer(text)}
        marks |= set(YEARS.findall(text)) - set(DATE_YEAR.findall(text))
    for match in ORDINAL.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        if word in ORDINAL_MARKS:
            marks.add(ORDINAL_MARKS[word])
    return marks


def _marks_agree(first: set[str], second: set[str]) -> bool:
    """They share a mark, or one says 'another'/'next' where the other names a later item."""
    if first & second:
        return True
    later = {"#2", "#3", "#4", "#5", "#later"}
    return ("#later" in first and bool(second & later)) or ("#later" in second and bool(first & later))


def numbers_clash(first: set[str], second: set[str]) -> bool:
    """Both name an item by number or ordinal and agree on none of them."""
    return bool(first) and bool(second) and not _marks_agree(first, second)


def _entity_keys(proposition: Proposition, entity_at: dict[tuple[str, int, int], str]) -> set[str]:
    return {entity_at[(proposition.doc, s, e)] for s, e in proposition.entities if (proposition.doc, s, e) in entity_at}


KeyWeights = tuple[dict[str, list[int]], dict[str, float], np.ndarray]


def key_weights(keys: Sequence[set[str]], counted: Sequence[set[str]] | None = None) -> KeyWeights:
    """Each key's posting list and IDF, and each key set's norm. `counted`: the key sets the IDF is
    counted over, when not `keys` (every clause of the story, where `keys` has one set per wording)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(keys):
        for key in own:
            postings[key].append(i)
    frequency = Counter(key for own in counted for key in own) if counted is not None else None
    count = max(1, len(keys if counted is None else counted))
    idf = {key: math.log(1 + count / (len(members) if frequency is None else frequency[key]))
           for key, members in postings.items()}
    norms = np.array([math.sqrt(sum(idf[k] ** 2 for k in own)) or 1.0 for own in keys])
    return postings, idf, norms


def candidate_pairs(keys: Sequence[set[str]], top: int = MAX_PARTNERS, floor: float = LEXICAL_FLOOR,
                    weights: KeyWeights | None = None) -> dict[tuple[int, int], float]:
    """Pairs that share informative keys, scored by IDF-weighted overlap (a cosine over key sets);
    each proposition keeps its `top` best partners above `floor`. Posting lists longer than
    MAX_POSTING are skipped, so the work is bounded by n * MAX_POSTING, not n squared. `weights`:
    `key_weights(keys)`, when the caller has them already."""
    postings, idf, norms = weights or key_weights(keys)
    count = max(1, len(keys))
    shared = [(np.asarray(members), idf[key] ** 2) for key, members in postings.items() if 1 < len(members) <= MAX_POSTING]
    if not shared:
        return {}
    first = np.concatenate([members[_upper_pairs(len(members))[0]] for members, _ in shared])
    second = np.concatenate([members[_upper_pairs(len(members))[1]] for members, _ in shared])
    weights = np.concatenate([np.full(len(members) * (len(members) - 1) // 2, weight) for members, weight in shared])
    codes, inverse = np.unique(first * count + second, return_inverse=True)
    first, second = codes // count, codes % count
    scores = np.bincount(inverse, weights=weights) / (norms[first] * norms[second])
    kept = scores >= floor
    first, second, scores = first[kept], second[kept], scores[kept]
    chosen = _best_partners(first, second, scores, top)
    return dict(zip(zip(first[chosen].tolist(), second[chosen].tolist()), scores[chosen].tolist()))


def key_overlaps(keys: Sequence[set[str]], pairs: Iterable[tuple[int, int]],
                 weights: KeyWeights) -> dict[tuple[int, int], float]:
    """The IDF-weighted key overlap of the given pairs, as `candidate_pairs` scores it (no floor)."""
    postings, idf, norms = weights
    informative = {key for key, members in postings.items() if 1 < len(members) <= MAX_POSTING}
    return {(a, b): sum(idf[k] ** 2 for k in keys[a] & keys[b] & informative) / (norms[a] * norms[b]) for a, b in pairs}


@lru_cache(maxsize=MAX_POSTING + 1)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(size, 1)


def _best_partners(first: np.ndarray, second: np.ndarray, scores: np.ndarray, top: int) -> np.ndarray:
    """Indices of the pairs that are among the `top` best of either end (ties: the later pair)."""
    size = len(first)
    rank = np.empty(size, dtype=np.int64)  # each pair's place, best first, among all pairs
    rank[np.lexsort((-second, -first, -scores))] = np.arange(size)
    ends = np.concatenate([first, second])
    order = np.argsort(ends * size + np.concatenate([rank, rank]))  # by end, then by place
    ranked = ends[order]
    place_at_end = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left")
    return np.unique(order[place_at_end < top] % size)


def _overlapping(first: Proposition, second: Proposition) -> bool:
    return first.doc == second.doc and first.start < second.end and second.start < first.end


@dataclass(frozen=True)
class PairContext:
    """What the link features need of each proposition, computed once per story."""

    props: Sequence[Proposition]
    texts: Sequence[str]
    vectors: np.ndarray
    predicate_vectors: np.ndarray
    argument_vectors: np.ndarray
    keys: Sequence[set[str]]
    entity_sets: Sequence[set[str]]
    marks: Sequence[set[str]]
    word_ids: Sequence[np.ndarray]  # each text's distinct content words, as rows of word_vectors
    word_vectors: np.ndarray
    word_idf: np.ndarray
    published_days: np.ndarray  # each clause's document publication day (ordinal), -1 unknown
    paragraph_spans: np.ndarray  # per clause: the paragraph its start and its end fall in (-1: unknown)
    rejects: np.ndarray  # per clause: it denies or is negated
    speakers: np.ndarray  # per clause: its speaker, numbered; -1 for the reporter's own assertion
    nodes: Sequence[Sequence[int]]  # clauses worded alike (`worded_alike`), the first one standing for them


# No 'same document' feature: in the self-authored training stories a document states each claim
# about once, so it learned that one document's clauses are different claims, while real reports
# repeat a claim in the lede, the body and a quote (README, "Why real news groups worse").
LINK_FEATURES = ("cosine", "predicate_cosine", "argument_cosine", "lexical", "soft_overlap", "shared_entities",
                 "marks_agree", "paragraph_reply")


def _shared_entity_counts(first: np.ndarray, second: np.ndarray, context: PairContext) -> np.ndarray:
    """Entities each pair's clauses both name, counted up to 2."""
    names = {key: i for i, key in enumerate(sorted({k for own in context.entity_sets for k in own}))}
    width = max(1, max((len(own) for own in context.entity_sets), default=1))
    left = np.full((len(context.entity_sets), width), -1, dtype=np.int64)
    for row, own in enumerate(context.entity_sets):
        left[row, :len(own)] = sorted(names[k] for k in own)
    right = np.where(left >= 0, left, -2)  # padding never matches padding
    return np.minimum(2, (left[first][:, :, None] == right[second][:, None, :]).sum(axis=(1, 2))).astype(np.float64)


def _marks_agreement(first: np.ndarray, second: np.ndarray, context: PairContext) -> np.ndarray:
    """1 where both clauses mark an item by number or ordinal and the marks agree."""
    marked = np.array([bool(own) for own in context.marks] or [False])
    out = np.zeros(len(first))
    for row in np.flatnonzero(marked[first] & marked[second]):
        out[row] = float(_marks_agree(context.marks[first[row]], context.marks[second[row]]))
    return out


MAX_SOFT_WORDS = 24


def soft_overlaps(first: np.ndarray, second: np.ndarray, context: PairContext) -> np.ndarray:
    """For each pair, how well each text's content words find a near-synonym in the other: the
    IDF-weighted mean of best word-vector cosines (negative counts as 0), harmonic mean of both
    directions ('walked off' meets 'strike'). 0 when either text has no content word.
    Pairs are taken by their first text, so each text meets all its partners in one product."""
    out = np.zeros(len(first))
    if not len(first) or not len(context.word_vectors):
        return out
    vectors, idf = context.word_vectors, context.word_idf.astype(np.float32)
    words = [ids[:MAX_SOFT_WORDS] for ids in context.word_ids]
    order = np.argsort(first, kind="stable")
    starts = np.flatnonzero(np.r_[True, first[order][1:] != first[order][:-1]])
    for rows in np.split(order, starts[1:]):
        own = words[first[rows[0]]]
        rows = rows[[len(words[b]) > 0 for b in second[rows]]]
        if not len(own) or not len(rows):
            continue
        partner_words = [words[b] for b in second[rows]]
        flat = np.concatenate(partner_words)
        offsets = np.r_[0, np.cumsum([len(w) for w in partner_words])[:-1]]
        similarity = np.maximum(vectors[own] @ vectors[flat].T, 0.0)  # own words x all partners' words
        own_weights, partner_weights = idf[own], idf[flat]
        forward = own_weights @ np.maximum.reduceat(similarity, offsets, axis=1) / own_weights.sum()
        backward = (np.add.reduceat(similarity.max(axis=0) * partner_weights, offsets)
                    / np.add.reduceat(partner_weights, offsets))
        both = forward + backward
        out[rows] = np.where(both > 0, 2 * forward * backward / np.where(both > 0, both, 1), 0.0)
    return out


DOT_BLOCK = 512  # pairs per block: their gathered vectors stay in cache


def row_dots(vectors: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """vectors[first[k]] . vectors[second[k]] for every k (cosines, for unit rows)."""
    out = np.empty(len(first), dtype=vectors.dtype)
    for start in range(0, len(first), DOT_BLOCK):
        block = slice(start, start + DOT_BLOCK)
        out[block] = np.einsum("ij,ij->i", vectors[first[block]], vectors[second[block]])
    return out


def feature_rows(pairs: Sequence[tuple[int, int]], lexical: Sequence[float], context: PairContext) -> np.ndarray:
    """The link model's inputs for each pair, one row per pair in LINK_FEATURES order."""
    rows = np.zeros((len(pairs), len(LINK_FEATURES)), dtype=np.float64)
    if not pairs:
        return rows
    first, second = np.array(pairs).T
    for column, vectors in enumerate((context.vectors, context.predicate_vectors, context.argument_vectors)):
        rows[:, column] = row_dots(vectors, first, second)
    rows[:, 3] = lexical
    rows[:, 4] = soft_overlaps(first, second, context)
    rows[:, 5] = _shared_entity_counts(first, second, context)
    rows[:, 6] = _marks_agreement(first, second, context)
    rows[:, 7] = paragraph_replies(first, second, context)
    return rows


def paragraph_replies(first: np.ndarray, second: np.ndarray, context: PairContext) -> np.ndarray:
    """1 where one clause answers the other within a paragraph: one denies or is negated, the other
    not, and they come from different sources or are both the reporter's ('Nine miners were trapped,
    the union said. The company said no one was underground.'). One speaker's own contrast ('you're
    not talking to a diplomat, you're talking to a soldier') is no answer."""
    speakers = context.speakers
    one_speaker = (speakers[first] == speakers[second]) & (speakers[first] >= 0)
    answers = same_paragraph(first, second, context) & (context.rejects[first] != context.rejects[second]) & ~one_speaker
    return answers.astype(np.float64)


def same_paragraph(first: np.ndarray, second: np.ndarray, context: PairContext) -> np.ndarray:
    """Whether each pair's clauses stand in one paragraph of one document, no line break between them."""
    spans = context.paragraph_spans
    starts = np.fromiter((p.start for p in context.props), dtype=np.int64, count=len(context.props))
    earlier_first = starts[first] <= starts[second]
    earlier, later = np.where(earlier_first, first, second), np.where(earlier_first, second, first)
    return (spans[earlier, 1] >= 0) & (spans[earlier, 1] == spans[later, 0])


@dataclass(frozen=True)
class LinkModel:
    """Logistic model of 'these two propositions state one claim', trained by training/train_linker.py
    on self-authored stories; `threshold` is the mean link probability two groups need to merge."""

    features: tuple[str, ...]
    weights: np.ndarray
    bias: float
    threshold: float

    @classmethod
    def load(cls) -> "LinkModel":
        return _shipped_link_model()

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        return 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))


@lru_cache(maxsize=1)
def _shipped_link_model() -> LinkModel:
    import json
    from importlib import resources

    data = json.loads(resources.files("storytrace.data").joinpath("claims", "linker.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != LINK_FEATURES:
        raise ValueError("storytrace/data/claims/linker.json was trained on other features; "
                         "run: python training/train_linker.py")
    return LinkModel(features=tuple(data["features"]), weights=np.asarray(data["weights"], dtype=np.float64),
                     bias=float(data["bias"]), threshold=float(data["threshold"]))


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'’-]+|\d+", text.lower()) if w not in STOPWORDS and len(w) > 2]


def _unit_rows(embed: "StaticEmbedder | Callable[[Sequence[str]], np.ndarray]", texts: Sequence[str]) -> np.ndarray:
    """Vectors of texts in one call; an empty text gets a zero row (no similarity to anything)."""
    vectors = np.asarray(embed(list(texts)), dtype=np.float32) if texts else np.zeros((0, 1), dtype=np.float32)
    vectors[[i for i, t in enumerate(texts) if not t.strip()]] = 0.0
    return vectors


def link_context(propositions: Sequence[Proposition], entities: Sequence[Entity],
                 embed: "StaticEmbedder | Callable[[Sequence[str]], np.ndarray]",
                 documents: Sequence[Document] = ()) -> tuple[PairContext, dict[tuple[int, int], float]]:
    """The story's claim candidates with what the link features need, and the candidate pairs with
    their lexical overlap: those sharing informative words, entities or concepts, and a clause with
    its answer in the same paragraph. `documents`, when given, tell each clause's publication date
    and paragraph."""
    props = [p for p in propositions if is_candidate(p)]
    texts = [proposition_text(p) for p in props]
    entity_at = {(m.doc, m.start, m.end): e.id for e in entities for m in e.mentions}
    entity_sets = [_entity_keys(p, entity_at) for p in props]
    keys = [content_keys(t) for t in texts]
    all_keys = [k | entity_sets[i] for i, k in enumerate(keys)]
    nodes = worded_alike(props, texts)
    node_of = np.empty(len(props), dtype=np.int64)
    for n, members in enumerate(nodes):
        node_of[members] = n
    node_keys = [all_keys[members[0]] for members in nodes]
    weights = key_weights(node_keys, counted=all_keys)
    pairs = {(nodes[u][0], nodes[v][0]): score for (u, v), score in candidate_pairs(node_keys, weights=weights).items()}
    by_id = {d.id: d for d in documents}
    words = [sorted(set(_content_words(t))) for t in texts]
    vocabulary = sorted({w for own in words for w in own})
    position = {w: i for i, w in enumerate(vocabulary)}
    frequency = np.zeros(len(vocabulary))
    for own in words:
        frequency[[position[w] for w in own]] += 1
    context = PairContext(props=props, texts=texts, vectors=_unit_rows(embed, texts),
                          predicate_vectors=_unit_rows(embed, [p.predicates for p in props]),
                          argument_vectors=_unit_rows(embed, [p.arguments for p in props]),
                          keys=keys, entity_sets=entity_sets, marks=[number_marks(t) for t in texts],
                          word_ids=[np.array([position[w] for w in own], dtype=np.int64) for own in words],
                          word_vectors=_unit_rows(embed, vocabulary),
                          word_idf=np.log1p(len(texts) / np.maximum(frequency, 1)),
                          published_days=np.array([_day(by_id[p.doc].published if p.doc in by_id else None)
                                                   for p in props], dtype=np.int64),
                          paragraph_spans=paragraph_spans(props, by_id),
                          rejects=np.array([p.polarity == "deny" or p.negated for p in props], dtype=bool),
                          speakers=_speaker_numbers(props), nodes=nodes)
    answers = [(a, b) for a, b in reply_pairs(context) if (a, b) not in pairs and node_of[a] != node_of[b]]
    overlaps = key_overlaps(node_keys, [(node_of[a], node_of[b]) for a, b in answers], weights)
    pairs.update({(a, b): overlaps[(node_of[a], node_of[b])] for a, b in answers})
    return context, pairs


def worded_alike(props: Sequence[Proposition], texts: Sequence[str]) -> list[list[int]]:
    """The clauses grouped by wording (the same words, polarity, negation and form), in order of
    first occurrence. A sentence a hundred outlets carry word for word is one node of the link
    graph: its words then count once in the story's word weights and posting lists (where a hundred
    copies would make every one of its words too common to pair on), and its copies form one claim."""
    nodes: dict[tuple, list[int]] = {}
    for i, (p, text) in enumerate(zip(props, texts)):
        wording = (tuple(re.findall(r"\w+", text.casefold())), p.polarity, p.negated, p.requested, p.whole)
        nodes.setdefault(wording, []).append(i)
    return list(nodes.values())


def _speaker_numbers(props: Sequence[Proposition]) -> np.ndarray:
    names = {name: i for i, name in enumerate(sorted({p.speaker for p in props if p.speaker}))}
    return np.array([names[p.speaker] if p.speaker else -1 for p in props], dtype=np.int64)


def paragraph_spans(props: Sequence[Proposition], documents: dict[str, Document]) -> np.ndarray:
    """For each clause, the paragraphs (numbered across the story; a line break starts one) where it
    starts and ends; -1 where its document is not known."""
    out = np.full((len(props), 2), -1, dtype=np.int64)
    breaks: dict[str, np.ndarray] = {}
    offset: dict[str, int] = {}
    numbered = 0
    for doc_id in sorted(documents):
        breaks[doc_id] = np.array([m.start() for m in re.finditer("\n", documents[doc_id].text)], dtype=np.int64)
        offset[doc_id] = numbered
        numbered += len(breaks[doc_id]) + 1
    for row, p in enumerate(props):
        if p.doc in breaks:
            out[row] = offset[p.doc] + np.searchsorted(breaks[p.doc], [p.start, p.end])
    return out


REPLY_WINDOW = 5


def reply_pairs(context: PairContext) -> list[tuple[int, int]]:
    """Each clause with any of the next REPLY_WINDOW clauses of its document that answers it in the
    same paragraph (`paragraph_replies`), however few words they share."""
    order: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(context.props):
        order[p.doc].append(i)
    near = [(a, b) for members in order.values() for a, b in _within_window(sorted(members, key=lambda i: context.props[i].start))]
    if not near:
        return []
    first, second = np.array(near).T
    answered = paragraph_replies(first, second, context) > 0
    return [(min(a, b), max(a, b)) for (a, b), keep in zip(near, answered) if keep and not _overlapping(context.props[a], context.props[b])]


def _within_window(members: list[int]) -> list[tuple[int, int]]:
    return [(members[i], members[j]) for i in range(len(members)) for j in range(i + 1, min(len(members), i + 1 + REPLY_WINDOW))]


def _day(iso: str | None) -> int:
    """The ordinal day of an ISO date (time and zone ignored), -1 when there is none."""
    try:
        return datetime.date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return -1


OCCASION_GAP_DAYS = 30


def different_occasions(pairs: Sequence[tuple[int, int]], context: PairContext) -> np.ndarray:
    """For each pair: the clauses give different amounts in reports published more than a month
    apart ('the index fell 3.2%' in March, 'the index fell 2.1%' in May), so they tell of two
    occasions rather than two versions of one claim (coverage of one event within weeks keeps its
    differing figures together, flagged 'numbers differ')."""
    out = np.zeros(len(pairs), dtype=bool)
    days = context.published_days
    if not len(pairs):
        return out
    first, second = np.array(pairs).T
    apart = (days[first] >= 0) & (days[second] >= 0) & (np.abs(days[first] - days[second]) > OCCASION_GAP_DAYS)
    amounts = {int(i): quantities(context.texts[i], in_words=False)  # 'two companies' tells no occasion apart
               for i in np.unique(np.r_[first[apart], second[apart]])}
    counted = np.zeros(len(days), dtype=bool)
    counted[[i for i, own in amounts.items() if own]] = True
    for row in np.flatnonzero(apart & counted[first] & counted[second]):
        out[row] = _differ(amounts[int(first[row])], amounts[int(second[row])])
    return out


def linkable_pairs(pairs: Iterable[tuple[int, int]], context: PairContext) -> list[tuple[int, int]]:
    """Candidate pairs of two different clauses (a clause never links to one overlapping it)."""
    return [(a, b) for a, b in pairs if not _overlapping(context.props[a], context.props[b])]


def link_probabilities(pairs: dict[tuple[int, int], float], context: PairContext,
                       model: LinkModel) -> dict[tuple[int, int], float]:
    """Link probability of every candidate pair from different clauses."""
    kept = linkable_pairs(pairs, context)
    rows = feature_rows(kept, [pairs[pair] for pair in kept], context)
    probabilities = np.where(different_occasions(kept, context), 0.0, model.probabilities(rows))
    return {pair: float(p) for pair, p in zip(kept, probabilities)}


def average_linkage(count: int, links: dict[tuple[int, int], float], threshold: float,
                    documents: Sequence[int] | None = None,
                    per_document: int = MAX_CLAUSES_PER_DOCUMENT,
                    document_counts: Sequence[Counter] | None = None) -> list[list[int]]:
    """Groups by average linkage over the sparse link graph (a missing link counts as 0): the two
    groups with the highest mean link merge while that mean reaches `threshold`. Unlike single
    linkage, a chain of pairwise look-alikes does not pull unrelated claims into one group.
    `documents` gives each clause's document (numbered); two groups that together hold more than
    `per_document` clauses of one document do not merge, so a story's recurring subject does not
    gather its clauses into one claim. With `document_counts` instead, each item stands for clauses
    worded alike (their number per document): it weighs as many clauses, linked to one another fully,
    and a group of one such item is a group.

    A merged group's mean link to any other is a weighted mean of its parts' means, so it never
    exceeds the larger of them: heap keys stay upper bounds, and an entry is re-ranked only when it
    surfaces (lazily), instead of re-pushing every neighbour after every merge."""
    import heapq

    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    group_of = list(range(count))  # each proposition's current group, by its representative
    if document_counts is None:
        document_counts = [Counter([documents[i]]) if documents is not None else Counter() for i in range(count)]
        sizes = [1] * count
    else:
        document_counts = [Counter(counts) for counts in document_counts]
        sizes = [sum(counts.values()) for counts in document_counts]
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), p in links.items():  # one entry per pair
        sums[a][b] = sums[b][a] = p * sizes[a] * sizes[b]
    ranked = sorted((-p, a, b) for (a, b), p in links.items() if p >= threshold)
    heap: list[tuple[float, int, int]] = []  # re-ranked entries; the rest stream from `ranked`
    position = 0
    while position < len(ranked) or heap:
        if heap and (position == len(ranked) or heap[0] <= ranked[position]):
            negative, a, b = heapq.heappop(heap)
        else:
            negative, a, b = ranked[position]
            position += 1
        a, b = group_of[a], group_of[b]
        if a == b:
            continue
        mean = sums[a].get(b, 0.0) / (sizes[a] * sizes[b])
        if mean < -negative - 1e-12:
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))  # re-rank a bound that no longer holds
            continue
        if _exceeds(document_counts[a], document_counts[b], per_document):
            continue
        if len(sums[a]) < len(sums[b]):
            a, b = b, a  # fold the group with fewer neighbours into the other: fewer updates
        document_counts[a] += document_counts[b]
        sizes[a] += sizes[b]
        for member in members[b]:
            group_of[member] = a
        members[a].extend(members.pop(b))
        for other, total in sums.pop(b).items():
            sums[other].pop(b, None)
            if other != a:
                sums[a][other] = sums[a].get(other, 0.0) + total
                sums[other][a] = sums[a][other]
        sums[a].pop(a, None)
    return sorted((sorted(group) for a, group in members.items() if sizes[a] > 1), key=lambda g: (-len(g), g[0]))


def _exceeds(first: Counter, second: Counter, per_document: int) -> bool:
    """Whether two groups together hold more than `per_document` clauses of some document."""
    return any(n + second[doc] > per_document for doc, n in first.items() if doc in second)


def shed_loose_members(groups: Sequence[list[int]], linked: dict[int, dict[int, float]],
                       threshold: float, sizes: Sequence[int] | None = None) -> list[list[int]]:
    """Groups without the members whose mean link to the rest of their group is below the merge
    threshold, loosest first; those stand alone. Average linkage admits a clause on its mean link to
    a group as it was then, and later merges can leave it with little tying it to the claim as a
    whole (an aide's account of when a vote was held, sharing only 'vote' and '2016' with the claim
    that Russia would veto the resolution). `sizes`: how many clauses worded alike each item stands
    for (they go together)."""
    kept = []
    for group in groups:
        members = list(group)
        weight = np.array([sizes[m] if sizes is not None else 1 for m in members], dtype=np.float64)
        inside = np.array([[linked[a].get(b, 0.0) for b in members] for a in members]) * weight
        np.fill_diagonal(inside, weight - 1)  # a clause's copies are fully linked to it
        totals = inside.sum(axis=1)
        alive = np.ones(len(members), dtype=bool)
        while weight[alive].sum() > 2:
            means = np.where(alive, totals / (weight[alive].sum() - 1), np.inf)
            loosest = int(np.argmin(means))
            if means[loosest] >= threshold:
                break
            alive[loosest] = False
            totals -= inside[:, loosest]
        if weight[alive].sum() > 1:
            kept.append([m for m, keep in zip(members, alive) if keep])
    return kept


def admit_close_outsiders(groups: Sequence[list[int]], links: dict[tuple[int, int], float],
                          threshold: float, sizes: Sequence[int] | None = None) -> list[list[int]]:
    """Groups that also take in each outside clause whose mean link to them reaches the merge
    threshold and is no weaker than its mean link to its own group. One clause can bear on two
    claims ('Danon found out that a second resolution was on the way': who raised the alarm, and
    whether a second resolution was planned), while average linkage gives each clause one group.
    `sizes`: how many clauses worded alike each item stands for (linked to one another fully)."""
    admitted = [list(group) for group in groups]
    if not groups or not links:
        return admitted
    pairs = np.array(list(links), dtype=np.int64)
    values = np.fromiter(links.values(), dtype=np.float64, count=len(links))
    group_of = np.full(1 + max(int(pairs.max()), max(max(group) for group in groups)), -1, dtype=np.int64)
    for g, group in enumerate(groups):
        group_of[group] = g
    copies = np.ones(len(group_of)) if sizes is None else np.asarray(sizes, dtype=np.float64)[:len(group_of)]
    clause, partner = np.concatenate([pairs[:, 0], pairs[:, 1]]), np.concatenate([pairs[:, 1], pairs[:, 0]])
    weight = np.concatenate([values, values]) * copies[partner]
    known = group_of[partner] >= 0
    codes, inverse = np.unique(clause[known] * len(groups) + group_of[partner[known]], return_inverse=True)
    totals = np.bincount(inverse, weights=weight[known])
    clauses, targets = codes // len(groups), codes % len(groups)
    group_sizes = np.array([copies[group].sum() for group in groups], dtype=np.float64)
    own = targets == group_of[clauses]
    own_mean = np.zeros(len(group_of))  # a clause's mean link to the rest of its group; its copies link fully
    grouped = group_of >= 0
    own_mean[grouped] = (copies[grouped] - 1) / (group_sizes[group_of[grouped]] - 1)
    own_mean[clauses[own]] += totals[own] / (group_sizes[targets[own]] - 1)
    means = totals / group_sizes[targets]
    admit = ~own & (means >= threshold) & (means >= own_mean[clauses])
    for c, g in zip(clauses[admit].tolist(), targets[admit].tolist()):
        admitted[g].append(c)
    return [sorted(group) for group in admitted]


_CUT_FROM_SUBJECT = frozenset("""to was were is are has have had be been being would will could should can may
might must did does do asked told said saying according""".split())


def reads_alone(text: str) -> bool:
    """Whether a clause reads as a sentence of its own, not a predicate cut from its subject ('was
    found beside the body', 'to appear before it next week', 'asked whether there was a delay')."""
    first = re.match(r"\W*(\w+)", text)
    word = first.group(1).casefold() if first else ""
    return bool(word) and word not in _CUT_FROM_SUBJECT


def choose_center(members: Sequence[int], props: Sequence[Proposition], links: dict[int, dict[int, float]],
                  sizes: Sequence[int] | None = None) -> int:
    """The member that best states the claim: a plain assertion (not a denial, not a negated clause)
    if there is one, so that the claim reads positively and denials deny it; then one that is not
    something asked for; then a whole clause that reads as a sentence of its own (the claim's text:
    not a phrase such as 'Major flaws in the procurement process'); then the most linked. `sizes`:
    how many clauses worded alike each member stands for."""
    def copies(i: int) -> int:
        return sizes[i] if sizes is not None else 1

    def rank(i: int) -> tuple[bool, bool, bool, float, int]:
        linked = sum(links[i].get(j, 0.0) * copies(j) for j in members if j != i) + copies(i) - 1
        return (props[i].polarity != "deny" and not props[i].negated, not props[i].requested,
                props[i].whole and reads_alone(props[i].text), linked, -len(props[i].text))
    return max(members, key=rank)


def side_stance(proposition: Proposition, relation: str) -> str:
    """supports/denies of one side: a denial denies; otherwise a contradicting text denies."""
    if proposition.polarity == "deny":
        return "denies"
    return "denies" if relation == "denies" else "supports"


def build_claims(propositions: Sequence[Proposition], statements: Sequence[Statement], documents: Sequence[Document],
                 entities: Sequence[Entity], embed: "StaticEmbedder | Callable[[Sequence[str]], np.ndarray]",
                 stance: "StanceClassifier | None" = None, link_model: "LinkModel | None" = None,
                 events: Sequence[Event] = ()) -> list[Claim]:
    """Claims of the story with sides, stances, origins and flags (contested, single-origin).

    `embed` maps the story's proposition texts to unit vectors in one call (the distilled static
    MiniLM vectors by default); `stance` is consulted only where a contradiction is possible;
    `events` give the days the timeline resolved relative dates to ('on Tuesday')."""
    model = link_model or LinkModel.load()
    context, pairs = link_context(propositions, entities, embed, documents)
    props, texts = context.props, context.texts
    if len(props) < 2:
        return []
    nodes = context.nodes  # clauses worded alike are grouped as one item that weighs as many
    links = node_links(link_probabilities(pairs, context, model), nodes)
    linked: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), p in links.items():
        linked[a][b] = linked[b][a] = p
    numbers = {doc: i for i, doc in enumerate(sorted({p.doc for p in props}))}
    sizes = [len(members) for members in nodes]
    counts = [Counter(numbers[props[m].doc] for m in members) for members in nodes]
    groups = average_linkage(len(nodes), links, model.threshold, document_counts=counts)
    groups = shed_loose_members(groups, linked, model.threshold, sizes)
    groups = admit_close_outsiders(groups, links, model.threshold, sizes)
    grouped = {member for group in groups for member in group}
    groups += [[n] for n in range(len(nodes)) if n not in grouped]  # claims made once are claims too
    firsts = [props[members[0]] for members in nodes]
    node_centers = [choose_center(g, firsts, linked, sizes) for g in groups]
    clauses = [sorted(m for n in g for m in nodes[n]) for g in groups]
    centers = [nodes[c][0] for c in node_centers]
    stating = [{m for n in counted_sides(g, c, linked, sizes) for m in nodes[n]} for g, c in zip(groups, node_centers)]
    retracted = retracted_by_corrections(documents)
    stating = [{m for m in counted if m == center or not (only_its_condition_bears_on(texts[m], texts[center]) or
                                                           props[m].polarity == "deny" and
                                                           denies_another_figure(texts[center], texts[m]) or
                                                           (props[m].doc, props[m].start) in retracted and
                                                           corrects_something_else(texts[center], texts[m]) or
                                                           props[m].requested and not props[center].requested)}
               for counted, center in zip(stating, centers)]  # what someone asked for neither states nor denies a fact
    resolver = OriginResolver(documents, statements, entities)
    relations = _relations(clauses, centers, context, stance)
    days = resolved_days(events)
    claims = [_claim(group, center, props, texts, relations, resolver, counted, days)
              for group, center, counted in zip(clauses, centers, stating)]
    return _ordered(claims)


CONDITION = re.compile(r"^(?:if|unless)\b[^,]{3,}?,\s+(?P<then>.+)$", re.IGNORECASE | re.DOTALL)


def denies_another_figure(center: str, denial: str) -> bool:
    """A denial of a figure other than the claim's for the same thing ('An earlier version of this
    article said 12 workers were killed' beside 'the fire killed 10 workers'): it does not deny the
    claim, so it is shown and not counted."""
    def counts(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for _, end, value in quantity_spans(text):
            for thing in _counted_things(text, end, value) - {_amount_kind(value)}:
                found[thing].add(value)
        return found
    claimed, denied = counts(center), counts(denial)
    return any(not claimed[thing] & denied[thing] for thing in claimed.keys() & denied.keys())


def retracted_by_corrections(documents: Sequence[Document]) -> set[tuple[str, int]]:
    """(document, start) of every clause a report's correction withdraws ('An earlier version of this
    article said Osei won bronze'); the claim step sees it as the outlet's denial."""
    return {(d.id, match.start("claim")) for d in documents if "version of this" in d.text
            for match in CORRECTED.finditer(d.text)}


def corrects_something_else(center: str, retracted: str) -> bool:
    """A correction's withdrawn words that share no common word with the claim, only names ('said Osei
    won bronze in Paris' beside 'Osei has been provisionally banned after a positive test'): it corrects
    another detail of the story, so it is shown and does not deny the claim."""
    common = " ".join(w for w in retracted.split() if not w[:1].isupper())
    return not content_keys(common) & content_keys(center)


def only_its_condition_bears_on(text: str, center: str) -> bool:
    """A side that states the claim only as a condition ('If this warning was ignored, someone has to
    answer for it' beside 'The warning was sent on March 3'): what it asserts, the part after the
    condition, shares no word with the claim, so it does not state it."""
    conditional = CONDITION.match(text)
    return conditional is not None and not (content_keys(conditional["then"]) & content_keys(center))


def node_links(links: Mapping[tuple[int, int], float], nodes: Sequence[Sequence[int]]) -> dict[tuple[int, int], float]:
    """Clause links as links between their wording nodes (the strongest where several meet)."""
    if all(len(members) == 1 for members in nodes):
        return dict(links)  # no two clauses worded alike: node i is clause i (nodes keep first-occurrence order)
    node_of = {m: n for n, members in enumerate(nodes) for m in members}
    out: dict[tuple[int, int], float] = {}
    for (a, b), p in links.items():
        first, second = sorted((node_of[a], node_of[b]))
        if first != second and p > out.get((first, second), -1.0):
            out[(first, second)] = p
    return out


@dataclass(frozen=True)
class TextProfile:
    """What the contradiction test needs of one text, computed once per text."""

    stems: frozenset[str]
    negated: frozenset[str]
    negated_converse: frozenset[str]  # the other end of a negated predicate ('never took' -> paid)
    negates: bool
    antonym_a: frozenset[int]  # antonym groups whose first side the text uses
    antonym_b: frozenset[int]


@lru_cache(maxsize=65536)
def text_profile(text: str) -> TextProfile:
    from storytrace.stance import antonym_groups, content_stems, converse_stems, negated_stems, tokens

    words = tokens(text)
    stems = frozenset(content_stems(words))
    negated = frozenset(negated_stems(words))
    groups = antonym_groups()
    return TextProfile(stems=stems, negated=negated, negated_converse=converse_stems(negated), negates=bool(negated),
                       antonym_a=frozenset(i for i, (a, _) in enumerate(groups) if stems & a),
                       antonym_b=frozenset(i for i, (_, b) in enumerate(groups) if stems & b))


def _negation_mismatch(first: TextProfile, second: TextProfile) -> bool:
    """The second negates a content word both share, or the other end of the first's predicate ('never
    took a cent' against 'paid an official'), and the first negates nothing."""
    return bool(second.negated & first.stems & second.stems or second.negated_converse & first.stems) \
        and not first.negates


def _antonym_clash(first: TextProfile, second: TextProfile) -> bool:
    """The first uses only one side of an antonym pair, the second only the other side."""
    return bool((first.antonym_a - first.antonym_b) & (second.antonym_b - second.antonym_a))


def contradiction_signal(claim: str, text: str) -> bool:
    """One side negates a content word both share, or uses an antonym of the other's predicate:
    the cases the stance rules leave to the model (the stance module's tests, on cached profiles)."""
    from storytrace.stance import occurrence_clash, tokens

    first, second = text_profile(claim), text_profile(text)
    return (_negation_mismatch(first, second) or _negation_mismatch(second, first)
            or _antonym_clash(first, second) or _antonym_clash(second, first)
            or occurrence_clash(tokens(claim), tokens(text)))


def refusal_agrees(center_keys: set[str], member_keys: set[str], center: Proposition, member: Proposition) -> bool:
    """One clause refuses approval and the other blocks ('we will not support it' with 'Russia would
    block it'): the negation is the shared predicate itself, so they agree; keys are their content_keys."""
    if center.negated == member.negated:
        return False
    negated, plain = (member_keys, center_keys) if member.negated else (center_keys, member_keys)
    return "~not-approve" in negated and "~block" in plain


def negation_differs(center_keys: set[str], member_keys: set[str], center: Proposition, member: Proposition) -> bool:
    """One clause is negated and the other is not, unless the one refuses what the other blocks."""
    return center.negated != member.negated and not refusal_agrees(center_keys, member_keys, center, member)


def _relations(groups: Sequence[list[int]], centers: Sequence[int], context: PairContext,
               stance: "StanceClassifier | None") -> dict[tuple[int, int], str]:
    """How each asserting member relates to its claim's center. Only a contradiction matters here (a
    hedge still reports the claim), so pairs with no refutation word, one-sided negation or antonym
    agree outright; the others go to the stance rules, and to the classifier (batched) where the
    rules are unsure."""
    from storytrace.stance import refute_hits, rule_stance, tokens

    texts, props, keys = context.texts, context.props, context.keys
    refutes = {i: refute_hits(texts[i], tokens(texts[i])) > 0 for i in {m for group in groups for m in group}}
    relations: dict[tuple[int, int], str] = {}
    ask: list[tuple[int, int]] = []
    for group, center in zip(groups, centers):
        for member in group:
            if member == center or props[member].polarity == "deny":
                continue
            if refusal_agrees(keys[center], keys[member], props[center], props[member]) and not refutes[member]:
                continue  # 'will not support it' with 'would block it': shared words negated, same stance
            possible = contradiction_signal(texts[center], texts[member]) or negation_differs(keys[center], keys[member],
                                                                                               props[center], props[member])
            if not (possible or refutes[member]):
                continue
            rule = rule_stance(texts[center], texts[member])
            if rule is not None:
                relations[(center, member)] = rule.stance
            elif stance is not None and possible:
                ask.append((center, member))
    if ask and stance is not None:
        for pair, result in zip(ask, stance.classify_many([(texts[c], texts[m]) for c, m in ask])):
            relations[pair] = result.stance
    return relations


_LEAD_IN = re.compile(r"[\s,:]*(?:(?:any|the|all|these|those|such)\s+)?(?:(?:suggestion|claim|idea|allegation|report|"
                      r"notion|accusation|assertion)s?(?:,\s+[^,\"“]{1,80},)?\s+)?(?:that\s+)?[\"“‘']?\s*$",
                      re.IGNORECASE)  # 'rejected claims, first reported by the Sentinel, that'



def side_span(proposition: Proposition, resolver: OriginResolver) -> tuple[int, int]:
    """Where a side stands in its document: the clause, and when its statement opens with the speaker
    and the cue right before it, those too ('Cordell Valley Power denied that | its equipment started
    the fire'), so the pointer shows who says it."""
    statement = resolver.statements.get(proposition.statement or "")
    if statement is None or not statement.speaker.end <= statement.cue_start <= statement.cue_end <= proposition.start:
        return proposition.start, proposition.end
    text = resolver.documents[proposition.doc].text
    between_speaker_and_cue = text[statement.speaker.end:statement.cue_start]
    if (len(between_speaker_and_cue.split()) > 3 or "\n" in text[statement.speaker.start:proposition.start]
            or not _LEAD_IN.fullmatch(text[statement.cue_end:proposition.start])):
        return proposition.start, proposition.end
    return statement.speaker.start, proposition.end


NO_EVIDENCE_FLAG = "no evidence given"
TAKEN_BACK_FLAG = "taken back"
# The words of a cue that takes back what its speaker said ('walked back her claim', 'retracted his statement').
RETRACTING_CUE = re.compile(r"\b(?:retract|recant|withdr[ae]w|disavow|abandon|dropped|correct|walk(?:ed|s)?\s+back|"
                            r"t(?:ook|ake|akes)\s+back|row(?:ed|s)?\s+back|backtrack|backpedal)", re.IGNORECASE)


def _taken_back(group: Sequence[int], stances: Mapping[int, str], origins: Mapping[int, Origin], stating: set[int],
                statements: Mapping[str, Statement], props: Sequence[Proposition]) -> bool:
    """Whether a source that states the claim has also taken it back ('Ortiz walked back her claim that
    the inspection was skipped'): a counted denial by a retracting cue, and a counted side of the same
    origin that supports it."""
    backers = {origins[m].key for m in group if m in stating and stances[m] == "supports"}
    for m in group:
        statement = statements.get(props[m].statement or "")
        if m in stating and stances[m] == "denies" and statement is not None and \
                RETRACTING_CUE.search(statement.cue) and origins[m].key in backers:
            return True
    return False
# The reporter's note that a claim came with nothing to back it: 'claimed, without providing evidence, that
# ...', 'said ..., offering no evidence', 'did not provide any evidence for the claim'.
NO_EVIDENCE = re.compile(
    r"\bwithout\s+(?:(?:providing|offering|citing|presenting|giving|producing|showing)\s+)?(?:any\s+)?evidence\b|"
    r"\b(?:offered|offering|provided|providing|gave|giving|presented|cited|citing|produced)\s+no\s+evidence\b|"
    r"\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not)\s+(?:provide|offer|give|present|cite|produce)"
    r"(?:d)?\s+(?:any\s+)?evidence\b|\bno\s+evidence\s+(?:was|has\s+been)\s+(?:provided|offered|given|presented)",
    re.IGNORECASE)


def noted_without_evidence(statement: Statement | None, text: str) -> bool:
    """Whether the sentence of a statement notes, outside what was said, that the speaker gave no
    evidence for it (a flag for the claim: it stands on the speaker's word alone)."""
    if statement is None:
        return False
    first = min(statement.speaker.start, statement.cue_start, statement.start)
    last = max(statement.cue_end, statement.end)
    begin = sentence_start(text, first)
    stop = min([i for i in (text.find(". ", last), text.find("\n", last)) if i >= 0], default=len(text))
    around = text[begin:statement.start] + " " + text[statement.end:stop]
    if NO_EVIDENCE.search(around):
        return True
    following = re.match(r"[.\s]*([^.\n]*)", text[stop:stop + 300]).group(1)  # 'He offered no evidence.'
    subject = re.match(r"(\w+)", following)
    surname = statement.speaker.name.split()[-1] if statement.speaker.name else ""
    return subject is not None and subject.group(1) in ("He", "She", "They", "It", surname) and \
        bool(NO_EVIDENCE.match(following, subject.end() + 1))


def counted_sides(group: Sequence[int], center: int, linked: Mapping[int, Mapping[int, float]],
                  sizes: Sequence[int] | None = None) -> set[int]:
    """The sides that state the claim, whose origins count: the center, and in a claim of three or
    more sides those the link model gives at least even odds (COUNTED_LINK) of stating it with the
    center. The others joined through their links to other sides and are related to the claim
    rather than stating it (an account of the vote's timing beside "Russia would block it"). `sizes`:
    how many clauses worded alike each member stands for."""
    if sum(sizes[m] for m in group) < 3 if sizes is not None else len(group) < 3:
        return set(group)
    return {m for m in group if m == center or linked.get(m, {}).get(center, 0.0) >= COUNTED_LINK}


def _claim(group: list[int], center: int, props: Sequence[Proposition], texts: Sequence[str],
           relations: dict[tuple[int, int], str], resolver: OriginResolver, stating: set[int],
           days: Mapping[str, Sequence[tuple[int, int, str]]]) -> Claim:
    stances = {m: side_stance(props[m], relations.get((center, m), "supports")) for m in group}
    if props[center].polarity == "deny":
        stances[center] = "denies"
    stances.update(verdict_evidence(group, props, resolver.statements))
    base = [resolver.origin(props[m]) for m in group]
    origins = {m: resolver.in_claim(props[m], base) for m in group}
    origins.update(resolver.outlets_sources(group, props, origins, stating, stances))
    origins = {m: resolver.as_shown(origin) for m, origin in origins.items()}
    spans = {m: side_span(props[m], resolver) for m in group}
    mentions = tuple(
        ClaimMention(doc=props[m].doc, start=spans[m][0], end=spans[m][1], stance=stances[m],
                     origin=origins[m].name, statement=props[m].statement,
                     text=" ".join(resolver.documents[props[m].doc].text[spans[m][0]:spans[m][1]].split()),
                     counted=m in stating)
        for m in sorted(group, key=lambda i: (props[i].doc, props[i].start)))
    by_stance: dict[str, list[Origin]] = {"supports": [], "denies": []}
    for m in group:
        if m in stating:
            by_stance[stances[m]].append(origins[m])
    counted = origins_by_stance(by_stance)
    flags = []
    if counted["supports"] and counted["denies"] and set(counted["supports"]) != set(counted["denies"]):
        flags.append("contested")  # not when one source is the only one on both sides
    if len(group) == 1:
        flags.append("single-mention")
    elif len(counted["supports"]) + len(counted["denies"]) == 1:
        flags.append("single-origin")
    variants = claim_variants(props, stances, group, origins, resolver.modes, resolver.documents, days,
                              resolver.speaker_words)
    flags += variant_flags(variants)
    if _taken_back(group, stances, origins, stating, resolver.statements, props):
        flags.append(TAKEN_BACK_FLAG)
    if any(stances[m] == "supports" and noted_without_evidence(resolver.statements.get(props[m].statement or ""),
                                                               resolver.documents[props[m].doc].text)
           for m in stating):
        flags.append(NO_EVIDENCE_FLAG)
    center_statement = resolver.statements.get(props[center].statement or "")
    return Claim(id=content_id("clm", *sorted(p.id for p in (props[m] for m in group))),
                 text=claim_text(as_stated(props[center], texts[center], center_statement)), mentions=mentions,
                 origins=counted, flags=tuple(flags), variants=variants)


def verdict_evidence(group: Sequence[int], props: Sequence[Proposition],
                     statements: Mapping[str, Statement]) -> dict[int, str]:
    """In a fact-check that rates the claim, its own sentences and the records it cites are the
    verdict's evidence and take its side ('Rating: False' ... 'City procurement records show the
    shelter cost $48,200'); the people it quotes keep theirs."""
    sides = {}
    for verdict in (m for m in group if props[m].verdict):
        side = "denies" if props[verdict].polarity == "deny" else "supports"
        for m in group:
            statement = statements.get(props[m].statement or "")
            if m != verdict and props[m].doc == props[verdict].doc and \
                    (statement is None or statement.speaker.kind == "document"):
                sides[m] = side
    return sides


def as_stated(proposition: Proposition, text: str, statement: Statement | None = None) -> str:
    """The words of a proposition as a claim: what someone asked for says who asked ('Netanyahu
    asked that Putin announce ...'), since 'Putin announce ...' on its own asserts nothing; the
    object of a cue keeps the speaker and cue that make it a claim ('Officials put the total at about
    640', 'The union accused the owners of sailing with a faulty pump'), where 'The total at about
    640' says nothing."""
    if proposition.requested and proposition.speaker:
        return f"{proposition.speaker} asked that {text}"
    if statement is not None and _object_of_cue(proposition, statement, text):
        return f"{statement.speaker.name} {statement.cue} {text}"
    if statement is not None:
        return _speaker_for_pronoun(proposition, statement, text)
    return text


SPEAKER_PRONOUNS = {"he": ("person",), "she": ("person",), "it": ("organization", "outlet", "document")}
PRONOUN_GENDER = {"he": "m", "she": "f"}


def _speaker_for_pronoun(proposition: Proposition, statement: Statement, text: str) -> str:
    """'He had asked officials for an urgent report' -> 'Ian Cole had asked officials ...': the
    pronoun opening what someone is reported to have said is, there, that speaker (not in a quote,
    where 'it' or 'he' may be anyone)."""
    first = text.split(" ", 1)[0]
    kinds = SPEAKER_PRONOUNS.get(first.lower())
    name = statement.speaker.name
    if kinds is None or statement.mode != "indirect" or proposition.start != statement.start or \
            statement.speaker.kind not in kinds or name.lower() in SPEAKER_PRONOUNS or " " not in text:
        return text
    if first.lower() in PRONOUN_GENDER and gazetteer.gender_of_name(name) not in (None, PRONOUN_GENDER[first.lower()]):
        return text  # 'Helena Prendergast said he had missed two tests': someone else
    return name + text[len(first):]


def _object_of_cue(proposition: Proposition, statement: Statement, text: str) -> bool:
    """Whether the proposition is a phrase that follows a finite cue as its object or infinitive
    ('put | the total at about 640', 'promised | to fund the remediation'), not a clause of its own
    nor a predicate cut from its subject ('said | was found beside the body')."""
    follows_cue = proposition.start == statement.start and 0 <= statement.start - statement.cue_end <= 1
    finite_cue = bool(re.fullmatch(r"[a-z]+", statement.cue)) and not statement.cue.endswith("ing")
    return (not proposition.whole and follows_cue and finite_cue
            and (text.startswith("to ") or reads_alone(text)))


# Amounts written in words ('six new officers', 'twenty-five flights', 'three million'); 'one' is
# too often no amount ('one of the', 'no one').
NUMBER_VALUES = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()) if value >= 2} | \
    {word: 10 * value for value, word in enumerate("_ _ _ thirty forty fifty sixty seventy eighty ninety".split()) if value >= 3}
NUMBER_WORDS = re.compile(
    rf"\b({'|'.join(sorted(NUMBER_VALUES, key=len, reverse=True))})(?:-(two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(hundred|thousand|million|billion))?\b", re.IGNORECASE)
CLOCK_TIME = re.compile(r"\d{1,2}(?::\d{2}|(?:\.\d{2})?\s*[ap]\.?m\b|\s*o['’]clock)", re.IGNORECASE)
QUANTITY = re.compile(r"(?<![\w.$£€])[$£€]?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|thousand|million|billion|trillion|"
                      r"k\b|m\b|bn\b|tn\b)?", re.IGNORECASE)
AMOUNT_PARTS = re.compile(r"([$£€]?)(\d[\d,]*(?:\.\d+)?)\s*([a-z%]*)")
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "tn": 1e12}


def amount_value(written: str) -> str:
    """One form for one amount however it is written ('$1.2bn', '$1.2 billion', '$1,200m' ->
    '$1200000000'; '3.5 percent' -> '3.5%'), so one figure in two styles is no difference."""
    match = AMOUNT_PARTS.fullmatch(" ".join(written.lower().replace(",", "").split()))
    if match is None:
        return written
    currency, number, unit = match.groups()
    if unit in ("%", "percent"):
        return f"{float(number):g}%"
    return f"{currency}{float(number) * SCALES.get(unit, 1):.12g}"


@lru_cache(maxsize=65536)
def quantities(text: str, in_words: bool = True) -> frozenset[str]:
    """Amounts a text states ('12 people', '$40 billion', '3.5%', 'six officers'), not years or names
    ('Resolution 2334'); in figures only when in_words is false."""
    return frozenset(value for _, _, value in quantity_spans(text, in_words))


# Words before an amount that make no identifier of it when they open a sentence ('About 25,000 people').
AMOUNT_MODIFIERS = frozenset("about around nearly almost some over under more fewer less roughly approximately "
                             "up at just only exactly least than estimated an a another".split())


@lru_cache(maxsize=65536)
def quantity_spans(text: str, in_words: bool = True) -> tuple[tuple[int, int, str], ...]:
    """Where the text states each amount, with the amount normalised ('$40,000' -> '$40000')."""
    found = []
    for match in QUANTITY.finditer(text):
        before = [word.rstrip(".") for word in text[:match.start()].rstrip().split()[-1:]] if match.start() else []
        if before and before[0][:1].isupper() and before[0].isalpha() and not before[0].isupper() and \
                before[0].casefold() not in AMOUNT_MODIFIERS:
            continue  # 'Resolution 2334', 'Flight 370', 'Oct. 28': an identifier or a day; not 'About 25,000 people'

        if CLOCK_TIME.match(text, match.start()) or text[max(0, match.start() - 3):match.start()].endswith(":"):
            continue  # '10:00', 'at 3.15pm': a time of day, not an amount
        value = " ".join(match.group().lower().replace(",", "").split())
        if "," in match.group() or not YEARS.fullmatch(value):  # '1,800 jobs' is no year
            found.append((match.start(), match.start() + len(match.group().rstrip()), amount_value(value)))
    for match in NUMBER_WORDS.finditer(text) if in_words else ():
        value = NUMBER_VALUES[match.group(1).lower()] + (NUMBER_VALUES[match.group(2).lower()] if match.group(2) else 0)
        scale = SCALES[match.group(3).lower()] if match.group(3) else 1
        found.append((match.start(), match.end(), f"{value * scale:.12g}"))
    return tuple(sorted(found))


MONTH_DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?!\d)")


@lru_cache(maxsize=65536)
def stated_dates(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The years ('1948', 'pre-1967') and the month-days ('December 29') a text states."""
    days = {f"{m.group(1)[:3].lower()} {int(m.group(2))}" for m in MONTH_DAY.finditer(text)}
    return frozenset(YEARS.findall(text)), frozenset(days)


def _differ(first: frozenset[str], second: frozenset[str]) -> bool:
    return bool(first) and bool(second) and not first & second


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


VARIANT_FLAGS = {"numbers": "numbers differ", "dates": "dates differ", "quote wording": "quote wording differs",
                 "quote speaker": "speakers differ"}


def claim_variants(members: Sequence[Proposition], stances: dict[int, str], indices: Sequence[int],
                   origins: dict[int, Origin], modes: dict[str, str], documents: Mapping[str, Document],
                   days_resolved: Mapping[str, Sequence[tuple[int, int, str]]] | None = None,
                   speaker_words: Mapping[str, tuple[int, int, str]] | None = None) -> tuple[Variant, ...]:
    """Same-side differences between documents that are not contradictions but a reader must see,
    each pointing at the words that differ: different amounts or dates for one item ('1948
    armistice lines' and 'pre-1967 borders', 'walk out on Tuesday' and 'on Wednesday'), one
    quote worded differently by two outlets, and one quote put in two speakers' mouths
    (`speaker_words`: where each statement names its speaker, and its entity or folded name)."""
    pairs = [(a, b) for pos, a in enumerate(indices) for b in indices[pos + 1:]
             if members[a].doc != members[b].doc and stances[a] == stances[b]]
    raw = {i: documents[members[i].doc].text[members[i].start:members[i].end] if members[i].doc in documents
           else members[i].text for i in indices}
    variants = []
    variants.extend(Variant("numbers", amounts) for amounts in _differing_amounts(members, raw, pairs))
    dates = {i: stated_dates(members[i].text) for i in indices}
    years = _differing_members(pairs, {i: dates[i][0] for i in indices})
    month_days = _differing_members([(a, b) for a, b in pairs if _same_act(members[a], members[b])],
                                    {i: dates[i][1] for i in indices})
    stated = set(_values(members, raw, years, _year_spans) + _values(members, raw, month_days, _day_spans))
    stated |= set(_differing_resolved_days(members, pairs, days_resolved or {}, documents))
    if stated:
        variants.append(Variant("dates", tuple(sorted(stated, key=lambda v: (v.doc, v.start, v.end)))))
    for a, b in pairs:
        if modes.get(members[a].statement or "") != "direct" or modes.get(members[b].statement or "") != "direct":
            continue
        if origins[a].key != origins[b].key:
            continue
        words_a, words_b = _words(raw[a]), _words(raw[b])  # the words in the text (a rebuttal's text is what it answers)
        shared = len(set(words_a) & set(words_b)) / max(1, min(len(set(words_a)), len(set(words_b))))
        if words_a != words_b and shared >= 0.5:
            whole = [VariantValue(members[i].doc, members[i].start, members[i].end, raw[i]) for i in (a, b)]
            variants.append(Variant("quote wording", tuple(whole)))
            break
    speakers = _one_quote_two_speakers(members, pairs, raw, origins, modes, documents, speaker_words or {})
    if speakers:
        variants.append(Variant("quote speaker", speakers))
    return tuple(variants)


QUOTE_SPEAKER_WORDS = 4  # a quote this long, nearly word for word, is one utterance, not a phrase two people used
QUOTE_SPEAKER_SHARE = 0.8


def _one_quote_two_speakers(members: Sequence[Proposition], pairs: Sequence[tuple[int, int]], raw: Mapping[int, str],
                            origins: dict[int, Origin], modes: dict[str, str], documents: Mapping[str, Document],
                            speaker_words: Mapping[str, tuple[int, int, str]]) -> tuple[VariantValue, ...]:
    """The speakers' names where two reports quote the same words ('"This is a sad day," council leader
    Maria Costa said' / '"This is a sad day," said deputy leader Tom Reeve'), one of them wrong."""
    for a, b in pairs:
        ids = [members[i].statement or "" for i in (a, b)]
        if any(modes.get(i) != "direct" or i not in speaker_words for i in ids) or origins[a].key == origins[b].key \
                or speaker_words[ids[0]][2] == speaker_words[ids[1]][2]:
            continue
        words_a, words_b = set(_words(raw[a])), set(_words(raw[b]))
        if min(len(words_a), len(words_b)) < QUOTE_SPEAKER_WORDS or \
                len(words_a & words_b) < QUOTE_SPEAKER_SHARE * min(len(words_a), len(words_b)):
            continue  # 'do not add up' / 'don't add up' is one quote
        named = [(members[i].doc, *speaker_words[s][:2]) for i, s in zip((a, b), ids)]
        if all(doc in documents for doc, _, _ in named):
            return tuple(VariantValue(doc, start, end, documents[doc].text[start:end]) for doc, start, end in named)
    return ()


LIGHT_VERBS = frozenset("be have do say make get take go not".split())  # and the kept negation
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def resolved_days(events: Iterable[Event]) -> dict[str, tuple[tuple[int, int, str], ...]]:
    """Per document, where each date of one day stands and the day the timeline resolved it to, so
    two reports' days for one act compare by the day they mean, not their words ('Tuesday' in
    Monday's paper is 'tomorrow' in Tuesday's)."""
    found: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for event in events:
        time = event.time
        if time.text and len(time.value) == 10 and ISO_DAY.fullmatch(time.value):
            found[event.doc].add((time.start, time.end, time.value))
    return {doc: tuple(sorted(spans)) for doc, spans in found.items()}


def _differing_resolved_days(members: Sequence[Proposition], pairs: Sequence[tuple[int, int]],
                             days: Mapping[str, Sequence[tuple[int, int, str]]],
                             documents: Mapping[str, Document]) -> list[VariantValue]:
    """Where two reports date one act to different days, one of them at least in relative words
    ('will walk out on Tuesday' / 'will walk out on Wednesday', published the same day; written
    month-days are compared as written)."""
    inside = {i: [(s, e, v) for s, e, v in days.get(members[i].doc, ())
                  if members[i].start <= s and e <= members[i].end and members[i].doc in documents]
              for pair in pairs for i in pair}
    found: list[VariantValue] = []
    for a, b in pairs:
        values_a, values_b = {v for *_, v in inside[a]}, {v for *_, v in inside[b]}
        if not values_a or not values_b or values_a & values_b or not _same_act(members[a], members[b]):
            continue
        spans = [(i, s, e) for i in (a, b) for s, e, _ in inside[i]]
        written = [bool(MONTH_DAY.fullmatch(documents[members[i].doc].text[s:e])) for i, s, e in spans]
        if not all(written):
            found += [VariantValue(members[i].doc, s, e, documents[members[i].doc].text[s:e]) for i, s, e in spans]
    return found


def _same_act(first: Proposition, second: Proposition) -> bool:
    """Whether two clauses tell of one act by a verb they share: two days for it differ ('the warning
    was sent on March 3' / 'sent on March 5'); 'The collapse happened on March 24' dates another."""
    return bool((set(first.predicates.split()) & set(second.predicates.split())) - LIGHT_VERBS)


def variant_flags(variants: Sequence[Variant]) -> list[str]:
    return [VARIANT_FLAGS[v.kind] for v in variants]


UNIT_SKIPPED = frozenset("a an the of in on at to for and or per more than some about around new other last this next "
                         "its their his her our my your is are was were be been had has have will would".split())


def _counted_things(text: str, end: int, value: str) -> frozenset[str]:
    """What an amount counts: past any small words after it, in its clause, the next one or two words,
    without a plural 's' ('six new officers' -> officer; '212 sailings last year' -> sailing; '4% of
    its office workforce' -> office, workforce; '240 departures a day' -> departure); each marked
    with the kind of amount `value` is, so a share, a sum of money and a count never compare ('4% of
    its office workforce' / '37,000 office workers')."""
    rest = re.split(r"[,;:]|\.(?!\w)", text[end:end + 40].lower(), maxsplit=1)[0]
    words = re.findall(r"[a-z]+", rest)
    kind = CURRENCY_WORDS.get(words[0], _amount_kind(value)) if words else _amount_kind(value)  # 'six million dollars'
    counted: list[str] = []
    for word in words[:4]:  # past small words, the run of up to two words that follows: '240 departures | a day'
        if word in UNIT_SKIPPED or word in CURRENCY_WORDS:
            if counted:
                break
            continue
        counted.append(word)
        if len(counted) == 2:
            break
    things = frozenset(kind + (w[:-1] if w.endswith("s") and len(w) > 3 else w) for w in counted)
    return things or frozenset({kind})  # 'lost $40 million.': amounts with nothing after them compare alike


CURRENCY_WORDS = {"dollars": "$", "dollar": "$", "pounds": "£", "pound": "£", "euros": "€", "euro": "€"}


def _amount_kind(value: str) -> str:
    """'%' for a share, the currency sign for a sum of money, '' for a count (see `quantity_spans`)."""
    return "%" if value.endswith("%") else value[:1] if value[:1] and not value[:1].isdigit() else ""


def _differing_amounts(members: Sequence[Proposition], raw: Mapping[int, str],
                       pairs: Sequence[tuple[int, int]]) -> tuple[tuple[VariantValue, ...], ...]:
    """Amounts of one thing that two reports give differently ('hired six new officers' / 'recruited
    eight officers'), one group per thing counted ('40 people' / '52 people', and apart from them
    '210 passengers' / '180 passengers'): amounts of the same counted word that share no value; an
    amount of something else in the same clause ('300 passengers' beside '212 sailings') is no variant."""
    found = {i: [(s, e, value, _counted_things(raw[i], e, value)) for s, e, value in quantity_spans(raw[i])]
             for i in {i for pair in pairs for i in pair}}
    differing: dict[str, set[tuple[int, int, int]]] = {}  # per counted thing, so 'people' and 'passengers' stay apart
    for a, b in pairs:
        for thing in {t for *_, things in found[a] for t in things} & {t for *_, things in found[b] for t in things}:
            own_a = [(s, e, v) for s, e, v, things in found[a] if thing in things]
            own_b = [(s, e, v) for s, e, v, things in found[b] if thing in things]
            if not {v for *_, v in own_a} & {v for *_, v in own_b}:
                differing.setdefault(thing, set()).update((a, s, e) for s, e, _ in own_a)
                differing[thing].update((b, s, e) for s, e, _ in own_b)
        if _one_count_of_one_act(found[a], found[b], raw[a], raw[b]):
            differing.setdefault("", set()).update({(a, *found[a][0][:2]), (b, *found[b][0][:2])})
    groups: list[set[tuple[int, int, int]]] = []
    for spans in differing.values():  # one group per thing; a value counted under two words joins them
        overlapping = [g for g in groups if g & spans]
        merged = set(spans).union(*overlapping)
        groups = [g for g in groups if not g & spans] + [merged]
    return tuple(tuple(VariantValue(members[i].doc, members[i].start + s, members[i].start + e, raw[i][s:e])
                       for i, s, e in sorted(group, key=lambda x: (members[x[0]].doc, members[x[0]].start + x[1])))
                 for group in sorted(groups, key=lambda g: min((members[x[0]].doc, members[x[0]].start + x[1]) for x in g)))


def _one_count_of_one_act(first: Sequence[tuple[int, int, str, frozenset[str]]],
                          second: Sequence[tuple[int, int, str, frozenset[str]]], text_a: str, text_b: str) -> bool:
    """Two clauses with one amount each, one of them naming nothing after it, that tell of one act in
    words of one concept and share some other word: 'killed 12 people' / 'the death toll from the
    fire has risen to 15'. Different values are one count reported two ways."""
    if len(first) != 1 or len(second) != 1 or first[0][2] == second[0][2] or \
            _amount_kind(first[0][2]) != _amount_kind(second[0][2]) or \
            not any(things == frozenset({_amount_kind(value)}) for _, _, value, things in (first[0], second[0])):
        return False
    keys_a, keys_b = content_keys(text_a), content_keys(text_b)
    shared = keys_a & keys_b
    return any(k.startswith("~") for k in shared) and \
        any(not k.startswith(("~", "@")) and k not in _CONCEPT_OF and not k.isdigit() for k in shared)


def _differing_members(pairs: Sequence[tuple[int, int]], values: Mapping[int, frozenset[str]]) -> list[int]:
    """The members of the pairs that both state values and share none, in order of first appearance."""
    return list(dict.fromkeys(i for a, b in pairs if values[a] and values[b] and not values[a] & values[b]
                              for i in (a, b)))


def _values(members: Sequence[Proposition], raw: Mapping[int, str], indices: Sequence[int],
            spans: Callable[[str], Sequence[tuple[int, int, str]]]) -> tuple[VariantValue, ...]:
    """Where the members word the item: each value, less those every one of them states alike."""
    found = {i: spans(raw[i]) for i in indices}
    common = set.intersection(*({value.casefold() for _, _, value in own} for own in found.values())) if found else set()
    return tuple(VariantValue(members[i].doc, members[i].start + s, members[i].start + e, raw[i][s:e])
                 for i in indices for s, e, value in found[i] if value.casefold() not in common)


def _year_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in YEARS.finditer(text)]


def _day_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in MONTH_DAY.finditer(text)]


def _ordered(claims: list[Claim]) -> list[Claim]:
    """Contested claims first, then single-origin ones, then by number of sides; claims made once last."""
    return sorted(claims, key=lambda c: (len(c.mentions) == 1, "contested" not in c.flags,
                                         "single-origin" not in c.flags, -len(c.mentions)))
