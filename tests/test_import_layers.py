"""The import layers: no cycles among the modules of ``checks``, ``tui`` and ``sourcecheck``, and
imports only go down: ``sourcecheck`` (command line) -> ``tui`` (app) -> ``checks`` (engine).

A cycle worked around with an import inside a function is a design that wants a lower layer
(STYLE.md); grimp reads every import statement, function-level ones included, so such a
workaround fails here too.
"""

from __future__ import annotations

import grimp
import pytest

PACKAGES = ("checks", "tui", "sourcecheck")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, include_external_packages=False)


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The import cycles of ``graph``: each strongly connected set of two or more modules (or a
    module importing itself), sorted. Tarjan's algorithm, iterative so that depth is no limit."""
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1 or node in edges[node]:
                    cycles.append(sorted(members))
    return sorted(cycles)


def test_no_import_cycles(graph):
    cycles = import_cycles(graph)
    assert not cycles, "import cycles (move the shared piece to a lower module):\n" + "\n".join(
        " <-> ".join(c) for c in cycles
    )


# What each package may import: itself and the layers below it.
ALLOWED = {"checks": {"checks"}, "tui": {"tui", "checks"}, "sourcecheck": {"sourcecheck", "tui", "checks"}}


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_only_go_down(graph, package):
    """Every direct import stays in the package or goes to a lower one; so no chain climbs up
    either, since a chain's first step out of the package would be such an import."""
    wrong = sorted(
        (importer, imported)
        for importer in graph.modules
        if importer.split(".")[0] == package
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.split(".")[0] not in ALLOWED[package]
    )
    assert not wrong, f"{package} imports a layer above it: " + ", ".join(f"{a} -> {b}" for a, b in wrong)


def test_the_cycle_finder_finds_a_cycle():
    """The finder itself, on a graph with a planted cycle beside an acyclic part."""
    g = grimp.ImportGraph()
    for m in ("p", "p.a", "p.b", "p.c", "p.d"):
        g.add_module(m)
    g.add_import(importer="p.a", imported="p.b")
    g.add_import(importer="p.b", imported="p.c")
    g.add_import(importer="p.c", imported="p.a")
    g.add_import(importer="p.d", imported="p.a")
    assert import_cycles(g) == [["p.a", "p.b", "p.c"]]
