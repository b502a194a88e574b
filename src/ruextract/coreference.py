"""Mentions of one thing: grouping into entities, and the document-level mends that need
every mention at once (a name's other occurrences, acronyms, aliases, one type per name)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise

from . import chinese
from .doc import ENTITY_TYPES, Doc, Entity, Mention, fold
from .morph import CASES, dictionary, parse_feats, word_parses
from .normal_form import (
    CONSONANT_END,
    GENITIVE_TAIL_MINISTRY,
    INSTRUMENTAL_ENDINGS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    RUSSIAN_SURNAME,
    SURNAME_CASE_ENDINGS,
    match_case,
)
from .places import gazetteer, name_key
from .rules import default_rules_dir, read_wordlist, word_pairs


def entity_key(entity_type: str, normal: str) -> str:
    """Stable across documents and batches: the same park in two articles has one key."""
    return f"{entity_type}:{fold(normal)}"


QUOTED_NAME = re.compile(r"«[^«»\n]{2,80}»")
# the in-document key of a town named like a region (``towns_of_region_names``)
TOWN_MARK = " (город)"
# a patronymic between a first name and a surname («Рустам Нургалиевич Минниханов»)
# a company's one-word Chinese name this long at least is the longer name it opens
# (``chinese_short_names``: «Хуаюй», not a syllable «Ли»)
CHINESE_SHORT_NAME_MIN = 4
PATRONYMIC = re.compile(r"^(?:\w+(?:вич|вна|ична|инична)|\w+ оглы|\w+ кызы)$")


def propagate_quoted_names(doc: Doc) -> None:
    """A quoted name found once as a PARK/ORG/EVENT is that thing wherever else it stands
    in quotes («посетила «Технополис Москва»»), also in another case («Титановую долину»,
    «Титановой долины» after ОЭЗ «Титановая долина»)."""
    repeats: list[tuple[str, Mention]] = []  # the quoted part, to find again as it is
    sources: list[tuple[list[str], Mention, str]] = []  # the name, to find inflected
    seen: set[str] = set()
    for mention in doc.mentions:
        if mention.type not in ("PARK", "ORG", "EVENT") or QUOTES_OPEN not in mention.text:
            continue
        quoted = QUOTED_NAME.search(mention.normal) or QUOTED_NAME.search(mention.text)
        name = quoted.group(0).strip("«»") if quoted else mention.normal
        sources.append((fold(name).split(), mention, name))
        inner = mention.text[mention.text.index(QUOTES_OPEN):mention.text.rindex(QUOTES_CLOSE) + 1
                             ] if QUOTES_CLOSE in mention.text else ""
        if len(inner) >= 4 and inner not in seen:
            seen.add(inner)
            repeats.append((inner, mention))
    taken = [(m.start, m.end) for m in doc.mentions]
    added = []
    for inner, mention in repeats:
        for start in _occurrences(doc.text, inner):
            end = start + len(inner)
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            sent_id = doc.sentence_of(start)
            added.append(Mention(start, end, mention.type, inner, inner.strip("«»"),
                                 "rule:propagate.quoted_name", sent_id))
    if sources:
        _propagate_inflected_quoted_names(doc, sources, taken, added)
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


def _propagate_inflected_quoted_names(doc: Doc, sources: list[tuple[list[str], Mention, str]],
                                      taken: list[tuple[int, int]], added: list[Mention]) -> None:
    """The same quoted name in another case is the thing of the ``sources`` mention it
    repeats, with that mention's normal form of the name; NER's type for such a span gives
    way."""
    by_span = {(m.start, m.end): m for m in doc.mentions}
    for found in QUOTED_NAME.finditer(doc.text):
        words = fold(found.group(0)).split()
        match = next(((m, name) for w, m, name in sources
                      if w != words and same_name(words, w, numbers=False)), None)
        if match is None:
            continue
        source, name = match
        # After its type word a quoted name stands in the nominative («в технопарке
        # «Океанис»»); a bare quoted name may not («у «Кедр-Сенсора»»): there the repeat
        # keeps its own form and name_normals votes. A number is no case ending: «Долина-2»
        # beside «Долина» is a thing of that type, the second of the name, with its own name.
        nominative = name if not source.text.startswith(QUOTES_OPEN) \
            and same_name(words, fold(name).split()) else None
        existing = by_span.get((found.start(), found.end()))
        # After an organisation's head its own quoted name stands in the nominative
        # («компания «Кедр»»); an inflected park's name there is the park's genitive
        # («предприятия «Алабуги»», «управляющая компания «Кедра»» after ОЭЗ «Кедр»).
        if existing is not None and existing.source == "rule:org.head_quoted" \
                and source.type == "PARK" and source.source.startswith("rule:park."):
            existing.type, existing.source = "PARK", "rule:propagate.inflected_quoted_name"
            existing.normal = name
            continue
        if existing is not None and existing.source == "ner" and source.source != "ner":
            existing.type = source.type
            existing.normal = nominative or existing.normal
            continue
        if any(found.start() < e and s < found.end() for s, e in taken):
            continue
        taken.append((found.start(), found.end()))
        added.append(Mention(found.start(), found.end(), source.type, found.group(0),
                             nominative or found.group(0).strip("«»"),
                             "rule:propagate.inflected_quoted_name",
                             doc.sentence_of(found.start())))


def _occurrences(text: str, part: str) -> list[int]:
    """Where ``part`` stands in ``text``, left to right, not overlapping."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + len(part))
    return found


# A park's Latin name after its type words («свободную экономическую зону KIZAD»,
# «технопарк GOSB»): the last word of the mention, in capitals
LATIN_PARK_NAME = re.compile(r"(?<=\s)([A-Z][A-Z0-9]{2,})$")
# a name of Latin words only («Xinlong», «Kedra Valley»)
LATIN_NAME_WORDS = re.compile(r"[A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)*")


def latin_park_name(name: str, heads: tuple[str, ...]) -> str | None:
    """A park's Latin name without the type words that close it («Xinlong Industrial Park» →
    «Xinlong»), or None where no such words close a Latin name."""
    folded = name.lower()
    for head in heads:
        if folded.endswith(" " + head):
            rest = name[: -len(head)].strip()
            if rest and LATIN_NAME_WORDS.fullmatch(rest):
                return rest
    return None


def propagate_latin_park_names(doc: Doc) -> None:
    """A park's Latin name in capitals found after its type words is that park wherever it
    stands alone in the document («… зону KIZAD. KIZAD — крупнейшая зона …»)."""
    names: dict[str, Mention] = {}
    for mention in doc.mentions:
        found = LATIN_PARK_NAME.search(mention.text) if mention.type == "PARK" else None
        if found is not None:
            names.setdefault(found.group(1), mention)
    by_span = {(m.start, m.end): m for m in doc.mentions}

    def retyped(start: int, end: int) -> bool:
        existing = by_span.get((start, end))
        if existing is not None and existing.source == "ner":
            existing.type = "PARK"  # NER's organisation of the park's name
            return True
        return False

    add_repeats(doc, list(names), "PARK", "rule:propagate.latin_park_name", retyped)


