class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y * 2
class Q:
    def __init__(self, v):
        self.v = v
        return 5 if v > 90 else None
def f(n):
    t = 0
    for i in range(n):
        p = P(i, 1)
        t += p.x + p.y
    return t
print(f(1000))
def g(n):
    out = []
    for i in range(n):
        try:
            out.append(Q(i).v)
        except TypeError as e:
            out.append(str(e))
    return out[-3:]
print(g(100))
