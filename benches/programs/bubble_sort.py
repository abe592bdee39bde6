"""Bubble sort of a pseudo-random integer list produced by a linear congruential generator.
Measures list indexing, comparisons and swaps in nested while/for loops."""
import sys


def lcg_list(n, seed):
    out = []
    state = seed
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        out.append(state % 100000)
    return out


def bubble_sort(a):
    n = len(a)
    swaps = 0
    swapped = True
    while swapped:
        swapped = False
        for i in range(1, n):
            if a[i - 1] > a[i]:
                a[i - 1], a[i] = a[i], a[i - 1]
                swaps += 1
                swapped = True
        n -= 1
    return swaps


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4500
    data = lcg_list(n, 42)
    swaps = bubble_sort(data)
    ok = all(data[i] <= data[i + 1] for i in range(len(data) - 1))
    checksum = 0
    for i, v in enumerate(data):
        checksum = (checksum + (i + 1) * v) % 1000000007
    print("n=%d swaps=%d sorted=%s" % (n, swaps, ok))
    print("min=%d max=%d checksum=%d" % (data[0], data[-1], checksum))


if __name__ == "__main__":
    main()
