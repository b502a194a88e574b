"""Segmentation, morphology, syntax, NER tags and lemmas, batched across documents.

natasha's ``Doc`` sends one document's sentences to slovnet at a time; here the sentences
of a whole batch of documents go to each model together, sorted by length so that padded
batches stay short. Models are loaded once per process (``Analyzer``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .doc import Doc, Sentence, Span, Token

MAX_SENTENCE_TOKENS = 200  # longer "sentences" (tables, lists) are cut for the taggers
MODEL_BATCH_SIZE = 64
MODEL_BATCH_TOKENS = 4096  # padded positions per model batch (bounds the peak memory)
WORD_ID_CACHE = 200_000  # words whose vocabulary and shape ids are kept (cleared when full)
LEMMA_CACHE = 100_000  # (word, pos, feats) → lemma (~200 bytes each)
PARSE_CACHE = 20_000  # word → pymorphy3 parses (a list of Parse tuples: ~1 KB each)
# the lemma of a place adjective the tagger took for a name («сычуаньский», «омский»)
ADJECTIVE_LEMMA_ENDINGS = ("ский", "цкий")
BRACKET_GLOSS_CHARS = 40  # an editor's gloss closes its bracket this soon after a full stop
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


ADDED_NOUNS = Path(__file__).parent / "data" / "lexicon" / "added_nouns.txt"


def added_noun_forms() -> dict[str, str]:
    """Every form of the nouns ``ADDED_NOUNS`` lists → its lemma, declined as the word it is
    listed with (its known model: «акимат автомат» → «акимата», «акиматом», …)."""
    return {form: lemma for form, (lemma, _) in _added_nouns().items()}


def added_noun_feats(word: str, feats: str) -> str:
    """The tagger's features of a form of an added noun, its case mended where the form
    has one case only and the tagger read another («акиматом»: instrumental)."""
    cases = _added_nouns()[word.lower()][1]
    tagged = parse_feats(feats)
    if len(cases) != 1 or tagged.get("Case") in cases:
        return feats
    tagged["Case"] = next(iter(cases))
    return "|".join(f"{key}={value}" for key, value in sorted(tagged.items()))


@lru_cache(maxsize=1)
def _added_nouns() -> dict[str, tuple[str, frozenset[str]]]:
    """form → (lemma, the cases the form has, as the tagger names them)."""
    forms: dict[str, tuple[str, set[str]]] = {}
    for line in ADDED_NOUNS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        noun, model = line.split()
        parse = next(p for p in dictionary().parse(model)
                     if p.tag.POS == "NOUN" and p.normal_form == model)
        written = [form.word for form in parse.lexeme]
        stem = model
        while not all(word.startswith(stem) for word in written):
            stem = stem[:-1]  # the part every form keeps («автомат»)
        own_stem = noun[:len(noun) - (len(model) - len(stem))]
        named_case = {grammeme: case for case, grammeme in CASES.items()}
        for form in parse.lexeme:
            _, cases = forms.setdefault(own_stem + form.word[len(stem):], (noun, set()))
            cases.update(named_case[g] for g in form.tag.grammemes if g in named_case)
    return {form: (lemma, frozenset(cases)) for form, (lemma, cases) in forms.items()}


def parse_feats(feats: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in feats.split("|") if "=" in item)


@lru_cache(maxsize=4096)
def compound_head(lemma: str) -> str:
    """The last part of a hyphenated compound, the word it is a kind of («бизнес-делегация» →
    «делегация»)."""
    return lemma.rsplit("-", 1)[-1]


def _grammemes(feats: str) -> frozenset[str]:
    """The OpenCorpora case, number and gender grammemes of a UD feature string."""
    feat_map = parse_feats(feats)
    return frozenset({CASES.get(feat_map.get("Case", "")),
                      NUMBERS.get(feat_map.get("Number", "")),
                      GENDERS.get(feat_map.get("Gender", ""))} - {None})


@lru_cache(maxsize=1)
def dictionary():  # -> pymorphy3.MorphAnalyzer
    """pymorphy3's dictionary, loaded once per process (it is read-only)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=PARSE_CACHE)
