"""Speaker turns of a transcript: 'CHIEF VANTREESE: I did not approve that policy.' Each turn is a
direct statement by the labelled speaker, whatever verbs it uses; the sentence parser finds no cue
in it. A document counts as a transcript when at least MIN_TURNS lines open with a speaker label
or a question from the floor ('QUESTION:') and two speakers take turns or one answers questions, so
an article's 'Note:' or 'Correction:' line is no turn. Also here: the answers of a Q&A interview, a
social-media post embedded in a report, and a quotation after a name or a short sentence about one
person ending in a colon, all said without a speech verb.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from storytrace.extract import lexicon as lx
from storytrace.extract.quotes import DOUBLE_MARKS
from storytrace.ingest.boilerplate import EMBEDDED_POST, POST_LINKS, is_embedded_post
from storytrace.schema import Document, Mention, Speaker, Statement, content_id

if TYPE_CHECKING:
    from storytrace.extract.quotes import Quote

LABEL_WORD = r"(?:[A-Z][\w.'’-]*|of|the|de|van|von|al|bin)"
# 'SENATOR FALK (Chemistry):', 'MR. RYAN (D-Ohio):', a parliament's 'Mr Tobias Grint (Northfield) (Lab):' and
# 'The Prime Minister (Daniel Ashworth):', whose first bracket names the office-holder
AFFILIATION = r"(?P<affiliation>(?:[ \t]*\([^()\n]{1,40}\)){0,3})"
TURN = re.compile(rf"^(?P<label>[A-Z][\w.'’-]*(?:[ \t]+{LABEL_WORD}){{0,5}}){AFFILIATION}[ \t]*(?P<colon>:)[ \t]+(?=\S)",
                  re.MULTILINE)
MIN_TURNS = 3
NOT_SPEAKERS = frozenset("""q a question answer note notes editor's editors correction corrections update
updated source sources photo photos image images caption credit related read more see also subject re from
to date cc bcc attachment attachments transcript excerpt item agenda present absent time location place
summary background contact media press tags topics hearing meeting session witness witnesses panel interview
attendees on in at for as about regarding with by and but so also filed posted published disclaimer warning ps p.s
finding findings recommendation recommendations conclusion conclusions inspection inspections status condition
rating result results outcome action actions observation observations description scope purpose objective objectives
introduction overview methodology method methods issue issues decision ruling verdict penalty cause reason notice
reference ref case structure highlights key next steps appendix annex table figure chart
""".split())
FIRST_PERSON = frozenset("i we me us my our".split())
ROLE_WORDS = lx.ROLE_NOUNS | lx.TITLE_MODIFIERS | frozenset("""council member councilmember councillor councilor committee
finance internal audit madam mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady the vice deputy acting interim city county
state police fire school board senate faculty court witness clerk moderator host interviewer speaker""".split())


def _is_speaker_label(label: str) -> bool:
    words = label.lower().split()
    return bool(words) and words[0] not in NOT_SPEAKERS


# Labels of a question from the floor in a briefing's transcript ('QUESTION: Will Westwave lose its contract?').
QUESTION_LABELS = frozenset({"q", "question", "reporter", "audience member", "journalist"})


def _is_question_label(label: str) -> bool:
    return " ".join(label.lower().split()) in QUESTION_LABELS


@lru_cache(maxsize=64)
def _turn_openings(text: str) -> tuple[tuple[re.Match[str], ...], tuple[re.Match[str], ...]]:
    """The speaker-turn and question openings of a transcript, when the document reads as one: at
    least MIN_TURNS turns, and two speakers or one answering questions ('MR PRICE:' / 'QUESTION:')."""
    asked = (lambda label: _is_question_label(label) and label.lower() != "q") if qa_turns(text) else _is_question_label
    found = [m for m in TURN.finditer(text) if _is_speaker_label(m.group("label")) or asked(m.group("label"))]
    turns = [m for m in found if not _is_question_label(m.group("label"))]
    questions = [m for m in found if _is_question_label(m.group("label"))]
    speakers = {" ".join(m.group("label").lower().split()) for m in turns}
    if len(found) >= MIN_TURNS and (len(speakers) >= 2 or (speakers and questions)):
        return tuple(turns), tuple(questions)
    return (), ()


def turn_matches(text: str) -> list[re.Match[str]]:
    """The document's speaker-turn openings, when it reads as a transcript; else none."""
    return list(_turn_openings(text)[0])


