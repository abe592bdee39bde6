//! Choosing quiet cores and pinning timing streams to them (`sched_setaffinity`).
//!
//! A core counts as free when it was idle for at least `FREE_IDLE` of a short sample of
//! `/proc/stat`. Children inherit the affinity of the thread that spawns them, so pinning a
//! timing thread pins every run it starts.

use std::time::Duration;

/// Idle fraction over the sample above which a core counts as free.
pub const FREE_IDLE: f64 = 0.75;

/// Per-core (busy, total) jiffies from /proc/stat, indexed by core number.
fn cpu_times() -> Option<Vec<Option<(u64, u64)>>> {
    let text = std::fs::read_to_string("/proc/stat").ok()?;
    let mut out: Vec<Option<(u64, u64)>> = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("cpu") else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let Some(Ok(core)) = words.next().map(str::parse::<usize>) else {
            continue; // the "cpu " total line
        };
        let v: Vec<u64> = words.filter_map(|w| w.parse().ok()).collect();
        if v.len() < 4 {
            continue;
        }
        // user nice system idle iowait irq softirq steal ...
        let idle = v[3] + v.get(4).copied().unwrap_or(0);
        let total: u64 = v.iter().take(8).sum();
        if out.len() <= core {
            out.resize(core + 1, None);
        }
        out[core] = Some((total - idle, total));
    }
    Some(out)
}

/// The cores this process may run on.
pub fn allowed_cores() -> Vec<usize> {
    // SAFETY: cpu_set_t is a plain bit set the kernel fills in.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
    if r != 0 {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        return (0..n).collect();
    }
    (0..libc::CPU_SETSIZE as usize)
        .filter(|&c| unsafe { libc::CPU_ISSET(c, &set) })
        .collect()
}

/// Allowed cores with their idle fraction over `sample`, quietest first.
pub fn idle_cores(sample: Duration) -> Vec<(usize, f64)> {
    let allowed = allowed_cores();
    let (Some(a), Some(b)) = (cpu_times(), {
        std::thread::sleep(sample);
        cpu_times()
    }) else {
        // No /proc/stat: assume every allowed core is free.
        return allowed.into_iter().map(|c| (c, 1.0)).collect();
    };
    let mut out: Vec<(usize, f64)> = allowed
        .into_iter()
        .filter_map(|c| {
            let ((b0, t0), (b1, t1)) = ((*a.get(c)?)?, (*b.get(c)?)?);
            let dt = t1.saturating_sub(t0);
            let idle = if dt == 0 {
                1.0
            } else {
                1.0 - b1.saturating_sub(b0) as f64 / dt as f64
            };
            Some((c, idle.clamp(0.0, 1.0)))
        })
        .collect();
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    out
}

/// Up to `want` cores for timing streams, quietest first, with a note when fewer than
/// `want` are free (the streams are then reduced so that no two share a core).
pub fn choose(want: usize) -> (Vec<usize>, Option<String>) {
    let cores = idle_cores(Duration::from_millis(250));
    let free: Vec<usize> = cores
        .iter()
        .filter(|(_, idle)| *idle >= FREE_IDLE)
        .map(|(c, _)| *c)
        .collect();
    if free.len() >= want {
        return (free[..want].to_vec(), None);
    }
    let describe = cores
        .iter()
        .map(|(c, idle)| format!("cpu{c} {:.0}% idle", idle * 100.0))
        .collect::<Vec<_>>()
        .join(", ");
    let got: Vec<usize> = if free.is_empty() {
        cores.iter().take(1).map(|(c, _)| *c).collect()
    } else {
        free
    };
    let note = format!(
        "note: -j {want} asked for {want} free core(s), but only {} of {} are free \
         (idle >= {:.0}%: {describe}); running {} timing stream(s), pinned to cpu {}",
        cores.iter().filter(|(_, i)| *i >= FREE_IDLE).count(),
        cores.len(),
        FREE_IDLE * 100.0,
        got.len(),
        got.iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(","),
    );
    (got, Some(note))
}

/// Pins the calling thread (and so the processes it starts from now on) to `core`.
pub fn pin_current_thread(core: usize) -> Result<(), String> {
    // SAFETY: cpu_set_t is a plain bit set; CPU_SET stays within CPU_SETSIZE (checked).
    if core >= libc::CPU_SETSIZE as usize {
        return Err(format!("no such core {core}"));
    }
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    unsafe { libc::CPU_SET(core, &mut set) };
    let r = unsafe { libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) };
    if r != 0 {
        return Err(format!(
            "sched_setaffinity(cpu{core}): {}",
            std::io::Error::last_os_error()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cores_are_listed_and_a_thread_can_be_pinned() {
        let allowed = allowed_cores();
        assert!(!allowed.is_empty());
        let idle = idle_cores(Duration::from_millis(20));
        assert!(idle
            .iter()
            .all(|(c, i)| allowed.contains(c) && (0.0..=1.0).contains(i)));
        let core = allowed[0];
        std::thread::spawn(move || {
            pin_current_thread(core).unwrap();
            assert_eq!(allowed_cores(), vec![core]);
        })
        .join()
        .unwrap();
        assert!(pin_current_thread(usize::MAX).is_err());
    }
}
