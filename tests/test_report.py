"""Markdown and HTML reports on small hand-built dossiers (no model needed), plus one on the sample story."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.report import render
from storytrace.report.common import excerpt, ordered_claims, ordered_events, sentence_bounds, source_sentence
from storytrace.report.html import render_html
from storytrace.report.markdown import md_text, render_markdown
from storytrace.schema import (
    Claim,
    ClaimMention,
    Document,
    Dossier,
    Entity,
    Event,
    MentionRef,
    Provenance,
    Skipped,
    Speaker,
    Statement,
    TimeValue,
)

SECTION_TITLES = ("Claims board", "Timeline", "Actors", "Statements", "Provenance")
XSS = '<script>alert(1)</script> " onmouseover="x'

TEXT_A = (
    "In 2016, Russia was willing to block the resolution, Israel Hayom reported.\n\n"
    "Netanyahu said that Putin promised to veto the resolution. "
    "The call came two weeks after the US election. Later, on December 23, 2016, the council passed it."
)
TEXT_B = (
    "Zakharova denied that Putin promised to veto the resolution. "
    f"A caption read {XSS} and more. "
    "The transcripts show Kislyak said Russia would not support it | not at all."
)


def span(text: str, needle: str) -> tuple[int, int]:
    """The [start, end) of the first occurrence of needle (the test fails loudly when it is absent)."""
    start = text.index(needle)
    return start, start + len(needle)


def make_dossier() -> Dossier:
    """Two documents (one hostile), entities, statements, dated events, three claims and provenance."""
    doc_a = Document(id="doc-a", source="a.txt", text=TEXT_A, title="Putin offered veto", outlet="Israel National News",
                     url="https://example.org/a?x=1&y=2", published="2020-06-15")
    doc_b = Document(id="doc-b", source="b<i>.txt", text=TEXT_B, title=XSS, outlet="Evil | Outlet",
                     url="javascript:alert(1)", published="2020-06-18", published_estimated=True)
    ent_putin = Entity(id="ent-putin", name="Vladimir Putin", type="PERSON", aliases=("Putin", "Vladimir Putin"),
                       mentions=(MentionRef("doc-a", *span(TEXT_A, "Putin")), MentionRef("doc-b", *span(TEXT_B, "Putin")),
                                 MentionRef("doc-b", *span(TEXT_B, "Putin"))))
    ent_bibi = Entity(id="ent-bibi", name="Benjamin Netanyahu", type="PERSON", aliases=("Netanyahu",),
                      mentions=(MentionRef("doc-a", *span(TEXT_A, "Netanyahu")),))
    ent_zak = Entity(id="ent-zak", name="Maria Zakharova", type="PERSON", aliases=("Zakharova",),
                     mentions=(MentionRef("doc-b", *span(TEXT_B, "Zakharova")),) * 2)
    ent_pipe = Entity(id="ent-pipe", name="Pipe|Org <b>", type="ORG", aliases=("P|O",), mentions=())
    st_bibi = Statement(id="st-bibi", doc="doc-a", start=span(TEXT_A, "Putin promised")[0],
                        end=span(TEXT_A, "veto the resolution")[1],
                        speaker=Speaker("Benjamin Netanyahu", "person", *span(TEXT_A, "Netanyahu"), entity="ent-bibi"),
                        cue="said", cue_start=span(TEXT_A, "said")[0], cue_end=span(TEXT_A, "said")[1], mode="indirect")
    st_zak = Statement(id="st-zak", doc="doc-b", start=span(TEXT_B, "Putin promised")[0],
                       end=span(TEXT_B, "veto the resolution")[1],
                       speaker=Speaker("Maria Zakharova", "person", *span(TEXT_B, "Zakharova"), entity="ent-zak"),
                       cue="denied", cue_start=span(TEXT_B, "denied")[0], cue_end=span(TEXT_B, "denied")[1],
                       mode="indirect", polarity="deny", via=("Israel | Radio",))
    st_evil = Statement(id="st-evil", doc="doc-b", start=span(TEXT_B, XSS)[0], end=span(TEXT_B, XSS)[1],
                        speaker=Speaker('<img src=x onerror="alert(2)">', "unknown", *span(TEXT_B, "caption")),
                        cue="read", cue_start=span(TEXT_B, "read")[0], cue_end=span(TEXT_B, "read")[1], mode="direct")
    ev_call = Event(id="ev-call", doc="doc-a", start=span(TEXT_A, "The call came")[0], end=span(TEXT_A, "The call came")[1],
                    text="The call came", predicate="come",
                    time=TimeValue("2016-11-24", "two weeks after the US election", *span(TEXT_A, "two weeks after the US election"),
                                   anchor="event", estimated=True),
                    participants=("ent-putin", "ent-bibi"), sources=("doc-a",))
    ev_pass = Event(id="ev-pass", doc="doc-a", start=span(TEXT_A, "the council passed it")[0],
                    end=span(TEXT_A, "the council passed it")[1], text="the council passed it", predicate="pass",
                    time=TimeValue("2016-12-23", "December 23, 2016", *span(TEXT_A, "December 23, 2016")),
                    conflict=True, sources=("doc-a", "doc-b"))
    ev_hostile = Event(id="ev-hostile", doc="doc-b", start=span(TEXT_B, XSS)[0], end=span(TEXT_B, XSS)[1], text=XSS,
                       time=TimeValue("2016", "2016", 0, 0), participants=("someone not linked",))
    claim_other = Claim(id="cl-other", text="Russia would not support it", flags=(),
                        mentions=(ClaimMention("doc-b", *span(TEXT_B, "Russia would not support it"), "supports", "transcripts"),
                                  ClaimMention("doc-a", *span(TEXT_A, "Russia was willing"), "supports", "Israel Hayom")),
                        origins={"supports": ("transcripts", "Israel Hayom")})
    claim_single = Claim(id="cl-single", text="Russia was willing to block the resolution",
                         mentions=(ClaimMention("doc-a", *span(TEXT_A, "Russia was willing to block"), "supports", "Israel Hayom"),
                                   ClaimMention("doc-b", *span(TEXT_B, "Russia would not support it"), "supports", "Israel Hayom")),
                         origins={"supports": ("Israel Hayom",)}, flags=("single-origin",))
    claim_once = Claim(id="cl-once", text="The call came two weeks after the US election",
                       mentions=(ClaimMention("doc-a", *span(TEXT_A, "The call came"), "supports", "Israel Hayom"),),
                       origins={"supports": ("Israel Hayom",)}, flags=("single-mention",))
    claim_contested = Claim(id="cl-veto", text="Putin promised to veto the resolution",
                            mentions=(ClaimMention("doc-b", *span(TEXT_B, "Putin promised to veto"), "denies", "Russian Foreign Ministry", "st-zak"),
                                      ClaimMention("doc-a", *span(TEXT_A, "Putin promised to veto"), "supports", "Netanyahu", "st-bibi")),
                            origins={"supports": ("Netanyahu",), "denies": ("Russian Foreign Ministry",)},
                            flags=("contested", "numbers differ"))
    return Dossier(
        documents=(doc_a, doc_b),
        entities=(ent_bibi, ent_putin, ent_zak, ent_pipe),
        statements=(st_bibi, st_zak, st_evil),
        events=(ev_pass, ev_hostile, ev_call),
        claims=(claim_once, claim_other, claim_single, claim_contested),
        provenance=(Provenance("doc-a", "Israel Hayom", "reported by", *span(TEXT_A, "Israel Hayom")),
                    Provenance("doc-b", XSS, "quoted in", *span(TEXT_B, "caption"))),
        skipped=(Skipped("broken.html", "no article text found"),),
    )


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return make_dossier()


@pytest.fixture(scope="module")
def md(dossier) -> str:
    return render_markdown(dossier)


@pytest.fixture(scope="module")
def page(dossier) -> str:
    return render_html(dossier)


# --- source sentences -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("First one. Second one here. Third.", "one here", "Second one here."),
        ("Only sentence without end", "sentence", "Only sentence without end"),
        ("Line one\nline two. More", "two", "line two."),
        ('He said: "Stop." Then left.', "Stop", 'He said: "Stop."'),
        ("Russian Pres. Vladimir Putin came. Then.", "Vladimir", "Russian Pres. Vladimir Putin came."),
        ("The U.S. Embassy said so! Yes?", "Embassy", "The U.S. Embassy said so!"),
        ("A. B. Smith spoke. Next.", "Smith", "A. B. Smith spoke."),
        ("Why? Because it spans. Two sentences. End.", "spans. Two", "Because it spans. Two sentences."),
        ("  Padded sentence.  ", "Padded", "Padded sentence."),
    ],
)
def test_source_sentence(text, needle, expected):
    start, end = span(text, needle)
    assert source_sentence(text, start, end) == expected
    s, e = sentence_bounds(text, start, end)
    assert s <= start and end <= e


def test_source_sentence_caps_long_sentences_with_ellipses():
    text = "word " * 300 + "target" + " word" * 300 + "."
    start, end = span(text, "target")
    out = source_sentence(text, start, end, cap=100)
    assert out.startswith("…") and out.endswith("…") and "target" in out
    assert len(out) <= 102
    ex = excerpt(text, start, end, cap=100)
    assert ex.marked == "target"


def test_source_sentence_of_span_longer_than_cap():
    text = "x" * 1000
    out = source_sentence(text, 10, 900, cap=50)
    assert out == "…" + "x" * 50 + "…"


def test_source_sentence_empty_and_out_of_range():
    assert source_sentence("", 0, 0) == ""
    assert source_sentence("Short.", 3, 99) == "Short."


# --- sections and order -----------------------------------------------------------------------

def test_markdown_sections_in_order(md):
    positions = [md.index(f"## {title}") for title in SECTION_TITLES]
    assert md.startswith("# storytrace report")
    assert positions == sorted(positions)


def test_html_sections_in_order(page):
    positions = [page.index(f"<h2>{title}</h2>") for title in SECTION_TITLES]
    assert positions == sorted(positions)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page.replace("&#x27;", "'")


def test_header_counts_and_documents(md, page):
    assert "**2** documents · **2** outlets" in md
    assert "2020-06-15 to 2020-06-18 (some dates estimated)" in md
    assert "≈2020-06-18 (estimated)" in md and "≈2020-06-18 (estimated)" in page
    assert "broken.html" in md and "no article text found" in page


def test_claim_order_contested_first(dossier, md, page):
    assert [c.id for c in ordered_claims(dossier.claims)] == ["cl-veto", "cl-single", "cl-other", "cl-once"]
    board = md[md.index("## Claims board"):md.index("## Timeline")]
    assert "**CONTESTED · numbers differ**" in board  # the group's own flag is not repeated
    card = page[page.index('class="claim contested"'):]
    card = card[:card.index("</article>")]
    assert card.count(">contested</span>") == 1 and ">numbers differ</span>" in card
    assert (board.index("### Putin promised to veto") < board.index("**CONTESTED · numbers differ**")
            < board.index("### Russia was willing") < board.index("**SINGLE ORIGIN**")
            < board.index("### Russia would not support it") < board.index("**MADE ONCE**"))
    html_board = page[page.index('id="claims"'):page.index('id="timeline"')]
    assert (html_board.index('class="claim contested"') < html_board.index('class="claim single-origin"')
            < html_board.index('class="claim other"') < html_board.index('class="claim made-once"'))


def test_claim_sides_show_stance_speaker_origin_and_sentence(md):
    board = md[md.index("## Claims board"):md.index("## Timeline")]
    assert "supports: 1 independent origin (Netanyahu); denies: 1 independent origin (Russian Foreign Ministry)" in board
    assert "**denies** — Maria Zakharova (person), in Evil \\| Outlet, ≈2020-06-18 (estimated); origin: Russian Foreign Ministry" in board
    assert "“Netanyahu said that **Putin promised to veto** the resolution.”" in board
    assert "supports: 2 independent origins (transcripts, Israel Hayom)" in board


def test_a_side_only_related_to_a_claim_is_shown_last_and_not_counted(dossier):
    from dataclasses import replace

    claim = dossier.claims[1]  # cl-other: two supporting sides from two origins
    related = ClaimMention("doc-b", *span(TEXT_B, "Putin promised to veto"), "denies", "Russian Foreign Ministry",
                           counted=False)
    claim = replace(claim, mentions=(related, *claim.mentions))
    text = render_markdown(replace(dossier, claims=(claim,)))
    board = text[text.index("## Claims board"):text.index("## Timeline")]
    assert "CONTESTED" not in board and "denies: " not in board
    assert "**denies** (related, not counted) — the reporter" in board
    assert board.index("**supports**") < board.index("**denies** (related, not counted)")
    page = render_html(replace(dossier, claims=(claim,)))
    assert 'class="side related denies"' in page and "related, not counted" in page


def test_a_claims_variants_show_each_documents_words(dossier):
    from dataclasses import replace

    from storytrace.schema import Variant, VariantValue

    dates = Variant("dates", (VariantValue("doc-a", *span(TEXT_A, "2016"), "2016"),
                              VariantValue("doc-b", *span(TEXT_B, "<script>"), "<script>")))
    claim = replace(dossier.claims[1], variants=(dates,), flags=("dates differ",))
    text = render_markdown(replace(dossier, claims=(claim,)))
    board = text[text.index("## Claims board"):text.index("## Timeline")]
    assert "Variants, not denials — dates differ: “2016” (Israel National News) · “\\<script\\>” (Evil \\| Outlet)" in board
    page = render_html(replace(dossier, claims=(claim,)))
    assert ('<p class="variant">Variants, not denials — dates differ: “2016” <span class="meta">(Israel National News)'
            '</span> · “&lt;script&gt;” <span class="meta">(Evil | Outlet)</span></p>') in page


def test_a_dossier_with_variants_reads_back_from_its_json(dossier):
    import json
    from dataclasses import replace

    from storytrace.schema import Variant, VariantValue, dossier_from_json, dumps

    numbers = Variant("numbers", (VariantValue("doc-a", 0, 4, "In 2"),))
    claims = (replace(dossier.claims[0], variants=(numbers,)), *dossier.claims[1:])
    back = dossier_from_json(json.loads(dumps(replace(dossier, claims=claims))))
    assert back.claims == claims


def test_timeline_order_and_estimated_marks(dossier, md, page):
    order = [e.id for e in ordered_events(dossier.events, {"doc-a": 0, "doc-b": 1})]
    assert order == ["ev-hostile", "ev-call", "ev-pass"]
    timeline = md[md.index("## Timeline"):md.index("## Actors")]
    assert "**≈2016-11-24 (estimated)**" in timeline and "relative to another event" in timeline
    assert timeline.index("2016-11-24") < timeline.index("2016-12-23")
    assert "conflicting dates" in timeline
    assert "participants: Vladimir Putin, Benjamin Netanyahu" in timeline
    html_timeline = page[page.index('id="timeline"'):page.index('id="actors"')]
    assert 'class="event estimated"' in html_timeline and "≈2016-11-24 (estimated)" in html_timeline
    assert 'class="event conflict"' in html_timeline
    assert html_timeline.count("<details><summary>") == 3


def test_actors_sorted_by_mentions(md):
    actors = md[md.index("## Actors"):md.index("## Statements")]
    assert actors.index("Vladimir Putin") < actors.index("Maria Zakharova") < actors.index("Benjamin Netanyahu")
    assert "Israel National News: 1; Evil \\| Outlet: 2" in actors


def test_statements_grouped_with_content_highlighted(md, page):
    statements = md[md.index("## Statements"):md.index("## Provenance")]
    assert "### Maria Zakharova (person) — 1" in statements
    assert "_denied_ — indirect, deny; via Israel \\| Radio" in statements
    assert "**Putin promised to veto the resolution**" in statements
    assert "<mark>Putin promised to veto the resolution</mark>" in page


def test_provenance_edges(md, page):
    assert "- Israel National News → **Israel Hayom** (reported by)" in md
    assert "<td><strong>Israel Hayom</strong></td><td>reported by</td>" in page


# --- hostile input --------------------------------------------------------------------------

class _Audit(HTMLParser):
    """Collects what a hostile document could use to run code: script elements, handlers, hrefs."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction"):
                self.hrefs.append(value or "")

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


