"""Analysis: the dataset as a networkx graph, metrics (centrality, communities, spreads),
and exports for Gephi and spreadsheets.

May import: networkx, scipy, rdflib, ``graph.rdf``, ``graph.sparql``, ``graph.store``,
``graph.errors``. Never spaCy or ``graph.extract``.
"""
