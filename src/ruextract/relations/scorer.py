"""The fact scorer: a fact's confidence from everything that stated it, not its surest rule alone.

A rule's calibrated confidence is the precision of all its facts together. The same rule is
right more often when a second rule or another sentence states the fact too, when both
arguments are named close together in the sentence it stands in, when that sentence tells a
visit in the past tense or with the group as its subject, when the article's group is
identified, when an employee also heads or joins a group, and less often when one group
"visits" ten things, the sentence has a plan word or is long, the visited site hangs on a host's
verb («принял делегацию в X») or a place is given far from where its thing was introduced; a
headline or a quotation sways it differently by the fact's type. ``DocFacts``
names those signals; a logistic regression over them (``FactScorer``), trained on the real
development set by ``scripts/build_scorer.py`` and kept in ``models/scorer/facts.json``, turns
them into the probability that the fact is right. Without that file a fact keeps its rule's
confidence.

Features are a name → value mapping, so a relation type the model never saw simply has no
weight (``arg1_fanout|NEW_TYPE``): the rule's confidence (``rule_logit``) still carries the
fact.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..doc import Relation
from ..places import MODELS_DIR
from .context import BARE_REFERENCE, DELEGATION, Context

SCORER_VARIABLE = "RUEXTRACT_SCORER"  # another model file, or "none": the rules' confidences
SCORER_PATH = MODELS_DIR / "scorer" / "facts.json"
# the source of a group's mention where a plain word for visitors names it («гости»)
GUESTS_WORD = frozenset({BARE_REFERENCE})
LOGIT_CLIP = 0.02  # a rule at 1.0 or 0.0 is read as .98 / .02: no feature is infinite
# how a line of running text ends (a closing quote too: without it the headline cue ranked the
# other dev half worse, ``build_scorer.py crossfit``)
FULL_STOPS = frozenset(".!?…»\"")
HEAD_STEPS = 12  # how far up the tree a mention's verb is looked for


def logit(probability: float) -> float:
    p = min(max(probability, LOGIT_CLIP), 1 - LOGIT_CLIP)
    return math.log(p / (1 - p))


def _log_count(count: int) -> float:
    """0 for one, growing slowly with more (a second statement matters, a tenth little)."""
    return math.log(max(count, 1))


class DocFacts:
    """What the features of all of one document's facts share: counts over the document, the
    cues of each sentence, the tokens each entity is named at in each sentence."""

    def __init__(self, ctx: Context) -> None:
        doc = ctx.doc
        self.ctx = ctx
        self.sentences = max(len(doc.sentences), 1)
        self.mention_sentences: dict[int, set[int]] = {}
        self.mentions: Counter[int] = Counter()
        self.from_ner: Counter[int] = Counter()
        # sentence → entity → how its mentions there were found (a group's: the kind of word
        # that refers to it, ``rule:delegation.reference`` for «гости»)
        self.sources_at: dict[int, dict[int, set[str]]] = {}
        for mention in doc.mentions:
            if mention.entity_id < 0:
                continue
            self.mentions[mention.entity_id] += 1
            self.from_ner[mention.entity_id] += mention.source == "ner"
            self.mention_sentences.setdefault(mention.entity_id, set()).add(mention.sent_id)
            self.sources_at.setdefault(mention.sent_id, {}).setdefault(
                mention.entity_id, set()).add(mention.source)
        # sentence → entity → the tokens its mentions there cover (the arguments' distance)
        self.named_at: dict[int, dict[int, list[int]]] = {}
        for index, token_ids in ctx.tokens_of.items():
            mention = doc.mentions[index]
            if mention.entity_id >= 0:
                self.named_at.setdefault(mention.sent_id, {}).setdefault(
                    mention.entity_id, []).extend(token_ids)
        relations = list(ctx.found.values())
        self.fanout = Counter((r.type, r.arg1) for r in relations)
        self.fanin = Counter((r.type, r.arg2) for r in relations)
        self.first_sentence = {e: min(s) for e, s in self.mention_sentences.items()}
        # the people a group is headed by or has as members (a delegation's official is
        # named with the employer the article gives him more surely than anyone else)
        self.group_people = {r.arg2 if r.type == "HEADED_BY" else r.arg1 for r in relations
                             if r.type in ("HEADED_BY", "MEMBER_OF_DELEGATION")}
        self._cues: dict[int, dict[str, float]] = {}
        self._forms: dict[int, tuple[bool, bool]] = {}
        self._plans = ctx.vocab.plan_words | ctx.vocab.words("intention_words")

    def _argument(self, name: str, entity_id: int, sent_id: int) -> dict[str, float]:
        entity = self.ctx.doc.entities[entity_id]
        mentions = self.mentions[entity_id]
        unidentified = entity.type == DELEGATION and not entity.normal
        return {
            f"{name}_ner": self.from_ner[entity_id] / mentions if mentions else 0.0,
            f"{name}_here": float(sent_id in self.mention_sentences.get(entity_id, ())),
            f"{name}_unidentified": float(unidentified),
        }

    def sentence_cues(self, sent_id: int) -> dict[str, float]:
        """How the fact's sentence tells it: with a plan or intention word («планирует»,
        «намерены»: plan_words, intention_words; the rules drop most planned facts, not all),
        or with a visit verb in the past tense («посетили», «осмотрела»: visit_triggers), the
        plainest telling of a trip that happened; and how long it is (log of its tokens)."""
        cues = self._cues.get(sent_id)
        if cues is None:
            vocab = self.ctx.vocab
            tokens = [self.ctx.doc.tokens[t] for t in self.ctx.sentence(sent_id)]
            cues = self._cues[sent_id] = {
                "sent_plan_word": float(any(t.lemma in self._plans for t in tokens)),
                "sent_past_visit": float(any(
                    t.lemma in vocab.visit_triggers and t.pos in ("VERB", "AUX")
                    and "Tense=Past" in t.feats for t in tokens)),
                # a long sentence joins more clauses: more arguments a rule can pair wrongly
                "sent_length": math.log(1 + len(tokens)),
            }
        return cues

    def _form(self, sent_id: int) -> tuple[bool, bool]:
        """Is the sentence a headline (a line of its own not ending as running text does:
        a title, a caption, a list item), and does it hold direct speech
        (``Context.in_speech``)?"""
        form = self._forms.get(sent_id)
        if form is None:
            doc = self.ctx.doc
            sentence = doc.sentences[sent_id]
            text = doc.text[sentence.start:sentence.end].rstrip()
            headline = bool(text) and text[-1] not in FULL_STOPS \
                and "\n" in doc.text[sentence.end:sentence.end + 2]
            quoted = any(self.ctx.in_speech(t) for t in self.ctx.sentence(sent_id))
            form = self._forms[sent_id] = (headline, quoted)
        return form

    def form_cues(self, relation: Relation) -> dict[str, float]:
        """The sentence as a headline or with direct speech, by the fact's type: a headline
        names a trip (VISITED) or a group's parts more loosely than the article does, a
        quotation tells who works where plainly; one weight for all types ranked the other
        dev half worse (``build_scorer.py crossfit``)."""
        headline, quoted = self._form(relation.sent_id)
        return {f"sent_headline|{relation.type}": float(headline),
                f"sent_quoted|{relation.type}": float(quoted)}

    def distance(self, relation: Relation) -> float:
        """The tokens between the two arguments' nearest mentions in the fact's sentence
        (log: a neighbour is surer than a word ten tokens off, that one little surer than one
        thirty off); 0 where either is not named there (``arg*_here`` says so)."""
        here = self.named_at.get(relation.sent_id, {})
        one, two = here.get(relation.arg1), here.get(relation.arg2)
        if not one or not two:
            return 0.0
        return math.log(1 + min(abs(a - b) for a in one for b in two))

    def _relation_in_sentence(self, entity_id: int, other: int, sent_id: int) -> str:
        """The syntactic relation (``nsubj``, ``conj``…, subtype dropped) by which the
        entity's mention nearest ``other`` hangs in the sentence; "" where it is not named
        there."""
        here = self.named_at.get(sent_id, {})
        mine, theirs = here.get(entity_id), here.get(other)
        if not mine:
            return ""
        tokens = self.ctx.doc.tokens
        roots = self._roots(mine)
        if not roots:
            return ""
        if theirs:
            roots.sort(key=lambda t: min(abs(t - o) for o in theirs))
        return tokens[roots[0]].rel.split(":")[0]

    def _roots(self, mention_tokens: list[int]) -> list[int]:
        """The tokens of a mention's words that hang outside it."""
        tokens, inside = self.ctx.doc.tokens, set(mention_tokens)
        return [t for t in mention_tokens if tokens[t].head_id not in inside]

    def visit_cues(self, relation: Relation) -> dict[str, float]:
        """How the sentence tells a visit (VISITED only: for the other types these ranked
        the other dev half no better): the group as the subject («делегация посетила X»);
        the site a later item of a list («посетила X, Y и Z»: Y and Z, conjuncts of X);
        the group called only by a plain word for visitors («гости осмотрели X»), not by
        its head word or a name. Each is right more often on both dev halves."""
        if relation.type != "VISITED":
            return {}
        sent_id, group, site = relation.sent_id, relation.arg1, relation.arg2
        sources = self.sources_at.get(sent_id, {}).get(group, set())
        return {
            "arg1_subject|VISITED": float(
                self._relation_in_sentence(group, site, sent_id) == "nsubj"),
            "arg2_listed|VISITED": float(
                self._relation_in_sentence(site, group, sent_id) == "conj"),
            "arg1_guests|VISITED": float(bool(sources) and sources <= GUESTS_WORD),
            "arg2_host_verb|VISITED": float(self._under_host_verb(site, sent_id)),
        }

    def _under_host_verb(self, entity_id: int, sent_id: int) -> bool:
        """Is the nearest verb above the entity's mention in the sentence a host's
        («принял делегацию в X», «встретил гостей на X»: host_verbs)? Such a place is where
        the host received the group, or the host's own, less often a site the group saw."""
        here = self.named_at.get(sent_id, {}).get(entity_id)
        if not here:
            return False
        tokens = self.ctx.doc.tokens
        root = (self._roots(here) or here[:1])[0]
        verb = self.ctx.verb_over(tokens[root].head_id, steps=HEAD_STEPS - 1)
        return verb is not None and tokens[verb].lemma in self.ctx.vocab.host_verbs

    def placed_cues(self, relation: Relation) -> dict[str, float]:
        """LOCATED_IN: the sentences since the located thing was first named (log): a place
        given far from where the article brings the thing in is given it less surely."""
        if relation.type != "LOCATED_IN":
            return {}
        since = relation.sent_id - self.first_sentence.get(relation.arg1, relation.sent_id)
        return {"arg1_gap|LOCATED_IN": math.log(1 + max(since, 0))}

    def employment_cues(self, relation: Relation) -> dict[str, float]:
        """WORKS_FOR: the person heads or is a member of a group in the article."""
        if relation.type != "WORKS_FOR":
            return {}
        return {"arg1_in_group|WORKS_FOR": float(relation.arg1 in self.group_people)}

    def features(self, key: tuple[str, int, int], relation: Relation) -> dict[str, float]:
        fanout = _log_count(self.fanout[(relation.type, relation.arg1)])
        sentences = _log_count(len(self.ctx.stated_in.get(key, ())))
        return {
            "bias": 1.0,
            "rule_logit": logit(relation.confidence),
            "rules": _log_count(len(self.ctx.stated_by.get(key, ()))),
            "sentences": sentences,
            # a visit the article tells twice is surer than the count says for other types
            **({"sentences|VISITED": sentences} if relation.type == "VISITED" else {}),
            "doc_sentences": _log_count(self.sentences),
            "arg1_fanout": fanout,
            # a group that "visits" ten things is wrong about some; a person who "works
            # for" three is wrong about more: the same count weighs differently by type
            f"arg1_fanout|{relation.type}": fanout,
            "arg2_fanin": _log_count(self.fanin[(relation.type, relation.arg2)]),
            "arg_distance": self.distance(relation),
            **self.sentence_cues(relation.sent_id),
            **self.form_cues(relation),
            **self._argument("arg1", relation.arg1, relation.sent_id),
            **self._argument("arg2", relation.arg2, relation.sent_id),
            **self.visit_cues(relation),
            **self.placed_cues(relation),
            **self.employment_cues(relation),
        }


@dataclass(frozen=True, slots=True)
class FactScorer:
    """A logistic regression over ``DocFacts.features``: weight by feature name."""

    weights: dict[str, float]
    digest: str  # of the model file: the relations' fingerprint covers it

    @classmethod
    def load(cls, path: Path | None = None) -> FactScorer | None:
        """The model at ``path`` (default ``$RUEXTRACT_SCORER``, else the one in ``models/``);
        None where there is none or the variable says "none" (facts keep their rules')."""
        if path is None:
            chosen = os.environ.get(SCORER_VARIABLE, "")
            if chosen.lower() == "none":
                return None
            path = Path(chosen) if chosen else SCORER_PATH
        try:
            data = path.read_bytes()
        except OSError:
            return None
        model = json.loads(data)
        return cls({name: float(w) for name, w in model["weights"].items()},
                   hashlib.sha256(data).hexdigest()[:16])

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
