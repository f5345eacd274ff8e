"""Ingest: every kind of source in, Documents or one-line reasons out, nothing that was read lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.errors import InputError
from storytrace.ingest import IngestOptions, clean_metadata, decode_text, make_document, read_sources
from storytrace.ingest.boilerplate import find_boilerplate
from storytrace.ingest.markdown import unmarked
from storytrace.ingest.wrapping import soft_breaks, unwrapped

ARTICLE = (
    "Minister denies report on port deal\n"
    "The transport minister on Tuesday denied a report that the port had been sold. "
    "\"No contract was signed,\" she told reporters in the capital. "
    "Officials said talks with two bidders would resume next month.\n"
)

HTML_PAGE = """<!doctype html><html><head><title>Port deal denied | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
<link rel="canonical" href="https://gazette.example/port-deal"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Port deal denied</h1>
<p>The transport minister on Tuesday denied a report that the port had been sold to a foreign buyer.</p>
<p>"No contract was signed," she told reporters in the capital, adding that the talks had stalled.</p>
<p>Officials said talks with two bidders would resume next month, according to the ministry.</p>
</article><footer>Copyright The Harbour Gazette. All rights reserved.</footer></body></html>"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "is empty"),
        ("blank.txt", "  \n\t\n", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Caf\xe9 owner said the port was sold.".encode("latin-1"), "not valid UTF-8"),
        ("german.txt", "Der Minister sagte am Dienstag, dass der Hafen nicht verkauft worden sei und die "
                       "Gespräche mit den beiden Bietern im nächsten Monat wieder aufgenommen werden.", "not in English"),
        ("notes.pdf", "%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_input_is_skipped_with_one_line_naming_the_file(tmp_path, name, content, reason):
    write(tmp_path, "good.txt", ARTICLE)
    bad = write(tmp_path, name, content)
    result = read_sources([tmp_path / "good.txt", bad])
    assert [d.source for d in result.documents] == [str(tmp_path / "good.txt")]
    (skipped,) = result.skipped
    assert skipped.source == str(bad)
    assert reason in skipped.reason
    assert "\n" not in skipped.line() and str(bad) in skipped.line()


def test_missing_file_and_oversized_file_are_skipped(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    big = write(tmp_path, "big.txt", ARTICLE * 200)
    result = read_sources([tmp_path / "good.txt", tmp_path / "gone.txt", big], IngestOptions(max_bytes=5000))
    assert len(result.documents) == 1
    reasons = {s.source: s.reason for s in result.skipped}
    assert reasons[str(tmp_path / "gone.txt")] == "no such file"
    assert "over the 5,000-byte limit" in reasons[str(big)]


def test_a_link_in_a_folder_whose_file_is_gone_is_skipped_with_a_reason(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "moved.txt").symlink_to(tmp_path / "elsewhere.txt")
    result = read_sources([tmp_path])
    assert len(result.documents) == 1
    assert {s.source: s.reason for s in result.skipped} == {
        str(tmp_path / "moved.txt"): "is a link to a file that no longer exists"}


def test_same_article_twice_is_read_once(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("\n", "\n\n"))
    result = read_sources([tmp_path])
    assert len(result.documents) == 1
    assert result.duplicates == [(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))]


def test_one_wire_story_in_two_outlets_is_two_reports(tmp_path):
    for name, outlet in (("a", "Harbour Gazette"), ("b", "Evening Star"), ("c", "Evening Star")):
        write(tmp_path, f"{name}.txt", ARTICLE)
        write(tmp_path, f"{name}.meta.json", json.dumps({"outlet": outlet}))
    result = read_sources([tmp_path])
    assert [d.outlet for d in result.documents] == ["Harbour Gazette", "Evening Star"]
    assert result.duplicates == [(str(tmp_path / "c.txt"), str(tmp_path / "b.txt"))]


@pytest.mark.parametrize(("given", "kept"), [
    ("2021-03-04", "2021-03-04"),
    ("2021-03-04T10:00:00Z", "2021-03-04"),
    ("2021-03-013", None),     # not a date: not cut down to one
    ("2021-02-30", None),      # no such day
    ("4 March 2021", None),
])
def test_a_published_date_is_a_calendar_date_or_nothing(given, kept):
    assert clean_metadata({"published": given}).get("published") == kept


def test_sidecar_metadata_and_bad_sidecar(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "a.meta.json", json.dumps({"outlet": "Harbour Gazette", "published": "2021-03-04T10:00:00",
                                               "title": "Minister denies report on port deal", "url": "https://x.example/a"}))
    write(tmp_path, "b.txt", ARTICLE + "More text.\n")
    write(tmp_path, "b.meta.json", "{not json")
    result = read_sources([tmp_path])
    (doc,) = result.documents
    assert (doc.outlet, doc.published, doc.url) == ("Harbour Gazette", "2021-03-04", "https://x.example/a")
    assert doc.headline is not None and doc.text[doc.headline[0]:doc.headline[1]] == "Minister denies report on port deal"
    (skipped,) = result.skipped
    assert "b.meta.json is not valid JSON" in skipped.reason


def test_html_main_text_and_metadata(tmp_path):
    page = write(tmp_path, "port.html", HTML_PAGE)
    (doc,) = read_sources([page]).documents
    assert "No contract was signed" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.published == "2021-03-04"
    assert doc.outlet == "The Harbour Gazette"
    assert doc.url == "https://gazette.example/port-deal"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Unclosed <b>bold <i>and italic <div>The minister said on Tuesday that the port "
        "had not been sold and that talks with two bidders would resume next month.",
        "<<<>>><p>The minister said on Tuesday that the port had not been sold and that the talks with "
        "bidders would go on.</p></td></tr></table></html></html>",
    ],
)
def test_malformed_html_still_yields_the_text(tmp_path, html):
    page = write(tmp_path, "broken.html", html)
    result = read_sources([page])
    (doc,) = result.documents
    assert "port had not been sold" in doc.text


