"""Rule files: loading, validation with file:line messages, fingerprint.

Rules are data (YAML lists of rules, plain word lists); this module checks them before any
input is read, so a bad rule stops a run with a message that says where and what to do.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from .doc import ENTITY_TYPES, MENTION_TYPES, RELATION_TYPES

RULE_FILES = ("boilerplate.yaml", "entities.yaml", "relations.yaml")
WORDLIST_SUFFIX = ".txt"

# Per rule file: required keys, optional keys.
SCHEMAS: dict[str, tuple[set[str], set[str]]] = {
    "boilerplate.yaml": ({"id", "pattern"}, {"description", "examples", "list_after",
                                              "line_start"}),
    "entities.yaml": ({"id", "label", "pattern"},
                      {"description", "example", "expect", "normal", "priority", "keep"}),
    "relations.yaml": ({"id", "relation", "kind"},
                       {"description", "example", "expect", "pattern", "trigger", "args",
                        "confidence", "window", "role", "method"}),
}
NORMAL_MODES = {"phrase", "quoted", "as_is"}
RELATION_KINDS = {"dependency", "window", "apposition", "list"}
# What `ruextract run` and the API keep by default: a calibrated confidence below one half
# says a fact is more often wrong than right (on the real dev split such facts were 5 of 23
# right; dropping them cost 0.005 recall for 0.022 precision). `--min-confidence 0` keeps all.
DEFAULT_MIN_CONFIDENCE = 0.5


def default_rules_dir() -> Path:
    return Path(str(resources.files("ruextract") / "data" / "rules"))


@dataclass(slots=True)
class RuleProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class RuleValidationError(ValueError):
    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__("invalid rules:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(slots=True)
class BoilerplateRule:
    id: str
    pattern: str
    regex: Any
    description: str = ""
    examples: list[str] = field(default_factory=list)
    # the line heads a list («Упоминания в материале»): the short lines after it go too
    list_after: bool = False
    # the pattern matches the start of a line (a page's date stamp before the first
    # sentence): what it matches is dropped, the rest of the line kept
    line_start: bool = False


@dataclass(slots=True)
class EntityRule:
    id: str
    label: str
    pattern: list[dict]
    description: str = ""
    example: str = ""
    expect: str = ""
    normal: str = "phrase"
    priority: int = 10  # higher wins where spans overlap; natasha NER spans have 0
    # the part of the match that is the mention: all | quoted | from:N | upto:N | from:N,upto:M
    keep: str = "all"
    line: int = 0
    # the pattern as written, "@name" for a word list (``pattern`` has the entries spliced in)
    written_pattern: Any = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class RelationRule:
    id: str
    relation: str
    kind: str
    description: str = ""
    example: str = ""
    expect: list[str] = field(default_factory=list)
    pattern: list[dict] = field(default_factory=list)
    trigger: str = ""
    args: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.8
    window: int = 0
    role: str = ""
    line: int = 0
    method: str = ""  # the @matcher of relations/ that runs the rule (default: its kind)


@dataclass(slots=True)
class RuleSet:
    directory: Path
    boilerplate: list[BoilerplateRule]
    entities: list[EntityRule]
    relations: list[RelationRule]
    wordlists: dict[str, list[str]]
    fingerprint: str
    # each rule file's digest as loaded (path in the directory → sha256): what changed
    file_digests: dict[str, str] = field(default_factory=dict)

    def notes(self) -> list[str]:
        """What is valid but likely a slip: a rule file of no rules (a run then finds none of
        its kind), a relation rule's trigger list with no words (the rule never fires)."""
        notes = [f"{name} is missing or holds no rules: runs will find no {kind}"
                 for name, kind, rules in (("entities.yaml", "rule-made mentions", self.entities),
                                           ("relations.yaml", "relations", self.relations))
                 if not rules]
        empty = sorted({r.trigger for r in self.relations
                        if r.trigger and not self.wordlists.get(r.trigger)})
        notes += [f"words/{name}.txt has no words: the rules it triggers never fire"
                  for name in empty]
        return notes

    def words(self, name: str) -> list[str]:
        """The entries of words/<name>.txt; a missing list is a packaging error, not empty."""
        try:
            return self.wordlists[name]
        except KeyError:
            raise KeyError(f"word list '{name}' not found in {self.directory / 'words'}; "
                           "add words/" + name + ".txt") from None


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's where present
    """Safe YAML (no object construction) that remembers each mapping's line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    # each key's own line: a problem with one key is told where that key is written
    mapping["__lines__"] = {key.value: key.start_mark.line + 1 for key, _ in node.value
                            if isinstance(key, yaml.ScalarNode)}
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list:
    """A list whose items that are no mappings keep their line (``_Bare``): «- text» where
    a rule was meant is told at its line."""
    return [_Bare(loader.construct_object(child, deep=True), child.start_mark.line + 1)
            if isinstance(child, yaml.ScalarNode) else loader.construct_object(child, deep=True)
            for child in node.value]


@dataclass(frozen=True, slots=True)
class _Bare:
    """A scalar item of a YAML list, with its line."""
    value: Any
    line: int


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in LINE_KEYS}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value.value if isinstance(value, _Bare) else value


LINE_KEYS = ("__line__", "__lines__")


def read_wordlist(path: Path) -> list[str]:
    """One entry a line; '#' starts a comment. UTF-8, with or without the byte-order mark an
    editor on Windows writes («utf-8-sig»: no first entry «\ufeffпосетить»)."""
    entries = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def not_utf8(exc: UnicodeDecodeError) -> str:
    """What to tell of a rule, word list or case file that is not UTF-8."""
    return (f"not UTF-8 (byte {exc.start}): save the file as UTF-8 (one written in cp1251 or "
            "another code page cannot be read)")


def word_pairs(entries: Iterable[str]) -> list[tuple[str, str]]:
    """The «key = value» entries of a word list («обл = область»), each side stripped;
    entries without «=» are left out."""
    return [(key.strip(), value.strip())
            for key, value in (entry.split("=", 1) for entry in entries if "=" in entry)]


def load_rules(directory: Path | None = None) -> RuleSet:
    """Load and validate every rule file; raises RuleValidationError listing all problems."""
    directory = Path(directory) if directory else default_rules_dir()
    problems: list[RuleProblem] = []
    if not directory.is_dir():
        raise RuleValidationError([RuleProblem(str(directory), 0, "rules directory not found")])
    raw: dict[str, list[dict]] = {}
    digest = hashlib.sha256()
    file_digests: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.suffix in (".yaml", ".yml", WORDLIST_SUFFIX):
            name, content = path.relative_to(directory).as_posix(), path.read_bytes()
            digest.update(name.encode())
            digest.update(content)
            file_digests[name] = hashlib.sha256(content).hexdigest()[:16]
    for name in RULE_FILES:
        path = directory / name
        if not path.exists():
            continue
        try:
            # _LineLoader is a SafeLoader: no object construction from YAML tags.
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_LineLoader)
        except UnicodeDecodeError as exc:
            problems.append(RuleProblem(str(path), 0, not_utf8(exc)))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            # the parser's own words, without its «in "<unicode string>"» marks
            told = "; ".join(str(part) for part in (getattr(exc, "context", None),
                                                    getattr(exc, "problem", None)) if part)
            where = f" (column {mark.column + 1})" if mark else ""
            problems.append(RuleProblem(str(path), line,
                                        f"YAML syntax error: {told or exc}{where}"))
            continue
        if data is None:
            data = []
        if not isinstance(data, list):
            problems.append(RuleProblem(str(path), 1, "expected a list of rules"))
            continue
        raw[name] = data
    wordlists: dict[str, list[str]] = {}
    if (directory / "words").is_dir():
        for path in sorted((directory / "words").glob(f"*{WORDLIST_SUFFIX}")):
            try:
                wordlists[path.stem] = read_wordlist(path)
            except UnicodeDecodeError as exc:
                problems.append(RuleProblem(str(path), 0, not_utf8(exc)))
    for name, entries in wordlists.items():
        seen: set[str] = set()
        for entry in entries:
            if entry in seen:
                problems.append(RuleProblem(str(directory / "words" / f"{name}.txt"), 0,
                                            f"'{entry}' is listed twice; keep one"))
            seen.add(entry)

    seen_ids: dict[str, str] = {}
    boilerplate = [r for r in (_boilerplate(directory / "boilerplate.yaml", item, problems,
                                            seen_ids) for item in raw.get("boilerplate.yaml", []))
                   if r]
    entities = [r for r in (_entity(directory / "entities.yaml", item, problems, seen_ids,
                                    wordlists)
                            for item in raw.get("entities.yaml", [])) if r]
    relations = [r for r in (_relation(directory / "relations.yaml", item, problems, seen_ids,
                                       wordlists)
                             for item in raw.get("relations.yaml", [])) if r]
    if entities:
        _check_spacy_patterns(directory / "entities.yaml",
                              [(r.id, r.pattern, r.line) for r in entities], problems)
    _missing_wordlists(directory, wordlists, problems)
    if problems:
        raise RuleValidationError(problems)
    return RuleSet(directory, boilerplate, entities, relations, wordlists, digest.hexdigest()[:16],
                   file_digests)


def _missing_wordlists(directory: Path, wordlists: dict[str, list[str]],
                       problems: list[RuleProblem]) -> None:
    """A copy of the rules lacking a word list of the packaged rules: the code reads every
    one of them (an empty file stands for no words)."""
    packaged = default_rules_dir() / "words"
    if directory.resolve() == default_rules_dir().resolve() or not packaged.is_dir():
        return
    for path in sorted(packaged.glob(f"*{WORDLIST_SUFFIX}")):
        if path.stem not in wordlists:
            problems.append(RuleProblem(
                str(directory / "words" / path.name), 0,
                f"word list '{path.stem}' is missing: the pipeline reads it (the packaged "
                "rules have it); keep the file, empty if none of its words should count"))


def _common(path: Path, item: Any, problems: list[RuleProblem],
            seen_ids: dict[str, str]) -> tuple[dict, int] | None:
    if not isinstance(item, dict):
        line, value = (item.line, item.value) if isinstance(item, _Bare) else (0, item)
        problems.append(RuleProblem(str(path), line,
                                    f"a rule must be a mapping (key: value lines), got {value!r}"))
        return None
    line = item.get("__line__", 0)
    key_lines = item.get("__lines__", {})
    required, optional = SCHEMAS[path.name]
    keys = set(item) - set(LINE_KEYS)
    for key in sorted(required - keys):
        problems.append(RuleProblem(str(path), line, f"missing key '{key}'"))
    for key in sorted(keys - required - optional, key=str):
        allowed = ", ".join(sorted(required | optional))
        problems.append(RuleProblem(str(path), key_lines.get(key, line),
                                    f"unknown key '{key}' (allowed: {allowed})"))
    rule_id = item.get("id")
    if rule_id is not None:
        if not isinstance(rule_id, str) or not regex.fullmatch(r"[a-z0-9_.\-]+", rule_id):
            problems.append(RuleProblem(str(path), line,
                                        f"id {rule_id!r} must be lower-case letters, digits, "
                                        "'.', '_' or '-'"))
        elif rule_id in seen_ids:
            problems.append(RuleProblem(str(path), line,
                                        f"duplicate id '{rule_id}' (first at {seen_ids[rule_id]})"))
        else:
            seen_ids[rule_id] = f"{path.name}:{line}"
    if required - keys:
        return None
    # (each key's line stays with the rule for the checks of its values: ``_number``)
    return {**_strip_lines(item), "__lines__": key_lines}, line


def _boilerplate(path: Path, item: Any, problems: list[RuleProblem],
                 seen_ids: dict[str, str]) -> BoilerplateRule | None:
    checked = _common(path, item, problems, seen_ids)
    if checked is None:
        return None
    rule, line = checked
    try:
        compiled = regex.compile(rule["pattern"], regex.IGNORECASE | regex.V1)
    except (regex.error, TypeError) as exc:
        problems.append(RuleProblem(str(path), line,
                                    f"bad regular expression in '{rule['id']}': {exc}"))
        return None
    examples = rule.get("examples") or []
    for example in examples:
        try:
            matched = compiled.fullmatch(example, timeout=1.0)
        except TimeoutError:
            problems.append(RuleProblem(str(path), line, f"rule '{rule['id']}' timed out (> 1 s) "
                                        f"on its example {example!r}: the pattern backtracks "
                                        "catastrophically"))
            continue
        if not matched:
            problems.append(RuleProblem(str(path), line,
                                        f"rule '{rule['id']}' does not match its own example "
                                        f"{example!r}"))
    flags = {}
    for key in ("list_after", "line_start"):
        flags[key] = rule.get(key, False)
        if not isinstance(flags[key], bool):
            problems.append(RuleProblem(str(path), line,
                                        f"'{key}' of '{rule['id']}' must be true or false"))
            flags[key] = False
    return BoilerplateRule(rule["id"], rule["pattern"], compiled,
                           rule.get("description", ""), list(examples), **flags)


def expand_wordlists(value: Any, wordlists: dict[str, list[str]], missing: list[str]) -> Any:
    """Replace "@name" in a pattern by the entries of words/name.txt (lists are spliced)."""
    if isinstance(value, dict):
        return {k: expand_wordlists(v, wordlists, missing) for k, v in value.items()}
    if isinstance(value, list):
        out: list = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                if item[1:] not in wordlists:
                    missing.append(item[1:])
                out.extend(wordlists.get(item[1:], []))
            else:
                out.append(expand_wordlists(item, wordlists, missing))
        return out
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in wordlists:
            missing.append(value[1:])
        return wordlists.get(value[1:], [])
    return value


def _entity(path: Path, item: Any, problems: list[RuleProblem],
            seen_ids: dict[str, str], wordlists: dict[str, list[str]]) -> EntityRule | None:
    checked = _common(path, item, problems, seen_ids)
    if checked is None:
        return None
    rule, line = checked
    missing: list[str] = []
    written = rule["pattern"]
    rule["pattern"] = expand_wordlists(rule["pattern"], wordlists, missing)
    for name in missing:
        problems.append(RuleProblem(str(path), line,
                                    f"word list '@{name}' not found: add words/{name}.txt"))
    if rule["label"] not in MENTION_TYPES:
        problems.append(RuleProblem(str(path), line,
                                    f"unknown entity type '{rule['label']}' "
                                    f"(one of {', '.join(MENTION_TYPES)})"))
    if not isinstance(rule["pattern"], list) or not all(isinstance(t, dict)
                                                         for t in rule["pattern"]):
        problems.append(RuleProblem(str(path), line,
                                    "pattern must be a list of token patterns (mappings)"))
        return None
    normal = rule.get("normal", "phrase")
    if normal not in NORMAL_MODES:
        problems.append(RuleProblem(str(path), line,
                                    f"normal must be one of {', '.join(sorted(NORMAL_MODES))}"))
    keep = str(rule.get("keep", "all"))
    if not regex.fullmatch(r"all|quoted|from:\d+|upto:\d+|from:\d+,upto:\d+", keep):
        problems.append(RuleProblem(str(path), line,
                                    "keep must be 'all', 'quoted', 'from:N' (N = index of the "
                                    "first pattern element that is part of the mention), "
                                    "'upto:N' (N = index of the first element after it) or "
                                    "both, 'from:N,upto:M'"))
    elif keep.startswith(("from:", "upto:")) \
            and not all(0 <= int(part.partition(":")[2]) <= len(rule["pattern"])
                        for part in keep.split(",")):
        problems.append(RuleProblem(str(path), line,
                                    f"keep: {keep} points past the pattern's "
                                    f"{len(rule['pattern'])} elements"))
    priority = _number(path, line, rule, "priority", 10, int, problems)
    return EntityRule(rule["id"], rule["label"], rule["pattern"], rule.get("description", ""),
                      rule.get("example", ""), rule.get("expect", ""), normal,
                      priority, keep, line, written)


def _number(path: Path, line: int, rule: dict, key: str, default: float, kind: type,
            problems: list[RuleProblem], low: float | None = None,
            high: float | None = None) -> Any:
    """``rule[key]`` as a number of ``kind`` (its default where absent); a value of another
    type or out of ``low``..``high`` is a problem at the rule's line (the default stands)."""
    value = rule.get(key, default)
    line = rule["__lines__"].get(key, line)  # the key's own line
    wanted = "a whole number" if kind is int else "a number"
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or (kind is int and not isinstance(value, int)):
        problems.append(RuleProblem(str(path), line, f"{key} must be {wanted}, got {value!r}"))
        return default
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        problems.append(RuleProblem(str(path), line, f"{key} must be {bounds}, got {value}"))
        return default
    return kind(value)


