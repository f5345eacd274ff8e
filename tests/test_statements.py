"""What is and is not a statement: speech verbs that report nothing said, and what they do report."""

import pytest


def _statements(analyze_text, body: str) -> list[tuple[str, str, str]]:
    analysis = analyze_text("Headline\n" + body + "\n")
    return [(s.speaker.name, s.text, s.polarity) for s in analysis.statements]


def test_what_was_not_said_is_no_ones_word_but_the_writers(analyze_text):
    """'did not say that ...', 'never said ...': no statement of the clause, which would make the speaker
    assert it; the sentence stays the writer's, negated."""
    for body in ("The plant opened in 1990. The mayor did not say that the plant would close.",
                 "The plant opened in 1990. The minister never said the plant would close.",
                 "The plant opened in 1990. Contrary to some reports, we have not told employee representatives that "
                 "the site will close."):
        analysis = analyze_text("Headline\n" + body + "\n")
        assert analysis.statements == ()
        assert [(p.speaker, p.negated) for p in analysis.propositions][-1] == (None, True)


@pytest.mark.parametrize("body", [
    # a negated speech verb with a question for content
    "Apple confirmed the move but did not say whether Papermaster decided to leave or was forced out.",
    "Jobs has not yet mentioned what prompted his decision this time around.",
    "The commission has not said whether it will open a formal investigation.",
    "The board did not explain how the case came to be stored in an empty container.",
    # 'continue' and 'go on' doing something else than speaking
    "Jobs will continue to steer the company from his position as chairman of the board.",
    "Stock markets around the world continued to fall dramatically today.",
    # an agreement to do something is a deal, reported by the outlet, not a statement of its parties
    "The Pryor family agreed to sell the club for around £50 million.",
    # a question whether something was said
    "Did the minister say that the plant would close?",
    "Did the system operator ask Southmere to postpone that maintenance?",
    # the writer's own aside in the words of speech
    "IBM was slow. It is interesting to note that Intel has recently added DRM to its latest processors.",
    "It is worth noting that the plant closed in 2009 after a long dispute.",
    "Needless to say, the plan failed within a month of its launch.",
    # a clause the writer ends with a colon leads in to what follows; it is not what follows reports
    "Other automobile manufacturers also saw their car sales slip: Chrysler and the Japanese Toyota both reported a "
    "39% loss, whilst Ford Motor Company sales fell 41%.",
    # an act's purpose set before it is no reported clause
    "To help complement the new video section, Apple and ABC have agreed to a deal in which episodes will be "
    "available the day after airing.",
    "It is fair to say that the market fell sharply after the announcement.",
    # 'write up' cites a business for a violation
    "Records tell a different story: inspectors wrote up the stall in June for letting cooked meat cool too slowly.",
    # what was called is an event, not a demand
    "Northvale Health has called a news conference for 10:00 in Dunmore.",
    # a correction is the report speaking of itself, not a source
    "The figure was revised. An earlier version of this article said 400,000 patients were affected.",
    # a forecast thing is no forecaster
    "Lake Tamsin had dropped to 28 percent, with daytime temperatures forecast to stay above 100 degrees.",
    # understanding and learning are speech only when a news outlet does them
    "The talks ran late. Smith learned that his post had been cut.",
    "The talks ran late. The minister understands that voters are angry.",
    # verbs that report a clause, and only a clause: not a hearing's purpose, a ruling out, a hint at, a noun
    "A June 3 hearing has been scheduled in the US Bankruptcy Court to determine whether the move should be approved.",
    "The talks ran late. The minister ruled out a tax rise at the conference.",
    "The talks ran late. Netanyahu hinted at the story of the veto in an election rally.",
    "The talks ran late. A 2022 audit of signalling assets on the line recommended new relays.",
    # taking note of what others report is no word of one's own, however the parser reads 'notes'
    "The plant opened in 1990. The company notes reports that the site will close in March.",
    "The plant opened in 1990. Brightcoat notes reports that the site will close in March.",
    # ... not a sentence of another paragraph
    "The plant opened in 1990.\n\nThat is the view of most economists.",
    # a speech act in a condition is not made
    "The plant opened in 1990. Unless the mayor says otherwise, the plant will close.",
    "The registrar may order a fresh election if it finds that a breach of the rules may have affected the result.",
    "A waking watch is to be maintained until the Service agrees otherwise.",
    "The sharp change in oxygen concentration below the outfall is difficult to explain otherwise.",
])
def test_speech_words_that_report_nothing_said(analyze_text, body):
    assert _statements(analyze_text, body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # a quote set in brackets (a translation after the original) is the words inside the marks
    ('The talks ran late. ("We have not signed any agreement," Alicia Bárcena told reporters.)',
     ("Alicia Bárcena", "We have not signed any agreement", "assert")),
    # speech verbs of every register
    ("The talks ran late. Smith joked that the deal was dead.", ("Smith", "the deal was dead", "assert")),
    ("The talks ran late. The union speculated hackers were behind the breakdown.",
     ("The union", "hackers were behind the breakdown", "assert")),
    ("The talks ran late. Most analysts forecast the company would lose money.",
     ("Most analysts", "the company would lose money", "assert")),
    # an outlet telling what its unnamed sources told it
    ("The talks ran late. The BBC understands that the minister will resign on Friday.",
     ("BBC", "the minister will resign on Friday", "assert")),
    ("The talks ran late. Reuters has learned that the deal collapsed.", ("Reuters", "the deal collapsed", "assert")),
    ("However, Djamal went on to say that a manufacturer willing to pay the cost itself would be welcome.",
     ("Djamal", "a manufacturer willing to pay the cost itself would be welcome", "assert")),
    ("The judge agreed that the music it sells is not branded.", ("The judge", "the music it sells is not branded", "assert")),
    ("The minister continued to insist that the plan was sound.",
     ("The minister", "the plan was sound", "assert")),
    ("He was quick to point out that the deal was dead.", ("He", "the deal was dead", "assert")),
    ("The mayor was careful to note that the report was only a draft.",
     ("The mayor", "the report was only a draft", "assert")),
    # a negated finding denies what it did not find
    ("Our data do not show that their power was interrupted by the load shed.",
     ("Our data", "their power was interrupted by the load shed", "deny")),
    ("The audit did not find that all of the patients were harmed by the delay.",
     ("Audit", "all of the patients were harmed by the delay", "deny")),
    # the speaker's own refusal after what they said is no part of it; someone else's refusal is
    ("The company said it would defend the proceedings vigorously and declined to comment further.",
     ("The company", "it would defend the proceedings vigorously", "assert")),
    ("Halvorsen said the fund followed its rules but declined to say how much it had lost.",
     ("Halvorsen", "the fund followed its rules", "assert")),
    ("He said the minister declined to attend the hearing.", ("He", "the minister declined to attend the hearing", "assert")),
    # the question put to the speaker is no part of what the speaker said; a request to consider a possibility is
    ('"Absolutely not," Alan Smith said when asked if the depot would close.', ("Alan Smith", "Absolutely not", "assert")),
    ("The company had asked investigators to consider whether a vehicle could have sparked the grass.",
     ("The company", "to consider whether a vehicle could have sparked the grass", "assert")),
    # no truth to it denies it
    ("Smith said there was no truth to claims that the plant would close.",
     ("Smith", "there was no truth to claims that the plant would close", "deny")),
    ("Smith said there was not a shred of truth in the report.", ("Smith", "there was not a shred of truth in the report", "deny")),
    # saying again, ruling, determining, hinting, signalling
    ("The talks ran late. The mayor repeated that the plant would close in March.",
     ("The mayor", "the plant would close in March", "assert")),
    ("The talks ran late. The mayor reaffirmed that the plant would close in March.",
     ("The mayor", "the plant would close in March", "assert")),
    ("The talks ran late. The judge ruled that the contract was void.", ("The judge", "the contract was void", "assert")),
    ("The talks ran late. Investigators determined that the fire was caused by a cigarette.",
     ("Investigators", "the fire was caused by a cigarette", "assert")),
    ("The talks ran late. The governor signalled that she would veto the bill.",
     ("The governor", "she would veto the bill", "assert")),
    ("The talks ran late. Rourke repeated Kettlewell's testimony that the records showed no interruption.",
     ("Rourke", "the records showed no interruption", "assert")),
    # a source's clause is the one before it when a note on that clause follows
    ("The plant opened in 1990. Brightcoat is preparing to close its Ashby plant, according to three people briefed on "
     "the plans, a move first reported by the Financial Times on Monday.",
     ("three people briefed on the plans", "Brightcoat is preparing to close its Ashby plant", "assert")),
    # 'another' after 'one of the people' is another of that group
    ("Three people briefed on the plans described them. One of the people said the closure could come next week. "
     "Another said no final decision had been taken.",
     ("Three people briefed on the plans", "no final decision had been taken", "assert")),
    # 'That was the message from X': the sentence before, in the same paragraph, is X's
    ("The plant opened in 1990.\n\nThe plant will close in March and 600 jobs will go. That was the message from the "
     "union on Tuesday.", ("the union", "The plant will close in March and 600 jobs will go", "assert")),
    # a trailing source the parser made the object of the clause before it
    ("The talks ran late. Kellow council will close three of its five libraries next year to save £1.2 million, the "
     "council's finance chief, Amir Shah, said on Monday.",
     ("Amir Shah", "Kellow council will close three of its five libraries next year to save £1.2 million", "assert")),
    # what a request asks someone to say is not said
    ("The plant opened in 1990. We ask that you inspect the dam and tell us what you find.",
     ("We", "you inspect the dam and tell us what you find", "assert")),
    # ... and a noun the tagger read as one of them is none ('signal CV41')
    ("At 17:52 the driver of a freight train reported to the signaller that signal CV41 had changed from red to green.",
     ("the driver of a freight train", "signal CV41 had changed from red to green", "assert")),
])
def test_what_a_speech_verb_reports(analyze_text, body, expected):
    assert _statements(analyze_text, body)[-1:] == [expected]


def test_a_company_did_not_carry_its_own_release(analyze_text):
    analysis = analyze_text('Headline\nThe clinic reopened. "We let these patients down," said Dr. Martin Kessel, Chief '
                            'Pharmacy Officer of Corvane Health.\n', outlet="Corvane Health")
    assert [(s.speaker.name, s.via) for s in analysis.statements] == [("Martin Kessel", ())]


def test_an_outlet_in_a_clause_set_against_a_statement_did_not_carry_it(analyze_text):
    analysis = analyze_text("Headline\nThe plant opened in 1990. The government says it was not involved in the deal, "
                            "but documents obtained by the Guardian suggest otherwise.\n")
    assert [(s.speaker.name, s.text, s.polarity, s.via) for s in analysis.statements] == [
        ("The government", "it was not involved in the deal", "assert", ()),
        ("Documents", "otherwise", "deny", ("Guardian",))]


@pytest.mark.parametrize(("body", "clause", "predicate"), [
    ("Arthur Penhale, who relatives said had been left alone for hours, died in the fire.",
     "Arthur Penhale, who relatives said had been left alone for hours, died in the fire", "died in the fire"),
    # a predicate too short to stand alone still makes a clause with its subject
    ("The plant, which inspectors said was unsafe, closed in May.",
     "The plant, which inspectors said was unsafe, closed in May", "closed in May"),
    # the parser hangs the subject's own verb on the cue ('walked' a conjunct of 'said')
    ("The union, which officials said had 300 members, walked out on Monday.",
     "The union, which officials said had 300 members, walked out on Monday", "walked out on Monday"),
])
def test_the_reporters_clause_around_a_relative_clause_keeps_its_subject(analyze_text, body, clause, predicate):
    texts = [p.text for p in analyze_text("Headline\n" + body + "\n").propositions]
    assert clause in texts
    assert predicate not in texts


@pytest.mark.parametrize(("body", "said", "claim"), [
    # the relative pronoun belongs to what was said: the words said, and the thing they are said of
    ("Officials pointed to Arvanitis's complaint, which the ethics office said it logged on Sept. 9.",
     "it logged on Sept. 9", "Arvanitis's complaint, which the ethics office said it logged on Sept. 9"),
    ("It is a dispute that union leaders said would not end soon.",
     "would not end soon", "a dispute that union leaders said would not end soon"),
    # the pronoun is the speaker, or goes with the speech verb: the clause said is its own
    ("Swiftly, which says 12,000 people drive for it, argues the law is unfair.",
     "12,000 people drive for it", "12,000 people drive for it"),
    ("The hospital released an internal memo in which the security chief wrote that she had warned management.",
     "she had warned management", "she had warned management"),
])
def test_what_is_said_in_a_relative_clause(analyze_text, body, said, claim):
    analysis = analyze_text("Headline\n" + body + "\n")
    statement = analysis.statements[0]
    assert statement.text == said
    assert [p.text for p in analysis.propositions if p.statement == statement.id] == [claim]


