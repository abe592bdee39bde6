OFFSET = 100


def helper(n):
    return n * 10