def _close_names(name: str, names: Iterable[str]) -> str:
    """« (did you mean X?)» for a misspelt list name, else a pointer to words/."""
    close = difflib.get_close_matches(name, list(names), n=3, cutoff=0.75)
    return f" (did you mean {' or '.join(close)}?)" if close else " (no list of a similar name)"


def _relation(path: Path, item: Any, problems: list[RuleProblem], seen_ids: dict[str, str],
              wordlists: dict[str, list[str]]) -> RelationRule | None:
    checked = _common(path, item, problems, seen_ids)
    if checked is None:
        return None
    rule, line = checked
    if rule["relation"] not in RELATION_TYPES:
        problems.append(RuleProblem(str(path), line,
                                    f"unknown relation type '{rule['relation']}' "
                                    f"(one of {', '.join(RELATION_TYPES)})"))
    if rule["kind"] not in RELATION_KINDS:
        problems.append(RuleProblem(str(path), line,
                                    f"unknown kind '{rule['kind']}' "
                                    f"(one of {', '.join(sorted(RELATION_KINDS))})"))
    trigger = rule.get("trigger", "")
    if trigger and trigger not in wordlists:
        problems.append(RuleProblem(str(path), line,
                                    f"trigger word list '{trigger}' not found in words/"
                                    + _close_names(str(trigger), wordlists)))
    args = rule.get("args") or {}
    if not isinstance(args, dict):
        problems.append(RuleProblem(str(path), line, "args must be a mapping of arg1 and arg2 "
                                                     f"to lists of types, got {args!r}"))
        args = {}
    for arg_name in ("arg1", "arg2"):
        types = args.get(arg_name) or []
        if not isinstance(types, list):
            problems.append(RuleProblem(str(path), line,
                                        f"args.{arg_name} must be a list of types, "
                                        f"got {types!r}"))
            continue
        for type_name in types:
            if type_name not in MENTION_TYPES:
                problems.append(RuleProblem(str(path), line,
                                            f"unknown type '{type_name}' in args.{arg_name}"))
    confidence = _number(path, line, rule, "confidence", 0.8, float, problems, 0.0, 1.0)
    window = _number(path, line, rule, "window", 0, int, problems, 0)
    expect = rule.get("expect") or []
    if isinstance(expect, str):
        expect = [expect]
    return RelationRule(rule["id"], rule["relation"], rule["kind"], rule.get("description", ""),
                        rule.get("example", ""), list(expect), rule.get("pattern") or [],
                        trigger, args, confidence, window, rule.get("role", ""), line,
                        str(rule.get("method", "")))


