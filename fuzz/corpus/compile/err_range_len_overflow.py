# len() of a range whose length exceeds a C ssize_t
r = range(10 ** 20)
print(r, r[-1], 10 ** 19 in r)
print(len(range(10 ** 20, 10 ** 20 + 7)))
print(len(r))
