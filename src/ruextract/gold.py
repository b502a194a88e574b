"""Gold-standard readers: our JSONL gold, brat standoff (NEREL) and factRuEval-2016.

Every reader returns the same model (:class:`GoldDoc` with :class:`GoldMention` and
:class:`GoldRelation`), so scoring does not care where the gold came from.

Conventions shared by the readers of external datasets (brat, factRuEval):

* Offsets are character offsets into the document text read with ``newline=""``
  (no newline translation), so ``doc.text[m.start:m.end] == m.text`` always holds.
* Only entity types that map onto the types of ``ANNOTATION.md`` are kept; the
  types a gold annotates are listed in ``GoldDoc.scored_types`` so that predicted
  mentions of other types (e.g. ``PARK`` against NEREL) are not counted as errors.
* Flat: like ANNOTATION.md's *Flat* rule, after type mapping a mention contained in
  another kept mention (same span included) is dropped; the outermost wins, and of
  two identical spans the one listed first in the file wins. Partially overlapping
  (crossing) mentions are both kept (brat). factRuEval is read the standard way
  (naeval's), which also drops crossing mentions and mentions off token bounds.
* Relations are document-level: each argument is a tuple of accepted strings (any
  one matches after :func:`fold`), and exact duplicates (same type and arguments)
  are kept once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import doc as doc_model
from .doc import fold

__all__ = [
    "ENTITY_TYPES",
    "FACTRU_TYPE_MAP",
    "NEREL_RELATION_MAP",
    "NEREL_TYPE_MAP",
    "RELATION_TYPES",
    "GoldDoc",
    "GoldFormatError",
    "GoldMention",
    "GoldRelation",
    "fold",
    "label_orders",
    "name_forms",
    "read_brat_gold",
    "read_factru_gold",
    "read_gold",
    "read_jsonl_gold",
]

def name_forms(name: str) -> frozenset[str]:
    """The folded forms a relation argument is scored by: the name, and its quoted name alone
    where it has one (ANNOTATION.md: «технопарк «Идея»» is accepted as «Идея» too)."""
    if "«" in name and "»" in name:
        return frozenset({fold(name), fold(name[name.index("«") + 1:name.rindex("»")])})
    return frozenset({fold(name)})


ENTITY_TYPES: frozenset[str] = frozenset(doc_model.ENTITY_TYPES)
RELATION_TYPES: frozenset[str] = frozenset(doc_model.RELATION_TYPES)

#: NEREL entity type -> our type. FACILITY (buildings, airports, stadiums, streets) is
#: neither a geopolitical LOC nor reliably a PARK, and NEREL's EVENT is mostly
#: non-named events («встреча», «смерти», «митинг»), so neither is mapped by default.
NEREL_TYPE_MAP: Mapping[str, str] = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "COUNTRY": "LOC",
    "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "LOCATION": "LOC",
    "DISTRICT": "LOC",
}

#: NEREL relation type -> our relation type.
NEREL_RELATION_MAP: Mapping[str, str] = {
    "WORKPLACE": "WORKS_FOR",
    "LOCATED_IN": "LOCATED_IN",
    "HEADQUARTERED_IN": "LOCATED_IN",
    "PARTICIPANT_IN": "PARTICIPATED_IN",
}

#: NEREL relations that link two names of one entity (used as brat coreference).
NEREL_IDENTITY_RELATIONS: frozenset[str] = frozenset({"ALTERNATIVE_NAME", "ABBREVIATION"})

#: factRuEval-2016 object type -> our type (``Project`` and others are not mapped).
FACTRU_TYPE_MAP: Mapping[str, str] = {
    "Person": "PER",
    "Org": "ORG",
    "Location": "LOC",
    "LocOrg": "LOC",
}


@dataclass(slots=True)
class GoldMention:
    """One gold entity mention; ``start``/``end`` are char offsets into the raw text."""

    start: int
    end: int
    type: str
    text: str
    normal: str | None = None
    entity: str | None = None  # entity key within the document (same key = same entity)
    canonical: str | None = None  # the same real thing in any document («LOC:Китай»)
    label: str | None = None  # the mention's own Wikidata label (NEREL ``N`` line), if any


@dataclass(slots=True)
class GoldRelation:
    """A document-level relation; each argument is a tuple of accepted strings."""

    type: str
    arg1: tuple[str, ...]
    arg2: tuple[str, ...]
    role: str | None = None


@dataclass(slots=True)
class GoldDoc:
    """Gold annotations of one document."""

    doc: str
    text: str | None
    mentions: list[GoldMention]
    relations: list[GoldRelation]
    scored_types: frozenset[str]
    scored_relations: frozenset[str]
    #: Our guide puts a name's quotes inside the span («Лассард»); NEREL and factRuEval
    #: leave them out. Scoring reads a prediction under the gold's convention.
    quotes_in_span: bool = True
    #: Our guide keeps a place inside an organisation's name («МИД России»); factRuEval's
    #: standard reading annotates the organisation and the place apart.
    places_in_names: bool = True
    #: (start, end) of the text's tokens where the gold is scored per token as well
    #: (naeval's IO-tag F1; factRuEval), else None.
    tokens: tuple[tuple[int, int], ...] | None = None


class GoldFormatError(ValueError):
    """A gold file cannot be parsed; the message names the file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


