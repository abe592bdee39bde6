//! Flag sweeps: `--sweep NAME=V1,V2,...` (each value becomes `-X NAME=V`), combined as a
//! cartesian product or, with `--one-at-a-time`, as the default configuration plus each
//! value flipped alone; `--sweep-all-passes` adds `PASS=on,off` for every pass pyrun can
//! switch off (`crate::args::PASSES`) and implies one at a time.

/// One swept flag and its values; the first value is the baseline's.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub name: String,
    pub values: Vec<String>,
}

/// Most configurations a sweep may expand to (more is almost surely a mistake).
pub const MAX_CONFIGS: usize = 64;

fn is_word(s: &str) -> bool {
    !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || c == ',' || c == '=')
}

/// Parses `NAME=V1,V2,...` (at least two distinct values).
pub fn parse(spec: &str) -> Result<Sweep, String> {
    let Some((name, values)) = spec.split_once('=') else {
        return Err(format!(
            "--sweep {spec:?}: expected NAME=VALUE,VALUE..., e.g. specialize=on,off"
        ));
    };
    let name = name.trim();
    let name = name.strip_prefix("-X").map(str::trim).unwrap_or(name);
    if !is_word(name) {
        return Err(format!(
            "--sweep {spec:?}: the NAME before '=' must be a -X option name"
        ));
    }
    let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
    if let Some(bad) = values.iter().find(|v| !is_word(v)) {
        return Err(format!(
            "--sweep {spec:?}: bad value {bad:?} (values are words separated by ',')"
        ));
    }
    for (i, v) in values.iter().enumerate() {
        if values[..i].contains(v) {
            return Err(format!("--sweep {spec:?}: value {v:?} is given twice"));
        }
    }
    if values.len() < 2 {
        return Err(format!(
            "--sweep {spec:?}: give at least two values to compare"
        ));
    }
    Ok(Sweep {
        name: name.to_string(),
        values,
    })
}

/// A configuration of pyrun: its column name and extra flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub name: String,
    pub flags: Vec<String>,
}

fn flags_of(settings: &[(&str, &str)]) -> Vec<String> {
    settings
        .iter()
        .flat_map(|(n, v)| ["-X".to_string(), format!("{n}={v}")])
        .collect()
}

/// The configurations to time; the first is the baseline the others are compared with.
/// `all_passes` holds the pass names to add as `PASS=on,off` (empty without
/// `--sweep-all-passes`); it implies one at a time.
pub fn configurations(
    sweeps: &[Sweep],
    one_at_a_time: bool,
    all_passes: &[&str],
) -> Result<Vec<Config>, String> {
    let mut sweeps = sweeps.to_vec();
    for (i, s) in sweeps.iter().enumerate() {
        if sweeps[..i].iter().any(|t| t.name == s.name) {
            return Err(format!("--sweep {}: the flag is swept twice", s.name));
        }
    }
    for pass in all_passes {
        if !sweeps.iter().any(|s| s.name == *pass) {
            sweeps.push(Sweep {
                name: pass.to_string(),
                values: vec!["on".into(), "off".into()],
            });
        }
    }
    if sweeps.is_empty() {
        return Ok(Vec::new());
    }
    if one_at_a_time || !all_passes.is_empty() {
        let mut out = vec![Config {
            name: "default".into(),
            flags: Vec::new(),
        }];
        for s in &sweeps {
            for v in &s.values[1..] {
                out.push(Config {
                    name: format!("{}={v}", s.name),
                    flags: flags_of(&[(&s.name, v)]),
                });
            }
        }
        return Ok(out);
    }
    let total = sweeps
        .iter()
        .try_fold(1usize, |n, s| n.checked_mul(s.values.len()))
        .unwrap_or(usize::MAX);
    if total > MAX_CONFIGS {
        return Err(format!(
            "the sweep expands to {total} configurations (at most {MAX_CONFIGS}); \
             use --one-at-a-time or fewer values"
        ));
    }
    // Odometer over the value indices, the last sweep changing fastest.
    let mut idx = vec![0usize; sweeps.len()];
    let mut out = Vec::with_capacity(total);
    loop {
        let settings: Vec<(&str, &str)> = sweeps
            .iter()
            .zip(&idx)
            .map(|(s, &i)| (s.name.as_str(), s.values[i].as_str()))
            .collect();
        out.push(Config {
            name: settings
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join(","),
            flags: flags_of(&settings),
        });
        let mut k = sweeps.len();
        loop {
            if k == 0 {
                return Ok(out);
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < sweeps[k].values.len() {
                break;
            }
            idx[k] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sw(s: &str) -> Sweep {
        parse(s).unwrap()
    }

    #[test]
    fn parses_specs() {
        assert_eq!(
            sw("specialize=on,off"),
            Sweep {
                name: "specialize".into(),
                values: vec!["on".into(), "off".into()]
            }
        );
        assert_eq!(sw("-X jit-threshold=10, 100").values, ["10", "100"]);
        for bad in [
            "specialize",
            "=on,off",
            "a=on",
            "a=on,on",
            "a=on,,off",
            "a b=1,2",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cartesian_product() {
        let c = configurations(&[sw("a=on,off"), sw("b=1,2,3")], false, &[]).unwrap();
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "a=on,b=1",
                "a=on,b=2",
                "a=on,b=3",
                "a=off,b=1",
                "a=off,b=2",
                "a=off,b=3"
            ]
        );
        assert_eq!(c[4].flags, ["-X", "a=off", "-X", "b=2"]);
        let many: Vec<Sweep> = (0..7).map(|i| sw(&format!("f{i}=x,y"))).collect();
        assert!(configurations(&many, false, &[])
            .unwrap_err()
            .contains("128 configurations"));
        assert!(configurations(&[sw("a=1,2"), sw("a=3,4")], false, &[]).is_err());
        assert_eq!(configurations(&[], false, &[]).unwrap(), vec![]);
    }

    #[test]
    fn one_at_a_time_and_all_passes() {
        let c = configurations(&[sw("a=on,off"), sw("b=1,2,3")], true, &[]).unwrap();
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["default", "a=off", "b=2", "b=3"]);
        assert!(c[0].flags.is_empty());
        let c = configurations(&[sw("p=on,off,auto")], false, &["p", "q"]).unwrap();
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["default", "p=off", "p=auto", "q=off"]);
        assert_eq!(c[3].flags, ["-X", "q=off"]);
    }
}
