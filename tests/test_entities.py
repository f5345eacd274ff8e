"""Actors of a story: which mentions are one entity, and which are no actor at all."""

from dataclasses import replace

import pytest

from storytrace.link.entities import build_entities
from storytrace.schema import Mention


def _mention(text: str, label: str, start: int, doc: str = "d1") -> Mention:
    return Mention(doc=doc, start=start, end=start + len(text), text=text, label=label)


def test_a_given_name_alone_is_the_one_person_of_the_story_so_named():
    mentions = [_mention("Steve Jobs", "PERSON", 0), _mention("Mark Papermaster", "PERSON", 40),
                _mention("Steve", "PERSON", 80, doc="d2")]
    entities, _ = build_entities(mentions)
    jobs = next(e for e in entities if e.name == "Steve Jobs")
    assert len(jobs.mentions) == 2 and not any(e.name == "Steve" for e in entities)


def test_a_given_name_shared_by_two_people_stays_apart():
    mentions = [_mention("Steve Jobs", "PERSON", 0), _mention("Steve Ballmer", "PERSON", 40),
                _mention("Steve", "PERSON", 80)]
    entities, _ = build_entities(mentions)
    assert any(e.name == "Steve" for e in entities)


@pytest.mark.parametrize(("body", "absent", "present"), [
    ("The 8 GB model costs $199, while the 16 GB version costs $299.", {"GB"}, set()),
    ("Shoppers queued outside the App Store and the Apple Store in London.", set(), {"App Store"}),
    # a clock's time zone is no body
    ("18:40 GMT — The ministry said 14 soldiers had died. Trading opens at 9:30 a.m. ET on Monday.", {"GMT", "ET"}, set()),
    # a name ending in a utility's or a newspaper's word is no person's
    ("The operator, Kellow Water, said in a statement that the dam had been inspected in May.", set(), {"Kellow Water"}),
    ("A spokeswoman for Harlow Water said the leak was small.", set(), {"Harlow Water"}),
])
def test_units_are_no_actors_and_stores_are_organisations(analyze_text, body, absent, present):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert not absent & {m.text for m in mentions}
    assert all(m.label not in ("PERSON", "WORK_OF_ART") for m in mentions if m.text in present)


@pytest.mark.parametrize(("body", "names"), [
    # a body whose name joins two parts with 'and' is one name
    ("The Maritime and Coastguard Agency said it had opened an investigation.", {"Maritime and Coastguard Agency"}),
    ("The strike was called by the Marrowick Dock and Harbour Workers Union, which represents 900 dockers.",
     {"Marrowick Dock and Harbour Workers Union"}),
    # ... not two names joined, nor a part that names something else in the story
    ("Officials at Siemens and Bosch said they would appeal the ruling.", {"Siemens", "Bosch"}),
    ("A statement from Apple said that Apple and Apple Corps now differ.", {"Apple", "Apple Corps"}),
])
def test_a_body_named_with_and_is_one_mention(analyze_text, body, names):
    assert names <= {m.text for m in analyze_text("Headline\n" + body + "\n").mentions}


def test_streets_and_salutations_are_no_people(analyze_text):
    analysis = analyze_text("Headline\nDear Sir or Madam,\n\nWe write on behalf of residents of Mill Lane to report damp "
                            "ground. Jim Way said the damp was bad.\n")
    people = {m.text for m in analysis.mentions if m.label == "PERSON"}
    assert "Jim Way" in people and not people & {"Madam", "Sir", "Mill Lane"}


def test_a_name_tagged_once_is_that_name_wherever_the_document_writes_it(analyze_text):
    analysis = analyze_text("Headline\nHarlow Water told Newswire there was no risk to residents. Harlow Water said it "
                            "had not received any complaints before this week. The Harlow Water Board met on Friday.\n")
    assert [(m.text, m.label) for m in analysis.mentions if m.text == "Harlow Water"] == [("Harlow Water", "ORG")] * 2
    assert [(s.speaker.name, s.speaker.kind) for s in analysis.statements] == [("Harlow Water", "organization")] * 2


def test_a_dateline_names_a_place_not_a_person(analyze_text):
    text = ("Smokehouse owner rejects county findings as Kestrel Lake outbreak passes 50 cases\n\nSILL CREEK — The owner "
            "of a Sill Creek barbecue business on Wednesday rejected claims that his pork was behind the salmonella "
            "outbreak tied to last weekend's Kestrel Lake Food & Music Festival, hours after county officials named "
            "his stall as the probable source.\n")
    analysis = analyze_text(text)
    assert all(m.label != "PERSON" for m in analysis.mentions if m.text.upper() == "SILL CREEK")
    assert "SILL" not in analysis.statements[-1].speaker.name.upper().split()[0]


