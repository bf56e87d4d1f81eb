"""Derive the compact walks in this folder from the original C3D files (run by hand; the tests read only the .npz files).

usage: python derive.py SOURCE_DIR   (SOURCE_DIR holds kineticstoolkit/walk.c3d and btkdata/*.c3d; needs `pip install c3d==0.6.0`)

For each walk it keeps the markers a side-view pose can be built from (metres, lab axes, z up), the gait events the
lab labelled in the file's EVENT group, and each force plate's contacts: vertical force above 20 N (after removing
the plate's resting offset, the median of its first 50 samples), runs closer than 5 frames merged, runs shorter than
5 frames dropped, each assigned to the foot whose heel or toe marker lies over the plate when it is loaded."""
import hashlib, json, sys
from pathlib import Path
import numpy as np
import c3d

WALKS = {"kineticstoolkit/walk.c3d": "walk", "btkdata/PiG_Motion3_FF.c3d": "pig_motion3_ff",
         "btkdata/PiG_Motion-FlatFoot-Full.c3d": "pig_flatfoot_full", "btkdata/FunctionalWalk.c3d": "functional_walk"}
KEEP = ["LASI", "RASI", "LPSI", "RPSI", "SACR", "LFEP", "RFEP", "LFEO", "RFEO", "LTIO", "RTIO", "LKNE", "RKNE", "LANK", "RANK",
        "LHEE", "RHEE", "LTOE", "RTOE", "LFHD", "RFHD", "LBHD", "RBHD", "C7", "CLAV", "LSHO", "RSHO", "LELB", "RELB",
        "LWRA", "LWRB", "RWRA", "RWRB"]
FORCE_N, MERGE, MIN_RUN = 20.0, 5, 5

def runs(on):
    d = np.diff(np.r_[0, on.astype(int), 0])
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))

def read(path):
    with open(path, "rb") as h:
        r = c3d.Reader(h)
        labels = [l.strip() for l in r.point_labels]; alabels = [l.strip() for l in r.analog_labels]
        pts, ana = [], []
        for _, p, a in r.read_frames():
            pts.append(p[:, :3].copy()); ana.append(a.copy())
        P, A = np.array(pts), np.array(ana)
        g = r.get("EVENT")
        ctx, lab = g.get("CONTEXTS").string_array, g.get("LABELS").string_array
        t = np.asarray(g.get("TIMES").float_array, float).reshape(-1, 2)
        fp = r.get("FORCE_PLATFORM")
        corners = np.asarray(fp.get("CORNERS").float_array, float).reshape(-1, 4, 3)
        return labels, P, alabels, A, float(r.point_rate), int(r.first_frame), list(zip(ctx, lab, 60 * t[:, 0] + t[:, 1])), corners

def derive(src, name, out):
    labels, P, alabels, A, rate, first, events, corners = read(src)
    missing = (np.abs(P).sum(-1) == 0)
    P[missing] = np.nan
    markers = {m: P[:, labels.index(m)] / 1000.0 for m in KEEP if m in labels and np.isfinite(P[:, labels.index(m)]).any()}
    k = A.shape[2]  # analog samples per point frame
    fz = [i for i, l in enumerate(alabels) if l.split(".")[-1] in (f"Fz{j}" for j in range(1, 9)) or l in ("PF1Fz", "PF2Fz", "PF3Fz")]
    contacts = []
    for plate, i in enumerate(fz):
        f = np.abs(A[:, i, :].reshape(-1)); f = f - np.median(f[:50])
        on = f > FORCE_N
        merged = on.copy()  # close short gaps, then drop short runs
        for a, b in runs(~on):
            if a > 0 and b < len(on) and b - a < MERGE * k: merged[a:b] = True
        for a, b in runs(merged):
            if b - a < MIN_RUN * k: continue
            t_on, t_off = a / k, (b / k if b < len(merged) else None)  # frames (sub-frame), None: still loaded at the end
            c = corners[plate] / 1000.0; lo, hi = c[:, :2].min(0), c[:, :2].max(0)
            j = min(int(round(t_on)) + 2, len(P) - 1)
            over = [s for s in "LR" if any(np.all((markers[f"{s}{m}"][j, :2] >= lo) & (markers[f"{s}{m}"][j, :2] <= hi)) for m in ("HEE", "TOE"))]
            contacts.append({"plate": plate + 1, "on_frame": round(t_on, 2), "off_frame": None if t_off is None else round(t_off, 2),
                             "foot": over[0] if len(over) == 1 else None, "touched_at_start": bool(a == 0)})
    lab = [{"side": c.strip(), "event": l.strip(), "frame": round(t * rate - first + 1, 2)} for c, l, t in events if t > 0]
    np.savez_compressed(out / f"{name}.npz", **{m: v.astype(np.float32) for m, v in markers.items()})
    return {"source": src.as_posix(), "sha256": hashlib.sha256(src.read_bytes()).hexdigest(), "rate_hz": rate, "frames": len(P),
            "lab_events": sorted(lab, key=lambda e: e["frame"]), "force_plate_contacts": contacts, "markers": sorted(markers)}

if __name__ == "__main__":
    root, out = Path(sys.argv[1]), Path(__file__).parent
    index = {name: derive(root / rel, name, out) for rel, name in WALKS.items()}
    for d in index.values(): d["source"] = d["source"].split("real-mocap/")[-1]
    (out / "walks.json").write_text(json.dumps(index, indent=1) + "\n")
    print(json.dumps({n: (d["frames"], d["rate_hz"], len(d["force_plate_contacts"])) for n, d in index.items()}))
