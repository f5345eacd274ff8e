"""The command line: outputs written, one line per skipped input, documented exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "putin-veto"
ARTICLE = (
    "Port deal denied\n"
    "The transport minister, Ana Reyes, on Tuesday denied a report that the port had been sold. "
    "\"No contract was signed,\" Reyes told reporters. Officials said talks would resume next month.\n"
)

pytestmark = pytest.mark.slow


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_analyze_writes_every_format_and_exits_zero(tmp_path):
    out = tmp_path / "out"
    result = run("analyze", str(EXAMPLES), "--out", str(out))
    assert result.exit_code == EXIT_OK, result.output
    for name in ("dossier.json", "report.md", "report.html"):
        assert (out / name).stat().st_size > 0
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["format"] == "storytrace-dossier" and len(dossier["documents"]) == 2
    assert "2 documents" in result.output


def test_analyze_skips_bad_input_and_says_so(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == EXIT_SKIPPED
    lines = [line for line in result.stderr.splitlines() if line]
    assert any(str(tmp_path / "empty.txt") in line and "empty" in line for line in lines)
    assert any(str(tmp_path / "blob.txt") in line and "binary" in line for line in lines)
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert [d["source"] for d in dossier["documents"]] == [str(tmp_path / "good.txt")]
    assert any(s["speaker"]["name"] == "Ana Reyes" for s in dossier["statements"])


def test_analyze_with_nothing_readable_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_FAILED
    assert "no document could be analysed" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--out", "x"],
        ["analyze", "a.txt", "--out", "x", "--format", "pdf"],
        ["analyze", "a.txt", "--out", "x", "--workers", "0"],
        ["timex", "a.txt", "--dct", "18/06/2020"],
        ["stance", "--claim", "only a claim"],
    ],
)
def test_bad_usage_exits_two(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_USAGE, result.output


def test_evaluate_scores_the_sample_dossier(tmp_path):
    out = tmp_path / "out"
    assert run("analyze", str(EXAMPLES), "--out", str(out), "--format", "json").exit_code == EXIT_OK
    result = run("evaluate", str(out / "dossier.json"), str(EXAMPLES / "gold.yaml"), "--docs", str(EXAMPLES), "--json")
    scores = json.loads(result.output)
    assert scores["statement_recall"] >= 0.9 and scores["entity_overmerged"] == 0


def test_timex_prints_offsets_into_the_file(tmp_path):
    path = tmp_path / "a.txt"
    text = "Talks collapsed\nThe minister resigned on Wednesday night, a year and a half after taking office.\n"
    path.write_text(text, encoding="utf-8")
    result = run("timex", str(path), "--dct", "2020-06-18")
    found = json.loads(result.output)
    assert {"start", "end", "text", "type", "value"} == set(found[0])
    for item in found:
        assert text[item["start"]:item["end"]] == item["text"]
    assert any(t["text"].endswith("Wednesday night") and t["value"].startswith("2020-06-17") for t in found)


def test_stance_one_pair_and_jsonl(tmp_path):
    single = json.loads(run("stance", "--claim", "The mayor resigned", "--text", "Mayor denies he will quit").output)
    assert single["stance"] == "denies" and 0 <= single["score"] <= 1
    lines = tmp_path / "pairs.jsonl"
    lines.write_text('{"claim": "The mayor resigned", "text": "Did the mayor resign?"}\n\nnot json\n'
                     '{"claim": "The mayor resigned", "text": "Mayor steps down after scandal"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["stance", "--jsonl", str(lines)])
    assert result.exit_code == EXIT_SKIPPED
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("stance") for r in records] == ["neutral", None, "supports"]
    assert (records[1]["record"], records[1]["line"]) == (2, 3)  # a blank line is no record
    assert "record 2 (line 3)" in result.stderr


def test_stance_reports_a_lone_surrogate_as_that_records_error(tmp_path):
    lines = tmp_path / "pairs.jsonl"
    lines.write_text('{"claim": "The mayor resigned", "text": "Bad \\ud800 text"}\n'
                     '{"claim": "The mayor resigned", "text": "Mayor steps down after scandal"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["stance", "--jsonl", str(lines)])
    assert result.exit_code == EXIT_SKIPPED
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0] == {"record": 1, "line": 1, "error": "claim or text is not valid Unicode (an unpaired surrogate)"}
    assert records[1]["stance"] == "supports"


@pytest.mark.parametrize(("dossier", "gold", "reason"), [
    ('{"documents": 5}', "documents: {}\n", "is not a storytrace dossier (no 'documents' list)"),
    ('{"documents": [], "claims": [1]}', "documents: {}\n", "is not a storytrace dossier ('claims' must be a list of objects)"),
    ('{"documents": []}', "claims: [\n", "cannot read gold file (while parsing a flow node"),
])
def test_evaluate_names_a_malformed_input_in_one_line(tmp_path, dossier, gold, reason):
    (tmp_path / "d.json").write_text(dossier, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(gold, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "d.json"), str(tmp_path / "g.yaml")])
    assert result.exit_code == EXIT_FAILED
    [line] = result.stderr.splitlines()
    assert reason in line
