"""Rules kept as data: the cue lexicon in ``lexicon.yaml``, extendable by users.

``load_lexicon()`` reads the packaged file and, when given (or when the
``NEWSGRAPH_RULES`` environment variable names one), a user file whose lists
are added to ours and whose mappings are merged key by key.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph import resources
from graph.errors import InputError


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read rules: {exc}".splitlines()[0]) from exc
    return _parse_yaml(text, str(path))


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(source, f"cannot read rules: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise InputError(source, "rules file must be a mapping of names to word lists")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The cue words, normalised to lower case sets and lookup tables."""

    raw: dict[str, Any]

    def words(self, name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.raw.get(name, []) or [])

    def table(self, name: str) -> dict[str, Any]:
        return {str(k).lower(): v for k, v in (self.raw.get(name) or {}).items()}

    def inverse(self, name: str) -> dict[str, str]:
        """Map each word of a ``{kind: [words]}`` table to its kind (first wins)."""
        out: dict[str, str] = {}
        for kind, words in (self.raw.get(name) or {}).items():
            for word in words or []:
                out.setdefault(str(word).lower(), str(kind))
        return out


@lru_cache(maxsize=8)
def user_rules_path(user_rules: str | None = None) -> str | None:
    """The user's rules file: the argument, else ``NEWSGRAPH_RULES``, else none."""
    return user_rules or os.environ.get("NEWSGRAPH_RULES") or None


def rules_digest(user_rules: str | None = None) -> str | None:
    """``"sha256:<hex>"`` of the user's rules file (recorded as provenance), or ``None``."""
    path = user_rules_path(user_rules)
    if not path:
        return None
    try:
        return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(str(path), f"cannot read rules: {exc.strerror or exc}") from exc


def load_lexicon(user_rules: str | None = None) -> Lexicon:
    """Load the packaged lexicon merged with the user's rules file, if any."""
    data = _parse_yaml(resources.rules_text("lexicon.yaml"), "rules/lexicon.yaml")
    extra_path = user_rules_path(user_rules)
    if extra_path:
        data = _merge(data, _read_yaml(Path(extra_path)))
    return Lexicon(data)
