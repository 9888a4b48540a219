#!/usr/bin/env python3
"""A small deterministic PNG logo for the look tests (no chunk but IHDR,
IDAT and IEND, so the bytes depend on the arguments only).

pngmake.py OUT WIDTH HEIGHT RRGGBB: a square of the colour with a white
ring, then three bars of it fading out, on a transparent background.
"""
import struct
import sys
import zlib


def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def logo(w, h, rgb):
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    rows = []
    s = h  # the square's side
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            px = (0, 0, 0, 0)
            if x < s:
                cx, cy = x - s / 2 + 0.5, y - s / 2 + 0.5
                d = (cx * cx + cy * cy) ** 0.5
                px = (255, 255, 255, 255) if s * 0.22 < d < s * 0.32 else (r, g, b, 255)
            else:
                k = (x - s) * 3 // max(1, w - s)
                top = h * (0.15 + 0.2 * k)
                if (x - s) % max(1, (w - s) // 3) > 6 and top <= y < h * 0.85:
                    px = (r, g, b, 255 - 70 * k)
            row.extend(px)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out, w, h, colour = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4], 16)
    with open(out, "wb") as f:
        f.write(logo(w, h, colour))
