"""N-queens: count solutions by filtering all column permutations produced by a
recursive generator function. Measures recursive generators (yield), tuple slicing/concatenation and sets."""
import sys


def permutations(items):
    """Yield every permutation of the tuple `items` (lexicographic by position)."""
    n = len(items)
    if n <= 1:
        yield items
        return
    for i in range(n):
        head = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield (head,) + tail


def is_solution(cols, n):
    # cols[row] = column of the queen in that row; permutation => distinct rows/columns
    diag1 = set()
    diag2 = set()
    for row in range(n):
        c = cols[row]
        diag1.add(c + row)
        diag2.add(c - row)
    return len(diag1) == n and len(diag2) == n


def solutions(n):
    for cols in permutations(tuple(range(n))):
        if is_solution(cols, n):
            yield cols


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    count = 0
    first = None
    checksum = 0
    for sol in solutions(n):
        if first is None:
            first = sol
        count += 1
        for row in range(n):
            checksum = (checksum * 31 + sol[row] * (row + 1)) % 1000000007
    print("%d-queens solutions: %d" % (n, count))
    print("first: %s" % (list(first),))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()
