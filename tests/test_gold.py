"""Tests for ruextract.gold: invented fixtures (exact output) and the public datasets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ruextract.gold import (
    ENTITY_TYPES,
    RELATION_TYPES,
    GoldDoc,
    GoldFormatError,
    GoldMention,
    GoldRelation,
    _without_overlaps,
    fold,
    read_brat_gold,
    read_factru_gold,
    read_gold,
    read_jsonl_gold,
)

FIXTURES = Path(__file__).parent / "fixtures" / "gold"
DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
NEREL_DEV = DATASETS / "NEREL-v1.1" / "dev"
FACTRU_DEV = DATASETS / "factRuEval-2016" / "devset"


# --------------------------------------------------------------------------- fold


def test_fold() -> None:
    assert fold("  «Технополис   Москва» ") == "технополис москва"
    assert fold("Ёлкин\tи „Ко“") == "елкин и ко"
    assert fold('ОЭЗ "Дубна"') == fold("оэз «Дубна»") == "оэз дубна"
    assert fold("O'Neil ‘x’ “y”") == "oneil x y"


# --------------------------------------------------------------------------- JSONL


def test_jsonl_fixture() -> None:
    docs = read_jsonl_gold(FIXTURES / "gold.jsonl")
    assert docs == [
        GoldDoc(
            doc="001_alpha.txt",
            text=None,
            mentions=[
                GoldMention(13, 18, "LOC", "Альфы", "Альфа", "Альфа"),
                GoldMention(
                    28, 44, "PARK", "технопарк «Бета»", "технопарк «Бета»", "технопарк «Бета»"
                ),
                GoldMention(47, 57, "LOC", "Гаммаграде", "Гаммаград", "Гаммаград"),
            ],
            relations=[
                GoldRelation("VISITED", ("delegation:Альфа",), ("технопарк «Бета»", "Бета")),
                GoldRelation("LOCATED_IN", ("технопарк «Бета»",), ("Гаммаград",)),
            ],
            scored_types=ENTITY_TYPES,
            scored_relations=RELATION_TYPES,
        ),
        GoldDoc(
            doc="002_delta.txt",
            text=None,
            mentions=[  # sorted by offset although the line lists them the other way
                GoldMention(16, 22, "LOC", "Дельты", "Дельта", "Дельта"),
                GoldMention(23, 33, "PER", "Ефим Жуков", "Ефим Жуков", "Ефим Жуков"),
            ],
            relations=[
                GoldRelation("WORKS_FOR", ("Ефим Жуков",), ("Дельта",), "вице-губернатор"),
            ],
            scored_types=ENTITY_TYPES,
            scored_relations=RELATION_TYPES,
        ),
    ]
    assert read_gold(FIXTURES / "gold.jsonl") == docs
    assert {"PER", "ORG", "LOC", "PARK", "EVENT"} == ENTITY_TYPES
    assert len(RELATION_TYPES) == 10


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('["doc"]', "JSON object"),
        ('{"mentions": []}', "'doc'"),
        ('{"doc": "a.txt", "mentions": [{"start": 5, "end": 2, "type": "LOC"}]}', "span"),
        ('{"doc": "a.txt", "mentions": [{"start": 0, "end": 2, "type": "GPE"}]}', "type"),
        (
            '{"doc": "a.txt", "mentions": [{"start": 0, "end": 2, "type": "LOC", "text": "abc"}]}',
            "does not fit",
        ),
        (
            '{"doc": "a.txt", "relations": [{"type": "KNOWS", "arg1": "a", "arg2": "b"}]}',
            "relation type",
        ),
        ('{"doc": "a.txt", "relations": [{"type": "VISITED", "arg1": "a", "arg2": 3}]}', "arg2"),
        ('{"doc": "a.txt", "relations": [{"type": "VISITED", "arg1": [], "arg2": "b"}]}', "empty"),
    ],
)
def test_jsonl_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc": "ok.txt"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as info:
        read_jsonl_gold(path)
    assert "bad.jsonl:3:" in str(info.value)
    assert info.value.line == 3


# --------------------------------------------------------------------------- brat


def test_brat_fixture() -> None:
    docs = read_brat_gold(FIXTURES / "brat")
    text = (FIXTURES / "brat" / "doc_a.txt").read_text(encoding="utf-8")
    assert docs == [
        GoldDoc(
            doc="doc_a.txt",
            text=text,
            mentions=[
                # a Wikidata link is the mention's identity and its thing across documents
                # … and its label, the mention's own (N3)
                GoldMention(0, 11, "PER", "Иван Петров", None, "Q999999998", "wikidata:Q999999998",
                            "Петров, Иван"),
                # «Республики Альфа» (46-62) is inside the ORG: flat, outermost wins
                GoldMention(23, 62, "ORG", "Министерстве экономики Республики Альфа"),
                # the CITY is inside a PROFESSION, which is not mapped: kept
                GoldMention(74, 83, "LOC", "Бетаграда", None, "Q999999999", "wikidata:Q999999999",
                            "Бетаград"),
                GoldMention(84, 96, "PER", "Пётр Сидоров"),
                GoldMention(106, 113, "PER", "Петрова", None, "Q999999998", "wikidata:Q999999998"),
            ],
            relations=[
                # R1 and R6 (Петрова = Иван Петров via ALTERNATIVE_NAME) are one relation
                GoldRelation(
                    "WORKS_FOR",
                    ("Иван Петров", "Петров, Иван", "Петрова"),
                    ("Министерстве экономики Республики Альфа",),
                ),
                # an argument dropped by nesting keeps its text
                GoldRelation(
                    "LOCATED_IN",
                    ("Министерстве экономики Республики Альфа",),
                    ("Республики Альфа",),
                ),
                # a PROFESSION argument accepts the person linked by WORKS_AS; it is the role
                GoldRelation(
                    "WORKS_FOR",
                    ("мэр Бетаграда", "Пётр Сидоров"),
                    ("Бетаграда", "Бетаград"),
                    "мэр Бетаграда",
                ),
            ],
            scored_types=frozenset({"PER", "ORG", "LOC"}),
            scored_relations=frozenset({"WORKS_FOR", "LOCATED_IN", "PARTICIPATED_IN"}),
            quotes_in_span=False,
        )
    ]
    assert read_gold(FIXTURES / "brat") == docs
    assert read_gold(FIXTURES / "brat", format="brat") == docs


def test_brat_discontinuous_span_and_custom_maps(tmp_path: Path) -> None:
    text = "Банки Альфа и Бета закрылись.\r\n"
    (tmp_path / "d.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "d.ann").write_text(
        "T1\tORGANIZATION 0 11\tБанки Альфа\n"
        "T2\tORGANIZATION 0 5;14 18\tБанки Бета\n"
        "T3\tEVENT 19 28\tзакрылись\n"
        "R1\tPARTICIPANT_IN Arg1:T2 Arg2:T3\n",
        encoding="utf-8",
    )
    (doc,) = read_brat_gold(
        tmp_path,
        type_map={"ORGANIZATION": "ORG", "EVENT": "EVENT"},
        relation_map={"PARTICIPANT_IN": "PARTICIPATED_IN"},
    )
    assert doc.text == text  # newline="": the \r survives
    # T2 spans 0-18 (min start, max end) and so contains T1
    assert doc.mentions == [
        GoldMention(0, 18, "ORG", "Банки Альфа и Бета"),
        GoldMention(19, 28, "EVENT", "закрылись"),
    ]
    assert doc.relations == [GoldRelation("PARTICIPATED_IN", ("Банки Бета",), ("закрылись",))]
    assert doc.scored_types == {"ORG", "EVENT"}
    assert doc.scored_relations == {"PARTICIPATED_IN"}


def test_brat_errors(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Альфа", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tCITY 0 5\tАльфа\nT2\tCITY 0 x\tА\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"d\.ann:2:"):
        read_brat_gold(tmp_path)
    (tmp_path / "d.ann").write_text(
        "T1\tCITY 0 5\tАльфа\nR1\tLOCATED_IN Arg1:T1 Arg2:T9\n", encoding="utf-8"
    )
    with pytest.raises(GoldFormatError, match=r"d\.ann:2: .*T9"):
        read_brat_gold(tmp_path)
    (tmp_path / "d.txt").unlink()
    with pytest.raises(GoldFormatError, match="no text file"):
        read_brat_gold(tmp_path)


# --------------------------------------------------------------------------- factRuEval


def test_factru_fixture() -> None:
    docs = read_factru_gold(FIXTURES / "factru")
    text = (FIXTURES / "factru" / "book_1.txt").read_text(encoding="utf-8")
    person = ("Смирнова Анна", "Анна Смирнова", "Смирнова")
    assert docs == [
        GoldDoc(
            doc="book_1.txt",
            text=text,
            mentions=[  # names only: «компании» is an org_descr
                GoldMention(15, 24, "ORG", "«Ромашка»", None, "2"),
                GoldMention(25, 38, "PER", "Анна Смирнова", None, "1"),
                # the Org «мэрии Омеги» has no org_name: only the LocOrg «Омеги» is a name
                GoldMention(57, 62, "LOC", "Омеги", None, "4"),
                GoldMention(65, 73, "PER", "Смирнова", None, "1"),
                GoldMention(94, 103, "ORG", "«Ромашки»", None, "2"),
            ],
            relations=[
                GoldRelation(
                    "WORKS_FOR", person, ("Ромашка", "компании «Ромашка»", "«Ромашки»"), "Глава"
                ),
                GoldRelation("WORKS_FOR", person, ("мэрия Омеги", "мэрия", "мэрии Омеги")),
                # the Meeting fact and the Occupation without Where give nothing
            ],
            scored_types=frozenset({"PER", "ORG", "LOC"}),
            scored_relations=frozenset({"WORKS_FOR"}),
            quotes_in_span=False,
            places_in_names=False,
            tokens=docs[0].tokens,
        )
    ]
    assert [text[a:b] for a, b in docs[0].tokens][:5] == ["Глава", "компании", "«", "Ромашка", "»"]
    assert read_gold(FIXTURES / "factru") == docs


@pytest.mark.parametrize("bounds, kept", [
    ([(0, 10), (3, 5)], [0]),              # contained: the outer one stays
    ([(3, 5), (0, 10)], [1]),              # whatever the order listed
    ([(0, 5), (3, 8), (8, 9)], [0, 2]),    # crossing: the one starting later goes
    ([(0, 5), (0, 5)], [0]),               # identical: the first listed stays
    ([(0, 5), (5, 9)], [0, 1]),            # touching spans do not overlap
])
def test_factru_overlaps(bounds, kept) -> None:
    assert _without_overlaps(bounds) == kept


def test_factru_reading(tmp_path: Path) -> None:
    """naeval's reading: names only, one span a person, no overlaps, token bounds only."""
    text = "Посол Италии в Грузии Виторио Сандали посетил МИД Грузии и ПАО «Газ-Пром»."

    def span(span_id: str, kind: str, surface: str, after: str = "") -> str:
        start = text.index(surface, text.index(after) if after else 0)
        return f"{span_id} {kind} {start} {len(surface)} 0 1  # 0 {surface}"

    lines = [span("1", "loc_name", "Италии"), span("2", "loc_name", "Грузии"),
             span("3", "name", "Виторио"), span("4", "surname", "Сандали"),
             span("5", "org_name", "МИД"), span("6", "loc_name", "Грузии ", after="МИД"),
             span("7", "org_name", "Газ"), span("8", "org_descr", "ПАО")]
    (tmp_path / "book_7.txt").write_text(text, encoding="utf-8")
    (tmp_path / "book_7.spans").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "book_7.objects").write_text(
        "10 LocOrg 1\n11 Location 2\n12 Person 4 3\n13 Org 5\n14 Org 7 8\n15 Location 6\n",
        encoding="utf-8")
    (doc,) = read_factru_gold(tmp_path)
    assert [(m.type, m.text) for m in doc.mentions] == [
        ("LOC", "Италии"), ("LOC", "Грузии"), ("PER", "Виторио Сандали"), ("ORG", "МИД"),
        # «Грузии » ends in a space (off token bounds) and «Газ» inside «Газ-Пром»: dropped
    ]


