accounts = {}
log = []

def open_account(name, initial=0):
    accounts[name] = initial
    log.append(("open", name, initial))

def transfer(src, dst, amount):
    if accounts.get(src, 0) < amount:
        log.append(("fail", src, dst, amount))
        return False
    accounts[src] -= amount
    accounts[dst] = accounts.get(dst, 0) + amount
    log.append(("ok", src, dst, amount))
    return True

for name, amt in [("ann", 100), ("bob", 50), ("cy", 0)]:
    open_account(name, amt)
ops = [("ann", "bob", 30), ("bob", "cy", 100), ("bob", "cy", 80), ("cy", "ann", 5), ("dan", "ann", 1)]
for s, d, a in ops:
    print(s, "->", d, a, transfer(s, d, a), accounts)
print(len(log), sum(1 for e in log if e[0] == "fail"))
for entry in log:
    print(*entry)
total = sum(accounts.values())
print("total", total, "richest", max(accounts, key=lambda k: accounts[k]))
interest = {k: round(v * 1.05, 2) for k, v in accounts.items()}
print(interest)
history = [e[3] for e in log if e[0] == "ok"]
print(history, sum(history), sorted(history, reverse=True))
