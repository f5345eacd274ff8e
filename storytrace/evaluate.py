"""Score a dossier against gold annotations in the storytrace gold format (YAML).

Gold anchors are exact substrings of the documents. A gold item is found when a predicted item
of the same document covers at least half of its anchor (statements, claim sides) or lies in the
anchor's sentence (events). The metric names and definitions follow the shared gold format, so
figures from this command and from the reference scorer agree.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from storytrace.errors import StorytraceError

GOVERNMENT_WORDS = ("government", "authorities", "officials", "ministry", "kingdom", "embassy", "kremlin",
                    "administration")
UNNAMED_HEADS = ("source", "member", "staffer", "aide", "official")
ORIGIN_FILLER_WORDS = frozenset("the a an of for and s spokesman spokeswoman spokesperson".split())

Span = tuple[int, int]


@dataclass
class EvaluationReport:
    scores: dict[str, Any] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def fold_text(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _bare_name(text: str) -> str:
    text = re.sub(r"^(?:the|a|an) ", "", fold_text(text))
    return re.sub(r"'s$", "", text)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_anchor(text: str, anchor: str) -> Span | None:
    """Where a gold anchor sits in a document (exact, else after folding quotes, case and spaces)."""
    at = text.find(anchor)
    if at < 0:
        at = fold_text(text).find(fold_text(anchor))
        if at < 0:
            return None
    return at, at + len(anchor)


def sentence_around(text: str, span: Span) -> Span:
    """The line-or-sentence around a span, for matching events to the clause that states them."""
    start, end = span
    left = max([text.rfind("\n", 0, start)] + [text.rfind(stop, 0, start) for stop in (". ", "? ", "! ")])
    rights = [r for r in (text.find(stop, end) for stop in ("\n", ". ", "? ", "! ")) if r >= 0]
    return left + 1, (min(rights) if rights else len(text))


def _gold_aliases(name: str, gold_entities: list[Mapping[str, Any]]) -> set[str]:
    aliases = {_bare_name(name)}
    for entity in gold_entities:
        if fold_text(entity["name"]) == fold_text(name):
            aliases |= {_bare_name(a) for a in entity.get("aliases", [])}
    return aliases


def names_match(predicted: Iterable[str | None], gold_name: str, gold_entities: list[Mapping[str, Any]]) -> bool:
    """True when any predicted name for a speaker or origin designates the gold one."""
    candidates = [_bare_name(p) for p in predicted if p]
    aliases = _gold_aliases(gold_name, gold_entities)
    if any(c in aliases for c in candidates):
        return True
    gold = fold_text(gold_name)
    stem = _bare_name(gold_name)[:4]
    if len(stem) == 4 and any(c.startswith(stem) and any(w in c for w in GOVERNMENT_WORDS) for c in candidates):
        return True
    gold_words = gold.split()
    for candidate in candidates:
        words = candidate.split()
        if gold_words and words and words[-1] == gold_words[-1]:
            return True
        if any(h in candidate for h in UNNAMED_HEADS) and any(h in gold for h in UNNAMED_HEADS):
            return True
        if "transcript" in candidate and "transcript" in gold:
            return True
    return False


class _Scorer:
    """Holds a dossier, its gold file and the document pairing while metrics are computed."""

    def __init__(self, dossier: Mapping[str, Any], gold: Mapping[str, Any], texts: Mapping[str, str]):
        self.dossier = dossier
        self.gold = gold
        self.gold_entities = list(gold.get("entities") or [])
        self.entities = {e["id"]: e for e in dossier.get("entities", [])}
        self.docs = self._pair_documents(texts)
        self.misses: list[str] = []

    def _pair_documents(self, texts: Mapping[str, str]) -> dict[str, Mapping[str, Any]]:
        pairs = {}
        for key, meta in (self.gold.get("documents") or {}).items():
            wanted = Path(str(meta.get("file", ""))).name
            for doc in self.dossier.get("documents", []):
                if Path(str(doc.get("source") or "")).name == wanted or (key in texts and doc.get("text") == texts[key]):
                    pairs[key] = doc
                    break
        return pairs

    def anchor(self, key: str, anchor: str) -> tuple[Mapping[str, Any], Span] | None:
        doc = self.docs.get(key)
        if doc is None:
            return None
        span = find_anchor(doc["text"], anchor)
        return (doc, span) if span else None

    def speaker_names(self, statement: Mapping[str, Any]) -> list[str]:
        speaker = statement.get("speaker") or {}
        found = [speaker.get("name")]
        entity = self.entities.get(speaker.get("entity"))
        if entity:
            found += [entity.get("name")] + list(entity.get("aliases", []))
        return found

    # -- entities
    def entity_scores(self) -> dict[str, Any]:
        owners_of_gold: dict[str, set[str]] = defaultdict(set)
        gold_of_owner: dict[str, set[str]] = defaultdict(set)
        for gold_entity in self.gold_entities:
            for alias in gold_entity.get("aliases", []):
                for entity in self.entities.values():
                    names = {fold_text(n) for n in [entity.get("name")] + list(entity.get("aliases", [])) if n}
                    if fold_text(alias) in names:
                        owners_of_gold[gold_entity["name"]].add(entity["id"])
                        gold_of_owner[entity["id"]].add(gold_entity["name"])
        merged = 0
        for gold_entity in self.gold_entities:
            if len(owners_of_gold[gold_entity["name"]]) == 1:
                merged += 1
            else:
                self.misses.append(f"entity {gold_entity['name']}: {len(owners_of_gold[gold_entity['name']])} entities")
        over = [owner for owner, golds in gold_of_owner.items() if len(golds) > 1]
        for owner in over:
            self.misses.append(f"over-merged {self.entities[owner]['name']}: {sorted(gold_of_owner[owner])}")
        return {"entity_merge": merged / max(1, len(self.gold_entities)), "entity_overmerged": len(over)}

    # -- statements
    def statement_scores(self) -> dict[str, Any]:
        statements = self.dossier.get("statements", [])
        gold_statements = self.gold.get("statements") or []
        found = speaker_ok = mode_ok = polarity_n = polarity_ok = 0
        gold_sentences: dict[str, list[Span]] = defaultdict(list)
        for item in gold_statements:
            located = self.anchor(item["doc"], item["anchor"])
            if not located:
                self.misses.append(f"statement anchor not in document: {item['anchor']!r}")
                continue
            doc, span = located
            gold_sentences[doc["id"]].append(sentence_around(doc["text"], span))
            hits = [s for s in statements if s.get("doc") == doc["id"]
                    and _overlap((s["start"], s["end"]), span) >= 0.5 * (span[1] - span[0])]
            if not hits:
                self.misses.append(f"statement missed: {item['anchor']!r}")
                continue
            found += 1
            golds = item["speaker"] if isinstance(item["speaker"], list) else [item["speaker"]]
            if any(any(names_match(self.speaker_names(h), g, self.gold_entities) for g in golds) for h in hits):
                speaker_ok += 1
            else:
                self.misses.append(f"speaker of {item['anchor']!r}: {[self.speaker_names(h)[0] for h in hits]} not {golds}")
            if any(h.get("mode") == item.get("mode") for h in hits):
                mode_ok += 1
            if item.get("polarity"):
                polarity_n += 1
                polarity_ok += any(h.get("polarity") == item["polarity"] for h in hits)
        inside = sum(1 for s in statements
                     if any(_overlap((s["start"], s["end"]), g) > 0 for g in gold_sentences.get(s.get("doc"), [])))
        n = max(1, len(gold_statements))
        scores = {
            "statement_recall": found / n,
            "speaker_accuracy": speaker_ok / n,
            "statement_precision_lenient": inside / len(statements) if statements else 0.0,
            "statement_mode_accuracy": mode_ok / n,
        }
        if polarity_n:
            scores["statement_polarity_accuracy"] = polarity_ok / polarity_n
        return scores

    # -- events
    def event_scores(self) -> dict[str, Any]:
        events = self.dossier.get("events", [])
        gold_events = self.gold.get("events") or []
        correct = 0
        for item in gold_events:
            located = self.anchor(item["doc"], item["anchor"])
            if not located:
                self.misses.append(f"event anchor not in document: {item['anchor']!r}")
                continue
            doc, span = located
            sentence = sentence_around(doc["text"], span)
            values = [str((e.get("time") or {}).get("value") or "") for e in events
                      if e.get("doc") == doc["id"] and _overlap((e["start"], e["end"]), sentence) > 0]
            if any(_date_matches(v, str(item["date"]), item.get("tolerance_months")) for v in values):
                correct += 1
            else:
                self.misses.append(f"event {item['anchor']!r}: want {item['date']}, got {values}")
        return {"event_date_accuracy": correct / max(1, len(gold_events))}

    # -- claims
    def claim_scores(self) -> dict[str, Any]:
        claims = self.dossier.get("claims", [])
        index = [(m.get("doc"), (m["start"], m["end"]), c["id"], m.get("stance"), m.get("origin"))
                 for c in claims for m in c.get("mentions", [])]
        sides = []
        origin_sides: list[tuple[str, str, str, set[str]]] = []
        stance_ok = stance_n = 0
        for claim in self.gold.get("claims") or []:
            for side in claim.get("sides", []):
                located = self.anchor(side["doc"], side["anchor"])
                if not located:
                    continue
                doc, span = located
                hits = [m for m in index if m[0] == doc["id"] and _overlap(m[1], span) >= 0.5 * (span[1] - span[0])]
                stance_n += 1
                if any(m[3] == side["stance"] for m in hits):
                    stance_ok += 1
                else:
                    self.misses.append(f"claim side {side['anchor']!r}: stance {[m[3] for m in hits]} not {side['stance']}")
                sides.append((claim["id"], {m[2] for m in hits}, (side["doc"], side["anchor"])))
                if side.get("origin") and hits:
                    origin_sides.append((claim["id"], side["stance"], side["origin"], {m[4] for m in hits}))
        same = same_ok = 0
        golds_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        for gold_id, _, key in sides:
            golds_of[key].add(gold_id)
        different = different_ok = 0
        for i, a in enumerate(sides):
            for b in sides[i + 1:]:
                if a[0] == b[0]:
                    same += 1
                    same_ok += bool(a[1] & b[1])
                elif not (golds_of[a[2]] & golds_of[b[2]]) and a[1] and b[1]:
                    different += 1
                    different_ok += not (a[1] & b[1])
        origins_ok = origins_n = counts_ok = counts_n = 0
        for claim in self.gold.get("claims") or []:
            ids = set().union(*[s[1] for s in sides if s[0] == claim["id"]] or [set()])
            wanted = claim.get("independent_origins")
            if wanted:
                origins_n += 1
                if _origins_match(claims, ids, wanted):
                    origins_ok += 1
                else:
                    self.misses.append(f"origins of claim {claim['id']}: want {wanted}")
            if len(claim.get("sides", [])) >= 2 and ids:
                counts_n += 1
                wanted_counts = origin_counts_of_sides(claim["sides"])
                if _origins_match(claims, ids, wanted_counts):
                    counts_ok += 1
                else:
                    got = [{k: len(v) for k, v in (c.get("origins") or {}).items()} for c in claims if c["id"] in ids]
                    self.misses.append(f"origin counts of claim {claim['id']}: want {wanted_counts}, claims holding its sides count {got}")
        return {
            "claim_grouping_recall": same_ok / max(1, same),
            "claim_grouping_precision": different_ok / different if different else (1.0 if same_ok else 0.0),
            "claim_stance_accuracy": stance_ok / max(1, stance_n),
            "independent_origins_accuracy": origins_ok / max(1, origins_n),
            "origin_counts_accuracy": counts_ok / max(1, counts_n),
            **origin_identity(origin_sides),
        }

    # -- provenance and boilerplate
    def provenance_scores(self) -> dict[str, Any]:
        edges = self.dossier.get("provenance", [])
        wanted = self.gold.get("provenance") or []
        ok = 0
        for item in wanted:
            doc = self.docs.get(item["doc"])
            last = fold_text(item["cites"]).split()[-1]
            if doc and any(p.get("doc") == doc["id"] and last in fold_text(str(p.get("cites"))) for p in edges):
                ok += 1
            else:
                self.misses.append(f"provenance {item['doc']} cites {item['cites']}")
        return {"provenance_recall": ok / max(1, len(wanted))}

    def boilerplate_scores(self) -> dict[str, Any]:
        leaks = 0
        produced = self.dossier.get("statements", []) + self.dossier.get("events", [])
        for item in self.gold.get("boilerplate") or []:
            doc = self.docs.get(item["doc"])
            if not doc:
                continue
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(item["anchor"]), doc["text"])]
            for record in produced:
                if record.get("doc") == doc["id"] and any(_overlap((record["start"], record["end"]), s) > 0 for s in spans):
                    leaks += 1
                    self.misses.append(f"boilerplate leak: {item['anchor']!r}")
        return {"boilerplate_leaks": leaks}


def _origins_match(claims: list[Mapping[str, Any]], ids: set[str], wanted: Mapping[str, int]) -> bool:
    """Whether one of the predicted claims `ids` counts exactly the wanted origins per stance."""
    return any(all(len((c.get("origins") or {}).get(k, [])) == v for k, v in wanted.items())
               for c in claims if c["id"] in ids)


def origin_counts_of_sides(sides: list[Mapping[str, Any]]) -> dict[str, int]:
    """Independent origins per stance as a claim's gold sides name them (distinct origin names; a
    stance without sides wants none), for gold claims that give no `independent_origins`."""
    found: dict[str, set[str]] = {"supports": set(), "denies": set()}
    for side in sides:
        found.setdefault(side["stance"], set()).add(_bare_name(side.get("origin") or ""))
    return {stance: len(names) for stance, names in found.items()}


def origin_identity(sides: list[tuple[str, str, str, set[str]]]) -> dict[str, float]:
    """Whether one source keeps one origin within a claim, pairwise over same-stance gold sides of a
    gold claim: recall over pairs with the same gold origin (they should share a predicted origin),
    precision over pairs whose gold origins share no word (they should not)."""
    same = same_ok = different = different_ok = 0
    for i, (claim, stance, origin, predicted) in enumerate(sides):
        for other_claim, other_stance, other_origin, other_predicted in sides[i + 1:]:
            if claim != other_claim or stance != other_stance:
                continue
            if _bare_name(origin) == _bare_name(other_origin):
                same += 1
                same_ok += bool(predicted & other_predicted)
            elif not _origin_words(origin) & _origin_words(other_origin):
                different += 1
                different_ok += not predicted & other_predicted
    return {"origin_identity_recall": same_ok / same if same else 1.0,
            "origin_identity_precision": different_ok / different if different else 1.0}


def _origin_words(name: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold_text(name))) - ORIGIN_FILLER_WORDS


def _date_matches(value: str, gold: str, tolerance_months: int | None) -> bool:
    if tolerance_months and len(value) >= 7 and len(gold) >= 7 and value[:4].isdigit() and value[5:7].isdigit():
        months = (int(value[:4]) - int(gold[:4])) * 12 + int(value[5:7]) - int(gold[5:7])
        return abs(months) <= tolerance_months
    return value[:len(gold)] == gold


def evaluate(dossier: Mapping[str, Any], gold: Mapping[str, Any], texts: Mapping[str, str] | None = None) -> EvaluationReport:
    """Every metric of the gold format for one dossier."""
    scorer = _Scorer(dossier, gold, texts or {})
    scores: dict[str, Any] = {"documents_matched": f"{len(scorer.docs)}/{len(gold.get('documents') or {})}"}
    for part in (scorer.entity_scores, scorer.statement_scores, scorer.event_scores, scorer.claim_scores,
                 scorer.provenance_scores, scorer.boilerplate_scores):
        scores.update(part())
    return EvaluationReport(scores=scores, misses=scorer.misses)


DOSSIER_LISTS = ("documents", "entities", "statements", "events", "claims", "provenance")


def _read_json(path: Path) -> Mapping[str, Any]:
    """The dossier, or a bad_dossier error saying in one line why it is none."""
    try:
        dossier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StorytraceError("bad_dossier", f"cannot read dossier ({_one_line(exc)})", str(path)) from None
    if not isinstance(dossier, dict) or not isinstance(dossier.get("documents"), list):
        raise StorytraceError("bad_dossier", "is not a storytrace dossier (no 'documents' list)", str(path))
    for key in DOSSIER_LISTS:
        if not isinstance(dossier.get(key, []), list) or not all(isinstance(r, dict) for r in dossier.get(key, [])):
            raise StorytraceError("bad_dossier", f"is not a storytrace dossier ('{key}' must be a list of objects)",
                                  str(path))
    return dossier


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _read_gold(path: Path) -> Mapping[str, Any]:
    import yaml

    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise StorytraceError("bad_gold", f"cannot read gold file ({_one_line(exc)})", str(path)) from None
    if not isinstance(gold, dict) or "documents" not in gold:
        raise StorytraceError("bad_gold", "gold file has no 'documents' section", str(path))
    return gold


def _gold_texts(gold: Mapping[str, Any], gold_path: Path, docs_dir: Path | None) -> dict[str, str]:
    """Texts of the gold documents, from --docs, else beside the gold file or in ../samples."""
    folders = [docs_dir] if docs_dir else [gold_path.parent, gold_path.parent / "samples", gold_path.parent.parent / "samples"]
    texts = {}
    for key, meta in (gold.get("documents") or {}).items():
        for folder in folders:
            candidate = folder / str(meta.get("file", ""))
            if candidate.is_file():
                texts[key] = candidate.read_text(encoding="utf-8")
                break
    return texts


def evaluate_files(dossier_path: Path, gold_path: Path, docs_dir: Path | None = None) -> EvaluationReport:
    """The scores of a dossier file against a gold file; a malformed record in either is one error."""
    gold = _read_gold(gold_path)
    dossier = _read_json(dossier_path)
    try:
        return evaluate(dossier, gold, _gold_texts(gold, gold_path, docs_dir))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise StorytraceError("bad_input", f"a record of the dossier or the gold file is malformed "
                                           f"({type(exc).__name__}: {_one_line(exc)})", str(dossier_path)) from None