def test_html_without_article_text_is_skipped(tmp_path):
    page = write(tmp_path, "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = read_sources([page])
    assert not result.documents
    assert result.skipped and result.skipped[0].source == str(page)


def test_jsonl_articles_with_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE, "outlet": "Wire", "published": "2021-03-04", "id": "wire-1"}),
        "{broken",
        json.dumps({"html": HTML_PAGE, "source": "gazette-page"}),
        json.dumps({"title": "no body"}),
        json.dumps(["not", "an", "object"]),
        "",
    ]
    feed = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    result = read_sources([feed])
    assert [d.source for d in result.documents] == ["wire-1", "gazette-page"]
    assert result.documents[0].outlet == "Wire"
    reasons = {s.source: s.reason for s in result.skipped}
    assert set(reasons) == {f"{feed}:2", f"{feed}:4", f"{feed}:5"}
    assert "not valid JSON" in reasons[f"{feed}:2"]
    assert "neither a 'text' nor an 'html'" in reasons[f"{feed}:4"]


def test_boilerplate_kinds_are_marked():
    text = (
        "Flood waters rise in the valley\n"
        "Residents wade through a flooded street in Riverton on Monday. (Photo: Jane Doe/Reuters)\n"
        "Photo credit: Jane Doe/Reuters\n"
        "By Sam Smith, Staff Writer\n"
        "The river broke its banks on Monday, the mayor said, forcing hundreds from their homes.\n"
        "Read more: How the valley prepared for the storm\n"
    )
    spans = find_boilerplate(text)
    marked = [text[s:e] for s, e in spans]
    assert any(m.startswith("Residents wade") for m in marked)
    assert any(m.startswith("Photo credit") for m in marked)
    assert any(m.startswith("By Sam Smith") for m in marked)
    assert any(m.startswith("Read more") for m in marked)
    assert not any("river broke its banks" in m for m in marked)


def test_press_release_back_matter_is_boilerplate():
    body = "\n".join(f"Paragraph {i} of the statement says the plant will close in March." for i in range(8))
    text = (
        "Harwick to close Kessling plant\n" + body + "\n"
        "About Harwick Automotive Components\n"
        "Harwick Automotive Components designs braking components and employs 6,200 people.\n"
        "This statement contains forward-looking statements that are subject to risks and uncertainties.\n"
        "Media contact: Greg Tillotson, Director of Communications.\n"
    )
    marked = [text[s:e] for s, e in find_boilerplate(text)]
    assert marked[0] == "About Harwick Automotive Components"
    assert any(m.startswith("Harwick Automotive Components designs") for m in marked)
    assert any(m.startswith("This statement contains forward-looking") for m in marked)
    assert any(m.startswith("Media contact") for m in marked)
    assert not any(m.startswith("Paragraph") for m in marked)


