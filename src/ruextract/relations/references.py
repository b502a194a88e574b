"""Arguments named by reference: a pronoun or a bare generic noun that stands for a thing named
just before it («Компания «Орбита» … Она стала резидентом …», «Предприятие входит в холдинг …»).

The matchers read arguments from mentions, and a reference is no mention: the entities stage
finds names, and the mentions table keeps only them. So while the matchers run, each resolved
reference stands as a mention of its antecedent's entity (``add_references``), and it is taken
out before the facts are scored and stored (``drop_references``). A reference is resolved only
where one antecedent fits: the one named thing of its gender and number in its sentence before
it and the sentence before (or the one of them that is a subject), the one thing of a generic
noun's kind in that sentence and the two before; a reference resolved before is an antecedent
too («Компания «X» … Она … Теперь она …»). What no name is may be meant as well: an unnamed
subject («Губернатор … он …») or a new thing brought in between («купила станцию. Она …») leaves
the pronoun alone, and so does direct speech. A group of visitors is not resolved here: the
delegation stage has its own references («она», «гости»).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..doc import DELEGATION, Mention, Token
from ..morph import parse_feats
from .context import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    REFERENCE_SOURCE,
    Context,
    before_quotes,
    name_gender,
    name_head_noun,
)

PRONOUN_LEMMAS = frozenset({"он", "она", "оно"})
SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
# how many sentences before a reference's own its antecedent may stand in
PRONOUN_REACH = 1
NOUN_REACH = 2
# how a name hangs on its head word («завод «Y»», «завод теплиц «Y»»)
NAME_PHRASE_RELS = frozenset({"appos", "nmod", "flat", "flat:name", "flat:foreign"})
NAME_PHRASE_REACH = 4  # words between a head noun and its name («завод по выпуску стекла «Y»»)
# the genders whose pronouns share their forms outside the nominative («него», «нём», «им»)
OBLIQUE_ALIKE = ("Masc", "Neut")
# an unnamed subject's stand-in entity ids (below any real one) and type
UNNAMED = -2
UNNAMED_TYPE = "UNNAMED"
# a group's references are the delegation stage's; an unnamed thing has no entity to stand for
NOT_BY_PRONOUN = frozenset({DELEGATION, UNNAMED_TYPE})
# a person's «он» only as a subject: a text names many people, and the rules that read a name
# after a title («секретаря ООН его поддержит») would take an object pronoun for one
PERSON_PRONOUN_RELS = SUBJECT_RELS


@dataclass(frozen=True, slots=True)
class Candidate:
    """A thing named before a reference: its entity, type, gender, and whether a subject
    names it there."""
    token: int
    entity: int
    type: str
    gender: str | None
    subject: bool
    heads: frozenset[str] = frozenset()  # the generic heads it is named with («завод», …)


def _hosting(ctx: Context, token: Token) -> bool:
    """Is the word the subject of a host's verb («университет принимал делегацию»)?"""
    return token.rel == "nsubj" and token.head_id >= 0 \
        and ctx.doc.tokens[token.head_id].lemma in ctx.vocab.host_verbs


