"""VISITED: a delegation at a site (park, organisation, place, event).

Phrasings: a visit clause («делегация посетила технопарк X», «Технопарк X посетила делегация»,
«визит делегации в Y», lists after «среди них», «в частности» or across «;»,
«они»/«журналисты»/«группа депутатов посетили» for the group, «в рамках её пребывания в Y», a bare
«технопарк» for the one site named with that word), a relative clause over a list after a dash («В
числе предприятий, которые посетили гости, — X и Y»), a colon list after a visit noun («Программа
визита: X, Y»), a second «на/в» place of the verb after a comma, a subjectless tour verb after a
sentence about the group («Затем осмотрели X»), its head's own visit («губернатор области посетил
X», «Посещая X, …»), presence («в X находится делегация», «глава делегации находится в Y»), an
event taken part in, a meeting after it («Встреча прошла в X»), a meeting held at a site («круглый
стол в Бизнес-инкубаторе», «встретились на площадке технопарка X», «губернатор встретился с
делегацией в Y»), the leadership of a body met («встретились с руководством комитета X», also in
the sentence after its visit) or the head of a body met («встретилась с председателем
облисполкома X»), what the group did in a place («подписала соглашение в X»), the
official who met or received the group («мэр города X встретился с делегацией»), staff that showed
the guests round («директор X ознакомил гостей с лабораториями»), the place of an event or site
visited («ярмарку Y в городе Z»), the town an event taken part in was held in (any sentence),
a member's own visit, a stop of the tour («Следующей точкой
маршрута стал завод X»), the place of a clause the group's visit frames («Подписание состоялось в
городе X, в рамках поездки делегации Y»). Kept out: purposes, plans and invitations, another
group's clause, a place that only locates another, the group's own names.
Vocabulary:
``visit_triggers``, ``visit_motion_verbs``, ``plan_words``, ``visit_purpose_words``,
``visit_list_openers``, ``contrast_words``, ``group_pronouns``, ``group_possessives``,
``group_singular_pronouns``, ``person_pronouns``, ``visitor_nouns``, ``quantity_nouns``,
``presence_verbs``,
``head_presence_verbs``, ``host_meeting_words``, ``host_leader_nouns``, ``host_verbs``,
``meeting_words``, ``meeting_followup_nouns``, ``took_place_verbs``, ``meeting_nouns``,
``premises_nouns``, ``tour_nouns``, ``site_objects``, ``site_descriptors``,
``group_tour_words``, ``org_legal_forms``, ``route_stop_nouns``, ``route_nouns``,
``visit_frame_nouns``, ``body_head_titles``, ``acquaintance_verbs``, ``invitation_nouns``,
``visit_preparation_nouns``, ``head_trip_nouns``, ``narrator_aside_verbs``,
``bringing_verbs``.
A group never visits the place it comes from (``Context.add``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ..doc import DELEGATION, WEB_ADDRESS, Mention, Token, fold
from ..morph import compound_head, dictionary_cases, parse_feats
from ..normal_form import DASHES
from ..places import Place, gazetteer, is_town, region_of
from ..rules import RelationRule
from .context import (
    DASH_OR_HYPHEN,
    HOME_COUNTRY,
    PLACE_PREPOSITIONS,
    QUOTE_OPEN,
    SITE_TYPES,
    Context,
    Delegation,
    Ref,
    bare_region_word,
    before_lower_adjectives,
    case_of,
    clause_subjects,
    feats_agree,
    head_with_lemma,
    in_as_reported_clause,
    is_finite_verb,
    is_participle,
    matcher,
    name_at,
    names_employer,
    past_finite_verb,
    resolve_place,
    with_partner,
)
from .delegations import (
    ORIGIN_PREPOSITIONS,
    a_headline,
    adjective_place,
    first_told,
    from_several_places,
    leader_named,
    mention_place,
    place_after,
    plural_group_word,
)
from .events import set_at

PROGRAMME_LINES = 12  # a dash-led list of a visit's programme runs this many lines at most
REMOTE_DEPTH = 3  # words of a visit's phrase this many steps down may make it remote


def _joined_verb_argument(ctx: Context, index: int, trigger: int) -> bool:
    """Is the name an argument of a verb joined to the visit verb that tells no visit
    («провела переговоры … и подписала с Министерством X соглашение», «… и подписала
    соглашение о сотрудничестве с корпорацией X»): whom the group signed with, not where it
    went?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    verb = ctx.verb_over(root, steps=4) if root is not None else None
    # (joined to the visit verb, or to the verb the visit's clause hangs on: «побывала в Уфе,
    # где посетила технопарк X, и подписала …»)
    joined_to = [trigger]
    if tokens[trigger].rel == "acl:relcl":
        joined_to.append(ctx.verb_over(tokens[trigger].head_id, steps=2))
    return verb is not None and verb > trigger and tokens[verb].pos == "VERB" \
        and tokens[verb].rel == "conj" and tokens[verb].head_id in joined_to \
        and tokens[verb].lemma not in ctx.vocab.visit_triggers


def visit_targets(ctx: Context, scope: list[int], trigger: int | None = None) -> list[int]:
    """The sites a visit clause names: not the group's origin, not a place that only says
    where another site is, not an employer in a title or a delegation's own phrase, not a
    place after a purpose word («с целью знакомства с …»); for a noun trigger («визит в X»)
    only what its own phrase governs."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    purposes = vocab.words("visit_purpose_words")
    # the «стать» a noun trigger is a stop of («первым объектом посещения стал X»), once
    stop = _tour_stop(ctx, trigger) if trigger is not None \
        and tokens[trigger].pos == "NOUN" else None
    # (the object the parse hung on the group's visit noun before the verb is the verb's)
    fronted = _object_left_unparsed(ctx, trigger) if trigger is not None else None
    outcome = _outcome_of_trip(ctx, trigger) if trigger is not None else None
    targets = []
    for index in ctx.mentions_in(scope):
        mention = ctx.doc.mentions[index]
        if mention.type not in SITE_TYPES or index in ctx.origin_mentions:
            continue
        head = list_head(ctx, index)
        # (a site after «а», another group's word and a dash is that group's, not its phrase)
        gapped = trigger is not None \
            and _other_group_between(ctx, None, trigger, ctx.first(index)) is not None
        if any(ctx.title_dependent(i) or (ctx.ref_dependent(i) and not _destination(ctx, i)
                                          and i != fronted and not gapped
                                          and not _trip_noun_object(ctx, i, trigger))
               or _origin_aside(ctx, i) for i in {index, head}) or ctx.located_part(index) \
                or _place_of_place(ctx, index) or _owner_of_site(ctx, index):
            continue
        if _group_genitive(ctx, index):
            continue  # «делегация аймака Сэлэнгэ»: where the group comes from
        if _agreement_partner(ctx, index) or _between_sides(ctx, index):
            continue  # «в рамках соглашения с Шаньдуном …», «подписания проектов между
            # китайским X и японским Y»: a partner, not a site
        if ctx.first(index) > 0 and ctx.doc.tokens[ctx.first(index) - 1].lemma == "через":
            continue  # «прибыла в Калугу (транзитом) через Москву»: passed through
        if _before_it(ctx, index):
            continue  # «прибыли накануне форума «X»»: a time, the event still to come
        if ctx.dateline(index, any_part=True) or _place_of_thing(ctx, index) \
                or _exhibitor(ctx, index) or _returned_to(ctx, index) \
                or _compared_within(ctx, index) or _web_address(mention) \
                or _inviter(ctx, head) or _in_head_title(ctx, index) \
                or _holder_after_dash(ctx, index) \
                or _ranked_within(ctx, index) or _topic_named(ctx, index) \
                or _works_learned_of(ctx, index) or _told_about(ctx, index):
            continue
        if trigger is not None and (_under_other_plan(ctx, index, trigger)
                                    or _gapped_other_subject(ctx, index, trigger)
                                    or _met_with(ctx, index, trigger)):
            continue
        if _in_clause_of_people(ctx, head, trigger) \
                or (trigger is not None and _among_companions(ctx, head, trigger)):
            continue
        if trigger is not None:
            first = ctx.first(index)
            if outcome is not None and first < outcome:
                continue  # «на совещании в Доме X подвёл итоги поездки»: where it was told
            if first > trigger and any(tokens[t].lemma in purposes
                                       and ctx.ref_at(tokens[t].head_id) is None
                                       for t in range(trigger + 1, first)):
                continue  # (not «провёл для гостей экскурсию по X»: whom it was for)
            if tokens[trigger].pos == "NOUN" and not _governed_by(ctx, index, trigger) \
                    and not _right_after_noun(ctx, index, trigger) \
                    and not _place_of_verb(ctx, index, trigger) \
                    and not _place_held_at(ctx, index, trigger) \
                    and not _listed_after_break(ctx, index, trigger) \
                    and not (stop is not None and _named_as_stop(ctx, index, stop)):
                continue
        targets.append(index)
    return targets


def _held_for_group(ctx: Context, ref: Ref, trigger: Token) -> bool:
    """«Для делегации Деловой совет Шарджи провёл бизнес-семинар»: a group after «для» that a
    named subject holds a meeting for (not a tour: «директор провёл для гостей экскурсию по
    заводу» is a visit) is shown no site by that clause."""
    tokens = ctx.doc.tokens
    verb = ctx.verb_over(trigger.token_id)
    if verb is None or not ctx.governed(ref.token, "для") or ctx.verb_over(ref.token) != verb:
        return False
    children = ctx.children.get(verb, [])
    host = any(tokens[c].rel == "nsubj" and c in ctx.mention_at for c in children)
    meeting = any(tokens[c].rel == "obj" and compound_head(tokens[c].lemma)
                  in ctx.vocab.words("meeting_nouns") for c in children)
    return host and meeting


def _among_companions(ctx: Context, index: int, trigger: int) -> bool:
    """«приехал с представителями шести компаний, среди них — «X» и «Y»»: is the site after
    the trigger, past «с» and people («представителями», «инженерами») with no «в» / «на»
    nor verb between: the bodies the travellers' companions are of, no site?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    if first <= trigger or tokens[first].sent_id != tokens[trigger].sent_id \
            or any(tokens[t].head_id == trigger and tokens[t].rel in ("obj", "obl")
                   for t in range(first, ctx.last(index) + 1)):
        return False  # (the trigger's own object: «посетила вместе с … завод «X»»)
    companions = False
    for t in range(trigger + 1, first):
        if tokens[t].lemma in ("в", "во", "на", "по") or tokens[t].pos in ("VERB", "AUX"):
            companions = False
        elif tokens[t].lemma in ("с", "со") and t + 1 < first:
            noun = next((u for u in range(t + 1, first) if tokens[u].pos == "NOUN"), None)
            companions = noun is not None and "Animacy=Anim" in tokens[noun].feats \
                and "Number=Plur" in tokens[noun].feats and ctx.ref_at(noun) is None
    return companions


def _in_clause_of_people(ctx: Context, index: int, trigger: int | None) -> bool:
    """«провели встречи с предпринимателями, которые входят в палату «X»», «… с
    предпринимателями, входящими в палату «X»»: is the site (the first of a list) in a
    clause, below the trigger, that tells of people the group met, no group's word?"""
    tokens = ctx.doc.tokens
    t = ctx.first(index)
    for _ in range(8):  # a bounded walk up the parse (which may hold a cycle)
        t = tokens[t].head_id
        if t < 0 or t == trigger:
            return False
        if tokens[t].rel in ("acl", "acl:relcl") and tokens[t].head_id >= 0:
            owner = tokens[tokens[t].head_id]
            return owner.pos == "NOUN" and "Animacy=Anim" in owner.feats \
                and "Number=Plur" in owner.feats and ctx.ref_at(owner.token_id) is None
    return False


def _met_with(ctx: Context, index: int, trigger: int) -> bool:
    """«провели встречи с группой «X», а также с Палатой «Y»», «приняли участие в деловых
    встречах с компаниями «X», «Y»»: what a meeting noun's «с» takes (the name or the noun
    before it, past others listed after the first «с») is whom the group met, not a site."""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    meetings = ctx.vocab.words("meeting_nouns")
    # the meeting noun: the trigger itself, or one after it («провели встречи с …»)
    noun = next((t for t in range(trigger, first) if tokens[t].pos == "NOUN"
                 and tokens[t].lemma in meetings and t not in ctx.mention_at), None)
    if noun is None or tokens[noun].sent_id != tokens[first].sent_id:
        return False
    for t in range(noun + 1, first):
        if tokens[t].lemma in PLACE_PREPOSITIONS and t not in ctx.mention_at:
            return False  # «встреча в офисе компании X»: where it was held
    return any(tokens[t].lemma in ("с", "со") and t not in ctx.mention_at
               for t in range(noun + 1, first))


def _before_it(ctx: Context, index: int) -> bool:
    """Is the mention named after «накануне» or «перед» (``before_event_prepositions``), or
    an event after «до», with its own noun between or not («накануне форума «X»», «за месяц
    до Восточного форума»)?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    before = ctx.vocab.words("before_event_prepositions")
    for t in (first - 1, first - 2):
        if t < 0 or tokens[t].sent_id != tokens[first].sent_id:
            return False
        # («за месяц до форума «X»»: «до» an event is a time too; «до Москвы» is a way)
        if tokens[t].lemma in before or (
                tokens[t].lemma in ctx.vocab.words("before_event_only_prepositions")
                and ctx.mention_type(index) == "EVENT"):
            return True
        if tokens[t].pos != "NOUN" or t in ctx.mention_at:
            return False
    return False


def _outcome_of_trip(ctx: Context, trigger: int) -> int | None:
    """The outcome noun a trip noun is the genitive of («итоги поездки», «результаты
    визита»: ``trip_outcome_nouns``); None where it hangs on none."""
    tokens = ctx.doc.tokens
    head = tokens[trigger].head_id
    if tokens[trigger].pos != "NOUN" or head < 0 or "Case=Gen" not in tokens[trigger].feats \
            or tokens[head].lemma not in ctx.vocab.words("trip_outcome_nouns"):
        return None
    return head


def _agreement_partner(ctx: Context, index: int) -> bool:
    """Is the mention the other side of an agreement noun's «с» («соглашения с провинцией
    Шаньдун», «меморандума с компанией X»)?"""
    t = with_partner(ctx, index)
    return t is not None \
        and compound_head(ctx.doc.tokens[t - 1].lemma) in ctx.vocab.words("agreement_nouns")


def _between_sides(ctx: Context, index: int) -> bool:
    """Is the mention one of the sides «между» names, past their adjectives («между
    китайским Вэйфаном и японским Токио»)?"""
    tokens = ctx.doc.tokens
    for _ in range(2):  # (the second side: back over «и» to the first)
        t = before_lower_adjectives(ctx, ctx.first(index) - 1)
        if tokens[t].lemma == "между":
            return True
        if tokens[t].lemma != "и" or t < 1 or (index := ctx.mention_at.get(
                before_lower_adjectives(ctx, t - 1))) is None:
            return False
    return False


def _group_genitive(ctx: Context, index: int) -> bool:
    """Is the place named right after a group word, past its place word («делегация аймака
    X», «делегации провинции Y»), whatever the parse made of them?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    return first >= 2 and tokens[first - 1].lemma in ctx.vocab.place_descriptors \
        and (ref := ctx.ref_at(first - 2)) is not None \
        and tokens[ref.token].lemma in ctx.vocab.delegation_heads


def _gapped_other_subject(ctx: Context, index: int, trigger: int) -> bool:
    """Is the site in a later comma chunk whose verb is left out and whose subject is
    another («Гродненцы осмотрели технопарк X, омичи — завод Y»): a nominative word for people
    of its own before a dash opens it, no reference to the verb's group?"""
    tokens = ctx.doc.tokens
    for chunk in ctx.chunks(tokens[trigger].sent_id):
        if chunk[0] <= trigger or index not in {ctx.mention_at.get(t) for t in chunk}:
            continue
        words = [t for t in chunk if tokens[t].pos != "PUNCT"]
        # (a subject: a nominative of people, not a time, «утром — завод «Y»»)
        return len(words) >= 2 and words[0] not in ctx.mention_at \
            and tokens[words[0]].pos in ("NOUN", "PROPN") and ctx.ref_at(words[0]) is None \
            and "Case=Nom" in tokens[words[0]].feats \
            and "Animacy=Anim" in tokens[words[0]].feats \
            and words[0] + 1 < len(tokens) and tokens[words[0] + 1].text in DASHES
    return False


def _trip_noun_object(ctx: Context, index: int, trigger: int | None) -> bool:
    """«Знакомство делегации с технопарком X», «Посещение делегацией технопарка Y»: a name
    the parse hangs on the visit noun itself, after the group word, is what the visit took
    in, not a word of the group's phrase: one with «с», or a genitive where the group is the
    doer in the instrumental."""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if root is not None and tokens[root].rel == "appos":
        root = tokens[root].head_id  # «завода «X»»: the descriptor before the name
    if trigger is None or tokens[trigger].pos != "NOUN" or root is None \
            or tokens[root].head_id != trigger or tokens[root].rel != "nmod":
        return False
    refs = [r.token for r in ctx.refs_in(tokens[trigger].sent_id) if trigger < r.token < root]
    return bool(refs) and (ctx.governed(root, "с", "со") or (
        case_of(tokens[root]) == "Gen" and not ctx.governed(root)
        and any(case_of(tokens[r]) == "Ins" for r in refs)))


def _under_other_plan(ctx: Context, index: int, trigger: int) -> bool:
    """«посетила Омск и в ближайшие дни посетит Тюмень»: a site whose own verb is another one
    than the visit word's, and planned or future, is a stop still to come."""
    verb = ctx.verb_over(ctx.first(index))
    return verb is not None and verb != trigger and ctx.planned(verb)


def _holder_after_dash(ctx: Context, index: int) -> bool:
    """Is the place followed by a dash and a person («консулы: Австралии – С. П. Кедров,
    …»): the place whose post he holds, no site?"""
    tokens, after = ctx.doc.tokens, ctx.last(index) + 1
    person = ctx.mention_at.get(after + 1) if after + 1 < len(tokens) else None
    return ctx.mention_type(index) == "LOC" and person is not None \
        and tokens[after].text in DASH_OR_HYPHEN \
        and ctx.mention_type(person) == "PER" and ctx.first(person) == after + 1


def _in_head_title(ctx: Context, index: int) -> bool:
    """«делегация во главе с заместителем директора одного из предприятий — товарищества «X»
    Имя»: what a head's long title names, between «во главе с» and his name, is whose he is,
    not a site (a verb or a person ends that phrase)."""
    tokens, leaders = ctx.doc.tokens, ctx.vocab.leader_nouns
    first = ctx.first(index)
    for t in range(first - 1, max(first - 30, 0), -1):
        token = tokens[t]
        if token.sent_id != tokens[first].sent_id or token.pos in ("VERB", "AUX") or (
                t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "PER"):
            return False
        if token.lemma in leaders and tokens[t - 1].lemma in ("в", "во", "под"):
            # not «во главе делегации России в Ташкент прибыл …»: the group's phrase, whose
            # places are the verb's
            return not _group_word_led(ctx, t)
    return False


def _group_word_led(ctx: Context, leader: int) -> bool:
    """Does a word for the group follow «во главе» («во главе (японской) делегации»), so that
    what comes after is no head's title («во главе с министром X»)?"""
    tokens = ctx.doc.tokens
    after = range(leader + 1, min(leader + 3, len(tokens)))
    return bool(after) and tokens[after[0]].lemma not in ("с", "со") \
        and any(ctx.ref_at(t) is not None for t in after)


def _post_abroad(ctx: Context, index: int) -> bool:
    """«во главе с Послом Кении в Российской Федерации X»: the place after a title and the
    country it serves (nothing but names and nominals between, no word for the group) is
    where the official serves, not where the group met."""
    tokens = ctx.doc.tokens
    before = ctx.first(index) - 1
    if before < 1 or tokens[before].lemma not in ("в", "во"):
        return False
    for t in range(before - 1, max(before - 8, -1), -1):
        token = tokens[t]
        if ctx.ref_at(t) is not None or token.pos not in ("NOUN", "PROPN", "ADJ") \
                or token.sent_id != tokens[before].sent_id:
            return False
        if t not in ctx.mention_at and ctx.vocab.is_title(token.lemma):
            return True
    return False


def _inviter(ctx: Context, index: int) -> bool:
    """«посетили Новосибирск по приглашению Центра X»: who invited the group is named for
    that, not as a site it saw."""
    tokens = ctx.doc.tokens
    root = next((t for t in ctx.mention_tokens(index)
                 if tokens[t].head_id not in ctx.mention_tokens(index)), None)
    governor = tokens[root].head_id if root is not None else -1
    # («по приглашению губернатора области X»: through the title; «по приглашению компании
    # «X»»: through the name's own kind word right before it)
    for _ in range(2):
        if governor < 0:
            return False
        if tokens[governor].lemma in ctx.vocab.words("invitation_nouns"):
            return True
        if not ctx.vocab.is_title(tokens[governor].lemma) and not (
                governor == ctx.first(index) - 1 and tokens[governor].pos == "NOUN"):
            return False
        governor = tokens[governor].head_id
    return False


def _listed_after_break(ctx: Context, index: int, trigger: int) -> bool:
    """«Программа визита: технопарк X, завод Y»: a list after a colon or dash that closes the
    visit noun's phrase (no verb between) names what the visit took in."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    breaks = [t for t in range(trigger + 1, first)
              if tokens[t].text in (":", *DASH_OR_HYPHEN) and t not in ctx.mention_at]
    if not breaks:
        return False
    return not any(tokens[t].pos in ("VERB", "AUX") and t not in ctx.mention_at
                   for t in range(trigger + 1, first))


def _relative_list(ctx: Context, token_id: int, scope: list[int]) -> list[int]:
    """«В числе предприятий, которые посетили гости, — завод X и фабрика Y»: a visit verb in a
    relative clause whose noun the sentence then lists after a dash or colon."""
    tokens = ctx.doc.tokens
    token = tokens[token_id]
    if token.rel != "acl:relcl" or not scope:
        return []
    sentence = ctx.sentence(token.sent_id)
    t = scope[-1] + 1
    while t < sentence.stop and tokens[t].text == "," and t not in ctx.mention_at:
        t += 1
    # (a hyphen standing alone between words is a dash: «…, которые посетили гости, - X»)
    if t >= sentence.stop or tokens[t].text not in (*DASH_OR_HYPHEN, ":") \
            or t in ctx.mention_at:
        return []
    listed = []
    for item in range(t + 1, sentence.stop):
        if tokens[item].pos in ("VERB", "AUX") and item not in ctx.mention_at:
            break
        listed.append(item)
    return listed


def _attached_chunk(ctx: Context, chunk: list[int], trigger: int) -> bool:
    """«побывала на заводе X, на предприятиях по производству стекла Y и …», «осмотрела цеха
    завода X, лабораторию технопарка Y»: a comma chunk that hangs on the visit verb as a second
    place or object of it (opening with «в/на», or joined to its object), with a name in it."""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT" or t in ctx.mention_at]
    if not words or not ctx.mentions_in(chunk) \
            or any(tokens[t].pos in ("VERB", "AUX") and t not in ctx.mention_at for t in words):
        return False
    roots = [t for t in words if tokens[t].head_id not in chunk]
    if tokens[words[0]].lemma not in ("в", "во", "на") \
            and not any(tokens[t].rel in ("conj", "obj") for t in roots):
        return False
    return any(_word_governed_by(ctx, t, trigger) for t in roots)


def _where_the_origin_is(ctx: Context, group: Delegation, index: int) -> bool:
    """«делегация Генерального консульства КНР в г. Иркутске»: the place of the body the
    group comes from, not where it went."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    while t >= 0 and (tokens[t].text == "." or tokens[t].lemma in ctx.vocab.geo_descriptors
                      or tokens[t].text.rstrip(".").lower()
                      in ctx.vocab.words("town_abbreviations")):
        t -= 1  # «в г. Иркутске», «в городе Иркутске»
    if t < 1 or tokens[t].lemma not in ("в", "во"):
        return False
    body = ctx.mention_at.get(t - 1)
    return body is not None and group.origin_entity is not None \
        and ctx.entity(body) == group.origin_entity


def _nominal_sentence(ctx: Context, chunk: list[int]) -> bool:
    """«…; резиденты парка — фабрика «X», компания «Y»»: a clause of its own, a noun and a
    dash before its first name (what the noun is), not a list of sites going on."""
    tokens = ctx.doc.tokens
    first_name = min(ctx.first(i) for i in ctx.mentions_in(chunk))
    dash = next((t for t in chunk if t < first_name and tokens[t].text in DASH_OR_HYPHEN), None)
    return dash is not None and any(tokens[t].pos == "NOUN" and t not in ctx.mention_at
                                    for t in chunk if t < dash)


# the words at most of an unnamed item in a list of sites («новыми жилыми кварталами»)
UNNAMED_ITEM_WORDS = 4


def _unnamed_list_item(ctx: Context, chunk: list[int]) -> bool:
    """Is the chunk an item with no name in a list of sites going on: after a comma, a few
    words with a noun and no verb («…: агентством «X», новыми кварталами, парком «Y»»)?"""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT"]
    return 0 < len(words) <= UNNAMED_ITEM_WORDS and chunk[0] > 0 \
        and tokens[chunk[0] - 1].text == "," and not ctx.mentions_in(chunk) \
        and any(tokens[t].pos == "NOUN" for t in words) \
        and all(tokens[t].pos in ("NOUN", "ADJ") for t in words)


# the words at most of an unnamed place in a list of sites («в водно-болотном парке на реке»)
UNNAMED_PLACE_WORDS = 6


def _unnamed_place_item(ctx: Context, chunk: list[int], scope: list[int]) -> bool:
    """Is the chunk an unnamed place in a list of sites going on: after a comma, the
    preposition of place a site in the scope has, then a few nouns and adjectives, no name
    and no verb («побывали в новом районе, в парке на реке, в музее «X»»)?"""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT"]
    places = {tokens[t].lemma for t in scope if tokens[t].rel == "case"
              and tokens[t].lemma in PLACE_PREPOSITIONS}
    return 1 < len(words) <= UNNAMED_PLACE_WORDS and chunk[0] > 0 \
        and tokens[chunk[0] - 1].text == "," and tokens[words[0]].lemma in places \
        and not ctx.mentions_in(chunk) \
        and all(tokens[t].pos in ("NOUN", "ADJ", "ADP") for t in words[1:])


def _list_goes_on(ctx: Context, listed: list[int], relative: list[int],
                  chunks: list[list[int]]) -> bool:
    """Does the chunk after a ``relative`` clause on the ``listed`` site go on with a list of
    sites: names, no verb, opened by the listed site's preposition or with no word the parse
    hangs in the clause («в хозяйстве «X», которое разводит скот, в ТОО «Y», на заводе «Z»»;
    not «…, который возит трубы в Китай, Индию и Вьетнам»)?"""
    tokens = ctx.doc.tokens
    if not chunks or not ctx.mentions_in(chunks[0]) or _nominal_sentence(ctx, chunks[0]):
        return False
    opening = [t for t in chunks[0] if tokens[t].pos != "PUNCT"]
    if _opens_a_list(ctx, chunks[0]):
        return False  # «…, где работают сто компаний, в том числе X»: the clause's own list
    # (the listed site's own preposition: the last in its chunk)
    preposition = next((t for t in reversed(listed) if tokens[t].rel == "case"), None)
    if opening and preposition is not None and tokens[opening[0]].pos == "ADP" \
            and tokens[opening[0]].lemma == tokens[preposition].lemma:
        return not any(tokens[t].pos in ("VERB", "AUX") for t in chunks[0])
    inside = set(relative)
    return not any(tokens[t].pos in ("VERB", "AUX") or tokens[t].head_id in inside
                   for t in chunks[0])


def _opens_a_list(ctx: Context, words: list[int]) -> bool:
    """Do the words open, past punctuation, with a phrase of ``visit_list_openers`` («в том
    числе», «среди них»)?"""
    opening = next((t for t in words if ctx.doc.tokens[t].pos != "PUNCT"), None)
    return opening is not None and any(ctx.phrase_from(opening, phrase.split())
                                       for phrase in ctx.vocab.words("visit_list_openers"))


