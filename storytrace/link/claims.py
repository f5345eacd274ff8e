"""The story's claims: propositions from every document grouped when they say the same thing,
each side's stance, and the independent origins behind each stance.

Grouping is a star around each proposition: its neighbours are the propositions whose link score
(sentence-embedding cosine plus the IDF-weighted overlap of content words and entities) passes a
threshold, helped by shared entities and held apart by disagreeing numbers or ordinals
("Resolution 2334" against "a second resolution"). Stars are not merged transitively, so one
proposition may sit in two claims and unrelated claims do not chain together. Candidate pairs come
from an inverted index of rare content words and entities, so the work grows with the number of
propositions times a bounded posting length, not with its square.

A side's stance: a denial ("denied that", "is false", "there was no") denies the claim; otherwise
the stance classifier compares the side's words with the claim's and a contradiction denies.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from storytrace.link.origins import Origin, OriginResolver, origins_by_stance
from storytrace.schema import Claim, ClaimMention, Document, Entity, Proposition, Statement, content_id

if TYPE_CHECKING:
    from storytrace.embed import StaticEmbedder
    from storytrace.stance import StanceClassifier

MIN_WORDS = 5
LINK_THRESHOLD = 0.60
ENTITY_BONUS = 0.06
NUMBER_CLASH_PENALTY = 0.25
MAX_POSTING = 60
MAX_PARTNERS = 50
MAX_STAR = 16  # a claim's sides around one proposition: its closest neighbours at most
NEAR_DUPLICATE = 0.7  # a star that mostly repeats a bigger kept one adds nothing
COHESION_SLACK = 0.2
LEXICAL_FLOOR = 0.1
LEXICAL_WEIGHT = 1.0
STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but that this these those it its is was were be been being
    has have had he she they his her their him them who which as after before about would could should will
    can may might not no than then there here also very more most such into over under just only said says say
    told tell what when where while because said also other another some any all every each one them our we you
    your i me my us""".split())
ORDINALS = ("first", "second", "third", "fourth", "fifth", "next", "another", "new", "previous", "earlier")
YEARS = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
IDENTIFIER = re.compile(r"\b[A-Z][A-Za-z]+\.? (\d[\d-]*)\b")


