"""One document's context for the relation matchers, and the helpers they share.

``Context`` indexes a document (token → mention, tree children, sentences) and holds what
the stage has found so far: the delegations, the words that refer to them (``Ref``) and the
relations (``add``). Its methods are the vocabulary matchers are written in: a clause's
scope and bounds, a person list, a title phrase's employer, the nearest delegation
reference, a planned visit, quoted speech, a date.

A matcher is a plain function ``(ctx, rule) -> None`` registered with ``@matcher("name")``;
a rule of ``relations.yaml`` names the one that runs it (``method:``, default its ``kind``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from ..coreference import initials
from ..dates import iso_date
from ..doc import (
    DELEGATION,
    LIST_BULLETS,
    QUOTED_NAME_TOKENS,
    Doc,
    Mention,
    Relation,
    Token,
    fold,
)
from ..morph import parse_feats
from ..normal_form import DASHES, REGION_ADJECTIVE
from ..places import gazetteer, name_key
from ..rules import RelationRule
from .vocabulary import Vocabulary

# a body in a person's title may have this many words of the title after it before his name
TITLE_TAIL_REACH = 8

YEAR = re.compile(r"(1[89]|20)\d\d")  # a year of the news's times, before «год»

SYMMETRIC = {"AGREEMENT_WITH"}
# a plural word that stands for every group the text names («делегаты из двух стран»)
ALL_GROUPS = "rule:delegation.all_groups"
# a verb whose named subjects are a group of their own («Из Казани приехали X и Y»)
PEOPLE_GROUP = "rule:delegation.people"
# a bare word for a group told before («гости», «делегаты»): no origin of its own
BARE_REFERENCE = "rule:delegation.reference"
SITE_TYPES = ("PARK", "ORG", "LOC", "EVENT")
PLACE_PREPOSITIONS = ("в", "во", "на")  # where a site is visited
# a place's first word's first letters, as a body's name writes it in any case («хабаровского»
# of «Хабаровский край»: ``resolve_place``)
PLACE_STEM = 5
# a headline's time in a site's news feed: after «Сегодня,»/«Вчера,», or glued to the next
# headline («12:22Туркменистан и …»); a schedule's «с 10:00 до 18:00» is neither
FEED_TIME = re.compile(r"(?:Сегодня|Вчера),?\s*[0-2]?\d:[0-5]\d"
                       r"|(?<!\d)[0-2]?\d:[0-5]\d(?=[А-ЯЁA-Z])")
CHUNK_BREAKS = {",", ";", "(", ")", ":"}
HONOUR_REACH = 4  # «заслуженный деятель (науки и техники) Беларуси»
NOMINAL_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "PUNCT", "X"}
# the future forms of «быть», which the tagger may mark as present («будет интересно»)
FUTURE_BE = {"буду", "будем", "будет", "будете", "будешь", "будут"}
# normalise.py writes every dash as «—» and every double quote as « or », so these are the
# only forms a matcher tests for; a hyphen «-» is kept as it is.
DASH = "—"
DASH_OR_HYPHEN = (DASH, "-")
QUOTE_OPEN = "«"
QUOTE_CLOSE = "»"
QUOTE_MARKS = frozenset({QUOTE_OPEN, QUOTE_CLOSE})
WORD_LETTERS = re.compile(r"[а-яёa-z]+")
# the gazetteer's code of the country the news are written from (its officials' trips at
# home, its envoys abroad; a group from abroad there is the ordinary case)
HOME_COUNTRY = "RU"
# days written as one word, «14—18» (октября)
DAY_RANGE = re.compile(r"(\d{1,2})[-–—](\d{1,2})")
# the source of the mention a resolved pronoun or generic noun stands as while the matchers
# run (references.py; never stored)
REFERENCE_SOURCE = "rule:reference"


# -- the registry of matchers ------------------------------------------------------------

Matcher = Callable[["Context", RelationRule], None]
MATCHERS: dict[str, Matcher] = {}


def matcher(name: str) -> Callable[[Matcher], Matcher]:
    """Register a family function as the matcher that rules with ``method: name`` run."""

    def register(function: Matcher) -> Matcher:
        if name in MATCHERS:
            raise ValueError(f"two relation matchers are named '{name}'")
        MATCHERS[name] = function
        return function

    return register


# -- small word tests ----------------------------------------------------------------------

def _type_words(name: str) -> list[str]:
    """The words before a park's quoted name, folded («особой экономической зоны (ОЭЗ) «X»»
    → особой, экономической, зоны, оэз): its letters («ОЭЗ») may be among them."""
    return WORD_LETTERS.findall(fold(name.partition(QUOTE_OPEN)[0]))


# the letters two spellings of a place's word share at least («Цзилинь», «Цзилиня»)
SAME_WORD_PREFIX = 3


def same_place(a: str, b: str) -> bool:
    """The same place, also in another form («Индия», «Республика Индия»; a name of as many
    words in another spelling); not a body named after a place («Хэйлунцзян» and
    «Хэйлунцзян Чжунлян Групп»)."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[:5] != b[:5]:
        # («Республика Бурятия» and «Бурятия»: the gazetteer's names of one place)
        return gazetteer().same(a, b)
    # (word by word: not «Республика Казахстан» and «Республика Таджикистан»)
    one, other = a.split(), b.split()
    return (len(one) == len(other) and all(
        x[:SAME_WORD_PREFIX] == y[:SAME_WORD_PREFIX] for x, y in zip(one, other, strict=True))) \
        or gazetteer().same(a, b)


def case_of(token: Token) -> str | None:
    return parse_feats(token.feats or "").get("Case")


def head_with_lemma(tokens: list[Token], t: int, lemmas: Collection[str], steps: int
                    ) -> int | None:
    """The first word over ``t``, at most ``steps`` heads up, whose lemma is one of ``lemmas``:
    the parse may hang a phrase on a word between («поездки делегации по Китаю»)."""
    head = tokens[t].head_id
    for _ in range(steps):
        if head < 0:
            return None
        if tokens[head].lemma in lemmas:
            return head
        head = tokens[head].head_id
    return None


def feats_agree(one: Token, other: Token) -> bool:
    """Do two words agree in number and gender wherever both state them («делегация» and
    «которой», «Иван Петров» and «который»)?"""
    a, b = parse_feats(one.feats), parse_feats(other.feats)
    return all(a.get(f) is None or b.get(f) is None or a[f] == b[f] for f in ("Number", "Gender"))


def lower_adjective(token: Token) -> bool:
    """A lower-case adjective («ключевых», «торжественных», «подмосковного»): no part of a
    name."""
    return token.pos == "ADJ" and token.text.islower()


def is_participle(token: Token) -> bool:
    return token.pos in ("ADJ", "VERB") and token.lemma.endswith(("ть", "ться", "ти"))


def is_finite_verb(token: Token) -> bool:
    return token.pos == "VERB" and "VerbForm=Fin" in token.feats


def closing_bracket(tokens: list[Token], opening: int, reach: int) -> int | None:
    """The «)» closing the bracket opened at ``opening`` within ``reach`` tokens; None where
    another bracket opens first or none closes that soon."""
    for c in range(opening + 1, min(opening + reach, len(tokens))):
        if tokens[c].text == ")":
            return c
        if tokens[c].text == "(":
            return None
    return None


def past_finite_verb(token: Token) -> bool:
    """A finite verb in the past («посетил», «заключило»): what was done, as told."""
    return is_finite_verb(token) and "Tense=Past" in token.feats


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


# -- what the delegations stage leaves for the matchers ------------------------------------

@dataclass(slots=True)
class Delegation:
    origin: str
    origin_kind: str  # strong | country | none
    origin_entity: int | None
    origin_sent: int
    entity_id: int = -1
    ref_tokens: list[int] = field(default_factory=list)
    #: the places the text names as its origin too, less specifically («делегация из Китая»
    #: of a group from a province of it)
    also_from: list[int] = field(default_factory=list)
    #: the official whose lone trip made the group, where his title names no place of it
    #: («губернатор Иван Петров подписал в Пекине …»): he heads it (his entity id: mention
    #: indexes move when the groups' own mentions are sorted in)
    head: int | None = None
    #: the groups a plural word lists with it («делегации Китая, Турции и Вьетнама»: this is
    #: China's; Turkey's and Vietnam's), and the sentences that list them
    listed_with: list[int] = field(default_factory=list)
    listed_in: set[int] = field(default_factory=set)
    #: made only because a plural word listed its place: the list's first group is the one
    #: the words refer to, so this one is a group only where a visit or event is shared
    #: («делегации России и Узбекистана провели переговоры в Ташкенте»: no Uzbek trip)
    only_listed: bool = False
    #: told as another group than those before («Тем временем делегация X …», «вторая
    #: делегация»): no group of a country told before joins it as the same one
    another: bool = False
    #: only awaited beside another group's trip, every word for it told as future or
    #: planned («Осенью парк ждёт делегацию из Ливии»): it has made no trip yet, so it has
    #: no origin fact and no visits (set once its words are all found: ``find_delegations``)
    awaited: bool = False


@dataclass(slots=True)
class Ref:
    """A word that refers to a delegation («делегация», «гости»)."""
    token: int
    sent_id: int
    delegation: int
    source: str


class Refs(list):
    """The document's delegation references, indexed by word and by sentence: a long article
    asks for the reference at a word tens of thousands of times (a scan of the list each time
    made one of a few hundred kilobytes take minutes). Any change rebuilds the index."""

    def __init__(self) -> None:
        super().__init__()
        self._at: dict[int, Ref] | None = None
        self._in: dict[int, list[Ref]] = {}
        self._nominal: set[int] | None = None

    def _changed(self) -> None:
        self._at = None
        self._nominal = None

    def nominal(self, tokens: list[Token]) -> set[int]:
        """The words of the references that are nouns (not a visit verb's own subject)."""
        if self._nominal is None:
            self._nominal = {r.token for r in self if tokens[r.token].pos in NOMINAL_POS}
        return self._nominal

    def _index(self) -> dict[int, Ref]:
        if self._at is None:
            at: dict[int, Ref] = {}
            by_sentence: dict[int, list[Ref]] = {}
            for ref in self:
                at.setdefault(ref.token, ref)  # the first, as a scan finds it
                by_sentence.setdefault(ref.sent_id, []).append(ref)
            self._at, self._in = at, by_sentence
        return self._at

    def at(self, token_id: int) -> Ref | None:
        return self._index().get(token_id)

    def in_sentence(self, sent_id: int) -> list[Ref]:
        self._index()
        return self._in.get(sent_id, [])


