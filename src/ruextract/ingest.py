"""Files → RawDoc: input discovery, formats, encodings. Errors are data, never exceptions."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .doc import RawDoc

SUPPORTED_SUFFIXES = {".txt": "txt", ".md": "txt", ".html": "html", ".htm": "html",
                      ".jsonl": "jsonl", ".csv": "csv"}
DEFAULT_MAX_DOC_BYTES = 20_000_000

# Leading bytes of binary formats that turn up under a text extension in scraped batches.
BINARY_SIGNATURES = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "gzip archive",
    b"7z\xbc\xaf": "7-Zip archive",
    b"Rar!": "RAR archive",
    b"\xd0\xcf\x11\xe0": "MS Office (OLE) document",
    b"RIFF": "RIFF media file",
}
# Markup whose text is never article text; removed before the text is taken.
HTML_NON_ARTICLE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                    "iframe", "svg", "template", "button", "select", "menu")
HTML_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section",
               "article", "blockquote", "pre", "figcaption", "dd", "dt", "table", "ul", "ol")


@dataclass(slots=True)
class IngestError:
    """An input unit that could not be read; becomes a row of the errors table."""

    source: str
    error: str  # a short machine-readable code, e.g. "empty", "binary", "encoding"
    message: str
    stage: str = "ingest"


class DecodeError(ValueError):
    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error = error


def discover(inputs: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Expand files and directories (recursively, loop-safe, sorted) into input files."""
    seen_dirs: set[tuple[int, int]] = set()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path
            else:
                yield IngestError(str(path), "unsupported",
                                  f"unsupported file type {path.suffix or '(none)'}; "
                                  f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        elif path.exists():
            yield IngestError(str(path), "unreadable", "not a regular file or directory")
        else:
            yield IngestError(str(path), "missing", "no such file or directory")


def _walk(directory: Path, seen_dirs: set[tuple[int, int]]) -> Iterator[Path | IngestError]:
    try:
        stat = directory.stat()
    except OSError as exc:
        yield IngestError(str(directory), "unreadable", f"cannot stat directory: {exc.strerror}")
        return
    identity = (stat.st_dev, stat.st_ino)
    if identity in seen_dirs:
        yield IngestError(str(directory), "directory_loop",
                          "directory already visited (symlink loop); skipped")
        return
    seen_dirs.add(identity)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(directory), "unreadable", f"cannot list directory: {exc.strerror}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES and not entry.name.startswith("."):
            yield path


def read_inputs(inputs: Iterable[str | Path],
                max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES) -> Iterator[RawDoc | IngestError]:
    """Every input unit becomes exactly one RawDoc or one IngestError."""
    for item in discover(inputs):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item, max_doc_bytes)


def read_file(path: Path, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
              ) -> Iterator[RawDoc | IngestError]:
    source = str(path)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        size = path.stat().st_size
        # JSONL/CSV batches may be large as a whole; the limit applies to each row's text.
        if fmt not in ("jsonl", "csv") and size > max_doc_bytes:
            yield IngestError(source, "too_large",
                              f"{size:,} bytes exceeds the document limit of {max_doc_bytes:,} "
                              "bytes; raise it with --max-doc-bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(source, exc.error, str(exc))
        return
    if fmt == "jsonl":
        yield from _read_jsonl(source, text, encoding, max_doc_bytes)
    elif fmt == "csv":
        yield from _read_csv(source, text, encoding, max_doc_bytes)
    elif fmt == "html":
        body, title = html_to_text(text)
        yield _checked(RawDoc(source, body, encoding, "html", title=title))
    else:
        yield _checked(RawDoc(source, text, encoding, "txt"))


def _checked(doc: RawDoc) -> RawDoc | IngestError:
    if not doc.raw_text:
        return IngestError(doc.source, "empty", "no text: the input is empty")
    if not doc.raw_text.strip():
        return IngestError(doc.source, "blank", "no text: the input holds only whitespace")
    return doc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode input bytes; returns (text, encoding name). Raises DecodeError with a reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise DecodeError("binary", f"binary file ({what}), not text")
    if b"\x00" in data[:8192]:
        raise DecodeError("binary", "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = _best_cyrillic_codepage(data)
    if best is not None:
        return best
    raise DecodeError("encoding",
                      f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                      "and not cp1251/koi8-r Cyrillic text")


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise DecodeError("encoding", f"broken {name} text ({exc.reason} at byte {exc.start})"
                          ) from None


def _best_cyrillic_codepage(data: bytes) -> tuple[str, str] | None:
    """Pick cp1251 or koi8-r by how Russian the decoded letters look.

    In Russian text most letters are lower case and the vowels о, е, а, и are the most
    frequent; decoding with the wrong single-byte table swaps case and scrambles letters.
    """
    best: tuple[float, str, str] | None = None
    for codec in ("cp1251", "koi8-r"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if "а" <= c.lower() <= "я" or c.lower() == "ё"]
        if not letters:
            continue
        lower = sum(c.islower() for c in letters) / len(letters)
        common = sum(c in "оеаинтсрвл" for c in letters) / len(letters)
        score = lower + common
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2]


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article text of a page (scripts, styles and navigation removed, nothing executed)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    for tag in HTML_NON_ARTICLE:
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title
    for tag in HTML_BLOCKS:
        for node in root.css(tag):
            node.insert_before("\n")
            node.insert_after("\n")
    lines = [" ".join(line.split()) for line in root.text(deep=True, separator="").splitlines()]
    return "\n".join(line for line in lines if line), title or None


def _row_doc(source: str, record: dict, encoding: str, fmt: str,
             max_doc_bytes: int) -> RawDoc | IngestError:
    text = record.get("text")
    if not isinstance(text, str):
        return IngestError(source, "no_text", "row has no 'text' field (a string is required)")
    if len(text.encode("utf-8", "surrogatepass")) > max_doc_bytes:
        return IngestError(source, "too_large",
                           f"text exceeds the document limit of {max_doc_bytes:,} bytes; "
                           "raise it with --max-doc-bytes")

    def field(name: str) -> str | None:
        value = record.get(name)
        return None if value in (None, "") else str(value)

    return _checked(RawDoc(source, text, encoding, fmt, external_id=field("id"),
                           url=field("url"), date=field("date"), title=field("title")))


def _read_jsonl(source: str, text: str, encoding: str,
                max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, "bad_json", f"malformed JSON on line {number}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "bad_json", f"line {number} is not a JSON object")
            continue
        yield _row_doc(where, record, encoding, "jsonl", max_doc_bytes)


def _read_csv(source: str, text: str, encoding: str,
              max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    csv.field_size_limit(max(max_doc_bytes, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError(source, "bad_csv", f"cannot read the CSV header: {exc}")
        return
    if "text" not in fields:
        yield IngestError(source, "no_text_column",
                          f"CSV has no 'text' column (columns: {', '.join(fields) or 'none'})")
        return
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(f"{source}:{reader.line_num}", "bad_csv", f"malformed CSV: {exc}")
            return
        yield _row_doc(f"{source}:{reader.line_num}", record, encoding, "csv", max_doc_bytes)
