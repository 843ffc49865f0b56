"""SPARQL: the query library, running queries, result formats, the worker pool and the
read-only endpoint.

May import: pyoxigraph, rdflib, ``graph.rdf``, ``graph.store``, ``graph.errors``,
``graph.resources``. Never spaCy or ``graph.extract``.
"""