def proposition_text(proposition: Proposition) -> str:
    """The proposition's words without quote marks, brackets and a leading 'that'."""
    text = re.sub(r"[\"“”‘’]|\[|\]", "", proposition.text)
    text = re.sub(r"^(?:that|if)\s+", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(text.split())


LEADING_FRAME = re.compile(r"^(?:(?:[A-Z][\w’'-]*|[a-z]+)(?:\s+[\w’'-]+){0,5}),\s+(?=[A-Za-z])")
FRAME_OPENERS = frozenset("""in on at during after before since as by however meanwhile still yet then so but and
    also later earlier previously today yesterday now according""".split())


def claim_text(proposition_words: str) -> str:
    """A short statement of the claim: the clause without an opening frame ('In 2016, ',
    'At that point, ', 'However, ') and with its first letter capitalised."""
    text = proposition_words
    match = LEADING_FRAME.match(text)
    if match and match.group().split()[0].strip(",").lower() in FRAME_OPENERS and len(text) - match.end() > 20:
        text = text[match.end():]
    return text[:1].upper() + text[1:]


def is_candidate(proposition: Proposition) -> bool:
    """Long enough to state something, and not a question."""
    return len(proposition_text(proposition).split()) >= MIN_WORDS and not proposition.text.rstrip().endswith("?")


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


def content_keys(text: str) -> set[str]:
    """Lower-cased content words (crudely stemmed) that can tie two propositions together, plus the
    predicate concept a word belongs to ('~block' for veto, stop, torpedo ...)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+|\d+", text.lower())
    keys = {re.sub(r"(?:'s|’s|ing|ed|es|s)$", "", w) for w in words if w not in STOPWORDS and len(w) > 2}
    keys |= {"~" + _CONCEPT_OF[k] for k in keys if k in _CONCEPT_OF}
    return keys


def number_marks(text: str) -> set[str]:
    """Names by number, years and ordinals that pick out one item among several ('Resolution 2334',
    '1988', 'second'); amounts ('12 people') are not marks: outlets differ on them for one item."""
    marks = {m.group(1) for m in IDENTIFIER.finditer(text)} | set(YEARS.findall(text))
    lowered = text.lower()
    marks |= {w for w in ORDINALS if re.search(rf"\b{w}\b", lowered)}
    return marks


def numbers_clash(first: set[str], second: set[str]) -> bool:
    """Both name an item by number or ordinal and share none of them."""
    return bool(first) and bool(second) and not (first & second)


def _entity_keys(proposition: Proposition, entity_at: dict[tuple[str, int, int], str]) -> set[str]:
    return {entity_at[(proposition.doc, s, e)] for s, e in proposition.entities if (proposition.doc, s, e) in entity_at}


def candidate_pairs(keys: Sequence[set[str]], top: int = MAX_PARTNERS, floor: float = LEXICAL_FLOOR) -> dict[tuple[int, int], float]:
    """Pairs that share informative keys, scored by IDF-weighted overlap (a cosine over key sets);
    each proposition keeps its `top` best partners above `floor`. Posting lists longer than
    MAX_POSTING are skipped, so the work is bounded by n * MAX_POSTING, not n squared."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(keys):
        for key in own:
            postings[key].append(i)
    count = max(1, len(keys))
    idf = {key: math.log(1 + count / len(members)) for key, members in postings.items()}
    norms = [math.sqrt(sum(idf[k] ** 2 for k in own)) or 1.0 for own in keys]
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for key, members in postings.items():
        if len(members) > MAX_POSTING:
            continue
        weight = idf[key] ** 2
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                shared[(a, b)] += weight
    best: dict[int, list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for (a, b), total in shared.items():
        score = total / (norms[a] * norms[b])
        if score >= floor:
            best[a].append((score, (a, b)))
            best[b].append((score, (a, b)))
    kept: dict[tuple[int, int], float] = {}
    for options in best.values():
        for score, pair in sorted(options, reverse=True)[:top]:
            kept[pair] = score
    return kept


def _overlapping(first: Proposition, second: Proposition) -> bool:
    return first.doc == second.doc and first.start < second.end and second.start < first.end


def link_scores(props: Sequence[Proposition], vectors: np.ndarray, entity_sets: Sequence[set[str]],
                marks: Sequence[set[str]], pairs: dict[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    """Neighbours of each proposition with their link score, for pairs above the threshold."""
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), lexical in pairs.items():
        if _overlapping(props[a], props[b]):
            continue
        score = float(vectors[a] @ vectors[b]) + LEXICAL_WEIGHT * lexical \
            + ENTITY_BONUS * min(2, len(entity_sets[a] & entity_sets[b]))
        if numbers_clash(marks[a], marks[b]):
            score -= NUMBER_CLASH_PENALTY
        if score >= LINK_THRESHOLD:
            neighbours[a][b] = score
            neighbours[b][a] = score
    return neighbours


def cohesive_star(center: int, neighbours: dict[int, dict[int, float]], vectors: np.ndarray | None,
                  slack: float = COHESION_SLACK) -> set[int]:
    """The center with those neighbours that also sit close to the rest of the star on average, so a
    neighbour that only shares the center's topic from another angle stays out."""
    closest = sorted(neighbours[center], key=neighbours[center].get, reverse=True)[:MAX_STAR - 1]
    star = {center, *closest}
    if vectors is None or len(star) <= 2:
        return star
    members = sorted(star)
    similarity = vectors[members] @ vectors[members].T
    mean_to_others = (similarity.sum(axis=1) - np.diag(similarity)) / (len(members) - 1)
    floor = LINK_THRESHOLD - slack - LEXICAL_WEIGHT * 0.1
    return {center} | {member for member, mean in zip(members, mean_to_others) if mean >= floor}


def star_groups(count: int, neighbours: dict[int, dict[int, float]], vectors: np.ndarray | None = None) -> list[list[int]]:
    """Each proposition with its (cohesive) neighbours; repeated and contained groups dropped, biggest first."""
    stars = sorted((cohesive_star(i, neighbours, vectors) for i in range(count) if neighbours.get(i)), key=len, reverse=True)
    stars = [star for star in stars if len(star) > 1]
    kept: list[set[int]] = []
    holding: dict[int, list[int]] = defaultdict(list)  # member -> kept stars that hold it
    for star in stars:
        shared: dict[int, int] = defaultdict(int)
        for member in star:
            for other in holding[member]:
                shared[other] += 1
        if any(count >= NEAR_DUPLICATE * len(star) for count in shared.values()):
            continue
        for member in star:
            holding[member].append(len(kept))
        kept.append(star)
    return [sorted(star) for star in kept]


def choose_center(members: Sequence[int], props: Sequence[Proposition], neighbours: dict[int, dict[int, float]]) -> int:
    """The member that best states the claim: most linked, an assertion rather than a denial."""
    def rank(i: int) -> tuple[float, int, int]:
        linked = sum(neighbours[i].get(j, 0.0) for j in members if j != i)
        return (linked, props[i].polarity != "deny", -len(props[i].text))
    return max(members, key=rank)


def side_stance(proposition: Proposition, relation: str) -> str:
    """supports/denies of one side: a denial denies; otherwise a contradicting text denies."""
    if proposition.polarity == "deny":
        return "denies"
    return "denies" if relation == "denies" else "supports"


def build_claims(propositions: Sequence[Proposition], statements: Sequence[Statement], documents: Sequence[Document],
                 entities: Sequence[Entity], embed: "StaticEmbedder | Callable[[Sequence[str]], np.ndarray]",
                 stance: "StanceClassifier | None" = None) -> list[Claim]:
    """Claims of the story with sides, stances, origins and flags (contested, single-origin).

    `embed` maps the story's proposition texts to unit vectors in one call (the distilled static
    MiniLM vectors by default); `stance` is consulted only where a contradiction is possible."""
    props = [p for p in propositions if is_candidate(p)]
    if len(props) < 2:
        return []
    texts = [proposition_text(p) for p in props]
    entity_at = {(m.doc, m.start, m.end): e.id for e in entities for m in e.mentions}
    entity_sets = [_entity_keys(p, entity_at) for p in props]
    keys = [content_keys(t) | entity_sets[i] for i, t in enumerate(texts)]
    pairs = candidate_pairs(keys)
    vectors = np.asarray(embed(texts), dtype=np.float32)
    marks = [number_marks(t) for t in texts]
    neighbours = link_scores(props, vectors, entity_sets, marks, pairs)
    groups = star_groups(len(props), neighbours, vectors)
    resolver = OriginResolver(documents, statements, entities)
    centers = [choose_center(g, props, neighbours) for g in groups]
    relations = _relations(groups, centers, texts, props, stance)
    claims = []
    for group, center in zip(groups, centers):
        claims.append(_claim(group, center, props, texts, relations, resolver))
    return _ordered(claims)


@dataclass(frozen=True)
class TextProfile:
    """What the contradiction test needs of one text, computed once per text."""

    stems: frozenset[str]
    negated: frozenset[str]
    negates: bool
    antonym_a: frozenset[int]  # antonym groups whose first side the text uses
    antonym_b: frozenset[int]


@lru_cache(maxsize=65536)
def text_profile(text: str) -> TextProfile:
    from storytrace.stance import antonym_groups, content_stems, negated_stems, tokens

    words = tokens(text)
    stems = frozenset(content_stems(words))
    groups = antonym_groups()
    return TextProfile(stems=stems, negated=frozenset(negated_stems(words)), negates=bool(negated_stems(words)),
                       antonym_a=frozenset(i for i, (a, _) in enumerate(groups) if stems & a),
                       antonym_b=frozenset(i for i, (_, b) in enumerate(groups) if stems & b))


def _negation_mismatch(first: TextProfile, second: TextProfile) -> bool:
    """The second negates a content word both share and the first negates nothing."""
    return bool(second.negated & first.stems & second.stems) and not first.negates


def _antonym_clash(first: TextProfile, second: TextProfile) -> bool:
    """The first uses one side of an antonym pair, the second only the other side."""
    return bool(first.antonym_a & second.antonym_b - second.antonym_a)


def contradiction_signal(claim: str, text: str) -> bool:
    """One side negates a content word both share, or uses an antonym of the other's predicate:
    the cases the stance rules leave to the model (the stance module's tests, on cached profiles)."""
    first, second = text_profile(claim), text_profile(text)
    return (_negation_mismatch(first, second) or _negation_mismatch(second, first)
            or _antonym_clash(first, second) or _antonym_clash(second, first))


def _relations(groups: Sequence[list[int]], centers: Sequence[int], texts: Sequence[str], props: Sequence[Proposition],
               stance: "StanceClassifier | None") -> dict[tuple[int, int], str]:
    """How each asserting member relates to its claim's center. Only a contradiction matters here (a
    hedge still reports the claim), so pairs with no refutation word, one-sided negation or antonym
    agree outright; the others go to the stance rules, and to the classifier (batched) where the
    rules are unsure."""
    from storytrace.stance import refute_hits, rule_stance, tokens

    refutes = {i: refute_hits(texts[i], tokens(texts[i])) > 0 for i in {m for group in groups for m in group}}
    relations: dict[tuple[int, int], str] = {}
    ask: list[tuple[int, int]] = []
    for group, center in zip(groups, centers):
        for member in group:
            if member == center or props[member].polarity == "deny":
                continue
            possible = contradiction_signal(texts[center], texts[member])
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


def _claim(group: list[int], center: int, props: Sequence[Proposition], texts: Sequence[str],
           relations: dict[tuple[int, int], str], resolver: OriginResolver) -> Claim:
    stances = {m: side_stance(props[m], relations.get((center, m), "supports")) for m in group}
    if props[center].polarity == "deny":
        stances[center] = "denies"
    base = [resolver.origin(props[m]) for m in group]
    origins = {m: resolver.in_claim(props[m], base) for m in group}
    mentions = tuple(
        ClaimMention(doc=props[m].doc, start=props[m].start, end=props[m].end, stance=stances[m],
                     origin=origins[m].name, statement=props[m].statement, text=props[m].text)
        for m in sorted(group, key=lambda i: (props[i].doc, props[i].start)))
    by_stance: dict[str, list[Origin]] = {"supports": [], "denies": []}
    for m in group:
        by_stance[stances[m]].append(origins[m])
    counted = origins_by_stance(by_stance)
    flags = []
    if counted["supports"] and counted["denies"]:
        flags.append("contested")
    if len(counted["supports"]) + len(counted["denies"]) == 1:
        flags.append("single-origin")
    flags += variant_flags(props, stances, group, origins, resolver.modes)
    return Claim(id=content_id("clm", *sorted(p.id for p in (props[m] for m in group))), text=claim_text(texts[center]),
                 mentions=mentions, origins=counted, flags=tuple(flags))


QUANTITY = re.compile(r"(?<![\w.$])\$?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|million|billion|m\b|bn\b)?",
                      re.IGNORECASE)
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@lru_cache(maxsize=65536)
def quantities(text: str) -> frozenset[str]:
    """Amounts a text states ('12 people', '$40 billion', '3.5%'), not years or names ('Resolution 2334')."""
    found = set()
    for match in QUANTITY.finditer(text):
        before = text[:match.start()].rstrip().split()[-1:] if match.start() else []
        if before and before[0][:1].isupper() and before[0].isalpha() and not before[0].isupper():
            continue  # 'Resolution 2334', 'Flight 370': an identifier
        value = " ".join(match.group().lower().replace(",", "").split())
        if not YEAR.match(value):
            found.add(value)
    return frozenset(found)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def variant_flags(members: Sequence[Proposition], stances: dict[int, str], indices: Sequence[int],
                  origins: dict[int, Origin], modes: dict[str, str]) -> list[str]:
    """Same-side differences between documents that are not contradictions but a reader must see:
    different amounts for one item, and one quote worded differently by two outlets."""
    flags = []
    pairs = [(a, b) for pos, a in enumerate(indices) for b in indices[pos + 1:]
             if members[a].doc != members[b].doc and stances[a] == stances[b]]
    amounts = {i: quantities(members[i].text) for i in indices}
    if any(amounts[a] and amounts[b] and not amounts[a] & amounts[b] for a, b in pairs):
        flags.append("numbers differ")
    for a, b in pairs:
        if modes.get(members[a].statement or "") != "direct" or modes.get(members[b].statement or "") != "direct":
            continue
        if origins[a].key != origins[b].key:
            continue
        words_a, words_b = _words(members[a].text), _words(members[b].text)
        shared = len(set(words_a) & set(words_b)) / max(1, min(len(set(words_a)), len(set(words_b))))
        if words_a != words_b and shared >= 0.5:
            flags.append("quote wording differs")
            break
    return flags


def _ordered(claims: list[Claim]) -> list[Claim]:
    """Contested claims first, then single-origin ones, then by number of sides."""
    return sorted(claims, key=lambda c: ("contested" not in c.flags, "single-origin" not in c.flags, -len(c.mentions)))
