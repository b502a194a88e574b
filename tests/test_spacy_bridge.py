"""The spaCy bridge: a vocab computes the optional lexeme attributes its patterns use."""

from __future__ import annotations

from ruextract.spacy_bridge import pattern_attributes, vocab


def test_pattern_attributes_are_those_the_patterns_name():
    patterns = [[{"LIKE_NUM": True}, {"LEMMA": "форум"}], [{"LOWER": "оэз"}]]
    assert pattern_attributes(patterns) == frozenset({"LIKE_NUM"})


def test_a_vocab_computes_what_its_rules_use():
    assert vocab(frozenset({"LIKE_NUM"}))["двадцать"].like_num
    assert vocab()["25"].like_num  # the default vocab computes every attribute
    assert not vocab(frozenset())["25"].like_num  # not asked for: not computed
