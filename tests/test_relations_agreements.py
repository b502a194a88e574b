"""AGREEMENT_WITH phrasings, one line each: a fact that must ('+') or must not ('-') be found.

More agreement cases (between, signers, planned signings) are in test_relations_places.py.
"""

from __future__ import annotations

import pytest

from test_relations import check_case

CASES = [
    # the parties in the genitive after the document's name
    ("На форуме подписан меморандум Министерства экономики Тверской области и "
     "Министерства промышленности Монголии.",
     "+AGREEMENT_WITH Министерство экономики Тверской области -> "
     "Министерство промышленности Монголии"),
    ("Подписано соглашение Правительства Тверской области и компании «Альфа» о строительстве "
     "завода.", "+AGREEMENT_WITH Правительство Тверской области -> Альфа"),
    # a memorandum «с» a partner, no subject matter between
    ("Туркестанская область подписала меморандум с компанией «Синьцзян Агро».",
     "+AGREEMENT_WITH Туркестанская область -> Синьцзян Агро"),
    # «документ» refers back to the agreement named the sentence before
    ("Подписано соглашение о строительстве завода. Документ подписали губернатор Тверской "
     "области Иван Петров и генеральный директор компании «Кварц» Олег Сидоров.",
     "+AGREEMENT_WITH Тверская область -> Кварц"),
    ("Подписано соглашение о строительстве завода. Подписи под документом поставили "
     "губернатор Тверской области Иван Петров и директор компании «Кварц» Олег Сидоров.",
     "+AGREEMENT_WITH Тверская область -> Кварц"),
    ("Гости осмотрели завод. Документ подписали губернатор Тверской области Иван Петров и "
     "генеральный директор компании «Кварц» Олег Сидоров.",
     "-AGREEMENT_WITH Тверская область -> Кварц"),
    # «между» after a participle that follows the document's name
    ("Соглашение, подписанное между компанией «Альфа» и Тверской областью, вступило в силу.",
     "+AGREEMENT_WITH Альфа -> Тверская область"),
    # one document of three parties: every two of them
    ("Работа ведётся по трёхстороннему меморандуму, подписанному между Министерством экономики "
     "Тверской области, Администрацией города Твери и компанией «Кварц».",
     "+AGREEMENT_WITH Администрация города Твери -> Кварц"),
    # a party coordinated with the first is not the employer of a title inside its name
    ("Подписан меморандум между Фондом науки при Президенте Республики Узбекистан и "
     "Организацией по технологиям при Правительстве Ирана.",
     "+AGREEMENT_WITH Фонд науки при Президенте Республики Узбекистан -> "
     "Организация по технологиям"),
    # where a signer's employer is located is not a party
    ("Губернатор области договорился с генеральным консулом Китая в Новосибирске Ли Мином об "
     "обмене делегациями.", "-AGREEMENT_WITH Китай -> Новосибирск"),
]


@pytest.mark.parametrize("text, fact", CASES)
def test_case(pipeline, text, fact):
    check_case(pipeline, text, fact)
