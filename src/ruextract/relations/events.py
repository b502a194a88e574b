"""PARTICIPATED_IN: a delegation, organisation, place or person at an event.

Phrasings: «приняли участие в форуме X», «в рамках участия компаний в выставке X», «X
выступил на форуме Y», «на выставке X компания Y представила …», a visit to an event, the
speakers quoted after «Об этом шел разговор на сессии X». Vocabulary:
``participation_words``, ``participation_nouns``, ``participation_light_verbs``,
``presentation_words``, ``speech_verbs``, ``discussion_words``, ``event_setting_openings``,
``event_aside_prepositions`` (a meeting about an event is not the event),
``exhibit_preparation_nouns`` (a stand still being got ready), ``apposed_participant_nouns``
(«участник ярмарки «X» Иван Петров»).
"""

from __future__ import annotations

from ..doc import DELEGATION, Relation, Token
from ..morph import parse_feats
from ..normal_form import DASHES
from ..rules import RelationRule
from .context import (
    FUTURE_BE,
    NOMINAL_POS,
    PLACE_PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Context,
    Ref,
    bare_region_word,
    before_quotes,
    case_of,
    clause_subjects,
    feats_agree,
    is_finite_verb,
    is_participle,
    lower_adjective,
    matcher,
    past_finite_verb,
    resolve_place,
)
from .delegations import after_among_them

# «участие в форуме регионов Кедрии и Ольхонии «X»»: the name may follow a genitive phrase
EVENT_REACH = 8


@matcher("took_part")
def took_part(ctx: Context, rule: RelationRule) -> None:
    """«делегация приняла участие в форуме X», «компании участвовали в выставке X», «делегация
    вернулась из Y, где участвовала в выставке X», and «… в форуме X, где выступил Y»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        noun = token.lemma in vocab.participation_nouns
        if not (noun or token.lemma in verbs) or ctx.planned(t) or ctx.in_speech(t):
            continue
        if noun and (t == 0 or tokens[t - 1].lemma not in vocab.participation_light_verbs):
            if not _participation_in_prospect(ctx, t):
                _participation_noun(ctx, rule, t)
            continue
        verb = t - 1 if noun else t
        if ctx.planned(verb):
            continue
        event = ctx.first_mention_after(t + 1, ("EVENT",), EVENT_REACH)
        if event is None:  # (a mention's index may be 0: no «or»)
            event = _event_of_its_parts(ctx, t + 1)
        if event is not None and _named_non_event(ctx, event):
            continue  # «приняла участие в проекте «X-2030»»: a project, no event
        site = ctx.entity(event) if event is not None else _bare_event_after(ctx, t + 1)
        if site is None:
            site = _bare_event_fronted(ctx, verb)  # (an entity may be 0: no «or»)
        if site is None:
            continue
        # «в форуме X и выставке Y»: each event of the list
        sites = [site, *_coordinated_events(ctx, event)] if event is not None else [site]
        # «в составе делегации X (Иван Петров) участвовал в форуме Y»: the group took part
        _add_each(ctx, rule, _group_composed(ctx, verb), sites, token.sent_id)
        scope = [i for i in ctx.scope(verb) if i < verb]
        ref = ctx.nearest_ref(verb, scope)
        relative = next((i for i in scope if tokens[i].pos != "PUNCT"), verb)
        if (subject := _group_subject(ctx, verb)) is not None and subject.token not in scope:
            # «Делегации области, Башкортостана и края участвуют …»: a comma list put the
            # group word out of the verb's chunk; the parse still makes it the subject
            _add_each(ctx, rule, _group(ctx, subject), sites, token.sent_id)
        elif ref is not None and ref.token not in scope and ref.token < verb \
                and tokens[relative].lemma in vocab.relative_words \
                and not ctx.mentions_in(scope):
            # «делегация вернулась из Минска, где участвовала в выставке X»
            _add_each(ctx, rule, _group(ctx, ref), sites, token.sent_id)
        elif ref is not None and ref.token in scope and _group(ctx, ref) is not None:
            _add_each(ctx, rule, _group(ctx, ref), sites, token.sent_id)
            # «губернатор Ли Мин, пребывающий с визитом в Y, принял участие …»: the verb's
            # own named subject took part as well as the group his visit made
            for subject in _subject_people(ctx, verb):
                _add_each(ctx, rule, subject, sites, token.sent_id)
            if ctx.doc.tokens[ref.token].pos in ("VERB", "AUX"):
                # «губернатор Иван Петров находится в Лаосе и принимает участие …»: a group his
                # trip made; he himself took part
                for subject in ctx.mentions_in(scope):
                    if ctx.mention_type(subject) == "PER" and not _after_preposition(ctx, subject):
                        _add_each(ctx, rule, ctx.entity(subject), sites, token.sent_id)
        elif "VerbForm=Part" in tokens[verb].feats and \
                (owner := ctx.ref_at(tokens[verb].head_id)) is not None:
            # «делегация области, участвовавшая в выставке»: the group the participle is of
            _add_each(ctx, rule, _group(ctx, owner), sites, token.sent_id)
        elif _attributive_participle(tokens[verb]) and tokens[verb].head_id >= 0 and \
                (owners := _names_of_word(ctx, tokens[verb].head_id)):
            # «компания «A», участвующая в выставке X», «принявший участие в форуме X
            # губернатор Иван Петров»: the names the participle is of
            for owner in owners:
                _add_each(ctx, rule, owner, sites, token.sent_id)
        else:
            subjects = [i for i in ctx.mentions_in(scope)
                        if ctx.mention_type(i) in ("PER", "ORG", "LOC")
                        and not _employer(ctx, i)  # «губернатор Иван Петров» is the one
                        and not _after_preposition(ctx, i)  # «находится в Лаосе и …»
                        and not _of_many_unnamed(ctx, i)]  # «30 регионов России»
            if subjects:
                # «компании «A» и «B» приняли участие»: each of a list
                for subject in _listed_before(ctx, subjects[-1]):
                    _add_each(ctx, rule, ctx.entity(subject), sites, token.sent_id)
            elif staff := [body for c in ctx.children.get(verb, [])
                           if tokens[c].rel == "nsubj" and _staff_word(ctx, c)
                           for body in _staff_bodies(ctx, c)]:
                # «представители компании «A» приняли участие …»: the body took part
                for body in staff:
                    _add_each(ctx, rule, body, sites, token.sent_id)
            elif (person := _relative_person(ctx, verb)) is not None:
                # «… директор Иван Петров, который принял участие в форуме X»
                _add_each(ctx, rule, ctx.entity(person), sites, token.sent_id)
            elif (named := _subject_people(ctx, verb)) or (named := _named_subjects(ctx, verb)):
                # «Иван Петров, находящийся с визитом в Y, принял участие …», «компания «A»,
                # которая выпускает станки, приняла участие …»: the verb's own subject, past
                # an aside the clause leaves out
                for subject in named:
                    _add_each(ctx, rule, subject, sites, token.sent_id)
        if event is None:
            continue
        # «… в форуме X, где выступил Y»
        end = ctx.last(event)
        if end + 3 < len(tokens) and tokens[end + 1].text == "," \
                and tokens[end + 2].lemma == "где" \
                and tokens[end + 3].lemma in vocab.speech_verbs:
            speaker = ctx.first_mention_after(end + 4, ("PER",), 3)
            if speaker is not None:
                ctx.add(rule, ctx.entity(speaker), ctx.entity(event), token.sent_id)


PARTS_REACH = 10  # «в пленарной сессии и деловой программе форума X»: its parts, then it


def _event_of_its_parts(ctx: Context, start: int) -> int | None:
    """The event whose parts a participation names before it, in one noun phrase («участие в
    пленарной сессии и деловой программе форума X»): its mention, else None."""
    tokens = ctx.doc.tokens
    event = ctx.first_mention_after(start, ("EVENT",), PARTS_REACH)
    if event is None:
        return None
    between = range(start + 1, ctx.first(event))
    return event if tokens[start].lemma in ("в", "на") and all(
        tokens[i].pos in ("ADJ", "NOUN") or tokens[i].lemma == "и" for i in between) else None


def _of_many_unnamed(ctx: Context, index: int) -> bool:
    """Is the name the genitive of a plural common noun («более 30 регионов России»,
    «десятки компаний Китая»): those unnamed many take part, not the name's thing?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    head = tokens[root].head_id if root is not None else -1
    return head >= 0 and head not in ctx.mention_at and tokens[head].pos == "NOUN" \
        and tokens[head].text.islower() and "Number=Plur" in tokens[head].feats \
        and tokens[root].rel == "nmod" and case_of(tokens[root]) == "Gen"


def _attributive_participle(token: Token) -> bool:
    """Is the word a participle of a noun («участвовавшая», «принявший»; a capitalised one
    is often tagged a proper name, so the lemma and the relation decide)?"""
    return token.rel in ("acl", "amod") and "VerbForm=Fin" not in token.feats \
        and token.lemma.endswith(("ть", "ться", "ти"))


def _relative_person(ctx: Context, verb: int) -> int | None:
    """The person a nominative «который» of ``verb`` stands for: the name right before the
    relative clause's comma («Иван Петров, который (вчера) принял участие …»), with no
    other verb between. Read off the words: parses often split such a sentence."""
    tokens = ctx.doc.tokens
    sent_id = tokens[verb].sent_id
    for t in range(verb - 1, max(verb - 8, 1), -1):
        if tokens[t].sent_id != sent_id or is_finite_verb(tokens[t]) \
                or tokens[t].text in (",", ";"):
            return None
        if tokens[t].lemma == "который":
            if "Case=Nom" not in tokens[t].feats or tokens[t - 1].text != ",":
                return None
            index = ctx.mention_at.get(t - 2)
            if index is None or ctx.mention_type(index) != "PER" \
                    or not _relative_agrees(ctx, t, index):
                return None
            return index
    return None


def _relative_agrees(ctx: Context, relative: int, index: int) -> bool:
    """Does «который» agree with the name before it in number and gender (not «помощница
    Ивана Петрова, которая …»), the name no genitive of a noun before it?"""
    tokens = ctx.doc.tokens
    name = tokens[ctx.first(index)]
    if name.rel == "nmod" and "Case=Gen" in name.feats:
        return False
    return feats_agree(tokens[relative], name)


def _named_non_event(ctx: Context, index: int) -> bool:
    """Does the name belong to a noun of no event right before it, past its adjectives and
    an opening quote («в проекте «X»», «в конкурсе «Y»», «национального проекта «Z»»)?"""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    while t >= 0 and t not in ctx.mention_at and (tokens[t].text == QUOTE_OPEN
                                                  or tokens[t].pos == "ADJ"):
        t -= 1
    return t >= 0 and t not in ctx.mention_at \
        and tokens[t].lemma in ctx.vocab.words("non_event_heads")


def _coordinated_events(ctx: Context, event: int) -> list[int]:
    """The events listed after ``event`` with «и» or commas («в форуме X и (в) выставке Y»,
    «форумах X, Y и Z»), as entities."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    t = ctx.last(event) + 1
    while t + 1 < len(tokens) and tokens[t].text in (",", "и") and t not in ctx.mention_at:
        t += 1
        if tokens[t].lemma in PLACE_PREPOSITIONS and t not in ctx.mention_at:
            t += 1
        while t < len(tokens) and t not in ctx.mention_at and (
                tokens[t].lemma in ctx.vocab.words("event_nouns") or tokens[t].pos == "ADJ"):
            t += 1
        other = ctx.mention_at.get(t)
        if other is None or ctx.first(other) != t or ctx.mention_type(other) != "EVENT":
            break
        found.append(ctx.entity(other))
        t = ctx.last(other) + 1
    return found


def _group_composed(ctx: Context, verb: int) -> int | None:
    """The delegation of a «в составе делегации X» phrase the verb takes, if of known origin."""
    ref = ctx.composition_ref(verb)
    return _group(ctx, ref) if ref is not None else None


def _add_each(ctx: Context, rule: RelationRule, participant: int | None, sites: list[int],
              sent_id: int) -> None:
    """The participant took part in each of ``sites``."""
    for site in sites:
        ctx.add(rule, participant, site, sent_id)


def _after_preposition(ctx: Context, index: int) -> bool:
    """Does a preposition govern the mention («в Лаосе»), or the noun it depends on («при
    поддержке Тверской области»): a place or object, no subject?"""
    tokens = ctx.doc.tokens
    inside = ctx.mention_tokens(index)
    if any(tokens[c].rel == "case" for m in inside
           for c in ctx.children.get(m, []) if c not in inside):
        return True
    head = next((tokens[m].head_id for m in inside if tokens[m].head_id not in inside), -1)
    return head >= 0 and head not in ctx.mention_at and tokens[head].pos == "NOUN" \
        and tokens[next(m for m in inside if tokens[m].head_id == head)].rel == "nmod" \
        and any(tokens[c].rel == "case" for c in ctx.children.get(head, []))


def _bare_event_after(ctx: Context, start: int) -> int | None:
    """«участвовавшая в выставке», «приняли участие в работе (ключевых секций) форума»: a
    bare event noun right after ``start`` (past «в», «работа», a part of the event and its
    adjectives) that stands for an event named before; «приняли участие в торжественных
    мероприятиях»: the one event the sentence before (or this one, before) names."""
    tokens = ctx.doc.tokens
    t = start
    openers = ctx.vocab.words("participation_event_openers")
    nouns = openers | ctx.vocab.words("event_generic_nouns")
    while t < min(start + 5, len(tokens) - 1) and t not in ctx.mention_at and (
            tokens[t].lemma in openers or (
                # an adjective of a part of the event, not of the event noun itself
                t > start and lower_adjective(tokens[t]) and tokens[t + 1].lemma in nouns)):
        t += 1
    if t == start:
        return None
    named = _event_named_before(ctx, t)
    return named if named is not None else _generic_event(ctx, t - 1)


def _bare_event_fronted(ctx: Context, verb: int) -> int | None:
    """«В форуме участвует делегация X»: a bare event noun after «в» put before the verb of
    taking part, for the event named before."""
    tokens = ctx.doc.tokens
    for c in ctx.children.get(verb, []):
        if 0 < c < verb and tokens[c].rel == "obl" and tokens[c - 1].lemma in ("в", "во") \
                and not any(tokens[g].rel == "nmod" for g in ctx.children.get(c, [])):
            return _event_named_before(ctx, c)
    return None


def _bare_event_at(ctx: Context, t: int, openers: str) -> int | None:
    """The event a bare event noun at ``t`` stands for, where a word of the list ``openers``
    stands before it, past adjectives («на выставке», «в работе форума», «в торжественных
    мероприятиях»)."""
    tokens = ctx.doc.tokens
    before = t - 1
    while before > 0 and before not in ctx.mention_at and lower_adjective(tokens[before]) \
            and tokens[t].lemma in ctx.vocab.words("event_generic_nouns"):
        before -= 1  # «в торжественных мероприятиях», not «в региональном форуме»
    parts = ctx.vocab.words("event_part_nouns")
    while before > 0 and before not in ctx.mention_at and tokens[before].lemma in parts:
        before -= 1  # «на церемонии открытия ярмарки»: past the part of the event
        while before > 0 and before not in ctx.mention_at and lower_adjective(tokens[before]):
            before -= 1  # «на панельной сессии конгресса»: past the part's adjectives
    if tokens[before].lemma not in ctx.vocab.words(openers):
        return None
    named = _event_named_before(ctx, t)
    return named if named is not None else _generic_event(ctx, t)


def _event_pronoun(ctx: Context, t: int) -> int | None:
    """«Форум собрал 800 участников. Стенды на нём представили …»: «на нём» («на ней») after
    a bare event noun of its gender, in its sentence or the one before, is the event that noun
    stands for."""
    tokens = ctx.doc.tokens
    token = tokens[t]
    if t < 1 or token.lemma not in ("он", "она") or tokens[t - 1].lemma != "на" \
            or t in ctx.mention_at:
        return None
    gender = parse_feats(token.feats).get("Gender")
    sent_id = token.sent_id
    start = ctx.sentence(sent_id - 1).start if sent_id > 0 else ctx.sentence(sent_id).start
    for w in range(t - 2, start - 1, -1):
        word = tokens[w]
        if word.lemma not in ctx.vocab.words("event_nouns") \
                or parse_feats(word.feats).get("Gender") not in (gender, None):
            continue
        index = ctx.mention_at.get(w)  # (one read as the event named before already)
        if index is None:
            return _event_named_before(ctx, w)
        return ctx.entity(index) if ctx.mention_type(index) == "EVENT" else None
    return None


def _generic_event(ctx: Context, t: int) -> int | None:
    """The event a generic word at ``t`` («мероприятия», «торжества») stands for: the one
    event the sentence before names, with any this sentence names before ``t``."""
    tokens = ctx.doc.tokens
    if t in ctx.mention_at or tokens[t].lemma not in ctx.vocab.words("event_generic_nouns"):
        return None
    if any(c > t and tokens[c].rel in ("nmod", "acl", "acl:relcl", "amod", "appos")
           and tokens[c].lemma not in ctx.vocab.participation_nouns  # «… с участием X»
           for c in ctx.children.get(t, [])):
        return None  # «в мероприятиях Дня города», «…, посвящённых юбилею»: events of their own
    sent_id = tokens[t].sent_id
    start = ctx.sentence(sent_id - 1).start if sent_id > 0 else ctx.sentence(sent_id).start
    events = {ctx.entity(i) for i in ctx.mentions_in(range(start, t))
              if ctx.mention_type(i) == "EVENT"}
    return _the_one_event(ctx, t, events)


def _event_named_before(ctx: Context, t: int) -> int | None:
    """The event a bare event noun at ``t`` («форума», «выставке») stands for: the one event
    the text named before with that noun («форум «Технопром»», «выставка EXPO»), or, where
    it named none before, the one it names after."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or t in ctx.mention_at or t + 1 in ctx.mention_at \
            or tokens[t].lemma not in ctx.vocab.words("event_nouns"):
        return None
    noun = tokens[t].lemma
    exhibitions = ctx.vocab.words("exhibition_words")
    kinds = exhibitions if noun in exhibitions else {noun}  # «выставки» of «… ЭКСПО»
    before, after = set(), set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT":
            continue
        first = ctx.first(index)
        words = {tokens[w].lemma.lower() for w in ctx.mention_tokens(index)} | {
            tokens[b].lemma for b in range(max(first - 3, 0), first) if b not in ctx.mention_at}
        # «бизнес-форум «X»»: a compound's last part is its kind
        words |= {word.rsplit("-", 1)[-1] for word in words}
        if words & kinds:
            (before if ctx.last(index) < t else after).add(ctx.entity(index))
    # «В форуме участвовали главы регионов. … На Форуме X подписано …»: where none was named
    # before, the one the text names after
    return _the_one_event(ctx, t, before or after)


