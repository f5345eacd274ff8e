"""Where an assertion ultimately comes from, so that repeats of one source count once.

- A statement's origin is its speaker, except inside a scope: after "Netanyahu shared the details"
  the account that follows (including what Putin is said to have said in it) is Netanyahu's; after
  "THE TRANSCRIPTS show that ... Kislyak called Flynn", what Kislyak and Flynn say is the
  transcripts'. A narrative scope runs to the end of the document or to a statement by someone the
  account never mentioned; a document scope ends at a statement by anyone outside the document.
- An outlet speaking for someone is that someone: when a report says the outlet got the story from
  a person ("In a closed meeting with Israel Hayom, Netanyahu shared the details"), what that outlet
  reported is that person's, in every document of the story.
- A reporter's own assertion belongs to the document's outlet, unless the document credits another
  outlet with the story ("first reported in Israel Hayom") and the claim's other sides reach back to
  that outlet or its source: then it is a repeat of that source.
- One source goes by one name across the story (`OriginNames`): "Chair Gail Holloway" and
  "Nakamura" are the story's Gail Holloway and Ellis Nakamura, "a Harbourline spokesman" and
  "Harbourline" are Harbourline Freight Systems, "Olander's report" is Olander's word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Mapping, Sequence

from storytrace import gazetteer, names
from storytrace.extract import lexicon as lx
from storytrace.extract.statements import SIGNATORY
from storytrace.extract.timex import MONTHS, WEEKDAYS
from storytrace.link.entities import public_body_parts
from storytrace.schema import Document, Entity, Proposition, Provenance, Statement

NARRATION = re.compile(
    r"\b(?:shared|gave|described|recounted|revealed|related|laid out|told)\s+(?:(?:the|his|her|their|an?|full|own|inside)\s+)*"
    r"(?:details|story|account|version|narrative|events)\b", re.IGNORECASE)
OUTLET_CONTACT = re.compile(r"\b(?:with|to|told|interview with|meeting with|briefing)\b", re.IGNORECASE)
CREDIT = re.compile(
    r"\b(?:first|originally|initially|exclusively)\s+(?:(?P<published>published|appeared|ran)|reported|revealed|disclosed)"
    r"\s+(?:in|by|on)\s+", re.IGNORECASE)
# The report itself is another publication's, run again: 'This article was originally published by The
# Conversation', 'This story first appeared in ProPublica', 'The article was published by ...' opening a
# sentence; not 'the article published by the Courant on 11 February', which is another report.
REPUBLISHED = re.compile(
    r"\b(?:article|story|piece|post|column|essay|report)\s+"
    r"(?:(?:was|is|has\s+been)\s+(?:first\s+|originally\s+)?(?:published|republished|posted)|"
    r"(?:first\s+|originally\s+)?(?:appeared|ran))\s+(?:in|by|on|from)\s+", re.IGNORECASE)
SELF_REFERENCE = re.compile(r"(?:\b[Tt]his|(?:^|[.!?]\s|\n)\W*(?:This|THIS|The|THE))\s+$")
# A publication named after a verb of publishing, known or not: 'originally published by The Conversation'.
PUBLICATION_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w'’.&-]*){0,4}")
NOT_A_PUBLICATION = re.compile(r"(?:The\s+)?(?:" + "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS)) + r")\b")
SOURCE_KINDS = ("person", "organization", "anonymous", "document")
# Who speaks for a body: its spokesman, its press office, its officials ("Hospital officials").
SPEAKING_FOR = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?P<before>.+?)(?:['’]s)?\s+)?(?:chief\s+|senior\s+|official\s+|press\s+)?"
    r"(?:spokes(?:man|woman|person)|press\s+officer|press\s+office|representative|reps?|publicists?|officials|executives|trustees|directors|leaders|"
    r"(?:observers|monitors|inspectors|investigators|analysts?)(?=\s+(?:for|of|at|from|with)\s))"  # a mission's: 'observers from
    # the OSCE', a bank's research: 'analysts at Morgan Stanley'
    r"(?:\s+(?:for|of|at|from|with)\s+(?P<after>.+))?$", re.IGNORECASE)
# A spokesperson who names no body: the one that spoke just before, within this many characters.
BARE_SPOKESPERSON = re.compile(r"an?\s+(?:(?:company|firm|group|ministry|agency|department|council|club|airline|"
                               r"utility|union|bank|government)\s+)?spokes(?:man|woman|person)", re.IGNORECASE)
BODY_REACH = 400
# The office that speaks for one person: "the mayor's office", "Netanyahu's office", "the prime minister's press office".
PERSONS_OFFICE = re.compile(r"^(?:the\s+)?(?P<owner>[\w .'-]+?)['’]s?\s+(?:private\s+|press\s+)?office$", re.IGNORECASE)
RECORD_NOUNS = (r"(?:report|statement|letter|memo|diary|notes|affidavit|testimony|email|emails|post|posting|account|"
                r"petition|complaint|filing|lawsuit|submission|review|analysis|findings|investigation|"
                r"data|figures|records|documents|commentary|timeline|website|log|announcement|video|footage|"
                r"photos?|photographs?|images?|recording|tweet|message|clip|readout)")
# A record in its author's name: "Olander's report", "Ballotline's own letter to the union's executive",
# "a letter from Ballotline Services, the firm that ran the ballot".
RECORD_NAME = r"(?:[\w-]+\s+){0,2}" + RECORD_NOUNS  # 'report', '48-page report', 'internal audit findings'
RECORD_ADDRESSEE = r"(?:\s+(?:to|for|on|about)\s+.+)?"  # 'letter to the union's executive', 'testimony to the committee'
OWN_RECORD = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?:own\s+)?" + RECORD_NAME + RECORD_ADDRESSEE + "$", re.IGNORECASE)
RECORD_BY = re.compile(r"^(?:(?:an?|the)\s+)?" + RECORD_NAME  # 'Statement by Boeing', 'report published on Thursday by'
                       + r"(?:\s+of\s+(?:an?|the|their|his|her|its)\s+(?:call|meeting|conversation|talks)\b.*?,?)?"
                       + r"(?:\s+(?:published|released|compiled|issued|prepared|produced|written|filed|submitted|"
                       + r"posted|uploaded|shared|filmed|recorded|tweeted)"
                       + r"(?:\s+(?:on|in|last|this|earlier|late|early)(?:\s+[\w,]+){1,3}?)?)?\s+by\s+"
                       + r"(?P<owner>.+?)" + RECORD_ADDRESSEE + "$", re.IGNORECASE)
RECORD_ON_SITE = re.compile(r"^(?:(?:an?|the)\s+)?" + RECORD_NAME  # 'a statement on Apple's website'
                            + r"\s+(?:on|in)\s+(?P<owner>.+?)['’]s?\s+(?:official\s+|own\s+)?"
                            r"(?:website|web\s+site|site|blog|homepage|home\s+page|page|account|feed)$", re.IGNORECASE)
RECORD_FROM = re.compile(r"^(?:(?:an?|the)\s+)?" + RECORD_NAME  # 'an email from Burkhardt & Associates to James Roche'
                         + r"\s+from\s+(?P<owner>[^,]+?)(?:,.*)?" + RECORD_ADDRESSEE + "$", re.IGNORECASE)
UNIT_WORDS = frozenset("""office board department team unit committee division desk press council staff senate faculty
communications relations media station branch bureau secretariat newsroom counsel""".split())
ORGANISATION_HEAD_WORDS = frozenset("""bureau division department ministry agency authority commission
board trust council committee branch office service directorate inspectorate regulator union court
company firm utility district""".split())
RECORD_FILLERS = frozenset("the a an its his her their our this that s own new latest".split())
HEADING_CHARS = 600  # how far into a document it may still be naming itself


def _heading(document: Document) -> str:
    """A document's title and opening lines, where it names itself ('AFFIDAVIT OF INVESTIGATOR ...')."""
    return f"{document.title or ''} {document.text[:HEADING_CHARS]}"


