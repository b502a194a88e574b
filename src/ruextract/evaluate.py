"""Scores a run's output against gold: mentions (exact and partial), normal forms, relations.

Mentions are compared on raw offsets (``raw_start``/``raw_end``), so gold written against
the original file text scores the pipeline whatever the normaliser did. Relations are
document-level tuples (type, argument 1, argument 2) compared with ``fold``; a predicted
argument matches through its entity's normal form or any of its mentions' forms, or (as
ANNOTATION.md scores it) when one of its entity's mentions overlaps a mention of the gold
entity the argument names: a wrong normal form is counted once, in normal-form accuracy.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import store
from .doc import DELEGATION_ARGUMENT
from .gold import GoldDoc, GoldMention, fold, label_orders, name_forms

SYMMETRIC = {"AGREEMENT_WITH"}


@dataclass(slots=True)
class PredMention:
    start: int  # raw offsets
    end: int
    type: str
    text: str
    normal: str
    source: str
    evidence: str = ""
    key: str = ""  # the entity_key of the mention's entity


@dataclass(slots=True)
class PredRelation:
    type: str
    arg1: str  # normal forms as stored
    arg2: str
    arg1_forms: frozenset[str]  # folded forms that may match gold
    arg2_forms: frozenset[str]
    rule: str
    evidence: str
    confidence: float = 1.0
    arg1_spans: tuple[tuple[int, int], ...] = ()  # raw spans of the argument's mentions
    arg2_spans: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class PredDoc:
    name: str
    mentions: list[PredMention] = field(default_factory=list)
    relations: list[PredRelation] = field(default_factory=list)
    #: written to our guide (a place inside an organisation's name is part of it); plain
    #: natasha is not, and is scored as it is
    places_in_names: bool = True


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class ErrorItem:
    kind: str  # "FP", "FN", "NORMAL" or "LABEL"
    doc: str
    type: str
    text: str
    rule: str
    evidence: str


@dataclass
class Evaluation:
    documents: int = 0
    unmatched_gold: list[str] = field(default_factory=list)
    mentions: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    partial: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    #: naeval's token-level scores (each token tagged inside or outside a type's spans),
    #: for gold that carries its tokens (factRuEval)
    tokens: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    normal_matched: int = 0
    normal_correct: int = 0
    #: matched mentions with a Wikidata label of as many words (NEREL), and those whose
    #: normal form is that label
    label_matched: int = 0
    label_agreeing: int = 0
    errors: list[ErrorItem] = field(default_factory=list)
    # gold canonical id → documents it is in, and predicted keys of its matched mentions
    canonical_docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    canonical_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def recurring_things(self) -> list[str]:
        """Canonical things in two or more documents that some prediction matched."""
        return sorted(c for c, docs in self.canonical_docs.items()
                      if len(docs) >= 2 and self.canonical_keys.get(c))

    @property
    def one_key_share(self) -> float:
        """Of the things recurring across documents, the share that get exactly one key."""
        things = self.recurring_things
        return sum(len(self.canonical_keys[c]) == 1 for c in things) / len(things) \
            if things else 0.0

    @property
    def keys_covering_two_things(self) -> list[str]:
        """Predicted keys given to mentions of two or more canonical things (must be none)."""
        things: dict[str, set[str]] = defaultdict(set)
        for canonical, keys in self.canonical_keys.items():
            for key in keys:
                things[key].add(canonical)
        return sorted(k for k, found in things.items() if len(found) >= 2)

    @staticmethod
    def micro(scores: dict[str, Score]) -> Score:
        total = Score()
        for score in scores.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    @property
    def normal_accuracy(self) -> float:
        return self.normal_correct / self.normal_matched if self.normal_matched else 0.0

    @property
    def label_agreement(self) -> float:
        return self.label_agreeing / self.label_matched if self.label_matched else 0.0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "unmatched_gold_documents": self.unmatched_gold,
            "mentions": {t: s.as_dict() for t, s in sorted(self.mentions.items())},
            "mentions_micro": self.micro(self.mentions).as_dict(),
            "mentions_partial": {t: s.as_dict() for t, s in sorted(self.partial.items())},
            "mentions_partial_micro": self.micro(self.partial).as_dict(),
            "normal_form_accuracy": round(self.normal_accuracy, 4),
            "normal_form_matched": self.normal_matched,
            **({"label_agreement": round(self.label_agreement, 4),
                "label_matched": self.label_matched} if self.label_matched else {}),
            "relations": {t: s.as_dict() for t, s in sorted(self.relations.items())},
            "relations_micro": self.micro(self.relations).as_dict(),
            **({"mentions_tokens": {t: s.as_dict() for t, s in sorted(self.tokens.items())},
                "mentions_tokens_micro": self.micro(self.tokens).as_dict()}
               if self.tokens else {}),
            "keys": {
                "recurring_things": len(self.recurring_things),
                "one_key": sum(len(self.canonical_keys[c]) == 1
                               for c in self.recurring_things),
                "one_key_share": round(self.one_key_share, 4),
                "keys_covering_two_things": self.keys_covering_two_things,
                "split": {c: sorted(self.canonical_keys[c]) for c in self.recurring_things
                          if len(self.canonical_keys[c]) > 1},
            },
        }


def _inner_name(text: str) -> str:
    """The quoted name alone («технопарк «Идея»» → «идея»), folded."""
    if "«" in text and "»" in text:
        return fold(text[text.index("«") + 1:text.rindex("»")])
    return fold(text)


def normal_matches(predicted: str, gold: str) -> bool:
    return fold(predicted) == fold(gold) or (
        _inner_name(predicted) == _inner_name(gold) and ("«" in predicted or "«" in gold))


def document_name(source: str) -> str:
    """How gold names a document: the file's base name, ``name.jsonl:12`` for a row."""
    path, _, line = source.rpartition(":")
    if path and line.isdigit():
        return f"{Path(path).name}:{line}"
    return Path(source).name


