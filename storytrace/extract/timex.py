"""Rule-based TIMEX3 tagger and normaliser for English news (stdlib only).

`tag_timexes` finds time expressions with a handful of regular expressions (compiled lazily,
once), keeps the longest non-overlapping candidates and normalises each to a TIMEX3 type and
value, resolving relative expressions against the document creation time (dct) the way news is
written: a bare weekday or month is the most recent past one unless the clause is future
("will", "is due to", "next"), a day without a year takes the nearest plausible year.

Conventions (TimeML-like, checked against MEANTIME):
- determiners and modifiers belong to the expression ("the past two years", "early 2008",
  "late last month"); prepositions ("on", "in", "for") do not.
- "X ago" is one DATE ("two years ago" -> dct year minus two); "X from now" likewise.
- event-anchored expressions ("two weeks after the US election", "days after Resolution 2334
  was passed") are one DATE whose extent runs to the end of the anchor phrase (at most six
  words, stopping at punctuation); the anchor's date is looked up elsewhere in the text
  (a sentence mentioning the anchor's key words next to an absolute date); unresolved ones
  get an `XXXX` value, anchor="event" and estimated=True.
- "now", "recently", "recent" are tagged (PRESENT_REF / PAST_REF); "former", "previously" and
  "current" are not (TimeML treats them as non-temporal modifiers; MEANTIME leaves them out).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from storytrace.schema import Timex

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
                "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "single": 1}
VAGUE_QUANTITIES = ("a few", "few", "several", "many", "a number of", "dozens of", "hundreds of",
                    "some")
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "weekend": "WE", "fortnight": "W", "month": "M", "year": "Y", "decade": "Y",
              "century": "Y", "quarter": "Q", "moment": "M"}
UNIT_FACTORS = {"fortnight": 2, "decade": 10, "century": 100}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
            "valentine's day": (2, 14)}
NOT_YEAR_BEFORE = frozenset({"resolution", "no", "no.", "number", "flight", "route", "room", "page",
                             "highway", "interstate", "article", "section", "chapter", "rule",
                             "bill", "law", "act", "model", "version", "code", "pp", "p", "vol",
                             "rs", "us$", "usd", "eur", "gbp", "rank", "ranked", "seat", "seats",
                             "paragraph", "item", "unit", "platform", "gate", "apartment",
                             "suite", "box", "exit", "channel", "squadron", "battalion", "brigade"})
YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "till", "from", "to", "of", "between",
                               "and", "before", "after", "during", "through", "early", "late",
                               "mid", "the", "circa", "around", "or", "than", "for", "year",
                               "summer", "spring", "winter", "autumn", "fall", "'s"})
EVENT_STOPWORDS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
                             "was", "were", "is", "are", "had", "has", "have", "been", "be", "being",
                             "it", "he", "she", "they", "we", "i", "of", "to", "in", "on", "at",
                             "by", "for", "with", "and", "or", "first", "finally", "then",
                             "passed", "held", "took", "place", "announced", "said", "made"})


@dataclass(frozen=True)
class Reading:
    """A normalised candidate: span, TIMEX3 type/value, anchor kind, estimated flag."""

    start: int
    end: int
    type: str
    value: str
    anchor: str = "absolute"
    estimated: bool = False
    rule: str = ""


@dataclass
class Context:
    """What the handlers need: the text, the parsed dct and whether it was estimated."""

    text: str
    dct: dt.date | None
    dct_estimated: bool
    lowered: str = ""


# --------------------------------------------------------------------------- patterns


def _month_names_pattern() -> str:
    """Full month names or abbreviations (optional dot), longest first."""
    abbreviations = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    return rf"(?:{'|'.join(MONTHS)}|(?:{abbreviations})\.?)"


def _number_pattern() -> str:
    """A quantity: digits, number words (hyphen-compounded, 'and a half') or vague words."""
    words = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w and w not in {"a", "an"}),
                            key=len, reverse=True))
    word_number = rf"(?:{words})(?:[- ](?:{words}))*"
    vague = "|".join(sorted(VAGUE_QUANTITIES, key=len, reverse=True))
    return (rf"(?:\d+(?:\.\d+)?|{word_number}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|couple\s+of|a\s+dozen|"
            rf"{vague}|an?)")


UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|"
        r"decades?|century|centuries|quarters?|moments?)")
PREMODIFIER = (r"(?:(?:just|only|about|around|roughly|nearly|almost|some|over(?!\s+the\b)|more\s+than|less\s+than|"
               r"fewer\s+than|at\s+least|up\s+to|barely|approximately|a\s+full|another|an\s+additional|"
               r"the\s+(?:past|last|next|first|previous|coming|following|final|better\s+part\s+of(?:\s+the)?)|"
               r"(?:the\s+)?(?:past|last|next|first|previous|coming|following|final))\s+)*")
MODIFIER = (r"(?:(?P<mod>early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|"
            r"first\s+half|second\s+half|rest|remainder)\s+of(?:\s+the)?)[\s-]+)?")
SIGNAL = r"(?P<sig>ago|earlier|later|before|after|prior\s+to|following|from\s+now|hence|since)"
TIMEZONE = r"(?:\s*\(?\s*(?P<tz>utc|gmt|z|[ecmp][sd]t|et|bst|cet|cest|ist|jst)\b(?:\s*[+-]\s*\d{1,2})?(?:\s*\))?)?"


@cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(rule name, compiled pattern) pairs; built on first use so importing does no work."""
    mon = _month_names_pattern()
    weekday = rf"(?:{'|'.join(WEEKDAYS)})"
    qty = _number_pattern()
    year = r"(?:1[6-9]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    rel_year = r"(?P<rel>this|last|next|the\s+following|the\s+previous|the\s+same)\s+year"
    sources = [
        # 2016-11-24, also written 2016/11/24 or 2016.11.24
        ("iso", rf"\b(?P<y>{year})(?P<sep>[-/.])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>[0-2]\d|3[01])"
                rf"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?\b(?![./-]\w)"),
        # 24.11.2016: day first, as Europe writes it
        ("dotted", rf"(?<![\d.])(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{year})\b(?![.]\d)"),
        ("slash", r"\b(?P<a>[01]?\d|2\d|3[01])/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b"),
        ("mdy", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<mon>{mon})\s+(?P<day>{day})\b(?![,.]\d)(?:,?\s+(?:(?P<year>{year})\b|{rel_year}\b))?"),
        ("dmy", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<mon>{mon})(?:(?<=\.)|\b)(?:,?\s+(?:(?P<year>{year})\b|{rel_year}\b))?"),
        # 24-Nov-2016, 24-Nov-16: a form of records and filings
        ("dmyhyphen", rf"\b(?P<day>[12]\d|3[01]|0?[1-9])-(?P<mon>{mon})-(?P<year>{year}|\d\d)\b(?!-)"),
        ("monyear", rf"\b{MODIFIER}(?P<mon>{mon}),?\s+(?:of\s+)?(?:(?P<year>{year})\b|{rel_year}\b)"),
        ("month", rf"\b{MODIFIER}(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<mon>{'|'.join(MONTHS)})\b"),
        ("decade", rf"\b(?:the\s+)?{MODIFIER}(?:(?P<full>1[6-9]\d|20\d)0|'?(?P<short>[1-9]|0)0)'?s\b"),
        ("year", rf"(?:\b{MODIFIER}|')(?P<year>{year})\b"),
        ("shortyear", r"(?<![\w'])'(?P<yy>\d\d)\b(?!')"),
        ("season", rf"\b{MODIFIER}(?:(?P<rel>this|last|next|past|coming|the|previous)\s+)?(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?:(?P<year>{year})\b|{rel_year.replace('P<rel>', 'P<rel2>')}))?"),
        ("quarter", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|previous|next|current|same)[\s-]+(?:fiscal\s+|financial\s+)?(?P<what>quarter|half)\b(?:\s+of\s+(?:(?P<year>" + year + r")\b|(?P<rel>this|last|next|the\s+previous|the)\s+year\b|the\s+year\b))?"),
        ("qcode", rf"\b(?:(?P<y1>{year})\s+)?q(?P<q>[1-4])(?:\s+(?P<year>{year}))?\b"),
        ("relunit", r"\b" + MODIFIER.replace("(?P<mod>early|", "(?P<mod>earlier|later|early|") + r"(?:(?P<the>the)\s+)?(?:(?P<rel>this|last|next|past|previous|coming|following|current|same|prior)\s+)(?P<unit>week|weekend|month|year|decade|century)\b"),
        ("weekend", r"\b(?P<the>the)\s+(?P<unit>weekend)\b"),
        ("modmonth", r"\b(?P<mod>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of)\s+the\s+month\b(?!\s+(?:before|after|earlier|later|previous|of|\d))"),
        ("modyear", r"\b(?P<mod>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|rest|remainder)\s+of)\s+the\s+(?:calendar\s+|fiscal\s+|financial\s+)?year\b(?!\s+(?:before|after|earlier|later|previous|\d))"),
        ("weekday", rf"\b(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{weekday})(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"),
        ("shabbat", r"\b(?:motzei|motzaei|motzi)\s+shabb?at\b"),
        ("dayrel", r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"),
        ("podrel", r"\b(?:(?P<mod>early|late)\s+)?(?P<w>this|last|tomorrow|yesterday)\s+(?P<pod>morning|afternoon|evening|night)\b"),
        ("duration", rf"\b{PREMODIFIER}(?P<qty>{qty})[\s-]+(?:(?:straight|consecutive|long|full|more|additional|trading|business|calendar|working|successive|short|brief)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?\b(?:\s+{SIGNAL}\b)?"),
        ("halfunit", rf"\b(?P<qty>half)\s+(?:an?\s+)?(?P<unit>hour|day|year|month|century|decade)\b(?:\s+{SIGNAL}\b)?"),
        ("vaguedur", r"\b(?P<pre>(?:the\s+)?(?:past|last|next|coming|previous|following|recent)\s+(?:few\s+|several\s+|many\s+)?|over\s+the\s+|decades?\s+|in\s+|for\s+|within\s+|(?:just\s+|only\s+|mere\s+)?)(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?P<long>-long)?\b(?:\s+" + SIGNAL + r"\b)?"),
        ("set", rf"\b(?:(?P<freq>once|twice|thrice|(?:{qty})\s+times)\s+)?(?P<per>a|an|per|each|every)\s+(?:(?P<qty>(?!a\b|an\b){qty})\s+)?(?P<unit>{UNIT}|{weekday})\b"),
        ("setadj", r"\b(?P<w>annual|annually|yearly|weekly|daily|monthly|quarterly|hourly|nightly|biweekly|semiannual|bi-annual)\b"),
        ("clock", rf"(?<!\d[.:])\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b){TIMEZONE}(?:,?\s+(?P<dw>{weekday}|today|yesterday|tomorrow))?"),
        ("clock24", rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:\d|\.\d|,\d){TIMEZONE}(?:,?\s+(?P<dw>{weekday}|today|yesterday|tomorrow))?"),
        ("clockmil", r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hours\b|hrs\b|(?P<tz>utc|gmt)\b)"),
        ("noon", r"\b(?P<w>noon|midnight|midday)\b"),
        ("refs", r"\b(?P<w>currently|more\s+recently|until\s+recently|recently|recent|nowadays|right\s+now|now|at\s+present|the\s+(?:distant\s+|recent\s+)?past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|long|short|medium)\s+term|short-term|long-term|the\s+time\s+being|(?:very\s+)?soon|in\s+the\s+meantime)\b"),
        ("sequel", rf"\b[Tt]he\s+(?P<w>following|next|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|{weekday})\b"),
        ("theday", r"\b(?P<pre>end|ends|ending|ended|finish|finished|finishing|close|closed|closing|for|during|throughout|start|started|starting|late\s+in|earlier\s+in|later\s+in|on)\s+(?P<x>the\s+same\s+day|the\s+day|that\s+day)\b"),
        ("holiday", r"\b(?P<w>christmas\s+eve|christmas\s+day|christmas|new\s+year's\s+(?:eve|day)|halloween|valentine's\s+day)\b"),
        # 'on the 28th', 'until the 3rd,': a day of the month the dct is in, or of the one next to it
        ("dayord", r"\b(?:on|by|until|till|from|since|before|after|through)\s+(?P<x>the\s+(?P<day>[12]\d|3[01]|0?[1-9])"
                   r"(?:st|nd|rd|th))\b(?=\s*(?:[.,;:)!?]|$)|\s+(?:and|or|but|when|at|in|after|before|because|with|as|while)\b)"),
    ]
    return tuple((name, re.compile(source)) for name, source in sources)


@cache
def _future_cue() -> re.Pattern[str]:
    """Words that put a clause in the future (so a bare weekday/month is the next one)."""
    return re.compile(r"\b(?:will|'ll|shall|going\s+to|(?:is|are|was|were)\s+due|due\s+to|expected|"
                      r"scheduled|set\s+(?:to|for)|plans?\s+to|planned|planning|intends?\s+to|to\s+be\s+held|"
                      r"prepar(?:ing|es?)\s+to|aims?\s+to|hopes?\s+to|(?:is|are)\s+to\s+(?!have\b)[a-z]+|"
                      r"upcoming|until|till|next|should|could|might|to\s+be|would\s+(?:be|take|begin|start|hold))\b|"
                      r"\bby\s+(?:early\s+|mid-?|late\s+|the\s+end\s+of\s+)?$|"
                      # 'The vote is on the 28th', 'The hearing is Friday': a present-tense date is scheduled
                      r"\b(?:is|are)\s+(?:on\s+)?$", re.IGNORECASE)


@cache
def _sentence_break() -> re.Pattern[str]:
    """A sentence boundary: newline or sentence punctuation followed by space and a capital."""
    return re.compile(r"[\n]|[.!?][\"”’']?\s+(?=[A-Z\"“])")


# --------------------------------------------------------------------------- value helpers


def _day(date: dt.date) -> str:
    """YYYY-MM-DD."""
    return date.isoformat()


def _month(year: int, month: int) -> str:
    """YYYY-MM."""
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by delta months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist (Feb 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week(date: dt.date) -> str:
    """ISO week YYYY-Www."""
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _month_number(name: str) -> int:
    """1-12 from a month name or abbreviation (with or without dot)."""
    key = name.lower().rstrip(".")
    if key in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[key]
    return MONTHS.index(key) + 1


def _parse_quantity(raw: str) -> float | None:
    """Numeric value of a quantity phrase; None for vague ones ('several', 'a few')."""
    words = re.sub(r"\s+", " ", raw.lower().strip())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + half
    if words in VAGUE_QUANTITIES or words in {"couple of"}:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + half
    total = 0
    for part in re.split(r"[- ]", words):
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value
    return total + half


def _number_text(value: float) -> str:
    """2.0 -> '2', 2.5 -> '2.5'."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def _unit_key(unit: str) -> str:
    """Singular unit name: 'centuries' -> 'century'."""
    unit = unit.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") and unit[:-1] in UNIT_CODES else unit


def _duration_value(quantity: float | None, unit: str) -> str:
    """TIMEX3 duration: P2W, P1Y6M, PT3H, PXY for vague quantities."""
    key = _unit_key(unit)
    code = UNIT_CODES[key]
    time_unit = key in {"second", "minute", "hour", "moment"}
    prefix = "PT" if time_unit else "P"
    if quantity is None:
        return f"{prefix}X{code}"
    quantity *= UNIT_FACTORS.get(key, 1)
    if quantity != int(quantity):
        whole = int(quantity)
        if key == "year":
            return f"P{whole}Y6M" if whole else "P6M"
        if key == "hour":
            return f"PT{whole}H30M" if whole else "PT30M"
        if key == "day":
            return f"P{whole}DT12H" if whole else "PT12H"
    return f"{prefix}{_number_text(quantity)}{code}"


# --------------------------------------------------------------------------- context helpers


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence holding position (bounded look-back of 300 characters)."""
    low = max(0, position - 300)
    start = low
    for match in _sentence_break().finditer(text, low, position):
        start = match.end()
    return start


FUTURE_REACH = 180  # characters back a future cue reaches when nothing breaks the clause in between


def _is_future(ctx: Context, start: int, end: int) -> bool:
    """True when the clause before the expression (same sentence, ≤90 chars, or up to FUTURE_REACH with no
    comma between) has a future cue."""
    sentence_start = _sentence_start(ctx.text, start)
    window_start = max(sentence_start, start - 90)
    if _future_cue().search(ctx.text[window_start:start]):
        return True
    far = ctx.text[max(sentence_start, start - FUTURE_REACH):window_start]
    if any(not re.search(r"[,;:]", far[cue.end():] + ctx.text[window_start:start])
           for cue in _future_cue().finditer(far)):
        return True  # 'is preparing to host [a long object] in May': a cue further back, with no break between
    after = ctx.text[end:end + 25]
    return bool(re.match(r"\s*(?:,\s*)?(?:will|is\s+expected|is\s+due|is\s+scheduled)\b", after, re.IGNORECASE))


def _previous_word(text: str, start: int) -> str:
    """The word just before start, lower-cased ('' at the beginning)."""
    match = re.search(r"([\w$.'#€£-]+)\W*$", text[max(0, start - 30):start])
    return match.group(1).lower() if match else ""


def _next_text(text: str, end: int, size: int = 20) -> str:
    """A few characters after the expression."""
    return text[end:end + size]


def _capitalised(ctx: Context, m: re.Match[str], group: str) -> bool:
    """The group starts with a capital in the original text (news capitalises months and weekdays).

    Patterns run on lower-cased text, so the case is read back from ctx.text by offset.
    """
    start = m.start(group)
    return start >= 0 and ctx.text[start:start + 1].isupper()


def _unknown(granularity: str) -> str:
    """A value with an unknown year: XXXX, XXXX-XX, XXXX-XX-XX."""
    return {"year": "XXXX", "month": "XXXX-XX", "day": "XXXX-XX-XX", "week": "XXXX-WXX"}[granularity]


# --------------------------------------------------------------------------- resolution


def _resolve_day_without_year(ctx: Context, month: int, day: int, start: int, end: int) -> tuple[str, bool]:
    """Month+day: the nearest plausible year around the dct (past preferred, future if cued)."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}", True
    candidates = [d for d in (_safe_date(ctx.dct.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not candidates:
        return f"XXXX-{month:02d}-{day:02d}", True
    if _is_future(ctx, start, end):
        upcoming = [d for d in candidates if d >= ctx.dct - dt.timedelta(days=7)]
        chosen = min(upcoming) if upcoming else max(candidates)
    else:
        past = [d for d in candidates if d <= ctx.dct + dt.timedelta(days=60)]
        chosen = max(past) if past else min(candidates)
    return _day(chosen), ctx.dct_estimated


def _resolve_month_without_year(ctx: Context, month: int, rel: str, start: int, end: int) -> tuple[str, bool]:
    """A bare month: most recent past one (this month included), the next one if cued."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}", True
    year, current = ctx.dct.year, ctx.dct.month
    rel = rel.lower()
    if rel == "next" or rel == "coming" or (not rel and _is_future(ctx, start, end)):
        if month < current or (month == current and rel in {"next", "coming"}):
            year += 1
    elif rel in {"last", "past", "previous"}:
        if month >= current:
            year -= 1
    elif rel == "this":
        pass
    elif month > current:
        year -= 1
    return _month(year, month), ctx.dct_estimated


def _resolve_weekday(ctx: Context, weekday: int, rel: str, start: int, end: int) -> tuple[str, bool]:
    """A weekday: most recent past (dct's own weekday is the dct) unless future-cued or 'next'."""
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday + 1}", True
    rel = rel.lower()
    delta = (weekday - ctx.dct.weekday()) % 7
    if rel in {"next", "coming"}:
        date = ctx.dct + dt.timedelta(days=delta or 7)
    elif rel == "last" or rel == "past":
        date = ctx.dct - dt.timedelta(days=((ctx.dct.weekday() - weekday) % 7) or 7)
    elif rel == "this" or _is_future(ctx, start, end):
        date = ctx.dct + dt.timedelta(days=delta)
    else:
        date = ctx.dct - dt.timedelta(days=(ctx.dct.weekday() - weekday) % 7)
    return _day(date), ctx.dct_estimated


def _shift(ctx: Context, quantity: float | None, unit: str, sign: int, base: dt.date | None = None) -> str | None:
    """base (default dct) moved by quantity units, at the unit's granularity; None if vague."""
    origin = base or ctx.dct
    key = _unit_key(unit)
    if quantity is None:
        return None
    if origin is None:
        return _unknown("year" if key in {"year", "decade", "century"} else "month" if key == "month" else "day")
    if key in {"second", "minute", "hour", "moment"}:
        return _day(origin)
    if key in {"day", "night"}:
        return _day(origin + dt.timedelta(days=sign * round(quantity)))
    if key in {"week", "weekend", "fortnight"}:
        return _day(origin + dt.timedelta(days=sign * round(quantity * 7 * UNIT_FACTORS.get(key, 1))))
    if key == "quarter":
        year, month = _add_months(origin.year, origin.month, sign * round(quantity * 3))
        return f"{year}-Q{(month - 1) // 3 + 1}"
    months = quantity * {"month": 1, "year": 12, "decade": 120, "century": 1200}[key]
    year, month = _add_months(origin.year, origin.month, sign * round(months))
    if key == "month" or months != int(months) or (key == "year" and quantity != int(quantity)):
        return _month(year, month)
    return f"{year:04d}"


# --------------------------------------------------------------------------- handlers


def _handle_iso(ctx: Context, m: re.Match[str]) -> Reading | None:
    """2016-11-24 (optionally with a time)."""
    if _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) is None:
        return None
    value = f"{m['y']}-{m['m']}-{m['d']}"
    if m["h"]:
        return Reading(m.start(), m.end(), "TIME", f"{value}T{m['h']}:{m['mi']}")
    return Reading(m.start(), m.end(), "DATE", value)


