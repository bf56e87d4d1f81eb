"""Fail if the notebooks are not clean (nbdev_clean) or the library is out of sync with them (nbdev_export).

Runs both tools, as a developer would before committing, and compares every notebook and library file before
and after. A difference means what was committed was not clean or not exported: the files are left as the tools
made them, so `git diff` shows what to commit."""
import hashlib, subprocess, sys
from pathlib import Path

BIN = Path(sys.executable).parent
WATCHED = ["nbs/*.ipynb", "nbs/figures/*.ipynb", "nbs/app/*.ipynb", "gait_repro/**/*.py"]

def snapshot():
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for g in WATCHED for p in sorted(Path().glob(g))}

before = snapshot()
for cmd in ([BIN / "nbdev_export"], [BIN / "nbdev_clean"], [BIN / "nbdev_clean", "--fname", "nbs/figures"],
            [BIN / "nbdev_clean", "--fname", "nbs/app"]):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if r.returncode: sys.exit(f"check: {' '.join(map(str, cmd))} failed:\n{r.stderr[-2000:]}")
after = snapshot()
changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
if changed:
    print("check: notebooks not clean or library not in sync with them; nbdev_export/nbdev_clean changed:")
    for c in changed: print("  ", c)
    print("0 passed, 1 failed")
    sys.exit(1)
print(f"check: {len(before)} notebooks and library files clean and in sync")
