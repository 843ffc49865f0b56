"""The ontology, the SHACL shapes and the SPARQL query library, as package data.

This folder is the source of truth; ``setup.cfg`` maps it into the package as
``graph.ontology``, and :mod:`graph.resources` reads it from there.
"""
