"""`make calibrate`, first step: fit the simulator's pose-estimator error model (`sim.simulate.EstimatorNoise`) to
measured errors — MediaPipe's against the joints marked by hand on the real clips in data/real, and against the
renderer's exact joints on a rendered clip for the joint groups no mark covers (nbs/43_realism.ipynb) — and write it
to calibration.json's `estimator_noise`, from which `EstimatorNoise` takes its defaults. Prints what changed."""
import json, time
from pathlib import Path
from gait_repro.gait.bouts import CALIBRATION_FILE
from gait_repro.video.realism import real_marked_errors, noise_from_marks, noise_from_errors, reference_rendered_clip, fit_noise

t = time.perf_counter()
real = noise_from_marks(real_marked_errors(Path(__file__).resolve().parents[1] / "data" / "real"))
clip = reference_rendered_clip()
fit = fit_noise(real, noise_from_errors([(clip["est"], clip["uv"], clip["height_px"], clip["direction"], clip["fps"])]))
cal = json.loads(CALIBRATION_FILE.read_text())
old = cal.get("estimator_noise", {}).get("parameters", {})
cal["estimator_noise"] = {**fit, "measured": {"real_frames": real["frames"], "real_points": real["points"], "marker_sd": real["marker_sd"]}}
Path(str(CALIBRATION_FILE)).write_text(json.dumps(cal, indent=1) + "\n")
for k, v in fit["parameters"].items(): print(f"estimator_noise.{k}: {old.get(k)} -> {v}" if old.get(k) != v else f"estimator_noise.{k}: {v} (unchanged)")
print(f"{fit['real_share']:.0%} of the error model from real marks; wrote {CALIBRATION_FILE} in {time.perf_counter() - t:.0f} s")