def predictions_from_output(out: Path, min_confidence: float = 0.0) -> dict[str, PredDoc]:
    """A run's tables as PredDocs, keyed by source base name and by external id; relations
    below ``min_confidence`` are left out (what ``run --min-confidence`` would have kept)."""
    documents = store.read_table(out, "documents", columns=["doc_id", "source", "external_id",
                                                           "text"]).to_pylist()
    names = predictions_from_rows(documents, store.read_table(out, "mentions").to_pylist(),
                                  store.read_table(out, "entities").to_pylist(),
                                  store.read_table(out, "relations").to_pylist())
    return above(names, min_confidence) if min_confidence > 0 else names


def predictions_from_rows(documents: list[dict], mentions: list[dict], entities: list[dict],
                          relations: list[dict]) -> dict[str, PredDoc]:
    """A run's table rows as PredDocs, keyed by source base name and by external id."""
    by_id: dict[str, PredDoc] = {}
    names: dict[str, PredDoc] = {}
    for row in documents:
        pred = PredDoc(document_name(row["source"]) if row["source"] else row["doc_id"])
        by_id[row["doc_id"]] = pred
        names[pred.name] = pred
        if row["external_id"]:
            names[row["external_id"]] = pred
    forms: dict[tuple[str, int], set[str]] = defaultdict(set)
    spans: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    keys = {(row["doc_id"], row["entity_id"]): row["entity_key"] for row in entities}
    for row in entities:
        forms[(row["doc_id"], row["entity_id"])].update(
            [*name_forms(row["normal"]), *(fold(a) for a in row["aliases"] or [])])
    for row in mentions:
        pred = by_id.get(row["doc_id"])
        if pred is None:
            continue
        forms[(row["doc_id"], row["entity_id"])].update(name_forms(row["normal"]))
        spans[(row["doc_id"], row["entity_id"])].append((row["raw_start"], row["raw_end"]))
        pred.mentions.append(PredMention(row["raw_start"], row["raw_end"], row["type"],
                                         row["text"], row["normal"], row["source"],
                                         key=keys.get((row["doc_id"], row["entity_id"])) or ""))
    # the entities of one key in a document are one thing (keys.rekey_relations keeps one row
    # of a fact they state): an argument matches by the forms and mentions of them all
    mates: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (doc_id, entity_id), key in keys.items():
        if key:
            mates[(doc_id, key)].append(entity_id)

    def thing(doc_id: str, entity_id: int) -> list[tuple[str, int]]:
        key = keys.get((doc_id, entity_id))
        return [(doc_id, mate) for mate in mates[(doc_id, key)]] if key else [(doc_id, entity_id)]

    for row in relations:
        pred = by_id.get(row["doc_id"])
        if pred is None:
            continue

        def arg_forms(number: int, row: dict = row) -> frozenset[str]:
            normal = row[f"arg{number}_normal"]
            if normal.startswith(DELEGATION_ARGUMENT):
                return frozenset({fold(normal)})
            return frozenset(name_forms(normal)).union(
                *(forms[one] for one in thing(row["doc_id"], row[f"arg{number}_id"])))

        def arg_spans(number: int, row: dict = row) -> tuple[tuple[int, int], ...]:
            if row[f"arg{number}_normal"].startswith(DELEGATION_ARGUMENT):
                return ()  # a delegation matches by its origin only
            return tuple(span for one in thing(row["doc_id"], row[f"arg{number}_id"])
                         for span in spans[one])

        pred.relations.append(PredRelation(row["type"], row["arg1_normal"], row["arg2_normal"],
                                           arg_forms(1), arg_forms(2), row["rule"] or "",
                                           row["evidence"] or "", row["confidence"] or 0.0,
                                           arg_spans(1), arg_spans(2)))
    return names


