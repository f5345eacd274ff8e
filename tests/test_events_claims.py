"""Events anchored to their clause, the timeline across documents, claim grouping pieces, origins."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.extract.events import contract_value
from storytrace.ingest import IngestOptions, make_document
from storytrace.link.claims import admit_close_outsiders, average_linkage, candidate_pairs, shed_loose_members, content_keys, number_marks, numbers_clash
from storytrace.link.events import dates_agree, link_events
from storytrace.link.origins import credit_provenance, credited_outlets
from storytrace.schema import Document, Entity, Event, MentionRef, Proposition, TimeValue


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Zakharova denied on Wednesday night that Putin stopped the resolution.", "2020-06-18",
         [("deny", "2020-06-17")]),
        ("On November 24, 2016, two weeks after the US election, Netanyahu called Putin.", "2020-06-15",
         [("call", "2016-11-24")]),
        ("The company said in February that it would cut 500 jobs.", "2021-06-01", [("say", "2021-02")]),
        ("Shares fell sharply last week after the report.", "2021-06-10", [("fall", "2021-W22")]),
        ("The ministry published the figures in 2019.", "2021-06-10", [("publish", "2019")]),
        # a short sentence is no dateline
        ("The plant closed late last month.", "2026-03-11", [("close", "2026-02")]),
        ("Talks collapsed yesterday.", "2026-03-11", [("collapse", "2026-03-10")]),
        # a timeline's entries: the date labels what its line says
        ("Timeline:\nMarch 2025: The council first proposes closing the library.\n- May 2025 – The council delays "
         "the vote.\nMarch 2025: Library closure.", "2026-03-12", [("propose", "2025-03"), ("delay", "2025-05")]),
        # a possessive date dates the happening it names, not a thing ('Sunday's edition')
        ("The number of people killed in Friday night's landslide rose to 31 on Monday.", "2025-09-15",
         [("landslide", "2025-09-12"), ("rise", "2025-09-15")]),
        ("The story ran in Sunday's edition.", "2025-09-15", []),
        # ... also after an update label
        ("Ferry news\n\nUPDATE 4:15 p.m.: Westwave said a replacement vessel would sail.\n\nUPDATE 5:40 p.m.: The "
         "replacement sailing has been cancelled.", "2026-03-10", [("say", "2026-03-10"), ("cancel", "2026-03-10")]),
        # a live blog's entry times: each dates its own entry, not the sentence before
        ("Live updates\n\n09:12 — Polls have closed in the election. The commission says turnout stood at 58%.\n\n"
         "10:45 — An exit poll gives the Civic Union 47%.", "2025-10-13", [("close", "2025-10-13"), ("give", "2025-10-13")]),
    ],
)
def test_event_dates_its_governing_predicate(analyze_text, text, published, expected):
    analysis = analyze_text("Story\n" + text + "\n", published=published)
    assert [(e.predicate, e.time.value) for e in analysis.events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The November 2016 election changed everything, analysts said.",  # a date that modifies a noun
        "June 18, 2020\nThe minister spoke to reporters.",                 # a dateline
        "Last updated on 3 March 2026.\nThe minister spoke to reporters.",  # an update stamp
        "The talks lasted two weeks, officials said.",                      # a duration
    ],
)
def test_dates_that_date_no_event(analyze_text, text):
    analysis = analyze_text("Story\n" + text + "\n")
    assert analysis.events == ()


def test_caption_dates_are_tagged_but_date_no_event(analyze_text):
    text = ("Summit in Moscow\nPutin meets Netanyahu at the Kremlin in Moscow, Russia February 27, 2019 "
            "(photo credit: MAXIM SHEMETOV/REUTERS)\nThe leaders spoke on Thursday about Syria.\n")
    analysis = analyze_text(text)
    assert any(t.value == "2019-02-27" for t in analysis.timexes)
    assert [e.time.value for e in analysis.events] == ["2020-06-18"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2020-06-17TNI", "2020-06-17"), ("2016-SU", "2016"), ("2016-W47", "2016-W47"), ("2016-12", "2016-12")],
)
def test_contract_value(value, expected):
    assert contract_value(value) == expected


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [("2016-12", "2016-12-23", True), ("2016-12-23", "2016-12-29", False), ("2016", "2016-12-29", True),
     ("2016-11", "2016-12", False),
     # a week and a day in it agree ('this week' / 'on Wednesday'); a day outside it does not
     ("2024-W26", "2024-06-27", True), ("2024-W26", "2024-07-01", False)],
)
def test_dates_agree(first, second, agree):
    assert dates_agree(first, second) is agree


def _event(doc: str, start: int, end: int, text: str, value: str, predicate: str) -> Event:
    time = TimeValue(value=value, text=value, start=start, end=start + 4)
    return Event(id=f"e-{doc}-{start}", doc=doc, start=start, end=end, text=text, time=time, predicate=predicate)


def test_one_happening_in_two_documents_is_one_timeline_entry_with_a_conflict_flag():
    putin = Entity(id="ent-putin", name="Vladimir Putin", type="PERSON", aliases=("Putin",),
                   mentions=(MentionRef("A", 0, 5), MentionRef("B", 0, 5)))
    events = [
        _event("A", 0, 40, "Putin called Netanyahu", "2016-12-23", "call"),
        _event("B", 0, 40, "Putin phoned Netanyahu", "2016-12-29", "phone"),
        _event("B", 100, 140, "The council voted on the text", "2016-12-23", "vote"),
    ]
    linked = link_events(events, [putin])
    call_a, call_b, vote = linked
    assert call_a.group == call_b.group != vote.group
    assert call_a.sources == ("A", "B") and call_a.conflict and call_a.participants == ("ent-putin",)
    assert vote.sources == ("B",) and not vote.conflict


def test_one_named_disaster_told_with_different_days_is_one_timeline_entry_with_a_conflict_flag():
    events = [
        _event("A", 0, 40, "The landslide struck at around 4 a.m.", "2025-09-13", "strike"),
        _event("B", 0, 40, "Friday night's landslide in Karsi", "2025-09-12", "landslide"),
        _event("B", 100, 160, "The landslide had buried 40 homes by Monday", "2025-09-15", "bury"),  # no occurring
        _event("C", 0, 60, "The fire had blackened 7,000 acres by Sunday", "2025-09-14", "blacken"),
    ]
    struck, dated, buried, fire = link_events(events, [])
    assert struck.group == dated.group and struck.conflict and dated.sources == ("A", "B")
    assert buried.group != struck.group  # what it did afterwards is another event
    assert fire.group != struck.group and not fire.conflict


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [("Resolution 2334 passed", "a second resolution was planned", True),
     ("a second resolution was planned", "There was no second resolution planned", False),
     ("the resolution passed", "Russia would block it", False),
     ("they began work on another resolution", "a second resolution was on the way", False),
     ("the first inquiry found nothing", "a second inquiry was opened", True)],
)
def test_numbers_and_ordinals_keep_items_apart(first, second, clash):
    assert numbers_clash(number_marks(first), number_marks(second)) is clash


def test_candidate_pairs_need_shared_informative_keys():
    texts = ["Putin promised to veto the resolution", "Russia would veto the resolution, Putin said",
             "Fuel prices rose in March"]
    pairs = candidate_pairs([content_keys(t) for t in texts])
    assert (0, 1) in pairs and not any(2 in pair for pair in pairs)


def test_candidate_pairs_grow_linearly_with_the_story():
    """Each clause keeps a bounded number of partners, so a story twice as long has about twice the
    pairs, never the square (a story of clauses that all share some words is the worst case)."""
    import random

    from storytrace.link.claims import MAX_PARTNERS

    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(400)]
    counts = []
    for size in (500, 1000, 2000):
        keys = [set(rng.sample(vocabulary, 8)) for _ in range(size)]
        pairs = candidate_pairs(keys, floor=0.0)
        assert len(pairs) <= size * MAX_PARTNERS
        counts.append(len(pairs))
    assert counts[2] / counts[0] < 4 * 1.2  # quadratic growth would be 16x


@pytest.mark.parametrize(
    ("text", "polarity", "negated", "candidate"),
    [("the tender was rigged", "deny", False, True),  # what a denial denies: terse
     ("There was no siren", "assert", True, True),
     ("the tender was awarded", "assert", False, False),  # four words that assert: too little
     ("30 people were arrested", "assert", False, True),  # ... unless they give a figure
     ("the number at 35,000", "assert", False, True),
     ("That never happened", "assert", True, False),
     ("Was the tender rigged by anyone at all?", "assert", False, False)],
)
def test_denials_negations_and_figures_may_be_a_word_shorter(text, polarity, negated, candidate):
    from storytrace.link.claims import is_candidate
    from storytrace.schema import Proposition

    assert is_candidate(Proposition("p", "d", 0, len(text), text, polarity=polarity, negated=negated)) is candidate


@pytest.mark.parametrize(
    ("text", "alone"),
    [("Putin promised to veto the resolution", True), ("it would update the figure", True),
     ("was found beside the body", False), ("To appear before it next week", False),
     ("Asked whether there had been any delay", False), ("", False)],
)
def test_a_claim_is_named_by_a_clause_that_reads_alone(text, alone):
    from storytrace.link.claims import reads_alone

    assert reads_alone(text) is alone


def test_a_claim_is_named_by_an_assertion_rather_than_a_request():
    from storytrace.link.claims import as_stated, choose_center
    from storytrace.schema import Proposition

    request = Proposition("r", "d", 0, 45, "Putin announce that he would veto the resolution", speaker="Netanyahu",
                          requested=True)
    assertion = Proposition("a", "d", 50, 90, "Russia was willing to block the resolution")
    links = {0: {1: 0.6}, 1: {0: 0.6}}
    assert choose_center([0, 1], [request, assertion], links) == 1
    assert as_stated(request, request.text) == "Netanyahu asked that Putin announce that he would veto the resolution"
    assert as_stated(assertion, assertion.text) == assertion.text
    sentence = Proposition("b", "d", 50, 90, "This process could take a year or more")
    phrase = Proposition("f", "d", 95, 140, "Major flaws in the process", whole=False)  # shorter, as well linked
    assert choose_center([0, 1, 2], [request, sentence, phrase], {0: {}, 1: {2: 0.2}, 2: {1: 0.2}}) == 1


@pytest.mark.parametrize(
    "sentence, cue, content, whole, expected",
    [
        ("Officials put the total at about 640.", "put", "the total at about 640", False,
         "Officials put the total at about 640"),
        ("The union accused the owners of sailing with a faulty pump.", "accused",
         "the owners of sailing with a faulty pump", False, "The union accused the owners of sailing with a faulty pump"),
        ("The hospital promised to take patients within 45 minutes.", "promised",
         "to take patients within 45 minutes", False, "The hospital promised to take patients within 45 minutes"),
        # a clause of its own needs no speaker; a predicate cut from its subject is not an object
        ("The mayor said the bridge would reopen in May.", "said", "the bridge would reopen in May", True,
         "the bridge would reopen in May"),
        ("The police say was found beside the body.", "say", "was found beside the body", False,
         "was found beside the body"),
        # a participle cue would read wrongly after its speaker ('The GAO citing ...')
        ("The GAO upheld the protest, citing major flaws in the process.", "citing", "major flaws in the process",
         False, "major flaws in the process"),
    ],
)
def test_a_claim_named_by_a_cue_object_keeps_its_speaker_and_cue(sentence, cue, content, whole, expected):
    from storytrace.link.claims import as_stated
    from storytrace.schema import Proposition, Speaker, Statement

    speaker = sentence.split(f" {cue} ")[0].split(", ")[0]
    cue_start = sentence.index(f" {cue} ") + 1
    start = sentence.index(content)
    statement = Statement("s", "d", start, start + len(content), Speaker(speaker, "organization", 0, len(speaker)),
                          cue, cue_start, cue_start + len(cue), "indirect")
    proposition = Proposition("p", "d", start, start + len(content), content, statement="s", speaker=speaker,
                              whole=whole)
    assert as_stated(proposition, content, statement) == expected


def test_only_sides_that_state_the_claim_count_as_origins():
    from storytrace.link.claims import counted_sides

    linked = {0: {1: 0.9, 2: 0.3, 3: 0.6}, 1: {0: 0.9, 2: 0.8}, 2: {0: 0.3, 1: 0.8}, 3: {0: 0.6}}
    assert counted_sides([0, 1, 2, 3], 0, linked) == {0, 1, 3}  # 2 is tied to 1, not to the claim's center
    assert counted_sides([0, 2], 0, linked) == {0, 2}  # a claim of two is its one link


def test_average_linkage_does_not_chain_look_alikes():
    links = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.8, (2, 3): 0.7}
    assert average_linkage(4, links, 0.5) == [[0, 1, 2]]  # 3 links to one of three members: mean 0.23
    assert average_linkage(4, links, 0.2) == [[0, 1, 2, 3]]
    assert average_linkage(5, {(0, 1): 0.6, (3, 4): 0.9}, 0.5) == [[0, 1], [3, 4]]
    assert average_linkage(3, {(0, 1): 0.4}, 0.5) == []


def _linked(links: dict[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    out: dict[int, dict[int, float]] = {}
    for (a, b), p in links.items():
        out.setdefault(a, {})[b] = p
        out.setdefault(b, {})[a] = p
    return {i: out.get(i, {}) for i in range(1 + max(max(pair) for pair in links))}


@pytest.mark.parametrize(
    ("group", "links", "kept"),
    [  # member 3 joined on one strong link; the group it ended in hardly knows it
        ([0, 1, 2, 3, 4], {(0, 1): 0.6, (0, 2): 0.5, (1, 2): 0.5, (0, 4): 0.4, (1, 4): 0.5, (2, 4): 0.4, (3, 4): 0.3},
         [[0, 1, 2, 4]]),
        ([0, 1, 2], {(0, 1): 0.5, (0, 2): 0.3, (1, 2): 0.35}, [[0, 1, 2]]),  # every member tied well enough
        ([0, 1, 2], {(0, 1): 0.9, (1, 2): 0.12}, [[0, 1]]),
        ([0, 1], {(0, 1): 0.4}, [[0, 1]]),
    ],
)
def test_loose_members_leave_their_group(group, links, kept):
    assert shed_loose_members([group], _linked(links), 0.3) == kept


@pytest.mark.parametrize(
    ("groups", "links", "admitted"),
    [  # 4 ties to the second claim (mean 0.4) as well as to its own (0.35): it counts in both
        ([[0, 1, 4], [2, 3]], {(0, 1): 0.6, (0, 4): 0.3, (1, 4): 0.4, (2, 3): 0.7, (2, 4): 0.5, (3, 4): 0.3},
         [[0, 1, 4], [2, 3, 4]]),
        # its own claim holds it more tightly (0.5) than the other one does (0.4): it stays put
        ([[0, 1, 4], [2, 3]], {(0, 1): 0.6, (0, 4): 0.5, (1, 4): 0.5, (2, 3): 0.7, (2, 4): 0.5, (3, 4): 0.3},
         [[0, 1, 4], [2, 3]]),
        # a clause left out of every claim joins one whose mean link reaches the threshold, not one below it
        ([[0, 1], [2, 3]], {(0, 1): 0.6, (2, 3): 0.7, (0, 4): 0.4, (1, 4): 0.3, (2, 4): 0.3},
         [[0, 1, 4], [2, 3]]),
        # one strong link to a big claim is not enough on average
        ([[0, 1, 2, 3]], {(0, 1): 0.6, (1, 2): 0.6, (2, 3): 0.6, (0, 3): 0.6, (3, 4): 0.9}, [[0, 1, 2, 3]]),
    ],
)
def test_outside_clause_tied_closely_enough_also_joins_a_claim(groups, links, admitted):
    assert admit_close_outsiders(groups, links, 0.3) == admitted


def test_average_linkage_keeps_a_claim_to_a_few_clauses_per_document():
    links = {(a, b): 0.9 - 0.001 * (a + b) for a in range(12) for b in range(a + 1, 12)}
    documents = [0] * 6 + [1] * 6
    groups = average_linkage(12, links, 0.5, documents, per_document=4)
    assert all(sum(documents[m] == d for m in group) <= 4 for group in groups for d in (0, 1))
    assert sum(len(group) for group in groups) == 12
    assert average_linkage(12, links, 0.5) == [list(range(12))]


def _reference_average_linkage(count: int, links: dict[tuple[int, int], float], threshold: float,
                               documents: list[int] | None = None, per_document: int = 0) -> set[tuple[int, ...]]:
    """Textbook average linkage: recompute every group pair's mean link, merge the best pair that keeps
    each document's clauses in a group within `per_document` (when documents are given), repeat."""
    groups = [[i] for i in range(count)]

    def mean(x: list[int], y: list[int]) -> float:
        return sum(links.get((min(a, b), max(a, b)), 0.0) for a in x for b in y) / (len(x) * len(y))

    def allowed(x: list[int], y: list[int]) -> bool:
        return documents is None or all(sum(documents[m] == d for m in x + y) <= per_document for d in set(documents))

    while True:
        scored = [(mean(groups[i], groups[j]), i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))
                  if allowed(groups[i], groups[j])]
        best = max(scored, default=(0.0, 0, 0))
        if best[0] < threshold:
            return {tuple(sorted(g)) for g in groups if len(g) > 1}
        _, i, j = best
        groups[i] += groups.pop(j)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(2, 12).flatmap(lambda n: st.tuples(
    st.just(n), st.dictionaries(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                                st.floats(0.01, 1.0), max_size=30), st.sampled_from([0.1, 0.3, 0.6]))))
