"""Sources in, Documents out: .txt with a .meta.json sidecar, .html/.htm, .jsonl, or directories of them.

Each source is read on its own: a bad one becomes a `Skipped` with a one-line reason and the
others go on. The same text given twice becomes one Document (twice from two outlets: two).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from storytrace.errors import InputError
from storytrace.ingest.boilerplate import find_boilerplate, line_spans
from storytrace.ingest.language import detect_language
from storytrace.ingest.markdown import unmarked
from storytrace.ingest.wrapping import unwrapped
from storytrace.schema import Document, Skipped, Span

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 5_000_000
METADATA_FIELDS = ("title", "outlet", "url", "published", "language", "author")


@dataclass(frozen=True)
class IngestOptions:
    """Limits that decide what is read; `max_bytes` applies to each document (a file or a JSONL line)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    english_only: bool = True


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(source, path, problem) for every input file; directories give their supported files, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if (p.is_file() or p.is_symlink()) and _is_input_file(p))
            if not files:
                yield str(path), None, "directory holds no .txt, .html, .htm or .jsonl files"
            for file in files:
                if file.is_file():
                    yield str(file), file, None
                else:  # a link whose file is gone
                    yield str(file), None, "is a link to a file that no longer exists"
        elif not path.exists():
            yield str(path), None, "no such file"
        elif path.name.endswith(SIDECAR_SUFFIX):
            continue
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield str(path), None, f"unsupported file type '{path.suffix or path.name}' (use .txt, .html, .htm or .jsonl)"
        else:
            yield str(path), path, None


def _is_input_file(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX) \
        and not path.name.startswith(".")


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError for a file that vanished, is unreadable, or is too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)", "too_large")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "file vanished before it could be read", "missing") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a file", "bad_input") from None
    except PermissionError:
        raise InputError(source, "permission denied", "unreadable") from None
    except OSError as exc:
        raise InputError(source, f"could not be read ({exc.strerror or exc})", "unreadable") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused rather than guessed."""
    if looks_binary(data):
        raise InputError(source, "looks like a binary file, not text", "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise InputError(source, f"is not valid UTF-8 (byte 0x{bad} at offset {exc.start})", "undecodable") from None
    return text


def read_sidecar(path: Path, source: str) -> dict[str, Any]:
    """Metadata from NAME.meta.json beside NAME.txt, or {} when there is none."""
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    try:
        raw = sidecar.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"sidecar {sidecar.name} could not be read ({exc})", "bad_metadata") from None
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"sidecar {sidecar.name} is not valid JSON (line {exc.lineno})", "bad_metadata") from None
    if not isinstance(meta, dict):
        raise InputError(source, f"sidecar {sidecar.name} must hold a JSON object", "bad_metadata")
    return meta


def clean_metadata(meta: Mapping[str, Any]) -> dict[str, str | None]:
    """The known metadata fields as strings or None; a published date is kept as YYYY-MM-DD."""
    out: dict[str, str | None] = {}
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if key == "author" and isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        out[key] = str(value).strip() if value not in (None, "") else None
    if out.get("published"):
        out["published"] = _iso_date(out["published"])
    return out


def _iso_date(value: str) -> str | None:
    """The calendar date an ISO date or timestamp gives ('2021-03-04T10:00:00Z' -> '2021-03-04'); None
    for anything else ('2021-03-013', '2021-02-30'), which is not guessed at: the date is then
    estimated from the text and marked so."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d-])", value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def find_headline(text: str, title: str | None, boilerplate: tuple[Span, ...]) -> Span | None:
    """The span of the headline when the text opens with one (the title, or a short unpunctuated line)."""
    for start, end in line_spans(text):
        if any(start < b_end and b_start < end for b_start, b_end in boilerplate):
            continue
        line = text[start:end]
        if title and " ".join(line.split()).casefold() == " ".join(title.split()).casefold():
            return (start, end)
        words = line.split()
        if (not title or _worded_like(line, title)) and 2 <= len(words) <= 20 and \
                line.rstrip()[-1:] not in ".!?\"”’:" and end < len(text.rstrip()):
            return (start, end)
        return None
    return None


def _worded_like(line: str, title: str) -> bool:
    """A first line that words the title much as it is ('Harwick Automotive to close Ashby plant, cut
    420 jobs' for the title 'Harwick Automotive to close Ashby plant', 'Port deal denied' for 'Port
    deal denied | The Harbour Gazette'): most of the shorter one's words are in the other."""
    line_words = set(re.findall(r"\w+", line.casefold()))
    title_words = set(re.findall(r"\w+", title.casefold()))
    shorter = min(line_words, title_words, key=len)
    return bool(shorter) and len(line_words & title_words) >= 0.6 * len(shorter)


