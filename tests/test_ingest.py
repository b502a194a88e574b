"""Ingest: every input unit (file, or JSONL/CSV row) becomes one RawDoc or one IngestError."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from ruextract.doc import RawDoc
from ruextract.html_page import html_to_text, read_page
from ruextract.ingest import (
    DecodeError,
    IngestError,
    decode_bytes,
    discover,
    read_file,
    read_inputs,
)

ARTICLE = ("Делегация из Китая посетила технопарк «Идея» в Казани. Гости осмотрели "
           "производственные площадки резидентов и обсудили сотрудничество.\n")


def read_one(path: Path, **kwargs) -> RawDoc | IngestError:
    (result,) = read_file(path, **kwargs)
    return result


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --------------------------------------------------------------------------- empty and blank

@pytest.mark.parametrize("name, content, error", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "blank"),
    ("nbsp.txt", "\u00a0\u2003\n".encode(), "blank"),
    ("empty.html", b"", "empty"),
    ("empty.jsonl", b"", "empty"),
    ("blank.jsonl", b"\n\n  \n", "blank"),
    ("empty.csv", b"", "empty"),
])
def test_empty_and_blank_files(tmp_path: Path, name: str, content: bytes, error: str) -> None:
    result = read_one(write(tmp_path, name, content))
    assert isinstance(result, IngestError)
    assert (result.error, result.stage) == (error, "ingest")
    assert "no text" in result.message


# --------------------------------------------------------------------------- binary files

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"\x00" * 10
ELF_LIKE = bytes([0x7F]) + b"ELF\x02\x01\x01" + b"\x00" * 64


@pytest.mark.parametrize("name, content, what", [
    ("photo.txt", PNG, "PNG image"),
    ("archive.txt", ZIP, "ZIP archive"),
    ("paper.html", PDF, "PDF document"),
    ("program.md", ELF_LIKE, "NUL bytes"),
    ("rows.jsonl", PNG, "PNG image"),
    ("table.csv", ZIP, "ZIP archive"),
    ("noise.txt", bytes(range(1, 32)) * 40, "control bytes"),
])
def test_binary_files_with_a_text_extension(tmp_path: Path, name: str, content: bytes,
                                            what: str) -> None:
    result = read_one(write(tmp_path, name, content))
    assert isinstance(result, IngestError)
    assert result.error == "binary"
    assert what in result.message


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("data, encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8"),
    (ARTICLE.encode("utf-16"), "utf-16"),
    (ARTICLE.encode("utf-16-le"), "utf-16-le (no byte-order mark)"),
    (ARTICLE.encode("utf-16-be"), "utf-16-be (no byte-order mark)"),
    (ARTICLE.encode("cp1251"), "cp1251"),
    (ARTICLE.replace("«", '"').replace("»", '"').encode("koi8-r"), "koi8-r"),
    (b"plain ascii text\n", "utf-8"),
])
def test_decode_bytes_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert strip_quotes(text) in (strip_quotes(ARTICLE), "plain ascii text\n")


def strip_quotes(text: str) -> str:
    return text.replace('"', "").replace("«", "").replace("»", "")


def test_utf8_with_a_few_broken_bytes_is_kept_and_recorded() -> None:
    body = (ARTICLE * 10).encode()
    data = body[:100] + b"\xff\xfe" + body[100:] + b"\xc0"
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8 (with 3 replaced bytes)"
    assert text.count("\ufffd") == 3
    assert text.replace("\ufffd", "") == body.decode()


def test_a_utf8_character_cut_in_half_is_one_replaced_byte_per_byte() -> None:
    body = ARTICLE * 10
    data = body.encode() + "Ж".encode()[:1]
    assert decode_bytes(data) == (body + "\ufffd", "utf-8 (with 1 replaced bytes)")


def test_short_utf8_article_with_a_character_cut_in_half_is_kept() -> None:
    data = ARTICLE.encode()
    broken = data[:41] + data[42:]  # 1 byte of ~250 gone: more than 1 %, still clearly UTF-8
    text, encoding = decode_bytes(broken[:100])
    assert encoding == "utf-8 (with 1 replaced bytes)"
    assert text.count("\ufffd") == 1


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_broken_utf8_is_never_taken_for_a_single_byte_codepage(codec: str) -> None:
    data = "Иван".encode() + b"\xff\xfe\xfd"  # too broken to keep, and not cp1251/koi8-r
    with pytest.raises(DecodeError):
        decode_bytes(data)
    assert decode_bytes("Иван Петров ответил.".encode(codec))[1] == codec


def test_mixed_utf8_and_cp1251_lines_are_decoded_line_by_line() -> None:
    utf8_part = "Первая часть выгрузки в UTF-8.\n"
    cp1251_part = "Вторая часть пришла из старой системы в cp1251.\n"
    text, encoding = decode_bytes(utf8_part.encode() + cp1251_part.encode("cp1251"))
    assert encoding == "mixed utf-8/cp1251 (by line)"
    assert text == utf8_part + cp1251_part


def test_text_that_is_neither_utf8_nor_cyrillic_is_an_encoding_error() -> None:
    data = bytes(range(0x80, 0x100)) * 8  # high bytes only: mojibake in every codepage
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data)
    assert raised.value.error == "encoding"
    assert "not valid UTF-8" in str(raised.value)


def test_broken_encoding_file_becomes_an_error_row(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "broken.txt", bytes(range(0x80, 0x100)) * 8))
    assert isinstance(result, IngestError)
    assert result.error == "encoding"
    assert result.source.endswith("broken.txt")


def test_non_russian_text_is_read_like_any_other(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "english.txt", "The delegation visited the park.\n"))
    assert isinstance(result, RawDoc)
    assert result.raw_text == "The delegation visited the park.\n"


# --------------------------------------------------------------------------- JSONL

def test_malformed_jsonl_line_is_reported_with_its_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Первая новость."}, ensure_ascii=False),
        '{"id": "b", "text": "оборвано',
        "",
        json.dumps({"id": "c", "text": "Третья новость."}),
        "[1, 2, 3]",
        json.dumps({"id": "d", "title": "без текста"}),
        json.dumps({"id": "e", "text": ""}),
        json.dumps({"id": "f", "text": "  \n "}),
        json.dumps({"id": "g", "text": 42}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    results = list(read_file(path))
    summary = [(r.source.rsplit(":", 1)[1], r.error if isinstance(r, IngestError) else "ok")
               for r in results]
    assert summary == [("1", "ok"), ("2", "bad_json"), ("4", "ok"), ("5", "bad_json"),
                       ("6", "no_text"), ("7", "empty"), ("8", "blank"), ("9", "no_text")]
    assert "line 2" in results[1].message
    assert [r.external_id for r in results if isinstance(r, RawDoc)] == ["a", "c"]
    assert results[2].raw_text == "Третья новость."


def test_jsonl_rows_keep_their_metadata(tmp_path: Path) -> None:
    row = {"id": 7, "url": "https://example.org/1", "date": "2024-05-01", "title": "Заголовок",
           "text": "Текст новости."}
    (doc,) = read_file(write(tmp_path, "one.jsonl", json.dumps(row, ensure_ascii=False)))
    assert (doc.external_id, doc.url, doc.date, doc.title, doc.format) == (
        "7", "https://example.org/1", "2024-05-01", "Заголовок", "jsonl")


def test_jsonl_in_cp1251_is_decoded(tmp_path: Path) -> None:
    rows = [{"text": f"Новость номер {n} о сотрудничестве с технопарком."} for n in range(5)]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("cp1251")
    docs = list(read_file(write(tmp_path, "old.jsonl", data)))
    assert [d.encoding for d in docs] == ["cp1251"] * 5
    assert docs[3].raw_text == rows[3]["text"]


def test_jsonl_row_over_the_limit_is_refused_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "короткая"}, ensure_ascii=False),
             json.dumps({"text": "длинная " * 200}, ensure_ascii=False),
             json.dumps({"text": "x" * 10_000}),
             json.dumps({"text": "ещё короткая"}, ensure_ascii=False)]
    results = list(read_file(write(tmp_path, "big.jsonl", "\n".join(lines)), max_doc_bytes=1000))
    assert [r.error if isinstance(r, IngestError) else "ok" for r in results] == [
        "ok", "too_large", "too_large", "ok"]
    assert all("--max-doc-bytes" in r.message for r in results if isinstance(r, IngestError))


# --------------------------------------------------------------------------- CSV

def test_csv_without_a_text_column(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "table.csv", "id,summary\n1,Текст\n"))
    assert isinstance(result, IngestError)
    assert result.error == "no_text_column"
    assert "columns: id, summary" in result.message
    assert "named one of: text, body" in result.message


def test_csv_rows(tmp_path: Path) -> None:
    content = ('id,title,text\n'
               '1,Первая,"Текст, с запятой\nи переносом строки."\n'
               '2,Пустая,\n'
               '3,Пробелы,"   "\n'
               '4,Лишнее,текст,лишнее поле\n'
               '5,Последняя,Последний текст.\n')
    results = list(read_file(write(tmp_path, "rows.csv", content)))
    summary = [(r.source.rsplit(":", 1)[1], r.error if isinstance(r, IngestError) else "ok")
               for r in results]
    # a record is named by the line it starts on, however many lines its text spans
    assert summary == [("2", "ok"), ("4", "empty"), ("5", "blank"), ("6", "bad_csv"),
                       ("7", "ok")]
    assert results[0].raw_text == "Текст, с запятой\nи переносом строки."
    assert results[-1].external_id == "5"


def test_csv_record_after_blank_lines_is_named_by_its_own_first_line(tmp_path: Path) -> None:
    content = 'id,text\n\n\n1,"Первая строка\nвторая строка"\n2,Ещё текст\n'
    results = list(read_file(write(tmp_path, "rows.csv", content)))
    assert [r.source.rsplit(":", 1)[1] for r in results] == ["4", "6"]


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_with_another_delimiter_is_read_by_its_header(tmp_path: Path,
                                                          delimiter: str) -> None:
    # a spreadsheet saved in a Russian locale separates fields with ';'
    content = delimiter.join(["id", "title", "text"]) + "\n" + delimiter.join(
        ["7", "Визит", '"Гости, и хозяева."']) + "\n"
    result = read_one(write(tmp_path, "rows.csv", content))
    assert isinstance(result, RawDoc)
    assert (result.external_id, result.title, result.raw_text) == ("7", "Визит",
                                                                  "Гости, и хозяева.")


def test_csv_whose_header_has_no_text_column_under_any_delimiter(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "table.csv", "id;summary\n1;Текст\n"))
    assert isinstance(result, IngestError)
    assert result.error == "no_text_column"
    assert "columns: id, summary" in result.message


def test_csv_whose_header_holds_a_bare_carriage_return_is_an_error_row(tmp_path: Path) -> None:
    results = list(read_file(write(tmp_path, "odd.csv", b"\r!")))
    assert results and all(isinstance(r, IngestError) for r in results)


def test_row_whose_text_is_not_a_string_says_so(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "rows.jsonl", '{"id": "n1", "text": 12}\n'))
    assert isinstance(result, IngestError)
    assert result.error == "no_text"
    assert "is a number, not a string" in result.message


# --------------------------------------------------------------------------- HTML

HOSTILE_HTML = """<!doctype html><html><head><title>Страница</title>
<style>body { content: "Стиль не текст статьи"; }</style>
<script>document.write("Скрипт не текст статьи"); fetch("/steal")</script></head>
<body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<header>Шапка сайта</header>
<article><h1>Делегация посетила технопарк</h1>
<p>Делегация из Китая посетила <b>технопарк</b> «Идея».</p>
<script>alert("внутри статьи")</script><noscript>Включите JavaScript</noscript>
<p>Гости осмотрели площадки.</p></article>
<aside>Читайте также</aside><footer>© Сайт</footer>
<img src=x onerror="alert(1)"></body></html>"""


def test_html_keeps_article_text_and_drops_scripts_styles_navigation() -> None:
    text, title = html_to_text(HOSTILE_HTML)
    assert title == "Делегация посетила технопарк"
    assert text.splitlines() == ["Делегация посетила технопарк",
                                 "Делегация из Китая посетила технопарк «Идея».",
                                 "Гости осмотрели площадки."]


def test_html_with_text_only_in_scripts_and_navigation_is_an_error(tmp_path: Path) -> None:
    page = ("<html><head><script>var article = 'Делегация посетила технопарк';</script>"
            "<style>p{}</style></head><body><nav>Главная Новости</nav>"
            "<script>render(article)</script></body></html>")
    result = read_one(write(tmp_path, "app.html", page))
    assert isinstance(result, IngestError)
    assert result.error == "no_text"
    assert "scripts" in result.message


# --------------------------------------------------------------------------- huge documents

def test_document_over_the_limit_is_refused_naming_the_limit_and_option(tmp_path: Path) -> None:
    result = read_one(write(tmp_path, "long.txt", ARTICLE * 50), max_doc_bytes=1000)
    assert isinstance(result, IngestError)
    assert result.error == "too_large"
    assert "1,000 bytes" in result.message
    assert "--max-doc-bytes" in result.message


def test_50_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened for reading")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    result = read_one(path, max_doc_bytes=20_000_000)
    assert isinstance(result, IngestError)
    assert result.error == "too_large"
    assert "52,428,800 bytes exceeds the document limit of 20,000,000" in result.message


def test_big_jsonl_batch_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    row = json.dumps({"text": "Делегация посетила технопарк. " * 30}, ensure_ascii=False)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(8000):
            handle.write(row + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in read_file(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 8000
    assert peak < size / 2, f"peak {peak:,} bytes for a {size:,}-byte file"


# --------------------------------------------------------------------------- unreadable, loops

@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        result = read_one(path)
    finally:
        path.chmod(0o644)
    assert isinstance(result, IngestError)
    assert result.error == "unreadable"


@pytest.mark.parametrize("name", ["secret.txt", "secret.html", "secret.jsonl", "secret.csv"])
def test_unreadable_file(tmp_path: Path, monkeypatch, name: str) -> None:
    path = write(tmp_path, name, ARTICLE)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    monkeypatch.setattr(Path, "read_bytes", denied)
    result = read_one(path)
    assert isinstance(result, IngestError)
    assert result.error == "unreadable"
    assert "Permission denied" in result.message


def test_fifo_with_a_text_extension_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    results = list(read_inputs([tmp_path]))
    assert [(r.error, r.message) for r in results] == [("unreadable", "not a regular file")]


def test_directory_symlink_loop_is_passed_over_and_the_walk_ends(tmp_path: Path) -> None:
    # (a loop under a directory given was a directory_loop error row before; it is no
    # failure, only passed over)
    root = tmp_path / "batch"
    write(root, "a/one.txt", ARTICLE)
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")  # a symlink to itself
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    passed: list[tuple[str, str]] = []
    found = list(discover([root], lambda path, why: passed.append((Path(path).name, why))))
    files = [p.name for p in found if isinstance(p, Path)]
    assert files == ["one.txt", "dangling.txt"] or files == ["dangling.txt", "one.txt"]
    assert not [e for e in found if isinstance(e, IngestError)]
    assert sorted(passed) == [("back", "directory already read (symlink loop)"),
                              ("self", "no extension")]
    results = list(read_inputs([root]))
    assert [r.error for r in results if isinstance(r, IngestError)] == ["unreadable"]


def test_a_directory_given_twice_is_an_error_row_the_second_time(tmp_path: Path) -> None:
    write(tmp_path, "one.txt", ARTICLE)
    results = list(read_inputs([tmp_path, tmp_path]))
    assert [r.error if isinstance(r, IngestError) else "ok" for r in results] == [
        "ok", "directory_loop"]
    assert "given twice" in results[1].message


def test_missing_and_unsupported_inputs(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.pdf", PDF)
    results = list(read_inputs([tmp_path / "nope.txt", doc]))
    assert [r.error for r in results] == ["missing", "unsupported"]


# --------------------------------------------------------------------------- accounting

def test_every_input_unit_is_one_doc_or_one_error(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.jsonl", '{"text": "раз"}\nне json\n{"text": "три"}\n')
    write(tmp_path, "d.csv", "text\nодин\n\"\"\nтри\n")
    write(tmp_path, "e.html", HOSTILE_HTML)
    write(tmp_path, "f.txt", PNG)
    results = list(read_inputs([tmp_path]))
    sources = [r.source for r in results]
    assert len(sources) == len(set(sources)) == 1 + 1 + 3 + 3 + 1 + 1


# --------------------------------------------------------------------------- HTML: main content

def page_docs(tmp_path: Path, page: str, name: str = "page.html") -> list[RawDoc | IngestError]:
    return list(read_file(write(tmp_path, name, page)))


LISTING_PAGE = """<html><head><title>Новости промышленности — Вестник Заречья</title>
<link rel="canonical" href="https://zarechye.example/news/"></head><body>
<header><nav><a href="/">Главная</a><a href="/ind">Промышленность</a></nav></header>
<h1>Новости промышленности</h1>
<div class="news-list">
<article class="news-item"><h2><a href="/news/11">Гости из Сербии в технопарке «Ромашка»</a></h2>
<time datetime="2031-02-03">3 февраля</time>
<p>Делегация Сербии посетила технопарк «Ромашка» в Заречье.</p>
<a class="more" href="/news/11">Подробнее &raquo;</a></article>
<article class="news-item"><h2><a href="/news/12">Парк «Лютик» принял инвесторов</a></h2>
<time datetime="2031-02-02">2 февраля</time>
<p>Инвесторы из Чили осмотрели индустриальный парк «Лютик».</p></article>
<article class="news-item"><h3>Без ссылки</h3><p>Третья заметка о заводе «Колокольчик».</p>
</article></div>
<div class="pager"><a href="?page=2">Следующая страница</a></div></body></html>"""


def test_a_listing_page_gives_one_document_per_article(tmp_path: Path) -> None:
    docs = page_docs(tmp_path, LISTING_PAGE)
    assert all(isinstance(d, RawDoc) for d in docs)
    assert [d.source.rsplit("/", 1)[1] for d in docs] == ["page.html#1", "page.html#2",
                                                          "page.html#3"]
    assert [d.title for d in docs] == ["Гости из Сербии в технопарке «Ромашка»",
                                       "Парк «Лютик» принял инвесторов", "Без ссылки"]
    # each article's own date and link (made full against the page's address), not the page's
    assert [d.date for d in docs] == ["2031-02-03", "2031-02-02", None]
    assert [d.url for d in docs] == ["https://zarechye.example/news/11",
                                     "https://zarechye.example/news/12", None]
    assert docs[0].raw_text.splitlines() == ["Гости из Сербии в технопарке «Ромашка»",
                                             "3 февраля",
                                             "Делегация Сербии посетила технопарк «Ромашка» "
                                             "в Заречье."]  # no «Подробнее »» link left
    assert "Следующая страница" not in "".join(d.raw_text for d in docs)


def test_a_listing_of_articles_marked_teaser_is_still_read(tmp_path: Path) -> None:
    page = ("<body><h1>Лента</h1><article class='news-teaser'><h2>Первая</h2><p>Текст один."
            "</p></article><article class='news-teaser'><h2>Вторая</h2><p>Текст два.</p>"
            "</article></body>")
    docs = page_docs(tmp_path, page)
    assert [(d.title, d.raw_text) for d in docs] == [("Первая", "Первая\nТекст один."),
                                                     ("Вторая", "Вторая\nТекст два.")]


def test_the_marked_article_body_wins_over_sidebar_teaser_articles(tmp_path: Path) -> None:
    page = """<html><head><title>Сайт</title></head><body>