@pytest.mark.parametrize(("body", "expected"), [
    # what is asked of someone named after the verb
    ("Senator Ted Kaufman called on Congress to investigate the cause of the mass sell-offs.",
     [("Ted Kaufman", "to investigate the cause of the mass sell-offs", "assert")]),
    ("Residents appealed to the council to reopen the library.", [("Residents", "to reopen the library", "assert")]),
    ("The automakers pleaded with Congress to give them more money.",
     [("The automakers", "to give them more money", "assert")]),
    # ... is the speaker's own act after what they said, not part of it
    ("The union said the plant was unsafe and urged the company to close it.",
     [("The union", "the plant was unsafe", "assert"), ("The union", "to close it", "assert")]),
    ('The Tollin Families Group said the review "has no power to make anyone tell the truth" and called on '
     "minister Helena Broadwood to honour her pledge.",
     [("Tollin Families Group", 'the review "has no power to make anyone tell the truth"', "assert"),
      ("Tollin Families Group", "to honour her pledge", "assert")]),
    # someone named 'along with' the speaker does not speak instead
    ("Kaufman, along with senator Mark Warner from Virginia, said the markets had been manipulated.",
     [("Kaufman", "the markets had been manipulated", "assert")]),
    # 'according to hiring data': the data, which the parser read as a verb and its object
    ("The system rejected older applicants at nearly three times the rate, according to hiring data obtained by "
     "the Gazette.", [("Hiring data", "The system rejected older applicants at nearly three times the rate",
                       "assert")]),
    # a speech verb the parser hung on a noun as a relative clause says what follows it, not its own speaker
    ("Ridgeline rejected workers' accounts that a crew supervisor had told them to keep working.",
     [("Ridgeline", "a crew supervisor had told them to keep working", "deny"),
      ("a crew supervisor", "them to keep working", "assert")]),
    # a source named after the content is whose account it is, not part of what was told
    ("Customers were told their personal details had been stolen, according to internal emails seen by the Courier.",
     [("Internal emails", "Customers were told their personal details had been stolen", "assert")]),
    ("The club's executives told council members last spring that the franchise could move to Carrow Bay, according "
     "to two people who attended the session.",
     [("two people who attended the session",
       "The club's executives told council members last spring that the franchise could move to Carrow Bay", "assert"),
      ("The club's executives", "the franchise could move to Carrow Bay", "assert")]),
    # a source's own relative clause after 'according to' is a statement of that source, and leaves the
    # clause before it as what the source vouches for
    ("The plant will close in March, according to the company, which said demand had collapsed.",
     [("the company", "The plant will close in March", "assert"), ("the company", "demand had collapsed", "assert")]),
    ("She is due to receive a payout, according to a person familiar with the terms, who said the agreement "
     "had been drawn up over the weekend.",
     [("a person familiar with the terms", "She is due to receive a payout", "assert"),
      ("a person familiar with the terms", "the agreement had been drawn up over the weekend", "assert")]),
    # 'who' after a name and its title is that person
    ('"The tabulators were jamming from the moment the polls opened," said Gideon Marsh, a lawyer for the Rourke '
     "campaign, who added that he had sworn statements from voters.",
     [("Gideon Marsh", "The tabulators were jamming from the moment the polls opened", "assert"),
      ("Gideon Marsh", "he had sworn statements from voters", "assert")]),
    # an unnamed source's request for anonymity is no part of their description
    ("A current member of the rowing team, who asked not to be named because athletes have been told not to speak "
     "to the press, said several of the recruits had never appeared at the boathouse.",
     [("A current member of the rowing team", "several of the recruits had never appeared at the boathouse",
       "assert")]),
    # an attribution set off between a clause's subject and its verb reports the whole clause
    ("Sales, the company said, rose 4% in March.", [("the company", "Sales, the company said, rose 4% in March",
                                                    "assert")]),
    # 'you' is the one a sentence or a transcript turn opens by addressing
    ("Ms. Coyle, you have asked to address two matters.", [("Coyle", "to address two matters", "assert")]),
    # 'one of them' / 'one of the people' is one of the group named before
    ('By Tuesday evening, off-duty miners from neighbouring operations arrived to volunteer. "You do not wait to be '
     'asked," said one of them, who had driven from a mine two counties away.',
     [("off-duty miners from neighbouring operations", "You do not wait to be asked", "assert")]),
    # 'one of whom' is one of the group named before it
    ("The plant employs 300 workers, two of whom said they had not been paid.",
     [("300 workers", "they had not been paid", "assert")]),
])
def test_what_is_asked_of_someone_and_who_asks(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize("request_", ["asked to remain anonymous", "asked not to be named", "asked to stay unnamed"])
def test_a_request_for_anonymity_is_no_statement(analyze_text, request_):
    body = f"The insider, who {request_}, said that Jobs had lost weight."
    assert [content for _, content, _ in _statements(analyze_text, body)] == ["Jobs had lost weight"]


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    ('The company president and CEO Louis Gallois said, "Today is a great day in aviation history."',
     "Louis Gallois", "person"),
    ('"I want to thank our teams," said Airbus President and Chief Executive Officer, Tom Enders.', "Tom Enders", "person"),
    ("The Vice President and general counsel of Cisco, Mark Chandler, explained that there was no doubt about it.",
     "Mark Chandler", "person"),
    ('"It is the best decision for Britain," said the general secretary of the British union Unite, Tony Woodley.',
     "Tony Woodley", "person"),
    # the name after a title's 'for' phrase describes the one the title serves
    ("Prices rose. A lawyer for Gavin Mould, the Brightmart pricing manager named in the suit, said the messages "
     "were personal.", "A lawyer for Gavin Mould, the Brightmart pricing manager named in the suit", "anonymous"),
    # the name a title's 'of' phrase governs is where the title is held, even where the model reads it as a person
    ("The chief executive of Brightmart said that he knew of any dealings.", "The chief executive of Brightmart",
     "anonymous"),
    # a legal form the model tagged apart stays with the firm's name
    ("Chrysler LLC said it wants to eliminate 789 of its 3,200 dealers by early June.", "Chrysler LLC", "organization"),
    ("Norcastle Coatings, Inc. said the paint was safe for use indoors.", "Norcastle Coatings, Inc", "organization"),
    # ... and the firm's name stays with a legal form the model tagged alone
    ("10. Norcastle Coatings LLC has publicly promised to fund the remediation of the river.",
     "Norcastle Coatings LLC", "organization"),
])
def test_titles_and_legal_forms_around_a_speakers_name(analyze_text, body, speaker, kind):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.speaker.kind) == (speaker, kind)


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    # a place naming where an unnamed source is from is not the speaker
    ('"The decline has hit our order books," said a Delhi auto parts supplier.', "a Delhi auto parts supplier",
     "anonymous"),
    ("Flights resumed. Travel agents in Halbrook said bookings had slowed since the outage.",
     "Travel agents in Halbrook", "anonymous"),
    # a relative pronoun the parser made a second subject is what was said, not who said it
    ("Talks failed over labour cuts, which the Republicans insisted reach parity by next year.", "Republicans",
     "organization"),
    ("Grades changed, a problem that student leaders say hit about 1,200 people.", "student leaders", "anonymous"),
    # a website is a document
    ("Steve Jobs has died at the age of 56, according to the company website.", "Company website", "document"),
    # ... and so are results, even where the parser read the participle after them as their verb
    ("Results received on 2 May 2025 show that the panels have a polyethylene core.", "Results", "document"),
    # ... and findings and a petition, whose 'it' is the petition, not a review named before
    ("Preliminary findings indicate that the longwall panel was advanced into the barrier pillar.",
     "Preliminary findings", "document"),
    ("Dekker said the internal affairs review of the arrest would be finished within weeks. Ivey's petition "
     "alleges that an officer hit him after he was handcuffed. It also says the officer's camera stopped recording.",
     "Ivey's petition", "document"),
    # a participle set off after the speaker names where or by whom, not who speaks
    ("Alan Smith, speaking on BBC Radio 4's Today programme, said the plan was unaffordable.", "Alan Smith", "person"),
    ("The panel, chaired by retired judge Miriam Oduya, said it would give written reasons.", "The panel", "anonymous"),
])
def test_who_speaks_in_a_phrase_around_other_names(analyze_text, body, speaker, kind):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.speaker.kind) == (speaker, kind)


@pytest.mark.parametrize(("body", "speakers"), [
    # names the model missed: one set off by a role, one opening with a given name, then its surname alone
    ('Elif Sandoval, president of the Northmere Student Association, said the association had gathered reports. '
     '"By our count, 1,200 students saw a change," she said.', ["Elif Sandoval", "Elif Sandoval"]),
    ('Celia Fonseca, who lives in a second-floor apartment, tells it differently. "He never fought them," Fonseca '
     'said. She said she saw the officer punch Ivey.', ["Celia Fonseca", "Celia Fonseca"]),
    # 'she' is never a group or a thing cited before
    ("Dana Whitcombe, a chemist at the plant, said colleagues had told her about test results. She said she had "
     "not seen those results herself.", ["Dana Whitcombe", "Dana Whitcombe"]),
    ("Olive Marsh said the panels failed the test. The cost rose, according to an estimate. "
     '"We are not waiting for them," she said.', ["Olive Marsh", "an estimate", "Olive Marsh"]),
    # a firm named short after its full name is that firm
    ("Prices rose. Veltris Pharmaceuticals said it had traced the impurity. Veltris said it will reimburse pharmacies.",
     ["Veltris Pharmaceuticals", "Veltris Pharmaceuticals"]),
    # 'the company' is the one named since the last company spoke
    ("Applicants sued. The insurer Allerton Mutual Insurance said the tool was fair. Orrin Labs did not respond to messages on Monday. "
     "The company says on its website that the tool is used by 300 employers.",
     ["Allerton Mutual Insurance", "Orrin Labs"]),
    # a pronoun with no one speaking before it continues the subject of the sentences before, not the last name
    ("The stop happened late on a Saturday. Marcus Ivey was pulled over on Grainger Avenue by two patrol officers, "
     "Kyle Brandt and Jenna Ruiz. He spent "
     "three days in hospital and was charged with resisting arrest. He has pleaded not guilty.", ["Marcus Ivey"]),
    # 'the club' is the organisation last named or speaking, as 'the company' is
    ("Bayern Munich confirmed the sale of the stadium on Monday. Season ticket prices will not change under "
     "the new owners, the club said.", ["Bayern Munich"]),
])
def test_who_a_name_pronoun_or_description_stands_for(analyze_text, body, speakers):
    assert [s.speaker.name for s in analyze_text("Headline\n" + body + "\n").statements] == speakers


def test_a_document_addressed_to_someone_speaks_not_its_addressee(analyze_text):
    body = ('Steve Jobs resigned in a letter to Apple\'s board of directors stating, "I have always said I would be the '
            'first to let you know."')
    assert analyze_text("Headline\n" + body + "\n").statements[-1].speaker.name == "Steve Jobs"
    body = 'Prices rose. A letter to the board of directors stated that "the fund has lost money."'
    speaker = analyze_text("Headline\n" + body + "\n").statements[-1].speaker
    assert (speaker.kind, "board" in speaker.name.split()[0].lower()) == ("document", False)


@pytest.mark.parametrize(("body", "speaker"), [
    # an organisation inside a phrase speaks only as its owner ('Apple's response')
    ("Buyers complained. Even Macintosh support sites such as Mac News suggest waiting for the first update.",
     "Even Macintosh support sites such as Mac News"),
    ("The phone dropped calls. Apple's response to the issue recommended holding the phone in a different way.",
     "Apple"),
    # a title before a name the model missed is not part of the name
    ("Overtime grew. Calloway Police Chief Dolores Vantreese told the council she did not authorize the rule.",
     "Dolores Vantreese"),
])
def test_the_name_inside_a_speakers_phrase(analyze_text, body, speaker):
    assert analyze_text("Headline\n" + body + "\n").statements[-1].speaker.name == speaker


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    ("Jobs went. Officials met. USAF denied that creating jobs in the US was a factor.", "USAF", "organization"),
    ("His health is poor, someone familiar with the situation said.", "someone familiar with the situation",
     "anonymous"),
    ("Stocks fell. Some say history tends to repeat itself.", "Some", "anonymous"),
    # a surname the model read as a plural noun
    ("Steve Jobs spoke on Friday. Jobs attributed the small increase to fewer users putting cases on their phones.",
     "Steve Jobs", "person"),
])
def test_speakers_the_model_left_untyped(analyze_text, body, speaker, kind):
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert (statement.speaker.name, statement.speaker.kind) == (speaker, kind)


