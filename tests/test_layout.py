"""The layout tells the story: notebooks are numbered by chapter, each chapter exports into its own subpackage, and no
module imports from a later chapter (the compendium, chapter 90, may import anything; nothing imports it). The import
graph has no cycle, and the front doors (the command line, the app, batch) reach the library through the task layer
(chapter 70), by public names only."""
import ast, json, re
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "gait_repro"
# chapter number -> the subpackages it exports into
CHAPTERS = {0: ("pose",), 10: ("gait",), 20: ("sim",), 30: ("studies.mobile_gaitlab", "studies.published"), 40: ("video",),
            50: ("studies.healthgait",), 60: ("studies.gaitlab",), 70: ("tasks",), 90: ("compendium", "cli")}

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
SIM_MAY_IMPORT = {"sim.calibrate": {"gait.preprocess", "gait.clean", "gait.bouts", "gait.events", "gait.evaluation"}}  # preprocess: the leg-swap cost it tunes

@pytest.mark.parametrize("module,path", [(m, p) for m, p in modules() if chapter_of(m) == 20], ids=lambda x: str(x))
def test_the_simulator_does_not_read_the_pipeline(module, path):
    pipeline = {d for d in imported(module, path) if chapter_of(d) == 10} - {"gait.gdi"}
    extra = pipeline - SIM_MAY_IMPORT.get(module, set())
    assert not extra, f"{module} imports the measurement pipeline's {sorted(extra)}"


def import_graph() -> dict:
    "module -> the gait_repro modules it imports (at the top or inside functions), as dotted names below gait_repro."
    names = {m for m, _ in modules()}
    owner = lambda d: d if d in names else next((m for m in names if d.startswith(m + ".")), d)   # `pkg.module.name` -> module
    return {m: {owner(d) for d in imported(m, f)} - {m} for m, f in modules()}

def cycles(graph:dict) -> list:
    "The import cycles of `graph`, each as a list of modules (depth-first search)."
    found, state = [], {}
    def visit(m, path):
        state[m] = "open"
        for d in sorted(graph.get(m, ())):
            if state.get(d) == "open": found.append(path[path.index(d):] + [d])
            elif d not in state: visit(d, path + [d])
        state[m] = "done"
    for m in sorted(graph):
        if m not in state: visit(m, [m])
    return found

def test_no_import_cycle():
    assert not (c := cycles(import_graph())), f"import cycles: {c}"

def test_the_cycle_finder_finds_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]] and cycles({"a": {"b"}, "b": set()}) == []

FRONT_DOORS = ("cli", "compendium.app", "compendium.batch")
TASK_WORK = {"analyze_video", "predict_metrics", "classify_video", "gait_parameters", "healthgait_parameters", "load_published",
             "load_models", "read_pose"}  # what the task layer does for the front doors

def imported_names(path:Path) -> list:
    "(module, name) of every `from gait_repro... import name` in a file, relative imports resolved to their last part."
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("gait_repro")):
            out += [(node.module or "", a.name) for a in node.names]
    return out

@pytest.mark.parametrize("module", FRONT_DOORS)
def test_front_doors_use_the_task_layer(module):
    path = PKG / (module.replace(".", "/") + ".py")
    names = imported_names(path)
    private = [f"{m}.{n}" for m, n in names if n.startswith("_")]
    assert not private, f"{module} imports private names {private}"
    around = [f"{m}.{n}" for m, n in names if n in TASK_WORK and not m.endswith("tasks")]
    assert not around, f"{module} does the task layer's work itself: {around}"
    assert any(m.endswith("tasks") for m, _ in names), f"{module} does not use the task layer"

PROMISES = re.compile(r"still to come|not in yet|will be added|once it exists|coming soon|to be added later|\bTODO\b", re.I)

def test_prose_promises_nothing():
    """The docs describe what the code does now: no chapter, guide or README promises a feature "still to come" (a
    user read, in `41_analyze`, that the overlay, the HTML report and the OpenSim files were still to come, long after
    they came). What is not done is said as a fact ("no normative table for children is shipped")."""
    texts = {p: "".join("".join(c["source"]) for c in json.loads(p.read_text())["cells"] if c["cell_type"] == "markdown")
             for p in sorted((ROOT / "nbs").rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts}
    texts.update({p: p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "nbs" / "guides").glob("*.md"))]})
    found = [f"{p.relative_to(ROOT)}: {m[0]!r}" for p, t in texts.items() for m in [PROMISES.search(t)] if m]
    assert not found, found
    assert PROMISES.search("the HTML report is still to come") and not PROMISES.search("the HTML report is written")
