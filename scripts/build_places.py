"""Build the places gazetteer ``models/places/places.tsv`` from maintained sources.

- countries: ``pycountry`` (Debian's iso-codes) — every country's Russian short and official
  name, from iso-codes' Russian translations (stress marks stripped);
- subdivisions: ``pycountry``'s ISO 3166-2 entries that have a Russian translation;
- the federal subjects of Russia, their adjectives and Russia's largest cities: natasha's
  own address grammar (``natasha.grammars.addr``);
- what no source has (abbreviations, informal names, China's provinces, the oblasts of
  Kazakhstan, Uzbekistan and Belarus): ``scripts/places_extra.tsv``, each line with its source.

Adjectives: a region «Пензенская область» has the adjective of its first word
(«пензенский»); a country gets the adjective pymorphy3's dictionary knows for its name
(«Китай» → «китайский»), and the hand file adds the irregular ones («Франция» → «французский»).

Output is sorted and has no timestamps: a rebuild gives the same bytes.
Run: ``python scripts/build_places.py [OUT]``.
"""

from __future__ import annotations

import gettext
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from natasha.grammars import addr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ruextract.doc import fold  # noqa: E402
from ruextract.morph import dictionary  # noqa: E402
from ruextract.places import COLUMNS, SPACED_DASH, name_key  # noqa: E402

EXTRA = ROOT / "scripts" / "places_extra.tsv"
CITY_REGIONS = ROOT / "scripts" / "city_regions.tsv"
OUT = ROOT / "models" / "places" / "places.tsv"
STRESS = "\u0301"
KIND_ORDER = {"country": 0, "federal subject": 1, "region": 2, "city": 3, "federal district": 4,
              "former country": 5}
SUBDIVISION_KINDS = {"RU": "federal subject"}
# natasha's address grammar: region name rules and the head word each takes
NATASHA_REGIONS = (("OBLAST_NAME", "{} область"), ("KRAI_NAME", "{} край"),
                   ("RESPUBLIKA_NAME", "Республика {}"),
                   ("AUTO_OKRUG_NAME", "{} автономный округ"))
# Names in natasha's grammar that are no longer federal subjects (merged 2005-2008).
NATASHA_FORMER = {"читинская область", "камчатская область", "горьковская область",
                  "пермская область", "корякский автономный округ",
                  "эвенкийский автономный округ", "таймырский автономный округ",
                  "агинский бурятский автономный округ", "коми-пермяцкий автономный округ",
                  "долгано-ненецкий автономный округ", "бурятский автономный округ",
                  "агинский автономный округ", "усть-ордынский бурятский автономный округ"}
SMALL_WORDS = {"на", "де", "и", "эл"}


@dataclass
class Entry:
    canonical: str
    kind: str
    country: str
    names: set[str] = field(default_factory=set)  # surface names, as written
    adjectives: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    explicit_adjectives: set[str] = field(default_factory=set)
    region: str = ""  # a city's federal subject (a Chinese city's province)


def clean(text: str) -> str:
    return " ".join(text.replace(STRESS, "").split())


def title(name: str) -> str:
    """«нижний новгород» → «Нижний Новгород», «ростов-на-дону» → «Ростов-на-Дону»."""
    def word(part: str) -> str:
        return part if part in SMALL_WORDS else part[:1].upper() + part[1:]

    return " ".join("-".join(word(p) for p in w.split("-")) for w in name.split())


def country_entries() -> dict[str, Entry]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    entries = {}
    for country in pycountry.countries:
        names = {clean(russian.gettext(country.name))}
        official = getattr(country, "official_name", "")
        if official:
            names.add(clean(russian.gettext(official)))
        names = {n for n in names if n and "\n" not in n}
        short = clean(russian.gettext(country.name))
        entries[country.alpha_2] = Entry(short, "country", country.alpha_2, names,
                                         sources={"pycountry"})
    return entries


def subdivision_entries() -> list[Entry]:
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    entries = []
    for subdivision in pycountry.subdivisions:
        name = clean(russian.gettext(subdivision.name))
        if name == subdivision.name or not any("а" <= c <= "я" for c in name.lower()):
            continue  # no Russian translation
        if subdivision.parent_code is not None:
            continue  # districts and prefectures under a region: too fine for keys
        kind = SUBDIVISION_KINDS.get(subdivision.country_code, "region")
        if subdivision.type.lower() in ("city", "municipality") and kind == "region":
            kind = "city"
        entries.append(Entry(name, kind, subdivision.country_code, {name},
                             sources={"pycountry"}))
    return entries