def _full_year(digits: str) -> int:
    """A year written with four digits, or two: '07' is 2007, '86' is 1986."""
    year = int(digits)
    return year if len(digits) != 2 else year + (2000 if year < 50 else 1900)


NUMBERED_THINGS = frozenset("version v ver release build section sec article art clause paragraph para rule "
                            "chapter figure fig table item no number".split())


def _handle_dotted(ctx: Context, m: re.Match[str]) -> Reading | None:
    """24.11.2016, day first (not 'version 1.2.2016' or 'section 3.1.2019')."""
    if _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) is None or \
            _previous_word(ctx.text, m.start()) in NUMBERED_THINGS:
        return None
    return Reading(m.start(), m.end(), "DATE", f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}")


def _handle_day_month_hyphen(ctx: Context, m: re.Match[str]) -> Reading | None:
    """24-Nov-2016, 24-Nov-16."""
    if not _capitalised(ctx, m, "mon"):
        return None
    day = _safe_date(_full_year(m["year"]), _month_number(m["mon"]), int(m["day"]))
    return Reading(m.start(), m.end(), "DATE", _day(day)) if day else None


def _handle_slash(ctx: Context, m: re.Match[str]) -> Reading | None:
    """11/24/2016 or 7/8/07 (US order; day-first when the first number exceeds 12, or when the US
    reading of a past event would fall after the dct and the day-first one would not: '10/03/2026'
    in a report of 11 March 2026 is 10 March)."""
    first, second, year = int(m["a"]), int(m["b"]), _full_year(m["y"])
    month, day = (first, second) if first <= 12 else (second, first)
    day_first = _safe_date(year, second, first) if first <= 12 and second <= 12 and first != second else None
    us_order = _safe_date(year, month, day)
    if ctx.dct is not None and day_first is not None and us_order is not None and us_order > ctx.dct >= day_first \
            and not _is_future(ctx, m.start(), m.end()):
        month, day = second, first
    if _safe_date(year, month, day) is None or not 1600 <= year <= 2099:
        return None
    if re.match(r"[/\d]", _next_text(ctx.text, m.end(), 1)) or re.search(r"[/\d]$", ctx.text[max(0, m.start() - 1):m.start()]):
        return None
    return Reading(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}")