def _the_one_event(ctx: Context, t: int, events: set[int]) -> int | None:
    """The one event of ``events`` a word at ``t`` can stand for: None where there are none or
    several, or where the word is told of another time than the event."""
    event = next(iter(events)) if len(events) == 1 else None
    return None if event is None or _of_another_time(ctx, t, event) else event


def _of_another_time(ctx: Context, t: int, event: int) -> bool:
    """Is the word at ``t`` told of another time than the event it would stand for: its
    sentence marks another edition («в прошлом году», ``other_time_adjectives``), or the
    event is only announced («пройдёт в мае») where the word's clause tells of the past?"""
    tokens, other = ctx.doc.tokens, ctx.vocab.words("other_time_adjectives")
    if any(tokens[w].lemma in other for w in ctx.sentence(tokens[t].sent_id)):
        return True
    mentions = ctx.doc.entities[event].mention_ids
    return bool(mentions) and not ctx.told_as_planned(t) \
        and all(ctx.told_as_planned(ctx.first(i)) for i in mentions)


def _listed_before(ctx: Context, index: int) -> list[int]:
    """The organisations and places of a list ending with mention ``index`` («Тверская
    область и компания «Кварц»», «компании «А», «Б» и «В»»), in text order."""
    tokens = ctx.doc.tokens
    # «компания «Кварц»», «провинция Хэнань»: the generic head before a name
    heads = ctx.vocab.heads_before_names
    kinds = ("ORG", "LOC") if ctx.mention_type(index) in ("ORG", "LOC") else ("PER",)
    listed = [index]
    t = ctx.first(index) - 1
    while True:
        while t >= 0 and t not in ctx.mention_at and tokens[t].lemma in heads:
            t -= 1  # «и компания «Кварц»»
        if t < 1 or t in ctx.mention_at or tokens[t].text not in (",", "и"):
            break
        t -= 1
        while t >= 0 and t not in ctx.mention_at and tokens[t].lemma in heads:
            t -= 1  # «компании «А» и …» has its head before the first name only
        other = ctx.mention_at.get(t)
        if other is None or ctx.mention_type(other) not in kinds or _employer(ctx, other):
            break
        listed.insert(0, other)
        t = ctx.first(other) - 1
    return listed


def _participation_in_prospect(ctx: Context, t: int) -> bool:
    """Is the participation noun the object of a verb that only considers, allows, offers or
    announces it («не исключил участия делегации в выставке X», «обсудили участие»), or of a
    negated or planned one, or told as planned by a clause of its own, or one a preparation
    noun governs («организация участия компаний в выставке X»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # «участие компаний в выставке X, которое запланировано на июль»: a clause of its own
    # that plans it
    gender = parse_feats(tokens[t].feats).get("Gender")
    for c in ctx.sentence(tokens[t].sent_id):
        if c <= t or tokens[c].rel != "acl:relcl" \
                or not (ctx.planned(c) or tokens[c].lemma in vocab.plan_words):
            continue
        which = [w for w in ctx.children.get(c, []) if tokens[w].lemma == "который"]
        # (the parse may hang the clause on the event; «которое» agrees with «участие»)
        if c in ctx.children.get(t, []) or any(
                parse_feats(tokens[w].feats).get("Gender") == gender for w in which):
            return True
    head = tokens[t].head_id
    if head >= 0 and tokens[t].rel in ("nmod", "conj") \
            and tokens[head].lemma in vocab.words("visit_preparation_nouns"):
        # «уделили внимание организации участия компаний в выставке X» (however parsed)
        return True
    if head >= 0 and tokens[t].rel == "nsubj" and tokens[head].pos in ("VERB", "AUX"):
        return ctx.planned(head)  # «следующим шагом станет участие делегации в форуме X»
    if head < 0 or tokens[t].rel not in ("obj", "obl") or tokens[head].pos != "VERB":
        return False
    return tokens[head].lemma in vocab.prospect_words or ctx.planned(head)


def _participation_noun(ctx: Context, rule: RelationRule, t: int) -> None:
    """«в рамках участия московских компаний в выставке X»: the participants between
    the noun and the event."""
    if _relative_participation(ctx, rule, t):
        return
    event = ctx.first_mention_after(t + 1, ("EVENT",), 10)
    if event is None:
        return
    between = range(t + 1, ctx.first(event))
    sent_id = ctx.doc.tokens[t].sent_id
    ref = next((r for r in ctx.refs if r.token in between), None)
    if ref is not None:
        ctx.add(rule, _group(ctx, ref), ctx.entity(event), sent_id)
        return
    found = False
    for index in ctx.mentions_in(list(between)):
        if ctx.mention_type(index) in ("ORG", "LOC", "PER") and not ctx.title_dependent(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(event), sent_id)
            found = True
    if not found:
        _came_to_take_part(ctx, rule, t, event)
        _thanked_for_taking_part(ctx, rule, t, event)


def _relative_participation(ctx: Context, rule: RelationRule, t: int) -> bool:
    """«… форум X, для участия в котором прибыла делегация Y»: the subjects of the relative
    clause's verb of arrival (told as done, in the past) took part in the event the clause
    is of, named right before its comma. Is the noun at ``t`` of such a clause?"""
    tokens = ctx.doc.tokens
    if t < 3 or t + 3 >= len(tokens) or tokens[t - 1].lemma != "для" \
            or tokens[t - 2].text != "," or tokens[t + 1].lemma not in ("в", "во") \
            or tokens[t + 2].lemma != "который":
        return False
    event = ctx.mention_at.get(t - 3)
    if event is None or ctx.mention_type(event) != "EVENT":
        return True
    end = min(t + 10, ctx.sentence(tokens[t].sent_id).stop)
    verb = next((v for v in range(t + 3, end) if is_finite_verb(tokens[v])), None)
    # only who came for it: «подала заявку для участия в котором» is no participation yet
    if verb is None or tokens[verb].lemma not in ctx.vocab.words("arrival_verbs") \
            or "Tense=Past" not in tokens[verb].feats or not _happened(ctx, verb):
        return True
    for subject in _named_subjects(ctx, verb):
        ctx.add(rule, subject, ctx.entity(event), tokens[t].sent_id)
    return True


def _past_verb_over(ctx: Context, t: int, preposition: str) -> int | None:
    """The verb a participation noun after ``preposition`` hangs on («поблагодарил за участие»,
    «прибыл для участия»), where it is told as done, in the past and not in speech."""
    tokens = ctx.doc.tokens
    verb = tokens[t].head_id
    if t == 0 or tokens[t - 1].lemma != preposition or verb < 0 \
            or tokens[verb].pos != "VERB" or "Tense=Past" not in tokens[verb].feats \
            or ctx.planned(verb) or ctx.in_speech(verb):
        return None
    return verb


def _thanked_for_taking_part(ctx: Context, rule: RelationRule, t: int, event: int) -> None:
    """«Губернатор поблагодарил компанию «A» за участие в выставке X»: who is thanked or
    awarded for taking part, the object of a past verb, took part."""
    tokens = ctx.doc.tokens
    verb = _past_verb_over(ctx, t, "за")
    if verb is None:
        return
    for participant in _named_subjects(ctx, verb, rels=("obj",)):
        ctx.add(rule, participant, ctx.entity(event), tokens[t].sent_id)


def _came_to_take_part(ctx: Context, rule: RelationRule, t: int, event: int) -> None:
    """«Аким области X прибыл в Омск для участия в форуме Y»: who came (or the group his trip
    made) to take part did, where the coming is told in the past."""
    tokens = ctx.doc.tokens
    verb = _past_verb_over(ctx, t, "для")
    if verb is None or tokens[verb].lemma in ctx.vocab.words("event_preparation_verbs"):
        return  # «зарегистрировалась для участия в выставке X»: not yet there
    for participant in _arrivers(ctx, verb):
        ctx.add(rule, participant, ctx.entity(event), tokens[t].sent_id)


def _arrivers(ctx: Context, verb: int) -> list[int]:
    """Who a verb of coming tells of, as entities: the group its subject or the trip makes,
    else its one named subject (or the name after the subject's title)."""
    tokens = ctx.doc.tokens
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"]
    # «Члены делегации X прилетели …»: the group the members are of
    subjects += [g for c in subjects if tokens[c].lemma in ctx.vocab.words("member_nouns")
                 for g in ctx.children.get(c, []) if tokens[g].rel == "nmod"]
    ref = next((r for r in ctx.refs if r.token == verb or r.token in subjects), None)
    if ref is not None:
        group = _group(ctx, ref)
        return [group] if group is not None else []
    for subject in subjects:  # the subject, or the name after its title
        for word in (subject, *ctx.children.get(subject, [])):
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) in ("PER", "ORG") \
                    and (word == subject or tokens[word].rel in ("appos", "flat:name")):
                return [ctx.entity(index)]
    return []


@matcher("came_in_order_to_take_part")
def came_in_order_to_take_part(ctx: Context, rule: RelationRule) -> None:
    """«Губернатор X прибыл в Омск, чтобы принять участие в выставке Y», «… приехала, чтобы
    участвовать в форуме Y»: who came, told in the past, with the purpose of taking part in
    a named event took part in it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    arrival = vocab.words("arrival_verbs")
    for token in ctx.triggers(vocab.words(rule.trigger) | vocab.participation_nouns):
        t = token.token_id
        verb = t - 1 if token.lemma in vocab.participation_nouns else t
        came = tokens[verb].head_id
        if verb < 0 or "VerbForm=Inf" not in tokens[verb].feats or tokens[verb].rel != "advcl" \
                or (verb != t and tokens[verb].lemma not in vocab.participation_light_verbs) \
                or not any(tokens[c].lemma == "чтобы" for c in ctx.children.get(verb, [])) \
                or tokens[came].lemma not in arrival or "Tense=Past" not in tokens[came].feats \
                or ctx.planned(came) or ctx.in_speech(came):
            continue
        event = ctx.first_mention_after(t + 1, ("EVENT",), EVENT_REACH)
        if event is None or _named_non_event(ctx, event) or _event_to_come(ctx, event):
            continue
        for participant in _arrivers(ctx, came):
            for site in (ctx.entity(event), *_coordinated_events(ctx, event)):
                ctx.add(rule, participant, site, token.sent_id)


def _invited_to(ctx: Context, word: int) -> bool:
    """Does the event's word hang on a noun of invitation («получили приглашение на форум
    X»): those invited have not taken part by that?"""
    tokens = ctx.doc.tokens
    governor = tokens[word].head_id
    return governor >= 0 and tokens[governor].lemma in ctx.vocab.words("invitation_nouns")


def _event_to_come(ctx: Context, event: int) -> bool:
    """Does a relative clause after the event's name tell it as still to open («конференции
    «X», которая откроется 2 сентября»): those who came for it have not yet taken part?"""
    tokens = ctx.doc.tokens
    t = ctx.last(event) + 1
    if t + 1 >= len(tokens) or tokens[t].text != "," or tokens[t + 1].lemma != "который":
        return False
    return any(tokens[u].pos in ("VERB", "AUX") and ctx.future(u)
               for u in range(t + 2, min(t + 5, len(tokens)))
               if tokens[u].sent_id == tokens[t].sent_id)


@matcher("presented_at")
def presented_at(ctx: Context, rule: RelationRule) -> None:
    """«потенциал области был представлен в рамках ЭКСПО X», «X выступил на форуме Y»,
    «на выставке X компания Y представила …»: the subject took part in the event."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for token in ctx.triggers(verbs, unplanned=True):
        t = token.token_id
        sentence = ctx.sentence(token.sent_id)
        event = None
        reach = rule.window or 8
        # «A на форуме X заключила соглашения, сообщил Y»: the event before a reporting
        # clause is the report's, not the reporter's
        begin = t if _reporting(ctx, t) else max(t - 8, sentence.start)
        # «сообщила вице-губернатор края, председатель правительства Анна Щукина на полях
        # форума X»: the reach counts past a long subject after the verb
        stop = min(max(t + reach, _subject_end(ctx, t) + 6), sentence.stop)
        for a in range(begin, stop):
            index = ctx.mention_at.get(a)
            if index is None or ctx.mention_type(index) != "EVENT" \
                    or _named_non_event(ctx, index):
                continue
            if set_at(ctx, index, sentence):
                event = index
                break
        site = ctx.entity(event) if event is not None else next(
            (bare for a in range(max(begin, sentence.start + 1), min(t + reach, sentence.stop))
             if (bare := _bare_event_at(ctx, a, "event_frame_openers")) is not None
             or (bare := _event_pronoun(ctx, a)) is not None), None)
        if site is None:
            continue
        subject = None
        also: list[int] = []
        clause_head = t
        if "VerbForm=Conv" in token.feats and token.head_id >= 0:
            clause_head = token.head_id  # «…, — сказал X, выступая на форуме Y»
        for child in _presenters(ctx, clause_head):
            ref = ctx.ref_at(child)
            if ref is not None:
                subject = _group(ctx, ref)
                break
            index = ctx.mention_at.get(child)
            counted = any(tokens[g].pos == "NUM" or tokens[g].text.isdigit()
                          for g in ctx.children.get(child, []))
            if index is None and counted:
                continue  # «представлен 21 регион Китая»: the regions, not the country
            if index is None:  # «министр X Пётр Громов», «потенциал Ленинградской области»
                # «продукция компании «A»»: the name after the owner's generic head too
                owners = [n for g in ctx.children.get(child, []) if tokens[g].rel == "nmod"
                          and g not in ctx.mention_at and tokens[g].lemma in ctx.vocab.org_heads
                          for n in ctx.children.get(g, []) if tokens[n].rel == "appos"]
                dependents = sorted((g for g in (*ctx.children.get(child, []), *owners)
                                     if tokens[g].rel in ("nmod", "appos", "flat:name")
                                     and g in ctx.mention_at),
                                    key=lambda g: tokens[g].rel == "nmod")
                index = next((ctx.mention_at[g] for g in dependents
                              if not _employer(ctx, ctx.mention_at[g])), None)
            if index is not None and ctx.mention_type(index) in ("ORG", "LOC", "PER") \
                    and not _employer(ctx, index):
                subject = ctx.entity(index)
                # «представили компании «A» и «B»»: the names coordinated with it
                # («Самарская и Оренбургская области»: the first adjective its own place)
                also = [ctx.entity(ctx.mention_at[c]) for t2 in ctx.mention_tokens(index)
                        for c in ctx.children.get(t2, []) if tokens[c].rel in ("conj", "amod")
                        and c in ctx.mention_at and ctx.mention_at[c] != index
                        and ctx.mention_type(ctx.mention_at[c]) == ctx.mention_type(index)]
                if child not in ctx.mention_at:
                    # «показали предприятия области X и компания «A»»: the subject's own
                    # conjuncts, each by its name
                    also += [name for c in ctx.children.get(child, [])
                             if tokens[c].rel == "conj" and "Case=Nom" in tokens[c].feats
                             for name in _names_of_word(ctx, c)]
                break
        if subject is None and "VerbForm=Conv" in token.feats:
            subject = _speaker_after_converb(ctx, t, sentence)
        if _presents_groups(ctx, clause_head):
            continue  # «Индия и Турция представили делегации на «X»»: the groups took part
        if subject is not None:
            ctx.add(rule, subject, site, token.sent_id)
            for other in also:
                ctx.add(rule, other, site, token.sent_id)


def _presents_groups(ctx: Context, verb: int) -> bool:
    """Is a group word the verb's object («Индия и Турция представили делегации на «X»»):
    the groups took part, not the places that sent them?"""
    return any(ctx.doc.tokens[c].rel == "obj" and ctx.ref_at(c) is not None
               for c in ctx.children.get(verb, []))


def _speaker_after_converb(ctx: Context, t: int, sentence: range) -> int | None:
    """«Об этом сказал, выступая на форуме X, заместитель главы управления Y»: the person
    named after the converb's phrase, where the parse hung the main verb's subject nowhere
    (no finite verb between), as an entity."""
    tokens = ctx.doc.tokens
    for a in range(t + 1, sentence.stop):
        if is_finite_verb(tokens[a]):
            return None
        index = ctx.mention_at.get(a)
        if index is not None and ctx.mention_type(index) == "PER" and ctx.first(index) == a:
            return ctx.entity(index)
    return None


