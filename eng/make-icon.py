#!/usr/bin/env python3
"""Draws the package icon (eng/icon.png, 128x128 RGBA; every package of the repository uses it) with the standard library only:
a teal rounded square, a white hair strand and three amber mineral dots. 4x4 supersampling for smooth edges."""
import math, struct, sys, zlib

SIZE, SS = 128, 4
TEAL, WHITE, AMBER = (31, 111, 120), (255, 255, 255), (242, 184, 75)

def bezier(t, p0, p1, p2, p3):
    u = 1 - t
    return tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d for a, b, c, d in zip(p0, p1, p2, p3))

STRAND = [bezier(i / 400, (26, 104), (40, 40), (88, 88), (102, 24)) for i in range(401)]
DOTS = [((44, 52), 9.5), ((86, 76), 8.5), ((64, 99), 7)]

def inside_rounded(x, y, lo=4, hi=124, r=22):
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return lo <= x <= hi and lo <= y <= hi and (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def near_strand(x, y, half_width=3.6):
    return any((x - px) ** 2 + (y - py) ** 2 <= half_width ** 2 for px, py in STRAND[::2])

def colour(x, y):
    if not inside_rounded(x, y):
        return None
    for (cx, cy), r in DOTS:
        if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
            return AMBER
    if abs(y - (128 - x)) < 40 and near_strand(x, y):  # the strand stays near the anti-diagonal
        return WHITE
    return TEAL

rows = []
for j in range(SIZE):
    row = bytearray([0])
    for i in range(SIZE):
        acc, alpha = [0, 0, 0], 0
        for sj in range(SS):
            for si in range(SS):
                c = colour(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                if c is not None:
                    alpha += 1
                    for k in range(3):
                        acc[k] += c[k]
        n = SS * SS
        row += bytes([round(acc[k] / alpha) if alpha else 0 for k in range(3)] + [round(255 * alpha / n)])
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
with open(sys.argv[1] if len(sys.argv) > 1 else "eng/icon.png", "wb") as f:
    f.write(png)
