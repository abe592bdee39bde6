//! `_heapq`: the native heap primitives behind the `heapq` source module (py/heapq.py),
//! mirroring CPython's split. The sift routines follow CPython's algorithm exactly (a
//! hole is moved to a leaf, then the item sifts back up), so heaps hold their items in
//! the same order as CPython's. Comparisons may run Python code, so the list is never
//! borrowed across one, and a size change meanwhile is an error, as in CPython.

use crate::builtins::args::positional;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::list::ListObj;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> Value {
    super::module_with_functions(
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("_heapify_max", heapify_max),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
        ],
    )
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn before(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        ops::less_than(vm, b, a)
    } else {
        ops::less_than(vm, a, b)
    }
}

fn changed() -> error::PyErr {
    error::runtime_error("list changed size during iteration")
}

fn out_of_range() -> error::PyErr {
    error::index_error("index out of range")
}

/// Moves the item at `pos` up towards `start` while it sorts before its parent.
fn sift_down(vm: &mut Vm, l: &ListObj, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.items.borrow().len();
    if pos >= size {
        return Err(out_of_range());
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (item, parent) = {
            let items = l.items.borrow();
            (items[pos].clone(), items[parentpos].clone())
        };
        let lt = before(vm, &item, &parent, max)?;
        let mut items = l.items.borrow_mut();
        if items.len() != size {
            return Err(changed());
        }
        if !lt {
            break;
        }
        items.swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller (larger, for max) child up until `pos` is a leaf, then sifts the
/// original item back down into place.
fn sift_up(vm: &mut Vm, l: &ListObj, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.items.borrow().len();
    let start = pos;
    if pos >= end {
        return Err(out_of_range());
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = {
                let items = l.items.borrow();
                (items[child].clone(), items[child + 1].clone())
            };
            if !before(vm, &a, &b, max)? {
                child += 1;
            }
            if l.items.borrow().len() != end {
                return Err(changed());
            }
        }
        l.items.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(vm, l, start, pos, max)
}

fn list_arg<'a>(fname: &str, v: &'a Value, argdesc: &str) -> PyResult<&'a ListObj> {
    v.downcast::<ListObj>().ok_or_else(|| {
        error::type_error(format!(
            "{fname}() argument {argdesc}must be list, not {}",
            type_name(v)
        ))
    })
}

/// The (heap, item) arguments of the two-argument functions.
fn heap_item<'a>(
    fname: &str,
    args: &'a [Value],
    kw: &[Value],
) -> PyResult<(&'a ListObj, &'a Value)> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "_heapq.{fname}() takes no keyword arguments"
        )));
    }
    let a = positional(fname, args, kw, 2, 2)?;
    Ok((list_arg(fname, &a[0], "1 ")?, &a[1]))
}

/// The heap argument of the one-argument functions.
fn heap_only<'a>(fname: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a ListObj> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "_heapq.{fname}() takes no keyword arguments"
        )));
    }
    if args.len() != 1 {
        return Err(error::type_error(format!(
            "_heapq.{fname}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    list_arg(fname, &args[0], "")
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (l, item) = heap_item("heappush", args, kw)?;
    let n = {
        let mut items = l.items.borrow_mut();
        items.push(item.clone());
        items.len()
    };
    sift_down(vm, l, 0, n - 1, false)?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, l: &ListObj, max: bool) -> PyResult<Value> {
    let (last, rest) = {
        let mut items = l.items.borrow_mut();
        let last = items.pop().ok_or_else(out_of_range)?;
        (last, items.len())
    };
    if rest == 0 {
        return Ok(last);
    }
    let top = std::mem::replace(&mut l.items.borrow_mut()[0], last);
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pop(vm, heap_only("heappop", args, kw)?, false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pop(vm, heap_only("_heappop_max", args, kw)?, true)
}

fn replace(vm: &mut Vm, l: &ListObj, item: &Value, max: bool) -> PyResult<Value> {
    let top = {
        let mut items = l.items.borrow_mut();
        let first = items.first_mut().ok_or_else(out_of_range)?;
        std::mem::replace(first, item.clone())
    };
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (l, item) = heap_item("heapreplace", args, kw)?;
    replace(vm, l, item, false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (l, item) = heap_item("_heapreplace_max", args, kw)?;
    replace(vm, l, item, true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (l, item) = heap_item("heappushpop", args, kw)?;
    let top = l.items.borrow().first().cloned();
    let Some(top) = top else {
        return Ok(item.clone());
    };
    if !ops::less_than(vm, &top, item)? {
        return Ok(item.clone());
    }
    replace(vm, l, item, false)
}

fn heapify_impl(vm: &mut Vm, l: &ListObj, max: bool) -> PyResult<Value> {
    // Children before parents; the result equals CPython's (which only reorders the
    // independent sift-ups of large heaps for cache locality).
    let n = l.items.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, l, i, max)?;
    }
    Ok(Value::NONE)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    heapify_impl(vm, heap_only("heapify", args, kw)?, false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    heapify_impl(vm, heap_only("_heapify_max", args, kw)?, true)
}
