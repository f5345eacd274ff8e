"""Stance of a text (headline or article sentence) towards a claim: supports, denies or neutral.

Two layers: `rule_stance` catches the high-precision cases (refutation vocabulary, a negated or
antonymous shared predicate, hedged reporting, question headlines) and a small multinomial logistic
regression, trained in `training/train_stance.py` on self-authored pairs, scores every pair from
MiniLM embeddings of claim and text (u, v, |u-v|, u*v) plus lexical features (which include the rule
output). Weights ship in `storytrace/data/stance/`; nothing is loaded until a classifier is made.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

from storytrace.errors import StorytraceError
from storytrace.extract.lexicon import ABLE_FORMS, CONCESSIVE_WORDS, WHOLE_WORDS

if TYPE_CHECKING:
    from storytrace.embed import Embedder

LABELS = ("supports", "denies", "neutral")
FEATURE_VERSION = 1

REFUTE_WORDS = frozenset("""
deny denies denied denying denial denials false falsely fake fakes faked hoax hoaxes debunk debunks
debunked debunking untrue disinformation misinformation fabricated fabrication fabricate bogus myth
nonsense satire satirical refute refutes refuted refuting
retract retracts retracted retraction misleading baseless unfounded photoshopped doctored
dispel dispels dispelled dispelling quash quashes quashed scotch scotches scotched
""".split())
FAKENESS_WORDS = frozenset("forgery forgeries forged counterfeit lie lied lies lying staged hoax fake "
                           "faked false misled mislead".split())
REFUTE_PHRASES = (
    r"no evidence", r"not true", r"made up", r"rules? out", r"ruled out", r"ruling out", r"no plans?",
    r"no such", r"no truth", r"not the case", r"there (?:was|is|were|are|has been|had been) no\b",
    r"clear(?:s|ed)?(?:\s+\S+){0,4}\s+of", r"shuts? down(?:\s+\S+){0,2}\s+(?:rumou?rs?|reports?|claims?)",
    r"(?:rejects?|rejected|rejecting|dismiss(?:es|ed|ing)?) (?:\S+ )?(?:claims?|reports?|rumou?rs?|allegations?|suggestions?|"
    r"speculation|story|stories)", r"^no\s*[,:;!.\u2013\u2014-]",
)
HEDGE_WORDS = frozenset("""
reportedly allegedly alleged alleges allege purportedly purported rumour rumours rumoured rumor rumors
rumored claim claims claimed claiming may might could possibly possible apparently unconfirmed
speculation speculate speculates speculated suspected reports report sources source appears appear
seemingly likely unclear consider considering considers weighing weighs mulls mulling expected
""".split())
HEDGE_RULE_WORDS = frozenset("""
reportedly allegedly alleged alleges purportedly purported rumour rumours rumoured rumor rumors rumored
claim claims claimed claiming may might could possibly apparently unconfirmed speculation speculate
""".split())
CONFIRM_WORDS = frozenset("confirm confirms confirmed confirming official officially announces announced "
                          "reveals revealed admits admitted finds found shows proves".split())
SAY_WORDS = frozenset("say says said tells told according statement".split())
NEGATORS = frozenset("not never nobody neither nor none nothing".split())
# Words of doubt or denial that a negator cancels: 'I would not rule out that ...', 'I would not be
# surprised if ...', 'did not dispute that ...'.
DOUBTING_WORDS = frozenset("rule ruling ruled surprised surprising surprise exclude excluded doubt doubted dispute "
                           "disputed disputes deny denied denies disagree unlikely impossible".split())
NOT_MERELY = frozenset("just only merely simply solely".split())  # after 'not': 'not only X but Y'
FUNCTION_WORDS = frozenset("""
a an the to be been being is are was were am has have had do does did will would shall should can
of in on at for by with from as that this these those it its he she they we i you his her their our
and or but so than then yet ever also just even still really any anything one ever again
""".split())
IRREGULAR = {
    "won": "win", "wins": "win", "winning": "win", "lost": "lose", "loses": "lose", "losing": "lose",
    "rose": "rise", "risen": "rise", "rising": "rise", "fell": "fall", "fallen": "fall", "falling": "fall",
    "died": "die", "dies": "die", "dying": "die", "broke": "break", "broken": "break", "withdrew": "withdraw",
    "withdrawn": "withdraw", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "sank": "sink", "sunk": "sink", "stole": "steal", "stolen": "steal", "bought": "buy", "sold": "sell",
    "left": "leave", "ran": "run", "met": "meet", "found": "find", "shot": "shoot", "hid": "hide",
    "hidden": "hide", "wrote": "write", "written": "write", "fought": "fight", "caught": "catch",
    "began": "begin", "begun": "begin", "flew": "fly", "chose": "choose", "spoke": "speak", "led": "lead",
    "paid": "pay", "said": "say", "told": "tell", "made": "make", "held": "hold", "kept": "keep",
}


def inflections(word: str) -> set[str]:
    """The word, its regular inflections and its stem, so a group matches "raised", "raises", "raise"."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing", word + word[-1] + "ed",
             word + word[-1] + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    forms |= {w for w, base in IRREGULAR.items() if base == word}
    return forms | {stem(f) for f in forms}


