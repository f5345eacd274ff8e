"""Find the lines of a report that are not its body: captions, photo credits, bylines, promos,
corrections and editor's notes, and a press release's back matter (from "About <company>", "Notes
to editors" or "ENDS" in its second half to the end, contact lines, the forward-looking-statements
caution).

Boilerplate spans yield no statements, events or claims; entity mentions in them still count.
The rules look at line shape only (no model), so they are cheap and explainable.
"""

from __future__ import annotations

import re
from typing import Iterator

from storytrace.schema import Span

PHOTO_AGENCIES = (
    "reuters", "ap", "afp", "getty images", "getty", "epa", "efe", "flash90", "flash 90",
    "shutterstock", "istock", "alamy", "ap photo", "gpo", "xinhua", "anadolu", "bloomberg",
    "upi", "tass", "sipa", "abaca", "pa images", "pa", "zuma", "dpa", "wikimedia commons",
    "courtesy", "handout", "screenshot", "pool", "associated press",
)

_CREDIT = re.compile(
    r"\((?:photo|image|picture|video)?\s*credit\s*:[^)]*\)|"
    r"^\s*[(\[]?\s*(?:photo|image|picture|credit|photograph|illustration)s?\s*(?:credit)?\s*[:|]",  # '(Photo: ...)' too
    re.IGNORECASE,
)
_AGENCY_TAIL = re.compile(
    r"(?:^|[\s,;|/(])(?:" + "|".join(re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True))
    + r")(?:\s*(?:photo|images?|/\s*[\w .'-]+))?\s*\)?\s*$",
    re.IGNORECASE,
)
# "(L)" after a name in a caption; not "(c)" opening a list item or "section 4(c)" citing one.
_POSITION_MARK = re.compile(r"(?<=\S )\([LRC]\)|\((?i:left|right|center|centre|front|back|top|bottom)\)|\b(?i:pictured)\b")
_CAPTION_DATELINE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\s*$"
)
# A social-media post embedded in a report, as it reads once scraped: 'Westwave has abandoned this
# island. pic.twitter.com/x7Yq2 — Moira Dunn (@moiradunn) March 10, 2026', or with the signature
# ('— Moira Dunn (@moiradunn) March 10, 2026') alone on the line after the post.
POST_LINKS = r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))*"
EMBEDDED_POST = re.compile(
    r"^(?:(?P<body>.*?\S)" + POST_LINKS + r"\s*)?[—–-]{1,2}\s*"
    r"(?P<name>[^\s()@—–][^()\n@—–]{0,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})\s*$")
_BYLINE = re.compile(
    r"^\s*\(?\s*(?:(?:[Bb]y|BY)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|\||in)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})*|"
    r"(?i:reporting|writing|editing|additional reporting|compiled)\s+(?i:by)\b.*)\s*\)?\s*$",
)
_PROMO = re.compile(
    r"^\s*(?:read more|read also|also read|related|see also|watch|listen|click here|sign up|subscribe|"
    r"follow us|share this|share on|share via|copy link|print this|email this|advertisement|recommended|"
    r"more on this|most read|most popular|trending|get our|join the conversation|download our)\b[^.]{0,200}\.?$",
    re.IGNORECASE,
)
# A page's furniture: copyright and standards lines, and labelled metadata ('Published: 10 March 2026',
# 'Image caption, Passengers wait at the pier', 'Tags: ferry, Westwave', 'Reading time: 4 minutes').
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:©|copyright\b|our standards\s*:)|\ball rights reserved\b|"
    r"^\s*(?:published|updated|last updated|first published|posted|topics?|tags?|filed under|reading time|read time|"
    r"image caption|image source|media caption|video caption|picture caption)\s*[:,]",
    re.IGNORECASE,
)
# 'Updated 11:42 GMT, 10 March 2026' on a line of its own (not 'Published 2 April 2025. This report sets out ...').
_DATED_STAMP = re.compile(r"^\s*(?:published|updated|last updated|first published|posted)\s+(?:on\s+|at\s+)?"
                          r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)[^.!?]*\.?\s*$",
                          re.IGNORECASE)
# A list of other stories under a promo heading alone on its line ('Most Read', 'Related').
_PROMO_HEADING = re.compile(r"^\s*(?:related(?: stories| articles)?|more on this(?: story)?|most read|most popular|"
                            r"trending|recommended|you may also like|read more|more stories)\s*:?\s*$", re.IGNORECASE)
# An author's note and contact lines: an e-mail address, 'follow her on Twitter', 'Contact him at'.
_AUTHOR_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|"
                             r"\bfollow (?:him|her|them|me|us) on (?:twitter|x|facebook|instagram|bluesky|threads|"
                             r"linkedin|tiktok|mastodon)\b|"
                             r"\bcontact (?:him|her|them|the (?:author|reporter|writer)) at\b", re.IGNORECASE)


