//! Snapshots of `--dump=bytecode` listings for small programs covering each compiler path.
//! Review changes with `cargo insta review`.

fn listing(src: &str) -> String {
    let code = vm::compile::compile_module(src, "snap.py").expect("compiles");
    let mut out = String::new();
    code.disassemble(&mut out);
    out
}

#[test]
fn loop_and_arithmetic() {
    insta::assert_snapshot!(listing(
        "total = 0\nfor i in range(10):\n    if i % 2:\n        total += i * i\nprint(total)\n"
    ));
}

#[test]
fn closure_and_defaults() {
    insta::assert_snapshot!(listing(
        "def make(step=2):\n    n = 0\n    def inc():\n        nonlocal n\n        n += step\n        return n\n    return inc\nprint(make()())\n"
    ));
}

#[test]
fn comprehension_generator_and_calls() {
    insta::assert_snapshot!(listing(
        "xs = [x * x for x in range(5) if x]\nprint(sum(x for x in xs), sorted(xs, reverse=True), *xs, sep=',')\na, *b = xs\n"
    ));
}

#[test]
fn chained_compare_and_boolops() {
    insta::assert_snapshot!(listing(
        "def f(a, b, c):\n    return a < b <= c and not (a == c or b is None)\n"
    ));
}

#[test]
fn try_except_finally_and_with() {
    insta::assert_snapshot!(listing(
        "def f(m):\n    try:\n        with m as x:\n            return x.go()\n    except (KeyError, IndexError) as e:\n        return e\n    finally:\n        m.close()\n"
    ));
}

#[test]
fn class_with_super() {
    insta::assert_snapshot!(listing(
        "class B(A, metaclass=M):\n    \"doc\"\n    n = 1\n    def f(self, y):\n        return super().f(y) + self.n\n"
    ));
}

/// The listing after running `src`: instructions tier 1 rewrote show their specialized form.
fn quickened(src: &str) -> String {
    let code = vm::compile::compile_module(src, "snap.py").expect("compiles");
    let mut machine = vm::Vm::new(vec!["snap.py".into()]);
    machine.run_main(code.clone()).expect("runs");
    let mut out = String::new();
    code.disassemble(&mut out);
    out
}

#[test]
fn quickened_loop_attributes_and_calls() {
    insta::assert_snapshot!(quickened(
        "class P:\n    def __init__(self, x):\n        self.x = x\n    def get(self):\n        return self.x\ndef add(a, b):\n    return a + b\ntotal = 0.0\nfor i in range(100):\n    p = P(i)\n    total = total + p.get() * 0.5\n    total = add(total, len([i]))\n"
    ));
}

/// Rotated `while` (test repeated at the bottom), COMPARE_OP fused with its jump, the
/// `is None` jumps, and superinstructions.
#[test]
fn quickened_while_rotation_and_fused_compare() {
    insta::assert_snapshot!(quickened(
        "class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\ndef walk(n):\n    count = 0\n    while n is not None:\n        count += 1\n        n = n.nxt\n    return count\ndef loop(k):\n    i = 0\n    s = 0\n    while i < k:\n        s += i\n        i += 1\n    return s\nhead = None\nfor _ in range(50):\n    head = Node(head)\nprint(walk(head), loop(100))\n"
    ));
}

/// A `for` loop over a generator resumes it inline (FOR_ITER_GEN); augmented subscript
/// stores use the COPY2__COPY2 / SWAP3__SWAP2 superinstructions.
#[test]
fn quickened_generator_loop_and_augmented_subscript() {
    insta::assert_snapshot!(quickened(
        "def gen(n):\n    for i in range(n):\n        yield i * 2\ndef fill(a):\n    for v in gen(len(a)):\n        a[v % 4] += v\n    return a\nfor _ in range(20):\n    r = fill([0, 0, 0, 0, 0, 0, 0, 0])\nprint(r)\n"
    ));
}
