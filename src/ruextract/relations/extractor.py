"""Delegations and relation rules: mentions → relations between a document's entities.

The rules are data (``data/rules/relations.yaml`` + word lists); each names the matcher
below that runs it. Matchers walk a sentence's tokens, clauses (comma chunks) and the
slovnet tree; the vocabulary they look for comes from the rule's word lists.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from functools import cached_property
from pathlib import Path

from ..doc import DELEGATION, Doc, Entity, Mention, Relation, Token, fold
from ..morph import Analyzer, parse_feats
from ..rules import RelationRule, RuleProblem, RuleSet, RuleValidationError

SYMMETRIC = {"AGREEMENT_WITH"}
SITE_TYPES = ("PARK", "ORG", "LOC", "EVENT")
CHUNK_BREAKS = {",", ";", "(", ")", ":"}
NOMINAL_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "PUNCT", "X"}
QUOTE_OPENS = ("«", "“", "„")
QUOTE_CLOSES = ("»", "”")


def _same_place(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _case(token: Token) -> str | None:
    return parse_feats(token.feats or "").get("Case")


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _is_participle(token: Token) -> bool:
    return token.pos in ("ADJ", "VERB") and token.lemma.endswith(("ть", "ться", "ти"))


@dataclass(slots=True)
class Delegation:
    origin: str
    origin_kind: str  # strong | country | none
    origin_entity: int | None
    origin_sent: int
    entity_id: int = -1
    ref_tokens: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Ref:
    token: int
    sent_id: int
    delegation: int
    source: str


WORD_LIST_NAMED = re.compile(r"""(?:words|mapping)\(\s*["']([A-Za-z0-9_]+)["']\s*\)""")


def _strings(value) -> list[str]:
    """Every string inside ``value`` (nested tuples, lists and dicts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.items() for s in _strings(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for item in value for s in _strings(item)]
    return []


class _Context:
    """One document's lookups: token → mention, tree children, delegation references."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.children: dict[int, list[int]] = {}
        for token in doc.tokens:
            if token.head_id >= 0:
                self.children.setdefault(token.head_id, []).append(token.token_id)
        self.mention_at: dict[int, int] = {}
        self.tokens_of: dict[int, list[int]] = {}
        self.bounds: dict[int, tuple[int, int]] = {}
        self.index_mentions()
        self.speech: dict[int, dict[int, bool]] = {}
        self.delegations: list[Delegation] = []
        self.refs: list[Ref] = []
        self.origin_mentions: set[int] = set()
        self.found: dict[tuple[str, int, int], Relation] = {}

    def index_mentions(self) -> None:
        """Token → mention (a later mention wins a shared token) and each mention's tokens."""
        self.mention_at = {}
        tokens = self.doc.tokens
        for index, mention in enumerate(self.doc.mentions):
            for token in tokens[self._first_token(mention.start):]:
                if token.start >= mention.end:
                    break
                if token.end > mention.start:
                    self.mention_at[token.token_id] = index
        self.tokens_of = {}
        for token_id, index in self.mention_at.items():
            self.tokens_of.setdefault(index, []).append(token_id)
        self.bounds = {index: (min(ids), max(ids)) for index, ids in self.tokens_of.items()}

    def _first_token(self, offset: int) -> int:
        low, high = 0, len(self.doc.tokens)
        while low < high:
            middle = (low + high) // 2
            if self.doc.tokens[middle].end <= offset:
                low = middle + 1
            else:
                high = middle
        return low

    def sentence(self, sent_id: int) -> range:
        s = self.doc.sentences[sent_id]
        return range(s.first_token, s.last_token)

    def mention(self, token_id: int) -> Mention | None:
        index = self.mention_at.get(token_id)
        return self.doc.mentions[index] if index is not None else None

    def mention_tokens(self, index: int) -> list[int]:
        return self.tokens_of.get(index, [])

    def first(self, index: int) -> int:
        """The first token of mention ``index``."""
        return self._bounds(index)[0]

    def last(self, index: int) -> int:
        """The last token of mention ``index``."""
        return self._bounds(index)[1]

    def _bounds(self, index: int) -> tuple[int, int]:
        bounds = self.bounds.get(index)
        if bounds is None:
            raise ValueError(f"mention {index} covers no token of its own")
        return bounds

    def mentions_in(self, token_ids: list[int] | range) -> list[int]:
        """Mention indexes whose first token is among ``token_ids``, in text order."""
        wanted = set(token_ids)
        seen: list[int] = []
        for token_id in sorted(wanted):
            index = self.mention_at.get(token_id)
            if index is not None and index not in seen and self.bounds[index][0] in wanted:
                seen.append(index)
        return seen

    def refs_in(self, sent_id: int) -> list[Ref]:
        return [r for r in self.refs if r.sent_id == sent_id]

    def in_speech(self, token_id: int) -> bool:
        """Inside a quotation longer than a name: direct speech states no facts here."""
        sent_id = self.doc.tokens[token_id].sent_id
        inside = self.speech.get(sent_id)
        if inside is None:
            inside = self.speech[sent_id] = self._quoted(sent_id)
        return inside.get(token_id, False)

    def _quoted(self, sent_id: int) -> dict[int, bool]:
        """For each token of a sentence: is it more than four tokens into an open quote?"""
        inside: dict[int, bool] = {}
        depth, opened_at = 0, -1
        for t in self.sentence(sent_id):
            text = self.doc.tokens[t].text
            inside[t] = depth > 0 and t - opened_at > 4
            if text in QUOTE_OPENS or (text == '"' and depth == 0):
                depth += 1
                opened_at = t
            elif text in QUOTE_CLOSES or text == '"':
                depth = max(depth - 1, 0)
        return inside


class RelationExtractor:
    """Compiled relation rules; built once per process."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer) -> None:
        self.rules = rules
        self.analyzer = analyzer
        self.lists = {name: frozenset(w.lower() for w in entries)
                      for name, entries in rules.wordlists.items()}
        self.lists_read: set[str] = set()  # (the fingerprint covers lists_used: a superset)
        words = self.words
        mapping = self.mapping
        self.country_adjectives = mapping("origin_country_adjectives")
        self.place_adjectives = mapping("origin_place_adjectives")
        self.months = {k: int(v) for k, v in mapping("date_months").items()}
        self.relative_years = {k: int(v) for k, v in mapping("date_relative_years").items()}
        self.place_suffixes = mapping("place_adjective_suffixes")
        self.possessive_genders = {k: v.split() for k, v in mapping("possessive_pronouns").items()}
        self.delegation_heads = words("delegation_heads")
        self.delegation_references = words("delegation_references")
        self.delegation_groups = words("delegation_groups")
        self.foreign_adjectives = words("foreign_adjectives")
        self.visit_triggers = words("visit_triggers")
        self.plan_words = words("plan_words")
        self.titles = words("post_titles")
        self.title_prefixes = tuple(words("title_prefixes"))
        self.geo_descriptors = words("geo_descriptors")
        self.park_anaphors = words("park_anaphors")
        self.zone_anaphors = words("special_zone_anaphors")
        self.lead_verbs = words("lead_verbs")
        self.member_groups = words("member_groups")
        self.org_heads = words("org_heads")
        self.named_heads = self.org_heads | words("park_nouns")
        self.relative_words = words("relative_words")
        self.continuation_words = words("continuation_words")
        self.leader_nouns = words("leader_nouns")
        self.reference_phrases = {tuple(w.split()) for w in words("delegation_reference_phrases")}
        # the subject of these is the host, not the visiting group
        self.host_verbs = words("host_verbs") | words("host_event_verbs")
        self.participation_nouns = words("participation_nouns")
        self.participation_light_verbs = words("participation_light_verbs")
        self.speech_verbs = words("speech_verbs")
        self.followup_nouns = words("meeting_followup_nouns")
        self.took_place_verbs = words("took_place_verbs")
        self.composition_nouns = words("composition_nouns")
        self.membership_verbs = words("membership_verbs")
        self.signing_nouns = words("signing_nouns")
        self.among_them = [w.split() for w in words("among_them_phrases")]
        self.site_area_nouns = words("site_area_nouns")
        self.first_person = words("first_person_words")
        self.own_group_markers = words("own_group_markers")
        # «мы посетили»: what the group says it did (rule member.speaker adds its own verbs)
        self.perfective_visit_verbs = frozenset(
            lemma for lemma in self.visit_triggers - self.host_verbs if self._perfective(lemma))
        self.methods: dict[str, Callable[[_Context, RelationRule], None]] = {
            "delegation_origin": self._delegation_origin,
            "visit_clause": self._visit_clause,
            "meeting_followup": self._meeting_followup,
            "headed_at_the_head": self._headed_at_the_head,
            "headed_lead_verb": self._headed_lead_verb,
            "member_composition": self._member_composition,
            "title_before_name": self._title_before_name,
            "title_after_name": self._title_after_name,
            "person_from_org": self._person_from_org,
            "heads_org": self._heads_org,
            "located_verb": self._located_verb,
            "located_adjacent": self._located_adjacent,
            "located_paren": self._located_paren,
            "located_adjective": self._located_adjective,
            "resident_word": self._resident_word,
            "resident_among_them": self._resident_among_them,
            "part_of_adjacent": self._part_of_adjacent,
            "agreement_between": self._agreement_between,
            "agreement_signers": self._agreement_signers,
            "took_part": self._took_part,
            "presented_at": self._presented_at,
            "visited_event": self._visited_event,
            "met_at_site": self._met_at_site,
            "hosted_by_staff": self._hosted_by_staff,
            "visited_event_place": self._visited_event_place,
            "member_speaker": self._member_speaker,
            "discussion_speakers": self._discussion_speakers,
            "member_led_by_org": self._member_led_by_org,
            "member_origin_employer": self._member_origin_employer,
        }
        problems = [RuleProblem(str(rules.directory / "relations.yaml"), rule.line,
                                f"rule '{rule.id}': unknown method '{rule.method or rule.kind}' "
                                f"(one of {', '.join(sorted(self.methods))})")
                    for rule in rules.relations if (rule.method or rule.kind) not in self.methods]
        if problems:
            raise RuleValidationError(problems)

    def words(self, name: str) -> frozenset[str]:
        """The lower-cased entries of words/<name>.txt."""
        self.lists_read.add(name)
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"word list '{name}' not found in {self.rules.directory / 'words'}: "
                           f"add words/{name}.txt") from None

    @cached_property
    def fingerprint(self) -> str:
        """What the relations found in a document depend on besides its tokens, mentions
        and entities: the relation rules, the word lists they and this code name, the
        package's code and the dictionary (``memo.stamp``)."""
        from .. import memo

        digest = hashlib.sha256(repr(self.rules.relations).encode())
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
                       for path in sorted(Path(__file__).parent.rglob("*.py"))]
        except OSError:
            return frozenset(self.lists)
        if not sources:
            return frozenset(self.lists)
        named = {name for source in sources for name in WORD_LIST_NAMED.findall(source)}
        for rule in self.rules.relations:
            named |= {value for value in _strings(astuple(rule)) if value in self.lists}
        return frozenset(named & self.lists.keys())

    def mapping(self, name: str) -> dict[str, str]:
        """A word list of «key = value» lines as a dict (keys lower-cased)."""
        self.lists_read.add(name)
        if name not in self.lists:
            self.words(name)
        pairs = (w.split("=", 1) for w in self.rules.words(name) if "=" in w)
        return {k.strip().lower(): v.strip() for k, v in pairs}

    def _perfective(self, lemma: str) -> bool:
        """Is ``lemma`` the infinitive of a perfective verb?"""
        return any(p.tag.POS == "INFN" and p.tag.aspect == "perf"
                   for p in self.analyzer.pymorphy.parse(lemma))

    def is_title(self, lemma: str) -> bool:
        """A post title lemma, also with «экс-», «вице-», «зам» before it («экс-премьер»)."""
        if lemma in self.titles:
            return True
        return any(lemma.startswith(p) and lemma[len(p):].lstrip("-") in self.titles
                   for p in self.title_prefixes)

    def extract(self, doc: Doc) -> None:
        """Add the document's delegations to its mentions/entities and fill ``doc.relations``."""
        doc.relations = []
        if not doc.tokens or not doc.sentences:
            return
        context = _Context(doc)
        self._find_delegations(context)
        for rule in self.rules.relations:
            self.methods[rule.method or rule.kind](context, rule)
        relations = sorted(context.found.values(), key=lambda r: (r.sent_id, r.type))
        for relation in relations:
            if relation.type in ("VISITED", "AGREEMENT_WITH", "PARTICIPATED_IN"):
                relation.date_text, relation.date_iso = self._date(doc, relation.sent_id)
        doc.relations = relations

    # -- delegations ---------------------------------------------------------------------

    def _find_delegations(self, ctx: _Context) -> None:
        doc = ctx.doc
        for token in doc.tokens:
            kind = self._ref_kind(ctx, token)
            if kind is None:
                continue
            mention = ctx.mention(token.token_id)
            if mention is not None and mention.type == DELEGATION:
                continue
            if mention is not None and not (mention.end == token.end
                                            and mention.type in ("ORG", "PER")):
                continue  # a word inside a longer name («Представительство …») is not a reference
            origin, origin_kind, origin_entity = self._origin(ctx, token, kind)
            index = self._assign(ctx, kind, origin, origin_kind, origin_entity, token.sent_id)
            if index is None:
                continue
            ctx.delegations[index].ref_tokens.append(token.token_id)
            ctx.refs.append(Ref(token.token_id, token.sent_id, index, f"rule:delegation.{kind}"))
        self._add_delegation_mentions(ctx)

    def _adjectives(self, ctx: _Context, token: Token) -> list[Token]:
        tokens = ctx.doc.tokens
        found = [tokens[c] for c in ctx.children.get(token.token_id, []) if tokens[c].rel == "amod"]
        i = token.token_id - 1
        while i >= 0 and tokens[i].pos == "ADJ" and tokens[i].sent_id == token.sent_id:
            found.append(tokens[i])
            i -= 1
        return found

    def _ref_kind(self, ctx: _Context, token: Token) -> str | None:
        lemma = token.lemma
        if lemma in self.delegation_heads:
            return "head"
        if lemma in self.delegation_references:
            return "reference"
        if lemma not in self.delegation_groups:
            return None
        qualifying = self.country_adjectives.keys() | self.place_adjectives.keys() \
            | self.foreign_adjectives
        if any(adj.lemma in qualifying for adj in self._adjectives(ctx, token)):
            return "group"
        head = ctx.doc.tokens[token.head_id] if token.head_id >= 0 else None
        if token.rel in ("nsubj", "nsubj:pass") and head is not None \
                and head.lemma in self.visit_triggers and head.lemma not in self.host_verbs \
                and not ctx.in_speech(token.token_id):
            return "group"
        if any((lemma, ctx.doc.tokens[c].lemma) in self.reference_phrases
               for c in ctx.children.get(token.token_id, [])):
            return "reference"
        return None

    def _origin(self, ctx: _Context, token: Token, kind: str
                ) -> tuple[str, str, int | None]:
        """Where a delegation mention says the group comes from: a place or organisation in
        its genitive/«из» chain, or an origin adjective."""
        tokens, doc = ctx.doc.tokens, ctx.doc
        frontier, depth_of = [token.token_id], {token.token_id: 0}
        order: list[int] = []
        while frontier:
            current = frontier.pop(0)
            for child in ctx.children.get(current, []):
                c = tokens[child]
                if c.rel not in ("nmod", "appos", "flat", "flat:name", "amod", "nummod",
                                 "flat:foreign") or depth_of[current] >= 4:
                    continue
                cases = [tokens[g].lemma for g in ctx.children.get(child, [])
                         if tokens[g].rel in ("case", "fixed")]
                if c.lemma in self.leader_nouns or (cases and cases[0] != "из"):
                    continue
                mention = ctx.mention(child)
                if mention is not None and mention.type == "PER":
                    continue
                depth_of[child] = depth_of[current] + 1
                order.append(child)
                frontier.append(child)
        order.sort(key=lambda t: (depth_of[t], t))
        adjectives = [a for a in self._adjectives(ctx, token)] + [tokens[t] for t in order
                                                                  if tokens[t].pos == "ADJ"]
        by_type: dict[str, int] = {}
        for t in order:
            index = ctx.mention_at.get(t)
            if index is not None and doc.mentions[index].type in ("LOC", "ORG"):
                by_type.setdefault(doc.mentions[index].type, index)
        if "LOC" in by_type:
            return self._origin_mention(ctx, by_type["LOC"])
        for adj in adjectives:
            if adj.lemma in self.place_adjectives:
                return self.place_adjectives[adj.lemma], "strong", None
        if "ORG" in by_type and kind == "head":
            return self._origin_mention(ctx, by_type["ORG"])
        for adj in adjectives:
            if adj.lemma in self.country_adjectives:
                return self.country_adjectives[adj.lemma], "country", None
        return "", "none", None

    def _origin_mention(self, ctx: _Context, index: int) -> tuple[str, str, int | None]:
        mention = ctx.doc.mentions[index]
        ctx.origin_mentions.add(index)
        entity = ctx.doc.entities[mention.entity_id] if 0 <= mention.entity_id < len(
            ctx.doc.entities) else None
        return (entity.normal if entity else mention.normal), "strong", mention.entity_id

    def _assign(self, ctx: _Context, kind: str, origin: str, origin_kind: str,
                origin_entity: int | None, sent_id: int) -> int | None:
        """Which delegation a mention refers to: the same origin, else the main visiting
        group; a «делегация» with a new named origin is a new group."""
        delegations = ctx.delegations
        same = [i for i, d in enumerate(delegations) if origin and _same_place(d.origin, origin)]
        if same:
            return same[0]
        if origin_kind == "strong" and kind == "head":
            return self._new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        if origin_kind == "country":
            regional = [i for i, d in enumerate(delegations) if d.origin_kind == "strong"]
            if regional:
                return regional[0]
        if delegations:
            return 0
        if kind in ("head", "group"):
            return self._new_delegation(ctx, origin, origin_kind, origin_entity, sent_id)
        return None

    def _new_delegation(self, ctx: _Context, origin: str, origin_kind: str,
                        origin_entity: int | None, sent_id: int) -> int:
        if origin_entity is None and origin:
            places = [e for e in ctx.doc.entities
                      if e.type == "LOC" and _same_place(e.normal, origin)]
            origin_entity = places[0].entity_id if places else None
        ctx.delegations.append(Delegation(origin, origin_kind, origin_entity, sent_id))
        return len(ctx.delegations) - 1

    def _add_delegation_mentions(self, ctx: _Context) -> None:
        """Each delegation becomes an entity; its reference words become flat mentions."""
        doc = ctx.doc
        for delegation in ctx.delegations:
            delegation.entity_id = len(doc.entities)
            doc.entities.append(Entity(delegation.entity_id, DELEGATION, delegation.origin,
                                       f"{DELEGATION}:{fold(delegation.origin)}"))
        for ref in ctx.refs:
            token = doc.tokens[ref.token]
            entity_id = ctx.delegations[ref.delegation].entity_id
            existing = ctx.mention(ref.token)
            if existing is not None:  # «Пензенская делегация» taken for an organisation
                existing.type, existing.entity_id, existing.source = DELEGATION, entity_id, \
                    ref.source
                existing.normal = ctx.delegations[ref.delegation].origin
                continue
            doc.mentions.append(Mention(token.start, token.end, DELEGATION, token.text,
                                        ctx.delegations[ref.delegation].origin, ref.source,
                                        token.sent_id, entity_id))
        doc.mentions.sort(key=lambda m: m.start)
        used = sorted({m.entity_id for m in doc.mentions if m.entity_id >= 0}
                      | {d.entity_id for d in ctx.delegations}
                      | {d.origin_entity for d in ctx.delegations if d.origin_entity is not None})
        renumber = {old: new for new, old in enumerate(used)}
        doc.entities = [doc.entities[old] for old in used]
        for entity in doc.entities:
            entity.entity_id = renumber[entity.entity_id]
            entity.mention_ids = []
        for index, mention in enumerate(doc.mentions):
            if mention.entity_id in renumber:
                mention.entity_id = renumber[mention.entity_id]
                doc.entities[mention.entity_id].mention_ids.append(index)
        for delegation in ctx.delegations:
            delegation.entity_id = renumber[delegation.entity_id]
            if delegation.origin_entity is not None:
                delegation.origin_entity = renumber[delegation.origin_entity]
        ctx.origin_mentions = set()
        ctx.index_mentions()
        for delegation in ctx.delegations:
            for ref_token in delegation.ref_tokens:
                self._origin(ctx, doc.tokens[ref_token], "head")  # re-mark origin mentions

    # -- relation bookkeeping ------------------------------------------------------------

    def _add(self, ctx: _Context, rule: RelationRule, arg1: int | None, arg2: int | None,
             sent_id: int, role: str | None = None) -> None:
        if arg1 is None or arg2 is None or arg1 == arg2:
            return
        entities = ctx.doc.entities
        allowed = rule.args or {}
        if allowed.get("arg1") and entities[arg1].type not in allowed["arg1"]:
            return
        if allowed.get("arg2") and entities[arg2].type not in allowed["arg2"]:
            return
        if entities[arg1].type != DELEGATION and entities[arg2].type != DELEGATION \
                and fold(entities[arg1].normal) == fold(entities[arg2].normal):
            return
        key = (rule.relation, arg1, arg2)
        if rule.relation in SYMMETRIC:
            key = (rule.relation, min(arg1, arg2), max(arg1, arg2))
        known = ctx.found.get(key)
        if known is None or sent_id < known.sent_id:
            ctx.found[key] = Relation(rule.relation, key[1], key[2], sent_id, rule.id,
                                      rule.confidence, role or None)

    def _entity(self, ctx: _Context, index: int) -> int:
        """A mention's entity; a bare «технопарк» stands for the park the text is about."""
        mention = ctx.doc.mentions[index]
        if fold(mention.normal) in self.park_anaphors:
            park = self._resolve_park(ctx, ctx.first(index))
            if park is not None:
                return park
        return mention.entity_id

    def _resolve_park(self, ctx: _Context, token_id: int) -> int | None:
        doc = ctx.doc
        lemma = doc.tokens[token_id].lemma
        start = doc.tokens[token_id].start
        parks = [m for m in doc.mentions if m.type == "PARK" and fold(m.normal) not in
                 self.park_anaphors]
        if not parks:
            return None
        before = [m for m in parks if m.start < start] or parks
        zone = lemma in self.zone_anaphors
        matching = [m for m in before if lemma[:-1] in fold(m.text)
                    or (zone and any(word in fold(m.text) for word in self.zone_anaphors))]
        return (matching or before)[-1].entity_id

    def _chunks(self, ctx: _Context, sent_id: int) -> list[list[int]]:
        chunks: list[list[int]] = [[]]
        for t in ctx.sentence(sent_id):
            token = ctx.doc.tokens[t]
            if token.text in CHUNK_BREAKS and t not in ctx.mention_at:
                chunks.append([])
            else:
                chunks[-1].append(t)
        return [c for c in chunks if c]

    def _chunk_kind(self, ctx: _Context, chunk: list[int]) -> str:
        tokens = ctx.doc.tokens
        words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in ctx.mention_at]
        if not words:
            return "other"
        first = tokens[words[0]]
        if any(tokens[t].lemma in self.relative_words for t in words[:2]) \
                or _is_participle(first):
            return "relative"
        if first.lemma in self.continuation_words or words[0] in ctx.mention_at:
            return "continuation"
        adjectives = [t for t in words if tokens[t].pos == "ADJ"]
        head = next((tokens[t] for t in words if t not in adjectives), first)
        if self.is_title(head.lemma):
            return "title"
        if first.pos in ("VERB", "AUX"):
            return "verb"
        return "other"

    def _scope(self, ctx: _Context, token_id: int, lenient: bool = False) -> list[int]:
        """The tokens of ``token_id``'s clause: its comma chunk and the list items that
        continue it, skipping relative/participial and title chunks in between."""
        chunks = self._chunks(ctx, ctx.doc.tokens[token_id].sent_id)
        position = next(i for i, c in enumerate(chunks) if token_id in c)
        scope = list(chunks[position])
        for chunk in chunks[position + 1:]:
            kind = self._chunk_kind(ctx, chunk)
            if kind == "continuation" or (lenient and kind == "other"):
                scope.extend(chunk)
            elif kind in ("relative", "title"):
                continue
            else:
                break
        return scope

    def _title_dependent(self, ctx: _Context, index: int, singular_only: bool = False) -> bool:
        """Is the mention the employer in a title phrase («министр X», «во главе с …»)?"""
        tokens = ctx.doc.tokens
        first = ctx.first(index)
        t = first - 1
        steps = 0
        while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and steps < 8:
            token = tokens[t]
            if self.is_title(token.lemma) or token.lemma in self.leader_nouns:
                return not (singular_only and "Number=Plur" in token.feats)
            other = ctx.mention_at.get(t)
            if other is not None and ctx.doc.mentions[other].type == "PER":
                return False
            if token.pos not in NOMINAL_POS or token.text in CHUNK_BREAKS:
                return False
            t -= 1
            steps += 1
        return False

    def _ref_dependent(self, ctx: _Context, index: int) -> bool:
        """Is the mention in a delegation's own noun phrase («представители компаний Китая»)?"""
        tokens = ctx.doc.tokens
        refs = {r.token for r in ctx.refs}
        first = ctx.first(index)
        t = first - 1
        while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and first - t <= 12:
            if t in refs:
                return True
            if t not in ctx.mention_at and (tokens[t].pos not in NOMINAL_POS | {"ADV", "SCONJ"}
                                            or tokens[t].text in CHUNK_BREAKS):
                return False
            t -= 1
        return False

    def _located_part(self, ctx: _Context, index: int) -> bool:
        """A place that only says where a site is («технопарк X на острове Y», «из Бурсы»)."""
        tokens = ctx.doc.tokens
        first = ctx.first(index)
        t = first - 1
        if t >= 0 and tokens[t].lemma in self.geo_descriptors:
            t -= 1
        if t < 0 or tokens[t].lemma not in ("в", "на", "из", "во"):
            return False
        if tokens[t].lemma == "из":
            return True
        previous = ctx.mention_at.get(t - 1)
        return previous is not None and ctx.doc.mentions[previous].type in ("PARK", "ORG", "EVENT")

    def _planned(self, ctx: _Context, token_id: int) -> bool:
        tokens = ctx.doc.tokens
        token = tokens[token_id]
        if "Tense=Fut" in token.feats:
            return True
        near = [token.head_id, *ctx.children.get(token_id, []),
                *range(max(token_id - 3, 0), token_id)]
        near = [t for t in near if 0 <= t < len(tokens) and tokens[t].sent_id == token.sent_id]
        if any(tokens[t].lemma in self.plan_words for t in near):
            return True
        return token_id > 0 and tokens[token_id - 1].lemma == "не"

    def _nearest_ref(self, ctx: _Context, token_id: int, scope: list[int] | None = None
                     ) -> Ref | None:
        refs = ctx.refs_in(ctx.doc.tokens[token_id].sent_id)
        if scope is not None:
            inside = [r for r in refs if r.token in scope]
            refs = inside or refs
        if not refs:
            return None
        return min(refs, key=lambda r: abs(r.token - token_id))

    def _delegation_entity(self, ctx: _Context, ref: Ref) -> int:
        return ctx.delegations[ref.delegation].entity_id

    # -- matchers ------------------------------------------------------------------------

    def _delegation_origin(self, ctx: _Context, rule: RelationRule) -> None:
        for delegation in ctx.delegations:
            self._add(ctx, rule, delegation.entity_id, delegation.origin_entity,
                      delegation.origin_sent)

    def _visit_targets(self, ctx: _Context, scope: list[int]) -> list[int]:
        targets = []
        for index in ctx.mentions_in(scope):
            mention = ctx.doc.mentions[index]
            if mention.type not in SITE_TYPES or index in ctx.origin_mentions:
                continue
            if self._title_dependent(ctx, index) or self._located_part(ctx, index) \
                    or self._ref_dependent(ctx, index):
                continue
            targets.append(index)
        return targets

    def _visit_clause(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for token in tokens:
            if token.lemma not in self.visit_triggers or self._planned(ctx, token.token_id):
                continue
            speech = ctx.in_speech(token.token_id)
            if speech and not self._reported_visit(token):
                continue
            following = [tokens[t].lemma for t in range(token.token_id + 1,
                                                         min(token.token_id + 3, len(tokens)))]
            if token.lemma in self.participation_light_verbs \
                    and any(f in self.participation_nouns for f in following):
                continue
            scope = self._scope(ctx, token.token_id)
            if token.pos == "NOUN" and any(tokens[t].lemma in self.visit_triggers
                                           and tokens[t].pos == "VERB" for t in scope):
                continue  # the verb of the clause decides («в ходе визита … планирует посетить»)
            ref = self._nearest_ref(ctx, token.token_id, scope)
            if speech:
                # «…, когда делегация новосибирских компаний приезжала к нам на Хоккайдо»:
                # quoted, a past visit counts where a «делегация» in the clause makes it
                ref = next((r for r in ctx.refs_in(token.sent_id) if r.token in scope
                            and r.token < token.token_id
                            and tokens[r.token].lemma in self.delegation_heads), None)
            if ref is None:
                continue
            for index in self._visit_targets(ctx, scope):
                first = ctx.first(index)
                if any(tokens[b].lemma in self.participation_nouns for b in
                       range(min(first, token.token_id) + 1, first)):
                    continue  # «визит … в рамках участия компаний в выставке X»
                self._add(ctx, rule, self._delegation_entity(ctx, ref),
                          self._entity(ctx, index), token.sent_id)

    @staticmethod
    def _reported_visit(token: Token) -> bool:
        """A visit verb in the past that direct speech reports as a fact."""
        return token.pos == "VERB" and "VerbForm=Fin" in token.feats \
            and "Tense=Past" in token.feats

    def _meeting_followup(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for sent_id in range(1, len(ctx.doc.sentences)):
            sentence = list(ctx.sentence(sent_id))
            if ctx.refs_in(sent_id) or not sentence:
                continue
            opening = [tokens[t] for t in sentence[:3]]
            if not any(t.lemma in self.followup_nouns for t in opening) or not any(
                    tokens[t].lemma in self.took_place_verbs for t in sentence):
                continue
            previous = ctx.refs_in(sent_id - 1)
            if not previous or not any(tokens[t].lemma in self.visit_triggers
                                       for t in ctx.sentence(sent_id - 1)):
                continue
            for index in self._visit_targets(ctx, sentence):
                self._add(ctx, rule, self._delegation_entity(ctx, previous[0]),
                          self._entity(ctx, index), sent_id)

    def _first_mention_after(self, ctx: _Context, start: int, types: tuple[str, ...],
                             limit: int = 12, stop_at_comma: bool = True) -> int | None:
        tokens = ctx.doc.tokens
        sent_id = tokens[start].sent_id if start < len(tokens) else -1
        for t in range(start, min(start + limit, len(tokens))):
            token = tokens[t]
            if token.sent_id != sent_id:
                return None
            index = ctx.mention_at.get(t)
            if index is not None and ctx.doc.mentions[index].type in types:
                return index
            if index is None and (token.text in (";", ".") or (stop_at_comma and token.text == ",")
                                  or (token.pos == "VERB" and "VerbForm=Fin" in token.feats)):
                return None
        return None

    def _headed_at_the_head(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for token in tokens:
            if token.lemma not in self.leader_nouns or token.token_id == 0 \
                    or tokens[token.token_id - 1].lemma not in ("в", "во"):
                continue
            after = token.token_id + 1
            if after < len(tokens) and tokens[after].lemma == "с":
                person = self._first_mention_after(ctx, after + 1, ("PER",))
                scope = range(max(token.token_id - 4, 0), token.token_id)
                ref = self._nearest_ref(ctx, token.token_id, list(scope))
            else:
                ref = next((r for r in ctx.refs if r.token == after), None)
                person = self._first_mention_after(ctx, after + 1, ("PER",), 6)
            if person is not None and ref is not None:
                self._add(ctx, rule, self._delegation_entity(ctx, ref),
                          self._entity(ctx, person), token.sent_id)

    def _headed_lead_verb(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger)
        for token in tokens:
            if token.lemma not in verbs or ctx.in_speech(token.token_id):
                continue
            children = ctx.children.get(token.token_id, [])
            ref = next((r for r in ctx.refs if r.token in children or r.token == token.head_id),
                       None) or self._nearest_ref(ctx, token.token_id)
            person = None
            for child in children:
                index = ctx.mention_at.get(child)
                if tokens[child].rel == "nsubj" and index is not None \
                        and ctx.doc.mentions[index].type == "PER":
                    person = index
            if person is None:
                person = self._first_mention_after(ctx, token.token_id + 1, ("PER",), 3)
            if person is None:
                opening = range(ctx.doc.sentences[token.sent_id].first_token, token.token_id)
                before = [i for i in ctx.mentions_in(opening)
                          if ctx.doc.mentions[i].type == "PER"]
                verbs = [t for t in opening
                         if tokens[t].pos == "VERB" and "VerbForm=Fin" in tokens[t].feats]
                if before and not verbs:
                    person = before[0]
            if person is not None and ref is not None:
                self._add(ctx, rule, self._delegation_entity(ctx, ref),
                          self._entity(ctx, person), token.sent_id)

    def _member_composition(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        if not ctx.delegations:
            return
        for token in tokens:
            t = token.token_id
            following = [tokens[i] for i in range(t + 1, min(t + 4, len(tokens)))]
            group = None
            if token.lemma in self.composition_nouns:
                group = next((f for f in following if f.lemma in self.member_groups), None)
            elif token.lemma in self.membership_verbs:
                around = [tokens[i] for i in range(max(t - 3, 0), min(t + 4, len(tokens)))
                          if tokens[i].sent_id == token.sent_id]
                group = next((f for f in around if f.lemma in self.delegation_heads
                              and any(tokens[c].lemma == "в" for c in ctx.children.get(
                                  f.token_id, []))), None)
                if group is None and any(f.lemma == "который" for f in
                                         tokens[max(t - 2, 0):t]):
                    group = next((r for r in reversed(range(max(t - 6, 0), t))
                                  if tokens[r].lemma in self.delegation_heads), None)
                    group = tokens[group] if group is not None else None
            if group is None:
                continue
            ref = next((r for r in ctx.refs if r.token == group.token_id), None)
            delegation = ctx.delegations[ref.delegation if ref else 0].entity_id
            scope = [i for i in self._scope(ctx, t, lenient=True) if i > group.token_id]
            for index in ctx.mentions_in(scope):
                mention = ctx.doc.mentions[index]
                if mention.type not in ("PER", "ORG") or index in ctx.origin_mentions:
                    continue
                if mention.type == "ORG" and self._title_dependent(ctx, index, True):
                    continue
                self._add(ctx, rule, self._entity(ctx, index), delegation, token.sent_id)

    def _role(self, ctx: _Context, token_ids: list[int]) -> str:
        """The post as a noun phrase in the nominative: «заместителем министра» →
        «заместитель министра»."""
        tokens = ctx.doc.tokens
        words: list[str] = []
        inflecting = True
        for t in token_ids:
            token = tokens[t]
            word = token.text.lower()
            if inflecting and token.pos in ("ADJ", "NOUN"):
                parses = [p for p in self.analyzer.parse(token.text)
                          if p.normal_form == token.lemma]
                if parses:
                    inflected = parses[0].inflect({"nomn"})
                    word = inflected.word if inflected else word
                if token.pos == "NOUN":
                    inflecting = False
            words.append(word)
        return " ".join(words).strip(" ,")

    def _employers(self, ctx: _Context, segment: list[int]) -> list[int]:
        found = [i for i in ctx.mentions_in(segment)
                 if ctx.doc.mentions[i].type in ("ORG", "LOC", "PARK")]
        if not found:
            return []
        return [found[0]] + [i for i in found[1:] if ctx.doc.mentions[i].type != "LOC"]

    def _title_start(self, ctx: _Context, segment: list[int]) -> int | None:
        """Index in ``segment`` of its title word, if the segment is «[adjectives] title …»."""
        tokens = ctx.doc.tokens
        for position, t in enumerate(segment):
            if self.is_title(tokens[t].lemma):
                return position
            if tokens[t].pos != "ADJ" or t in ctx.mention_at:
                return None
        return None

    def _add_works_for(self, ctx: _Context, rule: RelationRule, person: int,
                       segment: list[int], sent_id: int,
                       persons: list[int] | None = None) -> None:
        start = self._title_start(ctx, segment)
        if start is None:
            return
        if "Number=Plur" in ctx.doc.tokens[segment[start]].feats:
            # «X и Y, руководители компаний A и B»: one employer each, in order
            employers = [i for i in ctx.mentions_in(segment[start:])
                         if ctx.doc.mentions[i].type == "ORG"]
            if persons and len(persons) >= 2 and len(employers) == len(persons) and \
                    len({self._entity(ctx, e) for e in employers}) == len(employers):
                first = ctx.first(employers[0])
                role = self._role(ctx, [t for t in segment[start:] if t < first])
                for who, employer in zip(persons, employers, strict=True):
                    self._add(ctx, rule, self._entity(ctx, who), self._entity(ctx, employer),
                              sent_id, role)
            return
        employers = self._employers(ctx, segment)
        for employer in employers:
            first = ctx.first(employer)
            role = self._role(ctx, [t for t in segment[start:] if t < first])
            self._add(ctx, rule, self._entity(ctx, person), self._entity(ctx, employer),
                      sent_id, role)
        if employers:
            return
        # «генеральный директор технопарка Олег Веденеев»: the park the text is about
        tokens = ctx.doc.tokens
        for position in range(start + 1, len(segment)):
            t = segment[position]
            if t in ctx.mention_at or tokens[t].pos not in ("NOUN", "ADJ"):
                break
            if tokens[t].lemma in self.park_anaphors and "Case=Gen" in tokens[t].feats:
                role = self._role(ctx, segment[start:position])
                self._add(ctx, rule, self._entity(ctx, person), self._resolve_park(ctx, t),
                          sent_id, role)
                break

    def _title_before_name(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type != "PER":
                continue
            first = ctx.first(index)
            collected: list[int] = []
            t = first - 1
            while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and len(collected) < 30:
                other = ctx.mention_at.get(t)
                token = tokens[t]
                if other is None and token.text == ")":
                    # «Генеральный секретарь Фронта (ОФДД) Наттавута Сайкыа»: a short
                    # parenthesis after the employer is skipped
                    opening = next((o for o in range(t - 1, max(t - 5, -1), -1)
                                    if tokens[o].text == "("), None)
                    if opening is not None and opening > 0 and \
                            all(tokens[o].text not in ("(", ")") for o in range(opening + 1, t)):
                        t = opening - 1
                        continue
                if other is None and (token.pos not in NOMINAL_POS or token.text in
                                      (".", ";", ":", "—", "–", "-", "(", ")")):
                    break
                if other is not None and ctx.doc.mentions[other].type in ("PER", DELEGATION):
                    break
                collected.insert(0, t)
                t -= 1
            segments: list[list[int]] = [[]]
            for t in collected:
                if tokens[t].text == "," and t not in ctx.mention_at:
                    segments.append([])
                else:
                    segments[-1].append(t)
            for segment in reversed(segments):
                segment = self._agreeing(ctx, self._from_title(ctx, segment), index)
                if not segment:
                    break
                self._add_works_for(ctx, rule, index, segment, mention.sent_id)
                if segment and segment[0] == collected[0]:
                    self._possessive_employer(ctx, rule, index, segment, mention.sent_id)

    def _possessive_employer(self, ctx: _Context, rule: RelationRule, person: int,
                             segment: list[int], sent_id: int) -> None:
        """«… компания «НижФармСинтез», которая экспортирует субстанции. Её директор Елена
        Сбоева …»: a bare title after «её/его» works for the organisation named last, when
        no person is named after it."""
        tokens = ctx.doc.tokens
        before = segment[0] - 1
        if before < 0 or tokens[before].text.lower() not in self.possessive_genders:
            return
        title = self._title_start(ctx, segment)
        if title is None or "Number=Plur" in tokens[segment[title]].feats \
                or any(t in ctx.mention_at for t in segment):
            return
        first = ctx.doc.sentences[max(tokens[before].sent_id - 1, 0)].first_token
        for t in range(before - 1, first - 1, -1):
            index = ctx.mention_at.get(t)
            if index is None or ctx.in_speech(t):
                continue
            kind = ctx.doc.mentions[index].type
            if kind in ("ORG", "PARK"):
                # the name's generic head agrees with the possessive («компания … Её»)
                head = ctx.first(index)
                heads = self.named_heads
                if tokens[head].lemma not in heads:
                    head -= 1
                    while head >= 0 and tokens[head].text in ("«", '"', "„"):
                        head -= 1
                gender = parse_feats(tokens[head].feats or "").get("Gender") if head >= 0 else None
                wanted = self.possessive_genders[tokens[before].text.lower()]
                if tokens[head].lemma not in heads or not gender or gender not in wanted:
                    return
                self._add(ctx, rule, self._entity(ctx, person), self._entity(ctx, index),
                          sent_id, self._role(ctx, segment[title:]))
                return
            if kind in ("PER", DELEGATION):
                return

    def _agreeing(self, ctx: _Context, segment: list[int], person: int) -> list[int]:
        """The part of a title phrase from its first title in the person's case: «пресс-
        секретарю экс-президента США Билла Клинтона» → «экс-президента США»; «с
        корреспондентом «Голоса Америки» лидер движения X» has none."""
        tokens = ctx.doc.tokens
        cases = {_case(tokens[t]) for t in ctx.mention_tokens(person)} - {None}
        if "Acc" in cases or "Gen" in cases:
            cases |= {"Acc", "Gen"}  # animate accusative = genitive
        if "Nom" in cases:
            cases |= {"Acc", "Gen"}  # a foreign name that does not decline reads as nominative
        for position, t in enumerate(segment):
            if not self.is_title(tokens[t].lemma) or t in ctx.mention_at:
                continue
            case = _case(tokens[t])
            if case is None or not cases or case in cases:
                while position > 0 and tokens[segment[position - 1]].pos == "ADJ":
                    position -= 1
                return segment[position:]
        return []

    def _from_title(self, ctx: _Context, segment: list[int]) -> list[int]:
        """The tail of ``segment`` that is the name's title phrase: the last title word and
        the titles whose genitive chain it continues («заместитель генерального директора
        Биотехнопарка»), with their adjectives; what precedes («При подписании соглашения»,
        «с губернатором области») is not part of it."""
        tokens = ctx.doc.tokens
        titles = [p for p, t in enumerate(segment)
                  if self.is_title(tokens[t].lemma) and t not in ctx.mention_at]
        if not titles:
            return []
        start = titles[-1]
        for position in reversed(titles[:-1]):
            following = tokens[segment[start]]
            between = segment[position + 1:start]
            if "Case=Gen" not in following.feats or any(
                    tokens[t].pos in ("VERB", "AUX") for t in between):
                break
            start = position
        while start > 0 and tokens[segment[start - 1]].pos == "ADJ" \
                and segment[start - 1] not in ctx.mention_at:
            start -= 1
        if start > 1 and tokens[segment[start - 1]].lemma == "и":
            # «директор кластера «Биофарм» и директор Инновационного центра»: both posts
            earlier = self._from_title(ctx, segment[:start - 1])
            if earlier:
                return earlier + segment[start - 1:]
        return segment[start:]

    def _person_list(self, ctx: _Context, index: int) -> list[int]:
        """The persons of a list ending with mention ``index`` («Иван Петров и Пётр Иванов»)."""
        tokens = ctx.doc.tokens
        persons = [index]
        t = ctx.first(index) - 1
        while t > 0 and tokens[t].text in (",", "и") and t not in ctx.mention_at:
            other = ctx.mention_at.get(t - 1)
            if other is None or ctx.doc.mentions[other].type != "PER":
                break
            persons.insert(0, other)
            t = ctx.first(other) - 1
        return persons

    def _title_after_name(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type != "PER":
                continue
            last = ctx.last(index)
            comma = last + 1
            if comma >= len(tokens) or tokens[comma].text not in (",", "—", "–", "-") \
                    or tokens[comma].sent_id != mention.sent_id:
                continue
            segment: list[int] = []
            t = comma + 1
            while t < len(tokens) and tokens[t].sent_id == mention.sent_id:
                token = tokens[t]
                if t not in ctx.mention_at and (token.text in CHUNK_BREAKS | {".", "—", "–"}
                                                or token.pos not in NOMINAL_POS):
                    break
                other = ctx.mention_at.get(t)
                if other is not None and ctx.doc.mentions[other].type == "PER":
                    segment = []  # «X, координатор движения Y Сергей Удальцов»: the next name's
                    break
                segment.append(t)
                t += 1
            self._add_works_for(ctx, rule, index, segment, mention.sent_id,
                                self._person_list(ctx, index))

    def _person_from_org(self, ctx: _Context, rule: RelationRule) -> None:
        """«Фудзита Марико из Министерства экономики Хоккайдо», «X из компании «Y»»."""
        tokens = ctx.doc.tokens
        heads = self.words(rule.trigger)
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type != "PER":
                continue
            t = ctx.last(index) + 1
            if t >= len(tokens) or tokens[t].lemma != "из" or t in ctx.mention_at:
                continue
            t += 1
            while t < len(tokens) and t not in ctx.mention_at and tokens[t].lemma in heads:
                t += 1  # «из компании», «из группы компаний»
            employer = ctx.mention_at.get(t)
            if employer is None or ctx.doc.mentions[employer].type not in ("ORG", "PARK") \
                    or ctx.first(employer) != t:
                continue
            self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, employer),
                      mention.sent_id, rule.role)

    def _heads_org(self, ctx: _Context, rule: RelationRule) -> None:
        """«X возглавляет компанию «Y»», «компания «Y», которую возглавляет X»,
        «партия Y, возглавляемая X»."""
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger) | self.lead_verbs  # who leads a group leads an org
        for token in tokens:
            t = token.token_id
            if token.lemma not in verbs or ctx.in_speech(t) or self._planned(ctx, t):
                continue
            person = employer = None
            for child in ctx.children.get(t, []):
                index = ctx.mention_at.get(child)
                if index is None and tokens[child].rel == "obj" and \
                        tokens[child].lemma in self.org_heads:
                    index = ctx.mention_at.get(child + 1)  # «возглавил компанию «Y»»
                if index is None:
                    continue
                kind = ctx.doc.mentions[index].type
                if kind == "PER" and tokens[child].rel in ("nsubj", "obl", "obl:agent"):
                    person = index
                elif kind in ("ORG", "PARK") and tokens[child].rel in ("obj", "nsubj:pass"):
                    employer = index
            if employer is None and token.rel in ("acl", "acl:relcl", "amod") \
                    and token.head_id >= 0:
                employer = ctx.mention_at.get(token.head_id)
                if t > 0 and tokens[t - 1].lemma == "который" and employer is None:
                    employer = ctx.mention_at.get(t - 3)
            if person is None:
                person = self._first_mention_after(ctx, t + 1, ("PER",), 3)
            if person is None or employer is None or \
                    ctx.doc.mentions[employer].type not in ("ORG", "PARK"):
                continue
            self._add(ctx, rule, self._entity(ctx, person), self._entity(ctx, employer),
                      token.sent_id, rule.role)

    def _located_verb(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        trigger_words = self.words(rule.trigger)
        for token in tokens:
            if token.lemma not in trigger_words or ctx.in_speech(token.token_id):
                continue
            subject = None
            candidates = [c for c in ctx.children.get(token.token_id, [])
                          if tokens[c].rel in ("nsubj", "nsubj:pass")]
            if token.pos == "ADJ" or token.rel in ("acl", "amod"):
                candidates.append(token.head_id)
            if token.token_id >= 2 and tokens[token.token_id - 1].lemma == "который":
                candidates.append(self._before_relative(ctx, token.token_id - 1))
            if token.token_id >= 1 and tokens[token.token_id - 1].sent_id == token.sent_id:
                candidates.append(token.token_id - 1)  # «X располагается в …» parsed apart
            for c in candidates:
                if c < 0:
                    continue
                index = ctx.mention_at.get(c)
                if index is not None:
                    subject = self._entity(ctx, index)
                elif tokens[c].lemma in self.park_anaphors:
                    subject = self._resolve_park(ctx, c)
                if subject is not None:
                    break
            if subject is None:
                continue
            if token.lemma in self.took_place_verbs and ctx.doc.entities[subject].type != "EVENT":
                continue
            place = self._first_mention_after(ctx, token.token_id + 1, ("LOC",), 8)
            if place is None:
                continue
            between = range(token.token_id + 1, ctx.first(place))
            if not any(tokens[t].lemma in ("в", "на", "во") for t in between):
                continue
            self._add(ctx, rule, subject, self._entity(ctx, place), token.sent_id)

    def _before_relative(self, ctx: _Context, which: int) -> int:
        """The last token of what «который» refers to: «парк «X», который …», also past a
        parenthesis («парк «X» (Beike Chuan), который …»)."""
        tokens = ctx.doc.tokens
        t = which - 1
        if t >= 0 and tokens[t].text == ",":
            t -= 1
        if t >= 0 and tokens[t].text == ")" and t not in ctx.mention_at:
            opening = next((o for o in range(t - 1, max(t - 12, -1), -1)
                            if tokens[o].text in ("(", ")") and o not in ctx.mention_at), None)
            if opening is not None and tokens[opening].text == "(":
                t = opening - 1
        return t

    def _located_adjacent(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type not in ("PARK", "ORG", "EVENT", "LOC"):
                continue
            t = ctx.last(index) + 1
            if t >= len(tokens) or tokens[t].sent_id != mention.sent_id:
                continue
            place: int | None = None
            if tokens[t].lemma in ("в", "на", "во", "из") and mention.type != "LOC":
                descriptor = t + 1 < len(tokens) and tokens[t + 1].lemma in self.geo_descriptors
                if tokens[t].lemma == "из" and mention.type != "ORG":
                    continue
                if mention.type == "ORG" and tokens[t].lemma != "из" and not descriptor:
                    continue
                place = ctx.mention_at.get(t + 1 + int(descriptor))
            elif mention.type == "LOC" and fold(mention.normal).split()[-1:] and \
                    fold(mention.normal).split()[-1] in self.geo_descriptors:
                place = ctx.mention_at.get(t) if "Case=Gen" in tokens[t].feats else None
            elif mention.type == "LOC":
                while t < len(tokens) and tokens[t].pos == "ADJ":
                    t += 1
                if t < len(tokens) and tokens[t].lemma in self.geo_descriptors \
                        and "Case=Gen" in tokens[t].feats:
                    place = ctx.mention_at.get(t + 1)
            if place is not None and ctx.doc.mentions[place].type == "LOC":
                self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, place),
                          mention.sent_id)

    def _located_paren(self, ctx: _Context, rule: RelationRule) -> None:
        """«провинции Аньхой (КНР)», «агентство X (Гуанчжоу)»: one place in parentheses."""
        tokens = ctx.doc.tokens
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type not in ("PARK", "ORG", "EVENT", "LOC"):
                continue
            t = ctx.last(index) + 1
            if t + 2 >= len(tokens) or tokens[t].text != "(" or t in ctx.mention_at:
                continue
            place = ctx.mention_at.get(t + 1)
            if place is None or ctx.doc.mentions[place].type != "LOC" \
                    or ctx.first(place) != t + 1:
                continue
            close = ctx.last(place) + 1
            if close >= len(tokens) or tokens[close].text != ")":
                continue
            self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, place),
                      mention.sent_id)

    def _adjective_place(self, ctx: _Context, adjective: Token) -> int | None:
        """The document's place an origin adjective names: from the adjective lists
        («шанхайский = Шанхай»), else a place of the text whose name shares its stem
        («кольцовский» → «Кольцово»)."""
        lemma = adjective.lemma
        suffix = next((s for s in self.place_suffixes if lemma.endswith(s)), None)
        if "-" in lemma or suffix is None:
            return None
        named = self.place_adjectives.get(lemma) or self.country_adjectives.get(lemma)
        places = [e for e in ctx.doc.entities if e.type == "LOC" and e.mention_ids]
        if named:
            found = [e for e in places if fold(e.normal) == fold(named)] or \
                [e for e in places if _same_place(e.normal, named)]
            return found[0].entity_id if found else None
        stem = lemma[:-len(suffix)] + self.place_suffixes[suffix]
        if len(stem) < 5:
            return None
        prefix = stem[:max(5, len(stem) - 1)]
        found = [e for e in places if any(w.startswith(prefix) for w in fold(e.normal).split())]
        return found[0].entity_id if len(found) == 1 else None

    def _located_adjective(self, ctx: _Context, rule: RelationRule) -> None:
        """«кольцовской компании «Вектор-БиАльгам»», «шанхайском районе Хункоу», «японская
        компания X»: an origin adjective before a generic head and the name."""
        tokens = ctx.doc.tokens
        heads = self.words(rule.trigger) | self.geo_descriptors | self.org_heads
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type not in ("PARK", "ORG", "EVENT", "LOC"):
                continue
            t = ctx.first(index) - 1
            if t >= 0 and tokens[t].lemma in heads and (t not in ctx.mention_at or ctx.mention(
                    t).type == DELEGATION):
                t -= 1
            while t >= 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ" \
                    and tokens[t].sent_id == mention.sent_id:
                sentence_start = ctx.doc.sentences[mention.sent_id].first_token
                if tokens[t].text[:1].isupper() and t != sentence_start:
                    break  # «Гуандунского союза …»: a capitalised adjective opens the name
                place = self._adjective_place(ctx, tokens[t])
                if place is not None:
                    self._add(ctx, rule, self._entity(ctx, index), place, mention.sent_id)
                    break
                t -= 1

    def _park_after(self, ctx: _Context, t: int) -> tuple[int | None, int]:
        """The park a residency word points to and the first token after it."""
        tokens, doc = ctx.doc.tokens, ctx.doc
        if t >= len(tokens):
            return None, t
        index = ctx.mention_at.get(t)
        if index is not None and doc.mentions[index].type == "PARK":
            return self._entity(ctx, index), ctx.last(index) + 1
        if tokens[t].lemma in self.park_anaphors:
            park = self._resolve_park(ctx, t)
            following = ctx.mention_at.get(t + 1)
            if following is not None and park is not None and \
                    fold(doc.mentions[following].normal) in fold(doc.entities[park].normal):
                return park, ctx.last(following) + 1
            return park, t + 1
        return None, t

    def _residents(self, ctx: _Context, rule: RelationRule, park: int | None, start: int,
                   sent_id: int) -> None:
        if park is None or start >= len(ctx.doc.tokens):
            return
        scope = [t for t in self._scope(ctx, start, lenient=False) if t >= start]
        for index in ctx.mentions_in(scope):
            if ctx.doc.mentions[index].type == "ORG" and not self._title_dependent(ctx, index):
                self._add(ctx, rule, self._entity(ctx, index), park, sent_id)

    def _resident_word(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        trigger_words = self.words(rule.trigger)
        for token in tokens:
            if token.lemma not in trigger_words:
                continue
            t = token.token_id
            park, after = self._park_after(ctx, t + 1)
            if park is None and t + 1 < len(tokens) and tokens[t + 1].text in ("—", "–", "-"):
                park, after = self._resolve_park(ctx, t), t + 2
            self._residents(ctx, rule, park, after, token.sent_id)
            # «компании X — ещё одного резидента площадки Y»
            back = [b for b in range(max(t - 4, 0), t) if tokens[b].text in ("—", "–")]
            if back and park is not None:
                before = ctx.mention_at.get(back[-1] - 1)
                if before is not None and ctx.doc.mentions[before].type == "ORG":
                    self._add(ctx, rule, self._entity(ctx, before), park, token.sent_id)

    def _resident_among_them(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        trigger_words = self.words(rule.trigger)
        first_lemmas = {p[0] for p in self.among_them}
        for token in tokens:
            t = token.token_id
            if token.lemma not in first_lemmas:  # cheap test before trying each phrase
                continue
            phrase = next((p for p in self.among_them if self._phrase_from(ctx, t, p)), None)
            if phrase is None:
                continue
            window = [i for i in range(len(tokens)) if tokens[i].sent_id in
                      (token.sent_id, token.sent_id - rule.window) and i < t]
            anchor = next((i for i in reversed(window) if tokens[i].lemma in trigger_words
                           or (tokens[i].lemma in self.site_area_nouns and i + 1 < len(tokens)
                               and tokens[i + 1].lemma in self.park_anaphors)), None)
            if anchor is None:
                continue
            park, _ = self._park_after(ctx, anchor + 1)
            if park is None:
                park = self._resolve_park(ctx, anchor)
            self._residents(ctx, rule, park, t + len(phrase), token.sent_id)

    def _part_of_adjacent(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        heads = self.words(rule.trigger)
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type not in ("PARK", "ORG"):
                continue
            mention_tokens = sorted(ctx.mention_tokens(index))
            before = mention_tokens[0] - 1
            if tokens[mention_tokens[0]].lemma not in heads and not (
                    # «рабочего комитета «Один пояс, один путь» Китайской ассоциации …»
                    before >= 0 and before not in ctx.mention_at
                    and tokens[before].lemma in heads
                    and tokens[mention_tokens[0]].text in ("«", '"', "„")):
                continue
            following = ctx.mention_at.get(mention_tokens[-1] + 1)
            if following is not None and ctx.doc.mentions[following].type in ("PARK", "ORG"):
                self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, following),
                          mention.sent_id)

    def _parties(self, ctx: _Context, scope: list[int]) -> list[int]:
        tokens = ctx.doc.tokens
        parties = []
        for index in ctx.mentions_in(scope):
            mention = ctx.doc.mentions[index]
            if mention.type not in ("ORG", "LOC") or self._located_part(ctx, index):
                continue
            first = ctx.first(index)
            if mention.type == "LOC" and first > 0 and (tokens[first - 1].pos in ("NOUN", "PROPN")
                                                        or first - 1 in ctx.mention_at):
                continue
            if self._title_dependent(ctx, index):
                continue
            parties.append(index)
        return parties

    def _agreement_sentences(self, ctx: _Context, rule: RelationRule) -> list[int]:
        nouns = self.words(rule.trigger) | self.words("agreement_nouns")
        verbs = self.words("agreement_verbs")
        found = []
        for sent_id in range(len(ctx.doc.sentences)):
            lemmas = {ctx.doc.tokens[t].lemma for t in ctx.sentence(sent_id)}
            if lemmas & nouns and lemmas & (verbs | self.signing_nouns):
                found.append(sent_id)
        return found

    def _agreement_between(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        for sent_id in self._agreement_sentences(ctx, rule):
            between = next((t for t in ctx.sentence(sent_id) if tokens[t].lemma == "между"), None)
            if between is None or ctx.in_speech(between):
                continue
            scope = [t for t in self._scope(ctx, between, lenient=True) if t > between]
            stop = next((t for t in scope if tokens[t].lemma in ("о", "об") and t not in
                         ctx.mention_at), None)
            if stop is not None:
                scope = [t for t in scope if t < stop]
            parties = self._parties(ctx, scope)
            for other in parties[1:]:
                self._add(ctx, rule, self._entity(ctx, parties[0]), self._entity(ctx, other),
                          sent_id)

    def _agreement_signers(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger)
        for sent_id in self._agreement_sentences(ctx, rule):
            sentence = list(ctx.sentence(sent_id))
            if any(tokens[t].lemma == "между" for t in sentence):
                continue
            verb = next((t for t in sentence if tokens[t].lemma in verbs), None)
            if verb is None or ctx.in_speech(verb):
                continue
            scope = self._scope(ctx, verb)
            stop = next((t for t in scope if t > verb and tokens[t].lemma in ("о", "об", "на")
                         and t not in ctx.mention_at), None)
            if stop is not None:
                scope = [t for t in scope if t < stop]
            parties = self._parties(ctx, scope)
            if len(parties) >= 2:
                for other in parties[1:]:
                    self._add(ctx, rule, self._entity(ctx, parties[0]),
                              self._entity(ctx, other), sent_id)

    def _participation_noun(self, ctx: _Context, rule: RelationRule, t: int) -> None:
        """«в рамках участия московских компаний в выставке X»: the participants between
        the noun and the event."""
        event = self._first_mention_after(ctx, t + 1, ("EVENT",), 10)
        if event is None:
            return
        between = range(t + 1, ctx.first(event))
        ref = next((r for r in ctx.refs if r.token in between), None)
        if ref is not None:
            self._add(ctx, rule, self._delegation_entity(ctx, ref), self._entity(ctx, event),
                      ctx.doc.tokens[t].sent_id)
            return
        for index in ctx.mentions_in(list(between)):
            if ctx.doc.mentions[index].type in ("ORG", "LOC", "PER") \
                    and not self._title_dependent(ctx, index):
                self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, event),
                          ctx.doc.tokens[t].sent_id)

    def _presented_at(self, ctx: _Context, rule: RelationRule) -> None:
        """«потенциал области был представлен в рамках ЭКСПО X», «X выступил на форуме Y»,
        «на выставке X компания Y представила …»: the subject took part in the event."""
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger)
        for token in tokens:
            t = token.token_id
            if token.lemma not in verbs or ctx.in_speech(t) or self._planned(ctx, t):
                continue
            sentence = ctx.sentence(token.sent_id)
            event = None
            for a in range(max(t - 8, sentence.start), min(t + 8, sentence.stop)):
                index = ctx.mention_at.get(a)
                if index is None or ctx.doc.mentions[index].type != "EVENT":
                    continue
                first = ctx.first(index)
                opening = [tokens[o].lemma for o in range(max(first - 4, sentence.start), first)
                           if o not in ctx.mention_at]
                if "на" in opening or ("рамка" in opening and "в" in opening):
                    event = index
                    break
            if event is None:
                continue
            subject = None
            for child in ctx.children.get(t, []):
                if tokens[child].rel not in ("nsubj", "nsubj:pass"):
                    continue
                ref = next((r for r in ctx.refs if r.token == child), None)
                if ref is not None:
                    subject = self._delegation_entity(ctx, ref)
                    break
                index = ctx.mention_at.get(child)
                if index is None:  # «потенциал Ленинградской области»
                    index = next((ctx.mention_at[g] for g in ctx.children.get(child, [])
                                  if tokens[g].rel in ("nmod", "appos", "flat:name")
                                  and g in ctx.mention_at), None)
                if index is not None and ctx.doc.mentions[index].type in ("ORG", "LOC", "PER") \
                        and not self._title_dependent(ctx, index):
                    subject = self._entity(ctx, index)
                    break
            if subject is not None:
                self._add(ctx, rule, subject, self._entity(ctx, event), token.sent_id)

    def _took_part(self, ctx: _Context, rule: RelationRule) -> None:
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger)
        for token in tokens:
            t = token.token_id
            noun = token.lemma in self.participation_nouns
            if not (noun or token.lemma in verbs) or self._planned(ctx, t) or ctx.in_speech(t):
                continue
            if noun and (t == 0 or tokens[t - 1].lemma not in self.participation_light_verbs):
                self._participation_noun(ctx, rule, t)
                continue
            verb = t - 1 if noun else t
            if self._planned(ctx, verb):
                continue
            event = self._first_mention_after(ctx, t + 1, ("EVENT",), 6)
            if event is None:
                continue
            scope = [i for i in self._scope(ctx, verb) if i < verb]
            ref = self._nearest_ref(ctx, verb, scope)
            if ref is not None and ref.token in scope:
                self._add(ctx, rule, self._delegation_entity(ctx, ref),
                          self._entity(ctx, event), token.sent_id)
            else:
                subjects = [i for i in ctx.mentions_in(scope)
                            if ctx.doc.mentions[i].type in ("PER", "ORG", "LOC")
                            and not self._title_dependent(ctx, i)]
                if subjects:
                    self._add(ctx, rule, self._entity(ctx, subjects[-1]),
                              self._entity(ctx, event), token.sent_id)
            # «… в форуме X, где выступил Y»
            end = ctx.last(event)
            if end + 3 < len(tokens) and tokens[end + 1].text == "," \
                    and tokens[end + 2].lemma == "где" \
                    and tokens[end + 3].lemma in self.speech_verbs:
                speaker = self._first_mention_after(ctx, end + 4, ("PER",), 3)
                if speaker is not None:
                    self._add(ctx, rule, self._entity(ctx, speaker), self._entity(ctx, event),
                              token.sent_id)

    def _visited_event(self, ctx: _Context, rule: RelationRule) -> None:
        for (relation_type, arg1, arg2), relation in list(ctx.found.items()):
            if relation_type == "VISITED" and ctx.doc.entities[arg2].type == "EVENT":
                self._add(ctx, rule, arg1, arg2, relation.sent_id)

    @staticmethod
    def _phrase_from(ctx: _Context, t: int, phrase: list[str]) -> bool:
        """Do the lemmas of ``phrase`` follow in order from token ``t``?"""
        tokens = ctx.doc.tokens
        return t + len(phrase) <= len(tokens) and all(
            tokens[t + i].lemma == w for i, w in enumerate(phrase))

    def _phrase_at(self, ctx: _Context, t: int, phrases: dict[str, list[list[str]]]) -> bool:
        """Does a phrase of ``phrases`` (lemmas in order, keyed by their last lemma) end at
        token ``t``?"""
        tokens = ctx.doc.tokens
        for phrase in phrases.get(tokens[t].lemma, ()):
            start = t - len(phrase) + 1
            if start >= 0 and all(tokens[start + i].lemma == w for i, w in enumerate(phrase)):
                return True
        return False

    def _met_at_site(self, ctx: _Context, rule: RelationRule) -> None:
        """«программа … включала круглый стол в Бизнес-инкубаторе», «встреча с гостями
        прошла в офисе ГК «Проспект»»: a meeting held at a site, in a sentence about the
        delegation, puts the delegation there."""
        tokens = ctx.doc.tokens
        phrases: dict[str, list[list[str]]] = {}
        for words in self.words(rule.trigger):
            phrases.setdefault(words.split()[-1], []).append(words.split())
        premises = self.words("premises_nouns")
        for token in tokens:
            t = token.token_id
            if not self._phrase_at(ctx, t, phrases) or ctx.in_speech(t) \
                    or self._planned(ctx, t) or t in ctx.mention_at:
                continue
            refs = [r for r in ctx.refs_in(token.sent_id) if not ctx.in_speech(r.token)]
            if not refs:
                continue
            # the site: «в/на» right after the noun (or after its «с делегацией» phrase),
            # with a room word («в офисе») between
            a = t + 1
            if a < len(tokens) and tokens[a].lemma == "с":
                ref_after = next((r for r in refs if a < r.token <= a + 4), None)
                if ref_after is None:
                    continue
                a = ref_after.token + 1
            if a >= len(tokens) or tokens[a].lemma not in ("в", "во", "на") \
                    or a in ctx.mention_at:
                continue
            a += 1
            while a < len(tokens) and a not in ctx.mention_at and (
                    tokens[a].lemma in premises or tokens[a].pos == "ADJ"):
                a += 1
            index = ctx.mention_at.get(a)
            if index is None or ctx.first(index) != a \
                    or ctx.doc.mentions[index].type not in ("PARK", "ORG") \
                    or index in ctx.origin_mentions:
                continue
            ref = min(refs, key=lambda r: abs(r.token - t))
            self._add(ctx, rule, self._delegation_entity(ctx, ref), self._entity(ctx, index),
                      token.sent_id)

    def _clause_bounds(self, ctx: _Context, t: int) -> tuple[int, int]:
        """The tokens around ``t`` up to the finite verbs before and after it."""
        tokens = ctx.doc.tokens
        sentence = ctx.sentence(tokens[t].sent_id)

        def boundary(i: int) -> bool:
            return (tokens[i].pos in ("VERB", "AUX") and "VerbForm=Fin" in tokens[i].feats) \
                or (tokens[i].text in (";", ":") and i not in ctx.mention_at)

        start = t
        while start - 1 >= sentence.start and not boundary(start - 1):
            start -= 1
        end = t + 1
        while end < sentence.stop and not boundary(end):
            end += 1
        return start, end

    def _hosted_by_staff(self, ctx: _Context, rule: RelationRule) -> None:
        """«заместитель директора Биотехнопарка X ознакомил японских коллег с
        лабораториями», «X и Y, руководители компаний A и B, провели экскурсии по своим
        объектам»: the delegation was at the site whose staff showed or received it."""
        tokens = ctx.doc.tokens
        verbs = self.words(rule.trigger)
        tours = self.words("tour_nouns")
        objects = self.words("site_objects")
        employers: dict[int, list[int]] = {}
        for (relation_type, person, employer) in ctx.found:
            if relation_type == "WORKS_FOR":
                employers.setdefault(person, []).append(employer)
        for token in tokens:
            t = token.token_id
            tour = token.lemma in tours and token.pos == "NOUN"
            if not (tour or (token.lemma in verbs and token.pos == "VERB")):
                continue
            verb = token.head_id if tour and token.head_id >= 0 else t
            if ctx.in_speech(t) or self._planned(ctx, verb) or self._planned(ctx, t):
                continue
            start, end = self._clause_bounds(ctx, verb)
            refs = [r for r in ctx.refs_in(token.sent_id) if not ctx.in_speech(r.token)]
            shown = tour or any(tokens[i].lemma in objects for i in range(t + 1, end))
            if tour:
                ref = min(refs, key=lambda r: abs(r.token - t)) if refs else None
            else:
                # the guests are the verb's object, right after it or in its clause
                ref = next((r for r in refs if r.token in ctx.children.get(t, [])
                            and tokens[r.token].rel in ("obj", "iobj", "obl")), None) \
                    or next((r for r in refs if t < r.token <= t + 3), None) \
                    or next((r for r in refs if start <= r.token < t
                             and "Case=Nom" not in tokens[r.token].feats), None)
                if ref is None and not refs and shown:
                    ref = self._visit_context(ctx, token.sent_id - 1)
            if ref is None:
                continue
            kinds = ("PARK", "ORG") if shown else ("PARK",)
            sites: list[int] = []
            for index in ctx.mentions_in(range(start, end)):
                mention = ctx.doc.mentions[index]
                if mention.type == "PER":
                    sites.extend(e for e in employers.get(self._entity(ctx, index), [])
                                 if ctx.doc.entities[e].type in kinds)
                elif mention.type in kinds and shown and self._host_subject(ctx, index, verb):
                    sites.append(self._entity(ctx, index))  # «компания X показала линию»
            for site in sites:
                self._add(ctx, rule, self._delegation_entity(ctx, ref), site, token.sent_id)

    def _visit_context(self, ctx: _Context, sent_id: int) -> Ref | None:
        """The delegation of a sentence that states its visit («Гости осмотрели цеха
        резидентов технопарка»), for the sentence after it."""
        if sent_id < 0:
            return None
        tokens = ctx.doc.tokens
        refs = [r for r in ctx.refs_in(sent_id) if not ctx.in_speech(r.token)]
        visit = any(tokens[t].lemma in self.visit_triggers and not self._planned(ctx, t)
                    for t in ctx.sentence(sent_id))
        return refs[0] if refs and visit else None

    def _host_subject(self, ctx: _Context, index: int, verb: int) -> bool:
        """Is the organisation the subject of ``verb``: before it, in the nominative, not
        after a preposition («компания «КриоСмол» показала …»)?"""
        tokens = ctx.doc.tokens
        mention_tokens = sorted(ctx.mention_tokens(index))
        if mention_tokens[-1] >= verb:
            return any(tokens[m].rel == "nsubj" and tokens[m].head_id == verb
                       for m in mention_tokens)
        words = [m for m in mention_tokens if tokens[m].pos != "PUNCT"]
        if not words or _case(tokens[words[-1]]) not in ("Nom", None):
            return False
        before = mention_tokens[0] - 1
        while before >= 0 and ((tokens[before].pos == "PUNCT" and tokens[before].text in "«\"„")
                               or tokens[before].lemma in self.words("org_heads")):
            before -= 1
        return before < 0 or tokens[before].pos != "ADP"

    def _main_delegation(self, ctx: _Context) -> int | None:
        """The visiting group the article is about: the one referred to most."""
        if not ctx.delegations:
            return None
        counts = [sum(r.delegation == i for r in ctx.refs) for i in range(len(ctx.delegations))]
        return max(range(len(counts)), key=lambda i: (counts[i], -i))

    def _quote_before(self, ctx: _Context, person: int) -> range | None:
        """The direct speech a person is credited with: «…», — сказал X / «…» — X."""
        tokens = ctx.doc.tokens
        first = ctx.first(person)
        sentence = ctx.sentence(tokens[first].sent_id)
        t = first - 1
        while t >= sentence.start and first - t <= 14 and (
                t in ctx.mention_at or tokens[t].text not in ("»", '"', "”")):
            other = ctx.mention_at.get(t)
            if (other is None and tokens[t].text in (".", ";", "«")) or (
                    other is not None and ctx.doc.mentions[other].type in ("PER", DELEGATION)):
                return None
            t -= 1
        if t < sentence.start or first - t > 14 or tokens[t].text not in ("»", '"', "”"):
            return None
        between = [tokens[b] for b in range(t + 1, first)]
        if not any(b.text in ("—", "–", "-") for b in between[:3]):
            return None
        if not any(b.pos == "VERB" for b in between) and len(between) > 3:
            return None
        close = t
        t -= 1
        limit = ctx.doc.sentences[max(tokens[close].sent_id - 6, 0)].first_token
        while t >= limit and tokens[t].text not in ("«", "“", "„", '"'):
            if tokens[t].text in ("»", "”"):
                return None
            t -= 1
        return range(t + 1, close) if t >= limit else None

    def _is_speaker(self, ctx: _Context, index: int) -> bool:
        """Is the person credited with direct speech: «…», — отметил X; «— …, — сказал X»?"""
        if self._quote_before(ctx, index) is not None:
            return True
        tokens = ctx.doc.tokens
        first = ctx.first(index)
        t, words = first - 1, 0  # the title between may hold long names
        while t >= 0 and words <= 14 and (t in ctx.mention_at
                                          or tokens[t].text not in ("—", "–")):
            other = ctx.mention_at.get(t)
            if (other is None and tokens[t].text in (".", ";", "«", "»")) or (
                    other is not None and ctx.doc.mentions[other].type in ("PER", DELEGATION)):
                return False
            words += other is None
            t -= 1
        if t < 0 or words > 14 or tokens[t].text not in ("—", "–"):
            return False
        verb = t + 1 < first and tokens[t + 1].pos == "VERB"
        before = tokens[t - 1].text if t > 0 else "."
        opens = t == 0 or tokens[t - 1].sent_id != tokens[t].sent_id
        return verb and (before in (",", ".", "!", "?", "»") or opens)

    def _discussion_speakers(self, ctx: _Context, rule: RelationRule) -> None:
        """«Об этом шел разговор на сессии «X»», then «— …, — отметил Y»: the speakers the
        article quotes took part in the event where it was discussed."""
        tokens = ctx.doc.tokens
        words = self.words(rule.trigger)
        event = None
        for token in tokens:
            t = token.token_id
            if token.lemma not in words or ctx.in_speech(t):
                continue
            sentence = ctx.sentence(token.sent_id)
            for a in range(max(t - 6, sentence.start), min(t + 6, sentence.stop)):
                index = ctx.mention_at.get(a)
                if index is None or ctx.doc.mentions[index].type != "EVENT" \
                        or ctx.first(index) != a:
                    continue
                opening = [tokens[o].lemma for o in range(max(a - 3, sentence.start), a)
                           if o not in ctx.mention_at]
                if "на" in opening or "рамка" in opening:
                    event = index
                    break
            if event is not None:
                break
        if event is None:
            return
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type == "PER" and self._is_speaker(ctx, index):
                self._add(ctx, rule, self._entity(ctx, index), self._entity(ctx, event),
                          mention.sent_id)

    def _member_speaker(self, ctx: _Context, rule: RelationRule) -> None:
        """«Я участвую в этой делегации …», — рассказал X; «То, что мы сегодня увидели,
        превзошло наши ожидания», — отметил X: a speaker who speaks as one of the group."""
        tokens = ctx.doc.tokens
        main = self._main_delegation(ctx)
        if main is None:
            return
        seen = self.words(rule.trigger) | self.perfective_visit_verbs
        for index, mention in enumerate(ctx.doc.mentions):
            if mention.type != "PER":
                continue
            quote = self._quote_before(ctx, index)
            if quote is None:
                continue
            delegation = None
            for sent_id in sorted({tokens[t].sent_id for t in quote}):
                words = [t for t in ctx.sentence(sent_id) if t in quote]
                lemmas = {tokens[t].lemma for t in words}
                first_person = bool(lemmas & self.first_person)
                # «я участвую в этой делегации», «в составе нашей делегации» — not «мы рады
                # приветствовать делегацию», what the hosts say
                group = next((t for t in words if tokens[t].lemma in self.delegation_heads
                              and any(tokens[b].lemma in self.own_group_markers for b in
                                      range(max(t - 3, words[0]), t))), None)
                if lemmas & self.host_verbs:
                    group = None
                if first_person and group is not None:
                    ref = next((r for r in ctx.refs if r.token == group), None)
                    delegation = ref.delegation if ref else main
                    break
                for t in words:  # «мы увидели», «мы приехали»: a past visit told as «мы»
                    token = tokens[t]
                    if token.lemma in seen and token.pos == "VERB" \
                            and "Tense=Past" in token.feats and "Number=Plur" in token.feats \
                            and any(tokens[c].lemma == "мы" and tokens[c].rel == "nsubj"
                                    for c in ctx.children.get(t, [])) \
                            and not self._planned(ctx, t):
                        delegation = main
                        break
                if delegation is not None:
                    break
            if delegation is None:
                continue
            entity = ctx.delegations[delegation].entity_id
            person = self._entity(ctx, index)
            if ("HEADED_BY", entity, person) in ctx.found:
                continue
            self._add(ctx, rule, person, entity, mention.sent_id)

    def _member_led_by_org(self, ctx: _Context, rule: RelationRule) -> None:
        """«делегация новосибирских компаний во главе с Инновационным центром Кольцово»: the
        organisation at the head of the group is one of it."""
        tokens = ctx.doc.tokens
        for token in tokens:
            t = token.token_id
            if token.lemma not in self.leader_nouns or t < 1 \
                    or tokens[t - 1].lemma not in ("в", "во") \
                    or t + 1 >= len(tokens) or tokens[t + 1].lemma != "с":
                continue
            ref = self._nearest_ref(ctx, t, list(range(max(t - 5, 0), t)))
            if ref is None or not (t - 5 <= ref.token < t):
                continue
            index = self._first_mention_after(ctx, t + 2, ("ORG", "PER"), 4)
            if index is None or ctx.doc.mentions[index].type != "ORG" \
                    or ctx.first(index) != t + 2 + sum(
                        tokens[a].pos == "ADJ" and a not in ctx.mention_at
                        for a in range(t + 2, ctx.first(index))):
                continue
            self._add(ctx, rule, self._entity(ctx, index), self._delegation_entity(ctx, ref),
                      token.sent_id)

    def _member_origin_employer(self, ctx: _Context, rule: RelationRule) -> None:
        """«Делегация из Москвы побывала в парке «Бэйкэчуан». … — отметила заместитель
        руководителя Департамента … Москвы Ольга Виданова»: an official of the place the
        travelling group comes from is one of it."""
        main = self._main_delegation(ctx)
        if main is None:
            return
        delegation = ctx.delegations[main]
        if delegation.origin_kind != "strong" or delegation.origin_entity is None:
            return
        entities = ctx.doc.entities
        origin = entities[delegation.origin_entity]
        visits = [arg2 for (kind, arg1, arg2) in ctx.found
                  if kind == "VISITED" and arg1 == delegation.entity_id]
        located = {(a1, a2) for (kind, a1, a2) in ctx.found if kind == "LOCATED_IN"}
        if not visits or any(v == origin.entity_id or (v, origin.entity_id) in located
                             or _same_place(entities[v].normal, origin.normal) for v in visits):
            return  # the group is visited at home, or nothing says it travelled
        stem = fold(origin.normal)[:5]
        for (kind, person, employer), relation in list(ctx.found.items()):
            if kind != "WORKS_FOR" or ("HEADED_BY", delegation.entity_id, person) in ctx.found:
                continue
            words = fold(entities[employer].normal).split()
            if employer == origin.entity_id or (len(stem) == 5 and entities[employer].type == "ORG"
                                                and any(w.startswith(stem) for w in words[1:])):
                self._add(ctx, rule, person, delegation.entity_id, relation.sent_id)

    def _visited_event_place(self, ctx: _Context, rule: RelationRule) -> None:
        """«посетила ярмарку CIFIT-2014 в городе Сямынь»: the delegation at an event was in
        the place the same sentence locates the event in."""
        located = [(arg1, arg2, r.sent_id) for (kind, arg1, arg2), r in ctx.found.items()
                   if kind == "LOCATED_IN"]
        for (relation_type, arg1, arg2), relation in list(ctx.found.items()):
            if relation_type != "VISITED" or ctx.doc.entities[arg2].type != "EVENT":
                continue
            for event, place, sent_id in located:
                if event == arg2 and sent_id == relation.sent_id:
                    self._add(ctx, rule, arg1, place, relation.sent_id)

    # -- dates -----------------------------------------------------------------------------

    def _date(self, doc: Doc, sent_id: int) -> tuple[str | None, str | None]:
        """«29 и 30 января» → ("29 и 30 января", "YYYY-01-29"); «в декабре прошлого года» →
        ("в декабре прошлого года", "YYYY-12"), the year from the article date."""
        sentence = doc.sentences[sent_id]
        tokens = doc.tokens[sentence.first_token:sentence.last_token]
        article = re.match(r"(\d{4})-(\d{2})", doc.raw.date or "")
        for i, token in enumerate(tokens):
            month = self.months.get(token.lemma)
            if month is None:
                continue
            first, last = i, i
            days = []
            j = i - 1
            while j >= 0 and ((tokens[j].text.isdigit() and len(tokens[j].text) <= 2)
                              or tokens[j].text in ("и", "-", "–")):
                if tokens[j].text.isdigit():
                    days.insert(0, int(tokens[j].text))
                first = j
                j -= 1
            while first < i and not tokens[first].text.isdigit():
                first += 1
            year = None
            relative = 0
            if i + 1 < len(tokens) and re.fullmatch(r"\d{4}", tokens[i + 1].text):
                year = int(tokens[i + 1].text)
                last = i + 1 + int(i + 2 < len(tokens) and tokens[i + 2].lemma == "год")
            elif i + 2 < len(tokens) and tokens[i + 2].lemma == "год" \
                    and tokens[i + 1].lemma in self.relative_years:
                relative = self.relative_years[tokens[i + 1].lemma]
                last = i + 2
            if not days and first > 0 and tokens[first - 1].lemma in ("в", "во"):
                first -= 1
            text = doc.text[tokens[first].start:tokens[last].end]
            if year is None and article:
                year = int(article.group(1)) + relative
                if not relative and last == i and month > int(article.group(2)):
                    year -= 1  # «в декабре» told in May is last December
            if year is None or not _valid_date(year, month, days[0] if days else 1):
                return text, None  # «45 марта»: the text says it, no date can
            iso = f"{year:04d}-{month:02d}" + (f"-{days[0]:02d}" if days else "")
            return text, iso
        return None, None
