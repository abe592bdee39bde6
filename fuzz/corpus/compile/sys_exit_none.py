import sys
def work():
    total = 0
    for i in range(10):
        total += i
        print("total", total)
        if total > 20:
            sys.exit()
work()
print("unreachable")
