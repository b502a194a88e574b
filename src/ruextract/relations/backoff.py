"""Backoffs: a family's fact told in a sentence none of its construction rules read.

Real news tell a residency in more ways than any list of constructions holds; the phrasebook's
unread cases fail mostly with both arguments found and no rule speaking. A backoff rule
(``method: same_sentence``) takes a sentence that has one of its cue words (``trigger``),
exactly one thing of the types of ``args.arg2`` and things of the types of ``args.arg1``, and
relates each of those to the one, at its rule's low confidence. It stays silent where the
family's own rules found a fact in the sentence (they read it), where a word is told as
planned, future or negated or a plan word stands («в планах …»), or where a word of the lists
``args.unless`` stands (an application, a refusal, a visit, the park's operator: another story
than the fact), or where the cue is a past told as over («ранее была резидентом»). A cue word
under a preposition of ``args.about``, itself or the noun it hangs on, does not count
(«рассказал о резидентах парка», «о кредитовании резидентов»), nor one under a preposition of
``args.away`` («конкурирует с резидентами», «для резидентов»; but «вместе с другими
резидентами»). A thing of ``arg1`` is left out when a preposition of ``args.away`` governs it
(«договор с фирмой «Z»»: a partner), when it is a post's employer («директор компании «Z»»),
a branch's parent («филиал «Z»»), the subject acting on the cue word («приняла на работу
резидентов»), what the residents act on («резиденты закупают сырьё у холдинга «Z»»), the
park's conjunct («технопарк «Y» и банк «Z» подписали …») or the source of the news («…,
сообщила пресс-служба компании «Z»»).

Options: ``args.same_clause`` keeps only things told in a cue word's clause, under the verb it
hangs on (MEMBER_OF_DELEGATION: «X тоже входила в делегацию», not «… посетили завод, которым
руководит X»); ``args.own_genitive`` drops a cue word whose genitive names another whole («в
состав рабочей группы вошли X и Y»).

Tried for other families and not kept (the thirty-fourth session): PARTICIPATED_IN (one unread
case more, a dozen traps of hypothetical or prepared participation broken), AGREEMENT_WITH as
the two parties of a sentence (one unread case more, about twenty dubious pairs on NEREL's
general news: a city and its country, two parties), VISITED (no unread case more, one lost)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..doc import fold
from ..rules import RelationRule
from .context import QUOTE_OPEN, Context, case_of, in_source_phrase, matcher


@matcher("same_sentence")
def same_sentence(ctx: Context, rule: RelationRule) -> None:
    """Each thing of ``args.arg1`` to the one thing of ``args.arg2`` of a told sentence."""
    for sent_id, mentions, keep in _told_sentences(ctx, rule):
        ones = {ctx.entity(i) for i in mentions if ctx.mention_type(i) in rule.args["arg2"]}
        if len(ones) != 1:
            continue
        one = ones.pop()
        one_name = fold(ctx.doc.entities[one].normal)
        for index in mentions:
            name = fold(ctx.doc.mentions[index].normal)
            if ctx.mention_type(index) in rule.args["arg1"] and name not in one_name \
                    and one_name not in name and keep(index) and not ctx.title_dependent(index):
                ctx.add(rule, ctx.entity(index), one, sent_id)


def _told_sentences(ctx: Context, rule: RelationRule
                    ) -> Iterator[tuple[int, list[int], Callable[[int], bool]]]:
    """The sentences a backoff rule reads: each with its mentions and the test a mention of
    it passes to be an argument (see the module's text)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    cues = vocab.words(rule.trigger)
    blockers = frozenset().union(*(vocab.words(name) for name in rule.args.get("unless", [])))
    away = frozenset(rule.args.get("away", []))
    about = rule.args.get("about", [])  # a cue word told of, no fact: «рассказал о резидентах»
    branches = vocab.words("org_branch_heads")
    joined = frozenset().union(*(vocab.words(name) for name in rule.args.get("joined", [])))
    same_clause = rule.args.get("same_clause", False)  # the thing told in the cue's clause
    own_genitive = rule.args.get("own_genitive", False)  # a cue's genitive is the one thing
    spoken = {sent for (relation, _, _), sents in ctx.stated_in.items()
              if relation == rule.relation for sent in sents}
    for sent_id in range(len(ctx.doc.sentences)):
        if sent_id in spoken:
            continue
        words = ctx.sentence(sent_id)
        told = [t for t in words if (tokens[t].lemma in cues or tokens[t].lemma.split("-")[-1]
                                     in cues) and not _aside(ctx, t, about, away)
                and not (own_genitive and _of_another(ctx, t))]
        if not told or any(tokens[t].lemma in blockers or tokens[t].lemma in vocab.plan_words
                           for t in words) \
                or any(ctx.future(t) or (tokens[t].pos in ("VERB", "AUX") and ctx.planned(t))
                       for t in words) or any(_former(ctx, t) for t in told):
            continue
        mentions = ctx.mentions_in(words)
        ones = [ctx.mention_root(i) for i in mentions if ctx.mention_type(i) in rule.args["arg2"]]

        def keep(index: int, told: list[int] = told, ones: list[int | None] = ones) -> bool:
            before, beside = _word_before_name(ctx, index), ctx.noun_beside(index)
            return before not in away and before not in branches \
                and not (away and beside is not None and ctx.governed(beside, *away)) \
                and not _acts_on(ctx, beside, told, joined) \
                and not _acted_on(ctx, beside, told) and not _conjoined(ctx, beside, ones) \
                and not (beside is not None and in_source_phrase(ctx, beside)) \
                and not (same_clause and not _in_clause_of(ctx, beside, told)) \
                and _beside_a_cue(ctx, index, told)

        yield sent_id, mentions, keep


def _beside_a_cue(ctx: Context, index: int, told: list[int]) -> bool:
    """Does no semicolon part the mention from every cue word («… ТОО «X» и заводы зоны «Y»;
    сегодня резидентами зоны являются десять компаний»: another statement)?"""
    first, tokens = ctx.first(index), ctx.doc.tokens
    return any(not any(tokens[t].text == ";" for t in range(min(first, cue), max(first, cue)))
               for cue in told)


def _aside(ctx: Context, cue: int, about: list[str], away: list[str]) -> bool:
    """Is the cue word told of, not told as a fact: under a preposition of ``about``, itself or
    the noun it hangs on («рассказал о резидентах», «о новых резидентах технопарка», «о
    кредитовании резидентов»), or a partner's («с резидентами», «для резидентов»), unless it
    stands for the rest of a list («вместе с другими резидентами»)?"""
    tokens = ctx.doc.tokens
    head = tokens[cue].head_id
    # (the one a partitive picks: «контракт с одним из резидентов»)
    partitive = head if head >= 0 and ctx.governed(cue, "из", "среди") else cue
    if away and ctx.governed(partitive, *away) and not any(
            tokens[c].lemma in ctx.vocab.words("other_adjectives")
            for c in ctx.children.get(cue, [])):
        return True
    word, steps = cue, 0
    while about and word >= 0 and steps < 3:
        if ctx.governed(word, *about):
            return True
        if tokens[word].rel not in ("nmod", "amod"):
            return False
        word, steps = tokens[word].head_id, steps + 1
    return False


def _of_another(ctx: Context, cue: int) -> bool:
    """Does the cue word speak of another whole: a noun hung on it (``nmod``), or on the noun
    a cue verb goes into, that is no name, no name's generic head and no delegation («в
    состав рабочей группы вошли X и Y»: the working group's; not «представитель фирмы
    «Z»»)?"""
    tokens = ctx.doc.tokens
    words = [cue]
    if tokens[cue].pos == "VERB":
        words += [c for c in ctx.children.get(cue, []) if tokens[c].rel in ("obl", "obj")]
    return any(tokens[c].rel == "nmod" and tokens[c].pos == "NOUN" and _unnamed(ctx, c)
               for word in words for c in ctx.children.get(word, []))


def _unnamed(ctx: Context, word: int) -> bool:
    """Is the noun at ``word`` no name, no delegation and no generic head of a name?"""
    return word not in ctx.mention_at and ctx.ref_at(word) is None and not any(
        c in ctx.mention_at for c in ctx.children.get(word, []))


def _in_clause_of(ctx: Context, word: int | None, cues: list[int]) -> bool:
    """Does the thing at ``word`` stand in the clause of a cue word, under the verb it hangs
    on («В состав делегации вошёл X»; not «… посетили завод, которым руководит X», nor «X
    подчеркнул, что с делегацией прибыли представители …»)?"""
    return word is not None and any(ctx.verb_over(word) == ctx.verb_over(cue) for cue in cues)


def _former(ctx: Context, cue: int) -> bool:
    """Is the cue word a past residency told as over: a past «быть» with an adverb of another
    time («ранее была резидентом», «раньше был резидентом»; ``other_time_adverbs``)?"""
    tokens = ctx.doc.tokens
    children = ctx.children.get(cue, [])
    return any(tokens[c].rel == "cop" and "Tense=Past" in tokens[c].feats for c in children) \
        and any(tokens[c].lemma in ctx.vocab.words("other_time_adverbs") for c in children)


def _acted_on(ctx: Context, word: int | None, cues: list[int]) -> bool:
    """Is the thing at ``word`` what the residents act on: every cue word the subject of a
    verb other than a copula, the thing under that verb and not inside a cue's phrase
    («Резиденты парка закупают сырьё у холдинга «Z»», «… продают продукцию сети «Z»»)?"""
    tokens = ctx.doc.tokens
    if word is None:
        return False
    for cue in cues:
        verb = tokens[cue].head_id
        if tokens[cue].rel != "nsubj" or verb < 0 or tokens[verb].pos != "VERB" \
                or tokens[verb].lemma in ctx.vocab.words("copula_verbs") \
                or ctx.verb_over(word) != verb or _hangs_on(ctx, word, cue):
            return False
    return True


def _hangs_on(ctx: Context, word: int, head: int, steps: int = 6) -> bool:
    """Does the word at ``word`` hang on ``head``, directly or through other words?"""
    tokens = ctx.doc.tokens
    while word >= 0 and steps > 0:
        if word == head:
            return True
        word, steps = tokens[word].head_id, steps - 1
    return False


def _conjoined(ctx: Context, word: int | None, ones: list[int | None]) -> bool:
    """Is the thing at ``word`` a conjunct of the one thing («Технопарк «Y» и банк «Z»
    подписали соглашение»): a partner beside it, no resident?"""
    tokens = ctx.doc.tokens

    def joins(a: int, b: int) -> bool:
        return tokens[a].rel == "conj" and tokens[a].head_id == b

    return word is not None and any(
        one is not None and (joins(word, one) or joins(one, word)) for one in ones)


def _word_before_name(ctx: Context, index: int) -> str:
    """The lemma before a name, past its quotes, its generic head and adjectives («с фирмой
    «Z»»: «с»; «филиала компании «Z»»: «филиал»); "" at the sentence's start."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    t = first - 1
    while t >= 0 and tokens[t].sent_id == tokens[first].sent_id and (
            tokens[t].text == QUOTE_OPEN or tokens[t].pos == "ADJ"
            or tokens[t].lemma in ctx.vocab.named_heads):
        t -= 1
    return tokens[t].lemma if t >= 0 and tokens[t].sent_id == tokens[first].sent_id else ""


def _acts_on(ctx: Context, word: int | None, cues: list[int], joined: frozenset[str]) -> bool:
    """Is the thing at ``word`` the subject of a verb other than a copula, with every cue word
    an object under that verb («Фирма «Z» приняла на работу резидентов …», «поставляет станки
    резидентам …»)? Not where a cue is its predicate (nominative or instrumental: «стала
    резидентом»), the one of a partitive («одним из резидентов», «среди резидентов») or hangs
    on a noun of ``joined`` («вошла в число резидентов»)."""
    tokens = ctx.doc.tokens
    if word is None or tokens[word].rel != "nsubj" or tokens[word].head_id < 0 \
            or tokens[tokens[word].head_id].lemma in ctx.vocab.words("copula_verbs"):
        return False
    verb = tokens[word].head_id
    for cue in cues:
        head = tokens[cue].head_id
        if ctx.verb_over(cue) != verb or tokens[cue].rel not in ("obj", "iobj", "obl", "nmod") \
                or case_of(tokens[cue]) in ("Nom", "Ins", None) \
                or ctx.governed(cue, "среди", "из") or (head >= 0 and tokens[head].lemma in joined):
            return False
    return True
