"""Segmentation, morphology, syntax, NER tags and lemmas, batched across documents.

natasha's ``Doc`` sends one document's sentences to slovnet at a time; here the sentences
of a whole batch of documents go to each model together, sorted by length so that padded
batches stay short. Models are loaded once per process (``Analyzer``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .doc import Doc, Sentence, Span, Token

MAX_SENTENCE_TOKENS = 200  # longer "sentences" (tables, lists) are cut for the taggers
MODEL_BATCH_SIZE = 64
MAX_NER_CHARS = 3000  # NER reads the text in pieces of this size, cut between sentences

# slovnet's Universal POS → pymorphy3's OpenCorpora POS tags that can carry that lemma.
UPOS_TO_OPENCORPORA = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS", "COMP", "PRTF"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"}, "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"}, "PRON": {"NPRO"}, "DET": {"ADJF", "NPRO"},
    "NUM": {"NUMR", "ADJF"}, "ADP": {"PREP"}, "CCONJ": {"CONJ"}, "SCONJ": {"CONJ"},
    "PART": {"PRCL"}, "INTJ": {"INTJ"},
}
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
         "Loc": "loct", "Voc": "voct", "Par": "gen2"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def parse_feats(feats: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in feats.split("|") if "=" in item)


class Lexicon:
    """Is this a dictionary word? (pymorphy3's dictionary, cached). Cheap to load."""

    def __init__(self, pymorphy=None) -> None:
        if pymorphy is None:
            import pymorphy3

            pymorphy = pymorphy3.MorphAnalyzer()
        self.pymorphy = pymorphy
        self.is_word = lru_cache(maxsize=200_000)(self._is_word)

    def _is_word(self, word: str) -> bool:
        return self.pymorphy.word_is_known(word.lower())


class Analyzer:
    """natasha/slovnet models and a pymorphy3 analyser, loaded once per process."""

    def __init__(self, batch_size: int = MODEL_BATCH_SIZE) -> None:
        import pymorphy3

        self.batch_size = batch_size
        self._models: tuple | None = None
        self.pymorphy = pymorphy3.MorphAnalyzer()
        self.lexicon = Lexicon(self.pymorphy)
        self.lemma = lru_cache(maxsize=500_000)(self._lemma)
        self.parse = lru_cache(maxsize=200_000)(self.pymorphy.parse)

    @property
    def models(self) -> tuple:
        """natasha's segmenter and slovnet taggers, loaded on first use (re-running the
        entities stage from stored tokens never needs them)."""
        if self._models is None:
            from natasha import (
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                NewsSyntaxParser,
                Segmenter,
            )

            embedding = NewsEmbedding()
            taggers = (NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
                       NewsNERTagger(embedding))
            for model in taggers:
                model.batch_size = self.batch_size
            self._models = (Segmenter(), *taggers)
        return self._models

    def _lemma(self, word: str, pos: str, feats: str) -> str:
        """The pymorphy3 lemma of the analysis that best agrees with the tagger."""
        best = self.best_parse(word, pos, feats)
        if best is None:
            return word.lower()
        return best.normal_form

    def best_parse(self, word: str, pos: str, feats: str):  # -> pymorphy3 Parse | None
        parses = self.parse(word)
        if not parses:
            return None
        wanted = UPOS_TO_OPENCORPORA.get(pos)
        feat_map = parse_feats(feats)
        grammemes = {CASES.get(feat_map.get("Case", "")), NUMBERS.get(feat_map.get("Number", "")),
                     GENDERS.get(feat_map.get("Gender", ""))} - {None}

        def agreement(parse) -> tuple[int, int, float]:
            pos_ok = 1 if wanted and parse.tag.POS in wanted else 0
            shared = sum(1 for g in grammemes if g in parse.tag)
            return pos_ok, shared, parse.score

        return max(parses, key=agreement)

    def analyse(self, docs: Sequence[Doc]) -> None:
        """Fill sentences, tokens (with lemma, POS, feats, syntax) and NER spans of ``docs``."""
        batch: list[tuple[Doc, Sentence]] = []
        for doc in docs:
            self._segment(doc)
            batch.extend((doc, sentence) for sentence in doc.sentences)
        if not batch:
            return
        words = [[t.text for t in doc.tokens[s.first_token:s.last_token]] for doc, s in batch]
        order = sorted(range(len(batch)), key=lambda i: len(words[i]))
        _, morph_tagger, syntax_parser, ner_tagger = self.models
        morph = _unsort(order, list(morph_tagger.map([words[i] for i in order])))
        syntax = _unsort(order, list(syntax_parser.map([words[i] for i in order])))
        # NER reads the text in long pieces, not sentence by sentence: a name that opens a
        # sentence («Джонсон неделю провёл…») is found from the context before it.
        paragraphs = [(doc, start, text) for doc in docs for start, text in _ner_chunks(doc)]
        by_length = sorted(range(len(paragraphs)), key=lambda i: len(paragraphs[i][2]))
        ner = _unsort(by_length, list(ner_tagger.map([paragraphs[i][2] for i in by_length])))
        for (doc, start, _), ner_markup in zip(paragraphs, ner, strict=True):
            for span in ner_markup.spans:
                doc.ner_spans.append(Span(start + span.start, start + span.stop, span.type, "ner"))
        for (doc, sentence), morph_markup, syntax_markup in zip(batch, morph, syntax,
                                                                strict=True):
            first = sentence.first_token
            for token, tag, arc in zip(doc.tokens[first:sentence.last_token],
                                       morph_markup.tokens, syntax_markup.tokens, strict=True):
                token.pos = tag.pos
                token.feats = "|".join(f"{key}={value}" for key, value in sorted(tag.feats.items()))
                head = int(arc.head_id)
                token.head_id = first + head - 1 if head > 0 else -1
                token.rel = arc.rel
                token.lemma = self.lemma(token.text, token.pos, token.feats)

    def _segment(self, doc: Doc) -> None:
        """Sentences never cross a line: a line of the clean text is a paragraph or a title."""
        segmenter = self.models[0]
        doc.sentences, doc.tokens = [], []
        offset = 0
        for line in doc.text.split("\n"):
            for sent in segmenter.sentenize(line):
                tokens = list(segmenter.tokenize(sent.text))
                for chunk_start in range(0, len(tokens), MAX_SENTENCE_TOKENS):
                    chunk = tokens[chunk_start:chunk_start + MAX_SENTENCE_TOKENS]
                    if not chunk:
                        continue
                    sent_id = len(doc.sentences)
                    first = len(doc.tokens)
                    base = offset + sent.start
                    for tok in chunk:
                        doc.tokens.append(Token(base + tok.start, base + tok.stop, tok.text,
                                                sent_id, len(doc.tokens)))
                    doc.sentences.append(Sentence(base + chunk[0].start, base + chunk[-1].stop,
                                                  first, len(doc.tokens)))
            offset += len(line) + 1


def _ner_chunks(doc: Doc) -> list[tuple[int, str]]:
    """The document's text in pieces of at most about MAX_NER_CHARS, cut between sentences,
    with their offsets."""
    chunks: list[tuple[int, str]] = []
    piece_start: int | None = None
    piece_end = 0
    for sentence in doc.sentences:
        if piece_start is not None and sentence.end - piece_start > MAX_NER_CHARS:
            chunks.append((piece_start, doc.text[piece_start:piece_end]))
            piece_start = None
        if piece_start is None:
            piece_start = sentence.start
        piece_end = sentence.end
    if piece_start is not None:
        chunks.append((piece_start, doc.text[piece_start:piece_end]))
    return chunks


def _unsort(order: list[int], items: list) -> list:
    result: list = [None] * len(items)
    for position, index in enumerate(order):
        result[index] = items[position]
    return result