def test_a_relative_clauses_report_ends_with_the_clause(analyze_text):
    body = ("A ransomware gang, which says it stole customer data from Harbourline Freight Systems, listed the "
            "parcel carrier on its leak site.")
    statement = analyze_text("Headline\n" + body + "\n").statements[-1]
    assert statement.text == "it stole customer data from Harbourline Freight Systems"


@pytest.mark.parametrize(("body", "speaker"), [
    ("Prices rose. The head of St. Aurel Regional Medical Center on Thursday denied that the hospital paid a ransom.",
     "The head of St. Aurel Regional Medical Center"),
    # a record or an inspection keeps its date: it tells two of them apart
    ("Pumps failed. A follow-up inspection in March 2024 confirmed that the system met standards.",
     "a follow-up inspection in March 2024"),
])
def test_a_time_closing_a_speakers_phrase_is_not_its_name(analyze_text, body, speaker):
    assert analyze_text("Headline\n" + body + "\n").statements[-1].speaker.name.lower() == speaker.lower()


def test_a_sentence_the_parser_ran_into_a_quote_keeps_its_own_report():
    """The parser made the first sentence a clause of the quote's 'said', and gave that sentence's
    'said' the reported clause's subject: each 'said' still reports its own words."""
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.nlp import load_nlp, text_for_parsing
    from storytrace.pipeline import analyze_document

    text = ("Headline\n\nOn the sirens, Holbrook County's emergency management director, Dwayne Pettit, said one of "
            "the three, on Depot Street in the neighborhood hit hardest by flooding, apparently failed to sound after "
            "power to that block went out shortly before 9 p.m. \"We believe the backup battery didn't carry it,\" "
            "Pettit said.\n")
    document = make_document(text, "t.txt", {"published": "2024-03-12"}, IngestOptions())
    analysis = analyze_document(load_nlp()(text_for_parsing(text)), document)
    contents = sorted(s.text for s in analysis.statements)
    assert contents[0].startswith("We believe the backup battery") and contents[1].startswith("one of the three")
    assert all(not c.startswith("On the sirens") for c in contents)


@pytest.mark.parametrize(("body", "speakers"), [
    ('Maria Lopez, the company\'s chief executive, announced the phone at a developers\' conference, where she '
     'promoted it by saying that, "just one year after launching the first model, we are launching one that is '
     'twice as fast."', ["Maria Lopez"]),
    # 'with X saying' has its own subject; a question asks for words, it reports none
    ("Officials said the contract was fair, with UBS analyst David Strauss saying that fuel decided it.",
     ["Officials", "David Strauss"]),
    ("The board met. Ms. Qureshi, would you start by telling us where we stand on supply?", []),
])
def test_who_says_what_a_participle_after_a_preposition_reports(analyze_text, body, speakers):
    assert [s.speaker.name for s in analyze_text("Headline\n" + body + "\n").statements] == speakers


@pytest.mark.parametrize(("body", "expected"), [
    # a denial inside one speaker's statement stays a denial of its own
    ("The escape was found. Tillman Food Services said it was cooperating fully with the police and denied that "
     "any of its employees had knowingly helped the inmates.",
     ("Tillman Food Services", "any of its employees had knowingly helped the inmates", "deny")),
])
def test_a_denial_within_a_statement_of_the_same_speaker_is_kept(analyze_text, body, expected):
    assert expected in _statements(analyze_text, body)


def test_what_was_left_undone_reports_nothing(analyze_text):
    body = "Overtime grew. Supervisors routinely approved overtime slips without verifying that the hours had been worked."
    assert _statements(analyze_text, body) == []


def test_his_lawyer_is_not_the_one_named_as_its_lawyer(analyze_text):
    body = ("The agency used the hearing to raise Kerrigan's record. Its lawyer, Margaret Cole, told the panel "
            "that he had missed two tests last year, a point his lawyer called irrelevant and wrong.")
    assert ("his lawyer", "irrelevant and wrong", "deny") in _statements(analyze_text, body)


def test_the_company_is_no_public_body(analyze_text):
    body = ("The Federal Reserve said it would keep its rate at 5.25%. The week began with Bear Stearns tumbling after "
            "the loss of two hedge funds. The company announced it was unable to return any money to investors.")
    assert _statements(analyze_text, body)[-1][0] == "Bear Stearns"


@pytest.mark.parametrize(("body", "speaker"), [
    # nor a union, nor an investigating unit named since; a company that ends in 'Union' may be
    ("The plant opened in 1990. Brightcoat Ltd said it had no plans. The Amalgamated Workers Union said the plant would "
     "close. The company said the union was wrong.", "Brightcoat Ltd"),
    ("The ferry caught fire on Sunday. Tallis Ferries said it would not comment while the Marine Accident Investigation "
     "Unit carried out its inquiry. On Thursday, the company said it had chartered a smaller vessel.", "Tallis Ferries"),
    ("Trains were halted on Monday. Union Pacific said the line would reopen. The company said repairs were under way.",
     "Union Pacific"),    # 'it' after a body's statement is that body, also when the model tagged its name nowhere
    ("The other idle well has become a flashpoint. Bellhaven Water Watch, a residents' group formed last summer, says "
     "Well 4 was closed in May, and it has accused the district of keeping quiet about it.", "Bellhaven Water Watch"),
    # an 'it' inside the sentence of a named body or country is that one, not an organisation named before
    ("The Orvenian Interior Ministry did not respond. Orvenia has also released a photograph of a rifle it says was "
     "found beside the body.", "Orvenia"),
    # a body's name the model did not tag, known by the word it ends in, is the company meant
    ("The Harlow dam has a leak in its spillway, its operator said on Tuesday.\n\nHarlow Water told Newswire there was "
     "no risk to residents. But councillor Tom Briggs said people had complained about damp ground for months.\n\n"
     "Harlow Water said it had not received any complaints before this week. The company said a full inspection "
     "would be carried out by Friday.", "Harlow Water"),
    # nor a description that names which one it is
    ("The plant opened in 1990. Brannock Smokehouse LLC said the trailer was cold. The operator of Stall 9 stated that "
     "she warned event staff.", "The operator of Stall 9"),
    # the firm a sentence's clause is about, also when the model took it for a person or tagged a place a firm
    ("Profits rose. Brightmart will eliminate roughly 1,800 corporate positions, including about 600 at its Dunmore "
     "headquarters, the company confirmed Tuesday.", "Brightmart"),
    # a one-word firm the model tagged nowhere, that spoke and recurs
    ("The Westwave ferry broke down on Tuesday.\n\nWestwave said in a statement that a replacement vessel would sail "
     "at 6 p.m. \"We apologise to every passenger affected,\" the company said.", "Westwave"),
    # nor a public service named by what it serves, even when it spoke last
    ("Kessler Foods has expanded its recall after two people fell ill, federal officials said Tuesday. The Food Safety "
     "and Inspection Service said the recall covers products made from Dec. 28. In its first announcement, the "
     "company had said only products made between Jan. 3 and Jan. 9 were affected.", "Kessler Foods"),
    # nor a federal office
    ("Norvale Telecom AG said hackers had accessed a database. Germany's Federal Office for Information Security said "
     "it was in contact with the company. The company said it first detected unusual activity on Feb. 27.",
     "Norvale Telecom AG"),
    # nor a company it names inside the quotation, not as its subject
    ("Snack maker Brightleaf Brands on Friday denied a report that it was in talks to be acquired by Halvorsen Foods."
     "\n\n\"We are not in discussions with Halvorsen or any other party,\" the company said in a statement.",
     "Brightleaf Brands"),
    # nor the White House
    ("The plant opened in 1990. The White House has insisted that the president was not briefed. Police said two "
     "people had died. The company, for its part, maintains it followed all regulations.", "The company"),
])
def test_the_company_is_no_union_or_inquiry(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "speaker"), [
    # the record a participle phrase describes, not its date
    ('The Courier has seen an internal memo, dated March 2, which says the board "intends to move production".',
     "Internal memo"),
    ("The ministry released figures on Monday, which show that crime fell.", "Figures on Monday"),
])
def test_which_after_a_date_is_the_record_it_dates(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "expected"), [
    # another speaker's clause of time after the content is no part of it
    ("Paint maker Brightcoat has denied that it has decided to close its Hexley factory, after a union said 600 "
     "jobs would go.", [("Brightcoat", "it has decided to close its Hexley factory", "deny"),
                        ("a union", "600 jobs would go", "assert")]),
    # a clause of comparison, or one of time with nobody speaking, stays
    ("The mayor said the bridge would reopen in May, as engineers had predicted.",
     [("The mayor", "the bridge would reopen in May, as engineers had predicted", "assert")]),
    ("Coldline said it received no call about the unit until Monday, after the outbreak had been reported.",
     [("Coldline", "it received no call about the unit until Monday, after the outbreak had been reported", "assert")]),
])
def test_a_clause_of_time_with_another_speaker_ends_the_content(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize("lead", ["Drivers protested.", "This time she appears to have more support."])
def test_a_name_read_as_an_adverb_is_the_antecedent_of_which(analyze_text, lead):
    body = (f"{lead} Swiftly, which says about 12,000 people drive for it in Harwick, argues that a floor would raise "
            "prices and reduce the number of rides.")
    assert _statements(analyze_text, body)[0][0] == "Swiftly"


@pytest.mark.parametrize(("body", "speaker"), [
    ("Residents of the tower were angry. Many said they had complained for years.", "Residents of the tower"),
    ("Stocks fell. Some say history tends to repeat itself.", "Some"),  # a thing is no group of sources
])
def test_several_said_are_of_the_group_named_just_before(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "speaker"), [
    ('Stocks fell. Chief investment officer at Fort Pitt Capital Group Charlie Smith said: "I think the machines '
     'just took over."', "Charlie Smith"),
    ('"The market is starting to show small signs of life," said the vice president and chairman of Chrysler LLC '
     'Jim Press.', "Jim Press"),
    # one who speaks for a person is not that person
    ("Prices rose. A spokesman for Mayor Helen Draper said the budget was final.", "A spokesman for Mayor Helen Draper"),
    ('"We will appeal," said the lawyer of John Smith.', "the lawyer of John Smith"),
])
def test_a_title_run_on_into_a_name_is_that_persons(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "expected"), [
    # a speech verb the parser coordinated with a clause of comparison is the first speaker's next act
    ("The union said the vote was held as the rules require and accused the board of lying.",
     [("The union", "the vote was held as the rules require", "assert"), ("The union", "the board of lying", "assert")]),
    ("The campaign said the recount was proceeding exactly as state law requires and accused Rourke of fraud.",
     [("The campaign", "the recount was proceeding exactly as state law requires", "assert"),
      ("The campaign", "Rourke of fraud", "assert")]),
])
def test_a_speech_act_after_a_comparison_clause(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # 'that' is itself what is called false, not a conjunction to drop
    ("Corvane called that false.", [("Corvane", "that false", "deny")]),
    ("The chair calls that account false.", [("The chair", "that account false", "deny")]),
    # the word that calls it false may be quoted
    ('Kremlin spokesman Dmitry Peskov called the report "fiction".', [("Dmitry Peskov", 'the report "fiction"', "deny")]),
])
def test_calling_that_false_is_a_denial(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # another source's reaction appended to a clause as a noun with a clause of its own
    ("The prosecutor alleged that Reyes had taken bribes, an accusation his lawyer rejected.",
     [("The prosecutor", "Reyes had taken bribes", "assert"), ("his lawyer", "Reyes had taken bribes", "deny")]),
    ("The company says the spill was small, a claim environmental groups dispute.",
     [("The company", "the spill was small", "assert"), ("environmental groups", "the spill was small", "deny")]),
    # ... also when the tagger reads the verb as a noun
    ("Keane said the crew had followed procedures, a claim the seafarers' union disputes.",
     [("Keane", "the crew had followed procedures", "assert"),
      ("the seafarers' union", "the crew had followed procedures", "deny")]),
    ("The fire started in the kitchen, an account the fire service has confirmed.",
     [("the fire service", "The fire started in the kitchen", "confirm")]),
    ("Officials estimate that 2,000 people were displaced, a figure aid agencies say is far too low.",
     [("Officials", "2,000 people were displaced", "assert"), ("aid agencies", "2,000 people were displaced", "deny")]),
    # ... or calls it false
    ('The minister insisted the figures were accurate, a claim the opposition has described as "fantasy".',
     [("The minister", "the figures were accurate", "assert"), ("the opposition", "the figures were accurate", "deny")]),
    # a reaction that neither denies nor confirms is no statement
    ("The tower was safe, a claim residents repeated.", []),
    ("The company said it would cut 300 jobs, a figure the union described as low.",
     [("The company", "it would cut 300 jobs, a figure the union described as low", "assert")]),
    # in the passive, a reaction is a statement only when it says whose it is; the first words end at the comma
    ("The company said it would cut 300 jobs, a number that was denied by the union.",
     [("The company", "it would cut 300 jobs", "assert"), ("the union", "it would cut 300 jobs", "deny")]),
    ("The company said it would cut 300 jobs, a figure which has been disputed.",
     [("The company", "it would cut 300 jobs", "assert")]),
    ("The company said it would cut 300 jobs, a figure that was later confirmed.",
     [("The company", "it would cut 300 jobs", "assert")]),
    # ... also without 'that was', and not read as spoken by 'later'
    ("The White House insisted that the president was not briefed, a position contradicted by emails released on Monday.",
     [("White House", "the president was not briefed", "assert"), ("Emails", "the president was not briefed", "deny")]),
    ("The union said 600 jobs would go, a figure later confirmed by the company.",
     [("The union", "600 jobs would go", "assert"), ("the company", "600 jobs would go", "confirm")]),
    # a claim repeated by someone, in the passive, is theirs
    ("The plant opened in 1990. The claim that the dam was safe has been repeated by the company for years.",
     [("the company", "the dam was safe", "confirm")]),
])
def test_a_reaction_appended_to_a_clause_is_its_sources_statement(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a denial of what one is accused of is a statement, even in one word
    ("Brown has denied wrongdoing.", [("Brown", "wrongdoing", "deny")]),
    ('"That is not the case," Brown said.', [("Brown", "That is not the case", "deny")]),
    ('"That\'s completely untrue," Brown said.', [("Brown", "That's completely untrue", "deny")]),
    ('"Nothing could be further from the truth," Brown said.', [("Brown", "Nothing could be further from the truth", "deny")]),
    # what a denial calls the claims before it names them
    ('The minister dismissed as "nonsense" claims that she had lied to parliament.',
     [("The minister", "she had lied to parliament", "deny")]),
    # ... and the noun the parser read as a verb after them ('speculation reports') reports nothing itself
    ("The minister dismissed as speculation reports that she had lied to parliament.",
     [("The minister", "she had lied to parliament", "deny")]),
    # slamming something as false denies it; as anything else, says what it is
    ('The minister slammed the report as "inaccurate and misleading".',
     [("The minister", 'the report as "inaccurate and misleading"', "deny")]),
    ("Critics blasted the plan as a giveaway to developers.", [("Critics", "the plan as a giveaway to developers", "assert")]),
    ("The union slammed the decision.", []),
    ("The club has rebuffed reports that it accepted an offer for Diaz.",
     [("The club", "it accepted an offer for Diaz", "deny")]),
    # the same source's contrasting act is a statement of its own
    ("The agency acknowledged that 300 files had been lost, though it maintained that none contained personal data.",
     [("The agency", "300 files had been lost", "confirm"), ("The agency", "none contained personal data", "assert")]),
    # a name with its title, set off by a comma before another subject, is a form of address
    ("Ms Voss, the Tidewater Times has reported that Coinvale moved customer assets.",
     [("Tidewater Times", "Coinvale moved customer assets", "assert")]),
])
def test_denials_and_contrasting_acts_in_few_words(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "speakers"), [
    # a claim rejected and the outlet that first reported it are two statements of one clause
    ("Spokeswoman Lucinda Marsh rejected claims, first reported by the Marlow Falls Sentinel, that a neighboring "
     'farmer had warned a company technician. "That conversation never happened," she told the Dispatch.',
     ["Lucinda Marsh", "Marlow Falls Sentinel", "Lucinda Marsh"]),
    # 'he' after a statement is its speaker, not the subject of what the speaker said
    ("Garrett Linwood, a spokesman for Halloway Sports Group, said Victor Halloway did not host any council member. "
     "He said a review by outside counsel found no evidence of a dinner.", ["Garrett Linwood", "Garrett Linwood"]),
])
def test_a_pronoun_after_a_statement_is_its_speaker(analyze_text, body, speakers):
    assert [name for name, _, _ in _statements(analyze_text, body)] == speakers


