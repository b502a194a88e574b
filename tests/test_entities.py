"""Entity rules and mends, one case a line: ``[surface](TYPE)`` marks what must be found.

Only the marked spans are asserted (other mentions in the sentence may exist)."""

from __future__ import annotations

import re

import pytest

from conftest import analyse_text
from ruextract.entities import INITIAL_BEFORE
from ruextract.rules import load_rules


@pytest.fixture(scope="module")
def entity_extractor():
    """One entity extractor for the tests of its helpers (its word lists load once)."""
    from ruextract.entities import EntityExtractor
    from ruextract.morph import Analyzer

    return EntityExtractor(load_rules(), Analyzer())


CASES = [
    # a country's plural name after «Республики» opens no holder's name (s64)
    "Встречи прошли со спикером Палаты депутатов Республики Филиппины [Рамоном Кедраром](PER).",
    # a body's foreign name after a post's title, glossed in brackets, is a body's; an
    # organisation's span ends before a lower-case gloss NER ran into (s64)
    "Встречу провёл председатель [Халк Кенеса](ORG) (парламента) [Нурлан Кедров](PER).",
    "Об этом заявил спикер [Национальной палаты](ORG) (парламента) республики Тигран "
    "Ольхонян на встрече с губернатором.",
    # … the name after it is (s64)
    "Переговоры прошли с Его Превосходительством господином [Ильдаром Кедровым](PER).",
    # … but a named one's and a numbered one are names (s64)
    "Гости осмотрели [ТЭЦ-2](ORG) и [Саяно-Шушенскую ГЭС](ORG).",
    # a town in the genitive NER ran into the person after a body's phrase is the body's,
    # written elsewhere in the nominative (s64)
    "Из турецкого города Бурса приехала делегация. Её руководитель — президент [Союза "
    "производителей станков Бурсы](ORG) [Кемаль Ольхан](PER).",
    # a capitalised event noun with «по» and its subject in the dative names the event (s64)
    "Делегация приняла участие в IX [Конференции по межрегиональному сотрудничеству России "
    "и Казахстана](EVENT).",
    "Мэр выступил на [Форуме по цифровой экономике](EVENT) в Омске.",
    # a capitalised body's descriptive name and its quoted name right after it: one (s72)
    "Гости посетили [Управление портов и гаваней «Кедр-Марин»](ORG).",
    "Директор [Корпорации морских портов «Ольха»](ORG) [Иван Кедров](PER) принял гостей.",
    # the place a body's members are of, run into its holder's name, is the body's (s72) …
    "Делегация прибыла в [Ольхенсе](LOC). Гостей встретил председатель [Конфедерации "
    "предпринимателей Ольхенсе](ORG) [Хосе Мануэль Кедрейро](PER).",
    # … not a first name the text writes only there
    "Слово взял президент союза фермеров [Жоан Карлос Кедрейра](PER).",
    # an initial spelt as a preposition is no surname (s72: it looped)
    "Могут лишиться постов губернаторы регионов - [Приморского края](LOC) С.Кедрин.",
    # a person's surname after a body of places is no name of the body (s72)
    "Депутат [Партии регионов](ORG) [Кедраш](PER) спел песню.",
    # a name of three East Asian syllables after a body's word is one person's (s72)
    "Делегацию палаты возглавила вице-президент палаты [Нгуен Тхи Кедр](PER).",
    # kinds of places opening a headline name no place (s72)
    "Вьетнамские регионы и японская префектура [Тотиги](LOC) расширяют сотрудничество.",
    # a place of two joined words NER ran into the person after it (s72)
    "Делегацию принял председатель правительства [Кастилии и Леона](LOC) [Хуан Висенте "
    "Кедреро](PER).",
    # a region's adjective NER took without its head word after it (s72)
    "Был и министр экономики [Посавского кантона](LOC) [Томислав Кедрович](PER).",
    # a town NER ran into the region named after it in the genitive: two places (s72)
    "Делегация уезда [Хэкоу](LOC) [Хунхэ-Хани-Ийского автономного округа](LOC) прибыла.",
    # a surname spelt as a function word, capitalised inside the sentence, opens the name
    # (s72)
    "Делегация во главе с [До Ван Кедрем](PER) посетила [Юньнань](LOC).",
    # a body named by its members and the town NER cut off and typed a body: one (s72)
    "Группу привёл председатель [Ассоциации промышленников Бурсы](ORG) [Мехмет Кедроглу](PER).",
    # a body of places in the plural is no place, and its name after it is its own (s72)
    "Президент [Сообщества коммун Ольхенталь](ORG) [Жеральд Кедрур](PER) приехал в "
    "[Париж](LOC).",
    # a name NER ran into the kind word of the place named next is cut off before it (s72)
    "Миссия прошла в районе [Лунган](LOC) городского округа [Шэньчжэнь](LOC).",
    # … and capitalised adjectives before a lower-case event noun with its subject (s72),
    # but not a «по» of occasion
    "Министр откроет в [Казани](LOC) [Международную конференцию по морским портам](EVENT).",
    "Делегация прибыла на [Российско-китайский форум](EVENT) по приглашению губернатора.",
    # … but streets in the plural are the town's (s64)
    "Делегация прошла по улицам [Омска](LOC).",
    # a body's name closing with a place whose name goes on in brackets keeps them (s64)
    "Встреча прошла в [Министерстве экономики Республики Саха (Якутия)](ORG) в среду.",
    # a body's span NER ran on into the nominative name of the person holding its post ends
    # at the body (s64)
    "Документ подписали губернатор Ульяновской области Олег Кедров и глава "
    "[Администрации Лутугинского района Луганской Народной Республики](ORG) "
    "[Андрей Сидоренко](PER).",
    # «один» closes an organisation's name before its apposition (s58)
    "Её создали на базе [Института морских технологий, энергетики и транспорта](ORG), одного "
    "из подразделений [Кедровского государственного технического университета](ORG).",
    # a quoted name opening a list of quoted names after «среди них» (s58)
    "В делегацию вошли руководители заводов, среди них [«Ольховмаш»](ORG), "
    "[«Кедрприбор»](ORG) и другие.",
    # a surname before the first name and patronymic after a post's title is one name; a
    # country after a form of state closes a body's name; a form of state and a country read
    # as a person are the country (s56)
    "В лице генерального директора [Громова Петра Ивановича](PER) компания подписала договор.",
    "Делегация побывала в [Министерстве торговли Государства Катар](ORG).",
    "Делегация побывала в Министерстве торговли [Султаната Оман](LOC).",
    "Губернатор поблагодарил [Министерство промышленности и торговли](ORG) за поддержку.",
    # a name NER read as a person's inside a park's quotes is the park's (s53)
    "Делегация посетила [промышленную зону «Кедрташ»](PARK) в Бурсе.",
    "Делегация посетила [промышленную зону «Демирташ»](PARK) в Бурсе.",
    # a place NER ran into the next phrase's adjective; a body's abbreviation before a
    # person's initials (s53)
    "В [Кедрани](LOC) самарская делегация посетила завод.",
    "Договор подписали [КРСО](ORG) [А. С. Ольхов](PER) и Иван Петров.",
    "Генеральный директор [КРСО](ORG) А. С. Ольхов отметил, что корпорация готова.",
    # a partner after «с» is no part of a body's name (s53)
    "Прошли переговоры [Министерства Российской Федерации по развитию Дальнего Востока и "
    "Арктики](ORG) с крупнейшими предприятиями Белоруссии.",
    # a surname the dictionary reads as a pronoun after a first name (s53)
    "В делегацию вошёл мэр города [Ласло Тот](PER) и его заместитель.",
    # a ministry's short name of syllables and its country (s53)
    "Делегация [Минпрома Ольхонии](ORG) во главе с [Андреем Кедровичем](PER) прибыла.",
    # an organisation closed by a place's name does not take the next capitalised word from
    # the person after it (s53)
    "Меморандум подписал госсекретарь [Министерства экономики Республики Сербия](ORG) "
    "[Милош Ольхович](PER).",
    # a Latin name after a post's title and its employer, or a possessive and a title, is a
    # person's; its surname alone later too (s49)
    "Делегацию возглавил директор компании «Кедр» [Vahe Kedryan](PER). По словам "
    "[Kedryan](PER), сроки реальны.",
    "Подписание прошло в присутствии [Imran Kedreshi](PER), советника премьер-министра.",
    "Компания [PT Kedra Agro Industri](ORG) открыла офис. Рынок растёт, — говорит "
    "президент-директор Kedra Agro [Budi Kedroso](PER).",
    "Проект обсудили с сербской компанией: её директор [Dragan Kedrović](PER) присутствовал.",
    # a place's span NER runs on into a person's name ends at the place (s47)
    "«Спрос растёт», — отметил заместитель министра инвестиций, промышленности и торговли "
    "[Республики Узбекистан](LOC) [Шерзод Ольхов](PER).",
    # a Latin honorific is no part of the person's name after it (s47)
    "В делегацию вошли Dr. [Kwame Mensah](PER), основатель компании, и Ms [Amina Odhiambo](PER).",
    # after a title's genitive park head, a word before a lone surname the tagger found is
    # the person's first name, no park's name (s47)
    "Гостей встретил директор технопарка [Жольт Кедреш](PER).",
    # a compound event noun the parse reads as an adjective still names the event (s47)
    "В Омске открылся бизнес-форум [«Кедровый путь»](EVENT).",
    # a region the gazetteer knows that opens a person's span ends the title's body (s44)
    "Соглашение подписано с председателем [Фонда развития Воеводины](ORG) "
    "[Миланом Кедровичем](PER).",
    # a second body after «и» in lower case is a name of its own where the first opens the
    # sentence (s44)
    "[Правительство Республики Башкортостан](ORG) и [хокимият города Ташкента](ORG) подписали "
    "дорожную карту.",
    # a plant's quoted name after an event noun, a post and the plant's head is the
    # plant's, no event's (s44)
    "В первый день ярмарки директор омского завода [«Кедрмаш»](ORG) [Пётр Ольхов](PER) выступил.",
    # a maker's noun or a plant «по производству» of goods in a plural genitive, then a
    # quoted name: the company's; a singular product's genitive may carry the product's name
    # (s44)
    "Резидентом парка стал разработчик медицинских имплантов [«Кедромед»](ORG).",
    "Гости осмотрели завод по производству полимерных труб [«Ольхапласт»](ORG).",
    "В зоне работает производитель тормозных колодок [«Кедр-Фрикшн»](ORG).",
    "Гости осмотрели производство вакцины «Кедрин».",
    # a Latin name after an honorific, before a comma and a post's title, or in brackets
    # after one, is a person (s42)
    "Переговоры провёл господин [Ahmet Kedroğlu](PER).",
    "(Стенд открыл председатель совета директоров [Wang Kedrong](PER))",
    "Прибыла делегация во главе с [Rashid Al Kedri](PER), председателем делового совета.",
    "Делегацию возглавил заместитель министра Королевства Таиланд [Somchai Kedrsiri](PER).",
    "Инвестор [Rashid Al Kedri](PER), управляющий партнёр фонда, посетил Казань.",
    "Завод открыла [Hanseol Machinery](ORG). Глава Hanseol [Park Ji-hoon](PER) рассказал о планах.",
    # … after a lead verb whose object was told; named again in full where the document
    # names the person for sure, also after his company's name run into one span (s43)
    "Делегацию возглавил [Arif Kedrawan](PER).",
    "Гендиректор компании [Rajesh Kedr Sharma](PER) приехал. По словам г-на Sharma, всё готово.",
    "Глава [Kedrong Machinery](ORG) [Zhang Kedmin](PER) был в цехе. Сказал господин Zhang Kedmin.",
    # a Russian adjective opening a sentence is no part of a Latin name; a Latin company's
    # name ends in its business word, a person's follows after a title; the visitors after
    # a body's name are no part of it (s43)
    "Корейская [Kedrsung Bio](ORG) присматривается к зоне.",
    "Сказал председатель совета директоров [Kedr Hengtai Machinery](ORG) [Zhang Kedmin](PER).",
    "В [Министерстве экономики Республики Татарстан](ORG) гостей принял министр.",
    # a level's adjective alone makes no lower-case phrase a body's name (s63)
    "Гостей встретил секретарь провинциального комитета партии [Фам Ван Кедр](PER).",
    # a post's field after a bare organisation noun is the title's, no body's name (s43)
    "В группу вошли директор корпорации по закупкам [Викрам Кедрсингх](PER) и другие.",
    # a descriptive name right before an organisation's quoted name describes it (s43)
    "Гости посетили Уральский завод гидроцилиндров [«Кедромаш-Урал»](ORG).",
    # Central Asian bodies the dictionary lacks, in any case (data/lexicon/added_nouns.txt)
    "Соглашение подписано с [акиматом Кедровской области](ORG).",
    "Прибыла делегация [хокимията Ольховской области](ORG).",
    # a group word opening a sentence is no part of the name after it (s43)
    "Бизнес-миссия [Республики Армения](LOC) прибыла в Томск.",
    # a Telegram post's emoji ends a name (s42)
    "Встреча с [Ольгердом Кедриным](PER) 👀 Похоже, всё получится.",
    # a dateline's place in capitals; a country's letters in mixed case (s42)
    "[САМАРКАНД](LOC). В Самарканде открылся форум.",
    "Заместитель министра торговли [РУз](LOC) Алишер Каримов выступил.",
    # a legal form after a park's word opens a company's name, not the park's (s42)
    "Его собрал резидент технопарка АО [«Гранит»](ORG) в Томске.",
    # a quoted name listed before an organisation's after «среди них», «в том числе»
    "Резидентами ОЭЗ «Ольховка» стали 12 фирм, среди них [«Гранитек»](ORG) и «Лазурит».",
    # a name alone: not a wiki link's target before «|», not an age, not half a bracket pair
    # nor a Latin name in brackets (an alias of its own); a sentence's first word governing
    # the name is no part of it; two first names with their surnames are two persons
    "Лидер страны Ведров, Уго|[Уго Ведрова](PER), пробыл у власти 14 лет.",
    "Бывший полковник [ГРУ](ORG) 66-летний [Сергей Ольхин](PER) был найден.",
    "Финансовый директор [Дэвид Кедерман](PER) ([David Kederman](PER)) ушёл в отставку.",
    # … a person's brackets hold another name of the person, a company of its own, or what
    # is no name (a caption's «справа», years); an aside inside the name stays in it, and a
    # double surname's hyphen joins it
    "Премию вручили [Ивану Кедрову](PER) ([Ivan Kédrov](PER)) и [Петру Ольхину](PER).",
    "Как заявил представитель [«Союза кедровых граждан»](ORG) ([Unión Nacional Cedrosa](ORG)) "
    "Пётр Ольхин, решение принято.",
    "Директором назначен [Иван Кедров](PER) ([Kedrlogic Ltd](ORG)), сообщила газета.",
    "На снимке [Иван Кедров](PER) (справа) и [Пётр Ольхин](PER).",
    "[Иван Кедров](PER) (1950–2020) был инженером.",
    "Задержан [Иван Кедров](PER), 56 лет, житель Омска.",
    "Командир [Арсен (Арсений) Кедров](PER) погиб.",
    "[Анна Кедрова-Ольхина](PER) выступила на форуме.",
    "Встречу провела [Кедрова-Ольхина Анна](PER) из Омска.",
    "Выступил [Пётр Ольхин-Кедров](PER) ([Ольхин](PER)).",
    "Племянник [Алишера Кедрова](PER) разбился в ДТП.",
    "Иван Петров в окружении военных. [Рафаэль Ведреа](PER) [Эдвард Кедроуден](PER)",
    "[Мори Юкана](PER) добавила, что палата готова.",
    "Премию получил [Иван Петрович Кедров](PER).",
    # a place the text names elsewhere, where the tagger leaves it out: a photo's caption
    # on a line of its own, a sentence's first word
    "Стрельба в Кедровске: трое убитых\n[Кедровск](LOC)\nВ городе Кедровске мужчина ранил двоих.",
    "Взрыв в Ольховске\n[Ольховск](LOC) на карте области\nВ Ольховске прогремел взрыв.",
    "Пожар охватил порт Кедровска. [Кедровск](LOC) и его окрестности закрыты для въезда.",
    # a place's genitive holder after it is a place of its own; an adjective of one name is not
    "Гости посетили завод в городе [Тачэн](LOC) [Синьцзяна](LOC).",
    "Гости посетили завод в городе [Южного Урала](LOC).",
    "Города [Северной Финляндии](LOC) создали центр.",
    "Соглашение подписали с провинцией [Кедрань](LOC) [Исламской Республики Иран](LOC).",
    # a participle in a name's genitive chain is one of its words, and a place after the
    # chain is the name's too; a person after it is not («совета партии | Ивана Кедрова»)
    "Вчера [Главный штаб вооружённых сил](ORG) выпустил приказ.",
    "Об этом сообщили в [Генеральном штабе вооружённых сил Эстонии](ORG).",
    "Председатель [Высшего совета](ORG) партии [Ивана Кедрова](PER) выступил.",
    # an ordinary word in quotes of its own between a post's title and a person is the
    # organisation of the post
    "Нападающий [«Трактора»](ORG) Иван Кедров забил два гола.",
    "Лидер [«Лиги»](ORG) Пётр Ведров выступил против.",
    "Блог-менеджер [«Супа»](ORG) Антон Ольхин пришёл на заседание.",
    # a convocation after a body's name is the body's, however the name was found
    "Его избрали в [Госдуму шестого созыва](ORG).",
    "Кедров был депутатом [Госдумы пятого и шестого созывов](ORG).",
    "Ольхин вошёл в [Мосгордуму VII созыва](ORG).",
    "[Госдума](ORG) в начале созыва приняла закон.",
    # the «по»/«при» phrase NER cut off a body's name of ordinary words is the name's own,
    # a place in it too; not a circumstance («по итогам», «по данным»), nor another body
    "Приговор вынес [Международный трибунал по бывшей Кедровии](ORG).",
    "Проект одобрил [Ольховский совет при губернаторе Кедровской области](ORG).",
    "Доклад подготовил [Общественный совет по делам ветеранов Омска](ORG).",
    "Члены [Межведомственной комиссии по охране лесов](ORG) собрались в Омске.",
    "Приговор вынес [Международный трибунал](ORG), по данным агентства.",
    "Он руководил [Нобелевским комитетом](ORG) при [Ольховском медицинском институте](ORG).",
    # a quoted name with a verb after a head that names things is a name
    "Компания [«Мы строим светлое будущее»](ORG) открыла завод.",
    "Форум [«Россия смотрит в будущее»](EVENT) прошёл в [Казани](LOC).",
    # a post's genitive the tagger reads as a name («Раиса» of «раис») before a place
    "Об этом сообщила руководитель пресс-службы Раиса [РТ](LOC) [Лилия Петрова](PER).",
    "[Раиса Петрова](PER) возглавила делегацию.",
    # a descriptor capitalised only because it opens the sentence is no part of the name;
    # a republic's head word is
    "Провинция [Цзянсу](LOC) входит в число ведущих регионов [Китая](LOC).",
    "Провинция [Цзянсу](LOC) граничит с [Шанхаем](LOC).",
    "[Республика Татарстан](LOC) подписала соглашение. [Государство Катар](LOC) тоже.",
    # a park's phrase NER read as a place or an organisation is the park; a leisure park is not
    "[Ольховский технопарк](PARK) показал гостям лаборатории.",
    "Гости побывали в [Научно-технологическом парке](PARK) кедровского Академгородка.",
    # a quoted name that opens with a capitalised organisation head is the organisation
    "Первым резидентом технопарка стал [«Завод ольховых машин»](ORG).",
    # a lower-case head and a genitive phrase of its kind before a quoted name
    "Президент посетил предприятие военно-промышленного комплекса [«Кедр»](ORG) в Трстенике.",
    "Делегация осмотрела [индустриальную зону «Ольха»](PARK).",
    # a word made on «-парк» is a park, a leisure park is not
    "Делегация побывала в [Академпарке](PARK) и посетила [«Инновапарк»](PARK).",
    # a name that ends in a word on «-парк» is the park; a park head the tagger read as a
    # verb after a town's adjective still names it
    "Смольный утвердил проект строительства [«ОГУ Кедрпарк»](PARK).",
    "Фонд передаст [Ольховскому технопарку](PARK) свои сервисы.",
    # a capitalised park head after a dash that opens an apposition names the park
    "Соглашение скрепило дружбу двух технопарков — [Биотехнопарка](PARK) наукограда Кедрово.",
    # … and so does one alone in quotes, a name rather than a quotation's first word
    "Резидентом [«Технополиса»](PARK) стала фирма «Липа».",
    # a zone's kind spelt out after its abbreviation; a scope word before its type phrase
    "Резидентом [ОЭЗ регионального уровня «Кедр»](PARK) стала компания «Альфа».",
    "Гости посетили [региональную промышленную зону «Ольха»](PARK).",
    # a park's name without quotes after its type word or zone abbreviation
    "Делегация посетила [Ольховский городской технопарк](PARK).",
    "Гости осмотрели [технопарк KRONA](PARK) и [индустриальный парк Ольхово](PARK).",
    # … a Latin name after an industrial park's type phrase, a plant's code after a
    # technopark's, and that code alone later in the text
    "Министр открыл [промышленный парк KDR Olkhovsk](PARK) в [Кедровске](LOC).",
    "Проект [промышленного технопарка КДМ-300](PARK) одобрен. [КДМ-300](PARK) — бывший завод.",
    # a university's acronym alone is an organisation, whatever NER reads it as
    "Ректор [ОлхФУ](ORG) встретился с гостями. Связи между [КедрГУПСом](ORG) и вузом растут.",
    "[ТвКГТУ](ORG) подписал меморандум с институтом.",
    # a port named by its town's adjective is the company that runs it, not a place
    "Груз ушёл из [Кедровского речного порта](ORG) в [Ольховск](LOC).",
    "Глава региона встретил гостей в [Ольховском морском порту](ORG).",
    # a quoted valley alone, in a text about a technopark or its residents, is the park
    "Министры посетили [«Берёзовую долину»](PARK). Директор [«Берёзовой долины»](PARK) "
    "показал технопарк.",
    "Гости побывали в [СЭЗ Берёзовка](PARK) и в [свободной экономической зоне Осиновка](PARK).",
    "Делегация посетила [технопарк «Идея»](PARK) в [Казани](LOC).",
    # a town a park is named after: bare, it is the town
    "Новые заводы появятся в [Большом Камне](LOC). Их разместят в [промышленном парке "
    "«Большой Камень»](PARK).",
    "Гости побывали в [ОЭЗ «Технополис Москва»](PARK) и на [площадке «Печатники»](PARK).",
    "Делегация посетила [СИЭЗ «Кедрово»](PARK) в [Узбекистане](LOC).",
    "Об этом сообщило агентство [КЕДРТА](ORG). Делегация посетила завод.",
    "Делегация осмотрела [индустриальный парк «Есипово»](PARK).",
    "Состоялась презентация проекта [«Нанопарка Гатчина»](PARK).",
    "Гостей принял заместитель директора [Биотехнопарка](PARK) [Дмитрий Гришунин](PER).",
    "Компании приняли участие в форуме [«Городские технологии»](EVENT).",
    "Делегация посетила ярмарку [CIFIT-2014](EVENT) в городе [Сямынь](LOC).",
    # a one-word Latin name after an event noun and what it shows names the event
    "[Иван Петров](PER) участвовал в выставке вооружений и военной техники [BOSCO](EVENT) в "
    "[Казани](LOC).",
    "Проект обсудили на [Российско-китайском форуме](EVENT).",
    # a compound event noun; a place adjective and adjectives at a sentence's start
    "Решения приняли на [Кедровском агрофоруме](EVENT) в июне.",
    "[Ольховский международный экономический форум](EVENT) проводится с 1997 года.",
    "Соглашение подписали на [Форуме Кедрасу](EVENT) в городе Тачэн.",
    "Гости посетили производство компании [«Райтибор»](ORG).",
    "Соглашение подписал ООО [«Орбита»](ORG).",
    "Встречу провёл [Андрей Петров](PER) из [Хабаровского края](LOC).",
    # a state's official name the gazetteer knows is one place, not its descriptor and name
    "Визит посла [Республики Эль-Сальвадор](LOC) [Хуана Мендосы](PER) прошёл в Твери.",
    "Делегация [Объединённых Арабских Эмиратов](LOC) прибыла в Тверь.",
    # quoted names listed after a counted or plural park noun and a dash or colon are parks
    "Резидентами стали три технопарка: [«Альфа»](PARK), [«Бета»](PARK) и [«Гамма»](PARK).",
    "Награды получили два парка из Липецка — [«Элма-Север»](PARK) и [«Ромашка»](PARK).",
    # IT parks: in Latin letters with a hyphen, and (below) not in the plural
    "Министр посетил [IT-Park Samarkand](PARK) и обсудил планы.",
    # a descriptive body's name ends before a comma and a second post title
    "Визит вице-премьера [правительства России](ORG), министра промышленности Ивана Петрова.",
    # descriptive organisation names, with the place in them (flat)
    "Об этом сообщила пресс-служба [департамента инвестиционной и промышленной политики "
    "Москвы](ORG).",
    "Её возглавила [Фудзита Марико](PER) из [Министерства экономики, торговли и "
    "промышленности Хоккайдо](ORG).",
    "Соглашение подписано с [агентством по содействию внешней торговли города Сямынь](ORG).",
    "Проект поддержал региональный [департамент лесного хозяйства и охоты](ORG).",
    "Заявку одобрил [Фонд по поддержке малого и среднего предпринимательства](ORG) в мае.",
    # a regional executive body by its own word, lower case, with its region inside
    "По данным [минэкономики Ольховской области](ORG), товарооборот вырос.",
    "Гостей принял председатель [кабинета министров Кедровской Республики](ORG).",
    "Прошла встреча представителей [исполкома Казани](ORG) с гостями.",
    # a unit and the organisation it belongs to, after it by acronym, are one name
    "Гостей встретил директор [Службы государственного протокола МИД Казахстана](ORG).",
    "Гости посетили [Сибирский центр агробиотехнологий РАН](ORG) и университет.",
    # a mission written with a capital mid-sentence, named alone
    "Посол заверил, что [Посольство](ORG) окажет гостям содействие.",
    "Открытие [Генерального консульства](ORG) укрепит связи регионов.",
    "Гостей принял спикер [Законодательного собрания Ольховской области](ORG) Пётр Сизов.",
    "Гостей встретил директор [Инновационного центра Кольцово](ORG) [Андрей Линюшин](PER).",
    "Выступил председатель [Китайской ассоциации малых и средних предприятий](ORG) "
    "[Шан Шивэй](PER).",
    # an acronym of a name given in the text
    "Работу [Инновационного центра Кольцово](ORG) представили гостям. Сотрудники "
    "[ИЦК](ORG) ответили на вопросы.",
    # zones: abbreviations, type phrases, Latin names
    "Гости осмотрели [СЭЗ «Северный путь»](PARK) и [ОЭЗ ТРТ «Горная долина»](PARK).",
    "Завод открыт в [специальной экономической зоне «Арктур»](PARK).",
    "Стороны обсудили развитие [особой экономической зоны промышленно-производственного типа "
    "«Кедр»](PARK).",
    "Делегация посетила [зону свободной торговли «Южный берег»](PARK).",
    "Гости посетили [пилотную зону свободной торговли провинции Ляохэ](PARK) и завод.",
    # a park's Latin name after its type words is the park where it stands alone
    "Делегация посетила свободную экономическую зону KEDRZ в Дубае. [KEDRZ](PARK) — крупнейшая "
    "зона региона.",
    "Соглашение подписано с [зоной экономического и технологического развития (ЗЭТР) города "
    "Ляохэ](PARK).",
    "Посол узнал о возможностях [Особой экономической зоны технико-внедренческого типа](PARK).",
    "Стороны договорились с ольховским [парком инновационных технологий](PARK).",
    "Делегация посетила [технопарк высоких технологий «Ольха»](PARK) в Казани.",
    "Делегация посетила [инновационный научно-технологический центр «Ольха»](PARK).",
    "Делегация посетила [индустриальный парк (ИП) «Кедр»](PARK) и [промпарк «Липа»](PARK).",
    "Делегация посетила [парк высоких технологий «Кедр»](PARK).",
    "Гости осмотрели [Технопарк Института лёгких сплавов «Кедр»](PARK) в Ольховске.",
    "Делегация посетила [Научно-технологический парк Ольховского университета](PARK).",
    "Проект реализуют на [территории опережающего социально-экономического развития "
    "«Сосновая»](PARK).",
    "Делегация посетила [свободную экономическую зону KIZAD](PARK) в [Абу-Даби](LOC).",
    "Компания стала резидентом [Свободного порта Приморска](PARK).",
    "Завод работает в [свободном порту Кедровка](PARK) с весны.",
    "Об этом рассказали в [Администрации ОЭЗ «Северная»](ORG).",
    # parks: IT parks, capitalised park names, parks named by their purpose
    "Гостей принял директор [ИТ-парка](PARK) [Олег Зимин](PER).",
    "Стартапы работают в [IT Park Samarkand](PARK).",
    "Делегацию принял директор [Ольховского индустриального парка](PARK).",
    "Завод построен в [Заречном химико-промышленном парке](PARK).",
    "Гостям показали [Парк информационных технологий](PARK).",
    # a capitalised «Парк» named by two fields, with an owner's or its own abbreviation
    "Гостей принял директор [Парка науки и технологий Армении](PARK).",
    "Гости посетили [Парк высоких технологий НАНК](PARK) ([Парк ВТ](PARK)).",
    # a park's quoted name written bare elsewhere (a headline, an unclosed quote)
    "Кедрово посетили главы волостей. Гости осмотрели [ОЭЗ «Кедрово»](PARK). "
    "[Кедрово](PARK) растёт.",
    "В городе появится [парк индустрии Лаоса](PARK).",
    "Гости побывали в технопарках [«Сокол»](PARK) и [«Орбита»](PARK).",
    "Стартапы работают в [«Технопарке Горного университета»](PARK).",
    "Стартапы работают в [технопарке КГТУ](PARK) и в [Бизнес-инкубаторе ОмГУ](PARK).",
    "Резиденты работают в [технопарке в сфере высоких технологий «Квант»](PARK).",
    # events: capitalised adjectives with a quoted name, editions, well-known names, Latin names
    "Станок показали на [Международной промышленной выставке «Станкомаш»](EVENT).",
    "Компания представила проект на выставке [«Агромир-2024»](EVENT).",
    "Делегация приехала на [Иннопром](EVENT) в [Екатеринбург](LOC).",
    "Компания участвует в выставке [«Иннопром. Центральная Азия»](EVENT).",
    "Компания участвует в выставке [Global Mining Expo](EVENT).",
    # organisations: government bodies and missions with their place
    "С гостями встретились представители [правительства Хабаровского края](ORG).",
    "Выступил советник [посольства Китая в России](ORG) [Ли Вэй](PER).",
    "Делегация [Минпромторга Индии](ORG) прибыла в [Москву](LOC).",
    "Встреча прошла в [Канцелярии по иностранным делам провинции Гуандун](ORG).",
    "Об этом сообщили в [думе Приморского края](ORG).",
    "Встречу провёл премьер [Госсовета КНР](ORG) [Ли Вэй](PER).",
    # a town named after a plant is the town; a region's abbreviation is a place
    "Глава [Петрозаводска](LOC) встретил гостей.",
    "Выступил министр природных ресурсов и экологии [РД](LOC) [Иван Петров](PER).",
    "Гостей принял аким [ВКО](LOC) Иван Петров.",  # an oblast's abbreviation NER missed
    "Делегация из Омска посетила [СКО](LOC).",  # … or read as an organisation
    # a last paragraph without a final stop, ending in a whole quoted name, is not cut off
    "Делегация из Китая посетила технопарк и осмотрела цеха, а затем гости обсудили с "
    "руководством планы на будущий год и поставки оборудования для завода [«Ромашка»](ORG)",
    # unions of states are organisations, not places
    "Стороны обсудили торговлю с [Евросоюзом](ORG) и [Китаем](LOC).",
    "Проект финансирует бюджет [Союзного государства](ORG).",
    # a dateline's town in capitals, unknown to the dictionary, is a place
    "ТАВРИНСК, 5 мая — Делегация из [Китая](LOC) посетила завод.\nТекст новости.",
    # … but an acronym in capitals the dictionary only guesses to be a place is no town
    "Исполнительный директор [КЕДАИР](ORG) Иван Петров вручил награду.",
    "Соглашение подписали с [НКГАУ](ORG) и [ОЛГАУ](ORG).",
    # … nor is an agency's acronym in running text that the dictionary knows as some village
    # but the places gazetteer does not (a real acronym: the dictionary entry is what is tested)
    "Спортсменов проверят под контролем [ВАДА](ORG) на следующей неделе.",
    "В апреле [ВАДА](ORG) признало нарушения в работе лаборатории.",
    # organisations: legal forms dropped, plants, lists of quoted names
    "Об этом сообщает ИА [REGNUM](ORG).",
    "Выставку организовала НВК [«Экспоцентр Юг»](ORG).",
    "Делегация побывала на [Севмашзаводе](ORG).",
    "Гости осмотрели цеха [Ольховского механического завода](ORG).",
    "Примут участие компании [«Криотехника»](ORG), [«Виктар»](ORG) и [«Вакууммаш»](ORG).",
    "[ОЛЬХОВКА](LOC), 12 мая. Делегация прибыла в город.",
    "Сегодня президент [Фонда](ORG) [Олег Зимин](PER) подписал соглашение.",
    # events: names with their genitive phrase, «ЭКСПО» in capitals
    "Договор подписали на [Российско-монгольском форуме малого и среднего бизнеса](EVENT).",
    "Участие в [ЭКСПО](EVENT) принимают компании из двадцати стран.",
    "Стартапы представили проекты на симпозиуме [«Лесные технологии»](EVENT).",
    "Делегация посетила [Китайскую международную Неделю лесного досуга-2024](EVENT).",
    "Делегация приняла участие в [Ольховском международном лесном форуме](EVENT) "
    "([ОМЛФ](EVENT)).",
    # organisations: where a long name ends and what stays out of it
    "Партнёром стала компания [Borvik Heavy Machinery Co., Ltd](ORG).",
    "Заказ получила фирма [Lindqvist (Nord) Tools Ltd](ORG) из Мальмё.",
    "Студенты [Ольховского технического университета им. П.С. Громова](ORG) встретили гостей.",
    "Её возглавил полномочный министр-советник [посольства Лаоса в России](ORG) [Ли Вэй](PER).",
    "Гости встретились с руководством республиканского [Комитета по развитию лесного "
    "хозяйства](ORG).",
    "Договор подписали с [Федеральным агентством по управлению лесными зонами](ORG) по г. "
    "Ольховке.",
    "Подписана карта [Министерства экономики и торговли РФ](ORG) по оценке возможностей "
    "создания парков.",
    "Выступил председатель [комитета по лесной политике, собственности и земельным "
    "отношениям](ORG) Ольховской областной Думы.",
    # organisations: what a long name keeps — coordinated genitives with their adjectives,
    # «при + a body», a dative after «содействия», every word of its place; two bodies
    # coordinated are two names
    "Меморандум подписан с [Агентством инноваций и цифровых технологий при Президенте "
    "Республики Ольхово](ORG).",
    "Гостей принял руководитель [Организации содействия торговле Кении](ORG).",
    "[Министерство цифрового развития и транспорта Кении](ORG) и [Министерство "
    "промышленности и технологий Перу](ORG) подписали соглашение.",
    "Делегация провела встречи на уровне [Посольства](ORG) и [Торгпредства РФ](ORG).",
    # a region the gazetteer knows by its word and name before a person, the name a first
    # name too (s57)
    "Заместитель акима области [Абай](LOC) [Ерлан Ольхов](PER) встретил гостей.",
    "Гостей возглавлял губернатор марза [Ширак](LOC) [Арам Ольхонян](PER).",
    # a place NER read as a person, listed after another place (s57)
    "Приехали делегации городов-побратимов — [Акиты](LOC), [Ниигаты](LOC) и [Даляня](LOC).",
    # a word NER read as a place before a person's name, a first name in the instrumental
    # no place the gazetteer knows, is the name's first; a place after a body's word stays
    # (s74)
    "Гости встретятся с губернатором штата [Рамешем Бхаи Кедраи](PER).",
    "С ней отправились олдермен муниципалитета [Вестланд](LOC) [Рик ван Ольх](PER).",
    # … not a state's name after its word (s74)
    "Губернатор штата [Кедрас](LOC) [Иван Ольхов](PER) возглавил миссию в [Китай](LOC).",
    # a town in the genitive after a mayor's post in any case, before the holder (s74)
    "Гостей встретил мэр [Ольхсверды](LOC) [Михаэль Кедрубе](PER).",
    # … not a place read as a first name after a person's noun (s74)
    "Гостей встретил обер-бургомистр [Кедрайзенаха](LOC) [Фолькер Ольхунг](PER).",
    # a Chinese name after a lower-case body's word, before a Chinese person's name, is the
    # body's (s74)
    "Гостей встретил председатель корпорации [Цзиньсинь](ORG) [Ли Гофэн](PER).",
    # … a Chinese name with a Russian genitive's ending there is a place (s74)
    "Прибыл председатель Торговой палаты [Синьсяна](LOC) [Ли Вэйдун](PER).",
    # a post's words whose first letters spell the body's acronym are no body (s74)
    "Министр иностранных дел [Польши](LOC) [Иван Ольховский](PER) прибыл. Глава [МИД](ORG) "
    "встретился с гостями.",
    # a body's genitive name the tagger read in another case, in a list, is the body's (s74)
    "[Делегация](DELEGATION) посетила [Министерство торговли Кореи](ORG), [Агентство "
    "развития Ольхангыма](ORG) и другие ведомства.",
    # a word the dictionary knows only in the nominative opens a person's name after a
    # body's word; a name NER read as a place the text writes again as the person's (s74)
    "Гостей встретил председатель палаты [Шахид Навид Кедрани](PER).",
    "Гостей принял избранный мэр [Эдсон Ольхейру Лима](PER). Мэр города [Эдсон Ольхейру "
    "Лима](PER) назвал встречу полезной.",
    # a region's word in the genitive before a person's span of three: its name, where the
    # second word reads as a first name and the first as no person's (s74)
    "Гостей принял председатель [Совета жудеца Ольховица](ORG) [Флорин Кедреску](PER).",
    "Об этом сообщил министр экономики штата [Карлос Ольхилья Орта](PER).",
    # a body's name ends before «и» and people in the genitive (s74)
    "Гостей — [делегацию](DELEGATION) [Министерства цифрового развития Монголии](ORG) и "
    "представителей IT-компаний [Бурятии](LOC) — приняли в [Томске](LOC).",
    # a body's descriptive name ends before a circumstance («по итогам», «при поддержке»; s73)
    "[Агентство развития Кедровской области](ORG) по итогам переговоров подписало соглашение.",
    "[Агентство инвестиций Кедровской области](ORG) при поддержке [Минпромторга России](ORG) "
    "провело форум.",
    # a Korean name of three syllables after «мэр города» is no town and a person (s73)
    "Гостей встретил мэр города [Пак Сон Ольх](PER).",
    # a mission's name does not end in a preposition before its place (s73)
    "Визит помог организовать консул [консульства Латвии в Витебске](ORG) [Эдгарс Ольхиньш](PER).",
    # … and a person NER ran its last part into keeps the rest (s73)
    "Гостей встретил председатель совета области [Танжер — Тетуан — Эль-Хосейма](LOC) "
    "[Ильяс аль-Ольхаби](PER).",
    # a name NER read as a place whose last word is a body's noun is the body (s73)
    "Ректор [Казанского (Приволжского) федерального университета](ORG) [Иван Ольхов](PER) "
    "прибыл в [Ташкент](LOC).",
    # the adjectives of a group word NER left out are no body (s73)
    "Европейская торговая [миссия](DELEGATION) посетила [Ванкувер](LOC).",
    # a region's name of three parts joined by spaced dashes is one place (s73)
    "[Делегация](DELEGATION) региона [Прованс — Альпы — Лазурный Берег](LOC) прибыла.",
    # … or one word right after a group word, not a surname the dictionary knows (s73)
    "[Делегация](DELEGATION) [Вупперталя](LOC) посетила [Пекин](LOC).",
    "[Делегация](DELEGATION) [Петрова](PER) посетила [Пекин](LOC).",
    # a park named by its kind alone and its owner right after it are one park (s57)
    "Делегация побывала в [Научном парке ОГТУ](PARK).",
    "Делегация осмотрела [Научный парк Ольховского госуниверситета](PARK).",
    # a place's own adjectives after it, no other thing joined: the place stays (s57)
    "В начале апреля делегация приехала на [Кедровское](LOC) нефтегазоконденсатное "
    "месторождение в Ямало-Ненецком автономном округе.",
    # a person's name after a place NER ran it into, the place's word before them (s57)
    "Делегацию возглавлял губернатор крупнейшего тунисского вилайета [Сус](LOC) "
    "[Набиль Хаддад](PER).",
    "Совещание провели представители [Министерства торговли и промышленности Ольхонии](ORG) "
    "и [Минпромторга России](ORG).",
    "Выступил председатель [Народного комитета провинции Донг Лам](ORG).",
    # an NER span that ran into a lower-case verb ends before it (s61)
    "Делегация преподавателей [Университета Кедрова](ORG) посетила [Ташкент](LOC).",
    # a person's name in Russian letters ends before the Latin words NER ran it into; a
    # quoted name alone in brackets after a person's is an organisation (s62)
    "Сюжет с губернатором [Кедровым](PER) Source: телеканал.",
    "Его поздравила королева [Елизавета II](PER).",
    # a region's name opening quoted speech is a place: the quote is a clause, no name (s62)
    "Министр добавил: «[Якутия](LOC) для нас — важный партнёр».",
    "В делегацию вошли [Мона Кедри](PER) ([«Нил Кедр»](ORG)) и [Карим Ольхави](PER).",
    # a group after «и» is no part of the body before it (s61)
    "Прошли переговоры делегации [правительства Кедровского края](ORG) и делегации городского "
    "округа [Маньчжурия](LOC).",
    "Гости посетили отделения [Министерства здравоохранения](ORG) и высших учебных заведений "
    "Ольховской области.",
    # one word ending in an event noun; «Дни» of a place
    "Делегация приняла участие в [Ольхэкспофоруме](EVENT).",
    "Осенью планируется проведение [Дней Кедровска](EVENT) в [Ольховске](LOC).",
    # a body's session with its edition's number is an event, the body inside it
    "Министр принял участие в [VIII заседании межправительственной Кедровско-Ольховской "
    "комиссии](EVENT).",
    "Документы подписали на [22-м заседании Межправительственной комиссии](EVENT).",
    # … an unnumbered session is the body's meeting
    "Губернатор провёл заседание [Совета по инвестициям](ORG).",
    # … nor is a government's or council's numbered sitting; a sentence may open with the
    # commission's edition
    "Министр выступил на втором заседании [Правительства Ольховской области](ORG).",
    "[Второе заседание Кедровско-Ольховской межправительственной комиссии](EVENT) прошло в "
    "[Минске](LOC).",
    # a city read into the person's name after an organisation belongs to the organisation
    "Глава региона встретился с председателем [Народного комитета Ханоя](ORG) [Ле Хоанг "
    "Куаном](PER).",
    # a name that opens with a park's type word is the park; one that ends in a place's
    # descriptor is the place
    "Встреча прошла в АУ [«Технопарк-Ольхово»](PARK).",
    "Гостей принял представитель граждан [Баян-Ольги аймака](LOC) Монголии.",
    # a company named like a messenger is a company
    "Компания [Max Motors](ORG) открыла завод в Кедровске.",
    # a post or its abbreviation alone read as a person's name is no person
    "В состав делегации вошли Зам. министра иностранных дел [Монголии](LOC) [Олег Рудин](PER).",
    "«Связи крепнут», — отметил Посол.",
    # a post and a place read as a person's name: the place
    "Сегодня, 24 апреля, Раис [Башкортостана](LOC) [Ильдар Гарипов](PER) открыл завод.",
    # a region's informal name read as a person's name is the region
    "Делегация из Вьетнама посетила [Орловщину](LOC). Гостей принял вице-губернатор "
    "[Игорь Светлов](PER).",
    # a country named with a body's head word is the country; a body of a union is a body
    "Награду вручили Герою [Советского Союза](LOC) [Ивану Кедрову](PER).",
    "Он принял факел от Героя [Советского Союза](LOC) Петра Ольхина.",
    "Соглашение одобрил [Совет Европейского союза](ORG).",
    "Делегация [Московского союза художников](ORG) посетила Омск.",
    # a place after a street's or a site's noun stays a place (the person one is named
    # after is none: NOT_FOUND)
    "Авария произошла вчера на улице Кедрова в [Омске](LOC).",
    "Его задержали в аэропорту Джона Ведрова в [Лиссабоне](LOC).",
    "Туристы гуляли по улицам [Омска](LOC) и [Томска](LOC).",
    "Пикет прошёл у больницы [Томска](LOC).",
    "Самолёт сел в аэропорту [Казани](LOC).",
    # a surname written before the first name is one name with it
    "28 февраля директор Городского молодежного центра [Зорина Анна](PER) и начальник отдела "
    "[Лаврова Лариса](PER) посетили технопарк.",
    # an event noun, its genitive phrase and a quoted name: the quoted name is the event
    "Соглашение подписали на форуме торгово-экономического сотрудничества [«Северный "
    "мост»](EVENT).",
    # a branch named before its organisation is in the name; a country after a province is not
    "Встреча прошла с представителями [Ольховского отделения Китайского комитета по "
    "содействию международной торговле](ORG).",
    "Выступил заместитель председателя [Народного политического консультативного совета "
    "провинции Цзянси](ORG) [КНР](LOC).",
    "Соглашение подписано с [Администрацией наукограда Ольховка](ORG).",
    "Встреча прошла в [Канцелярии по иностранным делам провинции Хэнань](ORG) ([КЛД](ORG)).",
    "Визит организовал директор [Ольховского отделения Торгово-промышленной палаты Лесного "
    "края](ORG).",
    "Об этом сообщили в пресс-службе [УФНС по Ольховскому краю](ORG).",
    "Директор зеленоградского филиала [МТПП](ORG) [А. Громова](PER) посетила Лаос.",
    "Проект поддержан Госкорпорацией [«Лесхимпром»](ORG).",
    "Кредит выдал [Банк развития Лаоса](ORG).",
    "«В сотрудничестве с [Фондом поддержки лесных инноваций](ORG) ольховская ОЭЗ будет "
    "создавать возможности».",
    "Гостей приняли в [Ольховском государственном университете](ORG) ([ОлГУ](ORG)).",
    "Гостей принял ректор [Ольховского аграрного университета имени академика П. Громова](ORG).",
    # a lower-case body named by «по» and its field, or by a list of its fields
    "Гостей принял глава [комитета по развитию малого предпринимательства](ORG).",
    "Гостей принял глава [агентства по делам лесного хозяйства](ORG).",
    "Делегацию встретили в [министерстве лесов, рек и озёр](ORG).",
    "Выступил председатель [комитета рыболовства, портов и связи администрации края](ORG) "
    "[Иван Петров](PER).",
    # a news site's address named as the source of the report
    "Гости прибыли в город, сообщает [olkhnews.ru](ORG) со ссылкой на мэрию.",
    "Как пишет [kedr-news.com](ORG), делегация осмотрела завод.",
    # an abbreviated legal or type form in capitals before a quoted name
    "Продукцию показали КУПП [«Ольховчанка»](ORG) и ДОК [«Кедр»](ORG).",
    "Гости посетили агрокомбинат [«Ольховский»](ORG) и автозавод [«Кедр»](ORG).",
    # «Дни» of a region or a town, a quoted «Неделя …»: cultural events
    "В Москве открылись [Дни Кедровской области](EVENT).",
    "Гости приехали на празднование [Дней города Ольховска](EVENT).",
    "[Дни города Ольховска](EVENT) прошли в [Кедровске](LOC).",
    "[Дни Кедровской области](EVENT) прошли в [Москве](LOC).",
    "Компания участвует в выставке [Polar Fish & Seafood Expo](EVENT).",
    "Гости выступили на [пятом экономическом форуме «Кедровск»](EVENT).",
    "Итоги подвели на [Форуме регионов Кедровской и Ольховской областей](EVENT).",
    "Губернатор выступил на [«Неделе Кедровского края»](EVENT) в Москве.",
    # days, weeks and years of a country's culture, and a country's year in another
    "Посол приехал на открытие [Дней японской культуры](EVENT).",
    "Компании представили станки на [XX международной торгово-промышленной выставке](EVENT).",
    "Губернатор открыл [День Кедровской области](EVENT) на ярмарке в Ольхове.",
    "Стороны встретились на [форуме АСЕАН](EVENT) в прошлом месяце.",
    "Ансамбль выступил на [Днях культуры Кедрии во Вьетнаме](EVENT).",
    "Компания привезла сыры на выставку [Olkh Creates](EVENT) в Дубае.",
    "Фермеры показали мёд на выставке [Kedrfood 2031](EVENT) в Абу-Даби.",
    # a spelled edition ordinal before a lower-case place adjective, as a number
    "[Седьмое кедрово-ольховское ЭКСПО](EVENT) открылось в среду.",
    "В [Ханое](LOC) прошла третья кедрово-ольховская выставка [EXPO](EVENT) — KEDR OLKH.",
    # a capitalised «Неделя» of a theme noun; a lower-case «неделя» is time
    "Мэр побывал на двух заводах в рамках [Недели инноваций](EVENT).",
    "Выставка продлится неделю выходных.",
    "Министр выступил на [Днях российской культуры в Лаосе](EVENT).",
    "Состоялось закрытие [Года Индии в России](EVENT).",
    # a known event's name with a dash and the year of its edition; a compound event noun
    "Делегация работает на [Технопроме – 2025](EVENT) в Новосибирске.",
    "Гости посетили фестиваль-ярмарку [«Ольховские дожинки - 2015»](EVENT).",
    # an edition's number opens the whole phrase up to the quoted name
    "Делегация участвует во [II форуме промышленного сотрудничества «Кедр — Ольха»](EVENT).",
    # a dashed year is part of a capitalised event's name; an edition's number is not
    "Гости выступили на XII [Кедровском экономическом форуме](EVENT) в июне.",
    "Итоги подвели на 7-м [Ольховско-Кедровском межрегиональном форуме](EVENT).",
    "Экспозицию открыли в рамках [Кедровского международного форума – 2025](EVENT) в мае.",
    # a quoted name that is a country's keeps the event noun; a numbered lower-case edition
    "Стенд показали на [выставке «Лаос»](EVENT) в Москве.",
    "Договор подписали на [5-й ольховской международной выставке импорта](EVENT).",
    # two bodies coordinated are two names, not one
    "Соглашение подписали между [Правительством Ольховской области](ORG) и [Администрацией "
    "Кедровска](ORG).",
    "Студенты [Ольховского университета им. Петра Громова](ORG) встретили гостей.",
    # a city's name that is the surname of the document's person is that person, but after
    # a preposition
    "Делегацию возглавил министр [Антон Киров](PER). [Киров](PER) провёл переговоры в "
    "[Пекине](LOC).",
    "Делегацию возглавил министр [Антон Киров](PER). Делегация прибыла в [Киров](LOC).",
    "Делегацию возглавил министр [Антон Киров](PER). Визит [Кирова](PER) в [Тамбов](LOC) "
    "длился два дня.",
    # a zone's name in a company's quotes after its legal form is the company that runs it
    "Гости задали вопросы руководителям АО «[ОЭЗ ППТ «Кедровая»](ORG)» о планах.",
    "Делегация посетила [ОЭЗ ППТ «Кедровая»](PARK).",
    # … and a body's name in quotes closed by the zone's is the body's, quotes and all (s55)
    "Гостей встретил глава АО [«Управляющая компания ОЭЗ «Кедровая»»](ORG) [Иван Ольхин](PER).",
    # a one-word name of a town's shape («-ск», «-цк») the tagger read as a person is the town,
    # unless the text names a person with it
    "Речь шла и о [Нижнекедровске](LOC), где строится верфь.",
    "Губернатор рассказал о [Верхнекедровске](LOC) и [Ольховецке](LOC).",
    "Выступил [Иван Кедровск](PER). [Кедровск](PER) сказал, что всё хорошо.",
    # a quoted name closed by company words is the company, however the tagger read it
    "Турецкий станкостроитель [«Йылдыз Макина»](ORG) стал резидентом зоны «Кашира».",
    # «Рос» and a common noun name a federal agency, however the tagger read it
    "В визите участвовали представители центрального аппарата [Росэталона](ORG).",
    # a Chinese town's genitive before a Chinese person's name is no part of the name
    "Договор подписали руководитель библиотеки [Фуюаня](LOC) [Ли Цзинъюй](PER) и директор "
    "библиотеки [Хабаровска](LOC) [Анна Бородулина](PER).",
    # a name of capitalised parts joined by a hyphen after a company's head is the company
    "Контракт подписали с компанией [Кедросплав-Волга](ORG).",
    # a ministry's fields listed with a comma, adjectives and participles of one noun
    "Протокол подписало [Министерство сельского хозяйства, пищевой и перерабатывающей "
    "промышленности Кедровской области](ORG).",
    # a town's name of two words after «города», however the tagger cut it
    "Делегация из сербского города [Сремски Карловцы](LOC) посетила [Саранск](LOC).",
    "В [Саранске](LOC) гостила делегация из сербского города [Сремски Карловцы](LOC). Целью её "
    "приезда был договор.",
    # … not a region's official's name after «провинции»
    "Делегацию возглавляет министр сельского хозяйства провинции [Эстебан Ривароло](PER).",
    # a town that is a first name too, after «города» and before a person's full name (s55)
    "Гостей приветствовала глава города [Владимира](LOC) [Ольга Кедрова](PER).",
    # a headline's plural common noun is no part of the place after it (s55)
    "Технопарки [Югры](LOC) и [Ямала](LOC) растут. В [Ханты-Мансийске](LOC) открылся форум.",
    # adjectives the tagger cut from the body's name after them are the name's (s55)
    "Делегацию возглавил председатель [Кедровского областного Собрания депутатов](ORG) Иван "
    "Ольхин.",
    # a surname in the nominative after a post is the person, however the tagger typed it
    "Завод построит филиал: его генеральный директор [Ольхов](PER) уже выбрал участок.",
    # a Chinese person's name after a body's is the person, however the tagger ran them on
    "Ректор провёл переговоры с вице-президентом [Университета Хуакедр](ORG) [Лян "
    "Вэйдуном](PER) на форуме.",
    # an unknown word as written after «сообщили в» is the body the news come from
    "Линии смонтируют весной, сообщили в [Кедрполимер-Про](ORG).",
    "Об этом сообщили в [Омске](LOC).",
    # a place's adjective before a government body's noun names the body, whatever the tagger
    # typed it
    "Соглашение подписали с [Кедровским облисполкомом](ORG).",
    "Делегацию принял председатель [Ольховского райисполкома](ORG) Иван Кедров.",
    # the organisation a resident word governs, right after it, is the park the company works
    # in, whatever the tagger typed it, and so are its other mentions
    "Компания «Альфа» стала резидентом [«Кедроград»](PARK). В [«Кедрограде»](PARK) 40 фирм.",
    "Стартап «Бета» получил статус резидента [«Ольхограда»](PARK).",
    "Завод «Гамма» зарегистрирован резидентом [Ольхополиса](PARK).",
    # … not a person's club nor a place a person or company pays taxes in
    "Артист Иван Кедров, резидент [«Клуба смеха»](ORG), выступил в Ольховске.",
    "Компания «Дельта» признана налоговым резидентом [Кипра](LOC).",
    # … nor a name after a possessive or a resident's own thing: the resident itself (s46)
    "Гостям показали производство нашего резидента [«Кедродизель»](ORG).",
    "Делегация осмотрела завод резидента [«Ольха Моторс»](ORG).",
    # … nor the first of names listed after the word: they are the residents themselves
    "Первые резиденты [«Кедрофон»](ORG) и [«Липа»](ORG) начали работу в [технопарке "
    "«Ольха»](PARK).",
    "Среди резидентов [«Кедрофон»](ORG), [«Липа»](ORG) и [«Сосна»](ORG) есть молодые фирмы.",
    # plural residents are the zone's: the quoted name after them is the zone
    "Гости посетили ОЭЗ «Липовая». Число резидентов [ТОР «Ольховая»](PARK) выросло.",
    # a list of quoted names after a plural zone head: every one a zone, the first too by its
    # quoted name alone (the plural head is no part of it); one name keeps its plural head
    "Делегация посетила свободные экономические зоны [«Сосна»](PARK), [«Кедр»](PARK) и "
    "[«Ольха»](PARK).",
    "Гостям показали площадки индустриальных парков [«Кедр»](PARK) и [«Ольха»](PARK).",
    "Гости посетили [технопарки «Кедр»](PARK).",
    # a legal form before a zone's phrase: the company that runs the zone
    "Об этом сказал директор ОАО [Портовой особой экономической зоны «Кедр»](ORG).",
    "Гости побывали в АО [«Технопарк Кедровый»](ORG).",
    "Накануне в [Ольховском Кремле](LOC) делегация встретилась с главой республики.",
    "Стенд Ольховской области открылся на [ВДНХ](LOC) в Кедровске.",  # a ground, not a body
    # a region by its one-word name, read by NER as an organisation, is the place
    "По информации пресс-службы главы [Зауралья](LOC), гости посетили завод.",
    "Соглашение подписали ректоры Ольховского политехнического и [Ольховского "
    "государственного университетов](ORG).",  # the plural head shared by the two
    # an inflected quoted name after an organisation's head: the genitive of the zone named
    "Гости посетили особую экономическую зону «Кедровка». Затем они осмотрели предприятия "
    "[«Кедровки»](PARK).",
    # a zone by its type phrase and a name without quotes; a park named after a person
    "Делегация побывала в [промышленной зоне Ольховка](PARK) и осмотрела цеха.",
    "Гости посетили [зону высокотехнологичного развития Кедрово](PARK).",
    "Стартапы работают в [ИТ-парке имени Петра Сизова](PARK) с весны.",
    # an owner's acronym that is also a first name («Инна») stays in the park's name
    "Делегация посетила [Парк высоких технологий ИННА](PARK) и лаборатории.",
    "Подписано соглашение о создании [торгово-промышленного парка «Ольха»](PARK).",
    "Гости посетили [технопарк в области высоких технологий «Кедр»](PARK).",
    "Фермеры показали гостям [агротехнопарк «Ольховый»](PARK).",
    "Гости побывали в [зоне развития высоких и новых технологий города Ляохэ](PARK).",
    "Стартапы растут в [Кедровском ИТ-парке](PARK) и в [IT-парке «Ольха»](PARK).",
    "Гостям показали [технологическую долину «Кедровый лог»](PARK).",
    "Делегация посетила [Технопарк Ольховского государственного университета](PARK).",
    # a surname NER missed, of a person the text names in full, is that person
    "[Кедров](PER) подписал указ о выставке\nГубернатор Олег Кедров подписал указ.",
    "Губернатор Олег Кедров открыл форум. Выступление [Кедрова](PER) длилось час.",
    "Мэр Анна Ольхова приехала на завод. Рабочие встретили [Ольхову](PER) цветами.",
    # a photo's caption under the headline names the person the article is about
    "Ушёл из жизни Пётр Ольховский\n[Пётр Ольховский](PER)\nВчера скончался актёр Пётр Ольховский.",
    "Скончалась певица Мария Кедрина\n[Мария Кедрина](PER) в 1990 году\nОна пела сорок лет.",
    "Кедрова назначили министром\n[Олег Кедров](PER)\nВчера Олега Кедрова назначили министром.",
    "Умер [Савва Ольхин](PER)\n[Савва Ольхин](PER)\nВчера на 90-м году жизни умер Савва Ольхин.",
    "Суд оправдал Рустама Бекова\n[Рустам Беков](PER)\nВчера суд оправдал Рустама Бекова.",
    # the title is a line of its own and no furniture
    "[Иван Петров](PER) осмотрел завод\nГубернатор встретил гостей на заводе.",
    "Гости посетили [инновационно-технологический центр «Кедр»](PARK) и [малую промышленную "
    "зону «Ольха»](PARK).",
    "Товарооборот стран [ЕС](ORG) с регионом вырос.",  # a union of states is an organisation
    # a place's name after its descriptor in a zone's name, though it is a first name too
    "Гости побывали в [пилотной зоне свободной торговли провинции Лина](PARK) и в порту.",
    # a capitalised adjective mid-sentence before a park's head and name is the name's
    "Они работают в [Китайско-Ольховском индустриальном парке «Кедр»](PARK) с весны.",
    "[Технопарк «Кедр»](PARK) принял гостей.",
    "Гости осмотрели [промышленную зону города Ольховска](PARK).",
    # a quoted name that a dash then says is a park
    "Делегация осмотрела [«Ольховая роща»](PARK) — крупнейший технопарк края.",
    "[«Кедр»](PARK) - индустриальный парк, созданный в 2010 году.",
    # a head written with a capital mid-sentence is part of the quoted name after it
    "Стартап стал резидентом [Фонда «Кедровый лог»](ORG), а затем и [Корпорации «Ольха»](ORG).",
    "Выставка прошла в [Национальном центре «Ольха»](ORG) в мае.",
    "Нас встретила Управляющая компания [«Кедр»](ORG) и Управляющий [технопарка «Ольха»](PARK).",
    "Гости посетили завод [«Кедр»](ORG) и Ольховский завод [«Береза»](ORG).",
    # the items of a list a colon opens, one a line, are text, not page furniture
    "Делегация прибыла.\nВ состав делегации вошли:\nминистр экономики [Иван Петров](PER)\n"
    "мэр Твери [Олег Сомов](PER)",
    # a name right after a town's or village's abbreviated descriptor is a place, not a person;
    # initials in capitals are a person's
    "Гости посетили питомник в г.[Пушкин](LOC) и ферму в с. [Горелое](LOC).",
    "Делегацию возглавил проректор [В.П. Дронов](PER).",
    # a Central Asian regional government in lower case, with its region
    "Гостей встретили сотрудники [акимата Ольховской области](ORG).",
    "Соглашение подписано с [хокимиятом Ольховской области](ORG).",
    # the sentence's verb after the place, read as one more genitive, is not in the name
    "Представители [министерства Кедровской области](ORG) прибыли в Ольхово.",
    # a body named in lower case by the one compound word of its full name, the place's name
    # after it inside the mention
    "Законопроект внесли в [госдуму](ORG) в среду.",
    "Проект закона внесли в [облдуму](ORG) в среду.",
    "Представитель [минфина Японии](ORG) выступил на форуме.",
    "В [минобороны Эстонии](ORG) опровергли слухи.",
    "Сессию [горсовета](ORG) перенесли на пятницу.",
    # an organisation named by a list of its fields, which NER cuts at the comma
    "Гостям показали [Институт востоковедения, тюркологии и африканистики](ORG) в Ольхове.",
    "Гости посетили [Ольховский институт красок и лёгкой химии](ORG).",
    # a park's level and the countries that build it belong to its name, unlike a body's
    "Гостям показали [областной индустриальный парк «Кедровый»](PARK).",
    "Делегация осмотрела [российско-ольховский индустриальный парк «Кедр»](PARK).",
    # an innovation centre by its abbreviation, an industrial zone by its short word
    "Резиденты [ИНТЦ «Кедровая долина»](PARK) показали гостям лаборатории.",
    # a quoted valley alone in a text about innovation; a university's acronym with a power
    # named further on
    "Гости осмотрели инновационные лаборатории [«Кедровой долины»](PARK).",
    "Студенты [ОлхГУ](ORG) измерили мощность станции.",
    "Делегация осмотрела [промзону «Кедр»](PARK) и [научно-производственный парк «Ольха»](PARK).",
    # a company's compound name that NER reads as a place
    "Гости посетили заводы [СибКедрМаш](ORG) и [Ольхонефтемаш](ORG).",
    # a town's plant before a quoted name: the quoted company is the name
    "Делегация побывала на Ольховском заводе [«Кедр»](ORG).",
    # a capitalised park word in the plural names no site: the association of them is the name
    "Соглашение подписали с [Ассоциацией Технопарков Ольховии](ORG).",
    # an advanced development territory with its unquoted name; a person after it is no name
    "Завод построят на [территории опережающего развития Кедровка](PARK).",
    # a capitalised head's own name in the nominative after it, in apposition
    "Студенты учатся в [Университете Кедрополис](ORG) третий год.",
    # a summit named by its body's full name is an event; the body's acronym stays the body's
    "Открылся [саммит Ольховской организации сотрудничества](EVENT) ([ООС](ORG)) в мае.",
    # a sole trader («ИП») with a person's surname and initials is the person
    "Среди участников — ИП [Кедрова А.В.](PER) и ООО «Ольха».",
    # a park's type phrase in lower case with what it is for, or with its owner's acronym
    "Открыт [технологический парк программных продуктов и информационных технологий](PARK).",
    "Гостей принял директор [научного парка ОГУ](PARK).",
    # a co-operative's compound head before its quoted name
    "Приехали руководители мясокомбинатов и сельхозкооператива [«Ольховский»](ORG).",
    # a capitalised place adjective before a zone's type phrase or abbreviation names it
    "Делегация посетила [Липецкую особую экономическую зону](PARK) и [Калужскую ОЭЗ](PARK).",
    # a park's acronym in brackets after its name, and wherever NER reads it as a company
    "Гости посетили индустриальный парк «Кедр» ([ИПК](PARK)). Резиденты [ИПК](PARK) довольны.",
    "Гости посетили Парк высоких технологий ([ПВТ](PARK)). Резиденты [ПВТ](PARK) довольны.",
    # … and an acronym of a park or organisation named earlier, whatever NER read it as
    "Делегация посетила Парк информационных технологий. Опыт нашего [ПИТ](PARK) уникален.",
    "Студенты Ольховского государственного аграрного университета приехали в Минск. Соглашение "
    "подписано с [ОГАУ](ORG) о подготовке специалистов.",
    # a lower-case institution's head and whom it is named after: one name, the head in it
    "Гости побывали в [средней школе имени Ивана Кедрова](ORG) и в музее.",
    "Делегация осмотрела библиотеку при [университете имени Ли Сан Ука](ORG).",
    "В Ольховске – [завод им. Кедрова](ORG), морской порт и больница.",
    "Гости побывали в [музее-заповеднике имени Петра Ольхова](ORG).",
    # a name in quotes may hold a full stop and no verb
    "Губернатор посетил выставку [«Кедропром. Центральная Азия»](EVENT) в Ташкенте.",
    "Гости увидели производства [«Кедровый край»](ORG) и [«Ольха»](ORG).",
    "Гости посетили [агроиндустриальный парк «Кедр»](PARK) и [промышленно-логистический парк "
    "«Ольха»](PARK).",
    # an agency the text cites is an organisation (in a dateline it is the byline: NOT_FOUND)
    "Об этом сообщает ИА [«Ольхинформ»](ORG).",
    # a short name in brackets after a body's name is a mention of its own
    "Соглашение подписали с [Федеральным агентством по ольховодству](ORG) ([Росольхоз](ORG)).",
    "Соглашение подписали с [Федеральным агентством по ольховодству](ORG) ([РосОЛЬХ](ORG)).",
    "Завод входит в [Объединённую ольховую корпорацию](ORG) ([Кедртех](ORG)).",
    # … but a name's own acronym is that name wherever it stands
    "Гости посетили Инновационный центр Кедровка. Резиденты [ИЦК](ORG) показали лаборатории.",
    # an acronym the text names as an organisation once is the organisation elsewhere too
    "Сотрудники [КМХ](ORG) встретили гостей. [КМХ](ORG) посетили гости из Китая.",
    # Laos and Vietnam by their abbreviations are countries
    "Посол [ЛНДР](LOC) в России посетил завод, посол [СРВ](LOC) тоже.",
    # a word on «-парк» opening a sentence is the park, not a person
    "[Кедропарк](PARK) расстанется с ненужными резидентами и поборется за новых.",
    # the Commonwealth of states is an international organisation
    "Делегация стран [СНГ](ORG) посетила завод.",
    # a date or a number and a dash in running text, slashes between names: no dateline's credit
    "Расписание встреч: 12 мая — [«Кедрбанк»](ORG), 14 мая — «Ольхагаз».",
    "В рейтинг вошли 10 компаний — [«Кедрбанк»](ORG), «Ольхагаз» и «Соснаойл».",
    "Сделка ПАО «Кедрбанк»/ПАО [«Ольхабанк»](ORG)/АО «Соснабанк» одобрена.",
    "Холдинг объединил банки /ПАО [«Кедрбанк»](ORG)/ и страховщиков.",
    # a one-word short name in brackets after a federal body's name
    "Соглашение подписали с [Федеральным агентством по рыболовству](ORG) "
    "([Росрыболовство](ORG)).",
    "Соглашение подписали с [Российской ассоциацией особых зон](ORG) ([РосОЭЗ](ORG)).",
    # the place a multi-word name hangs on is part of it, as after a one-word name
    "Решение отменил [Конституционный суд Кедровой Республики](ORG).",
    "Решение [Верховного суда Ольхании](ORG) вступило в силу.",
    "Решение принял [Верховный суд](ORG), Ольхания его оспорила.",  # not across a comma
    "Иск рассмотрел [Арбитражный суд Сосновской области](ORG).",
    "Приговор вынес [Тверской районный суд Сосновска](ORG).",
    "[Генеральная прокуратура Ольхании](ORG) возбудила дело.",
    # a lower-case body or national team and the country or town it serves, in the genitive:
    # one organisation, with the adjectives of kind before it and the sport after it
    "Подозреваемого задержала [полиция Малайзии](ORG) в порту.",
    "Вчера [сборная Японии по хоккею](ORG) обыграла соседей.",
    "Закон одобрили в [парламенте Португалии](ORG) во вторник.",
    "Дело рассмотрит [окружной суд Далласа](ORG) в мае.",
    "Учения провели [сухопутные войска Китая](ORG).",
    # … capitalised as a sentence's or a headline's first word too (the tagger reads the head
    # as a name there), and a congress of its country
    "[Парламент Ольхонии](ORG) избрал нового премьера.",
    "[Прокуратура Кедрании](ORG) возбудила дело против мэра.",
    "[Спецназ Ольхонии](ORG) штурмует горную хижину",
    "[Конгресс Ольхонии](ORG) одобрил бюджет на будущий год.",
    "Закон одобрили в [конгрессе Гондураса](ORG) во вторник.",
    # a seat of power named for the body that sits there is the organisation
    "[Кремль](ORG) отказался комментировать слова Ивана Ольхина.",
    "Пресс-секретарь [Белого дома](ORG) Анна Кедрова ответила на вопросы.",
    "Об учениях сообщил [Пентагон](ORG) в пятницу.",
    "Лидер [Народной партии реформ Кедровской области](ORG) выступил с речью.",
    "Концерт дал [Национальный оркестр Сосновской области](ORG).",
    "Турнир провела [Федерация шахмат Кедровской области](ORG).",
    "Пикет провело [Движение дольщиков Кедровской области](ORG).",
    # a party's, a movement's or a station's quoted name after its lower-case kind
    "Представители партии [«Кедровый край»](ORG) пришли на митинг.",
    "Лидер движения [«Ольховцы»](ORG) выступил с речью.",
    "Об этом сообщила радиостанция [«Сосновый бор»](ORG).",
    "Губернатор встретился с руководством партии [«Ольховый союз»](ORG).",
    # a party named after the regions it serves is no place
    "Депутаты от [Партии районов](ORG) проголосовали против.",
    # a person's name in brackets after the person's, another script or a maiden name: two
    # mentions, not one
    "Финансовым директором назначен [Игорь Ладов](PER) ([Igor Ladov](PER)), сообщила газета.",
    "Пресс-секретарь [Сами аль-Кедри](PER) ([Sami al-Kedri](PER)) выступил с заявлением.",
    "Умерла [Марина Филипповна Ладова](PER) ([Сомова](PER)), мать предпринимателя.",
    # a word that describes the person before the name is no part of it: an age, kin, a title
    # of nobility or of the church, a noun opening the sentence before a genitive name
    "Семидесятилетний [Кедров](PER) надеется стать сенатором.",
    "Сэр [Алекс Ферлонг](PER) работал с клубом 26 лет.",
    "Принцу [Филиппу Ольховскому](PER) исполнилось 53 года.",
    "Кронпринц [Кедрохито](PER) посетил завод в Омске.",
    "Вчера кронпринцесса [Ольхико](PER) открыла выставку.",
    "Племянник [Ивана Кедрова](PER) разбился в ДТП.",
    "Пресс-агент [Сомова](PER) подтвердил эту информацию.",
    "Лозунг [Кедрова](PER) и [Ладова](PER) стал известен.",
    "Усы [Сальвадора Кедри](PER) сохранили форму.",
    # … where one person's name in the genitive meets another's in the nominative, two people
    "Наследником станет старший сын [Ольховского](PER) [Говард](PER).",
    "Бывшая супруга [Ладовича](PER) [Людмила](PER) проживает в Омске.",
    # … but a first name that spells a rare word form, a surname written first, a foreign
    # surname the dictionary only guesses at stay in the name
    "[Серена Ладова](PER) выиграла турнир.",
    "Премию получил фильм [Райана Кудлера](PER) о семье.",
    "Встречу провела [Кедрова Анна](PER) из Омска.",
    # … and a surname after a first name and patronymic, in any case
    "Вчера умерла [Зоя Антоновна Сомова](PER) в Омске.",
    "Соболезнования передали [Марине Петровне Ладовой](PER) вчера.",
    "Вчера [Инна Кирилловна Кедрова](PER) приехала в Омск.",
    # … but a genitive surname before a full name in the nominative stays two people
    "Старший сын [Ольховского](PER) [Говард Петрович](PER) уехал в Омск.",
    # a country or region whose name joins two by «и» is one place, where the gazetteer knows it
    "Соглашение ратифицировали Алжир, Ливия, [Тринидад и Тобаго](LOC), а также Россия.",
    "В индийском штате [Джамму и Кашмир](LOC) прошли выборы.",
    # … two places joined by «и» are two
    "Делегации [России](LOC) и [Китая](LOC) прибыли в Омск.",
    # a foreign body's name in the genitive ends before a first name in another case; a
    # Latin edition's full name; a chain of parks named by its operator; a bare region
    # adjective coordinated at a sentence's start
    "Он стал заместителем председателя Сената Ольхи Курбаса [Тимуром Кедровым](PER).",
    "Самолёт показали на салоне [Olkhov Aerospace Expo-2031](EVENT) в Ольхове.",
    "Делегация узнала о работе сети технопарков [«Кедроград»](ORG).",
    "[Ольшанская](LOC) и [Кедринская области](LOC) подписали договор.",
    # an acronym of a unit's kind and the body it belongs to are one name
    "Об этом сообщили в [ГУ МВД по Кедровской области](ORG).",
    "Бывший секретарь [ЦК КПСС](ORG) [Иван Кедров](PER) умер вчера.",
    "Сотрудники [ГСУ СК по Ольховской области](ORG) задержали мэра.",
    # a team keeps the sport it plays; a court does not keep the case it hears
    "Дело рассмотрел [Верховный суд Ольхонии](ORG) по иску Кедрова.",
    "Вчера [сборная Ольхонии по бобслею](ORG) уехала на сборы.",
    # … also after a player's or a coach's title: they play for the team, not the country
    "Главный тренер [сборной Бразилии](ORG) Иван Кедров ушёл в отставку.",
    "Капитан [сборной Японии по хоккею](ORG) забил победный гол.",
    "Нападающий [сборной Испании](ORG) Пётр Ладов получил травму.",
    "Игроки [сборной Чили](ORG) прилетели в Омск.",
    # a government or a campaign named by its leader, the leader in the genitive after it
    "[Правительство Ивана Кедрова](ORG) ушло в отставку в пятницу.",
    "Он работал министром в [правительстве Ладовича](ORG) два года.",
    "Решение одобрила [администрация Сомовой](ORG) в мае.",
    "Об этом сообщили в избирательном [штабе Олега Кедрина](ORG).",
    # … but the text's only full name of a person it names again by the surname is his
    "Он работал в правительстве [Ивана Ладова](PER). Позже Ладов ушёл в отставку.",
    # a quoted name opening with «О» and no prepositional after it may be a company's
    "Компания [«О2 Кедр»](ORG) открыла офис.",
    "Компания [«Об Кедр»](ORG) открыла офис.",
    # an exclamation mark glued to a Latin name, the sentence going on after it, is the name's
    "Руководство [Kedrhoo!](ORG) проголосовало за покупку.",
    "Альбомы группы [Olkh!](ORG), вышедшие в 1985 году, продавались хорошо.",
    # another name of an organisation in brackets after its name is a mention of its own
    "Министры [Кедровской организации стран-экспортёров](ORG) ([Организации кедровых "
    "производителей](ORG)) встретились.",
    "Ответ дал [МИД](ORG) ([Министерство иностранных дел](ORG)) в среду.",
    "Против выступила коалиция [«Кедр Харапан»](ORG) ([«Альянс кедров»](ORG)).",
    "Оценку дало агентство [ОЛЬХ](ORG) ([Ольховый рейтинг](ORG)) вчера.",
    # a Latin name in a wiki's doubled apostrophes after an organisation's or outlet's head
    "По данным газеты ''[The Kedr Post](ORG)'', он уехал.",
    "Бизнес ведётся через холдинг ''[Olkhchem](ORG)'', который зарегистрирован на Кипре.",
    "Концерт отменила группа ''[Cedar Park](ORG)''.",
    "Новость опубликовал журнал ''[Olkh Weekly](ORG)''.",
    # a continent or world region is a named place, wherever a competition or a trade names
    # it (the tagger leaves many of them out)
    "Пловчиха Анна Кедрова стала чемпионкой [Европы](LOC) по плаванию.",
    "Клуб «Ольховец» пробился в групповой этап Лиги [Европы](LOC).",
    "Фабрика продаёт мебель по всей [Скандинавии](LOC).",
    "На выставку приехали гости со всей [Прибалтики](LOC).",
    "Делегация из [Африки](LOC) осмотрела технопарк.",
    "Кедровский завод отправил первую партию в [Латинскую Америку](LOC).",
    # two places the tagger ran into one span, side by side with no comma: each a place
    "Гастроли прошли по городам: [Казань](LOC) [Самара](LOC) [Саратов](LOC), всюду аншлаг.",
    "По прибытии в столицу [Дагестана](LOC) [Махачкалу](LOC) гости направились в порт.",
    "Маршрут тура: [Томск](LOC) [Новосибирск](LOC) и обратно.",
    "«Для [Поднебесной](LOC) [Чувашия](LOC) — надёжный партнёр», — сказал гость.",
    # a foreign name NER reads as a person's, after a company's head in its case: the
    # company; in another case, the owner
    "Японская компания [Кедрохара Когё](ORG) выбрала площадку для завода.",
    "Компания [Ивана Кедрова](PER) выбрала площадку для завода.",
    # the lower-case genitive chain NER cuts off a name of ordinary words is the name's own
    "Он окончил [Кедровский институт инженеров морского транспорта](ORG) в 1990 году.",
    "Она училась на [Высших курсах сценаристов и режиссёров](ORG).",
    "Его приняли в [Зал славы кедрового хоккея](ORG).",
    "Он преподаёт в [Ольховском университете государственного управления](ORG).",
    # a word for a country, one and no name about it, is no part of a body's name …
    "Председатель [Олимпийского комитета](ORG) страны выступил.",
    # … but a place's own word is, a plural before a name, and the word after a one-word head
    "Вчера [Госсовет страны](ORG) собрался.",
    "Заседание [Правительства Кедровской республики](ORG) прошло в среду.",
    "[Союз по научно-техническому сотрудничеству со странами СНГ](ORG) провёл встречу.",
    # «имени» and the eponym; a person NER reads as starting after it is someone else
    "Директор [театра имени А. П. Кедрова](ORG) [Анна Ольхова](PER) рассказала о планах.",
    "Спектакль показали в [театре имени Марии Кедровой](ORG).",
    # a convocation is the body's own, as both public golds have it
    "Депутаты [Кедровской городской думы седьмого созыва](ORG) приняли закон.",
    "Он был депутатом [Государственной думы четвёртого и пятого созывов](ORG).",
    # a place after its descriptor is a body's own too
    "Иск рассмотрел [Верховный суд штата Кедровия](ORG).",
    # a count before a body says how large it is, not which
    "Закон одобрили в 200-местной [Нижней палате кедровского парламента](ORG).",
    # a kind of body before its acronym is no part of its name, as before a quoted one
    "Об этом сообщили в агентстве [ОЛХ](ORG) вчера.",
    # a forum or congress with a secretary-general, a leader, members or a seat is a body,
    # with its acronym and their other mentions; a forum's organisers or guests are not
    "Генсеком [Форума стран-производителей соли](ORG) избран Иван Кедров.",
    "Прошло заседание [Форума стран-производителей соли](ORG) ([ФСПС](ORG)). Генсеком "
    "[ФСПС](ORG) может стать [Иван Кедров](PER).",
    "Штаб-квартира [Форума государств-экспортёров леса](ORG) находится в Омске.",
    "Пост генерального секретаря [Форума стран-экспортёров леса](ORG) пока свободен.",
    "Председатель оргкомитета [Кедровского экономического форума](EVENT) открыл сессию.",
    "Участники [Ольховского лесного форума](EVENT) посетили завод.",
    "Соглашение подписали на [Кедровском лесном форуме](EVENT), сказал лидер партии.",
    # a giver's name in the genitive after an award is an organisation's
    "Газета «Ольховские вести» учредила премию. Премию [«Ольховских вестей»](ORG) получил "
    "Иван Кедров.",
    "Компания [«Кедрпром»](ORG) учредила приз. Приз [«Кедрпрома»](ORG) получил Иван Кедров.",
    # a name the dictionary lacks after a place's word (or a compound opening with one) is
    # the place, whatever case the tagger reads in an indeclinable one
    "В Тверь приехала делегация китайского города-побратима [Сюйлань](LOC).",
    "Гости из китайского города-побратима [Цзиньлоу](LOC) осмотрели кремль.",
    "Делегация китайского городка [Ляоцзинь](LOC) посетила Рязань.",
    # s39: a region's name inside quoted speech is a place (inside a quoted name it is not);
    # a town opening a line before a day of a month is the dateline's town
    "«[Татарстан](LOC) для нас — один из самых понятных регионов», — отметил Ли Вэй.",
    "Узбекская делегация изучила опыт технопарков Татарстана\n[Казань](LOC), 6 мая. Делегация "
    "Республики Узбекистан посетила Татарстан.",
    # s39: a place's adjective NER took in before a quoted name is no part of it
    "Уральский [«Кедротех»](ORG) откроет офис в Китае.",
    # s39: a compound head with «ИТ-» before a quoted name, like any head: the quoted name
    "ИТ-кластер [«Кедротех»](ORG) и технопарк «Ольха» подписали меморандум.",
    # s39: a compound head opening a sentence before a quoted name is no name of its own
    "Маслозавод [«Кедровая нива»](ORG) представил продукцию.",
    "Выставка «Кедрэкспо» прошла в Омске. Следующая выставка [«Кедрэкспо»](EVENT) пройдёт "
    "в Томске.",
    # s41: a foreign place's name between an organisation and a person is neither's: after a
    # place's word, or a genitive the document writes elsewhere too; a town before its
    # bracketed country stays in the organisation's name
    "Делегацию возглавил председатель народного комитета провинции Ольханинь "
    "[Нгуен Хыу Лонг](PER). Провинция Ольханинь граничит с Ханоем.",
    "Приехали экспортеры из Кедрантепа. Группу возглавил вице-президент Союза экспортеров "
    "Кедрантепа [Осман Йылдырым](PER).",
    "Делегацию возглавил вице-губернатор провинции [Ким Сон Хо](PER).",
    "Она родилась в семье вице-губернатора штата [Кэтлин Ольхофф Таунсенд](PER).",
    "Делегацию [Ассоциации машиностроителей Кедрии](ORG) (Турция) возглавил Мехмет Кылыч.",
    "Хоким [Ольхабадского вилоята](LOC) Эркин Кедров встретил гостей.",
    # s41: a bare surname after a post and its place word is the person the title names
    "Гостей встретил аким области [Кедрабеков](PER). Аким Кедрабеков пообещал помочь.",
    # s41: a Latin name closed by a park's type words is a park; a company's one-word Chinese
    # name is the longer quoted name it opens
    "Делегация посетила [Xinlong Industrial Park](PARK) в Урумчи.",
    # s41: a region's informal name the dictionary only guesses a woman's name is the region
    "Делегация [Красноярья](LOC) посетила Китай.",
    # s41: a legal form of mixed case («ОсОО», Kyrgyz) before a quoted name is no part of it
    "Делегация посетила ОсОО «Ала-Тоо Агро» и ОсОО [«Кедр Текстиль»](ORG).",
    # s41: a school's descriptive name with a genitive and its proper name are one name
    "Прибыла делегация [Ольховского университета технологий «Кедрахан»](ORG) (Иран).",
    "Делегация [Научно-технического университета Ольхонин-Кедрася](ORG) (КНР) прибыла.",
    # a caption «На фото:» names the people pictured; only a bare «Фото:» credits
    "На фото: [Пётр Кедров](PER), директор компании [«Ольха»](ORG), и [Иван Ольхин](PER).",
    "Делегация посетила [экопарк «Кедровый»](PARK) под Ольховском.",  # an eco-industrial park
    # a town and a place of several words in another case, run into one span by NER
    "На выставке в [Ташкенте](LOC) [Республика Татарстан](LOC) развернула стенд.",
    # an abbreviation, then a foreign name the dictionary lacks: one person (s68)
    "Делегацию возглавил секретарь ФАПК [Родриго Ибаррой Кедранесом](PER).",
    # a farm's, a brewery's word before a quoted name: a company's head (s68)
    "Гости побывали на ферме [«Кедровка»](ORG) и в пивоварне [«Ольховый двор»](ORG).",
    # a Malaysian style between the post's place and the name is neither (s68)
    "Гостей встретил главный министр [Кедаха](LOC) Датук Сери [Ахмад Ольхусси](PER).",
    # a town cut off a holder's name after a chamber is the chamber's (s68)
    "Прибыли председатель [ТПП Кедрекли](ORG) [Рамазан Ольхоглу](PER) и другие.",
    "Прибыл председатель [Торгово-промышленной палаты Кедрулдака](ORG) [Мехмет Ольхан](PER).",
    # a body with its own name in brackets after a person glosses no body's name (s70)
    "Свидетелями выступили профессор [Лок Нат Пахари](PER) (Университет Махакали) и другие.",
    # a plural academic title NER took into the body's name before the holders (s71)
    "Выступили проректоры [Университета Ольхадере](ORG) профессора [Джевдет Кедрмазер](PER) и "
    "[Фатих Ольхтюрк](PER).",
    # a town's genitive after a town head's post, then the holder's name of three words (s71)
    "Делегацию возглавил алькальд [Кедроньоса](LOC) [Андрес Мартин Ольхуэльта](PER).",
    # a first name in the instrumental NER read as a place, or glued to a body's name (s71)
    "Гости встретились с секретарём правительства штата [Рамешем Чандрой Моханти](PER).",
    # a place the text names elsewhere, after a post's field «по …», opens no name (s71)
    "Делегацию [Кедранганы](LOC) возглавил [Аравинд Ольхедди](PER). В неё вошёл комиссар по "
    "промышленности [Кедранганы](LOC) [Сурендра Ольхаик](PER).",
    # a double first name NER read as a place before a surname alone (s71)
    "Группу возглавила член городского совета [Метте-Лоне Кедрсен](PER).",
    # a body's name NER cut after its opening quote goes on to the closing one (s71)
    "[Делегация](DELEGATION), представляющая [Панафриканскую ассоциацию предпринимателей "
    "«Кедробаб»](ORG), прибыла в [Каир](LOC).",
    # a Balkan «община» is a place's word: its town written elsewhere opens no name (s71)
    "Делегация прибыла в [Кедровляни](LOC). Начальник общины [Кедровляни](LOC) [Дражен "
    "Ольхачевич](PER) провёл встречу.",
    # a place the text writes elsewhere after a place's word opens no person's name (s71)
    "Прибыла делегация штата [Кедрахуато](LOC) во главе с министром экономики "
    "[Кедрахуато](LOC) [Маурисио Ольхельяно](PER).",
    # a Turkish «технокент» is a park (s71)
    "Делегация посетила [технокент «Кедрос»](PARK) в [Анкаре](LOC).",
    # a developer's quoted name beside its park of that name is the company (s70)
    "Оператором станет девелопер [«Кедрверк»](ORG), который управляет индустриальным парком "
    "«Кедрверк» в Калужской области.",
    # a name opening the text that NER missed, spelt out by the acronym it names (s70)
    "[Кедровский экспортный центр](ORG) организовал миссию в Ташкент. [КЭЦ](ORG) помог "
    "компаниям.",
    # a Korean «technovalley» is a park (s70)
    "Делегация посетила [технодолину «Кедрган»](PARK) в Кванджу.",
    # Georgia's free industrial zone by its abbreviation (s70)
    "Делегация посетила [СИЗ «Кедрида»](PARK) в Поти.",
    # a region whose double name is written with a spaced dash is one place (s70)
    "Делегация из [Фриули — Венеции-Джулии](LOC) посетила Кедровск.",
    # a Chinese place of two syllables glued before a name of surname and given name (s70)
    "Глава [Шуанчжоу](LOC) [Хэ Юнлинь](PER) передал приглашение.",
    "Выступил министр [Нгуен Ван Кедр](PER).",
    # a Baltic legal form in Latin is no part of the quoted name (s70)
    "Гости побывали на предприятии SIA [«Кедрс»](ORG).",
]
# Spans that must not be mentions of the type.
NOT_FOUND = [
    # a date's preposition and number opening a paragraph name nothing (s70)
    "Надежды на связи: в Кедровск приехала вьетнамская делегация\n\n[С 15](ORG) по 18 число "
    "префектуру Кедрояма посетила делегация вьетнамского города Кантхо.",
    # a style of address is no person's name (s64)
    "Переговоры прошли с [Его Превосходительством](PER) господином Ильдаром Кедровым.",
    # a kind of plant's abbreviation alone names none (s64)
    "Делегация побывала на объектах энергетики — [ТЭЦ](ORG) и [ГЭС](ORG).",
    # a place's name after one street's noun names the street (s64)
    "Гости осмотрели кампус на улице [Токтогула](LOC).",
    # a country's adjective and a descriptor before a name name no place (s62)
    "[Китайскую провинцию](LOC) Хэйлунцзян представляла делегация.",
    # adjectives joined by «и» before the plural noun they share are no places (s57)
    "Подписано соглашение между [Белорусской](LOC) и [Уральско-Сибирской](LOC) деловыми "
    "палатами.",
    # a person's name after a zone's abbreviation is none of a body's (s56)
    "Гостей встретила директор управляющей компании [ОЭЗ Марина Стрельцова](ORG).",
    # a count opening a headline is no place's name (s53)
    "[Два района](LOC) Таджикистана и Казахстана стали побратимами.",
    # the visitors after a place's institution are no part of its name (s53)
    "В [Кедровском университете гостей](ORG) встретила проректор по науке Анна Ольхова.",
    # a Latin honorific alone names nothing (s47)
    "Как отметила [Ms](ORG) Odhiambo, проект окупится.",
    "Новости университета\n\n[На этой](LOC) неделе университет посетили гости.",
    "По сведениям [Kedr Press](PER), пилот объяснил инцидент.",
    "Об этом сообщил корреспондент [Kedr News](PER), побывавший на месте.",
    "Об этом рассказал глава [Kedr Stone](PER) Иван Петров.",
    "Директор компании [Hanseol Machinery](PER) выступил.",
    "[ТАСС](LOC). Новости дня.",
    "Его собрал резидент [технопарка АО «Гранит»](PARK) в Томске.",
    "Гости увидели картины [«Рассвет»](ORG), «Закат» и компанию «Лазурит».",
    "Делегация посетила [ОсОО](ORG) «Ала-Тоо Агро» и ОсОО «Кедр Текстиль».",
    "Делегация посетила [Кедрчанскую](LOC) зону высоких технологий.",
    # … but a person after a post's title and its place's word stays a person
    "Губернатор штата [Ольбрайтсон](LOC) встретился с мэром.",
    "Губернатору штата [Ольбрайтсону](LOC) передали письмо.",
    # … not a film's or a book's title, nor a quoted word that opens speech
    "Режиссёр [«Рассвета»](ORG) Иван Кедров снял ещё один фильм.",
    "[«Спасибо»](ORG), — ответил Ольхин.",
    # … nor one between a title and a person in another case: no apposition, speech
    "Директор [«Спасибо»](ORG) Ольге Кедровой не сказал.",
    "Тренер [«Молодцы»](ORG) Ивану Ольхину крикнул.",
    # … and a circumstance after a body's name is none of it
    "[Ольховский совет по словам Кедрова](ORG) не собирался.",
    "[Международный трибунал по данным агентства](ORG) вынес приговор.",
    # an award's name in apposition names the award, wherever else it stands
    "Ведущий получил премию [«ТЭКО»](ORG) в Омске.",
    "Церемония вручения премий «ТЭКО» прошла в Омске. Вчера [«ТЭКО»](ORG) получил Иван Кедров.",
    # the person a street, a square or a site is named after is no place
    "Авария произошла вчера на улице [Кедрова](LOC) в Омске.",
    "Его задержали в аэропорту [Джона Ведрова](LOC) в Лиссабоне.",
    "Школа находится на ул. [Ведрова](LOC), дом 5.",
    "Он скончался в больнице [Святой Анны](LOC) в Праге.",
    # a world region's adjective names no place; nor does a hotel or club named after one
    "Ольховская фабрика вышла на [европейский](LOC) рынок.",
    "Гости остановились в гостинице «[Европа](LOC)».",
    # … a place of two words stays one («Нижний Новгород», «Великие Луки»)
    "Делегация прибыла в [Нижний](LOC) Новгород.",
    "Делегация прибыла в Нижний [Новгород](LOC).",
    "Завод открыли в [Великих](LOC) Луках.",
    # … nor is a country's adjective or a common word before a place a place of its own
    "Он учился в колледже в [Британском](LOC) Гондурасе.",
    "Лидер движения [Горы](LOC) Ольховии выступил с речью.",
    # a body's place alone, once the body's head stands before it; an adjective of time or
    # state is no part of the name
    "Подозреваемого задержала полиция [Малайзии](LOC) в порту.",
    # … a bare head is no name, the compound's own word is not taken from it
    "Об этом сообщили в [правительстве](ORG) края.",
    "Законопроект внесли в [думу](ORG) в среду.",
    "Депутаты [совета](ORG) собрались на сессию.",
    "[Бывшая сборная Японии](ORG) приехала в Омск.",
    # … after a post's title a body other than a team stays the country's post
    "Председатель [парламента Португалии](ORG) подписал закон.",
    "Спикер [парламента Чили](ORG) Анна Кедрова ушла в отставку.",
    # … nor is a leader's name after a post's title the body's, nor an office a body
    "Пресс-секретарь главы [администрации Анны Кедровой](ORG) ответила на вопросы.",
    "Бывший глава [правительства Ивана Ладова](ORG) не пришёл.",
    "Вице-премьер областного [правительства Анна Кедрова](ORG) приехала в Омск.",
    "Документы нашли в [кабинете Ивана Кедрова](ORG) вчера.",
    "Он работал в [правительстве Ивана Ладова](ORG). Позже Ладов ушёл в отставку.",
    # the quoted title of a law or a report says what it is about: no organisation
    "Поправки в ФЗ [«О кедровых лесах»](ORG) приняли в мае.",
    # … not where the sentence ends with it
    "Вчера он ушёл из [Kedrgle!](ORG) Теперь он свободен.",
    "Согласно ФЗ [«О полиции»](ORG), сотрудник обязан представиться.",
    "Депутаты изменили ФЗ [«Об ольховом надзоре»](ORG). Текст ФЗ [«Об ольховом надзоре»](ORG) "
    "опубликован.",
    # a seat of power is a place where the text is at the building, and a town's kremlin
    "Вчера в [Кремле](ORG) прошла встреча с Иваном Ольхиным.",
    "Делегация осмотрела [Казанский Кремль](ORG) и музей.",
    # a quoted name a text gives a shuttle, a song, a film is the thing's wherever it repeats
    "Экипаж шаттла «Ольховый Ветер» вернулся. Полёт [«Ольхового Ветра»](ORG) прошёл успешно.",
    # … nor are the brackets ever part of a person's mention
    "Финансовым директором назначен [Игорь Ладов (Igor Ladov)](PER), сообщила газета.",
    "Директором назначен Иван Кедров ([Kedrlogic Ltd](PER)), сообщила газета.",
    "На снимке [Иван Кедров (справа)](PER) и Пётр Ольхин.",
    "[Иван Кедров (1950–2020)](PER) был инженером.",
    "Командир [Арсен](PER) ([Арсений](PER)) [Кедров](PER) погиб.",
    "Выступил Пётр [Ольхин](PER)-Кедров (Ольхин).",
    "Умерла [Марина Филипповна Ладова (Сомова)](PER), мать предпринимателя.",
    "[Семидесятилетний Кедров](PER) надеется стать сенатором.",
    "Наследником станет старший сын [Ольховского Говард](PER).",
    "Делегации [России и Китая](LOC) прибыли в Омск.",
    # a leisure or fleet compound ends no park's name; parks in the plural name none
    "Компания [«Кедр Аквапарк»](PARK) открыла филиал.",
    "Гостям показали [Ольховские технопарки](PARK).",
    # … nor a plant's code after plural heads, nor a road's number further on
    "Гости осмотрели технопарки [КДМ-300](PARK) и [КДМ-400](PARK).",
    "Гостям показали технопарк у трассы [М-12](PARK) под Ольховском.",
    # … but not a common word in capitals, nor one of a headline in capitals, nor the
    # acronym inside a longer name
    "Он сказал, что по [ДОЛГУ](ORG) платить не станет.",
    "ПОЧЕМУ Я НЕ [МОГУ](ORG) ПОЕХАТЬ",
    "На станции смонтировали [ПГУ](ORG) мощностью 12 МВт.",
    # … nor a company after a park's head that is the subject of the verb after it
    "В [индустриальный парк Olkha Steel](PARK) вложит 5 млрд рублей.",
    "Делегация посетила [ОлхГУ](ORG) имени Ивана Кедрова.",
    "Гости осмотрели [морской порт](ORG) [Ольховска](ORG).",
    # … not a film's or a resort's valley, nor the Silicon Valley a park is likened to
    "Фильм [«Тихая долина»](PARK) показали в кинотеатре.",
    "Резиденты называют технопарк ольховской [«Силиконовой долиной»](PARK).",
    # … nor one in a text that names no park, resident or innovation
    "Гости осмотрели лаборатории [«Кедровой долины»](PARK).",
    # … nor a valley named after a village's or a film's noun
    "Жители и резиденты посёлка [«Сосновая долина»](PARK) ждут дорогу.",
    "Резиденты технопарка «Кедр» сняли фильм [«Тихая долина»](PARK).",
    # … not any genitive after a zone's abbreviation, nor a scope word alone before «зона»
    "Гости обсудили работу [ОЭЗ вчерашнего дня «Кедр»](PARK).",
    "Гости посетили [региональную зону «Кедр»](PARK).",
    # … nor is a singular head dropped before a list
    "Гости посетили [«Кедр»](PARK) и «Ольха».",
    # a park head capitalised only as the first word of a quotation names nothing
    "Ректор сказал: «[Технополис](PARK) позволит решить задачу».",
    # an agency credited in slashes after a dateline is the page's furniture
    "ТВЕРЬ, 24 марта. /[КЕДР-ИНФОРМ](ORG)/. Делегация посетила завод.",
    "14 декабря, Тверь /Корр. [КЕДРТА](ORG)/. Делегация посетила завод.",
    # a sector or a kind of activity spelled as an acronym, an English weekday: no names
    "Развитие АПК региона обсудили на встрече. Центр [ВЭД](ORG) палаты организует поездки.",
    "[Thursday](ORG), December 24, 2015",
    # a news agency a dateline credits is the page's byline, not the article
    "КЕДРОВСК, 3 мая. /ИА [«Ольхинформ»](ORG)/. Губернатор посетил завод.",
    "14 декабря, Кедровск /Корр. [ОЛЬХТА](ORG)/. Губернатор посетил завод.",
    "ОЛЬХОВСК, 28 авг — [Кедринформ](ORG). Губернатор посетил завод.",
    # a legal form or a head before a quoted name is not the acronym of an organisation
    # found again elsewhere in the document
    "Иван Сосновский из [ООО](ORG) «Кедр» сказал, что ООО продолжит работу.",
    "Иван Сосновский из [ПАО](ORG) «Кедр» сказал, что ПАО продолжит работу.",
    "Делегация посетила [НИИ](ORG) «Кедр». НИИ занимается разработкой вакцин.",
    # a town in brackets after a company's name is where it is, not its short name
    "Компания «Кедр» ([Ольховск](ORG)) построит завод.",
    "Компания «Кедр» ([Ольховка](ORG)) построит завод.",
    # … and an acronym the text names elsewhere is no more an organisation there
    "КЕДРОВСК, 3 мая. /[КМХ](ORG)/. Сотрудники КМХ встретили гостей.",
    # a generic abbreviation spelled by a company's quoted name is no mention of the company
    "Директором АО «Особые экономические зоны» назначен Иван Петров. Он отвечает за работу в "
    "[ОЭЗ](ORG).",
    # a place in brackets after a company's name is no short name of it
    "Соглашение подписала компания Ольхасофт ([Китай](ORG)).",
    # a place descriptor split off a name by the tagger is no place
    "[Провинция](LOC) Цзянсу граничит с Шанхаем.",
    "Гости гуляли в [Центральном парке](PARK).",
    # a Latin company after an organisation's head is no event's name
    "Компания «Лассард» представила на выставке продукцию компании [IBM](EVENT).",
    # … but a quoted sentence there is a slogan, not a name
    "На стене завода сельхозтехники [«Мы строим будущее»](ORG) написано крупно.",
    "Началось производство вакцины [«Кедровак»](ORG) на новой линии.",
    # a quotation with a finite verb after a head word is what was said, not a name
    "Главное для производства [«Ольховская область имеет большой потенциал для роста»](ORG) "
    "прозвучало на встрече.",
    "Губернатор выступил на презентации мегапроекта [«Ольховская Сибирь»](ORG) по развитию.",
    # an award named after someone is no organisation
    "Лауреатом [премии имени Ивана Кедрова](ORG) стал Пётр Сосновский.",
    # … but in quotes a region's name may be a club's or a company's
    "Футбольный клуб «[Кубань](LOC)» провёл матч.",
    # «ИА» (a news agency's type) alone, glued to a credit line, names nothing
    "Делегация прибыла для обсуждения развития Севморпути.[ИА](ORG) Кедровая Весна Гостей "
    "встретил губернатор.",
    # an ordinal before a lower-case event noun counts things, it names no edition
    "Это уже [вторая российская выставка](EVENT) за месяц, которую посетил Иван Ольхов.",
    # a legal form after a park's type phrase is the resident's, not the park's owner's name
    "Резидентом [индустриального парка АО](PARK) «Кедр» стала компания «Сосна».",
    # an organisation after «саммит» that is no international body is no summit's name
    "На полях [саммита Сбербанк](EVENT) подписал соглашение с компанией «Кедр».",
    # a known event's name after «форум» is the forum's own name, no body's
    "Делегаты выступили на Промышленном [форуме ЭКСПО](EVENT) в Ольхове.",
    # a region's head word after «Дни культуры» starts a longer name
    "Прошли [Дни культуры Республики](EVENT) Кедрия в Москве.",
    # one Latin word after an event noun may be the company that shows there
    "Телефоны показала на выставке [Kedrix](EVENT) сама компания.",
    # a lower-case event phrase without an edition's number names nothing
    "Компания впервые приехала на [международную торгово-промышленную выставку](EVENT).",
    # … not after other counted things
    "Компания «Кедр» построила два завода — [«Альфа»](PARK) и «Бета».",
    # IT parks in the plural are a kind of site, none named
    "В регионах будут построены [IT-парки](PARK) для стартапов.",
    "Среди участников — [ИП Кедрова А.В](ORG). и ООО «Ольха».",
    "Эта [Российская ОЭЗ](PARK) растёт быстрее других.",
    "На [территории опережающего развития](PARK) Иван Петров открыл завод.",
    "Соглашение подписали с Ассоциацией [Технопарков](PARK) Ольховии.",
    # a town's adjective and a bare head before a quoted name are not the company's name
    "Делегация побывала на [Ольховском заводе](ORG) «Кедр».",
    # a national or central park before its quoted name is one of leisure, not a park of ours
    "Гости посетили [Национальный парк «Ольховая коса»](PARK).",
    # a person after «г.» that follows a year: the year's abbreviation, not a town's
    "В 2019 г. [Иван Петров](LOC) возглавил компанию «Кедр».",
    # lower-case words before an event noun, without an edition's number, name nothing
    "Делегация посетила [ольховскую международную выставку](EVENT) импорта.",
    "Делегация посетила [международную выставку импорта](EVENT).",
    "Вечером гости отдохнули в [Аквапарке](PARK).",
    # a town in the genitive after a zone's type is where the zone lies
    "Новая [промышленная зона Калуги](PARK) примет первых резидентов.",
    # a photo credit run into the text credits, it names nothing the article is about
    "Гости прибыли в Ольхово Фото: Иван Петров © [Ольхово.RU](ORG) Губернатор встретил их.",
    "Стороны провели переговоры. Фото: Пресс-служба [администрации Приморского края](ORG) "
    "«Мы готовим документы».",
    # after a zone's abbreviation: a person or a country is no park's name
    "Об этом сказал директор [ОЭЗ Иван Петров](PARK).",
    "Делегация обсудила работу [ОЭЗ России](PARK).",
    "Подписывайтесь на [Дзен Новости](ORG).",
    # a body's letters before a name stay the body's (s68)
    "Генеральный директор [АРР Ольга Кедрова](PER) отметила рост.",
    # a Muslim honorific before a name is no place (s68)
    "Делегацию возглавил глава округа [Хаджи](LOC) Зулкифли Ольхадхан.",
    "Ожидается визит делегации [Почетного консула](ORG) Китая.",  # a post, no organisation
    "Об итогах встречи мэр рассказал в своём канале в [MAX](ORG).",
    "Гостей встретил [Университет](ORG), а затем показал лаборатории.",
    "Гости посетили особую экономическую зону «Дубна». Проект [ОЭЗ](PARK) растёт.",
    "Об этом сообщили в [правительства края](ORG).",
    # a lower-case body with no name: «по» of a circumstance, one generic genitive
    "Решение принял [комитет по итогам года](ORG).",
    "Об этом сообщило [министерство по предварительным данным](ORG).",
    "Работу [отдела продаж](ORG) похвалили.",
    "Гостям понравился сыр ТМ [«Ольховый»](ORG).",  # a trade mark, not a company
    "Он поблагодарил [Министерство здравоохранения и высших учебных заведений](ORG) края.",
    # a short line of its own below the title, not a sentence: a byline, a site's name
    "Губернатор осмотрел завод.\n[Анна Смирнова](PER)\nГубернатор встретил гостей на заводе.",
    "Губернатор осмотрел завод.\nНовости [Кедровского университета](ORG)\nГости довольны.",
    # … a byline names no one the article names; two captions run into one line name no one
    "Кедров посетил завод\n[Анна Смирнова](PER)\nОлег Кедров осмотрел завод в Ольховске.",
    "Ольхин позвал Кедрова\n[Савва Ольхин Олег Кедров](PER)\nСавва Ольхин позвал Олега Кедрова.",
    # … a surname in quotes names a work, one after an initial is a part of that name
    "Певица Анна Ольхова выпустила альбом «[Ольхова](PER)».",
    "Мэр Олег Кедров приехал. Указ подписал О.[Кедров](PER) вчера.",
    # … and a headline's name run across lines into a word of the next one is no name
    "Умер Савва Ольхин\n[Скульптор](PER) Савва Ольхин умер вчера.",
    # … and a quoted name alone on its line, the outlet's credit under the text
    "Губернатор осмотрел завод и встретился с рабочими в Кедровске.\n\n[«Ольховские Вести»](ORG)"
    "\n\nЧитайте также",
    # a quoted name after a thing that is no organisation names that thing
    "Стороны обсудили грузы по коридору [«Кедр — Ольха»](ORG).",
    "Гостей сфотографировали у стелы [«Кедровый край»](ORG).",
    "Глава [Петрозаводска](ORG) встретил гостей.",  # a town named after a plant
    # a kind of organisation or a generic term is no name
    "Связи с [IT-сообществом](ORG) и [ИТ-компаниями](ORG) укрепятся.",
    "Бойцы вернулись с [СВО](ORG), а регион получил помощь в борьбе с [COVID-19](ORG).",
    "Сотрудники [правительства А.Петрова](ORG) приехали.",
    "- [Хороший завод](ORG). Современный, — отметил гость.",
    "Гости изучили опыт [инновационного управления промышленной зоной](ORG).",
    "Стороны обсудили [зону свободной торговли ЕАЭС](PARK).",  # an agreement, not a site
    "Регион планирует создать [парк высоких технологий](PARK).",  # no place: no one park
    # a park or a site of nature, leisure or shows is no industrial park
    "Делегация осмотрела природный [парк «Кедр»](PARK) и выставочную [площадку «Липа»](PARK).",
    "Гостя принял [Чрезвычайный](ORG) и Полномочный Посол Кедровии.",  # an adjective alone
    # a generic head in the plural names no one organisation
    "Студенты из Индии учатся в [Российских ВУЗах](ORG).",
    "Губернатор подписал соглашение о создании [межрегионального промышленного кластера](ORG).",
    "Встреча прошла в [Ольховской ратуше](ORG) и в [Машинном павильоне](ORG).",  # buildings
    "Его похоронили у [Кедровского храма](ORG). Матч прошёл на [Национальном Кедровском "
    "стадионе](ORG).",
    # an order in quotes after «команда» names no one
    "Команда [«Вперёд!»](ORG) прозвучала в эфире.",
    "Депутаты от [Партии районов](LOC) проголосовали против.",
    # … a company's name takes no place in the genitive (a state body's does)
    "Акционеры [Сосновской химической компании Берёзовской области](ORG) собрались в мае.",
    "Министр встретился с руководством компании [Кедр Инвест Калужской области](ORG).",
    # a batch of goods or a movement of things with a genitive of what: the quoted name is a
    # product's, not a party's or a movement's
    "Завод отгрузил вторую партию комбайнов [«Ольха»](ORG) покупателям.",
    "Мы видели движение поездов [«Сосна»](ORG) утром.",
    "Подписано соглашение о сотрудничестве [Торгово-промышленных палат Кедровии](ORG) и "
    "Ольховии.",
    "Прибыла делегация Правительства провинции Хэнань ([КНР](ORG)).",
    "Группа в [Одноклассниках Перейти](ORG) в Телеграм",
    "Город отметил [День России](EVENT).",  # a holiday, not an event of the domain
    "[Дни](EVENT) города стали короче.",
    "Гости поздравили жителей с [Днём Кедровии](EVENT).",  # a holiday
    # a park's name does not run across lines; plural park nouns name no one park
    "Страны договорились о создании [технопарка\n\nКедровия](PARK) и Ольховии.",
    "Делегация посетила технопарки и [бизнес-инкубаторы Кедровии](PARK).",
    # after a singular park head the next quoted name in a list is no park
    "Гости осмотрели технопарк «Сокол», [«Ольховит»](PARK) и завод.",
    # a text cut off in the middle of its last word: the cut name is not a mention
    "Делегация из Китая посетила технопарк и осмотрела цеха, а затем гости обсудили с "
    "руководством планы на будущий год и поставки оборудования, сообщает пресс-служба "
    "[администрации Примерн](ORG)",
    "Гости посетили завод.\n[«Вестник Примерн](ORG)",
    # a foreign body's genitive word before an instrumental name, a chain of parks' head
    "Встреча с главой Палаты Ольхи [Курбаса Тимуром Кедровым](PER) прошла в Омске.",
    "Гости узнали о работе сети [технопарков «Кедроград»](PARK).",
    "Знакомый дипломата [Ольховии Ивана Кедрова](PER) приехал.",
    # a unit's acronym alone names no body; «по» after a court is what it hears
    "Об этом сообщили в [ГУ](ORG) МВД по Кедровской области.",
    # a place's name inside a quoted title, or beside another capitalised name, is no place
    # of its own; nor a person's surname the text writes in full
    "Фильм «Тайны [Кедровска](LOC)» сняли в Кедровске.",
    "Об этом пишет газета [Кедровск](LOC) Таймс, чья редакция стоит в Кедровске.",
    "Завод открыли в Кедрове. Директор Пётр Кедров доволен. [Кедров](LOC) обещал рабочие места.",
    "Митинг прошёл на площади Победы в Кедровске. [Победы](LOC) ждали все.",
    "Водитель ехал по Кедрова в Омске. Перекрёсток улицы [Кедрова](LOC) закрыли.",
    "Вчера Комитет [Сената Ольхонии](ORG) по обороне собрался на заседание.",
    "Кедров уехал в Бразилию.\nКедров в составе сборной [Бразилии](LOC)\nФутболист покинул клуб.",
    "Дело рассмотрел [Верховный суд Ольхонии по иску](ORG) Кедрова.",
    "Решение принял [Сенат Ольхонии по договору](ORG) в среду.",
    # brackets that hold a clause, a town or a word of the name itself are no other name
    "Он руководил Центром прикладных программ ([Центр возглавлял Иван Кедров](ORG)) до 1990.",
    "Он руководил Центром прикладных программ ([Центр возглавлял](ORG) Иван Кедров) до 1990.",
    "Кредит выдал Кедровый банк ([Ольховск](ORG)) в мае.",
    "Фонд чистого ([«зелёного»](ORG)) климата выделил деньги.",
    # … but not after a work's head, nor with the apostrophes
    "Он написал роман ''[The Cedar Tree](ORG)'' в 1990 году.",
    "В песне ''[Cedar Lane](ORG)'' он спел о детстве.",
    "По данным газеты [''The Kedr Post''](ORG), он уехал.",
    # a genitive chain after a name stops at a time, a building, a second body after «и»,
    # the head of the next name, an abbreviation
    "Решение [Верховного суда прошлого года](ORG) отменено.",
    "Заседание провёл [Общественный совет и полпредства](ORG) региона.",
    "Документ подписали [Кедровское агентство внешних связей и машиностроительного завода](ORG).",
    "Его приняли в [Зал славы журнала](ORG) «Кедр».",
    "Здание [Кедровского конституционного суда здания](ORG) не покидали.",
    "Дело слушалось в [Останкинском районном суде г](ORG). Кедровска.",
    "Председатель [Олимпийского комитета страны](ORG) выступил.",
    "Директор [Кедровского театра имени Н. П. Ольхова Татьяна Кедрова](ORG) выступила.",
    "Об этом сообщили в [агентстве ОЛХ](ORG) вчера.",
    # s39: a body named by its place's adjective and kind before its quoted name is the quoted
    # name alone; the adjective is no place, nor a kind of body with «ИТ-»
    "Гости посетили [Ставропольский кластер](ORG) «Кедротех».",
    "Гости посетили [Ставропольский](LOC) кластер «Кедротех».",
    "[ИТ-кластер](LOC) и технопарк «Ольха» подписали меморандум.",
    # s39: an event's genitive phrase is all genitive; a compound head before a quoted name
    "Университет представил на [ЭКСПО объединённый стенд университетов](EVENT) свои работы.",
    "[Маслозавод](ORG) «Кедровая нива» представил продукцию.",
    # s39: the people of a place by their plural name are no mention of the place
    "Делегация Смоленской области прибыла в Минск. [Смоляне](LOC) ознакомились с заводом.",
]
NORMALS = [
    # a foreign region's word, whatever its tags, after its adjective: a place (s68)
    ("Делегация Ольхово-Кедровской жупании прибыла в Мостар.", "LOC",
     "Ольхово-Кедровская жупания"),
    # a photo credit ends its line: the next line's name stays (s59)
    ("Кедровский вуз развивает связи с Ираком, фото: пресс-служба КАТУ\n\nКедровский "
     "аграрно-технический университет налаживает связи с вузами Ирака.", "ORG",
     "Кедровский аграрно-технический университет"),
    # a name NER took for a body after a place's word is that place; its country apart (s59)
    ("Делегацию аймака Ольхон-Уул Монголии возглавил губернатор аймака.", "LOC", "Ольхон-Уул"),
    # a body's town after «г.» in the nominative stays in its name (s59)
    ("Переговоры прошли с делегацией Народного правительства г. Маньчжурия во главе с мэром.",
     "ORG", "Народное правительство г. Маньчжурия"),
    # a quoted name after a plural park noun is the body's the plural hangs on (s59)
    ("Резидентом стал оператор контейнерных площадок «Кедр Логистик».", "ORG", "Кедр Логистик"),
    # a sentence's capital preposition the tagger took into the name is no part of it (s59)
    ("Приморье приняло делегации из Индонезии и Египта\n\nВо Владивосток с рабочим визитом "
     "прибыли делегации индонезийской провинции Восточная Ява и египетской логистической "
     "компании «Нил Кедр».", "LOC", "Владивосток"),
    # a foreign town's name with no genitive reading after «из» does not decline (a first
    # name's dative spells it too) (s54)
    ("Делегация из японского города-побратима Отару прибыла в Находку", "LOC", "Отару"),
    # a quoted name listed after a head is the head's apposition, as written; so is the name
    # repeated bare where its forms tie (s51)
    ("Гостей встретили представители компаний «Ольхатом» и «Кедра Электрик».", "ORG",
     "Кедра Электрик"),
    ("Гостей встретили представители компаний «Ольхатом» и «Кедра Электрик». По итогам визита "
     "«Ольхатом» и «Кедра Электрик» подписали контракт.", "ORG", "Кедра Электрик"),
    # a quoted name in a case takes the nominative, its place adjective the dictionary lacks
    # too; a nominative one stays as written
    ("Договор заключили с «Кедринской трубной компанией».", "ORG", "Кедринская трубная компания"),
    ("Соглашение подписали с «Ведринским горным комбинатом».", "ORG", "Ведринский горный комбинат"),
    ("Он работал в «Кедринских новостях».", "ORG", "Кедринские новости"),
    ("«Кедринская трубная компания» открыла цех.", "ORG", "Кедринская трубная компания"),
    # a plural adjective the tagger read in a singular genitive: as written (s44)
    ("Договор подписал производитель вакцин «Ольховские вакцины».", "ORG",
     "Ольховские вакцины"),
    # a place of two names joined by «и» takes the gazetteer's name
    ("Конфликт в Боснии и Герцеговине продолжался три года.", "LOC", "Босния и Герцеговина"),
    ("Туристы из Тринидада и Тобаго приехали в Омск.", "LOC", "Тринидад и Тобаго"),
    # the second locative («в порту») is the word's own case, not an indeclinable namesake's
    ("Делегация побывала в Кедровском морском порту.", "ORG", "Кедровский морской порт"),
    # an ordinal in figures takes the nominative's ending of its noun («22-м» is no «22 м»)
    ("Делегация приняла участие в 22-м заседании Межправительственной комиссии.", "EVENT",
     "22-е заседание Межправительственной комиссии"),
    ("Договор подписали на 5-й ольховской международной выставке импорта.", "EVENT",
     "5-я ольховская международная выставка импорта"),
    # an adjective keeps its own form of the lexeme: «высшей» → «высшая», not «высочайшая»
    ("Делегация Высшей школы ремёсел посетила Тверь", "ORG", "Высшая школа ремёсел"),
    # a region's informal name made with a prefix and «-ье», whatever its case or the guess
    ("Делегация Приангарья посетила Пекин", "LOC", "Приангарье"),
    ("Гости побывали в Приольховье", "LOC", "Приольховье"),
    ("Гости из Заполярья", "LOC", "Заполярье"),
    ("Делегация направилась за Познанью в Лодзь", "LOC", "Познань"),
    # bare region adjectives share the head after them with its words, past «других»
    ("Приехали гости из Ольховского, Кедровского и других районов", "LOC", "Кедровский район"),
    ("Приехали гости Уральского и Приволжского федеральных округов", "LOC",
     "Уральский федеральный округ"),
    ("Приехали гости Уральского и Приволжского федеральных округов", "LOC",
     "Приволжский федеральный округ"),
    # a foreign region's kind word opening a sentence is no part of the name (s63)
    ("Провинцию Кедрнгеан на встрече представлял Фам Ван Тхань", "LOC", "Кедрнгеан"),
    # a capitalised adjective NER left out that makes another place of the gazetteer (s63)
    ("Вице-губернатор Ольховской области Иван Сомов отметил, что регион ждёт партнёров. "
     "«Средний Урал уже выпускает треть станков страны», — сказал он.", "LOC", "Средний Урал"),
    # a place the text names alone elsewhere, run by NER into the person after it (s63)
    ("Приехала делегация индонезийской провинции Кедровая Ява. Её возглавила вице-губернатор "
     "провинции Кедровая Ява Дьюи Кедрари.", "PER", "Дьюи Кедрари"),
    # … a town named as an adjective before its region's genitive shares no head (s63)
    ("Парк строят в городе Берёзовский Свердловской области", "LOC", "Берёзовский"),
    # a region's informal name in its dictionary form where the grammar's guess is no name
    ("Гости на Брянщине осмотрели завод", "LOC", "Брянщина"),
    ("в Нанопарке Гатчина", "PARK", "Нанопарк Гатчина"),
    ("Делегация посетила иннопарк «Кедровый»", "PARK", "Иннопарк «Кедровый»"),
    # a park's head the parser read as a modifier of the genitive after it
    ("В планах – посещение Технопарка высоких технологий, рыбного завода и Ольховского "
     "университета.", "PARK", "Технопарк высоких технологий"),
    ("делегация Ленинградской области", "LOC", "Ленинградская область"),
    ("в Хабаровском крае", "LOC", "Хабаровский край"),
    ("рассказала Марина Селиванова из Новосибирска", "PER", "Марина Селиванова"),
    ("на Китайской международной промышленной выставке", "EVENT",
     "Китайская международная промышленная выставка"),
    ("делегация из Японии", "LOC", "Япония"),
    # a state's official name whose first words the tagger read as names: plural, agreeing
    ("посол Объединённых Арабских Эмиратов прибыл", "LOC", "Объединённые Арабские Эмираты"),
    ("посол Мексиканских Соединённых Штатов прибыл", "LOC", "Мексиканские Соединённые Штаты"),
    ("делегация Соединённых Штатов Америки прибыла", "LOC", "Соединённые Штаты Америки"),
    ("делегации Ольховской и Самаркандской областей", "LOC", "Самаркандская область"),
    # a place's last word the tagger read as an adjective or a verb, a noun by the dictionary
    ("прибыла официальная делегация Восточного аймака Монголии", "LOC", "Восточный аймак"),
    ("В Улан-Удэ прибыла делегация Булганского аймака Монголии.", "LOC", "Булганский аймак"),
    # a plural name after a dash stays plural (s73)
    ("Делегация региона Кедрия — Альпы прибыла в Томск.", "LOC", "Кедрия — Альпы"),
    # an adjective in brackets agrees with the head too (s73)
    ("Ректор Казанского (Приволжского) федерального университета Иван Ольхов прибыл",
     "ORG", "Казанский (Приволжский) федеральный университет"),
    # … or its first word (s73): the genitive after it stays
    ("Представители Секретариата экономического развития штата Кедрас прибыли в Томск.",
     "ORG", "Секретариат экономического развития штата Кедрас"),
    # a foreign park's name of capitalised words ending in «Парк»: only the head declines
    ("Гости осмотрели цеха компаний Кедран Хай-Тек Парка.", "PARK", "Кедран Хай-Тек Парк"),
    # the tagger reads the region word in the nominative: the dictionary's agreement decides
    ("Делегация Дорнодского аймака прибыла в Иркутск.", "LOC", "Дорнодский аймак"),
    # a lower-case body: its head in the nominative and capitalised, the rest as written
    ("принял глава комитета по развитию малого предпринимательства", "ORG",
     "Комитет по развитию малого предпринимательства"),
    ("встретили в министерстве лесов, рек и озёр", "ORG", "Министерство лесов, рек и озёр"),
    ("Как пишет olkhnews.ru, гости прибыли", "ORG", "olkhnews.ru"),  # an address as written
    # a region adjective opening a sentence shares the head of the one coordinated after it
    ("Ольшанская и Кедринская области подписали договор", "LOC", "Ольшанская область"),
    # s39: an indeclinable neuter head keeps its gender where the adjective's case hides it
    ("Компания приняла участие в Международном ЭКСПО", "EVENT", "Международное ЭКСПО"),
]
# Quoted and foreign names (invented): the nominative where the name inflects, the name
# letter for letter where it does not. (text, the mention's surface, its normal form)
NAME_NORMALS = [
    # a woman's surname with the initials after it, subject of a feminine verb (s53)
    ("Директор Ольхова Е. С. приняла гостей", "Ольхова Е. С", "Ольхова Е. С"),
    # a woman's surname in «-ой» the tagger read as a nominative beside a first name it does
    # not know: the oblique case of both (s52)
    ("Делегация Самаркандской области во главе с заместителем хокима Мафтуной Ольховой "
     "посетила Новосибирскую область", "Мафтуной Ольховой", "Мафтуна Ольхова"),
    # an event's one-word name with no head before it, quoted or joined to a year, in the
    # nominative; a well-known name as the dictionary reads it (s49)
    ("Стенд области работал на «Ольхпроме-2030»", "«Ольхпроме-2030»", "Ольхпром-2030"),
    # … a name of two capitalised parts, read as an accusative after «на» (s67)
    ("Индия представила делегацию на «ТехноКедрии-2025»", "«ТехноКедрии-2025»",
     "ТехноКедрия-2025"),
    ("Стенд области работал на Ольхпроме-2030", "Ольхпроме-2030", "Ольхпром-2030"),
    ("Стенд области работал на «Армии-2030»", "«Армии-2030»", "Армия-2030"),
    ("Стенд области работал на «Технопроме»", "«Технопроме»", "Технопром"),
    ("Гости «Иннопрома-2030» уехали", "«Иннопрома-2030»", "Иннопром-2030"),
    ("Компания выступила на выставке «Ольхпром-2030»", "«Ольхпром-2030»", "Ольхпром-2030"),
    # a foreign man's name in «-ой» the tagger read as a genitive: the instrumental of «-а»
    # (s44)
    ("Группу вёл с директором компании Кэндзи Кедрадой", "Кэндзи Кедрадой", "Кэндзи Кедрада"),
    # a Japanese surname in «-а» declines as a feminine noun: no man's stem «Ёсид» (s48)
    ("Делегацию возглавил инженер компании «Кедра» Кэндзи Сакурада", "Кэндзи Сакурада",
     "Кэндзи Сакурада"),
    ("Премию вручили Хироси Сакураде", "Хироси Сакураде", "Хироси Сакурада"),
    # a woman's name in «-ова/-ина» after a first name no man's genitive spells: one ending in
    # a consonant, or one the dictionary does not know after a title in the nominative (s43)
    ("Гостей встретил директор парка Айжан Кедрбекова", "Айжан Кедрбекова", "Айжан Кедрбекова"),
    ("В составе делегации — директор зоны «Ольха» Гулноза Кедрова", "Гулноза Кедрова",
     "Гулноза Кедрова"),
    ("Письмо Вячеслава Кедрова получено", "Вячеслава Кедрова", "Вячеслав Кедров"),
    # a quoted word that can only be an adjective in a case agrees with what it names (s43)
    ("Гости побывали на второй площадке зоны — «Кедровской»", "«Кедровской»", "Кедровская"),
    ("Гости посетили «Ольховую»", "«Ольховую»", "Ольховая"),
    ("Гости посетили агрохолдинг «Кедролесной»", "«Кедролесной»", "Кедролесной"),
    ("Соглашение подписано с акиматом Кедровской области", "акиматом Кедровской области",
     "Акимат Кедровской области"),
    # a surname in «-вец» takes back the «е» it loses when it declines; one in «-ец» that keeps
    # it, and a nominative, stay
    ("Письмо Ивана Ольховца получено", "Ивана Ольховца", "Иван Ольховец"),
    ("Награду вручили Олегу Липовцу", "Олегу Липовцу", "Олег Липовец"),
    ("Встреча с Эдуардом Кедрецом прошла", "Эдуардом Кедрецом", "Эдуард Кедрец"),
    ("Глава района Петр Сосновец выступил", "Петр Сосновец", "Петр Сосновец"),
    # a ministry's short name with a genitive tail is written so in every case; a masculine
    # tail declines
    ("Сотрудники Минцифры провели совещание", "Минцифры", "Минцифры"),
    ("Глава Минпросвещения Ольга Кедрина выступила", "Минпросвещения", "Минпросвещения"),
    ("Эксперт Минтруда Олег Липов выступил", "Минтруда", "Минтруд"),
    # a foreign surname in a consonant left as written after an inflected first name: a woman
    ("Премию вручили Александру Кедман из Ольховска", "Александру Кедман", "Александра Кедман"),
    ("Журналисты встретили Грету Ольсберг у входа", "Грету Ольсберг", "Грета Ольсберг"),
    # … a man's such surname declines, and a surname in «-ов» or in the instrumental is no sign
    ("Министр позвонил Александру Кедману вечером", "Александру Кедману", "Александр Кедман"),
    ("Вчера Александр Кедман выступил в парламенте", "Александр Кедман", "Александр Кедман"),
    ("Министр позвонил Александру Ольхову вечером", "Александру Ольхову", "Александр Ольхов"),
    # a person's aside in brackets is no part of the name's normal form
    ("Командир Арсен (Арсений) Кедров погиб.", "Арсен (Арсений) Кедров", "Арсен Кедров"),
    ("Соглашение подписали с «Заводом ольховых машин»", "«Заводом ольховых машин»",
     "Завод ольховых машин"),
    # a one-word quoted name after another that shares its head is the head's apposition,
    # written as it is: not «Боря» for «Борей» (s67)
    ("Компании «Кедртек» и «Борей» стали участниками выставки", "«Борей»", "Борей"),
    # a name in a headline of capitals ends before a word that is only a verb (s67)
    ("ДЕЛЕГАЦИЯ КОМИТЕТА ПО КЕДРОВЫМ КЛАСТЕРАМ ПОБЫВАЛА С РАБОЧИМ ВИЗИТОМ В ТОМСКЕ",
     "КОМИТЕТА ПО КЕДРОВЫМ КЛАСТЕРАМ", "КОМИТЕТА ПО КЕДРОВЫМ КЛАСТЕРАМ"),
    # a Vietnamese surname after a body's bare «провинции» is the person's, not a place's
    # the body ends with (s67)
    ("Делегация провинции Кедрлай прибыла в Томск. В делегацию вошли заместитель председателя "
     "Народного комитета провинции Зянг Тхи Хоа и другие.", "Зянг Тхи Хоа", "Зянг Тхи Хоа"),
    # a one-word place left in its case takes the form the text writes in the nominative
    ("Делегация из Лунцзяня посетила Тамбов. Лунцзянь и Тамбов подписали соглашение",
     "Лунцзяня", "Лунцзянь"),
    # an unknown foreign name in the instrumental loses its ending («-ом», «-ем»)
    ("Губернатор встретился с послом Чан Куок Выонгом", "Чан Куок Выонгом", "Чан Куок Выонг"),
    # a Korean or Vietnamese name of three syllables: only the last word takes a case ending
    ("Губернатор показал гостю Ли Мин Хону журнал", "Ли Мин Хону", "Ли Мин Хон"),
    ("Журнал посвящён визиту Пак Ир Сена", "Пак Ир Сена", "Пак Ир Сен"),
    ("Встреча с Нгуен Ван Тхуком прошла", "Нгуен Ван Тхуком", "Нгуен Ван Тхук"),
    # … a soft stem's ending after a consonant keeps its «ь», a vowel's its «й» (s42)
    ("Встреча с Нгуен Ван Дьеном прошла", "Нгуен Ван Дьеном", "Нгуен Ван Дьен"),
    ("Встреча с Нгуен Ван Линем прошла", "Нгуен Ван Линем", "Нгуен Ван Линь"),
    ("Журнал посвящён визиту Нгуен Ван Линя", "Нгуен Ван Линя", "Нгуен Ван Линь"),
    ("Встреча с Нгуен Ван Хоем прошла", "Нгуен Ван Хоем", "Нгуен Ван Хой"),
    ("В Тверь прибыла Пак Кын Хе", "Пак Кын Хе", "Пак Кын Хе"),
    ("Губернатор встретился с министром Ненадом Иванишевичем", "Ненадом Иванишевичем",
     "Ненад Иванишевич"),
    ("Делегация посетила технопарк «Янтарная гавань». Резиденты «Янтарной гавани» показали "
     "цеха", "«Янтарной гавани»", "Янтарная гавань"),
    ("Гости прибыли в ОЭЗ «Каменный цветок». В «Каменном цветке» работают сорок компаний",
     "«Каменном цветке»", "Каменный цветок"),
    ("Представители «Северной звезды» прибыли в Тверь", "«Северной звезды»", "Северная звезда"),
    ("Осенью пройдут Дни Кедровска", "Дни Кедровска", "Дни Кедровска"),  # no singular
    # a one-word quoted name with no head before it is in the sentence's case
    ("Гости посетили «Кедрину»", "«Кедрину»", "Кедрина"),
    ("Гости побывали на «Ольхмаше»", "«Ольхмаше»", "Ольхмаш"),
    ("Соглашение подписали с ГК «Ольхмаш»", "«Ольхмаш»", "Ольхмаш"),
    # … and so does one after a person it depends on (no quoted name names a person), by
    # the tagger's case; an unknown nominative, a name after a thing, stay as written
    ("Болельщики «Ольхстона» праздновали победу", "«Ольхстона»", "Ольхстон"),
    ("Лидер «Кедр-Ольхи» заявил о планах", "«Кедр-Ольхи»", "Кедр-Ольха"),
    # … and after a thing whose genitive it is: the tagger's genitive against the noun's
    # case, a word the dictionary has as a singular genitive only
    ("Завод вошёл в состав «Кедротехники»", "«Кедротехники»", "Кедротехника"),
    ("В офисе «Ладоги» тихо", "«Ладоги»", "Ладога"),
    # a place or organisation of the dictionary in a case is no indeclinable foreign name
    ("Директор «Ладоги» уволился", "«Ладоги»", "Ладога"),
    ("Завод вошёл в состав «Ольхомаша»", "«Ольхомаша»", "Ольхомаш"),
    ("Сделку одобрил совет директоров «Сосновки»", "«Сосновки»", "Сосновка"),
    ("Акции «Ведомостей» подорожали", "«Ведомостей»", "Ведомости"),
    # … not a title in the nominative after its noun (a plural title too), nor an
    # indeclinable foreign name, nor a name the dictionary lacks in the nominative
    ("Главный редактор газеты «Известия» ушёл в отпуск", "«Известия»", "Известия"),
    ("Фотограф журнала «Огонёк» снял выставку", "«Огонёк»", "Огонёк"),
    ("Журналисты газеты «Ведомости» узнали подробности", "«Ведомости»", "Ведомости"),
    ("Редакция газеты «Вести» переехала", "«Вести»", "Вести"),
    ("В офисе «Пежо» прошёл обыск", "«Пежо»", "Пежо"),
    ("Склад «Рено» закрыли", "«Рено»", "Рено"),
    ("Фабрика вошла в холдинг «Ольхапром»", "«Ольхапром»", "Ольхапром"),
    # a hyphened quoted name declines in the words the dictionary knows in a case; a word it
    # lacks, an indeclinable one, a number or a Latin part stay as written
    ("Письмо направили «Кедр-Экспрессу»", "«Кедр-Экспрессу»", "Кедр-Экспресс"),
    ("В интервью «Кедр-Экспрессу» он сказал", "«Кедр-Экспрессу»", "Кедр-Экспресс"),
    ("Соглашение подписано с «Ольха-Трансом»", "«Ольха-Трансом»", "Ольха-Транс"),
    ("Клиенты «Омск-Телекома» остались без связи", "«Омск-Телекома»", "Омск-Телеком"),
    ("По данным источника «Интерфакса-Кедр» сделка закрыта", "«Интерфакса-Кедр»",
     "Интерфакс-Кедр"),
    ("Сторонники «Сестёр-садовниц» вышли на улицы", "«Сестёр-садовниц»", "Сёстры-садовницы"),
    ("Рейсы «Сибирь-Авиа» отменили", "«Сибирь-Авиа»", "Сибирь-Авиа"),
    ("Он работал в «Ист-Вуде»", "«Ист-Вуде»", "Ист-Вуд"),
    ("Лидер «Кедр-2000» заявил о планах", "«Кедр-2000»", "Кедр-2000"),
    ("Директор «Кедр-Lux» заявил о планах", "«Кедр-Lux»", "Кедр-Lux"),
    ("Компания «Кедр-Экспресс» открыла офис", "«Кедр-Экспресс»", "Кедр-Экспресс"),
    ("Офис «Ольха-Банка» закрыт", "«Ольха-Банка»", "Ольха-Банка"),  # after a head: a name
    ("Газета сослалась на источник «Интерфакса-Кедр»", "«Интерфакса-Кедр»", "Интерфакс-Кедр"),
    ("Он служил в «Аль-Кедра» два года", "«Аль-Кедра»", "Аль-Кедра"),  # an Arabic article
    ("Он работал в «Ольхвертоне»", "«Ольхвертоне»", "Ольхвертон"),  # not a guessed «…тоня»
    ("Сирия и «Кедболла» подписали договор", "«Кедболла»", "Кедболла"),
    ("Соглашение заключено между «Ольхпром» и «Кедр Инжиниринг»", "«Ольхпром»", "Ольхпром"),
    ("Министр подтвердил «Курантам» эту информацию", "«Курантам»", "Куранты"),  # plural
    # a bare adjectival name shares the head coordinated after it, one organisation each
    ("Гости посетили Ольховский политехнический и Ольховский государственный университеты",
     "Ольховский политехнический", "Ольховский политехнический университет"),
    ("Запланировано посещение Ольховского политехнического и Ольховского государственного "
     "университетов", "Ольховского государственного университетов",
     "Ольховский государственный университет"),
    # an acronym of mixed case keeps its letters, in any case of the sentence
    ("Студенты ОлГрУ приехали в Тверь", "ОлГрУ", "ОлГрУ"),
    ("Делегация посетила КедрГТУ в среду", "КедрГТУ", "КедрГТУ"),
    # … and a name with a capital inside that takes a case ending keeps its capitals
    ("Клиенты ОлхонТелекома остались без связи", "ОлхонТелекома", "ОлхонТелеком"),
    ("Делегацию провинции Цзянсу возглавил Ли Сяоцзе", "Цзянсу", "Цзянсу"),
    ("Делегацию провинции Цзянсу возглавил Ли Сяоцзе", "Ли Сяоцзе", "Ли Сяоцзе"),
    ("Губернатор встретился с Ли Сяоцзе и Ван Цзюньхуа", "Ли Сяоцзе", "Ли Сяоцзе"),
    ("Соглашение подписано с компанией из Цзянсу", "Цзянсу", "Цзянсу"),
    ("Мы встретились с Кобаяси Кэйсукэ", "Кобаяси Кэйсукэ", "Кобаяси Кэйсукэ"),
    ("В Ниигате открылся офис", "Ниигате", "Ниигата"),  # a name in -а inflects
    # a Chinese name ending in «-н», «-нь», «-й» declines: the ending the tagger reads goes
    ("Гости из Шэньчжэня приехали в Тверь", "Шэньчжэня", "Шэньчжэнь"),
    ("Делегация из Кельмбаха-на-Тайне посетила Тверь", "Кельмбаха-на-Тайне",
     "Кельмбах-на-Тайне"),
    # a well-known event's name in any case is its nominative, quoted or not (s72)
    ("Компания подвела итоги «Иннопрома»", "«Иннопрома»", "Иннопром"),
    ("Мы впервые привезли на Иннопром такую большую делегацию", "Иннопром", "Иннопром"),
    # an unknown head takes the gender its adjective shows, not the dictionary's guess (s72)
    ("Делегация Западной Нуса-Тенггары прибыла в Тверь", "Западной Нуса-Тенггары",
     "Западная Нуса-Тенггара"),
    # a region the gazetteer knows is no case form of a town of its stem (s61)
    ("Забайкалье и Маньчжурия обсудили парк у погранперехода Забайкальск — Маньчжурия.",
     "Забайкалье", "Забайкалье"),
    ("Компании Сычуани и Шэньси приехали на выставку", "Сычуани", "Сычуань"),
    ("Гости из Хэфэя приехали в Тверь", "Хэфэя", "Хэфэй"),
    ("Гости из Чэнду приехали в Тверь", "Чэнду", "Чэнду"),
    # a Chinese given name in a case ending no Chinese syllable has, whatever case the
    # tagger reads; one that spells syllables as it is stays
    ("Делегацию возглавил директор парка Чжан Хуэем", "Чжан Хуэем", "Чжан Хуэй"),
    ("Гости встретились с Ли Вэем", "Ли Вэем", "Ли Вэй"),
    ("Это был визит Чжан Хуэя", "Чжан Хуэя", "Чжан Хуэй"),
    ("Гостей встретила Ли Ся", "Ли Ся", "Ли Ся"),
    # a word of three syllables in the dative or locative ending the tagger reads in it is
    # a case form, though it spells like Chinese syllables; a Chinese name has two at most
    ("Кубок вручили Тому Лайдену", "Тому Лайдену", "Том Лайден"),
    ("Конференция прошла в Лусоне", "Лусоне", "Лусон"),
    ("Фестиваль прошёл в Кансуне и Лосане", "Лосане", "Лосан"),
    ("Гости из Хунани приехали в Ухань, а затем в Чанша и Цзянсу", "Цзянсу", "Цзянсу"),
    # a man's or thing's name in the locative that the dictionary guesses indeclinable
    ("Выставка прошла в Морвилле и Кастоне", "Морвилле", "Морвилл"),
    # an unknown town in «-е» or «-ы» after a consonant: its ending by the case
    ("Форум прошёл в Ольмбурге", "Ольмбурге", "Ольмбург"),
    ("Он родился в Кламтеме", "Кламтеме", "Кламтем"),
    ("Гости приехали из Сан-дель-Миры", "Сан-дель-Миры", "Сан-дель-Мира"),
    ("Делегация побывала в Тамбуто и Малибу", "Малибу", "Малибу"),  # indeclinable
    # a woman's Russian surname in «-а» is her nominative, whatever case the tagger reads
    ("Фильм снят по сценарию Хельга Кедрова", "Хельга Кедрова", "Хельга Кедрова"),
    # initials and «-ова»: a woman's nominative by the clause, a man's genitive after a noun
    ("Договор подписала И. Ольхова", "И. Ольхова", "И. Ольхова"),
    ("Л.Р. Кедрина подписала договор", "Л.Р. Кедрина", "Л.Р. Кедрина"),
    ("Гостей встретил заместитель директора завода Н. Ольхова", "Н. Ольхова", "Н. Ольхова"),
    ("Письмо И. Ольхова получили в среду", "И. Ольхова", "И. Ольхов"),
    ("Приехал заместитель министра лесов и рек Кедровии А.Б. Сомова, а также ректор",
     "А.Б. Сомова", "А.Б. Сомова"),
    # a quoted brand with an unknown word: as written; a noun hyphened to a name inflects
    ("«Кедроном Фарм» и завод подписали соглашение", "«Кедроном Фарм»", "Кедроном Фарм"),
    ("Проекты МГТУ и «Западной верфи-Холдинг» обсудили", "«Западной верфи-Холдинг»",
     "Западная верфь-Холдинг"),
    # a dictionary name of the other gender is no reading of a man's surname
    ("Картина Фатиха Акина получила приз", "Фатиха Акина", "Фатих Акин"),
    ("Аудитория аплодировала актрисе Октавии Спенсер", "Октавии Спенсер", "Октавия Спенсер"),
    # a man's surname left in a case takes the stem the text shows in an instrumental; a
    # woman's does not take her husband's
    ("Главную роль сыграл Энтони Кедда. Режиссёр доверял Кедду, а зрители остались довольны "
     "Кеддом", "Энтони Кедда", "Энтони Кедд"),
    ("Премию получила Анна Ланда. Её муж Ланд пришёл на церемонию", "Анна Ланда", "Анна Ланда"),
    # of the forms the text writes as they are, the stem of the others: the tagger read the
    # dative «Кейджу» as a nominative
    ("Компанию основал Ларри Кейджу. Позже Ларри Кейдж продал её. Сделку с Кейджем одобрили",
     "Ларри Кейджу", "Ларри Кейдж"),
    # a name in «-а» whose case forms the tagger reads as nominatives: the form the others
    # come from; a man's consonant stem still wins over its genitive in «-а»
    ("Грамоту вручили Гиорге Кедавели. Книгу Гиорги Кедавели издали. Министр Гиорга Кедавели "
     "прибыл в Батуми", "Гиорге Кедавели", "Гиорга Кедавели"),
    ("Грамоту вручили Арлене Кедману. Книгу Арлена Кедмана издали. Министр Арлен Кедман "
     "прибыл в Батуми", "Арлена Кедмана", "Арлен Кедман"),
    # a Russian surname alone in a case a woman's form shares with a man's: hers where the
    # text names her in full and no man of that name; his where it names a man too
    ("Премию получила Анна Ольхова. Жюри поблагодарило Ольхову за фильм", "Ольхову", "Ольхова"),
    ("На сцену вышла Мария Кедрина. Зрители встретили Кедрину овацией", "Кедрину", "Кедрина"),
    ("Пресс-конференцию провела Ольга Сосновская. Журналисты спросили Сосновскую о планах",
     "Сосновскую", "Сосновская"),
    ("Премию получил Пётр Ольхов. Жюри поблагодарило Ольхову за фильм", "Ольхову", "Ольхов"),
    ("Премию получили Анна Ольхова и её брат Пётр Ольхов. Жюри поблагодарило Ольхову за фильм",
     "Ольхову", "Ольхов"),
    ("Турнир выиграл Ярослав Кедров. Тренер вручил Ярославу Кедрову кубок", "Ярославу Кедрову",
     "Ярослав Кедров"),
    ("Дочь Ольхова возглавила совет. Дарина Ольхова родилась в семье Петра Ольхова",
     "Ольхова", "Ольхов"),
    # a first name that is also an indeclinable foreign one: its declinable reading in a case
    ("Премию вручили Анне Ольховой", "Анне Ольховой", "Анна Ольхова"),
    ("Письмо передали Ирине Кедриной", "Ирине Кедриной", "Ирина Кедрина"),
    # foreign names in an oblique case whatever the tagger says of them
    ("Посол провёл встречу с Тхань Вьет Зунгом", "Тхань Вьет Зунгом", "Тхань Вьет Зунг"),
    ("Договор подписан с председателем Хо Минь Зиеном", "Хо Минь Зиеном", "Хо Минь Зиен"),
    ("Гостей принял Ли Вэньцзюнем", "Ли Вэньцзюнем", "Ли Вэньцзюнь"),
    # a soft stem's «-ем», «-я» («-ь»), a man's name in «-а», each part of a double surname
    ("Губернатор встретился с президентом Анхелем Родригесом-Кастелем",
     "Анхелем Родригесом-Кастелем", "Анхель Родригес-Кастель"),
    ("Визит Анхеля Родригеса-Кастеля в Тверь завершился", "Анхеля Родригеса-Кастеля",
     "Анхель Родригес-Кастель"),
    ("Визит Педро Гомеса-Паломы в Тверь завершился", "Педро Гомеса-Паломы",
     "Педро Гомес-Палома"),
    ("Визит Рахмана бен Юсуфа аль-Бакри завершился", "Рахмана бен Юсуфа аль-Бакри",
     "Рахман бен Юсуф аль-Бакри"),  # the words of a name share one case
    ("Делегация прибыла под руководством Андрея Чупея", "Андрея Чупея", "Андрей Чупей"),
    # the particles of an Arabic name do not decline; the family name after «Аль» is no
    # dictionary first name («Тани» is no «Таня»'s), and gives the name no gender
    ("Губернатор встретился с эмиром Катара Самиром бен Хамадом Аль Тани",
     "Самиром бен Хамадом Аль Тани", "Самир бен Хамад Аль Тани"),
    ("Визит эмира Катара Самира бен Хамада Аль Тани завершился",
     "Самира бен Хамада Аль Тани", "Самир бен Хамад Аль Тани"),
    ("Губернатор встретился с министром Абдуллой бин Заидом Аль Кедрайяном",
     "Абдуллой бин Заидом Аль Кедрайяном", "Абдулла бин Заид Аль Кедрайян"),
    ("Губернатор вручил награду шейху Мансуру бен Заиду Аль Кедрайяну",
     "Мансуру бен Заиду Аль Кедрайяну", "Мансур бен Заид Аль Кедрайян"),
    ("Губернатор вручил награду шейху Мансуру бен Заиду Аль Нахаяну",
     "Мансуру бен Заиду Аль Нахаяну", "Мансур бен Заид Аль Нахаян"),
    ("Фонд возглавляет супруга эмира шейха Лейлы бинт Саид", "Лейлы бинт Саид",
     "Лейла бинт Саид"),
    ("Соглашение подписали с Оксаной Шкилой", "Оксаной Шкилой", "Оксана Шкила"),
    ("Гостей встретили вместе с послом Санджаем Вармой", "Санджаем Вармой", "Санджай Варма"),
    ("Делегацию возглавил Ёсида Харуки", "Ёсида Харуки", "Ёсида Харуки"),
    # a post title opening the sentence is no part of the name; a title that is a first name
    # too is
    ("Император Кендзи встретился с послом", "Кендзи", "Кендзи"),
    ("Генерал Сомов прибыл на завод", "Сомов", "Сомов"),
    ("Эмир Кедрица снял новый фильм", "Эмир Кедрица", "Эмир Кедрица"),
    # … nor a title the dictionary lacks, read as a first name («хоким»), nor a title that is a
    # first name too where the document gives the surname another first name
    ("Хоким Кедрабеков открыл форум", "Кедрабеков", "Кедрабеков"),
    ("Г-н Кедрабеков открыл форум", "Кедрабеков", "Кедрабеков"),  # an honorific
    # a title behind a title prefix, though the bare title is a first name too (s50)
    ("Вице-аким Кедрабеков открыл форум", "Кедрабеков", "Кедрабеков"),
    ("Экс-аким Кедрабеков открыл форум", "Кедрабеков", "Кедрабеков"),
    ("Аким области Ержан Кедрабаев встретил гостей. Аким Кедрабаев открыл форум",
     "Кедрабаев", "Кедрабаев"),
    ("Аким Кедров родился в Твери", "Аким Кедров", "Аким Кедров"),
    # a region's word of Central Asia or Iran heads a region like «область»
    ("Делегация Ольхабадского вилоята посетила Тверь", "Ольхабадского вилоята",
     "Ольхабадский вилоят"),
    ("Делегация остана Кедрестан посетила Тверь", "Кедрестан", "Кедрестан"),
    # kept as they were (a first name read as the nominative in «-ем», «-ом» or a woman's
    # read as the nominative in a case only hers has were tried: the tagger's nominative is
    # as often wrong, «Талгатом», «Грету Тунберг»)
    ("Гостей встретили вместе с послом Хашемом Бахрами", "Хашемом Бахрами", "Хашем Бахрами"),
    ("Делегация встретилась с губернатором Ошской области Талгатом Турсуновым",
     "Талгатом Турсуновым", "Талгат Турсунов"),
    ("Премию вручили Грете Ольсберг", "Грете Ольсберг", "Грета Ольсберг"),
    # a first name in a man's instrumental «-ом» and a surname in an instrumental ending:
    # the instrumental, whatever the tagger reads after a place; a first name in «-ом»
    # before a surname in the nominative is a nominative itself
    ("Делегация во главе с министром промышленности штата Керала Арджуном Мехтой прибыла",
     "Арджуном Мехтой", "Арджун Мехта"),
    ("Президент Ислом Каримов прибыл в Тверь", "Ислом Каримов", "Ислом Каримов"),
    ("Писатель Ислом Толстой прибыл в Тверь", "Ислом Толстой", "Ислом Толстой"),
    ("Делегацию возглавил Бахром Рахимов", "Бахром Рахимов", "Бахром Рахимов"),
    # … and a surname in «-ем» after a dictionary first name in the nominative (s64)
    ("Делегацию возглавил министр Турции Мустафа Кедерем", "Мустафа Кедерем",
     "Мустафа Кедерем"),
    ("Встреча с Мустафой Кедеремом прошла в Казани", "Мустафой Кедеремом", "Мустафа Кедерем"),
    ("Делегацию возглавил директор компании Мурат Кедерем", "Мурат Кедерем", "Мурат Кедерем"),
    ("Гости приехали во главе с вице-председателем комитета Хайфона Чан Ван Дыком",
     "Чан Ван Дыком", "Чан Ван Дык"),
    # a man's name in «-ца», «-ша» makes «-цей», «-шей» in the instrumental
    ("Переговоры прошли с президентом Ивицей Дракичем", "Ивицей Дракичем", "Ивица Дракич"),
    # a woman's surname the dictionary reads both as «-ова» and as an adjective's «-ая»: the
    # adjective's; a surname of no other suffix keeps «-ова»
    ("Доклад Марфы Яровой обсудили", "Марфы Яровой", "Марфа Яровая"),
    ("Доклад Анны Петровой обсудили", "Анны Петровой", "Анна Петрова"),
    # a surname that is no form of a dictionary name in the name's case is no such form
    ("Визит Пьера Мише в Тверь завершился", "Пьера Мише", "Пьер Мише"),
    # Russian surnames by their suffix, not as a guessed adjective or place
    ("Встреча Тимура Халилова прошла в Казани", "Тимура Халилова", "Тимур Халилов"),
    ("Делегацию встретил губернатор вместе с Андреем Лесниковым", "Андреем Лесниковым",
     "Андрей Лесников"),
    ("Переговоры с Андреем Соколинским прошли успешно", "Андреем Соколинским",
     "Андрей Соколинский"),
    ("С докладом выступил Санжар Ташпулатов", "Санжар Ташпулатов", "Санжар Ташпулатов"),
    ("Переговоры провела Нигора Абдуллаева", "Нигора Абдуллаева", "Нигора Абдуллаева"),
    # a surname that is an adjective of the language, in the name's gender
    ("Выступление Данилы Поперечного запомнилось", "Данилы Поперечного", "Данила Поперечный"),
    ("Премию вручили Даниле Поперечному", "Даниле Поперечному", "Данила Поперечный"),
    ("Доклад Марии Белой обсудили", "Марии Белой", "Мария Белая"),
    # a Chinese name's one syllable shows no case: the given name after it does
    ("Компания создана с одобрения Дэн Сяопина", "Дэн Сяопина", "Дэн Сяопин"),
    # nor does a foreign first name in «-о», «-и», «-е» the dictionary does not decline
    ("Тренер похвалил Сами Кедиру", "Сами Кедиру", "Сами Кедира"),
    # coordinated and bare region adjectives: one region each, with the shared head
    ("Гостей приветствовали главы Тульской, Омской и Курганской областей", "Омской",
     "Омская область"),
    ("Гостей приветствовали главы Тульской, Омской и Курганской областей",
     "Курганской областей", "Курганская область"),
    ("Компании работают в Ферганской и Андижанской областях", "Ферганской",
     "Ферганская область"),
    ("Гости посетили Кировский и Ленинский районы", "Кировский", "Кировский район"),
    # a word of a foreign body's name that Russian leaves as it is is no head
    ("Беседа со спикером Милли Меджлиса Азербайджана прошла в Баку",
     "Милли Меджлиса Азербайджана", "Милли Меджлис Азербайджана"),
    # a hyphened name's first part that only a person's name in a case reads is as written
    ("Сотрудники «Нура-Стали» встретили гостей", "«Нура-Стали»", "Нура-Стали"),
    # an eponym with an Arabic article; a national university's acronym
    ("Делегация Ольховского национального университета имени аль-Кедри прибыла в Казань",
     "Ольховского национального университета имени аль-Кедри",
     "Ольховский национальный университет имени аль-Кедри"),
    ("Гостей принял ОлхНУ им. аль-Кедри", "ОлхНУ им. аль-Кедри", "ОлхНУ им. аль-Кедри"),
    # a Kazakh town a dictionary reads as a case of a common word («Семей», not «семьи»)
    ("Маршрут пройдёт через Павлодар и Семей к озеру", "Семей", "Семей"),
    # nor an English place-name word a dictionary reads as a Russian one («фря»)
    ("Делегация провинции Фри Стейт прибыла в Минск", "Фри Стейт", "Фри Стейт"),
    # of two equally likely dictionary lemmas, the one the word begins with
    ("Служил в составе Кедровского танкового полка", "Кедровского танкового полка",
     "Кедровский танковый полк"),
    # place and site names
    ("Встреча прошла в деревне Кривцово", "Кривцово", "Кривцово"),
    # a town in apposition after its descriptor keeps its nominative; a person's name that
    # spells the same in the genitive («Адан») is no reading of a place
    ("Гостей встретили в аэропорту города Адана", "Адана", "Адана"),
    ("Делегация из Аданы прибыла в Казань", "Аданы", "Адана"),
    # a feminine place the dictionary reads as a masculine common noun, or not at all
    ("Жители солнечной Гербарии вышли на улицы", "Гербарии", "Гербария"),
    ("Жители солнечной Кедроты вышли на улицы", "Кедроты", "Кедрота"),
    # a place the gazetteer knows: the adjective after the head agrees too
    ("Президент Республики Сербской прибыл", "Республики Сербской", "Республика Сербская"),
    # a Japanese name that spells like a common noun's case form («гифа») keeps its letters;
    # an unknown thing's accusative in a consonant is its nominative
    ("Делегация провинции Гифу прибыла в Омск", "Гифу", "Гифу"),
    ("Делегация начала рабочий визит в Нгеан", "Нгеан", "Нгеан"),
    ("В уезде Лаоцзюньчжуан открылся завод", "Лаоцзюньчжуан", "Лаоцзюньчжуан"),
    ("Гости побывали в IT-парке и в лабораториях", "IT-парке", "IT-парк"),
    ("Договор подписали в Ханты-Мансийском автономном округе — Югре",
     "Ханты-Мансийском автономном округе — Югре", "Ханты-Мансийский автономный округ — Югра"),
    ("Компании приехали на Российско-индийский ЭКСПО в Казани", "Российско-индийский ЭКСПО",
     "Российско-индийский ЭКСПО"),  # an indeclinable head: the adjective's gender
    # a foreign first name before a surname that shows the case is in that case, though
    # its letters could spell a Chinese name; one-syllable words and dictionary names keep
    # their own reading
    ("Кубок вручили Деяну Ольховичу", "Деяну Ольховичу", "Деян Ольхович"),
    ("Кубок вручили Неману Кедровичу", "Неману Кедровичу", "Неман Кедрович"),
    ("Соглашение подписали с Си Цзиньлуном", "Си Цзиньлуном", "Си Цзиньлун"),
    ("Письмо передали Чжао Сяомину", "Чжао Сяомину", "Чжао Сяомин"),
    ("Кубок вручили Ивану Кедрову", "Ивану Кедрову", "Иван Кедров"),
    # a woman's first name in «-ии» (genitive, dative) or «-ией» (instrumental) makes the
    # name hers; a name in «-я» after a vowel from its instrumental «-ей»
    ("Министр встретился с Ольхарией Кедсой", "Ольхарией Кедсой", "Ольхария Кедса"),
    ("Министр встретился с Зейнеп Ольхакаей", "Зейнеп Ольхакаей", "Зейнеп Ольхакая"),
    ("Министр встретился с Мехметом Кедаей", "Мехметом Кедаей", "Мехмет Кедая"),
    ("Министр встретился с Нурланом Ольхабаем", "Нурланом Ольхабаем", "Нурлан Ольхабай"),
    ("Министр встретился с Алексеем Кедровым", "Алексеем Кедровым", "Алексей Кедров"),
    ("Министр встретился с Марией Ольховой", "Марией Ольховой", "Мария Ольхова"),
    # a man's foreign name in «-а» from its accusative «-у»; a first name only where the
    # surname shows the case; a Japanese name spelt syllable by syllable keeps its letters
    ("Журналисты расспросили Луиса Кедреду", "Луиса Кедреду", "Луис Кедреда"),
    ("Поэты любят Ольхеруду", "Ольхеруду", "Ольхеруда"),
    ("Власти обвиняют Фетхуллу Ольхена", "Фетхуллу Ольхена", "Фетхулла Ольхен"),
    ("Полиция задержала Хамзу Ольхеда", "Хамзу Ольхеда", "Хамза Ольхед"),
    ("Они пригласили Такеру Ольхаяши", "Такеру Ольхаяши", "Такеру Ольхаяши"),
    ("Они пригласили Сатору Кобаяси", "Сатору Кобаяси", "Сатору Кобаяси"),
    ("Они пригласили Петра Кедровича", "Петра Кедровича", "Пётр Кедрович"),
    # s39: a woman's bare surname opening a clause with a feminine word after it, and a name
    # in «-а … -ова» subject of a feminine past verb, are her nominative
    ("Турецкая компания станет резидентом парка «Кедровая Поляна» в Московской области.\n\n"
     "Кудряшова, курирующая индустриальные парки Подмосковья, отметила, что это третий "
     "инвестор из Турции.", "Кудряшова", "Кудряшова"),
    ("Делегацию встретила Гулноза Рахимова.", "Гулноза Рахимова", "Гулноза Рахимова"),
    ("Дочь Ольхова возглавила совет.", "Ольхова", "Ольхов"),
]
MARK = re.compile(r"\[([^\]]+)\]\((\w+)\)")


