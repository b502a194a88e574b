"""What changed between two runs' outputs (two runs, or one before and after ``--from-stage``):
mentions, entity keys and relations added and removed, by type and by the rule that made them,
each with its document and sentence; against gold, whether a change fixes or breaks a gold item.

Items are compared within the documents both outputs hold (``doc_id`` is a hash of the
normalised text, so the same article has the same id in both):

* a mention is its span in the normalised text and its type (a new normal form or source
  for the same span is not a change here; a new normal form shows as a changed entity key);
* an entity key is ``entities.entity_key`` in its document;
* a relation is what scoring counts as one relation: type and folded arguments
  (:func:`ruextract.evaluate.relation_key`).

Gold items are matched with the scoring code of :mod:`ruextract.evaluate`: a mention under
the gold's quote convention, a relation through its arguments' forms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from . import evaluate as scoring
from . import store
from .gold import GoldDoc

KINDS = ("mentions", "entities", "relations")

#: what a change means for gold: (change, matches a gold item) -> mark
GOLD_MARKS = {("added", True): "fix", ("removed", True): "break",
              ("added", False): "new FP", ("removed", False): "removed FP"}


@dataclass(slots=True)
class Change:
    """One item present in one output and not in the other."""

    kind: str  # mentions, entities, relations
    change: str  # added (only in NEW) or removed (only in OLD)
    doc: str  # the document as gold names it (file base name, ``file.jsonl:12``)
    doc_id: str
    type: str
    rule: str  # mentions.source, relations.rule; for an entity, its mentions' sources
    text: str  # the mention's surface, the entity key, «arg1 → arg2»
    evidence: str  # the sentence it was found in
    gold: str | None = None  # fix, break, new FP, removed FP; None: no gold for it


@dataclass
class RunDiff:
    """Changes from OLD to NEW, and which documents were compared."""

    old: str
    new: str
    documents: int  # documents in both, compared
    only_old: list[str] = field(default_factory=list)
    only_new: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    gold: bool = False

    def select(self, types: Iterable[str] = (), rules: Iterable[str] = ()) -> RunDiff:
        """The changes of the given types and rules (shell patterns, ``park.*``; a mention's
        source matches with or without its ``rule:`` prefix)."""
        types, rules = list(types), list(rules)

        def wanted(change: Change) -> bool:
            names = {change.rule, change.rule.removeprefix("rule:"), *change.rule.split(",")}
            return (not types or any(fnmatchcase(change.type, t) for t in types)) and (
                not rules or any(fnmatchcase(n, r) for n in names for r in rules))

        return RunDiff(self.old, self.new, self.documents, self.only_old, self.only_new,
                       [c for c in self.changes if wanted(c)], self.gold)

    def counts(self) -> dict[str, dict[tuple[str, str], Counter]]:
        """kind -> (type, rule) -> counts of added, removed and of each gold mark."""
        counts: dict[str, dict[tuple[str, str], Counter]] = {kind: {} for kind in KINDS}
        for change in self.changes:
            group = counts[change.kind].setdefault((change.type, change.rule), Counter())
            group[change.change] += 1
            if change.gold:
                group[change.gold] += 1
        return {kind: dict(sorted(groups.items())) for kind, groups in counts.items()}

    def as_dict(self) -> dict:
        return {
            "old": self.old, "new": self.new, "documents": self.documents,
            "only_old": self.only_old, "only_new": self.only_new, "gold": self.gold,
            "counts": {kind: [{"type": t, "rule": r, **counter} for (t, r), counter in
                              groups.items()] for kind, groups in self.counts().items()},
            "changes": [asdict(c) for c in self.changes],
        }


# --------------------------------------------------------------------------- one output


@dataclass(slots=True)
class _Item:
    doc_id: str
    type: str
    rule: str
    text: str
    sent_id: int | None
    evidence: str = ""
    mention: scoring.PredMention | None = None  # for gold matching
    relation_key: tuple[str, str, str] | None = None


@dataclass
class _Output:
    """The items of one output, keyed so that the same item has the same key in both."""

    names: dict[str, str]  # doc_id -> document name
    external_ids: dict[str, str]
    items: dict[str, dict[tuple, _Item]]


def _rows(out: Path, table: str, columns: list[str], doc_ids: set[str]) -> list[dict]:
    rows = store.read_table(out, table, columns=columns)
    return [r for r in rows.to_pylist() if r["doc_id"] in doc_ids]


def _read_output(out: Path, doc_ids: set[str]) -> _Output:
    documents = store.read_table(out, "documents", columns=["doc_id", "source", "external_id"])
    names, external_ids = {}, {}
    for row in documents.to_pylist():
        names[row["doc_id"]] = (scoring.document_name(row["source"]) if row["source"]
                                else row["doc_id"])
        if row["external_id"]:
            external_ids[row["doc_id"]] = row["external_id"]

    mentions: dict[tuple, _Item] = {}
    sources: dict[tuple[str, int], list[tuple[int, str, int]]] = defaultdict(list)
    for r in _rows(out, "mentions", ["doc_id", "entity_id", "type", "start", "end", "raw_start",
                                     "raw_end", "text", "normal", "sent_id", "source"], doc_ids):
        mentions[(r["doc_id"], r["start"], r["end"], r["type"])] = _Item(
            r["doc_id"], r["type"], r["source"] or "", r["text"], r["sent_id"],
            mention=scoring.PredMention(r["raw_start"], r["raw_end"], r["type"], r["text"],
                                        r["normal"], r["source"] or ""))
        sources[(r["doc_id"], r["entity_id"])].append((r["start"], r["source"] or "",
                                                       r["sent_id"]))

    entities: dict[tuple, _Item] = {}
    for r in _rows(out, "entities", ["doc_id", "entity_id", "entity_key", "type"], doc_ids):
        found = sorted(sources.get((r["doc_id"], r["entity_id"]), []))
        entities[(r["doc_id"], r["entity_key"])] = _Item(
            r["doc_id"], r["type"], ",".join(sorted({source for _, source, _ in found})),
            r["entity_key"], found[0][2] if found else None)

    relations: dict[tuple, _Item] = {}
    for r in _rows(out, "relations", ["doc_id", "type", "arg1_normal", "arg2_normal", "role",
                                      "sent_id", "evidence", "rule"], doc_ids):
        key = scoring.relation_key(scoring.PredRelation(
            r["type"], r["arg1_normal"], r["arg2_normal"], frozenset(), frozenset(), "", ""))
        role = f" ({r['role']})" if r["role"] else ""
        relations.setdefault((r["doc_id"], *key), _Item(
            r["doc_id"], r["type"], r["rule"] or "",
            f"{r['arg1_normal']} → {r['arg2_normal']}{role}", r["sent_id"],
            evidence=r["evidence"] or "", relation_key=key))
    return _Output(names, external_ids,
                   {"mentions": mentions, "entities": entities, "relations": relations})


def _sentences(out: Path, wanted: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The text of each wanted (doc_id, sent_id), from the tokens' offsets."""
    doc_ids = sorted({doc_id for doc_id, _ in wanted})
    if not doc_ids:
        return {}
    filters = [("doc_id", "in", doc_ids)]
    bounds = store.read_table(out, "tokens", columns=["doc_id", "sent_id", "start", "end"],
                              filters=filters).group_by(["doc_id", "sent_id"]).aggregate(
        [("start", "min"), ("end", "max")])
    texts = {r["doc_id"]: r["text"] for r in store.read_table(
        out, "documents", columns=["doc_id", "text"], filters=filters).to_pylist()}
    sentences = {}
    for r in bounds.to_pylist():
        key = (r["doc_id"], r["sent_id"])
        if key in wanted and r["doc_id"] in texts:
            sentences[key] = " ".join(texts[r["doc_id"]][r["start_min"]:r["end_max"]].split())
    return sentences