@pytest.mark.parametrize(("body", "expected"), [
    # 'said NAME commenting ...': the parser made the name the participle's subject; the name said it,
    # and a quote-only paragraph after it goes on with that speaker
    ('"It took too long for the money to get into the system," said Uralsib analyst Chris Weafer commenting on '
     'this decision.\n"They were afraid of panic selling so they stopped the market."',
     [("Chris Weafer", "It took too long for the money to get into the system", "assert"),
      ("Chris Weafer", "They were afraid of panic selling so they stopped the market.", "assert")]),
    # a count of occasions the parser took for a subject speaks for no one: the coordinated subject does
    ("Obama spoke at noon. He stated that he expected the new company to make safer cars, and several times "
     "described what he anticipated as cleaner cars.",
     [("Obama", "he expected the new company to make safer cars", "assert"),
      ("Obama", "what he anticipated as cleaner cars", "assert")]),
    # an announcement by its author, with a that-clause the parser read as a relative clause
    ("Obama presented a plan following the announcement by General Motors that it had filed for bankruptcy "
     "protection from its creditors.",
     [("General Motors", "it had filed for bankruptcy protection from its creditors", "assert")]),
    # a description before a name that the parser made a second subject: the name speaks
    ("American automobile manufacturer General Motors (GM) announced plans Friday to shut down about 1,100 of its "
     "dealerships, in an effort to evade bankruptcy.",
     [("General Motors", "to shut down about 1,100 of its dealerships, in an effort to evade bankruptcy", "assert")]),
    # a subject set off by a relative clause is no opening adverbial
    ("The chief executive has died at the age of 56, according to the company website.\nA statement on Apple's "
     "website, the homepage of which currently displays a black and white photograph and the text \"Steve Jobs "
     "1955-2011\", states: “Apple has lost a visionary and creative genius.”",
     [("Company website", "The chief executive has died at the age of 56", "assert"),
      ("Statement on Apple's website", "Apple has lost a visionary and creative genius.", "assert")]),
    # a statement or claim issued or made by its subject
    ("The ministry issued a statement that the plant would close next year.",
     [("The ministry", "the plant would close next year", "assert")]),
    ("Senator Ruiz spoke at noon. He made the claim that the vote had been rigged by officials.",
     [("Ruiz", "the vote had been rigged by officials", "assert")]),
    # a role set off before an honorific and a name, with 'of' and what it heads ('the Prime Minister of
    # Singapore, Mr. Lee Hsien Loong'): the role alone later is that person
    ("The aircraft was greeted by some 400 guests, including the Prime Minister of Singapore, Mr. Lee Hsien Loong, "
     "at the airport.\nIn his speech, the Prime Minister said the landing was a milestone for the airport.",
     [("Lee Hsien Loong", "the landing was a milestone for the airport", "assert")]),
    # 'the insider' names again the one unnamed source last described ('someone familiar with the situation')
    ("The Times reported that someone familiar with the situation said his health had ups and downs this year.\n"
     "The insider, who asked to remain anonymous, said that his health appeared to be deteriorating.",
     [("The Times", "someone familiar with the situation said his health had ups and downs this year", "assert"),
      ("someone familiar with the situation", "his health had ups and downs this year", "assert"),
      ("someone familiar with the situation", "his health appeared to be deteriorating", "assert")]),
    # an announcement whose object tells something is a statement; one that only names a thing or refers to
    # what was said is not
    ("The Russian government announced the injection of 44 billion dollars into the Russian economy.",
     [("Russian government", "the injection of 44 billion dollars", "assert")]),
    ("Apple unveiled the iPhone on Tuesday.", []),
    # a reason cited is a statement; who or what is cited as the source is not
    ("The airline cancelled 40 flights on Monday, citing a shortage of pilots.",
     [("The airline", "a shortage of pilots", "assert")]),
    # an outlet's report citing its source is that source's word (the outlet is the 'via')
    ("Oil prices fell on Monday, Reuters reported, citing two sources familiar with the matter.",
     [("two sources familiar with the matter", "prices fell on Monday", "assert")]),
    ("The New York Times reported on Tuesday, citing two officials, that engineers had warned about the spillway.",
     [("two officials", "engineers had warned about the spillway", "assert")]),
    ("The Post reported, citing sources familiar with the matter, that the deal had collapsed.",
     [("sources familiar with the matter", "the deal had collapsed", "assert")]),
    ("Reuters, citing a company document, said the dam had not been inspected since 2017.",
     [("a company document", "the dam had not been inspected since 2017", "assert")]),
    ("Interfax reported, citing Kremlin spokesman Dmitry Peskov, that the talks were over.",
     [("Dmitry Peskov", "the talks were over", "assert")]),
    # what a court or inquest heard was said there
    ("The inquest heard the pilot had flown for 14 hours without a break.",
     [("The inquest", "the pilot had flown for 14 hours without a break", "assert")]),
    ("Neighbours heard the explosion at 3am.", []),
    # a record that 'read:', whatever the tagger made of the verb
    ('The family issued a statement on Monday. A statement from the family read: "We are heartbroken and want answers."',
     [("Statement from the family", "We are heartbroken and want answers.", "assert")]),
    # denying a crime by name
    ("Doyle denies murder.", [("Doyle", "murder", "deny")]),
    # ... or a happening; refusing something is no statement
    ("The plant opened in 1990. The company first denied the breach, then admitted that 2,000 records had been exposed.",
     [("The company", "the breach", "deny"), ("The company", "2,000 records had been exposed", "confirm")]),
    ("The plant opened in 1990. The council denied the permit.", []),
    # a record after the clause, which the parser took for part of a name
    ("The plan was approved. The vote was 7-2 in favour of the plan, council minutes show.",
     [("Council minutes", "The vote was 7-2 in favour of the plan", "assert")]),
    # ... and so is unnamed media's
    ("Local media, citing police, said at least 12 people had been arrested.",
     [("police", "at least 12 people had been arrested", "assert")]),
    # a statement posted or released is its maker's, whatever stands between the cue and its 'that'
    ("The ministry said in a statement posted on its website that the dam had been inspected in May.",
     [("The ministry", "the dam had been inspected in May", "assert")]),
    # pushing or hitting back at a claim denies it; pushing back a deadline says nothing
    ("The company pushed back on reports that it had ignored warnings.",
     [("The company", "it had ignored warnings", "deny")]),
    ("The mayor hit back at claims that the bridge was unsafe.", [("The mayor", "the bridge was unsafe", "deny")]),
    ("The council pushed back the deadline to May.", []),
    # a person citing evidence still says it themselves
    ("The minister, citing a police report, said the dam was sabotaged.",
     [("The minister", "the dam was sabotaged", "assert")]),
    ("According to people familiar with the matter, the company plans to sell the reservoir.",
     [("people familiar with the matter", "the company plans to sell the reservoir", "assert")]),
    # an unnamed source is named by how it knows, not by why it is not named, nor by what follows it
    ("A person familiar with the initial findings, who spoke on condition of anonymity because the inquiry is at "
     "an early stage, said the brakes had failed.",
     [("A person familiar with the initial findings", "the brakes had failed", "assert")]),
    ("Two people familiar with the investigation who were not authorised to speak publicly said the fire was arson.",
     [("Two people familiar with the investigation", "the fire was arson", "assert")]),
    ("The paper cited data from the ministry.", []),
    # what was called or asked for is a statement (a demand); a few words say too little
    ("The Government Accountability Office called for a re-run of the bidding for the tanker contract.",
     [("Government Accountability Office", "a re-run of the bidding for the tanker contract", "assert")]),
    ("Chrysler has asked the US government for an additional US$5 billion in aid.",
     [("Chrysler", "an additional US$5 billion in aid", "assert")]),
    ("Protesters called for calm.", []),
    # advising or begging someone to do something is a directive; advising a client is work
    ("The agency advised residents to boil their water until Friday.",
     [("The agency", "to boil their water until Friday", "assert")]),
    ("She begged the judge to spare her son.", [("She", "to spare her son", "assert")]),
    ("A consultancy that advised the trust on fundraising was paid $212,000.", []),
    # wanting someone else to do something states a position; a wish of one's own does not
    ("The union wants the company to reopen the plant.", [("The union", "the company to reopen the plant", "assert")]),
    ("He wants to win the race.", []),
    ("The union does not want the company to close the plant.", []),
    # text set out after a colon without quotation marks is the writer's, line by line while it goes on in
    # the first person; the record it is read from speaks
    ("Steve Jobs is on leave. Apple released the text of Jobs's email, which reads: Team, at my request the board "
     "has granted me a medical leave of absence.\nI will continue as CEO and be involved in major decisions.\n"
     "The shares fell 3 percent on Monday.",
     [("Jobs's email", "Team, at my request the board has granted me a medical leave of absence.", "assert"),
      ("Jobs's email", "I will continue as CEO and be involved in major decisions.", "assert")]),
    ("The union did not call for a strike at the plant.", []),
    # what someone talked or spoke about, when it is a thing of some words
    ("He talked about the easiness for developers to port their Mac apps to Intel processors.",
     [("He", "the easiness for developers to port their Mac apps to Intel processors", "assert")]),
    ("She spoke of a new era of cooperation between the two companies.",
     [("She", "a new era of cooperation between the two companies", "assert")]),
    ("He spoke about the weather.", []),
    ("She did not talk about the plan to close the Ohio plant.", []),
    ("The outage was first reported by the Courier, which cited engineers who said staff had flagged problems in "
     "August.", [("engineers", "staff had flagged problems in August", "assert")]),
    # a country's government named again: 'the government' is the last one named; 'the federal government' is
    # only one whose name says federal, never another country's
    ("The Russian government suspended trading. The government said that markets would reopen on Friday.",
     [("Russian government", "markets would reopen on Friday", "assert")]),
    ("The German government pledged loans to Opel. Henderson observed that the federal government had stated that it "
     "had no interest in running the business.",
     [("Henderson", "the federal government had stated that it had no interest in running the business", "assert"),
      ("the federal government", "it had no interest in running the business", "assert")]),
    ("The United States federal government will hold a 60% stake. The German government pledged loans to Opel. The "
     "federal government said that it had no interest in running the business.",
     [("United States federal government", "it had no interest in running the business", "assert")]),
    ("The ministry announced the decision on Friday after a long meeting.", []),
    # calling something so in quoted words is a statement; calling it false in them a denial; a word of one's own
    # ('called the mayor a friend') none
    ('The activist organization the Project on Government Oversight has called it "a textbook case of favoritism '
     'to a single defense contractor."',
     [("Project on Government Oversight", 'it "a textbook case of favoritism to a single defense contractor."',
       "assert")]),
    ('The minister called the report "a complete fabrication and a lie".',
     [("The minister", 'the report "a complete fabrication and a lie"', "deny")]),
    ("She called the mayor a friend of the family.", []),
    # what something is described or cited as is a statement; described as false, a denial; describing alone, none
    ('Rick Wagoner, the chief executive, described the firm\'s plan as "comprehensive, responsive, achievable, and '
     'flexible".', [("Rick Wagoner", 'the firm\'s plan as "comprehensive, responsive, achievable, and flexible"', "assert")]),
    ("The Prime Minister applauded the airline and cited its success as a source of pride for all Singaporeans.",
     [("The Prime Minister", "its success as a source of pride for all Singaporeans", "assert")]),
    ("The minister described the report as false and politically motivated.",
     [("The minister", "the report as false and politically motivated", "deny")]),
    ("He described the scene to reporters.", []),
    ('Henderson described a "New GM" that he expected to result from the bankruptcy process.', []),
    ("She described the situation as she saw it.", []),
    # speaking out that ... reports; speaking out against something is an act
    ("Henderson spoke out on Tuesday that GM has submitted a restructuring plan which would close five plants.",
     [("Henderson", "GM has submitted a restructuring plan which would close five plants", "assert")]),
    ("Senators spoke out against the plan on Monday.", []),
    # a company named by its trade is the company last named; 'Jr.' keeps its full stop
    ("Boeing had been expected to win the contract. The airframer said it would protest the decision within days.",
     [("Boeing", "it would protest the decision within days", "assert")]),
    ("The Air Force said the decision was final. Job supply had been the reason Boeing were expected to win, with the "
     "airframer promising 44,000 new positions at 300 suppliers in 40 states across the country.",
     [("Air Force", "the decision was final", "assert"),
      ("Boeing", "44,000 new positions at 300 suppliers in 40 states across the country", "assert")]),
    ("The Air Force also denied that creating jobs in the US was a factor; job supply had been the reason Boeing were "
     "expected to win, with the airframer promising 44,000 new positions at 300 suppliers in 40 states.",
     [("Air Force", "creating jobs in the US was a factor", "deny"),
      ("Boeing", "44,000 new positions at 300 suppliers in 40 states", "assert")]),
    ("The chairman, William Clay Ford Jr., said the company could make it through the year without aid.",
     [("William Clay Ford Jr.", "the company could make it through the year without aid", "assert")]),
    # a company by its trade ('the water company') is no organisation merely named before it whose name
    # lacks the trade (the model tags the town 'Ashby' an organisation); it stays unnamed
    ("Residents of Ashby were told to leave their homes by Tuesday evening, the county said.\n\nThe water company "
     "denied that it had ignored warnings about the spillway.",
     [("the county", "Residents of Ashby were told to leave their homes by Tuesday evening", "assert"),
      ("The water company", "it had ignored warnings about the spillway", "deny")]),
    # a platform named as where something was posted is no company that speaks later
    ("In a post on Telegram, the ministry said repairs would start on Monday. The company tweeted that its "
     "engineers had inspected the spillway in May.",
     [("the ministry", "repairs would start on Monday", "assert"),
      ("The company", "its engineers had inspected the spillway in May", "assert")]),
    # a quotation after a person's name and a colon is that person's; a label that names no one is none
    ('The emails were recorded in the Congressional Record.\nSpecial Assistant Bill Bodie: "We do not have to turn '
     'the other cheek, we can answer them."\nSecretary of the Air Force James Roche: "No, Sir, save it and blow him '
     'away."',
     [("Bill Bodie", "We do not have to turn the other cheek, we can answer them.", "assert"),
      ("James Roche", "No, Sir, save it and blow him away.", "assert")]),
    ('Note: "Figures are provisional" appears on every page of the report.', []),
    # 'the company' is the one company named before it in its sentence
    ("Lufthansa said on Monday that it would be compensated for the delay by the manufacturer of the aircraft. In a "
     "statement on the Airbus website, the company said that the root cause of the problem was a late design model.",
     [("Lufthansa", "it would be compensated for the delay by the manufacturer of the aircraft", "assert"),
      ("Airbus", "the root cause of the problem was a late design model", "assert")]),
    # 'who' after a person's apposition is that person, not the place or body the apposition names
    ("A contrary view is offered by Charles O'Reilly, a management expert at Stanford University, who stated, "
     "\"Great companies rarely go from strength to strength\".",
     [("Charles O'Reilly", "Great companies rarely go from strength to strength", "assert")]),
    # a name after Mr, Ms, Dr is a person's, whatever the model tagged it
    ("Mr MacFarlane said that the research facility was exciting for Australia and would create jobs.",
     [("MacFarlane", "the research facility was exciting for Australia and would create jobs", "assert")]),
    # a title's organisation that the model ran on into the holder's name
    ('Assistant Secretary of the Air Force for Acquisition Marvin Sambur defended the choice, saying, "This was '
     'not a competitive bid process."', [("Marvin Sambur", "This was not a competitive bid process.", "assert")]),
])
def test_real_news_attribution_shapes(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


def test_a_name_after_an_honorific_speaks_as_a_person(analyze_text):
    analysis = analyze_text("Headline\nMr MacFarlane said that the research facility was exciting for Australia.\n")
    assert [s.speaker.kind for s in analysis.statements] == ["person"]


@pytest.mark.parametrize(("body", "expected"), [
    ("This is said to be out of Apple's frustration at IBM's inability to deliver faster processors.",
     [("unnamed sources", "This is said to be out of Apple's frustration at IBM's inability to deliver faster "
       "processors", "assert")]),
    ("It was reported that the company lost $3 billion in the quarter.",
     [("unnamed sources", "the company lost $3 billion in the quarter", "assert")]),
    ("The mayor is alleged to have taken bribes from the contractor.",
     [("unnamed sources", "The mayor is alleged to have taken bribes from the contractor", "assert")]),
    ("It is understood that the bridge will reopen in May.",
     [("unnamed sources", "the bridge will reopen in May", "assert")]),
    ("He understood that the bridge was unsafe.", []),
    ("The mayor is accused of taking bribes from the contractor.",
     [("unnamed sources", "The mayor is accused of taking bribes from the contractor", "assert")]),
    # someone named as its source, someone told, or a passive that reports no speech: no hearsay
    ("The deal was reported by Reuters on Monday.", []),
    ("He was told that the deal was off.", []),
    ("Smith was reported missing on Tuesday.", []),
])
def test_what_is_said_with_no_one_named_is_unnamed_sources(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "speaker"), [
    # a 'who' clause says which one of unnamed people; a description that says enough, a clause set off by a
    # comma or telling of speech do not take it
    ("\"They said no,\" said two people who were in the room.", "two people who were in the room"),
    ("A man who saw the crash told reporters that the car was speeding.", "A man who saw the crash"),
    ("\"They said no,\" said a university professor from the University of Michigan who specializes in bankruptcy.",
     "a university professor from the University of Michigan"),
    ('"We are done," said an official who spoke on condition of anonymity.', "an official"),
    ("\"We are done,\" said a worker, who has been at the plant for 30 years.", "a worker"),
    ("An official who asked not to be named said the talks had stalled.", "An official"),
    # how unnamed sources know, said with a participle
    ("The deal is dead, according to people briefed on the talks.", "people briefed on the talks"),
    ("Officials involved in the negotiations said the deal was dead.", "Officials involved in the negotiations"),
    ("The talks ran late. People briefed on the plans said the plant would close in June.",
     "People briefed on the plans"),  # 'briefed' tagged a past tense: still the ones told, no cue
    ("The talks ran late. Officials informed of the decision said the plant would close.",
     "Officials informed of the decision"),
])
def test_unnamed_people_are_named_with_the_clause_saying_which(analyze_text, body, speaker):
    assert [s.speaker.name for s in analyze_text("Headline\n" + body + "\n").statements] == [speaker]


