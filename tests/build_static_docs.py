"""Build the documentation site without Quarto: `make docs` runs this when `quarto` (what `nbdev_docs` needs) is missing.

    .venv/bin/python tests/build_static_docs.py [--out _docs] [--proc _proc] [--jobs 2]

1. nbdev's own processors turn each notebook of nbs/ and nbs/figures/ into what `nbdev_docs` would hand to Quarto
   (written to `--proc`): hidden and exported cells go, a `show_doc` cell (signature and docstring) follows each
   exported function and class, and only what those need runs: exported cells and imports, never the analysis.
2. nbconvert renders each processed notebook, and mistune each Markdown page (nbs/guides/, figures/SUMMARY.md, any
   repository Markdown file a page links to), into one page template: a top bar, a sidebar with the chapters of
   README's "Layout" table, the page.
3. Links are rewritten for the site: notebook to page (anchors matched as nbdev writes them), nbdev's doc links to
   local anchors, images and other files copied in, a repository path that is no page shown as code. So a fresh
   clone gives a site with no broken internal link (tests/test_docs.py checks it with LinkChecker).
4. Generated pages: the API index (`api.html`, every name of each module's `__all__`), the figures (`figures.html`)
   and the guides' index."""
import argparse, ast, configparser, html, json, os, posixpath, re, shutil, sys, time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
NBS, GUIDES, FIGURES = ROOT / "nbs", ROOT / "nbs" / "guides", ROOT / "figures"
PROJECT = "gait_repro"
COPY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".csv", ".json", ".mp4", ".txt"}
EXPORT_DIRECTIVES = {"export", "exports", "exporti", "exec_doc"}
GUIDE_ORDER = ["analyse-a-video", "your-own-dataset", "reproduce-the-papers", "run-on-a-cluster"]  # others follow, by name


# ---------------------------------------------------------------------------------------------- 1. nbdev processing
def _imports_only(source):
    "The top-level import statements of a cell that also holds other code, or None if it holds only imports."
    try: tree = ast.parse(source)
    except SyntaxError: return None
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    if len(imports) == len(tree.body): return None
    return "\n".join(ast.get_source_segment(source, n) for n in imports)


def process_notebook(job):
    """Run nbdev's docs processors (`nbdev.processors.FilterDefaults`, as `nbdev_proc_nbs` does) on one notebook, in
    its folder, and write the result. nbdev would also run whole cells that mix imports with other code; here only
    their imports run, so no analysis or test code is executed. Returns the front matter and the rendered cells."""
    src, dst = map(Path, job)
    os.environ["IN_TEST"] = "1"  # as nbdev.serve_drv: no _modidx rebuild
    os.chdir(src.parent)  # relative paths in imports and exported cells, as under nbdev_test
    from execnb.nbio import read_nb, write_nb
    from nbdev.process import NBProcessor
    from nbdev.processors import FilterDefaults, exec_show_docs

    class exec_docs_only(exec_show_docs):
        "nbdev's `exec_show_docs`, but a cell mixing imports with other code only runs its imports."
        def __call__(self, cell):
            source = cell.get("source")
            imports = None
            if cell.cell_type == "code" and source and not set(cell.directives_) & EXPORT_DIRECTIVES and "show_doc" not in source:
                imports = _imports_only(source)
            if imports is not None: cell.source = imports
            try: super().__call__(cell)
            finally:
                if imports is not None: cell.source = source

    nb = read_nb(src)
    title, description = take_title(nb.cells)
    nb.frontmatter_ = {"title": title, **({"description": description} if description else {})}
    procs = [exec_docs_only if p is exec_show_docs else p for p in FilterDefaults().procs()]
    try: NBProcessor(nb=nb, procs=procs).process()
    except Exception as e: raise RuntimeError(f"docs: nbdev's processors failed on {src}: {e}") from None
    dst.parent.mkdir(parents=True, exist_ok=True)
    write_nb(nb, dst)
    return {**nb.frontmatter_, "body": render_notebook(dst)}


def take_title(cells):
    """Title and description of a notebook: the first Markdown cell's `# Title` line and the `> description` line
    after it, removed from the cell (the rest of the cell stays). A first line without `# ` is taken as the title."""
    for cell in cells:
        if cell.get("cell_type") != "markdown": continue
        lines = "".join(cell["source"]).strip("\n").splitlines()
        if not lines: continue
        title, rest = lines[0].lstrip("#").strip(), lines[1:]
        description = None
        while rest and not rest[0].strip(): rest = rest[1:]
        if rest and rest[0].startswith(">"): description, rest = rest[0].lstrip("> ").strip(), rest[1:]
        cell["source"] = "\n".join(rest).strip("\n")
        return title, description
    return None, None


