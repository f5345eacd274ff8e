"""One source, one origin: the names a story gives a source resolve to one origin, and different
sources stay apart; 'it said' is the organisation that last spoke."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.link.origins import Origin, OriginNames, OriginResolver, filing_party, is_part_of, name_words
from storytrace.schema import Document, Entity

ENTITIES = [
    Entity("ent-nakamura", "Ellis Nakamura", "PERSON", ("Ellis Nakamura", "Nakamura"), ()),
    Entity("ent-holloway", "Gail Holloway", "PERSON", ("Gail Holloway",), ()),
    Entity("ent-olander", "Marguerite Olander", "PERSON", ("Marguerite Olander", "Olander"), ()),
    Entity("ent-macready", "Lorraine Macready", "PERSON", ("Lorraine Macready",), ()),
    Entity("ent-marchetti", "Delia Marchetti", "PERSON", ("Delia Marchetti",), ()),
    Entity("ent-harbourline", "Harbourline Freight Systems", "ORG", ("Harbourline Freight Systems",), ()),
    Entity("ent-bureau", "State Bureau of Mine Safety", "ORG", ("State Bureau of Mine Safety",), ()),
    Entity("ent-corvane", "Corvane Air", "ORG", ("Corvane Air",), ()),
    Entity("ent-press", "Corvane Air Press Office", "ORG", ("Corvane Air Press Office",), ()),
    Entity("ent-house", "Corvane House", "ORG", ("Corvane House",), ()),
    Entity("ent-us", "United States", "GPE", ("United States", "US"), ()),
]
KNOWN = [
    Origin("outlet:kelbridge evening post", "Kelbridge Evening Post", "outlet"),
    Origin("outlet:calder evening post", "Calder Evening Post", "outlet"),
    Origin("organization:calder board of canvassers", "Calder Board of Canvassers", "organization"),
    Origin("organization:ministry of interior of orvenia", "Ministry of Interior of Orvenia", "organization"),
    Origin("organization:x", "Coastal Safety Agency - Notice", "outlet"),
    Origin("outlet:corvane air", "Corvane Air", "outlet"),
    Origin("outlet:dam safety", "State Department of Natural Resources, Division of Dam Safety", "outlet"),
    Origin("organization:ethics office", "Office of Ethics and Public Integrity", "organization"),
    Origin("organization:daib", "Defence Accident Investigation Branch", "organization"),
]


@pytest.mark.parametrize(
    ("origin", "expected"),
    [  # titles and surnames resolve to the story's one person of that name
        (Origin("person:chair gail holloway", "Chair Gail Holloway", "person"), "Gail Holloway"),
        (Origin("person:nakamura", "Nakamura", "person"), "Ellis Nakamura"),
        (Origin("person:correction lorraine macready", "Correction Lorraine Macready", "person"), "Lorraine Macready"),
        (Origin("unknown:nakamura", "Nakamura", "unknown"), "Ellis Nakamura"),
        (Origin("person:councillor marchetti", "Councillor Marchetti", "person"), "Delia Marchetti"),
        (Origin("person:trustee okafor", "Trustee Marchetti", "person"), "Delia Marchetti"),
        # a person's own record is that person's word
        (Origin("document:olander's report", "Olander's report", "document"), "Marguerite Olander"),
        (Origin("document:x", "Olander's 48-page report", "document"), "Marguerite Olander"),
        (Origin("document:x", "Olander's petition", "document"), "Marguerite Olander"),
        (Origin("document:x", "Figures published by Harbourline Freight Systems", "document"), "Harbourline Freight Systems"),
        (Origin("document:x", "Preliminary report published on Thursday by Harbourline Freight Systems", "document"),
         "Harbourline Freight Systems"),
        (Origin("document:x", "Harbourline's live commentary", "document"), "Harbourline Freight Systems"),
        (Origin("document:x", "Statement by Harbourline Freight Systems", "document"), "Harbourline Freight Systems"),
        (Origin("document:x", "Testimony by Nakamura to the committee", "document"), "Ellis Nakamura"),
        # and an organisation's record is the organisation's word
        (Origin("document:x", "Harbourline's own letter to the union's executive", "document"),
         "Harbourline Freight Systems"),
        (Origin("document:x", "Letter from Harbourline Freight Systems, the firm that ran the ballot", "document"),
         "Harbourline Freight Systems"),
        (Origin("document:x", "Harbourline's announcement", "document"), "Harbourline Freight Systems"),
        # a body described, not named, that made the record is its word too
        (Origin("document:x", "Video posted by the fire service", "document"), "the fire service"),
        # a spokesperson speaks for the organisation
        (Origin("anonymous:a harbourline spokesman", "A Harbourline spokesman", "anonymous"), "Harbourline Freight Systems"),
        (Origin("anonymous:x", "A spokesman for the Board of Canvassers", "anonymous"), "Calder Board of Canvassers"),
        # and so do its officials
        (Origin("anonymous:harbourline officials", "Harbourline officials", "anonymous"), "Harbourline Freight Systems"),
        (Origin("anonymous:bureau officials", "Bureau officials", "anonymous"), "State Bureau of Mine Safety"),
        (Origin("anonymous:x", "The bureau's directors", "anonymous"), "State Bureau of Mine Safety"),
        # a body named by whose it is
        (Origin("organization:x", "Orvenia's ministry", "organization"), "Ministry of Interior of Orvenia"),
        # a public body named in another word order
        (Origin("organization:x", "Orvenia's interior ministry", "organization"), "Ministry of Interior of Orvenia"),
        (Origin("organization:x", "the Orvenian Interior Ministry", "organization"), "Ministry of Interior of Orvenia"),
        (Origin("organization:x", "Interior Ministry", "organization"), "Ministry of Interior of Orvenia"),
        # the short form of an organisation's name, or its head word alone
        (Origin("organization:harbourline", "Harbourline", "organization"), "Harbourline Freight Systems"),
        (Origin("organization:corvane air ltd", "Corvane Air Ltd", "organization"), "Corvane Air"),
        (Origin("organization:bureau", "The Bureau", "organization"), "State Bureau of Mine Safety"),
        (Origin("organization:ministry of interior", "Ministry of Interior", "organization"), "Ministry of Interior of Orvenia"),
        (Origin("organization:the office", "the office", "organization"), "Office of Ethics and Public Integrity"),
        (Origin("anonymous:x", "A spokeswoman for the ethics office", "anonymous"), "Office of Ethics and Public Integrity"),
        (Origin("unknown:the branch", "The Branch", "unknown"), "Defence Accident Investigation Branch"),
        # staff named for their work are the body named for it
        (Origin("anonymous:investigators", "Investigators", "anonymous"), "Defence Accident Investigation Branch"),
        (Origin("anonymous:x", "military accident investigators", "anonymous"), "Defence Accident Investigation Branch"),
        # a company's full name taken for a person's, and its data
        (Origin("ent-x", "Harbourline Freight Systems", "person"), "Harbourline Freight Systems"),
        (Origin("document:x", "Harbourline's internal data", "document"), "Harbourline Freight Systems"),
        # a unit named after its parent body answers to the unit's name
        (Origin("organization:division", "Division", "organization"),
         "State Department of Natural Resources, Division of Dam Safety"),
        # a company's first word alone, taken for a person or an unnamed source, is the company that speaks
        (Origin("person:corvane", "Corvane", "person"), "Corvane Air"),
        (Origin("anonymous:corvane", "Corvane", "anonymous"), "Corvane Air"),
        (Origin("organization:corvane", "Corvane", "organization"), "Corvane Air"),
        # left alone: ambiguous, a place named in a longer name, a unit, a list, pronouns, no name
        (Origin("organization:evening post", "Evening Post", "organization"), "Evening Post"),
        (Origin("organization:calder", "Calder", "organization"), "Calder"),
        (Origin("organization:orvenia", "Orvenia", "organization"), "Orvenia"),
        (Origin("organization:coastal safety agency", "Coastal Safety Agency", "organization"), "Coastal Safety Agency"),
        (Origin("ent-us", "The US and Russia", "organization"), "The US and Russia"),
        (Origin("unknown:it", "It", "unknown"), "It"),
        (Origin("anonymous:a spokeswoman", "a spokeswoman", "anonymous"), "a spokeswoman"),
        (Origin("anonymous:israeli officials", "Israeli officials", "anonymous"), "Israeli officials"),
        (Origin("anonymous:inspectors", "Inspectors", "anonymous"), "Inspectors"),
        (Origin("organization:x", "Calder's committee", "organization"), "Calder's committee"),
        (Origin("person:holloway", "Holloway", "person"), "Gail Holloway"),
        (Origin("person:dana holloway", "Dana Holloway", "person"), "Dana Holloway"),
    ],
)
def test_one_source_one_origin(origin, expected):
    assert OriginNames(ENTITIES, KNOWN).canonical(origin).name == expected


def test_an_entity_keyed_origin_takes_the_entity_name_only_for_its_own_aliases():
    names = OriginNames(ENTITIES, KNOWN)
    assert names.canonical(Origin("ent-nakamura", "Nakamura", "organization")).name == "Ellis Nakamura"
    assert names.canonical(Origin("ent-us", "US", "organization")).name == "United States"


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [("Corvane", "Corvane Health", True), ("Evening Post", "Kelbridge Evening Post", True),
     ("Corvane Air", "Corvane Air Press Office", False), ("Orvenia", "Ministry of Interior of Orvenia", False),
     ("Brightwater Offshore", "Brightwater Offshore Limited", False), ("Health", "Corvane Health Trust", False),
     ("Karsova", "Dravonia and Karsova", False), ("Dravonia", "Dravonia and Karsova", False)],
)
def test_a_shorter_name_is_part_of_a_longer_one(short, long, expected):
    assert is_part_of(name_words(short), name_words(long)) is expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Harbourline Freight Systems plc confirmed the breach on Monday. It said no card data had been taken.",
      "Harbourline Freight Systems plc"),
     ("Harbourline said on Monday that it had found the breach. It said no card data had been taken.", "Harbourline"),
     ("The Marine Consents Agency has opened an inquiry. It said the cable was buried too shallow.",
      "Marine Consents Agency")],
)
def test_it_said_is_the_organisation_last_named(analyze_text, body, speaker):
    analysis = analyze_text("Headline\n" + body + "\n")
    speakers = [s.speaker for s in analysis.statements if "card data" in s.text or "cable" in s.text]
    assert speakers and speakers[-1].kind == "organization" and speakers[-1].name in speaker


def test_it_is_reported_names_no_speaker(analyze_text):
    analysis = analyze_text("Headline\nThe plant closed in May. It was reported that the owner had left the country.\n")
    assert all(s.speaker.name != "The plant" for s in analysis.statements)


def test_origin_identity_scores_pairs_of_one_source_and_of_unrelated_sources():
    from storytrace.evaluate import origin_identity

    sides = [("c1", "supports", "Harbourline Freight Systems", {"Harbourline Freight Systems"}),
             ("c1", "supports", "Harbourline Freight Systems", {"Harbourline"}),
             ("c1", "supports", "Grey Tide", {"Grey Tide"}),
             ("c1", "supports", "Harbourline spokesman", {"Grey Tide"}),
             ("c1", "denies", "Harbourline Freight Systems", {"Harbourline Freight Systems"}),
             ("c2", "supports", "Grey Tide", {"Harbourline Freight Systems"})]
    scores = origin_identity(sides)
    # one same-source pair (split); three unrelated pairs, of which one shares an origin; pairs
    # across stances or claims and pairs whose gold names share a word ('Harbourline') are not scored
    assert scores["origin_identity_recall"] == 0.0
    assert scores["origin_identity_precision"] == pytest.approx(2 / 3)


_WORDS = ["Harbourline", "Freight", "Systems", "Corvane", "Air", "Press", "Office", "Board", "of", "the",
          "Canvassers", "Calder", "Evening", "Post", "Nakamura", "Ellis", "Chair", "spokesman", "a", "Ltd",
          "Ministry", "Interior", "Orvenia", "report", "Olander's", "it", "Bureau", "State"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
       st.sampled_from(["person", "organization", "anonymous", "document", "outlet", "unknown"]))
def test_resolving_an_origin_twice_changes_nothing(words, kind):
    names = OriginNames(ENTITIES, KNOWN)
    name = " ".join(words)
    once = names.canonical(Origin(f"{kind}:{name.lower()}", name, kind))
    assert names.canonical(once) == once
    assert once.name  # never an empty name


@pytest.mark.parametrize(
    ("body", "meta", "speaker", "kind"),
    [("Our engineers isolated the server within hours, and we have found no evidence that card data was taken.",
      {"outlet": "Harbourline Freight Systems"}, "Harbourline Freight Systems", "outlet"),
     ("I, Dana Whitcombe, being duly sworn, state as follows:\nThe audit named eleven files. I have found no record "
      "that any further examination took place.", {"outlet": "Lanford County Superior Court"}, "Dana Whitcombe", "person"),
     ("Having reviewed the toll records, I find that the vehicle was used for personal purposes.",
      {"outlet": "Office of the Integrity Commissioner", "author": "Marguerite Olander"}, "Marguerite Olander", "person"),
     ("Having reviewed the toll records, I find that the vehicle was used for personal purposes.",
      {}, "I", "unknown")],
)
def test_an_unquoted_first_person_is_the_document_speaking(analyze_text, body, meta, speaker, kind):
    statements = analyze_text("Headline\n" + body + "\n", **meta).statements
    assert statements and (statements[-1].speaker.name, statements[-1].speaker.kind) == (speaker, kind)


def test_a_quoted_first_person_is_the_quoted_speaker(analyze_text):
    statements = analyze_text('Headline\n"We did nothing wrong," said Mayor Ruth Ames.\n',
                              outlet="Harbourline Freight Systems").statements
    assert [s.speaker.name for s in statements] == ["Ruth Ames"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Two engineers who worked on the system told the Courier that warnings were ignored. "
      "One of them said the backup had never been tested.", "Two engineers"),
     ("The company said the plant was safe. One of them said the backup had never been tested.", "One of them")],
)
def test_one_of_an_unnamed_group_is_that_group(analyze_text, body, speaker):
    statements = analyze_text("Headline\n" + body + "\n").statements
    assert statements[-1].speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [  # a lede's role before the name the story gives it later
     ("The fund lost money. The fund's executive director has rejected reports that he worked for the developer. "
      "In a statement, the fund's executive director, Paul Brennecke, said the report contained errors.", "Paul Brennecke"),
     ("Shares fell. Brightmart's chief executive denied that he knew of any dealings with the rival chain. \"I had no "
      "knowledge of any arrangement,\" Brightmart chief executive Alastair Penrose told analysts.", "Alastair Penrose"),
     # two holders of the role: the lede's stays unnamed
     ("Shares fell. The chief executive denied that he knew of any dealings. Brightmart chief executive Alastair "
      "Penrose met Corvane chief executive Dana Holt on Monday.", "The chief executive"),
     # a lede's unnamed holder of a role ('A state mine inspector', then 'the inspector') named later
     ("A state mine inspector warned the operator about flooding three weeks before the collapse, the inspector "
      "told The Associated Press. \"I told them in writing,\" said inspector Dale Hutchins.", "Dale Hutchins"),
     ("Elko, Nev. A state mine inspector says he warned the operator about flooding. Inspector Dale Hutchins has "
      "worked for the state for 22 years.", "Dale Hutchins"),
     # ... but not a role that stands for unnamed sources, one unnamed on purpose, or one two people hold
     ("A senior official said the talks had failed. Official Mark Dale said on Monday that talks would resume.",
      "A senior official"),
     ("A state inspector, who asked not to be named, said the pumps had failed. Inspector Dale Hutchins declined "
      "to comment.", "A state inspector"),
     ("A state inspector said the pumps had failed. Inspector Dale Hutchins visited the mine on Monday. "
      "Inspector Mary Cole visited it on Tuesday.", "A state inspector"),
     # a role without its owner is no one named later (the government's, not the shadow, secretary)
     ("Waits grew. The health secretary has rejected claims that waiting lists are growing. Shadow health "
      "secretary Wes Streeting told the Guardian that ministers had changed how waits were counted.",
      "The health secretary")],
)
def test_a_role_named_later_in_the_story_is_that_person(analyze_text, body, speaker):
    assert analyze_text("Headline\n" + body + "\n").statements[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [('Critics say the system was hacked. University spokeswoman Dana Whitcombe was blunt. '
      '"That is false. Nobody hacked GradeBridge," she told the Herald.', "Dana Whitcombe"),
     ("Mayor John Smith said the deal with Peter Jones was dead. He added that talks would not resume.", "John Smith"),
     # no one named fits: the role that was the subject just before
     ("The chief executive of the ambulance service received a bonus, a day after he told councillors he had not "
      "accepted the money.", "The chief executive of the ambulance service"),
     ("The chief executive received a bonus. He told councillors he had not accepted the money.", "The chief executive"),
     ("The spokeswoman left early. He said the plant was safe.", "He")],  # a spokeswoman is no 'he'
)
def test_a_pronoun_is_the_newest_subject_since_the_last_speaker(analyze_text, body, speaker):
    assert analyze_text("Headline\n" + body + "\n").statements[-1].speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "content", "polarity"),
    [('"That is false. Nobody hacked GradeBridge," she told the Herald.', "That is false. Nobody hacked GradeBridge", "deny"),
     ("The mayor said that the budget was balanced.", "the budget was balanced", "assert")],
)
def test_a_leading_that_is_dropped_only_as_a_conjunction(analyze_text, body, content, polarity):
    analysis = analyze_text("Headline\nSpokeswoman Dana Whitcombe was blunt. " + body + "\n")
    (statement,) = analysis.statements
    assert (analysis.document.text[statement.start:statement.end], statement.polarity) == (content, polarity)


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [  # a trailing attribution the parser did not tie to the clause before it
     ("Regulators tested 40 samples. The samples tested above the federal limit for daily intake, the agency said, "
      "though it described the added risk as small.", "the agency", "The samples tested above the federal limit for daily intake"),
     # a semicolon parts the cue from what follows it
     ("Officials met. Five patients were sick enough to be admitted to hospital, the county said; none has died.",
      "the county", "Five patients were sick enough to be admitted to hospital"),
     # told whom, then what, with no 'that'
     ("Marchetti also told the panel she had left the room before the committee voted.", "Marchetti",
      "she had left the room before the committee voted"),
     # a clause whose subject the parser made the object of 'says'
     ("City Auditor Linnea Strand released a report on Monday. The report says Halvorsen Real Asset Advisors, the "
      "fund's consultant, advised against the purchase.", "Report",
      "Halvorsen Real Asset Advisors, the fund's consultant, advised against the purchase"),
     # a clause whose verb, subject and all, the parser hung in front of the object of 'says'
     ("The tender closed in May. Kestrel Transit Group, the runner-up, says its offer undercut Brennock's by "
      "$2 million.", "Kestrel Transit Group", "its offer undercut Brennock's by $2 million"),
     # the one an outlet quotes speaks, not the outlet
     ("The vote was close. The allegations were first reported by the Tarrenfield Morning Beacon, which quoted "
      "Councilmember Dalia Arvanitis as saying that the owner had pressed members on the deal.",
      "Dalia Arvanitis", "the owner had pressed members on the deal"),
     # a company described by a 'which' clause is an organisation
     ("Corvane, which operates 140 pharmacies in four states, said in a brief statement that it was cooperating fully "
      "with health officials.", "Corvane", "it was cooperating fully with health officials")],
)
def test_who_said_what_when_the_parse_hides_it(analyze_text, body, speaker, content):
    analysis = analyze_text("Headline\n" + body + "\n")
    text = analysis.document.text
    statement = next((s for s in analysis.statements if text[s.start:s.end] == content), analysis.statements[-1])
    assert (statement.speaker.name, text[statement.start:statement.end]) == (speaker, content)
    assert statement.speaker.kind != "anonymous"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [  # the model tags 'Veltrix' a place; having spoken, it is the company
     ("Veltrix denies concealing arthritis drug test\n\nVeltrix on Tuesday denied that it concealed a failed safety "
      "test of its arthritis drug Solvane, after the Examiner reported claims by a former employee.\n\n\"Every study "
      "was submitted to the regulator,\" the company said in a statement.", "Veltrix"),
     # a country is never 'the company'
     ("Russia on Tuesday denied that it concealed the test. \"Every study was submitted,\" the company said in a "
      "statement.", "the company")],
)
def test_a_firm_the_model_took_for_a_place_is_the_company(analyze_text, body, speaker):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [m.label for m in analysis.mentions if m.text in ("Veltrix", "Russia")][0] == "GPE"
    assert analysis.statements[-1].speaker.name == speaker


@pytest.mark.parametrize("outlet", ["Daily Test", "Ashbury Courier-Post"])
def test_the_company_is_never_the_newspaper_named_before_it(analyze_text, outlet):
    body = ("The Courier-Post could not confirm the account.\n\nCorvane, which operates 140 pharmacies in four "
            "states, said in a statement that it was cooperating with officials. The company said it would offer "
            "free replacement shots.")
    statement = analyze_text("Headline\n" + body + "\n", outlet=outlet).statements[-1]
    assert statement.speaker.name != "Courier-Post" and statement.text == "it would offer free replacement shots"


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [("The outage lasted a day. Kestrel officials blamed a software update installed over the weekend for the "
      "outage.", "Kestrel officials", "a software update installed over the weekend for the outage"),
     ("Withdrawals stopped. Coinvale has blamed the pause on a move to a new custody provider.", "Coinvale",
      "the pause on a move to a new custody provider"),
     ("Talks failed. The union accused the company of hiding the losses from workers.", "The union",
      "the company of hiding the losses from workers"),
     ("The grades were wrong. University officials blamed a software update installed over the winter break.",
      "University officials", "a software update installed over the winter break"),
     # where a figure stands
     ("The fire spread overnight. The county coroner puts the death toll at 14.", "The county coroner",
      "the death toll at 14"),
     ("The fire spread overnight. Analysts estimated the damage at $40 million.", "Analysts",
      "the damage at $40 million"),
     # a cause
     ("Jobs went. Harwick Automotive has attributed the cuts to an automaker's decision to end production.",
      "Harwick Automotive", "the cuts to an automaker's decision to end production")],
)
def test_blame_and_figures_are_statements_without_a_clause(analyze_text, body, speaker, content):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.text) == (speaker, content)


@pytest.mark.parametrize("body", ["Talks failed. The union accused the mayor.",
                                  "The fire spread. He put the book on the table.",
                                  "Jobs went. She attributed the quote to the mayor.",
                                  "The ferry burned. The notice does not attribute blame or liability to any person.",
                                  "The escape was noticed. His key card placed him in a different building at the time.",
                                  "Jobs went. Each applicant was rejected by ClearPath within hours of applying.",
                                  "The hall was full. The mayor said the words everyone expected.",
                                  "The story ran. The minister confirmed that part of the story.",
                                  "The rule stands. I wrote that rule into the staff handbook myself in 2018."])
def test_an_object_that_states_nothing_is_no_statement(analyze_text, body):
    assert not analyze_text("Headline\n" + body + "\n").statements


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [("The drug was approved. Miriam Salt was sacked. The dispute centres on allegations by Dr. Miriam Salt, a former "
      "statistician on the trial, that a dozen participants were missing from the safety figures.", "Miriam Salt",
      "a dozen participants were missing from the safety figures"),
     ("The drug was approved. Miriam Salt was sacked. Salt's most serious allegation is that the trial's primary "
      "endpoint was switched from 12 weeks to eight.", "Miriam Salt", "the trial's primary endpoint was switched from 12 weeks to eight"),
     # the that-clause the parser hung on the main verb, past phrases without a verb
     ("The editor left. The meeting went ahead despite a Corvane spokesman's statement to the Herald on Monday that "
      "Marlowe had not met any minister this year.", "a Corvane spokesman", "Marlowe had not met any minister this year")],
)
def test_a_claim_noun_with_its_author_is_a_statement(analyze_text, body, speaker, content):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.text) == (speaker, content)


def test_a_denial_noun_denies(analyze_text):
    body = "The editor left. Marlowe's denial that he had met the minister was contradicted by records."
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.text, statement.polarity) == ("Marlowe", "he had met the minister", "deny")


def test_a_claim_noun_without_an_author_is_no_statement_of_its_own(analyze_text):
    statements = analyze_text("Headline\nThe drug was approved. The company denied reports that the data were altered.\n").statements
    assert [s.speaker.name for s in statements] == ["The company"]


@pytest.mark.parametrize("amount", ["£6m", "$2b", "€40k"])
def test_a_full_stop_after_an_amount_ends_the_sentence(analyze_text, amount):
    body = (f"The tender closed. Kestrel Transit Group says its offer undercut Brennock's by around {amount}. "
            "\"We did everything they asked of us and we still lost,\" Tomas Redgrave, Kestrel's chief executive, told the Herald.")
    statements = analyze_text("Headline\n" + body + "\n").statements
    assert [(s.speaker.name, s.text) for s in statements] == [
        ("Kestrel Transit Group", f"its offer undercut Brennock's by around {amount}"),
        ("Tomas Redgrave", "We did everything they asked of us and we still lost")]


@pytest.mark.parametrize(
    ("body", "content"),
    [  # the source vouches for the clause before it when the rest only continues that clause
     ("Marcus Ivey was arrested in May. He spent three days in hospital with a fractured eye socket, according to "
      "his family, and was charged with resisting arrest.", "He spent three days in hospital with a fractured eye socket"),
     # otherwise for the larger part
     ("The storm hit. According to the county, the river rose four feet overnight.", "the river rose four feet overnight"),
     ("The storm hit. The river rose four feet overnight, according to the county.", "The river rose four feet overnight")],
)
def test_according_to_vouches_for_its_clause(analyze_text, body, content):
    assert analyze_text("Headline\n" + body + "\n").statements[-1].text == content


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [  # a title's full stop does not end the sentence before the name
     ("Overtime rose. \"That is false, and it is a smear,\" Sgt. Derek Holloway said.", "Derek Holloway",
      "That is false, and it is a smear"),
     # a passive cue with its speaker named
     ("The fire spread. The Agency has been informed by the Ardry Health Board that ten persons received hospital "
      "treatment.", "Ardry Health Board", "ten persons received hospital treatment"),
     ("The plant closed. Mayor Jane Hale was quoted by the Herald as saying that the plant was safe.", "Jane Hale",
      "the plant was safe"),
     # a speaker inside the relative clause of a document
     ("The fund lost money. Desmond Okafor also released a memo dated June 8, 2021, in which he cautioned fellow "
      "trustees that the projected rents were unrealistic.", "Desmond Okafor", "the projected rents were unrealistic"),
     # a 'that' the parser took for a determiner still opens the clause ('that liver test results')
     ("The drug was approved. A former employee has told the Ledger that liver test results for the arthritis drug "
      "Solvane were removed from a regulatory filing.", "A former employee",
      "liver test results for the arthritis drug Solvane were removed from a regulatory filing"),
     ("The drug was approved. The minister confirmed that part of the story was true.", "The minister",
      "part of the story was true"),
     # a clause of time's subject the parser hung on 'after' speaks, not the main clause's
     ("The port was quiet. Glen Adair resigned on Friday, two days after an audit found that $3 million in "
      "maintenance funds could not be accounted for.", "Audit",
      "$3 million in maintenance funds could not be accounted for")],
)
def test_speakers_named_around_the_cue(analyze_text, body, speaker, content):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.text) == (speaker, content)


def test_a_passive_cue_without_its_speaker_gives_the_subject_no_word(analyze_text):
    body = "The plant closed. Workers were told that the plant was safe."
    assert not analyze_text("Headline\n" + body + "\n").statements


@pytest.mark.parametrize(
    ("title", "party"),
    [("Arkwright et al. v. Allerton Mutual Insurance Company and Orrin Labs, Inc.: class action complaint (excerpt)",
      "Arkwright et al."),
     ("Verified petition for writ of mandate to compel disclosure of recordings (Ivey v. City of Halvergate)", "Ivey"),
     ("Kaur and others v Hask Valley Roads Authority and Brannock Civil Ltd: particulars of claim (excerpt)",
      "Kaur and others"),
     ("Fair Markets Authority v. Brightmart Stores Limited and others - Concise Statement of Claim",
      "Fair Markets Authority"),
     # the court's own record, a witness's affidavit, a report: no party speaks
     ("Estmark Sports Disputes Tribunal, case SDT 2025/017, Agency v. Tomas Kerrigan: transcript excerpt", None),
     ("People v. Gregory Tane - Affidavit in support of criminal complaint (excerpt)", None),
     ("Insurer's AI hiring screen turned away older applicants, records show", None)],
)
def test_a_court_filing_is_its_first_partys_word(title, party):
    assert filing_party(Document("doc-1", "x.txt", "Text.", title=title, outlet="Halloran Superior Court")) == party


def test_other_reports_name_the_filing_and_its_filers_as_the_filing_party():
    filing = Document("doc-1", "a.txt", "Text.", title="Harlan v. Norcastle Coatings LLC - Complaint (excerpt)",
                      outlet="Tessel County Circuit Court")
    report = Document("doc-2", "b.txt", "Text.", title="Spill suit filed", outlet="Aldbrook Herald")
    resolver = OriginResolver([filing, report], [], [])
    assert resolver.own_outlet("doc-1").name == "Harlan"
    assert resolver.own_outlet("doc-2").name == "Aldbrook Herald"
    for name in ("The lawsuit", "court papers", "the plaintiffs"):
        assert resolver.as_filer(Origin(f"document:{name}", name, "document")).name == "Harlan"
    assert resolver.as_filer(Origin("document:the report", "the report", "document")).name == "the report"


def test_a_filing_called_by_its_kind_alone_is_one_filing_where_none_names_its_party():
    report = Document("doc-2", "b.txt", "Text.", title="Families sue app maker", outlet="Bay Area Times")
    resolver = OriginResolver([report], [], [])
    keys = {resolver.as_filer(Origin(f"document:{name}", name, "document")).key
            for name in ("Lawsuit", "The suit", "the complaint")}
    assert len(keys) == 1
    assert resolver.as_filer(Origin("document:the report", "the report", "document")).name == "the report"
    assert resolver.as_filer(Origin("document:court papers", "court papers", "document")).name == "court papers"


def test_a_filing_party_who_is_the_storys_person_is_that_person():
    petition = Document("doc-1", "a.txt", "Text.", outlet="Merrin County Superior Court",
                        title="Verified petition for writ of mandate (Ivey v. City of Halvergate)")
    ivey = Entity("ent-ivey", "Marcus Ivey", "PERSON", ("Marcus Ivey", "Ivey"), ())
    resolver = OriginResolver([petition], [], [ivey])
    assert resolver.own_outlet("doc-1") == Origin("ent-ivey", "Marcus Ivey", "person")
    assert resolver.as_filer(Origin("unknown:petitioner", "Petitioner", "unknown")).name == "Marcus Ivey"


@pytest.mark.parametrize(
    ("body", "content", "polarity"),
    [("Water rose. Greyhaven said reports that more than 200 homes had flooded were exaggerated.",
      "more than 200 homes had flooded", "deny"),
     ("Water rose. Greyhaven said claims that the dam leaked on Saturday are simply false.",
      "the dam leaked on Saturday", "deny"),
     ("Water rose. Greyhaven said that more than 200 homes had flooded.", "more than 200 homes had flooded", "assert")],
)
def test_a_report_called_false_is_denied(analyze_text, body, content, polarity):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.text, statement.polarity) == (content, polarity)


@pytest.mark.parametrize(
    ("body", "speaker", "denied"),
    [("The board met. The story was that the council postponed the vote. Committee Chair Gail Holloway calls that "
      "account false.", "Gail Holloway", "The story was that the council postponed the vote"),
     ("The board met. Critics said the council hid the costs. The minister called the claims baseless.",
      "The minister", "the council hid the costs")],
)
def test_calling_an_account_false_denies_what_it_points_to(analyze_text, body, speaker, denied):
    analysis = analyze_text("Headline\n" + body + "\n")
    denials = [p for p in analysis.propositions if p.polarity == "deny"]
    assert [(p.speaker, p.text) for p in denials] == [(speaker, denied)]


@pytest.mark.parametrize("body", ["The board met. He called the mayor a friend.",
                                  "The board met. They called for an inquiry into false claims."])
def test_calling_something_else_denies_nothing(analyze_text, body):
    assert not [p for p in analyze_text("Headline\n" + body + "\n").propositions if p.polarity == "deny"]


@pytest.mark.parametrize(
    ("outlet", "name", "expected"),
    [("Corvane Health", "Review", "Corvane Health"),
     ("Harbourline Freight Systems", "Our investigation to date", "Harbourline Freight Systems"),
     ("Marlow Falls Sentinel", "Preliminary report", "Preliminary report"),  # a newspaper's 'report' is someone else's
     ("Corvane Health", "The county's inspection report", "The county's inspection report")],  # an author is named
)
def test_a_record_without_its_author_in_an_organisations_own_document_is_its_word(outlet, name, expected):
    document = Document("doc-1", "a.txt", "Text.", title="Statement", outlet=outlet)
    resolver = OriginResolver([document], [], [])
    assert resolver.own_record("doc-1", Origin(f"document:{name}", name, "document")).name == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("Waits grew. Figures published by NHS England on Thursday show 7.6 million treatments were outstanding.",
      "Figures published by NHS England"),
     ("Waits grew. According to figures published by NHS England on Thursday, 7.6 million treatments were "
      "outstanding.", "Figures published by NHS England"),
     ("Water rose. According to a video posted by the fire service, water reached the church steps.",
      "Video posted by the fire service"),
     # who obtained or saw a document did not make it
     ("Waits grew. The report, seen by the Post, says 40 people died.", "Report")],
)
def test_a_documents_name_keeps_who_made_it(analyze_text, body, speaker):
    assert analyze_text("Headline\n" + body + "\n").statements[-1].speaker.name == speaker


def test_a_titled_name_is_a_person_whatever_the_given_name(analyze_text):
    body = ("The school shut. Superintendent Marian Hale announced the closure on Tuesday. She said classes would "
            "resume on Monday in portable classrooms.")
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [m.label for m in analysis.mentions if "Hale" in m.text] == ["PERSON"]
    assert analysis.statements[-1].speaker.kind == "person" and "Marian Hale" in analysis.statements[-1].speaker.name


def test_a_questions_opening_modal_is_not_part_of_a_name(analyze_text):
    analysis = analyze_text("Headline\nJobs went.\n\nQ: Will Harwick invest further in Kessling?\n")
    assert "Will Harwick" not in [m.text for m in analysis.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Investigators traced the fire to a power line, according to a preliminary report. The Halvern County Fire "
      "Authority report, issued on Wednesday, said a wire was down.", "Halvern County Fire Authority"),
     ("The preliminary report found a downed wire. A report by the Halvern County Fire Authority said so.",
      "Halvern County Fire Authority"),
     # two authors of reports: the bare one stays a record
     ("The report found a downed wire. The Halvern County Fire Authority report and the Cordell Valley Power report "
      "disagree.", "Preliminary report")],
)
def test_a_newspapers_bare_record_is_the_one_author_it_names_for_such_a_record(text, expected):
    authority = Entity("ent-hcfa", "Halvern County Fire Authority", "ORG", ("Halvern County Fire Authority",), ())
    utility = Entity("ent-cvp", "Cordell Valley Power", "ORG", ("Cordell Valley Power",), ())
    document = Document("doc-1", "a.txt", text, title="Fire", outlet="Mesa Line News Service")
    resolver = OriginResolver([document], [], [authority, utility])
    origin = Origin("document:Preliminary report", "Preliminary report", "document")
    assert resolver.own_record("doc-1", origin).name == expected


@pytest.mark.parametrize(("name", "owner"), [
    ("Olander's report", "Olander"),
    ("a letter from Ballotline", "Ballotline"),
    ("Email from Burkhardt & Associates to James Roche", "Burkhardt & Associates"),  # not its addressee
    ("Additional email by Roche", "Roche"),
    ("a statement on Apple's website", "Apple"),
    ("Video posted by the fire service", "the fire service"),
    ("Footage filmed by a resident", "a resident"),
    ("the report", None),
])
def test_whose_record_a_records_name_says_it_is(name, owner):
    from storytrace.link.origins import record_owner
    assert record_owner(name) == owner


AFFIDAVIT = Document(
    "doc-1", "a.txt", "People v. Gregory Tane - Affidavit (excerpt)\n\nAFFIDAVIT OF INVESTIGATOR DANA WHITCOMBE.\n\n"
    "I, Dana Whitcombe, being duly sworn, state as follows:\n\n1. Tane took payments.",
    title="People v. Gregory Tane - Affidavit in support of criminal complaint (excerpt)",
    outlet="Lanford County Superior Court")
REPORT = Document("doc-2", "b.txt", "Text.", title="Official took payments, affidavit says", outlet="Calderwood Spectator")
INSPECTION = Document("doc-3", "c.txt", "Preliminary report.", title="Preliminary report: pesticide exposure at Hadley Ridge",
                      outlet="Vellmoor County Agricultural Commissioner")


def test_a_sworn_documents_own_text_is_its_affiants_word():
    whitcombe = Entity("ent-dw", "Dana Whitcombe", "PERSON", ("Dana Whitcombe", "Whitcombe"), ())
    resolver = OriginResolver([AFFIDAVIT, REPORT], [], [whitcombe])
    assert resolver.own_outlet("doc-1") == Origin("ent-dw", "Dana Whitcombe", "person")
    assert resolver.own_outlet("doc-2").name == "Calderwood Spectator"


@pytest.mark.parametrize(
    ("cited", "expected"),
    [("Investigator's affidavit", "Dana Whitcombe"),  # the affidavit is among the story's documents
     ("The preliminary report", "Vellmoor County Agricultural Commissioner"),
     ("the report", "the report"),  # whose report, the name does not say
     ("The fire service report", "The fire service report"),  # no such document in the story
     ("Investigator's notes", "Investigator's notes")],  # the affidavit is no set of notes
)
def test_a_cited_record_that_is_a_story_document_is_that_documents_word(cited, expected):
    resolver = OriginResolver([AFFIDAVIT, REPORT, INSPECTION], [], [])
    assert resolver.as_story_document(Origin(f"document:{cited}", cited, "document"), "doc-2").name == expected


def test_one_source_keeps_the_name_it_was_first_shown_by():
    resolver = OriginResolver([REPORT], [], [])
    first = Origin("anonymous:person close to the consortium", "A person close to the consortium", "anonymous")
    again = Origin("anonymous:person close to the consortium", "a person close to the consortium", "anonymous")
    assert resolver.as_shown(first) == first
    assert resolver.as_shown(again) == first
    other = Origin("anonymous:two people", "two people", "anonymous")
    assert resolver.as_shown(other) == other


OPINION = """Opinion: Westwave has had its last chance

