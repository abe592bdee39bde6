#!/usr/bin/env python3
"""Random differential programs: pyrun against CPython 3.11.

Each program is generated from a seed (deterministic: the same seed gives the same
program), run by `python3` and by `pyrun` (once per flag set, e.g. `-X specialize=off`),
and their stdout, exit code and last stderr line are compared. A mismatch, a pyrun crash
(panic, abort, signal) or a pyrun time-out is minimised (top-level blocks removed while
the difference persists) and written to --out.

Programs mix ints, floats, strs, bools and None with boundary values (+-2**47, 2**48,
2**63, 2**64, inf, nan, -0.0), arithmetic, comparisons, slices, formatting, exceptions,
loops whose operand types change mid-loop (exercising tier-1 specialization and its
deopts), calls with defaults and keywords, classes with attributes and dunders.

Usage:
  tests/fuzz/progen.py --count 100000 --jobs 2 [--seed 1] [--flags ''] [--flags '-X specialize=off']
                       [--pyrun target/release/pyrun] [--out fuzz-mismatches] [--batch 50]
                       [--print SEED]
Exit status 1 if any mismatch or crash was found.
"""
import argparse
import concurrent.futures
import os
import random
import subprocess
import sys

INTS = ["0", "1", "-1", "7", "-13", "255", "2**47 - 1", "2**47", "-2**47", "-2**47 - 1",
        "2**48", "2**63 - 1", "2**63", "-2**63", "2**64", "10**20", "True", "False"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.5", "0.1", "1e300", "5e-324", "float('inf')",
          "float('-inf')", "float('nan')", "2.0**53", "-1e-7"]
