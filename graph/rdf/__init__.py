"""RDF: the vocabulary, deterministic IRIs, claims to triples, actor merges and aliases,
SHACL shapes and the ontology diagram.

May import: rdflib, pyoxigraph/oxrdflib, ``graph.types``, ``graph.names``, ``graph.errors``,
``graph.resources``. Never spaCy or ``graph.extract``.
"""
