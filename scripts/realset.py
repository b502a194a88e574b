"""The real development set: stored news pages, annotated, text kept outside the repository.

The repository keeps annotations only (``tests/gold/real/*.jsonl``: url, query, the text's
sha256 and length, spans, types, normal forms, canonical ids, relations). The texts live in
a local cache (``$RUEXTRACT_REAL_CACHE``, default ``~/.cache/ruextract/real``), one
``<doc>.txt`` each, rebuilt from the search tool's stored pages as ``tests/gold/real/README.md``
describes. Commands:

    realset.py add --url URL --query Q --text FILE     put a page's text into the cache
    realset.py missing                                 queries to search for absent texts
    realset.py restore RESULTS.jsonl                   cache the search results that match
    realset.py annotate ANN.json --batch NAME          resolve a compact annotation to gold
    realset.py check                                   validate every gold line (hash, offsets,
                                                       dev copies of held-out articles)
    realset.py hold-copies                             hold out those copies (``copy_of``)
    realset.py export --split dev|heldout|all [--half a|b] --out DIR
                                                       texts + merged gold, ready to run
    realset.py stats                                   articles, sites, splits, relations

The held-out third is chosen by the URL's hash alone (``split_of``), so it is fixed before
anyone reads an article. One story is often told by two sites, one URL on each side: the dev
copy of a held-out article is held out with it (its line's ``copy_of`` names the held-out
document), else tuning on dev reads held-out text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold" / "real"
SHARED_HELDOUT = ROOT.parent / "shared" / "heldout-urls.sha256"
ENTITY_TYPES = {"PER", "ORG", "LOC", "PARK", "EVENT"}
RELATION_TYPES = {
    "VISITED", "DELEGATION_FROM", "HEADED_BY", "MEMBER_OF_DELEGATION", "WORKS_FOR",
    "LOCATED_IN", "RESIDENT_OF", "PART_OF", "AGREEMENT_WITH", "PARTICIPATED_IN",
}
WORD = re.compile(r"\w", re.UNICODE)
SHINGLE = 5  # words: a run this long shared by two texts is copied, not a common phrase
COPY_SHARE = 0.3  # of the shorter text's runs: the same article, retold by another site (the
# pairs found share over half; unrelated articles under a sixth)


def cache_dir() -> Path:
    return Path(os.environ.get("RUEXTRACT_REAL_CACHE", Path.home() / ".cache/ruextract/real"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_name(url: str) -> str:
    return f"r_{sha256(url)[:16]}.txt"


def split_of(url: str) -> str:
    """A third of the articles, by the URL's hash, are held out from tuning."""
    return "heldout" if int(sha256(url), 16) % 3 == 0 else "dev"


def split_of_line(obj: dict) -> str:
    """A gold line's split: its URL's, but held out where it copies a held-out article."""
    return "heldout" if obj.get("copy_of") else split_of(obj.get("url", ""))


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def copies_across_splits(texts: dict[str, tuple[str, str]]) -> list[tuple[str, str, float]]:
    """(dev doc, held-out doc, share) for each dev text that shares at least ``COPY_SHARE`` of
    the shorter text's word runs with a held-out one. ``texts``: doc → (URL split, text)."""
    held = {doc: _shingles(text) for doc, (split, text) in texts.items() if split == "heldout"}
    index: dict[int, set[str]] = {}
    for doc, shingles in held.items():
        for shingle in shingles:
            index.setdefault(shingle, set()).add(doc)
    found = []
    for doc, (split, text) in sorted(texts.items()):
        if split != "dev" or not (shingles := _shingles(text)):
            continue
        shared = Counter(other for shingle in shingles for other in index.get(shingle, ()))
        for other, count in sorted(shared.items()):
            share = count / min(len(shingles), len(held[other]))
            if share >= COPY_SHARE:
                found.append((doc, other, round(share, 2)))
    return found


def site_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").rstrip(".")


def clean_text(raw: str) -> str:
    """The stored text of a page: the search result's excerpt with its ends stripped."""
    return raw.strip()


def half_of(url: str) -> str:
    """Two halves of a split, to check that a rule learnt on one holds on the other."""
    return "ab"[int(sha256(url), 16) // 3 % 2]


def shared_heldout() -> set[str]:
    if not SHARED_HELDOUT.exists():
        return set()
    lines = SHARED_HELDOUT.read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def gold_lines() -> list[tuple[Path, dict]]:
    out = []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path, json.loads(line)))
    return out


# --------------------------------------------------------------------------- add


