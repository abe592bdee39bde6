# A function with tens of thousands of locals compiles in linear time (was quadratic).
n = 40000
src = ["def f():"]
src += ["    v%d = %d" % (i, i) for i in range(n)]
src.append("    return v0 + v%d + len(locals())" % (n - 1))
ns = {}
exec("\n".join(src), ns)
print(ns["f"]())
