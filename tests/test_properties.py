"""Property tests: no input crashes ingest, and the normaliser's offsets always map back."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ruextract.doc import RawDoc
from ruextract.ingest import DecodeError, IngestError, decode_bytes, read_file
from ruextract.normalise import LINE_BULLET, TO_CYRILLIC, clean_line, normalise
from ruextract.rules import load_rules

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)

# Bytes that look like what turns up in batches: text in several encodings, broken bytes,
# format signatures, and plain noise.
RUSSIAN = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕКМНОПРСТ .,«»—-\n\"'",
                  max_size=200)
TEXTY_BYTES = st.one_of(
    st.binary(max_size=600),
    RUSSIAN.map(lambda t: t.encode("utf-8")),
    RUSSIAN.map(lambda t: t.encode("cp1251")),
    st.tuples(RUSSIAN, st.binary(max_size=4), RUSSIAN).map(
        lambda p: p[0].encode() + p[1] + p[2].encode()),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF", b"PK\x03\x04",
                               b"\x89PNG", b"{", b"text\n"]), st.binary(max_size=200)).map(
        lambda p: p[0] + p[1]),
)

# Unicode with the characters the normaliser treats specially made likely.
SPECIAL = list("\u200b\u200c\u200d\ufeff\u00ad\u202e\u2010\u2011\u2212\u2013\u2014\u2015"
               '"„“”‟″＂‘’‚‛`«»\t\r\n\x0b\x0c\x1c\x85\u2028\u2029\u00a0\u2003 \x00\x07'
               "\u0301\u0308\u0306\u0340\u0344\u1fef\u212b\u1100\u1161ёйЁё-—.,:;!?")
UNICODE_TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(SPECIAL),
                                          st.sampled_from(list("абвгдежзийклмнопрстуфхцчшщыэюя"))),
                       max_size=120)


@functools.cache
def boilerplate_rules() -> list:
    return load_rules().boilerplate


# --------------------------------------------------------------------------- ingest

@PROPERTY_SETTINGS
@given(TEXTY_BYTES)
@example(b"\xff" * 10)
@example(b"\xef\xbb\xbf\xff\xfe")
@example(b"\xff\xfe\x00")
def test_decode_bytes_returns_text_or_raises_decode_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        assert exc.error in ("binary", "encoding")
        return
    assert isinstance(text, str) and encoding
    text.encode("utf-8")  # no lone surrogates leak out


@PROPERTY_SETTINGS
@given(data=TEXTY_BYTES, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".md"]),
       max_doc_bytes=st.sampled_from([50, 100_000]))
@example(data=b"\r!", suffix=".csv", max_doc_bytes=100_000)  # a header the csv reader refuses
def test_read_file_yields_only_raw_docs_and_ingest_errors(data: bytes, suffix: str,
                                                          max_doc_bytes: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_file(path, max_doc_bytes))
    assert results, "every file yields at least one doc or error"
    for result in results:
        assert isinstance(result, RawDoc | IngestError)
        if isinstance(result, RawDoc):
            assert result.raw_text.strip()
            result.raw_text.encode("utf-8")
        else:
            assert result.error and result.message


# --------------------------------------------------------------------------- normalise

def same_class(clean_char: str, raw_slice: str) -> bool:
    """Whether the raw slice normalises (on its own) to the clean character."""
    if clean_char == " ":
        return raw_slice[:1].isspace()
    if clean_char == "-" and LINE_BULLET.fullmatch(raw_slice):
        return True  # a symbol opening a line is a list item's dash
    alone = clean_line(raw_slice, 0)[0]
    # A quote's direction depends on what precedes it, which the slice alone does not show;
    # so does a look-alike Latin letter's, made Cyrillic inside a Cyrillic word («XЀ»).
    char = clean_char.replace("»", "«")
    return char in alone.replace("»", "«") or char in alone.translate(TO_CYRILLIC)


@PROPERTY_SETTINGS
@given(UNICODE_TEXT)
@example("\u1fef")
@example("XЀ")
@example('a"\u0301b')
@example("\r\n\r\n")
@example("Заголовок\nТекст.\nЗаголовок")
def test_normalise_offsets_map_back(raw: str) -> None:
    result = normalise(raw, boilerplate_rules())
    text, offset_map = result.text, result.offset_map
    assert len(offset_map) == len(text)
    starts, ends = list(offset_map.starts), list(offset_map.ends)
    assert starts == sorted(starts), "raw starts are monotone"
    assert ends == sorted(ends), "raw ends are monotone"
    for i, char in enumerate(text):
        start, end = starts[i], ends[i]
        assert 0 <= start <= end <= len(raw)
        if start == end:
            assert char in " \n", f"only spaces and line breaks are inserted, not {char!r}"
        else:
            assert same_class(char, raw[start:end]), (char, raw[start:end])


@PROPERTY_SETTINGS
@given(UNICODE_TEXT, st.data())
def test_raw_span_of_any_clean_span_is_in_bounds(raw: str, data) -> None:
    result = normalise(raw, boilerplate_rules())
    n = len(result.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    raw_start, raw_end = result.offset_map.raw_span(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)


@PROPERTY_SETTINGS
@given(UNICODE_TEXT)
@example("\u1fef")
@example("a\u0340")
@example('"\u200b"')
@example('\U000191d3"0«')  # a straight quote that closes a reversed pair once turned
@example("\x08·0")  # a bullet behind a control character the first pass drops (s47)
@example("\xa0·0")  # … behind a no-break space the first pass strips (s58)
def test_normalising_twice_equals_once(raw: str) -> None:
    once = normalise(raw, boilerplate_rules()).text
    assert normalise(once, boilerplate_rules()).text == once


@PROPERTY_SETTINGS
@given(UNICODE_TEXT)
def test_offset_runs_round_trip(raw: str) -> None:
    from ruextract.normalise import OffsetMap

    offset_map = normalise(raw, boilerplate_rules()).offset_map
    restored = OffsetMap.from_runs(offset_map.to_runs())
    assert list(restored.starts) == list(offset_map.starts)
    assert list(restored.ends) == list(offset_map.ends)