def above(predictions: dict[str, PredDoc], min_confidence: float) -> dict[str, PredDoc]:
    """The predictions with only the relations of at least ``min_confidence``."""
    kept: dict[int, PredDoc] = {}
    for pred in predictions.values():
        if id(pred) not in kept:
            kept[id(pred)] = replace(pred, relations=[r for r in pred.relations
                                                      if r.confidence >= min_confidence])
    return {name: kept[id(pred)] for name, pred in predictions.items()}


def evaluate(gold_docs: list[GoldDoc], predictions: dict[str, PredDoc]) -> Evaluation:
    result = Evaluation()
    for gold in gold_docs:
        pred = predictions.get(gold.doc) or predictions.get(Path(gold.doc).stem)
        if pred is None:
            result.unmatched_gold.append(gold.doc)
            pred = PredDoc(gold.doc)
        result.documents += 1
        _score_mentions(gold, pred, result)
        if gold.tokens is not None:
            _score_tokens(gold, pred, result)
        _score_relations(gold, pred, result)
        _score_keys(gold, pred, result)
    return result


def _score_keys(gold: GoldDoc, pred: PredDoc, result: Evaluation) -> None:
    """Which predicted keys the gold's canonical things get, on mentions matched by span
    (whatever their type: a zone tagged ORG here and PARK there must still get one key).
    Ids are compared as names are: «ORG:АртЛайф» and «ORG:Артлайф» are one id."""
    keys = {_under_convention(gold, m)[:2]: m.key for m in pred.mentions if m.key}
    for mention in gold.mentions:
        if not mention.canonical:
            continue
        thing = fold(mention.canonical)
        result.canonical_docs[thing].add(gold.doc)
        key = keys.get((mention.start, mention.end))
        if key:
            result.canonical_keys[thing].add(key)


def _evidence(text: str | None, start: int, end: int) -> str:
    if not text:
        return ""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    right = min(x for x in (text.find("\n", end), text.find(". ", end), len(text)) if x >= 0)
    return " ".join(text[left:right + 1].split())


