def f():
    r = 0
    for i in range(20):
        x = 2**20
        r = x << 47
    return r
print(f(), (2**20) << 47)
