//! The daemon's history: one SQLite file (bundled SQLite, WAL journal, synchronous=FULL).
//!
//! `jobs` holds every submitted job (its arguments, state, the pyrun commit and build that
//! ran it, the machine, the printed report); `runs` one row per (job, program, interpreter)
//! with the program's path, label and content hash, the interpreter's command line and
//! version; `samples` every timed process. Each program's runs and samples are committed in
//! one transaction as soon as that program is timed, so a daemon killed at any moment loses
//! at most the program it was timing; on start, jobs left `running` become `interrupted`
//! and `queued` ones are queued again.

use crate::bench::ProgramRecord;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    args TEXT NOT NULL,
    cwd TEXT NOT NULL,
    submitted REAL NOT NULL,
    started REAL,
    finished REAL,
    pyrun_commit TEXT,
    build TEXT,
    machine TEXT,
    error TEXT,
    report TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    job INTEGER NOT NULL REFERENCES jobs(id),
    program TEXT NOT NULL,
    label TEXT NOT NULL,
    program_hash TEXT NOT NULL,
    args TEXT NOT NULL,
    interpreter TEXT NOT NULL,
    kind TEXT NOT NULL,
    command TEXT NOT NULL,
    version TEXT NOT NULL,
    problem TEXT,
    recorded REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS samples (
    run INTEGER NOT NULL REFERENCES runs(id),
    round INTEGER NOT NULL,
    warmup INTEGER NOT NULL,
    wall_ms REAL NOT NULL,
    user_ms REAL NOT NULL,
    sys_ms REAL NOT NULL,
    max_rss_kib INTEGER NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_label ON runs(label);
CREATE INDEX IF NOT EXISTS runs_by_job ON runs(job);
CREATE INDEX IF NOT EXISTS samples_by_run ON samples(run);
";

pub struct Db {
    conn: Connection,
}

pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn err(path: &Path) -> impl Fn(rusqlite::Error) -> String + '_ {
    move |e| format!("database {}: {e}", path.display())
}

/// FNV-1a (64 bit) of the program's bytes: identifies a program's version in the history.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// A job as stored.
pub struct Job {
    pub id: i64,
    pub state: String,
    pub args: Vec<String>,
    pub cwd: String,
    pub submitted: f64,
    pub finished: Option<f64>,
    pub error: Option<String>,
    pub report: Option<String>,
}

/// One stored run of one program under one interpreter, with its timed samples.
pub struct StoredRun {
    pub job: i64,
    pub label: String,
    pub program_hash: String,
    pub interpreter: String,
    pub problem: Option<String>,
    pub recorded: f64,
    pub commit: Option<String>,
    /// (round, wall ms, cpu ms) of the timed, successful samples.
    pub samples: Vec<(i64, f64, f64)>,
}

