class D(dict):
    def __init__(self, f, *a):
        super().__init__(*a)
        self.factory = f
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
d = D(list)
d["a"].append(1)
print(d, d.factory, d.__dict__)
class L(list):
    pass
l = L([1, 2])
l.tag = "x"
print(l, l.tag, vars(l))
del l.tag
print(hasattr(l, "tag"))
