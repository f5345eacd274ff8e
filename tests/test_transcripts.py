"""Speaker turns of transcripts become direct statements by the labelled speaker."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.extract.transcripts import surname, transcript_statements, turn_matches
from storytrace.schema import Document, Mention

HEARING = """Public Safety Committee hearing, transcript excerpt

CHAIR FENWICK: We are on item 2. We will hear from Chief Dolores Vantreese first.

CHIEF VANTREESE: I did not approve that policy. The final report was not presented to me.

COUNCIL MEMBER BRANDT: The newspaper says a memo shows it was delivered to your office in April.

CHIEF VANTREESE: Something may have been delivered to the front office.
"""


def test_each_turn_is_a_direct_statement_of_its_speaker(analyze_text):
    analysis = analyze_text(HEARING)
    turns = [s for s in analysis.statements if s.cue == ":"]
    assert [(s.speaker.name, s.text.split(".")[0]) for s in turns] == [
        ("Fenwick", "We are on item 2"),
        ("Dolores Vantreese", "I did not approve that policy"),  # the fullest mention of the name
        ("Brandt", "The newspaper says a memo shows it was delivered to your office in April"),
        ("Dolores Vantreese", "Something may have been delivered to the front office"),
    ]
    assert {s.mode for s in turns} == {"direct"}
    text = analysis.document.text
    assert all(text[s.start:s.end] == s.text and text[s.cue_start:s.cue_end] == ":" for s in turns)
    # reported speech of others inside a turn stays a statement of its own
    assert any(s.speaker.name.lower() == "the newspaper" for s in analysis.statements)


def test_a_turn_speakers_own_we_is_not_the_body_that_issued_the_transcript(analyze_text):
    text = ("Office of the Trade Union Registrar: preliminary hearing, transcript\n\nDEPUTY REGISTRAR WHITCOMBE: "
            "Ms. Hargreave, you may begin.\n\nMS. HARGREAVE: Deputy Registrar, we have statements from branch secretaries, "
            "and we ask for disclosure of all head office emails to branches in April.\n\nMR. BELLAMY: The union does "
            "not oppose disclosure.\n")
    analysis = analyze_text(text, outlet="Office of the Trade Union Registrar")
    assert [s.speaker.name for s in analysis.statements if "disclosure of all" in s.text] == ["Hargreave"]


def test_a_label_is_linked_to_the_documents_fullest_mention_of_that_name():
    document = Document(id="d", source="d.txt", text=HEARING)
    start = HEARING.index("Dolores Vantreese")
    mentions = [Mention(doc="d", start=start, end=start + len("Dolores Vantreese"), text="Dolores Vantreese", label="PERSON"),
                Mention(doc="d", start=HEARING.index("CHIEF VANTREESE"), end=HEARING.index("CHIEF VANTREESE") + 15,
                        text="CHIEF VANTREESE", label="PERSON")]
    chief = [s for s in transcript_statements(document, mentions) if "approve" in s.text][0]
    assert (chief.speaker.name, chief.speaker.ref_start) == ("Dolores Vantreese", start)


def test_a_label_known_only_in_capitals_is_shown_by_its_name():
    document = Document(id="d", source="d.txt", text=HEARING)
    label = HEARING.index("CHIEF VANTREESE")
    mentions = [Mention(doc="d", start=label, end=label + 15, text="CHIEF VANTREESE", label="PERSON")]
    chief = [s for s in transcript_statements(document, mentions) if "approve" in s.text][0]
    assert (chief.speaker.name, chief.speaker.ref_start) == ("Vantreese", label)


def test_a_turn_clause_that_denies_is_a_denial(analyze_text):
    analysis = analyze_text(HEARING.replace("I did not approve that policy.", "The claim that I approved it is false."))
    assert [(p.speaker, p.polarity) for p in analysis.propositions if "approved" in p.text] == [("Dolores Vantreese", "deny")]


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nCorrection: An earlier version misspelled a name.\nNote: Figures are rounded.\nUpdate: Added a comment.\n",
        "Headline\n\nQ: What happened?\nA: The valve failed.\nQ: When?\nA: On Monday.\n",
        "Headline\n\nSMITH: One.\nSMITH: Two.\nSMITH: Three.\n",  # one speaker only: no exchange
        "Headline\n\nJONES: Hello there.\nSMITH: Hello to you.\n",  # too few turns to read as a transcript
        "Headline\n\nHearing: Recall of tablets\nWitness: Dr. Helen Marsh\nOn Halvorsen: the letter did not say so.\n",
        # a report's section labels
        "Inspection Report\n\nInspection date: 14 June 2022\n\nFindings: Cracks were seen in two girders.\n\n"
        "Recommendation: Restrict the bridge to light vehicles.\n",
    ],
)
def test_lines_that_are_not_speaker_turns(text):
    assert turn_matches(text) == []


@pytest.mark.parametrize(
    ("label", "name"),
    [("FINANCE DIRECTOR OSEI", "Osei"), ("MS. LINDQVIST", "Lindqvist"), ("CHAIR FENWICK", "Fenwick"),
     ("THE COURT", "The Court"), ("Dr. Amos Reed", "Reed")],
)
def test_a_label_names_its_speaker_by_the_last_word_that_is_not_a_role(label, name):
    assert surname(label) == name


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(["CHAIR", "SMITH", "Q", "NOTE", "Jones", "DR. LEE", "the", "A B C D E F G"]),
                          st.text(alphabet="abc .:\n", min_size=0, max_size=30)), max_size=8))
def test_turns_stay_inside_their_line(lines):
    text = "".join(f"{label}: {body}\n" for label, body in lines)
    document = Document(id="d", source="d.txt", text=text)
    for statement in transcript_statements(document, []):
        assert 0 <= statement.cue_start < statement.start <= statement.end <= len(text)
        assert "\n" not in text[statement.start:statement.end]
        assert text[statement.start:statement.end] == statement.text


def test_paragraphs_after_a_turn_are_the_same_speakers_until_the_next_turn():
    text = ("Board meeting, transcript excerpt\n\n"
            "CHAIR ASHER: We are on item 2. I will make a statement.\n\n"
            "First, this board never voted to approve the purchase.\n\n"
            "(Recess at 10:51 p.m.)\n\n"
            "TRUSTEE OKAFOR: I was in that room. There was a motion.\n\n"
            "CHAIR ASHER: Thank you. We will now take public comment.\n\n"
            "Prepared by the Office of the Board Secretary.\n")
    found = [(s.speaker.name, s.text) for s in transcript_statements(Document(id="d", source="d.txt", text=text), [])]
    assert found == [("Asher", "We are on item 2. I will make a statement."),
                     ("Asher", "First, this board never voted to approve the purchase."),
                     ("Okafor", "I was in that room. There was a motion."),
                     ("Asher", "Thank you. We will now take public comment.")]


def test_a_speaker_known_by_surname_only_is_the_storys_one_person_of_that_name():
    from storytrace.pipeline import _link_speaker, unique_surnames
    from storytrace.schema import Entity, Speaker, Statement

    people = [Entity(id="e1", name="Ann Brandt", type="PERSON", aliases=(), mentions=()),
              Entity(id="e2", name="Kyle Moss", type="PERSON", aliases=(), mentions=()),
              Entity(id="e3", name="Jo Moss", type="PERSON", aliases=(), mentions=())]
    surnames = unique_surnames(people)
    assert surnames == {"brandt": "e1"}  # two Mosses: neither is meant

    def said_by(name: str) -> Statement:
        return Statement(id="s", doc="d", start=10, end=20, speaker=Speaker(name=name, kind="person", start=0, end=6),
                         cue=":", cue_start=6, cue_end=7, mode="direct")

    assert _link_speaker(said_by("Brandt"), {}, surnames).speaker.entity == "e1"
    assert _link_speaker(said_by("Moss"), {}, surnames).speaker.entity is None
    assert _link_speaker(said_by("Brandt"), {("d", 0, 6): "e9"}, surnames).speaker.entity == "e9"  # the words win


@pytest.mark.parametrize(("line", "label"), [
    ("SENATOR FALK (Chemistry): I flagged this on January 6.", "SENATOR FALK"),
    ("MR. RYAN (D-Ohio): The gentleman yields back.", "MR. RYAN"),
    ("CHIEF VANTREESE: I did not approve that policy.", "CHIEF VANTREESE"),
])
def test_a_label_may_carry_an_affiliation_in_brackets(line, label):
    text = f"CHAIR HOLLOWAY: Questions.\n\n{line}\n\nCHAIR HOLLOWAY: Thank you.\n"
    assert [m.group("label") for m in turn_matches(text)] == ["CHAIR HOLLOWAY", label, "CHAIR HOLLOWAY"]


def test_officials_named_again_are_linked_to_the_body_they_were_first_named_with(analyze_text):
    from storytrace.pipeline import build_dossier

    body = ("The Pentagon is considering withdrawing about 800 troops, two U.S. officials said Wednesday. The officials, "
            "who spoke on condition of anonymity, said no final decision had been made.")
    dossier = build_dossier([analyze_text("Headline\n" + body + "\n")])
    assert len({s.speaker.entity for s in dossier.statements}) == 1 and dossier.statements[0].speaker.entity


@pytest.mark.parametrize(("body", "speaker", "body_name"), [
    ("The US Air Force awarded the contract. USAF officials said that the award was based on competence.",
     "USAF officials", "US Air Force"),  # the body by its acronym, which the model tagged nowhere
    ("The strike hit a depot. Pentagon officials said the strike was legal.", "Pentagon officials", "Pentagon"),
    ("A spokesman for the Justice Department said the inquiry was closed.",
     "A spokesman for the Justice Department", "Justice Department"),
    # a mission's observers speak for the body that sent them
    ("International observers from the Organization for Security and Co-operation in Europe said the vote was "
     "competitive.", "observers from the Organization for Security and Co-operation in Europe",
     "Organization for Security and Co-operation in Europe"),
    ("A professor from the University of Michigan said the company would file for bankruptcy.",
     "A professor from the University of Michigan", None),  # a member speaks for no body
    ('Apple announced his death on Wednesday. A statement on Apple\'s website states: "Apple has lost a visionary '
     'and creative genius."', "Statement on Apple's website", "Apple"),  # a record of someone named: its owner
])
def test_unnamed_officials_or_a_spokesman_of_a_body_are_linked_to_that_body(analyze_text, body, speaker, body_name):
    from storytrace.pipeline import build_dossier

    dossier = build_dossier([analyze_text("Headline\n" + body + "\n")])
    names = {e.id: e.name for e in dossier.entities}
    [statement] = [s for s in dossier.statements if s.speaker.name == speaker]
    assert names.get(statement.speaker.entity) == body_name


INTERVIEW = """Interview: Ben Holloway on the Northvale breach

