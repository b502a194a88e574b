"""Files → RawDoc: input discovery, formats, encodings. Errors are data, never exceptions."""

from __future__ import annotations

import csv
import itertools
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import regex

from .doc import RawDoc
from .html_page import fragment_text, has_markup, plain_title, read_page

SUPPORTED_SUFFIXES = {".txt": "txt", ".md": "txt", ".html": "html", ".htm": "html",
                      ".jsonl": "jsonl", ".csv": "csv"}
DEFAULT_MAX_DOC_BYTES = 20_000_000
# UTF-8 with at most this share of undecodable bytes is kept, the bad bytes replaced.
MAX_REPLACED_FRACTION = 0.01
# Bytes that text never holds (everything below 0x20 except tab, newlines, form feed, ESC).
BINARY_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
# surrogateescape turns each undecodable byte into one of these.
ESCAPED_BYTE = regex.compile("[\udc80-\udcff]")
UTF8_NON_ASCII = regex.compile("[^\x00-\x7f\udc80-\udcff]")
UTF8_EVIDENCE_RATIO = 10
# How much of a JSONL/CSV file is looked at to decide its encoding.
ENCODING_SAMPLE_BYTES = 1 << 20
SINGLE_BYTE_CODECS = ("cp1251", "koi8-r")
CSV_DELIMITERS = (",", ";", "\t", "|")  # the first wins a tie: a one-column CSV is plain
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
# The names a JSONL field or CSV column may have for each RawDoc field, in order of
# preference (any letter case; the field's own name first, so it wins over a synonym).
FIELD_NAMES = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article", "текст"),
    "title": ("title", "headline", "заголовок"),
    "url": ("url", "link", "href", "canonical"),
    "date": ("date", "published", "pubdate", "published_at", "datetime", "created", "дата"),
    "id": ("id", "guid", "uid"),
}
TEXT_NAMES_HINT = ", ".join(FIELD_NAMES["text"])

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


# Told of each file or directory a directory walk passes over: (path, why).
PassedOver = Callable[[str, str], None]


def _not_told(path: str, why: str) -> None:
    """(nobody asked to be told what a walk passes over)"""


def discover(inputs: Iterable[str | Path], passed_over: PassedOver | None = None
             ) -> Iterator[Path | IngestError]:
    """Expand files and directories (recursively, loop-safe, sorted) into input files. In a
    directory, hidden files and directories, files of other types and directories reached
    again (a symlink loop) are passed over: ``passed_over`` is told of each."""
    seen_dirs: set[tuple[int, int]] = set()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen_dirs, passed_over or _not_told, given=True)
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


def _walk(directory: Path, seen_dirs: set[tuple[int, int]], passed_over: PassedOver,
          given: bool = False) -> Iterator[Path | IngestError]:
    try:
        status = directory.stat()
    except OSError as exc:
        yield IngestError(str(directory), "unreadable", f"cannot stat directory: {exc.strerror}")
        return
    identity = (status.st_dev, status.st_ino)
    if identity in seen_dirs:
        if given:  # named by the user, and nothing comes of it: that deserves a row
            yield IngestError(str(directory), "directory_loop",
                              "directory already read in this run (given twice, or reached "
                              "through a symlink under another input); skipped")
        else:  # a symlink back up the tree (or a second link to one): its files are read
            passed_over(str(directory), "directory already read (symlink loop)")
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
        if entry.name.startswith("."):  # .git, .ipynb_checkpoints, .Trash: never articles
            passed_over(str(path), "hidden directory" if is_dir else "hidden file")
        elif is_dir:
            yield from _walk(path, seen_dirs, passed_over)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path
        else:
            passed_over(str(path), f"type {path.suffix}" if path.suffix else "no extension")


