"""NER and rule spans → mentions with normal forms → entities grouped per document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import ENTITY_TYPES, Doc, Entity, Mention, Span, Token
from .morph import Analyzer
from .normal_form import QUOTES_CLOSE, QUOTES_OPEN, normal_form
from .rules import EntityRule, RuleSet
from .spacy_bridge import to_spacy, vocab

NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
EDGE_PUNCTUATION = " \t\n.,;:!?—-–()[]/\\|'\"“”„"


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    source: str
    priority: int
    normal_mode: str = "phrase"


def fold(text: str) -> str:
    """Compare names: lower case, «ё» as «е», no quotes, single spaces."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[«»„“”\"'‘’‚‛]", "", text)
    return " ".join(text.split())


def entity_key(entity_type: str, normal: str) -> str:
    """Stable across documents and batches: the same park in two articles has one key."""
    return f"{entity_type}:{fold(normal)}"


class EntityExtractor:
    """Compiled entity rules; built once per process."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer) -> None:
        from spacy.matcher import Matcher

        self.analyzer = analyzer
        self.rules: dict[str, EntityRule] = {rule.id: rule for rule in rules.entities}
        self.matcher = Matcher(vocab())
        for rule in rules.entities:
            self.matcher.add(rule.id, [rule.pattern])
        self.legal_forms = {w.lower() for w in rules.words("org_legal_forms")}
        self.ner_stoplist = {w.lower() for w in rules.words("ner_stoplist")}
        self.resident_words = {w.lower() for w in rules.words("resident_words")}

    def extract(self, doc: Doc) -> None:
        """Fill ``doc.mentions`` and ``doc.entities`` from its NER spans and the rules."""
        candidates = [c for c in (self._from_ner(doc, span) for span in doc.ner_spans) if c]
        candidates.extend(self._from_rules(doc))
        chosen = _resolve_overlaps(candidates)
        doc.mentions = []
        for candidate in chosen:
            mention = self._mention(doc, candidate)
            if mention is not None:
                doc.mentions.append(mention)
        self._mend_resident_quoted_as_zone(doc)
        group_entities(doc)

    # -- candidates -------------------------------------------------------------------------

    def _from_ner(self, doc: Doc, span: Span) -> Candidate | None:
        mention_type = NER_TYPES.get(span.type)
        if mention_type is None:
            return None
        start, end = _balance_quotes(doc.text, *_trim(doc.text, span.start, span.end))
        if end <= start or fold(doc.text[start:end]) in self.ner_stoplist:
            return None
        if mention_type == "ORG":
            start, end = self._org_name(doc, start, end)
        return Candidate(start, end, mention_type, "ner", 0)

    def _org_name(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """An organisation's mention is its name: «ООО «Орбита»» → «Орбита», quotes included."""
        text = doc.text
        quote = text.find(QUOTES_OPEN, start, end)
        if quote > start:
            prefix = text[start:quote].strip().lower()
            if prefix and all(word in self.legal_forms for word in prefix.split()):
                start = quote
        if start > 0 and text[start - 1] == QUOTES_OPEN and text[end:end + 1] == QUOTES_CLOSE \
                and QUOTES_OPEN not in text[start:end]:
            start, end = start - 1, end + 1
        return start, end

    def _from_rules(self, doc: Doc) -> list[Candidate]:
        if not doc.tokens:
            return []
        spacy_doc = to_spacy(doc)
        found = []
        for match_id, start, end, alignment in self.matcher(spacy_doc, with_alignments=True):
            rule = self.rules[vocab().strings[match_id]]
            first, last = start, end
            if rule.keep == "quoted":
                quoted = [i for i in range(start, end) if doc.tokens[i].text == QUOTES_OPEN]
                closing = [i for i in range(start, end) if doc.tokens[i].text == QUOTES_CLOSE]
                if quoted and closing:
                    first, last = quoted[0], closing[-1] + 1
            elif rule.keep.startswith("from:"):
                element = int(rule.keep.split(":", 1)[1])
                inside = [start + k for k, el in enumerate(alignment) if el >= element]
                if inside:
                    first = inside[0]
            found.append(Candidate(doc.tokens[first].start, doc.tokens[last - 1].end, rule.label,
                                   f"rule:{rule.id}", rule.priority, rule.normal))
        return found

    # -- mentions ----------------------------------------------------------------------------

    def _mention(self, doc: Doc, candidate: Candidate) -> Mention | None:
        tokens = doc.tokens_in(candidate.start, candidate.end)
        text = doc.text[candidate.start:candidate.end]
        if not text.strip():
            return None
        normal = normal_form(self.analyzer, text, tokens, candidate.type, candidate.normal_mode)
        sent_id = tokens[0].sent_id if tokens else doc.sentence_of(candidate.start)
        return Mention(candidate.start, candidate.end, candidate.type, text, normal,
                       candidate.source, sent_id)

    def _mend_resident_quoted_as_zone(self, doc: Doc) -> None:
        """«производство резидента ОЭЗ «Лассард»»: where the document names its zone
        otherwise, a quoted name after «резидент + ОЭЗ» is the resident company (ORG)."""
        parks = [m for m in doc.mentions if m.type == "PARK"]
        for mention in parks:
            before = doc.text[max(0, mention.start - 40):mention.start].lower().split()
            if not before or not any(before[-1].startswith(w) for w in self.resident_words):
                continue
            quote = mention.text.find(QUOTES_OPEN)
            if quote <= 0 or not any(fold(other.normal) != fold(mention.normal)
                                     for other in parks if other is not mention):
                continue
            mention.start += quote
            mention.text = doc.text[mention.start:mention.end]
            mention.type = "ORG"
            mention.normal = mention.text.strip("«»")
            mention.source = "rule:mend.resident_company"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCTUATION and text[start] not in "(«":
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION and text[end - 1] not in ")»":
        end -= 1
    return start, end


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Quotes that belong to the name are inside the span; unbalanced quotes never are."""
    span = text[start:end]
    opened, closed = span.count(QUOTES_OPEN), span.count(QUOTES_CLOSE)
    if opened > closed and text[end:end + 1] == QUOTES_CLOSE:
        return start, end + 1
    if opened > closed and span.startswith(QUOTES_OPEN):
        return start + 1, end
    if closed > opened and span.endswith(QUOTES_CLOSE):
        return start, end - 1
    return start, end


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Flat mentions: higher priority wins, then the longer span, then the earlier one."""
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    for candidate in ranked:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