def test_average_linkage_matches_the_textbook_algorithm(case):
    count, raw, threshold = case
    links = {pair: value + 1e-6 * rank for rank, (pair, value) in enumerate(sorted(raw.items()))}  # no ties
    assert {tuple(g) for g in average_linkage(count, links, threshold)} == _reference_average_linkage(count, links, threshold)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(2, 12).flatmap(lambda n: st.tuples(
    st.just(n), st.dictionaries(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                                st.floats(0.01, 1.0), max_size=30), st.sampled_from([0.1, 0.3, 0.6]),
    st.lists(st.integers(0, 2), min_size=n, max_size=n), st.integers(1, 4))))
def test_capped_average_linkage_matches_the_textbook_algorithm(case):
    count, raw, threshold, documents, per_document = case
    links = {pair: value + 1e-6 * rank for rank, (pair, value) in enumerate(sorted(raw.items()))}  # no ties
    expected = _reference_average_linkage(count, links, threshold, documents, per_document)
    assert {tuple(g) for g in average_linkage(count, links, threshold, documents, per_document)} == expected


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.integers(2, 8).flatmap(lambda n: st.tuples(
    st.just(n), st.dictionaries(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                                st.floats(0.01, 0.95), max_size=20), st.sampled_from([0.1, 0.3, 0.6]),
    st.lists(st.integers(1, 3), min_size=n, max_size=n))))