<div class="content"><h1 class="article-title">Делегация Перу в ОЭЗ «Ковыль»</h1>
<div class="article-body" itemprop="articleBody"><p>Делегация Перу посетила ОЭЗ «Ковыль».</p>
<p>Гостей встретил директор Аристарх Пыжов.</p></div></div>
<div class="sidebar"><h3>Другие новости</h3>
<article class="teaser"><h4>Чужая новость</h4><p>Делегация Фиджи посетила парк «Осока».</p>
</article><article class="teaser"><h4>Ещё одна</h4><p>Гости из Тонги в парке «Мята».</p>
</article></div></body></html>"""
    (doc,) = page_docs(tmp_path, page)
    assert doc.title == "Делегация Перу в ОЭЗ «Ковыль»"
    # the headline stands outside the body: it is put first, as on the page
    assert doc.raw_text.splitlines() == ["Делегация Перу в ОЭЗ «Ковыль»",
                                         "Делегация Перу посетила ОЭЗ «Ковыль».",
                                         "Гостей встретил директор Аристарх Пыжов."]


def test_the_article_of_the_h1_wins_over_other_articles_on_the_page(tmp_path: Path) -> None:
    page = ("<body><main><article><h1>Главная новость</h1><p>Её текст.</p></article>"
            "<article><h2>Похожая</h2><p>Другой текст.</p></article></main></body>")
    (doc,) = page_docs(tmp_path, page)
    assert (doc.title, doc.raw_text) == ("Главная новость", "Главная новость\nЕё текст.")


DIV_SOUP = """<html><head><meta charset="utf-8">
<title>Парк «Чертополох» принял гостей - Новости - Вестник Заречья</title></head><body>
<div id="top-menu"><a href="/">Новости</a><a href="/pol">Политика</a><a href="/ad">Реклама</a>
</div>
<div class="wrap"><div class="left-col"><div class="news-detail">
<div class="news-title">Парк «Чертополох» принял гостей</div>
<div class="news-text">Делегация Уругвая посетила технопарк «Чертополох».<br><br>
<b>Читайте также:</b> <a href="/n/1">Губернатор Небывалов открыл завод «Мираж»</a><br><br>
Резидент технопарка компания «Репей» подписала соглашение.<br></div>
<div class="tags">Теги: технопарк, Уругвай</div>
<div class="share-buttons">Поделиться ВКонтакте Telegram</div></div>
<div class="comments"><h4>Комментарии (1)</h4><div class="comment">А когда к нам?</div></div>
</div><div class="right-col"><div class="popular"><div class="h">Популярное</div>
<div><a href="/n/9">Делегация Атлантиды посетила ОЭЗ «Фантом»</a></div></div></div></div>
</body></html>"""


def test_a_page_of_divs_keeps_only_the_article_text(tmp_path: Path) -> None:
    (doc,) = page_docs(tmp_path, DIV_SOUP)
    assert doc.title == "Парк «Чертополох» принял гостей"
    assert doc.raw_text.splitlines() == ["Парк «Чертополох» принял гостей",
                                         "Делегация Уругвая посетила технопарк «Чертополох».",
                                         "Резидент технопарка компания «Репей» подписала "
                                         "соглашение."]


def test_without_any_mark_the_densest_block_is_the_article(tmp_path: Path) -> None:
    # no article-body class, no <article>, no <main>: the block with the most paragraph text
    page = DIV_SOUP.replace("news-detail", "box").replace("news-text", "txt").replace(
        "news-title", "caption")
    (doc,) = page_docs(tmp_path, page)
    lines = doc.raw_text.splitlines()
    assert "Делегация Уругвая посетила технопарк «Чертополох»." in lines
    assert "Резидент технопарка компания «Репей» подписала соглашение." in lines
    for furniture in ("Новости Политика Реклама", "Поделиться", "Комментарии", "А когда",
                      "Популярное", "Атлантиды", "Теги", "Читайте также", "Небывалов"):
        assert furniture not in doc.raw_text
    assert doc.title.startswith("Парк «Чертополох» принял гостей")  # from <title>


def test_class_words_are_matched_whole_not_as_substrings(tmp_path: Path) -> None:
    page = ("<body><div class='article-content'><p>Текст статьи о парке «Клевер».</p>"
            "<div class='commentary-box'><p>Комментарий эксперта остаётся.</p></div>"
            "<div class='post-comments'><p>Отзыв читателя уходит.</p></div>"
            "<div class='readAlso'><p>Ссылка уходит.</p></div></div></body>")
    (doc,) = page_docs(tmp_path, page)
    assert doc.raw_text.splitlines() == ["Текст статьи о парке «Клевер».",
                                         "Комментарий эксперта остаётся."]


def test_a_wrapper_whose_class_names_furniture_is_kept_when_it_holds_the_article(
        tmp_path: Path) -> None:
    page = ("<body><div class='page has-sidebar'><h1>Заголовок</h1><p>Абзац статьи.</p>"
            "<div class='sidebar'>Меню справа</div></div></body>")
    (doc,) = page_docs(tmp_path, page)
    assert doc.raw_text == "Заголовок\nАбзац статьи."


def test_the_title_is_the_h1_and_glued_menu_links_stay_apart(tmp_path: Path) -> None:
    page = ("<body><div class='nav-top'><a href='/'>Новости</a><a href='/e'>Экономика</a></div>"
            "<h1>Визит в «Клевер»</h1><p>Гости из Мали <a href='/x'>посетили</a> парк.</p>"
            "</body>")
    (doc,) = page_docs(tmp_path, page)
    assert doc.title == "Визит в «Клевер»"
    assert doc.raw_text.splitlines() == ["Новости Экономика", "Визит в «Клевер»",
                                         "Гости из Мали посетили парк."]


@pytest.mark.parametrize("head, body, url, date", [
    ('<link rel="canonical" href="https://z.example/a1">'
     '<meta property="og:url" content="https://z.example/og">'
     '<meta property="article:published_time" content="2031-05-06T10:00:00+03:00">',
     "", "https://z.example/a1", "2031-05-06T10:00:00+03:00"),
    ('<meta property="og:url" content="https://z.example/og">'
     '<meta itemprop="datePublished" content="2031-05-07">', "", "https://z.example/og",
     "2031-05-07"),
    ('<meta name="DC.date" content="2031-05-08">', "", None, "2031-05-08"),
    ('<meta name="pubdate" content="2031-05-09">', '<time datetime="2031-05-10">10 мая</time>',
     None, "2031-05-10"),
])
def test_html_url_and_date_are_read_from_the_page(tmp_path: Path, head: str, body: str,
                                                  url: str | None, date: str) -> None:
    page = f"<html><head>{head}</head><body><article><h1>Х</h1>{body}<p>Текст.</p>" \
           f"</article></body></html>"
    (doc,) = page_docs(tmp_path, page)
    assert (doc.url, doc.date) == (url, date)


def test_html_to_text_of_a_listing_joins_its_articles() -> None:
    text, title = html_to_text(LISTING_PAGE)
    assert "Сербии" in text and "Чили" in text and "Колокольчик" in text
    assert title == "Гости из Сербии в технопарке «Ромашка»"


# --------------------------------------------------------------------------- HTML in rows

def test_html_markup_in_a_jsonl_text_is_taken_as_html(tmp_path: Path) -> None:
    rows = [{"title": "Визит в &laquo;Клевер&raquo;",
             "text": "<p>Гости посетили парк &laquo;Клевер&nbsp;Тех&raquo;.</p><p>Второй абзац"
                     "<br>и строка &#171;три&#187; &mdash; конец.</p>"},
            {"text": "Прибыль выросла в 2 раза, а доля < 5 % & растёт; A&B;"},
            {"text": "Цитата: &quot;Мы рады&quot;"}]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r, ensure_ascii=False)
                                                   for r in rows))
    first, plain, quoted = read_file(path)
    assert first.title == "Визит в «Клевер»"
    assert first.raw_text == ("Гости посетили парк «Клевер Тех».\nВторой абзац\n"
                              "и строка «три» — конец.")
    assert plain.raw_text == rows[1]["text"]  # a stray «<» or «&» is no markup
    assert quoted.raw_text == 'Цитата: "Мы рады"'


def test_html_markup_in_a_csv_text_is_taken_as_html(tmp_path: Path) -> None:
    content = 'id,text\n1,"<div>Парк <b>«Клевер»</b></div><div>принял гостей</div>"\n'
    (doc,) = read_file(write(tmp_path, "rows.csv", content))
    assert doc.raw_text == "Парк «Клевер»\nпринял гостей"


# --------------------------------------------------------------------------- field names

def test_jsonl_field_names_in_any_case_and_their_synonyms(tmp_path: Path) -> None:
    rows = [{"guid": "g1", "headline": "Заголовок", "link": "https://z.example/1",
             "pubDate": "Mon, 03 Feb 2031 10:00:00 +0300", "body": "Текст один."},
            {"ID": "g2", "Title": "Второй", "Text": "Текст два."},
            {"текст": "Текст три.", "дата": "03.02.2031", "заголовок": "Третий"},
            {"text": "Главный текст.", "body": "Не этот.", "content": "И не этот."}]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r, ensure_ascii=False)
                                                   for r in rows))
    docs = list(read_file(path))
    assert [(d.external_id, d.title, d.url, d.date, d.raw_text) for d in docs] == [
        ("g1", "Заголовок", "https://z.example/1", "Mon, 03 Feb 2031 10:00:00 +0300",
         "Текст один."),
        ("g2", "Второй", None, None, "Текст два."),
        (None, "Третий", None, "03.02.2031", "Текст три."),
        (None, None, None, None, "Главный текст.")]  # the exact name wins over a synonym


def test_a_row_without_a_text_field_names_the_fields_it_has(tmp_path: Path) -> None:
    rows = [{"id": n, "summary": "кратко", "lead": "вводка"} for n in range(3)]
    path = write(tmp_path, "rows.jsonl", "\n".join(json.dumps(r, ensure_ascii=False)
                                                   for r in rows))
    results = list(read_file(path))
    assert len(results) == 3  # one row per record, each saying what the record holds
    assert all(r.error == "no_text" for r in results)
    assert "fields: id, summary, lead" in results[0].message
    assert "named one of: text, body, content" in results[0].message


def test_csv_header_in_another_case_with_tabs(tmp_path: Path) -> None:
    content = "ID\tTitle\tURL\tDate\tText\nk1\tЗаголовок\thttps://z.example/k\t2031-01-02\tТекст.\n"
    (doc,) = read_file(write(tmp_path, "rows.tsv.csv", content))
    assert (doc.external_id, doc.title, doc.url, doc.date, doc.raw_text) == (
        "k1", "Заголовок", "https://z.example/k", "2031-01-02", "Текст.")


def test_csv_header_with_a_synonym_under_semicolons(tmp_path: Path) -> None:
    (doc,) = read_file(write(tmp_path, "rows.csv", "id;headline;body\n1;Заголовок;Текст.\n"))
    assert (doc.title, doc.raw_text) == ("Заголовок", "Текст.")


# --------------------------------------------------------------------------- error messages

def test_malformed_json_message_is_whole(tmp_path: Path) -> None:
    line = '{"id": "q", "text": "строка\tс табуляцией"}'
    (result,) = read_file(write(tmp_path, "rows.jsonl", line + "\n"))
    assert result.error == "bad_json"
    assert result.message.startswith("malformed JSON on line 1: Invalid control character at "
                                     "column ")
    assert result.message.endswith("must be written \\t or \\n)")


@pytest.mark.parametrize("delimiter, name", [("\t", "tabs"), (";", "semicolons"),
                                             (",", "commas")])
def test_a_row_with_too_many_fields_names_the_delimiter(tmp_path: Path, delimiter: str,
                                                        name: str) -> None:
    content = delimiter.join(["id", "text"]) + "\n" + delimiter.join(["1", "раз", "два"]) + "\n"
    (result,) = read_file(write(tmp_path, "rows.csv", content))
    assert result.error == "bad_csv"
    assert result.message.endswith(f"(unquoted {name} inside a field?)")


def test_a_short_csv_row_says_its_text_is_missing(tmp_path: Path) -> None:
    (result,) = read_file(write(tmp_path, "rows.csv", "id,title,text\n1,Заголовок\n"))
    assert result.error == "no_text"
    assert "fewer fields than the header" in result.message


# --------------------------------------------------------------------------- directory walk

def test_hidden_directories_and_other_types_are_passed_over_and_told(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, ".git/notes.txt", ARTICLE)
    write(tmp_path, ".draft.txt", ARTICLE)
    write(tmp_path, "sub/.ipynb_checkpoints/a-checkpoint.txt", ARTICLE)
    write(tmp_path, "sub/news.php?id=7", "<p>статья</p>")
    write(tmp_path, "sub/b.TXT", ARTICLE + "ещё")
    passed: list[tuple[str, str]] = []
    results = list(read_inputs([tmp_path], passed_over=lambda p, why: passed.append(
        (str(Path(p).relative_to(tmp_path)), why))))
    assert [Path(r.source).name for r in results] == ["a.txt", "b.TXT"]
    assert passed == [(".draft.txt", "hidden file"), (".git", "hidden directory"),
                      ("sub/.ipynb_checkpoints", "hidden directory"),
                      ("sub/news.php?id=7", "type .php?id=7")]


def test_a_hidden_directory_given_by_name_is_read(tmp_path: Path) -> None:
    write(tmp_path, ".archive/a.txt", ARTICLE)
    (doc,) = read_inputs([tmp_path / ".archive"])
    assert isinstance(doc, RawDoc)


def test_a_form_around_the_whole_page_does_not_hide_its_article(tmp_path: Path) -> None:
    # ASP.NET pages put everything in one <form>; an <article>'s <header> holds its <h1>
    page = ("<body><form id='aspnetForm'><nav>Меню</nav><article><header><h1>Заголовок</h1>"
            "<nav>Рубрики</nav></header><p>Текст статьи.</p></article>"
            "<form><input name='q'>Поиск по сайту</form></form></body>")
    (doc,) = page_docs(tmp_path, page)
    assert (doc.title, doc.raw_text) == ("Заголовок", "Заголовок\nТекст статьи.")


def test_a_wrapper_classed_like_furniture_around_the_whole_story_is_kept() -> None:
    page = ('<html><body><div class="page page--with-sidebar"><p>Делегация из Кедрии посетила '
            'технопарк «Ольха». Гости осмотрели цеха резидентов.</p><p>Стороны обсудили '
            'сотрудничество и подписали меморандум.</p></div>'
            '<div class="sidebar">Популярное: другое</div></body></html>')
    (article,) = read_page(page)
    assert "технопарк «Ольха»" in article.text and "Популярное" not in article.text


def test_a_story_whose_headline_stands_outside_its_article_is_no_listing() -> None:
    page = ('<html><body><h1>Делегация посетила технопарк</h1><article><p>Делегация из Кедрии '
            'посетила технопарк «Ольха». Гости осмотрели цеха.</p></article><div class="more">'
            '<article><h3>Другая новость</h3><p>Текст другой новости.</p></article></div>'
            '</body></html>')
    (article,) = read_page(page)
    assert article.title == "Делегация посетила технопарк"
    assert "технопарк «Ольха»" in article.text and "Другая новость" not in article.text
