"""Shared fixtures: the spaCy pipeline and the sample story's dossier are built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "putin-veto"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from storytrace.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_dossier():
    from storytrace.pipeline import analyze_paths

    dossier, _ = analyze_paths([EXAMPLES])
    return dossier


@pytest.fixture(scope="session")
def sample_dossier_json(sample_dossier):
    from storytrace.schema import dumps

    return json.loads(dumps(sample_dossier))


@pytest.fixture(scope="session")
def dossier_schema():
    return json.loads((ROOT / "storytrace" / "data" / "dossier.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """text -> DocumentAnalysis for one in-memory article (published date optional)."""
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_document

    def run(text: str, published: str | None = "2020-06-18", **meta):
        document = make_document(text, "test.txt", {"published": published, **meta}, IngestOptions())
        return analyze_document(nlp(__import__("storytrace.nlp", fromlist=["x"]).text_for_parsing(text)), document)

    return run