def cmd_add(args: argparse.Namespace) -> int:
    url = args.url.strip()
    if sha256(url) in shared_heldout():
        print(f"REFUSED: {url} is held out (../shared/heldout-urls.sha256); leave it alone")
        return 1
    known = {obj["url"] for _, obj in gold_lines()}
    text = clean_text(Path(args.text).read_text(encoding="utf-8"))
    name = doc_name(url)
    target = cache_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="")
    page = {"doc": name, "url": url, "query": args.query, "split": split_of(url),
            "sha256": sha256(text), "length": len(text)}
    print(json.dumps(page, ensure_ascii=False))
    if url in known:
        print("note: this URL is already annotated in tests/gold/real/")
    return 0


# --------------------------------------------------------------------------- restore


def cmd_missing(args: argparse.Namespace) -> int:
    """Each query whose search would bring back a gold page absent from the cache."""
    by_query: dict[str, list[str]] = {}
    for _, obj in gold_lines():
        if not (cache_dir() / obj["doc"]).exists():
            by_query.setdefault(obj["query"], []).append(obj["url"])
    for query, urls in by_query.items():
        for url in urls:
            print(f"{query}\t{url}")
    print(f"{sum(map(len, by_query.values()))} pages absent, {len(by_query)} queries",
          file=sys.stderr)
    return 0


