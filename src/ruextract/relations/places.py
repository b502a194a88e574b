"""Where things are: LOCATED_IN, RESIDENT_OF (an organisation in a park), PART_OF.

LOCATED_IN: «парк, расположенный в X», «технопарк X в городе Y» («в г. Y»), «провинции
Аньхой (КНР)», «(г. Y, ул. …)», «кольцовская компания X», «тверской технопарк X», «в X
открылась ярмарка A и неделя B», «Там проходит выставка X», «к проведению в Y форума X»,
«создание центра X в Y», «Y примет выставку X», «(Y, 12–15 мая)», «X на юге Y», «X,
столица провинции Y», «Y, где расположен парк X», «X, что в Y», «находящийся в Y завод X»,
«в Y открылся завод «X»», «побывали в Y, где осмотрели завод «X»», «X (Тверская обл., г. Y)»,
«в провинции Y в Z», «районом X в Y», «форум X в Доме Z в Y», «X из подмосковного Y».
RESIDENT_OF: «резидент технопарка X компания Y», «… резидентов технопарка. Среди них –
компания Y». PART_OF: «филиал компании X». Vocabulary: ``location_triggers``,
``geo_descriptors``, ``park_nouns``, ``place_adjective_suffixes``, ``origin_*_adjectives``,
``event_holding_nouns``, ``event_host_verbs``, ``site_creation_nouns``, ``side_nouns``,
``capital_nouns``, ``resident_words``, ``among_them_phrases``, ``site_area_nouns``,
``subunit_heads``, ``trip_nouns`` (a visit is not a location).
"""

from __future__ import annotations

from ..coreference import quoted_name
from ..doc import (
    DELEGATION,
    GENERIC_IT_WORD,
    Token,
    example_insert_start,
    fold,
    plural_parks_place,
)
from ..morph import compound_head, word_parses
from ..normal_form import DASHES, PROPER_GRAMMEMES
from ..places import gazetteer, is_town, name_key
from ..rules import RelationRule
from .context import (
    CHUNK_BREAKS,
    DASH,
    DASH_OR_HYPHEN,
    QUOTE_CLOSE,
    QUOTE_MARKS,
    QUOTE_OPEN,
    REFERENCE_SOURCE,
    Context,
    after_lower_adjectives,
    before_lower_adjectives,
    case_of,
    closing_bracket,
    feats_agree,
    in_source_phrase,
    is_finite_verb,
    lower_adjective,
    matcher,
    resolve_place,
    same_place,
)

BOTH = ("оба", "обе")  # «оба предприятия», «обе работают»: the two named before
PLACED_TYPES = ("PARK", "ORG", "EVENT", "LOC")  # what a place can be the location of
# a building or ground NER read as an organisation and the entity stage made a place
# («на ВДНХ», «в Кремле»): a venue, placed like a site rather than like a town
VENUE_SOURCE = "rule:mend.building_place"

# -- LOCATED_IN ----------------------------------------------------------------------------


def _someone_unnamed(ctx: Context, token_id: int) -> bool:
    """Is the token a person or people that no mention names («губернатор», «школьники»): the
    places after them are theirs, not where a named thing is?"""
    return token_id >= 0 and token_id not in ctx.mention_at \
        and ctx.doc.tokens[token_id].pos == "NOUN" \
        and "Animacy=Anim" in ctx.doc.tokens[token_id].feats


def _opens_after_preposition(ctx: Context, t: int) -> bool:
    """Is the name at ``t`` governed by a preposition right before it («Представительство
    в КНР разместится …»): a circumstance, no subject?"""
    first = ctx.first(ctx.mention_at[t]) if t in ctx.mention_at else t
    return first > 0 and ctx.doc.tokens[first - 1].pos == "ADP"


@matcher("located_verb")
def located_verb(ctx: Context, rule: RelationRule) -> None:
    """«парк расположен в X», «парк «Y», который находится в X»: the verb's subject (or
    what «который» refers to) is in the first place after it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    trigger_words = vocab.words(rule.trigger)
    # RESIDENT_OF: «компания X расположена в технопарке Y»: an organisation placed in a park
    resident = rule.relation == "RESIDENT_OF"
    targets = ("PARK",) if resident else ("LOC",)
    for token in tokens:
        # (in a speaker's words only a place's own place: «Наша область находится на юге X»)
        speech = ctx.in_speech(token.token_id)
        if token.lemma not in trigger_words or (speech and resident):
            continue
        pair = None if resident or speech else _site_in_place_before(ctx, token.token_id)
        if pair is not None:
            ctx.add(rule, pair[0], pair[1], token.sent_id)
            continue
        subject = None
        candidates = [c for c in ctx.children.get(token.token_id, [])
                      if tokens[c].rel in ("nsubj", "nsubj:pass")]
        if any(_someone_unnamed(ctx, c) for c in candidates) or (
                token.rel == "acl" and _someone_unnamed(ctx, token.head_id)):
            continue  # «губернатор области X находится в Китае»: a person is, not X
        if any(tokens[c].lemma in vocab.words("trip_nouns")
               for c in ctx.children.get(token.token_id, [])):
            continue  # «делегация провинции X, которая находится в Y с визитом»: people
        if any(ctx.ref_at(g) is not None for c in candidates
               for g in (c, *ctx.children.get(c, []))):
            continue  # «бизнес-миссия компаний края находилась в Y»: a group is there
        if token.pos == "ADJ" or token.rel in ("acl", "amod"):
            candidates.append(token.head_id)
            head = token.head_id
            if head >= 0 and head not in ctx.mention_at and token.rel != "acl:relcl":
                # «Фирма «X», дочка группы «Y», расположенная в Z»: the head's own name
                candidates.extend(g for g in ctx.children.get(head, [])
                                  if tokens[g].rel == "appos" and g in ctx.mention_at
                                  and g <= head + 2)
            if token.head_id > token.token_id and head + 1 < len(tokens) \
                    and head not in ctx.mention_at and head + 1 in ctx.mention_at:
                candidates.append(head + 1)  # «находящийся в Y завод «X»»: the name after
            if token.head_id < token.token_id and tokens[token.token_id - 1].text == ",":
                # «компания «X», базирующаяся в Y»: the name right before the comma
                candidates.append(_before_relative(ctx, token.token_id))
        which = token.token_id - 1
        if which >= 1 and tokens[which].pos == "AUX" and tokens[which].lemma == "быть" \
                and "Tense=Past" not in tokens[which].feats:  # «который был расположен»: once
            which -= 1  # «…, который будет располагаться в Y»
        if which >= 1 and tokens[which].lemma == "который":
            antecedent = _before_relative(ctx, which)
            if _group_genitive(ctx, antecedent):
                continue  # «делегация думы, которая находилась в Y»: the group was there
            candidates.append(antecedent)
        before = token.token_id - 1
        if before >= 0 and tokens[before].sent_id == token.sent_id and not (
                # «министр обороны Индии находится на …»: the minister is, not the country
                before in ctx.mention_at and ctx.title_dependent(ctx.mention_at[before])) \
                and not _opens_after_preposition(ctx, before):
            candidates.append(before)  # «X располагается в …» parsed apart
        for c in candidates:
            if c < 0:
                continue
            if resident and c not in ctx.mention_at:
                c = _producer(ctx, c)  # «расположенное там производство компании «X»»
            index = ctx.mention_at.get(c)
            if index is not None:
                subject = ctx.entity(index)
            elif tokens[c].lemma in vocab.park_anaphors and not resident:
                subject = ctx.resolve_park(c)
            if subject is not None:
                break
        if subject is None and not resident:
            # «Главный офис этой компании находится в Y»: the company told just before;
            # «компания «X», штаб-квартира которой находится в Y»: the one «которой» names
            subject = next((owner for c in candidates if c >= 0
                            and (owner := _seat_owner_told_before(ctx, c)
                                 if _seat_owner_relative(ctx, c) is None
                                 else _seat_owner_relative(ctx, c)) is not None), None)
        if subject is None or (resident and ctx.doc.entities[subject].type != "ORG") \
                or (speech and ctx.doc.entities[subject].type != "LOC"):
            continue
        if token.lemma in vocab.took_place_verbs and ctx.doc.entities[subject].type != "EVENT":
            continue
        # «расположены технопарк «X» и завод «Y»»: the things joined to the subject by «и»
        subjects = [subject] + [e for c in candidates if not resident and c >= 0
                                and ctx.mention_at.get(c) is not None
                                and ctx.entity(ctx.mention_at[c]) == subject
                                for e in _conjoined_things(ctx, c) if e != subject]
        t = token.token_id
        where = _place_of_relative(ctx, t)
        if where is not None and ctx.mention_type(where) in targets:
            # «Тверская область, где расположен парк X», «Томск, в котором находится парк X»:
            # the place the clause describes
            for thing in subjects:
                ctx.add(rule, thing, ctx.entity(where), token.sent_id)
            continue
        if resident and t + 1 < len(tokens) and tokens[t + 1].lemma == "там":
            # «парк «Y» и расположенное там производство компании «X»»: the park before
            park = _park_before(ctx, t)
            if park is not None:
                ctx.add(rule, subject, park, token.sent_id)
            continue
        place = ctx.first_mention_after(token.token_id + 1, targets, 8)
        if place is not None and (_street_name(ctx, place, vocab.words("street_nouns"))
                                  or _on_the_shore(ctx, place)):
            # «на улице Лесной в Ольховском районе»: the street's name is no place; «на
            # побережье Каспийского моря в провинции Гилян»: the zone is by the sea, in Гилян
            place = ctx.first_mention_after(ctx.last(place) + 1, targets, 4)
        if place is None:
            continue
        between = range(token.token_id + 1, ctx.first(place))
        if not any(tokens[t].lemma in ("в", "на", "во", "под") for t in between):  # «под Псковом»
            continue
        if any(tokens[t].lemma in vocab.words("trip_nouns") for t in between):
            continue  # «находящийся с визитом в Кении губернатор»: a visit, not where it is
        if any(tokens[t].lemma == "от" for t in between):
            continue  # «в 30 км от Томска»: near the place, not in it
        for thing in dict.fromkeys(subjects):
            ctx.add(rule, thing, ctx.entity(place), token.sent_id)


def _conjoined_things(ctx: Context, c: int) -> list[int]:
    """Entities of the placeable things joined to the word at ``c`` by «и» or a comma (the
    name right after a bare head counts: «технопарк «X» и завод «Y»»)."""
    tokens, found = ctx.doc.tokens, []
    for g in ctx.children.get(c, []):
        if tokens[g].rel != "conj" or g < c:
            continue
        index = ctx.mention_at.get(g)
        if index is None and g + 1 < len(tokens):
            index = ctx.mention_at.get(g + 1)
        if index is not None and ctx.mention_type(index) in PLACED_TYPES:
            found.append(ctx.entity(index))
    return found


def _place_of_relative(ctx: Context, verb: int) -> int | None:
    """The place a clause of «где» or «в/на котором» opening the verb's clause describes:
    «Ольховск, где (сегодня) строится завод «X»», «Томск, в котором работает парк «Y»»,
    «ОЭЗ «Y», где размещается завод» (the mention right before the clause's comma, of any
    type: the caller checks it), or None."""
    tokens = ctx.doc.tokens
    t = verb - 1
    while t >= 2 and t not in ctx.mention_at and tokens[t].sent_id == tokens[verb].sent_id \
            and tokens[t].lemma not in ("где", "который") \
            and tokens[t].pos in ("ADV", "PART", "AUX"):
        t -= 1  # «где сегодня активно строится», «где будет расположен»
    if t < 2 or tokens[t].sent_id != tokens[verb].sent_id:
        return None
    if tokens[t].lemma == "где":
        comma = t - 1
    elif tokens[t].lemma == "который" and tokens[t - 1].lemma in ("в", "во", "на"):
        comma = t - 2
    else:
        return None
    place = ctx.mention_at.get(comma - 1) if comma >= 1 and tokens[comma].text == "," else None
    return place if place is not None and ctx.last(place) == comma - 1 else None


def _seat_owner_relative(ctx: Context, seat: int) -> int | None:
    """«компания «X», штаб-квартира которой находится в Y»: the organisation or park named
    right before a seat word whose owner is «которой» (an entity id), or None."""
    tokens = ctx.doc.tokens
    if seat in ctx.mention_at or not _seat_word(ctx, seat):
        return None
    which = next((c for c in ctx.children.get(seat, []) if c == seat + 1
                  and tokens[c].lemma == "который"), None)
    if which is None or seat < 2 or tokens[seat - 1].text != ",":
        return None
    owner = ctx.mention_at.get(seat - 2)
    if owner is None or ctx.mention_type(owner) not in ("ORG", "PARK"):
        return None
    return ctx.entity(owner)


def _site_in_place_before(ctx: Context, verb: int) -> tuple[int, int] | None:
    """«парк «X» назван по селу Y, на территории которого он расположен», «…, где он
    находится»: a pronoun subject in a clause of «который» or «где» right after a place;
    the one site the sentence named before that place is in it. (entity ids)"""
    tokens, pronouns = ctx.doc.tokens, ctx.vocab.words("site_pronouns")
    if not any(tokens[c].rel in ("nsubj", "nsubj:pass") and tokens[c].lemma in pronouns
               for c in ctx.children.get(verb, [])):
        return None
    opener = next((w for w in range(verb - 1, max(verb - 6, -1), -1)
                   if tokens[w].lemma in ("который", "где")), None)
    if opener is None or (tokens[opener].lemma == "который" and case_of(tokens[opener]) == "Nom"):
        return None
    t = opener - 1
    if t >= 0 and tokens[t].lemma in ctx.vocab.site_area_nouns:
        t -= 1  # «на территории которого»
    if t >= 0 and tokens[t].pos == "ADP" and tokens[opener].lemma == "который":
        t -= 1
    place = ctx.mention_at.get(t - 1) if t >= 1 and tokens[t].text == "," else None
    if place is None or ctx.mention_type(place) != "LOC" or ctx.last(place) != t - 1:
        return None
    sentence_start = ctx.doc.sentences[tokens[verb].sent_id].first_token
    before = ctx.mentions_in(range(sentence_start, ctx.first(place)))
    sites = [i for i in before if ctx.mention_type(i) in ("PARK", "ORG")]
    if len({ctx.entity(i) for i in sites}) != 1 or any(
            ctx.mention_type(i) == "PER" for i in before) or not _subject_mention(ctx, sites[0]):
        return None  # «директор завода «X» Иван …, он»: the pronoun may be a person
    return ctx.entity(sites[0]), ctx.entity(place)


def _subject_mention(ctx: Context, index: int) -> bool:
    root = ctx.mention_root(index)
    return root is not None and ctx.doc.tokens[root].rel in ("nsubj", "nsubj:pass")


def _seat_owner_told_before(ctx: Context, seat: int) -> int | None:
    """The organisation an unnamed owner of a seat refers back to: «главный офис этой
    компании», «её штаб-квартира», «штаб-квартира концерна» with no name, the last
    organisation named in the sentence or the one before it (None where none is, or
    where the owner has a name of its own)."""
    tokens = ctx.doc.tokens
    if seat in ctx.mention_at or not _seat_word(ctx, seat):
        return None
    children = ctx.children.get(seat, [])
    owners = [c for c in children if tokens[c].rel == "nmod" and c > seat
              and tokens[c].lemma in ctx.vocab.words("org_heads")]
    possessives = ctx.vocab.words("seat_owner_possessives")
    possessive = any(tokens[c].lemma in possessives for c in children)
    if not owners and not possessive:
        return None
    if any(c in ctx.mention_at or c + 1 in ctx.mention_at for c in owners):
        return None  # «штаб-квартира компании «X»»: named there, another rule's
    sent_id = tokens[seat].sent_id
    named = [index for index, mention in enumerate(ctx.doc.mentions)
             if mention.type == "ORG" and ctx.first(index) < seat
             and sent_id - 1 <= mention.sent_id <= sent_id]
    return ctx.entity(named[-1]) if named else None


@matcher("located_working")
def located_working(ctx: Context, rule: RelationRule) -> None:
    """«Генеральное консульство X работает в Y»: a named organisation, the verb's subject,
    works in the one place of «в» the verb itself takes (not «на рынке Y», not a person's)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger)):
        t = token.token_id
        children = ctx.children.get(t, [])
        # «X работает в Y» (not «в Y работает компания X»: one of those that work there)
        named = [g for c in children if tokens[c].rel == "nsubj" and c < t  # and its name
                 for g in (c, *ctx.children.get(c, [])) if g == c or tokens[g].rel == "appos"]
        subjects = {ctx.mention_at[c] for c in named
                    if c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "ORG"}
        places = {ctx.mention_at[c] for c in children if tokens[c].rel == "obl" and c > t
                  and c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                  and _after_in(ctx, ctx.first(ctx.mention_at[c]))}
        if len(subjects) == 1 and len(places) == 1:
            ctx.add(rule, ctx.entity(subjects.pop()), ctx.entity(places.pop()), token.sent_id)


def _street_name(ctx: Context, index: int, streets: frozenset[str]) -> bool:
    """Does a kind of street («улица», «проспект»: ``streets``) stand right before the
    mention?"""
    t = ctx.first(index) - 1
    return t >= 0 and t not in ctx.mention_at and ctx.doc.tokens[t].lemma in streets


@matcher("located_fronted")
def located_fronted(ctx: Context, rule: RelationRule) -> None:
    """«В Ольховском районе расположен технопарк «X»», «На территории района находятся парк
    X и завод Y»: the place of «в» that opens the clause right before the verb holds the
    subjects named after the verb."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    trigger_words = vocab.words(rule.trigger)
    for token in tokens:
        verb = token.token_id
        if token.lemma not in trigger_words or token.rel in ("acl", "amod") \
                or ctx.in_speech(verb):
            continue
        place = _fronted_place(ctx, verb)
        where = ctx.entity(place) if place is not None else _place_pointed_back(ctx, verb)
        if where is None or _on_trip(ctx, verb):
            continue
        for subject in _subjects_after(ctx, verb):
            if subject != where:
                ctx.add(rule, subject, where, token.sent_id)


def _fronted_place(ctx: Context, verb: int) -> int | None:
    """The place mention right before ``verb`` that «в»/«на» (and perhaps «городе»,
    «территории») opens at the start of its sentence or after a comma."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    place = ctx.mention_at.get(verb - 1)
    if place is None or ctx.mention_type(place) != "LOC" or ctx.last(place) != verb - 1:
        return None
    t = ctx.first(place) - 1
    if t >= 0 and t not in ctx.mention_at and (
            tokens[t].lemma in vocab.place_descriptors or tokens[t].lemma in vocab.site_area_nouns):
        t -= 1  # «в городе X», «на территории X»
    if t < 0 or tokens[t].lemma not in ("в", "во", "на") \
            or tokens[t].sent_id != tokens[verb].sent_id:
        return None
    before = t - 1
    if before >= 1 and tokens[before].lemma in ("а", "и", "но") and tokens[before - 1].text == ",":
        before -= 1  # «…, а в Боралдайском районе строится парк «X»»
    opening = t == ctx.doc.sentences[tokens[t].sent_id].first_token or tokens[before].text == ","
    return place if opening else None


def _place_pointed_back(ctx: Context, verb: int) -> int | None:
    """«… прибыла в Казань. Здесь работает технопарк «X»», «В городе работает …»: a clause
    that names its place only by «здесь», «там», «тут» on the verb, or by «в» a bare town or
    region word (``resolve_place``): the place named last before (an entity id), or None."""
    tokens = ctx.doc.tokens
    anaphors = ctx.vocab.bare_place_words
    for c in ctx.children.get(verb, []):
        if c in ctx.mention_at:
            continue
        if tokens[c].lemma in ("здесь", "там", "тут") and tokens[c].rel == "advmod":
            return _place_named_last(ctx, c)
        if tokens[c].lemma in ctx.vocab.site_area_nouns and _opened_by_its(ctx, c):
            return _place_subject_before(ctx, c)
        case = [g for g in ctx.children.get(c, []) if tokens[g].rel == "case"]
        if tokens[c].rel == "obl" and tokens[c].lemma in anaphors and c + 1 < len(tokens) \
                and c + 1 not in ctx.mention_at and len(case) == 1 \
                and tokens[case[0]].lemma in ("в", "во", "на") \
                and not any(tokens[g].rel in ("nmod", "appos", "flat:name", "amod")
                            for g in ctx.children.get(c, [])):
            return resolve_place(ctx, c)
    return None


def _opened_by_its(ctx: Context, noun: int) -> bool:
    """«На его территории»: the noun after «в»/«на» and a possessive pronoun."""
    tokens = ctx.doc.tokens
    return noun >= 2 and tokens[noun - 1].lemma == "он" and tokens[noun - 1].rel == "det" \
        and tokens[noun - 2].lemma in ("в", "во", "на")


def _place_subject_before(ctx: Context, t: int) -> int | None:
    """The one place that is a subject in the sentence before ``t``'s («Академгородок
    находится в … районе. На его территории расположены …»): what «его» points to."""
    tokens = ctx.doc.tokens
    sent_id = tokens[t].sent_id
    if sent_id == 0:
        return None
    subjects = {ctx.entity(index) for index in ctx.mentions_in(ctx.sentence(sent_id - 1))
                if ctx.doc.mentions[index].type == "LOC"
                and (root := ctx.mention_root(index)) is not None and tokens[root].rel == "nsubj"}
    return subjects.pop() if len(subjects) == 1 else None


def _place_named_last(ctx: Context, t: int) -> int | None:
    """The last place named before ``t`` in its sentence or the one before, after «в», «на»
    or «о» («прибыли в Казань», «рассказал о Томске»): what «там» or «здесь» points to."""
    tokens = ctx.doc.tokens
    sent_id = tokens[t].sent_id
    start = ctx.sentence(max(sent_id - 1, 0)).start
    for index in reversed(ctx.mentions_in(range(start, t))):
        mention = ctx.doc.mentions[index]
        first = ctx.first(index)
        if mention.type == "LOC" and first >= 1 \
                and tokens[first - 1].lemma in ("в", "во", "на", "о", "об"):
            return ctx.entity(index)
    return None


def _on_trip(ctx: Context, verb: int) -> bool:
    """«В Казани находится с визитом делегация»: a stay on a visit, not a location."""
    tokens = ctx.doc.tokens
    trips = ctx.vocab.words("trip_nouns")
    return any(tokens[t].lemma in trips
               for t in range(verb + 1, min(verb + 4, len(tokens))))


def _subjects_after(ctx: Context, verb: int) -> list[int]:
    """Entities of the things the verb's subject names after it, with those joined to it by
    «и» («расположены технопарк «X» и завод «Y»»); the name after a bare head counts."""
    tokens = ctx.doc.tokens
    heads = [c for c in ctx.children.get(verb, [])
             if tokens[c].rel in ("nsubj", "nsubj:pass") and c > verb]
    heads += [c for h in heads for c in ctx.children.get(h, []) if tokens[c].rel == "conj"]
    found: list[int] = []
    for h in heads:
        index = ctx.mention_at.get(h)
        if index is None and h + 1 < len(tokens):
            index = ctx.mention_at.get(h + 1)  # «завод «Кварц»»: the name after the head
        if index is not None and ctx.mention_type(index) in PLACED_TYPES \
                and ctx.entity(index) not in found:
            found.append(ctx.entity(index))
    return found


def _producer(ctx: Context, c: int) -> int:
    """The organisation a production noun at ``c`` is of («производство компании «X»»,
    «завод «X»»): its name's token, else ``c``."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if tokens[c].lemma not in vocab.words("production_nouns"):
        return c
    def named(n: int) -> bool:
        return n > c and n in ctx.mention_at and ctx.mention_type(ctx.mention_at[n]) == "ORG" \
            and tokens[n].rel in ("nmod", "appos", "flat:name")

    for g in ctx.children.get(c, []):
        if named(g):
            return g
        if g > c and tokens[g].rel == "nmod" and tokens[g].lemma in vocab.org_heads:
            name = next((n for n in ctx.children.get(g, []) if named(n)), None)
            if name is not None:
                return name
    return c


def _group_genitive(ctx: Context, t: int) -> bool:
    """Does ``t`` end a name in the genitive right after a group word («делегация Сахалинской
    областной думы»): what a «который» after it refers to is the group?"""
    index = ctx.mention_at.get(t)
    return index is not None and ctx.first(index) >= 1 \
        and ctx.ref_at(ctx.first(index) - 1) is not None


def _before_relative(ctx: Context, which: int) -> int:
    """The last token of what «который» refers to: «парк «X», который …», also past a
    parenthesis («парк «X» (Beike Chuan), который …»)."""
    tokens = ctx.doc.tokens
    t = which - 1
    if t >= 0 and tokens[t].text == ",":
        t -= 1
    if t >= 0 and tokens[t].text == ")" and t not in ctx.mention_at:
        opening = next((o for o in range(t - 1, max(t - 12, -1), -1)
                        if tokens[o].text in ("(", ")") and o not in ctx.mention_at), None)
        if opening is not None and tokens[opening].text == "(":
            t = opening - 1
    return t


def _another_edition(ctx: Context, index: int) -> bool:
    """Is the event named as another edition than the text's («Следующая выставка «X»
    пройдёт в Y», «прошлый форум «X»»): a time adjective right before its name or its
    noun? Where another edition is held says nothing of this one."""
    tokens, adjectives = ctx.doc.tokens, ctx.vocab.words("other_time_adjectives")
    first = ctx.first(index)
    own = set(ctx.mention_tokens(index)) | {first - 1}  # its name, or its noun right before
    return any(tokens[t].lemma in adjectives and tokens[t].head_id in own
               for t in range(max(first - 3, 0), first)
               if tokens[t].sent_id == tokens[first].sent_id)


@matcher("event_held_in")
def event_held_in(ctx: Context, rule: RelationRule) -> None:
    """«В Новосибирске состоялся форум «X»», «в Хэйхэ открылась ярмарка «Y»», «выставка
    «Z», которая пройдёт в Екатеринбурге»: an event that opens or is held in a place."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    placed: dict[int, int] = {}  # event → the place this rule put it in
    framed: list[tuple[int, int, int]] = []  # (event, the event it is held within, sentence)
    for token in ctx.triggers(verbs):
        t = token.token_id
        candidates = [c for c in ctx.children.get(t, []) if tokens[c].rel in ("nsubj",
                                                                               "nsubj:pass")]
        if _active_transitive(token):
            # «губернатор открыл в Y выставку «X»»: what an active verb opens or holds
            candidates += [c for c in ctx.children.get(t, []) if tokens[c].rel == "obj"]
        if token.rel in ("acl", "amod") and token.head_id >= 0:
            candidates.append(token.head_id)  # «форума, проводимого в X»
        # «выставка «X», которая (в сентябре) пройдёт в Y»: «который» right before the verb
        # or its subject past a time phrase
        which = t - 1 if t >= 1 and tokens[t - 1].lemma == "который" else next(
            (c for c in ctx.children.get(t, []) if c < t and tokens[c].lemma == "который"
             and tokens[c].rel in ("nsubj", "nsubj:pass")), None)
        if which is not None:
            candidates.append(_before_relative(ctx, which))
            candidates += _event_before_places(ctx, candidates[-1])
        # «церемония открытия ярмарки «X»»: the event whose part the subject names
        parts = ctx.vocab.words("event_part_nouns")
        for c in list(candidates):
            while c >= 0 and tokens[c].lemma in parts:
                c = next((g for g in ctx.children.get(c, []) if tokens[g].rel == "nmod"
                          and ("Case=Gen" in tokens[g].feats  # «Дней» is tagged Nom at times
                               or (g in ctx.mention_at
                                   and ctx.mention_type(ctx.mention_at[g]) == "EVENT"))), -1)
                candidates.append(c)
        # «ярмарка «X» и неделя «Y»»: the events joined to the subject are held there too
        candidates += [g for c in candidates if c >= 0 for g in ctx.children.get(c, [])
                       if tokens[g].rel == "conj"]
        # «выставка «X»»: the name hangs on the event noun as an apposition
        named = [g for c in candidates if c >= 0 for g in (c, *ctx.children.get(c, []))
                 if g == c or tokens[g].rel in ("appos", "flat:name")]
        events = list(dict.fromkeys(ctx.mention_at[c] for c in named if c in ctx.mention_at
                                    and ctx.mention_type(ctx.mention_at[c]) == "EVENT"
                                    and not _another_edition(ctx, ctx.mention_at[c])))
        if not events and not any(tokens[c].rel in ("nsubj", "nsubj:pass")
                                  for c in ctx.children.get(t, [])):
            # «В Казани открылся бизнес-форум «X»» parsed with no subject: the event named
            # right after the verb
            after = ctx.first_mention_after(t + 1, ("EVENT",), 4)
            if after is not None and all(tokens[u].lemma in ctx.vocab.words("event_nouns")
                                         for u in range(t + 1, ctx.first(after))):
                events = [after]
        if not events:
            continue
        # «Дни X, которые проходят в рамках выставки Y»: Y is where X is held
        framed += [(ctx.entity(event), ctx.entity(frame), token.sent_id) for event in events
                   for frame in _frame_events(ctx, t) if frame not in events]
        start, end = ctx.clause_bounds(t)
        start = max(start, _relative_start(ctx, t, which))
        places = [i for i in ctx.mentions_in(range(start, end))
                  if ctx.mention_type(i) == "LOC" and (_after_in(ctx, ctx.first(i))
                                                       or _after_venue(ctx, ctx.first(i))
                                                       or _in_capital(ctx, ctx.first(i)))]
        towns = [i for i in places if ctx.doc.mentions[i].source != VENUE_SOURCE]
        places = towns or places  # «на ВДНХ в Москве»: the town, where one is named
        if not places and token.sent_id > 0 and any(
                tokens[c].lemma == "там" for c in ctx.children.get(t, [])):
            # «… в Шанхае … Там проходит выставка X»: the place the sentence before names
            places = [i for i in ctx.mentions_in(ctx.sentence(token.sent_id - 1))
                      if ctx.mention_type(i) == "LOC" and _after_in(ctx, ctx.first(i))]
        if len(places) == 1:
            for event in events:
                ctx.add(rule, ctx.entity(event), ctx.entity(places[0]), token.sent_id)
                placed.setdefault(ctx.entity(event), ctx.entity(places[0]))
    for event, frame, sent_id in framed:
        if event in placed:
            ctx.add(rule, frame, placed[event], sent_id)
    # «Екатеринбург примет выставку X»: a place that hosts an event
    for token in ctx.triggers(ctx.vocab.words("event_host_verbs")):
        children = ctx.children.get(token.token_id, [])
        hosts = [ctx.mention_at[c] for c in children if tokens[c].rel == "nsubj"
                 and c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC"]
        objects = [c for c in children if tokens[c].rel == "obj"]
        which = next((c for c in children if c < token.token_id and tokens[c].lemma == "который"
                      and tokens[c].rel in ("nsubj", "obj")), None)
        if which is not None:
            # «форум «X», который примет Y»: «который» stands for the event, and the place
            # after the verb (read as its subject or object: both cases look alike) hosts it
            objects = [_before_relative(ctx, which)]
            hosts = [ctx.mention_at[c] for c in children if c > token.token_id
                     and tokens[c].rel in ("nsubj", "obj") and c in ctx.mention_at
                     and ctx.mention_type(ctx.mention_at[c]) == "LOC"]
        objects += [g for c in objects if c >= 0 for g in _hosted_within(ctx, c)]
        named = [g for c in objects for g in (c, *ctx.children.get(c, []))
                 if g == c or tokens[g].rel in ("appos", "flat:name")]
        events = {ctx.mention_at[g] for g in named if g in ctx.mention_at
                  and ctx.mention_type(ctx.mention_at[g]) == "EVENT"}
        if len(hosts) == 1 and events and (len(events) == 1 or len(objects) > 1):
            for event in events:
                ctx.add(rule, ctx.entity(event), ctx.entity(hosts[0]), token.sent_id)
    _add_venue_roles(ctx, rule)
    # «к проведению в Красноярске Всемирной универсиады»: a holding noun, «в» the place, and
    # the event it holds right after
    for token in ctx.triggers(ctx.vocab.words("event_holding_nouns")):
        t = token.token_id
        if t + 2 >= len(tokens) or tokens[t + 1].lemma not in ("в", "во"):
            continue
        place = ctx.mention_at.get(t + 2)
        if place is None or ctx.mention_type(place) != "LOC":
            continue
        after = ctx.last(place) + 1
        event = ctx.mention_at.get(after)
        if event is None and after < len(tokens):
            # «открытие в Самаре форума «X»»: past the event's generic head
            event = _described_after(ctx, after, case_of(tokens[after]))
        if event is not None and ctx.mention_type(event) == "EVENT":
            ctx.add(rule, ctx.entity(event), ctx.entity(place), token.sent_id)


def _add_venue_roles(ctx: Context, rule: RelationRule) -> None:
    """«Местом проведения форума «X» стала Самара», «площадкой ярмарки «Y» станет Омск»: the
    one place a copula's subject names is the venue of the event after a role noun
    (``event_venue_role_nouns``) in the instrumental, past «проведения»."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    roles, holding = vocab.words("event_venue_role_nouns"), vocab.words("event_holding_nouns")
    for token in ctx.triggers(vocab.words("copula_verbs")):
        children = ctx.children.get(token.token_id, [])
        hosts = [ctx.mention_at[c] for c in children if tokens[c].rel == "nsubj"
                 and c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "LOC"]
        role = [c for c in children if tokens[c].lemma in roles and c not in ctx.mention_at
                and case_of(tokens[c]) == "Ins"]
        if len(hosts) != 1 or len(role) != 1 or role[0] + 1 >= len(tokens):
            continue
        u = role[0] + 1
        if tokens[u].lemma in holding and u + 1 < len(tokens) and u not in ctx.mention_at:
            u += 1  # «местом проведения форума»
        event = ctx.mention_at.get(u)
        if event is None or ctx.first(event) != u:
            event = _described_after(ctx, u, case_of(tokens[u]))
        if event is not None and ctx.mention_type(event) == "EVENT":
            ctx.add(rule, ctx.entity(event), ctx.entity(hosts[0]), token.sent_id)


def _relative_start(ctx: Context, verb: int, which: int | None) -> int:
    """Where the clause describing an event opens: at «который» («форума, который пройдёт в
    X») or at a participle after the event («ярмарки, прошедшей в Y»), so a place the main
    clause is headed for («вылетел в Z для участия в форуме, который …») stays out; else 0."""
    tokens = ctx.doc.tokens
    if which is not None:
        return which
    if tokens[verb].rel in ("acl", "amod") and 0 <= tokens[verb].head_id < verb:
        return verb
    return 0


def _hosted_within(ctx: Context, obj: int) -> list[int]:
    """What a host's object stands for: «второй день форума «X»» (the event an event part
    names in the genitive), «мероприятия — такие как фестиваль «X» и форум «Y»» (the
    nouns listed after «такие как»)."""
    tokens = ctx.doc.tokens
    found = []
    if tokens[obj].lemma in ctx.vocab.words("event_part_nouns"):
        found += [g for g in ctx.children.get(obj, []) if tokens[g].rel == "nmod"
                  and "Case=Gen" in tokens[g].feats]
    for d in ctx.children.get(obj, []):
        if tokens[d].lemma != "такой":
            continue
        for g in ctx.children.get(d, []):
            if any(tokens[c].lemma == "как" for c in ctx.children.get(g, [])):
                found += [g, *(c for c in ctx.children.get(g, []) if tokens[c].rel == "conj")]
    return found


def _frame_events(ctx: Context, verb: int) -> list[int]:
    """The named events a verb's «в рамках» or «на полях» phrase names («проходят в рамках
    выставки «X»»): event mentions on the frame noun's genitive (or its apposition)."""
    tokens = ctx.doc.tokens
    frames = ctx.vocab.words("event_frame_nouns")
    found = []
    for c in ctx.children.get(verb, []):
        if tokens[c].lemma not in frames or tokens[c].rel != "obl":
            continue
        for g in ctx.children.get(c, []):
            for w in (g, *ctx.children.get(g, [])):
                index = ctx.mention_at.get(w)
                if index is not None and ctx.mention_type(index) == "EVENT" \
                        and ((w == g and tokens[g].rel == "nmod")
                             or (w != g and tokens[w].rel in ("appos", "flat:name"))):
                    found.append(index)
    return list(dict.fromkeys(found))


