"""Benchmark: generating the full-scale Gillette-like cohort's keypoints (issue 3 target: under 2 minutes on 2 cores).

Simulates every video of `gillette_plan("full")` (about 1,800 videos of 6-8 s at 29.97 fps) — walk, ground truth, GDI,
camera and estimator error model, BODY_25 keypoints — in BENCH_JOBS processes (default 2), in memory. Writing the
OpenPose JSON (one file per frame) is timed separately on a sample, since it depends on the disk, not the simulator."""
import os, time, tempfile
from pathlib import Path
from gait_repro.sim.cohorts import gillette_plan, reference_gdi, side_gdi, video_pose, _run
from gait_repro.sim.simulate import gait_truth
from gait_repro.pose.formats import write_openpose

JOBS = int(os.environ.get("BENCH_JOBS", 2))

def keypoints(row, gdi):
    w, tr, pose = video_pose(row)
    side_gdi(gait_truth(w), gdi)
    return pose

def main():
    plan = gillette_plan("full", 0).to_dict("records")
    t = time.perf_counter(); gdi = reference_gdi(0); t_ref = time.perf_counter() - t
    t = time.perf_counter()
    poses = _run(keypoints, plan, JOBS, "keypoints", gdi=gdi)
    t_kp = time.perf_counter() - t
    frames = sum(p.n_frames for p in poses)
    sample = poses[:100]
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        for i, p in enumerate(sample): write_openpose(p, Path(d) / f"v{i}", prefix=f"v{i}")
        t_w = time.perf_counter() - t
    per_frame_write = t_w / sum(p.n_frames for p in sample)
    print(f"GDI reference (600 simulated walks): {t_ref:.1f} s")
    print(f"full-scale Gillette-like keypoints: {len(plan)} videos, {frames} frames in {t_kp:.1f} s on {JOBS} processes "
          f"({len(plan) / t_kp:.1f} videos/s) — target < 120 s: {'met' if t_ref + t_kp < 120 else 'NOT met'} (total {t_ref + t_kp:.1f} s)")
    print(f"writing OpenPose JSON: {per_frame_write * 1e6:.0f} µs/frame on one process "
          f"(projected {per_frame_write * frames / JOBS:.0f} s for the whole cohort on {JOBS})")

if __name__ == "__main__": main()
