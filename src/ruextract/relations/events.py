"""PARTICIPATED_IN: a delegation, organisation, place or person at an event.

Phrasings: «приняли участие в форуме X», «в рамках участия компаний в выставке X», «X
выступил на форуме Y», «на выставке X компания Y представила …», a visit to an event, the
speakers quoted after «Об этом шел разговор на сессии X». Vocabulary:
``participation_words``, ``participation_nouns``, ``participation_light_verbs``,
``presentation_words``, ``speech_verbs``, ``discussion_words``.
"""

from __future__ import annotations

from ..rules import RelationRule
from .context import Context, matcher


@matcher("took_part")
def took_part(ctx: Context, rule: RelationRule) -> None:
    """«делегация приняла участие в форуме X», «компании участвовали в выставке X», and
    «… в форуме X, где выступил Y»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        noun = token.lemma in vocab.participation_nouns
        if not (noun or token.lemma in verbs) or ctx.planned(t) or ctx.in_speech(t):
            continue
        if noun and (t == 0 or tokens[t - 1].lemma not in vocab.participation_light_verbs):
            _participation_noun(ctx, rule, t)
            continue
        verb = t - 1 if noun else t
        if ctx.planned(verb):
            continue
        event = ctx.first_mention_after(t + 1, ("EVENT",), 6)
        if event is None:
            continue
        scope = [i for i in ctx.scope(verb) if i < verb]
        ref = ctx.nearest_ref(verb, scope)
        if ref is not None and ref.token in scope:
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(event), token.sent_id)
        else:
            subjects = [i for i in ctx.mentions_in(scope)
                        if ctx.mention_type(i) in ("PER", "ORG", "LOC")
                        and not ctx.title_dependent(i)]
            if subjects:
                ctx.add(rule, ctx.entity(subjects[-1]), ctx.entity(event), token.sent_id)
        # «… в форуме X, где выступил Y»
        end = ctx.last(event)
        if end + 3 < len(tokens) and tokens[end + 1].text == "," \
                and tokens[end + 2].lemma == "где" \
                and tokens[end + 3].lemma in vocab.speech_verbs:
            speaker = ctx.first_mention_after(end + 4, ("PER",), 3)
            if speaker is not None:
                ctx.add(rule, ctx.entity(speaker), ctx.entity(event), token.sent_id)


def _participation_noun(ctx: Context, rule: RelationRule, t: int) -> None:
    """«в рамках участия московских компаний в выставке X»: the participants between
    the noun and the event."""
    event = ctx.first_mention_after(t + 1, ("EVENT",), 10)
    if event is None:
        return
    between = range(t + 1, ctx.first(event))
    sent_id = ctx.doc.tokens[t].sent_id
    ref = next((r for r in ctx.refs if r.token in between), None)
    if ref is not None:
        ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(event), sent_id)
        return
    for index in ctx.mentions_in(list(between)):
        if ctx.mention_type(index) in ("ORG", "LOC", "PER") and not ctx.title_dependent(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(event), sent_id)


@matcher("presented_at")
def presented_at(ctx: Context, rule: RelationRule) -> None:
    """«потенциал области был представлен в рамках ЭКСПО X», «X выступил на форуме Y»,
    «на выставке X компания Y представила …»: the subject took part in the event."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs or ctx.in_speech(t) or ctx.planned(t):
            continue
        sentence = ctx.sentence(token.sent_id)
        event = None
        for a in range(max(t - 8, sentence.start), min(t + 8, sentence.stop)):
            index = ctx.mention_at.get(a)
            if index is None or ctx.mention_type(index) != "EVENT":
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
            ref = ctx.ref_at(child)
            if ref is not None:
                subject = ctx.delegation_entity(ref)
                break
            index = ctx.mention_at.get(child)
            if index is None:  # «потенциал Ленинградской области»
                index = next((ctx.mention_at[g] for g in ctx.children.get(child, [])
                              if tokens[g].rel in ("nmod", "appos", "flat:name")
                              and g in ctx.mention_at), None)
            if index is not None and ctx.mention_type(index) in ("ORG", "LOC", "PER") \
                    and not ctx.title_dependent(index):
                subject = ctx.entity(index)
                break
        if subject is not None:
            ctx.add(rule, subject, ctx.entity(event), token.sent_id)


@matcher("visited_event")
def visited_event(ctx: Context, rule: RelationRule) -> None:
    """Who visited an event (VISITED found before) took part in it."""
    for group, site, relation in ctx.found_of("VISITED"):
        if ctx.doc.entities[site].type == "EVENT":
            ctx.add(rule, group, site, relation.sent_id)


@matcher("discussion_speakers")
def discussion_speakers(ctx: Context, rule: RelationRule) -> None:
    """«Об этом шел разговор на сессии «X»», then «— …, — отметил Y»: the speakers the
    article quotes took part in the event where it was discussed."""
    tokens = ctx.doc.tokens
    words = ctx.vocab.words(rule.trigger)
    event = None
    for token in tokens:
        t = token.token_id
        if token.lemma not in words or ctx.in_speech(t):
            continue
        sentence = ctx.sentence(token.sent_id)
        for a in range(max(t - 6, sentence.start), min(t + 6, sentence.stop)):
            index = ctx.mention_at.get(a)
            if index is None or ctx.mention_type(index) != "EVENT" or ctx.first(index) != a:
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
        if mention.type == "PER" and ctx.is_speaker(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(event), mention.sent_id)
