"""Microkernel: for-range sum of small ints."""
import sys


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


print(loop(int(sys.argv[1])))
