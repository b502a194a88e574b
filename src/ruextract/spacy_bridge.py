"""Our tokens as spaCy ``Doc``s, so rules can use spaCy's Matcher.

A spaCy Doc costs more to build than the Matcher costs to run, so the bridge builds only
what the rules can use: the token attributes their patterns name, and only the sentences
that hold every word some pattern requires (``PatternAnchors``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .doc import Doc

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


# Lexeme attributes spaCy computes for every new word but our patterns rarely use; a vocab
# built for a rule set computes only those its patterns name (a third of the cost).
OPTIONAL_ATTRIBUTES = frozenset({"LIKE_NUM", "SHAPE", "IS_STOP", "PREFIX", "SUFFIX",
                                 "LIKE_URL", "LIKE_EMAIL", "NORM"})
# Token (not lexeme) attributes a spaCy Doc gets from our tokens, each only if asked for.
TOKEN_ATTRIBUTES = frozenset({"LEMMA", "POS", "MORPH", "DEP"})
# Keys whose literal values a token must have: (our token's value, normalised as spaCy's).
LITERAL_KEYS = ("ORTH", "TEXT", "LOWER", "LEMMA")


def import_spacy():  # -> the spacy module
    """``import spacy`` without the command line its ``__init__`` imports for ``spacy.info``
    (``spacy.cli``: typer, weasel, requests, …; ~0.2 CPU-s of a run's start-up, which the
    forked workers wait for), which ruextract never uses. ``spacy.info()`` still works (it
    imports the real one when called), and so does ``import spacy.cli`` afterwards."""
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package with no submodules: any other import of it fails
    info.info = _spacy_info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:  # a spaCy that needs more of its command line: import it whole
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _spacy_info(*args, **kwargs):
    """``spacy.info``, its command line imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@lru_cache(maxsize=8)
def vocab(attributes: frozenset[str] = OPTIONAL_ATTRIBUTES):
    """A Russian spaCy vocab that computes ``attributes`` of OPTIONAL_ATTRIBUTES (and all
    the others) for each lexeme; one vocab per attribute set, so lexemes never lack one."""
    spacy = import_spacy()
    from spacy.attrs import IDS

    # spacy.blank's vocab, not create_vocab("ru", …) (a third of a second faster, no
    # tokenizer): the latter's lexemes did not match MORPH and IS_LOWER patterns alike
    shared = spacy.blank("ru").vocab
    for name in OPTIONAL_ATTRIBUTES - attributes:
        shared.lex_attr_getters.pop(IDS[name], None)
    return shared


def pattern_keys(patterns: list[list[dict]]) -> frozenset[str]:
    """Every attribute key that token patterns use."""
    return frozenset(key.upper() for pattern in patterns for token in pattern for key in token)


def pattern_attributes(patterns: list[list[dict]]) -> frozenset[str]:
    """The optional lexeme attributes that token patterns use."""
    return OPTIONAL_ATTRIBUTES & pattern_keys(patterns)