def word_parses(word: str) -> list:  # -> list[pymorphy3 Parse]
    """pymorphy3's parses of ``word``, cached once per process for every caller (the
    analyser's lemmas and normal forms, the keys, the places gazetteer): the lists are
    shared, to be read, never changed."""
    return dictionary().parse(word)


# pymorphy3's second locative and genitive («в порту», «чашка чаю») and the cases the tagger
# calls them
SECOND_CASES = {"loc2": "loct", "gen2": "gent"}
# pymorphy3's cases by the tagger's (UD) names, the second ones as the first (no vocative)
UD_CASES = {"nomn": "Nom", "gent": "Gen", "gen2": "Gen", "datv": "Dat", "accs": "Acc",
            "ablt": "Ins", "loct": "Loc", "loc2": "Loc"}


def dictionary_cases(word: str, ud: bool = False, every_if_unread: bool = False) -> set[str]:
    """The cases the dictionary reads a word form in, whatever the tagger chose: OpenCorpora
    grammemes, or with ``ud`` the tagger's names (``UD_CASES``). With ``every_if_unread``,
    every case for an indeclinable word or one the dictionary does not know («Ганьсу»: its
    guess is no reading)."""
    parses = word_parses(word)
    if every_if_unread and (any("Fixd" in p.tag for p in parses)
                            or not dictionary().word_is_known(word.lower())):
        cases = set(CASES.values())
    else:
        cases = {p.tag.case for p in parses if p.tag.case}
    return {UD_CASES[c] for c in cases if c in UD_CASES} if ud else cases


class Lexicon:
    """Is this a dictionary word? (pymorphy3's dictionary, cached). Cheap to load."""

    def __init__(self, pymorphy=None) -> None:
        self.pymorphy = pymorphy if pymorphy is not None else dictionary()
        self.is_word = lru_cache(maxsize=200_000)(self._is_word)

    def _is_word(self, word: str) -> bool:
        return self.pymorphy.word_is_known(word.lower())


