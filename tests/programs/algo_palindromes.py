def rev(s):
    out = ""
    for ch in s:
        out = ch + out
    return out

def is_pal(s):
    clean = "".join(c.lower() for c in s if c.isalnum())
    return clean == clean[::-1]

words = ["racecar", "level", "hello", "A man, a plan, a canal: Panama", "No lemon, no melon", "abca", "", "x"]
for w in words:
    print(repr(w), rev(w) == w[::-1], is_pal(w))
def longest_pal(s):
    best = ""
    for center in range(2 * len(s) - 1):
        l = center // 2
        r = l + center % 2
        while l >= 0 and r < len(s) and s[l] == s[r]:
            l -= 1
            r += 1
        if r - l - 1 > len(best):
            best = s[l + 1:r]
    return best
print(longest_pal("babad"), longest_pal("forgeeksskeegfor"), longest_pal("abacdfgdcaba"))
pal_nums = [n for n in range(100, 1000) if str(n) == str(n)[::-1]]
print(len(pal_nums), pal_nums[:10])
best = 0
for a in range(900, 1000):
    for b in range(a, 1000):
        p = a * b
        if p > best and str(p) == str(p)[::-1]:
            best = p
print(best)
print(rev("héllo 中文"), "中文文中"[::-1] == "中文文中")
print(" ".join(w[::-1] for w in "reverse each word here".split()))
print(" ".join(reversed("reverse word order here".split())))
