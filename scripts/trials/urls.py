"""Which real articles a trial may use: every URL is hashed before its article is read.

``python scripts/trials/urls.py check URL...`` prints, per URL, its sha256 and ``held``
(listed in ``../shared/heldout-urls.sha256``: never read), ``used`` (a trial, the phrasebook or the
real development set already read it) or ``new``. ``python scripts/trials/urls.py add
SOURCES.tsv...`` records the URLs (column ``url``) of a trial's articles in
``used-urls.sha256`` beside this script, so that no later trial measures on them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
USED = HERE / "used-urls.sha256"
# ../shared beside the checkout, or beside the main checkout a worktree was made from.
HELD = next((parent / "shared" / "heldout-urls.sha256" for parent in ROOT.parents
             if (parent / "shared" / "heldout-urls.sha256").exists()),
            ROOT.parent / "shared" / "heldout-urls.sha256")


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _hashes(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line.split()[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def used_hashes() -> set[str]:
    used = _hashes(USED)
    for gold in (ROOT / "tests" / "gold" / "real").glob("*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used.add(url_hash(json.loads(line)["url"]))
    for read in ("read.tsv", "sources.tsv"):  # the phrasebook's pages: first column sha256
        for line in (ROOT / "tests" / "phrasebook" / read).read_text(encoding="utf-8").splitlines():
            first = line.split("\t")[0]
            if len(first) == 64:
                used.add(first)
    return used


def check(urls: list[str]) -> None:
    if not HELD.exists():
        sys.exit(f"{HELD} is not here: no URL can be cleared")
    held, used = _hashes(HELD), used_hashes()
    for url in urls:
        digest = url_hash(url)
        status = "held" if digest in held else "used" if digest in used else "new"
        print(f"{digest}\t{status}\t{url}")


def add(sources: list[str]) -> None:
    known = _hashes(USED)
    added = []
    for source in sources:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        column = header.index("url")
        for line in lines[1:]:
            fields = line.split("\t")
            if len(fields) > column and fields[column].strip():
                digest = url_hash(fields[column].strip())
                if digest not in known:
                    known.add(digest)
                    added.append(digest)
    with USED.open("a", encoding="utf-8") as handle:
        handle.writelines(f"{digest}\n" for digest in added)
    print(f"added {len(added)}; {len(known)} trial hashes in {USED.name}")


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "check":
        check(rest)
    elif command == "add":
        add(rest)
    else:
        print(__doc__)
