#!/usr/bin/env python3
"""Regenerate expected outputs for the differential test corpus.

For every tests/programs/*.py (or only the names given on the command line)
run `python3 -X int_max_str_digits=0 NAME.py` with cwd = tests/programs,
PYTHONHASHSEED=0, stdin closed, and a 60 s timeout. Write:

  NAME.out   exact stdout bytes
  NAME.exit  exit code + newline            (only when exit code != 0)
  NAME.err   the whole stderr, with the programs' directory written as <dir>
             (only when exit code != 0 or stderr is not empty)

Stale NAME.exit / NAME.err files are removed when the exit code is 0.

Usage: python3 tests/regen_expected.py [--benches] [--machine M --python CMD] [NAME[.py] ...]

With --benches the programs are benches/programs/*.py, each run with the size
argument listed for it in benches/programs/test_args.txt.

With --machine M (e.g. aarch64) and --python CMD (CPython 3.11 built for M, e.g.
under qemu: tests/cpython_aarch64.sh prints such a command) only the named
programs are run, and their stdout is written to NAME.M.out when it differs from
NAME.out (the C library's math functions differ in the last bit between ISAs),
or a stale NAME.M.out is removed when it does not. The test suite uses NAME.M.out
for a pyrun built for M. A different exit code or stderr on M is reported as a
failure: per-machine .exit/.err files are not supported.
"""
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROG_DIR = os.path.join(HERE, "programs")
ARGS = {}


def load_bench_args():
    """benches/programs/test_args.txt: NAME ARG per line."""
    path = os.path.join(PROG_DIR, "test_args.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) == 2:
                ARGS[line[0]] = line[1]
TIMEOUT = 60
PYTHON = ["python3"]
MACHINE = None


def normalised_stderr(data):
    """stderr with the absolute program directory replaced by <dir> (pyrun's test run
    does the same with its own checkout's path)."""
    text = data.decode("utf-8", errors="replace")
    return text.replace(os.path.realpath(PROG_DIR) + os.sep, "<dir>" + os.sep)


def last_nonempty_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line
    return ""


def remove_if_exists(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def run_one(name):
    """name: file name like 'foo.py'. Returns (status_string, ok_bool)."""
    stem = name[:-3]
    base = os.path.join(PROG_DIR, stem)
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("PYTHONSTARTUP", None)
    try:
        proc = subprocess.run(
            PYTHON + ["-X", "int_max_str_digits=0", name] + ([ARGS[stem]] if stem in ARGS else []),
            cwd=PROG_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT * (10 if MACHINE else 1),
        )
    except subprocess.TimeoutExpired:
        return "TIMEOUT (no files written)", False

    if MACHINE:
        return write_machine_out(base, proc)
    with open(base + ".out", "wb") as f:
        f.write(proc.stdout)

    err = normalised_stderr(proc.stderr)
    if proc.returncode != 0 or err:
        with open(base + ".err", "w", encoding="utf-8", newline="\n") as f:
            f.write(err)
    else:
        remove_if_exists(base + ".err")
    if proc.returncode != 0:
        with open(base + ".exit", "w", encoding="utf-8", newline="\n") as f:
            f.write("%d\n" % proc.returncode)
        return "exit %d: %s" % (proc.returncode, last_nonempty_line(err)), True
    remove_if_exists(base + ".exit")
    return "ok (%d bytes)" % len(proc.stdout), True


def read_or(path, default):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def write_machine_out(base, proc):
    """--machine: NAME.M.out where M's stdout differs from NAME.out."""
    path = "%s.%s.out" % (base, MACHINE)
    exp_code = int(read_or(base + ".exit", b"0").strip())
    exp_err = read_or(base + ".err", b"").decode("utf-8")
    if proc.returncode != exp_code or normalised_stderr(proc.stderr) != exp_err:
        return "exit %d or stderr differs from NAME.exit/.err (not written)" % proc.returncode, False
    if proc.stdout == read_or(base + ".out", None):
        remove_if_exists(path)
        return "same as %s.out" % os.path.basename(base), True
    with open(path, "wb") as f:
        f.write(proc.stdout)
    return "differs: wrote %s" % os.path.basename(path), True


def main(argv):
    global PROG_DIR, PYTHON, MACHINE
    if argv and argv[0] == "--benches":
        argv = argv[1:]
        PROG_DIR = os.path.join(os.path.dirname(HERE), "benches", "programs")
        load_bench_args()
    while argv and argv[0] in ("--machine", "--python") and len(argv) > 1:
        if argv[0] == "--machine":
            MACHINE = argv[1]
        else:
            PYTHON = shlex.split(argv[1])
        argv = argv[2:]
    if MACHINE and (not argv or PYTHON == ["python3"]):
        print("--machine needs --python CMD and the programs to run", file=sys.stderr)
        return 2
    if argv:
        names = []
        for arg in argv:
            arg = os.path.basename(arg)
            if not arg.endswith(".py"):
                arg += ".py"
            if not os.path.isfile(os.path.join(PROG_DIR, arg)):
                print("no such program: %s" % arg, file=sys.stderr)
                return 2
            names.append(arg)
    else:
        names = sorted(n for n in os.listdir(PROG_DIR) if n.endswith(".py"))

    n_ok = n_fail = n_err_exit = 0
    for name in names:
        status, ok = run_one(name)
        print("%-40s %s" % (name, status))
        if not ok:
            n_fail += 1
        else:
            n_ok += 1
            if status.startswith("exit"):
                n_err_exit += 1
    print(
        "summary: %d programs, %d regenerated (%d with non-zero exit), %d failed"
        % (len(names), n_ok, n_err_exit, n_fail)
    )
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
