#!/usr/bin/env python3
"""Says whether a PNG (a headless-browser screenshot) shows something: standard library only.

    python3 scripts/check_png.py FILE.png [MIN_COLOURS] [MIN_INK]
    python3 scripts/check_png.py --compare A.png B.png

Decodes the image (8-bit greyscale, RGB or RGBA, not interlaced), counts the distinct colours
and the share of pixels that differ from the most common one (the background). Prints them as
JSON; exits 1 when there are fewer than MIN_COLOURS (default 8) colours or less than MIN_INK
(default 0.01) of the pixels differ from the background. With --compare, prints how many pixels
differ between two images of one size (-1 when the sizes differ).
"""
import json
import struct
import sys
import zlib
from collections import Counter


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def compare(a, b):
    """Prints how many pixels differ between two images of the same size (or -1 if the sizes differ)."""
    wa, ha, ca, ra = decode(a)
    wb, hb, cb, rb = decode(b)
    if (wa, ha, ca) != (wb, hb, cb):
        print(json.dumps({"differing_pixels": -1}))
        return
    differing = sum(1 for x, y in zip(ra, rb) for i in range(0, len(x), ca) if x[i:i + ca] != y[i:i + ca])
    print(json.dumps({"differing_pixels": differing}))


def main():
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
        return
    path = sys.argv[1]
    min_colours = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    min_ink = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
    width, height, channels, rows = decode(path)
    pixels = Counter(row[i:i + channels] for row in rows for i in range(0, len(row), channels))
    background, count = pixels.most_common(1)[0]
    ink = 1 - count / (width * height)
    result = {"width": width, "height": height, "colours": len(pixels), "ink": round(ink, 4)}
    print(json.dumps(result))
    if len(pixels) < min_colours or ink < min_ink:
        print(f"FAIL: the image looks blank ({len(pixels)} colours, {ink:.2%} ink)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
