"""Benchmark: accuracy of gait events and parameters against ground truth, on calibration and held-out cohorts.

Every tuned constant of the measurement core was chosen on the calibration cohorts (`sim.calibrate.CALIBRATION_SEEDS`,
`make calibrate`). The held-out cohorts are drawn here, at run time, from a fresh seed (printed; set BENCH_SEED to
rerun one), so nothing was tuned on them. Both are the harder variants of the synthetic cohorts (`sim.cohorts.harder`:
camera distance, height, tilt, field of view and lens distortion varied per video, half filmed by a camera that follows
the walker, 30% walking back after a turn (both walks scored), 30% filmed in a short corridor the walker enters and
leaves, 25-60 fps, 0.3% of frames dropped and 0.3% repeated):
1. BENCH_GILLETTE (default 200) Gillette-like videos (CP conditions + typical children; BODY_25; height scale with the
   child's age, and with adult proportions; and at the toe-off level the simulator's own calibration would choose, as
   the shipped one is chosen on real walks whose toes roll forward before they leave the floor), per method and per
   condition;
2. BENCH_HEALTHGAIT (default 200) Health&Gait-like recordings (adults, usual and fast pace, COCO-17 without feet) with
   the participant's height, and with the floor homography where the camera is fixed;
3. BENCH_CLIPS (default 240) typical demonstration walkers at 25-150 fps (nbs/17_evaluation.ipynb).
Each table shows the default foot-velocity method, Zeni et al. 2008 (on 3) and the reproduced Health&Gait baseline,
with each target and whether the default method meets it. Every number scored is one the report prints
(`gait_parameters`, the `report.json` keys; event times from `events_s`). Initial contacts (heel strikes) and toe-offs
are scored both ways: missed (of the true ones) and false (found ones pairing with no true one, of all found), within
0.15 s, one to one, in each window where the legs are wholly in view. Rows per condition, per landing (heel, flat,
forefoot: measured from the simulated motion), and per case (short corridor, turn, camera, frame rate, frames lost)."""
import os, time, json
import pandas as pd
from tqdm.auto import tqdm
from gait_repro.gait.evaluation import evaluate_clip, accuracy_table, TARGETS
from gait_repro.gait.params import Scale
from gait_repro.sim.calibrate import CALIBRATION_SEEDS, fresh_seed, cohort_clips, simulator_toe_off, levels_in_use
from gait_repro.sim.cohorts import demo_truth_clips, floor_calibration

N_G, N_H, N_D = (int(os.environ.get(k, d)) for k, d in (("BENCH_GILLETTE", 200), ("BENCH_HEALTHGAIT", 200), ("BENCH_CLIPS", 240)))
FMT = {"display.width": 240, "display.float_format": "{:.4f}".format}

def table(rows, default="velocity"):
    tab = accuracy_table(rows)
    out = tab.T.copy()
    out["target"] = [f"<= {TARGETS[k]:g}" if k in TARGETS else "" for k in out.index]
    met = tab.loc[default, list(TARGETS)].astype(float) <= pd.Series(TARGETS)
    out["default meets"] = ["yes" if met.get(k, None) else ("no" if k in TARGETS else "") for k in out.index]
    return out, int(met.sum())

def show(title, rows):
    out, met = table(rows)
    print(f"\n== {title}")
    with pd.option_context(*sum(FMT.items(), ())): print(out.to_string())
    print(f"default method meets {met}/{len(TARGETS)} targets")

def floor_scale(pose):
    "The floor homography of a fixed camera, as a lab would calibrate it; None for a camera that follows the walker."
    cam = pose.meta["camera"]
    if cam["pan"]: return None
    fc = floor_calibration(cam)
    return Scale.from_floor_points(fc["image_px"], fc["floor_m"])

def filming(p) -> dict:
    """How a clip was filmed: camera following or fixed, a short corridor (the walker enters and leaves), frame rate, a
    turn in the clip, frames dropped or repeated; and how the walker's feet land."""
    e, t = p.meta["errors"], p.meta["truth"]
    return {"camera": "pans" if p.meta["camera"]["pan"] else "fixed", "short corridor": p.meta.get("short_corridor", False),
            "fps": p.fps, "turn": "turn_at_s" in p.meta, "frames lost or repeated": e.get("dropped", 0) + e.get("duplicated", 0) > 0,
            "landing": t.get("landing", "heel")}

