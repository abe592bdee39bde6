import time
time.sleep(float("nan"))
