"""Integration tests: the installed `gait-repro` command and the real figure notebooks, end to end."""
import json, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "gait-repro")
FIX = ROOT / "nbs/fixtures"

def cli(*args, cwd=ROOT):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd)

@pytest.mark.parametrize("path,fmt", [("openpose/walk", "openpose"), ("alphapose/halpe26-tracked.json", "alphapose"),
                                      ("healthgait/pose/PA000/UGS/NW-WoJ_1_AlphaPose.json", "healthgait"),
                                      ("mediapipe/landmarks.csv", "mediapipe")])
def test_info_reads_every_format(path, fmt):
    r = cli("info", FIX / path, "--fps", 30)
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["format"] == fmt and s["first_frame"] == 100 and s["n_frames"] == 24

@pytest.mark.parametrize("path,message", [
    ("bad/malformed", "clip_000000000001_keypoints.json: malformed JSON"),
    ("bad/wrong_count", "frame 1: pose_keypoints_2d has 74 values"),
    ("bad/mixed", "files of several videos in one folder"),
    ("bad/no_person", "no person in any of 3 frames"),
    ("bad/healthgait_backwards.json", "frame numbers are not increasing")])
def test_bad_input_one_line_error(path, message):
    r = cli("info", FIX / path, "--fps", 30)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("gait-repro: error: ") and message in r.stderr and r.stderr.count("\n") == 1

def test_convert_leaves_nothing_on_failure(tmp_path):
    r = cli("convert", FIX / "bad/malformed", "--fps", 30, "--to", "openpose", "--out", tmp_path / "out")
    assert r.returncode == 2 and list(tmp_path.iterdir()) == []

def test_reproduce_smoke_is_incremental(tmp_path):
    data, figs = tmp_path / "data", tmp_path / "figs"
    for cohort in ("gillette", "healthgait"):
        r = cli("simulate", "--cohort", cohort, "--scale", "smoke", "--out", data / cohort)
        assert r.returncode == 0, r.stderr[-2000:]
    r = cli("render", "--cohort", "healthgait", "--scale", "smoke", "--out", data / "healthgait_video")
    assert r.returncode == 0, r.stderr[-2000:]
    r = cli("train", "--data", data / "gillette", "--scale", "smoke", "--device", "cpu", "--out", tmp_path / "models")
    assert r.returncode == 0, r.stderr[-2000:]
    for step in (("render", "--cohort", "healthgait", "--scale", "smoke", "--people", "12", "--takes", "2", "--size", "0.25", "--seconds", "2",
                  "--jobs", "2", "--out", tmp_path / "hgfilm"),
                 ("modalities", tmp_path / "hgfilm", "--out", data / "healthgait_video_study", "--kinds", "silhouettes", "--silhouette", "background"),
                 ("gaitlab-data", "--scale", "smoke", "--out", data / "gaitlab", "--jobs", "1"),
                 ("gaitlab-study", "--data", data / "gaitlab", "--scale", "smoke", "--out", tmp_path / "models" / "gaitlab")):
        r = cli(*step)
        assert r.returncode == 0, r.stderr[-2000:]
    args = ("--scale", "smoke", "--device", "cpu", "--data-dir", data, "--models-dir", tmp_path / "models", "--out", figs, "--jobs", "2")
    r = cli("reproduce", *args)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "pose_overview: ran" in r.stdout and "cnn_predictions: ran" in r.stdout and "summary: ran" in r.stdout and "modalities: ran" in r.stdout and "healthgait_validation: ran" in r.stdout
    assert "healthgait_video: ran" in r.stdout and "gaitlab: ran" in r.stdout and (figs / "gaitlab_confusion_reliability.png").exists()
    assert (figs / "modalities_gallery.png").exists() and "silhouette IoU" in (figs / "modalities_realism.md").read_text()
    summary = (figs / "SUMMARY.md").read_text()
    assert "published CNN r" in summary and "gait_agreement" not in summary.splitlines()[0]
    assert "original recipe" in summary and "Table 2" in summary
    assert (figs / "reproduction.csv").exists() and (figs / "ablations.md").exists()
    manifest = json.loads((figs / "manifest.json").read_text())
    entry = manifest["figures"]["pose_overview"]
    assert {Path(o["path"]).suffix for o in entry["outputs"]} == {".png", ".pdf"}
    assert any("gillette/videos/" in i["path"] for i in entry["inputs"])
    assert entry["parameters"]["scale"] == "smoke" and entry["wall_time_s"] > 0 and entry["git_commit"]
    assert (figs / "notebooks/pose_overview.ipynb").exists()
    again = cli("reproduce", *args)
    assert "pose_overview: up to date" in again.stdout
