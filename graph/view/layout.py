"""Node positions for large graphs: each connected part laid out on its own with a
seeded spring layout (same graph, same picture), parts packed in rows, largest first;
very large parts with a grid-accelerated spring layout.

May import: networkx (numpy and scipy when installed).
"""
from __future__ import annotations

import importlib.util
import math
import warnings
from typing import Any

import networkx as nx

#: Seed of the layouts, so a graph always renders the same way.
LAYOUT_SEED = 42
#: Connected parts of this many nodes or more get :func:`grid_spring_layout`.
GRID_LAYOUT_FROM = 500


def layout(g: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Positions in pixels: each connected part laid out on its own with a seeded
    spring layout (same graph, same picture), the parts packed in rows, largest first."""
    simple = nx.Graph(g)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), str(c[0])))
    placed: dict[Any, tuple[float, float]] = {}
    row_width = 2 * _part_radius(sum(len(c) for c in parts))
    x = y = row_height = 0.0
    for part in parts:
        radius = _part_radius(len(part))
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in _part_layout(simple.subgraph(part), radius).items():
            placed[node] = (round(x + radius + px, 1), round(y + radius + py, 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return placed


def _has_scipy() -> bool:
    return importlib.util.find_spec("scipy") is not None


def _part_radius(n: int) -> float:
    return 30.0 + 45.0 * math.sqrt(n)


def _part_layout(part: nx.Graph, radius: float) -> dict[Any, tuple[float, float]]:
    """Positions of one connected part within ``radius`` of (0, 0): networkx's
    spring layout below :data:`GRID_LAYOUT_FROM` nodes, else :func:`grid_spring_layout`."""
    if len(part) == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if len(part) >= GRID_LAYOUT_FROM and not _has_scipy():
        # both large-part layouts need scipy: rings by degree instead
        warnings.warn("install scipy for a force-directed layout of large graphs", stacklevel=3)
        by_degree = sorted(part, key=lambda n: (-part.degree(n), str(n)))
        shells, size = [], 1
        while by_degree:
            shells.append(by_degree[:size])
            by_degree, size = by_degree[size:], size * 3
        raw = nx.shell_layout(part, nlist=shells, scale=radius)
    elif len(part) >= GRID_LAYOUT_FROM:
        raw = nx.rescale_layout_dict(grid_spring_layout(part, seed=LAYOUT_SEED), scale=radius)
    else:
        raw = nx.spring_layout(part, seed=LAYOUT_SEED, scale=radius)
    return {node: (float(px), float(py)) for node, (px, py) in raw.items()}


def grid_spring_layout(g: nx.Graph, *, seed: int = LAYOUT_SEED, iterations: int = 60) -> dict[Any, Any]:
    """Fruchterman and Reingold's force-directed layout with their grid variant:
    nodes repel only within ``2k`` (found with a k-d tree), so an iteration costs
    about O(n log n) instead of networkx's O(n²); a 5,000-node part takes about
    a second where ``nx.spring_layout`` takes tens. Seeded: same graph, same picture.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(g)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)  # area n, so the ideal edge length k is 1
    k = 1.0
    pos = rng.random((n, 2)) * side
    temperature = side / 10
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(2 * k, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
            force = delta * (k * k / dist**2)[:, None]
            _scatter_add(disp, pairs[:, 0], force)
            _scatter_add(disp, pairs[:, 1], -force)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
            force = delta * (dist / k)[:, None]
            _scatter_add(disp, edges[:, 0], -force)
            _scatter_add(disp, edges[:, 1], force)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {node: pos[i] for node, i in index.items()}


def _scatter_add(target: Any, rows: Any, values: Any) -> None:
    """``target[rows] += values`` with repeated rows summed (faster than ``np.add.at``)."""
    import numpy as np

    for dim in range(target.shape[1]):
        target[:, dim] += np.bincount(rows, weights=values[:, dim], minlength=target.shape[0])