@pytest.mark.parametrize(
    ("line", "marked"),
    [("About 60 students gathered outside Larkin Hall during the session.", False),  # a body sentence
     ("(c) Supporting documentation. Claims totalling $8,740 were not supported by receipts.", False),  # a list item
     ("Section 4(c) of the policy was not followed", False),
     ("Prime Minister Benjamin Netanyahu (R) meets Russian President Vladimir Putin in Moscow", True),
     # a wire story's credit line, in brackets or not; a sentence about reporting is body
     ("(Reporting by Ana Kovac; Editing by Martin Hale)", True),
     ("Additional reporting by Joel Fentress in Carrow Point", True),
     ("(By Sam Smith)", True),
     ("(Photo: Ana Ortiz speaks at City Hall on Thursday. Lena Fischer/The Ledger)", True),
     ("(Pictures of the flood were shared widely.)", False),
     ("(Reporting was limited by the blackout.)", False),
     # a note about the report itself, not about the story
     ("Correction: An earlier version of this article said 400,000 patients were affected.", True),
     ("An earlier version of this story misstated the date of the vote.", True),
     ("Editor's note: This article has been updated with comment from the council.", True),
     ("This interview has been lightly edited for length and clarity.", True),
     ("Corrections to the budget were approved on Monday.", False),
     # sharing buttons, a promo that ends with a stop, an author's note with contacts
     ("Share on Facebook", True), ("Copy link", True), ("Sign up for our daily newsletter to get the latest news.", True),
     ("Sarah Lind is the Gazette's transport correspondent. Contact her at sarah.lind@gazette.example.", True),
     ("Follow her on Twitter for more updates", True),
     ("Other ports may follow her on this path, the minister said.", False),
     ("The minister said she would share on Monday what the inquiry found.", False),
     # a page's furniture: copyright and standards lines, labelled metadata
     ("© 2026 The Associated Press. All rights reserved. This material may not be published.", True),
     ("Our Standards: The Thomson Reuters Trust Principles.", True), ("Published: 10 March 2026", True),
     ("Updated 11:42 GMT, 10 March 2026", True), ("Image caption, Passengers wait at the pier", True),
     ("Tags: ferry, Westwave", True), ("Get our free newsletter for the latest news.", True),
     ("Updated figures show 300 passengers were stranded.", False), ("The copyright dispute went to court.", False),
     ("Published reports said the ferry was late.", False),
     ("Published 2 April 2025. This interim report sets out the facts established so far.", False),
     ("The report has been updated twice since March.", False),
     # the site's cookie and paywall notices
     ("We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.", True),
     ("Subscribe to continue reading. Already a subscriber? Log in.", True),
     ("You have reached your free article limit for this month.", True),
     ("The bakery said it would use cookies from a local supplier.", False),
     ("Readers who subscribe to the paper were told on Monday.", False)],
)
def test_list_items_and_body_sentences_are_not_boilerplate(line, marked):
    text = "Headline\n" + "\n".join(["The council met on Monday and voted."] * 3) + "\n" + line + "\n"
    spans = find_boilerplate(text)
    assert any(text[s:e] == line for s, e in spans) is marked


def test_story_titles_under_a_promo_heading_are_boilerplate():
    text = ("Headline\nThe council met on Monday and voted.\nMost Read\n1. Ferry chaos continues\n"
            "2. Island school to close\nThe council meets again in May.\n")
    marked = [text[s:e] for s, e in find_boilerplate(text)]
    assert marked == ["Most Read", "1. Ferry chaos continues", "2. Island school to close"]