# --------------------------------------------------------------------------- gold


def _gold_index(gold_docs: list[GoldDoc]) -> dict[str, GoldDoc]:
    """Gold by the names evaluate matches a document by: its name, and its stem (an
    external id)."""
    index: dict[str, GoldDoc] = {}
    for gold in gold_docs:
        index.setdefault(gold.doc, gold)
        index.setdefault(Path(gold.doc).stem, gold)
    return index


def _gold_relation_matches(out: Path, gold_of: dict[str, GoldDoc]
                           ) -> dict[tuple[str, tuple[str, str, str]], bool]:
    """(document name, relation key) -> does a relation of that key match gold. The
    relations come from evaluate's reading of the output (arguments with all their forms)."""
    matches: dict[tuple[str, tuple[str, str, str]], bool] = {}
    for name, pred in scoring.predictions_from_output(out).items():
        gold = gold_of.get(name)
        if gold is None:
            continue
        for relation in pred.relations:
            found = scoring.matches_gold_relation(gold, relation)
            if found is not None:
                key = (name, scoring.relation_key(relation))
                matches[key] = matches.get(key, False) or found
    return matches


# --------------------------------------------------------------------------- the diff


def diff_outputs(old: Path, new: Path, gold_docs: list[GoldDoc] | None = None) -> RunDiff:
    """Mentions, entity keys and relations only in ``old`` (removed) or only in ``new``
    (added), in the documents both hold; with ``gold_docs``, each marked fix, break, new FP
    or removed FP where the gold scores its type."""
    old_ids = store.existing_doc_ids(old)
    new_ids = store.existing_doc_ids(new)
    both = old_ids & new_ids
    before, after = _read_output(old, both), _read_output(new, both)
    result = RunDiff(str(old), str(new), len(both),
                     sorted(before.names[d] for d in old_ids - both),
                     sorted(after.names[d] for d in new_ids - both), gold=gold_docs is not None)
    gold_of = _gold_index(gold_docs or [])
    sides = {"added": (new, after, before), "removed": (old, before, after)}
    for change, (out, side, other) in sides.items():
        found = [(kind, key, item) for kind in KINDS
                 for key, item in side.items[kind].items() if key not in other.items[kind]]
        sentences = _sentences(out, {(item.doc_id, item.sent_id) for kind, _, item in found
                                     if not item.evidence and item.sent_id is not None})
        relation_gold = _gold_relation_matches(out, gold_of) if gold_of and any(
            kind == "relations" for kind, _, _ in found) else {}
        for kind, _, item in found:
            name = side.names[item.doc_id]
            external_id = side.external_ids.get(item.doc_id, "")
            gold = gold_of.get(name) or gold_of.get(external_id)
            matched: bool | None = None
            if gold is not None and item.mention is not None:
                matched = scoring.matches_gold_mention(gold, item.mention)
            elif gold is not None and item.relation_key is not None:
                matched = relation_gold.get((name, item.relation_key),
                                            relation_gold.get((external_id, item.relation_key)))
            result.changes.append(Change(
                kind, change, name, item.doc_id, item.type, item.rule, item.text,
                item.evidence or sentences.get((item.doc_id, item.sent_id), ""),
                None if matched is None else GOLD_MARKS[(change, matched)]))
    result.changes.sort(key=lambda c: (KINDS.index(c.kind), c.type, c.rule, c.change, c.doc,
                                       c.text))
    return result