def inflected_group(words: str) -> frozenset[str]:
    """All inflections of the space-separated words."""
    return frozenset(form for word in words.split() for form in inflections(word))


ANTONYM_PAIRS = (
    ("win victory victorious", "lose defeat defeated beaten"),
    ("rise climb jump soar surge increase gain higher raise hike", "fall drop decline plunge slump "
     "decrease lower cut slash reduce unchanged steady"),
    ("fall drop decline plunge slump decrease lower cut slash reduce", "rise climb jump soar surge "
     "increase higher raise hike unchanged steady"),
    ("approve accept back pass sign", "reject veto refuse fail"),
    ("confirm", "deny"),
    ("alive survive survivor rescue", "dead die death kill"),
    ("die dead death kill", "alive survive survivor"),
    ("guilty convict", "innocent acquit"),
    ("positive", "negative"),
    ("open reopen", "close shut"),
    ("close shut", "open reopen"),
    ("collapse", "hold holds intact"),
    ("capture seize", "repel recapture"),
    ("withhold withheld hide hid hidden conceal suppress", "disclose reveal submit"),
    ("disclose reveal submit", "withhold withheld hide hid hidden conceal suppress"),
)


# Predicates that tell one event from either end: to deny taking money denies that it was paid.
CONVERSE_PAIRS = (
    ("pay give bribe", "take receive accept get"),
    ("sell", "buy purchase"),
    ("lend loan", "borrow"),
    ("send email", "receive get"),
    ("employ hire", "work"),
)


@lru_cache(maxsize=1)
def converse_groups() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """CONVERSE_PAIRS with every word expanded to its inflections and stems, both ways round."""
    pairs = tuple((inflected_group(a), inflected_group(b)) for a, b in CONVERSE_PAIRS)
    return pairs + tuple((b, a) for a, b in pairs)


def converse_stems(negated: set[str] | frozenset[str]) -> frozenset[str]:
    """The stems of the other end of each negated predicate ('never took' -> pay, give, ...)."""
    return frozenset(stem(word) for own, other in converse_groups() if negated & own for word in other)