def test_a_note_about_a_bylined_author_late_in_the_report_is_boilerplate():
    body = [f"The council met on Monday and voted {n} to close the library." for n in ("7-4", "again", "late", "twice")]
    text = "\n".join(["Library to close", "By Sarah Lind and Tom Achebe", *body,
                      "Sarah Lind is the Gazette's local democracy reporter. She has covered the island for ten years.",
                      "Tom Achebe covers health for the Gazette."]) + "\n"
    marked = [text[s:e] for s, e in find_boilerplate(text)]
    assert marked == ["By Sarah Lind and Tom Achebe",
                      "Sarah Lind is the Gazette's local democracy reporter. She has covered the island for ten years.",
                      "Tom Achebe covers health for the Gazette."]
    # a person the report is about, and an author named early on, stay
    quoted = text.replace("By Sarah Lind and Tom Achebe", "By Tom Achebe")
    assert "Sarah Lind is the Gazette's" not in " ".join(quoted[s:e] for s, e in find_boilerplate(quoted))


def test_a_note_under_a_correction_heading_is_boilerplate():
    text = ("Headline\nThe council met on Monday and voted.\nThe mayor was absent.\n" + "Correction\n"
            "The vote was held on Monday, not Tuesday as first reported.\nThe council meets again in May.\n")
    marked = [text[s:e] for s, e in find_boilerplate(text)]
    assert marked == ["Correction", "The vote was held on Monday, not Tuesday as first reported."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_decode_never_raises_anything_but_input_error(data):
    try:
        text = decode_text(data, "x.txt")
    except InputError as exc:
        assert exc.source == "x.txt" and exc.message and "\n" not in exc.message
    else:
        assert isinstance(text, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_make_document_keeps_the_text_and_valid_spans(text):
    try:
        doc = make_document(text, "p.txt", {}, IngestOptions(english_only=False))
    except InputError as exc:
        assert exc.source == "p.txt" and "\n" not in exc.message
        return
    assert doc.text == unmarked(unwrapped(text)) and len(doc.text) == len(text)
    assert doc.id == make_document(text, "q.txt", {}, IngestOptions(english_only=False)).id
    for start, end in doc.boilerplate + ((doc.headline,) if doc.headline else ()):
        assert 0 <= start < end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.characters() | st.characters(categories=["Cs"]), max_size=200).map("".join), max_size=6))
# lone surrogates too, which JSON escapes ('\\ud875') and st.text never draws
def test_jsonl_lines_each_become_a_document_or_a_reason(tmp_path, bodies):
    feed = tmp_path / "prop.jsonl"
    feed.write_text("\n".join(json.dumps({"text": b, "id": f"r{i}", "outlet": b[:20]}) for i, b in enumerate(bodies))
                    + "\n", encoding="utf-8")
    result = read_sources([feed], IngestOptions(english_only=False))
    accounted = len(result.documents) + len(result.skipped) + len(result.duplicates)
    assert accounted == len(bodies)


@pytest.mark.slow
def test_a_block_quote_after_said_in_a_statement_is_that_statement(tmp_path):
    from storytrace.pipeline import analyze_documents

    page = write(tmp_path, "leak.html", (
        "<html><head><title>Plant closed after leak</title></head><body><article><h1>Plant closed after leak</h1>"
        "<p>The chemical plant in Westbrook was closed on Wednesday after a leak of chlorine gas injured four "
        "workers.</p><p>The regional ministry of environment said in a statement:</p><blockquote><p>The plant will "
        "remain closed until the inspection of all storage tanks is complete. We regret the inconvenience to "
        "residents.</p></blockquote><p>Residents were told to keep their windows closed until Thursday evening.</p>"
        "</article></body></html>"))
    (analysis,) = analyze_documents(read_sources([page]).documents)
    text = analysis.document.text
    [statement] = analysis.statements
    assert statement.speaker.name == "The regional ministry of environment" and statement.mode == "direct"
    assert text[statement.start:statement.end].startswith("The plant will remain closed until the inspection")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=30), st.dates().map(lambda d: d.isoformat() + "T10:00:00Z"),
                 st.from_regex(r"\d{4}-\d{2}-\d{2,3}", fullmatch=True)))
def test_a_published_value_is_a_real_date_or_none(value):
    from datetime import date

    published = clean_metadata({"published": value}).get("published")
    assert published is None or date.fromisoformat(published).isoformat() == published


WRAPPED = """Ferry operator admits safety checks were skipped

The ferry operator Westwave said on Tuesday that safety checks on its
vessel the Isle of Kessel had been skipped for three months before the
fire, reversing its earlier position that all inspections had been
carried out on time.

"We let our passengers down and I am deeply sorry," chief executive
Alasdair Greer told reporters in Portree. "The checks should have been
done and they were not."

The agency listed three failures:
- no fire drill since January,
- a broken alarm panel,
- missing crew certificates.
"""