def add_references(ctx: Context) -> list[Mention]:
    """Resolve the document's references and stand a mention of its antecedent's entity at
    each; returns the mentions added, for ``drop_references``."""
    doc = ctx.doc
    references = [(token, antecedent) for token in doc.tokens
                  if token.token_id not in ctx.mention_at
                  and (antecedent := _resolver(ctx, token)) is not None
                  and ctx.ref_at(token.token_id) is None]
    if not references:
        return []  # most documents: no candidate is worth reading
    named = [_candidate(ctx, index) for index, mention in enumerate(doc.mentions)
             if mention.entity_id >= 0 and ctx.mention_tokens(index)] + _unnamed_subjects(ctx)
    named.sort(key=lambda c: c.token)
    resolved: list[Candidate] = []
    added: list[Mention] = []
    origins = {d.origin_entity for d in ctx.delegations} - {None}
    for token, antecedent in references:
        candidates = named + resolved
        if _hosting(ctx, token):
            # «Во вторник университет принимал делегацию …»: the host, no group's body
            candidates = [c for c in candidates if c.entity not in origins]
        entity = None if _in_quotes(ctx, token.token_id) else antecedent(ctx, token, candidates)
        if entity is None:
            continue
        found = doc.entities[entity]
        resolved.append(Candidate(token.token_id, entity, found.type,
                                  parse_feats(token.feats).get("Gender"),
                                  _subject(ctx, token)))
        added.append(Mention(token.start, token.end, found.type, token.text, found.normal,
                             REFERENCE_SOURCE, token.sent_id, entity))
    if added:
        ctx.replace_mentions(sorted(doc.mentions + added, key=lambda m: m.start))
    return added


Antecedent = Callable[[Context, Token, list[Candidate]], int | None]


def _resolver(ctx: Context, token: Token) -> Antecedent | None:
    """How the word's antecedent is found, if it is a reference at all."""
    if _pronoun(ctx, token):
        return _pronoun_antecedent
    if _generic_noun(ctx, token):
        return _noun_antecedent
    return None


def drop_references(ctx: Context, added: list[Mention]) -> None:
    """Take the stand-in mentions ``add_references`` made out again."""
    if added:
        stand_ins = {id(mention) for mention in added}
        ctx.replace_mentions([m for m in ctx.doc.mentions if id(m) not in stand_ins])


def _candidate(ctx: Context, index: int) -> Candidate:
    mention = ctx.doc.mentions[index]
    word = ctx.noun_beside(index)
    return Candidate(ctx.first(index), mention.entity_id, mention.type, _gender(ctx, index),
                     word is not None and _subject(ctx, ctx.doc.tokens[word]),
                     _heads(ctx, index))


def _heads(ctx: Context, index: int) -> frozenset[str]:
    """The lemmas a name's generic head may be: its own (``_own_heads``) and, for a name
    joined to another by «и» or a comma, the first one's, whose head word is the whole
    list's («Фирмы «X» и «Y»»: «Y» is a «фирма» too, so a bare «фирма» is either)."""
    heads = _own_heads(ctx, index)
    root = ctx.mention_root(index)
    if root is not None and ctx.doc.tokens[root].rel == "conj":
        first = ctx.mention_at.get(ctx.doc.tokens[root].head_id)
        if first is not None and first != index:
            heads |= _own_heads(ctx, first)
    return heads


def _own_heads(ctx: Context, index: int) -> frozenset[str]:
    """Its first word, its first noun («Заозёрный технический университет»), the word before
    its quotes («завод «X»»)."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    words = {first, name_head_noun(ctx, index), before_quotes(ctx, first - 1)}
    return frozenset(tokens[t].lemma for t in words if t >= 0)


def _unnamed_subjects(ctx: Context) -> list[Candidate]:
    """Nouns no name is that are subjects («Губернатор посетил технопарк «Y». … он осмотрел
    цех»: «он» is the governor): a pronoun may mean them, so they stand among its candidates,
    each a thing of its own that no stand-in is made for."""
    return [Candidate(token.token_id, UNNAMED - token.token_id, UNNAMED_TYPE,
                      parse_feats(token.feats).get("Gender"), True)
            for token in ctx.doc.tokens
            if token.pos == "NOUN" and token.rel in SUBJECT_RELS
            and token.token_id not in ctx.mention_at and not _name_follows(ctx, token.token_id)
            and "Number=Plur" not in token.feats]


def _subject(ctx: Context, word: Token) -> bool:
    """A subject, or one joined to a subject by «и» («Компания «X» и фирма «Y» делают …»)."""
    if word.rel == "conj" and word.head_id >= 0:
        word = ctx.doc.tokens[word.head_id]
    return word.rel in SUBJECT_RELS


def _gender(ctx: Context, index: int) -> str | None:
    """The gender a pronoun for the mention's thing agrees with (None: unknown, or plural)."""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if root is not None and "Number=Plur" in tokens[root].feats:
        return None
    mention = ctx.doc.mentions[index]
    if mention.type == "EVENT":
        # «Форум «X» … Он прошёл …»: the event's head word, in its name or before its quotes
        first = ctx.first(index)
        for t in (first, before_quotes(ctx, first - 1)):
            if t >= 0 and tokens[t].lemma in ctx.vocab.words("event_nouns"):
                return parse_feats(tokens[t].feats).get("Gender")
        return None
    if mention.type in ("ORG", "PARK", "LOC"):
        return name_gender(ctx, index)
    return parse_feats(tokens[ctx.first(index)].feats).get("Gender")