QUOTE_CHARACTERS = "«»\"„“”‘’'"


def _under_convention(gold: GoldDoc, mention: PredMention) -> tuple[int, int, str]:
    """The prediction's span as the gold's convention writes it (quotes outside or in)."""
    start, end = mention.start, mention.end
    if not gold.quotes_in_span and gold.text is not None:
        while start < end and gold.text[start] in QUOTE_CHARACTERS:
            start += 1
        while end > start and gold.text[end - 1] in QUOTE_CHARACTERS:
            end -= 1
    return start, end, mention.type


_WORD = re.compile(r"\w[\w-]*")


def _in_gold_convention(gold: GoldDoc, pred: PredDoc) -> list[PredMention]:
    """Predicted mentions as the gold's convention writes them: where the gold annotates a
    place inside an organisation's name apart («МИД» + «России»), a predicted name that
    ends in a known place of a country is read as the organisation and the place (a world
    region is no body's jurisdiction: «Совет Европы» is one name)."""
    mentions = pred.mentions
    if gold.places_in_names or not pred.places_in_names or gold.text is None:
        return mentions
    from .places import gazetteer

    places = gazetteer()
    read: list[PredMention] = []
    for m in mentions:
        words = list(_WORD.finditer(m.text)) if m.type in ("ORG", "PARK") else []
        for k in range(min(3, len(words) - 1), 0, -1):
            cut = words[-k].start()
            prefix = m.text[:cut].rstrip()
            place = places.lookup(m.text[cut:])
            if prefix.count("«") != prefix.count("»") or place is None or not place.country:
                continue
            read += [replace(m, end=m.start + len(prefix), text=prefix),
                     replace(m, start=m.start + cut, type="LOC", text=m.text[cut:])]
            break
        else:
            read.append(m)
    return read


def _label_words(text: str) -> list[str]:
    return fold(text).replace(",", " ").split()


LABEL_STEM = 3  # letters a word shares with its nominative, whatever its case


def _same_stems(words: list[str], label_words: list[str]) -> bool:
    return len(words) == len(label_words) and all(
        w[:LABEL_STEM] == lw[:LABEL_STEM] for w, lw in zip(words, label_words, strict=True))


def label_comparable(text: str, label: str) -> bool:
    """Is a mention's normal form to be measured against its Wikidata label: only where the
    label could be the mention put in the nominative, as many words each starting alike
    («Ивана Кедрова» / «Кедров, Иван»), so that a shorter name («Кедрова»), another name
    («РФ» / «Россия») or a transliteration («Reuters» / «Рейтер») is no disagreement."""
    words = _label_words(text)
    return any(_same_stems(words, _label_words(form)) for form in label_orders(label))


def label_agrees(normal: str, label: str) -> bool:
    """The normal form is the label, or a person's label in «Имя Фамилия» order."""
    return _label_words(normal) in [_label_words(form) for form in label_orders(label)]


def _score_label(doc: str, gold: GoldMention, pred: PredMention, result: Evaluation) -> None:
    if not gold.label or not label_comparable(gold.text, gold.label):
        return
    result.label_matched += 1
    if label_agrees(pred.normal, gold.label):
        result.label_agreeing += 1
    else:
        result.errors.append(ErrorItem("LABEL", doc, gold.type,
                                       f"{pred.normal!r} (label {gold.label!r})",
                                       pred.source, gold.text))