def _grammar_words(rule) -> list[str]:
    """The words of a yargy rule's dictionaries and morph pipelines."""
    words: list[str] = []
    for item in rule.walk():
        name = type(item).__name__
        if name == "dictionary":
            words.extend(sorted(item.value))
        elif name == "PipelineRule":
            words.extend(item.pipeline.lines)
    return words


def natasha_entries() -> list[Entry]:
    entries = []
    for rule_name, pattern in NATASHA_REGIONS:
        for word in _grammar_words(getattr(addr, rule_name)):
            republic = pattern.startswith("Республика")
            name = pattern.format(title(word) if republic else title(_agree(word, pattern)))
            if name.lower() in NATASHA_FORMER:
                continue
            entry = Entry(name, "federal subject", "RU", {name}, sources={"natasha"})
            if republic:
                entry.names.add(title(word))
            else:
                entry.adjectives.add(word)
            entries.append(entry)
    for word in _grammar_words(addr.GOROD_NAME):
        if "." in word or len(word) <= 3:
            continue  # «н.новгород», «спб»: abbreviations come from the hand file
        entries.append(Entry(title(word), "city", "RU", {title(word)}, sources={"natasha"}))
    return entries


def _agree(adjective: str, pattern: str) -> str:
    """«пензенский» + «{} область» → «пензенская» (pymorphy3 agrees the gender)."""
    head = pattern.replace("{}", "").strip()
    gender = {"область": "femn", "край": "masc", "автономный округ": "masc"}[head]
    words = []
    for part in adjective.split("-"):
        parse = next((p for p in dictionary().parse(part) if p.tag.POS == "ADJF"), None)
        inflected = parse.inflect({gender, "sing", "nomn"}) if parse else None
        words.append(inflected.word if inflected else part)
    return "-".join(words)


# the endings a country's name drops before an adjective's suffix («Польша» → «поль-ский»,
# «Ямайка» → «ямай-ский», «Зимбабве» → «зимбабв-ийский»)
COUNTRY_ENDINGS = frozenset({"а", "я", "ия", "ея", "ья", "й", "ь", "е", "о", "и", "ы", "ка",
                             "ша"})


def country_adjectives(name: str) -> set[str]:
    """Adjectives pymorphy3's dictionary knows for a country name: «Китай» → «китайский»,
    «Япония» → «японский», «Индия» → «индийский»."""
    word = name.lower()
    if " " in word:
        return set()
    # only a vowel ending comes off («Индия» → «инд-ийский», «Китай» → «китай-ский»); cutting
    # a consonant makes another word's adjective («Белиз» → «бельский», «Майот» → «майский»)
    stems = [word] + [word[:-cut] for cut in (1, 2)
                      if len(word) > 4 and word[-cut:] in COUNTRY_ENDINGS]
    found = set()
    for stem in stems:
        for suffix in ("ский", "йский", "ийский", "анский", "ьский"):
            candidate = stem + suffix
            for parse in dictionary().parse(candidate):
                if parse.tag.POS == "ADJF" and parse.normal_form == candidate and \
                        dictionary().word_is_known(candidate):
                    found.add(candidate)
        if found:
            return found
    return found