def quiet_stderr():
    "Silence a worker's stderr (TensorFlow's C++ start-up lines); its exceptions still come back to the parent."
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)


def process_all(notebooks, proc_dir, jobs):
    "Process and render the notebooks on `jobs` worker processes; returns {notebook: front matter and body}."
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # TensorFlow's start-up chatter, when a notebook imports it
    sys.path.insert(0, str(Path(__file__).parent))  # the workers import this file as a module, by name
    import build_static_docs as me
    work = [(str(nb), str(proc_dir / nb.relative_to(NBS))) for nb in notebooks]
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=me.quiet_stderr) as ex:
        return dict(zip(notebooks, ex.map(me.process_notebook, work)))


# ---------------------------------------------------------------------------------------------- 2. rendering
@dataclass
class Page:
    "One page of the site: its URL (relative to the site root), source file (None if generated), title, body."
    url: str
    src: Path | None
    title: str
    body: str = ""
    description: str | None = None


_re_attr_link = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)\{[^}\n]*\}")
_re_fence_div = re.compile(r"^:::.*$\n?", re.MULTILINE)


_re_fenced = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_re_code_link = re.compile(r"\[(`[^`\n]+`)\]\([^)\s]+\)")


def plain_markdown(md):
    """Quarto-flavoured Markdown (as nbdev writes it) to plain Markdown: `[t](u){attrs}` links, `:::` fences go, and
    the doc links nbdev's `add_links` puts inside code blocks (a signature's comments) become the name again."""
    md = _re_fenced.sub(lambda m: _re_code_link.sub(r"\1", m[0]), md)
    md = _re_attr_link.sub(lambda m: f'<a class="source-link" href="{m[2]}">{m[1]}</a>' if m[1] == "source"
                           else f"[{m[1]}]({m[2]})", md)
    return _re_fence_div.sub("", md)


_re_option = re.compile(r"^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$")


def quarto_options(source):
    "The `#| key: value` lines that open a code cell, as a dict, and the code without them."
    lines, opts = source.splitlines(), {}
    while lines and _re_option.match(lines[0]):
        k, v = _re_option.match(lines.pop(0)).groups()
        opts[k] = v.strip("'\"").lower()
    return opts, "\n".join(lines)


def plain_cells(nb):
    """Turn nbdev's processed cells into plain Jupyter cells nbconvert renders as Quarto would: front matter goes,
    `echo: false` hides code (a `show_doc` cell becomes its Markdown), `include: false` drops a cell."""
    import nbformat
    cells = []
    for c in nb.cells:
        if c.cell_type == "raw": continue
        if c.cell_type == "markdown":
            c.source = plain_markdown(c.source)
            if re.sub(r"<!--.*?-->", "", c.source, flags=re.DOTALL).strip(): cells.append(c)
            continue
        opts, c.source = quarto_options(c.source)
        if opts.get("include") == "false": continue
        if opts.get("output") == "false": c.outputs = []
        md = [o["data"]["text/markdown"] for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
        if opts.get("echo") == "false" and md:
            cells.append(nbformat.v4.new_markdown_cell(plain_markdown("\n\n".join(md)), metadata={"tags": ["showdoc"]}))
            continue
        if opts.get("echo") == "false": c.metadata.setdefault("tags", []).append("remove_input")
        if c.source.strip() or c.get("outputs"): cells.append(c)
    for i, c in enumerate(cells): c["id"] = f"cell-{i}"  # nbdev's new cells have none
    nb.cells = cells
    nb.metadata.pop("widgets", None)  # exec_show_docs' (empty) widget state: nothing to show
    return nb


def render_notebook(path):
    "A processed notebook's cells as HTML (nbconvert's `basic` template: no page around it, no prompts)."
    import nbformat
    from nbformat.v4.rwbase import rejoin_lines
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    exporter = HTMLExporter(template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags={"remove_input"}), enabled=True)
    nb = rejoin_lines(nbformat.from_dict(json.loads(Path(path).read_text())))  # not nbformat.read: nbdev's cells have no id
    body, _ = exporter.from_notebook_node(plain_cells(nb))
    return body


