"""A claim set shaped exactly like the shipped ``claims/``, replicated to N claims.

    python bench/replicate_claims.py --claims 100000 [--out bench/out/claims-real-100k]

``gen_claims.py`` writes synthetic files whose shapes it chooses; this writes the
real ones — block style, a quote per claim, sources, rates, comments, written
checks of every kind the hand-written files use — copied again and again with
every claim id and check id prefixed (``r012.cq.trade.2025``), so that verify
meets exactly what users write, only more of it. The source texts are copied
beside the files so that relative ``sources:`` paths still resolve.

A copy's findings are the shipped files' findings, so the expected summary of
the whole set is the shipped summary times the number of copies (written to
``manifest.json``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"
TOKEN = re.compile(r"[^\W\d_][\w.\-/:]*")  # the loader's id pattern
ENTITY = re.compile(r"(\bentity:[ \t]*[\"']?)(?=[^\s\"',}])")  # entities are per copy too


def _ids(text: str) -> set[str]:
    data = yaml.safe_load(text) or {}
    ids = set((data.get("claims") or {}).keys())
    for check in data.get("checks") or []:
        if isinstance(check, dict) and "id" in check:
            ids.add(str(check["id"]))
    return ids


def _claim_count(text: str) -> int:
    return len((yaml.safe_load(text) or {}).get("claims") or {})


def replicate(claims: int, out: Path) -> dict:
    """Write enough prefixed copies of claims/*.yaml to reach ``claims`` claims."""
    files = sorted(CLAIMS.glob("*.yaml"))
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    ids = set().union(*(_ids(t) for t in texts.values()))
    per_copy = sum(_claim_count(t) for t in texts.values())
    copies = -(-claims // per_copy)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if (CLAIMS / "sources").is_dir():
        shutil.copytree(CLAIMS / "sources", out / "sources")
    for n in range(copies):
        prefix = f"r{n:03d}."

        def rename(match: re.Match, prefix: str = prefix) -> str:
            word = match.group(0)
            bare = word.rstrip(":")  # a mapping key: `cq.trade.2025:`
            return prefix + word if bare in ids else word

        for name, text in texts.items():
            text = ENTITY.sub(lambda m, prefix=prefix: m.group(1) + prefix, TOKEN.sub(rename, text))
            (out / f"{prefix}{name}").write_text(text, encoding="utf-8")
    manifest = {"claims": copies * per_copy, "copies": copies, "claims_per_copy": per_copy,
                "files": sorted(texts)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "bench" / "out" / f"claims-real-{args.claims // 1000}k"
    manifest = replicate(args.claims, out)
    print(f"{out}: {manifest['copies']} copies of claims/ ({manifest['claims']:,} claims)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