def _changing(name: str):
    """``list``'s method ``name``, telling the index to rebuild."""
    method = getattr(list, name)

    def changed(self: Refs, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self._changed()
        return result

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "sort", "clear", "__setitem__",
              "__delitem__", "__iadd__"):
    setattr(Refs, _name, _changing(_name))


def _quoted_core(name: str) -> tuple[str, ...]:
    """A park's name as its case forms share it: the words inside its quotes (or all of them),
    each cut to five letters («Симбирских высотах», «Технопарк «Симбирские высоты»»)."""
    inside = name[name.find(QUOTE_OPEN) + 1:] if QUOTE_OPEN in name else name
    return tuple(w[:5] for w in re.findall(r"\w+", fold(inside)))


def _nominal(token: Token) -> bool:
    """A noun, or an adjective in a noun's place («производство резидента парка»)."""
    return token.pos == "NOUN" or (token.pos == "ADJ" and token.rel in NOUN_PLACE_RELATIONS)


# the relations of a word in a noun's place, not a noun's modifier
NOUN_PLACE_RELATIONS = ("nmod", "obj", "obl", "nsubj", "appos")


class Context:
    """One document's lookups (token → mention, tree children, delegation references),
    what has been found in it, and the helpers matchers share."""

    def __init__(self, doc: Doc, vocab: Vocabulary) -> None:
        self.doc = doc
        self.vocab = vocab
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
        self.refs = Refs()
        # what a matcher computes once for the whole document, with what it depends on
        self.cache: dict[str, tuple] = {}
        self.origin_mentions: set[int] = set()
        self.found: dict[tuple[str, int, int], Relation] = {}
        # every rule and sentence that stated each fact (the fact scorer weighs them)
        self.stated_by: dict[tuple[str, int, int], set[str]] = {}
        self.stated_in: dict[tuple[str, int, int], set[int]] = {}

    # -- indexing ----------------------------------------------------------------------

    def index_mentions(self) -> None:
        """Token → mention (a later mention wins a shared token) and each mention's tokens."""
        self.mention_at = {}
        tokens = self.doc.tokens
        for index, mention in enumerate(self.doc.mentions):
            t = self._first_token(mention.start)  # (no slice: a copy of the rest each time)
            while t < len(tokens) and tokens[t].start < mention.end:
                if tokens[t].end > mention.start:
                    self.mention_at[tokens[t].token_id] = index
                t += 1
        self.tokens_of = {}
        for token_id, index in self.mention_at.items():
            self.tokens_of.setdefault(index, []).append(token_id)
        self.bounds = {index: (min(ids), max(ids)) for index, ids in self.tokens_of.items()}

    def replace_mentions(self, mentions: list[Mention]) -> None:
        """Make ``mentions`` (in text order) the document's, its entities' mention ids and
        this context's indexes theirs; origin marks follow their mentions."""
        doc = self.doc
        origins = {id(doc.mentions[index]) for index in self.origin_mentions}
        doc.mentions = mentions
        for entity in doc.entities:
            entity.mention_ids = []
        for index, mention in enumerate(mentions):
            if mention.entity_id >= 0:
                doc.entities[mention.entity_id].mention_ids.append(index)
        self.origin_mentions = {index for index, mention in enumerate(mentions)
                                if id(mention) in origins}
        self.index_mentions()

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

    def mention_type(self, index: int) -> str:
        return self.doc.mentions[index].type

    def legal_form(self, token_id: int) -> bool:
        """Is the word a company's legal form («ООО», «АО», «ЗАО»: org_legal_forms)?"""
        return self.doc.tokens[token_id].text.lower() in self.vocab.words("org_legal_forms")

    def governed(self, token_id: int, *prepositions: str) -> bool:
        """Does a preposition (one of ``prepositions``, or any) govern the word: «из Китая»,
        «в Лаосе»?"""
        tokens = self.doc.tokens
        return any(tokens[c].rel == "case" and (not prepositions or tokens[c].lemma in prepositions)
                   for c in self.children.get(token_id, []))

    def at_the_head_with(self, t: int) -> bool:
        """Does «во главе с» open at ``t`` (the words that bring in a group's head)?"""
        return [w.lemma for w in self.doc.tokens[t:t + 3]] in (["в", "глава", "с"],
                                                              ["во", "глава", "с"])

    def under_leadership(self, t: int) -> bool:
        """Does «под» and a leader's noun («под руководством», ``leader_nouns``) open at ``t``?"""
        tokens = self.doc.tokens
        return t + 1 < len(tokens) and tokens[t].lemma == "под" \
            and tokens[t + 1].lemma in self.vocab.leader_nouns

    def together_with(self, verb: int) -> list[int]:
        """The words a verb's «вместе» takes with «с» («вместе с министром X прибыл …»,
        «вместе с делегацией осмотрел …»)."""
        tokens = self.doc.tokens
        return [c for adverb in self.children.get(verb, []) if tokens[adverb].lemma == "вместе"
                for c in self.children.get(adverb, []) if self.governed(c, "с", "со")]

    def mention_tokens(self, index: int) -> list[int]:
        return self.tokens_of.get(index, [])

    def contrast_at(self, t: int) -> bool:
        """Does «, а» at ``t`` open a clause of its own («вошли X и Y, а принимающую сторону
        представляли Z»), not go on with the list («, а также X», «, а ещё Y»)?"""
        tokens = self.doc.tokens
        return 0 < t < len(tokens) - 1 and tokens[t].lemma == "а" \
            and tokens[t - 1].text == "," and tokens[t + 1].lemma not in ("также", "ещё", "еще")

    def mention_root(self, index: int) -> int | None:
        """The token of mention ``index`` whose syntactic head lies outside it (the word
        the sentence hangs the mention by); None for a mention the parse keeps inside."""
        inside = self.mention_tokens(index)
        return next((t for t in inside if self.doc.tokens[t].head_id not in inside), None)

    def noun_beside(self, index: int) -> int | None:
        """The word a name hangs by in its sentence, or the noun it stands beside, outside any
        mention («выставка «X»», «агентство «X»»: the noun); None where the parse keeps the
        mention inside."""
        tokens = self.doc.tokens
        word = self.mention_root(index)
        if word is not None and tokens[word].rel in ("appos", "flat", "flat:name") \
                and tokens[word].head_id >= 0 and tokens[word].head_id not in self.mention_at:
            return tokens[word].head_id
        return word

    def head_word(self, index: int, heads: frozenset[str]) -> int | None:
        """The word a name hangs on in its sentence: the generic noun of ``heads`` it stands
        in apposition to, outside it («компании «X»», «форум «X»»), else its own root."""
        tokens = self.doc.tokens
        word = self.mention_root(index)
        if word is not None and tokens[word].rel in ("appos", "flat:name") \
                and tokens[word].head_id not in self.mention_at \
                and tokens[tokens[word].head_id].lemma in heads:
            return tokens[word].head_id
        return word

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

    def named_dependents(self, verb: int, relation: str,
                         heads: frozenset[str] | None = None) -> list[int]:
        """The mentions (indexes, in order) naming the verb's ``relation`` dependents: the
        dependent's own, or the names in apposition to it as a generic head («компанию «X»»;
        where ``heads`` is given, only a head of those), and those coordinated with them."""
        tokens = self.doc.tokens
        found: list[int] = []
        for child in self.children.get(verb, []):
            if tokens[child].rel != relation:
                continue
            if child in self.mention_at:
                names = [child]
            elif heads is None or tokens[child].lemma in heads:
                names = [g for g in self.children.get(child, [])
                         if tokens[g].rel in ("appos", "flat:name")]
            else:
                names = []
            names += [c for n in names for c in self.children.get(n, [])
                      if tokens[c].rel == "conj"]
            found += [self.mention_at[n] for n in names if n in self.mention_at]
        return found

    def mentions_in(self, token_ids: list[int] | range) -> list[int]:
        """Mention indexes whose first token is among ``token_ids``, in text order."""
        wanted = set(token_ids)
        seen: list[int] = []
        for token_id in sorted(wanted):
            index = self.mention_at.get(token_id)
            if index is not None and index not in seen and self.bounds[index][0] in wanted:
                seen.append(index)
        return seen

    def conjoined(self, index: int, types: tuple[str, ...] = ("LOC",),
                  any_case: bool = False) -> list[int]:
        """Mention ``index`` and the mentions of ``types`` listed right after it with «и» or
        a comma in the same case («в Ольховске и Кедровском районе»; in any case with
        ``any_case``: «Сучжоу» does not decline), in text order (read off the words: the
        parse often hangs the second name elsewhere)."""
        tokens = self.doc.tokens
        joined, closed = [index], 1
        t = self.last(index) + 1
        while t + 1 < len(tokens) and tokens[t].text in ("и", ","):
            other = self.mention_at.get(t + 1)
            if other is None or self.first(other) != t + 1 \
                    or self.mention_type(other) not in types or (
                        not any_case
                        and case_of(tokens[t + 1]) != case_of(tokens[self.first(index)])):
                break
            joined.append(other)
            if tokens[t].text == "и":
                closed = len(joined)
            t = self.last(other) + 1
        # a list by commas closes with «и» («в X, Y и Z»); names after a comma with no «и»
        # to close them start another clause («в X, Y и Z делегаций не прислали»)
        return joined[:closed]

    # -- quoted speech -----------------------------------------------------------------

    def triggers(self, words: frozenset[str] | set[str], *, unplanned: bool = False,
                 outside_mentions: bool = False) -> Iterator[Token]:
        """The tokens whose lemma is one of ``words`` and that are not in reported speech (as
        asked, not planned, not inside a mention): where a matcher's pattern starts."""
        for token in self.doc.tokens:
            t = token.token_id
            if token.lemma not in words or self.in_speech(t) or \
                    (unplanned and self.planned(t)) or (outside_mentions and t in self.mention_at):
                continue
            yield token

    def news_feed(self, sent_id: int) -> bool:
        """Is the sentence a run of the site's headlines, each with its time («… Сегодня,
        12:22 A и B подписали … Сегодня, 11:48 …»): no text of the article?"""
        sentence = self.doc.sentences[sent_id]
        return len(FEED_TIME.findall(self.doc.text[sentence.start:sentence.end])) >= 2

    def in_speech(self, token_id: int) -> bool:
        """Inside a quotation longer than a name: direct speech states no facts here."""
        sent_id = self.doc.tokens[token_id].sent_id
        inside = self.speech.get(sent_id)
        if inside is None:
            inside = self.speech[sent_id] = self._quoted(sent_id)
        return inside.get(token_id, False)

    def _quoted(self, sent_id: int) -> dict[int, bool]:
        """For each token of a sentence: is it more than four tokens into an open quote, or
        anywhere in a closed quote longer than a name, or one of a clause with its finite
        verb (its first words are speech too: «Китайские компании ищут в России
        партнёров», — сообщил X)?"""
        inside: dict[int, bool] = {}
        depth, opened_at, outer_at = 0, -1, -1
        for t in self.sentence(sent_id):
            text = self.doc.tokens[t].text
            inside[t] = depth > 0 and t - opened_at > 4
            if text == QUOTE_OPEN:
                depth += 1
                opened_at = t
                outer_at = t if depth == 1 else outer_at
            elif text == QUOTE_CLOSE:
                depth = max(depth - 1, 0)
                if depth == 0 and (t - outer_at - 1 > QUOTED_NAME_TOKENS or (
                        t - outer_at > 5 and any(is_finite_verb(self.doc.tokens[u])
                                                 for u in range(outer_at + 1, t)))):
                    inside.update(dict.fromkeys(range(outer_at + 1, t), True))
        return inside

    def quote_before(self, person: int) -> range | None:
        """The direct speech a person is credited with: «…», — сказал X / «…» — X."""
        tokens = self.doc.tokens
        first = self.first(person)
        sentence = self.sentence(tokens[first].sent_id)
        t = first - 1
        while t >= sentence.start and first - t <= 14 and (
                t in self.mention_at or tokens[t].text != QUOTE_CLOSE):
            other = self.mention_at.get(t)
            if (other is None and tokens[t].text in (".", ";", QUOTE_OPEN)) or (
                    other is not None and self.mention_type(other) in ("PER", DELEGATION)):
                return None
            t -= 1
        if t < sentence.start or first - t > 14 or tokens[t].text != QUOTE_CLOSE:
            return None
        between = [tokens[b] for b in range(t + 1, first)]
        if not any(b.text in DASH_OR_HYPHEN for b in between[:3]):
            return None
        if not any(b.pos == "VERB" for b in between) and len(between) > 3:
            return None
        close = t
        t -= 1
        limit = self.doc.sentences[max(tokens[close].sent_id - 6, 0)].first_token
        while t >= limit and tokens[t].text != QUOTE_OPEN:
            if tokens[t].text == QUOTE_CLOSE:
                return None
            t -= 1
        return range(t + 1, close) if t >= limit else None

    def is_speaker(self, index: int) -> bool:
        """Is the person credited with direct speech: «…», — отметил X; «— …, — сказал X»?"""
        if self.quote_before(index) is not None:
            return True
        tokens = self.doc.tokens
        first = self.first(index)
        t, words = first - 1, 0  # the title between may hold long names
        while t >= 0 and words <= 14 and (t in self.mention_at or tokens[t].text != DASH):
            other = self.mention_at.get(t)
            if (other is None and tokens[t].text in (".", ";", QUOTE_OPEN, QUOTE_CLOSE)) or (
                    other is not None and self.mention_type(other) in ("PER", DELEGATION)):
                return False
            words += other is None
            t -= 1
        if t < 0 or words > 14 or tokens[t].text != DASH:
            return False
        verb = t + 1 < first and tokens[t + 1].pos == "VERB"
        before = tokens[t - 1].text if t > 0 else "."
        opens = t == 0 or tokens[t - 1].sent_id != tokens[t].sent_id
        return verb and (before in (",", ".", "!", "?", "»") or opens)

    # -- relations -----------------------------------------------------------------------

    def add(self, rule: RelationRule, arg1: int | None, arg2: int | None, sent_id: int,
            role: str | None = None) -> None:
        """Record ``rule``'s relation between two entities; found by several rules, it is
        the most confident rule's (a fact is as sure as the surest rule that states it), in
        its earliest sentence. Arguments of a type the rule's ``args`` do not allow are
        dropped here."""
        if arg1 is None or arg2 is None or arg1 == arg2:
            return
        entities = self.doc.entities
        allowed = rule.args or {}
        if allowed.get("arg1") and entities[arg1].type not in allowed["arg1"]:
            return
        if allowed.get("arg2") and entities[arg2].type not in allowed["arg2"]:
            return
        if entities[arg1].type != DELEGATION and entities[arg2].type != DELEGATION \
                and fold(entities[arg1].normal) == fold(entities[arg2].normal):
            return
        if rule.relation == "VISITED" and self._own_origin(arg1, arg2):
            return  # a group does not visit the place it comes from
        if rule.relation == "LOCATED_IN" and _a_country(entities[arg1].normal) \
                and not _a_country(entities[arg2].normal):
            return  # a country lies in no region or town («центр Рязанской области Российской
            # Федерации» read backwards)
        if rule.relation == "MEMBER_OF_DELEGATION" and entities[arg1].type == "ORG" \
                and self._own_origin(arg2, arg1):
            return  # the body a group comes from is its origin, not one of its members
        key = (rule.relation, arg1, arg2)
        if rule.relation in SYMMETRIC:
            key = (rule.relation, min(arg1, arg2), max(arg1, arg2))
        self.stated_by.setdefault(key, set()).add(rule.id)
        self.stated_in.setdefault(key, set()).add(sent_id)
        known = self.found.get(key)
        if known is None or rule.confidence > known.confidence or (
                rule.confidence == known.confidence and sent_id < known.sent_id):
            self.found[key] = Relation(rule.relation, key[1], key[2], sent_id, rule.id,
                                       rule.confidence, role or None)

    def _own_origin(self, group: int, site: int) -> bool:
        """Is ``site`` the place the delegation ``group`` comes from (its origin entity,
        or the same place by the gazetteer: «Индия» and «Республика Индия»)?"""
        delegation = next((d for d in self.delegations if d.entity_id == group), None)
        if delegation is None or not delegation.origin:
            return False
        if site == delegation.origin_entity or site in delegation.also_from:
            return True
        name = self.doc.entities[site].normal
        return fold(name) == fold(delegation.origin) or gazetteer().same(delegation.origin, name)

    def found_of(self, relation: str) -> list[tuple[int, int, Relation]]:
        """The relations of one type found so far, as (arg1, arg2, relation)."""
        return [(arg1, arg2, r) for (kind, arg1, arg2), r in self.found.items()
                if kind == relation]

    def heads_a_group(self, person: int) -> bool:
        """Does the person entity head a group (HEADED_BY found before)?"""
        return any(head == person for _, head, _ in self.found_of("HEADED_BY"))

    def head_groups(self, employed: bool = False) -> dict[int, int]:
        """Person entity → the group it heads (HEADED_BY found before); with ``employed``,
        also the officials the origin of just one group employs («губернатор области X» of
        its group)."""
        groups: dict[int, int] = {}
        for group, person, _ in self.found_of("HEADED_BY"):
            groups.setdefault(person, group)
        if employed:
            origins: dict[int, set[int]] = {}
            for delegation in self.delegations:
                if delegation.origin_entity is not None and delegation.entity_id >= 0:
                    origins.setdefault(delegation.origin_entity, set()).add(
                        delegation.entity_id)
            for person, employer, _ in self.found_of("WORKS_FOR"):
                if len(origins.get(employer, ())) == 1:
                    groups.setdefault(person, next(iter(origins[employer])))
        return groups

    def entity(self, index: int) -> int:
        """A mention's entity; a bare «технопарк» stands for the park the text is about."""
        mention = self.doc.mentions[index]
        if fold(mention.normal) in self.vocab.park_anaphors:
            park = self.resolve_park(self.first(index))
            if park is not None:
                return park
        return mention.entity_id

    def page_park(self, word: str = "") -> int | None:
        """The park a park's own page speaks for («К нам приехали …», a bare «Технопарк
        посетила делегация» far below): the one park the headline (the first sentence) names,
        or the first two sentences where the headline names none, however often and in
        whatever case («Неделя в «Симбирских высотах»» … «технопарка «Симбирские высоты»»);
        with ``word``, the entity of such a mention that has the word («технопарк»)."""
        for sentences in ((0,), (0, 1)):
            parks = [m for i, m in enumerate(self.doc.mentions)
                     if m.type == "PARK" and m.entity_id >= 0
                     and self.doc.tokens[self.first(i)].sent_id in sentences]
            if not parks:
                continue
            if len({_quoted_core(m.normal) for m in parks}) != 1:
                return None
            words = [m for m in parks if word[:-1] in m.text.lower()] if word else parks
            if not words:
                words = [m for m in self.doc.mentions if m.type == "PARK"
                         and word[:-1] in m.text.lower()
                         and _quoted_core(m.normal) == _quoted_core(parks[0].normal)]
            return words[0].entity_id if words else None
        return None

    def resolve_park(self, token_id: int) -> int | None:
        """The park a bare «технопарк»/«особая зона» at ``token_id`` stands for: the last
        named one before it whose name has the word (and its adjectives: «научного парка»),
        else the last one named; a zone's letters («ТОР», «ОЭЗ») only a park written with
        them."""
        doc, vocab = self.doc, self.vocab
        lemma = doc.tokens[token_id].lemma
        start = doc.tokens[token_id].start
        parks = [m for m in doc.mentions if m.type == "PARK" and fold(m.normal) not in
                 vocab.park_anaphors]
        if not parks:
            return None
        before = [m for m in parks if m.start < start] or parks
        if doc.tokens[token_id].text.isupper():
            # «резидента ТОР»: a park of that kind by its letters, none of another kind (not the
            # «свободный порт Владивосток» the text named first)
            lettered = [m for m in before if lemma in _type_words(m.text)
                        or lemma.upper() == initials(m.text.partition(QUOTE_OPEN)[0])]
            return lettered[-1].entity_id if lettered else None
        zone = lemma in vocab.zone_anaphors
        matching = [m for m in before if lemma[:-1] in fold(m.text)
                    or (zone and any(word in fold(m.text) for word in vocab.zone_anaphors))]
        # «директор научного парка» after «Научный парк «X»» and «технопарк «Y»»: the one
        # whose name has the bare word's adjectives too
        adjectives = [t.lemma[:-2] for t in doc.tokens[max(0, token_id - 2):token_id]
                      if t.pos == "ADJ" and t.sent_id == doc.tokens[token_id].sent_id]
        described = [m for m in matching
                     if adjectives and all(stem in fold(m.text) for stem in adjectives)]
        return (described or matching or before)[-1].entity_id

    # -- delegation references -----------------------------------------------------------

    def refs_in(self, sent_id: int, narrated: bool = False) -> list[Ref]:
        """The sentence's delegation references; ``narrated``: not those in direct speech."""
        return [r for r in self.refs.in_sentence(sent_id)
                if not (narrated and self.in_speech(r.token))]

    def ref_at(self, token_id: int) -> Ref | None:
        """The delegation reference at ``token_id``, if the word is one."""
        return self.refs.at(token_id)

    def nearest_ref(self, token_id: int, scope: list[int] | None = None) -> Ref | None:
        """The sentence's delegation reference nearest ``token_id`` (in ``scope`` where one
        is there)."""
        refs = self.refs_in(self.doc.tokens[token_id].sent_id)
        if scope is not None:
            inside = [r for r in refs if r.token in scope]
            refs = inside or refs
        if not refs:
            return None
        return min(refs, key=lambda r: abs(r.token - token_id))

    def group_work(self, word: int) -> Ref | None:
        """The group whose work a noun names («в работе делегации», «Работу делегации
        возглавил X»: ``group_work_nouns`` with a group word in the genitive, no
        preposition), None for any other («в работе форума»)."""
        tokens = self.doc.tokens
        if tokens[word].lemma not in self.vocab.words("group_work_nouns"):
            return None
        return next((r for c in self.children.get(word, []) if tokens[c].rel == "nmod"
                     and "Case=Gen" in tokens[c].feats and not self.governed(c)
                     and tokens[c].lemma in self.vocab.delegation_heads
                     and (r := self.ref_at(c)) is not None), None)

    def group_told_last(self, token_id: int, sentences: int = 2) -> Ref | None:
        """The group word told last before ``token_id``, in its sentence or the ``sentences``
        before it («Делегация Киргизии прибыла в Омск. Возглавлял поездку …»: the trip's
        group)."""
        sent_id = self.doc.tokens[token_id].sent_id
        earlier = [r for r in self.refs if sent_id - sentences <= r.sent_id <= sent_id
                   and r.token < token_id]
        return max(earlier, key=lambda r: r.token) if earlier else None

    def delegation_entity(self, ref: Ref) -> int:
        return self.delegations[ref.delegation].entity_id

    def main_delegation(self) -> int | None:
        """The visiting group the article is about: the one referred to most."""
        if not self.delegations:
            return None
        counts = [sum(r.delegation == i for r in self.refs) for i in range(len(self.delegations))]
        return max(range(len(counts)), key=lambda i: (counts[i], -i))

    # -- clauses and scopes --------------------------------------------------------------

    def chunks(self, sent_id: int) -> list[list[int]]:
        """A sentence's comma chunks (breaks inside a mention do not count)."""
        chunks: list[list[int]] = [[]]
        for t in self.sentence(sent_id):
            token = self.doc.tokens[t]
            if token.text in CHUNK_BREAKS and t not in self.mention_at:
                chunks.append([])
            else:
                chunks[-1].append(t)
        return [c for c in chunks if c]

    def chunk_kind(self, chunk: list[int]) -> str:
        """relative («который …», a participle), continuation («а также …», a name), title,
        verb or other."""
        tokens, vocab = self.doc.tokens, self.vocab
        words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in self.mention_at]
        if not words:
            return "other"
        first = tokens[words[0]]
        if any(tokens[t].lemma in vocab.relative_words for t in words[:2]) \
                or is_participle(first):
            return "relative"
        if first.lemma in vocab.continuation_words or words[0] in self.mention_at:
            return "continuation"
        adjectives = [t for t in words if tokens[t].pos == "ADJ"]
        head = next((tokens[t] for t in words if t not in adjectives), first)
        if vocab.is_title(head.lemma):
            return "title"
        if first.pos in ("VERB", "AUX"):
            return "verb"
        return "other"

    def scope(self, token_id: int, lenient: bool = False) -> list[int]:
        """The tokens of ``token_id``'s clause: its comma chunk and the list items that
        continue it, skipping relative/participial and title chunks in between."""
        chunks = self.chunks(self.doc.tokens[token_id].sent_id)
        position = next(i for i, c in enumerate(chunks) if token_id in c)
        scope = list(chunks[position])
        for chunk in chunks[position + 1:]:
            kind = self.chunk_kind(chunk)
            if kind == "continuation" or (lenient and kind == "other") \
                    or (kind == "other" and self._place_listed_on(chunk, scope)):
                scope.extend(chunk)
            elif kind in ("relative", "title"):
                continue
            else:
                break
        return scope

    def _place_listed_on(self, chunk: list[int], scope: list[int]) -> bool:
        """«побывали на птицефабрике X, входящей в холдинг Y, | в ООО «Z» | …»: a chunk that
        opens with «в»/«на» and a name goes on listing the places the scope names after
        «в»/«на» (past a participle's chunk too)."""
        tokens = self.doc.tokens
        words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in self.mention_at]
        # (not «в том числе «X»»: those it includes)
        opens = len(words) > 1 and tokens[words[0]].lemma in PLACE_PREPOSITIONS \
            and tokens[words[1]].pos not in ("DET", "PRON") \
            and any(t in self.mention_at for t in words[1:4])
        return opens and any(tokens[t].lemma in PLACE_PREPOSITIONS and t + 1 in scope
                             and any(u in self.mention_at for u in range(t + 1, t + 4))
                             for t in scope)

    def clause_bounds(self, t: int) -> tuple[int, int]:
        """The tokens around ``t`` up to the finite verbs before and after it."""
        tokens = self.doc.tokens
        sentence = self.sentence(tokens[t].sent_id)

        def boundary(i: int) -> bool:
            return (tokens[i].pos in ("VERB", "AUX") and "VerbForm=Fin" in tokens[i].feats) \
                or (tokens[i].text in (";", ":") and i not in self.mention_at)

        start = t
        while start - 1 >= sentence.start and not boundary(start - 1):
            start -= 1
        end = t + 1
        while end < sentence.stop and not boundary(end):
            end += 1
        return start, end

    def first_mention_after(self, start: int, types: tuple[str, ...], limit: int = 12,
                            stop_at_comma: bool = True) -> int | None:
        """The first mention of ``types`` within ``limit`` tokens from ``start``, before the
        sentence, the clause (a finite verb, «;») or, by default, a comma ends."""
        tokens = self.doc.tokens
        sent_id = tokens[start].sent_id if start < len(tokens) else -1
        for t in range(start, min(start + limit, len(tokens))):
            token = tokens[t]
            if token.sent_id != sent_id:
                return None
            index = self.mention_at.get(t)
            if index is not None and self.mention_type(index) in types:
                return index
            if index is None and (token.text in (";", ".") or (stop_at_comma and token.text == ",")
                                  or is_finite_verb(token)):
                return None
        return None

    def person_list(self, index: int, titled: bool = False) -> list[int]:
        """The persons of a list ending with mention ``index`` («Иван Петров и Пётр Иванов»);
        ``titled``: each may have a bare title of his own before his name («советник Иван
        Петров и эксперт Пётр Иванов»)."""
        return self.listed_up_to(index, "PER", titled)

    def listed_up_to(self, index: int, mention_type: str, titled: bool = False) -> list[int]:
        """The mentions of ``mention_type`` of a list ending with mention ``index``, joined by
        «и» or commas, in text order («компаний «A», «B» и «C»»; for ``titled``, see
        ``person_list``)."""
        tokens = self.doc.tokens
        listed = [index]
        t = self._past_bare_title(self.first(index) - 1) if titled else self.first(index) - 1
        while t > 0 and tokens[t].text in (",", "и") and t not in self.mention_at:
            other = self.mention_at.get(t - 1)
            if other is None or self.mention_type(other) != mention_type:
                break
            listed.insert(0, other)
            t = self.first(other) - 1
            if titled:
                t = self._past_bare_title(t)
        return listed

    def _past_bare_title(self, t: int) -> int:
        """The token before a bare title phrase that ends at ``t`` («эксперт», «первый
        заместитель министра»: a title word, adjectives and nouns, no name, up to five
        words), or ``t`` itself where no title ends there."""
        tokens = self.doc.tokens
        start = t
        while start >= 0 and t - start < 5 and start not in self.mention_at \
                and tokens[start].pos in ("NOUN", "ADJ") \
                and tokens[start].sent_id == tokens[t].sent_id:
            start -= 1
        titled = any(self.vocab.is_title(tokens[w].lemma) for w in range(start + 1, t + 1))
        return start if titled else t

    def composition_ref(self, verb: int) -> Ref | None:
        """The group of a «в составе делегации X» phrase the verb governs (a noun of
        ``composition_nouns`` under «в», the group's reference under it)."""
        tokens = self.doc.tokens
        for child in self.children.get(verb, []):
            if tokens[child].rel == "obl" and tokens[child].lemma in self.vocab.composition_nouns \
                    and self.governed(child, "в", "во"):
                ref = next((r for g in self.children.get(child, [])
                            if (r := self.ref_at(g)) is not None), None)
                if ref is not None:
                    return ref
        return None

    def bulleted_after(self, sent_id: int, kinds: tuple[str, ...]) -> list[int]:
        """The mentions of ``kinds`` that open the bulleted lines after a sentence ending in a
        colon («… резидентов парка:» then «• «A» — …», «• «B» — …»; a sentence never crosses
        a line), one a line, up to the first line with no bullet."""
        tokens, sentences = self.doc.tokens, self.doc.sentences
        last = next((t for t in reversed(self.sentence(sent_id))
                     if tokens[t].pos != "PUNCT" or tokens[t].text == ":"), None)
        if last is None or tokens[last].text != ":":
            return []
        found = []
        for following in range(sent_id + 1, len(sentences)):
            line = self.sentence(following)
            if not line or tokens[line.start].text not in LIST_BULLETS:
                break
            # (its kind's word may stand before the name: «• завод «Кедр»;»)
            index = next(iter(self.mentions_in(line)), None)
            if index is not None and self.mention_type(index) in kinds \
                    and self.first(index) <= line.start + 3:
                found.append(index)
        return found

    def listed_from(self, t: int, kinds: tuple[str, ...]) -> list[int]:
        """The mentions of ``kinds`` listed from token ``t`` on («X, Y и Z»; adjectives, a
        company's or an institution's head word and «а также» between)."""
        tokens = self.doc.tokens
        institutions = self.vocab.words("institution_heads")
        found: list[int] = []
        while t < len(tokens):
            while t < len(tokens) and t not in self.mention_at and (
                    tokens[t].pos == "ADJ" or tokens[t].lemma in self.vocab.org_heads
                    or (tokens[t].lemma in institutions and t + 1 in self.mention_at)):
                t += 1  # «компании «Луч»», «крупного завода «Кедр»», «аэропорта «Сокол»»
            index = self.mention_at.get(t)
            if index is None or self.first(index) != t or self.mention_type(index) not in kinds:
                break
            found.append(index)
            t = self.last(index) + 1
            if t < len(tokens) and tokens[t].lemma in (",", "и") and t not in self.mention_at:
                t += 1
                if self.phrase_from(t, ["а", "также"]):
                    t += 2
            else:
                break
        return found

    def named_at(self, t: int, types: tuple[str, ...] = ("ORG", "PARK")) -> int | None:
        """The mention of one of ``types`` named at ``t``, or right after a generic head there
        («фирма «Y»», «холдинга «Y»», «фабрика «X»»), opening there; None where there is
        none."""
        tokens = self.doc.tokens
        if t < len(tokens) and t not in self.mention_at and (
                tokens[t].lemma in self.vocab.named_heads
                or (tokens[t].pos == "NOUN" and tokens[t].text.islower())):
            t += 1
        index = self.mention_at.get(t)
        if index is None or self.first(index) != t or self.mention_type(index) not in types:
            return None
        return index

    def phrase_from(self, t: int, phrase: list[str]) -> bool:
        """Do the lemmas of ``phrase`` follow in order from token ``t``?"""
        tokens = self.doc.tokens
        return t + len(phrase) <= len(tokens) and all(
            tokens[t + i].lemma == w for i, w in enumerate(phrase))

    def phrase_at(self, t: int, phrases: dict[str, list[list[str]]]) -> bool:
        """Does a phrase of ``phrases`` (lemmas in order, keyed by their last lemma) end at
        token ``t``?"""
        tokens = self.doc.tokens
        for phrase in phrases.get(tokens[t].lemma, ()):
            start = t - len(phrase) + 1
            if start >= 0 and all(tokens[start + i].lemma == w for i, w in enumerate(phrase)):
                return True
        return False

    # -- what a mention is a part of (it is then not an argument of its own) -------------

    def title_dependent(self, index: int, singular_only: bool = False) -> bool:
        """Is the mention the employer in a title phrase («министр X», «во главе с …»)?"""
        tokens, vocab = self.doc.tokens, self.vocab
        first = self.first(index)
        if first > 0 and tokens[first - 1].lemma in ("в", "во") \
                and "Case=Acc" in tokens[first].feats:
            return False  # «визит Президента Кении в Китай»: where to, not whose post
        t = first - 1
        steps = places = 0
        while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and steps < 8:
            token = tokens[t]
            other = self.mention_at.get(t)
            if vocab.is_title(token.lemma) or token.lemma in vocab.leader_nouns:
                if other is not None and self.mention_type(other) in ("ORG", "PARK"):
                    return False  # «Кабинетом министров X и акиматом Y»: a body's name
                return not (singular_only and "Number=Plur" in token.feats)
            if other is not None and self.mention_type(other) == "PER":
                return False
            if (token.pos not in NOMINAL_POS and not (
                    token.rel == "amod" and "VerbForm=Part" in token.feats)) \
                    or token.text in CHUNK_BREAKS:
                return False  # (a participle of the name's noun goes on: «директор
                # управляющей компании «X»»)
            places += token.lemma in ("в", "во", "на")
            if places > 1:
                return False  # «визита президента Кении в область в Рассказово»: where to
            t -= 1
            steps += 1
        return False

    def ref_dependent(self, index: int) -> bool:
        """Is the mention in a delegation's own noun phrase («представители компаний Китая»)?"""
        tokens = self.doc.tokens
        # a visit verb that refers to an official's trip («Посол X посетил Пензу») heads no
        # noun phrase
        refs = self.refs.nominal(tokens)
        first = self.first(index)
        root = self.mention_root(index)
        for _ in range(5):
            # «показал гостям (семенной) завод (компании) «X»»: up the nouns the name
            # depends on, none of them the group's, to the verb's object (an adjective the
            # tagger made of a noun in a noun's place too: «производство резидента парка»)
            if root is None or root in refs or tokens[root].rel not in ("appos", "nmod") \
                    or tokens[root].head_id < 0 or not _nominal(tokens[tokens[root].head_id]) \
                    or self.governed(root):
                break
            if self.shown_to_group(root):
                return False  # «показала гостям лаборатории компании «X»»: what was shown
            root = tokens[root].head_id
        if root is not None and root not in refs \
                and (tokens[root].rel in ("obj", "nsubj", "nsubj:pass")
                     or (tokens[root].rel == "obl" and self.governed(root, "по"))) \
                and tokens[root].head_id >= 0 and tokens[tokens[root].head_id].pos == "VERB":
            return False  # «Показали гостям парк «X»», «провёл гостей по цехам завода «X»»:
            # the verb's object or way, after its group
        start = self._organisations_listed_from(index)  # (the noun a list of them follows)
        t = start - 1
        tours = self.vocab.words("tour_nouns")
        while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and start - t <= 12:
            if t in refs:
                return True
            if tokens[t].lemma in tours:
                return False  # «провёл для гостей экскурсию по заводу «X»»: where it went
            if t not in self.mention_at and (tokens[t].pos not in NOMINAL_POS | {"ADV", "SCONJ"}
                                             or tokens[t].text in CHUNK_BREAKS):
                return False
            t -= 1
        return False

    def shown_to_group(self, noun: int) -> bool:
        """Is the word a thing's noun the parse hung on a group word in the dative, the
        object of the verb the group word is the dative of («показали гостям цеха завода
        «X»»: what was shown, not whose guests they are)?"""
        tokens = self.doc.tokens
        word, head = tokens[noun], tokens[noun].head_id
        return head >= 0 and head in self.refs.nominal(tokens) and tokens[head].rel == "iobj" \
            and "Case=Dat" in tokens[head].feats and word.rel == "nmod" and word.pos == "NOUN" \
            and "Animacy=Inan" in word.feats and noun not in self.mention_at \
            and word.lemma not in self.vocab.org_heads

    def _organisations_listed_from(self, index: int) -> int:
        """Where a list of organisations' names after a plural noun and a dash begins that the
        mention is in («представители предприятий – ООО «A», ООО «B» и ООО «C»»: the
        dash), legal forms, commas and «и» between them; the mention's first word where it is
        in no such list."""
        tokens, first = self.doc.tokens, self.first(index)
        if self.mention_type(index) != "ORG":
            return first
        t = first - 1
        while t > 0 and tokens[t].sent_id == tokens[first].sent_id and (
                self.legal_form(t) or tokens[t].text in (",", "и") or (
                    t in self.mention_at and self.mention_type(self.mention_at[t]) == "ORG")):
            t -= 1
        if t > 0 and tokens[t].text in DASHES and tokens[t - 1].pos == "NOUN" \
                and "Number=Plur" in tokens[t - 1].feats and t + 1 < first:
            return t
        return first

    def other_case(self, index: int, other: int) -> bool:
        """Are two mentions in different cases, at their first words and at their last (no
        list of two: «районом A Крыма и районом B»; but «Башкортостана и Республики Карелия»)?"""
        tokens = self.doc.tokens

        def differ(one: Token, two: Token) -> bool:
            first, second = case_of(one), case_of(two)
            return first is not None and second is not None and first != second

        return differ(tokens[self.first(index)], tokens[self.first(other)]) \
            and differ(tokens[self.last(index)], tokens[self.last(other)])

    def bracketed_alone(self, index: int) -> bool:
        """Does the mention fill a pair of brackets alone («компания «A» (КНР)», «в Женеву
        (Швейцария)»): an aside saying where the name before it is?"""
        tokens, first, last = self.doc.tokens, self.first(index), self.last(index)
        return first > 0 and tokens[first - 1].text == "(" and last + 1 < len(tokens) \
            and tokens[last + 1].text == ")"

    def located_part(self, index: int) -> bool:
        """A place that only says where a site is («технопарк X на острове Y», «из Бурсы»)."""
        tokens = self.doc.tokens
        first = self.first(index)
        start = self.sentence(tokens[first].sent_id).start  # a title line's site is no owner
        t = first - 1
        if t >= start and tokens[t].lemma in self.vocab.geo_descriptors:
            t -= 1
        if t < start or tokens[t].lemma not in ("в", "на", "из", "во"):
            return False
        if tokens[t].lemma == "из":
            return True
        root = self.mention_root(index)
        if root is not None and case_of(tokens[root]) == "Acc":
            return False  # «на саммит СНГ в Санкт-Петербург»: where to, not where it is
        previous = self.mention_at.get(t - 1) if t > start else None
        return previous is not None and self.mention_type(previous) in ("PARK", "ORG", "EVENT")

    def names_only_parts(self, index: int) -> bool:
        """A place only as the whole whose parts act («регионы X подписали соглашения с
        регионами Y», «один из районов Z»): the genitive of a plural noun of territorial
        units (words/territory_part_nouns.txt), so the place itself is no party."""
        tokens = self.doc.tokens
        word = self.mention_root(index)
        if self.mention_type(index) != "LOC" or word is None or tokens[word].rel != "nmod" \
                or "Case=Gen" not in tokens[word].feats:
            return False
        head = tokens[word].head_id
        return head >= 0 and head not in self.mention_at \
            and "Number=Plur" in tokens[head].feats \
            and tokens[head].lemma in self.vocab.words("territory_part_nouns")

    def dateline(self, index: int, any_part: bool = False) -> bool:
        """«ИНТЕРФАКС - ДАЛЬНИЙ ВОСТОК - Делегация …»: a mention in a news agency's dateline,
        right before a dash. By default the first part only: the mention opens its sentence
        (in any case). With ``any_part`` any part: the mention, and all before it in its
        sentence, in capitals."""
        tokens = self.doc.tokens
        first, after = self.first(index), self.last(index) + 1
        sentence = self.sentence(tokens[first].sent_id)
        if not any_part:
            return first == sentence.start and after < len(tokens) \
                and tokens[after].text in DASH_OR_HYPHEN
        if after >= sentence.stop or tokens[after].text not in DASH_OR_HYPHEN:
            return False
        words = [tokens[t].text for t in self.mention_tokens(index) if tokens[t].text.isalpha()]
        return bool(words) and all(w.isupper() for w in words) \
            and all(tokens[t].text.isupper() or not tokens[t].text.isalpha()
                    for t in range(sentence.start, first))

    # -- tense and dates -----------------------------------------------------------------

    def clause_at_another_time(self, t: int) -> bool:
        """Does the clause of ``t`` (up to the finite verbs around it) set it at another time
        (``another_time``)?"""
        return self.another_time(range(*self.clause_bounds(t)))

    def another_time(self, words: Iterable[int]) -> bool:
        """Do the words set what they tell at another time than the news: «в прошлый раз»,
        «ранее», «год назад», «тогда», «в студенческие годы» (``other_time_adjectives``,
        ``other_time_adverbs``, ``other_time_words``), or a year («в 2010 году»)?"""
        tokens, vocab = self.doc.tokens, self.vocab
        other = vocab.words("other_time_adjectives") | vocab.words("other_time_adverbs") \
            | vocab.words("other_time_words")
        return any(tokens[w].lemma in other or (
            YEAR.fullmatch(tokens[w].text) is not None and w + 1 < len(tokens)
            and tokens[w + 1].lemma in ("год", "г.", "г")) for w in words)

    def future(self, token_id: int) -> bool:
        """Is the word told as future: its own future tense (a perfective verb's present form),
        or a future «быть» over it
        («будет обсуждать», «будет подписано», «будет интересно»), whatever tense the tagger
        gives «будет»? The test of the future the families share."""
        tokens = self.doc.tokens
        token = tokens[token_id]
        if "Tense=Pres" in token.feats and "VerbForm=Fin" in token.feats \
                and (self.vocab.perfective_only(token.lemma)
                     or token.lemma in self.vocab.words("departure_verbs")):
            # «гости побывают»: a perfective's present form, tagged present; «делегация
            # вылетает на Кубу»: setting off, there later
            return True
        if "Tense=Pres" in token.feats and token.lemma in self.vocab.words("arrival_verbs") \
                and any(tokens[c].lemma in self.vocab.words("weekday_nouns")
                        and tokens[c].rel == "obl" for c in self.children.get(token_id, [])):
            return True  # «В понедельник в Череповец прибывает делегация»: announced
        return "Tense=Fut" in token.feats or any(
            tokens[c].rel in ("aux", "aux:pass", "cop")
            and ("Tense=Fut" in tokens[c].feats or tokens[c].text.lower() in FUTURE_BE)
            for c in self.children.get(token_id, []))

    def told_as_planned(self, t: int) -> bool:
        """Is the verb the word at ``t`` hangs on (itself, if a verb) told as future or
        planned («в павильоне … откроется музей», «делегация посетит»)?"""
        verb = self.verb_over(t)
        return verb is not None and self.planned(verb)

    def eponym_marker_at(self, t: int) -> int:
        """How many words the marker of an eponym that opens at ``t`` takes («имени»: 1,
        «им» «.»: 2; ``eponym_markers``), 0 where none opens there."""
        tokens, markers = self.doc.tokens, self.vocab.words("eponym_markers")
        if not 0 <= t < len(tokens):
            return 0
        word = tokens[t].text.lower()
        if word in markers and not word.endswith("."):
            return 1
        return 2 if word + "." in markers and t + 1 < len(tokens) \
            and tokens[t + 1].text == "." else 0

    def verb_over(self, t: int, steps: int = 6) -> int | None:
        """The verb the word at ``t`` hangs on (itself, if a verb), up to ``steps`` heads up."""
        tokens = self.doc.tokens
        seen = 0
        while t >= 0 and tokens[t].pos not in ("VERB", "AUX") and seen < steps:
            t, seen = tokens[t].head_id, seen + 1
        return t if t >= 0 and tokens[t].pos in ("VERB", "AUX") else None

    def honoured(self, t: int) -> bool:
        """Is the word at ``t`` in an honorary title, the genitive after «заслуженный деятель
        (науки)», «заслуженный металлург Российской Федерации», read left to right (the parse
        may hang the place on another noun)?"""
        tokens, honorary = self.doc.tokens, self.vocab.words("honorary_title_adjectives")
        for u in range(t, max(t - HONOUR_REACH, 0), -1):
            if tokens[u - 1].lemma in honorary and tokens[u].pos == "NOUN":
                return True
            if tokens[u].pos not in ("NOUN", "PROPN", "ADJ") and tokens[u].lemma != "и":
                return False
        return False

    def takes_part(self, verb: int) -> bool:
        """Is the verb one of taking part («участвовали»), or a light verb with its
        participation noun («приняли участие»: not receiving, «приняли делегацию»)?"""
        tokens = self.doc.tokens
        if tokens[verb].lemma in self.vocab.words("participation_words"):
            return True
        return tokens[verb].lemma in self.vocab.participation_light_verbs and any(
            tokens[c].rel == "obj" and tokens[c].lemma in self.vocab.participation_nouns
            for c in self.children.get(verb, []))

    def planned(self, token_id: int, documents: frozenset[int] = frozenset()) -> bool:
        """A future, planned, wished or negated action («посетит», «планирует посетить»,
        «намерены подписать», «не был»);
        a plan word among ``documents`` is a paper acted on («подписали план»), not a plan."""
        tokens = self.doc.tokens
        token = tokens[token_id]
        if self.future(token_id):
            return True
        if token.lemma in self.vocab.words("awaiting_verbs") and "Tense=Pres" in token.feats:
            return True  # «индонезийская сторона ожидает производителей на выставке X»
        if "Tense=Pres" in token.feats \
                and token.lemma in self.vocab.words("programme_content_verbs") and any(
                    tokens[c].rel == "nsubj"
                    and tokens[c].lemma in self.vocab.words("programme_plan_nouns")
                    for c in self.children.get(token_id, [])):
            return True  # «Программа визита включает поездки в X»: what is to be done
        head = token.head_id
        # an infinitive under a future, wish or negated verb: «делегации будет интересно
        # принять участие», «сможет посетить»; «намерены подписать», «выразили желание
        # участвовать»; «не смог принять участие», «не успели подписать»
        if "VerbForm=Inf" in token.feats and head >= 0 and (
                self.future(head) or tokens[head].lemma in self.vocab.words("intention_words")
                or self.negated(head)):
            return True
        if "VerbForm=Inf" in token.feats and any(
                tokens[c].pos == "VERB" and "VerbForm=Fin" in tokens[c].feats
                and tokens[c].rel == "advcl" and self.negated(c)
                for c in self.children.get(token_id, [])):
            return True  # «Побывать в X делегация не успела»: the parse hung the verb on it
        if "VerbForm=Inf" in token.feats and token.rel == "conj" and 0 <= head < token_id \
                and "VerbForm=Inf" in tokens[head].feats and self.planned(head, documents):
            return True  # «планирует посетить X и принять участие в Y»: both planned
        # (not a verb joined to it: «посетила X и пригласила партнёров на выставку»)
        near = [token.head_id, *(c for c in self.children.get(token_id, [])
                                 if tokens[c].rel != "conj" or c < token_id),
                *range(max(token_id - 3, 0), token_id)]
        near = [t for t in near if 0 <= t < len(tokens) and tokens[t].sent_id == token.sent_id
                and t not in documents]
        if any(tokens[t].lemma in self.vocab.plan_words for t in near):
            return True
        return self.negated(token_id) or self.habitual(token_id)

    def habitual(self, token_id: int) -> bool:
        """Is a present-tense verb told as a habit («ежегодно приезжают», «каждый год ездят»):
        a word of ``habitual_markers`` in its sentence, or one of ``habitual_quantifiers``
        before a time noun of ``habitual_time_nouns``?"""
        tokens, words = self.doc.tokens, self.vocab.words
        if "Tense=Pres" not in tokens[token_id].feats:
            return False
        return any(tokens[t].lemma in words("habitual_markers") or (
            tokens[t].lemma in words("habitual_quantifiers") and t + 1 < len(tokens)
            and tokens[t + 1].lemma in words("habitual_time_nouns"))
            for t in self.sentence(tokens[token_id].sent_id))

    def negated(self, token_id: int) -> bool:
        """Does «не» stand right before the word or before its auxiliary («не посетил», «не
        был подписан», «представлена не будет»)? A «не» before another word is no negation
        of the verb («не только посетили», «не раз бывал»)."""
        tokens = self.doc.tokens
        words = [token_id, *(c for c in self.children.get(token_id, []) if tokens[c].pos == "AUX")]
        return any(w > 0 and tokens[w - 1].lemma == "не" for w in words)

    def date(self, sent_id: int) -> tuple[str | None, str | None]:
        """«29 и 30 января» → ("29 и 30 января", "YYYY-01-29"); «в декабре прошлого года» →
        ("в декабре прошлого года", "YYYY-12"), the year from the article date."""
        doc, vocab = self.doc, self.vocab
        sentence = doc.sentences[sent_id]
        tokens = doc.tokens[sentence.first_token:sentence.last_token]
        article = re.match(r"(\d{4})-(\d{2})", iso_date(doc.raw.date) or "")
        for i, token in enumerate(tokens):
            month = vocab.months.get(token.lemma)
            if month is None:
                continue
            first, last = i, i
            days = []
            j = i - 1
            # «29 и 30 января», «29-30 января», «с 14 по 18 октября»: the days, the first first
            while j >= 0 and ((tokens[j].text.isdigit() and len(tokens[j].text) <= 2)
                              or DAY_RANGE.fullmatch(tokens[j].text)
                              or tokens[j].text in ("и", "-", "–", "по")):
                if tokens[j].text.isdigit():
                    days.insert(0, int(tokens[j].text))
                elif (days_run := DAY_RANGE.fullmatch(tokens[j].text)) is not None:
                    days[:0] = [int(days_run.group(1)), int(days_run.group(2))]
                first = j
                j -= 1
            while first < i and not tokens[first].text[:1].isdigit():
                first += 1
            if len(days) > 1 and first > 0 and tokens[first - 1].lemma == "с":
                first -= 1  # «с 14 по 18 октября»: the range as the text gives it
            year = None
            relative = 0
            if i + 1 < len(tokens) and re.fullmatch(r"\d{4}", tokens[i + 1].text):
                year = int(tokens[i + 1].text)
                last = i + 1 + int(i + 2 < len(tokens) and tokens[i + 2].lemma == "год")
            elif i + 2 < len(tokens) and tokens[i + 2].lemma == "год" \
                    and tokens[i + 1].lemma in vocab.relative_years:
                relative = vocab.relative_years[tokens[i + 1].lemma]
                last = i + 2
            if not days and first > 0 and tokens[first - 1].lemma in ("в", "во"):
                first -= 1
            text = doc.text[tokens[first].start:tokens[last].end]
            if year is None and article:
                year = int(article.group(1)) + relative
                if not relative and last == i and month > int(article.group(2)):
                    year -= 1  # «в декабре» told in May is last December
            if year is None or not valid_date(year, month, days[0] if days else 1):
                return text, None  # «45 марта»: the text says it, no date can
            iso = f"{year:04d}-{month:02d}" + (f"-{days[0]:02d}" if days else "")
            return text, iso
        return None, None


