"""Which stored documents an edit of the rules can reach, so that ``--from-stage`` redoes
only those.

A run records the rules its rows were found with (``memo``: ``.cache/rules.json``). A re-run
compares them with the rules it is given:

- a word list's entries added or removed reach the documents that hold one of their words
  (in the text, a lemma or a mention's normal form; compared as ``fold``s, and by their
  stem, the word less its last letter, because matchers also compare prefixes and stems);
- a relation rule changed, added, removed or moved reaches the documents that hold an entity
  of a type its ``args`` allow on each side, old rule and new (``Context.add`` drops any other
  relation); a rule without both sides of ``args`` reaches every document;
- a change of the word lists keys are made with, or of the places gazetteer, makes every
  key afresh;
- an entity rule changed, added, removed or moved reaches the documents holding a value of
  one of its required tokens (the entities stage matches a pattern only where they are);
  a rule without one reaches every document;
- anything else — a change of the threshold, of the code or of the
  dictionary (the memo's stamp), or no record at all — reaches every document.

A document no edit reaches gives the same rows as before, so its stored rows stand.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa

from . import memo, store
from .doc import fold
from .keys import KeyWords
from .rules import RuleSet

WORD_SEPARATORS = re.compile(r"[\s=]+")


def rules_record(rules: RuleSet, min_confidence: float) -> dict:
    """What the stored rows depend on among the rules, as JSON (``memo.write_rules``)."""
    return {
        "entities": {"rules": [[rule.id, _text(rule), _required_stems(rule.pattern)]
                               for rule in rules.entities]},
        "relations": {
            "rules": [[rule.id, _text(rule), _arg_types(rule.args)] for rule in rules.relations],
            "min_confidence": min_confidence,
        },
        "wordlists": {name: list(entries) for name, entries in sorted(rules.wordlists.items())},
        "places": _places_digest(),  # keys are made with the gazetteer too
    }


def _text(rule) -> str:
    """A rule as compared: all of it but the line it starts on (others move it); an entity
    pattern as written, with "@name" for a word list (the lists are compared one by one)."""
    if not dataclasses.is_dataclass(rule):
        return repr(rule)
    changes = {"line": 0}
    if getattr(rule, "written_pattern", None) is not None:
        changes["pattern"] = rule.written_pattern
    return repr(dataclasses.replace(rule, **changes))


def _required_stems(pattern: list[dict]) -> list[str] | None:
    """Stems one of which a document must hold for ``pattern`` to match in it: those of the
    required token (``spacy_bridge.PatternAnchors``: the entities stage matches a pattern
    only where its required words are) with the fewest values; None: no such token."""
    from .spacy_bridge import literal_requirement

    tokens = [{key.upper(): value for key, value in token.items()} for token in pattern]
    best: list[str] | None = None
    for token in tokens:
        requirement = literal_requirement(token) if token.get("OP") in (None, "+") else None
        if requirement is None:
            continue
        stems = sorted({fold(value)[:-1] for value in requirement[1]})
        if "" not in stems and (best is None or len(stems) < len(best)):
            best = stems
    return best


def _changed(old: list[list], new: list[list]) -> set[str]:
    """The ids of rules changed, added, removed, or moved among the others (rules run in
    order: where two find the same thing, the first wins — so do those it passes)."""
    old_rules = {rule_id: text for rule_id, text, _ in old}
    new_rules = {rule_id: text for rule_id, text, _ in new}
    changed = {rule_id for rule_id in old_rules.keys() | new_rules.keys()
               if old_rules.get(rule_id) != new_rules.get(rule_id)}
    kept_old = [rule_id for rule_id, *_ in old if rule_id in new_rules]
    kept_new = [rule_id for rule_id, *_ in new if rule_id in old_rules]
    for a, b in zip(kept_old, kept_new, strict=True):
        if a != b:
            changed |= {a, b}
    return changed


def _places_digest() -> str:
    from .places import PLACES_PATH

    try:
        return hashlib.sha256(PLACES_PATH.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


@dataclass
class Edit:
    """What an edit reaches: every document, or those holding one of ``stems`` or an entity
    of each side of one of ``arg_types``."""
    everything: bool = False
    stems: set[str] = field(default_factory=set)
    arg_types: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)
    keys_changed: bool = False  # the word lists keys are made with: every key afresh

    @property
    def nothing(self) -> bool:
        return not (self.everything or self.stems or self.arg_types)


def relations_edit(record: dict | None, rules: RuleSet, min_confidence: float) -> Edit:
    """What the relations stage must redo, given the rules of the stored rows (``record``)."""
    if not record:
        return Edit(everything=True, keys_changed=True)
    edit = _wordlists_edit(record["wordlists"], rules, record.get("places"))
    old = record["relations"]
    if old["min_confidence"] != min_confidence:
        return Edit(everything=True, keys_changed=edit.keys_changed)
    new = rules_record(rules, min_confidence)["relations"]["rules"]
    changed = _changed(old["rules"], new)
    for rule_id, _, args in old["rules"] + new:
        if rule_id not in changed:
            continue
        if args is None:
            edit.everything = True
        else:
            edit.arg_types.append((frozenset(args[0]), frozenset(args[1])))
    return edit


def entities_edit(record: dict | None, rules: RuleSet) -> Edit:
    """What the entities stage must redo, given the rules of the stored rows (``record``)."""
    if not record:
        return Edit(everything=True, keys_changed=True)
    # a re-run of the relations stage alone leaves the entities stage's lists behind
    edit = _wordlists_edit(record.get("entity_wordlists", record["wordlists"]), rules,
                           record.get("places"))
    old, new = record["entities"]["rules"], rules_record(rules, 0.0)["entities"]["rules"]
    changed = _changed(old, new)
    for rule_id, _, stems in old + new:
        if rule_id not in changed:
            continue
        if stems is None:
            edit.everything = True
        else:
            edit.stems.update(stems)
    return edit


def _arg_types(args: dict) -> list[list[str]] | None:
    """Both sides of a rule's ``args``, or None where one side allows any type."""
    first, second = (args or {}).get("arg1"), (args or {}).get("arg2")
    if not first or not second:
        return None
    return [sorted(first), sorted(second)]