def propagate_bare_park_names(doc: Doc) -> None:
    """A park's quoted name found after its type words is that park where the document
    writes it bare («… в ОЭЗ «Кедрово» … Кедрово посетили главы волостей», a headline or an
    unclosed quote); not a name the gazetteer knows (the town the zone is named after), and
    only in the form the quotes give it."""
    names: list[str] = []
    for mention in doc.mentions:
        if mention.type != "PARK" or not mention.source.startswith("rule:park.") \
                or QUOTES_CLOSE not in mention.text or QUOTES_OPEN not in mention.text:
            continue
        name = mention.text[mention.text.index(QUOTES_OPEN) + 1:mention.text.rindex(QUOTES_CLOSE)]
        if len(name) >= 4 and name[:1].isupper() and QUOTES_OPEN not in name \
                and gazetteer().lookup(name) is None and name not in names:
            names.append(name)
    def quoted(start: int, end: int) -> bool:  # a quoted repeat is propagate_quoted_names'
        return doc.text[end:end + 1] == QUOTES_CLOSE or doc.text[start - 1:start] == '"'

    add_repeats(doc, names, "PARK", "rule:propagate.bare_park_name", quoted)


def add_repeats(doc: Doc, names: list[str], mention_type: str, source: str,
                skip: Callable[[int, int], bool] | None = None) -> None:
    """Each whole-word occurrence of a name, where no mention stands and ``skip`` (if given)
    does not say otherwise, is a mention of ``mention_type``."""
    taken = [(m.start, m.end) for m in doc.mentions]
    added = []
    for name in names:
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text):
            start, end = found.span()
            if (skip is not None and skip(start, end)) \
                    or any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            added.append(Mention(start, end, mention_type, name, name, source,
                                 doc.sentence_of(start)))
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


# NER's reading, and a word in capitals it read as an organisation taken for a place
READINGS_AN_ACRONYM_OUTVOTES = frozenset({"ner", "rule:mend.place_in_capitals"})


def propagate_acronyms(doc: Doc, generic: set[str] | frozenset[str] = frozenset()) -> None:
    """An acronym of a multi-word name in the document is that name wherever it stands
    («Инновационный центр Кольцово» … «ИЦК»), unless the acronym is a generic word
    (``generic``, lower case: «ОЭЗ» of АО «Особые экономические зоны» names any zone)."""
    acronyms: dict[str, Mention] = {}
    for mention in doc.mentions:
        if mention.type in ("ORG", "PARK", "EVENT") and len(mention.normal.split()) >= 3:
            letters = initials(mention.normal)
            if letters.lower() in generic:
                continue
            if "«" in mention.normal and initials(mention.normal.split("«")[0]) == letters:
                continue  # «ОЭЗ» of «Особая экономическая зона «Дубна»» is the type, not the name
            if 3 <= len(letters) <= 8:
                acronyms.setdefault(letters, mention)
    if not acronyms:
        return
    for mention in doc.mentions:
        source = acronyms.get(mention.text)
        if source is not None and mention.source in READINGS_AN_ACRONYM_OUTVOTES \
                and mention.type != source.type and mention.type in ("ORG", "LOC"):
            # «Парк высоких технологий» … «резидентов ПВТ» (NER: a company), «Ольховский
            # государственный аграрный университет» … «НГАУ» (NER: a place): the named thing
            mention.type = source.type
    taken = [(m.start, m.end) for m in doc.mentions]
    added = []
    for token in doc.tokens:
        source = acronyms.get(token.text)
        if source is None or any(token.start < e and s < token.end for s, e in taken):
            continue
        added.append(Mention(token.start, token.end, source.type, token.text, token.text,
                             "rule:propagate.acronym", token.sent_id))
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: m.start)


WORD_BREAKS = re.compile(r"[\s\-]+")
LATIN_LETTER = "A-Za-zÀ-ÖØ-öø-ɏ"  # with the accented letters («Unión», «Janša»), not «×», «÷»
LATIN_ALIAS = re.compile(rf"[{LATIN_LETTER}][{LATIN_LETTER}0-9.&'’\- ]*[{LATIN_LETTER}0-9]")
# an abbreviation in capitals, a small letter or two between them («МФК», «МИСиС», «WBC»)
ABBREVIATION_ALIAS = re.compile(r"[A-ZА-ЯЁ](?:[A-ZА-ЯЁ]|[a-zа-яё](?=[A-ZА-ЯЁ])){1,9}")
# a site's or event's name of this many words at least has an abbreviation in brackets after
# it as its own (one word, «ФСБ (КГБ)», may have its forerunner's)
NAME_WORDS_BEFORE_ABBREVIATION = 2
SITE_TYPES = ("PARK", "EVENT", "ORG")
# a word of a body's name shares its first letters with a word made of the name's stems
# («надзор» of «надзору» in «Роскомнадзор», «пром» … of «промышленности» in «Минпромторг»)
STEM_LETTERS = 4
STEM_ABBREVIATION = re.compile(r"[А-ЯЁ][а-яё]{4,}")


def parenthesised_aliases(doc: Doc) -> list[tuple[Mention, Mention]]:
    """«парке «Бэйкэчуан» (Beike Chuan, North Tech Innovation)», «выставке (China
    International Industry Fair, CIIF)», «Иван Кедров (Ivan Kedrov)»: Latin names in
    brackets right after a name are more names of the same thing, as a person's name in
    brackets after a person's (a mention of its own already where NER took the brackets into
    the person's span: ``entities._person_pieces``), and an abbreviation alone in brackets
    after a site's or event's name of two words or more, whatever its letters («Международная
    федерация кедра (МФК)», «… по делам кедров (МТДК)»). Returns (alias, named mention)
    pairs."""
    pairs: list[tuple[Mention, Mention]] = []
    taken = [(m.start, m.end) for m in doc.mentions]
    for mention in list(doc.mentions):
        if mention.type not in ("PARK", "EVENT", "ORG", "PER", "LOC"):
            continue
        opening = re.match(r"\s*\(\s*", doc.text[mention.end:mention.end + 5])
        if opening is None:
            continue
        start = mention.end + opening.end()
        if mention.type == "PER":
            # «Марина Ладова (Сомова)»: the person's other name, a mention of its own already
            named = [(other, mention) for other in doc.mentions
                     if other.type == "PER" and other.start == start]
            if named:
                pairs += named
                continue
        close = doc.text.find(")", start, start + 200)
        if close < 0:
            continue
        abbreviation = _bracketed_abbreviation(doc, mention, start, close) \
            or _bracketed_org_name(doc, mention, start, close) \
            or _bracketed_stem_abbreviation(doc, mention, start, close)
        if abbreviation is not None:
            _in_the_names_case(doc, abbreviation, mention)
            pairs.append((abbreviation, mention))
            continue
        offset = start
        for part in doc.text[start:close].split(","):
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            begin, end = offset + lead, offset + lead + len(name)
            offset += len(part) + 1
            if not LATIN_ALIAS.fullmatch(name) or any(begin < e and s < end for s, e in taken):
                continue
            alias = Mention(begin, end, mention.type, name, name, "rule:alias.parenthesised",
                            mention.sent_id)
            doc.mentions.append(alias)
            pairs.append((alias, mention))
    doc.mentions.sort(key=lambda m: m.start)
    return pairs


