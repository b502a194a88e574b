"""The vocabulary the relation matchers read: the rules' word lists, compiled once per process.

Every list a matcher reads by name is loaded here (``words("…")``/``mapping("…")``), so a
missing list stops the run when the extractor is built, not halfway through a corpus. A
list that only a rule names (its ``trigger``) is read from the rule with ``words(rule.trigger)``.
"""

from __future__ import annotations

from functools import cached_property

from ..morph import Analyzer
from ..places import name_key
from ..rules import RuleSet, word_pairs


class Vocabulary:
    """Word lists as lower-cased sets («key = value» lists as dicts) and the analyzer."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer) -> None:
        self.rules = rules
        self.analyzer = analyzer
        self._perfective_only: dict[str, bool] = {}
        self.lists = {name: frozenset(w.lower() for w in entries)
                      for name, entries in rules.wordlists.items()}
        self.lists_read: set[str] = set()  # (the fingerprint covers lists_used: a superset)
        self._mappings: dict[str, dict[str, str]] = {}
        words = self.words
        mapping = self.mapping
        # delegations and their origins
        self.country_adjectives = mapping("origin_country_adjectives")
        self.place_adjectives = mapping("origin_place_adjectives")
        self.head_adjectives = mapping("origin_head_adjectives")
        self.delegation_heads = words("delegation_heads")
        self.delegation_references = words("delegation_references")
        self.delegation_groups = words("delegation_groups")
        self.reference_phrases = {tuple(w.split()) for w in words("delegation_reference_phrases")}
        self.head_phrases = {tuple(w.split()) for w in words("delegation_head_phrases")}
        self.foreign_adjectives = words("foreign_adjectives")
        # adjectives that name a group by where it comes from («вьетнамские гости»)
        self.origin_adjectives = self.country_adjectives.keys() | self.place_adjectives.keys() \
            | self.foreign_adjectives
        # dates
        self.months = {k: int(v) for k, v in mapping("date_months").items()}
        self.relative_years = {k: int(v) for k, v in mapping("date_relative_years").items()}
        # places
        self.place_suffixes = mapping("place_adjective_suffixes")
        self.geo_descriptors = words("geo_descriptors")
        # the last word of a region's or a district's name («… область», «… район»), and
        # with the generic place words too
        self.district_heads = words("district_words") | words("region_name_heads")
        self.region_name_words = self.geo_descriptors | words("region_name_heads")
        # what may stand before a place's name: «области», «провинции», «города», «села»
        self.place_descriptors = self.geo_descriptors | words("town_descriptors")
        self.park_anaphors = words("park_anaphors")
        self.zone_anaphors = words("special_zone_anaphors")
        # the kind of an unnamed park word («особой экономической зоны», «индустриального парка»)
        self.park_kind_adjectives = words("park_adjectives") | words("zone_adjectives")
        self.among_them = [w.split() for w in words("among_them_phrases")]
        self.site_area_nouns = words("site_area_nouns")
        # «на площадке», «на территории»: premises and grounds a site or a signing is at
        self.premises_and_grounds = words("premises_nouns") | self.site_area_nouns
        # a bare word that stands for a place the text names: «области», «района», «города»,
        # «страны» (the region of «губернатор области Иван Петров»)
        # a bare word for a region or town told before: «области», «региона», «города»
        self.bare_place_words = words("place_anaphors") | words("town_anaphors")
        self.place_reference_words = self.bare_place_words | words("district_words") \
            | words("country_anaphors")
        # visits
        # a trip's route or frame («программа визита», «в рамках поездки»)
        self.trip_frame_nouns = words("route_nouns") | words("visit_frame_nouns")
        # «его», «их», «её»: a possessive that ties a word to a thing told before
        self.possessives = words("group_possessives") | words("event_possessives")
        # «Сэр», «Барон»: words before a person's name that describe him and tell no post
        self.person_describing_words = words("honorifics") | words("nobility_titles")
        self.visit_triggers = words("visit_triggers")
        self.plan_words = words("plan_words")
        # the subject of these is the host, not the visiting group
        self.host_verbs = words("host_verbs") | words("host_event_verbs")
        self.followup_nouns = words("meeting_followup_nouns")
        self.took_place_verbs = words("took_place_verbs")
        # a site's kind or premises between a destination's «в/на» and its name
        self.site_kinds = words("site_descriptors") | words("premises_nouns")
        # roles: titles, leaders, members
        self.titles = words("post_titles")
        self.title_prefixes = tuple(words("title_prefixes"))
        self.deputy_prefixes = tuple(sorted(words("deputy_prefixes")))
        self.possessive_genders = {k: v.split() for k, v in mapping("possessive_pronouns").items()}
        # generic noun → its antecedent's type, and the generic heads its name must have (none
        # listed: any)
        self.reference_nouns = {noun: (value.split()[0], frozenset(value.split()[1:]))
                                for noun, value in mapping("reference_nouns").items()}
        self.lead_verbs = words("lead_verbs")
        self.leader_nouns = words("leader_nouns")
        self.member_groups = words("member_groups")
        self.composition_nouns = words("composition_nouns")
        self.membership_verbs = words("membership_verbs")
        self.org_heads = words("org_heads")
        self.named_heads = self.org_heads | words("park_nouns")
        # a generic head before the name of an organisation, a park or a place («с заводом
        # «Бета»», «с городом X»)
        self.heads_before_names = self.named_heads | self.geo_descriptors
        self.site_heads = self.named_heads | words("plant_nouns")  # a named site's generic head
        # a party's own body, its government or what it works together in, between a name
        # and the paper it hangs on (no topic of the paper: agreements._topic_of_paper)
        self.party_body_nouns = self.named_heads | words("regional_government_nouns") \
            | words("authority_nouns") | words("partnership_nouns")
        self.first_person = words("first_person_words")
        self.own_group_markers = words("own_group_markers")
        # clauses
        self.relative_words = words("relative_words")
        self.continuation_words = words("continuation_words")
        # events and agreements
        self.participation_nouns = words("participation_nouns")
        self.participation_light_verbs = words("participation_light_verbs")
        # a word under which an act told as a noun is only considered, offered or intended
        # («обсудили участие», «предложил заключение»)
        self.prospect_words = words("prospect_verbs") | words("intention_words")
        self.speech_verbs = words("speech_verbs")
        # a verb that reports what a sentence says («…, сообщили РИА «Новости»», «— сказал X»)
        self.saying_verbs = words("statement_verbs") | words("source_verbs")
        self.signing_nouns = words("signing_nouns")
        # a word that tells of a signing, verb or noun («подписали», «подписание»)
        self.signing_words = words("agreement_verbs") | self.signing_nouns
        # the verbs' first six letters, which their participles keep («подписан», «заключён»)
        self.agreement_verb_stems = tuple(sorted(v[:6] for v in words("agreement_verbs")))
        # «мы посетили»: what the group says it did (rule member.speaker adds its own verbs)
        self.perfective_visit_verbs = frozenset(
            lemma for lemma in self.visit_triggers - self.host_verbs if self._perfective(lemma))

    def words(self, name: str) -> frozenset[str]:
        """The lower-cased entries of words/<name>.txt."""
        try:
            found = self.lists[name]
        except KeyError:
            raise KeyError(f"word list '{name}' not found in {self.rules.directory / 'words'}: "
                           f"add words/{name}.txt") from None
        self.lists_read.add(name)  # only lists that exist were read
        return found

    def mapping(self, name: str) -> dict[str, str]:
        """A word list of «key = value» lines as a dict (keys lower-cased), parsed once."""
        self.words(name)  # raises for a missing list; records the read
        found = self._mappings.get(name)
        if found is None:
            found = self._mappings[name] = {key.lower(): value for key, value
                                            in word_pairs(self.rules.words(name))}
        return found

    @cached_property
    def group_words(self) -> frozenset[str]:
        """A group's own words: ``delegation_heads`` and ``group_anaphor_nouns``
        («делегация», «группа»)."""
        return frozenset(self.delegation_heads | self.words("group_anaphor_nouns"))

    @cached_property
    def body_short_names(self) -> dict[str, str]:
        """``key_org_short_names`` by name key: «минпромторг» → «министерство промышленности
        и торговли»."""
        return {name_key(k): name_key(v)
                for k, v in self.mapping("key_org_short_names").items()}

    def _perfective(self, lemma: str) -> bool:
        """Is ``lemma`` the infinitive of a perfective verb?"""
        return any(p.tag.POS == "INFN" and p.tag.aspect == "perf"
                   for p in self.analyzer.pymorphy.parse(lemma))

    def perfective_only(self, lemma: str) -> bool:
        """Is ``lemma`` a verb with perfective readings only («побывать», not «организовать»):
        its present forms tell of the future («побывают»), whatever tense a tagger gives."""
        found = self._perfective_only.get(lemma)
        if found is None:
            readings = [p for p in self.analyzer.pymorphy.parse(lemma) if p.tag.POS == "INFN"]
            found = self._perfective_only[lemma] = bool(readings) and all(
                p.tag.aspect == "perf" for p in readings)
        return found

    def is_title(self, lemma: str) -> bool:
        """A post title lemma, also with «экс-», «вице-», «зам» before it («экс-премьер»), or
        two titles joined by a hyphen («министр-советник»)."""
        if lemma in self.titles:
            return True
        parts = lemma.split("-")
        if len(parts) == 2 and parts[0] in self.titles and parts[1] in self.titles:
            return True
        return any(lemma.startswith(p) and lemma[len(p):].lstrip("-") in self.titles
                   for p in self.title_prefixes)