# --------------------------------------------------------------------------- helpers




def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Non-empty stripped strings, first occurrence order, duplicates removed."""
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def _flatten(mentions: list[GoldMention]) -> list[GoldMention]:
    """Drop mentions contained in another mention (outermost wins; ties: first listed)."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end, i))
    kept: list[GoldMention] = []
    max_end = -1
    for i in order:
        m = mentions[i]
        # every kept mention starts at or before m; one contains m iff it reaches m.end
        if max_end >= m.end:
            continue
        kept.append(m)
        max_end = m.end
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _dedupe_relations(relations: Iterable[GoldRelation]) -> list[GoldRelation]:
    """Keep the first of relations with the same type and arguments."""
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    out: list[GoldRelation] = []
    for rel in relations:
        key = (rel.type, rel.arg1, rel.arg2)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def _read_text(path: Path) -> str:
    """A document text as offsets count it: UTF-8, no newline translation."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(1-based line number, line without its line break) of a UTF-8 file."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh, 1):
            yield n, line.rstrip("\r\n")


def _blocks(path: Path) -> Iterator[list[tuple[int, str]]]:
    """Records separated by blank lines, as lists of (line number, line)."""
    block: list[tuple[int, str]] = []
    for n, line in _lines(path):
        if line.strip():
            block.append((n, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# --------------------------------------------------------------------------- dispatch


def read_gold(path: Path, format: str | None = None) -> list[GoldDoc]:
    """Read gold from ``path``; ``format`` is ``jsonl``, ``brat`` or ``factru``.

    Auto-detection: a ``*.jsonl`` file is our JSONL; a directory with ``*.ann`` files
    is brat (NEREL); a directory with ``*.spans`` files is factRuEval-2016.
    """
    path = Path(path)
    if format is None:
        if path.is_file() and path.suffix == ".jsonl":
            format = "jsonl"
        elif path.is_dir() and any(path.glob("*.ann")):
            format = "brat"
        elif path.is_dir() and any(path.glob("*.spans")):
            format = "factru"
        else:
            raise GoldFormatError(path, None, "cannot detect gold format (jsonl, brat, factru)")
    if format == "jsonl":
        return read_jsonl_gold(path)
    if format == "brat":
        return read_brat_gold(path)
    if format == "factru":
        return read_factru_gold(path)
    raise ValueError(f"unknown gold format {format!r} (expected jsonl, brat or factru)")


# --------------------------------------------------------------------------- JSONL


def _json_arg(value: object, path: Path, n: int, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        args = (value,)
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        args = tuple(value)
    else:
        raise GoldFormatError(path, n, f"{what} must be a string or a list of strings")
    if not args or not all(a.strip() for a in args):
        raise GoldFormatError(path, n, f"{what} is empty")
    return args


def _json_mention(obj: object, path: Path, n: int) -> GoldMention:
    if not isinstance(obj, dict):
        raise GoldFormatError(path, n, "mention must be an object")
    start, end, typ = obj.get("start"), obj.get("end"), obj.get("type")
    if any(not isinstance(v, int) or isinstance(v, bool) for v in (start, end)):
        raise GoldFormatError(path, n, f"mention start/end must be integers: {obj}")
    if not 0 <= start < end:
        raise GoldFormatError(path, n, f"mention span {start}-{end} is empty or negative")
    if typ not in ENTITY_TYPES:
        raise GoldFormatError(path, n, f"unknown mention type {typ!r}")
    text = obj.get("text")
    if text is not None and (not isinstance(text, str) or len(text) != end - start):
        raise GoldFormatError(path, n, f"mention text {text!r} does not fit span {start}-{end}")
    normal, entity, canonical = obj.get("normal"), obj.get("entity"), obj.get("canonical")
    for key, val in (("normal", normal), ("entity", entity), ("canonical", canonical)):
        if val is not None and not isinstance(val, str):
            raise GoldFormatError(path, n, f"mention {key} must be a string")
    return GoldMention(start, end, typ, text or "", normal, entity, canonical)


def _json_relation(obj: object, path: Path, n: int) -> GoldRelation:
    if not isinstance(obj, dict):
        raise GoldFormatError(path, n, "relation must be an object")
    typ = obj.get("type")
    if typ not in RELATION_TYPES:
        raise GoldFormatError(path, n, f"unknown relation type {typ!r}")
    role = obj.get("role")
    if role is not None and not isinstance(role, str):
        raise GoldFormatError(path, n, "relation role must be a string")
    return GoldRelation(
        typ,
        _json_arg(obj.get("arg1"), path, n, f"{typ} arg1"),
        _json_arg(obj.get("arg2"), path, n, f"{typ} arg2"),
        role,
    )


def read_jsonl_gold(path: Path) -> list[GoldDoc]:
    """Read our JSONL gold (``tests/gold/FORMAT.md``): one document per line.

    Arguments given as strings become 1-tuples; blank lines are skipped; a malformed
    line raises :class:`GoldFormatError` naming ``file:line``. ``text`` is None.
    """
    path = Path(path)
    docs: list[GoldDoc] = []
    for n, line in _lines(path):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(path, n, f"invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise GoldFormatError(path, n, "line must be a JSON object")
        doc = obj.get("doc")
        if not isinstance(doc, str) or not doc:
            raise GoldFormatError(path, n, "missing or empty 'doc'")
        mentions, relations = obj.get("mentions", []), obj.get("relations", [])
        if not isinstance(mentions, list) or not isinstance(relations, list):
            raise GoldFormatError(path, n, "'mentions' and 'relations' must be lists")
        docs.append(
            GoldDoc(
                doc=doc,
                text=None,
                mentions=sorted(
                    (_json_mention(m, path, n) for m in mentions), key=lambda m: (m.start, m.end)
                ),
                relations=[_json_relation(r, path, n) for r in relations],
                scored_types=ENTITY_TYPES,
                scored_relations=RELATION_TYPES,
            )
        )
    return docs


# --------------------------------------------------------------------------- brat / NEREL


@dataclass(slots=True)
class _BratEntity:
    id: str
    type: str
    start: int
    end: int
    text: str  # the .ann text (fragments joined by a space for discontinuous spans)


_PERSON_LABEL_RE = re.compile(r"^([^,]+),\s*([^,]+)$")
_NO_LABEL = frozenset({"", "нет данных", "NULL"})


def label_orders(label: str) -> tuple[str, ...]:
    """A Wikidata label as a name is written: a person's «Фамилия, Имя» also as «Имя
    Фамилия»; any other label as it is."""
    m = _PERSON_LABEL_RE.match(label)
    return (label, f"{m.group(2)} {m.group(1)}") if m else (label,)


@dataclass(slots=True)
class _BratAnn:
    """One parsed .ann file."""

    entities: dict[str, _BratEntity]
    relations: list[tuple[str, str, str, int]]  # (type, arg1 id, arg2 id, line)
    identity: _UnionFind  # entities of one identity group share a root
    labels: dict[str, str]  # T id -> Wikidata label
    qids: dict[str, list[str]]  # Wikidata id -> T ids

    def group(self, tid: str) -> list[str]:
        """T ids of the identity group of ``tid``."""
        root = self.identity.find(tid)
        return [t for t in self.entities if self.identity.find(t) == root]

    def names(self, tid: str) -> list[str]:
        """Surfaces and Wikidata labels of the identity group of ``tid``."""
        out: list[str] = []
        for member in self.group(tid):
            ent = self.entities[member]
            out.append(ent.text)
            label = self.labels.get(member)
            if label:
                out.append(label)
                if ent.type == "PERSON":
                    out.extend(label_orders(label)[1:])
        return out

    def wikidata_ids(self) -> dict[str, tuple[str, bool]]:
        """Identity root -> (the group's Wikidata id, whether the id is on groups of
        several types too)."""
        qid_of_root: dict[str, tuple[str, bool]] = {}
        for qid, tids in self.qids.items():
            roots = {self.identity.find(t) for t in tids}
            for root in roots:
                qid_of_root.setdefault(root, (qid, len(roots) > 1))
        return qid_of_root

    def entity_keys(self, wikidata: dict[str, tuple[str, bool]]) -> dict[str, str | None]:
        """T id -> entity key: the group's Wikidata id (``wikidata_ids``; with its NEREL
        type where the id is on groups of several types), else one of its T ids if the group
        has several members, else None."""
        qid_of_root = {root: f"{qid}:{self.entities[root].type}" if several else qid
                       for root, (qid, several) in wikidata.items()}
        sizes: dict[str, int] = {}
        for tid in self.entities:
            root = self.identity.find(tid)
            sizes[root] = sizes.get(root, 0) + 1
        keys: dict[str, str | None] = {}
        for tid in self.entities:
            root = self.identity.find(tid)
            keys[tid] = qid_of_root.get(root) or (root if sizes[root] > 1 else None)
        return keys


def _parse_brat_ann(ann: Path, text: str) -> _BratAnn:
    """Parse one .ann file against its text."""
    entities: dict[str, _BratEntity] = {}
    relations: list[tuple[str, str, str, int]] = []
    links: list[tuple[str, str]] = []
    qids: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for n, line in _lines(ann):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        try:
            if kind == "T":
                typ, _, ranges = fields[1].partition(" ")
                bounds = [tuple(map(int, r.split())) for r in ranges.split(";")]
                if any(len(b) != 2 or not 0 <= b[0] <= b[1] <= len(text) for b in bounds):
                    raise ValueError(f"bad offsets {ranges!r}")
                start, end = min(b[0] for b in bounds), max(b[1] for b in bounds)
                surface = fields[2] if len(fields) > 2 else text[start:end]
                entities[fields[0]] = _BratEntity(fields[0], typ, start, end, surface)
            elif kind == "R":
                typ, a1, a2 = fields[1].split()[:3]
                if not (a1.startswith("Arg1:") and a2.startswith("Arg2:")):
                    raise ValueError("relation arguments must be Arg1:… Arg2:…")
                relations.append((typ, a1[5:], a2[5:], n))
            elif kind == "*":
                _, *ids = fields[1].split()
                links.extend((ids[0], other) for other in ids[1:])
            elif kind == "N":
                _, tid, ref = fields[1].split()[:3]
                qid = ref.partition(":")[2] or ref
                if qid != "NULL":
                    links.extend((other, tid) for other in qids.get(qid, []))
                    qids.setdefault(qid, []).append(tid)
                    label = fields[2].strip() if len(fields) > 2 else ""
                    if label not in _NO_LABEL:
                        labels.setdefault(tid, label)
        except (IndexError, ValueError) as exc:
            raise GoldFormatError(ann, n, f"cannot parse brat line {line!r}: {exc}") from exc
    for typ, a1, a2, n in relations:
        for arg in (a1, a2):
            if arg not in entities:
                raise GoldFormatError(ann, n, f"{typ} argument {arg} is not a text-bound entity")
        if typ in NEREL_IDENTITY_RELATIONS:
            links.append((a1, a2))
    identity = _UnionFind()
    for tid in entities:
        identity.find(tid)
    for a, b in links:
        # same type only: a mislinked nested mention (a COUNTRY inside a party's name
        # marked as the party's ABBREVIATION) must not merge a country with a party
        if a in entities and b in entities and entities[a].type == entities[b].type:
            identity.union(a, b)
    qids = {q: [t for t in tids if t in entities] for q, tids in qids.items()}
    return _BratAnn(entities, relations, identity, labels, {q: t for q, t in qids.items() if t})


def _wikidata_canonical(qid: str | None) -> str | None:
    """A group's Wikidata id as its canonical thing across documents (scored by
    ``evaluate``'s one-key figures), whatever its NEREL type; None when unlinked."""
    return f"wikidata:{qid}" if qid else None