def _bracketed_abbreviation(doc: Doc, mention: Mention, start: int, close: int
                            ) -> Mention | None:
    """The abbreviation that alone fills the brackets from ``start`` to ``close`` after a
    site's or event's name of two words or more: the mention there (a site's or event's; a
    place there whose capitals spell the name's initials, «(АлНУ)», is retyped as the name's),
    or a new one where a Cyrillic abbreviation is no mention yet (a Latin one is left to the
    Latin aliases)."""
    name = doc.text[start:close].strip()
    latin = LATIN_ALIAS.fullmatch(name) is not None
    if mention.type not in SITE_TYPES or not ABBREVIATION_ALIAS.fullmatch(name) \
            or len(mention.text.split()) < NAME_WORDS_BEFORE_ABBREVIATION \
            or not (latin or _begins_as(name, mention.text)):
        return None
    begin = start + doc.text[start:close].index(name)
    end = begin + len(name)
    found = [other for other in doc.mentions if other.start == begin and other.end == end]
    if found and found[0].type == "LOC" and _spells(name, mention.text):
        found[0].type = mention.type  # «Алатауский национальный университет (АлНУ)»: no place
    if found:
        return found[0] if found[0].type in SITE_TYPES else None
    if latin or any(begin < m.end and m.start < end for m in doc.mentions):
        return None
    alias = Mention(begin, end, mention.type, name, name, "rule:alias.parenthesised",
                    mention.sent_id)
    doc.mentions.append(alias)
    return alias


LEGAL_FORM_BEFORE = re.compile(r"[А-ЯЁ]{2,4}\s+(?=«)")  # «АО «…»», «ООО «…»»


def _bracketed_org_name(doc: Doc, mention: Mention, start: int, close: int
                        ) -> Mention | None:
    """«ОПЕК (Организация стран — экспортёров нефти)», «Olkh Airlines («Ольха»)»: an
    organisation's mention that alone fills the brackets right after an organisation's name
    is another name of it (an abbreviation alone is ``_bracketed_abbreviation``'s: «депутат
    Законодательного собрания (КПРФ)» is the member's party, not the body's)."""
    name = doc.text[start:close].strip()
    if mention.type != "ORG" or not name or ABBREVIATION_ALIAS.fullmatch(name):
        return None
    begin = start + doc.text[start:close].index(name)
    # (after its legal form too: «акционерное общество «Камский завод» (АО «Камзавод»)»)
    form = LEGAL_FORM_BEFORE.match(name)
    starts = {begin, begin + form.end()} if form else {begin}
    return next((other for other in doc.mentions if other.type == "ORG"
                 and other.start in starts and other.end == begin + len(name)), None)


def _bracketed_stem_abbreviation(doc: Doc, mention: Mention, start: int, close: int
                                 ) -> Mention | None:
    """«Федеральной службы по надзору в сфере связи … (Роскомнадзора)»: a word alone in
    brackets after a body's name that ``stem_abbreviation_of`` that name is another name of
    it, a mention of its own where NER missed it."""
    word = doc.text[start:close].strip()
    if mention.type != "ORG" or not stem_abbreviation_of(word, mention.text):
        return None
    begin = start + doc.text[start:close].index(word)
    end = begin + len(word)
    if any(begin < m.end and m.start < end for m in doc.mentions):
        return None
    alias = Mention(begin, end, "ORG", word, word, "rule:alias.parenthesised", mention.sent_id)
    doc.mentions.append(alias)
    return alias


def stem_abbreviation_of(word: str, name: str) -> bool:
    """Is ``word`` one capitalised word made of the stems of ``name``, a body's descriptive
    name of three words or more (one stem of STEM_LETTERS letters or more; «мин-» for a
    ministry, words/stem_abbreviation_heads.txt): «Роскомнадзор» of «Федеральная служба по
    надзору в сфере связи …», «Минпромторг» of «Министерство промышленности и торговли»?
    Not a place («Кедровск»), nor of a quoted name (a company's brackets may hold its
    parent: «Газпром нефть» is no «Газпром»)."""
    if len(name.split()) < 3 or any(q in name for q in "«»\"") \
            or not STEM_ABBREVIATION.fullmatch(word) or gazetteer().lookup(word) is not None:
        return False
    folded = word.lower()
    if any(folded.startswith(short) and name.lower().startswith(long)
           for short, long in _abbreviated_heads()):
        return True
    return any(w[:STEM_LETTERS] in folded[1:] for w in re.findall(r"[а-яё]+", name.lower())
               if len(w) > STEM_LETTERS)


@lru_cache(maxsize=1)
def _abbreviated_heads() -> list[tuple[str, str]]:
    """words/stem_abbreviation_heads.txt: «мин = министерств»."""
    return word_pairs(read_wordlist(default_rules_dir() / "words"
                                    / "stem_abbreviation_heads.txt"))


def _in_the_names_case(doc: Doc, alias: Mention, named: Mention) -> None:
    """A one-word alias in brackets stands in the case of the name it follows («службы …
    (Роскомнадзора)»), whatever the tagger reads in it alone: its nominative by the
    dictionary's reading (or guess) in that case."""
    if " " in alias.text or alias.normal != alias.text or not alias.text[1:].islower() \
            or GENITIVE_TAIL_MINISTRY.fullmatch(alias.text):
        return  # («Минцифры», «Минприроды»: a genitive tail, the same in every case)
    first = doc.tokens_in(named.start, named.end)[:1]
    case = parse_feats(first[0].feats).get("Case") if first else None
    grammeme = CASES.get(case or "")
    if grammeme is None or grammeme == "nomn":
        return
    for parse in word_parses(alias.text):
        if parse.tag.POS == "NOUN" and grammeme in parse.tag and "sing" in parse.tag:
            inflected = parse.inflect({"nomn", "sing"})
            if inflected is not None:
                alias.normal = match_case(alias.text, inflected.word)
            return


def _spells(abbreviation: str, name: str) -> bool:
    """Do the capitals of a mixed-case abbreviation spell its name's initials, three or more
    («АлНУ» of «Алатауский национальный университет»)?"""
    capitals = "".join(c for c in abbreviation if c.isupper())
    return len(capitals) >= 3 and capitals == initials(name)


def _begins_as(abbreviation: str, name: str) -> bool:
    """Whether a Cyrillic abbreviation begins with its name's first letter («МТДК» of
    «Международный трибунал по делам кедров»): a party's in brackets after a body, «депутат
    Законодательного собрания (КПРФ)», is the member's, not the body's. (A Latin one after a
    Russian name is its foreign original: «Всемирный кедровый совет (WCC)».)"""
    return initials(name)[:1] == abbreviation[:1]


