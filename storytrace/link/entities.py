"""Merge named mentions across the documents of a story into entities.

People merge by surname with compatible given names (Binyamin/Benjamin Netanyahu), and
surname-only mentions join the one full name that carries that surname. Organisations and things
merge by folded name, acronym (UNSC = UN Security Council) and unique suffix (Security Council,
the Post). Two names that only share a word (Israel / Israel Hayom, Dan Shapiro / Danny Danon)
never merge.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from storytrace import gazetteer, names
from storytrace.extract.entities import ORG_WORDS
from storytrace.extract.lexicon import COUNTRY_WORDS, NEWSPAPER_ENDINGS
from storytrace.schema import Document, Entity, Mention, MentionRef, content_id

COUNTRY_ALIASES = (
    ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("United Arab Emirates", "UAE", "U.A.E."),
    ("Soviet Union", "USSR", "U.S.S.R."),
    ("European Union", "EU", "E.U."),
    ("United Nations", "UN", "U.N."),
    ("South Korea", "Republic of Korea"),
    ("North Korea", "DPRK"),
    ("China", "People's Republic of China", "PRC"),
    ("Russia", "Russian Federation"),
) + (  # a dateline's 'FORT MYERS, Fla.': AP's abbreviations of US states
    ("Alabama", "Ala."), ("Arizona", "Ariz."), ("Arkansas", "Ark."), ("California", "Calif."), ("Colorado", "Colo."),
    ("Connecticut", "Conn."), ("Florida", "Fla."), ("Illinois", "Ill."), ("Kansas", "Kan.", "Kans."),
    ("Kentucky", "Ky."), ("Maryland", "Md."), ("Massachusetts", "Mass."), ("Michigan", "Mich."),
    ("Minnesota", "Minn."), ("Montana", "Mont."), ("Nebraska", "Neb.", "Nebr."), ("Nevada", "Nev."),
    ("New Hampshire", "N.H."), ("New Jersey", "N.J."), ("New Mexico", "N.M."), ("North Carolina", "N.C."),
    ("North Dakota", "N.D."), ("Oklahoma", "Okla."), ("Oregon", "Ore.", "Oreg."), ("Rhode Island", "R.I."),
    ("South Carolina", "S.C."), ("South Dakota", "S.D."), ("Tennessee", "Tenn."), ("Texas", "Tex."),
    ("Vermont", "Vt."), ("Virginia", "Va."), ("West Virginia", "W.Va.", "W. Va."), ("Wisconsin", "Wis.", "Wisc."),
    ("Wyoming", "Wyo."))
THING_LABELS = frozenset("ORG GPE LOC FAC LAW WORK_OF_ART EVENT PRODUCT NORP".split())


@dataclass
class Cluster:
    """Mentions believed to name one entity, with the evidence for its name and type."""

    key: str
    person: bool
    mentions: list[Mention] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.labels[mention.label] += 1

    def surfaces(self) -> list[str]:
        return [m.text for m in self.mentions]


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded alias -> the country's canonical name, built once."""
    return {names.org_key(alias): group[0] for group in reversed(COUNTRY_ALIASES) for alias in group}


def _canonical_country(text: str) -> str | None:
    return _country_index().get(names.org_key(text))


def _thing_key(text: str) -> str:
    """The merge key of a non-person name: a country's or outlet's canonical name, a country's
    government, else the folded name without a corporate suffix ('Acme Corp.' = 'Acme') and with a
    country's abbreviation before it written out ('US Air Force' = 'United States Air Force')."""
    government = _government_key(text) or _administration_key(text)
    if government:
        return government
    country = _canonical_country(text)
    if country:
        return names.org_key(country)
    outlet = gazetteer.outlet_name(text, allow_ambiguous=False)
    if outlet:
        return names.org_key(outlet)
    body = public_body_key(text)
    if body:
        return body
    institution = gazetteer.institution_name(text)  # 'the Fed' = 'Federal Reserve', 'DOJ' = 'Justice Department'
    if institution:
        return public_body_key(institution) or names.org_key(institution)
    return public_body_key(text) or names.firm_key(_country_written_out(STORM_KIND.sub("", text)))


# A named storm's kind, which reports drop or change as it grows ('Hurricane Delia', 'Tropical Storm Delia', 'Delia')
STORM_KIND = re.compile(r"^(?:(?:super\s*)?typhoon|hurricane|cyclone|tropical\s+(?:storm|depression)|storm|superstorm)\s+"
                        r"(?=[A-Z][a-z]+(?:['’]s)?$)", re.IGNORECASE)


