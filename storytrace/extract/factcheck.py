"""A report's verdicts on claims: a fact-check's labelled lines, and a correction of its own words.

Fact-checking articles set out the claim on a line of its own ('Claim: The city spent $2 million on
one bus shelter') and their finding on another ('Rating: False'). The claim line is the claimant's
word, not the fact-checker's own assertion; the verdict is the fact-checker's side on that claim.
Read as plain prose, the claim line had counted as the fact-checker supporting what it rates false.
A correction ('An earlier version of this article said Adair had been fired') withdraws what the
report once said: the outlet now denies it.
"""

from __future__ import annotations

import re
from typing import Sequence

from storytrace.schema import Document, Mention, Proposition, Speaker, Statement, content_id

# A label ends at a colon or dash with its text on the same line, or alone on its line with the text on
# the next ('Claim: ...'; 'Conclusion' then the verdict below it)
LABEL_END = r"(?:[ \t]*[:–—][ \t]*|[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
CLAIM_LINE = re.compile(rf"(?im)^[ \t]*(?P<label>(?:the\s+)?claim(?:\s+reviewed)?|what\s+was\s+claimed|"
                        rf"what\s+(?:was|is)\s+being\s+claimed){LABEL_END}(?P<claim>\S[^\n]*?)[ \t]*$")
VERDICT_LINE = re.compile(rf"(?im)^[ \t]*(?P<label>(?:our\s+)?(?:rating|verdict|ruling|conclusion|finding)|"
                          rf"truth-o-meter){LABEL_END}(?P<verdict>\S[^\n]*?)[ \t]*$")
# 'We rate this claim False.', 'We rate it Pants on Fire!'
VERDICT_SENTENCE = re.compile(r"\b(?P<label>We\s+rate\s+(?:this|that|the|it|his|her|their)(?:\s+(?:claim|statement|"
                              r"post|video))?)\s+(?P<verdict>[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)[.!]")
CLAIMANT_LINE = re.compile(rf"(?im)^[ \t]*(?:claimed\s+by|who\s+said\s+it|said\s+by|claimant|made\s+by|"
                           rf"source\s+of\s+(?:the\s+)?claim){LABEL_END}(?P<who>\S[^\n]*?)[ \t]*$")
MADE_THE_CLAIM = re.compile(r"(?P<who>[A-Z][^.\n]{1,80}?)\s+(?:made|repeated|posted|shared|spread|first\s+made)"
                            r"\s+(?:the|this|that)\s+claim\b")

# Verdicts, first words first ('Mostly false' before 'false'); a mixed or open verdict takes no side.
DENYING_VERDICTS = re.compile(r"^(?:mostly\s+false|false|pants\s+on\s+fire|fake|fabricated|incorrect|wrong|"
                              r"inaccurate|misleading|not\s+true|untrue|baseless|unsupported|debunked|"
                              r"(?:three|four)\s+pinocchios|partly\s+false|no\s+evidence)\b(?=\s*(?:$|[.!,;:(–—-]))",
                              re.IGNORECASE)
SUPPORTING_VERDICTS = re.compile(r"^(?:mostly\s+true|true|correct|accurate|confirmed|verified)\b(?=\s*(?:$|[.!,;:(–—-]))",
                                 re.IGNORECASE)
# A verdict written as a sentence about the claim: 'The claim is false', 'This is mostly true'
VERDICT_SUBJECT = re.compile(r"^(?:(?:the|this|that|his|her|their)\s+(?:claim|post|statement|video|figure)|this|that|it)"
                             r"\s+(?:is|was)\s+", re.IGNORECASE)
UNNAMED_CLAIMANT = "unnamed sources"
# Claimants that are content shared online rather than someone named ('Viral Facebook posts')
SHARED_CONTENT = re.compile(r"\b(?:posts?|users?|accounts?|videos?|pages?|messages?|tweets?|memes?|images?|"
                            r"bloggers?|websites?)\b", re.IGNORECASE)


def verdict_polarity(verdict: str) -> str | None:
    """deny for a false-type verdict, assert for a true-type one, None for a mixed or open one
    ('Half true', 'Mixture', 'Unproven', 'Missing context')."""
    words = VERDICT_SUBJECT.sub("", verdict.strip(" \t*_\"“”'."))  # 'Our ruling: The claim is false.'
    if DENYING_VERDICTS.match(words):
        return "deny"
    if SUPPORTING_VERDICTS.match(words):
        return "assert"
    return None


def _verdicts(text: str) -> list["re.Match[str]"]:
    """Verdict lines and 'We rate ...' sentences that take a side, in text order."""
    found = sorted((*VERDICT_LINE.finditer(text), *VERDICT_SENTENCE.finditer(text)), key=lambda m: m.start())
    return [m for m in found if verdict_polarity(m["verdict"]) is not None]


def reviews(text: str) -> list[tuple["re.Match[str]", "re.Match[str]", tuple[int, int]]]:
    """Each reviewed claim with each of its verdicts and the part of the text that is about it: the
    verdicts after the claim line and before the next one ('Claim 1 ... Rating: False ... Claim 2 ...
    Rating: True'; 'Verdict: False' at the top and 'Our ruling: The claim is false' at the end are
    two); with one claim, verdicts anywhere (a rating printed above the claim)."""
    claims = list(CLAIM_LINE.finditer(text)) if "laim" in text else []  # a quick check: most reports have none
    verdicts = _verdicts(text) if claims else []
    found = []
    for i, claim in enumerate(claims):
        limit = claims[i + 1].start() if i + 1 < len(claims) else len(text)
        own = [v for v in verdicts if claim.end() <= v.start() < limit] or (verdicts if len(claims) == 1 else [])
        section = (claim.start(), limit) if len(claims) > 1 else (0, len(text))
        found.extend((claim, verdict, section) for verdict in own)
    return found


