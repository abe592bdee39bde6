//! Snapshots of tier-2 traces: for each kernel, every trace as recorded (`--dump=uops`)
//! and after each optimizer pass (`--dump=opt`), so a change to the recorder or a pass
//! shows up as a reviewed diff (`cargo insta review`). Listings hold no addresses: types
//! print by name, constants by value, and shapes, epochs and dict versions not at all.

use std::cell::RefCell;
use std::rc::Rc;

/// Runs `src` with tier 2 on (threshold 50: tier 1 has quickened the loop by then) and
/// returns the dumps.
fn traces(src: &str) -> String {
    let code = vm::compile::compile_module(src, "kernel.py").expect("compiles");
    let mut machine = vm::Vm::new(vec!["kernel.py".into()]);
    machine.options.hot_threshold = 50;
    let buf = Rc::new(RefCell::new(String::new()));
    machine.tier2 = Some(Box::new(optimizer::Jit::new(optimizer::Options {
        dump_uops: true,
        dump_opt: true,
        dump_to: Some(buf.clone()),
        validate: true,
        ..Default::default()
    })));
    machine.run_main(code).expect("runs");
    let out = buf.borrow().clone();
    out
}

/// The seed kernel: an int loop, and calls to it inlined into the outer loop.
#[test]
fn long_calcul() {
    insta::assert_snapshot!(traces(
        "def short_calcul(n):\n    result = 0\n    for i in range(1, n + 1):\n        result += i\n    return result\n\ndef long_calcul(num):\n    result = 0\n    for i in range(num):\n        result += short_calcul(i + 1) - short_calcul(i)\n    return result\n\nprint(long_calcul(120))\n"
    ));
}

/// nbody's inner loop: tuple unpacking, list indexing, float arithmetic and stores.
#[test]
fn nbody_inner_loop() {
    insta::assert_snapshot!(traces(
        "def advance(pairs, dt, n):\n    for _ in range(n):\n        for ((p1, v1, m1), (p2, v2, m2)) in pairs:\n            dx = p1[0] - p2[0]\n            dy = p1[1] - p2[1]\n            d2 = dx * dx + dy * dy\n            mag = dt / (d2 * (d2 ** 0.5))\n            b1 = m1 * mag\n            b2 = m2 * mag\n            v1[0] -= dx * b2\n            v1[1] -= dy * b2\n            v2[0] += dx * b1\n            v2[1] += dy * b1\n\nbodies = [([float(i), float(i * i + 1)], [0.0, 0.0], 1.0 + i) for i in range(4)]\npairs = [(bodies[i], bodies[j]) for i in range(4) for j in range(i + 1, 4)]\nadvance(pairs, 0.01, 60)\nprint(bodies[0][1])\n"
    ));
}

#[test]
fn attribute_loop() {
    insta::assert_snapshot!(traces(
        "class C:\n    def __init__(self):\n        self.a = 0\n        self.b = 1\n\ndef f(c, n):\n    for i in range(n):\n        c.a = c.a + c.b\n    return c.a\n\nprint(f(C(), 300))\n"
    ));
}

#[test]
fn method_call_loop() {
    insta::assert_snapshot!(traces(
        "class Counter:\n    def __init__(self):\n        self.n = 0\n    def add(self, k):\n        self.n += k\n        return self\n\ndef f(n):\n    c = Counter()\n    for i in range(n):\n        c.add(i)\n    return c.n\n\nprint(f(300))\n"
    ));
}

#[test]
fn float_loop() {
    insta::assert_snapshot!(traces(
        "def f(n):\n    x = 0.0\n    y = 1.0\n    i = 0\n    while i < n:\n        x = x * 0.5 + y / 3.0\n        y = y - x * 0.25\n        i += 1\n    return x, y\n\nprint(f(300))\n"
    ));
}

#[test]
fn list_indexing_loop() {
    insta::assert_snapshot!(traces(
        "def f(xs):\n    n = len(xs)\n    for i in range(n - 1):\n        if xs[i] > xs[i + 1]:\n            xs[i], xs[i + 1] = xs[i + 1], xs[i]\n    return xs\n\nprint(f([(i * 7919) % 101 for i in range(300)])[-5:])\n"
    ));
}

/// Recursion: calls are inlined until the depth limit, then recording gives up (traces
/// from function entry are not built yet).
#[test]
fn fib() {
    insta::assert_snapshot!(traces(
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\ndef f(k):\n    t = 0\n    for i in range(k):\n        t += fib(i % 4)\n    return t\n\nprint(f(300))\n"
    ));
}

/// A branch that goes each way half the time: the other way is a side exit.
#[test]
fn side_exit_half_the_time() {
    insta::assert_snapshot!(traces(
        "def f(n):\n    a = b = 0\n    for i in range(n):\n        if i & 1:\n            a += i\n        else:\n            b -= i\n    return a, b\n\nprint(f(300))\n"
    ));
}

#[test]
fn for_over_list_of_instances() {
    insta::assert_snapshot!(traces(
        "class P:\n    def __init__(self, x):\n        self.x = x\n\ndef f(ps):\n    t = 0.0\n    for p in ps:\n        t += p.x\n    return t\n\nprint(f([P(i * 0.5) for i in range(300)]))\n"
    ));
}

#[test]
fn loop_calling_a_builtin() {
    insta::assert_snapshot!(traces(
        "def f(words):\n    t = 0\n    for w in words:\n        t += len(w) + abs(t - 7)\n    return t\n\nprint(f(['a', 'bb', 'ccc'] * 100))\n"
    ));
}