def to_spacy(doc: Doc, spacy_vocab=None, attributes: frozenset[str] = TOKEN_ATTRIBUTES,
             first: int = 0, stop: int | None = None):
    """A spaCy Doc of ``doc.tokens[first:stop]`` (whole sentences), token i being
    ``doc.tokens[first + i]``, with the token ``attributes`` (LEMMA, POS, MORPH, DEP) set."""
    from spacy.tokens import Doc as SpacyDoc

    spacy_vocab = spacy_vocab or vocab()
    tokens = doc.tokens[first:stop]
    words = [t.text for t in tokens]
    spaces = [i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
    kwargs: dict = {"words": words, "spaces": spaces}
    if "LEMMA" in attributes:
        kwargs["lemmas"] = [t.lemma or t.text.lower() for t in tokens]
    if "POS" in attributes:
        kwargs["pos"] = [t.pos if t.pos in UPOS else "X" for t in tokens]
    if "MORPH" in attributes:
        kwargs["morphs"] = [t.feats for t in tokens]
    sent_starts = [i == 0 or t.sent_id != tokens[i - 1].sent_id for i, t in enumerate(tokens)]
    if "DEP" in attributes:  # (then spaCy reads IS_SENT_START from the tree, not from ours)
        heads = []
        for i, t in enumerate(tokens):
            head = t.head_id - first
            same_sentence = 0 <= head < len(tokens) and tokens[head].sent_id == t.sent_id
            heads.append(head if same_sentence else i)
        try:
            return SpacyDoc(spacy_vocab, heads=heads, deps=[t.rel or "dep" for t in tokens],
                            **kwargs)
        except ValueError:
            pass  # a tree spaCy rejects (slovnet can produce cycles): keep sentences only
    return SpacyDoc(spacy_vocab, sent_starts=sent_starts, **kwargs)


MATCH_SENTENCES = 3  # a match may run over at most this many sentences (the segmenter
# sometimes cuts inside a quoted name: «технопарк «Нано. Полис»»)


class PatternAnchors:
    """The words a token pattern cannot match without: for each pattern, the tokens that
    must occur (no OP, or OP "+") with a literal ORTH/TEXT/LOWER/LEMMA value or IN list.

    A run of up to MATCH_SENTENCES sentences is worth matching only if, for some pattern,
    it holds a token for every such requirement; a pattern without any literal requirement
    makes every sentence worth matching. So a rule matches within a sentence, or over the
    boundaries of sentences that together hold its required words (up to three of them)."""

    def __init__(self, patterns: list[list[dict]]) -> None:
        # Each requirement of each pattern is a bit; a token sets the bits of the
        # requirements it meets, a pattern needs all of its bits in one run of sentences.
        self.bits: dict[str, dict[str, int]] = {"ORTH": {}, "LOWER": {}, "LEMMA": {}}
        self.pattern_masks: list[int] = []
        self.match_everything = False
        bit = 0
        for pattern in patterns:
            tokens = [{key.upper(): value for key, value in token.items()} for token in pattern]
            required = [r for token in tokens if token.get("OP") in (None, "+")
                        for r in [literal_requirement(token)] if r is not None]
            if not required:
                self.match_everything = True
            mask = 0
            for key, values in required:
                for value in values:
                    self.bits[key][value] = self.bits[key].get(value, 0) | (1 << bit)
                mask |= 1 << bit
                bit += 1
            self.pattern_masks.append(mask)

    def sentence_runs(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        """Token ranges [first, stop) of consecutive sentences worth matching, each with the
        patterns (bit i: pattern i) whose required words it holds."""
        sentences = doc.sentences
        if self.match_everything:
            if doc.tokens:
                yield 0, len(doc.tokens), (1 << len(self.pattern_masks)) - 1
            return
        met = [0] * len(sentences)  # per sentence: the requirements its tokens meet
        orth, lower, lemmas = self.bits["ORTH"], self.bits["LOWER"], self.bits["LEMMA"]
        for token in doc.tokens:
            text = token.text
            bits = orth.get(text, 0) | lemmas.get(token.lemma or text.lower(), 0)
            if lower:
                bits |= lower.get(text.lower(), 0)
            if bits:
                met[token.sent_id] |= bits
        wanted = [0] * len(sentences)  # per sentence: the patterns that may match over it
        for s, bits in enumerate(met):
            if not bits:
                continue
            found = 0
            for last in range(s, min(s + MATCH_SENTENCES, len(sentences))):
                bits |= met[last]
                new = sum(1 << p for p, mask in enumerate(self.pattern_masks)
                          if bits & mask == mask) & ~found
                if new:
                    found |= new
                    for sentence in range(s, last + 1):
                        wanted[sentence] |= new
        s = 0
        while s < len(sentences):
            if not wanted[s]:
                s += 1
                continue
            first, patterns = s, 0
            while s < len(sentences) and wanted[s]:
                patterns |= wanted[s]
                s += 1
            yield sentences[first].first_token, sentences[s - 1].last_token, patterns


def literal_requirement(token: dict) -> tuple[str, frozenset[str]] | None:
    """(ORTH | LOWER | LEMMA, the values one of which the token must have), if any."""
    for key in LITERAL_KEYS:
        value = token.get(key)
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            values = value["IN"]
        elif isinstance(value, str):
            values = [value]
        else:
            continue
        if not all(isinstance(v, str) for v in values):
            continue
        if key == "LOWER":
            return "LOWER", frozenset(v.lower() for v in values)
        return ("ORTH" if key == "TEXT" else key), frozenset(values)
    return None