def restore(results: Path) -> Counter:
    """Cache each search result (a JSON line with ``url`` and ``excerpt``) whose text is the
    annotated one; a page whose stored copy changed since it was annotated stays absent."""
    gold = {obj["url"]: obj for _, obj in gold_lines()}
    counts: Counter = Counter()
    for line in results.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            result = json.loads(line)
            obj = gold.get(result["url"].strip())
            text = clean_text(result["excerpt"])
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            counts["unreadable"] += 1
            continue
        if obj is None:
            counts["not annotated"] += 1
        elif sha256(text) != obj["sha256"]:
            counts["text differs"] += 1
        else:
            target = cache_dir() / obj["doc"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
            counts["cached"] += 1
    return counts


def cmd_restore(args: argparse.Namespace) -> int:
    counts = restore(Path(args.results))
    print(", ".join(f"{n} {what}" for what, n in counts.most_common()) or "nothing read")
    return 0


# --------------------------------------------------------------------------- annotate


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` that do not cut a word in two."""
    starts, i = [], text.find(surface)
    while i >= 0:
        end = i + len(surface)
        before = i > 0 and WORD.match(text[i - 1]) and WORD.match(surface[0])
        after = end < len(text) and WORD.match(text[end]) and WORD.match(surface[-1])
        if not before and not after:
            starts.append(i)
        i = text.find(surface, i + 1)
    return starts


def resolve_mentions(text: str, compact: list[dict]) -> tuple[list[dict], list[str]]:
    """Compact mentions (surface, type, normal, entity, canonical, optional ``at``) → spans.

    Every occurrence of a surface is a mention unless ``at`` lists which (0-based, among
    its occurrences). Longer surfaces claim their characters first, so «технопарк «Идея»»
    wins over «Идея» inside it.
    """
    problems: list[str] = []
    taken = [False] * len(text)
    out: list[dict] = []
    for m in sorted(compact, key=lambda m: -len(m["text"])):
        surface = m["text"]
        if m.get("type") not in ENTITY_TYPES:
            problems.append(f"{surface!r}: unknown type {m.get('type')!r}")
            continue
        starts = _occurrences(text, surface)
        if "at" in m:
            wanted = m["at"]
            bad = [k for k in wanted if k >= len(starts)]
            if bad:
                problems.append(f"{surface!r}: occurrence {bad} of {len(starts)}")
            starts = [starts[k] for k in wanted if k < len(starts)]
        if not starts:
            problems.append(f"{surface!r}: not found in the text")
        for s in starts:
            e = s + len(surface)
            if any(taken[s:e]):
                continue
            taken[s:e] = [True] * (e - s)
            normal = m.get("normal") or surface
            out.append({"start": s, "end": e, "type": m["type"], "text": surface,
                        "normal": normal, "entity": m.get("entity") or normal,
                        **({"canonical": m["canonical"]} if m.get("canonical") else {})})
    out.sort(key=lambda m: (m["start"], m["end"]))
    return out, problems


def _relation_problems(mentions: list[dict], relations: list[dict]) -> list[str]:
    names = {n for m in mentions for n in (m["normal"], m["entity"])}
    problems = []
    for r in relations:
        if r.get("type") not in RELATION_TYPES:
            problems.append(f"relation type {r.get('type')!r}")
            continue
        for key in ("arg1", "arg2"):
            value = r.get(key)
            forms = value if isinstance(value, list) else [value]
            if not forms or not all(isinstance(f, str) and f for f in forms):
                problems.append(f"{r['type']} {key} must be a string or list of strings")
            elif not any(f.startswith("delegation:") or f in names for f in forms):
                problems.append(f"{r['type']} {key} {forms} names no annotated mention")
    return problems


def cmd_annotate(args: argparse.Namespace) -> int:
    ann = json.loads(Path(args.annotation).read_text(encoding="utf-8"))
    url = ann["url"].strip()
    if sha256(url) in shared_heldout():
        print(f"REFUSED: {url} is held out")
        return 1
    name = doc_name(url)
    cached = cache_dir() / name
    if not cached.exists():
        print(f"{name}: not in the cache; run `realset.py add` first")
        return 1
    text = cached.read_text(encoding="utf-8")
    mentions, problems = resolve_mentions(text, ann.get("mentions", []))
    relations = ann.get("relations", [])
    problems += _relation_problems(mentions, relations)
    line = {"doc": name, "url": url, "site": site_of(url), "query": ann.get("query", ""),
            "split": split_of(url), "sha256": sha256(text), "length": len(text),
            "mentions": mentions, "relations": relations}
    held_copy = _held_out_copy(name, text) if line["split"] == "dev" else None
    if held_copy is not None:
        line["copy_of"], line["split"] = held_copy, "heldout"
        print(f"{name}: a copy of held-out {held_copy}: held out with it")
    if ann.get("notes"):
        line["notes"] = ann["notes"]
    for p in problems:
        print(f"{name}: {p}")
    if problems and not args.force:
        print("not written (fix the annotation, or --force to keep it anyway)")
        return 1
    batch = GOLD_DIR / f"{args.batch}.jsonl"
    batch.parent.mkdir(parents=True, exist_ok=True)
    kept = []
    if batch.exists():
        kept = [x for x in batch.read_text(encoding="utf-8").splitlines()
                if x.strip() and json.loads(x)["doc"] != name]
    kept.append(json.dumps(line, ensure_ascii=False))
    batch.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{name}: {len(mentions)} mentions, {len(relations)} relations → {batch.name}")
    return 0


# --------------------------------------------------------------------------- check / export


def _held_out_copy(name: str, text: str) -> str | None:
    """The annotated held-out article (in the cache) that the text ``name`` copies, if any."""
    texts = {obj["doc"]: ("heldout", (cache_dir() / obj["doc"]).read_text(encoding="utf-8"))
             for _, obj in gold_lines() if split_of(obj["url"]) == "heldout"
             and obj["doc"] != name and (cache_dir() / obj["doc"]).exists()}
    texts[name] = ("dev", text)
    return next((held for dev, held, _ in copies_across_splits(texts) if dev == name), None)


def check() -> tuple[list[str], int]:
    """Problems with the committed gold; and how many documents were checked against text."""
    problems, checked = [], 0
    held, seen = shared_heldout(), {}
    texts: dict[str, tuple[str, str]] = {}
    lines = gold_lines()
    copy_of = {obj["doc"]: obj.get("copy_of") for _, obj in lines}
    for path, obj in lines:
        where = f"{path.name}:{obj.get('doc')}"
        url = obj.get("url", "")
        if sha256(url) in held:
            problems.append(f"{where}: held-out URL (../shared/heldout-urls.sha256)")
        if obj.get("doc") != doc_name(url) or obj.get("split") != split_of_line(obj):
            problems.append(f"{where}: doc name or split does not follow from the URL")
        if url in seen:
            problems.append(f"{where}: URL annotated twice (also {seen[url]})")
        seen[url] = where
        problems += [f"{where}: {p}" for p in _relation_problems(obj["mentions"],
                                                                  obj["relations"])]
        spans = sorted((m["start"], m["end"]) for m in obj["mentions"])
        problems += [f"{where}: overlapping mentions {a} {b}"
                     for a, b in pairwise(spans) if b[0] < a[1]]
        cached = cache_dir() / obj["doc"]
        if not cached.exists():
            continue
        text = cached.read_text(encoding="utf-8")
        checked += 1
        if sha256(text) != obj["sha256"] or len(text) != obj["length"]:
            problems.append(f"{where}: cached text differs from the annotated one")
            continue
        problems += [f"{where}: span {m['start']}-{m['end']} is not {m['text']!r}"
                     for m in obj["mentions"] if text[m["start"]:m["end"]] != m["text"]]
        texts[obj["doc"]] = (split_of(url), text)
    problems += [f"{doc}: a copy of held-out {other} ({share:.0%} shared): "
                 "realset.py hold-copies holds it out"
                 for doc, other, share in copies_across_splits(texts) if not copy_of[doc]]
    return problems, checked


def cmd_check(args: argparse.Namespace) -> int:
    problems, checked = check()
    for p in problems:
        print(p)
    total = len(gold_lines())
    print(f"{total} documents, {checked} checked against cached text, {len(problems)} problems")
    return 1 if problems else 0


def cmd_hold_copies(args: argparse.Namespace) -> int:
    """Mark each dev copy of a held-out article held out (``copy_of``, ``split``)."""
    texts = {obj["doc"]: (split_of(obj["url"]), (cache_dir() / obj["doc"]).read_text(
        encoding="utf-8")) for _, obj in gold_lines() if (cache_dir() / obj["doc"]).exists()}
    copies = {doc: other for doc, other, _ in copies_across_splits(texts)}
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        marked = [obj for obj in lines if obj["doc"] in copies
                  and obj.get("copy_of") != copies[obj["doc"]]]
        for obj in marked:
            obj["copy_of"], obj["split"] = copies[obj["doc"]], "heldout"
            print(f"{path.name}: {obj['doc']} held out, a copy of {obj['copy_of']}")
        if marked:
            path.write_text("".join(json.dumps(obj, ensure_ascii=False) + "\n"
                                    for obj in lines), encoding="utf-8")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    batches = set(args.batch or [])
    unknown = batches - {path.stem for path in GOLD_DIR.glob("*.jsonl")}
    if unknown:
        print(f"no such batch: {', '.join(sorted(unknown))} (batch files are named like "
              f"batch_v, in {GOLD_DIR})")
        return 2
    out = Path(args.out)
    texts = out / "texts"
    if texts.exists():
        shutil.rmtree(texts)
    texts.mkdir(parents=True)
    lines, missing = [], 0
    for path, obj in gold_lines():
        if args.split != "all" and obj["split"] != args.split:
            continue
        if batches and path.stem not in batches:
            continue
        if args.half and half_of(obj["url"]) != args.half:
            continue
        cached = cache_dir() / obj["doc"]
        if not cached.exists():
            missing += 1
            continue
        shutil.copyfile(cached, texts / obj["doc"])
        lines.append(json.dumps(obj, ensure_ascii=False))
    if not lines and missing:
        # a score of nothing would read as a score: say why instead
        print(f"none of the {missing} documents is in the text cache {cache_dir()}: rebuild it "
              f"first (tests/gold/real/README.md, «The text cache»)", file=sys.stderr)
        return 1
    (out / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents → {out} ({missing} not in the cache)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    objs = [obj for _, obj in gold_lines()]
    for split in ("dev", "heldout"):
        part = [o for o in objs if o["split"] == split]
        rels = Counter(r["type"] for o in part for r in o["relations"])
        ments = Counter(m["type"] for o in part for m in o["mentions"])
        print(f"{split}: {len(part)} articles, {len({o['site'] for o in part})} sites; "
              f"mentions {dict(ments)}; relations {dict(rels)}")
    print(f"all: {len(objs)} articles, {len({o['site'] for o in objs})} sites")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add")
    add.add_argument("--url", required=True)
    add.add_argument("--query", required=True)
    add.add_argument("--text", required=True, help="file holding the page's excerpt")
    add.set_defaults(run=cmd_add)
    sub.add_parser("missing").set_defaults(run=cmd_missing)
    restore_ = sub.add_parser("restore")
    restore_.add_argument("results", help='JSON lines {"url": ..., "excerpt": ...}')
    restore_.set_defaults(run=cmd_restore)
    annotate = sub.add_parser("annotate")
    annotate.add_argument("annotation")
    annotate.add_argument("--batch", required=True)
    annotate.add_argument("--force", action="store_true")
    annotate.set_defaults(run=cmd_annotate)
    sub.add_parser("check").set_defaults(run=cmd_check)
    sub.add_parser("hold-copies").set_defaults(run=cmd_hold_copies)
    export = sub.add_parser("export")
    export.add_argument("--split", choices=["dev", "heldout", "all"], required=True)
    export.add_argument("--half", choices=["a", "b"],
                        help="only one half of the split (by a further bit of the URL's hash)")
    export.add_argument("--batch", action="append", metavar="NAME",
                        help="only this batch file (batch_v; repeat for more): a new batch's "
                             "first score, before anyone tunes on it")
    export.add_argument("--out", required=True)
    export.set_defaults(run=cmd_export)
    sub.add_parser("stats").set_defaults(run=cmd_stats)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