def _presenters(ctx: Context, verb: int) -> list[int]:
    """The verb's subjects; where its stands are told («Собственные стенды на нём представили
    Самарская и Оренбургская области», which the parse may read as two objects, or the stands
    as the subject), the nominal after the verb that is no stand."""
    tokens, stands = ctx.doc.tokens, ctx.vocab.words("stand_nouns")
    children = ctx.children.get(verb, [])
    subjects = [c for c in children if tokens[c].rel in ("nsubj", "nsubj:pass")]
    if not any(tokens[c].lemma in stands and tokens[c].rel in ("obj", "nsubj")
               for c in children):
        return subjects
    return [c for c in subjects if tokens[c].lemma not in stands] or [
        c for c in children if c > verb and tokens[c].rel == "obj"
        and tokens[c].lemma not in stands]


def _subject_end(ctx: Context, verb: int) -> int:
    """The last word of the verb's subject phrase where it follows the verb (titles, their
    places and the name in apposition), else the verb itself."""
    tokens = ctx.doc.tokens
    end = verb
    stack = [c for c in ctx.children.get(verb, []) if c > verb and tokens[c].rel == "nsubj"]
    walked = {verb}
    while stack:
        t = stack.pop()
        if t in walked:
            continue  # (heads in a circle)
        walked.add(t)
        end = max(end, t)
        # not a clause on the subject («Иван Петров, который был на форуме X»)
        stack.extend(c for c in ctx.children.get(t, [])
                     if tokens[c].rel not in ("acl", "acl:relcl", "parataxis"))
    return end


def _reporting(ctx: Context, t: int) -> bool:
    """Is the verb at ``t`` a reporting clause set after what it reports («…, сообщил Y»,
    «…, — рассказал Y»): a parataxis right after a comma or dash?"""
    tokens = ctx.doc.tokens
    return tokens[t].rel == "parataxis" and t > 0 and tokens[t - 1].text in (",", "—", "–")


def _reporters(ctx: Context, sentence: range) -> set[int]:
    """The persons the sentence has report it («…, сообщил губернатор Y Иван Петров»,
    a headline «Петров: край заключил …»): the subjects of a reporting clause, by their
    names, or a name opening the sentence before a colon, as entities."""
    tokens = ctx.doc.tokens
    found: set[int] = set()
    opening = ctx.mention_at.get(sentence.start)
    if opening is not None and ctx.mention_type(opening) == "PER" \
            and ctx.last(opening) + 1 < sentence.stop \
            and tokens[ctx.last(opening) + 1].text == ":":
        found.add(ctx.entity(opening))
    for t in sentence:
        if not _reporting(ctx, t):
            continue
        for child in ctx.children.get(t, []):
            if tokens[child].rel != "nsubj":
                continue
            for word in (child, *ctx.children.get(child, [])):
                index = ctx.mention_at.get(word)
                if index is not None and ctx.mention_type(index) == "PER":
                    found.add(ctx.entity(index))
    return found


@matcher("held_in_visit")
def held_in_visit(ctx: Context, rule: RelationRule) -> None:
    """«В рамках визита литовской делегации в Тернополе прошёл бизнес-форум «X»»: an event
    that took place (``took_place_verbs``, past, not planned) in the frame of a group's visit
    (``visit_frame_nouns``: «в рамках», «в ходе», «во время» a visit noun whose genitive is
    the group) is one the group took part in."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    frames, held = vocab.words("visit_frame_nouns"), vocab.words("took_place_verbs")
    for token in tokens:
        frame = token.head_id
        if token.lemma not in vocab.visit_triggers or token.pos != "NOUN" or frame < 0 \
                or tokens[frame].lemma not in frames or ctx.in_speech(token.token_id):
            continue
        group = next((ref for c in ctx.children.get(token.token_id, [])
                      if tokens[c].rel == "nmod" and (ref := ctx.ref_at(c)) is not None), None)
        verb = tokens[frame].head_id
        if group is None or verb < 0 or tokens[verb].lemma not in held \
                or not past_finite_verb(tokens[verb]) or ctx.planned(verb):
            continue
        # (the event named right after the verb, however the parse hung it)
        event = ctx.first_mention_after(verb + 1, ("EVENT",), EVENT_REACH)
        owner = _group(ctx, group)
        if event is not None and owner is not None \
                and ctx.doc.tokens[ctx.first(event)].sent_id == token.sent_id:
            ctx.add(rule, owner, ctx.entity(event), token.sent_id)


def _group_subject(ctx: Context, verb: int) -> Ref | None:
    """The group word the parse makes ``verb``'s subject (or, for a verb joined to another
    with no subject of its own, that verb's: «Участники визита познакомились с X, а также
    приняли участие в Y»), None when there is none."""
    return next((ref for c in clause_subjects(ctx, verb) if (ref := ctx.ref_at(c)) is not None),
                None)


def _group(ctx: Context, ref: Ref) -> int | None:
    """The delegation a reference names, if its origin is known: «делегация» of no stated
    origin at an event says nothing a reader can use."""
    group = ctx.delegation_entity(ref)
    return group if ctx.doc.entities[group].normal else None


def _employer(ctx: Context, index: int) -> bool:
    """An organisation or place in a title phrase («министр Тверской области»); a person
    after the title is the one who acts."""
    return ctx.mention_type(index) != "PER" and ctx.title_dependent(index)


@matcher("where_at_event")
def where_at_event(ctx: Context, rule: RelationRule) -> None:
    """«… прошёл форум X, где делегации A и B говорили о …»: the subjects of the «где» clause
    right after a named event (``_named_subjects``: a group, an organisation, a place, each
    of a list) took part; not a clause told as future or planned."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        comma = ctx.last(index) + 1
        if mention.type != "EVENT" or comma + 1 >= len(tokens) or tokens[comma].text != "," \
                or tokens[comma + 1].lemma != "где":
            continue
        verb = tokens[comma + 1].head_id
        if verb < 0 or not is_finite_verb(tokens[verb]) or ctx.planned(verb):
            continue
        for subject in _named_subjects(ctx, verb, rels=("nsubj",)):
            ctx.add(rule, subject, ctx.entity(index), mention.sent_id)


@matcher("visited_event")
def visited_event(ctx: Context, rule: RelationRule) -> None:
    """Who visited an event (VISITED found before) took part in it."""
    for group, site, relation in ctx.found_of("VISITED"):
        if ctx.doc.entities[site].type == "EVENT":
            ctx.add(rule, group, site, relation.sent_id)


@matcher("person_visited_event")
def person_visited_event(ctx: Context, rule: RelationRule) -> None:
    """«губернатор Иван Петров посетил выставку X», «осмотрел ярмарку X», «побывал на выставке
    X», «вернулся с форума X»: the named subject of a visit told as done (the event its
    object, or after «на»), or of a return from the event, took part in it."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT" or (word := _event_phrase_word(ctx, index)) is None:
            continue
        verb = tokens[word].head_id
        if verb < 0 or "Tense=Past" not in tokens[verb].feats or not _happened(ctx, verb):
            continue
        # «посетил выставку X»; «побывал на выставке X», not «побывал в Омске до выставки X»;
        # «вернулся с форума X»
        visit = tokens[verb].lemma in verbs and (
            tokens[word].rel == "obj" or (tokens[word].rel == "obl" and ctx.governed(word, "на")))
        back = tokens[verb].lemma in ctx.vocab.words("return_verbs") \
            and tokens[word].rel == "obl" and ctx.governed(word, "с")
        if not (visit or back):
            continue
        if is_finite_verb(tokens[verb]):
            visitors = _named_subjects(ctx, verb) or _subjects_of_first(ctx, verb)
        elif _attributive_participle(tokens[verb]) and tokens[verb].head_id >= 0:
            visitors = _names_of_word(ctx, tokens[verb].head_id)  # «Иван Петров, посетивший …»
        else:
            continue
        for visitor in visitors:
            ctx.add(rule, visitor, ctx.entity(index), mention.sent_id)


def _event_phrase_word(ctx: Context, index: int) -> int | None:
    """The word by which an event's phrase hangs in its clause: the event noun the name is in
    apposition to («выставку «X»»), or the name's own root; past a stand or a part of the
    event the phrase is the genitive of («павильоны ярмарки «X»», «открытие выставки «X»»)."""
    tokens = ctx.doc.tokens
    word = ctx.mention_root(index)
    if word is not None and tokens[word].rel in ("appos", "flat:name", "nmod") \
            and tokens[word].head_id >= 0 \
            and tokens[tokens[word].head_id].lemma in ctx.vocab.words("event_nouns"):
        word = tokens[word].head_id
    parts = ctx.vocab.words("exhibit_nouns") | ctx.vocab.words("event_part_nouns")
    if word is not None and tokens[word].rel == "nmod" and tokens[word].head_id >= 0 \
            and tokens[tokens[word].head_id].lemma in parts:
        word = tokens[word].head_id
    return word


def _subjects_of_first(ctx: Context, verb: int) -> list[int]:
    """«Иван Петров прибыл в Омск и посетил выставку X»: the subjects of the first of two
    coordinated verbs, where the second has none of its own."""
    tokens = ctx.doc.tokens
    head = tokens[verb].head_id
    if tokens[verb].rel != "conj" or head < 0 or tokens[head].pos != "VERB":
        return []
    return _named_subjects(ctx, head)


@matcher("head_took_part")
def head_took_part(ctx: Context, rule: RelationRule) -> None:
    """«Губернатор Иван Петров принял участие в форуме X»: the head of a delegation who took
    part in an event (found before) takes the delegation there."""
    groups = ctx.head_groups()  # not an official of the origin: «министр РТ на форуме»
    for person, event, relation in ctx.found_of("PARTICIPATED_IN"):
        # «В прошлом году X принял участие …», «X, который ранее участвовал …»: his, not
        # the trip's
        if (group := groups.get(person)) is not None \
                and not ctx.another_time(ctx.sentence(relation.sent_id)):
            ctx.add(rule, group, event, relation.sent_id)


@matcher("discussion_speakers")
def discussion_speakers(ctx: Context, rule: RelationRule) -> None:
    """«Об этом шел разговор на сессии «X»», then «— …, — отметил Y»: the speakers the
    article quotes took part in the event where it was discussed."""
    tokens = ctx.doc.tokens
    words = ctx.vocab.words(rule.trigger)
    event = None
    for token in ctx.triggers(words):
        t = token.token_id
        sentence = ctx.sentence(token.sent_id)
        for a in range(max(t - 6, sentence.start), min(t + 6, sentence.stop)):
            index = ctx.mention_at.get(a)
            if index is None or ctx.mention_type(index) != "EVENT" or ctx.first(index) != a:
                continue
            opening = [tokens[o].lemma for o in range(max(a - 3, sentence.start), a)
                       if o not in ctx.mention_at]
            if ctx.vocab.words("event_frame_openers") & set(opening):
                event = index
                break
        if event is not None:
            break
    if event is None:
        return
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type == "PER" and ctx.is_speaker(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(event), mention.sent_id)


def _place_of_an_infinitive(ctx: Context, index: int) -> bool:
    """Does the event's mention hang on an infinitive, the first verb above it («договорились
    встретиться (представить экспозицию) на выставке X»)?"""
    verb = ctx.verb_over(ctx.first(index), steps=5)
    return verb is not None and ctx.doc.tokens[verb].pos == "VERB" \
        and "VerbForm=Inf" in ctx.doc.tokens[verb].feats


@matcher("signed_at_event")
def signed_at_event(ctx: Context, rule: RelationRule) -> None:
    """«В рамках форума X A и B подписали соглашение», «Соглашение подписано на полях
    форума X» (the parties named the sentence before): the parties of an agreement signed
    at an event took part in it; where a person signed for a party, the person did."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    signing = vocab.words(rule.trigger) | vocab.words("agreement_alone_verbs") \
        | vocab.signing_nouns | vocab.words("signature_nouns")
    agreements = ctx.found_of("AGREEMENT_WITH")
    for sent_id in range(len(ctx.doc.sentences)):
        sentence = ctx.sentence(sent_id)
        if ctx.news_feed(sent_id):
            continue  # a list of other news, with times
        # «A и B подпишут соглашение на форуме X»: a signing still to come takes no part;
        # «на форуме X напомнили о соглашении, которое подписали A и B»: a signing told in a
        # relative clause is no act of the event's clause; «подписание плана мероприятий»:
        # a plan the signing takes is its paper, no plan of the signing
        if not any(tokens[t].lemma in signing and not ctx.in_speech(t)
                   and not ctx.planned(t, frozenset(ctx.children.get(t, [])))
                   and tokens[t].rel != "acl:relcl" and _signing_told_as_done(ctx, t)
                   for t in sentence) and not _ceremony_after_signing(ctx, sentence, signing):
            continue
        event = _event_as_setting(ctx, sentence)
        if event is None:
            _signed_at_bare_event(ctx, rule, sentence, signing)
            continue
        if _place_of_an_infinitive(ctx, event):
            continue  # «договорились встретиться на ЭКСПО X»: where they are to meet, later
        parties = [(a, b) for a, b, r in agreements if r.sent_id == sent_id]
        # (a place or body after a preposition past the event is where it is held, no party:
        # «Соглашение подписано в рамках форума X, проходящего на территории «Y»»)
        told = sent_id  # the sentence that names the parties
        if not parties and not any(
                ctx.mention_type(i) in ("ORG", "LOC") and i != event
                and not (ctx.first(i) > ctx.last(event) and _where(ctx, i))
                for i in ctx.mentions_in(sentence)):
            told = _agreement_told_before(ctx, sent_id, signing, agreements)
            parties = [(a, b) for a, b, r in agreements if r.sent_id == told]
        signers = {}  # party → the persons who signed for it where the parties are named
        reporters = _reporters(ctx, sentence)  # who only tells of the signing signed nothing
        for person, employer, relation in ctx.found_of("WORKS_FOR"):
            if relation.sent_id in (sent_id, told) and person not in reporters:
                signers.setdefault(employer, []).append(person)
        named = {p for pair in parties for p in pair}
        if not named:  # «Минпромторг заключил два соглашения на полях форума X»
            # «… подписали министр области Анна Сомова и директор «Кварца» Олег Лунин»:
            # the names in apposition to the subjects' titles too
            named = {s for t in sentence if tokens[t].lemma in signing
                     for v in _signing_acts(ctx, t)
                     for s in (*_subjects(ctx, v), *_named_subjects(ctx, v))}
        if not named:  # «На форуме X были заключены соглашения с компаниями «A» и «B»»
            named = {p for t in sentence if _signed_unnamed(ctx, t, signing)
                     for p in _organisations_signed_with(ctx, t)}
        if not named and 0 <= told < sent_id:
            # «A заключило соглашение с … . Подписание документа прошло в рамках форума X»:
            # the subjects of the signing the sentence refers back to
            named = {s for t in ctx.sentence(told) if _signed(ctx, t, signing)
                     for s in _subjects(ctx, t)}
        # «… . Соглашения подписаны с коллегами из A и B»: the partners the next sentence
        # gives the parties named here
        following = [(a, b) for a, b, r in agreements if r.sent_id == sent_id + 1]
        if following and _event_as_setting(ctx, ctx.sentence(sent_id + 1)) is None:
            named |= {b if a in named else a for a, b in following if a in named or b in named}
        for party in named:
            # the persons who signed take part, not the party they signed for
            for participant in signers.get(party, [party]):
                if participant not in reporters:
                    ctx.add(rule, participant, ctx.entity(event), sent_id)
        # «… состоялось подписание плана. Документ подписали губернатор X и аким Y.» (not
        # «рассказал о подписании плана»: a signing told of, not held there)
        if any(tokens[t].lemma in signing
               and not ctx.planned(t, frozenset(ctx.children.get(t, []))) and (
                (tokens[t].pos == "VERB" and "Tense=Past" in tokens[t].feats) or (
                    tokens[t].pos == "NOUN" and tokens[t].rel in ("nsubj", "nsubj:pass")
                    and _signing_told_as_done(ctx, t)))
               for t in sentence):
            for person in _signers_after(ctx, sent_id, signing):
                ctx.add(rule, person, ctx.entity(event), sent_id)
        # «… после подписания на полях форума X меморандума с губернатором Y Петром
        # Громовым»: the person the paper was signed with signed it there too
        for partner in _signing_partners(ctx, sentence, signing):
            if partner not in reporters:
                ctx.add(rule, partner, ctx.entity(event), sent_id)


def _signing_acts(ctx: Context, t: int) -> list[int]:
    """The words whose subjects signed where a signing word stands at ``t``: the word
    itself, and the verb a signature noun is the means of («скрепили его подписями»)."""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    if tokens[t].lemma in ctx.vocab.words("signature_nouns") and head >= 0 \
            and tokens[head].pos == "VERB" and "Case=Ins" in tokens[t].feats:
        return [t, head]
    return [t]


def _signed_at_bare_event(ctx: Context, rule: RelationRule, sentence: range,
                          signing: frozenset[str]) -> None:
    """«Область участвует в форуме X. … На форуме были заключены соглашения с компаниями «A»
    и «B»»: the organisations of a signing with no subject at a bare event noun standing for
    the one event the text named with it took part in that event."""
    site = next((bare for a in sentence
                 if (bare := _bare_event_at(ctx, a, "event_frame_openers")) is not None), None)
    if site is None:
        return
    for t in sentence:
        if _signed_unnamed(ctx, t, signing):
            for party in _organisations_signed_with(ctx, t):
                ctx.add(rule, party, site, ctx.doc.tokens[t].sent_id)


def _ceremony_after_signing(ctx: Context, sentence: range, signing: frozenset[str]) -> bool:
    """«A и B заключили соглашение. Торжественная церемония состоялась в рамках выставки X»:
    a bare ceremony that took place, right after a sentence telling of a signing done, is
    that signing's; not «церемония открытия», a ceremony of its own."""
    tokens = ctx.doc.tokens
    sent_id = tokens[sentence.start].sent_id
    if sent_id == 0 or not any(_signed(ctx, w, signing) for w in ctx.sentence(sent_id - 1)):
        return False
    return any(tokens[t].lemma in ctx.vocab.words("ceremony_nouns")
               and tokens[t].rel == "nsubj" and not any(
                   tokens[c].rel in ("nmod", "acl", "acl:relcl") for c in ctx.children.get(t, []))
               and _signing_told_as_done(ctx, t) for t in sentence)