def test_html_escapes_hostile_text_and_metadata(page):
    audit = _Audit()
    audit.feed(page)
    assert len(audit.scripts) == 1 and audit.scripts[0].startswith('addEventListener("beforeprint"')
    assert audit.handlers == []
    assert "img" not in audit.tags and "i" not in audit.tags
    assert all(h.startswith(("https://", "http://", "#")) for h in audit.hrefs), audit.hrefs
    assert "<script>alert(1)" not in page and 'href="javascript' not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;x" in page
    assert "javascript:alert(1)" in page  # shown as inert text
    assert 'href="https://example.org/a?x=1&amp;y=2"' in page


def test_markdown_escapes_hostile_text(md):
    assert not re.search(r"(?<!\\)<(script|img|b>|i>)", md)
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "<javascript:" not in md and "](javascript:" not in md
    assert "<https://example.org/a?x=1&y=2>" in md


def test_markdown_table_cells_escape_pipes(md):
    assert "Pipe\\|Org \\<b\\>" in md and "P\\|O" in md and "Evil \\| Outlet" in md
    rows = [line for line in md.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + 2 + 2 + 4  # documents and actors tables: header, rule, rows
    for line in rows:
        assert len(re.split(r"(?<!\\)\|", line)) == 7, line  # five columns in both tables


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# Not a heading", "\\# Not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("a | b", "a \\| b"),
        ("`code`", "\\`code\\`"),
        ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
        ("line\nbreak", "line break"),
        ("AT&T &amp;", "AT&T \\&amp;"),
    ],
)
def test_md_text_escapes(raw, escaped):
    assert md_text(raw) == escaped