# A note about the report itself, not about the story: 'Correction: An earlier version of this article
# said ...', 'This interview has been edited for length', 'Editor's note: ...'.
_EDITORIAL_NOTE = re.compile(
    r"^\W*(?:(?:corrections?|clarifications?|editor['’]?s['’]?\s+note|note\s+to\s+readers)\s*[:\-–—]|"
    r"(?:an?\s+|the\s+)?(?:earlier|previous|original)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|piece|post|interview)\b|"
    r"this\s+(?:article|story|report|piece|post|interview|transcript|conversation)\s+(?:has\s+been|was|is\s+being)\s+"
    r"(?:\w+ly\s+)?(?:updated|corrected|amended|edited|condensed|changed|revised|shortened)\b)",
    re.IGNORECASE,
)
_NOTE_HEADING = re.compile(r"^\W*(?:corrections?|clarifications?|editor['’]?s['’]?\s+note)\W*$", re.IGNORECASE)
_BACK_MATTER_HEADING = re.compile(
    r"^\s*(?:about\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,6}|notes?\s+(?:to|for)\s+editors?|"
    r"editors?['’]?\s*notes?|background(?:\s+information)?|-*\s*ends\s*-*|#{3})\s*:?\s*$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"^\s*(?:(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office)|contacts?|"
                      r"for\s+(?:further|more)\s+information)\s*:", re.IGNORECASE)
_CAUTION = re.compile(r"\bforward[- ]looking\s+statements?\b", re.IGNORECASE)


def is_back_matter_heading(line: str) -> bool:
    """'About Harwick Automotive Components', 'Notes to editors', 'ENDS': where a press release's
    body stops (a line alone, capitalised like a heading)."""
    return len(line.split()) <= 8 and not _ends_like_sentence(line) and bool(_BACK_MATTER_HEADING.match(line))


def is_contact_line(line: str) -> bool:
    return len(line.split()) <= 30 and bool(_CONTACT.match(line))


def is_caution(line: str) -> bool:
    """The safe-harbour paragraph of a company statement ('This statement contains forward-looking
    statements that are subject to risks and uncertainties ...')."""
    return bool(_CAUTION.search(line)) and len(line.split()) <= 120


def is_editorial_note(line: str) -> bool:
    """A correction, clarification or editor's note about the report ('Correction: An earlier version
    of this article said 400,000 patients were affected'): what it says is no part of the story."""
    return bool(_EDITORIAL_NOTE.match(line))


def _notes_under_headings(text: str, spans: list[Span]) -> set[Span]:
    """A 'Correction' or 'Editor's note' heading alone on its line and the paragraph under it."""
    found: set[Span] = set()
    for number, span in enumerate(spans[:-1]):
        if _NOTE_HEADING.match(text[span[0]:span[1]]):
            found.update((span, spans[number + 1]))
    return found


def _back_matter(text: str, spans: list[Span]) -> set[Span]:
    """Lines from a back-matter heading in the second half of the text to the end."""
    for number, span in enumerate(spans):
        if span[0] >= len(text) / 2 and is_back_matter_heading(text[span[0]:span[1]]):
            return set(spans[number:])
    return set()


def line_spans(text: str) -> Iterator[Span]:
    """Spans of the non-blank lines of text, without their line breaks or surrounding blanks."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group()
        lead = len(stripped) - len(stripped.lstrip())
        trail = len(stripped) - len(stripped.rstrip())
        if end - trail > start + lead:
            yield (start + lead, end - trail)


def _norm(line: str) -> str:
    line = line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", line).strip().casefold()


def _ends_like_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…][\"'”’)]*\s*$", line))


def is_credit_line(line: str) -> bool:
    """A photo credit, alone or glued to the end of a caption."""
    return bool(_CREDIT.search(line)) or (not _ends_like_sentence(line) and bool(_AGENCY_TAIL.search(line))
                                          and len(line.split()) <= 40)


def is_caption_line(line: str) -> bool:
    """A caption: a position mark such as "(L)", or a present-tense line ending in a dateline (not
    an embedded post, which ends in its date too)."""
    if len(line.split()) > 60 or (is_embedded_post(line) and not line.lstrip().startswith(("—", "–", "-"))):
        return False
    if _ends_like_sentence(line):
        return bool(_POSITION_MARK.search(line)) and not re.search(r"[\"“”]", line)
    return bool(_POSITION_MARK.search(line)) or bool(_CAPTION_DATELINE.search(line))


def is_byline(line: str) -> bool:
    return len(line.split()) <= 14 and not _ends_like_sentence(line) and bool(_BYLINE.match(line))


def is_promo(line: str) -> bool:
    return bool(_PROMO.match(line))


def is_page_furniture(line: str) -> bool:
    """Copyright and standards lines, labelled page metadata and a bare publication stamp."""
    return len(line.split()) <= 40 and (bool(_PAGE_FURNITURE.search(line)) or bool(_DATED_STAMP.match(line)))


def is_author_contact(line: str) -> bool:
    """'Sarah Lind is the Gazette's transport correspondent. Contact her at sarah.lind@gazette.example.'"""
    return ("@" in line or "ollow" in line or "ontact" in line) and len(line.split()) <= 60 and \
        bool(_AUTHOR_CONTACT.search(line))


# A site's own notices a scraper keeps: cookie consent and paywall prompts ('Subscribe to continue
# reading. Already a subscriber? Log in.').
_SITE_NOTICE = re.compile(
    r"\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b|\b(?:accept|reject|manage)(?: all)? "
    r"cookies\b|\bcookie (?:policy|settings|preferences|notice)\b|\buse of cookies\b|"
    r"\b(?:subscribe|sign in|log in|register) to (?:continue|keep) reading\b|\balready (?:a )?(?:subscriber|"
    r"registered|have an account)\b|\b(?:reached|used) (?:your|all your) (?:\w+ )?(?:free )?(?:articles?|stories)\b|"
    r"\bthis (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b|"
    r"\b(?:please )?enable javascript\b",
    re.IGNORECASE,
)


_SITE_NOTICE_WORDS = ("cookie", "subscri", "log in", "sign in", "regist", "reached", "used", "members", "javascript")


def is_site_notice(line: str) -> bool:
    """A cookie-consent or paywall line of the site, not the report's."""
    folded = line.lower()
    return any(word in folded for word in _SITE_NOTICE_WORDS) and len(line.split()) <= 50 and \
        bool(_SITE_NOTICE.search(line))


def is_embedded_post(line: str) -> re.Match[str] | None:
    """The match of an embedded post's line (see EMBEDDED_POST), or None."""
    return EMBEDDED_POST.match(line) if "(@" in line else None


def _promo_lists(text: str, spans: list[Span]) -> set[Span]:
    """The short unended lines (story titles) right under a promo heading alone on its line."""
    found: set[Span] = set()
    for number, span in enumerate(spans):
        if not _PROMO_HEADING.match(text[span[0]:span[1]]):
            continue
        for item in spans[number + 1:]:
            line = text[item[0]:item[1]]
            if len(line.split()) > 14 or _ends_like_sentence(line):
                break
            found.add(item)
    return found


_AUTHOR_ABOUT = r"\s+(?:is|was|covers|has covered|reports on|writes about|writes on)\b"


def _author_notes(text: str, spans: list[Span], bylines: list[Span]) -> set[Span]:
    """A note about a bylined author in the report's second half ('Sarah Lind is the Gazette's local
    democracy reporter. She has covered the island for ten years.'): the author, not the story."""
    authors = {name for span in bylines
               for name in re.findall(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}",
                                      re.sub(r"^\W*(?:by|BY|By)\s+", "", text[span[0]:span[1]]))}
    if not authors:
        return set()
    pattern = re.compile(r"\s*(?:" + "|".join(re.escape(a) for a in sorted(authors, key=len, reverse=True)) +
                         r")" + _AUTHOR_ABOUT)
    half = len(spans) // 2
    return {span for span in spans[half:] if len(text[span[0]:span[1]].split()) <= 60 and
            pattern.match(text, span[0], span[1])}


