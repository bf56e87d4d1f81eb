"""The README's pictures of `gait-repro analyze`: a frame of overlay.mp4 and the top of report.html, from the real clinic
clip in data/real/mobile-gaitlab-demo (its licence there). Needs a headless Chromium for the page (Debian: `chromium`).

    .venv/bin/python tests/build_readme_pictures.py   # writes figures/readme/{overlay,report}.png"""
import os, shutil, subprocess, sys, tempfile
from pathlib import Path
import cv2
from gait_repro.gait.params import Scale
from gait_repro.video.analyze import analyze_video

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "figures" / "readme"
CLIP = Path("data/real/mobile-gaitlab-demo/input1.mp4")  # relative: the page shows the path it was given

def main(frame:int=75):
    os.chdir(ROOT); OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        analyze_video(CLIP, Path(d) / "report", Scale("height", height_m=1.2, age=8), progress=False)
        cap = cv2.VideoCapture(str(Path(d) / "report" / "overlay.mp4")); cap.set(cv2.CAP_PROP_POS_FRAMES, frame)
        ok, img = cap.read(); cap.release()
        if not ok: sys.exit(f"overlay.mp4: frame {frame} could not be read")
        cv2.imwrite(str(OUT / "overlay.png"), img)
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser is None: sys.exit("no headless Chromium found (Debian: apt-get install chromium); overlay.png written")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1250",
                        f"--screenshot={OUT / 'report.png'}", (Path(d) / "report" / "report.html").as_uri()],
                       check=True, capture_output=True)
    print(f"wrote {OUT / 'overlay.png'} and {OUT / 'report.png'}")

if __name__ == "__main__": main()
