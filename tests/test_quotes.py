"""Quotation finding on raw text: no model needed."""

import pytest

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
     ('"we wanted to convey to you our reservations"', True)],
)
def test_full_quotes_versus_scare_quotes(text, full):
    (quote,) = find_quotes(text)
    assert is_full_quote(text, quote) is full