def _handle_month_day(ctx: Context, m: re.Match[str]) -> Reading | None:
    """November 24, 2016 / Nov. 24 / 24 November 2016 / Wednesday, June 17."""
    if not _capitalised(ctx, m, "mon"):
        return None
    month, day = _month_number(m["mon"]), int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        if _safe_date(int(m["year"]), month, day) is None:
            return None
        return Reading(m.start(), m.end(), "DATE", f"{int(m['year']):04d}-{month:02d}-{day:02d}")
    if m["mon"].lower() == "may" and _previous_word(ctx.text, m.start()) in {"i", "you", "we", "they", "it", "he", "she"}:
        return None
    if m["rel"]:  # 'June 19 last year'
        year, estimated = _year_from_relative(ctx, m["rel"])
        if year is None or _safe_date(year, month, day) is None:
            return None
        return Reading(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", "document", estimated)
    value, estimated = _resolve_day_without_year(ctx, month, day, m.start(), m.end())
    if _safe_date(2000, month, day) is None:
        return None
    return Reading(m.start(), m.end(), "DATE", value, "document", estimated)


def _year_from_relative(ctx: Context, rel: str) -> tuple[int | None, bool]:
    """this/last/next/previous/following year -> dct-relative year (None without dct)."""
    if ctx.dct is None:
        return None, True
    rel = re.sub(r"\s+", " ", rel.lower())
    offset = {"this": 0, "the same": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}.get(rel, 0)
    return ctx.dct.year + offset, ctx.dct_estimated


def _handle_month_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    """December 2016 / early May 2008 / October of next year."""
    if not _capitalised(ctx, m, "mon"):
        return None
    month = _month_number(m["mon"])
    if m["year"]:
        return Reading(m.start(), m.end(), "DATE", _month(int(m["year"]), month))
    year, estimated = _year_from_relative(ctx, m["rel"])
    value = _month(year, month) if year else f"XXXX-{month:02d}"
    return Reading(m.start(), m.end(), "DATE", value, "document", estimated)


def _handle_month(ctx: Context, m: re.Match[str]) -> Reading | None:
    """A bare month ('in February', 'last September'); May/March need a temporal cue."""
    name = m["mon"]
    if not _capitalised(ctx, m, "mon"):
        return None
    before = _previous_word(ctx.text, m.start())
    cue = m["mod"] or m["rel"] or before in YEAR_PREPOSITIONS | {"on", "last", "next", "this", "early",
                                                                  "late", "mid", "since", "until"}
    if name.lower() in {"may", "march"}:
        after = _next_text(ctx.text, m.end(), 12)
        if not cue and not re.match(r"'s\b|\s*[,.;:]", after):
            return None
        if before in {"the"} and not re.match(r"\s*[,.;:)]|'s", after):
            return None
    if before in {"the", "a"} and re.match(r"\s+[A-Z]", _next_text(ctx.text, m.end())):
        return None
    value, estimated = _resolve_month_without_year(ctx, _month_number(name), m["rel"] or "", m.start(), m.end())
    return Reading(m.start(), m.end(), "DATE", value, "document", estimated)


def _handle_decade(ctx: Context, m: re.Match[str]) -> Reading | None:
    """the 1990s -> 199; the '70s / 80s -> 197 / 198."""
    if m["full"]:
        return Reading(m.start(), m.end(), "DATE", m["full"])
    digit = int(m["short"])
    if digit in {1, 0} and "'" not in m.group():
        return None
    if re.search(r"[\d$.,]$", ctx.text[max(0, m.start() - 1):m.start()]):
        return None
    century = "20" if digit in {0, 1, 2} else "19"
    return Reading(m.start(), m.end(), "DATE", f"{century}{digit}", "document", True)


def _plausible_year(ctx: Context, m: re.Match[str]) -> bool:
    """Reject numbers that only look like years: amounts, codes, counts, parts of bigger numbers."""
    text, start, end = ctx.text, m.start("year"), m.end("year")
    before_char = text[start - 1:start] if start else ""
    if before_char and before_char in "$€£#,.-/:\\" and not m["mod"]:
        return False
    after = text[end:end + 12]
    if re.match(r"(?:[.,/:-]\d|\d|\s*%|\s*(?:percent|per\s+cent)\b|[a-z])", after):
        return False
    previous = _previous_word(text, m.start())
    if previous in NOT_YEAR_BEFORE or previous.endswith(("$", "€", "£")):
        return False
    year = int(m["year"])
    if re.match(r"\s+(?:[a-z]+s|people|men|women|troops|soldiers|km|miles|kilometres|kilometers|metres|meters|feet|tons|tonnes)\b", after) and previous not in YEAR_PREPOSITIONS:
        return False
    if year < 1900 and previous not in YEAR_PREPOSITIONS and not m["mod"]:
        return False
    return True


def _handle_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    """1988 / early 2008 / mid-2011 / 2019's."""
    if m.group().startswith("'") or not _plausible_year(ctx, m):
        return None
    return Reading(m.start(), m.end(), "DATE", m["year"])


def _handle_short_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    """'82 -> 1982 (only after a year preposition: since/in/of/from/class of)."""
    if _previous_word(ctx.text, m.start()) not in {"since", "in", "of", "from", "until", "by", "to", "and"}:
        return None
    yy = int(m["yy"])
    year = 2000 + yy if ctx.dct and 2000 + yy <= ctx.dct.year + 5 else 1900 + yy
    return Reading(m.start(), m.end(), "DATE", str(year))


def _handle_season(ctx: Context, m: re.Match[str]) -> Reading | None:
    """this summer / last winter / spring 2009 / Autumn (meetings)."""
    season = m["season"].lower()
    rel = (m["rel"] or "").lower()
    if season == "fall" and not (rel or m["year"] or m["mod"]):
        return None
    if season == "fall" and rel == "the" and not re.match(r"\s*(?:of\b|[,.;:)])", _next_text(ctx.text, m.end())):
        return None
    code = SEASONS[season]
    if m["year"]:
        return Reading(m.start(), m.end(), "DATE", f"{m['year']}-{code}")
    if m["rel2"]:
        year, estimated = _year_from_relative(ctx, m["rel2"])
        return Reading(m.start(), m.end(), "DATE", f"{year}-{code}" if year else f"XXXX-{code}", "document", estimated)
    if ctx.dct is None:
        return Reading(m.start(), m.end(), "DATE", f"XXXX-{code}", "document", True)
    year = ctx.dct.year + {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    start = m.start("rel") if m["rel"] and rel == "the" else m.start()
    return Reading(start, m.end(), "DATE", f"{year}-{code}", "document", ctx.dct_estimated)


def _handle_quarter(ctx: Context, m: re.Match[str]) -> Reading | None:
    """the third quarter (of 2009 / of this year) / the last quarter / first half -> 2009-Q3, 2009-H1."""
    ordinal = m["ord"].lower()
    half = m["what"].lower() == "half"
    if half and not (m["year"] or m["rel"] or "of the year" in m.group().lower()):
        return None
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
              "final": 4 if not half else 2}.get(ordinal)
    letter = "H" if half else "Q"
    if ordinal == "last" and not (m["year"] or m["rel"]):
        number = None
    if m["year"]:
        if number is None:
            number = 2 if half else 4
        return Reading(m.start(), m.end(), "DATE", f"{m['year']}-{letter}{number}")
    if ctx.dct is None:
        return Reading(m.start(), m.end(), "DATE", f"XXXX-{letter}{number or 'X'}", "document", True)
    current = (ctx.dct.month - 1) // (6 if half else 3) + 1
    year = ctx.dct.year
    if m["rel"]:
        year, _ = _year_from_relative(ctx, m["rel"] if m["rel"].lower() != "the" else "this")
        if number is None:
            number = 2 if half else 4
    elif number is None:
        step = {"last": -1, "previous": -1, "next": 1, "current": 0, "same": 0}[ordinal]
        index = year * (2 if half else 4) + current - 1 + step
        year, number = divmod(index, 2 if half else 4)
        number += 1
    elif number > current and current == 1 and not _is_future(ctx, m.start(), m.end()):
        year -= 1
    return Reading(m.start(), m.end(), "DATE", f"{year}-{letter}{number}", "document", ctx.dct_estimated)


def _handle_qcode(ctx: Context, m: re.Match[str]) -> Reading | None:
    """Q3 2009 / 2009 Q3 (a bare Q3 resolves against the dct)."""
    if ctx.text[m.start("q") - 1] != "Q":
        return None
    year = m["year"] or m["y1"]
    if year:
        return Reading(m.start(), m.end(), "DATE", f"{year}-Q{m['q']}")
    value = f"{ctx.dct.year}-Q{m['q']}" if ctx.dct else f"XXXX-Q{m['q']}"
    return Reading(m.start(), m.end(), "DATE", value, "document", ctx.dct is None or ctx.dct_estimated)


def _handle_relunit(ctx: Context, m: re.Match[str]) -> Reading | None:
    """this/last/next week|weekend|month|year, the past year (duration), late last month, earlier this year."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    the = bool(m["the"])
    if the and rel in {"past", "last", "next", "coming", "previous", "following"} and unit in {"week", "month", "year", "decade", "century"} and not m["mod"]:
        if rel in {"past", "last", "next", "coming"} or unit in {"decade", "century"}:
            return Reading(m.start(), m.end(), "DURATION", _duration_value(1, unit))
    if the and rel in {"current", "same"} and unit != "year":
        return None
    if rel == "prior" and not the:
        return None
    step = {"this": 0, "current": 0, "same": 0, "last": -1, "past": -1, "previous": -1, "prior": -1,
            "next": 1, "coming": 1, "following": 1}[rel]
    if ctx.dct is None:
        value = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                 "decade": "XXX", "century": "XX"}[unit]
        return Reading(m.start(), m.end(), "DATE", value, "document", True)
    if unit in {"week", "weekend"}:
        value = _week(ctx.dct + dt.timedelta(days=7 * step)) + ("-WE" if unit == "weekend" else "")
    elif unit == "month":
        value = _month(*_add_months(ctx.dct.year, ctx.dct.month, step))
    elif unit == "year":
        value = f"{ctx.dct.year + step:04d}"
    elif unit == "decade":
        value = f"{ctx.dct.year // 10 + step:03d}"
    else:
        value = f"{ctx.dct.year // 100 + step:02d}"
    return Reading(m.start(), m.end(), "DATE", value, "document", ctx.dct_estimated)


def _handle_mod_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    """the end / beginning / rest of the year -> the dct's year."""
    value = f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"
    return Reading(m.start(), m.end(), "DATE", value, "document", ctx.dct is None or ctx.dct_estimated)


def _handle_mod_month(ctx: Context, m: re.Match[str]) -> Reading | None:
    """the end / beginning / rest of the month -> the dct's month."""
    value = _month(ctx.dct.year, ctx.dct.month) if ctx.dct else "XXXX-XX"
    return Reading(m.start(), m.end(), "DATE", value, "document", ctx.dct is None or ctx.dct_estimated)


def _handle_weekend(ctx: Context, m: re.Match[str]) -> Reading | None:
    """'the weekend' -> the dct's week, weekend part."""
    if ctx.dct is None:
        return Reading(m.start(), m.end(), "DATE", "XXXX-WXX-WE", "document", True)
    date = ctx.dct if ctx.dct.weekday() >= 4 or not _is_future(ctx, m.start(), m.end()) else ctx.dct
    if ctx.dct.weekday() < 4 and not _is_future(ctx, m.start(), m.end()):
        date = ctx.dct - dt.timedelta(days=ctx.dct.weekday() + 1)
    return Reading(m.start(), m.end(), "DATE", _week(date) + "-WE", "document", ctx.dct_estimated)


def _handle_weekday(ctx: Context, m: re.Match[str]) -> Reading | None:
    """on Wednesday / Wednesday night / last Friday / next Monday morning."""
    if not _capitalised(ctx, m, "wd"):
        return None
    after = _next_text(ctx.text, m.end("wd"), 20)
    following = re.match(r"\s+([A-Z][\w.]*)", after)
    if following and not m["pod"] and following.group(1).lower().rstrip(".") not in set(MONTHS) | set(MONTH_ABBREVIATIONS):
        return None
    if re.search(r"\b(?:Black|Bloody|Super|Cyber|Ash|Good|Holy|Easter|Palm|Maundy)\s*$", ctx.text[max(0, m.start() - 8):m.start()]):
        return None
    weekday = WEEKDAYS.index(m["wd"].lower())
    value, estimated = _resolve_weekday(ctx, weekday, m["rel"] or "", m.start(), m.end())
    if m["pod"]:
        return Reading(m.start(), m.end(), "TIME", f"{value}T{PARTS_OF_DAY[m['pod'].lower()]}", "document", estimated)
    return Reading(m.start(), m.end(), "DATE", value, "document", estimated)


def _handle_end_of_sabbath(ctx: Context, m: re.Match[str]) -> Reading | None:
    """'Motzei Shabbat', as Israeli reports write Saturday night: the last one, or the next when the clause
    is about the future."""
    value, estimated = _resolve_weekday(ctx, WEEKDAYS.index("saturday"), "", m.start(), m.end())
    return Reading(m.start(), m.end(), "TIME", f"{value}TNI", "document", estimated)


def _handle_dayrel(ctx: Context, m: re.Match[str]) -> Reading | None:
    """today / yesterday / tomorrow (morning) / tonight / earlier today."""
    word = re.sub(r"\s+", " ", m["w"].lower())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[word]
    if ctx.dct is None:
        return Reading(m.start(), m.end(), "DATE", "PRESENT_REF" if offset == 0 else "XXXX-XX-XX", "document", True)
    value = _day(ctx.dct + dt.timedelta(days=offset))
    pod = m["pod"].lower() if m["pod"] else ("night" if word == "tonight" else "")
    if pod:
        return Reading(m.start(), m.end(), "TIME", f"{value}T{PARTS_OF_DAY[pod]}", "document", ctx.dct_estimated)
    return Reading(m.start(), m.end(), "DATE", value, "document", ctx.dct_estimated)


def _handle_podrel(ctx: Context, m: re.Match[str]) -> Reading | None:
    """this morning / last night / yesterday afternoon."""
    word, pod = m["w"].lower(), m["pod"].lower()
    offset = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[word]
    if word == "last" and pod != "night":
        return None
    if ctx.dct is None:
        return Reading(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[pod]}", "document", True)
    value = _day(ctx.dct + dt.timedelta(days=offset))
    return Reading(m.start(), m.end(), "TIME", f"{value}T{PARTS_OF_DAY[pod]}", "document", ctx.dct_estimated)


def _handle_duration(ctx: Context, m: re.Match[str]) -> Reading | None:
    """two weeks / 18 months / a year and a half ago / fifty-year / two weeks after <event>."""
    raw_qty = m["qty"].lower()
    unit = m["unit"].lower()
    key = _unit_key(unit)
    quantity = _parse_quantity(raw_qty)
    if m["half"]:
        quantity = (quantity or 0) + 0.5 if quantity is not None else None
    if raw_qty in {"half"}:
        quantity = 0.5
    after = _next_text(ctx.text, m.end(), 15)
    if key == "second" and not unit.endswith("s") and (raw_qty in {"a", "an", "one"} or re.match(r"\s+[a-z]", after)) and not m["sig"]:
        if not re.match(r"\s*(?:[,.;:)]|later|earlier|ago)", after):
            return None
    if key == "quarter" and not unit.endswith("s") and not m["sig"]:
        return None
    if key in {"moment", "night"} and quantity is None:
        return None
    if raw_qty == "some" and not m["sig"]:
        return None
    if quantity is not None and raw_qty in {"a", "an", "one"} and unit.endswith("s"):
        return None
    signal = re.sub(r"\s+", " ", (m["sig"] or "").lower())
    start = m.start()
    if signal in {"ago", "from now", "hence"}:
        sign = -1 if signal == "ago" else 1
        value = _shift(ctx, quantity, unit, sign)
        if value is None:
            return Reading(start, m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "document", True)
        return Reading(start, m.end(), "DATE", value, "document", ctx.dct is None or ctx.dct_estimated)
    if signal in {"after", "before", "prior to", "following"}:
        return _event_anchored(ctx, m, quantity, unit, signal)
    if signal in {"later", "earlier"}:
        if re.match(r"\s+than\b", after):
            end = m.end("sig")
            return Reading(start, end, "DATE", "ANAPHOR", "event", True, rule=f"{signal}|{_number_text(quantity) if quantity is not None else 'X'}|{unit}")
        return Reading(start, m.end(), "DATE", "ANAPHOR", "event", True, rule=f"{signal}|{_number_text(quantity) if quantity is not None else 'X'}|{unit}")
    end = m.end("half") if m["half"] else m.end("unit")
    return Reading(start, end, "DURATION", _duration_value(quantity, unit))


def _handle_half_unit(ctx: Context, m: re.Match[str]) -> Reading | None:
    """half a year / half an hour (optionally 'ago')."""
    signal = (m["sig"] or "").lower()
    if signal == "ago":
        return Reading(m.start(), m.end(), "DATE", _shift(ctx, 0.5, m["unit"], -1) or "PAST_REF", "document", ctx.dct_estimated)
    return Reading(m.start(), m.end("unit"), "DURATION", _duration_value(0.5, m["unit"]))


def _handle_vague_duration(ctx: Context, m: re.Match[str]) -> Reading | None:
    """years / the past few months / decades-long / days after <event> / in recent years."""
    pre = re.sub(r"\s+", " ", m["pre"].lower())
    unit = m["unit"]
    signal = re.sub(r"\s+", " ", (m["sig"] or "").lower())
    if signal in {"after", "before", "prior to", "following"}:
        return _event_anchored(ctx, m, None, unit, signal)
    if signal == "ago":
        return Reading(m.start("unit") if pre.strip() in {"in", "for", "within"} else m.start(), m.end(), "DATE", "PAST_REF", "document", True)
    if signal in {"later", "earlier"} and not pre:
        return None
    start = m.start("unit") if pre.strip() in {"in", "for", "within", "decades", "decade"} or not pre else m.start()
    end = m.end("long") if m["long"] else m.end("unit")
    if not pre and not m["long"]:
        return None
    if pre.strip() in {"decades", "decade"}:
        return None
    if pre.strip() in {"in", "for", "within"} and not re.match(r"\s*(?:[,.;:)]|now\b|to come|on end|and\b)", _next_text(ctx.text, m.end("unit"))):
        return None
    if pre.strip() in {"just", "only", "mere"}:
        return None
    return Reading(start, end, "DURATION", _duration_value(None, unit))


def _handle_set(ctx: Context, m: re.Match[str]) -> Reading | None:
    """every week / each year / twice a week / 15 a year -> SET."""
    per = m["per"].lower()
    unit = m["unit"].lower()
    freq = m["freq"]
    start = m.start() if freq else m.start("per")
    if unit in WEEKDAYS:
        if per not in {"every", "each"} or not _capitalised(ctx, m, "unit"):
            return None
        return Reading(m.start("per"), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS.index(unit) + 1}")
    if unit.endswith("s") and not m["qty"]:
        return None
    if per in {"a", "an", "per"} and not freq:
        before = ctx.text[max(0, m.start() - 25):m.start()]
        if not re.search(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|[a-z]+)?|times|once|twice)\s*$", before):
            return None
        if per != "per" and re.search(r"\b(?:for|in|within|after|over|than|about|of|by|nearly|almost|around)\s*$", before):
            return None
    quantity = _parse_quantity(m["qty"]) if m["qty"] else 1
    return Reading(start, m.end(), "SET", _duration_value(quantity, unit))