def _brat_doc(ann: Path, type_map: Mapping[str, str], relation_map: Mapping[str, str]) -> GoldDoc:
    """One brat document (see :func:`read_brat_gold`)."""
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise GoldFormatError(ann, None, f"no text file {txt.name}")
    text = _read_text(txt)
    parsed = _parse_brat_ann(ann, text)
    wikidata = parsed.wikidata_ids()
    keys = parsed.entity_keys(wikidata)
    qids = {root: qid for root, (qid, _) in wikidata.items()}
    mentions = [
        GoldMention(e.start, e.end, type_map[e.type], text[e.start : e.end], None, keys[e.id],
                    _wikidata_canonical(qids.get(parsed.identity.find(e.id))),
                    parsed.labels.get(e.id))
        for e in parsed.entities.values()
        if e.type in type_map
    ]

    works_as: dict[str, list[str]] = {}  # identity root of a PROFESSION -> persons
    for typ, a1, a2, _ in parsed.relations:
        if typ == "WORKS_AS":
            works_as.setdefault(parsed.identity.find(a2), []).append(a1)

    def accepted(tid: str) -> tuple[tuple[str, ...], str | None]:
        found = parsed.names(tid)
        ent = parsed.entities[tid]
        if ent.type != "PROFESSION":
            return _unique(found), None
        for person in works_as.get(parsed.identity.find(tid), []):
            found.extend(parsed.names(person))
        return _unique(found), ent.text

    relations: list[GoldRelation] = []
    for typ, a1, a2, _ in parsed.relations:
        if typ in relation_map:
            arg1, role = accepted(a1)
            arg2, _ = accepted(a2)
            relations.append(GoldRelation(relation_map[typ], arg1, arg2, role))
    return GoldDoc(
        doc=txt.name,
        text=text,
        mentions=_flatten(mentions),
        relations=_dedupe_relations(relations),
        scored_types=frozenset(type_map.values()),
        scored_relations=frozenset(relation_map.values()),
        quotes_in_span=False,
    )