The security researcher Ben Holloway spoke to the Midshire Echo on Wednesday.

Q: When did you first see the Northvale files?

A: On Saturday morning. Someone had posted a sample on a forum I monitor.

Q: Northvale says about 40,000 patients were affected. Do you agree?

A: No. The sample I saw suggests the full set is bigger.
"""

FAQ = """Statement from Harwick Automotive Components, with questions and answers

"These decisions are the hardest we make," said Paul Engstrom, Chief Executive Officer.

Q: How many jobs will be affected?

A: Approximately 410 hourly and salaried positions.

Q: When will the reductions take effect?

A: The first separations will take place no earlier than January 13, 2025.
"""


def test_an_interviews_answers_are_the_interviewees_and_its_questions_are_not(analyze_text):
    analysis = analyze_text(INTERVIEW)
    answers = [(s.speaker.name, s.text, s.mode) for s in analysis.statements if s.cue in (":", ".")]
    assert answers == [
        ("Ben Holloway", "On Saturday morning. Someone had posted a sample on a forum I monitor.", "direct"),
        ("Ben Holloway", "No. The sample I saw suggests the full set is bigger.", "direct")]
    assert not any(p.text.startswith(("A:", "Q:")) for p in analysis.propositions)
    assert not any(s.speaker.name == "The sample" for s in analysis.statements)  # what he reads from it is his


def test_a_bodys_own_questions_and_answers_stay_its_word(analyze_text):
    analysis = analyze_text(FAQ)
    assert not any(s.speaker.name == "Paul Engstrom" and "410" in s.text for s in analysis.statements)
    assert "The first separations will take place no earlier than January 13, 2025" in \
        [p.text for p in analysis.propositions]


@pytest.mark.parametrize("between", [" ", "\n"])  # the signature on the post's line, or on its own as scraped from HTML
def test_an_embedded_post_is_its_account_holders_direct_statement(analyze_text, between):
    text = ("Ferry operator under fire\n\nIslanders were quick to respond on social media.\n\n"
            f"Westwave has abandoned this island. Third time this month. pic.twitter.com/x7Yq2{between}— Moira Dunn "
            "(@moiradunn) March 10, 2026\n\nThe council meets in May.\n")
    analysis = analyze_text(text)
    posts = [(s.speaker.name, s.text, s.mode, s.cue) for s in analysis.statements]
    assert posts == [("Moira Dunn", "Westwave has abandoned this island. Third time this month.", "direct", "@moiradunn")]
    assert not analysis.document.in_boilerplate(text.index("Westwave"), text.index("pic."))  # no caption
    assert not any(m.text.startswith("@") for m in analysis.mentions)


BRIEFING = """Department Press Briefing, March 12, 2026

