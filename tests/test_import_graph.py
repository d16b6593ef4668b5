"""No import cycle in healthlint/.

The graph is built from the source with ``ast``: every ``import`` and ``from … import`` statement,
at module level and inside functions and methods (those run too, only later), relative and
absolute. ``from package import name`` points at the submodule ``package.name`` when there is one,
else at the package. Imports under ``if TYPE_CHECKING:`` are left out: they never run, and exist
only so that annotations can name a type. ``importlib.import_module`` with a computed name (the
check registry loading its kinds) is not an import statement and is not followed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import healthlint

ROOT = Path(healthlint.__file__).resolve().parent
PACKAGE = "healthlint"


def module_names() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join([PACKAGE, *parts])] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import statement in the tree, except those under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = alias.name
                while target and target not in modules:  # "import healthlint.x.y": the deepest module
                    target = target.rpartition(".")[0]
                if target:
                    found.add(target)
            continue
        if node.level:
            base = name.split(".")
            if not is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        if source not in modules:
            continue  # outside healthlint
        for alias in node.names:
            sub = f"{source}.{alias.name}"
            found.add(sub if sub in modules else source)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan): breaking
    that cycle may leave others in the component, which the next run shows."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                components.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, comp) for comp in components]


def _one_cycle(graph: dict[str, set[str]], comp: list[str]) -> list[str]:
    """A shortest cycle through the component's first module, as a path that returns to it."""
    members = set(comp)
    start = comp[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    return comp  # pragma: no cover - a component always has a cycle


def test_the_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert "healthlint.checks.base" in graph["healthlint.checks.claim"]  # from .base import …
    assert "healthlint.lexicon" in graph["healthlint.checks.claim"]  # from ..lexicon import …
    assert "healthlint.checks" in graph["healthlint.checks.claim"]  # from . import register
    assert "healthlint.report" in graph["healthlint.cli"]  # inside a function
    assert "healthlint.parsers.markdown" in graph["healthlint.parsers"]  # from .markdown import parse, in a function


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles in healthlint/ (one per group of modules that import each other):\n" + "\n".join(
        "  " + " -> ".join(c) for c in cycles)
