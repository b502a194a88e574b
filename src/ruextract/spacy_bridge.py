"""Our tokens as a spaCy ``Doc``, so rules can use spaCy's Matcher and DependencyMatcher."""

from __future__ import annotations

from functools import lru_cache

from .doc import Doc

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


# Lexeme attributes spaCy computes for every new word but our patterns rarely use; a vocab
# built for a rule set computes only those its patterns name (a third of the cost).
OPTIONAL_ATTRIBUTES = frozenset({"LIKE_NUM", "SHAPE", "IS_STOP", "PREFIX", "SUFFIX",
                                 "LIKE_URL", "LIKE_EMAIL", "NORM"})


@lru_cache(maxsize=8)
def vocab(attributes: frozenset[str] = OPTIONAL_ATTRIBUTES):
    """A Russian spaCy vocab that computes ``attributes`` of OPTIONAL_ATTRIBUTES (and all
    the others) for each lexeme; one vocab per attribute set, so lexemes never lack one."""
    import spacy
    from spacy.attrs import IDS

    shared = spacy.blank("ru").vocab
    for name in OPTIONAL_ATTRIBUTES - attributes:
        shared.lex_attr_getters.pop(IDS[name], None)
    return shared


def pattern_attributes(patterns: list[list[dict]]) -> frozenset[str]:
    """The optional lexeme attributes that token patterns use."""
    used = {key for pattern in patterns for token in pattern for key in token}
    return frozenset(OPTIONAL_ATTRIBUTES & used)


def to_spacy(doc: Doc, spacy_vocab=None):
    """A spaCy Doc whose token i is ``doc.tokens[i]`` (lemmas, POS, morphology, syntax)."""
    from spacy.tokens import Doc as SpacyDoc

    spacy_vocab = spacy_vocab or vocab()
    tokens = doc.tokens
    words = [t.text for t in tokens]
    spaces = [i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
    sent_starts = [False] * len(tokens)
    for sentence in doc.sentences:
        if sentence.first_token < len(tokens):
            sent_starts[sentence.first_token] = True
    heads = []
    for i, t in enumerate(tokens):
        head = t.head_id
        same_sentence = 0 <= head < len(tokens) and tokens[head].sent_id == t.sent_id
        heads.append(head if same_sentence else i)
    kwargs = {
        "words": words, "spaces": spaces,
        "lemmas": [t.lemma or t.text.lower() for t in tokens],
        "pos": [t.pos if t.pos in UPOS else "X" for t in tokens],
        "morphs": [t.feats for t in tokens],
    }
    try:
        return SpacyDoc(spacy_vocab, heads=heads, deps=[t.rel or "dep" for t in tokens],
                        **kwargs)
    except ValueError:
        # A tree spaCy rejects (slovnet can produce cycles): keep sentences, drop syntax.
        return SpacyDoc(spacy_vocab, sent_starts=sent_starts, **kwargs)
