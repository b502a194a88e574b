"""Normaliser: one case a line — raw text in, clean text out, offsets back to the raw text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruextract.doc import RawDoc
from ruextract.morph import Lexicon
from ruextract.normalise import OffsetMap, clean_line, normalise
from ruextract.rules import load_rules
from ruextract.stages import Normaliser, detect_language

RULES = load_rules().boilerplate


@pytest.fixture(scope="module")
def is_word():
    return Lexicon().is_word


@pytest.mark.parametrize("raw, clean", [
    ("двойной  пробел", "двойной пробел"),
    ("неразрывный\u00a0пробел", "неразрывный пробел"),
    ("нулевой\u200bширины", "нулевойширины"),
    ("научно\u2011технических", "научно-технических"),
    ("2015 – 2024", "2015 — 2024"),
    ("пресс–центр", "пресс-центр"),  # an en dash inside a word joins it
    ("пресс–центр ёлки", "пресс-центр ёлки"),  # the same, character by character
    ("Азия– Европа", "Азия— Европа"),
    ("ОЭЗ „Технополис Москва“", "ОЭЗ «Технополис Москва»"),
    ('компания "Ромашка" и "Лютик"', "компания «Ромашка» и «Лютик»"),
    ("посещение ОЭЗ »Ольхово« и зоны »Дубки«.", "посещение ОЭЗ «Ольхово» и зоны «Дубки»."),
    ("«ОЭЗ »Ольхово«» открыта", "«ОЭЗ «Ольхово»» открыта"),  # a reversed pair inside quotes
    ("слово»Ольхово« слово", "слово»Ольхово« слово"),  # not a pair: left as it is
    ("«Альфа» и «Бета», «Гамма»", "«Альфа» и «Бета», «Гамма»"),
    ("«Ольхово» и «Дубки»", "«Ольхово» и «Дубки»"),  # guillemets the right way stay
    ("е\u0308лка", "ёлка"),
    ("  края  ", "края"),
])
def test_clean_line(raw, clean):
    assert clean_line(raw, 0)[0] == clean


@pytest.mark.parametrize("line", [
    "1_кр стол_БИ_1613.JPG",
    "Технопарк «Кедр» в Ольховске Фото из открытых источников",  # a caption and its credit
    "Гости осматривают цех - 1Фото: ОЛЬХ",
    "7_стройка_111844.jpg",
    ":format(webp)/YXJ0aWNsZXMvaW1hZ2UvMjAyNS81LzIwMjUtMDUtMTMta2l0YWpza2FqYS.webp)",
    "logo",
    "Общество",
    "- Источник(и):",
    "- Войдите на сайт для отправки комментариев",
    "Наш телеграм-канал @example (16+)",
    "© Ассоциация Пример 2015—2024",
    "Подготовлено с использованием материалов И.Иванова",
    "Источник: пресс-служба Примерного ведомства",
    "Источник: Telegram-канал «Вести. Пример»",
    "Автор: Пётр Сидоров",
    "Ольга СИДОРОВА",
    "О. СИДОРОВА",
    "Фото Ольги Сидоровой.",
    "Больше новостей на example.ru",
    "Смотрите новую передачу в среду в 21:00 на телеканале Пример или на сайте example.tv",
    "Агентство «Пример» Время загрузки страницы 0.101 сек. |",
    "3 МАЙ, 10:45",
    "14 октября 2023, 09:05",
    "Газета «Утренний пример»",
    "Теги: выставка, станки, Азия",
    "Лента новостей",
    "Подписывайтесь на Ольхньюс в Дзен",
    "Добавляйте Кедр-ТВ в свои источники Пример.Новости.",
    "Сохрани номер EXAMPLE.RU - сообщи новость первым!",
    "Главная страница > Лента новостей",
    "Материалы Примера не отражают позицию редакции Примера",
    "Читать на сайте Olkha-news.net",
    "Реклама",
    "Top.Mail.Ru",
    "Читайте также: Делегация Кедровской области посетила технопарк «Ольха»",
])
def test_boilerplate_lines_are_dropped(line):
    result = normalise(f"Заголовок новости\n{line}\nДелегация посетила технопарк.", RULES)
    assert line not in result.text
    assert "Делегация посетила технопарк." in result.text


def test_article_lines_are_kept():
    text = "Фото предоставлено участниками, сообщила пресс-служба."
    assert normalise(text, RULES).text == text


@pytest.mark.parametrize("line", [
    "Источник в министерстве сообщил, что делегация прибудет в среду.",
    "Автор проекта Ольга Сидорова показала гостям новый цех.",
    "Смотрите, как работает новый станок: гостям показали всю линию.",
    "Читайте также рассказ директора: делегация осмотрела цех.",
    "Газета «Утренний пример» писала об этом заводе ещё в прошлом году.",
    "3 мая делегация посетила технопарк и провела встречу в 10:45.",
    "Ольга Сидорова",
    "Он сказал, что фото из архива важны для музея",
    "Гости подписали соглашение на развитие связей в Дзержинске.",
    "Главная задача визита — обсудить поставки станков.",
    "Реклама продукции завода прошла на выставке.",
    "Уважаемые посетители выставки смогут ознакомиться с проектом технопарка.",
])
def test_article_lines_like_credits_are_kept(line):
    raw = f"Заголовок новости\nДелегация посетила технопарк.\n{line}"
    assert line in normalise(raw, RULES).text


def test_a_list_of_mentions_under_its_heading_is_dropped():
    raw = ("Заголовок новости\nДелегация посетила технопарк.\nПерсоны в материале\n"
           "Сидоров Пётр Иванович\nУпоминания в материале\nАдминистрация Примерного района\n"
           "Компания «Пример»\nГости осмотрели цеха завода.")
    result = normalise(raw, RULES)
    assert result.text == ("Заголовок новости\nДелегация посетила технопарк.\n"
                           "Гости осмотрели цеха завода.")
    assert _raw_of(result, raw, "Гости") == "Гости"


def test_hard_wrapped_lines_are_joined_into_their_paragraph():
    # an old page or a PDF copy wraps its text at a fixed width: a name runs over a line end
    raw = ("Консул в области\n\nВ областной\nцентр приехал генеральный\nконсул Кедрии Иван\n"
           "Ольхов. Вчера консул провел встречи\nс губернатором области Петром\nСомовым.\n\n"
           "Второй абзац.")
    result = normalise(raw, RULES)
    assert result.text == ("Консул в области\nВ областной центр приехал генеральный консул "
                           "Кедрии Иван Ольхов. Вчера консул провел встречи с губернатором "
                           "области Петром Сомовым.\nВторой абзац.")
    assert result.title == "Консул в области"
    assert _raw_of(result, raw, "Иван Ольхов") == "Иван\nОльхов"


@pytest.mark.parametrize("raw", [
    "Делегация Кедрии в Ольхове\nГости осмотрели цех.\nПотом они подписали соглашение.",
    "Иван Кедров\nПётр Ольхов\nОлег Сомов\nДелегация осмотрела цех.",
    "Участники встречи:\nИван Ольхов\nПётр Сомов",
])
def test_lines_that_are_paragraphs_stay_lines(raw):
    assert normalise(raw, RULES).text == raw


def test_a_line_going_on_in_lower_case_is_joined():
    raw = "Делегация Кедрии посетила технопарк «Ольха»\nи завод «Сомов».\nВторой абзац."
    assert normalise(raw, RULES).text == ("Делегация Кедрии посетила технопарк «Ольха» и завод "
                                          "«Сомов».\nВторой абзац.")


def test_repeated_headline_is_kept_each_time():
    # a page's headline repeated above the text is text: the real set's gold annotates both
    raw = "Создание парков обсудили на форуме\nlogo\nСоздание парков обсудили на форуме\nТекст."
    result = normalise(raw, RULES)
    assert result.title == "Создание парков обсудили на форуме"
    assert result.text.count("Создание парков") == 2


@pytest.mark.parametrize("raw, clean", [
    ("ориентированным на рынкисоседних стран", "ориентированным на рынки соседних стран"),
    ("производители станковзаинтересованы в", "производители станков заинтересованы в"),
    ("в ходе госвизита в Ольховию", "в ходе гос визита в Ольховию"),
    ("в Новосибирске", "в Новосибирске"),
    ("наукоемких производств", "наукоемких производств"),
    ("лаборатириями", "лаборатириями"),  # a typo, not two words: left alone
    # a headline glued to the text's first word
    ("Омск посетила турецкая делегацияТурецкая делегация", "Омск посетила турецкая делегация "
     "Турецкая делегация"),
    ("РусГидро и МегаФон", "РусГидро и МегаФон"),
    ("делегация провинцииКедрань прибыла", "делегация провинции Кедрань прибыла"),
    ("на выставке ОльхЭкспо в ТехноПарке", "на выставке ОльхЭкспо в ТехноПарке"),
    # a stem the dictionary lacks and its ending, a compound and its first part: one word
    ("соглашение с акиматом района", "соглашение с акиматом района"),
    ("поставки автокомпонентов и сельхозтехники", "поставки автокомпонентов и сельхозтехники"),
    ("директор медтехнического завода", "директор медтехнического завода"),
    ("в ходе телеобращения к жителям", "в ходе телеобращения к жителям"),
    # words the dictionary lacks whose parts it knows: a compound, a suffix, a name's form
    ("выпускает углепластиковые детали", "выпускает углепластиковые детали"),
    ("заполняемость парка растёт", "заполняемость парка растёт"),
    ("акселерационные программы", "акселерационные программы"),
    ("коронавирусная инфекция", "коронавирусная инфекция"),
    ("пятичасового перелёта", "пятичасового перелёта"),
    ("постпечатного оборудования", "постпечатного оборудования"),
    ("выпускают дженерики", "выпускают дженерики"),
])
def test_glued_words_are_split_only_where_both_halves_are_words_as_glue_has_them(
        is_word, raw, clean):
    short_forms = load_rules().words("glued_short_forms")
    assert normalise(raw, RULES, is_word, short_forms=short_forms).text == clean


def _raw_of(result, raw: str, piece: str) -> str:
    """The raw text the clean ``piece`` of ``result`` maps back to."""
    start = result.text.index(piece)
    raw_start, raw_end = result.offset_map.raw_span(start, start + len(piece))
    return raw[raw_start:raw_end]


def test_every_clean_character_maps_back_to_the_raw_text(is_word):
    raw = "Заголовок\n\n1_фото.JPG\nДелегация  из „Японии“ — в провинцииКедрань.\n© 2024"
    result = normalise(raw, RULES, is_word)
    assert result.text == "Заголовок\nДелегация из «Японии» — в провинции Кедрань."
    assert _raw_of(result, raw, "Японии") == "Японии"
    assert _raw_of(result, raw, "провинции Кедрань") == "провинцииКедрань"


def test_offset_map_round_trips_through_runs(is_word):
    raw = "Делегация  из „Японии“\u00a0посетила\u200b парк.\nЕщё строка  текста."
    offset_map = normalise(raw, RULES, is_word).offset_map
    restored = OffsetMap.from_runs(offset_map.to_runs())
    assert list(restored.starts) == list(offset_map.starts)
    assert list(restored.ends) == list(offset_map.ends)


# Characters clean_line treats specially, spaces in runs, and plain letters, made likely.
LINE_CHARACTERS = st.one_of(
    st.characters(), st.sampled_from(list(" \u00a0\t\u200b\ufeff\u00ad\u2011\u2013\u2014"
                                          '"„“”‘’`«»\x00\x1c\u2028\u0301-—')),
    st.sampled_from(["  ", "   ", " ", "абв", "Гд"]))


@given(st.lists(LINE_CHARACTERS, max_size=60).map("".join) | st.text(max_size=200))
@settings(max_examples=500, deadline=None)
def test_the_fast_paths_of_clean_line_equal_the_general_case(line):
    from ruextract.normalise import clean_line_by_character

    line = line.replace("\n", " ").replace("\r", " ")
    fast_text, fast_map = clean_line(line, 7)
    slow_text, slow_map = clean_line_by_character(line, 7)
    assert fast_text == slow_text
    assert list(fast_map.starts) == list(slow_map.starts)
    assert list(fast_map.ends) == list(slow_map.ends)


def test_every_character_clean_line_changes_is_looked_at_one_by_one():
    from ruextract.normalise import SPECIAL_CHARACTERS, _add_clean_char, _Builder

    for code in range(0x30000):
        char = chr(code)
        out = _Builder()
        out.add("a", 0, 1)
        _add_clean_char(out, char, 1, 2)
        if "".join(out.chars) != "a" + char:
            assert SPECIAL_CHARACTERS.fullmatch(char), f"U+{code:04X}"


@pytest.mark.parametrize("line", [
    "1_кр стол_БИ_1613.JPG", "Общество", "- Источник(и):", "© Пример 2015—2024",
    "Делегация посетила технопарк «Идея» в Казани.", "logo", "Фото: пресс-служба",
    "Наш телеграм-канал @example (16+)", "Обычная строка статьи без шума.",
])
def test_boilerplate_rules_combined_decide_as_one_by_one(line):
    from ruextract.normalise import boilerplate_rule

    one_by_one = next((r.id for r in RULES if r.regex.fullmatch(line)), None)
    assert boilerplate_rule(line, RULES) == one_by_one


@pytest.mark.parametrize("line, clean", [
    # a Greek kappa and omicron, a Latin «o» inside Cyrillic words
    ("делегация из Ольхοвκи", "делегация из Ольховки"),
    ("Сoвет директоров", "Совет директоров"),
    # Latin words stay Latin, beside Cyrillic ones too
    ("IT-парк и TH Group", "IT-парк и TH Group"),
    ("iPhoneвый", "iPhoneвый"),
])
def test_cyrillic_look_alikes(line, clean):
    from ruextract.normalise import cyrillic_look_alikes

    assert cyrillic_look_alikes(line) == clean


def test_cyrillic_look_alikes_keep_offsets():
    text = "Гости из Ольхοвκи приехали."
    result = normalise(text, [])
    assert result.text == "Гости из Ольховки приехали."
    assert result.offset_map.raw_span(9, 17) == (9, 17)


@pytest.mark.parametrize("raw", [
    "date 2025-09-10 Делегация Кении посетила технопарк «Сигма».",
    "date 2024-03 Делегация Кении посетила технопарк «Сигма».",
])
def test_a_date_stamp_before_the_first_sentence_is_dropped_with_its_offsets(raw):
    result = normalise(raw, RULES)
    assert result.text == "Делегация Кении посетила технопарк «Сигма»."
    start = result.text.index("Кении")
    assert raw[slice(*result.offset_map.raw_span(start, start + 5))] == "Кении"


def test_a_date_inside_a_sentence_stays():
    text = "Соглашение подписано, date 2025-09-10 стоит в протоколе."
    assert normalise(text, RULES).text == text


def test_a_date_opening_a_later_line_stays():
    text = "Компании подписали соглашение.\nДата 2024-05-01 — день подписания."
    assert normalise(text, RULES).text == text


@pytest.mark.parametrize("raw, clean", [
    # a place's adjective the dictionary lacks but the places gazetteer knows is one word
    ("прибыла хайнаньская делегация", "прибыла хайнаньская делегация"),
    ("с уханьской компанией", "с уханьской компанией"),
    ("гости из даляньского порта", "гости из даляньского порта"),
    ("астанинский акимат сообщил", "астанинский акимат сообщил"),
    ("кызылординская делегация", "кызылординская делегация"),
    # a word glued to a capitalised one is still split
    ("делегация провинцииКедрань прибыла", "делегация провинции Кедрань прибыла"),
])
def test_place_adjectives_the_dictionary_lacks_are_not_split(raw, clean):
    doc = Normaliser(load_rules()).prepare(RawDoc("t.txt", raw, "utf-8", "txt"))
    assert doc.text == clean


def test_stress_marks_are_dropped_and_the_word_maps_back_whole(is_word):
    raw = "Директор технопарка Пётр Ива\u0301нов и Се\u0300мён Кедров."
    result = normalise(raw, RULES, is_word)
    assert result.text == "Директор технопарка Пётр Иванов и Семён Кедров."
    assert _raw_of(result, raw, "Иванов") == "Ива\u0301нов"


@pytest.mark.parametrize("raw, clean", [
    ("Заголовок\nОльховск, Кедрия (Пример-Инфо) -- Делегация прибыла в город.",
     "Заголовок\nДелегация прибыла в город."),
    # a dateline with a date stays: the entities stage reads its town
    ("ОЛЬХОВСК, 5 мая — Делегация прибыла в город.",
     "ОЛЬХОВСК, 5 мая — Делегация прибыла в город."),
    # not inside the text, nor a sentence about a town
    ("Заголовок\nПервый абзац.\nОльховск (Кедрия) — Делегация прибыла.",
     "Заголовок\nПервый абзац.\nОльховск (Кедрия) — Делегация прибыла."),
    ("Ольховск — крупный город региона.", "Ольховск — крупный город региона."),
    ("Глеб Рябинин (президент Кедрии) — главный гость форума.",
     "Глеб Рябинин (президент Кедрии) — главный гость форума."),
    ("Кедрбанк (ПАО) — один из партнёров форума.", "Кедрбанк (ПАО) — один из партнёров форума."),
    ("Ольховск (Кедрия) — делегация прибыла.", "Ольховск (Кедрия) — делегация прибыла."),
])
def test_an_agencys_dateline_before_the_lead_is_dropped(raw, clean):
    assert normalise(raw, RULES).text == clean


def test_photo_file_credit_and_read_more_link_lines_are_dropped():
    raw = "Делегация прибыла.\nФото: IMG_2231.JPG\nПодробнее »\nДалее гости осмотрели цех."
    assert normalise(raw, RULES).text == "Делегация прибыла.\nДалее гости осмотрели цех."


def test_a_see_also_heading_takes_the_headlines_after_it():
    """«Читайте также:» alone on its line, then other stories' headlines: none of it is the
    article (s45)."""
    text = ("Делегация посетила технопарк.\nЧитайте также:\n"
            "Делегация Кедровской области посетила завод «Ольха»\n"
            "Студенты стали призёрами олимпиады\n")
    result = normalise(text, RULES).text
    assert "Кедровской" not in result and "Студенты" not in result
    assert "Делегация посетила технопарк." in result


@pytest.mark.parametrize(("text", "language"), [
    ("Делегация посетила ТОО «Ертіс Полимер» в Павлодаре и другие предприятия региона.", "ru"),
    ("Делегація відвідала технопарк і підписала угоду про співпрацю з компанією.", "uk"),
    ("The delegation visited the technopark.", "en"),
])
def test_a_kazakh_letter_in_a_name_keeps_a_russian_article_russian(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(("raw", "clean"), [
    ("▪️ Wang Haibo подтвердил решение", "- Wang Haibo подтвердил решение"),
    ("📌 Итоги недели", "- Итоги недели"),
    ("+7 495 000-00-00", "+7 495 000-00-00"),
])
def test_a_symbol_opening_a_line_is_a_list_items_dash(raw, clean):
    text, offset_map = clean_line(raw, 0)
    assert text == clean
    assert len(offset_map) == len(text)


def test_headline_after_a_menu_heading_above_the_text_is_kept():
    text = "ТЕМЫ\n\nДелегация компаний из Кедрии приехала сегодня в Ольховск\n\nГостей встретили."
    assert "Делегация компаний из Кедрии" in normalise(text, RULES).text


def test_a_bullet_alone_on_its_line_takes_no_lower_case_line_into_it():
    """«·», a line break, «a»: joined, the bullet would open a line the next pass writes «- »;
    normalising twice equals once (s67: found by the property test)."""
    once = normalise("·\x85a", RULES).text
    assert normalise(once, RULES).text == once
