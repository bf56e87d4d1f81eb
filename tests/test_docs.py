"""The documentation site `make docs` builds without Quarto (tests/build_static_docs.py): built from the committed
notebooks into a temporary folder within the time budget, every notebook a page, the API index and the guides linked,
no broken internal link (LinkChecker, recursively from index.html, never going to the network) and no link to an
anchor that does not exist. And the checks are real: a broken link makes LinkChecker fail."""
import json, os, re, shutil, subprocess, sys, tempfile, time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
import pytest

ROOT = Path(__file__).resolve().parents[1]
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
BUILD_BUDGET_S = 180  # the build takes well under a minute on 2 cores; this leaves room for a loaded machine


@pytest.fixture(scope="module")
def site():
    "The site built into a temporary folder: (its folder, seconds the build took)."
    tmp = Path(tempfile.mkdtemp(prefix="gait_repro_docs_"))
    tmp.chmod(0o755)  # LinkChecker started as root drops to user `nobody`, who must be able to read the site
    out, proc = tmp / "site", tmp / "proc"
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "build_static_docs.py"), "--out", str(out), "--proc", str(proc)],
                       cwd=ROOT, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - t0
    assert r.returncode == 0, f"the docs build failed:\n{r.stdout[-3000:]}\n{r.stderr[-5000:]}"
    print(r.stdout)
    yield out, seconds
    shutil.rmtree(tmp, ignore_errors=True)


def linkcheck(start, depth:int=-1):
    """LinkChecker from `start`, recursively over every internal link (`depth` levels; -1: all); http(s) and mailto URLs
    are only syntax-checked (no network). Returns (exit code, output)."""
    with tempfile.NamedTemporaryFile("w", suffix=".rc", delete=False) as cfg: cfg.write("[checking]\n")  # not the user's config
    try:
        r = subprocess.run([str(LINKCHECKER), "-f", cfg.name, "--no-status", "--no-warnings", "--recursion-level", str(depth),
                            "--ignore-url", r"^https?://", "--ignore-url", r"^mailto:", str(start)],
                           capture_output=True, text=True, timeout=600)
    finally: os.unlink(cfg.name)
    return r.returncode, r.stdout + r.stderr


class _Page(HTMLParser):
    "The ids of an HTML page and the targets of its links and images."
    def __init__(self, text):
        super().__init__()
        self.ids, self.links = set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"): self.ids.add(a["id"])
        if tag == "a" and a.get("name"): self.ids.add(a["name"])
        for k in ("href", "src"):
            if a.get(k): self.links.append(a[k])


def broken_anchors(root):
    "Every internal link `page#anchor` of the site under `root` whose page has no such id, as 'from -> href'."
    pages = {p: _Page(p.read_text()) for p in root.rglob("*.html")}
    bad = []
    for page, parsed in pages.items():
        for href in parsed.links:
            u = urlsplit(href)
            if u.scheme or u.netloc or not u.fragment: continue
            target = (page.parent / unquote(u.path)).resolve() if u.path else page
            if target not in pages or not {u.fragment, unquote(u.fragment)} & pages[target].ids:  # as browsers match
                bad.append(f"{page.relative_to(root)} -> {href}")
    return bad


def test_build_is_fast_and_complete(site):
    out, seconds = site
    assert seconds < BUILD_BUDGET_S, f"the docs build took {seconds:.0f} s (budget {BUILD_BUDGET_S} s)"
    notebooks = list((ROOT / "nbs").glob("*.ipynb")) + list((ROOT / "nbs" / "figures").glob("*.ipynb"))
    missing = [str(nb.relative_to(ROOT)) for nb in notebooks if not (out / nb.relative_to(ROOT / "nbs")).with_suffix(".html").exists()]
    assert not missing, f"notebooks without a page: {missing}"
    for page in ["index.html", "api.html", "figures.html", "guides/index.html", "site.css"]: assert (out / page).exists(), page
    guides = sorted((ROOT / "nbs" / "guides").glob("*.md"))
    assert guides and all((out / "guides" / f"{g.stem}.html").exists() for g in guides)
    home = (out / "index.html").read_text()
    assert all(f'href="guides/{g.stem}.html"' in home for g in guides), "the home page must link every guide"
    assert 'href="api.html"' in home and 'href="figures.html"' in home