# -- pronouns ------------------------------------------------------------------------------

def _pronoun(ctx: Context, token: Token) -> bool:
    """A third-person singular personal pronoun («она», «о нём»). Possessives («его
    резидентами», «её директор») are the families' own: each reads its noun's owner."""
    # («о нём» the tagger may read as a noun: its lemma still says it is «он»)
    if token.pos not in ("PRON", "NOUN") or token.lemma not in PRONOUN_LEMMAS \
            or "Number=Plur" in token.feats:
        return False
    # «его ректор», «Её директор»: a possessive the tagger read as a pronoun, before its noun
    tokens = ctx.doc.tokens
    after = tokens[token.token_id + 1] if token.token_id + 1 < len(tokens) else None
    return not (token.text.lower() in ctx.vocab.possessive_genders and after is not None
                and after.pos in ("NOUN", "PROPN", "ADJ", "NUM"))


def _pronoun_antecedent(ctx: Context, token: Token, candidates: list[Candidate]) -> int | None:
    """The entity a pronoun refers to: of the things named before it (its sentence and
    ``PRONOUN_REACH`` before) those of its gender or of none known, the one such thing, else
    the one of them a subject names. None where none or several fit, or a group of visitors
    does, or a person where the pronoun is no subject."""
    genders = _pronoun_genders(token)
    if not genders:
        return None
    # a name of unknown gender («Компания «X» и фирма «Y»»: «фирма» is no head word known)
    # may be the one meant: it fits, so that two such names leave the pronoun alone; a thing
    # of the pronoun's own clause does not («Пётр руководит им»: not Пётр)
    verb = ctx.verb_over(token.token_id)
    fitting = [c for c in _before(ctx, token, candidates, PRONOUN_REACH)
               if (c.gender is None or c.gender in genders)
               and (verb is None or ctx.verb_over(c.token) != verb)]
    chosen = _one_thing(fitting)
    if chosen is None and token.token_id > 0 \
            and ctx.doc.tokens[token.token_id - 1].lemma == "на":
        # «Область приняла участие в выставке «X». На ней …»: one is seldom «на» a region
        # or a town, often «на» an event or a site
        chosen = _one_thing([c for c in fitting if c.type != "LOC"])
    if chosen is None:
        chosen = _one_thing([c for c in fitting if c.subject])
    if chosen is None or chosen.type in NOT_BY_PRONOUN \
            or (chosen.type == "PER" and token.rel not in PERSON_PRONOUN_RELS) \
            or _new_thing_between(ctx, chosen.token, token.token_id, genders):
        return None
    return chosen.entity