I have lived on Kessel Island for 40 years, and I have never seen the ferry service in such a state.

Westwave says the crew shortage is over. I do not believe it. The company has made the same promise three times.
"""


@pytest.mark.parametrize(("title", "note", "owner"), [
    ("Opinion: Westwave has had its last chance", "", "Alasdair Greer"),
    ("Westwave has had its last chance", "", "Island Gazette"),
    # a guest piece: its author's note says who they are, and it speaks in the first person
    ("Westwave has had its last chance", "Alasdair Greer chairs the Kessel Island ferry users' group.\n\n",
     "Alasdair Greer")])
def test_an_opinion_pieces_own_sentences_are_its_authors(title, note, owner):
    from storytrace.pipeline import analyze_documents, build_dossier
    from storytrace.ingest import IngestOptions, make_document

    text = OPINION.replace("Opinion: Westwave has had its last chance", title).replace("I have lived", note + "I have lived")
    document = make_document(text, "oped.txt", {"outlet": "Island Gazette", "published": "2026-03-14",
                                                "author": "Alasdair Greer", "title": title}, IngestOptions())
    dossier = build_dossier(analyze_documents([document]), [])
    own = [m for c in dossier.claims for m in c.mentions if m.statement is None]
    assert own and {m.origin for m in own} == {owner}
    # one source on both sides of a claim is no contest between sources
    assert not any("contested" in c.flags for c in dossier.claims
                   if set(c.origins["supports"]) == set(c.origins["denies"]))


@pytest.mark.parametrize(
    ("body", "origin"),
    [  # an outlet's report of what someone said is that someone's word
     ("According to the Examiner, former Veltrix scientist Hana Keller said liver results had been left out of "
      "the submission.", "Hana Keller"),
     ("The Examiner reported that a former employee said liver results had been left out of the submission.",
      "a former employee"),
     # ... but what the outlet reports in its own words stays the outlet's
     ("According to the Examiner, liver results had been left out of the submission. Hana Keller said liver "
      "results had been left out of the submission.", "Examiner|Hana Keller")],
)
def test_what_an_outlet_reports_someone_said_is_that_someones_word(body, origin):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    document = make_document("Veltrix denies test claims\n\n" + body + "\n", "report.txt",
                             {"outlet": "Pharma Daily", "published": "2026-05-05"}, IngestOptions())
    dossier = build_dossier(analyze_documents([document]), [])
    sides = [m for c in dossier.claims for m in c.mentions if "left out of the submission" in m.text]
    assert sides and {m.origin for m in sides} == set(origin.split("|"))


BLOOMBERG = """Orrin Labs weighs sale of diagnostics unit

