"""The report a clinic prints (issue 33): `report.html` printed to PDF by a real headless Chromium is A4, a page per
section (parameters, events and curves, clinical models), with the header and the warnings on the first page and the
model cards last. `REPORT_SCREENSHOT=figures/readme/report.png` also saves the first printed page as the README's
picture. Without chromium the test is skipped, unless GAIT_REPRO_REQUIRE_BROWSER=1 (CI) makes that a failure."""
import os, re, shutil, tempfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CLIP = Path("data/real/mobile-gaitlab-demo/input1.mp4")   # relative: the page names the clip it was given

def printed_report(out:Path):
    "The clinic clip's first 200 frames through `tasks.analyze` (a child of 8, 1.2 m), written to `out`."
    from gait_repro.tasks import analyze, walker_scale
    cwd = os.getcwd(); os.chdir(ROOT)
    try: return analyze(CLIP, out, walker_scale(1.2, 8), age_years=8, max_frames=200, overlay=False, progress=False)
    finally: os.chdir(cwd)

def test_report_prints_on_a4_a_page_per_section():
    if not CHROMIUM:
        if os.environ.get("GAIT_REPRO_REQUIRE_BROWSER") == "1": pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the print test cannot run")
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as d:
        printed_report(Path(d) / "report")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 794, "height": 1123})   # A4 at 96 px/inch
            page.goto((Path(d) / "report" / "report.html").as_uri())
            page.emulate_media(media="print")
            pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
            breaks = page.evaluate("() => [...document.querySelectorAll('section')].map(s => getComputedStyle(s).breakBefore)")
            first = page.evaluate("() => document.body.innerText.slice(0, 2500)")
            order = page.evaluate("""() => ['Warnings', 'Parameters', 'Walking bouts', 'Events', 'Joint angles per stride',
                                            'Clinical models', 'model card'].map(t => document.body.innerText.indexOf(t))""")
            if os.environ.get("REPORT_SCREENSHOT"): page.screenshot(path=os.environ["REPORT_SCREENSHOT"], clip={"x": 0, "y": 0, "width": 794, "height": 1123})
            browser.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    boxes = {tuple(round(float(v)) for v in m) for m in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert boxes == {(595, 842)}, boxes                                    # A4 in points
    assert pages >= 3, pages                                                # parameters | events and curves | clinical models
    assert breaks == ["auto", "page", "page"], breaks                       # a page break before each later section
    assert all(a < b for a, b in zip(order, order[1:])) and order[0] >= 0, order   # warnings first, model cards last
    for field in ("Clip", "input1.mp4", "Date", "Walker", "height 1.2 m, age 8 years", "Scale", "Pose", "MediaPipe"): assert field in first, field
    assert re.search(r"cadence\s+steps/min", first)                         # units beside the values