CHECKED_PATTERNS = "checked-patterns.txt"  # in checked_patterns_dir(): digests, one a line
CHECKED_PATTERNS_KEPT = 200


def checked_patterns_dir() -> Path:
    """Where the digests of pattern sets spaCy found valid are kept (``RUEXTRACT_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/ruextract``, else ``~/.cache/ruextract``)."""
    if os.environ.get("RUEXTRACT_CACHE_DIR"):
        return Path(os.environ["RUEXTRACT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ruextract"


def _patterns_digest(patterns: list[tuple[str, list, int]]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:
        spacy_version = ""
    text = repr((spacy_version, [(rule_id, pattern) for rule_id, pattern, _ in patterns]))
    return hashlib.sha256(text.encode()).hexdigest()


def _check_spacy_patterns(path: Path, patterns: list[tuple[str, list, int]],
                          problems: list[RuleProblem]) -> None:
    """spaCy's own validation of every pattern. Importing spaCy is most of the time it takes
    (~1.5 s, more than a re-run of the relations stage): the digests of pattern sets found
    valid (with that spaCy version) are kept, and a set checked before is not checked again."""
    cache = checked_patterns_dir() / CHECKED_PATTERNS
    digest = _patterns_digest(patterns)
    try:
        checked = cache.read_text(encoding="utf-8").split()
    except OSError:
        checked = []
    if digest in checked:
        return
    found = len(problems)
    _spacy_check(path, patterns, problems)
    if len(problems) == found:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            kept = [d for d in checked if d != digest][-(CHECKED_PATTERNS_KEPT - 1):]
            temporary = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
            temporary.write_text("\n".join([*kept, digest]) + "\n", encoding="utf-8")
            os.replace(temporary, cache)
        except OSError:
            pass  # only costs the check's time next run


def _spacy_check(path: Path, patterns: list[tuple[str, list, int]],
                 problems: list[RuleProblem]) -> None:
    from .spacy_bridge import import_spacy
    from .spacy_bridge import vocab as spacy_vocab

    import_spacy()  # before its submodules: spaCy without its command line
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher

    vocab = spacy_vocab()
    for rule_id, pattern, line in patterns:
        matcher = Matcher(vocab, validate=True)
        try:
            matcher.add(rule_id, [pattern])
        except (MatchPatternError, ValueError, TypeError, KeyError) as exc:
            told = " ".join(str(exc).split())
            hint = (" — a token's keys are spaCy's Matcher attributes (ORTH, LOWER, LEMMA, "
                    "POS, TAG, MORPH, ENT_TYPE, IS_TITLE, IS_UPPER, LIKE_NUM, …, OP), in "
                    "capitals; a value is a string, or a mapping of IN / NOT_IN / REGEX") \
                if "Extra inputs are not permitted" in told else ""
            problems.append(RuleProblem(str(path), line,
                                        f"malformed spaCy pattern in '{rule_id}': {told}{hint}"))


__all__ = ["ENTITY_TYPES", "BoilerplateRule", "EntityRule", "RelationRule", "RuleProblem",
           "RuleSet", "RuleValidationError", "default_rules_dir", "load_rules"]
