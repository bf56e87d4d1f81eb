"""Benchmark: the two runtimes of the BlazePose models (issue 34), on the same decoded frames, in one process: our port
of MediaPipe's landmarker graph to OpenVINO (`video.blazepose.BlazePose`, `--pose-backend openvino`) and MediaPipe's
own `PoseLandmarker` (video mode, the default).

- agreement: `video.estimator.against_mediapipe` on both real clips, whole: the port's per-person mean landmark gap to
  MediaPipe (px), beside MediaPipe's own gap when the video is shifted by one pixel (the models' sensitivity: the floor);
- the fixed windows of `41_analyze` (Sports2D's clip, cadence held to 3 % there), each also shifted by one pixel
  right, down, or both: cadence and stance of `report.json` against the annotation, with each runtime;
- the port's precision, where the CPU has bf16 units: 32-bit floats (what the port compiles) against bf16 (OpenVINO's
  own default there), frames per second and how far bf16 moves the landmarks (`precision_scores`);
- speed: frames per second of pose alone (frames decoded and scaled to 960x540 beforehand, no optical flow), per
  landmark model, one and two people looked for. The runs alternate between the runtimes, so that a busy machine
  slows both alike; each figure is the better of two runs.

The clips are development clips: agreement on them says how faithful the port is, not how accurate either is."""
import time
import cv2
import numpy as np
import pandas as pd
from gait_repro.video.blazepose import BlazePose
from gait_repro.video.estimator import POSE_MODELS, pose_model_path, iter_frames, mediapipe_runner, native_stderr_silenced, against_mediapipe
from clips import CLINIC, OUTDOOR   # benchmarks/clips.py

def frames_960x540(n:int=150) -> list:
    "The first `n` frames of the outdoor clip (a walker and a bystander), RGB, scaled to 960x540."
    return [np.ascontiguousarray(cv2.resize(f, (960, 540), interpolation=cv2.INTER_AREA)) for _, _, f in iter_frames(OUTDOOR, n)]

def fps(frames:list, pose_model:str, people:int, backend:str) -> float:
    "Frames per second of one runtime over `frames`, the model already loaded."
    model = pose_model_path(pose_model)
    if backend == "openvino":
        run = BlazePose(model, people); t = time.perf_counter()
        for f in frames: run(f)
        return len(frames) / (time.perf_counter() - t)
    with native_stderr_silenced(), mediapipe_runner(model, people) as run:
        t = time.perf_counter()
        for i, f in enumerate(frames): run(i, f)
        return len(frames) / (time.perf_counter() - t)

def precision_scores(frames:list, pose_models=("full", "heavy")) -> pd.DataFrame:
    """Per landmark model, one person looked for: the port's frames per second compiled at f32 and at bf16 (better of
    two alternating runs), and the per-frame mean landmark gap (px) of bf16 to f32 (median, 90th percentile, largest).
    Empty where the CPU lists no bf16 capability (OpenVINO would run f32 either way)."""
    import openvino as ov
    if "BF16" not in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES"): return pd.DataFrame()
    rows = {}
    for m in pose_models:
        speed, out = {"f32": [], "bf16": []}, {}
        for _ in range(2):
            for prec in speed:
                run = BlazePose(pose_model_path(m), 1, precision=prec); t = time.perf_counter()
                out[prec] = [run(f) for f in frames]
                speed[prec].append(len(frames) / (time.perf_counter() - t))
        gap = [np.linalg.norm(a[0, :, :2] - b[0, :, :2], axis=1).mean() for a, b in zip(out["f32"], out["bf16"]) if len(a) and len(b)]
        rows[m] = {"f32 (frames/s)": max(speed["f32"]), "bf16 (frames/s)": max(speed["bf16"]), "bf16 gap median (px)": np.median(gap),
                   "bf16 gap p90 (px)": np.percentile(gap, 90), "bf16 gap largest (px)": np.max(gap)}
    return pd.DataFrame(rows).T

# 41_analyze's windows of Sports2D's clip (first frame, last frame, x range): the walker enters and leaves each
WINDOWS = [(40, 150, (600, 1768)), (55, 190, (300, 1300)), (100, 229, (0, 1000))]
SHIFTS = [(0, 0), (1, 0), (0, 1), (1, 1)]  # px right, px down: the same window, one pixel over