def _event_before_places(ctx: Context, t: int) -> list[int]:
    """«Форума регионов Беларуси и России, который …»: where the places an event's name
    ends with stand at ``t``, the event's last token before them (else nothing)."""
    tokens = ctx.doc.tokens
    while t >= 0 and t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "LOC":
        t = ctx.first(ctx.mention_at[t]) - 1
        if t >= 1 and tokens[t].lemma == "и" and t not in ctx.mention_at:
            t -= 1
    index = ctx.mention_at.get(t)
    return [t] if index is not None and ctx.mention_type(index) == "EVENT" else []


def _in_capital(ctx: Context, first: int) -> bool:
    """«в столице Карелии Петрозаводске»: the town named at ``first`` right after «в», a
    capital word and its region in the genitive."""
    tokens = ctx.doc.tokens
    region = ctx.mention_at.get(first - 1)
    if region is None or ctx.mention_type(region) != "LOC" \
            or "Case=Gen" not in tokens[first - 1].feats:
        return False
    t = ctx.first(region) - 1
    return t >= 1 and t not in ctx.mention_at \
        and tokens[t].lemma in ctx.vocab.words("capital_nouns") \
        and tokens[t - 1].lemma in ("в", "во")


def _after_venue(ctx: Context, first: int) -> bool:
    """«На ВДНХ в Москве состоялся форум»: «в» before ``first`` right after a venue's name
    that «на» or «в» opens, so the place is where the venue (and what is held there) is."""
    tokens = ctx.doc.tokens
    t = first - 1
    if t < 1 or tokens[t].lemma not in ("в", "во") or t - 1 not in ctx.mention_at:
        return False
    venue = ctx.mention_at[t - 1]
    before = ctx.first(venue) - 1
    if before >= 1 and before not in ctx.mention_at \
            and tokens[before].lemma in ctx.vocab.site_area_nouns:
        before -= 1  # «на площадке технопарка «X» в Самаре»
    return _a_venue(ctx, venue) and before >= 0 \
        and tokens[before].lemma in ("на", "в", "во") and before - 1 not in ctx.mention_at


def _a_venue(ctx: Context, index: int) -> bool:
    """Can the mention be a venue things happen at: an organisation, a park, or a building
    or ground made a place («ВДНХ»)?"""
    return ctx.mention_type(index) in ("ORG", "PARK") or \
        ctx.doc.mentions[index].source == VENUE_SOURCE


def _after_in(ctx: Context, first: int, after_name: bool = False) -> bool:
    """Does «в»/«во» (and perhaps a descriptor: «в городе») stand right before ``first``,
    not after another name («компании X в Y») unless ``after_name``?"""
    tokens = ctx.doc.tokens
    t = first - 1
    if t >= 0 and t not in ctx.mention_at and (
            tokens[t].lemma in ctx.vocab.place_descriptors):
        t -= 1
        # «в городском посёлке X»: past the descriptor's lower-case adjectives
        while t > 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ" \
                and tokens[t].text.islower():
            t -= 1
    # a name ending the sentence before (a title with no full stop) is no name «в» follows
    return t >= 0 and tokens[t].lemma in ("в", "во") and (
        after_name or t - 1 not in ctx.mention_at
        or tokens[t - 1].sent_id != tokens[t].sent_id)


@matcher("located_adjacent")
def located_adjacent(ctx: Context, rule: RelationRule) -> None:
    """«технопарк X в городе Y», «компания X из Y», «Ургутский район Самаркандской
    области»: a place right after the name."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sites = vocab.words("plant_nouns") | vocab.words("located_site_heads")  # «завод», «центр»
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in PLACED_TYPES:
            continue
        if mention.type == "EVENT" and mention.source == REFERENCE_SOURCE and (
                ctx.clause_at_another_time(ctx.first(index))
                or ((verb := ctx.verb_over(ctx.first(index))) is not None
                    and ctx.planned(verb))):
            continue  # «… планируют провести его в Y»: another edition, not this one's place
        t = _past_bracketed_abbreviation(ctx, ctx.last(index) + 1)
        # (the sentence the name ends in: «выставка «Лесмаш. Россия» в Минске» is split
        # at the name's own full stop)
        if t >= len(tokens) or tokens[t].sent_id != tokens[ctx.last(index)].sent_id:
            continue
        place: int | None = None
        adjectives: list[Token] = []  # lower-case adjectives before the place
        owner = ctx.first(index) - 1  # «представительство ОЭЗ X в Y»: the office is in Y
        owner_lemma = tokens[owner].lemma if owner >= 0 and owner not in ctx.mention_at \
            else ""
        if t + 3 < len(tokens) and tokens[t].text == "," and tokens[t + 1].lemma == "что" \
                and tokens[t + 2].lemma in ("в", "во") and t + 1 not in ctx.mention_at:
            place = ctx.mention_at.get(t + 3)  # «Бежецк, что в Тверской области»
        elif mention.type in ("ORG", "PARK") and t + 3 < len(tokens) \
                and tokens[t].lemma in ("с", "со") and t + 1 not in ctx.mention_at \
                and _seat_word(ctx, t + 1) and tokens[t + 2].lemma in ("в", "во"):
            place = ctx.mention_at.get(t + 3)  # «компания «X» со штаб-квартирой в Y»
        elif tokens[t].lemma in ("в", "на", "во", "из") and (
                mention.type != "LOC" or mention.source == VENUE_SOURCE):
            if owner_lemma in vocab.words("office_nouns") or (
                    # «студентами ТГУ из Индонезии»: the students come from there
                    tokens[t].lemma == "из" and tokens[owner].pos == "NOUN"
                    and owner_lemma and owner_lemma not in vocab.named_heads):
                continue
            preposition = tokens[t].lemma
            if preposition == "из" and mention.type not in ("ORG", "PARK"):
                continue
            if preposition != "из" and _presented(ctx, index):
                continue  # «представила ОЭЗ «X» в Шанхае»: where it was shown, not where it is
            # «из подмосковного Серпухова», «в городском посёлке X»: past lower-case adjectives
            while t + 2 < len(tokens) and t + 1 not in ctx.mention_at \
                    and lower_adjective(tokens[t + 1]):
                t += 1
                adjectives.append(tokens[t])
            # «в городе X», «на территории Ступинского района», «в г. X»
            descriptor = t + 1 < len(tokens) and t + 1 not in ctx.mention_at and (
                tokens[t + 1].lemma in vocab.place_descriptors
                or tokens[t + 1].lemma in vocab.site_area_nouns
                or (tokens[t + 1].lemma in vocab.words("outskirts_nouns")
                    and mention.type in ("ORG", "PARK"))  # «на (западной) окраине Омска»
                or (tokens[t + 1].lemma in vocab.words("side_nouns") and preposition == "на"
                    and mention.type in ("ORG", "PARK")))  # «на западе Сингапура»
            abbreviated = _town_abbreviation(ctx, t + 1)
            place = ctx.mention_at.get(t + 3 if abbreviated else t + 1 + int(descriptor))
            descriptor = descriptor or abbreviated
            if place is not None and _descriptor_only(ctx, place):
                # «в Городском округе Ольховка»: a capitalised descriptor taken for a name
                descriptor, place = True, _name_after(ctx, place)
            if mention.type == "EVENT" and place is not None and preposition in ("в", "во"):
                place = _venue_place(ctx, place)
            # «завод «Кварц» в Твери»: a plant stands where it is said to be
            plant = (_head_before(ctx, index) in sites and not _owner_after_head(ctx, index)) \
                or (_own_head(ctx, index) in sites  # «на базе Центра развития … в Y»
                    and (not _genitive_of_noun_before(ctx, index)
                         or _titled_before_person(ctx, index, place)))
            # «создание технологического центра «X» в Душанбе»: built where it is said to be
            built = _built(ctx, index)
            # «ООО «Кварц» в Твери»: a registered company named by its legal form is where
            # the «в» right after its name puts it (not a news agency's: «корреспондент ИА
            # «Вести» в Пекине» is where its reporter is)
            registered = owner >= 0 and owner not in ctx.mention_at and ctx.legal_form(owner) \
                and tokens[owner].text.lower() not in vocab.words("news_outlet_nouns") \
                and not _company_governed(ctx, owner)
            seat = _seat_before(ctx, owner)  # «штаб-квартира (компании) X в Y»
            # «побывали на ВДНХ в Москве»: a site where something happens, in the place
            locative = preposition in ("в", "во") and _locative(ctx, index)
            if mention.type == "ORG" and preposition != "из" and not descriptor and not (
                    place is not None and _paired_list(ctx, index, place)) and not plant \
                    and not built and not locative and not registered and not seat:
                continue
        elif tokens[t].text == "," and mention.type != "LOC" and _town_abbreviation(ctx, t + 1):
            place = ctx.mention_at.get(t + 3)  # «технопарк «X», г. Томск»: an address
        elif mention.type in ("PARK", "ORG"):
            # «Биотехнопарка наукограда Кольцово», «Парком инновационных технологий Алматы»;
            # an organisation with the descriptor only («завода «Кварц» города Твери»)
            towns = vocab.place_descriptors
            descriptor = tokens[t].lemma in towns and t not in ctx.mention_at \
                and "Case=Gen" in tokens[t].feats
            after = t + int(descriptor)
            if after < len(tokens) and (descriptor or (
                    mention.type == "PARK" and "Case=Gen" in tokens[after].feats)):
                place = ctx.mention_at.get(after)
        elif mention.type == "LOC" and fold(mention.normal).split()[-1:] and \
                fold(mention.normal).split()[-1] in vocab.geo_descriptors:
            genitive = t
            if t + 1 < len(tokens) and t not in ctx.mention_at \
                    and tokens[t].lemma in vocab.geo_descriptors:
                t += 1  # «Ленинский район города Харбина»: past the town's own descriptor
            place = ctx.mention_at.get(t) if "Case=Gen" in tokens[genitive].feats else None
        elif mention.type == "LOC":
            foreign = False
            while t < len(tokens) and tokens[t].pos == "ADJ":
                if tokens[t].text[:1].isupper():
                    break  # «село X Аламудунского района …»: the district is not a mention
                # «дружественного Твери китайского города X»: a country's adjective opens a
                # description of its own, not of the place before it
                foreign = foreign or tokens[t].lemma in vocab.country_adjectives
                t += 1
            if t < len(tokens) and tokens[t].lemma in vocab.geo_descriptors \
                    and "Case=Gen" in tokens[t].feats and not foreign:
                place = ctx.mention_at.get(t + 1)
        if place is not None and ctx.mention_type(place) == "LOC" and not _bare_head(ctx, place) \
                and not _region_in_body_name(ctx, index, place):
            ctx.add(rule, ctx.entity(index), ctx.entity(place), mention.sent_id)
            if mention.type != "LOC" and ctx.first(place) == t + 1:
                _add_region_adjectives(ctx, rule, index, adjectives)
            # (only a bare name sharing the list's type word: «ТОР «А» и «Б» в X»; not
            # «технопарк «А» и технопарк «Б» из Алматы», each with its own)
            if mention.type == "PARK" and t < ctx.first(place) and not _parties_between(
                    ctx, index) and tokens[ctx.first(index)].text == QUOTE_OPEN:
                for listed in _listed_before(ctx, index):
                    ctx.add(rule, ctx.entity(listed), ctx.entity(place), mention.sent_id)
            if mention.type == "LOC":
                # «Андижанская, Ферганская и Наманганская области Узбекистана»: each region
                # of the list whose head word the last one carries
                for listed in _elided_regions_before(ctx, index):
                    ctx.add(rule, ctx.entity(listed), ctx.entity(place), mention.sent_id)


def _presented(ctx: Context, index: int) -> bool:
    """Is the park or organisation the object of a verb of presenting it
    (``presentation_words``: «представила ОЭЗ «X» в Шанхае», «презентовали технопарк»)?"""
    root = ctx.mention_root(index)
    if root is None or root < 0:
        return False
    token = ctx.doc.tokens[root]
    return token.rel == "obj" and token.head_id >= 0 \
        and ctx.doc.tokens[token.head_id].lemma in ctx.vocab.words("presentation_words")


def _elided_regions_before(ctx: Context, index: int) -> list[int]:
    """The places listed right before a region's name whose head word they share, each a
    lone adjective («Андижанская, Ферганская и Наманганская области»): their mentions."""
    tokens = ctx.doc.tokens
    words = ctx.mention_tokens(index)
    if len(words) < 2:
        return []  # («области» may be tagged a singular genitive: the list says it is not)
    found, t = [], ctx.first(index) - 1
    while t >= 1 and tokens[t].text in (",", "и") and t - 1 in ctx.mention_at:
        listed = ctx.mention_at[t - 1]
        if ctx.mention_type(listed) != "LOC" or len(ctx.mention_tokens(listed)) != 1 \
                or not tokens[t - 1].lemma.endswith(tuple(ctx.vocab.place_suffixes)):
            break
        found.append(listed)
        t = ctx.first(listed) - 1
    return found


def _parties_between(ctx: Context, index: int) -> bool:
    """Is the mention the last of the parties «между» lists («соглашение между технопарком
    «A» и зоной «B» из провинции Y»: Y is where B is, A's place is its own)?"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    return any(tokens[t].lemma == "между" for t in ctx.sentence(tokens[first].sent_id)
               if t < first)


def _listed_before(ctx: Context, index: int) -> list[int]:
    """The mentions of the mention's type listed right before it in its sentence, each
    joined by «и» or a comma with nothing else between (nearest first): «ТОР „А“ и „Б“ в
    X», whose place locates the parks listed too (not companies: «учёные из A, B и
    университета в X» name where the last one is); «Хэйхэ, Суйфэньхэ и Тунцзян (КНР)»."""
    tokens, listed = ctx.doc.tokens, []
    t = ctx.first(index) - 1
    while t >= 1 and t not in ctx.mention_at and tokens[t].text in (",", "и") \
            and tokens[t].sent_id == tokens[t - 1].sent_id:
        before = ctx.mention_at.get(t - 1)
        if before is None or ctx.mention_type(before) != ctx.mention_type(index) \
                or ctx.last(before) != t - 1:
            break
        listed.append(before)
        t = ctx.first(before) - 1
    return listed


def _region_in_body_name(ctx: Context, index: int, place: int) -> bool:
    """Is the place, after its own descriptor, the region of an administrative body's name
    («Управления коммерции провинции X», «комитета партии в провинции Y»: one name in gold,
    so no place of its own)? The body's first word is in ``body_scope_heads``, its name
    unquoted. Only the genitive right after the body or «в» and a region's descriptor: «в
    городе X» after a body is where it is, «из провинции X» where its people came from."""
    tokens = ctx.doc.tokens
    vocab = ctx.vocab
    first, before = ctx.first(index), ctx.first(place) - 1
    # (a quoted name is the name alone: «ассоциация «Кедр» в провинции X» is in X)
    if not (ctx.mention_type(index) == "ORG" and "«" not in ctx.doc.mentions[index].text
            and tokens[first].lemma in vocab.words("body_scope_heads")
            and before > ctx.last(index) and tokens[before].lemma in vocab.geo_descriptors):
        return False
    gap = [tokens[t].lemma for t in range(ctx.last(index) + 1, before)]
    towns = vocab.words("town_descriptors") | vocab.words("settlement_descriptors")
    return (not gap and "Case=Gen" in tokens[before].feats) \
        or (gap in (["в"], ["во"]) and tokens[before].lemma not in towns)


def _both_of_one_noun(ctx: Context, index: int, region: int) -> bool:
    """Do the place (in the genitive) and the «в» region after it both hang on one other
    noun («презентации края X в республике Y», «делегации области X в провинции Y»)? Then
    the region is where that noun's thing is, not where the place is. Only a noun of an
    event, an action or a travelling group (``held_elsewhere_nouns``, ``event_nouns``): «в
    окрестностях X в области Y», «предприятия района X в области Y» place X in Y."""
    tokens = ctx.doc.tokens
    word, other = ctx.mention_root(index), ctx.mention_root(region)
    if word is None or other is None or tokens[word].rel != "nmod" \
            or "Case=Gen" not in tokens[word].feats:
        return False
    noun = tokens[word].head_id
    held = ctx.vocab.words("held_elsewhere_nouns") | ctx.vocab.words("event_nouns")
    return noun >= 0 and noun == tokens[other].head_id and noun not in ctx.mention_at \
        and tokens[noun].pos == "NOUN" and tokens[noun].lemma in held


def _past_bracketed_abbreviation(ctx: Context, t: int) -> int:
    """Past a bracketed abbreviation or Latin name of the name at ``t`` («форуме (ВЭФ) во
    Владивостоке», «университете (Kedrov University) в Омске»: another name of the same
    thing): the «в» after the bracket when it holds one upper-case word or only words in
    Latin letters and «в» follows; else ``t``."""
    tokens = ctx.doc.tokens
    if t + 3 >= len(tokens) or tokens[t].text != "(":
        return t
    close = closing_bracket(tokens, t, 8)
    if close is None or close == t + 1 or close + 1 >= len(tokens) \
            or tokens[close + 1].lemma not in ("в", "во"):
        return t
    words = [tokens[c].text for c in range(t + 1, close)]
    abbreviation = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    if not abbreviation and not _latin_words(words):
        return t
    return close + 1


def _company_governed(ctx: Context, form: int) -> bool:
    """Is the company under the legal form at ``form`` a word's dependent («с руководством
    АО «Кедр» в Москве», «соглашение с ООО «Кедр» в Москве»)? Then the «в» after it may be
    where that word's meeting or deal took place, not the company's address."""
    before = form - 1
    if before < 0 or before in ctx.mention_at:
        return False
    token = ctx.doc.tokens[before]
    if _seat_word(ctx, before):
        return False  # «штаб-квартиры ООО «Кедр» в Москве»: its seat is there
    return token.pos == "NOUN" or token.lemma in ("с", "со")


def _seat_before(ctx: Context, owner: int) -> bool:
    """Does an organisation's seat («штаб-квартира») stand at ``owner``, right before the
    name or before its generic head in the genitive («штаб-квартиры компании X»)?"""
    tokens = ctx.doc.tokens
    if owner < 0 or owner in ctx.mention_at:
        return False
    if _seat_word(ctx, owner):
        return True
    return owner >= 1 and owner - 1 not in ctx.mention_at and tokens[owner].pos == "NOUN" \
        and "Case=Gen" in tokens[owner].feats and _seat_word(ctx, owner - 1)


def _seat_word(ctx: Context, t: int) -> bool:
    """Does the word at ``t`` name an organisation's own seat: «штаб-квартира», or an office
    its adjective makes the head one («головной офис»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if tokens[t].lemma in vocab.words("headquarters_nouns"):
        return True
    return t >= 1 and tokens[t].lemma in vocab.words("office_nouns") \
        and tokens[t - 1].lemma in vocab.words("seat_office_adjectives")


def _add_region_adjectives(ctx: Context, rule: RelationRule, index: int,
                           adjectives: list[Token]) -> None:
    """«технопарк «X» из подмосковного Клина»: the region the town's own adjective names
    (one the text names; a country's adjective only describes the town) holds the site too."""
    for adjective in adjectives:
        region = place_of_adjective(ctx, adjective)
        if region is not None:
            ctx.add(rule, ctx.entity(index), region, ctx.doc.mentions[index].sent_id)


def _venue_place(ctx: Context, site: int) -> int:
    """«на форуме X в Доме правительства в Кедровске»: an event held in a venue is in
    the place of «в» right after the venue's name; any other mention stands as it is."""
    tokens = ctx.doc.tokens
    if not _a_venue(ctx, site):
        return site
    t = ctx.last(site) + 1
    place = ctx.mention_at.get(t + 1) if t + 1 < len(tokens) and t not in ctx.mention_at \
        and tokens[t].lemma in ("в", "во") else None
    if place is None or ctx.first(place) != t + 1 or ctx.mention_type(place) != "LOC":
        return site
    return place


def _descriptor_only(ctx: Context, index: int) -> bool:
    """Is the place's name only a municipality's kind and a descriptor («Городской округ»,
    not «Шиловский район»)?"""
    tokens = ctx.doc.tokens
    words = sorted(ctx.mention_tokens(index))
    kinds = ctx.vocab.words("key_municipal_kinds") | ctx.vocab.words("key_city_municipal_kinds")
    return len(words) > 1 and tokens[words[-1]].lemma in ctx.vocab.geo_descriptors and all(
        tokens[w].lemma in kinds for w in words[:-1])


def _name_after(ctx: Context, index: int) -> int | None:
    """The place named right after the mention, or None."""
    after = ctx.mention_at.get(ctx.last(index) + 1)
    if after is None or ctx.first(after) != ctx.last(index) + 1:
        return None
    return after


def _bare_head(ctx: Context, index: int) -> bool:
    """Is the place's name a bare descriptor («в Уфимском районе Республики»: «Республика»
    alone names no place)?"""
    heads = ctx.vocab.region_name_words
    return fold(ctx.doc.mentions[index].normal) in heads


@matcher("located_ranked")
def located_ranked(ctx: Context, rule: RelationRule) -> None:
    """«технопарк «X» — первый в России технопарк», «X является крупнейшим в регионе
    заводом»: a name ranked among the sites of a place is in that place."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.words(rule.trigger) | vocab.named_heads
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in ("PARK", "ORG") or ctx.title_dependent(index):
            continue
        t = ctx.last(index) + 1
        if t >= len(tokens) or t in ctx.mention_at or not (
                tokens[t].text == DASH or tokens[t].lemma in vocab.words("copula_verbs")):
            continue
        u = t + 1
        projects = vocab.words("site_project_nouns") if mention.type == "PARK" else frozenset()
        one_of = _one_of(ctx, u, heads | vocab.words("site_group_nouns"), projects)
        if one_of is not None:  # «X — один из крупнейших технопарков России»
            ctx.add(rule, ctx.entity(index), ctx.entity(one_of), mention.sent_id)
            continue
        described = _described_in(ctx, u, heads)
        if described is not None:  # «X — ещё один развивающийся технопарк в Y»
            ctx.add(rule, ctx.entity(index), ctx.entity(described), mention.sent_id)
            continue
        if u + 2 >= len(tokens) or not lower_adjective(tokens[u]) \
                or tokens[u + 1].lemma not in ("в", "во"):
            continue
        place = ctx.mention_at.get(u + 2)
        if place is None or ctx.first(place) != u + 2 or ctx.mention_type(place) != "LOC":
            continue
        h = ctx.last(place) + 1
        while h < len(tokens) and h not in ctx.mention_at and tokens[h].pos == "ADJ" \
                and h < ctx.last(place) + 3:
            h += 1  # «первый в России научно-технический парк»
        if h < len(tokens) and h not in ctx.mention_at and tokens[h].lemma in heads \
                and "Number=Sing" in tokens[h].feats:
            ctx.add(rule, ctx.entity(index), ctx.entity(place), mention.sent_id)


def _described_in(ctx: Context, u: int, heads: frozenset[str]) -> int | None:
    """«— крупный технопарк в Казани», «является современным заводом в Твери», «— ещё один
    стремительно развивающийся парк в Минске»: the place of «в» right after a description
    of lower-case words and a singular site head (no «один из»: a ranking)."""
    tokens, fillers = ctx.doc.tokens, ctx.vocab.words("description_fillers")
    h = u
    while h < min(u + 5, len(tokens)) and h not in ctx.mention_at and tokens[h].text.islower() \
            and (tokens[h].pos in ("ADJ", "ADV") or "VerbForm=Part" in tokens[h].feats
                 or tokens[h].lemma in fillers):
        h += 1
    if h + 2 >= len(tokens) or h in ctx.mention_at or tokens[h].lemma not in heads \
            or "Number=Sing" not in tokens[h].feats or tokens[h + 1].lemma not in ("в", "во"):
        return None
    place = ctx.mention_at.get(h + 2)
    if place is None or ctx.first(place) != h + 2 or ctx.mention_type(place) != "LOC":
        return None
    return place


def _one_of(ctx: Context, u: int, heads: frozenset[str],
            projects: frozenset[str] = frozenset()) -> int | None:
    """«один из крупнейших технопарков России», «одним из ведущих вузов Индии»: the place
    in the genitive after «один из», a superlative or other adjectives and a plural head
    (a ranking among the sites of the place); or, with no ranking, a plural of ``projects``
    («один из мегапроектов современной Беларуси»), the place's own projects."""
    tokens = ctx.doc.tokens
    if u + 4 >= len(tokens) or tokens[u].lemma != "один" or tokens[u + 1].lemma != "из":
        return None
    h = u + 2
    while h < u + 5 and h not in ctx.mention_at and tokens[h].pos == "ADJ" \
            and tokens[h].text.islower():
        h += 1
    if h + 1 >= len(tokens) or h in ctx.mention_at or "Number=Plur" not in tokens[h].feats \
            or not (tokens[h].lemma in projects or (h > u + 2 and tokens[h].lemma in heads)):
        return None
    if tokens[h].lemma in projects and h + 2 < len(tokens) and h + 1 not in ctx.mention_at \
            and lower_adjective(tokens[h + 1]):
        h += 1  # «мегапроектов современной Беларуси»: an adjective of the place's time
    place = ctx.mention_at.get(h + 1)
    if place is None or ctx.first(place) != h + 1 or ctx.mention_type(place) != "LOC" \
            or "Case=Gen" not in tokens[ctx.last(place)].feats:
        return None
    return place


@matcher("located_listed")
def located_listed(ctx: Context, rule: RelationRule) -> None:
    """«технологических центров Казани: технопарка «X», IT-парка и технополиса «Z»»,
    «побывал на предприятиях Твери: «A», «B» и других», «предприятий Твери, включая «A»»:
    sites of a place listed after a colon or a list opener are in that place."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.words(rule.trigger) | vocab.named_heads
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC":
            continue
        before = ctx.first(index) - 1
        # «предприятий Твери: …», «предприятий Твери, включая …», «…, в том числе …»
        start = _list_after(ctx, ctx.last(index) + 1)
        if start is None and _legal_form_name(ctx, ctx.last(index) + 1):
            start = ctx.last(index) + 1  # «предприятий края ООО «A» и ОАО «B»»
        if start is None and _dash_before_company(ctx, ctx.last(index) + 1):
            start = ctx.last(index) + 2  # «предприятиях Твери — ООО «A» и АО «B»»
        bracket = start is None and ctx.last(index) + 2 < len(tokens) \
            and tokens[ctx.last(index) + 1].text == "(" \
            and _legal_form_name(ctx, ctx.last(index) + 2)
        if bracket:
            start = ctx.last(index) + 2  # «35 предприятий области (ООО «A», АО «B» и другие)»
        if before < 0 or start is None or start >= len(tokens) \
                or before in ctx.mention_at or tokens[before].lemma not in heads \
                or "Number=Plur" not in tokens[before].feats \
                or "Case=Gen" not in tokens[ctx.last(index)].feats:
            continue
        if tokens[ctx.last(index) + 1].text != ":" and _country(mention.normal):
            continue  # «организациями Ирана, включая …»: a country is too wide (gold leaves it)
        _add_listed_sites(ctx, rule, ctx.entity(index), start, bracket)
    for token in tokens:
        # «предприятий края ООО «A» и АО «B»»: a bare region word for the region named before
        t = token.token_id
        if t < 1 or t in ctx.mention_at or tokens[t - 1].lemma not in heads \
                or "Number=Plur" not in tokens[t - 1].feats or "Case=Gen" not in token.feats \
                or token.lemma not in vocab.words("place_anaphors") \
                - vocab.words("generic_region_words") or not _legal_form_name(ctx, t + 1):
            continue
        region = _region_named_before(ctx, t)
        if region is not None:
            _add_listed_sites(ctx, rule, region, t + 1)


def _add_listed_sites(ctx: Context, rule: RelationRule, place: int, start: int,
                      bracket: bool = False) -> None:
    """The parks and organisations listed from ``start`` to the end of the list (the bracket's
    close, where ``bracket`` opened it) are in the entity ``place``."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    ends = (";", ".", ":", ")") if bracket else (";", ".", ":")
    for u in range(start, len(tokens)):
        token = tokens[u]
        if token.sent_id != tokens[start].sent_id or (u not in ctx.mention_at and (
                token.text in ends or is_finite_verb(token)
                or token.lemma in vocab.words("list_end_words"))):
            break  # the list ends: a new clause, «а также …»
        site = ctx.mention_at.get(u)
        if site is not None and ctx.first(site) == u \
                and ctx.mention_type(site) in ("PARK", "ORG"):
            ctx.add(rule, ctx.entity(site), place, token.sent_id)


def _region_named_before(ctx: Context, t: int) -> int | None:
    """The entity of the last place before ``t`` whose name has the region word at ``t``
    («Хабаровский край» … «края»)."""
    lemma, start = ctx.doc.tokens[t].lemma, ctx.doc.tokens[t].start
    before = [index for index, mention in enumerate(ctx.doc.mentions)
              if mention.type == "LOC" and mention.start < start
              and lemma in fold(mention.normal).split()]
    return ctx.entity(max(before, key=lambda i: ctx.doc.mentions[i].start)) if before else None


def _dash_before_company(ctx: Context, t: int) -> bool:
    """Does a dash at ``t`` open a list whose first item is a company under its legal form
    («— ООО «Кварц» и АО «Орбита»»), so the dash sets out examples, not a new clause?"""
    tokens = ctx.doc.tokens
    return t + 1 < len(tokens) and t not in ctx.mention_at \
        and tokens[t].text in (DASH, "–") and _legal_form_name(ctx, t + 1)


def _legal_form_name(ctx: Context, t: int) -> bool:
    """Does a legal form («ООО», «АО») open a company's name at ``t`` («ООО «Кварц»»)?"""
    tokens = ctx.doc.tokens
    return t + 1 < len(tokens) and t not in ctx.mention_at \
        and ctx.legal_form(t) \
        and ctx.mention_at.get(t + 1) is not None \
        and ctx.first(ctx.mention_at[t + 1]) == t + 1 \
        and ctx.mention_type(ctx.mention_at[t + 1]) == "ORG"


