s = {17, 9, 1}
s &= {9}
print(s.pop(), s)
s.pop()
