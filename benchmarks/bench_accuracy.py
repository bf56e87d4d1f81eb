"""Benchmark: accuracy of gait events and parameters against ground truth (issue 5 targets).

1. The synthetic cohorts at 29.97 fps with the documented estimator error model (nbs/21_simulate.ipynb): BENCH_GILLETTE
   (default 200) videos of the Gillette-like cohort (CP conditions + typical children; BODY_25; height scale), per
   method and per condition; and BENCH_HEALTHGAIT (default 200) recordings of the Health&Gait-like cohort (adults, usual
   and fast pace, COCO-17 without feet) with the participant's height and with the floor homography, as Health&Gait did.
2. Frame rates: BENCH_CLIPS (default 240) typical demonstration walkers at 25-150 fps (nbs/15_evaluation.ipynb).
Each table shows the default foot-velocity method, Zeni et al. 2008 (on 2) and the reproduced Health&Gait baseline
side by side, with each target and whether the default method meets it."""
import os, time
import pandas as pd
from tqdm.auto import tqdm
from gait_repro.gait.evaluation import evaluate_clip, accuracy_table, TARGETS
from gait_repro.sim.cohorts import demo_truth_clips
from gait_repro.sim.cohorts import gillette_plan, healthgait_plan, video_pose, floor_calibration
from gait_repro.gait.params import Scale

N_G, N_H, N_D = (int(os.environ.get(k, d)) for k, d in (("BENCH_GILLETTE", 200), ("BENCH_HEALTHGAIT", 200), ("BENCH_CLIPS", 240)))

def show(title, rows, default="velocity"):
    tab = accuracy_table(rows)
    out = tab.T.copy()
    out["target"] = [f"<= {TARGETS[k]:g}" if k in TARGETS else "" for k in out.index]
    met = tab.loc[default, list(TARGETS)].astype(float) <= pd.Series(TARGETS)
    out["default meets"] = ["yes" if met.get(k, None) else ("no" if k in TARGETS else "") for k in out.index]
    print(f"\n== {title}")
    with pd.option_context("display.width", 220, "display.float_format", "{:.4f}".format): print(out.to_string())
    print(f"default method meets {int(met.sum())}/{len(TARGETS)} targets")

def main():
    t = time.perf_counter()
    rows = []
    for r in tqdm(gillette_plan("full", 2026).head(N_G).to_dict("records"), desc="Gillette-like", unit="video"):
        pose = video_pose(r)[2]
        rows += [{**evaluate_clip(pose, m), "condition": r["condition"]} for m in ("velocity", "healthgait")]
    g = pd.DataFrame(rows)
    show(f"Gillette-like cohort: {N_G} videos, 29.97 fps, BODY_25, height scale", g)
    per = {c: accuracy_table(x).loc["velocity"] for c, x in g.groupby("condition")}
    with pd.option_context("display.width", 220, "display.float_format", "{:.4f}".format):
        print("\ndefault method by condition:\n" + pd.DataFrame(per).T[list(TARGETS) + ["clips"]].to_string())
    fc = floor_calibration(); floor = Scale.from_floor_points(fc["image_px"], fc["floor_m"])
    hrows = {"height": [], "floor": []}
    for r in tqdm(healthgait_plan("full", 2026)[1].head(N_H).to_dict("records"), desc="Health&Gait-like", unit="video"):
        pose = video_pose(r)[2]
        for m in ("velocity", "healthgait"):
            hrows["height"].append(evaluate_clip(pose, m)); hrows["floor"].append(evaluate_clip(pose, m, floor))
    for k, v in hrows.items():
        show(f"Health&Gait-like cohort: {N_H} recordings, 29.97 fps, COCO-17, {'participant height' if k == 'height' else 'floor homography'} scale", pd.DataFrame(v))
    clips = demo_truth_clips(N_D, seed=2026, fps_choices=(25.0, 30.0, 50.0, 60.0, 100.0, 150.0))
    d = pd.DataFrame([evaluate_clip(p, m) for p in tqdm(clips, desc="demo walkers", unit="clip") for m in ("velocity", "zeni", "healthgait")])
    show(f"Typical demonstration walkers: {N_D} clips at 25-150 fps, both directions", d)
    print(f"\nall in {time.perf_counter() - t:.1f} s")

if __name__ == "__main__": main()