@pytest.mark.parametrize(("body", "expected"), [
    # words given, issued or left as a thing and set out in quotation marks right after it
    ('The mayor issued a statement: "We will rebuild the bridge by spring."',
     [("The mayor", "We will rebuild the bridge by spring.", "assert")]),
    ('In part of his resignation, Jobs left this farewell, "I have made some of the best friends of my life at Apple."',
     [("Jobs", "I have made some of the best friends of my life at Apple.", "assert")]),
    ('The senator had a warning for the company on Monday: "We will not fund this plane again."',
     [("The senator", "We will not fund this plane again.", "assert")]),
    ('He ended his speech with a warning: "We will not fund this plane again."',
     [("He", "We will not fund this plane again.", "assert")]),
    # the noun with no quotation after it says nothing
    ("The mayor issued a statement on Monday about the bridge.", []),
])
def test_words_given_as_a_thing_and_quoted_after_it(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


def test_a_speaker_in_scare_quotes_is_still_the_speaker(analyze_text):
    body = 'GovExec.com quotes a "Senate aide" as saying: "The House language ignores an analysis of alternatives."'
    assert _statements(analyze_text, body) == [
        ("a Senate aide", "The House language ignores an analysis of alternatives.", "assert")]


@pytest.mark.parametrize(("body", "expected"), [
    # what is called something in the speaker's quoted words, a gerund the parser read as a clause too
    ("Steve called podcasting “Wayne's World for radio”.", [("Steve", "podcasting “Wayne's World for radio”", "assert")]),
    ('He called the decision "a textbook case of favoritism".',
     [("He", 'the decision "a textbook case of favoritism"', "assert")]),
    # calling to say something is no calling
    ('She called to say the deal was "a total disaster for everyone".',
     [("She", 'the deal was "a total disaster for everyone"', "assert")]),
])
def test_what_is_called_something_in_quoted_words(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # what 'is said' with its source named in the sentence is that source's, not unnamed sources'
    ("The iPhone is said to be a revolutionary phone, according to Apple.",
     [("Apple", "The iPhone is said to be a revolutionary phone", "assert")]),
    ('The iPhone is claimed to be "a revolutionary mobile phone" as stated on the Apple website.',
     [("Apple website", 'The iPhone is claimed to be "a revolutionary mobile phone"', "assert")]),
    ("The company lost $3 billion, as reported in the Daily Courier.",
     [("Daily Courier", "The company lost $3 billion", "assert")]),
    ("The company lost $3 billion, as reported in March.", []),
])
def test_a_source_named_as_where_something_was_stated(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


def test_one_more_document_of_a_kind_is_not_the_one_named_before(analyze_text):
    body = ("An email from Burkhardt & Associates to James Roche advises the Secretary to release numbers favorable to "
            "Boeing. An additional email by Roche provides a stark contrast, as he talks to Marvin Sambur about Boeing, "
            'saying, "I love Ya, Big Guy."')
    assert [s[0] for s in _statements(analyze_text, body)] == ["Email from Burkhardt & Associates to James Roche",
                                                               "Additional email by Roche"]


def test_a_cue_in_an_opening_phrase_reports_no_further_than_the_main_clause(analyze_text):
    body = ("In response to critics saying that Apple had not addressed the reception problem quickly enough, Jobs "
            "said that iPhone 4 had only been out for 22 days.")
    assert _statements(analyze_text, body) == [
        ("critics", "Apple had not addressed the reception problem quickly enough", "assert"),
        ("Jobs", "iPhone 4 had only been out for 22 days", "assert")]


def test_a_further_that_clause_of_the_same_cue(analyze_text):
    body = ("June 6, 2005\nApple Computer CEO and co-founder Steve Jobs gave his annual opening keynote at the "
            "Worldwide Developers Conference in San Francisco today.\nHe announced a seamless integration of podcasting "
            "with iTunes, and, to the amazement of many, that future Apple Macintosh computers will feature Intel "
            "processors.")
    assert [s[1] for s in _statements(analyze_text, body)] == [
        "a seamless integration of podcasting with iTunes", "future Apple Macintosh computers will feature Intel processors"]


def test_no_further_clause_for_a_cue_inside_another_cues_clause(analyze_text):
    body = ("The monitoring mission said on Wednesday that it had asked both sides for access to the site and that its "
            "observers would visit the ford on Friday.")
    contents = [s[1] for s in _statements(analyze_text, body)]
    assert "it had asked both sides for access to the site and that its observers would visit the ford on Friday" in \
        contents and "its observers would visit the ford on Friday" not in contents


@pytest.mark.parametrize(("body", "speaker"), [
    # an outlet named by what it is, also after 'according to', where the name after the comma opens the clause
    ("Netanyahu asked Putin to delay a vote, Channel 12 reported Thursday. According to the network, Netanyahu made "
     "the request in a phone call.", "Channel 12"),
    # the bare 'report' just after an outlet reported is that outlet's ...
    ('Netanyahu asked Putin to delay a vote, Channel 12 reported Thursday. The report, which cited two unnamed '
     'officials, said Putin agreed to "look into it".', "Channel 12"),
    # ... not a record published since
    ("Channel 12 reported the dam had failed. The inspectors published their findings on Monday. The report said the "
     "dam was safe.", "Report"),
    ("The dam failed at 6 a.m., according to a preliminary report released Friday. Channel 12 first reported on "
     "Wednesday that workers had seen water. Workers fled the site, the report said.", "Preliminary report"),
])
def test_an_outlet_named_by_what_it_is_speaks(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "content"), [
    # a wire's dateline without its place is no part of what was said, nor is a deal appended after the source
    ("(Reuters) - Halden Foods is in advanced talks to buy Corvo Brands, three people familiar with the matter said on "
     "Tuesday, a deal that would create the largest maker of frozen meals.",
     "Halden Foods is in advanced talks to buy Corvo Brands"),
    # ', only that ...' goes on with the clause before the source, shortened: no clause of the source's own
    ("The study does not prove that erythritol causes heart problems, the authors cautioned, only that the two are "
     "associated.", "The study does not prove that erythritol causes heart problems"),
    # a statement in a relative clause ends with it
    ("Halden, whose chief executive said last month that it had no plans for a big acquisition, again declined to "
     "comment.", "it had no plans for a big acquisition"),
])
def test_what_was_said_ends_where_its_clause_does(analyze_text, body, content):
    assert [s[1] for s in _statements(analyze_text, body)] == [content]