def question_turns(text: str) -> list[re.Match[str]]:
    """The openings of questions from the floor in a transcript ('QUESTION:'), which are no one's statements."""
    return list(_turn_openings(text)[1])


def _bracketed_holder(match: re.Match[str]) -> str | None:
    """The office-holder a label of roles names in its first bracket ('The Prime Minister (Daniel
    Ashworth)'): two to four capitalised words, none a role."""
    if any(w.lower().strip(".") not in ROLE_WORDS for w in match.group("label").split()):
        return None
    first = re.match(r"[ \t]*\(([^()]+)\)", match.group("affiliation") or "")
    words = first.group(1).split() if first else []
    name = list(itertools.dropwhile(lambda w: w.lower().strip(".") in ROLE_WORDS, words))  # '(Councillor Lewis Harrow)'
    if not 1 <= len(name) <= 4 or len(words) < 2 or \
            not all(w[:1].isupper() and w.lower().strip(".") not in ROLE_WORDS for w in name):
        return None
    inside = first.group(1)
    begin = inside.index(name[0])
    return inside[begin:inside.rindex(name[-1]) + len(name[-1])]


def turn_names(text: str) -> dict[str, tuple[str, int]]:
    """Each label of roles the transcript ties to a person by a bracket, by its folded label: the
    holder's name and where it stands, so that a later 'The Prime Minister:' is that person."""
    found: dict[str, tuple[str, int]] = {}
    for match in turn_matches(text):
        holder = _bracketed_holder(match)
        key = " ".join(match.group("label").lower().split())
        if holder is not None and key not in found:
            found[key] = (holder, match.start("affiliation") + match.group("affiliation").index(holder))
    return found


