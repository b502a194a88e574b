"""The fact scorer: a fact's confidence from everything that stated it, not its surest rule alone.

A rule's calibrated confidence is the precision of all its facts together. The same rule is
right more often when a second rule or another sentence states the fact too, when both
arguments are named in the sentence it stands in, when the article's group is identified, and
less often when one group "visits" ten things. ``fact_features`` names those signals; a
logistic regression over them (``FactScorer``), trained on the real development set by
``scripts/build_scorer.py`` and kept in ``models/scorer/facts.json``, turns them into the
probability that the fact is right. Without that file a fact keeps its rule's confidence.

Features are a name → value mapping, so a relation type or entity type the model never saw
simply has no weight: the rule's confidence (``rule_logit``) still carries the fact.
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
from .context import DELEGATION, Context

SCORER_VARIABLE = "RUEXTRACT_SCORER"  # another model file, or "none": the rules' confidences
SCORER_PATH = MODELS_DIR / "scorer" / "facts.json"
LOGIT_CLIP = 0.02  # a rule at 1.0 or 0.0 is read as .98 / .02: no feature is infinite


def logit(probability: float) -> float:
    p = min(max(probability, LOGIT_CLIP), 1 - LOGIT_CLIP)
    return math.log(p / (1 - p))


def _log_count(count: int) -> float:
    """0 for one, growing slowly with more (a second statement matters, a tenth little)."""
    return math.log(max(count, 1))


class DocFacts:
    """What the features of all of one document's facts share: counts over the document."""

    def __init__(self, ctx: Context) -> None:
        doc = ctx.doc
        self.ctx = ctx
        self.sentences = max(len(doc.sentences), 1)
        self.mention_sentences: dict[int, set[int]] = {}
        self.mentions: Counter[int] = Counter()
        self.from_ner: Counter[int] = Counter()
        for mention in doc.mentions:
            if mention.entity_id < 0:
                continue
            self.mentions[mention.entity_id] += 1
            self.from_ner[mention.entity_id] += mention.source == "ner"
            self.mention_sentences.setdefault(mention.entity_id, set()).add(mention.sent_id)
        relations = list(ctx.found.values())
        self.of_type = Counter(r.type for r in relations)
        self.fanout = Counter((r.type, r.arg1) for r in relations)
        self.fanin = Counter((r.type, r.arg2) for r in relations)
        self.delegations = len(ctx.delegations)

    def _argument(self, name: str, entity_id: int, sent_id: int) -> dict[str, float]:
        entity = self.ctx.doc.entities[entity_id]
        mentions = self.mentions[entity_id]
        unidentified = entity.type == DELEGATION and not entity.normal
        return {
            f"{name}={entity.type}": 1.0,
            f"{name}_mentions": _log_count(mentions),
            f"{name}_ner": self.from_ner[entity_id] / mentions if mentions else 0.0,
            f"{name}_here": float(sent_id in self.mention_sentences.get(entity_id, ())),
            f"{name}_unidentified": float(unidentified),
        }

    def features(self, key: tuple[str, int, int], relation: Relation) -> dict[str, float]:
        rule_logit = logit(relation.confidence)
        return {
            "bias": 1.0,
            "rule_logit": rule_logit,
            "rules": _log_count(len(self.ctx.stated_by.get(key, ()))),
            "sentences": _log_count(len(self.ctx.stated_in.get(key, ()))),
            "position": relation.sent_id / max(self.sentences - 1, 1),
            "title": float(relation.sent_id == 0),
            "doc_sentences": _log_count(self.sentences),
            "doc_delegations": _log_count(self.delegations + 1),
            "same_type_facts": _log_count(self.of_type[relation.type]),
            "arg1_fanout": _log_count(self.fanout[(relation.type, relation.arg1)]),
            "arg2_fanin": _log_count(self.fanin[(relation.type, relation.arg2)]),
            **self._argument("arg1", relation.arg1, relation.sent_id),
            **self._argument("arg2", relation.arg2, relation.sent_id),
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