class Analyzer:
    """natasha/slovnet models and a pymorphy3 analyser, loaded once per process."""

    def __init__(self, batch_size: int = MODEL_BATCH_SIZE) -> None:
        self.batch_size = batch_size
        self._models: tuple | None = None
        self.pymorphy = dictionary()
        self.lexicon = Lexicon(self.pymorphy)
        self.lemma = lru_cache(maxsize=LEMMA_CACHE)(self._lemma)
        self.parse = word_parses
        self._taggers: _Taggers | None = None

    @property
    def models(self) -> tuple:
        """natasha's segmenter and its news models as slovnet's morphology, syntax and NER
        taggers, loaded on first use (re-running the entities stage from stored tokens never
        needs them)."""
        if self._models is None:
            self._models = _load_models(self.batch_size)
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
        grammemes = _grammemes(feats)  # all known to pymorphy3: ``in tag`` is set membership
        first = word.split("-", 1)[0] if "-" in word and word.islower() else None
        if first is not None:
            # «выставке-форуме»: the tagger gives a common noun compound its last part's
            # gender, which would choose the reading that leaves the first part inflected
            # («выставке-форум»); names («Озон-парке», «Куала-Лумпура») are left as they were
            grammemes -= set(GENDERS.values())

        folded = word.lower()

        def agreement(parse) -> tuple[int, int, bool, float, bool]:
            tag = parse.tag
            pos_ok = 1 if wanted and tag.POS in wanted else 0
            # «в порту», «много чаю»: the second locative and genitive are the tagger's Loc
            # and Gen (not the indeclinable «Порту» that has every case)
            cases = {SECOND_CASES[g] for g in SECOND_CASES if g in tag.grammemes}
            # a compound's reading that puts each of its parts in the lemma's form
            whole = first is not None and not parse.normal_form.startswith(first + "-")
            # of two equally likely lemmas, the one the word begins with: «полка» is «полк»'s
            # genitive before «полок»'s (a fleeting vowel is the rarer paradigm)
            kept = folded != parse.normal_form and folded.startswith(parse.normal_form)
            return pos_ok, len(grammemes & (tag.grammemes | cases)), whole, parse.score, kept

        return max(parses, key=agreement)

    def load(self) -> Analyzer:
        """Load every model now (before forking workers that share them)."""
        _ = self.taggers
        return self

    @property
    def taggers(self) -> _Taggers:
        if self._taggers is None:
            self._taggers = _Taggers(*self.models[1:], self.batch_size)
        return self._taggers

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
        taggers = self.taggers
        morph, syntax = taggers.morph_syntax([words[i] for i in order])
        morph, syntax = _unsort(order, morph), _unsort(order, syntax)
        # NER reads the text in long pieces, not sentence by sentence: a name that opens a
        # sentence («Джонсон неделю провёл…») is found from the context before it.
        # The pieces' words are our tokens: razdel's, so the text need not be tokenised again.
        paragraphs = [(doc, start, text, words) for doc in docs
                      for start, text, words in _ner_chunks(doc)]
        by_length = sorted(range(len(paragraphs)), key=lambda i: len(paragraphs[i][2]))
        ner = _unsort(by_length, taggers.ner([paragraphs[i][2] for i in by_length],
                                             [paragraphs[i][3] for i in by_length]))
        for (doc, start, _, _), spans in zip(paragraphs, ner, strict=True):
            for span_start, span_stop, label in spans:
                doc.ner_spans.append(Span(start + span_start, start + span_stop, label, "ner"))
        lemma, tags, rels = self.lemma, taggers.morph_tags, taggers.rels
        for (doc, sentence), tag_ids, (head_ids, rel_ids) in zip(batch, morph, syntax,
                                                                 strict=True):
            first = sentence.first_token
            head_base = first - 1
            for token, tag_id, head, rel_id in zip(doc.tokens[first:sentence.last_token],
                                                   tag_ids, head_ids, rel_ids, strict=True):
                token.pos, token.feats = pos, feats = tags[tag_id]
                token.head_id = head_base + head if head > 0 else -1
                token.rel = rels[rel_id]
                token.lemma = lemma(token.text, pos, feats)
                if pos == "PROPN" and token.rel == "amod" \
                        and token.lemma.endswith(ADJECTIVE_LEMMA_ENDINGS):
                    token.pos = "ADJ"  # «Сычуаньскую группу»: a capital adjective, tagged a name
                added = added_noun_forms().get(token.text.lower())
                if added is not None:  # a noun the dictionary lacks (data/lexicon/added_nouns.txt)
                    token.lemma = added
                    token.feats = added_noun_feats(token.text, feats)
                    if pos not in ("NOUN", "PROPN"):
                        token.pos = "NOUN"
            _title_opening_sentence(doc.tokens[first:sentence.last_token])

    def _segment(self, doc: Doc) -> None:
        """Sentences never cross a line: a line of the clean text is a paragraph or a title."""
        segmenter = self.models[0]
        doc.sentences, doc.tokens, doc.ner_spans = [], [], []
        sentences, tokens = doc.sentences, doc.tokens
        offset = 0
        for line in doc.text.split("\n"):
            for sent in _brackets_joined(line, list(segmenter.sentenize(line))):
                found = list(segmenter.tokenize(sent.text))
                for chunk_start in range(0, len(found), MAX_SENTENCE_TOKENS):
                    chunk = found[chunk_start:chunk_start + MAX_SENTENCE_TOKENS]
                    if not chunk:
                        continue
                    sent_id = len(sentences)
                    first = len(tokens)
                    base = offset + sent.start
                    for tok in chunk:
                        tokens.append(Token(base + tok.start, base + tok.stop, tok.text,
                                            sent_id, len(tokens)))
                    sentences.append(Sentence(base + chunk[0].start, base + chunk[-1].stop,
                                              first, len(tokens)))
            offset += len(line) + 1


