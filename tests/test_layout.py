"""The layout tells the story: notebooks are numbered by chapter, each chapter exports into its own subpackage, and no
module imports from a later chapter (the compendium, chapter 90, may import anything; nothing imports it)."""
import ast, json, re
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "gait_repro"
# chapter number -> the subpackages it exports into
CHAPTERS = {0: ("pose",), 10: ("gait",), 20: ("sim",), 30: ("studies.mobile_gaitlab", "studies.published"), 40: ("video",),
            50: ("studies.healthgait",), 60: ("studies.gaitlab",), 90: ("compendium", "cli")}

def chapter_of(module:str):
    "Chapter of a dotted module name below gait_repro (None for top-level helpers such as `_modidx`)."
    for ch, pkgs in CHAPTERS.items():
        if any(module == p or module.startswith(p + ".") for p in pkgs): return ch
    return None

def modules():
    for f in sorted(PKG.rglob("*.py")):
        rel = f.relative_to(PKG).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        name = ".".join(parts)
        container = any(p.startswith(name + ".") for pkgs in CHAPTERS.values() for p in pkgs)  # e.g. `studies`
        if parts and parts != ("_modidx",) and not container: yield name, f

def imported(module:str, path:Path) -> set:
    "gait_repro modules imported anywhere in a file (top level or inside functions), as dotted names below gait_repro."
    pkg = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[:len(pkg) - node.level + 1] + (node.module.split(".") if node.module else [])
                out.add(".".join(base))
            elif node.module and node.module.startswith("gait_repro."): out.add(node.module[len("gait_repro."):])
        elif isinstance(node, ast.Import):
            out |= {a.name[len("gait_repro."):] for a in node.names if a.name.startswith("gait_repro.")}
    return out

def test_every_module_belongs_to_a_chapter():
    orphans = [m for m, _ in modules() if chapter_of(m) is None]
    assert not orphans, f"modules outside the chapters {CHAPTERS}: {orphans}"

@pytest.mark.parametrize("module,path", list(modules()), ids=[m for m, _ in modules()])
def test_no_import_from_a_later_chapter(module, path):
    ch = chapter_of(module)
    for dep in imported(module, path):
        dch = chapter_of(dep)
        assert dch is not None, f"{module} imports {dep}, which is in no chapter"
        if ch == 90: continue
        assert dch != 90, f"{module} imports the compendium ({dep}); nothing may"
        assert dch <= ch, f"{module} (chapter {ch:02d}) imports {dep} (chapter {dch:02d}), a later chapter"

def test_notebooks_export_into_their_chapter():
    for nb in sorted((ROOT / "nbs").glob("[0-9][0-9]_*.ipynb")):
        ch = int(nb.name[:2]) // 10 * 10
        first = "".join(json.loads(nb.read_text())["cells"][0]["source"])
        m = re.search(r"#\|\s*default_exp\s+([\w.]+)", first)
        if m is None: continue  # a notebook that exports nothing
        assert chapter_of(m.group(1)) == ch, f"{nb.name} exports {m.group(1)}, which is not chapter {ch:02d}"

def test_the_checker_sees_a_violation(tmp_path):
    "The import scan would catch a later-chapter import, relative or absolute."
    f = tmp_path / "events.py"
    f.write_text("from ...sim.simulate import film\nfrom gait_repro.studies.mobile_gaitlab.cnn import x\n")
    deps = imported("gait.events", f)
    assert deps == {"sim.simulate", "studies.mobile_gaitlab.cnn"}
    assert max(chapter_of(d) for d in deps) > chapter_of("gait.events")


@pytest.mark.parametrize("nb", sorted(Path("nbs/figures").glob("*.ipynb")), ids=lambda p: p.stem)
def test_figure_notebooks_take_parameters(nb):
    "papermill sets a figure notebook's scale, seed and folders through its one cell tagged `parameters`"
    cells = json.loads(nb.read_text())["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{nb}: {len(tagged)} cells tagged 'parameters'"
    assert re.search(r"^out_dir\s*=", "".join(tagged[0]["source"]), re.M), f"{nb}: the parameters cell sets no out_dir"

# The simulator measures its truth with the clinical GDI (`gait.gdi`) and `sim.calibrate` runs the pipeline to tune it;
# nothing else in `sim` may read the pipeline: walkers built from the measurement's own tables (its height scale's
# proportions, its thresholds) would agree with it by construction.
SIM_MAY_IMPORT = {"sim.calibrate": {"gait.clean", "gait.bouts", "gait.events", "gait.evaluation"}}

@pytest.mark.parametrize("module,path", [(m, p) for m, p in modules() if chapter_of(m) == 20], ids=lambda x: str(x))
def test_the_simulator_does_not_read_the_pipeline(module, path):
    pipeline = {d for d in imported(module, path) if chapter_of(d) == 10} - {"gait.gdi"}
    extra = pipeline - SIM_MAY_IMPORT.get(module, set())
    assert not extra, f"{module} imports the measurement pipeline's {sorted(extra)}"
