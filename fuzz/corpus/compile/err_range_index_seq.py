r = range(10)
print(r.index(4.0), r.count(2.0), 3.0 in r, r.count(True), r.index(False))
print(r.index(11.0))
