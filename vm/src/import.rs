//! `import`: builtin modules and `.py` modules beside the script (executed once, cached).

use crate::error::{self, PyResult};
use crate::types::dict::DictObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{as_str, intern};
use crate::types::tuple::as_tuple;
use crate::value::Value;
use crate::vm::Vm;

pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = vm.modules.get(name) {
        return Ok(m.clone());
    }
    if let Some(m) = crate::stdlib::make_native_module(vm, name) {
        vm.modules.insert(name.to_string(), m.clone());
        return Ok(m);
    }
    if let Some(src) = crate::stdlib::module_source(name) {
        return run_source_module(vm, name, src, format!("<pyrun stdlib {name}>"));
    }
    // A source module next to the main script.
    if let Some(dir) = vm.script_dir.clone() {
        let path = dir.join(format!("{}.py", name.replace('.', "/")));
        if path.is_file() {
            let src = std::fs::read(&path).map_err(|e| error::os_error(e.to_string()))?;
            let src = String::from_utf8(src).map_err(|_| {
                error::syntax_error(format!("Non-UTF-8 code in {}", path.display()))
            })?;
            return run_source_module(vm, name, &src, path.display().to_string());
        }
    }
    Err(error::module_not_found(format!("No module named '{name}'")))
}

pub fn import_name(vm: &mut Vm, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let n = as_str(name).unwrap_or("");
    if level.as_small_int().unwrap_or(0) != 0 {
        return Err(error::import_error(
            "attempted relative import with no known parent package",
        ));
    }
    let top = n.split('.').next().unwrap_or(n);
    let m = import_module(vm, n)?;
    if fromlist.is_none() || as_tuple(fromlist).is_some_and(|t| t.is_empty()) {
        if top != n {
            return import_module(vm, top);
        }
    }
    Ok(m)
}

pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    match crate::ops::getattr(vm, module, name) {
        Ok(v) => Ok(v),
        Err(_) => {
            let mname = module
                .downcast::<ModuleObj>()
                .and_then(|m| as_str(&m.name).map(|s| s.to_string()))
                .unwrap_or_default();
            Err(error::import_error(format!(
                "cannot import name '{}' from '{}' (unknown location)",
                as_str(name).unwrap_or("?"),
                mname
            )))
        }
    }
}

pub fn import_star(vm: &mut Vm, module: &Value, globals: &Value) -> PyResult<()> {
    let _ = vm;
    let m = module
        .downcast::<ModuleObj>()
        .ok_or_else(|| error::type_error("import * from a non-module"))?;
    for (k, v) in m.dict.downcast::<DictObj>().unwrap().items() {
        if as_str(&k).is_some_and(|s| !s.starts_with('_')) {
            DictObj::set_str(globals, k, v);
        }
    }
    Ok(())
}

/// Compiles and runs a module's source in a fresh namespace, caching the module first so
/// that circular imports see it (and dropping it again if its body raises).
fn run_source_module(vm: &mut Vm, name: &str, src: &str, fname: String) -> PyResult<Value> {
    crate::run::register_source(&fname, src);
    let code = crate::compile::compile_module(src, &fname)
        .map_err(|e| crate::run::compile_error_to_exc(&e, &fname, src))?;
    let globals = DictObj::new_value();
    DictObj::set_str(&globals, intern("__builtins__"), vm.builtins.clone());
    DictObj::set_str(
        &globals,
        intern("__file__"),
        crate::types::str::new_str(fname),
    );
    let m = new_module(name, globals.clone());
    vm.modules.insert(name.to_string(), m.clone());
    if let Err(e) = vm.run_code(code, globals) {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(m)
}
