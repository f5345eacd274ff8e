"""spaCy's attribute ruler and lemmatizer as remembered lookups: the same rules, the same results,
several times faster.

The small English model's `attribute_ruler` maps each token's fine tag (with its word and
dependency in some rules) to its coarse part of speech, morphology and a few lemmas; spaCy runs its
~180 rules through the general Matcher and makes a Span per match. Its `lemmatizer` visits every
token in Python. Together they took about a seventh of the parse. Here each distinct combination a
rule reads ((tag, word, dependency, whitespace) for the ruler, (word, part of speech, morphology)
for the lemmatizer) is worked out once and remembered, and a Doc's results are written as arrays.
The rules are the model's own (the stock components are kept in the pipeline, disabled, and
consulted), so they follow the model; a rule the table cannot express keeps the stock component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TOKEN_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a rule may test, in a combination's order
TOKEN_ATTRIBUTES = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # what a rule may set
ARRAY_ATTRIBUTES = ("POS", "MORPH", "LEMMA")  # set for the whole Doc at once; TAG and DEP token by token
MAX_REMEMBERED = 200_000  # combinations kept before memory starts afresh (a long stream meets many words)


class UnsupportedRule(ValueError):
    """A ruler rule outside what the table expresses."""


Test = Callable[[tuple[str, str, str, bool]], bool]


def _field_test(field: str, expected: object) -> Test:
    """A test of one field of a token's (tag, lower, dep, is_space) against one pattern value."""
    position = TOKEN_FIELDS.index(field)
    if not isinstance(expected, dict):
        return lambda token: token[position] == expected
    if len(expected) != 1:
        raise UnsupportedRule(f"{field}: {expected!r}")
    ((operator, value),) = expected.items()
    if operator == "IN":
        members = frozenset(value)
        return lambda token: token[position] in members
    if operator == "NOT_IN":
        members = frozenset(value)
        return lambda token: token[position] not in members
    if operator == "REGEX":
        pattern = re.compile(value)
        return lambda token: bool(pattern.search(token[position]))
    raise UnsupportedRule(f"{field}: {operator}")


def _token_test(spec: dict[str, object]) -> Test:
    """A test of one pattern element (all its fields must hold), as spaCy's Matcher applies it."""
    unknown = set(spec) - set(TOKEN_FIELDS)
    if unknown:
        raise UnsupportedRule(f"fields {sorted(unknown)}")
    tests = [_field_test(field, value) for field, value in spec.items()]
    return lambda token: all(test(token) for test in tests)


@dataclass(frozen=True)
class Rule:
    """One ruler rule: its alternatives (each a sequence of element numbers), the element the
    attributes go to, and the attributes as spaCy's integer ids and values."""

    order: int
    alternatives: tuple[tuple[int, ...], ...]
    index: int
    attributes: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Entry:
    """What the rules say of tokens with one (tag, lower, dep, is_space) combination."""

    met: frozenset[int]  # pattern elements it meets
    starts: tuple[tuple[Rule, tuple[int, ...]], ...]  # several-token patterns whose first element it meets
    settings: dict[int, tuple[int, int]]  # attribute id -> (rule order, value) from one-token rules
    chosen: tuple[bool, ...]  # per ARRAY_ATTRIBUTES: whether a one-token rule sets it
    given: tuple[int, ...]  # per ARRAY_ATTRIBUTES: the value it sets (0 where none)
    others: tuple[tuple[int, int], ...]  # (attribute id, value) set outside ARRAY_ATTRIBUTES


Key = tuple[int, int, int, int]


