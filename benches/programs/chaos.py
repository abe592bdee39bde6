"""Chaos: iterated-function-system "chaos games" (Barnsley fern, pentagon, Sierpinski)
driven by a seeded Mersenne Twister, binning points into a histogram.
Measures float arithmetic, method calls, tuples/lists and the random module."""
import math
import random
import sys


class AffineMap:
    """(x, y) -> (a*x + b*y + e, c*x + d*y + f)."""

    def __init__(self, a, b, c, d, e, f):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f

    def apply(self, x, y):
        return (self.a * x + self.b * y + self.e,
                self.c * x + self.d * y + self.f)


class Histogram:
    def __init__(self, size, xmin, xmax, ymin, ymax):
        self.size = size
        self.xmin = xmin
        self.ymin = ymin
        self.sx = size / (xmax - xmin)
        self.sy = size / (ymax - ymin)
        self.cells = [0] * (size * size)
        self.outside = 0

    def add(self, x, y):
        i = int((x - self.xmin) * self.sx)
        j = int((y - self.ymin) * self.sy)
        if 0 <= i < self.size and 0 <= j < self.size:
            self.cells[j * self.size + i] += 1
        else:
            self.outside += 1

    def checksum(self):
        h = 0
        occupied = 0
        for k, c in enumerate(self.cells):
            if c:
                occupied += 1
                h = (h * 1000003 + k * 131 + c) % 2147483647
        return h, occupied


def fern(n, hist):
    maps = [
        (0.01, AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0)),
        (0.86, AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6)),
        (0.93, AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6)),
        (1.00, AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44)),
    ]
    x, y = 0.0, 0.0
    sx = sy = 0.0
    for _ in range(n):
        r = random.random()
        for threshold, m in maps:
            if r < threshold:
                x, y = m.apply(x, y)
                break
        sx += x
        sy += y
        hist.add(x, y)
    return sx, sy


def polygon_game(n, sides, ratio, hist):
    verts = []
    for k in range(sides):
        ang = 2.0 * math.pi * k / sides + math.pi / 2.0
        verts.append((math.cos(ang), math.sin(ang)))
    x = random.uniform(-0.5, 0.5)
    y = random.uniform(-0.5, 0.5)
    last = -1
    sx = sy = 0.0
    for _ in range(n):
        k = random.randrange(sides)
        if k == last:  # classic restriction: never pick the same vertex twice in a row
            continue
        last = k
        vx, vy = verts[k]
        x = x + (vx - x) * ratio
        y = y + (vy - y) * ratio
        sx += x
        sy += y
        hist.add(x, y)
    return sx, sy


def sierpinski(n, hist):
    corners = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.8660254037844386)]
    x, y = random.random(), random.random()
    sx = sy = 0.0
    for _ in range(n):
        cx, cy = random.choice(corners)
        x = (x + cx) * 0.5
        y = (y + cy) * 0.5
        sx += x
        sy += y
        hist.add(x, y)
    return sx, sy


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    random.seed(1234)
    h1 = Histogram(64, -2.5, 2.8, 0.0, 10.0)
    fx, fy = fern(n, h1)
    h2 = Histogram(64, -1.0, 1.0, -1.0, 1.0)
    px, py = polygon_game(n, 5, 0.5, h2)
    h3 = Histogram(64, 0.0, 1.0, 0.0, 1.0)
    tx, ty = sierpinski(n, h3)
    for name, h, sx, sy in (("fern", h1, fx, fy), ("pentagon", h2, px, py),
                            ("sierpinski", h3, tx, ty)):
        cs, occ = h.checksum()
        print("%s: occupied=%d outside=%d checksum=%d mean=(%.6f, %.6f)"
              % (name, occ, h.outside, cs, sx / n, sy / n))


if __name__ == "__main__":
    main()
