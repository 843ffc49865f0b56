"""newsgraph: a knowledge graph of who said what in news about armed conflict."""
from __future__ import annotations

__version__ = "0.1.0"