def read_brat_gold(
    directory: Path,
    type_map: Mapping[str, str] = NEREL_TYPE_MAP,
    relation_map: Mapping[str, str] = NEREL_RELATION_MAP,
) -> list[GoldDoc]:
    """Read brat standoff gold (NEREL): ``*.txt`` (read with ``newline=""``) + ``*.ann``.

    Mentions: ``T`` lines whose type is in ``type_map``; a discontinuous span
    ``s1 e1;s2 e2`` becomes ``min(s)``–``max(e)`` and ``text`` is the raw slice. NEREL
    is nested; after mapping only mentions not contained in another mapped mention
    are kept (flat, outermost wins) — e.g. the CITY inside an ORGANIZATION's name goes.

    Entity identity (``GoldMention.entity``): brat ``*\\tEquiv`` lines, NEREL's
    ALTERNATIVE_NAME/ABBREVIATION relations and a shared Wikidata id (``N`` lines)
    join entities of the same NEREL type (NEREL has no coreference layer; links across
    types are mostly annotation slips); the key is the group's Wikidata id, else one
    of its T ids (None for an unlinked singleton). A group with a Wikidata id also gets
    it as its ``canonical`` thing («wikidata:Q159»), so that ``evaluate`` scores keys
    across documents (issue 13's one-key share) on NEREL as on the real set. A mention's
    own ``N`` label is its ``label`` (``evaluate`` measures normal forms against it).

    Relations: ``R`` lines whose type is in ``relation_map``, whatever the argument
    types (WORKPLACE may start at a PROFESSION, LOCATED_IN may link FACILITY…). An
    argument's accepted strings are the .ann surfaces of every entity of its identity
    group plus their Wikidata labels («Фамилия, Имя» also as «Имя Фамилия»); a
    PROFESSION argument also accepts the persons linked to it by WORKS_AS, and is
    then the relation's ``role``. Arguments dropped by nesting still count.
    """
    return [_brat_doc(ann, type_map, relation_map) for ann in sorted(Path(directory).glob("*.ann"))]