def _wordlists_edit(old: dict[str, list[str]], rules: RuleSet, places: str | None) -> Edit:
    new = rules.wordlists
    edit = Edit()
    for name in old.keys() | new.keys():
        before, after = list(old.get(name, [])), list(new.get(name, []))
        if before == after:
            continue
        changed = set(before) ^ set(after) or set(before)  # reordered: all of it
        for entry in changed:
            for word in WORD_SEPARATORS.split(fold(entry)):
                if word:
                    edit.stems.add(word[:-1])  # «» for a one-letter word: every document
    shim = SimpleNamespace(words=lambda name: old.get(name, []))
    try:
        edit.keys_changed = KeyWords.from_rules(shim) != KeyWords.from_rules(rules)
    except KeyError:
        edit.keys_changed = True
    edit.keys_changed |= places != _places_digest()
    return edit


def reached(out: Path, *edits: Edit, only: set[str] | None = None) -> set[str] | None:
    """The doc_ids of ``out`` that one of ``edits`` reaches (None: every document).
    ``only``: look at these documents alone."""
    import pyarrow.compute as pc

    if any(edit.everything for edit in edits):
        return None
    stems = set().union(*(edit.stems for edit in edits))
    if "" in stems:
        return None
    arg_types = [sides for edit in edits for sides in edit.arg_types]
    wanted = None if only is None else pa.array(sorted(only), pa.string())

    def holders(table: str, column: str, match) -> set[str]:
        """The documents where ``match`` holds for a row's ``column``."""
        data = store.read_table(out, table, columns=["doc_id", column])
        if wanted is not None:
            data = data.filter(pc.is_in(data.column("doc_id"), value_set=wanted))
        hits = pc.fill_null(match(data.column(column)), False)
        return set(pc.unique(data.column("doc_id").filter(hits)).to_pylist())

    any_stem = "|".join(re.escape(stem) for stem in sorted(stems))  # one scan (RE2)

    def holding_a_stem(values):  # as ``fold`` compares: lower case, «ё» as «е»
        folded = pc.replace_substring(pc.utf8_lower(values), "ё", "е")
        return pc.match_substring_regex(folded, any_stem)

    def of_types(types: frozenset[str]) -> set[str]:
        """Documents with an entity of one of ``types`` (as the document found it, or as
        the batch typed its key)."""
        value_set = pa.array(sorted(types), pa.string())
        return set().union(*(holders(table, "type", lambda values: pc.is_in(
            values, value_set=value_set)) for table in ("mentions", "entities")))

    found: set[str] = set()
    if stems:
        documents = store.count_rows(out, "documents") if only is None else len(only)
        for table, column in (("documents", "text"), ("tokens", "lemma"),
                              ("mentions", "normal")):
            found |= holders(table, column, holding_a_stem)
            if len(found) >= documents:
                return None  # every document
    for first, second in set(arg_types):
        found |= of_types(first) & of_types(second)
    return found


def remember_rules(out: Path, rules: RuleSet, min_confidence: float, stages: tuple[str, ...],
                   before: dict | None) -> None:
    """Record the rules ``stages`` of every stored row were found with; after a re-run of
    the relations stage alone, what the record ``before`` it said of the entities stage
    stays (nothing is recorded where that is not known)."""
    record = rules_record(rules, min_confidence)
    if "entities" not in stages:
        if not before:
            return
        record["entities"] = before["entities"]
        record["entity_wordlists"] = before.get("entity_wordlists", before["wordlists"])
    memo.write_rules(out, record)


def before_run(out: Path, rules: RuleSet, min_confidence: float) -> None:
    """A run about to add rows: if they will be found with other rules than the stored
    rows were, the record goes now (a run that dies halfway must not leave it behind)."""
    if memo.read_rules(out) != rules_record(rules, min_confidence):
        memo.forget_rules(out)


def after_run(out: Path, rules: RuleSet, min_confidence: float, new_parts: str) -> None:
    """Record the run's rules where every stored row was found with them: the output held
    only this run's rows, or a record of the same rules survived ``before_run``."""
    record = rules_record(rules, min_confidence)
    earlier = any(not path.name.startswith(new_parts)
                  for path in (Path(out) / "documents").glob("*.parquet"))
    if not earlier or memo.read_rules(out) == record:
        memo.write_rules(out, record)
