def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run

def double(x):
    return x * 2

def inc(x):
    return x + 1

print(apply_n(double, 10, 1), apply_n(inc, 5, 0), apply_n(lambda s: s + "!", 3, "hi"))
print(compose(double, inc)(5), compose(inc, double)(5), compose()(7))
def my_map(f, xs):
    return [f(x) for x in xs]
def my_filter(p, xs):
    return [x for x in xs if p(x)]
def my_reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
print(my_map(double, range(5)), my_filter(lambda v: v > 2, range(6)))
print(my_reduce(lambda a, b: a * b, range(1, 11), 1), my_reduce(lambda a, b: b + a, "abc", ""))
funcs = {"double": double, "inc": inc, "square": lambda v: v * v}
for name in sorted(funcs):
    print(name, funcs[name](7), [funcs[name](i) for i in range(4)])
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
slow_fib = memoize(slow_fib)
print(slow_fib(80))
print(sorted(range(-5, 6), key=compose(abs, inc)))
