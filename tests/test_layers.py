"""Layers: each module imports only from the layers below it (see the README's layout and ../shared/design.md).

The rules, by the importing module:

- ``perspectives.stages.<name>`` (a module or a package): ``perspectives`` only through ``config``, ``records``,
  ``rules`` and its own stage; never ``build``, ``measures``, ``present``, ``cli``, ``evaluate``, ``tables`` or
  another stage.
- ``perspectives.rules``: nothing from ``perspectives`` outside ``rules``. ``perspectives.records``: nothing from
  ``perspectives``. ``perspectives.config``: only ``config`` and ``rules``.
- ``perspectives.build``: never ``measures``, ``present``, ``cli``, ``evaluate``. ``perspectives.measures``: never
  ``stages``, ``build``, ``present``, ``cli``. ``perspectives.present``: never ``stages``, ``build``, ``cli``.
- Nothing in the package imports streamlit; only ``perspectives.present.charts`` imports altair (the
  dashboard draws the charts it builds).
- ``dashboard``: anything from ``perspectives`` but the stages (it goes through build, measures, present, config
  and tables).

The checker (``violations``) is a pure function of a module's name and the names it imports, so the rules are
tested on hand-made import lists as well as on the real tree.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = "perspectives"

# Allowed / forbidden parts of the package, as dotted prefixes (a prefix covers itself and its sub-modules).
_STAGE_MAY_IMPORT = ("perspectives.config", "perspectives.records", "perspectives.rules")
_NEVER = {
    "perspectives.build": ("perspectives.measures", "perspectives.present", "perspectives.cli",
                           "perspectives.evaluate"),
    "perspectives.measures": ("perspectives.stages", "perspectives.build", "perspectives.present",
                              "perspectives.cli"),
    "perspectives.present": ("perspectives.stages", "perspectives.build", "perspectives.cli"),
    "dashboard": ("perspectives.stages",),
}
_ONLY = {
    "perspectives.rules": ("perspectives.rules",),
    "perspectives.records": (),
    "perspectives.config": ("perspectives.config", "perspectives.rules"),
}
ALTAIR_HOME = "perspectives.present.charts"


def _under(name: str, prefix: str) -> bool:
    """Whether a dotted name is the prefix itself or inside it (``a.bc`` is not under ``a.b``)."""
    return name == prefix or name.startswith(prefix + ".")


def _stage_of(module: str) -> str | None:
    """``perspectives.stages.<name>`` for a module inside a stage, else None (``perspectives.stages`` itself)."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == [PACKAGE, "stages"]:
        return ".".join(parts[:3])
    return None


def violations(module: str, imports: Iterable[str]) -> list[str]:
    """The layer rules a module breaks, one readable message per offending import.

    Args:
        module: dotted name of the importing module (``perspectives.stages.topics``, ``dashboard.app``).
        imports: absolute dotted names it imports; ``from a.b import c`` counts as ``a.b.c``.
    """
    found = []
    in_src = _under(module, PACKAGE)
    stage = _stage_of(module)
    for name in sorted(set(imports)):
        reason = None
        if in_src and _under(name, "streamlit"):
            reason = "nothing in the package imports streamlit (only the dashboard does)"
        elif _under(name, "altair") and module != ALTAIR_HOME:
            reason = f"only {ALTAIR_HOME} imports altair"
        elif not _under(name, PACKAGE):
            continue
        elif stage is not None:
            if not any(_under(name, allowed) for allowed in (*_STAGE_MAY_IMPORT, stage)):
                reason = (f"a stage imports only {', '.join(_STAGE_MAY_IMPORT)} and its own stage ({stage}), "
                          "never build, measures, present, cli, evaluate, tables or another stage")
        else:
            for layer, allowed in _ONLY.items():
                if _under(module, layer) and not any(_under(name, a) for a in allowed):
                    reason = (f"{layer} imports only {', '.join(allowed)} from the package" if allowed
                              else f"{layer} imports nothing from the package")
            for layer, forbidden in _NEVER.items():
                hit = next((f for f in forbidden if _under(name, f)), None)
                if _under(module, layer) and hit:
                    reason = f"{layer} never imports {hit}"
        if reason:
            found.append(f"{module} imports {name}: {reason}")
    return found


def module_name(file: Path, root: Path) -> str:
    """The dotted module name of a file below ``root`` (``src`` or the repository for the dashboard)."""
    parts = list(file.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, *, is_package: bool) -> list[str]:
    """Every name a module's source imports, at any depth, as absolute dotted names.

    ``import a.b`` gives ``a.b``; ``from a.b import c`` gives ``a.b.c`` (c may be a module or an attribute:
    both sit under ``a.b``); relative imports are resolved against the module's package.
    """
    package = module.split(".") if is_package else module.split(".")[:-1]
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                if node.module:
                    base = [*base, *node.module.split(".")]
            else:
                base = (node.module or "").split(".")
            if base == ["__future__"]:
                continue
            names += [".".join([*base, alias.name]) for alias in node.names]
    return names