def _new_thing_between(ctx: Context, start: int, end: int, genders: set[str]) -> bool:
    """Is an unnamed thing of the pronoun's gender brought in between its antecedent and it
    («Фирма «X» купила станцию. Она расположена …»: the station, most likely)? A new thing
    is the likelier one meant, and it has no mention to stand for."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words("reference_new_thing_verbs")
    for t in range(start + 1, end):
        word = tokens[t]
        if word.pos != "NOUN" or t in ctx.mention_at or "Number=Plur" in word.feats \
                or word.head_id < 0 or tokens[word.head_id].lemma not in verbs \
                or word.rel not in ("obj", *SUBJECT_RELS):
            continue
        if parse_feats(word.feats).get("Gender") in genders \
                and not (_name_follows(ctx, t) or _names_a_thing(ctx, t)):
            return True
    return False


def _pronoun_genders(token: Token) -> set[str]:
    """The genders a pronoun may stand for: its own; masculine and neuter alike where its
    form is both's («о нём», «его», «им»: the tagger's pick between them is a guess)."""
    feats = parse_feats(token.feats)
    gender = feats.get("Gender")
    if gender in OBLIQUE_ALIKE and feats.get("Case") != "Nom":
        return set(OBLIQUE_ALIKE)
    return {gender} if gender else set()


# -- generic nouns -------------------------------------------------------------------------

def _generic_noun(ctx: Context, token: Token) -> bool:
    """A bare singular generic noun of ``reference_nouns`` that points back («предприятие
    входит в …», «посетила этот завод», «цеха предприятия»): not the head word of a name
    after it («компания «Орбита»»), not with a word that makes it another thing («другая
    компания», «компания из Китая», «для завода»), not a new thing («построит завод»), not
    the genitive of another generic noun («другая компания холдинга») or of a branch («филиал
    компании»)."""
    vocab = ctx.vocab
    tokens = ctx.doc.tokens
    # (a sentence's capitalised first word the tagger may read as a name: «Технопарк посетила
    # делегация …»)
    opening = token.pos == "PROPN" \
        and token.token_id == ctx.doc.sentences[token.sent_id].first_token
    if (token.pos != "NOUN" and not opening) or token.lemma not in vocab.reference_nouns \
            or "Number=Plur" in token.feats:
        return False
    if _name_follows(ctx, token.token_id) or _names_a_thing(ctx, token.token_id):
        return False
    pointers = vocab.words("reference_pointers")
    modifiers = _modifiers(ctx, token)
    if any(word.lemma not in pointers for word in modifiers):
        return False
    if not modifiers and any(
            tokens[c].rel == "nmod" for c in ctx.children.get(token.token_id, [])):
        return False  # «ярмарка вакансий», «предприятие по выпуску мебели»: a thing described
    if ctx.governed(token.token_id, *vocab.words("reference_other_prepositions")):
        return False
    if vocab.reference_nouns[token.lemma][0] == "EVENT" and ctx.governed(token.token_id):
        return False  # «на форуме приняли участие …»: the events family reads a bare event itself
    head = tokens[token.head_id] if token.head_id >= 0 else None
    if head is None:
        return True
    if head.lemma in vocab.words("reference_new_thing_verbs") and not (
            vocab.reference_nouns[token.lemma][0] == "EVENT" and token.rel in SUBJECT_RELS):
        return False  # (but «Форум открылся в Минске»: the event named before opening)
    # («филиал компании»: the branch's name, another thing than the company)
    return not (token.rel == "nmod" and (head.lemma in vocab.reference_nouns
                                         or head.lemma in vocab.named_heads
                                         or head.lemma in vocab.words("org_branch_heads")))


def _modifiers(ctx: Context, token: Token) -> list[Token]:
    tokens = ctx.doc.tokens
    return [tokens[c] for c in ctx.children.get(token.token_id, [])
            if tokens[c].rel in ("amod", "det", "nummod")]


def _pointed(ctx: Context, token: Token) -> bool:
    """Does a pointer point the noun back («этот завод», «сам технопарк»)?"""
    pointers = ctx.vocab.words("reference_pointers")
    return any(word.lemma in pointers for word in _modifiers(ctx, token))


def _name_follows(ctx: Context, t: int) -> bool:
    """Does a name follow the noun, right after it or past the words of its phrase
    («компания «Y»», «фабрика мебели «Y»», «завод по выпуску стекла «Y»»), however the
    parse hangs it?"""
    tokens = ctx.doc.tokens
    for after in range(t + 1, min(t + 1 + NAME_PHRASE_REACH, len(tokens))):
        if tokens[after].text == QUOTE_OPEN or (
                after in ctx.mention_at and ctx.mention_type(ctx.mention_at[after]) != "PER"):
            return True
        word = tokens[after]
        # the noun's own phrase: genitives and prepositional phrases («мебели», «по выпуску»),
        # not the next noun phrase («форума компания «Y»»)
        if not (word.pos == "ADP" or (word.pos in ("NOUN", "ADJ") and (
                "Case=Gen" in word.feats or tokens[after - 1].pos == "ADP"))):
            return False
    return False


def _names_a_thing(ctx: Context, t: int, depth: int = 2) -> bool:
    """Does a name hang on the noun, itself or through a genitive («завод теплиц «Y»»)? Then
    the noun is that name's head word, no reference."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(t, []):
        if tokens[child].rel not in NAME_PHRASE_RELS:
            continue
        if child in ctx.mention_at or tokens[child].text == QUOTE_OPEN \
                or (depth > 1 and _names_a_thing(ctx, child, depth - 1)):
            return True
    return False