def test_clauses_worded_alike_group_as_their_copies_would(case):
    """An item standing for k clauses worded alike groups as k copies linked fully to one another."""
    count, raw, threshold, sizes = case
    links = {pair: value + 1e-6 * rank for rank, (pair, value) in enumerate(sorted(raw.items()))}  # no ties
    copies = [list(range(sum(sizes[:i]), sum(sizes[:i + 1]))) for i in range(count)]
    expanded = {(a, b): 1.0 for own in copies for i, a in enumerate(own) for b in own[i + 1:]}
    expanded.update({(a, b): p for (x, y), p in links.items() for a in copies[x] for b in copies[y]})
    groups = average_linkage(count, links, threshold, document_counts=[Counter({0: k}) for k in sizes],
                             per_document=sum(sizes))
    assert {tuple(sorted(m for n in g for m in copies[n])) for g in groups} == \
        _reference_average_linkage(sum(sizes), expanded, threshold)


def test_copies_stay_together_when_shedding_and_admitting():
    linked = {0: {1: 0.2}, 1: {0: 0.2}, 2: {}}
    assert shed_loose_members([[0, 1]], linked, 0.3, sizes=[1, 5]) == [[1]]  # the loose clause leaves the copies
    assert shed_loose_members([[0, 1]], linked, 0.3) == [[0, 1]]  # two single clauses: a pair is its one link
    links = {(0, 1): 0.7, (1, 2): 0.7, (0, 2): 0.9}
    # copies alone in their group are closer to one another than to any other claim ...
    assert admit_close_outsiders([[0, 2], [1]], links, 0.3, sizes=[1, 4, 1]) == [[0, 2], [1]]
    # ... while a single clause with no group of its own joins the claim it is tied to
    assert admit_close_outsiders([[0, 2]], links, 0.3) == [[0, 1, 2]]


def test_a_sentence_many_outlets_carry_word_for_word_is_one_claim():
    """More reports than a word's posting list holds (MAX_POSTING) carry one wire sentence: its
    copies are still one claim, of one origin, not one claim per report."""
    from storytrace.link.claims import MAX_POSTING, build_claims
    from storytrace.pipeline import story_models

    sentence = "The dam at Kellow Reservoir had failed after weeks of heavy rain"
    other = "Schools across the county will stay closed until next Monday"
    documents, props = [], []
    for i in range(MAX_POSTING + 10):
        text = f"{sentence}. {other}."
        documents.append(Document(id=f"d{i}", source=f"d{i}.txt", text=text, outlet=f"Outlet {i}"))
        props.append(Proposition(id=f"a{i}", doc=f"d{i}", start=0, end=len(sentence), text=sentence,
                                 speaker="Officials", statement=None))
        props.append(Proposition(id=f"b{i}", doc=f"d{i}", start=len(sentence) + 2, end=len(text) - 1, text=other))
    static, _ = story_models()
    claims = build_claims(props, [], documents, [], static)
    assert sorted(len(c.mentions) for c in claims) == [MAX_POSTING + 10] * 2
    assert all(len({m.doc for m in c.mentions}) == MAX_POSTING + 10 for c in claims)


@pytest.mark.parametrize(("line", "whole"), [
    ("The story of the veto, first reported in Israel Hayom this week, is true, the transcripts show.", True),
    ("The cuts were first reported by the Kessling Herald, which put the number at 650.", False),
    ("Losses reached $61 million, a figure first reported by the Carrow Point Examiner.", False),
])
def test_only_a_credit_for_the_whole_story_lends_its_sources(line, whole):
    """A report's own sentences may repeat the sources of an outlet it credits with the story as a
    whole; a credit for one figure or fact lends nothing to the rest of the report."""
    document = make_document(f"Story\n{line}\n", "b.txt", {"outlet": "Harbor State News"}, IngestOptions())
    assert len(credit_provenance(document)) == 1
    assert bool(credited_outlets(document)) is whole


def test_credited_outlet_becomes_a_first_reported_edge():
    text = ("Story\nThe story of the veto – first reported in Israel Hayom this week and further developed by "
            "The Jerusalem Post – is true, the transcripts show.\n")
    document = make_document(text, "b.txt", {"outlet": "The Jerusalem Post"}, IngestOptions())
    assert credited_outlets(document) == ["Israel Hayom"]
    (edge,) = credit_provenance(document)
    assert edge.relation == "first reported by" and text[edge.start:edge.end] == "Israel Hayom"


@pytest.mark.parametrize(("line", "cites", "relation"), [
    ("The closure was first reported by Reuters.", "Reuters", "first reported by"),
    ("It was first reported in Israel Hayom this week.", "Israel Hayom", "first reported by"),
    # the report is another publication's copy, named whether or not the gazetteer knows it
    ("This article was originally published by The Conversation.", "The Conversation", "republished from"),
    ("This story appeared in Kelbridge Health Weekly and is republished here.", "Kelbridge Health Weekly",
     "republished from"),
    ("The figures were first published in March.", None, None),  # a month is no publication
    ("It first ran in the Evening Star last week.", None, None),  # its own outlet
])
def test_a_credit_names_who_published_first(line, cites, relation):
    from storytrace.link.origins import OriginResolver

    text = f"Dam row\nThe dam at Kellow collapsed on Tuesday after weeks of rain.\n{line}\n"
    document = make_document(text, "a.txt", {"outlet": "Evening Star"}, IngestOptions())
    edges = credit_provenance(document)
    assert [(e.cites, e.relation) for e in edges] == ([(cites, relation)] if cites else [])
    assert all(text[e.start:e.end] == e.cites for e in edges)
    republished = relation == "republished from"
    assert OriginResolver([document], [], []).own_outlet(document.id).name == (cites if republished else "Evening Star")
    assert credited_outlets(document) == []  # a credit for one fact, not for the story as a whole


