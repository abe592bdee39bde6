def rle_encode(s):
    if not s:
        return []
    out = []
    cur, n = s[0], 1
    for ch in s[1:]:
        if ch == cur:
            n += 1
        else:
            out.append((cur, n))
            cur, n = ch, 1
    out.append((cur, n))
    return out

def rle_str(s):
    return "".join(str(n) + c for c, n in rle_encode(s))

def rle_decode(pairs):
    return "".join(c * n for c, n in pairs)

for s in ["aaabccdddd", "", "a", "abc", "zzzzzzzzzzzz", "aabbaa", "中中文"]:
    enc = rle_encode(s)
    print(repr(s), enc, rle_str(s), rle_decode(enc) == s)
term = "1"
for i in range(12):
    print(i, term)
    term = "".join(str(n) + c for c, n in rle_encode(term))
print(len(term))
def rle_parse(code):
    out, num = "", ""
    for ch in code:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out
print(rle_parse("12W1B12W3B24W1B"), len(rle_parse("12W1B12W3B24W1B")))