@pytest.mark.parametrize(("names", "merged"), [
    # a country's abbreviation before a name is the country written out; the acronym then has one owner
    ([("US Air Force", "ORG"), ("United States Air Force", "ORG"), ("USAF", "ORG"), ("Royal Air Force", "ORG")],
     {"US Air Force", "United States Air Force", "USAF"}),
    # the acronym of a name without its legal form ('EADS' = '... Defence and Space Company')
    ([("European Aeronautic Defence and Space Company", "ORG"), ("EADS", "ORG")],
     {"European Aeronautic Defence and Space Company", "EADS"}),
    # a legal form written with full stops ('N.V.') is a legal form; the bracketed short name then finds its owner
    ([("European Aeronautic Defence and Space Company", "ORG"), ("EADS N.V.", "ORG"), ("EADS", "ORG")],
     {"European Aeronautic Defence and Space Company", "EADS N.V.", "EADS"}),
    # 'Company' and 'Co' are one legal form
    ([("Ford Motor Company", "ORG"), ("Ford Motor Co", "ORG")], {"Ford Motor Company", "Ford Motor Co"}),
    # a quoted name does not take its quotation mark into the acronym ('a "New GM' is no second 'GM')
    ([("General Motors", "ORG"), ('"New GM', "ORG"), ("GM", "ORG")], {"General Motors", "GM"}),
    # a given name's short form ('Tim' for Timothy), a middle initial between
    ([("Timothy D. Cook", "PERSON"), ("Tim Cook", "PERSON")], {"Timothy D. Cook", "Tim Cook"}),
    # a country's name and then one word: the country's one body of that name
    ([("US Treasury", "ORG"), ("Treasury", "ORG")], {"US Treasury", "Treasury"}),
    # an acronym whose owners differ only by a plural s (a typo in one report) is the more named one's
    ([("General Motors", "ORG"), ("General Motors", "ORG"), ("General Motor", "ORG"), ("GM", "ORG")],
     {"General Motors", "GM"}),
    # two spellings of a word, '&' for 'and', different legal forms
    ([("European Aeronautic Defence & Space NV", "ORG"), ("European Aeronautic Defense and Space Company", "ORG"),
      ("EADS", "ORG")], {"European Aeronautic Defence & Space NV", "European Aeronautic Defense and Space Company",
                         "EADS"}),
    # an acronym with the small words' initials in lower case
    ([("Bank of America", "ORG"), ("BoA", "ORG")], {"Bank of America", "BoA"}),
    # a firm's kind word with or without a plural 's', and then its one-word name
    ([("Ford Motor Company", "ORG"), ("Ford Motors Co", "ORG"), ("Ford Australia", "ORG"), ("Ford", "ORG")],
     {"Ford Motor Company", "Ford Motors Co", "Ford"}),
    # an Italian or Nordic legal form; a fund manager's name and its first word
    ([("Fiat Group SpA", "ORG"), ("Fiat", "ORG")], {"Fiat Group SpA", "Fiat"}),
    ([("Cerberus Capital Management", "ORG"), ("Cerberus", "ORG"), ("Cerberus", "ORG")],
     {"Cerberus Capital Management", "Cerberus"}),
    # a listed institution's short forms; a hyphen written with spaces
    ([("Federal Reserve", "ORG"), ("Fed", "ORG"), ("The Fed", "ORG")], {"Federal Reserve", "Fed", "The Fed"}),
    ([("Wal-Mart", "ORG"), ("Wal - Mart", "ORG")], {"Wal-Mart", "Wal - Mart"}),
    # a university named after its town either way
    ([("University of Lund", "ORG"), ("Lund University", "ORG")], {"University of Lund", "Lund University"}),
    # a one-word name that opens a company's name is the company, not a person of that surname
    ([("William Clay Ford Jr", "PERSON"), ("Ford Motor Company", "ORG"), ("Ford", "ORG")],
     {"Ford Motor Company", "Ford"}),
])
def test_real_news_name_variants_are_one_entity(names, merged):
    mentions, position = [], 0
    for text, label in names:
        mentions.append(_mention(text, label, position))
        position += len(text) + 10
    entities, _ = build_entities(mentions)
    owner = next(e for e in entities if merged & set(e.aliases))
    assert merged <= set(owner.aliases), [(e.type, e.aliases) for e in entities]
    assert owner.type == ("PERSON" if all(label == "PERSON" for _, label in names) else "ORG")


def test_a_quotation_mark_and_article_are_not_part_of_a_name():
    from storytrace.extract.entities import _clean_span
    from storytrace.ingest import IngestOptions, make_document
    from storytrace.nlp import load_nlp

    text = 'Headline\nHe described a "New GM" that he expected to result from the process.\n'
    document = make_document(text, "t.txt", {"published": "2009-06-01"}, IngestOptions())
    doc = load_nlp()(text)
    span = doc.char_span(text.index('a "New'), text.index('GM"') + 3, label="ORG", alignment_mode="expand")
    start, end = _clean_span(doc, document, span)
    assert text[start:end] == "New GM"


