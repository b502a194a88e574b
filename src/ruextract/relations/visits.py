"""VISITED: a delegation at a site (park, organisation, place, event).

Phrasings: a visit clause («делегация посетила технопарк X»), a meeting after it («Встреча
прошла в X»), a meeting held at a site («круглый стол в Бизнес-инкубаторе»), staff that
showed the guests round («директор X ознакомил гостей с лабораториями»), the place of an
event visited («ярмарку Y в городе Z»). Vocabulary: ``visit_triggers``, ``plan_words``,
``host_verbs``, ``meeting_followup_nouns``, ``took_place_verbs``, ``meeting_nouns``,
``premises_nouns``, ``tour_nouns``, ``site_objects``.
"""

from __future__ import annotations

from ..doc import Token
from ..rules import RelationRule
from .context import SITE_TYPES, Context, Ref, case_of, matcher


def visit_targets(ctx: Context, scope: list[int]) -> list[int]:
    """The sites a visit clause names: not the group's origin, not a place that only says
    where another site is, not an employer in a title or a delegation's own phrase."""
    targets = []
    for index in ctx.mentions_in(scope):
        mention = ctx.doc.mentions[index]
        if mention.type not in SITE_TYPES or index in ctx.origin_mentions:
            continue
        if ctx.title_dependent(index) or ctx.located_part(index) or ctx.ref_dependent(index):
            continue
        targets.append(index)
    return targets


def reported_visit(token: Token) -> bool:
    """A visit verb in the past that direct speech reports as a fact."""
    return token.pos == "VERB" and "VerbForm=Fin" in token.feats and "Tense=Past" in token.feats


@matcher("visit_clause")
def visit_clause(ctx: Context, rule: RelationRule) -> None:
    """«делегация посетила технопарк X», «визит делегации в X»: the sites of the trigger's
    clause and the delegation referred to nearest it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        if token.lemma not in vocab.visit_triggers or ctx.planned(token.token_id):
            continue
        speech = ctx.in_speech(token.token_id)
        if speech and not reported_visit(token):
            continue
        following = [tokens[t].lemma for t in range(token.token_id + 1,
                                                     min(token.token_id + 3, len(tokens)))]
        if token.lemma in vocab.participation_light_verbs \
                and any(f in vocab.participation_nouns for f in following):
            continue
        scope = ctx.scope(token.token_id)
        if token.pos == "NOUN" and any(tokens[t].lemma in vocab.visit_triggers
                                       and tokens[t].pos == "VERB" for t in scope):
            continue  # the verb of the clause decides («в ходе визита … планирует посетить»)
        ref = ctx.nearest_ref(token.token_id, scope)
        if speech:
            # «…, когда делегация новосибирских компаний приезжала к нам на Хоккайдо»:
            # quoted, a past visit counts where a «делегация» in the clause makes it
            ref = next((r for r in ctx.refs_in(token.sent_id) if r.token in scope
                        and r.token < token.token_id
                        and tokens[r.token].lemma in vocab.delegation_heads), None)
        if ref is None:
            continue
        for index in visit_targets(ctx, scope):
            first = ctx.first(index)
            if any(tokens[b].lemma in vocab.participation_nouns for b in
                   range(min(first, token.token_id) + 1, first)):
                continue  # «визит … в рамках участия компаний в выставке X»
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), token.sent_id)


@matcher("meeting_followup")
def meeting_followup(ctx: Context, rule: RelationRule) -> None:
    """«Делегация посетила Пензу. Встреча прошла в технопарке X»: a meeting sentence right
    after a visit puts the visiting group at its site."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for sent_id in range(1, len(ctx.doc.sentences)):
        sentence = list(ctx.sentence(sent_id))
        if ctx.refs_in(sent_id) or not sentence:
            continue
        opening = [tokens[t] for t in sentence[:3]]
        if not any(t.lemma in vocab.followup_nouns for t in opening) or not any(
                tokens[t].lemma in vocab.took_place_verbs for t in sentence):
            continue
        previous = ctx.refs_in(sent_id - 1)
        if not previous or not any(tokens[t].lemma in vocab.visit_triggers
                                   for t in ctx.sentence(sent_id - 1)):
            continue
        for index in visit_targets(ctx, sentence):
            ctx.add(rule, ctx.delegation_entity(previous[0]), ctx.entity(index), sent_id)