def in_source_phrase(ctx: Context, word: int) -> bool:
    """Is the word inside the phrase that gives a news item's source: under a verb of saying
    but not its subject («…, сообщила пресс-служба компании «Z»», «Как рассказали в банке
    «Z», …»), or under «по данным (словам, информации)» («По данным фирмы «Z», …»)?"""
    tokens = ctx.doc.tokens
    if tokens[word].rel == "nsubj":
        return False  # «Компания «Z» сообщила, что …»: the one who says is no mere source
    head, steps = word, 0
    while head >= 0 and steps < 3 and tokens[head].pos not in ("VERB", "AUX"):
        if tokens[head].lemma in ctx.vocab.saying_verbs and ctx.governed(head, "по"):
            return True
        head, steps = tokens[head].head_id, steps + 1
    verb = ctx.verb_over(word)
    return (verb is not None and tokens[verb].lemma in ctx.vocab.saying_verbs) \
        or in_as_reported_clause(ctx, word)


def in_as_reported_clause(ctx: Context, word: int) -> bool:
    """Is the word in a clause «Как сообщили (рассказали) в X,» that opens a sentence or
    follows its comma, before the comma that closes it, whatever the parse made of it
    («Как сообщили в министерстве, гости осмотрели площадку»: no site of theirs)?"""
    tokens = ctx.doc.tokens
    sent_id = tokens[word].sent_id
    t = word - 1
    while t > 0 and tokens[t].sent_id == sent_id and tokens[t].text != ",":
        opener = tokens[t - 1]
        if tokens[t].lemma in ctx.vocab.saying_verbs and opener.lemma == "как" and (
                t - 1 == 0 or tokens[t - 2].sent_id != sent_id or tokens[t - 2].text == ","):
            return True
        t -= 1
    return False


