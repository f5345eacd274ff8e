"""Claim candidates: which clauses of a text become propositions, and which are left out."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # the speaker's own clause before a later cue is an assertion of its own, subject included
        ("The city turned down that request on August 27, saying release could compromise an active investigation.",
         ["The city turned down that request on August 27", "release could compromise an active investigation"]),
        ("The trust, which runs the hospital, has publicly confirmed seven cases and said yesterday that it would "
         "update the figure.",
         ["The trust, which runs the hospital, has publicly confirmed seven cases", "it would update the figure"]),
        # ... however short, but a relative clause describing the speaker or a participle is no such act
        ("The hospital disputed its share, saying the delays began elsewhere.",
         ["The hospital disputed its share", "the delays began elsewhere"]),
        ("Several coaches whose credentials were used have told investigators that they had never heard of it.",
         ["they had never heard of it"]),
        ("Families of the applicants paid YBARRA fees of between $60,000 and $150,000 per student. Two parents "
         "interviewed to date said they believed the fees were for tutoring and essay coaching.",
         ["Families of the applicants paid YBARRA fees of between $60,000 and $150,000 per student",
          "they believed the fees were for tutoring and essay coaching"]),
        # a paragraph's dateline is no part of what it says
        ("HALBROOK — Corvane Air grounded 212 flights on Tuesday after a failure in its computer systems.",
         ["Corvane Air grounded 212 flights on Tuesday after a failure in its computer systems"]),
        ("LANFORD - A private college consultant paid a senior admissions official, three people familiar with the "
         "investigation said.", ["A private college consultant paid a senior admissions official"]),
        # a phrase around a question asks; a clause about a question states
        ("In response to questions of whether the company would import cars from China, he said the company "
         "builds where it sells.", ["the company builds where it sells"]),
        ("Asked whether there had been any delay in calling for help, the captain said the crew acted at once.",
         ["the crew acted at once"]),
        ("The question of whether the dam was inspected remains open.",
         ["The question of whether the dam was inspected remains open"]),
        # a condition cut from the "If" that opens it asserts nothing either
        ("Kerrigan has been suspended since March. If the panel accepts his contamination defence but finds he was "
         "careless, it could impose a ban of anywhere from a reprimand to two years.",
         ["Kerrigan has been suspended since March",
          "he was careless, it could impose a ban of anywhere from a reprimand to two years"]),
        # a cue verb with a thing for object, or passive, reports an act
        ("On August 27, Respondents denied the First Request in its entirety, asserting that disclosure would "
         "interfere with an investigation.",
         ["Respondents denied the First Request in its entirety", "disclosure would interfere with an investigation"]),
        ("Two former officials were charged on Wednesday with bribery and fraud.",
         ["Two former officials were charged on Wednesday with bribery and fraud"]),
        ("The report recorded serious corrosion in the bearings and recommended that the bearings be replaced.",
         ["The report recorded serious corrosion in the bearings", "the bearings be replaced"]),
        ("As of today, the city has not responded to the second request in any form.",
         ["As of today, the city has not responded to the second request in any form"]),
        # a speech act about a story asserts nothing itself
        ("The ministry responded to the allegations on Friday.", []),
        ("Shapiro denied the story, as well.", []),
        ("Netanyahu shared the details.", []),
        # ... but not a sentence the parser hung on such a verb ('shared' read as its main verb)
        ("Photographs shared in a neighborhood group on Wednesday appear to show sprinklers running on the fairway.",
         ["Photographs shared in a neighborhood group on Wednesday appear to show sprinklers running on the fairway"]),
        ("Did the minister resign over the leak?", []),
        # a verb that can introduce speech used for going on or doing states something itself
        ("Special services will continue from October 28.", ["Special services will continue from October 28"]),
        ("The Russian markets continued to remain closed for a third day under orders of the government.",
         ["The Russian markets continued to remain closed for a third day under orders of the government"]),
        # a closing word that led into the cue's clause goes with it; a stranded preposition stays
        ("An Obama aide later contacted Jablinowitz to tell him he was right.",
         ["An Obama aide later contacted Jablinowitz"]),
        ("RESOLUTION 2334 technically was not a US initiative, the outlet reported.",
         ["RESOLUTION 2334 technically was not a US initiative"]),
        ("The inspector said they had asked what the panels were made of.",
         ["they had asked what the panels were made of"]),
        ("We will correct the record if we need to, she said.", ["We will correct the record if we need to"]),
        # a question asked states nothing; a clause that only opens with a question word does
        ("Investigators asked what caused the contamination at the plant.", []),
        ("Officials asked whether the dam had been inspected last year.", []),
        # what was called for is a demand, no claim; the reporter's clause telling of the call is one
        ("The Government Accountability Office called for a re-run of the bidding for the tanker contract.",
         ["The Government Accountability Office called for a re-run of the bidding for the tanker contract"]),
        ("The union asked if the plan was legal under state law.", []),
        # so is what someone wants of someone else
        ("The union wants the company to reopen the plant in Ohio.",
         ["The union wants the company to reopen the plant in Ohio"]),
        # so is what was talked about, a topic
        ("The chief executive talked about the plan to close the Ohio plant in March.",
         ["The chief executive talked about the plan to close the Ohio plant in March"]),
        ("She says what she saw does not match the police account.", ["what she saw does not match the police account"]),
        ("He said if the resolution was brought for a vote, Russia would block it.",
         ["if the resolution was brought for a vote, Russia would block it"]),
        ("He said when the crowds thin out, the library hours get cut.",
         ["when the crowds thin out, the library hours get cut"]),
        # a quote's own first word 'That' stays; the conjunction 'that' after a cue goes
        ('"That figure is accurate and complete," the treasurer said.', ["That figure is accurate and complete"]),
        ("He said that the plant closed in 2009.", ["the plant closed in 2009"]),
        # the outlet that passed a statement on is no part of the reporter's own clause
        ("Shares of Orrin Labs rose 6 percent on Monday after Bloomberg reported that the company was exploring a "
         "sale of its diagnostics unit, citing people familiar with the matter.",
         ["Shares of Orrin Labs rose 6 percent on Monday", "the company was exploring a sale of its diagnostics unit"]),
        # when it was said is no part of what was said
        ("The company said on Tuesday it would shut its Ashby plant by the end of September.",
         ["it would shut its Ashby plant by the end of September"]),
        # how a source came to speak unnamed is no claim
        ("No final decision has been made, the people said, asking not to be identified because the talks are "
         "private.", ["No final decision has been made"]),
        ("They spoke on condition of anonymity because the investigation has not been made public.", []),
        # two 'that' clauses of one cue are two claims; 'and that' with a pronoun 'that' is one
        ("Redline said in a statement that it never received any written warning about the pumps and that the "
         "collapse was caused by a seismic event.",
         ["it never received any written warning about the pumps", "the collapse was caused by a seismic event"]),
        ("The union said the plant lost money and that was the reason for the strike.",
         ["the plant lost money and that was the reason for the strike"]),
        # what was said before, spelled out after a colon, is what the speech verb reports
        ("Teresa Okafor repeated to the Ledger what she had told reporters earlier in the week: that she raised the "
         "alarm with festival workers on the Friday evening.",
         ["she raised the alarm with festival workers on the Friday evening"]),
        # the reporter's note on a clause, as a noun set off by a comma, is no claim; a claim noun opening a sentence is
        ("The company said it would cut 300 jobs, a figure that was later confirmed.", ["it would cut 300 jobs"]),
        ("A claim that the dam was unsafe was made in 2019 by local engineers.",
         ["A claim that the dam was unsafe was made in 2019 by local engineers"]),
        # the subject a relative clause's speaker is keeps its predicate
        ("Doyle, who denies murder, is due to give evidence next week.",
         ["Doyle, who denies murder, is due to give evidence next week"]),
        # 'was quoted by the Times as saying' is the attribution, no clause of the speaker's own
        ("The plant opened in 1990. The minister was quoted by the Times as saying the plant would close.",
         ["The plant opened in 1990", "the plant would close"]),
        # who a speaker named after the cue is, and where they spoke, is no claim
        ('"We will appeal against the ruling," said Priya Raman, a lawyer who represents several families.',
         ["We will appeal against the ruling"]),
        ('"The crane was juddering on every lift," said Tomas Ekwueme, the branch secretary, speaking outside the '
         'picket line as rain came in off the estuary.', ["The crane was juddering on every lift"]),
        # what frames a statement's speech act is no claim of the reporter's
        ("The minister is understood to have told aides that she will not stand for election again.",
         ["she will not stand for election again"]),
    ],
)
def test_clauses_that_become_claim_candidates(analyze_text, body, expected):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [p.text for p in analysis.propositions] == expected


@pytest.mark.parametrize(
    ("body", "first"),
    [("Part of the failure of the bill to pass was due to disagreements over labour cuts, which the Republicans "
      "insisted reach parity by next year.",
      "Part of the failure of the bill to pass was due to disagreements over labour cuts"),
     ("Questions remain over the death of Arthur Penhale, 84, who relatives said had been left alone for hours.",
      "Questions remain over the death of Arthur Penhale, 84"),
     ("The hospital released an internal memo in which the security chief wrote that she had warned management.",
      "The hospital released an internal memo")],
)
def test_a_clause_cut_before_a_relative_clause_leaves_no_relative_pronoun(analyze_text, body, first):
    assert analyze_text("Headline\n" + body + "\n").propositions[0].text == first


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # saying nothing tells nothing of the story
        ("A spokesman for the district attorney declined to comment.", []),
        ("Thornby declined to say how long the inquiry would last.", []),
        ("Halvorsen did not respond to a request for comment on Monday.", []),
        ("The warden could not be reached for comment.", []),
        # ... and leaves what was said before it
        ("The company said it would defend the proceedings vigorously and declined to comment further.",
         ["it would defend the proceedings vigorously"]),
        # refusing in a clause of time or reason, or not answering a request that is the story, is no such thing
        ("Neither the ministry nor the company responded to requests for comment.", []),
        ("Neither Westwave nor the council would say how much the upgrade cost.", []),
        ("None of the ferry operators would comment on the contract.", []),
        ("He did not say whether the hospital would face sanctions.", []),
        ("Police would not say how many officers were injured.", []),
        ("The company has not explained why the alarm failed.", []),
        ('Asked whether the company would cut jobs, Ms Hart said: "I am not going to speculate."', []),
        ('"We are not prepared to comment on an ongoing investigation," the spokesman said.', []),
        ("The agency has yet to confirm the death toll.", []),
        ('"It\'s too early to say," the manager said, adding that scans would be done on Monday.',
         ["scans would be done on Monday"]),
        ("The plant opened in 1990. We will not be commenting further until the review is complete.",
         ["The plant opened in 1990"]),
        ("The plant opened in 1990. Brightcoat Ltd notes speculation in the media regarding the future of its Hexley site.",
         ["The plant opened in 1990"]),
        # not going to do something other than speak is a claim
        ('"I am not going to resign over this," the minister said.', ["I am not going to resign over this"]),
        ("The company has yet to publish its accounts.", ["The company has yet to publish its accounts"]),
        # not telling something is a claim when no question follows
        ("Officials did not disclose the cost of the repairs to the council.",
         ["Officials did not disclose the cost of the repairs to the council"]),
        # an auxiliary whose verb is the cue's is no clause of its own ('The Agency has been')
        ("The Agency has been informed by the Ardry and Islands Health Board that ten persons received hospital "
         "treatment.", ["ten persons received hospital treatment"]),
        ("Talks ended after the union refused to discuss pay before safety.",
         ["Talks ended after the union refused to discuss pay before safety"]),
        ("As of today, the city has not responded to the second request in any form.",
         ["As of today, the city has not responded to the second request in any form"]),
        # saying no more: the reporter's note on the statement, not a claim against it
        ("Kurin said the drone could have been bought by anyone. He did not elaborate.",
         ["the drone could have been bought by anyone"]),
        ("Kurin said the drone could have been bought by anyone. He gave no further details.",
         ["the drone could have been bought by anyone"]),
        ("Kurin said the drone could have been bought by anyone. He did not give details about the buyer.",
         ["the drone could have been bought by anyone"]),
        ("Kurin said the drone could have been bought by anyone, without elaborating.",
         ["the drone could have been bought by anyone"]),
        ("Osei was suspended on Thursday. The agency said it would not comment further while the case was ongoing.",
         ["Osei was suspended on Thursday"]),
        ("Osei was suspended on Thursday. A spokesman said the agency cannot comment on individual cases.",
         ["Osei was suspended on Thursday"]),
        # a past form that describes the noun before it is no cue
        ("Her lawyer said the concentration found was 0.5 nanograms per millilitre.",
         ["the concentration found was 0.5 nanograms per millilitre"]),
        ("Kurin said the drone could have been bought by anyone, without giving any evidence for the claim.",
         ["the drone could have been bought by anyone"]),
        ("The minister has not published the evidence.", []),
        ("Grant has not said whether she will appear.", []),
        ("The study does not prove that erythritol causes heart problems, the authors cautioned, only that the two are "
         "associated.", ["The study does not prove that erythritol causes heart problems"]),
        ('Dmitry Peskov told TASS that Putin "does not discuss the content of his conversations with foreign leaders."',
         []),
        # a briefing's opening and holding lines
        ('"Just one item at the top, and then I\'ll take your questions," Price said.', []),
        ('"I\'m not going to get ahead of our assessment," Price said.', []),
        ('"We\'ll have more details on that tomorrow," Price said.', []),
        ('"We will have more troops in the region by May," Price said.', ["We will have more troops in the region by May"]),
        # withholding from someone is the story
        ("The airline gave no information to passengers for six hours.",
         ["The airline gave no information to passengers for six hours"]),
    ],
)
def test_a_refusal_to_comment_is_no_claim(analyze_text, body, expected):
    assert [p.text for p in analyze_text("Headline\n" + body + "\n").propositions] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # a document's note about itself is no claim ...
        ("Excerpt prepared by the Clerk of the Board. Portions of public comment are omitted.", []),
        ("This excerpt reproduces sections 2 through 6 of the report.", []),
        ("[Excerpt begins after opening statements.]", []),
        ("The Spectator will continue to follow this story.", []),
        ("This article was originally published by The Conversation.", []),
        ("This story appeared in ProPublica and is republished under a Creative Commons licence.", []),
        # an explainer's signposts
        ("Here is what we know.", []),
        ("Here's what you need to know about the recall.", []),
        # ... but what a document left out, or academic transcripts, can be the story
        ("Key findings were omitted from the final report.", ["Key findings were omitted from the final report"]),
        ("Transcripts already sent to employers will be reissued.",
         ["Transcripts already sent to employers will be reissued"]),
    ],
)
def test_a_documents_note_about_itself_is_no_claim(analyze_text, body, expected):
    assert [p.text for p in analyze_text("Headline\n" + body + "\n").propositions] == expected


@pytest.mark.parametrize(
    ("body", "whole"),
    [("Officials said the bridge was closed.", [True]),
     # a phrase is no sentence of its own, nor is 'it' with what it was called
     ("The senator cited major flaws in the procurement process, officials said.", [True, False]),
     ('The mayor called it "a textbook case of favoritism to a single contractor."', [False]),
     # a past tense the tagger read as a participle still has its subject ('Harwick received')
     ("Unions said the incentive package Harwick Automotive Components received in 2021 obliged the company to "
      "preserve jobs.", [True])],
)
def test_a_clause_with_a_subject_and_finite_verb_is_whole(analyze_text, body, whole):
    assert [p.whole for p in analyze_text("Headline\n" + body + "\n").propositions] == whole


@pytest.mark.parametrize(
    ("body", "requested"),
    [  # a bare verb after a verb of asking is a demand (the mandative subjunctive) ...
        ("Netanyahu called Putin, requesting that Putin announce that he would veto the resolution.", True),
        ("Jablinowitz suggested to Obama that he tell the staff to reach out to the parties.", True),
        ("The union demanded that the company reinstate the workers.", True),
        ("They insisted that the meeting be postponed.", True),
        # ... a tensed verb states something, and a plural present verb could be either: it states
        ("Analysts suggested that the company was overvalued.", False),
        ("The minister insisted that the plan works well for everyone.", False),
        ("He recommended that they sell the shares.", False),
        ("The mayor said that the bridge be closed.", False),
    ],
)
def test_what_was_asked_for_in_a_bare_verb_clause_is_marked_requested(analyze_text, body, requested):
    propositions = [p for p in analyze_text("Headline\n" + body + "\n").propositions if p.statement]
    assert propositions and all(p.requested is requested for p in propositions)


@pytest.mark.parametrize(
    ("body", "polarity"),
    [("Investigators found no evidence that the mayor knew about the payments.", "deny"),
     ("The audit did not find any evidence that the mayor knew about the payments.", "deny"),
     ("Investigators found evidence that the mayor knew about the payments.", "assert"),
     ("The audit found that the mayor knew about the payments.", "assert"),
     ("The mayor denied that he knew about the payments.", "deny")],
)
def test_finding_no_evidence_denies_what_was_looked_for(analyze_text, body, polarity):
    (statement,) = analyze_text("Headline\n" + body + "\n").statements
    assert statement.text.endswith("knew about the payments")
    assert statement.polarity == polarity


@pytest.mark.parametrize(
    ("body", "polarity"),
    [("Any claim that Ms. Voss was dismissed, or that her departure was engineered by the Board, is incorrect.", "deny"),
     ("Any suggestion that she was dismissed for raising concerns is rejected.", "deny"),
     ("Ms. Voss informed the Chair on Friday of her decision to step down.", "assert")],
)
def test_a_documents_own_sentence_that_calls_a_claim_false_denies_it(analyze_text, body, polarity):
    (proposition,) = analyze_text("Statement of the Board\n" + body + "\n").propositions
    assert proposition.statement is None and proposition.polarity == polarity


def test_one_clause_rejected_and_reported_is_two_sides(analyze_text):
    body = ("The company rejected claims, first reported by the Marlow Falls Sentinel, that a neighboring farmer had "
            "warned a company technician.")
    sides = {(p.speaker, p.polarity) for p in analyze_text("Headline\n" + body + "\n").propositions}
    assert sides == {("The company", "deny"), ("Marlow Falls Sentinel", "assert")}


@pytest.mark.parametrize(
    ("body", "side"),
    [("Ellen Ward denied that the utility's equipment started the fire.",
      "Ellen Ward denied that the utility's equipment started the fire"),
     ("Cordell Valley Power denied that its equipment started the fire.",
      "Cordell Valley Power denied that its equipment started the fire"),
     ('The mayor said: "The contract was never cancelled by the city."',
      'The mayor said: "The contract was never cancelled by the city'),
     ("The contract was never cancelled by the city, the mayor said.", "The contract was never cancelled by the city"),
     ("The trust rejected any suggestion that warnings about the sinks had been ignored.",
      "The trust rejected any suggestion that warnings about the sinks had been ignored"),
     ("The mayor, who took office in May after a long and bitter campaign, said the contract was never cancelled.",
      "the contract was never cancelled"),
     ("Spokeswoman Lucinda Marsh rejected claims, first reported by the Marlow Falls Sentinel, that a neighboring "
      "farmer had warned a company technician.",
      "Lucinda Marsh rejected claims, first reported by the Marlow Falls Sentinel, that a neighboring "
      "farmer had warned a company technician")],
)
def test_a_side_points_at_its_speaker_and_cue_when_they_lead_in(analyze_text, body, side):
    from storytrace.pipeline import build_dossier

    text = "Fire report\n\n" + body + "\n\nThe fire burned nine thousand acres of forest near the town.\n"
    mentions = [m for claim in build_dossier([analyze_text(text)]).claims for m in claim.mentions]
    assert side in [m.text for m in mentions]


@pytest.mark.parametrize(
    ("body", "denied", "side"),
    [('Observers said they were locked out of the counting room for hours on Nov. 9. City Clerk Janet Ferreira '
      'dismissed that account as "simply untrue," saying the sign-in sheets showed observers present all day.',
      "they were locked out of the counting room for hours on Nov. 9",
      'Janet Ferreira dismissed that account as "simply untrue,"'),
     ('"I promoted the ballpark at public hearings and nowhere else," Linwood said. '
      '"Lobbying members in secret? That never happened."',
      "Lobbying members in secret", "Lobbying members in secret? That never happened."),
     ('Critics say the system was hacked by a rival firm. University spokeswoman Dana Whitcombe was blunt. '
      '"That is false. Nobody hacked GradeBridge," she told the Herald.',
      "the system was hacked by a rival firm", "That is false. Nobody hacked GradeBridge"),
     # a denial that names only what it denies ('it "rejects these allegations"') is no claim of its own
     ('A former employee said liver test results were removed from the filing. Veltrix said it "rejects these '
      'allegations entirely."', "liver test results were removed from the filing",
      'Veltrix said it "rejects these allegations entirely."'),
     ("The union said the plant was unsafe. The company said it denies those claims.", "the plant was unsafe",
      "The company said it denies those claims"),
     # a clause of a longer statement that only calls a claim false, from its own place
     ('Keller said the liver results were left out of the submission. Veltrix spokesman Paul Adeyemi said the '
      'company "submitted every study to regulators" and that the allegation was false.',
      "the liver results were left out of the submission", "the allegation was false"),
     # a denial of 'any such assurance' answers the clause that gave it
     ('Union steward Carla Mendes said workers had been told in January that the plant was safe for at least three '
      'years. A Harwick spokesman denied that any such assurance was given.',
      "workers had been told in January that the plant was safe for at least three years",
      "A Harwick spokesman denied that any such assurance was given"),
     # ... the claim its words name, not merely the nearest ('the gap allegation')
     ("The lawsuit alleges that the software marked down applicants for gaps in their work history. The lead "
      "plaintiff was rejected 41 minutes after she applied, according to the complaint. Conrad Vasquez said the "
      "gap allegation was wrong and that the model had never been trained on career breaks.",
      "the software marked down applicants for gaps in their work history",
      "the gap allegation was wrong and that the model had never been trained on career breaks"),
     # calling the claims false in quotation marks; the reason given after it goes with the denial
     ('Critics said the ministry hid the death toll. A spokeswoman for the ministry said the claims were '
      '"categorically untrue."', "the ministry hid the death toll",
      'A spokeswoman for the ministry said the claims were "categorically untrue."'),
     ('The Post reported that the administration had ordered the agency to delay the report. President Hale wrote '
      'that the report was "FAKE NEWS" and that the agency "did its job."',
      "the administration had ordered the agency to delay the report",
      'the report was "FAKE NEWS" and that the agency "did its job."'),
     # a record called fake denies what it shows
     ("Video geolocated by Bellingcat shows soldiers firing at civilians in the village. A spokesperson for the "
      'army said the video was fake and had been "manipulated."', "soldiers firing at civilians in the village",
      "the video was fake"),
     ("Residents said soldiers fired at the crowd. The army said the photos had been staged.",
      "soldiers fired at the crowd", "The army said the photos had been staged"),
     # disputing a claim, then saying why: a denial of the claim from the dispute to the end of the reason
     ("Governor Lena Ortiz said the department skipped the 2023 inspection. State Senator Paul Grady disputed the "
      "governor's account, saying the inspection took place in October 2023.",
      "the department skipped the 2023 inspection",
      "disputed the governor's account, saying the inspection took place in October 2023"),
     # ... the claim said before the dispute, not the reporter's own sentence that holds it
     ("The mayor said the budget had a surplus of $4 million. The comptroller took issue with the mayor's surplus "
      "claim on Tuesday, arguing that the city would end the year in deficit.",
      "the budget had a surplus of $4 million",
      "took issue with the mayor's surplus claim on Tuesday, arguing that the city would end the year in deficit"),
     # a denial whose object names the claim: the claim, or whose it is, or what it counts
     ("Councillor Jane Ott said the city had overspent by $3 million. The mayor rejected the claims.",
      "the city had overspent by $3 million", "The mayor rejected the claims"),
     ("Councillor Jane Ott said the city had overspent by $3 million. The mayor denied the report.",
      "the city had overspent by $3 million", "The mayor denied the report"),
     ('Councillor Jane Ott said the city had overspent by $3 million. "The books do not lie," she said. A spokeswoman '
      'for the mayor dismissed the councillor\'s figures as "political theatre."', "the city had overspent by $3 million",
      'A spokeswoman for the mayor dismissed the councillor\'s figures as "political theatre."'),
     ("Councillor Jane Ott said the city had overspent by $3 million. The treasurer said the audit was late. The "
      "mayor disputed Ott's account.", "the city had overspent by $3 million", "The mayor disputed Ott's account"),
     # a passive denial of a claim named by a noun, with its pointing word
     ('President Howard Mensah said he was angry. "Neither I nor anyone on my team knew anything about these '
      'payments," he wrote. That account was challenged by Naomi Feld, a lawyer who represents several families.',
      "Neither I nor anyone on my team knew anything about these payments", "That account was challenged by Naomi Feld"),
     # a pronoun for what was just said, and 'anyone who says otherwise is wrong'
     ("The union said the plant was unsafe for workers. The company denied that.",
      "the plant was unsafe for workers", "The company denied that"),
     ("The union said the plant was unsafe for workers. The company denied it.",
      "the plant was unsafe for workers", "The company denied it"),
     # doubting, challenging, laughing off, 'no truth in the report'
     ("The union said the plant would close in March. The company challenged the claim.",
      "the plant would close in March", "The company challenged the claim"),
     ("The union said the plant would close in March. The chief executive laughed off the suggestion.",
      "the plant would close in March", "The chief executive laughed off the suggestion"),
     ('The union said the plant would close in March. The company said there was "no truth whatsoever" in the report.',
      "the plant would close in March", 'The company said there was "no truth whatsoever" in the report'),
     ("The union said the plant would close in March. Company officials called the claim \"scaremongering\".",
      "the plant would close in March", 'Company officials called the claim "scaremongering"'),
     # maintaining one's innocence denies what one is accused of
     ("Prosecutors said Doyle had stolen the money. Doyle has maintained his innocence.",
      "Doyle had stolen the money", "Doyle has maintained his innocence"),
     # saying otherwise
     ("The mayor said the plant would close in March. Union officials say otherwise.",
      "the plant would close in March", "Union officials say otherwise"),
     ("Achterberg said the front doors were compliant. Inspectors found otherwise: the self-closers were missing.",
      "the front doors were compliant", "Inspectors found otherwise"),
     ('Residents say they were never consulted about the plan. "We held three meetings," council leader Jo Marsh '
      'said. "Anyone who says otherwise is wrong."', "they were never consulted about the plan",
      "Anyone who says otherwise is wrong."),
     # however many words it takes to call it false
     ('The union said the depot would close in May. "That is simply not the case," a company spokeswoman said.',
      "the depot would close in May", "That is simply not the case"),
     # a turn that opens by calling what was said false, and goes on
     ("CHAIR: Mr Marsh.\n\nMR. MARSH: Our observers were barred from the counting room for four hours on Saturday."
      "\n\nMR. NAKAMURA: That is not what happened. Every campaign had observers present.\n",
      "Our observers were barred from the counting room for four hours on Saturday", "That is not what happened."),
     # ... also a quote that goes on, and not at a clause that itself points back
     ("Our observers were barred from the counting room for four hours, Marsh said. \"That's something we raised in "
      "May,\" he added. \"That is not what happened. Every campaign had observers present,\" Nakamura said.",
      "Our observers were barred from the counting room for four hours", "That is not what happened.")],
)
def test_a_denial_that_points_back_denies_what_it_answers(analyze_text, body, denied, side):
    analysis = analyze_text("Headline\n" + body + "\n")
    rebuttals = [p for p in analysis.propositions if p.polarity == "deny" and p.text == denied]
    assert [analysis.document.text[p.start:p.end] for p in rebuttals] == [side]


@pytest.mark.parametrize(
    ("body", "speaker", "answered"),
    [  # a denial of what one is accused of answers the clause before it that names it
     ("Police said the group carried out the attack in the market. The mayor said the city would rebuild. Hamas "
      "denied responsibility for the attack.", "Hamas", "the group carried out the attack in the market"),
     ("Prosecutors said Reyes accepted bribes from the firm. The former head of the port on Wednesday denied "
      "accepting bribes.", "The former head of the port", "Reyes accepted bribes from the firm"),
     ("Prosecutors said Reyes accepted $340,000 in bribes from Bayline Marine. Reyes has pleaded not guilty to "
      "charges that he accepted bribes.", "Reyes", "Reyes accepted $340,000 in bribes from Bayline Marine"),
     # the act denied in other words than the clause that told it: by what it was done to
     ("Councillor Tom Briggs says residents complained for months; the company denies receiving complaints.",
      "the company", "residents complained for months"),
     # 'any wrongdoing' names no act: the clause just before
     ("Prosecutors said Reyes accepted $340,000 in bribes from Bayline Marine. Bayline Marine has denied any "
      "wrongdoing.", "Bayline Marine", "Reyes accepted $340,000 in bribes from Bayline Marine")],
)
def test_denying_an_accusation_answers_the_clause_that_makes_it(analyze_text, body, speaker, answered):
    analysis = analyze_text("Headline\n" + body + "\n")
    denials = [(p.speaker, p.text) for p in analysis.propositions if p.polarity == "deny"]
    assert denials == [(speaker, answered)]


def test_nobody_would_do_that_denies_what_was_put_to_the_speaker(analyze_text):
    analysis = analyze_text("Headline\nThe plant opened in 1990. Former operators say they were told to silence alarms. "
                            '"I\'ve never heard that, and nobody on my team would do that," Grant said.\n')
    denials = [(p.speaker, p.text) for p in analysis.propositions if p.polarity == "deny"]
    assert ("Grant", "they were told to silence alarms") in denials
    assert ("Grant", "nobody on my team would do that") not in denials


@pytest.mark.parametrize(("content", "denies"), [
    ("nobody on my team would do that", True), ("None of us would ever do such a thing", True),
    ("Nobody would do that job for less", False), ("No one did that better than her", False)])
def test_nobody_did_that_is_a_denial_only_of_an_act_pointed_at(content, denies):
    from storytrace.extract.statements import denies_in_content

    assert denies_in_content(content) is denies


@pytest.mark.parametrize(("body", "denied"), [
    ("Prosecutors said Reyes accepted $340,000 in bribes from Bayline Marine. Reyes pleaded not guilty on Tuesday.",
     "Reyes accepted $340,000 in bribes from Bayline Marine"),
    ("Doyle is accused of sending 40 threatening messages. He has pleaded not guilty to the charges.",
     "Doyle is accused of sending 40 threatening messages"),
])
def test_a_plea_of_not_guilty_denies_the_charge(analyze_text, body, denied):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [p.text for p in analysis.propositions if p.polarity == "deny"] == [denied]


@pytest.mark.parametrize(
    "body",
    [  # nothing before names the attack: the denial stays its own, and answers nothing else
     "Police said the group carried out the bombing in the market. The mayor said the city would rebuild. Hamas "
     "denied responsibility for the attack.",
     # a bare plea answers only a charge made before, not the last clause that names its speaker
     "Ivey spent three days in hospital, his family said. He has pleaded not guilty.",
     # 'any wrongdoing' answers only a clause that names who denies it
     "Traders said the closure would cost local businesses £2m a week. Anne Price has denied any wrongdoing."],
)
def test_a_denial_that_names_nothing_said_answers_nothing(analyze_text, body):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert not [p for p in analysis.propositions if p.polarity == "deny" and p.text != "responsibility for the attack"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # a clause of time alone is the event it dates; a lag before a cut-off clause goes with it
     ("The former head of the port on Wednesday denied accepting bribes, a day after he was indicted on federal "
      "charges.", "he was indicted on federal charges"),
     ("The company recalled 40,000 heaters on Monday, two weeks after regulators found that the units could "
      "overheat.", "The company recalled 40,000 heaters on Monday"),
     # a fronted clause of time stays with the clause it dates
     ("Two days before the crash, a crew reported vibration in the tail rotor pedals.",
      "Two days before the crash, a crew reported vibration in the tail rotor pedals")],
)
def test_a_lag_of_time_is_cut_from_a_clause_it_only_leads_into(analyze_text, body, expected):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert expected in [p.text for p in analysis.propositions]


def test_the_reason_given_with_a_denial_says_what_it_says(analyze_text):
    analysis = analyze_text("Headline\nThe Post reported that the administration had ordered the agency to delay the "
                            'report. President Hale wrote that the report was "FAKE NEWS" and that the agency "did its '
                            'job."\n')
    assert [p.polarity for p in analysis.propositions if p.text.startswith("the agency")] == ["assert"]


@pytest.mark.parametrize(
    ("body", "polarity", "asked"),
    [("Asked whether the ministry had covered up the death toll, Deputy Minister Olga Petrenko said: "
      '"Absolutely not."', "deny", "the ministry had covered up the death toll"),
     ('"No," Mayor Smith said when asked if the depot would close next year.', "deny",
      "the depot would close next year"),
     ('Asked if the company had known about the defect, the spokesman said: "Yes, it did."', "assert",
      "the company had known about the defect"),
     # an answer of subject and auxiliary alone is as bare
     ("Asked if the club had received a bid for the striker, a spokesman said it had not.", "deny",
      "the club had received a bid for the striker"),
     ("Asked whether she would stand again, Ms Ortiz said she would.", "assert", "she would stand again"),
     ('Pressed on whether the minister would resign, the spokesman replied: "Absolutely not."', "deny",
      "the minister would resign"),
     # an idiom that says no
     ('Asked if the plant would close, Patel replied: "Not on my watch."', "deny", "the plant would close"),
     # a reported no or yes, unquoted
     ("Asked whether replacement workers had been brought in, Hale said no.", "deny",
      "replacement workers had been brought in"),
     ("Asked if the terminal would reopen on Monday, the company said yes.", "assert",
      "the terminal would reopen on Monday")],
)
def test_a_bare_answer_takes_a_side_on_the_question_it_answers(analyze_text, body, polarity, asked):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [(p.polarity, p.text) for p in analysis.propositions if p.text == asked] == [(polarity, asked)]


def test_the_question_put_to_a_speaker_is_neither_their_statement_nor_a_claim(analyze_text):
    analysis = analyze_text('Headline\nAsked whether the minister would resign, the spokesman said: "Absolutely not."\n')
    assert [(s.cue, s.text) for s in analysis.statements] == [("said", "Absolutely not.")]
    assert [(p.polarity, p.text) for p in analysis.propositions] == [("deny", "the minister would resign")]


@pytest.mark.parametrize(("headline", "body", "polarity", "asked"), [
    ("'We did nothing wrong': Port chief speaks out", "Port of Vell chief executive Marta Ruiz spoke to the Coast Journal about the leak.\n\nQ: Did the port know "
     "about the leaking tank before the spill?\n\nA: No. Our inspectors checked that tank in May and found nothing "
     "wrong.\n\nQ: Will anyone lose their job?\n\nA: It is too early to say.\n", "deny",
     "the port know about the leaking tank before the spill"),
    ("Transcript: Press briefing by Health Minister Ruth Hale", "HALE: Good morning.\n\nREPORTER (City Radio): Minister, the nurses' union says wards are closing. Is that "
     "true?\n\nHALE: Yes. Some wards have closed.\n", "assert", "the nurses' union says wards are closing"),
])
def test_a_turn_that_opens_with_no_or_yes_answers_the_question_before(analyze_text, headline, body, polarity, asked):
    analysis = analyze_text(headline + "\n\n" + body)
    answers = [(p.polarity, p.text) for p in analysis.propositions if p.text == asked]
    assert answers == [(polarity, asked)]


@pytest.mark.parametrize(
    ("body", "polarity", "replier"),
    [("Critics say the plan will raise rents. Supporters say it will not.", "deny", "Supporters"),
     ("The union says the depot will close. Management says it won't.", "deny", "Management"),
     ("The union says the depot will close. The council agrees it will.", "assert", "The council")],
)
def test_a_reply_of_subject_and_auxiliary_answers_the_clause_before(analyze_text, body, polarity, replier):
    analysis = analyze_text("Headline\n" + body + "\n")
    first = analysis.propositions[0].text
    replies = [(p.polarity, p.speaker) for p in analysis.propositions if p.text == first and p is not analysis.propositions[0]]
    assert replies == [(polarity, replier)]


def test_a_reply_of_subject_and_auxiliary_with_nothing_before_it_answers_nothing(analyze_text):
    analysis = analyze_text("Headline\nThe vote is on Monday.\n\nSupporters say it will not.\n")
    assert [p.polarity for p in analysis.propositions] == ["assert"]


def test_a_question_about_a_report_asks_about_what_it_reported(analyze_text):
    analysis = analyze_text("Transcript: hearing\n\nCHAIR OKAFOR: Ms Hall.\n\nMS HALL: Ms Voss, the Tidewater Times has reported that Coinvale moved "
                            "customer assets to Ravelin Capital in March. Ravelin was co-founded by you. Is that report "
                            "accurate?\n\nMS VOSS: It is not. No customer assets were lent to Ravelin.\n")
    assert [(p.speaker, p.polarity) for p in analysis.propositions
            if p.text == "Coinvale moved customer assets to Ravelin Capital in March"] == \
        [("Tidewater Times", "assert"), ("Voss", "deny")]  # the paper reported it ('Ms Voss,' addresses her)


def test_anyone_who_says_otherwise_answers_a_source_not_the_reporter(analyze_text):
    analysis = analyze_text('Headline\nThe plant opened in 1990. "We will not close the plant," the chief executive, '
                            'Maria Lopez, told shareholders. "Anyone who says otherwise is misinformed."\n')
    assert not [p for p in analysis.propositions if p.polarity == "deny" and p.text == "The plant opened in 1990"]


@pytest.mark.parametrize(("body", "expected"), [
    # questioning whether something is so, or doubting it, denies it; doubling down on a claim asserts it
    ("The company questioned whether the plant would close at all.", ("The company", "deny")),
    ("The minister doubted that the plant would close in March this year.", ("The minister", "deny")),
    ("The mayor doubled down on his claim that the plant would stay open.", ("The mayor", "assert")),
])
def test_doubts_and_insistence(analyze_text, body, expected):
    analysis = analyze_text("Headline\nThe plant opened in 1990. " + body + "\n")
    assert [(p.speaker, p.polarity) for p in analysis.propositions if p.speaker] == [expected]


@pytest.mark.parametrize("body", [
    # questioning how something was done doubts no claim; a lawyer who never contested it concedes it
    "Rival bidders have questioned how the contest was scored.",
    "Police questioned the suspect about the payments.",
    "The firm challenged the ruling in court.",
    "Doyle admitted the theft. His lawyers have never contested that.",
])
def test_questions_and_challenges_that_deny_nothing(analyze_text, body):
    analysis = analyze_text("Headline\nThe plant opened in 1990. " + body + "\n")
    assert not [p for p in analysis.propositions if p.polarity == "deny"]


@pytest.mark.parametrize("body", ['A spokeswoman told Reuters that Brightcoat "does not comment on speculation".',
                                  "It is not clear whether the plant will close in March.",
                                  "It remains unclear how the fire started in the plant.",
                                  "The mayor said it was unclear whether the plant would close in March."])
def test_what_is_not_known_is_no_claim(analyze_text, body):
    analysis = analyze_text("Headline\nThe plant opened in 1990. " + body + "\n")
    assert [p.text for p in analysis.propositions] == ["The plant opened in 1990"]


def test_rejecting_it_is_an_act_not_a_denial(analyze_text):
    analysis = analyze_text("Headline\nThe plant opened in 1990. Harlow Homes said its bid was fair. The council rejected it.\n")
    assert not [p for p in analysis.propositions if p.polarity == "deny"]


def test_an_answer_that_is_no_yes_or_no_takes_no_side(analyze_text):
    analysis = analyze_text('Headline\n"We will see," Smith said when asked if the depot would close next year.\n')
    assert not [p for p in analysis.propositions if "depot" in p.text]


@pytest.mark.parametrize(
    ("body", "speaker", "denied", "side"),
    [("The ministry denied that the minister had resigned. The prime minister's office also rejected the report.",
      "The prime minister's office", "the minister had resigned", "The prime minister's office also rejected the report"),
     ("Zakharova denied that Putin stopped the resolution. Zakharova pointed out that Russia recognised a Palestinian "
      "state in 1988. Dan Shapiro, a former ambassador, denied the story, as well.", "Dan Shapiro",
      "Putin stopped the resolution", "Dan Shapiro, a former ambassador, denied the story")],
)
def test_a_denial_that_joins_another_denies_what_that_one_denied(analyze_text, body, speaker, denied, side):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [(p.text, analysis.document.text[p.start:p.end]) for p in analysis.propositions
            if p.polarity == "deny" and p.speaker == speaker] == [(denied, side)]


@pytest.mark.parametrize("pronoun", ["this", "it"])
def test_confirming_this_supports_what_was_just_said(analyze_text, pronoun):
    analysis = analyze_text("Headline\nThe plant opened in 1990. The council said residents were consulted on the plan. "
                            f"The mayor confirmed {pronoun}.\n")
    assert [(p.speaker, p.polarity) for p in analysis.propositions if p.text == "residents were consulted on the plan"] == \
        [("The council", "assert"), ("The mayor", "assert")]


@pytest.mark.parametrize(
    ("body", "speaker", "confirmed"),
    [("The Gazette reported that the mayor had resigned. The city's spokeswoman later confirmed the report.",
      "The city's spokeswoman", "the mayor had resigned"),
     ("Witnesses said soldiers fired at the crowd. Police confirmed that account on Monday.", "Police",
      "soldiers fired at the crowd"),
     # backing a claim named by a noun, also in the passive
     ("The mayor said the plant would close in March. The council leader backed the mayor's account.",
      "The council leader", "the plant would close in March"),
     ("The mayor said the plant would close in March. The mayor's account was backed by the council leader.",
      "the council leader", "the plant would close in March"),
     # a claim named by whose report it is
     ("Brightcoat is preparing to close its Ashby plant, according to three people briefed on the plans. The FT "
      "report was later confirmed by two government officials.", "two government officials",
      "Brightcoat is preparing to close its Ashby plant"),
     # a confirmation not given, or that could not be given, supports nothing
     ("The Gazette reported that the mayor had resigned. The city declined to confirm the report.", None, None),
     ("Vestrum said the cost was 600 million. The Meridian was unable to confirm her figure.", None, None),
     ("Breza says his monitors have reported ballot stuffing at 200 polling stations. We have not been able to "
      "verify these reports.", None, None)],
)
def test_confirming_a_claim_named_by_a_noun_supports_it(analyze_text, body, speaker, confirmed):
    analysis = analyze_text("Headline\n" + body + "\n")
    first_speaker = analysis.propositions[0].speaker
    others = [(p.speaker, p.text, p.polarity) for p in analysis.propositions if p.speaker != first_speaker]
    assert others == ([(speaker, confirmed, "assert")] if speaker else [])


def test_echoing_a_claim_that_says_something_supports_what_it_says(analyze_text):
    analysis = analyze_text("Headline\nThe plant opened in 1990. The mayor said the plant would close in March. "
                            "Councillor Ann Webb echoed the mayor's claim that the plant would close.\n")
    assert [(p.speaker, p.polarity) for p in analysis.propositions if p.text == "the plant would close"] == \
        [("Ann Webb", "confirm"), ("The mayor", "assert")]


@pytest.mark.parametrize("body", ["The council backed the plan on Monday.",
                                  "The party supports the idea of a four-day week.",
                                  "The council did not back the union's claim.",
                                  "No one has backed the mayor's account."])
def test_backing_a_plan_or_an_idea_is_an_act(analyze_text, body):
    analysis = analyze_text("Headline\nThe plant opened in 1990. " + body + "\n")
    assert not analysis.statements
    assert [p.speaker for p in analysis.propositions] == [None, None]


def test_evidence_missing_to_support_a_claim_confirms_nothing(analyze_text):
    analysis = analyze_text("Headline\nThe Ministry notes that the other side has presented no evidence to support "
                            "its allegations.\n")
    assert [(s.speaker.name, s.polarity) for s in analysis.statements] == [("The Ministry", "assert")]


@pytest.mark.parametrize("body", [
    # a denial not made, or a side neither taken nor refused, takes no side
    "The mayor did not deny that the city had overspent its flood budget by $3 million.",
    "Police have not confirmed that the suspect had been arrested.",
    "City manager Paul Reyes neither confirmed nor denied the overspending.",
    "The ministry declined to confirm that the talks had collapsed.",
    "The agency stopped short of confirming that the virus had spread to humans.",
    "The agency has yet to confirm that the virus had spread to humans.",
    "The club stopped short of denying that the coach would leave.",
    "The White House neither confirmed nor denied that the president had been briefed.",
])
def test_a_side_not_taken_is_no_claim(analyze_text, body):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert analysis.propositions == () or not analysis.propositions
    assert not analysis.statements


@pytest.mark.parametrize("body", [
    # a claim noun that is the subject of a clause of its own is no pointing: the clause is what was said
    "The auditor said the company had hidden losses. The company confirmed the company's figures showed a loss.",
    "Ott said the city overspent. The mayor denied the councillor's figures showed any overspending.",
])
def test_a_clause_about_a_claim_noun_is_said_in_its_own_words(analyze_text, body):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert any(p.text.endswith(("showed a loss", "showed any overspending")) for p in analysis.propositions)


def test_not_disputing_concedes(analyze_text):
    analysis = analyze_text("Headline\nThe warden said he did not dispute that Calder Ridge has too many vacant posts.\n")
    assert ("Calder Ridge has too many vacant posts", "assert") in [(p.text, p.polarity) for p in analysis.propositions]
    assert all(p.polarity == "assert" for p in analysis.propositions)


def test_disputing_with_no_claim_named_denies_nothing(analyze_text):
    analysis = analyze_text("Headline\nThe mayor said the budget had a surplus. The comptroller disputed the figures "
                            "in the audit, saying the city would end the year in deficit.\n")
    assert [p.polarity for p in analysis.propositions if p.speaker == "The comptroller"] == ["assert"]


@pytest.mark.parametrize(
    ("body", "speaker", "taken_back"),
    [("Governor Lena Ortiz on Monday walked back her claim that the Millbrook Bridge inspection was skipped.",
      "Lena Ortiz", "the Millbrook Bridge inspection was skipped"),
     ("The senator retracted his statement that the mayor had taken bribes, saying he had been misinformed.",
      "The senator", "the mayor had taken bribes"),
     ("Hale backtracked on his assertion that the vaccine had caused the deaths.", "Hale",
      "the vaccine had caused the deaths"),
     ("The company later withdrew its claim that the fire was caused by arson.", "The company",
      "the fire was caused by arson")],
)
def test_taking_back_a_claim_denies_it(analyze_text, body, speaker, taken_back):
    analysis = analyze_text("Headline\n" + body + "\n")
    denials = [(s.speaker.name, analysis.document.text[s.start:s.end]) for s in analysis.statements if s.polarity == "deny"]
    assert denials == [(speaker, taken_back)]


@pytest.mark.parametrize(
    "body",
    ["The minister has refused to retract her claim that the election was rigged.",
     "The minister has not retracted her claim that the election was rigged.",
     "Protesters withdrew from the square after the police chief said the march was over.",
     "The newspaper retracted the story on Friday."],
)
def test_what_is_not_taken_back_is_no_denial(analyze_text, body):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert not [s for s in analysis.statements if s.polarity == "deny"]
    assert not [p for p in analysis.propositions if p.polarity == "deny"]


@pytest.mark.parametrize(
    ("body", "kept"),
    [("A person familiar with the talks told the Gazette that the fee was 28 million euros. The Gazette could not "
      "independently confirm the figure.", ["the fee was 28 million euros"]),
     ("Reuters was unable to verify the video. The footage could not be independently verified.", []),
     ("Police said the man had been shot, a claim that could not be immediately confirmed.", ["the man had been shot"]),
     ("The group said 40 people had died, which could not be independently verified.", ["40 people had died"]),
     # a check left undone is no note on the reporting: it stays the reporter's (the agency does not say it)
     ("The agency had not verified that the repairs were made before the fire.",
      ["The agency had not verified that the repairs were made before the fire"])],
)
def test_a_note_that_something_could_not_be_verified_takes_no_side(analyze_text, body, kept):
    analysis = analyze_text("Headline\n" + body + "\n")
    assert [p.text for p in analysis.propositions] == kept


def test_a_denial_that_says_what_it_denies_needs_no_answer(analyze_text):
    analysis = analyze_text("Headline\nCritics say the plant leaked. The company said that the plant never leaked "
                            "any chemicals into the river.\n")
    assert not [p for p in analysis.propositions if p.text == "the plant leaked" and p.polarity == "deny"]


@pytest.mark.parametrize(
    ("body", "affirmed"),
    [  # standing by one's own count is a side for that count, from the clause's place
     ("The association put the number of affected students at about 1,200. The university said about 700 students "
      "were affected. The Northmere Student Association said it stood by its count.",
      ["the number of affected students at about 1,200"]),
     # no earlier claim of the speaker's: nothing to stand by, and no claim of its own
     ("The university said about 700 students were affected. The Clarion said it stood by its reporting.", [])],
)
def test_standing_by_ones_account_supports_it(analyze_text, body, affirmed):
    analysis = analyze_text("Headline\n" + body + "\n")
    text = analysis.document.text
    sides = [p for p in analysis.propositions if "stood by" in text[p.start:p.end]]
    assert [p.text for p in sides] == affirmed
    assert all(p.polarity == "assert" and text[p.start:p.end].startswith("it stood by") for p in sides)


@pytest.mark.parametrize("line", ["That is not what the study shows.", "That is not what the data show.",
                                  "This is not what the footage showed."])
def test_saying_the_record_shows_otherwise_denies(analyze_text, line):
    analysis = analyze_text("Headline\nA new study claims that coffee cuts the risk of liver disease by 40%. " + line + "\n")
    assert [p.polarity for p in analysis.propositions if p.text == line.rstrip(".")] == ["deny"]


def test_disputing_that_before_a_comma_points_back(analyze_text):
    analysis = analyze_text("Headline\nHale said no replacement workers were used. Ekwueme disputed that, saying pickets "
                            "had seen two minibuses.\n")
    assert ("Ekwueme", "that", "deny") in [(s.speaker.name, s.text, s.polarity) for s in analysis.statements]


@pytest.mark.parametrize(("body", "kept"), [
    # what a speaker read or heard from others is passed on, not said by them
    ('"I read that he has agreed a five-year contract. I have not even seen a contract," Salvador said.',
     ["I have not even seen a contract"]),
    ('"We have heard reports that the plant will close next year," the union said.', []),
    # what they saw themselves is their own account
    ('"I saw him take the envelope from the developer," she said.', ["I saw him take the envelope from the developer"]),
])
def test_hearsay_a_speaker_passes_on_is_no_claim_of_theirs(analyze_text, body, kept):
    propositions = analyze_text("Headline\n" + body + "\n").propositions
    assert [p.text for p in propositions] == kept


def test_a_description_before_the_name_it_stands_for_is_no_claim(analyze_text):
    body = "The company that operates the pipeline, Gulfline Energy, says the leak was small and was contained quickly."
    assert [p.text for p in analyze_text("Headline\n" + body + "\n").propositions] == [
        "the leak was small and was contained quickly"]


@pytest.mark.parametrize(("body", "negated"), [
    # a negation only in a relative clause describing one of its nouns leaves the clause asserting
    ("The talks resumed. Channel 12 reported that the Americans had presented a draft that did not require Israel "
     "to commit to a state.", [False]),
    ("The talks resumed. Channel 12 reported that the Americans had not presented a draft to Israel.", [True]),
])
def test_a_negation_describing_a_noun_leaves_the_clause_asserting(analyze_text, body, negated):
    assert [p.negated for p in analyze_text("Headline\n" + body + "\n").propositions
            if p.text.startswith("the Americans")] == negated
