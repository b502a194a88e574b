"""Keys in a run's output: the names table, delegations' origins, re-keying on a re-run,
and a later batch that reuses the keys of an earlier one."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from conftest import CORPUS
from ruextract import memo, rerun, store
from ruextract.keys import NAMES_SCHEMA
from ruextract.pipeline import run

pytestmark = pytest.mark.slow
SAMPLES = sorted(CORPUS.glob("sample_0*.txt"))


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory, pipeline) -> Path:
    out = tmp_path_factory.mktemp("keys") / "out"
    run(SAMPLES[:2], out, pipeline=pipeline)
    return out


def test_the_names_table_lists_every_name_of_each_key(two_articles: Path) -> None:
    names = store.read_table(two_articles, "names").to_pylist()
    entities = store.read_table(two_articles, "entities").to_pylist()
    keys = {e["entity_key"] for e in entities if e["type"] != "DELEGATION"}
    assert {n["entity_key"] for n in names} == keys
    for entity in entities:
        if entity["type"] != "DELEGATION":
            for alias in {entity["normal"], *entity["aliases"]}:
                assert {"entity_key": entity["entity_key"], "alias": alias} in [
                    {"entity_key": n["entity_key"], "alias": n["alias"]} for n in names]
    mentions = store.read_table(two_articles, "mentions").to_pylist()
    key_of = {(e["doc_id"], e["entity_id"]): e["entity_key"] for e in entities}
    pairs = {(n["entity_key"], n["alias"]) for n in names}
    for mention in mentions:
        key = key_of[(mention["doc_id"], mention["entity_id"])]
        if not key.startswith("DELEGATION:"):
            assert (key, mention["normal"]) in pairs
    russia = [n for n in names if n["entity_key"] == "LOC:россия"]
    assert russia and max(n["n_documents"] for n in russia) == 1


def test_delegations_and_their_relations_carry_the_origin(two_articles: Path) -> None:
    entities = store.read_table(two_articles, "entities").to_pylist()
    origins = {(e["normal"], e["origin_key"], e["origin_country"])
               for e in entities if e["type"] == "DELEGATION"}
    assert ("Япония", "LOC:япония", "JP") in origins
    relations = store.read_table(two_articles, "relations").to_pylist()
    visits = [r for r in relations if r["type"] == "VISITED" and r["arg1_type"] == "DELEGATION"]
    assert visits and all(r["origin_key"] and r["arg2_key"] for r in visits)
    assert {r["origin_country"] for r in visits} >= {"JP"}


@pytest.mark.parametrize("text, country", [
    # a body whose name names its country; a province the document places in its country
    ("Делегация Министерства промышленности Республики Узбекистан посетила технопарк «Кедр».",
     "UZ"),
    ("Делегация провинции Кедрань (Вьетнам) посетила технопарк «Кедр» в Калуге.", "VN"),
])
def test_an_origin_the_gazetteer_lacks_takes_the_country_its_document_gives(text, country):
    from ruextract import api

    relations = api.process([text])["relations"]
    visits = relations[relations.type == "VISITED"]
    assert len(visits) and set(visits.origin_country) == {country}


def test_an_ambiguous_abbreviation_of_origin_is_the_place_its_document_names():
    """«Делегация РБ» with «правительства Башкортостана» in the text comes from Bashkiria
    (RU), not Belarus, which the abbreviation alone reads as."""
    from ruextract import api

    entities = api.process(["Делегация РБ во главе с заместителем премьер-министра "
                            "правительства Башкортостана Рустемом Кедровым посетила технопарк "
                            "«Кедр» в Калуге."])["entities"]
    delegation = entities[entities.type == "DELEGATION"]
    assert list(delegation.origin_key) == ["LOC:республика башкортостан"]
    assert list(delegation.origin_country) == ["RU"]


def test_parks_of_one_name_placed_in_two_regions_are_two_parks():
    from ruextract import api

    entities = api.process(["Делегация посетила индустриальный парк «Кедровый» в Череповце.",
                            "Гости осмотрели технопарк «Кедровый» в Мурманске.",
                            "Делегация посетила технопарк «Кедровый» в Череповце.",
                            "Норвежцы прибыли в Мурманск. Их принял технопарк «Кедровый»."]
                           )["entities"]
    parks = entities[entities.type == "PARK"]
    assert parks.entity_key.nunique() == 2, parks[["normal", "entity_key"]]
    # a document that does not place the park but names one of its regions: that region's
    assert parks.entity_key.iloc[3] == parks.entity_key.iloc[1] != parks.entity_key.iloc[0]


def test_parks_of_one_name_placed_in_two_countries_and_a_document_naming_one():
    """A document that does not place the park but names places of one of its countries
    gives it that country's key (s50)."""
    from ruextract import api

    entities = api.process(["Делегация посетила индустриальный парк «Кедровый» в Самаре.",
                            "Гости осмотрели индустриальный парк «Кедровый» в Караганде.",
                            "Гости побывали в индустриальном парке «Кедровый» в Самаре.",
                            "В Караганде прошла встреча. Инвесторы индустриального парка "
                            "«Кедровый» рассказали о планах."])["entities"]
    parks = entities[entities.type == "PARK"]
    assert parks.entity_key.nunique() == 2, parks[["normal", "entity_key"]]
    assert parks.entity_key.iloc[3] == parks.entity_key.iloc[1] != parks.entity_key.iloc[0]