@matcher("met_at_site")
def met_at_site(ctx: Context, rule: RelationRule) -> None:
    """«программа … включала круглый стол в Бизнес-инкубаторе», «встреча с гостями
    прошла в офисе ГК «Проспект»»: a meeting held at a site, in a sentence about the
    delegation, puts the delegation there."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    phrases: dict[str, list[list[str]]] = {}
    for words in vocab.words(rule.trigger):
        phrases.setdefault(words.split()[-1], []).append(words.split())
    premises = vocab.words("premises_nouns")
    for token in tokens:
        t = token.token_id
        if not ctx.phrase_at(t, phrases) or ctx.in_speech(t) \
                or ctx.planned(t) or t in ctx.mention_at:
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
                or ctx.mention_type(index) not in ("PARK", "ORG") \
                or index in ctx.origin_mentions:
            continue
        ref = min(refs, key=lambda r: abs(r.token - t))
        ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), token.sent_id)


@matcher("hosted_by_staff")
def hosted_by_staff(ctx: Context, rule: RelationRule) -> None:
    """«заместитель директора Биотехнопарка X ознакомил японских коллег с
    лабораториями», «X и Y, руководители компаний A и B, провели экскурсии по своим
    объектам»: the delegation was at the site whose staff showed or received it (the
    staff's employers come from WORKS_FOR found before)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    tours = vocab.words("tour_nouns")
    objects = vocab.words("site_objects")
    employers: dict[int, list[int]] = {}
    for person, employer, _ in ctx.found_of("WORKS_FOR"):
        employers.setdefault(person, []).append(employer)
    for token in tokens:
        t = token.token_id
        tour = token.lemma in tours and token.pos == "NOUN"
        if not (tour or (token.lemma in verbs and token.pos == "VERB")):
            continue
        verb = token.head_id if tour and token.head_id >= 0 else t
        if ctx.in_speech(t) or ctx.planned(verb) or ctx.planned(t):
            continue
        start, end = ctx.clause_bounds(verb)
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
                ref = _visit_context(ctx, token.sent_id - 1)
        if ref is None:
            continue
        kinds = ("PARK", "ORG") if shown else ("PARK",)
        sites: list[int] = []
        for index in ctx.mentions_in(range(start, end)):
            mention = ctx.doc.mentions[index]
            if mention.type == "PER":
                sites.extend(e for e in employers.get(ctx.entity(index), [])
                             if ctx.doc.entities[e].type in kinds)
            elif mention.type in kinds and shown and _host_subject(ctx, index, verb):
                sites.append(ctx.entity(index))  # «компания X показала линию»
        for site in sites:
            ctx.add(rule, ctx.delegation_entity(ref), site, token.sent_id)


def _visit_context(ctx: Context, sent_id: int) -> Ref | None:
    """The delegation of a sentence that states its visit («Гости осмотрели цеха
    резидентов технопарка»), for the sentence after it."""
    if sent_id < 0:
        return None
    tokens = ctx.doc.tokens
    refs = [r for r in ctx.refs_in(sent_id) if not ctx.in_speech(r.token)]
    visit = any(tokens[t].lemma in ctx.vocab.visit_triggers and not ctx.planned(t)
                for t in ctx.sentence(sent_id))
    return refs[0] if refs and visit else None


def _host_subject(ctx: Context, index: int, verb: int) -> bool:
    """Is the organisation the subject of ``verb``: before it, in the nominative, not
    after a preposition («компания «КриоСмол» показала …»)?"""
    tokens = ctx.doc.tokens
    mention_tokens = sorted(ctx.mention_tokens(index))
    if mention_tokens[-1] >= verb:
        return any(tokens[m].rel == "nsubj" and tokens[m].head_id == verb
                   for m in mention_tokens)
    words = [m for m in mention_tokens if tokens[m].pos != "PUNCT"]
    if not words or case_of(tokens[words[-1]]) not in ("Nom", None):
        return False
    before = mention_tokens[0] - 1
    while before >= 0 and ((tokens[before].pos == "PUNCT" and tokens[before].text in "«\"„")
                           or tokens[before].lemma in ctx.vocab.words("org_heads")):
        before -= 1
    return before < 0 or tokens[before].pos != "ADP"


@matcher("visited_event_place")
def visited_event_place(ctx: Context, rule: RelationRule) -> None:
    """«посетила ярмарку CIFIT-2014 в городе Сямынь»: the delegation at an event was in
    the place the same sentence locates the event in."""
    located = [(event, place, r.sent_id) for event, place, r in ctx.found_of("LOCATED_IN")]
    for group, site, relation in ctx.found_of("VISITED"):
        if ctx.doc.entities[site].type != "EVENT":
            continue
        for event, place, sent_id in located:
            if event == site and sent_id == relation.sent_id:
                ctx.add(rule, group, place, relation.sent_id)