def visit_scope(ctx: Context, token_id: int) -> list[int]:
    """The visit word's clause and the list that follows it after «среди них», «в том
    числе» («посетила ряд предприятий, среди них — X, Y, Z»)."""
    tokens = ctx.doc.tokens
    scope = ctx.scope(token_id)
    chunks = ctx.chunks(tokens[token_id].sent_id)
    position = next((i for i, c in enumerate(chunks) if scope[-1] in c), len(chunks))
    listing = False  # a relative clause on a listed site was passed over
    for at, chunk in enumerate(chunks[position + 1:]):
        if at == 0 and _opens_a_list(ctx, chunk):
            scope.extend(chunk)
        elif at == 0 and tokens[chunk[0] - 1].text in ":," \
                and _list_opened(ctx, token_id, chunk[0]) and ctx.mentions_in(chunk) \
                and not any(tokens[t].pos in ("VERB", "AUX") for t in chunk):
            scope.extend(chunk)  # «Программа визита: технопарк X», «посетила ряд заводов: X»,
            # «посетила известные компании — X, компанию Y, а также Z»
        elif tokens[token_id].pos in ("VERB", "NOUN") and ctx.chunk_kind(chunk) == "other" \
                and _attached_chunk(ctx, chunk, token_id):
            scope.extend(chunk)  # («включала посещение института X, центра Y и …»: a noun's)
        elif at == 0 and _held_at(ctx, chunk, token_id):
            scope.extend(chunk)  # «Встреча делегации с X, прошедшая в Эр-Рияде, …»
            break
        elif at == 0 and (seen := _seen_working(ctx, token_id, chunk)):
            scope.extend(seen)  # «посмотрела, как работают завод «X», …»
        elif at == 0 and ctx.chunk_kind(chunk) == "relative" \
                and (named := _named_after_relative(ctx, chunks[position + 1:position + 3],
                                                    scope)):
            scope.extend(named)
            break
        elif ctx.chunk_kind(chunk) == "relative" \
                and (len(scope) > len(ctx.scope(token_id)) or (
                    at == 0 and chunk[0] > 1 and chunk[0] - 2 in ctx.mention_at)) \
                and _list_goes_on(ctx, chunks[position + at], chunk,
                                  chunks[position + at + 2:position + at + 3]):
            listing = True  # «в хозяйстве «X», которое разводит скот, в ТОО «Y»»: it goes on
        elif ((at > 0 and (len(scope) > len(ctx.scope(token_id)) or listing))
              or (chunk[0] > 0 and tokens[chunk[0] - 1].text == ";"
                  and (at == 0 or tokens[scope[-1] + 1].text == ";"))) \
                and ctx.mentions_in(chunk) \
                and not any(_predicate_word(tokens, t) for t in chunk) \
                and not _nominal_sentence(ctx, chunk):
            # the list goes on: «, АО «Луч», завод «Бета»»; «…: X; Y; Z»
            scope.extend(chunk)
        elif (at == 0 or len(scope) > len(ctx.scope(token_id))) \
                and _item_in_case_of_site(ctx, chunk, scope):
            scope.extend(chunk)  # «в музее «X» в Цзяи, ассоциации «Y», компании «Z»»
        elif (len(scope) > len(ctx.scope(token_id)) or listing or any(
                tokens[t].text == ":" and t not in ctx.mention_at
                for t in range(token_id + 1, chunk[0]))) \
                and _unnamed_list_item(ctx, chunk):
            listing = True  # «…: агентством «X», новыми кварталами, парком «Y»»: it goes on
        elif (at == 0 or listing) and _unnamed_place_item(ctx, chunk, scope):
            listing = True  # «побывали в новом районе, в парке на реке, в музее «X»»
        else:
            break
    scope.extend(_relative_list(ctx, token_id, scope))
    scope.extend(_listed_next(ctx, token_id))
    scope[:0] = _fronted_object(ctx, token_id, scope)
    contrast = ctx.vocab.words("contrast_words")
    verb = next((t for t in scope if t > token_id and tokens[t].lemma in contrast
                 and t not in ctx.mention_at), None)
    if verb is not None and any(is_finite_verb(tokens[t]) for t in scope if t > verb):
        scope = [t for t in scope if t < verb]  # «…, а деловые круги X ознакомились с Y»
    other = _other_clause(ctx, token_id, scope)
    if other is None:
        # «посетила союз «X» и пригласила партнёров на мероприятия — Y»: a verb joined to the
        # visit verb that is no visit ends its scope, however the parse hung its words
        other = next((c for c in ctx.children.get(token_id, []) if c > token_id
                      and tokens[c].rel == "conj" and is_finite_verb(tokens[c])
                      and tokens[c].lemma not in ctx.vocab.visit_triggers
                      and tokens[c].lemma not in ctx.vocab.words("visit_motion_verbs")), None)
    return [t for t in scope if t < other] if other is not None else scope


def _list_opened(ctx: Context, token_id: int, start: int) -> bool:
    """Is there, between the visit word and ``start``, a colon, or a dash right after a plural
    noun the visit word governs («посетила ряд заводов: X», «посетила известные компании — X»;
    not «… и пригласила на мероприятия — X»), that opens a list?"""
    tokens = ctx.doc.tokens
    return any(t not in ctx.mention_at and (tokens[t].text == ":" or (
        tokens[t].text in DASHES and tokens[t - 1].pos == "NOUN"
        and "Number=Plur" in tokens[t - 1].feats and tokens[t - 1].head_id == token_id))
        for t in range(token_id + 1, start))


def _attribute(tokens: list[Token], t: int) -> bool:
    """A full participle right before a noun in its case: the noun's attribute, whatever the
    tagger made of it («ханчжоускую компанию» read as a participle; not «…, работающую в X»)."""
    token = tokens[t]
    return token.pos == "VERB" and "VerbForm=Part" in token.feats \
        and "Variant=Short" not in token.feats and t + 1 < len(tokens) \
        and tokens[t + 1].pos == "NOUN" and case_of(tokens[t + 1]) == case_of(token)


def _predicate_word(tokens: list[Token], t: int) -> bool:
    """A verb or an auxiliary that is no noun's attribute."""
    return tokens[t].pos in ("VERB", "AUX") and not _attribute(tokens, t)


def _item_in_case_of_site(ctx: Context, chunk: list[int], scope: list[int]) -> bool:
    """«побывала в музее «X» в Цзяи, ассоциации «Y», компании «Z»»: a comma chunk of a noun
    phrase and an organisation's or park's name, no verb, whose first noun the dictionary
    reads in the case of the last site a preposition of place governs in the scope (the
    preposition left out), or of the visit verb's object, is the list of sites going on (the
    tagger may read it otherwise)."""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT"]
    named = [i for i in ctx.mentions_in(chunk) if ctx.mention_type(i) in ("ORG", "PARK")]
    if not words or not named or words[0] in ctx.mention_at or ctx.chunk_kind(chunk) != "other" \
            or any(_predicate_word(tokens, t) for t in words):
        return False
    before = [t for t in words if t < ctx.first(named[0])]
    if not before or any(tokens[t].pos not in ("NOUN", "ADJ") and not _attribute(tokens, t)
                         for t in before):
        return False
    noun = next((t for t in before if tokens[t].pos == "NOUN"), None)
    preposition = next((t for t in reversed(scope) if t < chunk[0] and tokens[t].rel == "case"
                        and tokens[t].lemma in PLACE_PREPOSITIONS), None)
    # (or the case of the visit verb's object: «посетили … группу «X», компанию «Y»»)
    site = next((t for t in scope if t < chunk[0] and tokens[t].rel == "obj"
                 and tokens[t].pos == "NOUN" and tokens[tokens[t].head_id].pos == "VERB"), None)
    cases = {case_of(tokens[tokens[preposition].head_id])} \
        if preposition is not None and tokens[preposition].head_id >= 0 else set()
    cases |= {case_of(tokens[site])} if site is not None else set()
    return noun is not None and any(
        case in ("Loc", "Acc") and case in dictionary_cases(tokens[noun].text, ud=True)
        for case in cases)


def _held_at(ctx: Context, chunk: list[int], noun: int) -> bool:
    """Does the chunk say where the visit noun's meeting was held: a participle or relative
    clause of ``event_venue_verbs`` on the noun itself («встреча делегации …, прошедшая в X»;
    «…, которая состоялась в X»)?"""
    return ctx.doc.tokens[noun].pos == "NOUN" and ctx.chunk_kind(chunk) == "relative" \
        and any(_venue_verb(ctx, t, noun) for t in chunk)


def _venue_verb(ctx: Context, verb: int, noun: int) -> bool:
    """Is the word a past ``event_venue_verbs`` verb or participle on the noun?"""
    token = ctx.doc.tokens[verb]
    return token.head_id == noun and token.lemma in ctx.vocab.words("event_venue_verbs") \
        and not ctx.future(verb)


def _place_held_at(ctx: Context, index: int, noun: int) -> bool:
    """Is the place («в/на X») that of the clause ``_held_at`` finds on the visit noun?"""
    return _preposition_before(ctx, index, ctx.vocab.site_kinds) is not None and any(
        _venue_verb(ctx, t, noun) and _governed_by(ctx, index, t)
        for t in ctx.scope(ctx.first(index)))


def _seen_working(ctx: Context, verb: int, chunk: list[int]) -> list[int]:
    """«Делегация посмотрела, как работает завод «X»»: after a verb of seeing
    (``how_seen_verbs``), the words after a «как» clause's own verb, right after «как» and
    taking no object (its subject after it: the site seen at work)."""
    tokens = ctx.doc.tokens
    words = [t for t in chunk if tokens[t].pos != "PUNCT"]
    if len(words) < 3 or tokens[verb].lemma not in ctx.vocab.words("how_seen_verbs") \
            or tokens[words[0]].lemma != "как" or tokens[words[1]].pos != "VERB" \
            or any(tokens[c].rel == "obj" for c in ctx.children.get(words[1], [])):
        return []
    return chunk[chunk.index(words[2]):]


def _listed_next(ctx: Context, token_id: int) -> list[int]:
    """«Гости побывали на предприятиях области. Среди них — хозяйство «X», ТОО «Y»»: the next
    sentence, where it opens with a list opener and has no verb, lists the sites a plural
    noun of things the visit verb governs announced."""
    tokens = ctx.doc.tokens
    if tokens[token_id].pos != "VERB" or not any(
            tokens[c].rel in ("obj", "obl") and tokens[c].pos == "NOUN"
            and "Number=Plur" in tokens[c].feats and "Animacy=Inan" in tokens[c].feats
            and c not in ctx.mention_at for c in ctx.children.get(token_id, [])):
        return []
    sent_id = tokens[token_id].sent_id
    if sent_id + 1 >= len(ctx.doc.sentences):
        return []
    following = list(ctx.sentence(sent_id + 1))
    if not _opens_a_list(ctx, following) \
            or any(tokens[t].pos in ("VERB", "AUX") for t in following) \
            or not any(tokens[t].text in DASH_OR_HYPHEN for t in following[:4]):
        return []
    return following


def _fronted_object(ctx: Context, token_id: int, scope: list[int]) -> list[int]:
    """«Технопарк X в Казани, на пересечении улиц Y и Z, посетили гости»: a visit verb's named
    object put before the verb (an aside between commas or not) belongs to its clause (the
    tokens of that mention, where it lies before the clause); so does the site «в X» where
    it is put first («в горисполкоме X гостей из Y, города-побратима Z, принимал …»)."""
    tokens = ctx.doc.tokens
    if tokens[token_id].pos != "VERB" or not scope:
        return []
    children = ctx.children.get(token_id, [])
    for child in children:
        index = ctx.mention_at.get(child)
        if tokens[child].rel == "obj" and child < scope[0] and index is not None \
                and ctx.last(index) < scope[0]:
            return list(range(ctx.first(index), ctx.last(index) + 1))
    for child in children:
        index = ctx.mention_at.get(child)
        if tokens[child].rel == "obl" and child < scope[0] and index is not None \
                and ctx.last(index) < scope[0] and ctx.mention_type(index) in ("ORG", "PARK") \
                and ctx.governed(child, "в", "во", "на"):
            return list(range(ctx.first(index), ctx.last(index) + 1))
    # «В Республику Беларусь, в город Могилёв, приехала делегация»: places put first where
    # the group went (the accusative after «в»), each of the chunks before the verb
    fronted = next((child for child in children if tokens[child].rel == "obl"
                    and child < scope[0] and "Case=Acc" in tokens[child].feats
                    and ctx.governed(child, "в", "во")), None)
    if fronted is not None and (places := _destinations_from(ctx, fronted, scope[0])):
        return places
    index = _object_left_unparsed(ctx, token_id)
    if index is not None and ctx.first(index) < scope[0]:
        return list(range(ctx.first(index), ctx.last(index) + 1))
    return []


def _destinations_from(ctx: Context, word: int, before: int) -> list[int]:
    """The tokens of the places named from ``word`` (itself, or the name after its
    descriptor) and of those set after it between commas with «в» again, up to ``before``."""
    tokens, descriptors = ctx.doc.tokens, ctx.vocab.place_descriptors
    found: list[int] = []
    for t in range(word, before):
        index = ctx.mention_at.get(t)
        if index is None or ctx.mention_type(index) != "LOC" or ctx.first(index) != t \
                or ctx.last(index) >= before:
            continue
        at = t - 1 if t >= 1 and tokens[t - 1].lemma in descriptors else t
        if at >= 1 and tokens[at - 1].lemma in ("в", "во"):  # (not «из Пекина»)
            found += range(ctx.first(index), ctx.last(index) + 1)
    return found


def _object_left_unparsed(ctx: Context, verb: int) -> int | None:
    """«в рамках визита в Тверь технопарк «X» посетил заместитель губернатора Y»: a site in
    the accusative right before a verb that has no object and its subject after it is the
    verb's object, though the parse hung it on a noun before it."""
    tokens = ctx.doc.tokens
    if tokens[verb].pos != "VERB":
        return None
    index = ctx.mention_at.get(verb - 1)
    root = ctx.mention_root(index) if index is not None else None
    if root is None or ctx.mention_type(index) not in SITE_TYPES or ctx.last(index) != verb - 1 \
            or case_of(tokens[root]) != "Acc":
        return None
    children = ctx.children.get(verb, [])
    if any(tokens[c].rel == "obj" for c in children) \
            or not any(tokens[c].rel == "nsubj" and c > verb and _group_or_head(ctx, c)
                       for c in children):
        return None  # «технопарк X посетил губернатор Тверской области»: a host's, not a group's
    return None if _under_earlier_frame(ctx, root, verb) else index


def _group_or_head(ctx: Context, subject: int) -> bool:
    """Is the subject word a group's («гости», «заместитель губернатора области X» on his
    trip), or its head's name or title?"""
    if ctx.ref_at(subject) is not None:
        return True
    person = _person_named(ctx, subject)
    return person is not None and ctx.heads_a_group(ctx.entity(person))


def _under_earlier_frame(ctx: Context, root: int, verb: int) -> bool:
    """«накануне визита делегации в Тверь технопарк X посетил губернатор»: a site the parse
    hung on a noun put at a time before (``earlier_frame_prepositions``) is of that frame,
    not the verb's object."""
    tokens, before = ctx.doc.tokens, ctx.vocab.words("earlier_frame_prepositions")
    t, seen = tokens[root].head_id, 0
    while 0 <= t < verb and seen < 6 and tokens[t].pos in ("NOUN", "PROPN"):
        if any(tokens[c].rel == "case" and tokens[c].lemma in before
               for c in ctx.children.get(t, [])):
            return True
        t, seen = tokens[t].head_id, seen + 1
    return False


def _other_clause(ctx: Context, token_id: int, scope: list[int]) -> int | None:
    """«посетил Тверь, и интересовали его станки завода X»: a clause joined after the visit
    word's whose finite verb has a subject of its own, a common noun that is not a word for
    the group («…, и гости осмотрели Y» goes on with the visit), says something else; the
    first token of its comma chunk, None where there is none."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    visitors = vocab.words("visitor_nouns") | vocab.words("group_pronouns")
    inside = set(scope)
    for chunk in ctx.chunks(tokens[token_id].sent_id):
        if chunk[0] <= token_id or chunk[0] not in inside:
            continue
        for t in chunk:
            if not is_finite_verb(tokens[t]) or t in ctx.mention_at:
                continue
            subjects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"]
            if any(tokens[s].pos == "NOUN" and s in chunk and s not in ctx.mention_at
                   and ctx.ref_at(s) is None and tokens[s].lemma not in visitors
                   for s in subjects):
                return chunk[0]
    return None


def _named_after_relative(ctx: Context, chunks: list[list[int]], scope: list[int]) -> list[int]:
    """«посетила предприятие, которое считают гордостью региона, — технопарк X»: after a
    relative clause (the first of ``chunks``; the dash may open the next) on a word of the
    visit's clause, a dash and a name in apposition to that word say which it was."""
    tokens = ctx.doc.tokens
    words = [t for chunk in chunks for t in chunk]
    dash = next((t for t in words if tokens[t].text in DASH_OR_HYPHEN
                 and t not in ctx.mention_at), None)
    if dash is None or (dash not in chunks[0] and dash != chunks[-1][0]):
        return []
    inside = set(scope)
    for t in words:
        if t > dash and tokens[t].rel in ("appos", "parataxis") and tokens[t].head_id in inside:
            index = name_at(ctx, t)
            if index is not None:
                return list(range(min(t, ctx.first(index)), ctx.last(index) + 1))
    return []


def _pronoun_ref(ctx: Context, token: Token) -> Ref | None:
    """«Кроме того, они посетили X», «в рамках её пребывания в Y»: a plural pronoun subject
    of the visit verb, or a group's possessive on the visit noun, refers to the group of the
    sentence before (which states it, not in direct speech)."""
    tokens = ctx.doc.tokens
    # «Она отправилась в X, где осмотрела Y»: the main clause's group (a parse may loop:
    # each clause once)
    seen = {token.token_id}
    while (host := _host_of_where_clause(ctx, token)) is not None and host not in seen:
        seen.add(host)
        token = tokens[host]
    if token.pos == "VERB" and (ours := _our_group(ctx, token)) is not None:
        return ours
    if token.pos == "VERB":
        pronoun = next((c for c in ctx.children.get(token.token_id, [])
                        if tokens[c].rel == "nsubj"
                        and tokens[c].lemma in ctx.vocab.words("group_pronouns")), None)
        if pronoun is None and (singular := _singular_pronoun_ref(ctx, token)) is not None:
            return singular
    else:
        pronoun = next((c for c in ctx.children.get(token.token_id, [])
                        if tokens[c].rel in ("det", "nmod:poss") and tokens[c].text.lower()
                        in ctx.vocab.words("group_possessives")), None)
    if pronoun is None:
        pronoun = _shown_to_pronoun(ctx, token)
    if pronoun is None:
        return None
    previous = ctx.refs_in(token.sent_id - 1, narrated=True) \
        or ctx.refs_in(token.sent_id - 2, narrated=True)
    if previous:
        return previous[-1]
    # «У гостей была насыщенная программа. Сначала они посетили X»: further back, the
    # pronoun is the article's one group
    earlier = [r for r in ctx.refs if r.sent_id < token.sent_id and not ctx.in_speech(r.token)]
    return earlier[-1] if earlier and len(ctx.delegations) == 1 else None


def _our_group(ctx: Context, verb: Token) -> Ref | None:
    """«Наша делегация прибыла в Казань. Мы посетили …»: «мы» as the verb's subject is the
    group the narrator calls his own before, outside quotes (never a host's «мы» of a text
    that calls no group «наша»)."""
    tokens, own = ctx.doc.tokens, ctx.vocab.words("own_group_possessives")
    if not any(tokens[c].rel == "nsubj" and tokens[c].lemma == "мы"
               for c in ctx.children.get(verb.token_id, [])) or ctx.in_speech(verb.token_id):
        return None
    ours = [r for r in ctx.refs if r.token < verb.token_id and not ctx.in_speech(r.token)
            and any(tokens[c].lemma in own for c in ctx.children.get(r.token, []))]
    return ours[-1] if ours else None


def _singular_pronoun_ref(ctx: Context, verb: Token) -> Ref | None:
    """«Делегация прибыла в Тверь. Она посетила завод X»: a singular pronoun subject of the
    visit verb is the group of the sentence before whose group word it agrees with, where
    that sentence names no person it could stand for."""
    tokens = ctx.doc.tokens
    pronoun = next((c for c in ctx.children.get(verb.token_id, [])
                    if tokens[c].rel == "nsubj"
                    and tokens[c].lemma in ctx.vocab.words("group_singular_pronouns")), None)
    if pronoun is None or verb.sent_id < 1:
        return None
    told = verb.sent_id - 1
    if not ctx.refs_in(told, narrated=True) and told > 0 and _about_the_group(ctx, told) \
            and not any(ctx.mention_type(i) == "PER" and _feminine_person(ctx, i)
                        for i in ctx.mentions_in(ctx.sentence(told))):
        told -= 1  # «Делегация прибыла в X. Её возглавил Y. Она посетила Z» (not «Её
        # встретила министр Анна Кедрова. Она …»: «она» may be her)
    before = ctx.sentence(told)
    previous = ctx.refs_in(told, narrated=True)
    if not previous or any(ctx.mention_type(i) == "PER" for i in ctx.mentions_in(before)):
        return None
    group_word = tokens[previous[-1].token]
    return previous[-1] if group_word.pos == "NOUN" \
        and feats_agree(group_word, tokens[pronoun]) else None


def _host_of_where_clause(ctx: Context, verb: Token) -> int | None:
    """The verb of the main clause a subjectless «где» clause hangs on through its place
    («отправилась в Хайфон, где осмотрела …»); None for any other word."""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb.token_id, [])
    if verb.pos != "VERB" or verb.rel != "acl:relcl" or verb.head_id < 0 \
            or not any(tokens[c].lemma == "где" for c in children) \
            or any(tokens[c].rel in ("nsubj", "nsubj:pass") for c in children):
        return None
    host = tokens[verb.head_id].head_id
    return host if host >= 0 and tokens[host].pos == "VERB" else None


def _feminine_person(ctx: Context, index: int) -> bool:
    """May the person be a woman (a «она» stands for): a word of the mention read feminine,
    or a feminine past verb or participle agreeing with it?"""
    tokens = ctx.doc.tokens
    words = ctx.mention_tokens(index)
    heads = {tokens[t].head_id for t in words} | {
        c for t in words for c in ctx.children.get(t, [])}
    return any("Gender=Fem" in tokens[t].feats for t in words) or any(
        0 <= h < len(tokens) and tokens[h].pos in ("VERB", "AUX")
        and "Gender=Fem" in tokens[h].feats for h in heads)


def _about_the_group(ctx: Context, sent_id: int) -> bool:
    """Does the sentence tell of the group before it by its pronoun in an oblique case
    («Её возглавил X», «В её состав вошли …»), so that a later «она» still means it?"""
    pronouns = ctx.vocab.words("group_oblique_pronouns")
    return any(fold(ctx.doc.tokens[t].text) in pronouns for t in ctx.sentence(sent_id))


def _shown_to_pronoun(ctx: Context, token: Token) -> int | None:
    """«Им показали завод X», «Для них провели экскурсию по Y»: a plural pronoun the tour is
    given to (the dative, or «для» and the genitive) on the visit verb, or on the verb whose
    object the visit noun is; the group the tour was for."""
    tokens = ctx.doc.tokens
    verb = token.token_id
    if token.pos == "NOUN":
        if token.rel != "obj" or token.head_id < 0:
            return None
        verb = token.head_id
    if not past_finite_verb(tokens[verb]) or ctx.planned(verb):
        return None
    return next((c for c in ctx.children.get(verb, [])
                 if tokens[c].lemma in ctx.vocab.words("group_pronouns")
                 and tokens[c].rel in ("iobj", "obl") and (
                     case_of(tokens[c]) == "Dat" or (case_of(tokens[c]) == "Gen" and any(
                         tokens[g].lemma == "для" for g in ctx.children.get(c, []))))), None)


def _group_presents(ctx: Context, token: Token) -> bool:
    """«члены делегации провели презентацию зоны X», «делегация презентовала X»: what the group
    itself presents is its own, not a site it visited."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if token.pos != "VERB":
        return False
    children = ctx.children.get(token.token_id, [])
    presents = token.lemma in vocab.words("presentation_words") or any(
        tokens[c].rel == "obj" and tokens[c].lemma in vocab.words("presentation_objects")
        for c in children)
    if not presents:
        return False
    for c in children:
        if tokens[c].rel != "nsubj":
            continue
        # the group, or its members («члены делегации»)
        if ctx.ref_at(c) is not None or any(
                ctx.ref_at(g) is not None for g in ctx.children.get(c, [])
                if tokens[g].rel == "nmod"):
            return True
    return False


def _met_people(ctx: Context, token: Token) -> bool:
    """«гости познакомились с представителями компании X»: getting to know people (an
    animate «с» object) is a meeting, not a tour of their site."""
    tokens = ctx.doc.tokens
    if token.lemma not in ctx.vocab.words("acquaintance_verbs"):
        return False
    # (and companies or residents told as such: «познакомились с резидентами — компаниями
    # «X» и «Y»», «с компаниями «X» и «Y»»: presented to them, no tour of their sites)
    bodies = ctx.vocab.words("resident_words") | ctx.vocab.words("company_apposition_heads")
    return any(tokens[c].rel == "obl" and "Case=Ins" in tokens[c].feats
               and c not in ctx.mention_at
               and ("Animacy=Anim" in tokens[c].feats
                    or (tokens[c].lemma in bodies and "Number=Plur" in tokens[c].feats))
               for c in ctx.children.get(token.token_id, []))


def _previous_group(ctx: Context, token: Token) -> Ref | None:
    """«Затем осмотрели завод X», «Также побывали на Y», «Программа визита: технопарк Z, …»,
    «Визит начался с посещения W»: a visit verb without a subject (past, plural or agreeing
    with the group word), or a visit noun that a colon list follows or that a past start or
    end of the trip governs, in a sentence that names no group, right after a sentence about
    the group's visit (or one naming the group before a colon), is that group's (a bare
    visit noun is not: «посещение X стало …» says nothing of who)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if token.sent_id < 1 or ctx.refs_in(token.sent_id) or ctx.in_speech(token.token_id) \
            or token.lemma not in vocab.words("group_tour_words"):
        return None
    before = ctx.sentence(token.sent_id - 1)
    previous = ctx.refs_in(token.sent_id - 1, narrated=True)
    # «Делегация во главе с X: — Посетила завод Y»: a list after a colon tells what the
    # group named before it did; a verb without a subject may agree with the group word
    # (there, or the subject of the sentence before)
    listed = bool(previous) and tokens[before[-1]].text == ":"
    if token.pos == "VERB" and _agentless_passive(ctx, token):
        pass  # «Были посещены технопарк X и завод Y»: the sites its subject, the group unsaid
    elif token.pos == "VERB":
        if not past_finite_verb(token) \
                or not ("Number=Plur" in token.feats or (
                    previous and (listed or tokens[previous[-1].token].rel in (
                        "nsubj", "nsubj:pass"))
                    and _agrees_with(token, tokens[previous[-1].token]))) \
                or _own_subject(ctx, token.token_id):
            return None
    elif token.pos == "NOUN" and (opener := _programme_list_opener(ctx, token)) is not None:
        # «Программа визита делегации X включала:\n— посещение технопарка Y;\n— осмотр …»
        opened = ctx.refs_in(opener, narrated=True) or ctx.refs_in(opener - 1, narrated=True)
        return opened[-1] if opened else None
    elif token.pos != "NOUN" or not (_colon_after(ctx, token.token_id)
                                     or _trip_part(ctx, token.token_id)
                                     or _in_trip_programme(ctx, token.token_id)
                                     or _tour_stop(ctx, token.token_id) is not None):
        return None
    if not previous or not (listed or any(
            tokens[t].lemma in vocab.visit_triggers and not ctx.planned(t) for t in before)):
        # (a sentence that only announces the trip tells of no visit yet)
        return _group_told_earlier(ctx, token)
    return previous[-1]


def _agentless_passive(ctx: Context, token: Token) -> bool:
    """Is the verb a past short passive participle with no agent, no plan and no other time
    on it («были посещены X и Y»: done, by the group the text is about)?"""
    feats = token.feats
    return all(f in feats for f in ("VerbForm=Part", "Voice=Pass", "Variant=Short",
                                    "Tense=Past")) \
        and not any(ctx.doc.tokens[c].rel == "obl:agent" or (  # «… губернатором»
            ctx.doc.tokens[c].rel == "obl" and "Case=Ins" in ctx.doc.tokens[c].feats)
                    for c in ctx.children.get(token.token_id, [])) \
        and not ctx.planned(token.token_id) and not ctx.clause_at_another_time(token.token_id)