# A public body named three ways: 'Russia's foreign ministry', 'the Russian Foreign Ministry', 'the Ministry of
# Foreign Affairs of Russia'; 'the Department of State' and 'the State Department'.
BODY_HEADS = r"(?:ministry|department|office|agency|bureau|directorate|inspectorate|commission|committee)"
_OWNER = r"(?:the\s+)?(?:(?:republic|kingdom|state|federation|principality)\s+of\s+)?(?P<{}>[a-z][\w.-]*)"
BODY_AFTER = re.compile(rf"^(?:(?P<own>[a-z][\w.-]*)['’]s?\s+|(?P<adj>[a-z][\w.-]*)\s+(?={BODY_HEADS}\s+of\b))?"
                        rf"(?P<head>{BODY_HEADS})\s+(?:of|for|on)\s+(?:the\s+)?(?P<field>[a-z][\w\s'’.-]*?)"
                        rf"(?:\s+of\s+{_OWNER.format('of')})?$")
BODY_BEFORE = re.compile(rf"^(?:(?P<own>[a-z][\w.-]*)['’]s?\s+|(?P<adj>[a-z][\w.-]*)\s+(?=[a-z][\w\s'’.-]*?\s+{BODY_HEADS}$))?"
                         rf"(?P<field>[a-z][\w\s'’.-]*?)\s+(?P<head>{BODY_HEADS})$")


# A country's embassy or consulate, wherever it is: the place it sits in is left out of the key.
MISSION = re.compile(r"^(?:(?P<own>[a-z][\w.-]*)['’]s?\s+|(?P<adj>[a-z][\w.-]*)\s+)?(?P<head>embassy|consulate)"
                     rf"(?:\s+of\s+{_OWNER.format('of')})?(?:\s+(?:in|to)\s+[\w\s.'’-]+)?$")


def public_body_key(text: str) -> str | None:
    """One key for a public body's name in its several word orders: the country or owner, the body's field
    and its kind ('russia foreign ministry'); None for other names."""
    parts = public_body_parts(text)
    return None if parts is None else " ".join(filter(None, (parts[0], *parts[1])))


@lru_cache(maxsize=65536)
def public_body_parts(text: str) -> tuple[str | None, tuple[str, ...]] | None:
    """A public body's owner ('russia', or None) and the words naming the body ('foreign', 'ministry')."""
    folded = names.fold(names.strip_article(text.strip()))
    mission = MISSION.match(folded)
    if mission is not None:  # "Russia's embassy in Washington" = 'the Russian Embassy'
        owner = mission.group("own") or mission.group("of") or _country_adjective(mission.group("adj") or "")
        return (_owner_word(owner), (mission.group("head"),)) if owner else None
    match = BODY_AFTER.match(folded) or BODY_BEFORE.match(folded)
    if match is None:
        return None
    groups = match.groupdict()
    owner_only = re.fullmatch(r"([a-z][\w.-]*)['’]s?", match.group("field"))
    if owner_only is not None and groups.get("own") is None and groups.get("adj") is None:
        return _owner_word(owner_only.group(1)), (match.group("head"),)  # "Orvenia's ministry": Orvenia's, no field
    field_words = [w for w in re.sub(r"['’]s\b", "", match.group("field")).split() if w not in ("affairs", "the")]
    if not field_words or len(field_words) > 4:
        return None
    owner = groups.get("own") or groups.get("of")
    adjective = groups.get("adj")
    if adjective is not None:
        owner = _country_adjective(adjective)
        if owner is None:
            field_words.insert(0, adjective)  # 'federal bureau of investigation', 'health and human services department'
    elif groups.get("own") is None and groups.get("of") is None and _country_adjective(field_words[0]):
        owner = _country_adjective(field_words.pop(0))  # 'russian foreign ministry' read as one field
        if not field_words:
            return None
    body = tuple(names.SPELLING_VARIANTS.get(w, w) for w in (*field_words, match.group("head")))
    return (_owner_word(owner) if owner else None), body


def _country_adjective(word: str) -> str | None:
    """'russian' -> 'russia', 'lithuanian' -> 'lithuania': a country's adjective as its name."""
    if word in COUNTRY_WORDS.get("europe", "").split():
        return None  # 'the Council of Europe' is not 'the European Council'
    country = _country_of(word)
    if country:
        return names.org_key(country)
    return word[:-1] if word.endswith("ian") and len(word) > 5 else None


def _owner_word(owner: str) -> str:
    """A country's one word whatever the form ('russia's', 'russian' and 'russia' -> 'russia')."""
    word = names.strip_possessive(owner)
    return _country_adjective(word) or word


GOVERNMENT_NAME = re.compile(r"^(?:the\s+)?(?:(?P<before>.+?)\s+(?:federal\s+)?(?:government|administration)|"
                             r"government\s+of\s+(?:the\s+)?(?P<after>.+))$", re.IGNORECASE)