def test_a_one_word_name_stays_with_the_person_a_body_is_named_after():
    mentions = [_mention("Barack Obama", "PERSON", 0), _mention("Obama administration", "ORG", 30),
                _mention("Obama", "ORG", 60)]
    entities, _ = build_entities(mentions)
    obama = next(e for e in entities if e.name == "Barack Obama")
    assert "Obama" in obama.aliases


def test_a_name_tagged_a_person_once_and_an_organisation_more_often_is_the_organisation():
    mentions = [_mention("Northrop Grumman", "ORG", 0), _mention("Northrop Grumman", "ORG", 40),
                _mention("Northrop Grumman", "PERSON", 80)]
    entities, _ = build_entities(mentions)
    assert [(e.type, len(e.mentions)) for e in entities] == [("ORG", 3)]


def test_a_given_name_alone_is_the_person_named_far_more_often():
    mentions = [_mention("Steve Jobs", "PERSON", 40 * i) for i in range(5)] + \
        [_mention("Steve Ballmer", "PERSON", 300), _mention("Steve", "PERSON", 400)]
    entities, _ = build_entities(mentions)
    jobs = next(e for e in entities if e.name == "Steve Jobs")
    assert "Steve" in jobs.aliases and not any(e.name == "Steve" for e in entities)


def test_a_firm_and_its_older_name_are_one_unless_another_firm_shares_the_word():
    entities, _ = build_entities([_mention("Apple Computer", "ORG", 0), _mention("Apple Inc", "ORG", 40)])
    assert [sorted(e.aliases) for e in entities] == [["Apple Computer", "Apple Inc"]]
    entities, _ = build_entities([_mention("Apple Computer", "ORG", 0), _mention("Apple Corps", "ORG", 40),
                                  _mention("Apple", "ORG", 80)])
    assert not any({"Apple", "Apple Computer"} <= set(e.aliases) for e in entities)


@pytest.mark.parametrize(("body", "short", "full"), [
    ("The jet was delivered to Singapore Airlines (SIA) on Monday.", "SIA", "Singapore Airlines"),
    ("A spokesman for the Congressional Budget Office (CBO) declined to comment.", "CBO", "Congressional Budget Office"),
    ("WASHINGTON (AP) - The Islamic State (ISIS) claimed the attack.", "ISIS", "Islamic State"),
    # a long formal name's acronym in its own language
    ("Germany's Federal Office for Information Security (BSI) said it was in contact with the firm.", "BSI",
     "Federal Office for Information Security"),
])
def test_a_short_name_in_brackets_after_a_name_is_defined_as_short_for_it(analyze_text, body, short, full):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    defined = {m.text: m.short_for for m in mentions if m.short_for}
    assert list(defined) == [short] and defined[short].removeprefix("The ").removeprefix("the ") == full


@pytest.mark.parametrize("body", [
    "WASHINGTON (AP) - Lawmakers met on Monday.",  # a place and an agency's credit
    "The deal was signed by Acme Corp (Reuters) on Monday.",  # an outlet credited in brackets
    "Shares of Apple (Microsoft rival) rose.",  # no short form, and not its initial
    "The plane was built by Airbus (EADS) in Toulouse.",  # its parent
])
def test_brackets_that_define_no_short_name(analyze_text, body):
    assert not [m for m in analyze_text("Headline\n" + body + "\n").mentions if m.short_for]


def test_the_acronym_of_a_part_of_a_name_is_not_short_for_the_whole(analyze_text):
    body = "The Board of the Northfold Broadcasting Service (NBS) met on Monday."
    defined = {m.text: m.short_for for m in analyze_text("Headline\n" + body + "\n").mentions if m.short_for}
    assert "Board" not in defined.get("NBS", "")


@pytest.mark.parametrize(("label", "merged"), [("FAC", True), ("PERSON", True), ("GPE", False)])
def test_a_lone_word_opening_a_firm_name_is_that_firm_whatever_the_model_tagged_it(label, merged):
    from storytrace.extract.entities import _short_firm_names

    mentions = _short_firm_names([_mention("Norvale Telecom", "ORG", 0), _mention("Norvale", label, 40)])
    entities, _ = build_entities(mentions)  # 'Norvale shares fell', the model's building
    assert any({"Norvale", "Norvale Telecom"} <= set(e.aliases) for e in entities) is merged


def test_a_firm_with_its_legal_form_in_one_report_is_no_person_in_another():
    mentions = [_mention("Brightmart", "PERSON", 0), _mention("Brightmart", "PERSON", 50),
                _mention("Brightmart Inc", "ORG", 0, doc="d2")]
    entities, _ = build_entities(mentions)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Brightmart Inc", "ORG", 3)]


def test_a_short_name_defined_in_one_report_is_that_name_in_every_report():
    mentions = [_mention("Singapore Airlines", "ORG", 0), replace(_mention("SIA", "ORG", 20), short_for="Singapore Airlines"),
                _mention("SIA", "ORG", 50, doc="d2"), _mention("Singapore Airlines", "ORG", 90, doc="d3")]
    entities, _ = build_entities(mentions)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Singapore Airlines", 4)]


