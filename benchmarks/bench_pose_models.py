"""Benchmark: the pose model chosen by measurement (issue 36). BlazePose lite, full and heavy (`make weights` builds the
three bundles from the mediapipe wheel and the npm package) on the real material in `data/real/`:

- errors against the joints marked by hand on both real clips (`video.realism.compare_pose_models`: per joint group,
  % of body height, the markers' own share taken out; and the share of marked frames with the legs' labels swapped);
- initial contacts and toe-offs of `gait-repro analyze` (default settings, the whole clip) against the events annotated
  frame by frame, one to one (`gait.evaluation.against_annotation`): within 2 frames, mean |error|, missed, false;
  cadence and stance against the annotation's;
- the short windows of Sports2D's clip that `41_analyze` holds to cadence within 3 % (`bench_backends.window_scores`),
  each as cut and shifted by one pixel right: cadence and stance of `report.json` against the annotation;
- speed: frames per second of pose estimation (with the background's flow) at 960x540 (the clinic clip letterboxed,
  one and two people looked for) and at 1920x1080 (Sports2D's outdoor clip upscaled, two people).

These clips are development clips (the thresholds of `analyze` were set while looking at them): the table ranks the
models on them, it does not promise accuracy on new video."""
import sys, tempfile, time
from pathlib import Path
import numpy as np
import pandas as pd
from gait_repro.video.estimator import POSE_MODELS, estimate_pose
from gait_repro.video.realism import compare_pose_models
from gait_repro.gait.evaluation import read_annotation, against_annotation
from gait_repro.tasks import analyze
from clips import CLINIC, OUTDOOR, resized   # benchmarks/clips.py
from bench_backends import window_scores

CLIPS = {"clinic": CLINIC, "sports2d": OUTDOOR}

def events(pose_model:str) -> dict:
    "Both real clips through `analyze` with `pose_model`, scored against their annotation (pooled over the clips)."
    err, to, missed, false, cad, stance = [], [], 0, 0, [], []
    for name, clip in CLIPS.items():
        ann, fps = read_annotation(clip.parent / "events.json")
        rep = analyze(clip, overlay=False, progress=False, pose_model=pose_model)
        r = against_annotation(rep.to_json(), ann, fps)
        e = r["contact_errors_frames"]; err += list(e[np.isfinite(e)]); missed += r["contacts_missed"]; false += r["contacts_false"]
        t = r["toe_off_errors_frames"]; to += list(t[np.isfinite(t)])
        cad.append(r["cadence_error_pct"]); stance.append(r["stance_error_points"])
    err, to = np.array(err), np.array(to)
    return {"contacts within 2 frames": np.mean(np.abs(err) <= 2), "contact |error| (frames)": np.abs(err).mean(), "contacts missed": missed,
            "contacts false": false, "toe-off |error| (frames)": np.abs(to).mean(), "cadence error (%), clinic / sports2d": " / ".join(f"{c:+.1f}" for c in cad),
            "stance error (points), clinic / sports2d": " / ".join("—" if s is None else f"{s:+.1f}" for s in stance)}

def speed(pose_model:str, videos:dict) -> dict:
    "Frames per second of `estimate_pose` with `pose_model` on each prepared video."
    out = {}
    for label, (video, people) in videos.items():
        t = time.perf_counter(); p = estimate_pose(video, max_people=people, progress=False, pose_model=pose_model)
        out[f"frames/s, {label}"] = p.n_frames / (time.perf_counter() - t)
    return out

if __name__ == "__main__":
    models = sys.argv[1:] or list(POSE_MODELS)
    accuracy = compare_pose_models(models=models).set_index("pose model")
    with tempfile.TemporaryDirectory() as d:
        small, full_hd = Path(d) / "clinic_960x540.mp4", Path(d) / "outdoor_1920x1080.mp4"
        resized(CLIPS["clinic"], small, (960, 540), 300); resized(CLIPS["sports2d"], full_hd, (1920, 1080))
        videos = {"960x540, 1 person": (small, 1), "960x540, 2 people": (small, 2), "1920x1080, 2 people": (full_hd, 2)}
        rows = {m: {**events(m), **speed(m, videos)} for m in models}
    w = window_scores(("mediapipe",), models, [(0, 0), (1, 0)]).groupby("pose model")
    windows = pd.DataFrame({"short windows: mean |cadence error| (%)": w["cadence error (%)"].apply(lambda v: v.abs().mean()),
                            "short windows over 3 % cadence": w["cadence error (%)"].apply(lambda v: int((v.abs() > 3).sum())),
                            "short windows refused (too few steps)": w["refused"].apply(lambda v: int(v.notna().sum())),
                            "short windows: mean stance error (points)": w["stance error (points)"].mean()})
    table = accuracy.join(pd.DataFrame(rows).T).join(windows)
    pd.set_option("display.width", 250)
    print(table.T.to_string(float_format=lambda v: f"{v:.3g}"))
