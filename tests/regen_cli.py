#!/usr/bin/env python3
"""Record CPython's behaviour for the command-line cases in tests/cli/cases.txt.

For each case write tests/cli/expected/NAME.out (stdout), NAME.err (stderr) and NAME.exit
(exit status; -N when killed by signal N). The interpreter's path is written <python> and
the project directory <dir>, as tests/tests/cli.rs normalises pyrun's output.

Usage: python3 tests/regen_cli.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.path.join(HERE, "cli")


def parse_cases():
    for line in open(os.path.join(CLI, "cases.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, cwd, env, stdin, args = [c.strip() for c in line.split("|")]
        yield name, cwd, env, stdin, [a.replace("%20", " ") for a in args.split()]


def main():
    proj = os.path.realpath(os.path.join(CLI, "proj"))
    for name, cwd, env, stdin, args in parse_cases():
        e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        e["PYTHONHASHSEED"] = "0"
        if env != "-":
            k, v = env.split("=", 1)
            e[k] = v
        data = open(os.path.join(proj, stdin), "rb").read() if stdin != "-" else b""
        p = subprocess.run([sys.executable] + args, cwd=os.path.join(proj, cwd), env=e,
                           input=data, capture_output=True, timeout=60)
        def norm(b):
            t = b.decode("utf-8", "replace")
            return t.replace(sys.executable, "<python>").replace(proj + os.sep, "<dir>" + os.sep)
        base = os.path.join(CLI, "expected", name)
        for ext, text in ((".out", norm(p.stdout)), (".err", norm(p.stderr)), (".exit", "%d\n" % p.returncode)):
            with open(base + ext, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        print("%-20s exit %d" % (name, p.returncode))


if __name__ == "__main__":
    main()
