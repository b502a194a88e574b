"""Fill a trial brief (``briefs/KIND.md``) for a helper.

Run: ``python scripts/trials/brief.py KIND TRIAL DIR TREE [--hex 01234567] [--topics TEXT]``
prints the brief: the trial's name, the directory it works in (outside the repository: its
texts are retold third-party articles), the source tree it runs (a worktree of the commit
measured) and, for real news, the first hex digits of URL hashes it may take.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    kinds = sorted(path.stem for path in (HERE / "briefs").glob("*.md"))
    parser.add_argument("kind", choices=kinds)
    parser.add_argument("trial")
    parser.add_argument("dir")
    parser.add_argument("tree")
    parser.add_argument("--hex", default="0123456789abcdef")
    parser.add_argument("--topics", default="")
    args = parser.parse_args()
    template = (HERE / "briefs" / f"{args.kind}.md").read_text(encoding="utf-8")
    print(template.format(trial=args.trial, dir=args.dir, tree=args.tree, hex=args.hex,
                          topics=args.topics, root=args.tree, python=sys.executable))


if __name__ == "__main__":
    main()
