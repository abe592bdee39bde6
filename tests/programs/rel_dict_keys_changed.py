# Changing a dict's keys at the same size while iterating is detected, as in CPython.
d = {1: 1, 2: 2}
try:
    for k in d:
        print(k)
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print(e)
print(d)
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d.values():
        d.pop(1, None); d[7] = 7
except RuntimeError as e:
    print(e)
d = {1: 1}
try:
    for k in d:
        d[2] = 2
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d[k] = v + 1
except RuntimeError as e:
    print(e)
print(d)
