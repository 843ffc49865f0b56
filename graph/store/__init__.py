"""Stores: the embedded Oxigraph store, a remote SPARQL store, and the summary graph.

May import: pyoxigraph, oxrdflib, rdflib, ``graph.rdf``, ``graph.sparql.library``,
``graph.types``, ``graph.errors``. Never spaCy or ``graph.extract``.
"""
