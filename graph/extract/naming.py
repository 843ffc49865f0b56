"""Names as the text writes them: cleaning a name span, guessing gender from a first
name, and the outlet named in the article's own voice (a dateline, "X could not verify").

May import: ``graph.types``, ``graph.extract.cues``. Nothing names a person, place or outlet.
"""
from __future__ import annotations

import re

from graph.extract.cues import Cues
from graph.types import Article

QUOTE_CHARS = "\"“”„«»‘’'"


def guess_gender(name: str, cues: Cues) -> str | None:
    """A weak guess from a first name: most names ending in -a are women's in the
    languages of conflict news (Olena, Natalya, Maria), with a list of men's
    exceptions (Nikita, Ilya) in the lexicon; any other name stays unknown.

    >>> from graph.extract.cues import compile_cues
    >>> guess_gender("Olena Petrenko", compile_cues()), guess_gender("Nikita Ivanov", compile_cues())
    ('f', 'm')
    """
    words = name.split()
    if not words:
        return None
    first = words[0].lower().strip(".")
    if len(first) < 3 or not first.isalpha():
        return None
    if first in cues.male_names_in_a:
        return "m"
    if first.endswith("a"):
        return "f"
    return None


def head_word(name: str) -> str:
    """The head word of a name: the last word before an "of" phrase.

    >>> head_word("the Ministry of Defence"), head_word("regional governor")
    ('ministry', 'governor')
    """
    words = re.findall(r"[\w]+", name.lower().split(" of ")[0])
    return words[-1] if words else ""


def clean_name(text: str) -> str:
    """A name span without the quotes, punctuation, possessive or stray bracket around it.

    >>> clean_name("“the Health Ministry’s")
    'the Health Ministry'
    >>> clean_name("Dec 30 (Reuters")
    'Reuters'
    """
    text = text.strip().strip(QUOTE_CHARS + ",;:()[]- ").strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(’s|'s)$", "", text)
    # an unbalanced bracket cuts the name from something else: "Dec 30 (Reuters" -> "Reuters"
    if "(" in text and ")" not in text:
        text = text.rsplit("(", 1)[1].strip() or text
    elif ")" in text and "(" not in text:
        text = text.split(")", 1)[0].strip() or text
    return text


_NAME = r"((?:The )?[A-Z][\w&]*(?:\.[A-Z])*\.?(?: [A-Z][\w&]*){0,3})"
_OUTLET_PATTERNS = (
    # a wire dateline: "CITY, Country, March 3 (Agency) -"
    re.compile(r"(?m)^[A-Z][A-Z .'’-]+(?:, [A-Z][\w .]+?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? \(([A-Z][\w .&/-]{1,30}?)\) ?[-—–]"),
    re.compile(_NAME + r" (?:has|have|had|could|did|was|were) not (?:been able to )?(?:independently )?(?:verif|confirm)"),
    re.compile(_NAME + r" (?:could|can|was unable to|cannot)(?:not)? ?(?:independently )?(?:verif|confirm)"),
    re.compile(r"(?im)^\s*Support (?:for )?" + _NAME + r"!?\s*$"),
    re.compile(r"\bsupporting " + _NAME + r","),
    re.compile(r"\bReporting from [A-Z][\w -]+, " + _NAME + r"[’']s "),
)


def infer_outlet(article: Article) -> str | None:
    """The outlet's name from the article's own voice when metadata lacks it:
    a wire dateline "(Agency) -", "X has not independently verified", "Support X!"."""
    for pattern in _OUTLET_PATTERNS:
        m = pattern.search(article.text)
        if m:
            name = m.group(1).strip().split(". ")[-1].strip()
            name = re.sub(r"\s*/.*$", "", name)  # "AP Photo/..." -> "AP"
            if name.lower() not in {"it", "we", "they", "he", "she", "this", "the", "i"} and len(name) > 1:
                return name
    return None