def test_a_short_name_defined_two_ways_stays_apart():
    mentions = [_mention("Palestinian Authority", "ORG", 0), replace(_mention("PA", "ORG", 30), short_for="Palestinian Authority"),
                _mention("Press Association", "ORG", 0, doc="d2"),
                replace(_mention("PA", "ORG", 30, doc="d2"), short_for="Press Association"), _mention("PA", "ORG", 60, doc="d3")]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [
        ("PA", 1), ("Palestinian Authority", 2), ("Press Association", 2)]


def test_a_surname_with_a_stray_final_s_is_the_one_person_so_named():
    mentions = [_mention("Tony Clement", "PERSON", 0), _mention("Clements", "PERSON", 40, doc="d2")]
    entities, _ = build_entities(mentions)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Tony Clement", 2)]


def test_a_surname_with_a_final_s_stays_apart_from_a_person_of_that_exact_surname():
    mentions = [_mention("Tony Clement", "PERSON", 0), _mention("Ann Clements", "PERSON", 30), _mention("Clements", "PERSON", 60)]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [("Ann Clements", 2), ("Tony Clement", 1)]


def test_a_place_is_no_surname_of_a_name_the_model_took_for_a_persons_without_a_given_name():
    mentions = [_mention("Garuda Indonesia", "PERSON", 0), _mention("Indonesia", "GPE", 40),
                _mention("Scott Ferrand", "PERSON", 80), _mention("Ferrand", "GPE", 120)]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [
        ("Garuda Indonesia", 1), ("Indonesia", 1), ("Scott Ferrand", 2)]


def test_an_organisation_called_by_the_first_word_of_its_name():
    northrop = [_mention("Northrop Grumman", "ORG", 40 * i) for i in range(3)] + [_mention("Northrop", "ORG", 200)]
    entities, _ = build_entities(northrop)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Northrop Grumman", 4)]
    boeing = [_mention("Boeing", "ORG", 40 * i) for i in range(3)] + [_mention("Boeing Defense Systems", "ORG", 200)]
    entities, _ = build_entities(boeing)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [("Boeing", 3), ("Boeing Defense Systems", 1)]


def test_a_name_and_a_lower_case_word_for_its_kind_is_that_organisation():
    mentions = [_mention("United Auto Workers", "ORG", 0), _mention("UAW", "ORG", 30),
                _mention("United Auto Workers union", "ORG", 60, doc="d2")]
    entities, _ = build_entities(mentions)
    assert [(e.name, len(e.mentions)) for e in entities] == [("United Auto Workers", 3)]
    mentions = [_mention("Barack Obama", "PERSON", 0), _mention("Obama administration", "ORG", 30),
                _mention("Obama", "PERSON", 60), _mention("Labour Party", "ORG", 90)]
    entities, _ = build_entities(mentions)
    assert sorted(e.name for e in entities) == ["Barack Obama", "Labour Party", "Obama administration"]


@pytest.mark.parametrize("body", [
    "The plan was welcomed by a United Auto Workers official on Monday.",  # 'a' is no part of it
    "General Motors had the support of the United Auto Workers union, the company said.",  # nor is 'union'
])
def test_a_name_without_the_article_and_kind_word_around_it(analyze_text, body):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert "United Auto Workers" in {m.text for m in mentions}


@pytest.mark.parametrize(("body", "government"), [
    ("GM has asked the US government for an additional US$5 billion in aid.", "US government"),
    ("Chrysler will receive bridge loans from the government of Canada and the province.", "government of Canada"),
    ("An order of the Russian government suspended trading.", "Russian government"),
])
def test_a_countrys_government_is_an_organisation(analyze_text, body, government):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert (government, "ORG") in {(m.text, m.label) for m in mentions}


@pytest.mark.parametrize(("body", "name"), [
    # a public body's name goes on over what it is for, even over a name the model cut off
    ("Trading stopped on an order of the Russian government's Federal Service for the Financial Markets, which "
     "demanded the suspension.", "Federal Service for the Financial Markets"),
    ("The Office for National Statistics said prices rose.", "Office for National Statistics"),
    # a body named after its place goes on over the place, which names no owner
    ("The study was funded by the Swedish Research Council and the Citrus Growers Association of Valencia.",
     "Citrus Growers Association of Valencia"),
    # a name cut before the words that finish it ends without 'of the'
    ("The Office for National Statistics said prices rose. The Commission of the European Union disagreed.",
     "Commission"),
])
def test_a_public_bodys_full_name(analyze_text, body, name):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert name in {m.text for m in mentions}
    assert not any(m.text.endswith((" of the", " for the")) for m in mentions)


@pytest.mark.parametrize("body", ["Drugmaker Veltrix hid failed safety test, former scientist alleges",
                                  "The shares fell after carmaker Veltrix recalled 40,000 vehicles."])
def test_a_trade_before_a_firms_name_is_no_part_of_it(analyze_text, body):
    names = {m.text for m in analyze_text(body + "\nVeltrix said nothing.\n").mentions}
    assert "Veltrix" in names and not any(n.casefold().endswith("maker veltrix") for n in names)


