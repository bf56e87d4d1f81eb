"""`make calibrate` (after `benchmarks/fit_noise.py`): choose every tuned constant of the measurement core on the calibration data (nbs/25_calibrate.ipynb)
and write them to gait_repro/resources/calibration/calibration.json, the file `gait.bouts` and `gait.events` read. Prints what changed."""
import json, time
from gait_repro.sim.calibrate import calibrate, write_calibration
from gait_repro.gait.bouts import CALIBRATION_FILE

t = time.perf_counter()
old = json.loads(CALIBRATION_FILE.read_text())
new = calibrate()
path = write_calibration(new)
for key in ("clean", "bouts", "events", "steps"):
    for k, v in new[key].items():
        print(f"{key}.{k}: {old.get(key, {}).get(k)} -> {v}" if old.get(key, {}).get(k) != v else f"{key}.{k}: {v} (unchanged)")
print(f"wrote {path} in {time.perf_counter() - t:.0f} s")
