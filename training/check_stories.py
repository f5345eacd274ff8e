"""Check claim-story folders (gold.yaml + documents + metadata sidecars) before they are used.

Usage: python training/check_stories.py FOLDER [FOLDER ...]

Each problem is printed on one line naming the story, and the exit status is 1 when there is any:
a document or sidecar missing or unreadable, an anchor not found in its document or found more than
once, a stance other than supports/denies, a side without an origin, a claim with fewer than two
sides, a repeated claim id.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from storytrace.evaluate import fold_text, find_anchor

STANCES = ("supports", "denies")


def document_texts(folder: Path, documents: dict, problems: list[str]) -> dict[str, str]:
    """Each gold document key's text, with a problem noted for a missing file or sidecar."""
    texts = {}
    for key, meta in (documents or {}).items():
        path = folder / str(meta.get("file", ""))
        sidecar = path.with_suffix(".meta.json")
        if not path.is_file():
            problems.append(f"document {key}: {path.name} is missing")
            continue
        texts[key] = path.read_text(encoding="utf-8")
        try:
            json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            problems.append(f"document {key}: sidecar {sidecar.name} unreadable ({error})")
    return texts


def side_problems(claim_id: str, side: dict, texts: dict[str, str]) -> list[str]:
    """What is wrong with one side of a claim."""
    where = f"claim {claim_id}, side {side.get('anchor', '')[:50]!r}"
    text = texts.get(side.get("doc"))
    if text is None:
        return [f"{where}: unknown document {side.get('doc')!r}"]
    problems = []
    anchor = str(side.get("anchor", ""))
    if not find_anchor(text, anchor):
        problems.append(f"{where}: anchor not found in document {side['doc']}")
    elif fold_text(text).count(fold_text(anchor)) > 1:
        problems.append(f"{where}: anchor occurs more than once in document {side['doc']}")
    if side.get("stance") not in STANCES:
        problems.append(f"{where}: stance {side.get('stance')!r} is not supports/denies")
    if not side.get("origin"):
        problems.append(f"{where}: no origin")
    return problems


def story_problems(folder: Path) -> tuple[list[str], int, int]:
    """Problems of one story folder, with its number of claims and sides."""
    try:
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        return [f"gold.yaml unreadable ({error})"], 0, 0
    problems: list[str] = []
    texts = document_texts(folder, gold.get("documents"), problems)
    claims = gold.get("claims") or []
    seen: set[str] = set()
    sides = 0
    for claim in claims:
        claim_id = str(claim.get("id"))
        if claim_id in seen:
            problems.append(f"claim {claim_id}: id repeated")
        seen.add(claim_id)
        if len(claim.get("sides") or []) < 2:
            problems.append(f"claim {claim_id}: fewer than two sides")
        for side in claim.get("sides") or []:
            sides += 1
            problems.extend(side_problems(claim_id, side, texts))
    return problems, len(claims), sides


def main(folders: list[str]) -> int:
    failed = False
    for name in folders:
        folder = Path(name)
        problems, claims, sides = story_problems(folder)
        for problem in problems:
            print(f"{folder.name}: {problem}")
        failed = failed or bool(problems)
        print(f"{folder.name}: {claims} claims, {sides} sides, {'ok' if not problems else f'{len(problems)} problems'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