@pytest.mark.parametrize(("text", "joined"), [
    # a paragraph wrapped at a width: its line breaks are spaces; blank lines, the headline, a short
    # line before a list and the list's items stay
    (WRAPPED, ["its\nvessel", "the\nfire,", "been\ncarried", "executive\nAlasdair", "been\ndone"]),
    (WRAPPED.replace("\n", "\r\n"), ["its\r\nvessel", "the\r\nfire,", "been\r\ncarried",
                                       "executive\r\nAlasdair", "been\r\ndone"]),
    # a speaker's label opens a turn of its own; the turn's own lines are joined
    ("Department Press Briefing, March 12, 2026, transcript as delivered by the State Department\n"
     "MR PRICE: We were informed on Monday evening, and we did not receive any warning before that\n"
     "QUESTION: Will Westwave lose its contract after what happened on the crossing this weekend?\n"
     "MR PRICE: That is a matter for the Scottish government and we have not taken a position on\n"
     "it yet, though we are following the situation closely with our partners in the region and\n"
     "we will say more when we can, as we always do with matters of this kind at the department.\n"
     "Q. Did you see the memo before the fire broke out on the vessel in the early hours of the\n"
     "Tuesday? A. No.\n", ["on\nit", "and\nwe", "the\nTuesday?"]),
    # a paragraph per line, however long
    ("Headline\n\n" + "The council said the plan was sound and would go ahead in June. " * 3 + "\n\nMore.\n", []),
    # a letterhead's stacked short lines above long paragraphs
    ("MINISTRY OF INTERIOR\nPress Office\nVellen, 13 May 2025\nFor immediate release\n\n"
     + "1. At 05:40 a patrol crossed the line near the village and was stopped by border guards. " * 4 + "\n", []),
])
def test_soft_line_breaks_of_hard_wrapped_text(text, joined):
    breaks = soft_breaks(text)
    around = [text[:start].split()[-1] + text[start:end] + text[end:].split()[0] for start, end in breaks]
    assert around == joined
    result = unwrapped(text)
    assert all(result[start:end] == " " * (end - start) for start, end in breaks)
    assert result.count("\n") == text.count("\n") - len(breaks)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab cd.\n\r\"-"), max_size=90), max_size=25).map("\n".join))
def test_unwrapping_keeps_every_offset_and_only_turns_line_ends_into_spaces(text):
    result = unwrapped(text)
    assert len(result) == len(text)
    assert all(a == b or (a in "\r\n" and b == " ") for a, b in zip(text, result))
    assert unwrapped(result) == result


@pytest.mark.parametrize(("text", "read"), [
    ("# Ferry operator admits fault\n", "  Ferry operator admits fault\n"),
    ("**Westwave** said on Tuesday", "  Westwave   said on Tuesday"),
    ("the *Isle of Kessel* sailed", "the  Isle of Kessel  sailed"),
    ("*By Sarah Lind, [Island Gazette](https://gazette.example)*",
     " By Sarah Lind,  Island Gazette                           "),
    ("> \"We were not told,\" she said.", "  \"We were not told,\" she said."),
    ("![The ferry](https://x.example/f.jpg)\nText", " " * 37 + "\nText"),
    ("---\nNext", "   \nNext"),
    ("run `make test` now", "run  make test  now"),
    # plain text that only looks like markup stays as it is
    ("5 * 3 = 15 and a*b*c, snake_case_name, #MeToo, [sic] (2019)", "5 * 3 = 15 and a*b*c, snake_case_name, #MeToo, [sic] (2019)"),
    ("- first item\n* second item", "- first item\n* second item"),
])
def test_markdown_markup_is_read_as_spaces(text, read):
    assert unmarked(text) == read


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab #>*_[]()`!-\n:/htps."), max_size=120))
def test_unmarking_keeps_every_offset_and_only_blanks_markup(text):
    result = unmarked(text)
    assert len(result) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, result))
    assert "\n" not in [a for a, b in zip(text, result) if a != b]


