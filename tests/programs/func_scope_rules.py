x = "global"
def read_global():
    return x
def shadow_param(x):
    return x + "!"
def local_then_global():
    y = x + "-read"
    return y
print(read_global(), shadow_param("param"), local_then_global())
def outer():
    x = "enclosing"
    def inner():
        return x
    x = "enclosing-modified"
    return inner()
print(outer())
def counter_factory():
    counts = {"n": 0}
    def hit():
        counts["n"] += 1
        return counts["n"]
    return hit
h = counter_factory()
print(h(), h(), h())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def comp_scope():
    n = 10
    return [n + i for i in range(3)]
print(comp_scope())
def default_eval_time(a=[len(x)]):
    return a
print(default_eval_time())
g = 1
def modify_via_global():
    global g
    g = g * 10
    def nested():
        return g + 1
    return nested()
print(modify_via_global(), g)
def param_mutation(lst):
    lst.append("added")
    lst = ["rebound"]
    return lst
orig = ["orig"]
print(param_mutation(orig), orig)
