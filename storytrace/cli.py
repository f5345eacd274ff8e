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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