def before_quotes(ctx: Context, t: int) -> int:
    """``t``, or the token before the opening quotes that end at ``t``: where the head word
    of a quoted name stands («компания «Орбита»»); -1 at the document's start."""
    tokens = ctx.doc.tokens
    while t >= 0 and tokens[t].text == QUOTE_OPEN:
        t -= 1
    return t


def name_head_noun(ctx: Context, index: int) -> int:
    """The first noun of a mention's name, past its adjectives («Лесногорский театр драмы»:
    «театр»; «Министерства промышленности …»: «Министерства»); -1 where it has none. An
    adjective the tagger read as a name is still an adjective («Кленовский элеватор»)."""
    tokens = ctx.doc.tokens
    return next((t for t in ctx.mention_tokens(index) if tokens[t].pos in ("NOUN", "PROPN")
                 and not (tokens[t].pos == "PROPN" and tokens[t].rel == "amod")), -1)


def name_gender(ctx: Context, index: int) -> str | None:
    """The grammatical gender a pronoun referring to an organisation or park named by mention
    ``index`` agrees with: its generic head's, first in the name or before its quotes
    («компания «Орбита»», «Технопарк «Кедр»»), else its name's first noun («Лесногорский театр
    драмы»); None for a quoted name with no generic head (its gender is its unnamed head's).
    A reference standing for a name («она», «предприятие») agrees as its own word does."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    if ctx.doc.mentions[index].source == REFERENCE_SOURCE:
        return parse_feats(tokens[first].feats or "").get("Gender")
    head = first
    if tokens[head].lemma not in ctx.vocab.named_heads:
        head = before_quotes(ctx, head - 1)
    if head < 0 or tokens[head].lemma not in ctx.vocab.named_heads:
        if QUOTE_OPEN in (tokens[first].text, tokens[max(first - 1, 0)].text):
            return None
        head = name_head_noun(ctx, index)
    return parse_feats(tokens[head].feats or "").get("Gender") if head >= 0 else None


def after_lower_adjectives(ctx: Context, t: int) -> int:
    """The first word from ``t`` on that is no lower-case adjective outside a name («с
    белорусской Могилёвской областью»: the name after the country's adjective); the
    document's length where adjectives run to its end."""
    tokens = ctx.doc.tokens
    while t < len(tokens) and t not in ctx.mention_at and lower_adjective(tokens[t]):
        t += 1
    return t


def before_lower_adjectives(ctx: Context, t: int) -> int:
    """The first word from ``t`` back that is no lower-case adjective outside a name
    («из новых резидентов»: «из»), or the document's first word."""
    tokens = ctx.doc.tokens
    while t > 0 and t not in ctx.mention_at and lower_adjective(tokens[t]):
        t -= 1
    return t


def clause_subjects(ctx: Context, verb: int) -> list[int]:
    """A verb's subjects, or, for a verb joined to another with none of its own, that verb's
    («Участники визита познакомились с X, а также приняли участие в Y»)."""
    tokens = ctx.doc.tokens
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    if subjects or tokens[verb].rel != "conj" or tokens[verb].head_id < 0:
        return subjects
    return [c for c in ctx.children.get(tokens[verb].head_id, []) if tokens[c].rel == "nsubj"]


def escorted_person(ctx: Context, word: int, plural_owners: bool = False) -> int | None:
    """The person a group word is the escort of, named right before «и» («с послом X и
    сопровождавшими его вьетнамскими бизнесменами», «X и сопровождающие его лица»): a
    participle of escorting (``escort_verbs``) and «его»/«её» (with ``plural_owners`` «их»
    too) before the word, past its adjectives; None where there is none."""
    tokens, t = ctx.doc.tokens, word - 1
    while t >= 0 and tokens[t].pos == "ADJ" and t not in ctx.mention_at:
        t -= 1
    owners = {*ctx.vocab.possessive_genders, *(("их",) if plural_owners else ())}
    if t < 3 or tokens[t].text.lower() not in owners \
            or tokens[t - 1].lemma not in ctx.vocab.words("escort_verbs") \
            or tokens[t - 2].lemma != "и":
        return None
    person = ctx.mention_at.get(t - 3)
    if person is None or ctx.mention_type(person) != "PER" \
            or tokens[t - 3].sent_id != tokens[word].sent_id:
        return None
    return person


def subject_persons(ctx: Context, verb: int) -> list[int]:
    """The persons a verb's subject names, with those joined to it («министр X и
    директор Y»)."""
    tokens = ctx.doc.tokens
    frontier = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    found: list[int] = []
    seen: set[int] = set()
    while frontier:
        t = frontier.pop(0)
        if t in seen:
            continue
        seen.add(t)
        index = ctx.mention_at.get(t)
        # a title's name, or each of them where the parse hung two on one title («директор X
        # и гендиректор компании «Y» Z», both names on the second title); a plural title's
        # names and those joined to them («менеджеры компании X и Y»)
        names = [c for c in ctx.children.get(t, [])
                 if tokens[c].rel in ("appos", "flat:name") and c in ctx.mention_at]
        if index is not None and ctx.mention_type(index) != DELEGATION:
            named = [index]
        else:
            named = [ctx.mention_at[c] for c in names]
            frontier += [c for n in names for c in ctx.children.get(n, [])
                         if tokens[c].rel == "conj"]
        for index in named:
            if ctx.mention_type(index) == "PER" and index not in found:
                found.append(index)
        frontier += [c for c in ctx.children.get(t, []) if tokens[c].rel == "conj"]
        # «руководители компаний — генеральный директор «X» Y и …»: the titles in apposition
        # to a plural subject, each with its name
        if "Number=Plur" in tokens[t].feats:
            frontier += [c for c in ctx.children.get(t, []) if tokens[c].rel == "appos"
                         and c not in ctx.mention_at and tokens[c].pos == "NOUN"]
    return found


def names_employer(ctx: Context, index: int) -> bool:
    """Is the organisation the end of a title phrase, right before the person it names
    («председатель комитета … областной Думы X»), or in brackets right after a person's
    name («Мона Халед («Нил Софт»)»): the person's employer, not a member of its own?"""
    first, tokens = ctx.first(index), ctx.doc.tokens
    for t in range(ctx.last(index) + 1, min(ctx.last(index) + 1 + TITLE_TAIL_REACH,
                                             len(tokens))):
        # («совета «X» по стратегии Y», «Министерства Z при посольстве в Индии Y»: the
        # title's words after the body, with no break of the list, up to the name)
        after = ctx.mention_at.get(t)
        if after is not None and ctx.mention_type(after) == "PER":
            return True
        if tokens[t].pos in ("PUNCT", "CCONJ", "VERB", "AUX"):
            break
    before = ctx.mention_at.get(first - 2) if first >= 2 and tokens[first - 1].text == "(" \
        else None
    return before is not None and ctx.mention_type(before) == "PER"


def person_at(ctx: Context, t: int) -> int | None:
    """The person mention at token ``t``: his name, or «он»/«она» for the person named last
    in the sentence or the one before."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(t)
    if index is not None:
        return index if ctx.mention_type(index) == "PER" else None
    if tokens[t].pos != "PRON" or tokens[t].lemma not in ctx.vocab.words("person_pronouns"):
        return None
    first = ctx.doc.sentences[max(tokens[t].sent_id - 1, 0)].first_token
    named = [i for i in ctx.mentions_in(range(first, t)) if ctx.mention_type(i) == "PER"]
    return named[-1] if named else None


def misparsed_objects(ctx: Context, verb: int) -> list[int]:
    """The words naming sites that a visit verb's object is, where the parse hangs them
    elsewhere: «20 мая технопарк «Кедр» посетил советник посольства X» (two subjects, a named
    site before the verb and a person after it: the site is the object put first);
    «Посетив завод «Кедр», посол X отметил …» (a gerund with no object of its own: the names
    of its phrase, up to the comma)."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    if "VerbForm=Conv" in tokens[verb].feats \
            and not any(tokens[c].rel in ("obj", "obl") for c in children):
        end = next((t for t in ctx.sentence(tokens[verb].sent_id)
                    if t > verb and tokens[t].text == "," and t not in ctx.mention_at), None)
        return [ctx.first(i) for i in ctx.mentions_in(range(verb + 1, end))
                if ctx.mention_type(i) in SITE_TYPES] if end is not None else []
    subjects = [c for c in children if tokens[c].rel == "nsubj"]
    if not any(c > verb and "Animacy=Anim" in tokens[c].feats for c in subjects):
        return []
    return [c for c in subjects if c < verb and "Animacy=Anim" not in tokens[c].feats
            and (index := ctx.mention_at.get(c)) is not None
            and ctx.mention_type(index) in SITE_TYPES]


# -- places named by a bare region word (shared by the families) ----------------------------


def bare_region_word(ctx: Context, t: int) -> bool:
    """Is the word at ``t`` a bare genitive «региона», «области», «края» (no name of its own),
    one ``resolve_place`` can stand for a place?"""
    tokens = ctx.doc.tokens
    return t < len(tokens) and t not in ctx.mention_at and "Case=Gen" in tokens[t].feats \
        and tokens[t].lemma in ctx.vocab.words("place_anaphors")


def _another_region_in(name: str, stems: list[str], place: str) -> bool:
    """Does a body's name hold a region of that word after an adjective of another region
    than ``place`` («хокимият Навоийской области» beside «Минская область»; not «правительство
    Края», nor «министерство … Хабаровского края» beside «Хабаровский край»)?"""
    words, own = fold(name).split(), fold(place).split()[0][:PLACE_STEM]
    return any(any(stem in word for stem in stems) and REGION_ADJECTIVE.search(before)
               and not before.startswith(own) for before, word in pairwise(words))


def resolve_place(ctx: Context, token_id: int, lemma: str | None = None,
                  country: str | None = None) -> int | None:
    """The region a bare «области», «края», «региона», «района» at ``token_id`` stands for:
    the last place named before it whose name has that word («Калужская область»); for
    «регион», the last one named with any region word. None when no place is named so.
    ``lemma``: the region word, where the token is an adjective of it («краевого»);
    ``country``: the ISO code of the country the region must be in («аким региона»)."""
    tokens = ctx.doc.tokens
    anaphors, generic = ctx.vocab.words("place_anaphors"), ctx.vocab.words("generic_region_words")
    lemma = lemma or tokens[token_id].lemma
    stems = [w[:-1] for w in (anaphors - generic if lemma in generic else {lemma})]
    start = tokens[token_id].start
    if lemma in ctx.vocab.words("town_anaphors"):
        if lemma not in ctx.vocab.words("generic_town_words"):
            # «начальник общины X»: only a place named with that word, and only one («общины
            # Ябланица» and «общине Гвозд» before it: which?)
            named = {m.entity_id for index, m in enumerate(ctx.doc.mentions)
                     if m.type == "LOC" and m.start < start
                     and lemma in place_descriptor(ctx, index)}
            return named.pop() if len(named) == 1 else None
        # (or a one-word place of its own sentence the gazetteer does not know: «делегацию
        # из Кашгара возглавлял заместитель мэра города X»)
        sent_id = tokens[token_id].sent_id
        towns = [m for index, m in enumerate(ctx.doc.mentions) if m.type == "LOC" and (
            lemma in place_descriptor(ctx, index) or is_city(m.normal) or (
                m.sent_id == sent_id and " " not in m.normal
                and gazetteer().lookup(m.normal) is None))]
        before = [m for m in towns if m.start < start]
        return before[-1].entity_id if before else None
    countries = lemma in ctx.vocab.words("country_anaphors")
    if countries and lemma not in anaphors:
        return _country_before(ctx, token_id)  # «министр экономики страны X»
    own = {tokens[c].lemma for c in ctx.children.get(token_id, [])
           if tokens[c].rel == "amod" and tokens[c].text.islower()}
    if own and any(m.type in ("PARK", "ORG") and m.start < start
                   and {lemma, *own} <= {t.lemma for t in tokens[max(0, ctx.first(i) - 4):
                                                                 ctx.last(i) + 1]}
                   for i, m in enumerate(ctx.doc.mentions)):
        return None  # «управляющий инвестиционного региона» after «особый инвестиционный
        # регион «X»»: the body named with the word and its adjective, no place
    # by its name, or by its full name where the text writes «Мордовия» («глава республики
    # X»): the nearest before counts, whichever way it is written
    # «делегацию этой республики» after «между Татарстаном и Узбекистаном»: the last place
    # named so, a country's official name too
    pointed = any(ctx.doc.tokens[c].lemma in ctx.vocab.words("pointing_words")
                  for c in ctx.children.get(token_id, []))
    # («региона» after «регион Кампания»: the generic word as the name's own descriptor)
    descriptors = stems + ([lemma[:-1]] if lemma in generic else [])
    places = [m for index, m in enumerate(ctx.doc.mentions) if m.type == "LOC" and (
        any(stem in word for word in region_words(m.normal, official=pointed) for stem in stems)
        or any(w.startswith(stem) for w in place_descriptor(ctx, index) for stem in descriptors))
        and not (lemma in generic and _a_country(m.normal))]  # «Китайской Народной
    # Республики» has «республика» in its name, but no «регион» is a country
    if country is not None:
        places = [m for m in places if (place := gazetteer().lookup(m.normal)) is not None
                  and place.country == country]
    before = [m for m in places if m.start < start]
    if before and lemma not in generic and any(
            m.type == "ORG" and before[-1].start < m.start < start
            and _another_region_in(m.normal, stems, before[-1].normal) for m in ctx.doc.mentions):
        return None  # «делегация хокимията Навоийской области … хокима области»: another
        # region inside a body's name since, no mention of its own, not the place before it
    if before:
        return before[-1].entity_id
    if places and tokens[token_id].sent_id == 0:
        return places[0].entity_id  # «губернатор региона X» in a headline
    # «президент республики X» where no place is named a republic: the country named before,
    # where it is the last place named or the sentence's adjective names it («… посетила
    # Чебоксары. Глава республики X»: a Russian republic, not the guests' country)
    if not countries:
        return None
    country = _country_before(ctx, token_id)
    named = [m for m in ctx.doc.mentions if m.type == "LOC" and m.start < start]
    if (named and named[-1].entity_id == country) or _own_adjectives(ctx, token_id):
        return country
    return None


def _country_before(ctx: Context, token_id: int) -> int | None:
    """The one country named in this sentence before ``token_id`` or in the sentence before;
    None where none is, where two are («… с РФ. … премьер-министр страны X»: which one?) or
    where an adjective says it is another («президент соседней страны X»)."""
    tokens = ctx.doc.tokens
    if token_id > 0 and tokens[token_id - 1].lemma in ctx.vocab.words("other_adjectives"):
        return None
    sent_id = tokens[token_id].sent_id
    # «С сирийской стороны гостей встречали министр экономики страны X»: the adjective's
    # country, where the text names it, counts as named in the sentence
    own = ctx.doc.sentences[sent_id].first_token
    adjectives = _country_adjectives_in(ctx, range(own, token_id))
    first = ctx.doc.sentences[max(sent_id - 1, 0)].first_token
    countries = {ctx.doc.mentions[i].entity_id for i in ctx.mentions_in(range(first, token_id))
                 if ctx.mention_type(i) == "LOC" and _a_country(ctx.doc.mentions[i].normal)}
    # «Вьетнамская делегация прибыла в Россию. … министр экономики страны X»: the sentence
    # before names a second country by its adjective — which one?
    guests = _country_adjectives_in(ctx, range(first, own))
    named = [m.normal for m in ctx.doc.mentions if m.entity_id in countries]
    if not adjectives and any(not any(same_place(n, guest) for n in named) for guest in guests):
        return None
    if len(adjectives) == 1:
        (country,) = adjectives
        countries = {e.entity_id for e in ctx.doc.entities
                     if e.type == "LOC" and same_place(e.normal, country)}
    return countries.pop() if len(countries) == 1 else None


def _own_adjectives(ctx: Context, token_id: int) -> set[str]:
    """The countries of the country adjectives in its own sentence before ``token_id``
    («венгерская делегация»)."""
    own = ctx.doc.sentences[ctx.doc.tokens[token_id].sent_id].first_token
    return _country_adjectives_in(ctx, range(own, token_id))


def _country_adjectives_in(ctx: Context, words: range) -> set[str]:
    """The countries of the country adjectives among ``words`` outside mentions."""
    tokens = ctx.doc.tokens
    return {ctx.vocab.country_adjectives.get(tokens[t].lemma) for t in words
            if t not in ctx.mention_at} - {None}


def _a_country(normal: str) -> bool:
    place = gazetteer().lookup(normal)
    return place is not None and place.kind == "country"


def is_city(normal: str) -> bool:
    """Does the places gazetteer know the place as a city?"""
    place = gazetteer().lookup(normal)
    return place is not None and place.kind == "city"


def is_federal_district(normal: str) -> bool:
    """Does the places gazetteer know the place as one of Russia's federal districts («ПФО»):
    where a district envoy serves, unlike a region («полпред правительства области в Москве»)?"""
    place = gazetteer().lookup(normal)
    return place is not None and place.kind == "federal district"


def place_descriptor(ctx: Context, index: int) -> list[str]:
    """The lemma of the descriptor right before a place's name («провинции Аньхой», «в
    провинцию Конья» → «провинция»), if any."""
    t = ctx.first(index) - 1
    if t < 0 or t in ctx.mention_at or ctx.doc.tokens[t].pos != "NOUN":
        return []
    return [ctx.doc.tokens[t].lemma]


def region_words(normal: str, official: bool = False) -> list[str]:
    """The words of a place's name, with those of its full name in the places gazetteer
    for a region written without its head word («Орловщина» → «орловская область»,
    «Мордовия» → «республика мордовия»); with ``official``, a country's official names'
    too («Узбекистан» → «республика узбекистан»)."""
    words = fold(normal).split()
    place = gazetteer().lookup(normal)
    if place is not None and place.kind in ("federal subject", "region"):
        words += [w for w in fold(place.canonical).split() if w not in words]
    if official and place is not None and place.kind == "country":
        words += [w for alias in place.aliases for w in alias.split() if w not in words]
    return words


def with_partner(ctx: Context, index: int) -> int | None:
    """The «с» that makes the organisation or place someone's other side («с компанией Y»,
    «с японскими партнёрами Y»: past the lower-case words before the name), if one does."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    while t > 0 and t not in ctx.mention_at and tokens[t].pos in ("NOUN", "ADJ") \
            and tokens[t].text.islower():
        t -= 1
    return t if t > 0 and tokens[t].lemma in ("с", "со") else None


def topic_partner(ctx: Context, index: int) -> int | None:
    """Where the post's field opens («по»), if the organisation or place is its other side
    («координатор группы по связям с парламентом Y», «по сотрудничеству с компанией Y»),
    not the body the post is held in; else None."""
    t = with_partner(ctx, index)
    if t is None or t < 2:
        return None
    return next((w for w in range(t - 1, max(t - 4, -1), -1)
                 if ctx.doc.tokens[w].lemma == "по"), None)


def body_of_place(ctx: Context, entity: int | None, group: Delegation) -> bool:
    """Is the organisation a body whose name ends with the place the group comes from
    («народное правительство города Хэйхэ» for a group from Хэйхэ)?"""
    place = group.origin_entity
    if entity is None or place is None or ctx.doc.entities[entity].type != "ORG" \
            or ctx.doc.entities[place].type != "LOC":
        return False
    body, home = name_key(ctx.doc.entities[entity].normal).split(), name_key(group.origin).split()
    return len(body) > len(home) and body[-len(home):] == home


def name_at(ctx: Context, word: int) -> int | None:
    """The mention at a word, or the name in apposition to it («центр «Луч»», «компании
    «X»»)."""
    if word in ctx.mention_at:
        return ctx.mention_at[word]
    tokens = ctx.doc.tokens
    return next((ctx.mention_at[c] for c in ctx.children.get(word, [])
                 if tokens[c].rel in ("appos", "flat:name") and c in ctx.mention_at), None)