@pytest.mark.parametrize(("body", "expected"), [
    # a sentence opened by 'Per' and its source
    ("Per sources close to the player, personal terms have been agreed.",
     [("sources close to the player", "personal terms have been agreed")]),
    ("The fare rose 5 per cent. Per cent figures are rounded.", []),
    # an outlet told by its sources reports what it was told; anyone else told is no speaker
    ("Grant scored twice on Saturday. Sky Sports News has been told the deal could be completed this week.",
     [("Sky Sports News", "the deal could be completed this week")]),
    ("Residents were told the water was safe.", []),
])
def test_sources_of_transfer_news(analyze_text, body, expected):
    assert [(s[0], s[1]) for s in _statements(analyze_text, body)] == expected


@pytest.mark.parametrize(("body", "speaker"), [
    ("The plant opened in 1990. Halden Foods, whose chief executive said last month that it had no plans, again "
     "declined to comment.",
     "Halden Foods' chief executive"),
    ("The company, whose chief executive said it had no plans, declined to comment.", "The company's chief executive"),
])
def test_whose_officer_speaks_is_named_by_whose(analyze_text, body, speaker):
    assert [s[0] for s in _statements(analyze_text, body)] == [speaker]


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    # unnamed members of a party or a people are not the party or the country
    ("Many Republicans said the bill was dead.", "Many Republicans", "anonymous"),
    ("Two Ukrainians said the bridge had been hit.", "Two Ukrainians", "anonymous"),
    ("The Democrats said the plan would fail.", "Democrats", "organization"),
    # people who once did a firm's work are people; firms that do it are firms
    ("Two former control-room operators told the Gazette that alarms had sounded.", "Two former control-room operators",
     "anonymous"),
    ("Two ferry operators said fares would rise.", "Two ferry operators", "organization"),
])
def test_some_members_of_a_party_speak_as_themselves(analyze_text, body, speaker, kind):
    statements = analyze_text("Headline\n" + body + "\n").statements
    assert [(s.speaker.name, s.speaker.kind) for s in statements] == [(speaker, kind)]


@pytest.mark.parametrize(("body", "speaker"), [
    # 'the group' is the organisation that was the subject of a clause of time since the last one spoke
    ('The press event came just days after Consumer Reports declined to give Apple\'s newest phone a "recommended" '
     "rating. The group said that the free cases are a good first step.", "Consumer Reports"),
])
def test_the_organisation_a_description_names_again(analyze_text, body, speaker):
    said = [s for s in _statements(analyze_text, body) if s[1].startswith("the free cases")]
    assert [s[0] for s in said] == [speaker]


@pytest.mark.parametrize(("body", "speaker", "kind"), [
    # 'the newspaper' that reports is the outlet just named
    ("Troops will leave Ostrava Pass by June, Defence Minister Karl Weiss told the Northern Times, the newspaper "
     "reported on Monday.", "Northern Times", "outlet"),
    # a remark on a noun inside the description, set off by a comma, is no part of the speaker's name
    ("Survivors of the fire at the Brenner textile factory, which killed 12 people, said the exits had been locked.",
     "Survivors of the fire at the Brenner textile factory", None),
    # a form of address before the subject is no speaker ('Smith, the company's chief executive, said' is Smith)
    ("Minister, the nurses' union says wards are closing for lack of staff. Is that true?", "the nurses' union",
     "organization"),
    ("Mr President, your own advisers say the plan will fail.", "your own advisers", None),
    ("Smith, the company's chief executive, said the plant would close.", "Smith", None),
])
def test_who_a_description_of_a_source_is(analyze_text, body, speaker, kind):
    statements = analyze_text("Headline\n" + body + "\n").statements
    assert (speaker, kind) in [(s.speaker.name, kind and s.speaker.kind) for s in statements]


@pytest.mark.parametrize(("body", "expected"), [
    # 'as X put it' puts the clause it is set before
    ("As one analyst put it, the market has lost its nerve.", [("one analyst", "the market has lost its nerve", "assert")]),
    ("She put it on the table.", []),
    # '..., before adding that ...' ends what was said before it
    ("John Smith said profits would fall, before adding that jobs were safe.",
     [("John Smith", "profits would fall", "assert")]),
])
def test_put_it_and_before_adding(analyze_text, body, expected):
    assert _statements(analyze_text, body)[:len(expected) or None] == expected


def test_what_is_dismissed_as_false_ends_before_the_falsity(analyze_text):
    body = "John Smith dismissed reports that the bridge was unsafe as fake news."
    assert _statements(analyze_text, body) == [("John Smith", "the bridge was unsafe", "deny")]


def test_a_source_an_outlet_cites_speaks_through_the_outlet(analyze_text):
    analysis = analyze_text("Headline\nThe New York Times reported on Tuesday, citing two officials, that engineers had "
                            "warned about the spillway.\n")
    (statement,) = analysis.statements
    assert (statement.speaker.name, statement.speaker.kind, statement.via) == ("two officials", "anonymous",
                                                                                ("The New York Times",))


@pytest.mark.parametrize(("body", "speaker", "via", "content"), [
    # a newspaper the outlet list does not know is an outlet by its name's last word
    ("The governor told the Marlow Falls Sentinel that repairs would begin.", ("The governor", "anonymous"),
     ("Marlow Falls Sentinel",), "repairs would begin"),
    ("As first reported by the Kellow Gazette, the dam's operator had cut its maintenance budget.",
     ("Kellow Gazette", "outlet"), (), "the dam's operator had cut its maintenance budget"),
    # an outlet whose name is also a common word, after 'the'
    ("The talks ran late. The memo, seen by the Guardian, says the plant will close in June.",
     ("Memo", "document"), ("Guardian",), "the plant will close in June"),
    ("The talks ran late. The plant will close in June, a source told the Guardian.",
     ("a source", "anonymous"), ("Guardian",), "The plant will close in June"),
])
def test_a_newspaper_named_by_its_masthead_is_an_outlet(analyze_text, body, speaker, via, content):
    (statement,) = analyze_text("Headline\n" + body + "\n").statements
    assert ((statement.speaker.name, statement.speaker.kind), statement.via, statement.text) == (speaker, via, content)


LIVE_BLOG = """Northvale Health data breach: live updates

09:12 Northvale Health has called a news conference in Dunmore.

10:15 Okafor says the group will not pay a ransom.

11:40 Update: The BBC is reporting that Northvale discussed paying the attackers.

12:20 Ben Holloway, the researcher who found the data online, told us the number of patients could be higher.
"""


def test_a_live_blogs_entry_times_are_no_part_of_names_or_sentences(analyze_text):
    statements = _statements(analyze_text, LIVE_BLOG)
    assert ("BBC", "Northvale discussed paying the attackers", "assert") in statements
    assert ("Ben Holloway", "the number of patients could be higher", "assert") in statements
    analysis = analyze_text(LIVE_BLOG)
    assert not any(any(c.isdigit() for c in m.text) for m in analysis.mentions)
    assert not any(p.text.startswith(("11:40", "Update")) for p in analysis.propositions)


@pytest.mark.parametrize(("text", "parsed"), [
    ("09:12 The group called.\n\n10:04 Chief executive Marian Okafor spoke.",
     "      The group called.\n\n      Chief executive Marian Okafor spoke."),
    ("Updated at 3.15pm BST: He said so.\nThe end.", "                       He said so.\nThe end."),
    # one line opening with a time is a sentence, not a live blog
    ("10:30 is when the doors open.\nThe end.", "10:30 is when the doors open.\nThe end."),
])
def test_entry_times_and_update_labels_are_blanked_for_parsing(text, parsed):
    from storytrace.nlp import text_for_parsing

    assert text_for_parsing(text) == parsed


@pytest.mark.parametrize("marks", [('"', '"'), ("'", "'"), ("“", "”")])
def test_a_quote_going_on_over_paragraphs_is_its_speakers_to_the_end(analyze_text, marks):
    o, c = marks
    body = (f"{o}We will not accept excuses any more,{c} said Alasdair Greer, who chairs the island's community "
            f"council. {o}People missed hospital appointments.\n\n{o}Some of them had waited months for those "
            f"appointments. This cannot go on.{c}\n\nThe council meets again in May.")
    assert _statements(analyze_text, body) == [
        ("Alasdair Greer", "We will not accept excuses any more", "assert"),
        ("Alasdair Greer", "People missed hospital appointments.", "assert"),
        ("Alasdair Greer", "Some of them had waited months for those appointments. This cannot go on.", "assert")]
    claims = [p.text for p in analyze_text("Headline\n" + body + "\n").propositions]
    assert not any("chairs" in text for text in claims)  # who the speaker is, as before the cue, is no claim


