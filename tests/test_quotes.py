"""Quotation finding on raw text: no model needed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.extract.quotes import find_quotes, is_full_quote


def inner_texts(text):
    return [text[q.inner_start:q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ('“I don’t know," he said. "It is false,” he added.', ["I don’t know,", "It is false,"]),
        ('calling it "disinformation," "absurd allegations" and "absolutely fantastic."',
         ["disinformation,", "absurd allegations", "absolutely fantastic."]),
        ("Kislyak added: “So we are not going to support it.”", ["So we are not going to support it."]),
        ("‘We will fight on,’ she said.", ["We will fight on,"]),
        ("He doesn’t know, and they won’t say.", []),
        ('"First paragraph of a long quote\n"Second paragraph."', ["First paragraph of a long quote", "Second paragraph."]),
        ("The 5” screen and the 7” screen", []),
        # a single-mark quote its paragraph leaves open goes on in the next one; apostrophes are no marks
        ("'We will fight on,' said Greer, who chairs the island's council. 'People missed appointments.\n\n"
         "'Some had waited months.'", ["We will fight on,", "People missed appointments.", "Some had waited months."]),
        ("The '90s were good and the O'Neills' car is red.", []),
    ],
)
def test_find_quotes(text, expected):
    assert inner_texts(text) == expected


def test_quote_offsets_point_into_text():
    text = 'Flynn responded: "Okay, that\'s good."'
    (quote,) = find_quotes(text)
    assert text[quote.start] == '"' and text[quote.end - 1] == '"'
    assert text[quote.inner_start:quote.inner_end] == "Okay, that's good."


@pytest.mark.parametrize(
    "text, full",
    [('"disinformation"', False), ('"in a closed meeting"', False), ('"Okay, that\'s good."', True),
     ('"we wanted to convey to you our reservations"', True),
     # a one-word answer is an utterance; a one-word name is not
     ('"No," she said', True), ('"Yes."', True), ('"Brexit"', False), ('"No"', False)],
)
def test_full_quotes_versus_scare_quotes(text, full):
    (quote,) = find_quotes(text)
    assert is_full_quote(text, quote) is full


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rest of the paragraph after 'reads:', then the lines that go on in the first person
        ("Apple released Jobs's email, which reads: Team, at my request the board granted me leave.\n"
         "I will continue as CEO.\nThe shares fell 3 percent on Monday.\n",
         ["Team, at my request the board granted me leave.", "I will continue as CEO."]),
        # a colon that ends the paragraph: the next paragraph is the statement
        ("The ministry said in a statement:\nThe plant will remain closed until the inspection ends.\n"
         "Residents were told to boil water.\n", ["The plant will remain closed until the inspection ends."]),
        # a paragraph with an attribution of its own ends the block
        ("The mayor said: the budget is balanced.\nI will not raise taxes, she added later.\n",
         ["the budget is balanced."]),
        # a real quotation, a time, a name, a link label and 'added to' are no block
        ('The mayor said: "The budget is balanced."\n', []),
        ("The plan followed the 12:00 UTC announcement.\n", []),
        ("President of the United States Barack Obama presented a plan following the 12:00 announcement.\n", []),
        ("Read more: the plant closed in May.\n", []),
        ("On the spending the auditor has added to the loss: that money was spent on tenants.\n", []),
    ],
)
def test_text_set_out_after_a_colon_is_quoted_without_marks(text, expected):
    from storytrace.extract.quotes import block_quotes

    found = block_quotes(text, find_quotes(text))
    assert [text[q.inner_start:q.inner_end] for q in found] == expected
    assert all(q.start == q.inner_start and q.end == q.inner_end for q in found)


@given(st.text(alphabet=st.sampled_from(list("ab I my said: reads.\n\"")), max_size=200))
def test_block_quotes_stay_inside_the_text_and_do_not_overlap(text):
    from storytrace.extract.quotes import block_quotes

    found = block_quotes(text, find_quotes(text))
    assert all(0 <= q.start < q.end <= len(text) for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