def test_a_credit_to_an_outlet_the_gazetteer_does_not_know_but_the_story_holds():
    text = "Leak row\nThe breach was first reported by TechWire on Tuesday, citing a researcher.\n"
    document = make_document(text, "a.txt", {"outlet": "Reuters"}, IngestOptions())
    assert credit_provenance(document) == []  # alone, an unknown name could be anything
    (edge,) = credit_provenance(document, ["Reuters", "TechWire"])
    assert (edge.cites, edge.relation, text[edge.start:edge.end]) == ("TechWire", "first reported by", "TechWire")


@pytest.mark.parametrize(("line", "cited"), [
    ("It acted a day after the Financial Times reported on a leaked draft.", ["Financial Times"]),
    ("She said the document reported by the FT was a working paper.", ["Financial Times"]),  # the story holds the FT's
    ("The Sentinel reported this week that the inspection noted wet ground.", ["Marlow Falls Sentinel"]),
    ("Officials reported no injuries.", []), ("It was first reported by the Evening Star.", []),  # its own
])
def test_an_outlet_that_reported_is_cited_whether_or_not_it_speaks(line, cited):
    from storytrace.link.origins import reporting_provenance

    text = f"Dam row\nThe dam at Kellow collapsed on Tuesday after weeks of rain.\n{line}\n"
    document = make_document(text, "a.txt", {"outlet": "Evening Star"}, IngestOptions())
    edges = reporting_provenance(document, ["Evening Star", "Financial Times", "Marlow Falls Sentinel"])
    assert [e.cites for e in edges] == cited and {e.relation for e in edges} <= {"reported by"}


@pytest.mark.parametrize(("line", "cited"), [
    ("Additional reporting by Reuters.", ["Reuters"]),
    ("(With AFP)", ["AFP"]),
    ("With AFP and AP", ["AFP", "AP"]),
    ("Residents met with officials on Tuesday to discuss the plan.", []),
    ("With Reuters reporting that the dam had failed, shares fell sharply across the sector.", []),
    ("Additional reporting by Jane Doe.", []),
])
def test_a_news_service_credited_with_part_of_the_reporting(line, cited):
    from storytrace.link.origins import contributor_provenance

    text = f"Dam row\nThe dam at Kellow collapsed on Tuesday after weeks of rain.\n{line}\n"
    edges = contributor_provenance(make_document(text, "a.txt", {"outlet": "Evening Star"}, IngestOptions()))
    assert [text[e.start:e.end] for e in edges] == cited and {e.relation for e in edges} <= {"reporting by"}


@pytest.mark.parametrize(("text", "outlet", "wire"), [
    ("Dam gives way\nLONDON (Reuters) - The dam at Kellow collapsed on Tuesday.\n", "Evening Star", "Reuters"),
    ("Dam gives way\nNEW YORK, March 3 (AP) — The dam at Kellow collapsed.\n", "Evening Star", "Associated Press"),
    ("Dam gives way\nLONDON (Reuters) - The dam at Kellow collapsed on Tuesday.\n", "Reuters", None),  # its own copy
    ("Dam gives way\n(Reuters) - The dam at Kellow collapsed on Tuesday.\n", "Evening Star", "Reuters"),  # no place
    ("Dam gives way\nLONDON (Kellow Water) - The dam at Kellow collapsed.\n", "Evening Star", None),  # no news service
    ("Dam gives way\nThe dam at Kellow collapsed on Tuesday, Reuters reported.\n", "Evening Star", None),
])
def test_a_wire_service_in_the_dateline_is_whose_copy_the_report_is(text, outlet, wire):
    from storytrace.link.origins import OriginResolver, wire_provenance

    document = make_document(text, "a.txt", {"outlet": outlet}, IngestOptions())
    edges = wire_provenance(document)
    assert [(e.cites, e.relation) for e in edges] == ([(wire, "wire copy of")] if wire else [])
    assert all(text[e.start:e.end] in ("Reuters", "AP") for e in edges)
    origin = OriginResolver([document], [], []).own_outlet(document.id)
    assert origin.name == (wire or outlet)  # the reporter's own sentences are the service's word


def test_a_service_in_the_dateline_that_is_no_known_name_is_whose_copy_the_report_is_when_the_story_holds_it():
    from storytrace.link.origins import wire_provenance

    text = "Report warned of cracks\nARDEN (Newswire) - Inspectors found cracks in the Kell Bridge in 2022.\n"
    document = make_document(text, "a.txt", {"outlet": "Arden Gazette"}, IngestOptions())
    assert wire_provenance(document) == []
    assert [(e.cites, e.relation) for e in wire_provenance(document, ["Newswire", "Arden Gazette"])] == \
        [("Newswire", "wire copy of")]


def test_a_dateline_is_no_part_of_an_event(analyze_text):
    analysis = analyze_text("Story\nLONDON (Reuters) - The dam at Kellow Reservoir collapsed on Tuesday.\n",
                            published="2021-03-04")
    assert [(e.text, e.time.value) for e in analysis.events] == [
        ("The dam at Kellow Reservoir collapsed on Tuesday", "2021-03-02")]


@pytest.mark.parametrize("told", ['he told the Tribune', 'Falk told the Callow Ridge Tribune'])
def test_a_quote_told_to_the_outlet_leaves_a_documents_account(analyze_text, told):
    from storytrace.link.entities import build_entities
    from storytrace.link.origins import OriginResolver

    text = ("Grades story\nThe emails show that Owen Falk warned the registrar on January 6. "
            "\"Please do not release these grades,\" Falk wrote.\n\n"
            f"\"The registrar knew there was a problem before the results were published,\" {told}.\n")
    analysis = analyze_text(text, outlet="Callow Ridge Tribune")
    entities, _ = build_entities(list(analysis.mentions), [analysis.document])
    resolver = OriginResolver([analysis.document], list(analysis.statements), entities)
    wrote = next(p for p in analysis.propositions if "Please do not release" in p.text)
    knew = next(p for p in analysis.propositions if "registrar knew" in p.text)
    assert resolver.origin(wrote).name == "Emails"  # quoted from the emails: their account
    assert resolver.origin(knew).name == "Owen Falk"