def test_a_park_placed_in_a_district_the_document_places_in_a_region_is_that_regions():
    """A district the gazetteer lacks places a park in the region the document puts the
    district in (s43)."""
    from ruextract import api

    entities = api.process([
        "Делегация посетила индустриальный парк «Кедровый» в Череповце.",
        "Гости осмотрели технопарк «Кедровый» в Сосновском районе Мурманской области.",
        "Делегация посетила индустриальный парк «Кедровый» в Череповце."])["entities"]
    parks = entities[entities.type == "PARK"]
    assert parks.entity_key.nunique() == 2, parks[["normal", "entity_key"]]


def test_a_parks_bare_quoted_name_is_the_park_however_often_ner_reads_it_otherwise():
    """«технопарк «Ёлкино»» by a rule, then «Ёлкино» twice read by NER as a company: one
    park, one key."""
    from ruextract import api

    entities = api.process(["Делегация Самары посетила технопарк «Ёлкино».\n\nОпыт «Ёлкино» "
                            "может пригодиться.\n\nСамара стала третьим городом, чья делегация "
                            "приехала в «Ёлкино»."])["entities"]
    named = entities[entities.normal.str.contains("лкино")]
    assert set(named.entity_key) == {"PARK:елкино"}, named[["type", "normal", "entity_key"]]


def test_a_park_in_a_federal_city_and_in_the_region_around_it_is_one_park():
    from ruextract import api

    entities = api.process(["Делегация посетила технопарк «Кедроград» в Москве.",
                            "Гости осмотрели технопарк «Кедроград» в Москве.",
                            "Гости осмотрели технопарк «Кедроград» в Московской области."]
                           )["entities"]
    assert set(entities[entities.type == "PARK"].entity_key) == {"PARK:кедроград"}


def test_a_town_its_mayor_or_people_name_is_not_the_park_named_after_it():
    """«мэр Ольховска», «Жители Ольховска» beside «индустриальный парк «Ольховск»»: the town."""
    from ruextract import api

    entities = api.process(["Индустриальный парк «Ольховск» принял делегацию. Мэр Ольховска "
                            "Олег Зуев встретил гостей. Жители Ольховска ждут рабочих мест."]
                           )["entities"]
    assert {"PARK:ольховск", "LOC:ольховск"} <= set(entities.entity_key)


def test_a_town_named_like_its_region_is_another_thing():
    """«губернаторства Асуан» and «в городе Асуане» in one document: two places, the town's
    key marked; «в городе Ниигате» alone too, the gazetteer knowing a town of the name beside
    the prefecture; «города Асуан» alone is the one place the gazetteer knows (a city the
    subdivisions list as a region, «Пусан», is written so); a name it does not know, told
    apart by the document's words («штата Лагос», «в городе Лагосе»)."""
    from ruextract import api

    entities = api.process(["Делегация губернаторства Асуан посетила Казань. Переговоры прошли "
                            "в городе Асуане.", "Завод открылся в городе Ниигате.",
                            "Завод открылся в городе Асуане.",
                            "Делегация штата Лагос прибыла в Казань. Переговоры прошли в городе "
                            "Лагосе."])["entities"]
    places = entities[(entities.type == "LOC") & (entities.normal != "Казань")]
    keys = places.groupby("doc_id", sort=False).entity_key.apply(set)
    assert list(keys) == [{"LOC:асуан", "LOC:асуан (город)"}, {"LOC:ниигата (город)"},
                          {"LOC:асуан"}, {"LOC:лагос", "LOC:лагос (город)"}]


def test_a_group_of_companies_is_not_the_park_of_its_name():
    """«ГК «Ольхтера»» and «группа компаний «Ольхтера»», the park's owner, beside
    «индустриальный парк «Ольхтера»» in one document and alone in another: the company's
    key, not the park's (s67)."""
    from ruextract import api

    entities = api.process(["Делегация посетила индустриальный парк «Ольхтера». Парк создан "
                            "группой компаний «Ольхтера». Гостей встретил председатель ГК "
                            "«Ольхтера» Глеб Кедров.",
                            "Группа компаний «Ольхтера» вложит в завод 2 млрд рублей. ГК "
                            "«Ольхтера» создаст 300 рабочих мест."])["entities"]
    named = entities[entities.normal.str.contains("Ольхтера")]
    keys = named.groupby("doc_id", sort=False).entity_key.apply(set)
    assert list(keys) == [{"PARK:ольхтера", "ORG:ольхтера"}, {"ORG:ольхтера"}], \
        named[["type", "normal", "entity_key"]]