def described_event_names(doc: Doc) -> list[tuple[Mention, Mention]]:
    """«на Форуме приграничного сотрудничества «Кедр-2025»»: an event's descriptor (a name of
    its own by its capital) right before the event's quoted name is the same event. Returns
    (descriptor, name) pairs."""
    events = sorted((m for m in doc.mentions if m.type == "EVENT"), key=lambda m: m.start)
    return [(descriptor, name) for descriptor, name in pairwise(events)
            if name.text.startswith(QUOTES_OPEN)
            and not doc.text[descriptor.end:name.start].strip()]


def chinese_short_names(doc: Doc) -> list[tuple[Mention, Mention]]:
    """«Концерн «Хуаюй Пауэр» … «Хуаюй» рассматривает …»: a company's quoted Chinese name of
    one word (Palladius's syllables) is the one longer quoted name of the document that it
    opens. Returns (short, long) pairs."""
    def words(mention: Mention) -> list[str]:
        return quoted_name(mention).strip("«»").split()

    companies = [m for m in doc.mentions if m.type == "ORG" and QUOTES_OPEN in m.text]
    pairs = []
    for short in companies:
        name = words(short)
        if len(name) != 1 or len(name[0]) < CHINESE_SHORT_NAME_MIN \
                or not chinese.spelt_in_syllables(name[0]):
            continue
        longer = {quoted_name(m): m for m in companies
                  if len(words(m)) > 1 and words(m)[0] == name[0]}
        if len(longer) == 1:
            pairs.append((short, next(iter(longer.values()))))
    return pairs


LATIN_WORD = re.compile(r"[a-z][a-z'&-]*")  # a folded word of Latin letters


def company_short_names(doc: Doc, tails: frozenset[str]) -> list[tuple[Mention, Mention]]:
    """«Brenner Maschinenbau GmbH … Brenner уже работает …», «Йылдыз Композит … Йылдыз»: a
    company's one-word name after the one longer company name of the document that it opens
    (past a province's name before it: «Jiangsu Hongda Machinery … Hongda»), whose other
    words close a company's name (``key_company_tail_words``, or foreign words after a foreign
    first word). Returns (short, long) pairs."""
    def words(mention: Mention) -> list[str]:
        found = [w.rstrip(".,") for w in quoted_name(mention).strip("«»\"").split()]
        return [w for w in found if w]

    def closes(word: str, first: str) -> bool:
        # a word of ``tails``, or a foreign one after a foreign first word: Latin after Latin
        # («Ferraretti Componenti»), or one the dictionary lacks after one it lacks too
        # («Ферраретти Компоненти»; not «Газпром нефть»)
        if word in tails:
            return True
        if LATIN_WORD.fullmatch(word):
            return bool(LATIN_WORD.fullmatch(first))
        return word.isalpha() and not dictionary().word_is_known(word) \
            and not dictionary().word_is_known(first)

    def shortened(mention: Mention) -> list[str]:
        found = words(mention)
        if len(found) >= 3 and (fold(found[0]) in gazetteer().by_name or fold(
                chinese.chinese_names_in_russian(found[0]) or "") in gazetteer().by_name):
            found = found[1:]  # «Jiangsu Hongda Machinery»: a province before the name
        while len(found) > 1 and closes(found[-1], found[0]):
            found.pop()
        return found if len(found) < len(words(mention)) else []

    companies = [m for m in doc.mentions if m.type == "ORG"]
    longer: dict[str, list[Mention]] = {}
    for mention in companies:
        short_name = shortened(mention)
        if len(short_name) == 1:
            longer.setdefault(short_name[0], []).append(mention)
    pairs = []
    for short in companies:
        name = words(short)
        found = longer.get(name[0], []) if len(name) == 1 else []
        if len({fold(m.normal) for m in found}) == 1 and found[0].start < short.start:
            pairs.append((short, found[0]))
    return pairs


def bodies_of_a_place_left_out(doc: Doc, descriptors: frozenset[str]
                               ) -> list[tuple[Mention, Mention]]:
    """«Председатель Народного комитета провинции Ле Хоанг Ньян» after «Народного комитета
    провинции Виньлонг»: a body's name that ends in a place's descriptor, the place left
    out, is the one longer name of the document it opens. Returns (short, long) pairs."""
    bodies = [m for m in doc.mentions if m.type == "ORG"]
    pairs = []
    for short in bodies:
        words = short.normal.split()
        if len(words) < 2 or name_key(words[-1]) not in descriptors:
            continue
        longer = {fold(m.normal): m for m in bodies
                  if fold(m.normal).startswith(fold(short.normal) + " ")}
        if len(longer) == 1:
            pairs.append((short, next(iter(longer.values()))))
    return pairs


def join_aliases(doc: Doc, pairs: list[tuple[Mention, Mention]]) -> None:
    """Put each alias in the entity of the name it follows."""
    for alias, named in pairs:
        drop, keep = alias.entity_id, named.entity_id
        if drop == keep or drop < 0 or keep < 0:
            continue
        for index in doc.entities[drop].mention_ids:
            doc.mentions[index].entity_id = keep
        doc.entities[keep].mention_ids = sorted(doc.entities[keep].mention_ids
                                                + doc.entities[drop].mention_ids)
        doc.entities[drop].mention_ids = []
    if pairs:
        survivors = [e for e in doc.entities if e.mention_ids]
        renumber = {e.entity_id: new for new, e in enumerate(survivors)}
        for entity in survivors:
            entity.entity_id = renumber[entity.entity_id]
        for mention in doc.mentions:
            mention.entity_id = renumber[mention.entity_id]
        doc.entities = survivors


def quoted_name(mention: Mention) -> str:
    """A mention's name as its quotes enclose it («ОЭЗ «Каменка»», «АО «Каменка»» → «каменка»
    with its quotes), folded; its normal form where it has none."""
    text = mention.text
    if QUOTES_OPEN in text and QUOTES_CLOSE in text:
        return fold(text[text.index(QUOTES_OPEN):text.rindex(QUOTES_CLOSE) + 1])
    return fold(mention.normal)


