//! Where the daemon's socket and database live, and the checks that keep the socket private.
//!
//! Socket: `$XDG_RUNTIME_DIR/pyrun/daemon.sock`, else `/tmp/pyrun-$UID/daemon.sock`, in a
//! directory of mode 0700 owned by the user (an existing one with other owners or wider
//! permissions is refused); the socket itself is made 0600.
//! Database: `$XDG_DATA_HOME/pyrun/bench.sqlite`, else `~/.local/share/pyrun/bench.sqlite`.

use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn uid() -> u32 {
    // SAFETY: getuid cannot fail.
    unsafe { libc::getuid() }
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

pub fn default_socket() -> PathBuf {
    match env_dir("XDG_RUNTIME_DIR") {
        Some(d) => d.join("pyrun").join("daemon.sock"),
        None => PathBuf::from(format!("/tmp/pyrun-{}", uid())).join("daemon.sock"),
    }
}

pub fn default_db() -> Result<PathBuf, String> {
    let base = env_dir("XDG_DATA_HOME")
        .or_else(|| env_dir("HOME").map(|h| h.join(".local").join("share")))
        .ok_or("neither XDG_DATA_HOME nor HOME is set: give --db PATH")?;
    Ok(base.join("pyrun").join("bench.sqlite"))
}

/// Makes `path` absolute against the current directory.
pub fn absolute(path: &Path) -> Result<PathBuf, String> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    std::env::current_dir()
        .map(|d| d.join(path))
        .map_err(|e| format!("can't read the current directory: {e}"))
}

/// Creates the socket's directory (0700) if needed, and refuses one that others could use.
pub fn private_dir(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| format!("can't create {}: {e}", dir.display()))?;
    }
    let meta =
        std::fs::symlink_metadata(dir).map_err(|e| format!("can't read {}: {e}", dir.display()))?;
    if !meta.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    if meta.uid() != uid() {
        return Err(format!(
            "{} belongs to another user (uid {}): refusing to put the socket there",
            dir.display(),
            meta.uid()
        ));
    }
    if meta.permissions().mode() & 0o022 != 0 {
        return Err(format!(
            "{} is writable by others (mode {:o}): refusing to put the socket there",
            dir.display(),
            meta.permissions().mode() & 0o7777
        ));
    }
    Ok(())
}

/// Restricts the socket file to its owner.
pub fn private_socket(path: &Path) -> Result<(), String> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| format!("can't chmod {}: {e}", path.display()))
}