def _programme_list_opener(ctx: Context, token: Token) -> int | None:
    """The sentence ending in a colon that opens the list of dash-led lines whose line the
    visit noun opens («Программа визита включала:», «— посещение технопарка X;», «— осмотр
    завода Y»); None for a noun anywhere else."""
    tokens = ctx.doc.tokens
    line = ctx.sentence(token.sent_id)
    if tokens[line.start].text not in DASHES or token.token_id != line.start + 1:
        return None
    vocab = ctx.vocab
    unmade = vocab.plan_words | vocab.words("other_time_adjectives")
    for sent_id in range(token.sent_id - 1, max(token.sent_id - PROGRAMME_LINES, -1), -1):
        sentence = ctx.sentence(sent_id)
        if tokens[sentence.start].text in DASHES:
            continue
        if tokens[sentence.stop - 1].text != ":" or any(
                tokens[t].lemma in unmade or (tokens[t].pos in ("VERB", "AUX") and ctx.planned(t))
                for t in sentence):
            return None  # (not «В планах на следующий год:», «Делегация посетит:»)
        return sent_id
    return None


def _group_told_earlier(ctx: Context, token: Token,
                        told: frozenset[str] | None = None) -> Ref | None:
    """«Делегация из X прибыла в Тверь. Её встретил губернатор. Также посетили завод Y»: the
    tour goes on past a sentence or two that name no group (talks, the hosts), back to the
    nearest sentence whose group made its visit (or, with ``told``, did one of those words).
    Not past a sentence where someone else visits, nor a clause set at another time."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    told = told or vocab.visit_triggers
    if ctx.another_time(ctx.sentence(token.sent_id)):
        return None  # («Год назад состоялась встреча …»: the thread is broken)
    visited = False
    for sent_id in range(token.sent_id - 1, max(token.sent_id - 4, -1), -1):
        words = ctx.sentence(sent_id)
        if any(ctx.in_speech(t) for t in words):
            return None  # (a quote between breaks the thread)
        visited = visited or any(tokens[t].lemma in told and not ctx.planned(t)
                                 for t in words)
        refs = ctx.refs_in(sent_id, narrated=True)
        if refs:
            return refs[-1] if visited and sent_id < token.sent_id - 1 else None
        if any(tokens[t].pos == "VERB" and tokens[t].lemma in vocab.visit_triggers
               and _own_subject(ctx, t) for t in words):
            return None  # «Губернатор посетил завод X»: another's visit between
        if any(_owned_trip(ctx, t) for t in words):
            return None  # «Губернатор рассказал о своей поездке в Китай»: another's trip
    return None


def _owned_trip(ctx: Context, word: int) -> bool:
    """A trip noun that someone owns: a genitive on it («визит министра»), or «свой» with a
    subject in the sentence («Мэр рассказал о своей поездке») — in a sentence naming no
    group, another's trip («Свой визит начали с X» has no subject: the group's own)."""
    tokens = ctx.doc.tokens
    if tokens[word].lemma not in ctx.vocab.words("trip_nouns"):
        return False
    subject = any(tokens[t].rel == "nsubj" for t in ctx.sentence(tokens[word].sent_id))
    return any((tokens[g].lemma == "свой" and subject)
               or (tokens[g].rel == "nmod" and case_of(tokens[g]) == "Gen")
               for g in ctx.children.get(word, []))


def _agrees_with(verb: Token, noun: Token) -> bool:
    """Does a past verb agree with a singular noun in number and gender («делегация
    посетила»)?"""
    gender = next((f for f in noun.feats.split("|") if f.startswith("Gender=")), None)
    return "Number=Sing" in noun.feats and "Number=Sing" in verb.feats \
        and gender is not None and gender in verb.feats


def _own_subject(ctx: Context, verb: int) -> bool:
    """Has the verb a subject of its own: one in the nominative, or people counted that the
    parse called an object («Сызрань посетили немало туристов»: animate, or beside a site
    parsed as the «subject»; «посетили несколько заводов» has none)?"""
    tokens = ctx.doc.tokens
    children = ctx.children.get(verb, [])
    subjects = [c for c in children if tokens[c].rel in ("nsubj", "nsubj:pass")]
    return any(not _miscased_subject(ctx, c) for c in subjects) \
        or any(tokens[c].rel == "obj" and _counted(ctx, c)
               and (bool(subjects) or "Animacy=Anim" in tokens[c].feats) for c in children)


def _miscased_subject(ctx: Context, subject: int) -> bool:
    """«Первым делом посетили Тверь»: a «subject» the parse gave in the accusative, or in the
    genitive with no number or quantity over it («сто человек посетили» has one), is the
    verb's object or a mistagged plural, no other subject."""
    tokens, case = ctx.doc.tokens, case_of(ctx.doc.tokens[subject])
    if case == "Acc":
        return True
    return case == "Gen" and tokens[subject].lemma not in ctx.vocab.words("quantity_nouns") \
        and not _counted(ctx, subject)


def _counted(ctx: Context, word: int) -> bool:
    """Is the word a genitive with a number or a quantity over it («сто человек», «немало
    туристов», ``quantity_nouns``, ``quantity_adverbs``): people counted, a subject?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    quantities = vocab.words("quantity_nouns") | vocab.words("quantity_adverbs")
    return case_of(tokens[word]) == "Gen" and any(
        tokens[c].rel.startswith("nummod") or tokens[c].pos == "NUM"
        or tokens[c].lemma in quantities for c in ctx.children.get(word, []))


def _trip_part(ctx: Context, token_id: int) -> bool:
    """«Визит начался с посещения X», «Рабочая поездка завершилась осмотром Y»: a tour noun
    under a past verb whose subject is the trip itself."""
    tokens = ctx.doc.tokens
    verb = tokens[token_id].head_id
    if tokens[token_id].rel != "obl" or verb < 0 or not past_finite_verb(tokens[verb]) \
            or ctx.planned(verb):
        return False
    # (the trip of no one named: «визит губернатора начался …» is another's; nor one of
    # another time: «прошлый визит»)
    return any(tokens[c].rel == "nsubj" and _bare_trip(ctx, c)
               for c in ctx.children.get(verb, []))


def _in_trip_programme(ctx: Context, noun: int) -> bool:
    """«Программа визита включала посещение X», «В рамках поездки состоялся осмотр Y»: a tour
    noun as the subject or object of a past verb that has the trip itself, or its programme
    or frame («программа визита», «в рамках поездки»), as another argument."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if tokens[noun].rel == "conj" and tokens[noun].head_id >= 0:
        noun = tokens[noun].head_id  # «включала переговоры с X и знакомство с Y»
    verb = tokens[noun].head_id
    if tokens[noun].rel not in ("nsubj", "nsubj:pass", "obj") or verb < 0 \
            or not past_finite_verb(tokens[verb]) or ctx.planned(verb) \
            or ctx.clause_at_another_time(verb):
        return False
    # («Миссия началась в понедельник и включала посещение X»: the first verb's subject)
    arguments = [c for c in ctx.children.get(verb, []) if tokens[c].rel != "nsubj"] \
        + clause_subjects(ctx, verb)
    return any(tokens[c].rel in ("nsubj", "obl") and c != noun and (
        _bare_trip(ctx, c) or (tokens[c].lemma in vocab.trip_frame_nouns and any(
            tokens[g].rel == "nmod" and _bare_trip(ctx, g) for g in ctx.children.get(c, [])))
        or (tokens[c].rel == "nsubj" and _bare_programme_after_group(ctx, c)))
        for c in arguments)


def _bare_programme_after_group(ctx: Context, word: int) -> bool:
    """«Делегация X побывала в Y. Программа включала …»: a bare «программа»
    (``bare_programme_nouns``; no one's genitive, no adjective: not «государственная
    программа»; but «трёхдневная программа пребывания»: ``trip_programme_adjectives``,
    ``stay_nouns``) right after a group is told of is its trip's."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab

    def of_the_trip(g: int) -> bool:
        # «трёхдневная», «насыщенная» программа; программа «пребывания (в штате)»
        lemma = tokens[g].lemma
        return (tokens[g].rel == "amod" and lemma in vocab.words("trip_programme_adjectives")) \
            or (tokens[g].rel == "nmod" and lemma in vocab.words("stay_nouns") and not any(
                tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen"
                for c in ctx.children.get(g, [])))
    return tokens[word].lemma in vocab.words("bare_programme_nouns") and not any(
        tokens[g].rel in ("nmod", "amod") and not of_the_trip(g)
        for g in ctx.children.get(word, [])) \
        and ctx.group_told_last(word, sentences=1) is not None


def _bare_trip(ctx: Context, word: int) -> bool:
    """A trip noun with no one's genitive on it nor a word of another time («визит», not
    «визит министра», «прошлый визит»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    other_time = vocab.words("other_time_adjectives")
    return tokens[word].lemma in vocab.words("trip_nouns") and not any(
        (tokens[g].rel == "nmod" and case_of(tokens[g]) == "Gen")
        or tokens[g].lemma in other_time for g in ctx.children.get(word, []))


def _tour_stop(ctx: Context, noun: int) -> int | None:
    """«Первым объектом посещения стал завод X», «следующим местом их визита стала Y»,
    «основным объектом посещения делегации стал Z»: the past «стать» a visit noun's stop
    (``tour_stop_nouns``, in the instrumental) hangs on, whose subject is the site; None
    where the noun is in no such frame."""
    tokens = ctx.doc.tokens
    other_time = ctx.vocab.words("other_time_adjectives")
    if any((tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen"
            and ctx.ref_at(c) is None)  # (the group's own: «объектом посещения делегации»)
           or tokens[c].lemma in other_time for c in ctx.children.get(noun, [])):
        return None  # another's visit («визита министра X»), or one of another time
    stop = tokens[noun].head_id
    if tokens[noun].rel != "nmod" or stop < 0 \
            or tokens[stop].lemma not in ctx.vocab.words("tour_stop_nouns") \
            or case_of(tokens[stop]) != "Ins":
        return None
    verb = tokens[stop].head_id
    if verb < 0 or tokens[verb].lemma not in ctx.vocab.words("tour_stop_verbs") \
            or "Tense=Past" not in tokens[verb].feats \
            or ctx.planned(verb) or ctx.clause_at_another_time(verb):
        return None  # (also «Год назад первым объектом визита стал …»)
    return verb


def _named_as_stop(ctx: Context, index: int, verb: int) -> bool:
    """Is the mention the subject (or inside it) of ``verb``, the «стать» of ``_tour_stop``?
    Not one denied («стал не завод X, а Y»: Y is), nor one in an aside on it («завод X –
    партнёр компании Y»)."""
    tokens, own = ctx.doc.tokens, set(ctx.mention_tokens(index))
    if _denied_after(ctx, verb, ctx.first(index)):
        return False
    found = False
    for t in own:
        path = []
        while t >= 0 and tokens[t].head_id != verb and tokens[t].pos not in ("VERB", "AUX") \
                and len(path) < 12:  # (a parse may loop: a bound)
            path.append(t)
            t = tokens[t].head_id
        if t < 0 or tokens[t].head_id != verb or tokens[t].rel != "nsubj":
            continue
        if any(tokens[w].rel == "appos" and w not in own for w in path):
            return False
        found = True
    return found


def _denied_after(ctx: Context, verb: int, first: int) -> bool:
    """Does «не» stand between the verb and a word after it, in the same part of a contrast
    («стал не завод X, а Y»: X is denied, Y is not)?"""
    tokens, contrast = ctx.doc.tokens, ctx.vocab.words("contrast_words")
    for w in range(first - 1, verb, -1):
        if tokens[w].text == "," or tokens[w].lemma in contrast:
            return False
        if tokens[w].lemma == "не":
            return True
    return False


def _colon_after(ctx: Context, token_id: int) -> bool:
    """Does a colon close the noun's phrase («Программа визита: …», «В ходе посещения гостям
    показали:» does not count: a verb comes between)?"""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[token_id].sent_id)
    for t in range(token_id + 1, min(token_id + 4, sentence.stop)):
        if tokens[t].text == ":" and t not in ctx.mention_at:
            return True
        if tokens[t].pos in ("VERB", "AUX", "PUNCT"):
            return False
    return False