class AttributeTable:
    """Callable spaCy component doing what the model's attribute_ruler does, via remembered lookups."""

    def __init__(self, stock: object) -> None:
        from spacy import attrs as spacy_attrs

        self.vocab = stock.vocab
        self.field_ids = [getattr(spacy_attrs, name) for name in TOKEN_FIELDS]
        self.attribute_ids = {getattr(spacy_attrs, name): name for name in TOKEN_ATTRIBUTES}
        self.array_ids = [getattr(spacy_attrs, name) for name in ARRAY_ATTRIBUTES]
        self.tests: list[Test] = []
        # elements to test for a token: those requiring its tag, those requiring its word (and no
        # tag), and the rest; most combinations meet few of the ~190 elements
        self.by_tag: dict[str, list[int]] = {}
        self.by_lower: dict[str, list[int]] = {}
        self.general: list[int] = []
        self.rules: list[Rule] = []
        for order, (attributes, index) in enumerate(zip(stock.attrs, stock.indices)):
            _, patterns = stock.matcher.get(str(order))
            alternatives = tuple(tuple(self._element(spec) for spec in pattern) for pattern in patterns)
            unknown = set(attributes) - set(self.attribute_ids)
            if unknown:
                raise UnsupportedRule(f"sets attributes {sorted(unknown)}")
            if any(index >= len(p) or index < -len(p) for p in alternatives):
                raise UnsupportedRule(f"index {index}")
            self.rules.append(Rule(order, alternatives, index, tuple(attributes.items())))
        self.single = [r for r in self.rules if all(len(p) == 1 for p in r.alternatives)]
        self.sequences = [(r, p) for r in self.rules if r not in self.single for p in r.alternatives]
        self.single_rule_of = {p[0]: r for r in self.single for p in r.alternatives}
        self.remembered: dict[Key, Entry] = {}

    def _element(self, spec: dict[str, object]) -> int:
        number = len(self.tests)
        self.tests.append(_token_test(spec))
        if isinstance(spec.get("TAG"), str):
            self.by_tag.setdefault(spec["TAG"], []).append(number)
        elif isinstance(spec.get("LOWER"), str):
            self.by_lower.setdefault(spec["LOWER"], []).append(number)
        else:
            self.general.append(number)
        return number

    def entry(self, key: Key) -> Entry:
        """The rules' verdict on a combination, worked out once and remembered."""
        found = self.remembered.get(key)
        if found is not None:
            return found
        if len(self.remembered) >= MAX_REMEMBERED:
            self.remembered.clear()
        strings = self.vocab.strings
        token = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                 strings[key[2]] if key[2] else "", bool(key[3]))
        candidates = self.by_tag.get(token[0], []) + self.by_lower.get(token[1], []) + self.general
        met = frozenset(i for i in candidates if self.tests[i](token))
        settings: dict[int, tuple[int, int]] = {}
        for rule in sorted({self.single_rule_of[i] for i in met if i in self.single_rule_of}, key=lambda r: r.order):
            for attribute, value in rule.attributes:
                settings[attribute] = (rule.order, value)  # a later rule wins, as in spaCy
        starts = tuple((rule, pattern) for rule, pattern in self.sequences if pattern[0] in met)
        found = self.remembered[key] = Entry(
            met, starts, settings, chosen=tuple(a in settings for a in self.array_ids),
            given=tuple(settings[a][1] if a in settings else 0 for a in self.array_ids),
            others=tuple((a, v) for a, (_, v) in settings.items() if a not in self.array_ids))
        return found

    def __call__(self, doc: "Doc") -> "Doc":
        if not len(doc):
            return doc
        remembered = self.remembered
        entries = [remembered.get(key) or self.entry(key) for key in map(tuple, doc.to_array(self.field_ids).tolist())]
        chosen = np.array([entry.chosen for entry in entries], dtype=bool)
        given = np.array([entry.given for entry in entries], dtype=np.uint64)
        values = np.where(chosen, given, doc.to_array(self.array_ids))
        one_by_one = [(p, a, v) for p, entry in enumerate(entries) if entry.others for a, v in entry.others]
        for position, own in self._sequence_settings(entries).items():
            for attribute, (_, value) in own.items():
                if attribute in self.array_ids:
                    values[position, self.array_ids.index(attribute)] = value
                else:
                    one_by_one.append((position, attribute, value))
        doc.from_array(self.array_ids, values)
        for position, attribute, value in one_by_one:
            setattr(doc[position], self.attribute_ids[attribute].lower(), value)
        return doc

    def _sequence_settings(self, entries: list[Entry]) -> dict[int, dict[int, tuple[int, int]]]:
        """token position -> attribute id -> (rule order, value) where a several-token rule comes
        later than the one-token rules that set that attribute of the token."""
        found: dict[int, dict[int, tuple[int, int]]] = {}
        for start, entry in enumerate(entries):
            for rule, pattern in entry.starts:
                if start + len(pattern) > len(entries):
                    continue
                if all(element in entries[start + k].met for k, element in enumerate(pattern)):
                    target = start + (rule.index if rule.index >= 0 else len(pattern) + rule.index)
                    own = found.setdefault(target, dict(entries[target].settings))
                    for attribute, value in rule.attributes:
                        if attribute not in own or own[attribute][0] < rule.order:
                            own[attribute] = (rule.order, value)
        return found