def test_a_towns_informal_name_read_as_a_first_name_is_the_town():
    """«верфям Питера» (NER: a person) beside «Санкт-Петербург» in another document: one
    place, one key (s67)."""
    from ruextract import api

    entities = api.process(["Завод уже поставляет двигатели верфям Питера, а с запуском сборки "
                            "сможет сократить сроки.",
                            "Делегация прибыла в Санкт-Петербург."])["entities"]
    assert set(entities[entities.type == "LOC"].entity_key) == {"LOC:санкт-петербург"}, \
        entities[["type", "normal", "entity_key"]]


def test_a_person_beside_a_company_of_the_surname_stays_a_person():
    from ruextract import api

    mentions = api.process(["Предприниматель Иван Кедров основал завод «Кедров» в Омске. Кедров "
                            "рассказал делегации о планах. Кедров также отметил рост продаж."]
                           )["mentions"]
    assert "PER" in set(mentions[mentions.text == "Кедров"].type)


def test_a_rerun_of_the_entities_stage_makes_every_key_again(two_articles: Path,
                                                               tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(two_articles, out)
    # keys as an older ruextract wrote them: a re-run must not keep them, even for the
    # documents whose stored rows stand (nothing else changed)
    data = store.read_table(out, "entities")
    keys = pc.binary_join_element_wise(data.column("type"), pa.scalar("-old"), "")
    data = data.set_column(data.schema.get_field_index("entity_key"), "entity_key", keys)
    parts = sorted((out / "entities").glob("*.parquet"))
    for path in parts:
        path.unlink()
    store.write_table(out, "entities", data, parts[0].stem)
    memo.forget_rules(out)  # (an older ruextract's record, if any, has another stamp)
    rerun.rerun(out, "entities", workers=1)
    assert store.read_table(out, "entities").column("entity_key").to_pylist() == \
        store.read_table(two_articles, "entities").column("entity_key").to_pylist()
    assert store.read_table(out, "names").equals(store.read_table(two_articles, "names"))


def test_a_later_batch_reuses_the_keys_of_an_earlier_one(two_articles: Path, tmp_path: Path,
                                                         pipeline) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(two_articles, out)
    # an earlier batch keyed Russia its own way (as a user might have renamed it)
    names = store.read_table(out, "names")
    renamed = pc.if_else(pc.equal(names.column("entity_key"), "LOC:россия"),
                         "LOC:российская федерация (ранее)", names.column("entity_key"))
    names = names.set_column(0, "entity_key", renamed)
    store.write_table(out, "names", names.cast(NAMES_SCHEMA), "names")

    run([SAMPLES[2]], out, pipeline=pipeline)  # sample_03 also names Russia

    entities = store.read_table(out, "entities").to_pylist()
    later = {e["entity_key"] for e in entities if e["normal"] == "Россия"}
    assert "LOC:российская федерация (ранее)" in later
    names = store.read_table(out, "names").to_pylist()
    assert any(n["entity_key"] == "LOC:российская федерация (ранее)" for n in names)


def test_a_later_batch_adds_its_names_to_the_names_table(two_articles: Path, tmp_path: Path,
                                                         pipeline) -> None:
    import shutil

    from ruextract.keys import names_table

    out = tmp_path / "out"
    shutil.copytree(two_articles, out)
    run([SAMPLES[2]], out, pipeline=pipeline)  # counted and added, not recounted

    recounted = names_table(store.read_table(out, "entities"), store.read_table(out, "mentions"))
    assert store.read_table(out, "names").equals(recounted)


def test_a_later_batch_hears_its_latin_names_in_the_earlier_ones_cyrillic(tmp_path: Path,
                                                                         pipeline) -> None:
    # one person written in Cyrillic in the first batch and in Latin letters in the second
    # gets the key the first gave, as one run of both would (s44)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Делегация из Турции посетила Казань. Делегацию возглавил Мехмет "
                     "Кедроглу, вице-президент компании «Ольха Макина».", encoding="utf-8")
    second.write_text("Переговоры в Омске провёл Mehmet Kedroglu, вице-президент компании "
                      "«Ольха Макина».", encoding="utf-8")
    out = tmp_path / "out"
    run([first], out, pipeline=pipeline)
    run([second], out, pipeline=pipeline)
    keys = {e["normal"]: e["entity_key"] for e in store.read_table(out, "entities").to_pylist()}
    assert keys["Mehmet Kedroglu"] == keys["Мехмет Кедроглу"]