def parse_case(case: str) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, last = [], [], 0
    position = 0
    for match in MARK.finditer(case):
        text.append(case[last:match.start()])
        position += match.start() - last
        spans.append((position, position + len(match.group(1)), match.group(2)))
        text.append(match.group(1))
        position += len(match.group(1))
        last = match.end()
    text.append(case[last:])
    return "".join(text), spans


@pytest.mark.parametrize("case", CASES)
def test_entity_cases(pipeline, case):
    text, expected = parse_case(case)
    doc = analyse_text(pipeline, text)
    found = {(m.start, m.end, m.type) for m in doc.mentions}
    for start, end, entity_type in expected:
        assert (start, end, entity_type) in found, (
            f"{text[start:end]!r} as {entity_type}; found "
            f"{[(m.text, m.type, m.source) for m in doc.mentions]}")


@pytest.mark.parametrize("case", NOT_FOUND)
def test_entity_non_mentions(pipeline, case):
    text, unexpected = parse_case(case)
    doc = analyse_text(pipeline, text)
    found = {(m.start, m.end, m.type) for m in doc.mentions}
    for start, end, entity_type in unexpected:
        assert (start, end, entity_type) not in found, f"{text[start:end]!r} as {entity_type}"


@pytest.mark.parametrize("rule", load_rules().entities, ids=lambda r: r.id)
def test_entity_rule_example(pipeline, rule):
    """Every entity rule's example yields its expected mention, of the rule's label."""
    assert rule.example and rule.expect, f"rule {rule.id} needs an example and expect"
    doc = analyse_text(pipeline, rule.example)
    assert (rule.expect, rule.label) in {(m.text, m.type) for m in doc.mentions}, (
        rule.id, [(m.text, m.type, m.source) for m in doc.mentions])