def _score_mentions(gold: GoldDoc, pred: PredDoc, result: Evaluation) -> None:
    predicted = _in_gold_convention(gold, pred)
    gold_spans = {(m.start, m.end, m.type): m for m in gold.mentions if m.type in gold.scored_types}
    pred_spans = {_under_convention(gold, m): m for m in predicted
                  if m.type in gold.scored_types}
    for key, mention in gold_spans.items():
        score = result.mentions[mention.type]
        if key in pred_spans:
            score.tp += 1
            _score_label(gold.doc, mention, pred_spans[key], result)
            if mention.normal:
                result.normal_matched += 1
                if normal_matches(pred_spans[key].normal, mention.normal):
                    result.normal_correct += 1
                else:
                    result.errors.append(ErrorItem(
                        "NORMAL", gold.doc, mention.type,
                        f"{pred_spans[key].normal!r} (gold {mention.normal!r})",
                        pred_spans[key].source, mention.text))
        else:
            score.fn += 1
            result.errors.append(ErrorItem("FN", gold.doc, mention.type, mention.text, "",
                                           _evidence(gold.text, mention.start, mention.end)))
    for key, mention in pred_spans.items():
        if key not in gold_spans:
            result.mentions[mention.type].fp += 1
            result.errors.append(ErrorItem("FP", gold.doc, mention.type, mention.text,
                                           mention.source,
                                           _evidence(gold.text, mention.start, mention.end)))
    # partial: same type and overlapping spans, matched one to one
    used: set[int] = set()
    golds = [m for m in gold.mentions if m.type in gold.scored_types]
    preds = [m for m in predicted if m.type in gold.scored_types]
    for g in golds:
        match = next((i for i, p in enumerate(preds) if i not in used and p.type == g.type
                      and p.start < g.end and g.start < p.end), None)
        if match is None:
            result.partial[g.type].fn += 1
        else:
            used.add(match)
            result.partial[g.type].tp += 1
    for i, p in enumerate(preds):
        if i not in used:
            result.partial[p.type].fp += 1


def _inside_tokens(tokens: tuple[tuple[int, int], ...], spans: list[tuple[int, int]]
                   ) -> list[bool]:
    """Per token: does it start inside one of the spans (naeval's IO tags of one type)."""
    starts = [token_start for token_start, _ in tokens]
    inside = [False] * len(tokens)
    for start, end in spans:
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            inside[i] = True
    return inside


def _score_tokens(gold: GoldDoc, pred: PredDoc, result: Evaluation) -> None:
    """naeval's token-level scores: per type, tokens tagged inside by both, one, the other."""
    assert gold.tokens is not None
    for entity_type in sorted(gold.scored_types):
        expected = _inside_tokens(gold.tokens, [(m.start, m.end) for m in gold.mentions
                                                if m.type == entity_type])
        found = _inside_tokens(gold.tokens, [_under_convention(gold, m)[:2]
                                             for m in _in_gold_convention(gold, pred)
                                             if m.type == entity_type])
        score = result.tokens[entity_type]
        for is_expected, is_found in zip(expected, found, strict=True):
            score.tp += is_expected and is_found
            score.fp += is_found and not is_expected
            score.fn += is_expected and not is_found


GoldSpans = dict[str, list[tuple[int, int]]]


def gold_entity_spans(gold: GoldDoc) -> GoldSpans:
    """Folded normal form (of a mention or of its entity) → the spans of that entity."""
    by_entity: dict[str, list[GoldMention]] = defaultdict(list)
    for m in gold.mentions:
        by_entity[m.entity or m.normal or m.text].append(m)
    spans: GoldSpans = defaultdict(list)
    for entity, mentions in by_entity.items():
        names = {fold(entity)} | {fold(m.normal or m.text) for m in mentions}
        for name in names:
            spans[name].extend((m.start, m.end) for m in mentions)
    return spans


def _arg_match(pred_forms: frozenset[str], pred_spans: tuple[tuple[int, int], ...],
               gold_forms: tuple[str, ...], gold_spans: GoldSpans) -> bool:
    if any(pred_forms & name_forms(g) for g in gold_forms):  # each side's quoted name alone too
        return True
    folded = {fold(g) for g in gold_forms}
    return any(gs < pe and ps < ge for form in folded for gs, ge in gold_spans.get(form, ())
               for ps, pe in pred_spans)


