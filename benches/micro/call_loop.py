"""Microkernel: a loop calling a one-argument function that returns its argument.
Minus empty_loop (the same loop without the call), this is one call+return pair with its
global load and argument/result moves."""
import sys


def f(x):
    return x


def loop(n):
    for i in range(n):
        f(i)


loop(int(sys.argv[1]))
print("done")
