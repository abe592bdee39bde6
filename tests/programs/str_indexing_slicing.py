s = "Hello, World!"
print(s[0], s[-1], s[7], s[-6])
print(s[0:5], s[7:], s[:5], s[:], s[-6:-1])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1::-3])
print(s[10:2:-1], s[2:10:3], s[100:], s[-100:3], s[5:2])
print(repr(s[3:3]), repr(s[20:30]), len(s[::-1]))
u = "héllo 中文 wörld"
print(len(u), u[1], u[6], u[7], u[-1], u[::-1])
print(u[6:8], u[::3], u[-5:])
for i in range(len("abc")):
    print(i, "abc"[i], "abc"[-i - 1])
t = "0123456789"
print(t[1:9:2], t[9:1:-2], t[-3:-8:-1], t[::4], t[::-4])
print(t[2:-2], t[-2:2], t[-2:2:-1])
print(t[0:10:100], t[::-100], t[5::-1], t[:5:-1])
print("".join([t[i] for i in range(0, 10, 3)]))
print("abc"[1:2] * 3, "x" + t[3:6] + "y")
emoji = "a\u00e9\u4e2d\U0001F600z"
print(len(emoji), emoji[3] == "\U0001F600", emoji[4], ord(emoji[3]))
