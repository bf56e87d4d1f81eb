"""Build the documentation site without Quarto: every notebook in nbs/ executed and rendered to HTML by nbconvert,
with an index page. Used by `make docs` when `quarto` (what nbdev_docs needs) is not installed."""
import html, json, subprocess, sys
from pathlib import Path

BIN, OUT = Path(sys.executable).parent, Path("_docs")
OUT.mkdir(exist_ok=True)
pages = []
for nb in sorted(Path("nbs").glob("*.ipynb"), key=lambda p: (p.stem != "index", p.stem)):
    page = "home" if nb.stem == "index" else nb.stem  # index.html is the table of contents below
    r = subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--execute", "--output-dir", str(OUT.resolve()),
                        "--output", page, nb.name],
                       cwd="nbs", capture_output=True, text=True)
    if r.returncode: sys.exit(f"docs: {nb} failed to render:\n{r.stderr[-3000:]}")
    cells = json.loads(nb.read_text())["cells"]
    title = next((l.lstrip("# ").strip() for c in cells if c["cell_type"] == "markdown" for l in "".join(c["source"]).splitlines()
                  if l.startswith("# ")), nb.stem)
    pages.append((f"{page}.html", title))
    print(f"docs: {nb} -> {OUT / pages[-1][0]}")
items = "\n".join(f'<li><a href="{f}">{html.escape(t)}</a></li>' for f, t in pages)
(OUT / "index.html").write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>gait_repro</title></head><body>"
                                f"<h1>gait_repro documentation</h1><p>Built from the notebooks in <code>nbs/</code>.</p><ul>{items}</ul></body></html>")
print(f"docs: {OUT / 'index.html'}")