def test_a_markdown_article_reads_as_the_plain_one(tmp_path):
    (tmp_path / "a.txt").write_text(
        "# Port deal denied\n\n*By Ana Kovac, [The Harbour Gazette](https://gazette.example)*\n\n"
        "The transport minister on Tuesday denied a report that the port had been sold.\n", encoding="utf-8")
    [document] = read_sources([tmp_path]).documents
    assert document.title == "Port deal denied"
    assert any("By Ana Kovac" in document.text[start:end] for start, end in document.boilerplate)
    assert len(document.text) == len((tmp_path / "a.txt").read_text(encoding="utf-8"))


def test_a_lone_surrogate_in_a_feed_skips_that_record_or_is_replaced_in_metadata(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        '{"id": "a", "text": "Bad \\ud800 text. The minister said the plan was sound."}',
        '{"id": "b", "html": "<p>Bad \\udc80 page. The minister said the plan was sound.</p>"}',
        '{"id": "c", "text": "The minister said the plan was sound and would go ahead.", "outlet": "Bad \\udc80 outlet"}',
    ]) + "\n", encoding="utf-8")
    result = read_sources([feed])
    assert [(Path(s.source).name, s.reason) for s in result.skipped] == [
        ("feed.jsonl:1", "its 'text' is not valid Unicode (an unpaired surrogate U+D800 at character 4)"),
        ("feed.jsonl:2", "its 'html' is not valid Unicode (an unpaired surrogate U+DC80 at character 7)")]
    assert [d.outlet for d in result.documents] == ["Bad \ufffd outlet"]
    with pytest.raises(InputError, match="unpaired surrogate"):
        make_document("Bad \ud800 text.", "x.txt", {}, IngestOptions())


FACT_CHECK_PAGE = """<!doctype html><html><head><title>Did Harwick spend $2 million on a bus shelter? | FactCheck Harwick</title>
<meta property="og:site_name" content="FactCheck Harwick">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
 {"@type": "ClaimReview", "claimReviewed": "The city of Harwick spent $2 million on a single bus shelter.",
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Rita Okonkwo"}},
  "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "alternateName": "False"}}]}</script>
<script type="application/ld+json">{not json</script></head>
<body><article><h1>Did Harwick spend $2 million on a bus shelter?</h1>
<p>Councillor Rita Okonkwo told a residents' meeting on Oct. 5 that the shelter on Grange Road cost the city $2 million.</p>
<p>City procurement records show the Grange Road shelter cost $48,200, including installation.</p>
</article></body></html>"""


def test_a_fact_check_pages_declared_review_is_read_with_its_text(tmp_path):
    from storytrace.ingest.html import claim_reviews, with_reviews

    (doc,) = read_sources([write(tmp_path, "check.html", FACT_CHECK_PAGE)]).documents
    assert doc.text.rstrip().endswith("Claim: The city of Harwick spent $2 million on a single bus shelter.\n\n"
                                      "Claimed by: Rita Okonkwo\n\nRating: False")
    assert "City procurement records show" in doc.text
    reviews = claim_reviews(FACT_CHECK_PAGE)
    assert reviews == [("The city of Harwick spent $2 million on a single bus shelter.", "Rita Okonkwo", "False")]
    # a page that prints its claim and rating already is left as it is
    printed = "Claim: The city of Harwick spent $2 million on a single bus shelter.\nRating: False\n"
    assert with_reviews(printed, reviews) == printed


@pytest.mark.parametrize(("text", "title", "headline"), [
    ("Harwick Automotive to close Ashby plant, cut 420 jobs\n\nThe plant closes in September.\n",
     "Harwick Automotive to close Ashby plant", "Harwick Automotive to close Ashby plant, cut 420 jobs"),
    ("Port deal denied\n\nThe minister denied it.\n", "Port deal denied | The Harbour Gazette", "Port deal denied"),
    # a first line worded unlike the title is no headline of it
    ("Grange Road update\n\nThe shelter cost $48,200.\n", "Council spending under scrutiny", None),
    ("The minister denied it.\n\nTalks resume next month.\n", "Port deal denied", None)])
def test_a_first_line_worded_like_the_title_is_the_headline(text, title, headline):
    from storytrace.ingest import find_headline

    span = find_headline(text, title, ())
    assert (text[span[0]:span[1]] if span else None) == headline