def _handle_set_adjective(ctx: Context, m: re.Match[str]) -> Reading | None:
    """annual / weekly / daily -> SET P1Y / P1W / P1D."""
    word = m["w"].lower()
    value = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "weekly": "P1W", "daily": "P1D",
             "monthly": "P1M", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
             "semiannual": "P6M", "bi-annual": "P6M"}[word]
    return Reading(m.start(), m.end(), "SET", value)


def _clock_day(ctx: Context, m: re.Match[str]) -> tuple[str, bool]:
    """The date a clock time belongs to: its trailing weekday/today, else the dct."""
    word = (m["dw"] or "").lower() if "dw" in m.re.groupindex else ""
    if ctx.dct is None:
        return "XXXX-XX-XX", True
    if word in WEEKDAYS:
        return _resolve_weekday(ctx, WEEKDAYS.index(word), "", m.start(), m.end())
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _day(ctx.dct + dt.timedelta(days=offset)), ctx.dct_estimated


def _handle_clock(ctx: Context, m: re.Match[str]) -> Reading | None:
    """2:30 p.m. / 9 am (GMT +8) / 18:00 UTC Monday / 0800 UTC -> ...T14:30."""
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "") if "ampm" in m.re.groupindex else ""
    if ampm:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif m.re.groupindex.get("ampm") and not m["tz"] and not m["dw"]:
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if not re.search(r"\b(?:at|by|until|from|before|after|around|about|of)\s*$", before, re.IGNORECASE):
            return None
    date, estimated = _clock_day(ctx, m)
    zone = "Z" if m["tz"] and m["tz"].upper() in {"UTC", "GMT", "Z"} and not ampm else ""
    rule = "" if m["dw"] else f"clock|T{hour:02d}:{minute:02d}{zone}"
    return Reading(m.start(), m.end(), "TIME", f"{date}T{hour:02d}:{minute:02d}{zone}", "document", estimated, rule)


