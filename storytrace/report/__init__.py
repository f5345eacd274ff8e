"""Outputs of a dossier: the JSON contract, a Markdown report and a self-contained HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from storytrace.errors import StorytraceError
from storytrace.schema import Dossier, dumps

OUTPUT_NAMES = {"json": "dossier.json", "md": "report.md", "html": "report.html"}


def render(dossier: Dossier, fmt: str) -> str:
    """The dossier as text in one of the output formats."""
    if fmt == "json":
        return dumps(dossier) + "\n"
    if fmt == "md":
        from storytrace.report.markdown import render_markdown

        return render_markdown(dossier)
    if fmt == "html":
        from storytrace.report.html import render_html

        return render_html(dossier)
    raise StorytraceError("bad_format", f"unknown output format {fmt!r}")


def write_outputs(dossier: Dossier, out_dir: Path, formats: Iterable[str]) -> list[Path]:
    """Write each requested format into out_dir; returns the paths written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorytraceError("unwritable", f"cannot create output directory ({exc.strerror or exc})", str(out_dir)) from None
    written = []
    for fmt in formats:
        path = out_dir / OUTPUT_NAMES[fmt]
        try:
            path.write_text(render(dossier, fmt), encoding="utf-8")
        except OSError as exc:
            raise StorytraceError("unwritable", f"cannot write ({exc.strerror or exc})", str(path)) from None
        written.append(path)
    return written