def _brackets_joined(line: str, sentences: list) -> list:
    """The segmenter's sentences of a line, those a bracket opened in and the next closes
    within a few words joined into one («советником хокима (губернатора. — Ред.) Азизом …»:
    an editor's gloss, no sentence's end)."""
    from razdel.substring import Substring

    joined: list = []
    glossed = False  # the last sentence closed a gloss: the sentence it broke goes on
    for sent in sentences:
        if joined:
            last = joined[-1]
            close = sent.text.find(")")
            opened = last.text.count("(") > last.text.count(")") \
                and 0 <= close <= BRACKET_GLOSS_CHARS and "(" not in sent.text[:close]
            if opened or (glossed and last.text.endswith(")")):
                joined[-1] = Substring(last.start, sent.stop, line[last.start:sent.stop])
                glossed = opened
                continue
        glossed = False
        joined.append(sent)
    return joined


def _load_models(batch_size: int) -> tuple:
    """natasha's ``Segmenter`` and its news models (``NewsMorphTagger``, ``NewsSyntaxParser``,
    ``NewsNERTagger`` on ``NewsEmbedding``), loaded as slovnet's ``Morph``/``Syntax``/``NER``
    load them — the same files, arrays and vocabularies — but with less work, since the
    models' loading is time before a run's workers can start:

    - the three models' word and shape vocabularies are the same files: each is built once
      (a 250,000-word dictionary) and shared, not built once per model;
    - of navec's embedding only what slovnet reads (its id and product-quantisation arrays),
      not navec's own word list nor the tables navec precomputes for its similarity queries.
    """
    from natasha import Segmenter
    from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
    from slovnet import NER, Morph, Syntax
    from slovnet.exec.encoders import SyntaxEncoder, TagEncoder
    from slovnet.exec.infer import MorphInfer, NERInfer, SyntaxDecoder, SyntaxInfer, TagDecoder
    from slovnet.exec.model import NER as NERModel
    from slovnet.exec.model import Morph as MorphModel
    from slovnet.exec.model import Syntax as SyntaxModel

    navec = _load_navec(NEWS_EMBEDDING)
    vocabs: dict[bytes, object] = {}  # a vocabulary file's bytes → the vocabulary built once
    taggers = []
    for api, path, model_type, encoder_type, decoder_type, infer_type, labels in (
            (Morph, NEWS_MORPH, MorphModel, TagEncoder, TagDecoder, MorphInfer, "tag"),
            (Syntax, NEWS_SYNTAX, SyntaxModel, SyntaxEncoder, SyntaxDecoder, SyntaxInfer,
             "rel"),
            (NER, NEWS_NER, NERModel, TagEncoder, TagDecoder, NERInfer, "tag")):
        model, (words, shapes, tags) = _load_pack(path, model_type, ("word", "shape", labels),
                                                  vocabs)
        # slovnet's own load (encoder batches of 8) and natasha's navec injection
        infer = infer_type(model, encoder_type(words, shapes, 8), decoder_type(tags))
        tagger = api(infer, batch_size)
        tagger.navec(navec)
        taggers.append(tagger)
    return (Segmenter(), *taggers)


def _load_pack(path: str, model_type, vocab_names: tuple[str, ...],
               vocabs: dict[bytes, object]) -> tuple:
    """A slovnet model pack: the model with its arrays, and its vocabularies as
    ``slovnet.exec.pack.bytes_vocab`` builds them, unless ``vocabs`` holds one built from
    the same content (the files' gzip headers differ, so compared uncompressed)."""
    from gzip import decompress

    from slovnet.exec.pack import Pack, vocab_name
    from slovnet.vocab import Vocab

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_type)
        arrays = dict(pack.load_arrays(model.weights))
        found = []
        for name in vocab_names:
            content = decompress(pack.read(vocab_name(name)))
            if content not in vocabs:
                vocabs[content] = Vocab(content.decode("utf8").splitlines())
            found.append(vocabs[content])
    return model.inject_arrays(arrays), found


