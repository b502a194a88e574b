"""The HTML report: built from hand-made tables (fast, with relations) and from a real run of
the sample corpus; checked as HTML and in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruextract import store
from ruextract.cli import app
from ruextract.report import delegation_flow, render_report, visits_by_country, write_report

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (run scripts/install-chromium.sh)")

XSS_TEXT = ("Делегация из Японии посетила технопарк «Идея». "
            "<script>alert(1)</script><script>document.documentElement.setAttribute("
            "'data-pwned', 'script')</script> <b>жирный</b> "
            "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned', 'img')\">")
TEXTS = {
    "d1": XSS_TEXT,
    "d2": "Делегация из Японии посетила Нанопарк Гатчина. Её возглавила Фудзита Марико.",
    "d3": "Китайская делегация посетила технопарк «Идея». Дмитрий Ялов, вице-губернатор "
          "Ленинградской области, встретил гостей.",
}
# (doc, surface, type, normal, entity id)
MENTIONS = [
    ("d1", "Делегация из Японии", "DELEGATION", "Япония", 0),
    ("d1", "технопарк «Идея»", "PARK", "технопарк «Идея»", 1),
    ("d2", "Делегация из Японии", "DELEGATION", "Япония", 0),
    ("d2", "Нанопарк Гатчина", "PARK", "Нанопарк Гатчина", 1),
    ("d2", "Фудзита Марико", "PER", "Фудзита Марико", 2),
    ("d3", "Китайская делегация", "DELEGATION", "Китай", 0),
    ("d3", "технопарк «Идея»", "PARK", "технопарк «Идея»", 1),
    ("d3", "Дмитрий Ялов", "PER", "Дмитрий <b>Ялов</b>", 2),  # a name with markup in it
    ("d3", "Ленинградской области", "LOC", "Ленинградская область", 3),
]
# (doc, type, arg1 id, arg2 id, role)
RELATIONS = [
    ("d1", "VISITED", 0, 1, None),
    ("d2", "VISITED", 0, 1, None),
    ("d2", "HEADED_BY", 0, 2, None),
    ("d3", "VISITED", 0, 1, None),
    ("d3", "WORKS_FOR", 2, 3, "вице-губернатор"),
]


def write_run(out: Path, with_relations: bool = True) -> Path:
    """A small run output written with the store, as ``ruextract run`` writes it."""
    documents, mentions, entities, relations = [], [], [], []
    for doc_id, text in TEXTS.items():
        documents.append({"doc_id": doc_id, "source": f"corpus/{doc_id}.txt", "text": text,
                          "raw_text": text, "date": "2024-05-1" + doc_id[1], "language": "ru",
                          "url": "javascript:alert(2)" if doc_id == "d1" else None,
                          "n_sentences": 2, "n_tokens": 10, "offset_runs": []})
    by_doc: dict[str, dict[int, dict]] = {}
    for index, (doc_id, surface, kind, normal, entity_id) in enumerate(MENTIONS):
        start = TEXTS[doc_id].index(surface)
        mentions.append({"doc_id": doc_id, "mention_id": index, "entity_id": entity_id,
                         "type": kind, "start": start, "end": start + len(surface),
                         "text": surface, "normal": normal, "sent_id": 0, "source": "test"})
        entity = {"doc_id": doc_id, "entity_id": entity_id, "entity_key": f"{kind}:{normal}",
                  "type": kind, "normal": normal, "n_mentions": 1, "aliases": [surface]}
        by_doc.setdefault(doc_id, {})[entity_id] = entity
        entities.append(entity)
    for index, (doc_id, kind, arg1, arg2, role) in enumerate(RELATIONS):
        first, second = by_doc[doc_id][arg1], by_doc[doc_id][arg2]

        def normal(entity: dict) -> str:
            prefix = "delegation:" if entity["type"] == "DELEGATION" else ""
            return prefix + entity["normal"]

        relations.append({"doc_id": doc_id, "relation_id": index, "type": kind,
                          "arg1_id": arg1, "arg1_type": first["type"], "arg1_normal": normal(first),
                          "arg2_id": arg2, "arg2_type": second["type"],
                          "arg2_normal": normal(second), "role": role, "sent_id": 0,
                          "evidence": TEXTS[doc_id].split(". ")[0], "rule": "test",
                          "confidence": 1.0})
    tables = {"documents": documents, "mentions": mentions, "entities": entities,
              "relations": relations if with_relations else [],
              "errors": [{"source": "corpus/broken.txt", "stage": "ingest", "error": "binary",
                          "message": "PNG <image>"},
                         {"source": "corpus/again.txt", "stage": "ingest", "error": "duplicate",
                          "message": "same text as document d1, read earlier in this run"}]}
    for table in store.TABLES:
        store.write_table(out, table, tables.get(table, []), "part-test")
    manifest = {"run_id": "testrun", "time": "2024-05-20T10:00:00+00:00",
                "counts": {"processed": 3}, "note": "</pre><script>alert(3)</script>"}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def made_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = write_run(tmp_path_factory.mktemp("made_run"))
    write_report(out)
    return out


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus, run once for the module (relations may be empty)."""
    from ruextract import pipeline

    out = tmp_path_factory.mktemp("corpus_run")
    pipeline.run([ROOT / "corpus"], out, workers=1)
    return out