@matcher("located_kind_listed")
def located_kind_listed(ctx: Context, rule: RelationRule) -> None:
    """«с такими городами КНР, как A, B и C», «с регионами Узбекистана — A, B»: the places
    listed after a plural kind of place and the country (or region) it is of are in it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    kinds = vocab.words(rule.trigger) | vocab.geo_descriptors
    # what a speaker says of where places are is no less true: quotes are not skipped
    for token in ctx.doc.tokens:
        t = token.token_id
        if token.lemma not in kinds or t in ctx.mention_at:
            continue
        wider = ctx.mention_at.get(t + 1)
        if "Number=Plur" not in token.feats or wider is None or ctx.first(wider) != t + 1 \
                or ctx.mention_type(wider) != "LOC":
            continue
        last = ctx.last(wider)
        if "Case=Gen" not in tokens[last].feats and not tokens[last].text.isupper():
            continue
        u = last + 1
        if u < len(tokens) and tokens[u].text == ",":
            u += 1
        if u < len(tokens) and tokens[u].lemma == "такой":
            u += 1
        if u + 1 >= len(tokens) or u in ctx.mention_at \
                or not (tokens[u].lemma == "как" or tokens[u].text == DASH):
            continue
        u += 1
        listed: list[int] = []
        while u in ctx.mention_at and ctx.first(ctx.mention_at[u]) == u \
                and ctx.mention_type(ctx.mention_at[u]) == "LOC":
            listed.append(ctx.mention_at[u])
            u = ctx.last(listed[-1]) + 1
            if u + 1 < len(tokens) and tokens[u].text in (",", "и") and u + 1 in ctx.mention_at:
                u += 1
        for place in listed:
            if not _country(ctx.doc.mentions[place].normal):
                ctx.add(rule, ctx.entity(place), ctx.entity(wider), token.sent_id)


def _locative(ctx: Context, index: int) -> bool:
    """Does «в»/«на» stand before the name, past its generic head and adjectives («на
    ВДНХ», «в Национальном центре «Россия»», «на заводе «Кварц»»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.named_heads | vocab.words("plant_nouns")
    t = ctx.first(index) - 1
    while t >= 0 and t not in ctx.mention_at and t > ctx.first(index) - 4 and (
            tokens[t].lemma in heads or tokens[t].pos == "ADJ"):
        t -= 1
    return t >= 0 and t not in ctx.mention_at and tokens[t].lemma in ("в", "во", "на") \
        and tokens[t].pos == "ADP"


def _built(ctx: Context, index: int) -> bool:
    """Does a noun for building or founding («создание», «строительство») stand before the
    name, past its generic head and adjectives («создание технологического центра «X»»)?"""
    tokens = ctx.doc.tokens
    creation = ctx.vocab.words("site_creation_nouns")
    t, nouns = ctx.first(index) - 1, 0
    while t >= 0 and t > ctx.first(index) - 5 and t not in ctx.mention_at and nouns < 2 \
            and tokens[t].pos in ("NOUN", "ADJ") and tokens[t].sent_id == tokens[t + 1].sent_id:
        if tokens[t].lemma in creation:
            return True
        nouns += tokens[t].pos == "NOUN"  # «строительство завода компании X»: not the company
        t -= 1
    return False


def _town_abbreviation(ctx: Context, t: int) -> bool:
    """Do «г.», «гор.» (a town's descriptor, abbreviated) stand at ``t``?"""
    tokens = ctx.doc.tokens
    return t + 2 < len(tokens) and t not in ctx.mention_at \
        and tokens[t].text.lower() in ctx.vocab.words("town_abbreviations") \
        and tokens[t + 1].text == "."


def _on_the_shore(ctx: Context, index: int) -> bool:
    """Is the place named as the water whose shore something is on («на побережье
    Каспийского моря», «на берегу реки Волги»)?"""
    tokens, before = ctx.doc.tokens, ctx.first(index) - 1
    shores = ctx.vocab.words("shore_nouns")
    if before > 0 and tokens[before].lemma not in shores and tokens[before].pos == "NOUN" \
            and tokens[before].text.islower():
        before -= 1  # «реки», «озера»
    return before >= 0 and tokens[before].lemma in shores


@matcher("located_descriptor_before_name")
def located_descriptor_before_name(ctx: Context, rule: RelationRule) -> None:
    """«с компанией провинции Сычуань «Хуалун»», «завод города Харбин «Кедрмаш»»: a body's
    noun, a place's descriptor in the genitive, the place and the body's name: the body is
    in the place."""
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type == "LOC" and place_of_named_body(ctx, index):
            body = ctx.mention_at[ctx.last(index) + 1]
            ctx.add(rule, ctx.entity(body), ctx.entity(index), mention.sent_id)


def place_of_named_body(ctx: Context, index: int) -> bool:
    """Is the place a body's descriptor's genitive, the body's name right after it
    («компанией провинции Сычуань «X»», «университетом города Харбин Y»)?"""
    tokens = ctx.doc.tokens
    first, last = ctx.first(index), ctx.last(index)
    if first < 2 or tokens[first - 1].lemma not in ctx.vocab.place_descriptors \
            or "Case=Gen" not in tokens[first - 1].feats:
        return False
    body, named = tokens[first - 2], ctx.mention_at.get(last + 1)
    return body.lemma in ctx.vocab.words("org_heads") and first - 2 not in ctx.mention_at \
        and named is not None and ctx.mention_type(named) in ("ORG", "PARK")


@matcher("located_region_genitive")
def located_region_genitive(ctx: Context, rule: RelationRule) -> None:
    """«из города Бахчисарая Республики Крым», «в Гатчине Ленинградской области», «город
    Хэйхэ в провинции Хэйлунцзян»: a place followed right away by a region's name (its head
    word of ``rule.trigger``) in the genitive, or after «в» in the locative."""
    tokens = ctx.doc.tokens
    heads = ctx.vocab.words(rule.trigger)
    descriptors = heads | ctx.vocab.geo_descriptors | ctx.vocab.words("capital_nouns")
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or _country(mention.normal) or _on_the_shore(ctx, index):
            # «связи с Индией Омской области»: a country is in no region; «на побережье
            # Каспийского моря в провинции Гилян»: what is there is in the province, not the sea
            continue
        heading = _heading_region(ctx, index)
        if heading is not None:
            ctx.add(rule, ctx.entity(index), ctx.entity(heading), mention.sent_id)
        t = ctx.last(index) + 1
        if (after := _past_alias(ctx, index, t)) in ctx.mention_at:
            t = after  # «Синьцзян-Уйгурского автономного района (СУАР) КНР»
        if t >= len(tokens) or tokens[t].sent_id != mention.sent_id:
            continue  # a dateline's town on a line of its own: the next line is not its region
        if ctx.title_dependent(index):
            # «главы провинции Ганьсу КНР»: an employer too is in the country after it
            country = ctx.mention_at.get(t)
            if country is not None and ctx.first(country) == t and ctx.mention_type(
                    country) == "LOC" and _country_after_region(ctx, index, country) and (
                    "Case=Gen" in tokens[ctx.last(country)].feats
                    or tokens[ctx.last(country)].text.isupper()):
                ctx.add(rule, ctx.entity(index), ctx.entity(country), mention.sent_id)
            continue
        case = "Case=Gen"
        if t + 3 < len(tokens) and tokens[t].text == "," and tokens[t + 1].lemma == "на" \
                and tokens[t + 2].lemma in ctx.vocab.words("side_nouns"):
            t += 1  # «Харбин, на северо-востоке Китая»
        # «Березники являются крупным городом Пермского края»: the place's own copula
        copula = t < len(tokens) and tokens[t].lemma == "являться" and any(
            tokens[m].head_id == t and tokens[m].rel == "nsubj" for m in ctx.mention_tokens(index))
        if t + 2 < len(tokens) and (tokens[t].text in (DASH, ",") or copula) \
                and t not in ctx.mention_at:
            # «Конья — крупнейшая провинция Турции», «Хэйхэ, крупный город провинции Y»: a
            # descriptor (in the nominative after a dash) and the region it is of
            u = t + 1
            # «Чанчунь — один из крупных промышленных центров Китая»: one of several
            one_of = u + 2 < len(tokens) and tokens[u].lemma == "один" \
                and tokens[u + 1].lemma == "из"
            u += 2 * one_of
            while u < t + 3 + 2 * one_of and u not in ctx.mention_at and tokens[u].pos == "ADJ" \
                    and tokens[u].text.islower():
                u += 1
            if u + 2 < len(tokens) and tokens[u].lemma == "по" and tokens[u - 1].pos == "ADJ" \
                    and tokens[u + 1].pos == "NOUN" and u + 1 not in ctx.mention_at:
                u += 2  # «второй по величине город Пермского края»
            r = u + 1  # «— город провинции Цзянсу»: past the region's own head word
            if r + 2 < len(tokens) and r not in ctx.mention_at and tokens[r].lemma == "и":
                # «Каракас — столица и крупнейший город Венесуэлы»: past a second descriptor
                w = r + 1
                while w < r + 3 and w not in ctx.mention_at and lower_adjective(tokens[w]):
                    w += 1
                if w not in ctx.mention_at and tokens[w].lemma in descriptors:
                    r = w + 1
            while r < u + 3 and r + 1 < len(tokens) and r not in ctx.mention_at \
                    and lower_adjective(tokens[r]):
                r += 1  # «— центре северо-восточной провинции Y»: past the region's adjectives
            case = "Case=Gen"
            if r + 1 < len(tokens) and r not in ctx.mention_at \
                    and tokens[r].lemma in ("в", "во"):
                r, case = r + 1, "Case=Loc"  # «Хэйхэ — город в провинции Хэйлунцзян»
            elif r + 2 < len(tokens) and r not in ctx.mention_at and tokens[r].lemma == "на" \
                    and tokens[r + 1].lemma in ctx.vocab.words("side_nouns"):
                r += 2  # «Хэйхэ, город на севере Китая»
            genitive = r
            headed = r < len(tokens) and r not in ctx.mention_at and tokens[r].lemma in heads
            r += int(headed)
            region = ctx.mention_at.get(r)
            if genitive == r and region is not None:
                # «столица Социалистической Республики Вьетнам»: the case of the name's head
                genitive = next((m for m in ctx.mention_tokens(region)
                                 if tokens[m].lemma in heads), ctx.last(region))
            # (not a plural noun: «…, регионы УрФО подписали»: no apposition to one place)
            if u not in ctx.mention_at and tokens[u].lemma in descriptors \
                    and ("Number=Plur" not in tokens[u].feats or one_of) \
                    and ("Case=Nom" in tokens[u].feats or tokens[t].text == "," or one_of
                         or (copula and "Case=Ins" in tokens[u].feats)
                         # «в Харбине — административном центре провинции Y»: in its case
                         or case_of(tokens[u]) == case_of(tokens[ctx.last(index)])) \
                    and region is not None and ctx.first(region) == r and (
                        # «Томска, Омска, города Барнаула»: after a comma, a known region
                        # only, unless its own head word says it is one
                        tokens[t].text == DASH or copula or headed or _wider("", ctx.doc.mentions[
                            region].normal)) \
                    and ctx.mention_type(region) == "LOC" and case in tokens[genitive].feats:
                ctx.add(rule, ctx.entity(index), ctx.entity(region), mention.sent_id)
            continue
        if t + 2 < len(tokens) and t not in ctx.mention_at and t + 1 not in ctx.mention_at \
                and tokens[t].lemma == "на" and tokens[t + 1].lemma in ctx.vocab.words(
                    "side_nouns"):
            # «Гуандун на юге Китая»
            t += 2
            genitive = t  # the head word's case where it has one («провинции Цзянсу»)
            if t < len(tokens) and t not in ctx.mention_at and tokens[t].lemma in heads:
                t += 1
            region = ctx.mention_at.get(t)
            if region is not None and genitive == t:
                genitive = ctx.mention_tokens(region)[-1]
            if region is not None and ctx.first(region) == t \
                    and ctx.mention_type(region) == "LOC" and "Case=Gen" in tokens[genitive].feats:
                ctx.add(rule, ctx.entity(index), ctx.entity(region), mention.sent_id)
            continue
        if t + 1 < len(tokens) and tokens[t].lemma in ("в", "во") and t not in ctx.mention_at:
            # «город Хэйхэ в провинции Хэйлунцзян» (where it is: not «в провинцию», a trip)
            t, case = t + 1, "Case=Loc"
            if t not in ctx.mention_at and tokens[t].lemma in heads and case in tokens[t].feats:
                t += 1
                case = ""
        region = ctx.mention_at.get(t)
        if region is None or ctx.first(region) != t or ctx.mention_type(region) != "LOC" \
                or _bare_head(ctx, region) \
                or (case != "Case=Gen" and _both_of_one_noun(ctx, index, region)):
            continue
        head = next((r for r in ctx.mention_tokens(region) if tokens[r].lemma in heads), None)
        country = case == "Case=Gen" and head is None and _country_after_region(
            ctx, index, region)
        if country:
            head = ctx.last(region)  # «провинции Ганьсу КНР», «штата Гоа Индии»
        if case and (head is None or (case not in tokens[head].feats
                                      and not (country and tokens[head].text.isupper()))):
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(region), mention.sent_id)
        # «с Ташкентской и Ферганской областями Республики Узбекистан»: both are in it (not
        # «Хатлонской области Таджикистана и Сурхандарьинской области Узбекистана»)
        before = ctx.first(index) - 1
        joined = ctx.mention_at.get(before - 1) if before > 0 and tokens[before].lemma == "и" \
            and not country else None
        # (not a place in another case: «районом A Крыма и районом B в Y», Крыма is A's)
        if joined is not None and ctx.mention_type(joined) == "LOC" \
                and not _country(ctx.doc.mentions[joined].normal) \
                and not ctx.other_case(joined, index):
            ctx.add(rule, ctx.entity(joined), ctx.entity(region), mention.sent_id)


def _heading_region(ctx: Context, index: int) -> int | None:
    """«Казахстан — город Алматы», «Пермский край - город Березники»: a country or region,
    a dash and a town's descriptor before the town («Пермский край: в Березниках …»: a colon
    and «в»); the gazetteer must not put the town elsewhere."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    d = ctx.first(index) - 1
    if d >= 2 and tokens[d].lemma in ("в", "во") and tokens[d - 1].text == ":":
        # «Калужская область: в Обнинске пройдёт …»: a heading's place, a colon; in the
        # locative only («Китай: в Ольховск прибыла делегация»: where it came, not from)
        if not any(case_of(tokens[m]) == "Loc" for m in ctx.mention_tokens(index)):
            return None
    elif d < 2 or d in ctx.mention_at or "Case=Nom" not in tokens[d].feats \
            or tokens[d].lemma not in vocab.place_descriptors \
            or tokens[d - 1].text not in DASH_OR_HYPHEN or d - 1 in ctx.mention_at:
        return None
    region = ctx.mention_at.get(d - 2)
    if region is None or ctx.mention_type(region) != "LOC" or ctx.last(region) != d - 2:
        return None
    if tokens[d].lemma in ("в", "во") and any(
            tokens[u].text.isalpha()
            for u in range(ctx.sentence(tokens[d].sent_id).start, ctx.first(region))):
        return None  # a colon after a place that opens no heading («гости из Китая: в …»)
    town, wider = ctx.doc.mentions[index].normal, ctx.doc.mentions[region].normal
    known = gazetteer().lookup(town)
    if not _wider(town, wider) or (known is not None and not _known_within(town, wider)):
        return None
    return region


def _country_after_region(ctx: Context, index: int, country: int) -> bool:
    """«провинции Ганьсу КНР», «Хубэй Китая»: a country's name right after a region or town
    its descriptor names (or whose own name ends in one), not a country itself; «в селе X
    Железногорского района», «в городе X Синьцзяна»: after a town its descriptor names, a
    district or region too."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    first = ctx.first(index)
    descriptor = tokens[first - 1].lemma if first > 0 and first - 1 not in ctx.mention_at \
        else ""
    wider = ctx.doc.mentions[country].normal
    if _known_within(ctx.doc.mentions[index].normal, wider):
        return True  # «из Хэйхэ Китая», «из Березников Пермского края»: no list of two
    if not _country(wider):
        towns = vocab.words("town_descriptors") | vocab.words("settlement_descriptors")
        districts = vocab.district_heads
        words = fold(wider).split()
        found = gazetteer().lookup(wider)
        return descriptor in towns and (
            (found is not None and found.kind != "city")
            or (len(words) > 1 and words[-1] in districts))
    words = fold(ctx.doc.mentions[index].normal).split()
    heads = vocab.region_name_words
    return (bool(words) and words[-1] in heads) or descriptor in heads


def _known_within(place: str, wider: str) -> bool:
    """Does the gazetteer put the town ``place`` in the country or Russian region
    ``wider`` (so that «Хэйхэ Китая» is one place of the other, not two places)?"""
    found, holder = gazetteer().lookup(place), gazetteer().lookup(wider)
    if found is None or holder is None or found.kind != "city" or found == holder:
        return False  # a town only: «Дальний Восток России» is told as a part, not a place
    if holder.kind == "country":
        return found.country == holder.country
    return bool(found.region) and fold(found.region) == fold(holder.canonical)


@matcher("located_nested_in")
def located_nested_in(ctx: Context, rule: RelationRule) -> None:
    """«в провинции Сычуань в Чэнду», «в Китае в Харбине»: a town of «в» right after a
    region or country of «в» that the gazetteer allows to hold it is in that place; «в
    Калифорнии, в городе Ольховске»: a town the gazetteer does not know, named by its own
    word (after a comma too), in a region or country it knows."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or not _after_in(ctx, ctx.first(index)):
            continue
        t = ctx.last(index) + 1
        comma = t + 2 < len(tokens) and tokens[t].text == "," and t not in ctx.mention_at
        t += int(comma)
        if t + 1 >= len(tokens) or t in ctx.mention_at or tokens[t].lemma not in ("в", "во"):
            continue
        town = ctx.mention_at.get(t + 1)
        described = town is None and t + 2 < len(tokens) \
            and tokens[t + 1].lemma in ctx.vocab.place_descriptors
        if described:
            town = ctx.mention_at.get(t + 2)  # «в Китае в городе Харбине»
            if town is not None and tokens[t + 1].lemma in ctx.vocab.words("district_words") \
                    and case_of(tokens[ctx.last(town)]) == "Gen":
                continue  # «в районе Кедрового рифа»: near it, no district of that name
        if town is None or ctx.mention_type(town) != "LOC" \
                or tokens[ctx.first(town)].sent_id != mention.sent_id or (comma and not described):
            continue
        name = ctx.doc.mentions[town].normal
        if _may_hold(name, mention.normal) or (described and _holds_unknown(mention.normal, name)):
            ctx.add(rule, ctx.entity(town), ctx.entity(index), mention.sent_id)
    for index, mention in enumerate(ctx.doc.mentions):
        region = _district_in_region(ctx, index)
        if region is not None:
            ctx.add(rule, ctx.entity(index), ctx.entity(region), mention.sent_id)


@matcher("located_place_in_place")
def located_place_in_place(ctx: Context, rule: RelationRule) -> None:
    """«в Ольховске в Кедровской области», «на Сосновой улице в Берёзовске», «в районе
    Ольшанка в городе Берёзовске»: a place where something is (in the locative after «в»/«на»,
    or after its own place word) and, right after it, «в»/«на» a wider place in the locative
    that the gazetteer lets hold it; where the gazetteer knows neither, their own words must
    tell the smaller (a street, a district) or the wider (a region, a state). The kinds of
    street are the rule's trigger."""
    vocab = ctx.vocab
    streets = vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC":
            continue
        opener = _where_something_is(ctx, index, streets)
        if opener is None:
            continue
        wider, described = _locative_place_after(ctx, index)
        if wider is None:
            continue
        wider_name = ctx.doc.mentions[wider].normal
        if gazetteer().lookup(wider_name) is not None:
            holds = _holds(wider_name, mention.normal)
        else:
            smaller = opener in vocab.words("district_words") \
                or _last_word(mention.normal) in vocab.district_heads | streets
            widest = described in vocab.words("region_name_heads") \
                or _last_word(wider_name) in vocab.words("region_name_heads")
            holds = gazetteer().lookup(mention.normal) is None and (smaller or widest)
        if holds:
            ctx.add(rule, ctx.entity(index), ctx.entity(wider), mention.sent_id)


@matcher("located_genitive_in_place")
def located_genitive_in_place(ctx: Context, rule: RelationRule) -> None:
    """«в больнице Осаки в Японии», «к западу от Барселоны в Каталонии», «прокурор района
    Ольшанка в Буэнос-Айресе»: a place in the genitive of a common noun, and right after it
    «в»/«на» a wider place in the locative that hangs in the parse on that noun or on the place
    itself (not on the verb). The wider place must hold it by the gazetteer: a known town or
    region in its own country or region (never a country, never anything in a town: «мэр
    Казани в Москве», «посол Франции в Германии» name where the noun's person is); a place the
    gazetteer does not know only after its own place word («района Ольшанка») or a site's
    word in a known region or country («в больнице Кедровки в Калифорнии»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sites = vocab.words("plant_nouns") | vocab.words("located_site_heads") \
        | vocab.words("building_nouns")
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC":
            continue
        noun = _genitive_owner_noun(ctx, index)
        if noun is None:
            continue
        wider, _ = _locative_place_after(ctx, index)
        if wider is None:
            continue
        root = ctx.mention_root(wider)
        if root is None or tokens[root].head_id not in (noun, *ctx.mention_tokens(index)):
            continue
        wider_name, name = ctx.doc.mentions[wider].normal, mention.normal
        known = gazetteer().lookup(name) is not None
        described = tokens[noun].lemma in vocab.place_descriptors
        # «в больнице Кедровки в Калифорнии»: a site of an unknown place in a region
        site = tokens[noun].lemma in sites and _holds_unknown(wider_name, name)
        if ((known or described) and _holds(wider_name, name)) or site:
            ctx.add(rule, ctx.entity(index), ctx.entity(wider), mention.sent_id)


def _genitive_owner_noun(ctx: Context, index: int) -> int | None:
    """The common noun outside any name right before a place in the genitive (or the
    nominative of an apposed place word: «района Ольшанка»), past «от» («к западу от
    Барселоны»); None where there is none."""
    tokens = ctx.doc.tokens
    first, t = ctx.first(index), ctx.first(index) - 1
    if t >= 0 and tokens[t].lemma == "от" and t not in ctx.mention_at:
        t -= 1
    if t < 0 or t in ctx.mention_at or tokens[t].sent_id != tokens[first].sent_id \
            or not _common_noun(tokens[t]):
        return None
    described = tokens[t].lemma in ctx.vocab.place_descriptors
    if case_of(tokens[ctx.last(index)]) != "Gen" and not described:
        return None
    return t


def _last_word(name: str) -> str:
    """The last word of a name, folded («Тверской район» → «район»)."""
    words = fold(name).split()
    return words[-1] if words else ""


def _where_something_is(ctx: Context, index: int, streets: frozenset[str]) -> str | None:
    """Does «в»/«на» open the place: right before it in the locative («в Ольховске»), or
    before its own place or area word («в городе Ольховск», «в районе Ольшанка»), past
    lower-case adjectives («в небольшом городке X»)? The place word's lemma ("" for none),
    else None. A street (of a kind in ``streets``) named with «по» («по Сосновой улице») is
    where something goes on."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.first(index) - 1
    if _street_name(ctx, index, streets):
        return None  # «на улице Кедрова»: the name without its street word names no place
    described = t >= 0 and t not in ctx.mention_at and (
        tokens[t].lemma in vocab.place_descriptors or tokens[t].lemma in vocab.site_area_nouns)
    opener = tokens[t].lemma if described else ""
    if described:
        t = before_lower_adjectives(ctx, t - 1)
    case = case_of(tokens[ctx.last(index)])
    street = _last_word(ctx.doc.mentions[index].normal) in streets
    prepositions = ("в", "во", "на", "по") if street and case == "Dat" else ("в", "во", "на")
    if not described and case != "Loc" and not (street and case == "Dat"):
        return None
    if t >= 0 and t not in ctx.mention_at and tokens[t].lemma in prepositions \
            and tokens[t].pos == "ADP":
        return opener
    return None


def _locative_place_after(ctx: Context, index: int) -> tuple[int | None, str]:
    """The place of «в»/«на» right after the mention, in the locative (or after its own
    place word in the locative: «в штате Невада»), past lower-case adjectives; and that
    place word's lemma ("" for none)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    t = ctx.last(index) + 1
    if t + 1 >= len(tokens) or t in ctx.mention_at or tokens[t].lemma not in ("в", "во", "на") \
            or tokens[t].sent_id != tokens[ctx.last(index)].sent_id:
        return None, ""
    u = min(after_lower_adjectives(ctx, t + 1), len(tokens) - 1)
    described = u not in ctx.mention_at and tokens[u].lemma in vocab.place_descriptors \
        and case_of(tokens[u]) == "Loc"
    word = tokens[u].lemma if described else ""
    u += int(described)
    wider = ctx.mention_at.get(u)
    if wider is None or ctx.first(wider) != u or ctx.mention_type(wider) != "LOC":
        return None, ""
    if not described and case_of(tokens[ctx.last(wider)]) != "Loc":
        return None, ""
    return wider, word


def _holds(wider: str, place: str) -> bool:
    """Can the gazetteer's place ``wider`` hold ``place``: a place it does not know (a
    street, a district, a small town) in any place it knows; a known town or region in its
    own country, a known town in its own Russian region; never a country in anything."""
    holder, found = gazetteer().lookup(wider), gazetteer().lookup(place)
    if holder is None or found == holder:
        return False
    if found is None:
        return True
    if found.kind in ("country", "former country", "federal district"):
        return False
    if holder.kind in ("country", "former country"):
        return found.country == holder.country
    if holder.kind in ("region", "federal subject") and found.kind == "city":
        return found.country == holder.country and (
            not found.region or fold(found.region) == fold(holder.canonical))
    return False


def _holds_unknown(wider: str, place: str) -> bool:
    """Is ``wider`` a country or region of the gazetteer (no town) and ``place`` a place
    it does not know?"""
    holder = gazetteer().lookup(wider)
    return holder is not None and not is_town(holder) and holder.kind != "federal district" \
        and gazetteer().lookup(place) is None


def _district_in_region(ctx: Context, index: int) -> int | None:
    """«Ольховским районом в Луганской Народной Республике»: a district's name, «в» (and
    lower-case adjectives) and a region (no town, no country) in the locative that the
    gazetteer knows; not a district in the genitive («делегация Ольховского района в Китае»: the
    delegation is there, not the district)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    mention = ctx.doc.mentions[index]
    words = fold(mention.normal).split()
    last = ctx.last(index)
    if mention.type != "LOC" or len(words) < 2 or words[-1] not in vocab.words("district_words") \
            or "Case=Gen" in tokens[last].feats:
        return None
    t = last + 1
    if t + 1 >= len(tokens) or t in ctx.mention_at or tokens[t].lemma not in ("в", "во"):
        return None
    while t + 2 < len(tokens) and t + 1 not in ctx.mention_at and tokens[t + 1].pos == "ADJ" \
            and tokens[t + 1].text.islower():
        t += 1  # «в соседней Луганской Народной Республике»
    region = ctx.mention_at.get(t + 1)
    if region is None or ctx.first(region) != t + 1 or ctx.mention_type(region) != "LOC" \
            or "Case=Loc" not in tokens[ctx.last(region)].feats:
        return None
    found = gazetteer().lookup(ctx.doc.mentions[region].normal)
    # a region only: «Ольховский район в Китае представил …» may be a district abroad
    return region if found is not None and found.kind not in ("city", "country") else None


@matcher("located_place_then_site")
def located_place_then_site(ctx: Context, rule: RelationRule) -> None:
    """«отправились в Первоуральск, в индустриальный парк «X»», «побывали в Омске, на заводе
    «Y»»: a town after «в», a comma, and a site after «в»/«на» as its apposition (no more
    places after it: not a list of destinations) lies in the town."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if first > 0 and tokens[first - 1].pos == "NOUN" and tokens[first - 1].text.islower():
            first -= 1  # «на заводе «Y»»: the site's word before the name
        if mention.type not in ("PARK", "ORG") or first < 4 \
                or tokens[first - 1].lemma not in ("в", "во", "на") \
                or tokens[first - 2].text != ",":
            continue
        town = ctx.mention_at.get(first - 3)
        if town is None or ctx.mention_type(town) != "LOC" or ctx.first(town) < 1 \
                or tokens[ctx.first(town) - 1].lemma not in ("в", "во") \
                or tokens[ctx.first(town)].sent_id != tokens[first].sent_id:
            continue
        after = ctx.last(index) + 1
        if after < len(tokens) and tokens[after].text == "," and after + 2 < len(tokens) \
                and tokens[after + 1].lemma in ("в", "во", "на"):
            continue  # «в Казань, в технопарк «X», в Елабугу»: a list of stops
        if ctx.first(town) >= 2 and tokens[ctx.first(town) - 2].text == ",":
            continue  # «в музее X, в Мукденском дворце, на ферме Y»: the list's last stops
        place = gazetteer().lookup(ctx.doc.mentions[town].normal)
        if place is not None and place.kind == "country":
            continue  # «в Китай, на завод «X»»: a country says little of where a site is
        ctx.add(rule, ctx.entity(index), ctx.entity(town), mention.sent_id)


@matcher("located_comma_region")
def located_comma_region(ctx: Context, rule: RelationRule) -> None:
    """«в Ольховске, штат Техас», «в Минске, Белоруссия»: a town, a comma and, set off as
    its apposition (in the nominative, or after a descriptor of ``rule.trigger``), the region
    or country the gazetteer lets hold it; not a list of places («Ольховска, Техаса и Огайо»),
    but a chain of ever wider ones («Казань, Татарстан, Россия»: the town is in each)."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        comma = ctx.last(index) + 1
        town = _town_of_chain(ctx, index)
        if mention.type != "LOC" or comma + 1 >= len(tokens) or tokens[comma].text != "," \
                or comma in ctx.mention_at or (_listed_after_place(ctx, index) and town is None):
            continue
        t = comma + 1
        descriptor = t not in ctx.mention_at and tokens[t].lemma in ctx.vocab.words(rule.trigger)
        wider = ctx.mention_at.get(t + int(descriptor))
        # «в Ольховске, штат Огайо в субботу»: a state's own word sets it off without a comma
        if wider is None or ctx.first(wider) != t + int(descriptor) \
                or ctx.mention_type(wider) != "LOC" \
                or not (descriptor or _closes_apposition(ctx, ctx.last(wider))):
            continue
        wider_name = ctx.doc.mentions[wider].normal
        # «в Ольховске, графство Кедр»: a region's own word tells a region the gazetteer
        # does not know
        region_word = descriptor and tokens[t].lemma in ctx.vocab.words("region_name_heads") \
            and gazetteer().lookup(wider_name) is None \
            and not _known_region_or_country(mention.normal)
        if (descriptor or _nominative_or_fixed(tokens[ctx.last(wider)])) and (
                region_word or _may_hold_town(mention.normal, wider_name)):
            ctx.add(rule, ctx.entity(index), ctx.entity(wider), mention.sent_id)
            if town is not None and _may_hold_town(ctx.doc.mentions[town].normal, wider_name):
                # «Казань, Татарстан, Россия»: the town is in the country too
                ctx.add(rule, ctx.entity(town), ctx.entity(wider), mention.sent_id)


def _town_of_chain(ctx: Context, index: int) -> int | None:
    """«Казань, Татарстан, Россия»: the place right before the region's comma where the region
    may hold it (a chain of ever wider places, not a list of equals: «Боливия, Бруней»); None
    otherwise."""
    t = ctx.first(index) - 1
    before = ctx.mention_at.get(t - 1) if t > 0 and ctx.doc.tokens[t].text == "," else None
    if before is None or ctx.mention_type(before) != "LOC" \
            or not _may_hold_town(ctx.doc.mentions[before].normal, ctx.doc.mentions[index].normal):
        return None
    return before


def _known_region_or_country(name: str) -> bool:
    """Is ``name`` a region or country of the gazetteer (no town: «Москва» is a town)?"""
    found = gazetteer().lookup(name)
    return found is not None and not is_town(found)


def _closes_apposition(ctx: Context, t: int) -> bool:
    """Does the place's apposition end after token ``t``: the phrase ends, or a bracket or a
    preposition opens another («в Ольховске, Куба в семье …», «в Ольховске, Техас (1936)»);
    not «и» or a noun that lists on?"""
    tokens = ctx.doc.tokens
    return _closes_phrase(ctx, t) or tokens[t + 1].text == "(" or (
        tokens[t + 1].pos == "ADP" and t + 1 not in ctx.mention_at)


def _nominative_or_fixed(token: Token) -> bool:
    """Is the word in the nominative, or one Russian does not inflect («США», «Огайо»: the
    tagger gives it the case of the word it follows)?"""
    if "Case=Nom" in token.feats or (token.text.isupper() and len(token.text) > 1):
        return True
    parses = word_parses(token.text)
    return bool(parses) and all("Fixd" in p.tag for p in parses)


def _listed_after_place(ctx: Context, index: int) -> bool:
    """Does a place and a comma come right before mention ``index`` («Боливия, Бруней,
    Венесуэла»: a list of places, no town and its country)?"""
    t = ctx.first(index) - 1
    before = ctx.mention_at.get(t - 1)
    return t > 0 and ctx.doc.tokens[t].text == "," and before is not None \
        and ctx.mention_type(before) == "LOC"


def _closes_phrase(ctx: Context, t: int) -> bool:
    """Does the phrase end after token ``t`` (a punctuation mark but «и», or the sentence)?"""
    tokens = ctx.doc.tokens
    return t + 1 >= len(tokens) or tokens[t + 1].sent_id != tokens[t].sent_id \
        or tokens[t + 1].text in (",", ".", ")", ";", ":", DASH)


def _may_hold_town(town: str, wider: str) -> bool:
    """Is ``wider`` a region or country of the gazetteer, and ``town`` a city it may hold, a
    place the gazetteer does not know (a small town), or a region of that country?"""
    holder = gazetteer().lookup(wider)
    if holder is None or holder.kind not in ("region", "federal subject", "country",
                                             "former country"):
        return False
    found = gazetteer().lookup(town)
    if found is not None and found.kind in ("region", "federal subject") \
            and holder.kind in ("country", "former country"):
        return found.country == holder.country  # «Будапешт, Венгрия», «Техас, США»
    return found is None or _may_hold(town, wider)


def _may_hold(town: str, wider: str) -> bool:
    """Can the gazetteer's region or country ``wider`` hold the city ``town``: the same
    country, and the town's region (where the gazetteer has one) is ``wider``?"""
    found, holder = gazetteer().lookup(town), gazetteer().lookup(wider)
    if found is None or holder is None or found.kind != "city" or holder.kind == "city" \
            or not found.country or found.country != holder.country:
        return False
    return holder.kind == "country" or not found.region \
        or fold(found.region) == fold(holder.canonical)