def scan(root: Path) -> dict[str, list[str]]:
    """Module name → imported names for every .py file of the package (``root/src``) and ``root/dashboard``."""
    modules = {}
    for top, base in ((root / "src" / PACKAGE, root / "src"), (root / "dashboard", root)):
        for file in sorted(top.rglob("*.py")):
            name = module_name(file, base)
            modules[name] = imported_names(file.read_text(encoding="utf-8"), name,
                                           is_package=file.name == "__init__.py")
    return modules


def tree_violations(root: Path) -> list[str]:
    """Every layer violation in a tree laid out like the repository."""
    return [v for module, names in scan(root).items() for v in violations(module, names)]


# ---------------------------------------------------------------------------------------------- the real tree

def test_the_package_and_the_dashboard_keep_their_layers() -> None:
    found = tree_violations(ROOT)
    assert not found, "layer violations:\n" + "\n".join(found)


def test_the_scan_sees_every_layer_of_the_real_tree() -> None:
    """Guards the test above against passing on an empty or misnamed scan."""
    modules = scan(ROOT)
    for layer in ("perspectives.config", "perspectives.rules", "perspectives.records", "perspectives.stages",
                  "perspectives.build", "perspectives.measures", "perspectives.present", "dashboard"):
        assert any(_under(m, layer) for m in modules), f"no module found in {layer}"
    assert any(_stage_of(m) for m in modules)
    assert any(_under(n, "perspectives.stages") for m, names in modules.items() if _under(m, "perspectives.build")
               for n in names)
    assert any(_under(n, "streamlit") for m, names in modules.items() if m.startswith("dashboard") for n in names)


# ------------------------------------------------------------------------------------------------- the checker

@pytest.mark.parametrize(("module", "name"), [
    ("perspectives.stages.sources.voice", "perspectives.stages.sources.citations.CUES"),
    ("perspectives.stages.sources", "perspectives.stages.sources.gazetteer"),
    ("perspectives.stages.topics", "perspectives.config.Topic"),
    ("perspectives.stages.topics", "perspectives.rules.terms.compile_rule"),
    ("perspectives.stages.claims", "perspectives.records.Claim"),
    ("perspectives.stages.articles.reader", "perspectives.stages.articles.markdown"),
    ("perspectives.stages.topics", "re2"),
    ("perspectives.stages", "perspectives.stages.topics"),
    ("perspectives.rules", "perspectives.rules.terms"),
    ("perspectives.config", "perspectives.rules.RULE_KINDS"),
    ("perspectives.config.load", "perspectives.config.schema.Config"),
    ("perspectives.build.run", "perspectives.stages.topics.assign_topics"),
    ("perspectives.build.run", "perspectives.tables.conform"),
    ("perspectives.measures.contrast", "perspectives.tables.TABLES"),
    ("perspectives.measures.contrast", "perspectives.config.Config"),
    ("perspectives.present.charts", "altair"),
    ("perspectives.present.briefing", "perspectives.measures.contrast"),
    ("perspectives.cli", "perspectives.build.run.run_pipeline"),
    ("perspectives.evaluate", "perspectives.stages.sources.gazetteer.fold"),
    ("dashboard.app", "streamlit"),
    ("dashboard.loading", "perspectives.build.plan"),
    ("dashboard.views.compare", "perspectives.measures.selection.Segment"),
    ("dashboard.loading", "perspectives.tables.TABLES"),
])
def test_allowed_import_is_not_reported(module: str, name: str) -> None:
    assert violations(module, [name]) == []