def _handle_clock_military(ctx: Context, m: re.Match[str]) -> Reading | None:
    """0800 UTC / 1400 hours."""
    date, estimated = _clock_day(ctx, m)
    zone = "Z" if m["tz"] else ""
    return Reading(m.start(), m.end(), "TIME", f"{date}T{m['h']}:{m['mi']}{zone}", "document", estimated)


def _handle_noon(ctx: Context, m: re.Match[str]) -> Reading | None:
    """noon / midnight / midday -> T12:00 / T24:00 of the day the sentence names ('at midnight on
    Sunday'), else of the dct."""
    date = _day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    clock = "24:00" if m["w"].lower() == "midnight" else "12:00"
    return Reading(m.start(), m.end(), "TIME", f"{date}T{clock}", "document", ctx.dct is None or ctx.dct_estimated,
                   f"clock|T{clock}")


def _handle_refs(ctx: Context, m: re.Match[str]) -> Reading | None:
    """now / currently (PRESENT_REF), recently / the past (PAST_REF), the future / soon (FUTURE_REF)."""
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word == "recent" and re.match(r"\s+(?:years|months|weeks|days|decades)\b", _next_text(ctx.text, m.end())):
        return None
    if word == "now" and re.match(r"\s*(?:that|on|defunct)\b", _next_text(ctx.text, m.end())):
        return None
    if _next_text(ctx.text, m.end(), 1) == "-" and word in {"now", "soon", "recently", "currently"}:
        return None
    if word.startswith(("right now", "now", "currently", "nowadays", "at present", "the time being", "in the meantime")):
        value = "PRESENT_REF"
    elif "past" in word or "recent" in word:
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    start = m.start()
    if word == "more recently":
        start = m.start()
    if word in {"until recently"}:
        start = m.start() + len("until ")
    if word == "in the meantime":
        return None
    return Reading(start, m.end(), "DATE", value, "document", False)