@pytest.mark.parametrize(("body", "administration"), [
    ("The Obama administration is prepared to use bankruptcy proceedings.", "Obama administration"),
    ("Barack Obama's administration said it would not give more aid.", "Barack Obama's administration"),
])
def test_a_leaders_administration_is_an_organisation(analyze_text, body, administration):
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert (administration, "ORG") in {(m.text, m.label) for m in mentions}


def test_a_leaders_administration_is_one_entity_however_named():
    forms = [("Obama administration", "ORG"), ("Barack Obama's administration", "ORG"), ("Bush administration", "ORG"),
             ("Barack Obama", "PERSON"), ("US administration", "ORG")]
    entities, _ = build_entities([_mention(text, label, 40 * i) for i, (text, label) in enumerate(forms)])
    assert sorted(sorted(e.aliases) for e in entities if len(e.mentions) > 1) == [
        ["Barack Obama's administration", "Obama administration"]]


def test_a_countrys_government_is_one_entity_however_named():
    forms = [("US government", "ORG"), ("United States government", "ORG"), ("government of the United States", "ORG"),
             ("American administration", "ORG"), ("United States", "GPE"), ("Obama administration", "ORG"),
             ("Moscow government", "ORG"), ("Russian government", "ORG")]
    entities, _ = build_entities([_mention(text, label, 40 * i) for i, (text, label) in enumerate(forms)])
    assert sorted(len(e.mentions) for e in entities) == [1, 1, 1, 1, 4]
    assert {"US government", "American administration"} <= set(entities[0].aliases)


@pytest.mark.parametrize(
    ("forms", "apart"),
    [([("Russian Foreign Ministry", "ORG"), ("Ministry of Foreign Affairs of Russia", "ORG"),
       ("Russia's Ministry of Foreign Affairs", "ORG"), ("Foreign Ministry", "ORG")], []),
     ([("State Department", "ORG"), ("Department of State", "ORG"), ("US State Department", "ORG")], []),
     ([("Lithuanian Defence Ministry", "ORG"), ("Ministry of Defense of Lithuania", "ORG")], []),
     ([("Prime Minister's Office", "ORG"), ("Office of the Prime Minister", "ORG")], []),
     ([("Russian Embassy", "ORG"), ("Embassy of Russia", "ORG"), ("Russia's embassy in Washington", "ORG")],
      [("Ukrainian Embassy", "ORG")]),
     # a country's body is not the country, and Europe's council is not the Council of Europe
     ([("Ministry of Interior of Orvenia", "ORG"), ("Orvenian Interior Ministry", "ORG")], [("Orvenia", "GPE")]),
     ([("European Council", "ORG")], [("Council of Europe", "ORG")]),
     ([("Russian Foreign Ministry", "ORG")], [("Ukrainian Foreign Ministry", "ORG")])],
)
def test_a_public_body_is_one_entity_in_any_word_order(forms, apart):
    entities, _ = build_entities([_mention(text, label, 60 * i) for i, (text, label) in enumerate(forms + apart)])
    assert sorted(len(e.mentions) for e in entities) == sorted([len(forms)] + [1] * len(apart))


def test_a_makers_thing_is_one_entity_with_or_without_the_makers_name():
    forms = [("Apple", "ORG"), ("Apple", "ORG"), ("Apple Macintosh", "ORG"), ("Macintosh", "ORG"), ("Ford Falcon", "PRODUCT"),
             ("Falcon", "ORG"), ("Harbour Falcon", "ORG"), ("Clipper", "ORG"), ("Paris Clipper", "ORG")]
    entities, _ = build_entities([_mention(text, label, 40 * i) for i, (text, label) in enumerate(forms)])
    # 'Falcon' with two longer names ending so stays; 'Paris' is no maker the story names
    assert sorted(sorted(e.aliases) for e in entities if len(e.mentions) > 1) == [["Apple"], ["Apple Macintosh", "Macintosh"]]


def test_a_shared_name_goes_in_each_report_to_the_one_longer_name_that_report_uses():
    mentions = [_mention("US Air Force", "ORG", 0, doc="a"), _mention("Air Force", "ORG", 40, doc="a"),
                _mention("Royal Air Force", "ORG", 0, doc="b"), _mention("Air Force", "ORG", 40, doc="b"),
                _mention("Royal Australian Air Force", "ORG", 0, doc="c"), _mention("US Air Force", "ORG", 30, doc="c"),
                _mention("Air Force", "ORG", 60, doc="c")]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [
        ("Air Force", 1), ("Royal Air Force", 2), ("Royal Australian Air Force", 1), ("US Air Force", 3)]


