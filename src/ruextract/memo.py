"""What a run remembers beside its tables (``OUT/.cache/``) so that re-running the
extraction stages on the stored tokens redoes only what a rule edit can change:

- normal forms: a pure function of a mention's words, their tags and pymorphy3's
  dictionary, whatever rule found the mention, so they survive rule edits (inflection is
  most of what the entities stage costs);
- the rules every stored row was found with (``reach``): a re-run compares them with the
  edited rules and redoes only the documents the edit can reach;
- for each document, a digest of what the entities stage made of it and the fingerprint of
  the relation rules its stored relations were found with: where both are unchanged, its
  stored mentions, entities and relations are what the relations stage would produce again.

The memo is stamped with the code and dictionary that computed it and ignored once they
differ; it is only ever a shortcut, so a missing or broken memo costs time, not results.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .doc import Doc
from .morph import ADDED_NOUNS

MEMO_ENTRIES = 100_000  # the most normal forms a memo keeps (the newest win)
NORMAL_FORMS_PATH = Path(".cache") / "normal_forms.json"
DOCUMENTS_PATH = Path(".cache") / "documents.json"
RULES_PATH = Path(".cache") / "rules.json"  # the rules every stored row was found with

# (type, mode, text, ((pos, feats, head offset, start offset), ...)[, shared head])
NormalFormKey = tuple


@dataclass
class Memo:
    normal_forms: dict[NormalFormKey, str] = field(default_factory=dict)
    # doc_id → (digest of its entities-stage output, relation rules' fingerprint)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)

    def update(self, other: Memo) -> None:
        """Add ``other``; past MEMO_ENTRIES normal forms, the oldest go."""
        self.normal_forms.update(other.normal_forms)
        excess = len(self.normal_forms) - MEMO_ENTRIES
        if excess > 0:
            for key in list(islice(self.normal_forms, excess)):
                del self.normal_forms[key]
        self.documents.update(other.documents)


def _package_digest() -> str:
    """A digest of this package's code: every module's source, its subpackages' too (the
    version alone where only compiled modules are installed). Taken once, at import: the
    code that runs."""
    from . import __version__

    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PACKAGE_DIGEST = _package_digest()


@lru_cache(maxsize=1)
def stamp() -> str:
    """What computed what the memo holds: this package's code, pymorphy3's dictionary, the
    places gazetteer (``make models``) and the region heads normal forms put in the singular."""
    import pymorphy3
    import pymorphy3_dicts_ru

    from .normal_form import region_heads
    from .places import gazetteer_digest

    versions = f"{pymorphy3.__version__} {getattr(pymorphy3_dicts_ru, '__version__', '')}"
    heads = " ".join(sorted(region_heads()))
    added = hashlib.sha256(ADDED_NOUNS.read_bytes()).hexdigest()[:16]  # the lemmas it gives
    return hashlib.sha256(f"{PACKAGE_DIGEST} {versions} {gazetteer_digest()} {heads} {added}"
                          .encode()).hexdigest()[:16]


def entity_digest(doc: Doc) -> str:
    """A digest of the document's mentions and entities as the entities stage left them."""
    state = ([(m.start, m.end, m.type, m.text, m.normal, m.source, m.sent_id, m.entity_id)
              for m in doc.mentions],
             [(e.entity_id, e.type, e.normal, e.key, e.mention_ids) for e in doc.entities])
    return hashlib.blake2b(repr(state).encode(), digest_size=12).hexdigest()


def read_memo(out: Path) -> Memo:
    """The memo of ``out``; what is missing, unreadable or stale is left out."""
    normal_forms = _read(out, NORMAL_FORMS_PATH)
    documents = _read(out, DOCUMENTS_PATH)
    try:
        return Memo({(kind, mode, text, tuple(map(tuple, shape)), *shared): normal
                     for (kind, mode, text, shape, *shared), normal in normal_forms or []},
                    {doc_id: (digest, fingerprint)
                     for doc_id, (digest, fingerprint) in (documents or {}).items()})
    except (ValueError, TypeError, AttributeError):
        return Memo()


def add_to_memo(out: Path, memo: Memo) -> None:
    """Add ``memo`` to the memo of ``out`` (the oldest normal forms go past the limit)."""
    stored = read_memo(out)
    stored.update(memo)
    if memo.normal_forms:
        write_normal_forms(out, stored.normal_forms)
    if memo.documents:
        write_documents(out, stored.documents)


def write_normal_forms(out: Path, normal_forms: dict[NormalFormKey, str]) -> None:
    _write(out, NORMAL_FORMS_PATH, [[list(key), normal] for key, normal
                                    in list(normal_forms.items())[-MEMO_ENTRIES:]])


def write_documents(out: Path, documents: dict[str, tuple[str, str]]) -> None:
    _write(out, DOCUMENTS_PATH, documents)


def forget_documents(out: Path) -> None:
    """Drop what the memo says of documents' stored rows: call before changing rows it may
    vouch for (a re-run writes it anew once its rows are in place; a run that dies in
    between leaves none, which only costs time)."""
    (Path(out) / DOCUMENTS_PATH).unlink(missing_ok=True)


def read_rules(out: Path) -> dict | None:
    """The rules every stored row was found with (``reach.rules_record``), if known."""
    record = _read(out, RULES_PATH)
    return record if isinstance(record, dict) else None


def write_rules(out: Path, record: dict) -> None:
    _write(out, RULES_PATH, record)


def forget_rules(out: Path) -> None:
    """Drop the record of the rules: call before rows found with other rules may join."""
    (Path(out) / RULES_PATH).unlink(missing_ok=True)


def _read(out: Path, part: Path):  # -> the part's entries, or None
    try:
        data = json.loads((Path(out) / part).read_text(encoding="utf-8"))
        return data["entries"] if data.get("stamp") == stamp() else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write(out: Path, part: Path, entries) -> None:
    """One part of the memo, atomically."""
    path = Path(out) / part
    path.parent.mkdir(exist_ok=True)
    temporary = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    temporary.write_text(json.dumps({"stamp": stamp(), "entries": entries},
                                    ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