MR PRICE: Good afternoon. The Secretary will travel to Kessel Island on Friday to meet the council.

QUESTION: Ned, did the department know about the ferry cancellations before Tuesday?

MR PRICE: We were informed on Monday evening. We did not receive any warning before that.

QUESTION: Will Westwave lose its contract?

MR PRICE: That is a matter for the Scottish government.

(The briefing was concluded at 1:42 p.m.)
"""


def test_a_briefing_with_one_speaker_answering_questions_is_a_transcript(analyze_text):
    analysis = analyze_text(BRIEFING)
    assert [(s.speaker.name, s.text) for s in analysis.statements] == [
        ("Price", "Good afternoon. The Secretary will travel to Kessel Island on Friday to meet the council."),
        ("Price", "We were informed on Monday evening. We did not receive any warning before that."),
        ("Price", "That is a matter for the Scottish government.")]  # a question is no part of the answer before it
    assert not any("briefing was concluded" in p.text or "QUESTION" in p.text for p in analysis.propositions)
    assert not any(m.text == "QUESTION" for m in analysis.mentions)


def test_a_speaker_known_only_by_the_label_is_an_actor(analyze_text):
    from storytrace.pipeline import build_dossier

    analysis = analyze_text(BRIEFING)
    labelled = [m for m in analysis.mentions if m.text == "PRICE"]
    assert len(labelled) == 3 and all(m.label == "PERSON" for m in labelled)  # one per turn
    dossier = build_dossier([analysis])
    price = next(e for e in dossier.entities if e.name == "Price")  # shown by its name, not in capitals
    assert price.type == "PERSON"
    assert {s.speaker.entity for s in dossier.statements} == {price.id}


def test_a_label_adds_no_mention_when_the_text_names_the_speaker_or_names_no_one():
    from storytrace.extract.transcripts import label_mentions

    named = [Mention(doc="d", start=52, end=69, text="Dolores Vantreese", label="PERSON")]
    found = {m.text for m in label_mentions(Document(id="d", source="d.txt", text=HEARING), named)}
    assert found == {"FENWICK", "BRANDT"}  # VANTREESE is the named chief; CHAIR and COUNCIL MEMBER are roles
    court = "THE COURT: Be seated.\n\nMS HALE: Thank you.\n\nTHE COURT: Proceed.\n"
    assert [m.text for m in label_mentions(Document(id="c", source="c.txt", text=court), [])] == ["HALE"]


DEPOSITION = """Deposition of Harold Vance, March 3, 2026 (excerpt)

