"""Name lists shipped with the package: outlets, institutions, given names. Loaded once, on first use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storytrace.extract.lexicon import MASTHEAD_WORDS


@dataclass(frozen=True)
class GazetteerEntry:
    """One named thing: its canonical name, label, and variants (ambiguous ones only in context)."""

    name: str
    label: str
    variants: tuple[str, ...]
    ambiguous: tuple[str, ...]
    kind: str


def _data_lines(filename: str) -> list[str]:
    text = resources.files("storytrace.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _entry(names: str, label: str, kind: str) -> GazetteerEntry:
    variants = [v.strip() for v in names.split("|") if v.strip()]
    clean = tuple(v.lstrip("~") for v in variants)
    plain = tuple(v for v in variants if not v.startswith("~"))
    ambiguous = tuple(v[1:] for v in variants if v.startswith("~"))
    return GazetteerEntry(name=(plain or clean)[0], label=label, variants=plain, ambiguous=ambiguous, kind=kind)


@lru_cache(maxsize=1)
def outlets() -> tuple[GazetteerEntry, ...]:
    return tuple(_entry(line, "ORG", "outlet") for line in _data_lines("outlets.txt"))


@lru_cache(maxsize=1)
def institutions() -> tuple[GazetteerEntry, ...]:
    entries = []
    for line in _data_lines("institutions.txt"):
        label, names = line.split("\t", 1)
        entries.append(_entry(names, label, "organization"))
    return tuple(entries)


def _key(name: str) -> str:
    name = name.replace("’", "'").casefold()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^\w' ]+", " ", name).strip()


@lru_cache(maxsize=1)
def _outlet_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in outlets():
        for variant in entry.variants + entry.ambiguous:
            index.setdefault(_key(variant), entry.name)
    return index


def is_news_outlet(name: str) -> bool:
    """A newspaper, broadcaster or wire: in the outlet list, or named with masthead words ("Calder
    Evening Post", "Marlow Falls Sentinel")."""
    words = {w.casefold() for w in re.findall(r"[\w’']+", name)}
    return bool(words & MASTHEAD_WORDS) or outlet_name(name, allow_ambiguous=False) is not None


def outlet_name(name: str, allow_ambiguous: bool = True) -> str | None:
    """The canonical outlet for a name or variant ("the Post" is not one: too ambiguous), or None."""
    key = _key(name)
    found = _outlet_index().get(key)
    if found is None:
        return None
    if not allow_ambiguous and any(key == _key(v) for e in outlets() for v in e.ambiguous):
        return None
    return found


@lru_cache(maxsize=1)
def _institution_index() -> dict[str, str]:
    return {_key(variant): entry.name for entry in institutions() for variant in entry.variants}


@lru_cache(maxsize=65536)
def institution_name(name: str) -> str | None:
    """The canonical name of a listed institution for any of its plain variants ('the Fed', 'DOJ'), or None."""
    return _institution_index().get(_key(name))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> 'f', 'm' or 'u' (given to both)."""
    genders: dict[str, str] = {}
    for line in _data_lines("first_names.txt"):
        gender, names = line.split("\t", 1)
        for name in names.split():
            genders[name] = gender
    return genders


def gender_of_name(name: str) -> str | None:
    """'f' or 'm' from a full name's first given name, or None when unknown."""
    for token in re.split(r"[\s-]+", name.strip()):
        token = token.strip(".,'’")
        if token in given_names():
            gender = given_names()[token]
            return gender if gender in ("f", "m") else None
    return None