def _government_key(text: str) -> str | None:
    """'US government', 'US federal government', 'American administration' and 'government of the
    United States' -> one key."""
    match = GOVERNMENT_NAME.match(text.strip())
    if not match:
        return None
    country = _country_of(match.group("before") or match.group("after"))
    return f"government of {names.org_key(country)}" if country else None


ADMINISTRATION_NAME = re.compile(r"^(?:the\s+)?(?P<leader>.+?)(?:'s|’s)?\s+administration$", re.IGNORECASE)


def _administration_key(text: str) -> str | None:
    """'Obama administration' and 'Barack Obama's administration' -> one key, by the leader's surname."""
    match = ADMINISTRATION_NAME.match(text.strip())
    if not match or _country_of(match.group("leader")):
        return None
    surname = names.fold(match.group("leader")).split()[-1:]
    return f"administration of {surname[0]}" if surname else None


def _country_of(text: str) -> str | None:
    """A country's canonical name from its name, abbreviation or adjective ('German' -> 'Germany')."""
    country = _canonical_country(text)
    if country:
        return country
    key = _country_word_index().get(names.fold(text))
    return (_canonical_country(key) or key) if key else None


CAPITALS = frozenset("kremlin moscow washington beijing tehran kyiv".split())  # a city's own government too


@lru_cache(maxsize=1)
def _country_word_index() -> dict[str, str]:
    """Folded name or adjective -> the country's key word ('german' -> 'germany'), built once."""
    return {word: country for country, words in COUNTRY_WORDS.items() for word in words.split() if word not in CAPITALS}


def _country_written_out(text: str) -> str:
    """'U.S. Air Force' -> 'United States Air Force': a leading country abbreviation spelt out."""
    first, _, rest = text.strip().partition(" ")
    if not rest or not first.replace(".", "").isupper():
        return text
    country = _canonical_country(first)
    return f"{country} {rest}" if country else text


def _person_clusters(mentions: list[Mention]) -> tuple[list[Cluster], dict[str, list[Cluster]]]:
    """Full names grouped by surname and compatible given names; returns clusters and a surname index."""
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = defaultdict(list)
    for mention in mentions:
        tokens = names.person_tokens(mention.text)
        if len(tokens) < 2 or names.surname_only(tokens):
            continue
        surname = names.surname_key(tokens[-1])
        match = next((c for c in by_surname[surname] if names.same_person(c.key, mention.text)), None)
        if match is None:
            match = Cluster(key=mention.text, person=True)
            clusters.append(match)
            by_surname[surname].append(match)
        match.add(mention)
    return clusters, by_surname


DOMINANT_TIMES = 5  # a person named this many times as often as anyone else of that given name


def _firm_by_legal_form(mention: Mention) -> bool:
    """A name the model did not call a person that ends in a legal form ('Brightmart Inc'): a firm."""
    return mention.label != "PERSON" and names.strip_legal_suffix(mention.text) != mention.text


def _person_defined(mention: Mention, clusters: list[Cluster], short_forms: dict[str, str]) -> Cluster | None:
    """The person whose full name a short name is defined as short for in the story ('MBS')."""
    full = mention.short_for or short_forms.get(names.fold(names.strip_possessive(mention.text)))
    if full is None or " " in mention.text.strip():
        return None
    return next((c for c in clusters if any(m.text == full for m in c.mentions)), None)