@matcher("located_settlement_in_district")
def located_settlement_in_district(ctx: Context, rule: RelationRule) -> None:
    """«посетил сёла Ольховка и Берёзовка в Кедровском районе», «в селе X в Y области»: the
    villages or towns a settlement word names (one, or a list joined by «и» and commas),
    then «в» and a district or region in the locative whose own name ends in its kind."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # a village's word only: «города Москвы в Тверском районе» is a city round its district
    villages = vocab.words(rule.trigger)
    districts = vocab.district_heads
    for token in tokens:
        t = token.token_id
        if token.lemma not in villages or t in ctx.mention_at:
            continue
        listed = [index for index in _settlements_listed(ctx, t + 1)
                  if not _known_city(ctx.doc.mentions[index].normal)]
        if not listed:
            continue
        after = ctx.last(listed[-1]) + 1
        if after + 1 >= len(tokens) or after in ctx.mention_at \
                or tokens[after].lemma not in ("в", "во"):
            continue
        district = ctx.mention_at.get(after + 1)
        if district is None or ctx.first(district) != after + 1 \
                or ctx.mention_type(district) != "LOC" \
                or "Case=Loc" not in tokens[ctx.last(district)].feats:
            continue
        words = fold(ctx.doc.mentions[district].normal).split()
        if len(words) < 2 or words[-1] not in districts:
            continue  # «в Китае», «в Москве»: a bare name may be where a visit happens
        if _on_verb(ctx, district):
            continue  # «открыли в селе X школу в Y районе»: where the verb happened
        for index in listed:
            if ctx.entity(index) != ctx.entity(district):
                ctx.add(rule, ctx.entity(index), ctx.entity(district), token.sent_id)


@matcher("located_address_region")
def located_address_region(ctx: Context, rule: RelationRule) -> None:
    """«(г. Ольховск, Кедровская обл.)», «(город Ольховск, Кедровский район; …)»: an
    address in brackets, a town after its descriptor, a comma and a region or district whose
    name ends in its kind (abbreviated or not), closing the bracket or its first part."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    # a full head word only: «Тверская обл.» would be the region's name cut short
    kinds = vocab.district_heads
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if mention.type != "LOC" or first < 1 or not (
                _town_abbreviation(ctx, first - 2) or (
                    first - 1 not in ctx.mention_at
                    and tokens[first - 1].lemma in vocab.words("settlement_descriptors"))):
            continue
        comma = ctx.last(index) + 1
        if comma + 1 >= len(tokens) or tokens[comma].text != "," or comma in ctx.mention_at:
            continue
        region = ctx.mention_at.get(comma + 1)
        if region is None or ctx.first(region) != comma + 1 \
                or ctx.mention_type(region) != "LOC" or ctx.entity(region) == ctx.entity(index):
            continue
        close = _past_abbreviation_dot(ctx, ctx.last(region) + 1)
        if close >= len(tokens) or tokens[close].text not in (")", ";"):
            continue  # «посетила город X, Y-ский район и Z»: a list, not an address
        words = fold(ctx.doc.mentions[region].normal).rstrip(".").split()
        if len(words) < 2 or words[-1] not in kinds:
            continue
        if _known_city(mention.normal) and (
                words[-1] in vocab.words("district_words")
                or not _known_within(mention.normal, ctx.doc.mentions[region].normal)):
            continue  # «(г. Москва, Тверской район)»: the district is the city's
        ctx.add(rule, ctx.entity(index), ctx.entity(region), mention.sent_id)


def _known_city(name: str) -> bool:
    """A city, or a city that is a federal subject («Москва»), by the gazetteer: a district
    named with it is its part, not what holds it."""
    found = gazetteer().lookup(name)
    return found is not None and is_town(found)


def _on_verb(ctx: Context, index: int) -> bool:
    """Does the parse hang the place's phrase on a verb (where something happened)?"""
    tokens = ctx.doc.tokens
    root = ctx.mention_root(index)
    head = tokens[root].head_id if root is not None else -1
    return head >= 0 and tokens[head].pos in ("VERB", "AUX")


def _settlements_listed(ctx: Context, start: int) -> list[int]:
    """The place mentions listed from ``start`` on («Ольховка, Липовка и Берёзовка»), each
    right after the one before past a comma or «и»; empty unless one opens at ``start``."""
    tokens = ctx.doc.tokens
    listed: list[int] = []
    t = start
    while True:
        index = ctx.mention_at.get(t)
        if index is None or ctx.first(index) != t or ctx.mention_type(index) != "LOC":
            return listed
        listed.append(index)
        t = ctx.last(index) + 1
        if t + 1 >= len(tokens) or t in ctx.mention_at or tokens[t].text not in (",", "и"):
            return listed
        t += 1


@matcher("located_participle_place")
def located_participle_place(ctx: Context, rule: RelationRule) -> None:
    """«в планируемой в Сулеймании промышленной зоне «X»», «на проходящей в Казани выставке
    «Y»»: a participle, «в» a place, and the name the participle describes right after."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if mention.type != "LOC" or first < 2 or tokens[first - 1].lemma not in ("в", "во"):
            continue
        participle = tokens[_participle_of_place(ctx, index)]
        if "VerbForm=Part" not in participle.feats or participle.token_id in ctx.mention_at:
            continue
        site = _described_after(ctx, ctx.last(index) + 1, case_of(participle))
        if site is not None and ctx.entity(site) != ctx.entity(index):
            ctx.add(rule, ctx.entity(site), ctx.entity(index), mention.sent_id)


def _participle_of_place(ctx: Context, index: int) -> int:
    """The word before the place's «в»; or, past the participle's own words between them
    («на прошедшем в пятницу в Гомеле форуме», «состоявшемся вчера в Y»: no name, no
    comma), the participle a few words before."""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    for p in range(first - 3, max(first - 7, -1), -1):
        if p in ctx.mention_at or tokens[p].pos == "PUNCT":
            break
        if "VerbForm=Part" not in tokens[p].feats:
            continue
        if all(u not in ctx.mention_at and tokens[u].pos != "PUNCT"
               and p <= tokens[u].head_id < first - 1 for u in range(p + 1, first - 1)):
            return p
        break
    return first - 2


def _described_after(ctx: Context, t: int, case: str | None) -> int | None:
    """The park, organisation or event named from ``t`` past lower-case adjectives and one
    generic head, in the participle's ``case``; None where anything else stands there."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.site_heads | vocab.words("event_nouns")  # «на прошедшем в Y форуме «X»»
    start, head_seen = t, False
    while t < len(tokens) and t not in ctx.mention_at and (
            lower_adjective(tokens[t]) or (tokens[t].lemma in heads and not head_seen)):
        head_seen = head_seen or tokens[t].lemma in heads
        t += 1  # one head only: «завода компании «X»» names the plant's owner
    t = _past_event_genitive(ctx, start, t)
    site = ctx.mention_at.get(t)
    if site is None or ctx.first(site) != t or ctx.mention_type(site) not in (
            "PARK", "ORG", "EVENT"):
        return None
    words = [w for w in (*range(start, t), *sorted(ctx.mention_tokens(site)))
             if tokens[w].pos in ("NOUN", "PROPN")]
    return site if words and case is not None and case_of(tokens[words[0]]) == case else None


def _past_event_genitive(ctx: Context, start: int, t: int) -> int:
    """Past one lower-case genitive noun (and its adjectives) after an event's generic head
    between ``start`` and ``t``: «форуме приграничных регионов «X»» names the forum X (a
    plant's genitive names its owner, so only an event's head); else ``t``."""
    tokens = ctx.doc.tokens
    if not any(tokens[u].lemma in ctx.vocab.words("event_nouns") for u in range(start, t)):
        return t
    u = t
    while u < len(tokens) and u not in ctx.mention_at and lower_adjective(tokens[u]) \
            and "Case=Gen" in tokens[u].feats:
        u += 1
    if u < len(tokens) and u not in ctx.mention_at and tokens[u].pos == "NOUN" \
            and tokens[u].text.islower() and "Case=Gen" in tokens[u].feats \
            and ctx.mention_at.get(u + 1) is not None:
        return u + 1
    return t


@matcher("located_created_in")
def located_created_in(ctx: Context, rule: RelationRule) -> None:
    """«открытие в Казани генерального консульства X», «строительство в Твери завода «Y»»: a
    noun of building or opening, «в» a place, and the site it builds in the genitive."""
    tokens, nouns = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    for token in tokens:  # where a site stands holds in reported speech too
        t = token.token_id
        if token.lemma not in nouns or t + 2 >= len(tokens) \
                or tokens[t + 1].lemma not in ("в", "во") or _called_off(ctx, t):
            continue
        place = ctx.mention_at.get(t + 2)
        if place is None or ctx.first(place) != t + 2 or ctx.mention_type(place) != "LOC":
            continue
        site = _described_after(ctx, ctx.last(place) + 1, "Gen")
        if site is not None and ctx.mention_type(site) != "EVENT":
            ctx.add(rule, ctx.entity(site), ctx.entity(place), token.sent_id)


def _called_off(ctx: Context, noun: int) -> bool:
    """Is the noun of building or opening refused, called off or only possible («отказалась
    от строительства …», «возможное открытие …»)? (``cancel_verbs``, ``refusal_verbs``,
    ``possibility_adjectives``)"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    head = tokens[noun].head_id
    return (head >= 0 and (tokens[head].lemma in vocab.words("cancel_verbs")
                           or tokens[head].lemma in vocab.words("refusal_verbs")
                           or ctx.negated(head))) \
        or any(tokens[c].lemma in vocab.words("possibility_adjectives")
               for c in ctx.children.get(noun, []))


@matcher("located_capital")
def located_capital(ctx: Context, rule: RelationRule) -> None:
    """«в столице Татарстана Казани», «административный центр области — Томск»: the town
    named after a capital word and its region is in that region."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), outside_mentions=True):
        region = ctx.mention_at.get(token.token_id + 1)
        if region is None or ctx.first(region) != token.token_id + 1 \
                or ctx.mention_type(region) != "LOC" \
                or "Case=Gen" not in tokens[ctx.last(region)].feats:
            continue
        c = ctx.last(region) + 1
        if c < len(tokens) and tokens[c].text == DASH:
            c += 1
        # «в столицу Ольховии город Кедровск», «столица края г. Липецк»: past a town word
        if c + 1 < len(tokens) and c not in ctx.mention_at \
                and tokens[c].lemma in ctx.vocab.place_descriptors:
            c += 2 if tokens[c + 1].text == "." else 1
        town = ctx.mention_at.get(c)
        if town is not None and ctx.first(town) == c and ctx.mention_type(town) == "LOC" \
                and ctx.entity(town) != ctx.entity(region):
            ctx.add(rule, ctx.entity(town), ctx.entity(region), token.sent_id)


@matcher("event_where")
def event_where(ctx: Context, rule: RelationRule) -> None:
    """«вернулась из Минска, где участвовала в выставке «X»»: an event named in the «где»
    clause after a place is held in that place; for a rule that takes parks and
    organisations, «побывали в Твери, где осмотрели завод «Y»»: the one site there; for a
    rule that places in parks, «посетили ОЭЗ «Z», где осмотрели завод компании «Y»»."""
    tokens = ctx.doc.tokens
    wanted = rule.args.get("arg2", ("LOC",))
    for token in tokens:
        t = token.token_id
        if token.lemma not in ctx.vocab.words(rule.trigger) or t < 2 or ctx.in_speech(t) \
                or tokens[t - 1].text != ",":
            continue
        place = ctx.mention_at.get(t - 2)
        if place is None or ctx.mention_type(place) not in wanted:
            continue
        sites = "EVENT" not in rule.args.get("arg1", ())
        in_park = ctx.mention_type(place) == "PARK"
        if sites and not (_visited_park(ctx, place) if in_park
                          else _after_in(ctx, ctx.first(place))):
            continue  # «побывали в Твери, где …»: where the visitors are, not where they are from
        clause = []
        for c in range(t + 1, len(tokens)):
            if tokens[c].sent_id != token.sent_id or (
                    c not in ctx.mention_at and tokens[c].text in CHUNK_BREAKS | {"."}):
                break
            clause.append(c)
        if in_park and any(ctx.planned(c) for c in clause if tokens[c].pos == "VERB"):
            continue  # «посетили ОЭЗ «Y», где планируется открыть завод «X»»: not there yet
        events = [i for i in ctx.mentions_in(clause) if (
            (_seen_site(ctx, rule, i) or (in_park and _seen_production(ctx, i))) if sites
            else ctx.mention_type(i) == "EVENT")]
        if len(events) == 1:
            ctx.add(rule, ctx.entity(events[0]), ctx.entity(place), token.sent_id)


def _visited_park(ctx: Context, index: int) -> bool:
    """Is the park where the visitors are: the object of a visit verb, or after «в»/«на»
    («посетили ОЭЗ «Z», где …», «побывали в технопарке «Z», где …»)?"""
    tokens = ctx.doc.tokens
    first = ctx.first(index)
    if first >= 1 and first - 1 not in ctx.mention_at \
            and tokens[first - 1].lemma in ("в", "во", "на"):
        return True
    head = next((tokens[w].head_id for w in ctx.mention_tokens(index)
                 if tokens[w].head_id not in ctx.mention_tokens(index)), -1)
    return head >= 0 and tokens[head].lemma in ctx.vocab.words("site_visit_verbs") \
        and not ctx.planned(head)


def _seen_production(ctx: Context, index: int) -> bool:
    """«осмотрели завод компании «Y»», «производство компании «Y»»: the owner of a plant the
    clause names as itself, not one talked about («рассказали о заводе компании «Y»»), one
    whose plant is itself another's genitive («о строительстве завода компании «Y»»,
    «продукцией завода …»), nor one only planned."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    owner = ctx.first(index) - 1
    plant = owner - 1
    return ctx.mention_type(index) == "ORG" and owner >= 1 and owner not in ctx.mention_at \
        and tokens[owner].lemma in vocab.org_heads \
        and tokens[plant].lemma in vocab.words("production_nouns") \
        and "Case=Gen" not in tokens[plant].feats \
        and not ctx.governed(plant, "о", "об", "с", "со") and not ctx.told_as_planned(plant)


def _seen_site(ctx: Context, rule: RelationRule, index: int) -> bool:
    """A park, or a plant or institution named by its head, that the clause names as itself
    («осмотрели завод «Y»»), not as the owner of something («продукцию завода «Y»», its
    head in the genitive: the thing may be elsewhere than the plant)."""
    if not _opened_site(ctx, rule, index):
        return False
    head = ctx.first(index) - 1
    tokens = ctx.doc.tokens
    named = head >= 0 and head not in ctx.mention_at and tokens[head].pos == "NOUN"
    word = head if named else ctx.first(index)
    if "Case=Gen" in tokens[word].feats or ctx.governed(word, "о", "об", "с", "со"):
        return False  # «рассказала о заводе «Y»», «соглашение с заводом «Y»»: no visit
    after = ctx.last(index) + 1  # «завод «Y» в Пекине», «из Z»: placed elsewhere
    place = ctx.mention_at.get(after + 1) if after + 1 < len(tokens) \
        and tokens[after].lemma in ("в", "во", "из", "под") else None
    return place is None or ctx.mention_type(place) != "LOC"


def _head_before(ctx: Context, index: int) -> str:
    """The lemma of the generic head right before a name, or of its first word
    («завод «Кварц»», «Кировский завод»: «завод»); "" when there is none."""
    tokens = ctx.doc.tokens
    t = ctx.first(index) - 1
    if t >= 0 and t not in ctx.mention_at and tokens[t].pos == "NOUN":
        return tokens[t].lemma
    words = [w for w in ctx.mention_tokens(index) if tokens[w].pos == "NOUN"
             or (w == ctx.first(index) and tokens[w].pos == "PROPN")]  # «Дом дружбы …»
    return tokens[words[0]].lemma if words else ""


def _own_head(ctx: Context, index: int) -> str:
    """The lemma of the common noun that opens an unquoted name, past its adjectives
    («Центр развития предпринимательства»: «центр», «Кедровского университета»:
    «университет»), where the «в» phrase after the name hangs on that noun, or on the one
    genitive word after it («Театра сатиры в Москве»), not on another noun of a longer name
    («Центр поддержки экспорта Татарстана в Китае»: the place of another noun of it), and the
    name holds no verb (a span NER ran on into the predicate); "" otherwise."""
    tokens = ctx.doc.tokens
    inside = sorted(ctx.mention_tokens(index))
    after = ctx.last(index) + 1
    position = 0
    while position < len(inside) - 1 and tokens[inside[position]].pos == "ADJ":
        position += 1
    head = inside[position]
    holders = [head] if len(inside) - position != 2 else [head, inside[-1]]
    place = next((c for h in holders for c in ctx.children.get(h, []) if c >= after), None)
    if tokens[head].pos not in ("NOUN", "PROPN") or place is None \
            or any(tokens[t].pos in ("VERB", "AUX") for t in inside):
        return ""
    return tokens[head].lemma


def _genitive_of_noun_before(ctx: Context, index: int) -> bool:
    """Is the name in the genitive right after a noun outside it («Конференция | Кедровского
    университета в X», «Ректор | Кедровской академии в X», «Концерт | … консерватории в X»)?
    The «в» phrase after it may then be where that noun's event, person or act is, or the
    verb's. Not a noun of its premises or grounds («на базе | Центра развития в Y», «на
    сцене | Театра сатиры в Y»), nor a post that is a predicate: they leave the place to the
    name."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    first, before = ctx.first(index), ctx.first(index) - 1
    if before < 0 or before in ctx.mention_at or not _common_noun(tokens[before]) \
            or "Case=Gen" not in tokens[first].feats:
        return False
    premises = vocab.premises_and_grounds
    return tokens[before].lemma not in premises and not _predicate_post(ctx, before)