def with_turn_brackets(document: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with each bracketed office-holder of a transcript's labels ('The Prime Minister
    (Daniel Ashworth):') a person holding that role, so 'the Prime Minister' elsewhere is them; a name
    in another label's bracket is a constituency or a state ('Mr Tobias Grint (Northfield) (Lab):'),
    no person."""
    holders = turn_names(document.text)
    brackets = [match.span("affiliation") for match in turn_matches(document.text)]
    held_at = {start for _, start in holders.values()}
    found = [replace(m, label="GPE") if m.label == "PERSON" and m.start not in held_at and
             any(start <= m.start and m.end <= end for start, end in brackets) else m for m in mentions]
    for label, (holder, start) in holders.items():
        role = " ".join(w.strip(".") for w in label.split() if w not in ("the", "mr", "mr.", "madam"))
        at = next((i for i, m in enumerate(found) if m.start <= start < m.end), None)
        if at is None:
            found.append(Mention(doc=document.id, start=start, end=start + len(holder), text=holder, label="PERSON",
                                 roles=(role,)))
        elif role not in found[at].roles:
            found[at] = replace(found[at], label="PERSON", roles=(*found[at].roles, role))
    return sorted(found, key=lambda m: m.start)


def surname(label: str) -> str:
    """The name a label calls its speaker by: its last word that is not a role ('FINANCE DIRECTOR
    OSEI' -> 'Osei'); the whole label when it is all roles ('THE COURT')."""
    named = [w for w in label.split() if w.lower().strip(".") not in ROLE_WORDS]
    return named[-1].strip(".").title() if named else label.title()


def label_mentions(document: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """A person mention for each transcript speaker known only by a label ('PRICE' in 'MR PRICE:'
    when the text never names Ned Price otherwise), so every speaker of a briefing is an actor;
    labels that are all roles ('THE COURT:', 'MODERATOR:') name no one."""
    found = []
    for match in turn_matches(document.text):
        label = match.group("label")
        if not any(w.lower().strip(".") not in ROLE_WORDS for w in label.split()):
            continue
        name = surname(label)
        if _named_mention(mentions, name) is not None:
            continue
        start = match.start("label") + label.lower().rfind(name.lower())
        found.append(Mention(doc=document.id, start=start, end=start + len(name),
                             text=document.text[start:start + len(name)], label="PERSON"))
    return found


def _named_mention(mentions: Sequence[Mention], name: str) -> Mention | None:
    """The document's fullest mention ending with the label's name ('Dolores Vantreese' for VANTREESE)."""
    key = name.lower()
    found = [m for m in mentions if m.text.split() and m.text.split()[-1].lower().strip(".,") == key]
    people = [m for m in found if m.label == "PERSON"] or found
    return max(people, key=lambda m: (not m.text.isupper(), len(m.text), -m.start)) if people else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of [start, end), trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + match.start(), start + match.end()
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        while line_end > line_start and text[line_end - 1].isspace():
            line_end -= 1
        if line_end > line_start:
            spans.append((line_start, line_end))
    return spans


def _spoken(text: str, start: int, end: int) -> bool:
    """A line of speech, not a stage note ('(Recess at 10:51 p.m.)', '[inaudible]') or a heading."""
    line = text[start:end]
    return len(re.findall(r"\w+", line)) >= 2 and line[0] not in "([" and not line.isupper()


def transcript_statements(document: Document, mentions: Sequence[Mention]) -> list[Statement]:
    """One direct statement per paragraph a speaker says: the turn's own line and the paragraphs that
    follow it up to the next turn. The label's speaker is linked to the document's mention of that
    name when there is one. Lines after the last turn are left alone (a clerk's note, a credit)."""
    text = document.text
    turns, questions = _turn_openings(text)
    openings = sorted(m.start() for m in (*turns, *questions))
    statements = []
    holders = turn_names(text)
    for match in turns:
        label_start, label_end = match.span("label")
        holder = holders.get(" ".join(match.group("label").lower().split()))
        name = surname(holder[0]) if holder else surname(match.group("label"))
        mention = _named_mention(mentions, name)
        shown = mention.text if mention and not mention.text.isupper() else name  # 'HALVORSEN' reads 'Halvorsen'
        speaker = Speaker(name=shown, kind="person", start=label_start, end=label_end,
                          ref_start=mention.start if mention else None, ref_end=mention.end if mention else None)
        colon_start, colon_end = match.span("colon")
        later = [start for start in openings if start > match.start()]
        until = later[0] if later else text.find("\n", match.end())
        lines = _lines(text, match.end(), len(text) if until < 0 else until)
        for start, end in lines[:1] + [line for line in lines[1:] if _spoken(text, *line)]:
            if len(re.findall(r"\w+", text[start:end])) < 2 or document.in_boilerplate(start, end) or \
                    document.in_headline(start, end):
                continue
            statements.append(_said_after_colon(document, start, end, speaker, (colon_start, colon_end)))
    return statements


def _said_after_colon(document: Document, start: int, end: int, speaker: Speaker, colon: tuple[int, int]) -> Statement:
    """A direct statement of [start, end) by a speaker whose label or name ends at a colon."""
    return Statement(id=content_id("st", document.id, start, end, colon[0]), doc=document.id, start=start, end=end,
                     speaker=speaker, cue=":", cue_start=colon[0], cue_end=colon[1], mode="direct",
                     text=document.text[start:end])


# What a thing shows rather than says: 'The sample I saw suggests the full set is bigger'.
EVIDENCE_CUE = re.compile("|".join(sorted(w.rstrip("e") for w in lx.EVIDENCE_CUES)) + "|found", re.IGNORECASE)


def within_turns(statements: Sequence[Statement], turns: Sequence[Statement], text: str = "") -> list[Statement]:
    """Statements other than a turn speaker's own speech acts inside the turn ('I will say this: ...',
    'we are agreeing to ...', 'we ask for disclosure', however the document's own 'we' was resolved) and
    what the speaker reads from unnamed evidence ('The sample I saw suggests ...'), which the turn already
    holds; reported speech of others stays."""
    def own_act(statement: Statement) -> bool:
        said_as = text[statement.speaker.start:statement.speaker.end].lower() if text else ""
        own = statement.speaker.name.lower() in FIRST_PERSON or said_as in FIRST_PERSON or \
            (statement.speaker.kind == "anonymous" and bool(EVIDENCE_CUE.match(statement.cue)))
        return own and any(t.start <= statement.cue_start < t.end for t in turns)
    return [s for s in statements if not own_act(s)]


# A question-and-answer interview: 'Q: When did you first see the files?' / 'A: On Saturday morning.'
QA_TURN = re.compile(r"^[ \t]*(?P<label>Q|A|Question|Answer)[ \t]*(?P<colon>[:.]|[-–—])[ \t]+(?=\S)", re.MULTILINE)
MIN_QA_TURNS = 2  # of each kind


@lru_cache(maxsize=64)
def _qa_turns(text: str) -> tuple[re.Match[str], ...]:
    matches = list(QA_TURN.finditer(text))
    answers = sum(m.group("label")[0] == "A" for m in matches)
    return tuple(matches) if answers >= MIN_QA_TURNS and len(matches) - answers >= MIN_QA_TURNS else ()


def qa_turns(text: str) -> list[re.Match[str]]:
    """The document's question and answer openings, when it reads as a Q&A interview; else none."""
    return list(_qa_turns(text))


def _interviewee(document: Document, mentions: Sequence[Mention], before: int) -> Mention | None:
    """The person the headline and introduction name most often (ties: the first named), by their
    fullest mention; bylines and other boilerplate do not count."""
    people = [m for m in mentions if m.label == "PERSON" and m.end <= before and
              not document.in_boilerplate(m.start, m.end)]
    surnames = [m.text.split()[-1].lower() for m in people]
    if not surnames:
        return None
    chosen = max(dict.fromkeys(surnames), key=lambda key: (surnames.count(key), -surnames.index(key)))
    return max((m for m, key in zip(people, surnames) if key == chosen), key=lambda m: (len(m.text), -m.start))


# What an introduction says when the questions and answers are an interview, not a body's own FAQ.
# A deposition or a witness's examination reads the same way: 'Deposition of Harold Vance', 'Q. ... A. ...'.
INTERVIEW_WORDS = re.compile(r"\b(?:interview(?:s|ed)?|Q\s*&\s*A\s+with|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
                             r"sat\s+down\s+with|in\s+conversation\s+with|deposition\s+of|testimony\s+of|"
                             r"(?:direct\s+|cross[- ]?)?examination\s+(?:of|by)|deposed)\b", re.IGNORECASE)


def interview_statements(document: Document, mentions: Sequence[Mention]) -> list[Statement]:
    """One direct statement per paragraph of each answer of a Q&A interview, by the person its
    introduction names; the questions are the outlet's and say nothing of the interviewee's. The
    answers of a body's own questions and answers ('Q: How many jobs will be affected?') stay its word."""
    text = document.text
    turns = qa_turns(text)
    if not turns or not INTERVIEW_WORDS.search(text, 0, turns[0].start()):
        return []
    mention = _interviewee(document, mentions, turns[0].start())
    if mention is None:
        return []
    statements = []
    for number, match in enumerate(turns):
        if match.group("label")[0] != "A":
            continue
        speaker = Speaker(name=mention.text, kind="person", start=match.start("label"), end=match.end("label"),
                          ref_start=mention.start, ref_end=mention.end)
        until = turns[number + 1].start() if number + 1 < len(turns) else len(text)
        lines = _lines(text, match.end(), until)
        for start, end in lines[:1] + list(itertools.takewhile(lambda line: not _labelled_turn(text, line[0]), lines[1:])):
            if len(re.findall(r"\w+", text[start:end])) < 2 or document.in_boilerplate(start, end) or \
                    not _spoken(text, start, end) and start != lines[0][0]:
                continue
            statements.append(_said_after_colon(document, start, end, speaker, match.span("colon")))
    return statements


def _labelled_turn(text: str, start: int) -> bool:
    """A line another speaker's label opens ('MS. OKAFOR: Nothing further.'), which ends an answer."""
    match = TURN.match(text, start)
    label = match.group("label") if match else ""
    return match is not None and _is_speaker_label(label) and not _is_question_label(label)


def embedded_posts(document: Document, mentions: Sequence[Mention]) -> list[Statement]:
    """A social-media post embedded in the report ('... — Moira Dunn (@moiradunn) March 10, 2026') is
    a direct statement of the account's holder: the post's words without their links."""
    text = document.text
    statements: list[Statement] = []
    if "(@" not in text:
        return statements
    lines = _lines(text, 0, len(text))
    for number, (start, end) in enumerate(lines):
        match = is_embedded_post(text[start:end])
        if match is None or document.in_headline(start, end):
            continue
        if match.group("body") is not None:
            body_end = start + match.end("body")
        elif number > 0:  # the signature on a line of its own: the post is the line before
            start = lines[number - 1][0]
            body_end = start + len(re.sub(POST_LINKS + r"\s*$", "", text[start:lines[number - 1][1]]))
            match = EMBEDDED_POST.match(text[start:end])
            if match is None:
                continue
        else:
            continue
        body_start = body_end - len(text[start:body_end].lstrip(" \"“'‘"))
        if len(re.findall(r"\w+", text[body_start:body_end])) < 2:
            continue
        name_start, name_end = start + match.start("name"), start + match.end("name")
        mention = next((m for m in mentions if m.start == name_start and m.end <= name_end), None)
        kind = "person" if mention is None or mention.label == "PERSON" else "organization"
        speaker = Speaker(name=text[name_start:name_end].strip(), kind=kind, start=name_start, end=name_end,
                          ref_start=name_start, ref_end=name_end)
        handle = (start + match.start("handle"), start + match.end("handle"))
        statements.append(Statement(id=content_id("st", document.id, body_start, body_end, handle[0]), doc=document.id,
                                    start=body_start, end=body_end, speaker=speaker, cue=text[handle[0]:handle[1]],
                                    cue_start=handle[0], cue_end=handle[1], mode="direct",
                                    text=text[body_start:body_end]))
    return statements


LABELLED_QUOTE = re.compile(r"(?P<colon>:)[ \t]*(?=[\"“])")


LEAD_IN_WORDS = 15
# Someone of a person's, named after them: "'s lawyer", ' agent', "'s former publicist"
ONES_AGENT = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+)?(?:" + "|".join(sorted(lx.ROLE_NOUNS | {"agent", "agents", "publicist",
                        "rep", "representative", "wife", "husband", "partner", "family", "brother", "sister", "mother",
                        "father", "son", "daughter", "friend"})) + r")\b")


