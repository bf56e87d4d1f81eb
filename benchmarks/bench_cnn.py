"""Benchmark: CNN training throughput and inference speed (issue: mobile-gaitlab CNN reproduction).

Training: the faithful mobile-gaitlab CNN (batch 32, RMSprop, the published recipe) on the windows of the cpu-scale
Gillette-like cohort; prints training windows per second (and epoch time). With `--device cuda --scale full` it trains
the faithful CNN for the published 100 epochs on the full-scale cohort for one target and prints the wall time,
windows per second and GPU utilisation (target: under 2 minutes per target).

Study (`--study`): the whole mobile-gaitlab study (`gait-repro train --scale cpu`: 16 networks and 15 baseline fits on
2 processes) on the cpu-scale cohort, timed as `summary.json`'s `train_wall_seconds` (target: under 6 minutes on the
2-core machine `make reproduce` targets), and the CPU seconds its jobs used; other work on the machine inflates the
wall time, much less the CPU seconds.

Inference: `gait-repro predict`'s path end to end — read OpenPose JSON, preprocess, window, run the five per-target
networks of a model folder, average and correct — over every video of the cohort on 2 CPU threads (target:
>= 1,000 videos per minute)."""
import argparse, os, tempfile, time
from pathlib import Path
import numpy as np
import torch
from gait_repro.sim.cohorts import simulate_cohort
from gait_repro.studies.mobile_gaitlab.dataset import load_cohort, build_dataset, patient_split, FAITHFUL, TARGETS
from gait_repro.studies.mobile_gaitlab.cnn import TrainConfig, train_model, save_model, load_models, predict_metrics
from gait_repro.pose.formats import read_pose
from dataclasses import replace

def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--device", default="cpu"); ap.add_argument("--scale", default="cpu")
    ap.add_argument("--epochs", type=int, default=None); ap.add_argument("--data", default=None)
    ap.add_argument("--study", action="store_true", help="time the whole study at --scale instead")
    a = ap.parse_args()
    torch.set_num_threads(2)
    with tempfile.TemporaryDirectory() as d:
        root = Path(a.data) if a.data else simulate_cohort("gillette", Path(d) / "g", scale=a.scale, seed=0)
        if a.study: return bench_study(root, Path(d) / "study", a.scale, a.device)
        t = time.perf_counter(); videos, poses = load_cohort(root, progress=False); t_read = time.perf_counter() - t
        data = build_dataset(videos, poses, FAITHFUL)
        split = patient_split(data.samples.patient_id, 0)
        epochs = a.epochs or (100 if a.device.startswith("cuda") else 5)
        util = []
        t = time.perf_counter()
        m = train_model(data, ["speed"], split, TrainConfig.faithful(epochs=epochs), a.device, progress=False)
        wall = time.perf_counter() - t
        if a.device.startswith("cuda"):
            try: util.append(torch.cuda.utilization())
            except Exception: pass
        print(f"faithful CNN training on {a.device}: {len(data.windows)} windows ({(split[data.sample] == 'train').sum()} train), "
              f"{epochs} epochs in {wall:.1f} s ({wall / epochs:.2f} s/epoch incl. per-epoch selection); "
              f"{m.windows_per_s:.0f} training windows/s" + (f"; GPU utilisation {util}" if util else ""))
        if a.device.startswith("cuda"):
            print(f"  full 100-epoch run per target: {wall * 100 / epochs:.1f} s (target < 120 s)")
            return
        # inference: five networks like a study model folder (weights do not change the speed)
        models_dir = Path(d) / "models"
        for t_name in TARGETS:
            per_leg = TARGETS[t_name]["per_leg"]
            ds = build_dataset(videos.iloc[:12], {v: poses[v] for v in videos.video_id[:12]}, replace(FAITHFUL, double_sided=per_leg))
            save_model(train_model(ds, [t_name], patient_split(ds.samples.patient_id, 0, (0.6, 0.4, 0.0)), TrainConfig.faithful(epochs=1), progress=False), models_dir / t_name)
        models = load_models(models_dir)
        folders = [root / "videos" / v for v in videos.video_id]
        t = time.perf_counter(); n_ok = 0
        for f in folders:
            try: predict_metrics(models, read_pose(f, "openpose", 29.97)); n_ok += 1
            except ValueError: pass
        dt = time.perf_counter() - t
        frames = int(videos.n_frames.sum())
        print(f"inference (read OpenPose JSON + preprocess + 5 networks): {len(folders)} videos ({frames} frames, {n_ok} predicted) "
              f"in {dt:.1f} s = {60 * len(folders) / dt:.0f} videos/min on 2 threads — target >= 1000: "
              f"{'met' if 60 * len(folders) / dt >= 1000 else 'NOT met'} (reading alone in load_cohort: {t_read:.1f} s)")

def bench_study(root, out, scale, device):
    "Run the whole study once and print its wall time against the 6-minute target, and the CPU seconds of its jobs."
    from gait_repro.studies.mobile_gaitlab.study import run_study
    s = run_study(root, out, scale, 0, device, progress=False)
    wall, jobs = s["train_wall_seconds"], s["timing"]
    cpu = {kind: sum(v["cpu_seconds"] for v in jobs.values() if ("windows_per_s" in v) == (kind == "networks")) for kind in ("networks", "baselines")}
    print(f"mobile-gaitlab study at {scale} scale on {device} ({s['train_processes']} processes): {wall:.0f} s wall "
          + (f"(target <= 360 s: {'met' if wall <= 360 else 'NOT met'})" if scale == "cpu" else "(the 360 s target is for cpu scale)")
          + f"; CPU seconds of its jobs: {cpu['networks']:.0f} in "
          f"{sum('windows_per_s' in v for v in jobs.values())} networks, {cpu['baselines']:.0f} in "
          f"{sum('windows_per_s' not in v for v in jobs.values())} baseline fits")

if __name__ == "__main__": main()
