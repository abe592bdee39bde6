"""Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1) by the power method.
Measures nested float loops, function calls and list building."""
import math
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("%.9f" % spectral_norm(n))


if __name__ == "__main__":
    main()