# What a following clause or phrase says 'the day' is ('on the day the deal was announced', 'the day
# after airing', 'on the day of the vote'): not the day last mentioned.
DAY_DEFINED_AFTER = re.compile(r"\s+(?:of|after|before|that|when|which|following|where|the|a|an|one|his|her|its|"
                               r"their|our|he|she|it|they|we|i|you)\b", re.IGNORECASE)


def _handle_the_day(ctx: Context, m: re.Match[str]) -> Reading | None:
    """end the day / for the day / on the same day -> the last day-level date mentioned (anaphora)."""
    if m["pre"].split()[-1].lower() != "in" and DAY_DEFINED_AFTER.match(ctx.text, m.end()):
        return None  # 'late in the day after falling 250 points' is that day
    return Reading(m.start("x"), m.end("x"), "DATE", "ANAPHOR", "document", False, rule="day")


def _handle_sequel(ctx: Context, m: re.Match[str]) -> Reading | None:
    """'the following day', 'the next morning', 'the previous Monday': a day told from the last day-level
    date mentioned, not from the publication date (resolved in the second pass)."""
    direction = "later" if m["w"].lower() in ("following", "next") else "earlier"
    return Reading(m.start(), m.end(), "DATE", "ANAPHOR", "event", True, rule=f"sequel|{direction}|{m['unit'].lower()}")


def _after_day(base: str, direction: str, unit: str) -> str:
    """The day a sequel names from a day-level date: a day on ('the following day', 'the next morning'),
    or the nearest such weekday after or before ('the following Monday')."""
    origin = _base_date(base)
    if origin is None:
        return base
    sign = 1 if direction == "later" else -1
    if unit in WEEKDAYS:
        steps = next(n for n in range(1, 8) if (origin + dt.timedelta(days=sign * n)).weekday() == WEEKDAYS.index(unit))
        return _day(origin + dt.timedelta(days=sign * steps))
    day = _day(origin + dt.timedelta(days=sign))
    return f"{day}T{PARTS_OF_DAY[unit]}" if unit in PARTS_OF_DAY else day


def _handle_day_of_month(ctx: Context, m: re.Match[str]) -> Reading | None:
    """'on the 28th': that day of the dct's month or the month before (the month after if the clause
    is about the future), whichever is nearest on the right side of the dct."""
    day = int(m["day"])
    if ctx.dct is None:
        return Reading(m.start("x"), m.end("x"), "DATE", f"XXXX-XX-{day:02d}", "document", True)
    months = [_add_months(ctx.dct.year, ctx.dct.month, delta) for delta in (-1, 0, 1)]
    candidates = [d for d in (_safe_date(year, month, day) for year, month in months) if d]
    if _is_future(ctx, m.start(), m.end()):
        chosen = min((d for d in candidates if d >= ctx.dct), default=None)
    else:
        chosen = max((d for d in candidates if d <= ctx.dct), default=None)
    if chosen is None:
        return None
    return Reading(m.start("x"), m.end("x"), "DATE", _day(chosen), "document", ctx.dct_estimated)


def _handle_holiday(ctx: Context, m: re.Match[str]) -> Reading | None:
    """Christmas / New Year's Day -> that day in the nearest plausible year."""
    month, day = HOLIDAYS[re.sub(r"\s+", " ", m["w"].lower())]
    if re.match(r"\s+(?:sales|season|shopping|period|holidays?|trees?|cards?|party|parties|market)\b", _next_text(ctx.text, m.end())):
        return None
    value, estimated = _resolve_day_without_year(ctx, month, day, m.start(), m.end())
    return Reading(m.start(), m.end(), "DATE", value, "document", estimated)


HANDLERS = {
    "iso": _handle_iso, "dotted": _handle_dotted, "dmyhyphen": _handle_day_month_hyphen, "slash": _handle_slash,
    "mdy": _handle_month_day, "dmy": _handle_month_day,
    "monyear": _handle_month_year, "month": _handle_month, "decade": _handle_decade, "year": _handle_year,
    "shortyear": _handle_short_year, "season": _handle_season, "quarter": _handle_quarter,
    "qcode": _handle_qcode, "relunit": _handle_relunit, "weekend": _handle_weekend, "modyear": _handle_mod_year,
    "modmonth": _handle_mod_month,
    "weekday": _handle_weekday, "shabbat": _handle_end_of_sabbath, "dayrel": _handle_dayrel, "podrel": _handle_podrel,
    "duration": _handle_duration, "halfunit": _handle_half_unit, "vaguedur": _handle_vague_duration,
    "set": _handle_set, "setadj": _handle_set_adjective, "clock": _handle_clock, "clock24": _handle_clock,
    "clockmil": _handle_clock_military, "noon": _handle_noon, "refs": _handle_refs,
    "theday": _handle_the_day, "holiday": _handle_holiday, "dayord": _handle_day_of_month, "sequel": _handle_sequel,
}
RULE_PRIORITY = {name: index for index, name in enumerate(HANDLERS)} | {"set": -1}


# --------------------------------------------------------------------------- event anchoring


def _anchor_phrase_end(ctx: Context, start: int) -> int:
    """End of an anchor phrase: up to six words, stopping at punctuation or a clause word."""
    window = ctx.text[start:start + 80]
    stop = re.search(r"[,;:!?()\"“”\n]|\.(?:\s|$)|\s[–—-]\s|\s(?:and|but|when|which|who|while|where|because|as|so|then|after|before)\s", window)
    if stop:
        window = window[:stop.start()]
    words = list(re.finditer(r"\S+", window))[:6]
    return start + words[-1].end() if words else start


def _event_keys(phrase: str) -> list[list[str]]:
    """Ways to look the anchor event up, most specific first: all content words, the capitalised
    words and numbers ('Resolution 2334'), the head (last content) word ('election')."""
    tokens = re.findall(r"[\w'’-]+", phrase)
    content = [t for t in tokens if t.lower() not in EVENT_STOPWORDS and len(t) > 1]
    named = [t for t in content if t[0].isupper() or t[0].isdigit()]
    keys: list[list[str]] = []
    for key in (content[:4], named, [content[-1]] if content and len(content[-1]) > 3 else []):
        if key and key not in keys:
            keys.append(key)
    return keys


