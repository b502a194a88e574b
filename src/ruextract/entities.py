"""NER and rule spans → mentions with normal forms → entities grouped per document."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from .chinese import CASE_ENDINGS as CHINESE_CASE_ENDINGS
from .chinese import fewest_syllables, spelt_in_syllables
from .chinese import name_word_nominative as chinese_name_nominative
from .coreference import (
    QUOTED_NAME,
    add_repeats,
    bodies_of_a_place_left_out,
    chinese_short_names,
    company_short_names,
    described_event_names,
    group_entities,
    initials,
    is_patronymic,
    join_aliases,
    latin_park_name,
    name_normals,
    parenthesised_aliases,
    person_normals,
    propagate_acronyms,
    propagate_bare_park_names,
    propagate_latin_park_names,
    propagate_quoted_names,
    quoted_name,
    same_name,
    vote_types,
)
from .doc import (
    GENERIC_IT_WORD,
    LIST_BULLETS,
    QUOTED_NAME_TOKENS,
    Doc,
    Mention,
    Span,
    Token,
    example_insert_start,
    fold,
    plural_parks_place,
)
from .morph import CASES, Analyzer, compound_head, dictionary, parse_feats, word_parses
from .normal_form import (
    CONSONANT_END,
    DASHES,
    EDITION,
    NAME_GRAMMEMES,
    NUMERAL_ORDINAL,
    PROPER_OR_ABBREVIATION,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    REGION_ADJECTIVE,
    RUSSIAN_SURNAME,
    SURNAME_CASE_ENDINGS,
    case_after_preposition,
    consonant_stem_instrumental,
    feminine_name_case,
    feminine_subject_case,
    initials_surname_case,
    is_indeclinable_foreign,
    lone_surname_case,
    match_case,
    normal_form,
    shared_org_head,
    shared_region_head,
)
from .normalise import CYRILLIC_LETTER
from .places import (
    Gazetteer,
    Place,
    gazetteer,
    is_town,
    name_key,
    region_head_genitives,
    region_kind_nouns,
)
from .rules import EntityRule, RuleSet, word_pairs
from .spacy_bridge import (
    TOKEN_ATTRIBUTES,
    PatternAnchors,
    import_spacy,
    pattern_attributes,
    pattern_keys,
    to_spacy,
    vocab,
)

# a word before a person's name that is none of it: «56-летний», «Баварскому», «Сама»
DESCRIBING_PARTS_OF_SPEECH = frozenset({"ADJF", "PRTF"})
# the case endings of a surname ending in a consonant, «-ым» of the instrumental read as written
OBLIQUE_SURNAME_ENDINGS = ("ым", "ом", *SURNAME_CASE_ENDINGS)

NER_TYPES = frozenset({"PER", "ORG", "LOC"})
COUNTED_ADJECTIVE = re.compile(r"\d+-[а-яё]")  # «630-местный»: how many, not which
#: an adjective of kind, not of quality or time: «городской», «верховный», «сухопутный»
LATIN_LOWER_LETTER = re.compile(r"[a-z]")  # a Latin word, not a Roman numeral
RELATIONAL_ADJECTIVE = re.compile(r"(?:н|ск|цк)(?:ий|ый|ой)$")
# a plant of a kind the text names by its adjective («Иркутской ГЭС»): {} is the kind
NAMED_PLANT = r"[А-ЯЁ][а-яё-]+(?:ая|ой|ую|ей|ий|ый)\s+{}\b"
BRACKETED_WORD = re.compile(r"\s*\([А-ЯЁ][а-яё-]+\)")  # «(Якутия)»
FIRST_NAME_GRAMMEMES = frozenset({"Name", "Patr"})  # a first name or patronymic
NORMAL_FORM_CACHE = 50_000  # distinct (name, grammatical shape) pairs kept per process
EDGE_PUNCTUATION = " \t\n.,;:!?—-–()[]/\\|'\"“”„"
# a legal form and the opening quote of a company's name, right before a mention
LEGAL_FORM_BEFORE_QUOTE = re.compile(r"(?:^|[^\w])(\w{2,4})\s*[«\"]\s*$")
# … or before a zone's type phrase, maybe after a capitalised word of the name («ОАО Портовой»)
LEGAL_FORM_BEFORE_ZONE = re.compile(r"(?:^|[^\w])([А-ЯЁ]{2,4})\s+(?:[А-ЯЁ][а-яё]+\s+)?$")
# … right before a mention that begins with the quote or the name
LEGAL_FORM_BEFORE_NAME = re.compile(r"(?:^|[^\w])(\w{2,4})\s+[«\"]?$")
# «О полиции», «Об образовании»: the title of a law or a report, what it is about
DOCUMENT_TITLE = re.compile(r"[«\"„“]?(?:О|Об|Обо)\s+(\w+)")
EDITION_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
# an edition's number: Roman or an ordinal in figures («22-м», «7-е»)
EDITION_NUMBER = re.compile(rf"[IVXХ]{{1,6}}|{NUMERAL_ORDINAL.pattern}")


# the gazetteer's kinds of a place no surname is: a region or a country (a town may be one)
REGION_OR_COUNTRY_KINDS = ("federal subject", "region", "country")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    source: str
    priority: int
    normal_mode: str = "phrase"


class EntityExtractor:
    """Compiled entity rules; built once per process."""

    def __init__(self, rules: RuleSet, analyzer: Analyzer) -> None:
        import_spacy()  # before spacy.matcher: spaCy without its command line
        from spacy.matcher import Matcher

        def lowered(name: str) -> set[str]:
            return {word.lower() for word in rules.words(name)}

        self.analyzer = analyzer
        self._normal_forms: dict[tuple, str] = {}
        self._fresh_normal_forms: dict[tuple, str] = {}  # computed since the last take
        self.rules: dict[str, EntityRule] = {rule.id: rule for rule in rules.entities}
        patterns = [rule.pattern for rule in rules.entities]
        self.vocab = vocab(pattern_attributes(patterns))
        self.token_attributes = TOKEN_ATTRIBUTES & pattern_keys(patterns)
        self.anchors = PatternAnchors(patterns)
        self._matchers: dict[int, Matcher] = {}
        self._matcher(2 ** len(self.rules) - 1)  # every rule: checks them all now
        self.ner_stoplist = lowered("ner_stoplist")
        self.union_names = lowered("union_names")
        self.resident_words = lowered("resident_words")
        self.resident_status_nouns = lowered("resident_status_nouns")
        self.resident_owner_words = lowered("resident_owner_words")
        self.org_body_nouns = lowered("org_body_nouns")
        self.org_phrase_stop = lowered("org_phrase_stop_words")
        self.org_capitalised_nouns = lowered("org_capitalised_nouns")
        self.org_assembly_nouns = lowered("org_assembly_nouns")
        self.org_scope_adjectives = lowered("org_scope_adjectives")
        self.geo_descriptors = lowered("geo_descriptors")
        self.place_descriptors = self.geo_descriptors | lowered("org_place_heads")
        self.country_anaphors = lowered("country_anaphors")
        self.eponym_epithets = lowered("eponym_epithets")
        self.org_complement_stop = self.org_phrase_stop | self.place_descriptors | \
            self.country_anaphors | lowered("org_complement_stop_words") | \
            lowered("building_nouns") | lowered("premises_nouns")
        self.post_titles = lowered("post_titles")
        self.academic_titles = lowered("academic_titles")
        self.titles_as_first_names = lowered("titles_as_first_names")
        self.company_tail_words = frozenset(fold(w) for w in lowered("key_company_tail_words"))
        self.generic_place_words = lowered("place_anaphors") | lowered("country_anaphors")
        self.title_prefixes = tuple(sorted(lowered("title_prefixes")))
        self.latin_park_heads = tuple(sorted(lowered("latin_park_heads"), key=len, reverse=True))
        self.place_word_lemmas, self.town_people_words = place_word_lemmas(rules)
        self.state_body_words = lowered("state_body_words") | self.org_assembly_nouns
        self.honorifics = lowered("honorifics")
        self.school_heads = lowered("school_heads")
        self.latin_business_words = lowered("latin_business_words")
        self.latin_honorifics = lowered("latin_honorifics")
        self.lead_verbs = lowered("lead_verbs")
        self.person_speech_verbs = lowered("person_speech_verbs")
        self.statement_verbs = lowered("statement_verbs")
        self.agency_prefixes = lowered("federal_agency_prefixes")
        self.post_adjectives = lowered("post_adjectives")
        # an article opening a Latin name: a band's, a paper's, a company's («The Doors»)
        self.latin_articles = lowered("key_latin_articles")
        # (with the space before each: a whole phrase ends the text before a list)
        self.name_list_openers = tuple(" " + phrase for phrase in lowered("name_list_openers"))
        self.person_descriptor_nouns = lowered("person_descriptor_nouns") | lowered("honorifics") \
            | lowered("nobility_titles")
        self.group_heads = lowered("delegation_heads")
        self.group_references = lowered("delegation_references")
        self.title_field_nouns = lowered("title_field_nouns")
        self.fieldless_heads = lowered("fieldless_heads")
        self.group_head_phrases = {tuple(w.split()) for w in lowered("delegation_head_phrases")}
        # park words that are never an organisation's («технопарк», not «парк» or «площадка»)
        self.park_compound_nouns = lowered("park_nouns") - lowered("park_nouns_shared")
        self.transcribed_park_words = lowered("transcribed_park_words")
        self.org_heads = lowered("org_heads")
        self.company_apposition_heads = lowered("company_apposition_heads")
        self.place_prepositions = lowered("place_prepositions")
        self.body_office_nouns = {tuple(w.split()) for w in lowered("body_office_nouns")}
        self.non_park_compounds = lowered("non_park_compounds")
        self.zone_abbreviations = lowered("zone_abbreviations")
        self.zone_words = lowered("special_zone_anaphors")  # «зона», «оэз»
        self.org_kind_heads = lowered("org_kind_heads")
        self.park_shared_nouns = lowered("park_nouns_shared")
        self.leisure_site_adjectives = lowered("leisure_site_adjectives")
        self.park_adjectives = lowered("park_adjectives")
        self.park_nouns = lowered("park_nouns")
        self.copula_verbs = lowered("copula_verbs")
        self.example_inserts = [p.split() for p in lowered("example_insert_phrases")]
        self.park_named_heads = lowered("park_named_heads")
        self.building_nouns = lowered("building_nouns")
        self.exhibit_nouns = lowered("exhibit_nouns")
        self.quoted_thing_nouns = lowered("quoted_thing_nouns")
        self.award_nouns = lowered("award_nouns")
        self.site_groups = lowered("site_group_nouns")
        self.building_places = lowered("building_places")
        self.plant_kind_abbreviations = lowered("plant_kind_abbreviations")
        self.address_styles = lowered("address_styles")
        self.street_nouns = lowered("street_nouns")
        self.named_site_nouns = self.street_nouns | lowered("named_site_nouns")
        self.plural_generic_heads = self.org_heads | lowered("org_body_nouns") \
            | lowered("org_generic_words") | lowered("government_bodies")
        self.org_name_prepositions = lowered("org_name_prepositions")
        self.org_dative_nouns = lowered("org_dative_nouns")
        self.government_bodies = lowered("government_bodies")
        self.place_served_bodies = lowered("place_served_bodies")
        self.plural_place_served_bodies = lowered("plural_place_served_bodies")
        self.team_heads = lowered("team_heads")
        self.leader_named_bodies = lowered("leader_named_bodies")
        self.regional_government_nouns = lowered("regional_government_nouns")
        self.delegation_heads = lowered("delegation_heads")
        self.mission_nouns = lowered("mission_nouns")
        self.group_mission_nouns = lowered("group_mission_nouns")
        self.summit_nouns = lowered("summit_nouns")
        self.international_body_heads = lowered("international_body_heads")
        self.circumstance_nouns = lowered("circumstance_nouns")
        self.circumstance_phrase_nouns = lowered("signing_circumstance_nouns")
        self.seat_of_power_names = {fold(name) for name in lowered("seat_of_power_names")}
        # «министерство», «Агентство»: a body's head, lower- or upper-case
        self.body_or_capitalised_nouns = self.org_body_nouns | self.org_capitalised_nouns
        self.org_head_lemmas = self.body_or_capitalised_nouns | self.government_bodies
        self.org_head_words = self.org_head_lemmas | self.org_heads
        self.generic_org_words = self.org_head_words \
            | lowered("org_generic_words")
        self.media_platforms = lowered("media_platforms")
        self.messenger_names = lowered("messenger_names")
        self.toponym_endings = tuple(sorted(lowered("toponym_endings")))
        self.toponym_non_endings = tuple(sorted(lowered("toponym_non_endings")))
        self.org_legal_forms = lowered("org_legal_forms")
        # what marks a company before its name: a legal form, or a kind no park is («девелопер»)
        self.company_markers = self.org_legal_forms | lowered("company_kind_nouns")
        self.spelled_legal_form_nouns = lowered("spelled_legal_form_nouns")
        self.place_nicknames = lowered("place_nicknames_read_as_names")
        self.months = frozenset(month.lower()
                                for month, _ in word_pairs(rules.words("date_months")))
        self.demonyms = frozenset(name.lower()
                                  for name, _ in word_pairs(rules.words("place_demonyms")))
        self.dateline_lower_words = lowered("dateline_lower_words")
        self.valley_topic_lemmas = lowered("valley_topic_lemmas")
        self.machine_measure_nouns = lowered("machine_measure_nouns")
        # legal forms, heads and generic words in capitals («ООО», «НИИ», «ОЭЗ») name no one
        # organisation wherever they stand
        self.org_common_acronyms = self.org_legal_forms | lowered("subunit_heads") \
            | self.ner_stoplist | self.generic_org_words
        self.org_branch_heads = lowered("org_branch_heads")
        # heads a Latin name in a wiki's italics follows («газеты ''The Kedr Post''»)
        self.wiki_name_heads = self.org_heads | lowered("institution_heads") \
            | lowered("news_outlet_nouns")
        # a kind of body before its own name, no part of it («банка ВТБ», «агентства ТАСС»)
        self.kind_before_name_heads = lowered("org_quoted_heads") | lowered("news_outlet_nouns")
        self.town_words = lowered("town_descriptors")
        self.settlement_words = lowered("settlement_words")
        self.town_named_bodies = lowered("town_named_bodies")
        self.foreign_region_words = lowered("foreign_only_region_words")
        self.town_head_posts = lowered("town_head_posts")
        # «алькальд Боланьоса Андрес …»: posts a town or region holds, its name after them
        self.place_head_posts = self.town_head_posts | lowered("regional_head_posts")
        self.chinese_compound_surnames = lowered("chinese_compound_surnames")
        self.place_or_town_words = self.place_descriptors | self.town_words
        self.state_form_nouns = lowered("key_state_form_nouns") | lowered("state_form_nouns")
        self.org_or_assembly_words = self.org_head_words | self.org_assembly_nouns
        self.valley_kind_nouns = self.town_words | lowered("village_descriptors") \
            | self.quoted_thing_nouns
        # words before a place's name that are no part of it («провинции Аньхой»)
        self.leading_descriptors = lowered("geo_descriptors") | self.town_words
        self.country_abbreviations = lowered("country_abbreviations")
        self.settlement_abbreviations = lowered("settlement_abbreviations")
        self.event_nouns = lowered("event_nouns")
        self.session_nouns = lowered("session_nouns")
        self.session_bodies = lowered("session_bodies")
        self.edition_ordinals = lowered("edition_ordinals")
        # heads a quoted name follows («компания «Мы строим будущее»», «форум «…»»)
        self.naming_heads = (self.org_heads - lowered("production_nouns")) | self.event_nouns \
            | self.park_nouns
        self.latin_company = _latin_company_pattern(rules.words("org_latin_legal_forms"))
        # the words that may close a company's name after its own («Машиненбау», «GmbH»)
        self.company_closing_words = self.company_tail_words | frozenset(
            fold(w).rstrip(".") for w in rules.words("org_latin_legal_forms")) | frozenset(
            fold(w) for w in self.org_legal_forms)

    def remember_normal_forms(self, entries: dict[tuple, str]) -> None:
        """Normal forms computed before (``memo``), so that they are not computed again."""
        self._normal_forms.update(entries)

    def take_fresh_normal_forms(self) -> dict[tuple, str]:
        """The normal forms computed since the last call (for the run's memo)."""
        fresh, self._fresh_normal_forms = self._fresh_normal_forms, {}
        return fresh

    def extract(self, doc: Doc) -> None:
        """Fill ``doc.mentions`` and ``doc.entities`` from its NER spans and the rules."""
        is_word = self.analyzer.lexicon.is_word
        ner = self._surname_first([_adjective_off_latin_name(doc, self._group_word_off(doc, piece))
                                   for span in doc.ner_spans
                                   for c in _before_a_symbol(doc.text, self._from_ner(doc, span))
                                   for short in _split_abbreviation(doc.text, c, is_word,
                                                                   self._ends_as_toponym)
                                   for piece in _split_bracketed_name(doc, short, is_word,
                                                                      self._ends_as_toponym)],
                                   doc)
        rules = [c for c in self._from_rules(doc) if not self._leisure_site(doc, c)
                 and not self._valley_off_topic(doc, c)
                 and not _park_name_is_subject(doc, c)
                 and not _event_name_is_subject(doc, c)
                 and not _town_plant_of_a_quoted_company(doc, c)
                 and not _quotes_a_statement(doc, c, self.naming_heads)] \
            + self._org_phrases(doc) + self._latin_companies(doc) \
            + self._wiki_quoted_latin_names(doc) \
            + self._bodies_of_places(doc) \
            + _gazetteer_regions(doc, self.country_abbreviations, self.demonyms) \
            + _dateline_towns(doc, self.months) \
            + _gazetteer_full_names(doc, self.leading_descriptors) \
            + _quoted_parks_listed(doc, self.park_nouns, self.zone_abbreviations,
                                   self.copula_verbs, self.example_inserts)
        rules = _without_editions_inside_quoted_events(rules)
        persons = [c for c in ner if c.type == "PER"]
        rules = [c for c in (_before_person(c, persons, doc, self._is_first_name,
                                            self.place_descriptors) for c in rules)
                 if c and not _named_by_a_region(doc, c)] + self._bodies_of_leaders(doc, persons)
        chosen = [c for c in _resolve_overlaps([self._with_head_of_a_place_name(
            doc, _with_edition(doc, _with_enclosing_quotes(doc.text, c))) for c in ner + rules])
                  if not self._names_a_group(doc, c.start, c.end)]
        chosen = [self._numbered_session(doc, c) for c in _org_word_out_of_person(
            doc, self._place_into_org_names(doc, _with_convocation(doc, _adjectives_then_body(
                doc, _surname_out_of_body(doc, self.place_descriptors, self._with_scope_complement(
                    doc, self._with_genitive_complement(
                        doc, self._person_after_acronym(doc, _capitals_before_verb(
                            doc, chosen)))))))),
            self.analyzer.lexicon.is_word)]
        chosen = self._park_with_its_owner(doc, chosen)
        chosen = _first_name_read_as_place(doc, chosen)
        for candidate in (c for c in chosen if c.type in ("ORG", "LOC", "PER")):
            words = [t for t in doc.tokens_in(candidate.start, candidate.end)
                     if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
            if words and (self._park_compound(words[-1]) or (
                    len(words) > 2 and words[-1].lemma.lower() == "парк"
                    and words[-2].text.lower() in self.transcribed_park_words
                    and all(t.text[:1].isupper() for t in words))) and not any(
                    t.lemma in self.org_head_words for t in words):
                # «Академпарк», «в Академпарке» (read as ORG, LOC, even PER at a sentence's
                # start), «Кедров Хайпарк», «Кулим Хай-Тек Парк»: a name ending in a word on
                # «-парк», or a foreign park's type words in Cyrillic letters, is the park
                candidate.type = "PARK"
        chosen = _with_university_acronyms(doc, chosen, self._plain_word_in_capitals,
                                           self.machine_measure_nouns)
        chosen = self._with_listed_fields(doc, self._with_branch_before(
            doc, self._joined_org_names(doc, chosen)))
        named_heads = {t.lemma for c in chosen if c.type == "ORG"
                       and len(doc.tokens_in(c.start, c.end)) > 1
                       for t in doc.tokens_in(c.start, c.end)} | {
            head.lemma for c in chosen if c.type == "ORG"
            and (tokens := doc.tokens_in(c.start, c.end)) and tokens[0].text == QUOTES_OPEN
            # «фонд «Сколково»»: the head before the name
            and (head := _word_before(doc, tokens[0])) is not None}
        starts = {c.start for c in chosen if c.type == "ORG"}
        chosen = [c for c in chosen if not self._generic_head_alone(doc, c, named_heads, starts)]
        chosen = [_plural_park_head_off_a_list(doc, c)
                  for c in _with_coordinated_quoted(
                      doc.text, _residents_listed_quoted(doc.text, chosen, self.resident_words),
                      self.name_list_openers)
                  if not self._plural_generic_head(doc, c)]
        doc.mentions = []
        for candidate in chosen:
            mention = self._mention(doc, candidate)
            if mention is not None:
                doc.mentions.append(mention)
        persons = [(m.start, m.end) for m in doc.mentions if m.type == "PER"]
        doc.mentions = [m for m in doc.mentions if not _cut_off_at_the_end(doc.text, m)
                        and not _a_documents_title(m)
                        and (not _page_furniture(doc.text, m, self.months,
                                                 self.dateline_lower_words)
                             or _captions_a_named_person(doc.text, m, persons))
                        and not self._names_a_group(doc, m.start, m.end)
                        and not _lower_case_ner_span(m)
                        and not _function_words_only(doc, m)]
        doc.mentions = _without_descriptors_of_quoted_names(doc, doc.mentions)
        self._mend_resident_quoted_as_zone(doc)
        self._government_bodies_read_as_places(doc)
        self._residency_host_as_park(doc)
        propagate_quoted_names(doc)
        self._without_names_of_things(doc)
        _events_run_as_bodies(doc, self.body_office_nouns)
        propagate_acronyms(doc, self.ner_stoplist)
        _org_acronym_repeats(doc, self.months, self.dateline_lower_words,
                             self.org_common_acronyms)
        propagate_latin_park_names(doc)
        propagate_bare_park_names(doc)
        aliases = parenthesised_aliases(doc) + described_event_names(doc) \
            + chinese_short_names(doc)
        vote_types(doc)
        _park_acronym_repeats(doc)
        self._surnames_read_as_places(doc)
        self._towns_read_as_persons(doc)
        self._places_read_as_persons_elsewhere(doc)
        self._places_read_as_persons_after_group_words(doc)
        self._nicknames_read_as_persons(doc)
        self._countries_read_as_persons(doc)
        self._company_short_names_read_as_persons(doc)
        self._sources_read_as_places(doc)
        self._towns_of_two_words(doc)
        self._generic_place_words_out(doc)
        self._post_adjectives_out(doc)
        self._name_opening_adjectives_out(doc)
        self._persons_read_as_places_after_titles(doc)
        self._latin_honorifics_out(doc)
        self._latin_persons_missed(doc)
        self._latin_persons(doc)
        self._surnames_missed(doc)
        self._places_missed(doc)
        _acronyms_spelt_out(doc)
        _dateline_places_in_capitals(doc)
        _dashed_place_names(doc)
        self._seats_of_power(doc)
        self._zone_operators(doc)
        mark_legal_forms(doc, self.company_markers)
        mark_region_words(doc)
        mark_place_words(doc, self.place_word_lemmas, self.town_people_words)
        group_entities(doc)
        person_normals(doc)
        name_normals(doc)
        join_aliases(doc, aliases + company_short_names(doc, self.company_closing_words)
                     + bodies_of_a_place_left_out(doc, self.place_descriptors))

    def _numbered_session(self, doc: Doc, candidate: Candidate) -> Candidate:
        """A commission's session with its edition's number is an event, the commission
        inside it («VIII заседание Кедровско-Ольховской межправительственной комиссии»,
        «22-м заседании комиссии …»); an unnumbered «заседание комиссии» is its meeting, and
        a government's, council's or board's numbered sitting is its routine (no forum)."""
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if candidate.type != "ORG" or not tokens or not any(
                t.lemma in self.session_bodies or (t.text.isupper() and len(t.text) > 2)
                for t in tokens):  # a commission by its acronym («XIX заседание CIAN»)
            return candidate
        at = tokens[0].token_id - 1
        while at >= 0 and doc.tokens[at].pos == "ADJ" and doc.tokens[at].text.islower():
            at -= 1  # «пленарном», «очередном»: between the session and the body
        if at < 1 or doc.tokens[at].lemma not in self.session_nouns:
            return candidate
        number = doc.tokens[at - 1]
        opening = doc.sentences[number.sent_id].first_token == number.token_id
        if not (EDITION_NUMBER.fullmatch(number.text) or (
                (number.text.islower() or opening) and number.lemma in self.edition_ordinals)):
            return candidate
        return replace(candidate, start=number.start, type="EVENT")

    def _zone_operators(self, doc: Doc) -> None:
        """A zone's name inside a company's quotes after its legal form («АО «ОЭЗ ППТ
        «Кедровая»»») is the company that runs the zone, not the zone; so is a park's or
        zone's name right after the legal form («ОАО Портовая особая экономическая зона
        «Кедр»», «АО «Технопарк Кедр»»), as the legal form before any quoted name is."""
        for mention in doc.mentions:
            if mention.type != "PARK":
                continue
            before = doc.text[max(0, mention.start - 30):mention.start]
            found = LEGAL_FORM_BEFORE_QUOTE.search(before[-12:]) \
                or LEGAL_FORM_BEFORE_ZONE.search(before)
            if found and found.group(1).lower() in self.org_legal_forms:
                mention.type = "ORG"
            opening = self._body_quoted_around(doc, mention)
            if opening is not None:
                # «АО «Управляющая компания ОЭЗ «Кедровая»»»: the company named after the zone
                mention.start, mention.end = opening, mention.end + 1
                mention.text = doc.text[mention.start:mention.end]
                mention.normal = mention.text[1:-1].replace("«", "").replace("»", "")
                mention.type, mention.source = "ORG", "rule:mend.body_named_after_park"
        doc.mentions = [m for m in doc.mentions if m.source == "rule:mend.body_named_after_park"
                        or not any(o.source == "rule:mend.body_named_after_park"
                                   and o.start <= m.start and m.end <= o.end
                                   for o in doc.mentions)]

    def _body_quoted_around(self, doc: Doc, mention: Mention) -> int | None:
        """Where the quotes open of a body's name that a park's quoted name closes: «Управляющая
        компания ОЭЗ «Кедровая»», the outer quote right after the park's, a body's head
        (``org_head_words``) in it; None elsewhere."""
        if not mention.text.endswith("»") or doc.text[mention.end:mention.end + 1] != "»":
            return None
        opening = doc.text.rfind("«", max(0, mention.start - 60), mention.start)
        inside = doc.text[opening + 1:mention.start] if opening >= 0 else ""
        words = inside.split()
        if not words or "»" in inside or not words[0][:1].isupper():
            return None
        first = next((t for t in doc.tokens if t.start == opening + 1), None)
        heads = [t for t in doc.tokens if opening < t.start < mention.start
                 and t.lemma in self.org_head_words]
        return opening if first is not None and heads else None

    def _surnames_read_as_places(self, doc: Doc) -> None:
        """A one-word name NER reads as a place that is the surname of a person the document
        names in full («Николаев» in an article about «Айсен Николаев»), or by a bare surname
        of a Russian surname's shape, is that person, unless a preposition or a place word
        stands before it («в Николаеве», «город Николаев»; not a post's place word, «аким
        области Жумабеков») or it names a region or country (any place, for a bare surname's).
        Its normal form becomes the surname as the full name writes it, so that it joins the
        person's entity."""
        surnames = _full_names_surnames(doc)
        bare = {fold(word) for m in doc.mentions if m.type == "PER"  # «Аким Жумабеков отметил»
                and " " not in (word := m.normal.strip()) and RUSSIAN_SURNAME.fullmatch(word)
                and fold(word) not in surnames and gazetteer().lookup(word) is None}
        for word in bare:
            surnames[word].add(next(m.normal.strip() for m in doc.mentions
                                    if m.type == "PER" and fold(m.normal.strip()) == word))
        if not surnames:
            return
        for mention in doc.mentions:
            word = mention.normal.strip()
            if mention.type != "LOC" or mention.source != "ner" or " " in word \
                    or not word[:1].isupper() or word.isupper():
                continue
            found = _surname_of(word, surnames)
            tokens = doc.tokens_in(mention.start, mention.end)
            if len(found) != 1 or not tokens:
                continue
            before = _word_before(doc, tokens[0])
            titled = before is not None and before.lemma.lower() in self.place_descriptors \
                and (title := _word_before(doc, before)) is not None and self._post_title(title)
            if before is not None and not titled and (
                    before.pos == "ADP" or before.lemma.lower() in self.place_descriptors
                    or before.lemma.lower() in self.town_words):
                continue  # (but «аким области Жумабеков»: a post of the place, then the man)
            if fold(word) in bare and not titled:
                continue  # a bare surname's namesake only after a post and its place word
            place = gazetteer().lookup(word)
            if place is not None and place.kind != "city":
                continue
            mention.type, mention.normal = "PER", next(iter(found))

    def _latin_persons(self, doc: Doc) -> None:
        """«господин Kim Sung-ho», «Khalid Al Mansouri, управляющий партнёр фонда»,
        «(… председатель совета директоров Wang Jianguo)»: a name in Latin letters of two or
        three capitalised words after an honorific, or before a comma and a post's title, or
        closing brackets after one, is a person, whatever NER read (no word of a company's:
        ``latin_business_words``). «Глава Hanseong Kim Sung-ho»: the words the
        document's Latin company name opens with are the company's, the rest the person; «глава
        Kedr Machinery Zhang Wei»: the company's name ends in its business word. A person so
        found is that person where NER reads the name again as an organisation
        (``_latin_persons_named_again``)."""
        companies = {m.text.split()[0] for m in doc.mentions
                     if m.type == "ORG" and LATIN_RUN.fullmatch(m.text)
                     and any(w.lower() in self.latin_business_words for w in m.text.split())}
        mended: list[Mention] = []
        for mention in doc.mentions:
            words = mention.text.split()
            latin = mention.type in ("ORG", "LOC") and LATIN_RUN.fullmatch(mention.text)
            closing = _person_after_company_word(words, self.latin_business_words) \
                if latin and self._title_before(doc, mention) else None
            if closing is None and (
                    not latin or not (2 <= len(words) <= 4 or self._after_honorific(doc, mention))
                    or any(w.lower() in self.latin_business_words for w in words)
                    or not (self._titled_latin(doc, mention) or (
                        len(words) >= 3 and words[0] in companies
                        and self._title_before(doc, mention))
                        or self._latin_context_of(doc, mention))):
                mended.append(mention)
                continue
            if closing is not None:
                # «председатель совета директоров Kedr Machinery Zhang Wei»: the company's
                # name ends in its business word, the person's follows
                company = " ".join(words[:closing])
                person = mention.text[len(mention.text) - len(" ".join(words[closing:])):]
                mended.append(replace(mention, end=mention.start + len(company), text=company,
                                      normal=company))
                mended.append(replace(mention, start=mention.end - len(person), text=person,
                                      normal=person, type="PER", source="rule:per.latin_titled"))
            elif len(words) >= 3 and words[0] in companies:
                cut = mention.start + len(words[0])
                mended.append(replace(mention, end=cut, text=words[0], normal=words[0]))
                rest = doc.text[cut:mention.end].lstrip()
                start = mention.end - len(rest)
                mended.append(replace(mention, start=start, text=rest, normal=rest,
                                      type="PER", source="rule:per.latin_titled"))
            elif len(words) <= 3:
                mended.append(replace(mention, type="PER", normal=mention.text,
                                      source="rule:per.latin_titled"))
            else:
                mended.append(mention)
        doc.mentions = _latin_persons_named_again(mended, self.latin_business_words)

    def _latin_honorifics_out(self, doc: Doc) -> None:
        """«Mr. Bounmy Phommachanh», «Dr. Okafor» (read as an organisation or with the
        honorific in the name): the Latin name after an honorific is a person's, the
        honorific no part of it; an honorific alone («Ms») names nothing."""
        mended: list[Mention] = []
        for mention in doc.mentions:
            match = LATIN_HONORIFIC.match(mention.text)
            if mention.type == "DELEGATION" or match is None \
                    or match.group(1).lower() not in self.latin_honorifics:
                mended.append(mention)
                continue
            rest = mention.text[match.end():]
            if LATIN_RUN.fullmatch(rest) is None:
                continue  # «Ms» alone, or words no name's
            start = mention.end - len(rest)
            mended.append(replace(mention, start=start, text=rest, normal=rest, type="PER",
                                  source="rule:per.latin_titled"))
        doc.mentions = mended

    def _after_honorific(self, doc: Doc, mention: Mention) -> bool:
        """Is an honorific the word right before the mention («г-на Sharma»)?"""
        return _lemma_before_in(doc, mention, self.honorifics)

    def _title_before(self, doc: Doc, mention: Mention) -> bool:
        """Is a post's title the word right before the mention?"""
        return _lemma_before_in(doc, mention, self.post_titles)

    def _titled_latin(self, doc: Doc, mention: Mention) -> bool:
        """Is an honorific right before the mention, «во главе с» or a lead verb with its object
        told before it («Делегацию возглавил …»), a post's title and its country before it, a
        title before it and a closing bracket after it, or a comma and a title right after it
        (and no title before)?"""
        tokens = doc.tokens_in(mention.start, mention.end)
        if not tokens:
            return False
        before = _word_before(doc, tokens[0])
        titles = self.post_titles | self.honorifics
        after = doc.tokens[tokens[-1].token_id + 1:tokens[-1].token_id + 4]
        if before is not None and before.lemma.lower() in self.honorifics:
            return True  # «господин Kim Sung-ho»
        if before is not None and before.lemma.lower() in self.lead_verbs and any(
                t.pos == "NOUN" and "Case=Acc" in t.feats
                for t in doc.tokens[:before.token_id] if t.sent_id == before.sent_id):
            return True  # «Делегацию возглавил Budi Santoso»: the object told, the name leads
        ahead = doc.tokens[max(tokens[0].token_id - 8, 0):tokens[0].token_id]
        if [t.lemma for t in ahead[-2:]] == ["глава", "с"]:
            return True  # «во главе с Khalid Al Hashimi»
        place = next((m for m in doc.mentions if m.type == "LOC" and ahead
                      and m.end == ahead[-1].end), None)
        if place is not None and any(t.lemma.lower() in self.post_titles for t in ahead
                                     if t.end <= place.start):
            return True  # «заместителем министра промышленности Таиланда Somchai Phonsiri»
        if after and after[0].text == ")" and before is not None \
                and before.lemma.lower() in titles:
            return True  # «(стенд открыл председатель совета директоров Wang Jianguo)»
        # «Khalid Al Mansouri, управляющий партнёр фонда»: the title right after the comma,
        # a noun phrase going on after it (not «Associated Press, пилот объяснил …»; not
        # «глава Business NZ, …»: a title right before the name makes it the employer as often)
        return len(after) == 3 and after[0].text == "," \
            and (after[1].lemma.lower() in titles or after[1].text.lower() in titles) \
            and after[2].pos not in ("VERB", "AUX") \
            and not (before is not None and before.lemma.lower() in titles)

    def _towns_read_as_persons(self, doc: Doc) -> None:
        """«о Нижнекедровске, где строится верфь»: a one-word name of a town's shape (a stem in
        «-ск»/«-цк» with a case ending) that NER reads as a person is the town, unless the
        dictionary knows the word as a name or the document names a person with it; a short
        one only where the gazetteer knows the town."""
        people = _words_of_full_names(doc)
        for mention in doc.mentions:
            shape = TOWN_SHAPE.fullmatch(mention.text.strip())
            if mention.type != "PER" or shape is None or mention.text.strip() in people \
                    or _read_as_a_name(mention.text.strip()):
                continue
            town = shape.group(1)
            if len(town) < LONG_TOWN_NAME and gazetteer().lookup(town) is None:
                continue  # «о Песке»: a short foreign surname has the shape too
            mention.type, mention.normal = "LOC", town
            mention.source = "rule:mend.town_read_as_person"

    @staticmethod
    def _places_read_as_persons_elsewhere(doc: Doc) -> None:
        """«Делегацию Дананга возглавил …» beside «народного комитета Дананга»: one word NER
        reads as a person here and as a place elsewhere (written alike, or its lemma the
        place's name) is the place, unless the document names a person with it."""
        places = {m.text.strip(): m.normal for m in doc.mentions if m.type == "LOC"}
        places |= {fold(m.normal): m.normal for m in doc.mentions if m.type == "LOC"}
        people = _words_of_full_names(doc)
        for mention in doc.mentions:
            word = mention.text.strip()
            if mention.type != "PER" or mention.source != "ner" or " " in word \
                    or word in people:
                continue
            tokens = doc.tokens_in(mention.start, mention.end)
            # written alike, or its lemma the place's name («Дананга» of «Дананг»)
            place = places.get(word) or (places.get(fold(tokens[0].lemma)) if tokens else None)
            if place is not None:
                mention.type, mention.normal = "LOC", place
                mention.source = "rule:mend.place_read_as_person"

    def _places_read_as_persons_after_group_words(self, doc: Doc) -> None:
        """«Делегация Вупперталя посетила …»: one word NER reads as a person right after a
        group word (``delegation_heads``), in the genitive, is the group's place, unless the
        dictionary reads it as a name or the document names a person with it, in any case
        («Делегация Вестхофа» of «Хорст Вестхоф»)."""
        people = _words_of_full_names(doc)
        for mention in doc.mentions:
            word = mention.text.strip()
            tokens = doc.tokens_in(mention.start, mention.end)
            if mention.type != "PER" or mention.source != "ner" or len(tokens) != 1 \
                    or tokens[0].token_id == 0 \
                    or any(word[:len(word) - cut] in people for cut in range(3)) \
                    or (self.analyzer.lexicon.is_word(word) and _read_as_a_name(word)) \
                    or doc.tokens[tokens[0].token_id - 1].lemma not in self.delegation_heads:
                continue
            # (the genitive's nominative as the dictionary guesses it, «Вупперталя» →
            # «Вупперталь»; Chinese syllables as written)
            parses = [] if spelt_in_syllables(word) else [
                p for p in word_parses(word) if p.tag.POS == "NOUN" and "gent" in p.tag]
            nominative = parses[0].inflect({"nomn"}) if parses else None
            mention.type = "LOC"
            mention.normal = match_case(word, nominative.word) if nominative else word
            mention.source = "rule:mend.place_after_group_word"

    def _nicknames_read_as_persons(self, doc: Doc) -> None:
        """«верфям Питера», «делегация Хабкрая» read as a person: a place's informal name
        (``place_nicknames_read_as_names``) alone, no word of a full name the document
        gives, is the place the gazetteer knows by it."""
        people = _words_of_full_names(doc)
        for mention in doc.mentions:
            word = mention.text.strip()
            tokens = doc.tokens_in(mention.start, mention.end)
            if mention.type != "PER" or " " in word or word in people or len(tokens) != 1 \
                    or fold(tokens[0].lemma) not in self.place_nicknames \
                    or gazetteer().lookup(word) is None:
                continue
            mention.type, mention.normal = "LOC", match_case(word, tokens[0].lemma)
            mention.source = "rule:mend.nickname_read_as_person"

    def _countries_read_as_persons(self, doc: Doc) -> None:
        """«Султаната Оман», «Королевства Таиланд» read as a person: a form of state and the
        country's name that the gazetteer knows together is the country."""
        for mention in doc.mentions:
            tokens = doc.tokens_in(mention.start, mention.end)
            if mention.type != "PER" or len(tokens) < 2 \
                    or tokens[0].lemma.lower() not in self.state_form_nouns:
                continue
            place = gazetteer().lookup(mention.text)
            if place is not None and place.kind == "country":
                rest = doc.text[tokens[1].start:mention.end]
                mention.type, mention.normal = "LOC", f"{tokens[0].lemma.capitalize()} {rest}"
                mention.source = "rule:mend.country_read_as_person"

    def _company_short_names_read_as_persons(self, doc: Doc) -> None:
        """«… «Йылдыз Композит» … Йылдыз выпускает панели»: one word NER reads as a person
        that is the first word of a company's name closed by company words (``key_company_
        tail_words``: «Композит», «Машиненбау», «Групп») is that company's short name,
        unless the document names a person with that word; such a name itself, read as a
        person's, is the company."""
        tails = self.company_tail_words
        people = _words_of_full_names(doc)
        firsts = {words[0] for m in doc.mentions
                  if m.type == "ORG" and (words := _closed_by_company_words(m, tails))}
        for mention in doc.mentions:
            word = mention.text.strip()
            if mention.type == "PER" and mention.source == "ner" and " " not in word \
                    and fold(word) in firsts and word not in people:
                mention.type = "ORG"
                mention.source = "rule:mend.company_short_name_read_as_person"
            # «Йылдыз Макина» itself: a name closed by company words is no person's
            if mention.type == "PER" and mention.source == "ner" \
                    and _closed_by_company_words(mention, tails):
                mention.type = "ORG"
                mention.source = "rule:mend.company_name_read_as_person"

    def _sources_read_as_places(self, doc: Doc) -> None:
        """«…, сообщили в Кедрполимер-Про»: one word NER reads as a place after «в» that an
        impersonal verb of saying takes (the plural past: who said it is the body) and that
        stands as written, in no locative («сообщили в Кедровске» stays a place), is the body
        the news come from, where neither the gazetteer nor the dictionary knows a place of
        that name («сообщили в Сочи» stays one too)."""
        for mention in doc.mentions:
            tokens = doc.tokens_in(mention.start, mention.end)
            if mention.type != "LOC" or mention.source != "ner" or len(tokens) != 1 \
                    or tokens[0].token_id < 2:
                continue
            preposition, verb = (doc.tokens[tokens[0].token_id - k] for k in (1, 2))
            if preposition.lemma.lower() not in ("в", "во") \
                    or verb.lemma.lower() not in self.statement_verbs \
                    or "Tense=Past" not in verb.feats or "Number=Plur" not in verb.feats \
                    or mention.normal != mention.text.strip() \
                    or gazetteer().lookup(mention.text.strip()) is not None \
                    or any("Geox" in p.tag for p in self.analyzer.parse(tokens[0].text)):
                continue
            mention.type = "ORG"
            mention.source = "rule:mend.source_read_as_place"

    def _towns_of_two_words(self, doc: Doc) -> None:
        """«из сербского города Сремски Карловцы»: a town's name of two words, after «город»,
        that NER cut into a place and a person is one place."""
        keep: list[Mention] = []
        for mention in doc.mentions:
            before = keep[-1] if keep else None
            tokens = doc.tokens_in(mention.start, mention.end)
            if before is not None and before.type == "LOC" and mention.type == "PER" \
                    and mention.source == "ner" and len(tokens) == 1 \
                    and doc.text[before.end:mention.start] == " " \
                    and (first := doc.tokens_in(before.start, before.end)) \
                    and len(first) == 1 and first[0].token_id > 0 \
                    and doc.tokens[first[0].token_id - 1].lemma.lower() \
                    in self.place_or_town_words \
                    and gazetteer().lookup(before.text.strip()) is None \
                    and not any({"Surn", "Name"} & p.tag.grammemes
                                for p in word_parses(tokens[0].text.lower())):
                # (not «мэр города Кедрова Иванов»: a known town, then a surname)
                before.end, before.text = mention.end, doc.text[before.start:mention.end]
                before.normal = before.text
                before.source = "rule:mend.town_of_two_words"
                continue
            keep.append(mention)
        doc.mentions = keep

    def _generic_place_words_out(self, doc: Doc) -> None:
        """«Глава Республики X»: a word for a kind of place alone, capitalised in a title
        (``place_anaphors``, ``country_anaphors``), is no place's name; NER's mention of it
        goes (the relations resolve the word to the place the text named)."""
        doc.mentions = [m for m in doc.mentions if not (
            m.type in ("LOC", "ORG") and m.source == "ner" and " " not in m.text.strip()
            and (tokens := doc.tokens_in(m.start, m.end)) and len(tokens) == 1
            and tokens[0].lemma.lower() in self.generic_place_words)]

    def _post_adjectives_out(self, doc: Doc) -> None:
        """«Чрезвычайный и Полномочный Посол …»: a post's own adjective NER read as a place,
        alone or with the post's other adjectives and its title, names nothing."""
        post_words = self.post_adjectives | self.post_titles | {"и"}
        doc.mentions = [m for m in doc.mentions if not (
            m.type == "LOC" and m.text[:1].isupper()
            and (tokens := doc.tokens_in(m.start, m.end))
            and tokens[0].lemma.lower() in self.post_adjectives
            and all(t.lemma.lower() in post_words for t in tokens)
            and gazetteer().lookup(m.text.strip()) is None)]

    def _name_opening_adjectives_out(self, doc: Doc) -> None:
        """«в Тайваньскую молодёжную торговую палату «Цинлянь»»: a capitalised place adjective
        inside a sentence that opens a body's name (lower-case words of it, then its quoted
        name) NER read as a place, alone, names nothing: the body is named by its quotes."""
        tokens = doc.tokens
        quoted = {m.start for m in doc.mentions if m.type in ("ORG", "PARK")}

        def opens_a_name(mention: Mention) -> bool:
            words = doc.tokens_in(mention.start, mention.end)
            if mention.type != "LOC" or mention.source != "ner" or len(words) != 1 \
                    or words[0].token_id == 0 or not any(
                        p.tag.POS == "ADJF" for p in word_parses(words[0].text.lower())) \
                    or tokens[words[0].token_id - 1].sent_id != words[0].sent_id:
                return False
            for t in range(words[0].token_id + 1, min(words[0].token_id + 6, len(tokens))):
                if tokens[t].text == QUOTES_OPEN:
                    return tokens[t].start in quoted and t > words[0].token_id + 1
                if tokens[t].pos not in ("ADJ", "NOUN") or not tokens[t].text.islower():
                    return False
            return False

        doc.mentions = [m for m in doc.mentions if not opens_a_name(m)]

    def _persons_read_as_places_after_titles(self, doc: Doc) -> None:
        """«во главе с вице-губернатором Линь Хуа и мэром Ма Цзе»: two or three capitalised
        words right after a post's title that NER read as a place the gazetteer does not
        know, none of them a place's word in the dictionary, are the title's holder."""
        tokens, place_words = doc.tokens, self.geo_descriptors | self.generic_place_words
        for mention in doc.mentions:
            words = doc.tokens_in(mention.start, mention.end)
            if mention.type != "LOC" or mention.source != "ner" or not 2 <= len(words) <= 3 \
                    or words[0].token_id == 0 or not all(
                        w.text[:1].isupper() and w.text[1:].islower() for w in words):
                continue
            title = tokens[words[0].token_id - 1]
            if title.lemma.lower() not in self.post_titles or not title.text.islower() \
                    or gazetteer().lookup(mention.text.strip()) is not None \
                    or gazetteer().lookup(mention.normal) is not None \
                    or any(w.lemma.lower() in place_words for w in words) \
                    or any(gazetteer().lookup(w.text) is not None or any(
                        "Geox" in p.tag for p in word_parses(w.text.lower())) for w in words):
                continue
            mention.type = "PER"
            mention.source = "rule:mend.person_after_title"

    def _latin_persons_missed(self, doc: Doc) -> None:
        """«её директор Dragan Milovanović», «министра иностранных инвестиций Osmany Fernández
        Rojas», «пояснил Park Ji-hoon»: two to four capitalised Latin words no mention covers,
        after a post's title (past its genitive words or employer) or next to a verb of
        saying, are a person (no word of a company's: ``latin_business_words``, nor a name the
        document gives an organisation); then a Latin word alone that is the last of such a
        person's name («По словам Ozoliņš») is that person."""
        taken = _tokens_taken(doc)
        # the words of the document's Latin company names («Nusantara Agro» of «PT Nusantara
        # Agro Industri»): a run they open is that company, then the person
        company_words = {fold(word) for m in doc.mentions if m.type == "ORG"
                         and LATIN_RUN.search(m.text) for word in m.text.split()}
        added: list[Mention] = []
        for first, last in _latin_name_runs(doc, taken):
            while first < last and fold(doc.tokens[first].text) in company_words:
                first += 1  # «президент-директор Nusantara Agro Budi Santoso»
            words = [doc.tokens[t].text for t in range(first, last + 1)]
            if not 2 <= len(words) <= 4 or fold(words[0]) in self.latin_articles \
                    or any(fold(w) in self.latin_business_words for w in words) \
                    or not self._latin_person_context(doc, first, last):
                continue
            start, end = doc.tokens[first].start, doc.tokens[last].end
            text = doc.text[start:end]
            added.append(Mention(start, end, "PER", text, text, "rule:per.latin_titled",
                                 doc.tokens[first].sent_id))
        surnames = {m.text.split()[-1]: m.text for m in added}
        for first, last in _latin_name_runs(doc, taken):
            word = doc.tokens[first].text
            if first == last and word in surnames:  # «По словам Ozoliņš»
                token = doc.tokens[first]
                added.append(Mention(token.start, token.end, "PER", word, surnames[word],
                                     "rule:propagate.person_surname", token.sent_id))
        if added:
            doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)

    def _latin_context_of(self, doc: Doc, mention: Mention) -> bool:
        """Is a bare post's title right before the mention of two or three Latin words, its
        employer told before by a possessive («её директор Dragan Kedrović»)? (Past a title's
        genitive or next to a verb of saying, NER's organisation may be one: «председатель
        правления Berkshire Hathaway», «сообщила The Daily Mail».)"""
        tokens = doc.tokens_in(mention.start, mention.end)
        first = tokens[0].token_id if tokens else 0
        return 2 <= len(tokens) <= 3 and first >= 2 \
            and doc.tokens[first - 1].lemma.lower() in self.post_titles \
            and doc.tokens[first - 2].pos in ("DET", "PRON") \
            and doc.tokens[first - 2].sent_id == tokens[0].sent_id

    def _latin_person_context(self, doc: Doc, first: int, last: int) -> bool:
        """Does a post's title stand before the Latin run (past genitive words, «и», a
        possessive or the employer's name), no name of a person right after it, or a verb of
        saying next to it?"""
        tokens = doc.tokens
        sent_id = tokens[first].sent_id
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        if following is not None and following.sent_id == sent_id \
                and following.text[:1].isupper() and following.pos == "PROPN":
            return False  # «глава Kedr Stone Иван Петров»: the employer, the person after it
        t = first - 1
        while t >= 0 and first - t <= 8 and tokens[t].sent_id == sent_id:
            word = tokens[t]
            if word.lemma.lower() in self.post_titles or (
                    "-" in word.lemma and word.lemma.lower().split("-")[0] in self.post_titles):
                # («президент-директор»; a title right before it may name the employer:
                # «корреспондент Kedr News»; not where the employer is told before: «её
                # директор X»)
                return t < first - 1 or (t > 0 and tokens[t - 1].pos in ("DET", "PRON"))
            if word.pos not in ("NOUN", "PROPN", "ADJ", "DET", "PRON", "CCONJ", "X") \
                    and word.text not in (QUOTES_OPEN, QUOTES_CLOSE):
                break
            t -= 1
        return any(0 <= t < len(tokens) and tokens[t].sent_id == sent_id
                   and tokens[t].lemma.lower() in self.person_speech_verbs
                   for t in (first - 1, last + 1))

    def _surnames_missed(self, doc: Doc) -> None:
        """«Кедров подписал указ» opening the headline, «… заявил Кедров»: a capitalised word
        no mention covers that is the surname of a person the document names in full (up to
        its case ending) is that person, where no other capitalised word stands next to it
        (another person's name) and it names no place."""
        surnames = _full_names_surnames(doc)
        if not surnames:
            return
        taken = _tokens_taken(doc)
        added: list[Mention] = []
        for i, token in enumerate(doc.tokens):
            word = token.text
            if not word[:1].isupper() or word.isupper() or not word.isalpha() or i in taken:
                continue
            found = _surname_of(word, surnames)
            if len(found) != 1 or any(
                    0 <= j < len(doc.tokens) and doc.tokens[j].sent_id == token.sent_id
                    and doc.tokens[j].text[:1].isupper() for j in (i - 1, i + 1)) \
                    or gazetteer().lookup(word) is not None \
                    or INITIAL_BEFORE.search(doc.text, max(0, token.start - 3), token.start) \
                    or doc.text[token.start - 1:token.start] == QUOTES_OPEN:
                continue  # «Д.Кедров» is one name; «Кедрова» in quotes names a work
            added.append(Mention(token.start, token.end, "PER", word, next(iter(found)),
                                 "rule:propagate.person_surname", token.sent_id))
        if added:
            doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)

    def _places_missed(self, doc: Doc) -> None:
        """«Льеж» alone on a photo's caption line, «Кедровск и его окрестности …» opening a
        sentence: a capitalised word no mention covers that is a place the document names
        elsewhere (as written there or in its normal form) is that place, where no other
        capitalised word stands next to it on its line (a longer name: «Кедровск Таймс»),
        it is no word of a quoted title and no surname of a person the document names."""
        places: dict[str, str] = {}  # a place's form as written, normal or lemma → its normal
        for m in doc.mentions:
            tokens = doc.tokens_in(m.start, m.end)
            if m.type == "LOC" and len(tokens) == 1:
                for form in (m.text, m.normal, tokens[0].lemma):
                    places.setdefault(fold(form), m.normal)
        if not places:
            return
        surnames = _full_names_surnames(doc)
        taken = _tokens_taken(doc)
        added: list[Mention] = []
        for i, token in enumerate(doc.tokens):
            word = token.text
            normal = places.get(fold(word)) or places.get(fold(token.lemma))
            if i in taken or normal is None or not word[:1].isupper() or word.isupper() \
                    or _surname_of(word, surnames) or _beside_a_capitalised_word(doc, i) \
                    or _inside_quotes(doc.text, token.start) or self._no_place_reading(token) \
                    or self._serves_the_body_before(doc, token):
                continue
            if "Case=Nom" in token.feats:  # the place's own nominative, where the text has it
                normal = word
            added.append(Mention(token.start, token.end, "LOC", word, normal,
                                 "rule:propagate.place_name", token.sent_id))
        if added:
            doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)

    def _serves_the_body_before(self, doc: Doc, token: Token) -> bool:
        """«в составе сборной X»: a place in the genitive right after the head of a body that
        serves it is part of the body's name (see _bodies_of_places), no place of its own."""
        before = _word_before(doc, token)
        return before is not None and before.lemma in self.place_served_bodies \
            and self._in_genitive(token)

    def _no_place_reading(self, token: Token) -> bool:
        """A word the dictionary knows as no place but as a common noun («Победы» of «площадь
        Победы», «Собор») or a surname («Вернадского» of a street): a place elsewhere in
        the text is named after it, the word alone is no place."""
        parses = word_parses(token.text)
        return not any("Geox" in p.tag for p in parses) and (
            self._no_name_reading(token) or any("Surn" in p.tag for p in parses))

    def _seats_of_power(self, doc: Doc) -> None:
        """«Кремль заявил», «пресс-секретарь Белого дома»: a seat of power the text names for
        the body that sits there is that organisation; at the building («в Кремле», «на
        Даунинг-стрит») it stays the place it was read as."""
        for mention in doc.mentions:
            if mention.type != "LOC" or fold(mention.normal) not in self.seat_of_power_names:
                continue
            tokens = doc.tokens_in(mention.start, mention.end)
            before = _word_before(doc, tokens[0]) if tokens else None
            while before is not None and before.pos == "ADJ":  # «в казанском Кремле»
                before = _word_before(doc, before)
            if before is not None and before.lemma in ("в", "на") \
                    and "Case=Loc" in tokens[-1].feats:
                continue
            mention.type = "ORG"

    def _names_a_group(self, doc: Doc, start: int, end: int) -> bool:
        """«Делегация представителей бизнеса», «Пензенская бизнес-делегация»: a visiting group
        taken for a name (dropped before a place is joined to it: «Бизнес-делегация |
        Китая»); the relations stage finds the group (and never re-types a name found here,
        so that a re-run from these mentions finds what a full run finds)."""
        tokens = doc.tokens_in(start, end)
        following = doc.tokens[tokens[-1].token_id + 1] \
            if tokens and tokens[-1].token_id + 1 < len(doc.tokens) else None
        return bool(tokens) and (any(
            t.lemma in self.group_heads or compound_head(t.lemma) in self.group_heads
            for t in (tokens[0], tokens[-1])) or any(  # «Торговая миссия»
            (noun.lemma.lower(), adjective.lemma.lower()) in self.group_head_phrases
            for adjective, noun in pairwise(tokens)) or (
            # «Европейская торговая | миссия»: the adjectives of a group word NER left out
            following is not None and all(t.pos == "ADJ" for t in tokens) and (
                following.lemma in self.group_heads
                or (following.lemma, tokens[-1].lemma.lower()) in self.group_head_phrases)))

    def _group_word_off(self, doc: Doc, candidate: Candidate) -> Candidate:
        """«Бизнес-миссия Республики Армения» read as one name at a sentence's start: the
        group word is no part of the name that follows it (the place or body it comes from)."""
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if len(tokens) < 2 or not (tokens[0].lemma in self.group_heads
                                   or compound_head(tokens[0].lemma) in self.group_heads
                                   or (tokens[0].lemma in self.group_mission_nouns
                                       and tokens[1].text.islower())) \
                or not (tokens[1].text[:1].isupper() or tokens[1].text == QUOTES_OPEN
                        or (tokens[1].pos == "NOUN" and "Case=Gen" in tokens[1].feats)):
            return candidate  # («Миссию мэрии | Тарумы возглавил …»: the body's word too)
        return replace(candidate, start=tokens[1].start)

    def _ends_as_toponym(self, word: str) -> bool:
        """Does the word end as a town's name does (``toponym_endings``), not as a common
        noun sharing the ending (``toponym_non_endings``: «Агентство»)?"""
        return word.endswith(self.toponym_endings) and not word.endswith(self.toponym_non_endings)

    def _with_head_of_a_place_name(self, doc: Doc, candidate: Candidate) -> Candidate:
        """An event whose quoted name is a country's or region's name keeps its event noun
        («выставке «Ольховия»»): the quoted word alone names the place."""
        if candidate.type != "EVENT" or candidate.normal_mode != "quoted":
            return candidate
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if len(tokens) != 3 or tokens[0].text != QUOTES_OPEN or \
                (head := _word_before(doc, tokens[0])) is None:
            return candidate
        place = gazetteer().lookup(tokens[1].text)
        if place is not None and place.kind != "city" and head.lemma.lower() in self.event_nouns:
            candidate.start, candidate.normal_mode = head.start, "phrase"
        return candidate

    # -- candidates -------------------------------------------------------------------------

    def _plain_word_in_capitals(self, word: str) -> bool:
        """«ДОЛГУ», «МОГУ»: a word in capitals the dictionary knows as no abbreviation."""
        return word.isupper() and self.analyzer.lexicon.is_word(word) and not any(
            "Abbr" in parse.tag for parse in word_parses(word.lower()))

    def _from_ner(self, doc: Doc, span: Span) -> list[Candidate]:
        """An NER span as candidate mentions, mended (none if it is not a name)."""
        mention_type = span.type
        if mention_type not in NER_TYPES:
            return []
        start, end = _balance_quotes(doc.text, *_trim(doc.text, span.start, span.end))
        start, end = _name_alone(doc.text, start, end)
        if mention_type != "PER":  # a person's brackets are cut by _person_pieces
            start, end = _brackets_closed(doc.text, start, end,
                                          cut_unclosed=mention_type == "LOC")
        if mention_type == "ORG":
            end = _with_own_exclamation(doc.text, end)
        end = _without_verb_at_the_end(doc, start, end, self.analyzer)
        if mention_type == "PER":
            end = _without_latin_tail(doc.text, start, end)
        if end <= start or fold(doc.text[start:end]) in self.ner_stoplist:
            return []
        if "\n" in doc.text[start:end]:
            # a name never runs across lines: navigation, banners, headline lists; but a
            # headline ending in a person's name runs into the photo's caption below it
            # («Умер Иван Кедров\nИван Кедров»): each line's name the text gives elsewhere
            return [candidate for piece in _person_lines(doc, start, end)
                    for candidate in self._from_ner(doc, Span(*piece, "PER", span.source))] \
                if mention_type == "PER" else []
        if mention_type == "PER" and (pieces := _person_pieces(doc.text, start, end)) != [
                (start, end)]:
            # «Игорь Ладов (Igor Ladov)», «Ладов, Сомов»: NER runs names through brackets and
            # commas into one span; each name is a mention of its own
            return [candidate for piece in pieces
                    for candidate in self._from_ner(doc, Span(*piece, "PER", span.source))]
        tokens = doc.tokens_in(start, end)
        if mention_type != "PER" and len(tokens) >= 2 and tokens[0].pos == "ADP" \
                and tokens[0].text[:1].isupper() \
                and tokens[0].text.lower() in self.place_prepositions:
            # «Во Владивосток прибыли …»: the sentence's capital preposition is no part of it
            # (a person «В Оршу» is a place: mend.place_after_preposition, below)
            return self._from_ner(doc, Span(tokens[1].start, end, mention_type, span.source))
        if mention_type == "LOC" and len(tokens) >= 2 and tokens[0].text[:1].isupper() \
                and tokens[0].lemma.lower() in region_kind_nouns() \
                and tokens[1].text[:1].isupper():
            # «Провинцию Нгеан представляли …»: a foreign region's kind word, capitalised at the
            # sentence's start, is no part of the name (ANNOTATION.md: «провинции Аньхой»)
            return self._from_ner(doc, Span(tokens[1].start, end, mention_type, span.source))
        if mention_type == "LOC" and tokens and (widened := self._place_with_adjective(
                doc, tokens[0], end)) is not None:
            # «Средний Урал» NER read as «Урал» after a quote: the gazetteer's other place
            return self._from_ner(doc, Span(widened, end, mention_type, span.source))
        if mention_type == "LOC" and len(tokens) >= 2 and tokens[-1].text.islower() \
                and tokens[-1].pos == "ADJ" and tokens[-2].text[:1].isupper() \
                and tokens[-1].lemma.lower() not in self.geo_descriptors \
                and parse_feats(tokens[-1].feats).get("Case") \
                not in (None, parse_feats(tokens[-2].feats).get("Case")):
            # «В Куньшане самарская делегация …»: NER runs a place into the adjective of the
            # next phrase
            return self._from_ner(doc, Span(start, tokens[-2].end, mention_type, span.source))
        if mention_type == "LOC" and len(tokens) == 2 and tokens[1].text.islower() \
                and "Number=Plur" in tokens[1].feats \
                and tokens[1].lemma.lower() in self.geo_descriptors \
                and tokens[0].token_id == doc.sentences[tokens[0].sent_id].first_token:
            return []  # «Вьетнамские регионы и …» opening a headline: kinds of places, no name
        after = tokens[-1].token_id + 1 if tokens else len(doc.tokens)  # the word after the span
        if mention_type == "LOC" and len(tokens) == 1 and after < len(doc.tokens) \
                and GENITIVE_ADJECTIVE.search(tokens[0].text.lower()) \
                and doc.tokens[after].text.islower() and doc.tokens[after].pos == "NOUN" \
                and doc.tokens[after].lemma in self.geo_descriptors \
                and doc.tokens[after].text.lower().endswith(("а", "я", "и", "ы")):
            # «министр экономики Посавского | кантона»: NER leaves out the region's head (in
            # the genitive, whatever case the tagger reads)
            return self._from_ner(doc, Span(start, doc.tokens[after].end, mention_type,
                                            span.source))
        if mention_type == "LOC" and len(tokens) >= 3 and tokens[0].text[:1].isupper() \
                and tokens[0].pos in ("PROPN", "NOUN") \
                and not NOMINAL_ADJECTIVE.search(tokens[0].text.lower()) \
                and tokens[1].text[:1].isupper() \
                and GENITIVE_ADJECTIVE.search(tokens[1].text.lower()) \
                and tokens[-1].text.islower() \
                and tokens[-1].lemma.lower() in self.geo_descriptors:
            # «уезда Хэкоу Хунхэ-Хани-Ийского автономного округа»: NER runs a town into the
            # region it lies in, named in the genitive after it; two places
            return [*self._from_ner(doc, Span(start, tokens[0].end, mention_type, span.source)),
                    *self._from_ner(doc, Span(tokens[1].start, end, mention_type, span.source))]
        if mention_type == "LOC" and len(tokens) >= 2 and tokens[0].text[:1].isupper() \
                and not NOMINAL_ADJECTIVE.search(tokens[0].text) \
                and all(t.text.islower() for t in tokens[1:]) \
                and tokens[-1].lemma.lower() in self.geo_descriptors \
                and tokens[-1].token_id + 1 < len(doc.tokens) \
                and doc.tokens[tokens[-1].token_id + 1].text[:1].isupper() \
                and parse_feats(doc.tokens[tokens[-1].token_id + 1].feats).get("Case") != "Gen":
            # «район Уцзян городского округа Сучжоу»: NER runs a name into the kind word of
            # the place named next, in apposition to it; the kind is that place's (not
            # «Баян-Ольги аймака Монголии», whose kind word has a country's genitive)
            return self._from_ner(doc, Span(start, tokens[0].end, mention_type, span.source))
        if mention_type in ("LOC", "ORG") and len(tokens) >= 2 and tokens[0].pos == "NUM" \
                and tokens[0].text.isalpha():
            # «Два района Кедрии …» opening a headline: a count, no name; the name after it
            return self._from_ner(doc, Span(tokens[1].start, end, mention_type, span.source)) \
                if tokens[1].text[:1].isupper() else []
        initials = len(tokens)
        while initials > 1 and (tokens[initials - 1].text == "." or (
                len(tokens[initials - 1].text) == 1 and tokens[initials - 1].text.isupper())):
            initials -= 1
        if mention_type == "ORG" and initials < len(tokens) \
                and any(len(t.text) == 1 for t in tokens[initials:]) \
                and tokens[initials - 1].text.isupper() and len(tokens[initials - 1].text) >= 3:
            # «директор КРСО А. С. Белов»: NER runs the body's abbreviation into the person's
            # initials (not «ИП Кедрова А.В.», a sole trader: mend.sole_trader)
            return self._from_ner(doc, Span(start, tokens[initials - 1].end, mention_type,
                                            span.source))
        if mention_type == "PER" and len(tokens) >= 3 and tokens[0].text.isupper() \
                and len(tokens[0].text) >= 3 and tokens[0].text.isalpha() \
                and len(tokens[1].text) == 1 and tokens[1].text.isupper():
            # «КРСО А. С. Белов»: a body's abbreviation before a person's initials
            body = Candidate(start, tokens[0].end, "ORG", "rule:mend.abbreviation_before_initials",
                             0)
            return [body, *self._from_ner(doc, Span(tokens[1].start, end, "PER", span.source))]
        if mention_type == "ORG" and len(tokens) == 1 and tokens[0].token_id > 0 \
                and self._post_title(doc.tokens[tokens[0].token_id - 1]) \
                and (surname := RUSSIAN_SURNAME.fullmatch(tokens[0].text)) is not None \
                and surname.group(2) is None:
            mention_type = "PER"  # «генеральный директор Ольхов»: a surname after a post
        if mention_type == "PER" and len(tokens) == 1 \
                and _federal_agency_word(tokens[0].text, self.agency_prefixes):
            mention_type = "ORG"  # «Росэталона»: «Рос» and a common noun name an agency
        if mention_type == "PER" and len(tokens) >= 3 and _chinese_genitive(tokens[0].text) \
                and all(spelt_in_syllables(t.text.replace("ъ", "")) for t in tokens[1:]):
            # «библиотеки Фуюаня Ли Цзинъюй»: a Chinese town's genitive before a Chinese
            # person's name is the town, not a part of the name
            town = Candidate(start, tokens[0].end, "LOC", "rule:mend.town_before_chinese_name", 0)
            return [town, *self._from_ner(doc, Span(tokens[1].start, end, "PER", span.source))]
        if mention_type == "PER" and len(tokens) >= 3 and tokens[-1].pos == "NOUN" \
                and tokens[-1].lemma.lower() in self.geo_descriptors:
            # «Сеймика Лодзинского воеводства»: a region's body, no person (a name never ends
            # with a region's head word)
            mention_type = "ORG"
        if (tokens and tokens[0].lemma.lower() in self.media_platforms) or (
                len(tokens) == 1 and tokens[0].lemma.lower() in self.messenger_names):
            return []  # «Дзен Новостях», «Telegram-канал», «в MAX»: "read us on" promos
        if len(tokens) == 1 and self._common_word(doc, tokens[0]):
            return []
        if mention_type in ("ORG", "LOC") and len(tokens) >= 2 \
                and tokens[0].lemma.lower() in self.exhibit_nouns:
            # «Экспозиции (регионов) Ольховской области назвали лучшими»: a stand opening the
            # sentence, and the lower-case words after it, are no part of its owner's name
            name = next((t for t in tokens[1:] if t.text[:1].isupper()), None)
            return [] if name is None else self._from_ner(
                doc, Span(name.start, end, mention_type, span.source))
        if mention_type == "ORG" and len(tokens) == 1 and tokens[0].pos == "ADJ" \
                and NOMINAL_ADJECTIVE.search(tokens[0].text) and tokens[0].text[1:].islower():
            return []  # «с Чрезвычайным и Полномочным Послом»: an adjective alone names nothing
        head = next((t for t in tokens if t.pos in ("NOUN", "PROPN")), None)
        if mention_type == "ORG" and head is not None and head.lemma in self.building_nouns:
            return []  # «в Ольховской ратуше»: a building, not an organisation
        if mention_type == "ORG" and head is not None and head.lemma in self.building_places:
            return [Candidate(start, end, "LOC", "rule:mend.building_place", 0)]
        if mention_type in ("ORG", "LOC") and self._names_a_thing(doc, tokens):
            return []  # «коридору «Север — Юг»», «стелу «Кедр»»: not a company, not a place
        if mention_type == "ORG" and len(tokens) == 1 and after < len(doc.tokens) \
                and doc.tokens[after].text == QUOTES_OPEN \
                and any(tokens[0].lemma.endswith(head) for head in self.org_heads):
            return []  # «Маслозавод «Кедровая нива»» at a sentence's start: the head of a name
        if mention_type == "ORG" and len(tokens) >= 3 and tokens[0].pos == "ADJ" \
                and NOMINAL_ADJECTIVE.search(tokens[0].text.lower()) \
                and tokens[1].text == QUOTES_OPEN and tokens[-1].text == QUOTES_CLOSE:
            # «Уральский «Кедр-Инжиниринг»»: the place's adjective is no part of the name
            return self._from_ner(doc, Span(tokens[1].start, end, mention_type, span.source))
        if mention_type in ("ORG", "LOC") and GENERIC_IT_WORD.fullmatch(doc.text[start:end]):
            return []  # «ИТ-компаний», «IT-сообществом»: a kind of organisation, not a name
        if mention_type == "LOC" and len(tokens) >= 2 \
                and GENERIC_IT_WORD.fullmatch(tokens[-1].text):
            # «Ставропольский ИТ-кластер»: a body named by its place and kind, no place
            return [Candidate(start, end, "ORG", "rule:mend.body_of_place_and_kind", 0)]
        if mention_type == "LOC" and len(tokens) == 1 and tokens[0].pos == "ADJ" \
                and self._adjective_of_quoted_body(doc, tokens[0]):
            return []  # «Ставропольский кластер «Кедр»»: the body's adjective, no place
        if mention_type == "LOC" and len(tokens) == 1 \
                and {tokens[0].text.lower(), tokens[0].lemma.lower()} & self.demonyms:
            return []  # «Смоляне ознакомились …»: the people of a place, not the place
        if mention_type == "LOC" and len(tokens) == 1 \
                and tokens[0].lemma.lower() in self.leading_descriptors:
            return []  # «Провинция | Цзянсу»: a descriptor the tagger split off names nothing
        if mention_type == "PER" and len(tokens) == 1 \
                and tokens[0].lemma.lower() in self.post_titles:
            return []  # «Зам. министра X»: a post's abbreviation taken for a name
        if any(t.text.isdigit() for t in tokens) and all(
                t.text.isdigit() or t.pos in ("ADP", "NUM", "CCONJ", "PUNCT") for t in tokens):
            return []  # «С 15 по 18 число …»: a date's words, no name
        if mention_type == "PER" and self._company_before_chinese_name(doc, tokens):
            # «председатель корпорации Хуасинь Ли Гофэн»: the company's name, then him
            return [Candidate(tokens[0].start, tokens[0].end, "ORG",
                              "rule:mend.company_before_person", 0),
                    Candidate(tokens[1].start, end, "PER", "ner", 0)]
        if mention_type == "PER" and (self._town_before_person(doc, tokens)
                                      or self._chinese_place_before_name(doc, tokens)):
            # «глава города Подгорац Ранко Перович»: the town the descriptor names, then him
            return [Candidate(tokens[0].start, tokens[0].end, "LOC", "rule:mend.town_of_person",
                              0),
                    Candidate(tokens[1].start, end, "PER", "ner", 0)]
        if mention_type == "LOC" and tokens and self._post_title(tokens[0], readings=True):
            if len(tokens) == 1:
                return []  # «Марзпет»: a post, not a place
            start = tokens[1].start  # «Раис Татарстана»: the post is not part of the place
        sole_trader = SOLE_TRADER.fullmatch(doc.text, start, end)
        if mention_type == "ORG" and sole_trader:
            # «ИП Кедрова А. В.»: a sole trader is the person who trades (with the initial's
            # stop, which NER leaves out)
            initial_stop = doc.text[end - 2:end + 1]
            end += initial_stop[0] == "." and initial_stop[1].isupper() \
                and initial_stop[2:] == "."
            return [Candidate(sole_trader.start(1), end, "PER", "rule:mend.sole_trader", 0,
                              "as_is")]  # a listing writes the trader in the nominative
        if mention_type == "ORG" and (self._names_an_event(tokens)
                                      or self._latin_name_of_event(doc, tokens)):
            return [Candidate(start, end, "EVENT", "rule:mend.event_named_as_org", 0)]
        summit = _word_before(doc, tokens[0]) if tokens else None
        if mention_type == "ORG" and summit is not None and summit.lemma in self.summit_nouns \
                and (doc.text[start:end].isupper() or any(
                    t.lemma in self.international_body_heads for t in tokens)):
            # «саммит Ольховской организации сотрудничества»: the summit is named by its body,
            # as «саммит ОДКБ» (event.summit_of_body)
            return [Candidate(summit.start, end, "EVENT", "rule:mend.summit_of_body", 0)]
        if mention_type == "ORG" and self._place_in_capitals(doc, tokens):
            return [Candidate(start, end, "LOC", "rule:mend.place_in_capitals", 0)]
        if mention_type == "ORG" and len(tokens) == 1 and _a_region(tokens[0]) \
                and self._region_not_name(tokens[0]) \
                and doc.text[start - 1:start] not in (QUOTES_OPEN, '"'):
            # «сотрудничества с Татарстаном», «главы Зауралья»: a region or country by its
            # one-word name is a place (in quotes it may be a company's or a club's name)
            return [Candidate(start, end, "LOC", "rule:mend.region_read_as_org", 0)]
        if mention_type in ("LOC", "ORG") and len(tokens) == 1 \
                and (person := self._person_span_after(doc, tokens[0])) is not None:
            if tokens[0].text.lower() in self.honorifics:
                return []  # «главы округа Хаджи Зулкифли Рамадхан»: a style, no place
            if tokens[0].text[1:].islower() and self._dictionary_first_name(tokens[0]) \
                    and gazetteer().lookup(tokens[0].text) is None \
                    and doc.text.count(tokens[0].text) == 1:
                # «секретарём ФАПК Родриго Ибаррой Соланесом»: the person's first name (not
                # a place the text names elsewhere, «муниципалитета Отару Ямада Ольхо», nor
                # a body's letters, «директор АРР Ольга Вишнякова»)
                return [Candidate(start, person.end, "PER", "rule:mend.first_name_apart", 0)]
        if mention_type == "ORG" and len(tokens) >= 2 \
                and (tokens[-1].lemma.lower() in self.foreign_region_words or any(
                    p.normal_form in self.foreign_region_words and p.tag.POS == "NOUN"
                    for p in word_parses(tokens[-1].text.lower()))) \
                and all(t.text[:1].isupper() and REGION_ADJECTIVE.search(t.text.lower())
                        for t in tokens[:-1]):  # (an adjective, however tagged)
            # «Меджимурской жупании», «Сплитско-Далматинской жупании»: a region by its
            # adjective and a foreign region's word is a place
            return [Candidate(start, end, "LOC", "rule:mend.region_read_as_org", 0)]
        if mention_type == "ORG" and doc.text[start:end].lower() in self.country_abbreviations:
            # «главой РД», «Минпромторг ДНР»: a country's or region's abbreviation is a place
            return [Candidate(start, end, "LOC", "rule:mend.place_abbreviation", 0)]
        if mention_type == "LOC" and " ".join(t.lemma.lower() for t in tokens) \
                in self.union_names:
            # «Евросоюз», «Союзное государство»: a union of states is an organisation
            return [Candidate(start, end, "ORG", "rule:mend.union_as_org", 0)]
        if mention_type == "PER" and len(tokens) >= 2 \
                and self._post_title(tokens[0], readings=True) \
                and (self._only_a_place(tokens[1])
                     or tokens[1].text.lower() in self.country_abbreviations):
            # «Раис Татарстана (Иван Петров)», «Раиса РТ»: a post and a place (or a region's
            # abbreviation) read into a person's name
            place = [Candidate(tokens[1].start, tokens[1].end, "LOC",
                               "rule:mend.place_after_post", 0)]
            return place + ([Candidate(tokens[2].start, end, "PER", "ner", 0)]
                            if len(tokens) > 2 else [])
        if mention_type == "PER":
            tokens = self._name_from(doc, tokens)
            start = max(start, tokens[0].start) if tokens else start
        if mention_type == "PER" and len(tokens) == 1 \
                and (surname := self._surname_left_out(doc, tokens[0])) is not None:
            # «мэр города Габор Тот»: a first name whose surname the dictionary reads as a word
            return [Candidate(start, surname.end, "PER", "rule:mend.surname_left_out", 0)]
        if mention_type == "PER" and len(tokens) == 1 \
                and (head := self._region_head_after(doc, tokens[0])) is not None:
            # «Хоким Самаркандского вилоята …»: past the title, a region's adjective and head
            return [Candidate(start, head.end, "LOC", "rule:mend.region_after_post", 0)]
        if mention_type == "PER" and self._after_settlement_abbreviation(doc, start):
            # «в п. Рассказово», «с. Горелое»: a village's name read as a person's
            return [Candidate(start, end, "LOC", "rule:mend.place_after_abbreviation", 0)]
        if mention_type in ("PER", "ORG") and len(tokens) == 1 \
                and not tokens[0].text.isupper() \
                and self._name_after_place_word(doc, tokens[0]):
            # «города-побратима Сюйчжоу», «провинции Кедрань», «аймака Сэлэнгэ Монголии»: a
            # name after a place's word
            return [Candidate(start, end, "LOC", "rule:mend.place_after_descriptor", 0)]
        if mention_type == "PER" and len(tokens) == 2 and self._town_of_two_words(doc, tokens):
            # «из сербского города Сремски Карловцы»: two words after «город», neither a name
            return [Candidate(start, end, "LOC", "rule:mend.place_after_descriptor", 0)]
        if mention_type == "PER" and len(tokens) == 1 and _listed_with_places(doc, tokens[0]):
            # «Акиты, Ниигаты и Даляня»: a place of the gazetteer NER read as a person among
            # the places it is listed with
            return [Candidate(start, end, "LOC", "rule:mend.place_listed_with_places", 0)]
        if mention_type == "PER" and len(tokens) == 1 and self._region_not_name(tokens[0]):
            following = doc.tokens[tokens[0].token_id + 1] \
                if tokens[0].token_id + 1 < len(doc.tokens) else None
            if following is not None and tokens[0].head_id == following.token_id \
                    and tokens[0].rel == "amod" and following.text.islower():
                return []  # «Сычуаньскую группу привёл …»: a place's adjective, no mention
            # «Орловщину», «Кузбасс»: a region's informal name read as a person's
            return [Candidate(start, end, "LOC", "rule:mend.region_read_as_person", 0)]
        if mention_type == "PER" and self._place_opens_person(doc, tokens):
            # «комитета Ханоя Нгуен Ван Ана»: a city before a person's name is not part of it
            return [Candidate(tokens[0].start, tokens[0].end, "LOC",
                              "rule:mend.place_before_person", 0),
                    Candidate(tokens[1].start, end, "PER", "ner", 0)]
        if mention_type == "LOC" and (split := _place_then_person(doc, tokens)) is not None:
            # «вице-губернатор провинции Восточная Ява Дьюи Лестари»: NER ran the place the
            # text names alone elsewhere into the person after it
            return [Candidate(start, tokens[split - 1].end, "LOC", "rule:mend.place_then_person",
                              0),
                    *self._from_ner(doc, Span(tokens[split].start, end, "PER", span.source))]
        if mention_type == "LOC" and len(tokens) >= 2 and tokens[0].pos == "NOUN" \
                and "Number=Plur" in tokens[0].feats \
                and self.analyzer.lexicon.is_word(tokens[0].text) \
                and gazetteer().lookup(doc.text[tokens[1].start:end]) is not None:
            # «Технопарки Югры и Ямала» (a headline's first word): a plural common noun is no
            # part of the place after it
            return [Candidate(tokens[1].start, end, "LOC", "rule:mend.common_noun_before_place",
                              0)]
        if mention_type == "LOC" and len(tokens) == 1 and \
                COMPANY_COMPOUND.fullmatch(tokens[0].text):
            # «СибБурМаш», «Ольхонефтемаш»: a word made of a company's parts names no place
            return [Candidate(start, end, "ORG", "rule:mend.company_compound", 0)]
        described = mention_type == "LOC" and bool(tokens) and tokens[0].token_id > 0 \
            and doc.tokens[tokens[0].token_id - 1].lemma in self.geo_descriptors
        if mention_type == "LOC" and (person := self._person_after_place(tokens, described)):
            # «Республики Узбекистан Шерзод Юлдашев» read as one place: the place ends a title's
            # body, the known first name opens the person's
            return [Candidate(start, tokens[-person - 1].end, "LOC", "ner", 0),
                    Candidate(tokens[-person].start, end, "PER", "rule:mend.person_after_place",
                              0)]
        if mention_type == "LOC" and self._place_then_holder(doc, tokens):
            # «кантоном Тичино Швейцарии», «провинции Ляонин Китая»: two places, not one
            return [Candidate(start, tokens[-2].end, "LOC", "ner", 0),
                    Candidate(tokens[-1].start, end, "LOC", "rule:mend.holder_after_place", 0)]
        if mention_type == "LOC" and self._places_side_by_side(doc, tokens):
            # «Томск Новосибирск», «столицу Дагестана Махачкала»: places listed with no comma, run
            # into one span by the tagger, are a place each
            return [Candidate(tokens[0].start, tokens[0].end, "LOC", "ner", 0)] + [
                Candidate(t.start, t.end, "LOC", "rule:mend.places_side_by_side", 0)
                for t in tokens[1:]]
        if mention_type == "LOC" and self._town_before_a_place(doc, tokens):
            # «в Ташкенте Республика Татарстан развернула …»: a town in one case and a place
            # of several words in another, run into one span
            return [Candidate(tokens[0].start, tokens[0].end, "LOC", "ner", 0),
                    Candidate(tokens[1].start, end, "LOC", "rule:mend.places_side_by_side", 0)]
        if mention_type == "LOC" and len(tokens) == 1 and self._modifier_of_a_noun(doc, tokens[0]):
            return []  # «Наньчанскую зону высоких технологий»: the adjective of another noun
        if mention_type == "LOC" and (size := self._state_after_place(doc, tokens)):
            # «провинции Кханьхоа Социалистической Республики Вьетнам»: a place and its country
            return [Candidate(start, tokens[-size - 1].end, "LOC", "ner", 0),
                    Candidate(tokens[-size].start, end, "LOC", "rule:mend.holder_after_place", 0)]
        if mention_type == "LOC" and self._park_phrase(tokens):
            # «Промышленно-логистический парк», «Ольховский технопарк»: a park read as a place
            return [Candidate(start, end, "PARK", "rule:mend.park_named_as_place", 0)]
        if mention_type == "LOC" and self._person_a_site_is_named_after(doc, tokens):
            # «на улице Ольховского», «в аэропорту Джона Кедрова»: the person the street or
            # the site is named after is no place; nor a mention of the person (NEREL marks
            # one, factRuEval does not: left out until the guide says)
            return []
        if mention_type == "PER" and self._body_glossed_in_brackets(doc, tokens):
            # «председатель Жокаргы Кенеса (Верховного совета)»: a body's foreign name after a
            # post's title, glossed in brackets by what body it is
            return [Candidate(start, end, "ORG", "rule:mend.body_glossed_in_brackets", 0)]
        if mention_type == "PER" and any(self._address_style(t) for t in tokens):
            # «Его Превосходительством господином X»: a style of address, no name; the name
            # after it is NER's span of its own
            styled = max(k for k, t in enumerate(tokens) if self._address_style(t))
            name = [t for t in tokens[styled + 1:] if t.text[:1].isupper()]
            first = min(k for k, t in enumerate(tokens) if self._address_style(t))
            before = _word_before(doc, tokens[0])
            # «главный министр Кедаха Датук Сери X»: the post's place, then the style
            place = [Candidate(start, tokens[first - 1].end, "LOC", "rule:mend.place_before_style",
                               0)] if first == 1 and before is not None \
                and self._post_title(before) and tokens[0].text[:1].isupper() \
                and tokens[0].text.isalpha() else []
            return place if not name else place + self._from_ner(
                doc, Span(name[0].start, end, mention_type, span.source))
        if mention_type == "ORG" and len(tokens) == 1 \
                and tokens[0].text.lower() in self.plant_kind_abbreviations \
                and not re.search(NAMED_PLANT.format(re.escape(tokens[0].text)), doc.text):
            return []  # «побывала на ТЭЦ и ГЭС»: a kind of plant, none the text names
        if mention_type == "LOC" and self._street_named_after(doc, tokens):
            return []  # «в кампусе на улице Токтогула»: a street's name, not the town
        if mention_type == "PER" and len(tokens) > 1 and tokens[0].pos == "ADP" \
                and tokens[0].text.lower() in self.place_prepositions:
            # «В Оршу вновь приехали …»: a sentence's first preposition NER took into a
            # person's name; the place after it (no one is «в» or «из» a person)
            return [Candidate(tokens[1].start, end, "LOC", "rule:mend.place_after_preposition",
                              0)]
        if mention_type == "LOC" and HYPHENED_NAME.fullmatch(doc.text[start:end]) \
                and gazetteer().lookup(doc.text[start:end]) is None \
                and self._company_named_as_person(doc, tokens):
            # «филиала компании Камснаб-Логистик»: the same, read as a place
            return [Candidate(start, end, "ORG", "rule:mend.company_named_as_place", 0)]
        if mention_type == "PER" and self._company_named_as_person(doc, tokens):
            # «японская компания Мицухара Когё»: a company's name after its head, in its case
            return [Candidate(start, end, "ORG", "rule:mend.company_named_as_person", 0)]
        if mention_type == "PER":
            return self._person_candidates(doc, tokens, start, end)
        if mention_type == "LOC" and self._country_descriptor_only(tokens):
            return []  # «Китайскую провинцию Хэйлунцзян»: the name after it is the place
        if mention_type != "ORG":
            return [Candidate(start, end, mention_type, "ner", 0)]
        words = [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
        if len(words) >= 2 and words[-1].lemma in self.place_descriptors and not any(
                t.lemma in self.org_or_assembly_words for t in words) \
                and "Number=Plur" not in words[-1].feats:
            # «Дархан-Уул аймака»: a name ending in a place's descriptor names the place
            # («Партия регионов» is a party's, «Сообщество коммун» a body of many places)
            return [Candidate(start, end, "LOC", "rule:mend.place_named_as_org", 0)]
        if len(words) >= 2 and words[-1].lemma in self.place_descriptors \
                and "Number=Plur" in words[-1].feats and words[-1].token_id + 1 < len(doc.tokens) \
                and (name := doc.tokens[words[-1].token_id + 1]).pos == "PROPN" \
                and name.rel == "appos" \
                and words[0].token_id <= name.head_id <= words[-1].token_id \
                and parse_feats(name.feats).get("Case") == "Nom" \
                and not self._in_person(doc, name):
            # «Сообщества коммун Лаутерталь»: a body of places, its own name after it (not
            # «Депутат Партии регионов Святаш»: a person's name)
            end = name.end
        start, end = self._org_name(doc, start, end)
        if doc.text[start:end].lower() in self.org_legal_forms:
            return []  # «ОсОО» alone: a legal form names no one company
        tokens = doc.tokens_in(start, end)
        words = [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
        if words and words[0].text.lower().split("-")[0] in self.park_compound_nouns and \
                not any(t.lemma in self.org_head_words for t in words[1:]):
            # «АУ «Технопарк-Ольхово»»: a name that opens with a park's type word is the park
            return [Candidate(start, end, "PARK", "rule:mend.park_named_as_org", 0)]
        if self._park_phrase(tokens) \
                or latin_park_name(doc.text[start:end], self.latin_park_heads) is not None:
            # «Научно-технологический парк Ольховского университета», «Минский технопарк»,
            # «Xinlong Industrial Park»
            return [Candidate(start, end, "PARK", "rule:mend.park_named_as_org", 0)]
        if tokens and tokens[0].lemma in self.post_titles:
            return []  # «Мэра наукограда»: a post, not an organisation
        nouns = [t for t in tokens if t.pos in ("NOUN", "PROPN")]
        if nouns and all(self._post_title(t) for t in nouns):
            return []  # «Почётного консула»: a post after its adjectives is no organisation
        name_end = _without_trailing_name(tokens, end, self.place_or_town_words)
        if name_end == end and _chinese_person_tail(tokens):
            # «Университета Хуаюань Лян Вэйдуном»: a Chinese person's name after the body's
            name_end = tokens[-3].end
        if name_end < end and self._country_bracketed_after(doc, tokens[-1]):
            name_end = end  # «Ассоциации машиностроителей Коньи (Турция)»: a town, the name's
        holder_start = name_end
        while len(named := doc.tokens_in(start, name_end)) >= 2 and named[-1].text.islower() \
                and named[-1].lemma in self.academic_titles:
            name_end = named[-2].end  # «Университета Ольхадере профессора»: the holder's title
        initials = TRAILING_INITIALS.search(doc.text, start, name_end)
        if initials is not None and initials.start() > start:
            # «филиала МТПП А. Новикова»: the person after it is not part of the name
            name_end = holder_start = start + len(doc.text[start:initials.start()].rstrip())
        person = doc.tokens_in(holder_start, end) if holder_start < end else []
        if len(person) >= 3 and self._place_name_before_person(doc, person):
            # «Ассоциации предпринимателей Дорнода Оюунчимэг Лхагва»: the place ends the name
            name_end, person = person[0].end, person[1:]
        found = [Candidate(start, _without_next_subject(tokens, name_end), "ORG", "ner", 0)]
        if person:
            found.append(Candidate(person[0].start, end, "PER", "rule:mend.person_after_org", 0))
        return found

    def _park_with_its_owner(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«Научном парке | ТГУ», «Научный парк | Томского госуниверситета»: a park named by
        its kind alone, with no name of its own, and the organisation right after it in the
        genitive (or in capitals) are one park's name (ANNOTATION: flat)."""
        found: list[Candidate] = []
        for candidate in chosen:
            previous = found[-1] if found else None
            tokens = doc.tokens_in(candidate.start, candidate.end)
            if previous is not None and previous.type == "PARK" and candidate.type == "ORG" \
                    and tokens and not doc.text[previous.end:candidate.start].strip() \
                    and (tokens[0].text.isupper() or "Case=Gen" in tokens[0].feats) \
                    and self._kind_alone(doc.tokens_in(previous.start, previous.end)):
                previous.end, previous.source = candidate.end, "rule:park.owner_after_kind"
                continue
            found.append(candidate)
        return found

    def _kind_alone(self, tokens: list[Token]) -> bool:
        """Is a park's span its kind's words alone: adjectives and a park noun
        («Научный парк»), no quoted or proper name?"""
        return bool(tokens) and tokens[-1].lemma in self.park_nouns \
            and all(t.pos == "ADJ" for t in tokens[:-1]) \
            and not any(t.text in (QUOTES_OPEN, QUOTES_CLOSE) for t in tokens)

    def _person_after_acronym(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«управляющей компании ОЭЗ Марина Стрельцова» read as one organisation: a first name
        the dictionary knows and a capitalised word after an organisation's letters are a
        person named after them."""
        found: list[Candidate] = []
        for candidate in chosen:
            tokens = doc.tokens_in(candidate.start, candidate.end)
            if candidate.type == "ORG" and candidate.source == "ner" and len(tokens) == 3 \
                    and ACRONYM.fullmatch(tokens[0].text) \
                    and self._dictionary_first_name(tokens[1]) \
                    and tokens[2].text[:1].isupper() and tokens[2].text[1:].islower():
                found.extend(_split_at(candidate, doc, 1))
                continue
            found.append(candidate)
        return found

    def _company_named_as_person(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a person's span right after a company's head word (``company_apposition_heads``)
        in that word's case: the company's own name, not its owner's? Not a first name the
        dictionary knows («компании Дмитрия Кедрова»), nor after a post's title («директора
        компании Мехмета Йылмаза»: the director)."""
        before = _word_before(doc, tokens[0])
        case = parse_feats(tokens[0].feats).get("Case")
        # («компанией Техносплав-Волга»: a name of capitalised parts joined by a hyphen is
        # written as it is, in no case of its own)
        if before is None or before.lemma.lower() not in self.company_apposition_heads \
                or (not HYPHENED_NAME.fullmatch(doc.text[tokens[0].start:tokens[-1].end])
                    and (case is None or case != parse_feats(before.feats).get("Case"))) \
                or self._dictionary_first_name(tokens[0]):
            return False
        t = before.token_id - 1
        while t >= 0 and doc.tokens[t].pos == "ADJ":
            t -= 1
        return t < 0 or doc.tokens[t].lemma.lower() not in self.post_titles

    def _person_candidates(self, doc: Doc, tokens: list[Token], start: int, end: int,
                           widened: bool = False) -> list[Candidate]:
        """A person's NER span (its name alone: ``_name_from``; ``widened``: once taken back
        over a function word that opens a name, not again), cut in two where a second
        person's name begins (``_second_person_at``); the first part one town's name after a
        settlement's word is that town («мэр города Владимира Ольга Рыжова»)."""
        if self._unknown_place_before_name(doc, tokens) or self._place_named_elsewhere(doc, tokens):
            # «председатель ТПП Алаплы Рамазан Коч»: the chamber's town, then the name
            return [Candidate(start, tokens[0].end, "LOC", "rule:mend.place_before_name", 0),
                    *self._person_candidates(doc, tokens[1:], tokens[1].start, end, widened)]
        word = _word_before(doc, tokens[0])
        if len(tokens) >= 3 and word is not None and word.text == "и" and word.token_id >= 1 \
                and (gazetteer().lookup(doc.text[doc.tokens[word.token_id - 1].start:
                                                 tokens[0].end])) is not None:
            # «правительства Кастилии и Леона Хуана Эскудеро»: a place's name of two joined
            # words the gazetteer knows ends where the person's begins
            return self._person_candidates(doc, tokens[1:], tokens[1].start, end, widened)
        if len(tokens) >= 3 and word is not None and word.pos == "NOUN" and word.text.islower() \
                and "Number=Plur" in word.feats and "Case=Gen" in word.feats \
                and gazetteer().lookup(tokens[0].text) is not None:
            # «Ассоциации промышленников Бурсы Мехмет Йылдыз»: the place a body's members
            # are of, one the gazetteer knows, before the holder's name (one the text writes
            # elsewhere after «в»: _place_named_elsewhere)
            return [Candidate(start, tokens[0].end, "LOC", "rule:mend.place_of_members", 0),
                    *self._person_candidates(doc, tokens[1:], tokens[1].start, end, widened)]
        if not widened and word is not None and word.text[:1].isupper() \
                and 2 <= len(word.text) <= 3 \
                and word.sent_id == tokens[0].sent_id \
                and word.token_id > doc.sentences[word.sent_id].first_token \
                and any(p.tag.POS in ("PREP", "CONJ", "PRCL")
                        for p in self.analyzer.parse(word.text.lower())[:1]):
            # «во главе с До Ван Кхаем»: a surname spelt as a function word, capitalised
            # inside the sentence, is the name's first word (not an initial: «С.Дарькин»)
            return self._person_candidates(doc, [word, *tokens], word.start, end, widened=True)
        second = self._second_person_at(tokens)
        if second is None:
            return [Candidate(start, end, "PER", "ner", 0)]
        if second == 1 and word is not None and word.lemma.lower() in self.settlement_words \
                and (town := gazetteer().lookup(tokens[0].text)) is not None and is_town(town):
            return [Candidate(start, tokens[0].end, "LOC", "rule:mend.town_before_person", 0),
                    Candidate(tokens[1].start, end, "PER", "ner", 0)]
        if second == 1 and self._region_after_post(doc, tokens[0]):
            return [Candidate(start, tokens[0].end, "LOC", "rule:mend.place_after_post", 0),
                    Candidate(tokens[1].start, end, "PER", "ner", 0)]
        return [Candidate(start, tokens[second - 1].end, "PER", "ner", 0),
                Candidate(tokens[second].start, end, "PER", "rule:mend.second_person", 0)]

    @staticmethod
    def _person_span_after(doc: Doc, token: Token) -> Span | None:
        """NER's person span that opens one space after the word, if any."""
        return next((span for span in doc.ner_spans if span.type == "PER"
                     and span.start == token.end + 1 and doc.text[token.end] == " "), None)

    def _address_style(self, token: Token) -> bool:
        """A style of address (``address_styles``), by its lemma or as written («Сери»)."""
        return token.lemma.lower() in self.address_styles \
            or token.text.lower() in self.address_styles

    def _unknown_place_before_name(self, doc: Doc, tokens: list[Token]) -> bool:
        """«председатель ТПП Алаплы Рамазан Коч», «палаты Деврека Хайдар Эминоглу», «алькальд
        Боланьоса Андрес Мартин Ревуэльта»: after a body's abbreviation, a town's body
        (``town_named_bodies``) in the genitive or a post a place holds (``town_head_posts``,
        ``regional_head_posts``; then a name of three words may follow), a word
        no reading makes a name in the nominative, then a word read as a first name (a guess
        will do) and a surname not Russian-made — a town in the genitive, not the person's
        first word («ректор университета Тогрул Али Мамедов» has two first names)."""
        before = _word_before(doc, tokens[0])
        after_head = before is not None and before.text.islower() \
            and before.lemma in self.place_head_posts
        if len(tokens) not in ((3, 4) if after_head else (3,)) or before is None or not all(
                t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in tokens) \
                or RUSSIAN_SURNAME.fullmatch(tokens[-1].text) \
                or all(ASIAN_NAME_SYLLABLE.fullmatch(t.text) for t in tokens):
            return False  # (not «палаты Нгуен Тхи Лан»: one name of East Asian syllables)
        after_body = after_head or (before.text.isupper() and len(before.text) >= 2) or (
            before.text.islower() and before.lemma in self.town_named_bodies
            and parse_feats(before.feats).get("Case") == "Gen")
        # (not a surname the dictionary knows: a name written surname first; the second word
        # a first name the dictionary knows, or the first a genitive's reading: «ФАПК Родриго
        # Ибаррой Соланесом» is one person's name)
        # (nor a word the dictionary knows in the nominative alone, «палаты Шахид Навид …»:
        # no town's genitive)
        return after_body and not _known_name(tokens[0].text, self.analyzer.lexicon.is_word) \
            and not any(FIRST_NAME_GRAMMEMES & p.tag.grammemes and "nomn" in p.tag
                        for p in word_parses(tokens[0].text.lower())) \
            and not (self.analyzer.lexicon.is_word(tokens[0].text.lower())
                     and "gent" not in _case_readings(tokens[0].text)) \
            and any("Name" in p.tag and "nomn" in p.tag
                    for p in word_parses(tokens[1].text.lower())) \
            and (self._dictionary_first_name(tokens[1])
                 or "gent" in _case_readings(tokens[0].text))

    def _place_named_elsewhere(self, doc: Doc, tokens: list[Token]) -> bool:
        """«министром экономики Гуанахуато Маурисио Арельяно» beside «делегация штата
        Гуанахуато»: a person's span of three words or more opening with a word the text
        writes elsewhere, as it is, after a place's word or «в»/«из» — that place, not a first
        name (not one the dictionary knows as a first name)."""
        first = tokens[0]
        if len(tokens) < 3 or not first.text[:1].isupper() or not first.text.isalpha() \
                or self._dictionary_first_name(first):
            return False
        # (not where the same name follows it there too: «мэр города Эдсон Карвалью Лима»)
        return any(t.text == first.text and t.token_id > 0 and t.token_id not in
                   range(first.token_id, tokens[-1].token_id + 1)
                   and (doc.tokens[t.token_id - 1].lemma.lower() in self.place_descriptors
                        or doc.tokens[t.token_id - 1].lemma in ("в", "во", "из"))
                   and not (t.token_id + 1 < len(doc.tokens)
                            and doc.tokens[t.token_id + 1].text == tokens[1].text)
                   for t in doc.tokens)

    def _name_from(self, doc: Doc, tokens: list[Token]) -> list[Token]:
        """A person's NER tokens from where the name begins: past the words before it that
        are none of it (``_before_the_name``)."""
        while len(tokens) > 1 and self._before_the_name(doc, tokens[0], tokens[1]):
            tokens = tokens[1:]
        return tokens

    def _before_the_name(self, doc: Doc, token: Token, following: Token) -> bool:
        """A word before a person's name that no reading makes a name, and that describes the
        person — kin, a title of nobility or the church, an honorific («Сэр», «Принцу»,
        «Племянник»), an adjective or participle («Семидесятилетний», «Баварскому», «Сама»)
        — or opens the sentence and governs the name's case («Лозунг Кедрова», «Отстранить
        Ивана Кедрова»; a surname that spells like a word, «Мори Аяка», agrees with it)."""
        if self._title_read_as_first_name(doc, token, following) \
                or token.text.lower() in self.honorifics or self._prefixed_title(token):
            return True  # («Г-н Ли»: an honorific the dictionary has no reading of)
        if len(token.text) < 2 or not self._no_name_reading(token, by_head=True):
            return False  # «Массимо», «С.»: a name the dictionary only guesses at, an initial
        lemma = token.lemma.lower()
        if lemma in self.person_descriptor_nouns \
                or compound_head(lemma) in self.person_descriptor_nouns \
                or (lemma in self.post_titles and lemma not in self.titles_as_first_names):
            return True  # «Император Акихито»: a post, not the name
        parses = self.analyzer.parse(token.text)
        if parses and all(p.tag.POS in DESCRIBING_PARTS_OF_SPEECH for p in parses):
            return True
        return _opens_sentence(doc, token) and following.text[:1].isupper() \
            and parse_feats(token.feats).get("Case") != parse_feats(following.feats).get("Case")

    def _prefixed_title(self, token: Token) -> bool:
        """«Вице-аким», «Экс-мэр»: a post's title behind a title prefix, never a first name
        (though the bare title may be one: «Аким»)."""
        word = token.text.lower()
        return any(word.startswith(prefix)
                   and (prefix.endswith("-") or word[len(prefix):].startswith("-"))
                   and any(p.normal_form in self.post_titles
                           for p in self.analyzer.parse(word[len(prefix):].lstrip("-")))
                   for prefix in self.title_prefixes)  # (a hyphen after it: «Обер-бургомистр»)

    def _region_head_after(self, doc: Doc, token: Token) -> Token | None:
        """The place word after an adjective that reads as nothing else («Самаркандского
        вилоята»): the head of the region the adjective names, if it is one."""
        following = doc.tokens[token.token_id + 1] \
            if token.token_id + 1 < len(doc.tokens) else None
        parses = self.analyzer.parse(token.text)
        if following is None or following.lemma.lower() not in self.place_descriptors \
                or not (REGION_ADJECTIVE.search(token.text.lower())
                        or (parses and all(p.tag.POS == "ADJF" for p in parses))):
            return None
        return following

    def _title_read_as_first_name(self, doc: Doc, token: Token, following: Token) -> bool:
        """A post's title opening a sentence before a surname, read as a first name: one the
        dictionary lacks («Хоким Нурматов»), or one that is a first name too where the document
        writes it as a title in lower case too («аким области») or names that surname with
        another first name («Аким Абенов» after «Ерлан Абенов»)."""
        lemma = token.lemma.lower()
        if lemma not in self.post_titles or lemma in self.titles_as_first_names \
                or not _opens_sentence(doc, token):
            return False
        if not self.analyzer.lexicon.is_word(token.text) or any(
                other.lemma == token.lemma and other.text.islower() for other in doc.tokens):
            return True  # (the document writes the title in lower case too: «аким области»)
        return any(other.lemma == following.lemma and other.token_id != following.token_id
                   and before.text[:1].isupper() and before.lemma != token.lemma
                   for before, other in pairwise(doc.tokens))

    def _second_person_at(self, tokens: list[Token]) -> int | None:
        """Where a second person's name begins in a person's span, if it does: «Иван Кедров
        Пётр Ольхин» (a photo caption's list), «сын Кедрова Говард» (one name in the
        genitive, then a first name in the nominative)."""
        if self._two_full_names(tokens):
            return 2
        return next((k for k in range(1, len(tokens))
                     if self._genitive_then_nominative(tokens[k - 1], tokens[k])), None)

    def _genitive_then_nominative(self, token: Token, following: Token) -> bool:
        """Does one person's name end in ``token``, in the genitive (a name the dictionary
        knows, no reading of it nominative), and another's begin in ``following``, a first
        name in the nominative? (Foreign names the dictionary only guesses at stay one.)"""
        if parse_feats(token.feats).get("Case") != "Gen" \
                or parse_feats(following.feats).get("Case") != "Nom":
            return False
        parses = self.analyzer.parse(token.text)
        return any(NAME_GRAMMEMES & p.tag.grammemes for p in parses) \
            and not any("nomn" in p.tag for p in parses) \
            and self.analyzer.lexicon.is_word(following.text) \
            and any("Name" in p.tag and "nomn" in p.tag
                    for p in self.analyzer.parse(following.text))

    def _place_then_holder(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a place's span end in the genitive of the country or region that holds the
        rest: a name the gazetteer puts there, or one word after a place's descriptor
        («в городе Тачэн Синьцзяна»)?"""
        if len(tokens) < 2 or not tokens[-2].text[:1].isupper():
            return False
        last = tokens[-1]
        if not (last.text.isupper() or ("Case=Gen" in last.feats and last.text[:1].isupper())):
            return False
        case = parse_feats(last.feats).get("Case")
        if tokens[-2].pos == "ADJ" and parse_feats(tokens[-2].feats).get("Case") == case:
            return False  # «Южного Урала», «Северной Финляндии»: an adjective of the one name
        places = gazetteer()
        holder = places.lookup(last.text)
        if holder is None or holder.kind == "city" \
                or places.lookup(doc.text[tokens[0].start:last.end]) is not None:
            return False
        held = places.lookup(doc.text[tokens[0].start:tokens[-2].end])
        if held is not None:
            return held.kind != "country" and held != holder and held.country == holder.country
        return len(tokens) == 2 and self._after_place_descriptor(doc, tokens)

    def _places_side_by_side(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a span one-word places the gazetteer knows by their names (not an adjective, not
        a common word: «Британском Гондурасе», «Горы Непала»; an informal name of an
        adjective's form is a name, «Поднебесной Чувашия»), each a different place, side by
        side with nothing but a space between them, and no place's name as a whole («Томск
        Новосибирск», «Дагестана Махачкала»; not «Нижний Новгород»)?"""
        places = gazetteer()
        if len(tokens) < 2 or any(doc.text[a.end:b.start] != " " for a, b in pairwise(tokens)) \
                or not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                           and ((t.pos != "ADJ" and self._may_name_a_place(t))
                                or _informal_name_apart(places, tokens, i))
                           for i, t in enumerate(tokens)):
            return False
        if places.lookup(doc.text[tokens[0].start:tokens[-1].end]) is not None:
            return False
        found = [places.lookup(t.text) for t in tokens]
        return all(place is not None for place in found) and len(set(found)) == len(found)

    def _town_before_a_place(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a span a one-word place the gazetteer knows, then a place of several words it
        knows in another case, with a space between («Ташкенте Республика Татарстан»), and no
        place's name as a whole?"""
        places = gazetteer()
        if len(tokens) < 3 or doc.text[tokens[0].end:tokens[1].start] != " " \
                or not tokens[1].text[:1].isupper() or tokens[0].pos == "ADJ":
            return False
        first, rest = places.lookup(tokens[0].text), places.lookup(
            doc.text[tokens[1].start:tokens[-1].end])
        return first is not None and rest is not None and first is not rest \
            and places.lookup(doc.text[tokens[0].start:tokens[-1].end]) is None \
            and parse_feats(tokens[0].feats).get("Case") != parse_feats(tokens[1].feats).get("Case")

    def _may_name_a_place(self, token: Token) -> bool:
        """A word the dictionary does not know («Кедрохольм») or knows as a place among its
        readings («Грозный»), not one it knows only otherwise («Горы»)."""
        return not self.analyzer.lexicon.is_word(token.text) or any(
            "Geox" in p.tag for p in self.analyzer.parse(token.text))

    def _after_place_descriptor(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a place's descriptor or a town's word stand right before the span («в городе
        X», «провинции X»)?"""
        before = _word_before(doc, tokens[0])
        return before is not None and (before.lemma.lower() in self.place_descriptors
                                       or before.lemma.lower() in self.town_words)

    def _state_after_place(self, doc: Doc, tokens: list[Token]) -> int:
        """How many words of a country's name of several words in the genitive a place's span
        ends with, after a place the gazetteer puts in that country or a name after a place's
        descriptor («провинции Кханьхоа Социалистической Республики Вьетнам»); 0 for none."""
        if len(tokens) < 3:
            return 0  # a place and a name of two words at least
        places = gazetteer()
        described = self._after_place_descriptor(doc, tokens)
        for size in range(min(4, len(tokens) - 1), 1, -1):
            holder = tokens[-size:]
            if "Case=Gen" not in holder[0].feats or not all(
                    t.text[:1].isupper() for t in (holder[0], holder[-1], tokens[0])):
                continue
            state = places.lookup(doc.text[holder[0].start:holder[-1].end])
            if state is None or state.kind != "country":
                continue
            held = places.lookup(doc.text[tokens[0].start:tokens[-size - 1].end])
            if (held is None and described) or (held is not None and held.kind != "country"
                                                and held.country == state.country):
                return size
        return 0

    def _adjective_of_quoted_body(self, doc: Doc, adjective: Token) -> bool:
        """Is the adjective the first word of «Ставропольский кластер «Кедр»»: an adjective's
        ending (not a town the tagger read as one: «в Бежецке завод «Луч»»), a generic head in
        lower case right after it, a quoted name right after that?"""
        after = adjective.token_id + 1
        return NOMINAL_ADJECTIVE.search(adjective.text.lower()) is not None \
            and after + 1 < len(doc.tokens) and doc.tokens[after].text.islower() \
            and doc.tokens[after].lemma in self.org_heads \
            and doc.tokens[after + 1].text == QUOTES_OPEN

    def _generic_head_alone(self, doc: Doc, candidate: Candidate, named_heads: set[str],
                            org_starts: set[int]) -> bool:
        """«с Университетом», «Госкорпорацией»: an NER organisation that is one generic head
        word names nothing unless it refers back to a name with that head («Фонда» after
        «Фонд «Сколково»») or shares the place of the organisation coordinated with it
        («Посольства и Торгпредства РФ»)."""
        if candidate.type != "ORG" or candidate.source != "ner":
            return False
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if len(tokens) != 1 or tokens[0].lemma not in self.generic_org_words or \
                tokens[0].lemma in named_heads:
            return False
        if tokens[0].lemma in self.mission_nouns and tokens[0].text[:1].isupper() and \
                tokens[0].token_id != doc.sentences[tokens[0].sent_id].first_token:
            return False  # «заверил, что Посольство окажет…»: the one mission the text is about
        following = tokens[0].token_id + 1
        if tokens[0].text[:1].isupper() and following + 1 < len(doc.tokens) and \
                doc.tokens[following].text == "и" and doc.tokens[following + 1].text[:1].isupper() \
                and doc.tokens[following + 1].start in org_starts:
            return False
        # «президент Фонда Виктор Вексельберг»: the post's organisation, named before
        return not (following < len(doc.tokens) and self._in_person(doc, doc.tokens[following]))

    def _park_phrase(self, tokens: list[Token]) -> bool:
        """Is the mention a park's phrase: a park's type adjective first and a park noun its
        first noun («Промышленно-логистический парк …», «Научно-технологический парк …»), or
        adjectives only before a park's own word («Минский технопарк»; not a leisure
        «Центральный парк»)?"""
        words = [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
        nouns = [t for t in words if t.pos in ("NOUN", "PROPN")]
        if not words or not nouns:
            return False
        if words[0].lemma in self.park_adjectives and nouns[0].lemma in self.park_nouns:
            return True
        before = words[:words.index(nouns[0])]
        return bool(before) and nouns[0].lemma in self.park_compound_nouns \
            and all(t.pos == "ADJ" for t in before)

    def _leisure_site(self, doc: Doc, candidate: Candidate) -> bool:
        """«природный парк «Кедр»», «выставочную площадку «Кедр»»: a park rule's match that
        opens with a shared park noun after a leisure adjective is no industrial site."""
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if candidate.type != "PARK" or not tokens or tokens[0].lemma not in self.park_shared_nouns:
            return False
        before = _word_before(doc, tokens[0])
        return before is not None and before.lemma in self.leisure_site_adjectives

    def _valley_off_topic(self, doc: Doc, candidate: Candidate) -> bool:
        """«фильм «Тихая долина»», «курорт «Солнечная долина»»: a quoted valley alone is a
        technology valley only in a text about parks, one that names a technopark-like
        head or a park's residents somewhere."""
        if candidate.source != "rule:park.quoted_valley":
            return False
        return self._valley_named_kind(doc, candidate) or not any(
            t.lemma in self.park_named_heads or t.lemma in self.valley_topic_lemmas
            for t in doc.tokens)

    def _valley_named_kind(self, doc: Doc, candidate: Candidate) -> bool:
        """«посёлка «Солнечная долина»», «фильм «Тихая долина»»: a valley left in the
        nominative after a town's, a village's or a named thing's noun is the name of what
        that noun names, not a park («резидент «X долина»» stays)."""
        # park.quoted_valley matches four words: «, the adjective, the valley, »
        tokens = doc.tokens_in(candidate.start, candidate.end)
        before = _word_before(doc, tokens[0])
        if before is None or not tokens[2].text.lower().startswith("долина"):
            return False
        return before.text.islower() and before.lemma in self.valley_kind_nouns

    def _plural_generic_head(self, doc: Doc, candidate: Candidate) -> bool:
        """«в российских вузах», «торгово-промышленных палат Кедровии и Ольховии»,
        «ТОРы края»: an organisation's generic head in the plural names no one
        organisation (a quoted name before it is the name: «Кедровые заводы»)."""
        if candidate.type != "ORG" or COORDINATED_BEFORE.search(
                doc.text, max(0, candidate.start - 6), candidate.start):
            return False  # «Ольховского и Кедровского университетов»: the head is shared
        for token in doc.tokens_in(candidate.start, candidate.end):
            if token.text == QUOTES_OPEN:
                return False
            if token.pos in ("NOUN", "PROPN"):
                # (the tagger may read a singular as a plural: «Могилёвского облисполкома»)
                singular = any("sing" in p.tag and p.normal_form == token.lemma.lower()
                               for p in word_parses(token.text.lower()))
                return "Number=Plur" in token.feats and not singular and (
                    token.lemma.lower() in self.plural_generic_heads
                    or token.text.lower().rstrip("аыоуи") in self.zone_abbreviations)
        return False

    def _park_compound(self, token: Token) -> bool:
        """A capitalised word made on «-парк» that names a site («Академпарк», «ИнноПарк»),
        not a leisure park or a fleet (words/non_park_compounds.txt: «Аквапарк»,
        «Автопарк»)."""
        lemma = token.lemma.lower()
        return token.text[:1].isupper() and lemma.endswith("парк") and len(lemma) > 6 \
            and lemma not in self.non_park_compounds

    def _names_an_event(self, tokens: list[Token]) -> bool:
        """«Недели лесного дела-2024»: an NER organisation that ends in a year is an edition
        of an event (a forum named by its head noun alone may be an organisation too); one
        word so, where one of its parts is an event noun («Кедр-Экспо-2025»)."""
        words = [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)]
        if len(words) == 1 and EDITION_YEAR.search(words[0].text) is not None:
            return any(part in self.event_nouns for part in words[0].text.lower().split("-"))
        return len(tokens) > 1 and EDITION_YEAR.search(tokens[-1].text) is not None

    def _latin_name_of_event(self, doc: Doc, tokens: list[Token]) -> bool:
        """«на выставке вооружений и военной техники IDEX»: a one-word Latin name right after
        an event noun and the lower-case words of what it shows names the event (not after
        an organisation's head: «на выставке продукцию компании IBM»)."""
        if len(tokens) != 1 or not LATIN_CAPS_NAME.fullmatch(tokens[0].text):
            return False
        t = tokens[0].token_id - 1
        while t >= 0 and t > tokens[0].token_id - 7 and doc.tokens[t].text.islower() \
                and doc.tokens[t].sent_id == tokens[0].sent_id:
            if doc.tokens[t].lemma.lower() in self.event_nouns:
                return True
            if doc.tokens[t].pos not in ("NOUN", "ADJ", "CCONJ") \
                    or doc.tokens[t].lemma in self.org_heads:
                return False  # «выставка прошла, а IDEX …»: no phrase of the event
            t -= 1
        return False

    def _place_in_capitals(self, doc: Doc, tokens: list[Token]) -> bool:
        """«ДУШАНБЕ, 17 марта — …»: a dateline's city in capitals is a place, not an
        organisation."""
        if len(tokens) != 1 or len(tokens[0].text) < 4 or not tokens[0].text.isupper() \
                or not tokens[0].text.isalpha():
            return False
        parses = self.analyzer.parse(tokens[0].text.title())
        at_line_start = tokens[0].start == 0 or doc.text[tokens[0].start - 1] == "\n"
        if at_line_start and DATELINE_DATE.match(doc.text, tokens[0].end) and \
                not any("Orgn" in parse.tag for parse in parses):
            return True  # a town unknown to the dictionary heading a dateline; «ТАСС, …» is not
        # a place the dictionary knows; an acronym it only guesses at is no town («НГАУ»),
        # nor, in running text, one the gazetteer lacks (an agency's «ВАДА», a village too)
        return bool(parses) and "Geox" in parses[0].tag and \
            self.analyzer.lexicon.is_word(tokens[0].text.title()) and \
            (at_line_start or gazetteer().lookup(tokens[0].text.title()) is not None)

    def _post_title(self, token: Token, readings: bool = False) -> bool:
        """A post's title (or a compound ending in one: «вице-губернатор»); with ``readings``,
        also where the tagger read it as a name but a dictionary reading is the title («Раиса
        РТ»: the genitive of «раис», not the name «Раиса»)."""
        return token.lemma in self.post_titles or compound_head(token.lemma) in self.post_titles \
            or (readings and any(p.normal_form in self.post_titles
                                 for p in self.analyzer.parse(token.text.lower())))

    def _place_with_adjective(self, doc: Doc, first: Token, end: int) -> int | None:
        """Where a place's name starts that a capitalised adjective right before the span
        opens, the two naming another place of the gazetteer than the span alone («Средний
        Урал» is Свердловская область, «Урал» a macro-region); None where none does."""
        if first.token_id == 0:
            return None
        before = doc.tokens[first.token_id - 1]
        if before.sent_id != first.sent_id or before.pos != "ADJ" \
                or not before.text[:1].isupper() or not before.text.isalpha():
            return None
        widened = gazetteer().lookup(doc.text[before.start:end])
        alone = gazetteer().lookup(doc.text[first.start:end])
        return before.start if widened is not None and widened != alone else None

    def _name_after_place_word(self, doc: Doc, token: Token) -> bool:
        """A word the dictionary lacks, in the case of a place's word right before it or of a
        compound opening with one («города-побратима X»), is that place's name; not after a
        post's title («губернатора штата X» names a person by the state he heads)."""
        word = _word_before(doc, token)
        if word is None or word.lemma.lower().split("-")[0] not in self.place_or_town_words:
            return False
        if gazetteer().lookup(f"{word.text} {token.text}") is not None:
            return True  # «губернатор марза Ширак»: a region of the gazetteer, whoever's title
        if self.analyzer.lexicon.is_word(token.text):
            return False
        case = parse_feats(token.feats).get("Case")
        if case not in (None, parse_feats(word.feats).get("Case")) \
                and not is_indeclinable_foreign(token.text, case) \
                and (case not in ("Nom", "Acc") or RUSSIAN_SURNAME.fullmatch(token.text)
                     or "Number=Plur" in word.feats):
            return False  # «района Кедраев»: a person, in a case of his own (a foreign name
            # in the nominative is the place's, in apposition: «аймака Дорнод»)
        at = word.token_id - 1
        while at >= 0 and doc.tokens[at].pos == "ADJ":
            at -= 1  # «китайского», «соседнего»: the place word's own adjectives
        return at < 0 or not self._post_title(doc.tokens[at], readings=True)

    def _town_of_two_words(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a two-word «person» a town's name after a town's word: the first word one the
        dictionary lacks, neither word a first name or surname, no Chinese syllables (not
        «в городе Ван Мин», a person named where he lives; not «министр провинции Эстебан
        Ривароло», a region's official)?"""
        word = _word_before(doc, tokens[0])
        return word is not None and word.lemma.lower().split("-")[0] in self.settlement_words \
            and self._name_after_place_word(doc, tokens[0]) \
            and not spelt_in_syllables(tokens[0].text) \
            and not any({"Surn", "Name", "Patr"} & p.tag.grammemes
                        for token in tokens for p in word_parses(token.text.lower()))

    def _place_opens_person(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a person's span of three or more words open with a place's name that ends a
        title's body before it («комитета Ханоя Нгуен Ван Ана»)?"""
        return len(tokens) >= 3 and (
            self._only_a_place(tokens[0]) or self._place_name_before_person(doc, tokens)
            or self._known_place_before_first_name(tokens))

    def _place_name_before_person(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a person's span open with a place's name the dictionary lacks, a foreign one
        the document writes elsewhere too (in any case): right after a place's word
        («провинции Бакнинь Нгуен Хыу Лонг» beside «в провинции Бакнинь»), or in the genitive
        after an organisation's noun in the genitive plural («Союза экспортеров Газиантепа
        Осман Йылдырым» beside «из Газиантепа», «Ассоциации производителей Бурсы Йылмаз
        Акташ» beside «город Бурса») or a post's field «по …», or after a place's word an
        adjective describes
        («монгольского аймака Дорнод Батбаяр Гансух»)? Not a first name or surname the
        dictionary knows («провинции Ким Сон Хо»), nor one written once after a bare place word
        («штата Кэтлин Кеннеди»)."""
        first, before = tokens[0], _word_before(doc, tokens[0])
        if before is not None and len(tokens) >= 3 and before.text.islower() \
                and before.lemma.lower() in self.place_descriptors \
                and (place := gazetteer().lookup(f"{before.text} {first.text}")) is not None \
                and place.kind != "city":
            return True  # «акима области Абай Ерлана Жумабекова»: the gazetteer's region, a
            # first name though its word is
        if before is None or not before.text.islower() or before.pos != "NOUN" \
                or _known_name(first.text, self.analyzer.lexicon.is_word) or len(first.text) < 4 \
                or any(len(t.text) < 2 for t in tokens[1:]):
            return False  # (nor before initials: «области Михальчук И. Ф.»)
        if before.lemma.lower() in self.place_descriptors \
                and (described := _word_before(doc, before)) is not None \
                and described.pos == "ADJ" and described.text.islower():
            return True  # «монгольского аймака Дорнод Батбаяр Гансух»: a place word's name
        # (a post's field «по X» ends where the place begins: «комиссар по промышленности
        # Теланганы Сурендра Наик» beside «делегацию Теланганы»)
        field = any(t.lemma == "по" for t in doc.tokens[max(0, before.token_id - 3):
                                                          before.token_id])
        plural_genitive = "Case=Gen" in before.feats and "Number=Plur" in before.feats
        if before.lemma.lower() not in self.place_descriptors and (
                not (plural_genitive or field) or not first.text.endswith(("а", "я", "ы", "и"))):
            return False
        stem = first.text[:-1]  # «Бурсы» beside «Бурса»
        written = {first.text, stem, stem + "а", stem + "я", first.text + "а", first.text + "я"}
        return any(t.text in written and following.text != tokens[1].text
                   for t, following in pairwise(doc.tokens)
                   if not first.token_id <= t.token_id <= tokens[-1].token_id)

    def _country_bracketed_after(self, doc: Doc, token: Token) -> bool:
        """Is a one-word name followed by a country in brackets («Коньи (Турция)»), which
        places a town, not a person?"""
        after = doc.tokens[token.token_id + 1:token.token_id + 4]
        if len(after) < 3 or after[0].text != "(" or after[2].text != ")" \
                or self._dictionary_first_name(token):
            return False
        place = gazetteer().lookup(after[1].text)
        return place is not None and place.kind == "country"

    def _modifier_of_a_noun(self, doc: Doc, token: Token) -> bool:
        """Is a one-word place an adjective in «-ский» before a lower-case noun of its case
        that no place's word is («Наньчанскую зону», not «Самаркандской области»), its own
        adjectives or other such adjectives joined by «и» between («Белорусской и
        Уральско-Сибирской деловыми палатами»)?"""
        at = token.token_id + 1
        while at + 1 < len(doc.tokens) and token.sent_id == doc.tokens[at].sent_id and (
                doc.tokens[at].pos == "ADJ" or doc.tokens[at].text in ("и", ",")
                or (doc.tokens[at].pos == "PROPN" and doc.tokens[at - 1].text == "и"
                    and REGION_ADJECTIVE.search(doc.tokens[at].text.lower()))):
            at += 1
        after = doc.tokens[at] if at < len(doc.tokens) else None
        before = doc.tokens[token.token_id - 2:token.token_id]
        joined = any(doc.tokens[t].text in ("и", ",") for t in range(token.token_id + 1, at)) \
            or (len(before) == 2 and before[1].text in ("и", ",")
                and REGION_ADJECTIVE.search(before[0].text.lower()) is not None)
        if after is not None and at > token.token_id + 1 and (
                not joined or "Number=Plur" not in after.feats):
            # «Пэдарское нефтегазоконденсатное месторождение»: a place's own adjectives after
            # it; two things joined, the last alone of the noun's number: not shared
            return False
        case = parse_feats(token.feats).get("Case")
        return after is not None and REGION_ADJECTIVE.search(token.text.lower()) is not None \
            and after.pos == "NOUN" and after.text.islower() and case is not None \
            and parse_feats(after.feats).get("Case") == case \
            and after.lemma not in self.place_or_town_words \
            and after.lemma not in self.place_descriptors

    def _known_place_before_first_name(self, tokens: list[Token]) -> bool:
        """Does a person's span open with a place the gazetteer knows, followed by a first
        name the dictionary knows («Фонда развития Воеводины Миланом Петровичем»,
        «Республики Каракалпакстан Бахтияр Турдымуратов»): the place ends a title's body?"""
        first, name = tokens[0], tokens[1]
        place = gazetteer().lookup(first.text) if first.text[:1].isupper() else None
        # (a region or country before two capitalised words; a town may be a surname too)
        return place is not None \
            and not _known_name(first.text, self.analyzer.lexicon.is_word, FIRST_NAME_GRAMMEMES) \
            and (_known_name(name.text, self.analyzer.lexicon.is_word, FIRST_NAME_GRAMMEMES)
                 or (place.kind in REGION_OR_COUNTRY_KINDS
                     and all(t.text[:1].isupper() for t in tokens[1:3])))

    def _person_after_place(self, tokens: list[Token], described: bool = False) -> int:
        """How many words close a place's span as a person's name («Республики Узбекистан
        Шерзод Юлдашев»): two or three capitalised words, the first a first name the
        dictionary knows or the last a Russian-made surname, none a place, after a place
        the gazetteer knows; where a place's word is ``described`` before the span
        («вилайета Сус Набиль Хаддад»), after one word it does not know, the first word read
        as a first name (a guess will do); 0 where none do."""
        is_word = self.analyzer.lexicon.is_word
        for size in (2, 3):
            if len(tokens) < size + 1:
                break
            name, place = tokens[-size:], tokens[-size - 1]
            if not all(t.text[:1].isupper() and t.text.isalpha() for t in name) \
                    or any(gazetteer().lookup(t.text) for t in name):
                continue
            if gazetteer().lookup(place.text) is not None and (
                    _known_name(name[0].text, is_word, FIRST_NAME_GRAMMEMES)
                    or RUSSIAN_SURNAME.fullmatch(name[-1].text) is not None):
                return size
            if described and len(tokens) == size + 1 and len(place.text) > 2 \
                    and len(name[0].text) > 2 and any(
                    FIRST_NAME_GRAMMEMES & p.tag.grammemes
                    for p in word_parses(name[0].text.lower())):
                return size
        return 0

    def _field_of_bare_region(self, phrase: list[Token], head: Token) -> bool:
        """«министерство сельского хозяйства края»: a body's head, its field of two words or
        more and a bare region word closing it name one body, though in lower case."""
        return len(phrase) >= 4 and phrase[0] is head \
            and phrase[-1].lemma in self.generic_place_words and phrase[-1].text.islower() \
            and all(t.text.islower() and t.pos in ("NOUN", "ADJ") for t in phrase[1:-1])

    def _region_after_post(self, doc: Doc, token: Token) -> bool:
        """Is a one-word name right after a post's title a region or country the gazetteer
        knows («губернатор Ширака Анаит Саргсян»: the post's region, not a first person)?"""
        before = _word_before(doc, token)
        if before is None or not before.text[1:].islower() or not self._post_title(before):
            return False
        place = gazetteer().lookup(token.text)
        return place is not None and place.kind in REGION_OR_COUNTRY_KINDS

    def _only_a_place(self, token: Token) -> bool:
        """A dictionary word whose every reading is a place name (none a person's)."""
        if not token.text[:1].isupper() or not self.analyzer.lexicon.is_word(token.text):
            return False
        parses = self.analyzer.parse(token.text)
        return bool(parses) and all("Geox" in p.tag and not NAME_GRAMMEMES & set(p.tag.grammemes)
                                    for p in parses)

    def _person_a_site_is_named_after(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is the name right after a street's or a site's noun («улица», «аэропорт», «ул.»)
        a person's in the genitive: a surname after first names or «Святой» («Джона
        Кедрова», «Святой Анны»), no place the gazetteer or the dictionary knows («по
        улицам Омска», «на площади Тахрир» stay places)?"""
        if not 1 <= len(tokens) <= 3 or not all(t.text[:1].isupper() for t in tokens):
            return False
        site = _word_before(doc, tokens[0])
        if site is not None and site.text == ".":  # «ул. Кедрова»
            site = _word_before(doc, site)
        if site is None or not {site.text.lower(), site.lemma.lower()} & self.named_site_nouns:
            return False
        if gazetteer().lookup(doc.text[tokens[0].start:tokens[-1].end]) is not None:
            return False
        *first_names, surname = tokens
        return all(t.lemma.lower() in self.eponym_epithets
                   or self._a_known_name_in_genitive(t.text, {"Name"}) for t in first_names) \
            and self._surname_in_genitive(surname.text) \
            and not _agrees_as_adjective(surname.text, site.text)

    def _body_glossed_in_brackets(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a person's span, right after a post's title, followed by a bracket that opens
        with a body's word or name («Жокаргы Кенеса (Верховного совета)», «Халк Кенеса
        (парламента)»)?"""
        before = _word_before(doc, tokens[0])
        at = tokens[-1].token_id + 1
        if before is None or before.lemma.lower() not in self.post_titles \
                or at + 1 >= len(doc.tokens) or doc.tokens[at].text != "(":
            return False
        gloss = doc.tokens[at + 1]
        if gloss.text[:1].isupper():
            gloss = next((t for t in doc.tokens[at + 1:at + 4] if t.pos == "NOUN"), gloss)
        close = next((t.token_id for t in doc.tokens[at + 1:at + 12] if t.text == ")"), None)
        # (not a body of its own with its name: «профессор X (Университет Кедра)»)
        named = close is not None and any(t.text[:1].isupper()
                                          for t in doc.tokens[gloss.token_id + 1:close])
        return gloss.lemma.lower() in self.org_or_assembly_words and not named

    def _street_named_after(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is a one-word place right after one street's noun in the genitive the street's
        name («на улице Токтогула»; «по улицам Омска» stays the town)?"""
        street = _word_before(doc, tokens[0]) if len(tokens) == 1 else None
        return street is not None and street.lemma.lower() in self.street_nouns \
            and "Number=Sing" in street.feats and "Case=Gen" in tokens[0].feats

    def _a_known_name_in_genitive(self, word: str, grammemes: set[str]) -> bool:
        """Has ``word``, a dictionary word (not a guess: «Монсиньи»), a reading in the
        singular genitive with one of ``grammemes`` (Name, Surn)?"""
        return self.analyzer.lexicon.is_word(word) and any(
            grammemes & p.tag.grammemes and {"sing", "gent"} <= p.tag.grammemes
            for p in word_parses(word))

    def _surname_in_genitive(self, word: str) -> bool:
        """«Ольховского», «Кедмана», «Кедрова»: a surname's or first name's genitive by the
        dictionary, or a word ending as a surname's genitive does that the dictionary knows
        as no common noun (no place's name either way)."""
        parses = word_parses(word)
        if any("Geox" in p.tag for p in parses):
            return False
        if self._a_known_name_in_genitive(word, {"Surn", "Name"}):
            return True
        return bool(SURNAME_GENITIVE.search(word)) and not (
            self.analyzer.lexicon.is_word(word) and any(
                p.tag.POS == "NOUN" and not NAME_GRAMMEMES & p.tag.grammemes for p in parses))

    def _after_settlement_abbreviation(self, doc: Doc, start: int) -> bool:
        """Does a town's or village's abbreviated descriptor and its dot («п.», «г.») stand
        right before ``start``?"""
        words = doc.text[max(start - 24, 0):start].split()
        if not words or not words[-1].endswith(".") or len(words[-1]) < 2:
            return False
        # written in lower case: «В.П. Дронов» has initials, not a village; after a number
        # it is a year, an article or an item («в 2019 г. Иван Петров», «ст. 5»)
        abbreviation = words[-1][:-1].rsplit(".", 1)[-1]
        return abbreviation in self.settlement_abbreviations and abbreviation == words[-1][:-1] \
            and not (len(words) > 1 and any(ch.isdigit() for ch in words[-2]))

    def _region_not_name(self, token: Token) -> bool:
        """A word the places gazetteer knows as a region or country that no dictionary
        reading makes a person's name («Орловщина», «Кузбасс», «Красноярья»; not a city like
        «Королёв», which is a surname too)."""
        place = gazetteer().lookup(token.lemma) or gazetteer().lookup(token.text)
        if place is None or place.kind not in REGION_OR_COUNTRY_KINDS:
            return False
        # (a guessed name reading is none: «Красноярья»)
        return not _known_name(token.text, self.analyzer.lexicon.is_word)

    def _surname_first(self, ner: list[Candidate], doc: Doc) -> list[Candidate]:
        """«Шишкина Анна»: a one-word name read apart from the first name after it (a
        surname written first) is one name with it; so is a surname read apart from the
        first name and patronymic before it («Анна Ивановна Шишкина»)."""
        found: list[Candidate] = []
        for candidate in sorted(ner, key=lambda c: c.start):
            last = found[-1] if found else None
            if last is not None and candidate.type == last.type == "PER" \
                    and doc.text[last.end:candidate.start] == " " \
                    and (self._one_name_in_pieces(doc.text[last.start:last.end],
                                                  doc.text[candidate.start:candidate.end])
                         or self._titled_surname_first(doc, last, candidate)) \
                    and not self._two_people(doc, last, candidate):
                found[-1] = Candidate(last.start, candidate.end, "PER", last.source,
                                      last.priority)
                continue
            found.append(candidate)
        return found

    def _titled_surname_first(self, doc: Doc, left: Candidate, right: Candidate) -> bool:
        """«генеральный директор Вележев | Артём Сергеевич», «в лице директора Ракитина | Олега
        Павловича»: a surname read apart from the first name and patronymic after it, a
        post's title right before it (so no list of names), agreeing with them in case."""
        surname, name = doc.text[left.start:left.end], doc.text[right.start:right.end]
        if " " in surname or not self._first_and_patronymic(name) \
                or self._is_first_name(surname) or is_patronymic(surname):
            return False
        before = _word_before(doc, doc.tokens_in(left.start, left.end)[0])
        return before is not None and self._post_title(before) \
            and self._share_a_case(surname, name.split(" ")[0])

    def _one_name_in_pieces(self, left: str, right: str) -> bool:
        """A surname alone beside a first name: surname first («Шишкина» + «Анна»), or
        after a first name and patronymic («Анна Ивановна» + «Шишкина»). A surname
        before a first name and patronymic is left apart: joining it lowered factRuEval."""
        if " " in left:
            return self._first_and_patronymic(left) and " " not in right \
                and not self._is_first_name(right) and not is_patronymic(right) \
                and self._share_a_case(left.split(" ")[-1], right)
        if is_patronymic(left):
            return False
        if self._is_first_name(left):
            return self._surname_after_first_name(left, right)
        return (" " not in right and self._is_first_name(right)) \
            or _instrumental_pair(left, right.split(" ")[0])

    def _surname_after_first_name(self, left: str, right: str) -> bool:
        """«Радия» + «Кедрова», «Матильды» + «Ольхарии»: a first name read apart from the
        surname after it that can stand with it in an oblique case (in the nominative a
        name may open a caption's list); or from the patronymic that agrees with it
        («Айдара» + «Ринатовича Кедрова»); not a second first name after it («Марины» +
        «Ольга Кедрова»: two people)."""
        first = right.split(" ")[0]
        if is_patronymic(first):
            return self._share_a_case(left, first)
        return not self._is_first_name(first) and self._declinable(left) \
            and bool(self._oblique_cases(left) & self._oblique_cases(first))

    def _declinable(self, word: str) -> bool:
        """A word with no indeclinable reading: «Джоли» shows no case and may be a woman's
        surname before her child's first name («Анны Джоли Мэддокс»)."""
        return not any("Fixd" in p.tag for p in self.analyzer.parse(word))

    def _oblique_cases(self, word: str) -> set[str]:
        return {p.tag.case for p in self.analyzer.parse(word)
                if "sing" in p.tag} - {None, "nomn"}

    def _share_a_case(self, word: str, other: str) -> bool:
        """Can the two words stand in one case (the parts of one name agree)? A word with
        no case reading («Сомова» read as a short adjective) agrees with any."""
        cases = {p.tag.case for p in self.analyzer.parse(word)} - {None}
        others = {p.tag.case for p in self.analyzer.parse(other)} - {None}
        return not cases or not others or bool(cases & others)

    def _first_and_patronymic(self, text: str) -> bool:
        """«Анна Ивановна»: two words, a first name and a patronymic."""
        words = text.split(" ")
        return len(words) == 2 and self._is_first_name(words[0]) and is_patronymic(words[1])

    def _two_people(self, doc: Doc, first: Candidate, second: Candidate) -> bool:
        """«сын Ольховского Говард»: a name in the genitive, then a first name in the nominative."""
        before, after = doc.tokens_in(first.start, first.end), doc.tokens_in(second.start,
                                                                             second.end)
        return bool(before and after) and self._genitive_then_nominative(before[-1], after[0])

    def _town_before_person(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a person's span of three words open with a town's name right after a town word,
        a town head's post or a region's word in the genitive («города Подгорац Ранко
        Перович», «заместителем мэра Цзинаня Ло Хайбином», «Совета жудеца Дымбовица Флорин
        Догару»; not «республики Нгуен Ван Хан»: a name of three), the word not a first name
        («… Анна Мария Ольхова»), nor a Korean name of three syllables where no place is known
        («мэр города Пак Сон Мин»), nor one the text writes again with the person's («мэр
        города Эдсон Карвалью Лима» beside «мэр Эдсон Карвалью …»)?"""
        if len(tokens) != 3:
            return False
        before = _word_before(doc, tokens[0])
        town_words = self.settlement_words | self.town_head_posts
        # (after a town head's post in any case, the town in the genitive: «мэр Бишофсверды
        # Михаэль Таубе»)
        return before is not None and before.lemma.lower() in (
            town_words | self.leading_descriptors) \
            and ("Case=Gen" in before.feats or "gent" in _case_readings(before.text)
                 or (before.lemma.lower() in self.town_head_posts
                     and "gent" in _case_readings(tokens[0].text))) \
            and (before.lemma.lower() in town_words
                 or self._region_name_before_first_name(tokens)) \
            and not (self._is_first_name(tokens[0].text)  # (a guess for a word none knows)
                     and self.analyzer.lexicon.is_word(tokens[0].text)) \
            and all(t.text[:1].isupper() for t in tokens) \
            and not (all(ASIAN_NAME_SYLLABLE.fullmatch(t.text) for t in tokens)
                     and gazetteer().lookup(tokens[0].text) is None) \
            and not _name_written_again(doc, tokens, town_words | self.leading_descriptors)

    def _region_name_before_first_name(self, tokens: list[Token]) -> bool:
        """After a region's word, is the first word a thing's, not a person's (no first-name
        reading, not even a guess: «штата Кэтлин …»; not read as an animate noun first:
        «штата Карлос Бонилья Орта»), and the second a first name («Дымбовица Флорин»;
        not «провинции Нгуеном Ван Тхуаном»)?"""
        parses = word_parses(tokens[0].text.lower())
        return not self._is_first_name(tokens[0].text) \
            and not (parses and "anim" in parses[0].tag) \
            and any(FIRST_NAME_GRAMMEMES & p.tag.grammemes
                    for p in word_parses(tokens[1].text.lower()))

    def _chinese_place_before_name(self, doc: Doc, tokens: list[Token]) -> bool:
        """Does a person's span of three words open mid-sentence with a Chinese place's name
        of two syllables or more, then a surname of one and a given name («глава Шуанлю Хэ
        Юнмин»)? A Chinese name's surname is one syllable but for a few
        (``chinese_compound_surnames``: «Оуян»); Vietnamese and Korean names open with one.
        Not after a body's word, whose name the place ends («Университета Цзиньвань Хэ
        Цзюньмин»), but for one with a Russian genitive's ending, a place's for sure
        («палаты Синьсяна Ли Вэйдун»: ``_declined_chinese_place``)."""
        if len(tokens) != 3 or not self._name_before_chinese_name(doc, tokens):
            return False
        before = _word_before(doc, tokens[0])
        return (before is not None and before.lemma.lower() not in self.org_head_words) \
            or _declined_chinese_place(tokens[0].text)

    def _company_before_chinese_name(self, doc: Doc, tokens: list[Token]) -> bool:
        """«председатель корпорации Хуасинь Ли Гофэн»: after a lower-case body's word, a
        Chinese name of two syllables or more before a Chinese person's name is the body's
        (``_name_before_chinese_name``); not a place (the gazetteer's «комитета Шаньси», or
        one declined: ``_declined_chinese_place``), which the body's name ends in."""
        before = _word_before(doc, tokens[0]) if len(tokens) == 3 else None
        return before is not None and before.text.islower() \
            and before.lemma in self.org_head_words \
            and gazetteer().lookup(tokens[0].text) is None \
            and not _declined_chinese_place(tokens[0].text) \
            and self._name_before_chinese_name(doc, tokens)

    def _name_before_chinese_name(self, doc: Doc, tokens: list[Token]) -> bool:
        """Three words mid-sentence: a Chinese name of two syllables or more, then a surname
        of one and a given name."""
        first, surname, given = tokens
        return doc.sentences[first.sent_id].first_token != first.token_id \
            and all(t.text[:1].isupper() and t.text[1:].islower() for t in tokens) \
            and first.text.lower() not in self.chinese_compound_surnames \
            and (fewest_syllables(first.text) or 0) >= 2 \
            and fewest_syllables(surname.text) == 1 and spelt_in_syllables(
                chinese_name_nominative(given.text) or given.text)

    def _surname_left_out(self, doc: Doc, first: Token) -> Token | None:
        """The capitalised word right after a dictionary first name in the nominative, mid-
        sentence, that the dictionary reads as a pronoun, a conjunction or a particle only
        («Тот», «Как»), with no capitalised word after it: the surname NER left out of the
        person's span."""
        if first.token_id + 1 >= len(doc.tokens) or not self._is_first_name(first.text) \
                or "nomn" not in self.analyzer.parse(first.text)[0].tag:
            return None
        word = doc.tokens[first.token_id + 1]
        following = doc.tokens[word.token_id + 1] if word.token_id + 1 < len(doc.tokens) else None
        if word.sent_id != first.sent_id or word.start != first.end + 1 \
                or not word.text.isalpha() or not word.text[:1].isupper() or word.text.isupper() \
                or (following is not None and following.sent_id == word.sent_id
                    and following.text[:1].isupper()):
            return None
        parses = self.analyzer.parse(word.text)
        return word if parses and all(FUNCTION_WORD_GRAMMEMES & p.tag.grammemes
                                      for p in parses) else None

    def _is_first_name(self, word: str) -> bool:
        parses = self.analyzer.parse(word)
        return bool(parses) and "Name" in parses[0].tag

    def _names_a_thing(self, doc: Doc, tokens: list[Token]) -> bool:
        """Is the span a quoted name alone after a noun of a thing that is no organisation
        («стелу «Ольха»», «маршрут «Кедр»»)?"""
        if not tokens:
            return False
        first, last = tokens[0].token_id, tokens[-1].token_id
        if doc.tokens[first].text != QUOTES_OPEN:  # NER leaves the quotes out
            first, last = first - 1, last + 1
        if first < 1 or last >= len(doc.tokens) or doc.tokens[first].text != QUOTES_OPEN \
                or doc.tokens[last].text != QUOTES_CLOSE:
            return False
        return self._names_a_thing_after(doc.tokens[first - 1], doc.tokens[first + 1])

    def _names_a_thing_after(self, noun: Token, first_word: Token) -> bool:
        """Does a quoted name whose first word is ``first_word`` name the thing ``noun``
        names, no organisation? An award's name stands in apposition, in the nominative
        («премии «Ольха»», «приз «Кедровый лист»»); a giver's in the genitive is an
        organisation's («приз «Ольховских вестей»»)."""
        lemma = noun.lemma.lower()
        return lemma in self.quoted_thing_nouns or (
            lemma in self.award_nouns and _nominative_alone(first_word.text))

    def _country_descriptor_only(self, tokens: list[Token]) -> bool:
        """Is a place's span only a country's adjective and a descriptor («китайская
        провинция», «японский город»), which names no one place?"""
        if len(tokens) != 2 or tokens[0].pos != "ADJ" \
                or tokens[1].lemma.lower() not in self.geo_descriptors \
                or "Number=Plur" in tokens[1].feats:
            return False  # («Японские острова», «Британские острова»: names)
        place = gazetteer().by_adjective.get(name_key(tokens[0].lemma))
        return place is not None and place.kind == "country"

    def _without_names_of_things(self, doc: Doc) -> None:
        """A quoted name the text once gives a thing that is no organisation («шаттл
        «Кедр»», «песню «Ольха»») names that thing wherever it stands, in any case: no
        organisation of that name in the document («после «Кедра»»)."""
        names: list[list[str]] = []
        for noun, opening in pairwise(doc.tokens):
            if opening.text != QUOTES_OPEN or opening.token_id + 1 >= len(doc.tokens) \
                    or not self._names_a_thing_after(noun, doc.tokens[opening.token_id + 1]):
                continue
            closing = doc.text.find(QUOTES_CLOSE, opening.end)
            if closing > 0:
                names.append(fold(doc.text[opening.end:closing]).split())
        if not names:
            return
        doc.mentions = [m for m in doc.mentions if m.type != "ORG" or not any(
            same_name(fold(m.text.strip("«»")).split(), name) for name in names)]

    def _common_word(self, doc: Doc, token: Token) -> bool:
        """A one-word NER span that is an ordinary word capitalised only because it opens a
        sentence («Представителей», «Подтянувшиеся»)."""
        if not _opens_sentence(doc, token) or _shares_a_region_head(doc, token) \
                or self._quoted_between_title_and_person(doc, token):
            return False
        if token.pos in ("ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ"):
            return True
        if token.pos == "PROPN":
            return False
        return self._no_name_reading(token)

    def _quoted_between_title_and_person(self, doc: Doc, token: Token) -> bool:
        """«нападающий «Трактора» Иван Кедров», «лидер «Лиги» Ольхин»: a word in quotes of
        its own between a post's title and a person is the organisation the post is at, not
        an ordinary word opening quoted speech (a quoted ordinary word elsewhere may be a
        film, a weapon, a site: left alone). The title and the person stand in one case, as
        one phrase does: «Директор «Спасибо» Ольге Кедровой …» is speech to her."""
        at = token.token_id
        if at < 2 or at + 2 >= len(doc.tokens) or doc.tokens[at - 1].text != QUOTES_OPEN \
                or doc.tokens[at + 1].text != QUOTES_CLOSE:
            return False
        title, person = doc.tokens[at - 2], doc.tokens[at + 2]
        return self._post_title(title) and self._in_person(doc, person) \
            and self._share_a_case(title.text, person.text)

    def _no_name_reading(self, token: Token, by_head: bool = False) -> bool:
        """A dictionary word (not in capitals; where ``by_head``, a compound whose head is
        one: «Экс-советник») none of whose readings is a proper name or an abbreviation."""
        is_word = self.analyzer.lexicon.is_word
        if token.text.isupper() or not (is_word(token.text) or (
                by_head and is_word(compound_head(token.text)))):
            return False
        proper = PROPER_OR_ABBREVIATION
        return not any(proper & parse.tag.grammemes for parse in self.analyzer.parse(token.text))

    def _dictionary_first_name(self, token: Token) -> bool:
        """A first name or patronymic the dictionary knows (not a guess)."""
        return _known_name(token.text, self.analyzer.lexicon.is_word, FIRST_NAME_GRAMMEMES)

    def _two_full_names(self, tokens: list[Token]) -> bool:
        """«Иван Кедров Пётр Ольхин» (a photo caption's list): two first names, each with its
        surname, are two persons."""
        return len(tokens) == 4 and all(t.text.isalpha() and t.text[:1].isupper()
                                        for t in tokens) \
            and all(bool(self._dictionary_first_name(t)) == (k % 2 == 0)
                    for k, t in enumerate(tokens))  # first name, surname, first name, surname

    def _org_phrases(self, doc: Doc) -> list[Candidate]:
        """Descriptive organisation names: an org head noun with its syntactic modifiers
        («Министерства экономики, торговли и промышленности Хоккайдо»)."""
        found: list[Candidate] = []
        heads = [token for token in doc.tokens
                 if token.lemma in self.org_head_lemmas and token.pos in ("NOUN", "PROPN")
                 and "Number=Plur" not in token.feats]
        if not heads:
            return found
        children: dict[int, list[int]] = {}
        for token in doc.tokens:
            if token.head_id >= 0:
                children.setdefault(token.head_id, []).append(token.token_id)
        for token in heads:
            lemma = token.lemma
            capitalised = token.text[:1].isupper() and \
                token.token_id != doc.sentences[token.sent_id].first_token
            government = lemma in self.government_bodies
            if lemma not in self.org_body_nouns and not government and not (
                    capitalised and lemma in self.org_capitalised_nouns):
                continue
            spans = [s for s in (self._phrase_span(doc, token, children),
                                 self._linear_span(doc, token)) if s is not None]
            if not spans:
                continue
            first, last = min(s[0] for s in spans), max(s[1] for s in spans)
            if capitalised and last + 1 < len(doc.tokens) \
                    and self._place_opens_person(doc, self._person_from(doc, last + 1)):
                last += 1  # «Ассоциации производителей Бурсы Йылмаз Акташ»: the place is the
                # named body's, though NER ran it into the person after it
            person = next((t.token_id for t in doc.tokens[token.token_id + 1:last + 1]
                           if self._in_person(doc, t) or self._holder_opens(doc, t)), None)
            if person is not None \
                    and self._place_opens_person(doc, self._person_from(doc, person)):
                person += 1
            if person is not None and not self._in_person(doc, doc.tokens[person]):
                # a holder's name NER missed is a person's of its own
                name = doc.tokens[person:person + 2]  # a first name and a surname …
                for word in doc.tokens[person + 2:person + 3]:  # … or a patronymic between
                    if word.text[:1].isupper() and word.text.isalpha() \
                            and word.sent_id == token.sent_id:
                        name.append(word)
                found.append(Candidate(name[0].start, name[-1].end, "PER",
                                       "rule:person.holder_after_body", 0))
            if person is not None:  # «посольства КНР в РФ Ли Вэя»: the person is not in it
                last = person - 1
                while last > token.token_id and doc.tokens[last].pos in ("PUNCT", "CCONJ", "ADP"):
                    last -= 1
            phrase = doc.tokens[first:last + 1]
            if government and not capitalised and lemma not in self.org_body_nouns and not any(
                    t.text[:1].isupper() and "." not in t.text and not self._in_person(doc, t)
                    for t in phrase if t.token_id > token.token_id):
                continue  # «правительства края»: a lower-case body needs its place's name
            if lemma in self.mission_nouns:
                phrase = doc.tokens[first:self._mission_place(doc, last) + 1]
            phrase = self._without_verb_after_place(self._phrase_edges(doc, phrase, token), token)
            phrase = _without_partner(phrase, token, self.spelled_legal_form_nouns)
            phrase, second = self._without_coordinated_body(
                phrase, token, opening=token.text[:1].isupper() and not capitalised)
            if second:  # «… и Акиматом Y»: the second body is a name of its own
                end = _without_next_subject(second, second[-1].end)
                found.append(Candidate(second[0].start, end, "ORG",
                                       "rule:org.descriptive_phrase", 0))
            stop = _without_next_subject(phrase, phrase[-1].end)
            phrase = [t for t in phrase if t.end <= stop]
            if title := next((k for k, t in enumerate(phrase) if t.token_id > token.token_id
                              and t.text.islower() and t.lemma in self.academic_titles), None):
                phrase = phrase[:title]  # «Университета Ташлыдере профессора Кемаля Озкана»
            if len(phrase) >= 3 and self._country_anaphor(doc, phrase[-1]):
                phrase = phrase[:-1]  # «Олимпийского комитета | страны»
            if not capitalised and any(
                    t.head_id == token.token_id and t.pos == "NOUN" and "Case=Ins" in t.feats
                    and not any(c.rel == "case" for c in phrase if c.head_id == t.token_id)
                    for t in phrase):
                continue  # «управления промышленной зоной»: the act of managing, not a body
            # A lower-case head needs what makes it one body: a name in it, or a long
            # descriptive phrase («комитета экономического развития и инвестиционной …»).
            named = any(t.text[:1].isupper() for t in phrase if t is not token)
            if not capitalised and not named and lemma in self.org_kind_heads:
                continue  # «создание промышленного кластера»: a kind of body, no name
            # (a level's adjective alone makes no name: «провинциального комитета партии»)
            specific = named or (
                len(phrase) >= 3 and any(t.rel == "amod" and t.head_id == token.token_id
                                         and t.lemma not in self.org_scope_adjectives
                                         for t in phrase)) or (
                len(phrase) >= 5 and any(t.pos == "ADJ" for t in phrase)) or (
                lemma in self.org_body_nouns and self._names_its_field(doc, phrase, token)) \
                or self._field_of_bare_region(phrase, token)
            if not (capitalised and len(phrase) >= 2) and not specific:
                continue
            after = token.token_id + 1
            if phrase[-1] is token and not capitalised and after < len(doc.tokens) \
                    and doc.tokens[after].text == QUOTES_OPEN:
                continue  # «Ставропольский кластер «Кедр»»: the quoted name is the name
            # the level or place it serves opens the phrase but not the name, once the whole
            # phrase has shown it is one: «регионального | министерства экономики и …»
            while phrase[0] is not token and phrase[0].text.islower() and \
                    phrase[0].lemma in self.org_scope_adjectives:
                phrase = phrase[1:]
            phrase = _latin_name_after_head(phrase, token)
            while len(phrase) > 1 and phrase[-1].pos in ("ADP", "CCONJ"):
                phrase = phrase[:-1]  # «консульства Латвии в | Витебске Эдгарс …»: the place
                # NER ran into the person's name is no part of it
            if (place_end := _place_named_up_to(doc, phrase, token)) is not None:
                # «Героя Советского Союза»: a country named with a body's head word
                found.append(Candidate(phrase[0].start, place_end, "LOC",
                                       "rule:place.named_with_body_head", 0))
                continue
            if len(phrase) == 2 and phrase[0] is token and token.text.islower() and \
                    lemma in self.kind_before_name_heads and ACRONYM.fullmatch(phrase[1].text):
                phrase = phrase[1:]  # «банке ВТБ», «агентства ТАСС»: the name alone
            end = _with_bracketed_name(doc, phrase, token)
            if end == phrase[-1].end and (capitalised or len(phrase) > 1):
                end = _with_quoted_name(doc, phrase[-1], end)
            # (with its quoted name it outranks the name's own rules: «портов «Сира»»; a
            # lower-case phrase too, «агентства по международному сотрудничеству «Кедр»»:
            # the description and its name are one body, not a part of another)
            found.append(Candidate(phrase[0].start, end, "ORG", "rule:org.descriptive_phrase",
                                   0 if end == phrase[-1].end else QUOTED_NAME_PRIORITY))
        return found

    def _bodies_of_places(self, doc: Doc) -> list[Candidate]:
        """A public body or a national team named by the place it serves, the place's name
        in the genitive right after its head («сборная Японии», «полиции Малайзии», «суд
        Милана»): one organisation, the place inside it, with the adjectives that say which
        body («Верховный суд Египта», «окружного суда Далласа») and what a team plays
        («сборной России по хоккею»). After a post's title the relations read the post as
        the place's («Председатель парламента X» signs for X): that stays as it was, but
        not before a team, which its players and coaches play for («тренер сборной Японии»)."""
        places = [span for span in doc.ner_spans if span.type == "LOC"]
        found: list[Candidate] = []
        for head, following in pairwise(doc.tokens):
            plural = "Number=Plur" in head.feats
            if head.lemma not in self.place_served_bodies \
                    or head.pos not in ("NOUN", "ADJ", "PROPN") \
                    or (head.pos == "PROPN" and not _opens_sentence(doc, head)) \
                    or (plural and head.lemma not in self.plural_place_served_bodies):
                # a head the tagger reads as a name only where it is capitalised as the
                # sentence's first word («Парламент X избрал …»), not inside a longer name
                # («Комитет Сената США по …»)
                continue
            place = next((span for span in places if span.start == following.start), None)
            if place is None or not self._in_genitive(following):
                continue
            name = doc.text[following.start:place.end]
            end = following.start + len(re.split(r"\s*[(\n]", name)[0])  # not its brackets
            first = self._body_adjectives(doc, head)
            if (post := _word_before(doc, first)) is not None and self._post_title(post) \
                    and head.lemma not in self.team_heads:
                # «Председатель парламента X»: the post of the country's, read so; a player's
                # or a coach's post is the team's («капитан сборной Японии»)
                continue
            if head.lemma in self.team_heads:  # «сборной России по хоккею», not «суд … по делу»
                end = _with_sport(doc, end)
            found.append(Candidate(first.start, end, "ORG", "rule:org.body_of_place", 3))
        return found

    def _bodies_of_leaders(self, doc: Doc, persons: list[Candidate]) -> list[Candidate]:
        """A government or a campaign named by the person it serves under, the person's name
        in the genitive right after its head («правительство Ивана Кедрова», «администрации
        Кедрова», «в штабе Кедровой»; words/leader_named_bodies): one organisation, the
        person inside it. Not after a post's title: in «главы правительства Ивана Кедрова»
        the name is the head's own."""
        at = {person.start: person for person in persons}
        found: list[Candidate] = []
        for head, following in pairwise(doc.tokens):
            person = at.get(following.start)
            if person is None or head.lemma not in self.leader_named_bodies \
                    or head.pos != "NOUN" or not (self._genitive_or_fixed(following)
                                                  or "gent" in _case_readings(following.text)):
                continue  # the tagger may miss a foreign or rare surname's genitive
            if _names_a_person_first(doc, person, persons):
                continue  # «… правительства Ивана Кедрова … Кедров сказал»: the text's only
                # full name of a person it refers back to stays the person's
            if (post := _word_before(doc, self._body_adjectives(doc, head))) is not None \
                    and self._post_title(post):
                continue  # (past the body's adjectives: «вице-премьер областного правительства
                # Анны Кедровой» is her post)
            found.append(Candidate(head.start, person.end, "ORG", "rule:org.body_of_leader", 3))
        return found

    @staticmethod
    def _body_adjectives(doc: Doc, head: Token) -> Token:
        """The first of the adjectives right before a body's head that say which body it is:
        one of kind («городской суд», «Конституционный суд», «сухопутные войска») or one
        capitalised mid-sentence; not one of time or state («новый», «бывший», «нынешний»)
        nor a count («630-местный парламент»)."""
        first = head
        for token in reversed(doc.tokens[:head.token_id]):
            if token.pos != "ADJ" or token.head_id != head.token_id or \
                    COUNTED_ADJECTIVE.match(token.text) or not (
                    RELATIONAL_ADJECTIVE.search(token.lemma)
                    or (token.text[:1].isupper() and not _opens_sentence(doc, token))):
                break
            first = token
        return first

    def _in_genitive(self, token: Token) -> bool:
        """A place's first word in the genitive, or one that does not decline («США»)."""
        return token.text.isupper() or self._genitive_or_fixed(token)

    def _genitive_or_fixed(self, token: Token) -> bool:
        """In the genitive, or indeclinable («Кольцово», «Хоккайдо»)."""
        return "Case=Gen" in token.feats or any(
            "Fixd" in parse.tag for parse in self.analyzer.parse(token.text)[:1])

    def _names_its_field(self, doc: Doc, phrase: list[Token], head: Token) -> bool:
        """A lower-case body named by what it does: «по» and a noun right after the head
        («комитета по развитию туризма»), or a list of the fields it is for
        («министерства лесов, рек и озёр»). Not «по итогам года», «по словам»
        (circumstance_nouns). A head and one genitive («департамента общих дел»,
        «министерства сельского хозяйства») stays out: the real set's gold marks such
        phrases as a name as often as not."""
        after = [t for t in phrase if t.token_id > head.token_id]
        if len(after) < 2:
            return False
        first = after[0]
        if first.lemma in self.org_name_prepositions:
            governed = next((t for t in after[1:] if t.pos == "NOUN"), None)
            after_title = head.token_id > 0 and \
                doc.tokens[head.token_id - 1].lemma.lower() in self.post_titles
            return first.lemma == "по" and governed is not None and \
                governed.lemma not in self.circumstance_nouns and not (
                    after_title and governed.lemma in self.title_field_nouns) \
                and not self._title_field_after(doc, head, head)
        fields = [t for t in after if t.pos == "NOUN" and "Case=Gen" in t.feats
                  and t.lemma not in self.place_descriptors | self.org_head_lemmas]
        return bool(fields) and fields[0] is first and len(fields) >= 2 and any(
            t.pos == "CCONJ" or t.text == "," for t in after)

    def _without_coordinated_body(self, phrase: list[Token], head: Token,
                                  opening: bool = False) -> tuple[list[Token], list[Token]]:
        """«между Правительством X и Акиматом Y»: a second body in the head's case after «и»
        or a comma is a name of its own, not part of the first one; the phrase up to it and
        the second body's phrase (empty where there is none). A head ``opening`` its sentence
        says nothing by its capital («Правительство X и хокимият Y»)."""
        case = CASES.get(parse_feats(head.feats).get("Case", ""))
        bodies = self.government_bodies | self.org_body_nouns | self.regional_government_nouns
        for i in range(1, len(phrase) - 1):
            after = phrase[i + 1]
            if phrase[i].text not in ("и", ",") or phrase[i].token_id < head.token_id \
                    or (after.text[:1].isupper() != head.text[:1].isupper()
                        and not (opening and after.text[:1].islower())):
                continue
            # the dictionary's reading: the tagger takes a rare body noun («Акиматом») for
            # an adjective
            if case is not None and any(p.normal_form in bodies and case in p.tag
                                        for p in self.analyzer.parse(after.text.lower())):
                return phrase[:i], phrase[i + 1:]
            if after.text.startswith("Мин") and not self.analyzer.lexicon.is_word(after.text):
                return phrase[:i], phrase[i + 1:]  # «… Индии и Минпромторга России»
            if after.lemma in self.delegation_heads:
                return phrase[:i], []  # «правительства края и делегации округа X»: a group
        return phrase, []

    def _phrase_edges(self, doc: Doc, phrase: list[Token], head: Token) -> list[Token]:
        """What opens or closes a descriptive name without belonging to it: a post before it
        («министр-советник посольства …»), a count («200-местной»), a lower-case word before a
        capitalised head («республиканского Комитета …»), an abbreviated word and its
        preposition after it («… зонами по г. Москве»), a name's first word in a case no
        name of the body takes («… штата Рамешем Чандрой Моханти»)."""
        first, last = 0, len(phrase) - 1
        for i in range(len(phrase) - 1):
            if phrase[i].token_id > head.token_id and phrase[i].text == "," \
                    and self._post_title_at(phrase[i + 1:]):
                last = i - 1  # «правительства России, министра промышленности»: a second title
                break
        while first < last and phrase[first] is not head and (
                COUNTED_ADJECTIVE.match(phrase[first].text)  # «200-местной Палаты …»
                or phrase[first].lemma in self.post_titles
                or phrase[first].lemma.split("-")[0] in self.post_titles
                or (head.text[:1].isupper() and not phrase[first].text[:1].isupper())):
            first += 1
        following = phrase[last].token_id + 1
        while last > first and phrase[last] is not head and (
                phrase[last].pos in ("ADP", "CCONJ", "PUNCT") or (
                    len(phrase[last].text) <= 2 and phrase[last].text.islower()
                    and following < len(doc.tokens) and doc.tokens[following].text == ".")):
            last -= 1
            following = phrase[last].token_id + 1
        if last > first and phrase[last] is not head and phrase[last].text[:1].isupper() \
                and following < len(doc.tokens) and doc.tokens[following].text[:1].isupper() \
                and (readings := _case_readings(phrase[last].text)) \
                and not readings & {"nomn", "gent"}:
            last -= 1  # «секретарём правительства штата Рамешем Чандрой …»: a first name
        return phrase[first:last + 1]

    def _post_title_at(self, tokens: list[Token]) -> bool:
        """Do the tokens open with a post title, adjectives before it («первого заместителя»)?"""
        for token in tokens:
            if self._post_title(token):
                return True
            if token.pos != "ADJ":
                return False
        return False

    def _latin_companies(self, doc: Doc) -> list[Candidate]:
        """A company named in Latin script up to its legal form («Borvik Heavy Machinery Co.,
        Ltd»): the legal form ends the name, the words before it are all capitalised."""
        return [Candidate(found.start(), found.end(), "ORG", "rule:org.latin_legal_form", 22,
                          "as_is")
                for found in self.latin_company.finditer(doc.text)
                if found.group().count("(") == found.group().count(")")]

    def _wiki_quoted_latin_names(self, doc: Doc) -> list[Candidate]:
        """«газеты ''The Kedr Post''», «холдинг ''Olkhchem''»: a Latin name in a wiki's doubled
        apostrophes (its italics) right after an organisation's or an outlet's head is the
        organisation, without the apostrophes (NER reads no name so marked)."""
        found = []
        for match in WIKI_QUOTED_LATIN.finditer(doc.text):
            before = doc.tokens_in(max(0, match.start() - 40), match.start())
            if before and not doc.text[before[-1].end:match.start()].strip() \
                    and before[-1].lemma.lower() in self.wiki_name_heads:
                found.append(Candidate(match.start(1), match.end(1), "ORG",
                                       "rule:org.head_wiki_quoted", 5, "as_is"))
        return found

    def _joined_org_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Flat: one organisation's name that NER or the rules cut in two — a branch and its
        parent («Минским отделением | Белорусской торгово-промышленной палаты»), a territorial
        body and its region («ТУ Агентства | по Ольховскому краю»), a name and whose name it
        bears («университета | им. А.С. Петрова»)."""
        text = doc.text
        merged: list[Candidate] = []
        for candidate in chosen:
            previous = merged[-1] if merged else None
            if previous is not None and previous.type == "ORG" and (
                    self._branch_of(doc, previous, candidate)
                    or self._body_for_region(doc, previous, candidate)
                    or self._unit_of(doc, previous, candidate)
                    or self._proper_name_of(doc, previous, candidate)
                    or _place_of_members(doc, previous, candidate)):
                previous.end = candidate.end
                previous.source = "rule:org.joined_name"
                continue
            merged.append(candidate)
        for previous, candidate in pairwise(merged):
            if previous.type == "ORG" and candidate.type == "LOC" and \
                    self._own_acronym(text, previous, candidate):
                candidate.type = "ORG"
                candidate.source = "rule:org.acronym_in_brackets"
            elif previous.type == "PARK" and candidate.type in ("ORG", "LOC") and \
                    self._own_acronym(text, previous, candidate):
                # «Парк высоких технологий (ПВТ)»: the park's acronym, not a company
                candidate.type = "PARK"
                candidate.source = "rule:park.acronym_in_brackets"
        merged = self._with_bracketed_acronyms(text, merged)
        for candidate in merged:
            if candidate.type not in ("ORG", "PARK"):
                continue
            dangling = DANGLING_NAMED_AFTER.search(text, candidate.start, candidate.end)
            named = NAMED_AFTER.match(text, dangling.start() if dangling else candidate.end)
            if named is not None and QUOTES_OPEN not in text[candidate.start:candidate.end]:
                candidate.end = _named_after_end(text, named, merged)
                candidate.source = f"rule:{candidate.type.lower()}.named_after"
        return [c for i, c in enumerate(merged)
                if not any(o.type in ("ORG", "PARK") and o.start < c.start < o.end
                           for o in merged[max(0, i - 3):i])]

    def _proper_name_of(self, doc: Doc, body: Candidate, name: Candidate) -> bool:
        """«Ханойского технологического университета | «Хонгха»», «Исфаханского университета
        технологий | «Сепахан»»: a descriptive name of two or more words with an
        organisation's head (adjectives before it, genitive nouns after it), and the quoted name
        right after it, are one organisation's name (a bare «компании «X»» is the quoted name
        alone); so is a foreign name in one hyphened word that no place gazetteer knows
        («Научно-технического университета | Ляонин-Хуася»)."""
        if doc.text[body.end:name.start].strip() or QUOTES_OPEN in doc.text[body.start:body.end]:
            return False
        quoted = name.type == "ORG" and doc.text.startswith(QUOTES_OPEN, name.start)
        hyphened = name.type == "LOC" and HYPHENED_NAME.fullmatch(doc.text[name.start:name.end]) \
            is not None and gazetteer().lookup(doc.text[name.start:name.end]) is None
        if not (quoted or hyphened):
            return False
        words = doc.tokens_in(body.start, body.end)
        head = next((i for i, w in enumerate(words) if w.lemma in self.org_head_words), None)
        return head is not None and len(words) >= 2 \
            and all(w.pos == "ADJ" or w.rel == "amod" for w in words[:head]) \
            and (head == len(words) - 1 or (words[head].lemma in self.school_heads and all(
                w.pos == "NOUN" and w.text.islower() and "Case=Gen" in w.feats
                for w in words[head + 1:])))  # (not «Совет директоров | «X»»: X's board)


    def _with_bracketed_acronyms(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """«Ольховского государственного университета (ОлГУ)», «Лесного форума (ЛФ)»: an acronym
        in brackets after an organisation's, event's or park's name that nothing else took is
        its too."""
        added = []
        for index, candidate in enumerate(chosen):
            found = BRACKETED_ACRONYM.match(text, candidate.end)
            if candidate.type not in ("ORG", "EVENT", "PARK") or found is None or \
                    found.group(1).lower() in self.country_abbreviations or \
                    sum(ch.isupper() for ch in found.group(1)) < 2:
                continue
            following = chosen[index + 1] if index + 1 < len(chosen) else None
            if following is None or following.start >= found.end():
                source = "rule:park.acronym_in_brackets" if candidate.type == "PARK" \
                    else "rule:acronym_in_brackets"
                added.append(Candidate(found.start(1), found.end(1), candidate.type,
                                       source, 0, "as_is"))
        return sorted(chosen + added, key=lambda c: c.start) if added else chosen

    def _own_acronym(self, text: str, name: Candidate, acronym: Candidate) -> bool:
        """«Канцелярии … провинции Гуандун (КИД)»: an acronym in brackets right after an
        organisation's name is the organisation's, unless it names a country («(КНР)»)."""
        word = text[acronym.start:acronym.end]
        return text[name.end:acronym.start] == " (" and \
            text[acronym.end:acronym.end + 1] == ")" and ACRONYM.fullmatch(word) is not None \
            and word.lower() not in self.country_abbreviations

    def _branch_of(self, doc: Doc, branch: Candidate, parent: Candidate) -> bool:
        if parent.type != "ORG" or doc.text[branch.end:parent.start] != " ":
            return False
        tokens = doc.tokens_in(branch.start, branch.end)
        following = doc.tokens_in(parent.start, parent.end)
        return bool(tokens and following) and (
            tokens[-1].lemma.lower() in self.org_branch_heads
            or tokens[-1].text.lower() in self.org_branch_heads) \
            and ("Case=Gen" in following[0].feats or following[0].text[:1].isupper()
                 or following[0].text == QUOTES_OPEN)

    @staticmethod
    def _unit_of(doc: Doc, unit: Candidate, parent: Candidate) -> bool:
        """«Службы государственного протокола | МИД Ольхии», «Сибирского центра агротехнологий |
        РАН», «ЦК | Народной партии Кедрии»: a unit NER read apart from the organisation it
        belongs to, named right after it by its acronym or in the genitive, is one name. Not
        two acronyms («ШОС БРИКС»: a list) nor a quoted name before a body («Кедр» Минэнерго)."""
        if parent.type != "ORG" or unit.source != "ner" or doc.text[unit.end:parent.start] != " ":
            return False
        unit_text = doc.text[unit.start:unit.end]
        if unit_text.endswith((QUOTES_CLOSE, '"')) or ACRONYM.fullmatch(unit_text):
            return False
        following = doc.tokens_in(parent.start, parent.end)
        if not following:
            return False
        if CYRILLIC_ACRONYM.fullmatch(following[0].text):
            return True  # «… РАН», «… МИД Ольхии»
        return parent.source in ("rule:org.place_in_name", "rule:org.descriptive_phrase") and \
            following[0].text[:1].isupper() and "Case=Gen" in following[0].feats

    @staticmethod
    def _body_for_region(doc: Doc, body: Candidate, region: Candidate) -> bool:
        if region.type != "LOC" or doc.text[body.end:region.start] != " по ":
            return False
        tokens = doc.tokens_in(region.start, region.end)
        return bool(tokens) and "Case=Dat" in tokens[0].feats

    @staticmethod
    def _person_from(doc: Doc, at: int) -> list[Token]:
        """The tokens of the NER person's span that opens at token ``at`` (none else)."""
        span = next((span for span in doc.ner_spans
                     if span.type == "PER" and span.start == doc.tokens[at].start), None)
        return [] if span is None else doc.tokens_in(span.start, span.end)

    @staticmethod
    def _in_person(doc: Doc, token: Token) -> bool:
        return any(span.type == "PER" and span.start <= token.start < span.end
                   for span in doc.ner_spans)

    def _holder_opens(self, doc: Doc, token: Token) -> bool:
        """A nominative first name the dictionary knows, with a capitalised word after it,
        right after a word in the genitive: the name of the person holding the post the
        body's phrase ends («главы Администрации … района Андрей Сидоренко»; «Фонда Владимира
        Кедрова» keeps its name)."""
        following = doc.tokens[token.token_id + 1] \
            if token.token_id + 1 < len(doc.tokens) else None
        return token.token_id > 0 and "Case=Nom" in token.feats \
            and "Number=Sing" in token.feats \
            and "Case=Gen" in doc.tokens[token.token_id - 1].feats \
            and following is not None and following.text[:1].isupper() \
            and following.text.isalpha() and self._dictionary_first_name(token) \
            and gazetteer().lookup(token.text) is None  # (not «Республики Филиппины»)

    def _mission_place(self, doc: Doc, last: int) -> int:
        """An embassy or mission keeps the country it is accredited in («Посольства КНР в
        РФ»): «в» and a capitalised place name right after the phrase, a town's «г.» or
        «городе» between («Генерального консульства КНР в г. Иркутске»)."""
        tokens = doc.tokens
        sentence = doc.sentences[tokens[last].sent_id]
        i = last + 1
        if i + 1 >= sentence.last_token or tokens[i].text != "в":
            return last
        start = i + 1
        while start < min(i + 3, sentence.last_token) and (
                tokens[start].text.rstrip(".") == "г" or tokens[start].text == "."
                or (tokens[start].lemma == "город" and tokens[start].text.islower())):
            start += 1
        end = last
        for j in range(start, min(start + 3, sentence.last_token)):
            if not tokens[j].text[:1].isupper() or tokens[j].pos not in ("PROPN", "ADJ", "NOUN") \
                    or self._in_person(doc, tokens[j]):
                break
            end = j
        return end if end > last and tokens[end].pos in ("PROPN", "NOUN") else last

    def _phrase_span(self, doc: Doc, head: Token, children: dict[int, list[int]]
                     ) -> tuple[int, int] | None:
        """The contiguous run of the head's modifiers (adjectives before it, genitive and
        prepositional modifiers after it) within its sentence."""
        allowed = {"amod", "nmod", "conj", "cc", "flat", "flat:name", "flat:foreign", "case",
                   "nummod", "punct", "det"}
        members = {head.token_id}
        stack = [head.token_id]
        while stack:
            parent = doc.tokens[stack.pop()]
            for child in children.get(parent.token_id, []):
                token = doc.tokens[child]
                if child in members:  # slovnet's trees may have cycles
                    continue
                if not self._joins_phrase(doc, parent, token, children, allowed):
                    continue
                members.add(child)
                stack.append(child)
        first = head.token_id
        while first - 1 in members:
            first -= 1
        last = head.token_id
        while last + 1 in members:
            last += 1
        while last > first and doc.tokens[last].pos in ("PUNCT", "CCONJ", "ADP"):
            last -= 1
        while first < head.token_id and doc.tokens[first].pos in ("PUNCT", "CCONJ", "ADP"):
            first += 1
        if head.text[:1].isupper():  # «влиятельного Комитета …»: the name starts capitalised
            while first < head.token_id and not doc.tokens[first].text[:1].isupper():
                first += 1
        # «… Кении и Министерства …»: a name does not open before a conjunction ahead of its head
        for k in range(first, head.token_id):
            if doc.tokens[k].pos == "CCONJ" or doc.tokens[k].text == ",":
                first = k + 1
        for dash in range(head.token_id + 1, last + 1):  # «Церковь — как институт»
            if doc.tokens[dash].text in ("—", "("):
                last = dash - 1
                break
        text = doc.text[doc.tokens[first].start:doc.tokens[last].end]
        if text.count(QUOTES_OPEN) != text.count(QUOTES_CLOSE) or "(" in text:
            return None
        return first, last

    def _with_genitive_complement(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«Московский институт инженеров | железнодорожного транспорта», «Высших курсах |
        сценаристов и режиссёров», «Национальной ассамблеи народной | власти»: NER cuts a
        name of ordinary capitalised words before the rest of its genitive chain; the
        lower-case genitive words right after it that hang on it (by the parse) are its own.
        Not a time or a place word («… прошлого века», «… страны»), nor into the next name."""
        for index, candidate in enumerate(chosen):
            if candidate.type != "ORG" or candidate.source not in DESCRIBED_UNIT_SOURCES:
                continue
            words = [t for t in doc.tokens_in(candidate.start, candidate.end) if t.pos != "PUNCT"]
            if not words or not words[0].text[:1].isupper() or not all(
                    t.text.islower() or t.pos == "ADJ" or self._no_name_reading(t)
                    for t in words):
                continue  # «Кедровский институт …», not «Газпром», «Иван Кедров»
            following = chosen[index + 1].start if index + 1 < len(chosen) else len(doc.text)
            place = following if index + 1 < len(chosen) and chosen[index + 1].type == "LOC" \
                else None
            end = self._genitive_chain_end(doc, words, following, place)
            if end > candidate.end:
                candidate.end = end
                candidate.source = "rule:org.genitive_complement"
        return chosen

    def _with_scope_complement(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«Международный трибунал | по бывшей Кедровии», «Ольховский совет | при губернаторе
        области»: NER cuts a name of ordinary words before the «по»/«при» phrase that says
        what the body is for or whom it serves; the phrase the parse
        hangs on the name's last noun is the name's own, a place in it too (ANNOTATION: flat).
        Not «по итогам», «по словам» (circumstance_nouns), nor over a person or another
        organisation («Нобелевский комитет при Кедровском институте»)."""
        taken: set[int] = set()
        for index, candidate in enumerate(chosen):
            if index in taken or candidate.type != "ORG" \
                    or candidate.source not in DESCRIBED_UNIT_SOURCES:
                continue
            words = [t for t in doc.tokens_in(candidate.start, candidate.end) if t.pos != "PUNCT"]
            if len(words) < 2 or words[-1].pos != "NOUN" or not words[0].text[:1].isupper() \
                    or any(t.pos == "ADP" for t in words) \
                    or not all(t.text.islower() or t.pos == "ADJ" or self._no_name_reading(t)
                               for t in words):
                continue  # «Кедровский совет», not «Газпром», a lone «Совет», nor a name that
                # has its phrase («агентством по управлению зонами | по г. Ольховке»)
            if self._title_field_after(doc, words[0], words[-1]):
                continue  # «проректор Кедровского университета | по науке»: the post's field
            end = self._scope_complement_end(doc, words[-1])
            if end is None:
                continue
            inside = [k for k in range(index + 1, len(chosen)) if chosen[k].start < end]
            if any(chosen[k].type != "LOC" or chosen[k].end > end for k in inside):
                continue
            taken.update(inside)
            candidate.end = end
            candidate.source = "rule:org.scope_complement"
        return [c for k, c in enumerate(chosen) if k not in taken]

    def _title_field_after(self, doc: Doc, first: Token, head: Token) -> bool:
        """Is the «по» phrase after a body's ``head`` the field of the post whose title stands
        right before the body's ``first`` word («проректор Кедровского университета по
        науке»)? Only for heads that are never named by a field (``fieldless_heads``)."""
        at, before = head.token_id + 1, first.token_id - 1
        return head.lemma in self.fieldless_heads and before >= 0 and at < len(doc.tokens) \
            and doc.tokens[at].lemma == "по" \
            and doc.tokens[before].lemma.lower() in self.post_titles

    def _scope_complement_end(self, doc: Doc, head: Token) -> int | None:
        """Where the «по»/«при» phrase right after a body's head noun ends, the phrase the
        parse hangs on that noun, up to a comma, a dash or a bracket; None where none such
        follows."""
        sentence = doc.sentences[head.sent_id]
        at = head.token_id + 1
        if at > sentence.last_token or at >= len(doc.tokens) \
                or doc.tokens[at].lemma not in SCOPE_PREPOSITIONS:
            return None
        governed = next((t for t in doc.tokens[at + 1:sentence.last_token + 1]
                         if t.pos != "ADJ"), None)  # «по [бывшей] Кедровии»
        if governed is None or governed.pos not in ("NOUN", "PROPN") or "." in governed.text \
                or governed.head_id != head.token_id or governed.rel != "nmod" \
                or governed.lemma in self.circumstance_nouns:
            return None
        below = {governed.token_id}
        for token in doc.tokens[governed.token_id + 1:sentence.last_token + 1]:
            if token.head_id not in below or token.text in (",", "—", "–", "(") \
                    or token.pos in ("VERB", "PRON", "DET"):
                break
            below.add(token.token_id)
        last = max(below)
        while doc.tokens[last].pos in ("PUNCT", "CCONJ", "ADP") and last > governed.token_id:
            last -= 1
        text = doc.text[head.start:doc.tokens[last].end]
        if text.count(QUOTES_OPEN) != text.count(QUOTES_CLOSE):
            return None
        return doc.tokens[last].end

    def _genitive_chain_end(self, doc: Doc, words: list[Token], limit: int,
                            place: int | None = None) -> int:
        """Where the lower-case genitive chain hanging on the name's words ends (at a noun),
        before ``limit``; the name's own end where none follows. A noun a name follows is
        that name's head («Высший совет | партии «Кедр»»), unless the name is a place found
        starting at ``place`` («штаба вооружённых сил Кедрии»: flat, the place joins the
        name next), and a noun after «и» one more of the chain's own («курсах сценаристов |
        и режиссёров»), not a second body («Совет и полпредства»)."""
        own = {t.token_id for t in words}
        chain: set[int] = set()
        sentence = doc.sentences[words[-1].sent_id]
        tokens = doc.tokens[words[-1].token_id + 1:sentence.last_token + 1]
        end = words[-1].end
        for k, token in enumerate(tokens):
            if token.text == "и" and token.pos == "CCONJ" and token.end <= limit:
                continue  # the noun after it says whether it goes on
            if token.end > limit or not token.text.islower() or len(token.text) <= 2 or \
                    token.lemma in self.org_complement_stop:
                break
            participle = token.pos == "VERB" and "VerbForm=Part" in token.feats
            if (token.pos not in ("NOUN", "ADJ") and not participle) \
                    or "Case=Gen" not in token.feats:  # «штаба | вооружённых сил»
                break
            if token.pos == "NOUN" and token.rel != "amod":  # «четвёртого» read as a noun
                after = tokens[k + 1] if k + 1 < len(tokens) else None
                if not self._hangs_on(token, own | chain, chain) or (
                        after is not None and _opens_a_name(after) and after.start != place):
                    break
                end = token.end
            chain.add(token.token_id)
        return end

    @staticmethod
    def _hangs_on(token: Token, heads: set[int], chain: set[int]) -> bool:
        """Is the noun a modifier of one of ``heads``, or coordinated («и») with a noun of
        the chain after the name?"""
        if token.rel == "conj":
            return token.head_id in chain
        return token.rel == "nmod" and token.head_id in heads

    def _place_into_org_names(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Flat: a place in the genitive right after an organisation's name is part of it
        («Министерства экономики … | Хоккайдо», «Ассоциации предприятий | города Дунгуань»)."""
        merged: list[Candidate] = []
        for candidate in chosen:
            previous = merged[-1] if merged else None
            if (previous is not None and previous.type == "ORG" and candidate.type == "LOC"
                    and not doc.text[previous.start:previous.end].endswith(QUOTES_CLOSE)
                    and not self._country_after_place(doc, previous, candidate)
                    and (self._genitive_place_follows(doc, previous, candidate)
                         or self._accredited_in(doc, previous, candidate))):
                previous.end = candidate.end
                previous.source = "rule:org.place_in_name"
                continue
            merged.append(candidate)
        return merged

    def _country_after_place(self, doc: Doc, org: Candidate, place: Candidate) -> bool:
        """«совета провинции Цзянси | КНР»: a name that ends in its place («провинции N»)
        leaves out the country named after it to say where that place is."""
        tokens = doc.tokens_in(org.start, org.end)
        return len(tokens) >= 2 and tokens[-2].lemma in self.place_descriptors and \
            tokens[-1].pos == "PROPN" and \
            doc.text[place.start:place.end].lower() in self.country_abbreviations

    def _with_listed_fields(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«Института востоковедения | , тюркологии и африканистики»: an organisation's name
        that ends in the field it is for, cut before the rest of the list of its fields
        (more lower-case nouns in the same genitive, closed by «и»), runs to the list's end."""
        starts = sorted(c.start for c in chosen)
        for candidate in chosen:
            tokens = doc.tokens_in(candidate.start, candidate.end)
            if candidate.type != "ORG" or len(tokens) < 2 or not self._a_field(tokens[-1]) \
                    or any(t.text == "и" for t in tokens) or not tokens[0].text[:1].isupper():
                continue  # (a name with «и» in it has its list already)
            end = self._end_of_field_list(doc, tokens[-1].token_id + 1)
            if end is None:
                continue
            following = next((s for s in starts if s >= candidate.end), None)
            if following is not None and following < doc.tokens[end].end:
                continue  # something else was found inside the list
            candidate.end = doc.tokens[end].end
            candidate.source = "rule:org.listed_fields"
        return chosen

    def _a_field(self, token: Token) -> bool:
        """A lower-case common noun in the genitive that can name a field («тибетологии»),
        not a person, post, body or place word."""
        if token.pos != "NOUN" or not token.text.islower() or "Animacy=Anim" in token.feats \
                or token.lemma in self.post_titles | self.place_descriptors | self.site_groups \
                or token.lemma in self.org_head_words:
            return False
        # the dictionary's reading: the tagger takes «тюркологии» for a nominative
        return any("NOUN" in p.tag and "gent" in p.tag and "anim" not in p.tag
                   for p in self.analyzer.parse(token.text))

    def _end_of_field_list(self, doc: Doc, at: int) -> int | None:
        """The last token of «, A, B и (adjectives) C» from token ``at``: fields, each a
        lower-case genitive noun; None where there is no such list."""
        sent = doc.tokens[at - 1].sent_id if at > 0 else -1
        i = at
        while i + 1 < len(doc.tokens) and doc.tokens[i].sent_id == sent:
            separator = doc.tokens[i].text
            if separator not in (",", "и"):
                return None
            j = i + 1
            while j < len(doc.tokens) and doc.tokens[j].pos == "ADJ" and \
                    doc.tokens[j].text.islower():
                j += 1
            if j >= len(doc.tokens) or not self._a_field(doc.tokens[j]):
                return None
            if separator == "и":
                return j
            i = j + 1
        return None

    def _with_branch_before(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """«Ольховского отделения | Китайского комитета …»: a branch named before the
        organisation it belongs to (its adjectives and the branch word) is part of the name;
        a place adjective among them is no place of its own."""
        dropped: set[int] = set()
        for candidate in chosen:
            tokens = doc.tokens_in(candidate.start, candidate.end)
            if candidate.type != "ORG" or not tokens or "Case=Gen" not in tokens[0].feats or \
                    (branch := _word_before(doc, tokens[0])) is None:
                continue
            if branch.lemma not in self.org_branch_heads or branch.pos != "NOUN" or \
                    branch.sent_id != tokens[0].sent_id:
                continue
            case = parse_feats(branch.feats).get("Case")
            first = branch.token_id
            while first > doc.sentences[branch.sent_id].first_token and \
                    doc.tokens[first - 1].pos == "ADJ" and \
                    parse_feats(doc.tokens[first - 1].feats).get("Case") == case:
                first -= 1
            if first == branch.token_id or not doc.tokens[first].text[:1].isupper():
                continue  # «отделения банка»: a branch named by its place only
            start = doc.tokens[first].start
            if any(c.start < start < c.end for c in chosen):
                continue
            dropped |= {id(c) for c in chosen if c is not candidate and start <= c.start
                        and c.end <= candidate.start}
            candidate.start = start
            candidate.source = "rule:org.branch_before"
        return [c for c in chosen if id(c) not in dropped] if dropped else chosen

    def _accredited_in(self, doc: Doc, org: Candidate, place: Candidate) -> bool:
        """«Посольства КНР | в РФ»: a mission's name keeps the country it works in."""
        tokens = doc.tokens_in(org.start, org.end)
        return bool(tokens) and tokens[0].lemma in self.mission_nouns and \
            doc.text[org.end:place.start] == " в "

    def _genitive_place_follows(self, doc: Doc, org: Candidate, place: Candidate) -> bool:
        between = doc.tokens_in(org.end, place.start)
        if doc.text[org.end:place.start].strip() and not all(
                t.lemma in self.place_descriptors for t in between):
            return False
        if "\n" in doc.text[org.end:place.start] or not (0 < place.start - org.end < 20):
            return False
        tokens = doc.tokens_in(place.start, place.end)
        org_tokens = doc.tokens_in(org.start, org.end)
        genitive = self._genitive_or_fixed
        org_ids = {t.token_id for t in org_tokens}
        # the place's head hangs on the name («Конституционный суд | Кедровой Республики»,
        # «Верховный суд | штата Кедровия»: through its descriptor)
        attached = any(t.rel == "nmod" and t.head_id in org_ids for t in between + tokens)
        named_by_head = (len(org_tokens) == 1 and org.source == "ner") or any(
            t.lemma in self.body_or_capitalised_nouns for t in org_tokens) or (
            org.source == "ner" and bool(org_tokens)
            and org_tokens[-1].lemma in self.org_assembly_nouns) or (
            org.source in NAMES_NER_FOUND and attached  # a state body's, not a company's
            and any(t.lemma in self.state_body_words for t in org_tokens))
        after_descriptor = bool(org_tokens) and not between and (
            org_tokens[-1].lemma in self.place_or_town_words  # «наукограда N»
            or (org_tokens[-1].lemma in self.state_form_nouns  # «… Государства | Катар»
                and org_tokens[-1].text[:1].isupper()))
        # («ТПП Алаплы Рамазан Коч»: a town cut off a holder's name is a body's genitive)
        return bool(tokens) and named_by_head and (
            attached or after_descriptor or genitive(tokens[0])
            or place.source == "rule:mend.place_before_name"
            or bool(between and genitive(between[0])))

    def _without_verb_after_place(self, phrase: list[Token], head: Token) -> list[Token]:
        """«министерства Кедровской области | прибыли»: a word after the place that ends the
        name and that the dictionary reads as a verb too is the sentence's verb, which the
        tagger took for one more genitive."""
        while len(phrase) > 2 and phrase[-1] is not head and phrase[-1].text.islower() and (
                phrase[-2].text[:1].isupper() or phrase[-2].lemma in self.place_descriptors) \
                and (any(p.tag.POS == "VERB" for p in self.analyzer.parse(phrase[-1].text))
                     # «в Министерстве … Республики Татарстан | гостей принял»: the visitors
                     or phrase[-1].lemma in self.group_heads
                     or phrase[-1].lemma in self.group_references):
            phrase = phrase[:-1]
        return phrase

    def _linear_span(self, doc: Doc, head: Token) -> tuple[int, int] | None:
        """The same phrase read left to right, for when the parse is wrong: agreeing
        adjectives before the head, then a chain of genitives, «по/для/при + noun» and
        «города + Name» after it («агентством по содействию внешней торговли города Сямынь»)."""
        tokens = doc.tokens
        sentence = doc.sentences[head.sent_id]
        head_case = parse_feats(head.feats).get("Case")
        first = head.token_id
        while first - 1 >= sentence.first_token and tokens[first - 1].pos == "ADJ" and \
                parse_feats(tokens[first - 1].feats).get("Case") == head_case:
            first -= 1
        last = head.token_id
        i = head.token_id + 1
        persons = [(span.start, span.end) for span in doc.ner_spans if span.type == "PER"]
        governed = False  # after «по/для/при»: adjectives, then the noun they govern
        named = False  # a place's name closes the name: «… РФ | по оценке возможностей»
        governed_case = None  # «по экономической политике, собственности и …»: one case
        place_name = False  # inside a place's name after its descriptor
        while i < sentence.last_token:
            token = tokens[i]
            place_name = place_name and last == i - 1
            feats = parse_feats(token.feats)
            if any(start <= token.start < end for start, end in persons):
                break  # «управлением Гергиева»: a person ends the name
            # (or a capitalised name the tagger read in another case whose every reading is
            # a genitive, right after the genitive: «Агентство развития Сэмангыма» in a list)
            if token.pos in ("NOUN", "PROPN") and (
                    feats.get("Case") == "Gen"
                    or (token.pos == "PROPN" and last == i - 1 and last > head.token_id
                        and token.text.isalpha() and CYRILLIC_LETTER.match(token.text)
                        and _case_readings(token.text) == {"gent"})) and \
                    token.lemma not in self.org_body_nouns | self.org_heads and not (
                        token.text[:1].isupper() and token.lemma in self.government_bodies):
                last = i
                named = named or token.text[:1].isupper()
            elif i == head.token_id + 1 and (self._name_in_apposition(tokens, head, token)
                                             or self._foreign_name_after(head, token)):
                last = i  # «в Университете Кедрополис»: the head's own name, in the nominative
                break
            elif token.pos == "ADJ" and feats.get("Case") == "Gen":
                pass  # must be followed by its noun to count
            elif _genitive_adjective(token) and tokens[i - 1].text == "и" \
                    and _genitive_adjective(tokens[i - 2]):
                pass  # «пищевой и перерабатывающей промышленности»: a participle listed
            elif token.pos == "ADP" and token.lemma in self.org_name_prepositions and \
                    not named and i + 1 < sentence.last_token and \
                    tokens[i + 1].pos in ("NOUN", "ADJ", "PROPN") and \
                    not self._in_person(doc, tokens[i + 1]) and \
                    not self._circumstance(token, tokens[i + 1]):
                governed = True  # «при Президенте …»: the tagger reads a capitalised noun as PROPN
            elif token.pos == "NOUN" and feats.get("Case") == "Dat" and last == i - 1 and \
                    tokens[i - 1].lemma in self.org_dative_nouns:
                last = i  # «содействия торговле»: a noun that governs the dative
            elif token.pos in ("NOUN", "ADJ", "PROPN") and governed and (
                    tokens[i - 1].lemma in self.org_name_prepositions
                    or tokens[i - 1].pos == "ADJ"
                    or tokens[i - 1].text in (",", "и")):  # «по иностранным делам»
                last = i if token.pos != "ADJ" else last
                governed = token.pos == "ADJ"
                if token.pos != "ADJ" and tokens[i - 1].text not in (",", "и"):
                    governed_case = feats.get("Case")
            elif token.text in (",", "и") and last == i - 1 and governed_case and \
                    self._coordinated_in_case(tokens, i + 1, sentence.last_token, governed_case):
                governed = True
            elif token.text == "." and last == i - 1 and i + 1 < sentence.last_token \
                    and tokens[i - 1].text.lower() in self.settlement_abbreviations \
                    and tokens[i + 1].pos == "PROPN":
                pass  # «правительства г. Маньчжурия»: the town's abbreviation, then its name
            elif token.pos == "PROPN" and (
                    tokens[i - 1].lemma in self.place_descriptors or (
                        place_name and last == i - 1 and token.text[:1].isupper()) or (
                        tokens[i - 1].text == "." and i >= 2
                        and tokens[i - 2].text.lower() in self.settlement_abbreviations)):
                last = i  # «провинции Кхань Хоа»: every word of the place's name
                place_name = True
                i += 1
                continue
            elif token.text in (",", "и") and last == i - 1 and \
                    self._listed_after(tokens[i - 1], head, token) and \
                    self._coordinated_genitive(tokens, i + 1, sentence.last_token):
                pass  # «экономики, торговли и промышленности»
            elif token.text in (",", "и") and i + 1 < sentence.last_token and all(
                    _genitive_adjective(t) for t in (tokens[i - 1], tokens[i + 1])):
                pass  # «малого и среднего предпринимательства»: adjectives of one noun
            elif last == i - 1 and self._place_before_holder(doc, token, persons):
                last = i  # «палаты Зонгулдака Мехмет Челик»: the body's town, then its holder
                break
            else:
                break
            i += 1
        if last == head.token_id and first == head.token_id:
            return None
        text = doc.text[tokens[first].start:tokens[last].end]
        if text.count(QUOTES_OPEN) != text.count(QUOTES_CLOSE):
            return None
        return first, last

    @staticmethod
    def _place_before_holder(doc: Doc, token: Token, persons: list[tuple[int, int]]) -> bool:
        """Is the word a place NER found alone, in a form that reads as a genitive, with a
        person's name right after it (the tagger read it a nominative beside the name)?"""
        following = token.token_id + 1
        return token.pos == "PROPN" and token.text[:1].isupper() and not token.text.isupper() \
            and following < len(doc.tokens) \
            and any(start == doc.tokens[following].start for start, _ in persons) \
            and any(span.type == "LOC" and span.start == token.start and span.end == token.end
                    for span in doc.ner_spans) \
            and "gent" in _case_readings(token.text)

    @staticmethod
    def _name_in_apposition(tokens: list[Token], head: Token, token: Token) -> bool:
        """A capitalised head in an oblique case and one capitalised name right after it in
        the nominative, with no second name word after («в Университете Кедрополис»,
        «с Фондом Ольха»): the name does not agree with the head, so it is the head's own."""
        following = tokens[token.token_id + 1] if token.token_id + 1 < len(tokens) else None
        return head.text[:1].isupper() and token.text[:1].isupper() and \
            not token.text.isupper() and token.pos == "PROPN" and \
            parse_feats(token.feats).get("Case") == "Nom" and \
            parse_feats(head.feats).get("Case") not in ("Nom", None) and \
            (following is None or not following.text[:1].isupper())

    def _foreign_name_after(self, head: Token, token: Token) -> bool:
        """«председатель совета университета Хуайхай»: a lower-case head in an oblique case
        and a word no dictionary knows that reads as an undeclined nominative (a foreign
        name, as «Цинхуа») is the head's own name."""
        case = parse_feats(token.feats).get("Case")
        return head.lemma in self.org_body_nouns and token.text[:1].isupper() \
            and not token.text.isupper() and token.text.isalpha() \
            and not self.analyzer.lexicon.is_word(token.text) \
            and parse_feats(head.feats).get("Case") not in ("Nom", None) \
            and is_indeclinable_foreign(token.text, case)

    def _coordinated_in_case(self, tokens: list[Token], i: int, stop: int, case: str) -> bool:
        """After «,» or «и» in a «по + noun» phrase: another noun of its case, its adjectives
        first («по экономической политике, собственности и земельным отношениям»)."""
        while i < stop and tokens[i].pos == "ADJ" and \
                parse_feats(tokens[i].feats).get("Case") == case:
            i += 1
        # the tagger often reads a dative «-и» («собственности») as prepositional
        cases = {case, "Loc"} if case == "Dat" else {case}
        return i < stop and tokens[i].pos == "NOUN" and \
            parse_feats(tokens[i].feats).get("Case") in cases and \
            tokens[i].lemma not in self.org_body_nouns | self.org_heads

    @staticmethod
    def _listed_after(word: Token, head: Token, separator: Token) -> bool:
        """Can a list of the name's fields go on after ``word`` and the comma? Not after the
        head itself nor after a proper name («Кедровского комитета, достижения …»,
        «университета Ольховии, сильнейшей …»: the sentence goes on)."""
        return separator.text != "," or (word is not head and word.text.islower())

    def _coordinated_genitive(self, tokens: list[Token], i: int, stop: int) -> bool:
        """After «,» or «и»: a genitive noun that is no organisation of its own, its
        adjectives first («экономики, торговли и промышленности», «инноваций и цифровых
        технологий»)."""
        number = parse_feats(tokens[i - 2].feats).get("Number") if i >= 2 else None
        opening = i
        while i < stop and _genitive_adjective(tokens[i]):
            i += 1
            if i + 1 < stop and tokens[i].text == "и" and _genitive_adjective(tokens[i + 1]):
                i += 1  # «пищевой и перерабатывающей промышленности»: adjectives of one noun
        if i > opening and i < stop and parse_feats(tokens[i].feats).get("Number") != number:
            return False  # «здравоохранения | и высших учебных заведений»: a list of its own
        # (nor people after things: «Министерства цифрового развития Монголии | и
        # представителей …»; «Ассоциации промышленников и предпринимателей» lists people)
        return i < stop and tokens[i].pos == "NOUN" and \
            parse_feats(tokens[i].feats).get("Case") == "Gen" and \
            not ("Animacy=Anim" in tokens[i].feats and opening >= 2
                 and "Animacy=Anim" not in tokens[opening - 2].feats) and \
            tokens[i].lemma not in self.org_body_nouns | self.org_heads | self.government_bodies

    def _joins_phrase(self, doc: Doc, parent: Token, token: Token,
                      children: dict[int, list[int]], allowed: set[str]) -> bool:
        """Does this modifier belong to the organisation's name?"""
        if token.lemma in self.org_phrase_stop:
            return False
        if token.rel == "appos":  # «города Дунгуань»: a name after a place descriptor
            return parent.lemma in self.place_descriptors and token.text[:1].isupper()
        if token.rel not in allowed:
            return False
        organisations = self.org_body_nouns | self.org_capitalised_nouns | self.org_heads | \
            self.government_bodies
        if token.rel == "conj" and (parent.lemma in organisations or token.lemma in organisations
                                    or parse_feats(token.feats).get("Case")
                                    != parse_feats(parent.feats).get("Case")):
            return False  # a second organisation, or not a coordinated modifier
        if token.pos in ("PRON", "DET", "VERB"):
            return False
        if token.rel == "nmod":
            if token.text[:1].isupper() and (
                    token.lemma in self.body_or_capitalised_nouns):
                return False  # a named organisation of its own («… Фонда Сколково»)
            prepositions = {doc.tokens[c].lemma for c in children.get(token.token_id, [])
                            if doc.tokens[c].rel == "case"
                            and parent.token_id < c < token.token_id}
            if prepositions & self.org_phrase_stop:
                return False
            if any(self._circumstance(doc.tokens[c], token) for c in children.get(
                    token.token_id, []) if doc.tokens[c].rel == "case"):
                return False  # «Агентство X по итогам переговоров», «… при поддержке Y»
        return True

    def _circumstance(self, preposition: Token, noun: Token) -> bool:
        """Do the preposition and the noun tell a circumstance («по итогам», «при поддержке»:
        ``circumstance_nouns``, ``signing_circumstance_nouns``), not what a body is for?"""
        return (preposition.lemma == "по" and noun.lemma in self.circumstance_nouns) or (
            preposition.lemma == "при" and noun.lemma in self.circumstance_phrase_nouns)

    def _country_anaphor(self, doc: Doc, token: Token) -> bool:
        """«Олимпийского комитета | страны»: a lower-case word for a country, one and no name
        about it, stands for the country the text names; no part of a name of two words
        before it (but «сотрудничеству со странами СНГ», «Республики Кедрия», «Кедровской
        республики» are; and «Правительство страны» names the body where nothing else
        would)."""
        if token.lemma not in self.country_anaphors or not token.text.islower() or \
                "Number=Plur" in token.feats:
            return False
        previous = _word_before(doc, token)
        if previous is not None and previous.pos == "ADJ" and previous.text[:1].isupper():
            return False
        following = doc.tokens[token.token_id + 1] if token.token_id + 1 < len(doc.tokens) \
            else None
        return following is None or not _opens_a_name(following)

    def _org_name(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """An organisation's mention is its name: «ООО «Орбита»» → «Орбита», quotes included;
        a name NER cut after its opening quote goes on to the closing one («ассоциацию
        предпринимателей «Баобаб»»)."""
        text = doc.text
        if text[start:end].endswith(QUOTES_OPEN):
            close = text.find(QUOTES_CLOSE, end, end + 60)
            if close != -1 and not any(c in text[end:close] for c in ("\n", QUOTES_OPEN, ".")):
                end = close + 1
        quote = text.find(QUOTES_OPEN, start, end)
        if quote > start:
            prefix = doc.tokens_in(start, quote)
            if prefix and all(t.text.lower() in self.org_heads or t.lemma in self.org_heads
                              or LEGAL_FORM.match(t.text) for t in prefix):
                start = quote  # «НВК «Узэкспоцентр»», «Госкорпорацией «N»»: a legal form, a head
            return start, end
        first_word = text[start:end].split(" ", 1)
        if len(first_word) == 2 and first_word[0].lower() in self.org_legal_forms and \
                first_word[1][:1].isupper():
            start += len(first_word[0]) + 1  # «ИА REGNUM» → «REGNUM»
        return start, end

    def _from_rules(self, doc: Doc) -> list[Candidate]:
        found = []
        for first, stop, patterns in self.anchors.sentence_runs(doc):
            spacy_doc = to_spacy(doc, self.vocab, self.token_attributes, first, stop)
            matcher = self._matcher(patterns)
            for match_id, start, end, alignment in matcher(spacy_doc, with_alignments=True):
                candidate = self._candidate(doc, self.rules[self.vocab.strings[match_id]],
                                            first + start, first + end, alignment)
                if candidate is not None and candidate.type == "PARK" \
                        and (quote := _after_plural_head(doc, first + start, first + end)):
                    # «оператор площадок «X»», «ассоциация технопарков «Y»»: the name is the
                    # body's the plural hangs on
                    candidate = Candidate(doc.tokens[quote].start, candidate.end, "ORG",
                                          "rule:mend.name_after_plural_park_noun", 0)
                if candidate is not None:
                    found.append(candidate)
        return found

    def _matcher(self, patterns: int):  # -> spacy Matcher
        """A Matcher of the rules whose bits are set in ``patterns`` (rule i: bit i): a
        sentence is matched only against the rules whose required words it holds."""
        matcher = self._matchers.get(patterns)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = self._matchers[patterns] = Matcher(self.vocab)
            for index, rule in enumerate(self.rules.values()):  # in the rules' order
                if patterns >> index & 1:
                    matcher.add(rule.id, [rule.pattern])
        return matcher

    def _plural_word_after_town_word(self, descriptor: Token, name: Token) -> bool:
        """«городом Тонами», «в префектуре Сакаями»: a name after a singular place
        descriptor that the dictionary reads only as the plural of a common noun (no place,
        no plural-only word) is a foreign name as written."""
        if descriptor.lemma.lower() not in self.place_descriptors \
                or "Number=Plur" in descriptor.feats or not name.text[:1].isupper():
            return False
        parses = [p for p in self.analyzer.parse(name.text) if p.tag.POS == "NOUN"]
        if not parses or any("plur" not in p.tag or {"Geox", "Pltm", "Name", "Surn"}
                             & set(p.tag.grammemes) for p in parses):
            return False
        # «в городе Песках»: a town the gazetteer knows by the plural («Пески») declines
        return not any(gazetteer().lookup(nominative.word) for p in parses
                       if (nominative := p.inflect({"nomn", "plur"})) is not None)

    def _genitive_of_noun(self, noun: Token, word: Token) -> bool:
        """Is the quoted one-word name after a noun its genitive, not its name in apposition
        («в состав «Оборонтехники»», «в офисе «Ладоги»», not «компании «Ольхмаш»»)? The tagger
        reads the name as a genitive where the noun is in another case, and the dictionary
        has the word only as a singular genitive (a word it lacks, as the tagger's singular
        genitive)."""
        if "Case=Gen" not in word.feats or "Case=Gen" in noun.feats or noun.pos != "NOUN" \
                or "-" in word.text:  # (a hyphened name after a head has its own rule)
            return False
        parses = [p for p in self.analyzer.parse(word.text) if p.tag.POS == "NOUN"]
        genitive = [p for p in parses if "gent" in p.tag and "sing" in p.tag]
        if not self.analyzer.lexicon.is_word(word.text):  # a guess: the tagger's reading
            return bool(genitive) and "Number=Sing" in word.feats
        return bool(parses) and len(genitive) == len(parses)

    @staticmethod
    def _candidate(doc: Doc, rule: EntityRule, start: int, end: int,
                   alignment: list[int]) -> Candidate | None:
        """A rule's match of tokens [start, end) as a candidate, cut as the rule keeps it."""
        first, last = start, end
        if rule.keep == "quoted":
            quoted = [i for i in range(start, end) if doc.tokens[i].text == QUOTES_OPEN]
            closing = [i for i in range(start, end) if doc.tokens[i].text == QUOTES_CLOSE]
            if quoted and closing:
                first, last = quoted[0], closing[-1] + 1
        for part in rule.keep.split(",") if rule.keep.startswith(("from:", "upto:")) else []:
            element = int(part.split(":", 1)[1])
            if part.startswith("from:"):
                inside = [start + k for k, el in enumerate(alignment) if el >= element]
                if inside:
                    first = inside[0]
            else:  # the elements from N on only look ahead: what must follow the name
                inside = [start + k for k, el in enumerate(alignment) if el < element]
                if inside:
                    last = inside[-1] + 1
        start_char, end_char = doc.tokens[first].start, doc.tokens[last - 1].end
        if "\n" in doc.text[start_char:end_char]:
            return None  # a name never runs across lines (a headline and the text after it)
        return Candidate(start_char, end_char, rule.label, f"rule:{rule.id}", rule.priority,
                         rule.normal)

    # -- mentions ----------------------------------------------------------------------------

    def _mention(self, doc: Doc, candidate: Candidate) -> Mention | None:
        tokens = doc.tokens_in(candidate.start, candidate.end)
        text = doc.text[candidate.start:candidate.end]
        if not text.strip():
            return None
        # The same name in the same grammatical shape recurs across a batch («Москвы»,
        # «Ленинградской области»): its normal form is computed once.
        first = tokens[0].token_id if tokens else 0
        previous = _word_before(doc, tokens[0]) if tokens else None
        mode = candidate.normal_mode
        if candidate.type in ("ORG", "PARK") and mode in ("phrase", "quoted") \
                and len(tokens) >= 3 and tokens[0].text == QUOTES_OPEN \
                and tokens[-1].text == QUOTES_CLOSE \
                and (head := _head_before_quoted_list(doc, tokens[0])) is not None \
                and _naming_head(head) and not self._genitive_of_noun(head, tokens[1]):
            mode = "quoted_as_written"  # «компаний «A» и «Борей»»: the head's apposition
        if candidate.type in ("ORG", "PARK") and len(tokens) == 3 and \
                tokens[0].text == QUOTES_OPEN and tokens[2].text == QUOTES_CLOSE and \
                mode in ("phrase", "quoted") and not (
                    previous is not None and _naming_head(previous)
                    and not self._genitive_of_noun(previous, tokens[1])):
            mode = "quoted_word"  # «при поддержке «Ольхатома»»: no head, the name inflects
        if candidate.type == "EVENT" and mode == "phrase" and not (
                previous is not None and _naming_head(previous)) and (
                (len(tokens) == 3 and tokens[0].text == QUOTES_OPEN
                 and tokens[2].text == QUOTES_CLOSE)
                or (len(tokens) == 1 and EDITION.fullmatch(tokens[0].text))):
            mode = "quoted_word"  # «на «Ольхпроме»», «на Ольхпроме-2030»: the name inflects
        if candidate.type == "LOC" and len(tokens) == 1 and previous is not None:
            if self._plural_word_after_town_word(previous, tokens[0]):
                mode = "as_is"  # «городом Тонами»: one town, not the plural of «тон»
            if previous.sent_id == tokens[0].sent_id:
                # «в Ольмбурге» the tagger may read as a nominative: the preposition's case
                tokens = [case_after_preposition(self.analyzer, tokens[0], previous)]
        shared_head = None
        if candidate.type == "LOC" and tokens:
            # «Омской и Оренбургской областей»: the bare adjective shares the head after it
            sentence = doc.sentences[tokens[-1].sent_id]
            shared_head = shared_region_head(
                tokens, doc.tokens[tokens[-1].token_id + 1:sentence.last_token][:40])
        elif candidate.type == "ORG" and tokens:
            # «Ольховского политехнического и … университетов»: the head shared after it
            sentence = doc.sentences[tokens[-1].sent_id]
            shared_head = shared_org_head(
                tokens, doc.tokens[tokens[-1].token_id + 1:sentence.last_token][:12],
                self.org_heads)
        context_case = None
        if candidate.type == "PER" and tokens:
            sentence = doc.sentences[tokens[0].sent_id]
            first_id, last_id = tokens[0].token_id, tokens[-1].token_id
            context_case = initials_surname_case(
                tokens, doc.tokens[max(sentence.first_token, first_id - 8):first_id],
                doc.tokens[last_id + 1] if last_id + 1 < sentence.last_token else None) \
                or lone_surname_case(
                    tokens, doc.tokens[first_id - 1] if first_id > sentence.first_token else None,
                    doc.tokens[last_id + 1:sentence.last_token][:2]) \
                or feminine_subject_case(tokens, next(
                    (doc.tokens[t.head_id] for t in tokens
                     if t.rel in ("nsubj", "nsubj:pass") and t.head_id >= 0), None)) \
                or feminine_name_case(self.analyzer, tokens, next(
                    (doc.tokens[t.head_id] for t in tokens[:1]
                     if t.rel == "appos" and t.head_id >= 0), None))
        # (the context's case goes with the mode: the memo keeps keys of that shape)
        mode_key = mode if context_case is None else f"{mode} {context_case}"
        key = (candidate.type, mode_key, text, tuple(
            (t.pos, t.feats, t.head_id - first if t.head_id >= 0 else -1, t.start - candidate.start)
            for t in tokens)) + ((shared_head,) if shared_head else ())
        normal = self._normal_forms.get(key)
        if normal is None:
            normal = normal_form(self.analyzer, text, tokens, candidate.type, mode, shared_head,
                                 context_case)
            if candidate.type == "LOC":
                normal = _region_in_its_dictionary_form(text, normal)
            if len(self._normal_forms) < NORMAL_FORM_CACHE:
                self._normal_forms[key] = normal
            if len(self._fresh_normal_forms) < NORMAL_FORM_CACHE:
                self._fresh_normal_forms[key] = normal
        if candidate.type == "ORG" and text.endswith("!"):
            # «Kedrhoo!»: one name with «Kedrhoo» where a sentence ends after it (one entity, key)
            normal = normal.removesuffix("!")
        sent_id = tokens[0].sent_id if tokens else doc.sentence_of(candidate.start)
        return Mention(candidate.start, candidate.end, candidate.type, text, normal,
                       candidate.source, sent_id)

    def _mend_resident_quoted_as_zone(self, doc: Doc) -> None:
        """«производство резидента ОЭЗ «Лассард»»: where the document names its zone
        otherwise, a quoted name after «резидент + ОЭЗ» is the resident company (ORG), but not
        after «статус резидента» (the status is the zone's to give). Residents in the plural
        («резиденты СЭЗ «Кедр»», «число резидентов ТОР «Ель»») are the zone's, and the quoted
        name is the zone's."""
        parks = [m for m in doc.mentions if m.type == "PARK"]
        for mention in parks:
            if mention.text.split()[0].lower() not in self.zone_abbreviations:
                continue
            before = doc.text[max(0, mention.start - 40):mention.start].lower().split()
            if not before or not any(before[-1].startswith(w) for w in self.resident_words):
                continue
            words = doc.tokens_in(max(0, mention.start - 40), mention.start)
            resident = [i for i, t in enumerate(words) if t.text.lower() == before[-1]]
            if resident and "Number=Plur" in words[resident[-1]].feats:
                continue
            if resident and resident[-1] > 0 \
                    and words[resident[-1] - 1].lemma in self.resident_status_nouns:
                continue  # «статус (реестр) резидентов ТОР «Ель»»: the zone's, not a company's
            if resident and self._apposed_to_a_company(doc, words[resident[-1]]):
                continue  # «АО «Кедр», резидент ОЭЗ «Ольховка», …»: Кедр is the resident
            quote = mention.text.find(QUOTES_OPEN)
            if quote <= 0 or not any(fold(other.normal) != fold(mention.normal)
                                     and self._names_a_zone(other)
                                     for other in parks if other is not mention):
                continue  # (another zone named, not any park: a technopark is no zone)
            # («особая экономическая зона «Ольховка»» … «резидентом ОЭЗ «Ольховка»»: the
            # zone's own name, whatever its type word)
            if any(quoted_name(other) == quoted_name(mention)
                   for other in parks if other is not mention and QUOTES_OPEN in other.text):
                continue
            mention.start += quote
            mention.text = doc.text[mention.start:mention.end]
            mention.type = "ORG"
            mention.normal = mention.text.strip("«»")
            mention.source = "rule:mend.resident_company"

    def _names_a_zone(self, mention: Mention) -> bool:
        """Does the park's name open with a zone's word («ОЭЗ», «особая экономическая
        зона»)?"""
        words = fold(mention.normal).split()
        return bool(words) and (words[0] in self.zone_abbreviations
                                or any(word in self.zone_words for word in words[:4]))

    @staticmethod
    def _apposed_to_a_company(doc: Doc, resident: Token) -> bool:
        """Is the resident word set off after a company's name («АО «Кедр», резидент …»)?"""
        before = doc.text[:resident.start].rstrip()
        return before.endswith(",") and before[:-1].rstrip().endswith(QUOTES_CLOSE)

    def _government_bodies_read_as_places(self, doc: Doc) -> None:
        """«Кедровским облисполкомом», «Ольховской городской администрации»: a place-typed name
        whose last word is a government body's noun (or, lower-case after other words, any
        body's head: «… федерального университета») is that body, an organisation."""
        for mention in doc.mentions:
            if mention.type != "LOC":
                continue
            words = _words_of(doc, mention)
            if words and words[-1].pos == "NOUN" and words[-1].lemma in self.government_bodies:
                mention.type = "ORG"
                mention.source = "rule:mend.government_body"
            elif len(words) > 1 and words[-1].pos == "NOUN" and words[-1].text.islower() \
                    and words[-1].lemma in self.org_heads:
                # «Казанского (Приволжского) федерального университета» read as a place: a
                # name whose last word is a body's noun is that body
                mention.type = "ORG"
                mention.normal = normal_form(self.analyzer, mention.text,
                                             doc.tokens_in(mention.start, mention.end), "ORG")
                mention.source = "rule:mend.body_read_as_place"

    def _residency_host_as_park(self, doc: Doc) -> None:
        """«стала резидентом «Кедрограда»», «статус резидента «Ольхограда»»: the name a resident
        word governs, right after it, is the park the company works in, whatever the tagger
        typed it (a one-word name read as a person's, «резидентом Ольхополиса», too), and so
        are its other mentions. Not after a person («Кедров, резидент «Клуба смеха»»: a performer's
        club), nor a place («налоговым резидентом Кипра»), nor a body by its head word («Фонда
        «Кедр»»)."""
        hosts: set[str] = set()
        for mention in doc.mentions:
            if mention.type not in ("ORG", "PER") or mention.text.isupper() \
                    or not self._after_a_resident_word(doc, mention) \
                    or _opens_a_list(doc, mention):
                continue  # an acronym is typed as its expansion; «резиденты «A» и «B»»: residents
            words = _words_of(doc, mention)
            if words and words[0].lemma.lower() in self.org_head_words:
                continue  # «резидентом Фонда «Кедр»»: a fund, a corporation is a body
            if mention.type == "PER" and (" " in mention.text.strip()
                                          or _read_as_a_name(mention.text)):
                continue
            hosts.add(fold(mention.normal))
        for mention in doc.mentions:
            if hosts and mention.type in ("ORG", "PER") and fold(mention.normal) in hosts:
                mention.type = "PARK"
                mention.source = "rule:mend.residency_host"

    def _after_a_resident_word(self, doc: Doc, mention: Mention) -> bool:
        """Does the mention follow a resident word directly, its clause about no person, and
        no word of ``resident_owner_words`` before it («нашего резидента «X»», «завод
        резидента «X»»: X is the resident)?"""
        before = doc.text[max(0, mention.start - 30):mention.start]
        word = re.search(r"(\w+)\s+$", before)
        if word is None or not word.group(1).lower().startswith(tuple(self.resident_words)):
            return False
        at = mention.start - len(before) + word.start(1)
        owner = [t for t in doc.tokens_in(max(0, at - 40), at) if t.text.isalpha()][-1:]
        if owner and owner[0].lemma.lower() in self.resident_owner_words:
            return False
        # «в зоне работает резидент «Ольховые системы»»: a name in the nominative beside a
        # resident word in the nominative is that resident, no host («— резидент
        # «Кедрограда»» stays the park's)
        resident = doc.tokens_in(at, at + len(word.group(1)))
        words = _words_of(doc, mention)
        if resident and words and "Case=Nom" in resident[0].feats \
                and not any("gent" in p.tag for p in word_parses(words[0].text)):
            return False
        earlier = [m for m in doc.mentions if m.sent_id == mention.sent_id and m.end <= at]
        return not earlier or max(earlier, key=lambda m: m.end).type != "PER"


def _read_as_a_name(word: str) -> bool:
    """Does the dictionary read the word as a first name, surname or patronymic?"""
    return any(NAME_GRAMMEMES & p.tag.grammemes for p in word_parses(word))


def _words_of(doc: Doc, mention: Mention) -> list[Token]:
    """The mention's words, without its quotes and punctuation."""
    return [t for t in doc.tokens_in(mention.start, mention.end) if t.text.isalpha()]


def _opens_a_list(doc: Doc, mention: Mention) -> bool:
    """Is the mention the first of names listed by a comma or «и» («резиденты «A» и «B»»:
    the names a resident word lists are the residents, not their park)?"""
    joint = re.match(r"\s*(?:,|и\b)\s*", doc.text[mention.end:])
    return joint is not None and any(
        other.start == mention.end + joint.end() and other.type in ("ORG", "PER")
        for other in doc.mentions)


def _naming_head(token: Token) -> bool:
    """A noun a quoted name may stand in apposition to, in the nominative whatever the
    noun's case («ГК «Ольхмаш»», «компании «Ольхмаш»»). A person («тренер «Ольхстона»»,
    «фанаты «Кедрика»») is named by no quoted name: the name after such a noun depends on
    it, in its own case."""
    return token.pos == "PROPN" or (token.pos == "NOUN" and "Animacy=Anim" not in token.feats)


# a town's name: a capitalised stem in «-ск»/«-цк», in any case of the singular («Кедровск»,
# «Кедровске», «Ольховецком»); a surname has an adjective's ending («Кедровский»)
TOWN_SHAPE = re.compile(r"([А-ЯЁ][а-яё-]+[сц]к)(?:а|у|ом|е)?")
LONG_TOWN_NAME = 8  # letters: a town the gazetteer lacks is taken by its shape from this long
# a company's compound name: capitals inside one word («СибБурМаш»), or a word on «-маш»
# (машиностроение: «Ольхонефтемаш») that no town's name ends in
COMPANY_COMPOUND = re.compile(r"[А-ЯЁ][а-яё]+(?:[А-ЯЁ][а-яё]+)+|[А-ЯЁ][а-яё]{2,}маш[а-яё]{0,3}")
# «ИП Кедрова А. В.», «ИП Кедров Иван Петрович»: a sole trader («индивидуальный
# предприниматель») and the person's surname with initials or full name
SOLE_TRADER = re.compile(r"ИП\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.?"
                         r"|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична)))")
LATIN_CAPS_NAME = re.compile(r"[A-Z][A-Z0-9]{2,}")  # «IDEX», «CIIF»: an event's short name
# ТОО, НВК, ГП, ОсОО before a quoted name: two capitals at least
# a foreign name of capitalised parts joined by a hyphen («Ляонин-Хуася»)
HYPHENED_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)+")
LEGAL_FORM = re.compile(r"^(?=(?:[^А-ЯЁ]*[А-ЯЁ]){2})[А-ЯЁ][А-ЯЁа-яё]{1,4}$")
COORDINATED_BEFORE = re.compile(r"(?:\sи|,)\s+$")
# how a Russian surname ends in the genitive («Кедрова», «Ольхина»)
SURNAME_GENITIVE = re.compile(r"(?:[оеё]ва|[иы]на)$")
NOMINAL_ADJECTIVE = re.compile(r"[а-яё]{3}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем"
                               r"|ой|ей|ую|юю|ых|их|ыми|ими)$")  # any case of an adjective
GENITIVE_ADJECTIVE = re.compile(r"[а-яё]{3}(?:ого|его|ой|ей)$")  # a singular's genitive
NOMINATIVE_ADJECTIVE = re.compile(r"[а-яё]{3}(?:ая|яя|ый|ые)$")
# a photo credit's opening, and what may stand between it and a name it credits
PHOTO_CREDIT = re.compile(r"(?:©|(?<![Нн]а )\b[Фф]ото(?:\s*:|\s+[—–-]\s|\s+предоставлен\w*|\s+из\b"
                          r"|\s+с сайта|\s+пресс-служб\w*)|\b[Ии]сточник\s*:)[^.!?\n«»]{0,40}$")
CUT_PARAGRAPH_MIN_CHARS = 150  # a last line this long with no final stop was cut off
STRAY_LINE_TYPES = frozenset({"ORG", "PER"})
STRAY_LINE_MAX_CHARS = 40  # a line this short with no final stop below the title is no text
STRAY_LINE_ENDING = re.compile(r"[.!?…»\"”;:,)]$")  # a sentence's or a list item's end
# a news agency credited in a dateline: «КУРСК, 2 июля. /Агентство/.», «Минск /Корр. Агентства/.»,
# «БИШКЕК, 28 авг — Агентство.», «Самара. 18 сентября. АГЕНТСТВО - …»
DATELINE_MAX_CHARS = 60  # a dateline opens its line: the credit stands this close to the start
# a dateline's town: «Минск», «Нижний Новгород», «С.-Кедровск», with its region after it
# («ПОСЕЛОК КЕДР /Ольхия/, 3 мая.»); in capitals «КУРСК», «НИЖНИЙ НОВГОРОД»
_REGION = r"(?:\s*/[А-ЯЁ][^/\n]{0,30}/)?"
_TOWN = rf"(?:[А-ЯЁ]\.-?\s?)?[А-ЯЁ][А-ЯЁа-яё]+(?:[ -][А-ЯЁ][А-ЯЁа-яё]+)?{_REGION}"
_TOWN_IN_CAPITALS = rf"(?:[А-ЯЁ]\.-?\s?)?[А-ЯЁ]{{2,}}(?:[ -][А-ЯЁ]{{2,}})*{_REGION}"
_DATE = r"\d{1,2}\s+[а-яё]{3,8}\.?(?:\s+\d{4}(?:\s*г\.?)?)?"  # its word a month (_is_month)
_CORRESPONDENT = r"[А-ЯЁA-Z][А-ЯЁа-яё]{0,4}\.?\s+"  # «/Корр. Агентства/»
# the whole of a line before a slashed credit is a dateline: a town in capitals (a date after
# it), a town and a date either way round, a date alone, a town and a correspondent's credit
SLASHED_CREDIT_BEFORE = re.compile(
    rf"\s*(?:{_TOWN_IN_CAPITALS}(?:[.,]\s*{_DATE}[.,]?)?\s*/(?:{_CORRESPONDENT})?"
    rf"|{_TOWN}[.,]\s*{_DATE}[.,]?\s*/(?:{_CORRESPONDENT})?"
    rf"|{_DATE}[.,]?\s*(?:{_TOWN}[.,]?\s*)?/(?:{_CORRESPONDENT})?"
    rf"|{_TOWN}\s*/{_CORRESPONDENT})")
# … before a credit after the date: «БИШКЕК, 28 авг — », «Самара. 18 сентября. »
DATED_CREDIT_BEFORE = re.compile(rf"\s*{_TOWN}[.,]\s*{_DATE}\s*(?:\.|[.,]?\s*[—–-])\s*")
DATE_WORD = re.compile(r"\d{1,2}\s+([а-яё]+)")
SLASHED_PAIR = re.compile(r"/[^/\n]+/")
NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\d{2}\.\d{2,4}\b")  # «СОГД, 23.07.2022 /…/»
DATELINE_WORD = re.compile(r"[^\W_][\w.:-]*")
# what ends a credit: its author's name or names, then a stop, slash, bracket, comma, dash
CREDIT_END = re.compile(r"»?(?:,?\s+[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?)*"
                        r"\s*(?:[./),]|\s[—–-]{1,2}\s|-\s|$)", re.M)
DATED_CREDIT_AFTER = re.compile(r"\s*(?:[.,]|[—–-]\s)")
DATELINE_DATE = re.compile(r",\s*\d{1,2}[\s.]")  # «МАГАС, 7 авг — …»: after a dateline's town
EDITION_YEAR = re.compile(r"[а-яё]-(?:19|20)\d\d$")
ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,6}")
CYRILLIC_ACRONYM = re.compile(r"[А-ЯЁ]{2,6}")
# what NER found, as it found it or with the genitive chain it cut off
NAMES_NER_FOUND = frozenset({"ner", "rule:org.genitive_complement"})
SCOPE_PREPOSITIONS = frozenset({"по", "при"})  # a body's field, the office it serves
# a name of ordinary words («Медицинского центра», «Московский институт инженеров») as NER
# or the capitalised-head rules read it
DESCRIBED_UNIT_SOURCES = frozenset({"ner", "rule:org.capitalised_adjective_head",
                                    "rule:org.capitalised_adjective_head_topic"})
ORG_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{3,6}")  # two letters («ВК», «ОК») name too much
TRAILING_INITIALS = re.compile(
    r"(?<=\s)[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")
# NER's «ЕГУ имени», «университета имени академика» without whose name it is
DANGLING_NAMED_AFTER = re.compile(r"\s+(?:им\.?|имени)(?:\s+[а-яё]+)?$")
# «им. Йозефа Бойса», «имени Анны Кедровой», «имени аль-Кедри»: the eponym's name
NAMED_AFTER = re.compile(r"\s+(?:им\.|имени)\s*(?:[а-яё]+\s+)?"
                         r"(?P<name>(?:[А-ЯЁ]\.\s?){0,2}(?:(?:аль|эль|ад|ар|ас|ат|ан|ибн)-)?"
                         r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
                         r"(?: [А-ЯЁ][а-яё]+(?:[ая]|ого|его|ой)(?![а-яё]))?")
BRACKETED_ACRONYM = re.compile(r" \(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]{0,8}[A-ZА-ЯЁ])\)")


# a university's acronym: «МГУ», «УрФУ», «КалмГУ», «ТвГТУ», «КазНТУ», «КазНУ», «СГУПСом» (-ГУ
# «государственный университет», -ТУ «технический», -ФУ «федеральный», -НУ «национальный»,
# -ГУПС «путей сообщения»)
UNIVERSITY_ACRONYM = re.compile(
    r"[А-ЯЁ][А-ЯЁа-яё]{0,5}(?:ГУ|[ГН]ТУ|ФУ|НУ|Г[ПМАЭ]У|ГУПС(?:а|у|е|ом)?)")
CAPITALS_WORD = re.compile(r"[А-ЯЁA-Z]{2,}")
CYRILLIC_LOWER = re.compile(r"[а-яё]")
LATIN_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]+")
LATIN_NAME_WORD = re.compile(r"[A-Za-z0-9][\w&.'-]*|&")  # a word of «Standard & Poor's»


def _park_name_is_subject(doc: Doc, candidate: Candidate) -> bool:
    """«В промышленный парк Kedr Motors инвестирует …»: a name after a park's head and right
    before a finite verb that has no subject of its own is that verb's subject (a company),
    not the park's name."""
    if candidate.source not in ("rule:park.typed_park_latin_name",
                                "rule:park.named_head_code_name"):
        return False
    tokens = doc.tokens_in(candidate.start, candidate.end)
    # the name: the words after the last one with a lower-case Cyrillic letter (the head),
    # on past the candidate while they run on («парк Kedr» of «парк Kedr Motors»)
    head = max(t.token_id for t in tokens if CYRILLIC_LOWER.search(t.text))
    after = tokens[-1].token_id + 1
    while after < len(doc.tokens) and LATIN_CAPITALISED.fullmatch(doc.tokens[after].text):
        after += 1
    if after >= len(doc.tokens) or "VerbForm=Fin" not in doc.tokens[after].feats:
        return False
    return _no_subject_but(doc, after, range(head + 1, after))


def _without_editions_inside_quoted_events(candidates: list[Candidate]) -> list[Candidate]:
    """«выставка «Индастри Истанбул Экспо-2025»»: the last word's year makes an edition of
    it (``event.name_year``), but the quoted name after the event noun is the whole name."""
    quoted = [c for c in candidates if c.source == "rule:event.head_quoted"]
    return [c for c in candidates if c.source != "rule:event.name_year" or not any(
        q.start < c.start and c.end <= q.end for q in quoted)]


def _event_name_is_subject(doc: Doc, candidate: Candidate) -> bool:
    """«На полях ярмарки «Кедрокомпозит» подписал контракт …», «В последний день выставки
    «Ольха Авиасервис» подписал …»: a quoted name after an event noun in an oblique case,
    right before a singular finite verb that has no subject of its own, is that verb's
    subject (a company), not the event's name (the event was named before)."""
    if candidate.source != "rule:event.head_quoted":
        return False
    tokens = doc.tokens_in(candidate.start, candidate.end)
    noun = tokens[0].token_id - 1
    if noun < 0 or "Case=Nom" in doc.tokens[noun].feats:
        return False  # «Выставка «X» открылась»: the noun is the subject
    after = tokens[-1].token_id + 1
    if after >= len(doc.tokens) or doc.tokens[after].pos != "VERB" \
            or "VerbForm=Fin" not in doc.tokens[after].feats \
            or "Number=Sing" not in doc.tokens[after].feats:
        # «На выставке «X» подписали …»: nobody in particular signed; «… «X» был
        # представлен потенциал …»: the subject comes after
        return False
    sentence = doc.sentences[doc.tokens[noun].sent_id]
    before = doc.tokens[sentence.first_token:noun]
    prepositions = {t.head_id for t in before if t.pos == "ADP"}
    if any(t.pos in ("NOUN", "PROPN", "PRON") and t.rel != "nmod" and t.token_id not in prepositions
           for t in before):
        # «Выступление … на форуме «X» собрало зал», «Кедровский край на форуме «X»
        # подписал …»: a word before the event's phrase, in no prepositional phrase, is the
        # subject
        return False
    name = [t for t in tokens if t.text not in (QUOTES_OPEN, QUOTES_CLOSE)
            and not tokens[0].token_id <= t.head_id <= tokens[-1].token_id]
    genders = [parse_feats(t.feats).get("Gender") for t in (*name[:1], doc.tokens[after])]
    if len(genders) == 2 and None not in genders and genders[0] != genders[1]:
        return False  # «… на форуме «Озёрный диалог» собрало …»: not its subject
    return _no_subject_but(doc, after, range(tokens[0].token_id, tokens[-1].token_id + 1))


def _no_subject_but(doc: Doc, verb: int, name: range) -> bool:
    """Has the verb no subject but, perhaps, words of the name before it (the parse may hang
    the name elsewhere: then it is the verb's subject all the same)?"""
    return not any(t.head_id == verb and t.rel.startswith("nsubj") for t in doc.tokens
                   if t.token_id not in name)


def _named_after_end(text: str, named: re.Match[str], chosen: list[Candidate]) -> int:
    """Where «имени …» ends: a person's name NER reads longer than the pattern is the
    eponym's whole («имени Ли Сан Ука»); a person NER reads as starting after the eponym's
    first word is someone else, named next («театра имени А. Кедрова | Анна Ольхова»)."""
    persons = [c for c in chosen if c.type == "PER" and named.start() < c.start < named.end()]
    later = [c.start for c in persons if c.start > named.start("name")]
    if later:
        return len(text[:min(later)].rstrip())
    return max([named.end()] + [c.end for c in persons if c.end > named.end()])


def _with_university_acronyms(doc: Doc, chosen: list[Candidate],
                              plain_word: Callable[[str], bool],
                              measures: frozenset[str]) -> list[Candidate]:
    """«ректор УрФУ», «знакомство с КалмГУ»: a university's acronym alone is an organisation,
    which NER reads as a place or a person or misses. Not inside a longer name («МГУ имени
    Ломоносова», «Технопарк КазНТУ»: that name stands), nor a common word in capitals
    («ПО ДОЛГУ»), nor one among words in capitals (a headline's), nor a machine's before its
    measure (``measures``: «ПГУ мощностью 400 МВт»)."""
    result = []
    for candidate in chosen:
        if candidate.type in ("LOC", "PER") and _university_acronym_at(
                doc, candidate.start, candidate.end, plain_word, measures):
            candidate = replace(candidate, type="ORG", source="rule:mend.university_acronym")
        result.append(candidate)
    for token in doc.tokens:
        if UNIVERSITY_ACRONYM.fullmatch(token.text) is None or any(
                c.start < token.end and token.start < c.end for c in chosen):
            continue
        if _university_acronym_at(doc, token.start, token.end, plain_word, measures):
            result.append(Candidate(token.start, token.end, "ORG",
                                    "rule:org.university_acronym", 0))
    return sorted(result, key=lambda c: c.start)


def _university_acronym_at(doc: Doc, start: int, end: int, plain_word: Callable[[str], bool],
                           measures: frozenset[str]) -> bool:
    """Is the text from ``start`` to ``end`` one university's acronym, with no word in
    capitals right before or after it, nor a machine's measure (``measures``) after it?"""
    tokens = doc.tokens_in(start, end)
    if len(tokens) != 1 or not UNIVERSITY_ACRONYM.fullmatch(tokens[0].text) \
            or plain_word(tokens[0].text):
        return False
    at = tokens[0].token_id
    neighbours = doc.tokens[max(0, at - 1):at] + doc.tokens[at + 1:at + 2]
    if at + 1 < len(doc.tokens) and doc.tokens[at + 1].lemma in measures:
        return False  # «ПГУ мощностью 400 МВт»: a power unit (a plant's machine) has a power
    return not any(CAPITALS_WORD.fullmatch(t.text) for t in neighbours)


def _governed_by_an_office(doc: Doc, mention: Mention,
                           office_nouns: set[tuple[str, ...]]) -> bool:
    """Does a word of an organisation's office or membership stand right before the
    mention («генсека ФСЭГ», «генерального секретаря Форума …», «лидер Конгресса …»)?"""
    tokens = doc.tokens_in(mention.start, mention.end)
    if not tokens:
        return False
    lemmas: list[str] = []
    before = _word_before(doc, tokens[0])
    while before is not None and len(lemmas) < 2:
        lemmas.insert(0, before.lemma.lower())
        if tuple(lemmas) in office_nouns:
            return True
        before = _word_before(doc, before)
    return False


def _events_run_as_bodies(doc: Doc, office_nouns: set[tuple[str, ...]]) -> None:
    """«генсек Форума стран-экспортёров соли», «лидер Кедровского народного конгресса»: a
    forum or a congress with a secretary-general, a leader, members or a headquarters is an
    organisation, not an event; so is every mention of its name and of its acronym (an
    acronym the text puts under such an office: «Форум … (ФСЭЛ) … генсек ФСЭЛ»)."""
    if not any(m.type == "EVENT" for m in doc.mentions):
        return
    governed = {m.text for m in doc.mentions if m.type in ("EVENT", "ORG")
                and _governed_by_an_office(doc, m, office_nouns)}
    bodies = {m.text for m in doc.mentions if m.type == "EVENT"
              and (m.text in governed or initials(m.normal) in governed)}
    bodies |= {initials(m.normal) for m in doc.mentions if m.text in bodies}
    for mention in doc.mentions:
        if mention.type == "EVENT" and mention.text in bodies:
            mention.type = "ORG"


def _park_acronym_repeats(doc: Doc) -> None:
    """An acronym a park's name gives in brackets («Парк высоких технологий (ПВТ)») names
    the park wherever else NER reads it as an organisation («резиденты ПВТ»); so does the
    code name after its head («технопарк КДМ-300 … КДМ-300 — бывший комбинат»)."""
    acronyms = {m.text for m in doc.mentions if m.source == "rule:park.acronym_in_brackets"}
    acronyms |= {m.text.split()[-1] for m in doc.mentions
                 if m.source == "rule:park.named_head_code_name"}
    for mention in doc.mentions:
        if mention.text in acronyms and mention.type == "ORG" and mention.source == "ner":
            mention.type = "PARK"
    add_repeats(doc, sorted(acronyms), "PARK", "rule:propagate.park_acronym")


def _org_acronym_repeats(doc: Doc, months: frozenset[str], dateline_words: frozenset[str],
                         common: frozenset[str]) -> None:
    """«ОАП посетила парк … руководитель проектов ОАП … ОАП видит»: an acronym in capitals
    the document names as an organisation once is that organisation wherever else it
    stands (NER tags one occurrence of several), but not in a byline or a credit. A legal
    form, head or generic word (``common``, lower case: «ООО», «ОЭЗ») names no one
    organisation, nor does a word the text names before an organisation's quoted name or
    glued to other words («НИИ «Кедр»», «ПЦР-тест»): it is a part of a longer name or phrase,
    not the name. (A repeat before a quoted name stays: an acronym the text names alone is
    an organisation's, «АКФ «Кедр»», as gold reads it.)"""
    acronyms = sorted({m.text for m in doc.mentions
                       if m.type == "ORG" and ORG_ACRONYM.fullmatch(m.text)
                       and m.text.lower() not in common
                       and not _part_of_a_longer_name(doc, m.start, m.end)})
    if not acronyms:
        return

    def skipped(start: int, end: int) -> bool:
        mention = Mention(start, end, "ORG", doc.text[start:end], doc.text[start:end], "")
        return _page_furniture(doc.text, mention, months, dateline_words) \
            or _glued(doc.text, start, end)

    add_repeats(doc, acronyms, "ORG", "rule:propagate.org_acronym", skipped)


BEFORE_A_QUOTED_NAME = re.compile(r"\s*[«\"“]")
GLUED_AFTER = re.compile(r"[-–/]\w")


def _page_furniture(text: str, mention: Mention, months: frozenset[str],
                    dateline_words: frozenset[str]) -> bool:
    """Is the mention in what a page puts around the article, no name of it: a photo credit,
    an agency's credit in a dateline, a stray line of navigation? (``dateline_words``: the
    lower-case words a dateline may hold.)"""
    return _in_photo_credit(text, mention) or _credit_in_dateline(text, mention, months) \
        or _credit_among_dateline_words(text, mention, months, dateline_words) \
        or _source_glued_at_line_end(text, mention) or _on_a_stray_line(text, mention)


def _part_of_a_longer_name(doc: Doc, start: int, end: int) -> bool:
    """«ООО «Кедр»», «НИИ «Ольха»», «ПЦР-тест»: a word in capitals right before an
    organisation's quoted name, or joined to the next word by a hyphen or slash, is a part
    of what it stands in."""
    text = doc.text
    quote = BEFORE_A_QUOTED_NAME.match(text, end)
    if quote is not None and any(m.type in ("ORG", "PARK") and m.start in (quote.end() - 1,
                                                                        quote.end())
                                 for m in doc.mentions):
        return True
    return _glued(text, start, end)


def _a_documents_title(mention: Mention) -> bool:
    """«ФЗ «О полиции»», «закон «Об ольховых лесах»»: a quoted name that opens with «О» or
    «Об» and a word in the prepositional says what a document is about; it names no
    organisation."""
    title = DOCUMENT_TITLE.match(mention.text)
    return mention.type == "ORG" and title is not None \
        and CASES["Loc"] in _case_readings(title.group(1))


def _glued(text: str, start: int, end: int) -> bool:
    """«ПЦР-тест», «ПАО «Кедр»/ПАО …», «экс-CEO»: a word joined to the next or the last by a
    hyphen or slash."""
    return GLUED_AFTER.match(text, end) is not None or (start > 0 and text[start - 1] in "-–/")


def _town_plant_of_a_quoted_company(doc: Doc, candidate: Candidate) -> bool:
    """«на Кстовском заводе «Ольха»»: a place's adjective and a bare head before a quoted
    name say where the company named in the quotes works; the quoted name is the name
    (as after «завод» alone), not the place and head before it."""
    if candidate.source not in ("rule:org.capitalised_adjective_head", "rule:org.compound_plant"):
        return False
    tokens = doc.tokens_in(candidate.start, candidate.end)
    following = tokens[-1].token_id + 1 if tokens else len(doc.tokens)
    # (a compound head alone: «Маслозавод «Алтайская нива»» at a sentence's start)
    return len(tokens) == (2 if candidate.source == "rule:org.capitalised_adjective_head" else 1) \
        and following < len(doc.tokens) and doc.tokens[following].text == QUOTES_OPEN


def _in_photo_credit(text: str, mention: Mention) -> bool:
    """«… переговоров. Фото: Пресс-служба администрации края», «Фото: Иван Петров © Кедр.RU»:
    a photo credit run into the article's text is not the article (boilerplate drops it
    only where it stands on a line of its own)."""
    line_start = text.rfind("\n", 0, mention.start) + 1  # (a credit ends at its line)
    return PHOTO_CREDIT.search(text, max(line_start, mention.start - 60),
                               mention.start) is not None


def _credit_in_dateline(text: str, mention: Mention, months: frozenset[str]) -> bool:
    """«ОЛЬХОВСК, 2 июля. /Агентство/. Губернатор …»: the agency a dateline credits is the
    page's byline, not the article (ANNOTATION.md: credits are not annotated); an agency the
    text cites («сообщает Агентство») stays. The dateline opens the line and the credit comes
    first after it: a list's «12 мая — «Кедр», 14 мая — «Ольха»», «10 компаний — «Кедр»» or
    «ПАО «Кедр»/ПАО «Ольха»» in running text names companies."""
    if mention.type != "ORG":
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    if mention.start - line_start > DATELINE_MAX_CHARS:
        return False
    before = text[line_start:mention.start]
    if not all(_is_month(word, months) for word in DATE_WORD.findall(before)):
        return False
    if SLASHED_CREDIT_BEFORE.fullmatch(before):
        return text.startswith("/", mention.end) or text[mention.end:mention.end + 2] == "»/"
    return DATED_CREDIT_BEFORE.fullmatch(before) is not None \
        and DATED_CREDIT_AFTER.match(text, mention.end) is not None


def _credit_among_dateline_words(text: str, mention: Mention, months: frozenset[str],
                                 dateline_words: frozenset[str]) -> bool:
    """«НОВОСИБИРСК, 15 апреля, Агентство. …», «(Ольховск, 4 мая, «Агентство», Иван Кедров).»,
    «Кедровская область, 13 мая, 2004, 18:53 — ИА Агентство.», «АГЕНТСТВО - 23 июл. …»,
    «КЕДРОВСК (Агентство) — …»: an organisation opening its line with nothing before it but
    a dateline's words (names, numbers, months, ``dateline_words``: a region's head word, «г.»)
    and a date before or just after it, and a credit's end after it (its author's name, then
    a stop, slash, bracket, comma, dash or the line's end), is the page's byline; one a
    sentence's words stand around («12 мая Минпромторг сообщил …») or a label opens
    («Расписание: 12 мая — Кедр, …») is the article's."""
    if mention.type != "ORG":
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start:mention.start]
    if len(before) > DATELINE_MAX_CHARS or ": " in before or not all(
            word[0].isupper() or word[0].isdigit() or _is_month(word.rstrip("."), months)
            or word in dateline_words for word in DATELINE_WORD.findall(before)):
        return False
    if SLASHED_PAIR.search(before):
        return False  # «Астана, 3 мая /Агентство/ — Компании «Кедр» …»: the credit was before
    after = CREDIT_END.match(text, mention.end)
    if after is None or (after.group().endswith("/") and before.count("/") % 2 == 0) \
            or (after.group().endswith(")") and before.count("(") <= before.count(")")):
        return False  # a slash or bracket after it opens an aside («Кедр» /КТЖ/), no credit's
    line_end = text.find("\n", after.end())
    following = text[after.end():min(after.end() + 12, len(text) if line_end < 0 else line_end)]
    return any(_is_month(month, months) for month in DATE_WORD.findall(before + " " + following)) \
        or NUMERIC_DATE.search(before) is not None


def _source_glued_at_line_end(text: str, mention: Mention) -> bool:
    """«… подписали соглашение.Агентство Новости»: an outlet glued to a sentence's stop and
    ending its line is the source a page appends, not the article."""
    if mention.type != "ORG" or mention.start == 0 or text[mention.start - 1] not in ".!?»\"":
        return False
    line_end = text.find("\n", mention.end)
    return not text[mention.end:len(text) if line_end < 0 else line_end].strip(" .")


def _is_month(word: str, months: frozenset[str]) -> bool:
    """«мая», «сентября», «июле», «авг», «сент»: a month's name (``months``: the lemmas of
    date_months), in a case or cut short; «компаний», «встреч» are not."""
    for month in months:
        stem = month[:-1] if month.endswith(("ь", "й")) else month
        if word == month or (word[:-1] == stem and word[-1] in "аяе") \
                or (3 <= len(word) < len(month) and month.startswith(word)):
            return True
    return False


def _on_a_stray_line(text: str, mention: Mention) -> bool:
    """«Информация о сайте ДВО РАН», «Kapital.kz», a byline: an organisation on a short line
    of its own below the title, not a sentence (no final stop) nor a list's item, is the
    page's furniture (ANNOTATION.md: site navigation and credits are not annotated)."""
    if mention.type not in STRAY_LINE_TYPES:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    # the items of a list a colon opens («В состав делегации вошли:\nминистр X\nмэр Y»), and
    # a line that names a post before the name, are text
    last = line_start - 2  # the last character before the line, past blank lines
    while last >= 0 and text[last].isspace():
        last -= 1
    # a quoted name alone on its line («"Кедр24"» under the text: the outlet's credit) ends
    # in a quote, which elsewhere may close a sentence
    alone = line == mention.text and line.endswith(("»", '"'))
    return line_start > 0 and len(line) < STRAY_LINE_MAX_CHARS \
        and (alone or STRAY_LINE_ENDING.search(line) is None) \
        and not line.startswith(LIST_BULLETS) \
        and not (last >= 0 and text[last] == ":") and not line[:1].islower()


INITIAL_BEFORE = re.compile(r"(?<!\w)[A-ZА-ЯЁ]\.\s?$")  # «Д.» or «Д. » before a surname, not «ООН.»


def _latin_name_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """The runs of capitalised Latin words in one sentence that no mention covers, as their
    first and last token."""
    runs: list[tuple[int, int]] = []
    t = 0
    while t < len(doc.tokens):
        if t in taken or not LATIN_PERSON_WORD.fullmatch(doc.tokens[t].text):
            t += 1
            continue
        last = t
        while last + 1 < len(doc.tokens) and last + 1 not in taken \
                and doc.tokens[last + 1].sent_id == doc.tokens[t].sent_id \
                and LATIN_PERSON_WORD.fullmatch(doc.tokens[last + 1].text):
            last += 1
        runs.append((t, last))
        t = last + 1
    return runs


ACRONYM = re.compile(r"[А-ЯЁ]{3,6}")


def _acronyms_spelt_out(doc: Doc) -> None:
    """«Российский экспортный центр организовал … РЭЦ помог …»: words no mention covers,
    the first capitalised, whose first letters spell an organisation's acronym the document
    names (three letters or more; «по», «и» left out) are that organisation in full (NER
    misses a name opening the text); not where the first word names a person («Министр
    иностранных дел» beside «МИД»)."""
    acronyms = {m.text for m in doc.mentions if m.type == "ORG" and ACRONYM.fullmatch(m.text)}
    if not acronyms:
        return
    taken = _tokens_taken(doc)
    tokens, added = doc.tokens, []
    for i, token in enumerate(tokens):
        if i in taken or not token.text[:1].isupper() or not token.text.isalpha() \
                or (token.pos == "NOUN" and "Animacy=Anim" in token.feats):
            continue
        words, j = [], i
        while j < len(tokens) and j not in taken and tokens[j].sent_id == token.sent_id \
                and tokens[j].text.isalpha() and len(words) < 6:
            if tokens[j].pos not in ("ADP", "CCONJ"):
                words.append(tokens[j])
                letters = "".join(w.text[0] for w in words).upper()
                if letters in acronyms and tokens[j].pos == "NOUN":
                    added.append(Mention(token.start, tokens[j].end, "ORG",
                                         doc.text[token.start:tokens[j].end],
                                         doc.text[token.start:tokens[j].end],
                                         "rule:org.acronym_spelt_out", token.sent_id))
                    break
                if not any(a.startswith(letters) for a in acronyms):
                    break
            j += 1
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


def _tokens_taken(doc: Doc) -> set[int]:
    """The indices of the tokens some mention of the document overlaps."""
    starts = [t.start for t in doc.tokens]
    taken: set[int] = set()
    for m in doc.mentions:
        j = max(bisect_right(starts, m.start) - 1, 0)
        while j < len(starts) and starts[j] < m.end:
            if doc.tokens[j].end > m.start:
                taken.add(j)
            j += 1
    return taken


def _beside_a_capitalised_word(doc: Doc, i: int) -> bool:
    """A capitalised word next to token ``i`` in its sentence and on its line: the two may
    be one longer name."""
    token = doc.tokens[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc.tokens) and doc.tokens[j].sent_id == token.sent_id \
                and doc.tokens[j].text[:1].isupper():
            left, right = sorted((token, doc.tokens[j]), key=lambda t: t.start)
            if "\n" not in doc.text[left.end:right.start]:
                return True
    return False


def _inside_quotes(text: str, at: int) -> bool:
    """Position ``at`` lies inside «…» opened on its line (a title's word)."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.count(QUOTES_OPEN) > line.count(QUOTES_CLOSE) or line.count('"') % 2 == 1


def _full_names_surnames(doc: Doc) -> dict[str, set[str]]:
    """The surnames of the persons the document names in full: folded → as written there."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for mention in doc.mentions:
        words = mention.normal.split()
        if mention.type == "PER" and len(words) >= 2 and words[-1][:1].isupper():
            surnames[fold(words[-1])].add(words[-1])
    return surnames


def _surname_of(word: str, surnames: dict[str, set[str]]) -> set[str]:
    """The surnames ``word`` is: the same word, or it with a case ending («Николаева» of
    «Николаев»), not a longer word («Хабаровск», «Хабаров»)."""
    folded = fold(word)
    return surnames.get(folded, set()) or next(
        (surnames[folded[:-len(ending)]] for ending in OBLIQUE_SURNAME_ENDINGS
         if folded.endswith(ending) and folded[:-len(ending)] in surnames
         and CONSONANT_END.search(folded[:-len(ending)])), set())


def _captions_a_named_person(text: str, mention: Mention, persons: list[tuple[int, int]]
                             ) -> bool:
    """«Иван Кедров», «Иван Кедров в 2010 году» on a short line of its own: a photo's
    caption names the person the article is about, whom the text names elsewhere too; a
    byline's author it does not name. Two captions run into one line («Иван Кедров Анна
    Ольхова») are no one person's name."""
    span = (mention.start, mention.end)
    return mention.type == "PER" and not _in_photo_credit(text, mention) \
        and _named_elsewhere(text, span, persons) and not _two_names_run_together(
            text, span, persons)


def _instrumental_pair(left: str, right: str) -> bool:
    """«Акылбеком» + «Токтогулом Ормонбаем»: two capitalised words in the instrumental
    ending of a man's name after a consonant are words of one name."""
    return all(len(w) > 4 and w[:1].isupper() and w[1:].islower()
               and consonant_stem_instrumental(w)
               for w in (left, right))


def _two_names_run_together(text: str, span: tuple[int, int],
                            persons: list[tuple[int, int]]) -> bool:
    """Does the span end in a name another span gives and the words before it are another
    name of two words or more the text gives (up to case)?"""
    words = SPACED_WORD.findall(text[slice(*span)])
    names = [SPACED_WORD.findall(text[start:end]) for start, end in persons]
    return any(0 < len(name) < len(words) and same_name(words[-len(name):], name)
               and any(len(other) >= 2 and same_name(words[:-len(name)], other)
                       for other in names)
               for name in names)


def _cut_off_at_the_end(text: str, mention: Mention) -> bool:
    """«…сообщает пресс-служба администрации Кра»: a text cut off in the middle of a word
    (a preview, a page saved short) ends in a paragraph with no final stop, or in an open
    quote; the name it ends with is cut too."""
    if mention.end != len(text.rstrip()) or mention.text.endswith(("»", ")")):
        return False
    line = text[text.rfind("\n", 0, mention.start) + 1:mention.end]
    return len(line) >= CUT_PARAGRAPH_MIN_CHARS or line.count("«") > line.count("»")


def mark_legal_forms(doc: Doc, legal_forms: set[str]) -> None:
    """An organisation's legal form right before its name («АО «Орбита»»), kept with the
    mention: keys tell the company from a park of its name by it; a bare quoted name the
    document took for its park of that name after a kind of company («девелопер «Каменка»,
    который управляет парком «Каменка»») is the company. (Not stored with the mentions: a
    re-run from the relations stage marks the stored mentions again.)"""
    for mention in doc.mentions:
        if mention.type not in ("ORG", "PARK"):
            continue
        found = LEGAL_FORM_BEFORE_NAME.search(doc.text[max(0, mention.start - 8):mention.start])
        words = doc.tokens_in(mention.start, mention.end)
        before = _word_before(doc, words[0]) if words else None
        if before is not None and before.text == QUOTES_OPEN:
            before = _word_before(doc, before)
        if mention.type == "PARK":
            if before is not None and before.lemma.lower() in legal_forms \
                    and mention.text.startswith(QUOTES_OPEN):
                mention.type, mention.legal_form = "ORG", before.lemma.lower()
            continue
        if found and found.group(1).lower() in legal_forms:
            mention.legal_form = found.group(1)
        elif before is not None and before.lemma.lower() in legal_forms \
                and mention.text.startswith(QUOTES_OPEN):
            mention.legal_form = before.lemma.lower()  # «девелопера «Каменка»»: a company
        elif (phrase := _legal_phrase_before(doc.text[max(0, mention.start - 30):mention.start],
                                             legal_forms)) is not None:
            # «группой компаний «Каменка»», as «ГК «Каменка»»: the phrase's initials
            mention.legal_form = "".join(word[0] for word in phrase.split()).upper()


LEGAL_PHRASE_STEM = 5  # the letters of each word a legal form of words is known by in any case


def _legal_phrase_before(text: str, legal_forms: Iterable[str]) -> str | None:
    """The legal form of several words (``org_legal_forms``: «группа компаний») that ends
    ``text`` right before a name, its words in any case («группой компаний «»), or None."""
    words = text.rstrip(" «\"").split()
    for form in (form for form in legal_forms if " " in form):
        wanted = form.split()
        written = [word.lower() for word in words[-len(wanted):]]
        if len(written) == len(wanted) and text.rstrip(" ").endswith(("«", '"')) and all(
                one[:LEGAL_PHRASE_STEM] == other[:LEGAL_PHRASE_STEM]
                for one, other in zip(written, wanted, strict=True)):
            return form
    return None


@lru_cache(maxsize=1)
def _region_word_after() -> re.Pattern[str]:
    """A region's head word in the genitive right after a body's name («Минпромторга
    республики»): ``places.region_head_genitives``."""
    return re.compile(r"[ \t]+(" + "|".join(region_head_genitives()) + r")\b")


# emoji and pictographs (not «№», «©» and the like, which names hold)
PICTOGRAPH = re.compile("[\u2190-\u21FF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF\uFE0F"
                        "\U0001F000-\U0001FFFF]")
# a Latin honorific opening a span, and the space after it («Mr. », «Dr », «Ms»)
LATIN_HONORIFIC = re.compile(r"([A-Z][a-z]{1,4})\.?(?:\s+|$)")
# a name in Latin letters (marked ones too): capitalised words, hyphened parts
# «Weimin», «Sung-ho», «El-Sayed», marked letters too («Milovanović», «Ozoliņš»)
LATIN_PERSON_WORD = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:-[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][a-zß-öø-ÿā-ž]+)?")
LATIN_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ž][A-Za-zÀ-ÖØ-öø-ž'’]*(?:-[A-Za-zÀ-ÖØ-öø-ž]+)*"
                       r"(?: [A-ZÀ-ÖØ-ÞĀ-ž][A-Za-zÀ-ÖØ-öø-ž'’]*(?:-[A-Za-zÀ-ÖØ-öø-ž]+)*)*")


def _before_a_symbol(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """NER's spans cut before a pictograph or other symbol («Арамом Григоряном 👀 Похоже»: a
    Telegram post's emoji ends the name); none left where the span opens with one. Not «№»."""
    kept = []
    for candidate in candidates:
        cut = next((found.start() for found in PICTOGRAPH.finditer(
            text, candidate.start, candidate.end)), None)
        if cut is not None:
            end = len(text[candidate.start:cut].rstrip()) + candidate.start
            if end <= candidate.start:
                continue
            candidate = replace(candidate, end=end)
        kept.append(candidate)
    return kept


def place_word_lemmas(rules: RuleSet) -> tuple[frozenset[str], frozenset[str]]:
    """The words before a place's name that make it the place (``mark_place_words``): a
    settlement's or feature's (lower case), a town's head's or people's (any case)."""
    def lowered(*names: str) -> frozenset[str]:
        return frozenset(word.lower() for name in names for word in rules.words(name))

    return (lowered("feature_descriptors", "settlement_descriptors", "town_descriptors"),
            lowered("town_head_posts", "town_people_nouns"))


def _dateline_places_in_capitals(doc: Doc) -> None:
    """«САМАРКАНД. В Самарканде …», «БИНЬЗЫОНГ, 12 марта —»: a dateline's place in capitals
    opening a line, before a full stop, a comma or a dash, that the gazetteer knows is that
    place (whatever NER read: a word in capitals looks like an organisation's letters)."""
    tokens = doc.tokens
    for i, token in enumerate(tokens):
        opens_line = i == 0 or "\n" in doc.text[tokens[i - 1].end:token.start]
        if not opens_line or not token.text.isupper() or len(token.text) < 3 \
                or not token.text.replace("-", "").isalpha():
            continue
        end = i
        while end + 1 < len(tokens) and tokens[end + 1].text.isupper() \
                and tokens[end + 1].text.replace("-", "").isalpha() and end - i < 2:
            end += 1
        if end + 1 >= len(tokens) or tokens[end + 1].text not in (".", ",", "—", "–"):
            continue
        written = doc.text[token.start:tokens[end].end]
        place = gazetteer().lookup(written.title())
        if place is None:
            continue
        doc.mentions = sorted([m for m in doc.mentions
                               if m.end <= token.start or m.start >= tokens[end].end]
                              + [Mention(token.start, tokens[end].end, "LOC", written,
                                         place.canonical, "rule:loc.dateline_capitals",
                                         token.sent_id)], key=lambda m: m.start)


# the words at most on each side of a spaced dash inside a region's name
DASHED_NAME_WORDS = 3


def _dashed_place_names(doc: Doc) -> None:
    """«Фриули — Венеция-Джулия», «Самегрело — Земо Сванети»: a region whose name news
    write with a spaced dash (NER reads two places, or a place and a person) is one place
    where the gazetteer knows the name joined by a hyphen."""
    tokens = doc.tokens
    for i, dash in enumerate(tokens):
        if dash.text != "—" or i == 0 or i + 1 >= len(tokens) \
                or tokens[i - 1].sent_id != tokens[i + 1].sent_id:
            continue
        # (past another spaced dash of the name: «Прованс — Альпы — Лазурный Берег»)
        first = i - 1
        while first > 0 and i - first < DASHED_NAME_WORDS * 2 \
                and (_capitalised(tokens[first - 1]) or (
                    tokens[first - 1].text == "—" and first > 1
                    and _capitalised(tokens[first - 2]))) \
                and tokens[first - 1].sent_id == dash.sent_id:
            first -= 1
        last = i + 1
        while last + 1 < len(tokens) and last - i < DASHED_NAME_WORDS * 2 \
                and (_capitalised(tokens[last + 1]) or (
                    tokens[last + 1].text == "—" and last + 2 < len(tokens)
                    and _capitalised(tokens[last + 2]))) \
                and tokens[last + 1].sent_id == dash.sent_id:
            last += 1
        if not _capitalised(tokens[i - 1]) or not _capitalised(tokens[i + 1]):
            continue
        # the longest run each side that the gazetteer knows joined («в Фриули — Венеции-
        # Джулии», not «Делегация Фриули — …»; the gazetteer reads a spaced dash as a hyphen)
        found = next(((start, end, place) for start in range(first, i)
                      for end in range(last, i, -1)
                      if _capitalised(tokens[start]) and _capitalised(tokens[end])
                      and (place := gazetteer().lookup(
                          doc.text[tokens[start].start:tokens[end].end])) is not None
                      and place.kind != "country"), None)
        if found is None:
            continue
        start, end, place = found
        begin, finish = tokens[start].start, tokens[end].end
        # (a person NER ran the name's last part into keeps the rest: «… — Эль-Хосейма |
        # Ильяс аль-Хаттаби»)
        rest = [Mention(after[0].start, m.end, "PER", doc.text[after[0].start:m.end],
                        doc.text[after[0].start:m.end], m.source, m.sent_id)
                for m in doc.mentions if m.type == "PER" and begin <= m.start < finish < m.end
                and (after := doc.tokens_in(finish, m.end))]
        doc.mentions = sorted([m for m in doc.mentions if m.end <= begin or m.start >= finish]
                              + rest
                              + [Mention(begin, finish, "LOC", doc.text[begin:finish],
                                         place.canonical, "rule:loc.dashed_name",
                                         dash.sent_id)], key=lambda m: m.start)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha()


def mark_place_words(doc: Doc, lemmas: frozenset[str], town_words: frozenset[str]) -> None:
    """A settlement's or natural feature's word right before a place's name («реки Карасу»,
    «города Ташсой»), or a town's head or people («мэр Чехова», «Жители Чехова»: ``town_words``,
    capitalised too), kept with the mention: the place, not a park named after it."""
    for mention in doc.mentions:
        tokens = doc.tokens_in(mention.start, mention.end) if mention.type == "LOC" else []
        before = _word_before(doc, tokens[0]) if tokens else None
        if before is not None and ((before.text.islower() and before.lemma in lemmas)
                                   or before.lemma in town_words):
            mention.place_word = before.text.lower()


def mark_region_words(doc: Doc) -> None:
    """A region's head word in the genitive right after an organisation's name
    («Минпромторга республики», «Минэкономики области»), kept with the mention."""
    for mention in doc.mentions:
        if mention.type == "ORG":
            found = _region_word_after().match(doc.text, mention.end)
            if found:
                mention.region_word = found.group(1).lower()


def _latin_name_after_head(phrase: list[Token], head: Token) -> list[Token]:
    """«агентства Reuters», «Корпорация Zandex»: a head with only a name in Latin script after
    it (its adjectives before it) is a generic head in apposition, no part of the name, as
    before a quoted name; the mention is the Latin name."""
    after = [t for t in phrase if t.token_id > head.token_id]
    if not after or not LATIN_CAPITALISED.match(after[0].text) or not all(
            LATIN_NAME_WORD.fullmatch(t.text) for t in after):
        return phrase
    return after


# above the rules of a quoted name after an institution's word (org.institution_quoted, 5)
QUOTED_NAME_PRIORITY = 6


def _place_of_members(doc: Doc, body: Candidate, place: Candidate) -> bool:
    """«Ассоциации промышленников | Бурсы»: NER cuts a body named by its members (a plural
    genitive noun last) before the place (or body) they are of; one capitalised word
    right after it is the body's name too («Ассоциация предприятий Вандеи», «Конфедерация
    предпринимателей Оуренсе»: a place inside a body's name is no mention of its own)."""
    words = doc.tokens_in(body.start, body.end)
    named = doc.tokens_in(place.start, place.end)
    return place.type in ("ORG", "LOC") and len(named) == 1 and bool(words) \
        and doc.text[body.end:place.start] == " " and words[-1].text.islower() \
        and words[-1].pos == "NOUN" and "Number=Plur" in words[-1].feats \
        and "Case=Gen" in words[-1].feats and named[0].text[:1].isupper() \
        and named[0].text[1:].islower() and named[0].text.isalpha()


def _with_quoted_name(doc: Doc, last: Token, end: int) -> int:
    """Where a body's descriptive name ends that its own quoted name follows
    right after («Корпорации морских портов «Сира»», «Управление портов и гаваней
    «Вольта-Марин»»): past the closing quote (of a name of up to six words, capitalised, in
    the sentence); ``end`` else."""
    tokens = doc.tokens
    opening = last.token_id + 1
    if opening + 2 >= len(tokens) or tokens[opening].text != QUOTES_OPEN \
            or not tokens[opening + 1].text[:1].isupper():
        return end
    depth = 0
    for t in range(opening, min(opening + 9, len(tokens))):
        if tokens[t].sent_id != last.sent_id:
            return end
        depth += (tokens[t].text == QUOTES_OPEN) - (tokens[t].text == QUOTES_CLOSE)
        if depth == 0:
            return tokens[t].end
    return end


def _with_bracketed_name(doc: Doc, phrase: list[Token], head: Token) -> int:
    """Where a body's name ends that closes with a place whose name goes on in brackets
    («Министерства экономики Республики Саха (Якутия)»): past the brackets where the place
    with them is one the gazetteer knows; at the phrase's end else."""
    end = phrase[-1].end
    bracketed = BRACKETED_WORD.match(doc.text, end)
    if bracketed is None:
        return end
    for token in phrase:
        if token.token_id > head.token_id and token.text[:1].isupper() \
                and gazetteer().lookup(doc.text[token.start:bracketed.end()]) is not None:
            return bracketed.end()
    return end


def _place_then_person(doc: Doc, tokens: list[Token]) -> int | None:
    """Where a place's span ends that NER ran into a person's name: its first words are
    written alone elsewhere in the document (not followed there by the rest), two or three
    capitalised words follow them, and a title's word stands right before the span
    («провинции Восточная Ява Дьюи Лестари» beside «провинции Восточная Ява»); None else."""
    if len(tokens) < 3 or tokens[0].token_id < 1 \
            or not doc.tokens[tokens[0].token_id - 1].text.islower():
        return None
    for split in range(len(tokens) - 2, 0, -1):
        rest = tokens[split:]
        if len(rest) > 3 or not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                                    for t in rest):
            continue
        place = doc.text[tokens[0].start:tokens[split - 1].end]
        alone = [m.end() for m in re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", doc.text)
                 if m.start() != tokens[0].start]
        if any(not doc.text[at:].lstrip()[:1].isupper() for at in alone):
            return split
    return None


def _without_latin_tail(text: str, start: int, end: int) -> int:
    """The end of a person's name in Cyrillic letters before Latin words NER ran it into
    («#губернаторВаснецов Source:» → «Васнецов»); a name all in Latin letters stays."""
    if "(" in text[start:end]:
        return end  # («Джэймс Коми (James B. Comey)»: a name and its Latin spelling)
    words = list(re.finditer(r"\S+", text[start:end]))
    cyrillic = [bool(CYRILLIC_LETTER.search(w.group())) for w in words]
    # (a Roman numeral stays: «Елизавета II»)
    while len(cyrillic) > 1 and not cyrillic[-1] and any(cyrillic) \
            and LATIN_LOWER_LETTER.search(words[-1].group()):
        cyrillic.pop()
        words.pop()
    return start + words[-1].end() if words else end


def _without_verb_at_the_end(doc: Doc, start: int, end: int, analyzer: Analyzer) -> int:
    """The end of an NER span without the lower-case finite verbs it ran into
    («Университета Нурова посетила»: the name ends before the verb); a verb by the tagger and
    by the dictionary both (the tagger reads «аймака» as one)."""
    tokens = doc.tokens_in(start, end)
    while len(tokens) > 1 and tokens[-1].text.islower() and tokens[-1].pos in ("VERB", "AUX") \
            and "VerbForm=Fin" in tokens[-1].feats \
            and analyzer.parse(tokens[-1].text)[0].tag.POS == "VERB":
        tokens = tokens[:-1]
        end = tokens[-1].end
    return end


def _latin_company_pattern(legal_forms: list[str]) -> re.Pattern[str]:
    """Capitalised Latin words (a bracketed one among them) ending in a legal form; their
    letters may carry marks («Yıldız Kompozit A.Ş.», «Škoda Auto a.s.»)."""
    word = rf"[{LATIN_UPPER}][{LATIN_LETTERS}0-9&'’.\-]*"
    # (written in capitals too: «SICHUAN HUALONG TRADE CO., LTD»)
    forms = "|".join(sorted({re.escape(written) for f in legal_forms
                             for written in (f, f.upper())}, key=len, reverse=True))
    return re.compile(
        rf"(?<![{LATIN_LETTERS}]){word}(?:(?: | ?[–—-] | \(|\) ){word}\)?)*"
        rf"(?:,? (?:Co|CO)\.?,?)? (?:{forms})(?:\.(?=[ ,;)]*[a-zа-яё]))?(?![{LATIN_LETTERS}])")


# a pronoun's, a conjunction's, a particle's, a preposition's or an adverb's reading
FUNCTION_WORD_GRAMMEMES = frozenset({"NPRO", "CONJ", "PRCL", "PREP", "ADVB", "Apro"})
# Latin letters with and without marks (Latin-1 and Latin Extended-A, Romanian «ș», «ț»)
LATIN_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſȘȚ"
LATIN_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſȘșȚț"
# a Latin name in a wiki's italics, doubled apostrophes: «''The Kedr Post''»
WIKI_QUOTED_LATIN = re.compile(r"''([A-Z][A-Za-zÀ-ÿ0-9&.,!’ -]{0,60}[A-Za-zÀ-ÿ0-9.!])''")
CLAUSE_PARTS_OF_SPEECH = frozenset({"VERB", "AUX", "PRON"})  # a clause, not a name
# another name of an organisation in brackets at the end of its NER span, the bracket
# closed or not: «(Организации стран …)», «(«Ольха»)», «(S&P)»
BRACKETED_NAME = re.compile(r"\s+\(\s*([«\"]?[A-ZА-ЯЁ][^()]*?)\)?$")
# an abbreviation or a one-word short name in brackets closing a name (the tagger may drop
# the closing bracket): «(ОАС)», «(РосОЗ)», «(Росольха»
ABBREVIATION_IN_BRACKETS = re.compile(
    r"\s*\(([A-ZА-ЯЁ](?:[A-ZА-ЯЁ0-9\-]{1,9}|[а-яё]{1,3}[A-ZА-ЯЁ][A-ZА-ЯЁа-яё]{0,8}"
    r"|(?P<word>[а-яё]{3,20})))\)?$")


PERSON_SEPARATOR = re.compile(r"[(),;]")
# a one-word aside in brackets inside a name, more of the name after it: «Арсен (Арсений) Кедров»
ASIDE_IN_A_NAME = re.compile(r"\(\w+\)(?=\s+\w)")
SPACED_WORD = re.compile(r"\S+")
NAME_PARTICLE_MAX_CHARS = 4  # «бин», «de», «van» between the capitalised words of a name


def _person_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of a person's NER span run across lines that read as a name and name
    someone the document's other person spans name (by the last word, up to its case)."""
    elsewhere = [(span.start, span.end) for span in doc.ner_spans if span.type == "PER"
                 and "\n" not in doc.text[span.start:span.end]]
    pieces = []
    for line in re.finditer(r"[^\n]+", doc.text[start:end]):
        piece = _trim(doc.text, start + line.start(), start + line.end())
        if piece[1] > piece[0] and _reads_as_a_name(doc.text[slice(*piece)]) \
                and _named_elsewhere(doc.text, piece, elsewhere):
            pieces.append(piece)
    return pieces


def _named_elsewhere(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Does one of ``others`` (spans of persons) off the span's line end in its last word,
    up to the case ending («Кедров» ~ «Кедрова»)?"""
    last = SPACED_WORD.findall(text[slice(*span)])[-1:]
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    on_its_line = range(line_start, len(text) if line_end < 0 else line_end)
    return any(start not in on_its_line
               and same_name(last, SPACED_WORD.findall(text[start:end])[-1:])
               for start, end in others)


def _closed_by_company_words(mention: Mention, tails: frozenset[str]) -> list[str]:
    """The words of a name that words closing a foreign company's name end (``key_company_
    tail_words``: «Йылдыз Композит», «Хуатай Машинери»), or none."""
    words = quoted_name(mention).strip("«»\"").split()
    return words if len(words) >= 2 and all(fold(w) in tails for w in words[1:]) else []


def _genitive_adjective(token: Token) -> bool:
    """An adjective or a participle in the genitive («пищевой», «перерабатывающей»)."""
    return (token.pos == "ADJ" or (token.pos == "VERB" and "VerbForm=Part" in token.feats)) \
        and parse_feats(token.feats).get("Case") == "Gen"


# «Техносплав-Волга», «Камснаб-Логистик»: capitalised parts joined by hyphens
HYPHENED_NAME = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)+")


def _federal_agency_word(word: str, prefixes: set[str]) -> bool:
    """«Росэталон», «Росстандарта»: a capitalised ``federal_agency_prefixes`` word («Рос»)
    before a common inanimate noun the dictionary knows (a federal agency's name; not
    «Ростислав», «Росляков»)."""
    if not word[:1].isupper():
        return False
    return any(word.lower().startswith(prefix) and len(rest := word[len(prefix):].lower()) >= 4
               and dictionary().word_is_known(rest)
               and any(p.tag.POS == "NOUN" and "inan" in p.tag for p in word_parses(rest))
               for prefix in prefixes)


def _chinese_genitive(word: str) -> bool:
    """«Фуюаня», «Харбина»: a Chinese name of two syllables or more in the genitive (its
    nominative spelt in Chinese syllables, the word itself not)."""
    if not word[:1].isupper() or spelt_in_syllables(word):
        return False
    return any(word.endswith(ending) and len(stem := word[: -len(ending)] + instead) >= 4
               and spelt_in_syllables(stem)
               for ending, instead in CHINESE_CASE_ENDINGS if ending in ("я", "а"))


def _person_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A person's NER span cut at its brackets (opened, closed or both), commas and
    semicolons — not at the brackets of an aside inside the name: the first piece (the name
    NER found), and every later one that reads as a name of its own."""
    pieces: list[tuple[int, int]] = []
    asides = [m.span() for m in ASIDE_IN_A_NAME.finditer(text, start, end)]
    bounds = [start, *(m.start() for m in PERSON_SEPARATOR.finditer(text, start, end)
                       if not any(left <= m.start() < right for left, right in asides)), end]
    for left, right in pairwise(bounds):
        left += left > start  # past the separator
        piece = _trim(text, left, right)
        if piece[1] > piece[0] and (not pieces or _reads_as_a_name(text[slice(*piece)])):
            pieces.append(piece)
    return pieces


def _reads_as_a_name(text: str) -> bool:
    """«David Ebersman», «Сами аль-Хадж», «Мегат Шахдан бин Абдул Самад»: capitalised words,
    short particles between them; not an acronym («РПЦ МП»), no number."""
    words = SPACED_WORD.findall(text)
    if not words or any(c.isdigit() for c in text) or all(w.isupper() for w in words):
        return False

    def capitalised(word: str) -> bool:
        return any(part[:1].isupper() for part in word.split("-"))

    return capitalised(words[0]) and capitalised(words[-1]) and all(
        capitalised(w) or (w.isalpha() and len(w) <= NAME_PARTICLE_MAX_CHARS)
        for w in words[1:-1])


def _split_abbreviation(text: str, candidate: Candidate | None, is_word: Callable[[str], bool],
                        ends_as_toponym: Callable[[str], bool]) -> list[Candidate]:
    """«Агентства инвестиционного развития (АИР)», «Федерального агентства по ольхам
    (Росольха)» are two mentions of one entity: the name and its short name."""
    if candidate is None:
        return []
    found = ABBREVIATION_IN_BRACKETS.search(text, candidate.start, candidate.end)
    if found is None or found.start() == candidate.start:
        return [candidate]
    if found.group("word") and (is_word(found.group(1)) or ends_as_toponym(found.group(1))):
        # «(Китай)», «(Москва)»: a dictionary word is no short name, nor a word that ends as
        # a town's name («Компания «Кедр» (Ольховск)»: where it is)
        return [candidate]
    name = Candidate(candidate.start, found.start(), candidate.type, candidate.source,
                     candidate.priority, candidate.normal_mode)
    # «саммит Ольховской организации (ООС)»: the abbreviation is the body's, not the summit's
    summit = candidate.source == "rule:mend.summit_of_body"
    abbreviation = Candidate(found.start(1), found.end(1), "ORG" if summit else candidate.type,
                             "ner" if summit else candidate.source, candidate.priority, "as_is")
    return [name, abbreviation]


def _split_bracketed_name(doc: Doc, candidate: Candidate, is_word: Callable[[str], bool],
                          ends_as_toponym: Callable[[str], bool]) -> list[Candidate]:
    """«ОПЕК (Организации стран — экспортёров нефти)», «Olkh Airlines («Ольха»)»: an
    organisation's NER span run on into another name of it in brackets is two mentions, the
    name and the other name (ANNOTATION.md: flat). A bracket opened in lower case belongs to
    the name («Фонд чистого («зелёного») климата»); a one-word dictionary word or town in
    brackets is no name of the organisation («(Центробанк)», «(Ольховск)»), nor a clause
    («(Центр возглавлял …»): cut off alone. ``coreference.parenthesised_aliases`` joins the
    two names into one entity."""
    text = doc.text
    found = BRACKETED_NAME.search(text, candidate.start, candidate.end)
    if candidate.type != "ORG" or found is None or found.start() == candidate.start:
        return [candidate]
    name_end = _balance_quotes(text, candidate.start, found.start())[1]
    name = Candidate(candidate.start, name_end, "ORG", candidate.source, candidate.priority,
                     candidate.normal_mode)
    start, end = _balance_quotes(text, *_trim(text, *found.span(1)))
    other = text[start:end].strip("«»\"")
    if end <= start or (" " not in other and (is_word(other) or ends_as_toponym(other))) \
            or any(t.pos in CLAUSE_PARTS_OF_SPEECH for t in doc.tokens_in(start, end)):
        return [name]
    return [name, Candidate(start, end, "ORG", candidate.source, candidate.priority)]


def _chinese_person_tail(tokens: list[Token]) -> bool:
    """Do the last two words read as a Chinese person's name (a surname of one syllable, a
    given name in Chinese syllables, in any case: «Лян Вэйдуном») after two words at least?"""
    if len(tokens) < 4:
        return False
    surname, given = tokens[-2].text, tokens[-1].text.replace("ъ", "")
    return surname[:1].isupper() and given[:1].isupper() and len(surname) <= 4 \
        and spelt_in_syllables(surname) \
        and (spelt_in_syllables(given) or chinese_name_nominative(given) is not None)


def _without_trailing_name(tokens: list[Token], end: int, place_descriptors: set[str]) -> int:
    """«Китайской ассоциации … предприятий Шан Шивэй»: nominative proper names after a
    genitive organisation name are the person who speaks for it, not part of the name — but
    not after a place descriptor («Администрации наукограда Ольховка»: the place's name)."""
    depth = 0
    for i, token in enumerate(tokens):
        depth += (token.text == QUOTES_OPEN) - (token.text == QUOTES_CLOSE)
        if depth or i < 2 or token.pos != "PROPN" or "Case=Nom" not in token.feats:
            continue
        before = tokens[i - 1]
        if before.pos == "NOUN" and "Case=Gen" in before.feats and \
                before.lemma not in place_descriptors and \
                all(t.pos == "PROPN" for t in tokens[i:]):
            return before.end
    return end


def _without_next_subject(tokens: list[Token], end: int) -> int:
    """«с Фондом содействия инновациям | московская ОЭЗ будет …»: a lower-case nominative
    adjective after an organisation named in another case opens the next phrase."""
    case = parse_feats(tokens[0].feats).get("Case") if tokens else None
    if case not in ("Gen", "Dat", "Ins", "Loc") or tokens[0].pos not in ("NOUN", "PROPN", "ADJ"):
        return end
    depth = 0
    for i, token in enumerate(tokens):
        depth += (token.text == QUOTES_OPEN) - (token.text == QUOTES_CLOSE)
        if token.end > end:
            break
        if i >= 2 and not depth and token.text.islower() and token.pos in ("ADJ", "NOUN") and \
                tokens[i - 1].pos != "ADP" and (
                (token.pos == "ADJ" and parse_feats(token.feats).get("Case") == "Nom")
                or NOMINATIVE_ADJECTIVE.search(token.text)):  # the tagger misses rare ones
            return tokens[i - 1].end
    return end


COORDINATED_QUOTED = re.compile(r"(?:, ?| и )(«[A-ZА-ЯЁ0-9][^«»\n]{0,60}»)")
COORDINATED_QUOTED_BEFORE = re.compile(r"(«[A-ZА-ЯЁ0-9][^«»\n]{0,60}»)(?:, ?| и )$")
# «технопарки «А» в Казани и «Б» в Томске»: a listed site may have its place after it
PLACED_COORDINATED_QUOTED = re.compile(r"(?:\s(?:в|на)\s[А-ЯЁ][\w-]*(?:\s[\w-]+){0,2}?)?"
                                       + COORDINATED_QUOTED.pattern)


# a quoted name listed after the first one a plural park or zone head names («зоны «А», «Б»»)
PARK_LIST_SOURCES = frozenset({"rule:park.quoted_coordinated",
                               "rule:park.quoted_coordinated_placed",
                               "rule:park.zone_quoted_coordinated"})


def _with_coordinated_quoted(text: str, chosen: list[Candidate],
                             list_openers: tuple[str, ...] = ()) -> list[Candidate]:
    """«компании «Альфа», «Бета» и «Гамма»»: quoted names listed after an organisation's
    quoted name are organisations too; after the second name of a plural park head
    («технопарки «А», «Б» и «В»») the rest of the list are parks, whatever NER read."""
    added: list[Candidate] = []
    for candidate in chosen:
        is_park = candidate.type == "PARK" and candidate.source in PARK_LIST_SOURCES
        if not (candidate.type == "ORG" or is_park) \
                or not text[candidate.start:candidate.end].endswith("»"):
            continue
        end = candidate.end
        listed = PLACED_COORDINATED_QUOTED if is_park else COORDINATED_QUOTED
        while (found := listed.match(text, end)) is not None:
            start, end = found.start(1), found.end(1)
            overlapping = [c for c in chosen if c.start < end and start < c.end]
            if is_park and len(overlapping) == 1 and overlapping[0].source == "ner" \
                    and (overlapping[0].start, overlapping[0].end) == (start, end):
                overlapping[0].type, overlapping[0].source = "PARK", candidate.source
                continue
            if overlapping:
                break
            added.append(Candidate(start, end, candidate.type, candidate.source if is_park
                                   else "rule:org.coordinated_quoted", 0, "quoted"))
        if candidate.type == "ORG" and text.startswith(QUOTES_OPEN, candidate.start):
            # «В технопарке «X» «Альфа» и «Бета» подписали»: the bare names listed before
            # an organisation's, right after a park's name (the place where they act; not
            # «картины «A», «B» и «C»» before a company's)
            start, listed = candidate.start, []
            while (found := COORDINATED_QUOTED_BEFORE.search(text, max(0, start - 80),
                                                             start)) is not None \
                    and not any(c.start < found.end(1) and found.start(1) < c.end
                                for c in chosen + added):
                start = found.start(1)
                listed.append(Candidate(start, found.end(1), "ORG",
                                        "rule:org.coordinated_quoted", 0, "quoted"))
            before = text[:start].rstrip()
            if listed and (any(c.type == "PARK" and c.end == len(before) for c in chosen)
                           or (" " + before.lower()).endswith(list_openers)):
                added += listed  # also «среди них «A» и «B»», «в том числе «A», «B» и «C»»
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


RESIDENT_BEFORE = re.compile(r"([\w-]+)\s*$")
RESIDENT_THEN_QUOTED = re.compile(r"(?<!\w)([\w-]+)\s+(«[A-ZА-ЯЁ0-9][^«»\n]{0,60}»)")
FIRST_LISTED_QUOTED = re.compile(r"\s*(?::|—|–)\s*(«[A-ZА-ЯЁ0-9][^«»\n]{0,60}»)")


def _residents_listed_quoted(text: str, chosen: list[Candidate],
                             resident_words: set[str]) -> list[Candidate]:
    """«компании-резиденты технопарка «Кедр»: «Альфа», «Бета» и «Гамма»»: the first quoted
    name a colon or dash opens after a park the word of its residents stands before is an
    organisation (the names listed with it follow from it, _with_coordinated_quoted)."""
    added: list[Candidate] = []
    for candidate in chosen:
        if candidate.type != "PARK":
            continue
        before = RESIDENT_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
        if before is None or not any(before.group(1).lower().split("-")[-1].startswith(w)
                                     for w in resident_words):
            continue
        found = FIRST_LISTED_QUOTED.match(text, candidate.end)
        if found is None or any(c.start < found.end(1) and found.start(1) < c.end
                                for c in chosen):
            continue
        added.append(Candidate(found.start(1), found.end(1), "ORG",
                               "rule:org.resident_listed_quoted", 0, "quoted"))
    for found in RESIDENT_THEN_QUOTED.finditer(text):
        # «заглянули к нашим резидентам «Альфа» и «Бета»»: the name right after the word
        if found.group(1).lower().split("-")[-1].startswith(tuple(resident_words)) \
                and not any(c.start < found.end(2) and found.start(2) < c.end
                            for c in chosen + added) \
                and not _a_parks_name_inflected(text, found.group(2), chosen):
            added.append(Candidate(found.start(2), found.end(2), "ORG",
                                   "rule:org.resident_listed_quoted", 0, "quoted"))
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


def _a_parks_name_inflected(text: str, quoted: str, chosen: list[Candidate]) -> bool:
    """Is ``quoted`` («Амурских ворот») a park's quoted name of the text («ТОР «Амурские
    ворота»») in another case: every word of it inflected, not all the same?
    («резиденты «Амурских ворот»» are the park's residents, not a company so named.)"""
    words = quoted.strip("«»").lower().split()
    for candidate in chosen:
        if candidate.type != "PARK":
            continue
        name = QUOTED_NAME.search(text, candidate.start, candidate.end)
        own = name.group(0).strip("«»").lower().split() if name else []
        if own != words and same_name(own, words):
            return True
    return False


def _plural_park_head_off_a_list(doc: Doc, candidate: Candidate) -> Candidate:
    """«технопарки «А», «Б» и «В»», «площадки индустриальных парков «А» и «Б»»: a plural
    head is no part of the first name of a list, which is its quoted name alone, as the
    names after it are (a plural head before one name keeps it: «технопарки «Кедр»»)."""
    if candidate.type != "PARK" or not doc.text[candidate.start:candidate.end].endswith("»") \
            or PLACED_COORDINATED_QUOTED.match(doc.text, candidate.end) is None:
        return candidate
    tokens = doc.tokens_in(candidate.start, candidate.end)
    opening = next((i for i, t in enumerate(tokens) if t.text == QUOTES_OPEN), None)
    if not opening or not any(t.pos == "NOUN" and "Number=Plur" in t.feats
                              for t in tokens[:opening]):
        return candidate
    return Candidate(tokens[opening].start, candidate.end, candidate.type, candidate.source,
                     candidate.priority, "quoted")


QUOTED_STATEMENT_WORDS = 4  # words in quotes, a finite verb among them: a statement


def _quotes_a_statement(doc: Doc, candidate: Candidate, naming_heads: set[str]) -> bool:
    """«Ольховская область имеет большой потенциал …», «Кедрополис позволит решить …»: a
    quotation with a finite verb among several words is what someone said, not a name (a
    name may hold a full stop: «Кедропром. Азия»); not one after a head that names things
    («компания «Мы строим будущее»», «форум «Россия смотрит вперёд»»)."""
    tokens = doc.tokens_in(candidate.start, candidate.end)
    opening = next((i for i, t in enumerate(tokens) if t.text == QUOTES_OPEN), None)
    if opening is None:
        return False
    head = _word_before(doc, tokens[opening])
    if head is not None and head.lemma.lower() in naming_heads:
        return False
    words = [t for t in tokens[opening + 1:] if t.pos != "PUNCT"]
    return len(words) >= QUOTED_STATEMENT_WORDS and any(
        t.pos in ("VERB", "AUX") and "VerbForm=Fin" in t.feats and t.text.islower()
        for t in words)  # (the tagger takes an odd acronym for a verb: «КазНТУ»)


def _with_enclosing_quotes(text: str, candidate: Candidate) -> Candidate:
    """A name standing alone in quotes keeps its quotes («Нанопарка Гатчина» → with «»)."""
    start, end = candidate.start, candidate.end
    if start > 0 and text[start - 1] == QUOTES_OPEN and text[end:end + 1] == QUOTES_CLOSE \
            and QUOTES_OPEN not in text[start:end]:
        candidate.start, candidate.end = start - 1, end + 1
    return candidate


# Park rules whose name is what follows the head («СЭЗ Навои», «технопарк GOSB»): without it
# there is no park. After a zone's type a region or country is no name («ОЭЗ России», «ОЭЗ
# Татарстана»: the zones there); after a park's it is («Технопарк Мордовии»).
# After a zone's descriptive type a town in the genitive is where it lies, not its name
# («промышленная зона Калуги»; «промышленная зона Кедровка» is named).
ZONE_NAME_AFTER_DESCRIPTIVE_TYPE = frozenset({"rule:park.typed_zone_name",
                                              "rule:park.zone_topic_name",
                                              "rule:park.territory_name"})
ZONE_NAME_AFTER_TYPE = frozenset({"rule:park.zone_place_name", "rule:park.zone_full_place_name"}) \
    | ZONE_NAME_AFTER_DESCRIPTIVE_TYPE
NAME_AFTER_HEAD = ZONE_NAME_AFTER_TYPE | frozenset(f"rule:park.{name}" for name in (
    "head_name", "head_latin_name", "typed_park_name"))


def _named_by_a_region(doc: Doc, candidate: Candidate) -> bool:
    tokens = doc.tokens_in(candidate.start, candidate.end)
    if candidate.source not in ZONE_NAME_AFTER_TYPE or not tokens:
        return False
    place = gazetteer().lookup(tokens[-1].text)
    if place is None:
        return False
    if place.kind != "city":
        return True
    return candidate.source in ZONE_NAME_AFTER_DESCRIPTIVE_TYPE \
        and fold(tokens[-1].text) != fold(place.canonical.split()[-1])


def _split_at(candidate: Candidate, doc: Doc, k: int) -> list[Candidate]:
    """The candidate cut before its ``k``-th token: the organisation's letters, the person."""
    tokens = doc.tokens_in(candidate.start, candidate.end)
    return [replace(candidate, end=tokens[k - 1].end),
            Candidate(tokens[k].start, candidate.end, "PER", "rule:person.after_acronym", 0)]


def _org_word_out_of_person(doc: Doc, chosen: list[Candidate],
                            is_word: Callable[[str], bool]) -> list[Candidate]:
    """«председателя Сената Олий | Мажлиса Рустамом Кедровым»: capitalised words that the
    dictionary knows as no name, opening a person's span right after an organisation's name,
    the last read as a genitive, before a known name in no case of theirs, end the
    organisation's name (a foreign body's), unless a place's name closes it already."""
    for previous, candidate in pairwise(chosen):
        if previous.type != "ORG" or candidate.type != "PER" \
                or doc.text[previous.end:candidate.start].strip():
            continue
        org, person = doc.tokens_in(previous.start, previous.end), \
            doc.tokens_in(candidate.start, candidate.end)
        name = next((k for k, t in enumerate(person) if _known_name(t.text, is_word)), 0)
        if not org or name == 0 or not all(t.text.isalpha() and t.text[:1].isupper()
                                           for t in person[:name]):
            continue
        if gazetteer().lookup(org[-1].text) is not None:
            continue  # «Министерства экономики Республики Кедрия Милош Ольхович»: a place ends it
        cases, name_cases = (_case_readings(t.text) for t in person[name - 1:name + 1])
        if "gent" in cases and not cases & name_cases:
            previous.end, candidate.start = person[name - 1].end, person[name].start
            previous.source = "rule:org.genitive_word_before_person"
    return chosen


def _shares_a_region_head(doc: Doc, token: Token) -> bool:
    """«Ольховская и Кедровская области»: a bare region adjective coordinated with a
    capitalised one that shares the head after it (``shared_region_head``) is a name."""
    sentence = doc.sentences[token.sent_id]
    following = doc.tokens[token.token_id + 1:sentence.last_token][:40]
    partner = next((t for t in following if t.pos not in ("PUNCT", "CCONJ")), None)
    return partner is not None and partner.text[:1].isupper() \
        and shared_region_head([token], following) is not None


def _known_name(word: str, is_word: Callable[[str], bool],
                grammemes: frozenset[str] = NAME_GRAMMEMES) -> bool:
    """A first name, surname or patronymic (of ``grammemes``) the dictionary knows (not a
    guess)."""
    return is_word(word) and any(grammemes & p.tag.grammemes
                                 for p in word_parses(word.lower()))


def _first_name_read_as_place(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """«с секретарём правительства штата Рамешем Чандрой Моханти»: a one-word place in the
    instrumental alone, right before a person's name in the instrumental, is the person's
    first name (no place is named in that case after a body's word); so is a double first
    name no gazetteer knows before a surname alone («членом совета Метте-Лоне Кристенсен»),
    a word the text writes elsewhere as the first of the person's name («мэр Эдсон
    Карвалью Лима» beside «Эдсон Карвалью Лима»); the instrumental place word before a name
    in another case too, where it reads as a first name («губернатором штата Рамешем Бхаи
    Десаи»: ``_first_name_in_the_instrumental``)."""
    persons_named = {" ".join(doc.text[c.start:c.end].split()[:2])
                     for c in chosen if c.type == "PER"}
    found: list[Candidate] = []
    for candidate in chosen:
        previous = found[-1] if found else None
        if previous is not None and previous.type == "LOC" and candidate.type == "PER" \
                and not doc.text[previous.end:candidate.start].strip() \
                and len(place := doc.tokens_in(previous.start, previous.end)) == 1 \
                and (person := doc.tokens_in(candidate.start, candidate.end)) \
                and ((_hyphenated_first_name(place[0].text) and len(person) == 1)
                     or _first_name_in_the_instrumental(doc, place[0], person[0], chosen)
                     or f"{place[0].text} {person[0].text}" in persons_named):
            found[-1] = Candidate(previous.start, candidate.end, "PER",
                                  "rule:mend.first_name_read_as_place", 0)
            continue
        found.append(candidate)
    return found


def _first_name_in_the_instrumental(doc: Doc, word: Token, person: Token,
                                    chosen: list[Candidate]) -> bool:
    """Is the place word read in the instrumental alone (no place is named in that case after
    a body's word) before a name in the instrumental, or before a name in another case where
    it reads as a first name the gazetteer knows no place of (``_first_name_no_place_known``),
    the text's place nowhere else, before no East Asian surname?"""
    readings = _case_readings(word.text)
    if "ablt" not in readings or not readings <= {"ablt", "loct"}:
        return False
    return "ablt" in _case_readings(person.text) or (
        _first_name_no_place_known(doc, word) and fewest_syllables(person.text) != 1
        and sum(c.type == "LOC" and doc.text[c.start:c.end] == word.text for c in chosen) == 1)


def _declined_chinese_place(word: str) -> bool:
    """«Синьсяна», «Шицзуйшаня»: a Chinese name with a Russian genitive's ending, which only
    a place takes (a person's or a company's Chinese name is written as it is)."""
    return word[-1:] in ("а", "я") and spelt_in_syllables(word[:-1])


def _first_name_no_place_known(doc: Doc, word: Token) -> bool:
    """Is the word (read in the instrumental alone) read as a first name (a guess will do),
    no place the gazetteer knows, after a lower-case word that is no preposition and no
    person's noun (whose place follows it: «Мэр Драсены»)? No place after a body's or a
    place's word is in the instrumental: «губернатором штата Рамешем Бхаи Десаи» is his
    first name (the guess reads first names where places are too: «муниципалитета Вестланд
    Рик ван Дам»)."""
    before = _word_before(doc, word)
    return before is not None and before.text.islower() and before.pos not in ("ADP", "X") \
        and not (before.pos == "NOUN" and "Animacy=Anim" in before.feats) \
        and gazetteer().lookup(word.text) is None \
        and any(FIRST_NAME_GRAMMEMES & p.tag.grammemes for p in word_parses(word.text.lower()))


def _hyphenated_first_name(word: str) -> bool:
    """A word of two capitalised parts joined by a hyphen, one of them a first name to the
    dictionary and none a place's, that the gazetteer has no place of («Метте-Лоне»)?"""
    parts = word.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() and len(p) >= 3 for p in parts) \
            or gazetteer().lookup(word) is not None:
        return False
    tags = [{g for p in word_parses(part.lower()) for g in p.tag.grammemes} for part in parts]
    return any("Name" in t for t in tags) and not any("Geox" in t for t in tags)


def _name_written_again(doc: Doc, tokens: list[Token], place_words: set[str]) -> bool:
    """Does the text write the span's first two words again, elsewhere, after no place's
    word in the genitive (``place_words``)? Then the first is no town's name but the
    person's first name."""
    first, second = tokens[0], tokens[1]
    for token in doc.tokens[:-1]:
        if token.token_id == first.token_id or token.text != first.text \
                or doc.tokens[token.token_id + 1].text != second.text:
            continue
        before = _word_before(doc, token)
        if before is None or before.lemma.lower() not in place_words \
                or "Case=Gen" not in before.feats:
            return True
    return False


def _case_readings(word: str) -> set[str]:
    """The cases the dictionary reads ``word`` in."""
    return {case for p in word_parses(word.lower()) for case in CASES.values()
            if case in p.tag}


def _nominative_alone(word: str) -> bool:
    """Does ``word`` read as a nominative and not as a genitive, or as a word that does
    not decline («Золотая», «Оскар», «Эмми»; not «Кедрпрома», a genitive too)?"""
    parses = word_parses(word.lower())
    return any("nomn" in p.tag for p in parses) and (
        not any("gent" in p.tag for p in parses) or any("Fixd" in p.tag for p in parses))


def _without_partner(phrase: list[Token], head: Token, legal_form_nouns: set[str]
                     ) -> list[Token]:
    """The phrase up to a «с» after a proper name closing it that says with whom the body
    acts («переговоры Министерства … Дальнего Востока и Арктики с предприятиями Кедрии»): no
    part of its name (not one a noun of the name governs, «Союз по сотрудничеству со
    странами СНГ», nor a legal form spelled out, «общество с ограниченной ответственностью»)."""
    for k, token in enumerate(phrase):
        if token.token_id > head.token_id and token.lemma in ("с", "со") and token.pos == "ADP" \
                and k + 1 < len(phrase) and phrase[k - 1].text[:1].isupper() \
                and not any(t.lemma in legal_form_nouns for t in phrase[k + 1:k + 3]):
            return phrase[:k] or phrase
    return phrase


def _before_person(candidate: Candidate, persons: list[Candidate], doc: Doc,
                   is_first_name: Callable[[str], bool],
                   place_words: set[str]) -> Candidate | None:
    """A person's name is never part of a park or organisation name: cut the rule span
    before a person it runs into («Биотехнопарка Дмитрий Гришунин»)."""
    if candidate.type == "PARK":
        tokens = doc.tokens_in(candidate.start, candidate.end)
        depth = 0
        for token in tokens:
            depth += (token.text == QUOTES_OPEN) - (token.text == QUOTES_CLOSE)
            if token is not tokens[0] and depth == 0 and token.text[:1].isupper() \
                    and not token.text.isupper() and is_first_name(token.text) \
                    and doc.tokens[token.token_id - 1].lemma not in place_words:
                # («Парк высоких технологий ИННА»: an acronym in capitals is no first name;
                # «зона … провинции Лина»: after a place's descriptor a name is the place's)
                persons = [*persons, Candidate(token.start, candidate.end, "PER", "", 0)]
                break
    if candidate.source == "rule:park.head_name":
        tokens = doc.tokens_in(candidate.start, candidate.end)
        person = next((p for p in persons if p.start > candidate.end
                       and not doc.text[candidate.end:p.start].strip()), None)
        lone = person is not None and " " not in doc.text[person.start:person.end]
        if person is not None and lone and len(tokens) == 2 and tokens[0].token_id > 0 \
                and doc.tokens[tokens[0].token_id - 1].pos == "NOUN" \
                and "Case=Gen" in tokens[0].feats:
            # «директор технопарка Жольт Варга»: after a title's genitive head, a word before a
            # lone surname is the person's first name, no park's name
            person.start = tokens[1].start
            return None
    for person in persons:
        if candidate.type == "PARK" and person.end <= candidate.end \
                and doc.text[candidate.start:person.start].count(QUOTES_OPEN) \
                > doc.text[candidate.start:person.start].count(QUOTES_CLOSE):
            continue  # «зону «Демирташ»»: a name in the park's quotes is the park's
        if candidate.start < person.start < candidate.end < person.end or (
                candidate.start < person.start and person.end <= candidate.end
                and candidate.type == "PARK"):
            tokens = doc.tokens_in(candidate.start, person.start)
            if len(tokens) < 2 and not (tokens and tokens[0].text[:1].isupper()):
                return None  # only a generic head word would be left
            if candidate.source in NAME_AFTER_HEAD:
                return None  # «директор ОЭЗ Иван Петров»: the name was the person's
            candidate.end = tokens[-1].end
    return candidate


def _names_a_person_first(doc: Doc, person: Candidate, persons: list[Candidate]) -> bool:
    """Is ``person`` a full name the text writes nowhere else, though it names the person
    again by the surname alone («правительстве Ивана Кедрова … Кедров»)? The bare surname
    needs that full name to know who it is."""
    words = fold(doc.text[person.start:person.end]).split()
    others = [fold(doc.text[p.start:p.end]).split() for p in persons if p is not person]
    return len(words) > 1 and any(same_name(other, words[-1:]) for other in others) \
        and not any(same_name(other, words) for other in others)


def _with_edition(doc: Doc, candidate: Candidate) -> Candidate:
    """A year after a dash is part of an event's name («… форума – 2024»). An edition's
    number before an unquoted name is not («25-й Китайской … выставке»: ANNOTATION.md's
    example of an EVENT leaves it out; before a quoted name an entity rule takes it)."""
    if candidate.type != "EVENT":
        return candidate
    tokens = doc.tokens_in(candidate.start, candidate.end)
    if not tokens:
        return candidate
    after = doc.tokens[tokens[-1].token_id + 1:tokens[-1].token_id + 4]
    if len(after) >= 2 and after[0].text in DASHES \
            and EDITION_YEAR_WORD.fullmatch(after[1].text) \
            and (len(after) < 3 or not after[2].lemma.startswith("год")):
        candidate.end = after[1].end  # «форума – 2024», not «форума – 2024 года»
    return candidate


def _with_sport(doc: Doc, end: int) -> int:
    """«сборной России | по хоккею», «… по бобслею и скелетону»: what a team plays, «по»
    and nouns in the dative after the place, is part of its name; the end of the name."""
    tokens = doc.tokens_in(end, len(doc.text))
    if len(tokens) < 2 or tokens[0].lemma != "по":
        return end
    last = None
    for token in tokens[1:]:
        if token.pos == "NOUN" and "Case=Dat" in token.feats:
            last = token
        elif not ((token.pos == "ADJ" and "Case=Dat" in token.feats) or token.text == "и"):
            break
    return last.end if last is not None else end


def _words_of_full_names(doc: Doc) -> set[str]:
    """The words of the persons the document names with two words or more: a one-word
    «person» written like one of them is that person, not a place or a company misread."""
    return {word for m in doc.mentions if m.type == "PER" and " " in m.text.strip()
            for word in m.text.split()}


def _after_plural_head(doc: Doc, start: int, end: int) -> int | None:
    """The opening quote of a match's one name where the word before it is a genitive plural
    head («контейнерных площадок «X»», «технопарков «Y»»), else None."""
    quote = next((t for t in range(start, end) if doc.tokens[t].text == QUOTES_OPEN), None)
    if quote is not None and quote > start \
            and {"Case=Gen", "Number=Plur"} <= set(doc.tokens[quote - 1].feats.split("|")) \
            and all(doc.tokens[t].pos == "ADJ" for t in range(start, quote - 1)) \
            and not _names_listed(doc, quote, end):
        return quote  # (the match's own head: not «технопарк высоких технологий «X»»)
    return None


def _names_listed(doc: Doc, quote: int, end: int) -> bool:
    """Does a second quoted name follow the first, after «и» or a comma («парков «X» и
    «Y»»: the plural's own names)?"""
    tokens = doc.tokens
    close = next((t for t in range(quote, min(end + 1, len(tokens)))
                  if tokens[t].text == QUOTES_CLOSE), None)
    return close is not None and close + 2 < len(tokens) \
        and tokens[close + 1].text in (",", "и") and tokens[close + 2].text == QUOTES_OPEN


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCTUATION and text[start] not in "(«":
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION and text[end - 1] not in ")»":
        end -= 1
    return start, end


def _with_own_exclamation(text: str, end: int) -> int:
    """«Kedrhoo! объявила», «дуэта Kedr!, который»: an exclamation mark glued to a Latin
    name, the sentence going on after it, is the name's own; it ends the name's span."""
    if text[end:end + 1] == "!" and LATIN_LETTER.fullmatch(text[end - 1:end]) \
            and SENTENCE_GOES_ON.match(text, end + 1):
        return end + 1
    return end


LATIN_LETTER = re.compile(r"[A-Za-z]")
# after a name's «!»: a comma or the like, or a word in lower case
SENTENCE_GOES_ON = re.compile(r"[,;:)»\"]|\s+[a-zа-яё]")
# «56-летний», «66-летнего»: a person's age, read into the name before or after it
AGE_BEFORE = re.compile(r"\d+-летн[а-яё]*\s+")
AGE_AFTER = re.compile(r"\s+\d+-летн[а-яё]*$")
# a Latin name in brackets closing a Russian one: «Дэвид Кедров (David Kedrov)»
LATIN_IN_BRACKETS = re.compile(r"\s*\([A-Za-z][^()А-Яа-яЁё]*\)$")


def _name_alone(text: str, start: int, end: int) -> tuple[int, int]:
    """The name in an NER span, without what the span took around it: a wiki link's target
    before «|» («Иван|Ивана Кедрова»), a gloss in slashes after it («Гуандун /Южный
    Китай/») and an age before or after the name («56-летний И. Кедров»)."""
    bar = text.rfind("|", start, end)
    if bar >= 0:
        start = bar + 1
    slash = text.find(" /", start, end)
    if slash > start:
        end = slash  # a news agency's gloss in slashes («провинции Гуандун /Южный Китай/»)
    if age := AGE_BEFORE.match(text, start, end):
        start = age.end()
    if age := AGE_AFTER.search(text, start, end):
        end = age.start()
    return start, end


def _brackets_closed(text: str, start: int, end: int, cut_unclosed: bool) -> tuple[int, int]:
    """An organisation's or a place's NER span without a closing bracket never opened, a
    Latin name in brackets (an alias of its own: ``parenthesised_aliases``) and, where
    ``cut_unclosed`` (a place), a bracket opened and never closed. An organisation's unclosed
    bracket is left to ``_split_abbreviation`` («(Росольха»), but for a lower-case gloss in it
    («Национальной палаты (парламента»); a person's span is cut at its
    brackets by ``_person_pieces``."""
    span = text[start:end]
    while span.endswith(")") and span.count(")") > span.count("("):
        span = span[:-1].rstrip()
    cut = _unclosed_bracket(span)
    if cut is not None and not cut_unclosed and not span[cut + 1:cut + 2].islower():
        cut = None  # (a lower-case gloss NER ran into: «Национальной палаты (парламента»)
    if cut is None and (latin := LATIN_IN_BRACKETS.search(span)) and \
            CYRILLIC_LOWER.search(span[:latin.start()]):
        cut = latin.start()
    if cut:
        span = span[:cut].rstrip()
    return start, start + len(span)


def _unclosed_bracket(span: str) -> int | None:
    """Where the first bracket that the span opens and never closes is, if there is one."""
    opened: list[int] = []
    for i, char in enumerate(span):
        if char == "(":
            opened.append(i)
        elif char == ")" and opened:
            opened.pop()
    return opened[0] if opened else None


def _place_named_up_to(doc: Doc, phrase: list[Token], head: Token) -> int | None:
    """Where the place ends that the phrase's words up to its head, or all of them, name
    in the gazetteer («Советского Союза», «Союза Советских Социалистических Республик»);
    None where they name none."""
    return next((end for end in sorted({min(head.end, phrase[-1].end), phrase[-1].end})
                 if gazetteer().lookup(doc.text[phrase[0].start:end]) is not None), None)


def _agrees_as_adjective(word: str, noun: str) -> bool:
    """Can ``word`` be an adjective agreeing with ``noun`` («переулка Сосновского»: the
    lane's name, not a person's)?"""
    nouns = [p.tag for p in word_parses(noun) if p.tag.POS == "NOUN"]
    return any(p.tag.POS == "ADJF" and any(
        (p.tag.gender, p.tag.number, p.tag.case) == (n.gender, n.number, n.case) for n in nouns)
        for p in word_parses(word))


def _head_before_quoted_list(doc: Doc, opening: Token) -> Token | None:
    """The word before a list of quoted names whose later item opens at ``opening`` («компаний
    «A», «B» и «C»»: «компаний»); None where the quoted name is the first or alone."""
    t = opening.token_id - 1
    listed = False
    while t >= 1 and doc.tokens[t].text in (",", "и") and doc.tokens[t - 1].text == QUOTES_CLOSE:
        t -= 2
        while t >= 0 and doc.tokens[t].text not in (QUOTES_OPEN, QUOTES_CLOSE):
            t -= 1
        if t < 0 or doc.tokens[t].text != QUOTES_OPEN:
            return None
        listed, t = True, t - 1
    return doc.tokens[t] if listed and t >= 0 else None


def _informal_name_apart(places: Gazetteer, tokens: list[Token], i: int) -> bool:
    """A place's informal name of an adjective's form («Поднебесной») in another case than the
    word after it: no adjective of that word («Центральная Македония» agrees)."""
    case = parse_feats(tokens[i].feats).get("Case")
    return name_key(tokens[i].text) in places.by_name and i + 1 < len(tokens) \
        and case is not None and case != parse_feats(tokens[i + 1].feats).get("Case")


def _word_before(doc: Doc, token: Token) -> Token | None:
    """The token right before ``token`` (a mention's first: the word before the mention);
    None at the document's start."""
    return doc.tokens[token.token_id - 1] if token.token_id > 0 else None


ASIAN_NAME_SYLLABLE = re.compile(r"[А-ЯЁ][а-яё]{1,5}")


def _capitals_before_verb(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """«ДЕЛЕГАЦИЯ КОМИТЕТА ПО УПРАВЛЕНИЮ … ПРОВИНЦИИ ХЫНГЙЕН ПОБЫВАЛА С РАБОЧИМ …»: a name in a
    headline of capitals ends before a word the dictionary knows only as a verb (the tagger
    reads capitals as names); one that opens with such a word is none."""
    kept = []
    for candidate in chosen:
        tokens = doc.tokens_in(candidate.start, candidate.end)
        letters = doc.text[candidate.start:candidate.end]
        if candidate.type in ("ORG", "LOC", "PARK") and len(tokens) > 1 \
                and letters.isupper() and any(c.isalpha() for c in letters):
            verb = next((t for t in tokens if _only_a_verb(t.text.lower())), None)
            if verb is not None:
                before = [t for t in tokens if t.end <= verb.start]
                if not before:
                    continue
                candidate.end = before[-1].end
        kept.append(candidate)
    return kept


def _only_a_verb(word: str) -> bool:
    """Does the dictionary read the word (a known one) only as a verb?"""
    parses = word_parses(word) if dictionary().word_is_known(word) else []
    return bool(parses) and all(p.tag.POS in ("VERB", "INFN") for p in parses)


def _surname_out_of_body(doc: Doc, descriptors: set[str] | frozenset[str],
                         chosen: list[Candidate]) -> list[Candidate]:
    """«председателем Народного комитета провинции | Чинь | Ван Локом»: a body's span that
    ends in a bare place word and a capitalised syllable no place has, right before a
    person of two such syllables, gives the syllable to the person (a Vietnamese or Korean
    name of three: «Чинь Ван Лок»); the body's place word stands for the province told."""
    ordered = sorted(chosen, key=lambda c: c.start)
    places = {doc.text[c.start:c.end] for c in chosen if c.type == "LOC"}
    for first, second in pairwise(ordered):
        words, person = doc.tokens_in(first.start, first.end), doc.tokens_in(second.start,
                                                                             second.end)
        if first.type != "ORG" or second.type != "PER" or len(words) < 3 \
                or len(person) != 2 or doc.text[first.end:second.start] != " ":
            continue
        surname, descriptor = words[-1], words[-2]
        if descriptor.lemma.lower() not in descriptors or not descriptor.text.islower() \
                or not all(ASIAN_NAME_SYLLABLE.fullmatch(t.text) for t in (surname, *person)) \
                or surname.text in places \
                or gazetteer().lookup(f"{descriptor.text} {surname.text}") is not None \
                or gazetteer().lookup(surname.text) is not None:
            continue
        first.end, second.start = descriptor.end, surname.start
    return chosen


def _adjectives_then_body(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """«Архангельского областного | Собрания депутатов»: an organisation's span of adjectives
    alone that the tagger cut from the body's name right after it is the name's own start."""
    ordered = sorted(chosen, key=lambda c: c.start)
    dropped: set[int] = set()
    for first, second in pairwise(ordered):
        words = doc.tokens_in(first.start, first.end)
        if first.type == second.type == "ORG" and words \
                and all(t.pos == "ADJ" for t in words) \
                and doc.text[first.end:second.start] == " " \
                and (head := doc.tokens_in(second.start, second.end)) \
                and head[0].pos in ("NOUN", "PROPN") and head[0].text[:1].isupper():
            second.start = first.start
            dropped.add(id(first))
    return [c for c in chosen if id(c) not in dropped]


def _with_convocation(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """«Госдумы | шестого созыва», «Думы | четвёртого и пятого созывов»: the convocation
    after a body's name is the body's own (as both public golds have it), whatever found
    the name; the name of ordinary words takes it with its genitive chain already."""
    for candidate in chosen:
        tokens = doc.tokens_in(candidate.start, candidate.end)
        if candidate.type != "ORG" or not tokens:
            continue
        ordinals = 0
        for token in doc.tokens[tokens[-1].token_id + 1:tokens[-1].token_id + 7]:
            if token.lemma == "созыв" and ordinals:
                candidate.end = token.end
                candidate.source = "rule:org.convocation"
                break
            if token.pos in ("ADJ", "NUM") or EDITION_NUMBER.fullmatch(token.text):
                ordinals += 1
            elif token.text not in ("и", ","):
                break
    return chosen


def _opens_a_name(token: Token) -> bool:
    """A capitalised word or an opening quote: a name starts here."""
    return token.text[:1].isupper() or token.text in (QUOTES_OPEN, '"')


def _listed_with_places(doc: Doc, token: Token) -> bool:
    """Is the capitalised word a place the gazetteer knows, listed by «,» or «и» right after
    another such place («Акиты, Ниигаты и Даляня»)?"""
    at = token.token_id
    if at < 2 or doc.tokens[at - 1].text not in (",", "и") or not token.text[:1].isupper():
        return False
    before = doc.tokens[at - 2]
    return before.text[:1].isupper() and gazetteer().lookup(token.text) is not None \
        and gazetteer().lookup(before.text) is not None


def _opens_sentence(doc: Doc, token: Token) -> bool:
    previous = _word_before(doc, token)
    return previous is None or previous.sent_id != token.sent_id or \
        previous.text in ("«", "—", "-", ":", "(")


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


def _a_region(token: Token) -> bool:
    """One capitalised word the places gazetteer names as a country or region, in any case
    («Орловщину», «Прикамье»). Not a city (many are surnames), not an abbreviation, not an
    adjective («Центральной [Азии]»)."""
    word = token.text
    if len(word) < 5 or not word.isalpha() or not word[0].isupper() or word.isupper() \
            or token.pos == "ADJ":
        return False
    place = gazetteer().by_name.get(name_key(word))
    return place is not None and place.kind != "city"


def _region_in_its_dictionary_form(text: str, normal: str) -> str:
    """A one-word place the gazetteer knows as written but not under the normal form the
    sentence's grammar chose («Брянщины» → «Брянщиня», a guess): the word's dictionary form
    («Брянщина»)."""
    if " " in text or not text.isalpha() or gazetteer().lookup(normal) is not None:
        return normal
    forms = sorted({p.normal_form.replace("ё", "е") for p in word_parses(fold(text))})
    known = [form for form in forms if form in gazetteer().by_name]
    return known[0].capitalize() if len(known) == 1 else normal


def _gazetteer_regions(doc: Doc, abbreviations: set[str], demonyms: frozenset[str]
                       ) -> list[Candidate]:
    """A region's or country's one-word name where NER saw nothing («Орловщину посетила
    делегация»), or its abbreviation in capitals («аким ВКО»): LOC; not inside a quoted name
    (a club or company «Кубань»), but inside quoted speech («Татарстан для нас — …», —
    отметил X). NER's own reading of the same span comes first."""
    found = []
    named = _inside_quoted_names(doc)
    for token in doc.tokens:
        # (in capitals, or opening with two: «РУз»)
        abbreviation = token.text[:2].isupper() and token.text.lower() in abbreviations
        if token.token_id not in named and token.text.lower() not in demonyms \
                and (abbreviation or _a_region(token)):  # («Смоляне»: the people, no place)
            found.append(Candidate(token.start, token.end, "LOC", "rule:place.gazetteer_region",
                                   -1))
    return found


def _dateline_towns(doc: Doc, months: frozenset[str]) -> list[Candidate]:
    """«Казань, 6 мая. Делегация …»: a town of the gazetteer opening a line, a comma and a
    day of a month after it, is the dateline's town (NER misses it where a headline without
    a full stop runs into it)."""
    found = []
    tokens = doc.tokens
    for t, token in enumerate(tokens[:-3]):
        opens_line = t == 0 or "\n" in doc.text[tokens[t - 1].end:token.start]
        if not opens_line or not token.text[:1].isupper() or not token.text.isalpha() \
                or tokens[t + 1].text != "," or not tokens[t + 2].text.isdigit() \
                or tokens[t + 3].lemma.lower() not in months:
            continue
        place = gazetteer().by_name.get(name_key(token.text))
        if place is not None and is_town(place):
            found.append(Candidate(token.start, token.end, "LOC", "rule:place.dateline_town", -1))
    return found


def _a_clause(tokens: list[Token]) -> bool:
    """Do the quoted words make a clause, speech and no name: a finite verb, a short-form
    predicate or a personal pronoun («Якутия для нас — важный партнёр», «Приморье
    заинтересовано в инвестициях»)?"""
    return any((t.pos in ("VERB", "AUX") and "VerbForm=Fin" in t.feats)
               or "Variant=Short" in t.feats or t.pos == "PRON" for t in tokens)


def _inside_quoted_names(doc: Doc) -> set[int]:
    """The tokens inside quotes that may hold a name: every quote but a closed one longer
    than a name (speech); an unclosed quote to its sentence's end."""
    inside: set[int] = set()
    opened: list[int] = []
    for token in doc.tokens:
        if opened and token.sent_id != doc.tokens[opened[0]].sent_id:
            inside.update(range(opened[0] + 1, token.token_id))
            opened = []
        if token.text == QUOTES_OPEN:
            opened.append(token.token_id)
        elif token.text == QUOTES_CLOSE and opened:
            start = opened.pop()
            if opened or (token.token_id - start - 1 <= QUOTED_NAME_TOKENS
                          and not _a_clause(doc.tokens[start + 1:token.token_id])):
                inside.update(range(start + 1, token.token_id))
    if opened:
        inside.update(range(opened[0] + 1, len(doc.tokens)))
    return inside


LIST_OPENERS = (*DASHES, ":")


def _quoted_parks_listed(doc: Doc, park_nouns: set[str], zones: set[str],
                         copulas: set[str], inserts: list[list[str]]) -> list[Candidate]:
    """«три технопарка: «А», «Б» и «В»», «два индустриальных парка из X — «А» и «Б»»,
    «первыми ТОР стали «А» и «Б» в X, «В» в Y»: quoted names listed after a dash or colon
    that closes a counted or plural park noun, or after a copula whose subject is a plural
    park noun or a zone's abbreviation, or after an example phrase closing a plural park noun
    and its place («парки России, прежде всего «А»»), are parks (each may be followed by its
    place)."""
    tokens, found = doc.tokens, []
    for i, token in enumerate(tokens):
        if token.text != QUOTES_OPEN:
            continue
        close = next((j for j in range(i + 1, min(i + 12, len(tokens)))
                      if tokens[j].text == QUOTES_CLOSE), None)
        if close is None or tokens[close].sent_id != token.sent_id \
                or not _after_counted_parks(doc, i, park_nouns, zones, copulas, inserts):
            continue
        found.append(Candidate(token.start, tokens[close].end, "PARK",
                               "rule:park.listed_after_count", 18))
    return found


def _after_counted_parks(doc: Doc, t: int, park_nouns: set[str], zones: set[str],
                         copulas: set[str], inserts: list[list[str]]) -> bool:
    """Is the quoted name opening at ``t`` in a list (commas, «и», other quoted names, each
    with its «в X» place) that a dash or colon opens right after a counted or plural park
    noun («два парка из X —»), or that a copula opens after its park subject?"""
    tokens, sent = doc.tokens, doc.tokens[t].sent_id
    t -= 1
    while t >= 0 and tokens[t].sent_id == sent and tokens[t].text not in LIST_OPENERS:
        if tokens[t].text == QUOTES_CLOSE:
            while t >= 0 and tokens[t].text != QUOTES_OPEN:
                t -= 1
        elif tokens[t].lemma.lower() in copulas:
            return _park_subject_before(tokens, t, park_nouns, zones)
        elif (opening := example_insert_start(tokens, t, inserts)) is not None:
            return plural_parks_place(tokens, opening, park_nouns) is not None
        elif tokens[t].text not in (",", "и"):
            t = _before_place_phrase(tokens, t)
            if t < 0:
                return False
            continue
        t -= 1
    if t < 1 or tokens[t].sent_id != sent:
        return False
    for u in range(t - 1, max(t - 7, -1), -1):  # «два индустриальных парка из Тверского округа —»
        if tokens[u].sent_id != sent or tokens[u].text in LIST_OPENERS:
            return False
        if tokens[u].lemma.lower() in park_nouns or tokens[u].text.lower() in zones:
            counted = any(tokens[v].pos == "NUM" for v in range(max(u - 3, 0), u))
            return counted or "Number=Plur" in tokens[u].feats
    return False


PLACE_PHRASE_WORDS = 4  # «в Хабаровском крае», «на Чукотке», «в Республике Саха»


def _before_place_phrase(tokens: list[Token], t: int) -> int:
    """The token before a «в/на» phrase of capitalised place words ending at ``t`` (a listed
    site's place: «„А“ в Хабаровском крае, „Б“ …»), or -1 where ``t`` ends no such phrase."""
    for u in range(t, max(t - PLACE_PHRASE_WORDS - 1, 0), -1):
        if not tokens[u].text.replace("-", "").isalpha() or tokens[u].sent_id != tokens[t].sent_id:
            return -1
        if tokens[u].text in ("в", "на"):
            return u - 1 if u < t and tokens[u + 1].text[:1].isupper() else -1
    return -1


def _park_subject_before(tokens: list[Token], copula: int, park_nouns: set[str],
                         zones: set[str]) -> bool:
    """«первыми ТОР стали», «технопарками стали»: the word before the copula is a plural park
    noun or a zone's abbreviation that no noun before it governs («резидентами ТОР стали»
    lists companies)."""
    head = copula - 1
    if head < 0 or tokens[head].sent_id != tokens[copula].sent_id:
        return False
    word = tokens[head]
    if not (word.text.lower() in zones or (word.lemma.lower() in park_nouns
                                           and "Number=Plur" in word.feats)):
        return False
    return head == 0 or tokens[head - 1].sent_id != word.sent_id or tokens[head - 1].pos != "NOUN"


FULL_NAME_KINDS = ("country", "federal subject", "region")
FULL_NAME_WORDS = range(5, 1, -1)  # «Федеративной Демократической Республики Эфиопия»


def _gazetteer_full_names(doc: Doc, descriptors: set[str]) -> list[Candidate]:
    """A country's or region's name of several capitalised words the places gazetteer
    knows («Республики Эль-Сальвадор», «Объединённых Арабских Эмиратов», «Боснии и
    Герцеговине»), where NER may cut
    it in two or keep only its last word: one LOC, the longest the gazetteer knows. NER's
    own reading of the same span comes first; a longer name (an organisation's) still wins."""
    found: list[Candidate] = []
    tokens, quoted, covered = doc.tokens, 0, -1
    for i, token in enumerate(tokens):
        quoted += (token.text == QUOTES_OPEN) - (token.text == QUOTES_CLOSE)
        if i <= covered or quoted > 0 or not token.text[:1].isupper():
            continue
        for size in FULL_NAME_WORDS:
            words = tokens[i:i + size]
            if len(words) < size or words[-1].sent_id != token.sent_id or not all(
                    _full_name_word(w.text, inner=0 < k < size - 1)
                    for k, w in enumerate(words)):
                continue
            name = doc.text[token.start:words[-1].end]
            place = gazetteer().lookup(name)
            if place is not None and _descriptor_opening(doc, i, place, descriptors):
                break  # «Провинция Цзянсу граничит …»: the name begins after the descriptor
            if place is not None and not name.isupper() and place.kind in FULL_NAME_KINDS:
                found.append(Candidate(token.start, words[-1].end, "LOC",
                                       "rule:place.gazetteer_full_name", 0))
                covered = i + size - 1
                break
    return found


def _full_name_word(word: str, inner: bool) -> bool:
    """A capitalised word of a place's name, or «и» inside it («Тринидад и Тобаго»)."""
    return (word.replace("-", "").isalpha() and word[:1].isupper()) or (inner and word == "и")


def _descriptor_opening(doc: Doc, i: int, place: Place, descriptors: set[str]) -> bool:
    """Is token ``i`` a descriptor capitalised only because it opens its sentence or a quote
    («Провинция Цзянсу …», «Город Нанкин …»; not «Республика Шри-Ланка», «Государство
    Катар»: official names), the rest of the name naming the same place?"""
    tokens = doc.tokens
    opens = i == 0 or tokens[i - 1].sent_id != tokens[i].sent_id \
        or tokens[i - 1].text == QUOTES_OPEN
    if not opens or i + 1 >= len(tokens):
        return False
    return tokens[i].lemma.lower() in descriptors \
        and gazetteer().lookup(doc.text[tokens[i + 1].start:tokens[i + 1].end]) == place


CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]+")


def _function_words_only(doc: Doc, mention: Mention) -> bool:
    """An NER span of prepositions, pronouns and the like alone names nothing («На этой»
    opening a line after a headline)."""
    tokens = doc.tokens_in(mention.start, mention.end)
    return mention.source == "ner" and bool(tokens) and all(
        t.pos in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART")
        and CYRILLIC_WORD.fullmatch(t.text) and t.text[1:].islower() for t in tokens)
    # (a foreign name the tagger reads as one is none of them: «эль-Маруг», «ТиДжей», «TJ»)


def _lower_case_ner_span(mention: Mention) -> bool:
    """An NER span left in lower case alone, no capital and no digit, names nothing
    («Раисом региона»: «региона» once its title is cut off; «улица»)."""
    return mention.source == "ner" and not any(c.isupper() or c.isdigit() for c in mention.text)


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Flat mentions: higher priority wins, then the longer span, then the earlier one."""
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []  # kept sorted by start; chosen spans never overlap
    for candidate in ranked:
        at = bisect_left(chosen, candidate.start, key=lambda c: c.start)
        if at > 0 and chosen[at - 1].end > candidate.start:
            continue
        if at < len(chosen) and chosen[at].start < candidate.end:
            continue
        chosen.insert(at, candidate)
    return chosen


# -- grouping --------------------------------------------------------------------------------


def _latin_persons_named_again(mentions: list[Mention], business_words: set[str]) -> list[Mention]:
    """A person named in Latin letters once for sure (``per.latin_titled``, NER) is that
    person where the document names him again and NER read an organisation: «Rajesh Kumar
    Sharma» beside «г-на Sharma», «Zhang Weimin» after his company's name run into one span
    («Shandong Hengtai Machinery Zhang Weimin»: the company, then the person)."""
    people = {m.text for m in mentions if m.type == "PER" and LATIN_RUN.fullmatch(m.text)}
    surnames = {name.split()[-1] for name in people}
    mended: list[Mention] = []
    for mention in mentions:
        words = mention.text.split()
        if mention.type not in ("ORG", "LOC") or not LATIN_RUN.fullmatch(mention.text):
            mended.append(mention)
            continue
        whole = next((name for name in people if len(name.split()) >= 2
                      and len(words) > len(name.split()) and mention.text.endswith(" " + name)),
                     None)
        if whole is not None:  # the company, then the person
            company = mention.text[:-len(whole)].rstrip()
            mended.append(replace(mention, end=mention.start + len(company), text=company,
                                  normal=company))
            mended.append(replace(mention, start=mention.end - len(whole), text=whole,
                                  normal=whole, type="PER", source="rule:per.latin_named_again"))
        elif 2 <= len(words) <= 3 and words[-1] in surnames \
                and not any(w.lower() in business_words for w in words):
            mended.append(replace(mention, type="PER", normal=mention.text,
                                  source="rule:per.latin_named_again"))
        elif len(words) == 1 and words[0] in surnames and mention.type == "ORG" \
                and words[0].lower() not in business_words:
            # «По словам Abgaryan»: the surname alone of the one person named so
            full = [name for name in people if name.split()[-1] == words[0]]
            mended.append(replace(mention, type="PER", normal=full[0],
                                  source="rule:per.latin_named_again")
                          if len(full) == 1 else mention)
        else:
            mended.append(mention)
    return mended


def _adjective_off_latin_name(doc: Doc, candidate: Candidate) -> Candidate:
    """«Корейская Daesung Bio присматривается …»: a Russian adjective opening a sentence is
    no part of the Latin name NER read it with."""
    tokens = doc.tokens_in(candidate.start, candidate.end)
    if len(tokens) < 2 or tokens[0].pos != "ADJ" or not CYRILLIC_WORD.fullmatch(tokens[0].text) \
            or not all(LATIN_RUN.fullmatch(t.text) for t in tokens[1:]):
        return candidate
    return replace(candidate, start=tokens[1].start)


def _person_after_company_word(words: list[str], business_words: set[str]) -> int | None:
    """Where a person's name of two or three Latin words begins after a company's name that
    ends in its business word («Kedr Hengtai Machinery | Zhang Weimin»); None if it does not."""
    for closing in (len(words) - 3, len(words) - 2):
        if closing >= 2 and words[closing - 1].lower() in business_words and all(
                LATIN_PERSON_WORD.fullmatch(w) and w.lower() not in business_words
                for w in words[closing:]):
            return closing
    return None


def _without_descriptors_of_quoted_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """«Уральский завод гидроцилиндров «Гидромаш-Урал»»: a descriptive name a rule found right
    before an organisation's quoted name describes it; the quoted name is the organisation
    (two mentions would make two organisations, one signing with the other)."""
    quoted_starts = {m.start for m in mentions if m.type == "ORG"
                     and doc.text[m.start:m.start + 1] == QUOTES_OPEN}
    def next_word(end: int) -> int:
        return end + len(doc.text[end:end + 3]) - len(doc.text[end:end + 3].lstrip())

    return [m for m in mentions if not (
        m.type == "ORG" and m.source == "rule:org.capitalised_adjective_head_topic"
        and next_word(m.end) in quoted_starts)]


def _lemma_before_in(doc: Doc, mention: Mention, lemmas: set[str]) -> bool:
    """Is the word right before the mention one of ``lemmas``?"""
    tokens = doc.tokens_in(mention.start, mention.end)
    before = _word_before(doc, tokens[0]) if tokens else None
    return before is not None and before.lemma.lower() in lemmas