def vote_types(doc: Doc) -> None:
    """One name, one type in a document: NER's odd label («Кольцово» as PER, a park's
    quoted name as ORG) follows the majority of that name's mentions; the rules' type, where
    they agree on one, outvotes NER whatever its number of mentions.
    A bare name NER reads as a place («по городу Каменка», «в Каменку») is the town, not the
    park or company whose quoted name it shares (ОЭЗ «Каменка», АО «Каменка»): it keeps LOC;
    so does a bare name NER reads otherwise when the places gazetteer knows it."""
    def bare(mention: Mention) -> bool:
        return QUOTES_OPEN not in mention.text and '"' not in mention.text

    def place_by_its_own_context(mention: Mention) -> bool:
        return mention.type == "LOC" and bare(mention)

    def known_place(mention: Mention) -> bool:
        # «Витебск посетила делегация» (NER: ORG) beside СЭЗ «Витебск»: the city
        return mention.source == "ner" and bare(mention) \
            and gazetteer().lookup(mention.normal) is not None

    def noun_before(mention: Mention) -> bool:  # (or an abbreviation: «ГК «Каменка»»)
        first = doc.tokens_in(mention.start, mention.end)[:1]
        if not first or first[0].token_id == 0:
            return False
        before = doc.tokens[first[0].token_id - 1]
        return before.pos == "NOUN" or (before.text.isupper() and before.text.isalpha())

    def headed(mention: Mention) -> bool:  # «ОЭЗ «Каменка»», «АО «Каменка»»: a word says
        return mention.source != "ner" and QUOTES_OPEN in mention.text \
            and not mention.text.startswith(QUOTES_OPEN)

    votes: dict[str, Counter] = {}
    ruled: dict[str, Counter] = {}  # the rules' own votes: they outvote any number of NER's
    heads: dict[str, Counter] = {}  # the types a word before the quotes gives the name
    for mention in doc.mentions:
        weight = 1 if mention.source == "ner" else 2
        votes.setdefault(quoted_name(mention), Counter())[mention.type] += weight
        if mention.source != "ner":
            ruled.setdefault(quoted_name(mention), Counter())[mention.type] += 1
        if headed(mention):
            heads.setdefault(quoted_name(mention), Counter())[mention.type] += 1
    for mention in doc.mentions:
        if place_by_its_own_context(mention):
            continue
        told = heads.get(quoted_name(mention))
        if told is not None and len(told) == 1 and mention.text.startswith(QUOTES_OPEN) \
                and {mention.type, *told} <= {"ORG", "PARK"} and not noun_before(mention):
            # «Турецкие промышленники посетили «Кама-Технополис»» (a rule guessed a company)
            # beside «ОЭЗ «Кама-Технополис»»: what the type word says, of every bare mention
            # (not one after a head of its own: «на верфи «Осока»» is the yard)
            mention.type = next(iter(told))
            continue
        counter = votes[quoted_name(mention)]
        best, count = counter.most_common(1)[0]
        outvoted = count > counter[mention.type]
        rules = ruled.get(quoted_name(mention))
        if rules is not None and list(rules.values()).count(max(rules.values())) == 1 \
                and mention.type != "PER" and QUOTES_OPEN in mention.text:
            # «технопарк «Ёлкино»» (a rule's), then «Ёлкино» twice (NER's, quoted): the rule's
            # type (not a person NER read, «Кедров» beside a plant «Кедров»)
            best, outvoted = rules.most_common(1)[0][0], True
        if best != mention.type and outvoted and mention.source == "ner":
            mention.type = "LOC" if best in ("PARK", "ORG") and known_place(mention) else best




def person_normals(doc: Doc) -> None:
    """Inflected names borrow the form the text gives in the nominative: «Фудзиты Марико» →
    «Фудзита Марико» when the article also writes «Фудзита Марико»."""
    _surnames_by_shown_stems(doc)
    _women_named_in_full(doc)
    for entity in doc.entities:
        if entity.type != "PER":
            continue
        mentions = [doc.mentions[i] for i in entity.mention_ids]
        nominative = [m.normal for m in mentions if " ".join(m.text.split()) == m.normal]
        if nominative:
            # the fullest name, then the one whose words begin the most mentions' words: a
            # case form the tagger read as nominative («Ларри Пейджу») is no stem of the rest
            # (each form once: a long article repeats one name hundreds of times)
            canonical = max(dict.fromkeys(nominative),
                            key=lambda n: (len(n.split()), _stem_of_mentions(n, mentions)))
            for mention in mentions:
                if same_name(mention.text.split(), canonical.split()):
                    mention.normal = canonical
            entity.normal = canonical
            entity.key = entity_key("PER", canonical)


def _women_named_in_full(doc: Doc) -> None:
    """A Russian surname in a case a woman's form shares with a man's («Ольхову»: her
    accusative, his dative; the tagger gives the man's) is hers where the text names a woman
    in full with it («Анна Ольхова») and no man: «Ольхову» → «Ольхова», «Ярославу Кедрову»
    → «Ярослава Кедрова»."""
    persons = [m for m in doc.mentions if m.type == "PER" and m.normal.split()]
    women = {fold(m.normal.split()[-1]): m.normal for m in persons
             if len(m.normal.split()) > 1 and _feminine_surname_stem(fold(m.normal.split()[-1]))}
    for mention in persons:
        words, written = fold(mention.normal).split(), fold(mention.text).split()
        woman = next((w for w in women if words[-1] in _masculine_surnames(w)), None)
        if woman is None or len(words) != len(written) \
                or written[-1] not in _feminine_surname_forms(woman) \
                or _man_named_with(persons, women[woman]):
            continue
        full = women[woman].split()
        if len(words) == 1:
            mention.normal = full[-1]
        elif same_name(words[:-1], fold(" ".join(full[:-1])).split()):
            mention.normal = " ".join(full)


def _feminine_surname_stem(surname: str) -> str | None:
    """The stem of a woman's Russian surname («ольхов» of «ольхова», «сосновск» of
    «сосновская»), or None."""
    if surname.endswith(("ская", "цкая")):
        return surname[:-2]
    match = RUSSIAN_SURNAME.fullmatch(surname)
    return match.group(1) if match and match.group(2) == "а" else None


def _feminine_surname_forms(surname: str) -> set[str]:
    stem = _feminine_surname_stem(surname) or ""
    if surname.endswith("ая"):
        return {stem + e for e in ("ая", "ой", "ую", "ою")}
    return {stem + e for e in ("а", "ой", "у", "ою")}


def _masculine_surnames(surname: str) -> set[str]:
    stem = _feminine_surname_stem(surname) or ""
    return {stem + "ий", stem + "ой"} if surname.endswith("ая") else {stem}


def _man_named_with(persons: list[Mention], woman: str) -> bool:
    """Does the text name a man with the woman's surname: in a form no woman's form is
    («Ольхов», «Ольховым»), or in full with another first name («Петра Ольхова»)."""
    *first, surname = fold(woman).split()
    forms, masculine = _feminine_surname_forms(surname), _masculine_surnames(surname)
    for mention in persons:
        *his_first, his_surname = fold(mention.normal).split()
        written = fold(mention.text).split()
        if his_surname in masculine and written and (
                written[-1] not in forms
                or (his_first and not same_name(his_first, first))):
            return True
    return False


def _surnames_by_shown_stems(doc: Doc) -> None:
    """A man's foreign surname left in a case («Энтони Кедда»: the tagger read «Кедда» as a
    nominative) takes the consonant stem the text shows elsewhere, in the nominative or in
    an instrumental that only such a stem has («Кедд», «Кеддом»). Not a Russian surname's
    «-а» (a woman's nominative), nor a word the tagger reads as feminine."""
    stems = _shown_stems(doc)
    feminine = {t.start for t in doc.tokens if "Gender=Fem" in t.feats}
    for mention in doc.mentions:
        words = mention.normal.split()
        if mention.type != "PER" or not words:
            continue
        last = fold(words[-1])
        if last.endswith(SURNAME_CASE_ENDINGS) and last[:-1] in stems \
                and RUSSIAN_SURNAME.fullmatch(last) is None \
                and mention.end - len(mention.text.split()[-1]) not in feminine:
            mention.normal = " ".join([*words[:-1], words[-1][:-1]])