# -- grouping --------------------------------------------------------------------------------

def _initials(normal: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s\-]+", normal) if word and word[0].isalpha()
                   ).upper()


def group_entities(doc: Doc) -> None:
    """Mentions of one thing share an entity: a bare surname joins the full name, an
    abbreviation its expansion, equal normal forms each other."""
    doc.entities = []
    by_key: dict[tuple[str, str], Entity] = {}
    mentions = sorted(enumerate(doc.mentions), key=lambda im: -len(im[1].normal.split()))
    for index, mention in mentions:
        key = (mention.type, fold(mention.normal))
        entity = by_key.get(key) or _referent(doc, mention, by_key)
        if entity is None:
            entity = Entity(len(doc.entities), mention.type, mention.normal,
                            entity_key(mention.type, mention.normal))
            doc.entities.append(entity)
        by_key.setdefault(key, entity)
        entity.mention_ids.append(index)
        mention.entity_id = entity.entity_id
    for entity in doc.entities:
        entity.mention_ids.sort()


def _referent(doc: Doc, mention: Mention, by_key: dict[tuple[str, str], Entity]
              ) -> Entity | None:
    words = fold(mention.normal).split()
    if mention.type == "PER" and len(words) == 1:
        matches = [e for e in doc.entities if e.type == "PER" and words[0] in fold(e.normal).split()]
        if len(matches) == 1:
            return matches[0]
    if mention.normal.isupper() and 2 <= len(mention.normal) <= 8:
        matches = [e for e in doc.entities if e.type in ENTITY_TYPES and len(e.normal.split()) > 1
                   and _initials(e.normal) == mention.normal]
        if matches:
            return matches[0]
    del by_key
    return None


def sentence_tokens(doc: Doc, sent_id: int) -> list[Token]:
    sentence = doc.sentences[sent_id]
    return doc.tokens[sentence.first_token:sentence.last_token]