# --- empty and dispatch -----------------------------------------------------------------------

def test_empty_dossier_renders_in_both_formats():
    empty = Dossier(documents=())
    md = render_markdown(empty)
    page = render_html(empty)
    for title in SECTION_TITLES:
        assert f"## {title}" in md and f"<h2>{title}</h2>" in page
    assert md.count("_No ") == 6 and page.count('class="none"') == 6
    assert "**0** documents" in md and "no published dates" in page


def test_dangling_references_render(dossier):
    broken = Dossier(documents=(), statements=dossier.statements, events=dossier.events, claims=dossier.claims,
                     provenance=dossier.provenance, entities=dossier.entities)
    assert "source document not in dossier" in render_markdown(broken)
    assert "source document not in dossier" in render_html(broken)


def test_render_dispatch(dossier):
    assert render(dossier, "md") == render_markdown(dossier)
    assert render(dossier, "html") == render_html(dossier)


@pytest.mark.slow
def test_sample_story_reports(sample_dossier):
    md = render_markdown(sample_dossier)
    page = render_html(sample_dossier)
    for text in (md, page):
        assert "Netanyahu" in text and "Kislyak" in text
        assert "The Jerusalem Post" in text
    cues = {s.cue for s in sample_dossier.statements}
    assert cues and any(f"_{cue}_" in md for cue in cues)
    assert any(f"<strong>{cue}</strong>" in page for cue in cues)


