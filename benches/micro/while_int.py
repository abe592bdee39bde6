"""Microkernel: a small-int while loop (compare, two adds, stores, back-edge)."""
import sys


def loop(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total


print(loop(int(sys.argv[1])))