def _signed_unnamed(ctx: Context, t: int, signing: frozenset[str]) -> bool:
    """Is the word a signing verb told as done in the past («были заключены соглашения»,
    «подписано соглашение»), not planned, quoted nor relative? (Whether it has a subject of
    its own is the caller's to test: ``signed_at_event`` takes it only where no signer is
    named.)"""
    tokens = ctx.doc.tokens
    token, children = tokens[t], ctx.children.get(t, [])
    children = [*children, *(g for c in children for g in ctx.children.get(c, []))]
    return token.lemma in signing and token.pos == "VERB" and "Tense=Past" in token.feats \
        and token.rel not in ("acl:relcl", "acl", "amod") and not ctx.planned(t) \
        and not ctx.in_speech(t) \
        and not ctx.another_time(children)  # «в 2020 году были заключены …»


def _organisations_signed_with(ctx: Context, verb: int) -> list[int]:
    """The organisations «с» opens after a signing or its paper («заключены соглашения с
    компаниями «A», «B» и «C»», «подписан меморандум с АО «A»»), with those coordinated or
    in apposition to a company noun; as entities. Places are left out: «соглашения с
    регионами Украины» names no party that was there."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    heads = [verb, *(c for c in ctx.children.get(verb, [])
                     if tokens[c].rel in ("obj", "nsubj:pass") and tokens[c].lemma in nouns)]
    found: list[int] = []
    for head in heads:
        for w in ctx.children.get(head, []):
            if not ctx.governed(w, "с", "со"):
                continue
            words = [w, *(c for c in ctx.children.get(w, []) if tokens[c].rel in ("appos",
                                                                                  "flat:name"))]
            words += [c for x in words for c in ctx.children.get(x, []) if tokens[c].rel == "conj"]
            for x in words:
                index = ctx.mention_at.get(x)
                if index is not None and ctx.mention_type(index) == "ORG":
                    found.append(ctx.entity(index))
    return list(dict.fromkeys(found))


def _agreement_told_before(ctx: Context, sent_id: int, signing: frozenset[str],
                           agreements: list[tuple[int, int, Relation]]) -> int:
    """The sentence a signing without parties («Соглашение подписано в рамках форума X»)
    refers back to: the nearest of the three before it that states an agreement, none of
    another time, with no other event setting nor signing between; -1 where none does."""
    tokens = ctx.doc.tokens
    stated = {r.sent_id for _, _, r in agreements}
    for before in range(sent_id - 1, max(sent_id - 4, -1), -1):
        sentence = ctx.sentence(before)
        if before in stated or any(_signed(ctx, w, signing) for w in sentence):
            # (a signing whose pair was not found: its subjects are the parties)
            return -1 if ctx.another_time(sentence) else before
        if _event_as_setting(ctx, sentence) is not None \
                or any(tokens[w].lemma in signing for w in sentence):
            return -1  # another signing or another event between: no reference back
    return -1


def _quoted_statement(ctx: Context, t: int) -> bool:
    """Is the word inside a quotation a speaker then owns («…открыл губернатор X», — сообщил
    министр Y»): a quote open at the word, a closing quote after it in its sentence, then a
    verb of saying within three words? Not a quoted name after the word («открыл выставку
    «X», сообщила пресс-служба»). (``in_speech`` counts from the nearest opening quote,
    which a quoted name inside the statement moves.)"""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[t].sent_id)
    depth = sum((tokens[w].text == QUOTE_OPEN) - (tokens[w].text == QUOTE_CLOSE)
                for w in range(sentence.start, t))
    return depth > 0 and any(tokens[c].text == QUOTE_CLOSE and any(
        tokens[w].lemma in ctx.vocab.saying_verbs for w in range(c + 1, min(c + 4, sentence.stop)))
        for c in range(t + 1, sentence.stop))


def _signing_told_as_done(ctx: Context, t: int) -> bool:
    """Is a signing noun that is a clause's subject told as done («подписание прошло»,
    «состоялось»), not still to come, put off, discussed or negated («подписание пройдёт»,
    «должно пройти», «перенесено», «обсуждалось», «не состоялось»)? True for a verb or a
    noun that is no subject."""
    tokens = ctx.doc.tokens
    if tokens[t].pos != "NOUN" or tokens[t].rel not in ("nsubj", "nsubj:pass"):
        return True
    head = tokens[t].head_id
    return head >= 0 and tokens[head].lemma in ctx.vocab.words("took_place_verbs") \
        and not ctx.future(head) and not ctx.negated(head)


def _signed(ctx: Context, t: int, signing: frozenset[str]) -> bool:
    """Is the word a finite signing verb in the past, told as a fact («заключило
    соглашение»), not planned nor quoted?"""
    token = ctx.doc.tokens[t]
    return token.lemma in signing and past_finite_verb(token) and not ctx.planned(t) \
        and not ctx.in_speech(t)


def _signers_after(ctx: Context, sent_id: int, signing: frozenset[str]) -> list[int]:
    """The persons the next sentence names as signing the document this one tells of
    («Документ подписали губернатор X и аким Y», «Документ, подписанный X и Y, …»),
    where it has no event setting nor another time of its own; as entities."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if sent_id + 1 >= len(ctx.doc.sentences):
        return []
    following = ctx.sentence(sent_id + 1)
    if _event_as_setting(ctx, following) is not None \
            or ctx.another_time(following):
        return []  # «Ранее такой документ подписали …», «… в 2019 году»: another signing
    references = vocab.words("agreement_references")
    found: list[int] = []
    for t in following:
        if tokens[t].lemma not in signing or ctx.planned(t) or ctx.in_speech(t):
            continue
        # the signing is of «документ»: its object, its subject (passive) or the noun the
        # participle is of
        papers = [c for c in ctx.children.get(t, []) if tokens[c].rel in ("obj", "nsubj:pass")]
        if tokens[t].rel in ("acl", "amod"):
            papers.append(tokens[t].head_id)
        if not any(tokens[p].lemma in references for p in papers):
            continue
        rels = ("nsubj", "obl", "obl:agent") if tokens[t].rel in ("acl", "amod") \
            or any(tokens[c].rel == "nsubj:pass" for c in ctx.children.get(t, [])) \
            else ("nsubj",)
        found += [p for p in _named_subjects(ctx, t, rels) if _is_person(ctx, p)]
    return list(dict.fromkeys(found))


def _where(ctx: Context, index: int) -> bool:
    """Does the mention only say where: after «в» or «на», or a name in apposition to a
    noun after one («на федеральной территории «Сириус»»)?"""
    root = ctx.mention_root(index)
    if root is None:
        return False
    head = ctx.doc.tokens[root].head_id
    return ctx.governed(root, "в", "во", "на") or (
        head >= 0 and ctx.doc.tokens[root].rel in ("appos", "nmod")
        and ctx.governed(head, "в", "во", "на"))


def _is_person(ctx: Context, entity: int) -> bool:
    """Is the entity a person?"""
    return 0 <= entity < len(ctx.doc.entities) and ctx.doc.entities[entity].type == "PER"


def _signing_partners(ctx: Context, sentence: range, signing: frozenset[str]) -> list[int]:
    """The persons after a signing word whose title phrase «с» opens («подписали соглашение
    с губернатором области Петром Громовым»), as entities."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # (a signing told of in a relative or participial phrase, «о подписанном в прошлом году
    # соглашении с X», is no act at the event)
    start = next((t for t in sentence if tokens[t].lemma in signing and not ctx.in_speech(t)
                  and not ctx.planned(t) and tokens[t].rel not in ("acl:relcl", "acl", "amod")
                  and not is_participle(tokens[t])), None)
    if start is None:
        return []
    found = []
    for index in ctx.mentions_in(range(start + 1, sentence.stop)):
        if ctx.mention_type(index) != "PER":
            continue
        t = ctx.first(index) - 1
        while t > start and t > ctx.first(index) - 8 and (
                t in ctx.mention_at or vocab.is_title(tokens[t].lemma)
                or lower_adjective(tokens[t])):
            t -= 1  # past the post, its adjectives and its employer
        # (not «…, встретился с министром Y», nor «в рамках договорённостей с Y»: a noun
        # between the signing and «с» takes it)
        if t > start and t < ctx.first(index) - 1 and tokens[t].lemma in ("с", "со") \
                and not any(is_finite_verb(tokens[v]) for v in range(start + 1, t)) \
                and (_governed_by_signing(ctx, tokens[t].head_id, start)
                     or _after_paper_topic(ctx, start, t)):
            found.append(ctx.entity(index))
    return found


def _after_paper_topic(ctx: Context, signing: int, with_: int) -> bool:
    """Does «с» at ``with_`` come right after the signed paper and its topic («подписания
    меморандума о намерениях с губернатором …»), read off the words (parses often hang «с»
    on the topic)?"""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("agreement_nouns")
    paper = next((a for a in range(with_ - 1, signing, -1) if tokens[a].lemma in nouns), None)
    if paper is None or tokens[paper - 1].pos in ("NOUN", "ADP"):
        return False  # «… в рамках договорённостей с Y»: a paper of another phrase
    topic = range(paper + 1, with_)
    return len(topic) <= 4 and all(
        tokens[a].lemma in ("о", "об") or tokens[a].pos in ("NOUN", "ADJ") for a in topic) \
        and (not topic or tokens[topic[0]].lemma in ("о", "об"))


def _governed_by_signing(ctx: Context, word: int, signing: int) -> bool:
    """Does ``word`` (what «с» opens) hang on the signing word, or on its paper («подписали
    соглашение с X»), not on a noun of its own («в рамках договорённостей с X»)?"""
    tokens = ctx.doc.tokens
    head = tokens[word].head_id
    if head == signing:
        return True
    return head >= 0 and tokens[head].head_id == signing \
        and tokens[head].lemma in ctx.vocab.words("agreement_nouns")



def _subjects(ctx: Context, verb: int) -> list[int]:
    """The named subjects of ``verb`` («A и B договорились»): entities of the subject and
    of what is coordinated with it, not an employer in a title phrase."""
    tokens = ctx.doc.tokens
    found = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel not in ("nsubj", "nsubj:pass"):
            continue
        for word in (child, *(c for c in ctx.children.get(child, [])
                              if tokens[c].rel == "conj")):
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) in ("ORG", "LOC", "PARK", "PER") \
                    and not _employer(ctx, index):
                found.append(ctx.entity(index))
    return found


def _subject_people(ctx: Context, verb: int) -> list[int]:
    """The people the verb's subject names: the subject's own name, or the name a title
    subject has in apposition («губернатор провинции X Ли Мин, …, принял»)."""
    tokens = ctx.doc.tokens
    found = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "nsubj":
            continue
        for word in (child, *(c for c in ctx.children.get(child, [])
                              if tokens[c].rel in ("appos", "flat:name", "nmod"))):
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) == "PER" \
                    and ctx.entity(index) not in found:
                found.append(ctx.entity(index))
    return found


def _event_as_setting(ctx: Context, sentence: range) -> int | None:
    """The event a sentence happens at: «в рамках форума X», «на полях выставки X», «на
    форуме X» (the preposition up to four words before the name)."""
    for index in ctx.mentions_in(sentence):
        if ctx.mention_type(index) == "EVENT" and (set_at(ctx, index, sentence)
                                                   or _became_venue(ctx, index)):
            return index
    return None


def _became_venue(ctx: Context, index: int) -> bool:
    """Is the event the subject of «стать местом/площадкой» in the past («форум X стал
    местом подписания …», «площадкой для … стал форум X»), itself or through its event
    noun?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = ctx.head_word(index, vocab.words("event_nouns"))  # «форум «X»»: by its noun
    if word is None or tokens[word].rel != "nsubj":
        return False
    verb = tokens[word].head_id
    # «форум станет местом подписания»: a signing still to come
    return tokens[verb].lemma in vocab.words("become_verbs") \
        and "Tense=Past" in tokens[verb].feats and not ctx.planned(verb) and any(
        tokens[c].rel in ("xcomp", "obl") and tokens[c].lemma in vocab.words("event_venue_nouns")
        for c in ctx.children.get(verb, []))


def set_at(ctx: Context, index: int, sentence: range) -> bool:
    """Does the event mention ``index`` open with a setting phrase (``event_setting_openings``:
    «на», «в рамках», «в ходе», its words in a row) within the four words before it?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    start = _event_phrase_start(ctx, index, sentence)
    if start > sentence.start:  # «в рамках проходящей в Туле конференции X»
        start = max(_past_place_participle(ctx, start - 1) + 1, sentence.start)
    window = [o for o in range(max(start - 4, sentence.start), first) if o not in ctx.mention_at]
    lemmas = [tokens[o].lemma for o in window]
    for line in ctx.vocab.words("event_setting_openings"):
        words = line.split()
        ends = [window[i + len(words) - 1] for i in range(len(window) - len(words) + 1)
                if lemmas[i:i + len(words)] == words]
        if not ends:
            continue
        # «на пресс-конференции, посвящённой форуму X», «на совещании к форуму X»: the
        # setting is another meeting, about the event, not the event
        last = ends[-1]
        if not any(tokens[o].text == "," or tokens[o].lemma in ctx.vocab.words(
                "event_aside_prepositions") for o in range(last + 1, start)):
            return True
    return False


def _event_phrase_start(ctx: Context, index: int, sentence: range) -> int:
    """The first word of the event mention ``index`` with its opening quote and the event's
    words before it («на II форуме индустриального сотрудничества «X»»: «II»)."""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    start = _quote_opening(ctx, first, sentence)
    while start - 1 >= max(sentence.start, first - 6) and start - 1 not in ctx.mention_at \
            and _in_event_phrase(ctx, tokens[start - 1]):
        start -= 1
    return start


def _quote_opening(ctx: Context, first: int, sentence: range) -> int:
    """Where the quotation that the mention at ``first`` sits inside opens («выставки
    «Астана ЭКСПО-2017»» with the mention «ЭКСПО-2017»), or ``first`` itself."""
    tokens = ctx.doc.tokens
    for q in range(first - 1, max(sentence.start, first - 4) - 1, -1):
        if q in ctx.mention_at or tokens[q].text == QUOTE_CLOSE:
            break
        if tokens[q].text == QUOTE_OPEN:
            return q
    return first


def _in_event_phrase(ctx: Context, token: Token) -> bool:
    """Is the word one of an event's phrase before its name: an event noun, an adjective, an
    edition's number, a lower-case genitive noun («форуме индустриального сотрудничества»)?"""
    return token.lemma in ctx.vocab.words("event_nouns") or token.pos in ("ADJ", "NUM") \
        or token.text.isdigit() or (token.text.isupper() and set(token.text) <= set("IVXХ")) \
        or (token.pos == "NOUN" and token.text.islower() and "Case=Gen" in token.feats)


def _named_subjects(ctx: Context, verb: int,
                    rels: tuple[str, ...] = ("nsubj", "nsubj:pass")) -> list[int]:
    """The subjects of ``verb`` and what is coordinated with them, each by its own name or
    the name it governs («компании «Альфа» и «Бета»»): organisations, places, persons,
    delegations of a known origin; not an employer in a title phrase."""
    tokens = ctx.doc.tokens
    found: list[int] = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel not in rels:
            continue
        for word in (child, *(c for c in ctx.children.get(child, [])
                              if tokens[c].rel == "conj")):
            if word != child and ctx.ref_at(child) is not None and _an_origin(ctx, word):
                continue  # «делегации области X, провинции Y и …»: Y is a listed group's home
            found += _names_of_word(ctx, word)
    return found


def _an_origin(ctx: Context, word: int) -> bool:
    """Is the word, or the name in apposition to it, a mention of a group's origin?"""
    tokens = ctx.doc.tokens
    return any(ctx.mention_at.get(w) in ctx.origin_mentions
               for w in (word, *(c for c in ctx.children.get(word, [])
                                 if tokens[c].rel in ("appos", "flat:name"))))


def _names_of_word(ctx: Context, word: int) -> list[int]:
    """What a noun names, as ``_named_subjects`` reads each subject: a delegation of known
    origin, the bodies of «представители», its own name or the name it governs («компания
    «Альфа»», «губернатор Иван Петров»), with the names of its kind coordinated after it."""
    tokens = ctx.doc.tokens
    ref = ctx.ref_at(word)
    if ref is not None:
        group = _group(ctx, ref)
        return [group] if group is not None else []
    if _staff_word(ctx, word) and not _named_person_with(ctx, word):
        return _staff_bodies(ctx, word)  # «представители компании «A»»
    found: list[int] = []
    # «губернатор области Иван Петров», «руководитель области Иван Петров»: the name
    # in apposition before the employer; not an event's name the parse hangs there («во
    # время форума «X» компания «A» …»)
    names = [word] if word in ctx.mention_at else sorted(
        (g for g in ctx.children.get(word, [])
         if tokens[g].rel in ("appos", "nmod", "flat:name") and g in ctx.mention_at
         and ctx.mention_type(ctx.mention_at[g]) != "EVENT"),
        key=lambda g: tokens[g].rel == "nmod")
    # «главы Хатлона A и Сурхандарьи B»: every person in apposition to the title
    persons = [g for g in names[1:] if tokens[g].rel == "appos"
               and ctx.mention_type(ctx.mention_at[g]) == "PER"
               and ctx.mention_type(ctx.mention_at[names[0]]) == "PER"]
    # «ОАО «A» и ОсОО «B»»: a joined legal form left without its name, which the parse hung on
    # the first one's word
    nameless = any(tokens[c].rel == "conj" and c not in ctx.mention_at
                   and not any(g in ctx.mention_at for g in ctx.children.get(c, []))
                   for c in ctx.children.get(word, []))
    bodies = [g for g in names[1:] if nameless and tokens[g].rel == "appos"
              and ctx.mention_type(ctx.mention_at[g]) == "ORG"
              and ctx.mention_type(ctx.mention_at[names[0]]) == "ORG"]
    for g in names[:1] + persons + bodies:
        index = ctx.mention_at[g]
        if g != word and (ctx.governed(g) or ctx.names_only_parts(index)):
            # «компании из Тверской области»: where they come from; «регионы
            # области X»: the whole whose parts act
            continue
        if ctx.mention_type(index) in ("ORG", "LOC", "PER") and not _employer(ctx, index):
            found.append(ctx.entity(index))
            # «компании «Альфа» и «Бета»»: the names coordinated after the first
            found += [ctx.entity(ctx.mention_at[c]) for c in ctx.children.get(g, [])
                      if tokens[c].rel == "conj" and c in ctx.mention_at
                      and ctx.mention_type(ctx.mention_at[c]) == ctx.mention_type(index)]
    return found