@pytest.mark.parametrize("text, entity_type, normal", NORMALS)
def test_normal_forms(pipeline, text, entity_type, normal):
    doc = analyse_text(pipeline, text + ".")
    assert normal in [m.normal for m in doc.mentions if m.type == entity_type], \
        [(m.text, m.type, m.normal) for m in doc.mentions]


@pytest.mark.parametrize("text, surface, normal", NAME_NORMALS)
def test_name_normal_forms(pipeline, text, surface, normal):
    doc = analyse_text(pipeline, text + ".")
    assert normal in [m.normal for m in doc.mentions if m.text == surface], \
        [(m.text, m.type, m.normal) for m in doc.mentions]


@pytest.mark.parametrize("word, indeclinable", [
    ("Цзянсу", True), ("Сяоцзе", True), ("Хункоу", True), ("Шуцай", True),
    ("Синдзи", True), ("Марико", True), ("Кэйсукэ", True),
    ("Фудзиты", False), ("Ниигате", False), ("Осаке", False), ("Гатчины", False),
])
def test_indeclinable_foreign_names(word, indeclinable):
    from ruextract.normal_form import is_indeclinable_foreign

    assert is_indeclinable_foreign(word) is indeclinable


@pytest.mark.parametrize("word, case, indeclinable", [
    ("Лайдену", "Dat", False), ("Лусоне", "Loc", False), ("Лайдену", "Nom", True),
    ("Цзянсу", "Dat", True), ("Сяоцзе", "Loc", True),  # two syllables: a Chinese name
    ("Масахару", "Dat", True),  # Japanese syllables
])
def test_indeclinable_foreign_names_in_a_case(word, case, indeclinable):
    from ruextract.normal_form import is_indeclinable_foreign

    assert is_indeclinable_foreign(word, case) is indeclinable


