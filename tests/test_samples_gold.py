"""The sample story end to end: the dossier validates against the JSON contract and scores at
least the pinned minimums against its gold annotations (own evaluator, and the shared reference
scorer when ../shared is present)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, SHARED

pytestmark = pytest.mark.slow

# Pins sit at (just under) what the build achieves, so a regression on the samples fails here
# first. Issue targets: statements 0.90 / speakers 0.85 / merge 0.90 (met); events 0.90 (met);
# claims grouping recall 0.80 / precision 0.90 (neither met yet: pinned at today's level, 0.462 /
# 0.822 since the link model lost its same-document feature, 0.487 / 0.870 before; this one
# story's grouping swings with small changes of the link model, see README) /
# stance 0.90 (met) / independent origins 1.0 (met: two supporting, two denying on the veto claim).
MINIMUMS = {
    "statement_recall": 0.97,
    "speaker_accuracy": 0.97,
    "entity_merge": 1.0,
    "event_date_accuracy": 0.9,
    "claim_grouping_recall": 0.46,
    "claim_grouping_precision": 0.80,
    "claim_stance_accuracy": 0.90,
    "provenance_recall": 1.0,
    "independent_origins_accuracy": 1.0,
}
EXACT = {"entity_overmerged": 0, "boilerplate_leaks": 0}


def test_dossier_validates_against_contract(sample_dossier_json, dossier_schema):
    import jsonschema

    jsonschema.validate(sample_dossier_json, dossier_schema)


def test_every_span_points_into_its_document(sample_dossier_json):
    texts = {d["id"]: d["text"] for d in sample_dossier_json["documents"]}
    for statement in sample_dossier_json["statements"]:
        text = texts[statement["doc"]]
        assert 0 <= statement["start"] < statement["end"] <= len(text)
        assert text[statement["start"]:statement["end"]] == statement["text"]
        assert text[statement["cue_start"]:statement["cue_end"]] == statement["cue"]
        speaker = statement["speaker"]
        assert 0 <= speaker["start"] < speaker["end"] <= len(text)
    for entity in sample_dossier_json["entities"]:
        for mention in entity["mentions"]:
            surface = texts[mention["doc"]][mention["start"]:mention["end"]]
            assert surface.strip() == surface and surface
    for event in sample_dossier_json["events"]:
        text = texts[event["doc"]]
        time = event["time"]
        assert text[time["start"]:time["end"]] == time["text"]
        assert event["start"] <= time["start"] and time["end"] <= event["end"]
    for claim in sample_dossier_json["claims"]:
        for mention in claim["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(texts[mention["doc"]])
        for variant in claim.get("variants", ()):
            for value in variant["values"]:
                assert texts[value["doc"]][value["start"]:value["end"]] == value["text"]
    assert any(claim.get("variants") for claim in sample_dossier_json["claims"])  # '1948' / '1967'


def test_sample_scores_meet_minimums(sample_dossier_json):
    import yaml

    from storytrace.evaluate import evaluate

    gold = yaml.safe_load((EXAMPLES / "gold.yaml").read_text(encoding="utf-8"))
    scores = evaluate(sample_dossier_json, gold).scores
    for metric, minimum in MINIMUMS.items():
        assert scores[metric] >= minimum, (metric, scores[metric])
    for metric, value in EXACT.items():
        assert scores[metric] == value, (metric, scores[metric])


@pytest.mark.skipif(not (SHARED / "eval" / "score_dossier.py").exists(),
                    reason="../shared/eval/score_dossier.py is absent (a user's machine); CI has it")
def test_reference_scorer_agrees(sample_dossier_json, tmp_path):
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(sample_dossier_json), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_dossier.py"), str(path), str(SHARED / "eval" / "seeds.yaml"),
         str(SHARED / "samples"), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    for metric, minimum in MINIMUMS.items():
        assert scores[metric] >= minimum, (metric, scores[metric])
    for metric, value in EXACT.items():
        assert scores[metric] == value, (metric, scores[metric])


def _hard_wrapped(text: str) -> str:
    import textwrap

    return "\n".join(textwrap.fill(line, 72, break_on_hyphens=False, break_long_words=False) if line.strip()
                     else line for line in text.split("\n"))


def _as_markdown(text: str) -> str:
    lines = ["> " + line if line.startswith(("\"", "“")) else line for line in text.split("\n")]
    lines[0] = "# " + lines[0]
    return "\n".join(lines).replace("Israel Hayom", "[Israel Hayom](https://www.israelhayom.com/)") \
        .replace("New York Times Magazine", "*New York Times Magazine*").replace("Maria Zakharova", "**Maria Zakharova**")


@pytest.mark.parametrize("rewrite", [_hard_wrapped, _as_markdown], ids=["hard-wrapped", "markdown"])
def test_the_sample_rewritten_reads_as_the_original(sample_dossier, tmp_path, rewrite):
    """Plain text wrapped at 72 columns (e-mail, wire copy, PDF text) and the text with Markdown
    markup (a scraper's output) yield the same statements, timeline and provenance as the articles
    with a paragraph per line."""
    import shutil

    from storytrace.pipeline import analyze_paths

    for path in EXAMPLES.iterdir():
        if path.suffix == ".txt":
            (tmp_path / path.name).write_text(rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")
        elif path.name.endswith(".meta.json"):
            shutil.copy(path, tmp_path / path.name)
    dossier, ingested = analyze_paths([tmp_path])
    assert not ingested.skipped

    def said(d):
        return sorted((s.speaker.name, " ".join(s.text.split()), s.polarity, s.mode) for s in d.statements)

    def dated(d):
        return sorted((" ".join(e.text.split()).rstrip(",;"), e.time.value if e.time else None) for e in d.events)

    assert said(dossier) == said(sample_dossier)
    assert dated(dossier) == dated(sample_dossier)
    assert sorted(p.cites for p in dossier.provenance) == sorted(p.cites for p in sample_dossier.provenance)