def _staff_word(ctx: Context, t: int) -> bool:
    """Is the word a noun for unnamed people who act for a body («представители»:
    ``body_people_nouns``), no part of a name?"""
    return t not in ctx.mention_at \
        and ctx.doc.tokens[t].lemma in ctx.vocab.words("body_people_nouns")


def _named_person_with(ctx: Context, word: int) -> bool:
    """Is a person named with the word («руководитель области Иван Петров»)?"""
    return any(c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "PER"
               for c in ctx.children.get(word, []))


def _staff_bodies(ctx: Context, word: int) -> list[int]:
    """The organisations unnamed people act for («представители компании «A»», «руководители
    заводов «A» и «B»»: the genitives of ``word`` and their conjuncts), as entities; none
    where a person is named with them («представитель компании «A» Иван Петров»)."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(word, [])
    if _named_person_with(ctx, word):
        return []
    bodies: list[int] = []
    for child in children:
        if tokens[child].rel != "nmod" or ctx.governed(child):
            continue
        # the name itself, or in apposition to it; then so each conjunct («завода «A» и
        # кооператива «B»»)
        words = [child, *(c for c in ctx.children.get(child, []) if tokens[c].rel == "conj")]
        for g in [n for w in words for n in (w, *(c for c in ctx.children.get(w, [])
                                                  if tokens[c].rel == "appos"))]:
            index = ctx.mention_at.get(g)
            if index is not None and ctx.mention_type(index) == "ORG" \
                    and ctx.entity(index) not in bodies:
                bodies.append(ctx.entity(index))
    return bodies


@matcher("event_first")
def event_first(ctx: Context, rule: RelationRule) -> None:
    """«В выставке «X» приняли участие компании «A» и «B»»: the event named before the
    participation verb, the participants its subjects after it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        noun = token.lemma in vocab.participation_nouns
        if not (noun or token.lemma in verbs) or ctx.in_speech(t):
            continue
        verb = t - 1 if noun else t
        if verb < 0 or (noun and tokens[verb].lemma not in vocab.participation_light_verbs) \
                or ctx.planned(verb):
            continue
        sentence = ctx.sentence(token.sent_id)
        # (up to twelve words back: an aside may stand between, «В работе конгресса «X»,
        # который проходит в Y, участвует …»)
        event = next((i for i in ctx.mentions_in(range(max(verb - 12, sentence.start), verb))
                      if ctx.mention_type(i) == "EVENT" and not _named_non_event(ctx, i)
                      and _opened_by(ctx, i, ("в", "во"))), None)
        site = ctx.entity(event) if event is not None else None
        if event is None:  # «В работе форума приняла участие делегация из X», «На форуме …»
            event_end, site = next(
                ((b, bare) for b in range(max(verb - 12, sentence.start + 1), verb)
                 if (bare := _bare_event_at(ctx, b, "participation_event_openers")) is not None),
                (verb, None))
            if site is None:
                site = _part_alone(ctx, _clause_start(ctx, sentence.start, verb), verb)
        else:
            event_end = ctx.last(event)
        if site is None or (not _aside(ctx, event_end + 1, verb) and any(
                tokens[b].pos in ("VERB", "AUX") or tokens[b].text in (",", ";")
                for b in range(event_end + 1, verb) if b not in ctx.mention_at)):
            continue
        for subject in _named_subjects(ctx, verb):
            ctx.add(rule, subject, site, token.sent_id)


def _clause_start(ctx: Context, start: int, verb: int) -> int:
    """The first word of the verb's clause where a semicolon parts it from what the sentence
    told before («Открылась выставка X; в церемонии открытия участвовали …»), else ``start``."""
    tokens = ctx.doc.tokens
    return next((b + 1 for b in range(verb - 1, start, -1) if tokens[b].text == ";"), start)


def _part_alone(ctx: Context, start: int, verb: int) -> int | None:
    """«Открылась выставка X. В церемонии открытия (В её работе) приняли участие …»: a part
    of an event alone between the clause's start and the verb («в» and the part, with
    lower-case adjectives and «её») stands for the one event the sentence before (or the
    clause before a semicolon) names and tells of."""
    tokens = ctx.doc.tokens
    sent_id = tokens[verb].sent_id
    sentence = ctx.sentence(sent_id)
    parts = ctx.vocab.words("event_part_nouns") | ctx.vocab.words("participation_event_openers")
    words = [tokens[b] for b in range(start, verb)]
    # «В нём (В ней) приняли участие …»: the pronoun alone stands for the event itself
    pronoun = len(words) == 2 and words[1].lemma in ("он", "она")
    part = any(w.pos == "NOUN" and w.lemma in parts for w in words) and all(
        w.lemma in parts or lower_adjective(w)
        or w.text.lower() in ctx.vocab.words("event_possessives") for w in words[1:])
    if len(words) < 2 or words[0].lemma not in ("в", "во") or not (pronoun or part):
        return None
    if start > sentence.start:  # the clause before the semicolon
        before = range(sentence.start, start)
    elif sent_id > 0:
        before = ctx.sentence(sent_id - 1)
    else:
        return None
    return _event_told_in(ctx, verb, before)


def _event_told_in(ctx: Context, t: int, before: range) -> int | None:
    """The one event the words ``before`` name and tell of (its clause's subject or root),
    for the word at ``t`` that stands for it; None where they name none or several."""
    told = [i for i in ctx.mentions_in(before) if ctx.mention_type(i) == "EVENT"]
    event = _the_one_event(ctx, t, {ctx.entity(i) for i in told})
    if event is None or not any(_told_of(ctx, i) for i in told):
        return None
    return event


def _told_of(ctx: Context, index: int) -> bool:
    """Is the event mention what its sentence tells of: its subject or root, itself or the
    event noun it names («Открылась выставка «X»»; not «заседание совета по подготовке к
    форуму X», «после выставки X открылся элеватор»)?"""
    word = ctx.noun_beside(index)
    return word is not None and ctx.doc.tokens[word].rel in ("nsubj", "nsubj:pass", "root")


def _aside(ctx: Context, start: int, end: int) -> bool:
    """Are the words from ``start`` to ``end`` one aside between commas, a participle's or
    «который»'s («На выставке, открывшейся в павильоне, приняли участие …»)?"""
    tokens = ctx.doc.tokens
    if end - start < 3 or tokens[start].text != "," or tokens[end - 1].text != ",":
        return False
    opening = tokens[start + 1]
    return ("VerbForm=Part" in opening.feats or opening.lemma == "который") \
        and not _comma_between(ctx, start, end - 1)


def _opened_by(ctx: Context, index: int, prepositions: tuple[str, ...]) -> bool:
    """Is the mention the object of one of ``prepositions``, right before it or before its
    event noun («в выставке «X»», «в форуме X»)?"""
    tokens = ctx.doc.tokens
    # «в работе форума «X»»: the event's work stands for the event
    work = ctx.vocab.words("participation_event_openers")
    t = ctx.first(index) - 1
    while t >= 0 and t not in ctx.mention_at and (
            tokens[t].lemma in ctx.vocab.words("event_nouns") or tokens[t].pos == "ADJ"
            or (tokens[t].lemma in work and tokens[t].pos == "NOUN")):
        t -= 1
    return t >= 0 and tokens[t].lemma in prepositions


@matcher("exhibit_at_event")
def exhibit_at_event(ctx: Context, rule: RelationRule) -> None:
    """«стенд компании «A» на выставке «X»», «на выставке «X» открылся павильон Тверской
    области»: whose stand or pavilion is at the event took part in it (each owner of a list;
    with no event in the sentence, the one event of the sentence before)."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words(rule.trigger)
    for token in ctx.triggers(nouns, outside_mentions=True):
        t = token.token_id
        if t > 0 and tokens[t - 1].lemma in ctx.vocab.words("exhibit_preparation_nouns") \
                and token.head_id == t - 1 and "Case=Gen" in token.feats:
            continue  # «подготовка экспозиции области»: a stand still being got ready
        owner = None
        for a in range(t + 1, min(t + 5, len(tokens))):
            index = ctx.mention_at.get(a)
            if index is not None:
                # «стенд компании «A»»: the case is the head noun's where the name has none
                if ctx.mention_type(index) in ("ORG", "LOC") and (a > t + 1 or any(
                        "Case=Gen" in tokens[m].feats for m in ctx.mention_tokens(index))):
                    owner = index
                break
            if tokens[a].pos not in ("ADJ", "NOUN") or "Case=Gen" not in tokens[a].feats:
                break
        if owner is not None and ctx.title_dependent(owner):
            continue
        # «экспозиция региона на выставке X»: the region the text named before
        site = ctx.entity(owner) if owner is not None else _bare_region(ctx, t + 1)
        if site is None:
            continue
        in_sentence = [i for i in ctx.mentions_in(ctx.sentence(token.sent_id))
                       if ctx.mention_type(i) == "EVENT"]
        # «на выставке «X»»; where none, «среди экспозиций выставки «X»» (not «в павильонах
        # Северной ярмарки», a venue, beside an event «на»)
        events = [i for i in in_sentence if _opened_by(ctx, i, ("на",))] or [
            i for i in in_sentence if _opened_by(ctx, i, tuple(nouns))]
        listed = [owner, *_owners_listed_after(ctx, owner)] if owner is not None else []
        if not in_sentence and listed and token.sent_id > 0 and not ctx.told_as_planned(t):
            # «Президент посетил выставку «X». … Он осмотрел стенды A, B и C»: the one event
            # of the sentence before, for every owner of the list
            before = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(token.sent_id - 1))
                      if ctx.mention_type(i) == "EVENT"}
            if len(before) == 1:
                event = before.pop()
                for index in listed:
                    ctx.add(rule, ctx.entity(index), event, token.sent_id)
            continue
        if len(events) == 1:
            ctx.add(rule, site, ctx.entity(events[0]), token.sent_id)
            for index in listed[1:]:
                ctx.add(rule, ctx.entity(index), ctx.entity(events[0]), token.sent_id)


def _owners_listed_after(ctx: Context, owner: int) -> list[int]:
    """The owners of stands listed after the first («стенды Тверской и Омской областей»,
    «стенды компаний «A», «B» и «C»»): mentions of its type after a comma or «и»; or of
    the other of organisation and place right after it, with no head word between
    («экспозиции области и Минсельхоза»; not «стенд области и завод «Кедр»», a thing seen)."""
    t = ctx.last(owner) + 1
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].lemma not in (",", "и") or t in ctx.mention_at:
        return []
    listed = ctx.listed_from(t + 1, (ctx.mention_type(owner),))
    other = ctx.mention_at.get(t + 1)
    if listed or other is None or ctx.first(other) != t + 1 \
            or ctx.mention_type(other) not in ("ORG", "LOC"):
        return listed
    return ctx.listed_from(t + 1, (ctx.mention_type(other),))


def _bare_region(ctx: Context, t: int) -> int | None:
    """The region a bare genitive «региона», «области», «края» at ``t`` stands for (the one
    the text named before with that word), as an entity."""
    return resolve_place(ctx, t) if bare_region_word(ctx, t) else None


@matcher("participant_noun")
def participant_noun(ctx: Context, rule: RelationRule) -> None:
    """«компания «A» стала участником выставки «X»», «участниками форума «X» стали A и B»,
    «организатором форума «X» выступила компания «A»», «Франция — страна-партнёр ярмарки»:
    the subject of the copula whose predicate is the event's participant (or partner)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    nouns = vocab.words(rule.trigger)
    copulas = vocab.words("copula_verbs") | vocab.words("role_copula_verbs")
    for token in ctx.triggers(nouns, outside_mentions=True):
        t = token.token_id
        event = _event_after_role(ctx, t)
        if event is None and (event := _event_of_listed_role(ctx, t)) is not None:
            # «… на выставку «X». Среди экспонентов — компании «A» и «B»»
            for index in _apposed_names(ctx, t, listed=True):
                ctx.add(rule, ctx.entity(index), event, token.sent_id)
            continue
        if event is None:
            continue
        head = token.head_id
        # (also a role in the instrumental the parse took for the subject: «Экспонентами
        # выставки «X» выступили A и B»)
        role_rel = token.rel in ("xcomp", "obl", "obj") or (
            token.rel == "nsubj" and token.text.lower().endswith(("ами", "ями"))) or (
            token.rel == "nsubj" and token.text.lower().endswith(("ом", "ем", "ой", "ей"))
            and head >= 0 and any(  # «Страной-партнёром выставки стала Турция»
                tokens[c].rel == "nsubj" and c != t and "Case=Nom" in tokens[c].feats
                for c in ctx.children.get(head, [])))
        verb = head if role_rel and head >= 0 \
            and tokens[head].lemma in copulas and not any(
                tokens[c].rel == "case" for c in ctx.children.get(t, [])) else None
        # (a role noun after a preposition is no predicate: «выступила против организаторов»)
        if verb is None and token.rel == "root" and not _among(ctx, t):
            verb = t  # «Компания «A» — участник выставки «X»»
        if verb is None and (verb := _copula_over_one_of(ctx, t, copulas)) is None:
            if not _of_another_time(ctx, t, event):
                for index in _apposed_names(ctx, t):
                    ctx.add(rule, ctx.entity(index), event, token.sent_id)
            continue
        if ctx.planned(verb) or _of_another_time(ctx, t, event):
            continue  # «станет партнёром», «организатор форума в следующем году»
        for subject in _named_subjects(ctx, verb):
            ctx.add(rule, subject, event, token.sent_id)


def _copula_over_one_of(ctx: Context, t: int, copulas: frozenset[str]) -> int | None:
    """The copula of «одним из участников форума «X» стал Y» over the role noun at ``t``."""
    tokens = ctx.doc.tokens
    if t < 2 or tokens[t - 1].lemma != "из" or tokens[t - 2].lemma != "один":
        return None
    head = tokens[t - 2].head_id
    return head if head >= 0 and tokens[head].lemma in copulas else None


def _among(ctx: Context, t: int) -> bool:
    """Does «среди» govern the word at ``t`` («среди участников выставки «X» — …»)?"""
    return t > 0 and ctx.doc.tokens[t - 1].lemma == "среди"


def _event_of_listed_role(ctx: Context, t: int) -> int | None:
    """The event a role noun after «среди» and before a dash or a copula stands for, naming
    none of its own («Среди экспонентов — компании «A» и «B»», «Среди экспонентов были …»):
    the one event named in its sentence or the one before, as an entity; None where a
    plural head before an event's name tells of several («на выставках «X» и «Y»»)."""
    tokens = ctx.doc.tokens
    after = t + 1 + int(_exhibit_genitive(ctx, t + 1))  # «среди участников экспозиции —»
    if not _among(ctx, t) or after >= len(tokens) \
            or (tokens[after].text not in DASHES
                and tokens[after].lemma not in ctx.vocab.words("copula_verbs")) \
            or tokens[t].lemma not in ctx.vocab.words("apposed_participant_nouns"):
        return None
    sent_id = tokens[t].sent_id
    named = [index for index, mention in enumerate(ctx.doc.mentions)
             if mention.type == "EVENT" and mention.sent_id in (sent_id - 1, sent_id)
             and ctx.first(index) < t]
    if any("Number=Plur" in tokens[head].feats for index in named
           if (head := before_quotes(ctx, ctx.first(index) - 1)) >= 0
           and tokens[head].pos == "NOUN"):
        return None
    return _the_one_event(ctx, t, {ctx.entity(index) for index in named})


def _exhibit_genitive(ctx: Context, t: int) -> bool:
    """Is the word at ``t`` a bare genitive of what a role is at, no name's («участников
    экспозиции»: ``exhibit_nouns``)?"""
    tokens = ctx.doc.tokens
    return t < len(tokens) and t not in ctx.mention_at and "Case=Gen" in tokens[t].feats \
        and tokens[t].lemma in ctx.vocab.words("exhibit_nouns")