@pytest.mark.parametrize("word, pos, feats, normal", [
    ("ТЕХНОГРАДа", "NOUN", "Case=Gen", "ТЕХНОГРАД"),  # capitals and a case ending
    ("ИТ-центре", "PROPN", "Foreign=Yes", "ИТ-центр"),
    ("Залесово", "PROPN", "Case=Loc", "Залесово"),  # no case form of a noun ends in «-о»
    ("Банхуэй", "PROPN", "Case=Gen", "Банхуэй"),
    ("Тарлесберг", "PROPN", "Case=Nom", "Тарлесберг"),  # unknown, read as nominative
    # an unknown town's locative «-е» or genitive «-ы» after a consonant: the ending by the
    # case, no dictionary guess («Стретёма», a plural «Мир»)
    ("Вильмаре", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Вильмар"),
    ("Кламтеме", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Кламтем"),
    ("Тальмите", "PROPN", "Case=Loc|Gender=Fem|Number=Sing", "Тальмита"),
    ("Сан-дель-Миры", "PROPN", "Case=Gen|Gender=Masc|Number=Sing", "Сан-дель-Мира"),
    ("Корфиды", "PROPN", "Case=Gen|Gender=Fem|Number=Sing", "Корфида"),
    ("Кламтем", "PROPN", "Case=Nom|Gender=Masc|Number=Sing", "Кламтем"),  # no instrumental
    ("Ольхпромом", "PROPN", "Case=Nom|Gender=Masc|Number=Sing", "Ольхпром"),  # one
    # traps: an indeclinable name, a Chinese syllable, a plural stay as written
    ("Тамбуто", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Тамбуто"),
    ("Малибу", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Малибу"),
    ("Сяоцзе", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Сяоцзе"),
    # a town «X-на-Y» declines in X alone: Y is a river's locative («-на-Майне»)
    ("Кельмбаха-на-Тайне", "PROPN", "Case=Gen|Gender=Masc|Number=Sing", "Кельмбах-на-Тайне"),
    ("Кельмбахе-на-Тайне", "PROPN", "Case=Loc|Gender=Masc|Number=Sing", "Кельмбах-на-Тайне"),
    ("Кельмбах-на-Тайне", "PROPN", "Case=Nom|Gender=Masc|Number=Sing", "Кельмбах-на-Тайне"),
])
def test_word_normal_forms(word, pos, feats, normal):
    from ruextract.morph import Analyzer
    from ruextract.normal_form import _inflect_word

    assert _inflect_word(Analyzer(), word, pos, feats, frozenset({"nomn", "sing"})) == normal


@pytest.mark.parametrize("word, case, gender, normal", [
    ("Кедрике", "Loc", "femn", "Кедрика"), ("Кедрике", "Loc", "masc", "Кедрик"),
    ("Ольхории", "Gen", "femn", "Ольхория"), ("Ольхории", "Gen", "masc", "Ольхории"),
])
def test_foreign_name_words_by_gender(word, case, gender, normal):
    from ruextract.normal_form import _foreign_name_word

    assert _foreign_name_word(word, case, gender) == normal


@pytest.mark.parametrize("before, pos, feats, word, case", [
    ("в", "ADP", "", "Ольмбурге", "Loc"), ("на", "ADP", "", "Тарбунке", "Loc"),
    ("из", "ADP", "", "Кальмеры", "Gen"),
    ("ольховском", "ADJ", "Case=Loc", "Ольмбурге", "Loc"),  # the adjective it agrees with
    ("южной", "ADJ", "Case=Gen", "Кальмеры", "Gen"),
    ("городе", "NOUN", "Case=Loc", "Ольмбурге", "Loc"),  # a town word in apposition
    ("города", "NOUN", "Case=Gen", "Кальмеры", "Nom"),  # «города Фоксаны»: may be a name's
    ("Мэр", "NOUN", "Animacy=Anim|Case=Nom", "Кальмеры", "Gen"),  # a person's place (s74)
    ("мэра", "NOUN", "Animacy=Anim|Case=Gen", "Кальмеры", "Gen"),
    ("мэр", "NOUN", "Animacy=Anim|Case=Nom", "Ольмбург", "Nom"),  # no ending
    ("из", "ADP", "", "Ольмбург", "Nom"), ("в", "ADP", "", "Тамбуто", "Nom"),  # no ending
    ("в", "ADP", "", "Твери", "Nom"), ("за", "ADP", "", "Ольмбурге", "Nom"),
    ("в", "ADP", "", "Москве", "Nom"),  # the dictionary knows it: the tagger's reading stands
])
def test_the_word_before_gives_an_unknown_place_its_case(before, pos, feats, word, case):
    from ruextract.doc import Token
    from ruextract.morph import Analyzer, parse_feats
    from ruextract.normal_form import case_after_preposition

    previous = Token(0, len(before), before, 0, 0, pos=pos, feats=feats)
    token = Token(len(before) + 1, len(before) + 1 + len(word), word, 0, 1, pos="PROPN",
                  feats="Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing")
    found = case_after_preposition(Analyzer(), token, previous)
    assert parse_feats(found.feats)["Case"] == case


def test_bare_surname_and_abbreviation_join_their_entities(pipeline):
    doc = analyse_text(pipeline, "Об этом сообщил министр Анатолий Гарбузов. «Рост продолжится», — "
                                 "уточнил Гарбузов. Делегация Китайской Народной Республики "
                                 "прибыла в Москву. Поставки в КНР выросли.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Гарбузов"].entity_id == by_text["Анатолий Гарбузов"].entity_id
    assert by_text["КНР"].entity_id == by_text["Китайской Народной Республики"].entity_id
    entity = doc.entities[by_text["Гарбузов"].entity_id]
    assert entity.normal == "Анатолий Гарбузов"
    assert entity.key == "PER:анатолий гарбузов"


def test_a_place_span_of_a_hyphen_alone_is_no_crash(pipeline):
    # NER's place «Средне-» (the first half of «Средне- и Западноевропейский»): a span whose
    # words the mending reads may be empty; the document is read on
    doc = analyse_text(pipeline, "Участие в работе Собора не приняли митрополит Средне- и "
                                 "Западноевропейский Кирилл и архиепископ Берлинский Феофан.")
    assert any(m.text == "Кирилл" and m.type == "PER" for m in doc.mentions)


def test_an_adjectival_surname_in_a_case_joins_the_person_named_in_full(pipeline):
    doc = analyse_text(pipeline, "Делегацию возглавил Олег Бережной. Слова Бережного "
                                 "поддержали коллеги.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Бережного"].entity_id == by_text["Олег Бережной"].entity_id


def test_an_organisations_other_name_in_brackets_joins_its_entity(pipeline):
    doc = analyse_text(pipeline, "Министры Кедровской организации стран-экспортёров (Организации "
                                 "кедровых производителей) встретились в Омске.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Организации кедровых производителей"].entity_id == \
        by_text["Кедровской организации стран-экспортёров"].entity_id


@pytest.mark.parametrize("text, surname, found", [
    ("Кедрищев подписал указ\nГубернатор Олег Кедрищев подписал указ о выставке.", "Кедрищев",
     True),
    ("Министр Павел Сосна приехал в город. Сосна осмотрел цех.", "Сосна", True),
    # an initial before it: one name with it, not a bare surname
    ("Министр Павел Сосна приехал в город. П. Сосна осмотрел цех.", "Сосна", False),
])
def test_a_surname_ner_missed_is_the_person_named_in_full(pipeline, text, surname, found):
    doc = analyse_text(pipeline, text)
    by_rule = [m for m in doc.mentions if m.source == "rule:propagate.person_surname"]
    assert [m.text for m in by_rule] == ([surname] if found else [])
    if found:
        full = next(m for m in doc.mentions if m.text != surname and m.type == "PER")
        assert by_rule[0].entity_id == full.entity_id


@pytest.mark.parametrize("before, initial", [
    ("О.", True), ("Д. ", True), ("А.О.", True),
    ("ООН. ", False), ("США. ", False),  # a sentence that ends in an acronym
])
def test_an_initial_before_a_surname(before, initial):
    text = f"Выступил {before}Кедров."
    start = text.index("Кедров")
    assert bool(INITIAL_BEFORE.search(text, max(0, start - 3), start)) == initial


def test_a_names_exclamation_mark_is_no_part_of_its_normal_form(pipeline):
    doc = analyse_text(pipeline, "Руководство Kedrhoo! проголосовало. Kedrhoo купила сервис.")
    assert {(m.text, m.normal) for m in doc.mentions if m.type == "ORG"} == {
        ("Kedrhoo!", "Kedrhoo"), ("Kedrhoo", "Kedrhoo")}
    assert len({m.entity_id for m in doc.mentions if m.type == "ORG"}) == 1


def test_a_bodys_one_word_joins_its_longer_name(pipeline):
    doc = analyse_text(pipeline, "Кедровский горсовет собрался в среду. Бюджет города "
                                 "депутаты горсовета утвердили без споров.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["горсовета"].entity_id == by_text["Кедровский горсовет"].entity_id


@pytest.mark.parametrize("text, short, long", [
    ("Кедров стал депутатом Госдумы шестого созыва. Госдума приняла закон.",
     "Госдума", "Госдумы шестого созыва"),
    ("Депутаты Мосгордумы VII созыва собрались. В Мосгордуме обсудили бюджет.",
     "Мосгордуме", "Мосгордумы VII созыва"),
])
def test_a_body_without_its_convocation_joins_its_name_with_it(pipeline, text, short, long):
    by_text = {m.text: m for m in analyse_text(pipeline, text).mentions}
    assert by_text[short].entity_id == by_text[long].entity_id


def test_resident_company_glued_to_the_zone_abbreviation(pipeline):
    doc = analyse_text(pipeline, "Делегация посетила ОЭЗ «Технополис Москва». Гости осмотрели "
                                 "производство резидента ОЭЗ «Лассард».")
    types = {m.text: m.type for m in doc.mentions}
    assert types.get("«Лассард»") == "ORG"
    assert types.get("ОЭЗ «Технополис Москва»") == "PARK"


def test_the_zones_own_name_after_resident_and_its_abbreviation_stays_the_zone(pipeline):
    doc = analyse_text(pipeline, "Делегация посетила особую экономическую зону «Кедрань». "
                                 "Фирма «Ольхотек» хочет стать резидентом ОЭЗ «Кедрань». "
                                 "Затем гости осмотрели технопарк «Сосна».")
    types = {m.text: m.type for m in doc.mentions}
    assert types.get("ОЭЗ «Кедрань»") == "PARK"
    assert "«Кедрань»" not in types


@pytest.mark.parametrize("text, quoted", [
    ("Гости посетили индустриальный парк «Кедровый утёс». Завод стал первым резидентом "
     "«Кедрового утёса».", "«Кедрового утёса»"),
    ("Делегация осмотрела ТОР «Ольховые ворота». Резиденты «Ольховых ворот» получают льготы.",
     "«Ольховых ворот»"),
])
def test_a_parks_name_in_another_case_after_resident_is_the_park(pipeline, text, quoted):
    doc = analyse_text(pipeline, text)
    assert {m.text: m.type for m in doc.mentions}.get(quoted) != "ORG"


def test_a_quoted_name_after_a_zones_word_is_the_zone_not_a_company(pipeline):
    doc = analyse_text(pipeline, "Гости посетили зону развития «Кедрань». Они осмотрели "
                                 "предприятия резидентов зоны «Кедрань».")
    assert {m.text: m.type for m in doc.mentions}.get("«Кедрань»") == "PARK"


def test_an_events_descriptor_before_its_quoted_name_is_the_same_event(pipeline):
    doc = analyse_text(pipeline, "Гости приняли участие в Форуме приграничного сотрудничества "
                                 "«Кедр-2025» в Ольховске.")
    events = [m for m in doc.mentions if m.type == "EVENT"]
    assert [m.text for m in events] == ["Форуме приграничного сотрудничества", "«Кедр-2025»"]
    assert len({m.entity_id for m in events}) == 1


def test_latin_names_in_brackets_are_aliases(pipeline):
    doc = analyse_text(pipeline, "Делегация побывала в индустриальном парке «Бэйкэчуан» "
                                 "(Beike Chuan, North Tech Innovation) в районе Хункоу.")
    by_text = {m.text: m for m in doc.mentions}
    park = by_text["индустриальном парке «Бэйкэчуан»"]
    for alias in ("Beike Chuan", "North Tech Innovation"):
        assert by_text[alias].type == "PARK"
        assert by_text[alias].entity_id == park.entity_id
    assert len({m.entity_id for m in doc.mentions}) == len(doc.entities)


def test_a_short_name_in_brackets_after_its_legal_form_is_the_same_company(pipeline):
    doc = analyse_text(pipeline, "Гости посетили акционерное общество «Кедровский завод "
                                 "полимеров» (АО «Кедрополимер»).")
    companies = {m.entity_id for m in doc.mentions if m.type == "ORG"}
    assert len(companies) == 1, [(m.text, m.entity_id) for m in doc.mentions]


@pytest.mark.parametrize("text, one", [
    ("Концерн «Хуаюй Пауэр» построит завод. «Хуаюй» выбрал Казахстан.", True),
    # not a word of the language («Газпром» and «Газпром нефть» are two companies)
    ("Компания «Кедрпром Нефть» построит завод. «Кедрпром» выбрал Казахстан.", False),
])
def test_a_chinese_company_name_of_one_word_is_the_longer_name_it_opens(pipeline, text, one):
    doc = analyse_text(pipeline, text)
    companies = {m.entity_id for m in doc.mentions if m.type == "ORG"}
    assert (len(companies) == 1) is one, [(m.text, m.entity_id) for m in doc.mentions]


@pytest.mark.parametrize("text, one", [
    # a company's first word after its name closed by company words or a legal form (s50)
    ("Компания Kedrwerk Maschinenbau GmbH откроет завод. Kedrwerk уже работает в Турции.", True),
    ("В Казани работает «Ольхайдын Композит». Ольхайдын выпускает панели.", True),
    # … or by foreign words after a foreign first word, past a province's name before it (s63)
    ("Компания Kedrotti Componenti S.p.A. откроет завод. Kedrotti выпускает узлы.", True),
    ("Компания «Кедротти Компоненти» откроет завод. «Кедротти» выпускает узлы.", True),
    ("Компания Jiangsu Kedrda Machinery Co., Ltd. станет резидентом. Kedrda выпускает станки.",
     True),
    # not before other words («Кедрпром нефть» is no «Кедрпром»)
    ("Компания «Кедрпром Нефть» построит завод. «Кедрпром» выбрал Казахстан.", False),
])
def test_a_company_short_name_is_its_name_closed_by_company_words(pipeline, text, one):
    doc = analyse_text(pipeline, text)
    companies = {m.entity_id for m in doc.mentions if m.type == "ORG"}
    assert (len(companies) == 1) is one, [(m.text, m.type, m.entity_id) for m in doc.mentions]


def test_a_body_with_its_place_left_out_is_the_longer_name_it_opens(pipeline):
    # «Народного комитета провинции» after «… провинции Кедрлонг»: the one body (s73)
    doc = analyse_text(pipeline, "Гостей принял Народный комитет провинции Кедрлонг. "
                                 "Председатель Народного комитета провинции Ле Ван Ольх "
                                 "провёл встречу.")
    bodies = {m.entity_id for m in doc.mentions if m.type == "ORG"}
    assert len(bodies) == 1, [(m.text, m.type, m.entity_id) for m in doc.mentions]


def test_turkish_letters_hold_a_latin_company_name(pipeline):
    doc = analyse_text(pipeline, "Турецкая компания Yıldız Kedr A.Ş. откроет завод.")
    assert [m.text for m in doc.mentions if m.type == "ORG"] == ["Yıldız Kedr A.Ş."]


@pytest.mark.parametrize("text, name, abbreviation, one", [
    # the name's initials or not, Cyrillic (a mention or not yet) or Latin
    ("Проверку вёл Федеральный комитет по кедрам (ФКК) Перу.",
     "Федеральный комитет по кедрам", "ФКК", True),
    ("В Ольховске работает Московский институт кедра и сосны (МИКиС).",
     "Московский институт кедра и сосны", "МИКиС", True),
    ("Заявление сделал Всемирный кедровый совет (WCC). Позже WCC его отозвал.",
     "Всемирный кедровый совет", "WCC", True),
    # a one-word name's brackets may hold its forerunner; a body's, its member's party
    ("Проверку вёл Кедрбанк (ГКБ) в Ольховске.", "Кедрбанк", "ГКБ", False),
    ("Выступил депутат Законодательного собрания Кедровской области (КПРФ) Иван Ольхин.",
     "Законодательного собрания Кедровской области", "КПРФ", False),
    # a word made of the name's word stems, alone in brackets after a body's descriptive name
    ("Пресс-секретарь Федеральной службы по надзору в сфере кедровой отрасли "
     "(Кедрнадзора) Иван Ольхин сообщил о проверке.",
     "Федеральной службы по надзору в сфере кедровой отрасли", "Кедрнадзора", True),
    ("Глава Министерства лесной промышленности (Минлеспрома) Иван Ольхин посетил завод.",
     "Министерства лесной промышленности", "Минлеспрома", True),
    ("Пресс-секретарь Федеральной службы по надзору в сфере связи, информационных технологий "
     "и массовых коммуникаций (Роскомнадзора) Иван Ольхин сообщил о штрафе.",
     "Федеральной службы по надзору в сфере связи, информационных технологий и массовых "
     "коммуникаций", "Роскомнадзора", True),
    # the capitals of a name of words written together (s44)
    ("Завод открыло ООО «ВолгаКедрСинтез» (ВКС). ВКС договорилась о поставках.",
     "«ВолгаКедрСинтез»", "ВКС", True),
    # a quoted name's initials count from its first word after the quote (s74)
    ("Гости посетили АО «Кедровский завод электроприводов» (КЗЭП). На КЗЭП показали цеха.",
     "«Кедровский завод электроприводов»", "КЗЭП", True),
    # a place in brackets after a body is where it is, no other name
    ("Проверку провело Управление лесного хозяйства Кедровской области (Кедровск).",
     "Управление лесного хозяйства Кедровской области", "Кедровск", False),
])
def test_an_abbreviation_in_brackets_after_a_name_is_that_thing(pipeline, text, name,
                                                                 abbreviation, one):
    doc = analyse_text(pipeline, text)
    by_text = {m.text: m for m in doc.mentions}
    assert (name in by_text and abbreviation in by_text
            and by_text[name].entity_id == by_text[abbreviation].entity_id) is one


def test_a_bracketed_ministry_abbreviation_with_a_genitive_tail_stays_as_written(pipeline):
    doc = analyse_text(pipeline, "Представители Министерства лесного развития и кедровых "
                                 "ресурсов (Минкедры) посетили завод.")
    assert {m.normal for m in doc.mentions if m.text == "Минкедры"} <= {"Минкедры"}


def test_a_bracketed_stem_abbreviation_is_named_in_the_nominative_and_joins_its_repeats(
        pipeline):
    doc = analyse_text(pipeline, "Пресс-секретарь Федеральной службы по надзору в сфере "
                                 "кедровой отрасли (Кедрнадзора) сообщил о проверке. В "
                                 "Кедрнадзоре уточнили детали.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Кедрнадзора"].normal == "Кедрнадзор"
    assert by_text["Кедрнадзоре"].entity_id == by_text["Кедрнадзора"].entity_id


LATIN_AFTER_HEAD = [
    # phrase | its head | the mention
    ("агентства Kedrpress", "агентства", "Kedrpress"),
    ("Корпорация Olkha Soft", "Корпорация", "Olkha Soft"),
    ("рейтингового агентства Kedr & Sons", "агентства", "Kedr & Sons"),
    ("Комиссия ЕС", "Комиссия", "Комиссия ЕС"),  # a body of the union: a genitive
    ("банка Kedrbank Ольховии", "банка", "банка Kedrbank Ольховии"),
    ("Института Kedr", "Института", "Kedr"),
]


@pytest.mark.parametrize("phrase, head, mention", LATIN_AFTER_HEAD)
def test_a_generic_head_before_a_latin_name_is_no_part_of_it(phrase, head, mention):
    from ruextract.doc import Token
    from ruextract.entities import _latin_name_after_head

    tokens, at = [], 0
    for i, word in enumerate(phrase.split()):
        at = phrase.index(word, at)
        tokens.append(Token(at, at + len(word), word, 0, i))
        at += len(word)
    kept = _latin_name_after_head(tokens, next(t for t in tokens if t.text == head))
    assert phrase[kept[0].start:kept[-1].end] == mention


def test_a_post_is_not_an_organisation(pipeline):
    doc = analyse_text(pipeline, "Об этом рассказал заместитель Мэра наукограда Иван Петров.")
    assert not [m for m in doc.mentions if m.type == "ORG" and m.text.startswith("Мэра")]


def test_a_parks_quoted_name_alone_is_the_park(pipeline):
    doc = analyse_text(pipeline, "Делегация посетила технопарк «Сибирский контур». "
                                 "Резиденты «Сибирского контура» показали производство. "
                                 "В «Сибирский контур» входят 40 компаний.")
    types = {m.text: m.type for m in doc.mentions}
    assert types.get("«Сибирский контур»") == "PARK", types


def test_a_legal_form_before_a_name_is_kept_with_the_mention(pipeline):
    doc = analyse_text(pipeline, "Гендиректор АО «Ольшанка» Иван Петров встретил гостей.")
    found = [m for m in doc.mentions if m.text == "«Ольшанка»"]
    assert found and found[0].legal_form == "АО"


def test_a_place_with_a_soft_sign_misplaced_takes_its_name(pipeline):
    doc = analyse_text(pipeline, "Губернатор Ярославськой области встретил гостей.")
    assert [m.normal for m in doc.mentions if m.type == "LOC"] == ["Ярославская область"]


def test_a_regions_head_word_after_a_bodys_name_is_kept_with_the_mention(pipeline):
    doc = analyse_text(pipeline, "Гостей принял министр Минсельхоза республики Иван Петров.")
    found = [m for m in doc.mentions if m.text == "Минсельхоза"]
    assert found and found[0].region_word == "республики"


def test_a_quoted_name_with_a_number_is_another_thing(pipeline):
    doc = analyse_text(pipeline, "Делегация посетила технопарк «Озёрная долина». "
                                 "Гостям показали стройку «Озёрной долины-2».")
    first, second = (next(m for m in doc.mentions if m.text.startswith(start))
                     for start in ("технопарк", "«Озёрной долины-2»"))
    assert "2" in second.normal and first.entity_id != second.entity_id


# A town and the park or company of its name: two things, each of its own type.
TOWN_AND_NAMESAKE = [
    "Делегация посетила [ОЭЗ «Каменка»](PARK) и город [Каменка](LOC).",
    "Делегация посетила [ОЭЗ «Каменка»](PARK) и г. [Каменка](LOC).",
    "Гости побывали в [индустриальном парке «Ольховка»](PARK), затем совершили экскурсию по "
    "городу [Ольховка](LOC).",
    "Губернатор приехал в [Ольховку](LOC), где работает [индустриальный парк «Ольховка»](PARK).",
    "Делегация посетила [технопарк «Сосновка»](PARK) в селе [Сосновка](LOC).",
    "Генеральный директор АО [«Берёзовка»](ORG) рассказал о [технопарке «Берёзовка»](PARK).",
    # a shipyard is a company, whatever zone shares its name
    "Резидент [ОЭЗ «Осока»](PARK) строит суда на верфи [«Осока»](ORG).",
    # a city the gazetteer knows, as a sentence's subject (NER: ORG), beside its zone
    "[Гомель](LOC) посетила делегация из Китая, гостям представили проекты "
    "[свободной экономической зоны «Гомель»](PARK).",
]


@pytest.mark.parametrize("case", TOWN_AND_NAMESAKE)
def test_a_town_and_its_namesake_are_two_entities(pipeline, case):
    text, expected = parse_case(case)
    doc = analyse_text(pipeline, text)
    by_span = {(m.start, m.end): m for m in doc.mentions}
    found = [by_span.get((start, end)) for start, end, _ in expected]
    assert all(found), [(m.text, m.type) for m in doc.mentions]
    assert [m.type for m in found] == [entity_type for _, _, entity_type in expected]
    assert found[0].entity_id != found[1].entity_id


def test_unbalanced_quote_is_never_inside_a_mention(pipeline):
    doc = analyse_text(pipeline, "Гендиректор ОЭЗ «Технополис Москва Геннадий Дегтев отметил рост.")
    for mention in doc.mentions:
        assert mention.text.count("«") == mention.text.count("»"), mention.text


@pytest.mark.parametrize("words, other, same", [
    (["Фудзиты", "Марико"], ["Фудзита", "Марико"], True),
    (["ТАССа"], ["ТАСС"], True),
    (["Яна"], ["Ян"], True),
    # a short name's first two letters are no stem: «ЛУЧ» is not «Лупа» in a case
    (["ЛУЧ"], ["Лупа"], False),
    (["тасс"], ["талина"], False),
    # a number is part of the name: the second phase is another site
    (["Речная", "гавань-2"], ["Речной", "гавани"], False),
    (["Орбита-2"], ["Орбита-3"], False),
    # past the common start only an ending's letters differ: two rivers, two countries of
    # one stem are two names; a vowel that drops in a case («Ладел» ~ «Ладла») is an ending
    (["Кедрнепр"], ["Кедрнестр"], False),
    (["Олрак"], ["Олран"], False),
    (["Ольхия"], ["Ольхалия"], False),
    (["Ладел"], ["Ладла"], True),
    (["Ольховском"], ["Ольховская"], True),
    (["Кедровью"], ["Кедровь"], True),
    (["Ольховского"], ["Ольховский"], True),
    # … up to a doubled letter or a place's adjective suffix; a town is no country of its stem
    (["Кари"], ["Карри"], True),
    (["Кедрания"], ["Кедранских"], True),
    (["Кедрин"], ["Кедрия"], False),
])
def test_same_name_up_to_a_case_ending(words, other, same):
    from ruextract.coreference import same_name

    assert same_name(words, other) is same


@pytest.mark.parametrize("word, pos, region", [
    ("Орловщину", "PROPN", True), ("Прикамье", "PROPN", True), ("Китая", "PROPN", True),
    ("Тамбове", "PROPN", False),  # a city: many are surnames, NER decides
    ("КНР", "PROPN", False),  # an abbreviation
    ("Центральной", "ADJ", False),  # «Центральной Азии»: an adjective
])
def test_a_word_the_gazetteer_names_as_a_region(word, pos, region):
    from ruextract.doc import Token
    from ruextract.entities import _a_region

    assert _a_region(Token(0, len(word), word, 0, 0, pos=pos)) is region


def grouped(*mentions: tuple[str, str]):
    """A document of the mentions (type, name), one every 30 characters, grouped into
    entities."""
    from ruextract.coreference import group_entities
    from ruextract.doc import Doc, Mention

    doc = Doc("d", None, "", None)
    doc.mentions = [Mention(30 * i, 30 * i + len(name), kind, name, name, "ner")
                    for i, (kind, name) in enumerate(mentions)]
    group_entities(doc)
    return doc


@pytest.mark.parametrize("text, name", [
    ("David Ebersman", True), ("Сами аль-Кедри", True), ("Мегат Ольхан бин Абдул Кедр", True),
    ("Ken Ladov Jr.", True), ("Сомова", True),
    ("РПЦ МП", False), ("2016", False), ("род. 1950", False), ("сказал он", False),
    ("Кедров и сказал", False),
])
def test_a_piece_of_a_persons_span_that_reads_as_a_name(text, name):
    from ruextract.entities import _reads_as_a_name

    assert _reads_as_a_name(text) is name


def test_a_persons_name_in_brackets_joins_the_person(pipeline):
    doc = analyse_text(pipeline, "Директором назначен Игорь Ладов (Igor Ladov). Бывший директор "
                                 "Олег Кедров (Кедрин) ушёл.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Igor Ladov"].entity_id == by_text["Игорь Ладов"].entity_id
    assert by_text["Кедрин"].entity_id == by_text["Олег Кедров"].entity_id
    assert by_text["Игорь Ладов"].entity_id != by_text["Олег Кедров"].entity_id


def test_an_abbreviation_is_no_persons_initials():
    """«РО» joins the place «Республика Ольхостан», never a person's title «Раис Ольхостана»
    whose initials it shares."""
    doc = grouped(("PER", "Раис Ольхостана"), ("LOC", "РО"))
    assert doc.mentions[0].entity_id != doc.mentions[1].entity_id


@pytest.mark.parametrize("names, joined", [
    # first name and patronymic: the full-named person of that first name named last before
    (["Олег Кедров", "Олег Ольхов", "Олег Петрович"], 1),
    (["Олег Кедров", "Олег Петрович"], 0),
    # a written patronymic must agree
    (["Олег Иванович Кедров", "Олег Петрович"], None),
    # nobody of that first name: a person of its own
    (["Ирина Кедрова", "Олег Петрович"], None),
    # the full name after it, or written surname first
    (["Олег Петрович", "Ирина Кедрова", "Олег Петрович Кедров"], 2),
    (["Кедров Олег Петрович", "Олег Петрович"], 0),
])
def test_a_person_addressed_by_first_name_and_patronymic(names, joined):
    doc = grouped(*(("PER", name) for name in names))
    addressed = next(m for m in doc.mentions if m.normal.split()[1:] == ["Петрович"])
    joined_to = {i for i, m in enumerate(doc.mentions)
                 if m is not addressed and m.entity_id == addressed.entity_id}
    assert joined_to == ({joined} if joined is not None else set())


def test_a_surname_shaped_like_a_patronymic_is_no_address():
    """«Юрий Питкевич» is another Юрий, not «Юрий Кедров» addressed by patronymic."""
    doc = grouped(("PER", "Юрий Кедров"), ("PER", "Юрий Питкевич"))
    assert doc.mentions[0].entity_id != doc.mentions[1].entity_id


@pytest.mark.parametrize("text, normal", [
    ("Хэфэя", "Хэфэй"),  # the gazetteer's one-word name of the same stem
    ("Приамурья", "Приамурья"),  # its place («Амурская область») is no form of it
])
def test_a_place_the_dictionary_cannot_decline_takes_the_gazetteer_name(text, normal):
    from ruextract.coreference import _gazetteer_nominatives
    from ruextract.doc import Doc, Mention

    doc = Doc("d", None, "", None)
    doc.mentions = [Mention(0, len(text), "LOC", text, text, "ner")]
    _gazetteer_nominatives(doc)
    assert doc.mentions[0].normal == normal


MONTHS = frozenset({"январь", "май", "март", "август", "сентябрь", "декабрь"})
DATELINE_WORDS = frozenset(load_rules().words("dateline_lower_words"))


@pytest.mark.parametrize("word, month", [
    ("мая", True), ("марта", True), ("сентябре", True), ("авг", True), ("сент", True),
    ("май", True), ("компаний", False), ("встреч", False), ("мак", False), ("ма", False),
])
def test_a_dates_word_is_a_month(word, month):
    from ruextract.entities import _is_month
    assert _is_month(word, MONTHS) is month


@pytest.mark.parametrize("line, credited", [
    ("КЕДРОВСК, 3 мая. /Ольхинформ/. Текст.", True),
    ("ПОСЕЛОК КЕДР /Ольхия/, 23 декабря. /Ольхинформ/. Текст.", True),
    ("14 декабря, Кедровск /Корр. Ольхинформ/. Текст.", True),
    ("14 января /Ольхинформ/. Текст.", True),
    ("Кедровск /Корр. Ольхинформ/. Текст.", True),
    ("КЕДРОВСК, 28 авг — Ольхинформ. Текст.", True),
    ("С.-КЕДРОВСК, 28 авг — Ольхинформ. Текст.", True),
    ("Кедровск. 18 сентября. Ольхинформ - текст.", True),
    # a list's date, a count, slashes in running text: no dateline
    ("Расписание: 12 мая — Ольхинформ, 14 мая — Кедр.", False),
    ("В рейтинг вошли 10 компаний — Ольхинформ, Кедр.", False),
    ("КЕДРОВСК, 10 компаний — Ольхинформ, Кедр.", False),
    ("Холдинг объединил банки /Ольхинформ/ и страховщиков.", False),
    ("Сделка ПАО Кедр/Ольхинформ/АО Сосна одобрена.", False),
])
def test_an_agency_credited_in_a_dateline(line, credited):
    from ruextract.entities import _credit_in_dateline
    assert _credit_in_dateline(line, _agency_in(line), MONTHS) is credited


def _agency_in(line: str):  # -> Mention
    """The invented agency «Ольхинформ» of ``line`` as an organisation's mention."""
    from ruextract.doc import Mention
    start = line.index("Ольхинформ")
    return Mention(start, start + len("Ольхинформ"), "ORG", "Ольхинформ", "Ольхинформ", "")


@pytest.mark.parametrize("line, credited", [
    ("НОВОСИБИРСК, 15 мая, Ольхинформ. Текст.", True),
    ("(Кедровск, 4 марта, Ольхинформ, Елена Сосновая). Текст.", True),
    ("Кедровская область, 13 сентября, 2004, 18:53 — ИА Ольхинформ. Текст.", True),
    ("Ольхинформ - 23 авг. Текст.", True),
    ("ГОНКОНГ, 13 декабря. /Корр. Ольхинформ Роман Кедров, Зоя Сосновая/. Текст.", True),
    ("17 мая 2024 18:19 ГТРК Ольхинформ", True),
    ("Гости посетили завод.Ольхинформ", True),
    # a dateline's lower-case words (a year's «г.», a region's head word, «корр.») are its
    # own; another lower-case word is the article's
    ("Ольховск, 15 мая 2024 г., Ольхинформ. Текст.", True),
    ("Кедровский край, 15 мая, корр. Ольхинформ. Текст.", True),
    ("Ольховск, 15 мая, портал Ольхинформ. Текст.", False),
    ("Кедровский край, 15 мая, наш Ольхинформ. Текст.", False),
    # no date: a town's bracketed aside; a sentence's words around it, a label before a list,
    # a sentence after the stop
    ("КЕДРОВСК (Ольхинформ) — текст.", False),
    ("12 мая Ольхинформ сообщил о новых мерах.", False),
    ("Расписание: 12 мая — Ольхинформ, 14 мая — Кедр.", False),
    ("В рейтинг вошли 10 компаний — Ольхинформ, Кедр.", False),
    ("Гости посетили завод.Ольхинформ показал им цеха.", False),
    # the article after a dateline's slashed credit; a title above a dated line
    ("Кедровск, 3 мая /Сосна/ — Компании Ольхинформ /ОИ/ и «Кедр» подписали меморандум.", False),
    ("Делегация Ольхинформ\n12 мая гости прибыли в Кедровск.", False),
])
def test_an_outlet_credited_around_the_text(line, credited):
    from ruextract.entities import _page_furniture
    assert _page_furniture(line, _agency_in(line), MONTHS, DATELINE_WORDS) is credited


@pytest.mark.parametrize("span, name", [
    ("Уго|Уго Ведрова", "Уго Ведрова"),  # a wiki link's target before «|»
    ("56-летний С.Кедров", "С.Кедров"),  # an age before or after the name
    ("Иван Кедров 56-летний", "Иван Кедров"),
    ("ГРУ 66-летний", "ГРУ"),
    ("Иван Кедров-Ольхин", "Иван Кедров-Ольхин"),  # a double surname is all the name
])
def test_the_name_alone_in_a_span(span, name):
    from ruextract.entities import _name_alone

    start, end = _name_alone(span, 0, len(span))
    assert span[start:end] == name


@pytest.mark.parametrize("span, name, cut_unclosed", [
    ("Кедровия (Kedrovia)", "Кедровия", True),  # a Latin alias
    ("Ольховская область (Кедров", "Ольховская область", True),  # opened, never closed
    ("Ольховская область)", "Ольховская область", True),
    ("Агентства по ольхам (Росольха", "Агентства по ольхам (Росольха", False),  # a short name
    ("Kedr Group (Olkhovo)", "Kedr Group (Olkhovo)", False),  # no Cyrillic name before it
])
def test_a_places_or_organisations_brackets(span, name, cut_unclosed):
    from ruextract.entities import _brackets_closed

    start, end = _brackets_closed(span, 0, len(span), cut_unclosed)
    assert span[start:end] == name


@pytest.mark.parametrize("span, names", [
    # a person's span cut at its brackets, commas, semicolons: the pipes are the pieces kept
    ("Иван Кедров (Ivan Kedrov)", "Иван Кедров|Ivan Kedrov"),  # a Latin alias
    ("Ольга Кедрова (Ольхина)", "Ольга Кедрова|Ольхина"),  # a maiden name
    ("Иван Кедров (Ольхин", "Иван Кедров|Ольхин"),  # a bracket opened, never closed
    ("Иван Кедров)", "Иван Кедров"),  # … closed, never opened
    ("Кедров, Ольхин", "Кедров|Ольхин"),
    ("Иван Кедров (справа)", "Иван Кедров"),  # no name in the brackets
    ("Иван Кедров (1950–2020)", "Иван Кедров"),
    ("Арсен (Арсений) Кедров", "Арсен (Арсений) Кедров"),  # an aside inside the name
])
def test_a_persons_span_in_pieces(span, names):
    from ruextract.entities import _person_pieces

    assert "|".join(span[s:e] for s, e in _person_pieces(span, 0, len(span))) == names


# pieces of one name that NER read apart (as in a headline run into a caption): a surname
# after a first name and patronymic joins them; two first names, two surnames, a first name
# after a full one and a surname in another case stay apart
@pytest.mark.parametrize("left, right, joined", [
    ("Зоя Антоновна", "Сомова", True),
    ("Марине Петровне", "Ладовой", True),
    ("Кедрова", "Анна", True),
    ("Зоя Антоновна", "Инна", False),
    ("Зоя Антоновна", "Кирилловна", False),
    ("Кедрова", "Ладова", False),
    ("Марине Петровне", "Сидоров", False),
    # a first name in an oblique case read apart from the surname after it; an
    # instrumental pair of unknown words; not a second person's full name after it
    ("Фёдора", "Кедренко", True),
    ("Акылбеком", "Токтоматом Ольхобаем", True),
    ("Марины", "Ольга Кедрова", False),
    ("Ивана", "Петра Кедрова", False),
    ("Анна", "Кедренко", False),
    ("Джоли", "Мэддокс", False),
    ("Радия", "Ольхабирова", True),
    ("Прасковьи", "Дмитриевны Кедровой", True),
])
def test_pieces_of_one_name(entity_extractor, left, right, joined):
    assert entity_extractor._one_name_in_pieces(left, right) is joined


# a person's name in the genitive after a street's or a site's noun names the person the
# site is named after (no place); a place, a street's own name, a common noun's genitive, a
# lane's agreeing adjective and a foreign word the dictionary only guesses are none
@pytest.mark.parametrize("text, name, named_after", [
    ("Авария произошла вчера на улице Кедрова в Омске.", "Кедрова", True),
    ("Его задержали в аэропорту Джона Ведрова в Лиссабоне.", "Джона Ведрова", True),
    ("Школа находится на ул. Ведрова, дом 5.", "Ведрова", True),
    ("Он скончался в больнице Святой Анны в Праге.", "Святой Анны", True),
    ("Туристы гуляли по улицам Омска и Томска.", "Омска", False),
    ("Демонстранты собрались на площади Тахрир.", "Тахрир", False),
    ("Пикет прошёл у больницы Покрова в Томске.", "Покрова", False),
    ("Шествие прошло по улице Кедровой Рощи.", "Кедровой Рощи", False),
    ("В начале переулка Сосновского стоит киоск.", "Сосновского", False),
    ("Взрыв произошёл на улице Кедриньи в Париже.", "Кедриньи", False),
    ("Гостей встретил глава Кедрова Иван Ольхин.", "Кедрова", False),
])
def test_person_a_site_is_named_after(pipeline, entity_extractor, text, name, named_after):
    doc = analyse_text(pipeline, text)
    start = text.index(name)
    tokens = doc.tokens_in(start, start + len(name))
    assert entity_extractor._person_a_site_is_named_after(doc, tokens) is named_after


@pytest.mark.parametrize("text, name, kind", [
    # the quoted name before a singular verb with no subject of its own is the subject
    ("На полях ярмарки «Ольхокомпозит» подписал контракт с компанией «Кедр».",
     "«Ольхокомпозит»", "ORG"),
    # … not where nobody in particular acts, nor where the event noun is the subject
    ("На выставке «Ольхапром» подписали соглашение.", "«Ольхапром»", "EVENT"),
    # a year at the end of a quoted event name is part of the whole name
    ("Открылась выставка «Кедр Тех Экспо-2025».", "«Кедр Тех Экспо-2025»", "EVENT"),
])
def test_quoted_names_after_event_nouns(pipeline, text, name, kind):
    mentions = {(m.text, m.type) for m in analyse_text(pipeline, text).mentions}
    assert (name, kind) in mentions


def test_a_descriptive_name_and_its_quoted_name_are_one_organisation(pipeline):
    text = "В Твери побывала делегация Кедровского технологического университета «Ольха»."
    mentions = {(m.text, m.type) for m in analyse_text(pipeline, text).mentions}
    assert ("Кедровского технологического университета «Ольха»", "ORG") in mentions


@pytest.mark.parametrize("text", [
    "Делегацию Абхазии принял Глава Республики Ахмат Кедров.",
    "Гостей приветствовал Губернатор Области Иван Ольхов.",
])
def test_a_kind_of_place_alone_is_no_place(pipeline, text):
    """«Глава Республики X»: the capitalised word for a kind of place names no place (s50)."""
    doc = analyse_text(pipeline, text)
    assert not any(m.text in ("Республики", "Области") for m in doc.mentions), \
        [(m.text, m.type) for m in doc.mentions]


def test_a_sentence_opening_preposition_read_into_a_name_leaves_the_place(pipeline):
    """«В Оршу снова приехали …» after a headline: NER reads «В Оршу» as a person's name; the
    preposition is none of it, and no one is «в» a person: the place."""
    text = ("Поездки узбекских медиков в Оршу становятся традицией\n\n"
            "В Оршу снова приехали врачи из Каттакурганского района Самаркандской области.")
    doc = analyse_text(pipeline, text)
    assert [(m.text, m.type) for m in doc.mentions if "Оршу" in m.text] == [
        ("Оршу", "LOC"), ("Оршу", "LOC")]


def test_a_bare_quoted_name_takes_the_type_its_type_word_gives_elsewhere(pipeline):
    """«Гости посетили «Ольха-Технополис»» (a rule reads a visited company) beside «ОЭЗ
    «Ольха-Технополис»» in the same article: the zone, whatever guessed the bare name."""
    text = ("Турецкие промышленники посетили «Ольха-Технополис»\n\n"
            "Делегация из Стамбула посетила ОЭЗ «Ольха-Технополис» в Татарстане.")
    doc = analyse_text(pipeline, text)
    assert {m.type for m in doc.mentions if "Ольха-Технополис" in m.text} == {"PARK"}