class LemmaTable:
    """Callable spaCy component doing what the model's rule lemmatizer does: one lemmatizer call per
    distinct (word, part of speech, morphology), its result remembered."""

    def __init__(self, stock: object) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.stock = stock
        self.fields = [ORTH, POS, MORPH, LEMMA]
        self.lemma = [LEMMA]
        self.validated = False
        self.remembered: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: "Doc") -> "Doc":
        if not self.validated:  # the stock call checks the lemma tables once, as spaCy does
            self.validated = True
            return self.stock(doc)
        if not len(doc):
            return doc
        rows = doc.to_array(self.fields)
        todo = np.flatnonzero(rows[:, 3] == 0)  # a lemma the ruler set stays
        if not len(todo):
            return doc
        remembered = self.remembered
        lemmas = []
        for position, key in zip(todo.tolist(), map(tuple, rows[todo, :3].tolist())):
            lemma = remembered.get(key)
            if lemma is None:
                lemma = self._lemma(doc, position, key)
            lemmas.append(lemma)
        values = rows[:, 3].copy()
        values[todo] = lemmas
        doc.from_array(self.lemma, values)
        return doc

    def _lemma(self, doc: "Doc", position: int, key: tuple[int, int, int]) -> int:
        """The lemma (as a string id) the lemmatizer gives tokens with this (orth, pos, morph)."""
        forms = self.stock.cache.get(key)
        if forms is None:
            forms = self.stock.lemmatize(doc[position])
        if len(self.remembered) >= MAX_REMEMBERED:
            self.remembered.clear()
        lemma = self.remembered[key] = doc.vocab.strings.add(forms[0])
        return lemma


def install(nlp: "Language") -> list[str]:
    """Run the tables instead of the model's attribute_ruler and rule lemmatizer (kept in the
    pipeline, disabled); the names of the stock components replaced. One is left running when the
    model lacks it or uses a rule its table cannot express."""
    _register()
    replaced = []
    if "attribute_ruler" in nlp.pipe_names:
        try:
            AttributeTable(nlp.get_pipe("attribute_ruler"))
        except UnsupportedRule:
            pass
        else:
            nlp.add_pipe("storytrace_attribute_table", after="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")
            replaced.append("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmatizer is not None and getattr(lemmatizer, "mode", None) == "rule" and not lemmatizer.overwrite:
        nlp.add_pipe("storytrace_lemma_table", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
        replaced.append("lemmatizer")
    return replaced


def _register() -> None:
    from spacy.language import Language

    if "storytrace_attribute_table" not in Language.factories:
        Language.factory("storytrace_attribute_table",
                         func=lambda nlp, name: AttributeTable(nlp.get_pipe("attribute_ruler")))
    if "storytrace_lemma_table" not in Language.factories:
        Language.factory("storytrace_lemma_table", func=lambda nlp, name: LemmaTable(nlp.get_pipe("lemmatizer")))


def same_annotations(first: "Doc", second: "Doc") -> bool:
    """Whether two parses of one text carry the same tags, parts of speech, morphology, lemmas and
    dependencies (the check that the table and the stock ruler agree)."""
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    fields = [TAG, POS, MORPH, LEMMA, DEP]
    return len(first) == len(second) and bool(np.array_equal(first.to_array(fields), second.to_array(fields)))