def _titled_before_person(ctx: Context, index: int, place: int | None) -> bool:
    """«председатель совета университета X в Шанхае Чжоу Мин»: an institution in a post's
    genitive chain, its place and right after it the post holder's name: the place is part
    of the institution's description (not of an office's: «глава представительства …»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    if place is None or ctx.mention_type(ctx.mention_at.get(ctx.last(place) + 1, place)) != "PER":
        return False
    t = ctx.first(index) - 1
    while t > 0 and t not in ctx.mention_at and not vocab.is_title(tokens[t].lemma) \
            and tokens[t].pos == "NOUN" and "Case=Gen" in tokens[t].feats \
            and tokens[t].lemma not in vocab.words("office_nouns"):
        t -= 1
    return t >= 0 and t not in ctx.mention_at and vocab.is_title(tokens[t].lemma)


def _predicate_post(ctx: Context, t: int) -> bool:
    """Is the word at ``t``, or the noun its genitive chain hangs on, a post told as a
    predicate: in the instrumental («работает профессором | X»), or after a dash («он —
    профессор экономики | X»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    while t > 0 and t - 1 not in ctx.mention_at and not vocab.is_title(tokens[t].lemma) \
            and tokens[t].pos == "NOUN" and "Case=Gen" in tokens[t].feats:
        t -= 1  # «профессор экономики»: the chain's head
    if not vocab.is_title(tokens[t].lemma):
        return False
    return "Case=Ins" in tokens[t].feats or (t > 0 and tokens[t - 1].text in DASHES)


def _common_noun(token: Token) -> bool:
    """A common noun, also one the tagger took for a name for its capital letter at the
    start of a sentence («Конференция», «Ректор»: PROPN)."""
    if token.pos == "NOUN":
        return True
    parses = word_parses(token.text.lower()) if token.pos == "PROPN" else []
    return bool(parses) and parses[0].tag.POS == "NOUN" \
        and not PROPER_GRAMMEMES & parses[0].tag.grammemes


def _owner_after_head(ctx: Context, index: int) -> bool:
    """«центром Ростеха в Уфе», «центра кластера Ростеха в Уфе»: an unquoted name in the
    genitive after the head owns the site, it does not name it (the site is in Уфа, not its
    owner)."""
    tokens = ctx.doc.tokens
    first, head = ctx.first(index), ctx.first(index) - 1
    if head < 0 or head in ctx.mention_at or tokens[first].text in QUOTE_OPEN:
        return False
    return "Case=Gen" in tokens[first].feats


@matcher("located_opened")
def located_opened(ctx: Context, rule: RelationRule) -> None:
    """«В Казани открылся технопарк «X»», «в Твери построят индустриальный парк «Y»», «в
    Ржеве открылся завод «Z»»: a park (or a plant) opened, built or working in the one place
    after «в» in the clause."""
    tokens = ctx.doc.tokens
    starts, works = ctx.vocab.words("work_start_verbs"), ctx.vocab.words("work_start_objects")
    appearing = ctx.vocab.words("site_appearing_verbs")
    for token in ctx.triggers(ctx.vocab.words(rule.trigger) | starts | appearing):
        t = token.token_id
        arguments = [c for c in ctx.children.get(t, [])
                     if tokens[c].rel in ("nsubj", "nsubj:pass", "obj")]
        if token.lemma in starts:
            # «начал работу парк «X»»: «работу» says it opened, it is not what was opened
            if not any(tokens[c].rel == "obj" and tokens[c].lemma in works for c in arguments):
                continue
            arguments = [c for c in arguments if tokens[c].rel != "obj"]
        if any(tokens[c].rel == "obj" for c in arguments):
            # «технополис «X» откроет филиал в Y»: the subject opens something else there
            arguments = [c for c in arguments if tokens[c].rel != "nsubj"]
        elif _active_transitive(token) and any(c < t for c in arguments) \
                and any(c > t for c in arguments):
            # «технопарк «X» откроет филиал в Y» read with two subjects: the noun after an
            # active verb is what it opens
            arguments = [c for c in arguments if c > t]
        if token.rel == "xcomp" and not arguments and token.head_id >= 0:
            # «технопарк «X» должен открыться в Y»: the subject of the word it completes
            arguments = [c for c in ctx.children.get(token.head_id, [])
                         if tokens[c].rel in ("nsubj", "nsubj:pass")]
        if token.rel in ("acl", "amod") and token.head_id < t and tokens[t - 1].text == ",":
            arguments.append(_before_relative(ctx, t))  # «технопарк «X», открытый в Y»
        which = next((c for c in ctx.children.get(t, []) if c < t and tokens[c].lemma ==
                      "который" and tokens[c].rel in ("nsubj", "nsubj:pass")), None)
        if which is not None and not any(tokens[c].rel == "obj" for c in arguments):
            arguments.append(_before_relative(ctx, which))  # «парк «X», который строится в Y»
        # one argument's names: «два технопарка — «A» и «B»» opens both
        named = [{ctx.mention_at[g] for g in _argument_names(ctx, c)
                  if g in ctx.mention_at and _opened_site(ctx, rule, ctx.mention_at[g])}
                 for c in arguments]
        named = [names for names in named if names]
        if len(named) != 1:
            continue
        parks = {p for p in named[0] if not _gapped_clause_site(ctx, t, p)}
        start, end = ctx.clause_bounds(t)
        if start >= 1 and tokens[start - 1].head_id == t \
                and tokens[start - 1].rel in ("aux", "aux:pass"):
            start = ctx.clause_bounds(start - 1)[0]  # «в Y был открыт парк»: past «был»
        # «на территории ТОР «X» в Y открыли парк «Z»»: a place after the zone a park is
        # opened in holds the park too
        places = [i for i in ctx.mentions_in(range(start, end))
                  if ctx.mention_type(i) == "LOC" and (_after_in(
                      ctx, ctx.first(i), after_name=_after_park(ctx, ctx.first(i)))
                      or _under_town(ctx, ctx.first(i)) or _in_capital(ctx, ctx.first(i))
                      or _on_grounds_of(ctx, ctx.first(i)) or _in_described(ctx, ctx.first(i)))]
        if token.lemma in appearing:
            # «X появится на выставке в Y»: it appears at the event; the place must hang
            # on the verb
            places = [i for i in places if _hangs_on(ctx, i, t)]
        # «в Y открыт первый в Z технопарк»: Z only ranks the park, Y is where it opened
        plain = [i for i in places if not _ranking_scope(ctx, i)]
        places = plain or places
        fronted = _fronted_place(ctx, t)
        if fronted is not None and fronted in places:
            places = [fronted]  # «…, а в Y строится парк «X»»: the place that opens its clause
        relative = _place_of_relative(ctx, t)
        if relative is not None and ctx.mention_type(relative) == "LOC":
            places = [relative]  # «Ольховск, где строится завод «X»»: the place described
        pointed = _place_pointed_back(ctx, t) if not places else None
        if pointed is not None:
            for park in parks:  # «… в Казань. Здесь работает технопарк «X»»
                ctx.add(rule, ctx.entity(park), pointed, token.sent_id)
        if len(places) == 1:
            for park in parks:
                for place in _places_named_with(ctx, places[0]):
                    ctx.add(rule, ctx.entity(park), ctx.entity(place), token.sent_id)


def _active_transitive(token: Token) -> bool:
    """Is the verb active and not reflexive («откроет», not «откроется», «открыт»)?"""
    return token.pos == "VERB" and not token.lemma.endswith(("ся", "сь")) \
        and "Voice=Pass" not in token.feats and "VerbForm=Part" not in token.feats


def _gapped_clause_site(ctx: Context, verb: int, park: int) -> bool:
    """«в X появится технопарк «A», а в Y — парк «B»»: a park after a dash that follows a
    place of its own after the verb stands in a clause that leaves the verb out."""
    first = ctx.first(park)
    if first < 1 or ctx.doc.tokens[first - 1].text not in DASHES:
        return False
    return any(ctx.mention_type(i) == "LOC" for i in ctx.mentions_in(range(verb + 1, first)))


def _hangs_on(ctx: Context, index: int, verb: int) -> bool:
    """Does the mention's root hang on the verb itself (not on a noun between them)?"""
    root = ctx.mention_root(index)
    return root is not None and ctx.doc.tokens[root].head_id == verb


def _in_described(ctx: Context, first: int) -> bool:
    """«в подмосковном Ольховске»: «в» and one lower-case adjective agreeing with the place."""
    tokens = ctx.doc.tokens
    return first >= 2 and first - 1 not in ctx.mention_at and lower_adjective(tokens[first - 1]) \
        and tokens[first - 1].head_id == first and tokens[first - 2].lemma in ("в", "во")


def _places_named_with(ctx: Context, place: int) -> list[int]:
    """The place a site opens in, the places joined to it by «и» and the region in the
    genitive right after them: «в Ольховске и Кедровском районе Берёзовской области
    появится парк» puts the park in all three."""
    joined = ctx.conjoined(place)
    after = ctx.last(joined[-1]) + 1
    region = ctx.mention_at.get(after)
    if region is not None and ctx.first(region) == after and ctx.mention_type(region) == "LOC" \
            and case_of(ctx.doc.tokens[after]) == "Gen" and region not in joined:
        joined.append(region)
    return joined


def _argument_names(ctx: Context, c: int) -> list[int]:
    """The words that name a verb's argument ``c``: itself, its apposition or flat name,
    a name after a dash («технопарка — «A»»), and the names joined to those by «и»."""
    tokens = ctx.doc.tokens
    names = [c] + [g for g in ctx.children.get(c, []) if tokens[g].rel in ("appos", "flat:name")
                   or (tokens[g].rel == "parataxis" and g > c and any(
                       tokens[u].text in (DASH, "–") for u in range(max(c + 1, g - 3), g)))]
    joined = [j for g in names for j in ctx.children.get(g, [])
              if tokens[j].rel == "conj" and j > g]
    # «технопарк «A» и технопарк «B»»: a joined head's own name too
    joined += [a for j in joined if j in ctx.children.get(c, []) for a in ctx.children.get(j, [])
               if tokens[a].rel in ("appos", "flat:name")]
    return names + joined


def _opened_site(ctx: Context, rule: RelationRule, index: int) -> bool:
    """Is the mention a site the rule places where it opens: a park, or (for a rule that
    takes organisations) one named as a plant or an institution («завод «X»»,
    «университет «Y»»), not a company that opens something there?"""
    kind = ctx.mention_type(index)
    if kind not in rule.args.get("arg1", ()):
        return False
    if kind != "ORG":
        return True
    vocab = ctx.vocab
    heads = vocab.words("plant_nouns") | vocab.words("located_site_heads") \
        | vocab.words("production_nouns")
    return _head_before(ctx, index) in heads and not _owner_after_head(ctx, index)


def _on_grounds_of(ctx: Context, first: int) -> bool:
    """«на территории Ольховского района построят парк», «на юге Кедровской области
    заработает ОЭЗ»: the place in the genitive after «на территории» (``site_area_nouns``)
    or «на юге» (``side_nouns``), whose grounds or part a site is opened on."""
    tokens = ctx.doc.tokens
    if first < 2 or first - 1 in ctx.mention_at or case_of(tokens[first]) != "Gen":
        return False
    noun, preposition = tokens[first - 1].lemma, tokens[first - 2].lemma
    return (noun in ctx.vocab.site_area_nouns and preposition in ("на", "в")) or (
        noun in ctx.vocab.words("side_nouns") and preposition == "на")


def _under_town(ctx: Context, first: int) -> bool:
    """«парк, созданный под Тверью»: «под» and the instrumental place a site is built by
    (the annotation counts the outskirts as the town's)."""
    tokens = ctx.doc.tokens
    return first >= 2 and tokens[first - 1].lemma == "под" \
        and "Case=Ins" in tokens[first].feats and first - 2 not in ctx.mention_at


def _ranking_scope(ctx: Context, index: int) -> bool:
    """Is the place the scope of a rank («первый в Z», «крупнейший в Z»): its name hangs
    on an adjective that is no participle?"""
    root = ctx.mention_root(index)
    if root is None or ctx.doc.tokens[root].head_id < 0:
        return False
    head = ctx.doc.tokens[ctx.doc.tokens[root].head_id]
    return head.pos == "ADJ" and "VerbForm" not in head.feats


def _after_park(ctx: Context, first: int) -> bool:
    """Does a park's name end right before «в» (and a descriptor) at ``first``?"""
    tokens = ctx.doc.tokens
    t = first - 1
    while t > 0 and t not in ctx.mention_at and tokens[t].lemma not in ("в", "во"):
        t -= 1
    return t - 1 in ctx.mention_at and ctx.mention_type(ctx.mention_at[t - 1]) == "PARK" \
        and t >= first - 3


@matcher("territory_after_place")
def territory_after_place(ctx: Context, rule: RelationRule) -> None:
    """«В Алтайском крае на территории ОЭЗ «X» побывала делегация»: a place, then «на
    территории» a park or organisation: that is in the place."""
    tokens = ctx.doc.tokens
    area_nouns = ctx.vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or not _after_in(ctx, ctx.first(index)):
            continue
        t = ctx.last(index) + 1
        if t + 2 >= len(tokens) or tokens[t].lemma != "на" or tokens[t + 1].lemma not in area_nouns:
            continue
        site = ctx.mention_at.get(t + 1) if t + 1 in ctx.mention_at else ctx.mention_at.get(t + 2)
        if site is not None and ctx.mention_type(site) in ("PARK", "ORG"):
            ctx.add(rule, ctx.entity(site), ctx.entity(index), mention.sent_id)


@matcher("site_after_place")
def site_after_place(ctx: Context, rule: RelationRule) -> None:
    """«в Ташкенте на выставке «X»», «в Харбине в рамках ЭКСПО», «в Казани в технопарке
    «Y»», «в Москве в Национальном центре «Z»»: a place after «в», then «на»/«в» (or «в
    рамках» for an event) and a park, event or organisation named right after its generic
    words is in that place."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    generic = vocab.words(rule.trigger) | vocab.named_heads
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "LOC" or not _after_in(ctx, ctx.first(index)):
            continue
        t = ctx.last(index) + 1
        if t + 1 >= len(tokens) or t in ctx.mention_at \
                or tokens[t].lemma not in ("в", "во", "на"):
            continue
        framed = ctx.phrase_from(t, ["в", "рамка"])  # «в рамках ЭКСПО»: only an event
        u = t + 1 + int(framed)
        while u < t + 5 and u < len(tokens) and u not in ctx.mention_at and (
                tokens[u].lemma in generic or tokens[u].pos in ("ADJ", "NUM")
                or (tokens[u].text.isupper() and tokens[u].pos != "PROPN")):
            u += 1  # «на VIII международной выставке «X»»
        site = ctx.mention_at.get(u)
        if site is None or ctx.first(site) != u or tokens[u].sent_id != mention.sent_id:
            continue
        wanted = ("EVENT",) if framed else ("EVENT", "PARK", "ORG")
        if ctx.mention_type(site) in wanted or (not framed and _a_venue(ctx, site)):
            ctx.add(rule, ctx.entity(site), ctx.entity(index), mention.sent_id)


@matcher("located_visited")
def located_visited(ctx: Context, rule: RelationRule) -> None:
    """«В Буйском районе они посетили предприятие «X» и завод «Y»»: what is visited is in
    the one place of «в» (in the locative) that the verb itself takes."""
    tokens = ctx.doc.tokens
    resident = rule.relation == "RESIDENT_OF"  # «в технопарке «Y» гости посетили компанию X»
    for token in ctx.triggers(ctx.vocab.words(rule.trigger)):
        t = token.token_id
        children = ctx.children.get(t, [])
        if resident:  # the park itself, or its territory, is the verb's own «в»/«на» phrase
            places = [ctx.entity(ctx.mention_at[c]) for c in children if tokens[c].rel == "obl"
                      and c in ctx.mention_at and ctx.mention_type(ctx.mention_at[c]) == "PARK"
                      and _after_in(ctx, ctx.first(ctx.mention_at[c]))]
            places += [ctx.entity(park) for c in children if tokens[c].rel == "obl"
                       and c not in ctx.mention_at and c >= 1
                       and tokens[c].lemma in ctx.vocab.site_area_nouns
                       and tokens[c - 1].lemma in ("в", "на")
                       and (park := _park_of_area(ctx, c)) is not None]
        else:
            places = [ctx.entity(ctx.mention_at[c]) for c in children if tokens[c].rel == "obl"
                      and c in ctx.mention_at and "Case=Loc" in tokens[c].feats
                      and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                      and _after_in(ctx, ctx.first(ctx.mention_at[c]))]
        objects = [c for c in children if tokens[c].rel == "obj"]
        if not resident:  # «в Аргуне они побывали на заводе «X»»: a site the verb is at
            objects += [c for c in children if tokens[c].rel == "obl" and any(
                tokens[g].rel == "case" and tokens[g].lemma in ("в", "во", "на")
                for g in ctx.children.get(c, []))]
        objects += [g for c in objects for g in ctx.children.get(c, []) if tokens[g].rel == "conj"]
        if not places and not resident:
            # «посетили предприятие «X» в Твери»: the place the parse hangs on what is visited,
            # of that one alone (not «в музее «A», ассоциации «B» и компании «C» в Цзяи»: C's)
            carrying = []
            for c in objects:
                found = [ctx.entity(ctx.mention_at[g]) for a in (c, *ctx.children.get(c, []))
                         if a == c or tokens[a].rel == "appos"
                         for g in ctx.children.get(a, []) if tokens[g].rel == "nmod"
                         and g in ctx.mention_at and "Case=Loc" in tokens[g].feats
                         and ctx.mention_type(ctx.mention_at[g]) == "LOC"
                         and _after_in(ctx, ctx.first(ctx.mention_at[g]), after_name=True)]
                if found:
                    places += found
                    carrying.append(c)
            if carrying and len(carrying) < len(objects):
                objects = carrying
        if not places and not resident and (pointed := _place_pointed_back(ctx, t)) is not None:
            places = [pointed]  # «… прибыли в Казань. Здесь они посетили завод «X»»
        if len(set(places)) != 1:
            continue
        place = places[0]
        sites = set()
        for c in objects:
            for g in (c, *ctx.children.get(c, [])):
                index = ctx.mention_at.get(g)
                if g > c and any(tokens[w].text == "," for w in range(c, g)):
                    continue  # (a name the parse hung here past a comma is the list's next)
                if index is not None and (g == c or tokens[g].rel in ("appos", "flat:name")) \
                        and ctx.mention_type(index) in (
                            ("ORG",) if resident else ("ORG", "PARK", "EVENT")) \
                        and not ctx.title_dependent(index) \
                        and not _contrast_between(ctx, index, place):
                    sites.add(ctx.entity(index))
        for site in sites:
            if site != place:
                ctx.add(rule, site, place, token.sent_id)


def _contrast_between(ctx: Context, index: int, place: int) -> bool:
    """Does «а» stand between a site's mention and the place's nearest mention in its
    sentence («завод «X» в Дзержинске, а марийские коллеги — технопарк «Y»»: Y is not in
    Дзержинск)?"""
    first = ctx.first(index)
    sent_id = ctx.doc.tokens[first].sent_id
    spots = [ctx.first(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
             if ctx.entity(i) == place]
    if not spots:
        return False
    spot = min(spots, key=lambda t: abs(t - first))
    return any(ctx.contrast_at(t) for t in range(min(spot, first) + 1, max(spot, first)))


def _paired_list(ctx: Context, index: int, place: int) -> bool:
    """Is «X в Y» one item of a list of such pairs («операторы: «A» в N, «B» в M»)? A
    company «в Y» alone may say where something happened, not where it is."""
    tokens = ctx.doc.tokens

    def pair_at(name: int | None) -> bool:
        if name is None or ctx.mention_type(name) not in ("ORG", "PARK"):
            return False
        t = ctx.last(name) + 1
        return t + 1 < len(tokens) and tokens[t].lemma in ("в", "во") \
            and ctx.mention_at.get(t + 1) is not None \
            and ctx.mention_type(ctx.mention_at[t + 1]) == "LOC"

    after = ctx.last(place) + 1
    if after + 1 < len(tokens) and tokens[after].text in (",", "и", ";") \
            and pair_at(ctx.mention_at.get(after + 1)):
        return True
    before = ctx.first(index) - 1
    if before - 1 >= 0 and tokens[before].text in (",", "и", ";"):
        previous = ctx.mention_at.get(before - 1)  # the place of the item before
        if previous is not None and ctx.mention_type(previous) == "LOC":
            opening = ctx.first(previous) - 1
            return opening - 1 >= 0 and tokens[opening].lemma in ("в", "во") \
                and pair_at(ctx.mention_at.get(opening - 1))
    return False


def _partner_country(ctx: Context, index: int, place: int) -> bool:
    """«проектов, реализованных в Астане совместно с зарубежными странами: завод «X» (Испания)»:
    is the bracketed country one other than that of a place the sentence names after «в»
    before the site (where the site is; the brackets name the partner's country)?"""
    bracketed = gazetteer().lookup(ctx.doc.mentions[place].normal)
    if bracketed is None or bracketed.kind != "country":
        return False
    first = ctx.first(index)
    for other in ctx.mentions_in(ctx.sentence(ctx.doc.mentions[index].sent_id)):
        if ctx.first(other) >= first or ctx.mention_type(other) != "LOC" \
                or not ctx.governed(ctx.first(other), "в", "во"):
            continue
        where = gazetteer().lookup(ctx.doc.mentions[other].normal)
        if where is not None and where.kind != "country" and where.country != bracketed.country:
            return True
    return False


@matcher("located_paren")
def located_paren(ctx: Context, rule: RelationRule) -> None:
    """«провинции Аньхой (КНР)», «агентство X (Гуанчжоу)»: one place in parentheses."""
    tokens = ctx.doc.tokens
    abbreviations = {fold(w) for w in ctx.vocab.words(rule.trigger)}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in PLACED_TYPES:
            continue
        t = ctx.last(index) + 1
        if t + 2 >= len(tokens) or tokens[t].text not in ("(", "/") or t in ctx.mention_at:
            continue
        # «компания X /Китай/»: news agencies' slashes bracket a place as parentheses do
        closer = ")" if tokens[t].text == "(" else "/"
        # «Харбин (провинция Хэйлунцзян, Северо-Восточный Китай)»: after a descriptor in the
        # nominative the first place is the one, whatever follows it
        d = t + 1  # «(восточная провинция Шаньдун)»: past an adjective before the descriptor
        if lower_adjective(tokens[d]) and d not in ctx.mention_at:
            d += 1
        described = tokens[d].lemma in ctx.vocab.geo_descriptors \
            and d not in ctx.mention_at and "Case=Nom" in tokens[d].feats
        opening = d + 1 if described else t + 1
        address = _town_abbreviation(ctx, t + 1)
        if address:
            opening = t + 3  # «(г. Томск)», «(г. Томск, ул. Ленина, 5)»: an address
        place = ctx.mention_at.get(opening)
        if place is None or ctx.mention_type(place) != "LOC" or ctx.first(place) != opening:
            continue
        close = _past_abbreviation_dot(ctx, ctx.last(place) + 1)
        inner: list[int] = []  # more places of an address: a town after its region, a region
        region = ctx.mention_at.get(close)
        if region is not None and ctx.first(region) == close \
                and ctx.mention_type(region) == "LOC" \
                and "Case=Gen" in tokens[ctx.last(region)].feats:
            inner.append(region)  # «(г. Ржев Тверской области)»
            close = _past_abbreviation_dot(ctx, ctx.last(region) + 1)
        elif close + 3 < len(tokens) and tokens[close].text == "," \
                and _town_abbreviation(ctx, close + 1):
            town = ctx.mention_at.get(close + 3)  # «(Тверская область, г. Ржев)»
            if town is not None and ctx.first(town) == close + 3 \
                    and ctx.mention_type(town) == "LOC":
                inner.append(town)
                address = True  # the street may follow
                close = _past_abbreviation_dot(ctx, ctx.last(town) + 1)
        wider = ctx.mention_at.get(close + 1) if close + 1 < len(tokens) \
            and tokens[close].text == "," and not inner else None
        if wider is not None and ctx.mention_type(wider) == "LOC" and _wider(
                ctx.doc.mentions[place].normal, ctx.doc.mentions[wider].normal) \
                and ctx.first(wider) == close + 1 and ctx.last(wider) + 1 < len(tokens) \
                and tokens[ctx.last(wider) + 1].text == closer and not described \
                and not address:
            # «технопарк «X» (Шанхай, Китай)»: the first place is in the second
            ctx.add(rule, ctx.entity(place), ctx.entity(wider), mention.sent_id)
            close = ctx.last(wider) + 1
        dated = mention.type == "EVENT" and _dates_follow(ctx, close)
        if close >= len(tokens) or tokens[close].text not in (
                (closer, ",") if described or address or dated else (closer,)):
            continue
        name = ctx.doc.mentions[place].text
        if (name.isupper() or name.isascii()) and fold(name) not in abbreviations:
            continue  # «корпорации … (OPIC)», «Канцелярии … (КИД)»: an acronym of the name
        if mention.type == "ORG" and tokens[ctx.last(index)].text[:1].isupper() \
                and " " not in name and gazetteer().lookup(name) is None:
            continue  # «Института продвижения торговли Халиско (Халэкспорт)»: a name that
            # ends in its place has its short name in brackets, not another place
        if mention.type in ("ORG", "PARK") and _partner_country(ctx, index, place):
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(place), mention.sent_id)
        for other in inner:
            ctx.add(rule, ctx.entity(index), ctx.entity(other), mention.sent_id)
        if mention.type == "LOC" and not described and not address:
            for joined in _listed_towns_before(ctx, index, place):
                ctx.add(rule, ctx.entity(joined), ctx.entity(place), mention.sent_id)


def _past_abbreviation_dot(ctx: Context, t: int) -> int:
    """«(Тверская обл.)»: past the dot that ends an abbreviated descriptor at ``t - 1``."""
    tokens = ctx.doc.tokens
    if 1 <= t < len(tokens) - 1 and tokens[t].text == "." and tokens[t + 1].text in (")", ",") \
            and tokens[t - 1].text.islower() and len(tokens[t - 1].text) <= 4:
        return t + 1
    return t


def _listed_towns_before(ctx: Context, index: int, wider: int) -> list[int]:
    """«Хэйхэ, Суйфэньхэ и Тунцзян (КНР)»: the towns listed before the last one, when the
    gazetteer puts none of those it knows elsewhere (not «Пермь и Харбин (КНР)»)."""
    tokens, listed = ctx.doc.tokens, _listed_before(ctx, index)
    t = ctx.first(listed[-1] if listed else index) - 1
    if t >= 0 and tokens[t].text == "," and t - 1 in ctx.mention_at:
        return []  # «…, X, Y и Z (КНР)» opened by a name of another kind: unsure
    names = [ctx.doc.mentions[i].normal for i in [index, *listed]]
    wider_name = ctx.doc.mentions[wider].normal
    if any(_country(n) for n in names) or not all(
            gazetteer().lookup(n) is None or _known_within(n, wider_name)
            or _region_of_country(n, wider_name) for n in names):
        return []
    return listed


def _region_of_country(place: str, country: str) -> bool:
    """Does the gazetteer put the region ``place`` in ``country`` («Акиты, Ниигаты (Япония)»:
    two prefectures)?"""
    found, holder = gazetteer().lookup(place), gazetteer().lookup(country)
    return found is not None and holder is not None and holder.kind == "country" \
        and found.kind == "region" and found.country == holder.country


def _wider(place: str, wider: str) -> bool:
    """Can ``wider`` hold ``place`` by the gazetteer: a country or a region, and ``place``
    no country («(Шанхай, Китай)», not «(Пекин, Шанхай)»)?"""
    found = gazetteer().lookup(wider)
    return found is not None and found.kind != "city" and not _country(place)


def _country(name: str) -> bool:
    """Is ``name`` a country in the places gazetteer?"""
    place = gazetteer().lookup(name)
    return place is not None and place.kind == "country"


def _dates_follow(ctx: Context, t: int) -> bool:
    """«(Екатеринбург, 12–15 мая)»: after the comma at ``t``, only a date closes the
    parenthesis."""
    tokens = ctx.doc.tokens
    if t >= len(tokens) or tokens[t].text != ",":
        return False
    rest = []
    for u in range(t + 1, min(t + 8, len(tokens))):
        if tokens[u].text == ")":
            return any(w.text[:1].isdigit() for w in rest) and not any(
                w in ctx.mention_at for w in range(t + 1, u))
        rest.append(tokens[u])
    return False


@matcher("located_adjective")
def located_adjective(ctx: Context, rule: RelationRule) -> None:
    """«кольцовской компании «Вектор-БиАльгам»», «шанхайском районе Хункоу», «японская
    компания X»: an origin adjective before a generic head and the name."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.words(rule.trigger) | vocab.geo_descriptors | vocab.org_heads
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in PLACED_TYPES or (
                # «томских вузов»: a common noun in the plural names no one thing
                ctx.first(index) == ctx.last(index)
                and "Number=Plur" in tokens[ctx.first(index)].feats):
            continue
        t = ctx.first(index) - 1
        headed = t >= 0 and tokens[t].lemma in vocab.org_heads
        if t >= 0 and tokens[t].lemma in heads and (t not in ctx.mention_at or ctx.mention(
                t).type == DELEGATION):
            t -= 1
        ranked = ctx.mention_at.get(t)
        if ranked is not None and ctx.mention_type(ranked) == "LOC" and mention.type == "PARK" \
                and ctx.first(ranked) >= 2 and tokens[ctx.first(ranked) - 1].lemma == "в" \
                and tokens[ctx.first(ranked) - 2].pos == "ADJ":
            # «крупнейший в Сибири технопарк «X»», «первый в регионе индустриальный парк»
            ctx.add(rule, ctx.entity(index), ctx.entity(ranked), mention.sent_id)
            continue
        # «белорусского Парка цифровых технологий»: a park stands in its country, unless
        # the text puts it elsewhere («китайский индустриальный парк в Минске»)
        by_adjective = (headed and mention.type == "ORG") or (
            mention.type == "PARK" and not _in_after(ctx, index))
        sentence_start = ctx.doc.sentences[mention.sent_id].first_token
        while t >= 0 and t not in ctx.mention_at and tokens[t].pos == "ADJ" \
                and tokens[t].sent_id == mention.sent_id:
            if tokens[t].text[:1].isupper() and t != sentence_start:
                break  # «Гуандунского союза …»: a capitalised adjective opens the name
            place = place_of_adjective(ctx, tokens[t], by_adjective)
            if place is not None:
                ctx.add(rule, ctx.entity(index), place, mention.sent_id)
                break
            t -= 1


@matcher("located_town_adjective")
def located_town_adjective(ctx: Context, rule: RelationRule) -> None:
    """«в пензенском технопарке «X»» where the text names Пенза: the adjective, right before
    the site's generic head, names a town of the text (or a one-word region), not a country."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.words(rule.trigger) | vocab.org_heads
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in ("PARK", "ORG"):
            continue
        t = ctx.first(index)
        # «технопарк «X»» («ИТ-парк «X»», «индустриальном парке «X»»: past the head's own
        # adjectives) as one mention, else the head before it
        inner = next((u for u in range(t, min(t + 3, ctx.last(index) + 1))
                      if compound_head(tokens[u].lemma) in heads), None)
        if inner is not None and inner > t and tokens[t].pos == "ADJ" \
                and tokens[t].text[:1].isupper() and mention.type == "PARK" \
                and all(lower_adjective(tokens[u]) for u in range(t + 1, inner)):
            # «Пекинский индустриальный парк «X»»: the town's adjective opens a park's name
            # (a body's, «Томский институт …», tells where it comes from, not where it is)
            place = _town_of_adjective(ctx, tokens[t].lemma, region=True)
            if place is not None:
                ctx.add(rule, ctx.entity(index), place, mention.sent_id)
            continue
        if inner is None or not all(lower_adjective(tokens[u]) for u in range(t, inner)):
            if tokens[t].text != QUOTE_OPEN:
                continue  # («приморским компаниям СЭЗ «X»»: a name with its own type word)
            t -= 1
            if t < 0 or t in ctx.mention_at or compound_head(tokens[t].lemma) not in heads:
                continue
        adjective = t - 1
        # (capitalised only as the sentence's first word: «Казанский технопарк «X» …»)
        opening = adjective >= 0 and adjective == ctx.sentence(mention.sent_id).start \
            and tokens[adjective].pos == "ADJ"
        if adjective < 0 or adjective in ctx.mention_at \
                or tokens[adjective].sent_id != mention.sent_id \
                or not (lower_adjective(tokens[adjective]) or opening):
            continue
        place = _town_of_adjective(ctx, tokens[adjective].lemma, region=mention.type == "PARK")
        if place is not None:
            ctx.add(rule, ctx.entity(index), place, mention.sent_id)


@matcher("located_described_by_adjective")
def located_described_by_adjective(ctx: Context, rule: RelationRule) -> None:
    """«в китайском городе Нинбо», «японской префектуры Симанэ», «в белорусском Бобруйске»,
    «белорусская столица Минск», «карельские города Сортавала и Петрозаводск»: a place after a
    place's origin adjective (and its own descriptor, if any; a plural one's list too) is in
    the place of the adjective, where the text names it (``place_of_adjective``)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    descriptors = vocab.place_descriptors | vocab.words("capital_nouns")
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if mention.type != "LOC" or first < 1 or first - 1 in ctx.mention_at:
            continue
        described = tokens[first - 1].lemma in descriptors
        if described and tokens[first].rel == "nmod" and tokens[first].head_id == first - 1 \
                and "Number=Plur" in tokens[first - 1].feats:
            continue  # «дальневосточных регионов России»: the regions', not Russia's adjective
        head = tokens[first - 1] if described else tokens[first]
        at = first - 1 - int(described)
        if at < 0 or at in ctx.mention_at or tokens[at].sent_id != mention.sent_id:
            continue
        adjective = tokens[at]
        # (capitalised only as the sentence's first word: «Китайский город Нинбо стал …»)
        opening = at == ctx.sentence(mention.sent_id).start and adjective.pos == "ADJ"
        if not (lower_adjective(adjective) or opening) or not feats_agree(adjective, head) \
                or (not described and case_of(adjective) != case_of(head)):
            continue
        place = place_of_adjective(ctx, adjective, company=True)
        if place is None:
            continue
        listed = ctx.conjoined(index) if "Number=Plur" in head.feats else [index]
        for one in listed:
            if ctx.entity(one) != place:
                ctx.add(rule, ctx.entity(one), place, mention.sent_id)


@matcher("located_event_in_place")
def located_event_in_place(ctx: Context, rule: RelationRule) -> None:
    """«В Санкт-Петербурге, на площадке форума «X», прошла церемония», «заседание прошло в
    Казани во время фестиваля «Y»», «его показывали в Омске на салоне «Z»»: an event that
    sets what a verb tells (``events.set_at``: «на», «в рамках», «в ходе»; or «во время») is
    in the one place in the locative after «в» that the same verb takes: what happened there
    happened at the event."""
    from .events import set_at  # (events reads this module's helpers)

    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        root = ctx.mention_root(index)
        if mention.type != "EVENT" or root is None or _another_edition(ctx, index):
            continue
        sentence = ctx.sentence(mention.sent_id)
        if not (set_at(ctx, index, sentence) or _during_event(ctx, index)):
            continue
        verb = ctx.verb_over(root)
        if verb is None:
            continue
        places = [ctx.mention_at[c] for c in ctx.children.get(verb, [])
                  if tokens[c].rel == "obl" and c in ctx.mention_at
                  and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                  and ctx.first(ctx.mention_at[c]) == c and _after_in(ctx, c)
                  and case_of(tokens[c]) == "Loc"]
        if len(places) == 1:
            ctx.add(rule, ctx.entity(index), ctx.entity(places[0]), mention.sent_id)


def _during_event(ctx: Context, index: int) -> bool:
    """Does «во время» (or «в дни»: ``event_time_openings``) stand before the event, past its
    generic words?"""
    tokens, t = ctx.doc.tokens, ctx.first(index) - 1
    while t > 1 and t not in ctx.mention_at and (
            tokens[t].lemma in ctx.vocab.words("event_nouns") or lower_adjective(tokens[t])
            or tokens[t].text == QUOTE_OPEN):
        t -= 1
    return t >= 1 and f"{tokens[t - 1].lemma} {tokens[t].lemma}" \
        in ctx.vocab.words("event_time_openings")


@matcher("located_came_for_event")
def located_came_for_event(ctx: Context, rule: RelationRule) -> None:
    """«делегация прибыла в Джакарту для участия в выставке «X»», «… приехал в Омск, чтобы
    принять участие в форуме «X»»: the event a group came to a place to take part in is
    held there."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    for token in ctx.triggers(vocab.words("arrival_verbs")):
        places = [ctx.mention_at[c] for c in ctx.children.get(token.token_id, [])
                  if tokens[c].rel == "obl" and c in ctx.mention_at
                  and ctx.mention_type(ctx.mention_at[c]) == "LOC"
                  and ctx.governed(c, "в", "во") and case_of(tokens[c]) == "Acc"]
        if len(places) != 1:
            continue
        t = ctx.last(places[0]) + 1
        if t + 1 < len(tokens) and tokens[t].lemma == "из" and t + 1 in ctx.mention_at:
            t = ctx.last(ctx.mention_at[t + 1]) + 1  # «в Казань из Ташкента для участия …»
        if t < len(tokens) and tokens[t].text == ",":
            t += 1
        # «для участия в», «чтобы принять участие в», «чтобы участвовать в»
        purpose = [w for w in range(t, min(t + 4, len(tokens)))
                   if tokens[w].sent_id == token.sent_id]
        if not purpose or tokens[purpose[0]].lemma not in ("для", "чтобы") or not any(
                tokens[w].lemma in vocab.participation_nouns
                or tokens[w].lemma in vocab.words(rule.trigger) for w in purpose[1:]):
            continue
        event = ctx.first_mention_after(purpose[0] + 1, ("EVENT",), 10)
        if event is not None:
            ctx.add(rule, ctx.entity(event), ctx.entity(places[0]), token.sent_id)


@matcher("located_exemplified")
def located_exemplified(ctx: Context, rule: RelationRule) -> None:
    """«парки России, прежде всего «X»», «технопарки Казахстана, например «X» и «Y»»: the
    parks given as examples of a place's parks stand in that place."""
    tokens = ctx.doc.tokens
    phrases = [phrase.split() for phrase in ctx.vocab.words(rule.trigger)]
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PARK":
            continue
        t = ctx.first(index) - 1
        while t >= 0 and (tokens[t].text in (",", "и") or (
                t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "PARK")):
            t = ctx.first(ctx.mention_at[t]) - 1 if t in ctx.mention_at else t - 1
        opening = example_insert_start(tokens, t, phrases) if t >= 0 else None
        first = plural_parks_place(tokens, opening, ctx.vocab.words("park_nouns")) \
            if opening is not None else None
        place = ctx.mention_at.get(first) if first is not None else None
        if place is not None and ctx.mention_type(place) == "LOC" and ctx.first(place) == first:
            ctx.add(rule, ctx.entity(index), ctx.entity(place), mention.sent_id)


def _in_after(ctx: Context, index: int) -> bool:
    """Is the name followed by «в/на» and a place («… парк в Минске»)?"""
    tokens, t = ctx.doc.tokens, ctx.last(index) + 1
    place = ctx.mention_at.get(t + 1)
    return t + 1 < len(tokens) and tokens[t].lemma in ("в", "во", "на") \
        and place is not None and ctx.mention_type(place) == "LOC"


def _town_of_adjective(ctx: Context, lemma: str, region: bool = False) -> int | None:
    """The one place of the text an adjective names: the gazetteer's place of it when its name
    is one word («татарстанский» → Татарстан), or a town of that region whose name shares the
    adjective's stem («пензенский» → Пенза); with ``region``, the region of a longer name
    where the text names no such town («татарстанский ИТ-парк» → Республика Татарстан: a
    park of the region); never a country."""
    place = gazetteer().by_adjective.get(lemma)
    if place is None:
        return _town_of_stem(ctx, lemma)
    if place.kind == "country":
        return None
    found, regions = set(), set()
    for entity in ctx.doc.entities:
        known = gazetteer().lookup(entity.normal) if entity.type == "LOC" \
            and entity.mention_ids else None
        if known is None:
            continue
        if (known is place and " " not in known.canonical) or (
                known.region == place.canonical
                and fold(known.canonical)[:4] == fold(lemma)[:4]):
            found.add(entity.entity_id)
        elif known is place:
            regions.add(entity.entity_id)
    found = found or (regions if region else set())
    return found.pop() if len(found) == 1 else None


def _town_of_stem(ctx: Context, lemma: str) -> int | None:
    """The one town of the text (the gazetteer's) an adjective the gazetteer does not list
    names by its stem: «казанский» → Казань, «тольяттинский» → Тольятти (the stem before
    the suffix, less its last letter, opens the town's name; never a country's or a
    nation's adjective)."""
    vocab = ctx.vocab
    suffix = next((s for s in vocab.place_suffixes if lemma.endswith(s)), None)
    if suffix is None or "-" in lemma or lemma in vocab.country_adjectives \
            or lemma in vocab.words("nation_adjectives"):
        return None
    stem = fold(lemma[:-len(suffix)])[:-1]
    if len(stem) < 3:
        return None
    found = set()
    for entity in ctx.doc.entities:
        known = gazetteer().lookup(entity.normal) if entity.type == "LOC" \
            and entity.mention_ids else None
        if known is not None and is_town(known) and " " not in known.canonical \
                and fold(known.canonical).startswith(stem):
            found.add(entity.entity_id)
    return found.pop() if len(found) == 1 else None


def place_of_adjective(ctx: Context, adjective: Token, company: bool = False) -> int | None:
    """The document's place an origin adjective names: from the adjective lists
    («шанхайский = Шанхай»), else a place of the text whose name shares its stem
    («кольцовский» → «Кольцово»). A country's adjective locates only a ``company`` («турецкой
    компанией «X»»); before a city or a park it describes («китайский город Харбин»)."""
    vocab = ctx.vocab
    lemma = adjective.lemma
    suffix = next((s for s in vocab.place_suffixes if lemma.endswith(s)), None)
    if "-" in lemma or " " in lemma or lemma in vocab.words("nation_adjectives"):
        return None
    if lemma in vocab.country_adjectives and not company:
        return None
    named = vocab.place_adjectives.get(lemma) or vocab.country_adjectives.get(lemma)
    places = [e for e in ctx.doc.entities if e.type == "LOC" and e.mention_ids]
    if named:
        found = [e for e in places if fold(e.normal) == fold(named)] or \
            [e for e in places if same_place(e.normal, named)]
        return found[0].entity_id if found else None
    place = gazetteer().by_adjective.get(lemma) if lemma else None
    if place is not None and (place.kind != "country" or company):
        # «тверской технопарк» where the text names «Тверская область»: the gazetteer's
        # place of the adjective, as the text names it
        found = [e for e in places if gazetteer().lookup(e.normal) is place]
        if found:
            return found[0].entity_id
    if suffix is None:
        return None
    stem = lemma[:-len(suffix)] + vocab.place_suffixes[suffix]
    if len(stem) < 5:
        return None
    prefix = stem[:max(5, len(stem) - 1)]
    found = [e for e in places if any(w.startswith(prefix) for w in fold(e.normal).split())]
    return found[0].entity_id if len(found) == 1 else None


# -- RESIDENT_OF ---------------------------------------------------------------------------


def _park_of_where(ctx: Context, t: int) -> int | None:
    """The park (entity) named right before «, где» that opens the resident word's clause
    («технопарк «Y», где резидентами являются …»), None where there is none."""
    tokens = ctx.doc.tokens
    where = next((w for w in (t - 1, t - 2) if w >= 2 and tokens[w].lemma == "где"), None)
    if where is None or tokens[where - 1].text != ",":
        return None
    park = ctx.mention_at.get(where - 2)
    if park is None or ctx.mention_type(park) != "PARK" or ctx.last(park) != where - 2:
        return None
    return ctx.entity(park)


@matcher("resident_word")
def resident_word(ctx: Context, rule: RelationRule) -> None:
    """«резиденты технопарка X — компании A и B», «компании A — ещё одного резидента
    площадки Y», «A, один из новых резидентов ОЭЗ Y», «статус резидента Y есть у A»."""
    tokens = ctx.doc.tokens
    trigger_words = ctx.vocab.words(rule.trigger)
    members = ctx.vocab.words("park_member_words")
    for token in tokens:
        member = token.lemma in members
        if token.lemma not in trigger_words and token.lemma.split("-")[-1] not in trigger_words \
                and not member:
            continue  # «резидент», «компании-резиденты»
        t = token.token_id
        if _outsider_of_residents(ctx, token):
            continue  # «заказчик резидентов …»: the names told are around the residents
        park, after = _park_after(ctx, t + 1)
        if member and (park is None or t + 1 not in ctx.mention_at):
            continue  # «участник СЭЗ «Y»»; not «участник форума», nor a park told before
        after = _past_place_before(ctx, after, (":",))
        dash = _past_place_before(ctx, t + 1, DASH_OR_HYPHEN)  # «резидент из Китая — …»
        if park is None and dash < len(tokens) and tokens[dash].text in DASH_OR_HYPHEN:
            park, after = ctx.resolve_park(t), dash + 1
        if park is None and _list_after(ctx, t + 1) is not None:
            # «посетили ОЭЗ «V» … компаний-резидентов, в частности, «A», «B» и «C»»
            park, after = _park_before(ctx, t), t + 1
        if park is None and "-" in token.lemma and _name_opens(ctx, t + 1):
            # «осмотрели цеха компаний-резидентов «A» и «B»»: of the one park told before
            park, after = _only_park_before(ctx, t), t + 1
        if park is None and t + 2 < len(tokens) and tokens[t + 1].text == ":" \
                and (_name_opens(ctx, t + 2) or tokens[t + 2].text == QUOTE_OPEN):
            # «Свои проекты представили резиденты: «A», «B» и «C»»: of the one park told before
            park, after = _only_park_before(ctx, t), t + 1
        if park is None and any(tokens[c].lemma == "наш" for c in ctx.children.get(t, [])):
            park = ctx.page_park()  # «заглянули к нашим резидентам «A» и «B»» on a park's page
            after = t + 1
        if park is None and _one_of_the_residents(ctx, t):
            # «В ОЭЗ «Y» работают три резидента. Один из новых резидентов, компания «A», …»
            park, after = _only_park_before(ctx, t), t + 1
        if park is None and (where := _park_of_where(ctx, t)) is not None:
            park, after = where, t + 1  # «технопарк «Y», где резидентами являются A и B»
        if park is None and _park_told_before(ctx, t):
            # «Технопарк «Y» открылся в мае. Компании «A» и «B» стали его резидентами.»
            park = _park_of_sentence_before(ctx, token.sent_id)
            if park is None and _bare_status(ctx, t):
                park = _only_park_before(ctx, t)
        head = token.head_id
        # «статус резидента ОЭЗ «Y»»: told by the status's verb (not «В числе резидентов
        # парка «Y» — компании «A» и «B»»: no verb, the list after the dash)
        status = head >= 0 and tokens[head].lemma in ctx.vocab.words("resident_status_nouns") \
            and tokens[head].rel != "root"
        # «компании X — ещё одного резидента площадки Y», «компанию X, резидента парка Y»
        back = [b for b in range(max(t - 4, 0), t) if tokens[b].text == DASH
                or (tokens[b].text in (",", "(") and b == t - 1)]  # «компания X (резидент …)»
        comma = _one_of_after_comma(ctx, t)
        back += [comma] if comma is not None and not back else []  # «X, один из резидентов Y»
        if not status and not (case_of(token) == "Nom" and _own_verb_at(ctx, after)) \
                and not _residency_to_come(ctx, t) and not _apposed_before_clause(ctx, back, after):
            # (not «Резидентами ОЭЗ «Y» числятся A и B»: there the verb's subject is the list;
            # not «Резидентами ОЭЗ «Y» станут A и B»: not yet residents)
            _residents(ctx, rule, park, after, token.sent_id)
        if back and park is not None:
            before = ctx.mention_at.get(back[-1] - 1)
            if before is not None and ctx.mention_type(before) == "ORG" \
                    and not in_source_phrase(ctx, ctx.noun_beside(before) or ctx.first(before)):
                # «корпусам компаний «A» и «B», резидентов парка»: each of the list
                for named in ctx.listed_up_to(before, "ORG"):
                    ctx.add(rule, ctx.entity(named), park, token.sent_id)
        # «компания X является (стала) резидентом парка Y»; «получила статус резидента Y»,
        # «вошла в число резидентов Y»
        verb = tokens[head].head_id if head >= 0 else -1
        if verb >= 0 and status and park is not None and not _status_withheld(ctx, verb):
            admitted = _admitted(ctx, verb)
            # («ООО «X», которое получило статус резидента ТОР …»: the one the clause describes)
            described = _modified_org(ctx, verb) if tokens[verb].rel == "acl:relcl" else []
            for company in admitted if admitted is not None else _named_orgs(ctx, verb) \
                    + _status_recipients(ctx, verb) + _status_holders(ctx, verb) + described:
                ctx.add(rule, company, park, token.sent_id)
        role, verb = _residency_role_verb(ctx, t)
        if park is None and verb is not None and \
                (park := _park_of_relative(ctx, t, verb)) is not None and not ctx.planned(verb):
            # «парк «Y», резидентами которого являются компании «A» и «B»»
            for company in _named_orgs(ctx, verb) or [
                    ctx.entity(i) for i in ctx.listed_from(verb + 1, ("ORG",))]:
                ctx.add(rule, company, park, token.sent_id)
            continue
        if park is not None and verb is not None and not ctx.planned(verb) \
                and role.rel in ("xcomp", "obl", "obj", "obl:agent"):
            # «компания X, являющаяся (которая является) резидентом …»: the one it describes;
            # «X зарегистрирована в качестве резидента Y», «X стала одним из его резидентов»
            described = _modified_org(ctx, verb) if tokens[verb].rel in ("acl", "acl:relcl") \
                else []
            admitted = _admitted(ctx, verb)
            for company in (admitted if admitted is not None else _named_orgs(ctx, verb)) \
                    + described + _both_named_before(ctx, verb):
                ctx.add(rule, company, park, token.sent_id)


def _park_of_relative(ctx: Context, t: int, verb: int) -> int | None:
    """«технопарк «Y», резидентом (резидентами) которого стала компания «A»»: the park a
    relative clause describes, where «которого» is the resident word's own genitive."""
    tokens = ctx.doc.tokens
    if tokens[verb].rel != "acl:relcl" or not any(
            tokens[c].lemma == "который" for c in ctx.children.get(t, [])):
        return None
    index = ctx.mention_at.get(tokens[verb].head_id)
    return ctx.entity(index) if index is not None and ctx.mention_type(index) == "PARK" \
        else None


def _residency_role_verb(ctx: Context, t: int) -> tuple[Token, int | None]:
    """The verb that makes a company the residency word at ``t`` («является (стала, была
    зарегистрирована в качестве) резидентом», «приняли в резиденты»), past «один из» («стала
    одним из первых резидентов»), with the word that hangs on it; None for the verb where none
    does."""
    tokens = ctx.doc.tokens
    role = tokens[t]
    if role.head_id >= 0 and tokens[role.head_id].lemma in ("один", "одна", "одно") \
            and role.head_id < t and any(tokens[c].lemma == "из"
                                         for c in ctx.children.get(t, [])):
        role = tokens[role.head_id]  # «одним из резидентов»
    verb = role.head_id
    verbs = ctx.vocab.words("copula_verbs") | ctx.vocab.words("resident_role_verbs") \
        | ctx.vocab.words("residency_admission_verbs")  # «приняли в резиденты»
    return role, verb if verb >= 0 and tokens[verb].lemma in verbs else None


def _outsider_of_residents(ctx: Context, token: Token) -> bool:
    """Is the resident word the genitive of a noun of someone around the residents
    («заказчик (конкурент, продукция) резидентов парка «Y» — концерн «X»»;
    ``resident_outsider_nouns``)? The name after it is that one, no resident. (Not a
    dative: «представила иностранным партнёрам резидентов площадки: …», the residents are
    the verb's object, however parsed.)"""
    head = token.head_id
    return token.rel == "nmod" and head >= 0 and \
        ctx.doc.tokens[head].lemma in ctx.vocab.words("resident_outsider_nouns") \
        and case_of(ctx.doc.tokens[head]) != "Dat"


def _residency_to_come(ctx: Context, t: int) -> bool:
    """Is the residency word the complement of a verb told as planned, future or negated
    («Резидентами ОЭЗ «Y» станут A и B», «не являются резидентами»)?"""
    _, verb = _residency_role_verb(ctx, t)
    return verb is not None and ctx.planned(verb)


def _apposed_before_clause(ctx: Context, back: list[int], after: int) -> bool:
    """Does the residency word stand in apposition to a name before it («Компания «X»,
    резидент парка «Y», подписала договор с «Z»»), its park closed by a comma or a bracket?
    What follows is the clause of that name, no list of residents."""
    tokens = ctx.doc.tokens
    before = ctx.mention_at.get(back[-1] - 1) if back else None
    named = before is not None and ctx.mention_type(before) == "ORG"
    # (an aside opened by a dash closes with one: «завод «A» — участника СЭЗ «Y» — и «B»»)
    closers = (",", ")", DASH) if back and tokens[back[-1]].text == DASH else (",", ")")
    return named and after < len(tokens) and tokens[after].text in closers \
        and _list_after(ctx, after) is None  # (not «…, в частности, «A» и «B»»)


def _past_place_before(ctx: Context, t: int, marks: tuple[str, ...]) -> int:
    """Past a place phrase at ``t`` that ends before one of ``marks`` («резиденты парка «Y» в
    Ольховском районе: …», «первый резидент из Китая — …»): that mark, or ``t`` itself where
    no such phrase is there."""
    tokens = ctx.doc.tokens
    index = ctx.mention_at.get(t + 1)
    if t < len(tokens) and tokens[t].lemma in ("в", "во", "на", "из") and index is not None \
            and ctx.mention_type(index) == "LOC" and ctx.last(index) + 1 < len(tokens) \
            and tokens[ctx.last(index) + 1].text in marks:
        return ctx.last(index) + 1
    return t


def _own_verb_at(ctx: Context, t: int) -> bool:
    """Does a finite verb other than a copula follow the residency word and its park
    («резиденты ОЭЗ «Y» посетили завод «X»»)? What follows is that verb's object, no list
    of residents."""
    tokens = ctx.doc.tokens
    return t < len(tokens) and tokens[t].pos in ("VERB", "AUX") \
        and "VerbForm=Fin" in tokens[t].feats and tokens[t].lemma not in ctx.vocab.words(
            "copula_verbs")


def _both_named_before(ctx: Context, verb: int) -> list[int]:
    """«Оба предприятия являются резидентами …», «… — обе работают в ОЭЗ «Y»»: where the
    verb's subject is «оба (обе)», with a generic head or alone, the two organisations named
    before it in its sentence, else in the sentence before; none where another number is."""
    tokens = ctx.doc.tokens
    sent_id = tokens[verb].sent_id
    both = any(tokens[c].rel == "nsubj" and (tokens[c].lemma in BOTH or (
        tokens[c].lemma in ctx.vocab.org_heads
        and any(tokens[d].lemma in BOTH for d in ctx.children.get(c, []))))
        for c in ctx.children.get(verb, []))
    if not both:
        return []
    # «заводы компаний «A» и «B» — обе работают в ОЭЗ «Y»»: the two its own sentence names
    # before the verb, else the sentence before
    for span in (range(ctx.sentence(sent_id).start, verb),
                 ctx.sentence(sent_id - 1) if sent_id > 0 else range(0)):
        named: list[int] = []
        for index in ctx.mentions_in(span):
            if ctx.mention_type(index) == "ORG" and ctx.entity(index) not in named:
                named.append(ctx.entity(index))
        if named:
            return named if len(named) == 2 else []
    return []


def _name_opens(ctx: Context, t: int) -> bool:
    """Does an organisation's name open at ``t`` (past an opening quote)?"""
    tokens = ctx.doc.tokens
    t += t < len(tokens) and tokens[t].text == QUOTE_OPEN
    return t in ctx.mention_at and ctx.mention_type(ctx.mention_at[t]) == "ORG"


def _one_of_the_residents(ctx: Context, t: int) -> bool:
    """Does a sentence open with «Один из (новых) резидентов,» or «Ещё один резидент,» at the
    residency word ``t``, the company set off by the comma after it?"""
    tokens = ctx.doc.tokens
    w = t - 1
    while w >= 0 and lower_adjective(tokens[w]) and w not in ctx.mention_at:
        w -= 1  # «новых», «крупных»
    opening = " ".join(tokens[u].lemma for u in range(ctx.sentence(tokens[t].sent_id).start,
                                                      w + 1))
    return t + 1 < len(tokens) and tokens[t + 1].text == "," \
        and opening in ctx.vocab.words("one_of_residents_openers")


def _only_park_before(ctx: Context, t: int) -> int | None:
    """The entity of the one park the text names before ``t`` (by one quoted name, whatever
    its type words: «ОЭЗ «Y»», «особую экономическую зону «Y»», ««Y»» — the first); None where
    it names two."""
    start = ctx.doc.tokens[t].start
    parks = [m for m in ctx.doc.mentions if m.type == "PARK" and m.start < start]
    if len({m.entity_id for m in parks}) == 1 or (
            parks and len({quoted_name(m) for m in parks}) == 1 and QUOTE_OPEN in parks[0].text):
        return parks[0].entity_id
    return None


def _park_told_before(ctx: Context, t: int) -> bool:
    """Does the residency word name no park of its own, but one told before: with a
    possessive («стали его резидентами») or ending its clause («стали якорными
    резидентами.»), and no park in its sentence?"""
    tokens = ctx.doc.tokens
    sentence = ctx.sentence(tokens[t].sent_id)
    if any(ctx.mention_type(i) == "PARK" for i in ctx.mentions_in(sentence)):
        return False
    verb = tokens[t].head_id  # «не стали его резидентами»: no residency told
    if verb >= 0 and ctx.negated(verb):
        return False
    vocab = ctx.vocab
    pronouns = vocab.possessive_genders.keys() | vocab.words("group_possessives") \
        | vocab.words("person_pronouns") | vocab.words("group_pronouns")
    # (right before it too: «Её резидентом стала …», a possessive the parse hangs on the verb)
    possessive = any(tokens[c].lemma in pronouns and tokens[c].rel in ("det", "nmod", "nmod:poss")
                     for c in ctx.children.get(t, [])) \
        or (t > 0 and tokens[t - 1].text.lower() in vocab.possessive_genders)
    closing = t + 1 < sentence.stop and tokens[t + 1].text in (".", "!", ";") \
        and "Number=Plur" in tokens[t].feats
    return possessive or closing or _bare_status(ctx, t)


def _bare_status(ctx: Context, t: int) -> bool:
    """«Статус резидента получили компании «A» и «B»»: the status of no park named after it,
    its verb right after (the park is the one the text is about)."""
    tokens = ctx.doc.tokens
    head = tokens[t].head_id
    sentence = ctx.sentence(tokens[t].sent_id)
    return head >= 0 and tokens[head].lemma in ctx.vocab.words("resident_status_nouns") \
        and t + 1 < len(tokens) and is_finite_verb(tokens[t + 1]) \
        and not any(ctx.mention_type(i) == "LOC" for i in ctx.mentions_in(sentence))
    # (not «В Томске статус резидента получили …»: of a park there, not the one told before)


def _park_of_sentence_before(ctx: Context, sent_id: int) -> int | None:
    """The one park the sentence before names (none if it names two, or none)."""
    return _one_park(ctx, ctx.sentence(sent_id - 1)) if sent_id > 0 else None


def _status_withheld(ctx: Context, verb: int) -> bool:
    """Is the status only planned or possible («могут присвоить», «может быть присвоен»: the
    verb of the status itself a plan word) or refused («отказали в статусе резидента»)?"""
    lemma = ctx.doc.tokens[verb].lemma
    return ctx.planned(verb) or lemma in ctx.vocab.plan_words \
        or lemma in ctx.vocab.words("status_denial_verbs")


def _status_recipients(ctx: Context, verb: int) -> list[int]:
    """«компании «X» присвоен статус …», «… предоставили компаниям «A» и «B»»: the named
    organisations a verb of granting gives the status to (its indirect object)."""
    if ctx.doc.tokens[verb].lemma not in ctx.vocab.words("status_granting_verbs"):
        return []
    return _orgs_by_relation(ctx, verb, "iobj")


def _admitted(ctx: Context, verb: int) -> list[int] | None:
    """«совет принял компанию «X» в число резидентов», «… включили в резиденты»: the named
    organisations an active verb of admitting takes in (its object; its subject admits);
    None for any other verb."""
    token = ctx.doc.tokens[verb]
    if token.lemma not in ctx.vocab.words("residency_admission_verbs") \
            or "Voice=Pass" in token.feats or "VerbForm=Part" in token.feats:
        return None
    return _orgs_by_relation(ctx, verb, "obj")


def _orgs_by_relation(ctx: Context, verb: int, relation: str) -> list[int]:
    """The named organisations that are the verb's ``relation`` (and coordinated with them),
    by their own name or after a generic head («компании «X»»)."""
    return [ctx.entity(index) for index in ctx.named_dependents(verb, relation, ctx.vocab.org_heads)
            if ctx.mention_type(index) == "ORG"]


def _one_of_after_comma(ctx: Context, t: int) -> int | None:
    """The comma before «один из (новых) резидентов» at ``t`` («ООО «X», один из новых
    резидентов ОЭЗ «Y», …»: an apposition to the company before it); None where the words
    before it are others, or a former resident («один из бывших резидентов»)."""
    tokens = ctx.doc.tokens
    u = before_lower_adjectives(ctx, t - 1)
    if any(tokens[a].lemma in ctx.vocab.words("former_post_words") for a in range(u + 1, t)):
        return None  # «один из бывших резидентов»
    if u < 2 or tokens[u].lemma != "из" or tokens[u - 1].lemma not in ("один", "одна", "одно"):
        return None
    return u - 2 if tokens[u - 2].text == "," else None


def _status_holders(ctx: Context, verb: int) -> list[int]:
    """«статус резидента ТОР «Y» есть у компании «X»», «… есть у шести фирм, в том числе у
    «A»»: the named organisations a possessive «есть у» gives the status."""
    tokens = ctx.doc.tokens
    if tokens[verb].lemma != "быть" or not is_finite_verb(tokens[verb]):
        return []
    found = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel != "obl" or not any(
                tokens[g].lemma == "у" and tokens[g].rel == "case"
                for g in ctx.children.get(child, [])):
            continue
        # «у шести компаний, в том числе у птицефабрики «X»»: the name a generic head carries
        words = [child, *(c for c in ctx.children.get(child, []) if tokens[c].rel == "conj")]
        names = [n for w in words for n in ([w] if w in ctx.mention_at else [
            g for g in ctx.children.get(w, []) if tokens[g].rel in ("appos", "flat:name")])]
        names += [c for n in names for c in ctx.children.get(n, []) if tokens[c].rel == "conj"]
        found += [ctx.entity(ctx.mention_at[n]) for n in names if n in ctx.mention_at
                  and ctx.mention_type(ctx.mention_at[n]) == "ORG"]
    return found


@matcher("resident_among_them")
def resident_among_them(ctx: Context, rule: RelationRule) -> None:
    """«… резидентов технопарка. Среди них – компания X»: the organisations listed after
    the phrase, with the park of a resident word up to ``rule.window`` sentences before."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    trigger_words = vocab.words(rule.trigger)
    first_lemmas = {p[0] for p in vocab.among_them}
    for token in tokens:
        t = token.token_id
        if token.lemma not in first_lemmas:  # cheap test before trying each phrase
            continue
        phrase = next((p for p in vocab.among_them if ctx.phrase_from(t, p)), None)
        if phrase is None:
            continue
        before = [i for i in ctx.sentence(token.sent_id) if i < t]
        if any(ctx.ref_at(i) is not None for i in before) and any(
                tokens[i].lemma in vocab.composition_nouns | vocab.membership_verbs
                for i in before):
            continue  # «В состав делегации вошли …, в том числе X»: whom a group is made of
        window = [i for i in range(len(tokens)) if tokens[i].sent_id in
                  (token.sent_id, token.sent_id - rule.window) and i < t]
        anchor = next((i for i in reversed(window) if tokens[i].lemma in trigger_words
                       or compound_head(tokens[i].lemma) in trigger_words  # «компаний-резидентов»
                       or (tokens[i].lemma in vocab.site_area_nouns and i + 1 < len(tokens)
                           and tokens[i + 1].lemma in vocab.park_anaphors)), None)
        if anchor is None:
            continue
        park, _ = _park_after(ctx, anchor + 1)
        if park is None:
            park = ctx.resolve_park(anchor)
        _residents(ctx, rule, park, t + len(phrase), token.sent_id,
                   set_off="который" in phrase)  # «…, среди которых «A», и …»


@matcher("resident_examples")
def resident_examples(ctx: Context, rule: RelationRule) -> None:
    """«Резиденты парка «Y» выпускают трубы и упаковку. Например, компания «A» производит
    трубы, ООО «B» — упаковку», «Резидентами ОЭЗ «Y» стали три компании. Речь идёт об АО «A»,
    ООО «B» и …»: a sentence opened by ``example_openers`` right after one that tells of a
    park's residents (as done) lists some of them: the organisations that open its comma
    chunks (not a customer inside a chunk). «Резиденты парка «Y» выпускают разное: компания
    «A» производит трубы, ООО «B» — упаковку»: so does a colon list of clauses after the
    residents' own verb."""
    tokens, sentences = ctx.doc.tokens, ctx.doc.sentences
    told: set[tuple[int, int]] = set()  # (sentence, park) of a residency told as done
    for token in ctx.triggers(ctx.vocab.words(rule.trigger)):
        park, _ = _park_after(ctx, token.token_id + 1)
        if park is None:
            continue
        sentence = ctx.sentence(token.sent_id)
        if token.sent_id + 1 < len(sentences) and not any(
                ctx.planned(v) for v in sentence if is_finite_verb(tokens[v])):
            told.add((token.sent_id + 1, park))
        if token.rel == "nsubj" and not ctx.planned(token.head_id):
            colon = next((c for c in sentence if c > token.head_id and tokens[c].text == ":"),
                         None)
            for index in _chunk_openers(ctx, colon + 1, sentence, clauses=True) \
                    if colon is not None else []:
                ctx.add(rule, ctx.entity(index), park, token.sent_id)
    for sent_id, park in told:
        examples = ctx.sentence(sent_id)
        start = _example_opening(ctx, examples)
        if start is None or any(ctx.planned(v) for v in examples if is_finite_verb(tokens[v])):
            continue
        for index in _chunk_openers(ctx, start, examples):
            ctx.add(rule, ctx.entity(index), park, sent_id)


def _example_opening(ctx: Context, sentence: range) -> int | None:
    """Where the examples start in a sentence opened by ``example_openers`` («Например,»,
    «Речь идёт об»), past a comma after the phrase; None where it opens otherwise."""
    tokens = ctx.doc.tokens
    for phrase in ctx.vocab.words("example_openers"):
        words = phrase.split()
        if ctx.phrase_from(sentence.start, words):
            end = sentence.start + len(words)
            return end + int(end < sentence.stop and tokens[end].text == ",")
    return None


def _chunk_openers(ctx: Context, start: int, sentence: range,
                   clauses: bool = False) -> list[int]:
    """The organisations that open the comma chunks of ``sentence`` from ``start`` on, past a
    generic head («ООО «B»», «компания «A»»), and those joined by «и» to one of them («ООО «B»
    и компании «C»»); with ``clauses``, only as the subjects of chunks that are clauses (a
    finite verb or a dash after the name: «компания «A» производит …», «ООО «B» — …»), all
    of them or none."""
    tokens, heads = ctx.doc.tokens, ctx.vocab.org_heads
    found: list[int] = []
    for t in range(start, sentence.stop):
        if t > start and tokens[t - 1].text not in (",", ";") and not (
                tokens[t - 1].text == "и" and ctx.mention_at.get(t - 2) in found):
            continue
        while t < sentence.stop and t not in ctx.mention_at and (
                tokens[t].lemma in heads or tokens[t].lemma in ("о", "об")):
            t += 1  # «ООО «B»», «о компании «A»»
        index = ctx.mention_at.get(t)
        if index is not None and ctx.first(index) == t \
                and ctx.mention_type(index) == "ORG" and not ctx.title_dependent(index):
            after = ctx.last(index) + 1
            if clauses and not (after < sentence.stop and (
                    is_finite_verb(tokens[after]) or tokens[after].text in DASHES)):
                return []
            found.append(index)
    return found


@matcher("resident_these_are")
def resident_these_are(ctx: Context, rule: RelationRule) -> None:
    """«Турецкие предприятия находятся на территории ОЭЗ «Y». Это завод «A», фабрика «B» и
    другие.»: a sentence opened by «Это» and a generic head lists the organisations that the
    sentence before placed, as a plural generic subject, in one park."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.org_heads | vocab.words("plant_nouns") | vocab.words("production_nouns")
    placed: set[tuple[int, int]] = set()  # (sentence, park) of a placed plural subject
    for verb in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        v = verb.token_id
        if _plural_generic_subject(ctx, v):
            parks = _parks_placed(ctx, [v], ("obl",))
            if len(parks) == 1:
                placed.add((verb.sent_id, parks.pop()))
    for sent_id, park in placed:
        if sent_id + 1 >= len(ctx.doc.sentences):
            continue
        opening = ctx.sentence(sent_id + 1).start
        if opening + 2 < len(tokens) and tokens[opening].lemma == "это" \
                and opening + 1 not in ctx.mention_at and tokens[opening + 1].lemma in heads:
            for index in _headed_list(ctx, opening + 1, heads):
                ctx.add(rule, ctx.entity(index), park, sent_id + 1)


def _headed_list(ctx: Context, start: int, heads: frozenset[str] | set[str]) -> list[int]:
    """The organisations of a list of headed names from ``start`` («завод «A», фабрика «B» и
    …»): each name after its head word (and a few words of what it makes), the items joined
    by commas or «и»; the list ends at anything else (not «конкурент компании «B»»: a
    genitive of another noun)."""
    tokens, found, t = ctx.doc.tokens, [], start
    stop = ctx.sentence(tokens[start].sent_id).stop
    while t < stop:
        if t not in ctx.mention_at and tokens[t].lemma in heads:
            t += 1  # past what it makes: «завод по выпуску стекла «A»», «фабрика мебели «B»»
            words = 0
            while t < stop and t not in ctx.mention_at and words < 10 \
                    and tokens[t].text != "," and tokens[t].pos not in ("VERB", "AUX") \
                    and not (tokens[t].text == "и" and t + 1 < stop and (
                        t + 1 in ctx.mention_at or tokens[t + 1].lemma in heads)):
                t, words = t + 1, words + 1  # («стекла и зеркал «B»»: «и» inside it)
        index = ctx.mention_at.get(t)
        if index is None or ctx.first(index) != t or ctx.mention_type(index) != "ORG":
            break
        found.append(index)
        t = ctx.last(index) + 1
        if t >= stop or tokens[t].text not in (",", "и"):
            break
        t += 1
    return found


def _plural_generic_subject(ctx: Context, verb: int) -> bool:
    """Is the verb's subject a plural generic head, no name («предприятия находятся …»,
    «большинство турецких предприятий находятся …»)?"""
    tokens = ctx.doc.tokens
    quantities = ctx.vocab.words("quantity_nouns")
    subjects = [c for c in ctx.children.get(verb, []) if tokens[c].rel in ("nsubj", "nsubj:pass")]
    subjects += [g for c in subjects if tokens[c].lemma in quantities
                 for g in ctx.children.get(c, []) if tokens[g].rel == "nmod"]
    return any(c not in ctx.mention_at and tokens[c].lemma in ctx.vocab.org_heads
               and "Number=Plur" in tokens[c].feats for c in subjects)


def _named_orgs(ctx: Context, verb: int, types: tuple[str, ...] = ("ORG",)) -> list[int]:
    """The organisations (or ``types``) that are the subjects of ``verb`` (and coordinated
    with them), by their own name or after a generic head («компании «A» и «B»»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    generic = vocab.named_heads if "PARK" in types else vocab.org_heads
    found: list[int] = []
    for child in ctx.children.get(verb, []):
        if tokens[child].rel not in ("nsubj", "nsubj:pass") \
                and not _subject_parsed_as_object(ctx, verb, child):
            continue
        # (the list may hang on any word of the first name: «парк «A» и субзона «B»»)
        own = ctx.mention_tokens(ctx.mention_at[child]) if child in ctx.mention_at else [child]
        words = [child, *(c for w in own for c in ctx.children.get(w, [])
                          if tokens[c].rel == "conj")]
        names: list[int] = []
        if child not in ctx.mention_at and tokens[child].lemma in generic:
            # the first name of a wanted type: a misparse may hang a park's name on the head
            # («площадки «А» и «Б»»: a plural park head is no part of the first name)
            names = [g for g in ctx.children.get(child, []) if g in ctx.mention_at
                     and tokens[g].rel in ("appos", "nmod", "flat:name")
                     and ctx.mention_type(ctx.mention_at[g]) in types]
            if not any(_opens_right_after(ctx, ctx.mention_at[g], child) for g in names):
                # «завод теплиц «X», которым владеет фирма «Z»»: the name after the kind
                names = _name_past_kind(ctx, child, types) or names
            listed = _listed_on(ctx, names)
            words += listed + [c for n in listed for c in ctx.children.get(n, [])
                               if tokens[c].rel == "conj"]
        # «ООО «A», АО «B» и ООО «C»»: the name each further generic head carries, and the
        # names joined to it («60 предприятий, в том числе компании «A» и «B»»)
        words += [each for word in words[1:] if word not in ctx.mention_at
                  and tokens[word].lemma in generic
                  for name in [g for g in ctx.children.get(word, []) if g in ctx.mention_at
                               and tokens[g].rel in ("appos", "flat:name")
                               and ctx.mention_type(ctx.mention_at[g]) in types][:1]
                  for each in (name, *(c for c in ctx.children.get(name, [])
                                       if tokens[c].rel == "conj"))]
        # (not past the head's own name: «завод теплиц «X», которым владеет фирма «Z»»)
        producer = _producer(ctx, child) if child not in ctx.mention_at and not names else child
        if producer != child:
            # «расположены производства компаний «A» и «B»»: the companies whose plants they are
            words += [producer, *(c for c in ctx.children.get(producer, [])
                                  if tokens[c].rel == "conj")]
        for word in words:
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) in types \
                    and not ctx.title_dependent(index):
                found.append(ctx.entity(index))
    return found


