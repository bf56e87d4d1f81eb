"""Test videos the benchmarks make from the real clips in `data/real/` (not a benchmark itself: `make bench` runs
`bench_*.py` only)."""
from pathlib import Path
import cv2
import numpy as np
from gait_repro.video.estimator import iter_frames

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "data/real/mobile-gaitlab-demo/input1.mp4"   # 320x480, 401 frames, a child at a clinic
OUTDOOR = ROOT / "data/real/sports2d-demo/demo.mp4"          # 1768x994, 230 frames, a walker and a bystander

def resized(src, dst, size=(960, 540), frames:int=None, fps:float=30.0):
    "The first `frames` frames of `src` scaled to the height of `size` and centred on a grey canvas of `size` (an MPEG-4 file `dst`)."
    vw = cv2.VideoWriter(str(dst), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
    for _, _, bgr in iter_frames(src, frames, rgb=False):
        h = size[1]; w = min(size[0], int(round(bgr.shape[1] * h / bgr.shape[0])))
        canvas = np.full((size[1], size[0], 3), 128, np.uint8); x0 = (size[0] - w) // 2
        canvas[:, x0:x0 + w] = cv2.resize(bgr, (w, h), interpolation=cv2.INTER_AREA)
        vw.write(canvas)
    vw.release()
    return Path(dst)
