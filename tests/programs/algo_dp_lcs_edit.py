def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[-1][-1], "".join(reversed(out))

def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

pairs = [("ABCBDAB", "BDCABA"), ("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"),
         ("intention", "execution"), ("same", "same"), ("中文字", "文字中")]
for a, b in pairs:
    print(a, b, lcs(a, b), edit(a, b))
def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best
print(knapsack([(2, 3), (3, 4), (4, 5), (5, 6)], 5))
print(knapsack([(w, w * w % 17 + 1) for w in range(1, 15)], 30)[-1])
def coin_ways(coins, total):
    ways = [1] + [0] * total
    for c in coins:
        for t in range(c, total + 1):
            ways[t] += ways[t - c]
    return ways[total]
print(coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200), coin_ways([2], 3), coin_ways([1, 5, 10, 25, 50], 1000))