# --------------------------------------------------------------------------- factRuEval-2016

_FACT_REF_RE = re.compile(r"^(obj|span)(\d+)\s*(.*)$")


def _factru_refs(value: str) -> list[tuple[str, str, list[str]]]:
    """Parse a fact value ``obj12 Name | Alt | span7 text`` into (kind, id, texts)."""
    refs: list[tuple[str, str, list[str]]] = []
    for piece in value.split("|"):
        piece = piece.strip()
        m = _FACT_REF_RE.match(piece)
        if m:
            refs.append((m.group(1), m.group(2), [m.group(3)] if m.group(3) else []))
        elif refs and piece:
            refs[-1][2].append(piece)
    return refs


def _person_names(attrs: list[tuple[str, str]]) -> list[str]:
    """Name forms from .coref person attributes: «Имя Фамилия», «Имя Отчество Фамилия», …"""

    def vals(prefix: str) -> list[str]:
        return [v for k, v in attrs if k.startswith(prefix)]

    firsts, lasts = vals("firstname"), vals("lastname") + vals("surname")
    patrs, nicks = vals("patronymic"), vals("nickname")
    out: list[str] = []
    for last in lasts:
        for first in firsts:
            out.append(f"{first} {last}")
            out.extend(f"{first} {p} {last}" for p in patrs)
        out.append(last)
    if not lasts:
        out.extend(firsts)
        out.extend(f"{f} {p}" for f in firsts for p in patrs)
    out.extend(nicks)
    return out


