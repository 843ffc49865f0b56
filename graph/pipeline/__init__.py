"""Drivers of the one stream of articles: the build, worker processes, Dask, and the
claim records written beside the RDF.

May import every stage: ``graph.readers``, ``graph.nlp``, ``graph.extract``, ``graph.rdf``,
``graph.store``, ``graph.view``.
"""
