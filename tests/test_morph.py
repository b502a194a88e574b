"""The analyser's models: loaded with less work than natasha's classes, and the same models."""

from __future__ import annotations

import numpy as np


def _weights(model) -> list:
    from slovnet.exec.model import WeightsVisitor

    visitor = WeightsVisitor()
    visitor(model)
    return visitor.weights


def test_the_models_are_natashas_news_models_with_their_vocabularies_built_once():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    from ruextract.morph import MODEL_BATCH_SIZE, _load_models

    _, *loaded = _load_models(MODEL_BATCH_SIZE)
    embedding = NewsEmbedding()
    natashas = (NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
                NewsNERTagger(embedding))
    for ours, theirs in zip(loaded, natashas, strict=True):
        assert ours.batch_size == MODEL_BATCH_SIZE
        assert repr(ours.infer.model) == repr(theirs.infer.model)  # the same modules
        ours_weights, their_weights = _weights(ours.infer.model), _weights(theirs.infer.model)
        assert len(ours_weights) == len(their_weights)
        for mine, natasha in zip(ours_weights, their_weights, strict=True):
            assert mine.dtype == natasha.dtype and np.array_equal(mine.array, natasha.array)
        for name in ("words_vocab", "shapes_vocab", "batch_size"):
            mine, natasha = getattr(ours.infer.encoder, name), getattr(theirs.infer.encoder, name)
            assert getattr(mine, "items", mine) == getattr(natasha, "items", natasha)
        labels = "rels_vocab" if hasattr(theirs.infer.decoder, "rels_vocab") else "tags_vocab"
        assert getattr(ours.infer.decoder, labels).items == \
            getattr(theirs.infer.decoder, labels).items
    # one word vocabulary and one embedding for the three models
    assert len({id(model.infer.encoder.words_vocab) for model in loaded}) == 1
    assert len({id(model.infer.encoder.shapes_vocab) for model in loaded}) == 1
    assert len({id(model.infer.model.emb.word.indexes.array) for model in loaded}) == 1


def test_a_compound_of_two_nouns_has_both_parts_in_its_lemma():
    """«выставке-форуме»: the tagger gives the last part's gender, which must not choose the
    reading that leaves the first part inflected («выставке-форум»)."""
    from ruextract.morph import Analyzer

    analyzer = Analyzer()
    for word, feats, lemma in [
        ("выставке-форуме", "Case=Loc|Gender=Masc|Number=Sing", "выставка-форум"),
        ("салоне-выставке", "Case=Loc|Gender=Fem|Number=Sing", "салон-выставка"),
        ("бизнес-форуме", "Case=Loc|Gender=Masc|Number=Sing", "бизнес-форум"),
        ("интернет-магазина", "Case=Gen|Gender=Masc|Number=Sing", "интернет-магазин"),
    ]:
        assert analyzer._lemma(word, "NOUN", feats) == lemma, word


def test_an_editors_gloss_in_brackets_ends_no_sentence():
    from natasha import Segmenter

    from ruextract.morph import _brackets_joined

    line = ("Делегацию возглавил советник хокима (губернатора. — Ред.) Азиз Кедров. Гости "
            "осмотрели цеха (см. фото). Затем прошли переговоры.")
    sentences = [s.text for s in _brackets_joined(line, list(Segmenter().sentenize(line)))]
    assert sentences == [
        "Делегацию возглавил советник хокима (губернатора. — Ред.) Азиз Кедров.",
        "Гости осмотрели цеха (см. фото).", "Затем прошли переговоры."]


def test_a_sentence_whose_heads_run_in_a_circle_is_read_to_its_end(pipeline):
    """The parser picks each word's head on its own, so heads may run in a circle («прошёл ←
    Раиса ← участием ← прошёл» here); a walk down a word's dependents must not follow it
    for ever (s67: this sentence took 22 GB before it was killed)."""
    from ruextract.cases import _case_doc

    text = ("На форуме городов «Кедр+», который прошёл в Казани с участием Раиса Республики "
            "Татарстан, аким области рассказал об инвестиционных возможностях региона.")
    doc = next(iter(pipeline.process([pipeline.normaliser.prepare(_case_doc(text))])))
    assert doc.tokens and not isinstance(doc, Exception)


def test_a_title_that_opens_a_sentence_is_a_noun_though_a_first_name_is_spelt_alike(pipeline):
    """«Аким области X»: Аким is a first name too, and the tagger took the sentence's first
    word for one (and «области» for a locative); a lower-case genitive it heads makes it a
    title."""
    from ruextract.cases import _case_doc

    text = "Делегация посетила Китай. Аким области Иван Кедров обсудил проекты."
    doc = next(iter(pipeline.process([pipeline.normaliser.prepare(_case_doc(text))])))
    title, region = (t for t in doc.tokens if t.text in ("Аким", "области"))
    assert title.pos == "NOUN" and "Case=Gen" in region.feats