def _stems(text: str) -> set[str]:
    return {_word_stem(w) for w in re.findall(r"[a-z]+", text.casefold())}


def _word_stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# The record a name ends in: 'an investigator's affidavit', 'the Flynn-Kislyak transcripts'.
RECORD_HEAD = re.compile(r"\b(" + RECORD_NOUNS + r"|transcripts?|minutes|deposition|ruling|order)\W*$", re.IGNORECASE)
# A record named without its author: "Review", "the preliminary findings", "our investigation to date".
BARE_RECORD = re.compile(r"^(?:(?:the|this|our|its)\s+)?" + RECORD_NAME + r"(?:\s+to\s+date)?$",
                         re.IGNORECASE)
# Staff named for their work, with the stem of that work: investigators, inspectors, auditors, regulators.
STAFF_NOUN = re.compile(r"(?P<work>investigat|inspect|audit|regulat|examin|prosecut)(?:ors|ers)")
# A body named by whose it is: "Orvenia's ministry" for the Ministry of Interior of Orvenia.
POSSESSED_BODY = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)['’]s?\s+(?P<body>[a-z][\w-]*)$")
FUNCTION_WORDS = frozenset("i he she it we they you this that these those".split())
LINKING_WORDS = frozenset("of by for at in from on to".split())
JOINING_WORDS = frozenset({"and", "&"})  # 'Karsova' is one of 'Dravonia and Karsova', not a short form of them


@dataclass(frozen=True)
class Origin:
    """A source an assertion comes from: a comparison key and a display name."""

    key: str
    name: str
    kind: str


@dataclass(frozen=True)
class Scope:
    """Text [start, end) of one document told on someone's authority."""

    doc: str
    start: int
    end: int
    origin: Origin
    participants: frozenset[str]
    kind: str  # "narrative" | "document"


def record_owner(name: str) -> str | None:
    """Whose record a record's name says it is: "Olander's report", "a letter from Ballotline",
    "a statement by Boeing", "a statement on Apple's website"; None for a record of no one named."""
    record = RECORD_ON_SITE.match(name) or OWN_RECORD.match(names.strip_article(name)) or RECORD_FROM.match(name) \
        or RECORD_BY.match(name)
    return record.group("owner") if record else None


# A report of someone's speech inside an outlet's report ('... Hana Keller said'), and how far into the
# clause the speaker's name may start (after a title: 'former Veltrix scientist').
NESTED_SPEECH = re.compile(r"say|says|said|saying|tell|tells|told|telling", re.IGNORECASE)
NAMED_WITHIN = 40


def origin_of_speaker(statement: Statement) -> Origin:
    """The statement's speaker as an origin, keyed by entity when linked."""
    speaker = statement.speaker
    key = speaker.entity or f"{speaker.kind}:{names.org_key(speaker.name)}"
    return Origin(key=key, name=speaker.name, kind=speaker.kind)


# A court filing's caption ('Arkwright et al. v. Allerton Mutual: class action complaint', 'Verified
# petition ... (Ivey v. City of Halvergate)'): the first party filed it, and its unattributed
# allegations are that party's word, not the court's. Hearings, transcripts and rulings are the court's;
# an affidavit is its witness's.
CAPTION = re.compile(r"(?:^|[(,:]\s*)(?P<first>[A-Z][^:(),]*?)\s+v\.?\s+(?P<second>[A-Z][^:()]*)")
FILED_BY_FIRST_PARTY = re.compile(r"\b(?:complaint|petition|claim|lawsuit|suit|writ)\b", re.IGNORECASE)
NOT_A_FILING = re.compile(r"\b(?:transcript|hearing|judgment|judgement|ruling|order|decision|verdict|affidavit|declaration)\b",
                          re.IGNORECASE)
# How other reports name such a filing or its filers: 'the lawsuit says', 'court papers', 'the plaintiffs'.
FILING_WORDS = frozenset("""lawsuit suit complaint petition filing papers plaintiffs plaintiff claimants claimant
petitioners petitioner""".split())


# A filing called by its kind alone ('the lawsuit claims', 'according to the complaint', 'the suit alleges').
BARE_FILINGS = frozenset("lawsuit suit complaint petition filing".split())


# How a court paper names the parties of its caption: the first party, then the second.
PARTY_ROLES = {**dict.fromkeys(("plaintiff", "plaintiffs", "petitioner", "petitioners", "claimant", "claimants",
                                "appellant", "appellants"), 0),
               **dict.fromkeys(("defendant", "defendants", "respondent", "respondents", "appellee", "appellees"), 1)}


def caption_party(document: Document, role: str) -> str | None:
    """The caption party a court paper means by 'Defendant', 'Plaintiffs', 'the respondent' ... ('Harlan
    County' in 'Oregon Voter Access Project v. Harlan County: Opinion and Order'); None elsewhere."""
    which = PARTY_ROLES.get(re.sub(r"^the\s+", "", role.strip().casefold()))
    caption = CAPTION.search(document.title or "") if which is not None else None
    if caption is None:
        return None
    name = caption.group("first" if which == 0 else "second").strip()
    return re.sub(r",?\s+et\s+al\.?$", "", name) or None


def filing_party(document: Document) -> str | None:
    """The party that filed a court document, from the caption in its title, as the caption names it
    ("Arkwright et al.": the plaintiffs, not Denise Arkwright alone); None for anything else."""
    title = document.title or ""
    caption = CAPTION.search(title)
    if caption is None or not FILED_BY_FIRST_PARTY.search(title) or NOT_A_FILING.search(title):
        return None
    return caption.group("first").strip() or None


def _outlet_key(name: str) -> str:
    """How the story's outlets and the outlets its sides name are compared ('The Examiner' = 'Examiner')."""
    return names.org_key(names.strip_article(name))


def outlet_origin(name: str) -> Origin:
    canonical = gazetteer.outlet_name(name) or name
    return Origin(key=f"outlet:{names.org_key(canonical)}", name=canonical, kind="outlet")


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1, 0)
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return start, (min(stops) + 1 if stops else len(text))