def _given_name_owner(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The person of the story a given name alone stands for ('Steve' for Steve Jobs): the only one
    so named, or one named far more often than the others."""
    name = names.strip_possessive(mention.text).strip()
    if mention.label not in ("PERSON", "ORG") or " " in name or name not in gazetteer.given_names():
        return None  # 'Tiago is our player': the model may take a lone given name for a body
    owners = sorted((c for c in clusters
                     if any(m.text.split()[0] == name for m in c.mentions if " " in m.text.strip())),
                    key=lambda c: -len(c.mentions))
    if len(owners) == 1 or (len(owners) > 1 and len(owners[0].mentions) >= DOMINANT_TIMES * len(owners[1].mentions)):
        return owners[0]  # 'Steve' in a story about Steve Jobs that also quotes Steve Ballmer once
    return None


def _surname_candidates(surname: str, label: str, by_surname: dict[str, list[Cluster]]) -> list[Cluster]:
    """The full-name clusters a lone surname may belong to; for a person no one has that surname,
    those whose surname differs by a final 's' ('Clements' written for Tony Clement)."""
    found = by_surname.get(surname, [])
    if found or label != "PERSON" or len(surname) < 4:
        return found
    return by_surname.get(surname[:-1] if surname.endswith("s") else surname + "s", [])


def _surname_owner(mention: Mention, candidates: list[Cluster]) -> Cluster | None:
    """The full-name cluster a surname-only mention belongs to: the only one, or the one in its document."""
    if len(candidates) == 1:
        return candidates[0]
    local = [c for c in candidates if any(m.doc == mention.doc and m.start < mention.start for m in c.mentions)]
    if local:
        return max(local, key=lambda c: max(m.start for m in c.mentions if m.doc == mention.doc and m.start < mention.start))
    return None


PLACE_LABELS = frozenset("GPE LOC NORP FAC".split())


def _is_outlet_cluster(cluster: Cluster) -> bool:
    return any(gazetteer.outlet_name(m.text, allow_ambiguous=False) for m in cluster.mentions)


@dataclass
class ThingIndex:
    """Lookups over the names of non-person clusters, built once so linking stays near-linear:
    longer names by word suffix and by first word, and names by their acronym."""

    clusters: dict[str, Cluster]
    by_suffix: dict[str, list[str]] = field(default_factory=dict)
    by_first_word: dict[str, list[str]] = field(default_factory=dict)
    by_acronym: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, clusters: dict[str, Cluster]) -> "ThingIndex":
        index = cls(clusters)
        for key, cluster in clusters.items():
            words = key.split()
            for cut in range(1, len(words)):
                index.by_suffix.setdefault(" ".join(words[cut:]), []).append(key)
            if len(words) >= 2:
                index.by_first_word.setdefault(words[0], []).append(key)
                first = cluster.mentions[0].text
                for letters in {names.acronym(first), names.acronym(names.strip_legal_suffix(first)),
                                names.acronym(first, small_words=True)}:
                    index.by_acronym.setdefault(letters, []).append(key)  # 'EADS' = '... Defence and Space Company'
        return index


def _suffix_owner(key: str, cluster: Cluster, index: ThingIndex) -> Cluster | None:
    """The one longer name that ends with this name ('security council' -> 'un security council',
    'post' -> 'jerusalem post'). A place never merges into an organisation named after it
    ('England' / 'NHS England'), and a one-word name only into an outlet, a country's or maker's thing,
    or as a body's kind ('Commission' -> 'european commission')."""
    if set(cluster.labels) & PLACE_LABELS or _canonical_country(cluster.mentions[0].text):
        return None
    words = key.split()
    owners = [index.clusters[other] for other in index.by_suffix.get(key, ())
              if other != key and not set(index.clusters[other].labels) & PLACE_LABELS]
    if len(owners) != 1:
        return None
    if len(words) == 1 and not _is_outlet_cluster(owners[0]) and not _country_and(owners[0].key, key) and \
            not _maker_and(owners[0].key, key, index) and key not in BODY_WORDS:
        return None
    return owners[0]


# A body called by its kind alone, capitalised, when the story names one body of that kind ('A Commission
# spokesperson' beside 'the European Commission').
BODY_WORDS = frozenset("""commission council ministry parliament assembly court agency senate department
authority committee tribunal bureau inquiry directorate inspectorate regulator""".split())


def _country_and(longer: str, word: str) -> bool:
    """'united states treasury' is a country's name and then 'treasury': its one body of that name."""
    rest = longer[: -len(word)].strip()
    return bool(rest) and _canonical_country(rest) is not None


def _maker_and(longer: str, word: str, index: ThingIndex) -> bool:
    """'apple macintosh' is an organisation the story names and then 'macintosh': that maker's thing
    of that name ('Airbus A380' and 'A380')."""
    maker = index.clusters.get(longer[: -len(word)].strip())  # merged already into a longer name: no labels left
    return maker is not None and not maker.person and (bool(maker.labels["ORG"]) or not maker.mentions)


def _head_name_owner(key: str, cluster: Cluster, index: ThingIndex) -> Cluster | None:
    """'Nexor' -> 'Nexor Semiconductor': a one-word organisation name that opens one longer name
    whose other words only say what kind of organisation it is; or, for a name tagged an
    organisation, the one organisation whose name it opens when that is named at least as often
    ('Northrop' for 'Northrop Grumman', but not 'Boeing' for the one 'Boeing Defense Systems')."""
    if len(key.split()) != 1 or set(cluster.labels) & PLACE_LABELS or _canonical_country(cluster.mentions[0].text):
        return None
    longer = [index.clusters[other] for other in index.by_first_word.get(key, ())
              if not index.clusters[other].person and not set(index.clusters[other].labels) & PLACE_LABELS]
    kinds = [owner for owner in longer if all(w in ORG_WORDS for w in owner.key.split()[1:])]
    if len(kinds) == 1:
        return kinds[0]
    if len(longer) == 1 and not cluster.person and cluster.labels["ORG"] and longer[0].labels["ORG"] and \
            len(longer[0].mentions) >= len(cluster.mentions):
        return longer[0]
    return None


def _kind_word_owner(key: str, cluster: Cluster, index: ThingIndex) -> Cluster | None:
    """'United Auto Workers union' -> 'United Auto Workers': an organisation's name followed by a
    lower-case word saying what kind of body it is ('Obama administration' stays: Obama is a person)."""
    if not _ends_in_kind_word(cluster) or any(re.search(r"['’]s\s+\S+$", m.text) for m in cluster.mentions):
        return None  # "Orvenia's ministry" is Orvenia's, not Orvenia
    owner = index.clusters.get(" ".join(key.split()[:-1]))
    if owner is None or owner.person or not owner.mentions or not owner.labels["ORG"]:
        return None
    return owner


def _ends_in_kind_word(cluster: Cluster) -> bool:
    """Every form of the name ends in a lower-case word for a kind of body ('... union')."""
    words = cluster.key.split()
    return len(words) >= 2 and words[-1] in ORG_WORDS and all(m.text.split()[-1].islower() for m in cluster.mentions)


def _name_core(cluster: Cluster) -> str:
    """The key without a plural s or a lower-case kind word: names that differ only so are one."""
    key = " ".join(cluster.key.split()[:-1]) if _ends_in_kind_word(cluster) else cluster.key
    return _without_plural(key)


def _acronym_owner(cluster: Cluster, index: ThingIndex) -> Cluster | None:
    """The one longer name whose initials one of this cluster's forms is ('USAF', 'EADS' of 'EADS N.V.',
    'BoA' for 'Bank of America')."""
    for form in dict.fromkeys(names.strip_legal_suffix(m.text).replace(".", "") for m in cluster.mentions):
        if not (2 <= len(form) <= 6 and (form.isupper() or form.isalpha() and sum(c.isupper() for c in form) >= 2)):
            continue
        owners = [index.clusters[key] for key in index.by_acronym.get(form, ()) if index.clusters[key].mentions]
        if owners and len({_name_core(o) for o in owners}) == 1:  # 'General Motors' / 'General Motor'
            return max(owners, key=lambda o: len(o.mentions))
    return None


def _without_plural(key: str) -> str:
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in key.split())