EXAMINATION BY MS. OKAFOR:

Q. Mr. Vance, did you see the inspection memo before the fire?
A. No. I never saw it. It went to the operations office.

Q. Did Ms. Marlowe tell you about the missed checks?
A. She did not. I learned about them from the newspaper.

MS. OKAFOR: Nothing further.
"""


def test_a_depositions_answers_are_the_witnesss_and_end_at_the_next_speakers_label(analyze_text):
    analysis = analyze_text(DEPOSITION)
    assert [(s.speaker.name, s.text) for s in analysis.statements] == [
        ("Harold Vance", "No. I never saw it. It went to the operations office."),
        ("Harold Vance", "She did not. I learned about them from the newspaper.")]


PARLIAMENT = """House of Commons
Prime Minister's Questions

Dame Harriet Cole (Kestrel Vale) (Con): The Prime Minister promised in July that no hospital would close an A&E department this year. Will he now admit that the promise has been broken?

The Prime Minister (Daniel Ashworth): The right hon. Lady is simply wrong. St Ninian's has not closed its A&E.

Mr Tobias Grint (Northfield) (Lab): Does my right hon. Friend agree that the sum we have put into emergency care is the largest in a generation?

The Prime Minister: I do agree. We are recruiting 2,000 more emergency doctors.

