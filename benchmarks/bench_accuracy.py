"""Benchmark: accuracy of gait events and parameters against ground truth (issue 5 targets).

Runs the default foot-velocity method, Zeni et al. 2008 and the reproduced Health&Gait baseline on BENCH_CLIPS
(default 240) demonstration walkers — 25/30/50/60/100/150 fps, both directions, realistic estimator noise, scaled by the
walker's height — and prints one table per method with each target and whether it is met.
The truth here is the demonstration walker's (typical adults only); see nbs/13_evaluation.ipynb."""
import os, time
import pandas as pd
from tqdm.auto import tqdm
from gait_repro.evaluation import demo_truth_clips, evaluate_clip, accuracy_table, TARGETS

N = int(os.environ.get("BENCH_CLIPS", 240))

def main():
    t = time.perf_counter()
    clips = demo_truth_clips(N, seed=2026, fps_choices=(25.0, 30.0, 50.0, 60.0, 100.0, 150.0))
    rows = pd.DataFrame([evaluate_clip(p, m) for p in tqdm(clips, desc="clips", unit="clip")
                         for m in ("velocity", "zeni", "healthgait")])
    tab = accuracy_table(rows)
    out = tab.T.copy()
    out["target"] = [f"<= {TARGETS[k]:g}" if k in TARGETS else "" for k in out.index]
    met = tab.loc["velocity", list(TARGETS)].astype(float) <= pd.Series(TARGETS)
    out["default meets"] = ["yes" if met.get(k, None) else ("no" if k in TARGETS else "") for k in out.index]
    with pd.option_context("display.width", 200, "display.float_format", "{:.4f}".format):
        print(out.to_string())
    print(f"{N} clips in {time.perf_counter() - t:.1f} s; default method meets {int(met.sum())}/{len(TARGETS)} targets")

if __name__ == "__main__": main()
