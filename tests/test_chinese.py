"""Chinese names: pinyin in Palladius's Russian letters, and a declined name's nominative."""

import pytest

from ruextract.chinese import (
    chinese_names_in_russian,
    fewest_syllables,
    name_word_nominative,
    palladius,
    spelt_in_syllables,
)


@pytest.mark.parametrize("word, spelt", [
    ("Хуэй", True), ("Цзюнь", True), ("Шэньчжэнь", True), ("Сяоцзе", True), ("Хэфэй", True),
    ("Хуэем", False), ("Вэя", False), ("Кедров", False),
])
def test_words_spelt_in_chinese_syllables(word, spelt):
    assert spelt_in_syllables(word) is spelt


@pytest.mark.parametrize("word, count", [
    ("Хэ", 1), ("Хуан", 1), ("Шуанлю", 2), ("Дэчжоу", 2), ("Лифэна", 3), ("Нгуен", None),
])
def test_fewest_chinese_syllables(word, count):
    assert fewest_syllables(word) == count


@pytest.mark.parametrize("word, nominative", [
    ("Хуэем", "Хуэй"), ("Цзюнем", "Цзюнь"), ("Ваном", "Ван"), ("Вэя", "Вэй"), ("Вэю", "Вэй"),
    ("Цзя", None), ("Хуэй", None), ("Кедровым", None),
])
def test_a_chinese_name_word_in_a_case(word, nominative):
    assert name_word_nominative(word) == nominative


@pytest.mark.parametrize("latin, russian", [
    ("Hengshan", "хэншань"), ("Zhongtai", "чжунтай"), ("Xinhua", "синьхуа"),
    ("Jiangsu", "цзянсу"), ("Huawei", "хуавэй"), ("Qingdao", "циндао"), ("Yunnan", "юньнань"),
    ("Robotics", None), ("Kedroforce", None), ("Xian", None),  # one syllable is too little
    ("Jianguo", "цзяньго"),  # «jian|guo»: a syllable of «u…» alone is written «w…» (s43)
])
def test_pinyin_in_palladius_letters(latin, russian):
    assert palladius(latin) == russian


@pytest.mark.parametrize("latin, russian", [
    # one syllable beside a Chinese word of two is Chinese too (s43)
    ("Zhou Jianmin", "чжоу цзяньминь"), ("Hengshan Robotics", "хэншань Robotics"),
    ("Kedr Robotics", None),
])
def test_chinese_words_of_a_latin_name(latin, russian):
    assert chinese_names_in_russian(latin) == russian
