"""The places gazetteer (``models/places/places.tsv``, built by ``scripts/build_places.py``):
any name, abbreviation, informal name, adjective or inflected form of a place → one place.

«КНР», «Китая», «Поднебесная», «китайский» → Китай; «Пензенской области», «пензенский» →
Пензенская область. Names are compared by ``name_key``: folded, each word lemmatised.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .doc import fold
from .morph import dictionary, word_parses  # noqa: F401  (dictionary: for relations)
from .rules import default_rules_dir, read_wordlist

MODELS_DIR = Path(os.environ.get("RUEXTRACT_MODELS",
                                 Path(__file__).resolve().parents[2] / "models"))
PLACES_PATH = MODELS_DIR / "places" / "places.tsv"
COLUMNS = ("canonical", "kind", "country", "region", "aliases", "adjectives", "sources")


@dataclass(frozen=True, slots=True)
class Place:
    canonical: str  # «Китай», «Пензенская область»
    kind: str  # country, federal subject, region, city, federal district, former country
    country: str  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...]  # name keys
    adjectives: tuple[str, ...]  # adjective lemmas («китайский»)
    region: str = ""  # a city's federal subject or province («Казань» → «Республика Татарстан»)


def is_town(place: Place) -> bool:
    """A town of the gazetteer, or a Russian federal city (a federal subject of one word,
    «Москва»): what «город …» names; a district named with it is its part."""
    return place.kind == "city" or (place.kind == "federal subject"
                                    and len(place.canonical.split()) == 1)


def lies_in(place: Place, home: Place) -> bool:
    """Is ``place`` the place ``home``, a place of the region ``home``, or (``home`` a country)
    a place of that country?"""
    return place == home or place.region == home.canonical \
        or (home.kind == "country" and place.country == home.country)


def region_of(place: Place) -> str:
    """The region a place is, or (a Russian city) lies in; empty where not known."""
    return place.region or (place.canonical if place.kind in ("federal subject", "region")
                            else "")


@lru_cache(maxsize=200_000)
def word_lemma(word: str) -> str:
    """The dictionary lemma of one lower-case word (a guess for unknown words: the same
    guess for the gazetteer's name and the text's, so they still meet)."""
    parses = word_parses(word)
    return parses[0].normal_form.replace("ё", "е") if parses else word


SPACED_DASH = re.compile(r"\s*[—–]\s*")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A name as compared with the gazetteer: folded, each word (each part of a hyphenated
    word) lemmatised. «Ленинградской области» and «Ленинградская область» meet here."""
    return " ".join("-".join(word_lemma(part) if part.isalpha() else part
                             for part in word.split("-"))
                    for word in fold(name).replace(".", " ").split())


# the shortest name looked up without its soft signs (short words are other words: «Кем»;
# six letters reach the gazetteer's short foreign names, «Шандун», «Хайнан», «Тайван»)
SOFTLESS_MIN = 6
def _softless(key: str) -> str:
    """A name key without its soft signs, «ы» written «э», «э» after a consonant «е»
    (``Gazetteer.misspelt``: «Шеньчжень», «Шэнчжэн» → «шенчжен»)."""
    return TRANSLITERATED_E.sub(r"\1е", key.replace("ь", "").replace("ы", "э"))


# a region's informal name made from its adjective: «Харьковщина», «Белгородчина», «Донетчина»
INFORMAL_REGION = re.compile(r"([а-я]{3,}?)(тчина|щина|чина)")
# «э» after a consonant: transliterated names write it «е» as often
TRANSLITERATED_E = re.compile(r"([бвгджзклмнпрстфхцчшщ])э")


@lru_cache(maxsize=1)
def region_adjective_nouns() -> tuple[str, ...]:
    """The nouns after a capital's adjective that name its region («брестский область», as
    the gazetteer's lemmatised aliases write it: words/region_adjective_nouns.txt)."""
    return tuple(read_wordlist(default_rules_dir() / "words" / "region_adjective_nouns.txt"))


@lru_cache(maxsize=1)
def informal_region_heads() -> frozenset[str]:
    """A Russian region's words after its adjective that name the federal subject whatever its
    kind («Калужский регион», «Самарская губерния»): words/informal_region_heads.txt."""
    return frozenset(read_wordlist(default_rules_dir() / "words" / "informal_region_heads.txt"))