def _apposed_names(ctx: Context, t: int, listed: bool = False) -> list[int]:
    """The names a role noun at ``t`` (followed by its named event) stands beside: «участник
    ярмарки «X» Иван Петров», «экспонент выставки «X» компания «A»», «Иван Петров, участник
    ярмарки «X»», «среди участников выставки «X» — компании «A» и «B»». The name agrees with
    the noun in case or is a nominative (the noun's own case is often misread), not a
    genitive of its own: «участники форума «X» Тверской области». ``listed``: the noun names
    no event of its own («среди экспонентов — …»)."""
    tokens, kinds = ctx.doc.tokens, ("PER", "ORG", "LOC")
    event = ctx.mention_at.get(t + 1, ctx.mention_at.get(t + 2))
    if event is not None and ctx.mention_type(event) == DELEGATION:
        event = None  # («среди участников — делегации …»: the named, not the event)
    if (event is None and not listed) \
            or tokens[t].lemma not in ctx.vocab.words("apposed_participant_nouns"):
        return []
    among = _among(ctx, t)
    a = t + 1 if event is None else ctx.last(event) + 1  # ``listed``: the event named before
    if event is None and _exhibit_genitive(ctx, a):
        a += 1  # «среди участников экспозиции — …»
    if among:  # «среди участников — компании …», «среди участников были …»
        while a < len(tokens) and a not in ctx.mention_at and (
                tokens[a].text in DASHES or tokens[a].lemma in ctx.vocab.words("copula_verbs")):
            a += 1
    group = ctx.mention_at.get(a) if a < len(tokens) and ctx.ref_at(a) is not None else None
    if among and group is not None:
        # «среди участников — делегации Приморского края и Амурской области»: the groups
        # (the places listed are their origins; the groups listed share the fact)
        return [group]
    names = ctx.listed_from(a, kinds) if a < len(tokens) else []
    if names and (among or case_of(tokens[a]) in (None, "Nom", case_of(tokens[t]))):
        return names
    before = ctx.mention_at.get(t - 2) if t > 1 and tokens[t - 1].text in (",", *DASHES) \
        else None
    if before is not None and ctx.mention_type(before) in kinds \
            and case_of(tokens[ctx.first(before)]) in (None, case_of(tokens[t])):
        return [before]  # «Иван Петров, участник ярмарки «X»»
    return []


@matcher("greeted_participants")
def greeted_participants(ctx: Context, rule: RelationRule) -> None:
    """«Пётр Громов приветствовал участников форума «X»», «обратился к участникам и гостям
    форума «X»», «перед гостями форума «X» выступил министр Пётр Громов»: who greets or
    addresses an event's participants took part in it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    nouns = vocab.words("participant_nouns")
    for token in ctx.triggers(nouns, outside_mentions=True):
        t = token.token_id
        event = _event_after_role(ctx, t)
        if event is None and t + 2 < len(tokens) and tokens[t + 1].lemma == "и" \
                and tokens[t + 2].lemma in nouns:
            event = _event_after_role(ctx, t + 2)  # «к участникам и гостям форума X»
        if event is None and not any(tokens[c].rel in ("nmod", "acl", "acl:relcl", "appos")
                                     for c in ctx.children.get(t, [])):
            event = _one_event_before(ctx, t)  # «Форум «X» открылся. К участникам обратился Y»
        verb = token.head_id
        if event is None or verb < 0 or token.rel not in ("obj", "obl") \
                or tokens[verb].lemma not in verbs or ctx.planned(verb) or ctx.in_speech(verb):
            continue
        # «выступил перед гостями», «обратился к участникам», «приветствовал участников»
        if not (ctx.governed(t, "перед", "к") or (token.rel == "obj" and not ctx.governed(t))):
            continue
        for subject in _named_subjects(ctx, verb):
            ctx.add(rule, subject, event, token.sent_id)


INSTRUMENTAL_ENDINGS = ("ом", "ем", "ём", "ой", "ей", "ами", "ями")


def _event_after_role(ctx: Context, t: int) -> int | None:
    """The event a role noun at ``t`` is of, as an entity: a name right after it («участником
    «X»», «участником выставки «X»»), or a bare event noun standing for the one event the
    text names («страной-партнёром ярмарки», «партнёром мероприятия»)."""
    tokens = ctx.doc.tokens
    event = ctx.mention_at.get(t + 1)
    noun = t + 1  # («участниками ежегодной сельскохозяйственной выставки «X»»: past adjectives)
    while noun < min(t + 5, len(tokens) - 1) and noun not in ctx.mention_at \
            and tokens[noun].pos == "ADJ" and tokens[noun].text.islower():
        noun += 1
    if event is None and noun + 1 < len(tokens) and tokens[noun].lemma in ctx.vocab.words(
            "event_nouns"):
        event = ctx.mention_at.get(noun + 1)
    if event is not None:
        return ctx.entity(event) if ctx.mention_type(event) == "EVENT" else None
    if t > 0 and tokens[t - 1].text.lower() in ctx.vocab.words("event_possessives") \
            and tokens[t - 1].sent_id == tokens[t].sent_id:
        sent_id = tokens[t].sent_id  # «Завершилась выставка «X». Её участниками стали …»
        return _event_told_in(ctx, t, ctx.sentence(sent_id - 1)) if sent_id > 0 else None
    if t > 0 and tokens[t].sent_id > 0 and tokens[t - 1].sent_id != tokens[t].sent_id \
            and not ctx.children.get(t) \
            and tokens[t].text.lower().endswith(INSTRUMENTAL_ENDINGS):  # (read as any case)
        # «Прошёл круглый стол «X». Модератором выступил Y»: a bare role opening the sentence
        # after the one that tells of the event
        return _event_told_in(ctx, t, ctx.sentence(tokens[t].sent_id - 1))
    if t + 1 >= len(tokens) or tokens[t + 1].head_id != t:
        return None  # the bare noun must be the role's own genitive
    if any(tokens[c].rel in ("nmod", "acl", "acl:relcl", "amod", "appos") and c > t + 1
           for c in ctx.children.get(t + 1, [])):
        return None  # «организатором выставки картин»: an event of its own
    named = _event_named_before(ctx, t + 1)
    return named if named is not None else _generic_event(ctx, t + 1)


@matcher("activity_at_event")
def activity_at_event(ctx: Context, rule: RelationRule) -> None:
    """«итоги работы делегации области на форуме X», «выступление губернатора Ивана Петрова
    на форуме X», «презентация компании «A» на выставке X»: whose work, talk or presentation
    at a named event a noun tells of took part in it. The participant stands between the
    noun and the «на»/«в» of the event's phrase, with no verb, comma or preposition between;
    not an act planned, to come or called off («предстоящее выступление», «выступление
    запланировано», «выступление отменили»)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), outside_mentions=True):
        t = token.token_id
        event = ctx.first_mention_after(t + 1, ("EVENT",), 10)
        if token.pos != "NOUN" or event is None or _act_not_done(ctx, t):
            continue
        opening = _event_phrase_opening(ctx, t, ctx.first(event))
        between = range(t + 1, opening or t + 1)
        if not between or any(tokens[w].pos in ("VERB", "AUX", "ADP")
                              or tokens[w].text in (",", ";", ":", ".", *DASHES)
                              for w in between):
            continue
        ref = next((r for r in ctx.refs if r.token in between), None)
        participants = [_group(ctx, ref)] if ref is not None else [
            ctx.entity(index) for index in ctx.mentions_in(list(between))
            if ctx.mention_type(index) in ("ORG", "LOC", "PER")
            and not _employer(ctx, index)]  # «министра области Ивана Петрова»: the person
        for participant in participants:
            ctx.add(rule, participant, ctx.entity(event), token.sent_id)


def _event_phrase_opening(ctx: Context, start: int, first: int) -> int | None:
    """The «на»/«в» that opens the phrase of an event named at ``first`` (its event noun,
    adjectives, ordinals and the noun's own words before the name), after ``start``."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("event_nouns")
    p = _event_noun_before(ctx, first)
    while p > start and (tokens[p].pos in ("ADJ", "NUM") or tokens[p].lemma in nouns):
        p -= 1
    return p if p > start and tokens[p].lemma in ("на", "в", "во") else None


def _act_not_done(ctx: Context, t: int) -> bool:
    """Is the act the word at ``t`` tells of («выступление», «работа делегации») not done:
    not told as done (``_told_as_done``: planned, future, quoted, negated), of a time to come
    («предстоящая работа делегации»), or called off by the verb over it («выступление
    отменили», «презентацию перенесли»: ``cancel_verbs``)?"""
    tokens = ctx.doc.tokens
    verb = ctx.verb_over(t)
    return not _told_as_done(ctx, t) or _to_come_adjective(ctx, ctx.sentence(tokens[t].sent_id)) \
        or (verb is not None and tokens[verb].lemma in ctx.vocab.words("cancel_verbs"))


def _to_come_adjective(ctx: Context, sentence: range) -> bool:
    """Does an adjective of a time to come stand in the sentence («предстоящая работа
    делегации на выставке X»)?"""
    words = ctx.vocab.words("future_trip_adjectives")
    return any(ctx.doc.tokens[w].lemma in words for w in sentence)


@matcher("acted_at_event")
def acted_at_event(ctx: Context, rule: RelationRule) -> None:
    """«На полях форума X делегация Y провела переговоры», «в рамках выставки X состоялась
    встреча с делегацией Z»: a delegation that acts or is met within a named event's frame
    took part in it (persons and organisations there are left out: on dev they were not
    reliably participants)."""
    tokens = ctx.doc.tokens
    frames, days = ctx.vocab.words(rule.trigger), ctx.vocab.words("event_day_nouns")
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT":
            continue
        first = ctx.first(index)
        frame = _before_event_phrase(ctx, first)  # «в рамках II международного форума «X»»
        opening = frame - 1
        if frame >= 1 and tokens[frame].lemma in days:  # «во второй день ярмарки «X»»
            while opening > 0 and opening not in ctx.mention_at \
                    and tokens[opening].pos in ("ADJ", "NUM"):
                opening -= 1
        if frame < 1 or tokens[frame].lemma not in frames | days \
                or tokens[opening].lemma not in PLACE_PREPOSITIONS:
            continue
        verb = _governing_verb(ctx, frame)
        if verb is None:
            # «делегация, находящаяся в Казани в рамках форума X»: the group the participle is of
            group = _participle_group(ctx, frame)
            if group is not None:
                ctx.add(rule, group, ctx.entity(index), mention.sent_id)
            continue
        if not _happened(ctx, verb):
            continue  # «планирует встретиться на полях форума»
        for ref in ctx.refs_in(mention.sent_id):
            # «делегация провела переговоры», «состоялась встреча с делегацией»
            if _governing_verb(ctx, ref.token) == verb:
                group = _group(ctx, ref)
                if group is not None:
                    ctx.add(rule, group, ctx.entity(index), mention.sent_id)


@matcher("subject_acted_at_event")
def subject_acted_at_event(ctx: Context, rule: RelationRule) -> None:
    """«В рамках выставки X губернатор Иван Петров посетил завод», «во время форума X
    компания «A» заключила контракт»: the named subject of a verb in the past whose clause
    a named event frames («в рамках», «на полях», «в ходе», «во время») took part in it (of
    the types the rule's ``args`` allow); so is «на форуме X» itself, where the event is
    the place of the act («на форуме X область подписала шесть соглашений»). Only the past
    or the present («в рамках форума X пройдёт …» tells of a plan), only a frame on the verb
    itself, and no
    comment («прокомментировал встречу … на полях саммита X»: a comment may be on
    anything)."""
    tokens = ctx.doc.tokens
    signing = ctx.vocab.words("agreement_verbs")
    # (event, the frame's word, the word after the phrase, whether «во время» only dates it)
    framed = [(ctx.entity(index), frame, ctx.last(index) + 1, bool(_dated_by_event(ctx, index)))
              for index, frame in _framed_events(ctx) + _events_as_place(ctx)
              + _dated_by_event(ctx)]
    framed += [(event, noun, noun + 1, False) for event, noun in _bare_events_as_place(ctx)]
    for event, frame, after, dated in framed:
        if tokens[frame].rel == "fixed":
            # «в ходе (открытия) форума X»: the parse makes the frame a preposition and hangs
            # the noun after it on the verb
            frame = next((t for t in range(frame + 1, after) if tokens[t].rel == "obl"), frame)
        verb = tokens[frame].head_id
        # told in the past or the present («на форуме X губернатор проводит встречи»)
        if verb < 0 or tokens[frame].rel != "obl" or not is_finite_verb(tokens[verb]) \
                or not ("Tense=Past" in tokens[verb].feats or "Tense=Pres" in tokens[verb].feats) \
                or tokens[verb].lemma in ctx.vocab.words("comment_verbs") \
                or not _happened(ctx, verb):
            continue  # (a comment made there may be on anything: «прокомментировал встречу»)
        if tokens[verb].lemma not in signing and dated:
            continue  # «во время форума X министр была в отпуске»: only a time
        for subject in _named_subjects(ctx, verb) or _names_before_subjectless(
                ctx, after, verb):
            ctx.add(rule, subject, event, tokens[frame].sent_id)


def _bare_events_as_place(ctx: Context) -> list[tuple[int, int]]:
    """«На выставке присутствовали …», «на церемонии открытия выступил …»: a bare event noun
    (or an event's part with none of its own after it) that «на» opens in the prepositional
    case, standing for the one event the text named before; each such event with the noun's
    token."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    nouns, parts = vocab.words("event_nouns"), vocab.words("event_part_nouns")
    found = []
    for token in ctx.triggers(nouns | parts, outside_mentions=True):
        t = token.token_id
        if t < 1 or "Case=Loc" not in token.feats or tokens[t - 1].lemma != "на" \
                or t + 1 in ctx.mention_at or (t >= 2 and (
                    tokens[t - 2].pos in ("NOUN", "PROPN") or t - 2 in ctx.mention_at)):
            continue
        last = t  # «церемонии открытия»: down the parts that hang on one another
        while (part := next((c for c in ctx.children.get(last, []) if c == last + 1
                             and tokens[c].lemma in parts), None)) is not None:
            last = part
        if any(c > last and tokens[c].rel in ("nmod", "appos", "acl", "acl:relcl")
               for w in range(t, last + 1) for c in ctx.children.get(w, [])) \
                or last + 1 in ctx.mention_at:
            continue  # «на заседании правительства», «на выставке картин»: of something else
        event = _event_named_before(ctx, t) if token.lemma in nouns \
            else _one_event_before(ctx, t)
        if event is not None:
            found.append((event, t))
    return found


def _dated_by_event(ctx: Context, only: int | None = None) -> list[tuple[int, int]]:
    """The named events «во время» opens («во время форума приграничных регионов «X»»), each
    with the word «время»; only the event ``only`` where given. «Во время» dates an act: a
    signing at that time was the event's, anything else need not be."""
    tokens = ctx.doc.tokens
    found = []
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT" or (only is not None and index != only):
            continue
        frame = _before_event_phrase(ctx, ctx.first(index))  # «во время XII … форума «X»»
        if frame >= 1 and tokens[frame].lemma == "время" \
                and tokens[frame - 1].lemma in ("в", "во"):
            found.append((index, frame))
    return found


def _events_as_place(ctx: Context) -> list[tuple[int, int]]:
    """The named events whose noun «на» opens in the prepositional case, the event the place
    of an act («на выставке «X»», «на XII международном форуме «X»», «на церемонии открытия
    выставки «X»»: past the event's parts), each with the token of the phrase's head; not «на
    выставку» (a way there), nor a phrase right after a noun or a name, which it may tell the
    place of («павильон области на выставке «X» построила компания «A»»)."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("event_nouns")
    parts = ctx.vocab.words("event_part_nouns")
    found = []
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT":
            continue
        noun = _event_noun_before(ctx, ctx.first(index))
        if noun < 1 or tokens[noun].lemma not in nouns:
            continue
        head = noun
        while head > 1 and head - 1 not in ctx.mention_at and tokens[head - 1].lemma in parts \
                and "Case=Loc" not in tokens[head].feats:
            head -= 1  # «на церемонии открытия выставки «X»»: the ceremony is the place
        opening = head - 1
        while opening > 0 and opening not in ctx.mention_at \
                and tokens[opening].pos in ("ADJ", "NUM"):
            opening -= 1
        if head == noun:
            opening = _event_phrase_opening(ctx, -1, ctx.first(index))
        if "Case=Loc" in tokens[head].feats and opening is not None \
                and tokens[opening].lemma == "на" and not (
                    opening > 0 and (tokens[opening - 1].pos in ("NOUN", "PROPN")
                                     or opening - 1 in ctx.mention_at)):
            found.append((index, head))
    return found


def _names_before_subjectless(ctx: Context, start: int, verb: int) -> list[int]:
    """Where the parse gives ``verb`` no subject, the names from ``start`` up to it that
    stand in the subject's place («во время форума X в Омске аким области A и глава
    области B заключили …»): persons, organisations and places in the nominative (or of no
    case read) right after no preposition, not an employer in a title phrase."""
    tokens = ctx.doc.tokens
    if start >= verb or any(tokens[c].rel in ("nsubj", "nsubj:pass")
                            for c in ctx.children.get(verb, [])):
        return []
    return [ctx.entity(i) for i in ctx.mentions_in(range(start, verb))
            if ctx.mention_type(i) in ("PER", "ORG", "LOC")
            and tokens[ctx.first(i) - 1].pos != "ADP"
            and case_of(tokens[ctx.first(i)]) in (None, "Nom") and not _employer(ctx, i)]


def _framed_events(ctx: Context) -> list[tuple[int, int]]:
    """The named events a frame noun opens («в рамках (II международного) форума X», «на
    полях выставки X»), each with the frame noun's token."""
    tokens = ctx.doc.tokens
    frames = ctx.vocab.words("event_frame_nouns")
    found = []
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT":
            continue
        frame = _past_place_participle(ctx, _event_noun_before(ctx, ctx.first(index)))
        # «в рамках II международного форума X», «в ходе торжественного открытия выставки X»
        while frame > 0 and frame not in ctx.mention_at and (
                tokens[frame].lemma in ctx.vocab.words("event_nouns")
                or tokens[frame].lemma in ctx.vocab.words("event_part_nouns")
                or tokens[frame].pos in ("ADJ", "NUM")):
            frame = _past_place_participle(ctx, frame - 1)
        if frame >= 1 and tokens[frame].lemma in frames \
                and tokens[frame - 1].lemma in ("в", "во", "на"):
            found.append((index, frame))
    return found


def _before_event_phrase(ctx: Context, first: int) -> int:
    """The word before the phrase of the event named at ``first``: past its event noun (and
    the noun's own words before the name), adjectives and ordinals («в рамках II
    международного форума «X»»: «рамках»); no further than a name."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("event_nouns")
    frame = _event_noun_before(ctx, first)
    while frame > 0 and frame not in ctx.mention_at and (
            tokens[frame].lemma in nouns or tokens[frame].pos in ("ADJ", "NUM")):
        frame -= 1
    return frame


def _event_noun_before(ctx: Context, first: int) -> int:
    """The event noun whose phrase the name at ``first`` ends, past the words of that phrase
    between them («форума приграничных регионов «X»», «форума регионов России и Беларуси
    «X»»: each word hangs on the noun); else the word right before the name."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words("event_nouns")
    for noun in range(first - 1, max(first - 9, -1), -1):
        if tokens[noun].lemma in nouns:
            inside = all(_hangs_on(ctx, w, noun, first) for w in range(noun + 1, first))
            return noun if inside else first - 1
    return first - 1


def _hangs_on(ctx: Context, word: int, noun: int, end: int) -> bool:
    """Does ``word`` depend on ``noun`` through words all between ``noun`` and ``end``?"""
    tokens = ctx.doc.tokens
    for _ in range(8):
        head = tokens[word].head_id
        if head == noun:
            return True
        if not noun < head < end:
            return False
        word = head
    return False


def _past_place_participle(ctx: Context, t: int) -> int:
    """Before ``t`` past a participle's place phrase that ends there («в рамках проходящей
    в Казани выставки X»: «проходящей в Казани»), or ``t`` itself."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(t)
    if index is None or ctx.mention_type(index) != "LOC":
        return t
    before = ctx.first(index) - 1
    if before >= 1 and tokens[before].lemma in ("в", "во") and is_participle(tokens[before - 1]):
        return before - 2
    return t


def _participle_group(ctx: Context, frame: int) -> int | None:
    """The delegation of known origin that a participle governing ``frame`` describes
    («делегация из Китая, прибывшая в рамках форума X»): the group named right before the
    participle's comma, in the participle's case, where the participle tells no plan."""
    tokens = ctx.doc.tokens
    verb = tokens[frame].head_id
    if verb < 1 or tokens[frame].rel != "obl" or tokens[verb].pos != "VERB" \
            or "VerbForm=Part" not in tokens[verb].feats or tokens[verb - 1].text != "," \
            or ctx.planned(verb) or ctx.in_speech(verb):
        return None
    sentence = ctx.sentence(tokens[verb].sent_id)
    ref = next((r for r in reversed(ctx.refs) if sentence.start <= r.token < verb - 1), None)
    if ref is None or case_of(tokens[ref.token]) != case_of(tokens[verb]) or any(
            tokens[b].pos not in NOMINAL_POS or tokens[b].text == ","
            for b in range(ref.token + 1, verb - 1)):
        return None  # «делегация из Китая, …»: only the group's own words before the comma
    return _group(ctx, ref)


def _happened(ctx: Context, verb: int) -> bool:
    """Is the verb's act told as done, not planned, future or quoted speech (no plan word in
    its sentence: «планирует провести переговоры на полях форума»)?"""
    tokens = ctx.doc.tokens
    # «забронировала площадь на выставке X»: a preparation, not yet a participation
    return tokens[verb].lemma not in ctx.vocab.words("event_preparation_verbs") and not (
        ctx.planned(verb) or ctx.in_speech(verb)
        or any(tokens[w].lemma in ctx.vocab.plan_words
               for w in ctx.sentence(tokens[verb].sent_id)))


def _governing_verb(ctx: Context, t: int) -> int | None:
    """The finite verb whose clause token ``t`` belongs to, through nominal dependents."""
    tokens = ctx.doc.tokens
    for _ in range(8):
        head = tokens[t].head_id
        if head < 0 or tokens[t].rel not in ("obl", "nmod", "nsubj", "nsubj:pass", "obj",
                                             "appos", "conj", "amod"):
            return None
        if tokens[head].pos in ("VERB", "AUX"):
            return head if "VerbForm=Fin" in tokens[head].feats else None
        t = head
    return None


@matcher("acted_at_named_event")
def acted_at_named_event(ctx: Context, rule: RelationRule) -> None:
    """«Тверская область ищет инвесторов на выставке X», «делегация завершила работу на
    «X»»: a delegation or place that is the subject of a verb whose clause is set at a named
    event («на», «в рамках») took part in it."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT" or not set_at(ctx, index, ctx.sentence(mention.sent_id)):
            continue
        head = next((t for t in ctx.mention_tokens(index)
                     if tokens[t].head_id not in ctx.mention_tokens(index)), None)
        verb = _governing_verb(ctx, head) if head is not None else None
        first_verb = _first_clause_verb(ctx, ctx.last(index) + 1)
        if first_verb is not None and (verb is None or _comma_between(ctx, first_verb, verb)):
            # «На ярмарке X в Y область предложила …, ведь туда приезжают …»: a parse that
            # hangs the event on a later clause's verb; the clause's own verb and the place
            # named between the event and it, by word order
            if _happened(ctx, first_verb) and (
                    place := _place_before_verb(ctx, ctx.last(index) + 1, first_verb)):
                ctx.add(rule, ctx.entity(place), ctx.entity(index), mention.sent_id)
            continue
        if verb is None or not _happened(ctx, verb) \
                or tokens[verb].lemma in ctx.vocab.words("invitation_verbs") \
                or _invited_to(ctx, head) or _event_to_come(ctx, index):
            continue  # (not «гости позвали коллег на выставку X»: an invitation)
        misread = _object_read_for_subject(ctx, verb)
        for child in ctx.children.get(verb, []):
            if tokens[child].rel != "nsubj" and child != misread:
                continue
            ref, place = ctx.ref_at(child), ctx.mention_at.get(child)
            if ref is not None:
                subject = _group(ctx, ref)
            elif place is not None and ctx.mention_type(place) == "LOC" \
                    and ("Case=Nom" in tokens[child].feats or child == misread) \
                    and not _presents_groups(ctx, verb):
                subject = ctx.entity(place)  # the place itself, not one its subject governs
            else:
                continue
            if subject is not None:
                ctx.add(rule, subject, ctx.entity(index), mention.sent_id)
        if verb > ctx.last(index) and not any(
                tokens[c].rel in ("nsubj", "nsubj:pass") and "Case=Nom" in tokens[c].feats
                for c in ctx.children.get(verb, [])) \
                and (place := _place_before_verb(ctx, ctx.last(index) + 1, verb)) is not None:
            # «На ярмарке X в Y область представила …» parsed with no nominative subject:
            # the place named between the event and the verb
            ctx.add(rule, ctx.entity(place), ctx.entity(index), mention.sent_id)


