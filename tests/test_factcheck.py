"""Fact-check articles: the reviewed claim is its claimant's word, the verdict the fact-checker's side."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.extract.factcheck import verdict_polarity

CHECK = """Fact check: Did Harwick spend $2 million on a bus shelter?

Claim: The city of Harwick spent $2 million on a single bus shelter on Grange Road.

Rating: False

Councillor Rita Okonkwo made the claim at a residents' meeting on Oct. 5.

City procurement records show the Grange Road shelter cost $48,200, including installation.
"""

REPORT = """Councillor says city spent $2 million on one bus shelter

Councillor Rita Okonkwo said on Monday that the city of Harwick spent $2 million on a single bus shelter on Grange Road.
"""


@pytest.mark.parametrize(("verdict", "polarity"), [
    ("False", "deny"), ("Mostly false", "deny"), ("Pants on Fire!", "deny"), ("**Misleading**", "deny"),
    ("Four Pinocchios", "deny"), ("True", "assert"), ("Mostly True", "assert"), ("Correct.", "assert"),
    ("Half True", None), ("Mixture", None), ("Unproven", None), ("Missing context", None),
    ("Okonkwo said the shelter cost $2 million.", None), ("True to form, the council delayed the vote.", None),
    ("False. The shelter cost $48,200.", "deny"), ("Mostly true (with context)", "assert")])
def test_verdict_polarity(verdict, polarity):
    assert verdict_polarity(verdict) == polarity


@pytest.mark.parametrize("layout", [
    CHECK,
    CHECK.replace("Claim: ", "Claim\n").replace("Rating: False", "Verdict\n\nFalse"),
    CHECK.replace("Rating: False\n\n", "") + "\nWe rate this claim False.\n"])
def test_the_claim_line_is_the_claimants_and_the_verdict_the_fact_checkers(analyze_text, layout):
    analysis = analyze_text(layout, outlet="FactCheck Harwick")
    text = analysis.document.text
    claimed = [s for s in analysis.statements if text[s.start:s.end].startswith("The city of Harwick spent")]
    assert [(s.speaker.name.removeprefix("Councillor "), s.polarity) for s in claimed] == [("Rita Okonkwo", "assert")]
    verdicts = [p for p in analysis.propositions if p.verdict]
    assert [(p.speaker, p.polarity, p.text) for p in verdicts] == [
        ("FactCheck Harwick", "deny", "The city of Harwick spent $2 million on a single bus shelter on Grange Road")]
    # the claim line is no assertion of the fact-checker's own
    assert not [p for p in analysis.propositions if p.statement is None and "single bus shelter" in p.text]


def test_a_mixed_verdict_or_no_verdict_leaves_the_text_as_prose(analyze_text):
    for text in (CHECK.replace("Rating: False", "Rating: Half true"), CHECK.replace("Rating: False\n\n", "")):
        analysis = analyze_text(text, outlet="FactCheck Harwick")
        assert not [p for p in analysis.propositions if p.verdict]
        assert not [s for s in analysis.statements if s.cue.lower() in ("claim", "rating")]


def test_a_fact_check_denies_the_claim_it_rates_with_its_own_evidence():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    documents = [make_document(REPORT, "report.txt", {"outlet": "Harwick Courier", "published": "2026-10-06"},
                               IngestOptions()),
                 make_document(CHECK, "check.txt", {"outlet": "FactCheck Harwick", "published": "2026-10-08"},
                               IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    claim = next(c for c in dossier.claims if any("Rating: False" in m.text for m in c.mentions))
    sides = {(m.origin, m.stance) for m in claim.mentions if m.counted}
    assert ("FactCheck Harwick", "denies") in sides and ("FactCheck Harwick", "supports") not in sides
    assert ("Rita Okonkwo", "supports") in sides or ("Councillor Rita Okonkwo", "supports") in sides
    assert "contested" in claim.flags


@pytest.mark.parametrize(("note", "withdrawn"), [
    ("Correction: An earlier version of this article said Adair had been fired by the authority's board. He resigned.",
     "Adair had been fired by the authority's board"),
    ("A previous version of this story incorrectly stated that the audit found $30 million missing.",
     "the audit found $30 million missing")])
def test_a_correction_is_the_outlets_denial_of_what_it_once_said(analyze_text, note, withdrawn):
    analysis = analyze_text("Harbour chief resigns\n\nGlen Adair resigned on Friday.\n\n" + note + "\n",
                            outlet="Portmarsh Post")
    denials = [(s.speaker.name, s.text) for s in analysis.statements if s.polarity == "deny"]
    assert denials == [("Portmarsh Post", withdrawn)]
    assert [p.polarity for p in analysis.propositions if p.text == withdrawn] == ["deny"]


def test_a_correction_without_the_old_words_withdraws_nothing(analyze_text):
    analysis = analyze_text("Harbour chief resigns\n\nGlen Adair resigned on Friday.\n\nCorrection: An earlier "
                            "version of this article misstated the amount of money the audit found.\n",
                            outlet="Portmarsh Post")
    assert not [s for s in analysis.statements if s.polarity == "deny"]

LINES = st.sampled_from(["Claim: The city spent $2 million on one shelter.", "Rating: False", "Verdict\n\nMostly true",
                         "Claimed by: Rita Okonkwo", "We rate this claim Pants on Fire!", "Rating:", "Claim:",
                         "Correction: An earlier version of this article said the mayor resigned.", "Half true",
                         "An earlier version of this story stated that", "The council met on Monday.", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=8), st.sampled_from(["\n", "\n\n", " "]))
def test_fact_check_lines_never_raise_and_point_into_the_text(lines, joiner):
    from storytrace.extract.factcheck import correction_statements, factcheck_statements, verdict_propositions
    from storytrace.schema import Document

    text = joiner.join(lines)
    document = Document("d", "check.txt", text, outlet="FactCheck Harwick")
    statements = factcheck_statements(document, [], []) + correction_statements(document)
    for statement in statements:
        assert 0 <= statement.start < statement.end <= len(text)
        assert statement.text == text[statement.start:statement.end] and statement.text.strip()
        assert statement.cue_start < statement.cue_end <= statement.start
    for proposition in verdict_propositions(document, statements):
        assert 0 <= proposition.start < proposition.end <= len(text) and proposition.text
        assert proposition.polarity in ("deny", "assert") and proposition.verdict


@pytest.mark.parametrize(("claimant", "speaker"), [
    ("Claimed by: Viral Facebook posts", ("Viral Facebook posts", "anonymous")),
    ("Claimed by: Rita Okonkwo", ("Rita Okonkwo", "person"))])
def test_a_claimant_line_names_who_made_the_claim(analyze_text, claimant, speaker):
    text = CHECK.replace("Councillor Rita Okonkwo made the claim at a residents' meeting on Oct. 5.", claimant)
    analysis = analyze_text(text, outlet="FactCheck Harwick")
    (claimed,) = [s for s in analysis.statements if s.cue == "Claim"]
    assert (claimed.speaker.name, claimed.speaker.kind) == speaker


def test_each_claim_of_a_check_has_its_own_verdict(analyze_text):
    text = ("Fact check: two claims about the Grange Road shelter\n\n"
            "Claim: The city of Harwick spent $2 million on a single bus shelter.\n\nRating: False\n\n"
            "Claim: The Grange Road shelter was installed in 2024.\n\nRating: True\n")
    analysis = analyze_text(text, outlet="FactCheck Harwick")
    verdicts = [(p.polarity, p.text) for p in analysis.propositions if p.verdict]
    assert verdicts == [("deny", "The city of Harwick spent $2 million on a single bus shelter"),
                        ("assert", "The Grange Road shelter was installed in 2024")]


def test_a_verdict_written_as_a_sentence_and_a_second_verdict_both_deny(analyze_text):
    text = ("Fact check: No rationing\n\nCLAIM: A viral post says Marlow City will ration tap water to 50 litres a day.\n\n"
            "VERDICT: False.\n\nA post shared more than 12,000 times on Facebook since Sunday claims that the city will "
            "ration water.\n\nOur ruling: The claim is false. Marlow City has announced no water rationing.\n")
    statements = analyze_text(text, outlet="CheckDesk").statements
    verdicts = [(s.cue, s.polarity) for s in statements if s.speaker.kind == "outlet"]
    assert verdicts == [("VERDICT", "deny"), ("Our ruling", "deny")]
    # a day after 'since' is no one who claims
    assert [s.speaker.name for s in statements if s.cue == "claims"] == ["Viral post"]  # the post named before