def markdown_page(path, url):
    "A Markdown file as a page: its first `# ` line is the title, the rest the body (mistune, as nbconvert renders)."
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    text = path.read_text()
    m = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
    title = m[1] if m else path.stem
    if m: text = text[:m.start()] + text[m.end():]
    desc = re.match(r"\s*>\s*(.+?)\s*\n", text)
    if desc: text = text[desc.end():]
    return Page(url, path, title, markdown2html_mistune(plain_markdown(text)), desc[1] if desc else None)


# ---------------------------------------------------------------------------------------------- 3. links
def relative_url(target, page_url):
    "URL of site path `target` as written on the page at site path `page_url`."
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def source_body(path):
    "A source file as a page's body: its lines numbered, each an anchor `L<n>` (as nbdev's source links point)."
    lines = path.read_text().splitlines()
    rows = "".join(f'<span id="L{i}" class="line"><a href="#L{i}">{i:4d}</a>  {html.escape(l)}</span>\n' for i, l in enumerate(lines, 1))
    return f"<h1>{html.escape(path.relative_to(ROOT).as_posix())}</h1><pre class='source'>{rows}</pre>"


def page_ids(body):
    "Every id on a page."
    return set(re.findall(r'\bid="([^"]+)"', body))


def match_anchor(ids, fragment):
    "The page's id for `fragment`: exact, else ignoring case and '-' for ' ' (nbdev writes lower-case anchors)."
    if not fragment or fragment in ids: return fragment
    key = unquote(fragment).lower().replace(" ", "-")
    return next((i for i in sorted(ids) if i.lower() == key), None)


