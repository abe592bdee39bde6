"""Fannkuch-redux: for every permutation of 0..n-1 count prefix reversals ("pancake flips")
until 0 is in front; report the maximum and an alternating-sign checksum.
Measures list indexing/swapping and integer loops."""
import sys


def count_flips(perm):
    flips = 0
    k = perm[0]
    while k:
        i = 0
        j = k
        while i < j:
            t = perm[i]
            perm[i] = perm[j]
            perm[j] = t
            i += 1
            j -= 1
        flips += 1
        k = perm[0]
    return flips


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0:
            flips = count_flips(perm1[:])
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        # advance to the next permutation (rotation-based counting order)
        while True:
            if r == n:
                return max_flips, checksum
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    max_flips, checksum = fannkuch(n)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (n, max_flips))


if __name__ == "__main__":
    main()
