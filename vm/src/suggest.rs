//! "Did you mean" suggestions for NameError and AttributeError, with CPython 3.11's
//! candidate lists and its weighted Levenshtein distance (case flips cost 1, other edits 2;
//! at most a third of the characters may change).

use crate::types::dict::DictObj;
use crate::types::exc::{as_exc, TbEntry};
use crate::types::str::{as_str, intern};
use crate::types::tt;
use crate::types::typeobj::isinstance_ptr;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE: usize = 2;
const CASE: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE
    } else {
        MOVE
    }
}

fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let ([x, ar @ ..], [y, br @ ..]) = (a, b) {
        if x != y {
            break;
        }
        (a, b) = (ar, br);
    }
    while let ([ar @ .., x], [br @ .., y]) = (a, b) {
        if x != y {
            break;
        }
        (a, b) = (ar, br);
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut dist = bi * MOVE;
        result = dist;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(code, ac);
            dist = row[i];
            let insert_delete = result.min(dist) + MOVE;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if one is close enough.
pub fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE / 6;
        if let Some((_, d)) = best {
            max = max.min(d - 1);
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.map_or(true, |(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

fn exc_attr(exc: &Value, k: &str) -> Option<Value> {
    let d = as_exc(exc)?.dict.borrow().clone()?;
    DictObj::get_str(&d, &intern(k)).filter(|v| !v.is_none())
}

fn keys(d: &Value) -> Vec<String> {
    d.downcast::<DictObj>()
        .map(|d| {
            d.keys()
                .iter()
                .filter_map(|k| as_str(k).map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The suggestion CPython appends to the report of `exc`, if any.
pub fn offer(vm: &mut Vm, exc: &Value, tb: &[TbEntry]) -> Option<String> {
    let name = exc_attr(exc, "name")?;
    let name = as_str(&name)?.to_string();
    if isinstance_ptr(exc, tt().name_error) {
        // The innermost frame's locals, then its globals, then the builtins.
        let last = tb.first()?;
        let vars: Vec<String> = last
            .code
            .varnames
            .iter()
            .filter_map(|v| as_str(v).map(str::to_string))
            .collect();
        if let Some(s) = closest(&name, &vars) {
            return Some(s);
        }
        if let Some(s) = closest(&name, &keys(&last.globals)) {
            return Some(s);
        }
        return closest(&name, &keys(&vm.builtins));
    }
    if isinstance_ptr(exc, tt().attribute_error) {
        let obj = exc_attr(exc, "obj")?;
        let names = crate::builtins::dir_of(vm, &obj).ok()?;
        let names: Vec<String> = names
            .iter()
            .filter_map(|v| as_str(v).map(str::to_string))
            .collect();
        return closest(&name, &names);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn cpython_choices() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            closest("pirnt", &c(&["print", "int"])).as_deref(),
            Some("print")
        );
        assert_eq!(
            closest("lenght", &c(&["len", "length"])).as_deref(),
            Some("length")
        );
        assert_eq!(closest("Foo", &c(&["foo"])).as_deref(), Some("foo"));
        assert_eq!(closest("abc", &c(&["xyz"])), None);
    }
}