def _find_event_date(ctx: Context, phrase_span: tuple[int, int], absolutes: list[Reading]) -> Reading | None:
    """An absolute date next to another mention of the anchor's key words (same sentence)."""
    inside = [r for r in absolutes if phrase_span[0] <= r.start and r.end <= phrase_span[1]]
    if inside:
        return inside[0]
    for key in _event_keys(ctx.text[phrase_span[0]:phrase_span[1]]):
        found = _date_near_mention(ctx, key, phrase_span, absolutes)
        if found is not None:
            return found
    return None


def _date_near_mention(ctx: Context, key: list[str], phrase_span: tuple[int, int],
                       absolutes: list[Reading]) -> Reading | None:
    """The absolute date closest to a mention of key (words in order, ≤2 words apart) elsewhere."""
    pattern = re.compile(r"\b" + r"\W+(?:\w+\W+){0,2}?".join(re.escape(k.lower()) for k in key) + r"\b")
    best: tuple[int, Reading] | None = None
    own_sentence = _sentence_start(ctx.text, phrase_span[0])
    for hit in pattern.finditer(ctx.lowered):
        if own_sentence <= hit.start() <= phrase_span[1]:
            continue
        sentence_start = _sentence_start(ctx.text, hit.start())
        sentence_end = _sentence_break().search(ctx.text, hit.end())
        limit = sentence_end.start() if sentence_end else len(ctx.text)
        for reading in absolutes:
            if sentence_start <= reading.start and reading.end <= limit and re.match(r"\d{4}-\d\d", reading.value):
                distance = abs(reading.start - hit.start())
                if best is None or distance < best[0]:
                    best = (distance, reading)
    return best[1] if best else None


def _event_anchored(ctx: Context, m: re.Match[str], quantity: float | None, unit: str, signal: str) -> Reading:
    """'<quantity> <unit> after/before <event phrase>': extent through the phrase; resolved later."""
    phrase_start = m.end("sig") + 1
    end = _anchor_phrase_end(ctx, phrase_start)
    if end <= phrase_start:
        end = m.end("sig")
    sign = -1 if signal in {"before", "prior to"} else 1
    rule = f"event|{sign}|{_number_text(quantity) if quantity is not None else 'X'}|{unit}|{phrase_start}|{end}"
    return Reading(m.start(), end, "DATE", "EVENT", "event", True, rule=rule)


def _granularity(value: str) -> str:
    """'day', 'month' or 'year' for a YYYY-MM-DD / YYYY-MM / YYYY value ('' otherwise)."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return ""


def _base_date(value: str) -> dt.date | None:
    """The first day of a YYYY[-MM[-DD]] value."""
    parts = [int(p) for p in value.split("-")[:3]] + [1, 1]
    return _safe_date(parts[0], parts[1], parts[2]) if len(value) >= 4 and value[:4].isdigit() else None


def _offset_from(base: Reading, quantity: float | None, unit: str, sign: int) -> str:
    """The anchor's value moved by quantity units, never finer than the anchor's granularity."""
    grain = _granularity(base.value)
    origin = _base_date(base.value)
    key = _unit_key(unit)
    if origin is None:
        return base.value
    if quantity is None or (grain != "day" and key in {"day", "night", "week", "weekend", "hour", "minute", "second", "moment"}):
        return base.value[:7] if grain != "year" else base.value
    shifted = _shift(Context("", origin, False), quantity, unit, sign, origin) or base.value
    if grain == "year":
        return shifted[:4]
    if grain == "month" and len(shifted) > 7:
        return shifted[:7]
    return shifted


NEWS_DAYS = 7  # a day told just before a bare clock time is the news's own when it is this close before the dct


def _days_of_the_news(ctx: Context, value: str) -> bool:
    """A day within the week the report tells of (NEWS_DAYS up to the dct), not a past date recalled
    ('the last inspection was completed on 14 October 2021')."""
    day = _safe_date(*map(int, value[:10].split("-"))) if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
    return day is not None and ctx.dct is not None and 0 <= (ctx.dct - day).days <= NEWS_DAYS


def _day_told(value: str) -> str | None:
    """The day of a day-level value or of a part of a day ('2026-03-10TEV' from 'Tuesday evening')."""
    return value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?", value) else None


STAMP_BEFORE = re.compile(r"[ \t]*(?:(?:last\s+)?updated|posted|published|breaking|update)?[:,]?[ \t]*", re.IGNORECASE)
STAMP_AFTER = re.compile(r"[ \t]*(?:\(?[A-Z]{2,5}\)?[ \t]*)?(?:[—–|:-]|\n|$)")


def _stamps_a_line(text: str, reading: Reading) -> bool:
    """Whether a clock time opens its line as the stamp of an update ('18:40 GMT — Ministry says ...',
    'Last updated 18:40 GMT'): a live report's entries are stamped with the hour they were posted."""
    line_start = text.rfind("\n", 0, reading.start) + 1
    return bool(STAMP_BEFORE.fullmatch(text, line_start, reading.start)) and \
        bool(STAMP_AFTER.match(text, reading.end))


def _stamp_day(ctx: Context, reading: Reading, readings: list[Reading]) -> tuple[str, bool] | None:
    """The day an update's stamp belongs to: that of the last date standing as a line of its own
    before it (a live report's day heading), else the dct's."""
    headings = [r for r in readings if r.end <= reading.start and _day_told(r.value)
                and not ctx.text[ctx.text.rfind("\n", 0, r.start) + 1:r.start].strip(" \t,")
                and re.match(r"[ \t.,]*(?:\n|$)", ctx.text[r.end:r.end + 40])]
    if headings:
        return _day_told(headings[-1].value) or "", headings[-1].estimated
    return (_day(ctx.dct), ctx.dct_estimated) if ctx.dct else None


def _clock_in_sentence(ctx: Context, reading: Reading, readings: list[Reading]) -> Reading:
    """A clock time takes the day of the nearest day-level date (or part of a day) in its sentence, else
    of the last day of the news (_days_of_the_news) told before it in its paragraph, else of the first
    the report tells (its lead's: 'came ashore late Wednesday ... The eye crossed the coast at about
    10:40 p.m.'), else the dct's. An update's stamp is on the day it was posted (_stamp_day)."""
    clock = reading.rule.split("|", 1)[1]
    if _stamps_a_line(ctx.text, reading):
        stamp = _stamp_day(ctx, reading, readings)
        return reading if stamp is None else \
            Reading(reading.start, reading.end, "TIME", stamp[0] + clock, "document", stamp[1])
    sentence_start = _sentence_start(ctx.text, reading.start)
    following = _sentence_break().search(ctx.text, reading.end)
    sentence_end = following.start() if following else len(ctx.text)
    days = [r for r in readings if r is not reading and sentence_start <= r.start and r.end <= sentence_end
            and _day_told(r.value)]
    if not days:
        paragraph_start = ctx.text.rfind("\n\n", 0, reading.start) + 2
        news_days = [r for r in readings if r.end <= sentence_start and _day_told(r.value)
                     and _days_of_the_news(ctx, r.value)]
        days = [r for r in news_days if r.start >= paragraph_start][-1:] or news_days[:1]
    if not days:
        return reading
    nearest = min(days, key=lambda r: (r.start > reading.start, abs(r.start - reading.start)))
    return Reading(reading.start, reading.end, "TIME", (_day_told(nearest.value) or "") + clock, "document",
                   nearest.estimated)


def _resolve_deferred(ctx: Context, readings: list[Reading]) -> list[Reading]:
    """Second pass: event anchors and anaphora ('the day', 'three days later') get their values."""
    absolutes = [r for r in readings if r.anchor == "absolute" and _granularity(r.value)]
    resolved: list[Reading] = []
    for reading in readings:
        if reading.value == "EVENT":
            _, sign, qty, unit, p_start, p_end = reading.rule.split("|")
            quantity = None if qty == "X" else float(qty)
            base = _find_event_date(ctx, (int(p_start), int(p_end)), absolutes)
            if base is None:
                grain = "year" if _unit_key(unit) in {"year", "decade", "century"} else "month" if _unit_key(unit) == "month" else "day"
                reading = Reading(reading.start, reading.end, reading.type, _unknown(grain), "event", True)
            else:
                value = _offset_from(base, quantity, unit, int(sign))
                reading = Reading(reading.start, reading.end, reading.type, value, "event", quantity is None)
        elif reading.rule.startswith("clock|"):
            reading = _clock_in_sentence(ctx, reading, readings)
        elif reading.value == "ANAPHOR":
            previous = next((r for r in reversed(resolved) if _granularity(r.value) == "day"), None)
            if reading.rule.startswith("sequel|"):
                _, direction, unit = reading.rule.split("|")
                value = _after_day(previous.value, direction, unit) if previous else "XXXX-XX-XX"
                kind = "TIME" if "T" in value else "DATE"
                reading = Reading(reading.start, reading.end, kind, value, "event", previous is None, rule="sequel")
            elif reading.rule == "day":
                # 'close the day' is the day the story is about, not one told from it ('by the following day')
                previous = next((r for r in reversed(resolved) if _granularity(r.value) == "day" and r.rule != "sequel"),
                                None)
                value = previous.value if previous else (_day(ctx.dct) if ctx.dct else "XXXX-XX-XX")
                reading = Reading(reading.start, reading.end, "DATE", value, "document", previous is None and ctx.dct is None)
            else:
                signal, qty, unit = reading.rule.split("|")
                quantity = None if qty == "X" else float(qty)
                sign = 1 if signal == "later" else -1
                if previous is not None:
                    value = _offset_from(previous, quantity, unit, sign)
                    reading = Reading(reading.start, reading.end, "DATE", value, "event", quantity is None)
                else:
                    reading = Reading(reading.start, reading.end, "DURATION", _duration_value(quantity, unit), "event", True)
        resolved.append(reading)
    return resolved