@lru_cache(maxsize=1)
def region_kind_nouns() -> frozenset[str]:
    """The kinds of a foreign region written after its adjective («Гилянская провинция»):
    words/region_kind_nouns.txt."""
    return frozenset(read_wordlist(default_rules_dir() / "words" / "region_kind_nouns.txt"))


@lru_cache(maxsize=1)
def foreign_region_heads() -> frozenset[str]:
    """A foreign country's own words for its regions (words/foreign_region_heads.txt)."""
    return frozenset(read_wordlist(default_rules_dir() / "words" / "foreign_region_heads.txt"))


@lru_cache(maxsize=1)
def heads_by_gender() -> dict[str, tuple[str, ...]]:
    """The head nouns of region names (words/region_heads.txt) by grammatical gender: a
    region's adjective agrees with its head («Самаркандской» [области], «Сырдарьинский»
    [район] is no oblast), so a bare adjective names the place of its own gender."""
    by_gender: dict[str, list[str]] = {}
    for head in read_wordlist(default_rules_dir() / "words" / "region_heads.txt"):
        gender = next((p.tag.gender for p in word_parses(head) if "NOUN" in p.tag), None)
        if gender is not None:
            by_gender.setdefault(gender, []).append(head)
    return {gender: tuple(heads) for gender, heads in by_gender.items()}


@lru_cache(maxsize=1)
def region_head_genitives() -> tuple[str, ...]:
    """The head nouns of region names (words/region_heads.txt) in the genitive singular, as
    one follows a regional body's short name («Минпромторг республики», «… области»)."""
    forms = []
    for head in read_wordlist(default_rules_dir() / "words" / "region_heads.txt"):
        parse = next((p for p in word_parses(head) if "NOUN" in p.tag and p.normal_form == head),
                     None)
        genitive = parse.inflect({"gent", "sing"}) if parse is not None else None
        if genitive is not None:
            forms.append(genitive.word)
    return tuple(forms)


class _YoFolded(dict):
    """Adjective lemmas with «ё» read as «е» («могилёвский», «могилевский»: one key; the
    sources spell it either way, and so does the dictionary's lemma)."""

    def get(self, key, default=None):  # type: ignore[override]
        return super().get(key.replace("ё", "е"), default)

    def __getitem__(self, key):  # type: ignore[override]
        return super().__getitem__(key.replace("ё", "е"))

    def __contains__(self, key) -> bool:  # type: ignore[override]
        return isinstance(key, str) and super().__contains__(key.replace("ё", "е"))

    def setdefault(self, key, default=None):  # type: ignore[override]
        return super().setdefault(key.replace("ё", "е"), default)