def browse(tmp_path: Path, url: str, *arguments: str) -> subprocess.CompletedProcess:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", *arguments, url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def dom(tmp_path: Path, html: Path, fragment: str = "") -> str:
    return browse(tmp_path, html.as_uri() + fragment, "--dump-dom").stdout


# -- the HTML itself ------------------------------------------------------------------------------

def test_report_counts_and_sections(made_run: Path) -> None:
    html = (made_run / "report.html").read_text(encoding="utf-8")
    assert re.search(r'data-count="documents">3<', html)
    assert re.search(r'data-count="relations">5<', html)
    assert re.search(r'data-count="errors">1<', html)  # a duplicate is listed, not counted
    assert "corpus/again.txt" in html
    assert '<option value="VISITED">VISITED (3)</option>' in html
    for doc_id in TEXTS:
        assert f'id="doc-{doc_id}"' in html
        assert f'href="#doc-{doc_id}"' in html
    assert "вице-губернатор" in html
    assert "testrun" in html


def test_report_is_self_contained(made_run: Path) -> None:
    html = (made_run / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_article_markup_is_escaped(made_run: Path) -> None:
    html = (made_run / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;жирный&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>жирный" not in html
    assert "<img" not in html
    assert "Дмитрий &lt;b&gt;Ялов&lt;/b&gt;" in html  # a name from the tables
    assert 'href="javascript:' not in html
    assert "<script>alert(3)" not in html  # the manifest


def test_delegation_flow_counts() -> None:
    tables = {"relations": _relations_frame()}
    flow = delegation_flow(tables["relations"])
    assert flow.to_dict("records") == [
        {"origin": "Китай", "site": "технопарк «Идея»", "site_type": "PARK", "count": 1},
        {"origin": "Япония", "site": "Нанопарк Гатчина", "site_type": "PARK", "count": 1},
        {"origin": "Япония", "site": "технопарк «Идея»", "site_type": "PARK", "count": 1},
    ]
    html = render_report(tables)
    svg = re.search(r'<svg[^>]*id="delegation-flow".*?</svg>', html, re.S)
    assert svg is not None
    assert "Япония" in svg.group(0) and "технопарк «Идея»" in svg.group(0)
    assert '<tspan class="count">(2)</tspan>' in svg.group(0)  # Япония: 2 visits; «Идея»: 2


def test_delegation_flow_repeated_visits_and_unknown_origin() -> None:
    visits = [("d1", "Япония", "технопарк «Идея»"), ("d2", "Япония", "технопарк «Идея»"),
              ("d3", "", "технопарк «Идея»")]
    flow = delegation_flow(_relations_frame(visits))
    assert flow.to_dict("records") == [
        {"origin": "Япония", "site": "технопарк «Идея»", "site_type": "PARK", "count": 2},
        {"origin": "(origin not stated)", "site": "технопарк «Идея»", "site_type": "PARK",
         "count": 1},
    ]
    svg = re.search(r"<svg.*?</svg>", render_report({"relations": _relations_frame(visits)}),
                    re.S).group(0)
    assert re.search(r'<text class="count"[^>]*>2</text>', svg)  # the edge's count
    assert '<tspan class="count">(3)</tspan>' in svg  # the site's total


def test_delegation_flow_of_more_sites_than_it_draws_sums_the_others() -> None:
    visits = [(f"d{n}", "Япония", f"технопарк «Кедр-{n}»") for n in range(45)]
    svg = re.search(r"<svg.*?</svg>", render_report({"relations": _relations_frame(visits)}),
                    re.S).group(0)
    assert 'other sites <tspan class="count">(5)</tspan>' in svg  # drawn, in their grey


def _relations_frame(visits: list[tuple[str, str, str]] | None = None):
    import pandas as pd

    visits = visits or [("d1", "Япония", "технопарк «Идея»"), ("d2", "Япония", "Нанопарк Гатчина"),
                        ("d3", "Китай", "технопарк «Идея»")]
    rows = [{"doc_id": d, "type": "VISITED", "arg1_type": "DELEGATION",
             "arg1_normal": f"delegation:{origin}", "arg2_type": "PARK", "arg2_normal": site}
            for d, origin, site in visits]
    frame = store.SCHEMAS["relations"].empty_table().to_pandas()
    return pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)


def test_visits_by_country_group_delegations_by_their_origin_country() -> None:
    """«Visits by country»: the delegations of one country, whatever their origin (a country,
    a province, a body), one row; an origin of no known country a row of its own."""
    visits = _relations_frame([("d1", "Китай", "технопарк «Идея»"),
                               ("d2", "Хэнань", "Нанопарк Гатчина"),
                               ("d2", "Хэнань", "технопарк «Идея»"),
                               ("d3", "Япония", "технопарк «Идея»"), ("d4", "", "завод «Кедр»")])
    visits["origin_country"] = ["CN", "CN", "CN", "JP", None]
    visits["arg1_key"] = ["DELEGATION:китай", "DELEGATION:хэнань", "DELEGATION:хэнань",
                          "DELEGATION:япония", "DELEGATION:"]
    visits["arg2_key"] = ["PARK:идея", "PARK:гатчина", "PARK:идея", "PARK:идея", "ORG:кедр"]
    rows = visits_by_country(visits).to_dict("records")
    assert rows == [
        {"country": "Китай", "delegations": 2, "visits": 3, "sites": 2,
         "most_visited": "технопарк «Идея» (2), Нанопарк Гатчина (1)"},
        {"country": "(country not known)", "delegations": 1, "visits": 1, "sites": 1,
         "most_visited": "завод «Кедр» (1)"},
        {"country": "Япония", "delegations": 1, "visits": 1, "sites": 1,
         "most_visited": "технопарк «Идея» (1)"},
    ]
    html = render_report({"relations": visits})
    table = re.search(r'<table id="visits-by-country".*?</table>', html, re.S)
    assert table is not None and "Китай" in table.group(0) and "Япония" in table.group(0)


def test_report_of_nothing() -> None:
    html = render_report({})
    assert 'data-count="documents">0<' in html
    assert 'id="relations-empty"' in html and 'id="flow-empty"' in html


def test_report_without_relations(tmp_path: Path) -> None:
    out = write_run(tmp_path / "out", with_relations=False)
    html = write_report(out).read_text(encoding="utf-8")
    assert 'data-count="relations">0<' in html
    assert 'id="flow-empty"' in html


def test_cli_report(made_run: Path, tmp_path: Path) -> None:
    target = tmp_path / "nested" / "r.html"
    result = CliRunner().invoke(app, ["report", str(made_run), "--html", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nothing")])
    assert missing.exit_code == 2


@pytest.mark.slow
def test_report_of_corpus_run(corpus_run: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(corpus_run)])
    assert result.exit_code == 0, result.output
    html = (corpus_run / "report.html").read_text(encoding="utf-8")
    documents = store.read_table(corpus_run, "documents").num_rows
    relations = store.read_table(corpus_run, "relations").num_rows
    assert f'data-count="documents">{documents}<' in html
    assert f'data-count="relations">{relations}<' in html
    assert html.count('<section class="document"') == documents


# -- in a real browser ----------------------------------------------------------------------------

@needs_chromium
def test_browser_runs_the_report_without_errors(made_run: Path, tmp_path: Path) -> None:
    page = dom(tmp_path, made_run / "report.html")
    assert 'data-report-ready="yes"' in page, "the report's script did not run to the end"
    assert "data-js-error=" not in page
    assert 'data-relations-shown="5"' in page
    assert "5 of 5 shown" in page
    assert re.search(r'data-count="documents">3<', page)


@needs_chromium
def test_browser_shows_markup_as_text(made_run: Path, tmp_path: Path) -> None:
    page = dom(tmp_path, made_run / "report.html")
    assert 'data-report-ready="yes"' in page
    assert "data-pwned=" not in page, "article markup ran in the browser"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;жирный&lt;/b&gt;" in page
    assert "<b>жирный" not in page and "<img" not in page


@needs_chromium
def test_browser_filters_relations_by_type(made_run: Path, tmp_path: Path) -> None:
    page = dom(tmp_path, made_run / "report.html", "#type=VISITED")
    assert 'data-relations-shown="3"' in page
    assert "3 of 5 shown" in page


@needs_chromium
def test_browser_screenshot(made_run: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    browse(tmp_path, (made_run / "report.html").as_uri(), f"--screenshot={shot}",
           "--window-size=1280,2000", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


@needs_chromium
@pytest.mark.slow
def test_browser_corpus_report(corpus_run: Path, tmp_path: Path) -> None:
    html = write_report(corpus_run, tmp_path / "corpus.html")
    page = dom(tmp_path, html)
    assert 'data-report-ready="yes"' in page and "data-js-error=" not in page
    documents = store.read_table(corpus_run, "documents").num_rows
    assert f'data-count="documents">{documents}<' in page