def read_table(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """The (line number, fields) of a hand-kept tab-separated file, comments left out."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise SystemExit(f"{path}:{number}: expected {columns} tab-separated columns")
        rows.append((number, fields))
    return rows


def read_extra(path: Path) -> list[tuple[str, str, str, list[str], list[str], str]]:
    rows = []
    for number, (name, kind, country, aliases, adjectives, source) in read_table(path, 6):
        if kind not in KIND_ORDER:
            raise SystemExit(f"{path}:{number}: unknown kind {kind!r}")
        rows.append((name, kind, country, [a for a in aliases.split("|") if a],
                     [a for a in adjectives.split("|") if a], source))
    return rows


def read_city_regions(path: Path) -> list[tuple[str, str, str]]:
    return [(city, region, source) for _, (city, region, source) in read_table(path, 3)]


def build() -> list[Entry]:
    countries = country_entries()
    entries: list[Entry] = []

    def add(entry: Entry) -> Entry:
        """Add ``entry``, merged with every place of its kind and country sharing a name."""
        keys = {fold(n) for n in entry.names | {entry.canonical}}
        same = [e for e in entries if e.kind == entry.kind and e.country == entry.country
                and keys & {fold(n) for n in e.names | {e.canonical}}]
        if not same:
            entries.append(entry)
            return entry
        first = same[0]
        for other in [*same[1:], entry]:
            first.names |= other.names | {other.canonical}
            first.adjectives |= other.adjectives
            first.explicit_adjectives |= other.explicit_adjectives
            first.sources |= other.sources
            if other is not entry:
                entries.remove(other)
        return first

    for code in sorted(countries):
        add(countries[code])
    extra = read_extra(EXTRA)
    for name, kind, country, aliases, adjectives, source in extra:
        if kind == "country":
            entry = countries[country]
            entry.names |= {entry.canonical, name, *aliases}
            entry.canonical = name
            entry.explicit_adjectives |= set(adjectives)
            entry.sources.add(f"extra:{source}")
    for entry in natasha_entries():
        add(entry)
    for entry in subdivision_entries():
        add(entry)
    for name, kind, country, aliases, adjectives, source in extra:
        if kind != "country":
            known = add(Entry(name, kind, country, {name, *aliases},
                              explicit_adjectives=set(adjectives),
                              sources={f"extra:{source}"}))
            known.canonical = name  # the hand file names the form in use
    # (a city's country is its region's: a federal subject's, or a foreign province's)
    region_country = {fold(e.canonical): e.country for e in entries
                      if e.kind in ("federal subject", "region")}
    for city, region, source in read_city_regions(CITY_REGIONS):
        country = region_country.get(fold(region), "RU")
        known = add(Entry(city, "city", country, {city}, sources={f"city_regions:{source}"}))
        known.region = region
    # A federal city (Москва, Санкт-Петербург, Севастополь) is one place, not two.
    subjects = {fold(n) for e in entries if e.kind == "federal subject" for n in e.names}
    entries = [e for e in entries if not (e.kind == "city" and e.country == "RU"
                                          and fold(e.canonical) in subjects)]
    for entry in entries:
        if entry.kind == "country":
            entry.adjectives |= country_adjectives(entry.canonical)
        elif not entry.adjectives and entry.canonical.split()[-1] in ("область", "край"):
            first = name_key(entry.canonical.split()[0])
            if first.endswith("ский") or first.endswith("цкий"):
                entry.adjectives.add(first)
    # An adjective the hand file gives one place is that place's alone.
    claimed = {a for e in entries for a in e.explicit_adjectives}
    for entry in entries:
        entry.adjectives = (entry.adjectives - claimed) | entry.explicit_adjectives
    return entries


def oblique_keys(name: str) -> set[str]:
    """The name keys of a region's name in the genitive («Тверской области»), where the
    dictionary lemmatises it otherwise than the nominative («Тверская» read as a street's
    name, «Атырауская» unknown): «<adjective> область/край» only."""
    words = name.split()
    if len(words) != 2:
        return set()
    adjective, noun = words
    if noun.lower() == "область" and adjective.endswith("ая"):
        return {name_key(f"{adjective[:-2]}ой области")}
    if noun.lower() == "край" and adjective.endswith(("ий", "ой")):
        return {name_key(f"{adjective[:-2]}ого края")}
    return set()


def write(entries: list[Entry], out: Path) -> None:
    lines = ["# The places gazetteer: built by scripts/build_places.py (do not edit by hand).",
             "# aliases: name keys (folded, each word lemmatised, see ruextract.places.name_key)",
             "# adjectives: adjective lemmas; sources: where the place comes from",
             "# region: the federal subject a Russian city lies in, the province a Chinese one",
             "\t".join(COLUMNS)]
    rows = []
    for entry in entries:
        names = entry.names | {entry.canonical}
        # («Овернь — Рона — Альпы» written «Овернь-Рона-Альпы» too)
        names |= {SPACED_DASH.sub("-", n) for n in names}
        aliases = sorted({name_key(n) for n in names} | {fold(n) for n in names}
                         | {key for n in names for key in oblique_keys(n)})
        rows.append((KIND_ORDER[entry.kind], entry.country, entry.canonical, "\t".join([
            entry.canonical, entry.kind, entry.country, entry.region, "|".join(aliases),
            "|".join(sorted(entry.adjectives)), "|".join(sorted(entry.sources))])))
    lines.extend(row for *_, row in sorted(rows))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    entries = build()
    write(entries, out)
    kinds: dict[str, int] = {}
    for entry in entries:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"{out}: {len(entries)} places ({counts})")


if __name__ == "__main__":
    main()