def _as_named_elsewhere(mentions: list[Mention]) -> list[Mention]:
    """A name the model tagged an organisation more often than a person in the story ('Northrop
    Grumman') is the organisation's everywhere."""
    keys = [names.fold(names.strip_possessive(mention.text)) for mention in mentions]
    labels: dict[str, Counter] = defaultdict(Counter)
    for key, mention in zip(keys, mentions):
        labels[key][mention.label] += 1
    return [replace(mention, label="ORG") if mention.label == "PERSON" and labels[key]["ORG"] > labels[key]["PERSON"]
            else mention for key, mention in zip(keys, mentions)]


FIRM_ENDINGS = frozenset(names.LEGAL_SUFFIXES) | frozenset(
    "group motor motors airlines airways holdings industries".split())


def _is_firm_name(text: str) -> bool:
    """A company's name by its last word ('Ford Motor Company'), unlike a body named after a person
    ('Obama administration', 'Netanyahu government')."""
    return names.fold(text).rstrip(".").split()[-1] in FIRM_ENDINGS


def _short_forms(mentions: list[Mention]) -> dict[str, str]:
    """Folded short name -> the name it is defined as short for somewhere in the story ('sia' ->
    'Singapore Airlines'); a short name defined for two different names means each only where it
    is defined."""
    meanings: dict[str, set[str]] = defaultdict(set)
    full_name: dict[str, str] = {}
    for mention in mentions:
        if mention.short_for:
            key = _thing_key(mention.short_for)
            meanings[names.fold(mention.text)].add(key)
            full_name[key] = mention.short_for
    return {short: full_name[next(iter(keys))] for short, keys in meanings.items() if len(keys) == 1}


