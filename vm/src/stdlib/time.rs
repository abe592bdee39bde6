//! The `time` module: clocks and `sleep`.
//!
//! As in CPython on Linux, `monotonic` and `perf_counter` read CLOCK_MONOTONIC and
//! `process_time` reads the process CPU-time clock; other systems fall back to std's clocks.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::types::int::as_int;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[cfg(target_os = "linux")]
mod clock {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    }
    pub const MONOTONIC: i32 = 1;
    pub const PROCESS_CPUTIME: i32 = 2;

    /// Nanoseconds on clock `clk`.
    pub fn ns(clk: i32) -> i64 {
        let mut ts = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec (64-bit fields on Linux targets).
        unsafe { clock_gettime(clk, &mut ts) };
        ts.tv_sec.saturating_mul(1_000_000_000) + ts.tv_nsec
    }
}

#[cfg(not(target_os = "linux"))]
mod clock {
    use std::time::Instant;
    pub const MONOTONIC: i32 = 1;
    pub const PROCESS_CPUTIME: i32 = 2;
    thread_local!(static ORIGIN: Instant = Instant::now());
    /// Nanoseconds since the first call (no process CPU clock without libc: wall time).
    pub fn ns(_clk: i32) -> i64 {
        ORIGIN.with(|o| o.elapsed().as_nanos() as i64)
    }
}

fn no_args(qual: &'static str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    Args::new(qual, args, kw).check(0, 0, &[])
}

fn wall_ns() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i64,
        Err(e) => -(e.duration().as_nanos() as i64),
    }
}

/// Seconds as a float from nanoseconds, converted as CPython does.
fn secs(ns: i64) -> Value {
    if ns % 1_000_000_000 == 0 {
        return Value::float((ns / 1_000_000_000) as f64);
    }
    Value::float(ns as f64 / 1e9)
}

fn time_time(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.time", args, kw)?;
    Ok(secs(wall_ns()))
}
fn time_time_ns(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.time_ns", args, kw)?;
    Ok(Value::int(wall_ns()))
}
fn time_monotonic(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.monotonic", args, kw)?;
    Ok(secs(clock::ns(clock::MONOTONIC)))
}
fn time_monotonic_ns(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.monotonic_ns", args, kw)?;
    Ok(Value::int(clock::ns(clock::MONOTONIC)))
}
fn time_perf_counter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.perf_counter", args, kw)?;
    Ok(secs(clock::ns(clock::MONOTONIC)))
}
fn time_perf_counter_ns(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.perf_counter_ns", args, kw)?;
    Ok(Value::int(clock::ns(clock::MONOTONIC)))
}
fn time_process_time(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.process_time", args, kw)?;
    Ok(secs(clock::ns(clock::PROCESS_CPUTIME)))
}
fn time_process_time_ns(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time.process_time_ns", args, kw)?;
    Ok(Value::int(clock::ns(clock::PROCESS_CPUTIME)))
}

fn timestamp_overflow() -> crate::error::PyErr {
    error::overflow_error("timestamp too large to convert to C _PyTime_t")
}

/// A duration in seconds (int or float) as nanoseconds, rounded up like CPython's timeouts.
fn seconds_to_ns(v: &Value) -> PyResult<i64> {
    if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(error::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        let limit = -(i64::MIN as f64); // 2**63
        if !(-limit..limit).contains(&ns) {
            return Err(timestamp_overflow());
        }
        return Ok(ns as i64);
    }
    match as_int(v) {
        Some(i) => i
            .to_i64()
            .and_then(|s| s.checked_mul(1_000_000_000))
            .ok_or_else(timestamp_overflow),
        None => Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

fn time_sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("time.sleep", args, kw).check(1, 1, &[])?;
    let ns = seconds_to_ns(&args[0])?;
    if ns < 0 {
        return Err(error::value_error("sleep length must be non-negative"));
    }
    vm.flush(); // output written before a pause should be visible during it
    std::thread::sleep(Duration::from_nanos(ns as u64));
    Ok(Value::NONE)
}

pub fn make(_vm: &mut Vm) -> Value {
    super::module_with_functions(
        "time",
        &[
            ("monotonic", time_monotonic),
            ("monotonic_ns", time_monotonic_ns),
            ("perf_counter", time_perf_counter),
            ("perf_counter_ns", time_perf_counter_ns),
            ("process_time", time_process_time),
            ("process_time_ns", time_process_time_ns),
            ("sleep", time_sleep),
            ("time", time_time),
            ("time_ns", time_time_ns),
        ],
    )
}
