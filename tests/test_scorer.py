"""The fact scorer: features of a fact, the model file, and its rebuild from the collected facts."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

from ruextract.doc import RawDoc
from ruextract.relations import RelationExtractor
from ruextract.relations.scorer import SCORER_PATH, FactScorer, logit

ROOT = Path(__file__).resolve().parents[1]
VISIT = ("Делегация провинции Хэнань посетила технопарк «Кедр». Затем делегация провинции "
         "Хэнань осмотрела цеха завода «Сосна».")


def _doc(pipeline, text: str):
    raw = RawDoc(source="t.txt", raw_text=text, encoding="utf-8", format="txt")
    (doc,) = pipeline.process([pipeline.normaliser.prepare(raw)])
    return doc


def _features(pipeline, text: str) -> dict[tuple[str, str], dict[str, float]]:
    """Each fact's features by (type, site or second argument's normal form)."""
    extractor: RelationExtractor = pipeline.relation_extractor
    extractor.record_features = True
    try:
        doc = _doc(pipeline, text)
        facts = extractor.features.pop(doc.doc_id)
    finally:
        extractor.record_features = False
    return {(r.type, doc.entities[r.arg2].normal): values for r, values in facts}


def test_a_fact_s_features_name_its_rule_its_arguments_and_the_document(rules_pipeline):
    features = _features(rules_pipeline, VISIT)
    park = features[("VISITED", "Технопарк «Кедр»")]
    assert park["bias"] == 1.0
    assert park["arg2_here"] == 1.0  # the park is named in the sentence that states the visit
    # the group visited two sites: each visit is one of two
    assert park["arg1_fanout"] == pytest.approx(math.log(2))


def test_the_fanout_is_also_given_under_the_fact_s_type(rules_pipeline):
    park = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    assert park["arg1_fanout|VISITED"] == park["arg1_fanout"] == pytest.approx(math.log(2))
    assert not any(name.startswith("arg1_fanout|") and name != "arg1_fanout|VISITED"
                   for name in park)


def test_the_arguments_distance_grows_with_the_words_between_them(rules_pipeline):
    features = _features(rules_pipeline, "Делегация провинции Хэнань в ходе визита в Пензу, "
                         "который длился три дня и был очень насыщенным, посетила технопарк "
                         "«Кедр».")
    near = features[("VISITED", "Пенза")]["arg_distance"]
    far = features[("VISITED", "Технопарк «Кедр»")]["arg_distance"]
    assert 0 < near < far  # logs of the tokens between the group's word and the site's


def test_a_plan_word_in_the_fact_s_sentence_is_a_cue(rules_pipeline):
    planning = _features(rules_pipeline, "Делегация провинции Хэнань, которая планирует открыть "
                         "завод в Пензе, посетила технопарк «Кедр».")
    assert planning[("VISITED", "Технопарк «Кедр»")]["sent_plan_word"] == 1.0
    plain = _features(rules_pipeline, VISIT)
    assert plain[("VISITED", "Технопарк «Кедр»")]["sent_plan_word"] == 0.0


def test_a_visit_verb_in_the_past_in_the_fact_s_sentence_is_a_cue(rules_pipeline):
    past = _features(rules_pipeline, VISIT)
    assert past[("DELEGATION_FROM", "Хэнань")]["sent_past_visit"] == 1.0  # «посетила»
    future = _features(rules_pipeline, "Делегация провинции Хэнань посетит технопарк «Кедр».")
    assert future[("DELEGATION_FROM", "Хэнань")]["sent_past_visit"] == 0.0  # «посетит»


def test_a_group_that_is_the_subject_of_its_visit_is_a_cue(rules_pipeline):
    subject = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    assert subject["arg1_subject|VISITED"] == 1.0  # «делегация … посетила технопарк»
    shown = _features(rules_pipeline, "В рамках визита делегации провинции Хэнань был показан "
                      "технопарк «Кедр».")
    assert shown[("VISITED", "Технопарк «Кедр»")]["arg1_subject|VISITED"] == 0.0


def test_a_site_listed_after_another_is_a_cue(rules_pipeline):
    listed = _features(rules_pipeline, "Делегация провинции Хэнань побывала в Казани, Самаре "
                       "и Уфе.")
    assert listed[("VISITED", "Казань")]["arg2_listed|VISITED"] == 0.0  # the list's head
    assert listed[("VISITED", "Уфа")]["arg2_listed|VISITED"] == 1.0


def test_a_group_called_guests_is_a_cue(rules_pipeline):
    guests = _features(rules_pipeline, "В Пензу прибыла делегация провинции Хэнань. Гости "
                       "осмотрели технопарк «Кедр».")
    assert guests[("VISITED", "Технопарк «Кедр»")]["arg1_guests|VISITED"] == 1.0
    assert guests[("VISITED", "Пенза")]["arg1_guests|VISITED"] == 0.0  # «делегация»


def test_a_headline_is_a_line_of_its_own_without_a_full_stop(rules_pipeline):
    features = _features(rules_pipeline, "Делегация провинции Хэнань посетила Пензу\n\nЗатем "
                         "делегация провинции Хэнань осмотрела цеха завода «Сосна».")
    assert features[("VISITED", "Пенза")]["sent_headline|VISITED"] == 1.0
    assert features[("VISITED", "Сосна")]["sent_headline|VISITED"] == 0.0
    # a line ending in a closing quote counts as ended (a name or speech closes it)
    park = _features(rules_pipeline, VISIT.replace("».", "»\n", 1))[("VISITED", "Технопарк «Кедр»")]
    assert park["sent_headline|VISITED"] == 0.0


def test_direct_speech_in_the_fact_s_sentence_is_a_cue_by_type(rules_pipeline):
    quoted = _features(rules_pipeline, "«Мы впервые приехали к вам и очень рады встрече», — "
                       "сказал глава делегации провинции Хэнань, посетившей технопарк «Кедр».")
    park = quoted[("VISITED", "Технопарк «Кедр»")]
    assert park["sent_quoted|VISITED"] == 1.0
    assert not any(name.startswith("sent_quoted") and name != "sent_quoted|VISITED"
                   for name in park)
    plain = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    assert plain["sent_quoted|VISITED"] == 0.0  # «Кедр» is a name, not speech


def test_visit_cues_are_given_for_visits_alone(rules_pipeline):
    origin = _features(rules_pipeline, VISIT)[("DELEGATION_FROM", "Хэнань")]
    assert not any(name.endswith("|VISITED") for name in origin)


def test_a_site_under_a_host_s_verb_is_a_cue(rules_pipeline):
    hosted = _features(rules_pipeline, "Губернатор Олег Ивин принял делегацию провинции Хэнань "
                       "в технопарке «Кедр».")
    assert hosted[("VISITED", "Технопарк «Кедр»")]["arg2_host_verb|VISITED"] == 1.0
    plain = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    assert plain["arg2_host_verb|VISITED"] == 0.0  # «посетила»


def test_a_visit_told_in_two_sentences_is_a_cue(rules_pipeline):
    twice = _features(rules_pipeline, "Делегация провинции Хэнань посетила технопарк «Кедр». "
                      "В технопарке «Кедр» делегация провинции Хэнань осмотрела цеха.")
    assert twice[("VISITED", "Технопарк «Кедр»")]["sentences|VISITED"] == pytest.approx(
        math.log(2))
    once = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    assert once["sentences|VISITED"] == 0.0


def test_a_place_given_far_from_the_thing_s_first_mention_is_a_cue(rules_pipeline):
    late = _features(rules_pipeline, "Технопарк «Кедр» открылся три года назад. Там работают "
                     "сорок компаний. Технопарк «Кедр» расположен в Пензе.")
    assert late[("LOCATED_IN", "Пенза")]["arg1_gap|LOCATED_IN"] == pytest.approx(math.log(3))
    at_once = _features(rules_pipeline, "Технопарк «Кедр» расположен в Пензе.")
    assert at_once[("LOCATED_IN", "Пенза")]["arg1_gap|LOCATED_IN"] == 0.0


def test_an_employee_who_leads_a_group_is_a_cue(rules_pipeline):
    leading = _features(rules_pipeline, "Делегацию провинции Хэнань возглавил вице-губернатор "
                        "провинции Хэнань Ли Мин.")
    assert leading[("WORKS_FOR", "Хэнань")]["arg1_in_group|WORKS_FOR"] == 1.0
    apart = _features(rules_pipeline, "Делегация провинции Хэнань посетила технопарк «Кедр». "
                      "Вице-губернатор провинции Хэнань Ли Мин рассказал о планах.")
    assert apart[("WORKS_FOR", "Хэнань")]["arg1_in_group|WORKS_FOR"] == 0.0


def test_a_longer_sentence_has_a_longer_sentence_length(rules_pipeline):
    short = _features(rules_pipeline, VISIT)[("VISITED", "Технопарк «Кедр»")]
    long = _features(rules_pipeline, "Делегация провинции Хэнань, прибывшая в Пензу поездом "
                     "рано утром в понедельник, посетила технопарк «Кедр».")
    assert long[("VISITED", "Технопарк «Кедр»")]["sent_length"] > short["sent_length"] > 0


def _build_scorer():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_scorer
    finally:
        sys.path.pop(0)
    return build_scorer


def test_crossfit_auc_counts_right_facts_above_wrong_ones_and_ties_as_half():
    auc = _build_scorer().auc
    assert auc([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0
    assert auc([0.1, 0.9], [1, 0]) == 0.0
    assert auc([0.5, 0.5], [1, 0]) == 0.5


def test_crossfit_best_f1_keeps_only_thresholds_at_precision_085():
    best_f1 = _build_scorer().best_f1
    # thresholds .9 (1 of 1 right), .8 (2 of 2), .7 (2 of 3: P .67, not counted); 4 gold
    assert best_f1([0.9, 0.8, 0.7], [1, 1, 0], 4) == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    # one threshold keeps both facts at .8: P .5, never reached
    assert best_f1([0.8, 0.8], [1, 0], 2) == 0.0


def test_honest_crossfit_gives_both_halves_the_fitting_half_s_confidence():
    recalibrated = _build_scorer().recalibrated
    from ruextract.calibrate import shrunk

    def fact(half: str, right: int) -> dict:
        return {"half": half, "rule": "r", "right": right, "features": {"rule_logit": 0.0}}

    fitting = [fact("a", 1), fact("a", 1)]
    held = [fact("b", 0), fact("b", 0)]
    both = fitting + held
    shift = logit(shrunk(2, 2)) - logit(shrunk(2, 4))
    # the held half's own labels (all wrong) must not enter its confidence
    for f in recalibrated(fitting, fitting, both) + recalibrated(held, fitting, both):
        assert f["features"]["rule_logit"] == pytest.approx(shift)


def test_the_rule_logit_is_finite_at_the_ends():
    assert logit(1.0) == pytest.approx(-logit(0.0))
    assert abs(logit(1.0)) < 5


def test_a_model_of_the_rule_logit_alone_gives_the_rule_s_confidence(rules_pipeline, tmp_path):
    identity = FactScorer({"rule_logit": 1.0}, "identity")
    extractor = RelationExtractor(rules_pipeline.rules, rules_pipeline.analyzer, scorer=identity)
    plain = {(r.type, r.arg1, r.arg2): r.confidence for r in _doc(rules_pipeline, VISIT).relations}
    saved = rules_pipeline.relation_extractor
    rules_pipeline.relation_extractor = extractor
    try:
        scored = {(r.type, r.arg1, r.arg2): r.confidence
                  for r in _doc(rules_pipeline, VISIT).relations}
    finally:
        rules_pipeline.relation_extractor = saved
    assert plain and scored.keys() == plain.keys()
    for key, confidence in plain.items():
        assert scored[key] == pytest.approx(min(max(confidence, 0.02), 0.98), abs=0.011)


def test_unknown_features_weigh_nothing():
    scorer = FactScorer({"bias": 0.0, "rule_logit": 1.0}, "x")
    assert scorer.probability({"rule_logit": 0.0, "type=NEW_RELATION": 5.0}) == 0.5


def test_no_model_file_means_no_scorer(tmp_path: Path):
    assert FactScorer.load(tmp_path / "absent.json") is None


def test_the_scorer_is_part_of_the_relations_fingerprint(rules_pipeline):
    one = RelationExtractor(rules_pipeline.rules, rules_pipeline.analyzer,
                            scorer=FactScorer({"bias": 1.0}, "one"))
    two = RelationExtractor(rules_pipeline.rules, rules_pipeline.analyzer,
                            scorer=FactScorer({"bias": 1.0}, "two"))
    none = RelationExtractor(rules_pipeline.rules, rules_pipeline.analyzer, scorer=False)
    assert len({one.fingerprint, two.fingerprint, none.fingerprint}) == 3


def test_the_shipped_model_loads_and_leans_on_the_rule(pipeline):
    scorer = FactScorer.load(SCORER_PATH)
    assert scorer is not None and scorer.weights["rule_logit"] > 0
    assert pipeline.relation_extractor.scorer is not None


def test_a_fact_stated_by_two_rules_counts_both(rules_pipeline):
    features = _features(rules_pipeline, VISIT)
    assert features[("VISITED", "Технопарк «Кедр»")]["rules"] == pytest.approx(math.log(2))
    assert features[("VISITED", "Сосна")]["rules"] == 0.0


def test_make_models_rebuilds_the_shipped_model_byte_for_byte(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_scorer
    finally:
        sys.path.pop(0)
    out = tmp_path / "facts.json"
    assert build_scorer.main(["train", "--out", str(out)]) == 0
    assert out.read_bytes() == SCORER_PATH.read_bytes()
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["trained_on"]["facts"] > 1000


def test_run_without_the_scorer_keeps_the_rules_confidences(tmp_path: Path, monkeypatch):
    from typer.testing import CliRunner

    from ruextract import store
    from ruextract.cli import app
    from ruextract.rules import load_rules

    monkeypatch.setenv("RUEXTRACT_SCORER", "")  # restored after the test: the run sets it
    source = tmp_path / "visit.txt"
    source.write_text(VISIT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(out), "--workers", "1",
                                      "--min-confidence", "0", "--no-scorer"])
    assert result.exit_code == 0, result.output
    confidence = {rule.id: rule.confidence for rule in load_rules().relations}
    rows = store.read_table(out, "relations").to_pylist()
    assert rows and all(row["confidence"] == confidence[row["rule"]] for row in rows)
