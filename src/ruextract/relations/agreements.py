"""AGREEMENT_WITH: the parties of an agreement (symmetric).

Phrasings: «соглашение между A и B», «A и B подписали меморандум». A sentence is about an
agreement when it has an agreement noun and a signing verb or noun. Vocabulary:
``agreement_nouns``, ``agreement_verbs``, ``signing_nouns``.
"""

from __future__ import annotations

from ..rules import RelationRule
from .context import Context, matcher


@matcher("agreement_between")
def agreement_between(ctx: Context, rule: RelationRule) -> None:
    """«соглашение о сотрудничестве между A и B»: the parties after «между»."""
    tokens = ctx.doc.tokens
    for sent_id in _agreement_sentences(ctx, rule):
        between = next((t for t in ctx.sentence(sent_id) if tokens[t].lemma == "между"), None)
        if between is None or ctx.in_speech(between):
            continue
        scope = [t for t in ctx.scope(between, lenient=True) if t > between]
        stop = next((t for t in scope if tokens[t].lemma in ("о", "об") and t not in
                     ctx.mention_at), None)
        if stop is not None:
            scope = [t for t in scope if t < stop]
        _add_parties(ctx, rule, _parties(ctx, scope), sent_id)


@matcher("agreement_signers")
def agreement_signers(ctx: Context, rule: RelationRule) -> None:
    """«A и B подписали соглашение о …»: the parties in the signing verb's clause."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for sent_id in _agreement_sentences(ctx, rule):
        sentence = list(ctx.sentence(sent_id))
        if any(tokens[t].lemma == "между" for t in sentence):
            continue
        verb = next((t for t in sentence if tokens[t].lemma in verbs), None)
        if verb is None or ctx.in_speech(verb):
            continue
        scope = ctx.scope(verb)
        stop = next((t for t in scope if t > verb and tokens[t].lemma in ("о", "об", "на")
                     and t not in ctx.mention_at), None)
        if stop is not None:
            scope = [t for t in scope if t < stop]
        parties = _parties(ctx, scope)
        if len(parties) >= 2:
            _add_parties(ctx, rule, parties, sent_id)


def _add_parties(ctx: Context, rule: RelationRule, parties: list[int], sent_id: int) -> None:
    """The first party agrees with each of the others."""
    for other in parties[1:]:
        ctx.add(rule, ctx.entity(parties[0]), ctx.entity(other), sent_id)


def _agreement_sentences(ctx: Context, rule: RelationRule) -> list[int]:
    vocab = ctx.vocab
    nouns = vocab.words(rule.trigger) | vocab.words("agreement_nouns")
    verbs = vocab.words("agreement_verbs")
    found = []
    for sent_id in range(len(ctx.doc.sentences)):
        lemmas = {ctx.doc.tokens[t].lemma for t in ctx.sentence(sent_id)}
        if lemmas & nouns and lemmas & (verbs | vocab.signing_nouns):
            found.append(sent_id)
    return found


def _parties(ctx: Context, scope: list[int]) -> list[int]:
    """The organisations and places of ``scope`` that can sign: not a place that only says
    where a party is, not a place after a noun («правительство Китая»), not an employer in
    a title phrase."""
    tokens = ctx.doc.tokens
    parties = []
    for index in ctx.mentions_in(scope):
        mention = ctx.doc.mentions[index]
        if mention.type not in ("ORG", "LOC") or ctx.located_part(index):
            continue
        first = ctx.first(index)
        if mention.type == "LOC" and first > 0 and (tokens[first - 1].pos in ("NOUN", "PROPN")
                                                    or first - 1 in ctx.mention_at):
            continue
        if ctx.title_dependent(index):
            continue
        parties.append(index)
    return parties
