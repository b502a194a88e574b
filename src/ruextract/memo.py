"""Normal forms remembered beside a run's tables (``OUT/.cache/normal_forms.json``), so
that re-running the entities stage on the stored tokens does not inflect the same names
again: inflection is most of what extraction costs.

A normal form is a pure function of a mention's words, their tags and pymorphy3's
dictionary, whatever rule found the mention, so the memo survives rule edits. It is
stamped with the code and dictionary that computed it, and ignored once they differ.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from functools import lru_cache
from pathlib import Path

MEMO_ENTRIES = 100_000  # the most a memo file keeps (the newest win)
MEMO_PATH = Path(".cache") / "normal_forms.json"

NormalFormKey = tuple  # (type, mode, text, ((pos, feats, head offset, start offset), ...))


@lru_cache(maxsize=1)
def stamp() -> str:
    """What computed the normal forms: this package's code for them and pymorphy3's data."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__, normal_form

    digest = hashlib.sha256(Path(normal_form.__file__).read_bytes())
    for package in ("pymorphy3", "pymorphy3-dicts-ru"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def read_normal_forms(out: Path) -> dict[NormalFormKey, str]:
    """The memo of ``out``; empty if there is none, or it is unreadable or stale."""
    try:
        data = json.loads((Path(out) / MEMO_PATH).read_text(encoding="utf-8"))
        if data.get("stamp") != stamp():
            return {}
        return {(kind, mode, text, tuple(map(tuple, shape))): normal
                for (kind, mode, text, shape), normal in data["entries"]}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # a memo is only ever a shortcut: without it, forms are computed again


def write_normal_forms(out: Path, entries: dict[NormalFormKey, str]) -> None:
    """Add ``entries`` to the memo of ``out`` (atomically; the oldest go past the limit)."""
    if not entries:
        return
    merged = read_normal_forms(out)
    merged.update(entries)
    kept = list(merged.items())[-MEMO_ENTRIES:]
    path = Path(out) / MEMO_PATH
    path.parent.mkdir(exist_ok=True)
    temporary = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    temporary.write_text(json.dumps({"stamp": stamp(), "entries": [[list(key), normal]
                                                                   for key, normal in kept]},
                                    ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
