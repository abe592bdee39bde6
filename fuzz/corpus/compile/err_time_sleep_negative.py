import time
time.sleep(0.001)
print("slept")
time.sleep(-1)