def _shown_stems(doc: Doc) -> set[str]:
    """The folded last words of persons' normal forms that end in a consonant and that the
    text writes as they are or with an instrumental ending."""
    stems = set()
    for mention in doc.mentions:
        written, normal = fold(mention.text).split(), fold(mention.normal).split()
        if mention.type == "PER" and written and normal and CONSONANT_END.search(normal[-1]) \
                and written[-1] in (normal[-1], *(normal[-1] + e for e in INSTRUMENTAL_ENDINGS)):
            stems.add(normal[-1])
    return stems


def _stem_of_mentions(normal: str, mentions: list[Mention]) -> int:
    """How many of ``mentions`` have words, matched from the last, that each are a case form
    of the word of ``normal`` in its place: «Пейдж» begins «Пейджа», «Пейджем», «Пейджу»;
    «Мамука» gives «Мамуки», «Мамуке», «Мамукой»."""
    words = fold(normal).split()
    return sum(all(_case_form_of(word, stem) for word, stem in
                   zip(reversed(fold(m.text).split()), reversed(words), strict=False))
               for m in mentions)


# the oblique endings of a name in «-а», «-я» («Мамуки», «Мамуке», «Мамуку», «Мамукой»)
A_DECLENSION_ENDINGS = ("ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею")


def _case_form_of(word: str, nominative: str) -> bool:
    """Is ``word`` ``nominative`` or one of its case forms: a consonant stem's ending added
    to it, a name in «-а», «-я» with its ending changed."""
    if word.startswith(nominative):
        return True
    return nominative.endswith(("а", "я")) and len(nominative) > 3 \
        and any(word == nominative[:-1] + ending for ending in A_DECLENSION_ENDINGS)


def name_normals(doc: Doc) -> None:
    """A quoted name inflected in the text («Кедр-Сенсора») takes the form the document
    gives it elsewhere («Кедр-Сенсор»): the entity's most frequent form, then the shortest."""
    for entity_type in ("ORG", "PARK", "EVENT"):
        entities = [e for e in doc.entities if e.type == entity_type]
        for entity in entities:
            similar = [e for e in entities if same_name(fold(e.normal).split(),
                                                          fold(entity.normal).split())]
            if len(similar) < 2:
                continue
            counts = Counter(doc.mentions[i].normal for e in similar for i in e.mention_ids)
            # on a tie, a form the text writes as it is («Российско-китайский ЭКСПО»)
            # (a quoted name's written form is its words inside the quotes)
            written = {" ".join(form.split()) for e in similar for i in e.mention_ids
                       for form in (doc.mentions[i].text, doc.mentions[i].text.strip("«»"))}
            # then a form the others are case forms of («Хайда» beside «Хайды»: both written
            # in quotes, one of them as a genitive)
            canonical = min(counts, key=lambda n: (-counts[n], n not in written,
                                                   -_declined_from(n, counts), len(n)))
            for other in similar:
                for i in other.mention_ids:
                    doc.mentions[i].normal = canonical
                other.normal, other.key = canonical, entity_key(entity_type, canonical)
    _place_nominatives(doc)
    _misspelt_places(doc)
    _gazetteer_nominatives(doc)
    # Group again: names unified here, and persons' nominative forms set by person_normals,
    # can now join entities that the first grouping kept apart.
    group_entities(doc)


def _declined_from(form: str, forms: Iterable[str]) -> int:
    """How many of the other ``forms`` are, word by word, case forms of ``form``."""
    words = fold(form).split()
    return sum(other != form and len(others := fold(other).split()) == len(words)
               and all(_case_form_of(a, b) for a, b in zip(others, words, strict=True))
               for other in forms)


def _misspelt_places(doc: Doc) -> None:
    """A place with a soft sign misplaced («Ставрополського края») takes the gazetteer's
    name, where that is the one place it can be."""
    for entity in doc.entities:
        if entity.type != "LOC":
            continue
        for i in entity.mention_ids:
            mention = doc.mentions[i]
            place = gazetteer().misspelt(mention.text) or gazetteer().misspelt(mention.normal)
            if place is not None:
                mention.normal = place.canonical
                entity.normal, entity.key = place.canonical, entity_key("LOC", place.canonical)


COORDINATED_PLACE = re.compile(r"\w\s+и\s+\w")


def _gazetteer_nominatives(doc: Doc) -> None:
    """A place in an oblique case that the gazetteer knows under a name of as many words of
    the same stems («Хэфэя», «Сианя» → «Хэфэй», «Сиань»: the dictionary has no case forms of
    them; «Республики Кедровской», whose adjective after the head the phrase leaves in its
    case) takes that name; so does a name of two joined by «и» («Боснии и Герцеговине»)."""
    for mention in doc.mentions:
        if mention.type == "LOC" and COORDINATED_PLACE.search(mention.text):
            place = gazetteer().lookup(mention.text)
            mention.normal = place.canonical if place is not None else mention.normal
            continue
        if mention.type != "LOC":
            continue
        words = fold(mention.normal).split()
        place = gazetteer().lookup(mention.normal) or gazetteer().lookup(mention.text)
        if place is not None and place.canonical != mention.normal \
                and same_name(words, fold(place.canonical).split()):
            mention.normal = place.canonical  # «Республики Сербской» → «Республика Сербская»


def _place_nominatives(doc: Doc) -> None:
    """A one-word place the dictionary does not decline right («Шэньчжэня» ×4 beside one
    «Шэньчжэнь»): its forms take the one the text writes in the nominative, where the text
    writes exactly one such, or the one form it always writes where one mention kept it.
    Forms the gazetteer knows each are left to it."""
    by_start = {token.start: token for token in doc.tokens}
    places = [e for e in doc.entities if e.type == "LOC" and " " not in e.normal.strip()]
    for entity in places:
        similar = [e for e in places if same_name([fold(e.normal)], [fold(entity.normal)])]
        if len(similar) < 2 or all(gazetteer().lookup(e.normal) for e in similar):
            continue
        nominative = {m.normal for e in similar for i in e.mention_ids
                      if (m := doc.mentions[i]).text == m.normal
                      and (t := by_start.get(m.start)) is not None and "Case=Nom" in t.feats}
        if len(nominative) > 1:  # («Норрботтена» misread as a nominative): the one the
            # others are case forms of
            nominative = {n for n in nominative
                          if _declined_from(n, nominative) == len(nominative) - 1}
        written = {doc.mentions[i].text.strip() for e in similar for i in e.mention_ids}
        if not nominative and len(written) == 1 and next(iter(written)) in {
                e.normal for e in similar}:
            # «из Отару» … «муниципалитета Отару»: written one way throughout, and kept as
            # written once (a name that does not decline)
            nominative = written
        if len(nominative) != 1:
            continue
        canonical = next(iter(nominative))
        known = gazetteer().lookup(canonical)
        for other in similar:
            if (place := gazetteer().lookup(other.normal)) is not None and (
                    known is None or place.canonical != known.canonical):
                continue  # «Забайкалье» is no case form of the town «Забайкальск»
            for i in other.mention_ids:
                doc.mentions[i].normal = canonical
            other.normal, other.key = canonical, entity_key("LOC", canonical)


