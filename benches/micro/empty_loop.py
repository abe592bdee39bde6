"""Microkernel: call_loop's loop without the call (the baseline subtracted from it)."""
import sys


def f(x):
    return x


def loop(n):
    for i in range(n):
        i


loop(int(sys.argv[1]))
print("done")