class Gazetteer:
    """Places by name key and by adjective lemma."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_name: dict[str, Place] = {}
        self.by_adjective: dict[str, Place] = _YoFolded()
        for place in places:  # the file's order: a key two places share goes to the first
            for alias in place.aliases:
                self.by_name.setdefault(alias, place)
                self.by_name.setdefault(TRANSLITERATED_E.sub(r"\1е", alias), place)
            for adjective in place.adjectives:
                self.by_adjective.setdefault(adjective, place)
        # names with the soft sign left out (and «ы» for «э»), where only one place has such
        # a name: a soft sign misplaced or dropped («Ставрополського края», «Шэнчжэн»), a
        # Chinese syllable spelt the older way («Суйфыньхэ») is the place
        softless: dict[str, set[str]] = {}
        for name, place in self.by_name.items():
            if len(name) >= SOFTLESS_MIN:
                softless.setdefault(_softless(name), set()).add(place.canonical)
        by_canonical = {place.canonical: place for place in places}
        # names of a region and of a town of their own («Ниигата» the prefecture and the city)
        kinds: dict[str, set[str]] = {}
        for place in places:
            kinds.setdefault(fold(place.canonical), set()).add(place.kind)
        self.region_and_town_names = frozenset(
            name for name, found in kinds.items() if {"region", "city"} <= found)
        self.by_softless_name = {name: by_canonical[next(iter(found))]
                                 for name, found in softless.items() if len(found) == 1}

    @classmethod
    def read(cls, path: Path = PLACES_PATH) -> Gazetteer:
        """The compiled gazetteer at ``path``."""
        places = []
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                if fields == list(COLUMNS):
                    continue  # the header row names the columns, no place
                if len(fields) != len(COLUMNS):
                    raise ValueError(f"{path}:{number}: expected {len(COLUMNS)} columns "
                                     f"({', '.join(COLUMNS)}), found {len(fields)}")
                canonical, kind, country, region, aliases, adjectives, _ = fields
                places.append(Place(canonical, kind, country, tuple(aliases.split("|")),
                                    tuple(a for a in adjectives.split("|") if a), region))
        return cls(places)

    def lookup(self, name: str) -> Place | None:
        """The place ``name`` names: as written, any case, abbreviation or informal name,
        or an adjective of it («китайская» → Китай)."""
        if not name or not name.strip():
            return None
        found = self._lookup(name)
        if found is None and SPACED_DASH.search(name):
            # «Северный Рейн — Вестфалия»: news write a spaced dash where the gazetteer has a
            # hyphen (a name it has with a spaced dash is indexed hyphened too: build_places)
            found = self._lookup(SPACED_DASH.sub("-", name))
        return found

    def _lookup(self, name: str) -> Place | None:
        folded = fold(name)
        found = self.by_name.get(folded)
        if found is not None:
            return found
        key = name_key(name)
        # the gazetteer is indexed with «э» after a consonant read as «е» as well
        found = self.by_name.get(key) or self.by_name.get(TRANSLITERATED_E.sub(r"\1е", key))
        if found is None and " " not in key:
            found = self._by_bare_adjective(name, key)
        adjective, _, noun = key.partition(" ")
        if found is None and noun in informal_region_heads():
            # «Калужский регион», «Самарская губерния» → Калужская, Самарская область
            found = self.by_adjective.get(adjective)
            if found is not None and found.kind == "city":
                # a region named by its capital's adjective: «Брестский регион» is the
                # Брестская область, not the city of Брест
                found = self._region_of_adjective(adjective) or found
        if found is None and noun in foreign_region_heads():
            found = self._region_of_adjective(adjective)  # «Самаркандский вилоят»
        if found is None and (noun in foreign_region_heads() or noun in region_kind_nouns()):
            # «Сычуаньская провинция», «Гилянская провинция»: the region the adjective (or
            # its stem before «-ский») names
            found = self.by_adjective.get(adjective) or (
                self.by_name.get(adjective[:-4]) if adjective.endswith("ский") else None)
            if found is not None and found.kind != "region":
                found = None
        if found is None:
            found = self.by_state_form(key)
        if found is None:
            found = self.by_informal_suffix(key)
        if found is None:
            found = self.misspelt(name, key)
        if found is None and " " in key:
            found = self.by_other_lemmas(name)
        return found

    def _region_of_adjective(self, adjective: str) -> Place | None:
        """The region whose name is ``adjective`` (masculine, as a name key writes it) before
        «область» or «край», as the gazetteer's lemmatised aliases write it."""
        for noun in region_adjective_nouns():
            found = self.by_name.get(f"{adjective} {noun}")
            if found is not None and found.kind not in ("country", "city"):
                return found
        return None

    def by_other_lemmas(self, name: str) -> Place | None:
        """The one place a name of several words names with another dictionary reading of a
        word than its first: «Ненецкому автономному округу» (the first reading of «округу»
        is «округа», the neighbourhood)."""
        words = fold(name).replace(".", " ").split()
        if len(words) > 4 or any("-" in word or not word.isalpha() for word in words):
            return None
        readings = [list(dict.fromkeys([word_lemma(word), *(
            parse.normal_form.replace("ё", "е") for parse in word_parses(word))]))[:3]
            for word in words]
        found = {place for combination in itertools.product(*readings)
                 if (place := self.by_name.get(" ".join(combination))) is not None}
        return next(iter(found)) if len(found) == 1 else None

    def by_informal_suffix(self, key: str) -> Place | None:
        """A region's informal name on «-щина» or «-чина» that no list spells out: the region
        of the adjective it is made from («Харьковщина» → харьковский, «Донетчина» →
        донецкий). A region only: a country's or a city's adjective makes no such name."""
        found = INFORMAL_REGION.fullmatch(key)
        if found is None:
            return None
        stem, suffix = found.groups()
        adjectives = (stem + "цкий", stem + "тский") if suffix == "тчина" else (stem + "ский",)
        for adjective in adjectives:
            place = self.by_adjective.get(adjective)
            if place is not None and place.kind not in ("country", "city"):
                return place
        return None

    def same(self, name: str, other: str) -> bool:
        """Do two names name one place of the gazetteer («Индия», «Республика Индия»)?"""
        place = self.lookup(name)
        return place is not None and place == self.lookup(other)

    def misspelt(self, name: str, key: str | None = None) -> Place | None:
        """The one place whose name ``name`` is but for its soft signs (or an «ы» for «э»),
        where no place has ``name`` itself."""
        key = name_key(name) if key is None else key
        if len(key) < SOFTLESS_MIN or key in self.by_name:
            return None
        # the lemmas of the name as written, and of the name without its soft signs, and the
        # name as written (a lemma guessed for an unknown word may add a letter: «Шеньчжен»)
        return self.by_softless_name.get(_softless(key)) \
            or self.by_softless_name.get(
                _softless(name_key(name.replace("ь", "").replace("Ь", "")))) \
            or self.by_softless_name.get(_softless(fold(name)))

    def by_state_form(self, key: str) -> Place | None:
        """A country or region under a form of its name no list spells out: «Республика
        Абхазия» and «Монгольская Республика» (the place with «республика» around it),
        «Ненецкий округ», «Еврейская область» (an autonomous okrug or oblast without
        «автономный»)."""
        words = key.split()
        if len(words) < 2:
            return None
        if words[0] == "республика":
            place = self.by_name.get(" ".join(words[1:]))
            return place if place is not None and place.kind != "city" else None
        if words[-1] == "республика" and len(words) == 2:
            place = self.by_adjective.get(words[0])
            return place if place is not None and place.kind == "country" else None
        if words[-1] in ("округ", "область") and words[-2] != "автономный":
            # «Еврейская область»: the autonomous oblast as well
            return self.by_name.get(" ".join([*words[:-1], "автономный", words[-1]]))
        return None

    def _by_bare_adjective(self, name: str, key: str) -> Place | None:
        """An adjective alone: its country, or the region whose head noun it agrees with
        («Самаркандской» → Самаркандская область, not the city Самарканд; «Сырдарьинский»,
        a district, is not Сырдарьинская область). A plural («пензенские») has no gender."""
        found = self.by_adjective.get(key)
        parses = [p for p in word_parses(fold(name)) if "ADJF" in p.tag]
        gender = parses[0].tag.gender if parses else None
        heads = heads_by_gender().get(gender)
        if heads is None:
            return found
        for head in heads:
            place = self.by_name.get(f"{key} {head}")
            if place is not None:
                return place
        if found is not None and found.kind != "country" \
                and name_key(found.canonical).split()[0] == key:
            return None  # «Сырдарьинский» is not «Сырдарьинская область»
        return found

    def __len__(self) -> int:
        return len(self.places)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The compiled gazetteer, read once per process. Without it (never built, or a
    package installed apart from its ``models/``) places are not canonicalised: said once,
    loudly, not silently."""
    if not PLACES_PATH.exists():
        import warnings

        warnings.warn(f"no places gazetteer at {PLACES_PATH}: run `make models`, or set "
                      "RUEXTRACT_MODELS to the directory holding places/places.tsv; places "
                      "keep their own names meanwhile", stacklevel=2)
        return Gazetteer([])
    return Gazetteer.read(PLACES_PATH)


def names_a_place(word: str) -> bool:
    """Is one word a place's name or adjective the gazetteer knows («кызылординская»,
    «шаньдунской»)? Many such words are missing from the dictionary, yet they are words."""
    places = gazetteer()
    return name_key(word) in places.by_name or word_lemma(fold(word)) in places.by_adjective


def gazetteer_digest() -> str:
    """What the gazetteer holds, for the memo's stamp: re-runs redo what it changed."""
    import hashlib

    data = PLACES_PATH.read_bytes() if PLACES_PATH.exists() else b""
    return hashlib.sha256(data).hexdigest()[:16]