def test_factru_span_outside_text(tmp_path: Path) -> None:
    (tmp_path / "book_9.txt").write_text("Альфа", encoding="utf-8")
    (tmp_path / "book_9.spans").write_text(
        "1 loc_name 0 5 1 1  # 1 Альфа\n2 loc_name 3 9 1 1\n", encoding="utf-8"
    )
    (tmp_path / "book_9.objects").write_text("5 Location 1 # Альфа\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"book_9\.spans:2:"):
        read_factru_gold(tmp_path)


def test_read_gold_detection_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot detect"):
        read_gold(tmp_path)
    with pytest.raises(ValueError, match="unknown gold format"):
        read_gold(tmp_path, format="conll")


# --------------------------------------------------------------------------- real datasets


def _assert_flat(mentions: list[GoldMention]) -> None:
    """No mention lies inside another (identical spans included)."""
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            assert not (a.start <= b.start and b.end <= a.end), (a, b)
            assert not (b.start <= a.start and a.end <= b.end), (a, b)


def test_nerel_dev() -> None:
    if not NEREL_DEV.is_dir():
        pytest.skip(f"{NEREL_DEV} is absent")
    docs = read_gold(NEREL_DEV)
    assert len(docs) == 94
    types: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    for doc in docs:
        assert doc.text is not None
        assert (NEREL_DEV / doc.doc).is_file()
        _assert_flat(doc.mentions)
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.type in doc.scored_types
            types[m.type] += 1
        for r in doc.relations:
            assert r.type in doc.scored_relations
            assert r.arg1 and r.arg2
            relations[r.type] += 1
    assert set(types) == {"PER", "ORG", "LOC"}
    assert min(types.values()) > 300
    assert set(relations) == {"WORKS_FOR", "LOCATED_IN", "PARTICIPATED_IN"}
    assert min(relations.values()) > 100


def _factru_tokens(path: Path) -> dict[int, tuple[int, str]]:
    """Token start -> (end, text) from a .tokens file, read independently of the reader."""
    tokens = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            _, start, length, token = line.split()
            tokens[int(start)] = (int(start) + int(length), token)
    return tokens


def test_factru_devset() -> None:
    if not FACTRU_DEV.is_dir():
        pytest.skip(f"{FACTRU_DEV} is absent")
    docs = read_gold(FACTRU_DEV)
    assert len(docs) == 122
    total = matching = 0
    types: Counter[str] = Counter()
    works_for = 0
    for doc in docs:
        assert doc.text is not None
        tokens = _factru_tokens(FACTRU_DEV / doc.doc.replace(".txt", ".tokens"))
        ends = {end for end, _ in tokens.values()}
        _assert_flat(doc.mentions)
        for m in doc.mentions:
            total += 1
            types[m.type] += 1
            assert m.text.strip() and doc.text[m.start : m.end] == m.text
            assert m.start in tokens and m.end in ends  # offsets are token-aligned chars
            covered = "".join(t for s, (e, t) in sorted(tokens.items()) if m.start <= s < m.end)
            matching += covered == "".join(m.text.split())
        for r in doc.relations:
            assert r.type == "WORKS_FOR" and r.arg1 and r.arg2
            works_for += 1
    assert matching >= 0.95 * total
    assert types == {"PER": 733, "ORG": 610, "LOC": 1007}  # naeval's reading of the devset
    assert works_for > 100
