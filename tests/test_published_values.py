"""No published value typed into a study module or the prose: they are read from the authors' data and tables.

Every value the studies compare with is computed from the authors' figure data (mobile-gaitlab), read from the copied
tables (Health&Gait Tables 1–5) or from `published_text.csv` (values printed in papers' text). This test lists those
values at the precision they are printed or rounded to, and fails where one appears as a literal number in a module
of the library, a notebook, a benchmark or the README. Three or more significant digits match anywhere; two (e.g. 0.75, a common number)
only near a word that introduces a published result."""
import json, re
from pathlib import Path
import numpy as np
import pytest
from gait_repro.studies.published import published_text, resource_csv
from gait_repro.studies.mobile_gaitlab import published as mg

ROOT = Path(__file__).resolve().parents[1]
SCANNED = [p for p in (*sorted((ROOT / "gait_repro").rglob("*.py")), *sorted((ROOT / "nbs").rglob("*.ipynb")),
                       *sorted((ROOT / "benchmarks").glob("*.py")), ROOT / "README.md") if p.name != "_modidx.py"]
HEALTHGAIT_TABLES = ["table1_frames.csv", "table2_sex_video.csv", "table3_sex_params.csv", "table4_weight.csv", "table5_age.csv"]
CONTEXT = re.compile(r"""publish|report|paper|print|accuracy|correlation|\bMAE\b|\bAUC\b|\br\s*[=≈~]|_r["']\s*:|_mae["']\s*:"""
                     r"|Kour|Kidzi|Health&Gait|Stenum|GaitLab|GRU|KNN", re.I)
NUMBER = re.compile(r"(?<![\w.])\d*\.\d+(?![\w.])")  # a decimal literal, not part of a name or a format spec (`.1f`)

def _as_printed(v:float, decimals:int) -> str: return f"{round(v, decimals):.{decimals}f}"

def published_numbers() -> set:
    "Every published value as a typist would write it: at its printed precision, and rounded to 2 or 3 decimals."
    out = set()
    for r in published_text().itertuples(): out.add(_as_printed(r.value, int(r.decimals)))
    for name in HEALTHGAIT_TABLES:
        t = resource_csv("healthgait_published", name)
        for col in t.select_dtypes("number").columns:
            if col == "frames": continue
            for v in t[col].dropna(): out |= {_as_printed(v, 3), _as_printed(v, 2)}
    ref = mg.published_metrics(n_boot=0)
    for v in np.r_[ref.r, mg.figure_correlations().to_numpy().ravel(), mg.printed_check().recomputed]:
        if np.isfinite(v): out |= {_as_printed(v, 2), _as_printed(v, 3)}
    for v in ref.mae: out |= {_as_printed(v, 2), _as_printed(v, 3)} | ({_as_printed(v, 1)} if v >= 1 else set())
    return out

def _significant(token:str) -> int: return len(token.replace(".", "").lstrip("0"))

def _text(path:Path) -> str:
    "A file's text; a notebook's cell sources only (never its outputs)."
    if path.suffix != ".ipynb": return path.read_text()
    return "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])

def typed_values(text:str, numbers:set) -> list:
    "`(line number, token, line)` of each published value typed as a literal in `text`."
    hits = []
    for i, line in enumerate(text.splitlines(), 1):
        for m in NUMBER.finditer(line):
            tok = m.group(0)
            tok = tok if tok[0] != "." else "0" + tok
            if tok not in numbers: continue
            if _significant(tok) >= 3 or CONTEXT.search(line[max(0, m.start() - 80):m.start()]): hits.append((i, tok, line.strip()[:160]))
    return hits

@pytest.fixture(scope="module")
def numbers(): return published_numbers()

def test_the_scan_finds_typed_values(numbers):
    "The scan itself: a typed published value is found, in code and in prose, and an ordinary number is not."
    assert typed_values('PUBLISHED = {"Sex": 0.919}', numbers) and typed_values("the published r of 0.75 for GDI", numbers)
    assert typed_values("MAE 5.55 GDI points", numbers) and typed_values("weight MAE 6.37 kg", numbers)
    assert not typed_values("x = np.linspace(0, 1)[0.75 > y]", numbers) and not typed_values("sigma = 0.5", numbers)
    assert not typed_values('print(f"published budget: {t:.1f} min, MAE {m:.3f}")', numbers)  # format specs are not numbers

@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_typed_published_value(path, numbers):
    hits = typed_values(_text(path), numbers)
    assert not hits, f"{path.relative_to(ROOT)}: published values typed as literals (read them from the data): " + \
        "; ".join(f"line {i}: {tok} in {line!r}" for i, tok, line in hits)