Orrin Labs is exploring a sale of its diagnostics unit that could value the business at about $4 billion, according to people familiar with the matter.
"""
MARKETWATCH = """Orrin Labs shares jump on report of diagnostics sale

Orrin Labs is exploring a sale of its diagnostics unit that could value the business at about $4 billion, Bloomberg said.
"""


@pytest.mark.parametrize(("bloomberg", "origins"), [
    # the outlet's own report in the story holds the claim on one source's word: that source's
    (BLOOMBERG, {"people familiar with the matter"}),
    # ... in its own voice: the outlet's
    (BLOOMBERG.replace(", according to people familiar with the matter.", "."), {"Bloomberg"})])
def test_an_outlet_credited_with_a_claim_is_its_own_source_for_it(bloomberg, origins):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    documents = [make_document(bloomberg, "a.txt", {"outlet": "Bloomberg", "published": "2026-05-11"}, IngestOptions()),
                 make_document(MARKETWATCH, "b.txt", {"outlet": "MarketWatch", "published": "2026-05-11"},
                               IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    (claim,) = [c for c in dossier.claims if len(c.mentions) == 2]
    assert set(claim.origins["supports"]) == origins


@pytest.mark.parametrize(
    ("known", "origin", "expected"),
    [  # a body described in one report, described shorter in another: one origin
     (["the county fire service", "the fire service"], "the fire service", "the county fire service"),
     # two fuller descriptions could be meant: none is chosen
     (["the foreign ministry", "the defence ministry", "the ministry"], "the ministry", "the ministry"),
     # a description never stands for a differently described body
     (["the county fire service", "the water company"], "the water company", "the water company")],
)
def test_a_shorter_description_of_a_body_is_the_fuller_one(known, origin, expected):
    origins = [Origin(f"organization:{name}", name, "organization") for name in known]
    names = OriginNames([], origins)
    assert names.canonical(Origin(f"organization:{origin}", origin, "organization")).name == expected


LEDGER = """Drugmaker withheld liver data, emails show