def _person_mentions(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    found: dict[str, list[tuple[int, int, Entity]]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            found.setdefault(mention.doc, []).append((mention.start, mention.end, entity))
    for spans in found.values():
        spans.sort(key=lambda item: item[0])
    return found


def _surnames(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Z][A-Za-z'’-]+", text)}


def narrative_scopes(document: Document, statements: Sequence[Statement], entities: Sequence[Entity]) -> list[Scope]:
    """Accounts a named person gives ("X shared the details") and documents speaking ("the transcripts show")."""
    people = _person_mentions(entities).get(document.id, [])
    people_by_id = {e.id: e for e in entities if e.type == "PERSON"}
    scopes: list[Scope] = []
    for match in NARRATION.finditer(document.text):
        if document.in_boilerplate(match.start(), match.end()):
            continue
        sentence_start, sentence_end = _sentence_bounds(document.text, match.start())
        before = [p for p in people if sentence_start <= p[0] < match.start()]
        if not before:
            continue
        narrator = before[-1][2]
        origin = Origin(key=narrator.id, name=narrator.name, kind="person")
        scopes.append(Scope(document.id, sentence_end, len(document.text), origin, frozenset(), "narrative"))
    for statement in statements:
        if statement.doc != document.id or statement.speaker.kind != "document":
            continue
        low = min(statement.start, statement.speaker.start)
        high = max(statement.end, statement.speaker.end)
        participants = frozenset(w for start, end, person in people if low <= start < high
                                 for w in _surnames(person.name))
        reach = high if statement.cue_start > statement.start and statement.cue in lx.SOURCE_PREPOSITIONS else \
            len(document.text)  # '..., according to the emails.' sources its own sentence, not the story after it
        scopes.append(Scope(document.id, statement.start, reach, _record_origin(statement, people_by_id),
                            participants, "document"))
    return _closed_scopes(sorted(scopes, key=lambda s: s.start), statements, document)


def _record_origin(statement: Statement, people_by_id: Mapping[str, Entity]) -> Origin:
    """A record's origin: the person it is linked to when it is theirs ('a readout of the call released by
    the senator's office'), else the record as its speaker."""
    owner = people_by_id.get(statement.speaker.entity or "") if _released_by_an_office(statement) else None
    return Origin(owner.id, owner.name, "person") if owner is not None else origin_of_speaker(statement)


def _released_by_an_office(statement: Statement) -> bool:
    """Whether the speaker is a record whose author is someone's office ('released by the senator's office')."""
    owner = record_owner(statement.speaker.name.strip()) if statement.speaker.kind == "document" else None
    return owner is not None and PERSONS_OFFICE.match(owner) is not None


def _speaker_words(statement: Statement) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z'’-]+", statement.speaker.name)}


def _closed_scopes(scopes: list[Scope], statements: Sequence[Statement], document: Document) -> list[Scope]:
    """Each scope ends at the next scope of the document or at the first statement it cannot hold."""
    closed: list[Scope] = []
    own = sorted((s for s in statements if s.doc == document.id), key=lambda s: s.start)
    for number, scope in enumerate(scopes):
        end = scopes[number + 1].start if number + 1 < len(scopes) else scope.end
        for statement in own:
            if statement.start < scope.start or statement.start >= end:
                continue
            if not _scope_holds(scope, statement, document):
                later = [p for p in (statement.speaker.start, statement.start) if p > scope.start]
                end = min(later) if later else statement.start  # a quote before its speaker leaves too
                break
        closed.append(Scope(scope.doc, scope.start, max(scope.start, end), scope.origin, scope.participants, scope.kind))
    return closed


def _scope_holds(scope: Scope, statement: Statement, document: Document) -> bool:
    """Whether a statement inside a scope is still told on the scope's authority."""
    if origin_of_speaker(statement).key == scope.origin.key:
        return True
    if _told_this_outlet(statement, document):
        return False  # 'Emails obtained by the Tribune show ... "...," Falk told the Tribune': said to the reporter
    speaker = _speaker_words(statement)
    if statement.speaker.kind in ("anonymous", "outlet") or not speaker:
        return False
    if scope.kind == "document":
        return bool(speaker & scope.participants)
    earlier = _surnames(document.text[scope.start:statement.start])
    return bool(speaker & earlier)


def _told_this_outlet(statement: Statement, document: Document) -> bool:
    """The speaker said it to the reporting outlet itself ('he told the Tribune', 'told the Callow
    Ridge Tribune in an interview'), not within a document or an account the article relays."""
    words = (document.outlet or "").split()
    if not words:
        return False
    after = document.text[statement.cue_start:statement.cue_end + 60]
    return re.match(rf"(?:told|tells|telling)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}{re.escape(words[-1])}\b",
                    after) is not None


def outlet_sources(documents: Sequence[Document], scopes: Iterable[Scope]) -> dict[str, Origin]:
    """Outlet key -> the person an outlet got its story from, read off "with/told OUTLET, X shared ..."."""
    found: dict[str, Origin] = {}
    by_id = {d.id: d for d in documents}
    for scope in scopes:
        if scope.kind != "narrative":
            continue
        document = by_id[scope.doc]
        sentence_start, _ = _sentence_bounds(document.text, max(scope.start - 2, 0))
        sentence = document.text[sentence_start:scope.start]
        for outlet in _outlets_in(sentence):
            if OUTLET_CONTACT.search(sentence):
                found.setdefault(outlet_origin(outlet).key, scope.origin)
    return found


def _outlets_in(text: str) -> list[str]:
    """Outlet names from the gazetteer that occur in text."""
    found = []
    for candidate in re.findall(r"(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}", text):
        words = candidate.split()
        for size in range(len(words), 0, -1):
            for first in range(0, len(words) - size + 1):
                name = " ".join(words[first:first + size])
                if gazetteer.outlet_name(name, allow_ambiguous=False):
                    found.append(name)
                    break
            else:
                continue
            break
    return found


# 'I, Dana Whitcombe, being duly sworn, state as follows': who swore a document, near its top.
SWORN_BY = re.compile(SIGNATORY.pattern + r"\s+(?:being\s+)?(?:first\s+)?duly\s+sworn")
SWORN_WITHIN = 3000


def signatory(document: Document) -> str | None:
    """The person who swore the document (an affidavit's affiant), if it says so near its top."""
    match = SWORN_BY.search(document.text[:SWORN_WITHIN])
    return match.group(1) if match else None


# A heading that labels a piece of opinion: 'Opinion: Westwave has had its last chance', 'Comment | ...'.
OPINION_LABEL = re.compile(r"^\W*(?:opinion|comment|op-ed|oped|column|viewpoint|commentary|perspective|guest column)"
                           r"\s*[:|—–-]", re.IGNORECASE)


def columnist(document: Document) -> str | None:
    """The author of an opinion piece, whose word its own sentences are ('I do not believe it'): one
    labelled so, or a guest piece whose author's note says who they are ('Tomas Ekwueme is general
    secretary of the dockworkers' union.') and that speaks in the first person; a news report's own
    sentences stay its outlet's."""
    if not document.author:
        return None
    heading = document.title or (document.text[document.headline[0]:document.headline[1]] if document.headline else "")
    return document.author if OPINION_LABEL.match(heading) or _guest_piece(document) else None


FIRST_PERSON = re.compile(r"(?<![\"“‘'])\b(?:I|my|we|our)\b(?![^\"“”]*[”\"])")


def _guest_piece(document: Document) -> bool:
    """An author's note ('<author> is ...', 'The author is ...') on a line of its own, and the body in
    the first person outside quotations."""
    author = re.escape(" ".join(document.author.split()))
    note = re.search(rf"(?m)^[ \t]*(?:{author}|the\s+(?:author|writer))\s+(?:is|was|has\s+been|serves\s+as|"
                     rf"chairs|leads|heads|directs|teaches|works)\b[^\n]{{0,200}}$", document.text, re.IGNORECASE)
    return note is not None and len(FIRST_PERSON.findall(document.text)) >= 2


# The wire service a dateline names: 'KYIV (Reuters) -', 'NEW YORK, March 3 (AP) —'.
WIRE_IN_DATELINE = re.compile(r"\(([A-Za-z .&-]{1,40})\)\s*[—–-]{1,2}$")


# A news service credited with part of the reporting: 'Additional reporting by Reuters', a closing
# '(With AFP)' or '- with Reuters'.
CONTRIBUTOR = re.compile(r"\b(?:additional|further|extra)\s+reporting\s+(?:by|from)\s+|^[ \t(—–-]*with\s+(?=[^\n]{1,40}$)",
                         re.IGNORECASE | re.MULTILINE)


def _own_key(document: Document) -> str | None:
    """The key of the document's own outlet, which it never cites."""
    return names.org_key(document.outlet) if document.outlet else None


def contributor_provenance(document: Document) -> list[Provenance]:
    """'reporting by' edges for the news services a report credits with part of its reporting."""
    own = _own_key(document)
    edges = []
    for match in CONTRIBUTOR.finditer(document.text):
        for outlet in _outlets_in(document.text[match.end():match.end() + 40].split("\n")[0]):  # 'With AFP and AP'
            name = outlet.rstrip(".")
            start = document.text.find(name, match.end())
            if names.org_key(name) != own:
                edges.append(Provenance(doc=document.id, cites=name, relation="reporting by", start=start,
                                        end=start + len(name)))
    return edges


def copied_from(document: Document, credits: Sequence[Provenance] | None = None,
                story_outlets: Iterable[str] = ()) -> str | None:
    """The news service or publication whose copy the document runs: a wire in its dateline, or the
    publication it says it was first published by. `credits`: its `credit_provenance`, when known;
    `story_outlets`: the outlets of the story's reports (see `wire_provenance`)."""
    credits = credit_provenance(document) if credits is None else credits
    edges = wire_provenance(document, story_outlets) + [e for e in credits if e.relation == "republished from"]
    return edges[0].cites if edges else None


def wire_provenance(document: Document, story_outlets: Iterable[str] = ()) -> list[Provenance]:
    """A 'wire copy of' edge when the document's first dateline names a news service other than its
    own outlet ('LONDON (Reuters) -' in the Evening Star): the report is that service's copy. The
    service is a known one, or one of `story_outlets` (the outlets of the story's reports: 'ARDEN
    (Newswire) -' where the story holds Newswire's own report)."""
    from storytrace.extract.datelines import dateline_spans

    own = _own_key(document)
    by_key = {names.org_key(name): name for name in story_outlets}
    for start, end in dateline_spans(document.text)[:1]:
        match = WIRE_IN_DATELINE.search(document.text[start:end])
        wire = match and (gazetteer.outlet_name(match.group(1).strip()) or by_key.get(names.org_key(match.group(1).strip())))
        if wire and names.org_key(wire) != own:
            begin = start + match.start(1)
            return [Provenance(doc=document.id, cites=wire, relation="wire copy of", start=begin,
                               end=begin + len(match.group(1).strip()))]
    return []


# A credit for the story as a whole ('The story of Putin's veto, first reported in Israel Hayom, ...'),
# not for one fact ('a figure first reported by the Examiner', 'The cuts were first reported by ...').
WHOLE_STORY = re.compile(r"\b(?:the|this)\s+(?:story|news)\b(?![^.!?\n]*[.!?\n])", re.IGNORECASE)


def credited_outlets(document: Document, credits: Sequence[Provenance] | None = None) -> list[str]:
    """Outlets the document credits with the story as a whole: 'The story of Putin's veto – first
    reported in Israel Hayom this week – is true'; its own sentences may repeat their sources.
    `credits`: its `credit_provenance`, when known."""
    text = document.text
    credits = credit_provenance(document) if credits is None else credits
    return [edge.cites for edge in credits if edge.relation == "first reported by"
            and WHOLE_STORY.search(text, max(0, text.rfind(".", 0, edge.start), text.rfind("\n", 0, edge.start)), edge.start)]


def _credits(text: str) -> list[tuple["re.Match[str]", bool]]:
    """CREDIT phrases and the report's own republication notes, each with whether it is one."""
    notes = [m for m in REPUBLISHED.finditer(text) if SELF_REFERENCE.search(text, max(0, m.start() - 30), m.start())]
    ends = {m.end() for m in notes}
    found = [(m, False) for m in CREDIT.finditer(text) if m.end() not in ends] + [(m, True) for m in notes]
    return sorted(found, key=lambda item: item[0].start())


# The credit with the outlet first: 'Bloomberg News first reported the talks', 'The FT was the first to report'.
ACTIVE_CREDIT = re.compile(r"(?P<name>" + PUBLICATION_NAME.pattern + r")\s+(?:first\s+reported|was\s+the\s+first\s+to\s+"
                           r"report|(?:first\s+)?broke\s+the\s+(?:news|story))\b")


def _is_outlet(name: str, story_keys: Collection[str]) -> bool:
    """A news outlet: a known or masthead-worded one, or one of the story's own reports' outlets."""
    return gazetteer.is_news_outlet(name) or names.org_key(name) in story_keys


def _active_credits(document: Document, own: str | None, story_keys: Collection[str] = ()) -> list[Provenance]:
    """'first reported by' edges for the news outlets a sentence names as first to report."""
    edges = []
    for match in ACTIVE_CREDIT.finditer(document.text):
        name = re.sub(r"^[Tt]he\s+", "", re.split(r"\.\s+", match.group("name"))[-1])  # 'Corvo. Bloomberg News': the last
        if _is_outlet(name, story_keys) and names.org_key(name) != own:
            start = match.start("name") + match.group("name").find(name)
            edges.append(Provenance(doc=document.id, cites=name, start=start, end=start + len(name),
                                    relation="first reported by"))
    return edges


# An outlet that reported something, with or without a statement of it: 'a day after the Financial Times
# reported on a leaked draft', 'the document reported by the FT'.
OUTLET_REPORTED = re.compile(r"(?P<name>" + PUBLICATION_NAME.pattern + r")\s+(?:had\s+|has\s+)?(?:first\s+)?"
                             r"(?:reported|revealed|disclosed)\b|\b(?:reported|revealed|disclosed)\s+by\s+(?P<agent>"
                             + PUBLICATION_NAME.pattern + r")")


def reporting_provenance(document: Document, story_outlets: Iterable[str] = ()) -> list[Provenance]:
    """'reported by' edges for the news outlets a report says reported something, named as known
    outlets or as one of `story_outlets` (the story's reports' outlets; 'the FT' for the Financial Times
    whose report the story holds), other than its own."""
    own = _own_key(document)
    story_keys = {names.org_key(name) for name in story_outlets}
    edges = []
    for match in OUTLET_REPORTED.finditer(document.text):
        group = "name" if match.group("name") else "agent"
        name = re.sub(r"^[Tt]he\s+", "", re.split(r"\.\s+", match.group(group))[-1])  # 'Thursday.\n\nBloomberg News'
        canonical = gazetteer.outlet_name(name) or _story_outlet_ending(name, story_outlets) or name
        if (_is_outlet(name, story_keys) or names.org_key(canonical) in story_keys) and \
                names.org_key(canonical) != own and names.org_key(name) != own:
            start = match.start(group) + match.group(group).rfind(name)
            edges.append(Provenance(doc=document.id, cites=canonical, relation="reported by", start=start,
                                    end=start + len(name)))
    return edges


def _story_outlet_ending(name: str, story_outlets: Iterable[str]) -> str | None:
    """The one story outlet whose name ends with this short one ('the Sentinel' for the Marlow Falls
    Sentinel), if one does."""
    key = names.org_key(name)
    found = {outlet for outlet in story_outlets if names.org_key(outlet).endswith(" " + key)}
    return found.pop() if len(found) == 1 else None


def credit_provenance(document: Document, story_outlets: Iterable[str] = ()) -> list[Provenance]:
    """'first reported by' edges for the outlets a document credits with the story. `story_outlets`:
    the outlets of the story's reports, news outlets even when not known ones ('first reported by
    TechWire', whose own report the story holds)."""
    own = _own_key(document)
    story_keys = {names.org_key(name) for name in story_outlets}
    edges = _active_credits(document, own, story_keys)
    for match, republished in _credits(document.text):
        found = _credited_name(document.text, match.end(), published=republished or bool(match.group("published")),
                               story_keys=story_keys)
        if found is not None and names.org_key(found[1]) != own:
            start, name = found
            edges.append(Provenance(doc=document.id, cites=name, start=start, end=start + len(name),
                                    relation="republished from" if republished else "first reported by"))
    return sorted(edges, key=lambda edge: edge.start)


def _credited_name(text: str, at: int, published: bool, story_keys: Collection[str] = ()) -> tuple[int, str] | None:
    """Where the publication a credit phrase ending at `at` names starts, and its name: the name
    right after the phrase when it is a news outlet (`story_keys`: the story's own outlets, as org
    keys, are ones), or any name after a verb of publishing ('originally published by The
    Conversation'); else a known outlet later in the sentence."""
    named = PUBLICATION_NAME.match(text, at)
    if named is not None and not NOT_A_PUBLICATION.match(named.group()):
        name = re.sub(r"^the\s+", "", re.split(r"\.\s+", named.group())[0]).rstrip(".")  # 'the Calder Post. Election ...'
        if published or _is_outlet(name, story_keys):
            return named.start() + named.group().find(name), name
    sentence = re.split(r"(?<=[.!?])\s", text[at:at + 60], maxsplit=1)[0]
    outlets = _outlets_in(sentence)
    if not outlets:
        return None
    name = outlets[0].rstrip(".")  # 'first reported by Reuters.': not the sentence's full stop
    return text.find(name, at), name


def name_words(name: str) -> list[str]:
    """An organisation's name as folded words without article, possessive or legal suffix; a public body's
    in one order whichever way it is written ('Russia's foreign ministry', 'the Ministry of Foreign Affairs
    of Russia')."""
    body = public_body_parts(name)
    if body is None:
        return _written_words(name)
    owner, words = body
    return [*words, "of", *owner.split()] if owner else list(words)  # 'interior ministry of orvenia': not Orvenia


def _written_words(name: str) -> list[str]:
    """An organisation's name as folded words in the order written."""
    return [w for w in (w.strip(".,") for w in names.firm_key(names.strip_article(name.strip())).split()) if w]


def extends(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether a longer name starts or ends with a shorter one."""
    n = len(short)
    return 0 < n < len(long) and (list(long[:n]) == list(short) or list(long[-n:]) == list(short))


def is_part_of(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether a shorter name is the start or the end of a longer name of the same body ("Corvane"
    of "Corvane Health", "Evening Post" of "Kelbridge Evening Post"), not of a unit within it
    ("Corvane Air Press Office"), of something named after it ("Ministry of Interior of Orvenia") or of
    two bodies named together ("Dravonia and Karsova")."""
    if not extends(short, long):
        return False
    n = len(short)
    if list(long[:n]) == list(short):
        return not set(long[n:]) & UNIT_WORDS and long[n] not in JOINING_WORDS
    return long[-n - 1] not in LINKING_WORDS | JOINING_WORDS


class OriginNames:
    """One name per source across a story: shortened, titled and spokesperson forms of a name
    resolve to the story's fullest form when exactly one candidate fits."""

    def __init__(self, entities: Sequence[Entity], known: Iterable[Origin]):
        self.people_by_surname: dict[str, list[Entity]] = {}
        for entity in entities:
            if entity.type == "PERSON":
                for surname in {names.surname(alias) for alias in (entity.name, *entity.aliases)} - {""}:
                    self.people_by_surname.setdefault(surname, []).append(entity)
        self.entity_names = {e.id: e.name for e in entities}
        self.entity_aliases = {e.id: {names.fold(a) for a in (e.name, *e.aliases)} for e in entities}
        self.resolved: dict[Origin, Origin] = {}
        self.organisations: dict[tuple[str, ...], Origin] = {}
        self.speaking: set[str] = set()  # keys of organisations that publish or speak in the story
        for origin in known:
            self._learn(origin.name, origin)
            self.speaking.add(origin.key)
        for entity in entities:
            if entity.type == "ORG":
                for alias in (entity.name, *entity.aliases):
                    self._learn(alias, Origin(entity.id, entity.name, "organization"))

    def _learn(self, name: str, origin: Origin) -> None:
        """Knows `origin` by its name and, for a unit named after its parent body ("State Department
        of Natural Resources, Division of Dam Safety"), by the unit's own name."""
        for part in dict.fromkeys((name, name.rsplit(",", 1)[-1].strip())):
            words = tuple(name_words(part))
            if words and (is_plain_name(part) or _described_body(part)):
                self.organisations.setdefault(words, origin)

    def person(self, name: str) -> Entity | None:
        """The story's one person whose name this is (titles dropped, surname alone allowed)."""
        tokens = names.person_tokens(name)
        if not tokens:
            return None
        found = [e for e in self.people_by_surname.get(tokens[-1], ())
                 if any(names.same_person(name, alias) or _ends_with(tokens, names.person_tokens(alias))
                        for alias in (e.name, *e.aliases))]
        if len(found) > 1:
            found = [e for e in found if len(names.person_tokens(e.name)) > 1]
        return found[0] if len(found) == 1 else None

    def has_full_name(self, name: str) -> bool:
        """Whether some person of the story is called by this surname and a given name."""
        return any(len(names.person_tokens(e.name)) > 1 for e in self.people_by_surname.get(names.surname(name), ()))

    def organisation(self, name: str) -> Origin | None:
        """The story's one organisation called `name` or of whose name `name` is the start or the end."""
        words = tuple(name_words(name))
        if not words:
            return None
        if len(words) == 1:
            holding = {self.organisations[w].key: self.organisations[w] for w in self.organisations
                       if len(w) > 1 and words[0] in w}
            if len(holding) > 1:
                holding = {key: origin for key, origin in holding.items() if key in self.speaking}
            if words[0] in ORGANISATION_HEAD_WORDS and len(holding) == 1:
                return next(iter(holding.values()))
        described = len(words) > 1 and words[-1] in ORGANISATION_HEAD_WORDS  # "the ethics office"
        if not any(c.isupper() for c in name):
            return self.holding_words(set(words)) if described else None
        longer = [w for w in self.organisations if extends(words, w)]
        longest = {self.organisations[w].key: self.organisations[w] for w in longer
                   if not any(extends(w, other) for other in longer)}
        if longer and all(is_part_of(words, w) for w in longer) and len(longest) == 1:
            return next(iter(longest.values()))
        found = self.speaking_organisation(name) or self.organisations.get(words)
        return self.holding_words(set(words)) if found is None and described else found

    def speaking_organisation(self, name: str) -> Origin | None:
        """The one organisation that speaks or publishes in the story whose name starts or ends with
        `name` ("Corvane": the airline, not the head office building called after it), never a paper
        whose masthead adds to it ("Calder": the town, not the Calder Evening Post)."""
        words = tuple(name_words(name))
        return self._one_speaking(lambda w: is_part_of(words, w) and not (set(w) - set(words)) & lx.MASTHEAD_WORDS)

    def holding_words(self, wanted: set[str]) -> Origin | None:
        """The one speaking organisation whose name holds all these words, in any order ("Orvenia" and
        "ministry": the Ministry of Interior of Orvenia; "ethics office": the Office of Ethics and
        Public Integrity)."""
        found = self._one_speaking(lambda w: bool(wanted) and wanted <= set(w))
        if found is not None:
            return found
        holders = {w: o for w, o in self.organisations.items() if o.key in self.speaking and wanted and wanted <= set(w)}
        fullest = {o.key: o for w, o in holders.items() if not any(set(w) < set(other) for other in holders)}
        # 'the fire service' and 'the county fire service': the fuller description, when it is the only one
        return next(iter(fullest.values())) if len(fullest) == 1 and all(
            set(w) <= set(max(holders, key=len)) for w in holders) else None

    def _one_speaking(self, accept: Callable[[tuple[str, ...]], bool]) -> Origin | None:
        """The one organisation that speaks or publishes in the story whose name words `accept` takes."""
        found = {o.key: o for w, o in self.organisations.items() if o.key in self.speaking and accept(w)}
        return next(iter(found.values())) if len(found) == 1 else None

    def canonical(self, origin: Origin) -> Origin:
        """The origin under the story's name for its source."""
        if origin not in self.resolved:
            found, seen = origin, {origin}
            while True:  # a press office speaks for its company: follow such steps to the end
                found = self._canonical(found)
                if names.fold(names.strip_article(found.name)) in self.entity_aliases.get(found.key, ()):
                    found = Origin(found.key, self.entity_names[found.key], found.kind)
                if found in seen:
                    break
                seen.add(found)
            self.resolved[origin] = found
        return self.resolved[origin]

    def _canonical(self, origin: Origin) -> Origin:
        """One step towards the story's name for a source; `canonical` repeats it to a fixed point."""
        by_kind = self._by_kind(origin)
        if by_kind is not None:
            return by_kind
        for rule in (self._record_author, self._body_spoken_for, self._possessed_body, self._body_of_staff,
                     self._named_organisation):
            found = rule(origin)
            if found is not None:
                return found
        return origin

    def _by_kind(self, origin: Origin) -> Origin | None:
        """Names the parser typed as a person, an unnamed source or unknown: the story's person of that
        name, else the organisation the name stands for; None to try the other rules."""
        bare_name = origin.name[:1].isupper() and len(origin.name.split()) == 1
        head_word = names.strip_article(origin.name).casefold() in ORGANISATION_HEAD_WORDS  # "The Branch"
        if origin.kind == "unknown" and origin.name[:1].isupper() and origin.name.casefold() not in FUNCTION_WORDS:
            entity = self.person(origin.name)
            if entity:
                return Origin(entity.id, entity.name, "person")
            if head_word:
                return self.organisation(origin.name) or origin
            return (bare_name and self.speaking_organisation(origin.name)) or origin
        if origin.kind == "person":
            entity = None if origin.key.startswith("ent-") else self.person(origin.name)
            if entity:
                return Origin(entity.id, entity.name, "person")
            if bare_name and not self.has_full_name(origin.name):  # "Corvane said": the company
                return self.speaking_organisation(origin.name) or origin
            same_name = self.organisations.get(tuple(name_words(origin.name)))
            if same_name is not None and same_name.key in self.speaking:
                return same_name  # "Brightwater Offshore" taken for a person: the company of that name
            return origin
        if origin.kind == "anonymous" and (bare_name or head_word):
            return self.organisation(origin.name) if head_word else self.speaking_organisation(origin.name)
        return None

    def _record_author(self, origin: Origin) -> Origin | None:
        """A person's or an organisation's own record is their word ("Olander's report")."""
        owner = record_owner(origin.name)
        if owner is None:
            return None
        entity = self.person(owner)
        if entity is not None:
            return Origin(entity.id, entity.name, "person")
        known = self.organisation(owner)
        if known is None and owner.split()[-1].casefold() in lx.ORGANIZATION_HEADS:  # 'a video posted by the fire service'
            return Origin(f"organization:{names.org_key(owner)}", owner, "organization")
        return known

    def _body_spoken_for(self, origin: Origin) -> Origin | None:
        """A spokesman, press office or officials speak for their body."""
        speaker_for = SPEAKING_FOR.match(origin.name.strip())
        if speaker_for and (speaker_for.group("before") or speaker_for.group("after")):
            return self.organisation(speaker_for.group("after") or speaker_for.group("before"))
        return None

    def _possessed_body(self, origin: Origin) -> Origin | None:
        """A body named by whose it is ("Orvenia's ministry")."""
        body = POSSESSED_BODY.match(origin.name.strip())
        if body and body.group("body") in ORGANISATION_HEAD_WORDS:
            return self.holding_words({*name_words(body.group("owner")), body.group("body")})
        return None

    def _body_of_staff(self, origin: Origin) -> Origin | None:
        """Unnamed staff named for their work are the one speaking body named for it ("investigators":
        the Defence Accident Investigation Branch; "auditors": the Audit Office)."""
        if origin.kind != "anonymous":
            return None
        words = names.strip_article(origin.name).casefold().split()
        work = STAFF_NOUN.fullmatch(words[-1]) if words else None
        if work is None:
            return None
        return self._one_speaking(lambda w: any(word.startswith(work.group("work")) for word in w))

    def _named_organisation(self, origin: Origin) -> Origin | None:
        """An organisation's short or longer name."""
        return self.organisation(origin.name) if origin.kind in ("organization", "outlet", "document") else None


def _ends_with(tokens: Sequence[str], name: Sequence[str]) -> bool:
    """'Correction Lorraine Macready' ends with the full name 'Lorraine Macready'."""
    return len(name) >= 2 and len(tokens) > len(name) and list(tokens[-len(name):]) == list(name)


def _described_body(name: str) -> bool:
    """A body named by a description, not a name ('the county fire service', 'the water company'): so
    'the fire service' in another report is the same one when no other body fits."""
    words = names.strip_article(name).split()
    return 1 < len(words) <= 4 and name == name.lower() and words[-1] in ORGANISATION_HEAD_WORDS


def is_plain_name(name: str) -> bool:
    """A proper name alone ("Kelbridge Evening Post", "Ministry of the Interior"), not a title,
    a list or a name with more words after it ("Coastal Maritime Safety Agency - Notice")."""
    words = names.strip_article(name).split()
    return bool(words) and all(re.fullmatch(r"[A-Z][\w.'’&-]*|of|the|for|and|&", w) for w in words)


class OriginResolver:
    """Origins of propositions across the story, from scopes, outlet sources and credits."""

    def __init__(self, documents: Sequence[Document], statements: Sequence[Statement], entities: Sequence[Entity]):
        self.documents = {d.id: d for d in documents}
        self.statements = {s.id: s for s in statements}
        self.statements_in: dict[str, list[Statement]] = {}
        for statement in statements:
            self.statements_in.setdefault(statement.doc, []).append(statement)
        self.doc_outlet_key = {d.id: _outlet_key(d.outlet) for d in documents if d.outlet}
        self.outlet_keys = set(self.doc_outlet_key.values())
        self.modes = {s.id: s.mode for s in statements}
        self.speaker_words = {s.id: (s.speaker.start, s.speaker.end, s.speaker.entity or names.fold(s.speaker.name))
                              for s in statements}  # where each speaker is named, and who it is
        self.entity_by_id = {e.id: e for e in entities}
        self.known: dict[str, Origin] = {}
        self.person_by_name = {names.fold(alias): e for e in entities if e.type == "PERSON" for alias in (e.name, *e.aliases)}
        self.scopes: dict[str, list[Scope]] = {}
        for document in documents:
            self.scopes[document.id] = narrative_scopes(document, statements, entities)
        self.sources = outlet_sources(documents, (s for group in self.scopes.values() for s in group))
        self.filers = {d.id: Origin(f"party:{names.org_key(party)}", party, "organization")
                       for d in documents for party in [filing_party(d)] if party}
        outlets = [d.outlet for d in documents if d.outlet]
        credits = {d.id: credit_provenance(d, outlets) for d in documents}
        self.credits = {d.id: [outlet_origin(o) for o in credited_outlets(d, credits[d.id])] for d in documents}
        self.copies = {d.id: outlet_origin(name) for d in documents
                       for name in [copied_from(d, credits[d.id], outlets)] if name}
        self.signatories: dict[str, Origin] = {}  # filled once the story's names are known
        self.columnists: dict[str, Origin] = {}
        self.shown: dict[str, str] = {}  # each origin key's name as first shown
        self.headings: dict[str, tuple[set[str], set[str]]] | None = None  # see _primary_headings
        named = [self.own_outlet(d.id) for d in documents] + [o for group in self.credits.values() for o in group]
        named += [origin_of_speaker(s) for s in statements if s.speaker.kind in ("organization", "outlet")]
        self.names = OriginNames(entities, named)
        for doc, filer in self.filers.items():  # 'Ivey v. City of Halvergate': the story's Marcus Ivey
            person = self.names.person(filer.name)
            if person is not None:
                self.filers[doc] = Origin(person.id, person.name, "person")
        self.signatories = {d.id: self._person_origin(name) for d in documents for name in [signatory(d)] if name}
        self.columnists = {d.id: self._person_origin(name) for d in documents for name in [columnist(d)] if name}

    def scope_at(self, doc: str, position: int) -> Scope | None:
        inside = [s for s in self.scopes.get(doc, ()) if s.start <= position < s.end]
        return inside[-1] if inside else None

    def resolve_outlet(self, origin: Origin) -> Origin:
        """An outlet speaking for someone is that someone; anything else is itself."""
        if origin.kind != "outlet":
            return origin
        return self.sources.get(outlet_origin(origin.name).key, origin)

    def speaker_origin(self, statement: Statement) -> Origin:
        """The speaker as an origin, keyed by the story entity its name belongs to when the
        statement itself was not linked ('Binyamin Netanyahu' and 'Netanyahu' are one origin)."""
        origin = origin_of_speaker(statement)
        linked = self.entity_by_id.get(statement.speaker.entity or "")
        if linked is not None and (statement.speaker.kind == "person" or
                                   (statement.speaker.kind in ("anonymous", "organization") or _released_by_an_office(statement))
                                   and linked.type == "PERSON"):
            return Origin(key=linked.id, name=linked.name, kind="person")  # 'the mayor of Eastfield': Lisa Grant
        if statement.speaker.entity is None and statement.speaker.kind == "person":
            entity = self.person_by_name.get(names.fold(statement.speaker.name))
            if entity is not None:
                return Origin(key=entity.id, name=entity.name, kind="person")
        if statement.speaker.kind == "anonymous" and BARE_SPOKESPERSON.fullmatch(statement.speaker.name.strip()):
            body = self._body_just_heard(statement)
            if body is not None:  # 'The club confirmed ... "He will be out for the season," a spokesman said'
                return self.speaker_origin(body)
        return origin

    def _body_just_heard(self, statement: Statement) -> Statement | None:
        """The organisation whose statement comes last before this one in its document, when close
        before it: the one a bare 'a spokesman' speaks for."""
        before = [s for s in self.statements_in.get(statement.doc, ())
                  if s.cue_start < statement.cue_start and statement.cue_start - s.cue_start <= BODY_REACH]
        last = max(before, key=lambda s: s.cue_start, default=None)
        return last if last is not None and last.speaker.kind == "organization" else None

    def _person_origin(self, name: str) -> Origin:
        person = self.names.person(name)
        return Origin(person.id, person.name, "person") if person is not None else \
            Origin(f"person:{names.fold(name)}", name, "person")

    def own_outlet(self, doc: str) -> Origin:
        """Whose word a document's unattributed text is: the one who swore it ('I, Dana Whitcombe,
        being duly sworn, state'), else the author of an opinion piece, else the party that filed it,
        else the news service or publication whose copy it is ('LONDON (Reuters) -', 'This article
        was originally published by The Conversation': three papers running it are one origin), else
        its outlet."""
        if doc in self.signatories:
            return self.signatories[doc]
        if doc in self.columnists:
            return self.columnists[doc]
        if doc in self.filers:
            return self.filers[doc]
        if doc in self.copies:
            return self.copies[doc]
        document = self.documents[doc]
        return outlet_origin(document.outlet) if document.outlet else Origin(f"doc:{doc}", document.title or document.source, "outlet")

    def origin(self, proposition: Proposition) -> Origin:
        """Origin of one proposition before claim context (reporter's own -> the document's outlet)."""
        known = self.known.get(proposition.id)
        if known is None:
            found = self.as_story_document(self.as_filer(self.names.canonical(self._origin(proposition))), proposition.doc)
            known = self.known[proposition.id] = self.own_record(proposition.doc, found)
        return known

    def own_record(self, doc: str, origin: Origin) -> Origin:
        """A record named without its author ('the review found', 'our investigation to date') in an
        organisation's own document is that organisation's word; in a newspaper's it is the word of
        the one organisation the article names as that record's author ('according to a preliminary
        report ... The Halvern County Fire Authority report, issued on Wednesday, said'), else it stays
        a record."""
        document = self.documents[doc]
        if origin.kind != "document" or not BARE_RECORD.match(origin.name.strip()) or doc in self.filers:
            return origin
        if document.outlet and not gazetteer.is_news_outlet(document.outlet):
            return self.names.canonical(self.own_outlet(doc))
        authors = {a.key: a for a in self._record_authors(document.text, origin.name.split()[-1].casefold())}
        return next(iter(authors.values())) if len(authors) == 1 else origin

    def _record_authors(self, text: str, noun: str) -> list[Origin]:
        """The organisations a text names as authors of a record called `noun` ('The Halvern County
        Fire Authority report', 'the authority's preliminary findings', 'a report by the agency')."""
        word = re.escape(noun)
        before = re.compile(r"(?P<name>(?:[A-Z][\w&.'’-]*\s+){1,6}?|the\s+[a-z]+['’]s\s+)(?:[a-z-]+\s+){0,2}" + word + r"\b")
        after = re.compile(r"\b" + word + r"\s+(?:[a-z]+\s+)?(?:by|from)\s+(?P<name>(?:the\s+)?(?:[A-Z][\w&.'’-]*\s*){1,6})")
        found = []
        for match in (*before.finditer(text), *after.finditer(text)):
            name = re.sub(r"['’]s$", "", names.strip_article(match.group("name").strip())).strip()
            origin = self.names.organisation(name) if name else None
            if origin is not None:
                found.append(self.names.canonical(origin))
        return found

    def as_story_document(self, origin: Origin, doc: str) -> Origin:
        """A record a report cites that is itself one of the story's primary documents ('according to
        an investigator's affidavit', with the affidavit among the inputs) is that document's word: the
        record's kind must be in the document's title and the rest of its name where the document
        names itself (title and opening lines). A bare 'the report' or 'its records' says too little
        to tell whose."""
        record = RECORD_HEAD.search(origin.name) if origin.kind == "document" else None
        if record is None:
            return origin
        words = _stems(origin.name[:record.start()]) - RECORD_FILLERS
        if not words:
            return origin  # 'the report', 'Statement', 'its records': whose, the name does not say
        head = _word_stem(record.group(1).casefold())
        titled = [d for d, (title, heading) in self._primary_headings().items()
                  if d != doc and head in title and words <= heading]
        return self.names.canonical(self.own_outlet(titled[0])) if len(titled) == 1 else origin

    def _primary_headings(self) -> dict[str, tuple[set[str], set[str]]]:
        """Each primary (not news) document's title words and heading words, stemmed, read once."""
        if self.headings is None:
            self.headings = {d.id: (_stems(d.title or ""), _stems(_heading(d))) for d in self.documents.values()
                             if not gazetteer.is_news_outlet(d.outlet or "")}
        return self.headings

    def as_filer(self, origin: Origin) -> Origin:
        """'The lawsuit says', 'court papers', 'the plaintiffs' are the story's one filing party; where no
        filing of the story names its party, 'the lawsuit', 'the complaint' and 'the suit' are one filing."""
        filers = set(self.filers.values())
        words = names.strip_article(origin.name).casefold().split()
        if len(filers) == 1 and origin.kind in SOURCE_KINDS + ("unknown",) and words and words[-1] in FILING_WORDS:
            return self.names.canonical(next(iter(filers)))
        if not filers and origin.kind in SOURCE_KINDS + ("unknown",) and len(words) == 1 and words[0] in BARE_FILINGS:
            return Origin("document:filing", origin.name, "document")  # 'the lawsuit', 'the complaint', 'the suit'
        return origin

    def _origin(self, proposition: Proposition) -> Origin:
        statement = self.statements.get(proposition.statement or "")
        scope = self.scope_at(proposition.doc, proposition.start)
        reported = self._reported_speech(proposition, statement) if statement is not None else None
        if reported is not None:
            statement = reported
        if statement is not None:
            speaker = self.speaker_origin(statement)
            if scope is not None and statement.start >= scope.start:
                return scope.origin
            return self.resolve_outlet(speaker)
        if scope is not None and scope.kind == "narrative":
            return scope.origin
        return self.own_outlet(proposition.doc)

    def _reported_speech(self, proposition: Proposition, statement: Statement) -> Statement | None:
        """What a news outlet reports someone said ('According to the Examiner, former scientist Hana
        Keller said ...', 'The New York Times reported someone familiar with the situation said ...')
        is that someone's word: the statement the clause opens with, when it runs to the clause's end."""
        if not self._is_outlet(statement.speaker.kind, statement.speaker.name):
            return None
        for inner in self.statements_in.get(proposition.doc, ()):
            if inner.id != statement.id and NESTED_SPEECH.fullmatch(inner.cue) and \
                    proposition.start <= inner.speaker.start <= proposition.start + NAMED_WITHIN and \
                    inner.speaker.end <= inner.cue_start < inner.start and proposition.end <= inner.end + 1:
                return inner
        return None

    def outlets_sources(self, group: Sequence[int], props: Sequence[Proposition], origins: Mapping[int, Origin],
                        stating: set[int], stances: Mapping[int, str] | None = None) -> dict[int, Origin]:
        """'The unit could be valued at about $4 billion, Bloomberg said', with Bloomberg's own report in
        the story: the side is the word of Bloomberg's source for this claim, when Bloomberg's report
        states the claim (a side that states it, not one merely related, on the same side: not the
        company's denial it also prints) only on one source's word, never in its own voice."""
        found = {}
        for m in group:
            origin = origins[m]
            key = _outlet_key(origin.name)
            if key not in self.outlet_keys or props[m].statement is None or m not in stating:
                continue  # the outlet's own report is not among the story's, or the side only bears on the claim
            if origin.kind != "outlet" or not (gazetteer.is_news_outlet(origin.name) or
                                               self.doc_outlet_key.get(props[m].doc) != key):
                continue  # a body's own statement or notice is its word, whoever it quotes
            own = [n for n in group if n != m and self.doc_outlet_key.get(props[n].doc) == key and n in stating]
            if any(props[n].statement is None or _outlet_key(origins[n].name) == key for n in own):
                continue  # the outlet's report states it in its own voice: its word
            sources = {origins[n].key: origins[n] for n in own
                       if n in stating and (stances is None or stances[n] == stances[m])}
            if len(sources) == 1:
                found[m] = next(iter(sources.values()))
        return found

    def _is_outlet(self, kind: str, name: str) -> bool:
        """A newspaper or broadcaster: by kind, by the gazetteer, or as the outlet of one of the story's reports."""
        key = _outlet_key(name)
        return kind == "outlet" or gazetteer.is_news_outlet(name) or key in self.outlet_keys

    def as_shown(self, origin: Origin) -> Origin:
        """The origin under the name it was first shown by: one source keeps one name across the
        story ('A person close to the consortium' and 'a person close to the consortium')."""
        name = self.shown.setdefault(origin.key, origin.name)
        return origin if name == origin.name else Origin(origin.key, name, origin.kind)

    def in_claim(self, proposition: Proposition, others: Iterable[Origin]) -> Origin:
        """A reporter's own assertion repeats a credited outlet's source when the claim reaches it
        (`others`: the claim's sides' origins; its own may be among them)."""
        base = self.origin(proposition)
        if proposition.statement is not None or base != self.names.canonical(self.own_outlet(proposition.doc)):
            return base
        other_keys = {o.key for o in others}
        for credited in self.credits.get(proposition.doc, ()):
            source = self.names.canonical(self.resolve_outlet(credited))
            if source.key in other_keys or self.names.canonical(credited).key in other_keys:
                return source
        return base


def origins_by_stance(origins: Mapping[str, Iterable[Origin]]) -> dict[str, tuple[str, ...]]:
    """Distinct origin names per stance, in first-seen order."""
    out: dict[str, tuple[str, ...]] = {}
    for stance, items in origins.items():
        seen: dict[str, str] = {}
        for origin in items:
            seen.setdefault(origin.key, origin.name)
        out[stance] = tuple(seen.values())
    return out
