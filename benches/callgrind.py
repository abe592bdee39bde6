#!/usr/bin/env python3
"""Instructions per iteration of the microkernels in benches/micro/, under callgrind.

For each kernel and interpreter, runs the kernel at two sizes under
`valgrind --tool=callgrind` and prints (Ir(large) - Ir(small)) / (iterations(large) -
iterations(small)): start-up and one-time costs cancel, what is left is the loop.

    python3 benches/callgrind.py [--pyrun PATH] [--vs python3] [--flags '-X specialize=off'] [KERNEL...]
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MICRO = os.path.join(HERE, "micro")


def fib_calls(n):
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1  # calls of fib(n) = 2*fib(n+1) - 1


# kernel -> (small size, large size, iterations for a size)
KERNELS = {
    "fib_calls": (16, 21, fib_calls),
    "while_int": (100_000, 400_000, lambda n: n),
    "attr_rw": (100_000, 400_000, lambda n: n),
    "method_call": (100_000, 400_000, lambda n: n),
    "float_arith": (100_000, 400_000, lambda n: n),
    "for_range_sum": (100_000, 400_000, lambda n: n),
    "call_loop": (100_000, 400_000, lambda n: n),
    "empty_loop": (100_000, 400_000, lambda n: n),
}

# Rows derived from two kernels: name -> (kernel, baseline subtracted from it).
DERIVED = {"call+return": ("call_loop", "empty_loop")}


def real_executable(cmd):
    """A pyenv shim is a shell script: resolve the interpreter it runs."""
    try:
        out = subprocess.run(
            [cmd, "-c", "import sys; print(sys.executable)"],
            capture_output=True, text=True, check=True,
        )
        return out.stdout.strip() or cmd
    except (OSError, subprocess.CalledProcessError):
        return None


def instructions(argv):
    r = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
        capture_output=True, text=True,
    )
    m = re.search(r"Collected\s*:\s*(\d+)", r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f"callgrind failed for {' '.join(argv)}:\n{r.stderr[-2000:]}")
    return int(m.group(1)), r.stdout


def per_iteration(cmd, kernel):
    small, large, iters = KERNELS[kernel]
    path = os.path.join(MICRO, kernel + ".py")
    a, out_a = instructions(cmd + [path, str(small)])
    b, out_b = instructions(cmd + [path, str(large)])
    return (b - a) / (iters(large) - iters(small)), (out_a, out_b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyrun", default=os.path.join(HERE, "..", "target", "release", "pyrun"))
    ap.add_argument("--flags", default="", help="extra pyrun flags, e.g. '-X specialize=off'")
    ap.add_argument("--vs", action="append", default=None, help="reference interpreters (default python3)")
    ap.add_argument("kernels", nargs="*", default=list(KERNELS))
    args = ap.parse_args()
    refs = args.vs if args.vs is not None else ["python3"]
    cols = [("pyrun", [os.path.abspath(args.pyrun)] + args.flags.split())]
    for r in refs:
        exe = real_executable(r)
        if exe is None:
            print(f"note: {r} not found, skipped", file=sys.stderr)
            continue
        cols.append((r, [exe]))
    head = f"{'kernel':<16}" + "".join(f"{name:>12}" for name, _ in cols)
    if len(cols) > 1:
        head += "".join(f"{'pyrun/' + name:>16}" for name, _ in cols[1:])
    print("instructions per iteration (callgrind, difference of two sizes)")
    print(head)
    seen = {}
    for k in args.kernels:
        vals = []
        outs = []
        for _, cmd in cols:
            v, o = per_iteration(cmd, k)
            vals.append(v)
            outs.append(o)
        seen[k] = vals
        line = f"{k:<16}" + "".join(f"{v:>12,.0f}" for v in vals)
        line += "".join(f"{vals[0] / v:>16.2f}" for v in vals[1:])
        if any(o != outs[0] for o in outs[1:]):
            line += "   OUTPUT DIFFERS"
        print(line, flush=True)
    for name, (k, base) in DERIVED.items():
        if k in seen and base in seen:
            vals = [a - b for a, b in zip(seen[k], seen[base])]
            line = f"{name:<16}" + "".join(f"{v:>12,.0f}" for v in vals)
            line += "".join(f"{vals[0] / v:>16.2f}" for v in vals[1:] if v)
            print(line + f"   ({k} - {base})", flush=True)


if __name__ == "__main__":
    main()