def make_document(text: str, source: str, meta: Mapping[str, Any], options: IngestOptions) -> Document:
    """A Document for text, or an InputError for text that cannot be analysed. Hard-wrapped text
    has its soft line breaks read as spaces and Markdown its markup (`wrapping.unwrapped`,
    `markdown.unmarked`; both keep every offset)."""
    if not text.strip():
        raise InputError(source, "is empty", "empty")
    _refuse_surrogates(text, source, "its text")
    text = unmarked(unwrapped(text))
    if not text.strip():
        raise InputError(source, "holds only Markdown markup, no text", "empty")
    if len(text.encode("utf-8")) > options.max_bytes:
        raise InputError(source, f"text is over the {options.max_bytes:,}-byte limit (--max-bytes)", "too_large")
    info = clean_metadata(meta)
    language = info.get("language") or detect_language(text)
    if options.english_only and language and not language.lower().startswith("en"):
        raise InputError(source, f"is not in English (looks like '{language}'); only English is analysed", "not_english")
    boilerplate = find_boilerplate(text)
    headline = find_headline(text, info.get("title"), boilerplate)
    published, estimated = info.get("published"), False
    if not published:
        from storytrace.extract.timex import estimate_published

        published = estimate_published(text)
        estimated = published is not None
    title = info.get("title") or (" ".join(text[headline[0]:headline[1]].split()) if headline else None)
    return Document(
        id=Document.make_id(text, info.get("outlet")), source=source, text=text, title=title, outlet=info.get("outlet"),
        url=info.get("url"), published=published, published_estimated=estimated,
        language=(language or "en"), author=info.get("author"), boilerplate=boilerplate, headline=headline,
    )


def read_text_file(path: Path, source: str, options: IngestOptions) -> Document:
    data = read_bytes(path, source, options.max_bytes)
    return make_document(decode_text(data, source), source, read_sidecar(path, source), options)


def read_html_file(path: Path, source: str, options: IngestOptions) -> Document:
    from storytrace.ingest.html import document_from_html

    data = read_bytes(path, source, options.max_bytes)
    if looks_binary(data):
        raise InputError(source, "looks like a binary file, not HTML", "binary")
    meta = read_sidecar(path, source)
    return document_from_html(data, source, meta, options)


def read_jsonl_file(path: Path, source: str, options: IngestOptions) -> Iterator[Document | InputError]:
    """Documents from one article per line; a bad line becomes an InputError naming FILE:LINE."""
    from storytrace.ingest.html import document_from_html

    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(source, "file vanished before it could be read", "missing")
        return
    except OSError as exc:
        yield InputError(source, f"could not be read ({exc.strerror or exc})", "unreadable")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            line_source = f"{source}:{number}"
            if not raw.strip():
                continue
            try:
                if len(raw) > options.max_bytes:
                    raise InputError(line_source, f"line is over the {options.max_bytes:,}-byte limit (--max-bytes)", "too_large")
                record = _json_record(raw, line_source)
                record_source = str(record.get("source") or record.get("id") or line_source)
                if isinstance(record.get("text"), str):
                    yield make_document(record["text"], record_source, record, options)
                elif isinstance(record.get("html"), str):
                    yield document_from_html(record["html"].encode("utf-8"), record_source, record, options)
                else:
                    raise InputError(line_source, "record has neither a 'text' nor an 'html' string", "bad_record")
            except InputError as exc:
                yield exc


def _json_record(raw: bytes, source: str) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(source, "line is not valid UTF-8", "undecodable") from None
    except json.JSONDecodeError as exc:
        raise InputError(source, f"line is not valid JSON ({exc.msg} at column {exc.colno})", "bad_record") from None
    if not isinstance(record, dict):
        raise InputError(source, "line must hold a JSON object", "bad_record")
    for key in ("text", "html"):
        if isinstance(record.get(key), str):
            _refuse_surrogates(record[key], source, f"its '{key}'")
    return {key: _without_surrogates(value) for key, value in record.items()}


UNPAIRED_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_surrogates(text: str, source: str, what: str) -> None:
    """An InputError for text holding a lone UTF-16 surrogate (JSON can escape one, '\\ud800'; no
    UTF-8 file can hold one), which is no character and cannot be written out."""
    bad = UNPAIRED_SURROGATE.search(text)
    if bad:
        raise InputError(source, f"{what} is not valid Unicode (an unpaired surrogate U+{ord(bad.group()):04X} at "
                                 f"character {bad.start()})", "undecodable")


def _without_surrogates(value: Any) -> Any:
    """A metadata value with any lone surrogate replaced by U+FFFD, so the record is kept."""
    return UNPAIRED_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def read_file(path: Path, source: str, options: IngestOptions) -> Iterator[Document | InputError]:
    """Every document in one input file, or the errors that stopped them."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, source, options)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield read_html_file(path, source, options)
        else:
            yield read_text_file(path, source, options)
    except InputError as exc:
        yield exc


def read_sources(paths: Iterable[str | os.PathLike[str]], options: IngestOptions | None = None) -> IngestResult:
    """Read every source; bad ones are skipped with a reason, repeats of the same text (from the same
    outlet, or none named) are read once."""
    options = options or IngestOptions()
    result = IngestResult()
    seen: dict[str, str] = {}
    for source, path, problem in expand_paths(paths):
        if problem or path is None:
            result.skipped.append(Skipped(source, problem or "cannot be read"))
            continue
        for item in read_file(path, source, options):
            if isinstance(item, InputError):
                result.skipped.append(Skipped(item.source or source, item.message))
            elif item.id in seen:
                result.duplicates.append((item.source, seen[item.id]))
            else:
                seen[item.id] = item.source
                result.documents.append(item)
    return result
