"""`make app` serves the web app, and it works in a real browser (issue 21, §1): Debian's chromium, headless, driven by
Playwright. The test picks a sample clip, uploads the same real video through the page, types the walker's age, and
finds the analysis's numbers and an overlay the browser can play; then it uploads a file that is not a video and gets
one red line and no stale result. `APP_SCREENSHOT=figures/readme/app.png` also saves the page (the README's picture).
Without chromium the test is skipped, unless GAIT_REPRO_REQUIRE_BROWSER=1 (CI) makes that a failure."""
import os, shutil, subprocess, time, urllib.request
from pathlib import Path
import pytest
from test_lab import free_port

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CLIP = ROOT / "data/real/sports2d-demo/demo.mp4"   # 230 frames at 30 fps; a woman walks past a fixed camera

def wait_for_page(url:str, seconds:float=120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try: urllib.request.urlopen(url, timeout=5).read(); return
        except OSError: time.sleep(1)
    raise AssertionError(f"{url} did not answer within {seconds:.0f} s")

def overlay_metadata(page) -> dict:
    "The overlay's duration and width as the browser decoded them (it waits for the metadata)."
    return page.evaluate("""() => new Promise(done => { const v = document.querySelector('video#overlay');
        const report = () => done({duration: v.duration, width: v.videoWidth, error: v.error && v.error.code});
        if (v.readyState >= 1) report(); else { v.addEventListener('loadedmetadata', report); v.addEventListener('error', report); } })""")

def upload(page, files) -> None:
    "Choose `files` in the upload button's file dialog (its file input is never in the page)."
    with page.expect_file_chooser() as chooser: page.locator(".widget-upload").click()
    chooser.value.set_files(files)

def test_app_in_headless_chromium(tmp_path):
    if not CHROMIUM:
        if os.environ.get("GAIT_REPRO_REQUIRE_BROWSER") == "1": pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the browser test cannot run")
    from playwright.sync_api import sync_playwright
    port = free_port(); url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(["make", "-s", "app", f"PORT={port}"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    try:
        wait_for_page(url)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.goto(url, timeout=120_000)
            analyse = page.get_by_role("button", name="Analyse")
            analyse.wait_for(timeout=120_000)
            page.locator("select").first.select_option(label="Adult walking past a fixed camera (Sports2D demo, BSD-3-Clause)")
            height = page.get_by_placeholder("e.g. 1.72 (lengths, speed)")
            page.wait_for_function("el => el.value === '1.65'", arg=height.element_handle(), timeout=10_000)  # the sample's walker filled in
            upload(page, str(CLIP))   # the same clip, uploaded through the page
            page.wait_for_function("() => document.querySelector('.gait-app select').selectedIndex === 0")   # the upload replaces the sample
            page.get_by_placeholder("e.g. 41 (speed norm)").fill("35")
            analyse.click()
            page.wait_for_selector(".gait-app .widget-hprogress", timeout=60_000)   # the pose estimator's progress bar, live
            page.wait_for_selector(".gait-result, .gait-app .error", timeout=300_000)
            assert page.locator(".gait-app .error").count() == 0, page.locator(".gait-app .error").inner_text()
            assert "demo.mp4" in page.get_by_text("Done:").inner_text()
            cadence = float(page.locator("[data-key=cadence_steps_per_min] .value").inner_text())
            speed = float(page.locator("[data-key=speed_m_per_s] .value").inner_text())
            assert 85 < cadence < 115 and 0.9 < speed < 1.8, (cadence, speed)   # hand-marked heel strikes: ~100 steps/min
            assert "healthy female, 30–39 years" in page.locator("[data-key=speed_m_per_s] .norm").inner_text()
            video = overlay_metadata(page)
            assert video["error"] is None and abs(video["duration"] - 230 / 30) < 0.2 and video["width"] == 640, video
            assert page.locator("a[download='report.json']").count() == 1 and page.get_by_text("Joint angles per stride").count() == 1
            if os.environ.get("APP_SCREENSHOT"):   # the README's picture: the overlay paused mid-stride
                page.evaluate("""() => new Promise(done => { const v = document.querySelector('video#overlay');
                    v.pause(); v.addEventListener('seeked', done, {once: true}); v.currentTime = 4.2; })""")
                page.screenshot(path=os.environ["APP_SCREENSHOT"], clip={"x": 0, "y": 0, "width": 1280, "height": 1200})
            upload(page, [{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a video"}])
            analyse.click()
            error = page.locator(".gait-app .error")
            error.wait_for(timeout=60_000)
            assert error.inner_text().startswith("notes.txt: not a video file"), error.inner_text()
            assert page.locator(".gait-result").count() == 0 and "Traceback" not in page.content()
            browser.close()
    finally:
        os.killpg(server.pid, 15)
        out = server.communicate(timeout=30)[0]
    assert f":{port}" in out   # the address is printed
