"""Gold-scored regression stories written for the project (tests/data/stories/*/gold.yaml): each
must keep at least the pinned statement, speaker and entity figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from storytrace.evaluate import evaluate
from storytrace.pipeline import analyze_paths
from storytrace.schema import dumps

STORIES = Path(__file__).parent / "data" / "stories"
MINIMUMS = {"statement_recall": 0.95, "speaker_accuracy": 0.95, "entity_merge": 0.95}

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if (p / "gold.yaml").exists()))
def test_story_meets_minimums(story):
    folder = STORIES / story
    dossier, ingested = analyze_paths([folder])
    assert not ingested.skipped
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    report = evaluate(json.loads(dumps(dossier)), gold)
    for metric, minimum in MINIMUMS.items():
        assert report.scores[metric] >= minimum, (metric, report.scores[metric], report.misses)
    assert report.scores["entity_overmerged"] == 0, report.misses
    assert report.scores["boilerplate_leaks"] == 0, report.misses