def cluster_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """Group every mention of the story into clusters, one per entity."""
    ordered = sorted(_as_named_elsewhere(list(mentions)), key=lambda m: (m.doc, m.start))
    people = [m for m in ordered if m.label == "PERSON"]
    person_clusters, by_surname = _person_clusters(people)
    organisation_openers = {names.fold(m.text).split()[0] for m in ordered  # 'ford' of 'Ford Motor Company'
                            if m.label == "ORG" and len(m.text.split()) > 1 and _is_firm_name(m.text)}
    leftovers: list[Mention] = []
    short_forms = _short_forms(ordered)
    for mention in ordered:
        tokens = names.person_tokens(mention.text) if mention.label == "PERSON" else []
        if mention.label == "PERSON" and len(tokens) >= 2 and not names.surname_only(tokens):
            continue
        defined = _person_defined(mention, person_clusters, short_forms)
        if defined is not None:  # 'MBS' after 'Mohammed bin Salman, known as MBS'
            defined.add(mention)
            continue
        folded = names.fold(names.strip_possessive(mention.text))
        surname_key = names.surname_key(tokens[-1] if tokens else folded)
        candidates = _surname_candidates(surname_key, mention.label, by_surname)
        if mention.label in ("GPE", "NORP"):  # 'Indonesia' is no surname of 'Garuda Indonesia', a firm taken for a person
            candidates = [c for c in candidates if any(m.text.split()[0] in gazetteer.given_names() for m in c.mentions
                                                       if len(m.text.split()) > 1)]
        one_word_name = len(folded.split()) == 1 and not _canonical_country(mention.text) \
            and folded not in organisation_openers
        if candidates and (mention.label == "PERSON" or one_word_name):
            owner = _surname_owner(mention, candidates)
            if owner is not None:
                owner.add(mention)
                continue
        owner = _given_name_owner(mention, person_clusters)
        if owner is not None:
            owner.add(mention)
            continue
        leftovers.append(mention)
    things: dict[str, Cluster] = {}
    for mention in leftovers:
        key = _thing_key(mention.short_for or short_forms.get(names.fold(names.strip_possessive(mention.text)), mention.text))
        if not key:
            continue
        cluster = things.get(key)
        if cluster is None:
            cluster = things[key] = Cluster(key=key, person=mention.label == "PERSON")
        elif cluster.person and (_firm_by_legal_form(mention) or STORM_KIND.match(mention.text)):
            cluster.person = False  # 'Brightmart Inc' in one report: the lone 'Brightmart' of another was no person
        cluster.add(mention)
    _merge_plural_kind_words(things)
    index = ThingIndex.build(things)
    for key in sorted(things, key=lambda k: len(k.split())):
        cluster = things[key]
        if cluster.person:
            owner = _head_name_owner(key, cluster, index)  # 'Nexor' tagged as a person
        else:
            owner = _acronym_owner(cluster, index) or _suffix_owner(key, cluster, index) \
                or _head_name_owner(key, cluster, index) or _kind_word_owner(key, cluster, index)
        if owner is not None and owner is not cluster and not owner.person:
            for mention in cluster.mentions:
                owner.add(mention)
            cluster.mentions.clear()
            cluster.labels.clear()
        elif owner is None and not cluster.person:
            _share_out_by_document(key, cluster, index)
    return person_clusters + [c for c in things.values() if c.mentions]


def _merge_plural_kind_words(things: dict[str, Cluster]) -> None:
    """'Ford Motors Co' and 'Ford Motor Company': names that differ only by a plural 's' on the word saying
    what kind of firm it is are one; the more named form keeps the key."""
    by_core: dict[str, list[str]] = {}
    for key, cluster in things.items():
        words = key.split()
        last = words[-1][:-1] if words[-1].endswith("s") and len(words[-1]) > 3 else words[-1]
        if len(words) >= 2 and not cluster.person and words[-1] in ORG_WORDS and last in ORG_WORDS:
            by_core.setdefault(" ".join([*words[:-1], last]), []).append(key)
    for keys in by_core.values():
        if len(keys) < 2:
            continue
        keep = max(keys, key=lambda k: (len(things[k].mentions), k))
        for key in keys:
            if key != keep:
                for mention in things.pop(key).mentions:
                    things[keep].add(mention)


def _share_out_by_document(key: str, cluster: Cluster, index: ThingIndex) -> None:
    """'the Air Force' in a story that names several air forces: in each report, the one longer name
    ending so that the report names ('U.S. Air Force' in one, 'Royal Air Force' in another); a
    mention in a report naming none or several of them stays as it was."""
    if len(key.split()) < 2 or set(cluster.labels) & PLACE_LABELS:
        return
    owners = [index.clusters[other] for other in index.by_suffix.get(key, ())
              if other != key and index.clusters[other].mentions and not index.clusters[other].person
              and not set(index.clusters[other].labels) & PLACE_LABELS]
    if len(owners) < 2:
        return
    documents = [{m.doc for m in owner.mentions} for owner in owners]
    kept = []
    for mention in cluster.mentions:
        here = [owner for owner, docs in zip(owners, documents) if mention.doc in docs]
        if len(here) == 1:
            here[0].add(mention)
        else:
            kept.append(mention)
    cluster.mentions[:] = kept
    cluster.labels = Counter(m.label for m in kept)


