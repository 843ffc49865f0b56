"""Names as keys: the normalisers every stage shares, without spaCy.

- :func:`norm_key`: lower case words without punctuation, articles or possessives
  (the key of a channel, an outlet, a split name);
- :func:`canonical_key`: the merge key of an actor's name (see :mod:`graph.rdf.aliases`);
- :func:`family`: persons and non-persons never share a key;
- :func:`display_key`: a label compared as shown (case and a leading "the" aside);
- :func:`is_acronym_of` and :func:`initials`: "AFC" and "Alliance Fleuve Congo";
- :func:`name_skeleton` and :func:`variant_score`: one person's name in two
  transliterations ("Oleksandr Syrskyi", "Aleksandr Syrsky").

May import: ``graph.rules`` (the lexicon's spelling, transliteration and demonym tables),
``graph.gazetteer`` (capitals), ``anyascii`` and ``rapidfuzz``. Never spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from graph.rules import Lexicon, load_lexicon

#: Two full names with one skeleton are one person's when their letters are at least this
#: close (Jaro-Winkler; the pairs of ``tests/data/actors/variant_pairs.jsonl`` run 0.81-0.99).
VARIANT_SIMILARITY = 0.8


def norm_key(name: str) -> str:
    """A normalized key for a name: lower case words, no punctuation or articles.

    >>> norm_key("The Ministry of Health's"), norm_key("the U.N. refugee agency")
    ('ministry health', 'un refugee agency')
    """
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)  # "U.N." -> "UN"
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = [w for w in re.findall(r"[\w]+", text) if w not in {"the", "a", "an", "of"}]
    return " ".join(words)


#: Initials written with dots: "U.N.", "U.S.".
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")

#: Words an acronym may leave out ("Office for the Coordination of ..." -> OCHA).
_LINKING = frozenset({"for", "and", "in", "on", "to", "at", "de", "du", "des", "la", "le", "et"})


def is_acronym_of(short: str, long: str) -> bool:
    """``short`` is the initials of ``long``'s words (of two or more), as keys or names.

    >>> is_acronym_of("AFC", "Alliance Fleuve Congo"), is_acronym_of("afc", "alliance fleuve congo")
    (True, True)
    >>> is_acronym_of("UN", "United Nations Joint Office"), is_acronym_of("Army", "Alliance Royal My Yard")
    (False, False)
    >>> is_acronym_of("OCHA", "UN Office for the Coordination of Humanitarian Affairs")
    True
    """
    key, cased = norm_key(short), short.strip()
    return (cased.isupper() or cased.islower()) and " " not in key and key in initials(long)


def initials(long: str) -> frozenset[str]:
    """The acronyms a name of two or more words may have: the initials of its words, and
    without a leading acronym and the linking words ("UN Office for the Coordination of
    Humanitarian Affairs" -> uofcha, ofcha, ocha).

    >>> sorted(initials("Rapid Support Forces")), initials("Army"), "srs" in initials("State Rescue Service of Norland")
    (['rsf'], frozenset(), True)
    """
    words = norm_key(long).split()
    if len(words) < 2:
        return frozenset()
    first = long.split()[0]
    inner = words[1:] if first.isupper() and len(first) > 1 and len(words) > 2 else words  # "UN Office for ..." -> OCHA
    head = norm_key(re.split(r"\s+of\s+", long, maxsplit=1, flags=re.IGNORECASE)[0]).split()  # "State Emergency Service | of Ukraine"
    owned = norm_key(long.split(" ", 1)[1]).split() if re.match(r"\S+['’]s\s", long) else []  # "Ukraine's | State ..."
    forms = [words, inner, [w for w in inner if w not in _LINKING]] + [
        ws for ws in (head, owned) if 1 < len(ws) < len(words)]
    return frozenset("".join(w[0] for w in ws) for ws in forms)


@dataclass(frozen=True)
class NameTables:
    """The lexicon's tables that make a merge key: spelling variants
    ("defense" → "defence") and country → adjective ("ukraine" → "ukrainian")."""

    spelling: dict[str, str]
    adjective: dict[str, str]
    transliteration: tuple[tuple[str, str], ...] = ()
    #: Words that name one body of a side ("army" -> "armed forces"), for organisations only.
    bodies: dict[str, str] | None = None
    #: Plurals that, with a country's name or adjective alone, stand for the country.
    official_plurals: frozenset[str] = frozenset()
    #: Adjective -> country ("ukrainian" -> "ukraine"), the ``adjective`` table turned round.
    country_of: dict[str, str] | None = None
    #: Words that, after a group's proper name, name that group ("K40 rebels", "the Varan militia").
    member_words: frozenset[str] = frozenset()


def name_tables(lexicon: Lexicon) -> NameTables:
    """The name tables of a lexicon (the packaged one merged with a user's ``--rules``)."""
    spelling = {str(k).lower(): str(v).lower() for k, v in lexicon.table("spelling_variants").items()}
    bodies = {str(k).lower(): str(v).lower() for k, v in lexicon.table("body_synonyms").items()}
    adjective: dict[str, str] = {}
    for adj, country in lexicon.table("demonyms").items():
        adjective.setdefault(str(country).lower(), str(adj).lower())  # first adjective listed wins
    rewrites = tuple((str(k).lower(), str(v).lower()) for k, v in lexicon.table("transliteration").items())
    return NameTables(spelling, adjective, rewrites, bodies, lexicon.words("official_plurals"),
                      {adj: country for country, adj in adjective.items()}, lexicon.words("member_words"))


@lru_cache(maxsize=1)
def packaged_tables() -> NameTables:
    """The name tables of the packaged lexicon."""
    return name_tables(load_lexicon())


def canonical_key(name: str, actor_type: str = "organization", tables: NameTables | None = None) -> str:
    """The merge key of a name: persons in word order, others as a sorted word set.
    ``tables`` are the packaged lexicon's unless given (from a user's ``--rules``).

    >>> canonical_key("Russia's defence ministry") == canonical_key("the Russian Ministry of Defense")
    True
    >>> canonical_key("Anna Maria Smith", "person")
    'anna maria smith'
    >>> canonical_key("Moscow") == canonical_key("Russia"), canonical_key("Kyiv's army") == canonical_key("Ukrainian forces")
    (True, True)
    >>> canonical_key("Washington Post") == canonical_key("American Post")
    False
    >>> canonical_key("Ukrainian officials") == canonical_key("Ukraine"), canonical_key("local officials")
    (True, 'local officials')
    >>> canonical_key("K40 rebels") == canonical_key("the K40"), canonical_key("rebels")
    (True, 'rebels')
    >>> canonical_key("Air Force of the Armed Forces of Ukraine") == canonical_key("Ukraine's air force")
    True
    """
    tables = tables or packaged_tables()
    name = _group_of(name, tables)
    if actor_type != "person" and (part := _branch_of(name, tables)) is not None:
        name = part
    spelling, adjective = tables.spelling, tables.adjective
    words = []
    for word in norm_key(name).split():
        for part in spelling.get(word, word).split():
            words.append(part)
    if actor_type == "person":
        return " ".join(words)
    words = [re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", anyascii(w))  # "Médecins", "Mechanised"
             for w in _capitals_as_countries(name, words, adjective)]
    words = [p for w in words for p in (tables.bodies or {}).get(w, w).split()]
    country = _officials_of(words, tables)
    if country is not None:  # "Ukrainian officials", "Russia's authorities": the country speaking
        return country
    if len(words) > 1:
        words = [_adjective(w, adjective) for w in words]
    return " ".join(sorted(set(words)))


_OF = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _branch_of(name: str, tables: NameTables) -> str | None:
    """A part of a country's armed forces named through them: "the Air Force of the Armed
    Forces of Ukraine" and "the General Staff of Ukraine's Armed Forces" are Ukraine's Air
    Force and General Staff ("Ukrainian air force"), else None."""
    match = _OF.match(name)
    if match is None or "forces" in norm_key(match.group(1)).split():
        return None
    parent = canonical_key(match.group(2), "organization", tables).split()
    if not {"armed", "forces"} <= set(parent):
        return None
    country = [w for w in parent if w not in {"armed", "forces"}]
    return " ".join([*country, match.group(1)]) if len(country) == 1 else None


def _group_of(name: str, tables: NameTables) -> str:
    """A group's proper name without the member word after it: "K40 rebels" -> "K40",
    "the Varan militia" -> "Varan" (only after capitalised words that are no country's:
    "Russian fighters" stays)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in tables.member_words:
        proper = [w for w in words[:-1] if w.lower() not in {"the", "a", "an"}]
        national = all(w.lower() in (tables.country_of or {}) or w.lower() in tables.adjective for w in proper)
        if proper and not national and all(w[:1].isupper() or w[:1].isdigit() for w in proper):
            return " ".join(proper)
    return name


def _officials_of(words: list[str], tables: NameTables) -> str | None:
    """The key of the country whose officials a name is ("ukrainian officials" -> ukraine;
    the lexicon's ``official_plurals``)."""
    if len(words) != 2 or words[1] not in tables.official_plurals:
        return None
    country = (tables.country_of or {}).get(words[0]) or (words[0] if words[0] in tables.adjective else None)
    return " ".join(sorted(set(country.split()))) if country else None


def _capitals_as_countries(name: str, words: list[str], adjective: dict[str, str]) -> list[str]:
    """A capital standing for its country: the whole name ("Moscow" -> russia) or a
    possessive ("Kyiv's defence ministry" -> ukrainian defence ministry); "Washington Post"
    stays as it is."""
    from graph.gazetteer import (
        capital_of,  # the gazetteer loads only for organisations' names
    )

    if len(words) == 1:
        country = capital_of(words[0])
        return norm_key(country).split() if country else words
    possessives = set(re.findall(r"(\w+)['’]s\b", name.lower()))
    out = []
    for word in words:
        country = capital_of(word) if word in possessives else None
        out.append(_adjective(norm_key(country), adjective) if country else word)
    return out


def name_words(name: str) -> list[str]:
    """A person's name in lower-case ASCII words, without "al-" or "el-" and apostrophes.

    >>> name_words("Yehya al-Sinwar"), name_words("Fidèle Mirimba"), name_words("Jama'at")
    (['yehya', 'sinwar'], ['fidele', 'mirimba'], ['jamaat'])
    """
    text = anyascii(name).lower().replace("'", "")
    text = re.sub(r"\b(?:al|el)[- ]", "", text)
    return re.sub(r"[^a-z ]+", " ", text).split()


def name_skeleton(word: str, tables: NameTables | None = None) -> str:
    """The consonants of a name word that survive transliteration (the lexicon's
    ``transliteration`` rewrites, then no vowels, no doubled letters).

    >>> name_skeleton("volodymyr") == name_skeleton("vladimir"), name_skeleton("ihor") == name_skeleton("igor")
    (True, True)
    """
    for old, new in (tables or packaged_tables()).transliteration:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def variant_score(a: str, b: str, tables: NameTables | None = None) -> float | None:
    """How alike two full names of persons are when they are spellings or transliterations
    of one name (the same skeleton, the surname's included), else None.

    >>> round(variant_score("Oleksandr Syrskyi", "Aleksandr Syrsky"), 2)
    0.9
    >>> variant_score("Mykola Bondarenko", "Serhii Bondarenko") is None, variant_score("Zelensky", "Zelenskyy")
    (True, None)
    """
    words_a, words_b = name_words(a), name_words(b)
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    same = name_skeleton(words_a[-1], tables) == name_skeleton(words_b[-1], tables) \
        and name_skeleton("".join(words_a), tables) == name_skeleton("".join(words_b), tables)
    score = JaroWinkler.normalized_similarity(" ".join(words_a), " ".join(words_b)) if same else 0.0
    return score if score >= VARIANT_SIMILARITY else None


def same_surname(a: str, b: str, tables: NameTables | None = None) -> bool:
    """Two spellings of one surname: equal, or of one skeleton and close in letters.

    >>> same_surname("Zelensky", "Zelenskyy"), same_surname("Assad", "Saeed"), same_surname("Tigray", "Thura")
    (True, False, False)
    """
    a, b = " ".join(name_words(a)), " ".join(name_words(b))
    if not a or not b:
        return False
    return a == b or (name_skeleton(a, tables) == name_skeleton(b, tables)
                      and JaroWinkler.normalized_similarity(a, b) >= VARIANT_SIMILARITY)


def _adjective(word: str, adjective: dict[str, str]) -> str:
    """A country name as its adjective: from the demonym table ("ukraine" ->
    "ukrainian"), else the regular "-a" -> "-an" ("moldova" -> "moldovan")."""
    if word in adjective and not adjective[word].endswith(word):
        return adjective[word]
    if len(word) >= 4 and word.endswith("a"):
        return word + "n"
    return word


def family(actor_type: str) -> str:
    """The key family of an actor type: persons apart from everything else.

    >>> family("person"), family("group")
    ('person', 'org')
    """
    return "person" if actor_type == "person" else "org"


def display_key(name: str) -> str:
    """A label as compared on screen: case-folded, spaces collapsed, no leading "the".

    >>> display_key("The  Health Ministry")
    'health ministry'
    """
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key
