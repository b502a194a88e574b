"""Relation rules: every rule's example yields its expect; razdel-style cases; score floors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ruextract.cases import facts_of
from ruextract.doc import RawDoc
from ruextract.evaluate import evaluate, fold, predictions_from_output
from ruextract.gold import read_gold
from ruextract.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
RULES = load_rules()


def facts(pipeline, text: str, date: str | None = None) -> set[str]:
    """The relations found in ``text`` as «TYPE arg1 -> arg2» lines, folded."""
    raw = RawDoc(source="t.txt", raw_text=text, encoding="utf-8", format="txt", date=date)
    doc = pipeline.normaliser.prepare(raw)
    (result,) = pipeline.process([doc])
    assert not hasattr(result, "stage"), result
    return set(facts_of(result))


def parse_fact(line: str) -> str:
    return fold(line)


def check_case(pipeline, text: str, fact: str) -> None:
    """A one-line case: «+TYPE arg1 -> arg2» must be found in ``text``, «-…» must not."""
    found = facts(pipeline, text)
    sign, line = fact[0], parse_fact(fact[1:])
    assert (line in found) == (sign == "+"), f"{fact!r} in {sorted(found)}"


@pytest.mark.parametrize("rule", RULES.relations, ids=lambda r: r.id)
def test_rule_example(pipeline, rule):
    assert rule.example and rule.expect, f"rule {rule.id} needs an example and expect"
    found = facts(pipeline, rule.example)
    for line in rule.expect:
        assert parse_fact(line) in found, f"{rule.id}: {line!r} not in {sorted(found)}"


CASES = [
    # text | a fact that must be found ('+') or must not be found ('-')
    ("Делегация из Японии посетила технопарк «Сибирский контур».",
     "+VISITED delegation:Япония -> технопарк «Сибирский контур»"),
    ("Турецкая делегация посетила технопарк «Волжская грань» вместе с партнёрами из Турции.",
     "+DELEGATION_FROM delegation:Турция -> Турция"),
    ("Делегация из Индии планирует посетить технопарк «Кулибин-Парк».",
     "-VISITED delegation:Индия -> технопарк «Кулибин-Парк»"),
    ("У делегации из Индии запланирован визит в технопарк «Кулибин-Парк».",
     "-VISITED delegation:Индия -> технопарк «Кулибин-Парк»"),
    ("Делегация из Турции посетила технопарк «Волжская грань», который находится в Чебоксарах.",
     "-VISITED delegation:Турция -> Чебоксары"),
    ("Делегация из Турции посетила технопарк «Волжская грань», который находится в Чебоксарах.",
     "+LOCATED_IN технопарк «Волжская грань» -> Чебоксары"),
    ("Технопарк «Волжская грань» посетила делегация из Турции.",
     "+VISITED delegation:Турция -> технопарк «Волжская грань»"),
    ("Вице-губернатор Нижегородской области Павел Гранин провёл встречу с делегацией из Индии.",
     "-VISITED delegation:Индия -> Нижегородская область"),
    ("Вице-губернатор Нижегородской области Павел Гранин провёл встречу с делегацией из Индии.",
     "+WORKS_FOR Павел Гранин -> Нижегородская область"),
    ("Делегацию из Турции возглавил Мехмет Кая, генеральный директор компании «Кая Текстиль».",
     "+WORKS_FOR Мехмет Кая -> Кая Текстиль"),
    ("При подписании соглашения министр торговли Китая Чэнь Дэмин заявил, что это важно.",
     "+WORKS_FOR Чэнь Дэмин -> Китай"),
    ("Владимир Монагаров и Максим Петров, руководители строительных компаний «Проспект» и "
     "«АКД», провели экскурсии.", "+WORKS_FOR Максим Петров -> АКД"),
    ("Владимир Монагаров и Максим Петров, руководители строительных компаний «Проспект» и "
     "«АКД», провели экскурсии.", "-WORKS_FOR Максим Петров -> Проспект"),
    ("Своим мнением поделятся Светлана Яковлева - директор компании «Глобал Проджект».",
     "+WORKS_FOR Светлана Яковлева -> Глобал Проджект"),
    ("Технопарк «Сибирский контур» открыт. Гостей принимал генеральный директор технопарка "
     "Олег Веденеев.", "+WORKS_FOR Олег Веденеев -> Технопарк «Сибирский контур»"),
    ("Среди задержанных оказался правозащитник Лев Пономарев, координатор движения «Левый "
     "фронт» Сергей Удальцов.", "-WORKS_FOR Лев Пономарев -> Левый фронт"),
    ("Об этом он сказал в беседе с корреспондентом «Голоса Америки» лидер движения "
     "«Родина» Александр Белов.", "-WORKS_FOR Александр Белов -> Голос Америки"),
    ("В 2005 году Андрей Соколов возглавил компанию «Уралмаш».",
     "+WORKS_FOR Андрей Соколов -> Уралмаш"),
    ("Парк находится в шанхайском районе Хункоу. Опыт Шанхая важен.",
     "+LOCATED_IN Хункоу -> Шанхай"),
    ("Делегация из Москвы побывала в Шанхае. Визит был организован в рамках участия "
     "московских компаний в 25-й Китайской международной промышленной выставке.",
     "+PARTICIPATED_IN delegation:Москва -> Китайская международная промышленная выставка"),
    ("Иван Петров выступил на форуме «Открытые инновации».",
     "+PARTICIPATED_IN Иван Петров -> Открытые инновации"),
    ("На выставке «Иннопром» компания «Уралмаш» представила новый экскаватор.",
     "+PARTICIPATED_IN Уралмаш -> Иннопром"),
    ("На форуме «Иннопром» представили доклад о компании «Уралмаш».",
     "-PARTICIPATED_IN Уралмаш -> Иннопром"),
    # a past visit reported in quoted speech, with «делегация» in its clause
    ("«Всё началось в прошлом году, когда делегация томских компаний приезжала к нам на "
     "Кюсю», — сказал Ито Кэн.", "+VISITED delegation:Томская область -> Кюсю"),
    ("«Мы хотим, чтобы делегация из Томска приехала к нам на Кюсю», — сказал Ито Кэн.",
     "-VISITED delegation:Томск -> Кюсю"),
    # the visit is to somewhere else; the event is what the companies take part in
    ("Делегация из Казани побывала в технопарке «Идея». Визит был организован в рамках "
     "участия казанских компаний в выставке «Иннопром».",
     "-VISITED delegation:Казань -> Иннопром"),
    # hosts: park staff showing the guests round; a company showing its line
    ("Делегация из Китая прибыла в Томск. Директор технопарка «Томь» Иван Орлов "
     "ознакомил китайских гостей с лабораториями.",
     "+VISITED delegation:Китай -> технопарк «Томь»"),
    ("Делегация из Китая прибыла в Томск. Директор компании «Томлайн» Иван Орлов "
     "познакомил китайских гостей с планами компании.",
     "-VISITED delegation:Китай -> Томлайн"),
    ("Делегация из Китая посетила технопарк «Томь». Гости осмотрели цеха резидентов. "
     "Компания «Томлайн» показала линию по выпуску датчиков.",
     "+VISITED delegation:Китай -> Томлайн"),
    ("Делегация из Китая посетила технопарк «Томь». Гости осмотрели цеха резидентов. "
     "О компании «Томлайн» рассказал её директор.",
     "-VISITED delegation:Китай -> Томлайн"),
    ("Делегация из Китая прибыла в Томск. Неделей ранее круглый стол в технопарке «Томь» "
     "собрал инвесторов.", "-VISITED delegation:Китай -> технопарк «Томь»"),
    # speakers: the hosts' «мы» is not the group's
    ("Делегация из Кореи посетила технопарк «Идея». «Мы рады приветствовать делегацию "
     "Кореи в нашем парке», — подчеркнул директор технопарка Олег Рыбин.",
     "-MEMBER_OF_DELEGATION Олег Рыбин -> delegation:Корея"),
    ("Делегация из Японии посетила Казань. «Я участвую в этой делегации, чтобы найти "
     "партнёров», — рассказал Сато Кэн, глава офиса мэрии Саппоро.",
     "+MEMBER_OF_DELEGATION Сато Кэн -> delegation:Япония"),
    # an official of the origin is one of a group that travels, not of one visited at home
    ("Делегация из Казани посетила технопарк «Идея» в Казани. «Мы рады гостям», — отметил "
     "министр промышленности Казани Олег Рыбин.",
     "-MEMBER_OF_DELEGATION Олег Рыбин -> delegation:Казань"),
    # speakers of an article about a discussion at a named event
    ("Об этом шел разговор на сессии «Заводы будущего». — Мы строим новые цеха, — "
     "подчеркнул директор компании «Уралмаш» Иван Сомов.",
     "+PARTICIPATED_IN Иван Сомов -> Заводы будущего"),
    ("Форум «Заводы будущего» пройдёт в мае. — Мы строим новые цеха, — подчеркнул "
     "директор компании «Уралмаш» Иван Сомов.",
     "-PARTICIPATED_IN Иван Сомов -> Заводы будущего"),
    # «который» past a parenthesis; a sub-unit named after its head word
    ("Гости побывали в парке «Бэйкэ» (Beike Park), который находится в районе Хункоу.",
     "+LOCATED_IN парк «Бэйкэ» -> Хункоу"),
    ("Выступил председатель рабочего комитета «Новый путь» Китайской ассоциации "
     "предпринимателей Ли Мин.",
     "+PART_OF Новый путь -> Китайская ассоциация предпринимателей"),
    # «её директор»: the organisation named last
    ("Среди резидентов парка — компания «Томлайн», которая выпускает датчики. Её директор "
     "Елена Орлова провела для гостей экскурсию.", "+WORKS_FOR Елена Орлова -> Томлайн"),
    ("Компания «Томлайн» наняла Петра Смирнова. Его заместитель Елена Орлова "
     "провела для гостей экскурсию.", "-WORKS_FOR Елена Орлова -> Томлайн"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_cases(pipeline, text, fact):
    found = facts(pipeline, text)
    if fact.startswith("+"):
        assert fold(fact[1:]) in found, sorted(found)
    else:
        assert fold(fact[1:]) not in found, sorted(found)


def test_date_resolved_with_article_date(pipeline):
    raw = RawDoc(source="t.txt", raw_text="В течение двух дней, 29 и 30 января, технопарк "
                 "«Идея» принимал делегацию из Японии.", encoding="utf-8", format="txt",
                 date="2015-02-10")
    doc = pipeline.normaliser.prepare(raw)
    (result,) = pipeline.process([doc])
    visits = [r for r in result.relations if r.type == "VISITED"]
    assert visits and visits[0].date_text == "29 и 30 января"
    assert visits[0].date_iso == "2015-01-29"


def test_a_fact_the_headline_states_takes_the_date_of_the_text_that_states_it_too(pipeline):
    raw = RawDoc(source="t.txt", raw_text="Делегация Египта посетила технопарк «Идея»\n\n"
                 "12 марта 2025 года технопарк «Идея» посетила делегация из Египта.",
                 encoding="utf-8", format="txt")
    (result,) = pipeline.process([pipeline.normaliser.prepare(raw)])
    visit = next(r for r in result.relations if r.type == "VISITED")
    assert (visit.sent_id, visit.date_text, visit.date_iso) == (0, "12 марта 2025 года",
                                                                 "2025-03-12")


@pytest.mark.parametrize("text, date, expected", [
    ("Технопарк «Идея» 29 и 30 января принимал делегацию из Японии.", "2015-02-10",
     ("29 и 30 января", "2015-01-29")),
    ("В декабре прошлого года технопарк «Идея» принимал делегацию из Японии.", "2015-05-10",
     ("В декабре прошлого года", "2014-12")),
    # a range: as the text gives it, from its first day
    ("С 14 по 18 октября технопарк «Идея» принимал делегацию из Японии.", "2015-11-10",
     ("С 14 по 18 октября", "2015-10-14")),
    ("Технопарк «Идея» 14–18 октября принимал делегацию из Японии.", "2015-11-10",
     ("14—18 октября", "2015-10-14")),
    # no such day: the text is kept, no date is made up
    ("Технопарк «Идея» 45 марта принимал делегацию из Японии.", "2015-05-10",
     ("45 марта", None)),
    ("Технопарк «Идея» 30 февраля принимал делегацию из Японии.", "2015-05-10",
     ("30 февраля", None)),
])
def test_visit_dates(pipeline, text, date, expected):
    raw = RawDoc(source="t.txt", raw_text=text, encoding="utf-8", format="txt", date=date)
    (result,) = pipeline.process([pipeline.normaliser.prepare(raw)])
    visits = [r for r in result.relations if r.type == "VISITED"]
    assert visits and (visits[0].date_text, visits[0].date_iso) == expected


RELATION_LISTS = sorted(path for path in (ROOT / "src" / "ruextract" / "data" / "rules"
                                          / "words").glob("*.txt")
                        if not path.stem.startswith(("org_", "park_", "zone_", "event_nouns",
                                                     "ner_stoplist")))


@pytest.mark.parametrize("path", RELATION_LISTS, ids=lambda p: p.stem)
def test_word_list_sorted_with_header(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), f"{path.name}: starts with a comment header"
    body = [line for line in lines if not line.startswith("#")]
    header = len(lines) - len(body)
    assert all(line.startswith("#") for line in lines[:header]), f"{path.name}: one header"
    assert body == sorted(set(body)), f"{path.name}: one entry a line, sorted, no repeats"


def test_group_visit_verbs_are_the_visit_verbs_of_the_group(pipeline):
    """Rule member.speaker: its own verbs and the perfective, non-host visit verbs."""
    extractor = pipeline.relation_extractor
    assert extractor.words("group_visit_verbs") | extractor.perfective_visit_verbs == {
        "увидеть", "посетить", "побывать", "приехать", "прибыть", "посмотреть", "осмотреть",
        "ознакомиться", "познакомиться", "навестить"}


def test_unknown_word_list_is_an_error(pipeline):
    with pytest.raises(KeyError, match="no_such_list"):
        pipeline.relation_extractor.words("no_such_list")


def test_delegation_entities_consistent(pipeline):
    text = "Делегация из Японии посетила технопарк «Идея». Гости осмотрели цеха."
    doc = pipeline.normaliser.prepare(RawDoc(source="t.txt", raw_text=text, encoding="utf-8",
                                             format="txt"))
    (result,) = pipeline.process([doc])
    starts = [m.start for m in result.mentions]
    assert starts == sorted(starts)
    for entity in result.entities:
        assert entity.entity_id == result.entities.index(entity)
        for index in entity.mention_ids:
            assert result.mentions[index].entity_id == entity.entity_id
    delegations = [e for e in result.entities if e.type == "DELEGATION"]
    assert len(delegations) == 1 and delegations[0].normal == "Япония"
    assert len(delegations[0].mention_ids) == 2


def _score(tmp_path: Path, inputs: list[str], gold: Path) -> dict:
    from ruextract.pipeline import run

    out = tmp_path / "out"
    run(inputs, out, workers=1)
    return evaluate(read_gold(gold), predictions_from_output(out)).as_dict()


def test_corpus_score_floor(tmp_path):
    inputs = sorted(str(p) for p in (ROOT / "corpus").glob("sample_0*.txt"))
    scores = _score(tmp_path, inputs, ROOT / "tests" / "gold" / "corpus.jsonl")
    assert scores["relations_micro"]["f1"] >= 0.93
    assert scores["relations"]["VISITED"]["f1"] >= 0.9
    assert scores["relations"]["WORKS_FOR"]["f1"] >= 0.88
    assert scores["relations"]["LOCATED_IN"]["precision"] >= 0.9


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seeds_score_floor(tmp_path):
    inputs = sorted(str(p) for p in SEEDS.glob("*.txt"))
    scores = _score(tmp_path, inputs, ROOT / "tests" / "gold" / "seeds.jsonl")
    assert scores["relations_micro"]["f1"] >= 0.85
    assert scores["relations"]["VISITED"]["f1"] >= 0.9
    assert scores["relations"]["MEMBER_OF_DELEGATION"]["f1"] >= 0.85
    assert scores["relations"]["WORKS_FOR"]["f1"] >= 0.78
    assert scores["relations_micro"]["precision"] >= 0.93


def test_each_rule_runs_the_matcher_registered_under_its_method(pipeline, monkeypatch):
    from ruextract.relations import MATCHERS, RelationExtractor

    seen = []
    monkeypatch.setitem(MATCHERS, "probe", lambda ctx, rule: seen.append((rule.id, ctx.doc)))
    probe = replace(RULES.relations[0], id="probe.rule", method="probe")
    extractor = RelationExtractor(replace(RULES, relations=[probe]), pipeline.analyzer)
    doc = pipeline.normaliser.prepare(RawDoc(source="t.txt", raw_text="Делегация приехала.",
                                             encoding="utf-8", format="txt"))
    (result,) = pipeline.process([doc])
    extractor.extract(result)
    assert seen == [("probe.rule", result)]


def test_a_rule_naming_no_matcher_is_refused_with_its_line(pipeline):
    from ruextract.relations import RelationExtractor
    from ruextract.rules import RuleValidationError

    wrong = replace(RULES.relations[1], method="no_such_matcher")
    with pytest.raises(RuleValidationError, match=f"{wrong.line}: rule '{wrong.id}': unknown "
                                                  "method 'no_such_matcher'"):
        RelationExtractor(replace(RULES, relations=[wrong]), pipeline.analyzer)


def test_two_matchers_cannot_share_a_name():
    from ruextract.relations import matcher

    with pytest.raises(ValueError, match="visit_clause"):
        matcher("visit_clause")(lambda ctx, rule: None)


def test_a_fact_two_rules_state_is_the_surer_rule_s_in_its_earliest_sentence(pipeline):
    from ruextract.relations.context import Context
    from ruextract.rules import RelationRule

    raw = RawDoc(source="t.txt", raw_text="Делегация из Лаоса посетила Омск. Гости были в Омске.",
                 encoding="utf-8", format="txt")
    (doc,) = pipeline.process([pipeline.normaliser.prepare(raw)])
    context = Context(doc, pipeline.relation_extractor.vocab)
    group = next(e.entity_id for e in doc.entities if e.type == "DELEGATION")
    town = next(e.entity_id for e in doc.entities if e.normal == "Омск")
    weak = RelationRule("weak", "VISITED", "window", confidence=0.5)
    sure = RelationRule("sure", "VISITED", "window", confidence=0.9)
    context.add(weak, group, town, sent_id=0)
    context.add(sure, group, town, sent_id=1)
    context.add(replace(sure, id="sure_later"), group, town, sent_id=2)
    (fact,) = context.found.values()
    assert (fact.rule, fact.confidence, fact.sent_id) == ("sure", 0.9, 1)


def test_the_delegation_references_index_follows_every_change():
    from ruextract.relations.context import Ref, Refs

    refs = Refs()
    refs.append(Ref(3, 0, 0, "a"))
    refs.append(Ref(9, 1, 0, "b"))
    assert refs.at(3).source == "a" and refs.at(4) is None
    assert [r.token for r in refs.in_sentence(1)] == [9]
    refs[:] = [Ref(r.token + 1, r.sent_id, 1, r.source) for r in refs]  # as delegations do
    assert refs.at(3) is None and refs.at(4).delegation == 1
    refs.append(Ref(12, 1, 0, "c"))
    assert [r.token for r in refs.in_sentence(1)] == [10, 12]
    refs.remove(refs.at(10))
    assert refs.at(10) is None and [r.token for r in refs.in_sentence(1)] == [12]
