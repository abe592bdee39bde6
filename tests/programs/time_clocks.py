import time
t0 = time.time()
n0 = time.time_ns()
p0 = time.perf_counter()
pn0 = time.perf_counter_ns()
m0 = time.monotonic()
mn0 = time.monotonic_ns()
c0 = time.process_time()
cn0 = time.process_time_ns()
print(type(t0).__name__, type(n0).__name__, type(p0).__name__, type(pn0).__name__)
print(type(m0).__name__, type(mn0).__name__, type(c0).__name__, type(cn0).__name__)
print(t0 > 1.6e9, n0 > 1.6e18, abs(n0 / 1e9 - t0) < 60, p0 >= 0, m0 >= 0, c0 >= 0)
total = 0
for i in range(200000):
    total += i * i
print(total)
time.sleep(0.02)
time.sleep(0)
time.sleep(False)
t1, p1, m1, c1 = time.time(), time.perf_counter(), time.monotonic(), time.process_time()
print(t1 >= t0, p1 - p0 >= 0.02, m1 - m0 >= 0.02, c1 >= c0, time.perf_counter_ns() >= pn0, time.monotonic_ns() >= mn0)
print(time.process_time_ns() >= cn0, time.time_ns() >= n0, time.sleep(0.001) is None)
last = time.monotonic()
ok = True
for i in range(1000):
    now = time.monotonic()
    ok = ok and now >= last
    last = now
print("monotonic", ok)
last = time.perf_counter_ns()
for i in range(1000):
    now = time.perf_counter_ns()
    ok = ok and now >= last
    last = now
print("perf_counter_ns", ok)
