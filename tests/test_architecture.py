"""The layout of src/voisinage holds: imports go down the layers, never round in a cycle.

Read from the source with `ast` (nothing is imported), so the test is fast and also sees imports
that only run for the type checker (`if TYPE_CHECKING:`) or inside functions. Run this file
directly (`.venv/bin/python tests/test_architecture.py`) to print the longest import chain.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = "voisinage"

# The direction of imports, lowest first: a module may import its own package or a lower layer.
# "" is the package root (voisinage/__init__.py and the shared modules beside it).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("",),
    ("records",),
    ("model",),
    ("site", "paper", "exports"),
    ("editors", "publish"),
    ("frontends", "cli"),
)
# Imports allowed between packages of the same layer, one way only (importer, imported).
SIDEWAYS: frozenset[tuple[str, str]] = frozenset({
    ("site", "exports"),  # pages embed the JSON-LD of exports.jsonld
    ("publish", "editors"),  # the editors' page is written beside the pages
    ("cli", "frontends"),  # `voisinage preview` and `voisinage shards` drive the MkDocs front end
})
MKDOCS_ADAPTER = "voisinage.frontends.mkdocs"
MKDOCS_NAMES = frozenset({"mkdocs", "material"})
MAX_ROOT_MODULES = 12
# The synthetic portal generator's entry points (benchmarks/synthetic.py): never in the package.
GENERATOR_NAMES = frozenset({"Synthetic", "write_portal", "write_plain_site", "edit_one"})


@dataclass(frozen=True)
class Import:
    """One imported name (or module), resolved to the module that provides it."""

    importer: str  # dotted module name, e.g. voisinage.site.pages
    target: str  # dotted module name; outside voisinage, as written
    name: str | None  # the name taken from target (`from target import name`), None for modules
    line: int

    def where(self) -> str:
        return f"{path_of(self.importer)}:{self.line}"


@functools.cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name (a package is its __init__.py)."""
    found: dict[str, Path] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def path_of(module: str) -> str:
    return modules()[module].relative_to(ROOT).as_posix()


def is_package(module: str) -> bool:
    return modules()[module].name == "__init__.py"


def _base_of(module: str, node: ast.ImportFrom) -> str:
    """The absolute module a `from … import` reads from (relative levels resolved)."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package(module):
        parts.pop()  # level 1 is the module's own package
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def imports_of(module: str) -> Iterator[Import]:
    """Every import of a module, wherever it stands (top level, TYPE_CHECKING, functions)."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, None, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _base_of(module, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in modules():  # `from . import missions` imports a module
                    yield Import(module, submodule, None, node.lineno)
                else:
                    yield Import(module, base, alias.name, node.lineno)


@functools.cache
def all_imports() -> tuple[Import, ...]:
    return tuple(found for module in modules() for found in imports_of(module))


def graph() -> dict[str, set[str]]:
    """Which modules of the package each module imports (type-only imports included)."""
    edges: dict[str, set[str]] = {module: set() for module in modules()}
    for found in all_imports():
        if found.target in modules():
            edges[found.importer].add(found.target)
    return edges


def package_of(module: str) -> str:
    """The top package of a module inside voisinage: "records", "frontends"… or "" (root)."""
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and not is_package(module)):
        return ""
    return parts[1]