STRS = ["''", "'a'", "'abc'", "'héllo'", "'Hello World'", "'12'", "' x '", "'a,b,,c'"]
OTHERS = ["None", "[1, 2, 3]", "(1, 'a')", "[]", "{'k': 1}", "b'xy'"]
BINOPS = ["+", "-", "*", "/", "//", "%", "&", "|", "^"]
CMPS = ["==", "!=", "<", "<=", ">", ">="]
SPECS = ["", ">8", "<6", "^7", "+", ".3f", ".2e", "g", "x", "b", ",", "08.2f", "d", "%", "r"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.depth = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def literal(self):
        return self.pick(self.pick([INTS, INTS, FLOATS, FLOATS, STRS, OTHERS]))

    def leaf(self, names):
        if names and self.r.random() < 0.5:
            return self.pick(names)
        return f"({self.literal()})"

    def subscriptable(self, names):
        """Something to index: names, or literals CPython does not warn about."""
        if names and self.r.random() < 0.5:
            return self.pick(names)
        return "(" + self.pick(STRS + ["[1, 2, 3]", "(1, 2.5)", "b'xyz'"]) + ")"

    def expr(self, names, depth=0):
        if depth > 2 or self.r.random() < 0.3:
            return self.leaf(names)
        e = lambda: self.expr(names, depth + 1)
        k = self.r.randrange(22)
        if k < 6:
            return f"({e()} {self.pick(BINOPS)} {e()})"
        if k < 8:
            return f"({e()} {self.pick(CMPS)} {e()})"
        if k == 8:
            return f"({e()} ** {self.r.randint(-3, 5)})"
        if k == 9:
            return f"({e()} {self.pick(['<<', '>>'])} {self.r.randint(0, 70)})"
        if k == 10:
            return f"({self.pick(['-', '+', '~', 'not '])}{e()})"
        if k == 11:
            f = self.pick(["abs", "int", "float", "str", "repr", "len", "bool", "round",
                           "hash", "type"])
            if f == "hash":
                # hash(nan) is identity-based in 3.11: documented nondeterminism.
                return f"hash({self.pick(INTS + [x for x in FLOATS if 'nan' not in x])})"
            if f == "type":
                return f"type({e()}).__name__"
            return f"{f}({e()})"
        if k == 12:
            f = self.pick(['min', 'max', 'divmod', 'round', 'pow'])
            if f in ('round', 'pow'):
                return f"{f}({e()}, {self.r.randint(-3, 5)})"
            return f"{f}({e()}, {e()})"
        if k == 13:
            parts = [self.pick(["", "-1", "1", "2", "-3", "None", "10**20"]) for _ in range(3)]
            step = self.pick(['', '1', '-1', '2', '0'])
            return f"{self.subscriptable(names)}[{parts[0]}:{parts[1]}:{step}]"
        if k == 14:
            target = self.subscriptable(names)
            # A literal indexed by a non-int constant is a SyntaxWarning in CPython.
            pool = ['0', '-1', '1', '2**63', 'True'] + (['1.0', 'x'] if target in names else [])
            return f"{target}[{self.pick(pool)}]"
        if k == 15:
            return f"format({e()}, {self.pick(SPECS)!r})"
        if k == 16 and depth == 0:
            # 3.11 f-strings cannot nest one with the same quotes: fields use no f-string.
            inner = lambda: self.expr(names, 3)
            return f"f\"{{{inner()}!r:>{self.r.randint(0, 9)}}}|{{{inner()}}}\""
        if k == 17:
            return f"('%{self.pick(['d', 's', 'r', 'x', '.2f', '5d', 'e'])}' % ({e()},))"
        if k == 18:
            return f"({e()} if {e()} else {e()})"
        if k == 19:
            return f"({e()} {self.pick(['and', 'or'])} {e()})"
        if k == 20:
            m = self.pick(["upper()", "split(',')", "find('b')", "replace('a', 'zz')",
                           "strip()", "count('l')", "startswith('H')", "isdigit()",
                           "zfill(5)", "center(9, '*')", "encode()"])
            return f"{self.pick(STRS)}.{m}"
        return f"[{e()}, {e()}][{self.pick(['0', '1', '-1', '5'])}]"

    def program(self):
        blocks = []
        names = ["x", "y"]
        blocks.append(f"x = {self.literal()}\ny = {self.literal()}")
        # A function with defaults and keyword-only parameters, called every way.
        blocks.append(
            "def f(a, b=2, *args, c=3, **kw):\n"
            f"    return ({self.expr(['a', 'b', 'c'])}, len(args), sorted(kw))"
        )
        calls = ["f(x)", "f(x, y)", "f(x, c=y)", "f(b=x, a=y)", "f(1, 2, 3, 4, c=5, z=6)",
                 "f()", "f(x, a=1)", "f(*[x, y], **{'c': 1})", "f(x, d=[])"]
        for c in self.r.sample(calls, 3):
            blocks.append(self.guarded(f"print({c!r}, {c})"))
        # A class with attributes, a method, a property and dunders.
        blocks.append(
            "class C:\n"
            "    k = 10\n"
            "    def __init__(self, v):\n"
            "        self.v = v\n"
            "    def m(self, w=1):\n"
            f"        return {self.expr(['self.v', 'w', 'self.k'])}\n"
            "    @property\n"
            "    def p(self):\n"
            "        return self.v\n"
            "    def __eq__(self, o):\n"
            "        return isinstance(o, C) and self.v == o.v\n"
            "    def __lt__(self, o):\n"
            "        return self.v < o.v\n"
            "    __hash__ = None\n"
            "    def __repr__(self):\n"
            "        return f'C({self.v!r})'"
        )
        for _ in range(self.r.randint(3, 8)):
            blocks.append(self.statement(names))
        # Loops whose operand types change mid-loop (specialization, then deopt).
        for _ in range(self.r.randint(1, 3)):
            vals = ", ".join(self.literal() for _ in range(self.r.randint(2, 4)))
            body = self.expr(["v", "i", "acc"])
            blocks.append(
                f"vals = [{vals}]\n"
                "acc = 0\n"
                f"for i in range({self.r.randint(10, 40)}):\n"
                f"    v = vals[(i // {self.r.randint(3, 9)}) % len(vals)]\n"
                "    try:\n"
                f"        acc = {body}\n"
                "        print(i, repr(acc)[:200])\n"
                "    except Exception as e:\n"
                "        print(i, type(e).__name__)\n"
                "        acc = i"
            )
        blocks.append(
            "objs = [C(1), C(2.5), C('s'), C(2**63)]\n"
            "for i in range(12):\n"
            "    o = objs[i % len(objs)]\n"
            "    try:\n"
            f"        print(i, o.m(), o.m(w={self.literal()}), o.p, o.k, o == C(o.v), repr(o)[:80])\n"
            "    except Exception as e:\n"
            "        print(i, type(e).__name__)\n"
            "    if i == 6:\n"
            f"        C.k = {self.literal()}\n"
            f"        objs[0].v = {self.literal()}"
        )
        blocks.append(self.guarded("print(sorted(objs)[:2])"))
        return blocks

    def guarded(self, stmt):
        return (
            "try:\n"
            f"    {stmt}\n"
            "except Exception as e:\n"
            "    print(type(e).__name__)"
        )

    def statement(self, names):
        e = self.expr(names)
        k = self.r.randrange(5)
        if k == 0:
            return self.guarded(f"print(repr({e})[:300])")
        if k == 1:
            return self.guarded(f"x = {e}; print(repr(x)[:300])")
        if k == 2:
            return self.guarded(f"print({e!r}, repr({e})[:300], sep=' = ')")
        if k == 3:
            return self.guarded(f"print(str({e})[:300])")
        return self.guarded(f"y = {e}; print(repr(y)[:300])")


def source(blocks):
    return "\n".join(blocks) + "\n"


def run(cmd, src, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        p = subprocess.run(cmd + ["-c", src], capture_output=True, timeout=timeout, env=env,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return ("timeout", b"", "")
    err = p.stderr.decode("utf-8", "replace")
    last = next((l for l in reversed(err.splitlines()) if l.strip()), "")
    crash = p.returncode < 0 or "panicked" in err or "fatal runtime error" in err
    return ("crash" if crash else p.returncode, p.stdout, last)


def differs(py, pr):
    if pr[0] in ("crash", "timeout"):
        return True
    return py != pr


def minimise(blocks, pyrun_cmd, timeout):
    """Greedily drops blocks while python3 and pyrun still disagree."""
    i = 0
    while i < len(blocks):
        trial = blocks[:i] + blocks[i + 1:]
        src = source(trial)
        py = run(["python3"], src, timeout)
        if py[0] != "timeout" and differs(py, run(pyrun_cmd, src, timeout)):
            blocks = trial
        else:
            i += 1
    return blocks


def check(seed, pyrun, flag_sets, timeout, out_dir):
    blocks = Gen(seed).program()
    src = source(blocks)
    py = run(["python3"], src, timeout)
    if py[0] == "timeout":
        return ("skipped", seed, None)
    for flags in flag_sets:
        cmd = [pyrun] + flags.split()
        pr = run(cmd, src, timeout)
        if differs(py, pr):
            small = minimise(blocks, cmd, timeout)
            kind = pr[0] if pr[0] in ("crash", "timeout") else "mismatch"
            if out_dir:
                os.makedirs(out_dir, exist_ok=True)
                path = os.path.join(out_dir, f"{kind}-{seed}.py")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(f"# seed {seed}, pyrun flags {flags!r}\n" + source(small))
            return (kind, seed, flags)
    return ("ok", seed, None)


def check_batch(seeds, pyrun, flag_sets, timeout, out_dir):
    """Runs many programs in one process each (exec in fresh namespaces); a batch that
    differs is re-checked program by program (which also minimises)."""
    parts = []
    for seed in seeds:
        src = source(Gen(seed).program())
        parts.append(f"print('=== {seed}')\nexec({src!r}, {{'__name__': '__main__'}})\n")
    src = "".join(parts)
    py = run(["python3"], src, timeout * 4)
    if py[0] == 0 and all(run([pyrun] + f.split(), src, timeout * 4) == py for f in flag_sets):
        return [("ok", s, None) for s in seeds]
    return [check(s, pyrun, flag_sets, timeout, out_dir) for s in seeds]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1, help="first program's seed")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--flags", action="append", help="pyrun flags (repeatable)")
    ap.add_argument("--pyrun", default=None)
    ap.add_argument("--out", default="fuzz-mismatches")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--print", type=int, metavar="SEED", help="print one program and exit")
    ap.add_argument("--batch", type=int, default=1,
                    help="programs per process (exec'd in fresh namespaces), for long runs")
    a = ap.parse_args()
    if a.print is not None:
        sys.stdout.write(source(Gen(a.print).program()))
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    pyrun = a.pyrun or os.environ.get("PYRUN_BIN") or os.path.join(
        here, "..", "..", "target", "release", "pyrun")
    flag_sets = a.flags or [""]
    counts = {}
    bad = []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        seeds = list(range(a.seed, a.seed + a.count))
        if a.batch > 1:
            futs = [ex.submit(check_batch, seeds[i:i + a.batch], pyrun, flag_sets, a.timeout,
                              a.out) for i in range(0, len(seeds), a.batch)]
        else:
            futs = [ex.submit(lambda s: [check(s, pyrun, flag_sets, a.timeout, a.out)], s)
                    for s in seeds]
        done = 0
        for f in concurrent.futures.as_completed(futs):
            for kind, seed, flags in f.result():
                done += 1
                counts[kind] = counts.get(kind, 0) + 1
                if kind not in ("ok", "skipped"):
                    bad.append((seed, kind, flags))
                    print(f"{kind}: seed {seed} (flags {flags!r})", file=sys.stderr, flush=True)
                if done % 1000 == 0:
                    print(f"progress: {done} programs, {counts}", file=sys.stderr, flush=True)
    for seed, kind, flags in sorted(bad):
        print(f"{kind}: seed {seed} (flags {flags!r}) -> {a.out}/{kind}-{seed}.py")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    print(f"{a.count} programs x {len(flag_sets)} flag sets: {summary}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