def _first_clause_verb(ctx: Context, start: int) -> int | None:
    """The first finite verb from ``start`` on in its sentence, with no comma, semicolon or
    dash before it."""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[start - 1].sent_id)
    for t in range(start, sentence.stop):
        if tokens[t].text in (",", ";", *DASHES):
            return None
        if is_finite_verb(tokens[t]):
            return t
    return None


def _comma_between(ctx: Context, first: int, last: int) -> bool:
    """Does a comma or semicolon stand between tokens ``first`` and ``last``?"""
    return any(ctx.doc.tokens[t].text in (",", ";") for t in range(first + 1, last))


def _place_before_verb(ctx: Context, start: int, verb: int) -> int | None:
    """The one place named between ``start`` and the verb that no preposition governs and
    that is in no oblique case («… в Харбине Хабаровский край в этом году предложил»)."""
    tokens = ctx.doc.tokens
    places = [i for i in ctx.mentions_in(range(start, verb))
              if ctx.mention_type(i) == "LOC" and not _after_preposition(ctx, i)
              and not any(case in tokens[t].feats for t in ctx.mention_tokens(i)
                          for case in ("Case=Gen", "Case=Dat", "Case=Ins", "Case=Loc"))]
    return places[0] if len(places) == 1 else None


@matcher("delegation_at_event")
def delegation_at_event(ctx: Context, rule: RelationRule) -> None:
    """«возглавил делегацию Турции на выставке «X»», «руководитель делегации Кувейта на
    форуме «X»»: a delegation named right before «на» and a named event (past its origin)
    took part in it, where its clause tells of no plan; «на» with the accusative is a way
    there («делегация отправится на выставку»), not this rule's."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "EVENT":
            continue
        sentence = ctx.sentence(mention.sent_id)
        start = _event_phrase_start(ctx, index, sentence)
        word = next((t for t in range(start, ctx.last(index) + 1)
                     if tokens[t].pos != "PUNCT"), start)  # «на «X»»: the name's first word
        if start - 2 < sentence.start or tokens[start - 1].lemma != "на" \
                or "Case=Acc" in tokens[word].feats or _event_to_come(ctx, index):
            continue  # (nor at «выставке «X», которая пройдёт в ноябре»: still to come)
        ref = _delegation_ending_at(ctx, start - 2, sentence)
        if ref is None or _act_not_done(ctx, ref.token):
            continue  # (nor «предстоящая работа делегации области на выставке X»)
        group = _group(ctx, ref)
        if group is not None:
            ctx.add(rule, group, ctx.entity(index), mention.sent_id)


@matcher("gathered_by_event")
def gathered_by_event(ctx: Context, rule: RelationRule) -> None:
    """«Выставка «X» собрала делегации из A, B и C»: the groups an event (the subject of a
    verb of ``event_gathering_verbs``, done) gathered took part in it (the groups listed with
    the first share it: ``participated_in.listed_groups``)."""
    tokens = ctx.doc.tokens
    for verb in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        if not _happened(ctx, verb.token_id) or not is_finite_verb(verb):
            continue
        events = [i for i in ctx.named_dependents(verb.token_id, "nsubj")
                  if ctx.mention_type(i) == "EVENT"]
        # (its object, or a second subject the parse made of it: «собрала делегации»)
        refs = [ref for c in ctx.children.get(verb.token_id, []) if tokens[c].rel in (
            "obj", "nsubj") and (ref := ctx.ref_at(c)) is not None]
        for event in events[:1]:
            for ref in refs:
                if (group := _group(ctx, ref)) is not None:
                    ctx.add(rule, group, ctx.entity(event), verb.sent_id)


def _told_as_done(ctx: Context, t: int) -> bool:
    """Is the verb over ``t`` (finite or a participle: «представлена») told as done — not
    planned, future, quoted or negated, a «не» or «будет» after it counted too («делегация
    на выставке представлена не будет»)? True where no verb is over it."""
    tokens = ctx.doc.tokens
    verb = ctx.verb_over(t)
    if verb is None:
        return True
    return _happened(ctx, verb) and not any(
        tokens[c].text.lower() in FUTURE_BE for c in ctx.children.get(verb, []))


def _delegation_ending_at(ctx: Context, t: int, sentence: range) -> Ref | None:
    """The delegation word whose phrase ends at ``t``: the word itself, or before its origin
    («делегацию Турции», «делегации Тверской области», «делегация из Китая»)."""
    tokens = ctx.doc.tokens
    for _ in range(4):
        if t < sentence.start:
            return None
        ref = ctx.ref_at(t)
        if ref is not None:
            return ref
        index = ctx.mention_at.get(t)
        if index is not None and ctx.mention_type(index) in ("LOC", "ORG"):
            t = ctx.first(index) - 1
        elif tokens[t].lemma in ("из", "от"):
            t -= 1
        else:
            return None
    return None


def _object_read_for_subject(ctx: Context, verb: int) -> int | None:
    """«Кедровская область на выставке X представила станки»: a parse reads a noun whose
    nominative and accusative coincide, first in the sentence, as an object before the
    verb. It is the subject where the verb has no subject, another object after it, and
    agrees with it in number and gender."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    if any(tokens[c].rel in ("nsubj", "nsubj:pass") for c in children) \
            or not any(tokens[c].rel == "obj" and c > verb for c in children):
        return None
    first = ctx.sentence(tokens[verb].sent_id).start
    for c in children:
        if tokens[c].rel == "obj" and c < verb and tokens[c].pos in ("NOUN", "PROPN") \
                and _agrees(tokens[c], tokens[verb]) \
                and all(tokens[w].pos == "ADJ" or tokens[w].text in QUOTE_OPEN
                        for w in range(first, c)):
            return c
    return None


def _agrees(noun: Token, verb: Token) -> bool:
    """Do a noun and a finite verb agree in number, and in gender where the verb shows it?"""
    def feature(token: Token, name: str) -> str | None:
        return next((f for f in token.feats.split("|") if f.startswith(name + "=")), None)

    number = feature(verb, "Number")
    gender = feature(verb, "Gender")
    return number is not None and feature(noun, "Number") == number \
        and (gender is None or feature(noun, "Gender") == gender)


@matcher("event_guest_groups")
def event_guest_groups(ctx: Context, rule: RelationRule) -> None:
    """«Иностранные делегации форума «X» побывали …», «Гости выставки «X» осмотрели …»,
    «В рамках форума «X» зарубежные делегации познакомились …»: a plural group word that
    names the event's guests, told as done, stands for every group the text tells of; each
    took part in the event."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    groups = [d.entity_id for d in ctx.delegations if d.entity_id >= 0
              and ctx.doc.entities[d.entity_id].normal and not d.awaited]
    if not groups:
        return
    words = vocab.delegation_heads | vocab.delegation_references
    for token in tokens:
        if token.lemma not in words or not _plural_subject_or_word(ctx, token) \
                or ctx.in_speech(token.token_id) or not _told_as_done(ctx, token.token_id):
            continue
        event = _event_of_guests(ctx, token)
        if event is not None and not _event_to_come(ctx, event):
            for group in groups:
                ctx.add(rule, group, ctx.entity(event), token.sent_id)


def _plural_subject_or_word(ctx: Context, token: Token) -> bool:
    """A word in the plural, or the subject of a verb in the plural («Делегации форума
    побывали»: the tagger may read a genitive singular there)."""
    if "Number=Plur" in token.feats:
        return True
    return token.rel == "nsubj" and token.head_id >= 0 \
        and "Number=Plur" in ctx.doc.tokens[token.head_id].feats


def _event_of_guests(ctx: Context, token: Token) -> int | None:
    """The event a plural group word names its guests of: its own genitive («делегации
    форума «X»»), or the frame of the clause it is the subject of («в рамках форума «X»
    делегации …»)."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(token.token_id, []):
        if tokens[child].rel != "nmod" or "Case=Gen" not in tokens[child].feats \
                or ctx.governed(child):
            continue
        index = ctx.mention_at.get(child)
        if index is None:  # «форума «X»»: the name after the event noun
            index = next((ctx.mention_at[n] for n in ctx.children.get(child, [])
                          if tokens[n].rel == "appos" and n in ctx.mention_at), None)
        if index is not None and ctx.mention_type(index) == "EVENT":
            return index
    # «В рамках форума «X» зарубежные делегации познакомились …»: several groups (a group
    # word in the plural: «гости» is as often one group) within the event's frame
    if token.rel != "nsubj" or token.lemma not in ctx.vocab.delegation_heads:
        return None
    for index in ctx.mentions_in(ctx.sentence(token.sent_id)):
        frame = _before_event_phrase(ctx, ctx.first(index)) \
            if ctx.mention_type(index) == "EVENT" else -1
        if frame >= 1 and tokens[frame].lemma in ctx.vocab.words("event_frame_nouns") \
                and _governing_verb(ctx, frame) == token.head_id:
            return index
    return None


