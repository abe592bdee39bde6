def tokenize(expr):
    tokens, num = [], ""
    for ch in expr:
        if ch.isdigit():
            num += ch
        else:
            if num:
                tokens.append(int(num))
                num = ""
            if ch in "+-*/()":
                tokens.append(ch)
    if num:
        tokens.append(int(num))
    return tokens

PREC = {"+": 1, "-": 1, "*": 2, "/": 2}

def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if isinstance(t, int):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out

def eval_rpn(rpn):
    st = []
    for t in rpn:
        if isinstance(t, int):
            st.append(t)
            continue
        b, a = st.pop(), st.pop()
        st.append(a + b if t == "+" else a - b if t == "-" else a * b if t == "*" else a // b)
    return st[0]

for e in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 3", "2 * (3 + 4) * (5 - 1)", "42",
          "((15 / (7 - (1 + 1))) * 3) - (2 + (1 + 1))", "99999999999 * 99999999999"]:
    rpn = to_rpn(tokenize(e))
    print(e, "=>", rpn, "=", eval_rpn(rpn))