@pytest.mark.parametrize(("body", "expected"), [
    # a short sentence about one person ending in a colon before a quotation: that person's words
    ('The council met. Alan Smith put it bluntly: "We are finished as a port."',
     [("Alan Smith", "We are finished as a port.", "assert")]),
    ('The council met. Alan Smith, the council leader, was unrepentant: "We did the right thing."',
     [("Alan Smith", "We did the right thing.", "assert")]),
    # ... not when it names two people, or none
    ('The council met. Asked about Jane Doe, Alan Smith was blunt: "She is wrong about the port."', []),
    ('The council met. The message was clear: "We are finished as a port."', []),
    # a quotation a document 'reads'
    ('The council met. "The depot will close in June," reads the letter.', [("Letter", "The depot will close in June", "assert")]),
    ("The council met. Alan Smith reads the newspaper every morning at the depot.", []),
])
def test_quotations_introduced_without_a_speech_verb_after_the_speaker(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize("body", [
    # a denial or confirmation not made says nothing: the watchdog does not say the fund lost money
    "The watchdog did not deny that the fund had lost money.",
    "Police have not confirmed that the suspect was arrested.",
    "The company has never acknowledged that the leak reached the river.",
])
def test_a_denial_or_confirmation_not_made_is_no_statement(analyze_text, body):
    assert _statements(analyze_text, body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # what the parser hangs on the cue after it but opens with a word of time is when, not what was said
    ("Oil was still leaking from the Nordic Star on Monday, local fishermen told the Coastal Record, a day after "
     "the ship's owner said the leak had been contained.",
     [("local fishermen", "Oil was still leaking from the Nordic Star on Monday", "assert"),
      ("the ship's owner", "the leak had been contained", "assert")]),
    ("Oil was still leaking on Monday, fishermen said, a day after the owner said the leak had been contained.",
     [("fishermen", "Oil was still leaking on Monday", "assert"), ("the owner", "the leak had been contained", "assert")]),
    ("Prices rose sharply in March, analysts said, after the central bank cut rates.",
     [("analysts", "Prices rose sharply in March", "assert")]),
    # a subject before the word of time keeps the clause what was said
    ("An engineer said the atmosphere in the weeks before the launch had been tense.",
     [("An engineer", "the atmosphere in the weeks before the launch had been tense", "assert")]),
])
def test_a_clause_of_time_after_the_cue_is_not_what_was_said(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a denial whose object is a claim rejects it: the object, with what it is dismissed as, is its content
    ("The mayor rejected the claims.", [("The mayor", "the claims", "deny")]),
    ("The mayor dismissed Ott's figures as nonsense.", [("The mayor", "Ott's figures as nonsense", "deny")]),
    ("The ministry denied the report.", [("The ministry", "the report", "deny")]),
    ("The company said it denies those claims.", [("The company", "it denies those claims", "deny")]),
    # phrasal and other verbs of denial
    ("The company brushed off the allegations.", [("The company", "the allegations", "deny")]),
    ("The mayor shot down the rumours on Tuesday.", [("The mayor", "the rumours", "deny")]),
    ("Fact-checkers debunked the claim.", [("Fact-checkers", "the claim", "deny")]),
    # idioms of doubt: what they are cast on, or the clause it states
    ("The minister poured cold water on reports that the plant would close.",
     [("The minister", "the plant would close", "deny")]),
    ("The minister cast doubt on the report.", [("The minister", "the report", "deny")]),
    ("The union poured scorn on claims that the talks had collapsed.", [("The union", "the talks had collapsed", "deny")]),
    ("The club played down reports that the coach would leave.", [("The club", "the coach would leave", "deny")]),
    ("The club downplayed suggestions that the coach would leave.", [("The club", "the coach would leave", "deny")]),
    # a denial of something other than a claim is an act
    ("The board rejected the proposal.", []),
    ("The coach brushed off the injury.", []),
    ("The minister downplayed the risk of flooding.", []),
    # a record described by what it said: what it said is denied; by what it found: the record
    ("The minister rejected a report which said that the plant would close.",
     [("The minister", "the plant would close", "deny"), ("Report", "the plant would close", "assert")]),
    ("Officials insisted the dam was safe, contradicting an engineer's report that found cracks in the spillway.",
     [("Officials", "the dam was safe", "assert"),
      ("Officials", "an engineer's report that found cracks in the spillway", "deny")]),
    ("The minister cited a report by the National Audit Office that found a £2bn overspend.",
     [("The minister", "a report by the National Audit Office that found a £2bn overspend", "assert")]),
    # passive, with an agent and a claim for subject: the agent's side on what the claim says, or on the claim
    ("The union's claim that 3,000 jobs are at risk has been challenged by the company.",
     [("The union", "3,000 jobs are at risk", "assert"), ("the company", "3,000 jobs are at risk", "deny")]),
    ("The figures were disputed by the opposition.", [("the opposition", "The figures", "deny")]),
    ("The bid was rejected by the board.", []),
    # calling a report, study or memo wrong in other words
    ('A government spokesman said: "These reports are wide of the mark."',
     [("A government spokesman", "These reports are wide of the mark.", "deny")]),
    ('The ministry said the memo had been "taken out of context".',
     [("The ministry", 'the memo had been "taken out of context"', "deny")]),
    ("The ministry said the study was flawed.", [("The ministry", "the study was flawed", "deny")]),
    # claims called false in quoted words
    ('The plant opened in 1990. Zakharova said claims that Moscow had blocked the resolution were "a fabrication".',
     [("Zakharova", "Moscow had blocked the resolution", "deny")]),
    # who tells it is no part of what is told
    ("The plant opened in 1990. According to Netanyahu, Putin agreed to the request.",
     [("Netanyahu", "Putin agreed to the request", "assert")]),
    # someone's claim, named by a possessive, called false
    ("The plant opened in 1990. The senator's claim that the plant had closed was false, records show.",
     [("Records", "The senator's claim that the plant had closed was false", "deny"),
      ("The senator", "the plant had closed", "assert")]),
    # a relative clause's denial ends with the clause, and the main clause is said too
    ("The ministry, which has repeatedly denied that any civilians were harmed, said the strike targeted a depot.",
     [("The ministry", "any civilians were harmed", "deny"), ("The ministry", "the strike targeted a depot", "assert")]),
    # dismissed as a word or two in quotes
    ('Kremlin spokesman Dmitry Peskov dismissed the allegations as "absurd".',
     [("Dmitry Peskov", 'the allegations as "absurd"', "deny")]),
    ("Ferreira rejected that account.", [("Ferreira", "that account", "deny")]),
    # a denial quoted in part still denies
    ('The firm said it "categorically rejects" the allegations.',
     [("The firm", 'it "categorically rejects" the allegations', "deny")]),
    ("The row cast doubt on the future of the project.", []),
    ("She poured water on the plants.", []),
])
def test_a_denial_of_a_claim_named_by_a_noun(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "via"), [
    ("Ben Holloway told us the number could be higher than 40,000.", ("Daily Test",)),
    ('"We will appeal the ruling," Ann Lee told us.', ("Daily Test",)),
    ("Ann Lee told reporters the plan would fail.", ()),
    # media that cite a source pass it on
    ("Local media, citing police, said at least 12 people had been arrested.", ("Local media",)),
])
def test_told_us_is_the_reports_own_outlet(analyze_text, body, via):
    (statement,) = analyze_text("Headline\n" + body + "\n", outlet="Daily Test").statements
    assert statement.via == via


@pytest.mark.parametrize(("body", "expected"), [
    # a plea answers the charge: not guilty denies it, guilty admits it
    ("Reyes has pleaded not guilty to charges that he accepted bribes.",
     [("Reyes", "he accepted bribes", "deny")]),
    ("Reyes pleaded guilty to two counts of wire fraud.", [("Reyes", "guilty to two counts of wire fraud", "confirm")]),
    # denying what one is accused of, by name; refusing a request is no statement
    ("The shipping company has denied any wrongdoing.", [("The shipping company", "any wrongdoing", "deny")]),
    ("She denied any involvement in the scheme.", [("She", "any involvement in the scheme", "deny")]),
    ("The city denied the permit.", []),
])
def test_pleas_and_denials_of_an_accusation(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a source the reporter sets against the first one is not part of what the first one said
    ("Officials said at least 40 people were killed, though local media put the toll at more than 60.",
     [("Officials", "at least 40 people were killed", "assert"), ("local media", "the toll at more than 60", "assert")]),
    # a source the speaker reports stays in what the speaker said
    ("Shapiro said Obama told him that no resolution was planned.",
     [("Shapiro", "Obama told him that no resolution was planned", "assert"),
      ("Obama", "no resolution was planned", "assert")]),
])
def test_a_contrasted_source_ends_the_first_ones_words(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Local officials gave a higher toll of 52.", [("Local officials", "a higher toll of 52", "assert")]),
    ("Police gave the number of injured as 15.", [("Police", "the number of injured as 15", "assert")]),
    # a figure put near a number
    ("The toll rose to 41, though rescuers at the scene put the figure closer to 60.",
     [("rescuers at the scene", "the figure closer to 60", "assert")]),
    ("She put the book on the table.", []),
    # what is said after a side taken is the same speaker's next statement
    ("The plant opened in 1990. The mayor acknowledged mistakes had been made but said the project would go ahead.",
     [("The mayor", "mistakes had been made", "confirm"), ("The mayor", "the project would go ahead", "assert")]),
    # a figure revised afterwards is the source's new figure, not part of what it said first
    ("The plant opened in 1990. Officials initially said 12 people had died but later revised the toll to 15.",
     [("Officials", "12 people had died", "assert"), ("Officials", "the toll to 15", "assert")]),
    ("The plant opened in 1990. The minister said prices had risen and changed sharply.",
     [("The minister", "prices had risen and changed sharply", "assert")]),
    # giving anything but a figure reports nothing
    ("The minister gave a speech at 10 Downing Street.", []),
    ("The charity gave £40 to each family.", []),
])
def test_giving_a_figure_states_it(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a bare 'Another' is a second unnamed source of the kind just quoted
    ('"Nobody told us anything," said one resident. Another said the sirens never sounded.',
     [("one resident", "Nobody told us anything", "assert"), ("another resident", "the sirens never sounded", "assert")]),
    ("One of the engineers said the supports had cracked. Another said the bolts were loose.",
     [("One of the engineers", "the supports had cracked", "assert"),
      ("another of the engineers", "the bolts were loose", "assert")]),
    # a bare 'one' is one of the group just named, as 'one of them' is
    ('Residents disputed the official account. "Nobody warned us at all," said one, who asked not to be named.',
     [("Residents", "the official account", "deny"), ("Residents", "Nobody warned us at all", "assert")]),
    # ... and of the group itself when 'one of them' stood for the group
    ("Two engineers told the Courier that warnings were ignored. One of them said the backup was never tested. Another "
     "said the alarms were off.",
     [("Two engineers", "warnings were ignored", "assert"), ("Two engineers", "the backup was never tested", "assert"),
      ("Two engineers", "the alarms were off", "assert")]),
])
def test_another_is_a_second_source_of_the_kind_just_quoted(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the reporter's note that nothing backed the claim is not part of it
    ("Mayor Tom Brandt said on Tuesday that the city election was rigged by postal ballots, offering no evidence.",
     [("Tom Brandt", "the city election was rigged by postal ballots", "assert")]),
    ("Brandt claimed that postal ballots had been forged, without providing evidence.",
     [("Brandt", "postal ballots had been forged", "assert")]),
])
def test_a_note_that_no_evidence_was_given_is_not_what_was_said(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # one speaker's next side taken, joined inside what the first cue reports
    ("The company acknowledged that some records were incomplete but denied that any data had been falsified.",
     [("The company", "some records were incomplete", "confirm"),
      ("The company", "any data had been falsified", "deny")]),
    # a side taken on someone's claim after ', but': the speaker's, not the reported clause's subject's
    ("Norvale Telecom AG said that hackers had accessed a database holding customer records, but disputed a "
     "security researcher's estimate that the data of more than 9 million people had been taken.",
     [("Norvale Telecom AG", "hackers had accessed a database holding customer records", "assert"),
      ("Norvale Telecom AG", "the data of more than 9 million people had been taken", "deny")]),
    # a side taken on a deed, not on someone's claim, stays the reported clause subject's
    ("Police said the suspect had confessed to the break-in, but denied the assault.",
     [("Police", "the suspect had confessed to the break-in", "assert"),
      ("the suspect", "the assault", "deny")]),
    # a one-word answer is a statement
    ('"No," Mayor Smith said when asked if the depot would close next year.', [("Smith", "No", "assert")]),
])
def test_a_second_side_taken_and_a_bare_answer(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("text", "negated"), [
    ("Smith did not say that the depot would close.", True),
    ("Smith never said the depot would close.", True),
    # a quote's 'not' that the parser hangs on the verb after it is no negation of the saying
    ('"Absolutely not," Alan Smith said when asked if the depot would close.', False),
])
def test_a_negation_on_the_speech_verb_itself(nlp, text, negated):
    from storytrace.extract.cues import verb_negated

    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "say")
    assert verb_negated(verb) is negated


def test_a_quote_left_open_is_the_speaker_named_where_it_goes_on(analyze_text):
    body = ('"We were never told," said resident Maria Lopez. "Not one letter."\n\n"The pipes were replaced in 2019, '
            'and the tests since then have been clean.\n\n"If there were a problem, we would have told people," said '
            'utility spokesman Dan Reed.')
    assert [(s[0], s[1]) for s in _statements(analyze_text, body)][-2:] == [
        ("Dan Reed", "The pipes were replaced in 2019, and the tests since then have been clean."),
        ("Dan Reed", "If there were a problem, we would have told people")]


