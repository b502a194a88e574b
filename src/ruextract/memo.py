"""What a run remembers beside its tables (``OUT/.cache/memo.json``) so that re-running the
extraction stages on the stored tokens redoes only what a rule edit can change:

- normal forms: a pure function of a mention's words, their tags and pymorphy3's
  dictionary, whatever rule found the mention, so they survive rule edits (inflection is
  most of what the entities stage costs);
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

MEMO_ENTRIES = 100_000  # the most normal forms a memo keeps (the newest win)
MEMO_PATH = Path(".cache") / "memo.json"

NormalFormKey = tuple  # (type, mode, text, ((pos, feats, head offset, start offset), ...))


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
    """A digest of this package's code: every module's source (the version alone where only
    compiled modules are installed). Taken once, at import: the code that runs."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PACKAGE_DIGEST = _package_digest()


@lru_cache(maxsize=1)
def stamp() -> str:
    """What computed what the memo holds: this package's code and pymorphy3's dictionary."""
    import pymorphy3
    import pymorphy3_dicts_ru

    versions = f"{pymorphy3.__version__} {getattr(pymorphy3_dicts_ru, '__version__', '')}"
    return hashlib.sha256(f"{PACKAGE_DIGEST} {versions}".encode()).hexdigest()[:16]


def entity_digest(doc: Doc) -> str:
    """A digest of the document's mentions and entities as the entities stage left them."""
    state = ([(m.start, m.end, m.type, m.text, m.normal, m.source, m.sent_id, m.entity_id)
              for m in doc.mentions],
             [(e.entity_id, e.type, e.normal, e.key, e.mention_ids) for e in doc.entities])
    return hashlib.blake2b(repr(state).encode(), digest_size=12).hexdigest()


def read_memo(out: Path) -> Memo:
    """The memo of ``out``; empty if there is none, or it is unreadable or stale."""
    try:
        data = json.loads((Path(out) / MEMO_PATH).read_text(encoding="utf-8"))
        if data.get("stamp") != stamp():
            return Memo()
        return Memo({(kind, mode, text, tuple(map(tuple, shape))): normal
                     for (kind, mode, text, shape), normal in data["normal_forms"]},
                    {doc_id: (digest, fingerprint)
                     for doc_id, (digest, fingerprint) in data["documents"].items()})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return Memo()


def write_memo(out: Path, memo: Memo, *, merge: bool = True,
               forget_documents: bool = False) -> None:
    """Write ``memo`` as the memo of ``out`` (atomically), added to what is there already
    unless not ``merge``; the oldest normal forms go past the limit. ``forget_documents``:
    the stored relations no longer follow from the documents' digests."""
    merged = read_memo(out) if merge else Memo()
    merged.normal_forms.update(memo.normal_forms)
    merged.documents = {} if forget_documents else {**merged.documents, **memo.documents}
    normal_forms = list(merged.normal_forms.items())[-MEMO_ENTRIES:]
    path = Path(out) / MEMO_PATH
    path.parent.mkdir(exist_ok=True)
    temporary = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    temporary.write_text(json.dumps({
        "stamp": stamp(),
        "normal_forms": [[list(key), normal] for key, normal in normal_forms],
        "documents": merged.documents,
    }, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def forget(out: Path) -> None:
    """Remove the memo of ``out``: call before changing rows it may vouch for (a re-run
    writes it anew once the rows are in place; a run that dies in between leaves none)."""
    (Path(out) / MEMO_PATH).unlink(missing_ok=True)


def forget_documents(out: Path) -> None:
    """Keep the memo's normal forms, drop what it says of documents' stored rows."""
    remembered = read_memo(out)
    if remembered.documents:
        write_memo(out, Memo(remembered.normal_forms), merge=False)
