"""The spaCy bridge: a vocab computes the optional lexeme attributes its patterns use."""

from __future__ import annotations

from conftest import assert_fresh_interpreter_prints_ok
from ruextract.spacy_bridge import pattern_attributes, vocab


def test_pattern_attributes_are_those_the_patterns_name():
    patterns = [[{"LIKE_NUM": True}, {"LEMMA": "форум"}], [{"LOWER": "оэз"}]]
    assert pattern_attributes(patterns) == frozenset({"LIKE_NUM"})


def test_a_vocab_computes_what_its_rules_use():
    assert vocab(frozenset({"LIKE_NUM"}))["двадцать"].like_num
    assert vocab()["25"].like_num  # the default vocab computes every attribute
    assert not vocab(frozenset())["25"].like_num  # not asked for: not computed


# -- building only what the rules can use ----------------------------------------------------

def _doc(sentences: list[list[tuple[str, str]]]):
    """A Doc of (text, lemma) tokens, one list per sentence."""
    from ruextract.doc import Doc, RawDoc, Sentence, Token

    tokens, doc_sentences, at = [], [], 0
    for sent_id, words in enumerate(sentences):
        first = len(tokens)
        for text, lemma in words:
            tokens.append(Token(at, at + len(text), text, sent_id, len(tokens), lemma, "NOUN",
                                "", -1, "root"))
            at += len(text) + 1
        doc_sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    text = " ".join(t.text for t in tokens)
    doc = Doc("d", RawDoc("d.txt", text, "utf-8", "txt"), text, None, None)
    doc.tokens, doc.sentences = tokens, doc_sentences
    return doc


PARK_QUOTED = [{"LEMMA": {"IN": ["парк", "технопарк"]}}, {"ORTH": "«"},
               {"ORTH": {"NOT_IN": ["»"]}, "OP": "+"}, {"ORTH": "»"}]


def test_only_sentences_holding_a_patterns_required_words_are_matched():
    from ruextract.spacy_bridge import PatternAnchors

    doc = _doc([[("Гости", "гость"), ("приехали", "приехать")],
                [("парк", "парк"), ("«", "«"), ("Есипово", "есипово"), ("»", "»")],
                [("Парк", "парк"), ("большой", "большой")],  # no quotes near: cannot match
                [("Гости", "гость")], [("Гости", "гость")],
                [("технопарк", "технопарк"), ("«", "«")],  # the name runs on …
                [("Нанополис", "нанополис"), ("»", "»")]])  # … past a sentence end
    assert list(PatternAnchors([PARK_QUOTED]).sentence_runs(doc)) == [(2, 6, 1), (10, 14, 1)]


def test_a_match_over_three_sentences_is_looked_for_and_keys_may_be_lower_case():
    from ruextract.spacy_bridge import PatternAnchors, pattern_keys

    doc = _doc([[("технопарк", "технопарк"), ("«", "«")], [("Нано", "нано")],
                [("Полис", "полис"), ("»", "»")], [("Гости", "гость")]])
    assert list(PatternAnchors([PARK_QUOTED]).sentence_runs(doc)) == [(0, 5, 1)]
    lower_case = [[{"lemma": {"IN": ["технопарк"]}}, {"orth": "«"}]]
    assert list(PatternAnchors(lower_case).sentence_runs(doc)) == [(0, 2, 1)]
    assert pattern_keys(lower_case) == {"LEMMA", "ORTH"}


def test_each_run_of_sentences_is_matched_against_the_rules_it_may_match():
    from ruextract.spacy_bridge import PatternAnchors

    forum = [{"LEMMA": "форум"}, {"ORTH": "«"}]
    doc = _doc([[("парк", "парк"), ("«", "«"), ("Есипово", "есипово"), ("»", "»")],
                [("Гости", "гость")], [("Гости", "гость")], [("Гости", "гость")],
                [("форум", "форум"), ("«", "«")]])
    assert list(PatternAnchors([PARK_QUOTED, forum]).sentence_runs(doc)) == [
        (0, 4, 0b01), (7, 9, 0b10)]


def test_a_pattern_without_literal_words_matches_everywhere():
    from ruextract.spacy_bridge import PatternAnchors

    doc = _doc([[("Гости", "гость")], [("приехали", "приехать")]])
    anchors = PatternAnchors([PARK_QUOTED, [{"IS_TITLE": True}, {"LEMMA": "парк", "OP": "?"}]])
    assert list(anchors.sentence_runs(doc)) == [(0, 2, 0b11)]


def test_a_spacy_doc_of_some_sentences_has_only_the_attributes_asked_for():
    from ruextract.spacy_bridge import to_spacy

    doc = _doc([[("Гости", "гость")], [("парк", "парк"), ("«", "«")], [("Юг", "юг")]])
    spacy_doc = to_spacy(doc, attributes=frozenset({"LEMMA"}), first=1, stop=3)
    assert [t.text for t in spacy_doc] == ["парк", "«"]
    assert [t.lemma_ for t in spacy_doc] == ["парк", "«"]
    assert [t.pos_ for t in spacy_doc] == ["", ""]
    assert spacy_doc[0].is_sent_start


SPACY_WITHOUT_ITS_CLI = """
import sys
from ruextract.spacy_bridge import import_spacy, vocab
spacy = import_spacy()
from spacy.matcher import Matcher
matcher = Matcher(vocab())
matcher.add("x", [[{"LOWER": "форум"}]])
assert "spacy.cli" not in sys.modules and "typer" not in sys.modules
assert spacy.info()["spacy_version"] == spacy.__version__  # imports the command line now
import spacy.cli
assert callable(spacy.cli.download)
print("ok")
"""


def test_spacy_is_imported_without_its_command_line_which_still_works_when_asked_for():
    assert_fresh_interpreter_prints_ok(SPACY_WITHOUT_ITS_CLI)