@dataclass(frozen=True)
class StanceResult:
    """One stance label and the classifier's confidence in it, in [0, 1]."""

    stance: str  # "supports" | "denies" | "neutral"
    score: float


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens; apostrophes normalised so "won’t" and "won't" match (remembered per
    text: claim grouping asks about the same sentences many times)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return tuple(re.findall(r"[a-z0-9]+(?:['\-][a-z0-9]+)*", text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem (irregular verbs, -ies, -ing, -ed, -es, -s) so inflections of a predicate match."""
    word = word.removesuffix("'s")
    if word in IRREGULAR:
        return IRREGULAR[word]
    for suffix, repl, minimum in (("ies", "y", 5), ("ing", "", 6), ("ied", "y", 5), ("ed", "", 5),
                                  ("es", "", 5), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= minimum and not word.endswith("ss"):
            base = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 2 and base[-1] == base[-2]:
                base = base[:-1]  # stopped -> stopp -> stop
            return base
    return word


def content_stems(words: Sequence[str]) -> set[str]:
    """Stems of the non-function, non-negator words."""
    return set(_content_stems(tuple(words)))


@lru_cache(maxsize=16384)
def _content_stems(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if w not in FUNCTION_WORDS and w not in NEGATORS and not w.endswith("n't"))


def is_negator(word: str) -> bool:
    """not / n't / never / nobody / no one style negation (bare "no" is left out: "no beds left")."""
    return word in NEGATORS or word.endswith("n't") or word == "cannot"


def negation_count(words: Sequence[str]) -> int:
    """How many negators, counting "no one" and bare "no", less concessions and disbelief."""
    words = tuple(words)
    return sum(1 for i, w in enumerate(words) if (is_negator(w) or w == "no")
               and not _concedes_a_part(words, i) and not _disbelief(words, i))


def negated_stems(words: Sequence[str], window: int = 3) -> set[str]:
    """Stems of content words within `window` content words after a negator ("did not rip up" -> rip, up)."""
    return set(_negated_stems(tuple(words), window))


@lru_cache(maxsize=16384)
def _negated_stems(words: tuple[str, ...], window: int) -> frozenset[str]:
    """negated_stems, remembered per token tuple."""
    found: set[str] = set()
    for i, word in enumerate(words):
        if not (is_negator(word) or (word == "no" and i + 1 < len(words) and words[i + 1] == "one") or
                _no_subject(words, i)):
            continue
        if word == "not" and i + 1 < len(words) and words[i + 1] in NOT_MERELY:
            continue  # 'not just a sense of urgency but pure speed' adds, it does not negate
        if _concedes_a_part(words, i) or _disbelief(words, i):
            continue
        following = next((w for w in words[i + 1:i + 4] if w not in FUNCTION_WORDS), None)
        if following in DOUBTING_WORDS:
            continue  # 'would not rule out', 'would not be surprised', 'did not dispute': no denial
        taken = 0
        for nxt in words[i + 1:]:
            if nxt in FUNCTION_WORDS:
                continue
            if is_negator(nxt):
                break
            found.add(stem(nxt))
            taken += 1
            if taken >= window:
                break
    return frozenset(found)


def _concedes_a_part(words: tuple[str, ...], i: int) -> bool:
    """'..., though not all of their claims were upheld', 'most, if not all, members': a concession
    that limits how far the clause goes; it does not deny it."""
    return words[i] == "not" and 0 < i and words[i - 1] in CONCESSIVE_WORDS \
        and i + 1 < len(words) and words[i + 1] in WHOLE_WORDS


def _disbelief(words: tuple[str, ...], i: int) -> bool:
    """'I can not believe we would create French jobs', 'couldn't believe they upheld it': outrage at
    what happened, which takes it as so ('do not believe' doubts it and stays a negation)."""
    able = words[i] if words[i] in ABLE_FORMS else words[i - 1] if words[i] == "not" and i > 0 else ""
    return able in ABLE_FORMS and i + 1 < len(words) and words[i + 1] == "believe"


SUBJECT_AUXILIARIES = frozenset("has have had was were is are did does do will would could can should".split())


def _no_subject(words: tuple[str, ...], i: int) -> bool:
    """'No ward has closed', 'no charges were filed': a 'no' opening a subject that a verb follows
    negates the clause ('no beds left', 'no second resolution planned' say what there is not)."""
    return words[i] == "no" and any(w in SUBJECT_AUXILIARIES for w in words[i + 2:i + 4])


def refute_hits(text: str, words: Sequence[str]) -> int:
    """Refutation cues in a text, skipping ones right after a negator ("not a hoax")."""
    return _refute_hits(text, tuple(words))


@lru_cache(maxsize=16384)
def _refute_hits(text: str, words: tuple[str, ...]) -> int:
    """refute_hits, remembered per text."""
    hits = 0
    for i, word in enumerate(words):
        if word in REFUTE_WORDS and not any(is_negator(w) for w in words[max(0, i - 2):i]):
            hits += 1
    low = " ".join(words)
    first = text.strip().lower()
    for anchored, pattern in refute_patterns():
        source = first if anchored else low
        hits += sum(1 for match in pattern.finditer(source)
                    if not any(is_negator(w) for w in source[:match.start()].split()[-2:]))  # 'would not rule out'
    return hits


@lru_cache(maxsize=1)
def refute_patterns() -> tuple[tuple[bool, "re.Pattern[str]"], ...]:
    """REFUTE_PHRASES compiled once: (anchored at the text's start, pattern)."""
    return tuple((p.startswith("^"), re.compile(p if p.startswith("^") else r"\b" + p)) for p in REFUTE_PHRASES)


def hedge_hits(words: Sequence[str], vocabulary: frozenset[str] = HEDGE_WORDS) -> int:
    """Hedging/attribution cues; "May" followed by a number or after a time preposition is the month."""
    hits = 0
    for i, word in enumerate(words):
        if word not in vocabulary:
            continue
        if word == "may" and ((i + 1 < len(words) and words[i + 1].isdigit())
                              or (i > 0 and words[i - 1] in ("in", "on", "since", "until", "last", "next", "early", "late", "mid"))):
            continue
        hits += 1
    return hits


def is_question(text: str) -> bool:
    """A question headline: a '?' anywhere (e.g. "Did X happen? Officials silent")."""
    return "?" in text


# Opposites made with a prefix that are not 'un' + word ('un' + a word of four letters or more always
# is: safe / unsafe, true / untrue, lawful / unlawful); 'in'-, 'dis'- and the like are listed, since
# form / inform and close / disclose are no opposites.
PREFIX_OPPOSITES = frozenset("""
illegal illegally illegitimate illogical irregular irregularly irresponsible irresponsibly irrelevant
irrational inaccurate inaccurately incorrect incorrectly impossible improper improperly inappropriate
inappropriately inadequate inadequately insufficient incompetent inconsistent invalid incomplete
ineffective inefficient ineligible insecure intolerable immoral impartial dishonest dishonestly
disagree disagrees disagreed disapprove disapproves disapproved disprove disproves disproved
disqualify disqualified disallow disallowed disobey disobeyed disloyal nonexistent
""".split())
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def prefix_opposite(word: str) -> str | None:
    """The word a negative prefix turns around ('unsafe' -> 'safe', 'illegal' -> 'legal'), or None."""
    if word.startswith("un") and len(word) >= 6:
        return word[2:]
    if word in PREFIX_OPPOSITES:
        return next(word[len(p):] for p in NEGATIVE_PREFIXES if word.startswith(p))
    return None


def prefix_clash(claim_words: Iterable[str], text_words: Iterable[str]) -> bool:
    """One side has a word the other has with a negative prefix, and not also the same word ('the
    bridge was unsafe' against 'the bridge was safe'; 'legal' against 'illegal')."""
    claim, text = set(claim_words), set(text_words)
    for own, other in ((claim, text), (text, claim)):
        for word in own:
            base = prefix_opposite(word)
            if base and base in other and base not in own and word not in other:
                return True
    return False


# Words that say a due event did not happen ('skipped the 2023 inspection', 'the vote was cancelled') and
# words that say it did ('the inspection took place', 'the vote was held', 'the test was carried out').
CALLED_OFF_WORDS = inflected_group("skip cancel scrap abandon") | {"skipped", "scrapped", "cancelled",
                                                                           "canceled", "cancelling", "canceling"}
HELD_WORDS = inflected_group("hold conduct complete perform happen occur") | {"held"}
HELD_PHRASES = frozenset({("took", "place"), ("take", "place"), ("takes", "place"), ("went", "ahead"),
                          ("go", "ahead"), ("goes", "ahead"), ("carried", "out")})
EVENT_WINDOW = 3  # content words either side of a called-off word that may name the event


def occurrence_clash(claim_words: Sequence[str], text_words: Sequence[str]) -> bool:
    """One side says an event was called off and the other, with no negation, that it took place:
    'the department skipped the 2023 inspection' against 'the bridge was inspected on Oct. 12' or 'the
    inspection took place in October'. The event is a word next to the called-off word; the other side
    names it as a verb of the same root ('inspected') or beside a word of happening ('took place')."""
    for own, other in ((claim_words, text_words), (text_words, claim_words)):
        if not CALLED_OFF_WORDS & set(own) or CALLED_OFF_WORDS & set(other) or negation_count(other):
            continue
        events = _called_off_events(own)
        held = bool(HELD_WORDS & set(other)) or any(pair in HELD_PHRASES for pair in zip(other, other[1:]))
        for word in other:
            if word in FUNCTION_WORDS or len(word) < 4:
                continue
            root = stem(word)
            done_as_verb = word.endswith("ed") and len(root) >= 5  # 'inspected' for 'inspection'
            if any(event == root and held or done_as_verb and event != root and event.startswith(root)
                   for event in events):
                return True
    return False


def _called_off_events(words: Sequence[str]) -> set[str]:
    """Stems of the content words within EVENT_WINDOW of each called-off word (numbers left out)."""
    content = [(i, w) for i, w in enumerate(words) if w not in FUNCTION_WORDS and not w.isdigit()]
    events: set[str] = set()
    for k, (_, word) in enumerate(content):
        if word in CALLED_OFF_WORDS:
            near = content[max(0, k - EVENT_WINDOW):k] + content[k + 1:k + 1 + EVENT_WINDOW]
            events |= {stem(w) for _, w in near if w not in CALLED_OFF_WORDS}
    return events


@lru_cache(maxsize=1)
def antonym_groups() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """ANTONYM_PAIRS with every word expanded to its inflections (built once, on first use)."""
    return tuple((inflected_group(a), inflected_group(b)) for a, b in ANTONYM_PAIRS)


def antonym_clash(claim_stems: set[str], text_stems: set[str]) -> bool:
    """The claim's predicate has an antonym in the text and the text lacks the claim's own word (a
    claim that holds both words, 'vetoed it, blocking it from passing', opposes nothing).

    Callers pass stems plus raw words, since the crude stemmer and the inflection lists meet there."""
    for side_a, side_b in antonym_groups():
        if claim_stems & side_a and text_stems & side_b and not text_stems & side_a and not claim_stems & side_b:
            return True
    return prefix_clash(claim_stems, text_stems)


def negation_mismatch(claim_words: Sequence[str], text_words: Sequence[str]) -> bool:
    """The text negates a content word it shares with the claim and the claim negates nothing.

    The reverse (negated claim, affirmative text) is left to the model: "did not pay any tax" vs
    "paid zero tax" agree, and such claims are rare in rumour coverage."""
    claim_stems, text_stems = content_stems(claim_words), content_stems(text_words)
    shared = claim_stems & text_stems
    claim_neg, text_neg = negated_stems(claim_words), negated_stems(text_words)
    return bool(text_neg & shared or converse_stems(text_neg) & claim_stems) and not claim_neg


def rule_stance(claim: str, text: str) -> StanceResult | None:
    """High-precision rules: refutation cues, negated/antonymous shared predicate -> denies;
    hedged or question reporting -> neutral; None when no rule is sure."""
    claim_words, text_words = tokens(claim), tokens(text)
    claim_stems, text_stems = content_stems(claim_words), content_stems(text_words)
    claim_refutes = refute_hits(claim, claim_words) > 0 or any(w in FAKENESS_WORDS for w in claim_words)
    text_refutes = refute_hits(text, text_words) > 0
    question = is_question(text)
    if text_refutes:  # when the claim itself is about fakery, "fake" in the text may agree with it
        return None if claim_refutes else StanceResult("denies", 0.9)
    shared = claim_stems & text_stems
    if shared and not claim_refutes and negation_mismatch(claim_words, text_words):
        return StanceResult("neutral", 0.7) if question else StanceResult("denies", 0.85)
    hedged = hedge_hits(text_words, HEDGE_RULE_WORDS) > 0
    if question:
        return StanceResult("neutral", 0.8)
    if not hedged and occurrence_clash(claim_words, text_words):
        return StanceResult("denies", 0.8)
    opposed = prefix_clash(claim_stems, text_stems)  # the opposed pair is a shared word too
    if (len(shared) >= 2 or opposed and shared) and not hedged and \
            antonym_clash(claim_stems | set(claim_words), text_stems | set(text_words)):
        return StanceResult("denies", 0.8)
    confirms = any(w in CONFIRM_WORDS for w in text_words)
    if hedged and not confirms and negation_count(text_words) == 0:
        return StanceResult("neutral", 0.75)
    if restates(claim_words, text_words):
        return StanceResult("supports", 0.8)
    return None


# Words that put the claim as someone's charge, not as what happened: 'Singer accused of lip-syncing'.
ALLEGATION_WORDS = frozenset("accuse accused accuses accusing accusation accusations charge charged charges "
                             "suspect suspects".split())


def restates(claim_words: Sequence[str], text_words: Sequence[str]) -> bool:
    """The text says every content word of the claim, plainly: nothing negated, hedged, alleged or
    opposed ('Officials said the dam failed on Tuesday' restates 'The dam failed'). A report of the
    claim counts as support; 'may have failed', 'reportedly failed', 'did not fail' do not restate it."""
    claim_stems, text_stems = content_stems(claim_words), content_stems(text_words)
    return (len(claim_stems) >= 2 and claim_stems <= text_stems and not negation_count(text_words)
            and not negation_count(claim_words) and not hedge_hits(text_words)
            and not ALLEGATION_WORDS & set(text_words)
            and not prefix_clash(claim_stems, text_stems))


RULE_CODES = {None: 0, "supports": 0, "denies": 1, "neutral": 2}  # the classifier's inputs predate the supports rule
LEXICAL_NAMES = (
    "refute_text", "refute_claim", "refute_text_only", "hedge_text", "hedge_rule_text", "hedge_claim",
    "question", "negation_text", "negation_claim", "negation_diff", "negation_mismatch", "antonym_clash",
    "confirm_text", "say_text", "overlap_claim_frac", "overlap_jaccard", "cosine", "text_length",
    "rule_denies", "rule_neutral", "starts_no",
)


def lexical_features(claim: str, text: str, cosine: float) -> np.ndarray:
    """The hand-made features, in LEXICAL_NAMES order (counts capped so one long text cannot dominate)."""
    cw, tw = tokens(claim), tokens(text)
    cs, ts = content_stems(cw), content_stems(tw)
    refute_t, refute_c = min(refute_hits(text, tw), 3), min(refute_hits(claim, cw), 3)
    neg_t, neg_c = min(negation_count(tw), 3), min(negation_count(cw), 3)
    rule = rule_stance(claim, text)
    code = RULE_CODES[rule.stance if rule else None]
    shared = cs & ts
    values = (
        refute_t, refute_c, float(refute_t > 0 and refute_c == 0), min(hedge_hits(tw), 3),
        min(hedge_hits(tw, HEDGE_RULE_WORDS), 3), min(hedge_hits(cw), 3), float(is_question(text)),
        neg_t, neg_c, neg_t - neg_c, float(negation_mismatch(cw, tw)), float(antonym_clash(cs | set(cw), ts | set(tw))),
        float(any(w in CONFIRM_WORDS for w in tw)), float(any(w in SAY_WORDS for w in tw)),
        len(shared) / max(1, len(cs)), len(shared) / max(1, len(cs | ts)), cosine, min(len(tw), 40) / 20.0,
        float(code == 1), float(code == 2), float(text.strip().lower().startswith("no")),
    )
    return np.asarray(values, dtype=np.float32)


def pair_features(claim: str, text: str, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """[u, v, |u-v|, u*v, lexical] for one pair of unit vectors."""
    cosine = float(np.dot(u, v))
    return np.concatenate([u, v, np.abs(u - v), u * v, lexical_features(claim, text, cosine)]).astype(np.float32)


def feature_matrix(pairs: Sequence[tuple[str, str]], embedder: "Embedder") -> np.ndarray:
    """Features of many pairs, embedding each distinct string once."""
    strings = sorted({s for pair in pairs for s in pair})
    index = {s: i for i, s in enumerate(strings)}
    if not strings:
        return np.zeros((0, 4 * 384 + len(LEXICAL_NAMES)), dtype=np.float32)
    vectors = np.asarray(embedder(strings), dtype=np.float32)
    rows = [pair_features(c, t, vectors[index[c]], vectors[index[t]]) for c, t in pairs]
    return np.vstack(rows)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class StanceModel:
    """Standardisation plus a linear softmax layer: probs = softmax(((x - mean) / scale) @ W + b)."""

    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    mean: np.ndarray
    scale: np.ndarray
    labels: tuple[str, ...] = LABELS

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """(n, classes) class probabilities."""
        return softmax(((features - self.mean) / self.scale) @ self.weights + self.bias)

    def save(self, path: "str | object", meta: dict, variant: str = "full") -> None:
        """Write the variant's weights (float32 .npz) and, beside them, its JSON with `meta`."""
        from pathlib import Path

        target = Path(str(path))
        target.mkdir(parents=True, exist_ok=True)
        weights_name, meta_name = VARIANTS[variant]
        np.savez_compressed(target / weights_name, weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), mean=self.mean.astype(np.float32),
                            scale=self.scale.astype(np.float32))
        (target / meta_name).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


VARIANTS = {"full": ("weights.npz", "stance.json"), "fast": ("weights_fast.npz", "stance_fast.json")}


def load_model(variant: str = "full") -> StanceModel:
    """The shipped weights of one variant ("full": MiniLM sentence embeddings; "fast": the static
    word vectors distilled from it); a model_missing error if absent or built for other features."""
    folder = resources.files("storytrace.data").joinpath("stance")
    weights_name, meta_name = VARIANTS[variant]
    weights_file, meta_file = folder.joinpath(weights_name), folder.joinpath(meta_name)
    if not weights_file.is_file() or not meta_file.is_file():
        raise StorytraceError("model_missing", f"storytrace/data/stance/{weights_name} is missing; "
                              f"run: python training/train_stance.py --variant {variant}")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    if meta.get("feature_version") != FEATURE_VERSION or tuple(meta.get("lexical_features", ())) != LEXICAL_NAMES:
        raise StorytraceError("model_missing", "stance weights were built for other features; "
                              "run: python training/train_stance.py")
    with weights_file.open("rb") as handle:
        data = np.load(handle)
        return StanceModel(data["weights"], data["bias"], data["mean"], data["scale"], tuple(meta["labels"]))


def combine(rule: StanceResult | None, probs: np.ndarray, labels: Sequence[str]) -> StanceResult:
    """The rule's label when one fired (rules are the more precise; validation agrees), scored with
    the larger of its fixed confidence and the model's probability; else the model's best label."""
    if rule is not None:
        return StanceResult(rule.stance, round(max(rule.score, float(probs[labels.index(rule.stance)])), 4))
    best = int(np.argmax(probs))
    return StanceResult(labels[best], round(float(probs[best]), 4))


class StanceClassifier:
    """Classify claim/text pairs; loads the shipped weights and the embedder once, on construction.

    variant "full" (default, the `stance` command) reads MiniLM sentence embeddings; "fast" (the
    claim step of `analyze`) reads the distilled static vectors, some fifty times cheaper."""

    def __init__(self, embedder: "Embedder | None" = None, variant: str = "full") -> None:
        if embedder is None:
            from storytrace.embed import Embedder, StaticEmbedder

            embedder = StaticEmbedder() if variant == "fast" else Embedder()
        self.embedder = embedder
        self.variant = variant
        self.model = load_model(variant)

    def classify(self, claim: str, text: str) -> StanceResult:
        """Stance of one text towards one claim."""
        return self.classify_many([(claim, text)])[0]

    def classify_many(self, pairs: Sequence[tuple[str, str]]) -> list[StanceResult]:
        """Stances of many pairs, in order; each distinct string is embedded once."""
        pairs = [(str(c), str(t)) for c, t in pairs]
        if not pairs:
            return []
        probs = self.model.probabilities(feature_matrix(pairs, self.embedder))
        return [combine(rule_stance(c, t), row, self.model.labels) for (c, t), row in zip(pairs, probs)]


@lru_cache(maxsize=1)
def default_classifier() -> StanceClassifier:
    """One shared classifier per process, made on first use."""
    return StanceClassifier()