@pytest.mark.parametrize(("module", "name"), [
    ("perspectives.stages.stances", "perspectives.stages.topics.CompiledTopic"),
    ("perspectives.stages.sources.voice", "perspectives.stages.claims"),
    ("perspectives.stages.topics", "perspectives.stages.topics_extra"),
    ("perspectives.stages.topics", "perspectives.stages"),
    ("perspectives.stages.sources.voice", "perspectives.build.store.read_tables"),
    ("perspectives.stages.claims", "perspectives.measures.selection"),
    ("perspectives.stages.claims", "perspectives.present.charts"),
    ("perspectives.stages.claims", "perspectives.cli"),
    ("perspectives.stages.claims", "perspectives.evaluate"),
    ("perspectives.stages.claims", "perspectives.tables.TABLES"),
    ("perspectives.stages.claims", "perspectives.__version__"),
    ("perspectives.rules.terms", "perspectives.config.TermsRule"),
    ("perspectives.records", "perspectives.config.Config"),
    ("perspectives.records", "perspectives.rules"),
    ("perspectives.config", "perspectives.records.Article"),
    ("perspectives.config.schema", "perspectives.stages.topics"),
    ("perspectives.build.run", "perspectives.measures.selection"),
    ("perspectives.build.cache", "perspectives.present.charts"),
    ("perspectives.build.plan", "perspectives.cli"),
    ("perspectives.build.run", "perspectives.evaluate"),
    ("perspectives.measures.contrast", "perspectives.stages.topics"),
    ("perspectives.measures.selection", "perspectives.build.store.read_tables"),
    ("perspectives.measures.contrast", "perspectives.present.briefing"),
    ("perspectives.measures.contrast", "perspectives.cli"),
    ("perspectives.present.briefing", "perspectives.stages.claims"),
    ("perspectives.present.charts", "perspectives.build.store"),
    ("perspectives.present.briefing", "perspectives.cli"),
    ("perspectives.build.run", "streamlit"),
    ("perspectives.present.charts", "streamlit.elements"),
    ("dashboard.views.overview", "altair"),
    ("perspectives.measures.contrast", "altair"),
    ("perspectives.present.briefing", "altair.Chart"),
    ("dashboard.loading", "perspectives.stages.topics.compile_topics"),
    ("dashboard.views.compare", "perspectives.stages"),
])
def test_forbidden_import_is_reported_naming_the_module_and_the_import(module: str, name: str) -> None:
    found = violations(module, ["pandas", name])
    assert len(found) == 1, found
    assert found[0].startswith(f"{module} imports {name}: ")


def test_every_forbidden_import_of_a_module_is_reported_once() -> None:
    found = violations("perspectives.stages.claims", [
        "perspectives.build.store", "perspectives.build.store", "perspectives.records.Claim",
        "perspectives.stages.topics.assign_topics"])
    assert found == [
        violations("perspectives.stages.claims", ["perspectives.build.store"])[0],
        violations("perspectives.stages.claims", ["perspectives.stages.topics.assign_topics"])[0],
    ]


# ------------------------------------------------------------------------------------------ parsing a real file

def _write(root: Path, relative: str, source: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize("statement", [
    "from perspectives.build.store import read_tables",
    "import perspectives.build.store",
    "from perspectives.build import store",
    "from ...build import store",
    "from ...build.store import read_tables",
    "def later():\n    from perspectives.build.store import read_tables\n",
])
def test_a_stage_module_that_imports_the_build_fails_the_tree_check(tmp_path: Path, statement: str) -> None:
    _write(tmp_path, "src/perspectives/__init__.py", "")
    _write(tmp_path, "src/perspectives/stages/__init__.py", "")
    _write(tmp_path, "src/perspectives/stages/fake/__init__.py", "")
    _write(tmp_path, "src/perspectives/stages/fake/reader.py",
           f'"""A fake stage."""\nfrom __future__ import annotations\nimport re\nfrom . import helpers\n{statement}\n')
    _write(tmp_path, "dashboard/app.py", "import streamlit as st\nfrom perspectives.build import store\n")

    found = tree_violations(tmp_path)

    assert len(found) == 1, found
    assert found[0].startswith("perspectives.stages.fake.reader imports perspectives.build.store")


def test_relative_imports_resolve_against_the_module_package(tmp_path: Path) -> None:
    source = "from . import citations\nfrom .citations import CUES\nfrom .. import topics\nfrom ..claims import x\n"
    in_module = imported_names(source, "perspectives.stages.sources.voice", is_package=False)
    in_package = imported_names(source, "perspectives.stages.sources", is_package=True)

    assert in_module == ["perspectives.stages.sources.citations", "perspectives.stages.sources.citations.CUES",
                         "perspectives.stages.topics", "perspectives.stages.claims.x"]
    assert in_package == in_module
    assert violations("perspectives.stages.sources.voice", in_module) == [
        violations("perspectives.stages.sources.voice", ["perspectives.stages.claims.x"])[0],
        violations("perspectives.stages.sources.voice", ["perspectives.stages.topics"])[0],
    ]


def test_a_clean_fake_tree_has_no_violations(tmp_path: Path) -> None:
    """The tree check reports what the modules import, not the tree's shape: a lawful tree passes."""
    _write(tmp_path, "src/perspectives/__init__.py", "")
    _write(tmp_path, "src/perspectives/stages/fake.py", "from perspectives.config import Config\nimport re\n")
    _write(tmp_path, "src/perspectives/present/charts.py", "import altair as alt\n")
    _write(tmp_path, "dashboard/views/page.py", "import streamlit as st\nfrom perspectives.build import store\n")

    assert scan(tmp_path).keys() == {"perspectives", "perspectives.stages.fake", "perspectives.present.charts",
                                     "dashboard.views.page"}
    assert tree_violations(tmp_path) == []
