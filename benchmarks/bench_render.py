"""Benchmark: rendering the synthetic walkers and computing Health&Gait's modalities, on 2 cores, with the projected cost
of the full cohorts.

Renders one Health&Gait-like take (960x540, 29.97 fps, 3 s) and times, per frame: ray-casting the body and room with its
exact truth (`sim.render.render_walk`), writing the MP4 and truth PNGs (`write_rendered`), then the modalities on the
decoded frames (`video.modalities`: MediaPipe's person mask, background subtraction, DIS flow, TV-L1 at half and full
size on a few pairs, pose-driven parts). Projects the full cohorts from the plans (`sim.render.render_plan`, scale
'full'). Where `moderngl` is importable (not a project dependency), also times an OpenGL rasteriser drawing 22 tessellated
volumes at 960x540 with colour and part-id read back — the alternative `26_render` weighs."""
import tempfile, time
from pathlib import Path
import numpy as np
from gait_repro.sim.render import render_plan, render_video, render_walk, _subject, draw_look, dressed, write_rendered
from gait_repro.sim.simulate import simulate_walk
from gait_repro.video.modalities import read_frames, silhouette_masks, dis_flow, tvl1_flow, pose_parts, keypoint_dict
from gait_repro.video.estimator import estimate_pose

def timed(fn, *a, **k):
    t = time.perf_counter(); out = fn(*a, **k); return out, time.perf_counter() - t

pm, plan = render_plan("healthgait", "smoke", seed=0)
row = plan.iloc[1].to_dict()
spec, cam, body, sex, age, jacket = _subject(row, "healthgait")
w = simulate_walk(spec.__class__(**{**spec.__dict__, "duration_s": 3.0}), fps=cam.fps, oversample=6)
look = dressed(draw_look(np.random.default_rng([row["seed"], 21]), sex, age), jacket)
frames, dt = timed(lambda: list(render_walk(w, cam, body, look, seed=1)))
n = len(frames)
per_frame = {"render (ray-cast, truth, blur, noise)": dt / n}
with tempfile.TemporaryDirectory() as d:
    _, dt = timed(write_rendered, frames, Path(d) / "v.mp4", Path(d) / "t", cam.fps, cam.image_size)
    per_frame["write MP4 + parts/flow PNGs"] = dt / n
    (idx, rgb, _), dt = timed(read_frames, Path(d) / "v.mp4")
    per_frame["decode"] = dt / n
    for method in ("mediapipe", "background"):
        _, dt = timed(silhouette_masks, rgb, method); per_frame[f"silhouette: {method}"] = dt / n
    _, dt = timed(dis_flow, rgb); per_frame["DIS flow"] = dt / (n - 1)
    pairs = rgb[40:44]
    for s in (0.5, 1.0):
        _, dt = timed(tvl1_flow, pairs, scale=s); per_frame[f"TV-L1 flow at scale {s}"] = dt / (len(pairs) - 1)
    pose, dt = timed(estimate_pose, Path(d) / "v.mp4", progress=False); per_frame["pose (MediaPipe)"] = dt / n
    sil = silhouette_masks(rgb, "mediapipe")
    _, dt = timed(pose_parts, sil, keypoint_dict(pose)); per_frame["parts from the pose"] = dt / n
print(f"one take: {n} frames at {cam.image_size[0]}x{cam.image_size[1]}")
for k, v in per_frame.items(): print(f"  {k:40s} {1000 * v:8.1f} ms/frame  = {1 / v:6.1f} frames/s")

# projected cost of the full cohorts, from the plans (frames = planned seconds x fps x videos)
for cohort in ("healthgait", "gillette", "koa-pd-nm"):
    _, full = render_plan(cohort, "full", seed=0)
    spec0, cam0 = _subject(full.iloc[0].to_dict(), cohort)[:2]
    frames_total = len(full) * spec0.duration_s * cam0.fps
    px = cam0.image_size[0] * cam0.image_size[1] / (960 * 540)
    hours = frames_total * per_frame["render (ray-cast, truth, blur, noise)"] * max(px, 1) ** 0.8 / 3600
    print(f"full {cohort}: {len(full)} videos, ~{frames_total:,.0f} frames at {cam0.image_size[0]}x{cam0.image_size[1]}: "
          f"rendering ~{hours:.1f} h on one core (pixel-count scaling ^0.8 assumed beyond 960x540)")
tv = per_frame["TV-L1 flow at scale 0.5"]
print(f"TV-L1 at half size for every frame of the full Health&Gait-like cohort: ~{3184 * 180 * tv / 3600:.0f} h on one core; "
      f"for Health&Gait's 40 sampled frames per video: ~{3184 * 40 * tv / 3600:.1f} h")

try:
    import moderngl
except ImportError:
    print("moderngl not installed: the OpenGL comparison is skipped (pip install moderngl; needs the system's EGL/Mesa)")
else:
    ctx = moderngl.create_standalone_context(backend="egl")
    W, H = 960, 540
    th, ph = np.meshgrid(np.linspace(0, np.pi, 24), np.linspace(0, 2 * np.pi, 48))
    P = np.stack([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)], -1).reshape(-1, 3).astype("f4")
    idx = np.array([[a, a + 24, a + 1, a + 1, a + 24, a + 25] for i in range(47) for a in range(i * 24, i * 24 + 23)], "i4").ravel()
    prog = ctx.program(vertex_shader="#version 330\nin vec3 p; uniform vec3 s; uniform vec3 o; out vec3 n;\n"
                                     "void main(){ n = p; gl_Position = vec4(p * s + o, 1.0); }",
                       fragment_shader="#version 330\nin vec3 n; uniform float part; layout(location=0) out vec4 c; layout(location=1) out float id;\n"
                                       "void main(){ c = vec4(vec3(0.5 + 0.5 * n.z), 1.0); id = part; }")
    vao = ctx.vertex_array(prog, [(ctx.buffer(P.tobytes()), "3f", "p")], ctx.buffer(idx.tobytes()))
    fbo = ctx.framebuffer([ctx.renderbuffer((W, H)), ctx.renderbuffer((W, H), 1, dtype="f4")], ctx.depth_renderbuffer((W, H)))
    fbo.use(); ctx.enable(moderngl.DEPTH_TEST)
    t = time.perf_counter()
    for _ in range(100):
        fbo.clear(0.8, 0.8, 0.8, 1.0)
        for k in range(22):
            prog["s"].value = (0.03, 0.05, 0.1); prog["o"].value = (k * 0.05 - 0.5, 0.0, 0.0); prog["part"].value = float(k); vao.render()
        fbo.read(components=3, attachment=0); fbo.read(components=1, attachment=1, dtype="f4")
    print(f"moderngl ({ctx.info['GL_RENDERER']}): {100 / (time.perf_counter() - t):.0f} frames/s, 22 volumes at 960x540 with colour and id read back")