def _a_company(ctx: Context, entity: int) -> bool:
    """Is the organisation named as a company somewhere: a company's generic head right
    before its name («предприятие «X»», «компания «X»»)? A site the tagger typed ORG is not."""
    if ctx.doc.entities[entity].type != "ORG":
        return False
    tokens = ctx.doc.tokens
    return any(first > 0 and tokens[first - 1].lemma in ctx.vocab.org_heads
               for index in ctx.doc.entities[entity].mention_ids
               for first in [ctx.first(index)])


def _listed_on(ctx: Context, names: list[int]) -> list[int]:
    """The first of the names the parse hung on one generic head, and those listed after it
    with only a comma or «и» and lower-case words of their kind between («компания «A»,
    производитель упаковки «B» и IT-компания «C»»), not a name of a clause of its own."""
    tokens = ctx.doc.tokens
    listed = names[:1]
    for name in names[1:]:
        between = range(ctx.last(ctx.mention_at[listed[-1]]) + 1,
                        ctx.first(ctx.mention_at[name]))
        if not between or tokens[between[0]].text not in (",", "и") or any(
                t in ctx.mention_at or not (tokens[t].text in (",", "и")
                                            or (not tokens[t].text[:1].isupper()
                                                or GENERIC_IT_WORD.fullmatch(tokens[t].text)))
                for t in between):
            break
        listed.append(name)
    return listed


def _opens_right_after(ctx: Context, index: int, t: int) -> bool:
    """Does mention ``index`` open right after token ``t`` (past an opening quote)?"""
    first = ctx.first(index)
    return first == t + 1 or (first == t + 2 and ctx.doc.tokens[t + 1].text == QUOTE_OPEN)


def _name_past_kind(ctx: Context, head: int, types: tuple[str, ...]) -> list[int]:
    """«завод теплиц «X»», «производитель стекла «X»»: the name of a wanted type set after
    the genitive that says what kind the generic head is (the parse hangs it on that
    genitive), right after it; empty where none is."""
    tokens = ctx.doc.tokens
    for kind in ctx.children.get(head, []):
        if tokens[kind].rel != "nmod" or kind in ctx.mention_at or kind < head \
                or case_of(tokens[kind]) != "Gen":
            continue
        names = [g for g in ctx.children.get(kind, []) if g in ctx.mention_at
                 and tokens[g].rel in ("appos", "flat:name")
                 and _opens_right_after(ctx, ctx.mention_at[g], kind)
                 and ctx.mention_type(ctx.mention_at[g]) in types]
        if names:
            return names[:1]
    return []


def _parks_placed_or_told(ctx: Context, holders: list[int], rels: tuple[str, ...]) -> set[int]:
    """The parks the ``rels`` phrases of ``holders`` put them in (``_parks_placed``), or, for
    a bare park word there («в парке», «на территории зоны») in a sentence naming no park,
    the one park the sentence before names («Технопарк «Y» открылся в мае. Сейчас в парке
    работают …») or, named before the word, its own sentence."""
    parks = _parks_placed(ctx, holders, rels)
    if parks or not holders:
        return parks
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    sent_id = tokens[holders[0]].sent_id
    named = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
             if ctx.mention_type(i) == "PARK"}
    before = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
              if ctx.mention_type(i) == "PARK" and ctx.last(i) < min(holders)}
    if named and (len(before) != 1 or named != before):
        return set()
    for holder in holders:
        for child in ctx.children.get(holder, []):
            if tokens[child].rel not in rels or child in ctx.mention_at or not any(
                    tokens[c].lemma in ("в", "во", "на") for c in ctx.children.get(child, [])):
                continue
            words = [child]
            if tokens[child].lemma in vocab.site_area_nouns:  # «на территории парка»
                words = [g for g in ctx.children.get(child, []) if tokens[g].rel == "nmod"]
            if any(tokens[w].lemma in vocab.park_anaphors and w not in ctx.mention_at
                   for w in words):
                # «посетили ОЭЗ «Y» и завод «X», который работает в зоне»: the one park
                # named before it in its sentence, else the sentence before's
                park = next(iter(before)) if before else _park_of_sentence_before(ctx, sent_id)
                return {park} if park is not None else set()
    return set()


def _subject_parsed_as_object(ctx: Context, verb: int, child: int) -> bool:
    """«в ОЭЗ «Y» зарегистрировался завод «X»»: a nominative the parse calls the object of a
    reflexive verb with no subject, which takes no object: its subject."""
    tokens = ctx.doc.tokens
    return tokens[child].rel == "obj" and case_of(tokens[child]) == "Nom" \
        and tokens[verb].lemma.endswith(("ся", "сь")) and not any(
            tokens[c].rel in ("nsubj", "nsubj:pass") for c in ctx.children.get(verb, []))


@matcher("resident_works_in")
def resident_works_in(ctx: Context, rule: RelationRule) -> None:
    """«В технопарке «Y» работают компании «A» и «B»», «компания «A» разместилась в ОЭЗ
    «Y»»: organisations that work or settle in a park are its residents."""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    for token in ctx.triggers(verbs, unplanned=True):
        t = token.token_id
        # «производит стекло на территории ОЭЗ «Y»»: the place may hang on the object
        objects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "obj"
                   and c not in ctx.mention_at]
        parks = _parks_placed(ctx, [t], ("obl",)) or _parks_placed(ctx, objects, ("nmod",)) \
            or _park_where(ctx, t) or _parks_placed_or_told(ctx, [t], ("obl",))
        if not parks and token.sent_id > 0 and any(
                tokens[c].lemma in ("здесь", "там") or _its_territory(ctx, c)
                for c in ctx.children.get(t, [])) \
                and _park_before(ctx, t) is None:
            # «Гости посетили ОЭЗ «Y». Здесь работают компании …», «На его территории
            # работают …»: the one park of the sentence before
            park = _one_park(ctx, ctx.sentence(token.sent_id - 1))
            parks = {park} if park is not None else set()
        if not parks and _bare_ground(ctx, t):
            # «Директор парка «Y» отметил, что на площадке работают …»: the one park of the
            # sentence, else of the one before
            park = _one_park(ctx, ctx.sentence(token.sent_id))
            if park is None and token.sent_id > 0:
                park = _one_park(ctx, ctx.sentence(token.sent_id - 1))
            parks = {park} if park is not None else set()
        if len(parks) != 1:
            continue
        park = parks.pop()
        companies = _named_orgs(ctx, t) + _both_named_before(ctx, t) \
            + _named_resident_subject(ctx, t)
        if token.rel in ("acl", "amod", "acl:relcl"):
            # «компанию X, работающую в …», «компания X, которая работает в …»
            companies += _modified_org(ctx, t)
        for company in companies:
            ctx.add(rule, company, park, token.sent_id)
        counted = _counted_companies(ctx, t)
        if not companies and counted is not None:
            # «где работают 60 компаний, в том числе «A»»: the count's examples
            _residents(ctx, rule, park, counted + 1, token.sent_id)