def _noun_antecedent(ctx: Context, token: Token, candidates: list[Candidate]) -> int | None:
    """The entity a generic noun refers to: of the things of its kind named before it (its
    sentence, outside its clause unless pointed, and ``NOUN_REACH`` before), the one whose own
    generic head is that noun or one its line lists, else (where it lists none) the one thing
    of its kind."""
    kind, heads = ctx.vocab.reference_nouns[token.lemma]
    # not a thing of its own clause, unless pointed: there the thing the noun names may stand
    # beside it unnamed («Компания «X» входит в холдинг»: another thing)
    verb = None if _pointed(ctx, token) else ctx.verb_over(token.token_id)
    named = [c for c in _before(ctx, token, candidates, NOUN_REACH) if c.type == kind
             and (verb is None or ctx.verb_over(c.token) != verb)]
    headed = [c for c in named if c.heads & (heads or {token.lemma})]
    chosen = _one_thing(headed) or (None if heads else _one_thing(named))
    if chosen is None and kind == "PARK":
        # far below the headline of a park's own page, its bare «технопарк» is that park
        # (where a park of that word heads the page)
        return ctx.page_park(token.lemma)
    return chosen.entity if chosen is not None else None


# -- shared --------------------------------------------------------------------------------

def _in_quotes(ctx: Context, t: int) -> bool:
    """Does the word stand inside quotes: direct speech (its «она», «компания» are the
    speaker's, who may mean another thing than the one named before it), or a name the
    entities stage did not take?"""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[t].sent_id)
    depth = 0
    for before in range(sentence.start, t):
        depth = _quote_depth(depth, tokens[before].text)
    if depth > 0:
        return True
    # speech opened in an earlier sentence: a closing quote with none open before it
    for after in range(t + 1, sentence.stop):
        depth = _quote_depth(depth, tokens[after].text)
        if depth < 0:
            return True
    return False


def _quote_depth(depth: int, text: str) -> int:
    return depth + (text == QUOTE_OPEN) - (text == QUOTE_CLOSE)


def _before(ctx: Context, token: Token, candidates: list[Candidate], reach: int
            ) -> list[Candidate]:
    """The candidates from the start of the sentence ``reach`` before the token's up to it."""
    first = ctx.doc.sentences[max(token.sent_id - reach, 0)].first_token
    return [c for c in candidates if first <= c.token < token.token_id]


def _one_thing(candidates: list[Candidate]) -> Candidate | None:
    """The last of ``candidates`` where they all name one thing; None for none or several."""
    if len({c.entity for c in candidates}) != 1:
        return None
    return max(candidates, key=lambda c: c.token)