def test_a_hyphen_between_spaces_is_read_as_a_dash():
    from storytrace.nlp import text_for_parsing
    text = "The dispute is between the maker of the iPhone - Apple Inc. - and Cisco; a 5-year-old well-known case."
    parsed = text_for_parsing(text)
    assert len(parsed) == len(text) and parsed.count("–") == 2 and "5-year-old well-known" in parsed


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("Carrier knew of breach, emails show\n\nHarbourline Freight said.", "Carrier knew of breach, emails show.\nHarbourline Freight said."),
     ("By Tomas Reyes, Business Correspondent\n\n\"We knew,\" he said.", "By Tomas Reyes, Business Correspondent.\n\"We knew,\" he said."),
     # a line that ends a sentence, or runs on into a lower-case line, stays as it is
     ("It rained.\n\nHarbourline said.", "It rained.\n\nHarbourline said."),
     ("Section 4:\n\nThe pump failed.", "Section 4:\n\nThe pump failed."),
     ("the list ran on\n\nand on", "the list ran on\n\nand on")],
)
def test_a_line_ending_a_paragraph_without_a_stop_is_parsed_with_one(text, parsed):
    from storytrace.nlp import text_for_parsing

    assert text_for_parsing(text) == parsed


def test_a_name_opening_the_paragraph_after_a_headline_is_found(analyze_text):
    text = ("Carrier knew of suspicious traffic weeks before warning customers, emails show\n\n"
            "Harbourline Freight Systems, the Portmarsh parcel carrier, was alerted to suspicious activity almost a "
            "month before it told customers that their personal details had been stolen.\n")
    analysis = analyze_text(text)
    assert "Harbourline Freight Systems" in {m.text for m in analysis.mentions}
    assert [s.speaker.name for s in analysis.statements] == ["Harbourline Freight Systems"]


def test_names_set_off_by_spaced_hyphens(analyze_text):
    body = ("The dispute has come up between the manufacturer of the iPhone (which was presented on Wednesday) - Apple "
            "Inc. - and a leader in network systems, based in San Jose - Cisco.")
    texts = {m.text for m in analyze_text("Headline\n" + body + "\n").mentions}
    assert "Apple Inc" in texts and not any(" - " in t for t in texts)


def test_a_name_a_report_gives_as_its_outlet_is_an_organisation():
    from storytrace.schema import Document

    documents = [Document(id="d1", source="a.txt", text="x", outlet="Midshire Echo")]
    entities, _ = build_entities([_mention("Midshire Echo", "LOC", 40), _mention("Dunmore", "GPE", 80)], documents)
    assert {(e.name, e.type) for e in entities} == {("Midshire Echo", "ORG"), ("Dunmore", "GPE")}


def test_a_newspapers_word_alone_in_its_own_report_is_that_outlet():
    from storytrace.schema import Document

    documents = [Document(id="d1", source="a.txt", text="x", outlet="Northern Herald"),
                 Document(id="d2", source="b.txt", text="y", outlet="Island Gazette")]
    mentions = [_mention("Herald", "ORG", 40), _mention("Northern Herald", "ORG", 90),
                _mention("Gazette", "PERSON", 10, doc="d2")]
    entities, _ = build_entities(mentions, documents)
    assert sorted((e.name, e.type, len(e.mentions)) for e in entities) == [
        ("Island Gazette", "ORG", 1), ("Northern Herald", "ORG", 2)]


@pytest.mark.parametrize(("body", "name", "label"), [
    # one unknown name right after 'in', 'near' or 'outside' is a place, whatever the model says
    ("Northvale Health has called a news conference for 10:00 in Dunmore. The hospital group has said little.",
     "Dunmore", "GPE"),
    ("Emil Darasz, 34, grazed sheep near the border, and villagers in Brezna say the line on the ground has moved.",
     "Brezna", "GPE"),
    # the surname of a person the report names stays that person
    ("Staff said they had no confidence in Marlowe. Diane Marlowe declined to comment.", "Marlowe", "PERSON"),
    ("In Smith's view, the plan failed. Anna Smith said so on Monday.", "Anna Smith", "PERSON"),
    # an honorific makes a person of what the model took for an organisation
    ('Asked whether the company would cut jobs, Ms Hart said: "I am not going to speculate."', "Ms Hart", "PERSON"),
    # a word for a firm's trade before a one-word name, or a name ending in a trade, makes an organisation of it
    ("Paint maker Brightcoat has denied that it plans to close the factory.", "Brightcoat", "ORG"),
    ("Workers at Greyfen Terminals walked out on Monday.", "Greyfen Terminals", "ORG"),
    ("Southern Fenland Water has been fined, the regulator Ofwat announced on Tuesday.", "Ofwat", "ORG"),
    ("Results were published by Orrin Therapeutics in May.", "Orrin Therapeutics", "ORG"),
])
def test_a_lone_name_after_in_is_a_place_unless_a_person_bears_it(analyze_text, body, name, label):
    found = {m.text: m.label for m in analyze_text("Headline\n" + body + "\n").mentions}
    assert found.get(name) == label, found


