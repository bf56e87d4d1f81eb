"""Contact sheet of consecutive video frames, cropped and enlarged, each labelled with its 0-based frame index.

usage: python crop.py VIDEO FIRST LAST X0 Y0 X1 Y1 SCALE OUT.png [PER_ROW]
  frames FIRST..LAST (inclusive, 0-based decode order), crop [X0:X1, Y0:Y1] in full-resolution pixels,
  enlarged by SCALE, PER_ROW frames per row (default 5). A faint 20-px grid (full-resolution pixels) is drawn."""
import sys, cv2, numpy as np
video, first, last, x0, y0, x1, y1 = sys.argv[1], *map(int, sys.argv[2:8])
scale, out = float(sys.argv[8]), sys.argv[9]
per_row = int(sys.argv[10]) if len(sys.argv) > 10 else 5
cap = cv2.VideoCapture(video); tiles = []; i = 0
while i <= last:
    ok, f = cap.read()
    if not ok: break
    if i >= first:
        h, w = f.shape[:2]
        c = np.zeros((y1 - y0, x1 - x0, 3), np.uint8)
        ya, yb, xa, xb = max(y0, 0), min(y1, h), max(x0, 0), min(x1, w)
        if ya < yb and xa < xb: c[ya - y0:yb - y0, xa - x0:xb - x0] = f[ya:yb, xa:xb]
        for gx in range((x0 // 20 + 1) * 20, x1, 20): c[:, gx - x0] = (c[:, gx - x0] * 0.7 + 60).astype(np.uint8)
        for gy in range((y0 // 20 + 1) * 20, y1, 20): c[gy - y0, :] = (c[gy - y0, :] * 0.7 + 60).astype(np.uint8)
        c = cv2.resize(c, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        cv2.rectangle(c, (0, 0), (70, 26), (0, 0, 0), -1)
        cv2.putText(c, str(i), (4, 20), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 255, 255), 2)
        cv2.rectangle(c, (0, 0), (c.shape[1] - 1, c.shape[0] - 1), (255, 255, 255), 1)
        tiles.append(c)
    i += 1
rows = [tiles[k:k + per_row] for k in range(0, len(tiles), per_row)]
th, tw = tiles[0].shape[:2]
sheet = np.zeros((len(rows) * th, per_row * tw, 3), np.uint8)
for r, row in enumerate(rows):
    for k, t in enumerate(row): sheet[r * th:(r + 1) * th, k * tw:(k + 1) * tw] = t
cv2.imwrite(out, sheet); print(f"{out}: frames {first}-{min(last, i - 1)}, sheet {sheet.shape[1]}x{sheet.shape[0]}")