def _display_name(cluster: Cluster) -> str:
    """The fullest common form of the name: most frequent among the longest forms, not all-caps."""
    forms = Counter(names.visible(names.strip_possessive(m.text)) for m in cluster.mentions)
    if not cluster.person:
        country = _canonical_country(cluster.mentions[0].text)
        outlet = gazetteer.outlet_name(cluster.mentions[0].text, allow_ambiguous=False)
        if country:
            return country
        if outlet:
            return outlet
    def score(form: str) -> tuple[bool, int, bool, int, bool, int]:
        kind_word = form.split()[-1] in ORG_WORDS and " ".join(form.split()[:-1]) in forms  # '... Workers union'
        honoured = cluster.person and form.split()[0].lower() in names.HONORIFICS  # 'Mrs Eleanor Pryce' reads 'Eleanor Pryce'
        return (not kind_word, len(names.person_tokens(form)) if cluster.person else _informative_words(form),
                not honoured, len(form.split()),
                not form.isupper(), forms[form])
    best = max(forms, key=score)
    return best.title() if cluster.person and best.isupper() else best  # a transcript's 'PRICE:' reads 'Price'


def _informative_words(name: str) -> int:
    """How much a name says: its words, a public body's counted without 'of', 'the' and 'affairs' (the
    'Russian Foreign Ministry' says more than the 'Ministry of Foreign Affairs')."""
    body = public_body_key(name)
    return len(body.split()) if body is not None else len(name.split())


def _entity_type(cluster: Cluster) -> str:
    if cluster.person:
        return "PERSON"
    if any(_firm_by_legal_form(m) for m in cluster.mentions):
        return "ORG"  # 'Coinvale Ltd', whatever the model called its lone 'Coinvale'
    if any(STORM_KIND.match(m.text) for m in cluster.mentions):
        return "EVENT"  # 'Hurricane Delia', whatever the model called its lone 'Delia'
    labels = Counter({k: v for k, v in cluster.labels.items() if k != "PERSON"}) or cluster.labels
    return labels.most_common(1)[0][0]


def _aliases(cluster: Cluster) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for mention in cluster.mentions:
        form = names.visible(names.strip_possessive(mention.text))
        key = names.fold(form)
        if key not in seen or (seen[key].isupper() and not form.isupper()):
            seen[key] = form
    return tuple(seen.values())


def build_entities(mentions: Iterable[Mention], documents: Iterable[Document] = ()) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """Entities of the story and an index from (doc, start, end) of each mention to its entity id.

    Outlets named in document metadata become entities too, so every report's outlet is an actor."""
    mentions = list(mentions)
    documents = list(documents)
    clusters = cluster_mentions(mentions)
    entities: list[Entity] = []
    index: dict[tuple[str, int, int], str] = {}
    own_outlets = {_thing_key(d.outlet) for d in documents if d.outlet}
    outlets_of = {d.id: d.outlet for d in documents if d.outlet}
    position: dict[str, int] = {}  # entity id -> its place in entities
    for cluster in clusters:
        name = _display_name(cluster)
        entity_type = _entity_type(cluster)
        own = _own_outlet_short_form(cluster, name, outlets_of)
        if own is not None:  # 'told the Herald' in the Northern Herald's report
            name, entity_type = own, "ORG"
        elif (not cluster.person or name.split()[0] not in gazetteer.given_names()) and _thing_key(name) in own_outlets:
            entity_type = "ORG"  # 'spoke to the Midshire Echo', 'told Science Desk': a report's outlet, whatever the model
            # tagged it (not a blog named for a person who writes it)
        entity_id = content_id("ent", entity_type, names.fold(name))
        refs = tuple(MentionRef(m.doc, m.start, m.end) for m in sorted(cluster.mentions, key=lambda m: (m.doc, m.start)))
        roles = tuple(dict.fromkeys(r for m in cluster.mentions for r in m.roles))
        entity = Entity(id=entity_id, name=name, type=entity_type, aliases=_aliases(cluster), mentions=refs, roles=roles)
        if entity_id in position:  # the outlet's full name and its short form, clustered apart
            entities[position[entity_id]] = _merged(entities[position[entity_id]], entity)
        else:
            position[entity_id] = len(entities)
            entities.append(entity)
        for m in cluster.mentions:
            index[(m.doc, m.start, m.end)] = entity_id
    present = {_thing_key(e.name) for e in entities} | {_thing_key(a) for e in entities for a in e.aliases}
    for document in documents:
        outlet = document.outlet
        if outlet and _thing_key(outlet) not in present:
            present.add(_thing_key(outlet))
            entities.append(Entity(id=content_id("ent", "ORG", names.fold(outlet)), name=outlet, type="ORG",
                                   aliases=(outlet,), mentions=(), roles=("outlet",)))
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, index