def same_name(words: list[str], other: list[str], numbers: bool = True) -> bool:
    """Word by word the same name up to its case ending («Фудзиты Марико» ~ «Фудзита Марико»),
    and with the same numbers («Долина-2» is no case of «Долина»; unless not ``numbers``)."""
    if len(words) != len(other):
        return False
    for a, b in zip(words, other, strict=True):
        # three letters of a stem at least, where both words have them: «ТАСС» is no case
        # of «Талина»
        shorter = min(len(a), len(b))
        stem = max(shorter - 2, min(shorter, 3))
        # a case ending differs by two letters at most: «Роснано» is not «Роснанотех»
        if a[:stem].lower() != b[:stem].lower() or abs(len(a) - len(b)) > 2:
            return False
        if not _endings_apart(a.lower(), b.lower()):
            return False  # «Днепр» and «Днестр», «Иран» and «Ирак»: two names of one stem
        if numbers and [c for c in a if c.isdigit()] != [c for c in b if c.isdigit()]:
            return False
    return True


# the letters a Russian case ending is made of («-ами», «-ого», «-ях», «-ов», «-ью»)
CASE_ENDING_LETTERS = frozenset("аеёиоуыэюяйьмхвг")
ADJECTIVE_SUFFIXES = ("ск", "цк")  # «Ольхии» ~ «Ольхийских»: a place and its adjective


def _endings_apart(a: str, b: str) -> bool:
    """Do two words of one stem differ by case endings only: past their common start, the
    same letters other than an ending's («Павел» ~ «Павла»: a vowel drops before «л»), up to
    a doubled letter («Гари» ~ «Гарри») or an adjective's suffix («Ольхии» ~ «Ольхийских»);
    not «Днепр» ~ «Днестр», nor «Иран» ~ «Ирак»."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return _tail_letters(a, common) == _tail_letters(b, common)


def _tail_letters(word: str, common: int) -> set[str]:
    """The letters of ``word`` past ``common`` that no case ending has, a letter doubled at
    the start («Гарри» past «Гар») and an adjective's suffix taken off."""
    tail = word[common:]
    if common and tail[:1] == word[common - 1]:
        tail = tail[1:]
    letters = set(tail) - CASE_ENDING_LETTERS
    if any(suffix in tail and letters == set(suffix) for suffix in ADJECTIVE_SUFFIXES):
        return set()  # the suffix's letters only
    return letters


def _addressing(mention: Mention) -> bool:
    """A person named by first name and patronymic only («Александр Викторович»)?"""
    words = fold(mention.normal).split()
    return mention.type == "PER" and len(words) == 2 and is_patronymic(words[1])


def is_patronymic(word: str) -> bool:
    """«викторович», «александрович»: the dictionary reads it as a patronymic, or it is
    shaped like one and unknown («сабирович»); «Питкевич» is a surname."""
    return any("Patr" in parse.tag for parse in word_parses(word)) \
        or (PATRONYMIC.match(word) is not None and not dictionary().word_is_known(word))


def _addressed(doc: Doc, mention: Mention, words: list[str]) -> Entity | None:
    """A person named by first name and patronymic («Александр Викторович»: how an article
    addresses someone it named in full) is the full-named person of that first name (and
    patronymic, where written) named last before it, or the one such person of the text."""
    first, patronymic = words
    candidates = []
    for entity in doc.entities:
        names = fold(entity.normal).split()
        if len(names) == 3 and is_patronymic(names[2]):
            names = names[1:] + names[:1]  # surname first: «Петров Иван Сергеевич»
        if entity.type != "PER" or len(names) < 2 or is_patronymic(names[-1]) \
                or not same_name([first], names[:1]) \
                or (len(names) == 3 and not same_name([patronymic], names[1:2])):
            continue
        before = [doc.mentions[i].start for i in entity.mention_ids
                  if doc.mentions[i].start < mention.start]
        candidates.append((max(before, default=-1), entity))
    if len(candidates) == 1:
        return candidates[0][1]
    earlier = [c for c in candidates if c[0] >= 0]
    return max(earlier, key=lambda c: c[0])[1] if earlier else None


def initials(normal: str) -> str:
    """The first letters of a name's words (a quoted word's too: «Калужский завод …» is
    КЗ…)."""
    words = (word.lstrip(QUOTES_OPEN) for word in WORD_BREAKS.split(normal))
    return "".join(_word_initials(word) for word in words if word and word[0].isalpha()).upper()


@lru_cache(maxsize=1)
def _state_compound() -> re.Pattern[str]:
    """«гос-» in a compound stands for «государственный» and gives its own letter:
    «Новосибирский госуниверситет» is НГУ, «Госдума» ГД (only before the stems of
    words/state_compound_stems.txt: «гостиница» is no «ГТ»)."""
    stems = read_wordlist(default_rules_dir() / "words" / "state_compound_stems.txt")
    return re.compile(rf"^(г)ос(?={'|'.join(map(re.escape, stems))})(.)", re.IGNORECASE)


# a name of words written together, each capitalised: «ВолгаПромСинтез» is ВПС
CAMEL_CASE_WORD = re.compile(r"(?:[А-ЯЁA-Z][а-яёa-z]+){2,}")


@lru_cache(maxsize=1)
def _direction_compound() -> re.Pattern[str]:
    """«Дальневосточный»: a place adjective of two stems written as one word gives a letter
    for each (words/compound_direction_prefixes.txt), as «Северо-Кавказский» does."""
    prefixes = read_wordlist(default_rules_dir() / "words" / "compound_direction_prefixes.txt")
    return re.compile(rf"^(?:{'|'.join(map(re.escape, prefixes))})(?=[а-яё]{{4}})",
                      re.IGNORECASE)


def _word_initials(word: str) -> str:
    if CAMEL_CASE_WORD.fullmatch(word):
        return "".join(letter for letter in word if letter.isupper())
    compound = _state_compound().match(word)
    if compound:
        return compound.group(1) + compound.group(2)
    direction = _direction_compound().match(word)
    return word[0] + word[direction.end()] if direction else word[0]


def group_entities(doc: Doc) -> None:
    """Mentions of one thing share an entity: a bare surname joins the full name, an
    abbreviation its expansion, a place's names each other (the gazetteer's one place), equal
    normal forms each other."""
    doc.entities = []
    by_key: dict[tuple[str, str], Entity] = {}
    # longer names first; a person addressed by first name and patronymic after everyone
    # named in full, so that it finds its person wherever the full name stands
    mentions = sorted(enumerate(doc.mentions),
                      key=lambda im: (_addressing(im[1]), -len(im[1].normal.split())))
    towns = towns_of_region_names(doc)
    town_entities: set[int] = set()  # a town named like a region joins no other place
    for index, mention in mentions:
        key = (mention.type, fold(mention.normal) + (TOWN_MARK if index in towns else ""))
        entity = by_key.get(key) if index in towns else by_key.get(key) or _referent(doc, mention)
        if entity is not None and entity.entity_id in town_entities and index not in towns:
            entity = None
        if entity is None:
            entity = Entity(len(doc.entities), mention.type, mention.normal,
                            entity_key(mention.type, mention.normal))
            doc.entities.append(entity)
            if index in towns:
                town_entities.add(entity.entity_id)
        by_key.setdefault(key, entity)
        entity.mention_ids.append(index)
        mention.entity_id = entity.entity_id
    for entity in doc.entities:
        entity.mention_ids.sort()
        if entity.type == "LOC":
            _named_by_its_own_name(doc, entity)