Veltrix withheld liver test data from regulators for more than a year, according to internal emails reviewed by the Daily Ledger.

Veltrix said it had disclosed all liver test data to regulators.
"""
WIRE = """Veltrix shares fall after report

Veltrix withheld liver test data from regulators for more than a year, the Daily Ledger reported.
"""


def test_an_outlets_source_is_found_past_the_denial_it_also_prints():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    documents = [make_document(LEDGER, "a.txt", {"outlet": "Daily Ledger", "published": "2026-02-10"}, IngestOptions()),
                 make_document(WIRE, "b.txt", {"outlet": "Market Wire", "published": "2026-02-11"}, IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    (claim,) = [c for c in dossier.claims if any("withheld" in m.text for m in c.mentions)]
    assert len(claim.origins["supports"]) == 1 and "emails" in claim.origins["supports"][0].lower()
    assert claim.origins["denies"] == ("Veltrix",)


@pytest.mark.parametrize(("second", "origin"), [
    # a spokesman who names no body speaks for the one that spoke just before
    ('"He will be out for the rest of the season," a spokesman said.', "The club"),
    ('"He will be out for the rest of the season," a club spokeswoman said.', "The club"),
    # ... not when a body is named
    ('"He will be out for the rest of the season," a spokesman for the players\' union said.', None)])
def test_a_bare_spokesman_speaks_for_the_body_just_heard(second, origin):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    text = f"Striker out\n\nThe club confirmed on Monday that its striker had suffered a broken leg in training. {second}\n"
    dossier = build_dossier(analyze_documents([make_document(text, "a.txt", {"outlet": "Sport Daily"}, IngestOptions())]), [])
    (side,) = [m for c in dossier.claims for m in c.mentions if "rest of the season" in m.text]
    assert side.origin == origin or origin is None and side.origin != "The club"


@pytest.mark.parametrize(("sentence", "credited"), [
    ("Bloomberg News first reported the talks earlier on Tuesday.", ["Bloomberg News"]),
    ("The Financial Times was the first to report the plan.", ["Financial Times"]),
    ("The council first reported the leak on Tuesday.", []),  # no news outlet
])
def test_an_outlet_named_as_first_to_report_is_credited(sentence, credited):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.link.origins import credit_provenance

    document = make_document(f"Talks\n\nHalden is in talks to buy Corvo. {sentence}\n", "a.txt", {"outlet": "Reuters"},
                             IngestOptions())
    edges = credit_provenance(document)
    assert [(e.cites, e.relation) for e in edges] == [(name, "first reported by") for name in credited]
    assert all(document.text[e.start:e.end] == e.cites for e in edges)


def test_a_readout_released_by_a_persons_office_is_that_persons_word():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    text = ("Senator accuses pipeline firm\n\nSenator Mark Ellison said on Sunday that Northway Energy had hidden a leak. "
            "According to a readout of a call between Ellison and Northway's chief executive, Paula Grant, released by "
            "the senator's office, Grant acknowledged that a pressure drop was recorded on May 2.\n")
    dossier = build_dossier(analyze_documents([make_document(text, "a.txt", {"outlet": "Newswire"}, IngestOptions())]), [])
    sides = [m for c in dossier.claims for m in c.mentions if "pressure drop" in m.text]
    assert sides and {m.origin for m in sides} == {"Mark Ellison"}


NEWSWIRE = """Inspectors flagged Kell Bridge cracks before collapse

