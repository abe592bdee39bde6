//! The import system, following importlib's `_bootstrap`: `sys.modules` is the one registry
//! (a live dict), absolute names are imported parent first, and each module is found by
//! (1) the modules built into pyrun's binary that CPython also builds in, (2) the path
//! finder over `sys.path` (or the parent package's `__path__`): regular packages
//! (`__init__.py`), modules (`.py`), namespace packages (directories), and (3) pyrun's
//! embedded standard library. Specs and loaders are the `_frozen_importlib` objects.

use crate::error::{self, PyErr, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::list::{as_list, new_list};
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::tuple::as_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::path::{Path, PathBuf};

/// Native modules that only stand in for CPython's Lib files of the same name when no
/// Lib is installed (found after `sys.path`).
const LIB_FALLBACKS: &[&str] = &["os", "copy"];

fn get(d: &Value, k: &str) -> Option<Value> {
    DictObj::get_str(d, &intern(k))
}

fn set(d: &Value, k: &str, v: Value) {
    DictObj::set_str(d, intern(k), v)
}

/// `sys.modules[name]`, if present.
pub fn loaded(vm: &Vm, name: &str) -> Option<Value> {
    get(&vm.modules, name)
}

/// The `sys` module (created on first use and registered).
pub fn sys_module(vm: &mut Vm) -> Value {
    if let Some(m) = loaded(vm, "sys") {
        return m;
    }
    let m = crate::stdlib::sys::make(vm);
    set(&vm.modules, "sys", m.clone());
    m
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let s = sys_module(vm);
    get(&s.downcast::<ModuleObj>()?.dict, name)
}

fn module_dict(m: &Value) -> Option<Value> {
    m.downcast::<ModuleObj>().map(|m| m.dict.clone())
}

fn str_attr(vm: &mut Vm, v: &Value, name: &str) -> Option<String> {
    let r = ops::getattr(vm, v, &intern(name)).ok()?;
    as_str(&r).map(str::to_string)
}

fn not_found(name: &str, msg: String) -> PyErr {
    let e = error::module_not_found(msg);
    set_exc_attr(&e, "name", new_str(name));
    e
}

fn set_exc_attr(e: &PyErr, k: &str, v: Value) {
    if let Some(x) = crate::types::exc::as_exc(&e.0) {
        let mut d = x.dict.borrow_mut();
        let d = d.get_or_insert_with(DictObj::new_value);
        set(d, k, v);
    }
}

/// `IMPORT_NAME`: `import name` / `from name import fromlist` in the running frame.
pub fn import_name(vm: &mut Vm, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let globals = vm
        .frames
        .last()
        .map(|f| f.globals.clone())
        .unwrap_or(Value::NONE);
    let level = level.as_small_int().unwrap_or(0);
    let name = as_str(name).unwrap_or("").to_string();
    import_module_level(vm, &name, &globals, fromlist, level)
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: &Value,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    if level < 0 {
        return Err(error::value_error("level must be >= 0"));
    }
    if level == 0 && name.is_empty() {
        return Err(error::value_error("Empty module name"));
    }
    let absname = if level > 0 {
        let package = calc_package(vm, globals)?;
        resolve_name(name, &package, level)?
    } else {
        name.to_string()
    };
    let module = gcd_import(vm, &absname)?;
    let empty = fromlist.is_none()
        || as_tuple(fromlist).is_some_and(|t| t.is_empty())
        || as_list(fromlist).is_some_and(|l| l.items.borrow().is_empty());
    if empty {
        if level == 0 {
            let top = name.split('.').next().unwrap_or(name);
            return gcd_import(vm, top);
        }
        if name.is_empty() {
            return Ok(module);
        }
        // The top of `name` relative to the resolved package.
        let cut = absname.len() - name.len() + name.split('.').next().unwrap().len();
        return loaded(vm, &absname[..cut])
            .ok_or_else(|| error::key_error(new_str(&absname[..cut])));
    }
    handle_fromlist(vm, &module, fromlist)?;
    Ok(module)
}

/// `from package import name` imports `package.name` when it is not an attribute yet.
fn handle_fromlist(vm: &mut Vm, module: &Value, fromlist: &Value) -> PyResult<()> {
    let Some(d) = module_dict(module) else {
        return Ok(());
    };
    if get(&d, "__path__").is_none() {
        return Ok(());
    }
    let items = ops::collect(vm, fromlist)?;
    let mname = str_attr(vm, module, "__name__").unwrap_or_default();
    for x in items {
        let Some(xs) = as_str(&x).map(str::to_string) else {
            return Err(error::type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                mname,
                crate::types::type_name(&x)
            )));
        };
        if xs == "*" {
            if let Some(all) = get(&d, "__all__") {
                handle_fromlist(vm, module, &all)?;
            }
            continue;
        }
        if get(&d, &xs).is_none() {
            let sub = format!("{mname}.{xs}");
            if let Err(e) = gcd_import(vm, &sub) {
                // A missing submodule is the caller's ImportError (IMPORT_FROM), not ours.
                let missing = e.is_instance(tt().module_not_found_error)
                    && exc_name_attr(&e).as_deref() == Some(sub.as_str());
                if !(missing && loaded(vm, &sub).is_none()) {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}

fn exc_name_attr(e: &PyErr) -> Option<String> {
    let x = crate::types::exc::as_exc(&e.0)?;
    let d = x.dict.borrow().clone()?;
    get(&d, "name").and_then(|n| as_str(&n).map(str::to_string))
}

/// The package a relative import is relative to (`_calc___package__`).
fn calc_package(vm: &mut Vm, globals: &Value) -> PyResult<String> {
    let g = |k: &str| {
        if globals.downcast::<DictObj>().is_some() {
            get(globals, k).filter(|v| !v.is_none())
        } else {
            None
        }
    };
    if let Some(p) = g("__package__") {
        return match as_str(&p) {
            Some(s) if !s.is_empty() => Ok(s.to_string()),
            Some(_) => Err(no_parent()),
            None => Err(error::type_error("package must be a string")),
        };
    }
    if let Some(spec) = g("__spec__") {
        let parent = str_attr(vm, &spec, "parent").unwrap_or_default();
        return if parent.is_empty() {
            Err(no_parent())
        } else {
            Ok(parent)
        };
    }
    let name = g("__name__").and_then(|n| as_str(&n).map(str::to_string));
    let Some(name) = name else {
        return Err(error::key_error(new_str("'__name__' not in globals")));
    };
    let package = if g("__path__").is_some() {
        name
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    if package.is_empty() {
        return Err(no_parent());
    }
    Ok(package)
}

fn no_parent() -> PyErr {
    error::import_error("attempted relative import with no known parent package")
}

fn resolve_name(name: &str, package: &str, level: i64) -> PyResult<String> {
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if (bits.len() as i64) < level {
        return Err(error::import_error(
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits.last().unwrap();
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// Imports an absolute dotted name and returns the module it names (`_gcd_import`).
pub fn gcd_import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = loaded(vm, name) {
        if m.is_none() {
            return Err(not_found(
                name,
                format!("import of {name} halted; None in sys.modules"),
            ));
        }
        return Ok(m);
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    let mut search = None;
    let mut parent_module = None;
    if let Some(p) = parent {
        let pm = gcd_import(vm, p)?;
        if let Some(m) = loaded(vm, name) {
            return Ok(m);
        }
        let path = module_dict(&pm).and_then(|d| get(&d, "__path__"));
        match path {
            Some(path) => search = Some(path),
            None => {
                return Err(not_found(
                    name,
                    format!("No module named '{name}'; '{p}' is not a package"),
                ))
            }
        }
        parent_module = Some(pm);
    }
    let module = find_and_load(vm, name, search)?;
    if let Some(pm) = parent_module {
        // The submodule becomes an attribute of its parent.
        let _ = ops::setattr(vm, &pm, &intern(child), module.clone());
    }
    Ok(module)
}

/// Where a module was found.
enum Found {
    Native,
    Embedded(&'static str),
    Source { path: PathBuf, package: bool },
    Namespace(Vec<String>),
}

fn find(vm: &mut Vm, name: &str, search: Option<Value>) -> PyResult<Option<Found>> {
    let top_level = search.is_none();
    // Native modules come before sys.path, as CPython's built-in and extension modules
    // (CPython's Lib has no file of these names), except the few that remain as fallbacks
    // for a Lib module of the same name. pyrun's own `importlib` (over its native import
    // system) also takes precedence over Lib's, which needs `_imp` and the frozen bootstrap.
    if top_level {
        if crate::stdlib::has_native(name) && !LIB_FALLBACKS.contains(&name) {
            return Ok(Some(Found::Native));
        }
        if name == "importlib" {
            if let Some(src) = crate::stdlib::module_source(name) {
                return Ok(Some(Found::Embedded(src)));
            }
        }
    }
    let entries: Vec<Value> = match search {
        Some(p) => ops::collect(vm, &p)?,
        None => match sys_attr(vm, "path") {
            Some(p) => ops::collect(vm, &p)?,
            None => vec![],
        },
    };
    let last = name.rsplit('.').next().unwrap_or(name);
    let mut namespace = vec![];
    for e in entries {
        let Some(dir) = as_str(&e) else { continue };
        let base = if dir.is_empty() {
            std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
        } else {
            PathBuf::from(dir)
        };
        let pkg = base.join(last);
        if pkg.is_dir() {
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Ok(Some(Found::Source {
                    path: init,
                    package: true,
                }));
            }
        }
        let file = base.join(format!("{last}.py"));
        if file.is_file() {
            return Ok(Some(Found::Source {
                path: file,
                package: false,
            }));
        }
        if pkg.is_dir() {
            namespace.push(pkg.display().to_string());
        }
    }
    if !namespace.is_empty() {
        return Ok(Some(Found::Namespace(namespace)));
    }
    if top_level {
        if crate::stdlib::has_native(name) {
            return Ok(Some(Found::Native));
        }
        if let Some(src) = crate::stdlib::module_source(name) {
            return Ok(Some(Found::Embedded(src)));
        }
    }
    Ok(None)
}

fn find_and_load(vm: &mut Vm, name: &str, search: Option<Value>) -> PyResult<Value> {
    let top_level = search.is_none();
    let found = find(vm, name, search)?;
    match found {
        None if top_level
            && vm.options.config.stdlib_dirs.is_empty()
            && crate::stdlib::STDLIB_MODULE_NAMES.contains(&name) =>
        {
            Err(not_found(
                name,
                format!("No module named '{name}' ({})", crate::config::STDLIB_HINT),
            ))
        }
        None => Err(not_found(name, format!("No module named '{name}'"))),
        Some(Found::Native) => {
            let m = crate::stdlib::make_native_module(vm, name)
                .ok_or_else(|| not_found(name, format!("No module named '{name}'")))?;
            if name != "_frozen_importlib" {
                let spec = new_spec(vm, name, Loader::Builtin, Some("built-in"), false)?;
                init_attrs(vm, &m, name, &spec, None);
            }
            set(&vm.modules, name, m.clone());
            Ok(m)
        }
        Some(Found::Embedded(src)) => {
            let fname = format!("<pyrun stdlib {name}>");
            let globals = DictObj::new_value();
            let m = new_module(name, globals.clone());
            if name != "_frozen_importlib" {
                let spec = new_spec(vm, name, Loader::Builtin, Some("built-in"), false)?;
                init_attrs(vm, &m, name, &spec, None);
            }
            exec_module(vm, name, m, src, &fname)
        }
        Some(Found::Source { path, package }) => {
            let path = path.display().to_string();
            let src = read_source(&path)?;
            let m = new_source_module(vm, name, &path, package)?;
            exec_module(vm, name, m, &src, &path)
        }
        Some(Found::Namespace(paths)) => {
            let fi = frozen_importlib(vm)?;
            let list = new_list(paths.into_iter().map(new_str).collect());
            let ns_path_cls = ops::getattr(vm, &fi, &intern("_NamespacePath"))?;
            let ns_path = vm.call(&ns_path_cls, &[list], &[])?;
            let loader_cls = ops::getattr(vm, &fi, &intern("NamespaceLoader"))?;
            let loader = vm.call(&loader_cls, &[new_str(name), ns_path.clone()], &[])?;
            let spec = new_spec(vm, name, Loader::Object(loader), None, true)?;
            ops::setattr(
                vm,
                &spec,
                &intern("submodule_search_locations"),
                ns_path.clone(),
            )?;
            let m = new_module(name, DictObj::new_value());
            init_attrs(vm, &m, name, &spec, Some(ns_path));
            set(&vm.modules, name, m.clone());
            Ok(m)
        }
    }
}

/// Reads a source file as the import system does (PEP 263 coding, BOM).
pub fn read_source(path: &str) -> PyResult<String> {
    let bytes = std::fs::read(path)
        .map_err(|e| crate::stdlib::fileio::os_error(&e, Some(&new_str(path))))?;
    crate::source::decode(&bytes).map_err(|e| e.into_exception(path))
}

/// A fresh module for a `.py` file, with `__file__`, `__spec__`, `__loader__`, ... set.
pub fn new_source_module(vm: &mut Vm, name: &str, path: &str, package: bool) -> PyResult<Value> {
    let spec = new_source_spec(vm, name, path, package)?;
    let m = new_module(name, DictObj::new_value());
    let dir = Path::new(path)
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let search = package.then(|| new_list(vec![new_str(dir)]));
    if let Some(s) = &search {
        ops::setattr(vm, &spec, &intern("submodule_search_locations"), s.clone())?;
    }
    init_attrs(vm, &m, name, &spec, search);
    set(module_dict(&m).as_ref().unwrap(), "__file__", new_str(path));
    let cached = ops::getattr(vm, &spec, &intern("cached"))?;
    set(module_dict(&m).as_ref().unwrap(), "__cached__", cached);
    Ok(m)
}

/// `ModuleSpec(name, SourceFileLoader(name, path), origin=path)` with a location.
pub fn new_source_spec(vm: &mut Vm, name: &str, path: &str, package: bool) -> PyResult<Value> {
    let loader = source_loader(vm, name, path)?;
    let spec = new_spec(vm, name, Loader::Object(loader), Some(path), package)?;
    ops::setattr(vm, &spec, &intern("has_location"), Value::TRUE)?;
    Ok(spec)
}

pub fn source_loader(vm: &mut Vm, name: &str, path: &str) -> PyResult<Value> {
    let fi = frozen_importlib(vm)?;
    let cls = ops::getattr(vm, &fi, &intern("SourceFileLoader"))?;
    vm.call(&cls, &[new_str(name), new_str(path)], &[])
}

enum Loader {
    Builtin,
    Object(Value),
}

fn new_spec(
    vm: &mut Vm,
    name: &str,
    loader: Loader,
    origin: Option<&str>,
    package: bool,
) -> PyResult<Value> {
    let fi = frozen_importlib(vm)?;
    let loader = match loader {
        Loader::Builtin => ops::getattr(vm, &fi, &intern("BuiltinImporter"))?,
        Loader::Object(l) => l,
    };
    let cls = ops::getattr(vm, &fi, &intern("ModuleSpec"))?;
    let origin = origin.map(new_str).unwrap_or(Value::NONE);
    vm.call(
        &cls,
        &[new_str(name), loader, origin, Value::bool(package)],
        &[intern("origin"), intern("is_package")],
    )
}

/// `__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__` (and `__path__`).
fn init_attrs(vm: &mut Vm, m: &Value, name: &str, spec: &Value, path: Option<Value>) {
    let Some(d) = module_dict(m) else { return };
    let loader = ops::getattr(vm, spec, &intern("loader")).unwrap_or(Value::NONE);
    let package = if path.is_some() {
        name.to_string()
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    if get(&d, "__doc__").is_none() {
        set(&d, "__doc__", Value::NONE);
    }
    set(&d, "__package__", new_str(package));
    set(&d, "__loader__", loader);
    set(&d, "__spec__", spec.clone());
    if let Some(p) = path {
        set(&d, "__path__", p);
    }
}

/// The `_frozen_importlib` module (specs and loaders), imported on first need.
pub fn frozen_importlib(vm: &mut Vm) -> PyResult<Value> {
    if let Some(m) = loaded(vm, "_frozen_importlib") {
        return Ok(m);
    }
    let src = crate::stdlib::module_source("_frozen_importlib").expect("embedded");
    let m = new_module("_frozen_importlib", DictObj::new_value());
    exec_module(
        vm,
        "_frozen_importlib",
        m,
        src,
        "<frozen importlib._bootstrap>",
    )
}

/// Registers the module in `sys.modules` before running its body (so circular imports
/// see it), removes it again if the body raises, and returns what `sys.modules` holds
/// afterwards (a module may replace itself there).
fn exec_module(vm: &mut Vm, name: &str, m: Value, src: &str, fname: &str) -> PyResult<Value> {
    crate::run::register_source(fname, src);
    let optimize = vm.options.config.flags.optimize;
    let code =
        crate::compile::compile_source_opt(src, fname, crate::compile::Mode::Module, optimize)
            .map_err(|e| crate::run::compile_error_to_exc(&e, fname, src))?;
    let globals = module_dict(&m).unwrap();
    set(&globals, "__builtins__", vm.builtins.clone());
    set(&vm.modules, name, m.clone());
    if let Err(e) = vm.run_code(code, globals) {
        if let Some(d) = vm.modules.downcast::<DictObj>() {
            d.remove_str(&intern(name));
        }
        return Err(e);
    }
    loaded(vm, name).ok_or_else(|| {
        error::import_error(format!("Loaded module {name} not found in sys.modules"))
    })
}

/// `IMPORT_FROM`: an attribute of the module, else an already-imported submodule, else
/// CPython's ImportError.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    match ops::getattr(vm, module, name) {
        Ok(v) => return Ok(v),
        Err(e) if !e.is_instance(tt().attribute_error) => return Err(e),
        Err(_) => {}
    }
    let attr = as_str(name).unwrap_or("?");
    let mname = str_attr(vm, module, "__name__");
    if let Some(m) = &mname {
        if let Some(sub) = loaded(vm, &format!("{m}.{attr}")) {
            return Ok(sub);
        }
    }
    let mname = mname.unwrap_or_else(|| "<unknown module name>".into());
    let file = module_dict(module)
        .and_then(|d| get(&d, "__file__"))
        .and_then(|f| as_str(&f).map(str::to_string));
    let location = file.clone().unwrap_or_else(|| "unknown location".into());
    let msg = if is_initializing(vm, module) {
        format!("cannot import name '{attr}' from partially initialized module '{mname}' (most likely due to a circular import) ({location})")
    } else {
        format!("cannot import name '{attr}' from '{mname}' ({location})")
    };
    let e = error::import_error(msg);
    set_exc_attr(&e, "name", new_str(mname));
    set_exc_attr(&e, "path", file.map(new_str).unwrap_or(Value::NONE));
    Err(e)
}

/// Whether the module's body is still running (a circular import sees it half made).
fn is_initializing(vm: &Vm, module: &Value) -> bool {
    let Some(d) = module_dict(module) else {
        return false;
    };
    vm.frames.iter().any(|f| f.globals.is(&d))
}

/// `from module import *`: the names in `__all__`, else the public ones.
pub fn import_star(vm: &mut Vm, module: &Value, globals: &Value) -> PyResult<()> {
    let Some(d) = module_dict(module) else {
        return Err(error::type_error("import * from a non-module"));
    };
    if let Some(all) = get(&d, "__all__") {
        for n in ops::collect(vm, &all)? {
            let v = ops::getattr(vm, module, &n)?;
            DictObj::set_str(globals, n, v);
        }
        return Ok(());
    }
    for (k, v) in d.downcast::<DictObj>().unwrap().items() {
        if as_str(&k).is_some_and(|s| !s.starts_with('_')) {
            DictObj::set_str(globals, k, v);
        }
    }
    Ok(())
}

/// `repr(module)` as CPython's `_module_repr`.
pub fn module_repr(vm: &mut Vm, m: &Value) -> PyResult<String> {
    let d = module_dict(m).unwrap();
    let name = get(&d, "__name__")
        .and_then(|n| as_str(&n).map(str::to_string))
        .unwrap_or("?".into());
    let loader = get(&d, "__loader__").filter(|l| !l.is_none());
    if let Some(spec) = get(&d, "__spec__").filter(|s| !s.is_none()) {
        let sloader = ops::getattr(vm, &spec, &intern("loader")).unwrap_or(Value::NONE);
        if !sloader.is_none() {
            let sname = str_attr(vm, &spec, "name").unwrap_or(name);
            let origin = ops::getattr(vm, &spec, &intern("origin")).unwrap_or(Value::NONE);
            if origin.is_none() {
                let l = ops::repr::repr_string(vm, &sloader)?;
                return Ok(format!("<module '{sname}' ({l})>"));
            }
            let origin = ops::repr::str_string(vm, &origin)?;
            let has_loc =
                ops::getattr(vm, &spec, &intern("has_location")).map(|v| ops::truthy(vm, &v));
            return Ok(if matches!(has_loc, Ok(Ok(true))) {
                format!("<module '{sname}' from '{origin}'>")
            } else {
                format!("<module '{sname}' ({origin})>")
            });
        }
    }
    if let Some(f) = get(&d, "__file__").and_then(|f| as_str(&f).map(str::to_string)) {
        return Ok(format!("<module '{name}' from '{f}'>"));
    }
    if crate::stdlib::is_builtin_module(&name) && loaded(vm, &name).is_some_and(|x| x.is(m)) {
        return Ok(format!("<module '{name}' (built-in)>"));
    }
    match loader {
        Some(l) => Ok(format!(
            "<module '{name}' ({})>",
            ops::repr::repr_string(vm, &l)?
        )),
        None => Ok(format!("<module '{name}'>")),
    }
}

/// `-m name`: imports the parent packages and finds the module to run as `__main__`
/// (a package runs its `__main__` submodule). Returns (module name, path, is package).
pub fn find_main_module(
    vm: &mut Vm,
    name: &str,
) -> Result<(String, String, bool), crate::run::MainModuleError> {
    use crate::run::MainModuleError::{Message, Raised};
    if name.is_empty() || name.starts_with('.') {
        return Err(Message("Relative module names not supported".into()));
    }
    let (parent, _) = name.rsplit_once('.').unwrap_or(("", name));
    let mut search = None;
    if !parent.is_empty() {
        match gcd_import(vm, parent) {
            Ok(pm) => search = module_dict(&pm).and_then(|d| get(&d, "__path__")),
            Err(e) if e.is_instance(tt().import_error) => {
                let ty = crate::types::type_name(&e.0).to_string();
                let msg = ops::repr::str_string(vm, &e.0).unwrap_or_default();
                return Err(Message(format!(
                    "Error while finding module specification for {} ({ty}: {msg})",
                    crate::fmt::strrepr::str_repr(name)
                )));
            }
            Err(e) => return Err(Raised(e)),
        }
        if search.is_none() {
            return Err(Message(format!("No module named {name}")));
        }
    }
    match find(vm, name, search).map_err(Raised)? {
        Some(Found::Source {
            path,
            package: false,
        }) => Ok((name.to_string(), path.display().to_string(), false)),
        Some(Found::Source { .. }) | Some(Found::Namespace(_)) => {
            let main = format!("{name}.__main__");
            match find_main_module(vm, &main) {
                Err(Message(m)) if m.starts_with("No module named") => Err(Message(format!(
                    "No module named {main}; '{name}' is a package and cannot be directly executed"
                ))),
                r => r,
            }
        }
        Some(Found::Native) | Some(Found::Embedded(_)) => {
            Err(Message(format!("No code object available for {name}")))
        }
        None => Err(Message(format!("No module named {name}"))),
    }
}