def _named_resident_subject(ctx: Context, verb: int) -> list[int]:
    """«в зоне работает резидент «X»», «работают резиденты «A» и «B»»: the organisations
    named after a resident word that is the verb's subject, as entities."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb, []):
        if tokens[child].rel == "nsubj" and child not in ctx.mention_at \
                and tokens[child].lemma in ctx.vocab.words("resident_words"):
            named = ctx.first_mention_after(child + 1, ("ORG",), 2)
            if named is None:
                return []
            return [ctx.entity(i) for i in ctx.listed_from(ctx.first(named), ("ORG",))] \
                or [ctx.entity(named)]
    return []


def _bare_ground(ctx: Context, verb: int) -> bool:
    """Is the verb's place a park's ground with no name or possessive («на площадке
    работают …»): the park the text is telling of?"""
    tokens, grounds = ctx.doc.tokens, ctx.vocab.words("park_ground_nouns")
    return any(tokens[c].rel == "obl" and tokens[c].lemma in grounds and c not in ctx.mention_at
               and all(tokens[g].rel == "case" for g in ctx.children.get(c, []))
               for c in ctx.children.get(verb, []))


def _its_territory(ctx: Context, word: int) -> bool:
    """Is the word a park's ground with a possessive («на его территории», «на её
    площадке»: ``park_ground_nouns``), which stands for the park told of before?"""
    tokens, grounds = ctx.doc.tokens, ctx.vocab.words("park_ground_nouns")
    return tokens[word].rel == "obl" and tokens[word].lemma in grounds \
        and any(tokens[c].rel == "det" and tokens[c].lemma in ("он", "она", "его", "её")
                for c in ctx.children.get(word, []))


def _counted_companies(ctx: Context, verb: int) -> int | None:
    """The verb's subject where it is a count of unnamed organisations («работают 60
    компаний», «19 предприятий»), its last word; None where there is none."""
    tokens = ctx.doc.tokens
    for child in ctx.children.get(verb, []):
        if tokens[child].rel in ("nsubj", "nsubj:pass") and child not in ctx.mention_at \
                and tokens[child].lemma in ctx.vocab.org_heads | ctx.vocab.words("resident_words") \
                and any(tokens[c].rel.startswith("nummod") for c in ctx.children.get(child, [])):
            return child
    return None


def _modified_org(ctx: Context, verb: int) -> list[int]:
    """The organisation a participle or a relative clause of ``verb`` describes («компанию
    X, работающую в …», «компания X, которая является резидентом …»): by its own name or
    the name after its generic head, as an entity (none or one)."""
    tokens, head = ctx.doc.tokens, ctx.doc.tokens[verb].head_id
    if head < 0:
        return []
    named = [head] if head in ctx.mention_at else [
        g for g in ctx.children.get(head, []) if g < verb and g in ctx.mention_at
        and tokens[g].rel in ("appos", "flat:name")
    ] if tokens[head].lemma in ctx.vocab.org_heads else []
    # «завод «A» и хранилище агрохолдинга «B», которые являются резидентами …»: a plural
    # relative describes every organisation its noun lists
    plural = any(tokens[c].lemma == "который" and "Number=Plur" in tokens[c].feats
                 for c in ctx.children.get(verb, []))
    which = next((c for c in ctx.children.get(verb, []) if tokens[c].lemma == "который"), None)
    before = ctx.mention_at.get(which - 2) if which is not None and which >= 2 \
        and tokens[which - 1].text == "," else None
    if not plural and before is not None and ctx.mention_type(before) == "ORG" \
            and ctx.mention_at.get(head) != before:
        # «посетили ОЭЗ «Y» и завод «X», который работает …» with the clause hung on the
        # first object: «который» is the name right before its comma
        named = [ctx.last(before)]
    if plural:
        for joined in (c for c in ctx.children.get(head, []) if tokens[c].rel == "conj"):
            named += [joined] if joined in ctx.mention_at else [
                g for g in ctx.children.get(joined, []) if g < verb and g in ctx.mention_at
                and tokens[g].rel in ("appos", "nmod", "flat:name")]
    return [ctx.entity(ctx.mention_at[g]) for g in (named if plural else named[:1])
            if ctx.mention_type(ctx.mention_at[g]) == "ORG"]


def _park_where(ctx: Context, verb: int) -> set[int]:
    """«ОЭЗ «Y», где работает завод «X»»: the park a «где» clause of ``verb`` describes."""
    tokens = ctx.doc.tokens
    head = tokens[verb].head_id
    where = next((c for c in ctx.children.get(verb, []) if tokens[c].lemma == "где"), None)
    if tokens[verb].rel != "acl:relcl" or head < 0 or where is None:
        return set()
    park = ctx.mention_at.get(head)
    if (park is None or ctx.mention_type(park) != "PARK") and where >= 2 \
            and tokens[where - 1].text == ",":
        # «… в парке «Y», где уже работают компании «A» и «B»» with the clause hung on its
        # own subject: the park right before «, где»
        park = ctx.mention_at.get(where - 2)
    if park is None or ctx.mention_type(park) != "PARK":
        return set()
    return {ctx.entity(park)}


@matcher("resident_production")
def resident_production(ctx: Context, rule: RelationRule) -> None:
    """«компания «A» разместила производство в ОЭЗ «Y»», «открыла завод на территории
    технопарка «Y»»: an organisation that placed its production in a park is its resident."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    # «наладила выпуск (открыла лабораторию) в …»: what else a company sets up there
    nouns = ctx.vocab.words("production_nouns") | ctx.vocab.words("production_setup_nouns")
    for token in ctx.triggers(verbs, unplanned=True):
        t = token.token_id
        objects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "obj"
                   and tokens[c].lemma in nouns]
        if not objects:
            continue
        parks = _parks_placed(ctx, [t, *objects], ("obl", "nmod"))
        if len(parks) != 1:
            continue
        park = parks.pop()
        for company in _named_orgs(ctx, t):
            ctx.add(rule, company, park, token.sent_id)


@matcher("resident_plant_opened")
def resident_plant_opened(ctx: Context, rule: RelationRule) -> None:
    """«в ОЭЗ «Y» открылся завод компании «X»», «на территории технопарка «Y» построен цех
    «X»»: the company whose plant opened or was built in a park is its resident."""
    tokens = ctx.doc.tokens
    nouns = ctx.vocab.words("production_nouns")
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" not in token.feats and "VerbForm=Part" not in token.feats:
            continue  # «открывается», «строится»: not yet there
        plants = [c for c in ctx.children.get(t, []) if tokens[c].rel in ("nsubj", "nsubj:pass")
                  and tokens[c].lemma in nouns and c not in ctx.mention_at]
        if len(plants) != 1:
            continue
        parks = _parks_placed(ctx, [t, *plants], ("obl", "nmod"))
        company = _plant_owner(ctx, plants[0])
        if len(parks) == 1 and company is not None:
            ctx.add(rule, company, parks.pop(), token.sent_id)


@matcher("resident_plant_opening_held")
def resident_plant_opening_held(ctx: Context, rule: RelationRule) -> None:
    """«открытие завода «X» состоялось в ОЭЗ «Y»», «запуск производства компании «X» прошёл
    в технопарке «Y»»: the company whose plant's opening took place in a park is its
    resident."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    openings, plants = vocab.words("plant_opening_nouns"), vocab.words("production_nouns")
    for token in ctx.triggers(vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" not in token.feats:
            continue  # «пройдёт», «состоится»: not yet there
        for opening in ctx.children.get(t, []):
            if tokens[opening].rel != "nsubj" or tokens[opening].lemma not in openings:
                continue
            plant = next((c for c in ctx.children.get(opening, []) if tokens[c].rel == "nmod"
                          and tokens[c].lemma in plants and c not in ctx.mention_at), None)
            if plant is None:
                continue
            # «прошёл в Москве, а затем в технопарке «Y» прошла встреча»: a park past a
            # conjunction may be another clause's place
            parks = {p for p in _parks_placed(ctx, [t, opening, plant], ("obl", "nmod"))
                     if not _past_conjunction(ctx, t, p)}
            company = _plant_owner(ctx, plant)
            if len(parks) == 1 and company is not None:
                ctx.add(rule, company, parks.pop(), token.sent_id)


def _past_conjunction(ctx: Context, t: int, entity: int) -> bool:
    """Is every mention of ``entity`` in the sentence of ``t`` after it and past a
    coordinating conjunction («…, а затем в технопарке «Y»»)?"""
    tokens = ctx.doc.tokens
    firsts = [ctx.first(i) for i in ctx.mentions_in(ctx.sentence(tokens[t].sent_id))
              if ctx.entity(i) == entity]
    return bool(firsts) and all(
        f > t and any(tokens[u].pos == "CCONJ" for u in range(t + 1, f)) for f in firsts)


def _plant_owner(ctx: Context, plant: int) -> int | None:
    """The organisation a plant noun names: «завод «X»», «завод компании «X»»."""
    tokens = ctx.doc.tokens
    for g in ctx.children.get(plant, []):
        words = [g]
        if g not in ctx.mention_at and tokens[g].rel == "nmod" \
                and tokens[g].lemma in ctx.vocab.org_heads and "Case=Gen" in tokens[g].feats:
            words = [c for c in ctx.children.get(g, []) if tokens[c].rel in ("appos", "flat:name")]
        elif tokens[g].rel not in ("appos", "flat:name", "nmod"):
            continue
        for word in words:
            index = ctx.mention_at.get(word)
            if index is not None and ctx.mention_type(index) == "ORG" \
                    and not ctx.title_dependent(index):
                return ctx.entity(index)
    return None


def _parks_placed(ctx: Context, holders: list[int], rels: tuple[str, ...]) -> set[int]:
    """The parks the ``rels`` phrases of ``holders`` put them in: «в технопарке «Y»», «на
    территории ОЭЗ «Y»», «на площадке Y»."""
    tokens = ctx.doc.tokens
    parks = set()
    for holder in holders:
        for child in ctx.children.get(holder, []):
            if tokens[child].rel not in rels:
                continue
            # «на площадке технопарка «Y»»: the park right after its ground, wherever the
            # parse hangs it
            next_to = [child + 1] if tokens[child].lemma in ctx.vocab.site_area_nouns else []
            for g in (child, *ctx.children.get(child, []), *next_to):
                index = ctx.mention_at.get(g)
                if index is None or ctx.mention_type(index) != "PARK":
                    continue
                first = ctx.first(index)
                if _after_in(ctx, first) or (
                        first >= 1 and tokens[first - 1].lemma in ctx.vocab.site_area_nouns):
                    parks.add(ctx.entity(index))
    return parks


def _list_after(ctx: Context, t: int) -> int | None:
    """Where a list of examples starts after ``t``: past «: », «, в частности,», «, в том
    числе»; None where no list opens."""
    tokens = ctx.doc.tokens
    if t >= len(tokens):
        return None
    if tokens[t].text == ":":
        return t + 1
    at = t + int(tokens[t].text == ",")
    for marker in ctx.vocab.words("list_openers"):
        words = marker.split()
        if ctx.phrase_from(at, words):
            end = at + len(words)
            return end + int(end < len(tokens) and tokens[end].text == ",")
    return None


def _park_before(ctx: Context, t: int) -> int | None:
    """The one park named earlier in ``t``'s sentence (none if two are)."""
    sentence = ctx.sentence(ctx.doc.tokens[t].sent_id)
    return _one_park(ctx, range(sentence.start, t))


def _one_park(ctx: Context, span: range) -> int | None:
    """The one park (entity) the mentions in ``span`` name; none if they name two, or none."""
    parks = {ctx.entity(i) for i in ctx.mentions_in(span) if ctx.mention_type(i) == "PARK"}
    return parks.pop() if len(parks) == 1 else None


def _park_after(ctx: Context, t: int) -> tuple[int | None, int]:
    """The park a residency word points to and the first token after it."""
    tokens, doc = ctx.doc.tokens, ctx.doc
    if t >= len(tokens):
        return None, t
    index = ctx.mention_at.get(t)
    if index is not None and doc.mentions[index].type == "PARK":
        return ctx.entity(index), ctx.last(index) + 1
    noun = _past_park_adjectives(ctx, t)  # «резидентов особой экономической зоны: …»
    if noun == t and t < len(tokens) and tokens[t].lemma in ctx.vocab.site_area_nouns \
            and t + 1 < len(tokens) and tokens[t + 1].text in (*DASH_OR_HYPHEN, ":") \
            and (park := ctx.resolve_park(t)) is not None:
        # «резидент территории — компания «X» —», «представила резидентов площадки: компании
        # «A», «B»»: the park told before
        return park, t + 1
    if noun < len(tokens) and tokens[noun].lemma in ctx.vocab.park_anaphors:
        park = ctx.resolve_park(noun)
        following = ctx.mention_at.get(noun + 1)
        if following is not None and park is not None and \
                fold(doc.mentions[following].normal) in fold(doc.entities[park].normal):
            return park, ctx.last(following) + 1
        return park, noun + 1
    return None, t


def _past_park_adjectives(ctx: Context, t: int) -> int:
    """Past the unnamed adjectives of a park word from ``t`` («особой экономической»,
    «индустриального»): the token of the park word itself, or ``t`` where none follow."""
    tokens, adjectives = ctx.doc.tokens, ctx.vocab.park_kind_adjectives
    u = t
    while u < len(tokens) and u - t < 3 and u not in ctx.mention_at \
            and tokens[u].pos == "ADJ" and tokens[u].lemma in adjectives:
        u += 1
    return u if u < len(tokens) and tokens[u].lemma in ctx.vocab.park_anaphors else t


@matcher("resident_listed")
def resident_listed(ctx: Context, rule: RelationRule) -> None:
    """«побывали в индустриальном парке «Y»: предприятия «A» и «B» …»: the organisations
    listed after a colon and a plural generic head that follow a park of «в»/«на»; not a
    list told as planned («… только планируют разместить там производство»), nor companies
    from elsewhere («предприятия «A» и «B» из Шанхая представили …»: guests)."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        colon = ctx.last(index) + 1
        if mention.type != "PARK" or colon + 2 >= len(tokens) or tokens[colon].text != ":" \
                or not _locative(ctx, index):
            continue
        head = tokens[colon + 1]
        if colon + 1 in ctx.mention_at or head.lemma not in ctx.vocab.org_heads \
                or "Number=Plur" not in head.feats:
            continue
        clause = range(colon + 1, ctx.sentence(mention.sent_id).stop)
        if any(ctx.planned(t) or tokens[t].lemma in ctx.vocab.words("plan_words")
               or (tokens[t].lemma == "из" and t + 1 in ctx.mention_at) for t in clause):
            continue
        _residents(ctx, rule, ctx.entity(index), colon + 2, mention.sent_id)


@matcher("resident_application_approved")
def resident_application_approved(ctx: Context, rule: RelationRule) -> None:
    """«Наблюдательный совет ОЭЗ «Y» утвердил заявки ООО «A» и ООО «B»», «ОЭЗ «Y» одобрила
    заявку компании «A» на получение статуса резидента»: the applications a zone (or its
    board) approved admit the organisations named after them as its residents; not an
    approval refused («не одобрил»), to come («рассмотрит»), or for another thing («заявки
    на субсидии»)."""
    tokens = ctx.doc.tokens
    verbs, nouns = ctx.vocab.words(rule.trigger), ctx.vocab.words("application_nouns")
    for token in tokens:
        t = token.token_id
        if token.lemma not in verbs or not is_finite_verb(token) \
                or "Tense=Past" not in token.feats or ctx.planned(t) or ctx.in_speech(t) \
                or (t > 0 and tokens[t - 1].lemma == "не"):
            continue
        noun = next((u for u in range(t + 1, min(t + 3, len(tokens)))
                     if tokens[u].lemma in nouns), None)
        park = _approving_park(ctx, t)
        if noun is None or park is None:
            continue
        if not _applied_for_other(ctx, noun):
            _residents(ctx, rule, park, noun + 1, token.sent_id,
                       until=_approved_list_end(ctx, noun))


def _approved_list_end(ctx: Context, noun: int) -> int:
    """Where the list of approved applications after ``noun`` ends: at «, а» / «, но», which
    open a clause about other applications («…, а заявку компании «C» отклонил»), or at the
    next finite verb («… и отклонил заявку ООО «C»»); else at the sentence's end."""
    tokens = ctx.doc.tokens
    stop = ctx.sentence(tokens[noun].sent_id).stop
    return next((u for u in range(noun + 1, stop) if u not in ctx.mention_at and (
        is_finite_verb(tokens[u]) or _opens_contrast(ctx, u))), stop)


def _opens_contrast(ctx: Context, t: int) -> bool:
    """Is ``t`` the «а» of «, а» (not «, а также») or a «но» opening a clause of its own?"""
    tokens = ctx.doc.tokens
    return t not in ctx.mention_at and (ctx.contrast_at(t) or (
        tokens[t].lemma == "но" and t > 0 and tokens[t - 1].text == ","))


def _approving_park(ctx: Context, verb: int) -> int | None:
    """The park that is the verb's subject, or names its subject's body right after it
    («наблюдательный совет ОЭЗ «Y»»); None for any other subject («губернатор, посетив ОЭЗ
    «Y», утвердил …»)."""
    tokens = ctx.doc.tokens
    for subject in (c for c in ctx.children.get(verb, []) if tokens[c].rel == "nsubj"):
        index = ctx.mention_at.get(subject)
        if index is None:
            index = ctx.mention_at.get(subject + 1)
            if index is not None and ctx.first(index) != subject + 1:
                index = None
        if index is not None and ctx.mention_type(index) == "PARK":
            return ctx.entity(index)
    return None


def _applied_for_other(ctx: Context, noun: int) -> bool:
    """Do the applications ask «на» something other than the status («заявки на субсидии»;
    not «заявку на получение статуса резидента»)? A clause of «, а» / «, но» is about other
    applications («…, но заявку «C» вернул на доработку»)."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    clause = []
    for u in range(noun + 1, ctx.sentence(tokens[noun].sent_id).stop):
        if tokens[u].text == ";" or _opens_contrast(ctx, u):
            break
        clause.append(u)
    residency = vocab.words("resident_words") | vocab.words("resident_status_nouns")
    return any(tokens[u].lemma == "на" for u in clause) \
        and not any(tokens[u].lemma in residency for u in clause)


def _residents(ctx: Context, rule: RelationRule, park: int | None, start: int,
               sent_id: int, until: int | None = None, set_off: bool = False) -> None:
    """RESIDENT_OF for the organisations of the clause from ``start`` on (past a
    «, в частности,» or «, в том числе» before the list, across commas after it), those
    before ``until`` where it is given; a list ``set_off`` by commas (or opening at one)
    ends before «, и»."""
    tokens = ctx.doc.tokens
    if park is None or start >= len(tokens):
        return
    for index in ctx.bulleted_after(sent_id, ("ORG",)) if tokens[start - 1].text == ":" \
            or tokens[start].text == ":" else []:
        ctx.add(rule, ctx.entity(index), park, sent_id)  # «резидентов парка:» and a list
    # «резиденты парка «Y», компании «A» и «B», …», «…, среди которых «A», и …»
    apposed = set_off or tokens[start].text == ","
    listed = _list_after(ctx, start)  # after «в частности» the list runs across commas
    if listed is not None:
        start = listed
    while start < len(tokens) and tokens[start].text in CHUNK_BREAKS \
            and start not in ctx.mention_at:
        start += 1
    if start >= len(tokens) or tokens[start].sent_id != sent_id:
        return
    scope = [t for t in ctx.scope(start, lenient=listed is not None) if t >= start]
    # (after a comma only: past a colon comes a clause of its own, «добавится пятый: …»)
    comma = scope[-1] + 1 if scope and listed is None else len(tokens)
    opened = _list_after(ctx, comma) if comma < len(tokens) and tokens[comma].text == "," \
        else None
    if opened is not None and opened < len(tokens) and tokens[opened].sent_id == sent_id:
        # «являются 45 компаний, включая «A» и «B»»: the count's examples are the residents
        scope += [t for t in ctx.scope(opened, lenient=True) if t >= opened]
    scope += _named_items_after(ctx, scope[-1] + 1) if scope else []
    scope += _names_past_asides(ctx, scope[-1] + 1) if scope else []
    if apposed:
        scope = _before_comma_conjunction(ctx, scope)
    scope = _before_clause_of_its_own(ctx, scope)
    if until is not None:
        scope = [t for t in scope if t < until]
    for index in ctx.mentions_in(scope):
        if ctx.mention_type(index) == "ORG" and not ctx.title_dependent(index):
            ctx.add(rule, ctx.entity(index), park, sent_id)


def _before_clause_of_its_own(ctx: Context, scope: list[int]) -> list[int]:
    """The tokens before «, а …» / «, и …» / «, но …» that open a clause with a verb of its
    own («резидентов парка – «A» и «B», а во второй половине дня посетили «C»»: C is what the
    group went to see next, no resident; so after a dash that closes the list: «— «A» и «B»,
    — а затем …»)."""
    tokens = ctx.doc.tokens
    for i, t in enumerate(scope):
        if t > 0 and tokens[t - 1].text in (",", *DASH_OR_HYPHEN) and t not in ctx.mention_at \
                and tokens[t].lemma in ("и", "а", "но") \
                and any(is_finite_verb(tokens[u]) for u in scope[i + 1:]):
            return scope[:i]
    return scope


def _before_comma_conjunction(ctx: Context, scope: list[int]) -> list[int]:
    """The tokens of a list set off by commas before a comma and a conjunction («резиденты
    парка «Y», среди которых «A», и фирма «B», подавшая заявку, …»): such a list joins its
    last name with a bare «и»; «, и» / «, а» opens a second subject, which is no item of it.
    """
    tokens = ctx.doc.tokens
    for i, t in enumerate(scope):
        if t > 0 and tokens[t - 1].text == "," and t not in ctx.mention_at \
                and tokens[t].lemma in ("и", "а", "но"):
            return [u for u in scope[:i] if u < t - 1]
    return scope


def _named_items_after(ctx: Context, t: int) -> list[int]:
    """The comma chunks from ``t`` on that go on a list of organisations, each opened by a
    legal form or a generic head right before a name («…: ООО «A», АО «B» и компания «C»»).
    """
    tokens, found = ctx.doc.tokens, []
    if t >= len(tokens) or (t > 0 and tokens[t].sent_id != tokens[t - 1].sent_id):
        return found  # (the list ended with its sentence: «Компания «A» …» opens the next)
    for chunk in ctx.chunks(tokens[t].sent_id):
        if chunk[0] < t:
            continue
        first = next((w for w in chunk if tokens[w].pos != "PUNCT"), None)
        if first is None or first in ctx.mention_at or first + 1 not in ctx.mention_at or not (
                ctx.legal_form(first) or tokens[first].lemma in ctx.vocab.org_heads):
            break
        found += chunk
    return found


def _names_past_asides(ctx: Context, t: int) -> list[int]:
    """«Среди них — «A», которая выпускает роботов, НПФ «B», внедряющая технологии, и C,
    которая …»: the names a list goes on with past the relative or participle aside that
    describes each, the aside's own words left out (its verbs are no clause of the list's)."""
    tokens, found = ctx.doc.tokens, []
    while t + 1 < len(tokens) and tokens[t].text == "," \
            and tokens[t].sent_id == tokens[t + 1].sent_id \
            and (tokens[t + 1].lemma == "который" or "VerbForm=Part" in tokens[t + 1].feats):
        end = next((u for u in range(t + 1, len(tokens)) if tokens[u].text == ","
                    or tokens[u].sent_id != tokens[t].sent_id), len(tokens))
        if end >= len(tokens) or tokens[end].text != ",":
            break
        name = end + 1
        if name < len(tokens) and tokens[name].lemma == "и":
            name += 1
        if name < len(tokens) and name not in ctx.mention_at and name + 1 in ctx.mention_at \
                and (ctx.legal_form(name) or tokens[name].lemma in ctx.vocab.org_heads
                     or tokens[name].text.isupper()):
            name += 1  # «НПФ «B»», «компания «C»»: a legal form or a generic head
        index = ctx.mention_at.get(name)
        if index is None or ctx.first(index) != name or ctx.mention_type(index) != "ORG":
            break
        found += list(range(end + 1, ctx.last(index) + 1))
        t = ctx.last(index) + 1
    return found


# -- PART_OF -------------------------------------------------------------------------------


@matcher("part_of_adjacent")
def part_of_adjacent(ctx: Context, rule: RelationRule) -> None:
    """«филиал компании X», «рабочего комитета «Один пояс, один путь» Китайской
    ассоциации …»: a subunit named right before its organisation."""
    tokens = ctx.doc.tokens
    heads = ctx.vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type not in ("PARK", "ORG"):
            continue
        mention_tokens = sorted(ctx.mention_tokens(index))
        before = mention_tokens[0] - 1
        quoted = tokens[mention_tokens[0]].text == QUOTE_OPEN
        if tokens[mention_tokens[0]].lemma not in heads and not (
                # «рабочего комитета «Один пояс, один путь» Китайской ассоциации …»
                before >= 0 and before not in ctx.mention_at
                and tokens[before].lemma in heads and quoted) and not (
                # «с «Российским энергетическим агентством» Минэнерго»: the head in quotes
                quoted and len(mention_tokens) >= 3 and tokens[mention_tokens[-1]].text
                == QUOTE_CLOSE and tokens[mention_tokens[-2]].lemma in heads) and not (
                # ««Центра индустрии и науки» Института Y»: the head opens the quoted name
                quoted and len(mention_tokens) >= 3
                and tokens[mention_tokens[1]].lemma in heads
                and _genitive_after(ctx, mention_tokens[-1] + 1)):
            continue
        after = mention_tokens[-1] + 1
        inside = False  # «Институт Конфуция в РГУ»: a sub-unit «в» an organisation
        if after + 1 < len(tokens) and after not in ctx.mention_at \
                and tokens[after].lemma in ("при", "в", "во"):
            inside = tokens[after].lemma != "при"
            after += 1  # «центр «X» при университете Y»: attached to its whole
        if after + 1 < len(tokens) and after not in ctx.mention_at \
                and tokens[after].lemma in ctx.vocab.org_heads \
                and case_of(tokens[after]) in ("Gen", "Loc"):
            after += 1  # «филиала «X» компании «Y»», «при компании «Y»»: past its generic head
        following = ctx.mention_at.get(after)
        if inside and following is not None and case_of(tokens[after]) != "Loc":
            continue  # «направила центр «X» в ОГУ»: a direction, not where it belongs
        if after == mention_tokens[-1] + 1 and not quoted and after < len(tokens) \
                and tokens[after].text == QUOTE_OPEN \
                and _uninflected_name(ctx, after + 1):
            # «агентства по делам X «Кедр»»: a described body, then its own name in the
            # nominative; «отдела маркетинга «Кедрнефти»» in the genitive is its parent
            continue
        if following is not None and ctx.first(following) == after \
                and ctx.mention_type(following) in (("ORG",) if inside else ("PARK", "ORG")) \
                and ctx.entity(following) != ctx.entity(index) \
                and not (after == mention_tokens[-1] + 1 and not quoted
                         and _latin_name(ctx, following)):
            ctx.add(rule, ctx.entity(index), ctx.entity(following), mention.sent_id)


@matcher("part_of_placed")
def part_of_placed(ctx: Context, rule: RelationRule) -> None:
    """«технопарк «X» расположен на территории ОЭЗ «Y»», «парк «X», который находится в ОЭЗ
    «Y»»: a park placed inside another park is part of it (a company placed there is its
    resident: resident_of.placed_verb)."""
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        wholes = _parks_placed(ctx, [t], ("obl",))
        if len(wholes) != 1:
            continue
        whole = wholes.pop()
        parts = _named_orgs(ctx, t, ("PARK",))
        head = ctx.mention_at.get(token.head_id)
        if token.rel in ("acl", "acl:relcl") and head is not None \
                and ctx.mention_type(head) == "PARK":
            parts.append(ctx.entity(head))  # «парк «X», который находится в ОЭЗ «Y»»
        for part in parts:
            if part != whole:
                ctx.add(rule, part, whole, token.sent_id)


@matcher("part_of_in_composition")
def part_of_in_composition(ctx: Context, rule: RelationRule) -> None:
    """«В составе холдинга «Y» теперь и завод «X»» (no verb: what follows the whole is in
    it), «В составе «Y» немало заводов: туда входят «A» и «B»» («туда» of a part verb
    points back to the whole): the named organisations are parts of the whole named right
    after «в составе»."""
    tokens = ctx.doc.tokens
    for token in tokens:
        t = token.token_id
        if token.lemma != "состав" or t == 0 or tokens[t - 1].lemma not in ("в", "во") \
                or ctx.in_speech(t):
            continue
        whole = ctx.named_at(t + 1)  # past a generic head («в составе холдинга «Y»»)
        if whole is None or (t + 1 not in ctx.mention_at
                             and tokens[t + 1].lemma not in ctx.vocab.named_heads):
            continue  # (not «в составе делегации «Y»»: a group's members, no parts)
        sentence = ctx.sentence(token.sent_id)
        stop = next((u for u in range(t, sentence.stop) if tokens[u].text == ";"),
                    sentence.stop)  # the clause: «…; ради этого предприятие станет …»
        clause = range(sentence.start, stop)
        verbs = [v for v in clause if is_finite_verb(tokens[v])]
        if not verbs and t - 1 == sentence.start:
            parts = [ctx.entity(i) for i in ctx.mentions_in(range(ctx.last(whole) + 1, stop))
                     if ctx.mention_type(i) in ("PARK", "ORG") and not ctx.title_dependent(i)]
        else:
            parts = [p for v in verbs if v > t and tokens[v].lemma in ctx.vocab.words(
                         rule.trigger) and not ctx.planned(v) and any(
                         tokens[c].lemma in ("туда", "сюда") for c in ctx.children.get(v, []))
                     for p in _named_orgs(ctx, v, ("PARK", "ORG"))]
        for part in parts:
            if part != ctx.entity(whole):
                ctx.add(rule, part, ctx.entity(whole), token.sent_id)


@matcher("part_of_opened_by_park")
def part_of_opened_by_park(ctx: Context, rule: RelationRule) -> None:
    """«Технопарк «X» открыл бизнес-инкубатор «Y»», «бизнес-инкубатор «Y» технопарк «X»
    открыл в мае»: a park that opened or created another park holds it as its part (not a
    governor's or a company's opening: only a park's)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        if "Tense=Past" not in token.feats:
            continue
        wholes = set(_named_orgs(ctx, t, ("PARK",)))
        parts = {ctx.entity(ctx.mention_at[c]) for c in ctx.children.get(t, [])
                 if tokens[c].rel == "obj" and c in ctx.mention_at
                 and ctx.mention_type(ctx.mention_at[c]) == "PARK"}
        if len(wholes) == 1 and len(parts) == 1 and wholes != parts:
            ctx.add(rule, parts.pop(), wholes.pop(), token.sent_id)


def _uninflected_name(ctx: Context, t: int) -> bool:
    """Does the quoted name at ``t`` open with a word that can only be a nominative
    («Кедр», «Ольхосотрудничество»; not «Кедрнефти» nor «Кедргаза», which the tagger may call
    nominative all the same but the dictionary also reads as a genitive)?"""
    tokens = ctx.doc.tokens
    return t < len(tokens) and case_of(tokens[t]) == "Nom" \
        and not any("gent" in parse.tag for parse in word_parses(tokens[t].text))


def _genitive_after(ctx: Context, t: int) -> bool:
    """Does a name in the genitive open at ``t`` (its first word inflected so)?"""
    tokens = ctx.doc.tokens
    return t < len(tokens) and t in ctx.mention_at and case_of(tokens[t]) == "Gen"


def _latin_name(ctx: Context, index: int) -> bool:
    """Is the name written in Latin letters only («Институт науки и технологий SRM»: right
    after a descriptor it is the body's own name, not a whole in the genitive)?"""
    return _latin_words(ctx.doc.mentions[index].text.split())


def _latin_words(words: list[str]) -> bool:
    """Are the words in Latin letters, with no Cyrillic one?"""
    text = " ".join(words)
    return any("a" <= c.lower() <= "z" for c in text) and not any(
        "а" <= c.lower() <= "я" or c in "ёЁ" for c in text)


def _relative_subject(ctx: Context, verb: int, types: tuple[str, ...]) -> list[int]:
    """The name right before the comma of a relative clause whose subject «который» is of
    ``verb`` («университет «X», который входит в систему Y»), as a one-entity list."""
    tokens = ctx.doc.tokens
    if tokens[verb].rel != "acl:relcl":
        return []
    which = next((c for c in ctx.children.get(verb, []) if tokens[c].lemma == "который"
                  and tokens[c].rel in ("nsubj", "nsubj:pass")), None)
    if which is None or which < 2 or tokens[which - 1].text != ",":
        return []
    index = ctx.mention_at.get(which - 2)
    return [ctx.entity(index)] if index is not None and ctx.mention_type(index) in types else []


def _acl_subject(ctx: Context, verb: int) -> list[int]:
    """The organisation or park a participle after a comma describes («компания «X»,
    входящая в холдинг «Y»»), as a one-entity list (empty if none)."""
    tokens = ctx.doc.tokens
    if tokens[verb].rel not in ("acl", "amod") or verb < 2 or tokens[verb - 1].text != ",":
        return []
    index = ctx.mention_at.get(_before_relative(ctx, verb))
    if tokens[verb].head_id > verb or (
            index is not None and len(listed := _list_ending_with(ctx, verb, index)) > 1
            and any(tokens[verb].head_id in ctx.mention_tokens(i) for i in listed)):
        # «площадки «A» и «B», входящих в состав ТОР «Y»» with the participle hung on the
        # whole after it, or on one name of the list: the names before the comma, all of a
        # list for a plural participle
        if index is None or ctx.mention_type(index) not in ("PARK", "ORG"):
            return []
        return [ctx.entity(i) for i in _list_ending_with(ctx, verb, index)]
    head = tokens[verb].head_id
    if head not in ctx.mention_at and _branch_apposition(ctx, head):
        head = tokens[head].head_id  # «завод X — филиал …»: the branch is the name it explains
    # only a branch's apposition between them lets the parse's head outrank the name before
    # the comma («посетила институт «Кедр», входящий в …»: Кедр is in the holding)
    explained = head in ctx.mention_at and index is not None and any(
        _branch_apposition(ctx, t) and tokens[t].head_id == head
        for t in range(ctx.last(ctx.mention_at[head]) + 1, ctx.first(index)))
    if explained and ctx.mention_at[head] != index \
            and ctx.mention_type(ctx.mention_at[head]) in ("PARK", "ORG"):
        # «завод X — филиал АО «Y», входящий в корпорацию Z»: the participle agrees with the
        # plant, whose branch it is, not with the parent Y named last before the comma
        index = ctx.mention_at[head]
    if index is None or ctx.mention_type(index) not in ("PARK", "ORG"):
        return []
    return [ctx.entity(index)]


def _list_ending_with(ctx: Context, verb: int, index: int) -> list[int]:
    """The names of the list that ends with mention ``index`` before a plural participle
    («…«A» и «B», входящих …»: each of the list), or ``index`` alone."""
    tokens = ctx.doc.tokens
    listed = [index]
    t = ctx.first(index) - 1
    while "Number=Plur" in tokens[verb].feats and t > 0 and tokens[t].text in (",", "и") \
            and (other := ctx.mention_at.get(t - 1)) is not None \
            and ctx.mention_type(other) == ctx.mention_type(index):
        listed.insert(0, other)
        t = ctx.first(other) - 1
    return listed


def _branch_apposition(ctx: Context, t: int) -> bool:
    """Is ``t`` a branch noun set in apposition to a name («завод X — филиал АО «Y»»)?"""
    token = ctx.doc.tokens[t]
    return token.rel == "appos" and token.lemma in ctx.vocab.words("org_branch_heads")


def _bracket_subject(ctx: Context, verb: int) -> list[int]:
    """The organisation or park a bracket opening with the verb follows («завод X (входит в
    группу «Y»)», «завод X (ЗX, входит в группу «Y»)»: past its abbreviation), as a
    one-entity list (empty if none)."""
    tokens = ctx.doc.tokens
    t = verb - 1
    if t >= 1 and tokens[t].text == ",":
        t -= 1  # past the abbreviation the bracket gives first
        t = ctx.first(ctx.mention_at[t]) - 1 if t in ctx.mention_at \
            else t - int(tokens[t].text.isupper())
    if t < 1 or tokens[t].text != "(" or t in ctx.mention_at:
        return []
    index = ctx.mention_at.get(t - 1)
    if index is None or ctx.mention_type(index) not in ("PARK", "ORG"):
        return []
    return [ctx.entity(index)]


@matcher("part_of_apposition")
def part_of_apposition(ctx: Context, rule: RelationRule) -> None:
    """««Печатники», площадка ОЭЗ «Y»», «X — одна из площадок ОЭЗ «Y»»: a name, then a
    sub-unit word with its whole after a comma or dash."""
    tokens = ctx.doc.tokens
    heads = ctx.vocab.words(rule.trigger)
    for token in tokens:
        h = token.token_id
        if token.lemma not in heads or h in ctx.mention_at or h < 2:
            continue
        named = h + 1
        if named + 1 < len(tokens) and named not in ctx.mention_at \
                and tokens[named].lemma in ctx.vocab.org_heads:
            named += 1  # «филиал АО «Y»», «филиал компании «Y»»: past the whole's own head
        whole = ctx.mention_at.get(named)
        if whole is None or ctx.mention_type(whole) not in ("PARK", "ORG") \
                or ctx.first(whole) != named:
            continue
        quoted = tokens[named].text == QUOTE_OPEN and named + 1 < len(tokens)
        if named == h + 1 and ctx.mention_type(whole) == "ORG" and quoted \
                and case_of(tokens[named + 1]) == "Nom":
            # «компания «Кедр» (подразделение «Кедр-Агро»)»: the sub-unit's own name, no whole
            # (but «филиал «Кедра»»; a Latin name shows no case: «X, подразделение Boeing»)
            continue
        one_of = tokens[h - 1].lemma == "из" and tokens[h - 2].lemma == "один" \
            and token.head_id == h - 2
        complement = tokens[h - 2] if one_of else token  # «является одной из площадок»
        copula = complement.head_id
        if complement.rel in ("xcomp", "obl") and copula >= 0 and tokens[copula].lemma in \
                ctx.vocab.words("copula_verbs") and not ctx.planned(copula):
            # «технопарк «X» является площадкой (одной из площадок) ОЭЗ «Y»»
            for part in _named_orgs(ctx, copula, ("PARK", "ORG")):
                if part != ctx.entity(whole):
                    ctx.add(rule, part, ctx.entity(whole), token.sent_id)
            continue
        b = h - 1
        while b > 1 and tokens[b].pos == "ADJ" and b not in ctx.mention_at:
            b -= 1  # «— структурное подразделение»
        if tokens[b].lemma == "из" and b >= 2 and tokens[b - 1].lemma == "один":
            b -= 2  # «— одна из площадок»
        if tokens[b].lemma == "это" and b > 1 and tokens[b - 1].text == DASH:
            b -= 1  # «X — это структурное подразделение Y»
        if tokens[b].text not in (",", DASH, "(") or b in ctx.mention_at:
            continue  # «технопарк «X» (площадка ОЭЗ «Y»)»
        part = ctx.mention_at.get(_past_named_after(ctx, b - 1))
        if part is not None and ctx.first(part) > 0 \
                and tokens[ctx.first(part) - 1].lemma == token.lemma:
            continue  # «— Управлением СЭЗ «X», Управлением СЭЗ «Y»»: a list of like units
        if part is not None and ctx.mention_type(part) in ("PARK", "ORG"):
            ctx.add(rule, ctx.entity(part), ctx.entity(whole), token.sent_id)


@matcher("part_of_zone_before")
def part_of_zone_before(ctx: Context, rule: RelationRule) -> None:
    """«ОЭЗ «Y» создана в 2015 году. (Её) площадка «X» расположена в Сосновске»: a named
    part of a zone (``rule.trigger``: «площадка», «субзона») with no whole in its own
    sentence belongs to the one zone named one or two sentences before, where no other park
    is named between."""
    tokens = ctx.doc.tokens
    heads = ctx.vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        head = first if tokens[first].text != QUOTE_OPEN else first - 1
        if mention.type != "PARK" or head < 0 or tokens[head].lemma not in heads \
                or mention.sent_id == 0:
            continue
        part = ctx.entity(index)
        own = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(mention.sent_id))
               if ctx.mention_type(i) == "PARK"}
        if own != {part}:
            continue  # a whole of its own sentence: part_of.subunit_of, part_of.apposition
        for sent_id in range(mention.sent_id - 1, max(mention.sent_id - 3, -1), -1):
            parks = {ctx.entity(i) for i in ctx.mentions_in(ctx.sentence(sent_id))
                     if ctx.mention_type(i) == "PARK"} - {part}
            if parks:
                zone = parks.pop()
                if not parks and _zone(ctx, zone):
                    ctx.add(rule, part, zone, mention.sent_id)
                break


