"""One thing, one key across documents and batches: ``entity_key`` = type + canonical name.

Per document, an entity's key is its type and folded normal form. Across a batch, keys are
made canonical here, in the table-building layer, from the entity rows of all documents:

- a place is the gazetteer's place («КНР», «Поднебесная», «Китая» → ``LOC:китай``);
- a park or an organisation is its name without type word, legal form, quotes or case
  ending («ОЭЗ «Титановая долина»», «особая экономическая зона «Титановая долина»»,
  «Титановую долину» → one key); parks and organisations of one name are one thing, and
  it takes the type most of its mentions have;
- an abbreviation that one document expands («ИЦК» = «Инновационный центр Кольцово») is
  that thing in every document (an organisation's that one event's name was written beside
  is that event), and one written in capitals is the batch's one name with
  its initials («РЭЦ», «ТПП Тверской области»), but for a body's («МИД» is any country's);
  two capitals («КМ») the batch's one name of two words with those initials, if they are
  no word and no place's;
- a body's eponym is its surname, whatever initials or first name precede it («театр им. А.
  П. Кедрова» = «театр имени Кедрова»), and a short name with an eponym the batch's one
  longer name that ends so («Кедровский драматический театр имени …»);
- a one-word name or a person's full name that the normal form left in another case is the
  batch's name in the nominative («Камнереча», «Павла Ерохина», «Валентина Суббота»);
- a body's bare name that the batch writes with one country's name only is that country's
  body in a document about that country («Национальный совет» = «Национальный совет Чили»);
- a bare name that many countries' bodies bear («Социалистическая партия», «Совет министров»)
  in a document about another country than most of the batch's documents naming it are
  about is that country's: the batch's name of it with the country where written so, else
  «… (португалия)»;
- a company's Latin name that one document writes beside its Cyrillic one («Ангел Ист»
  (Angel Yeast)) is that company in every document;
- a one-word name tagged PER that nothing makes a person and the batch tags LOC is the place
  («Дархан»); an organisation's short name tagged LOC («ЕС») is the organisation;
- a bare surname, initials and a surname, or a place's abbreviation («КР») is first what
  its own document names in full (a bare surname of two people of the batch, the one far
  more documents name; not a region's man where the document is about other regions; a
  first name alone only its own document's person);
  a bare abbreviation the batch expands to a name led by a region's adjective is not that
  name in a document about another region of its first letter («БГУ»);
- an industrial park of a name the batch gives a special zone is another thing;
- a company written with its legal form (АО «Каменка») is the company, not the park of its
  name; a federal body's short name before a region's head word («Минпромторга
  республики») is the body of its document's region; a bare head noun («Фонда») is its
  document's own;
- a park named by its type words and its owner's abbreviation («Научный парк МГУ») is not
  the owner; an event named by its word and an organisation («саммит Шанхайской организации
  сотрудничества») is the batch's event named by the organisation's abbreviation («саммит
  ШОС»); a park named by its level («краевой индустриальный парк «X»») is the batch's park
  of that name after the adjective of the region its document names;
- a name that an earlier batch keyed (the ``names`` table) keeps that key.

Delegations get ``origin_key`` and ``origin_country``: the key and the ISO country of the
place (or organisation) they come from, so "visits by country" is one group-by.
"""

from .resolver import KeyResolver
from .tables import (
    NAMES_SCHEMA,
    Expansions,
    add_names,
    batch_expansions,
    names_table,
    rekey_batch,
    rekey_entities,
    rekey_relations,
)
from .words import KeyWords, person_name, stripped_name

__all__ = ["NAMES_SCHEMA", "Expansions", "KeyResolver", "KeyWords", "add_names",
           "batch_expansions", "names_table", "person_name", "rekey_batch", "rekey_entities",
           "rekey_relations", "stripped_name"]
