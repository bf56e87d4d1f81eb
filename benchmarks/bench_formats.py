"""Benchmark: reading OpenPose per-frame JSON folders into PoseSequences.

Writes N demonstration clips of 500 frames (BODY_25, one person) to a temporary folder, then reads them all back
with `gait_repro.formats.read_pose`, on one process and on two. Prints µs per frame and clips per second.
For comparison, the original mobile-gaitlab code reads each frame with json.load and a Python loop over its people."""
import os, sys, tempfile, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import numpy as np
from gait_repro.sim.simulate import demo_pose
from gait_repro.pose.formats import write_openpose, read_pose
from gait_repro.pose.sequence import PoseSequence

N_CLIPS, N_FRAMES = int(os.environ.get("BENCH_CLIPS", 60)), 500

def make_clips(root):
    base = demo_pose(seed=0, n_cycles=500 / 30 * 110 / 120, distance=30.0)  # far camera: the walker stays in view
    for i in range(N_CLIPS):
        p = PoseSequence(base.data[:N_FRAMES] + i * 0.001, base.skeleton, 30.0, meta={})
        write_openpose(p, root / f"clip{i:03d}", prefix=f"clip{i:03d}")
    return sorted(root.iterdir())

def read_one(path): return read_pose(path, fps=30.0).n_frames

def main():
    with tempfile.TemporaryDirectory() as d:
        clips = make_clips(Path(d))
        frames = N_CLIPS * N_FRAMES
        for workers in (1, 2):
            read_one(clips[0])  # warm caches
            t = time.perf_counter()
            if workers == 1: n = sum(map(read_one, clips))
            else:
                with ProcessPoolExecutor(workers) as ex: n = sum(ex.map(read_one, clips, chunksize=4))
            dt = time.perf_counter() - t
            assert n == frames
            print(f"read_openpose, {workers} process{'es' if workers > 1 else ''}: {N_CLIPS} clips x {N_FRAMES} frames in {dt:.2f} s "
                  f"= {dt / frames * 1e6:.1f} us/frame wall, {N_CLIPS / dt:.1f} clips/s")

if __name__ == "__main__": main()
