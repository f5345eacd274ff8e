"""The `storytrace` command: thin wrappers over the library, one error shape, documented exit codes.

Exit status: 0 every input was analysed; 1 some inputs were skipped (the dossier holds the rest);
2 bad usage; 3 nothing could be analysed or the run failed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from storytrace import __version__
from storytrace.errors import StorytraceError

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
FORMATS = ("json", "md", "html")


def _fail(error: StorytraceError) -> "click.exceptions.Exit":
    click.echo(error.line(), err=True)
    return click.exceptions.Exit(EXIT_FAILED)


def _formats(value: str) -> list[str]:
    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (got {value!r})")
    return chosen


@click.group()
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Cross-examine news coverage of a story: actors, statements, timeline, claims, provenance."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory for dossier.json and the reports.")
@click.option("--format", "formats", default="json,md,html", show_default=True,
              help="Comma-separated outputs: json, md, html.")
@click.option("--max-bytes", default=None, type=click.IntRange(min=1),
              help="Largest document read, in bytes (default 5,000,000).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes for per-document analysis.")
@click.option("--model", default=None, help="spaCy model to load (default: en_core_web_sm, else the bundled copy).")
@click.option("--all-languages", is_flag=True, help="Analyse documents that do not look English too.")
@click.option("--quiet", is_flag=True, help="Print only problems.")
def analyze(paths: tuple[Path, ...], out_dir: Path, formats: str, max_bytes: int | None, workers: int,
            model: str | None, all_languages: bool, quiet: bool) -> None:
    """Analyse the reports in PATHS (files or directories) and write a dossier to --out."""
    from storytrace.ingest import DEFAULT_MAX_BYTES, IngestOptions
    from storytrace.pipeline import analyze_paths
    from storytrace.report import write_outputs

    chosen = _formats(formats)
    options = IngestOptions(max_bytes=max_bytes or DEFAULT_MAX_BYTES, english_only=not all_languages)
    try:
        dossier, ingested = analyze_paths(paths, options=options, workers=workers, model=model)
    except StorytraceError as exc:
        raise _fail(exc) from None
    for skipped in ingested.skipped:
        click.echo(skipped.line(), err=True)
    for source, kept in ingested.duplicates:
        click.echo(f"note: {source} has the same text as {kept}; analysed once", err=True)
    if not dossier.documents:
        click.echo("error: no document could be analysed", err=True)
        raise click.exceptions.Exit(EXIT_FAILED)
    written = write_outputs(dossier, out_dir, chosen)
    if not quiet:
        click.echo(f"{len(dossier.documents)} documents, {len(dossier.entities)} entities, "
                   f"{len(dossier.statements)} statements, {len(dossier.events)} events, {len(dossier.claims)} claims")
        for path in written:
            click.echo(f"wrote {path}")
    raise click.exceptions.Exit(EXIT_SKIPPED if ingested.skipped else EXIT_OK)


@main.command()
@click.argument("dossier_path", metavar="DOSSIER", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("gold_path", metavar="GOLD", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--docs", "docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory of the gold documents (default: beside GOLD, then the dossier's own texts).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--misses", is_flag=True, help="List every gold item that was missed.")
def evaluate(dossier_path: Path, gold_path: Path, docs_dir: Path | None, as_json: bool, misses: bool) -> None:
    """Score DOSSIER (dossier.json) against GOLD annotations (YAML)."""
    from storytrace.evaluate import evaluate_files

    try:
        report = evaluate_files(dossier_path, gold_path, docs_dir)
    except StorytraceError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(json.dumps(report.scores, indent=1))
        return
    if misses:
        for miss in report.misses:
            click.echo(f"  miss: {miss}")
    for name, value in report.scores.items():
        click.echo(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")


@main.command()
@click.argument("file_path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dct", default=None, help="Document creation date YYYY-MM-DD that relative dates resolve against "
              "(default: the file's sidecar or HTML date, else an estimate from the text).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def timex(file_path: Path, dct: str | None, fmt: str) -> None:
    """Print the time expressions of FILE: start, end, text, type, value (offsets into its text)."""
    if dct is not None and not _is_iso_date(dct):
        raise click.BadParameter(f"expected YYYY-MM-DD, got {dct!r}", param_hint="--dct")
    from storytrace.extract.timex import estimate_published, tag_timexes
    from storytrace.ingest import IngestOptions, read_sources

    ingested = read_sources([file_path], IngestOptions(english_only=False))
    for skipped in ingested.skipped:
        click.echo(skipped.line(), err=True)
    if not ingested.documents:
        raise click.exceptions.Exit(EXIT_FAILED)
    document = ingested.documents[0]
    reference = dct or (document.published or "")[:10] or estimate_published(document.text)
    estimated = dct is None and (not document.published or document.published_estimated)
    found = tag_timexes(document.text, reference, estimated)
    if fmt == "json":
        click.echo(json.dumps([{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                               for t in found], ensure_ascii=False, indent=1))
        return
    for t in found:
        click.echo(f"{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.text}")


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@main.command()
@click.option("--claim", default=None, help="The claim the text is checked against.")
@click.option("--text", default=None, help="A headline or sentence that may support or deny the claim.")
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help='File of {"claim", "text"} lines ("-" for stdin); prints one JSON object per line, in order.')
def stance(claim: str | None, text: str | None, jsonl_path: Path | None) -> None:
    """Does TEXT support, deny or stay neutral to CLAIM? (supports|denies|neutral with a score)"""
    if jsonl_path is None and (claim is None or text is None):
        raise click.UsageError("give --claim and --text, or --jsonl FILE")
    if jsonl_path is not None and (claim is not None or text is not None):
        raise click.UsageError("--jsonl cannot be combined with --claim/--text")
    from storytrace.ingest import UNPAIRED_SURROGATE

    if UNPAIRED_SURROGATE.search((claim or "") + (text or "")):
        raise click.UsageError("--claim and --text must be valid text (an argument holds bytes that are not UTF-8)")
    from storytrace.stance import StanceClassifier

    try:
        classifier = StanceClassifier()
        if jsonl_path is None:
            result = classifier.classify(claim, text)
            click.echo(json.dumps({"stance": result.stance, "score": round(result.score, 4)}))
            return
        pairs, errors = _stance_pairs(jsonl_path)
        results = iter(classifier.classify_many([p for p in pairs if p is not None]))
    except StorytraceError as exc:
        raise _fail(exc) from None
    for number, pair in enumerate(pairs, start=1):
        if pair is None:
            line, reason = errors[number]
            click.echo(json.dumps({"record": number, "line": line, "error": reason}))
            continue
        result = next(results)
        click.echo(json.dumps({"claim": pair[0], "text": pair[1], "stance": result.stance,
                               "score": round(result.score, 4)}, ensure_ascii=False))
    if errors:
        for number, (line, reason) in errors.items():
            click.echo(f"error: {jsonl_path}: record {number} (line {line}): {reason}", err=True)
        raise click.exceptions.Exit(EXIT_SKIPPED)


def _stance_pairs(path: Path) -> tuple[list[tuple[str, str] | None], dict[int, tuple[int, str]]]:
    """(claim, text) per record (a non-blank line), None for a bad one, and for each bad record by
    number its line in the file and the reason."""
    from storytrace.ingest import UNPAIRED_SURROGATE

    try:
        raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StorytraceError("unreadable", f"cannot read ({exc})", str(path)) from None
    pairs: list[tuple[str, str] | None] = []
    errors: dict[int, str] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            pairs.append(None)
            errors[len(pairs)] = (number, f"not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("claim"), str) or not isinstance(record.get("text"), str):
            pairs.append(None)
            errors[len(pairs)] = (number, 'expected an object with string "claim" and "text"')
            continue
        if UNPAIRED_SURROGATE.search(record["claim"] + record["text"]):
            pairs.append(None)
            errors[len(pairs)] = (number, "claim or text is not valid Unicode (an unpaired surrogate)")
            continue
        pairs.append((record["claim"], record["text"]))
    return pairs, errors


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