@pytest.mark.parametrize(("body", "expected"), [
    # a sentence's opening 'But' ties it to the one before and was not said
    ("People drink coffee. But the study was observational, the authors acknowledged.",
     [("the authors", "the study was observational", "confirm")]),
    # inside a quotation it is the speaker's own word
    ('People drink coffee. "But the study was observational," Marsh said.',
     [("Marsh", "But the study was observational", "assert")]),
])
def test_an_opening_conjunction_is_no_part_of_what_was_said(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # what a source would not say whether it did is nothing said
    ("Germany's transport ministry said it had always argued for flexibility but declined to say whether it had "
     "asked for a two-year delay.", [("Germany's transport ministry", "it had always argued for flexibility", "assert")]),
    # when the source spoke, set after what it says now, is no part of it; a time within a past account is
    ("The European Commission on Tuesday denied that it plans to postpone the 2027 emissions targets, a day after the "
     "Financial Times reported on a leaked draft.",
     [("European Commission", "it plans to postpone the 2027 emissions targets", "deny")]),
    ("Police said the man died, two days after he was shot.", [("Police", "the man died, two days after he was shot",
                                                                "assert")]),
    # a draft the report has seen speaks, and so does 'it' after it
    ("The Commission is preparing to delay the rules, according to a draft proposal seen by the Financial Times. The "
     "draft, dated March 3, would push back the deadline. It says the delay is needed because demand has slowed.",
     [("Draft proposal", "The Commission is preparing to delay the rules", "assert"),
      ("Draft proposal", "the delay is needed because demand has slowed", "assert")]),
])
def test_what_a_source_did_not_say_when_it_spoke_and_a_draft(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


@pytest.mark.parametrize(("body", "speaker"), [
    # 'the agency', 'the regulator': the public body last heard or named, though its name has no such word
    ("Kessler Foods is recalling chicken, the Food Safety and Inspection Service said on Friday. The agency said in "
     "a notice that the problem was found during routine testing.", "Food Safety and Inspection Service"),
    # a body named in full is itself, not the body last heard
    ("The Ardry Coastguard said the fire was out. The Coastal Maritime Safety Agency said it had sent inspectors.",
     "Coastal Maritime Safety Agency"),
])
def test_the_agency_is_the_public_body_last_heard(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "expected"), [
    # a party member described, then named between commas: the named one speaks
    ("A senior Republican on the House Armed Services Committee, Rep. Dana Whitfield of Texas, said in a post on X "
     "that a withdrawal would be a gift to Moscow.", [("Dana Whitfield", "a withdrawal would be a gift to Moscow", "assert")]),
    # the anonymity formula says nothing
    ("A person familiar with the matter, who requested anonymity to discuss private conversations, said the White "
     "House had asked for options.", [("A person familiar with the matter", "the White House had asked for options",
                                       "assert")]),
])
def test_a_described_member_named_after_and_the_anonymity_formula(analyze_text, body, expected):
    assert _statements(analyze_text, body)[:len(expected)] == expected and \
        not any(s[1].startswith("to discuss") for s in _statements(analyze_text, body))


def test_a_source_phrase_before_in_what_would_be_vouches_for_the_clause_before(analyze_text):
    body = ("Orrin is nearing a deal to buy Valtek, according to people familiar with the matter, in what would be the "
            "largest chip acquisition this year.")
    assert _statements(analyze_text, body) == [("people familiar with the matter", "Orrin is nearing a deal to buy Valtek",
                                                 "assert")]


@pytest.mark.parametrize(("body", "speaker"), [
    # 'her office' speaks for the office-holder of that gender named last, not the woman quoted last
    ("Mayor Ana Ortiz did not attend the meeting. Council member Priya Shah said the vote was fair. Her office said "
     "she had a scheduling conflict.", "Ana Ortiz's office"),
])
def test_a_persons_office_by_pronoun(analyze_text, body, speaker):
    assert _statements(analyze_text, body)[-1][0] == speaker


@pytest.mark.parametrize(("body", "expected"), [
    # a participle after a content clause whose verb is a deal ('agreed terms') goes on with the one who spoke
    ('The agent of the winger has denied that his client has agreed terms with Harwell United, insisting that '
     '"nothing is done" despite reports in England.',
     [("The agent of the winger", "his client has agreed terms with Harwell United", "deny"),
      ("The agent of the winger", '"nothing is done" despite reports in England', "assert")]),
    # 'can confirm' is a statement's way of saying it now; 'could', 'cannot', a question and 'nobody can' are not
    ("The club can confirm that it has agreed a fee with FC Porto for the winger.",
     [("The club", "it has agreed a fee with FC Porto for the winger", "confirm")]),
    ("Police could confirm that a man was arrested.", []),
    ("Police cannot confirm that a man was arrested.", []),
    ("Can police confirm that a man was arrested?", []),
    ("No one can confirm that the dam will hold.", []),
    ("Nobody can say whether the dam will hold.", []),
    # a dateline is no subject of the lead's verb
    ("THE HAGUE (World Wire) — Dutch Foreign Minister Pieter van der Berg on Tuesday denied a report that the "
     "Netherlands had blocked a shipment of radar parts to Egypt.",
     [("Pieter van der Berg", "the Netherlands had blocked a shipment of radar parts to Egypt", "deny")]),
    # a relative pronoun of the cue's object opens no content; after 'said' the object is the content's subject
    ("Salminen said the circuit that crosses Tamsin Ridge was inspected by utility crews in May.",
     [("Salminen", "the circuit that crosses Tamsin Ridge was inspected by utility crews in May", "assert")]),
    ("Engineers found severe corrosion in the steel bearings that carried its central span.",
     [("Engineers", "severe corrosion in the steel bearings that carried its central span", "assert")]),
    ("The city's code requires councillors to declare any family interest in a business that receives city money.", []),
    # the lead's described person is the one the next paragraph introduces with an age; a charge denied by its name
    ("A care home manager accused of neglect told a jury she had never ignored a call bell in twenty years.\n\n"
     "Siobhan O'Connell, 52, denies wilful neglect at Larchfield House.",
     [("Siobhan O'Connell", "she had never ignored a call bell in twenty years", "assert"),
      ("Siobhan O'Connell", "wilful neglect", "deny")]),
    # a name set off after its description with a title the model left out; 'the journal' is the one the story names
    ("The study was retracted.\n\nHis co-author, Dr. Lena Ortiz, told Science Desk that she had no knowledge of it.",
     [("Lena Ortiz", "she had no knowledge of it", "assert")]),
    ("The Journal of Cognitive Research has retracted a study. In a notice, the journal said the inquiry had found "
     "serious irregularities.", [("Journal of Cognitive Research", "the inquiry had found serious irregularities", "assert")]),
    # calling the police is a telephone call, not calling them something
    ('The bar\'s owner, Gary Pike, said staff had called police "within a minute" of the fight.',
     [("Gary Pike", 'staff had called police "within a minute" of the fight', "assert")]),
    # a cue the parser tagged a plural noun after a compound still points back ('disputes that')
    ('"I called the harbour office at six in the morning," Rivera said. The harbour office disputes that.',
     [("Rivera", "I called the harbour office at six in the morning", "assert"),
      ("The harbour office", "that", "deny")]),
    # a past verb the parser took for a participle of the object is the content's verb
    ("A spokesman for the Department of Health said the trust expected to recruit enough consultants within 18 months.",
     [("A spokesman for the Department of Health", "the trust expected to recruit enough consultants within 18 months",
       "assert")]),
    # a source phrase inside a relative clause vouches for that clause only; a judge's title before a set-off name
    ("The count ended on Monday. Maren Tallis of the Democratic Renewal Party, who won 41.8 percent according to the "
     "official count, told "
     "supporters that her party's own tally showed she had won a clear majority.",
     [("the official count", "Maren Tallis of the Democratic Renewal Party, who won 41.8 percent", "assert"),
      ("Maren Tallis", "her party's own tally showed she had won a clear majority", "assert"),
      ("her party's own tally", "she had won a clear majority", "assert")]),
    ("The chairman of the Independent Electoral Commission, Justice Kwame Adjei, rejected the accusations.",
     [("Kwame Adjei", "the accusations", "deny")]),
    # a quotation closed after an abbreviation's full stop ends its sentence before a word that is no name
    ("In an interview on Wednesday, the whistleblower said she had seen invoices marked \"Senator R.\" The woman, "
     "who spoke on condition of anonymity, said the payments totalled about $240,000.",
     [("the whistleblower", "she had seen invoices marked \"Senator R.\"", "assert"),
      ("The woman", "the payments totalled about $240,000", "assert")]),
    # after telling, a 'that' clause with its own subject the parser hung on the noun of a phrase between
    ("The chief executive, Mark Tolley, earlier this month told MPs on the environment committee that spills had "
     "fallen by 40% since late last year.", [("Mark Tolley", "spills had fallen by 40% since late last year", "assert")]),
    ("The plant closed. He told MPs on the committee that oversees the industry about the spills.", []),
    # a participle cue with its own subject set off after the content is that subject's statement; the content of a
    # cue in a clause before the main one ends with that clause
    ("Boeing has announced that development of a replacement for the 737 has been pushed back several years, Boeing "
     "saying that further advancement of technology is required.",
     [("Boeing", "development of a replacement for the 737 has been pushed back several years", "assert"),
      ("Boeing", "further advancement of technology is required", "assert")]),
    ("Although Gallois said he hoped to achieve this mainly through attrition, the unions were displeased.",
     [("Gallois", "he hoped to achieve this mainly through attrition", "assert")]),
    # a quotation the outlet quoted someone as saying is that one's
    ('Talks stalled. "We will appeal," the Jakarta Post quoted Djamal as saying on Monday.',
     [("Djamal", "We will appeal", "assert")]),
    # a quotation opening the clause after 'that' is no pointer back ('disputed that.' is)
    ('Jobs acknowledged that "a very small percentage of users" were experiencing antenna issues, but dismissed the '
     'existence of an "Antennagate".',
     [("Jobs", '"a very small percentage of users" were experiencing antenna issues', "confirm")]),
    # the subject the parser hung on the source as an apposition opens what the source vouches for
    ("According to an April 2nd report in Ars Technica, an internal memo at Apple showed the company passed Wal-Mart "
     "as the top music seller.",
     [("April 2nd report in Ars Technica", "an internal memo at Apple showed the company passed Wal-Mart as the top "
       "music seller", "assert"),
      ("Internal memo at Apple", "the company passed Wal-Mart as the top music seller", "assert")]),
    # 'it' after a semicolon is the untagged name that spoke before it in the sentence
    ("Kaufman called on Congress to investigate the sell-offs.\nNasdaq, meanwhile, says that all trades at prices 60% "
     "higher than the preceding price are to be cancelled; it noted that it coordinated its move with the other exchanges.",
     [("Kaufman", "to investigate the sell-offs", "assert"),
      ("Nasdaq", "all trades at prices 60% higher than the preceding price are to be cancelled", "assert"),
      ("Nasdaq", "it coordinated its move with the other exchanges", "assert")]),
    # a source phrase hung on a reported clause, with no comma, vouches for that clause
    ("Both papers report that the number of jobs in the service sector rose in August according to research done by "
     "the Institute for Supply Management.",
     [("Both papers", "the number of jobs in the service sector rose in August according to research done by the "
       "Institute for Supply Management", "assert"),
      ("Research", "the number of jobs in the service sector rose in August", "assert")]),
    # a trailing source the parser made a noun described by its cue, after a quotation
    ('Talks resumed. Binyamin Netanyahu told ministers on Sunday that a deal was "closer than ever", Channel 12 News '
     'reported on '
     'Saturday night.',
     [("Channel 12 News", 'Binyamin Netanyahu told ministers on Sunday that a deal was "closer than ever"', "assert"),
      ("Binyamin Netanyahu", 'a deal was "closer than ever"', "assert")]),
    # a title written short before a name is no part of it
    ("The vote looms. MK Simcha Rothman (Religious Zionism) said his party would oppose any deal.",
     [("Simcha Rothman", "his party would oppose any deal", "assert")]),
    # the one an agency quoted speaks, however the parser hung 'as saying'
    ("Talks stalled. Russia's state news agency TASS quoted Foreign Minister Sergei Lavrov as saying that any talks "
     "would have to take into account the realities on the ground.",
     [("Sergei Lavrov", "any talks would have to take into account the realities on the ground", "assert")]),
])
def test_a_participle_after_a_deal_and_can_confirm(analyze_text, body, expected):
    assert _statements(analyze_text, body) == expected


def test_a_bracketed_party_after_a_name_is_never_the_speaker(analyze_text):
    """The parser may take the party for the subject and leave the name in pieces; the name speaks."""
    [(speaker, content, _)] = _statements(analyze_text, "MK Simcha Rothman (Religious Zionism) said his party would "
                                                        "oppose any deal.")
    assert "Rothman" in speaker and "Zionism" not in speaker and content == "his party would oppose any deal"