@matcher("held_with_participation")
def held_with_participation(ctx: Context, rule: RelationRule) -> None:
    """«состоялся форум X с участием министра Y Петра Громова и делегации Z», «форум X,
    прошедший с участием компаний «A» и «B»»: who is named after «с участием» of a named
    event that took place took part in it."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger)):
        t = token.token_id
        if t == 0 or tokens[t - 1].lemma not in ("с", "при") \
                or ("Case=Ins" not in token.feats and tokens[t - 1].lemma == "с"):
            continue
        event, verb = _event_held_with(ctx, token.head_id)
        if event is None:
            # «форум X, который проходит в Житомире при участии …»: however the parse hung it
            event, verb = _event_of_relative_before(ctx, t - 1)
        site = ctx.entity(event) if event is not None else None
        if event is None and token.head_id >= 0:
            # «В ходе мероприятия с участием министра Y …»: the one event named just before
            site = _generic_event(ctx, token.head_id)
            verb = _past_clause_verb(ctx, token.head_id) if site is not None else None
        if site is None or verb is None or not _happened(ctx, verb):
            continue  # «форум пройдёт с участием …»
        for participant in _named_under(ctx, t):
            ctx.add(rule, participant, site, token.sent_id)


def _event_of_relative_before(ctx: Context, t: int) -> tuple[int | None, int | None]:
    """The named event right before a relative clause «, который проходит (в X)» or a
    participle «, прошедший (в X)» that ends at ``t``, and that clause's verb of taking
    place: read off the words, for a parse that hangs the clause's «при участии» elsewhere.
    The clause holds no other verb and names no one but places."""
    tokens, took_place = ctx.doc.tokens, ctx.vocab.words("took_place_verbs")
    sent_id, verb = tokens[t].sent_id, None
    for u in range(t - 1, max(t - 16, -1), -1):
        if tokens[u].sent_id != sent_id:
            break
        index = ctx.mention_at.get(u)
        if index is not None and ctx.mention_type(index) == "EVENT":
            comma = ctx.last(index) + 1
            opened = comma < len(tokens) and tokens[comma].text == "," and verb is not None
            return (index, verb) if opened else (None, None)
        if index is not None and ctx.mention_type(index) != "LOC":
            break
        if tokens[u].pos in ("VERB", "AUX"):
            if verb is not None or tokens[u].lemma not in took_place:
                break
            verb = u
    return None, None


def _past_clause_verb(ctx: Context, t: int) -> int | None:
    """The verb of the clause token ``t`` is in, where it tells a past act («подписали»,
    «был подписан»); None for a present, future or no verb."""
    tokens = ctx.doc.tokens
    for _ in range(8):
        head = tokens[t].head_id
        if head < 0 or tokens[t].rel not in ("obl", "nmod", "nsubj", "nsubj:pass", "obj"):
            return None
        if tokens[head].pos in ("VERB", "AUX"):
            tensed = [head, *(c for c in ctx.children.get(head, [])
                              if tokens[c].rel in ("aux", "aux:pass"))]
            return head if any("Tense=Past" in tokens[v].feats and "VerbForm=Fin" in tokens[v].feats
                               for v in tensed) else None
        t = head
    return None


def _event_held_with(ctx: Context, head: int) -> tuple[int | None, int | None]:
    """The named event «с участием» at ``head`` belongs to, and the verb telling it took
    place: the event noun it modifies («форум X с участием»; the event the subject of a
    «состоялся», «прошёл»), or that verb itself («форум X прошёл с участием»)."""
    tokens = ctx.doc.tokens
    if head < 0:
        return None, None
    if tokens[head].lemma in ctx.vocab.words("took_place_verbs"):
        verb = head
        subject = next((c for c in ctx.children.get(head, []) if tokens[c].rel == "nsubj"),
                       None)
    else:
        verb, subject = tokens[head].head_id, head
        if verb < 0 or tokens[verb].lemma not in ctx.vocab.words("took_place_verbs") \
                or tokens[head].rel != "nsubj":
            return None, None
    if subject is None:
        return None, None
    # «форум «X»»: the name in apposition to the event noun, or right after it
    names = (subject, *(c for c in ctx.children.get(subject, [])
                        if tokens[c].rel in ("appos", "flat:name")), subject + 1)
    event = next((ctx.mention_at[w] for w in names if w in ctx.mention_at), None)
    if event is None or ctx.mention_type(event) != "EVENT" or (
            subject not in ctx.mention_tokens(event)
            and tokens[subject].lemma not in ctx.vocab.words("event_nouns")):
        return None, None
    return event, verb


def _named_under(ctx: Context, t: int) -> list[int]:
    """The participants named in the phrase governed by ``t`` («участием министра X Петра
    Громова и компании «A»»): persons by name, delegations of a known origin, organisations
    and places that are no title's employer nor a dependent of another noun
    («представителей регионов России», «делегации из Китая» name no participant)."""
    found: list[int] = []
    seen: set[int] = set()
    stack, walked = list(ctx.children.get(t, [])), {t}
    while stack:
        word = stack.pop()
        if word in walked:
            continue  # (the parser's heads may run in a circle: «прошёл ← Раиса ← участием»)
        walked.add(word)
        stack += ctx.children.get(word, [])
        ref = ctx.ref_at(word)
        if ref is not None and (group := _group(ctx, ref)) is not None:
            found.append(group)
        index = ctx.mention_at.get(word)
        if index is None or index in seen:
            continue
        seen.add(index)
        head = ctx.mention_root(index)
        kind = ctx.mention_type(index)
        if head is not None and (kind == "PER" or (
                kind in ("ORG", "LOC") and not _employer(ctx, index)
                and _listed_under(ctx, head, t))):
            found.append(ctx.entity(index))
    return found


def _listed_under(ctx: Context, word: int, t: int) -> bool:
    """Is the name whose head is ``word`` one of the list ``t`` governs, through
    conjunctions and generic heads only («с участием компаний «A» и «B»»), not a noun's
    dependent nor a preposition's object?"""
    tokens = ctx.doc.tokens
    for _ in range(6):
        head = tokens[word].head_id
        if ctx.governed(word):
            return False
        if head == t:
            return True
        if head < 0 or head in ctx.mention_at or not (
                tokens[word].rel == "conj" or tokens[head].lemma in ctx.vocab.named_heads):
            return False
        word = head
    return False


@matcher("awarded_at_event")
def awarded_at_event(ctx: Context, rule: RelationRule) -> None:
    """«компания «A» получила медаль выставки X», «на выставке X компания «A» награждена
    дипломом», «организаторы выставки X вручили диплом делегации Y»: who received an
    award of a named event (or at it) took part in it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    awards = vocab.words("award_nouns")
    for token in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" not in token.feats or ctx.in_speech(t):
            continue
        award = next((c for c in ctx.children.get(t, []) if tokens[c].lemma in awards), None)
        sentence = ctx.sentence(token.sent_id)
        if award is None and token.lemma not in vocab.words("award_naming_verbs"):
            continue
        event = _award_event(ctx, award, sentence)
        if event is None:
            continue
        if token.lemma in vocab.words("award_giving_verbs"):
            # the recipient after the award: a delegation or an organisation (the giver, the
            # subject, is no recipient)
            after = [a for a in sentence if a > (award if award is not None else t)]
            ref = next((r for r in ctx.refs_in(token.sent_id) if r.token in after), None)
            names = [i for i in ctx.mentions_in(after) if i != event]
            found = [_group(ctx, ref)] if ref is not None else [
                ctx.entity(i) for i in names[:1]
                if ctx.mention_type(i) == "ORG" and not _employer(ctx, i)]
        else:
            found = _named_subjects(ctx, t)
        for participant in found:
            if participant is not None:
                ctx.add(rule, participant, ctx.entity(event), token.sent_id)


def _award_event(ctx: Context, award: int | None, sentence: range) -> int | None:
    """The named event of an award: the one the award noun or its giver («организаторы
    выставки X») governs, or the one the sentence is set at («на выставке X»)."""
    tokens = ctx.doc.tokens
    for index in ctx.mentions_in(sentence):
        if ctx.mention_type(index) != "EVENT":
            continue
        heads = {tokens[m].head_id for m in ctx.mention_tokens(index)}
        # «медаль выставки X»: through the event noun the name is in apposition to
        heads |= {tokens[h].head_id for h in heads if h >= 0}
        owners = {h for h in heads if h >= 0 and (
            h == award or tokens[h].lemma in ctx.vocab.words("event_host_nouns"))}
        if owners or set_at(ctx, index, sentence):
            return index
    return None


@matcher("opened_event")
def opened_event(ctx: Context, rule: RelationRule) -> None:
    """«Выставку «X» открыл губернатор Иван Петров», «канцлер A вместе с премьером B открыли
    ярмарку «X»»: the persons who opened a named event (in the past, not in quoted speech
    nor of another time) took part in it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" not in token.feats or "VerbForm=Fin" not in token.feats \
                or ctx.another_time(ctx.sentence(token.sent_id)):
            continue
        event = _event_object(ctx, t)
        if event is None or _quoted_statement(ctx, t):
            continue
        if any(tokens[c].lemma == "себя" for c in ctx.children.get(t, [])):
            continue  # «открыл для себя выставку»: found it, no opening
        people = [p for p in _named_subjects(ctx, t) if _is_person(ctx, p)]
        # «A вместе с премьером B открыли …»: the partner after «вместе с» opened it too
        people += [ctx.entity(i) for c in ctx.together_with(t) for i in _persons_at(ctx, c)]
        for person in dict.fromkeys(people):
            ctx.add(rule, person, ctx.entity(event), token.sent_id)


def _event_object(ctx: Context, verb: int) -> int | None:
    """The named event the verb takes as its object: the name itself («открыли «Иннопром»»)
    or in apposition to an event noun («открыли выставку «X»», «ярмарку X»)."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    # (a second «subject» after the verb is its object the parse misread: «A и B открыли в X
    # Российско-китайский Экспофорум»)
    subjects = [c for c in children if tokens[c].rel == "nsubj"]
    objects = [c for c in children if tokens[c].rel == "obj"
               or (tokens[c].rel == "nsubj" and c > verb and any(s < verb for s in subjects))]
    for obj in objects:
        words = [obj] if obj in ctx.mention_at else [
            c for c in (*ctx.children.get(obj, []), obj + 1)
            if tokens[obj].lemma in ctx.vocab.words("event_nouns")
            and (c == obj + 1 or tokens[c].rel in ("appos", "flat:name", "nmod"))]
        for w in words:
            index = ctx.mention_at.get(w)
            if index is not None and ctx.mention_type(index) == "EVENT" \
                    and (ctx.first(index) >= obj or obj in ctx.mention_tokens(index)):
                return index
    return None


@matcher("met_on_sidelines")
def met_on_sidelines(ctx: Context, rule: RelationRule) -> None:
    """«На полях форума X губернатор Иван Петров встретился с послом Петром Сидоровым»,
    «сообщил Y на встрече с коллегой Z на полях саммита X», «на форуме X Y посетил стенд и
    встретился с Z»: who meets at an event or on its sidelines (the subject and the partner
    after «с») was there. Only «на», «на полях» and «в кулуарах»: a meeting merely «в
    рамках» an event need not be at it (on dev half a such persons were not in gold)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        meeting = token.token_id
        verb = meeting if token.pos == "VERB" else _governing_verb(ctx, meeting)
        if verb is None or "VerbForm=Fin" not in tokens[verb].feats \
                or not _happened(ctx, verb):
            continue
        holding = ctx.vocab.words("took_place_verbs") | ctx.vocab.words("host_event_verbs")
        if meeting != verb and not ctx.governed(meeting, "на") \
                and tokens[verb].lemma not in holding:
            continue  # «прокомментировал встречу X с Y», «отказался от встречи»: not his
        # «посетил стенд на форуме X и встретился с Y»: the first verb of a pair holds the
        # setting and the subject
        first = tokens[verb].head_id if tokens[verb].rel == "conj" \
            and tokens[tokens[verb].head_id].pos == "VERB" else verb
        for event in _sideline_events(ctx, meeting, verb, first):
            people: list[int] = []
            for c in (*ctx.children.get(verb, []), *ctx.children.get(first, [])):
                if tokens[c].rel == "nsubj":
                    people.extend(_persons_at(ctx, c))
            for c in _partners(ctx, meeting):
                people.extend(_persons_at(ctx, c))
            for person in people:
                ctx.add(rule, ctx.entity(person), ctx.entity(event), token.sent_id)


def _sideline_events(ctx: Context, meeting: int, verb: int, first: int) -> list[int]:
    """The named events whose «на», «на полях» or «в кулуарах» phrase hangs on the meeting
    word, its verb or the first verb of a pair, or the partner after «с» (a parse's
    choice)."""
    tokens = ctx.doc.tokens
    found = []
    partners = _partners(ctx, meeting)
    for head in dict.fromkeys((meeting, verb, first, *partners)):
        for frame in ctx.children.get(head, []):
            if ctx.governed(frame, "на"):  # «на форуме X», «на ПМЭФ»: at the event itself
                for w in (frame, *ctx.children.get(frame, [])):
                    index = ctx.mention_at.get(w)
                    if index is not None and ctx.mention_type(index) == "EVENT" and (
                            w == frame or tokens[w].rel in ("appos", "flat:name")):
                        found.append(index)
            if tokens[frame].lemma not in ctx.vocab.words("sideline_nouns") \
                    or not ctx.governed(frame, "на", "в", "во"):
                continue
            for g in ctx.children.get(frame, []):
                for w in (g, *ctx.children.get(g, [])):
                    index = ctx.mention_at.get(w)
                    if index is not None and ctx.mention_type(index) == "EVENT":
                        found.append(index)
    return list(dict.fromkeys(found))


def _partners(ctx: Context, meeting: int) -> list[int]:
    """The words after «с» a meeting word governs, or that a parse hung on the «на (полях)
    форума X» phrase between («встретился на полях форума X с министром Y»)."""
    tokens = ctx.doc.tokens
    frames = [c for c in ctx.children.get(meeting, []) if ctx.governed(c, "на")]
    nested = [g for f in frames for w in (f, *ctx.children.get(f, []))
              for g in ctx.children.get(w, []) if g > meeting and tokens[g].rel == "nmod"]
    return [c for c in (*ctx.children.get(meeting, []), *nested) if ctx.governed(c, "с")]


def _persons_at(ctx: Context, t: int) -> list[int]:
    """The person named at ``t`` or in apposition to the title there («губернатор Иван
    Петров», «коллегой Петром Сидоровым»), not one a title's place phrase names."""
    tokens = ctx.doc.tokens
    found = []
    for w in (t, *(c for c in ctx.children.get(t, []) if tokens[c].rel in ("appos", "flat:name"))):
        index = ctx.mention_at.get(w)
        if index is not None and ctx.mention_type(index) == "PER":
            found.append(index)
    return list(dict.fromkeys(found))


@matcher("participated_on_stand")
def participated_on_stand(ctx: Context, rule: RelationRule) -> None:
    """«Делегация края участвует в ярмарке «X». На стенде края представлены более 25
    предприятий, в том числе компании «A» и «B»»: the organisations named after a stand's
    word (``rule.trigger``) after «на»/«в», in the sentence's own clause and no preposition's,
    took part in the one event the text named before it (in that sentence or the two before)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        before = t - 1
        while before > 0 and tokens[before].rel == "amod" and tokens[before].head_id == t:
            before -= 1  # «На объединённом (коллективном) стенде республики»
        if before < 0 or tokens[before].lemma not in ("на", "в", "во") or ctx.in_speech(t):
            continue
        _names_shown_at_event(ctx, rule, t)


@matcher("had_stand")
def had_stand(ctx: Context, rule: RelationRule) -> None:
    """«На форуме у Астраханской области был собственный стенд», «… «Эгейский диалог», где у
    Краснодарского края был отдельный стенд»: whose stand an event had, after «у», took part
    in the one event the text named before it (in that sentence or the two before)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        verb = token.head_id
        if token.rel != "nsubj" or verb < 0 or tokens[verb].lemma != "быть" \
                or ctx.planned(verb) or ctx.in_speech(t):
            continue
        owner = next((ctx.mention_at.get(c) for c in ctx.children.get(verb, [])
                      if tokens[c].rel == "obl" and ctx.governed(c, "у")
                      and c in ctx.mention_at), None)
        if owner is None or ctx.mention_type(owner) not in ("LOC", "ORG"):
            continue
        event = _one_event_before(ctx, t)
        if event is not None:
            ctx.add(rule, ctx.entity(owner), event, token.sent_id)


def _one_event_before(ctx: Context, t: int) -> int | None:
    """The one event (entity) the text names before ``t``, in its sentence or the two
    before; None where none or several are."""
    sent_id = ctx.doc.tokens[t].sent_id
    events = {ctx.entity(i) for i, m in enumerate(ctx.doc.mentions)
              if m.type == "EVENT" and ctx.last(i) < t and sent_id - 2 <= m.sent_id <= sent_id}
    return events.pop() if len(events) == 1 else None


def _names_shown_at_event(ctx: Context, rule: RelationRule, t: int) -> None:
    """The organisations named after ``t`` in its sentence (in its own clause, no
    preposition's) took part in the one event the text named before it (in that sentence or
    the two before)."""
    tokens = ctx.doc.tokens
    token = tokens[t]
    event = _one_event_before(ctx, t)
    if event is None:
        return
    verb = ctx.verb_over(t)
    if verb is not None and ctx.planned(verb):
        return
    sentence = ctx.sentence(token.sent_id)
    for index in ctx.mentions_in(range(t + 1, sentence.stop)):
        # (the name, or its head word right before it: «с компанией «Y»» is a partner)
        head = ctx.first(index) - 1
        if after_among_them(ctx, head + 1):
            head = -1  # «…, в том числе «A»»: a name of the list, no preposition's
        words = [w for w in (ctx.mention_root(index), head) if w is not None and w >= 0 and (
            w != head or (tokens[w].pos == "NOUN" and tokens[w].text.islower()))]
        if ctx.mention_type(index) not in ("ORG", "LOC") or ctx.title_dependent(index) \
                or any(ctx.governed(w) for w in words) or _agent_of_participle(ctx, index) \
                or (ctx.mention_type(index) == "LOC" and not _shown_place(ctx, index, t)):
            continue
        ctx.add(rule, ctx.entity(index), event, token.sent_id)


def _shown_place(ctx: Context, index: int, t: int) -> bool:
    """Is the place itself shown at the stand at ``t`` («На стенде представлены Республика
    X и Y область»: a subject in the nominative, or one joined to it), not where what is shown
    comes from («предприятия регионов России»)?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if root is None:
        return False
    for _ in range(4):  # «Нижегородская, Самарская и Ростовская области»: up the adjectives
        if tokens[root].rel not in ("conj", "amod") or tokens[root].head_id < 0:
            break
        root = tokens[root].head_id
    # the stand's own verb's subject, no clause's («показано, чем уникален X»)
    return tokens[root].rel in ("nsubj", "nsubj:pass") and "Case=Nom" in tokens[root].feats \
        and tokens[root].head_id == tokens[t].head_id and not any(
            tokens[w].rel == "mark" for w in range(t + 1, ctx.first(index)))


def _agent_of_participle(ctx: Context, index: int) -> bool:
    """Is the name the agent of a participle («стенде, организованном Центром X»): who made
    the stand, not one shown on it?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    head = tokens[root].head_id if root is not None else -1
    return head >= 0 and "VerbForm=Part" in tokens[head].feats \
        and case_of(tokens[root]) == "Ins"
