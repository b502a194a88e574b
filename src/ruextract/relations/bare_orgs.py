"""What a bare organisation noun stands for: the one organisation the text named before with
that word as its head, first or last word («… компания «Ситилинк» … директор компании», «Тверской
государственный университет … делегация университета»), the one company named with a legal
form, the one team. Read by roles.py (an employer named by a bare word) and delegations.py (a
group's origin named so)."""

from __future__ import annotations

from collections.abc import Callable

from ..doc import fold
from .context import QUOTE_OPEN, Context, before_quotes, name_head_noun


def resolve_bare_org(ctx: Context, token_id: int) -> int | None:
    """The organisation a bare «фонда», «компании», «университета» at ``token_id`` stands
    for: the last one named before it with that word first or last in its name or as its
    head («фонд «Сколково»», «компания «Ситилинк»», «Тверской государственный университет»).
    None when none is."""
    tokens = ctx.doc.tokens
    lemma = tokens[token_id].lemma
    # «вуза»: any school's head names it («Кедровский государственный университет»)
    heads = ctx.vocab.words("school_heads") \
        if lemma in ctx.vocab.words("school_generic_nouns") else {lemma}
    # «предприятия» after «завод «X»»: a production word stands for any plant's head
    plants = ctx.vocab.words("production_nouns") | ctx.vocab.words("plant_nouns") \
        if lemma in ctx.vocab.words("production_nouns") else {lemma}
    found, headed_last = None, set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.start >= tokens[token_id].start:
            break
        if mention.type != "ORG" or fold(mention.normal) in ctx.vocab.org_heads:
            continue
        head = before_quotes(ctx, ctx.first(index) - 1)
        words = fold(mention.normal).split(" ")
        # its first word («фонд «Сколково»») or its head noun before it
        if lemma[:-1] in words[0] or (head >= 0 and tokens[head].lemma in plants):
            found = mention.entity_id
        elif words[-1] in heads and QUOTE_OPEN not in mention.normal:
            headed_last.add(mention.entity_id)  # «Тверской государственный университет»
    if found is None and len(headed_last) == 1:
        found = headed_last.pop()  # not of two such («… и Московский … университет»)
    if found is None and lemma in ctx.vocab.words("registered_company_nouns"):
        found = _one_registered_company(ctx, token_id)
    if found is None:
        found = org_headed_by(ctx, token_id)  # «Лесногорский центр народного творчества»
    return found


def bare_anaphor(ctx: Context, t: int) -> Callable[[Context, int], int | None] | None:
    """How to find what a bare genitive word no mention covers stands for: a body's head
    («совета»: body_anaphors) the one body with that head, a team's word («команды»:
    team_anaphors) the one team; None for any other word."""
    token = ctx.doc.tokens[t]
    if t in ctx.mention_at or "Case=Gen" not in token.feats:
        return None
    if token.lemma in ctx.vocab.words("body_anaphors"):
        return org_headed_by
    if token.lemma in ctx.vocab.words("team_anaphors"):
        return _one_team
    return None


def orgs_headed_by(ctx: Context, token_id: int, modifiers: set[str] | None = None) -> set[int]:
    """The organisations named before ``token_id`` whose name's first noun is the word there
    (and whose name holds each of ``modifiers``), as entities."""
    tokens, found = ctx.doc.tokens, set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.start >= tokens[token_id].start:
            break
        head = name_head_noun(ctx, index) if mention.type == "ORG" else -1
        if head >= 0 and tokens[head].lemma == tokens[token_id].lemma and (
                not modifiers or modifiers <= {tokens[t].lemma for t in ctx.mention_tokens(index)}):
            found.add(mention.entity_id)
    return found


def org_headed_by(ctx: Context, token_id: int) -> int | None:
    """The one organisation named before ``token_id`` whose name's first noun is the word
    there («Тверской совет предпринимателей», «Лесногорский театр драмы» for a bare
    «совета», «театра»); None where none is, or two are («театр драмы и театр кукол»)."""
    tokens = ctx.doc.tokens
    # its own adjectives must be the name's («директор коптской церкви»), not another
    # organisation's («директор ростовского цирка», «глава своей администрации»)
    modifiers, w = set(), token_id - 1
    while w >= 0 and tokens[w].pos in ("ADJ", "DET", "PRON"):
        modifiers.add(tokens[w].lemma)
        w -= 1
    found = orgs_headed_by(ctx, token_id, modifiers)
    if len(found) != 1 or _unnamed_body_before(ctx, token_id, found):
        return None
    return found.pop()


def _unnamed_body_before(ctx: Context, token_id: int, named: set[int]) -> bool:
    """Does the text name, before ``token_id``, another body with the word there as its head
    that no organisation mention covers («… и совет молодёжи»): the word with a genitive noun,
    a quoted or a capitalised word after it that is not the ``named`` body's own («Совет
    ветеранов» again after «Кедровский совет ветеранов») nor a person's name?"""
    tokens = ctx.doc.tokens
    names = {tokens[t].lemma for i, m in enumerate(ctx.doc.mentions)
             if m.entity_id in named for t in ctx.mention_tokens(i)}
    for w in range(token_id - 1):
        if tokens[w].lemma != tokens[token_id].lemma or tokens[w].pos != "NOUN" \
                or w in ctx.mention_at:
            continue
        after = w + 1 + (tokens[w + 1].text == QUOTE_OPEN)
        index = ctx.mention_at.get(after)
        if index is not None and (ctx.entity(index) in named or ctx.mention_type(index) == "PER"):
            continue
        word = tokens[after]
        complement = after > w + 1 or word.text[:1].isupper() \
            or (word.pos == "NOUN" and "Case=Gen" in word.feats)
        if complement and word.lemma not in names:
            return True
    return False


def _one_team(ctx: Context, token_id: int) -> int | None:
    """«Футбольный клуб «Кедр» … главный тренер команды X»: a bare «команды», «клуба» names
    the one team the text names before it with a team word before its name or first in it;
    None where it names two (a match against a rival)."""
    tokens, teams = ctx.doc.tokens, ctx.vocab.words("team_anaphors")
    return _one_org_marked_before(ctx, token_id, lambda t: tokens[t].lemma in teams)


def _one_registered_company(ctx: Context, token_id: int) -> int | None:
    """«ООО «Кварц» … генеральный директор компании X»: a bare «компании», «предприятия»
    names the one company the text names before it with a legal form («ООО», «ЗАО»)."""
    return _one_org_marked_before(ctx, token_id, ctx.legal_form)


def _one_org_marked_before(ctx: Context, token_id: int,
                           marked: Callable[[int], bool]) -> int | None:
    """The one organisation the text names before ``token_id`` whose first word, or the word
    before its quotes, is ``marked``; None where it names none or two."""
    tokens = ctx.doc.tokens
    found = set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.start >= tokens[token_id].start:
            break
        head = before_quotes(ctx, ctx.first(index) - 1)
        if mention.type == "ORG" and (marked(ctx.first(index)) or (head >= 0 and marked(head))):
            found.add(mention.entity_id)
    return found.pop() if len(found) == 1 else None