impl Db {
    /// Opens (creating) the database for the daemon.
    pub fn open(path: &Path) -> Result<Db, String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("can't create {}: {e}", dir.display()))?;
        }
        let conn = Connection::open(path).map_err(err(path))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(err(path))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err(path))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err(path))?;
        conn.execute_batch(SCHEMA).map_err(err(path))?;
        Ok(Db { conn })
    }

    /// Opens an existing database for reading (history, compare).
    pub fn open_existing(path: &Path) -> Result<Db, String> {
        if !path.is_file() {
            return Err(format!(
                "no benchmark history at {} (the daemon creates it; --db PATH picks another)",
                path.display()
            ));
        }
        Db::open(path)
    }

    /// After a restart: running jobs become interrupted; returns the queued jobs in order.
    pub fn recover(&self) -> Result<Vec<i64>, String> {
        let e = |e: rusqlite::Error| format!("database: {e}");
        self.conn
            .execute(
                "UPDATE jobs SET state = 'interrupted', finished = ?1,
                 error = 'the daemon stopped while this job ran; programs timed before are kept'
                 WHERE state = 'running'",
                params![now()],
            )
            .map_err(e)?;
        let mut st = self
            .conn
            .prepare("SELECT id FROM jobs WHERE state = 'queued' ORDER BY id")
            .map_err(e)?;
        let ids = st
            .query_map([], |r| r.get(0))
            .map_err(e)?
            .collect::<Result<Vec<i64>, _>>()
            .map_err(e)?;
        Ok(ids)
    }

    pub fn add_job(&self, args: &[String], cwd: &str) -> Result<i64, String> {
        let args = serde_json::to_string(args).map_err(|e| e.to_string())?;
        self.conn
            .execute(
                "INSERT INTO jobs (state, args, cwd, submitted) VALUES ('queued', ?1, ?2, ?3)",
                params![args, cwd, now()],
            )
            .map_err(|e| format!("database: {e}"))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Removes a job that was never queued (the queue filled up in between).
    pub fn drop_job(&self, id: i64) -> Result<(), String> {
        self.conn
            .execute("DELETE FROM jobs WHERE id = ?1 AND state = 'queued'", [id])
            .map(|_| ())
            .map_err(|e| format!("database: {e}"))
    }

    pub fn start_job(
        &self,
        id: i64,
        commit: &str,
        build: &str,
        machine: &str,
    ) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE jobs SET state = 'running', started = ?2, pyrun_commit = ?3, build = ?4,
                 machine = ?5 WHERE id = ?1",
                params![id, now(), commit, build, machine],
            )
            .map(|_| ())
            .map_err(|e| format!("database: {e}"))
    }

    pub fn finish_job(
        &self,
        id: i64,
        state: &str,
        error: Option<&str>,
        report: Option<&str>,
    ) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE jobs SET state = ?2, finished = ?3, error = ?4, report = ?5 WHERE id = ?1",
                params![id, state, now(), error, report],
            )
            .map(|_| ())
            .map_err(|e| format!("database: {e}"))
    }

    /// Stores one program's runs and samples in one transaction.
    pub fn add_program(&mut self, job: i64, p: &ProgramRecord) -> Result<(), String> {
        let e = |e: rusqlite::Error| format!("database: {e}");
        let hash = std::fs::read(&p.path)
            .map(|b| content_hash(&b))
            .unwrap_or_else(|_| "unreadable".into());
        let tx = self.conn.transaction().map_err(e)?;
        for r in &p.results {
            tx.execute(
                "INSERT INTO runs (job, program, label, program_hash, args, interpreter, kind,
                 command, version, problem, recorded) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
                params![
                    job,
                    p.path.display().to_string(),
                    p.label,
                    hash,
                    serde_json::to_string(&p.args).unwrap_or_default(),
                    r.name,
                    r.kind,
                    serde_json::to_string(&r.command).unwrap_or_default(),
                    r.version,
                    r.problem,
                    now()
                ],
            )
            .map_err(e)?;
            let run = tx.last_insert_rowid();
            for s in &r.samples {
                tx.execute(
                    "INSERT INTO samples (run, round, warmup, wall_ms, user_ms, sys_ms,
                     max_rss_kib, status) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                    params![
                        run,
                        s.round as i64,
                        s.warmup,
                        s.wall_ms,
                        s.user_ms,
                        s.sys_ms,
                        s.max_rss_kib as i64,
                        s.status
                    ],
                )
                .map_err(e)?;
            }
        }
        tx.commit().map_err(e)
    }

    fn job_from_row(r: &rusqlite::Row) -> rusqlite::Result<Job> {
        let args: String = r.get(2)?;
        Ok(Job {
            id: r.get(0)?,
            state: r.get(1)?,
            args: serde_json::from_str(&args).unwrap_or_default(),
            cwd: r.get(3)?,
            submitted: r.get(4)?,
            finished: r.get(5)?,
            error: r.get(6)?,
            report: r.get(7)?,
        })
    }

    pub fn job(&self, id: i64) -> Result<Option<Job>, String> {
        self.conn
            .query_row(
                "SELECT id, state, args, cwd, submitted, finished, error, report FROM jobs
                 WHERE id = ?1",
                [id],
                Db::job_from_row,
            )
            .optional()
            .map_err(|e| format!("database: {e}"))
    }

    /// The most recent finished jobs, newest first.
    pub fn recent_jobs(&self, n: usize) -> Result<Vec<Job>, String> {
        let e = |e: rusqlite::Error| format!("database: {e}");
        let mut st = self
            .conn
            .prepare(
                "SELECT id, state, args, cwd, submitted, finished, error, report FROM jobs
                 WHERE state NOT IN ('queued', 'running') ORDER BY id DESC LIMIT ?1",
            )
            .map_err(e)?;
        let jobs = st
            .query_map([n as i64], Db::job_from_row)
            .map_err(e)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(e);
        jobs
    }

    /// Stored runs matching `filter` ("label = ?" style SQL on runs r), oldest first.
    fn runs_where(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<StoredRun>, String> {
        let e = |e: rusqlite::Error| format!("database: {e}");
        let sql = format!(
            "SELECT r.id, r.job, r.label, r.program_hash, r.interpreter, r.problem, r.recorded,
             j.pyrun_commit FROM runs r JOIN jobs j ON j.id = r.job WHERE {cond}
             ORDER BY r.job, r.id"
        );
        let mut st = self.conn.prepare(&sql).map_err(e)?;
        let rows = st
            .query_map(args, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    StoredRun {
                        job: r.get(1)?,
                        label: r.get(2)?,
                        program_hash: r.get(3)?,
                        interpreter: r.get(4)?,
                        problem: r.get(5)?,
                        recorded: r.get(6)?,
                        commit: r.get(7)?,
                        samples: Vec::new(),
                    },
                ))
            })
            .map_err(e)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(e)?;
        let mut sst = self
            .conn
            .prepare(
                "SELECT round, wall_ms, user_ms + sys_ms FROM samples
                 WHERE run = ?1 AND warmup = 0 AND status = 'exit 0' ORDER BY round",
            )
            .map_err(e)?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut run) in rows {
            run.samples = sst
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(e)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(e)?;
            out.push(run);
        }
        Ok(out)
    }

    /// Every stored run of a program, given as its file name (with or without `.py`) or path.
    pub fn history(&self, program: &str) -> Result<Vec<StoredRun>, String> {
        let with_py = if program.ends_with(".py") {
            program.to_string()
        } else {
            format!("{program}.py")
        };
        self.runs_where(
            "r.label = ?1 OR r.label = ?2 OR r.program = ?1",
            &[&program, &with_py],
        )
    }

    /// Every stored run of a job.
    pub fn job_runs(&self, job: i64) -> Result<Vec<StoredRun>, String> {
        self.runs_where("r.job = ?1", &[&job])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_content() {
        assert_eq!(content_hash(b""), "fnv1a64:cbf29ce484222325");
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
    }
}
