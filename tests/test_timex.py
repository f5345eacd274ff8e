"""Rule-based temporal tagger: extents, types and TIMEX3 values on small news-like cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.extract.timex import estimate_published, tag_timexes

DCT = "2020-06-18"  # a Thursday (the sample story's publication date)

FLYNN = ("Resolution 2334 was adopted by the Security Council on December 23, 2016. "
         "The transcripts show that on December 29, 2016, just days after Resolution 2334 was passed, "
         "the ambassador called.")

CASES = [
    # absolute dates in the common formats
    ("It began on November 24, 2016.", DCT, [("November 24, 2016", "DATE", "2016-11-24")]),
    ("It began Nov. 24, 2016.", DCT, [("Nov. 24, 2016", "DATE", "2016-11-24")]),
    ("It began on 24 November 2016.", DCT, [("24 November 2016", "DATE", "2016-11-24")]),
    ("Filed 2016-11-24 in court.", DCT, [("2016-11-24", "DATE", "2016-11-24")]),
    ("Filed 11/24/2016 in court.", DCT, [("11/24/2016", "DATE", "2016-11-24")]),
    # ISO order with slashes or dots, Europe's dotted day-first dates, a filing's 24-Nov-2016
    ("Filed 2016/11/24 in court.", DCT, [("2016/11/24", "DATE", "2016-11-24")]),
    ("Filed 2016.11.24 in court.", DCT, [("2016.11.24", "DATE", "2016-11-24")]),
    ("The vote was held on 24.11.2016 in the hall.", DCT, [("24.11.2016", "DATE", "2016-11-24")]),
    ("The vote was held on 3.2.2016 in the hall.", DCT, [("3.2.2016", "DATE", "2016-02-03")]),
    ("Order dated 24-Nov-2016.", DCT, [("24-Nov-2016", "DATE", "2016-11-24")]),
    ("Order dated 4-Mar-09.", DCT, [("4-Mar-09", "DATE", "2009-03-04")]),
    ("Version 1.2.2016 of the software and the 2016/11/24/x path.", DCT, []),
    # a day-first date when the US order would put a past event after the publication date
    ("The vote was held on 10/03/2026.", "2026-03-11", [("10/03/2026", "DATE", "2026-03-10")]),
    ("The vote was held on 03/10/2026.", "2026-03-11", [("03/10/2026", "DATE", "2026-03-10")]),
    ("The vote will be held on 10/03/2026.", "2026-03-11", [("10/03/2026", "DATE", "2026-10-03")]),
    # a day of the month alone: of this month or the one before (the next one for the future)
    ("It ended on the 28th.", "2026-03-11", [("the 28th", "DATE", "2026-02-28")]),
    ("We met on the 3rd and again on the 9th.", "2026-03-11",
     [("the 3rd", "DATE", "2026-03-03"), ("the 9th", "DATE", "2026-03-09")]),
    ("The vote will be held on the 28th.", "2026-03-11", [("the 28th", "DATE", "2026-03-28")]),
    ("He lives on the 5th floor.", "2026-03-11", []),
    # a present-tense date is a scheduled one; the past tense keeps the past reading
    ("The vote is on the 28th.", "2026-03-11", [("the 28th", "DATE", "2026-03-28")]),
    ("The hearing is on Thursday.", "2026-03-11", [("Thursday", "DATE", "2026-03-12")]),
    ("The hearings are Friday.", "2026-03-11", [("Friday", "DATE", "2026-03-13")]),
    ("The hearing was on Thursday.", "2026-03-11", [("Thursday", "DATE", "2026-03-05")]),
    ("The vote was on Nov 24.", "2016-12-01", [("Nov 24", "DATE", "2016-11-24")]),
    ("The tour arrives on January 5.", "2016-12-20", [("January 5", "DATE", "2017-01-05")]),
    ("The plant closed on March 5.", "2016-12-20", [("March 5", "DATE", "2016-03-05")]),
    ("The hearing will be held on January 5.", "2016-12-20", [("January 5", "DATE", "2017-01-05")]),
    ("Moscow, Russia February 27, 2019", DCT, [("February 27, 2019", "DATE", "2019-02-27")]),
    ("the story, first told in December 2016, ...", DCT, [("December 2016", "DATE", "2016-12")]),
    ("Delivery was due in early May 2008.", DCT, [("early May 2008", "DATE", "2008-05")]),
    # months, seasons, years, decades, quarters
    ("He hinted at it in February.", DCT, [("February", "DATE", "2020-02")]),
    ("Talks collapsed in October.", DCT, [("October", "DATE", "2019-10")]),
    ("The deal will close in October.", DCT, [("October", "DATE", "2020-10")]),
    # the end of the month is the dct's month
    ("The vote is scheduled for the end of the month.", "2026-03-12", [("the end of the month", "DATE", "2026-03")]),
    # Saturday night as Israeli reports write it
    ("Channel 12 News reported on Motzei Shabbat that the deal was close.", "2026-02-09",
     [("Motzei Shabbat", "TIME", "2026-02-07TNI")]),
    # preparing, aiming or being to do a thing is the future, its cue also further back in one unbroken clause
    ("Ankara is preparing to host Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky in "
     "Istanbul in May.", "2026-04-12", [("May", "DATE", "2026-05")]),
    ("The council is to vote in May.", "2026-04-12", [("May", "DATE", "2026-05")]),
    ("Ankara is preparing to host the leaders of both countries and all of their delegations at the palace, "
     "officials said after the talks held in May.", "2026-04-12", [("May", "DATE", "2025-05")]),
    ("Sales fell last September.", DCT, [("last September", "DATE", "2019-09")]),
    ("It recognized the state in 1988.", DCT, [("1988", "DATE", "1988")]),
    ("But in 2019, an article appeared.", DCT, [("2019", "DATE", "2019")]),
    ("It was 2019's best seller.", DCT, [("2019", "DATE", "2019")]),
    ("The release is planned for mid-2011.", DCT, [("mid-2011", "DATE", "2011")]),
    ("Cars of the 1990s were boxy.", DCT, [("the 1990s", "DATE", "199")]),
    ("Cars of the '70s were boxy.", DCT, [("the '70s", "DATE", "197")]),
    ("The index is at its lowest since '82.", "2008-10-27", [("'82", "DATE", "1982")]),
    ("Prices rose this summer.", DCT, [("this summer", "DATE", "2020-SU")]),
    ("It lost money in the third quarter of 2009.", DCT, [("the third quarter of 2009", "DATE", "2009-Q3")]),
    ("Profit rose in the first quarter of this year.", DCT, [("the first quarter of this year", "DATE", "2020-Q1")]),
    ("Profit doubled in the last quarter.", "2007-01-18", [("the last quarter", "DATE", "2006-Q4")]),
    ("Revenue in Q1 2016 grew.", DCT, [("Q1 2016", "DATE", "2016-Q1")]),
    # weeks, weekdays, days, parts of day
    ("The Post reported this week that", DCT, [("this week", "DATE", "2020-W25")]),
    ("The speech last week was long.", DCT, [("last week", "DATE", "2020-W24")]),
    ("They meet next week.", DCT, [("next week", "DATE", "2020-W26")]),
    ("She denied on Wednesday night that he stopped it.", DCT, [("Wednesday night", "TIME", "2020-06-17TNI")]),
    ("A staffer confirmed on Thursday that it happened.", DCT, [("Thursday", "DATE", "2020-06-18")]),
    ("The minister spoke on Monday.", DCT, [("Monday", "DATE", "2020-06-15")]),
    ("The minister will speak on Monday.", DCT, [("Monday", "DATE", "2020-06-22")]),
    ("The trial is set to begin on Wednesday.", "2006-03-28", [("Wednesday", "DATE", "2006-03-29")]),
    ("He said yesterday that", DCT, [("yesterday", "DATE", "2020-06-17")]),
    ("Apple today announced", DCT, [("today", "DATE", "2020-06-18")]),
    ("Shares fell this morning.", DCT, [("this morning", "TIME", "2020-06-18TMO")]),
    ("The vote is tonight.", DCT, [("tonight", "TIME", "2020-06-18TNI")]),
    ("The meeting starts at 2:30 p.m. today.", DCT, [("2:30 p.m. today", "TIME", "2020-06-18T14:30")]),
    # a British clock time, with a dot: never '12am' read out of '3.12am'
    ("The aircraft crossed the coast at 3.12am.", DCT, [("3.12am", "TIME", "2020-06-18T03:12")]),
    # a day told from the last date mentioned, not from the publication date
    ("The vote was held on March 3. The following day, protests began.", DCT,
     [("March 3", "DATE", "2020-03-03"), ("The following day", "DATE", "2020-03-04")]),
    ("The vote was held on March 3. The next morning, protests began.", DCT,
     [("March 3", "DATE", "2020-03-03"), ("The next morning", "TIME", "2020-03-04TMO")]),
    ("The vote was held on March 3. The following Monday, protests began.", DCT,
     [("March 3", "DATE", "2020-03-03"), ("The following Monday", "DATE", "2020-03-09")]),
    ("The vote was held on March 3. The previous Friday, talks failed.", DCT,
     [("March 3", "DATE", "2020-03-03"), ("The previous Friday", "DATE", "2020-02-28")]),
    ("He said the next step is clear.", DCT, []),
    ("The Dow was down at 16:08 UTC.", DCT, [("16:08 UTC", "TIME", "2020-06-18T16:08Z")]),
    ("They met at noon.", DCT, [("noon", "TIME", "2020-06-18T12:00")]),
    ("The strike began at midnight on Sunday.", DCT, [("midnight", "TIME", "2020-06-14T24:00"),
                                                      ("Sunday", "DATE", "2020-06-14")]),
    # relative months/years and offsets
    ("The transcripts declassified late last month show", DCT, [("late last month", "DATE", "2020-05")]),
    ("The firm lost money last year.", DCT, [("last year", "DATE", "2019")]),
    ("It expects growth next year.", DCT, [("next year", "DATE", "2021")]),
    ("Profits rose earlier this year.", DCT, [("earlier this year", "DATE", "2020")]),
    ("It happened a year and a half ago.", DCT, [("a year and a half ago", "DATE", "2018-12")]),
    ("It happened two months ago.", DCT, [("two months ago", "DATE", "2020-04")]),
    ("It happened three days ago.", DCT, [("three days ago", "DATE", "2020-06-15")]),
    ("It was announced a week ago.", "2011-03-18", [("a week ago", "DATE", "2011-03-11")]),
    ("Profit fell by the end of last year.", DCT, [("the end of last year", "DATE", "2019")]),
    ("Demand grew at the beginning of the year.", DCT, [("the beginning of the year", "DATE", "2020")]),
    # durations
    ("The talks lasted two weeks.", DCT, [("two weeks", "DURATION", "P2W")]),
    ("The jet is 18 months behind schedule.", DCT, [("18 months", "DURATION", "P18M")]),
    ("It took a decade.", DCT, [("a decade", "DURATION", "P10Y")]),
    ("He worked there for three years.", DCT, [("three years", "DURATION", "P3Y")]),
    ("The aircraft's fifty-year service life", DCT, [("fifty-year", "DURATION", "P50Y")]),
    ("It signed a 27-year contract.", DCT, [("27-year", "DURATION", "P27Y")]),
    ("It grew over the past two years.", DCT, [("the past two years", "DURATION", "P2Y")]),
    ("The flight took 12 hours.", DCT, [("12 hours", "DURATION", "PT12H")]),
    ("It was pushed back several years.", DCT, [("several years", "DURATION", "PXY")]),
    ("It will take a couple of weeks.", DCT, [("a couple of weeks", "DURATION", "P2W")]),
    ("It is almost two and a half years late.", DCT, [("almost two and a half years", "DURATION", "P2Y6M")]),
    # sets
    ("Tankers are delivered at a rate of 15 a year.", DCT, [("a year", "SET", "P1Y")]),
    ("Take it three times a day.", DCT, [("three times a day", "SET", "P1D")]),
    ("The council meets every Monday.", DCT, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("Weekly claims rose.", DCT, [("Weekly", "SET", "P1W")]),
    # vague references (MEANTIME/TimeML conventions)
    ("The iPod nano is now smaller.", DCT, [("now", "DATE", "PRESENT_REF")]),
    ("The store currently sells music.", DCT, [("currently", "DATE", "PRESENT_REF")]),
    ("The recently declassified calls", DCT, [("recently", "DATE", "PAST_REF")]),
    ("Growth looks good in the near term.", DCT, [("the near term", "DATE", "FUTURE_REF")]),
    ("The former adviser previously said so.", DCT, []),
    # holidays
    ("Sales peaked on Christmas Day.", "2007-01-18", [("Christmas Day", "DATE", "2006-12-25")]),
    # false positives
    ("He may go to the meeting.", DCT, []),
    ("May I ask a question?", DCT, []),
    ("Thousands march on the capital.", DCT, []),
    ("They will March on Washington.", DCT, []),
    ("He reads the Sunday Times.", DCT, []),
    ("The Security Council passed Resolution 2334.", DCT, []),
    ("It paid $2016 for it.", DCT, []),
    ("It employs 2,016 people.", DCT, []),
    ("The plant employs 1500 workers.", DCT, []),
    ("A second resolution was planned.", DCT, []),
    ("The score was 24/7 all along.", DCT, []),
    # a month and day told with a year relative to the report's date
    ("Varga vetoed the budget on June 19 last year, before the deal.", DCT, [("June 19 last year", "DATE", "2019-06-19")]),
    ("It opens on 4 May next year.", DCT, [("4 May next year", "DATE", "2021-05-04")]),
    # 'Today' that ends a name is no day; one that opens a sentence is
    ("It was published in the journal Hepatology Today.", DCT, []),
    ("He told USA Today that it was fine.", DCT, []),
    ("The council met. Today the mayor spoke.", DCT, [("Today", "DATE", "2020-06-18")]),
    # 'the day' that a clause or phrase after it defines is not the day last mentioned
    ("On Wednesday no quake was recorded on the day one of its shafts collapsed.", DCT,
     [("Wednesday", "DATE", "2020-06-17")]),
    ("On Wednesday the fire started on the day of the vote.", DCT, [("Wednesday", "DATE", "2020-06-17")]),
    ("On Wednesday the index rebounded late in the day after falling 250 points.", DCT,
     [("Wednesday", "DATE", "2020-06-17"), ("the day", "DATE", "2020-06-17")]),
]


def _triples(text: str, dct: str | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, dct)]


@pytest.mark.parametrize(("text", "dct", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_tags_and_normalises(text: str, dct: str, expected: list[tuple[str, str, str]]) -> None:
    assert _triples(text, dct) == expected


def test_sample_story_sentence_with_event_anchor() -> None:
    """Absolute date plus an event-anchored duration (documented: one DATE through the anchor phrase)."""
    text = "The vote took place after the November 2016 election. The story broke on November 24, 2016, two weeks after the US election."
    tagged = tag_timexes(text, DCT)
    by_text = {t.text: t for t in tagged}
    assert by_text["November 24, 2016"].value == "2016-11-24"
    assert by_text["November 24, 2016"].anchor == "absolute"
    anchored = by_text["two weeks after the US election"]
    assert (anchored.type, anchored.anchor, anchored.value) == ("DATE", "event", "2016-11")


def test_unresolvable_event_anchor_is_estimated() -> None:
    tagged = tag_timexes("It happened two months before the vote.", DCT)
    assert [(t.text, t.anchor, t.estimated) for t in tagged] == [("two months before the vote", "event", True)]
    assert tagged[0].value.startswith("XXXX")


def test_event_anchor_resolved_from_elsewhere_in_text() -> None:
    tagged = tag_timexes(FLYNN, DCT)
    by_text = {t.text: t for t in tagged}
    assert by_text["December 23, 2016"].value == "2016-12-23"
    assert by_text["December 29, 2016"].value == "2016-12-29"
    anchored = by_text["just days after Resolution 2334 was passed"]
    assert anchored.anchor == "event"
    assert anchored.value >= "2016-12" and anchored.value.startswith("2016-12")
    assert not any("2334" in t.text and t.anchor != "event" for t in tagged)


def test_anchor_kinds_and_estimation() -> None:
    tagged = tag_timexes("In 1988 it agreed; on Wednesday it denied it.", DCT, dct_estimated=True)
    assert [(t.text, t.anchor, t.estimated) for t in tagged] == [("1988", "absolute", False),
                                                                 ("Wednesday", "document", True)]


def test_without_dct_relative_values_stay_partial() -> None:
    tagged = tag_timexes("He spoke in February and again on Wednesday; in 1988 he did not.", None)
    by_text = {t.text: t for t in tagged}
    assert by_text["February"].value == "XXXX-02" and by_text["February"].estimated
    assert by_text["Wednesday"].value == "XXXX-WXX-3" and by_text["Wednesday"].estimated
    assert by_text["1988"].value == "1988" and not by_text["1988"].estimated


def test_time_takes_the_day_of_its_sentence() -> None:
    tagged = tag_timexes("The jet made its first flight Tuesday in Everett at 18:00 UTC.", "2009-12-16")
    assert [(t.text, t.value) for t in tagged] == [("Tuesday", "2009-12-15"), ("18:00 UTC", "2009-12-15T18:00Z")]


def test_offsets_match_text_and_are_sorted() -> None:
    tagged = tag_timexes(FLYNN, DCT)
    assert all(FLYNN[t.start:t.end] == t.text for t in tagged)
    assert [t.start for t in tagged] == sorted(t.start for t in tagged)


def test_estimate_published_reads_the_dateline() -> None:
    text = "Markets fall\nOctober 24, 2008\nStocks fell on Monday, the worst day since October 1987."
    assert estimate_published(text) == "2008-10-24"
    assert estimate_published("No dates here at all.") is None


WORDS = st.sampled_from(["May", "March", "on", "Wednesday", "night", "2016", "two", "weeks", "after", "the",
                         "election", "a", "year", "and", "half", "ago", "last", "month", "late", "in", ",",
                         ".", "\n", "12:00", "UTC", "every", "day", "Resolution", "2334", "'82", "the 1990s",
                         "Q3", "November 24", "since", "24/11/2016", "$2016", "now", "-", "'s", "today"])


def _check_invariants(text: str, dct: str | None) -> None:
    tagged = tag_timexes(text, dct)
    previous_end = 0
    for timex in tagged:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.start >= previous_end
        assert timex.value
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        previous_end = timex.end


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join), st.sampled_from([None, "2020-06-18", "2008-02-29", "bad"]))
def test_never_raises_on_word_soup(text: str, dct: str | None) -> None:
    _check_invariants(text, dct)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "2020-06-18"]))
def test_never_raises_on_arbitrary_text(text: str, dct: str | None) -> None:
    _check_invariants(text, dct)


@pytest.mark.parametrize(("text", "value"), [
    # a bare clock time is on the day of the news its paragraph or its lead told
    ("Hurricane Delia came ashore late Wednesday as a Category 4 storm.\n\nThe eye crossed the coast at about "
     "10:40 p.m. EDT.", "2026-09-23T22:40"),
    ("Four soldiers were killed when a helicopter crashed late on Tuesday.\n\nThe helicopter came down at about "
     "10:40 p.m. on open moorland.", "2026-09-22T22:40"),
    # a past date recalled is not the news's day; with none, the dct's
    ("The last inspection was completed on 14 October 2021.\n\nThe circuit stayed energized until 15:52.",
     "2026-09-24T15:52"),
    # a part of a day is a day told
    ("The ministry said on Tuesday evening that 14 soldiers had died, in fighting that began on Sunday.\n\n"
     "A second statement came at 21:10.", "2026-09-22T21:10"),
    # an update's stamp is on the day it was posted, or of the day heading above it
    ("The clashes began on Sunday.\n\n17:55 GMT — Dravonia denies crossing the border", "2026-09-24T17:55Z"),
    ("Last updated 18:40 GMT\n\nThe clashes began on Sunday.", "2026-09-24T18:40Z"),
    ("Tuesday 22 September\n\nThe clashes began on Sunday.\n\n21:10 BST - Ministry says 14 killed",
     "2026-09-22T21:10"),
])
def test_a_bare_clock_time_takes_the_day_of_the_news(text, value):
    clocks = [t for t in tag_timexes(text, "2026-09-24") if t.type == "TIME"]
    assert [t.value for t in clocks][-1].startswith(value)
