"""Microkernel: recursive calls. Iterations = calls of fib (2*fib(n+1) - 1)."""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(int(sys.argv[1])))