def relation_matches(pred: PredRelation, gold_type: str, arg1: tuple[str, ...],
                      arg2: tuple[str, ...], spans: GoldSpans | None = None) -> bool:
    if pred.type != gold_type:
        return False
    spans = spans or {}
    if _arg_match(pred.arg1_forms, pred.arg1_spans, arg1, spans) and \
            _arg_match(pred.arg2_forms, pred.arg2_spans, arg2, spans):
        return True
    return gold_type in SYMMETRIC and \
        _arg_match(pred.arg1_forms, pred.arg1_spans, arg2, spans) and \
        _arg_match(pred.arg2_forms, pred.arg2_spans, arg1, spans)


def relation_key(relation: PredRelation) -> tuple[str, str, str]:
    """What makes two predicted relations one: type and folded arguments (either order
    for a symmetric type)."""
    key = (relation.type, fold(relation.arg1), fold(relation.arg2))
    return (relation.type, *sorted(key[1:])) if relation.type in SYMMETRIC else key


def matches_gold_mention(gold: GoldDoc, mention: PredMention) -> bool | None:
    """Is the predicted mention one of the gold's (span under the gold's quote convention,
    and type)? None when the gold does not annotate its type."""
    if mention.type not in gold.scored_types:
        return None
    return _under_convention(gold, mention) in {(m.start, m.end, m.type) for m in gold.mentions}


def matches_gold_relation(gold: GoldDoc, relation: PredRelation) -> bool | None:
    """Does the predicted relation match one of the gold's? None when the gold does not
    annotate its type."""
    if relation.type not in gold.scored_relations:
        return None
    spans = gold_entity_spans(gold)
    return any(relation_matches(relation, g.type, g.arg1, g.arg2, spans)
               for g in gold.relations)


def _score_relations(gold: GoldDoc, pred: PredDoc, result: Evaluation) -> None:
    relations = [r for r in gold.relations if r.type in gold.scored_relations]
    spans = gold_entity_spans(gold)
    predicted: dict[tuple[str, str, str], PredRelation] = {}
    for r in pred.relations:
        if r.type in gold.scored_relations:
            predicted.setdefault(relation_key(r), r)
    for g in relations:
        if any(relation_matches(p, g.type, g.arg1, g.arg2, spans) for p in predicted.values()):
            result.relations[g.type].tp += 1
        else:
            result.relations[g.type].fn += 1
            result.errors.append(ErrorItem("FN", gold.doc, g.type,
                                           f"{g.arg1[0]} → {g.arg2[0]}", "", ""))
    for p in predicted.values():
        if not any(relation_matches(p, g.type, g.arg1, g.arg2, spans) for g in relations):
            result.relations[p.type].fp += 1
            result.errors.append(ErrorItem("FP", gold.doc, p.type, f"{p.arg1} → {p.arg2}",
                                           p.rule, p.evidence))


def natasha_predictions(gold_docs: list[GoldDoc], texts: dict[str, str]) -> dict[str, PredDoc]:
    """Plain natasha NER on the same texts, as PredDocs: the baseline the pipeline is
    measured against with the same scoring code."""
    from natasha import Doc as NatashaDoc
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    predictions = {}
    for gold in gold_docs:
        text = gold.text if gold.text is not None else texts.get(gold.doc)
        pred = PredDoc(gold.doc, places_in_names=False)
        if text:
            doc = NatashaDoc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)
            pred.mentions = [PredMention(s.start, s.stop, s.type, s.text, s.text, "natasha")
                             for s in doc.spans]
        predictions[gold.doc] = pred
    return predictions


def raw_texts(out: Path) -> dict[str, str]:
    """Raw texts of a run's documents by source base name (for gold without texts)."""
    table = store.read_table(out, "documents", columns=["source", "raw_text"]).to_pylist()
    return {document_name(r["source"]): r["raw_text"] for r in table if r["source"]}