def test_pages_are_rendered_not_raw(site):
    """Quarto syntax nbdev writes (`:::` fences, `{target=...}` attributes, `#| ` options) never shows on a page, and
    nbdev's doc links (to `doc_host`) all point into the site."""
    out, _ = site
    doc_host = re.search(r"^doc_host\s*=\s*https?://(\S+)", (ROOT / "settings.ini").read_text(), re.MULTILINE)[1]
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r"^:::|\{target=|#\|\s*(echo|output|include|export|hide)\b", text, re.MULTILINE), page
        assert doc_host not in text, f"{page}: a link to nbdev's doc host, not to the page in the site"
    params = (out / "14_params.html").read_text()
    assert 'id="gait_parameters"' in params and '<span class="nf">gait_parameters</span>' in params  # show_doc: heading, signature
    assert "<table" in (out / "03_formats.html").read_text() and "application/vnd.jupyter.widget-state" not in params


def test_source_links_stay_in_the_site(site):
    """Every "source" link nbdev writes (to `git_url`) goes to the site's own page of that file, at the line; no page
    links to a placeholder host, and the repository names none (issue: every source link went nowhere)."""
    out, _ = site
    git_url = re.search(r"^git_url\s*=\s*(\S+)", (ROOT / "settings.ini").read_text(), re.MULTILINE)[1]
    params = (out / "14_params.html").read_text()
    links = re.findall(r'<a class="source-link" href="([^"]+)"', params)
    assert links and all(l.startswith("files/gait_repro/gait/params.py.html#L") for l in links), links[:3]
    line = int(links[0].rsplit("#L", 1)[1])
    src = (out / links[0].split("#")[0]).read_text()
    assert f'id="L{line}"' in src and "def " in src.split(f'id="L{line}"')[1][:400]   # the anchor is the definition's line
    for page in out.rglob("*.html"): assert git_url not in page.read_text(), page
    for f in [ROOT / "settings.ini", *(ROOT / "nbs" / "guides").glob("*.md"), ROOT / "README.md"]:
        assert "example.org" not in f.read_text(), f


def test_api_index_links_every_name_to_its_anchor(site):
    out, _ = site
    api = (out / "api.html").read_text()
    for name, page in [("gait_parameters", "14_params.html"), ("analyze_video", "41_analyze.html"), ("read_pose", "03_formats.html")]:
        m = re.search(rf'href="{re.escape(page)}#([^"]+)"><code>{name}</code>', api)
        assert m, f"api.html does not link {name} to an anchor on {page}"
        assert f'id="{m[1]}"' in (out / page).read_text(), f"{page} has no anchor #{m[1]}"
    for module in ["gait.params", "video.analyze", "compendium.batch", "cli"]: assert f"gait_repro.{module}</code>" in api


def test_no_broken_links(site):
    out, _ = site
    code, log = linkcheck(out / "index.html")
    summary = [l for l in log.splitlines() if "links in" in l and "checked" in l]
    print(*summary)
    assert code == 0, f"LinkChecker found broken links:\n{log[-6000:]}"
    assert summary and " 0 errors found" in summary[-1]
    assert broken_anchors(out) == []


def test_checks_catch_breakage(site):
    "A page with a missing page, a missing image and a missing anchor: LinkChecker and the anchor check both fail."
    out, _ = site
    bad = out / "zz_broken.html"
    bad.write_text('<!doctype html><html><body><a href="no-such-page.html">x</a><img src="files/none.png" alt="">'
                   '<a href="api.html#no-such-anchor">y</a></body></html>')
    try:
        code, log = linkcheck(bad, depth=1)   # the page's own links (the whole site is checked above)
        assert code != 0 and "no-such-page.html" in log and "files/none.png" in log, log[-3000:]
        assert broken_anchors(out) == ["zz_broken.html -> api.html#no-such-anchor"]
    finally: bad.unlink()
