"""``RelationExtractor``: the relation rules compiled once per process, run on a document.

Each rule of ``relations.yaml`` names the matcher that runs it (``method:``, default its
``kind``); the family modules register their matchers (``@matcher("name")``), and a rule
naming none of them stops the run when the extractor is built.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import astuple
from functools import cached_property
from pathlib import Path

from ..doc import Doc, Relation
from ..morph import Analyzer
from ..rules import RelationRule, RuleProblem, RuleSet, RuleValidationError

# the family modules register their matchers on import
from . import agreements, backoff, events, listed_groups, members, places, roles, visits  # noqa: F401
from .agreements import drop_attached_parties
from .context import MATCHERS, Context, Matcher, body_of_place
from .delegations import (
    TRAVELLER_MEMBER_RULES,
    drop_groups_going_nowhere,
    drop_solo_trips,
    find_delegations,
    only_several,
)
from .references import add_references, drop_references
from .scorer import DocFacts, FactScorer
from .vocabulary import Vocabulary

DATED = ("VISITED", "AGREEMENT_WITH", "PARTICIPATED_IN")  # relations that get a date
# A fact about a group whose origin was not found (``delegation:``) is right less often than
# the rest: on the 531 cached dev articles 27 of 41 such VISITED tuples were right (0.66; gold
# accepts an empty origin where the text names none), against 0.87 for the rest (on the
# 370-article set it was 21 of 41, and this was 0.5); its confidence is its rule's times this.
UNIDENTIFIED_GROUP = 0.7
# ... except a group's head or member: those phrasings name the group itself («в составе нашей
# делегации были X», «делегация во главе с X»), and on the 531 cached dev articles 9 of 10
# such tuples were right; they keep their rule's confidence.
NAMED_IN_GROUP = frozenset({"HEADED_BY", "MEMBER_OF_DELEGATION"})
# The fact scorer learned the first rate on those articles; on the real news of trial rounds
# 91–110 (forty sets) a visit of a group with no origin and no head named was right 24 times
# in 82 (.29): its scored confidence is taken down by this as well, below the default
# threshold (a group whose head is named is told as a group: 4 of 10, and kept).
UNIDENTIFIED_VISIT = 0.45
# member rules whose fact of a group's head is dropped (``_drop_heads_as_members``)
HEAD_MEMBER_RULES = frozenset({"member.same_sentence", "member.joined"})
WORD_LIST_NAMED = re.compile(r"""(?:words|mapping)\(\s*["']([A-Za-z0-9_]+)["']\s*\)""")
PACKAGE = Path(__file__).parent


def _strings(value) -> list[str]:
    """Every string inside ``value`` (nested tuples, lists and dicts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.items() for s in _strings(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for item in value for s in _strings(item)]
    return []


def unknown_methods(rules: RuleSet) -> list[RuleProblem]:
    """The relation rules naming a method no matcher registered (``rules check`` says so
    before a run would stop on them)."""
    return [RuleProblem(str(rules.directory / "relations.yaml"), rule.line,
                        f"rule '{rule.id}': unknown method '{rule.method or rule.kind}' "
                        f"(one of {', '.join(sorted(MATCHERS))})")
            for rule in rules.relations if (rule.method or rule.kind) not in MATCHERS]


def _drop_facts_of_several_groups(context: Context) -> None:
    """«Иностранные делегации побывали на площадках региона»: what several groups no origin
    names did is no one group's visit or part in an event; such facts are left out. So are
    the visits of a group only awaited beside another's trip («осенью в парке ждут делегацию
    из Вьетнама»): it has been nowhere yet."""
    several = {group.entity_id for group in context.delegations if group.entity_id >= 0
               and (only_several(context, group) or group.awaited)}
    for key, relation in list(context.found.items()):
        if relation.type in ("VISITED", "PARTICIPATED_IN") and relation.arg1 in several:
            del context.found[key]


def _drop_members_guessed_for_another_group(context: Context) -> None:
    """«Делегация X прибыла в Омск. Вместе с ним (её главой) приехали A и B … В те же дни в
    Омске находилась делегация Y»: a person some rule ties to one group is no member of
    another that only the main group's travellers (``TRAVELLER_MEMBER_RULES``) gave him."""
    tied: dict[int, set[int]] = {}
    for member, group, _ in context.found_of("MEMBER_OF_DELEGATION"):
        if not context.stated_by.get(("MEMBER_OF_DELEGATION", member, group), set()) \
                <= TRAVELLER_MEMBER_RULES:
            tied.setdefault(member, set()).add(group)
    for key, relation in list(context.found.items()):
        if relation.type == "MEMBER_OF_DELEGATION" and relation.arg1 in tied \
                and relation.arg2 not in tied[relation.arg1] \
                and context.stated_by.get(key, set()) <= TRAVELLER_MEMBER_RULES:
            del context.found[key]


def _drop_heads_as_members(context: Context) -> None:
    """The head of a group is not also its member: a member fact of a group's head that only
    a rule of people named near the group gave (``HEAD_MEMBER_RULES``: on the trial sets 5 of
    7 such were wrong) goes."""
    heads = {(group, person) for group, person, _ in context.found_of("HEADED_BY")}
    for key, relation in list(context.found.items()):
        if relation.type == "MEMBER_OF_DELEGATION" and (relation.arg2, relation.arg1) in heads \
                and context.stated_by.get(key, set()) <= HEAD_MEMBER_RULES:
            del context.found[key]


def _drop_members_visited(context: Context) -> None:
    """«Участники поездки — представители компаний, среди них ТОО «X» — …»: a body that came
    as one of the group is no site the group visited, nor is a body of its own home place
    («департамент коммерции провинции Цзянсу» for the Jiangsu group; dropped only now: its
    visit's sentence tells the member rules the group travelled there), nor the place its
    home body lies in («делегация зоны «X» города Чанша»), nor its home itself where a late
    rule gave the group its origin («вошли предприниматели Макао … вернулась в Макао»)."""
    came_with = {(group, body) for body, group, _ in context.found_of("MEMBER_OF_DELEGATION")}
    groups = {d.entity_id: d for d in context.delegations}
    # the place a group's own body lies in, named right after it («делегация зоны «X» города
    # Чанша»)
    homes = {(group.entity_id, place) for group in context.delegations
             for thing, place, _ in context.found_of("LOCATED_IN")
             if group.origin_entity is not None and thing == group.origin_entity
             and _named_right_after(context, place, thing)}
    for key, relation in list(context.found.items()):
        if relation.type == "VISITED" and ((relation.arg1, relation.arg2) in came_with or (
                relation.arg1 in groups
                and (body_of_place(context, relation.arg2, groups[relation.arg1])
                     or groups[relation.arg1].origin_entity == relation.arg2))
                or (relation.arg1, relation.arg2) in homes):
            del context.found[key]


def _named_right_after(context: Context, place: int, thing: int) -> bool:
    """Is a mention of ``place`` right after one of ``thing``, a place word between at most
    (««X» города Чанша»)?"""
    entities = context.doc.entities
    return any(0 < context.first(p) - context.last(t) <= 2
               for p in entities[place].mention_ids for t in entities[thing].mention_ids)


def _unidentified_group(doc: Doc, entity_id: int) -> bool:
    entity = doc.entities[entity_id]
    return entity.type == "DELEGATION" and not entity.normal


class RelationExtractor:
    """Compiled relation rules; built once per process."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer, min_confidence: float = 0.0,
                 scorer: FactScorer | bool | None = True) -> None:
        self.rules = rules
        self.analyzer = analyzer
        # relations below it are not kept (``run --min-confidence``: recall for precision)
        self.min_confidence = min_confidence
        self.vocab = Vocabulary(rules, analyzer)
        # the fact scorer of models/ (True), a given one, or none: facts keep their rules'
        self.scorer = FactScorer.load() if scorer is True else scorer or None
        # each fact's features by document, kept only when asked (scripts/build_scorer.py)
        self.record_features = False
        self.features: dict[str, list[tuple[Relation, dict[str, float]]]] = {}
        problems = unknown_methods(rules)
        if problems:
            raise RuleValidationError(problems)
        # in the rules' order: later matchers read what earlier ones found (VISITED → …)
        self.matchers: list[tuple[RelationRule, Matcher]] = [
            (rule, MATCHERS[rule.method or rule.kind]) for rule in rules.relations]

    def extract(self, doc: Doc) -> None:
        """Add the document's delegations to its mentions/entities and fill ``doc.relations``."""
        doc.relations = []
        if not doc.tokens or not doc.sentences:
            return
        context = Context(doc, self.vocab)
        find_delegations(context)
        references = add_references(context)
        for rule, run in self.matchers:
            run(context, rule)
        drop_solo_trips(context)
        drop_groups_going_nowhere(context)
        drop_attached_parties(context)
        _drop_facts_of_several_groups(context)
        _drop_members_guessed_for_another_group(context)
        _drop_members_visited(context)
        _drop_heads_as_members(context)
        drop_references(context, references)
        for relation in context.found.values():
            if relation.type not in NAMED_IN_GROUP and any(
                    _unidentified_group(doc, arg) for arg in (relation.arg1, relation.arg2)):
                relation.confidence = round(relation.confidence * UNIDENTIFIED_GROUP, 2)
        self._score(context)
        led = {group for group, _, _ in context.found_of("HEADED_BY")}
        for relation in context.found.values():
            if relation.type == "VISITED" and relation.arg1 not in led \
                    and _unidentified_group(doc, relation.arg1):
                relation.confidence = round(relation.confidence * UNIDENTIFIED_VISIT, 2)
        relations = sorted((r for r in context.found.values()
                            if r.confidence >= self.min_confidence),
                           key=lambda r: (r.sent_id, r.type))
        for key, relation in context.found.items():
            if relation.type in DATED:
                relation.date_text, relation.date_iso = _date_stated(context, key, relation)
        doc.relations = relations

    def _score(self, context: Context) -> None:
        """Each fact's confidence from the fact scorer, where there is one."""
        if self.scorer is None and not self.record_features:
            return
        facts = DocFacts(context)
        features = [(relation, facts.features(key, relation))
                    for key, relation in context.found.items()]
        if self.record_features:
            self.features[context.doc.doc_id] = features
        if self.scorer is not None:
            for relation, values in features:
                relation.confidence = round(self.scorer.probability(values), 2)

    # -- the vocabulary ------------------------------------------------------------------

    def words(self, name: str) -> frozenset[str]:
        """The lower-cased entries of words/<name>.txt."""
        return self.vocab.words(name)

    def mapping(self, name: str) -> dict[str, str]:
        """A word list of «key = value» lines as a dict (keys lower-cased)."""
        return self.vocab.mapping(name)

    @property
    def lists_read(self) -> set[str]:
        """The word lists read so far (the fingerprint covers lists_used: a superset)."""
        return self.vocab.lists_read

    @property
    def perfective_visit_verbs(self) -> frozenset[str]:
        return self.vocab.perfective_visit_verbs

    # -- what the relations depend on ----------------------------------------------------

    @cached_property
    def fingerprint(self) -> str:
        """What the relations found in a document depend on besides its tokens, mentions
        and entities: the relation rules and threshold, the word lists they and this code
        name, the package's code and the dictionary (``memo.stamp``)."""
        from .. import memo

        digest = hashlib.sha256(repr((self.rules.relations, self.min_confidence,
                                      self.scorer and self.scorer.digest)).encode())
        for name in sorted(self.lists_used):
            digest.update(repr((name, self.rules.words(name))).encode())
        digest.update(memo.stamp().encode())
        return digest.hexdigest()[:16]

    @cached_property
    def lists_used(self) -> frozenset[str]:
        """Every word list the code of this package names («words("visit_triggers")», in
        any of its modules) or a relation rule names (its trigger, its arguments); all of
        them where the source is not installed."""
        try:
            sources = [path.read_text(encoding="utf-8")
                       for path in sorted(PACKAGE.rglob("*.py"))]
        except OSError:
            return frozenset(self.vocab.lists)
        if not sources:
            return frozenset(self.vocab.lists)
        named = {name for source in sources for name in WORD_LIST_NAMED.findall(source)}
        for rule in self.rules.relations:
            named |= {value for value in _strings(astuple(rule)) if value in self.vocab.lists}
        return frozenset(named & self.vocab.lists.keys())


def _date_stated(context: Context, key: tuple, relation: Relation) -> tuple[str | None, str | None]:
    """The date of a fact: its own sentence's, else the first other sentence stating it that
    has one («… посетила технопарк» in the headline, «12 марта … посетила» in the text)."""
    others = sorted(context.stated_in.get(key, set()) - {relation.sent_id})
    for sent_id in (relation.sent_id, *others):
        date = context.date(sent_id)
        if date[0] is not None:
            return date
    return None, None
