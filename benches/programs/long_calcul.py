"""Seed kernel: nested loops of integer additions/subtractions and function calls.
long_calcul(num) calls short_calcul O(num) times, each looping up to num (O(num^2) adds)."""
import sys


def short_calcul(n):
    result = 0
    for i in range(1, n + 1):
        result += i
    return result

def long_calcul(num):
    result = short_calcul(0)
    for i in range(num):
        result += short_calcul(i+1) - short_calcul(i)
    result -= short_calcul(num)
    return result


def main():
    num = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    result = long_calcul(num)
    print("long_calcul(%d) = %d" % (num, result))
    print("short_calcul(%d) = %d" % (num, short_calcul(num)))


if __name__ == "__main__":
    main()