def test_narrated_account_belongs_to_its_narrator(analyze_text):
    from storytrace.link.entities import build_entities
    from storytrace.link.origins import OriginResolver

    text = ("Veto story\nIn a closed meeting with Israel Hayom, Netanyahu shared the details. "
            "Putin agreed to the request, and said that Russia would block the resolution. "
            "The resolution was later shelved.\n")
    analysis = analyze_text(text, outlet="Israel National News")
    entities, _ = build_entities(list(analysis.mentions), [analysis.document])
    resolver = OriginResolver([analysis.document], list(analysis.statements), entities)
    block = next(p for p in analysis.propositions if "would block" in p.text)
    assert resolver.origin(block).name.endswith("Netanyahu")
    assert resolver.resolve_outlet(resolver.own_outlet(analysis.document.id)).name == "Israel National News"
    assert any(origin.name.endswith("Netanyahu") for origin in resolver.sources.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [("In 2016, Russia was willing to block the resolution", "Russia was willing to block the resolution"),
     ("At that point, Putin acceded to the request", "Putin acceded to the request"),
     ("However, the council passed the resolution anyway", "The council passed the resolution anyway"),
     ("The US, Russia and China agreed on the text", "The US, Russia and China agreed on the text"),
     ("if the resolution was brought, Russia would block it", "If the resolution was brought, Russia would block it")],
)
def test_claim_text_drops_an_opening_frame(text, expected):
    from storytrace.link.claims import claim_text

    assert claim_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I certainly wouldn’t trust him", "I certainly wouldn’t trust him"),
     ("scare donors away from Hillary Clinton’s campaign", "scare donors away from Hillary Clinton’s campaign"),
     ("“we will block it,” he said", "we will block it, he said"),
     ("‘It was never planned’", "It was never planned"),
     ("that the first [Resolution 2334] wasn't ours", "the first Resolution 2334 wasn't ours"),
     ("That figure is accurate and complete", "That figure is accurate and complete"),
     # a condition keeps its 'if': without it the clause asserts what was only supposed
     ("if the resolution was brought for a vote, Russia would block it",
      "if the resolution was brought for a vote, Russia would block it")],
)
def test_proposition_text_drops_quote_marks_not_apostrophes(text, expected):
    from storytrace.link.claims import proposition_text
    from storytrace.schema import Proposition

    assert proposition_text(Proposition(id="p", doc="d", start=0, end=len(text), text=text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The blast killed 12 people", {"12"}), ("a $40 billion contract", {"$40000000000"}),
     ("unemployment rose to 3.5%", {"3.5%"}), ("Resolution 2334 passed in 2016", set()),
     ("In 2019, the firm cut 1,200 jobs", {"1200"}),
     # a time of day is no amount
     ("a news conference for 10:00 and another at 3.15pm", set()), ("11:40 Update: 40,000 patients", {"40000"}),
     # amounts in words, as the digits would give them ('one' is too often none)
     ("hired six new officers", {"6"}), ("twenty-five flights and three million passengers", {"25", "3000000"}),
     ("Twelve people died", {"12"}), ("one of the two ferries", {"2"}),
     # one figure in any style is one amount
     ("worth $1.2bn", {"$1200000000"}), ("worth $1.2 billion", {"$1200000000"}), ("worth $1,200m", {"$1200000000"}),
     ("about 1.5k jobs and fifteen hundred more", {"1500"}), ("rose 3.5 percent", {"3.5%"}), ("£40m", {"£40000000"}),
     # a sentence opened by a word for how near the amount is: no identifier ('Flight 370' is one)
     ("About 25,000 people marched", {"25000"}), ("Nearly 300 flights were cancelled", {"300"}),
     ("Flight 370 vanished", set()),
     # a day after an abbreviated month and an hour of the clock are none
     ("every patient had been called by Oct. 28", set()), ("a hotline staffed from 8 a.m. to 6 p.m.", set()),
     ("the board meets at 9 o'clock", set()),
     # a figure with a thousands comma is no year
     ("the company will cut 1,800 jobs", {"1800"})],
)
def test_quantities_are_amounts_not_years_or_names(text, expected):
    from storytrace.link.claims import quantities

    assert quantities(text) == expected


def _variants_of(first: str, second: str, modes: dict[str, str] | None = None, same_origin: bool = True, nlp=None):
    """The variants of a two-sided claim whose sides are the whole texts of documents A and B (with
    `nlp`, each side's verbs as the pipeline reads them)."""
    from storytrace.extract.propositions import _frame_words
    from storytrace.link.claims import claim_variants
    from storytrace.link.origins import Origin
    from storytrace.schema import Document

    documents = {"A": Document("A", "a.txt", first), "B": Document("B", "b.txt", second)}
    verbs = [_frame_words(nlp(text), 0, len(text))[0] if nlp else "" for text in (first, second)]
    members = [Proposition(id="p1", doc="A", start=0, end=len(first), text=first, statement="s1", predicates=verbs[0]),
               Proposition(id="p2", doc="B", start=0, end=len(second), text=second, statement="s2",
                           predicates=verbs[1])]
    origins = {0: Origin("ent-x", "X", "person"), 1: Origin("ent-x" if same_origin else "ent-y", "X", "person")}
    variants = claim_variants(members, {0: "supports", 1: "supports"}, [0, 1], origins, modes or {}, documents)
    for variant in variants:  # every value points at the words it shows
        assert all(documents[v.doc].text[v.start:v.end] == v.text for v in variant.values)
    return {v.kind: [v.text for v in variant.values] for variant in variants for v in [variant]}


@pytest.mark.parametrize(
    ("first", "second", "modes", "expected"),
    [("The blast killed 12 people", "The blast killed 15 people", None, {"numbers": ["12", "15"]}),
     ("The fund lost $40,000,000 in May", "The fund lost $38 million in May", None,
      {"numbers": ["$40,000,000", "$38 million"]}),
     ("We will not give in to threats", "We will never give in to threats", {"s1": "direct", "s2": "direct"},
      {"quote wording": ["We will not give in to threats", "We will never give in to threats"]}),
     ("We will not give in to threats", "We will never give in to threats", None, {}),  # reported, not quoted
     ("a Palestinian state along the 1948 armistice lines", "a Palestinian state based on pre-1967 borders", None,
      {"dates": ["1948", "1967"]}),
     ("In 2016, Russia was willing to block it", "on December 29, 2016, Kislyak called Flynn", None, {}),  # years agree
     ("the call came on December 29", "the call came on Dec. 28", None, {"dates": ["December 29", "Dec. 28"]}),
     # days of two different acts are no variant
     ("The warning was sent on March 3", "The collapse happened on March 24", None, {}),
     ("The warning was not sent on March 3", "The vote did not happen on May 2", None, {}),
     ("the plant opened in 1998", "the plant has been open for decades", None, {}),
     # amounts of one thing, in figures or words; an amount of something else is no variant
     ("The fund lost $40 million", "The fund lost $38 million.", None, {"numbers": ["$40 million", "$38 million"]}),
     ("It hired six new officers", "It recruited eight officers", None, {"numbers": ["six", "eight"]}),
     ("It stranded 300 passengers and cancelled 212 sailings last year", "It cancelled 190 sailings last year", None,
      {"numbers": ["212", "190"]}),
     ("It stranded 300 passengers", "It cancelled 190 sailings", None, {}),
     # a share, a sum of money and a count are never one amount, whatever words follow
     ("Brightmart employs about 37,000 office workers", "It will cut 4% of its office workforce", None, {}),
     ("The zoo counted 47 elephants", "The zoo spent $3.8 million", None, {}),
     ("The plan cut roughly six million dollars from overtime", "The plan trimmed $6.2 million from overtime", None,
      {"numbers": ["six million", "$6.2 million"]}),
     # what is counted is the words right after the amount, not a rate further on
     ("The offer is valid for the next 30 days", "The fleet makes about 240 departures a day", None, {}),
     ("Brightmart will cut 1,500 corporate jobs", "Brightmart will cut 1,800 corporate positions", None,
      {"numbers": ["1,500", "1,800"]}),
     # one count of one act, the thing counted named on one side only
     ("A fire at the warehouse killed 12 people on Tuesday", "The death toll from the warehouse fire has risen to 15",
      None, {"numbers": ["12", "15"]}),
     ("A fire at the warehouse killed 12 people", "The warehouse employed 15", None, {}),
     # one figure written two ways is no difference
     ("The deal is worth $1.2bn", "The deal is worth $1.2 billion", None, {}),
     ("The fund lost $40,000,000 in May", "The fund lost $40 million in May", None, {})],
)
def test_variants_point_at_the_words_that_differ(nlp, first, second, modes, expected):
    assert _variants_of(first, second, modes, nlp=nlp) == expected


def test_two_things_counted_differently_are_two_variants():
    """'40 people died ... 210 passengers' against '52 people ... 180 passengers': a reader must see which
    figure stands against which."""
    from storytrace.link.claims import claim_variants
    from storytrace.link.origins import Origin
    from storytrace.schema import Document

    first, second = "40 people died on the ferry, which carried 210 passengers", "52 people died on the ferry, which carried 180 passengers"
    documents = {"A": Document("A", "a.txt", first), "B": Document("B", "b.txt", second)}
    members = [Proposition(id="p1", doc="A", start=0, end=len(first), text=first, statement="s1"),
               Proposition(id="p2", doc="B", start=0, end=len(second), text=second, statement="s2")]
    origins = {0: Origin("ent-x", "X", "person"), 1: Origin("ent-y", "Y", "person")}
    variants = claim_variants(members, {0: "supports", 1: "supports"}, [0, 1], origins, {}, documents)
    assert [(v.kind, [x.text for x in v.values]) for v in variants] == [("numbers", ["40", "52"]),
                                                                        ("numbers", ["210", "180"])]


def test_quote_wording_differs_only_for_one_speaker():
    assert _variants_of("We will not give in", "We will never give in", {"s1": "direct", "s2": "direct"},
                        same_origin=False) == {}


def test_predicate_concepts_tie_paraphrases():
    keys_a = content_keys("Russia would block the resolution")
    keys_b = content_keys("Putin threatened a veto")
    keys_c = content_keys("Fuel prices rose in March")
    assert "~block" in keys_a & keys_b and "~block" not in keys_c
    assert "~block" in content_keys("Moscow stopped it") & content_keys("we are not going to support it")
    assert "@russia" in content_keys("a Russian veto") & content_keys("Moscow stopped it")
    assert "@us" in content_keys("the U.S. abstained") & content_keys("an American initiative")


