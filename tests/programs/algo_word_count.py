text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog jumps over a lazy fox"""
counts = {}
for line in text.splitlines():
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
for w in sorted(counts):
    print(w, counts[w])
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items())[:10])
print(len(counts), sum(counts.values()), max(counts.values()))
line_lens = [len(l.split()) for l in text.splitlines()]
print(line_lens)
first_seen = {}
for i, w in enumerate(text.split()):
    if w not in first_seen:
        first_seen[w] = i
print(first_seen)
