"""Score a run's keys against a keys trial: one key per real thing across its articles.

Run: ``python scripts/trials/keys.py TRIAL OUT [--errors]``. ``TRIAL/keys.tsv`` holds
``thing doc surface`` lines written by the tester before the run: the real thing (an id of
the tester's own), a document that names it and the name as that document writes it, one
line per way of writing it. For each thing named in two or more documents: it gets one key
when every listed surface is found among its document's mentions (``match.py``) and all
of them carry one ``entity_key``; a key covers two when it is found for two things. Prints
JSON: things, the share with one key, the keys covering two.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from match import GENERIC_WORDS, same_name, same_word, words
from score import _rows


def mention_keys(out: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Per document name: (surface, normal form, entity_key) of every mention of a thing (a
    delegation's mention, whose normal form is its origin, names a group, not the place)."""
    mentions = pd.read_parquet(out / "mentions",
                               columns=["doc_id", "entity_id", "type", "text", "normal"])
    mentions = mentions[mentions["type"] != "DELEGATION"]
    entities = pd.read_parquet(out / "entities", columns=["doc_id", "entity_id", "entity_key"])
    documents = pd.read_parquet(out / "documents", columns=["doc_id", "source"])
    names = {row.doc_id: Path(str(row.source)).stem for row in documents.itertuples()}
    joined = mentions.merge(entities, on=["doc_id", "entity_id"])
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in joined.itertuples():
        found[names.get(row.doc_id, row.doc_id)].append(
            (str(row.text), str(row.normal), str(row.entity_key)))
    return found


def _inside(mention: str, surface: str) -> bool:
    """Is the mention a run of the surface's words (the pipeline took a shorter span:
    «Технопром-2025» in «форум технологического развития «Технопром-2025»»)?"""
    part, whole = words(mention), words(surface)
    if not part or all(word in GENERIC_WORDS for word in part):
        return False
    return any(all(same_word(a, b) for a, b in zip(part, whole[start:], strict=False))
               for start in range(len(whole) - len(part) + 1))


def score(lines: list[dict[str, str]], found: dict[str, list[tuple[str, str, str]]]) -> dict:
    docs_of: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        line["doc"] = Path(line["doc"]).stem
        docs_of[line["thing"]].add(line["doc"])
    recurring = sorted(thing for thing, docs in docs_of.items() if len(docs) >= 2)
    keys_of: dict[str, set[str]] = defaultdict(set)
    unfound: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if line["thing"] not in recurring:
            continue
        mentions = found.get(line["doc"], [])
        # the mention written exactly so first; else one whose name matches loosely
        keys = {key for text, _, key in mentions if words(text) == words(line["surface"])} \
            or {key for text, normal, key in mentions
                if same_name(line["surface"], text) or same_name(line["surface"], normal)}
        kind = line["thing"].split(":")[0] + ":" if ":" in line["thing"] else ""
        if len(keys) > 1 and kind and any(key.startswith(kind) for key in keys):
            # («ИП «Черняховск»» matches the park and the town: the thing's own type first)
            keys = {key for key in keys if key.startswith(kind)}
        keys = keys or {key for text, _, key in mentions
                        if key.startswith(kind) and _inside(text, line["surface"])}
        keys_of[line["thing"]] |= keys
        if not keys:
            unfound[line["thing"]].append(f"{line['doc']}: {line['surface']}")
    one_key = [thing for thing in recurring if len(keys_of[thing]) == 1 and not unfound[thing]]
    things_of_key: dict[str, set[str]] = defaultdict(set)
    for thing in recurring:
        for key in keys_of[thing]:
            things_of_key[key].add(thing)
    covering = {key: sorted(things) for key, things in things_of_key.items() if len(things) > 1}
    return {"things": len(recurring), "one_key": len(one_key),
            "share": round(len(one_key) / len(recurring), 3) if recurring else None,
            "covering_two": len(covering),
            "split": {thing: sorted(keys_of[thing]) for thing in recurring
                      if thing not in one_key and not unfound[thing]},
            "unfound": {thing: where for thing, where in unfound.items() if where},
            "covering": covering}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trial", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--errors", action="store_true", help="also list splits and unfound")
    args = parser.parse_args()
    result = score(_rows(args.trial / "keys.tsv"), mention_keys(args.out))
    if not args.errors:
        result = {key: value for key, value in result.items()
                  if key not in ("split", "unfound", "covering")}
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