def _claimant(document: Document, mentions: Sequence[Mention], label: tuple[int, int],
              section: tuple[int, int]) -> Speaker:
    """Who made the claim: a 'Claimed by:' line, else the subject of 'X made the claim' (in the
    claim's own part of the text), named by the person or organisation mentioned there; unnamed
    sources when the check does not say. The speaker stands at the claim's label and refers to the
    name where it is found."""
    text = document.text
    for pattern in (CLAIMANT_LINE, MADE_THE_CLAIM):
        found = pattern.search(text, *section)
        if found is None:
            continue
        start, end = found.span("who")
        if SHARED_CONTENT.search(found["who"]):  # 'Facebook posts', 'social media users': not the platform
            return Speaker(name=" ".join(found["who"].split()).rstrip("."), kind="anonymous", start=label[0],
                           end=label[1])
        named = [m for m in mentions if start <= m.start and m.end <= end and m.label in ("PERSON", "ORG", "GPE", "NORP")]
        if named:
            mention = max(named, key=lambda m: (m.label == "PERSON", m.end - m.start))
            kind = "person" if mention.label == "PERSON" else "organization"
            return Speaker(name=mention.text, kind=kind, start=label[0], end=label[1],
                           ref_start=mention.start, ref_end=mention.end)
    return Speaker(name=UNNAMED_CLAIMANT, kind="anonymous", start=label[0], end=label[1])


def factcheck_statements(document: Document, mentions: Sequence[Mention], said: Sequence[Statement]) -> list[Statement]:
    """Each reviewed claim, as its claimant's statement, and its verdict, as the outlet's. A claim line
    some statement already holds ('Claim: The mayor said ...') is left to it."""
    text = document.text
    outlet = document.outlet or document.title or document.source
    found = []
    for claim, verdict, section in reviews(text):
        start, end = claim.span("claim")
        if not any(s.start < end and start < s.end for s in (*said, *found)):
            label = claim.span("label")
            found.append(Statement(id=content_id("st", document.id, start, end, label[0]), doc=document.id,
                                   start=start, end=end, speaker=_claimant(document, mentions, label, section),
                                   cue=claim["label"], cue_start=label[0], cue_end=label[1], mode="indirect",
                                   text=text[start:end]))
        v_start, v_end = verdict.span("verdict")
        label = verdict.span("label")
        if any(s.start == v_start and s.cue_start == label[0] for s in found):
            continue  # one verdict printed for two claims is one statement
        found.append(Statement(id=content_id("st", document.id, v_start, v_end, label[0]), doc=document.id,
                               start=v_start, end=v_end, speaker=Speaker(name=outlet, kind="outlet", start=label[0],
                                                                          end=label[1]),
                               cue=verdict["label"], cue_start=label[0], cue_end=label[1], mode="indirect",
                               polarity=verdict_polarity(verdict["verdict"]) or "assert", text=text[v_start:v_end]))
    return found


def verdict_propositions(document: Document, statements: Sequence[Statement]) -> list[Proposition]:
    """Each verdict as a side on the claim it rates: the claim line's words, from the verdict's place,
    denying for 'False', supporting for 'True'."""
    text = document.text
    if not any(s.speaker.kind == "outlet" and s.cue_start < s.start for s in statements):
        return []
    found = []
    for claim, verdict, _ in reviews(text):
        rating = next((s for s in statements if (s.start, s.end) == verdict.span("verdict")
                       and s.cue_start == verdict.start("label")), None)
        if rating is None:
            continue
        start, end = verdict.start("label"), verdict.end("verdict")
        claimed = " ".join(claim["claim"].split()).rstrip(".")
        found.append(Proposition(id=content_id("prop", document.id, start, end, "verdict", claim.start()),
                                 doc=document.id, start=start, end=end, text=claimed, statement=rating.id,
                                 speaker=rating.speaker.name, speaker_kind=rating.speaker.kind,
                                 polarity=rating.polarity, verdict=True))
    return found


# 'Correction: An earlier version of this article said Adair had been fired by the board.'
CORRECTED = re.compile(r"(?im)^\W*(?:(?:corrections?|clarifications?|editor['’]?s['’]?\s+note)\s*[:\-–—]\s*)?"
                       r"(?:an?\s+|the\s+)?(?:earlier|previous|original)\s+version\s+of\s+this\s+"
                       r"(?:article|story|report|piece|post)\s+(?:incorrectly\s+|wrongly\s+|mistakenly\s+)?"
                       r"(?P<cue>said|stated|reported|claimed|suggested)\s+(?:that\s+)?"
                       r"(?P<claim>[^.\n]{12,}?)\.(?=\s|$)")


def correction_statements(document: Document) -> list[Statement]:
    """Each correction that names what the report once wrongly said, as the outlet's denial of it."""
    text = document.text
    if "version of this" not in text:
        return []
    outlet = document.outlet or document.title or document.source
    found = []
    for match in CORRECTED.finditer(text):
        start, end = match.span("claim")
        cue = match.span("cue")
        found.append(Statement(id=content_id("st", document.id, start, end, cue[0]), doc=document.id, start=start,
                               end=end, speaker=Speaker(name=outlet, kind="outlet", start=match.start(), end=cue[0]),
                               cue=match["cue"], cue_start=cue[0], cue_end=cue[1], mode="indirect", polarity="deny",
                               text=text[start:end]))
    return found
