"""The view: the self-contained HTML page (vis-network through pyvis) and the figures board.

May import: networkx, pyvis, ``graph.analysis``, ``graph.errors``, ``graph.resources``.
Never spaCy or ``graph.extract``.
"""