def test_one_happening_in_two_documents_is_one_timeline_entry():
    from storytrace.report.markdown import render_markdown
    from storytrace.schema import Document, Dossier, Event, TimeValue

    first = Document(id="d1", source="a.txt", text="Putin called Netanyahu on December 23, 2016.", outlet="Wire A")
    second = Document(id="d2", source="b.txt", text="Putin phoned Netanyahu on December 29, 2016.", outlet="Wire B")
    events = (
        Event(id="e1", doc="d1", start=0, end=44, text="Putin called Netanyahu", predicate="call", sources=("d1", "d2"),
              conflict=True, group="tl-1", time=TimeValue("2016-12-23", "December 23, 2016", 26, 43)),
        Event(id="e2", doc="d2", start=0, end=44, text="Putin phoned Netanyahu", predicate="phone", sources=("d1", "d2"),
              conflict=True, group="tl-1", time=TimeValue("2016-12-29", "December 29, 2016", 26, 43)),
    )
    markdown = render_markdown(Dossier(documents=(first, second), events=events))
    timeline = markdown.split("## Timeline", 1)[1].split("## Actors", 1)[0]
    assert timeline.count("\n- **") == 1
    assert "Putin phoned Netanyahu on December 29" in timeline and "dated" in timeline


def test_words_naming_a_speaker_are_shown_only_when_words_name_them():
    from storytrace.report.common import speaker_words
    text = "Headline\nThe deal is said to be worth $3 billion, the minister said."
    document = Document(id="d1", source="x.txt", text=text)
    said = text.index("is said")
    hearsay = Statement(id="s1", doc="d1", start=9, end=41, speaker=Speaker("unnamed sources", "anonymous", said, said + 7),
                        cue="is said", cue_start=said, cue_end=said + 7, mode="indirect")
    minister = text.index("the minister")
    named = Statement(id="s2", doc="d1", start=9, end=41, speaker=Speaker("Olga Brandt", "person", minister, minister + 12),
                      cue="said", cue_start=minister + 13, cue_end=minister + 17, mode="indirect")
    assert speaker_words(hearsay, document) is None
    assert speaker_words(named, document) == "the minister"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\"”Mr"), max_size=80), st.integers(0, 80), st.integers(0, 20))
