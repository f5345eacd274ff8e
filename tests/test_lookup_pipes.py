"""The attribute ruler and lemmatizer tables give exactly what spaCy's stock components give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace import lookup_pipes
from storytrace.nlp import MODEL_CANDIDATES, load_nlp


def _plain_model():
    import spacy

    for name in MODEL_CANDIDATES:
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    pytest.skip("no spaCy English model installed")


@pytest.fixture(scope="module")
def stock():
    """The plain model, with spaCy's own attribute_ruler and lemmatizer."""
    return _plain_model()


@pytest.fixture(scope="module")
def tabled():
    """The plain model with the two tables installed, and nothing else changed."""
    nlp = _plain_model()
    assert lookup_pipes.install(nlp) == ["attribute_ruler", "lemmatizer"]
    return nlp


def test_our_pipeline_runs_both_tables():
    names = load_nlp().pipe_names
    assert "storytrace_attribute_table" in names and "storytrace_lemma_table" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "\n\nTwo paragraphs.\n\n  Indented,\tand tabbed.",
    "I'm gonna go, y'all. Let's see if it ain't so! Gotta run. C'mon now.",
    "He gets it; she got it. It was you who told it to me, and I told you.",
    "There is a dog. There's a cat; there are two. But that is what those are.",
    "Do you have it? He did. They had had it before anybody else did.",
    "Something, nothing, everybody and somebody: whether or not, although it rained.",
    "The U.S. Pres. said the resolutions were vetoed by Russia's envoys in 2016.",
    "Running, ran, runs; better, best; mice and geese were seen by the children.",
])
def test_same_annotations_as_stock(stock, tabled, text):
    assert lookup_pipes.same_annotations(stock(text), tabled(text))


TRICKY = ("I you it he she gonna gotta let 's y' all ai n't c'm on do does did 'd have has had is are was "
          "were there that this those a an the but if so since gets got running mice better ' , . ? ! "
          "\n \t Russia Obama vetoed resolutions").split(" ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), min_size=1, max_size=25))
def test_same_annotations_on_any_word_sequence(stock, tabled, words):
    text = " ".join(words)
    assert lookup_pipes.same_annotations(stock(text), tabled(text))


def test_forgetting_the_remembered_combinations_changes_nothing(stock, tabled, monkeypatch):
    monkeypatch.setattr(lookup_pipes, "MAX_REMEMBERED", 3)
    text = "Netanyahu said he asked Putin to block it; Russia's envoy didn't say whether it would."
    assert lookup_pipes.same_annotations(stock(text), tabled(text))


def test_a_rule_the_table_cannot_express_keeps_the_stock_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"POS": "ADJ"})
    with pytest.raises(lookup_pipes.UnsupportedRule):
        lookup_pipes.AttributeTable(ruler)
    assert lookup_pipes.install(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp("big big dog")[0].pos_ == "ADJ"