@dataclass(slots=True)
class _FactruDoc:
    """The layers of one factRuEval document."""

    text: str
    spans: dict[str, tuple[int, int]]
    span_types: dict[str, str]  # span id -> org_name, loc_name, surname, org_descr…
    objects: dict[str, tuple[str, int, int]]  # id -> (type, start, end)
    object_spans: dict[str, list[str]]  # object id -> its span ids, as listed
    chains: dict[str, list[str]]  # coref chain id -> object ids
    chain_attrs: dict[str, list[tuple[str, str]]]
    chain_of: dict[str, str]  # object id -> chain id

    def accepted(self, kind: str, ref_id: str, names: list[str]) -> tuple[str, ...]:
        """Accepted strings of a fact argument ``objN``/``spanN`` with the fact's names."""
        found = list(names)
        if kind == "span":
            if ref_id in self.spans:
                found.append(self.text[slice(*self.spans[ref_id])])
            return _unique(found)
        chain = ref_id if ref_id in self.chains else self.chain_of.get(ref_id)
        members = self.chains[chain] if chain else [ref_id]
        for obj_id in members:
            if obj_id in self.objects:
                _, start, end = self.objects[obj_id]
                found.append(self.text[start:end])
        attrs = self.chain_attrs.get(chain, []) if chain else []
        found.extend(v for k, v in attrs if k == "name")
        found.extend(_person_names(attrs))
        return _unique(found)


