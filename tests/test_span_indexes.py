"""The span indexes that keep long documents from quadratic scans find exactly what a scan of every span finds."""

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.extract.propositions import _covered, _Taken
from storytrace.extract.statements import _Spans

SPANS = st.lists(st.tuples(st.integers(0, 6000), st.integers(1, 3000)).map(lambda p: (p[0], p[0] + p[1])), max_size=40)


@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, 9000), st.data())
def test_drafts_holding_a_position_are_those_a_scan_finds(spans, position, data):
    drafts = [SimpleNamespace(start=s, end=e) for s, e in spans]
    index = _Spans(drafts)
    cut = [None if data.draw(st.booleans()) else SimpleNamespace(start=d.start, end=max(d.start + 1, d.end - 500))
           for d in drafts]  # slots emptied or contents cut short after the index was made
    assert index.holding(position) == [i for i, d in enumerate(drafts) if d.start <= position < d.end]
    assert index.holding(position, cut) == [i for i, d in enumerate(cut) if d is not None and d.start <= position < d.end]


@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, 9000), st.integers(1, 4000))
def test_uncovered_parts_are_those_of_every_span(spans, start, length):
    end = start + length
    assert _covered(_Taken(spans).meeting(start, end), start, end) == _covered(spans, start, end)
