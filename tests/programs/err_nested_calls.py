def level3(v):
    print("level3 got", v)
    return 10 // v
def level2(v):
    print("level2 got", v)
    return level3(v - 1) + 1
def level1(v):
    print("level1 got", v)
    return level2(v - 1) * 2
print(level1(5))
print(level1(2))
