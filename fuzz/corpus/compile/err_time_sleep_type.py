import time
print(time.sleep(0.0))
time.sleep("1")