ARDEN (Newswire) - Inspectors found cracks in two steel girders of the Kell Bridge in 2022, according to an inspection report seen by Newswire.

The bridge collapsed on Friday, killing three motorists.
"""
TRIBUNE = """Questions mount over Kell Bridge repairs

Newswire reported on Monday that inspectors had found cracks in two steel girders of the Kell Bridge in 2022.
"""


def test_a_report_citing_a_service_that_is_no_known_name_repeats_that_services_source():
    """'Newswire reported ...' where the story holds Newswire's own report: the report's source, not a second
    origin (Newswire is in no list of outlets)."""
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    documents = [make_document(NEWSWIRE, "a.txt", {"outlet": "Newswire", "published": "2026-03-09"}, IngestOptions()),
                 make_document(TRIBUNE, "b.txt", {"outlet": "Arden Tribune", "published": "2026-03-10"}, IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    (claim,) = [c for c in dossier.claims if any("Newswire reported" in m.text or m.doc == documents[1].id
                                                 for m in c.mentions)]
    assert claim.origins["supports"] == ("Newswire",)  # the report seen by Newswire, whoever cites it


def _paper_and_wire(paper: str, wire: str):
    """The documents and dossier of a two-report story: a paper (Harlow Gazette) and a wire (Newswire)."""
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    documents = [make_document(paper, "a.txt", {"outlet": "Harlow Gazette"}, IngestOptions()),
                 make_document(wire, "b.txt", {"outlet": "Newswire"}, IngestOptions())]
    return documents, build_dossier(analyze_documents(documents), [])


def test_a_statement_made_to_a_story_outlet_is_carried_by_it():
    """'Harlow Water told Newswire ...' in another paper draws on Newswire, though no list knows it."""
    documents, dossier = _paper_and_wire(
        "Dam leak found\n\nThe dam at Harlow has a leak. Harlow Water told Newswire there was no risk to residents.\n",
        "Dam leak\n\nHARLOW (Newswire) - The operator of the Harlow dam said engineers had found a small leak.\n")
    assert [s.via for s in dossier.statements if s.text == "there was no risk to residents"] == [("Newswire",)]
    assert [(p.cites, p.relation) for p in dossier.provenance if p.doc == documents[0].id] == [("Newswire", "quoted in")]


@pytest.mark.parametrize("name", ["Harlow Water", "Greyfen"])
def test_a_speaker_named_like_a_body_of_the_story_is_that_body(name):
    """Untyped in one report ('Harlow Water told ...') or tagged a person there ('Greyfen told ...'), a
    name the story knows as a body speaks as that body."""
    documents, dossier = _paper_and_wire(
        f"Dam leak found\n\nThe dam has a leak. {name} told Newswire there was no risk to residents.\n",
        f"Dam leak\n\nThe leak is small, a spokeswoman for {name} said on Tuesday. {name} is based in Leeds.\n")
    (body,) = [e for e in dossier.entities if e.name == name]
    assert [(s.speaker.kind, s.speaker.entity) for s in dossier.statements if s.doc == documents[0].id] == \
        [("organization", body.id)]


@pytest.mark.parametrize(("others", "linked"), [
    ("", True),
    # two mayors in the story: 'the mayor' could be either
    ("Lisa Grant's predecessor as mayor, Tom Hale, said nothing.\n\nThe former mayor Tom Hale declined to comment.\n", False),
])
def test_an_unnamed_role_holder_is_the_storys_one_person_in_that_role(others, linked):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    first = ("Mayor under fire\n\nThe mayor of Eastfield told reporters on Monday that the numbers were being "
             "reviewed.\n\nA spokeswoman for the mayor said the councillor's figures were wrong.\n")
    second = f"Audit row\n\nThe mayor, Lisa Grant, told the Courier that there was no overspending.\n\n{others}"
    documents = [make_document(first, "a.txt", {"outlet": "Harbor Times", "published": "2026-03-09"}, IngestOptions()),
                 make_document(second, "b.txt", {"outlet": "Valley Courier", "published": "2026-03-10"}, IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    grant = next(e.id for e in dossier.entities if e.name == "Lisa Grant")
    unnamed = [s for s in dossier.statements if s.speaker.name in ("The mayor of Eastfield", "A spokeswoman for the mayor")]
    assert len(unnamed) == 2
    assert all((s.speaker.entity == grant) is linked for s in unnamed)


def test_a_persons_office_is_that_persons_origin():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    first = ("Mayor says repairs will finish in June\n\nMayor Lisa Grant said on Monday that repairs to the Kellerton "
             "bridge would be finished in June.\n")
    second = ("Repairs to finish in June\n\nRepairs to the Kellerton bridge will be finished in June, the mayor's office "
              "said on Tuesday.\n")
    documents = [make_document(first, "a.txt", {"outlet": "Kellerton Echo", "published": "2026-05-11"}, IngestOptions()),
                 make_document(second, "b.txt", {"outlet": "Coastal Record", "published": "2026-05-12"}, IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    (claim,) = [c for c in dossier.claims if len(c.mentions) == 2]
    assert claim.origins["supports"] == ("Lisa Grant",) and "single-origin" in claim.flags


@pytest.mark.parametrize(("role", "party"), [("Defendant", "Harlan County"), ("Plaintiffs", "Oregon Voter Access Project")])
def test_a_court_papers_party_by_role_is_the_party_of_its_caption(analyze_text, role, party):
    from storytrace.pipeline import build_dossier

    title = "Oregon Voter Access Project v. Harlan County: Opinion and Order"
    body = (f"{title}\n\nThe Oregon Voter Access Project sued Harlan County in August. {role} contend that the "
            "notices satisfied state law.\n")
    dossier = build_dossier([analyze_text(body, title=title)])
    names = {e.id: e.name for e in dossier.entities}
    [statement] = [s for s in dossier.statements if s.speaker.name == role]
    assert names.get(statement.speaker.entity) == party


def test_a_party_by_role_outside_a_court_paper_is_no_one_in_particular():
    from storytrace.link.origins import caption_party
    from storytrace.schema import Document

    assert caption_party(Document("d", "a.txt", "text", title="Harlan County purge blocked"), "Defendant") is None
    assert caption_party(Document("d", "a.txt", "text", title="Ivey et al. v. City of Halvergate: petition"),
                         "the petitioners") == "Ivey"


def test_a_record_cited_at_a_sentences_end_sources_that_sentence_only(analyze_text):
    from storytrace.pipeline import build_dossier

    body = ("Emails obtained by the Ledger show that the chief of staff, Mark Delaney, was told about the debts in a "
            "Jan. 14 message. Delaney forwarded the message to Ortiz the same day, according to the emails.\n\n"
            "Ortiz said she did not read the forwarded email. \"I get 400 emails a day,\" she said.")
    dossier = build_dossier([analyze_text("Headline\n\n" + body + "\n", outlet="The Ledger")])
    origins = {m.text: m.origin for c in dossier.claims for m in c.mentions}
    assert origins["Delaney forwarded the message to Ortiz the same day"] == "Emails"
    assert origins["I get 400 emails a day"] == "Ortiz"


def test_a_surname_the_model_did_not_tag_is_the_storys_one_person_of_that_surname(analyze_text):
    from storytrace.pipeline import build_dossier

    body = ("KARSI — The number of people killed in Friday night's landslide in Karsi rose to 31 on Monday, the district "
            "administrator, Mira Haldane, said, as rescuers pulled more bodies from the mud.\n\nHaldane said 19 people "
            "were still unaccounted for.")
    dossier = build_dossier([analyze_text("Headline\n\n" + body + "\n")])
    names = {e.id: e.name for e in dossier.entities}
    [later] = [s for s in dossier.statements if s.text.startswith("19 people")]
    assert (names.get(later.speaker.entity), later.speaker.kind) == ("Mira Haldane", "person")


@pytest.mark.parametrize("speaker", ["A rep for Lindqvist", "Lindqvist's publicist", "A representative for Lindqvist"])
def test_a_rep_or_publicist_speaks_for_their_client(speaker):
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    text = (f"Singer splits\n\nSinger Maya Lindqvist has ended her relationship, sources said.\n\n{speaker} told "
            "StarWatch on Monday that the singer does not comment on her private life.\n")
    document = make_document(text, "a.txt", {"outlet": "StarWatch", "published": "2026-09-14"}, IngestOptions())
    dossier = build_dossier(analyze_documents([document]), [])
    singer = next(e.id for e in dossier.entities if e.name == "Maya Lindqvist")
    assert [s.speaker.entity for s in dossier.statements if s.speaker.name == speaker] == [singer]


def test_analysts_at_a_firm_speak_for_it():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    text = ("Shares fall\n\nShares of Veltrix fell 18% on Thursday. Morgan Stanley is among its biggest holders.\n\n"
            "Analysts at Morgan Stanley cut their price target, saying the pause raises questions about the drug.\n")
    document = make_document(text, "a.txt", {"outlet": "MarketWire", "published": "2026-04-16"}, IngestOptions())
    dossier = build_dossier(analyze_documents([document]), [])
    bank = next(e.id for e in dossier.entities if e.name == "Morgan Stanley")
    assert [s.speaker.entity for s in dossier.statements if s.speaker.name == "Analysts at Morgan Stanley"] == [bank]


def test_bare_police_is_the_storys_one_police_force():
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.pipeline import analyze_documents, build_dossier

    appeal = ("Appeal after assault\n\nOfficers are appealing for witnesses after a man was injured on Bridge Street. "
              "Kelshire Police said a man had been arrested.\n")
    report = "Man hurt in attack\n\nA man is in hospital after being attacked outside a bar, police said.\n"
    documents = [make_document(appeal, "a.txt", {"outlet": "Kelshire Police", "published": "2026-03-07"}, IngestOptions()),
                 make_document(report, "b.txt", {"outlet": "Kelham Echo", "published": "2026-03-08"}, IngestOptions())]
    dossier = build_dossier(analyze_documents(documents), [])
    force = next(e.id for e in dossier.entities if e.name == "Kelshire Police")
    assert [s.speaker.entity for s in dossier.statements if s.speaker.name == "police"] == [force]