def read_inputs(inputs: Iterable[str | Path], max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
                passed_over: PassedOver | None = None) -> Iterator[RawDoc | IngestError]:
    """Every input unit becomes exactly one RawDoc or one IngestError (what a directory walk
    passes over is no input unit: ``passed_over`` is told of it)."""
    for item in discover(inputs, passed_over):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item, max_doc_bytes)


def read_file(path: Path, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
              ) -> Iterator[RawDoc | IngestError]:
    """One file → its documents (one for TXT/HTML, one per row for JSONL/CSV) or errors.

    Memory stays bounded: a TXT/HTML file larger than ``max_doc_bytes`` is refused before it
    is read, and JSONL/CSV files are streamed a line at a time.
    """
    source = str(path)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or device named *.txt would block or never end.
            yield IngestError(source, "unreadable", "not a regular file")
            return
        if fmt in ("jsonl", "csv"):
            with path.open("rb") as handle:
                yield from _read_rows(source, handle, fmt, max_doc_bytes)
            return
        if status.st_size > max_doc_bytes:
            yield IngestError(source, "too_large", _too_large(status.st_size, max_doc_bytes))
            return
        with path.open("rb") as handle:
            data = handle.read(max_doc_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        yield IngestError(source, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    if len(data) > max_doc_bytes:
        yield IngestError(source, "too_large", _too_large(len(data), max_doc_bytes))
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(source, exc.error, str(exc))
        return
    if fmt == "html":
        articles = read_page(text)
        if not any(article.text for article in articles) and text.strip():
            yield IngestError(source, "no_text",
                              "no article text: the page has text only in scripts, styles, "
                              "navigation or other non-article markup")
            return
        # A listing page's articles are named like a CSV's records: "page.html#2".
        for number, article in enumerate(articles, start=1):
            where = source if len(articles) == 1 else f"{source}#{number}"
            yield _checked(RawDoc(where, article.text, encoding, "html", url=article.url,
                                  date=article.date, title=article.title))
    else:
        yield _checked(RawDoc(source, text, encoding, "txt"))


def _too_large(size: int, max_doc_bytes: int) -> str:
    return (f"{size:,} bytes exceeds the document limit of {max_doc_bytes:,} bytes; "
            "raise it with --max-doc-bytes")


def _checked(doc: RawDoc) -> RawDoc | IngestError:
    if not doc.raw_text:
        return IngestError(doc.source, "empty", "no text: the input is empty")
    if not doc.raw_text.strip():
        return IngestError(doc.source, "blank", "no text: the input holds only whitespace")
    return doc


def decode_bytes(data: bytes, single_byte: str | None = None) -> tuple[str, str]:
    """Decode input bytes; returns (text, encoding name). Raises DecodeError with a reason.

    UTF-8 with a few broken bytes (at most 1 %) keeps the article: the bad bytes become
    U+FFFD and the encoding says how many. Otherwise cp1251 or koi8-r (``single_byte``
    forces one, for the rows of a file whose encoding is already known); a file mixing
    UTF-8 lines and cp1251/koi8-r lines is decoded line by line.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise DecodeError("binary", f"binary file ({what}), not text")
    head = data[:8192]
    if b"\x00" in head:
        unmarked = _utf16_without_bom(data)
        if unmarked is not None:
            return unmarked
        raise DecodeError("binary", "binary file (contains NUL bytes), not text")
    controls = sum(head.count(bytes([c])) for c in BINARY_CONTROL_BYTES)
    if head and controls > 0.05 * len(head):
        raise DecodeError("binary", f"binary file ({controls} control bytes in the first "
                                    f"{len(head)}), not text")
    text = data.decode("utf-8", "surrogateescape")
    bad = _count_escaped(text)
    if not bad:
        return text, "utf-8"
    # Clearly UTF-8 with a few broken bytes: few bad bytes overall, or many more well-formed
    # multi-byte characters than bad bytes (a short article with one character cut in half).
    if bad <= MAX_REPLACED_FRACTION * len(data) or \
            len(UTF8_NON_ASCII.findall(text)) >= UTF8_EVIDENCE_RATIO * bad:
        return _replace_escaped(text), f"utf-8 (with {bad} replaced bytes)"
    if single_byte is not None:
        return data.decode(single_byte, "replace"), single_byte
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    first = next(i for i, char in enumerate(text) if "\udc80" <= char <= "\udcff")
    at = len(text[:first].encode("utf-8", "surrogateescape"))
    raise DecodeError("encoding",
                      f"not valid UTF-8 ({bad} bad bytes of {len(data)}, the first at byte "
                      f"{at}) and not cp1251/koi8-r Cyrillic text")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 without its byte-order mark (a Windows tool's «Unicode»): the
    byte order whose decoding reads as Russian or Latin text with its spaces and
    punctuation, no control characters; else None (a binary file)."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        plain = sum(char < "\x7f" or "\u0400" <= char <= "\u04ff" or char in "«»—–…№"
                    for char in sample)  # ASCII, Cyrillic and the usual punctuation
        odd = sum(not (char.isprintable() or char in "\t\r\n") for char in sample)
        if sample and odd == 0 and plain >= 0.95 * len(sample) \
                and sum(char.isspace() for char in sample) >= 0.05 * len(sample):
            return text, f"{codec} (no byte-order mark)"
    return None


def _count_escaped(text: str) -> int:
    return len(ESCAPED_BYTE.findall(text))


def _replace_escaped(text: str) -> str:
    return ESCAPED_BYTE.sub("\ufffd", text)


def _decode_mixed_lines(data: bytes) -> tuple[str, str] | None:
    """cp1251/koi8-r text, or UTF-8 lines and cp1251/koi8-r lines in one file (concatenated
    exports), decoded line by line."""
    lines = data.split(b"\n")
    foreign: list[bytes] = []
    utf8_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            foreign.append(line)
            continue
        utf8_lines += not line.isascii()
    guess = _best_cyrillic_codepage(b"\n".join(foreign))
    if guess is None:
        return None
    codec = guess[1]
    if not utf8_lines:
        return data.decode(codec), codec
    decoded = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode(codec, "replace"))
    return "\n".join(decoded), f"mixed utf-8/{codec} (by line)"


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
    for codec in SINGLE_BYTE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if "а" <= c.lower() <= "я" or c.lower() == "ё"]
        non_ascii = sum(not c.isascii() for c in text)
        # Mojibake (e.g. UTF-8 read as koi8-r) is half box-drawing signs and rare letters.
        if not letters or len(letters) < 0.8 * non_ascii:
            continue
        lower = sum(c.islower() for c in letters) / len(letters)
        common = sum(c.lower() in "оеаинтсрвл" for c in letters) / len(letters)
        if common < 0.3:
            continue
        score = lower + common
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2]


@lru_cache(maxsize=1024)
def field_names(names: tuple[str, ...]) -> dict[str, str]:
    """Which of a record's field (or column) names holds each RawDoc field: the field's own
    name in any letter case, else its first synonym present (``FIELD_NAMES``)."""
    by_lower: dict[str, str] = {}
    for name in names:
        if name is not None:  # (csv names a row's surplus values None)
            by_lower.setdefault(name.strip().lower(), name)
    found = {}
    for field, synonyms in FIELD_NAMES.items():
        exact = field if field in names else None
        chosen = exact or next((by_lower[s] for s in synonyms if s in by_lower), None)
        if chosen is not None:
            found[field] = chosen
    return found


def _row_doc(source: str, record: dict, encoding: str, fmt: str,
             max_doc_bytes: int) -> RawDoc | IngestError:
    names = field_names(tuple(record))
    text_name = names.get("text")
    if text_name is None:
        return IngestError(source, "no_text",
                           f"row has no text field (fields: {_listed(record)}; a text field "
                           f"is named one of: {TEXT_NAMES_HINT})")
    text = record[text_name]
    if text is None and fmt == "csv":  # csv fills a short row's missing values with None
        return IngestError(source, "no_text", f"the row has no '{text_name}' value (fewer "
                                              "fields than the header)")
    if not isinstance(text, str):
        return IngestError(source, "no_text", f"the row's '{text_name}' is "
                                              f"{_json_kind(text)}, not a string")
    if not text.strip():
        return IngestError(source, "empty" if not text else "blank",
                           f"the row's '{text_name}' is empty" if not text
                           else f"the row's '{text_name}' holds only whitespace")
    if len(text.encode("utf-8", "surrogatepass")) > max_doc_bytes:
        return IngestError(source, "too_large",
                           f"text exceeds the document limit of {max_doc_bytes:,} bytes; "
                           "raise it with --max-doc-bytes")
    if has_markup(text):  # a scraped feed or CMS export: <p>, <br>, &laquo;
        text = fragment_text(text)

    def field(name: str) -> str | None:
        value = record.get(names[name]) if name in names else None
        return None if value in (None, "") else str(value)

    title = field("title")
    return _checked(RawDoc(source, text, encoding, fmt, external_id=field("id"),
                           url=field("url"), date=field("date"),
                           title=plain_title(title) if title else None))


def _listed(record: dict) -> str:
    return ", ".join(str(name) for name in record if name is not None) or "none"


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def _read_rows(source: str, handle: BinaryIO, fmt: str,
               max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    """JSONL/CSV rows, streamed: the file's encoding is decided on a sample, then each line
    is decoded on its own, so a big batch file never sits in memory whole."""
    sample = handle.read(ENCODING_SAMPLE_BYTES)
    if not sample.strip():
        yield IngestError(source, "empty" if not sample else "blank",
                          "no text: the input is empty" if not sample
                          else "no text: the input holds only whitespace")
        return
    cut = sample.rfind(b"\n") + 1 if len(sample) == ENCODING_SAMPLE_BYTES else len(sample)
    try:
        _, encoding = decode_bytes(sample[:cut or len(sample)])
    except DecodeError as exc:
        yield IngestError(source, exc.error, str(exc))
        return
    if encoding == "utf-16":
        yield IngestError(source, "encoding",
                          f"UTF-16 {fmt.upper()} is not supported; convert it to UTF-8")
        return
    single_byte = next((codec for codec in SINGLE_BYTE_CODECS if codec in encoding), None)
    handle.seek(0)
    # A row's JSON may escape every Cyrillic letter (\\uXXXX: 6 bytes for 2 of UTF-8).
    lines = _bounded_lines(handle, 3 * max_doc_bytes + 65536)
    reader = _read_jsonl if fmt == "jsonl" else _read_csv
    rows = 0
    for result in reader(source, lines, single_byte, max_doc_bytes):
        rows += 1
        yield result
    if not rows:  # the file is an input unit too: it must not vanish from the accounting
        yield IngestError(source, "no_rows", f"no rows: the {fmt.upper()} file holds no records")


def _bounded_lines(handle: BinaryIO, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line; None for a line longer than ``max_line``, which is
    skipped without being held in memory."""
    number = 0
    while True:
        line = handle.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line:
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield number, None
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        yield number, line


def _decode_line(line: bytes, single_byte: str | None) -> tuple[str, str]:
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(line, single_byte)
    except DecodeError:
        text = _replace_escaped(line.decode("utf-8", "surrogateescape"))
        return text, f"utf-8 (with {text.count(chr(0xFFFD))} replaced bytes)"


def _read_jsonl(source: str, lines: Iterator[tuple[int, bytes | None]],
                single_byte: str | None, max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    for number, data in lines:
        where = f"{source}:{number}"
        if data is None:
            yield IngestError(where, "too_large",
                              f"line {number} is longer than the document limit allows "
                              f"({max_doc_bytes:,} bytes); raise it with --max-doc-bytes")
            continue
        if not data.strip():
            continue
        line, encoding = _decode_line(data, single_byte)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, "bad_json", _json_problem(number, exc))
            continue
        except RecursionError:
            yield IngestError(where, "bad_json", f"line {number} is nested too deeply")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "bad_json", f"line {number} is not a JSON object")
            continue
        yield _row_doc(where, record, encoding, "jsonl", max_doc_bytes)


def _json_problem(number: int, exc: json.JSONDecodeError) -> str:
    """json's message, whole: it ends «… at» where its own message adds the position."""
    problem = exc.msg.removesuffix(" at")
    hint = (" (a tab or line break inside a string must be written \\t or \\n)"
            if problem.startswith("Invalid control character") else "")
    return f"malformed JSON on line {number}: {problem} at column {exc.colno}{hint}"


def _header_delimiter(header: str) -> str:
    """The delimiter under which the header line names a text column (a spreadsheet saved
    in a Russian locale writes ';'); else the one that splits it into the most columns."""
    def columns(delimiter: str) -> list[str]:
        try:
            return next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # a header the reader refuses is reported when it is read
            return []

    return max(CSV_DELIMITERS, key=lambda d: ("text" in field_names(tuple(columns(d))),
                                              len(columns(d))))


def _read_csv(source: str, lines: Iterator[tuple[int, bytes | None]],
              single_byte: str | None, max_doc_bytes: int) -> Iterator[RawDoc | IngestError]:
    too_long: list[int] = []
    encodings: list[str] = []
    started: list[int] = []  # the first non-blank line of the record being read

    def text_lines() -> Iterator[str]:
        for number, data in lines:
            if data is None:
                too_long.append(number)
                yield "\n"  # the row is reported, the reader goes on with the next line
                continue
            line, encoding = _decode_line(data, single_byte)
            encodings.append(encoding)
            if not started and line.strip():
                started.append(number)
            yield line

    def pending_too_long() -> Iterator[IngestError]:
        while too_long:
            number = too_long.pop(0)
            yield IngestError(f"{source}:{number}", "too_large",
                              f"line {number} is longer than the document limit allows "
                              f"({max_doc_bytes:,} bytes); raise it with --max-doc-bytes")

    csv.field_size_limit(max(max_doc_bytes, 1 << 20))
    decoded = text_lines()
    header = next(decoded, "")
    delimiter = _header_delimiter(header)
    reader = csv.DictReader(itertools.chain([header], decoded), delimiter=delimiter)
    try:
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError(source, "bad_csv", f"cannot read the CSV header: {exc}")
        return
    if "text" not in field_names(tuple(fields)):
        yield IngestError(source, "no_text_column",
                          f"CSV has no text column (columns: {', '.join(fields) or 'none'}; "
                          f"a text column is named one of: {TEXT_NAMES_HINT})")
        return
    while True:
        encodings.clear()
        started.clear()
        try:
            record = next(reader)
        except StopIteration:
            yield from pending_too_long()
            return
        except csv.Error as exc:
            yield from pending_too_long()
            yield IngestError(f"{source}:{reader.line_num}", "bad_csv",
                              f"malformed CSV at line {reader.line_num}: {exc}; "
                              "the rest of the file was not read")
            return
        yield from pending_too_long()
        # A record is named by the line it starts on: a quoted text may span many lines.
        first_line = started[0] if started else reader.line_num
        where = f"{source}:{first_line}"
        encoding = next((e for e in encodings if e != "utf-8"), "utf-8")
        if any(value for value in record.get(None) or ()):  # type: ignore[call-overload]
            yield IngestError(where, "bad_csv",
                              f"row at line {first_line} has more fields than the header "
                              f"(unquoted {DELIMITER_NAMES[delimiter]} inside a field?)")
            continue
        yield _row_doc(where, record, encoding, "csv", max_doc_bytes)
