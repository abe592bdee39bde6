s = "héllo, wörld! 中文"
for i, ch in enumerate(s):
    if not ch.isalpha():
        print(i, repr(ch))
print(list(s[:5]), len(s), [c for c in s if ord(c) > 127])
vowels = 0
for ch in s.lower():
    if ch in "aeiouéö":
        vowels += 1
print(vowels)
freq = {}
for ch in "abracadabra":
    freq[ch] = freq.get(ch, 0) + 1
print(freq, sorted(freq.items(), key=lambda kv: -kv[1]))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello world xyz")
print(caesar)
back = "".join(chr((ord(c) - 97 - 3) % 26 + 97) if c.isalpha() else c for c in caesar)
print(back)
print([s[i:i + 3] for i in range(0, len(s), 3)])
it = iter("abc")
print(next(it), next(it), next(it), next(it, "END"))
print(list(reversed("abc")), list(zip("abc", "xyz")), list(enumerate("ab")))
print(max("hello world"), min("hello world".replace(" ", "")), sorted("cba"))
count = 0
for a in "abc":
    for b in "abc":
        if a != b:
            count += 1
print(count)
