"""MEANTIME (120 Wikinews articles, 488 gold TIMEX3) scored TempEval-3 style; pinned minimums.

Measured (benchmarks/timex_eval.py): strict F1 0.889, relaxed F1 0.939, value F1 0.852,
value accuracy 0.906, type accuracy 0.938. The minimums sit just below.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark():
    """Import benchmarks/timex_eval.py by path (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "timex_eval.py"
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("timex_eval", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def meantime_result():
    from storytrace.meantime import default_meantime_dir

    bench = _load_benchmark()
    documents = bench.meantime_documents()
    if not documents:
        pytest.skip(f"MEANTIME not found at {default_meantime_dir()}; it ships in ../shared/eval/meantime")
    result, _ = bench.evaluate(documents)
    return result


def test_meantime_extent(meantime_result) -> None:
    assert meantime_result["gold"] == 488
    assert meantime_result["strict"]["f1"] >= 0.87
    assert meantime_result["relaxed"]["f1"] >= 0.92
    assert meantime_result["relaxed"]["precision"] >= 0.94


def test_meantime_value(meantime_result) -> None:
    assert meantime_result["value"]["f1"] >= 0.83
    assert meantime_result["value_accuracy"] >= 0.89
    assert meantime_result["type_accuracy"] >= 0.92


def test_relaxed_matching_is_one_to_one() -> None:
    bench = _load_benchmark()
    gold = [bench.Span(0, 10, "", "DATE", "2016"), bench.Span(12, 20, "", "DATE", "2017")]
    predicted = [bench.Span(0, 20, "", "DATE", "2016")]
    assert len(bench.match_relaxed(gold, predicted)) == 1


def test_tml_parsing_and_scoring() -> None:
    bench = _load_benchmark()
    source = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-06-18" functionInDocument="CREATION_TIME">'
              'June 18, 2020</TIMEX3></DCT><TEXT>He spoke <TIMEX3 tid="t1" type="DATE" value="2020-06-17">'
              'on Wednesday</TIMEX3> and &amp; in <TIMEX3 tid="t2" type="DATE" value="1988">1988</TIMEX3>.'
              '</TEXT></TimeML>')
    doc = bench.parse_tml(source, "x")
    assert doc.dct == "2020-06-18"
    assert [(g.text, g.value) for g in doc.gold] == [("on Wednesday", "2020-06-17"), ("1988", "1988")]
    result, _ = bench.evaluate([doc])
    assert result["relaxed"]["f1"] == 1.0 and result["value"]["f1"] == 1.0
    assert result["strict"]["recall"] == 0.5