def test_names_written_with_odd_spaces_or_invisible_marks_are_one_actor_shown_plainly(analyze_text):
    from storytrace.pipeline import build_dossier

    plain = analyze_text("Headline\nThe talks ran late. Prime Minister Benjamin Netanyahu said on Wednesday that "
                         "the resolution had failed. Foreign Minister Sergei Lavrov agreed.\n")
    web = analyze_text("Headline\nThe talks ran late.\u00a0 Prime\u00a0Minister\u00a0Benjamin\u00a0Netan\u00adyahu said "
                       "on Wednesday that the resolution had failed. Foreign Minister Sergei\u200b Lavrov said on "
                       "Thursday that it had not.\n", outlet="Web Daily")
    dossier = build_dossier([plain, web])
    people = {e.name: e for e in dossier.entities if e.type == "PERSON"}
    assert set(people) == {"Benjamin Netanyahu", "Sergei Lavrov"}
    assert len(people["Benjamin Netanyahu"].mentions) == 2 and len(people["Sergei Lavrov"].mentions) == 2
    assert all("\u00a0" not in a and "\u00ad" not in a and "\u200b" not in a for e in people.values() for a in e.aliases)
    assert {s.speaker.name for s in dossier.statements} == {"Benjamin Netanyahu", "Sergei Lavrov"}


@pytest.mark.parametrize(("body", "absent", "present"), [
    # a common noun the model took for a name where every word is capitalised: a headline, a line's start
    ("Hospital group admits breach\nThe hospital group said on Tuesday that records were taken.", "Hospital", None),
    ("Council approves harbour upgrade\nCouncil leader Ruth Ames said the council had voted.", "Council", "Ruth Ames"),
    # a name the report never writes in lower case stays
    ("Apple admits breach\nApple said on Tuesday that records were taken.", None, "Apple"),
])
def test_a_capitalised_common_word_at_a_start_is_no_name(analyze_text, body, absent, present):
    texts = {m.text for m in analyze_text(body + "\n").mentions}
    assert absent not in texts and (present is None or present in texts), texts


def test_two_countries_ministries_named_by_possessive_stay_two(analyze_text):
    from storytrace.link.entities import build_entities

    analysis = analyze_text("Headline\nThe strike came at dawn. Israel's Defence Ministry said its air defences had shot "
                            "down 12 drones. The Iranian Defence Ministry denied that any drones had been launched. "
                            "The Israeli Ministry of Defense released video. Iran's defence ministry called it fake.\n")
    entities, _ = build_entities(analysis.mentions)
    ministries = sorted(sorted(e.aliases) for e in entities if "inistry" in e.name)
    assert ["Iran's defence ministry", "Iranian Defence Ministry"] in ministries
    assert ["Israel's Defence Ministry", "Israeli Ministry of Defense"] in ministries


@pytest.mark.parametrize(("body", "name", "role"), [
    ("County Clerk Robert Haines said Friday he disagreed with the ruling.", "Robert Haines", "clerk"),
    ("Spokeswoman Lucinda Marsh said the siren had sounded.", "Lucinda Marsh", "spokeswoman"),
    ("The visit was hosted by Crown Prince Mohammed bin Salman in Jeddah.", "Mohammed bin Salman", "crown prince"),
])
def test_a_title_the_model_tagged_with_a_name_is_a_role_not_part_of_it(analyze_text, body, name, role):
    people = [m for m in analyze_text("Headline\n" + body + "\n").mentions if m.label == "PERSON"]
    assert [(m.text, role in m.roles) for m in people] == [(name, True)]


def test_a_credit_after_a_slash_is_no_part_of_a_persons_name(analyze_text):
    body = "The mayor spoke on Thursday.\n\n(Photo: Ana Ortiz speaks at City Hall on Thursday. Lena Fischer/The Ledger)"
    people = [m.text for m in analyze_text("Headline\n" + body + "\n").mentions if m.label == "PERSON"]
    assert "Lena Fischer" in people and not any("/" in p for p in people)


def test_a_name_right_after_a_role_is_a_persons_whatever_the_model_tagged_it(analyze_text):
    body = '"There is no proposal to delay the targets," Commission spokesperson Anna-Kaisa Itkonen told reporters.'
    mentions = analyze_text("Headline\n" + body + "\n").mentions
    assert ("Anna-Kaisa Itkonen", "PERSON") in [(m.text, m.label) for m in mentions]


@pytest.mark.parametrize(("short", "merged"), [("Commission", True), ("Directorate", True), ("Board", False)])
def test_a_body_called_by_its_kind_is_the_one_body_of_that_kind(short, merged):
    full = {"Commission": "European Commission", "Directorate": "National Space Directorate",
            "Board": "Charities Standards Board"}[short]
    entities, _ = build_entities([_mention(full, "ORG", 0), _mention(short, "ORG", 40)])
    assert any({full, short} <= set(e.aliases) for e in entities) is merged  # a board is too often another one


