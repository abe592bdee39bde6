"""Wordcount: generate a deterministic text (fixed vocabulary + LCG), tokenize it both with a
hand-written character loop and with str.split/strip/lower, count words in dicts and
report the most frequent ones. Measures string building, str methods and dict updates."""
import sys

WORDS = [
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "Python",
    "runtime", "Rust", "interpreter", "bytecode", "compiler", "JIT", "garbage",
    "collector", "object", "frame", "stack", "heap", "integer", "float", "string",
    "list", "dict", "tuple", "set", "generator", "exception", "class", "method",
    "attribute", "module", "import", "loop", "branch", "call", "return", "yield",
    "benchmark", "fast", "slow", "memory", "cache", "hash", "table", "pointer",
    "a", "an", "of", "to", "in", "is", "and", "it", "that", "for", "on", "with",
]
PUNCT = [" ", " ", " ", " ", " ", " ", ", ", ". ", "; ", "! ", "? ", " - ", "\n", " (", ") "]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % bound


def generate_text(n_words, seed):
    rng = Lcg(seed)
    parts = []
    for _ in range(n_words):
        w = WORDS[rng.next(len(WORDS))]
        style = rng.next(10)
        if style == 0:
            w = w.upper()
        elif style == 1:
            w = w.capitalize()
        parts.append(w)
        parts.append(PUNCT[rng.next(len(PUNCT))])
    return "".join(parts)


def tokenize_chars(text):
    """Hand-written tokenizer: maximal runs of letters, lower-cased."""
    counts = {}
    current = []
    for ch in text:
        if ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
            current.append(ch)
        elif current:
            word = "".join(current).lower()
            counts[word] = counts.get(word, 0) + 1
            current = []
    if current:
        word = "".join(current).lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def tokenize_split(text):
    """Tokenizer built on str methods: split on whitespace, strip punctuation."""
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(",.;!?()-").lower()
            if word:
                if word in counts:
                    counts[word] += 1
                else:
                    counts[word] = 1
    return counts


def top(counts, k):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:k]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    text = generate_text(n, 2024)
    c1 = tokenize_chars(text)
    c2 = tokenize_split(text)
    total = sum(c1.values())
    same = c1 == c2
    lines = text.count("\n") + 1
    print("chars=%d lines=%d words=%d distinct=%d agree=%s" % (len(text), lines, total, len(c1), same))
    print(" ".join(f"{w}:{c}" for w, c in top(c1, 10)))
    longest = max(c1, key=lambda w: (len(w), w))
    print(f"longest={longest} upper_words={sum(1 for t in text.split() if t.isupper())}")


if __name__ == "__main__":
    main()