def test_shipped_link_model_prefers_a_paraphrase_to_a_near_miss():
    from storytrace.link.claims import LINK_FEATURES, LinkModel, feature_rows, link_context
    from storytrace.pipeline import story_models
    from storytrace.schema import Proposition

    model = LinkModel.load()
    assert model.features == LINK_FEATURES and 0 < model.threshold < 1
    texts = ["Dockworkers walked off the job at the port on Monday",
             "Port workers went on strike at the docks on Monday",
             "The port authority approved a new crane contract on Monday"]
    props = [Proposition(id=f"p{i}", doc=f"d{i}", start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    static, _ = story_models()
    context, _ = link_context(props, [], static)
    rows = feature_rows([(0, 1), (0, 2)], [0.2, 0.2], context)
    paraphrase, near_miss = model.probabilities(rows)
    assert paraphrase > near_miss


def _clause(text: str) -> Proposition:
    """A one-clause proposition, negated when it says not / no / never."""
    negated = any(w in text.split() for w in ("not", "no", "never"))
    return Proposition(id=text, doc="d", start=0, end=len(text), text=text, negated=negated)


@pytest.mark.parametrize(
    ("center", "member", "differs"),
    [("Greyfen cut its safety inspectors", "the number of inspectors has not been reduced", True),
     ("Russia would block the resolution", "we are not going to support it in the Security Council", False),
     ("the valve was not replaced", "the valve was never replaced", False)],
)
def test_negation_differs_unless_the_negation_is_the_predicate(center, member, differs):
    from storytrace.link.claims import negation_differs

    assert negation_differs(content_keys(center), content_keys(member), _clause(center), _clause(member)) is differs


@pytest.mark.parametrize(
    ("center", "member", "agrees"),
    [("Russia would block the resolution", "It's not something that we are going to support", True),
     ("the council would veto the budget", "the mayor said she would not approve the budget", True),
     ("Russia would block the resolution", "Russia would support the resolution", False),
     ("Russia would support the resolution", "we are not going to support it", False)],
)
def test_refusing_approval_agrees_with_blocking(center, member, agrees):
    from storytrace.link.claims import refusal_agrees

    assert refusal_agrees(content_keys(center), content_keys(member), _clause(center), _clause(member)) is agrees


@pytest.mark.parametrize(
    ("content", "denies"),
    [("it would be absurd for Moscow to block a text it has backed for years", True),
     ("It would simply be unthinkable to close the ward", True),
     ("It is ridiculous to suggest the mayor knew about the payments", True),
     ("It would be incredible to see them win the cup", False),
     ('it would be "incredible" for Russia to oppose a resolution stating exactly that', True),
     ("It would be strange for the ministry to cancel a contract it signed", True),
     ("It would be incredible, he said, to see them win", False),
     ("it would be absurd, he said, but the plan went ahead", False),
     ("the plan would be absurd for a city this size", False),
     # saying so is wrong: the 'say' is part of the denial, not a report of someone else's words
     ("So it is simply wrong to say I failed to declare it", True),
     ("It would be wrong to say that we were not warned", True),
     ("It is ridiculous to say the board knew", True),
     ("He said it is wrong to say that", False),
     ("It was right to say so", False),
     # 'there is no doubt' insists; 'there was no alarm' denies
     ("Both bullets entered from behind. There is no ambiguity about that", False),
     ("There is no doubt the fire started in the engine room", False),
     ("There was no alarm, nothing at all", True)],
)
def test_calling_a_thing_absurd_denies_it(content, denies):
    from storytrace.extract.statements import denies_in_content

    assert denies_in_content(content) is denies


@pytest.mark.parametrize(
    ("content", "denies"),
    [("the Courier's figure was wrong because it counted a two-year extension option", True),
     ("reports that more than 200 homes had flooded were exaggerated", True),
     ("Their account is mistaken", True),
     ("this was never true", True),
     ("The report is not accurate in several respects", True),
     ("Its figures are accurate", False),
     ("The estimate was revised upward on Friday", False),
     ("The number of people hurt has risen to 14", False),
     ("Those figures were inflated by a one-off sale", False),  # 'inflated' is not a falsity word
     ("The claim that I approved it is false", True),
     ("These claims are false", True),
     ("He claims the story is untrue", False),  # reports a denial, does not make one
     ("they always say it is false", False)],
)
def test_calling_a_report_or_figure_wrong_denies_it(content, denies):
    from storytrace.extract.statements import denies_in_content

    assert denies_in_content(content) is denies


@pytest.mark.parametrize(
    ("text", "negated"),
    [("they ensured the vote came after the election in order not to scare donors", False),
     ("the board delayed the report so as not to alarm investors", False),
     ("the board did not delay the report", True),
     ("not fewer than twelve persons suffered physical injury", False),
     ("the company discharged no less than 4,200 gallons", False),
     ("the owner was notified no later than July 11", False),
     ("the fire damaged not only the lounge but the deck", False),
     ("not just a sense of urgency but pure speed was his expectation", False),
     ("the delay was not merely an inconvenience", False),
     ("no one was hurt", True),
     ("the lorry was not heavier than the limit", True),
     ("a replacement pump motor is not due until September", False),
     ("the city didn't answer until October", False),
     ("the council would not hold the vote on the budget until Friday", True),
     # certainty is no negation
     ("We have no doubt about where this aircraft came from", False),
     ("I do not doubt that the pumps failed", False),
     ("There is no question that the pumps failed", False),
     ("There is no question of a recount", True),
     # a concession limits the clause, disbelief takes it as so
     ("The GAO upheld Boeing's protest, though not all of their individual claims were upheld", False),
     ("Most, if not all, of the members approved the deal", False),
     ("Not all of the claims were upheld", True),
     ("I can not believe we would create French jobs in place of Kansas jobs", False),
     ("I couldn’t believe they upheld it", False),
     ("I do not believe they upheld it", True),
     ("I can not believe it, though I could not stop it", True)],
)
def test_a_negated_purpose_or_bound_does_not_negate_the_clause(text, negated):
    from storytrace.extract.propositions import negates

    assert negates(text) is negated


@pytest.mark.parametrize(
    ("text", "negated"),
    [("not just a sense of urgency but pure speed was his expectation", set()),
     ("the fire damaged not only the lounge but the deck", set()),
     ("the board did not delay the report", {"delay", "report"}),
     ("the GAO upheld the protest, though not all claims were upheld", set()),
     ("I can't believe they outsourced the tanker", set()),
     ("I do not believe they outsourced the tanker", {"believe", "outsourced", "tanker"})],
)
def test_not_only_adds_rather_than_negates_for_the_contradiction_test(text, negated):
    from storytrace.stance import negated_stems, stem, tokens

    assert negated_stems(tokens(text)) == {stem(w) for w in negated}


@pytest.mark.parametrize(
    ("published", "linked"),
    [(("2008-03-01", "2008-05-20"), False),   # different amounts, reports weeks apart: two occasions
     (("2008-03-01", "2008-03-13"), True),    # under a month apart: one claim whose figures differ
     (("2008-03-01", None), True)],           # a date unknown: no evidence of two occasions
)
def test_different_amounts_weeks_apart_are_different_occasions(published, linked):
    from storytrace.link.claims import LinkModel, link_context, link_probabilities
    from storytrace.pipeline import story_models

    texts = ["The Nasdaq composite index fell 3.2 percent on heavy selling", "The Nasdaq composite index fell 2.1 percent on heavy selling"]
    props = [Proposition(id=f"p{i}", doc=f"d{i}", start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    documents = [Document(id=f"d{i}", source=f"d{i}.txt", text=t, published=published[i]) for i, t in enumerate(texts)]
    static, _ = story_models()
    context, pairs = link_context(props, [], static, documents)
    links = link_probabilities(pairs, context, LinkModel.load())
    assert (links.get((0, 1), 0.0) > 0) is linked


def _paragraph_story() -> tuple[list[Proposition], list[Document]]:
    """Two paragraphs: the union's claim and the company's answer, the union's own contrast, then
    the company again on a new line; and the reporter's claim with the reporter's correction."""
    text = ("Nine miners were trapped below the surface on Monday. Nobody was down there when the water came. "
            "The crew had not finished the shift yet.\nNobody was in the flooded section at all.\n"
            "The pumps failed on Sunday night. The pumps had not failed before the storm.")
    clauses = [("Nine miners were trapped below the surface on Monday", "the union", False),
               ("Nobody was down there when the water came", "the company", True),
               ("The crew had not finished the shift yet", "the union", True),
               ("Nobody was in the flooded section at all", "the company", True),
               ("The pumps failed on Sunday night", None, False),
               ("The pumps had not failed before the storm", None, True)]
    props = []
    for i, (clause, speaker, negated) in enumerate(clauses):
        start = text.index(clause)
        props.append(Proposition(id=f"p{i}", doc="d0", start=start, end=start + len(clause), text=clause,
                                 speaker=speaker, negated=negated, statement=f"s{i}" if speaker else None))
    return props, [Document(id="d0", source="d0.txt", text=text)]


@pytest.mark.parametrize(
    ("pair", "answers"),
    [((0, 1), True),    # another source's negated clause in the same paragraph answers the claim
     ((0, 2), False),   # the union's own clause: no answer
     ((1, 2), False),   # both negated
     ((0, 3), False),   # a line break between them
     ((4, 5), True)],   # the reporter's claim and the reporter's correction
)
def test_an_answer_from_another_source_in_the_paragraph_is_a_link_feature(pair, answers):
    from storytrace.link.claims import link_context, paragraph_replies
    from storytrace.pipeline import story_models

    props, documents = _paragraph_story()
    static, _ = story_models()
    context, pairs = link_context(props, [], static, documents)
    assert paragraph_replies(np.array([pair[0]]), np.array([pair[1]]), context).tolist() == [float(answers)]
    if answers:
        assert pair in pairs  # a candidate pair however few words they share ...
    assert not content_keys(props[0].text) & content_keys(props[1].text)  # ... and (0, 1) share none


def test_paragraphs_are_unknown_without_the_documents():
    from storytrace.link.claims import link_context, paragraph_replies
    from storytrace.pipeline import story_models

    props, _ = _paragraph_story()
    static, _ = story_models()
    context, _ = link_context(props, [], static)
    assert paragraph_replies(np.array([0]), np.array([1]), context).tolist() == [0.0]


@pytest.mark.parametrize(("words", "title"), [
    ("On December 29, 2016, just days after Resolution 2334 was passed, the Russian ambassador called Trump's adviser",
     "The Russian ambassador called Trump's adviser"),
    ("In 2016, Russia was willing to block the resolution", "Russia was willing to block the resolution"),
    ("Two weeks later, the dam failed completely", "The dam failed completely"),
    # a condition, a subject set off by commas and a frame longer than a date are kept
    ("If the resolution was brought for a vote, Russia would block it", "If the resolution was brought for a vote, Russia would block it"),
    ("Two engineers, who asked not to be named, said the dam failed", "Two engineers, who asked not to be named, said the dam failed"),
    ("In the calendar year 2024 the Trust delivered 655 short breaks to young carers, more than in any previous year",
     "In the calendar year 2024 the Trust delivered 655 short breaks to young carers, more than in any previous year"),
])
def test_a_claims_short_form_leaves_out_its_opening_frames(words, title):
    from storytrace.link.claims import claim_text
    assert claim_text(words) == title


@pytest.mark.parametrize(("words", "text"), [
    ("This switch, he said, would happen beginning next year", "This switch would happen beginning next year"),
    ("The plan, officials said, was flawed", "The plan was flawed"),
    ("Paris, France, is large", "Paris, France, is large"),  # no attribution, nothing left out
])
def test_an_attribution_inside_a_clause_is_no_part_of_its_words(words, text):
    from storytrace.link.claims import proposition_text
    assert proposition_text(Proposition(id="p", doc="d", start=0, end=len(words), text=words)) == text


@pytest.mark.parametrize(("speaker", "kind", "content", "mode", "title"), [
    # the pronoun opening what someone is reported to have said is the speaker
    ("Ian Cole", "person", "he had asked officials for an urgent report", "indirect",
     "Ian Cole had asked officials for an urgent report"),
    ("Information Commissioner's Office", "organization", "it had received a report", "indirect",
     "Information Commissioner's Office had received a report"),
    # not of the other gender, not an organisation's 'he', not inside a quote
    ("Helena Prendergast", "person", "he had missed two tests last year", "indirect", "he had missed two tests last year"),
    ("Westwave", "organization", "he had resigned in March", "indirect", "he had resigned in March"),
    ("Ian Cole", "person", "He had asked officials for an urgent report", "direct",
     "He had asked officials for an urgent report"),
])
def test_a_claim_named_by_a_reported_clause_names_its_speaker_for_the_pronoun(speaker, kind, content, mode, title):
    from storytrace.link.claims import as_stated
    from storytrace.schema import Speaker, Statement

    statement = Statement(id="s1", doc="d", start=20, end=20 + len(content), speaker=Speaker(speaker, kind, 0, 8),
                          cue="said", cue_start=10, cue_end=14, mode=mode, text=content)
    proposition = Proposition(id="p", doc="d", start=20, end=20 + len(content), text=content, statement="s1",
                              whole=True)
    assert as_stated(proposition, content, statement) == title


def test_a_rebuttal_is_compared_by_its_own_words_not_by_what_it_answers():
    """A rebuttal's text is the claim it answers; its quote is its own words, no rewording of another quote."""
    from storytrace.link.claims import claim_variants
    from storytrace.link.origins import Origin
    from storytrace.schema import Document

    first, second = "Every study was submitted to the regulator", 'Veltrix said it "rejects these allegations entirely."'
    documents = {"A": Document("A", "a.txt", first), "B": Document("B", "b.txt", second)}
    members = [Proposition(id="p1", doc="A", start=0, end=len(first), text=first, statement="s1"),
               Proposition(id="p2", doc="B", start=0, end=len(second), statement="s2",
                           text="every study was not submitted to the regulator")]
    origins = {0: Origin("ent-x", "Veltrix", "organization"), 1: Origin("ent-x", "Veltrix", "organization")}
    variants = claim_variants(members, {0: "denies", 1: "denies"}, [0, 1], origins,
                              {"s1": "direct", "s2": "direct"}, documents)
    assert not [v for v in variants if v.kind == "quote wording"]


@pytest.mark.parametrize(("side", "center", "condition_only"), [
    ("If this warning was ignored, someone has to answer for it", "The warning was sent on March 3", True),
    ("if the resolution was brought for a vote, Russia would block it", "Russia was willing to block the resolution",
     False),
    ("The warning was ignored, and someone has to answer for it", "The warning was sent on March 3", False)])
def test_a_side_that_bears_on_a_claim_only_in_its_condition_does_not_state_it(side, center, condition_only):
    from storytrace.link.claims import only_its_condition_bears_on

    assert only_its_condition_bears_on(side, center) is condition_only


@pytest.mark.parametrize(("note", "flagged"), [
    (", offering no evidence", True),
    (". He did not provide any evidence for the claim", True),
    (". Officials found no evidence of fraud", False),  # someone else's finding, not a note on his claim
    ("", False),
])
def test_a_claim_made_without_evidence_is_flagged(analyze_text, note, flagged):
    from storytrace.link.claims import NO_EVIDENCE_FLAG
    from storytrace.pipeline import build_dossier

    first = analyze_text("Mayor says vote was rigged\n\nMayor Tom Brandt said on Tuesday that the city election was "
                         f"rigged by postal ballots{note}.\n", outlet="Harbor Tribune")
    second = analyze_text("Brandt repeats claim\n\nMayor Tom Brandt told supporters that the city election had been "
                          "rigged by postal ballots.\n", outlet="Valley Courier")
    claims = build_dossier([first, second]).claims
    rigged = [c for c in claims if "rigged by postal ballots" in c.text]
    assert len(rigged) == 1 and (NO_EVIDENCE_FLAG in rigged[0].flags) == flagged
    assert all("evidence" not in m.text for m in rigged[0].mentions if m.stance == "supports")


@pytest.mark.parametrize(("later", "taken_back"), [
    ("Governor Lena Ortiz on Monday walked back her claim that the state skipped the 2023 inspection of the bridge.",
     True),
    # another source's denial is a contest, not a retraction
    ("State Senator Paul Grady denied that the state skipped the 2023 inspection of the bridge.", False),
])
def test_a_claim_its_source_took_back_is_flagged(analyze_text, later, taken_back):
    from storytrace.link.claims import TAKEN_BACK_FLAG
    from storytrace.pipeline import build_dossier

    first = analyze_text("Governor says inspection skipped\n\nGovernor Lena Ortiz said on Sunday that the state skipped "
                         "the 2023 inspection of the bridge.\n", outlet="Harbor Tribune")
    second = analyze_text("Inspection row\n\n" + later + "\n", outlet="Valley Courier")
    (claim,) = [c for c in build_dossier([first, second]).claims if "2023 inspection" in c.text]
    assert (TAKEN_BACK_FLAG in claim.flags) is taken_back
    assert "denies" in {m.stance for m in claim.mentions}


@pytest.mark.parametrize(("first_day", "second_day", "flagged"), [
    ("on Tuesday", "on Wednesday", True),
    ("on Tuesday", "next Tuesday", False),  # one day in other words
    ("on Tuesday", "on May 12", False),  # the timeline resolves Tuesday to May 12
    ("on Tuesday", "on May 13", True),
])
def test_two_reports_dating_one_act_to_different_days_are_flagged(analyze_text, first_day, second_day, flagged):
    from storytrace.pipeline import build_dossier

    first = analyze_text("Union calls strike\n\nWorkers at the Pellworth car plant will walk out "
                         f"{first_day}, the union said.\n", published="2026-05-08", outlet="Morning Ledger")
    second = analyze_text("Strike next week\n\nWorkers at the Pellworth car plant will walk out "
                          f"{second_day}, the union announced.\n", published="2026-05-08", outlet="Evening Chronicle")
    (claim,) = [c for c in build_dossier([first, second]).claims if "walk out" in c.text]
    dates = [[v.text for v in variant.values] for variant in claim.variants if variant.kind == "dates"]
    assert ("dates differ" in claim.flags) is flagged
    assert dates == ([["Tuesday", second_day.split(" ", 1)[1]]] if flagged else [])


def test_what_someone_asked_for_is_shown_not_counted_on_a_claim_of_fact(analyze_text):
    from storytrace.pipeline import build_dossier

    first = analyze_text("Dam leak\n\nThe operator of the Harlow dam said engineers had found a small leak in the dam "
                         "spillway.\n", outlet="Newswire")
    second = analyze_text("Letter\n\nWe ask that Harlow Water inspect the dam spillway for a leak.\n",
                          outlet="Harlow Residents Association")
    claims = [c for c in build_dossier([first, second]).claims if any("spillway" in m.text for m in c.mentions)]
    asked = [m for c in claims for m in c.mentions if "inspect" in m.text]
    assert asked and not any(m.counted for c in claims if len(c.mentions) > 1 for m in c.mentions if "inspect" in m.text)


def test_a_correction_of_another_detail_does_not_deny_the_claim(analyze_text):
    from storytrace.pipeline import build_dossier

    first = analyze_text("Sprinter suspended\n\nOlympic 200m silver medallist Amara Osei has been provisionally suspended "
                         "after testing positive for a banned steroid, the Athletics Integrity Unit announced on "
                         "Thursday. The 26-year-old, who won silver in Paris, faces a ban of up to four years.\n\n"
                         "Correction: An earlier version of this article said Osei won bronze in Paris. She won "
                         "silver.\n", outlet="The Guardian")
    second = analyze_text("Osei banned\n\nOlympic silver medallist Amara Osei has been provisionally banned after a "
                          "positive test for the steroid trenbolone.\n", outlet="BBC Sport")
    (claim,) = [c for c in build_dossier([first, second]).claims if any("bronze" in m.text for m in c.mentions)]
    assert len(claim.mentions) > 1  # grouped with the suspension, which it does not deny
    assert not any(m.counted for m in claim.mentions if m.stance == "denies")
    assert "contested" not in claim.flags and not claim.origins["denies"]


@pytest.mark.parametrize(("center", "retracted", "elsewhere"), [
    ("Olympic silver medallist Amara Osei has been provisionally banned after a positive test", "Osei won bronze in Paris",
     True),  # only a name in common
    ("Adair was fired by the board on Monday", "Adair had been fired by the authority's board", False),
])
def test_a_correction_sharing_only_names_with_a_claim_corrects_something_else(center, retracted, elsewhere):
    from storytrace.link.claims import corrects_something_else, retracted_by_corrections

    assert corrects_something_else(center, retracted) is elsewhere
    text = f"Story\n\n{center}.\n\nCorrection: An earlier version of this article said {retracted}.\n"
    document = make_document(text, "a.txt", {"outlet": "Evening Star"}, IngestOptions())
    assert retracted_by_corrections([document]) == {(document.id, text.index(retracted))}


def test_a_denial_of_another_figure_is_shown_not_counted(analyze_text):
    from storytrace.pipeline import build_dossier

    first = analyze_text("Factory fire kills 10\n\nA fire at the Brenner textile factory killed 10 workers on Thursday, "
                         "the fire service said.\n\nCorrection: An earlier version of this article said 12 workers "
                         "were killed.\n", outlet="Lodz Daily")
    second = analyze_text("Fire toll\n\nThe fire service said the fire at the Brenner textile factory killed 10 "
                          "workers.\n", outlet="Warsaw Voice")
    (claim,) = [c for c in build_dossier([first, second]).claims if "10 workers" in c.text]
    denial = [m for m in claim.mentions if m.stance == "denies"]
    assert denial and not any(m.counted for m in denial)
    assert "contested" not in claim.flags and not claim.origins["denies"]


@pytest.mark.parametrize(("first", "second", "speakers", "flagged"), [
    ("This is a sad day, but the numbers simply do not add up", "This is a sad day, but the numbers simply don't add up",
     ("ent-costa", "ent-reeve"), True),
    # one person named two ways, or a short phrase two people used, is no misattribution
    ("This is a sad day, but the numbers simply do not add up", "This is a sad day, but the numbers simply do not add up",
     ("ent-costa", "ent-costa"), False),
    ("No comment", "No comment", ("ent-costa", "ent-reeve"), False),
])
def test_one_quote_put_in_two_speakers_mouths_is_flagged(first, second, speakers, flagged):
    from storytrace.link.claims import claim_variants, variant_flags
    from storytrace.link.origins import Origin
    from storytrace.schema import Document

    texts = [f'"{first}," Maria Costa said.', f'"{second}," said Tom Reeve.']
    documents = {"A": Document("A", "a.txt", texts[0]), "B": Document("B", "b.txt", texts[1])}
    members = [Proposition(id="p1", doc="A", start=1, end=1 + len(first), text=first, statement="s1"),
               Proposition(id="p2", doc="B", start=1, end=1 + len(second), text=second, statement="s2")]
    origins = {0: Origin("ent-costa", "Maria Costa", "person"), 1: Origin("ent-reeve", "Tom Reeve", "person")}
    named = {"s1": (texts[0].index("Maria"), texts[0].index(" said"), speakers[0]),
             "s2": (texts[1].index("Tom"), len(texts[1]) - 1, speakers[1])}
    variants = claim_variants(members, {0: "supports", 1: "supports"}, [0, 1], origins,
                              {"s1": "direct", "s2": "direct"}, documents, speaker_words=named)
    found = [v for v in variants if v.kind == "quote speaker"]
    assert bool(found) is flagged and ("speakers differ" in variant_flags(variants)) is flagged
    if found:
        assert [v.text for v in found[0].values] == ["Maria Costa", "Tom Reeve"]


def test_an_outlet_that_speaks_and_reported_is_cited_once(analyze_text):
    from storytrace.pipeline import build_dossier

    body = ("Orrin is in talks to buy Valtek, The Wall Street Journal reported on Thursday.\n\nBloomberg News reported "
            "last month that Orrin had approached several chip companies.")
    dossier = build_dossier([analyze_text("Deal talks\n\n" + body + "\n", outlet="Reuters")])
    cited = [e.cites for e in dossier.provenance]
    assert sorted(cited) == ["Bloomberg News", "The Wall Street Journal"]