def _zone(ctx: Context, entity: int) -> bool:
    """Is the park a zone («ОЭЗ «Y»», «особая экономическая зона «Y»», «ТОР «Y»»)?"""
    words = fold(ctx.doc.entities[entity].normal).replace("«", " ").split()
    return any(w in ctx.vocab.zone_anaphors or w in ctx.vocab.words("zone_abbreviations")
               for w in words)


def _past_named_after(ctx: Context, t: int) -> int:
    """«Ольховский завод (ОЗ) им. И. П. Петрова – филиал …»: from the last token of a name's
    «им.»/«имени» person (and an alias in brackets before it) back to the last token of the
    name itself; ``t`` as it is when no such person ends there."""
    tokens = ctx.doc.tokens
    person = ctx.mention_at.get(t)
    if person is None or ctx.mention_type(person) != "PER":
        return t
    u = ctx.first(person) - 1
    if ctx.eponym_marker_at(u - 1) == 2:
        u -= 2
    elif ctx.eponym_marker_at(u) == 1:
        u -= 1
    else:
        return t
    if u >= 2 and tokens[u].text == ")" and u - 1 in ctx.mention_at:
        u = ctx.first(ctx.mention_at[u - 1]) - 2  # past «(ОЗ)»: the alias in brackets
    return u if u >= 0 and u in ctx.mention_at else t


def _whole_told_before(ctx: Context, composition: int) -> int | None:
    """«В (ее) состав входят …» naming no whole: the one park the sentence before names."""
    tokens = ctx.doc.tokens
    sent_id = tokens[composition].sent_id
    opening = ctx.sentence(sent_id).start
    if sent_id == 0 or any(tokens[t].lemma not in ("в", "во", "она", "он", "её", "его", "ее")
                           for t in range(opening, composition)):
        return None
    following = composition + 1
    if any(tokens[c].rel == "nmod" for c in ctx.children.get(composition, [])) or (
            following < len(tokens) and tokens[following].pos == "NOUN"
            and case_of(tokens[following]) == "Gen"):
        return None  # «В состав правления вошли …»: a whole, named by a common noun
    parks = {ctx.entity(i): i for i in ctx.mentions_in(ctx.sentence(sent_id - 1))
             if ctx.mention_type(i) == "PARK"}
    return next(iter(parks.values())) if len(parks) == 1 else None


@matcher("part_of_attached")
def part_of_attached(ctx: Context, rule: RelationRule) -> None:
    """«госпиталь «X» при университете «Y»», «технопарк «X», который работает при
    университете Y», «центр «X», созданный при министерстве Y»: the park or body «при» a
    named organisation is part of it."""
    tokens, verbs = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    for token in tokens:
        t = token.token_id
        if token.lemma != "при" or t + 1 >= len(tokens) or ctx.in_speech(t):
            continue
        # (the name itself, or after its generic head: «при университете «Y»»)
        opening = t + 2 if t + 2 < len(tokens) and t + 1 not in ctx.mention_at \
            and tokens[t + 1].lemma in ctx.vocab.org_heads else t + 1
        whole = ctx.mention_at.get(opening)
        if whole is None or ctx.first(whole) != opening or ctx.mention_type(whole) != "ORG":
            continue
        before = t - 1
        if before >= 0 and tokens[before].lemma in verbs and not ctx.planned(before):
            # «…, который работает при Y», «…, созданный при Y»: the name before the clause
            comma = before - 1 - int(before >= 1 and tokens[before - 1].lemma == "который")
            before = comma - 1 if comma >= 1 and tokens[comma].text == "," else -1
        part = ctx.mention_at.get(before) if before >= 0 else None
        if part is None or ctx.last(part) != before \
                or ctx.mention_type(part) not in ("PARK", "ORG") \
                or ctx.entity(part) == ctx.entity(whole):
            continue
        ctx.add(rule, ctx.entity(part), ctx.entity(whole), token.sent_id)


@matcher("part_of_composition")
def part_of_composition(ctx: Context, rule: RelationRule) -> None:
    """«X входит в состав ОЭЗ «Y»», «X является частью Y»: the subject is part of the
    whole named after «состав»/«часть»; «В технопарк «Y» вошло предприятие «X»»: a company
    that enters a park is its resident (the rule of RESIDENT_OF takes those, PART_OF the
    rest)."""
    tokens = ctx.doc.tokens
    verbs = ctx.vocab.words(rule.trigger)
    residents = rule.relation == "RESIDENT_OF"
    for token in tokens if not residents else ():
        t = token.token_id
        # «входит в состав (структуру) Y», «является частью Y»
        if token.lemma not in ctx.vocab.words("whole_nouns") or ctx.in_speech(t):
            continue
        after = t + 1 + int(t + 1 < len(tokens) and t + 1 not in ctx.mention_at
                            and tokens[t + 1].lemma in ctx.vocab.named_heads)
        whole = ctx.mention_at.get(after)  # «в состав холдинга «Y»»
        if whole is None and token.lemma == "состав":
            whole = _whole_told_before(ctx, t)  # «ОЭЗ «Y». В (ее) состав входят X и Z»
        if whole is None or ctx.mention_type(whole) not in ("PARK", "ORG"):
            continue
        verb = token.head_id
        if verb < 0 or tokens[verb].lemma not in verbs | ctx.vocab.words("copula_verbs") \
                or (token.lemma != "часть" and tokens[verb].lemma not in verbs) \
                or ctx.planned(verb):
            continue
        for part in _named_orgs(ctx, verb, ("PARK", "ORG")) + _acl_subject(ctx, verb) \
                + _relative_subject(ctx, verb, ("PARK", "ORG")):
            if part != ctx.entity(whole):
                ctx.add(rule, part, ctx.entity(whole), token.sent_id)
    for token in ctx.triggers(verbs, unplanned=True):
        # «технопарк «X» входит в ОЭЗ «Y»»: the whole right after «в»
        for child in ctx.children.get(token.token_id, []):
            if tokens[child].rel != "obl":
                continue
            whole, opening = ctx.mention_at.get(child), child
            if whole is None and tokens[child].lemma in ctx.vocab.park_anaphors \
                    and child >= 1 and tokens[child - 1].lemma in ("в", "во") \
                    and (park := ctx.resolve_park(child)) is not None:
                # «технопарк «X», входящий в ОЭЗ»: the zone told before
                for part in _named_orgs(ctx, token.token_id, ("PARK", "ORG")) \
                        + _acl_subject(ctx, token.token_id):
                    if part != park and _a_company(ctx, part) == residents:
                        ctx.add(rule, part, park, token.sent_id)
                continue
            if whole is not None:
                opening = ctx.first(whole)
            elif tokens[child].lemma in ctx.vocab.named_heads:
                whole = ctx.mention_at.get(child + 1)  # «входит в холдинг «Y»»
                if whole is not None and ctx.first(whole) != child + 1:
                    whole = None
            if whole is None or ctx.mention_type(whole) not in ("PARK", "ORG") or opening < 1 \
                    or tokens[opening - 1].lemma not in ("в", "во"):
                continue
            for part in _named_orgs(ctx, token.token_id, ("PARK", "ORG")) \
                    + _acl_subject(ctx, token.token_id) \
                    + _bracket_subject(ctx, token.token_id):
                entering = ctx.mention_type(whole) == "PARK" and _a_company(ctx, part)
                if part != ctx.entity(whole) and entering == residents:
                    ctx.add(rule, part, ctx.entity(whole), token.sent_id)
    for index, mention in enumerate(ctx.doc.mentions if not residents else ()):
        # «индустриальный парк «X» в составе ОЭЗ «Y»» (a park's part: PART_OF only)
        t = ctx.last(index) + 1
        if mention.type != "PARK" or not ctx.phrase_from(t, ["в", "состав"]):
            continue
        whole = ctx.mention_at.get(t + 2)
        if whole is not None and ctx.mention_type(whole) == "PARK":
            ctx.add(rule, ctx.entity(index), ctx.entity(whole), mention.sent_id)


@matcher("part_of_owner")
def part_of_owner(ctx: Context, rule: RelationRule) -> None:
    """«владелец «X» — фирма «Y»», «X, дочерняя компания холдинга «Y»», «X является
    дочерней структурой Y», «X принадлежит холдингу «Y»»: X is part of its owner Y."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    owners = vocab.words(rule.trigger)
    for token in ctx.triggers(owners | vocab.words("subsidiary_adjectives")):
        t = token.token_id
        if token.lemma in owners:
            # «владелец «X» — фирма «Y»»
            part = ctx.mention_at.get(t + 1)
            if part is None or ctx.first(part) != t + 1 or ctx.mention_type(part) != "ORG":
                continue
            dash = ctx.last(part) + 1
            whole = ctx.named_at(dash + 1) if dash < len(tokens) \
                and tokens[dash].text == DASH else None
            if whole is not None:
                ctx.add(rule, ctx.entity(part), ctx.entity(whole), token.sent_id)
            continue
        # «дочерняя компания холдинга «Y»»: the whole after the subsidiary's noun
        noun = t + 1
        if noun >= len(tokens) or tokens[noun].pos != "NOUN" or noun in ctx.mention_at:
            continue
        whole = ctx.named_at(noun + 1)
        if whole is None:
            continue
        parts = []
        if t >= 2 and tokens[t - 1].text in (",", DASH) and t - 2 in ctx.mention_at:
            parts.append(ctx.entity(ctx.mention_at[t - 2]))  # «X, дочерняя компания Y»
        if tokens[noun].head_id >= 0 and tokens[tokens[noun].head_id].lemma \
                in vocab.words("copula_verbs"):
            parts += _named_orgs(ctx, tokens[noun].head_id)  # «X является дочерней …»
        for part in parts:
            if part != ctx.entity(whole) and ctx.doc.entities[part].type == "ORG":
                ctx.add(rule, part, ctx.entity(whole), token.sent_id)
    for token in ctx.triggers(vocab.words("belonging_verbs"), unplanned=True):
        # «компания «X» принадлежит холдингу «Y»»
        t = token.token_id
        wholes = [w for c in ctx.children.get(t, []) if tokens[c].rel in ("obl", "iobj", "obj")
                  and "Case=Dat" in tokens[c].feats and (w := ctx.named_at(c)) is not None]
        if len(wholes) != 1:
            continue
        for part in _named_orgs(ctx, t):
            if part != ctx.entity(wholes[0]):
                ctx.add(rule, part, ctx.entity(wholes[0]), token.sent_id)


@matcher("part_of_includes")
def part_of_includes(ctx: Context, rule: RelationRule) -> None:
    """«ОЭЗ «Y» включает площадки «A» и «B»», «ОЭЗ «Y» состоит из двух площадок: «A» и
    «B»»: the whole is the subject, its parts the object (after «из» for «состоять»)."""
    tokens = ctx.doc.tokens
    for token in ctx.triggers(ctx.vocab.words(rule.trigger), unplanned=True):
        t = token.token_id
        wholes = set(_named_orgs(ctx, t, ("PARK", "ORG")))
        if not wholes:  # «Зона состоит из трёх площадок …»: the park told before
            wholes = {park for c in ctx.children.get(t, []) if tokens[c].rel == "nsubj"
                      and c not in ctx.mention_at and tokens[c].lemma in ctx.vocab.park_anaphors
                      and (park := ctx.resolve_park(c)) is not None
                      and any(ctx.first(m) < c for m in ctx.doc.entities[park].mention_ids)}
        if len(wholes) != 1:
            continue
        whole = wholes.pop()
        objects = [c for c in ctx.children.get(t, []) if tokens[c].rel == "obj" or (
            tokens[c].rel == "obl" and ctx.governed(c, "из"))]
        seen, parts = set(objects), list(objects)
        for c in parts:  # the names on the objects, and the names joined to them
            index = ctx.mention_at.get(c)
            words = ctx.mention_tokens(index) if index is not None else [c]
            # «площадки «A» и «B»»: what is joined to any word of a name
            for g in (g for w in words for g in ctx.children.get(w, [])):
                if g not in seen and tokens[g].rel in ("appos", "flat:name", "conj", "parataxis"):
                    seen.add(g)
                    parts.append(g)
        found = {ctx.entity(ctx.mention_at[c]) for c in parts if c in ctx.mention_at
                 and ctx.mention_type(ctx.mention_at[c]) in ("PARK", "ORG")}
        for part in found - {whole}:
            ctx.add(rule, part, whole, token.sent_id)


@matcher("part_of_led_subunit")
def part_of_led_subunit(ctx: Context, rule: RelationRule) -> None:
    """«делегация Министерства X во главе с директором Департамента Y»: the sub-unit whose
    officer leads an organisation's group is part of that organisation."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    heads = vocab.words(rule.trigger)
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        if mention.type != "ORG" or tokens[first].lemma not in heads or first < 5:
            continue
        after = ctx.mention_at.get(ctx.last(index) + 1)
        if after is not None and ctx.mention_type(after) in ("ORG", "PARK", "LOC"):
            continue  # «Департамента X Министерства Y»: its own whole follows
        title = first - 1
        if title in ctx.mention_at or not vocab.is_title(tokens[title].lemma):
            continue
        lead = title - 1  # «во главе с», «под руководством»
        if tokens[lead].lemma == "с":
            lead -= 1
        if tokens[lead].lemma not in vocab.leader_nouns or tokens[lead - 1].lemma not in (
                "во", "в", "под"):
            continue
        whole = ctx.mention_at.get(lead - 2)
        if whole is not None and ctx.mention_type(whole) == "ORG" \
                and ctx.entity(whole) != ctx.entity(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(whole), mention.sent_id)


@matcher("part_of_name_ends_in_whole")
def part_of_name_ends_in_whole(ctx: Context, rule: RelationRule) -> None:
    """«Департамент внешних связей КФУ», «Департамент промышленной политики Минпромторга
    России», «Китайский центр ТГУ»: a sub-unit (adjectives before its head) whose own name
    ends with the name of another organisation the document names is part of it."""
    tokens, heads = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    wholes: dict[str, int] = {}
    for entity_id, entity in enumerate(ctx.doc.entities):
        if entity.type == "ORG":
            for index in entity.mention_ids:
                mention = ctx.doc.mentions[index]
                if mention.source in (REFERENCE_SOURCE, "rule:propagate.quoted_name"):
                    # «компании», «она» standing for it: no name of it; a longer name's own
                    # quoted part («Центр кооперации «Степь»» → «Степь») is that body's
                    continue
                for name in (mention.normal, mention.text):
                    wholes.setdefault(name_key(name), entity_id)
    for index, mention in enumerate(ctx.doc.mentions):
        first = ctx.first(index)
        while first < ctx.last(index) and tokens[first].pos == "ADJ":
            first += 1  # «Китайский центр ТГУ», «Черноморский филиал ТГУ»
        if mention.type != "ORG" or tokens[first].lemma not in heads:
            continue
        words = mention.text.split()
        head_at = first - ctx.first(index)
        # «Черноморский филиал КГУ имени И. И. Петрова»: the whole's name ends before «имени»
        named_after = next((k for k in range(head_at + 1, len(words))
                            if words[k].lower() in ctx.vocab.words("eponym_markers")),
                           len(words))
        words = words[:named_after]
        after_head = len(words) - 1 - head_at
        kinds = ctx.vocab.words("org_heads")
        for size in range(min(after_head, 4), 0, -1):  # the whole's name after the head
            if size == after_head and first == ctx.first(index) \
                    and tokens[first].lemma in kinds:
                continue  # «Агентство ТАСС»: a kind of body before its own name, not a part
            if size < after_head and _latin_words(words[-size:]) \
                    and words[-size - 1].lower() not in ("при", "в", "во"):
                break  # «Институт науки и технологий SRM»: a Latin name ends its own name
            whole = wholes.get(name_key(" ".join(words[-size:])))
            if whole is not None and _own_quoted_name(ctx, words, size, whole, kinds):
                break  # «Центр кооперации «Кедровая степь»»: the centre's own name
            if whole is not None and whole != ctx.entity(index):
                ctx.add(rule, ctx.entity(index), whole, mention.sent_id)
                break


def _own_quoted_name(ctx: Context, words: list[str], size: int, whole: int,
                     kinds: frozenset[str] | set[str]) -> bool:
    """Are the last ``size`` words a quoted name in the nominative, as the ``whole`` is
    named, right after a word that is no organisation's head («Центр промышленной
    кооперации «Кедровая степь»»: the centre's own name; not «госкорпорации «Кедр»», nor a
    body in the genitive, «Департамент … «Кедрпрома»»)?"""
    tail = " ".join(words[-size:])
    if not (tail.startswith(QUOTE_OPEN) and tail.endswith(QUOTE_CLOSE)) or size == len(words):
        return False
    before = words[-size - 1].lower()
    if any(before.startswith(kind[:-1]) for kind in kinds if len(kind) > 3):
        return False
    return tail.strip(QUOTE_OPEN + QUOTE_CLOSE) in {
        ctx.doc.mentions[i].normal for i in ctx.doc.entities[whole].mention_ids}


# -- a site on the territory of a park ------------------------------------------------------


@matcher("on_park_territory")
def on_park_territory(ctx: Context, rule: RelationRule) -> None:
    """«промышленный парк «X» на территории ОЭЗ «Y»» (PART_OF), «завод «Z» на территории
    ОЭЗ «Y»» (RESIDENT_OF): what stands on a park's territory, named right before it."""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    area_nouns = vocab.words(rule.trigger)
    wanted = "PARK" if rule.relation == "PART_OF" else "ORG"
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != wanted:
            continue
        # «завода компании «Z» (Zeta) в ОЭЗ «Y»»: past the name's alias in brackets
        t = _past_alias(ctx, index, ctx.last(index) + 1)
        if t + 2 >= len(tokens) or tokens[t].lemma not in ("в", "во", "на") \
                or tokens[t].sent_id != mention.sent_id:
            continue
        if tokens[t + 1].lemma in area_nouns:
            park = _park_of_area(ctx, t + 1)
        elif wanted == "PARK" or _produces(ctx, index) or (
                # «в «Лаборатории X» в технопарке «Y» разрабатывают …»: a site in a site
                wanted == "ORG" and _locative(ctx, index) and tokens[t].lemma != "на"):
            # «завод «Z» в ОЭЗ «Y»», «производство компании «Z» в технопарке «Y»», «парк «X» в
            # ОЭЗ «Y»»: a plant or a park right in a park
            park = ctx.mention_at.get(t + 1)
            if park is not None and (ctx.first(park) != t + 1
                                     or ctx.mention_type(park) != "PARK"):
                park = None
        else:
            continue
        if park is not None and ctx.entity(park) != ctx.entity(index):
            ctx.add(rule, ctx.entity(index), ctx.entity(park), mention.sent_id)
    if wanted != "PARK":
        return
    # «на площадке технопарка «Y» появится индустриальный парк «X»»: the park after the verb
    for token in tokens:
        a = token.token_id
        if token.lemma not in area_nouns or a == 0 or tokens[a - 1].lemma not in ("в", "на") \
                or (a in ctx.mention_at and ctx.first(ctx.mention_at[a]) != a):
            continue  # «на территории ТОР «Y»» may open the park's own name
        whole = _park_of_area(ctx, a)
        if whole is None:
            continue
        verb = _past_setting(ctx, ctx.last(whole) + 1)
        if verb >= len(tokens) or not (tokens[verb].pos in ("VERB", "AUX") or (
                # «на территории ОЭЗ «Y» расположен технопарк «X»»: a short participle
                tokens[verb].pos == "ADJ" and "Variant=Short" in tokens[verb].feats
                and tokens[verb].lemma.endswith(("ть", "ти", "чь")))):
            continue
        if tokens[verb].pos == "AUX":  # «будет создан»
            verb += 1
        part = ctx.first_mention_after(verb + 1, ("PARK", "ORG", "LOC", "PER"), 4)
        if part is not None and ctx.mention_type(part) == "PARK" \
                and ctx.entity(part) != ctx.entity(whole):
            ctx.add(rule, ctx.entity(part), ctx.entity(whole), token.sent_id)


def _past_alias(ctx: Context, index: int, t: int) -> int:
    """The word after the name's alias in brackets at ``t`` («… (СУАР)», «… (Angel Yeast)»),
    or ``t`` where no alias of the same entity stands there."""
    tokens = ctx.doc.tokens
    alias = ctx.mention_at.get(t + 1) if t + 1 < len(tokens) and tokens[t].text == "(" \
        else None
    # «компании «Ангел» (Angel Ltd)»: an organisation's other name in brackets is its alias
    # even where the two were not joined into one entity
    spelled = alias is not None and ctx.mention_type(alias) == ctx.mention_type(index) == "ORG"
    if alias is None or ctx.first(alias) != t + 1 \
            or (ctx.entity(alias) != ctx.entity(index) and not spelled) \
            or ctx.last(alias) + 1 >= len(tokens) or tokens[ctx.last(alias) + 1].text != ")":
        return t
    return ctx.last(alias) + 2


def _past_setting(ctx: Context, t: int) -> int:
    """The first word from ``t`` past a place and adverbs of a setting («… «Y» в Шиловском
    районе торжественно открыли …»)."""
    tokens = ctx.doc.tokens
    while t < len(tokens):
        place = ctx.mention_at.get(t + 1)
        if tokens[t].pos == "ADV" and t not in ctx.mention_at:
            t += 1
        elif tokens[t].lemma in ("в", "во") and place is not None \
                and ctx.first(place) == t + 1 and ctx.mention_type(place) == "LOC":
            t = ctx.last(place) + 1
        else:
            break
    return t


def _produces(ctx: Context, index: int) -> bool:
    """Is the organisation named as a plant («завод «Z»», «Кировский завод») or as the owner
    of a production («производство компании «Z»»)?"""
    tokens, vocab = ctx.doc.tokens, ctx.vocab
    plants = vocab.words("production_nouns") | vocab.words("plant_nouns")
    if _head_before(ctx, index) in plants:
        return True
    # «производство китайской компании «Z»»: past the owner's adjectives
    t = before_lower_adjectives(ctx, ctx.first(index) - 1)
    if t < 1 or t in ctx.mention_at or tokens[t].lemma not in vocab.org_heads:
        return False
    return tokens[t - 1].lemma in vocab.words("production_nouns") \
        or _plant_making(ctx, t - 1, plants)


def _plant_making(ctx: Context, t: int, plants: frozenset[str]) -> bool:
    """«завода по выпуску сухих дрожжей компании …»: does a plant noun followed by «по» and
    what it makes end at ``t`` (a few words, no name, no punctuation between)?"""
    tokens = ctx.doc.tokens
    for j in range(t, max(t - 6, 0), -1):
        if j in ctx.mention_at or tokens[j].pos == "PUNCT":
            return False
        if tokens[j].lemma in plants and tokens[j + 1].lemma == "по":
            return True
    return False


def _park_of_area(ctx: Context, a: int) -> int | None:
    """The park whose territory the area noun at ``a`` is: «территории опережающего развития
    «Y»» (the territory word opens the name), «площадке витебского технопарка «Y»»."""
    if a in ctx.mention_at:
        index = ctx.mention_at[a]
    else:
        t = a + 1
        while t < len(ctx.doc.tokens) and t not in ctx.mention_at \
                and ctx.doc.tokens[t].pos == "ADJ" and t < a + 3:
            t += 1
        index = ctx.mention_at.get(t)
    return index if index is not None and ctx.mention_type(index) == "PARK" else None


@matcher("part_of_park_genitive")
def part_of_park_genitive(ctx: Context, rule: RelationRule) -> None:
    """«технологический парк «X» Билкентского университета», «технопарк «X» компании «Y»»,
    «бизнес-инкубатор «X» технопарка «Y»»: a park named right before the organisation or
    the larger park it belongs to, in the genitive."""
    tokens = ctx.doc.tokens
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PARK":
            continue
        after = ctx.last(index) + 1
        generic = None
        if after + 1 < len(tokens) and after not in ctx.mention_at \
                and tokens[after].lemma in ctx.vocab.org_heads:
            generic, after = after, after + 1  # «технопарк «X» компании «Y»»: past the head
        owner = ctx.mention_at.get(after)
        if owner is None or ctx.first(owner) != after \
                or ctx.mention_type(owner) not in ("ORG", "PARK") \
                or ctx.entity(owner) == ctx.entity(index) \
                or tokens[after].sent_id != mention.sent_id:
            continue
        head = generic if generic is not None else ctx.mention_root(owner)
        if head is None or "Case=Gen" not in tokens[head].feats \
                or tokens[head].head_id not in ctx.mention_tokens(index):
            continue  # the owner depends on the park's name, not on a word after it
        if generic is not None and "Number=Sing" in tokens[generic].feats and any(
                tokens[c].rel == "conj" and c in ctx.mention_at
                for c in ctx.children.get(generic, [])):
            continue  # «В технопарке «X» компании «A» и «B» подписали»: one «компании» of two
            # names is the plural subject, not a genitive
        ctx.add(rule, ctx.entity(index), ctx.entity(owner), mention.sent_id)


@matcher("part_of_site_after_dash")
def part_of_site_after_dash(ctx: Context, rule: RelationRule) -> None:
    """«вторая площадка ОЭЗ «X» – «Y»»: a quoted name after a dash names a site (a word of
    ``generic_site_words``) of the zone named between them, or, after a bare zone word
    («второй площадке зоны — «Y»»), of the zone named last before."""
    tokens, sites = ctx.doc.tokens, ctx.vocab.words("generic_site_words")
    for index, mention in enumerate(ctx.doc.mentions):
        dash = ctx.first(index) - 1
        zone = ctx.mention_at.get(dash - 1) if dash > 0 and tokens[dash].text in DASHES \
            else None
        if mention.type == "PARK" and zone is None and dash > 1 and tokens[dash].text in DASHES \
                and tokens[dash - 1].lemma in ctx.vocab.park_anaphors \
                and sites & {tokens[t].lemma for t in (dash - 2, dash - 3) if t >= 0}:
            # «на второй площадке зоны — «Y»»: of the zone named last before it
            zone = next((i for i in reversed(ctx.mentions_in(range(0, dash - 1)))
                         if ctx.mention_type(i) == "PARK"
                         and tokens[ctx.first(i)].lemma not in sites), None)
            if zone is not None:
                ctx.add(rule, ctx.entity(index), ctx.entity(zone), mention.sent_id)
            continue
        if mention.type != "PARK" or zone is None or ctx.last(zone) != dash - 1 \
                or ctx.mention_type(zone) != "PARK" or ctx.first(zone) == 0 \
                or tokens[ctx.first(zone) - 1].lemma not in sites:
            continue
        ctx.add(rule, ctx.entity(index), ctx.entity(zone), mention.sent_id)


@matcher("part_of_owner_in_park_name")
def part_of_owner_in_park_name(ctx: Context, rule: RelationRule) -> None:
    """«Технопарк Ольховского университета «Кедр»», «Технопарк ОГТУ»: a park whose own name
    holds, after its head word, the name of an organisation the document names on its own
    belongs to that organisation."""
    tokens, heads = ctx.doc.tokens, ctx.vocab.words(rule.trigger)
    owners: dict[tuple[str, ...], int] = {}
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type == "ORG":
            owners.setdefault(_lemmas(tokens, ctx.mention_tokens(index)), ctx.entity(index))
    for index, mention in enumerate(ctx.doc.mentions):
        if mention.type != "PARK":
            continue
        words = ctx.mention_tokens(index)
        head = next((k for k, t in enumerate(words) if tokens[t].lemma in heads), None)
        if head is None:
            continue
        # the owner runs from the head word to the park's quoted name or the mention's end
        owner_words = []
        for t in words[head + 1:]:
            if tokens[t].text in QUOTE_MARKS:
                break
            owner_words.append(t)
        if not owner_words or not tokens[owner_words[0]].text[:1].isupper():
            continue
        if any(tokens[t].text.isascii() and tokens[t].text.isalpha()
               and not tokens[t].text.isupper() for t in owner_words):
            continue  # «технопарк Steppe Hub»: the park's own name in apposition, no owner
        owner = owners.get(_lemmas(tokens, owner_words))
        if owner is not None and owner != ctx.entity(index):
            ctx.add(rule, ctx.entity(index), owner, mention.sent_id)


def _lemmas(tokens: list[Token], token_ids: list[int]) -> tuple[str, ...]:
    """The lemmas of a name's words, quotes left out: one key for every case of the name."""
    return tuple(tokens[t].lemma.lower() for t in token_ids
                 if tokens[t].text not in QUOTE_MARKS)
