import sys
values = [3, 1, 2]
values.sort()
print(values, sys.maxsize > 0)
for i in range(5):
    print("line", i)
    if i == 2:
        print("exiting cleanly")
        sys.exit(0)
print("unreachable")
print("still unreachable")
sys.exit(5)
