x = 10
print(eval("x * 2 + 1"), eval("  [i * i for i in range(4)]"))
g = {"a": 3}
print(eval("a + 1", g), sorted(k for k in g if k != "__builtins__"))
exec("b = a * 2\nprint('in exec', b)", g)
print(g["b"])
ns = {}
exec("""
def sq(n):
    return n * n
class K:
    v = 7
result = sq(K.v)
""", ns)
print(ns["result"], ns["sq"](5), ns["K"].__name__)
def f():
    local = 5
    return eval("local + x")
print(f())
loc = {"y": 2}
exec("z = y + 1", {}, loc)
print(loc)
code = compile("1 + 2", "<expr>", "eval")
print(eval(code), type(code).__name__)
exec(compile("print('compiled exec')", "<s>", "exec"))
print(sorted(vars(type("T", (), {"q": 1})()).items()))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", type(e).__name__)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
print(globals()["x"], "x" in locals())
exec("raise ValueError('from exec')")