def _read_factru_layers(txt: Path) -> _FactruDoc:
    base = txt.with_suffix("")
    text = _read_text(txt)
    spans: dict[str, tuple[int, int]] = {}
    span_types: dict[str, str] = {}
    spans_path = base.with_suffix(".spans")
    for n, line in _lines(spans_path):
        fields = line.partition("#")[0].split()
        if not fields:
            continue
        try:
            start, length = int(fields[2]), int(fields[3])
        except (IndexError, ValueError) as exc:
            raise GoldFormatError(spans_path, n, f"bad span line {line!r}") from exc
        if not 0 <= start <= start + length <= len(text):
            raise GoldFormatError(spans_path, n, f"span {start}+{length} is outside the text")
        spans[fields[0]] = (start, start + length)
        span_types[fields[0]] = fields[1]

    objects: dict[str, tuple[str, int, int]] = {}
    object_spans: dict[str, list[str]] = {}
    objects_path = base.with_suffix(".objects")
    for n, line in _lines(objects_path):
        fields = line.partition("#")[0].split()
        if not fields:
            continue
        if len(fields) < 3 or any(s not in spans for s in fields[2:]):
            raise GoldFormatError(objects_path, n, f"bad object line {line!r}")
        bounds = [spans[s] for s in fields[2:]]
        objects[fields[0]] = (fields[1], min(b[0] for b in bounds), max(b[1] for b in bounds))
        object_spans[fields[0]] = fields[2:]

    chains: dict[str, list[str]] = {}
    chain_attrs: dict[str, list[tuple[str, str]]] = {}
    chain_of: dict[str, str] = {}
    coref_path = base.with_suffix(".coref")
    if coref_path.is_file():
        for block in _blocks(coref_path):
            n, head = block[0]
            ids = head.split()
            if len(ids) < 2:
                raise GoldFormatError(coref_path, n, f"bad coreference record {head!r}")
            chains[ids[0]] = ids[1:]
            for obj_id in ids[1:]:
                chain_of.setdefault(obj_id, ids[0])
            attrs = [line.strip().partition(" ")[::2] for _, line in block[1:]]
            chain_attrs[ids[0]] = [(k, v.strip()) for k, v in attrs]
    return _FactruDoc(text, spans, span_types, objects, object_spans, chains, chain_attrs,
                      chain_of)


def _factru_occupations(layers: _FactruDoc, facts_path: Path) -> list[GoldRelation]:
    """WORKS_FOR relations from the Occupation facts of a .facts file."""
    relations: list[GoldRelation] = []
    for block in _blocks(facts_path):
        n, head = block[0]
        head_fields = head.split()
        if len(head_fields) < 2:
            raise GoldFormatError(facts_path, n, f"bad fact header {head!r}")
        if head_fields[1] != "Occupation":
            continue
        fields: dict[str, list[tuple[str, str, list[str]]]] = {}
        for _, line in block[1:]:
            key, _, value = line.strip().partition(" ")
            fields.setdefault(key, []).extend(_factru_refs(value))
        who, where = fields.get("Who"), fields.get("Where")
        if not who or not where:
            continue
        jobs = fields.get("Position", []) + fields.get("Job", [])
        role = "; ".join(
            _unique(
                names[0] if names else layers.accepted(kind, ref_id, [])[0]
                for kind, ref_id, names in jobs
                if names or ref_id in layers.spans
            )
        )
        relations.append(
            GoldRelation(
                "WORKS_FOR",
                _unique(a for ref in who for a in layers.accepted(*ref)),
                _unique(a for ref in where for a in layers.accepted(*ref)),
                role or None,
            )
        )
    return relations