def _visitor_subject(ctx: Context, token: Token) -> Ref | None:
    """«Журналисты посетили X», «депутаты побывали в Y», «группа депутатов посетила Z»: a plural
    word for visitors (or a number of them) as the subject of a visit verb refers to the group
    the article is about (its one delegation)."""
    tokens = ctx.doc.tokens
    if token.pos != "VERB" or token.lemma in ctx.vocab.host_verbs or len(ctx.delegations) != 1:
        return None
    subject = next((c for c in ctx.children.get(token.token_id, [])
                    if tokens[c].rel == "nsubj"), None)
    if subject is not None and (tokens[subject].lemma in ctx.vocab.words("quantity_nouns")
                                or tokens[subject].pos == "NUM"):
        # «несколько десятков депутатов посетили …», «группа журналистов посетила …»
        subject = next((c for c in ctx.children.get(subject, [])
                        if tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen"), None)
    if subject is None:
        return None
    first = next((r for r in ctx.refs if not ctx.in_speech(r.token)), None)
    if first is not None and _group_region_head(ctx, subject, first):
        return first  # «Делегация области прибыла в Минск. Глава региона посетил завод X»
    if ctx.ref_at(subject) is not None \
            or tokens[subject].lemma not in ctx.vocab.words("visitor_nouns") \
            or "Number=Plur" not in tokens[subject].feats \
            or from_several_places(ctx, tokens[subject]):
        return None  # (not «представители компаний из шести стран»: many groups)
    return first


def _group_region_head(ctx: Context, subject: int, ref: Ref) -> bool:
    """Is the subject a bare title of the head of the group's own region: «губернатор» with
    nothing of its own, or «глава региона/области/республики» whose region word stands for the
    group's origin («Делегация Пензенской области прибыла в Минск. Глава региона посетил …»)?
    Not where the group comes from a country (the region's head is then its host), nor a title
    with a name or a place of its own («глава Минского района»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    word = tokens[subject]
    group = ctx.delegations[ref.delegation]
    home = gazetteer().lookup(group.origin) if group.origin else None
    if subject in ctx.mention_at or "Number=Sing" not in word.feats or home is None \
            or home.kind == "country" or ctx.first_mention_after(subject + 1, ("PER",), 2) \
            or word.lemma not in vocab.words("place_head_titles") \
            | vocab.words("regional_head_posts"):
        return False
    own = [c for c in ctx.children.get(subject, []) if tokens[c].rel in ("nmod", "appos")]
    if not own:  # «губернатор»: not where the text names another region of the country
        return word.lemma in vocab.words("regional_head_posts") \
            and not _other_home_region_named(ctx, subject, home)
    if len(own) != 1 or not bare_region_word(ctx, own[0]):
        return False
    place = resolve_place(ctx, own[0])
    return place is not None and (place == group.origin_entity or gazetteer().same(
        ctx.doc.entities[place].normal, group.origin))


def _other_home_region_named(ctx: Context, before: int, home: Place) -> bool:
    """Does the text name, before the word at ``before``, a region of the group's own country
    other than its own, or a town of one («Делегация Татарстана прибыла в Пензенскую область.
    Губернатор …»: the host region's governor)?"""
    own = region_of(home)
    for index in ctx.mentions_in(range(0, before)):
        if ctx.mention_type(index) != "LOC":
            continue
        place = mention_place(ctx, index)
        if place is not None and place.country == home.country and region_of(place) \
                and region_of(place) != own:
            return True
    return False


def _other_subject(ctx: Context, token: Token) -> bool:
    """Has the visit verb a common-noun subject that is not a word for the group?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if token.pos != "VERB" or token.lemma in vocab.host_verbs or _leads_group(ctx, token):
        return False  # «аким принял делегацию»: the host's verb has the host as subject
    subjects = [c for c in ctx.children.get(token.token_id, []) if tokens[c].rel == "nsubj"]
    chunk = next(c for c in ctx.chunks(token.sent_id) if token.token_id in c)
    if not any(s in chunk for s in subjects) \
            and tokens[chunk[0]].lemma in vocab.words("contrast_words"):
        # «…, а деловые круги X ознакомились …» where the parse lost the subject or hung
        # the verb on the group of the clause before
        subjects = [t for t in chunk if t < token.token_id and tokens[t].pos == "NOUN"][:1]
    # «Официальные лица и руководители предприятий посетили …»: the group among joined subjects
    joined = [c for s in subjects for c in ctx.children.get(s, []) if tokens[c].rel == "conj"]
    if ctx.ref_at(token.token_id) is not None or any(ctx.ref_at(s) is not None
                                                      for s in subjects + joined):
        return False  # the verb itself stands for an official's trip, or the group is named
    # (not a singular word under a plural verb: «…, а затем посетили ОАО «X»», the object the
    # parse took for a subject)
    return any(tokens[s].pos == "NOUN" and "Case=Nom" in tokens[s].feats
               and not ("Number=Plur" in token.feats and "Number=Sing" in tokens[s].feats)
               and s not in ctx.mention_at and ctx.ref_at(s) is None
               and tokens[s].lemma not in vocab.geo_descriptors
               and tokens[s].lemma not in vocab.words("honorifics")  # «господин Ли Вэй»
               and not vocab.is_title(tokens[s].lemma) for s in subjects)


def _planned(ctx: Context, token_id: int) -> bool:
    """Planned itself or under a planned verb or an infinitive («пригласили … осуществить
    поездку»)."""
    tokens, t = ctx.doc.tokens, token_id
    called_off = ctx.vocab.words("cancel_verbs") | ctx.vocab.words("refusal_verbs")
    head = tokens[t].head_id
    if tokens[t].pos == "NOUN" and head >= 0 and tokens[head].lemma in called_off \
            and _what_is_called_off(ctx, t):
        return True  # «отказалась от поездки в X», «визит в X отменили»
    if tokens[t].pos == "NOUN" and tokens[t].rel == "nsubj" and head >= 0 and any(
            tokens[c].lemma in called_off and "VerbForm=Inf" in tokens[c].feats
            for c in ctx.children.get(head, [])):
        return True  # «посещение X пришлось отменить»: the noun is what the infinitive calls off
    if tokens[t].pos == "NOUN" and _trip_prospect(ctx, t):
        return True  # «готовится визит в X», «договорились о визите», «гостей ждёт экскурсия»
    if tokens[t].pos == "NOUN" and any(tokens[c].rel == "case" and tokens[c].lemma in
                                       ctx.vocab.words("before_event_prepositions")
                                       for c in ctx.children.get(t, [])):
        return True  # «накануне визита в X»: the trip is still to come
    if tokens[t].pos == "NOUN" and (
            _in_preparation(ctx, t)  # «связанные с организацией визита в X»: being got ready
            or any(tokens[c].rel == "amod" and tokens[c].lemma in ctx.vocab.words(
                "future_trip_adjectives") for c in ctx.children.get(t, []))):
        return True  # «в рамках предстоящего визита в X»: a trip to come
    below = t
    for _ in range(3):
        if t < 0 or (t != token_id and _narrator_aside(ctx, t)):
            return False
        if ctx.planned(t) or tokens[t].lemma in ctx.vocab.plan_words \
                or (t != token_id and tokens[t].lemma in called_off
                    and _what_is_called_off(ctx, below)):
            return True  # … «отказалась посетить X»
        if t != token_id and "VerbForm=Inf" in tokens[t].feats:
            return True  # «готова организовать поездку в X»: only a possibility
        if tokens[t].rel in ("obl", "nmod", "root"):
            return False  # «в рамках визита в X … запланировано»: the frame is a fact
        below, t = t, tokens[t].head_id
    return False


def _trip_prospect(ctx: Context, noun: int) -> bool:
    """Is the trip noun only being got ready, agreed on or awaited: under a word of
    ``intention_words`` («готовится визит», «договорились о поездке», «визит должен
    состояться»), the object of one of ``prospect_verbs`` («обсудили визит»), «к» under a word
    of ``visit_preparation_nouns`` («подготовка к визиту»), or the subject of a present verb of
    ``awaiting_verbs`` («гостей ждёт экскурсия»), or what such a verb awaits or awaits with
    («делегацию ждут с ответным визитом», «ожидаем визита»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if _planned_by_participle(ctx, noun):
        return True  # «до визита делегации в X, запланированного на весну»
    head = tokens[noun].head_id
    if head < 0:
        return False
    lemma = tokens[head].lemma
    if lemma in vocab.words("intention_words") and not _framed(ctx, noun):
        return True  # (not «во время визита … им предложили проекты»: a visit that was)
    if lemma in vocab.words("prospect_verbs") and tokens[noun].rel == "obj":
        return True  # «обсудили визит делегации в X», «подтвердил поездку»
    if lemma in vocab.words("visit_preparation_nouns"):
        return ctx.governed(noun, "к")
    if lemma in vocab.words("talk_topic_nouns") and tokens[noun].rel == "nmod":
        # «затронули тему ответного визита», «обсудили вопрос поездки»: talked of
        verb = tokens[head].head_id
        return verb >= 0 and tokens[verb].lemma in (
            vocab.words("prospect_verbs") | vocab.words("topic_raising_verbs"))
    if lemma not in vocab.words("awaiting_verbs") or "Tense=Past" in tokens[head].feats:
        return False
    # «гостей ждёт экскурсия»; «делегацию ждут с ответным визитом», «ожидаем визита»
    return tokens[noun].rel in ("nsubj", "obj", "obl")


def _planned_by_participle(ctx: Context, noun: int) -> bool:
    """Is the trip noun described, a few words after it, by a participle of planning that
    agrees with it («визита делегации в Кызыл, запланированного на весну»), wherever the
    parse hung the participle?"""
    tokens = ctx.doc.tokens
    head = tokens[noun].head_id
    if tokens[noun].rel == "obj" and head >= 0 and "Tense=Past" in tokens[head].feats:
        return False  # «совершила визит в X, запланированный ещё весной»: made as planned
    trip = parse_feats(tokens[noun].feats)
    for t in range(noun + 1, min(noun + 8, len(tokens))):
        if tokens[t].sent_id != tokens[noun].sent_id:
            break
        feats = parse_feats(tokens[t].feats)
        if feats.get("VerbForm") == "Part" and tokens[t].lemma in ctx.vocab.plan_words \
                and all(feats.get(f) == trip.get(f) for f in ("Case", "Gender", "Number")):
            return True
    return False


def _what_is_called_off(ctx: Context, t: int) -> bool:
    """Is ``t`` what a verb of calling off or giving up governs («отложила визит», «визит
    отменили», «отказалась от поездки», «отказалась посетить»), not a frame of another act
    («после визита в X отказалась от проекта», «посетив X, отказалась от сделки»)?"""
    token = ctx.doc.tokens[t]
    return token.rel in ("obj", "nsubj:pass", "xcomp") or "VerbForm=Inf" in token.feats \
        or any(ctx.doc.tokens[c].lemma == "от" for c in ctx.children.get(t, []))


def _narrator_aside(ctx: Context, verb: int) -> bool:
    """«Напомним, что …», «Отметим, что …»: the writer's aside in the first person plural, a
    future form that tells no future."""
    token = ctx.doc.tokens[verb]
    return token.lemma in ctx.vocab.words("narrator_aside_verbs") \
        and "Person=1" in token.feats and "Number=Plur" in token.feats


def _in_preparation(ctx: Context, noun: int) -> bool:
    """Does a noun of getting ready govern the visit noun as a topic of talks («обсудили
    вопросы, связанные с организацией визита», «обсуждение подготовки к поездке»)? Not a
    visit thanked for or praised («поблагодарил за организацию визита»: it was made)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    head = tokens[noun].head_id
    if head < 0 or tokens[head].lemma not in vocab.words("visit_preparation_nouns"):
        return False
    topics = vocab.words("preparation_topic_words")
    above = tokens[head].head_id
    return above >= 0 and (tokens[above].lemma in topics or (
        tokens[above].head_id >= 0 and tokens[tokens[above].head_id].lemma in topics))


def _purpose(ctx: Context, token: Token) -> bool:
    """A visit word that only names a purpose («целью приезда будет …», «для посещения»)."""
    tokens, purposes = ctx.doc.tokens, ctx.vocab.words("visit_purpose_words")
    near = [token.head_id, token.token_id - 1, token.token_id - 2]
    return any(0 <= t < len(tokens) and tokens[t].lemma in purposes for t in near)


def _remote(ctx: Context, token: Token) -> bool:
    """Is the visit word a remote meeting («провела видеоконференцию с …», «переговоры в
    технопарке … по видеосвязи», «в режиме онлайн»: ``remote_meeting_words``) — itself, or a
    word of its phrase (its objects, obliques and their nouns, a few steps down)? Not a remote
    word of another time or another clause («После видеоконференции делегация посетила …»,
    «делегация, ранее общавшаяся по видеосвязи, посетила …»)."""
    tokens, remote = ctx.doc.tokens, ctx.vocab.words("remote_meeting_words")
    other_times = ctx.vocab.words("other_time_prepositions")
    anchors = [token.token_id]
    if token.pos == "NOUN" and token.rel in ("obj", "nsubj") and token.head_id >= 0:
        anchors.append(token.head_id)  # «провела переговоры … в режиме онлайн»: the verb's
    frontier, words = list(anchors), set(anchors)
    for _ in range(REMOTE_DEPTH):
        frontier = [c for t in frontier for c in ctx.children.get(t, [])
                    if tokens[c].rel in ("obj", "obl", "nmod", "advmod", "iobj")
                    and not any(tokens[g].lemma in other_times
                                for g in ctx.children.get(c, []))]
        words.update(frontier)
    return any(tokens[t].lemma in remote or tokens[t].text.lower() in remote for t in words)


def list_head(ctx: Context, index: int) -> int:
    """The first mention of the list ``index`` ends («X, Y и Z» → X)."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if t > 0 and t not in ctx.mention_at and (tokens[t].lemma in ctx.vocab.geo_descriptors
                                              or tokens[t].lemma in ctx.vocab.named_heads):
        t -= 1  # «…, Чунцина и провинции Шаньдун», «института «А» и ассоциации «Б»»
    while t > 0 and t not in ctx.mention_at and tokens[t].lemma in (",", "и", ";"):
        other = ctx.mention_at.get(t - 1)
        if other is None:
            break
        index = other
        t = ctx.first(other) - 1
    return index


def _place_of_thing(ctx: Context, index: int) -> bool:
    """«посетил наукоград, город-спутник Казани»: a place in the genitive under a common noun
    joined to the list (no site or visit word) only says where that thing is (not «заводы и
    предприятия Твери»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if ctx.mention_type(index) != "LOC":
        return False
    root = next((m for m in ctx.mention_tokens(index)
                 if tokens[m].head_id not in ctx.mention_tokens(index)), None)
    if root is None or case_of(tokens[root]) != "Gen" or tokens[root].rel != "nmod":
        return False
    head = tokens[root].head_id
    if head < 0 or head in ctx.mention_at or tokens[head].pos != "NOUN":
        return False
    known = vocab.visit_triggers | vocab.words("site_objects") \
        | vocab.words("site_descriptors") | vocab.words("premises_nouns") \
        | vocab.words("tour_nouns") | vocab.words("meeting_words") | vocab.geo_descriptors
    # only a noun joined to the list of what was visited («…, город-спутник Казани — X»)
    return tokens[head].rel in ("conj", "appos") and tokens[head].lemma not in known


def _exhibitor(ctx: Context, index: int) -> bool:
    """«осмотрел стенды Кедровской и Ольховской областей»: a region or country whose stand or
    pavilion the group saw at a fair took part in the fair; the group did not go there (the
    stand's noun before the place, or before the first of the list the place ends). A
    museum's or park's «экспозиция» is theirs, where the group did go."""
    if ctx.mention_type(index) != "LOC":
        return False
    tokens, exhibits = ctx.doc.tokens, ctx.vocab.words("exhibit_nouns")
    if _besides_exhibits(ctx, index, exhibits):
        return True
    for mention in (index, list_head(ctx, index)):
        t = ctx.first(mention) - 1
        while t >= 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ":
            t -= 1  # «стенд нашей области»
        if t < 0 or t in ctx.mention_at:
            return False
        if tokens[t].lemma in exhibits:
            # «экспозицию «Кедр»»: a quoted name after the noun is the exhibition's own
            return tokens[ctx.first(mention)].text != QUOTE_OPEN
        if tokens[t].lemma not in (",", "и"):
            return False  # «стенд области и завод «Кедр»»: the plant has its own noun
    return False


def _besides_exhibits(ctx: Context, index: int, exhibits: frozenset[str]) -> bool:
    """«Помимо Кедровской области гости осмотрели стенды Ольховской»: a place after
    «помимо/кроме» in a clause whose verb's object is a stand or pavilion is one more
    exhibitor."""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    t = ctx.first(index) - 1
    if root is None or t < 0 or tokens[t].lemma not in ctx.vocab.words("besides_words"):
        return False
    verb = tokens[root].head_id
    if verb < 0 or tokens[verb].pos != "VERB":
        return False
    stands = [c for c in ctx.children.get(verb, [])
              if tokens[c].rel == "obj" and tokens[c].lemma in exhibits]
    # only stands whose owner is left out («стенды Ольховской»): «стенды компаний» have
    # owners of their own, and a town seen before them was a stop of the trip
    return any(not _owner_named(ctx, stand) for stand in stands) \
        and _region_or_country(ctx, index)


def _owner_named(ctx: Context, noun: int) -> bool:
    """Does a noun in the genitive that is no place hang on ``noun`` («стенды компаний»: its
    owners are firms; «стенды Приморского и Красноярского краёв» are regions' stands)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    places = vocab.region_name_words
    return any(tokens[c].rel == "nmod" and tokens[c].pos in ("NOUN", "PROPN")
               and tokens[c].lemma not in places
               and not (c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC")
               for c in ctx.children.get(noun, []))


def _region_or_country(ctx: Context, index: int) -> bool:
    """A country or region by the gazetteer, or a name ending in a region's head word
    («Кедровская область»), not a town."""
    place = gazetteer().lookup(ctx.doc.mentions[index].normal)
    if place is not None:
        return place.kind != "city"
    words = ctx.doc.mentions[index].normal.lower().split()
    return len(words) > 1 and words[-1] in ctx.vocab.words("region_name_heads")


def _returned_to(ctx: Context, index: int) -> bool:
    """«возвратился в Джакарту после визита», «гости вылетели в Ташкент»: a place in a
    group's own country or region that it comes back or leaves for is its home, not a site
    of the visit («вернулась из Минска» is, see ``group_present``; «затем вернулась в X», a
    place abroad, is too)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    root = ctx.mention_root(index)
    if root is None or tokens[root].head_id < 0:
        return False
    verb = tokens[root].head_id
    lemma = tokens[verb].lemma
    if (lemma not in vocab.words("return_verbs") and lemma not in vocab.words("leaving_verbs")) \
            or not any(
            tokens[c].lemma in ("в", "во", "на") for c in ctx.children.get(root, [])):
        return False
    place = ctx.doc.mentions[index].normal
    return any(_at_home(group.origin, place) for group in ctx.delegations if group.origin)


def _web_address(mention: Mention) -> bool:
    """«Perm-news.net»: a site named by its web address is where the news came from."""
    return mention.type == "ORG" and WEB_ADDRESS.fullmatch(mention.normal.strip().lower()) \
        is not None


def _compared_within(ctx: Context, index: int) -> bool:
    """«на крупнейшую в Европе ферму»: a place that an adjective governs is the range of a
    comparison, not a place visited."""
    tokens = ctx.doc.tokens
    return any(tokens[m].head_id >= 0 and tokens[m].head_id not in ctx.mention_at
               and tokens[tokens[m].head_id].pos == "ADJ" for m in ctx.mention_tokens(index))


def _topic_named(ctx: Context, index: int) -> bool:
    """«ознакомились с ходом работ по проекту «Кедр-2»»: a name right after a project's or
    programme's noun, which it hangs on, is that project, a topic (``visit_topic_heads``)."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if t >= 0 and t not in ctx.mention_at and tokens[t].text == QUOTE_OPEN:
        t -= 1
    root = ctx.mention_root(index)
    return t >= 0 and root is not None and t not in ctx.mention_at \
        and tokens[t].lemma in ctx.vocab.words("visit_topic_heads") \
        and (tokens[root].head_id == t or tokens[t].head_id == root) \
        and _on_topic_word(ctx, t)


# how many genitive or apposition steps up from a body its works noun may stand («с работой
# резидентов технопарка — компаний «A» и «B»»: four)
WORKS_DEPTH = 5


def _works_learned_of(ctx: Context, index: int) -> bool:
    """«познакомились с разработками «X»», «с работой резидентов — компаний «A» и «B»»: a body
    whose works or work the group learned of (``learned_works_nouns`` under a word of learning)
    is no site it went to (not «с производством «X»», a site; nor a park, whose work is learned
    of on its grounds)."""
    tokens, works = ctx.doc.tokens, ctx.vocab.words("learned_works_nouns")
    if ctx.mention_type(index) != "ORG":
        return False  # («ознакомилась с работой технопарка «X»»: learned of on its grounds)
    t = ctx.mention_root(index)
    for _ in range(WORKS_DEPTH):
        if t is None or t < 0 or tokens[t].rel not in ("nmod", "appos", "conj"):
            return False
        t = tokens[t].head_id
        if t >= 0 and t not in ctx.mention_at and tokens[t].lemma in works:
            return _on_topic_word(ctx, t)
    return False


def _on_topic_word(ctx: Context, noun: int) -> bool:
    """Does the project's noun hang (past at most two more words) on a word of learning or
    telling («с ходом работ по проекту», «ознакомились с программой»), not first on a site's
    noun («посетила площадку проекта «X»»: the project's site, where the group went)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    topics, sites = vocab.words("visit_topic_governors"), vocab.words("site_objects")
    t = tokens[noun].head_id
    for _ in range(3):
        if t < 0 or tokens[t].lemma in sites:
            return False
        if tokens[t].lemma in topics:
            return True
        t = tokens[t].head_id
    return False


def _ranked_within(ctx: Context, index: int) -> bool:
    """«посетили ведущий технический вуз России», «побывала на лучших объектах столицы
    Беларуси»: a country in the genitive under a noun a ranking adjective qualifies (or under
    a noun in the genitive below it) is the range of the ranking, where the text has already
    put the group in that country; the site is the noun's own. A country not yet named as
    the group's whereabouts («Делегация Японии посетила крупнейшие предприятия Казахстана»)
    is where it went (a region there may be a site the group toured: «предприятия
    Смоленщины»)."""
    root = ctx.mention_root(index)
    if ctx.mention_type(index) != "LOC" or root is None or not _under_ranked_noun(ctx, root):
        return False
    place = gazetteer().lookup(ctx.doc.mentions[index].normal)
    if place is None or place.kind != "country":
        return False
    # «ведущий технический вуз России — МГТУ имени Баумана»: the ranked site named right
    # after gets the visit; at home a group from abroad is not named as visiting Russia
    return _host_country_before(ctx, index, place.country) \
        or (place.country == HOME_COUNTRY and _site_named_after(ctx, index))


def _under_ranked_noun(ctx: Context, root: int) -> bool:
    """Does a token in the genitive hang on a noun that a ranking adjective qualifies
    (directly, or past one more noun in the genitive)?"""
    tokens, ranks = ctx.doc.tokens, ctx.vocab.words("ranking_adjectives")
    t = root
    for _ in range(2):
        if tokens[t].rel != "nmod" or case_of(tokens[t]) != "Gen":
            return False
        t = tokens[t].head_id
        if t < 0 or t in ctx.mention_at or tokens[t].pos != "NOUN":
            return False
        if any(tokens[c].rel == "amod" and (tokens[c].lemma in ranks
                                            or "Degree=Sup" in tokens[c].feats)
               for c in ctx.children.get(t, [])):
            return True
    return False


def _site_named_after(ctx: Context, index: int) -> bool:
    """Is a site's name (an organisation or park) right after the place, or after a dash?"""
    tokens = ctx.doc.tokens
    t = ctx.last(index) + 1
    if t < len(tokens) and t not in ctx.mention_at and tokens[t].text in DASH_OR_HYPHEN:
        t += 1
    site = ctx.mention_at.get(t)
    return site is not None and ctx.first(site) == t \
        and ctx.mention_type(site) in ("ORG", "PARK")


def _host_country_before(ctx: Context, index: int, country: str) -> bool:
    """Has the text, before this mention, named a place in ``country`` (the country itself,
    or a town or region of it) that is no group's origin: the country the group is in."""
    first = ctx.first(index)
    for other, mention in enumerate(ctx.doc.mentions):
        if other == index or other in ctx.origin_mentions or mention.type != "LOC" \
                or ctx.first(other) >= first:
            continue
        found = gazetteer().lookup(mention.normal)
        if found is not None and found.country == country:
            return True
    return False


def _place_of_place(ctx: Context, index: int) -> bool:
    """«в Брестскую область Республики Беларусь», «в городе Линьи провинции Шаньдун»: a
    place in the genitive right after another place only says where that one is."""
    tokens = ctx.doc.tokens
    if ctx.mention_type(index) != "LOC":
        return False
    first = ctx.first(index)
    t = first - 1
    if _bracketed_after_place(ctx, index):
        return True
    descriptor = t >= 0 and tokens[t].lemma in ctx.vocab.geo_descriptors \
        and t not in ctx.mention_at
    # an indeclinable name («провинции Шаньдун») shows its case on the descriptor
    cased = [first, ctx.last(index), *([t] if descriptor else [])]
    if not any(case_of(tokens[c]) == "Gen" for c in cased):
        return False
    if descriptor:
        t -= 1
    other = ctx.mention_at.get(t)
    return other is not None and other != index and ctx.mention_type(other) == "LOC"


def _owner_of_site(ctx: Context, index: int) -> bool:
    """«посетил технопарк «Кедр» Тверского университета»: an organisation in the genitive
    right after a named park or organisation only says whose that site is."""
    tokens = ctx.doc.tokens
    if ctx.mention_type(index) != "ORG":
        return False
    first = ctx.first(index)
    before = ctx.mention_at.get(first - 1)
    if before is None or ctx.mention_type(before) not in ("PARK", "ORG"):
        return False
    return any(case_of(tokens[c]) == "Gen" for c in (first, ctx.last(index)))


def _bracketed_after_place(ctx: Context, index: int) -> bool:
    """«в Женеву (Швейцария)»: a place alone in brackets right after a place names where that
    one is."""
    if not ctx.bracketed_alone(index):
        return False
    before = ctx.mention_at.get(ctx.first(index) - 2)
    return before is not None and ctx.mention_type(before) == "LOC"


def _preposition_before(ctx: Context, index: int, premises: frozenset[str] = frozenset()
                        ) -> int | None:
    """The «в/во/на» right before a mention (its adjectives and a descriptor between; a room or
    site word of ``premises`` too: «на площадке технопарка X»)."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    while t > 0 and t not in ctx.mention_at and (
            tokens[t].pos == "ADJ" or tokens[t].lemma in ctx.vocab.geo_descriptors
            or tokens[t].lemma in premises or ctx.legal_form(t)  # «в АО «Кедр»»
            or _abbreviation_before_quote(ctx, t)):
        t -= 1
    return t if t >= 0 and tokens[t].lemma in ("в", "во", "на") else None


def _abbreviation_before_quote(ctx: Context, t: int) -> bool:
    """«в АУ «Технопарк»», «на ФГУП «Завод»»: an institution's abbreviated form before a
    quoted name."""
    tokens = ctx.doc.tokens
    return _abbreviation(tokens[t], longest=6) \
        and t + 1 < len(tokens) and tokens[t + 1].text == QUOTE_OPEN


def _destination(ctx: Context, index: int) -> bool:
    """«визит делегации провинции X в Витебск»: a place after «в/на» that follows the
    group's words is where it went, not a part of its name; so is a site after its kind
    («визит делегации из X на завод «Y»»)."""
    tokens, kinds = ctx.doc.tokens, ctx.vocab.site_kinds
    t = _preposition_before(ctx, index, kinds)
    if t is None:
        return _toured_by_trip(ctx, index)
    root = next((m for m in ctx.mention_tokens(index)
                 if tokens[m].head_id not in ctx.mention_tokens(index)), None)
    if root is None or tokens[root].head_id < 0:
        return False
    descriptor = tokens[root].head_id
    if t < descriptor < ctx.first(index) and (tokens[descriptor].lemma in ctx.vocab.geo_descriptors
                                              or tokens[descriptor].lemma in kinds):
        root = descriptor  # «в китайскую провинцию Шанси», «на завод «Y»», «на полях X»
    elif tokens[ctx.first(index) - 1].lemma in kinds:
        root = ctx.first(index) - 1  # the kind right before the name, wherever the parse hangs it
    if tokens[root].head_id < 0:
        return False
    governor = tokens[tokens[root].head_id]
    refs = {r.token for r in ctx.refs}
    if _direction_under_group(ctx, root, refs):
        return True
    # («отправился с визитом в Россию»: the motion verb's own destination; «находится с
    # визитом в Тамбове»: where one stays on a trip)
    return governor.lemma in ctx.vocab.visit_triggers or governor.token_id in refs \
        or governor.lemma in ctx.vocab.words("visit_motion_verbs") \
        or (governor.lemma in ctx.vocab.words("head_presence_verbs") and any(
            tokens[c].lemma in ctx.vocab.words("trip_nouns")
            for c in ctx.children.get(governor.token_id, [])))


def _toured_by_trip(ctx: Context, index: int) -> bool:
    """«во время поездки по Кыргызстану», «турне делегации по Китаю»: a place in the dative
    after «по» that a trip noun governs is the land the trip went across."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    root = ctx.mention_root(index)
    if first < 1 or tokens[first - 1].lemma != "по" or root is None \
            or case_of(tokens[root]) != "Dat" or ctx.mention_type(index) != "LOC":
        return False
    # (the group's word between: «поездки делегации по Китаю»)
    return head_with_lemma(tokens, root, ctx.vocab.words("trip_nouns"), 2) is not None


def _direction_under_group(ctx: Context, root: int, refs: set[int]) -> bool:
    """«визит делегации деловых кругов провинции X в Тамбов»: a place in the accusative (a
    direction, never part of a name) that the parse hung deeper in the group's phrase, the
    nouns above it leading up to the group's word, itself under a visit noun («делегация
    экспортёров зерна в Китай посетила Минск»: no visit noun, Китай is their trade's)."""
    tokens = ctx.doc.tokens
    # an abbreviation («в МПГУ») shows no case: the tagger's guess is no evidence
    if case_of(tokens[root]) != "Acc" and not _abbreviation(tokens[root]):
        return False
    t = tokens[root].head_id
    for _ in range(4):
        if t < 0 or tokens[t].pos not in ("NOUN", "PROPN"):
            return False
        if t in refs:
            above = tokens[t].head_id
            return above >= 0 and tokens[above].lemma in ctx.vocab.words("trip_nouns")
        if tokens[t].lemma in ctx.vocab.words("trip_nouns") \
                and any(tokens[r].head_id == t for r in refs):
            return True  # «визит делегации в составе 20 человек в X»: hung on the visit noun
        t = tokens[t].head_id
    return False


def _abbreviation(token: Token, longest: int = 8) -> bool:
    """An upper-case abbreviation that does not decline («МПГУ», «КФУ»), of up to
    ``longest`` letters."""
    return 2 <= len(token.text) <= longest and token.text.isalpha() and token.text.isupper()


def _origin_aside(ctx: Context, index: int) -> bool:
    """A place in brackets after the group's origin or right after the group's words
    («делегация провинции X (Канада)», «приехали две компании: «А» и «Б»»)."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if t < 1 or t in ctx.mention_at or tokens[t].text not in ("(", ":"):
        return False
    before = ctx.mention_at.get(t - 1)
    if tokens[t].text == "(":
        return before is not None and before in ctx.origin_mentions
    refs = {r.token for r in ctx.refs}
    return any(b in refs for b in range(max(t - 3, 0), t))


def _place_of_verb(ctx: Context, index: int, noun: int) -> bool:
    """«В Югре состоялись встречи с делегацией», «направилась во Вьетнам с визитом»: the
    place («в/на X») of the verb the visit noun depends on, not a speech verb's."""
    tokens = ctx.doc.tokens
    verb = _clause_verb(ctx, noun)
    if verb is None or tokens[verb].lemma in ctx.vocab.speech_verbs:
        return False
    # adjectives and a descriptor may stand between («в побратимской провинции X»)
    return _preposition_before(ctx, index) is not None and _governed_by(ctx, index, verb) \
        and _in_own_clause(ctx, list_head(ctx, index), verb)


def _in_own_clause(ctx: Context, index: int, verb: int) -> bool:
    """Does the mention stand in the verb's own clause: no «, а», «но», other finite verb or
    subject of another word between them («находится в X, а губернатор в это время в
    провинции Y»: Y is another subject's)?"""
    tokens = ctx.doc.tokens
    first, last = ctx.first(index), ctx.last(index)
    between = range(verb + 1, first) if first > verb else range(last + 1, verb)
    return not any(t not in ctx.mention_at and (
        ctx.contrast_at(t) or tokens[t].lemma == "но" or tokens[t].text == ";"
        or is_finite_verb(tokens[t])
        or (tokens[t].rel.startswith("nsubj") and tokens[t].head_id != verb))
        for t in between)


def _right_after_noun(ctx: Context, index: int, trigger: int) -> bool:
    """Does the mention's phrase follow the visit noun and its «в»/«на» with nothing but its
    own nouns and adjectives between («визиты в Тайваньскую торговую палату «X»»), however
    the parse hung them?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    if first <= trigger + 1 or tokens[trigger + 1].lemma not in PLACE_PREPOSITIONS:
        return False
    return all(tokens[t].pos in ("ADJ", "NOUN", "PROPN") and t not in ctx.mention_at
               for t in range(trigger + 2, first))


def _governed_by(ctx: Context, index: int, trigger: int) -> bool:
    """Does the mention depend on ``trigger`` through nouns only (no verb between)?"""
    tokens = ctx.doc.tokens
    for t in ctx.mention_tokens(index):
        seen = 0
        while t >= 0 and seen < 8:
            if t == trigger:
                return True
            if tokens[t].pos in ("VERB", "AUX") and t not in ctx.mention_at:
                break
            t = tokens[t].head_id
            seen += 1
    return False


@matcher("visit_clause")
def visit_clause(ctx: Context, rule: RelationRule) -> None:
    """«делегация посетила технопарк X», «визит делегации в X»: the sites of the trigger's
    clause and the delegation referred to nearest it (those ``visit_clause_nested`` takes
    left to it)."""
    for group, site, sent_id, _, nested in _visit_clause_facts(ctx):
        if not nested:
            ctx.add(rule, group, site, sent_id)


# dependencies that keep a word inside its head's noun phrase
PHRASE_RELATIONS = ("nmod", "conj", "appos", "flat", "flat:name", "amod", "nummod")


@matcher("visit_clause_nested")
def visit_clause_nested(ctx: Context, rule: RelationRule) -> None:
    """The least sure of ``visit_clause``'s facts, under a rule of their own: an organisation
    or place deeper in the visit verb's clause than its object or oblique («посетила цеха
    предприятия X», «провела переговоры с палатой Y»; an inviter is no site: ``_inviter``)."""
    for group, site, sent_id, _, nested in _visit_clause_facts(ctx):
        if nested:
            ctx.add(rule, group, site, sent_id)


@matcher("visit_by_named_group")
def visit_by_named_group(ctx: Context, rule: RelationRule) -> None:
    """The surest of ``visit_clause``'s facts: a group whose origin the text names is the
    subject of a past visit verb that governs the site itself («Делегация из Омска посетила
    технопарк X»). Run before ``visit_clause``, it gives those facts its own confidence."""
    for group, site, sent_id, sure, _ in _visit_clause_facts(ctx):
        if sure:
            ctx.add(rule, group, site, sent_id)


def _walked_through(ctx: Context, token: Token) -> bool:
    """Is the verb a walk «по» a site's parts or grounds («гости прошли по цехам завода
    «X»»: ``walk_through_verbs``, ``site_area_nouns``, ``site_objects``), or a host's leading
    the group there («директор провёл гостей по цехам»: ``guiding_verbs``)?"""
    tokens = ctx.doc.tokens
    if token.lemma not in ctx.vocab.words("walk_through_verbs") and not _leads_group(ctx, token):
        return False
    return any(tokens[c].rel == "obl" and c > 0 and tokens[c - 1].lemma == "по"
               and (tokens[c].lemma in ctx.vocab.site_area_nouns
                    or tokens[c].lemma in ctx.vocab.words("site_objects"))
               for c in ctx.children.get(token.token_id, []))


def _leads_group(ctx: Context, token: Token) -> bool:
    """Is the verb one of leading someone round with a group's word as its object («провёл
    гостей по цехам …»: ``guiding_verbs``)?"""
    return token.lemma in ctx.vocab.words("guiding_verbs") and any(
        ctx.doc.tokens[c].rel == "obj" and ctx.ref_at(c) is not None
        for c in ctx.children.get(token.token_id, []))


def _visit_clause_facts(ctx: Context) -> Iterator[tuple[int, int, int, bool, bool]]:
    """(group, site, sentence, sure, nested) for each visit clause: see ``visit_clause``;
    sure as ``visit_by_named_group`` says, nested as ``visit_clause_nested`` says."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    triggers = vocab.visit_triggers | vocab.words("visit_motion_verbs")
    for token in tokens:
        if (token.lemma not in triggers and not _walked_through(ctx, token)) \
                or _planned(ctx, token.token_id) or _purpose(ctx, token) or _remote(ctx, token):
            continue
        speech = ctx.in_speech(token.token_id)
        if speech and not past_finite_verb(token):  # speech reports a done visit
            continue
        following = [tokens[t].lemma for t in range(token.token_id + 1,
                                                     min(token.token_id + 3, len(tokens)))]
        if token.lemma in vocab.participation_light_verbs \
                and any(f in vocab.participation_nouns for f in following):
            continue
        if _group_presents(ctx, token) or _met_people(ctx, token):
            continue
        scope = visit_scope(ctx, token.token_id)
        if token.pos == "NOUN" and any(tokens[t].lemma in vocab.visit_triggers
                                       and tokens[t].pos == "VERB" and _planned(ctx, t)
                                       for t in scope):
            continue  # the verb of the clause decides («в ходе визита … планирует посетить»)
        verb = _clause_verb(ctx, token.token_id) if token.pos == "NOUN" else None
        if verb is not None and ctx.future(verb):
            continue  # «в ходе визита в X делегация будет обсуждать …»: a visit to come
        if token.pos == "NOUN" and verb is None and _told_only_as_future(ctx, token.sent_id):
            continue  # «В программе визита делегации, которая прибудет в X, — посещение Y»
        ref = ctx.nearest_ref(token.token_id, scope)
        if speech:
            # «…, когда делегация новосибирских компаний приезжала к нам на Хоккайдо»:
            # quoted, a past visit counts where a «делегация» in the clause makes it
            ref = next((r for r in ctx.refs_in(token.sent_id) if r.token in scope
                        and r.token < token.token_id
                        and tokens[r.token].lemma in vocab.delegation_heads), None)
        visitors = _visitor_subject(ctx, token)
        if visitors is None and ref is None and verb is not None \
                and tokens[verb].lemma in vocab.visit_triggers and not _planned(ctx, verb):
            visitors = _visitor_subject(ctx, tokens[verb])  # «в рамках поездки по X, журналисты …»
        if visitors is not None:
            ref = visitors
        elif _other_subject(ctx, token):
            continue  # «…, а деловые круги X ознакомились с Y»: another group's visit
        nearest = ref is not None and visitors is None
        if ref is None and not speech:
            ref = _pronoun_ref(ctx, token) or _previous_group(ctx, token)
        if ref is None or _unnamed_groups(ctx, ref):
            continue
        if _held_for_group(ctx, ref, token):
            continue  # «Для делегации Деловой совет провёл семинар»: the host acts for it
        group = ctx.delegation_entity(ref)
        named_subject = token.pos == "VERB" and "Tense=Past" in token.feats and not speech \
            and bool(ctx.delegations[ref.delegation].origin) \
            and tokens[ref.token].head_id == token.token_id \
            and tokens[ref.token].rel in ("nsubj", "nsubj:pass")
        # a list after the clause («…, в том числе X, Y») names the sites themselves
        own_clause = set(ctx.mentions_in(ctx.scope(token.token_id)))
        targets = visit_targets(ctx, scope, token.token_id)
        # «Делегация посетила:» and a bulleted list of sites, a line each (not «осмотрели
        # производства резидентов парка:»: the list names the park's residents)
        end = ctx.sentence(token.sent_id).stop
        bulleted = ctx.bulleted_after(token.sent_id, SITE_TYPES) if scope[-1] + 2 >= end \
            and not any(tokens[t].lemma in vocab.words("resident_words")
                        for t in range(token.token_id, end)) else []
        for index in targets + _listed_on(ctx, targets, scope) + bulleted:
            first = ctx.first(index)
            if any(tokens[b].lemma in vocab.participation_nouns for b in
                   range(min(first, token.token_id) + 1, first)):
                continue  # «визит … в рамках участия компаний в выставке X»
            governed = any(tokens[t].head_id == token.token_id
                           and tokens[t].rel in ("obj", "obl") for t in ctx.mention_tokens(index))
            nested = nearest and token.pos == "VERB" and not governed \
                and ctx.mention_type(index) in ("ORG", "LOC") and index in own_clause
            if ctx.honoured(first):
                continue  # «заслуженный металлург Российской Федерации X»: an honour
            if _represented_by_participle(ctx, index):
                continue  # «делегация, представлявшая власти и партию X»: whom it stands for
            if nested and (_where_someone_comes_from(ctx, index)
                           or _where_a_thing_goes(ctx, index)
                           or ctx.governed(ctx.mention_root(index) or first, "к", "ко")
                           or _joined_verb_argument(ctx, index, token.token_id)
                           or _where_the_origin_is(ctx, ctx.delegations[ref.delegation], index)
                           or _whose_capital(ctx, index)
                           or _of_group_phrase(ctx, ref.token, token.token_id, index)
                           or _scope_of_one_of(ctx, index)
                           or _body_of_a_participle(ctx, index, token.token_id)
                           or (first < token.token_id and names_employer(ctx, index))):
                continue  # «переговоры с участниками из Хакасии», «поставки в Андижан»,
                # «площадь присоединения республики к России», «предприятия столицы
                # Карелии», «делегация муниципалитета X и агентства Y»: not where the group
                # went
            other = _other_group_between(ctx, ref, token.token_id, first)
            if other is not None:  # «…, а иранская делегация — в X»: the other group's
                yield ctx.delegation_entity(other), ctx.entity(index), token.sent_id, False, False
                continue
            yield group, ctx.entity(index), token.sent_id, named_subject and governed, nested
        for site in _descriptor_sites(ctx, scope, token.token_id):
            yield group, site, token.sent_id, False, False
        for site in _country_anaphor_sites(ctx, scope, token.token_id,
                                           ctx.delegations[ref.delegation]):
            yield group, site, token.sent_id, False, False
        for index in _described_after(ctx, targets):
            yield group, ctx.entity(index), ctx.doc.tokens[ctx.first(index)].sent_id, False, False
        destination = _destination_after_group(ctx, token) if token.pos == "NOUN" else None
        if destination is not None and ctx.ref_at(token.token_id + 1) is ref:
            yield group, ctx.entity(destination), token.sent_id, False, False




def _of_group_phrase(ctx: Context, group_word: int, verb: int, index: int) -> bool:
    """Is the mention a part of the group word's own noun phrase, its genitives and their
    conjuncts («делегация муниципалитета X, агентства Y и комплекса Z»), after the group word
    and not past the visit ``verb``: who the group is, not where it went (not a participle's:
    «делегация, посетившая завод X»)?"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    if first < group_word or group_word < verb < first or case_of(tokens[group_word]) != "Nom":
        return False  # (not «показала гостям лаборатории компании X»: shown to them)
    t = ctx.mention_root(index)
    for _ in range(8):  # (a few steps: a parse may loop)
        if t is None or t < 0 or tokens[t].rel not in PHRASE_RELATIONS or ctx.governed(t):
            return False  # (a preposition's phrase is no genitive of the group's)
        t = tokens[t].head_id
        if t == group_word:
            return True
    return False


def _body_of_a_participle(ctx: Context, index: int, verb: int) -> bool:
    """Is the organisation an argument of a participle that describes the site («осмотрели
    принадлежащий компании «X» парк», «созданный фондом «Y» центр»): its owner or maker?
    (Not the visit ``verb``'s own: «делегация, посетившая завод «X»».)"""
    tokens = ctx.doc.tokens
    # (the name's own word: the parse may hang the quote elsewhere)
    t = next((w for w in ctx.mention_tokens(index) if tokens[w].text.isalnum()), None)
    if ctx.mention_type(index) != "ORG" or t is None:
        return False
    for _ in range(3):  # (a few steps: a parse may loop)
        if tokens[t].rel not in ("appos", "flat", "flat:name") or tokens[t].head_id < 0:
            break
        t = tokens[t].head_id  # «компании «X»»: the noun the name is of
    head = tokens[t].head_id
    return 0 <= head != verb and tokens[t].rel in ("iobj", "obj", "obl", "obl:agent", "nmod") \
        and "VerbForm=Part" in tokens[head].feats and tokens[head].rel in ("acl", "amod")


def _represented_by_participle(ctx: Context, index: int) -> bool:
    """Is the name in the list a participle of representing opens before it, with no finite
    verb between («делегацией, представлявшей власти Пекина, партию X и комитет Y»),
    however the parse hung the list: whom the group stands for, not a site?"""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words("representation_verbs")
    first = ctx.first(index)
    for t in range(first - 1, max(first - 16, -1), -1):
        token = tokens[t]
        if token.sent_id != tokens[first].sent_id or is_finite_verb(token):
            return False
        if token.lemma in verbs and "VerbForm=Part" in token.feats:
            return True
    return False


def _scope_of_one_of(ctx: Context, index: int) -> bool:
    """Is the place the genitive of a plural noun after «один из» («один из ведущих парков
    Китая — «X»»): where the site ranks, not a place the group went to?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if root is None or root < 0 or tokens[root].rel != "nmod" \
            or "Case=Gen" not in tokens[root].feats or ctx.governed(root):
        return False
    noun = tokens[root].head_id
    return noun >= 1 and "Number=Plur" in tokens[noun].feats and ctx.governed(noun, "из") \
        and tokens[noun].head_id >= 0 and tokens[tokens[noun].head_id].lemma == "один"


def _whose_capital(ctx: Context, index: int) -> bool:
    """Is the place the genitive of a capital's noun («предприятия столицы Карелии»): the
    capital, unnamed, is where the group was, not the whole region?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    head = tokens[root].head_id if root is not None and root >= 0 else -1
    # (a body's «центр» is its building: «в информационном центре Цимлянской АЭС»)
    return head >= 0 and tokens[head].lemma in ctx.vocab.words("capital_nouns") \
        and "Case=Gen" in tokens[root].feats and ctx.mention_type(index) == "LOC"


def _where_someone_comes_from(ctx: Context, index: int) -> bool:
    """Is the place named after «из» or «от», itself, as a conjunct of one so named («с
    участниками из Кузбасса и Хакасии») or as the name of the noun after it («из компании
    «X»»)?"""
    root = ctx.mention_root(index)
    seen = {root}  # (a parse may loop: each word once)
    # (through conjuncts, and from a quoted name to its noun: «из компании «X»»)
    while root is not None and root >= 0 and ctx.doc.tokens[root].rel in ("conj", "appos") \
            and ctx.doc.tokens[root].head_id not in seen:
        root = ctx.doc.tokens[root].head_id
        seen.add(root)
    return root is not None and root >= 0 and ctx.governed(root, *ORIGIN_PREPOSITIONS)


def _where_a_thing_goes(ctx: Context, index: int) -> bool:
    """Is the place a noun's «в X» or «на X» of direction (the accusative), the noun no
    trip's («поставки кабеля в Андижан», «экспорт на рынки X»): where goods go, not where the
    group went?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    if root is None or root < 0 or ctx.mention_type(index) != "LOC" \
            or not ctx.governed(root, "в", "во", "на") or "Case=Acc" not in tokens[root].feats:
        return False  # (where: «переговоры в Ташкенте» place the group; whither: goods)
    head = tokens[root].head_id
    return head >= 0 and tokens[head].pos == "NOUN" \
        and tokens[head].lemma not in ctx.vocab.visit_triggers


def _other_group_between(ctx: Context, ref: Ref | None, trigger: int, site: int) -> Ref | None:
    """Another group's word after «а» (or a comma) between a visit word and a site after it,
    the verb left out («индийцы отправились на завод X, а иранская делегация — в Y», «…, а
    делегация Ирана — ОЭЗ Y», «…, армянская делегация — в Y»): Y is its (with no ``ref``,
    any group's word there)."""
    tokens = ctx.doc.tokens
    if site <= trigger:
        return None
    between = [r for r in ctx.refs_in(tokens[trigger].sent_id)
               if trigger < r.token < site and (ref is None or r.delegation != ref.delegation)]
    contrast = ctx.vocab.words("contrast_words")
    return next((r for r in reversed(between)
                 if any(tokens[t].lemma in contrast or tokens[t].text == ","
                        for t in range(max(r.token - 3, trigger), r.token))
                 and any(tokens[t].text in DASHES for t in range(r.token + 1, site))), None)


def _told_only_as_future(ctx: Context, sent_id: int) -> bool:
    """Are the sentence's finite verbs (one at least) all future: a visit noun the parse hung
    on none of them belongs to a time to come too?"""
    tokens = ctx.doc.tokens
    finite = [t for t in ctx.sentence(sent_id) if is_finite_verb(tokens[t])]
    return bool(finite) and all(ctx.future(t) for t in finite)


def _described_after(ctx: Context, targets: list[int]) -> list[int]:
    """«…посетили ООО «X» — делает насосы. Завод «Y» — выпускает пробки. ООО «Z» — …»: a
    site that a dash and what it does follow goes on in the sentences after it, each a
    name of the same kind and a dash; the names, up to the first sentence not built so."""
    tokens, found = ctx.doc.tokens, []
    described = [i for i in targets if ctx.mention_type(i) in ("ORG", "PARK")
                 and ctx.last(i) + 1 < len(tokens) and tokens[ctx.last(i) + 1].text in DASHES]
    if not described:
        return []
    sent_id = tokens[ctx.first(described[-1])].sent_id + 1
    while sent_id < len(ctx.doc.sentences):
        words = ctx.sentence(sent_id)
        first = words.start
        if first in ctx.mention_at:
            index = ctx.mention_at[first]
        elif first + 1 in ctx.mention_at and tokens[first].lemma in ctx.vocab.site_heads:
            index = ctx.mention_at[first + 1]  # «Завод «Y» — …»
        else:
            break
        after = ctx.last(index) + 1
        if ctx.mention_type(index) not in ("ORG", "PARK") or after >= words.stop \
                or tokens[after].text not in DASHES or _possessive_after(ctx, after + 1):
            break
        found.append(index)
        sent_id += 1
    return found


def _possessive_after(ctx: Context, t: int) -> bool:
    """«Завод «Y» — его давний партнёр»: a possessive right after the dash ties the name to
    one told before (the site before it), no stop of its own."""
    tokens = ctx.doc.tokens
    return t < len(tokens) and tokens[t].text.lower() in ctx.vocab.possessives


def _unnamed_groups(ctx: Context, ref: Ref) -> bool:
    """«Официальные делегации из разных стран прибывают на X»: a group word in the plural,
    for a group with no origin, is several groups no one fact can name."""
    return not ctx.delegations[ref.delegation].origin \
        and ctx.doc.tokens[ref.token].lemma in ctx.vocab.delegation_heads \
        and plural_group_word(ctx, ref.token)


def _listed_on(ctx: Context, targets: list[int], scope: list[int]) -> list[int]:
    """«… технопарка «X», IT-парка имени Y и технополиса «Z»»: the names that follow a site
    in a plain list (only «,» or «и» between), of its own type, wherever the parse hung
    them (a tree may tie a later item to the group's phrase)."""
    tokens = ctx.doc.tokens
    inside, found = set(scope), []
    last = sorted(targets, key=ctx.first)
    for site in last:
        current = site
        while True:
            t = ctx.last(current) + 1
            while t < len(tokens) and tokens[t].text in (",", "и") and t not in ctx.mention_at:
                t += 1
            following = ctx.mention_at.get(t)
            if following is None or t == ctx.last(current) + 1 or t not in inside \
                    or ctx.mention_type(following) != ctx.mention_type(current) \
                    or ctx.mention_type(following) not in ("PARK", "ORG") \
                    or following in targets or following in found:
                break  # (an item the parse took into the group's phrase is still listed)
            found.append(following)
            current = following
    return found


def _destination_after_group(ctx: Context, token: Token) -> int | None:
    """«визита делегации Тамбовской области в КНР»: the place after «в» that ends a visit
    noun's group phrase (the group word and its origin in the genitive), wherever the parse
    hangs it."""
    tokens = ctx.doc.tokens
    t = token.token_id + 1
    if ctx.ref_at(t) is None:
        return None
    while t + 1 < len(tokens) and t < token.token_id + 8 and tokens[t + 1].lemma not in (
            "в", "во") and (tokens[t + 1].pos in ("ADJ", "NOUN", "PROPN") and (
            "Case=Gen" in tokens[t + 1].feats or t + 1 in ctx.mention_at)):
        t += 1
    return place_after(ctx, t, ("в", "во"))


def _descriptor_sites(ctx: Context, scope: list[int], trigger: int) -> list[int]:
    """«Гости осмотрели технопарк», «ознакомились с работой крупного индустриального парка»:
    a bare site word (singular, no name after it) the visit word governs stands for the one
    site named before with that word («технопарк «Кедр»», «заводе «Луч»»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    words = vocab.words("site_descriptors")
    sites: list[int] = []
    for t in scope:
        token = tokens[t]
        # (a bare «ОЭЗ» the tagger reads as a proper noun too)
        if token.lemma not in words or token.pos not in ("NOUN", "PROPN") or t in ctx.mention_at \
                or "Number=Plur" in token.feats or t + 1 >= len(tokens) \
                or t + 1 in ctx.mention_at or tokens[t + 1].text == QUOTE_OPEN \
                or not _word_governed_by(ctx, t, trigger) or _owner_named_after(ctx, t):
            continue
        wanted = vocab.zone_anaphors if token.lemma in vocab.zone_anaphors else {token.lemma}
        by_word = _sites_by_word(ctx)
        named = {ctx.entity(index) for lemma in wanted for start, index in by_word.get(lemma, ())
                 if start < token.start}
        if not named and not any(tokens[c].rel in ("amod", "nmod")
                                 for c in ctx.children.get(t, [])):
            # «Агропарк «Кедр» … парк посетила делегация»: the compound the bare word ends
            # (a word of its own, «Белорусский парк цифровой экономики», is another name)
            named = {ctx.entity(index) for lemma, found in by_word.items()
                     if lemma.endswith(token.lemma) and lemma in words
                     for start, index in found if start < token.start}
        if not named and token.lemma in vocab.words("generic_site_words"):
            # «Неделя в технопарке «Кедр» … В понедельник площадку посетила делегация»
            named = {ctx.entity(index) for index, mention in enumerate(ctx.doc.mentions)
                     if mention.type == "PARK" and mention.start < token.start}
        # (not a body a group comes from: «Во вторник университет принимал делегацию …»
        # after a group of another university)
        named -= {d.origin_entity for d in ctx.delegations}
        if len(named) == 1:
            sites.extend(named)
    return sites + _region_word_sites(ctx, scope, trigger)


def _owner_named_after(ctx: Context, t: int) -> bool:
    """Does a genitive noun after the site word lead to a name («на заводе компании «X»»):
    the site is that owner's, not one named before with the word?"""
    tokens = ctx.doc.tokens
    after = t + 1
    return after + 1 < len(tokens) and tokens[after].pos == "NOUN" \
        and case_of(tokens[after]) == "Gen" \
        and (after + 1 in ctx.mention_at or tokens[after + 1].text == QUOTE_OPEN)


def _region_word_sites(ctx: Context, scope: list[int], trigger: int) -> list[int]:
    """«в регион приехала делегация», «прибыли в область»: a bare region word after «в» that
    the visit verb governs stands for the region named before (the headline's too), where it
    is no region the visit verb comes back to."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if tokens[trigger].lemma in vocab.words("return_verbs") | vocab.words("leaving_verbs"):
        return []
    sites: list[int] = []
    for t in scope:
        if ctx.doc.tokens[t].head_id == trigger and (place := _bare_place(ctx, t)) is not None:
            sites.append(place)
    return sites


def _bare_place(ctx: Context, t: int) -> int | None:
    """The place a bare region or town word after «в» stands for («в области», «в городе»:
    the one named before), where it is no place a group comes from («делегация области …»);
    None for any other word."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    token = tokens[t]
    if token.lemma not in vocab.bare_place_words \
            or token.pos != "NOUN" or t in ctx.mention_at or "Number=Plur" in token.feats \
            or t < 1 or tokens[t - 1].lemma not in ("в", "во") \
            or (t + 1 < len(tokens) and (t + 1 in ctx.mention_at
                                         or "Case=Gen" in tokens[t + 1].feats)):
        return None
    place = resolve_place(ctx, t)
    if place is None or any(ctx.entity(i) == place for i in ctx.origin_mentions):
        return None
    return place


def _sites_by_word(ctx: Context) -> dict[str, list[tuple[int, int]]]:
    """Lemma → (start, mention) of each park or organisation whose words, or the word right
    before it («заводе «Луч»»: the head is outside), have it; built once per set of mentions
    (asked for each bare site word, it scanned every mention: a long article took minutes)."""
    key = (id(ctx.doc.mentions), len(ctx.doc.mentions))
    cached = ctx.cache.get("sites_by_word")
    if cached is not None and cached[0] == key:
        return cached[1]
    tokens = ctx.doc.tokens
    by_word: dict[str, list[tuple[int, int]]] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in ("PARK", "ORG") or index not in ctx.tokens_of:
            continue
        first = ctx.first(index)
        lemmas = {tokens[m].lemma for m in ctx.mention_tokens(index)}
        if first > 0:
            lemmas.add(tokens[first - 1].lemma)
        for lemma in lemmas:
            by_word.setdefault(lemma, []).append((mention.start, index))
    ctx.cache["sites_by_word"] = (key, by_word)
    return by_word


def _country_anaphor_sites(ctx: Context, scope: list[int], trigger: int,
                           group: Delegation) -> list[int]:
    """«по итогам поездки делегации в соседнюю республику», «делегация посетила эту страну»: a
    country word (``country_anaphors``) that a pointing word (``country_pointer_words``) makes
    refer back, governed by the visit word, stands for the one country named before it in its
    sentence or the one before, other than the group's own."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    home = gazetteer().lookup(group.origin) if group.origin else None
    pointers = vocab.words("country_pointer_words")
    for t in scope:
        token = tokens[t]
        if token.lemma not in vocab.words("country_anaphors") or token.pos != "NOUN" \
                or t in ctx.mention_at or "Number=Plur" in token.feats \
                or (t + 1 < len(tokens) and (t + 1 in ctx.mention_at
                                             or tokens[t + 1].text == QUOTE_OPEN)) \
                or not any(tokens[c].lemma in pointers for c in ctx.children.get(t, [])) \
                or not (token.head_id == trigger or _word_governed_by(ctx, t, trigger)
                        or _after_trip_group(ctx, t, trigger)):
            continue
        first = ctx.doc.sentences[max(token.sent_id - 1, 0)].first_token
        named = {ctx.entity(i) for i in ctx.mentions_in(range(first, t))
                 if ctx.mention_type(i) == "LOC"
                 and (place := mention_place(ctx, i)) is not None and place.kind == "country"
                 and (home is None or place.country != home.country)}
        return list(named) if len(named) == 1 else []
    return []


def _after_trip_group(ctx: Context, t: int, trigger: int) -> bool:
    """«визита омской делегации в соседнюю страну»: is the word at ``t`` the «в» phrase right
    after a trip noun and its group's words (nominals only, a group word among them), however
    the parse hangs it?"""
    tokens = ctx.doc.tokens
    preposition = trigger + 1
    while preposition < t and tokens[preposition].lemma not in ("в", "во"):
        preposition += 1
    between = range(trigger + 1, preposition)
    return tokens[trigger].pos == "NOUN" and preposition < t and bool(between) \
        and all(tokens[w].pos in ("NOUN", "PROPN", "ADJ") for w in between) \
        and any(ctx.ref_at(w) is not None for w in between) \
        and all(tokens[w].pos == "ADJ" for w in range(preposition + 1, t))


def _word_governed_by(ctx: Context, t: int, trigger: int) -> bool:
    """Does word ``t`` depend on ``trigger`` through nouns only (no verb between)?"""
    tokens = ctx.doc.tokens
    for _ in range(6):
        t = tokens[t].head_id
        if t == trigger:
            return True
        if t < 0 or tokens[t].pos in ("VERB", "AUX"):
            return False
    return False


@matcher("visited_by_head")
def visited_by_head(ctx: Context, rule: RelationRule) -> None:
    """«Губернатор области Иван Петров посетил завод X», «Также он посетил …»: the head of a
    delegation (or the official a group's origin employs) who visits a site takes the
    delegation there."""
    groups = ctx.head_groups(employed=True)
    _visits_by(ctx, rule, groups)


@matcher("visited_by_member")
def visited_by_member(ctx: Context, rule: RelationRule) -> None:
    """«В составе делегации — посол Иван Петров. Посол посетил завод X»: a named member (not
    its head) who visits a site takes the delegation there; run after the member rules."""
    heads = {person for _, person, _ in ctx.found_of("HEADED_BY")}
    groups: dict[int, int] = {}
    for person, group, _ in ctx.found_of("MEMBER_OF_DELEGATION"):
        if person not in heads:
            groups.setdefault(person, group)
    _visits_by(ctx, rule, groups)


def _visits_by(ctx: Context, rule: RelationRule, groups: dict[int, int]) -> None:
    """The sites a person of ``groups`` (person entity → delegation) visits, as the subject
    of a visit verb: by name, by pronoun or by the bare title named before."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if not groups:
        return
    last_person: int | None = None
    honorifics = vocab.words("honorifics")
    # «отправился с визитом в X», «направился в Y»: a trip made, as the group's own verbs
    verbs = vocab.words(rule.trigger) | vocab.words("visit_motion_verbs")
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs:
            continue
        noun = _head_visit_noun(ctx, token)
        if (token.pos != "VERB" and token.rel != "advcl" and noun is None) \
                or ctx.planned(t) or ctx.in_speech(t) or _purpose(ctx, token) \
                or _remote(ctx, token):
            continue  # (a gerund opening a sentence may be tagged a name: «Посещая X, …»)
        # the subject of a verb joined to another, or of a gerund's verb («Посещая X, он …»),
        # or of the verb a visit noun is under («Во время посещения X министр отметил …»)
        joined = token.rel in ("conj", "advcl") or "VerbForm=Conv" in token.feats
        verb = noun if noun is not None else token.head_id if joined and token.head_id >= 0 \
            else t
        if verb != t and ctx.planned(verb):
            continue
        if ctx.another_time(range(ctx.sentence(token.sent_id).start, t)):
            continue  # «Тогда он … побывал в парке X»: the head's trip of another time
        # «господин посол посетил»: the parser makes both words subjects; the title is it
        subject = next((c for v in ((verb,) if noun is not None else (t, verb))
                        for c in ctx.children.get(v, [])
                        if tokens[c].rel == "nsubj" and tokens[c].lemma not in honorifics), None)
        if subject is None:
            continue
        group = None
        person = _person_named(ctx, subject)
        if person is not None:
            # «Пётр Лавров и Иван Петров посетили X»: the head may be any of the joined names
            joined_names = [_person_named(ctx, c) for c in ctx.children.get(subject, [])
                            if tokens[c].rel == "conj"]
            group = next((groups[ctx.entity(p)] for p in [person, *joined_names]
                          if p is not None and ctx.entity(p) in groups), None)
        elif tokens[subject].lemma in vocab.words("person_pronouns"):
            last_person = _last_head(ctx, token.sent_id - 1, groups)
            group = groups.get(last_person) if last_person is not None else None
        elif (vocab.is_title(tokens[subject].lemma)
              or tokens[subject].lemma in vocab.words("envoy_stand_ins")) \
                and ctx.ref_at(subject) is None:
            group = _titled_head_group(ctx, subject, groups)
        if group is None:
            continue
        for site in visit_targets(ctx, visit_scope(ctx, t), t):
            # «… провёл в Москве презентацию, а в Твери принял делегацию»: his own region's
            # town is no stop of his trip (a country's official travels within it)
            # (nor the body in a traveller's title: «прибыли … владелец компании X Имя»)
            after = ctx.mention_at.get(ctx.last(site) + 1)
            if ctx.mention_type(site) != "PER" and not ctx.title_dependent(site) \
                    and not _where_someone_comes_from(ctx, site) \
                    and not _represented_by_participle(ctx, site) \
                    and not (after is not None and ctx.mention_type(after) == "PER") and not (
                    ctx.mention_type(site) == "LOC" and _regional_home(ctx, group, site)):
                ctx.add(rule, group, ctx.entity(site), token.sent_id)


def _head_visit_noun(ctx: Context, token: Token) -> int | None:
    """«Во время посещения завода X министр отметил …», «в ходе осмотра Y»: the past verb a
    tour noun (itself, or in «во время», «в ходе», «в рамках») is an oblique of, whose
    subject makes the visit; not where the noun names whose visit it is (a person, a title,
    a group, a possessive) or one of another time; None for any other word."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # (a tour's words only: «на встрече с X на полях саммита» is no visit of the summit)
    if token.pos != "NOUN" or token.lemma not in vocab.words("group_tour_words") \
            or token.token_id in ctx.mention_at:
        return None
    frame = token.head_id
    if token.rel == "nmod" and frame >= 0 and tokens[frame].rel == "obl" \
            and tokens[frame].lemma in vocab.words("visit_frame_nouns"):
        verb = tokens[frame].head_id
    elif token.rel == "obl" and _framed(ctx, token.token_id):
        verb = frame  # «после посещения X», not «отказался от посещения X»
    else:
        return None
    other_time = vocab.words("other_time_adjectives")
    for c in ctx.children.get(token.token_id, []):
        if tokens[c].pos == "DET" or tokens[c].lemma in other_time or ctx.ref_at(c) is not None \
                or (tokens[c].rel == "nmod" and (vocab.is_title(tokens[c].lemma)
                                                  or _person_named(ctx, c) is not None)):
            return None
    if verb < 0 or not past_finite_verb(tokens[verb]) \
            or ctx.clause_at_another_time(verb):
        return None
    return verb


def _framed(ctx: Context, noun: int) -> bool:
    """Is the noun's preposition one of time («после», «при», ``visit_frame_prepositions``),
    or a frame parsed as one preposition («во время», «в ходе», ``visit_frame_nouns``)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for c in ctx.children.get(noun, []):
        if tokens[c].rel == "case" and (
                tokens[c].lemma in vocab.words("visit_frame_prepositions")
                or any(tokens[f].rel == "fixed" and tokens[f].lemma in vocab.words(
                    "visit_frame_nouns") for f in ctx.children.get(c, []))):
            return True
    return False


@matcher("visited_on_head_trip")
def visited_on_head_trip(ctx: Context, rule: RelationRule) -> None:
    """«закончился рабочий визит президента в Восточную Яву», «в ходе визита премьер-министра
    Ивана Петрова в Иран»: a trip noun whose genitive is a delegation's head, by name or by the
    bare title he was named with, takes the delegation to the places the noun governs; not a
    trip planned or to come, cancelled, or of another time («прошлогодний визит»)."""
    groups = ctx.head_groups()
    if not groups:
        return
    for t in _trips_made(ctx):
        group = _traveller_group(ctx, t, groups)
        if group is None:
            continue
        for index in visit_targets(ctx, visit_scope(ctx, t), t):
            if ctx.mention_type(index) != "PER" and _trip_direction(ctx, index, t):
                ctx.add(rule, group, ctx.entity(index), ctx.doc.tokens[t].sent_id)


@matcher("visited_on_group_trip")
def visited_on_group_trip(ctx: Context, rule: RelationRule) -> None:
    """«в рамках визита делегации университета X в университет Y», «продолжается визит
    Ивана Петрова и делегации Z в Республику W», «по итогам поездки делегации области по
    Узбекистану»: a trip noun whose genitive is the group (alone or in a list) takes it where
    the noun goes, «в/на» a place in the accusative or «по» one in the dative; not a trip
    planned or to come, cancelled, or of another time."""
    for t in _trips_made(ctx):
        ref = _trip_group_ref(ctx, t)
        if ref is None:
            continue
        group = ctx.delegation_entity(ref)
        sent_id = ctx.doc.tokens[t].sent_id
        origin = _origin_of(ctx, group)
        for index in ctx.mentions_in(ctx.sentence(sent_id)):
            if ctx.first(index) <= t or not _site_where(ctx, index, origin):
                continue
            head = list_head(ctx, index)
            if _trip_direction(ctx, head, t) or _trip_across(ctx, head, t):
                ctx.add(rule, group, ctx.entity(index), sent_id)


def _trips_made(ctx: Context) -> Iterator[int]:
    """The trip nouns (``trip_nouns``, ``head_trip_nouns``) of trips made or being made: not
    planned or to come, not a purpose, not quoted, not in a clause of a future, negated or
    cancelling verb, not in a sentence of another time («прошлогоднего визита»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    trips = vocab.words("trip_nouns") | vocab.words("head_trip_nouns")
    cancel_verbs, other_times = vocab.words("cancel_verbs"), vocab.words("other_time_adjectives")
    for token in tokens:
        t = token.token_id
        if token.lemma not in trips or token.pos != "NOUN" \
                or _planned(ctx, t) or _purpose(ctx, token) or ctx.in_speech(t):
            continue
        verb = _clause_verb(ctx, t)
        if verb is not None and (_planned(ctx, verb)  # (future or negated too)
                                 or tokens[verb].lemma in cancel_verbs):
            continue
        if any(tokens[w].lemma in other_times for w in ctx.sentence(token.sent_id)):
            continue  # «во время прошлогоднего визита министра в Казань»: another trip
        yield t


def _trip_group_ref(ctx: Context, noun: int) -> Ref | None:
    """The group word in the trip noun's genitive: right under it, or listed with another
    genitive of it («визит Ивана Петрова и делегации X», which the parse may hang on the
    noun itself)."""
    tokens = ctx.doc.tokens
    genitives = [c for c in ctx.children.get(noun, []) if case_of(tokens[c]) == "Gen"
                 and (tokens[c].rel == "nmod" or (tokens[c].rel == "conj" and c > noun))]
    listed = [c for g in genitives for c in ctx.children.get(g, [])
              if tokens[c].rel == "conj" and case_of(tokens[c]) == "Gen"]
    return next((ref for c in genitives + listed if (ref := ctx.ref_at(c)) is not None), None)


def _trip_across(ctx: Context, index: int, noun: int) -> bool:
    """Is the mention what the trip noun went across: «по X» in the dative right after it
    («поездка делегации по Узбекистану»), with no verb or comma between?"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    before = first - 1
    while before > noun and tokens[before].pos == "ADJ":
        before -= 1
    if before <= noun or tokens[before].lemma != "по" or case_of(tokens[first]) != "Dat":
        return False
    return _clear_between(ctx, noun, before)


def _trip_direction(ctx: Context, index: int, noun: int) -> bool:
    """Is the mention where the trip noun went: «в/на X» in the accusative after it, with
    only the traveller's words between (no verb, no comma), wherever the parse hangs it?"""
    tokens = ctx.doc.tokens
    before = _preposition_before(ctx, index)
    if before is None or before < noun:
        return False
    cased = [ctx.first(index), ctx.last(index), *range(before + 1, ctx.first(index))]
    if not any(case_of(tokens[c]) == "Acc" for c in cased):
        return False
    return _clear_between(ctx, noun, before)


def _clear_between(ctx: Context, noun: int, before: int) -> bool:
    """No verb and no «, ; :» outside a name between the trip noun and the preposition of
    where it went: only the traveller's words."""
    tokens = ctx.doc.tokens
    return not any((tokens[w].pos in ("VERB", "AUX") or tokens[w].text in (",", ";", ":"))
                   and w not in ctx.mention_at for w in range(noun + 1, before))


def _traveller_group(ctx: Context, noun: int, groups: dict[int, int]) -> int | None:
    """The group whose head the trip noun's genitive names: «визит губернатора Ивана Петрова»
    by the name, «визит президента» by the one head named before with that title (a group's
    own words are ``visit_clause``'s)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for child in ctx.children.get(noun, []):
        if tokens[child].rel != "nmod" or case_of(tokens[child]) != "Gen" \
                or ctx.ref_at(child) is not None:
            continue
        person = _person_named(ctx, child)
        if person is not None:
            return groups.get(ctx.entity(person))
        if vocab.is_title(tokens[child].lemma):
            return _titled_head_group(ctx, child, groups)
    own = vocab.words("own_trip_markers")
    if any(tokens[c].lemma in own for c in ctx.children.get(noun, [])):
        return _own_trip_group(ctx, noun, groups)
    return None


def _own_trip_group(ctx: Context, noun: int, groups: dict[int, int]) -> int | None:
    """«по итогам своего визита в Уфу заявил Иван Петров»: «свой» on the trip noun makes it
    the trip of its clause's subject, a head by name or by the bare title named before; only
    a trip told as done, by its outcome (``trip_outcome_nouns``: not «накануне своего
    визита», «о подготовке своего визита»), and not one of another time («в 2010 году»)."""
    tokens = ctx.doc.tokens
    outcome = tokens[noun].head_id
    if tokens[noun].rel != "nmod" or outcome < 0 \
            or tokens[outcome].lemma not in ctx.vocab.words("trip_outcome_nouns") \
            or ctx.another_time(ctx.sentence(tokens[noun].sent_id)):
        return None
    verb = _clause_verb(ctx, noun)
    subject = None if verb is None else next(
        (c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"), None)
    if subject is None:
        return None
    person = _person_named(ctx, subject)
    if person is not None:
        return groups.get(ctx.entity(person))
    if ctx.vocab.is_title(tokens[subject].lemma):
        return _titled_head_group(ctx, subject, groups)
    return None


def _titled_head_group(ctx: Context, subject: int, groups: dict[int, int]) -> int | None:
    """«Делегация во главе с министром Иваном Петровым … . Министр посетил завод X»: a bare
    title as the subject stands for the one head named before with that title («дипломат»
    for an envoy's, ``envoy_stand_ins``)."""
    tokens = ctx.doc.tokens
    lemma = tokens[subject].lemma
    # «Дипломат посетил …»: an envoy named before with any envoy's title; not «российский
    # дипломат», «другой дипломат», which tell of someone else
    stand_in = lemma in ctx.vocab.words("envoy_stand_ins")
    if stand_in and any(tokens[c].rel in ("amod", "det") for c in ctx.children.get(subject, [])):
        return None
    heads = ctx.vocab.words("place_head_titles")
    # «Глава региона побывал …» after «губернатор X»: a region's head by any head's title
    titles = ctx.vocab.words("envoy_titles") if stand_in else heads if lemma in heads \
        else {lemma}
    if any(tokens[c].rel in ("nmod", "appos", "flat:name") and not _generic_place_word(ctx, c)
           and not ctx.governed(c, "с", "со") for c in ctx.children.get(subject, [])):
        return None  # «министр экономики», «министр Иван Петров»: not the bare title (its
        # company is: «Губернатор с сопровождающими прибыл в X»)
    place = _title_place(ctx, subject)  # «самарский министр»: not the head «министр X»
    found = set()
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PER" or ctx.first(index) >= subject \
                or ctx.entity(index) not in groups:
            continue
        first = ctx.first(index)  # the title, a few words before the name in its sentence
        if any(tokens[t].lemma in titles and tokens[t].sent_id == tokens[first].sent_id
               and not (t > 0 and tokens[t - 1].lemma in ("в", "во"))  # «во главе с»: no title
               and (place is None or place in (_title_place(ctx, t),
                                              _origin_of(ctx, groups[ctx.entity(index)])))
               for t in range(max(first - 5, 0), first)):
            found.add(groups[ctx.entity(index)])
    return found.pop() if len(found) == 1 else None


def _title_place(ctx: Context, title: int) -> int | str | None:
    """The place a title's own adjective names («самарский министр»), as its entity where the
    document names it, else its name; None where the title has no such adjective."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(title, []):
        if tokens[child].rel == "amod" and child < title and child not in ctx.mention_at \
                and (place := adjective_place(ctx, tokens[child].lemma)) is not None:
            return place[2] if place[2] is not None else place[0]
    return None


def _generic_place_word(ctx: Context, t: int) -> bool:
    """«глава республики», «губернатор области»: a region word in the genitive standing for
    the region named before (``place_anaphors``), in no name: the title stays bare."""
    return ctx.doc.tokens[t].rel == "nmod" and bare_region_word(ctx, t) \
        and not ctx.children.get(t)  # not «губернатор Тверской области»


def _person_named(ctx: Context, token_id: int) -> int | None:
    """The person mention at a word, or after a title word («губернатор области Иван Петров»)."""
    tokens = ctx.doc.tokens
    names = [token_id]
    if token_id not in ctx.mention_at and ctx.vocab.is_title(tokens[token_id].lemma):
        # the name after the title, or after a second title joined to it («вице-премьер
        # правительства X – министр экономики X господин Y»)
        level = [token_id]
        for _ in range(3):
            level = [c for t in level for c in ctx.children.get(t, [])
                     if tokens[c].rel in ("appos", "flat:name", "nmod", "nsubj", "parataxis")]
            names += level
    return next((ctx.mention_at[n] for n in names if n in ctx.mention_at
                 and ctx.mention_type(ctx.mention_at[n]) == "PER"), None)


def _last_head(ctx: Context, sent_id: int, groups: dict[int, int]) -> int | None:
    """The head of a delegation the sentence before names last («Дрозденко …»)."""
    if sent_id < 0:
        return None
    heads = [ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
             if ctx.mention_type(i) == "PER" and ctx.entity(i) in groups]
    return heads[-1] if heads else None


def _settled_there(ctx: Context, verb: Token) -> bool:
    """«инвесторы из Китая работают в ТОР X», «… реализуют в Y проекты»: a present verb of an
    organisation working somewhere (``org_working_verbs``, ``settled_activity_verbs``) whose
    subject is a business word (``settled_business_nouns``; «делегация работает в X», «мэр в
    составе делегации работает в Y» are on a visit): businesses settled there."""
    tokens, businesses = ctx.doc.tokens, ctx.vocab.words("settled_business_nouns")
    verbs = ctx.vocab.words("org_working_verbs") | ctx.vocab.words("settled_activity_verbs")
    return "Tense=Pres" in verb.feats and verb.lemma in verbs \
        and any(tokens[c].rel == "nsubj" and tokens[c].lemma in businesses
                for c in ctx.children.get(verb.token_id, []))


@matcher("group_present")
def group_present(ctx: Context, rule: RelationRule) -> None:
    """«В Татарстане находится делегация из Крыма», «делегация работает в Республике X»,
    «делегация вернулась из Минска», «глава делегации Иван Петров находится в Y», «мэр Z в
    составе делегации работает в W»: the place a delegation (or its head: the verb's subject,
    or a member acting in its make-up) is in, works in or comes back from."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs, returns = vocab.words(rule.trigger), vocab.words("return_verbs")
    heads, head_verbs = ctx.head_groups(), vocab.words("head_presence_verbs")
    trips = vocab.words("trip_nouns")
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs | returns or token.pos != "VERB" or ctx.planned(t) \
                or ctx.in_speech(t):
            continue
        # «делегация вернулась из Минска»: where it comes back from is where it was
        prepositions = ("из",) if token.lemma in returns else ("в", "во", "на")
        # the group, or its head («глава делегации Иван Петров находится в X»)
        group = next((g for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"
                      for g in [_group_of(ctx, c, heads)] if g is not None
                      and (ctx.ref_at(c) is not None or token.lemma in head_verbs)), None)
        if group is None and is_participle(token) and ctx.ref_at(token.head_id) is not None:
            # «делегация, находящаяся в X, …»
            group = ctx.delegation_entity(ctx.ref_at(token.head_id))
        composed = False
        if group is None and (ref := _composition_group(ctx, t)) is not None:
            group = ctx.delegation_entity(ref)  # «мэр X в составе делегации работает в Y»
            composed = True
        trip = False
        if group is None:
            # «министром Турции X, который находится с визитом в Баку»: the trip word the
            # official's group was found at (the place after it is the verb's, not its own)
            group = next((ctx.delegation_entity(r) for c in ctx.children.get(t, [])
                          if tokens[c].lemma in trips and (r := ctx.ref_at(c)) is not None),
                         None)
            trip = group is not None
        if group is None or _settled_there(ctx, token):
            continue
        for index in ctx.mentions_in(ctx.sentence(token.sent_id)):
            first = ctx.first(index)
            if ctx.mention_type(index) not in SITE_TYPES or index in ctx.origin_mentions \
                    or first < 1 or tokens[first - 1].lemma not in prepositions \
                    or not _governed_by(ctx, index, t) \
                    or (ctx.ref_dependent(index) and not trip) \
                    or (composed and not _verb_place(ctx, index, t)):
                continue
            ctx.add(rule, group, ctx.entity(index), token.sent_id)
    for ref in ctx.refs:
        # «корейская делегация в Свердловской области уже два дня»
        verb = _clause_verb(ctx, ref.token)
        if ctx.in_speech(ref.token) or (verb is not None and ctx.planned(verb)):
            continue
        for child in ctx.children.get(ref.token, []):
            index = ctx.mention_at.get(child)
            if index is None or ctx.mention_type(index) not in SITE_TYPES \
                    or index in ctx.origin_mentions or case_of(tokens[child]) != "Loc":
                continue
            first = ctx.first(index)
            if first - 2 == ref.token and tokens[first - 1].lemma in ("в", "во", "на"):
                ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), ref.sent_id)


def _composition_group(ctx: Context, verb: int) -> Ref | None:
    """«Мэр X в составе делегации области работает в Y», «в составе делегации участвую в
    форуме»: the group whose make-up («в составе») the verb's subject acts in."""
    ref = ctx.composition_ref(verb)
    return ref if ref is not None and not ctx.in_speech(ref.token) else None


def _verb_place(ctx: Context, index: int, verb: int, through_event: bool = False) -> bool:
    """Is the mention the verb's own oblique (through a descriptor, «в городе X»), not a
    place in its subject's title («консул в Новосибирске»)? With ``through_event``, the
    place of the event taken part in («участвую в форуме в X»), not of the part taken in
    the group itself («в составе делегации участвовал посол в России»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    root = ctx.mention_root(index)
    if root is None:
        return False
    t, events = tokens[root].head_id, 0
    seen = {root}  # (a parse may loop: each word once)
    while t >= 0 and t != verb and t not in ctx.mention_at and t not in seen and (
            tokens[t].lemma in vocab.geo_descriptors
            or (through_event and tokens[t].lemma in vocab.words("event_nouns"))):
        events += tokens[t].lemma in vocab.words("event_nouns")
        seen.add(t)
        t = tokens[t].head_id
    return t == verb and (events > 0 or not through_event)


def _clause_verb(ctx: Context, token_id: int) -> int | None:
    """The verb a word depends on, if any."""
    tokens = ctx.doc.tokens
    t, steps = tokens[token_id].head_id, 0
    while t >= 0 and tokens[t].pos not in ("VERB", "AUX") and steps < 12:
        t, steps = tokens[t].head_id, steps + 1  # (a parse may loop)
    return t if t >= 0 and tokens[t].pos in ("VERB", "AUX") else None


@matcher("visited_event_taken_part")
def visited_event_taken_part(ctx: Context, rule: RelationRule) -> None:
    """«делегация приняла участие в форуме в Новосибирске», «… в форуме, который прошёл в
    Новосибирске»: a delegation that took part in an event was in its place (the event itself
    is PARTICIPATED_IN)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.pos != "VERB" or ctx.planned(t) or ctx.in_speech(t) or _purpose(ctx, token):
            continue
        light = token.lemma in vocab.participation_light_verbs and any(
            tokens[c].lemma in vocab.participation_nouns for c in ctx.children.get(t, []))
        if not (light or token.lemma in verbs):
            continue
        ref = next((ctx.ref_at(c) for c in ctx.children.get(t, [])
                    if tokens[c].rel == "nsubj" and ctx.ref_at(c) is not None), None)
        composed = False
        if ref is None:
            ref = _where_subject(ctx, t)
        if ref is None:
            ref = _composition_group(ctx, t)
            composed = ref is not None
        if ref is None:
            continue
        for index in ctx.mentions_in(ctx.scope(t)):
            before = ctx.first(list_head(ctx, index)) - 1
            while before > 0 and before not in ctx.mention_at and (
                    tokens[before].lemma in vocab.words("event_nouns")
                    or tokens[before].lemma in vocab.place_descriptors
                    or tokens[before].pos in ("ADJ", "NUM")):
                before -= 1  # «в международной выставке «X»», «в городе X»
            if ctx.mention_type(index) not in ("LOC", "ORG", "PARK") or before < 0 \
                    or index in ctx.origin_mentions or ctx.ref_dependent(index) \
                    or tokens[before].lemma not in ("в", "во", "на") \
                    or not _governed_by(ctx, index, t) \
                    or (composed and not _verb_place(ctx, index, t, through_event=True)):
                continue
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), token.sent_id)
        group = ctx.delegation_entity(ref)
        for index in _event_held_in(ctx, t):
            # (an event at home is no trip, as in visited_event_located)
            if index not in ctx.origin_mentions \
                    and not _home_place(ctx, group, ctx.entity(index)):
                ctx.add(rule, group, ctx.entity(index), token.sent_id)


def _event_held_in(ctx: Context, verb: int) -> list[int]:
    """«приняла участие в агрофоруме, который прошёл в городе X»: the places «в/на» of a past
    «который прошёл/состоялся» clause on the event the participation verb governs."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    events = vocab.words("event_nouns")
    places = []
    for clause in ctx.sentence(tokens[verb].sent_id):
        head = tokens[clause].head_id
        if tokens[clause].rel != "acl:relcl" or tokens[clause].lemma not in vocab.took_place_verbs \
                or ctx.planned(clause) or head < 0 or not (
                    tokens[head].lemma in events or (head in ctx.mention_at and ctx.mention_type(
                        ctx.mention_at[head]) == "EVENT")) \
                or not (head == verb or _word_governed_by(ctx, head, verb)):
            continue
        places.extend(index for index in ctx.mentions_in(ctx.scope(clause))
                      if ctx.mention_type(index) == "LOC" and not ctx.ref_dependent(index)
                      and _preposition_before(ctx, index) is not None
                      and _governed_by(ctx, index, clause))
    return places


def _where_subject(ctx: Context, verb: int) -> Ref | None:
    """«делегация вернулась из Минска, где участвовала в выставке X»: a «где» clause without a
    subject of its own shares the subject of the clause it hangs on."""
    tokens = ctx.doc.tokens
    if tokens[verb].rel != "acl:relcl" or any(
            tokens[c].rel in ("nsubj", "nsubj:pass") for c in ctx.children.get(verb, [])) \
            or not any(tokens[c].lemma in ("где", "куда") for c in ctx.children.get(verb, [])):
        return None
    outer = _clause_verb(ctx, verb)
    if outer is None or ctx.planned(outer):
        return None
    return next((ctx.ref_at(c) for c in ctx.children.get(outer, [])
                 if tokens[c].rel == "nsubj" and ctx.ref_at(c) is not None
                 and not ctx.in_speech(c)), None)


@matcher("meeting_followup")
def meeting_followup(ctx: Context, rule: RelationRule) -> None:
    """«Делегация посетила Пензу. Встреча прошла в технопарке X», «Губернатор встретился с
    делегацией. Встреча прошла на площадке выставки X»: a meeting sentence right after a visit
    or a meeting of the group puts the group at its site."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    premises = vocab.words("premises_nouns") | vocab.words("site_objects")
    told = vocab.visit_triggers | vocab.words("meeting_words")
    for sent_id in range(1, len(ctx.doc.sentences)):
        sentence = list(ctx.sentence(sent_id))
        if ctx.refs_in(sent_id) or not sentence:
            continue
        opening = [tokens[t] for t in sentence[:3]]
        held = [t for t in sentence
                if (tokens[t].lemma in vocab.took_place_verbs or _held_followup(ctx, t, opening))
                and "Tense=Fut" not in tokens[t].feats and not ctx.planned(t)]
        # («В тот же день в Министерстве X прошла встреча с …»: the meeting the subject of
        # the verb of holding, later in the sentence)
        subject = any(tokens[c].lemma in vocab.followup_nouns and tokens[c].rel == "nsubj"
                      for t in held for c in ctx.children.get(t, []))
        opens = any(t.lemma in vocab.followup_nouns for t in opening)
        if not held or not (subject or opens):
            continue  # held, not to be held («встреча пройдёт в X»)
        previous = ctx.refs_in(sent_id - 1)
        # (a meeting told later in its sentence: at a body's or park's premises only; a town
        # may be where others met: «В Москве прошла встреча министра с послом»)
        sites = ("ORG", "PARK", "LOC", "EVENT") if opens else ("ORG", "PARK")
        if not previous or not any(tokens[t].lemma in told for t in ctx.sentence(sent_id - 1)):
            # the text's one group, told before, at a body's or park's premises (a town may
            # be where others met)
            previous = [r for r in ctx.refs if r.sent_id < sent_id] \
                if len(ctx.delegations) == 1 and subject else []
            sites = ("ORG", "PARK")
            if not previous:
                continue  # a visit or a meeting with the group just told
        for index in visit_targets(ctx, sentence):
            if ctx.mention_type(index) not in sites:
                continue
            if _place_after_preposition(ctx, ctx.entity(list_head(ctx, index)), sent_id) \
                    or _preposition_before(ctx, index, premises) is not None \
                    or (ctx.mention_type(index) == "EVENT"
                        and set_at(ctx, index, ctx.sentence(sent_id))):
                # «прошла в X», «на площадке X», «в рамках форума X»
                ctx.add(rule, ctx.delegation_entity(previous[0]), ctx.entity(index), sent_id)


def _held_followup(ctx: Context, verb: int, opening: list[Token]) -> bool:
    """Is ``verb`` a past verb of holding (``host_event_verbs``) whose object is the meeting
    word opening the sentence («Встречу во время поездки в Турцию провёл председатель
    совета X»: held, as «встреча прошла»)?"""
    tokens = ctx.doc.tokens
    return tokens[verb].lemma in ctx.vocab.words("host_event_verbs") \
        and "Tense=Past" in tokens[verb].feats and any(
            t.lemma in ctx.vocab.followup_nouns and t.rel == "obj" and t.head_id == verb
            for t in opening)


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
                or _planned(ctx, t) or t in ctx.mention_at or _remote(ctx, token):
            continue
        refs = ctx.refs_in(token.sent_id, narrated=True)
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
        if ctx.in_speech(t) or ctx.planned(verb) or ctx.planned(t) or ctx.takes_part(t):
            continue  # («приняли участие» is no «приняли гостей»)
        start, end = ctx.clause_bounds(verb)
        refs = ctx.refs_in(token.sent_id, narrated=True)
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
                             if ctx.doc.entities[e].type in kinds
                             and not _park_operator(ctx, e))
            elif mention.type in kinds and shown and _host_subject(ctx, index, verb):
                sites.append(ctx.entity(index))  # «компания X показала линию»
        for site in sites:
            ctx.add(rule, ctx.delegation_entity(ref), site, token.sent_id)


def _park_operator(ctx: Context, entity: int) -> bool:
    """Is the organisation a park's operator («управляющая компания «X»»), whose staff show
    guests round the park, not round a site of its own?"""
    tokens = ctx.doc.tokens
    for mention in ctx.doc.entities[entity].mention_ids:
        first = ctx.first(mention)
        if first >= 2 and tokens[first - 1].lemma in ctx.vocab.words("park_operator_nouns") \
                and tokens[first - 2].lemma in ctx.vocab.words("park_operator_participles"):
            return True
    return False


@matcher("met_by_host")
def met_by_host(ctx: Context, rule: RelationRule) -> None:
    """«Глава администрации города X Иван Петров встретился с делегацией», «делегация
    встретилась с руководством Комитета Y», «делегация была принята губернатором области
    Z», «встреча мэра города X с главой делегации»: the delegation was at the body (or in the
    place) of the official it (or its head) met."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    verbs = vocab.words(rule.trigger)
    leaders = vocab.words("host_leader_nouns") | vocab.leader_nouns
    employers: dict[int, list[int]] = {}
    for person, employer, _ in ctx.found_of("WORKS_FOR"):
        employers.setdefault(person, []).append(employer)
    heads = ctx.head_groups()
    guests = {person for _, person, _ in ctx.found_of("HEADED_BY")} \
        | {person for person, _, _ in ctx.found_of("MEMBER_OF_DELEGATION")}
    for token in ctx.triggers(verbs, unplanned=True):
        t = token.token_id
        if token.pos not in ("VERB", "NOUN") or _purpose(ctx, token):
            continue
        held = token.head_id >= 0 and tokens[token.head_id].lemma in vocab.took_place_verbs
        if token.pos == "NOUN" and not (token.rel in ("obl", "nmod")
                                        or (token.rel == "nsubj" and held)):
            continue  # «встреча … явилась продолжением диалога»: not a meeting held
        refs = ctx.refs_in(token.sent_id, narrated=True)
        start, end = ctx.clause_bounds(t)
        if start > 0 and tokens[start - 1].head_id == t:  # «делегация была принята …»
            start = ctx.clause_bounds(start - 1)[0]
        passive = "Voice=Pass" in token.feats or any(
            tokens[c].rel == "aux:pass" for c in ctx.children.get(t, []))
        leadership_only = False
        # the host is the one who meets: the subject before the verb, the agent after a
        # passive one («делегация была принята губернатором X»); the group is met
        if passive:
            ref = next((r for r in refs if start <= r.token < t), None)
            host_side = range(t + 1, end)
        else:
            # met «с» the group, or received it («губернатор принял посла Индии X»)
            received = token.lemma in vocab.words("reception_verbs") and token.pos == "VERB"
            # the guest's name ends the title phrase after the verb, wherever the parse
            # hangs it («принял Чрезвычайного и Полномочного Посла Индии X»)
            named = leader_named(ctx, t + 1) if received else None
            ref = next((r for r in refs if t < r.token < end and (any(
                tokens[w].lemma == "с" for w in range(max(r.token - 4, t), r.token))
                or (received and (_object_of(ctx, r.token, t) or (
                    named is not None and r.token == ctx.first(named)))))), None)
            host_side = range(start, t if token.pos == "VERB" else ref.token if ref else t)
            before = next((r for r in refs if start <= r.token < t and any(
                tokens[w].lemma == "с" for w in range(max(r.token - 4, start), r.token))), None)
            if ref is None and before is not None and token.pos == "VERB":
                # «С делегацией встретился мэр города X»: the host after the verb
                ref, host_side = before, range(t + 1, end)
            fronted = next((r for r in refs if start <= r.token < t
                            and _object_of(ctx, r.token, t)), None) if received else None
            if ref is None and fronted is not None:
                # «Российскую делегацию принимало руководство холдинга X»: the object first,
                # a body's leadership (an official's post after it tells no site)
                ref, host_side, leadership_only = fronted, range(t + 1, end), True
        if ref is not None:
            group = ctx.delegation_entity(ref)
            origin = ctx.delegations[ref.delegation].origin_entity
        else:
            # «встреча мэра X с Иваном Петровым», the group's head (HEADED_BY found before)
            guest = None if passive else _met_head(ctx, t, end, heads)
            if guest is None:
                continue
            host_side = range(start, ctx.first(guest[0]) if token.pos == "NOUN" else t)
            group, origin = guest[1], _origin_of(ctx, guest[1])
        sites: list[int] = []
        for index in ctx.mentions_in(host_side):
            if index in ctx.origin_mentions or ctx.ref_dependent(index):
                continue
            entity = ctx.entity(index)
            if ctx.mention_type(index) == "PER":
                if entity not in guests and not leadership_only:
                    sites.extend(employers.get(entity, []))
            elif ctx.mention_type(index) in ("ORG", "LOC") and _led_by(ctx, index, leaders) \
                    and not (leadership_only and (ctx.mention_type(index) == "LOC" or (
                        tokens[ctx.first(index) - 1].lemma not in vocab.words("host_leader_nouns")
                        and tokens[ctx.first(index) - 2].lemma
                        not in vocab.words("host_leader_nouns")))):
                sites.append(entity)
        stated = _stated_places(ctx, t)
        for site in sites:
            if site != origin and ctx.doc.entities[site].type in ("ORG", "LOC", "PARK") \
                    and not _met_elsewhere(ctx, site, stated):
                ctx.add(rule, group, site, token.sent_id)


def _stated_places(ctx: Context, verb: int) -> list[Place]:
    """The places of the gazetteer a meeting word names as where it was held («принял
    делегацию в Москве»): its own «в/во/на» locatives."""
    tokens, places = ctx.doc.tokens, []
    for child in ctx.children.get(verb, []):
        index = ctx.mention_at.get(child)
        if index is None or tokens[child].rel != "obl" or ctx.mention_type(index) != "LOC" \
                or case_of(tokens[child]) != "Loc" or _preposition_before(ctx, index) is None:
            continue
        place = mention_place(ctx, index)
        if place is not None:
            places.append(place)
    return places


def _met_elsewhere(ctx: Context, site: int, stated: list[Place]) -> bool:
    """Is the host's place (a region or town he serves) none of the places the meeting is
    told to have been held in, nor holds one («губернатор Омской области принял делегацию в
    Москве»: the group was in Moscow, not in his region)?"""
    if not stated or ctx.doc.entities[site].type != "LOC":
        return False
    home = gazetteer().lookup(ctx.doc.entities[site].normal)
    return home is not None and not any(there == home or _within(home, there)
                                        for there in stated)


def _object_of(ctx: Context, word: int, verb: int) -> bool:
    """Is ``word`` the verb's direct object, or in apposition or a name under it («принял
    посла Индии Раджа Кумара»)?"""
    tokens = ctx.doc.tokens
    for _ in range(3):
        if tokens[word].head_id == verb:
            return tokens[word].rel == "obj"
        if tokens[word].rel not in ("appos", "flat:name", "nmod") or tokens[word].head_id < 0:
            return False
        word = tokens[word].head_id
    return False


def _met_head(ctx: Context, t: int, end: int, heads: dict[int, int]) -> tuple[int, int] | None:
    """The head of a group met after «с» in the meeting word's clause, as (its mention, the
    group)."""
    tokens = ctx.doc.tokens
    for index in ctx.mentions_in(range(t + 1, end)):
        first = ctx.first(index)
        if ctx.mention_type(index) == "PER" and ctx.entity(index) in heads \
                and not ctx.in_speech(first) \
                and any(tokens[w].lemma == "с" for w in range(max(first - 4, t), first)):
            return index, heads[ctx.entity(index)]
    return None


def _led_by(ctx: Context, index: int, leaders: frozenset[str]) -> bool:
    """«с руководством Комитета X», «губернатором Астраханской области», «руководство
    холдинга «X»»: the body or place right after a leader's word (adjectives, and a body's
    generic head before its quoted name, between)."""
    tokens = ctx.doc.tokens
    t = list_head(ctx, index) and ctx.first(list_head(ctx, index)) - 1
    while t >= 0 and tokens[t].pos == "ADJ" and t not in ctx.mention_at:
        t -= 1
    if t > 0 and t not in ctx.mention_at and tokens[t].lemma in ctx.vocab.org_heads \
            and tokens[t + 1].text == QUOTE_OPEN:
        t -= 1
    return t >= 0 and (tokens[t].lemma in leaders or ctx.vocab.is_title(tokens[t].lemma))


def _visit_context(ctx: Context, sent_id: int) -> Ref | None:
    """The delegation of a sentence that states its visit («Гости осмотрели цеха
    резидентов технопарка»), for the sentence after it."""
    if sent_id < 0:
        return None
    tokens = ctx.doc.tokens
    refs = ctx.refs_in(sent_id, narrated=True)
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
    while before >= 0 and ((tokens[before].pos == "PUNCT" and tokens[before].text == QUOTE_OPEN)
                           or tokens[before].lemma in ctx.vocab.words("org_heads")):
        before -= 1
    return before < 0 or tokens[before].pos != "ADP"


@matcher("visited_event_place")
def visited_event_place(ctx: Context, rule: RelationRule) -> None:
    """«посетила ярмарку CIFIT-2014 в городе Сямынь»: the delegation at an event was in
    the place the same sentence locates the event in."""
    _visited_place_of(ctx, rule, ("EVENT",))


@matcher("visited_site_place")
def visited_site_place(ctx: Context, rule: RelationRule) -> None:
    """«посетила технопарк X на острове Y»: the delegation at a park or organisation was in
    the place the same sentence locates it in."""
    _visited_place_of(ctx, rule, ("PARK", "ORG"))


def _visited_place_of(ctx: Context, rule: RelationRule, kinds: tuple[str, ...]) -> None:
    located = [(site, place, r.sent_id) for site, place, r in ctx.found_of("LOCATED_IN")]
    for group, site, relation in ctx.found_of("VISITED"):
        if ctx.doc.entities[site].type not in kinds:
            continue
        for located_site, place, sent_id in located:
            if located_site == site and sent_id == relation.sent_id \
                    and _place_after_preposition(ctx, place, sent_id):
                ctx.add(rule, group, place, relation.sent_id)


@matcher("visited_event_located")
def visited_event_located(ctx: Context, rule: RelationRule) -> None:
    """«Делегация области приняла участие в выставке X. … Выставка X прошла в Ханое»: a group
    that took part in (or visited) an event was in the place the text says the event was held
    in, in any sentence (PARTICIPATED_IN and LOCATED_IN found before); not a place told of as
    future, nor one of two (another edition: «Ранее выставка проходила в Y»)."""
    entities = ctx.doc.entities
    held_in: dict[int, list[int]] = {}
    for event, place, relation in ctx.found_of("LOCATED_IN"):
        if entities[event].type == "EVENT" and entities[place].type == "LOC" \
                and not _told_of_as_planned(ctx, relation.sent_id) \
                and place not in held_in.get(event, []):
            held_in.setdefault(event, []).append(place)
    held_in = {event: places for event, places in held_in.items() if len(places) == 1}
    attended = [(group, event, r.sent_id) for relation in ("PARTICIPATED_IN", "VISITED")
                for group, event, r in ctx.found_of(relation)
                if entities[group].type == DELEGATION and entities[event].type == "EVENT"]
    for group, event, sent_id in attended:
        for place in held_in.get(event, []):
            if not _home_place(ctx, group, place):
                ctx.add(rule, group, place, sent_id)


def _told_of_as_planned(ctx: Context, sent_id: int) -> bool:
    """Is the main verb of the sentence told as future or planned?"""
    tokens = ctx.doc.tokens
    return any(tokens[t].rel == "root" and ctx.told_as_planned(t) for t in ctx.sentence(sent_id))


def _home_place(ctx: Context, group: int, place: int) -> bool:
    """Is the place in the group's own country or region by the gazetteer («делегация
    Свердловской области» at a fair in Екатеринбург, «узбекская делегация» in Ташкенте): an
    event at home is no trip?"""
    origin = _origin_of(ctx, group)
    return origin is not None and _at_home(ctx.doc.entities[origin].normal,
                                           ctx.doc.entities[place].normal)


def _regional_home(ctx: Context, group: int, index: int) -> bool:
    """Is the mentioned place in the region (not the country) the group comes from?"""
    origin = _origin_of(ctx, group)
    if origin is None:
        return False
    home = gazetteer().lookup(ctx.doc.entities[origin].normal)
    return home is not None and home.kind != "country" and _within(
        home, gazetteer().lookup(ctx.doc.entities[ctx.entity(index)].normal))


def _at_home(origin: str, place: str) -> bool:
    """Is ``place`` in the country (for a country) or the region of ``origin``, by the
    places gazetteer?"""
    return _within(gazetteer().lookup(origin), gazetteer().lookup(place))


def _within(home: Place | None, there: Place | None) -> bool:
    """Is ``there`` in the country (for a country) or the region of ``home``?"""
    if home is None or there is None:
        return False
    if home.kind == "country":
        return there.country == home.country
    return bool(region_of(there)) and region_of(there) == region_of(home)


def _place_after_preposition(ctx: Context, place: int, sent_id: int) -> bool:
    """Is the place named after «в/во/на» in the sentence (not «из X»)?"""
    tokens = ctx.doc.tokens
    for index in ctx.mentions_in(ctx.sentence(sent_id)):
        if ctx.entity(index) != place:
            continue
        t = ctx.first(index) - 1
        if t >= 0 and tokens[t].lemma in ctx.vocab.geo_descriptors:
            t -= 1
        chunk = next(c for c in ctx.chunks(sent_id) if ctx.first(index) in c)
        if t >= 0 and tokens[t].lemma in ("в", "во", "на") \
                and ctx.chunk_kind(chunk) != "relative":  # «…, который находится в X»
            return True
    return False


def _meeting_group(ctx: Context, t: int) -> Ref | None:
    """The group that meets at word ``t``: the subject of the verb (or of the verb it is
    joined to: «гости побывали в X, встретились с …»), the owner of the meeting («у гостей
    состоялись встречи»), or a reference before the word in its clause (not after «с»)."""
    tokens = ctx.doc.tokens
    token = tokens[t]
    verbs = [t]
    if token.pos == "NOUN":
        verb = _clause_verb(ctx, t)
        verbs = [verb] if verb is not None else []
    if verbs and tokens[verbs[0]].rel == "conj" and tokens[verbs[0]].head_id >= 0:
        verbs.append(tokens[verbs[0]].head_id)
    elif verbs and not any(tokens[c].rel == "nsubj" for c in ctx.children.get(verbs[0], [])):
        # «гости побывали в X, встретились с …» parsed as two roots: the verb before
        sentence = ctx.sentence(token.sent_id)
        verbs.extend(v for v in range(verbs[0] - 1, sentence.start - 1, -1)
                     if is_finite_verb(tokens[v]))
    for verb in verbs:
        for child in ctx.children.get(verb, []):
            ref = ctx.ref_at(child)
            if ref is not None and tokens[child].rel == "nsubj" and not ctx.in_speech(child):
                return ref
    start, _ = ctx.clause_bounds(verbs[0] if verbs else t)
    before = [r for r in ctx.refs_in(token.sent_id)
              if min(start, t) <= r.token < t and not ctx.in_speech(r.token)
              and not any(tokens[w].lemma == "с" for w in range(max(r.token - 3, 0), r.token))]
    return before[-1] if before else None


@matcher("met_leadership")
def met_leadership(ctx: Context, rule: RelationRule) -> None:
    """«делегация встретилась с руководством комитета X», «у гостей состоялись встречи с
    руководством X, Y и Z», «гости …, встретились с руководителями компаний A и B», «встреча
    делегации края с руководством аймака X», «встретилась с правительством края»: a group
    that met the leadership of a body (or of a place: the rule's arg2 types say which), or a
    government body itself, was at that body, in that place."""
    _met_leaders(ctx, rule, ctx.vocab.words("host_leader_nouns"), bodies=True)


@matcher("met_body_head")
def met_body_head(ctx: Context, rule: RelationRule) -> None:
    """«делегация встретилась с председателем облисполкома X», «переговоры гостей с
    президентом палаты Y», «провёл встречу с ректором университета Z»: a group that met the
    head of a body (``body_head_titles``) was at that body."""
    _met_leaders(ctx, rule, ctx.vocab.words("body_head_titles"), bodies=False)


@matcher("met_body_staff")
def met_body_staff(ctx: Context, rule: RelationRule) -> None:
    """«делегация встретилась с представителями администрации города X», «с членами
    регионального правительства Y»: the people of a government body the group met stand for
    the body, where the group was (not a company's: its people travel, «гости познакомились
    с представителями компании X»)."""
    _met_leaders(ctx, rule, frozenset(), bodies=False,
                 staff=ctx.vocab.words("body_staff_nouns"))


def _government_body_at(ctx: Context, a: int) -> int | None:
    """The organisation mention at word ``a`` (adjectives before it skipped) whose head is a
    government body («администрации Уфы», «регионального правительства области X»)."""
    tokens = ctx.doc.tokens
    while a < len(tokens) and tokens[a].pos == "ADJ" and a not in ctx.mention_at:
        a += 1
    index = ctx.mention_at.get(a)
    if index is None or ctx.mention_type(index) != "ORG" or ctx.first(index) != a:
        return None
    return index if tokens[a].lemma in ctx.vocab.words("government_bodies") else None


def _own_side_body(ctx: Context, index: int, ref: Ref) -> bool:
    """Is the body one of the group's own place («посольство Кении в России» for a group from
    Кения: its name's place before «в»)?"""
    origin = ctx.delegations[ref.delegation].origin
    home = mention_place(ctx, index)
    return bool(origin) and home is not None and home == gazetteer().lookup(origin)


def _met_leaders(ctx: Context, rule: RelationRule, leaders: frozenset[str],
                 bodies: bool, staff: frozenset[str] = frozenset()) -> None:
    """The bodies (or places: the rule's arg2 types) after «с» and one of ``leaders`` in a
    meeting of a group; with ``bodies``, also a government body met itself; after one of
    ``staff``, a government body whose people were met."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    kinds = tuple((rule.args or {}).get("arg2") or ("ORG", "PARK"))
    for token in tokens:
        t = token.token_id
        if token.lemma not in vocab.words(rule.trigger) or token.pos not in ("VERB", "NOUN") \
                or token.lemma in vocab.host_verbs or ctx.in_speech(t) or _purpose(ctx, token) \
                or _remote(ctx, token):
            continue
        verb = _clause_verb(ctx, t) if token.pos == "NOUN" else t
        if ctx.planned(t) or (verb is not None and _planned(ctx, verb)):
            continue
        a, named_group = t + 1, None
        # «встреча делегации края с …»: the meeting's group in the genitive before «с»
        while token.pos == "NOUN" and a < min(t + 7, len(tokens)) \
                and tokens[a].lemma != "с" and tokens[a].pos not in ("VERB", "AUX", "PUNCT"):
            named_group = named_group or ctx.ref_at(a)
            a += 1
        if a >= len(tokens) or tokens[a].lemma != "с" or (a > t + 1 and named_group is None):
            continue
        a += 1
        while a < len(tokens) and tokens[a].pos == "ADJ" and a not in ctx.mention_at:
            a += 1
        if a >= len(tokens):
            continue
        # «встретилась с правительством края X»: a government body met is the body's leadership
        body = bodies and "ORG" in kinds and _government_body_at(ctx, a) is not None
        staffed = _government_body_at(ctx, a + 1) \
            if tokens[a].lemma in staff and a not in ctx.mention_at else None
        if staff and staffed is None:
            continue
        if not staff and not body and (tokens[a].lemma not in leaders or a in ctx.mention_at):
            continue
        ref = named_group or _meeting_group(ctx, t) or _previous_meeting_group(ctx, token)
        if ref is None or (not bodies and ref.source.endswith(".trip")):
            continue  # (an official's own talks with a body's head may be at home)
        origin = ctx.delegations[ref.delegation].origin_entity
        if staffed is not None and _own_side_body(ctx, staffed, ref):
            continue  # «с сотрудниками посольства Кении»: the group's own people abroad
        if staffed is not None and not _met_at_body(ctx, verb if verb is not None else t,
                                                    staffed):
            continue
        sites = [ctx.mention_at[a]] if body else _staffed_bodies(ctx, staffed, ref) \
            if staffed is not None else ctx.listed_from(a + 1, kinds)
        for index in sites:
            if index in ctx.origin_mentions or ctx.entity(index) == origin:
                continue
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), token.sent_id)


def _staffed_bodies(ctx: Context, staffed: int, ref: Ref) -> list[int]:
    """«с представителями администрации X и министерства экономики Y»: the government bodies
    listed from the first one on, each one whose people were met (not the group's own)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # (a ministry's name is capitalised, so its head is no lower-case body word)
    heads = vocab.words("government_bodies") | vocab.words("key_national_body_heads")
    bodies = [staffed]
    for index in ctx.listed_from(ctx.first(staffed), ("ORG",))[1:]:
        if tokens[ctx.first(index)].lemma in heads and not _own_side_body(ctx, index, ref):
            bodies.append(index)
    return bodies


def _met_at_body(ctx: Context, meeting: int, body: int) -> bool:
    """Was the meeting where the body is: no other place of it in its clause («делегация в
    Москве встретилась с представителями правительства области X»), and the body's people
    not told of as come elsewhere («с представителями администрации X, прибывшими в Y»)?"""
    tokens, arrivals = ctx.doc.tokens, ctx.vocab.words("arrival_verbs")
    home, first, last = mention_place(ctx, body), ctx.first(body), ctx.last(body)
    for index in ctx.mentions_in(range(*ctx.clause_bounds(meeting))):
        if ctx.mention_type(index) == "LOC" and (ctx.last(index) < first
                                                 or ctx.first(index) > last) \
                and _preposition_before(ctx, index) is not None \
                and not ctx.title_dependent(index) and not _in_head_title(ctx, index) \
                and not _around(mention_place(ctx, index), home):
            return False  # (not «посол Кении в России»: where his post is)
    sent_id = tokens[first].sent_id
    return not any(tokens[t].sent_id == sent_id and _arrival_word(tokens[t], arrivals)
                   for t in range(last + 1, min(last + 6, len(tokens))))


def _around(place: Place | None, home: Place | None) -> bool:
    """Is ``place`` the body's own place, its region or country, or a town of its region
    («в Башкортостане … с представителями администрации Уфы»)?"""
    if place is None or home is None:
        return False
    return place == home or place.canonical == home.region or home.canonical == place.region \
        or (place.kind == "country" and place.country == home.country)


def _arrival_word(token: Token, arrivals: frozenset[str]) -> bool:
    """«прибыли», «прибывшими», «приехавших»: a verb of arriving or its participle (the
    lemmatiser gives a participle its verb's lemma)."""
    return token.lemma in arrivals


def _previous_meeting_group(ctx: Context, token: Token) -> Ref | None:
    """«Первой стала встреча с руководством технопарка X»: a meeting noun in a sentence that
    names no group, right after a sentence about the group's visit or meetings, is that
    group's."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if token.pos != "NOUN" or token.sent_id < 1 or ctx.refs_in(token.sent_id) \
            or ctx.in_speech(token.token_id) or ctx.another_time(ctx.sentence(token.sent_id)):
        return None  # («В прошлом году в X прошли переговоры …»: not this visit's)
    previous = ctx.refs_in(token.sent_id - 1, narrated=True)
    words = vocab.visit_triggers | vocab.words("meeting_words")
    if not previous or not any(tokens[t].lemma in words and not ctx.planned(t)
                               for t in ctx.sentence(token.sent_id - 1)):
        return _group_told_earlier(ctx, token, words)
    return previous[-1]


def _group_of(ctx: Context, token_id: int, heads: dict[int, int]) -> int | None:
    """The group a word names: a reference to it, the name of its head, or its head's or its
    members' title over it («глава делегации», «члены делегации»: what they do, it does)."""
    ref = ctx.ref_at(token_id)
    if ref is not None:
        return ctx.delegation_entity(ref)
    tokens = ctx.doc.tokens
    if tokens[token_id].lemma in ctx.vocab.words("business_community_nouns"):
        # «Бизнес-миссия компаний края находилась в X» parsed with the companies the subject:
        # the group word hung on them
        misread = next((ctx.ref_at(c) for c in ctx.children.get(token_id, [])
                        if tokens[c].rel == "amod" and ctx.ref_at(c) is not None), None)
        if misread is not None:
            return ctx.delegation_entity(misread)
    if tokens[token_id].lemma in ctx.vocab.words("delegation_leader_titles") \
            or _members_acting(ctx, token_id):
        led = next((ctx.ref_at(c) for c in ctx.children.get(token_id, [])
                    if tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen"
                    and ctx.ref_at(c) is not None), None)
        if led is not None:
            return ctx.delegation_entity(led)
    person = _person_named(ctx, token_id)
    return heads.get(ctx.entity(person)) if person is not None else None


def _members_acting(ctx: Context, token_id: int) -> bool:
    """«Члены делегации подписали в X соглашение»: members who do one of a visit's acts (a
    guest's, an official's on a trip, a signing, a visit) stand for their group; not those who
    tell of their own past («члены делегации учились в X»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    head = tokens[token_id].head_id
    if tokens[token_id].lemma not in vocab.words("delegation_member_titles") or head < 0:
        return False
    acts = vocab.words("guest_act_verbs") | vocab.words("official_act_verbs") \
        | vocab.words("agreement_verbs") | vocab.visit_triggers
    return tokens[head].lemma in acts


def _met_group(ctx: Context, t: int, heads: dict[int, int]) -> int | None:
    """The group at a meeting: the one that meets (``_meeting_group``) or whose head meets
    («губернатор области, глава делегации, провёл переговоры»), or the one (or the head)
    met («губернатор встретился с делегацией», «встреча с гостями»)."""
    ref = _meeting_group(ctx, t)
    if ref is not None:
        return ctx.delegation_entity(ref)
    tokens = ctx.doc.tokens
    verb = _clause_verb(ctx, t) if tokens[t].pos == "NOUN" else t
    for child in ctx.children.get(verb, []) if verb is not None else []:
        if tokens[child].rel != "nsubj" or ctx.in_speech(child):
            continue
        # the subject, or a head joined to it («губернатор X и посол Y провели встречу»)
        for subject in (child, *(c for c in ctx.children.get(child, [])
                                 if tokens[c].rel == "conj")):
            group = _group_of(ctx, subject, heads)
            if group is not None:
                return group
    received = _received_group(ctx, verb, heads) if verb is not None else None
    if received is not None:
        return received
    for child in ctx.children.get(t, []) if tokens[t].pos == "NOUN" else []:
        group = _group_of(ctx, child, heads)  # «приём делегации прошёл в …»
        if group is not None and case_of(tokens[child]) == "Gen" and not ctx.in_speech(child):
            return group
    start, end = ctx.clause_bounds(t)
    met = [w for w in range(start, end) if tokens[w].lemma == "с" and w not in ctx.mention_at]
    contrast = ctx.vocab.words("contrast_words")
    for w in met:
        for after in range(w + 1, min(w + 8, end)):  # «с гендиректором агентства X Y»
            if tokens[after].text in (",", ";") or tokens[after].lemma in contrast:
                break  # «…, а делегация посетила …»: another clause
            group = _group_of(ctx, after, heads)
            if group is not None and not ctx.in_speech(after):
                return group
    if met or ctx.another_time(range(start, end)):
        return None  # «встреча с X, организованная в честь делегации»: X met
    honours = ctx.vocab.words("honour_nouns")
    for w in range(start + 1, end):
        # «приём в честь делегации прошёл в …»: the group honoured
        if tokens[w].lemma in honours and tokens[w - 1].lemma == "в" and not ctx.in_speech(w):
            group = next((g for c in ctx.children.get(w, []) if case_of(tokens[c]) == "Gen"
                          for g in [_group_of(ctx, c, heads)] if g is not None), None)
            if group is not None:
                return group
    return None


def _received_group(ctx: Context, verb: int, heads: dict[int, int]) -> int | None:
    """«В аэропорту X делегацию встретил министр», «Губернатор встретил их в порту Y»: the
    object of an active verb of receiving is the group received; a plural pronoun there is
    the group the sentence before (or the one before it) tells of."""
    tokens = ctx.doc.tokens
    if tokens[verb].pos != "VERB" or tokens[verb].lemma not in ctx.vocab.words(
            "reception_verbs") or "Voice=Pass" in tokens[verb].feats:
        return None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "obj" or ctx.in_speech(child):
            continue
        group = _group_of(ctx, child, heads)
        if group is not None:
            return group
        if tokens[child].lemma in ctx.vocab.words("group_pronouns") \
                and not ctx.refs_in(tokens[verb].sent_id):
            sent_id = tokens[verb].sent_id
            earlier = ctx.refs_in(sent_id - 1, narrated=True) or (
                [] if _plural_subject_in(ctx, sent_id - 1)  # («Рабочие вышли …»: theirs)
                else ctx.refs_in(sent_id - 2, narrated=True))
            if earlier:
                return ctx.delegation_entity(earlier[-1])
    return None


def _plural_subject_in(ctx: Context, sent_id: int) -> bool:
    """Has the sentence a plural subject of people («Рабочие завода X вышли на акцию»), whom
    a plural pronoun after it may stand for? («Стороны обсудили …» include the group.)"""
    tokens = ctx.doc.tokens
    return sent_id >= 0 and any(
        tokens[t].rel == "nsubj" and tokens[t].pos in ("NOUN", "PROPN")
        and "Number=Plur" in tokens[t].feats and "Animacy=Anim" in tokens[t].feats
        for t in ctx.sentence(sent_id))


def _meeting_held(ctx: Context, noun: int, verb: int) -> bool:
    """Was the meeting a noun names held: not one its verb calls off or puts off
    («отменили встречу», «перенесли переговоры»: ``cancel_verbs``, ``refusal_verbs``),
    reports or discusses («сообщили о встрече», «обсудили итоги переговоров»:
    ``meeting_report_verbs``), nor one told of («о встрече»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    unheld = vocab.words("cancel_verbs") | vocab.words("refusal_verbs") \
        | vocab.words("meeting_report_verbs")
    return tokens[verb].lemma not in unheld \
        and not any(tokens[c].rel == "case" and tokens[c].lemma == "о"
                    for c in ctx.children.get(noun, []))


def _origin_of(ctx: Context, group: int) -> int | None:
    return next((d.origin_entity for d in ctx.delegations if d.entity_id == group), None)


@matcher("met_in_place")
def met_in_place(ctx: Context, rule: RelationRule) -> None:
    """«В Институте X представители делегации встретились с …», «губернатор встретился с
    делегацией в Казани», «переговоры с гостями прошли в Минпромторге», «глава делегации в
    Дели провёл переговоры»: the place or body «в/на» which the delegation's meeting was held."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = ctx.head_groups(employed=True)
    # a site's own generic head before its quoted name too («в институте «Кедр»»)
    premises = vocab.words("premises_nouns") | vocab.words("site_objects") | vocab.site_heads
    for token in tokens:
        t = token.token_id
        if token.lemma not in vocab.words(rule.trigger) or token.pos not in ("VERB", "NOUN") \
                or ctx.in_speech(t) or _purpose(ctx, token) or _remote(ctx, token):
            continue
        verb = _clause_verb(ctx, t) if token.pos == "NOUN" else t
        if verb is None or ctx.planned(t) or _planned(ctx, verb) \
                or "VerbForm=Inf" in tokens[verb].feats:
            continue
        if token.pos == "NOUN" and not _meeting_held(ctx, t, verb):
            continue  # «отменили встречу с делегацией», «сообщили о встрече»: none held
        group = _met_group(ctx, t, heads)
        if group is None:
            continue
        start, end = ctx.clause_bounds(verb)
        origin = _origin_of(ctx, group)
        for index in ctx.mentions_in(range(start, end)):
            if not _site_where(ctx, index, origin) or _post_abroad(ctx, index):
                continue
            # «в/на X» in the locative: where the meeting was (also after the group's words:
            # «с делегацией области в Пензе»)
            before = _preposition_before(ctx, index, premises)
            cased = [ctx.first(index), ctx.last(index), *range((before or 0) + 1, ctx.first(index))]
            if before is None or not any(case_of(tokens[c]) == "Loc" for c in cased) \
                    or not (_governed_by(ctx, index, verb) or _governed_by(ctx, index, t)):
                continue
            ctx.add(rule, group, ctx.entity(index), token.sent_id)


@matcher("acted_in_place")
def acted_in_place(ctx: Context, rule: RelationRule) -> None:
    """«делегация подписала соглашение в Пекине», «глава делегации Иван Петров выступил на
    заводе X»: a group (or its head) that did something «в/на» a place or site (the verb's own
    locative, in the past) was there; so was a group that a subjectless plural verb addressed
    («на заводе X гостям показали цеха», «гостей приветствовали в Y», «гостей ознакомили с
    работой технопарка Z») or that was the object of the verb («в Y гостей заинтересовало
    строительство»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = ctx.head_groups()
    sites = vocab.words("site_descriptors") | vocab.words("site_objects") \
        | vocab.words("premises_nouns")
    # a place's descriptor too where the verb is no visit («начинает работу в городе X»; a
    # visit's «на острове X» is where the site it visited lies)
    acts_at = sites | vocab.place_descriptors
    meeting_words = vocab.words("meeting_words") | vocab.words("meeting_nouns")
    # «планирует побывать на заводе X», «хотят посетить Y»: the act is only the infinitive's
    wishes = vocab.plan_words | vocab.words("intention_words")
    for token in tokens:
        t = token.token_id
        # the past, or a news report's present («делегация обсуждает в Харбине …»): a future
        # is no visit yet
        if token.pos != "VERB" or not is_finite_verb(token) \
                or not ("Tense=Past" in token.feats or "Tense=Pres" in token.feats) \
                or ctx.planned(t) or ctx.in_speech(t) or token.lemma in wishes:
            continue
        # a head's present is his everyday work («губернатор работает в Омске»), not a trip
        present = "Tense=Pres" in token.feats
        if token.lemma in vocab.host_verbs:
            # a host's verb only without its host («гостей приветствовали в X», «гостей
            # ознакомили с работой технопарка Y»): the indefinite «they» did it to the group
            group = None if present else _addressed_group(ctx, t)
            if group is not None:
                for index in _shown_sites(ctx, t):
                    if _site_where(ctx, index, _origin_of(ctx, group)):
                        ctx.add(rule, group, ctx.entity(index), token.sent_id)
            elif not present and token.lemma in vocab.words("reception_verbs"):
                # «В Казани группу принял заместитель министра X»: received there
                group = _object_group(ctx, t)
        else:
            # (a nominative subject that agrees with the verb: «делегация …, после чего сорта
            # начали выращивать в X» hung on «начали» is no subject of it)
            group = next((g for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"
                          and (case_of(tokens[c]) != "Nom" or feats_agree(tokens[c], token))
                          for g in [_group_of(ctx, c, {} if present else heads)]
                          if g is not None), None)
            if group is None and not present:  # (an entity may be 0: no «or»)
                group = next((g for find in (_addressed_group, _object_group,
                                             _trip_subject_group)
                              if (g := find(ctx, t)) is not None), None)
            if group is not None and _settled_there(ctx, token):
                continue  # «инвесторы из Китая работают в ТОР X»: no trip
        if group is None:
            continue
        origin = _origin_of(ctx, group)
        # the verb's locative, or one the parse hung on its object («подписала соглашение в X»)
        objects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "obj"]
        # «смог оценить … в Университете X»: the infinitive's own places too
        verbs = [t] + [c for c in ctx.children.get(t, []) if tokens[c].rel == "xcomp"
                       and "VerbForm=Inf" in tokens[c].feats]
        obliques = [c for v in verbs for c in ctx.children.get(v, []) if tokens[c].rel == "obl"]
        # «на приёме в мэрии X заявил глава делегации»: the place of a meeting the verb is at
        meetings = [c for c in obliques if tokens[c].lemma in meeting_words]
        # «приступила к работе в Китае»: the place of the work the verb starts or goes on with
        works = [c for c in obliques if tokens[c].lemma in vocab.words("group_work_nouns")
                 and ctx.governed(c, "к")]  # (not «рассказала о работе в X»)
        places = obliques \
            + [c for o in objects for c in ctx.children.get(o, []) if tokens[c].rel == "nmod"] \
            + [c for m in meetings + works for c in ctx.children.get(m, [])
               if tokens[c].rel == "nmod"]
        # «в Нью-Дели и Мумбаи», «в двух городах — в Нью-Дели и в Мумбаи»: the places joined
        # to a place of the verb, or listed after a dash, share its preposition
        joined = _places_joined(ctx, obliques)
        owned = _sites_of_plural_site_word(ctx, obliques, sites)
        for child in places + sorted(joined | owned):
            index = _site_named(ctx, child,
                                sites if token.lemma in vocab.visit_triggers else acts_at)
            if index is None and child in obliques and case_of(tokens[child]) == "Loc" \
                    and (place := _bare_place(ctx, child)) is not None:
                # «Одновременно в городе работала делегация X»: the town named before
                ctx.add(rule, group, place, token.sent_id)
                continue
            arrival = index is None and (index := _town_of_arrival_point(ctx, child)) is not None
            if index is None or not _site_where(ctx, index, origin):
                continue
            before = child - 1 if arrival else _preposition_before(ctx, index, sites)
            # (a genitive under a plural site word has its preposition before that word)
            if child not in owned and (
                    (before is None and child not in joined) or case_of(tokens[child]) != "Loc"
                    or not _in_own_clause(ctx, index, t) or in_as_reported_clause(ctx, child)):
                continue
            if _other_group_between(ctx, None, t, ctx.first(index)) is not None:
                continue  # «…, армянская делегация — в Y»: the other group's, its verb left out
            ctx.add(rule, group, ctx.entity(index), token.sent_id)


def _places_joined(ctx: Context, obliques: list[int]) -> set[int]:
    """The words joined by «и» to a verb's place after «в»/«на», or listed after a dash
    beside a place word («в двух городах — в X и в Y»): they share its preposition."""
    tokens = ctx.doc.tokens
    joined: set[int] = set()
    for oblique in obliques:
        if not ctx.governed(oblique, "в", "во", "на"):
            continue
        listed = [c for c in ctx.children.get(oblique, [])
                  if tokens[c].rel in ("conj", "parataxis") and c > oblique]
        joined.update(listed, (g for c in listed for g in ctx.children.get(c, [])
                               if tokens[g].rel == "conj" and g > c))
    return joined


def _sites_of_plural_site_word(ctx: Context, obliques: list[int], sites: frozenset[str]
                               ) -> set[int]:
    """«прошёл на площадках университета X, университета Y и бизнес-инкубатора Z»: the
    genitives joined to the first under a plural site word, each a site of the verb."""
    tokens = ctx.doc.tokens
    owned: set[int] = set()
    for oblique in obliques:
        if tokens[oblique].lemma not in sites or "Number=Plur" not in tokens[oblique].feats \
                or not ctx.governed(oblique, "в", "во", "на"):
            continue
        for first in ctx.children.get(oblique, []):
            if tokens[first].rel == "nmod" and case_of(tokens[first]) == "Gen":
                owned.update(c for c in ctx.children.get(first, [])
                             if tokens[c].rel == "conj" and case_of(tokens[c]) == "Gen")
    return owned


def _trip_subject_group(ctx: Context, verb: int) -> int | None:
    """«Визит делегации завершился в технопарке X», «Поездка продолжилась в Томске»: the group
    whose trip is the subject of a verb of ``trip_course_verbs``: the one its genitive names,
    or, for a bare trip noun, the one group the text is about."""
    tokens = ctx.doc.tokens
    if tokens[verb].lemma not in ctx.vocab.words("trip_course_verbs"):
        return None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "nsubj" \
                or tokens[child].lemma not in ctx.vocab.words("trip_nouns"):
            continue
        ref = next((ctx.ref_at(g) for g in ctx.children.get(child, [])
                    if tokens[g].rel == "nmod" and ctx.ref_at(g) is not None), None)
        if ref is not None:
            return ctx.delegation_entity(ref)
        if _bare_trip(ctx, child) and len(ctx.delegations) == 1:
            refs = [r for r in ctx.refs if r.delegation == 0 and r.token < child]
            return ctx.delegation_entity(refs[0]) if refs else None
    return None


def _town_of_arrival_point(ctx: Context, word: int) -> int | None:
    """«встретили в аэропорту Омска»: the town an airport or station word names in the
    genitive right after it (``arrival_point_nouns``), where the group arrived."""
    tokens = ctx.doc.tokens
    if tokens[word].lemma not in ctx.vocab.words("arrival_point_nouns") \
            or word < 1 or tokens[word - 1].lemma not in ("в", "во", "на"):
        return None
    index = ctx.mention_at.get(word + 1)
    if index is None or ctx.mention_type(index) != "LOC" or ctx.first(index) != word + 1 \
            or case_of(tokens[word + 1]) != "Gen":
        return None
    place = mention_place(ctx, index)
    return index if place is not None and is_town(place) else None


def _shown_sites(ctx: Context, verb: int) -> list[int]:
    """«гостей ознакомили с работой технопарка X», «познакомили с производством компании Y»:
    the site a verb of ``showing_verbs`` shows, after «с», itself or the name of what is
    shown."""
    tokens = ctx.doc.tokens
    if tokens[verb].lemma not in ctx.vocab.words("showing_verbs"):
        return []
    sites = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "obl" or case_of(tokens[child]) != "Ins" or not any(
                tokens[g].lemma == "с" for g in ctx.children.get(child, [])):
            continue
        for word in (child, *(c for c in ctx.children.get(child, [])
                              if tokens[c].rel == "nmod" and case_of(tokens[c]) == "Gen")):
            index = _site_named(ctx, word, None) if word not in ctx.mention_at \
                else ctx.mention_at[word]
            if index is not None and ctx.mention_type(index) in ("ORG", "PARK"):
                sites.append(index)
    return sites


def _site_where(ctx: Context, index: int, origin: int | None) -> bool:
    """May the mention be where the group from ``origin`` did something: a place, body or
    park, not its own origin, not a title's place («посол России в Индии», «посол Армении в
    России X … посетила»), not a place that only says where another is, not a dateline?"""
    return ctx.mention_type(index) in ("LOC", "ORG", "PARK") \
        and index not in ctx.origin_mentions and ctx.entity(index) != origin \
        and not (ctx.title_dependent(index) and not ctx.ref_dependent(index)) \
        and not _place_of_place(ctx, index) and not ctx.dateline(index, any_part=True) \
        and not _envoy_posting(ctx, index)


def _told_about(ctx: Context, index: int) -> bool:
    """Is the mention what a verb of telling is about, itself or the noun it hangs on
    («рассказала о резидентах парка — компаниях «A» и «B»»): no site of the guests?"""
    tokens = ctx.doc.tokens
    word = ctx.mention_root(index)
    for _ in range(6):
        if word is None or word < 0:
            return False
        if ctx.governed(word, "о", "об") and tokens[word].head_id >= 0 \
                and tokens[tokens[word].head_id].lemma in ctx.vocab.saying_verbs:
            return True
        if tokens[word].rel not in ("appos", "nmod", "conj", "parataxis", "flat:name"):
            return False
        word = tokens[word].head_id
    return False


ENVOY_REACH = 4  # «Послом (Республики) Монголии в России»: the title a few words before «в»


def _envoy_posting(ctx: Context, index: int) -> bool:
    """Is the place where an envoy is posted, «в» right after his title and country
    («во главе с Послом Монголии в России X приехала в …»): his post, not where the group
    went, also inside the group's own phrase?"""
    tokens, first = ctx.doc.tokens, ctx.first(index)
    if first < 2 or tokens[first - 1].lemma not in ("в", "во") or case_of(tokens[first]) != "Loc":
        return False
    envoys = ctx.vocab.words("envoy_titles")
    for t in range(first - 2, max(first - 2 - ENVOY_REACH, -1), -1):
        if tokens[t].lemma in envoys:
            return True
        if tokens[t].pos not in ("NOUN", "PROPN", "ADJ") or "Case=Gen" not in tokens[t].feats:
            return False
    return False


def _site_named(ctx: Context, word: int, sites: frozenset[str] | None) -> int | None:
    """The mention a word of the tree names: its own, or the name right after a site word
    («на заводе «Луч»»); where ``sites`` is None, the name in apposition right after any word
    («в научный центр «Кедр»», not an owner's genitive «в рабочую группу Минпромторга»)."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(word)
    if index is None and (sites is None or tokens[word].lemma in sites):
        relations = ("appos", "flat:name") if sites is None else ("appos", "flat:name", "nmod")
        index = next((ctx.mention_at[c] for c in ctx.children.get(word, [])
                      if tokens[c].rel in relations
                      and c in ctx.mention_at and ctx.first(ctx.mention_at[c]) - 1 == word),
                     None)
    return index


@matcher("brought_to")
def brought_to(ctx: Context, rule: RelationRule) -> None:
    """«Гостей привезли в Белогорск», «делегацию провели в научный центр «Кедр»», «партнёр
    привёл делегацию в компанию «Кедр»»: a group that a verb of taking (``bringing_verbs``)
    addressed, or took as its object, in the past, went to the place «в/на» in the
    accusative."""
    _taken_to(ctx, rule, lambda ctx, verb: _addressed_group(ctx, verb) or _object_group(ctx, verb))


@matcher("sent_to")
def sent_to(ctx: Context, rule: RelationRule) -> None:
    """«Омская область направила делегацию в Казань», «регион прислал делегацию на выставку в
    Тверь»: a group that a past verb of sending (``sending_verbs``) took as its object went
    to the place «в/на» in the accusative (not an infinitive or a plan: «готова направить»)."""
    _taken_to(ctx, rule, _object_group)


def _taken_to(ctx: Context, rule: RelationRule,
              group_of: Callable[[Context, int], int | None]) -> None:
    """The facts of ``brought_to`` and ``sent_to``: the group ``group_of`` finds for a past
    trigger verb, at each named place «в/на» in the accusative the verb governs."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if token.pos != "VERB" or not past_finite_verb(token) or _planned(ctx, t):
            continue
        group = group_of(ctx, t)
        if group is None:
            continue
        origin = _origin_of(ctx, group)
        for child in ctx.children.get(t, []):
            if tokens[child].rel != "obl" or case_of(tokens[child]) != "Acc" \
                    or not ctx.governed(child, "в", "во", "на"):
                continue
            index = _site_named(ctx, child, None)  # «в научный центр «Кедр»»
            if index is None or ctx.mention_type(index) not in ("LOC", "ORG", "PARK") \
                    or index in ctx.origin_mentions or ctx.entity(index) == origin:
                continue
            ctx.add(rule, group, ctx.entity(index), token.sent_id)


def _object_group(ctx: Context, verb: int) -> int | None:
    """«На заводе X гостей заинтересовали станки», «в Кремле делегацию принял президент»: the
    group as the object of whatever was done to it (not an invitation: a plan)."""
    tokens = ctx.doc.tokens
    if tokens[verb].lemma in ctx.vocab.plan_words:
        return None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "obj" or case_of(tokens[child]) != "Acc" \
                or ctx.in_speech(child):
            continue
        group = _group_or_members(ctx, child)  # «представителей делегации»
        if group is not None:
            return group
    return None


def _group_or_members(ctx: Context, word: int) -> int | None:
    """The group a word names, itself or by its genitive («участникам делегации»)."""
    tokens = ctx.doc.tokens
    for w in (word, *(g for g in ctx.children.get(word, [])
                      if tokens[g].rel == "nmod" and case_of(tokens[g]) == "Gen")):
        ref = ctx.ref_at(w)
        if ref is not None:
            return ctx.delegation_entity(ref)
    return None


def _addressed_group(ctx: Context, verb: int) -> int | None:
    """«На заводе X гостям рассказали о …», «делегацию встретили в Y»: a verb without a subject
    (plural, the indefinite «they») addressed to the group, as its dative or object."""
    tokens = ctx.doc.tokens
    if "Number=Plur" not in tokens[verb].feats or any(
            tokens[c].rel in ("nsubj", "nsubj:pass") for c in ctx.children.get(verb, [])):
        return None
    for child in ctx.children.get(verb, []):
        if tokens[child].rel not in ("iobj", "obj", "obl"):
            continue
        # an animate plural object may read as genitive («гостей»)
        case = case_of(tokens[child])
        if not (case in ("Dat", "Acc") or (case == "Gen" and tokens[child].rel == "obj")):
            continue
        group = _group_or_members(ctx, child)  # «участникам делегации»
        if group is not None:
            return group
    return None



@matcher("route_stop")
def route_stop(ctx: Context, rule: RelationRule) -> None:
    """«Следующей точкой маршрута стал завод X», «Первым пунктом программы стало посещение
    технопарка Y»: a stop of the tour (a ``route_stop_nouns`` word with a ``route_nouns``
    genitive or «их») as the predicate of a copula whose subject is the site; the group is
    the one the sentence names, else the last one named in the two sentences before, else the
    article's one group."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        if token.lemma not in vocab.words("route_stop_nouns") or token.pos != "NOUN" \
                or not any(tokens[c].lemma in vocab.words("route_nouns")
                           or tokens[c].text.lower() in vocab.words("group_possessives")
                           for c in ctx.children.get(token.token_id, [])) \
                or ctx.in_speech(token.token_id):
            continue
        copula = _copula_of(ctx, token.token_id)
        if copula is None or ctx.planned(copula):
            continue
        # the subject hangs on the copula verb («стал завод X»), or on the predicate noun
        # itself where the copula is «быть» («Третьим пунктом визита было ООО «X»»)
        clause = copula if tokens[copula].head_id != token.token_id else token.token_id
        subject = next((c for c in ctx.children.get(clause, [])
                        if tokens[c].rel == "nsubj"), None)
        if subject is None:
            continue
        # «стало посещение X», «стал осмотр производств АО «X»»: down to the named site
        for _ in range(2):
            if name_at(ctx, subject) is not None or (
                    tokens[subject].lemma not in vocab.visit_triggers
                    and tokens[subject].lemma not in vocab.words("site_objects")):
                break
            subject = next((c for c in ctx.children.get(subject, [])
                            if tokens[c].rel == "nmod"), subject)
        site = name_at(ctx, subject)
        if site is None or ctx.mention_type(site) not in SITE_TYPES:
            continue
        earlier = ctx.refs_in(token.sent_id - 1, narrated=True) \
            or ctx.refs_in(token.sent_id - 2, narrated=True)
        ref = ctx.nearest_ref(token.token_id) or (earlier[-1] if earlier else None)
        if ref is not None:
            group: int | None = ctx.delegation_entity(ref)
        else:  # a stop of the one group the article is about
            group = ctx.delegations[0].entity_id if len(ctx.delegations) == 1 else None
        if group is not None and group >= 0:
            for each in ctx.conjoined(site, SITE_TYPES):  # «АО «X» и «Y»»
                ctx.add(rule, group, ctx.entity(each), token.sent_id)


def _copula_of(ctx: Context, predicate: int) -> int | None:
    """The copula of a predicate noun: the verb it hangs on («стал завод X»), or its own
    «быть» («было ООО «X»»); None where it has neither."""
    tokens, copulas = ctx.doc.tokens, ctx.vocab.words("copula_verbs")
    head = tokens[predicate].head_id
    if head >= 0 and tokens[head].lemma in copulas:
        return head
    return next((c for c in ctx.children.get(predicate, [])
                 if tokens[c].rel == "cop" and tokens[c].lemma in copulas), None)


@matcher("programme_sites")
@matcher("programme_lines")
def programme_sites(ctx: Context, rule: RelationRule) -> None:
    """«В программу посещений вошли также музей X и мечеть Y», «Программа поездки включала
    технопарк X и завод Y»: the named sites a trip's programme took in, told as done, for the
    group told of last (else the article's one group); a visit noun listed («включала
    посещение завода X») is trigger_clause's. ``programme_lines``: the programme's verb
    ends its line in a colon, a bulleted line for each site («В программу вошли:», «— завод
    «X»;»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in tokens:
        if token.lemma not in vocab.words(rule.trigger) or token.pos != "NOUN" \
                or token.head_id < 0 or not (any(
                    tokens[c].lemma in vocab.words("route_nouns")
                    or tokens[c].text.lower() in vocab.words("group_possessives")
                    for c in ctx.children.get(token.token_id, []))
                    or _bare_programme_after_group(ctx, token.token_id)):
            continue
        verb = token.head_id
        entered = tokens[verb].lemma in vocab.words("entering_verbs") and token.rel == "obl"
        included = tokens[verb].lemma in ("включать", "включить") and token.rel == "nsubj"
        if not (entered or included) or "Tense=Past" not in tokens[verb].feats \
                or ctx.planned(verb) or ctx.in_speech(verb) \
                or _of_another_trip(ctx, token.token_id):
            continue
        # the sites named as such (a visit noun's own site is trigger_clause's)
        listed = [c for c in ctx.children.get(verb, [])
                  if tokens[c].rel == ("nsubj" if entered else "obj")
                  and tokens[c].lemma not in vocab.visit_triggers]
        listed += [g for c in listed for g in ctx.children.get(c, []) if tokens[g].rel == "conj"]
        sites = [site for c in listed if (site := name_at(ctx, c)) is not None
                 and ctx.mention_type(site) in SITE_TYPES]
        if rule.method == "programme_lines":
            sites = [] if sites else ctx.bulleted_after(token.sent_id, SITE_TYPES)
        ref = ctx.nearest_ref(token.token_id)
        group = ctx.delegation_entity(ref) if ref is not None else (
            ctx.delegations[0].entity_id if len(ctx.delegations) == 1 else None)
        for site in sites:
            if group is not None and group >= 0:
                ctx.add(rule, group, ctx.entity(site), token.sent_id)


def _of_another_trip(ctx: Context, programme: int) -> bool:
    """Is the programme another trip's: one of another time («программа прошлого визита»), or
    one whose trip a person or title owns («программа визита министра»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    other_time = vocab.words("other_time_adjectives")
    for word in (programme, *ctx.children.get(programme, [])):
        for c in ctx.children.get(word, []):
            if tokens[c].lemma in other_time or (
                    word != programme and tokens[c].rel == "nmod" and ctx.ref_at(c) is None
                    and (vocab.is_title(tokens[c].lemma) or (
                        c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "PER"))):
                return True
    return False


@matcher("visit_frame")
def visit_frame(ctx: Context, rule: RelationRule) -> None:
    """«Подписание состоялось в городе X, в рамках поездки делегации Y», «В ходе визита
    делегации Y в Казани прошла встреча»: a visit noun framing a clause («в рамках», «в
    ходе», «во время»: ``visit_frame_nouns``) whose genitive is the group puts it where the
    clause's verb took place, «в/на» a named place or site (also across the comma); where
    the clause only names a meeting («Встреча состоялась в рамках визита …»), where the
    sentence before held it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    frames = vocab.words("visit_frame_nouns")
    for token in tokens:
        t = token.token_id
        if token.lemma not in vocab.visit_triggers or token.pos != "NOUN" \
                or token.head_id < 0 or tokens[token.head_id].lemma not in frames \
                or ctx.in_speech(t) or _planned(ctx, t):
            continue
        group = next((ctx.delegation_entity(ref) for c in ctx.children.get(t, [])
                      if tokens[c].rel == "nmod" and (ref := ctx.ref_at(c)) is not None), None)
        verb = tokens[token.head_id].head_id
        if group is None or verb < 0 or not is_finite_verb(tokens[verb]) \
                or ctx.planned(verb) or tokens[verb].lemma in vocab.host_verbs:
            continue
        places = _verb_sites(ctx, verb, skip=token.head_id)
        if not places:
            places = _previous_meeting_sites(ctx, verb)
        for site in places:
            ctx.add(rule, group, ctx.entity(site), token.sent_id)


def _verb_sites(ctx: Context, verb: int, skip: int = -1) -> list[int]:
    """The named places and sites «в/на» (locative) the verb's own obliques name."""
    tokens = ctx.doc.tokens
    sites = []
    for place in ctx.children.get(verb, []):
        if tokens[place].rel != "obl" or place == skip or not any(
                tokens[g].lemma in ("в", "во", "на") for g in ctx.children.get(place, [])) \
                or case_of(tokens[place]) != "Loc":
            continue
        site = name_at(ctx, place)
        if site is not None and ctx.mention_type(site) in SITE_TYPES:
            sites.append(site)
    return sites


def _previous_meeting_sites(ctx: Context, verb: int) -> list[int]:
    """«Мэр X встретился в Астане с Y. Встреча состоялась в рамках визита делегации Z»: a
    meeting the frame's clause only names («Встреча состоялась …») is the one the sentence
    before told of; the places of its past meeting verb."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    meetings = vocab.words("meeting_words")
    sent_id = tokens[verb].sent_id
    if sent_id < 1 or not any(tokens[c].rel == "nsubj" and tokens[c].lemma in meetings
                              for c in ctx.children.get(verb, [])):
        return []
    return [site for t in ctx.sentence(sent_id - 1)
            if tokens[t].lemma in meetings and tokens[t].pos == "VERB"
            and "Tense=Past" in tokens[t].feats and not ctx.planned(t) and not ctx.in_speech(t)
            for site in _verb_sites(ctx, t)]


@matcher("visited_our_site")
def visited_our_site(ctx: Context, rule: RelationRule) -> None:
    """«К нам приехали коллеги из X», «у нас побывала делегация Y», «Нас навестила делегация
    Z» on a park's own news page: the group visited the site the page speaks for, the one
    park its headline (or its first sentence) names."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    site = ctx.page_park()
    if site is None:
        return
    triggers = vocab.visit_triggers | vocab.words("visit_motion_verbs")
    for token in ctx.triggers(triggers, unplanned=True):
        if token.pos != "VERB" or not past_finite_verb(token) or not _to_us(ctx, token):
            continue
        ref = next((r for c in ctx.children.get(token.token_id, [])
                    if tokens[c].rel in ("nsubj", "nsubj:pass")
                    and (r := ctx.ref_at(c)) is not None), None)
        if ref is not None and not _unnamed_groups(ctx, ref):
            ctx.add(rule, ctx.delegation_entity(ref), site, token.sent_id)


def _to_us(ctx: Context, verb: Token) -> bool:
    """Has the verb «к нам», «у нас» or the object «нас» («нас навестили»): the speaker's
    own place?"""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb.token_id, []):
        word = tokens[child]
        if word.lemma != "мы" or word.text.lower() not in ("нам", "нас"):
            continue
        cases = [tokens[g].lemma for g in ctx.children.get(child, []) if tokens[g].rel == "case"]
        if cases in (["к"], ["у"]) or (not cases and word.rel == "obj"):
            return True
    return False


@matcher("visited_programme_stop")
def visited_programme_stop(ctx: Context, rule: RelationRule) -> None:
    """«Гости начали программу с технопарка X», «15 октября программа продолжилась в ОЭЗ
    Y», «визит завершился на заводе Z»: a programme's start, course or end told as done at a
    site, the group's (its subject, else the group told of last) visit there."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    nouns = vocab.words("programme_nouns")
    for token in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        if token.pos != "VERB" or not past_finite_verb(token):
            continue
        children = ctx.children.get(token.token_id, [])
        programme = next((c for c in children if tokens[c].lemma in nouns
                          and tokens[c].rel in ("obj", "nsubj")), None)
        if programme is None:
            continue
        subject = next((c for c in children if tokens[c].rel == "nsubj"), None)
        ref = ctx.ref_at(subject) if subject is not None else None
        if ref is None and tokens[programme].rel == "nsubj":
            ref = _programme_group(ctx, programme)
        if ref is None or _unnamed_groups(ctx, ref):
            continue
        prepositions = ("с", "со") if tokens[programme].rel == "obj" else ("в", "во", "на")
        # the site on the verb, or on the programme noun («начали программу с технопарка X»)
        places = [c for c in children if tokens[c].rel == "obl"] + [
            c for c in ctx.children.get(programme, []) if tokens[c].rel == "nmod"]
        for child in places:
            index = ctx.mention_at.get(child)
            if index is None or ctx.mention_type(index) not in ("PARK", "ORG", "LOC") \
                    or not ctx.governed(child, *prepositions):
                continue
            ctx.add(rule, ctx.delegation_entity(ref), ctx.entity(index), token.sent_id)


def _programme_group(ctx: Context, programme: int) -> Ref | None:
    """The group a programme noun as subject is of: its own genitive («программа визита
    делегации X»), else the group told of last, in that sentence or the two before."""
    return _trip_group_ref(ctx, programme) or ctx.group_told_last(programme)


@matcher("visit_among_them")
def visit_among_them(ctx: Context, rule: RelationRule) -> None:
    """«Гости побывали на предприятиях области. Среди них — хозяйство «X», ТОО «Y» и заводы
    зоны «Z»»: the sites a sentence opening «среди них», «в их числе» (``among_them_openings``)
    lists after its dash or colon are among the ones the group visited in the sentence
    before, told by a plural noun (an organisation's or a park's head, ``site_objects``,
    ``site_group_nouns``)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    openings = [line.split() for line in vocab.words(rule.trigger)]
    sites = vocab.named_heads | vocab.words("site_objects") | vocab.words("site_group_nouns")
    for sent_id in range(1, len(ctx.doc.sentences)):
        start = ctx.sentence(sent_id).start
        lemmas = [tokens[t].lemma for t in range(start, min(start + 4, len(tokens)))]
        opening = next((words for words in openings if lemmas[:len(words)] == words), None)
        if opening is None:
            continue
        mark = start + len(opening)
        if mark >= len(tokens) or tokens[mark].text not in (*DASHES, "-", ":"):
            continue
        group = _visitor_of_plural_sites(ctx, sent_id - 1, sites)
        if group is None:
            continue
        for index in ctx.mentions_in(range(mark + 1, ctx.sentence(sent_id).stop)):
            if ctx.mention_type(index) in ("ORG", "PARK"):
                ctx.add(rule, group, ctx.entity(index), sent_id)


def _visitor_of_plural_sites(ctx: Context, sent_id: int, sites: frozenset[str]) -> int | None:
    """The group that a past visit verb of the sentence takes as its subject, where the verb
    takes a plural site noun («побывали на предприятиях …», «посетили заводы …»)."""
    tokens = ctx.doc.tokens
    for t in ctx.sentence(sent_id):
        verb = tokens[t]
        if verb.lemma not in ctx.vocab.visit_triggers or not past_finite_verb(verb) \
                or _planned(ctx, t):
            continue
        children = ctx.children.get(t, [])
        if not any(tokens[c].rel in ("obj", "obl") and tokens[c].lemma in sites
                   and "Number=Plur" in tokens[c].feats and c not in ctx.mention_at
                   for c in children):
            continue
        refs = [ref for c in children if tokens[c].rel == "nsubj"
                and (ref := ctx.ref_at(c)) is not None]
        if len(refs) == 1:
            return ctx.delegation_entity(refs[0])
    return None


COUNTED_GROUPS_REACH = 5  # sentences after a count of groups hosted that tell of them


@matcher("hosted_counted_groups")
def hosted_counted_groups(ctx: Context, rule: RelationRule) -> None:
    """«Технопарк «Y» принял сразу две делегации. Первой прибыла делегация X … Затем
    приехали представители Z»: a site that hosted a count of groups was visited by the groups
    the text tells of first in that sentence and the five after (two a group where more are
    counted; or in the headline and again there), where they are as many."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in ctx.triggers(vocab.host_verbs, unplanned=True):
        children = ctx.children.get(token.token_id, [])
        # (the subject's name, or the name after its generic head: «Университет «X»»)
        site = next((index for index in ctx.named_dependents(token.token_id, "nsubj")
                     if ctx.mention_type(index) in ("PARK", "ORG", "LOC")), None)
        # (a count's phrase may be parsed a second subject: «принял две делегации»)
        groups = next((c for c in children if tokens[c].rel in ("obj", "nsubj")
                       and tokens[c].lemma in vocab.delegation_heads), None)
        if token.pos != "VERB" or not past_finite_verb(token) or site is None or groups is None:
            continue
        count = _group_count(ctx, groups)
        counted = ctx.ref_at(groups)  # (the count's own word may make a group of its own)
        # the sentences after that tell of them: five, or two a group where more are counted
        reach = max(COUNTED_GROUPS_REACH, 2 * (count or 0) + 1)
        # (or first told in the headline and again in those sentences: «Университет принял
        # гостей из A, B и C» over «… принимал три делегации. Делегацию A …»)
        told = [i for i, group in enumerate(ctx.delegations)
                if (first := first_told(ctx, group)) is not None
                and (token.sent_id <= first <= token.sent_id + reach
                     or (first == 0 and a_headline(ctx) and any(
                         token.sent_id <= ctx.doc.tokens[t].sent_id <= token.sent_id + reach
                         for t in group.ref_tokens)))
                and (counted is None or i != counted.delegation
                     or (group.origin and any(t != groups for t in group.ref_tokens)))]
        if count is not None and count == len(told):
            for i in told:
                ctx.add(rule, ctx.delegations[i].entity_id, ctx.entity(site), token.sent_id)


def _group_count(ctx: Context, word: int) -> int | None:
    """The number over a group word («две делегации», «3 делегации»); None without one."""
    tokens, counts = ctx.doc.tokens, ctx.vocab.mapping("count_words")
    for child in ctx.children.get(word, []):
        if tokens[child].rel.startswith("nummod"):
            if tokens[child].lemma in counts:
                return int(counts[tokens[child].lemma])
            if tokens[child].text.isdigit():
                return int(tokens[child].text)
    return None