class Site:
    "The pages, the files copied in, and the rules that turn a source's links into links of the site."
    def __init__(self, out):
        self.out, self.pages, self.by_src, self.warnings, self.unlinked, self.rewritten = out, {}, {}, [], 0, set()
        cfg = configparser.ConfigParser()
        cfg.read(ROOT / "settings.ini")
        d = cfg["DEFAULT"]
        self.doc_host = d["doc_host"].rstrip("/") + "/" + (d["doc_baseurl"].strip("/") + "/").lstrip("/")
        self.git_blob = d["git_url"].rstrip("/") + f"/blob/{d['branch']}/"  # nbdev's "source" links start so
        self.nbdev_names = {}  # nbdev's page names (14_params.ipynb -> params.html) -> our pages

    def add(self, page):
        "Add a page (replacing one at the same URL)."
        self.pages[page.url] = page
        if page.src is not None: self.by_src[page.src.resolve()] = page
        if page.src is not None and page.src.suffix == ".ipynb":
            name = re.sub(r"^\d+[a-zA-Z0-9]*_", "", page.src.name.lower())  # as nbdev.doclinks._nbpath2html
            self.nbdev_names[page.src.relative_to(NBS).with_name(name).with_suffix(".html").as_posix()] = page
        return page

    def copy_in(self, path):
        "Copy a repository file into files/ in the site; returns its site path."
        rel = "files/" + path.resolve().relative_to(ROOT).as_posix()
        dest = self.out / rel
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
        return rel

    def target(self, href, page):
        """Where a link in `page`'s source points in the site: (site path, fragment); ("", href) for a link kept as it
        is (http(s), mailto, same-page anchors); None for a path the site does not have."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path: return "", href
        path = (page.src.parent / unquote(parts.path)).resolve()
        if path in self.by_src: return self.by_src[path].url, parts.fragment
        if not path.is_file() or ROOT not in path.parents: return None
        if path.suffix == ".md":  # a repository Markdown file (README.md, data/raw/README.md, ...) becomes a page
            url = "files/" + path.relative_to(ROOT).with_suffix(".html").as_posix()
            return self.add(markdown_page(path, url)).url, parts.fragment
        if path.suffix.lower() in COPY_SUFFIXES: return self.copy_in(path), ""
        return None

    def doc_link(self, href):
        "nbdev's link to a name's docs (https://<doc_host>/params.html#scale) as (our page, its anchor), or None."
        path, _, frag = href[len(self.doc_host):].partition("#")
        page = self.nbdev_names.get(path)
        if page is None or not frag: return page and (page.url, "")
        anchor = match_anchor(page_ids(page.body), frag)
        return (page.url, anchor) if anchor else None

    def source_link(self, href):
        """nbdev's link to a name's source (<git_url>/blob/<branch>/gait_repro/x.py#L12) as (the site's page of that
        file, the line's anchor): the site serves the library's source itself, so the link works wherever it is read."""
        rel, _, frag = href[len(self.git_blob):].partition("#")
        path = (ROOT / unquote(rel)).resolve()
        if not path.is_file() or ROOT not in path.parents: return None
        url = "files/" + path.relative_to(ROOT).as_posix() + ".html"
        if url not in self.pages: self.add(Page(url, None, path.relative_to(ROOT).as_posix(), source_body(path)))
        return url, frag

    def rewrite(self, page):
        "Rewrite the links and image sources of a page made from a source file (see `target`)."
        def link(m):
            href, inner = html.unescape(m["href"]), m["inner"]
            if href.startswith(self.git_blob):  # before doc links: git_url may lie under doc_host
                t = self.source_link(href)
                if t is None: self.warnings.append(f"{page.src.relative_to(ROOT)}: {href} is no source file of the repository: shown as code")
            elif href.startswith(self.doc_host):
                t = self.doc_link(href)
                if t is None: self.unlinked += 1  # a private helper or a method: nbdev shows no docs for it
            else:
                t = self.target(href, page)
                if t is None: self.warnings.append(f"{page.src.relative_to(ROOT)}: {href} is not in the site: shown as code")
            if t is None: return inner if "<code>" in inner else f"<code>{inner}</code>"
            url, frag = t
            new = href if not url else self.site_href(url, frag, page)
            return m[0].replace(f'href="{m["href"]}"', f'href="{html.escape(new, quote=True)}"', 1)

        def image(m):
            t = self.target(html.unescape(m["src"]), page)
            if t is None:
                self.warnings.append(f"{page.src.relative_to(ROOT)}: image {m['src']} does not exist: left out")
                return ""
            url, _ = t
            return m[0] if not url else m[0].replace(f'src="{m["src"]}"', f'src="{relative_url(url, page.url)}"', 1)

        def notebook_path(m):  # `nbs/21_simulate.ipynb` written as code in the prose: a link to its page
            path = (ROOT / m[1]).resolve()
            if path not in self.by_src: return m[0]
            return f'<a href="{os.path.relpath(path, page.src.parent)}">{m[0]}</a>'

        body = re.sub(r'(?<!">)<code>(nbs/[\w./-]+\.ipynb)</code>', notebook_path, page.body)
        body = re.sub(r'<a\b[^>]*?\bhref="(?P<href>[^"]*)"[^>]*>(?P<inner>.*?)</a>', link, body, flags=re.DOTALL)
        page.body = re.sub(r'<img\b[^>]*?\bsrc="(?P<src>[^"]*)"[^>]*>', image, body)
        return page

    def rewrite_pending(self):
        "Rewrite every page made from a source file that is not yet rewritten (rewriting may add Markdown pages)."
        while todo := [p for u, p in list(self.pages.items()) if p.src is not None and u not in self.rewritten]:
            for p in todo: self.rewrite(p); self.rewritten.add(p.url)

    def site_href(self, url, frag, page):
        "A link from `page` to site path `url` and an anchor, matched against the target page's ids."
        if frag and url in self.pages:
            hit = match_anchor(page_ids(self.pages[url].body), frag)
            if hit is None: self.warnings.append(f"{page.src.relative_to(ROOT)}: no anchor #{frag} on {url}: linked to the page")
            frag = hit
        return relative_url(url, page.url) + (f"#{frag}" if frag else "")


# ---------------------------------------------------------------------------------------------- 4. generated pages
def chapters():
    "Chapter names by number from README's Layout table (`| **00 pose data** |`)."
    return {int(n): name for n, name in re.findall(r"^\|\s*\*\*(\d\d) ([^*]+)\*\*", (ROOT / "README.md").read_text(), re.MULTILINE)}


def module_api(module):
    "[(name, kind, docstring's first paragraph)] for each name of a module's `__all__`, read from its source (not imported)."
    path = ROOT / (PROJECT + "/" + module.replace(".", "/") + ".py")
    tree = ast.parse(path.read_text())
    names = next((ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                  and any(getattr(t, "id", None) == "__all__" for t in n.targets)), [])
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    api = []
    for name in names:
        if name.startswith("_"): continue
        d = defs.get(name)
        kind = "class" if isinstance(d, ast.ClassDef) else "function" if d else "constant"
        doc = " ".join(first_paragraph(ast.get_docstring(d) or "").split()) if d else ""
        api.append((name, kind, doc))
    return api


def default_exp(nb_path):
    "The module a notebook exports to (its `#| default_exp`), or None."
    m = re.search(r"#\|\s*default_exp\s+([\w.]+)", nb_path.read_text())
    return m[1] if m else None


def api_page(site, notebooks):
    "The API index: every public name of every module, chapter by chapter, linked to its show_doc anchor."
    names, parts = chapters(), []
    for chapter in sorted({int(nb.stem[:2]) // 10 * 10 for nb in notebooks}):
        rows = []
        for nb in (n for n in notebooks if int(n.stem[:2]) // 10 * 10 == chapter):
            module, page = default_exp(nb), site.by_src[nb.resolve()]
            if not module: continue
            ids = page_ids(page.body)
            items = []
            for name, kind, doc in module_api(module):
                anchor = match_anchor(ids, name)
                href = page.url + (f"#{anchor}" if anchor else "")
                items.append(f'<tr><td><a href="{href}"><code>{html.escape(name)}</code></a></td><td class="kind">{kind}</td>'
                             f"<td>{inline_md(doc) if doc else ''}</td></tr>")
            rows.append(f'<h3 id="{module}"><code>{PROJECT}.{module}</code> <span class="from">— <a href="{page.url}">'
                        f'{html.escape(page.title)}</a></span></h3>\n<table class="api"><tbody>{"".join(items)}</tbody></table>')
        if rows: parts.append(f'<h2 id="chapter-{chapter:02d}">{chapter:02d} {html.escape(names.get(chapter, ""))}</h2>' + "\n".join(rows))
    intro = (f"<p>Every public name of the library (each module's <code>__all__</code>), module by module, linked to its "
             f"documentation: signature and docstring on the module's notebook page. Constants link to their page.</p>")
    return Page("api.html", None, "API index", intro + "\n".join(parts), "Every exported name, by chapter and module")


def first_paragraph(md):
    "The first paragraph of some Markdown."
    return next((p.strip() for p in re.split(r"\n\s*\n", md) if p.strip()), "")


def figure_images(figure_nbs):
    "{notebook stem: [PNG paths]} from figures/manifest.json if `make reproduce` wrote it, else by name; and the rest."
    pngs = sorted(FIGURES.glob("*.png")) + sorted(FIGURES.glob("*/*.png"))
    manifest = FIGURES / "manifest.json"
    found = {nb.stem: [] for nb in figure_nbs}
    if manifest.exists():
        for stem, entry in json.loads(manifest.read_text()).get("figures", {}).items():
            outs = {(ROOT / o["path"]).resolve() for o in entry.get("outputs", [])}
            found.setdefault(stem, []).extend(p for p in pngs if p.resolve() in outs)
    else:
        for p in pngs:
            stem = max((s for s in found if p.parent == FIGURES and p.stem.startswith(s)), key=len, default=None)
            if stem: found[stem].append(p)
    shown = {p for ps in found.values() for p in ps}
    return found, [p for p in pngs if p not in shown]


def figure_html(site, png, page_url, caption):
    "A figure PNG copied into the site, as a linked image with a caption, for the page at `page_url`."
    src = relative_url(site.copy_in(png), page_url)
    return f'<figure><a href="{src}"><img src="{src}" alt="{png.stem}" loading="lazy"></a><figcaption>{caption}</figcaption></figure>'


def show_figures(site, figure_nbs, found):
    "Put on each figure notebook's page the figures it made at the last `make reproduce` (its code is not run here)."
    for nb in figure_nbs:
        page, pics = site.by_src[nb.resolve()], found.get(nb.stem, [])
        if pics: box = "".join(figure_html(site, p, page.url, f"<code>figures/{p.name}</code>") for p in pics)
        else: box = "<p>Not made yet: <code>make reproduce</code> writes this notebook's figures into <code>figures/</code>.</p>"
        page.body = (f'<div class="made-figures"><h2 id="figures-made">Its figures</h2><div class="gallery">{box}</div></div>'
                     if pics else f'<div class="made-figures">{box}</div>') + page.body


def figures_page(site, figure_nbs, found, others):
    "The paper figures: a table of the figure notebooks, the figures themselves where they exist, SUMMARY.md."
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    rows, gallery = [], []
    for nb in figure_nbs:
        page = site.by_src[nb.resolve()]
        cells = json.loads(nb.read_text())["cells"]
        intro = next((c for c in cells if c["cell_type"] == "markdown"), None)
        what = first_paragraph("\n".join("".join(intro["source"]).splitlines()[1:])) if intro else ""
        what_html = site.rewrite(Page("figures.html", nb, "", markdown2html_mistune(plain_markdown(what)))).body
        pics = found.get(nb.stem, [])
        made = f"<p class=made>In <code>figures/</code>: {', '.join(f'<code>{p.name}</code>' for p in pics)}</p>" if pics else ""
        rows.append(f'<tr><td><a href="{page.url}"><code>{nb.stem}</code></a></td><td><strong>{html.escape(page.title)}</strong>'
                    f"{what_html}{made}</td></tr>")
        gallery += [figure_html(site, p, "figures.html", f'<code>{p.name}</code> — <a href="{page.url}">{html.escape(page.title)}</a>')
                    for p in pics]
    gallery += [figure_html(site, p, "figures.html", f"<code>{p.relative_to(ROOT)}</code>") for p in others]
    guide = site.pages.get("guides/reproduce-the-papers.html")
    guide = f' (see the guide <a href="{guide.url}">{html.escape(guide.title)}</a>)' if guide else ""
    s = site.pages.get("summary.html")
    if s:
        note = f'<p><strong>Every reproduced number, published beside reproduced:</strong> <a href="{s.url}">{html.escape(s.title)}</a> (<code>figures/SUMMARY.md</code>).</p>'
    else:
        note = ("<p><code>figures/SUMMARY.md</code>, every reproduced number beside the published one, does not exist yet: "
                "<code>make reproduce</code> writes it, with the figures below, and <code>make docs</code> then shows it here.</p>")
    body = (f"<p><code>make reproduce</code> runs each notebook of <code>nbs/figures/</code> with papermill and writes its figures "
            f"(PNG and PDF) and tables into <code>figures/</code>, with <code>figures/manifest.json</code>{guide}.</p>{note}"
            f'<h2 id="notebooks">The figure notebooks</h2><table class="figures"><thead><tr><th>notebook</th><th>what it shows</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f'<h2 id="gallery">The figures</h2>'
            + (f'<div class="gallery">{"".join(gallery)}</div>' if gallery else "<p>No figure has been made yet.</p>"))
    return Page("figures.html", None, "Figures", body, "The paper figures `make reproduce` writes, and the notebooks that draw them")


def guides_index(guides):
    "The guides' landing page: each guide with its first paragraph."
    items = "".join(f'<li><a href="{relative_url(g.url, "guides/index.html")}">{html.escape(g.title)}</a>'
                    f"{'<br>' + inline_md(g.description) if g.description else ''}</li>" for g in guides)
    return Page("guides/index.html", None, "Guides", f'<ul class="guides">{items}</ul>', "Getting started, task by task")


# ---------------------------------------------------------------------------------------------- 5. the template
CSS = """
:root { --side: 290px; --top: 52px; --accent: #1f6f8b; --line: #e3e6ea; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2327; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
.topbar { position: fixed; top: 0; left: 0; right: 0; height: var(--top); display: flex; align-items: center; gap: 28px;
  padding: 0 24px; background: #17333f; color: #fff; z-index: 10; }
.topbar .brand { color: #fff; font-weight: 700; font-size: 19px; letter-spacing: .3px; }
.topbar nav a { color: #cfe6ee; margin-right: 22px; font-size: 15px; } .topbar nav a.active { color: #fff; font-weight: 600; }
.sidebar { position: fixed; top: var(--top); bottom: 0; left: 0; width: var(--side); overflow-y: auto; padding: 16px 12px 40px 18px;
  background: var(--soft); border-right: 1px solid var(--line); font-size: 14px; }
.sidebar h4 { margin: 16px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .6px; color: #5c6670; }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar li a { display: block; padding: 2px 8px; border-radius: 4px; color: #27323a; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sidebar li a:hover { background: #e8edf1; text-decoration: none; } .sidebar li a.active { background: #dbe9ef; color: #0d4f66; font-weight: 600; }
.sidebar .num { display: inline-block; width: 24px; color: #7a858e; font-variant-numeric: tabular-nums; }
main { margin: var(--top) 0 0 var(--side); padding: 28px 48px 80px; max-width: calc(var(--side) + 1000px); }
main .content { max-width: 960px; }
h1.title { margin: 0 0 6px; font-size: 30px; line-height: 1.25; } p.lead { margin: 0 0 22px; color: #4a555e; font-size: 17px; }
[id] { scroll-margin-top: calc(var(--top) + 12px); }
h2 { margin-top: 36px; padding-bottom: 4px; border-bottom: 1px solid var(--line); } h3 { margin-top: 26px; }
code { font: 0.88em/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f2f4; padding: 1px 4px; border-radius: 3px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; overflow-x: auto; line-height: 1.45; }
pre code, .highlight pre code { background: none; padding: 0; }
.highlight { background: var(--soft); } .highlight pre { margin: 0 0 8px; }
table { border-collapse: collapse; margin: 12px 0 18px; font-size: 14.5px; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
thead th, th { background: var(--soft); font-weight: 600; } tbody tr:nth-child(even) td { background: #fbfcfd; }
td p { margin: 2px 0; }
blockquote { margin: 10px 0; padding: 4px 16px; border-left: 4px solid #c9dde5; color: #3b4750; background: #f8fbfc; }
img { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--line); margin: 30px 0 8px; }
.anchor-link { visibility: hidden; margin-left: 6px; font-size: .8em; color: #9aa5ae; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link, h4:hover .anchor-link { visibility: visible; }
.source-link { float: right; font-size: 13px; }
.celltag_showdoc h3, .celltag_showdoc h4 { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 19px; margin-top: 6px; }
.celltag_showdoc hr { margin-top: 34px; }
.cell { margin: 10px 0; } .input_area { margin: 6px 0; }
.output_area pre { background: #fff; border-style: dashed; }
table.api td:first-child { white-space: nowrap; } table.api .kind { color: #6a747c; font-size: 13px; }
h3 .from { font-weight: 400; font-size: 15px; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 22px; }
.gallery figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; background: #fff; }
.gallery figcaption { font-size: 13.5px; color: #4a555e; margin-top: 6px; }
.start { border: 1px solid #c9dde5; background: #f3f8fa; border-radius: 8px; padding: 8px 20px; margin: 0 0 24px; }
.made-figures { margin-bottom: 18px; } .made-figures p { color: #5c6670; font-style: italic; }
.start h2 { border: 0; margin-top: 8px; font-size: 18px; } ul.guides li { margin-bottom: 10px; }
@media (max-width: 900px) { .sidebar { display: none; } main { margin-left: 0; padding: 20px; } }
"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — {project}</title><link rel="stylesheet" href="{root}site.css"></head>
<body>
<header class="topbar"><a class="brand" href="{root}index.html">{project}</a><nav>{top}</nav></header>
<aside class="sidebar">{side}</aside>
<main><div class="content"><h1 class="title">{title}</h1>{lead}
{body}
</div></main>
</body></html>
"""


def nav_sections(site, notebooks, figure_nbs, guides):
    "The sidebar's sections: [(heading, [(site path, number or '', label, tooltip)])]."
    names, sections = chapters(), [("Guides", [(g.url, "", g.title, g.title) for g in guides])]
    for chapter in sorted({int(nb.stem[:2]) // 10 * 10 for nb in notebooks}):
        items = []
        for nb in (n for n in notebooks if int(n.stem[:2]) // 10 * 10 == chapter):
            p = site.by_src[nb.resolve()]
            items.append((p.url, nb.stem[:2], p.title.split(":")[0], p.title))
        sections.append((f"{chapter:02d} {names.get(chapter, '')}", items))
    sections.append(("Figure notebooks", [(site.by_src[nb.resolve()].url, "", nb.stem, site.by_src[nb.resolve()].title) for nb in figure_nbs]))
    ref = [("figures.html", "", "Figures", "The paper figures"), ("api.html", "", "API index", "Every exported name")]
    if "summary.html" in site.pages: ref.insert(1, ("summary.html", "", "Reproduced numbers", "figures/SUMMARY.md"))
    sections.append(("Reference", ref))
    return sections


def write_page(site, page, sections):
    "Write one page into the template."
    root = "../" * page.url.count("/")
    top = [("index.html", "Home"), ("guides/index.html", "Guides"), ("figures.html", "Figures"), ("api.html", "API index")]
    top_html = "".join(f'<a href="{root}{u}"{" class=active" if u == page.url else ""}>{t}</a>' for u, t in top)
    side = [f'<ul><li><a href="{root}index.html"{" class=active" if page.url == "index.html" else ""}>Home</a></li></ul>']
    for heading, items in sections:
        lis = "".join(f'<li><a href="{root}{u}" title="{html.escape(tip, quote=True)}"{" class=active" if u == page.url else ""}>'
                      f'{f"<span class=num>{num}</span>" if num else ""}{html.escape(label)}</a></li>' for u, num, label, tip in items)
        side.append(f"<h4>{html.escape(heading)}</h4><ul>{lis}</ul>")
    lead = f'<p class="lead">{inline_md(page.description)}</p>' if page.description else ""
    text = PAGE.format(title=html.escape(page.title), project=PROJECT, root=root, top=top_html, side="".join(side), lead=lead, body=page.body)
    dest = site.out / page.url
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text)


def inline_md(text):
    "One line of Markdown (a description) as inline HTML."
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    return re.sub(r"^<p>|</p>\s*$", "", markdown2html_mistune(text).strip())


# ---------------------------------------------------------------------------------------------- main
def build(out, proc, jobs=2):
    "Build the whole site into `out`, with nbdev's processed notebooks in `proc`; returns the Site."
    t0 = time.perf_counter()
    if out.exists() and any(out.iterdir()) and not (out / "site.css").exists():
        sys.exit(f"docs: {out} is not empty and holds no earlier site: not overwriting it")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    notebooks = sorted(p for p in NBS.glob("*.ipynb") if p.stem[:2].isdigit())
    figure_nbs = sorted((NBS / "figures").glob("*.ipynb"))
    every = [NBS / "index.ipynb"] + notebooks + figure_nbs
    front = process_all(every, proc, jobs)
    print(f"docs: nbdev processed {len(every)} notebooks into {proc}/, nbconvert rendered them ({time.perf_counter() - t0:.0f} s)", flush=True)

    site = Site(out)
    for nb in every:
        rel = nb.relative_to(NBS)
        url = rel.with_suffix(".html").as_posix()
        site.add(Page(url, nb, front[nb].get("title") or nb.stem, front[nb]["body"], front[nb].get("description")))
    order = {name: i for i, name in enumerate(GUIDE_ORDER)}
    guides = [site.add(markdown_page(g, f"guides/{g.stem}.html"))
              for g in sorted(GUIDES.glob("*.md"), key=lambda g: (order.get(g.stem, len(order)), g.stem))]
    if (FIGURES / "SUMMARY.md").exists(): site.add(markdown_page(FIGURES / "SUMMARY.md", "summary.html"))
    site.rewrite_pending()
    site.add(api_page(site, notebooks))
    found, others = figure_images(figure_nbs)
    site.add(figures_page(site, figure_nbs, found, others))
    show_figures(site, figure_nbs, found)
    site.add(guides_index(guides))
    site.rewrite_pending()  # Markdown pages the figure notebooks' introductions link to
    home = site.pages["index.html"]
    starts = "".join(f'<li><a href="{g.url}">{html.escape(g.title)}</a>{" — " + inline_md(g.description) if g.description else ""}</li>' for g in guides)
    home.body = f'<div class="start"><h2 id="start-here">Start here</h2><ul>{starts}</ul></div>' + home.body

    sections = nav_sections(site, notebooks, figure_nbs, guides)
    from pygments.formatters import HtmlFormatter
    (out / "site.css").write_text(CSS + HtmlFormatter(style="default").get_style_defs(".highlight"))
    for page in site.pages.values(): write_page(site, page, sections)
    for w in site.warnings: print("docs: warning:", w)
    if site.unlinked: print(f"docs: {site.unlinked} of nbdev's doc links name private helpers or methods without docs: shown as code")
    print(f"docs: {len(site.pages)} pages in {out}/ ({time.perf_counter() - t0:.0f} s); open {out / 'index.html'}")
    return site


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="_docs", help="the site's folder (default _docs; emptied first)")
    ap.add_argument("--proc", default="_proc", help="nbdev's processed notebooks (default _proc)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for nbdev's processing (default 2)")
    a = ap.parse_args(argv)
    build(Path(a.out).resolve(), Path(a.proc).resolve(), a.jobs)


if __name__ == "__main__":
    main()