def window_scores(runtimes=("mediapipe", "openvino"), pose_models=("full",), shifts=SHIFTS) -> pd.DataFrame:
    """Cadence and stance of `report.json` against the annotation, as 41_analyze scores them, on each window and each
    of its one-pixel `shifts`, with each runtime and pose model."""
    import json, tempfile
    from pathlib import Path
    from gait_repro.gait.evaluation import read_annotation, against_annotation
    from gait_repro.gait.events import EDGE_GUARD_S
    from gait_repro.pose.skeletons import MEDIAPIPE33
    from gait_repro.video.analyze import analyze_video
    from gait_repro.gait.params import GaitError
    ann, rate = read_annotation(OUTDOOR.parent / "events.json")
    frames = [bgr for _, _, bgr in iter_frames(OUTDOOR, rgb=False)]
    hips = [MEDIAPIPE33.index("left_hip"), MEDIAPIPE33.index("right_hip")]
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for first, last, (x0, x1) in WINDOWS:
            for dx, dy in shifts:
                clip = Path(d) / "window.mp4"
                vw = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), rate, (x1 - x0, frames[0].shape[0]))
                for f in frames[first:last + 1]:
                    vw.write(np.pad(f[:, x0:x1], ((dy, 0), (dx, 0), (0, 0)), mode="edge")[:f.shape[0], :x1 - x0])
                vw.release()
                for backend, model in [(b, m) for b in runtimes for m in pose_models]:
                    row = {"window": f"{first}-{last}", "shift (px)": f"{dx},{dy}", "runtime": backend, "pose model": model}
                    try: rep = analyze_video(clip, Path(d) / backend, progress=False, overlay=False, backend=backend, pose_model=model)
                    except GaitError as e:  # the report refuses the window: counted, not scored
                        rows.append({**row, "cadence error (%)": np.nan, "stance error (points)": np.nan, "refused": str(e)}); continue
                    seen = np.flatnonzero(np.isfinite(rep.pose.data[:, hips, 0]).all(1))
                    lo, hi = seen[0] + first + EDGE_GUARD_S * rate, seen[-1] + first - EDGE_GUARD_S * rate
                    report = json.loads((Path(d) / backend / "report.json").read_text())
                    r = against_annotation(report, ann[ann.frame.between(lo, hi)], rate, first, last, (x0, x1), 62)
                    rows.append({**row, "cadence error (%)": r["cadence_error_pct"], "stance error (points)": r["stance_error_points"], "refused": None})
    return pd.DataFrame(rows)

if __name__ == "__main__":
    agree = pd.DataFrame({(clip, who): row for clip, path in (("clinic", CLINIC), ("sports2d", OUTDOOR))
                          for who, row in list(against_mediapipe(path).items())[1:]}).T
    print("Landmarks against MediaPipe's runtime (pose model full, whole clips):"); print(agree.to_string(float_format=lambda v: f"{v:.2f}"))
    frames = frames_960x540()
    rows = {}
    for m in POSE_MODELS:
        for people in (1, 2):
            runs = {"openvino": [], "mediapipe": []}
            for _ in range(2):
                for b in runs: runs[b].append(fps(frames, m, people, b))
            best = {b: max(v) for b, v in runs.items()}
            rows[(m, people)] = {"OpenVINO port (frames/s)": best["openvino"], "MediaPipe (frames/s)": best["mediapipe"],
                                 "speed-up": best["openvino"] / best["mediapipe"]}
    print("\nPose alone at 960x540 (150 frames of the outdoor clip), by landmark model and people looked for:")
    print(pd.DataFrame(rows).T.rename_axis(["model", "people"]).to_string(float_format=lambda v: f"{v:.1f}"))
    prec = precision_scores(frames)
    print("\nThe port's precision, one person, 960x540:")
    print(prec.to_string(float_format=lambda v: f"{v:.2f}") if len(prec) else "this CPU has no bf16 units: not measured")
    w = window_scores()
    print("\n41_analyze's Sports2D windows, each also shifted by one pixel (cadence held to 3 % there):")
    print(w.pivot_table(index=["window", "shift (px)"], columns="runtime", values=["cadence error (%)", "stance error (points)"]).to_string(float_format=lambda v: f"{v:+.2f}"))
    g = w.groupby("runtime")
    print(pd.DataFrame({"mean |cadence error| (%)": g["cadence error (%)"].apply(lambda v: v.abs().mean()),
                        "windows over 3 %": g["cadence error (%)"].apply(lambda v: int((v.abs() > 3).sum())),
                        "windows refused": g["refused"].apply(lambda v: int(v.notna().sum())),
                        "mean stance error (points)": g["stance error (points)"].mean()}).to_string(float_format=lambda v: f"{v:.2f}"))