def towns_of_region_names(doc: Doc) -> set[int]:
    """«в городе Асуане» beside «губернаторства Асуан»: a place the gazetteer knows as a
    region (or does not know), named after a town's word, is the town of that name (another
    thing than the region) where the document names the region by its word too, or the
    gazetteer knows a town of the name besides («Ниигата»): not «города Пусан» alone (a city
    the subdivisions list as a region). A bare mention of the name is the one the nearest
    described mention before it is (else the first after it). The indices of the mentions
    that are the town."""
    tokens, town_words = doc.tokens, _town_words()
    described_by = town_words | _region_words()
    readings: dict[str, list[tuple[int, bool]]] = {}  # name → (mention, a town?) described
    for index, mention in enumerate(doc.mentions):
        if mention.type != "LOC":
            continue
        place = gazetteer().lookup(mention.normal)
        if place is not None and place.kind != "region":
            continue  # (a name it does not know is told apart by the words only)
        first = doc.tokens_in(mention.start, mention.end)
        before = tokens[first[0].token_id - 1] if first and first[0].token_id > 0 else None
        # (the tagger's lemma, or the dictionary's: «мухафазы» read as an adjective)
        lemmas = {before.lemma.lower(),
                  *(p.normal_form for p in word_parses(before.text.lower()))} \
            if before is not None else set()
        if lemmas & described_by:
            readings.setdefault(fold(mention.normal), []).append(
                (index, bool(lemmas & town_words)))
    towns: set[int] = set()
    for name, described in readings.items():
        if not any(town for _, town in described) or (
                all(town for _, town in described)
                and name not in gazetteer().region_and_town_names):
            continue
        for index, mention in enumerate(doc.mentions):
            if mention.type != "LOC" or fold(mention.normal) != name:
                continue
            before = [town for i, town in described if i <= index]
            if (before[-1] if before else described[0][1]):
                towns.add(index)
    return towns


@lru_cache(maxsize=1)
def _town_words() -> frozenset[str]:
    """Lemmas of the words that name a town (settlement_descriptors, town_descriptors)."""
    return frozenset(word for name in ("settlement_descriptors", "town_descriptors")
                     for word in read_wordlist(default_rules_dir() / "words" / f"{name}.txt"))


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """Lemmas of the words that name a region (words/geo_descriptors.txt but a town's)."""
    return frozenset(read_wordlist(default_rules_dir() / "words" / "geo_descriptors.txt")) \
        - _town_words()


def _named_by_its_own_name(doc: Doc, entity: Entity) -> None:
    """A place named by another name of the gazetteer's («Северная столица», «КНР») is named
    by its own where a mention writes it («Санкт-Петербург», «Китай»): a longer name came
    first, but a nickname or initials are no name to report. Not an official name that spells
    the short one («Китайская Народная Республика» keeps its words)."""
    place = gazetteer().lookup(entity.normal)
    if place is None or fold(entity.normal) == fold(place.canonical):
        return
    own = fold(place.canonical)
    written = [doc.mentions[i].normal for i in entity.mention_ids
               if fold(doc.mentions[i].normal) == own]
    spelt = {word[:4] for word in own.split()}
    if written and not any(word[:4] in spelt for word in fold(entity.normal).split()):
        entity.normal, entity.key = written[0], entity_key(entity.type, written[0])


def _without_convocation(words: list[str]) -> list[str]:
    """A body's name without the convocation at its end («госдума шестого созыва» →
    «госдума», «думы VII созыва» → «думы»); [] where it ends in none."""
    if len(words) < 3 or not words[-1].startswith("созыв"):
        return []
    at = len(words) - 1
    while at > 1 and _convocation_number(words[at - 1]):
        at -= 1
    return words[:at] if at < len(words) - 1 else []


def _convocation_number(word: str) -> bool:
    """A word of a convocation's number: «шестого», «7-го», «vii», or «и» between two."""
    return word in ("и", ",") or word.endswith("го") or any(c.isdigit() for c in word) \
        or set(word) <= set("ivxlcх")


# the oblique endings of a man's adjectival surname («Бережного», «Бережному», «Бережным»)
ADJECTIVAL_SURNAME_CASES = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем")


def _adjectival_case_form(word: str, surname: str) -> bool:
    """Is ``word`` a case form of a man's adjectival surname («бережного» of «бережной»,
    «сосновского» of «сосновский»)?"""
    return surname.endswith(("ой", "ий", "ый")) and len(surname) > 4 \
        and word.startswith(surname[:-2]) and word[len(surname) - 2:] in ADJECTIVAL_SURNAME_CASES


def _referent(doc: Doc, mention: Mention) -> Entity | None:
    words = fold(mention.normal).split()
    if _addressing(mention) and (entity := _addressed(doc, mention, words)) is not None:
        return entity
    if mention.type == "PER" and len(words) > 1:
        for entity in doc.entities:
            if entity.type == "PER" and same_name(words, fold(entity.normal).split()):
                return entity
    if mention.type == "PER" and len(words) == 1:
        matches = [e for e in doc.entities
                   if e.type == "PER" and words[0] in fold(e.normal).split()] or [
            e for e in doc.entities if e.type == "PER" and len(e.normal.split()) > 1
            and _adjectival_case_form(words[0], fold(e.normal).split()[-1])]
        if len(matches) == 1:
            return matches[0]
    place = gazetteer().lookup(mention.normal) if mention.type == "LOC" else None
    if place is not None:
        # «Республика Кения» … «Кении», «КНР» … «Китая»: one place of the gazetteer
        matches = [e for e in doc.entities
                   if e.type == "LOC" and gazetteer().lookup(e.normal) is place]
        if matches:
            return matches[0]
    if mention.type == "ORG":
        # «Госдума шестого созыва» … «Госдума»: the body named without its convocation
        matches = [e for e in doc.entities if e.type == "ORG"
                   and _without_convocation(fold(e.normal).split()) == words]
        if len(matches) == 1:
            return matches[0]
    if mention.type == "ORG" and len(words) == 1 and not mention.normal.isupper():
        # «Брянский горсовет» … «горсовет»: a body's one word repeats its longer name
        matches = [e for e in doc.entities if e.type == "ORG"
                   and len(other := fold(e.normal).split()) > 1 and other[-1] == words[0]]
        if len(matches) == 1:
            return matches[0]
    if mention.normal.isupper() and 2 <= len(mention.normal) <= 8:
        # not a person's: «РТ» is no «Раис Татарстана»
        matches = [e for e in doc.entities if e.type in ENTITY_TYPES and e.type != "PER"
                   and (len(e.normal.split()) > 1 or CAMEL_CASE_WORD.fullmatch(e.normal))
                   and initials(e.normal) == mention.normal]
        if matches:
            return matches[0]
    return None