def test_sentence_bounds_agree_with_a_scan_from_the_top(text, start, length):
    """The boundaries are found once per document; the sentence found is the one a scan of the text
    from its start finds."""
    from storytrace.report.common import _boundaries

    start = min(start, len(text))
    end = min(len(text), start + length)
    scanned = 0
    for _, after in _boundaries(text, 0, min(len(text), start + 1)):
        if after <= start:
            scanned = after
    while scanned < start and text[scanned].isspace():
        scanned += 1
    assert sentence_bounds(text, start, end)[0] == scanned


def test_one_source_on_both_sides_contests_nothing():
    from storytrace.report.common import claim_group

    claim = Claim(id="cl-self", text="A magazine article featured a quote",
                  mentions=(ClaimMention("doc-a", 0, 10, "supports", "The Jerusalem Post"),
                            ClaimMention("doc-b", 0, 10, "denies", "The Jerusalem Post")),
                  origins={"supports": ("The Jerusalem Post",), "denies": ("The Jerusalem Post",)})
    assert claim_group(claim) == "single-origin"
    two = replace(claim, mentions=(claim.mentions[0], replace(claim.mentions[1], origin="Dan Shapiro")),
                  origins={"supports": ("The Jerusalem Post",), "denies": ("Dan Shapiro",)})
    assert claim_group(two) == "contested"


@pytest.mark.parametrize(("outlet", "author", "title", "voice"), [
    ("Harbor Tribune", None, None, "the reporter"),
    ("State Department of Transportation", None, None, "the document itself"),
    ("U.S. District Court", None, "United States v. Martin Reyes", "the document itself"),
    ("Kellow Water", None, "Statement on the Ashby outage", "the document itself"),  # titled as a record
    ("Kellow Water", "Dana Price", None, "the reporter"),  # a byline: someone reports
    ("Semafor", None, "Inside the talks", "the reporter"),  # an outlet the gazetteer does not know: still a report
    (None, None, None, "the reporter"),
])
def test_a_side_in_no_ones_words_is_the_reporters_or_the_documents_own(outlet, author, title, voice):
    from storytrace.report.common import own_voice

    document = Document(id="doc-x", source="x.txt", text="Text.", outlet=outlet, author=author, title=title)
    assert own_voice(document) == voice
