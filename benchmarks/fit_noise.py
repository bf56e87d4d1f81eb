"""`make calibrate`, first step: fit the simulator's pose-estimator error model (`sim.simulate.EstimatorNoise`) to
measured errors — MediaPipe's against the joints marked by hand on the real clips in data/real, and against the
renderer's exact joints on a rendered clip for the joint groups no mark covers (nbs/43_realism.ipynb) — and write it
to calibration.json's `estimator_noise`, from which `EstimatorNoise` takes its defaults. Prints what changed."""
import json, tempfile, time
from pathlib import Path
from gait_repro.gait.bouts import CALIBRATION_FILE
from gait_repro.sim.render import render_plan, render_video
from gait_repro.video.realism import real_marked_errors, noise_from_marks, noise_from_errors, rendered_clip, fit_noise

t = time.perf_counter()
real = noise_from_marks(real_marked_errors(Path(__file__).resolve().parents[1] / "data" / "real"))
_, plan = render_plan("healthgait", "smoke", seed=2)
with tempfile.TemporaryDirectory() as d:
    row = render_video(plan.iloc[1].to_dict(), d, "healthgait", size=1.0, seconds=3.0)  # the clip nbs/43_realism.ipynb scores
    clip = rendered_clip(Path(d) / row["video"], Path(d) / row["truth"])
fit = fit_noise(real, noise_from_errors([(clip["est"], clip["uv"], clip["height_px"], clip["direction"], clip["fps"])]))
cal = json.loads(CALIBRATION_FILE.read_text())
old = cal.get("estimator_noise", {}).get("parameters", {})
cal["estimator_noise"] = {**fit, "measured": {"real_frames": real["frames"], "real_points": real["points"], "marker_sd": real["marker_sd"]}}
Path(str(CALIBRATION_FILE)).write_text(json.dumps(cal, indent=1) + "\n")
for k, v in fit["parameters"].items(): print(f"estimator_noise.{k}: {old.get(k)} -> {v}" if old.get(k) != v else f"estimator_noise.{k}: {v} (unchanged)")
print(f"{fit['real_share']:.0%} of the error model from real marks; wrote {CALIBRATION_FILE} in {time.perf_counter() - t:.0f} s")
