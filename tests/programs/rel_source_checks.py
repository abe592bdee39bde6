# CPython 3.11's tokenizer-level rules, checked through compile(): tabs/spaces, bracket and
# indentation limits, 3.11 f-strings, duplicate parameters, compile-time nesting limits,
# universal newlines.
cases = {
    "tabs": "if 1:\n\tx = 1\n        y = 2\n",
    "tabs ok": "if 1:\n\tx = 1\n\ty = 2\n",
    "parens 200": "x = " + "(" * 200 + ")" * 200,
    "parens 201": "x = " + "(" * 201 + ")" * 201,
    "brackets 201": "x = " + "[" * 201 + "]" * 201,
    "parens in string": "x = '" + "(" * 300 + "'",
    "indent 99": "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "pass\n",
    "indent 100": "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass\n",
    "fstring nested same quote": 'x = 1\ny = f"{f"{x}"}"\n',
    "fstring nested other quote": "x = 1\ny = f\"{f'{x}'}\"\n",
    "fstring backslash": 'y = f"{chr(10)!r:>{3}} {\'\\n\'}"\n',
    "fstring hash": 'y = f"{1 # no}"\n',
    "fstring single brace": 'y = f"a}b"\n',
    "fstring doubled": 'y = f"{{a}} {1:{2}}"\n',
    "dup arg": "def f(a, b, a): pass\n",
    "dup kwonly": "def f(a, *, a=1): pass\n",
    "dup lambda": "g = lambda x, x: x\n",
    "deep unary": "x = " + "-" * 3500 + "1",
    "deep not": "x = " + "not " * 6000 + "1",
    "deep lambda": "x = " + "lambda: " * 3000 + "1",
    "long sum": "x = 1" + " + 1" * 5000,
    "error before tab error": "x = = 1\nif 1:\n\tx = 1\n        y = 2\n",
}
for name, src in cases.items():
    try:
        compile(src, "<case>", "exec")
        print(name, "compiles")
    except (SyntaxError, MemoryError, RecursionError) as e:
        print(name, type(e).__name__, e.msg if isinstance(e, SyntaxError) else str(e))
ns = {}
exec('s = """a\r\nb\rc"""\r\nt = 1\r\n', ns)
print(repr(ns["s"]), ns["t"])
print(repr(eval('"""x\r\ny"""')))
