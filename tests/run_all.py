"""Run every test of gait_repro and end with one line, `N passed, M failed`.

Each notebook in nbs/ is one test, run by `nbdev_test` (two at a time); every pytest test in tests/ is one test.
Cells flagged `#| slow` are skipped by nbdev_test (settings.ini `tst_flags`); `make reproduce` exercises them."""
import os, subprocess, sys, time, tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BIN = Path(sys.executable).parent

def run_notebook(nb):
    t = time.perf_counter()
    r = subprocess.run([str(BIN / "nbdev_test"), "--path", str(nb)], capture_output=True, text=True)
    return nb, r.returncode == 0, r.stdout + r.stderr, time.perf_counter() - t

def run_pytest():
    with tempfile.TemporaryDirectory() as d:
        xml = Path(d) / "junit.xml"
        r = subprocess.run([str(BIN / "python"), "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}"])
        if not xml.exists(): return 0, 1, 0
        s = ET.parse(xml).getroot()
        s = s if s.tag == "testsuite" else s.find("testsuite")
        n, bad, skip = int(s.get("tests")), int(s.get("failures")) + int(s.get("errors")), int(s.get("skipped"))
        return n - bad - skip, bad + (1 if r.returncode not in (0, 5) and not bad else 0), skip

nbs = sorted(Path("nbs").glob("*.ipynb"))
passed = failed = 0
with ThreadPoolExecutor(2) as ex:
    for nb, ok, out, secs in ex.map(run_notebook, nbs):
        print(f"{'PASS' if ok else 'FAIL'} {nb} ({secs:.1f} s)", flush=True)
        if not ok: print(out[-4000:])
        passed, failed = passed + ok, failed + (not ok)
p, f, skipped = run_pytest()
passed, failed = passed + p, failed + f
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