THE CHAIR (Councillor Lewis Harrow): We move to item 4.
"""


def test_a_parliaments_turns_their_brackets_and_the_office_holder_named_in_one(analyze_text):
    from storytrace.pipeline import build_dossier

    analysis = analyze_text(PARLIAMENT)
    turns = [(s.speaker.name, s.text.split(".")[0]) for s in analysis.statements if s.cue == ":"]
    assert turns == [("Dame Harriet Cole", "The Prime Minister promised in July that no hospital would close an A&E department "
                                           "this year"),
                     ("Daniel Ashworth", "The right hon"),
                     ("Tobias Grint", "Does my right hon"),
                     ("Daniel Ashworth", "I do agree"),
                     ("Lewis Harrow", "We move to item 4")]
    # a question asked of a member says nothing; 'the Prime Minister' is the one the bracket named
    others = [s for s in analysis.statements if s.cue != ":"]
    assert [(s.speaker.name, s.cue) for s in others] == [("The Prime Minister", "promised")]
    dossier = build_dossier([analysis])
    names = {e.id: e.name for e in dossier.entities}
    assert [names.get(s.speaker.entity) for s in dossier.statements if s.cue == "promised"] == ["Daniel Ashworth"]
    # constituencies in brackets are no people, nor is 'the right hon. Lady'; a saint's name is a place
    labels = {m.text: m.label for m in analysis.mentions}
    assert labels.get("Kestrel Vale") != "PERSON" and labels.get("Northfield") != "PERSON"
    assert "Lady" not in labels and labels.get("St Ninian") == "FAC"


@pytest.mark.parametrize(("body", "speaker"), [
    ('Alan Smith, the council leader, was unrepentant: "We did the right thing and we would do it again."', "Alan Smith"),
    # someone speaking for the person named before the colon is not that person
    ("Tiago Mendes's lawyer was blunt: \"Nothing is done and nothing will be done.\"", None),
])
def test_a_quotation_after_a_lead_in_about_one_person(analyze_text, body, speaker):
    said = [s.speaker.name for s in analyze_text("Headline here\n\n" + body + "\n").statements]
    assert said == ([speaker] if speaker else [])