# --------------------------------------------------------------------------- public API


def _parse_dct(dct: str | None) -> dt.date | None:
    """YYYY-MM-DD (a longer ISO timestamp is cut); None when absent or malformed."""
    if not dct:
        return None
    try:
        return dt.date.fromisoformat(dct[:10])
    except ValueError:
        return None


DIGIT_RULES = ("iso", "slash", "year", "decade", "shortyear", "clock", "clock24", "clockmil", "qcode", "dayord")
UNIT_RULES = ("duration", "halfunit", "vaguedur", "set", "relunit")
RULE_REACH = {"iso": (0, 20), "dotted": (1, 1), "dmyhyphen": (4, 10), "slash": (0, 12), "clock": (0, 40),
              "clock24": (0, 40), "clockmil": (0, 12),
              "noon": (0, 10), "setadj": (0, 12), "shortyear": (1, 5), "qcode": (6, 8), "holiday": (12, 12),
              "dayrel": (26, 22), "podrel": (12, 12), "weekday": (14, 22), "refs": (24, 12), "theday": (14, 5),
              "sequel": (6, 22),
              "weekend": (6, 2), "mdy": (14, 24), "dmy": (20, 24), "dayord": (14, 12)}  # mdy: "June 19 last year"
DEFAULT_REACH = (42, 32)


@cache
def _trigger_rules() -> dict[str, tuple[str, ...]]:
    """Lower-case trigger word -> the rules that can match around it (rules only run near triggers)."""
    table: dict[str, set[str]] = {}

    def add(words: object, *rules: str) -> None:
        for word in words:  # type: ignore[attr-defined]
            table.setdefault(word, set()).update(rules)

    add(MONTHS, "mdy", "dmy", "monyear", "month", "dmyhyphen")
    add(MONTH_ABBREVIATIONS, "mdy", "dmy", "monyear", "dmyhyphen")
    add(WEEKDAYS, "weekday", "set")
    add(("shabbat", "shabat"), "shabbat")
    for unit in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year",
                 "decade", "quarter", "moment"):
        add((unit, unit + "s"), *UNIT_RULES)
    add(("century", "centuries"), *UNIT_RULES)
    add(("week", "weekend"), "weekend")
    add(("year",), "modyear")
    add(("month",), "modmonth")
    add(("day",), "theday")
    add(("following", "next", "previous", "preceding"), "sequel")
    add(("quarter", "half"), "quarter")
    add(("q",), "qcode")
    add(("half",), "halfunit")
    add(SEASONS, "season")
    add(("today", "tonight", "yesterday", "tomorrow"), "dayrel", "podrel")
    add(PARTS_OF_DAY, "podrel")
    add(("now", "currently", "recently", "recent", "nowadays", "present", "past", "future", "term", "soon",
         "being", "meantime"), "refs")
    add(("annual", "annually", "yearly", "weekly", "daily", "monthly", "quarterly", "hourly", "nightly",
         "biweekly", "semiannual"), "setadj")
    add(("noon", "midnight", "midday"), "noon")
    add(("christmas", "halloween", "valentine", "year"), "holiday")
    return {word: tuple(sorted(rules)) for word, rules in table.items()}


@cache
def _digits_pattern() -> re.Pattern[str]:
    """Runs of digits (the numeric trigger scan)."""
    return re.compile(r"\d+")


@cache
def _dotted_trigger() -> re.Pattern[str]:
    """Three numbers joined by dots ending in a year: the only place a dotted date can be."""
    return re.compile(r"\d{1,2}\.\d{1,2}\.(?:1[6-9]|20)\d\d")


def _triggers(lowered: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, rules) of every trigger word (whole word, via str.find) and digit run, in order."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    find = lowered.find
    for word, rules in _trigger_rules().items():
        size = len(word)
        position = find(word)
        while position >= 0:
            end = position + size
            if not (position and lowered[position - 1].isalpha()) and not lowered[end:end + 1].isalpha():
                found.append((position, end, rules))
            position = find(word, end)
    found.extend((m.start(), m.end(), DIGIT_RULES) for m in _digits_pattern().finditer(lowered))
    if "." in lowered:
        found.extend((m.start(), m.end(), ("dotted",)) for m in _dotted_trigger().finditer(lowered))
    found.sort()
    return found


def _lower(text: str) -> str:
    """Lower-cased text of the same length (characters whose lower form is longer are kept)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _windows(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged windows of text around its trigger words (reach per rule)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    limit = len(lowered)
    for token_start, token_end, rules in _triggers(lowered):
        for rule in rules:
            before, after = RULE_REACH.get(rule, DEFAULT_REACH)
            low, high = max(0, token_start - before), min(limit, token_end + after)
            bucket = spans.setdefault(rule, [])
            if bucket and low <= bucket[-1][1]:
                bucket[-1] = (bucket[-1][0], high)
            else:
                bucket.append((low, high))
    return spans


def _candidates(ctx: Context) -> list[Reading]:
    """Every accepted reading of every rule near its triggers (overlapping)."""
    found: list[Reading] = []
    windows = _windows(ctx.lowered)
    for name, pattern in _rules():
        handler = HANDLERS[name]
        seen: set[tuple[int, int]] = set()
        for low, high in windows.get(name, ()):
            for match in pattern.finditer(ctx.lowered, low, high):
                if match.span() in seen:
                    continue
                seen.add(match.span())
                reading = handler(ctx, match)
                if reading is not None and reading.end > reading.start and "\n" not in ctx.text[reading.start:reading.end]:
                    found.append(Reading(reading.start, reading.end, reading.type, reading.value, reading.anchor,
                                         reading.estimated, reading.rule or name))
    return found


def _select(candidates: list[Reading]) -> list[Reading]:
    """Longest-first non-overlapping choice (ties: rule order), returned in text order."""
    chosen: list[Reading] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted(candidates, key=lambda r: (-(r.end - r.start), RULE_PRIORITY.get(r.rule.split("|")[0], 99), r.start))
    for reading in ordered:
        if any(reading.start < end and start < reading.end for start, end in taken):
            continue
        chosen.append(reading)
        taken.append((reading.start, reading.end))
    return sorted(chosen, key=lambda r: r.start)


def _trim(text: str, reading: Reading) -> Reading:
    """Drop surrounding whitespace from a span."""
    start, end = reading.start, reading.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if (start, end) == (reading.start, reading.end):
        return reading
    return Reading(start, end, reading.type, reading.value, reading.anchor, reading.estimated, reading.rule)


def tag_timexes(text: str, dct: str | None, dct_estimated: bool = False) -> list[Timex]:
    """Tag and normalise the time expressions of text against the document creation date dct."""
    day = _parse_dct(dct)
    ctx = Context(text, day, dct_estimated or (dct is not None and day is None and bool(dct)), _lower(text))
    readings = _resolve_deferred(ctx, _select([_trim(text, r) for r in _candidates(ctx)]))
    timexes: list[Timex] = []
    for reading in readings:
        if reading.end <= reading.start or not reading.value or _ends_a_name(text, reading.start, reading.end):
            continue
        estimated = reading.estimated or (reading.anchor == "document" and (day is None or dct_estimated))
        timexes.append(Timex(reading.start, reading.end, text[reading.start:reading.end], reading.type,
                             reading.value, reading.anchor, estimated))
    return timexes


CAPITALISED_BEFORE = re.compile(r"[A-Z][\w&'’.-]*[ \t]+$")


def _ends_a_name(text: str, start: int, end: int) -> bool:
    """'Today' or 'Tonight' capitalised after a capitalised word that does not open its sentence: the
    end of a name ('the journal Hepatology Today', 'USA Today'), no day."""
    if text[start:end] not in ("Today", "Tonight"):
        return False
    before = text[max(0, start - 40):start]
    word = CAPITALISED_BEFORE.search(before)
    return word is not None and not re.search(r"(?:^|[.!?:\n])\s*$", before[:word.start()])


def estimate_published(text: str) -> str | None:
    """Guess the publication date (YYYY-MM-DD): the latest full absolute date in the first lines."""
    head = "\n".join(text.splitlines()[:6])[:1500]
    dates = [t.value for t in tag_timexes(head, None)
             if t.anchor == "absolute" and _granularity(t.value) == "day"]
    return max(dates) if dates else None
