"""Our tokens as a spaCy ``Doc``, so rules can use spaCy's Matcher and DependencyMatcher."""

from __future__ import annotations

from functools import lru_cache

from .doc import Doc

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


@lru_cache(maxsize=1)
def vocab():
    import spacy

    return spacy.blank("ru").vocab


def to_spacy(doc: Doc):
    """A spaCy Doc whose token i is ``doc.tokens[i]`` (lemmas, POS, morphology, syntax)."""
    from spacy.tokens import Doc as SpacyDoc

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
        return SpacyDoc(vocab(), heads=heads, deps=[t.rel or "dep" for t in tokens], **kwargs)
    except ValueError:
        # A tree spaCy rejects (slovnet can produce cycles): keep sentences, drop syntax.
        return SpacyDoc(vocab(), sent_starts=sent_starts, **kwargs)