def _repeated_prefix_lines(text: str, spans: list[Span]) -> set[Span]:
    """Adjacent lines where one starts with the whole other: a caption shown twice, once with a credit."""
    found: set[Span] = set()
    for first, second in zip(spans, spans[1:]):
        a, b = _norm(text[first[0]:first[1]]), _norm(text[second[0]:second[1]])
        if len(a.split()) < 3 or len(b.split()) < 3 or a == b:
            continue
        if a.startswith(b) or b.startswith(a):
            found.update((first, second))
    return found


def _repeated_lines(text: str, spans: list[Span]) -> set[Span]:
    """Earlier copies of a line repeated verbatim later (a dek or caption repeated in the body)."""
    seen: dict[str, Span] = {}
    found: set[Span] = set()
    for span in spans:
        key = _norm(text[span[0]:span[1]])
        if len(key.split()) < 4:
            continue
        if key in seen:
            found.add(seen[key])
        else:
            seen[key] = span
    return found


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of caption, credit, byline, promo, editorial-note, repeated and back-matter lines, in text order."""
    spans = list(line_spans(text))
    found = _repeated_prefix_lines(text, spans) | _repeated_lines(text, spans) | _back_matter(text, spans) | \
        _notes_under_headings(text, spans) | _promo_lists(text, spans)
    bylines = []
    for span in spans:
        line = text[span[0]:span[1]]
        if is_byline(line):
            bylines.append(span)
        elif (is_credit_line(line) or is_caption_line(line) or is_promo(line)
                or is_contact_line(line) or is_caution(line) or is_editorial_note(line) or is_author_contact(line)
                or is_page_furniture(line) or is_site_notice(line)):
            found.add(span)
    return tuple(sorted(found | set(bylines) | _author_notes(text, spans, bylines)))