def layer_of(package: str) -> int:
    for number, layer in enumerate(LAYERS):
        if package in layer:
            return number
    raise AssertionError(f"package {package!r} is in no layer of LAYERS: add it")


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path (first module repeated at the end), or None."""
    done: set[str] = set()
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(module: str) -> list[str] | None:
        stack.append(module)
        on_stack.add(module)
        for target in sorted(edges[module]):
            if target in on_stack:
                return stack[stack.index(target):] + [target]
            if target not in done:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        on_stack.discard(module)
        done.add(module)
        return None

    for module in sorted(edges):
        if module not in done:
            cycle = visit(module)
            if cycle:
                return cycle
    return None


def longest_chain(edges: dict[str, set[str]]) -> list[str]:
    """The longest path of imports in the (acyclic) module graph."""

    @functools.cache
    def from_(module: str) -> tuple[str, ...]:
        chains = [from_(target) for target in sorted(edges[module])]
        return (module, *max(chains, key=len, default=()))

    return list(max((from_(module) for module in sorted(edges)), key=len))


def test_the_package_is_read() -> None:
    assert {"voisinage", "voisinage.records.checks", "voisinage.frontends.mkdocs.plugin"} <= set(
        modules()
    )
    assert any(found.target == "voisinage.records.loading" for found in all_imports())


def test_no_import_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_imports_follow_the_layers() -> None:
    wrong = []
    for found in all_imports():
        if found.target not in modules():
            continue
        importer, imported = package_of(found.importer), package_of(found.target)
        if importer == imported or (importer, imported) in SIDEWAYS:
            continue
        if layer_of(imported) >= layer_of(importer):
            wrong.append(f"{found.where()}: {found.importer} imports {found.target} "
                         f"({imported or 'root'} is not below {importer or 'root'})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_every_package_has_a_layer() -> None:
    for module in modules():
        layer_of(package_of(module))


def test_only_the_mkdocs_adapter_imports_mkdocs() -> None:
    wrong = [
        f"{found.where()}: {found.importer} imports {found.target}"
        for found in all_imports()
        if found.target.split(".")[0] in MKDOCS_NAMES
        and not (found.importer == MKDOCS_ADAPTER
                 or found.importer.startswith(MKDOCS_ADAPTER + "."))
    ]
    assert not wrong, "MkDocs or Material imported outside frontends/mkdocs:\n" + "\n".join(wrong)


def test_few_modules_at_the_package_root() -> None:
    root = sorted(p.name for p in (SRC / PACKAGE).glob("*.py") if p.name != "__init__.py")
    assert len(root) <= MAX_ROOT_MODULES, f"{len(root)} modules at the root: {root}"


def _private(name: str) -> bool:
    if name == "_":  # gettext's translation function (voisinage.messages), public by convention
        return False
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_private_name_imported_from_another_package() -> None:
    wrong = []
    for found in all_imports():
        inside = found.target in modules()
        if inside and package_of(found.target) == package_of(found.importer):
            continue
        names = found.target.split(".") + ([found.name] if found.name else [])
        if any(_private(name) for name in names):
            wrong.append(f"{found.where()}: {found.importer} imports "
                         f"{found.target}{' ' + found.name if found.name else ''}")
    assert not wrong, "private names imported from another package:\n" + "\n".join(wrong)


def test_the_synthetic_generator_is_outside_the_package() -> None:
    assert (ROOT / "benchmarks" / "synthetic.py").is_file()
    assert not [p for p in (SRC / PACKAGE).rglob("*") if "synthetic" in p.name.lower()]
    wrong = [f"{found.where()}: imports {found.target}" for found in all_imports()
             if found.target.split(".")[0] == "benchmarks"]
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrong += [f"{path_of(module)}:{node.lineno}: defines {node.name}" for node in tree.body
                  if isinstance(node, ast.FunctionDef | ast.ClassDef)
                  and node.name in GENERATOR_NAMES]
    assert not wrong, "the synthetic generator belongs in benchmarks/:\n" + "\n".join(wrong)


def test_the_checks_of_this_file_find_what_they_look_for() -> None:
    """The helpers would catch a cycle and resolve relative imports (guards against a silent pass)."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert longest_chain({"a": {"b"}, "b": {"c"}, "c": set(), "d": {"c"}}) == ["a", "b", "c"]
    node = ast.parse("from ..records import missions").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert _base_of("voisinage.site.pages", node) == "voisinage.records"
    assert _base_of("voisinage.site", node) == "voisinage.records"
    here = ast.parse("from . import pages").body[0]
    assert isinstance(here, ast.ImportFrom)
    assert _base_of("voisinage.site", here) == "voisinage.site"
    assert _base_of("voisinage.site.build", here) == "voisinage.site"
    assert package_of("voisinage.hours") == "" and package_of("voisinage") == ""
    assert package_of("voisinage.frontends.mkdocs.plugin") == "frontends"


if __name__ == "__main__":
    chain = longest_chain(graph())
    print(f"longest import chain ({len(chain)} modules):")
    print(" → ".join(chain))