def _merged(first: Entity, second: Entity) -> Entity:
    return replace(first, aliases=tuple(dict.fromkeys(first.aliases + second.aliases)),
                   mentions=tuple(sorted(first.mentions + second.mentions, key=lambda m: (m.doc, m.start))),
                   roles=tuple(dict.fromkeys(first.roles + second.roles)))


def _own_outlet_short_form(cluster: Cluster, name: str, outlets_of: dict[str, str]) -> str | None:
    """The outlet a one-word name stands for when it is the last word of the outlet of each report
    that names it ('the Gazette' in the Island Gazette, 'the Herald' in the Northern Herald); a
    person's name only when it is a newspaper's word."""
    if len(name.split()) != 1 or (cluster.person and name.lower() not in NEWSPAPER_ENDINGS):
        return None
    outlets = {outlets_of.get(m.doc) for m in cluster.mentions}
    if len(outlets) != 1 or None in outlets:
        return None
    outlet = outlets.pop()
    words = outlet.split()
    return outlet if len(words) >= 2 and names.fold(words[-1]) == names.fold(name) else None


class EntityLookup:
    """The story's entities by name and by where bodies are named, for linking a speaker's words to
    an entity ('USAF officials' -> the US Air Force; 'a statement on Apple's website' -> Apple)."""

    def __init__(self, index: dict[tuple[str, int, int], str], entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self.type_of = {e.id: e.type for e in entities}
        bodies = {e.id for e in entities if e.type != "PERSON"}
        by_name: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            for name in {entity.name, *entity.aliases}:
                by_name[names.org_key(name)].add(entity.id)
                if entity.id in bodies and len(name.split()) > 1:
                    by_name[names.org_key(names.acronym(name))].add(entity.id)
        self.by_name = {name: next(iter(ids)) for name, ids in by_name.items() if len(ids) == 1}
        holders: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            if entity.type == "PERSON":
                for role in entity.roles:
                    holders[role.lower()].add(entity.id)
        self.role_holders = {role: next(iter(ids)) for role, ids in holders.items() if len(ids) == 1}
        forces = {e.id for e in entities if e.type == "ORG" and POLICE_FORCE.search(e.name)}
        self.police = next(iter(forces)) if len(forces) == 1 else None
        self.body_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for (doc, start, end), entity in sorted(index.items()):
            if entity in bodies:
                self.body_spans[doc].append((start, end, entity))

    def last_body_within(self, doc: str, start: int, end: int) -> str | None:
        """The entity of the last body named between start and end of a document."""
        spans = self.body_spans.get(doc, [])
        found = None
        for span_start, span_end, entity in spans[bisect.bisect_left(spans, (start, -1, "")):]:
            if span_start >= end:
                break
            if span_end <= end:
                found = entity
        return found

    def named(self, name: str) -> str | None:
        """The one entity of the story with this name or alias, or the one body with this acronym, or the
        one body named by this name's acronym ('The Prime Minister's Office' for 'PMO')."""
        if not name:
            return None
        found = self.by_name.get(names.org_key(name))
        letters = names.acronym(name) if found is None and len(name.split()) >= 3 else ""
        if len(letters) >= 3:
            found = self.by_name.get(names.org_key(letters))
            return found if found is not None and self.type_of.get(found) != "PERSON" else None
        return found

    def police_force(self, name: str) -> str | None:
        """The story's one police force, for a bare 'police' ('police said', 'the police')."""
        return self.police if re.fullmatch(r"(?:the\s+)?police", name.strip(), re.IGNORECASE) else None

    def role_holder(self, description: str) -> str | None:
        """The story's one person holding the role a bare description names ('the mayor', 'the mayor of
        Eastfield' when one report names 'the mayor, Lisa Grant' and no one else is a mayor)."""
        match = ROLE_DESCRIPTION.fullmatch(description.strip())
        return self.role_holders.get(match.group("role").lower()) if match else None


POLICE_FORCE = re.compile(r"\b(?:Police|Constabulary|Gendarmerie)\b")  # 'Kelshire Police', 'Kent Police Service'
# 'the mayor', 'the mayor of Eastfield', 'the city's mayor': a role with at most the place it is held in
# ('a mayor' may be any).
ROLE_DESCRIPTION = re.compile(r"[Tt]he\s+(?:[\w-]+['’]s\s+)?(?P<role>(?:(?:prime|vice|deputy|chief|foreign|home|"
                              r"health|finance|defence|defense)\s+)?[a-z-]+|(?:(?:Prime|Vice|Deputy|Chief|Foreign|Home|"
                              r"Health|Finance|Defence|Defense)\s+)?[A-Z][a-z-]+)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*"
                              r"(?:\s+[A-Z][\w'’.-]*)*)?")
