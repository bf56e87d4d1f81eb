"""The README's pictures of `gait-repro analyze`: a frame of overlay.mp4 and the first printed page of report.html (A4,
as Chromium prints it), from the real clinic clip in data/real/mobile-gaitlab-demo (its licence there). Needs a
headless Chromium for the page (Debian: `chromium`).

    .venv/bin/python tests/build_readme_pictures.py   # writes figures/readme/{overlay,report}.png"""
import os, shutil, sys, tempfile
from pathlib import Path
import cv2
from gait_repro.tasks import analyze, walker_scale

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "figures" / "readme"
CLIP = Path("data/real/mobile-gaitlab-demo/input1.mp4")  # relative: the page shows the path it was given

def main(frame:int=75):
    os.chdir(ROOT); OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        analyze(CLIP, Path(d) / "report", walker_scale(1.2, 8), age_years=8, progress=False)
        cap = cv2.VideoCapture(str(Path(d) / "report" / "overlay.mp4")); cap.set(cv2.CAP_PROP_POS_FRAMES, frame)
        ok, img = cap.read(); cap.release()
        if not ok: sys.exit(f"overlay.mp4: frame {frame} could not be read")
        cv2.imwrite(str(OUT / "overlay.png"), img)
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser is None: sys.exit("no headless Chromium found (Debian: apt-get install chromium); overlay.png written")
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:   # the page as printed: A4 at 96 px/inch, print styles
            b = pw.chromium.launch(executable_path=browser, args=["--no-sandbox"])
            page = b.new_page(viewport={"width": 794, "height": 1123}); page.goto((Path(d) / "report" / "report.html").as_uri())
            page.emulate_media(media="print")   # the first printed page: the first section, within the page's 12-mm margins
            page.evaluate("() => { document.querySelectorAll('section.page').forEach(s => s.remove()); document.body.style.padding = '12mm'; }")
            page.screenshot(path=str(OUT / "report.png"), clip={"x": 0, "y": 0, "width": 794, "height": 1123})
            b.close()
    print(f"wrote {OUT / 'overlay.png'} and {OUT / 'report.png'}")

if __name__ == "__main__": main()
