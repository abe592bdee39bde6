"""Float: allocate many small Point objects from math.sin/cos, normalize them and
reduce to the component-wise maximum. Measures object allocation, attribute access and float math."""
import math
import sys


class Point:
    def __init__(self, i):
        x = math.sin(i)
        self.x = x
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    it = iter(points)
    best = next(it)
    for p in it:
        best = best.maximize(p)
    return best


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rounds = 3
    result = None
    for _ in range(rounds):
        result = benchmark(n)
    print(result)


if __name__ == "__main__":
    main()