def _without_overlaps(bounds: list[tuple[int, int]]) -> list[int]:
    """Indices of the spans kept when every span overlapping one kept before it, in
    (start, longest first) order, is dropped: crossing spans go as well as contained
    ones, and of identical spans the first listed stays. In input order."""
    order = sorted(range(len(bounds)), key=lambda i: (bounds[i][0], -bounds[i][1], i))
    kept: list[int] = []
    reach = -1  # the end of the last kept span: kept spans do not overlap
    for i in order:
        if bounds[i][0] >= reach:
            kept.append(i)
            reach = bounds[i][1]
    return sorted(kept)


def _factru_mention_spans(layers: _FactruDoc) -> list[tuple[int, int, str, str]]:
    """(start, end, type, object id) of the mentions an object stands for.

    A Person is one span from its first part to its last; an Org is each of its
    ``org_name`` spans and a Location or LocOrg each of its ``loc_name`` spans
    (descriptors such as «мэрии» or «компании» are not part of a name).
    """
    found: list[tuple[int, int, str, str]] = []
    for obj_id, (typ, start, end) in layers.objects.items():
        if typ == "Person":
            found.append((start, end, "PER", obj_id))
            continue
        name_type = {"Org": "org_name", "Location": "loc_name", "LocOrg": "loc_name"}.get(typ)
        if name_type is None:
            continue
        names = [layers.spans[span_id] for span_id in layers.object_spans[obj_id]
                 if layers.span_types[span_id] == name_type]
        found.extend((*names[i], FACTRU_TYPE_MAP[typ], obj_id) for i in _without_overlaps(names))
    return found


def read_factru_gold(directory: Path) -> list[GoldDoc]:
    """Read factRuEval-2016 gold (``book_N.txt/.spans/.objects/.coref/.facts``).

    Mentions are read the standard way, naeval's (the reading behind published tables):
    a Person object is one PER mention from its first part to its last; an Org object's
    ``org_name`` spans are ORG mentions and a Location's or LocOrg's ``loc_name`` spans
    LOC mentions (so «мэрии Москвы» gives LOC «Москвы»: the Org there has no org_name);
    then, over the document, every mention overlapping one before it is dropped (sorted
    by start, longest first; crossing ones too), and so is every mention that does not
    start and end on token bounds of razdel's tokens. ``tokens`` holds those tokens, for
    naeval's token-level scores. ``entity`` is the object's ``.coref`` chain id (None if
    in no chain). Offsets in ``.spans`` are character offsets into the ``.txt`` read with
    ``newline=""``.

    Relations: each Occupation fact becomes WORKS_FOR(Who, Where), ``role`` = the
    Position text(s); facts without Who or Where are skipped. A fact's ``objN``
    refers to a ``.coref`` chain; its accepted strings are the fact's own names, the
    surfaces of all mentions of the chain, and the chain's attributes (``name``;
    ``firstname``+``lastname`` as «Имя Фамилия», with patronymic, lastname alone).
    """
    from razdel import tokenize

    docs: list[GoldDoc] = []
    for txt in sorted(Path(directory).glob("*.txt")):
        layers = _read_factru_layers(txt)
        facts_path = txt.with_suffix(".facts")
        relations = _factru_occupations(layers, facts_path) if facts_path.is_file() else []
        tokens = tuple((t.start, t.stop) for t in tokenize(layers.text))
        starts, ends = {start for start, _ in tokens}, {end for _, end in tokens}
        found = _factru_mention_spans(layers)
        kept = _without_overlaps([(start, end) for start, end, _, _ in found])
        mentions = [
            GoldMention(start, end, typ, layers.text[start:end], None, layers.chain_of.get(oid))
            for start, end, typ, oid in (found[i] for i in kept)
            if start in starts and end in ends
        ]
        docs.append(
            GoldDoc(
                doc=txt.name,
                text=layers.text,
                mentions=sorted(mentions, key=lambda m: (m.start, m.end)),
                relations=_dedupe_relations(relations),
                scored_types=frozenset(FACTRU_TYPE_MAP.values()),
                scored_relations=frozenset({"WORKS_FOR"}),
                quotes_in_span=False,
                places_in_names=False,
                tokens=tokens,
            )
        )
    return docs
