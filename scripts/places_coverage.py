"""How much of a gold's LOC mentions the places gazetteer knows (models/README.md's score).

Run: ``python scripts/places_coverage.py tests/gold/seeds.jsonl tests/gold/corpus.jsonl``.
"""

from __future__ import annotations

import sys

from ruextract.gold import read_gold
from ruextract.places import gazetteer


def main(paths: list[str]) -> None:
    places = gazetteer()
    mentions = found = 0
    entities: dict[str, bool] = {}
    for path in paths:
        for doc in read_gold(path):
            for mention in doc.mentions:
                if mention.type != "LOC":
                    continue
                known = places.lookup(mention.text) is not None
                mentions += 1
                found += known
                name = mention.entity or mention.text
                entities[name] = entities.get(name, False) or known
    missing = sorted(name for name, known in entities.items() if not known)
    print(f"LOC mentions found: {found} / {mentions} ({found / max(mentions, 1):.3f}); "
          f"entities: {sum(entities.values())} / {len(entities)}")
    print("not found:", ", ".join(missing) or "—")


if __name__ == "__main__":
    main(sys.argv[1:])
