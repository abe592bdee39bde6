//! A minimal JSON value and pretty-printer for `pyrun bench --json` (no serde needed for a
//! write-only report).

pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn obj<K: Into<String>>(pairs: Vec<(K, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    pub fn opt_num(v: Option<f64>) -> Json {
        v.map_or(Json::Null, Json::Num)
    }

    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    /// Arrays of scalars and objects whose values are all scalars go on one line; the rest
    /// is indented by two spaces per level.
    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_string()),
            Json::Num(f) if f.is_finite() => {
                // Round to microsecond-ish precision so reports stay readable.
                let r = (f * 1e6).round() / 1e6;
                out.push_str(&format!("{r}"));
            }
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                } else if items.iter().all(Json::is_flat) {
                    out.push('[');
                    for (i, v) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        v.write(out, indent);
                    }
                    out.push(']');
                } else {
                    out.push_str("[\n");
                    for (i, v) in items.iter().enumerate() {
                        push_indent(out, indent + 1);
                        v.write(out, indent + 1);
                        out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                    }
                    push_indent(out, indent);
                    out.push(']');
                }
            }
            Json::Obj(pairs) => {
                if pairs.is_empty() {
                    out.push_str("{}");
                } else if pairs.iter().all(|(_, v)| v.is_scalar()) {
                    out.push('{');
                    for (i, (k, v)) in pairs.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        write_str(out, k);
                        out.push_str(": ");
                        v.write(out, indent);
                    }
                    out.push('}');
                } else {
                    out.push_str("{\n");
                    for (i, (k, v)) in pairs.iter().enumerate() {
                        push_indent(out, indent + 1);
                        write_str(out, k);
                        out.push_str(": ");
                        v.write(out, indent + 1);
                        out.push_str(if i + 1 < pairs.len() { ",\n" } else { "\n" });
                    }
                    push_indent(out, indent);
                    out.push('}');
                }
            }
        }
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Arr(_) | Json::Obj(_))
    }

    fn is_flat(&self) -> bool {
        match self {
            Json::Obj(pairs) => pairs.iter().all(|(_, v)| v.is_scalar()),
            Json::Arr(_) => false,
            _ => true,
        }
    }
}

fn push_indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_prints() {
        let j = Json::obj(vec![
            ("a", Json::Int(1)),
            (
                "b",
                Json::Arr(vec![Json::Num(1.5), Json::Null, Json::Bool(true)]),
            ),
            ("c", Json::obj(vec![("s", Json::str("x\"\n\u{1}"))])),
            ("d", Json::Arr(vec![])),
            ("e", Json::Num(f64::NAN)),
        ]);
        assert_eq!(
            j.to_pretty(),
            "{\n  \"a\": 1,\n  \"b\": [1.5, null, true],\n  \"c\": {\"s\": \"x\\\"\\n\\u0001\"},\n  \"d\": [],\n  \"e\": null\n}\n"
        );
    }
}