def test_a_minerals_firm_is_no_person(analyze_text):
    body = ('A quarry operator, Tarin Minerals, denied that its blasting had contributed to the disaster.')
    labels = {m.text: m.label for m in analyze_text("Headline\n" + body + "\n").mentions}
    assert labels.get("Tarin Minerals") == "ORG"


def test_transliterations_that_differ_by_a_doubled_letter_are_one_person():
    mentions = [_mention("Volodymyr Zelensky", "PERSON", 0), _mention("Zelensky", "PERSON", 40),
                _mention("Volodymyr Zelenskyy", "PERSON", 0, doc="d2"), _mention("Zelenskyy", "PERSON", 40, doc="d2")]
    entities, _ = build_entities(mentions)
    assert [(e.type, len(e.mentions)) for e in entities] == [("PERSON", 4)]


def test_transliterations_with_q_for_g_dh_for_d_or_an_arabic_article_are_one_person_and_others_stay_apart():
    mentions = [_mention("Muammar Qaddafi", "PERSON", 0), _mention("Moammar Gadhafi", "PERSON", 0, doc="d2"),
                _mention("Gaddafi", "PERSON", 40, doc="d2"), _mention("Sadiq Khan", "PERSON", 80),
                _mention("Daniel Kahn", "PERSON", 120), _mention("Bashar al-Assad", "PERSON", 160),
                _mention("Assad", "PERSON", 200)]
    entities, _ = build_entities(mentions)
    assert sorted(len(e.mentions) for e in entities) == [1, 1, 2, 3]


def test_a_title_of_several_words_is_no_part_of_the_name_and_known_as_defines_a_short_name(analyze_text):
    from storytrace.pipeline import build_dossier

    body = ("Ukrainian President Volodymyr Zelensky met Saudi Crown Prince Mohammed bin Salman, known as MBS, in Jeddah "
            "on Monday. MBS did not comment.")
    dossier = build_dossier([analyze_text("Headline\n" + body + "\n")])
    [prince] = [e for e in dossier.entities if "Mohammed bin Salman" in e.aliases]
    assert prince.name == "Mohammed bin Salman" and "MBS" in prince.aliases
    assert len(prince.mentions) == 3


def test_a_clubs_form_and_its_short_name_are_one_club():
    mentions = [_mention("Harwell United", "ORG", 0), _mention("Harwell", "PERSON", 40),  # as extraction labels them
                _mention("Harwell United Football Club", "ORG", 0, doc="d2"), _mention("FC Porto", "ORG", 60, doc="d2"),
                _mention("Porto", "PERSON", 90)]
    entities, _ = build_entities(mentions)
    assert sorted((e.type, len(e.mentions)) for e in entities) == [("ORG", 2), ("ORG", 3)]
    assert {e.name for e in entities} == {"Harwell United Football Club", "FC Porto"}


def test_a_one_word_outlet_is_no_person_and_a_lone_given_name_taken_for_a_body_is_the_person():
    from storytrace.schema import Document

    mentions = [_mention("Record", "PERSON", 0), _mention("Tiago Mendes", "PERSON", 40), _mention("Tiago", "ORG", 80),
                _mention("Science Desk", "PERSON", 0, doc="d2")]
    documents = [Document(id="d1", source="b.txt", text="x" * 100, outlet="Record"),
                 Document(id="d2", source="c.txt", text="x" * 100, outlet="Science Desk")]
    entities, _ = build_entities(mentions, documents)
    assert {(e.name, e.type, len(e.mentions)) for e in entities} == {("Record", "ORG", 1), ("Tiago Mendes", "PERSON", 2),
                                                                       ("Science Desk", "ORG", 1)}


@pytest.mark.parametrize("name", ["Harwell United", "Wigan Athletic"])
def test_a_club_word_makes_a_name_a_bodys(name):
    from storytrace.extract.entities import _relabel

    assert _relabel("PERSON", name) == "ORG"


def test_a_states_abbreviation_and_a_storms_name_without_its_kind_are_one_entity():
    mentions = [_mention("Fla.", "GPE", 0), _mention("Florida", "GPE", 40), _mention("Delia", "PERSON", 60),
                _mention("Hurricane Delia", "EVENT", 0, doc="d2"), _mention("Tropical Storm Delia", "ORG", 40, doc="d2")]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, e.type, len(e.mentions)) for e in entities) == [
        ("Florida", "GPE", 2), ("Tropical Storm Delia", "EVENT", 3)]


def test_a_surname_with_its_particles_is_the_persons_and_a_datelines_bracket_no_part_of_a_name(analyze_text):
    mentions = [_mention("Pieter van der Berg", "PERSON", 0), _mention("Van der Berg", "PERSON", 40),
                _mention("Maria de la Cruz", "PERSON", 80), _mention("De la Cruz", "PERSON", 120)]
    entities, _ = build_entities(mentions)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [("Maria de la Cruz", 2), ("Pieter van der Berg", 2)]
    body = "THE HAGUE (World Wire) — The minister denied the report.\n"
    assert "World Wire" in {m.text for m in analyze_text("Headline\n\n" + body).mentions}