def run(seed):
    "Every table's rows for the cohorts of `seed`."
    out = {}
    rows, own = [], simulator_toe_off()  # the toe-off level the simulator's planted toes would choose
    for p in cohort_clips("gillette", seed, N_G):
        extra = {"condition": p.meta["spec"]["condition"], **filming(p)}
        rows += [{**evaluate_clip(p, m), **extra} for m in ("velocity", "healthgait")]
        rows += [{**evaluate_clip(p, "velocity", "adult height"), **extra, "method": "velocity, adult proportions"}]
        with levels_in_use(**own):
            rows += [{**evaluate_clip(p, "velocity"), **extra, "method": "velocity, simulator's toe-off level"}]
    out["gillette"] = pd.DataFrame(rows)
    h, fl = [], []
    for p in cohort_clips("healthgait", seed, N_H):
        h += [{**evaluate_clip(p, m), **filming(p)} for m in ("velocity", "healthgait")]
        if (sc := floor_scale(p)) is not None: fl += [evaluate_clip(p, m, sc) for m in ("velocity", "healthgait")]
    out["healthgait"], out["healthgait_floor"] = pd.DataFrame(h), pd.DataFrame(fl)
    clips = demo_truth_clips(N_D, seed=seed, fps_choices=(25.0, 30.0, 50.0, 60.0, 100.0, 150.0))
    out["demo"] = pd.DataFrame([evaluate_clip(p, m) for p in tqdm(clips, desc="demo walkers", unit="clip") for m in ("velocity", "zeni", "healthgait")])
    return out

TITLES = {"gillette": f"Gillette-like: {N_G} videos, BODY_25, height scale (with the age; and with adult proportions)",
          "healthgait": f"Health&Gait-like: {N_H} recordings, COCO-17, participant height scale",
          "healthgait_floor": "Health&Gait-like, fixed cameras only: floor homography scale",
          "demo": f"Typical demonstration walkers: {N_D} clips at 25-150 fps, both directions"}

def main():
    t = time.perf_counter()
    held = int(os.environ.get("BENCH_SEED", 0)) or fresh_seed()
    calib = CALIBRATION_SEEDS["gillette"]
    print(f"calibration cohorts: seed {calib} (every tuned constant was chosen on these); held-out cohorts: seed {held} (drawn now)")
    res = {"calibration": run(calib), "held-out": run(held)}
    side = {}
    for key in TITLES:
        for which, r in res.items():
            if len(r[key]): side[(key, which)] = accuracy_table(r[key]).loc["velocity"]
    print("\n== Default method (velocity), calibration beside held-out")
    with pd.option_context(*sum(FMT.items(), ())):
        print(pd.DataFrame(side).loc[list(TARGETS) + ["toe-off timing MAE (s)", "heel strikes missed", "heel strikes false", "steps left out",
                                                      "events left out", "clips", "clips failed"]].to_string())
    print("targets: " + ", ".join(f"{k} <= {v:g}" for k, v in TARGETS.items()))
    for key, title in TITLES.items():
        if len(res["held-out"][key]): show(f"held-out (seed {held}) {title}", res["held-out"][key])
    g = res["held-out"]["gillette"]
    per = {c: accuracy_table(x).loc["velocity"] for c, x in g.groupby("condition")}
    with pd.option_context(*sum(FMT.items(), ())):
        print(f"\nheld-out default method by condition:\n" + pd.DataFrame(per).T[list(TARGETS) + ["heel strikes missed", "heel strikes false", "clips"]].to_string())
    for key in ("gillette", "healthgait"):
        r = res["held-out"][key]; r = r[r.method == "velocity"]
        for factor in ("short corridor", "turn", "landing", "camera", "fps", "frames lost or repeated"):
            tab = pd.DataFrame({v: accuracy_table(x).loc["velocity"] for v, x in r.groupby(factor)}).T
            with pd.option_context(*sum(FMT.items(), ())):
                print(f"\nheld-out {key}-like, default method by {factor}:\n" + tab[list(TARGETS) + ["heel strikes missed", "heel strikes false", "clips"]].to_string())
    print(f"\nall in {time.perf_counter() - t:.1f} s")

if __name__ == "__main__": main()
