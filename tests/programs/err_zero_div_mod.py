# warm-up output before the failure
log = []
for i in range(4):
    log.append(i * i + 35)
    print("prelude", i, log)
print("prelude sum", sum(log), len(log))
nums = [17, 23, 42]
for n in nums:
    print(n, n % 5, divmod(n, 5))
m = len([])
print("modulus", m)
print(nums[0] % m)