def _one_person_leading_in(text: str, mentions: Sequence[Mention], colon: int) -> Mention | None:
    """The one person a short sentence ending in a colon before a quotation is about ('Alan Smith,
    the council leader, was unrepentant: "..."', 'Smith put it bluntly: "..."'): that person's words."""
    start = max(text.rfind(mark, 0, colon) for mark in ".!?\n") + 1
    lead_in = text[start:colon]
    if len(lead_in.split()) > LEAD_IN_WORDS or any(mark in lead_in for mark in DOUBLE_MARKS | {"‘", "’"}):
        return None
    named = [m for m in mentions if start <= m.start and m.end <= colon and m.label in ("PERSON", "ORG", "NORP", "GPE")]
    if any(m.label != "PERSON" for m in named) or len({m.text.split()[-1] for m in named}) != 1:
        return None  # a body or a place named too, or no one, or two people
    if ONES_AGENT.match(text, named[-1].end, colon):
        return None  # "Tiago Mendes's lawyer was blunt:", 'Mendes agent:': someone speaking for them
    return named[0]


def labelled_quotes(document: Document, mentions: Sequence[Mention], quotes: Sequence["Quote"],
                    said: Sequence[Statement]) -> list[Statement]:
    """'Secretary of the Air Force James Roche: "No, Sir, save it ..."': a quotation after a person's
    name and a colon, with no speech verb, is that person's (an exchange of emails or remarks set out
    one per line). A quotation some statement already holds is left to it."""
    text = document.text
    people = {m.end: m for m in mentions if m.label == "PERSON"}
    found = []
    for match in LABELLED_QUOTE.finditer(text):
        name_end = match.start()
        while name_end > 0 and text[name_end - 1] in " \t":
            name_end -= 1
        mention = people.get(name_end) or _one_person_leading_in(text, mentions, match.start())
        quote = next((q for q in quotes if q.start == match.end()), None)
        if mention is None or quote is None or quote.inner_end - quote.inner_start < 8 or \
                any(s.start < quote.inner_end and quote.inner_start < s.end for s in said) or \
                document.in_boilerplate(quote.start, quote.end):
            continue
        speaker = Speaker(name=mention.text, kind="person", start=mention.start, end=mention.end,
                          ref_start=mention.start, ref_end=mention.end)
        found.append(_said_after_colon(document, quote.inner_start, quote.inner_end, speaker, match.span("colon")))
    return found