def _load_navec(path: str):
    """The part of navec's ``Navec.load(path)`` that slovnet's models use: the embedding's
    id (``meta.id``) and its product-quantisation arrays (``pq.indexes``, ``pq.codes``), read
    as ``navec.pq.PQ.from_file`` reads them."""
    from types import SimpleNamespace

    import numpy as np
    from navec.meta import Meta
    from navec.tar import Tar

    with Tar(path) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        file = tar.load("pq.bin")
        vectors, _, qdim, centroids = np.frombuffer(file.read(4 * 4), np.uint32)
        indexes = np.frombuffer(file.read(vectors * qdim), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    return SimpleNamespace(meta=meta, pq=SimpleNamespace(indexes=indexes, codes=codes))


def _ner_chunks(doc: Doc) -> list[tuple[int, str, list[str]]]:
    """The document's text in pieces of at most about MAX_NER_CHARS, cut between sentences:
    (offset, text, the words of its tokens)."""
    chunks: list[tuple[int, str, list[str]]] = []
    first: Sentence | None = None
    last: Sentence | None = None

    def piece() -> tuple[int, str, list[str]]:
        assert first is not None and last is not None
        words = [t.text for t in doc.tokens[first.first_token:last.last_token]]
        return first.start, doc.text[first.start:last.end], words

    for sentence in doc.sentences:
        if first is not None and sentence.end - first.start > MAX_NER_CHARS:
            chunks.append(piece())
            first = None
        if first is None:
            first = sentence
        last = sentence
    if first is not None:
        chunks.append(piece())
    return chunks


class _Taggers:
    """slovnet's morphology, syntax and NER models run straight on numpy arrays.

    The same computation as ``tagger.map(...)`` (the same modules, the same padded batches),
    without slovnet's per-token records: words are encoded once for the morphology and the
    syntax model, whose shared navec embedding is looked up once per batch; tags are decoded
    to ids, with each tag's (pos, feats) string pair worked out once per tag."""

    def __init__(self, morph_tagger, syntax_parser, ner_tagger, batch_size: int) -> None:
        from slovnet.conll import parse_conll_tag

        morph, syntax, ner = morph_tagger.infer, syntax_parser.infer, ner_tagger.infer
        self.morph, self.syntax, self.ner_model = morph.model, syntax.model, ner.model
        encoders = (morph.encoder, syntax.encoder, ner.encoder)
        words_vocab, shapes_vocab = morph.encoder.words_vocab, morph.encoder.shapes_vocab
        navecs = [model.emb.word for model in (self.morph, self.syntax, self.ner_model)]
        if not all(e.words_vocab.items == words_vocab.items
                   and e.shapes_vocab.items == shapes_vocab.items for e in encoders) or any(
                n.indexes.array is not navecs[0].indexes.array
                or n.codes.array is not navecs[0].codes.array for n in navecs):
            raise RuntimeError("the slovnet models do not share their vocabularies/embedding")
        self.word_ids, self.word_unk = words_vocab.item_ids, words_vocab.unk_id
        self.word_pad = words_vocab.pad_id
        self.shape_ids, self.shape_unk = shapes_vocab.item_ids, shapes_vocab.unk_id
        self.shape_pad = shapes_vocab.pad_id
        self.navec = _NavecLookup(navecs[0])
        self.batch_size = batch_size
        self.morph_tags = []
        for tag in morph.decoder.tags_vocab.items:
            pos, feats = parse_conll_tag(tag)
            self.morph_tags.append(
                (pos, "|".join(f"{key}={value}" for key, value in sorted(feats.items()))))
        self.rels = list(syntax.decoder.rels_vocab.items)
        self.ner_tags = []  # (part, type) of each BIO tag
        for tag in ner.decoder.tags_vocab.items:
            part, _, label = tag.partition("-")
            self.ner_tags.append((part, label or None))
        self._ids: dict[str, tuple[int, int]] = {}

    def _encode(self, word: str) -> tuple[int, int]:
        from slovnet.shape import word_shape

        ids = self._ids.get(word)
        if ids is None:
            if len(self._ids) >= WORD_ID_CACHE:
                self._ids.clear()
            ids = self._ids[word] = (self.word_ids.get(word.lower(), self.word_unk),
                                     self.shape_ids.get(word_shape(word), self.shape_unk))
        return ids

    def _inputs(self, chunk: list[list[str]]):
        """word ids, shape ids and pad mask of a chunk, padded as slovnet pads them."""
        import numpy as np

        size = max(len(words) for words in chunk)
        word_id = np.full((len(chunk), size), self.word_pad)
        shape_id = np.full((len(chunk), size), self.shape_pad)
        ids, encode = self._ids, self._encode
        for row, words in enumerate(chunk):
            if words:
                pairs = [ids.get(w) or encode(w) for w in words]
                word_id[row, :len(words)] = [p[0] for p in pairs]
                shape_id[row, :len(words)] = [p[1] for p in pairs]
        return word_id, shape_id, word_id == self.word_pad

    def _chunks(self, items: list):
        """Consecutive items, at most ``batch_size`` of them and at most MODEL_BATCH_TOKENS
        padded positions (a batch of long NER pieces would need ~130 MB of windows).
        Results do not depend on how the items are batched: every row is computed alone."""
        chunk: list = []
        longest = 0
        for item in items:
            longest_with = max(longest, len(item))
            if chunk and (len(chunk) >= self.batch_size
                          or longest_with * (len(chunk) + 1) > MODEL_BATCH_TOKENS):
                yield chunk
                chunk, longest_with = [], len(item)
            chunk.append(item)
            longest = longest_with
        if chunk:
            yield chunk

    def morph_syntax(self, items: list[list[str]]) -> tuple[list, list]:
        """Per sentence: morphology tag ids; (syntactic head ids, relation ids)."""

        morph, syntax = self.morph, self.syntax
        tags: list = []
        arcs: list = []
        for chunk in self._chunks(items):
            word_id, shape_id, pad_mask = self._inputs(chunk)
            sizes = (~pad_mask).sum(-1).tolist()
            navec = self.navec(word_id)

            x = _cnn_encode(morph.encoder, (navec, morph.emb.shape(shape_id)), pad_mask)
            pred = morph.head.decode(morph.head(x)).tolist()
            tags.extend(row[:size] for row, size in zip(pred, sizes, strict=True))

            x = _cnn_encode(syntax.encoder, (navec, syntax.emb.shape(shape_id)), pad_mask)
            mask = ~pad_mask
            head_id = syntax.head.decode(syntax.head(x), mask)
            rel_id = syntax.rel.decode(syntax.rel(x, head_id), mask)
            for row, size in enumerate(sizes):
                arcs.append((head_id[row, :size].tolist(), rel_id[row, :size].tolist()))
        return tags, arcs

    def ner(self, texts: list[str], items: list[list[str]] | None = None) -> list[list]:
        """Per text: NER spans (start, stop, type) relative to the text. ``items`` are the
        texts' words where the caller has them (else slovnet's tokenizer finds them)."""
        if items is None:
            from slovnet.exec.infer import text_words

            items = [text_words(text) for text in texts]
        model, labels = self.ner_model, self.ner_tags
        result: list[list] = []
        position = 0
        for chunk in self._chunks(items):
            word_id, shape_id, pad_mask = self._inputs(chunk)
            x = _cnn_encode(model.encoder, (self.navec(word_id), model.emb.shape(shape_id)),
                            pad_mask)
            pred = model.head(x)
            for words, path in zip(chunk, model.head.crf.decode(pred, ~pad_mask), strict=True):
                result.append(_bio_spans(texts[position], words, path.tolist(), labels))
                position += 1
        return result


class _NavecLookup:
    """slovnet's ``NavecEmbedding`` (product-quantised vectors): the same gather, through
    one flat ``take`` instead of two-array fancy indexing."""

    def __init__(self, navec) -> None:
        import numpy as np

        self.indexes = navec.indexes.array  # words × subvectors: centroid ids
        codes = navec.codes.array  # subvectors × centroids × subvector size
        subvectors, centroids, size = codes.shape
        self.codes = np.ascontiguousarray(codes).reshape(subvectors * centroids, size)
        self.offsets = np.arange(subvectors) * centroids
        self.dim = subvectors * size

    def __call__(self, word_id):
        import numpy as np

        rows = self.indexes[word_id.ravel()] + self.offsets  # int64: no uint8 overflow
        return np.take(self.codes, rows, axis=0).reshape(*word_id.shape, self.dim)


def _cnn_encode(encoder, embeddings: tuple, pad_mask):
    """slovnet's ``CNNEncoder(concatenate(embeddings), pad_mask)``, bit for bit, faster.

    slovnet keeps activations as batch × channels × positions, so that every layer pads a
    transposed copy and gathers its convolution windows with large strides. Here they stay
    batch × positions × channels: the windows matrix is the same (the same values in the
    same order, so the same matrix product), it is just built from nearby memory, and
    ReLU and batch norm run in place (the same operations on each element)."""
    import numpy as np

    batch, length = pad_mask.shape
    dtype = np.result_type(*embeddings)
    x = None
    for layer in encoder.layers:
        conv, norm = layer.conv, layer.norm
        filters, channels, kernel = conv.weight.shape
        pad = conv.padding
        windows_count = length + 2 * pad - kernel + 1
        padded = np.zeros((batch, length + 2 * pad, channels), dtype=dtype)
        if x is None:
            at = 0
            for embedding in embeddings:
                padded[:, pad:pad + length, at:at + embedding.shape[-1]] = embedding
                at += embedding.shape[-1]
            if at != channels:
                raise ValueError(f"embeddings give {at} channels, the encoder takes {channels}")
        else:
            padded[:, pad:pad + length] = x
        windows = np.empty((batch, windows_count, channels, kernel), dtype=dtype)
        for offset in range(kernel):
            windows[:, :, :, offset] = padded[:, offset:offset + windows_count]
        weight = conv.weight.array.reshape(filters, channels * kernel)
        x = np.matmul(windows.reshape(batch * windows_count, channels * kernel), weight.T)
        x += conv.bias.array
        x = x.reshape(batch, windows_count, filters)
        x.clip(0, out=x)
        x -= norm.mean.array
        x /= norm.std.array
        x *= norm.weight.array
        x += norm.bias.array
        x[pad_mask] = 0
    return x


def _bio_spans(text: str, words: list[str], path: list[int], labels: list) -> list:
    """slovnet's ``BIOMarkup.to_span``: tokens found in ``text`` in order, BIO tags to spans."""
    spans: list = []
    if not any(labels[tag][0] != "O" for tag in path):
        return spans
    previous = start = stop = None
    offset = 0
    for word, tag in zip(words, path, strict=True):
        token_start = text.find(word, offset)
        token_stop = offset = token_start + len(word)
        part, label = labels[tag]
        if part == "O":
            if previous:
                spans.append((start, stop, previous))
                previous = None
        elif part == "B":
            if previous:
                spans.append((start, stop, previous))
            previous, start, stop = label, token_start, token_stop
        elif part == "I":
            stop = token_stop
    if previous:
        spans.append((start, stop, previous))
    return spans


def _unsort(order: list[int], items: list) -> list:
    result: list = [None] * len(items)
    for position, index in enumerate(order):
        result[index] = items[position]
    return result


def _title_opening_sentence(tokens: Sequence[Token]) -> None:
    """«Аким области Иван Петров …»: a sentence's capitalised first word that heads a
    lower-case noun of an oblique case right after it is a common noun, though a first name
    is spelt alike (Аким, Хоким) and the tagger took it for one; the noun, with no
    preposition, is its genitive («области» tagged a locative)."""
    if len(tokens) < 2:
        return
    first, following = tokens[0], tokens[1]
    if first.pos != "PROPN" or following.pos != "NOUN" or not following.text.islower() \
            or following.head_id != first.token_id or following.rel != "nmod":
        return
    if "Case=Gen" in following.feats or ("Case=Loc" in following.feats and "Gen" in
                                         dictionary_cases(following.text.lower(), ud=True)):
        first.pos = "NOUN"
        following.feats = following.feats.replace("Case=Loc", "Case=Gen")
