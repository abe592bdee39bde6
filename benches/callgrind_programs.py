#!/usr/bin/env python3
"""Whole-program instruction counts of benches/programs under callgrind, pyrun beside python3.

Start-up is included (CPython's is ~139 M instructions, pyrun's ~3 M), so the sizes below
make CPython run 0.5-2 G instructions: start-up is a few per cent of the total. Lower
ratios are better (pyrun/python3 < 1 means pyrun runs fewer instructions).

    python3 benches/callgrind_programs.py [--pyrun PATH] [--vs python3] [--flags F]
                                          [--keep DIR] [PROGRAM[=SIZE]...]

--keep DIR writes the callgrind profiles there (DIR/NAME.pyrun.cg, DIR/NAME.python3.cg) for
callgrind_annotate.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")

SIZES = {
    "fib": 27, "nbody": 30000, "richards": 5, "spectral_norm": 150, "float": 40000,
    "long_calcul": 2200, "raytrace": 80, "deltablue": 50, "nqueens": 8, "fannkuch": 8,
    "bubble_sort": 2000, "ducks": 60, "wordcount": 80000, "chaos": 80000, "go": 15,
}


def real_executable(cmd):
    try:
        out = subprocess.run([cmd, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip() or cmd
    except (OSError, subprocess.CalledProcessError):
        return None


def instructions(argv, out_file):
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}"] + argv,
                       capture_output=True, text=True)
    m = re.search(r"Collected\s*:\s*(\d+)", r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f"callgrind failed for {' '.join(argv)}:\n{r.stderr[-2000:]}")
    return int(m.group(1)), r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyrun", default=os.path.join(HERE, "..", "target", "release", "pyrun"))
    ap.add_argument("--flags", default="", help="extra pyrun flags, e.g. '-X specialize=off'")
    ap.add_argument("--vs", default="python3")
    ap.add_argument("--keep", default=None, help="directory for the callgrind profiles")
    ap.add_argument("programs", nargs="*", default=list(SIZES))
    args = ap.parse_args()
    ref = real_executable(args.vs)
    if ref is None:
        sys.exit(f"{args.vs} not found")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    print(f"{'program':<20}{'pyrun Ir':>16}{args.vs + ' Ir':>16}{'ratio':>8}")
    ratios = []
    for spec in args.programs:
        name, _, size = spec.partition("=")
        size = size or str(SIZES[name])
        path = os.path.join(PROGRAMS, name + ".py")
        keep = (lambda who: os.path.join(args.keep, f"{name}.{who}.cg")) if args.keep else (lambda who: "/dev/null")
        a, out_a = instructions([os.path.abspath(args.pyrun)] + args.flags.split() + [path, size], keep("pyrun"))
        b, out_b = instructions([ref, path, size], keep("python3"))
        ratios.append(a / b)
        note = "   OUTPUT DIFFERS" if out_a != out_b else ""
        print(f"{name + ' ' + size:<20}{a:>16,}{b:>16,}{a / b:>8.2f}{note}", flush=True)
    if len(ratios) > 1:
        g = 1.0
        for r in ratios:
            g *= r
        print(f"{'geomean':<52}{g ** (1 / len(ratios)):>8.2f}")


if __name__ == "__main__":
    main()
